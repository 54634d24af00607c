"""The look-ups that answer when asked, checked against the whole table worked out at once."""

from __future__ import annotations

import random
import re

import numpy as np

from nutrilog.foods import FoodTable
from nutrilog.matching.alias_tries import alias_lookup
from nutrilog.matching.allowed import allowed_foods, named_foods
from nutrilog.matching.index import index_for
from nutrilog.matching.lookup import (
    EMPTY,
    WordPairs,
    any_flavour,
    choice_starts,
    food_keys,
    food_masks,
    foods_holding,
    has_keys,
    named_by,
    posting_keys,
    some_hold,
    some_of,
    union_sorted,
    word_pairs,
)
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.reading import read_key
from nutrilog.matching.words import normalize_many


def test_word_pairs_are_the_pairs_side_by_side_in_some_choice(foods: FoodTable) -> None:
    index = index_for(foods)
    every: set[tuple[str, str]] = set()
    for text in index.choice_text:
        words = text.split()
        every.update(zip(words, words[1:], strict=False))
    rng = random.Random(5)
    side_by_side = rng.sample(sorted(every), 3000)
    known = sorted(index.postings)
    # pairs of known words, most of them never side by side, some swapped
    others = [(rng.choice(known), rng.choice(known)) for _ in range(3000)]
    swapped = [(b, a) for a, b in side_by_side[:1000]]
    unknown = [("zzqx", "milk"), ("milk", "zzqx"), ("", "")]
    pairs = WordPairs(index)
    for pair in side_by_side + others + swapped + unknown:
        assert (pair in pairs) == (pair in every), pair
        assert (pair in pairs) == (pair in every), pair  # asked again: the kept answer


def test_word_pairs_are_kept_by_the_index(foods: FoodTable) -> None:
    index = index_for(foods)
    assert word_pairs(index) is word_pairs(index)
    assert ("monterey", "jack") in word_pairs(index)


def test_food_keys_hold_what_food_masks_hold(foods: FoodTable) -> None:
    index = index_for(foods)
    rng = np.random.default_rng(2)
    words = ["chicken", "raw", "milk", "banana", "zzqx"]
    arrays = [foods_holding(index, w) for w in words]
    asked = [arrays[i] if i < len(arrays) else None for i in rng.integers(0, 7, 40).tolist()]
    masks, row = food_masks(index, asked)
    keys, same_row = food_keys(index, asked)
    assert row.tolist() == same_row.tolist()
    at = np.flatnonzero(row >= 0)
    food = rng.integers(0, len(index.ids), (len(at), 300))
    wanted = row[at][:, None] * len(index.ids) + food
    assert (has_keys(keys, wanted) == masks.reshape(-1)[wanted]).all()


def test_looking_for_words_in_allowed_choices_finds_the_allowed_postings(
    foods: FoodTable,
) -> None:
    """What the candidate search does for a word with many more choices than its text
    allows: a search of the allowed foods' choices in the postings' keys."""
    index = index_for(foods)
    number, keys = posting_keys(index)
    start = choice_starts(index)
    rng = random.Random(9)
    words = rng.sample(sorted(index.postings), 100) + ["raw", "cooked", "salt"]
    heads = rng.sample(sorted(index.postings), 40) + ["chicken", "cheese", "zzqx"]
    for head in heads:
        allowed = foods_holding(index, head)
        choices = np.concatenate(
            [EMPTY, *(np.arange(start[f], start[f + 1]) for f in allowed.tolist())]
        )
        inside = np.isin(index.choice_food, allowed)
        for w in words:
            probed = choices[has_keys(keys, number[w] * len(index.choice_text) + choices)]
            read = index.postings[w][inside[index.postings[w]]]
            assert np.array_equal(probed, read.astype(np.int64)), (head, w)


def _named_one_by_one(index) -> dict[str, list[int]]:
    """The foods each word names, text by text (what :func:`named_by` does in one pass)."""
    complement = {"in", "with", "without", "for", "on", "from", "as"}

    def before(words: list[str]) -> list[str]:
        for i, w in enumerate(words):
            if w in complement and i:
                return words[:i]
        return words

    pairs: dict[str, set[int]] = {}
    unbracketed = [re.sub(r"\([^()]*\)", " ", d) for d in index.descriptions.tolist()]
    for food, key in enumerate(normalize_many(unbracketed)):
        for w in before(key.split()):
            pairs.setdefault(w, set()).add(food)
    for food, key in zip(*index.synonym_keys, strict=True):
        words = before(key.split())
        if words:
            pairs.setdefault(words[-1], set()).add(food)
    return {w: sorted(f) for w, f in pairs.items()}


def test_named_by_names_what_reading_each_text_names(foods: FoodTable) -> None:
    index = index_for(foods)
    expected = _named_one_by_one(index)
    named_by(index, "milk")
    assert index.names is not None
    assert {w: f.tolist() for w, f in index.names.items()} == expected
    assert all(f.dtype == np.int64 for f in index.names.values())
    assert named_by(index, "zzqx").tolist() == []


