"""Large logs: chunked reading gives the same result as one read, and memory stays bounded.

Files above ``TABLE_READING.auto_chunk_bytes`` (64 MB) are read in chunks automatically; the
tests lower that threshold instead of writing 64 MB.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import nutrilog.iotools.csv as csv_reader
import nutrilog.iotools.text as text_reader
from nutrilog.errors import LogParseError
from nutrilog.iotools import MAX_LINE_CHARS, SAMPLE_BYTES, TABLE_READING, read_log
from nutrilog.log import FoodLog


def _same(a: FoodLog, b: FoodLog) -> None:
    assert a.rows_read == b.rows_read == len(a.entries) + len(a.rejected)
    pd.testing.assert_frame_equal(a.entries, b.entries)
    pd.testing.assert_frame_equal(a.rejected, b.rejected)


def _diary(days: int = 12) -> str:
    """A diary with every construct whose meaning depends on earlier lines."""
    lines = ["# my diary", "Monday 16 Nov:", "Breakfast:", "2 eggs"]  # yearless, before a year
    lines += ["Tuesday 17 Nov:", "1 cup oats", "", "2026-11-18", "Lunch: 1 cup rice"]
    for d in range(days):
        lines += [f"{d + 1} Dec 2026" if d % 5 else "2026-02-30"]  # a heading that fails
        lines += ["Breakfast", "08:30 1 cup of coffee", "- 2 medium bananas", "", "# note"]
        lines += ["Supplements:", "magnesium glycinate 200 mg", "-2 eggs", "Snack:"]
        lines += ["a handful of almonds", "1e400 g sugar" if d % 3 else "9" * 400 + " g salt"]
        lines += ["Friday 4 Dec:" if d == 7 else "Dinner:", "1 cup spinach, raw", "some rice"]
    lines += ["x" * (MAX_LINE_CHARS + 1), "1 cup milk"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("chunksize", [2, 9, 50])
def test_text_chunks_give_the_same_log(tmp_path: Path, chunksize: int) -> None:
    path = tmp_path / "diary.txt"
    path.write_text(_diary(), encoding="utf-8")
    whole = read_log(path, "text", date="2026-01-01")
    _same(whole, read_log(path, "text", date="2026-01-01", chunksize=chunksize))
    # the yearless headings before the first dated one took its year (2026)
    first = whole.entries.iloc[0]
    assert (first["food"], first["date"]) == ("eggs", pd.Timestamp("2026-11-16"))
    assert len(whole.rejected) > 10 and len(whole.entries) > 40
    assert whole.rejected["line"].max() == _diary().count("\n") - 1  # the long line


def test_text_chunks_keep_line_numbers_and_strict_errors(tmp_path: Path) -> None:
    path = tmp_path / "diary.txt"
    path.write_text(_diary(), encoding="utf-8")
    with pytest.raises(LogParseError) as whole:
        read_log(path, "text", strict=True)
    with pytest.raises(LogParseError) as chunked:
        read_log(path, "text", strict=True, chunksize=4)
    assert (whole.value.line, str(whole.value)) == (chunked.value.line, str(chunked.value))


def test_text_without_any_year_is_read_as_one_chunk(tmp_path: Path) -> None:
    path = tmp_path / "noyear.txt"
    path.write_text("Monday 16 Nov:\n2 eggs\nTuesday 17 Nov:\n1 cup oats\n" * 5, "utf-8")
    _same(read_log(path, "text"), read_log(path, "text", chunksize=2))
    dated = read_log(path, "text", chunksize=2, date="2025-06-01")
    assert dated.entries["date"].iloc[0] == pd.Timestamp("2025-11-16")


def _csv_rows(n: int) -> list[str]:
    foods = ["rice", "beans", "milk", "magnesium glycinate", "water", ""]
    units = ["g", "cup", "ml", "mg", "furlongs"]
    return [
        f"2026-11-{1 + i % 28:02d},{foods[i % 6]},{(i * 7) % 301 - 1},{units[i % 5]}"
        for i in range(n)
    ]


@pytest.mark.parametrize("chunksize", [9, 64])
def test_malformed_csv_chunks_give_the_same_log(tmp_path: Path, chunksize: int) -> None:
    rows = _csv_rows(300)
    rows[0] += ",extra"  # a first row with too many fields: the csv-module path
    rows[150] = "2026-11-20," + "a" * (MAX_LINE_CHARS + 5) + ",1,g"
    rows[200] = "2026-11-20,rice,1e400,g"
    rows.insert(100, "")
    path = tmp_path / "log.csv"
    path.write_text("# exported\ndate,food,amount,unit\n" + "\n".join(rows) + "\n", "utf-8")
    whole = read_log(path)
    _same(whole, read_log(path, chunksize=chunksize))
    reasons = dict(zip(whole.rejected["line"], whole.rejected["reason"], strict=True))
    assert reasons[3].startswith("expected 4 fields")  # header on line 2, first row on 3
    assert reasons[154].startswith("line too long")  # rows[150], after the blank line
    assert reasons[204].startswith("amount out of range")


def test_cronometer_chunks_give_the_same_log(tmp_path: Path) -> None:
    header = "Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg),Vitamin D (IU),Category"
    rows = [
        f"2026-11-{1 + i % 28:02d},08:00,{['Breakfast', 'Lunch'][i % 2]},"
        f"{['Oats', 'Vitamin D3', ''][i % 3]},{['1.00 cup', '2.00 x 1000.0 IU', 'x'][i % 3]},"
        f"{150 + i},{i % 50},{'' if i % 4 else 400},{'Supplements' if i % 3 == 1 else 'Grains'}"
        for i in range(60)
    ]
    path = tmp_path / "servings.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    whole = read_log(path)
    assert whole.entries["source"].nunique() == 1 and len(whole.rejected) == 20  # empty names
    _same(whole, read_log(path, chunksize=13))


def test_myfitnesspal_chunks_give_the_same_log(tmp_path: Path) -> None:
    rows = [f"2026-11-{1 + i % 28:02d},{['Lunch', 'Dinner', ''][i % 3]},{500 + i},{i},0,10,"
            for i in range(60)]  # fmt: skip
    path = tmp_path / "mfp.csv"
    path.write_text(
        "Date,Meal,Calories,Sodium (mg),Potassium,Calcium,Note\n" + "\n".join(rows) + "\n", "utf-8"
    )
    _same(read_log(path), read_log(path, chunksize=11))


def test_large_files_are_chunked_automatically(tmp_path: Path, monkeypatch) -> None:
    text_path = tmp_path / "diary.txt"
    text_path.write_text(_diary(), encoding="utf-8")
    csv_path = tmp_path / "log.csv"
    csv_path.write_text("date,food,amount,unit\n" + "\n".join(_csv_rows(500)) + "\n", "utf-8")
    text_whole, csv_whole = read_log(text_path, "text"), read_log(csv_path)

    calls = {"text": 0, "csv": 0}
    parse_chunk, process_frame = text_reader.parse_chunk, csv_reader.process_frame

    def counted_text(*args: Any, **kwargs: Any) -> FoodLog:
        calls["text"] += 1
        return parse_chunk(*args, **kwargs)

    def counted_csv(*args: Any, **kwargs: Any) -> FoodLog:
        calls["csv"] += 1
        return process_frame(*args, **kwargs)

    monkeypatch.setattr(text_reader, "parse_chunk", counted_text)
    monkeypatch.setattr(csv_reader, "process_frame", counted_csv)
    read_log(csv_path)
    assert calls["csv"] == 1  # small file: one read
    monkeypatch.setattr(TABLE_READING, "auto_chunk_bytes", 1000)
    monkeypatch.setattr(TABLE_READING, "chunk_rows", 100)
    _same(text_whole, read_log(text_path, "text"))
    _same(csv_whole, read_log(csv_path))
    assert calls["text"] > 1
    assert calls["csv"] == 1 + 5  # 500 rows in chunks of 100


def test_files_are_streamed_not_loaded_whole(tmp_path: Path, monkeypatch) -> None:
    diary = tmp_path / "diary.txt"
    diary.write_text("2026-11-20\n" + "1 cup rice\n" * (SAMPLE_BYTES // 8), encoding="utf-8")
    table = tmp_path / "log.csv"
    table.write_text(
        "date,food\n2026-11-20,rice,extra\n" + "2026-11-20,beans\n" * (SAMPLE_BYTES // 12), "utf-8"
    )
    assert diary.stat().st_size > SAMPLE_BYTES and table.stat().st_size > SAMPLE_BYTES

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the whole file was loaded into memory")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    assert len(read_log(diary, "text").entries) == SAMPLE_BYTES // 8
    log = read_log(table)  # the csv-module path (first row has an extra field)
    assert (len(log.entries), len(log.rejected)) == (SAMPLE_BYTES // 12, 1)


def test_chunked_text_reading_holds_a_chunk_not_the_file(tmp_path: Path) -> None:
    # 2 MB of comments around a few entries: what is kept is small, what is read is not
    filler = ("# " + "x" * 98 + "\n") * 20_000
    path = tmp_path / "mostly_comments.txt"
    path.write_text("2026-11-20\n1 cup rice\n" + filler + "2 eggs\n", encoding="utf-8")
    size = path.stat().st_size

    def peak(**kwargs: object) -> int:
        tracemalloc.start()
        try:
            log = read_log(path, "text", **kwargs)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            assert len(log.entries) == 2

    assert peak() > size  # one read holds every line at once
    # 1,000 lines (100 kB) a chunk: well under half the file with either string storage
    # (with pyarrow installed, pandas' Arrow strings add about 0.1 MB to the peak)
    assert peak(chunksize=1_000) < size / 2


@pytest.mark.parametrize("chunksize", [0, -5, 2.5])
def test_a_bad_chunksize_is_refused(tmp_path: Path, chunksize: object) -> None:
    path = tmp_path / "diary.txt"
    path.write_text("2026-11-20\n2 eggs\n", encoding="utf-8")
    for fmt in ("text", "csv"):
        with pytest.raises(LogParseError, match="chunksize: expected a whole number"):
            read_log(path, fmt, chunksize=chunksize)  # type: ignore[arg-type]
