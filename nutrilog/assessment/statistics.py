"""Per-person statistics of daily totals: for each (person, nutrient) slot the days
known, the mean and SD of the totals and of the supplement part, the days below the
EAR or above the UL, and the coverage, each summed per slot with ``np.bincount``
(one pass over every day of every person, no group-by object).

Examples
--------
>>> import numpy as np
>>> columns = DayColumns({"magnesium_mg": np.array([300.0, np.nan, 340.0])}, None)
>>> columns.get("magnesium_mg").tolist(), columns.get("calcium_mg").size
([300.0, nan, 340.0], 3)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.nutrients import ASSESSED, nutrient

__all__ = ["DayColumns", "DayMoments", "slot_statistics"]


class DayColumns:
    """Float columns of the day rows ``rows`` of a daily table (or a mapping of arrays);
    a column that is absent is all NaN, non-numeric cells are NaN."""

    def __init__(self, daily: pd.DataFrame | Mapping[str, Any], rows: np.ndarray | None) -> None:
        self._daily, self._rows = daily, rows
        if rows is not None:
            self.size = len(rows)
        elif isinstance(daily, pd.DataFrame):
            self.size = len(daily)
        else:
            self.size = len(next(iter(daily.values()))) if len(daily) else 0

    def get(self, *names: str) -> np.ndarray:
        """The first of ``names`` that is a column, as floats."""
        for name in names:
            if name in self._daily:
                column = self._daily[name]
                if isinstance(column, pd.Series):
                    values = pd.to_numeric(column, errors="coerce").to_numpy(
                        "float64", na_value=np.nan
                    )
                else:
                    values = np.asarray(column, dtype="float64")
                return values if self._rows is None else values[self._rows]
        return np.full(self.size, np.nan)


def slot_statistics(
    columns: DayColumns,
    owner: np.ndarray,
    ref: Mapping[str, Any],
    ref_row: np.ndarray,
    slots: int,
) -> dict[str, np.ndarray]:
    """Each (person, nutrient) slot's counts, means and SDs over its known days, summed
    per slot with ``np.bincount``: one array per statistic.

    A day whose total is unknown (NaN) is left out with its supplement part and coverage.
    ``ref_row[person]`` is the row of ``ref`` holding the person's first nutrient.
    ``sum_squares`` is each slot's sum of squared deviations of its days' totals from
    their mean (what :class:`DayMoments` keeps for the population figures).
    """
    k = len(ASSESSED)
    people = slots // k
    ear, ul = np.asarray(ref["ear"]), np.asarray(ref["ul"])  # columns of a table or arrays
    out: dict[str, np.ndarray] = {}
    for j, key in enumerate(ASSESSED):
        # nutrient j's slot of each person: its sums are bincounts over the people, in the
        # order of the days as over every slot at once (no array of every slot's days)
        n = nutrient(key)
        total = columns.get(n.column)
        known = np.flatnonzero(~np.isnan(total))
        who, total = owner[known], total[known]
        limits = ref_row[who] + j
        dose = columns.get(n.supplement_column)[known]
        dosed = ~np.isnan(dose)
        known_days, mean, sd_days, squares = _moments(who, total, people)
        supplement_days, mean_supplement, supplement_sd, _ = _moments(who, dose, people)
        coverage = columns.get(n.coverage_column, f"coverage_{n.column}")[known]
        found = {
            "days": known_days,
            "mean": mean,
            "sd_days": sd_days,
            "sum_squares": squares,
            "days_below_ear": np.bincount(who, total < ear[limits], people),
            "days_above_ul": np.bincount(who, total > ul[limits], people),
            "supplement_days": supplement_days,
            "mean_supplement": mean_supplement,
            "supplement_sd": supplement_sd,
            "doses": np.bincount(who, dosed & (dose != 0), people),
            "supplement_days_above_ul": np.bincount(who, dosed & (dose > ul[limits]), people),
            "coverage": _mean(who, coverage, people),
        }  # the counts are bincounts: never missing
        for name, values in found.items():
            out.setdefault(name, np.empty(slots, dtype=values.dtype))[j::k] = values
    # a steady dose of nothing is a certain comparison
    no_dose = (out["supplement_days"] > 0) & (out["doses"] == 0)
    out["supplement_sd"] = np.where(no_dose, 0.0, out["supplement_sd"])
    return out


def _mean(slot: np.ndarray, values: np.ndarray, slots: int) -> np.ndarray:
    """Per slot: the mean of the known (not NaN) values, NaN where none (as
    :func:`_moments`, without the SD)."""
    known = ~np.isnan(values)
    who, x = (slot, values) if known.all() else (slot[known], values[known])
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.bincount(who, x, slots) / np.bincount(who, None, slots)


def _moments(
    slot: np.ndarray, values: np.ndarray, slots: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per slot: the number of known (not NaN) values (as floats), their mean (NaN where
    none), their sample SD (n - 1, from the deviations from the slot's mean; NaN with
    fewer than two values) and the sum of those squared deviations."""
    known = ~np.isnan(values)
    who, x = (slot, values) if known.all() else (slot[known], values[known])
    n = np.bincount(who, None, slots)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.bincount(who, x, slots) / n
        squares = np.bincount(who, (x - mean[who]) ** 2, slots)
        sd = np.where(n > 1, np.sqrt(squares / (n - 1)), np.nan)
    return n.astype("float64"), mean, sd, squares


class DayMoments:
    """Each (person, nutrient) slot's known days, mean and sum of squared deviations of
    its daily totals, as an assessment computed them from a daily table: the population
    figures reuse them for that very table only, unchanged (the same object, with the
    same values in the columns they depend on).

    Parameters
    ----------
    daily : pandas.DataFrame
        The daily table the moments were computed from.
    days, mean, squares : numpy.ndarray
        Per slot (person by person, nutrients in :data:`~nutrilog.nutrients.ASSESSED` order).
    """

    def __init__(
        self, daily: pd.DataFrame, days: np.ndarray, mean: np.ndarray, squares: np.ndarray
    ) -> None:
        self._daily, self._inputs = daily, _inputs(daily).copy()
        self.days, self.mean, self.squares = days, mean, squares

    def holds_for(self, daily: pd.DataFrame) -> bool:
        """Whether ``daily`` is the table the moments came from, with the same values in
        the columns they depend on (none of them added, removed or changed)."""
        return daily is self._daily and _inputs(daily).equals(self._inputs)


#: The columns of a daily table that the moments of its slots depend on.
_DEPENDS_ON = frozenset(["person", "complete", *(nutrient(key).column for key in ASSESSED)])


def _inputs(daily: pd.DataFrame) -> pd.DataFrame:
    """The columns of ``daily`` that :class:`DayMoments` depend on."""
    return daily[[c for c in daily.columns if c in _DEPENDS_ON]]
