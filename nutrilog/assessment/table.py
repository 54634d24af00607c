"""The assessment table: one row per person and nutrient, built column by column.

:func:`assess_people` gathers each person's statistics with one group-by over
the known days of every assessed nutrient, joins the reference intakes of the
person's life stage, applies the formulas of :mod:`~nutrilog.assessment.formulas`
to whole columns, picks the status with :func:`~nutrilog.assessment.rules.verdicts`,
and writes the reason and the notes of each row with plain functions of that row.
:func:`assess` is the same for one person.

Examples
--------
>>> import pandas as pd
>>> daily = pd.DataFrame({"magnesium_mg": [300.0, 340.0, 320.0]})
>>> assess(daily, {"age": 40, "sex": "female"}).set_index("nutrient").loc["magnesium", "status"]
'likely adequate'
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from nutrilog._vector import coded, positions_in
from nutrilog.assessment.finished import (
    ASSESSMENT_COLUMNS,
    WORDED_COLUMNS,
    AssessmentLater,
    DriGroups,
    object_series,
    worded_table,
)
from nutrilog.assessment.formulas import adequacy_z, confidence_vs, normal_cdf
from nutrilog.assessment.rules import HIGH_CV, MIN_DAYS_OWN_SD, read_z, verdicts
from nutrilog.assessment.stage_references import reference_columns
from nutrilog.assessment.statistics import DayColumns, DayMoments, slot_statistics
from nutrilog.errors import ArgumentError
from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.profile import Profile, as_profile, check_sd_within
from nutrilog.references import group_of, group_starts

__all__ = [
    "ASSESSMENT_COLUMNS",
    "WORDED_COLUMNS",
    "AssessmentLater",
    "assess",
    "assess_people",
    "assess_people_later",
]


# ----------------------------------------------------------------- the working table


def _choice(codes: np.ndarray, texts: list[str]) -> pd.Categorical:
    """``texts[codes]`` as a categorical (a choice among a few fixed texts)."""
    return pd.Categorical.from_codes(codes, categories=pd.Index(texts, dtype=object))


# ----------------------------------------------------------------- the table


def _sd_within(t: dict[str, Any], profiles: list[Profile], given: dict[str, float]) -> None:
    """SD_within, its basis and its source, in the order of preference of
    :mod:`nutrilog.assessment` (published, given, the person's own days, none)."""
    if given or any(map(attrgetter("sd_within"), profiles)):
        user = [
            given[key] if key in given else (p.sd_within or {}).get(key, np.nan)
            for p in profiles
            for key in ASSESSED
        ]
        t["user_sd"] = np.array(user, dtype="float64")
    else:  # nobody gave one: a cohort skips the loop over its rows
        t["user_sd"] = np.full(len(t["days"]), np.nan)
    t["has_user_sd"] = np.isfinite(t["user_sd"])
    published = np.isfinite(t["published_sd"])
    by_user = ~published & t["has_user_sd"]
    own = ~published & ~by_user & (t["days"] >= MIN_DAYS_OWN_SD) & np.isfinite(t["sd_days"])
    choices = [published, by_user, own]
    t["sd_within"] = np.select(choices, [t["published_sd"], t["user_sd"], t["sd_days"]], np.nan)
    t["sd_within_basis"] = _choice(
        np.select(choices, [0, 1, 2], 3), ["published", "user", "own days", "none"]
    )
    days_codes, days_values = pd.factorize(t["days"])
    own_source = np.array([f"the SD of your own {n} days" for n in days_values], dtype=object)
    own_source = own_source[days_codes]
    t["sd_within_source"] = np.select(
        choices,
        [t["published_source"], "given by you (sd_within)", own_source],
        np.asarray(t["none_source"], dtype=object),
    )


def _formulas(t: dict[str, Any]) -> None:
    """The IOM formulas and the comparisons with the upper levels, column by column."""
    days, mean, sd = t["days"], t["mean"], t["sd_within"]
    has_ear = np.isfinite(t["ear"])
    t["target"] = np.where(has_ear, t["rda"], t["ai"])
    t["target_kind"] = _choice(np.where(has_ear, 0, 1), ["RDA", "AI"])
    with np.errstate(divide="ignore", invalid="ignore"):
        t["pct_of_target"] = np.where(
            (days > 0) & (t["target"] > 0), 100 * mean / t["target"], np.nan
        )
        t["cv"] = np.where(
            np.isfinite(sd) & (mean > 0),
            sd / mean,
            np.where(np.isfinite(t["sd_days"]) & (mean > 0), t["sd_days"] / mean, np.nan),
        )
    t["days_below_ear"] = np.where(has_ear & (days > 0), t["days_below_ear"], np.nan)
    t["sd_req"] = np.where(has_ear, t["req_cv"] * t["ear"], np.nan)
    t["z_adequacy"] = adequacy_z(mean, t["ear"], t["sd_req"], sd, days)  # NaN without an EAR
    t["z_read"] = read_z(t["z_adequacy"])
    t["probability_adequate"] = normal_cdf(t["z_adequacy"])
    t["confidence_above_ai"] = np.where(has_ear, np.nan, confidence_vs(mean, t["ai"], sd, days))
    with np.errstate(invalid="ignore"):
        t["skewed"] = (t["nutrient"] == "vitamin_b12").to_numpy() | (t["cv"] > HIGH_CV)
    # a UL on supplements (magnesium) is compared with the doses only
    doses = t["ul_on_supplements"]
    ul_mean = np.where(doses, t["mean_supplement"], mean)
    ul_sd = np.where(doses, t["supplement_sd"], sd)
    ul_days = np.where(doses, t["supplement_days"], days)
    tested = np.isfinite(t["ul"]) & (ul_days > 0)
    t["ul_mean"] = np.where(tested, ul_mean, np.nan)
    t["confidence_below_ul"] = 1.0 - confidence_vs(ul_mean, t["ul"], ul_sd, ul_days)
    above = np.where(doses, t["supplement_days_above_ul"], t["days_above_ul"])
    t["days_above_ul"] = np.where(tested, above, np.nan)
    t["confidence_below_cdrr"] = 1.0 - confidence_vs(mean, t["cdrr"], sd, days)


def _table(
    profiles: list[Profile],
    columns: DayColumns,
    owner: np.ndarray,
    sd_within: Mapping[str, float] | None,
    min_days: int,
) -> pd.DataFrame:
    """Every person's rows (person by person, nutrients in :data:`ASSESSED` order)."""
    return worded_table(_numbers(profiles, columns, owner, sd_within, min_days)[0], min_days)


def _numbers(
    profiles: list[Profile],
    columns: DayColumns,
    owner: np.ndarray,
    sd_within: Mapping[str, float] | None,
    min_days: int,
) -> tuple[pd.DataFrame | None, DriGroups | None, np.ndarray | None]:
    """The working table of :func:`_table` before its words: statistics, formulas and
    statuses of every row, computed over whole columns (None without profiles); each
    person's DRI group; and each row's sum of squared deviations of the days' totals."""
    given = check_sd_within(sd_within)
    if not profiles:
        return None, None, None
    k = len(ASSESSED)
    stage, stages = _stages(profiles)
    ref = reference_columns(stages)
    ref_row = stage * k  # each person's first reference row
    slots = len(profiles) * k
    rows = (ref_row[:, None] + np.arange(k)).ravel()  # each slot's reference row
    # the working table as arrays, made a DataFrame once (no column inserted into a frame)
    t: dict[str, Any] = {name: values[rows] for name, values in ref.items()}
    t.update(slot_statistics(columns, owner, ref, ref_row, slots))
    squares = t.pop("sum_squares")  # kept for the population figures, not a column
    which = np.tile(np.arange(k), len(profiles))  # each row's nutrient
    chosen = [nutrient(key) for key in ASSESSED]
    index = pd.RangeIndex(slots)
    for name in ("key", "label", "column", "unit"):
        values = np.array([getattr(n, name) for n in chosen], dtype=object)
        t["nutrient" if name == "key" else name] = coded(which, values, index)
    t["days"] = t["days"].astype(np.int64)
    _sd_within(t, profiles, given)
    _formulas(t)
    for name, values in zip(
        ("status", "status_rule", "verdict", "verdict_rule"), verdicts(t, min_days), strict=True
    ):
        t[name] = values
    frame = pd.DataFrame(
        {  # text stays Python objects (object_series), not pandas' string dtype
            name: object_series(v) if isinstance(v, np.ndarray) and v.dtype == object else v
            for name, v in t.items()
        },
        index=index,
        copy=False,
    )
    return frame, DriGroups(stage, list(stages)), squares


def _stages(profiles: list[Profile]) -> tuple[np.ndarray, dict[tuple[float, str, str], int]]:
    """Each person's DRI group as a number, and the groups ``(first age, sex, life stage)``
    numbered in the order they first appear; one look-up per distinct (age group, sex,
    life stage), not per person."""
    lowest = group_starts(np.fromiter(map(attrgetter("age"), profiles), "float64", len(profiles)))
    keys = [
        pd.factorize(values)
        for values in (
            lowest,
            np.array(list(map(attrgetter("sex"), profiles)), dtype=object),
            np.array(list(map(attrgetter("life_stage"), profiles)), dtype=object),
        )
    ]
    combined = np.zeros(len(profiles), dtype=np.int64)
    for codes, uniques in keys:
        combined = combined * len(uniques) + codes
    code_of = pd.factorize(combined)[0]  # numbered in the order of first appearance
    distinct, firsts = np.unique(code_of, return_index=True)
    stages: dict[tuple[float, str, str], int] = {}
    number = np.empty(len(distinct), dtype=np.intp)
    for code, first in zip(distinct.tolist(), firsts.tolist(), strict=True):
        group = group_of(*(uniques[codes[first]] for codes, uniques in keys))
        number[code] = stages.setdefault((group.age_min, group.sex, group.life_stage), len(stages))
    return number[code_of], stages


# ----------------------------------------------------------------- public entry points


def assess(
    daily: pd.DataFrame | Mapping[str, np.ndarray],
    profile: Profile | Mapping[str, Any],
    *,
    sd_within: Mapping[str, float] | None = None,
    min_days: int = 3,
) -> pd.DataFrame:
    """Assess one person's daily intakes against their reference intakes.

    Parameters
    ----------
    daily : pandas.DataFrame or mapping of str to array
        One row per complete day of ONE person (or its columns as float arrays).
        Intake totals in the nutrient columns (``magnesium_mg``, ``calcium_mg``,
        ``potassium_mg``, ``sodium_mg``, ``vitamin_d_ug``, ``vitamin_b12_ug``,
        ``water_g``; NaN where unknown, a missing column counts as unknown), the
        supplement part of each total in ``<nutrient>_supplement_<unit>``
        (``magnesium_supplement_mg``; 0 when none), and optionally
        ``coverage_<nutrient>`` (``coverage_magnesium``, 0-1).
    profile : Profile or mapping
        The person.
    sd_within : mapping, optional
        Within-person SDs by nutrient key or column; override ``profile.sd_within``
        but not a published pooled value.
    min_days : int, default 3
        Fewer days than this adds a warning to ``notes``.

    Returns
    -------
    pandas.DataFrame
        One row per assessed nutrient, columns :data:`ASSESSMENT_COLUMNS`. ``notes``
        is the list of caveats and the wording of the conclusion; ``status`` is one
        of :data:`~nutrilog.assessment.STATUSES` (see :mod:`nutrilog.assessment` for
        the rules).

    Raises
    ------
    ProfileError
        If the profile or ``sd_within`` is invalid.

    See Also
    --------
    assess_people : the same for every person of a daily table at once.

    Examples
    --------
    >>> import pandas as pd
    >>> daily = pd.DataFrame({"magnesium_mg": [300.0, 340.0, 320.0],
    ...                       "magnesium_supplement_mg": [0.0, 0.0, 0.0]})
    >>> out = assess(daily, {"age": 40, "sex": "female"}).set_index("nutrient")
    >>> round(float(out.loc["magnesium", "probability_adequate"]), 2), out.loc["magnesium", "status"]
    (0.84, 'likely adequate')
    """
    person = as_profile(profile)
    columns = DayColumns(daily, None)
    owner = np.zeros(columns.size, dtype=np.intp)
    return _table([person], columns, owner, sd_within, min_days)


def assess_people(
    daily: pd.DataFrame,
    profiles: Mapping[Any, Profile | Mapping[str, Any]],
    *,
    sd_within: Mapping[str, float] | None = None,
    min_days: int = 3,
) -> pd.DataFrame:
    """Assess every person of a daily table at once, as :func:`assess` does for one.

    The statistics of every person come from one group-by and every formula runs
    once over whole columns, which keeps cohorts of thousands of people fast; the
    result is, person by person, what :func:`assess` gives for that person's days.

    Parameters
    ----------
    daily : pandas.DataFrame
        One row per person and date (as :attr:`nutrilog.Analysis.daily`): a
        ``person`` column, the columns :func:`assess` reads, and optionally a
        boolean ``complete``: only complete days are assessed (every day when
        the column is absent). Rows of people not in ``profiles`` are ignored.
    profiles : mapping
        Person → :class:`~nutrilog.profile.Profile` (or its fields). People
        without a complete day get rows of status ``"unknown"``.
    sd_within : mapping, optional
        Within-person SDs by nutrient key or column, for everyone (see :func:`assess`).
    min_days : int, default 3
        Fewer days than this adds a warning to ``notes``.

    Returns
    -------
    pandas.DataFrame
        ``person`` and the columns :data:`ASSESSMENT_COLUMNS`; one row per person
        (in the order of ``profiles``) and assessed nutrient.

    Raises
    ------
    ProfileError
        If a profile or ``sd_within`` is invalid.

    Examples
    --------
    >>> import pandas as pd
    >>> daily = pd.DataFrame({"person": ["ann", "ann", "ann", "bob"],
    ...                       "magnesium_mg": [300.0, 340.0, 320.0, 500.0],
    ...                       "complete": [True, True, True, False]})
    >>> out = assess_people(daily, {"ann": {"age": 40, "sex": "female"},
    ...                             "bob": {"age": 40, "sex": "male"}})
    >>> out.set_index(["person", "nutrient"]).loc[[("ann", "magnesium"), ("bob", "magnesium")], "status"].tolist()
    ['likely adequate', 'unknown']
    """
    return assess_people_later(daily, profiles, sd_within=sd_within, min_days=min_days).finished()


def assess_people_later(
    daily: pd.DataFrame,
    profiles: Mapping[Any, Profile | Mapping[str, Any]],
    *,
    sd_within: Mapping[str, float] | None = None,
    min_days: int = 3,
) -> AssessmentLater:
    """:func:`assess_people` with the words of each row written when first asked for
    (see :class:`AssessmentLater`)."""
    if not isinstance(daily, pd.DataFrame) or "person" not in daily.columns:
        found = (
            type(daily).__name__ if not isinstance(daily, pd.DataFrame) else "no 'person' column"
        )
        raise ArgumentError(f"daily: expected a daily table with a 'person' column, found {found}")
    if not isinstance(profiles, Mapping):
        raise ArgumentError(
            f"profiles: expected a mapping of person to Profile, found {type(profiles).__name__}"
        )
    people = list(profiles)
    persons = [p if type(p) is Profile else as_profile(p) for p in profiles.values()]
    # an index of Python objects (looked up, never shown): no Arrow array of the ids made
    found = positions_in(pd.Index(people, dtype=object), daily["person"]) if people else None
    code = found if found is not None else np.full(len(daily), -1)
    keep = code >= 0
    if "complete" in daily.columns:
        keep &= daily["complete"].to_numpy(dtype=bool)
    rows = np.flatnonzero(keep)
    t, groups, squares = _numbers(persons, DayColumns(daily, rows), code[rows], sd_within, min_days)
    later = AssessmentLater(t, min_days, people, persons, groups)
    if t is not None and squares is not None:
        days = t["days"].to_numpy()
        later.moments = DayMoments(daily, days, t["mean"].to_numpy(), squares)
    return later
