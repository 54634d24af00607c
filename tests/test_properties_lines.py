"""Property-based tests of ``read_log`` on random CSV tables: every physical line is accounted for.

Tables are built from header names the readers know and cells full of what
breaks parsers: quotes (balanced or not), delimiters, every line end and the
characters other programs take for one (``\\f``, ``\\v``, ``\\x1c``, ``\\x85``,
U+2028), comment marks, BOMs, NUL. Whatever the input and the format asked for,
``read_log`` either returns a log in which

    physical lines = entries + rejected rows + skipped lines

(lines as :func:`~nutrilog.iotools.split_lines` counts them, each line
at most one row), or raises a :class:`~nutrilog.errors.NutrilogError`; any other
exception fails the test. The profile is derandomized (the same examples on
every run) and runs 2,000 tables.
"""

from __future__ import annotations

import csv
import io
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutrilog.errors import NutrilogError
from nutrilog.iotools import read_log, split_lines
from nutrilog.log import FoodLog

EXAMPLES = 2_000
LINES = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_NAMES = st.sampled_from(
    ["date", "food", "amount", "unit", "grams", "food_id", "person", "kind", "note"]
    + ["magnesium_mg", "Vitamin D (IU)", "Day", "Food Name", "Amount", "Group", "Meal"]
    + ["Date", "Calories", "Energy (kcal)", "Category", "", " ", "x", "#c", "food"]
)
_PIECES = st.sampled_from(
    ["2026-11-20", "20/11/2026", "9999-12-31", "1", "2.5", "1,5", "-1", "1e400", "inf"]
    + ["cup", "g", "medium", "rice", "raw spinach", "magnesium 200 mg", "sr28:11457"]
    + ['"', '""', ",", ";", "\t", "\r", "\n", "\r\n", "\f", "\v", "\x1c", "\x1e", "\x85"]
    + ["\u2028", "\u2029", "#", "\ufeff", "\x1b[2J", "\u202e", "=1+1", " ", "é", "\x00"]
)
_CELL = st.one_of(
    st.lists(_PIECES, max_size=4).map("".join),
    st.text(max_size=8),
)
_END = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def _tables(draw: st.DrawFn) -> str:
    """The text of a random CSV table (quoted by the csv module, or joined raw)."""
    header = draw(st.lists(_NAMES, min_size=1, max_size=6))
    width = len(header)
    rows = draw(
        st.lists(st.lists(_CELL, min_size=max(0, width - 1), max_size=width + 1), max_size=6)
    )
    end = draw(_END)
    if draw(st.booleans()):  # quoted: a cell holding a line end spans lines
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator=end)
        writer.writerow(header)
        writer.writerows(rows)
        lines = split_lines(buffer.getvalue()) if buffer.getvalue() else []
    else:  # raw: stray quotes and delimiters as a hand-edited file has them
        lines = [",".join(header)] + [",".join(row) for row in rows]
    extra = draw(st.lists(st.sampled_from(["", "  ", "# note", ",,,"]), max_size=3))
    for blank in extra:
        lines.insert(draw(st.integers(0, len(lines))), blank)
    text = end.join(lines)
    return text + end if draw(st.booleans()) else text


def _check(log: FoodLog, text: str) -> None:
    lines = len(split_lines(text.lstrip("\ufeff")))
    assert log.rows_read == len(log.entries) + len(log.rejected)
    assert log.lines_read == lines, (log.summary(), lines)
    numbers = list(log.entries["line"].astype(int)) + list(log.rejected["line"].astype(int))
    assert len(numbers) == len(set(numbers))  # one row per line at most
    assert all(1 <= n <= lines for n in numbers)


def _read(source: object, fmt: str | None, text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            log = read_log(source, fmt)  # type: ignore[arg-type]
        except NutrilogError as err:  # a whole input refused, with a message
            assert str(err)
            return
    _check(log, text)


_FOLDER = tempfile.TemporaryDirectory()
_FORMATS = st.sampled_from([None, "csv", "csv", "text", "cronometer", "myfitnesspal"])


@LINES
@given(_tables(), _FORMATS, st.sampled_from(["str", "bytes", "file"]))
def test_read_log_accounts_for_every_physical_line(text: str, fmt: str | None, how: str) -> None:
    if how == "str":
        _read(io.StringIO(text), fmt, text)
    elif how == "bytes":
        _read(io.BytesIO(text.encode("utf-8")), fmt, text)
    else:
        path = Path(_FOLDER.name) / "log.csv"  # one folder for the whole run
        path.write_bytes(text.encode("utf-8"))
        _read(path, fmt, text)
