"""Read a free-text food diary: one entry per line.

::

    # my week                      <- comment (not a row)
    Monday 20 Nov 2026:            <- day heading (not a row)
    Breakfast:                     <- meal heading (not a row)
    - 2 medium bananas             <- entry (a leading bullet is dropped)
    08:30 1 cup of coffee          <- entry with a clock time
    Lunch: spinach, 1 cup          <- meal heading and entry on one line
    Supplements:
    magnesium glycinate 200 mg     <- kind supplement

Day headings are whole lines such as ``2026-11-20``, ``20/11/2026``,
``Nov 20, 2026`` or ``Monday 20 Nov:`` (see :mod:`nutrilog.iotools._dates`), a
bare weekday (``Monday``, ``Tuesday:``, ``WEDNESDAY -``, ``Thurs``) or a day
number (``Day 1``, ``Day 2:``, ``DAY 3 -``). A heading without a year takes the
year of the nearest heading that has one, else of ``date=``, else, when it
names a weekday, the most recent year (not after today's) in which the date
falls on that weekday. Day N is ``date=`` + (N - 1) days, or 1 Jan 1900 +
(N - 1) days without ``date=`` (the placeholder of numbered recall days); a
bare weekday is the first such weekday after the heading before (on or after
``date=``, or 1 Jan 1900, a Monday, for the first); such entries keep their
day number in ``recall_day``. The rules in full: :mod:`nutrilog.iotools._headings`.
A line that is more than a weekday (``sunday roast``) is not a heading.
Entries under a heading whose date cannot be read are rejected rather than
filed under the wrong day. Entries before any heading take ``date=`` (NaT when
it is not given). A line longer than 100,000
characters is rejected (``line too long``) without being parsed.

Every line is an entry, a rejected row or a skipped line (blank, comment, day
or meal heading): ``FoodLog.lines_read`` is the number of lines. A line ends at
``\\n``, ``\\r\\n`` or ``\\r``. In a list given to :func:`parse_entries`, an item
that is not text (``None``, a number, bytes) is a rejected row.

Meal headings are ``Breakfast``, ``Lunch``, ``Dinner``, ``Supper``, ``Brunch``,
``Snack(s)`` with or without a colon, or any short line without digits ending
in ``:`` (``Post run:``). A meal heading holds until the next one or the next
day. Lines under ``Supplements:`` / ``Vitamins:`` are supplements.

Examples
--------
>>> log = parse_entries(["2026-11-20", "Breakfast:", "2 eggs"])
>>> log.entries[["meal", "food", "quantity"]].values.tolist()
[['Breakfast', 'eggs', 2.0]]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from nutrilog.errors import ArgumentError
from nutrilog.iotools._amounts import amounts_from_text
from nutrilog.iotools._build import default_date, finish
from nutrilog.iotools._dates import (
    DAY_HEADING_RE,
    NUMBERED_DAY_RE,
    WEEKDAY_HEADING_RE,
    parse_day,
)
from nutrilog.iotools._headings import DayChain, heading_days
from nutrilog.iotools._kinds import apply_kinds
from nutrilog.iotools._rejections import Rejections
from nutrilog.iotools._source import (
    MAX_LINE_CHARS,
    ReaderSource,
    open_input,
    shorten,
    split_lines,
    too_long_reason,
    warn_if_empty,
)
from nutrilog.iotools._table import chunk_rows
from nutrilog.log import FoodLog

__all__ = ["read_text_log", "parse_entries", "parse_lines"]

_STRONG_MEALS = (
    r"breakfast|brunch|lunch|dinner|supper|snacks?|dessert|"
    r"(?:morning|afternoon|evening|late[\s-]night|midnight)\s+snacks?|pre[\s-]?workout|post[\s-]?workout"
)
_MEAL_WORDS = _STRONG_MEALS + r"|tea|elevenses|drinks|supplements?|vitamins|meds|medications?"
_MEAL_HEADING = rf"^(?:(?:{_STRONG_MEALS})\s*:?|(?:{_MEAL_WORDS})\s*:|[^\d:#]{{1,40}}:)$"
#: A list of supplements may carry a word or two of when or what before its colon
#: (``bedtime stack:``, ``evening meds:``, ``am vitamins:``).
_SUPPLEMENT_WORDS = r"supplements?|vitamins|meds|medications?"
_SUPPLEMENT_LIST = rf"(?:[a-z][a-z'-]*\s+){{0,2}}(?:{_SUPPLEMENT_WORDS}|stack)"
_INLINE_MEAL = rf"^(?P<meal>{_SUPPLEMENT_LIST}|{_MEAL_WORDS})\s*:\s*(?P<rest>.+)$"
_INLINE_TIME = (
    r"^(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s*[-–:]?\s+(?P<rest>.+)$"
)
#: Meal names that make every line under them a supplement (``stack`` does not: a short
#: stack is pancakes).
_SUPPLEMENT_MEALS = re.compile(rf"^(?:[a-z][a-z'-]*\s+){{0,2}}(?:{_SUPPLEMENT_WORDS})$", re.I)


@dataclass
class _State:
    """What a chunk of lines inherits from the lines before it."""

    next_line: int = 1
    year: float | None = None  # year of the last day heading (for headings without one)
    day: pd.Timestamp | None = None  # the current day, once a heading was seen
    seen_day: bool = False
    problem: str = ""  # why the current day heading could not be read
    number: float | None = None  # the current day's number (numbered and weekday headings)
    chain: DayChain = field(default_factory=DayChain)  # what a weekday heading follows
    meal: str | None = None  # the current meal ("" after a day heading)


class _Lines(NamedTuple):
    stripped: pd.Series
    body: pd.Series
    content: pd.Series
    is_day: pd.Series


def _classify(raw: pd.Series) -> _Lines:
    stripped = raw.str.replace("\ufeff", "", regex=False).str.strip()
    # an item number written with a hash (``#3) 1 cup grapes``) is no comment
    numbered = stripped.str.match(r"#\d{1,3}[.):]\s")
    comment = (stripped.str.startswith("#") & ~numbered) | stripped.str.startswith("//")
    body = stripped.str.replace(r"\s+#(?!\d).*$", "", regex=True).str.strip()
    body = body.str.replace(r"^[-*•·]\s+", "", regex=True)
    # a heading set off by rules (``=== thursday ===``, ``--- Day 2 ---``)
    body = body.str.replace(r"^[=*~_\-–—]{2,}\s*|\s*[=*~_\-–—]{2,}$", "", regex=True)
    content = (body != "") & ~comment
    is_day = content & (
        body.str.match(DAY_HEADING_RE.pattern, flags=re.I)
        | body.str.match(WEEKDAY_HEADING_RE.pattern, flags=re.I)
        | body.str.match(NUMBERED_DAY_RE.pattern, flags=re.I)
    )
    return _Lines(stripped, body, content, is_day)


def _line_parts(lines: pd.Series) -> pd.DataFrame:
    """What each line is, from its text alone (call it on the distinct lines).

    Columns: ``too_long``, ``stripped`` (as shown), ``body`` (without bullet and
    trailing comment), ``is_day`` and ``is_meal`` headings, ``entry``, the inline
    ``time`` and ``meal`` with ``has_time`` / ``has_meal``, and the entry ``text``
    left once they are taken out.
    """
    too_long = lines.str.len() > MAX_LINE_CHARS
    raw = lines.where(~too_long, "line too long")  # a placeholder entry: never parsed
    parts = _classify(raw)
    body, is_day = parts.body, parts.is_day
    is_meal = parts.content & ~is_day & body.str.match(_MEAL_HEADING, flags=re.I)
    entry = parts.content & ~is_day & ~is_meal
    timed = body.str.extract(_INLINE_TIME, flags=re.I)
    has_time = entry & timed["time"].notna()
    text = body.where(~has_time, timed["rest"])
    inline = text.str.extract(_INLINE_MEAL, flags=re.I)
    has_meal = entry & inline["meal"].notna()
    text = text.where(~has_meal, inline["rest"]).str.strip()
    meal = pd.Series(None, index=lines.index, dtype=object)
    meal[is_meal] = body[is_meal].str.rstrip(":").str.strip()
    meal[has_meal] = inline["meal"][has_meal].str.strip()
    return pd.DataFrame(
        {
            "too_long": too_long,
            "stripped": parts.stripped,
            "body": body,
            "is_day": is_day,
            "is_meal": is_meal,
            "entry": entry,
            "time": timed["time"],
            "has_time": has_time,
            "meal": meal,
            "has_meal": has_meal,
            "text": text,
        }
    )


def _knows_year(lines: list[str]) -> bool:
    """Whether a day heading among ``lines`` has a year."""
    parts = _classify(pd.Series(lines, dtype=object).astype(str))
    return any(parse_day(str(h)).year is not None for h in parts.body[parts.is_day])


def parse_chunk(
    lines: list[str],
    state: _State,
    *,
    source: str,
    fallback: pd.Timestamp | None,
    person: str | None,
    meal: str | None,
    strict: bool,
    not_text: pd.Series | None = None,
    today: dt.date | None = None,
) -> FoodLog:
    """Read consecutive lines starting at ``state.next_line``; update ``state`` for the next.

    ``not_text`` holds, by position, the reason of items that were not text
    (None for the others): they are entries, rejected with that reason.
    """
    original = pd.Series(lines, dtype=object).fillna("").astype(str)
    line_no = pd.Series(np.arange(state.next_line, state.next_line + len(original)))
    line_no.index = original.index
    # every text step runs once per distinct line: diaries repeat their lines
    codes, uniques = pd.factorize(original, use_na_sentinel=False)
    per_line = _line_parts(pd.Series(np.asarray(uniques, dtype=object), dtype=object))
    parts = per_line.take(codes).set_axis(original.index)
    too_long, stripped, body, text = (parts[c] for c in ("too_long", "stripped", "body", "text"))
    is_day, is_meal, entry = parts["is_day"], parts["is_meal"], parts["entry"]
    has_time, has_meal = parts["has_time"], parts["has_meal"]

    headings = heading_days(
        body[is_day],
        fallback,
        line_numbers=line_no[is_day],
        carry=state.year,
        chain=state.chain,
        today=today,
    )
    stamps, problems, years = headings.stamps, headings.problems, headings.years
    day = pd.Series(pd.NaT, index=original.index, dtype="datetime64[ns]")
    day[is_day] = stamps
    number = pd.Series(np.nan, index=original.index, dtype="float64")
    number[is_day] = headings.numbers.fillna(0.0)  # 0: a dated heading, no number
    number = number.ffill().fillna(state.number or 0.0)
    day_problem = pd.Series(np.nan, index=original.index, dtype=object)
    day_problem[is_day] = problems
    seen_day = (is_day.cumsum() > 0) | state.seen_day
    day = day.where(is_day).ffill() if is_day.any() else day
    if state.day is not None:
        day = day.fillna(state.day)
    day = day.where(seen_day, pd.NaT if fallback is None else fallback)
    day_problem = day_problem.ffill().fillna(state.problem)

    meal_mark = pd.Series(np.nan, index=original.index, dtype=object)
    meal_mark[is_day] = ""
    meal_mark[is_meal | has_meal] = parts["meal"][is_meal | has_meal]
    meal_now = meal_mark.ffill().fillna((meal or "") if state.meal is None else state.meal)

    if len(original):
        known = years.dropna()
        state.year = float(known.iloc[-1]) if len(known) else state.year
        state.seen_day = bool(seen_day.iloc[-1])
        state.day = day.iloc[-1] if state.seen_day else None
        state.problem = str(day_problem.iloc[-1])
        state.number = float(number.iloc[-1]) or None
        state.meal = str(meal_now.iloc[-1])
        state.next_line += len(original)

    if not_text is not None:  # a placeholder entry for each item that was not text
        bad_item = not_text.notna().to_numpy()
        entry = entry | bad_item
        too_long = too_long & ~bad_item
        text = text.where(~bad_item, "")
    rows = entry[entry].index
    rej = Rejections(rows)
    if not_text is not None:
        rej.add(not_text[rows].notna(), not_text[rows])
    long_rows = rows[too_long[rows].to_numpy()]
    if len(long_rows):
        reasons = pd.Series(None, index=rows, dtype=object)
        reasons[long_rows] = original[long_rows].str.len().map(too_long_reason)
        rej.add(too_long[rows], reasons)
    entry_text = text[rows].where(~too_long[rows], "")
    out = amounts_from_text(entry_text, rej)
    shown = stripped[rows].copy()
    shown[long_rows] = original[long_rows].str.slice(0, 200).map(shorten)
    if not_text is not None:
        shown = shown.where(not_text[rows].isna(), "")
    out["text"] = shown
    out["line"] = line_no[rows]
    out["date"] = day[rows]
    if (number[rows] > 0).any():  # numbered days, as the ASA24 and NHANES readers keep them
        out["recall_day"] = pd.array(number[rows].where(number[rows] > 0), dtype="Int64")
    out["time"] = parts["time"][rows].where(has_time[rows], None)
    meals = meal_now[rows]
    out["meal"] = meals.where(meals != "", None)
    out["person"] = person or "default"
    rej.add(day_problem[rows] != "", day_problem[rows])
    hint = meals.str.match(_SUPPLEMENT_MEALS.pattern, flags=re.I)
    apply_kinds(out, entry_text, rej, hint=hint)
    log = finish(out, rej, source=source, strict=strict, reject_text=shown)
    log.skipped_lines = len(original) - int(log.rows_read or 0)  # blanks, comments, headings
    return log


def parse_lines(
    lines: Iterable[str],
    *,
    source: str = "<text>",
    date: object = None,
    person: str | None = None,
    meal: str | None = None,
    strict: bool = False,
    today: dt.date | None = None,
) -> FoodLog:
    """Read diary lines (the text format); see the module docstring for the rules.

    Parameters
    ----------
    lines : iterable of str
        One entry, heading, comment or blank per item; line numbers count from 1.
    source : str
        Name stored in the ``source`` column.
    date, person, meal : optional
        Defaults for entries before any heading.
    strict : bool
        Raise :class:`~nutrilog.errors.LogParseError` at the first bad line.
    today : date, optional
        The date a year read from a weekday (``Monday 2 Nov``) may not be after
        (default ``datetime.date.today()``).

    Returns
    -------
    FoodLog

    Examples
    --------
    >>> parse_lines(["2026-11-20", "Lunch:", "1 cup rice"]).entries["meal"].tolist()
    ['Lunch']
    """
    items = list(lines)
    reasons = [None if isinstance(item, str) else _not_text_reason(item) for item in items]
    bad = any(r is not None for r in reasons)
    return parse_chunk(
        [item if isinstance(item, str) else "" for item in items] if bad else items,
        _State(),
        source=source,
        fallback=default_date(date),
        person=person,
        meal=meal,
        strict=strict,
        not_text=pd.Series(reasons, dtype=object) if bad else None,
        today=today,
    )


def _not_text_reason(item: object) -> str:
    shown = shorten(repr(item), 60)
    hint = " (decode bytes first)" if isinstance(item, (bytes, bytearray)) else ""
    return f"not text: expected a line of text, found {type(item).__name__} {shown}{hint}"


def _chunks(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    """Groups of ``size`` lines; the first group grows until a day heading gives a year.

    A heading without a year takes the year of the next heading that has one, so
    the lines before the first such heading are kept together (bounded memory
    returns once a year is known).
    """
    buffer: list[str] = []
    year_known = False
    for line in lines:
        buffer.append(line)
        if len(buffer) % size == 0:
            year_known = year_known or _knows_year(buffer[-size:])
            if year_known:
                yield buffer
                buffer = []
    if buffer:
        yield buffer


def read_text_log(
    source: ReaderSource,
    *,
    date: object = None,
    person: str | None = None,
    meal: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
    today: dt.date | None = None,
) -> FoodLog:
    """Read a free-text diary file (see the module docstring).

    The file is read line by line (``\\n``, ``\\r\\n`` or ``\\r`` end a line);
    with ``chunksize`` (automatic for files over 64 MB) it is parsed that many
    lines at a time with the same result, so memory stays bounded. ``today``
    (default ``datetime.date.today()``) is the date a year read from a weekday
    (``Monday 2 Nov``) may not be after.

    Examples
    --------
    >>> import io
    >>> read_text_log(io.StringIO("banana\\n\\n# note\\n1 cup milk\\n"), date="2026-11-20").rows_read
    2
    """
    inp = open_input(source, encoding)
    options = {
        "source": inp.name,
        "fallback": default_date(date),
        "person": person,
        "meal": meal,
        "strict": strict,
        "today": today,
    }
    size = chunk_rows(inp, chunksize)
    state = _State()
    if size is None:
        log = parse_chunk(list(inp.lines()), state, **options)  # type: ignore[arg-type]
    else:
        logs, blank = [], 0
        for part in _chunks(inp.lines(), size):
            chunk = parse_chunk(part, state, **options)  # type: ignore[arg-type]
            if chunk.rows_read or not logs:  # chunks of comments and blanks add only a count
                logs.append(chunk)
            else:
                blank += chunk.skipped_lines
        log = logs[0] if len(logs) == 1 else FoodLog.concat(logs)
        log.skipped_lines += blank
    warn_if_empty(int(log.rows_read or 0), inp.name)
    return log


def parse_entries(
    lines: Iterable[str],
    *,
    date: object = None,
    person: str | None = None,
    meal: str | None = None,
    strict: bool = False,
    today: dt.date | None = None,
) -> FoodLog:
    """Parse free-text diary lines given as a list (source ``<text>``).

    Day and meal headings among the lines are honoured as in the text format.

    Parameters
    ----------
    lines : str or iterable of str
        ``["1 cup chopped spinach", "magnesium glycinate 200 mg"]``, or one text
        (split at ``\\n``, ``\\r\\n``, ``\\r``). An item that is not text
        (``None``, a number, bytes) is a rejected row.
    date : str or date, optional
        Date of entries before any day heading.
    person : str, optional
        Who ate them (default ``"default"``).
    meal : str, optional
        Meal of entries before any meal heading.
    strict : bool
        Raise :class:`~nutrilog.errors.LogParseError` at the first bad line.
    today : date, optional
        The date a year read from a weekday (``Monday 2 Nov``) may not be after
        (default ``datetime.date.today()``).

    Returns
    -------
    FoodLog

    Examples
    --------
    >>> log = parse_entries(["1 cup chopped spinach", "magnesium glycinate 200 mg"], date="2026-11-20")
    >>> log.entries[["kind", "magnesium_mg"]].values.tolist()
    [['food', nan], ['supplement', 200.0]]
    """
    if isinstance(lines, (bytes, bytearray, memoryview)):
        raise ArgumentError(
            f"lines: expected text (a str or a list of str), found {type(lines).__name__}; "
            "decode it first, e.g. data.decode('utf-8')"
        )
    if isinstance(lines, str):
        lines = split_lines(lines)
    elif not isinstance(lines, Iterable):
        raise ArgumentError(
            f"lines: expected text (a str or a list of str), found {type(lines).__name__}"
        )
    return parse_lines(
        lines, source="<text>", date=date, person=person, meal=meal, strict=strict, today=today
    )
