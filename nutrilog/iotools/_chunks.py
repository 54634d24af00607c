"""Read a delimited log chunk by chunk into one :class:`~nutrilog.log.FoodLog`.

The table readers (structured CSV and the formats read through it, Cronometer,
MyFitnessPal) differ in their row rules only; around them they do the same, here:
the header's columns are mapped once, on the first chunk, where the reader checks
they are its format's; each chunk's rows become a log; the rows the table reader
could not split into fields are added to it as rejected, with the chunk's skipped
lines counted; and a row the fast reader cannot split makes the whole file be read
again line by line (:func:`~nutrilog.iotools._build.read_all_chunks`).

Examples
--------
>>> import io
>>> from nutrilog.iotools._source import open_input
>>> inp = open_input(io.StringIO("Date,Food\\n2026-11-20,banana,extra\\n"))
>>> def check(names, mapping): ...
>>> def process(frame, mapping):
...     return FoodLog(empty_entries(), rows_read=len(frame))
>>> log = read_chunks(inp, "csv", check=check, process=process, strict=False, sep=",")
>>> log.rejected["reason"].tolist()
['expected 2 fields (as in the header), found 3']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from nutrilog.iotools._build import raise_first, read_all_chunks
from nutrilog.iotools._columns import map_columns
from nutrilog.iotools._source import LogInput
from nutrilog.iotools._table import LINE, read_table
from nutrilog.log import FoodLog, empty_entries

#: A header's mapping: each original column -> (standard name, unit).
ColumnMap = dict[object, tuple[str, str]]


def bad_rows_log(bad: pd.DataFrame, source: str) -> FoodLog:
    """A FoodLog holding only rows that could not be split into fields.

    Examples
    --------
    >>> bad = pd.DataFrame({"line": [4], "text": ["a,b,c"], "reason": ["expected 2 fields"]})
    >>> bad_rows_log(bad, "log.csv").rejected.values.tolist()
    [['log.csv', 4, 'a,b,c', 'expected 2 fields']]
    """
    rejected = bad.assign(source=source)[["source", "line", "text", "reason"]]
    return FoodLog(empty_entries(), rejected, rows_read=len(rejected))


def with_bad_rows(
    log: FoodLog, bad: pd.DataFrame, source: str, *, strict: bool, skipped: int = 0
) -> FoodLog:
    """A chunk's log with the rows the table reader could not split added as rejected
    and its ``skipped`` lines (header, blank lines) counted; under ``strict`` the
    chunk's first problem is raised.

    Examples
    --------
    >>> bad = pd.DataFrame({"line": [4], "text": ["a,b,c"], "reason": ["expected 2 fields"]})
    >>> log = with_bad_rows(FoodLog(empty_entries()), bad, "log.csv", strict=False, skipped=1)
    >>> log.rows_read, log.skipped_lines
    (1, 1)
    """
    if len(bad):
        log = FoodLog.concat([log, bad_rows_log(bad, source)])
    if strict:
        raise_first(log)
    log.skipped_lines += skipped
    return log


def read_chunks(
    inp: LogInput,
    columns: str,
    *,
    check: Callable[[list[object], ColumnMap], None],
    process: Callable[[pd.DataFrame, ColumnMap], FoodLog],
    strict: bool,
    **table: Any,
) -> FoodLog:
    """Read ``inp`` with :func:`~nutrilog.iotools._table.read_table` into one log.

    Parameters
    ----------
    inp : LogInput
        The opened file.
    columns : str
        The source of the column table that maps the header (``"csv"``, ``"cronometer"``...).
    check : callable
        ``check(names, mapping)`` raises :class:`~nutrilog.errors.LogParseError` when
        the header (its column names and their mapping) is not the format's.
    process : callable
        ``process(frame, mapping)``: one chunk's rows as a log.
    strict : bool
        Raise the first problem of a chunk instead of collecting it.
    **table
        Passed to ``read_table`` (``sep``, ``chunksize``, ``categorical``, ``wanted``).

    Returns
    -------
    FoodLog
        The chunks' logs in line order.
    """

    def read(robust: bool) -> list[FoodLog]:
        logs: list[FoodLog] = []
        mapping: ColumnMap | None = None
        for chunk in read_table(inp, robust=robust, **table):
            if mapping is None:
                names = [c for c in chunk.frame.columns if c != LINE]
                mapping = map_columns(names, columns)
                check(names, mapping)
            log = process(chunk.frame, mapping)
            logs.append(
                with_bad_rows(log, chunk.bad, inp.name, strict=strict, skipped=chunk.skipped)
            )
        return logs

    return read_all_chunks(inp.name, read)
