"""Shared, vectorised steps that turn the raw cells of any reader into a FoodLog.

Every reader builds a DataFrame of raw cells (strings, ``""`` when empty), one
row per input row with its ``line`` number, and passes it through these steps.
Each step works on whole columns and parses each distinct value once. The steps
live one job per module: :mod:`~nutrilog.iotools._cells` (cells as text and
numbers), :mod:`~nutrilog.iotools._amounts` (amounts and units),
:mod:`~nutrilog.iotools._kinds` (food, supplement or water) and this module
(dates, nutrient columns, chunks, the finished log). A row that cannot be read
gets a reason in a :class:`~nutrilog.iotools._rejections.Rejections` and ends in
``FoodLog.rejected``; :func:`finish` splits the rows and, with ``strict=True``,
raises :class:`~nutrilog.errors.LogParseError` for the first problem instead.

:func:`finish` also rejects every row whose amount or nutrient value is infinite
(``1e400`` overflows to ``inf``) or at least :data:`MAX_AMOUNT`: such a number
is a typo or an attack, and summing it would overflow the daily totals.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from nutrilog._vector import coded, codes_of
from nutrilog.errors import ArgumentError, LogParseError
from nutrilog.iotools._cells import cells, coded_cells, to_number
from nutrilog.iotools._dates import MAX_YEAR, MIN_YEAR, column_dayfirst, parse_day, to_timestamp
from nutrilog.iotools._rejections import Rejections
from nutrilog.iotools._source import warn_if_empty
from nutrilog.iotools._table import MalformedTableError
from nutrilog.log import ENTRY_COLUMNS, FoodLog, entries_from_columns
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.units import vitamin_d_iu_to_ug

#: Amounts and nutrient values must be below this (1e9 g is a thousand tonnes).
MAX_AMOUNT = 1e9


def resolve_dates(
    raw: pd.Series,
    rej: Rejections,
    *,
    default: pd.Timestamp | None,
    dayfirst: bool | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Dates (normalised datetime64) and times written with them; bad dates are rejected.

    Empty cells take ``default`` (NaT when None). A date without a year takes
    the year of ``default``, or is rejected.
    """
    fallback = pd.NaT if default is None else default
    times = pd.Series(None, index=raw.index, dtype=object)
    if pd.api.types.is_datetime64_any_dtype(raw):
        dates = (
            pd.to_datetime(raw).dt.tz_localize(None)
            if getattr(raw.dt, "tz", None)
            else pd.to_datetime(raw)
        )
        return dates.fillna(fallback).dt.normalize(), times
    text = coded_cells(pd.DataFrame({"d": raw}), "d")
    codes, uniques = codes_of(text)
    filled = uniques != ""
    first = column_dayfirst(
        pd.Series(uniques[filled], dtype=object), True if dayfirst is None else dayfirst
    )
    year = None if default is None else int(default.year)
    stamps = np.full(len(uniques), fallback, dtype=object)
    clock = np.full(len(uniques), None, dtype=object)
    reasons = np.full(len(uniques), None, dtype=object)
    for k in np.flatnonzero(filled):
        parsed = parse_day(str(uniques[k]), dayfirst=first)
        stamp, why = to_timestamp(parsed, year)
        stamps[k] = pd.NaT if stamp is None else stamp
        clock[k] = parsed.time
        reasons[k] = None if why is None else f"unparseable date: {why}"
    days = pd.to_datetime(pd.Series(stamps, dtype=object)).dt.normalize().to_numpy()
    dates = pd.Series(days[codes], index=raw.index, copy=False)
    times = coded(codes, clock, raw.index)
    unreadable = np.array([r is not None for r in reasons], dtype=bool)
    if unreadable.any():
        rej.add(unreadable[codes], pd.Series(reasons[codes], index=raw.index, dtype=object))
    return dates, times


def finish(
    frame: pd.DataFrame,
    rej: Rejections,
    *,
    source: str,
    strict: bool,
    reject_text: pd.Series | Callable[[Rejections], pd.Series],
) -> FoodLog:
    """Split rows into entries and rejected rows; raise on the first problem when ``strict``.

    ``reject_text`` is the text shown for rejected rows, or a function of the final
    rejections that builds it (e.g. ``lambda r: row_text(cells, r)``).
    """
    frame = frame.copy(deep=False)  # copy-on-write: the caller's frame is not touched
    frame["source"] = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), [source])
    _reject_out_of_range(frame, rej)
    if callable(reject_text):
        reject_text = reject_text(rej)
    bad = rej.bad
    if strict and rej.any:
        first = frame.loc[bad, "line"].astype("int64").idxmin()
        raise LogParseError(
            str(rej.reason[first]),
            source=source,
            line=int(frame.at[first, "line"]),
            text=str(reject_text[first]),
        )
    rejected = pd.DataFrame(
        {
            "source": source,
            "line": frame.loc[bad, "line"].astype("int64"),
            "text": reject_text[bad].astype(str),
            "reason": rej.reason[bad].astype(str),
        }
    )
    keep = [
        c
        for c in frame.columns
        if c in ENTRY_COLUMNS or c in NUTRIENT_COLUMNS or not c.startswith("_")
    ]
    good = ~bad.to_numpy(dtype=bool)
    columns = {}
    for col in keep:
        values = frame[col] if good.all() else frame[col][good]
        if col not in ENTRY_COLUMNS and col not in NUTRIENT_COLUMNS and _is_text(values):
            # extra columns keep plain text, as the source gave it
            values = values.astype(object)
            values = values.where(values.notna(), None)
        columns[col] = values
    return FoodLog(entries_from_columns(columns), rejected, rows_read=len(frame))


