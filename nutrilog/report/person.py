"""Each person's part of the report document: period, verdicts, suggestions, daily and
weekly values, top foods (the sections of :data:`nutrilog.report.document.PERSON_SECTIONS`).

Examples
--------
>>> import pandas as pd
>>> for_person(pd.DataFrame({"person": ["a", "b"], "x": [1, 2]}), "b")["x"].tolist()
[2]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of, text_in
from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.report.values import clean, records
from nutrilog.report.verdicts import explanations_of, verdicts_of

if TYPE_CHECKING:
    from nutrilog.analysis import Analysis

__all__ = [
    "GENERAL",
    "WEEKLY_AFTER_DAYS",
    "weekly_means",
    "for_person",
    "assessment_of_shown",
    "person_part",
    "shown_daily",
    "undated_entries",
]

#: Label of the suggestion notes that concern no single nutrient.
GENERAL = "About these suggestions"


def _suggestions(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Suggested foods and suggestion notes (``kind`` "note": a caveat, or why none is
    offered); a note with no nutrient concerns every suggestion."""
    out = []
    for row in frame.to_dict("records"):
        name = row.get("nutrient")
        s = {key: clean(row.get(key)) for key in (
            "food_id", "description", "portion", "grams", "amount", "covers", "text")}  # fmt: skip
        s["kind"] = str(row.get("kind") or "food")
        if isinstance(name, str) and name:
            n = nutrient(name)
            s.update(nutrient=n.key, label=n.label, column=n.column, unit=n.unit)
        else:
            s.update(nutrient=None, label=GENERAL, column=None, unit=None)
        out.append(s)
    return out


def _period(daily: pd.DataFrame, undated: int) -> dict[str, Any]:
    dates = pd.to_datetime(daily["date"], errors="coerce") if "date" in daily else pd.Series([])
    assessed = (
        int(daily["complete"].fillna(False).astype(bool).sum()) if "complete" in daily else None
    )
    return {
        "first": clean(dates.min()) if dates.notna().any() else None,
        "last": clean(dates.max()) if dates.notna().any() else None,
        "days": int(dates.notna().sum()),
        "days_assessed": assessed,
        "undated_entries": undated,
    }


#: A log spanning more than this many days also gets weekly means (the trend view).
WEEKLY_AFTER_DAYS = 28


