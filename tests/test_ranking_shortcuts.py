"""The facts about the index and rapidfuzz that the scoring leans on to do less work."""

from __future__ import annotations

import random

import numpy as np
from rapidfuzz import fuzz, process

from nutrilog.foods import FoodTable
from nutrilog.matching.index import index_for
from nutrilog.matching.lookup import synonym_words


def test_a_choice_holds_its_description_and_its_synonym_words(foods: FoodTable) -> None:
    index = index_for(foods)
    by_postings = {(w, int(c)) for w, choices in index.postings.items() for c in choices.tolist()}
    described = {
        (w, int(c))
        for w, held in index.food_postings.items()
        for c in np.flatnonzero(np.isin(index.choice_food, held)).tolist()
    }
    synonyms = {(w, c) for c, words in enumerate(synonym_words(index)) for w in words}
    assert by_postings == described | synonyms


def test_a_first_segment_holds_only_words_of_its_description(foods: FoodTable) -> None:
    index = index_for(foods)
    for word, held in index.head_postings.items():
        assert np.isin(held, index.food_postings[word]).all(), word


def test_a_choice_holding_every_word_of_a_query_has_token_set_ratio_100(
    foods: FoodTable,
) -> None:
    index = index_for(foods)
    rng = random.Random(3)
    choices = rng.sample(index.choice_text, 500)
    queries = []
    for text in choices:
        words = list(dict.fromkeys(text.split()))
        queries.append(" ".join(rng.sample(words, rng.randint(1, len(words)))))
    ratios = process.cpdist(queries, choices, scorer=fuzz.token_set_ratio)
    assert (np.asarray(ratios, float) == 100.0).all()
