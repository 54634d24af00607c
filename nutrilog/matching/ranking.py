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

from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import (
    EMPTY,
    brand_named,
    foods_holding,
    holding,
    isin_sorted,
    synonym_words,
)
from nutrilog.matching.vocabulary import matcher_words

__all__ = ["fuzzy", "suggest", "N_CANDIDATES"]

#: Candidate choices scored per text.
N_CANDIDATES = 40
#: Points a synonym read as a food's name costs against its description.
_SYNONYM_COST = 8.0
#: Points a food loses when its name lacks the text's head word.
_UNNAMED = 8.0
#: Masks of food arrays kept for reuse.
_MASKS_KEPT = 8
#: Fewest candidates whose description has the head word (see :func:`_candidates`).
_POOL_MIN = 8
#: Weight of a light word (a qualifier) in the share of the text a food holds.
_LIGHT = 1 / 3


def _candidates(
    index: FoodIndex,
    words: list[str],
    limit: int,
    weight: dict[str, float],
    allowed: np.ndarray | None = None,
    pool: np.ndarray | None = None,
) -> np.ndarray:
    """Choices sharing the most (weighted) words with ``words``, shorter first on ties.

    ``allowed`` (sorted food positions) keeps only the choices of those foods; the best
    choices of the foods of ``pool`` (sorted food positions: the foods whose description
    has the head word) are taken too, so that "Coffee, brewed" is scored for ``coffee
    with cream`` even when fifty foods hold both words.
    """
    found, summed = _overlap(index, words, weight, allowed)
    take = _best(found, summed, index.choice_len, limit)
    if (
        pool is not None
        and len(found) > limit
        and isin_sorted(index.choice_food[take], pool).sum() < _POOL_MIN
    ):
        inside = _mask(index, pool)[index.choice_food[found]]
        taken = set(take.tolist())
        extra = [
            c
            for c in _best(found[inside], summed[inside], index.choice_len, _POOL_MIN).tolist()
            if c not in taken
        ]
        if extra:
            take = np.concatenate([take, np.array(extra, dtype=take.dtype)])
    return take


