"""Read a delimited table with pandas, keeping each row's line number.

Cells are read as strings (empty cell = ``""``) held in categorical columns:
each distinct cell text is stored once and every later step works on integer
codes (see :func:`nutrilog._vector.codes_of`). Blank lines and rows whose
cells are all empty are not rows; they are counted (``TableChunk.skipped``)
with the header and the blank or ``#`` lines before it, so that every
physical line is an entry, a rejected row or a skipped line.

One record is one physical line (:func:`~nutrilog.iotools._source.split_lines`).
A quoted field is not trusted across a line end: a line that leaves a quote
open (an unbalanced quote, or a cell that spans lines) is read again without
quote handling, with a warning naming the line, so it cannot swallow the lines
after it (the line-by-line reader and the record types are in
:mod:`nutrilog.iotools._records`). pandas' fast C reader is used while every record is one line; a cell
holding a line end sends the file to the line-by-line reader below.

Rows with more fields than the header make pandas' fast reader stop. The file is
then read again with Python's :mod:`csv` module, one line at a time, which keeps
the good rows and reports each bad one (``expected 5 fields, found 6``); that
slower path only runs for malformed files, for files with a line longer than
the sample, and for files with columns that are not read. Both paths stream the
file.

Width: columns without a header name, and named columns the reader does not use
(see ``wanted``), are dropped as each line is split, with a warning; a header
with more than :data:`~nutrilog.iotools._header.MAX_COLUMNS` named columns is refused
(the header is read by :mod:`nutrilog.iotools._header`). The cost stays in
proportion to the file size, however many empty columns a spreadsheet added.

Bounded memory: files larger than 64 MB are read about 128 MB (at most
1,000,000 rows) at a time (:data:`TABLE_READING`) even
without ``chunksize=`` (:func:`chunk_rows`). Rows longer
than :data:`~nutrilog.iotools._source.MAX_LINE_CHARS` characters are rejected
(``line too long``); duplicate header names get pandas' suffixes (``food``,
``food.1``), so the first one is the one read.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from nutrilog._vector import as_category, codes_of
from nutrilog.errors import LogParseError
from nutrilog.iotools._encoding import watch_fallback
from nutrilog.iotools._header import (
    bare_cr_above,
    clean_names,
    read_header,
    warn_dropped,
    warn_repeated,
)
from nutrilog.iotools._records import LINE, TableChunk, empty_bad, is_comment, read_lines
from nutrilog.iotools._source import (
    MAX_LINE_CHARS,
    LogInput,
    shorten,
    split_lines,
    too_long_reason,
)


@dataclass
class TableReading:
    """How the fast reader reads a delimited file: in chunks or whole, with Arrow or not.

    Attributes
    ----------
    auto_chunk_bytes : int
        Inputs larger than this many bytes are read in chunks even without ``chunksize=``.
    chunk_rows : int
        At most this many rows per chunk when reading in chunks was not asked for.
    chunk_text_bytes : int
        About this many bytes of text per such chunk (rows counted from the sample's
        lines): a chunk holds codes and Arrow strings, and each chunk repeats the
        work per distinct cell, so few large chunks cost less.
    use_arrow : bool
        Read cells as Arrow strings when pyarrow is installed (see :func:`_arrow_text`);
        False reads them as pandas categoricals, as without pyarrow. The log is the same.

    Examples
    --------
    >>> TableReading().auto_chunk_bytes == 64 * 2**20
    True
    """

    auto_chunk_bytes: int = 64 * 2**20
    chunk_rows: int = 1_000_000
    chunk_text_bytes: int = 128 * 2**20
    use_arrow: bool = True


#: The settings every reader uses (a test may lower the chunk sizes or turn Arrow off).
TABLE_READING = TableReading()
#: Tables with more columns than this are read line by line, keeping only the wanted ones.
FAST_COLUMNS = 256
#: Rows read first to find the columns pandas would turn into numbers.
PROBE_ROWS = 1_000


def chunk_rows(inp: LogInput, chunksize: int | None) -> int | None:
    """The chunk size to use: ``chunksize``, else for inputs over ``TABLE_READING.auto_chunk_bytes``
    the rows of about ``TABLE_READING.chunk_text_bytes`` bytes (at most ``TABLE_READING.chunk_rows``).

    Examples
    --------
    >>> chunk_rows(LogInput("<text>", "utf-8", "", text="", size=10), None) is None
    True
    >>> chunk_rows(LogInput("<text>", "utf-8", "a,b\\n" * 100, size=2**30), None)
    1000000
    >>> chunk_rows(LogInput("<text>", "utf-8", ("x" * 999 + "\\n") * 60, size=2**30), None)
    134217
    """
    if chunksize is not None:
        if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
            raise LogParseError(
                f"chunksize: expected a whole number of rows >= 1, found {chunksize!r}",
                source=inp.name,
            )
        return chunksize
    if inp.size <= TABLE_READING.auto_chunk_bytes:
        return None
    lines = split_lines(inp.sample)
    per_line = max(1, len(inp.sample.encode("utf-8", "replace")) // max(1, len(lines)))
    return max(1, min(TABLE_READING.chunk_rows, TABLE_READING.chunk_text_bytes // per_line))


class MalformedTableError(Exception):
    """pandas' fast reader met a row it cannot split; read again with ``robust=True``."""


