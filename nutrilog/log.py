"""The standard food-log table every reader produces, and its container.

A :class:`FoodLog` holds two DataFrames:

``entries``
    one row per food, drink or supplement the person logged, with the columns in
    :data:`ENTRY_COLUMNS` (plus any tracked nutrient the source itself reported);
``rejected``
    one row per input row that could not be read (:data:`REJECTED_COLUMNS`).

Every input row ends in exactly one of the two: ``rows_read == len(entries) +
len(rejected)``. Blank lines and comments are not rows.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["2 medium bananas"], date="2026-11-20")
>>> log.rows_read, len(log.entries), len(log.rejected)
(1, 1, 0)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from nutrilog.errors import DataError
from nutrilog.nutrients import NUTRIENT_COLUMNS

__all__ = [
    "ENTRY_COLUMNS",
    "REJECTED_COLUMNS",
    "ENTRY_KINDS",
    "LogEntry",
    "FoodLog",
    "empty_entries",
    "empty_rejected",
    "entries_from_columns",
]

#: Standard entry columns, in order. Nutrient columns follow them.
#:
#: person     who ate it (``"default"`` when the log names nobody)
#: date       the day, as a pandas datetime64 normalised to midnight (NaT if the log has no date)
#: time       clock time as written (``"08:30"``) or missing
#: meal       meal or group name as written, or missing
#: text       the original words of the entry
#: food       the food words, with the amount taken out
#: quantity   the amount as a float (NaN when it could not be read, see amount_note)
#: unit       canonical unit key (``g``, ``cup``, ``medium``, ``slice``, ``IU``...) or missing for a bare count
#: unit_kind  mass | volume | activity | size | count | vague, or missing for a bare count
#: amount_note why the amount needs a second look (``range``, ``vague``, ``implicit one``...), or missing
#: food_id    a food id when the source names one (``sr28:09040``), else missing
#: kind       food | supplement | water
#: reported   True when the source reported its own nutrient values for the row
#: source     the file (or ``<text>``, ``<dataframe>``) the row came from
#: line       1-based line number in that source
ENTRY_COLUMNS: list[str] = [
    "person",
    "date",
    "time",
    "meal",
    "text",
    "food",
    "quantity",
    "unit",
    "unit_kind",
    "amount_note",
    "food_id",
    "kind",
    "reported",
    "source",
    "line",
]
REJECTED_COLUMNS: list[str] = ["source", "line", "text", "reason"]
ENTRY_KINDS = ("food", "supplement", "water")


class LogEntry(BaseModel):
    """One parsed log entry (the pydantic edge model of a row of ``entries``).

    Examples
    --------
    >>> LogEntry(text="1 cup milk", food="milk", quantity=1, unit="cup").kind
    'food'
    """

    model_config = ConfigDict(extra="forbid")

    person: str = "default"
    date: _dt.date | None = None
    time: str | None = None
    meal: str | None = None
    text: str
    food: str
    quantity: float | None = Field(default=None, ge=0)
    unit: str | None = None
    unit_kind: Literal["mass", "volume", "activity", "size", "count", "vague"] | None = None
    amount_note: str | None = None
    food_id: str | None = None
    kind: Literal["food", "supplement", "water"] = "food"
    reported: bool = False
    source: str = "<text>"
    line: int = Field(default=1, ge=1)
    nutrients: dict[str, float] = Field(default_factory=dict)


def empty_entries() -> pd.DataFrame:
    """Return an entries table with the standard columns and no rows."""
    frame = pd.DataFrame({col: pd.Series(dtype=object) for col in ENTRY_COLUMNS})
    return conform_entries(frame)


def empty_rejected() -> pd.DataFrame:
    """Return a rejected-rows table with the standard columns and no rows."""
    return pd.DataFrame(
        {
            "source": pd.Series(dtype=object),
            "line": pd.Series(dtype="int64"),
            "text": pd.Series(dtype=object),
            "reason": pd.Series(dtype=object),
        }
    )


def _is_conformed(frame: pd.DataFrame) -> bool:
    """True when ``frame`` already has the standard columns, order and dtypes.

    Joining logs read in chunks would otherwise convert a million rows again.
    """
    standard = ENTRY_COLUMNS + NUTRIENT_COLUMNS
    if list(frame.columns[: len(standard)]) != standard:
        return False
    dtypes = frame.dtypes
    return (
        dtypes["date"].kind == "M"
        and dtypes["quantity"] == "float64"
        and dtypes["reported"] == "bool"
        and str(dtypes["line"]) == "Int64"
        and all(dtypes[c] == "float64" for c in NUTRIENT_COLUMNS)
        and not frame["person"].isna().any()
        and not frame["kind"].isna().any()
    )


def conform_entries(frame: pd.DataFrame) -> pd.DataFrame:
    """Give an entries table the standard columns, order and dtypes.

    Missing standard columns are added (empty); nutrient columns are float
    (NaN = not reported, never 0); extra columns are kept after the standard ones.
    """
    if _is_conformed(frame):
        return frame.reset_index(drop=True)
    frame = frame.reset_index(drop=True)
    return entries_from_columns({col: frame[col] for col in frame.columns})


def entries_from_columns(columns: dict[str, pd.Series]) -> pd.DataFrame:
    """Build a standard entries table from aligned columns, in one construction.

    The same conversions as :func:`conform_entries`, without copying a table
    that is about to be rebuilt; readers finish their chunks with it.

    Examples
    --------
    >>> table = entries_from_columns({"food": pd.Series(["apple"]), "quantity": pd.Series([1])})
    >>> table[["person", "food", "kind"]].iloc[0].tolist(), table["quantity"].dtype
    (['default', 'apple', 'food'], dtype('float64'))
    """
    index = next(iter(columns.values())).index if columns else pd.RangeIndex(0)
    index = pd.RangeIndex(len(index))

    def column(name: str) -> pd.Series:
        if name in columns:
            return columns[name].set_axis(index)
        if name in NUTRIENT_COLUMNS:
            return pd.Series(np.nan, index=index, dtype="float64")
        return pd.Series(np.full(len(index), None, dtype=object), index=index)

    out = {col: column(col) for col in ENTRY_COLUMNS + NUTRIENT_COLUMNS}
    for col in NUTRIENT_COLUMNS:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    person, kind = out["person"], out["kind"]
    out["person"] = person.where(person.notna(), "default").astype(str)
    out["date"] = pd.to_datetime(out["date"], errors="coerce").dt.normalize()
    out["quantity"] = pd.to_numeric(out["quantity"], errors="coerce").astype("float64")
    out["kind"] = kind.where(kind.notna(), "food").astype(str)
    out["reported"] = out["reported"].fillna(False).astype(bool)
    out["line"] = pd.to_numeric(out["line"], errors="coerce").astype("Int64")
    for col in columns:
        if col not in out:
            out[col] = column(col)
    # one construction, one copy: no per-column copies of a million-row table
    return pd.DataFrame(out, index=index)


@dataclass
class FoodLog:
    """A read food log: the entries, the rejected rows and the row count.

    Parameters
    ----------
    entries : DataFrame
        Standard entry table (see :data:`ENTRY_COLUMNS`).
    rejected : DataFrame
        Rows that could not be read: ``source, line, text, reason``.
    rows_read : int, optional
        Number of input rows (blank lines and comments excluded). Defaults to
        ``len(entries) + len(rejected)``; a different number is an accounting
        error and raises :class:`~nutrilog.errors.DataError`.

    Examples
    --------
    >>> import pandas as pd
    >>> log = FoodLog(pd.DataFrame({"text": ["1 apple"], "food": ["apple"]}))
    >>> log.rows_read
    1
    """

    entries: pd.DataFrame
    rejected: pd.DataFrame = field(default_factory=empty_rejected)
    rows_read: int | None = None

    def __post_init__(self) -> None:
        self.entries = conform_entries(self.entries)
        rejected = self.rejected.copy()
        for col in REJECTED_COLUMNS:
            if col not in rejected.columns:
                rejected[col] = None
        self.rejected = rejected[REJECTED_COLUMNS].reset_index(drop=True)
        total = len(self.entries) + len(self.rejected)
        if self.rows_read is None:
            self.rows_read = total
        elif self.rows_read != total:
            raise DataError(
                f"row accounting failed: expected rows read ({self.rows_read}) = entries "
                f"({len(self.entries)}) + rejected ({len(self.rejected)})"
            )

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def concat(cls, logs: Iterable[FoodLog]) -> FoodLog:
        """Join several logs into one, keeping every row's source and line.

        Examples
        --------
        >>> import nutrilog as nl
        >>> a = nl.parse_entries(["1 apple"], date="2026-11-20")
        >>> b = nl.parse_entries(["1 pear"], date="2026-11-21")
        >>> len(FoodLog.concat([a, b]))
        2
        """
        logs = list(logs)
        if not logs:
            return cls(empty_entries())
        entries = pd.concat([lg.entries for lg in logs], ignore_index=True)
        rejected = pd.concat([lg.rejected for lg in logs], ignore_index=True)
        return cls(entries, rejected, sum(int(lg.rows_read or 0) for lg in logs))

    def summary(self) -> dict[str, int]:
        """Counts of rows read, entries and rejected rows.

        Examples
        --------
        >>> import nutrilog as nl
        >>> nl.parse_entries(["1 apple"], date="2026-11-20").summary()
        {'rows_read': 1, 'entries': 1, 'rejected': 0}
        """
        return {
            "rows_read": int(self.rows_read or 0),
            "entries": len(self.entries),
            "rejected": len(self.rejected),
        }

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"FoodLog({s['entries']} entries, {s['rejected']} rejected, {s['rows_read']} rows read)"
        )

    def _repr_html_(self) -> str:
        from html import escape

        s = self.summary()
        head = escape(repr(self))
        table = self.entries.head(20).to_html(max_cols=12, escape=True)
        return f"<p><b>{head}</b> (first {min(20, s['entries'])} entries)</p>{table}"
