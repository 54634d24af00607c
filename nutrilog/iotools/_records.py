"""One physical line, one record: the types of a table being read and the line-by-line reader.

:func:`read_lines` reads a delimited file with Python's :mod:`csv` module one physical
line at a time (:class:`OneLinePerRecord`): a quote left open never takes the next
line, lines over :data:`~nutrilog.iotools._source.MAX_LINE_CHARS` are rejected
without being parsed, and a row with more fields than the header is a bad row.
:mod:`nutrilog.iotools._table` uses it for malformed or very wide files.

Examples
--------
>>> split_record('a,"b,c",d', ",")
(['a', 'b,c', 'd'], False)
"""

from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Iterator
from typing import IO, NamedTuple

import pandas as pd

from nutrilog.iotools._source import MAX_LINE_CHARS, LogInput, shorten, too_long_reason

__all__ = [
    "LINE",
    "TableChunk",
    "Header",
    "empty_bad",
    "is_comment",
    "OneLinePerRecord",
    "split_record",
    "read_lines",
]

#: Name of the line-number column added to every chunk.
LINE = "_line"

#: A ``#`` comment as a row's first cell (``# week 2``); ``#3`` is an item number, no comment.
_COMMENT = re.compile(r"^\s*#(?!\d)")


def is_comment(first: str, rest_blank: bool) -> bool:
    """Whether a row is a comment line: its first cell opens with ``#`` and its other
    cells are empty (``# week 2`` under the header), counted as a skipped line.

    Examples
    --------
    >>> is_comment("# week 2", True), is_comment("#3 banana", True), is_comment("# x", False)
    (True, False, False)
    """
    return rest_blank and bool(_COMMENT.match(first))


class TableChunk(NamedTuple):
    """Rows read from a table: good rows (with ``_line``), rows with a wrong field count,
    and the number of lines that are not rows (header, lines before it, blank lines)."""

    frame: pd.DataFrame
    bad: pd.DataFrame
    skipped: int = 0


class Header(NamedTuple):
    """The header line of a table and which of its columns are read.

    Attributes
    ----------
    line : int
        1-based line number of the header.
    cells : list of str
        Every header cell, cleaned (stripped, BOM removed).
    names : list of str
        The same names made unique (``food``, ``food.1``).
    keep : list of int
        Positions of the columns that are read (named, and wanted by the reader).
    open_quote : bool
        The header line leaves a quote open (it is read without quote handling).
    unnamed : int
        Columns without a name (not read).
    unused : list of str
        Named columns the reader does not use (not read).
    """

    line: int
    cells: list[str]
    names: list[str]
    keep: list[int]
    open_quote: bool
    unnamed: int
    unused: list[str]

    @property
    def kept(self) -> list[str]:
        """Names of the columns read."""
        return [self.names[k] for k in self.keep]


def empty_bad() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "line": pd.Series(dtype="int64"),
            "text": pd.Series(dtype=object),
            "reason": pd.Series(dtype=object),
        }
    )


class OneLinePerRecord:
    """The physical lines of a file for :func:`csv.reader`, one record per line.

    The csv reader asks for another line when a quoted field is still open at
    the end of a line (an unbalanced quote, or a cell that spans lines). It is
    handed a closing quote instead, so a record never takes more than one
    physical line, and :attr:`opened` tells the caller to read that line again
    without quote handling. Lines longer than :data:`MAX_LINE_CHARS` are not
    handed over at all (:attr:`too_long` holds their length).
    """

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._fed = False
        self.raw = ""
        self.opened = False
        self.too_long = 0

    def __iter__(self) -> OneLinePerRecord:
        return self

    def __next__(self) -> str:
        if self._fed:  # the record is still open after its one line
            if self.opened:
                return "\n"
            self.opened = True
            return '"\n'  # closes the quoted field and the record
        raw = next(self._lines)  # StopIteration ends the reader
        self.raw, self._fed, self.opened, self.too_long = raw, True, False, 0
        body = raw.rstrip("\r\n")
        if len(body) > MAX_LINE_CHARS:
            self.too_long = len(body)
            return "\n"  # an empty record: the line is rejected, never parsed
        return raw if len(body) < len(raw) else raw + "\n"

    def record_done(self) -> None:
        """Call after each record: the next request is for a new line."""
        self._fed = False