def _reject_out_of_range(frame: pd.DataFrame, rej: Rejections) -> None:
    """Reject rows with an infinite or implausibly large amount or nutrient value."""
    numeric = ["quantity", *NUTRIENT_COLUMNS]
    numeric += [c for c in frame.columns if str(c).endswith("_pct_dv")]
    for col in numeric:
        if col not in frame.columns:
            continue
        values = frame[col]
        if values.dtype != "float64":
            values = pd.to_numeric(values, errors="coerce").astype("float64")
        with np.errstate(invalid="ignore"):
            huge = np.abs(values.to_numpy()) >= MAX_AMOUNT
        if huge.any():
            what = "an amount" if col == "quantity" else f"a {col} value"
            rej.add(
                huge,
                f"amount out of range: expected {what} below {MAX_AMOUNT:,.0f}, found "
                + values.map(lambda v: f"{v:g}"),
            )


def _is_text(values: pd.Series) -> bool:
    return (
        isinstance(values.dtype, pd.CategoricalDtype)
        or pd.api.types.is_string_dtype(values)
        or values.dtype == object
    )


def read_all_chunks(name: str, read: Callable[[bool], list[FoodLog]]) -> FoodLog:
    """Read a file's chunks with the fast table reader, falling back to the robust one.

    ``read(robust)`` returns the chunk logs; a :class:`MalformedTableError` from the
    fast reader (a row it cannot split) makes the whole file be read again robustly.
    The chunks are joined in line order and an empty log is warned about.
    """
    try:
        logs = read(False)
    except MalformedTableError:
        logs = read(True)
    log = in_line_order(logs)
    warn_if_empty(int(log.rows_read or 0), name)
    return log


def in_line_order(logs: list[FoodLog]) -> FoodLog:
    """The chunks of one file as one log, rejected rows sorted by line.

    Rows that could not be split into fields are collected apart from the other
    rejected rows of their chunk; sorting makes the result independent of the
    chunk size.

    Examples
    --------
    >>> from nutrilog.log import empty_entries
    >>> bad = pd.DataFrame({"source": "f", "line": [9, 3], "text": "", "reason": "x"})
    >>> in_line_order([FoodLog(empty_entries(), bad)]).rejected["line"].tolist()
    [3, 9]
    """
    log = logs[0] if len(logs) == 1 else FoodLog.concat(logs)
    rejected = log.rejected.sort_values("line", kind="stable", ignore_index=True)
    return FoodLog(
        log.categorical_entries(),
        rejected,
        rows_read=log.rows_read,
        skipped_lines=log.skipped_lines,
    )


def raise_first(log: FoodLog) -> None:
    """Raise LogParseError for the first rejected row of ``log`` (by line), if any."""
    if len(log.rejected) == 0:
        return
    row = log.rejected.sort_values("line", kind="stable").iloc[0]
    raise LogParseError(
        str(row["reason"]), source=str(row["source"]), line=int(row["line"]), text=str(row["text"])
    )


def default_date(value: object) -> pd.Timestamp | None:
    """The ``date=`` argument as a Timestamp (None stays None).

    Examples
    --------
    >>> default_date("20 Nov 2026")
    Timestamp('2026-11-20 00:00:00')
    """
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | np.datetime64) or hasattr(value, "year"):
        try:
            stamp = pd.Timestamp(value)  # type: ignore[arg-type]
        except (TypeError, ValueError) as err:
            raise ArgumentError(f"date= argument: expected a date, found {value!r}") from err
        if pd.isna(stamp) or not MIN_YEAR <= stamp.year <= MAX_YEAR:
            raise ArgumentError(
                f"date= argument: date out of range: expected a year from {MIN_YEAR} to "
                f"{MAX_YEAR}, found {value!r}"
            )
        return stamp.as_unit("ns").normalize()
    parsed = parse_day(str(value))
    stamp, why = to_timestamp(parsed)
    if stamp is None:
        raise ArgumentError(f"date= argument: {why}")
    return stamp


def numeric_columns(
    frame: pd.DataFrame,
    mapping: dict[object, tuple[str, str]],
    out: pd.DataFrame,
    rej: Rejections,
    *,
    wanted: set[str],
    decimal_comma: bool = False,
) -> None:
    """Copy the mapped number columns in ``wanted`` into ``out`` (IU converted); reject non-numbers."""
    for original, (standard, conversion) in mapping.items():
        if standard not in wanted:
            continue
        if original not in frame.columns:
            continue
        raw = cells(frame, original)
        values = to_number(frame[original], decimal_comma=decimal_comma)
        if not pd.api.types.is_numeric_dtype(frame[original]):
            rej.add(
                (raw != "") & values.isna(),
                f"non-numeric value: expected a number in column {str(original)!r}, found",
                cells=raw,
            )
        rej.add(
            values < 0,
            f"negative value: expected 0 or more in column {str(original)!r}, found",
            cells=raw,
        )
        if conversion == "vitamin_d_iu":
            values = values * _IU_TO_UG
        out[standard] = values


_IU_TO_UG = vitamin_d_iu_to_ug(1.0)  # µg per IU


def row_text(frame: pd.DataFrame, rej: Rejections, sep: str = ",") -> pd.Series:
    """The cells of each rejected row joined by ``sep`` (``""`` for the other rows)."""
    from nutrilog.iotools._table import LINE

    out = pd.Series("", index=frame.index, dtype=object)
    bad = rej.bad
    if bad.any():
        data = frame.loc[bad, [c for c in frame.columns if c != LINE]].astype(object)
        data = data.where(data.notna(), "").astype(str)
        out[bad] = data.agg(sep.join, axis=1) if data.shape[1] else ""
    return out
