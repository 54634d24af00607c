"""Read a small table the user supplies (own foods, aliases) as text cells, or say why not.

The same checks as for a log: the encoding is sniffed (UTF-8 with or without
BOM, UTF-16 with BOM, else Windows-1252), and an empty, binary or undecodable
file is refused. One record is one physical line, as in the log readers (a
quote left open is read without quote handling); blank lines are skipped; a
line longer than :data:`~nutrilog.iotools._source.MAX_LINE_CHARS` characters or
with more fields than the header is refused. Every failure is a
:class:`~nutrilog.errors.DataError` naming the file (and line).

Examples
--------
>>> import pathlib
>>> _ = pathlib.Path("aliases.csv").write_bytes("text,food_id\\ncaf\\xe9,sr28:14209\\n".encode("cp1252"))
>>> read_user_table("aliases.csv", "aliases file").to_dict("records")
[{'text': 'café', 'food_id': 'sr28:14209'}]
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd

from nutrilog.errors import DataError, LogParseError
from nutrilog.iotools._encoding import decode_sniffed, errors_for, sniff_encoding
from nutrilog.iotools._header import dedupe_names
from nutrilog.iotools._records import split_record
from nutrilog.iotools._source import MAX_LINE_CHARS, binary_reason, split_lines

#: A user table larger than this is refused (tens of thousands of foods fit in far less).
MAX_USER_TABLE_BYTES = 64 * 2**20


def _text_of(path: Path, what: str) -> str:
    name = str(path)
    if path.is_dir():
        raise DataError(f"{name}: cannot read the {what}: expected a file, found a directory")
    try:
        size = path.stat().st_size
        if size > MAX_USER_TABLE_BYTES:
            raise DataError(
                f"{name}: cannot read the {what}: expected at most {MAX_USER_TABLE_BYTES:,} "
                f"bytes, found {size:,}"
            )
        data = path.read_bytes()
    except OSError as err:
        raise DataError(
            f"{name}: cannot read the {what}: expected a readable file, found {err.strerror or err}"
        ) from err
    if not data.strip(b" \t\r\n\f\v\xef\xbb\xbf"):
        raise DataError(f"{name}: empty file: expected the {what} as CSV with a header line")
    reason = binary_reason(data)
    if reason is not None:
        found = reason.split(", found ", 1)[-1]
        raise DataError(f"{name}: binary file: expected the {what} as CSV text, found {found}")
    try:
        encoding = sniff_encoding(data, True, name)
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            text = decode_sniffed(data, encoding, errors_for(encoding, False), name)
    except LogParseError as err:
        raise DataError(f"{name}: cannot read the {what}: {err.reason}") from err
    for warning in seen:  # a few Latin-1 lines in a UTF-8 file: read, and said
        warnings.warn(str(warning.message), UserWarning, stacklevel=4)
    return text.lstrip("\ufeff")


def read_user_table(path: str | os.PathLike[str], what: str = "table") -> pd.DataFrame:
    """A user CSV as a DataFrame of stripped text cells, indexed by line number.

    Parameters
    ----------
    path : str or path-like
        The CSV file (comma-delimited, a header line first).
    what : str
        What the file is, for messages (``"aliases file"``, ``"user food table"``).

    Returns
    -------
    DataFrame
        One row per non-blank line after the header, columns named as in the
        header (stripped; a repeated name gets ``.1``), index the 1-based line
        numbers. Missing cells at the end of a line are ``""``.

    Raises
    ------
    DataError
        Missing, empty, binary or undecodable file, a line too long, a row with
        more fields than the header.
    """
    name = str(path)
    lines = split_lines(_text_of(Path(path), what))
    header: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise DataError(
                f"{name}, line {number}: line too long: expected at most {MAX_LINE_CHARS:,} "
                f"characters, found {len(line):,}"
            )
        if not line.strip():
            continue
        cells = [c.strip() for c in split_record(line, ",")[0]]
        if header is None:
            header = dedupe_names(cells)
            continue
        if not any(cells):
            continue
        if len(cells) > len(header):
            raise DataError(
                f"{name}, line {number}: expected {len(header)} fields (as in the header), "
                f"found {len(cells)}"
            )
        rows.append(cells + [""] * (len(header) - len(cells)))
        numbers.append(number)
    if header is None:  # only blank lines (refused above) cannot get here; kept for safety
        raise DataError(f"{name}: empty file: expected the {what} as CSV with a header line")
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame.index = pd.Index(numbers, dtype="int64", name="line")
    return frame
