"""The nutrients nutrilog tracks: one table of names, units and USDA numbers.

Every DataFrame in the library uses :data:`NUTRIENT_COLUMNS` as column names;
each name carries its unit.

Examples
--------
>>> from nutrilog.nutrients import NUTRIENTS
>>> NUTRIENTS.loc["magnesium_mg", "label"]
'Magnesium'
"""

from __future__ import annotations

import pandas as pd

__all__ = ["NUTRIENTS", "NUTRIENT_COLUMNS", "ASSESSED", "column_for"]

_ROWS = [
    # column, nutrient key (as in dri.csv), label, unit, SR28 nutrient number
    ("energy_kcal", "energy", "Energy", "kcal", "208"),
    ("water_g", "water", "Water", "g", "255"),
    ("calcium_mg", "calcium", "Calcium", "mg", "301"),
    ("magnesium_mg", "magnesium", "Magnesium", "mg", "304"),
    ("potassium_mg", "potassium", "Potassium", "mg", "306"),
    ("sodium_mg", "sodium", "Sodium", "mg", "307"),
    ("vitamin_d_ug", "vitamin_d", "Vitamin D", "ug", "328"),
    ("vitamin_b12_ug", "vitamin_b12", "Vitamin B12", "ug", "418"),
]

#: One row per tracked nutrient, indexed by column name.
NUTRIENTS: pd.DataFrame = pd.DataFrame(
    _ROWS, columns=["column", "nutrient", "label", "unit", "sr28_number"]
).set_index("column")

#: Column names of the tracked nutrients, in display order.
NUTRIENT_COLUMNS: list[str] = list(NUTRIENTS.index)

#: Nutrients compared with the reference intakes (energy has no DRI here).
ASSESSED: list[str] = [
    "magnesium",
    "calcium",
    "potassium",
    "vitamin_d",
    "vitamin_b12",
    "sodium",
    "water",
]


def column_for(nutrient: str) -> str:
    """Return the column name of a nutrient key.

    Examples
    --------
    >>> column_for("vitamin_d")
    'vitamin_d_ug'
    """
    match = NUTRIENTS.index[NUTRIENTS["nutrient"] == nutrient]
    if len(match) == 0:
        raise KeyError(
            f"unknown nutrient {nutrient!r}; expected one of {list(NUTRIENTS['nutrient'])}"
        )
    return str(match[0])