def _overlap(
    index: FoodIndex, words: list[str], weight: dict[str, float], allowed: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """The choices holding some of ``words`` (of the ``allowed`` foods, if given), sorted,
    and the summed weight of the words each holds (added in the order of ``words``)."""
    lists = [index.postings[w] for w in words]
    hits = np.concatenate(lists)
    weights = np.repeat([weight[w] for w in words], [len(p) for p in lists])
    if allowed is not None:
        # the hits of the allowed foods are few: sort those alone
        keep = _mask(index, allowed)[index.choice_food[hits]]
        found, at = np.unique(hits[keep], return_inverse=True)
        return found, np.bincount(at, weights=weights[keep], minlength=len(found))
    # Dense over all choices: a bincount and a mark per hit instead of sorting the hits.
    n_choices = len(index.choice_text)
    present = np.zeros(n_choices, dtype=bool)
    present[hits] = True
    found = np.flatnonzero(present)
    return found, np.bincount(hits, weights=weights, minlength=n_choices)[found]


def _mask(index: FoodIndex, foods: np.ndarray) -> np.ndarray:
    """A mask over the foods of ``index``, True at ``foods`` (the last few are kept: the
    same food arrays come back text after text)."""
    cache = index.masks
    for kept, mask in cache:
        if kept is foods:
            return mask
    mask = np.zeros(len(index.ids), dtype=bool)
    mask[foods] = True
    cache.insert(0, (foods, mask))
    del cache[_MASKS_KEPT:]
    return mask


def _best(found: np.ndarray, summed: np.ndarray, length: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` choices of ``found`` with the highest ``summed`` (aligned with
    ``found``), shorter first on ties."""
    overlap = summed - 0.01 * length[found]
    if len(found) > limit:
        top = np.argpartition(-overlap, limit)[:limit]
        return found[top[np.argsort(-overlap[top], kind="stable")]]
    return found[np.argsort(-overlap, kind="stable")]


def fuzzy(
    index: FoodIndex,
    words: list[str],
    limit: int = N_CANDIDATES,
    *,
    light: frozenset[str] = frozenset(),
    prefer: list[list[str]] | None = None,
    allowed: np.ndarray | None = None,
    named: np.ndarray | None = None,
    head: str | None = None,
) -> list[tuple[int, float]]:
    """Rank foods for the known ``words``; return (food position, score 0-100) best first.

    Parameters
    ----------
    index : FoodIndex
    words : list of str
        The text's words (unknown and stop words are left out).
    limit : int
        How many candidate choices are scored.
    light : frozenset of str
        Words that weigh a third as much in the share of the text's words a food holds
        (qualifiers: ``ground``, ``raw``), so that they select among foods without
        pushing the right one under the threshold.
    prefer : list of list of str
        Brand words: a food holding all words of one of them is not given its
        standing penalty for being a branded or restaurant item, and gains 3.
    allowed : array of int, optional
        Sorted food positions: only these foods are ranked.
    named : array of int, optional
        Sorted food positions: the foods whose name has the text's head word; the others lose
        :data:`_UNNAMED` points (``coffee with cream`` is coffee, not "Cream, light"
        whose synonym is coffee cream).
    head : str, optional
        The text's head word (see :mod:`nutrilog.matching.reading`).
    """
    vocab = matcher_words()
    known = [w for w in dict.fromkeys(words) if w in index.postings and w not in vocab.stop]
    if not known:
        return []
    weight = {w: index.idf[w] * (_LIGHT if w in light else 1.0) for w in known}
    pool = None if head is None else index.food_postings.get(head)
    take = _candidates(index, known, limit, weight, allowed, pool)
    if not len(take):
        return []
    query = " ".join(known)
    chosen = take.tolist()
    texts = [index.choice_text[c] for c in chosen]
    token_set = process.cdist([query], texts, scorer=fuzz.token_set_ratio)[0]
    token_sort = _token_sort(index, query, chosen, 0)
    qset = frozenset(known)
    food = index.choice_food[take]
    c = index.counts
    # Which candidate choices, their foods and first segments have each word: one search.
    k = len(known)
    rows = holding(
        [index.postings[w] for w in known]
        + [index.food_postings.get(w, EMPTY) for w in known]
        + [index.head_postings.get(w, EMPTY) for w in known],
        np.repeat(np.stack([take, food, food]), k, axis=0),
        max(len(index.choice_text), len(index.ids)),
    )
    in_choice, in_food, in_head = rows[:k], rows[k : 2 * k], rows[2 * k :]
    at = {w: i for i, w in enumerate(known)}
    # How many of the text's words of each kind (content, not a category, negating,
    # processed, any) each candidate's first segment and description hold: two products.
    kinds = np.array([_kinds(w) for w in known], dtype=float).T
    head_held, food_held = kinds @ in_head, kinds @ in_food
    weights = np.array([weight[w] for w in known])
    cooking = vocab.preparation.get("cooked", frozenset())
    has = in_choice
    preps_held = [w for w in known if w in index.prep_ok]
    if preps_held:
        has = in_choice.copy()
        for p in preps_held:  # a preparation is held when the food is prepared that way
            held = index.prep_ok[p][food].astype(float)
            if _cooks(p, cooking, vocab.preparation) and "cooked" in index.prep_ok:
                held = np.maximum(held, 0.5 * index.prep_ok["cooked"][food])
            has[at[p]] = np.maximum(has[at[p]], held)
    covered = weights @ has / weights.sum()
    score = (
        60.0 * covered + 0.2 * np.asarray(token_set, float) + 0.2 * np.asarray(token_sort, float)
    )
    head_extra = c["head"][food] - head_held[_CONTENT]
    noncat_extra = c["head_noncat"][food] - head_held[_NONCAT]
    foreign = noncat_extra > 0
    if head is not None and head in at:
        # "Coffee, espresso" for "espresso": a first segment without the head word,
        # which a later segment has, names the kind of food, as a category does
        foreign &= ~((in_head[at[head]] == 0) & (in_food[at[head]] == 1))
    score -= np.where(foreign, 10.0, 3.0) * head_extra
    same_head = (c["head_size"][food] == len(qset)) & (head_held[_ANY] == len(qset))
    score += 5.0 * same_head
    score -= 15.0 * (c["negating"][food] - food_held[_NEGATING])
    all_extra = c["all"][food] - food_held[_CONTENT]
    score -= 1.0 * (all_extra - head_extra)
    described = in_food[at[head]] if head is not None and head in at else None
    score = _by_synonym(index, take, query, known, weight, score, described)
    preps = [w for w in known if w in vocab.preparation]
    for p in preps:
        # a cooking method the food lacks: a food cooked some other way is the next best
        fallback = (
            index.prep_ok["cooked"][food]
            if _cooks(p, cooking, vocab.preparation) and "cooked" in index.prep_ok
            else False
        )
        score += np.where(index.prep_ok[p][food], 3.0, np.where(fallback, -2.0, -8.0))
    if not preps:
        score -= 6.0 * (c["processed"][food] - food_held[_PROCESSED])
        score += 2.0 * c["raw"][food]
    if not qset & vocab.baby:
        penalty = index.penalty[food]
        for w in known:  # a brand the text names in capitals: that food is asked for
            named_brand = brand_named(index, w)
            if len(named_brand):
                penalty = np.where(isin_sorted(food, named_brand), 0.0, penalty)
        for brand in prefer or ():
            brand_foods = _foods_with_all(index, brand)
            if len(brand_foods):
                penalty = np.where(isin_sorted(food, brand_foods), -3.0, penalty)
        score -= penalty
    if named is not None:
        score -= _UNNAMED * ~isin_sorted(food, named)
    score = np.clip(score, 0.0, 100.0)
    order = np.lexsort((food, -score))
    best: dict[int, float] = {}  # each food at its best choice
    for f, v in zip(food[order].tolist(), score[order].tolist(), strict=True):
        best.setdefault(f, v)
    return list(best.items())


#: The rows of :func:`_kinds`.
_CONTENT, _NONCAT, _NEGATING, _PROCESSED, _ANY = range(5)


@lru_cache(maxsize=4096)
def _kinds(word: str) -> tuple[bool, bool, bool, bool, bool]:
    """Whether ``word`` is a content word, a content word that is no category head, a
    negating word, a processed form, and (always) a word: the rows :func:`fuzzy` sums."""
    vocab = matcher_words()
    content = word not in vocab.free
    return (
        content,
        content and word not in vocab.category_heads,
        word in vocab.negating,
        word in vocab.processed,
        True,
    )


def _cooks(word: str, cooking: frozenset[str], preparation: dict[str, frozenset[str]]) -> bool:
    """Whether a preparation word is a way of cooking (so any cooked food is next best)."""
    return word in cooking or bool(preparation.get(word, frozenset()) & cooking)


def _by_synonym(
    index: FoodIndex,
    take: np.ndarray,
    query: str,
    known: list[str],
    weight: dict[str, float],
    score: np.ndarray,
    described: np.ndarray | None,
) -> np.ndarray:
    """The better of each choice's score and the score of its synonym read as its name.

    A synonym (``Nutella`` of "Topping, chocolate flavored hazelnut spread", ``idli``,
    ``Cheez-It`` in brackets) scores like a description made of its words alone, less
    :data:`_SYNONYM_COST`: its food's description may use quite other words. When some
    candidate's description has the head word (``described``), a food that has it only
    in a synonym costs :data:`_SYNONYM_COST` more: FNDDS synonyms list what a food also
    covers (``pesto`` of "Pasta with cream sauce"), so "Pesto sauce" is the better reading.
    """
    described_somewhere = described is not None and bool(described.any())
    chosen = take.tolist()
    words_of = synonym_words(index)
    mine = set(known)
    # only a synonym with most of the text's words can beat its description
    rows = [
        i
        for i in np.flatnonzero(_has_synonym(index)[take]).tolist()
        if len(mine & words_of[chosen[i]]) * 2 >= len(mine)
    ]
    if not rows:
        return score
    vocab = matcher_words()
    texts = [index.choice_synonym[chosen[i]] for i in rows]
    token_set = process.cdist([query], texts, scorer=fuzz.token_set_ratio)[0]
    token_sort = _token_sort(index, query, [chosen[i] for i in rows], 1)
    total = sum(weight.values())
    out = score.copy()
    ignore = vocab.free | vocab.stop | vocab.cosmetic
    for k, i in enumerate(rows):
        words = words_of[chosen[i]]
        covered = sum(weight[w] for w in known if w in words) / total
        extra = len(words - set(known) - ignore)
        alt = (
            60.0 * covered
            + 0.2 * float(token_set[k])
            + 0.2 * float(token_sort[k])
            - 3.0 * extra
            + 5.0 * (extra == 0 and covered >= 0.999)
            - _SYNONYM_COST
        )
        if described_somewhere and described is not None and not described[i]:
            alt -= _SYNONYM_COST
        out[i] = max(out[i], alt)
    return out


def _has_synonym(index: FoodIndex) -> np.ndarray:
    """A mask over the choices: those made of a description and a synonym."""
    if index.synonym_choice is None:
        index.synonym_choice = np.array([bool(w) for w in synonym_words(index)], dtype=bool)
    return index.synonym_choice


def _token_sort(index: FoodIndex, query: str, chosen: list[int], which: int) -> np.ndarray:
    """rapidfuzz's token-sort ratio of ``query`` against the texts (``which`` 0) or the
    synonyms (1) of the ``chosen`` choices: the plain ratio of the words sorted, with
    each choice's words sorted once per index rather than once per comparison."""
    if index.sorted_texts is None:
        index.sorted_texts = (
            [" ".join(sorted(t.split())) for t in index.choice_text],
            [" ".join(sorted(t.split())) for t in index.choice_synonym],
        )
    texts = index.sorted_texts[which]
    ordered = " ".join(sorted(query.split()))
    return process.cdist([ordered], [texts[c] for c in chosen], scorer=fuzz.ratio)[0]


def _foods_with_all(index: FoodIndex, words: list[str]) -> np.ndarray:
    """Foods whose description or synonyms hold every word of ``words``."""
    found: np.ndarray | None = None
    for w in words:
        holders = foods_holding(index, w)
        found = holders if found is None else np.intersect1d(found, holders, assume_unique=True)
        if not len(found):
            break
    return EMPTY if found is None else found


def suggest(index: FoodIndex, ranked: list[tuple[int, float]]) -> list[tuple[str, str, float]]:
    """``(food id, description, score)`` of ranked foods."""
    return [(str(index.ids[p]), str(index.descriptions[p]), round(s, 1)) for p, s in ranked]
