"""Day headings of a free-text diary that name no calendar date: bare weekdays
(``Monday``, ``Tuesday:``) and day numbers (``Day 1``), and weekday dates without a
year (``Monday 2 Nov``)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

import nutrilog as nl
from nutrilog.cli import main
from nutrilog.iotools import RECALL_DAY_ONE, parse_entries, read_log, read_text_log
from nutrilog.log import FoodLog

TODAY = dt.date(2026, 12, 3)

WEEKDAYS = """\
# my week
Monday
Breakfast:
2 eggs
1 slice whole wheat toast
Lunch:
1 cup cooked rice
100 g chicken breast
1 cup cooked broccoli

Tuesday:
1 cup cooked oatmeal
1 banana
2 cups milk
1 cup cooked rice
150 g chicken breast

WEDNESDAY -
1 apple
200 g salmon
1 cup cooked spinach
1 cup cooked rice

Thurs
1 cup yogurt
"""

NUMBERED = """\
Day 1
2 eggs
1 cup cooked rice
100 g chicken breast
Day 2:
1 cup cooked oatmeal
1 banana
DAY 3 -
1 apple
200 g salmon
"""

YEARLESS = """\
Monday 2 Nov
2 eggs
1 cup cooked rice
Tuesday 3 Nov
1 cup cooked oatmeal
"""


def _days(log: FoodLog) -> list[str]:
    return log.entries["date"].dt.strftime("%Y-%m-%d").tolist()


def _counted(log: FoodLog, lines: int) -> None:
    """Every line is an entry, a rejected row or a skipped (blank, comment, heading) line."""
    assert log.lines_read == lines
    assert len(log.entries) + len(log.rejected) + log.skipped_lines == lines


def test_weekday_headings_are_days_in_order() -> None:
    log = read_text_log(io.StringIO(WEEKDAYS))
    _counted(log, 25)
    # 1 comment, 3 blanks, 4 day headings, 2 meal headings: 16 entries, none rejected
    assert (len(log.entries), len(log.rejected), log.skipped_lines) == (15, 0, 10)
    assert "Monday" not in log.entries["text"].tolist()
    assert sorted(set(_days(log))) == ["1900-01-01", "1900-01-02", "1900-01-03", "1900-01-04"]
    assert log.entries["date"].dt.day_name().iloc[0] == "Monday"
    assert sorted(set(log.entries["recall_day"].tolist())) == [1, 2, 3, 4]
    # a weekday heading resets the meal
    assert log.entries.loc[log.entries["food"] == "banana", "meal"].isna().all()


def test_weekday_gaps_and_the_next_week() -> None:
    log = parse_entries(
        ["Monday", "1 banana", "Wednesday", "1 apple", "Monday", "1 pear", "Sun", "1 egg"]
    )
    assert _days(log) == ["1900-01-01", "1900-01-03", "1900-01-08", "1900-01-14"]
    assert log.entries["recall_day"].tolist() == [1, 3, 8, 14]
    # an earlier weekday: the next week
    later = parse_entries(["Friday", "1 banana", "Tuesday", "1 apple"])
    assert [d.day_name() for d in later.entries["date"]] == ["Friday", "Tuesday"]
    assert (later.entries["date"].iloc[1] - later.entries["date"].iloc[0]).days == 4


def test_weekday_headings_anchor_on_date() -> None:
    log = parse_entries(["Wednesday", "1 banana", "Thursday", "1 apple"], date="2026-11-02")
    assert _days(log) == ["2026-11-04", "2026-11-05"]  # the first Wednesday on or after 2 Nov


def test_a_weekday_after_a_dated_heading_follows_its_date() -> None:
    log = parse_entries(
        ["Monday 2 Nov 2026", "1 banana", "Wednesday", "1 apple", "Day 2", "1 pear"]
    )
    assert _days(log) == ["2026-11-02", "2026-11-04", "1900-01-02"]
    assert log.entries["recall_day"].isna().tolist() == [True, True, False]


def test_numbered_day_headings() -> None:
    log = read_text_log(io.StringIO(NUMBERED))
    _counted(log, 10)
    assert (len(log.entries), len(log.rejected), log.skipped_lines) == (7, 0, 3)
    assert _days(log) == ["1900-01-01"] * 3 + ["1900-01-02"] * 2 + ["1900-01-03"] * 2
    assert log.entries["recall_day"].tolist() == [1, 1, 1, 2, 2, 3, 3]
    assert log.entries["date"].iloc[0] == RECALL_DAY_ONE
    dated = read_text_log(io.StringIO(NUMBERED), date="2026-11-20")
    assert sorted(set(_days(dated))) == ["2026-11-20", "2026-11-21", "2026-11-22"]


def test_day_zero_is_a_heading_whose_entries_are_rejected() -> None:
    log = parse_entries(["Day 0", "1 banana"])
    _counted(log, 2)
    assert len(log.entries) == 0 and "expected a day number" in log.rejected.iloc[0]["reason"]


def test_weekday_date_without_a_year_takes_the_latest_such_year() -> None:
    log = read_text_log(io.StringIO(YEARLESS), today=TODAY)
    _counted(log, 5)
    assert _days(log) == ["2026-11-02", "2026-11-02", "2026-11-03"]
    assert "recall_day" not in log.entries.columns  # calendar days, not numbered ones
    # 2 Nov was a Tuesday last in 2021; today's year bounds the search
    assert _days(parse_entries(["Tuesday 2 Nov", "1 banana"], today=TODAY)) == ["2021-11-02"]
    assert _days(parse_entries(["Monday 2 Nov", "1 banana"], today=dt.date(2025, 6, 1))) == [
        "2020-11-02"
    ]
    # through read_log as well
    assert _days(read_log(io.StringIO(YEARLESS), "text", today=TODAY))[0] == "2026-11-02"


def test_a_year_written_nearby_or_given_still_wins() -> None:
    log = parse_entries(["Monday 2 Nov", "1 banana", "3 Nov 2020", "1 apple"], today=TODAY)
    assert _days(log) == ["2020-11-02", "2020-11-03"]
    given = parse_entries(["Monday 2 Nov", "1 banana"], date="2024-01-01", today=TODAY)
    assert _days(given) == ["2024-11-02"]


def test_a_year_found_from_a_weekday_reaches_the_headings_around_it() -> None:
    log = parse_entries(["Monday 2 Nov", "1 banana", "3 Nov", "1 apple"], today=TODAY)
    assert _days(log) == ["2026-11-02", "2026-11-03"]


def test_a_yearless_date_without_a_weekday_is_still_rejected() -> None:
    log = parse_entries(["2 Nov", "1 banana"], today=TODAY)
    _counted(log, 2)
    assert len(log.entries) == 0 and "date without a year" in log.rejected.iloc[0]["reason"]


@pytest.mark.parametrize(
    "line",
    [
        "sunday roast",
        "monday night football snacks: 2 beers",
        "1 slice friday pizza",
        "Tuesday - 2 eggs",
    ],
)
def test_food_named_like_a_weekday_stays_food(line: str) -> None:
    log = parse_entries(["Monday", line])
    _counted(log, 2)
    assert len(log.entries) + len(log.rejected) == 1
    assert log.skipped_lines == 1  # only the heading


def test_a_meal_heading_named_like_a_weekday_stays_a_meal() -> None:
    log = parse_entries(["Monday", "Sunday roast:", "200 g roast beef", "Monday lunch:", "1 apple"])
    _counted(log, 5)
    assert log.entries["meal"].tolist() == ["Sunday roast", "Monday lunch"]
    assert _days(log) == ["1900-01-01", "1900-01-01"]


def test_chunked_reading_gives_the_same_days() -> None:
    text = WEEKDAYS * 3
    whole = read_text_log(io.StringIO(text))
    chunked = read_text_log(io.StringIO(text), chunksize=7)
    assert _days(chunked) == _days(whole)
    assert chunked.entries["recall_day"].tolist() == whole.entries["recall_day"].tolist()
    assert chunked.skipped_lines == whole.skipped_lines


def test_weekday_diary_is_assessed() -> None:
    for text in (WEEKDAYS, NUMBERED):
        result = nl.analyze(read_text_log(io.StringIO(text)), nl.Profile(age=40, sex="male"))
        assert result.daily["date"].notna().all() and len(result.daily) >= 3
        assert (result.assessment["status"] != "unknown").any()
        assert (result.assessment["days"] > 0).all()


def test_reports_show_numbered_days(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    diary = tmp_path / "diary.txt"
    diary.write_text(WEEKDAYS, encoding="utf-8")
    code = main(
        ["analyze", str(diary), "--age", "40", "--sex", "male", "--format", "text", "--details"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "4 day(s), Day 1 to Day 4" in out and "No entry has a date" not in out
    assert "Day 2 " in out and "1900-01" not in out
    assert "Entries to check" not in out
    md = tmp_path / "week.md"
    main(["analyze", str(diary), "--age", "40", "--sex", "male", "-o", str(md)])
    assert "Day 1 to Day 4" in md.read_text(encoding="utf-8")
