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
``status`` is one of :data:`STATUSES`, decided in this order:

1. ``"unknown"``: no day has a value.
2. ``"above upper limit"``: mean intake compared with the UL (supplemental
   magnesium for magnesium) is above it, or the confidence of being below it is
   under 0.5.
3. ``"above CDRR"`` (sodium only): mean above the Chronic Disease Risk Reduction
   intake. This is a "reduce if above" level for chronic-disease risk, not a
   toxicity limit, hence its own status rather than "above upper limit".
4. Nutrients with an EAR and a probability: ``"likely adequate"`` when
   probability >= 0.85 (z ~ 1, the IOM worked example's "85 percent"),
   ``"possibly low"`` when 0.5 <= probability < 0.85, ``"likely low"`` below 0.5
   (:data:`PROBABILITY_THRESHOLDS`).
5. Nutrients with an EAR but no SD_within: mean >= RDA gives
   ``"likely adequate"``, otherwise ``"possibly low"``.
6. Nutrients with an AI: mean >= AI gives ``"likely adequate"``, otherwise
   ``"possibly low"``; an AI alone never gives ``"likely low"``.

Examples
--------
>>> round(probability_of_adequacy(320, 265, 26.5, 86, 3), 2)
0.84
>>> round(confidence_vs(400, 350, 50, 4), 3)
0.977
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.nutrients import ASSESSED
from nutrilog.profile import Profile, as_profile
from nutrilog.references import _stage_profile, published_sd_within, reference_intakes

__all__ = [
    "ASSESSMENT_COLUMNS",
    "STATUSES",
    "PROBABILITY_THRESHOLDS",
    "HIGH_CV",
    "LOW_COVERAGE",
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
ABOVE_UL = "above upper limit"
ABOVE_CDRR = "above CDRR"
UNKNOWN = "unknown"

#: Every value ``status`` can take.
STATUSES: tuple[str, ...] = (
    LIKELY_ADEQUATE,
    POSSIBLY_LOW,
    LIKELY_LOW,
    ABOVE_UL,
    ABOVE_CDRR,
    UNKNOWN,
)

#: Probability of adequacy at or above which the status is "likely adequate", and at or
#: above which it is "possibly low" (below: "likely low"). 0.85 is z ~ 1.0.
PROBABILITY_THRESHOLDS: dict[str, float] = {LIKELY_ADEQUATE: 0.85, POSSIBLY_LOW: 0.5}

#: Within-person CV of daily intake above which the normal-theory test is unreliable
#: (IOM 2000 p.200: "60 to 70 percent").
HIGH_CV: float = 0.60

#: Mean coverage (share of logged amounts with a known value) below which totals may be low.
LOW_COVERAGE: float = 0.9

#: Fewest days from which the person's own day-to-day SD is used as SD_within.
MIN_DAYS_OWN_SD: int = 7

#: Output columns of :func:`assess`, in order.
ASSESSMENT_COLUMNS: list[str] = [
    "nutrient", "label", "column", "unit", "days", "mean", "sd_days", "ear", "rda", "ai",
    "target", "target_kind", "pct_of_target", "ul", "ul_applies_to", "cdrr",
    "days_below_ear", "days_above_ul", "mean_supplement", "coverage", "sd_req", "sd_within",
    "sd_within_basis", "z_adequacy", "probability_adequate", "confidence_above_ai",
    "confidence_below_ul", "confidence_below_cdrr", "status", "notes",
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
    tables: list[tuple[list[dict[str, Any]], dict[str, float]]]  # references, published SDs
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

    @classmethod
    def of(cls, k: int, cohort: _Cohort) -> _Reference:
        """The ``k``-th nutrient of :data:`nutrilog.nutrients.ASSESSED` for every person."""
        rows = [refs[k] for refs, _ in cohort.tables]
        published = [pub for _, pub in cohort.tables]
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
        supplement = cohort.column([_supplement_column(ref.column, ref.unit)])
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
) -> tuple[np.ndarray, np.ndarray]:
    """SD_within and its basis for each person, in the module's order of preference."""
    user, has_user = _user_sd(ref, cohort)
    n = intake.n
    published = ref.has_published
    by_user = ~published & has_user
    own = ~published & ~has_user & (n >= MIN_DAYS_OWN_SD) & np.isfinite(intake.sd_days)
    sd = np.select([published, by_user, own], [ref.published, user, intake.sd_days], np.nan)
    basis = np.select([published, by_user, own], ["published", "user", "own days"], "none")
    basis = basis.astype(object)

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
    return sd, basis


def _adequacy_notes(p: float, z: float) -> str:
    if p >= 0.5:
        return f"usual intake adequate with about {p:.0%} probability (z = {z:.2f}, IOM 2000)"
    return f"usual intake inadequate with about {1 - p:.0%} probability (z = {z:.2f}, IOM 2000)"


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
    no_sd = has_ear & ~np.isfinite(probability) & (n > 0)
    notes.add(
        no_sd,
        [
            f"probability not computed (no SD_within); status compares the mean with the RDA ({rda:g} {ref.unit})"
            for rda in ref.rda[no_sd].tolist()
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


def _variability_notes(
    ref: _Reference, cohort: _Cohort, intake: _Intake, sd_within: np.ndarray, notes: _Notes
) -> None:
    """Caveats on day-to-day variation and nutrient-specific advice."""
    mean, everyone = intake.mean, np.ones(cohort.size, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(np.isfinite(sd_within) & (mean > 0), sd_within / mean, np.nan)
        fallback = ~np.isfinite(cv) & np.isfinite(intake.sd_days) & (mean > 0)
        cv = np.where(fallback, intake.sd_days / mean, cv)
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


def _supplement_column(column: str, unit: str) -> str:
    """``magnesium_mg`` -> ``magnesium_supplement_mg``."""
    return column.removesuffix(f"_{unit}") + f"_supplement_{unit}"


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
    column = _supplement_column(ref.column, ref.unit)
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
    low = np.isfinite(intake.coverage) & (intake.coverage < LOW_COVERAGE)
    notes.add(
        low,
        [
            f"only {c:.0%} of logged amounts have a known {ref.label} value: totals may be too low"
            for c in intake.coverage[low].tolist()
        ],
    )


def _status(
    days: np.ndarray,
    mean: np.ndarray,
    target: np.ndarray,
    ul: np.ndarray,
    ul_mean: np.ndarray,
    conf_ul: np.ndarray,
    cdrr: np.ndarray,
    probability: np.ndarray,
) -> np.ndarray:
    """Each person's status, by the rules of the module docstring (the first that holds wins)."""
    has_p = np.isfinite(probability)
    rules = [
        (days == 0, UNKNOWN),
        (
            np.isfinite(ul) & ((ul_mean > ul) | (np.isfinite(conf_ul) & (conf_ul < 0.5))),
            ABOVE_UL,
        ),
        (np.isfinite(cdrr) & (mean > cdrr), ABOVE_CDRR),
        (has_p & (probability >= PROBABILITY_THRESHOLDS[LIKELY_ADEQUATE]), LIKELY_ADEQUATE),
        (has_p & (probability >= PROBABILITY_THRESHOLDS[POSSIBLY_LOW]), POSSIBLY_LOW),
        (has_p, LIKELY_LOW),
        (mean >= target, LIKELY_ADEQUATE),
    ]
    status = _repeat(POSSIBLY_LOW, len(days))
    for holds, value in reversed(rules):  # later rules first, so that earlier ones win
        status[holds] = value
    return status


def _assess_nutrient(k: int, cohort: _Cohort, min_days: int) -> dict[str, np.ndarray]:
    """The assessment columns of the ``k``-th assessed nutrient, one element per person."""
    ref = _Reference.of(k, cohort)
    intake = _Intake.of(ref, cohort)
    n, mean = intake.n, intake.mean
    notes = _Notes(cohort.size)
    _day_notes(ref, n, min_days, notes)
    sd_within, basis = _pick_sd(ref, cohort, intake, notes)
    sd_req, z, probability, conf_ai = _adequacy(ref, intake, sd_within, notes)
    _variability_notes(ref, cohort, intake, sd_within, notes)
    ul_mean, conf_ul, days_above_ul = _ul_check(ref, intake, sd_within, notes)
    conf_cdrr = _cdrr_check(ref, intake, sd_within, notes)
    _coverage_notes(ref, intake, notes)

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
        "sd_within_basis": basis, "z_adequacy": z, "probability_adequate": probability,
        "confidence_above_ai": conf_ai, "confidence_below_ul": conf_ul,
        "confidence_below_cdrr": conf_cdrr,
        "status": _status(n, mean, target, ref.ul, ul_mean, conf_ul, ref.cdrr, probability),
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
    (0.84, 'possibly low')
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
    ['possibly low', 'unknown']
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


@lru_cache(maxsize=256)
def _references_for(
    age: float, sex: str, life_stage: str
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Reference rows (as dicts) and published SDs of one life stage, cached."""
    person = _stage_profile(age, sex, life_stage)
    refs = reference_intakes(person).to_dict("records")
    pub = published_sd_within(person)
    return refs, dict(zip(pub["nutrient"], pub["sd_within"], strict=True))
