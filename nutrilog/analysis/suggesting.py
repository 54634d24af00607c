"""Suggestions for every person of an analysis: the gaps and limits of each person's
assessment and the foods each eats most often, handed to
:func:`nutrilog.suggestions.suggest_foods`.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 banana"], date="2026-11-20", person="ann")
>>> result = nl.analyze(log, {"ann": nl.Profile(age=34, sex="female")}, min_day_kcal=0)
>>> set(suggestions_for_people(result.categorical_entries(), result.assessment_numbers,
...     result.foods, result.explanations, profiles=result.profiles)["person"])
{'ann'}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable
    from nutrilog.profile import Profile

__all__ = ["EATEN_CANDIDATES", "ENTRY_COLUMNS", "suggestions_for_people"]

#: How many of a person's most often logged foods are considered as suggestions.
EATEN_CANDIDATES = 40


def suggestions_for_people(
    entries: pd.DataFrame,
    assessment: pd.DataFrame,
    table: FoodTable,
    explanations: Any,
    profiles: Mapping[str, Profile] | None = None,
    daily: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Suggestions for every person, from the assessment and the foods each eats most often."""
    from nutrilog.suggestions import SUGGESTION_COLUMNS, suggest_foods

    eaten = _most_eaten(entries, EATEN_CANDIDATES)
    energy = _mean_energy(daily)
    frames = []
    for person, frame in assessment.groupby("person", sort=False):
        rows = list(frame[_READ].itertuples(index=False))  # read once, for every helper
        gaps, limits, current, targets = _gaps_and_limits(rows)
        current["energy_kcal"] = energy.get(str(person), np.nan)
        reduce = {
            column: _top_sources(entries, str(person), column) for column in _above_cdrr(rows)
        }
        profile = (profiles or {}).get(str(person))
        infant = profile is not None and profile.age < 1  # gets the note on feeding babies
        if not gaps and not reduce and not infant:
            continue
        frame = suggest_foods(
            gaps,
            table,
            eaten_ids=eaten.get(str(person), []),
            limits=limits,
            current=current,
            targets=targets,
            age=profile.age if profile is not None else None,
            sex=profile.sex if profile is not None else None,
            reduce=reduce,
            below_ai=_below_ai(rows),
            explanations=explanations,
        )
        if len(frame):
            frame.insert(0, "person", person)
            frames.append(frame)
    if frames:
        return pd.concat(frames, ignore_index=True)
    return pd.DataFrame(columns=["person", *SUGGESTION_COLUMNS])


#: The entry columns the suggestions read (besides the nutrient columns).
ENTRY_COLUMNS = ("person", "food_id", "food", "description")

#: The assessment columns the helpers below read.
_READ = ["column", "status", "mean", "target", "ul", "ul_applies_to", "cdrr"]


def _most_eaten(entries: pd.DataFrame, n: int) -> dict[str, list[Any]]:
    """Each person's food ids, most often logged first (ties: the first logged first), at
    most ``n``: counted per (person, food id) pair of codes, without a grouped frame.

    Examples
    --------
    >>> e = pd.DataFrame({"person": ["a", "a", "b", "a"], "food_id": ["x", "y", "y", "y"]})
    >>> _most_eaten(e, 5)
    {'a': ['y', 'x'], 'b': ['y']}
    """
    from nutrilog._vector import codes_of

    person, people = codes_of(entries["person"])
    food, ids = codes_of(entries["food_id"])
    has_person = np.array([p is not None for p in people], dtype=bool)
    has_food = np.array([i is not None for i in ids], dtype=bool)
    known = has_person[person] & has_food[food]
    pair = person[known].astype(np.int64) * len(ids) + food[known]
    codes, pairs = pd.factorize(pair)  # the pairs in the order first logged
    order = np.argsort(-np.bincount(codes, minlength=len(pairs)), kind="stable")
    listed: dict[int, list[Any]] = {}  # person code -> food ids, in that order
    for who, what in zip(
        (pairs[order] // len(ids)).tolist(), (pairs[order] % len(ids)).tolist(), strict=True
    ):
        foods = listed.setdefault(who, [])
        if len(foods) < n:
            foods.append(ids[what])
    return {str(people[who]): foods for who, foods in listed.items()}


def _mean_energy(daily: pd.DataFrame | None) -> dict[str, float]:
    """Each person's mean daily energy over the assessed (complete) days."""
    if daily is None or "energy_kcal" not in daily or daily.empty:
        return {}
    days = daily[daily["complete"].astype(bool)] if "complete" in daily else daily
    return {str(k): float(v) for k, v in days.groupby("person")["energy_kcal"].mean().items()}


def _top_sources(entries: pd.DataFrame, person: str, column: str, n: int = 3) -> list[str]:
    """The foods that gave a person the most of a nutrient over the log, in the log's words."""
    from nutrilog._vector import text_in
    from nutrilog.food_sources import top_sources

    read = [c for c in ("food", "description", column) if c in entries.columns]
    return top_sources(entries.loc[text_in(entries["person"], {person}), read], column, n)


def _below_ai(rows: list[Any]) -> list[str]:
    """Nutrient columns below their AI ("cannot tell"): a distance to the AI, not a gap."""
    from nutrilog.assessment import CANNOT_TELL

    return [str(r.column) for r in rows if r.status == CANNOT_TELL]


def _above_cdrr(rows: list[Any]) -> list[str]:
    """Nutrient columns whose mean is above their CDRR (sodium)."""
    from nutrilog.assessment import ABOVE_CDRR

    return [str(r.column) for r in rows if r.status == ABOVE_CDRR]


def _gaps_and_limits(
    rows: list[Any],
) -> tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]:
    """Gaps to close, food limits, current means and targets, keyed by nutrient column.

    Gaps (target − mean) are those of nutrients likely or possibly low, and of those
    below an AI ("cannot tell"): reaching an AI is sensible for potassium and water,
    and a sodium gap becomes a note on unlogged salt, never a food. Limits are the ULs
    on total intake and the sodium CDRR (the magnesium UL covers supplements only and
    is left out).
    """
    from nutrilog.assessment import CANNOT_TELL, LOW_STATUSES

    wanted = {*LOW_STATUSES, CANNOT_TELL}
    gaps = {
        str(row.column): float(row.target - row.mean)
        for row in rows
        if row.status in wanted
        and pd.notna(row.target)
        and pd.notna(row.mean)
        and row.target > row.mean
    }
    limits: dict[str, float] = {}
    for row in rows:
        if pd.notna(row.ul) and row.ul_applies_to == "all":
            limits[str(row.column)] = float(row.ul)
        elif pd.notna(row.cdrr):
            limits[str(row.column)] = float(row.cdrr)
    current = {str(r.column): float(r.mean) for r in rows if pd.notna(r.mean)}
    targets = {str(r.column): float(r.target) for r in rows if pd.notna(r.target)}
    return gaps, limits, current, targets
