"""The finished assessment table: its columns in order and with their dtypes, the words
of each row, and :class:`AssessmentLater`, which writes them when first asked for.

The working table of :mod:`~nutrilog.assessment.table` keeps its text as Python
objects or categoricals; the finished table's text columns are built once per
distinct value (:func:`~nutrilog._vector.text_array`).

Examples
--------
>>> empty_table().columns.tolist() == ASSESSMENT_COLUMNS
True
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._vector import coded, text_array, text_in
from nutrilog.assessment.notes import notes
from nutrilog.assessment.rules import reason
from nutrilog.nutrients import ASSESSED
from nutrilog.profile import Profile

__all__ = [
    "ASSESSMENT_COLUMNS",
    "WORDED_COLUMNS",
    "AssessmentLater",
    "DriGroups",
    "empty_table",
    "finished_table",
    "object_series",
    "worded_table",
]

#: Output columns of :func:`~nutrilog.assessment.table.assess`, in order.
ASSESSMENT_COLUMNS: list[str] = [
    "nutrient", "label", "column", "unit", "days", "mean", "sd_days", "ear", "rda", "ai",
    "target", "target_kind", "pct_of_target", "ul", "ul_applies_to", "cdrr",
    "days_below_ear", "days_above_ul", "mean_supplement", "coverage", "sd_req", "sd_within",
    "sd_within_basis", "sd_within_source", "z_adequacy", "probability_adequate",
    "confidence_above_ai", "confidence_below_ul", "confidence_below_cdrr", "status",
    "status_rule", "status_reason", "notes",
]  # fmt: skip

_COUNT_COLUMNS = ("days_below_ear", "days_above_ul")

#: The columns written in words, one row at a time (see :class:`AssessmentLater`).
WORDED_COLUMNS = ("status_reason", "notes")


def object_series(values: Any) -> pd.Series:
    """Text kept as Python objects in the working table: a column of tens of thousands of
    rows is neither converted to pandas' string dtype on the way in nor back on the way
    out; the finished table's text columns are built once per distinct value
    (:func:`finished_table`). An object array is taken as it is, not copied: the working
    table's arrays are its own.

    Examples
    --------
    >>> object_series(["likely adequate", "unknown"]).dtype
    dtype('O')
    """
    return pd.Series(np.asarray(values, dtype=object), dtype=object, copy=False)


def worded_table(t: pd.DataFrame | None, min_days: int) -> pd.DataFrame:
    """The finished table: each row's reason and notes written in plain words (the
    empty table for ``t`` None, an assessment of nobody).

    Examples
    --------
    >>> worded_table(None, 3).columns.tolist() == ASSESSMENT_COLUMNS
    True
    """
    if t is None:
        return empty_table()
    rows = _rows(t)
    t = t.assign(status_reason=object_series([reason(r, min_days) for r in rows]))
    return finished_table(t, [notes(r, min_days) for r in rows])


class DriGroups(NamedTuple):
    """The DRI group of each person of an assessment: ``groups[number[i]]`` is person
    ``i``'s, as ``(first age, sex, life stage)`` (:class:`~nutrilog.references.DriGroup`)."""

    number: np.ndarray
    groups: list[tuple[float, str, str]]


