"""Tests of the free-text reader and parse_entries (nutrilog.iotools.text)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from nutrilog.errors import LogParseError
from nutrilog.iotools import parse_entries, read_log
from nutrilog.log import ENTRY_COLUMNS, FoodLog

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "logs"


def _accounted(log: FoodLog) -> None:
    assert log.rows_read == len(log.entries) + len(log.rejected)


def test_diary_fixture() -> None:
    log = read_log(FIXTURES / "diary.txt")
    _accounted(log)
    # 20 lines: 1 comment, 3 blanks, 2 day headings, 5 meal headings -> 11 rows (one rejected)
    assert (log.rows_read, len(log.entries), len(log.rejected)) == (11, 10, 1)
    e = log.entries
    assert list(e.columns[: len(ENTRY_COLUMNS)]) == ENTRY_COLUMNS
    first = e.iloc[0]
    assert (first["date"], first["meal"], first["food"], first["quantity"], first["unit"], first["line"]) == (
        pd.Timestamp("2026-11-20"), "Breakfast", "bananas", 2.0, "medium", 4,
    )  # fmt: skip
    coffee = e[e["food"] == "coffee"].iloc[0]
    assert (coffee["time"], coffee["amount_note"]) == ("08:30", "implicit one")
    spinach = e[e["food"] == "spinach"].iloc[0]
    assert (spinach["meal"], spinach["quantity"], spinach["unit"]) == ("Lunch", 1.0, "cup")
    # the yearless "Saturday 21 Nov:" takes 2026 from the heading before it
    rice = e[e["food"] == "cooked rice"].iloc[0]
    assert (rice["date"], rice["meal"], rice["quantity"]) == (
        pd.Timestamp("2026-11-21"),
        "Dinner",
        1.5,
    )
    supp = e[e["kind"] == "supplement"]
    assert supp["magnesium_mg"].dropna().tolist() == [200.0]
    assert supp["vitamin_d_ug"].dropna().tolist() == [50.0]  # 2000 IU / 40
    assert supp["reported"].all()
    assert e.loc[e["food"] == "water", "kind"].tolist() == ["water"]
    assert e.loc[e["kind"] == "water", "water_g"].isna().all()
    assert e.loc[e["kind"] == "food", "magnesium_mg"].isna().all()
    bad = log.rejected.iloc[0]
    assert (bad["line"], bad["text"]) == (20, "-2 eggs")
    assert bad["reason"].startswith("negative amount")


def test_heading_formats() -> None:
    lines = [
        "2026-11-20",
        "banana",
        "Monday 23 Nov:",
        "apple",
        "20/12/2026",
        "pear",
        "Nov 21, 2026",
        "kiwi",
    ]
    log = parse_entries(lines)
    _accounted(log)
    assert log.entries["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-11-20", "2026-11-23", "2026-12-20", "2026-11-21",
    ]  # fmt: skip
    assert log.entries["line"].tolist() == [2, 4, 6, 8]


def test_date_argument_and_nat_without_any_date() -> None:
    with_date = parse_entries(["1 apple"], date="2026-11-20")
    assert with_date.entries["date"].tolist() == [pd.Timestamp("2026-11-20")]
    without = parse_entries(["1 apple"])
    assert without.entries["date"].isna().all()
    assert len(without.rejected) == 0


def test_meal_argument_and_meal_reset_by_new_day() -> None:
    log = parse_entries(
        ["toast", "2026-11-21", "Lunch", "soup", "2026-11-22", "tea"], meal="Breakfast"
    )
    assert [None if pd.isna(m) else m for m in log.entries["meal"]] == ["Breakfast", "Lunch", None]


def test_comments_and_blank_lines_are_not_rows() -> None:
    log = read_log(
        io.StringIO("# header\n\n   \nbanana  # inline note\n// also a comment\n"), format="text"
    )
    assert log.rows_read == 1
    assert log.entries["food"].tolist() == ["banana"]


def test_unreadable_heading_rejects_its_entries_and_names_the_heading() -> None:
    log = parse_entries(["2026-02-30", "rice", "2026-03-01", "beans"])
    _accounted(log)
    assert log.entries["food"].tolist() == ["beans"]
    reason = log.rejected.iloc[0]["reason"]
    assert "day heading on line 1" in reason and "out of range" in reason


def test_yearless_heading_without_context_is_rejected() -> None:
    log = parse_entries(["20 Nov:", "rice"])  # no weekday either: no year to find
    assert len(log.entries) == 0
    assert "without a year" in log.rejected.iloc[0]["reason"]
    dated = parse_entries(["Monday 20 Nov:", "rice"], date="2026-01-01")
    assert dated.entries["date"].tolist() == [pd.Timestamp("2026-11-20")]


def test_only_an_amount_is_missing_food_text() -> None:
    log = parse_entries(["200 g", "rice"])
    assert log.rejected["reason"].str.startswith("missing food text").tolist() == [True]


def test_strict_raises_at_the_first_problem_with_file_line_text_reason() -> None:
    with pytest.raises(LogParseError) as err:
        read_log(FIXTURES / "diary.txt", strict=True)
    exc = err.value
    assert (exc.line, exc.text) == (20, "-2 eggs")
    assert str(FIXTURES / "diary.txt") in str(exc) and "negative amount" in str(exc)


def test_parse_entries_accepts_a_string_and_person() -> None:
    log = parse_entries("2 eggs\n1 cup milk", person="ana", date="2026-11-20")
    assert log.entries["person"].tolist() == ["ana", "ana"]
    assert log.entries["source"].unique().tolist() == ["<text>"]