def _blank(cells: np.ndarray) -> np.ndarray:
    return np.array([c is None or not str(c).strip() for c in cells], dtype=bool)


def _length(cells: np.ndarray) -> np.ndarray:
    return np.array([0 if c is None else len(str(c)) for c in cells], dtype=np.int64)


def _blank_or_comment(cells: np.ndarray) -> np.ndarray:
    """First cells that leave a row blank or make it a ``#`` comment line."""
    return np.array([c is None or is_comment(str(c), True) or not str(c).strip() for c in cells])


def _drop_blank(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows that are not blank or ``#`` comment lines, and how many were dropped."""
    columns = [c for c in frame.columns if c != LINE]
    if not columns:
        return frame, 0
    per_column = []
    for n, column in enumerate(columns):
        codes, uniques = codes_of(frame[column])
        flags = _blank_or_comment(uniques) if n == 0 else _blank(uniques)
        if not flags.any():  # a column without a blank cell: no row is blank
            return frame, 0
        per_column.append((codes, flags))
    blank = np.ones(len(frame), dtype=bool)
    for codes, flags in per_column:
        blank &= flags[codes]
    count = int(blank.sum())
    return (frame[~blank] if count else frame), count


def _split_long(frame: pd.DataFrame, sep: str, skipped: int) -> TableChunk:
    """Move rows longer than MAX_LINE_CHARS characters to the bad rows."""
    columns = [c for c in frame.columns if c != LINE]
    if not columns or frame.empty:
        return TableChunk(frame, empty_bad(), skipped)
    per_column = [codes_of(frame[column]) for column in columns]
    lengths = [_length(uniques) for _, uniques in per_column]
    if len(columns) - 1 + sum(int(n.max(initial=0)) for n in lengths) <= MAX_LINE_CHARS:
        return TableChunk(frame, empty_bad(), skipped)  # no row can be longer: none counted
    length = np.full(len(frame), len(columns) - 1, dtype=np.int64)
    for (codes, _), per_cell in zip(per_column, lengths, strict=True):
        length += per_cell[codes]
    long = length > MAX_LINE_CHARS
    if not long.any():
        return TableChunk(frame, empty_bad(), skipped)
    head = frame.loc[long, columns].astype(object).apply(lambda col: col.str.slice(0, 200))
    bad = pd.DataFrame(
        {
            "line": frame.loc[long, LINE].astype("int64"),
            "text": head.agg(sep.join, axis=1).map(shorten),
            "reason": pd.Series(length[long], index=frame.index[long]).map(too_long_reason),
        }
    ).reset_index(drop=True)
    return TableChunk(frame[~long], bad, skipped)


def _has_line_end(values: pd.Series) -> bool:
    """Whether a distinct cell of a categorical column holds a line end (one join, one search)."""
    categories = values.cat.categories
    if not len(categories):
        return False
    text = "".join(categories.tolist())
    return "\n" in text or "\r" in text


def lossless(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a pandas reading step with ParserWarning raised as an error.

    With ``index_col=False`` pandas drops the extra fields of a first row that has
    more fields than the header and only warns; raised, the file goes to the
    robust reader, which rejects the row instead of losing data.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        return call(*args, **kwargs)


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


def _arrow_text() -> Any:
    """pandas' Arrow string dtype when pyarrow is installed, else None.

    pandas' C parser writes such a column straight into an Arrow array (no Python
    string per cell) and Arrow factorises it in C: with pyarrow every column is read
    this way, as exact text, and made categorical per distinct cell. Without pyarrow
    the columns of repeated text are read as categoricals by pandas itself.
    """
    if not TABLE_READING.use_arrow:
        return None
    try:
        import pyarrow as pa
    except ImportError:
        return None
    return pd.ArrowDtype(pa.string())


def _fast_chunks(
    inp: LogInput,
    sep: str,
    chunksize: int | None,
    offset: int,
    categorical: Callable[[list[str]], set[str]] | None,
) -> Iterator[TableChunk]:
    """Read with pandas' C parser, each chunk's cells as categoricals of exact text.

    With pyarrow, every column is read as Arrow strings (:func:`_arrow_text`).
    Without it, columns named by ``categorical`` (a function of the header names) are read
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
        dtype: Any = _arrow_text()
        if dtype is None:
            dtype = object
        if dtype is object and categorical is not None:
            raw = list(
                lossless(pd.read_csv, inp.handle(), nrows=0, dtype=object, **options).columns
            )
            wanted = categorical(clean_names(raw)) - read_as_text
            dtype = {
                name: "category" if clean in wanted else object
                for name, clean in zip(raw, clean_names(raw), strict=True)
            }
            if not skip and wanted:
                # Columns whose first rows pandas already turns into numbers (codes, ids)
                # are read as text from the start, not after a whole first pass.
                probe = lossless(
                    pd.read_csv, inp.handle(), nrows=PROBE_ROWS, dtype=dtype, **options
                )
                for name in raw:
                    values = probe[name]
                    if (
                        isinstance(values.dtype, pd.CategoricalDtype)
                        and _text_categories(values) is None
                    ):
                        dtype[name] = object
        reader = lossless(pd.read_csv, inp.handle(), dtype=dtype, chunksize=chunksize, **options)
        chunks = iter(reader if chunksize else [reader])
        number = 0
        while (chunk := lossless(next, chunks, None)) is not None:
            number += 1
            if number <= skip:
                continue
            chunk.columns = clean_names(list(chunk.columns))
            columns: dict[str, pd.Series] = {}
            lost = {  # categories pandas turned into numbers: read these columns as text
                name
                for name in chunk.columns
                if isinstance(chunk[name].dtype, pd.CategoricalDtype)
                and _text_categories(chunk[name]) is None
            }
            if lost:  # all of them at once, from this chunk on
                return read_as_text | lost, number - 1
            for name in chunk.columns:
                values = chunk[name]
                if isinstance(values.dtype, pd.CategoricalDtype):
                    text = _text_categories(values)
                    assert text is not None
                    columns[name] = text
                else:
                    # each distinct cell is hashed once, here (by Arrow for Arrow strings);
                    # later steps work on its code
                    columns[name] = as_category(values)
                if _has_line_end(columns[name]):  # a quoted cell spans lines: read line by line
                    raise MalformedTableError(f"a cell of column {name!r} holds a line end")
            frame = pd.DataFrame(columns, copy=False)
            frame[LINE] = frame.index.to_numpy() + offset + 2
            frame, blank = _drop_blank(frame)
            before = offset + 1 if number == 1 else 0  # the header and the lines above it
            yield _split_long(frame, str(options["sep"]), blank + before)
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


def read_table(
    inp: LogInput,
    *,
    sep: str,
    chunksize: int | None = None,
    robust: bool = False,
    categorical: Callable[[list[str]], set[str]] | None = None,
    wanted: Callable[[list[str]], set[str]] | None = None,
) -> Iterator[TableChunk]:
    """Yield the rows of a delimited file in chunks (one chunk when ``chunksize`` is None).

    Large inputs are read in chunks anyway (see :func:`chunk_rows`). Raises
    :class:`MalformedTableError` from the fast reader when a row has too many
    fields or a cell spans lines; call again with ``robust=True`` to read it
    line by line. ``categorical`` picks, from the header names, the text columns
    that pandas itself reads as categoricals (faster for columns of repeated
    text); every column comes out categorical either way. ``wanted`` picks, from
    the named columns, the ones to read (default: all); the others are dropped
    as each line is split, with a warning, as are columns without a name.
    """
    header = read_header(inp, sep, wanted)
    rows = chunk_rows(inp, chunksize)
    if not robust:  # warned once, on the first pass
        warn_repeated(inp, header)
        warn_dropped(inp, header)
    line_by_line = (
        robust
        or bare_cr_above(inp.sample, header.line - 1)
        or inp.long_lines
        or header.open_quote
        or len(header.keep) < len(header.names)
        or len(header.names) > FAST_COLUMNS
    )
    if line_by_line:
        yield from read_lines(inp, sep, header, rows)
        return
    yield from _fast_chunks(inp, sep, rows, header.line - 1, categorical)
