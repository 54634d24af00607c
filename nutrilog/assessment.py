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
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

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


def _phi(z: float) -> float:
    """Standard normal cumulative distribution function."""
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _missing(*values: float | None) -> bool:
    return any(v is None or not math.isfinite(v) for v in values)


def adequacy_z(mean: float, ear: float, sd_req: float, sd_within: float, n: int) -> float:
    """IOM z-score for adequacy: ``(mean - EAR) / sqrt(SD_req**2 + SD_within**2 / n)``.

    Returns NaN when an input is missing or ``n < 1``.

    Examples
    --------
    >>> round(adequacy_z(377.6, 265, 26.5, 86, 3), 2)  # IOM 2000 p.54: 97.5% cut-off at n = 3
    2.0
    """
    if _missing(mean, ear, sd_req, sd_within) or n < 1:
        return math.nan
    sdd = math.sqrt(sd_req**2 + sd_within**2 / n)
    if sdd == 0:
        return math.copysign(math.inf, mean - ear) if mean != ear else 0.0
    return (mean - ear) / sdd


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
    z = adequacy_z(mean, ear, sd_req, sd_within, n)
    return math.nan if math.isnan(z) else _phi(z)


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
    if _missing(mean, level, sd_within) or n < 1:
        return math.nan
    if sd_within == 0:
        return 1.0 if mean > level else 0.0 if mean < level else 0.5
    return _phi((mean - level) / (sd_within / math.sqrt(n)))


def _column(daily: Mapping[str, np.ndarray], names: list[str]) -> np.ndarray | None:
    """The first of ``names`` present in ``daily`` (column name -> float array), else None."""
    for name in names:
        if name in daily:
            return daily[name]
    return None


def _n_rows(daily: Mapping[str, np.ndarray]) -> int:
    return len(next(iter(daily.values()))) if daily else 0


