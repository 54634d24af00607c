"""Property-based tests: arbitrary input never crashes a parser or breaks row accounting.

Every reader may refuse a whole input with :class:`~nutrilog.errors.LogParseError`
(empty, binary, no food column...) but must never raise anything else, and every
log it returns satisfies ``rows_read == len(entries) + len(rejected)`` with the
rejected rows carrying a line number and a reason.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutrilog.errors import LogParseError
from nutrilog.iotools import (
    from_frame,
    parse_entries,
    read_cronometer,
    read_cronometer_daily,
    read_csv_log,
    read_log,
    read_myfitnesspal,
    read_text_log,
)
from nutrilog.log import FoodLog
from nutrilog.quantity import AMOUNT_COLUMNS, ParsedAmount, parse_amounts, parse_quantity
from nutrilog.supplements import classify_texts, detect_supplement

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=_HEALTH)
READER = settings(max_examples=100, deadline=None, suppress_health_check=_HEALTH)

# Characters a diary or export really contains, plus the hostile ones.
_ALPHABET = st.sampled_from(
    list("0123456789 ./-,;x½¼()[]\"'#:\t\r\n\x00=+@|e")
    + ["cup", "g", "mg", "IU", "oz", "tbsp", "medium", "of", "a", "half", "to", "and"]
    + ["magnesium", "vitamin D", "water", "capsule", "spinach", "2026-11-20", "Lunch:", "1e400"]
    + ["inf", "nan", "NaN", "-", "ü", "é", "\ufeff", "\u2028", "<script>", "=1+1", "９"]
)
_TEXTY = st.one_of(st.text(max_size=60), st.lists(_ALPHABET, max_size=15).map("".join))
_CELL = st.one_of(
    _TEXTY,
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "1", "2.5", "1,5", "-1", "0", "1e308", "2026-02-30", "0000-00-00"]),
)


def _check(log: FoodLog) -> None:
    """The row accounting and the shape of a returned log."""
    assert isinstance(log, FoodLog)
    assert log.rows_read == len(log.entries) + len(log.rejected)
    assert log.rejected["line"].notna().all()
    assert (log.rejected["reason"].astype(str).str.len() > 0).all()
    q = log.entries["quantity"].dropna()
    assert (q >= 0).all() and np.isfinite(q).all()


def _read(fn: Callable[..., FoodLog], *args: Any, **kwargs: Any) -> None:
    try:
        log = fn(*args, **kwargs)
    except LogParseError as err:
        assert str(err)  # a whole-input problem, with a message
        return
    _check(log)


def _table(header: list[str], rows: list[list[str]], raw: bool) -> str:
    if raw:  # cells joined without quoting: stray quotes and commas break the table
        return ",".join(header) + "\n" + "\n".join(",".join(r) for r in rows) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _rows(width: int) -> st.SearchStrategy[list[list[str]]]:
    return st.lists(st.lists(_CELL, min_size=width - 1, max_size=width + 1), max_size=8)


# --------------------------------------------------------------------------- parsers


@FAST
@given(_TEXTY)
def test_parse_quantity_never_raises(text: str) -> None:
    parsed = parse_quantity(text)
    assert isinstance(parsed, ParsedAmount)
    assert isinstance(parsed.food, str)
    assert isinstance(parsed.quantity, float)
    assert parsed.unit is None or isinstance(parsed.unit, str)
    assert parsed.unit_kind in {None, "mass", "volume", "activity", "size", "count", "vague", "default"}


@FAST
@given(st.lists(st.one_of(_TEXTY, st.none(), st.just(math.nan)), max_size=10))
def test_parse_amounts_keeps_one_row_per_input(texts: list[object]) -> None:
    series = pd.Series(texts, dtype=object, index=np.arange(len(texts)) * 3)
    out = parse_amounts(series)
    assert list(out.columns) == AMOUNT_COLUMNS
    assert out.index.equals(series.index)
    assert out["quantity"].dtype == "float64"


@FAST
@given(st.lists(_TEXTY, max_size=10))
def test_supplement_detection_never_raises(texts: list[str]) -> None:
    table = classify_texts(pd.Series(texts, dtype=object))
    assert len(table) == len(texts)
    assert set(table["kind"]) <= {"food", "supplement", "water"}
    for text in texts[:3]:
        assert detect_supplement(text).kind in {"food", "supplement", "water"}


# --------------------------------------------------------------------------- readers


@READER
@given(st.binary(max_size=400), st.sampled_from([None, "csv", "text"]))
def test_any_bytes_give_a_log_or_a_parse_error(data: bytes, fmt: str | None) -> None:
    _read(read_log, io.BytesIO(data), fmt)


@READER
@given(st.lists(_TEXTY, max_size=12))
def test_text_reader_accounts_for_every_line(lines: list[str]) -> None:
    _read(read_text_log, io.StringIO("\n".join(lines)), date="2026-11-20")
    log = parse_entries(lines)  # a list of lines is never refused as a whole
    _check(log)
    assert log.rows_read <= len(lines)


@READER
@given(_rows(6), st.booleans())
def test_csv_reader_accounts_for_every_row(rows: list[list[str]], raw: bool) -> None:
    text = _table(["date", "food", "amount", "unit", "grams", "magnesium_mg"], rows, raw)
    _read(read_csv_log, io.StringIO(text))


@READER
@given(_rows(8), st.booleans())
def test_cronometer_reader_accounts_for_every_row(rows: list[list[str]], raw: bool) -> None:
    header = ["Day", "Time", "Group", "Food Name", "Amount", "Energy (kcal)", "Vitamin D (IU)",
              "Category"]  # fmt: skip
    _read(read_cronometer, io.StringIO(_table(header, rows, raw)))


@READER
@given(_rows(4), st.booleans())
def test_cronometer_daily_reader_accounts_for_every_row(rows: list[list[str]], raw: bool) -> None:
    header = ["Date", "Energy (kcal)", "Vitamin D (IU)", "Completed"]
    _read(read_cronometer_daily, io.StringIO(_table(header, rows, raw)))


@READER
@given(_rows(7), st.booleans(), st.sampled_from([None, 1300.0]))
def test_myfitnesspal_reader_accounts_for_every_row(
    rows: list[list[str]], raw: bool, dv: float | None
) -> None:
    header = ["Date", "Meal", "Calories", "Sodium (mg)", "Potassium", "Calcium", "Note"]
    _read(read_myfitnesspal, io.StringIO(_table(header, rows, raw)), calcium_dv_mg=dv)


_FRAME_VALUE = st.one_of(
    _CELL,
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.datetimes().map(pd.Timestamp),
)


@READER
@given(
    st.lists(
        st.sampled_from(["food", "item", "date", "amount", "unit", "grams", "kind", "calcium_mg",
                         "person", "x", "0"]),  # fmt: skip
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_from_frame_accounts_for_every_row(columns: list[str], data: st.DataObject) -> None:
    n = data.draw(st.integers(0, 6))
    cells = [data.draw(st.lists(_FRAME_VALUE, min_size=n, max_size=n)) for _ in columns]
    frame = pd.DataFrame(dict(enumerate(cells)))
    frame.columns = columns  # repeated names allowed
    _read(from_frame, frame)