def weekly_means(daily: pd.DataFrame, min_span_days: int = WEEKLY_AFTER_DAYS) -> pd.DataFrame:
    """Weekly means of the assessed days (weeks starting on Monday).

    Empty unless the dated days span more than ``min_span_days`` days (by default
    :data:`WEEKLY_AFTER_DAYS`: the report's trend view is for long logs).

    Examples
    --------
    >>> days = pd.DataFrame({"date": pd.date_range("2026-10-05", periods=35),
    ...                      "magnesium_mg": 200.0, "complete": True})
    >>> first = weekly_means(days).iloc[0]
    >>> str(first["week"].date()), int(first["days"]), float(first["magnesium_mg"])
    ('2026-10-05', 7, 200.0)
    """
    columns = [nutrient(k).column for k in ASSESSED]
    if "date" not in daily or daily.empty:
        return pd.DataFrame(columns=["week", "days", *columns])
    dates = pd.to_datetime(daily["date"], errors="coerce")
    if dates.notna().sum() == 0 or (dates.max() - dates.min()).days <= min_span_days:
        return pd.DataFrame(columns=["week", "days", *columns])
    rows = daily[dates.notna()]
    if "complete" in rows:
        rows = rows[rows["complete"].fillna(False).astype(bool)]
    dates = pd.to_datetime(rows["date"])
    week = (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    present = [c for c in columns if c in rows]
    means = rows[present].apply(pd.to_numeric, errors="coerce").groupby(week.to_numpy()).mean()
    out = means.reindex(columns=columns)
    out.insert(0, "days", rows.groupby(week.to_numpy()).size())
    out.insert(0, "week", out.index)
    return out.reset_index(drop=True)


def for_person(frame: pd.DataFrame, person: str) -> pd.DataFrame:
    if "person" not in frame.columns:
        return frame
    return frame[text_in(frame["person"], {person})]


def _undated(entries: pd.DataFrame, person: str) -> int:
    """How many of a person's entries have no date."""
    return undated_entries(entries, [person])[person]


def undated_entries(entries: pd.DataFrame, people: list[str]) -> dict[str, int]:
    """How many entries of each of ``people`` have no date, counted in one pass over the
    entries (the rows of a person are those whose ``person``, as text, is theirs).

    Examples
    --------
    >>> e = pd.DataFrame({"person": ["a", "b", "a"], "date": ["2026-11-20", None, None]})
    >>> undated_entries(e, ["a", "b", "c"])
    {'a': 1, 'b': 1, 'c': 0}
    """
    if "date" not in entries:
        return dict.fromkeys(people, 0)
    missing = entries["date"].isna().to_numpy(dtype=bool)
    if "person" not in entries.columns:
        return dict.fromkeys(people, int(missing.sum()))
    codes, uniques = codes_of(entries["person"])
    per_code = np.bincount(codes[missing], minlength=len(uniques)).tolist()
    counts: dict[str, int] = {}
    for name, n in zip(uniques, per_code, strict=True):
        if name is not None:
            counts[str(name)] = counts.get(str(name), 0) + n
    return {person: counts.get(person, 0) for person in people}


def shown_daily(daily: pd.DataFrame, people: list[str]) -> pd.DataFrame:
    """The daily rows of ``people`` (taken once for every person shown; each person's
    part then picks its own from these few)."""
    if "person" not in daily.columns:
        return daily
    return daily[text_in(daily["person"], set(people))]


def assessment_of_shown(analysis: Analysis, people: list[str]) -> pd.DataFrame:
    """The assessment rows of the people shown, their sentences written for them alone
    (not the whole cohort's), in one pass for all of them."""
    if hasattr(analysis, "assessment_of"):
        return analysis.assessment_of(people)
    return analysis.assessment


def person_part(
    analysis: Analysis,
    person: str,
    data: Mapping[str, Any],
    fixes: list[dict[str, Any]],
    suggested: pd.DataFrame,
    foods: pd.DataFrame,
    assessed: pd.DataFrame | None = None,
    daily: pd.DataFrame | None = None,
    undated: int | None = None,
) -> dict[str, Any]:
    """One person's part of the document; ``assessed``: assessment rows holding this
    person's (:func:`assessment_of_shown`; by default their rows alone are written);
    ``daily``: daily rows holding this person's (:func:`shown_daily`; by default
    ``analysis.daily``); ``undated``: how many of their entries have no date
    (:func:`undated_entries`; by default counted here)."""
    from nutrilog.report.overview import overview

    profile = analysis.profiles.get(person)
    if assessed is None:
        assessed = assessment_of_shown(analysis, [person])
    verdicts = verdicts_of(for_person(assessed, person))
    daily = analysis.daily if daily is None else daily
    daily = for_person(daily, person).drop(columns="person", errors="ignore")
    if "date" in daily.columns:
        daily = daily.sort_values("date", kind="stable")
    top = for_person(foods, person).drop(columns="person", errors="ignore")
    if undated is None:
        undated = _undated(analysis.categorical_entries(), person)
    period = _period(daily, undated)
    suggestions = _suggestions(for_person(suggested, person))
    return {
        "person": person,
        "profile": profile.describe() if profile is not None else None,
        "period": period,
        "overview": overview(verdicts, suggestions, period, fixes, period["undated_entries"]),
        "verdicts": verdicts,
        "explanations": explanations_of(verdicts, data),
        "suggestions": suggestions,
        "daily": records(daily),
        "weekly": records(weekly_means(daily)),
        "top_foods": records(top),
    }
