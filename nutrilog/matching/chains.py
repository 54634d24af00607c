"""A restaurant chain's own item, when the text names the chain and USDA has its items.

SR28 holds items of a few chains (``APPLEBEE'S, 9 oz house sirloin steak``,
``CRACKER BARREL, grilled sirloin steak``). A line that names the chain and a food
one of those items is (``cracker barrel grilled sirloin``) means that item, not the
generic food an alias of the other words lands on: :func:`chain_item` ranks the chain's
items holding the line's head word. :mod:`~nutrilog.matching.steps` asks it after the
other steps found a food of no chain named.
"""

from __future__ import annotations

import numpy as np

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import foods_holding, isin_sorted
from nutrilog.matching.ranking import Request
from nutrilog.matching.reading import Reading
from nutrilog.matching.rounds import Steps
from nutrilog.matching.words import normalize_many

__all__ = ["chain_item"]


def _foods_of(index: FoodIndex, words: list[str]) -> np.ndarray:
    """The foods whose description or synonyms hold every word of ``words`` (sorted)."""
    found = foods_holding(index, words[0])
    for w in words[1:]:
        found = np.intersect1d(found, foods_holding(index, w), assume_unique=True)
    return found


def chain_item(
    index: FoodIndex, reading: Reading, position: int, threshold: float
) -> Steps[tuple[int, float] | None]:
    """The chain's own item and its score when the text names a restaurant chain whose
    items USDA has, ``position`` (the food found so far) is none of them, and one of
    them holding the head word ranks at ``threshold`` or more; else None.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching import match_foods
    >>> match_foods(["cracker barrel grilled sirloin"], load_foods())["food_id"].tolist()
    ['sr28:36608']
    """
    if reading.head is None:
        return None
    for brand in reading.brands:
        if brand.kind != "restaurant":
            continue
        words = normalize_many([brand.brand])[0].split()
        items = _foods_of(index, words) if words else np.empty(0, dtype=np.int64)
        if not len(items) or isin_sorted(np.array([position]), items)[0]:
            continue
        holding = items[isin_sorted(items, foods_holding(index, reading.head))]
        if not len(holding):
            continue
        content = reading.words("core", "qualifier")
        ranked = yield Request(
            content, allowed=holding, head=reading.head, prefer=[words], light=reading.light()
        )
        if ranked and ranked[0][1] >= threshold:
            return ranked[0]
    return None
