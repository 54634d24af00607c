"""The nutrients nutrilog tracks: one record per nutrient, one vocabulary everywhere.

A :class:`Nutrient` holds every name a nutrient goes by: its key (as in
``dri.csv``: ``"magnesium"``), the column of intake tables (``"magnesium_mg"``,
the name carries the unit), the label people read, the unit of the column, the
unit it is shown in, and the names of its supplement-part and coverage columns.
:func:`nutrient` finds the record from a key or a column, so no other module
converts between them.

Examples
--------
>>> from nutrilog.nutrients import nutrient
>>> mg = nutrient("magnesium_mg")
>>> mg.key, mg.label, mg.supplement_column, mg.coverage_column
('magnesium', 'Magnesium', 'magnesium_supplement_mg', 'coverage_magnesium')
>>> nutrient("vitamin_d").column
'vitamin_d_ug'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from nutrilog.errors import UnknownNutrientError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Nutrient",
    "TRACKED",
    "NUTRIENT_COLUMNS",
    "ASSESSED",
    "nutrient",
    "nutrients_table",
]


@dataclass(frozen=True)
class Nutrient:
    """One tracked nutrient and every name it goes by.

    Attributes
    ----------
    key : str
        The nutrient key of the reference tables (``"vitamin_d"``).
    column : str
        The column of intake tables; its name ends with its unit (``"vitamin_d_ug"``).
    label : str
        The name people read (``"Vitamin D"``).
    unit : str
        The unit of :attr:`column`, a pint unit expression (``"ug"``).
    display_unit : str
        The unit amounts are shown in (water: ``"L"``; else :attr:`unit`).
    sr28_number : str
        The USDA SR28 nutrient number the bundled tables take it from.
    short : str
        An abbreviation for narrow tables (``"Vit D"``; empty for energy, whose unit
        says it).
    splits_supplements : bool
        Whether daily totals carry the supplement part in :attr:`supplement_column`.

    Examples
    --------
    >>> water = nutrient("water")
    >>> water.column, water.display_unit, water.display_factor
    ('water_g', 'L', 0.001)
    """

    key: str
    column: str
    label: str
    unit: str
    display_unit: str
    sr28_number: str
    short: str
    splits_supplements: bool = False

    @property
    def supplement_column(self) -> str:
        """The daily column of the supplement part (``magnesium_supplement_mg``)."""
        return f"{self.key}_supplement_{self.unit}"

    @property
    def coverage_column(self) -> str:
        """The daily column of the share of food whose value is known (``coverage_magnesium``)."""
        return f"coverage_{self.key}"

    @property
    def in_text(self) -> str:
        """The label inside a sentence: ``"vitamin D"``, ``"magnesium"``."""
        return self.label[0].lower() + self.label[1:]

    @cached_property
    def symbol(self) -> str:
        """The symbol of :attr:`unit` as people write it (``"µg"``), from pint's formatter."""
        from nutrilog.units import unit_symbol

        return unit_symbol(self.unit)

    @cached_property
    def display_symbol(self) -> str:
        """The symbol of :attr:`display_unit` (``"L"`` for water)."""
        from nutrilog.units import unit_symbol

        return unit_symbol(self.display_unit)

    @cached_property
    def display_factor(self) -> float:
        """How many :attr:`display_unit` one :attr:`unit` is (water: 1 g = 0.001 L)."""
        from nutrilog.units import factor

        return factor(self.unit, self.display_unit, "water")


#: Every tracked nutrient, in display order.
TRACKED: tuple[Nutrient, ...] = (
    Nutrient("energy", "energy_kcal", "Energy", "kcal", "kcal", "208", ""),
    Nutrient("water", "water_g", "Water", "g", "L", "255", "Water"),
    Nutrient("calcium", "calcium_mg", "Calcium", "mg", "mg", "301", "Ca", True),
    Nutrient("magnesium", "magnesium_mg", "Magnesium", "mg", "mg", "304", "Mg", True),
    Nutrient("potassium", "potassium_mg", "Potassium", "mg", "mg", "306", "K", True),
    Nutrient("sodium", "sodium_mg", "Sodium", "mg", "mg", "307", "Na"),
    Nutrient("vitamin_d", "vitamin_d_ug", "Vitamin D", "ug", "ug", "328", "Vit D", True),
    Nutrient("vitamin_b12", "vitamin_b12_ug", "Vitamin B12", "ug", "ug", "418", "B12", True),
)

#: Column names of the tracked nutrients, in display order.
NUTRIENT_COLUMNS: list[str] = [n.column for n in TRACKED]

#: Keys of the nutrients compared with the reference intakes (energy has no DRI here),
#: in the order of assessments and reports.
ASSESSED: list[str] = [
    "magnesium",
    "calcium",
    "potassium",
    "vitamin_d",
    "vitamin_b12",
    "sodium",
    "water",
]

_BY_NAME: dict[str, Nutrient] = {n.key: n for n in TRACKED} | {n.column: n for n in TRACKED}


def nutrient(name: str | Nutrient) -> Nutrient:
    """The record of a nutrient, by key (``"magnesium"``) or column (``"magnesium_mg"``).

    Raises
    ------
    UnknownNutrientError
        If ``name`` names no tracked nutrient (a ``KeyError`` and a ``ValueError``).

    Examples
    --------
    >>> nutrient("calcium").column, nutrient("calcium_mg").key
    ('calcium_mg', 'calcium')
    >>> nutrient("zinc")
    Traceback (most recent call last):
    ...
    nutrilog.errors.UnknownNutrientError: unknown nutrient 'zinc'; expected a key or column of ['energy', 'water', 'calcium', 'magnesium', 'potassium', 'sodium', 'vitamin_d', 'vitamin_b12']
    """
    if isinstance(name, Nutrient):
        return name
    found = _BY_NAME.get(name) if isinstance(name, str) else None
    if found is None:
        raise UnknownNutrientError(
            f"unknown nutrient {name!r}; expected a key or column of {[n.key for n in TRACKED]}"
        )
    return found


def nutrients_table() -> pd.DataFrame:
    """The tracked nutrients as a table indexed by column (for display and joins).

    Examples
    --------
    >>> nutrients_table().loc["vitamin_d_ug", ["nutrient", "label", "unit"]].tolist()
    ['vitamin_d', 'Vitamin D', 'ug']
    """
    import pandas as pd

    rows = [(n.column, n.key, n.label, n.unit, n.sr28_number) for n in TRACKED]
    columns = ["column", "nutrient", "label", "unit", "sr28_number"]
    return pd.DataFrame(rows, columns=columns).set_index("column")
