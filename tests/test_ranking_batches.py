"""The rankings of many texts scored together give what each text gets alone."""

from __future__ import annotations

import numpy as np

from nutrilog.foods import FoodTable
from nutrilog.matching.allowed import allowed_foods, named_foods
from nutrilog.matching.index import index_for
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.ranking import Request, fuzzy, rank_many
from nutrilog.matching.rounds import in_rounds
from nutrilog.matching.steps import key_steps, match_key

# Texts of every kind: aliases, exact descriptions, fuzzy matches with and without a
# head word, preparations, brands, synonyms, misspellings, unknown words and nothing.
TEXTS = [
    "bananas",
    "Spinach, raw",
    "beef barley soup",
    "cardoon",
    "roasted eggplant",
    "little caesars pepperoni",
    "nutella",
    "cooked quinao",
    "guayusa tea",
    "strawberry jam",
    "coffee with cream",
    "Black Pepper, Ground",
    "chicken breast grilled skinless",
    "kraft macaroni and cheese dinner",
    "xqzzv blorb",
    "",
]


def _requests(foods: FoodTable) -> list[Request]:
    index = index_for(foods)
    matcher = Matcher(foods)
    out = []
    for text in TEXTS:
        reading = matcher.reading(key_of(text))
        words = reading.words("core", "qualifier", "number")
        allowed, named = allowed_foods(index, reading), named_foods(index, reading)
        out.append(Request(words, 25, reading.light(), None, allowed, named, reading.head))
        out.append(Request(words, light=reading.light()))
    return out


def test_many_rankings_at_once_are_each_ranking_alone(foods: FoodTable) -> None:
    index = index_for(foods)
    requests = _requests(foods)
    together = rank_many(index, requests)
    assert len(together) == len(requests)
    alone = [rank_many(index, [r])[0] for r in requests]
    assert [together[i] for i in range(len(requests))] == alone
    assert sum(bool(r) for r in alone) >= len(TEXTS)  # most texts rank some food
    # reversed, the same answers: a text's rows do not depend on its neighbours
    backwards = rank_many(index, requests[::-1])
    assert [backwards[i] for i in range(len(requests))] == alone[::-1]


def test_a_request_made_twice_is_ranked_as_once(foods: FoodTable) -> None:
    index = index_for(foods)
    requests = _requests(foods)
    alone = [rank_many(index, [r])[0] for r in requests]
    twice = rank_many(index, requests + requests)
    assert [twice[i] for i in range(2 * len(requests))] == alone + alone
    # an equal request with an equal copy of its foods is ranked the same
    copies = [
        Request(
            r.words,
            r.limit,
            r.light,
            r.prefer,
            None if r.allowed is None else r.allowed.copy(),
            None if r.named is None else r.named.copy(),
            r.head,
        )
        for r in requests
    ]
    both = rank_many(index, requests + copies)
    assert [both[i] for i in range(2 * len(requests))] == alone + alone


def test_fuzzy_is_one_ranking(foods: FoodTable) -> None:
    index = index_for(foods)
    ranked = fuzzy(index, ["lentil", "soup"])
    assert ranked == rank_many(index, [Request(["lentil", "soup"])])[0]
    assert ranked[0][1] >= ranked[-1][1]
    assert len({food for food, _ in ranked}) == len(ranked)  # each food once
    assert fuzzy(index, ["xqzzv"]) == []


def test_keys_in_rounds_match_as_keys_alone(foods: FoodTable) -> None:
    index = index_for(foods)
    matcher = Matcher(foods)
    tables = matcher.tables
    keys = [key_of(t) for t in TEXTS]
    together = in_rounds(index, (key_steps(index, k, tables, 72.0) for k in keys))
    alone = [match_key(index, k, tables, 72.0) for k in keys]
    assert together == alone
    assert {r.method for r in together} >= {"alias", "exact", "fuzzy", "none"}
    positions = np.array([-1 if r.position is None else r.position for r in together])
    assert (positions >= 0).sum() >= len(TEXTS) // 2