def _float_columns(daily: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each column of ``daily`` as a float array (non-numeric cells become NaN).

    The per-nutrient rules then work on small NumPy arrays, which keeps the
    assessment of thousands of people fast.
    """
    out = {}
    for name in daily.columns:
        if name in ("person", "date"):
            continue
        col = daily[name]
        if not (pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)):
            col = pd.to_numeric(col, errors="coerce")
        out[str(name)] = col.to_numpy(dtype="float64", na_value=np.nan)
    return out


def _pick_sd(
    key: str,
    published: Mapping[str, float],
    given: Mapping[str, float],
    profile_sd: Mapping[str, float],
    sd_days: float,
    n: int,
) -> tuple[float, str, list[str]]:
    """Return SD_within, its basis and notes, in the module's order of preference."""
    notes: list[str] = []
    user = given.get(key, profile_sd.get(key))
    if key in published:
        if user is not None:
            notes.append(f"your SD_within {user:g} was not used: a published pooled value exists")
        return published[key], "published", notes
    if user is not None:
        return user, "user", notes
    if n >= MIN_DAYS_OWN_SD and math.isfinite(sd_days):
        notes.append(
            f"SD_within estimated from your own {n} days: a departure from the IOM method, "
            "which uses a pooled survey SD"
        )
        return sd_days, "own days", notes
    notes.append(
        f"no within-person SD is published for this group; give sd_within or log at least "
        f"{MIN_DAYS_OWN_SD} days to get a probability or confidence level"
    )
    return math.nan, "none", notes


def _adequacy_notes(p: float, z: float) -> str:
    if p >= 0.5:
        return f"usual intake adequate with about {p:.0%} probability (z = {z:.2f}, IOM 2000)"
    return f"usual intake inadequate with about {1 - p:.0%} probability (z = {z:.2f}, IOM 2000)"


def _status(row: dict[str, Any], ul_mean: float) -> str:
    if row["days"] == 0:
        return UNKNOWN
    ul = row["ul"]
    if math.isfinite(ul) and (
        ul_mean > ul
        or (math.isfinite(row["confidence_below_ul"]) and row["confidence_below_ul"] < 0.5)
    ):
        return ABOVE_UL
    if math.isfinite(row["cdrr"]) and row["mean"] > row["cdrr"]:
        return ABOVE_CDRR
    p = row["probability_adequate"]
    if math.isfinite(p):
        if p >= PROBABILITY_THRESHOLDS[LIKELY_ADEQUATE]:
            return LIKELY_ADEQUATE
        return POSSIBLY_LOW if p >= PROBABILITY_THRESHOLDS[POSSIBLY_LOW] else LIKELY_LOW
    return LIKELY_ADEQUATE if row["mean"] >= row["target"] else POSSIBLY_LOW


def _supplement_column(column: str, unit: str) -> str:
    """``magnesium_mg`` -> ``magnesium_supplement_mg``."""
    return column.removesuffix(f"_{unit}") + f"_supplement_{unit}"


def _ul_check(
    ref: Mapping[str, Any], total: np.ndarray, supplement: np.ndarray | None, sd_within: float
) -> tuple[float, float, Any, list[str]]:
    """Mean compared with the UL, confidence below it, days above it, and notes."""
    ul, unit, label = float(ref["ul"]), ref["unit"], str(ref["label"]).lower()
    if not math.isfinite(ul):
        return math.nan, math.nan, pd.NA, []
    if ref["ul_applies_to"] != "supplements":
        values, sd = total, sd_within
        notes: list[str] = []
    elif supplement is None or not len(supplement):
        column = _supplement_column(ref["column"], unit)
        return (
            math.nan,
            math.nan,
            pd.NA,
            [f"no {column} values: supplemental {label} not compared with its UL"],
        )
    else:
        values = supplement
        # day-to-day SD of the person's own doses; no supplement at all is a certain 0
        if (values == 0).all():
            sd = 0.0
        else:
            sd = float(values.std(ddof=1)) if len(values) >= 2 else math.nan
        notes = [
            f"the UL ({ul:g} {unit}) applies to supplemental {label} only "
            f"(supplements averaged {values.mean():.4g} {unit}/day); food is not compared with it"
        ]
    if not len(values):
        return math.nan, math.nan, pd.NA, notes
    mean = float(values.mean())
    confidence = 1.0 - confidence_vs(mean, ul, sd, len(values))
    return mean, confidence, int((values > ul).sum()), notes


def _variability_notes(
    key: str, person: Profile, sd_within: float, sd_days: float, mean: float
) -> list[str]:
    """Caveats on day-to-day variation and nutrient-specific advice."""
    notes: list[str] = []
    cv = sd_within / mean if math.isfinite(sd_within) and mean > 0 else math.nan
    if not math.isfinite(cv) and math.isfinite(sd_days) and mean > 0:
        cv = sd_days / mean
    if key == "vitamin_b12":
        notes.append(
            "daily B12 intake typically varies by more than 60-70% (CV); the normal-theory test is likely to perform poorly (IOM 2000 p.200)"
        )
        if person.age >= 51:
            notes.append(
                "over 50: meet the RDA mainly from fortified foods or a supplement (10-30% absorb food-bound B12 poorly)"
            )
    if math.isfinite(cv) and cv > HIGH_CV:
        notes.append(
            f"day-to-day CV {cv:.0%} is above {HIGH_CV:.0%}: the normal-theory probability may be unreliable"
        )
    if key == "vitamin_d":
        notes.append("vitamin D values assume minimal sun exposure")
    return notes


def _assess_one(
    ref: Mapping[str, Any],
    daily: Mapping[str, np.ndarray],
    person: Profile,
    published: Mapping[str, float],
    given: Mapping[str, float],
    min_days: int,
) -> dict[str, Any]:
    key, col, unit, label = ref["nutrient"], ref["column"], ref["unit"], ref["label"]
    total = _column(daily, [col])
    known = ~np.isnan(total) if total is not None else np.zeros(_n_rows(daily), dtype=bool)
    total = total[known] if total is not None else np.empty(0)
    supplement = _column(daily, [_supplement_column(col, unit)])
    if supplement is not None:
        supplement = supplement[known]
        supplement = supplement[~np.isnan(supplement)]
    coverage = _column(daily, [f"coverage_{key}", f"coverage_{col}"])
    n = len(total)
    mean = float(total.mean()) if n else math.nan
    sd_days = float(total.std(ddof=1)) if n >= 2 else math.nan
    ear, rda, ai, ul, cdrr = (float(ref[c]) for c in ("ear", "rda", "ai", "ul", "cdrr"))
    has_ear = math.isfinite(ear)
    target = rda if has_ear else ai
    notes: list[str] = []

    if n == 0:
        notes.append(f"no day has a known {label} value")
    elif n < min_days:
        notes.append(f"only {n} day(s) with a value; at least {min_days} are advised")

    sd_within, basis, sd_notes = _pick_sd(key, published, given, person.sd_within or {}, sd_days, n)
    if n:
        notes.extend(sd_notes)
    if basis == "published":
        notes.append("published SD_within is for food only (CSFII 1994-96)")
        if person.life_stage != "none":
            notes.append(
                "published SD_within comes from women who were not necessarily pregnant or lactating"
            )

    sd_req = float(ref["req_cv"]) * ear if has_ear else math.nan
    z = probability = conf_ai = math.nan
    if has_ear:
        if str(ref["req_cv_basis"]).startswith("implied"):
            notes.append(
                f"SD_req uses a requirement CV of {100 * float(ref['req_cv']):.3g}% implied by the rounded "
                "EAR/RDA, not published by IOM: the probability is an extrapolation"
            )
        z = adequacy_z(mean, ear, sd_req, sd_within, n)
        probability = math.nan if math.isnan(z) else _phi(z)
        if math.isfinite(probability):
            notes.append(_adequacy_notes(probability, z))
        elif n:
            notes.append(
                f"probability not computed (no SD_within); status compares the mean with the RDA ({rda:g} {unit})"
            )
    else:
        conf_ai = confidence_vs(mean, ai, sd_within, n)
        if math.isfinite(conf_ai):
            notes.append(f"{conf_ai:.0%} confidence that usual intake is at or above the AI")
        notes.append(
            "the AI is not a requirement: intake below it does not mean intake is inadequate"
            if n and mean < ai
            else "the AI is an observed intake of healthy people, not a requirement"
        )

    notes.extend(_variability_notes(key, person, sd_within, sd_days, mean))

    mean_supplement = (
        float(supplement.mean()) if supplement is not None and len(supplement) else math.nan
    )
    ul_mean, conf_ul, days_above_ul, ul_notes = _ul_check(ref, total, supplement, sd_within)
    if n:
        notes.extend(ul_notes)

    conf_cdrr = math.nan
    if math.isfinite(cdrr) and n:
        conf_cdrr = 1.0 - confidence_vs(mean, cdrr, sd_within, n)
        notes.append(
            f"CDRR {cdrr:g} {unit}: reduce intake if above, to lower chronic-disease risk "
            "(not a toxicity limit); testing it with the IOM 2000 method is an extrapolation"
        )

    mean_coverage = float(coverage[known].mean()) if coverage is not None and n else math.nan
    if math.isfinite(mean_coverage) and mean_coverage < LOW_COVERAGE:
        notes.append(
            f"only {mean_coverage:.0%} of logged amounts have a known {label} value: totals may be too low"
        )

    row: dict[str, Any] = {
        "nutrient": key, "label": label, "column": col, "unit": unit, "days": n,
        "mean": mean, "sd_days": sd_days, "ear": ear, "rda": rda, "ai": ai,
        "target": target, "target_kind": "RDA" if has_ear else "AI",
        "pct_of_target": 100.0 * mean / target if n and target > 0 else math.nan,
        "ul": ul, "ul_applies_to": ref["ul_applies_to"], "cdrr": cdrr,
        "days_below_ear": int((total < ear).sum()) if has_ear and n else pd.NA,
        "days_above_ul": days_above_ul, "mean_supplement": mean_supplement,
        "coverage": mean_coverage, "sd_req": sd_req, "sd_within": sd_within,
        "sd_within_basis": basis, "z_adequacy": z, "probability_adequate": probability,
        "confidence_above_ai": conf_ai, "confidence_below_ul": conf_ul,
        "confidence_below_cdrr": conf_cdrr,
    }  # fmt: skip
    row["status"] = _status(row, ul_mean)
    row["notes"] = "; ".join(notes if n else notes[:1])
    return row


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
        One row per complete day of ONE person (or its columns as float arrays,
        which skips a conversion when thousands of people are assessed). Intake totals in the nutrient
        columns (``magnesium_mg``, ``calcium_mg``, ``potassium_mg``, ``sodium_mg``,
        ``vitamin_d_ug``, ``vitamin_b12_ug``, ``water_g``; NaN where unknown, a
        missing column counts as unknown), the supplement part of each total in
        ``<nutrient>_supplement_<unit>`` (``magnesium_supplement_mg``; 0 when none),
        and optionally ``coverage_<nutrient>`` (``coverage_magnesium``, 0-1).
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

    Examples
    --------
    >>> import pandas as pd
    >>> daily = pd.DataFrame({"magnesium_mg": [300.0, 340.0, 320.0],
    ...                       "magnesium_supplement_mg": [0.0, 0.0, 0.0]})
    >>> out = assess(daily, {"age": 40, "sex": "female"}).set_index("nutrient")
    >>> round(float(out.loc["magnesium", "probability_adequate"]), 2), out.loc["magnesium", "status"]
    (0.84, 'possibly low')
    """
    return assessment_frame(assess_rows(daily, profile, sd_within=sd_within, min_days=min_days))


def assess_rows(
    daily: pd.DataFrame | Mapping[str, np.ndarray],
    profile: Profile | Mapping[str, Any],
    *,
    sd_within: Mapping[str, float] | None = None,
    min_days: int = 3,
) -> list[dict[str, Any]]:
    """The rows of :func:`assess` as dicts, so many people can share one DataFrame.

    Examples
    --------
    >>> rows = assess_rows({"magnesium_mg": np.array([300.0, 340.0, 320.0])}, {"age": 40, "sex": "f"})
    >>> [r["nutrient"] for r in rows][:2]
    ['magnesium', 'calcium']
    """
    person = as_profile(profile)
    given = (
        as_profile({**person.model_dump(), "sd_within": dict(sd_within)}).sd_within
        if sd_within
        else {}
    )
    refs, published = _references_for(person.age, person.sex, person.life_stage)
    columns = daily if isinstance(daily, Mapping) else _float_columns(daily)
    return [_assess_one(ref, columns, person, published, given or {}, min_days) for ref in refs]


def assessment_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The assessment table from rows of :func:`assess_rows` (any number of people).

    Examples
    --------
    >>> assessment_frame([])["status"].tolist()
    []
    """
    extra = [c for c in (rows[0] if rows else {}) if c not in ASSESSMENT_COLUMNS]
    out = pd.DataFrame(rows, columns=[*extra, *ASSESSMENT_COLUMNS])
    for col in ("days_below_ear", "days_above_ul"):
        out[col] = out[col].astype("Int64")
    out["days"] = out["days"].astype(int)
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
