"""The one table mapping each source's column headers to nutrilog's standard names.

Headers are compared through :func:`header_key`: lower case, ``µ``/``μ``/``mcg``
written ``ug``, punctuation turned into single spaces. So ``"Vitamin D (µg)"``,
``"vitamin_d_ug"`` and ``"Vitamin D mcg"`` all have the key ``"vitamin d ug"``.

Sources
-------
``csv``
    Structured logs written by people (and DataFrames): flexible names.
``cronometer``, ``cronometer_daily``
    Cronometer ``servings.csv`` and ``dailysummary.csv`` exports.
``asa24``, ``nhanes``
    ASA24 "Items" files and NHANES individual-foods files (``DR1IFF``, ``DR2IFF``):
    person, recall day, food code and grams (:mod:`nutrilog.iotools.asa24`,
    :mod:`nutrilog.iotools.nhanes`).
``myfitnesspal``
    MyFitnessPal "Nutrition Summary" export. Its ``Calcium``, ``Iron``,
    ``Vitamin A`` and ``Vitamin C`` columns are **% Daily Value**, not mass, so they
    map to ``*_pct_dv`` columns (see :mod:`nutrilog.iotools.myfitnesspal`).

The ``convert`` column names a conversion applied to the values: ``vitamin_d_iu``
divides by 40 through :func:`nutrilog.units.vitamin_d_iu_to_ug`.

Examples
--------
>>> header_key("B12 (Cobalamin) (µg)")
'b12 cobalamin ug'
>>> map_columns(["Day", "Food Name", "Vitamin D (IU)"], "cronometer")["Vitamin D (IU)"]
('vitamin_d_ug', 'vitamin_d_iu')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

# Tracked nutrients as the apps and people label them (all sources that report nutrients).
_NUTRIENT_HEADERS: list[tuple[str, str, str]] = [
    ("energy kcal", "energy_kcal", ""),
    ("water g", "water_g", ""),
    ("calcium mg", "calcium_mg", ""),
    ("magnesium mg", "magnesium_mg", ""),
    ("potassium mg", "potassium_mg", ""),
    ("sodium mg", "sodium_mg", ""),
    ("vitamin d ug", "vitamin_d_ug", ""),
    ("vitamin d iu", "vitamin_d_ug", "vitamin_d_iu"),
    ("b12 cobalamin ug", "vitamin_b12_ug", ""),
    ("vitamin b12 ug", "vitamin_b12_ug", ""),
    ("b12 ug", "vitamin_b12_ug", ""),
]

_GENERIC: dict[str, list[str]] = {
    "date": ["date", "day", "dt", "log date", "entry date", "date eaten", "datetime", "timestamp"],
    "time": ["time", "clock", "time of day", "hour"],
    "meal": ["meal", "group", "meal name", "meal type", "occasion"],
    "food": [
        "food", "item", "description", "food name", "food item", "food description",
        "entry", "text", "what", "diary entry", "name",
    ],
    "amount": [
        "amount", "quantity", "qty", "portion", "amount eaten", "servings", "serving",
        "serving size", "number of servings",
    ],
    "unit": ["unit", "units", "measure", "uom", "unit of measure", "serving unit"],
    "grams": [
        "grams", "g", "weight", "weight g", "gram weight", "mass g", "weight grams",
        # research files: NHANES individual foods (day 1, day 2), ASA24 Items
        "dr1igrms", "dr2igrms", "foodamt", "food amount g",
    ],
    "food_id": [
        "food id", "fdc", "fdc id", "fdcid", "ndb", "ndb no", "ndbno", "ndb number", "usda id",
        "food code", "foodcode", "usda food code", "fndds code", "fndds food code",
        "dr1ifdcd", "dr2ifdcd",
    ],
    "person": [
        "person", "user", "participant", "subject", "participant id", "user id", "subject id",
        "who", "seqn", "respondent sequence number", "username", "user name", "person id",
    ],
    "recall_day": ["recall day", "recallno", "recall no", "recall number", "recall"],
    "kind": ["kind", "type", "entry type"],
    "note": ["note", "notes", "comment", "comments"],
    "energy_kcal": ["calories", "kcal", "energy", "calories kcal"],
    "vitamin_b12_ug": ["vitamin b12"],
}  # fmt: skip


def _rows() -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for standard, headers in _GENERIC.items():
        rows += [("csv", h, standard, "") for h in headers]
    rows += [("csv", h, std, conv) for h, std, conv in _NUTRIENT_HEADERS]
    cronometer = [
        ("day", "date"), ("date", "date"), ("time", "time"), ("group", "meal"),
        ("food name", "food"), ("amount", "amount"), ("category", "category"),
    ]  # fmt: skip
    rows += [("cronometer", h, std, "") for h, std in cronometer]
    rows += [("cronometer", h, std, conv) for h, std, conv in _NUTRIENT_HEADERS]
    rows += [
        ("cronometer_daily", "date", "date", ""),
        ("cronometer_daily", "completed", "completed", ""),
    ]
    rows += [("cronometer_daily", h, std, conv) for h, std, conv in _NUTRIENT_HEADERS]
    mfp = [
        ("date", "date"), ("meal", "meal"), ("calories", "energy_kcal"), ("sodium mg", "sodium_mg"),
        ("sodium", "sodium_mg"), ("potassium", "potassium_mg"), ("potassium mg", "potassium_mg"),
        ("calcium", "calcium_pct_dv"), ("iron", "iron_pct_dv"), ("vitamin a", "vitamin_a_pct_dv"),
        ("vitamin c", "vitamin_c_pct_dv"), ("note", "note"),
    ]  # fmt: skip
    rows += [("myfitnesspal", h, std, "") for h, std in mfp]
    # Research files: ASA24 "Items" (one row per food; FoodAmt is grams) and NHANES
    # individual foods (DR1IFF day 1, DR2IFF day 2). Their nutrient columns are not read:
    # nutrients come from the food table through the food code.
    asa24 = [
        ("username", "person"), ("recallno", "recall_day"), ("foodcode", "food_id"),
        ("foodamt", "grams"), ("food description", "food"),
    ]  # fmt: skip
    rows += [("asa24", h, std, "") for h, std in asa24]
    nhanes = [
        ("seqn", "person"), ("recall day", "recall_day"), ("dr1ifdcd", "food_id"),
        ("dr2ifdcd", "food_id"), ("dr1igrms", "grams"), ("dr2igrms", "grams"),
    ]  # fmt: skip
    rows += [("nhanes", h, std, "") for h, std in nhanes]
    return rows


#: One row per known header: ``source, header`` (as :func:`header_key`), ``standard``, ``convert``.
COLUMN_TABLE: pd.DataFrame = pd.DataFrame(
    _rows(), columns=["source", "header", "standard", "convert"]
)


def header_key(header: object) -> str:
    """Normalise a column header for lookup in :data:`COLUMN_TABLE`.

    Examples
    --------
    >>> header_key("\\ufeffEnergy (kcal)")
    'energy kcal'
    """
    text = str(header).replace("\ufeff", "").lower()
    text = text.replace("µ", "u").replace("μ", "u")
    text = re.sub(r"[^a-z0-9%]+", " ", text).strip()
    return re.sub(r"\bmcg\b", "ug", text)


@lru_cache(maxsize=16)
def _lookup(source: str) -> dict[str, tuple[str, str]]:
    """``{header key: (standard, conversion)}`` of one source, built once."""
    rows = zip(*(COLUMN_TABLE[c].tolist() for c in COLUMN_TABLE.columns), strict=True)
    return {header: (std, convert) for src, header, std, convert in rows if src == source}


def map_columns(columns: Iterable[object], source: str) -> dict[object, tuple[str, str]]:
    """Map a file's headers to ``(standard name, conversion)`` for ``source``.

    The first header mapping to a standard name wins; later ones are left out
    of the mapping (the caller keeps them as extra columns or ignores them).

    Examples
    --------
    >>> map_columns(["Qty", "Item", "Unit"], "csv")
    {'Qty': ('amount', ''), 'Item': ('food', ''), 'Unit': ('unit', '')}
    """
    lookup = _lookup(source)
    found: dict[object, tuple[str, str]] = {}
    taken: set[str] = set()
    for column in columns:
        hit = lookup.get(header_key(column))
        if hit is not None and hit[0] not in taken:
            found[column] = hit
            taken.add(hit[0])
    return found


def expected_names(source: str, standard: str) -> list[str]:
    """The header keys accepted for ``standard`` in ``source`` (for error messages).

    Examples
    --------
    >>> expected_names("csv", "amount")[:3]
    ['amount', 'quantity', 'qty']
    """
    table = COLUMN_TABLE[
        (COLUMN_TABLE["source"] == source) & (COLUMN_TABLE["standard"] == standard)
    ]
    return list(table["header"])
