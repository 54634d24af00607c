"""The size of one item of some foods, by ``datasets/count_sizes.csv``.

A bare count takes the ``medium`` portion when a food has one (fruit, vegetables), and
a drink with no amount its FNDDS default; for some foods the everyday item is another
size: ``2 eggs`` are two large eggs, the egg USDA's survey database weighs one egg by,
and a ``flat white`` is a 6 fl oz cup of the latte it is matched to. Each row gives a
pattern on the food's description, optionally one on the words written, and the size
or the volume of one item, with its source.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.portions.choice import read_hint
>>> prepared = load_foods().prepared_portions
>>> usual_size(prepared.food("sr28:01123"), read_hint("eggs")).portion
'1 large'
>>> usual_size(prepared.food("fndds:92101900"), read_hint("flat white")).grams
180.0
"""

from __future__ import annotations

import csv
import re
from functools import cache
from typing import NamedTuple

from nutrilog._resources import dataset_path
from nutrilog.portions.choice import Hint, Portion, volume_portion
from nutrilog.portions.defaults import grams_text
from nutrilog.portions.rows import Food

__all__ = ["ItemSize", "count_sizes", "served_name", "usual_size"]


class ItemSize(NamedTuple):
    """One row of ``datasets/count_sizes.csv``."""

    foods: re.Pattern[str]  # on the food's description
    words: re.Pattern[str] | None  # on the words written (None: any)
    size: str  # the size unit of one item ("large"), or ""
    volume: tuple[float, str] | None  # else the volume of one item (6, "fl_oz")


@cache
def count_sizes() -> tuple[ItemSize, ...]:
    """The rows of ``datasets/count_sizes.csv``."""
    with dataset_path("count_sizes.csv").open(encoding="utf-8", newline="") as fh:
        rows = []
        for row in csv.DictReader(fh):
            words = row["words"].strip()
            volume = row["volume"].split()
            rows.append(
                ItemSize(
                    re.compile(row["foods"], re.IGNORECASE),
                    re.compile(words, re.IGNORECASE) if words else None,
                    row["size"].strip(),
                    (float(volume[0]), volume[1]) if volume else None,
                )
            )
        return tuple(rows)


def served_name(text: str) -> str:
    """The words of ``text`` that a row of the table names a serving by (``flat white``),
    ``""`` when none: part of the key a weight is kept under."""
    for rule in count_sizes():
        if rule.words is not None:
            found = rule.words.search(text)
            if found is not None:
                return found.group(0).lower()
    return ""


def usual_size(food: Food, hint: Hint) -> Portion | None:
    """The portion of one item of ``food`` by the table (None: no row for this food and
    these words, or the food has no portion of that size or volume)."""
    for rule in count_sizes():
        if not rule.foods.search(food.description):
            continue
        if rule.words is not None and not (hint.served and rule.words.search(hint.served)):
            continue
        if rule.size:
            row = next((r for r in food.rows if r.unit == rule.size and r.amount == 1), None)
            return None if row is None else Portion(row.per_one, row.label, "")
        if rule.volume is not None:
            amount, unit = rule.volume
            one = volume_portion(food.rows, unit, hint)
            if one.grams != one.grams:  # NaN: no volume weight
                return None
            grams = amount * one.grams
            written = f"{amount:g} {unit.replace('_', ' ')}"
            return Portion(
                grams,
                f"{written} ({one.portion})",
                "",
                f"serving: {hint.served} = {written} = {grams_text(grams)} g",
            )
    return None
