"""``analyze`` itself: read the log, run the per-entry steps, total per day, assess,
and keep it all in an :class:`~nutrilog.analysis.result.Analysis`.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 banana"], date="2026-11-20")
>>> analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0).counts["matched"]
1
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from nutrilog._checks import kind_argument, number_argument
from nutrilog.analysis.entries import analyse_log, entry_counts, food_setup, unmatched_entries
from nutrilog.analysis.result import BUNDLED_EXPLANATIONS, Analysis
from nutrilog.errors import ArgumentError
from nutrilog.foods import FoodTable
from nutrilog.intake import daily_totals
from nutrilog.log import FoodLog
from nutrilog.profile import Profile

__all__ = ["DEFAULT_MIN_DAY_KCAL", "analyze"]

#: A day with less energy than this logged is treated as partly logged: it is
#: shown in ``daily`` but left out of the assessment (``complete`` is False).
DEFAULT_MIN_DAY_KCAL = 500.0


def _as_log(log: Any) -> FoodLog:
    from nutrilog.iotools import read_log

    if isinstance(log, FoodLog):
        return log
    if isinstance(log, pd.DataFrame):
        return read_log(log)  # a DataFrame in NHANES layout is recognised
    if isinstance(log, (str, os.PathLike)):
        return read_log(log)
    if isinstance(log, Sequence):
        return FoodLog.concat(_as_log(item) for item in log)
    raise ArgumentError(
        f"log: expected a FoodLog, DataFrame, path or list of those, found {type(log).__name__}"
    )


def _profiles_for(people: list[str], profile: Any) -> dict[str, Profile]:
    from nutrilog.people import profiles_for

    return profiles_for(people, profile)


def analyze(
    log: Any,
    profile: Profile | Mapping[Any, Any] | pd.DataFrame | str | os.PathLike[str],
    *,
    foods: FoodTable | str | os.PathLike[str] | pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | os.PathLike[str] | None = None,
    recompute: bool = False,
    sd_within: Mapping[str, float] | None = None,
    explanations: Any = None,
    min_day_kcal: float = DEFAULT_MIN_DAY_KCAL,
    supplements: str | os.PathLike[str] | pd.DataFrame | None = None,
) -> Analysis:
    """Analyse a food log for one or several people.

    Parameters
    ----------
    log : FoodLog, DataFrame, path or list of those
        The log; paths are read with :func:`nutrilog.read_log` (format detected).
    profile : Profile, mapping, DataFrame or path
        The person; or one profile per person: a mapping of the log's ``person``
        values to profiles (keys of any type: ``83732`` matches the log's
        ``"83732"``), or a people table with columns ``person, age, sex``
        (optionally ``pregnant, lactating``) as a DataFrame or CSV path (see
        :func:`nutrilog.people.read_people`). Reference values are looked up once
        per DRI group (:func:`nutrilog.references.dri_group`).
    foods : FoodTable, path or DataFrame, optional
        The food table (default: the bundled one). A path or DataFrame adds the
        user's own foods to the bundled table.
    aliases : mapping or path, optional
        User overrides ``text → food_id`` (dict or CSV ``text,food_id``). A CSV may
        add ``unit`` and ``grams_per_unit`` (the grams one unit of that text weighs),
        as in the file :func:`nutrilog.fixes.write_fixes` writes
        (:func:`~nutrilog.matching.aliases.read_alias_file`).
    recompute : bool
        Recompute nutrients of rows whose source reported them (Cronometer): a
        count or size measure (not a weight or volume) takes its grams from the
        row's reported energy; a row with no matching food, and a meal or day
        total (no amount), keep their reported values (:mod:`nutrilog.recompute`).
    sd_within : mapping, optional
        Within-person SDs of daily intake by nutrient, used where no published
        pooled value applies.
    explanations : path or Explanations, optional
        A user explanation file in the bundled schema.
    min_day_kcal : float
        Days with less energy logged are kept in ``daily`` but not assessed (a
        finite number of 0 or more, else :class:`~nutrilog.errors.ArgumentError`).
    supplements : path or DataFrame, optional
        The user's supplement products: a CSV (or frame) with a ``product`` column
        and amounts per unit (``magnesium_mg``, ``calcium_mg``, ``potassium_mg``,
        ``sodium_mg``, ``vitamin_d_ug`` or ``vitamin_d_iu``, ``vitamin_b12_ug``;
        ``unknown`` where not known). Entries whose amounts are unknown and whose
        words name a product (``cal-mag 2 tabs``) take its amounts times the units
        counted (see :func:`nutrilog.supplements.apply_supplement_table`).

    Returns
    -------
    Analysis

    Examples
    --------
    >>> import nutrilog as nl
    >>> log = nl.parse_entries(["2 medium bananas", "1 cup chopped spinach"], date="2026-11-20")
    >>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    >>> round(float(result.daily["magnesium_mg"].iloc[0]), 1)  # 2 x 118 g x 27 + 30 g x 79 per 100 g
    87.4
    """
    from nutrilog.assessment.table import assess_people_later

    min_day_kcal = number_argument("min_day_kcal", min_day_kcal)
    paths = (str, os.PathLike)
    kind_argument(
        "foods",
        foods,
        (FoodTable, *paths, pd.DataFrame, type(None)),
        "a FoodTable, a path or a DataFrame",
    )
    kind_argument("aliases", aliases, (Mapping, *paths, type(None)), "a mapping or a path")
    kind_argument(
        "supplements", supplements, (*paths, pd.DataFrame, type(None)), "a path or a DataFrame"
    )
    if explanations is not None:  # their module (pydantic models) loaded when given
        from nutrilog.explanations import Explanations

        kind_argument(
            "explanations", explanations, (Explanations, *paths), "Explanations or a path"
        )
    food_log = _as_log(log)
    table, matcher, users_grams = food_setup(foods, aliases)
    entries, rejected = analyse_log(
        food_log, table, matcher, recompute=recompute, supplements=supplements, grams=users_grams
    )
    people = sorted(entries["person"].unique().tolist()) or ["default"]
    people_columns = None  # a people table's own columns (weights, study arms) for population()
    if isinstance(profile, (pd.DataFrame, str, os.PathLike)):
        from nutrilog.people import read_people_table

        profile, people_columns = read_people_table(profile)  # a file is read once
    profiles = _profiles_for(people, profile)

    daily = daily_totals(entries) if len(entries) else _empty_daily()
    daily["complete"] = daily["date"].notna() & daily["energy_kcal"].fillna(0.0).ge(min_day_kcal)

    # the numbers now; each row's reason and notes when the assessment is first read
    assessment = assess_people_later(daily, profiles, sd_within=sd_within)

    unmatched = unmatched_entries(entries)
    counts = entry_counts(food_log, entries, rejected)
    expl = explanations
    if expl is None:  # the bundled file, read when the explanations are first needed
        expl = BUNDLED_EXPLANATIONS
    elif isinstance(expl, (str, os.PathLike)):
        from nutrilog.explanations import load_explanations

        expl = load_explanations(expl)
    return Analysis(
        table=entries,
        daily=daily,
        assessed=assessment,
        unmatched=unmatched,
        rejected=rejected,
        profiles=profiles,
        counts=counts,
        foods=table,
        explanations=expl,
        people=people_columns,
    )


def _empty_daily() -> pd.DataFrame:
    from nutrilog.intake import DAILY_COLUMNS

    return pd.DataFrame(columns=DAILY_COLUMNS)
