"""The tables the scoring's vectorised synonym rule reads, checked against the synonyms' words."""

from __future__ import annotations

from nutrilog.foods import FoodTable
from nutrilog.matching import scoring
from nutrilog.matching.index import index_for
from nutrilog.matching.lookup import synonym_words
from nutrilog.matching.vocabulary import matcher_words


def test_the_synonym_tables_are_those_of_the_synonyms_words(foods: FoodTable) -> None:
    index = index_for(foods)
    tables = scoring.ranking_tables(index)
    words = synonym_words(index)
    assert tables.has_synonym.tolist() == [bool(w) for w in words]
    n = len(index.choice_text)
    keys = sorted(tables.word_id[w] * n + c for c, held in enumerate(words) for w in held)
    assert tables.synonym_keys[:-1].tolist() == keys
    ignore = matcher_words().free | matcher_words().stop | matcher_words().cosmetic
    sizes = [len(w - ignore) for w in words]
    assert scoring.synonym_sizes(index).tolist() == sizes
