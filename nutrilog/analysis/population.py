"""Population figures of an analysis: the people's groups and weights found in the
people table, the daily table or the log, then
:func:`nutrilog.assessment.population.population_summary` on their usual intakes.

:meth:`nutrilog.Analysis.population` calls :func:`summarize_population`; the formulas
(EAR cut-point, shrinkage, weighted percentiles) live in
:mod:`nutrilog.assessment.population`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.assessment.population import (
    REFERENCE_NEEDED,
    dri_group_order,
    dri_groups,
    population_summary,
    slot_summary,
)
from nutrilog.errors import ArgumentError

__all__ = ["PROFILE_COLUMNS", "WEIGHT_COLUMNS", "summarize_population"]

#: The columns of each person's profile that ``by`` may name.
PROFILE_COLUMNS: tuple[str, ...] = ("age", "sex", "life_stage", "dri_group")

#: Survey weight columns looked for when ``weights`` is not given, in order
#: (NHANES' two-day weight first where anybody has two days).
WEIGHT_COLUMNS: tuple[str, ...] = ("weight", "WTDR2D", "WTDRD1")


def _sources(analysis: Any) -> list[pd.DataFrame]:
    """Where per-person columns are looked for: a people table, the daily table, the entries."""
    found = []
    people = getattr(analysis, "people", None)
    if isinstance(people, pd.DataFrame):
        found.append(
            people if "person" in people.columns else people.rename_axis("person").reset_index()
        )
    found.append(analysis.daily)
    found.append(analysis.categorical_entries())
    return found


def _profile_columns(
    analysis: Any, persons: list[str], by: list[str], assessed: Any
) -> pd.DataFrame:
    """The columns of :data:`PROFILE_COLUMNS` that ``by`` names, one row per person; a
    DRI group from the assessment's groups when it has them (once per group)."""
    base = pd.DataFrame(index=pd.Index(persons, name="person"))
    wanted = [c for c in PROFILE_COLUMNS if c in by]
    if not wanted:
        return base
    order = dri_group_order()
    if wanted == ["dri_group"] and assessed is not None and assessed.groups is not None:
        number, groups = assessed.groups
        ages, sexes, stages = (list(column) for column in zip(*groups, strict=True))
        labels = pd.Categorical(dri_groups(ages, sexes, stages), categories=order)
        base["dri_group"] = pd.Categorical.from_codes(labels.codes[number], categories=order)
        return base
    profiles = [analysis.profiles[p] for p in persons]
    age = [p.age for p in profiles]
    sex = [p.sex for p in profiles]
    life_stage = [p.life_stage for p in profiles]
    columns = {"age": age, "sex": sex, "life_stage": life_stage}
    for name in wanted:
        if name == "dri_group":
            base[name] = pd.Categorical(dri_groups(age, sex, life_stage), categories=order)
        else:
            base[name] = columns[name]
    return base


def _per_person(frame: pd.DataFrame, column: str, persons: list[str]) -> np.ndarray:
    """Each person's first non-missing value of ``column`` (None where there is none)."""
    values = frame[["person", column]].dropna()
    first = values.groupby(values["person"].astype(str), sort=False, observed=True)[column].first()
    return first.reindex([str(p) for p in persons]).astype(object).to_numpy()


def _find(sources: list[pd.DataFrame], name: str) -> tuple[pd.DataFrame, str] | None:
    """The first source with a column ``name`` (case-insensitive), and its spelling there."""
    for frame in sources:
        if "person" not in frame.columns:
            continue
        for column in frame.columns:
            if str(column).lower() == name.lower():
                return frame, str(column)
    return None


def summarize_population(
    analysis: Any, by: str | Sequence[str] | None = None, weights: str | bool | None = None
) -> pd.DataFrame:
    """:func:`population_summary` of an analysis (``Analysis.population``).

    ``by`` names columns of the people (``dri_group``, ``sex``, ``age``,
    ``life_stage``, and any column of a people table or of the log; a log column
    gives each person its first value); ``weights`` a weight column, ``False`` for
    none, or ``None`` to use the first of :data:`WEIGHT_COLUMNS` that exists.
    """
    persons = list(analysis.profiles)
    if by is None:
        by = ["dri_group"]
    elif isinstance(by, str):
        by = [by]
    elif not isinstance(by, Iterable):
        raise ArgumentError(f"by: expected a column name or a list of them, found {by!r}")
    by = list(by)
    if not all(isinstance(c, str) for c in by):
        raise ArgumentError(f"by: expected column names, found {by!r}")
    assessed = analysis.assessed_profiles()
    base = _profile_columns(analysis, persons, by, assessed)
    sources = _sources(analysis)
    for column in by:
        if column in PROFILE_COLUMNS:
            continue
        hit = _find(sources, column)
        if hit is None:
            names = {*PROFILE_COLUMNS, *base.columns}
            known = sorted({str(c) for f in sources for c in f.columns} | names)
            raise ArgumentError(
                f"by: expected a column of the people, the daily table or the log ({known}), "
                f"found {column!r}"
            )
        base[column] = _per_person(hit[0], hit[1], persons)
    chosen = None
    if isinstance(weights, str):
        hit = _find(sources, weights)
        if hit is None:
            known = sorted({str(c) for f in sources for c in f.columns})
            raise ArgumentError(
                f"weights: expected a column of the people, the daily table or the log "
                f"({known}), found {weights!r}"
            )
        chosen = hit
    elif weights is None or weights is True:
        several = bool(analysis.daily["person"].duplicated().any())  # someone has two days
        for name in WEIGHT_COLUMNS:
            if name == "WTDR2D" and not several:
                continue
            chosen = _find(sources, name)
            if chosen is not None:
                break
    elif weights is not False:
        raise ArgumentError(
            f"weights: expected a column name, True, False or None, found {weights!r}"
        )
    weight_column = None
    if chosen is not None:
        weight_column = chosen[1]
        base["__weight__"] = pd.to_numeric(
            pd.Series(_per_person(chosen[0], chosen[1], persons)), errors="coerce"
        ).to_numpy()
    weight = "__weight__" if weight_column else None
    references = assessed.slot_references() if assessed is not None else None
    if references is not None:  # the assessment's own, row for row
        moments = assessed.moments  # the assessment's own, for the very same daily table
        if moments is not None and moments.holds_for(analysis.daily):
            found = (moments.days, moments.mean, moments.squares)
        else:
            found = None
        out = slot_summary(analysis.daily, references, base, by=by, weights=weight, moments=found)
    else:  # the reference values alone: no other column, no sentence per row is needed here
        references = analysis.assessment_columns(list(REFERENCE_NEEDED))
        out = population_summary(analysis.daily, references, base, by=by, weights=weight)
    if weight_column:
        out["note"] = out["note"].str.replace("__weight__", weight_column, regex=False)
    return out
