"""The verdict of each nutrient and the explanation beside a nutrient of concern,
as the report document holds them (see :mod:`nutrilog.report.document`).

Examples
--------
>>> by_probability({"status_rule": "AI rule"})
False
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from nutrilog.nutrients import nutrient
from nutrilog.report.values import amount, clean, number, pct, rows_of

__all__ = ["CONCERN_STATUSES", "by_probability", "verdicts_of", "points", "explanations_of"]

#: Statuses that get an explanation beside the verdict.
CONCERN_STATUSES: tuple[str, ...] = ("possibly low", "likely low", "above upper limit")


def _summary(v: Mapping[str, Any]) -> str:
    """One sentence: mean against the target, likelihood, upper level."""
    column = v["column"]
    if not v.get("days"):
        return "no logged day has a value for this nutrient"
    kind = v.get("target_kind") or "target"
    parts = [
        f"mean {amount(v['mean'], column, per_day=True)} over {v['days']} day(s)"
        + (
            f", {number(v['pct_of_target']):,.0f}% of the {kind} ({amount(v['target'], column)})"
            if math.isfinite(number(v.get("pct_of_target")))
            else ""
        )
    ]
    if math.isfinite(number(v.get("probability_adequate"))) and by_probability(v):
        parts.append(f"{pct(v['probability_adequate'])} probability that usual intake is adequate")
    elif math.isfinite(number(v.get("confidence_above_ai"))):
        parts.append(
            f"{pct(v['confidence_above_ai'])} confidence that usual intake is at or above the AI"
        )
    ul = number(v.get("ul"))
    if math.isfinite(ul):
        if v.get("ul_applies_to") == "supplements":
            parts.append(
                f"supplements {amount(v.get('mean_supplement'), column, per_day=True)} against an "
                f"upper limit of {amount(ul, column)} that applies to supplements only"
            )
        elif math.isfinite(number(v.get("confidence_below_ul"))):
            parts.append(
                f"{pct(v['confidence_below_ul'])} confidence of staying below the upper limit "
                f"({amount(ul, column)})"
            )
        else:
            parts.append(f"upper limit {amount(ul, column)}")
    if math.isfinite(number(v.get("cdrr"))):
        parts.append(f"CDRR {amount(v['cdrr'], column)} (reduce intake if above)")
    return "; ".join(parts)


def by_probability(v: Mapping[str, Any]) -> bool:
    """Whether the IOM probability set the verdict (assessments without ``status_rule``,
    from before the rule was recorded, are read as if it did)."""
    return v.get("status_rule") in (None, "IOM probability")


_RULE_WORDS = {
    "IOM probability": "the IOM probability of adequacy",
    "IOM EAR/RDA rule": "the IOM rule comparing the mean with the EAR and the RDA",
    "AI rule": "the comparison with the Adequate Intake",
    "coverage": "how much of the logged food has a known value",
    "upper limit": "the upper limit",
    "CDRR": "the Chronic Disease Risk Reduction intake",
}


def _reason(v: Mapping[str, Any]) -> str | None:
    """Why the status is what it is, naming the rule (None for assessments without one)."""
    reason, rule = v.get("status_reason"), v.get("status_rule")
    if not reason or not v.get("days"):
        return None
    by = _RULE_WORDS.get(str(rule))
    return f"{v['status']}, by {by}: {reason}" if by else f"{v['status']}: {reason}"


def _sd_used(v: Mapping[str, Any]) -> str | None:
    """Which day-to-day SD the verdict used, and where it comes from (None when unknown)."""
    if not v.get("days") or v.get("sd_within_basis") is None:
        return None
    basis, source = v["sd_within_basis"], v.get("sd_within_source")
    sd = amount(v.get("sd_within"), v["column"])
    if basis == "published":
        return f"day-to-day SD {sd}, {source}" if source else f"day-to-day SD {sd}, published"
    if basis == "user":
        return f"day-to-day SD {sd}, given by you"
    if basis == "own days":
        return (
            f"day-to-day SD {sd}, from your own {v['days']} days "
            "(a departure from the IOM method, which uses a pooled survey SD)"
        )
    return f"no day-to-day SD: {source}" if source else "no day-to-day SD"


_VERDICT_FIELDS = (
    "nutrient", "label", "column", "unit", "status", "days", "mean", "target", "target_kind",
    "pct_of_target", "ear", "rda", "ai", "ul", "ul_applies_to", "cdrr", "mean_supplement",
    "days_below_ear", "days_above_ul", "coverage", "probability_adequate",
    "confidence_above_ai", "confidence_below_ul", "confidence_below_cdrr", "sd_within",
    "sd_within_basis", "sd_within_source", "status_rule", "status_reason",
)  # fmt: skip


def _notes(value: Any) -> list[str]:
    """The notes of an assessment row: a list of sentences (a single text is one note)."""
    if isinstance(value, list | tuple):
        return [str(n) for n in value if str(n).strip()]
    return [value] if isinstance(value, str) and value.strip() else []


def verdicts_of(assessment: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in rows_of(assessment):
        v = {name: clean(row.get(name)) for name in _VERDICT_FIELDS}
        n = nutrient(v["nutrient"] or v["column"])
        v.update(nutrient=n.key, column=v["column"] or n.column, label=v["label"] or n.label)
        v["status"] = v["status"] or "unknown"
        v["concern"] = v["status"] in CONCERN_STATUSES
        v["summary"] = _summary(v)
        v["reason"] = _reason(v)
        v["sd_used"] = _sd_used(v)
        v["notes"] = _notes(row.get("notes"))
        out.append(v)
    return out


def points(items: Any) -> list[dict[str, Any]]:
    """Points (``text``, or a food's ``name``, and the article keys) as plain dicts."""
    return [
        {"text": str(item.get("text") or item.get("name") or ""), "sources": list(item["sources"])}
        for item in items or []
    ]


def explanations_of(
    verdicts: list[dict[str, Any]], data: Mapping[str, Any]
) -> list[dict[str, Any]]:
    nutrients = data.get("nutrients") or {}
    out = []
    for v in verdicts:
        if not v["concern"]:
            continue
        entry = nutrients.get(v["nutrient"]) or {}
        name = nutrient(v["nutrient"]).in_text
        if v["status"] == "above upper limit":
            context = (
                f"Your {name} intake is above the upper limit: more is not better. "
                "What the articles say about its part in muscle work, for context:"
            )
        else:
            context = f"How too little {name} can lead to neck or back spasms:"
        out.append(
            {
                "nutrient": v["nutrient"],
                "label": v["label"],
                "status": v["status"],
                "context": context,
                "role": points(entry.get("role")),
                "mechanism": points(entry.get("mechanism")),
                "interactions": points(entry.get("interactions")),
                "foods": [
                    {"name": p["text"], "sources": p["sources"]} for p in points(entry.get("foods"))
                ],
            }
        )
    return out
