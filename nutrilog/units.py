"""The library's single pint unit registry and the unit vocabulary of food logs.

Every quantity in nutrilog is a :class:`pint.Quantity` from :data:`ureg` until it
is stored as a plain float in a DataFrame column whose name carries its unit
(``magnesium_mg``, ``grams``).

The registry is built on first use (``nutrilog.units.ureg``), from pint's
definitions plus ``units.txt``; pint keeps the parsed definitions in a cache
folder, ``nutrilog/pint`` under the user's cache directory (or the folder named
by the ``NUTRILOG_CACHE_DIR`` environment variable; set it empty for no cache),
so later processes skip the parsing.

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

Water
-----
A volume of water converts to a mass (1 g per ml) only inside the ``water``
context: ``ureg.Quantity(2.7, "L").to("g", "water")`` is 2,700 g. Other foods and
drinks are weighed through their own USDA portions, never a density.

Examples
--------
>>> from nutrilog.units import convert, ureg, vitamin_d_iu_to_ug
>>> round(ureg.Quantity(1, "cup").to("ml").magnitude, 2)
236.59
>>> vitamin_d_iu_to_ug(400)
10.0
>>> convert(250, "ml", "g", "water")
250.0
"""

from __future__ import annotations

import csv
import os
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from nutrilog._resources import dataset_path
from nutrilog.errors import UnitError

if TYPE_CHECKING:
    import pint

__all__ = [
    "ureg",
    "Quantity",
    "UnitInfo",
    "MASS_UNITS",
    "VOLUME_UNITS",
    "normalize_unit",
    "unit_aliases",
    "to_grams",
    "convert",
    "factor",
    "unit_symbol",
    "vitamin_d_iu_to_ug",
]


def _cache_folder() -> Path | None:
    """Where pint caches the parsed definitions (None: no cache)."""
    given = os.environ.get("NUTRILOG_CACHE_DIR")
    if given is not None:
        return Path(given) / "pint" if given else None
    import platformdirs

    return platformdirs.user_cache_path("nutrilog", appauthor=False) / "pint"


def _build(cache_folder: Path | None) -> pint.UnitRegistry:
    import pint

    registry = pint.UnitRegistry(cache_folder=cache_folder)
    with resources.as_file(resources.files("nutrilog").joinpath("units.txt")) as path:
        registry.load_definitions(path)
    return registry


@cache
def _registry() -> pint.UnitRegistry:
    """The one registry, built on first use with pint's definition cache when it works."""
    folder = _cache_folder()
    if folder is not None:
        try:
            return _build(folder)
        except Exception:  # an unwritable or stale cache is no reason to fail
            pass
    return _build(None)


def __getattr__(name: str) -> Any:
    """``ureg`` and ``Quantity``, built on first use (importing nutrilog builds nothing)."""
    if name == "ureg":
        return _registry()
    if name == "Quantity":
        return _registry().Quantity
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    #: The one unit registry of the library.
    ureg: pint.UnitRegistry
    Quantity: type[pint.Quantity]


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
    "peg": "peg",
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
    return float(_registry().Quantity(quantity, MASS_UNITS[unit]).to("gram").magnitude)


def convert(quantity: float, unit: str, to: str, *contexts: str) -> float:
    """Convert between two canonical units of the same kind (mass or volume).

    A context lets a conversion cross kinds: ``"water"`` turns a volume of water
    into its mass and back (1 g per ml).

    Examples
    --------
    >>> convert(1, "cup", "tbsp")
    16.0
    >>> convert(2, "l", "kg", "water")
    2.0
    """
    import pint

    try:
        value = _registry().Quantity(quantity, _pint_unit(unit))
        return float(value.to(_pint_unit(to), *contexts).magnitude)
    except pint.DimensionalityError as err:
        raise UnitError(f"cannot convert {unit!r} to {to!r}: {err}") from err


@lru_cache(maxsize=64)
def factor(unit: str, to: str, *contexts: str) -> float:
    """How many ``to`` make one ``unit`` (pint unit expressions), inside ``contexts``.

    Examples
    --------
    >>> factor("g", "L", "water"), factor("mg", "g")
    (0.001, 0.001)
    """
    return float(_registry().Quantity(1.0, unit).to(to, *contexts).magnitude)


@lru_cache(maxsize=64)
def unit_symbol(unit: str) -> str:
    """The symbol people read for a unit, from pint's short pretty format.

    The litre is written ``L``, as on food labels and in the DRI tables (pint writes ``l``).

    Examples
    --------
    >>> unit_symbol("ug"), unit_symbol("kcal"), unit_symbol("L")
    ('µg', 'kcal', 'L')
    """
    symbol = f"{_registry().Unit(unit):~P}"
    return "L" if symbol == "l" else symbol


def vitamin_d_iu_to_ug(iu: float) -> float:
    """Convert vitamin D international units to micrograms (40 IU = 1 µg).

    Examples
    --------
    >>> vitamin_d_iu_to_ug(2000)
    50.0
    """
    return float(_registry().Quantity(iu, "IU").to("microgram", "vitamin_d").magnitude)
