"""One food's portion for one key, by kind of unit: the rules put together.

:func:`for_food` sends a volume, a size, a count, a noun, a vague amount, a default
(no amount written) or a bare count to its rule; a count of a food USDA weighs only by
volume or mass takes one item of its FNDDS twin.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.portions.choice import NO_HINT
>>> prepared = load_foods().prepared_portions
>>> for_food("sr28:11457", prepared.food("sr28:11457"), "cup", "volume", NO_HINT).grams
30.0
"""

from __future__ import annotations

import numpy as np

from nutrilog.portions.choice import (
    Hint,
    Portion,
    count_default,
    count_row,
    described_count,
    name_pattern,
    serving_portion,
    size_portion,
    volume_portion,
)
from nutrilog.portions.defaults import default_portion, default_table, grams_text
from nutrilog.portions.rows import COUNT_TWINS, Food, PreparedPortions
from nutrilog.portions.sizes import sized, usual_size
from nutrilog.portions.vague import vague_portion, vague_rules

__all__ = ["for_food"]


def _count(food_id: str, food: Food, unit: str, hint: Hint) -> Portion:
    """The food's portion of that count word or its twin; else a typical amount."""
    rows = food.rows
    if unit == "each":
        usual = usual_size(food, hint)
        if usual is not None:
            return usual
        row = count_default(rows, hint)
    elif unit == "serving":  # a serving given as a count: a serving row, never a guess
        return serving_portion(rows, food.typical, hint)
    else:
        row = count_row(rows, unit, hint)
        if row is None and unit in COUNT_TWINS:
            row = count_row(rows, COUNT_TWINS[unit], hint)
    if row is None and unit in vague_rules():
        found = vague_portion(food_id, food, unit, hint)  # "shot", or a glass given as a count
        if np.isfinite(found.grams):
            return found
    if row is None:
        return Portion(np.nan, "", f"no {unit} weight for this food")
    return Portion(row.per_one, row.label, "")


def _noun(food: Food, unit: str, hint: Hint) -> Portion:
    """A measure word outside the alias table: a portion named so (``olive``,
    ``cubic inch``, ``pizza``), or the food's own noun (``6.00 olive`` of olives) as a
    count of items."""
    row = count_row(food.rows, unit, hint)
    if row is not None:
        return Portion(row.per_one, row.label, "")
    noun = unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
    if name_pattern(noun).search(food.description):
        one = count_default(food.rows, hint)
        if one is not None:
            return Portion(
                one.per_one,
                one.label,
                "",
                f"noun unit: {unit} = {grams_text(one.per_one)} g ({one.label})",
            )
    return Portion(np.nan, "", f"unknown unit {unit!r}")


def _twin_count(food_id: str, hint: Hint, prepared: PreparedPortions | None) -> Portion | None:
    """One item of the food's FNDDS twin (``datasets/default_portions.csv``), for a count
    of a food that USDA weighs only by volume or mass: ``10 cashews`` are ten of FNDDS
    cashews' ``1 nut``, the same nut."""
    found = default_table().get(food_id)
    if found is None or found[1] != "FNDDS twin" or not found[2] or prepared is None:
        return None
    twin = prepared.food(found[2])
    row = described_count(twin, hint) or count_default(twin.rows, hint, best_allowed=2)
    if row is None:
        return None
    return Portion(
        row.per_one,
        f"{row.label} (FNDDS twin {found[2]})",
        "",
        f"count: one item as FNDDS twin {found[2]} weighs it = {grams_text(row.per_one)} g",
    )


def for_food(
    food_id: str,
    food: Food,
    unit: str,
    kind: str,
    hint: Hint,
    prepared: PreparedPortions | None = None,
) -> Portion:
    """The portion of one ``unit`` of a food, by the rule for its ``kind`` (see the package);
    a size word left among the food words (``a big salad``) takes the food's portion of
    that size or scales its item or default portion
    (:func:`~nutrilog.portions.sizes.sized`). A size written as the unit that the food
    has no portion for stays unknown, so that the matcher can turn to an alternate food
    that has one (``6 large shrimp``)."""
    found = _for_food(food_id, food, unit, kind, hint, prepared)
    if hint.size and kind in ("default", "bare", "noun", "count"):
        return sized(found, food, hint.size)
    return found


def _for_food(
    food_id: str,
    food: Food,
    unit: str,
    kind: str,
    hint: Hint,
    prepared: PreparedPortions | None = None,
) -> Portion:
    if kind == "default":
        usual = usual_size(food, hint) if hint.served else None
        return usual if usual is not None else default_portion(food_id, food, hint)
    if kind == "vague":
        return vague_portion(food_id, food, unit, hint)
    if not food.rows:
        return Portion(np.nan, "", "no household portions for this food")
    if kind == "volume":
        return volume_portion(food.rows, unit, hint)
    if kind == "size":
        return size_portion(food.rows, unit, hint)
    if kind == "count":
        return _count(food_id, food, unit, hint)
    if kind == "noun":
        return _noun(food, unit, hint)
    # bare count: one item; a food that is not counted in items takes its default portion
    usual = usual_size(food, hint)
    if usual is not None:
        return usual
    row = described_count(food, hint) or count_default(food.rows, hint)
    if row is None:
        twin = _twin_count(food_id, hint, prepared)
        if twin is not None:
            return twin
        found = default_portion(food_id, food, hint)
        if np.isfinite(found.grams):
            return found
        return Portion(np.nan, "", "no weight for a count of this food")
    return Portion(row.per_one, row.label, "")
