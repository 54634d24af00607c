"""Read a delimited table with pandas, keeping each row's line number.

Cells are read as strings (empty cell = ``""``); blank lines and rows whose
cells are all empty are not rows. Leading blank and ``#`` lines before the
header are skipped. Line numbers assume no quoted field spans several lines
(true of every app export studied); the fallback reader below counts them
exactly.

Rows with more fields than the header make pandas' fast reader stop. The file is
then read again with Python's :mod:`csv` module, which keeps the good rows and
reports each bad one (``expected 5 fields, found 6``); that slower path only
runs for malformed files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import NamedTuple

import pandas as pd

from nutrilog.errors import LogParseError
from nutrilog.iotools._source import LogInput

__all__ = ["TableChunk", "MalformedTableError", "header_offset", "read_table", "LINE"]

#: Name of the line-number column added to every chunk.
LINE = "_line"


class TableChunk(NamedTuple):
    """Rows read from a table: good rows (with ``_line``) and rows with a wrong field count."""

    frame: pd.DataFrame
    bad: pd.DataFrame


class MalformedTableError(Exception):
    """pandas' fast reader met a row it cannot split; read again with ``robust=True``."""


def header_offset(sample: str) -> int:
    """Number of blank or ``#`` lines before the header line.

    Examples
    --------
    >>> header_offset("# my log\\n\\ndate,food\\n")
    2
    """
    for k, line in enumerate(sample.splitlines()):
        text = line.strip().lstrip("\ufeff")
        if text and not text.startswith("#"):
            return k
    return 0


def _empty_bad() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "line": pd.Series(dtype="int64"),
            "text": pd.Series(dtype=object),
            "reason": pd.Series(dtype=object),
        }
    )


def _drop_blank(frame: pd.DataFrame) -> pd.DataFrame:
    data = frame.drop(columns=[LINE])
    if data.shape[1] == 0:
        return frame
    blank = (data.apply(lambda col: col.str.strip()) == "").all(axis=1)
    return frame[~blank]


def _fast(inp: LogInput, sep: str, chunksize: int | None, offset: int) -> Iterator[TableChunk]:
    reader = None
    try:
        reader = pd.read_csv(
            inp.handle(),
            sep=sep,
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            skiprows=offset,
            header=0,
            index_col=False,
            encoding=inp.encoding if inp.text is None else None,
            chunksize=chunksize,
            engine="c",
        )
        for chunk in reader if chunksize else [reader]:
            chunk.columns = [str(c).lstrip("\ufeff").strip() for c in chunk.columns]
            chunk[LINE] = chunk.index.to_numpy() + offset + 2
            yield TableChunk(_drop_blank(chunk), _empty_bad())
    except pd.errors.ParserError as err:
        raise MalformedTableError(str(err)) from err
    except pd.errors.EmptyDataError:
        return
    except UnicodeDecodeError as err:
        raise LogParseError(
            f"undecodable text: expected {inp.encoding} text, found a byte that is not; pass encoding=",
            source=inp.name,
        ) from err
    finally:
        if chunksize and reader is not None and hasattr(reader, "close"):
            reader.close()


def _robust(inp: LogInput, sep: str, offset: int) -> TableChunk:
    reader = csv.reader(io.StringIO(inp.read_text().lstrip("\ufeff")), delimiter=sep)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    bad: list[tuple[int, str, str]] = []
    last = 0
    for record in reader:
        start, last = last + 1, reader.line_num
        if start <= offset:
            continue
        if header is None:
            header = [c.lstrip("\ufeff").strip() for c in record]
            continue
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            text = sep.join(record)
            bad.append(
                (
                    start,
                    text,
                    f"expected {len(header)} fields (as in the header), found {len(record)}",
                )
            )
            continue
        rows.append(record + [""] * (len(header) - len(record)))
        lines.append(start)
    frame = pd.DataFrame(rows, columns=header or [], dtype=object)
    frame[LINE] = lines
    bad_frame = pd.DataFrame(bad, columns=["line", "text", "reason"]) if bad else _empty_bad()
    return TableChunk(frame, bad_frame)


def read_table(
    inp: LogInput, *, sep: str, chunksize: int | None = None, robust: bool = False
) -> Iterator[TableChunk]:
    """Yield the rows of a delimited file in chunks (one chunk when ``chunksize`` is None).

    Raises :class:`MalformedTableError` from the fast reader when a row has too many
    fields; call again with ``robust=True`` to read it row by row.
    """
    offset = header_offset(inp.sample)
    if robust:
        yield _robust(inp, sep, offset)
        return
    yield from _fast(inp, sep, chunksize, offset)
