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
from nutrilog.portions.rows import Food, Row

__all__ = [
    "SIZE_FACTORS",
    "ItemSize",
    "count_sizes",
    "served_name",
    "sized",
    "size_word",
    "usual_size",
    "EXTRA_LARGE_OVER_LARGE",
]

#: How much a large or a small item weighs against the usual one: the median ratio of
#: the ``large`` to the ``medium`` portion (1.49 over the 1,367 USDA foods that have
#: both) and of ``small`` to ``medium`` (0.67 over 1,356 foods) in ``portions.csv``.
SIZE_FACTORS: dict[str, float] = {"large": 1.5, "small": 2 / 3}
#: An extra-large item against a large one, for a food with a large portion and no extra
#: large: the median ratio over the 152 USDA foods in ``portions.csv`` that have both.
EXTRA_LARGE_OVER_LARGE = 1.375
#: Size words written among the food words, and the size each means.
_SIZE_WORDS = {
    "big": "large",
    "large": "large",
    "huge": "large",
    "giant": "large",
    "small": "small",
    "mini": "miniature",
}


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


def size_word(words: list[str]) -> str:
    """The first size word among ``words`` (``big``, ``small``...), ``""`` when none."""
    return next((w for w in words if w in _SIZE_WORDS), "")


def sized(found: Portion, food: Food, word: str, whole: bool = True) -> Portion:
    """``found`` for a size word the food text holds: the food's own portion of that
    size (``a big banana``: large), else ``found`` scaled by :data:`SIZE_FACTORS` (``a
    big salad``); unchanged when the portion or the food's own name already
    says that size (a ``large`` row, ``BIG MAC``, ``large curd`` cottage cheese).
    ``whole`` False: the size is of a piece counted (``2 small slices`` of pizza), never
    the food's own item of that size (a small pizza), so ``found`` is scaled."""
    size = _SIZE_WORDS.get(word)
    if (
        size is None
        or found.grams != found.grams  # NaN: nothing to scale
        or re.search(rf"\b(?:{word}|{size})\b", f"{found.portion} {food.description}", re.I)
    ):
        return found
    if not whole:
        if size not in SIZE_FACTORS:
            return found
        own = None
    else:
        own = next((r for r in food.rows if r.unit == size and r.amount == 1), None)
    if own is None and size not in SIZE_FACTORS:  # "miniature": a row's text says it
        named = re.compile(rf"\b{size}\b", re.IGNORECASE)
        own = next(
            (r for r in food.rows if r.amount == 1 and not r.unit and named.search(r.text)), None
        )
        if own is None:
            return found  # no miniature of this food: a maker's "mini" weighs as sold
    if own is not None:  # the food's own portion of that size (a big banana: large)
        return Portion(own.per_one, own.label, "", f"size: {word} = {own.label}")
    grams = found.grams * SIZE_FACTORS[size]
    return Portion(
        grams,
        f"{found.portion} x {SIZE_FACTORS[size]:.3g}",
        "",
        f"size: {word} = {SIZE_FACTORS[size]:.3g} x {found.portion} = {grams_text(grams)} g",
    )


def _size_row(food: Food, size: str) -> Row | None:
    """The food's portion of one item of ``size``: its unit (``large``), else the first
    one-item portion whose text names it (``bun-size`` link)."""
    ones = [r for r in food.rows if r.amount == 1]
    named = re.compile(rf"(?<![\w-]){re.escape(size)}(?![\w-])", re.IGNORECASE)
    return next((r for r in ones if r.unit == size), None) or next(
        (r for r in ones if named.search(r.text)), None
    )


def _says(words: re.Pattern[str], hint: Hint) -> bool:
    """Whether the entry says one of a rule's ``words``: among the words it is served
    as, or a word of its own a preparation (``smoked`` of a smoked sausage)."""
    if hint.served and words.search(hint.served):
        return True
    return any(words.fullmatch(word) for word in hint.named)


def usual_size(
    food: Food, hint: Hint, items_only: bool = False, volumes_only: bool = False
) -> Portion | None:
    """The portion of one item of ``food`` by the table (None: no row for this food and
    these words, or the food has no portion of that size or volume); with
    ``items_only``, only the rows that name a portion of the food (not a volume); with
    ``volumes_only``, only the rows that name a volume (a Turkish coffee's demitasse)."""
    for rule in count_sizes():
        if not rule.foods.search(food.description) or (items_only and not rule.size):
            continue
        if volumes_only and rule.volume is None:
            continue
        if rule.words is not None and not _says(rule.words, hint):
            continue
        if rule.size:
            row = _size_row(food, rule.size)
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
                f"serving: {hint.served or 'one'} = {written} = {grams_text(grams)} g",
            )
    return None
