"""The candidate search of a ranking: the choices sharing the most words with a text.

A text's candidates are the choices of the index (a food's description, or its
description with one synonym) that share the most idf-weighted words with it, shorter
first on ties; :mod:`~nutrilog.matching.scoring` scores them. :func:`many_candidates`
searches for many texts at once: the postings of all their words in one array, each
hit tagged with its text, the hits of foods a text does not allow dropped, and the
weights summed per (text, choice) after one sort. Only the pick of each text's best
(a partition, whose choice among equal values is numpy's) is made text by text.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> index = index_for(load_foods())
>>> words = ["lentil", "soup"]
>>> found = candidates(index, words, 5, {w: index.idf[w] for w in words})
>>> len(found), all("lentil" in index.choice_text[c] for c in found.tolist())
(5, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import (
    EMPTY,
    choice_starts,
    food_keys,
    food_masks,
    has_keys,
    posting_keys,
)

__all__ = ["Search", "candidates", "many_candidates"]

#: Masks of food arrays kept for reuse.
_MASKS_KEPT = 8
#: Fewest candidates whose description has the head word (see :class:`Search`).
_POOL_MIN = 8
#: A word with this many times more choices than its text allows is looked for in the
#: allowed choices (a search each) rather than read in its own choices (a step each).
_PROBE = 2


@dataclass
class Search:
    """What one text searches with.

    ``allowed`` (sorted food positions) keeps only the choices of those foods; the best
    choices of the foods of ``pool`` (sorted food positions: the foods whose description
    has the head word) are taken too, so that "Coffee, brewed" is scored for ``coffee
    with cream`` even when fifty foods hold both words.
    """

    words: list[str]
    weights: list[float]  # of each word
    limit: int
    allowed: np.ndarray | None = None
    pool: np.ndarray | None = None


def candidates(
    index: FoodIndex,
    words: list[str],
    limit: int,
    weight: dict[str, float],
    allowed: np.ndarray | None = None,
    pool: np.ndarray | None = None,
) -> np.ndarray:
    """Choices sharing the most (weighted) ``words``, shorter first on ties (see :class:`Search`)."""
    search = Search(words, [weight[w] for w in words], limit, allowed, pool)
    return many_candidates(index, [search])[0]


def many_candidates(index: FoodIndex, searches: list[Search]) -> list[np.ndarray]:
    """The candidate choices of each search, best first."""
    if not searches:
        return []
    text, found, summed = _overlaps(index, searches)
    overlap = summed - 0.01 * index.choice_len[found]
    bounds = np.searchsorted(text, np.arange(len(searches) + 1)).tolist()
    # the texts with few hits take them all, in order: one stable sort for all of them
    few = np.array([bounds[i + 1] - bounds[i] <= s.limit for i, s in enumerate(searches)])
    rows = np.flatnonzero(few[text])
    ordered = rows[np.lexsort((-overlap[rows], text[rows]))].tolist()
    out, at = [], 0
    for i, s in enumerate(searches):
        start, end = bounds[i], bounds[i + 1]
        if few[i]:
            out.append(found[ordered[at : at + end - start]])
            at += end - start
        else:
            out.append(_best(found[start:end], overlap[start:end], s.limit))
    return _with_pools(index, searches, out, found, summed, bounds)


def _overlaps(
    index: FoodIndex, searches: list[Search]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per (text, choice holding some of the text's words, of a food it allows), sorted
    by text and choice: the text, the choice, and the summed weight of the words the
    choice holds, added in the order of the text's words."""
    words = [w for s in searches for w in s.words]
    word_text = np.repeat(np.arange(len(searches)), [len(s.words) for s in searches])
    weights = np.array([w for s in searches for w in s.weights], dtype=float)
    hits, hit_word = _hits(index, searches, words, word_text)
    n_choices = len(index.choice_text)
    # one sort of the keys (text, choice) with each hit's word in the low bits: the
    # hits of one (text, choice) end up together, their words in the text's order. The
    # keys are runs already in order (a word's hits, text after text), which a merge
    # sort (numpy's "stable") only has to merge
    bits = max(len(words), 1).bit_length()
    ordered = np.sort(((word_text[hit_word] * n_choices + hits) << bits) | hit_word, kind="stable")
    key = ordered >> bits
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    found = key[first]
    # the weights are added hit by hit in that order (the text's words in order)
    summed = np.bincount(
        np.cumsum(first) - 1, weights=weights[ordered & ((1 << bits) - 1)], minlength=len(found)
    )
    return found // n_choices, found % n_choices, summed


