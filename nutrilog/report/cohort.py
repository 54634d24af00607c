"""The cohort parts of the report document: the population summary, one compact line per
person, and the people and top foods a cohort report shows.

Examples
--------
>>> selected_people(["ann", "bob"], "bob")
['bob']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of
from nutrilog.nutrients import ASSESSED
from nutrilog.report.values import records

if TYPE_CHECKING:
    from nutrilog.analysis import Analysis

__all__ = ["POPULATION_METHOD", "population_of", "cohort_lines", "top_foods_of", "selected_people"]


def population_of(analysis: Analysis, by: Any = None) -> dict[str, Any]:
    """The population summary (``Analysis.population(by)``) and how it was made."""
    from nutrilog.assessment.population import POPULATION_COLUMNS

    frame = analysis.population(by=by)
    by = [c for c in frame.columns if c not in POPULATION_COLUMNS]
    return {"by": by, "method": list(POPULATION_METHOD), "rows": records(frame)}


#: How the population figures are made and what they cannot say, one sentence each.
POPULATION_METHOD: tuple[str, ...] = (
    "Groups are DRI groups (life-stage group x sex x pregnancy/lactation) unless chosen "
    "otherwise; each person's intake is the mean of their assessed days.",
    "Where part of a group has two or more days, day-to-day variation is removed first: "
    "each person's mean is shrunk toward the group mean by s_b / s_obs (NRC/Iowa State), "
    "with s_b^2 = s_obs^2 - s_w^2 / k and s_w^2 pooled from the people with two or more days.",
    "With one day per person the figures describe single-day intake, whose tails are wider "
    "than those of usual intake: the shares below the EAR and above the UL are overstated.",
    "The share below the EAR is the EAR cut-point estimate of inadequacy: it assumes intake "
    "and requirement are independent, the requirement is symmetric and varies less than "
    "intake, and usual intake is close to normal; it does not apply to iron or energy.",
    "For nutrients with only an AI the cut-point does not apply: the share at or above the "
    "AI is descriptive, and falling below the AI does not mean inadequate intake.",
)


def cohort_lines(analysis: Analysis, people: list[str], shown: list[str]) -> dict[str, Any]:
    """One compact line per person: DRI group, days assessed and the status per nutrient."""
    from nutrilog.assessment.dri_groups import dri_groups

    a = getattr(analysis, "assessment_numbers", None)  # statuses, no row's sentences
    if a is None:
        a = analysis.assessment
    keys = [str(p) for p in people]
    if len(a) and "person" in a.columns:
        grid = _status_grid(a, keys).tolist()
    else:
        grid = [[_UNKNOWN] * len(ASSESSED) for _ in keys]
    days = _days_assessed(analysis.daily, keys)
    profiles = [analysis.profiles.get(p) for p in people]
    known = [p for p in profiles if p is not None]
    groups = iter(
        dri_groups([p.age for p in known], [p.sex for p in known], [p.life_stage for p in known])
        if known
        else []
    )
    lines = [
        {
            "person": person,
            "group": str(next(groups)) if profile is not None else None,
            "days_assessed": n,
            "status": dict(zip(ASSESSED, row, strict=True)),
        }
        for person, profile, n, row in zip(people, profiles, days, grid, strict=True)
    ]
    return {"people": len(people), "shown": list(shown), "lines": lines}


#: The status of a compact line where the assessment has none (no row, or no text).
_UNKNOWN = "unknown"


def _days_assessed(daily: pd.DataFrame, keys: list[str]) -> list[int]:
    """How many complete days each person (``keys``) has: one count per distinct
    person of the daily table, as text."""
    if not ("complete" in daily.columns and "person" in daily.columns and len(daily)):
        return [0] * len(keys)
    complete = daily["complete"].fillna(False).astype(bool)
    codes, uniques = codes_of(daily["person"])
    if uniques[-1] is None and (codes == len(uniques) - 1).any():  # rows without a person
        done = complete.groupby(daily["person"].astype(str)).sum()
        return done.reindex(keys).fillna(0).astype(int).tolist()
    per_code = np.bincount(codes[complete.to_numpy(dtype=bool)], minlength=len(uniques))
    counts: dict[str, int] = {}
    for name, n in zip(uniques.tolist(), per_code.tolist(), strict=True):
        counts[str(name)] = counts.get(str(name), 0) + n
    return [counts.get(key, 0) for key in keys]


def _status_grid(assessment: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Each person's status per nutrient of :data:`ASSESSED` (people in the order of
    ``keys``; ``"unknown"`` where the assessment has no row or no status), placed by
    position: the table ``pivot`` would give, without its reshaping of the whole
    assessment."""
    codes, uniques = codes_of(assessment["person"])
    names = [str(u) if u is not None else None for u in uniques]  # no row without a person
    row_of = pd.Index(keys, dtype=object).get_indexer(names)[codes]
    n_codes, n_uniques = codes_of(assessment["nutrient"])
    col_of = pd.Index(ASSESSED).get_indexer(list(n_uniques))[n_codes]
    grid = np.full((len(keys), len(ASSESSED)), _UNKNOWN, dtype=object)
    ok = (row_of >= 0) & (col_of >= 0)
    s_codes, s_uniques = codes_of(assessment["status"])  # each distinct status checked once
    shown = np.array([u if isinstance(u, str) else _UNKNOWN for u in s_uniques], dtype=object)
    grid[row_of[ok], col_of[ok]] = shown[s_codes[ok]]
    return grid


def top_foods_of(analysis: Analysis, shown: list[str]) -> pd.DataFrame:
    """The top foods of the people shown only (a cohort report shows a few people)."""
    from nutrilog._vector import text_in
    from nutrilog.food_sources import top_foods

    if "top_foods" in getattr(analysis, "__dict__", {}):  # already computed for everybody
        return analysis.top_foods
    entries = analysis.categorical_entries()
    keep = text_in(entries["person"], {str(p) for p in shown})
    return top_foods(entries[keep])


def selected_people(people: list[str], persons: Any) -> list[str]:
    """The people asked for (``persons``), each checked against the analysis."""
    from nutrilog.errors import ArgumentError

    if persons is None:
        return []
    if isinstance(persons, str) or not hasattr(persons, "__iter__"):
        persons = [persons]
    names = {str(p): p for p in people}
    asked = [str(p) for p in persons]
    unknown = [p for p in asked if p not in names]
    if unknown:
        listed = ", ".join(list(names)[:10]) + (" ..." if len(names) > 10 else "")
        raise ArgumentError(
            f"person: expected people of the log, found {unknown} (people: {listed})"
        )
    return [names[p] for p in dict.fromkeys(asked)]
