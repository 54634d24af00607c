"""The library's single pint unit registry and the unit vocabulary of food logs.

Every quantity in nutrilog is a :class:`pint.Quantity` from :data:`ureg` until it
is stored as a plain float in a DataFrame column whose name carries its unit
(``magnesium_mg``, ``grams``).

Cups
----
``cup`` is the US customary cup, 236.59 ml (pint's definition). The USDA household
measures in SR28 and FNDDS were weighed with customary measuring cups, so that is
the cup that matches the gram weights nutrilog uses. The nutrition-label cup of
240 ml (21 CFR 101.9) is available as ``label_cup`` but never used implicitly.

International units
-------------------
``IU`` has a dimension of its own. It converts to micrograms only inside the
``vitamin_d`` context (40 IU = 1 µg): ``ureg.Quantity(400, "IU").to("ug", "vitamin_d")``.
Without the context the conversion raises :class:`pint.DimensionalityError`.

Examples
--------
>>> from nutrilog.units import ureg, vitamin_d_iu_to_ug
>>> round(ureg.Quantity(1, "cup").to("ml").magnitude, 2)
236.59
>>> vitamin_d_iu_to_ug(400)
10.0
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import pint

from nutrilog._resources import dataset_path
from nutrilog.errors import UnitError

__all__ = [
    "ureg",
    "Quantity",
    "UnitInfo",
    "MASS_UNITS",
    "VOLUME_UNITS",
    "normalize_unit",
    "unit_aliases",
    "to_grams",
    "vitamin_d_iu_to_ug",
]


def _make_registry() -> pint.UnitRegistry:
    registry = pint.UnitRegistry(cache_folder=None)
    defs = resources.files("nutrilog").joinpath("units.txt")
    with resources.as_file(defs) as path:
        registry.load_definitions(str(path))
    return registry


#: The one unit registry of the library.
ureg: pint.UnitRegistry = _make_registry()
Quantity = ureg.Quantity

#: Canonical unit key -> pint unit expression, for the units pint can convert.
MASS_UNITS: dict[str, str] = {
    "g": "gram",
    "kg": "kilogram",
    "mg": "milligram",
    "ug": "microgram",
    "oz": "avoirdupois_ounce",
    "lb": "avoirdupois_pound",
}
VOLUME_UNITS: dict[str, str] = {
    "ml": "milliliter",
    "cl": "centiliter",
    "dl": "deciliter",
    "l": "liter",
    "cup": "cup",
    "tbsp": "tablespoon",
    "tsp": "teaspoon",
    "fl_oz": "fluid_ounce",
    "pint": "liquid_pint",
    "quart": "liquid_quart",
    "gallon": "liquid_gallon",
}


class UnitInfo(NamedTuple):
    """A canonical unit key and its kind.

    ``kind`` is one of ``mass``, ``volume``, ``activity`` (IU), ``size``
    (small/medium/large), ``count`` (slice, can, piece...) or ``vague``
    (handful, some: an amount that cannot be resolved without guessing).
    """

    unit: str
    kind: str


@lru_cache(maxsize=1)
def unit_aliases() -> dict[str, UnitInfo]:
    """Return the alias table from ``datasets/units.csv`` (alias -> UnitInfo).

    Keys are lower-case except the case-sensitive cooking abbreviations
    ``T`` (tablespoon) and ``t`` (teaspoon).

    Examples
    --------
    >>> unit_aliases()["tablespoons"]
    UnitInfo(unit='tbsp', kind='volume')
    """
    table: dict[str, UnitInfo] = {}
    with dataset_path("units.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            alias = row["alias"] if row["alias"] in {"T", "t"} else row["alias"].lower()
            table[alias] = UnitInfo(row["unit"], row["kind"])
    return table


def normalize_unit(text: str | None) -> UnitInfo | None:
    """Map a unit as people write it to its canonical key, or ``None`` if unknown.

    Parameters
    ----------
    text : str or None
        ``"Tablespoons"``, ``"fl. oz"``, ``"mcg"``, ``"T"``...

    Returns
    -------
    UnitInfo or None

    Examples
    --------
    >>> normalize_unit("Cups")
    UnitInfo(unit='cup', kind='volume')
    >>> normalize_unit("T").unit, normalize_unit("t").unit
    ('tbsp', 'tsp')
    >>> normalize_unit("furlong") is None
    True
    """
    if text is None:
        return None
    raw = " ".join(str(text).strip().split())
    if not raw:
        return None
    aliases = unit_aliases()
    if raw in {"T", "t"}:
        return aliases[raw]
    key = raw.lower().rstrip(".")
    return aliases.get(key) or aliases.get(raw.lower())


def _pint_unit(unit: str) -> str:
    if unit in MASS_UNITS:
        return MASS_UNITS[unit]
    if unit in VOLUME_UNITS:
        return VOLUME_UNITS[unit]
    raise UnitError(
        f"expected a mass or volume unit ({', '.join([*MASS_UNITS, *VOLUME_UNITS])}), found {unit!r}"
    )


def to_grams(quantity: float, unit: str) -> float:
    """Convert a mass ``quantity`` in canonical ``unit`` to grams.

    Volumes need a food (its own portion weights) and are refused here: there
    is no global density.

    Examples
    --------
    >>> round(to_grams(4, "oz"), 2)
    113.4
    """
    if unit not in MASS_UNITS:
        raise UnitError(
            f"expected a mass unit ({', '.join(MASS_UNITS)}) to convert to grams, found {unit!r}; "
            "volumes convert to grams only through a food's own portion weights"
        )
    return float(Quantity(quantity, MASS_UNITS[unit]).to("gram").magnitude)


def convert(quantity: float, unit: str, to: str) -> float:
    """Convert between two canonical mass units or two canonical volume units.

    Examples
    --------
    >>> convert(1, "cup", "tbsp")
    16.0
    """
    try:
        return float(Quantity(quantity, _pint_unit(unit)).to(_pint_unit(to)).magnitude)
    except pint.DimensionalityError as err:
        raise UnitError(f"cannot convert {unit!r} to {to!r}: {err}") from err


def vitamin_d_iu_to_ug(iu: float) -> float:
    """Convert vitamin D international units to micrograms (40 IU = 1 µg).

    Examples
    --------
    >>> vitamin_d_iu_to_ug(2000)
    50.0
    """
    return float(Quantity(iu, "IU").to("microgram", "vitamin_d").magnitude)
