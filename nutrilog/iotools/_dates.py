"""Read the dates people and apps write: ISO, day/month/year, and month names.

Accepted (a weekday name anywhere and a trailing ``:`` are ignored)::

    2026-11-20   2026/11/20   2026-11-20 08:30   2026-11-20T08:30:00
    20/11/2026   20.11.2026   20-11-26           (day first; see ``dayfirst``)
    20 Nov 2026  20th November 2026   Nov 20, 2026   November 20 2026
    Monday 20 Nov  (no year: the year comes from the context, see ``year``)

A weekday written with a date is kept (``DayParse.weekday``, Monday 0): with no
year anywhere else, :func:`weekday_year` finds the year in which that date falls
on that weekday (``Monday 2 Nov`` is 2026 when today is in 2026).

Day headings of a free-text diary may also be a bare weekday (``Monday``,
``Tuesday:``, ``WEDNESDAY -``, ``Thurs``; :data:`WEEKDAY_HEADING_RE`) or a day
number (``Day 1``, ``Day 2:``, ``DAY 3 -``; :data:`NUMBERED_DAY_RE`); they carry
no calendar date (see :mod:`nutrilog.iotools._headings`).

Numeric dates with the day and month both ≤ 12 are ambiguous; a column decides
for all its values (:func:`column_dayfirst`): if any value has a first number
above 12 the column is day-first, if any has a second number above 12 it is
month-first, otherwise ``dayfirst`` (default True, the 20/11/2026 style) holds.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import pandas as pd

#: Years a date may have: pandas stores dates as nanoseconds since 1970, which reach
#: from 21 Sep 1677 to 11 Apr 2262; whole years inside that span are accepted.
MIN_YEAR, MAX_YEAR = pd.Timestamp.min.year + 1, pd.Timestamp.max.year - 1

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)"
_ISO = re.compile(
    rf"(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?:(?:T|\s+){_TIME})?", re.I
)
_NUM = re.compile(
    rf"(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y>\d{{4}}|\d{{2}})(?:\s+{_TIME})?", re.I
)
_DMON = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\.?,?(?:\s+(?P<y>\d{{4}}))?", re.I
)
_MOND = re.compile(
    rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(?P<y>\d{{4}}))?", re.I
)
_WEEKDAY_FOUND = re.compile(rf"\b{_WEEKDAY}(?![a-z])", re.I)
_WEEKDAY_INDEX = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}
_STRIP = re.compile(rf"^\s*date\s*:\s*|\b{_WEEKDAY}(?![a-z])(?:\s*,)?|:\s*$", re.I)

#: A whole line that is a day heading in a free-text log.
DAY_HEADING_RE = re.compile(
    rf"^(?:date\s*:\s*)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?(?:\s+\d{{4}})?|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?)"
    rf"(?:,?\s+{_WEEKDAY})?\s*:?$",
    re.I,
)

#: The end of a heading that names no date: an optional ``:``, ``-``, en or em dash.
_HEADING_END = r"\s*[:\-–—]?\s*$"
#: A whole line that is only a weekday name (``Monday``, ``Tuesday:``, ``WEDNESDAY -``,
#: ``Thurs``): a day heading without a calendar date.
WEEKDAY_HEADING_RE = re.compile(rf"^(?P<weekday>{_WEEKDAY}){_HEADING_END}", re.I)
#: A whole line that numbers a day (``Day 1``, ``Day 2:``, ``DAY 3 -``).
NUMBERED_DAY_RE = re.compile(rf"^day\s*(?P<number>\d{{1,3}}){_HEADING_END}", re.I)


class DayParse(NamedTuple):
    """A parsed date string: year (None if not written), month, day, time, or the reason it
    failed, and the weekday written with it (Monday 0 to Sunday 6; None if none)."""

    year: int | None
    month: int | None
    day: int | None
    time: str | None
    reason: str | None
    weekday: int | None = None


def weekday_number(text: str) -> int | None:
    """The weekday named in ``text`` (Monday 0 to Sunday 6), None if it names none.

    Examples
    --------
    >>> weekday_number("Thurs 5 Nov"), weekday_number("5 Nov")
    (3, None)
    """
    found = _WEEKDAY_FOUND.search(str(text))
    return None if found is None else _WEEKDAY_INDEX[found.group(0)[:2].lower()]


def weekday_year(month: int, day: int, weekday: int, today: dt.date | None = None) -> int | None:
    """The most recent year, not after ``today``'s year, in which ``day``/``month`` is a
    ``weekday`` (Monday 0); None if there is none from :data:`MIN_YEAR` on.

    ``today`` defaults to :meth:`datetime.date.today`.

    Examples
    --------
    >>> weekday_year(11, 2, 0, today=dt.date(2026, 12, 3))  # Monday 2 Nov
    2026
    >>> weekday_year(11, 2, 1, today=dt.date(2026, 12, 3))  # Tuesday 2 Nov
    2021
    """
    last = (today or dt.date.today()).year
    for year in range(min(last, MAX_YEAR), MIN_YEAR - 1, -1):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                return year
        except ValueError:  # 29 Feb of a common year
            continue
    return None


def column_dayfirst(values: pd.Series, default: bool = True) -> bool:
    """Decide day-first or month-first for a column of numeric dates.

    Examples
    --------
    >>> column_dayfirst(pd.Series(["11/20/2026", "11/21/2026"]))
    False
    """
    parts = values.astype(str).str.extract(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    if (first > 12).any():
        return True
    if (second > 12).any():
        return False
    return default


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def parse_day(text: str, *, dayfirst: bool = True) -> DayParse:
    """Parse one date string; the year is None when it is not written.

    Examples
    --------
    >>> parse_day("Monday 20 Nov:")
    DayParse(year=None, month=11, day=20, time=None, reason=None, weekday=0)
    >>> parse_day("2026-02-30").reason
    "expected a valid date such as 2026-11-20, found '2026-02-30' (day is out of range for month)"
    """
    raw = str(text).strip()
    cleaned = " ".join(_STRIP.sub(" ", raw).split()).strip(" ,")
    year: int | None
    time: str | None = None
    if m := _ISO.fullmatch(cleaned):
        year, month, day, time = int(m["y"]), int(m["m"]), int(m["d"]), m["time"]
    elif m := _NUM.fullmatch(cleaned):
        a, b = int(m["a"]), int(m["b"])
        first_is_day = (dayfirst or a > 12) and not (
            b > 12 >= a
        )  # an impossible reading never wins
        day, month = (a, b) if first_is_day else (b, a)
        year, time = _year(m["y"]), m["time"]
    elif m := (_DMON.fullmatch(cleaned) or _MOND.fullmatch(cleaned)):
        month = _MONTHS[m["mon"].lower()[:3]]
        day, year = int(m["d"]), _year(m["y"])
    else:
        return DayParse(
            None,
            None,
            None,
            None,
            f"expected a date such as 2026-11-20 or 20 Nov 2026, found {raw!r}",
        )
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 Feb passes without a year
    except ValueError as err:
        return DayParse(
            None,
            None,
            None,
            None,
            f"expected a valid date such as 2026-11-20, found {raw!r} ({err})",
        )
    return DayParse(year, month, day, time, None, weekday_number(raw))


def to_timestamp(
    parsed: DayParse, year: int | None = None
) -> tuple[pd.Timestamp | None, str | None]:
    """Build the date of ``parsed``, taking ``year`` when it wrote none.

    Examples
    --------
    >>> to_timestamp(parse_day("20 Nov"), 2026)[0]
    Timestamp('2026-11-20 00:00:00')
    >>> to_timestamp(parse_day("31 Dec 9999"))[1]
    'date out of range: expected a year from 1678 to 2261, found 9999'
    """
    if parsed.reason is not None:
        return None, parsed.reason
    use = parsed.year if parsed.year is not None else year
    if use is None:
        return None, "date without a year: expected a year in a day heading or the date= argument"
    if not MIN_YEAR <= use <= MAX_YEAR:
        return (
            None,
            f"date out of range: expected a year from {MIN_YEAR} to {MAX_YEAR}, found {use}",
        )
    try:
        return pd.Timestamp(dt.date(use, int(parsed.month or 0), int(parsed.day or 0))), None
    except ValueError as err:
        return None, f"not a valid date in {use} ({err})"