def _hits(
    index: FoodIndex, searches: list[Search], words: list[str], word_text: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The choices holding each word of each text, of the foods the text allows, and the
    word (its number in ``words``) of each: the word's choices, word after word.

    A word with many more choices than its text allows (``raw``, for ``chicken``) is
    looked for in the allowed choices instead, by a search in :func:`posting_keys`.
    """
    lists = [index.postings[w] for w in words]
    counts = np.array([len(p) for p in lists], dtype=np.int64)
    masks, row = food_masks(index, [s.allowed for s in searches])
    if masks is None:
        hit_word = np.repeat(np.arange(len(lists)), counts)
        return np.concatenate(lists).astype(np.int64), hit_word
    allowed = _distinct_allowed(searches, row)
    size = _allowed_sizes(index, allowed, row)
    probe = (counts > _PROBE * size[word_text]) & (row[word_text] >= 0)
    scan = np.flatnonzero(~probe)
    # the words read in their choices: the hits of foods their text allows
    hit_word = np.repeat(scan, counts[scan])
    hits = np.concatenate([lists[i] for i in scan.tolist()] or [EMPTY]).astype(np.int64)
    # a text that allows every food reads a last row of the masks, all True
    text_row = np.where(row < 0, len(masks) - 1, row)[word_text]
    keep = np.flatnonzero(
        masks.reshape(-1)[text_row[hit_word] * len(index.ids) + index.choice_food[hits]]
    )
    hits, hit_word = hits[keep], hit_word[keep]
    probed = np.flatnonzero(probe)
    if not len(probed):
        return hits, hit_word
    # the words looked for in their text's allowed choices
    probed_rows = row[word_text[probed]].tolist()
    start = choice_starts(index)
    choices = {
        r: _ranges(start[allowed[r]], start[allowed[r] + 1] - start[allowed[r]])
        for r in dict.fromkeys(probed_rows)
    }
    places = [choices[r] for r in probed_rows]
    sizes = [len(p) for p in places]
    place = np.concatenate(places)
    number, keys = posting_keys(index)
    numbers = np.array([number[words[i]] for i in probed.tolist()], dtype=np.int64)
    held = np.flatnonzero(
        has_keys(keys, np.repeat(numbers * len(index.choice_text), sizes) + place)
    )
    places_word = np.repeat(probed, sizes)
    return np.concatenate([hits, place[held]]), np.concatenate([hit_word, places_word[held]])


def _distinct_allowed(searches: list[Search], row: np.ndarray) -> list[np.ndarray]:
    """The distinct ``allowed`` arrays of ``searches``, by their row of the masks."""
    allowed: dict[int, np.ndarray] = {}
    for r, s in zip(row.tolist(), searches, strict=True):
        if r >= 0 and r not in allowed:
            allowed[r] = s.allowed  # type: ignore[assignment]  # a row is not None
    return [allowed[r] for r in range(len(allowed))]


def _allowed_sizes(index: FoodIndex, allowed: list[np.ndarray], row: np.ndarray) -> np.ndarray:
    """Per search, how many choices the foods it allows have (every choice when it allows
    every food)."""
    start = choice_starts(index)
    per_food = start[1:] - start[:-1]
    foods = np.concatenate([EMPTY, *allowed])
    lengths = [len(a) for a in allowed]
    sizes = np.bincount(
        np.repeat(np.arange(len(allowed)), lengths), weights=per_food[foods], minlength=len(allowed)
    ).astype(np.int64)
    return np.append(sizes, len(index.choice_text))[row]


def _best(found: np.ndarray, overlap: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` choices of ``found`` with the highest ``overlap``, best first."""
    top = np.argpartition(-overlap, limit)[:limit]
    return found[top[np.argsort(-overlap[top], kind="stable")]]


def _with_pools(
    index: FoodIndex,
    searches: list[Search],
    takes: list[np.ndarray],
    found: np.ndarray,
    summed: np.ndarray,
    bounds: list[int],
) -> list[np.ndarray]:
    """Each text's candidates, with the best choices of its pool's foods when fewer than
    :data:`_POOL_MIN` of them are among the candidates (and more could have been)."""
    # which texts need a look: those with a pool that had more hits than they took
    wanted = [
        i
        for i, s in enumerate(searches)
        if s.pool is not None and bounds[i + 1] - bounds[i] > s.limit
    ]
    if not wanted:
        return takes
    keys, row = food_keys(index, [searches[i].pool for i in wanted])
    sizes = [len(takes[i]) for i in wanted]
    foods = index.choice_food[np.concatenate([takes[i] for i in wanted])]
    inside = has_keys(keys, np.repeat(row * len(index.ids), sizes) + foods)
    held = np.bincount(
        np.repeat(np.arange(len(wanted)), sizes), weights=inside, minlength=len(wanted)
    )
    for n in np.flatnonzero(held < _POOL_MIN).tolist():
        i = wanted[n]
        start, end = bounds[i], bounds[i + 1]
        takes[i] = _pooled(index, takes[i], found[start:end], summed[start:end], searches[i].pool)
    return takes


def _pooled(
    index: FoodIndex, take: np.ndarray, found: np.ndarray, summed: np.ndarray, pool: np.ndarray
) -> np.ndarray:
    """``take`` and the best choices of the foods of ``pool`` it lacks."""
    inside = _mask(index, pool)[index.choice_food[found]]
    overlap = summed[inside] - 0.01 * index.choice_len[found[inside]]
    best = (
        _best(found[inside], overlap, _POOL_MIN)
        if inside.sum() > _POOL_MIN
        else found[inside][np.argsort(-overlap, kind="stable")]
    )
    taken = set(take.tolist())
    extra = [c for c in best.tolist() if c not in taken]
    if not extra:
        return take
    return np.concatenate([take, np.array(extra, dtype=take.dtype)])


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


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``start, start + 1, ..., start + count - 1`` for each (start, count), concatenated."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts - starts, counts)