def test_allowed_foods_kept_by_their_words_are_those_worked_out_afresh(
    foods: FoodTable,
) -> None:
    index = index_for(foods)
    texts = [
        "flax seeds",
        "flax seed oil",
        "flaxseed",
        "onion powder",
        "garlic powder",
        "oat milk",
        "brewed coffee",
        "coffee with cream",
        "chicken noodle soup",
        "noodle soup with chicken",
        "black bean tacos",
        "mahi mahi",
        "green bell peppers",
    ]
    readings = [read_key(index, key_of(t)) for t in texts]
    kept = [(allowed_foods(index, r), named_foods(index, r)) for r in readings]
    # asked again: the kept arrays
    assert all(allowed_foods(index, r) is a for r, (a, _) in zip(readings, kept, strict=True))
    for reading, (allowed, named) in zip(readings, kept, strict=True):
        index.allowed.clear()
        fresh, fresh_named = allowed_foods(index, reading), named_foods(index, reading)
        for a, b in ((allowed, fresh), (named, fresh_named)):
            assert (a is None) == (b is None)
            if a is not None:
                assert a.dtype == b.dtype and np.array_equal(a, b)


def test_some_hold_and_some_of_answer_as_a_mask_of_the_allowed_foods(foods: FoodTable) -> None:
    index = index_for(foods)
    rng = random.Random(4)
    words = rng.sample(sorted(index.postings), 150) + ["raw", "cooked", "zzqx"]
    arrays = [foods_holding(index, w) for w in ["chicken", "jam", "salt", "zzqx"]]
    arrays.append(np.array(sorted(rng.sample(range(len(index.ids)), 40))))
    masks = [any_flavour(index), *index.prep_ok.values()]
    for _ in range(2):  # the second time: the kept answers
        for allowed in arrays:
            inside = np.zeros(len(index.ids), dtype=bool)
            inside[allowed] = True
            for w in words:
                assert some_hold(index, allowed, w) == inside[foods_holding(index, w)].any()
            for mask in masks:
                assert some_of(index, allowed, mask) == mask[allowed].any()


def test_a_few_texts_normalise_as_in_one_pass_of_many(foods: FoodTable) -> None:
    texts = [
        *foods.foods["description"].head(300).tolist(),
        "Cookies & cream",
        "",
        "Crème Fraîche",
        "a | b",
        "two\nlines",
        "Trader Joe's  O'Douls",
        "   ",
        "100% juice (4 oz.)",
    ]
    in_one_pass = normalize_many(texts)
    assert len(in_one_pass) == len(texts) > 4
    for n in range(1, 5):
        for start in range(0, len(texts) - n, 7):
            assert normalize_many(texts[start : start + n]) == in_one_pass[start : start + n]


def test_union_sorted_is_numpy_unique_of_the_arrays(foods: FoodTable) -> None:
    index = index_for(foods)
    rng = random.Random(6)
    words = rng.sample(sorted(index.postings), 60)
    for n in range(0, 60, 3):
        arrays = [foods_holding(index, w) for w in words[n : n + rng.randint(1, 4)]]
        expected = np.unique(np.concatenate(arrays))
        found = union_sorted(arrays)
        assert found.dtype == expected.dtype and np.array_equal(found, expected)
    assert union_sorted([EMPTY, EMPTY]).tolist() == []


def test_alias_look_ups_kept_by_the_tables_are_those_worked_out_afresh(
    foods: FoodTable,
) -> None:
    index = index_for(foods)
    tables, fresh = Matcher(foods).tables, Matcher(foods).tables
    rng = random.Random(8)
    aliases = rng.sample(sorted(tables.curated), 300)
    asked = [a.split() for a in aliases]
    asked += [["cooked", *w] for w in asked[:50]] + [[*w, "raw"] for w in asked[50:100]]
    asked += [w[1:] for w in asked if len(w) > 1] + [["zzqx"], []]
    for words in asked + asked[::-1]:  # the second time, the kept answers
        kept = alias_lookup(index, words, tables)
        fresh.looked_up.clear()
        assert kept == alias_lookup(index, words, fresh)
    assert len(tables.looked_up[id(index)]) == len({tuple(w) for w in asked})


def test_readings_with_the_roles_kept_are_those_worked_out_afresh(foods: FoodTable) -> None:
    index = index_for(foods)
    rng = random.Random(2)
    texts = [" ".join(rng.sample(sorted(index.postings), 3)) for _ in range(100)]
    texts += ["12 organic raw chicken", "the zzqx tea", "cooked quinao", "kraft mac and cheese"]
    kept = [read_key(index, key_of(t)) for t in texts]
    kept = [read_key(index, key_of(t)) for t in texts]  # the second time, the kept roles
    for text, reading in zip(texts, kept, strict=True):
        index.roles.clear()
        assert read_key(index, key_of(text)) == reading
