"""The header line of a delimited log: where it is, its names and the columns to read.

The header is the first line that is neither blank nor a ``#`` comment. Its names
are stripped and made unique as pandas does (``food``, ``food.1``); columns
without a name, and named columns the reader does not use, are not read (with a
warning), and a header with more than :data:`MAX_COLUMNS` named columns is
refused. The rows under it are read by :mod:`nutrilog.iotools._table`.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable

from nutrilog.errors import LogParseError
from nutrilog.iotools._records import Header, split_record
from nutrilog.iotools._source import LINE_BREAK, SAMPLE_BYTES, LogInput, split_lines

#: A header with more named columns than this is refused.
MAX_COLUMNS = 2_000


def dedupe_names(names: list[str]) -> list[str]:
    """Header names made unique: a repeated name gets ``.1``, ``.2``... as pandas does.

    Examples
    --------
    >>> dedupe_names(["food", "Food", "food"])
    ['food', 'Food', 'food.1']
    """
    seen: set[str] = set()
    tried: dict[str, int] = {}  # last suffix tried per name: linear in the header length
    out = []
    for name in names:
        new, k = name, tried.get(name, 0)
        while new in seen:
            k += 1
            new = f"{name}.{k}"
        tried[name] = k
        seen.add(new)
        out.append(new)
    return out


def clean_names(names: list[object]) -> list[str]:
    """Header names as read: byte order mark and spaces stripped, repeats suffixed.

    Examples
    --------
    >>> clean_names(["\ufeffdate ", "food", "food"])
    ['date', 'food', 'food.1']
    """
    return dedupe_names([str(c).lstrip("\ufeff").strip() for c in names])


def header_offset(sample: str) -> int:
    """Number of blank or ``#`` lines before the header line (lines as in :func:`split_lines`).

    Examples
    --------
    >>> header_offset("# my log\\n\\ndate,food\\n")
    2
    >>> header_offset("\\f\\ndate,food\\n")  # a form feed is a blank line's character, not a line end
    1
    """
    for k, line in enumerate(split_lines(sample)):
        text = line.strip().lstrip("\ufeff")
        if text and not text.startswith("#"):
            return k
    return 0


def read_header(
    inp: LogInput, sep: str, wanted: Callable[[list[str]], set[str]] | None = None
) -> Header:
    """The header of a delimited log: its line, names and the columns to read.

    Columns without a name and, when ``wanted`` is given, named columns it does
    not return are not read (dropped early, with a warning). A header with more
    than :data:`MAX_COLUMNS` named columns, or longer than the sample, raises
    :class:`~nutrilog.errors.LogParseError`.

    Examples
    --------
    >>> inp = LogInput("<text>", "utf-8", "date,food,,\\n", text="date,food,,\\n")
    >>> header = read_header(inp, ",")
    >>> header.kept, header.unnamed
    (['date', 'food'], 2)
    """
    offset = header_offset(inp.sample)
    lines = split_lines(inp.sample)
    if offset >= len(lines):
        return Header(offset + 1, [], [], [], False, 0, [])
    if offset == len(lines) - 1 and not inp.complete and not inp.sample.endswith(("\n", "\r")):
        raise LogParseError(
            f"header too long: expected a header line under {SAMPLE_BYTES:,} bytes, found a "
            "longer one",
            source=inp.name,
            line=offset + 1,
        )
    raw, open_quote = split_record(lines[offset], sep)
    cells = [c.lstrip("\ufeff").strip() for c in raw]
    names = dedupe_names(cells)
    named = [k for k, c in enumerate(cells) if c]
    if len(named) > MAX_COLUMNS:
        raise LogParseError(
            f"too many columns: expected at most {MAX_COLUMNS:,} named columns in the header, "
            f"found {len(named):,}",
            source=inp.name,
            line=offset + 1,
        )
    use = wanted([names[k] for k in named]) if wanted is not None else None
    keep = [k for k in named if use is None or names[k] in use]
    unused = [names[k] for k in named if use is not None and names[k] not in use]
    return Header(offset + 1, cells, names, keep, open_quote, len(cells) - len(named), unused)


def warn_dropped(inp: LogInput, header: Header) -> None:
    """Warn once about the columns the header has that are not read, and an open quote."""
    where = f"{inp.name}, line {header.line}"
    if header.unnamed:
        warnings.warn(
            f"{where}: {header.unnamed:,} column(s) without a name in the header were not "
            "read (cells under them are ignored)",
            UserWarning,
            stacklevel=4,
        )
    if header.unused:
        shown = ", ".join(repr(n) for n in header.unused[:5])
        more = f" and {len(header.unused) - 5:,} more" if len(header.unused) > 5 else ""
        warnings.warn(
            f"{where}: {len(header.unused):,} column(s) that are not used were not read: "
            f"{shown}{more}",
            UserWarning,
            stacklevel=4,
        )
    if header.open_quote:
        warnings.warn(
            f"{where}: the header leaves a quote open; it was read without quote handling",
            UserWarning,
            stacklevel=4,
        )


def warn_repeated(inp: LogInput, header: Header) -> None:
    """Warn when the header names a column twice (the first one is read)."""
    counts = Counter(header.cells[k] for k in header.keep)
    repeated = sorted(name for name, count in counts.items() if count > 1)
    if repeated:
        shown = ", ".join(repr(n) for n in repeated)
        warnings.warn(
            f"{inp.name}, line {header.line}: repeated column name {shown} in the header; the "
            "first is read, the others are kept as extra columns (name.1, name.2...)",
            UserWarning,
            stacklevel=4,
        )


def bare_cr_above(sample: str, lines: int) -> bool:
    """Whether one of the first ``lines`` lines ends with a bare ``\\r``.

    pandas' C parser miscounts such lines when it skips them (``skiprows``), so
    a file with them above its header is read line by line.

    Examples
    --------
    >>> bare_cr_above("# a\\r\\n\\rdate,food\\r", 2), bare_cr_above("# a\\r\\ndate\\r", 1)
    (True, False)
    """
    for k, end in enumerate(LINE_BREAK.finditer(sample)):
        if k >= lines:
            return False
        if end.group() == "\r":
            return True
    return False
