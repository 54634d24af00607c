"""Read a delimited table with pandas, keeping each row's line number.

Cells are read as strings (empty cell = ``""``) held in categorical columns:
each distinct cell text is stored once and every later step works on integer
codes (see :func:`nutrilog._vector.codes_of`). Blank lines and rows whose
cells are all empty are not rows. Leading blank and ``#`` lines before the
header are skipped. Line numbers assume no quoted field spans several lines
(true of every app export studied); the fallback reader below counts them
exactly.

Rows with more fields than the header make pandas' fast reader stop. The file is
then read again with Python's :mod:`csv` module, which keeps the good rows and
reports each bad one (``expected 5 fields, found 6``); that slower path only
runs for malformed files. Both paths stream the file.

Bounded memory: files larger than :data:`AUTO_CHUNK_BYTES` are read
:data:`AUTO_CHUNK_ROWS` rows at a time even without ``chunksize=``. Rows longer
than :data:`~nutrilog.iotools._source.MAX_LINE_CHARS` characters are rejected
(``line too long``); duplicate header names get pandas' suffixes (``food``,
``food.1``), so the first one is the one read.
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Callable, Generator, Iterator
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._vector import as_category, codes_of
from nutrilog.errors import LogParseError
from nutrilog.iotools._source import (
    MAX_LINE_CHARS,
    LogInput,
    shorten,
    too_long_reason,
    watch_fallback,
)

__all__ = [
    "TableChunk",
    "MalformedTableError",
    "header_offset",
    "read_table",
    "chunk_rows",
    "dedupe_names",
    "LINE",
    "AUTO_CHUNK_BYTES",
    "AUTO_CHUNK_ROWS",
]

#: Name of the line-number column added to every chunk.
LINE = "_line"
#: Inputs larger than this many bytes are read in chunks even without ``chunksize=``.
AUTO_CHUNK_BYTES = 64 * 2**20
#: Rows per chunk when reading in chunks was not asked for but the input is large.
AUTO_CHUNK_ROWS = 250_000


def chunk_rows(inp: LogInput, chunksize: int | None) -> int | None:
    """The chunk size to use: ``chunksize``, else :data:`AUTO_CHUNK_ROWS` for large inputs.

    Examples
    --------
    >>> chunk_rows(LogInput("<text>", "utf-8", "", text="", size=10), None) is None
    True
    """
    if chunksize is not None:
        if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
            raise LogParseError(
                f"chunksize: expected a whole number of rows >= 1, found {chunksize!r}",
                source=inp.name,
            )
        return chunksize
    return AUTO_CHUNK_ROWS if inp.size > AUTO_CHUNK_BYTES else None


def dedupe_names(names: list[str]) -> list[str]:
    """Header names made unique: a repeated name gets ``.1``, ``.2``... as pandas does.

    Examples
    --------
    >>> dedupe_names(["food", "Food", "food"])
    ['food', 'Food', 'food.1']
    """
    seen: set[str] = set()
    out = []
    for name in names:
        new, k = name, 0
        while new in seen:
            k += 1
            new = f"{name}.{k}"
        seen.add(new)
        out.append(new)
    return out


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


def _per_cell(values: pd.Series, func: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``func`` of each row's cell, computed once per distinct cell (``func`` maps an
    object array of distinct cells, missing as None, to an array of the same length)."""
    codes, uniques = codes_of(values)
    return func(uniques)[codes]


def _blank(cells: np.ndarray) -> np.ndarray:
    return np.array([c is None or not str(c).strip() for c in cells], dtype=bool)


def _length(cells: np.ndarray) -> np.ndarray:
    return np.array([0 if c is None else len(str(c)) for c in cells], dtype=np.int64)


def _drop_blank(frame: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in frame.columns if c != LINE]
    if not columns:
        return frame
    blank = np.ones(len(frame), dtype=bool)
    for column in columns:
        blank &= _per_cell(frame[column], _blank)
    return frame[~blank] if blank.any() else frame


def _split_long(frame: pd.DataFrame, sep: str) -> TableChunk:
    """Move rows longer than MAX_LINE_CHARS characters to the bad rows."""
    columns = [c for c in frame.columns if c != LINE]
    if not columns or frame.empty:
        return TableChunk(frame, _empty_bad())
    length = np.full(len(frame), len(columns) - 1, dtype=np.int64)
    for column in columns:
        length += _per_cell(frame[column], _length)
    long = length > MAX_LINE_CHARS
    if not long.any():
        return TableChunk(frame, _empty_bad())
    head = frame.loc[long, columns].astype(object).apply(lambda col: col.str.slice(0, 200))
    bad = pd.DataFrame(
        {
            "line": frame.loc[long, LINE].astype("int64"),
            "text": head.agg(sep.join, axis=1).map(shorten),
            "reason": pd.Series(length[long], index=frame.index[long]).map(too_long_reason),
        }
    ).reset_index(drop=True)
    return TableChunk(frame[~long], bad)


