"""How likely one person's usual intake is adequate, following IOM (2000).

The method is the one of *DRI: Applications in Dietary Assessment* (IOM 2000,
ch. 3 and App. B), for ONE person observed on ``n`` days:

* **Nutrients with an EAR** (magnesium, calcium, vitamin D, vitamin B12 from age 1):
  ``z = (mean - EAR) / sqrt(SD_req**2 + SD_within**2 / n)`` with
  ``SD_req = req_cv * EAR``; the probability that usual intake is adequate is
  ``Phi(z)`` (standard normal CDF, computed with :func:`math.erf`).
* **Nutrients with only an AI** (potassium, sodium, water, every infant value):
  ``z = (mean - AI) / (SD_within / sqrt(n))`` is the confidence that usual intake
  is at or above the AI. A low value does not mean inadequate intake.
* **Upper levels**: ``z = (mean - UL) / (SD_within / sqrt(n))`` gives the confidence
  that usual intake is below the UL. The magnesium UL concerns supplements only,
  so only supplemental magnesium (``magnesium_supplement_mg``) is compared with
  it. Sodium has no UL; the same test against its CDRR is an extrapolation of the
  IOM method and flagged as such.

``SD_within`` is the day-to-day SD of one person's intake. In order of
preference: the published pooled survey value for the person's group
(``within_person_sd.csv``; only calcium and magnesium for women 19-50 exist), a
value given by the caller (``sd_within=`` argument, then ``Profile.sd_within``),
the SD of the person's own days when there are at least
:data:`MIN_DAYS_OWN_SD` (a departure from the IOM method, flagged), else none:
the probability stays empty and ``notes`` says why.

:func:`assess` assesses one person; :func:`assess_people` every person of a
daily table at once, each rule running once per nutrient over NumPy arrays of
everyone's days. Both go through the same code, so a person's rows are the
same either way.

Status
------
``status`` is one of :data:`STATUSES`; ``status_rule`` names the rule that set it
and ``status_reason`` says why in plain words. The first rule that holds wins:

1. ``"unknown"`` (rule ``"no data"``): no day has a value.
2. ``"above upper limit"``: mean intake compared with the UL (supplemental
   magnesium for magnesium) is above it, or the confidence of being below it is
   under 0.5.
3. ``"above CDRR"`` (sodium only): mean above the Chronic Disease Risk Reduction
   intake. This is a "reduce if above" level for chronic-disease risk, not a
   toxicity limit, hence its own status rather than "above upper limit".
4. Nutrients with an EAR, a within-person SD and daily intakes symmetric enough
   for the normal-theory test (rule ``"IOM probability"``): the IOM 2000 Table B-1
   criteria on ``z = D / SD_D``, read at one decimal as the IOM reads its own
   worked example (``55 / 56`` "is just slightly less than 1", "a value of about
   1 implies an 85 percent probability", p.54): ``z >= 1.0`` (the IOM's 85 % level
   of confidence that usual intake is adequate) gives ``"likely adequate"``,
   ``0 <= z < 1.0`` (the 50 % and 70 % levels) ``"possibly low"``, and ``z < 0``
   (usual intake more likely inadequate than adequate; the 70 % and 85 % levels of
   inadequacy at -0.5 and -1) ``"likely low"`` (:data:`Z_THRESHOLDS`). Reading z
   to one decimal is the precision of the inputs: SD_req is an assumed 10 % CV
   and the pooled SD_within has two significant figures. So the IOM example
   (a woman at her RDA of 320 mg magnesium over 3 days, z = 0.977, p = 0.836) is
   "likely adequate", as the IOM concludes.
5. Nutrients with an EAR but no within-person SD, or whose daily intake is too
   skewed for the normal-theory test (vitamin B12 always, IOM 2000 p.200; any
   other nutrient whose day-to-day CV is above :data:`HIGH_CV`), follow the IOM
   qualitative rule (rule ``"IOM EAR/RDA rule"``, IOM 2000 pp.57-58): mean below
   the EAR gives ``"likely low"`` (intake very likely needs to improve), between
   the EAR and the RDA ``"possibly low"``, at or above the RDA ``"likely adequate"``
   when observed on at least ``min_days`` days, else ``"uncertain"`` (too few days
   for the IOM's "large number of days"). A probability computed anyway is kept
   in its column and named in ``notes`` for information only.
6. Nutrients with only an AI (potassium, sodium, water, and every infant value;
   rule ``"AI rule"``): mean at or above the AI gives ``"likely adequate"`` (on at
   least ``min_days`` days, else ``"uncertain"``); below the AI ``"cannot tell"``:
   the AI is not a requirement, and intake below it cannot be judged adequate
   or inadequate (IOM 2000 pp.60-61).
7. Coverage (rule ``"coverage"``): when less than :data:`LOW_COVERAGE` of the
   logged food behind a nutrient has a known value (mean of ``coverage_<nutrient>``
   over the days), a ``"likely low"``, ``"possibly low"`` or ``"cannot tell"`` from
   rules 4-6 becomes ``"uncertain"``, with the share covered. Unknown values can
   only add to a total, so ``"likely adequate"`` and the upper-level statuses
   stand.

Examples
--------
>>> round(probability_of_adequacy(320, 265, 26.5, 86, 3), 2)
0.84
>>> round(confidence_vs(400, 350, 50, 4), 3)
0.977
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.profile import Profile, as_profile
from nutrilog.references import (
    _stage_profile,
    published_sd_within,
    reference_intakes,
    sd_within_not_found,
)

__all__ = [
    "ASSESSMENT_COLUMNS",
    "STATUSES",
    "LOW_STATUSES",
    "STATUS_RULES",
    "Z_THRESHOLDS",
    "IOM_LEVELS",
    "Z_DECIMALS",
    "HIGH_CV",
    "LOW_COVERAGE",
    "PARTIAL_COVERAGE",
    "MIN_DAYS_OWN_SD",
    "adequacy_z",
    "probability_of_adequacy",
    "confidence_vs",
    "assess",
    "assess_people",
]

LIKELY_ADEQUATE = "likely adequate"
POSSIBLY_LOW = "possibly low"
LIKELY_LOW = "likely low"
CANNOT_TELL = "cannot tell"
UNCERTAIN = "uncertain"
ABOVE_UL = "above upper limit"
ABOVE_CDRR = "above CDRR"
UNKNOWN = "unknown"

#: Every value ``status`` can take.
STATUSES: tuple[str, ...] = (
    LIKELY_ADEQUATE,
    POSSIBLY_LOW,
    LIKELY_LOW,
    CANNOT_TELL,
    UNCERTAIN,
    ABOVE_UL,
    ABOVE_CDRR,
    UNKNOWN,
)

#: Statuses that say intake is probably short of the requirement.
LOW_STATUSES: tuple[str, ...] = (POSSIBLY_LOW, LIKELY_LOW)

_RULE_NONE = "no data"
_RULE_UL = "upper limit"
_RULE_CDRR = "CDRR"
_RULE_P = "IOM probability"
_RULE_EAR = "IOM EAR/RDA rule"
_RULE_AI = "AI rule"
_RULE_COVERAGE = "coverage"

#: Every value ``status_rule`` can take.
STATUS_RULES: tuple[str, ...] = (
    _RULE_NONE, _RULE_UL, _RULE_CDRR, _RULE_P, _RULE_EAR, _RULE_AI, _RULE_COVERAGE,
)  # fmt: skip

#: IOM 2000 Table B-1: a criterion on ``z = D / SD_D`` and the probability of a correct
#: conclusion that usual intake is adequate (``z > c``) or inadequate (``z < -c``).
IOM_LEVELS: tuple[tuple[float, float], ...] = (
    (2.00, 0.98), (1.65, 0.95), (1.50, 0.93), (1.00, 0.85), (0.50, 0.70), (0.00, 0.50),
)  # fmt: skip

#: z (read at :data:`Z_DECIMALS`) at or above which the status is "likely adequate" (the
#: IOM's 85 % level), and at or above which it is "possibly low" (below: "likely low").
Z_THRESHOLDS: dict[str, float] = {LIKELY_ADEQUATE: 1.0, POSSIBLY_LOW: 0.0}

#: Decimals z is read to before it is compared with :data:`Z_THRESHOLDS`.
Z_DECIMALS: int = 1

#: Within-person CV of daily intake above which the normal-theory test is unreliable
#: (IOM 2000 p.200: "60 to 70 percent"); the status then follows the EAR/RDA rule.
HIGH_CV: float = 0.60

#: Share of the logged food behind a nutrient with a known value below which a low
#: verdict becomes "uncertain". At 80 % covered, the unknown fifth could add a quarter
#: to the known total if it were as rich as the rest (1 / 0.8 = 1.25): more than the
#: step from an EAR to its RDA (RDA = EAR x (1 + 2 CV), 1.2 x EAR for the usual 10 %
#: CV), so a low verdict could be wrong by a whole band. Above it the verdict stands,
#: with a note from :data:`PARTIAL_COVERAGE` down.
LOW_COVERAGE: float = 0.8

#: Share covered below which a note says totals may be too low.
PARTIAL_COVERAGE: float = 0.9

#: Fewest days from which the person's own day-to-day SD is used as SD_within.
MIN_DAYS_OWN_SD: int = 7

#: Output columns of :func:`assess`, in order.
ASSESSMENT_COLUMNS: list[str] = [
    "nutrient", "label", "column", "unit", "days", "mean", "sd_days", "ear", "rda", "ai",
    "target", "target_kind", "pct_of_target", "ul", "ul_applies_to", "cdrr",
    "days_below_ear", "days_above_ul", "mean_supplement", "coverage", "sd_req", "sd_within",
    "sd_within_basis", "sd_within_source", "z_adequacy", "probability_adequate",
    "confidence_above_ai", "confidence_below_ul", "confidence_below_cdrr", "status",
    "status_rule", "status_reason", "notes",
]  # fmt: skip


# ----------------------------------------------------------------- formulas


def _square(values: np.ndarray) -> np.ndarray:
    """``values ** 2`` computed with Python floats, once per distinct value.

    Python's ``x ** 2`` is the C library's ``pow``, which may round differently
    from NumPy's ``x * x`` in the last bit; keeping it keeps every published
    probability exactly as it was.
    """
    distinct, where = np.unique(values, return_inverse=True)
    return np.array([v**2 for v in distinct.tolist()], dtype=np.float64)[where]


def _repeat(value: Any, size: int) -> np.ndarray:
    """An object array holding ``value`` ``size`` times (the same object, not copies)."""
    out = np.empty(size, dtype=object)
    out.fill(value)
    return out


def _phi(z: np.ndarray) -> np.ndarray:
    """Standard normal cumulative distribution function of each element (:func:`math.erf`)."""
    erf = [math.erf(v) for v in (z / math.sqrt(2.0)).tolist()]
    return 0.5 * (1.0 + np.array(erf, dtype=np.float64))


def _finite(*arrays: np.ndarray) -> np.ndarray:
    """True where every array has a finite value."""
    ok = np.isfinite(arrays[0])
    for values in arrays[1:]:
        ok &= np.isfinite(values)
    return ok


def _adequacy_z(
    mean: np.ndarray, ear: np.ndarray, sd_req: np.ndarray, sd_within: np.ndarray, n: np.ndarray
) -> np.ndarray:
    """:func:`adequacy_z` of each element (one per person)."""
    z = np.full(mean.shape, np.nan)
    ok = _finite(mean, ear, sd_req, sd_within) & (n >= 1)
    m, e = mean[ok], ear[ok]
    sdd = np.sqrt(_square(sd_req[ok]) + _square(sd_within[ok]) / n[ok])
    certain = np.where(m != e, np.copysign(np.inf, m - e), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z[ok] = np.where(sdd == 0, certain, (m - e) / sdd)
    return z


def _probability(z: np.ndarray) -> np.ndarray:
    """``Phi(z)`` where ``z`` is known, NaN elsewhere."""
    out = np.full(z.shape, np.nan)
    known = ~np.isnan(z)
    out[known] = _phi(z[known])
    return out


def _confidence_above(
    mean: np.ndarray, level: np.ndarray, sd_within: np.ndarray, n: np.ndarray
) -> np.ndarray:
    """:func:`confidence_vs` of each element (one per person)."""
    out = np.full(mean.shape, np.nan)
    ok = _finite(mean, level, sd_within) & (n >= 1)
    certain = ok & (sd_within == 0)
    out[certain] = np.where(mean > level, 1.0, np.where(mean < level, 0.0, 0.5))[certain]
    test = ok & (sd_within != 0)
    out[test] = _phi((mean[test] - level[test]) / (sd_within[test] / np.sqrt(n[test])))
    return out


def _one(*values: float | None) -> list[np.ndarray]:
    """Each value as a one-element float array (None becomes NaN)."""
    return [np.array([np.nan if v is None else v], dtype=np.float64) for v in values]


def adequacy_z(mean: float, ear: float, sd_req: float, sd_within: float, n: int) -> float:
    """IOM z-score for adequacy: ``(mean - EAR) / sqrt(SD_req**2 + SD_within**2 / n)``.

    Returns NaN when an input is missing or ``n < 1``.

    Examples
    --------
    >>> round(adequacy_z(377.6, 265, 26.5, 86, 3), 2)  # IOM 2000 p.54: 97.5% cut-off at n = 3
    2.0
    """
    return float(_adequacy_z(*_one(mean, ear, sd_req, sd_within), np.array([n]))[0])


def probability_of_adequacy(
    mean: float, ear: float, sd_req: float, sd_within: float, n: int
) -> float:
    """Probability that usual intake meets the person's requirement, ``Phi(z)``.

    Parameters
    ----------
    mean : float
        Mean observed daily intake over ``n`` days.
    ear : float
        Estimated Average Requirement.
    sd_req : float
        SD of the requirement distribution (``req_cv * EAR``).
    sd_within : float
        Within-person (day-to-day) SD of intake.
    n : int
        Number of days observed.

    Returns
    -------
    float
        In [0, 1]; NaN when an input is missing or ``n < 1``.

    Examples
    --------
    IOM 2000 p.54: a woman 31-50, 3-day magnesium mean 320 mg, EAR 265, SD_req 26.5,
    SD_within 86 (z ~ 1, "85 percent"):

    >>> round(probability_of_adequacy(320, 265, 26.5, 86, 3), 3)
    0.836
    """
    z = _adequacy_z(*_one(mean, ear, sd_req, sd_within), np.array([n]))
    return float(_probability(z)[0])


def confidence_vs(mean: float, level: float, sd_within: float, n: int) -> float:
    """Confidence that usual intake is above ``level``: ``Phi((mean - level) / (SD_within / sqrt(n)))``.

    Use it as the confidence of being at or above an AI, and ``1 - confidence_vs(...)``
    as the confidence of being below a UL. With ``sd_within == 0`` the comparison is
    certain (1, 0, or 0.5 on a tie). NaN when an input is missing or ``n < 1``.

    Examples
    --------
    >>> round(confidence_vs(1100, 1000, 325, 7), 2)  # AI-style test, calcium SD 325 mg
    0.79
    >>> confidence_vs(400, 350, 0, 5)
    1.0
    """
    return float(_confidence_above(*_one(mean, level, sd_within), np.array([n]))[0])


# ----------------------------------------------------------------- the people and their days


@dataclass(frozen=True)
class _Days:
    """Day rows of several people, sorted by person: ``owner[i]`` is the person of row ``i``."""

    owner: np.ndarray
    people: int

    def count(self, where: np.ndarray) -> np.ndarray:
        """How many of each person's rows ``where`` selects."""
        return np.bincount(self.owner[where], minlength=self.people)

    def stats(
        self, values: np.ndarray, keep: np.ndarray, *, sd: bool = True
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Number, mean and SD (``ddof=1``, from two values) of each person's kept values.

        People with the same number of kept values are reduced together, as the
        rows of one block; NumPy sums each row in the same pairwise order as the
        person's own array, so every mean and SD is that of ``values[keep]``
        taken person by person, to the last bit. NaN where a person has no value.
        """
        rows = np.flatnonzero(keep)
        n = np.bincount(self.owner[rows], minlength=self.people)
        first = np.cumsum(n) - n  # where each person's kept rows start in ``rows``
        mean = np.full(self.people, np.nan)
        spread = np.full(self.people, np.nan)
        by_count = np.argsort(n, kind="stable")
        for group in np.split(by_count, np.flatnonzero(np.diff(n[by_count])) + 1):
            days = int(n[group[0]]) if len(group) else 0
            if days == 0:
                continue
            block = values[rows[first[group, None] + np.arange(days)]]
            mean[group] = block.mean(axis=1)
            if sd and days >= 2:
                spread[group] = block.std(axis=1, ddof=1)
        return n, mean, spread


@dataclass(frozen=True)
class _Cohort:
    """People assessed together: their profiles, life stages and complete days."""

    profiles: list[Profile]
    stage: np.ndarray  # each person's index in ``stages``
    stages: list[tuple[float, str, str]]  # (age, sex, life stage): one reference set each
    tables: list[_StageTables]  # references and within-person SD sources of each stage
    given: dict[str, float]  # the caller's SD_within by nutrient key
    profile_sd: dict[int, dict[str, float]]  # Profile.sd_within of the people who have one
    columns: Mapping[str, np.ndarray]  # float columns of the day rows
    days: _Days

    @property
    def size(self) -> int:
        return len(self.profiles)

    def per_person(self, values: list[Any], dtype: Any = np.float64) -> np.ndarray:
        """One value per stage spread to the people of that stage."""
        return np.array(values, dtype=dtype)[self.stage]

    def column(self, names: list[str]) -> np.ndarray:
        """The first of ``names`` among the columns; all NaN (no known day) when none is."""
        for name in names:
            if name in self.columns:
                return np.asarray(self.columns[name], dtype=np.float64)
        return np.full(len(self.days.owner), np.nan)


def _cohort(
    profiles: list[Profile],
    columns: Mapping[str, np.ndarray],
    owner: np.ndarray,
    sd_within: Mapping[str, float] | None,
) -> _Cohort:
    index: dict[tuple[float, str, str], int] = {}
    stage = [index.setdefault((p.age, p.sex, p.life_stage), len(index)) for p in profiles]
    return _Cohort(
        profiles=profiles,
        stage=np.array(stage, dtype=np.intp),
        stages=list(index),
        tables=[_references_for(*stage) for stage in index],
        given=_caller_sd(profiles[0], sd_within) if profiles else {},
        profile_sd={i: p.sd_within for i, p in enumerate(profiles) if p.sd_within},
        columns=columns,
        days=_Days(owner=owner, people=len(profiles)),
    )


def _caller_sd(person: Profile, sd_within: Mapping[str, float] | None) -> dict[str, float]:
    """The caller's ``sd_within`` validated (keys become nutrient keys)."""
    if not sd_within:
        return {}
    return as_profile({**person.model_dump(), "sd_within": dict(sd_within)}).sd_within or {}


@dataclass(frozen=True)
class _Reference:
    """One nutrient's reference values, one element per person (from the person's stage)."""

    key: str
    label: str
    column: str
    unit: str
    ear: np.ndarray
    rda: np.ndarray
    ai: np.ndarray
    ul: np.ndarray
    cdrr: np.ndarray
    req_cv: np.ndarray
    ul_applies_to: np.ndarray  # object
    implied_cv: np.ndarray  # the requirement CV is implied by rounded values, not published
    published: np.ndarray  # published pooled SD_within (NaN where none)
    has_published: np.ndarray
    published_source: np.ndarray  # object: where the published SD comes from ("" if none)
    not_found: np.ndarray  # object: what is known where no SD was found ("" if one was)

    @classmethod
    def of(cls, k: int, cohort: _Cohort) -> _Reference:
        """The ``k``-th nutrient of :data:`nutrilog.nutrients.ASSESSED` for every person."""
        rows = [tables.refs[k] for tables in cohort.tables]
        published = [tables.sd for tables in cohort.tables]
        key = rows[0]["nutrient"]
        per_person = cohort.per_person
        return cls(  # key, label, column and unit are the nutrient's, in every stage
            key=key,
            label=rows[0]["label"],
            column=rows[0]["column"],
            unit=rows[0]["unit"],
            **{name: per_person([float(r[name]) for r in rows]) for name in _REFERENCE_VALUES},
            ul_applies_to=per_person([r["ul_applies_to"] for r in rows], object),
            implied_cv=per_person(
                [str(r["req_cv_basis"]).startswith("implied") for r in rows], bool
            ),
            published=per_person([pub.get(key, math.nan) for pub in published]),
            has_published=per_person([key in pub for pub in published], bool),
            published_source=per_person([t.sd_source.get(key, "") for t in cohort.tables], object),
            not_found=per_person([t.sd_missing.get(key, "") for t in cohort.tables], object),
        )


_REFERENCE_VALUES = ("ear", "rda", "ai", "ul", "cdrr", "req_cv")


@dataclass(frozen=True)
class _Intake:
    """One nutrient's intake over each person's days: counts, means and SDs per person."""

    n: np.ndarray
    mean: np.ndarray
    sd_days: np.ndarray
    days_below_ear: np.ndarray
    days_above_ul: np.ndarray
    supplement_n: np.ndarray
    supplement_mean: np.ndarray
    supplement_sd: np.ndarray  # 0 when every dose is 0 (a certain comparison)
    supplement_days_above_ul: np.ndarray
    coverage: np.ndarray

    @classmethod
    def of(cls, ref: _Reference, cohort: _Cohort) -> _Intake:
        """Known days only: a NaN total leaves the day out, with its supplement and coverage."""
        days = cohort.days
        total = cohort.column([ref.column])
        known = ~np.isnan(total)
        n, mean, sd_days = days.stats(total, known)
        supplement = cohort.column([nutrient(ref.key).supplement_column])
        dosed = known & ~np.isnan(supplement)
        supplement_n, supplement_mean, supplement_sd = days.stats(supplement, dosed)
        no_dose = days.count(dosed & (supplement != 0)) == 0
        supplement_sd[(supplement_n > 0) & no_dose] = 0.0
        coverage = cohort.column([f"coverage_{ref.key}", f"coverage_{ref.column}"])
        ear, ul = ref.ear[days.owner], ref.ul[days.owner]
        return cls(
            n=n,
            mean=mean,
            sd_days=sd_days,
            days_below_ear=days.count(known & (total < ear)),
            days_above_ul=days.count(known & (total > ul)),
            supplement_n=supplement_n,
            supplement_mean=supplement_mean,
            supplement_sd=supplement_sd,
            supplement_days_above_ul=days.count(dosed & (supplement > ul)),
            coverage=days.stats(coverage, known, sd=False)[1],
        )


class _Notes:
    """Each person's notes on one nutrient, in the order they are added."""

    def __init__(self, people: int) -> None:
        self._people = people
        self._who: list[np.ndarray] = []
        self._texts: list[np.ndarray] = []

    def add(self, where: np.ndarray, text: str | list[str]) -> None:
        """Add ``text`` to the people ``where`` selects (a list: one text each, in order)."""
        who = np.flatnonzero(where)
        if isinstance(text, str):
            texts = _repeat(text, len(who))
        else:
            texts = np.empty(len(who), dtype=object)
            texts[:] = text
        self._who.append(who)
        self._texts.append(texts)

    def joined(self, first_only: np.ndarray) -> np.ndarray:
        """Each person's notes joined with ``"; "`` (only the first where ``first_only``)."""
        who = np.concatenate([np.empty(0, dtype=np.intp), *self._who])
        order = np.argsort(who, kind="stable")  # person by person, each in the order added
        texts = np.concatenate([np.empty(0, dtype=object), *self._texts])[order].tolist()
        count = np.bincount(who, minlength=self._people)
        start = np.cumsum(count) - count
        stop = start + np.where(first_only, np.minimum(count, 1), count)
        out = np.empty(self._people, dtype=object)
        out[:] = ["; ".join(texts[a:b]) for a, b in zip(start.tolist(), stop.tolist(), strict=True)]
        return out


# ----------------------------------------------------------------- the rules


def _day_notes(ref: _Reference, n: np.ndarray, min_days: int, notes: _Notes) -> None:
    notes.add(n == 0, f"no day has a known {ref.label} value")
    few = (n > 0) & (n < min_days)
    notes.add(
        few,
        [f"only {k} day(s) with a value; at least {min_days} are advised" for k in n[few].tolist()],
    )


def _user_sd(ref: _Reference, cohort: _Cohort) -> tuple[np.ndarray, np.ndarray]:
    """The SD_within given for each person (``sd_within=`` argument, then profile), and where."""
    if ref.key in cohort.given:
        value = cohort.given[ref.key]
        return np.full(cohort.size, value), np.ones(cohort.size, dtype=bool)
    values, given = np.full(cohort.size, np.nan), np.zeros(cohort.size, dtype=bool)
    for person, sds in cohort.profile_sd.items():
        if ref.key in sds:
            values[person], given[person] = sds[ref.key], True
    return values, given


def _pick_sd(
    ref: _Reference, cohort: _Cohort, intake: _Intake, notes: _Notes
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """SD_within, its basis and its source for each person, in the module's order of
    preference."""
    user, has_user = _user_sd(ref, cohort)
    n = intake.n
    published = ref.has_published
    by_user = ~published & has_user
    own = ~published & ~has_user & (n >= MIN_DAYS_OWN_SD) & np.isfinite(intake.sd_days)
    sd = np.select([published, by_user, own], [ref.published, user, intake.sd_days], np.nan)
    basis = np.select([published, by_user, own], ["published", "user", "own days"], "none")
    basis = basis.astype(object)
    source = np.where(ref.not_found == "", "none published for this group", ref.not_found)
    source = source.astype(object)
    source[published] = ref.published_source[published]
    source[by_user] = "given by you (sd_within)"
    source[own] = [f"the SD of your own {k} days" for k in n[own].tolist()]

    unused = published & has_user & (n > 0)
    notes.add(
        unused,
        [
            f"your SD_within {v:g} was not used: a published pooled value exists"
            for v in user[unused].tolist()
        ],
    )
    shown = own & (n > 0)
    notes.add(
        shown,
        [
            f"SD_within estimated from your own {k} days: a departure from the IOM method, "
            "which uses a pooled survey SD"
            for k in n[shown].tolist()
        ],
    )
    notes.add(
        (basis == "none") & (n > 0),
        f"no within-person SD is published for this group; give sd_within or log at least "
        f"{MIN_DAYS_OWN_SD} days to get a probability or confidence level",
    )
    notes.add(published, "published SD_within is for food only (CSFII 1994-96)")
    pregnant_or_lactating = cohort.per_person([s[2] != "none" for s in cohort.stages], bool)
    notes.add(
        published & pregnant_or_lactating,
        "published SD_within comes from women who were not necessarily pregnant or lactating",
    )
    return sd, basis, source


def _read_z(z: np.ndarray) -> np.ndarray:
    """z as it is compared with the criteria: rounded to :data:`Z_DECIMALS` decimals."""
    return np.round(z, Z_DECIMALS)


def _iom_level(z_read: float) -> tuple[float, float]:
    """The IOM 2000 Table B-1 criterion met by ``|z|`` and its probability of a correct
    conclusion (0.5 below the first criterion)."""
    for criterion, level in IOM_LEVELS:
        if abs(z_read) >= criterion:
            return criterion, level
    return 0.0, 0.5


def _adequacy_notes(p: float, z: float) -> str:
    z_read = float(_read_z(np.array([z]))[0])
    criterion, level = _iom_level(z_read)
    read = f"z = {z:.2f}" + (f", read as {z_read:.1f}" if f"{z:.2f}" != f"{z_read:.2f}" else "")
    if z_read >= 0:
        table = f"IOM 2000 Table B-1: {level:.0%} confidence of adequacy at z >= {criterion:.2f}"
        return f"usual intake adequate with about {p:.0%} probability ({read}; {table})"
    table = (
        f"IOM 2000 Table B-1: {level:.0%} confidence of inadequacy at z <= -{criterion:.2f}"
        if criterion > 0
        else "IOM 2000: more likely inadequate than adequate"
    )
    return f"usual intake inadequate with about {1 - p:.0%} probability ({read}; {table})"


def _adequacy(
    ref: _Reference, intake: _Intake, sd_within: np.ndarray, notes: _Notes
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """SD_req, z, probability of adequacy (nutrients with an EAR) and confidence above the AI
    (nutrients with only an AI), with their notes."""
    n, mean = intake.n, intake.mean
    has_ear = np.isfinite(ref.ear)
    sd_req = np.where(has_ear, ref.req_cv * ref.ear, np.nan)
    implied = has_ear & ref.implied_cv
    notes.add(
        implied,
        [
            f"SD_req uses a requirement CV of {100 * cv:.3g}% implied by the rounded "
            "EAR/RDA, not published by IOM: the probability is an extrapolation"
            for cv in ref.req_cv[implied].tolist()
        ],
    )
    z = _adequacy_z(mean, ref.ear, sd_req, sd_within, n)  # NaN without an EAR
    probability = _probability(z)
    computed = has_ear & np.isfinite(probability)
    notes.add(
        computed,
        [
            _adequacy_notes(p, v)
            for p, v in zip(probability[computed].tolist(), z[computed].tolist(), strict=True)
        ],
    )
    ai_only = ~has_ear
    conf_ai = np.where(ai_only, _confidence_above(mean, ref.ai, sd_within, n), np.nan)
    shown = ai_only & np.isfinite(conf_ai)
    notes.add(
        shown,
        [
            f"{c:.0%} confidence that usual intake is at or above the AI"
            for c in conf_ai[shown].tolist()
        ],
    )
    below = (n > 0) & (mean < ref.ai)
    notes.add(
        ai_only & below,
        "the AI is not a requirement: intake below it does not mean intake is inadequate",
    )
    notes.add(ai_only & ~below, "the AI is an observed intake of healthy people, not a requirement")
    return sd_req, z, probability, conf_ai


def _day_cv(intake: _Intake, sd_within: np.ndarray) -> np.ndarray:
    """Day-to-day CV of each person's intake: SD_within / mean, else the SD of the person's
    own days / mean (NaN when neither is known)."""
    mean = intake.mean
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(np.isfinite(sd_within) & (mean > 0), sd_within / mean, np.nan)
        fallback = ~np.isfinite(cv) & np.isfinite(intake.sd_days) & (mean > 0)
        return np.where(fallback, intake.sd_days / mean, cv)


def _skewed(ref: _Reference, cv: np.ndarray) -> np.ndarray:
    """Where daily intake is too skewed for the normal-theory test: always for B12 (IOM 2000
    p.200), and wherever the day-to-day CV is above :data:`HIGH_CV`."""
    if ref.key == "vitamin_b12":
        return np.ones(len(cv), dtype=bool)
    return np.isfinite(cv) & (cv > HIGH_CV)


def _variability_notes(ref: _Reference, cohort: _Cohort, cv: np.ndarray, notes: _Notes) -> None:
    """Caveats on day-to-day variation and nutrient-specific advice."""
    everyone = np.ones(cohort.size, dtype=bool)
    if ref.key == "vitamin_b12":
        notes.add(
            everyone,
            "daily B12 intake typically varies by more than 60-70% (CV); the normal-theory test is likely to perform poorly (IOM 2000 p.200)",
        )
        age = cohort.per_person([s[0] for s in cohort.stages])
        notes.add(
            age >= 51,
            "over 50: meet the RDA mainly from fortified foods or a supplement (10-30% absorb food-bound B12 poorly)",
        )
    high = np.isfinite(cv) & (cv > HIGH_CV)
    notes.add(
        high,
        [
            f"day-to-day CV {v:.0%} is above {HIGH_CV:.0%}: the normal-theory probability may be unreliable"
            for v in cv[high].tolist()
        ],
    )
    if ref.key == "vitamin_d":
        notes.add(everyone, "vitamin D values assume minimal sun exposure")


def _ul_check(
    ref: _Reference, intake: _Intake, sd_within: np.ndarray, notes: _Notes
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean compared with the UL, confidence below it and days above it (NaN where not
    compared), with the notes. A UL on supplements is compared with the doses only."""
    has_ul = np.isfinite(ref.ul)
    on_doses = has_ul & (ref.ul_applies_to == "supplements")
    dosed = intake.supplement_n > 0
    shown = intake.n > 0
    label = ref.label.lower()
    column = nutrient(ref.key).supplement_column
    notes.add(
        on_doses & ~dosed & shown,
        f"no {column} values: supplemental {label} not compared with its UL",
    )
    with_doses = on_doses & dosed & shown
    notes.add(
        with_doses,
        [
            f"the UL ({ul:g} {ref.unit}) applies to supplemental {label} only "
            f"(supplements averaged {m:.4g} {ref.unit}/day); food is not compared with it"
            for ul, m in zip(
                ref.ul[with_doses].tolist(),
                intake.supplement_mean[with_doses].tolist(),
                strict=True,
            )
        ],
    )
    mean = np.where(on_doses, intake.supplement_mean, intake.mean)
    sd = np.where(on_doses, intake.supplement_sd, sd_within)
    n = np.where(on_doses, intake.supplement_n, intake.n)
    tested = has_ul & (n > 0)
    confidence = np.full(len(n), np.nan)
    confidence[tested] = 1.0 - _confidence_above(
        mean[tested], ref.ul[tested], sd[tested], n[tested]
    )
    days = np.where(on_doses, intake.supplement_days_above_ul, intake.days_above_ul)
    return np.where(tested, mean, np.nan), confidence, np.where(tested, days, np.nan)


def _cdrr_check(
    ref: _Reference, intake: _Intake, sd_within: np.ndarray, notes: _Notes
) -> np.ndarray:
    """Confidence below the CDRR (sodium), with its note."""
    tested = np.isfinite(ref.cdrr) & (intake.n > 0)
    confidence = np.full(len(tested), np.nan)
    confidence[tested] = 1.0 - _confidence_above(
        intake.mean[tested], ref.cdrr[tested], sd_within[tested], intake.n[tested]
    )
    notes.add(
        tested,
        [
            f"CDRR {cdrr:g} {ref.unit}: reduce intake if above, to lower chronic-disease risk "
            "(not a toxicity limit); testing it with the IOM 2000 method is an extrapolation"
            for cdrr in ref.cdrr[tested].tolist()
        ],
    )
    return confidence


def _coverage_notes(ref: _Reference, intake: _Intake, notes: _Notes) -> None:
    low = np.isfinite(intake.coverage) & (intake.coverage < PARTIAL_COVERAGE)
    notes.add(
        low,
        [
            f"only {c:.0%} of logged amounts have a known {ref.label} value: totals may be too low"
            for c in intake.coverage[low].tolist()
        ],
    )


@dataclass
class _Verdict:
    """Each person's status, the rule that set it and the reason, built rule by rule."""

    status: np.ndarray
    rule: np.ndarray
    reason: np.ndarray
    open: np.ndarray  # people no rule has decided yet

    @classmethod
    def start(cls, size: int) -> _Verdict:
        return cls(
            status=_repeat(UNKNOWN, size),
            rule=_repeat(_RULE_NONE, size),
            reason=_repeat("no logged day has a value", size),
            open=np.ones(size, dtype=bool),
        )

    def decide(
        self,
        where: np.ndarray,
        status: str,
        rule: str,
        reason: str | Callable[[np.ndarray], list[str]],
    ) -> None:
        """Give the undecided people ``where`` selects a status; ``reason`` is one text, or a
        function of the mask of the people decided giving one text each, in order."""
        take = where & self.open
        texts: Any = reason
        if callable(reason):
            texts = np.empty(int(take.sum()), dtype=object)
            texts[:] = reason(take)
        self.status[take] = status
        self.rule[take] = rule
        self.reason[take] = texts
        self.open &= ~take


def _fmt(value: float) -> str:
    """A number for a reason sentence: 1,234 / 12.5 / 0.35."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _z_reasons(z: np.ndarray, z_read: np.ndarray, where: np.ndarray) -> list[str]:
    """Why the IOM probability gave its status, for the people ``where`` selects."""
    out = []
    for value, read in zip(z[where].tolist(), z_read[where].tolist(), strict=True):
        shown = f"z = {value:.2f}" + (f" (read as {read:.1f})" if round(value, 2) != read else "")
        criterion, level = _iom_level(read)
        if read >= Z_THRESHOLDS[LIKELY_ADEQUATE]:
            out.append(
                f"{shown}: the IOM's {level:.0%} level of confidence that usual intake is "
                f"adequate at z >= {criterion:.2f} (IOM 2000 Table B-1)"
            )
        elif read >= Z_THRESHOLDS[POSSIBLY_LOW]:
            out.append(
                f"{shown}: short of the IOM's 85% level of confidence that usual intake is "
                f"adequate at z >= 1 ({level:.0%} at z >= {criterion:.2f}, IOM 2000 Table B-1)"
            )
        else:
            level_text = (
                f"; {level:.0%} confidence of inadequacy at z <= -{criterion:.2f} "
                "(IOM 2000 Table B-1)"
                if criterion > 0
                else ""
            )
            out.append(f"{shown}: usual intake more likely inadequate than adequate{level_text}")
    return out


def _status(
    ref: _Reference,
    intake: _Intake,
    z: np.ndarray,
    cv: np.ndarray,
    ul_mean: np.ndarray,
    conf_ul: np.ndarray,
    min_days: int,
    notes: _Notes,
) -> _Verdict:
    """Each person's status by the rules of the module docstring (the first that holds wins)."""
    n, mean, unit = intake.n, intake.mean, "µg" if ref.unit == "ug" else ref.unit
    verdict = _Verdict.start(len(n))
    verdict.open &= n > 0
    verdict.decide(
        np.isfinite(ref.ul) & ((ul_mean > ref.ul) | (np.isfinite(conf_ul) & (conf_ul < 0.5))),
        ABOVE_UL,
        _RULE_UL,
        "intake compared with the upper limit is above it",
    )
    verdict.decide(
        np.isfinite(ref.cdrr) & (mean > ref.cdrr),
        ABOVE_CDRR,
        _RULE_CDRR,
        "mean above the Chronic Disease Risk Reduction intake",
    )
    base = verdict.open.copy()
    has_ear = np.isfinite(ref.ear)
    enough = n >= min_days
    few = f"on fewer than {min_days} days"

    # rule 4: the IOM probability, where it may be used
    skewed = _skewed(ref, cv)
    by_p = has_ear & np.isfinite(z) & ~skewed
    z_read = _read_z(z)
    adequate = by_p & (z_read >= Z_THRESHOLDS[LIKELY_ADEQUATE])
    possibly = by_p & ~adequate & (z_read >= Z_THRESHOLDS[POSSIBLY_LOW])

    def z_reasons(take: np.ndarray) -> list[str]:
        return _z_reasons(z, z_read, take)

    verdict.decide(adequate, LIKELY_ADEQUATE, _RULE_P, z_reasons)
    verdict.decide(possibly, POSSIBLY_LOW, _RULE_P, z_reasons)
    verdict.decide(by_p, LIKELY_LOW, _RULE_P, z_reasons)

    # rule 5: the IOM qualitative rule, for EAR nutrients without a usable probability
    qualitative = has_ear & verdict.open
    skipped = qualitative & skewed & np.isfinite(z)
    notes.add(
        skipped,
        [
            f"the probability ({p:.0%}) is shown for information only: daily intake is too "
            "skewed for the normal-theory test, so the status follows the IOM EAR/RDA rule"
            for p in _probability(z[skipped]).tolist()
        ],
    )
    notes.add(
        qualitative & ~np.isfinite(z),
        "no probability without a within-person SD: the status follows the IOM EAR/RDA rule",
    )
    verdict.decide(
        qualitative & (mean < ref.ear),
        LIKELY_LOW,
        _RULE_EAR,
        lambda take: [
            f"mean below the EAR ({_fmt(e)} {unit}): intake very likely needs to improve"
            for e in ref.ear[take].tolist()
        ],
    )
    verdict.decide(
        qualitative & (mean < ref.rda),
        POSSIBLY_LOW,
        _RULE_EAR,
        lambda take: [
            f"mean between the EAR ({_fmt(e)} {unit}) and the RDA ({_fmt(r)} {unit}): "
            "intake probably needs to improve"
            for e, r in zip(ref.ear[take].tolist(), ref.rda[take].tolist(), strict=True)
        ],
    )
    verdict.decide(
        qualitative & enough,
        LIKELY_ADEQUATE,
        _RULE_EAR,
        "mean at or above the RDA over enough days",
    )
    verdict.decide(
        qualitative,
        UNCERTAIN,
        _RULE_EAR,
        f"mean at or above the RDA, but {few}: too few to call it adequate",
    )

    # rule 6: nutrients with an AI only
    ai = ~has_ear & verdict.open
    verdict.decide(
        ai & (mean >= ref.ai) & enough, LIKELY_ADEQUATE, _RULE_AI, "mean at or above the AI"
    )
    verdict.decide(
        ai & (mean >= ref.ai),
        UNCERTAIN,
        _RULE_AI,
        f"mean at or above the AI, but {few}: too few to call it adequate",
    )
    verdict.decide(
        ai,
        CANNOT_TELL,
        _RULE_AI,
        "mean below the AI: adequacy cannot be judged, the AI is not a requirement",
    )

    # rule 7: a low verdict on poorly covered food is uncertain
    cov = intake.coverage
    poor = (
        base
        & np.isfinite(cov)
        & (cov < LOW_COVERAGE)
        & np.isin(verdict.status, [LIKELY_LOW, POSSIBLY_LOW, CANNOT_TELL])
    )
    label = (
        ref.label[0].lower() + ref.label[1:]
        if ref.label[:2] != ref.label[:2].upper()
        else ref.label
    )
    reasons = [
        f"only {c:.0%} of the logged food has a known {label} value (unmatched entries, "
        f"entries without grams or unknown values): the shortfall ({s}) may be a gap in the record"
        for c, s in zip(cov[poor].tolist(), verdict.status[poor].tolist(), strict=True)
    ]
    verdict.status[poor] = UNCERTAIN
    verdict.rule[poor] = _RULE_COVERAGE
    reason = np.empty(len(reasons), dtype=object)
    reason[:] = reasons
    verdict.reason[poor] = reason
    return verdict


def _assess_nutrient(k: int, cohort: _Cohort, min_days: int) -> dict[str, np.ndarray]:
    """The assessment columns of the ``k``-th assessed nutrient, one element per person."""
    ref = _Reference.of(k, cohort)
    intake = _Intake.of(ref, cohort)
    n, mean = intake.n, intake.mean
    notes = _Notes(cohort.size)
    _day_notes(ref, n, min_days, notes)
    sd_within, basis, source = _pick_sd(ref, cohort, intake, notes)
    sd_req, z, probability, conf_ai = _adequacy(ref, intake, sd_within, notes)
    cv = _day_cv(intake, sd_within)
    _variability_notes(ref, cohort, cv, notes)
    ul_mean, conf_ul, days_above_ul = _ul_check(ref, intake, sd_within, notes)
    conf_cdrr = _cdrr_check(ref, intake, sd_within, notes)
    _coverage_notes(ref, intake, notes)
    verdict = _status(ref, intake, z, cv, ul_mean, conf_ul, min_days, notes)

    has_ear = np.isfinite(ref.ear)
    target = np.where(has_ear, ref.rda, ref.ai)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where((n > 0) & (target > 0), 100.0 * mean / target, np.nan)

    def text(value: str) -> np.ndarray:
        return _repeat(value, cohort.size)

    return {
        "nutrient": text(ref.key), "label": text(ref.label), "column": text(ref.column),
        "unit": text(ref.unit), "days": n, "mean": mean, "sd_days": intake.sd_days,
        "ear": ref.ear, "rda": ref.rda, "ai": ref.ai, "target": target,
        "target_kind": np.where(has_ear, "RDA", "AI").astype(object), "pct_of_target": pct,
        "ul": ref.ul, "ul_applies_to": ref.ul_applies_to, "cdrr": ref.cdrr,
        "days_below_ear": np.where(has_ear & (n > 0), intake.days_below_ear, np.nan),
        "days_above_ul": days_above_ul, "mean_supplement": intake.supplement_mean,
        "coverage": intake.coverage, "sd_req": sd_req, "sd_within": sd_within,
        "sd_within_basis": basis, "sd_within_source": source, "z_adequacy": z,
        "probability_adequate": probability, "confidence_above_ai": conf_ai,
        "confidence_below_ul": conf_ul, "confidence_below_cdrr": conf_cdrr,
        "status": verdict.status, "status_rule": verdict.rule, "status_reason": verdict.reason,
        "notes": notes.joined(first_only=n == 0),
    }  # fmt: skip


_COUNT_COLUMNS = ("days_below_ear", "days_above_ul")


def _assess_cohort(cohort: _Cohort, min_days: int) -> pd.DataFrame:
    """Every person's rows (person by person, nutrients in :data:`ASSESSED` order)."""
    if not cohort.size:
        return _empty_frame()
    per_nutrient = [_assess_nutrient(k, cohort, min_days) for k in range(len(ASSESSED))]
    columns: dict[str, Any] = {
        name: np.stack([values[name] for values in per_nutrient], axis=1).reshape(-1)
        for name in ASSESSMENT_COLUMNS
    }
    for name in _COUNT_COLUMNS:
        columns[name] = pd.array(columns[name], dtype="Int64")
    columns["days"] = columns["days"].astype(int)
    return pd.DataFrame(columns)


def _empty_frame() -> pd.DataFrame:
    out = pd.DataFrame(columns=ASSESSMENT_COLUMNS)
    for name in _COUNT_COLUMNS:
        out[name] = out[name].astype("Int64")
    out["days"] = out["days"].astype(int)
    return out


class _FloatColumns(Mapping[str, np.ndarray]):
    """The columns of a daily table (its rows ``rows``) as float arrays, converted on first use.

    Non-numeric cells become NaN; ``person``, ``date`` and ``complete`` are left out.
    """

    def __init__(self, daily: pd.DataFrame, rows: np.ndarray | None = None) -> None:
        skip = ("person", "date", "complete")
        self._daily, self._rows = daily, rows
        self._names = {str(name): name for name in daily.columns if name not in skip}
        self._done: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._done:
            col = self._daily[self._names[name]]
            if not (pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)):
                col = pd.to_numeric(col, errors="coerce")
            values = col.to_numpy(dtype="float64", na_value=np.nan)
            self._done[name] = values if self._rows is None else values[self._rows]
        return self._done[name]

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


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
        joins the caveats and the wording of the conclusion with ``"; "``; ``status``
        is one of :data:`STATUSES` (see the module docstring for the rules).

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
    if isinstance(daily, Mapping):
        columns = dict(daily)
        rows = len(next(iter(columns.values()))) if columns else 0
    else:
        columns, rows = _FloatColumns(daily), len(daily)
    cohort = _cohort([person], columns, np.zeros(rows, dtype=np.intp), sd_within)
    return _assess_cohort(cohort, min_days)


def assess_people(
    daily: pd.DataFrame,
    profiles: Mapping[Any, Profile | Mapping[str, Any]],
    *,
    sd_within: Mapping[str, float] | None = None,
    min_days: int = 3,
) -> pd.DataFrame:
    """Assess every person of a daily table at once, as :func:`assess` does for one.

    Each rule runs once per nutrient over NumPy arrays of every person's days,
    which keeps cohorts of thousands of people fast; the result is, person by
    person, exactly what :func:`assess` gives for that person's days alone.

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
    people = list(profiles)
    persons = [as_profile(profiles[p]) for p in people]
    code = pd.Index(people).get_indexer(daily["person"]) if len(people) else np.full(len(daily), -1)
    keep = code >= 0
    if "complete" in daily.columns:
        keep &= daily["complete"].to_numpy(dtype=bool)
    rows = np.flatnonzero(keep)
    rows = rows[np.argsort(code[rows], kind="stable")]
    cohort = _cohort(persons, _FloatColumns(daily, rows), code[rows], sd_within)
    out = _assess_cohort(cohort, min_days)
    names = np.empty(len(people), dtype=object)
    names[:] = people
    out.insert(0, "person", np.repeat(names, len(ASSESSED)))
    return out


@dataclass(frozen=True)
class _StageTables:
    """What one life stage needs: reference rows (as dicts), published SDs and their sources,
    and, for nutrients without one, what the search for an SD found."""

    refs: list[dict[str, Any]]
    sd: dict[str, float]
    sd_source: dict[str, str]
    sd_missing: dict[str, str]


def _cite_sd(row: Any) -> str:
    """A short citation of a published SD row: what it is, for whom, report and page
    (``within_person_sd.csv`` keeps the full source)."""
    survey = str(row.data).split(",")[0]
    report = re.split(r"[;(]", str(row.source))[0].strip()
    page = re.search(r"p\.\s?\d+", str(row.source))
    where = f"{report}, {page.group(0)}" if page else report
    return f"{row.value_type} pooled {survey} value for {row.group} ({where})"


@lru_cache(maxsize=256)
def _references_for(age: float, sex: str, life_stage: str) -> _StageTables:
    """The reference rows and within-person SD sources of one life stage, cached."""
    person = _stage_profile(age, sex, life_stage)
    pub = published_sd_within(person)
    missing = sd_within_not_found(person)
    return _StageTables(
        refs=reference_intakes(person).to_dict("records"),
        sd=dict(zip(pub["nutrient"], pub["sd_within"], strict=True)),
        sd_source={row.nutrient: _cite_sd(row) for row in pub.itertuples()},
        sd_missing={
            row.nutrient: f"none published for this group ({row.notes})"
            for row in missing.itertuples()
        },
    )
