"""nutrilog: the minerals and vitamins behind muscle cramps and spasms, from a food log."""

from nutrilog.errors import (
    DataError,
    LogParseError,
    NutrilogError,
    ProfileError,
    UnitError,
    UnknownFoodError,
)
from nutrilog.log import FoodLog
from nutrilog.units import ureg

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "FoodLog",
    "LogParseError",
    "NutrilogError",
    "ProfileError",
    "UnitError",
    "UnknownFoodError",
    "ureg",
]
