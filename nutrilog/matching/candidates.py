"""The candidate search of a ranking: the choices sharing the most words with a text.

A text's candidates are the choices of the index (a food's description, or its
description with one synonym) that share the most idf-weighted words with it, shorter
first on ties; :mod:`~nutrilog.matching.scoring` scores them.

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

import numpy as np

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import isin_sorted

__all__ = ["candidates"]

#: Masks of food arrays kept for reuse.
_MASKS_KEPT = 8
#: Fewest candidates whose description has the head word (see :func:`candidates`).
_POOL_MIN = 8


def candidates(
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
