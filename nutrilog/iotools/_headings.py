"""The days of a free-text diary's day headings: dated, weekday-only and numbered.

A day heading is one of three kinds (whole lines; see :mod:`nutrilog.iotools._dates`):

* **a date** (``2026-11-20``, ``Monday 20 Nov``): that day. A date without a year
  takes the year of the nearest heading that has one (the one before, else the one
  after), else of ``date=``; else, when the heading names a weekday, the most recent
  year, not after today's, in which the date falls on that weekday (``Monday 2 Nov``
  is 2 Nov 2026 when read in December 2026: :func:`~nutrilog.iotools._dates.weekday_year`);
  a heading without a weekday has no year then and its entries are rejected. Such a
  year is passed on to the yearless headings around it as a written one is.
* **a day number** (``Day 1``, ``Day 2:``, ``DAY 3 -``): day N is day one + (N - 1)
  days. Day one is the ``date=`` argument when it is given, else
  :data:`~nutrilog.iotools._codes.RECALL_DAY_ONE` (1 Jan 1900), the placeholder date
  of numbered recall days (ASA24, NHANES): the 1900 dates mark them as numbered days,
  not calendar days, and reports show them as ``Day N``.
* **a bare weekday** (``Monday``, ``Tuesday:``, ``WEDNESDAY -``, ``Thurs``): the first
  such weekday after the day of the heading before (Monday then Wednesday are two days
  apart; the same weekday again, or an earlier one, is in the next week). The first
  such heading of a log is that weekday on or after day one: 1 Jan 1900 is a Monday,
  so a ``Monday`` heading lands on a Monday (day 1) and ``Wednesday`` on day 3; with
  ``date=`` it is the first such weekday on or after that date.

Entries under a numbered or weekday heading keep the day's number in ``recall_day``
(day one is 1), as the ASA24 and NHANES readers do; entries under a dated heading
have none.

Examples
--------
>>> days = heading_days(pd.Series(["Monday", "Wednesday", "Monday"]), line_numbers=pd.Series([1, 5, 9]))
>>> days.stamps.dt.strftime("%Y-%m-%d %a").tolist(), days.numbers.tolist()
(['1900-01-01 Mon', '1900-01-03 Wed', '1900-01-08 Mon'], [1.0, 3.0, 8.0])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from nutrilog.iotools._codes import RECALL_DAY_ONE
from nutrilog.iotools._dates import (
    NUMBERED_DAY_RE,
    WEEKDAY_HEADING_RE,
    parse_day,
    to_timestamp,
    weekday_number,
    weekday_year,
)

__all__ = ["HeadingDays", "DayChain", "heading_days"]

_ONE_DAY = pd.Timedelta(days=1)


class HeadingDays(NamedTuple):
    """Per day-heading row: its date (NaT if unreadable), the problem ("" when fine),
    the year it used (NaN for none) and its day number (NaN for a dated heading)."""

    stamps: pd.Series
    problems: pd.Series
    years: pd.Series
    numbers: pd.Series


@dataclass
class DayChain:
    """What the next heading follows: the date and day number of the last readable one."""

    last: pd.Timestamp | None = None
    number: float | None = None


def _years(
    parsed: list, default: pd.Timestamp | None, carry: float | None, today: dt.date | None
) -> pd.Series:
    """The year each dated heading uses (see the module docstring)."""
    years = pd.Series([p.year for p in parsed], dtype="float64").ffill()
    if carry is not None:
        years = years.fillna(carry)
    years = years.bfill()
    if default is not None:
        years = years.fillna(default.year)
    if years.isna().any():
        guessed = [
            weekday_year(p.month, p.day, p.weekday, today)
            if np.isnan(y) and p.reason is None and p.weekday is not None
            else None
            for p, y in zip(parsed, years, strict=True)
        ]
        years = years.fillna(pd.Series(guessed, dtype="float64")).ffill().bfill()
    return years


def heading_days(
    headings: pd.Series,
    default: pd.Timestamp | None = None,
    *,
    line_numbers: pd.Series,
    carry: float | None = None,
    chain: DayChain | None = None,
    today: dt.date | None = None,
) -> HeadingDays:
    """The dates of the day-heading lines ``headings``, in order.

    Parameters
    ----------
    headings : Series of str
        The heading lines (bullet and trailing comment already dropped).
    default : Timestamp, optional
        The ``date=`` argument: the year of yearless dates and day one of numbered days.
    line_numbers : Series of int
        The line of each heading (for the problems).
    carry : float, optional
        The year of the last heading of the lines before.
    chain : DayChain, optional
        The last readable heading of the lines before; updated in place.
    today : date, optional
        The date a year guessed from a weekday may not be after (default: today).

    Returns
    -------
    HeadingDays
    """
    chain = DayChain() if chain is None else chain
    index = headings.index
    text = [str(h) for h in headings]
    parsed = [parse_day(h) for h in text]
    years = _years(parsed, default, carry, today)
    day_one = RECALL_DAY_ONE if default is None else default
    stamps, problems, numbers = [], [], []
    for p, year, heading, line in zip(parsed, years, text, line_numbers, strict=True):
        why: str | None = None
        number: float | None = None
        if numbered := NUMBERED_DAY_RE.match(heading.strip()):
            number = float(numbered["number"])
            stamp = day_one + (number - 1) * _ONE_DAY if number >= 1 else None
            why = None if number >= 1 else "expected a day number from 1, such as Day 1"
        elif WEEKDAY_HEADING_RE.match(heading.strip()):
            start = day_one if chain.last is None else chain.last + _ONE_DAY
            ahead = (int(weekday_number(heading) or 0) - start.weekday()) % 7
            stamp = start + ahead * _ONE_DAY
            if chain.last is None:
                number = float((stamp - day_one).days + 1)
            elif chain.number is not None:
                number = chain.number + (stamp - chain.last).days
        else:
            stamp, why = to_timestamp(p, None if np.isnan(year) else int(year))
        if stamp is not None:
            chain.last, chain.number = stamp, number
        stamps.append(pd.NaT if stamp is None else stamp)
        numbers.append(np.nan if number is None or stamp is None else number)
        problems.append(
            ""
            if why is None
            else f"unparseable date: the day heading on line {line} ({heading!r}): {why}"
        )
    return HeadingDays(
        pd.Series(stamps, index=index, dtype="datetime64[ns]"),
        pd.Series(problems, index=index, dtype=object),
        years.set_axis(index),
        pd.Series(numbers, index=index, dtype="float64"),
    )