def _unquoted(line: str, sep: str) -> list[str]:
    """The cells of one line split at ``sep`` with quote marks read as plain characters."""
    return next(csv.reader([line.rstrip("\r\n")], delimiter=sep, quoting=csv.QUOTE_NONE), [])


def split_record(line: str, sep: str) -> tuple[list[str], bool]:
    """The cells of one physical line, and whether it left a quote open.

    A line that leaves a quote open is split again without quote handling: a
    cell never spans lines.

    Examples
    --------
    >>> split_record('2026-11-20,"rice, white",1', ",")
    (['2026-11-20', 'rice, white', '1'], False)
    >>> split_record('2026-11-20,"banana,2,medium', ",")
    (['2026-11-20', '"banana', '2', 'medium'], True)
    """
    feeder = OneLinePerRecord(iter([line]))
    record = next(csv.reader(feeder, delimiter=sep), [])
    if feeder.too_long:
        return [line], False
    if feeder.opened:
        return _unquoted(line, sep), True
    return record, False


def _robust_chunk(
    header: list[str],
    rows: list[list[str]],
    lines: list[int],
    bad: list[tuple[int, str, str]],
    skipped: int,
) -> TableChunk:
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame[LINE] = lines
    bad_frame = pd.DataFrame(bad, columns=["line", "text", "reason"]) if bad else empty_bad()
    return TableChunk(frame, bad_frame, skipped)


def _physical_lines(fh: IO[str]) -> Iterator[str]:
    """The lines of a text stream opened with ``newline=""``, line ends kept."""
    first = True
    for line in fh:
        if first:
            line, first = line.lstrip("\ufeff"), False
        yield line


def read_lines(
    inp: LogInput, sep: str, header: Header, chunksize: int | None
) -> Iterator[TableChunk]:
    """Read the table one physical line at a time with the csv module.

    Each line is one record (see :class:`OneLinePerRecord`); only the columns in
    ``header.keep`` are kept. Every line ends as a row, a bad row or a skipped
    line (the header, the lines above it, blank lines).
    """
    names = header.kept
    keep = header.keep
    width = len(header.names)
    every = keep == list(range(width))
    rows: list[list[str]] = []
    lines: list[int] = []
    bad: list[tuple[int, str, str]] = []
    requoted: list[int] = []
    skipped, yielded, number = 0, False, 0
    with inp.open_text(newline="") as fh:
        feeder = OneLinePerRecord(_physical_lines(fh))
        reader = csv.reader(feeder, delimiter=sep)
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as err:  # the line is not handed on: it is a bad row
                record, feeder.too_long = [], -1
                error = f"unreadable row: {err}"
            feeder.record_done()
            number += 1
            if number <= header.line:  # lines above the header, and the header itself
                skipped += 1
                continue
            if feeder.too_long:
                text = shorten(feeder.raw[:200].rstrip("\r\n"))
                reason = too_long_reason(feeder.too_long) if feeder.too_long > 0 else error
                bad.append((number, text, reason))
            else:
                if feeder.opened:
                    record = _unquoted(feeder.raw, sep)
                    requoted.append(number)
                if not any(cell.strip() for cell in record) or (
                    record and is_comment(record[0], not any(c.strip() for c in record[1:]))
                ):
                    skipped += 1  # a blank line, or a "# ..." comment line
                    continue
                if len(record) > width:
                    text = shorten(sep.join(record))
                    reason = f"expected {width} fields (as in the header), found {len(record)}"
                    bad.append((number, text, reason))
                else:
                    if len(record) < width:
                        record = record + [""] * (width - len(record))
                    rows.append(record if every else [record[k] for k in keep])
                    lines.append(number)
            if chunksize and len(rows) + len(bad) >= chunksize:
                yield _robust_chunk(names, rows, lines, bad, skipped)
                rows, lines, bad, skipped, yielded = [], [], [], 0, True
    _warn_requoted(inp.name, requoted)
    if rows or bad or skipped or not yielded:
        yield _robust_chunk(names, rows, lines, bad, skipped)


def _warn_requoted(name: str, numbers: list[int]) -> None:
    if not numbers:
        return
    shown = ", ".join(f"{n:,}" for n in numbers[:5]) + (", ..." if len(numbers) > 5 else "")
    warnings.warn(
        f"{name}, line {shown}: a quote opened on the line is not closed on it; "
        f"{'these lines were' if len(numbers) > 1 else 'the line was'} read without quote "
        "handling (a cell cannot span lines: check the quote marks)",
        UserWarning,
        stacklevel=4,
    )
