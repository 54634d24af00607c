"""nutrilog: the minerals and vitamins behind muscle cramps and spasms, from a food log.

Read a food log, match each entry to a USDA food, convert amounts to grams with
unit-safe quantities, total the nutrients per day and compare them with the
Dietary Reference Intakes for magnesium, calcium, potassium, vitamin D, vitamin
B12, sodium and water — next to explanations of how each shortfall can lead to
neck and back spasms.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach", "2 medium bananas"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> result.counts["matched"]
2
"""

from nutrilog._version import version as _version
from nutrilog.analysis import Analysis, analyze
from nutrilog.errors import (
    DataError,
    LogParseError,
    NutrilogError,
    ProfileError,
    UnitError,
    UnknownFoodError,
)
from nutrilog.explanations import Explanations, load_explanations
from nutrilog.foods import FoodTable, load_foods
from nutrilog.iotools import from_frame, parse_entries, read_log
from nutrilog.log import FoodLog
from nutrilog.matching import match_foods
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.portions import resolve_grams
from nutrilog.profile import Profile
from nutrilog.references import reference_intakes
from nutrilog.suggestions import suggest_foods
from nutrilog.units import ureg

__version__ = _version()

__all__ = [
    "NUTRIENT_COLUMNS",
    "Analysis",
    "DataError",
    "Explanations",
    "FoodLog",
    "FoodTable",
    "LogParseError",
    "NutrilogError",
    "Profile",
    "ProfileError",
    "UnitError",
    "UnknownFoodError",
    "analyze",
    "from_frame",
    "load_explanations",
    "load_foods",
    "match_foods",
    "parse_entries",
    "read_log",
    "reference_intakes",
    "resolve_grams",
    "suggest_foods",
    "ureg",
]