class AssessmentLater:
    """An assessment of many people whose words are written when first asked for.

    The numbers, statuses and rules of every row are computed over whole columns
    at once; the reason and the notes of each row are sentences written one row
    at a time, which for a cohort of thousands of people costs more than all the
    rest. :meth:`numbers` gives the table without them at no extra cost,
    :meth:`finished` the full table of :func:`assess_people` (computed once).
    """

    def __init__(
        self,
        t: pd.DataFrame | None,
        min_days: int,
        people: list[Any],
        profiles: list[Profile] | None = None,
        groups: DriGroups | None = None,
    ) -> None:
        self._t, self._min_days, self._people = t, min_days, people
        self._done: pd.DataFrame | None = None
        self._numbers: pd.DataFrame | None = None
        #: The people assessed and their profiles, in the table's order; their DRI groups.
        self.people, self.profiles, self.groups = list(people), list(profiles or []), groups
        #: The days, mean and sum of squares of each row's daily totals, and the daily
        #: table they came from (:class:`~nutrilog.assessment.statistics.DayMoments`).
        self.moments: Any = None

    def slot_references(self) -> dict[str, np.ndarray] | None:
        """Each row's EAR, AI, UL on food (NaN where the UL concerns supplements only)
        and CDRR as arrays, rows in the table's order (person by person, nutrients in
        :data:`~nutrilog.nutrients.ASSESSED` order): what
        :func:`~nutrilog.assessment.population.slot_references` finds for these people,
        without a look-up per row. None without rows."""
        table = self._t if self._t is not None else self._done
        if table is None or not len(table):
            return None
        out = {
            name: table[name].to_numpy(dtype="float64", na_value=np.nan)
            for name in ("ear", "ai", "ul", "cdrr")
        }
        codes, uniques = pd.factorize(table["ul_applies_to"])
        on_food = np.array([*(str(u) == "all" for u in uniques), False], dtype=bool)[codes]
        out["ul"] = np.where(on_food, out["ul"], np.nan)
        return out

    def _with_person(self, frame: pd.DataFrame) -> pd.DataFrame:
        names = np.empty(len(self._people), dtype=object)
        names[:] = self._people
        which = np.repeat(np.arange(len(names)), len(ASSESSED))  # each row's person
        frame.insert(0, "person", text_array(coded(which, names, frame.index)))
        return frame

    def numbers(self, columns: list[str] | None = None) -> pd.DataFrame:
        """``person`` and :data:`ASSESSMENT_COLUMNS` but the worded ones; or only the
        ``columns`` named (``person`` among them), the others not built."""
        if self._done is not None:
            whole = self._done.drop(columns=list(WORDED_COLUMNS))
        elif self._t is None:
            whole = self._with_person(empty_table()).drop(columns=list(WORDED_COLUMNS))
        elif self._numbers is not None or columns is None:
            if self._numbers is None:  # built once; each caller gets its own (copy-on-write) view
                self._numbers = self._with_person(finished_table(self._t, None))
            whole = self._numbers.copy(deep=False)
        else:
            wanted = [c for c in columns if c != "person"]
            return self._with_person(finished_table(self._t, None, wanted))[columns]
        return whole if columns is None else whole[columns]

    def of(self, persons: Iterable[Any]) -> pd.DataFrame:
        """The full rows of some people, their sentences written for them alone (the
        whole table's when it is already written)."""
        keep = {str(p) for p in persons}
        if self._done is not None or self._t is None:
            done = self.finished()
            return done[text_in(done["person"], keep)].reset_index(drop=True)
        chosen = np.array([str(p) in keep for p in self._people], dtype=bool)
        rows = np.repeat(chosen, len(ASSESSED))
        frame = worded_table(self._t[rows].reset_index(drop=True), self._min_days)
        names = np.empty(int(chosen.sum()), dtype=object)
        names[:] = [p for p, c in zip(self._people, chosen, strict=True) if c]
        frame.insert(0, "person", np.repeat(names, len(ASSESSED)))
        return frame

    def finished(self) -> pd.DataFrame:
        """The full table, as :func:`assess_people` returns it."""
        if self._done is None:
            self._done = self._with_person(worded_table(self._t, self._min_days))
            self._t = None
        return self._done


def _rows(t: pd.DataFrame) -> list[Any]:
    """The table's rows as named tuples of plain Python values (for the per-row wording)."""
    row = namedtuple("row", [str(c) for c in t.columns])  # type: ignore[misc]
    # one object array of the whole table: each block converted once, not each column
    return [row._make(v) for v in t.to_numpy(dtype=object).tolist()]


def finished_table(
    t: pd.DataFrame, row_notes: list[list[str]] | None, only: list[str] | None = None
) -> pd.DataFrame:
    """The output columns, in order, with their dtypes (without the worded columns when
    ``row_notes`` is None; only the columns ``only`` when given)."""
    wanted = [
        name
        for name in ASSESSMENT_COLUMNS
        if name != "notes"
        and (row_notes is not None or name not in WORDED_COLUMNS)
        and (only is None or name in only)
    ]
    text = {"nutrient", "label", "column", "unit", "target_kind", "ul_applies_to",
            "sd_within_basis", "sd_within_source", "status", "status_rule",
            "status_reason"}  # fmt: skip
    out = {name: text_array(t[name]) if name in text else t[name].to_numpy() for name in wanted}
    frame = pd.DataFrame(out, index=pd.RangeIndex(len(t)))
    for name in _COUNT_COLUMNS:
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    if row_notes is None:
        return frame
    notes_column = np.empty(len(row_notes), dtype=object)
    notes_column[:] = row_notes
    frame["notes"] = notes_column
    return frame


def empty_table() -> pd.DataFrame:
    """The assessment of nobody: no row, the columns and dtypes of a finished table.

    Examples
    --------
    >>> str(empty_table()["days_below_ear"].dtype)
    'Int64'
    """
    out = pd.DataFrame(columns=ASSESSMENT_COLUMNS)
    for name in _COUNT_COLUMNS:
        out[name] = out[name].astype("Int64")
    out["days"] = out["days"].astype(int)
    return out
