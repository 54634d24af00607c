"""The scoring's vectorised rules, checked against the same rules worked out row by row."""

from __future__ import annotations

import random

import numpy as np
from rapidfuzz import fuzz, process

from nutrilog.foods import FoodTable
from nutrilog.matching import scoring
from nutrilog.matching.candidates import many_candidates
from nutrilog.matching.index import FoodIndex, index_for
from nutrilog.matching.lookup import foods_holding, synonym_words
from nutrilog.matching.ranking import Request, _search
from nutrilog.matching.vocabulary import matcher_words


def _synonym_rule_row_by_row(
    index: FoodIndex, table: scoring._Table, score: np.ndarray
) -> np.ndarray:
    """The synonym rule of :func:`scoring._synonym_rule`, one candidate at a time."""
    tables = scoring.ranking_tables(index)
    pairs = np.flatnonzero(tables.has_synonym[table.choice[table.pair_row]])
    wanted = table.word_id[table.pair_word[pairs]] * len(index.choice_text)
    held = scoring._member(tables.synonym_keys, wanted + table.choice[table.pair_row[pairs]])
    count = np.bincount(table.pair_row[pairs], weights=held, minlength=len(table.choice))
    at = np.flatnonzero(tables.has_synonym[table.choice] & (count * 2 >= table.k[table.text]))
    heads = table.head_pairs
    described = np.zeros(len(table.choice), dtype=bool)
    described[table.pair_row[heads]] = table.in_food[heads] == 1
    somewhere = np.zeros(len(table.texts), dtype=bool)
    somewhere[table.text[described]] = True
    queries, ordered = table.queries()
    text, choice = table.text[at], table.choice[at]
    token_set = process.cpdist(queries[text], tables.synonyms[choice], scorer=fuzz.token_set_ratio)
    token_sort = process.cpdist(ordered[text], tables.sorted_synonyms[choice], scorer=fuzz.ratio)
    vocab = matcher_words()
    ignore = vocab.free | vocab.stop | vocab.cosmetic
    out = score.copy()
    for r, i, c, ts, tsort in zip(
        at.tolist(),
        text.tolist(),
        choice.tolist(),
        token_set.tolist(),
        token_sort.tolist(),
        strict=True,
    ):
        t, words = table.texts[i], synonym_words(index)[c]
        covered = sum(t.weight[w] for w in t.known if w in words) / sum(t.weight.values())
        extra = len(words.difference(t.known) - ignore)
        alt = (
            60.0 * covered
            + 0.2 * float(ts)
            + 0.2 * float(tsort)
            - 3.0 * extra
            + 5.0 * (extra == 0 and covered >= 0.999)
            - scoring.SYNONYM_COST
        )
        if somewhere[i] and not described[r]:
            alt -= scoring.SYNONYM_COST
        out[r] = max(out[r], alt)
    return out


def test_the_synonym_rule_scores_as_row_by_row(foods: FoodTable) -> None:
    index = index_for(foods)
    rng = random.Random(11)
    synonyms = [c for c, words in enumerate(synonym_words(index)) if words]
    requests = []
    for c in rng.sample(synonyms, 400):
        words = list(dict.fromkeys(index.choice_text[c].split()))
        some = rng.sample(words, min(len(words), rng.randint(1, 4)))
        head = some[-1]
        allowed = foods_holding(index, head) if rng.random() < 0.5 else None
        requests.append(Request(some, 25, frozenset(some[:1]), None, allowed, None, head))
    searches = [s for r in requests if (s := _search(index, r)) is not None]
    takes = many_candidates(index, searches)
    texts = [
        scoring.Text(s.words, dict(zip(s.words, s.weights, strict=True)), take)
        for s, take in zip(searches, takes, strict=True)
        if len(take)
    ]
    table = scoring._Table(index, texts)
    score = scoring._segment_rules(index, table, scoring._word_scores(index, table))
    expected = _synonym_rule_row_by_row(index, table, score)
    found = scoring._synonym_rule(index, table, score)
    assert (found != score).sum() > 50  # the rule changed many scores
    assert np.array_equal(found, expected)


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
