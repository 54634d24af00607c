"""Words and table rows of a cohort report: the population table and one compact line
per person, the same in every format (each writer lays them out in its own markup).

Examples
--------
>>> cohort_headers()[:3]
['Person', 'Group', 'Days']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.report.values import fmt, pct

__all__ = [
    "POPULATION_TITLE",
    "POPULATION_HEADERS",
    "POPULATION_TERMS",
    "COHORT_TITLE",
    "population_rows",
    "population_notes",
    "cohort_headers",
    "cohort_rows",
    "cohort_legend",
    "cohort_hint",
]

POPULATION_TITLE = "Population summary"
COHORT_TITLE = "Each person at a glance"

#: Headers of the population table (amounts in the unit after the nutrient's name).
POPULATION_HEADERS = [
    "Group", "Nutrient", "People", "Mean", "P5", "P25", "P50", "P75", "P95",
    "<EAR", ">=AI", ">UL", "Intake",
]  # fmt: skip

_DISTRIBUTION_SHORT = {
    "usual intake (shrinkage)": "usual",
    "single-day intake": "single day",
    "group mean (no between-person variance left)": "group mean",
    "person means (too few people to adjust)": "person means",
}

#: What the columns of the population table mean (shown under it).
POPULATION_TERMS = (
    "P5-P95: percentiles of usual intake (or of single-day intake where a group has one "
    "day per person). <EAR: share below the EAR (EAR cut-point: the estimated share with "
    "inadequate intake). >=AI: share at or above the AI, where there is no EAR "
    "(descriptive only). >UL: share above the upper limit (sodium: above the CDRR). "
    "n/a: does not apply or cannot be estimated."
)


def _shown_amount(value: Any, key: str) -> str:
    n = nutrient(key)
    x = value * n.display_factor if isinstance(value, int | float) else value
    return fmt(x)


def population_rows(
    population: Mapping[str, Any], compact: bool = False
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the population table (``compact``: P5, P50 and P95 only, short
    nutrient names, for a terminal)."""
    if compact:
        keep = [0, 1, 2, 3, 4, 6, 8, 9, 10, 11, 12]
        headers, rows = population_rows(population)
        for row, r in zip(rows, population["rows"], strict=True):
            n = nutrient(r["nutrient"])
            row[1] = f"{n.short} {n.display_symbol}"
        return [POPULATION_HEADERS[i] for i in keep], [[row[i] for i in keep] for row in rows]
    rows = []
    for r in population["rows"]:
        key = r["nutrient"]
        above = r.get("share_above_ul")
        if above is None and r.get("share_above_cdrr") is not None:
            above = r["share_above_cdrr"]
        rows.append(
            [
                str(r["group"]),
                f"{r['label']} ({nutrient(key).display_symbol})",
                str(r["people"]),
                *[_shown_amount(r.get(c), key) for c in ("mean", "p5", "p25", "p50", "p75", "p95")],
                pct(r.get("share_below_ear")),
                pct(r.get("share_at_or_above_ai")),
                pct(above),
                _DISTRIBUTION_SHORT.get(r.get("distribution"), str(r.get("distribution"))),
            ]
        )
    return POPULATION_HEADERS, rows


def population_notes(population: Mapping[str, Any]) -> list[str]:
    """The method in sentences, then each distinct caveat of the rows once."""
    caveats: dict[str, None] = {}
    for r in population["rows"]:
        for part in str(r.get("note") or "").split("; "):
            if part:
                caveats[part[0].upper() + part[1:] + "."] = None
    return [*population["method"], *caveats]


def cohort_headers() -> list[str]:
    """Headers of the compact per-person lines."""
    return ["Person", "Group", "Days", *[nutrient(k).short for k in ASSESSED]]


def cohort_rows(cohort: Mapping[str, Any]) -> list[list[str]]:
    """One row per person: name, DRI group, days assessed, a short status per nutrient."""
    from nutrilog.report.document import STATUS_SHORT

    return [
        [
            str(line["person"]),
            str(line.get("group") or ""),
            str(line.get("days_assessed") or 0),
            *[STATUS_SHORT.get(line["status"].get(k, "unknown"), "-") for k in ASSESSED],
        ]
        for line in cohort["lines"]
    ]


def cohort_legend() -> str:
    """What the short statuses mean."""
    from nutrilog.report.document import STATUS_SHORT

    return (
        "Status: " + ", ".join(f"{short} {status}" for status, short in STATUS_SHORT.items()) + "."
    )


def cohort_hint(cohort: Mapping[str, Any]) -> str:
    """How to see full sections, and whose are shown."""
    shown = cohort.get("shown") or []
    which = (
        f"Full sections below for: {', '.join(map(str, shown))}. "
        if shown
        else "No full per-person sections in this report. "
    )
    return (
        which + "Ask for them with --person ID (repeatable) or --per-person "
        "(Python: result.report(persons=[...]) or per_person=True)."
    )
