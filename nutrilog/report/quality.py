"""The data-quality part of the report document: counts, coverage, unmatched and
rejected entries, the entries worth fixing and the assumptions made.

Examples
--------
>>> import pandas as pd
>>> coverage(pd.DataFrame({"coverage_magnesium": [1.0, 0.5]}), ["me"])[0]["coverage"]
0.75
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

from nutrilog.assumptions import summarize_assumptions
from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.report.values import clean, records

if TYPE_CHECKING:
    from nutrilog.analysis import Analysis

__all__ = ["coverage", "fixes_of", "data_quality"]

_ASSUMPTIONS_SHOWN = 10  # entries whose assumptions carry the most grams, listed


def _unmatched(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict("records"):
        listed = row.get("suggestions")
        options = [
            {
                "id": clean(o[0]),
                "description": clean(o[1]),
                "score": clean(o[2]) if len(o) > 2 else None,
            }
            for o in (listed if isinstance(listed, list | tuple) else [])
        ]
        out.append(
            {
                **{k: clean(row.get(k)) for k in ("source", "line", "text", "food")},
                "suggestions": options,
            }
        )
    return out


def coverage(
    daily: pd.DataFrame, people: list[str], everyone: bool = False
) -> list[dict[str, Any]]:
    """Mean coverage per person and nutrient (one group-by); ``everyone`` adds rows
    for ``"all people"`` (the mean over every day of the log)."""
    described = [nutrient(key) for key in ASSESSED]
    columns = [n.coverage_column for n in described]
    values = pd.DataFrame(
        {c: pd.to_numeric(daily[c], errors="coerce") if c in daily else math.nan for c in columns},
        index=daily.index,
    )
    if "person" in daily.columns:
        means = values.groupby(daily["person"].astype(str).to_numpy()).mean()
    else:
        means = pd.DataFrame([values.mean()], index=people[:1])
    means = means.reindex([str(p) for p in people])
    out = [
        {"person": person, "nutrient": n.key, "label": n.label, "coverage": clean(value)}
        for person, row in zip(people, means.to_numpy().tolist(), strict=True)
        for n, value in zip(described, row, strict=True)
    ]
    if everyone:
        overall = values.mean().tolist()
        out += [
            {"person": "all people", "nutrient": n.key, "label": n.label, "coverage": clean(v)}
            for n, v in zip(described, overall, strict=True)
        ]
    return out


def fixes_of(analysis: Analysis) -> list[dict[str, Any]]:
    """The entries worth fixing (``Analysis.fixes``; none for an analysis without them)."""
    frame = getattr(analysis, "fixes", None)
    if not isinstance(frame, pd.DataFrame):
        return []
    found = records(frame)
    for fix in found:  # no food (yet): null, as every unknown value of the document
        for key in ("food_id", "food", "options"):
            if fix.get(key) == "":
                fix[key] = None
    return found


def data_quality(
    analysis: Analysis, people: list[str], fixes: list[dict[str, Any]], everyone: bool = False
) -> dict[str, Any]:
    rejected = analysis.rejected
    return {
        "counts": {str(k): clean(v) for k, v in analysis.counts.items()},
        "coverage": coverage(analysis.daily, people, everyone),
        "unmatched": _unmatched(analysis.unmatched),
        "rejected": records(
            rejected[[c for c in ("source", "line", "text", "reason") if c in rejected]]
        ),
        "fixes": fixes,
        "assumptions": summarize_assumptions(analysis.categorical_entries(), _ASSUMPTIONS_SHOWN),
    }