def _lossless(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a pandas reading step with ParserWarning raised as an error.

    With ``index_col=False`` pandas drops the extra fields of a first row that has
    more fields than the header and only warns; raised, the file goes to the
    robust reader, which rejects the row instead of losing data.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        return call(*args, **kwargs)


def _clean_names(names: list[object]) -> list[str]:
    return dedupe_names([str(c).lstrip("\ufeff").strip() for c in names])


def _text_categories(values: pd.Series) -> pd.Series | None:
    """A column pandas read as categorical, with its categories as exact text (object).

    None when pandas turned the categories into numbers or booleans (``"001"``
    became 1): the exact text is lost and the column must be read as text.
    """
    categories = values.cat.categories
    if categories.dtype != object and not pd.api.types.is_string_dtype(categories.dtype):
        return None
    as_text = pd.Index(np.asarray(categories, dtype=object), dtype=object)
    return pd.Series(
        pd.Categorical.from_codes(values.cat.codes.to_numpy(), categories=as_text),
        index=values.index,
        name=values.name,
    )


def _fast_chunks(
    inp: LogInput,
    sep: str,
    chunksize: int | None,
    offset: int,
    categorical: Callable[[list[str]], set[str]] | None,
) -> Iterator[TableChunk]:
    """Read with pandas' C parser, each chunk's cells as categoricals of exact text.

    Columns named by ``categorical`` (a function of the header names) are read
    by pandas as categoricals, which hashes each cell in C and makes one text
    object per distinct cell; the others are read as text and factorised here.
    pandas turns categories that all look like numbers into numbers (``"001"``
    becomes 1); such a column is read again as text, from the chunk where it
    happened (the chunks before it are not read twice).
    """
    options: dict[str, Any] = {
        "sep": sep,
        "na_filter": False,
        "skip_blank_lines": False,
        "skiprows": offset,
        "header": 0,
        "index_col": False,
        "encoding": inp.encoding if inp.text is None else None,
        "encoding_errors": inp.errors,
        "engine": "c",
    }
    read_as_text: set[str] = set()
    done = 0  # chunks already yielded
    with watch_fallback(inp.name):
        while True:
            restart = yield from _fast_pass(
                inp, options, chunksize, categorical, read_as_text, done
            )
            if restart is None:
                return
            read_as_text |= restart[0]
            done = restart[1]


def _fast_pass(
    inp: LogInput,
    options: dict[str, Any],
    chunksize: int | None,
    categorical: Callable[[list[str]], set[str]] | None,
    read_as_text: set[str],
    skip: int,
) -> Generator[TableChunk, None, tuple[set[str], int] | None]:
    """One pass of :func:`_fast_chunks`; returns the columns to read as text and where
    to resume when pandas turned a categorical column into numbers, else None."""
    reader = None
    offset = int(options["skiprows"])
    try:
        dtype: Any = object
        if categorical is not None:
            raw = list(
                _lossless(pd.read_csv, inp.handle(), nrows=0, dtype=object, **options).columns
            )
            wanted = categorical(_clean_names(raw)) - read_as_text
            dtype = {
                name: "category" if clean in wanted else object
                for name, clean in zip(raw, _clean_names(raw), strict=True)
            }
        reader = _lossless(pd.read_csv, inp.handle(), dtype=dtype, chunksize=chunksize, **options)
        chunks = iter(reader if chunksize else [reader])
        number = 0
        while (chunk := _lossless(next, chunks, None)) is not None:
            number += 1
            if number <= skip:
                continue
            chunk.columns = _clean_names(list(chunk.columns))
            columns: dict[str, pd.Series] = {}
            for name in chunk.columns:
                values = chunk[name]
                if isinstance(values.dtype, pd.CategoricalDtype):
                    text = _text_categories(values)
                    if text is None:  # read this column as text from this chunk on
                        return read_as_text | {name}, number - 1
                    columns[name] = text
                else:
                    # each distinct cell is hashed once, here; later steps work on its code
                    columns[name] = as_category(values)
            frame = pd.DataFrame(columns, copy=False)
            frame[LINE] = frame.index.to_numpy() + offset + 2
            yield _split_long(_drop_blank(frame), str(options["sep"]))
        return None
    except (pd.errors.ParserError, pd.errors.ParserWarning) as err:
        raise MalformedTableError(str(err)) from err
    except pd.errors.EmptyDataError:
        return None
    except UnicodeDecodeError as err:
        raise LogParseError(
            f"undecodable text: expected {inp.encoding} text, found a byte that is not; pass encoding=",
            source=inp.name,
        ) from err
    finally:
        if chunksize and reader is not None and hasattr(reader, "close"):
            reader.close()


def _robust_chunk(
    header: list[str], rows: list[list[str]], lines: list[int], bad: list[tuple[int, str, str]]
) -> TableChunk:
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame[LINE] = lines
    bad_frame = pd.DataFrame(bad, columns=["line", "text", "reason"]) if bad else _empty_bad()
    return TableChunk(frame, bad_frame)


def _csv_error_reason(err: csv.Error) -> str:
    if "field limit" in str(err):
        return (
            f"line too long: expected at most {MAX_LINE_CHARS:,} characters, found a field "
            f"longer than {csv.field_size_limit():,}"
        )
    return f"unreadable row: {err}"


def _robust(inp: LogInput, sep: str, offset: int, chunksize: int | None) -> Iterator[TableChunk]:
    header: list[str] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    bad: list[tuple[int, str, str]] = []
    has_header, yielded = False, False
    with inp.open_text(newline="") as fh:
        reader = csv.reader(fh, delimiter=sep)
        last = 0
        while True:
            start = last + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                last = reader.line_num
                if start <= offset:
                    continue
                if not has_header:
                    raise LogParseError(
                        f"unreadable header: {_csv_error_reason(err)}", source=inp.name, line=start
                    ) from err
                bad.append((start, "", _csv_error_reason(err)))
                continue
            last = reader.line_num
            if start <= offset:
                continue
            if not has_header:
                header = dedupe_names([c.lstrip("\ufeff").strip() for c in record])
                has_header = True
                continue
            if not any(cell.strip() for cell in record):
                continue
            length = sum(len(cell) for cell in record) + len(record) - 1
            if length > MAX_LINE_CHARS:
                text = shorten(sep.join(cell[:200] for cell in record))
                bad.append((start, text, too_long_reason(length)))
            elif len(record) > len(header):
                text = sep.join(record)
                reason = f"expected {len(header)} fields (as in the header), found {len(record)}"
                bad.append((start, text, reason))
            else:
                rows.append(record + [""] * (len(header) - len(record)))
                lines.append(start)
            if chunksize and len(rows) + len(bad) >= chunksize:
                yield _robust_chunk(header, rows, lines, bad)
                rows, lines, bad, yielded = [], [], [], True
    if rows or bad or not yielded:
        yield _robust_chunk(header, rows, lines, bad)


def _warn_repeated(inp: LogInput, sep: str, offset: int) -> None:
    """Warn when the header names a column twice (the first one is read)."""
    lines = inp.sample.splitlines()
    if offset >= len(lines):
        return
    try:
        cells = next(csv.reader([lines[offset]], delimiter=sep), [])
    except csv.Error:
        return
    names = [c.lstrip("\ufeff").strip() for c in cells]
    repeated = sorted({n for n in names if n and names.count(n) > 1})
    if repeated:
        shown = ", ".join(repr(n) for n in repeated)
        warnings.warn(
            f"{inp.name}, line {offset + 1}: repeated column name {shown} in the header; the "
            "first is read, the others are kept as extra columns (name.1, name.2...)",
            UserWarning,
            stacklevel=4,
        )


def read_table(
    inp: LogInput,
    *,
    sep: str,
    chunksize: int | None = None,
    robust: bool = False,
    categorical: Callable[[list[str]], set[str]] | None = None,
) -> Iterator[TableChunk]:
    """Yield the rows of a delimited file in chunks (one chunk when ``chunksize`` is None).

    Large inputs are read in chunks anyway (see :func:`chunk_rows`). Raises
    :class:`MalformedTableError` from the fast reader when a row has too many
    fields; call again with ``robust=True`` to read it row by row.
    ``categorical`` picks, from the header names, the text columns that pandas
    itself reads as categoricals (faster for columns of repeated text); every
    column comes out categorical either way.
    """
    offset = header_offset(inp.sample)
    rows = chunk_rows(inp, chunksize)
    if not robust:
        _warn_repeated(inp, sep, offset)
    if robust:
        yield from _robust(inp, sep, offset, rows)
        return
    yield from _fast_chunks(inp, sep, rows, offset, categorical)
