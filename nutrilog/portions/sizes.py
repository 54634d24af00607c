"""The size a bare count of some foods means, by ``datasets/count_sizes.csv``.

A bare count takes the ``medium`` portion when a food has one (fruit, vegetables), but
for some foods the everyday item is another size: ``2 eggs`` are two large eggs, the
egg USDA's survey database weighs one egg by. Each row gives a pattern on the food's
description and the size meant, with its source.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> food = load_foods().prepared_portions.food("sr28:01123")
>>> usual_size(food).label
'1 large'
"""

from __future__ import annotations

import csv
import re
from functools import cache

from nutrilog._resources import dataset_path
from nutrilog.portions.rows import Food, Row

__all__ = ["count_sizes", "usual_size"]


@cache
def count_sizes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``(description pattern, size unit)`` of each row of ``datasets/count_sizes.csv``."""
    with dataset_path("count_sizes.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            (re.compile(row["foods"], re.IGNORECASE), row["size"].strip())
            for row in csv.DictReader(fh)
        )


def usual_size(food: Food) -> Row | None:
    """The portion of one item of the size a bare count of ``food`` means (None: no rule
    for this food, or the food has no portion of that size)."""
    for pattern, size in count_sizes():
        if pattern.search(food.description):
            return next((r for r in food.rows if r.unit == size and r.amount == 1), None)
    return None
