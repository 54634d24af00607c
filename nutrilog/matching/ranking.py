"""Ranking: which foods of the index fit a list of food words best, scored 0-100.

The candidates are the choices sharing the most idf-weighted words with the text.
Each is scored by the share of the text's words it holds (60 points, idf-weighted)
and rapidfuzz's token-set and token-sort ratios (20 points each); then

* a description whose first segment (up to the first comma) adds words the text
  does not have loses 3 points a word, 10 when a word names another food;
* a first segment made of exactly the text's words gains 5;
* words that turn a food into something else (``meatless``) cost 15 unless asked for;
* every other added word costs 1;
* a preparation word of the text gains 3 where the food is prepared that way and
  costs 8 where it is not; with no preparation named, processed forms cost 6 a word
  and raw forms gain 2;
* baby foods, restaurant and branded items lose their standing penalty unless the
  text asks for baby food.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> index = index_for(load_foods())
>>> best, score = fuzzy(index, ["lentil", "soup"])[0]
>>> str(index.descriptions[best])
'Lentil soup, home recipe, canned, or ready-to-serve'
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from nutrilog.matching.index import EMPTY, FoodIndex, holding
from nutrilog.matching.vocabulary import matcher_words

__all__ = ["fuzzy", "suggest", "N_CANDIDATES"]

#: Candidate choices scored per text.
N_CANDIDATES = 40


def _candidates(index: FoodIndex, words: list[str], limit: int) -> np.ndarray:
    """Choices sharing the most (idf-weighted) words with ``words``, shorter first on ties."""
    lists = [index.postings[w] for w in words]
    hits = np.concatenate(lists)
    weights = np.repeat([index.idf[w] for w in words], [len(p) for p in lists])
    # Dense over all choices: a bincount and a mark per hit instead of sorting the hits.
    n_choices = len(index.choice_text)
    present = np.zeros(n_choices, dtype=bool)
    present[hits] = True
    uniq = np.flatnonzero(present)
    summed = np.bincount(hits, weights=weights, minlength=n_choices)
    overlap = summed[uniq] - 0.01 * index.choice_len[uniq]
    if len(uniq) > limit:
        top = np.argpartition(-overlap, limit)[:limit]
        return uniq[top[np.argsort(-overlap[top], kind="stable")]]
    return uniq[np.argsort(-overlap, kind="stable")]


def fuzzy(index: FoodIndex, words: list[str], limit: int = N_CANDIDATES) -> list[tuple[int, float]]:
    """Rank foods for the known ``words``; return (food position, score 0-100) best first."""
    vocab = matcher_words()
    known = [w for w in dict.fromkeys(words) if w in index.postings and w not in vocab.stop]
    if not known:
        return []
    take = _candidates(index, known, limit)
    query = " ".join(known)
    texts = [index.choice_text[c] for c in take.tolist()]
    token_set = process.cdist([query], texts, scorer=fuzz.token_set_ratio)[0]
    token_sort = process.cdist([query], texts, scorer=fuzz.token_sort_ratio)[0]
    qset = frozenset(known)
    food = index.choice_food[take]
    c = index.counts
    content = [w for w in known if w not in vocab.free]
    # Which candidate choices, their foods and first segments have each word: one search.
    k = len(known)
    rows = holding(
        [index.postings[w] for w in known]
        + [index.food_postings.get(w, EMPTY) for w in known]
        + [index.head_postings.get(w, EMPTY) for w in known],
        np.repeat(np.stack([take, food, food]), k, axis=0),
        max(len(index.choice_text), len(index.ids)),
    )
    in_choice = dict(zip(known, rows[:k], strict=True))
    in_food = dict(zip(known, rows[k : 2 * k], strict=True))
    in_head = dict(zip(known, rows[2 * k :], strict=True))
    zero = np.zeros(len(take))
    q_weight = sum(index.idf[w] for w in known)
    covered = sum((index.idf[w] * in_choice[w] for w in known), zero) / q_weight
    score = (
        60.0 * covered + 0.2 * np.asarray(token_set, float) + 0.2 * np.asarray(token_sort, float)
    )
    head_extra = c["head"][food] - sum((in_head[w] for w in content), zero)
    noncat_extra = c["head_noncat"][food] - sum(
        (in_head[w] for w in content if w not in vocab.category_heads), zero
    )
    score -= np.where(noncat_extra > 0, 10.0, 3.0) * head_extra
    same_head = (c["head_size"][food] == len(qset)) & (
        sum((in_head[w] for w in known), zero) == len(qset)
    )
    score += 5.0 * same_head
    score -= 15.0 * (
        c["negating"][food] - sum((in_food[w] for w in known if w in vocab.negating), zero)
    )
    all_extra = c["all"][food] - sum((in_food[w] for w in content), zero)
    score -= 1.0 * (all_extra - head_extra)
    preps = [w for w in known if w in vocab.preparation]
    for p in preps:
        score += np.where(index.prep_ok[p][food], 3.0, -8.0)
    if not preps:
        score -= 6.0 * (
            c["processed"][food] - sum((in_food[w] for w in known if w in vocab.processed), zero)
        )
        score += 2.0 * c["raw"][food]
    if not qset & vocab.baby:
        score -= index.penalty[food]
    score = np.clip(score, 0.0, 100.0)
    order = np.lexsort((food, -score))
    best: dict[int, float] = {}  # each food at its best choice
    for f, v in zip(food[order].tolist(), score[order].tolist(), strict=True):
        best.setdefault(f, v)
    return list(best.items())


def suggest(index: FoodIndex, ranked: list[tuple[int, float]]) -> list[tuple[str, str, float]]:
    return [(str(index.ids[p]), str(index.descriptions[p]), round(s, 1)) for p, s in ranked]
