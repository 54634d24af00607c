"""The fast path for research logs of numbers only: person, recall day, food code, grams.

A dietary survey's individual-foods file holds nothing but numbers. pandas'
C parser reads such columns straight into integer and float arrays, without
one text object per cell; the food codes are then normalised once per
distinct code. The result is the log the general reader makes of the same
file (the tests compare them), and any file this path is not sure of (a
text cell, an empty cell, a bad row, a number written as ``007`` or ``+7``,
whose text would differ from the number's) goes to the general reader.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from nutrilog._vector import coded, int_codes, sorted_categories
from nutrilog.errors import LogParseError
from nutrilog.iotools._build import MAX_AMOUNT
from nutrilog.iotools._codes import food_ids_of_numbers, recall_dates
from nutrilog.iotools._columns import map_columns
from nutrilog.iotools._header import read_header
from nutrilog.iotools._source import LogInput
from nutrilog.iotools._table import chunk_rows, lossless
from nutrilog.log import FoodLog, entries_from_columns

#: The standard columns this path reads; food_id, grams and recall_day are required.
_NUMERIC = {"person", "recall_day", "food_id", "grams"}


#: Characters of a file checked at a time by :func:`_plain_numbers` (small arrays, reused
#: memory: no array the size of the file).
_CHUNK = 1 << 16


def _plain_numbers(text: str, sep: str, start: int = 0) -> bool:
    """Whether every number in ``text[start:]`` is written as it prints: no ``+``, no
    quotes or spaces around cells, no leading zero (``007``, ``-01``). An integer read
    from such a file has the text of its cell.

    Examples
    --------
    >>> _plain_numbers("a,b\\n1,0.5\\n-2,10\\n", ","), _plain_numbers("a,b\\n007,1\\n", ",")
    (True, False)
    >>> _plain_numbers("a b\\n1,0\\n", ",", start=4)  # the header is not a number
    True
    """
    # each piece overlaps the next by two characters: every (before, 0, after) is seen
    pieces = (
        text[at : at + _CHUNK + 2].encode("utf-8", "surrogateescape")
        for at in range(start, len(text), _CHUNK)
    )
    return _plain_pieces(pieces, sep)


def _plain_pieces(pieces: Iterable[bytes], sep: str) -> bool:
    """:func:`_plain_numbers` of a text given as pieces of bytes, each overlapping the
    next by two bytes (small arrays, reused memory: no array the size of the file)."""
    others = [c.encode() for c in {"+", '"', " ", "\t"} - {sep}]
    first = True
    for piece in pieces:
        if any(c in piece for c in others):
            return False
        if first and piece[:1] == b"0" and b"0" <= piece[1:2] <= b"9":
            return False
        first = False
        data = np.frombuffer(piece, dtype=np.uint8)
        before, zero, after = data[:-2], data[1:-1], data[2:]
        starts = (before == ord(sep)) | (before == ord("\n")) | (before == ord("-"))
        leading = starts & (zero == ord("0")) & (after >= ord("0")) & (after <= ord("9"))
        if leading.any():
            return False
    return True


def _plain_file(inp: LogInput, sep: str, header_line: int) -> bool | None:
    """:func:`_plain_numbers` of the rows of a file, read in pieces from disk without
    decoding the whole file, for a file of ASCII text (which every ASCII-compatible
    encoding decodes as it is) with no CR; None when the file is not such a file (the
    whole text is then decoded and checked).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = path.write_text("a,b\\n1,0.5\\n007,1\\n")
    >>> _plain_file(LogInput("log.csv", "utf-8", "", path=path), ",", 1)
    False
    """
    if inp.text is not None or inp.path is None:
        return None
    try:
        if codecs.lookup(inp.encoding).name not in _ASCII_CODECS:
            return None
    except LookupError:
        return None

    def pieces() -> Iterator[bytes]:
        tail = b""
        with inp.path.open("rb") as fh:  # type: ignore[union-attr]
            while block := fh.read(_CHUNK):
                yield tail + block
                tail = block[-2:]

    found = pieces()
    head = next(found, b"")
    start = 0
    for _ in range(header_line):  # the data starts after the header line
        start = head.find(b"\n", start) + 1
        if not start:
            return None  # a header beyond the first piece: read the whole text

    unsure: list[int] = []  # the piece where the file stopped being one this can check

    def rows() -> Iterator[bytes]:
        for k, piece in enumerate(itertools.chain([head], found)):
            # the overlap of the second piece is data, not the header's end
            if not piece.isascii() or b"\r" in piece or k == 1 and start > len(head) - 2:
                unsure.append(k)
                return
            yield piece[start:] if k == 0 else piece

    plain = _plain_pieces(rows(), sep)  # False found before an unsure piece is False
    return None if unsure else plain


#: Codecs that decode ASCII bytes as the same characters (Python's names of them).
_ASCII_CODECS = frozenset({"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"})


def read_numeric_log(inp: LogInput, sep: str, default_person: str | None) -> FoodLog | None:
    """The log of a file whose every column is a person, recall day, food code or grams
    column of numbers; None when the file is anything else (read it the general way).

    Examples
    --------
    >>> text = "SEQN,recall_day,food_code,grams\\n1,1,11111000,244\\n1,2,1001,5.5\\n"
    >>> log = read_numeric_log(LogInput("<text>", "utf-8", text, text=text), ",", None)
    >>> log.entries[["person", "food_id", "quantity", "unit"]].values.tolist()
    [['1', 'fndds:11111000', 244.0, 'g'], ['1', 'sr28:01001', 5.5, 'g']]
    """
    if inp.long_lines or chunk_rows(inp, None) is not None:
        return None
    header = read_header(inp, sep)
    if (
        header.open_quote
        or len(header.keep) != len(header.names)
        or len(header.cells) != len(header.names)
    ):
        return None
    mapping = map_columns(header.names, "csv")
    standard = {original: std for original, (std, _) in mapping.items()}
    found = set(standard.values())
    if (
        len(standard) != len(header.names)
        or len(found) != len(standard)
        or not found <= _NUMERIC
        or not {"food_id", "grams", "recall_day"} <= found
    ):
        return None
    if len(sep) != 1:
        return None
    plain = _plain_file(inp, sep, header.line)  # an ASCII file with no CR, read in pieces
    if plain is None:
        plain = _plain_text(inp, sep, header.line)
    if not plain:
        return None
    try:
        frame = lossless(  # a row with more fields than the header is not read short
            pd.read_csv,
            inp.handle(),
            sep=sep,
            na_filter=False,
            skip_blank_lines=False,
            skiprows=header.line - 1,
            header=0,
            index_col=False,
            encoding=inp.encoding if inp.text is None else None,
            encoding_errors=inp.errors,
            engine="c",
        )
    except (
        pd.errors.ParserError,
        pd.errors.ParserWarning,
        pd.errors.EmptyDataError,
        UnicodeDecodeError,
        ValueError,
    ):
        return None
    if len(frame.columns) != len(header.names) or not len(frame):
        return None
    frame.columns = header.names
    cells = {standard[name]: frame[name] for name in frame.columns}
    whole = [c for c in ("person", "recall_day", "food_id") if c in cells]
    if any(cells[c].dtype != np.int64 for c in whole) or cells["grams"].dtype.kind not in "if":
        return None
    grams = cells["grams"].to_numpy(dtype="float64")
    day = cells["recall_day"].to_numpy()
    if not (
        (np.isfinite(grams) & (grams >= 0) & (grams < MAX_AMOUNT)).all()
        and ((day >= 1) & (day <= 366)).all()
    ):
        return None  # the general reader rejects these rows with their reasons
    return _log(cells, inp.name, header.line, default_person)


def _plain_text(inp: LogInput, sep: str, header_line: int) -> bool:
    """:func:`_plain_numbers` of the rows of the whole decoded text; False when it cannot
    be decoded or has a bare CR line (the general reader reads such a file)."""
    try:
        text = inp.read_text()
    except LogParseError:  # undecodable: the general reader names the line
        return False
    # pandas counts bare CR lines its own way (most files have no CR at all: one scan)
    if "\r" in text and re.search("\r(?!\n)", text):
        return False
    start = 0
    for _ in range(header_line):  # the data starts after the header line
        start = text.find("\n", start) + 1
        if not start:
            return False
    return _plain_numbers(text, sep, start)


def _distinct_text(values: pd.Series) -> pd.Series:
    """Integers as a categorical of their text, each distinct number printed once."""
    codes, uniques = int_codes(values.to_numpy())
    text = pd.Index(list(map(str, uniques.tolist())), dtype=object)  # Python's own printing
    cat = pd.Categorical.from_codes(codes, categories=text)
    return pd.Series(cat, index=values.index, copy=False)


def _whole(values: np.ndarray) -> pd.arrays.IntegerArray:
    """64-bit integers, none missing, as pandas' ``Int64`` array, taken without a copy
    (copied only when read-only: the entries can be written to).

    Examples
    --------
    >>> _whole(np.array([3, 4])).dtype
    Int64Dtype()
    """
    data = values.astype(np.int64, copy=False)
    if not data.flags.writeable:
        data = data.copy()
    return pd.arrays.IntegerArray(data, np.zeros(len(data), dtype=bool))


def _log(
    cells: dict[str, pd.Series], source: str, header_line: int, default_person: str | None
) -> FoodLog:
    n = len(cells["grams"])
    index = pd.RangeIndex(n)
    ids = coded(*food_ids_of_numbers(cells["food_id"].to_numpy()), index)
    food = sorted_categories(ids)  # as the entries table keeps food texts: sorted, once

    def constant(value: str) -> pd.Series:
        """One text in every row: a categorical of text objects, as the entries keep it."""
        one = pd.Index([value], dtype=object)
        codes = np.zeros(n, dtype=np.int8)
        return pd.Series(pd.Categorical.from_codes(codes, one), index=index, copy=False)

    if "person" in cells:
        person = _distinct_text(cells["person"])  # a whole number is its own person id
    else:
        person = constant(default_person or "default")
    day = cells["recall_day"].to_numpy()
    day_codes, day_numbers = int_codes(day)  # each distinct day's date worked out once

    def column(values: Any) -> pd.Series:
        """An array made here (or the parser's, read once) as a column, not copied again."""
        return pd.Series(values, index=index, copy=False)

    columns = {
        "person": person,
        "date": column(recall_dates(day_numbers)[day_codes]),
        "text": ids,
        "food": food,
        "quantity": column(cells["grams"].to_numpy(dtype="float64")),
        "unit": constant("g"),
        "unit_kind": constant("mass"),
        "food_id": food,
        "kind": constant("food"),
        "reported": column(np.zeros(n, dtype=bool)),
        "source": constant(source),
        "line": column(_whole(np.arange(header_line + 1, n + header_line + 1))),
        # the parser's own array (read here once, no one else holds it): no copy
        "recall_day": column(_whole(np.asarray(cells["recall_day"].array))),
    }
    empty = pd.Series([], dtype="str")
    rejected = pd.DataFrame(  # as the general reader leaves it when no row is rejected
        {"source": empty, "line": pd.Series([], dtype="int64"), "text": empty, "reason": empty}
    )
    entries = entries_from_columns(columns)
    return FoodLog(entries, rejected, rows_read=n, skipped_lines=header_line)
