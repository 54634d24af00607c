"""The look-ups that answer when asked, checked against the whole table worked out at once."""

from __future__ import annotations

import random

from nutrilog.foods import FoodTable
from nutrilog.matching.index import index_for
from nutrilog.matching.lookup import WordPairs, word_pairs


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
