"""nutrilog: the minerals and vitamins behind muscle cramps and spasms, from a food log.

Read a food log, match each entry to a USDA food, convert amounts to grams with
unit-safe quantities, total the nutrients per day and compare them with the
Dietary Reference Intakes for magnesium, calcium, potassium, vitamin D, vitamin
B12, sodium and water — next to explanations of how each shortfall can lead to
neck and back spasms.

The names below are imported on first use, so ``import nutrilog`` is quick and a
command that needs only the reference intakes never loads the matcher, the
report or matplotlib.

Logs larger than one machine's memory: :mod:`nutrilog.dask` (``pip install
'nutrilog[dask]'``) runs the same analysis on a Dask DataFrame.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach", "2 medium bananas"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> result.counts["matched"]
2
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from nutrilog.errors import (
    ArgumentError,
    DataError,
    LogParseError,
    MissingDependencyError,
    NutrilogError,
    OutputError,
    ProfileError,
    UnitError,
    UnknownFoodError,
    UnknownNutrientError,
)

if TYPE_CHECKING:
    from nutrilog._resources import dataset_path
    from nutrilog.analysis import Analysis, analyze
    from nutrilog.assessment import assess, assess_people
    from nutrilog.explanations import Explanations, load_explanations
    from nutrilog.fixes import write_fixes
    from nutrilog.foods import FoodTable, load_foods
    from nutrilog.iotools import from_frame, parse_entries, read_log
    from nutrilog.log import FoodLog
    from nutrilog.matching import match_foods
    from nutrilog.nutrients import NUTRIENT_COLUMNS
    from nutrilog.people import read_people
    from nutrilog.portions import resolve_grams
    from nutrilog.profile import Profile
    from nutrilog.references import dri_group, reference_intakes
    from nutrilog.suggestions import suggest_foods
    from nutrilog.units import ureg

    __version__: str

#: Public name -> the module that defines it, imported when the name is first used.
_HOME: dict[str, str] = {
    "Analysis": "nutrilog.analysis",
    "analyze": "nutrilog.analysis",
    "assess": "nutrilog.assessment",
    "assess_people": "nutrilog.assessment",
    "Explanations": "nutrilog.explanations",
    "load_explanations": "nutrilog.explanations",
    "write_fixes": "nutrilog.fixes",
    "FoodTable": "nutrilog.foods",
    "load_foods": "nutrilog.foods",
    "from_frame": "nutrilog.iotools",
    "parse_entries": "nutrilog.iotools",
    "read_log": "nutrilog.iotools",
    "FoodLog": "nutrilog.log",
    "match_foods": "nutrilog.matching",
    "NUTRIENT_COLUMNS": "nutrilog.nutrients",
    "resolve_grams": "nutrilog.portions",
    "Profile": "nutrilog.profile",
    "read_people": "nutrilog.people",
    "dataset_path": "nutrilog._resources",
    "dri_group": "nutrilog.references",
    "reference_intakes": "nutrilog.references",
    "suggest_foods": "nutrilog.suggestions",
    "ureg": "nutrilog.units",
}

#: Plumbing the library's own tests check directly (categorical columns, row texts held
#: as codes, safe CSV cells, text made visible in a terminal): reachable as
#: ``nutrilog.<name>`` for them, but not part of the public API (not in ``__all__``).
_PLUMBING: dict[str, str] = {
    "as_category": "nutrilog._vector",
    "choose": "nutrilog._vector",
    "concat_categories": "nutrilog._vector",
    "distinct_rows": "nutrilog._vector",
    "sorted_categories": "nutrilog._vector",
    "text_category": "nutrilog._vector",
    "JoinedText": "nutrilog._joined",
    "joined_text": "nutrilog._joined",
    "plain_text": "nutrilog._joined",
    "FORMULA_PREFIXES": "nutrilog._csvsafe",
    "safe_cell": "nutrilog._csvsafe",
    "safe_frame": "nutrilog._csvsafe",
    "to_csv": "nutrilog._csvsafe",
    "visible": "nutrilog._visible",
}

__all__ = [
    "NUTRIENT_COLUMNS",
    "Analysis",
    "ArgumentError",
    "DataError",
    "Explanations",
    "FoodLog",
    "FoodTable",
    "LogParseError",
    "MissingDependencyError",
    "NutrilogError",
    "OutputError",
    "Profile",
    "ProfileError",
    "UnitError",
    "UnknownFoodError",
    "UnknownNutrientError",
    "analyze",
    "assess",
    "assess_people",
    "dataset_path",
    "dri_group",
    "from_frame",
    "load_explanations",
    "load_foods",
    "match_foods",
    "parse_entries",
    "read_log",
    "read_people",
    "reference_intakes",
    "resolve_grams",
    "suggest_foods",
    "ureg",
    "write_fixes",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562) and keep the name."""
    if name == "__version__":
        from nutrilog._version import version

        value: Any = version()
    elif name in _HOME or name in _PLUMBING:
        value = getattr(import_module(_HOME.get(name) or _PLUMBING[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, "__version__"})
