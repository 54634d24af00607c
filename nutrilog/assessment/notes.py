"""The caveats of one assessed row, in plain words, in the order a reader needs them.

:func:`notes` is a plain function of one row of the finished assessment table:
the days observed, the within-person SD used, the probability or confidence and
what it means, day-to-day variation, upper levels, and coverage. A row without
a known day gets one note.

Examples
--------
>>> from types import SimpleNamespace
>>> notes(SimpleNamespace(days=0, label="Potassium"), min_days=3)
['no day has a known Potassium value']
"""

from __future__ import annotations

import math
from typing import Any

from nutrilog.assessment.rules import (
    HIGH_CV,
    MIN_DAYS_OWN_SD,
    PARTIAL_COVERAGE,
    RULE_EAR,
    iom_level,
)
from nutrilog.nutrients import nutrient

__all__ = ["notes"]


def _finite(value: float) -> bool:
    return math.isfinite(value)


def _adequacy(p: float, z: float, z_read: float) -> str:
    criterion, level = iom_level(z_read)
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


def _sd_within(r: Any) -> list[str]:
    """Which day-to-day SD was used, and what that means."""
    if r.sd_within_basis == "published":
        out = []
        if r.has_user_sd:
            out.append(
                f"your SD_within {r.user_sd:g} was not used: a published pooled value exists"
            )
        out.append("published SD_within is for food only (CSFII 1994-96)")
        if r.life_stage != "none":
            out.append(
                "published SD_within comes from women who were not necessarily pregnant or "
                "lactating"
            )
        return out
    if r.sd_within_basis == "own days":
        return [
            f"SD_within estimated from your own {r.days} days: a departure from the IOM method, "
            "which uses a pooled survey SD"
        ]
    if r.sd_within_basis == "none":
        return [
            "no within-person SD is published for this group; give sd_within or log at least "
            f"{MIN_DAYS_OWN_SD} days to get a probability or confidence level"
        ]
    return []


def _likelihood(r: Any) -> list[str]:
    """What the probability of adequacy, or the confidence above the AI, says."""
    if _finite(r.ear):
        out = []
        if r.implied_cv:
            out.append(
                f"SD_req uses a requirement CV of {100 * r.req_cv:.3g}% implied by the rounded "
                "EAR/RDA, not published by IOM: the probability is an extrapolation"
            )
        if _finite(r.probability_adequate):
            out.append(_adequacy(r.probability_adequate, r.z_adequacy, r.z_read))
        return out
    out = []
    if _finite(r.confidence_above_ai):
        out.append(
            f"{r.confidence_above_ai:.0%} confidence that usual intake is at or above the AI"
        )
    if r.mean < r.ai:
        out.append(
            "the AI is not a requirement: intake below it does not mean intake is inadequate"
        )
    else:
        out.append("the AI is an observed intake of healthy people, not a requirement")
    return out


def _variation(r: Any) -> list[str]:
    """Day-to-day variation, and advice that belongs to one nutrient."""
    out = []
    if r.nutrient == "vitamin_b12":
        out.append(
            "daily B12 intake typically varies by more than 60-70% (CV); the normal-theory "
            "test is likely to perform poorly (IOM 2000 p.200)"
        )
        if r.age >= 51:
            out.append(
                "over 50: meet the RDA mainly from fortified foods or a supplement (10-30% "
                "absorb food-bound B12 poorly)"
            )
    if _finite(r.cv) and r.cv > HIGH_CV:
        out.append(
            f"day-to-day CV {r.cv:.0%} is above {HIGH_CV:.0%}: the normal-theory probability "
            "may be unreliable"
        )
    if r.nutrient == "vitamin_d":
        out.append("vitamin D values assume minimal sun exposure")
    return out


def _upper_levels(r: Any) -> list[str]:
    """How intake was compared with the UL (supplements only for magnesium) and the CDRR."""
    out = []
    if _finite(r.ul) and r.ul_applies_to == "supplements":
        n = nutrient(r.nutrient)
        if r.supplement_days == 0:
            out.append(
                f"no {n.supplement_column} values: supplemental {r.label.lower()} not "
                "compared with its UL"
            )
        else:
            out.append(
                f"the UL ({r.ul:g} {r.unit}) applies to supplemental {r.label.lower()} only "
                f"(supplements averaged {r.mean_supplement:.4g} {r.unit}/day); food is not "
                "compared with it"
            )
    if _finite(r.cdrr):
        out.append(
            f"CDRR {r.cdrr:g} {r.unit}: reduce intake if above, to lower chronic-disease risk "
            "(not a toxicity limit); testing it with the IOM 2000 method is an extrapolation"
        )
    return out


def _verdict_basis(r: Any) -> list[str]:
    """Why an EAR nutrient's status follows the EAR/RDA rule instead of the probability."""
    if r.verdict_rule != RULE_EAR:
        return []
    if _finite(r.z_adequacy):
        return [
            f"the probability ({r.probability_adequate:.0%}) is shown for information only: "
            "daily intake is too skewed for the normal-theory test, so the status follows the "
            "IOM EAR/RDA rule"
        ]
    return ["no probability without a within-person SD: the status follows the IOM EAR/RDA rule"]


def notes(r: Any, min_days: int) -> list[str]:
    """The notes of one row of the assessment table, in order.

    ``r`` has the table's fields and the working fields ``has_user_sd``, ``user_sd``,
    ``life_stage``, ``age``, ``implied_cv``, ``req_cv``, ``cv``, ``z_read``,
    ``supplement_days`` and ``verdict_rule`` (the rule that held before the coverage rule).
    """
    if r.days == 0:
        return [f"no day has a known {r.label} value"]
    out = []
    if r.days < min_days:
        out.append(f"only {r.days} day(s) with a value; at least {min_days} are advised")
    out += _sd_within(r)
    out += _likelihood(r)
    out += _variation(r)
    out += _upper_levels(r)
    if _finite(r.coverage) and r.coverage < PARTIAL_COVERAGE:
        out.append(
            f"only {r.coverage:.0%} of logged amounts have a known {r.label} value: totals may "
            "be too low"
        )
    out += _verdict_basis(r)
    return out
