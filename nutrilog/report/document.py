"""The report as one plain document, built from an :class:`~nutrilog.analysis.Analysis`.

:data:`SECTIONS` and :data:`PERSON_SECTIONS` list the sections and their order, once,
for every format; :func:`build_document` gathers their content. The document is
JSON-ready data, and every writer (text, Markdown, HTML, JSON) renders this same
document, so the formats never disagree.

JSON schema (``schema_version`` "1.3")
--------------------------------------
Every number is in the unit of its column (water in grams); unknown values are
``null``, never 0; dates are ``"YYYY-MM-DD"``. Keys are only ever added in a
minor version, never renamed or removed (1.1 added the articles' ``url`` and
``kind``, the verdicts' ``status_rule``, ``status_reason``, ``sd_within_source``,
``reason`` and ``sd_used``, the suggestions' ``kind``, ``counts.lines_read`` and
``counts.skipped_lines``, and ``data_quality.assumptions``; 1.2 added each
person's ``overview``, ``weekly`` and ``period.undated_entries``, the top foods'
``description`` and ``entries`` (``food`` is now the food as the log wrote it),
and ``data_quality.fixes``; 1.3 added ``population`` and ``cohort``, each null unless
shown, and the ``"all people"`` coverage rows of a cohort)::

    {
      "schema_version": "1.3",
      "generator": "nutrilog 0.1.0",
      "articles": {"neck": {"title": str, "url": str | null, "kind": "article"},
                   "back": {...}, "nutrilog": {"title": str, "url": null, "kind": "note"}},
      "population": null | {"by": [str], "method": [str],
                     "rows": [{<by columns>, "group", "nutrient", "label", "unit",
                               "people", "days_per_person", "mean", "p5", "p25", "p50",
                               "p75", "p95", "share_below_ear", "share_at_or_above_ai",
                               "share_above_ul", "share_above_cdrr", "method",
                               "distribution", "shrinkage", "sd_within", "sd_between",
                               "note"}]},
      "cohort": null | {"people": int, "shown": [str],
                 "lines": [{"person": str, "group": str, "days_assessed": int,
                            "status": {nutrient key: status}}]},
      "people": [{       (everybody, or in a cohort only the people asked for)
        "person": str, "profile": str | null,
        "period": {"first": date | null, "last": date | null, "days": int,
                   "days_assessed": int | null, "undated_entries": int},
        "overview": {"uncertain": [{"nutrients": [key], "status": str | null,
                                    "text": str}],
                     "next_steps": [{"kind" ("fix" | "food" | "reduce" | "dates" |
                                     "keep"), "nutrient": key | null, "text": str}]},
        "verdicts": [{
          "nutrient", "label", "column", "unit", "status", "concern": bool,
          "days", "mean", "target", "target_kind" ("RDA" | "AI"), "pct_of_target",
          "ear", "rda", "ai", "ul", "ul_applies_to" ("all" | "supplements" | "none"),
          "cdrr", "mean_supplement", "days_below_ear", "days_above_ul", "coverage",
          "probability_adequate", "confidence_above_ai", "confidence_below_ul",
          "confidence_below_cdrr", "sd_within", "sd_within_basis", "sd_within_source",
          "status_rule", "status_reason", "summary": str, "reason": str | null,
          "sd_used": str | null, "notes": [str]}],
        "explanations": [{
          "nutrient", "label", "status", "context": str,
          "role": [point], "mechanism": [point], "interactions": [point],
          "foods": [{"name": str, "sources": [article key]}]}],
        "suggestions": [{"kind" ("food" | "note"), "nutrient", "label", "food_id",
                         "description", "portion", "grams", "amount", "unit", "covers",
                         "text"}],
        "daily": [{"date", <every column of Analysis.daily>}],
        "weekly": [{"week": date (its Monday), "days": int, <column>: mean}]
                  (only when the log spans more than four weeks),
        "top_foods": [{"nutrient", "column", "food", "description", "entries",
                       "amount", "share"}]}],
      "data_quality": {
        "counts": {"rows_read", "entries", "matched", "unmatched", "no_grams",
                   "supplements", "reported", "rejected",
                   "lines_read", "skipped_lines"},   (1.1: every input line is an
                   entry, a rejected row or a skipped header/heading/comment/blank line)
        "coverage": [{"person", "nutrient", "label", "coverage"}],
        "unmatched": [{"source", "line", "text", "food",
                       "suggestions": [{"id", "description", "score"}]}],
        "rejected": [{"source", "line", "text", "reason"}],
        "fixes": [{"text", "unit", "food_id", "food", "grams_per_unit", "tier"
                   ("missing" | "unsure" | "estimated"), "problem", "entries", "grams",
                   "example", "options"}],
        "assumptions": {"entries": int, "count": int, "by_tag": {tag: int},
                        "heaviest": [{"source", "line", "text", "food", "description",
                                      "grams", "magnesium_mg", "calcium_mg",
                                      "potassium_mg",
                                      "assumptions": [{"tag", "detail"}]}]}},
      "other_causes": [{"cause": str, "text": str, "sources": [article key]}],
      "see_a_clinician": [point],
      "disclaimer": str
    }

where ``point`` is ``{"text": str, "sources": [article key]}``, probabilities,
confidences, ``covers``, ``share`` and ``coverage`` are fractions 0–1, and
``pct_of_target`` is a percentage; ``notes`` holds one sentence per item.

Examples
--------
>>> SECTIONS[:4], PERSON_SECTIONS[0]
(('title', 'population', 'cohort', 'people'), 'verdicts')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from nutrilog._version import version
from nutrilog.assumptions import summarize_assumptions
from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.report.values import amount, clean, number, pct, records

if TYPE_CHECKING:
    from nutrilog.analysis import Analysis

__all__ = [
    "SCHEMA_VERSION",
    "COHORT_AFTER",
    "STATUS_SHORT",
    "CONCERN_STATUSES",
    "SECTIONS",
    "PERSON_SECTIONS",
    "GENERAL",
    "WEEKLY_AFTER_DAYS",
    "build_document",
    "weekly_means",
    "by_probability",
]

#: Version of the JSON document; bumped (minor) when keys are added.
SCHEMA_VERSION = "1.3"

#: A log of more people than this is a cohort: its report leads with the population
#: summary and one compact line per person; full per-person sections only on request.
COHORT_AFTER = 5

#: Short words for each status in the compact per-person lines of a cohort.
STATUS_SHORT: dict[str, str] = {
    "likely adequate": "ok",
    "possibly low": "low?",
    "likely low": "LOW",
    "cannot tell": "<AI",
    "uncertain": "?",
    "above upper limit": "HIGH",
    "above CDRR": ">CDRR",
    "unknown": "-",
}

#: Statuses that get an explanation beside the verdict.
CONCERN_STATUSES: tuple[str, ...] = ("possibly low", "likely low", "above upper limit")

#: The sections of the report in the order every format shows them: the title and
#: the notice that this is not medical advice, the population summary and one compact
#: line per person (cohorts, or on request), each person's part (``people``: the
#: :data:`PERSON_SECTIONS`), the entries worth fixing, data quality, other causes of
#: spasms, when to see a clinician, the sources, the details (statistics, daily
#: totals, every note: collapsed in HTML, ``details=True`` in text) and the disclaimer.
SECTIONS: tuple[str, ...] = (
    "title",
    "population",
    "cohort",
    "people",
    "fixes",
    "data_quality",
    "other_causes",
    "see_a_clinician",
    "sources",
    "details",
    "not_advice",
)

#: The sections of each person's part, in order: the answer first (the verdict table,
#: what is uncertain and why, the next steps), then foods that would close each
#: shortfall, the foods that gave the most, the charts, and the explanation beside
#: each nutrient of concern.
PERSON_SECTIONS: tuple[str, ...] = (
    "verdicts",
    "overview",
    "suggestions",
    "top_foods",
    "charts",
    "explanations",
)

#: Label of the suggestion notes that concern no single nutrient.
GENERAL = "About these suggestions"

_NOT_ADVICE = "This report is not medical advice."
_NOT_ADVICE_DETAIL = (
    "It compares what you logged with reference intakes and cannot diagnose a deficiency "
    "or the cause of a spasm."
)
_ASSUMPTIONS_SHOWN = 10  # entries whose assumptions carry the most grams, listed


# --------------------------------------------------------------------------- verdicts


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


def _verdicts(assessment: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in assessment.to_dict("records"):
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


# --------------------------------------------------------------------------- explanations


def _points(items: Any) -> list[dict[str, Any]]:
    """Points (``text``, or a food's ``name``, and the article keys) as plain dicts."""
    return [
        {"text": str(item.get("text") or item.get("name") or ""), "sources": list(item["sources"])}
        for item in items or []
    ]


def _explanations(verdicts: list[dict[str, Any]], data: Mapping[str, Any]) -> list[dict[str, Any]]:
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
                "role": _points(entry.get("role")),
                "mechanism": _points(entry.get("mechanism")),
                "interactions": _points(entry.get("interactions")),
                "foods": [
                    {"name": p["text"], "sources": p["sources"]}
                    for p in _points(entry.get("foods"))
                ],
            }
        )
    return out


# --------------------------------------------------------------------------- a person's part


def _suggestions(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Suggested foods and suggestion notes (``kind`` "note": a caveat, or why none is
    offered); a note with no nutrient concerns every suggestion."""
    out = []
    for row in frame.to_dict("records"):
        name = row.get("nutrient")
        s = {key: clean(row.get(key)) for key in (
            "food_id", "description", "portion", "grams", "amount", "covers", "text")}  # fmt: skip
        s["kind"] = str(row.get("kind") or "food")
        if isinstance(name, str) and name:
            n = nutrient(name)
            s.update(nutrient=n.key, label=n.label, column=n.column, unit=n.unit)
        else:
            s.update(nutrient=None, label=GENERAL, column=None, unit=None)
        out.append(s)
    return out


def _period(daily: pd.DataFrame, undated: int) -> dict[str, Any]:
    dates = pd.to_datetime(daily["date"], errors="coerce") if "date" in daily else pd.Series([])
    assessed = (
        int(daily["complete"].fillna(False).astype(bool).sum()) if "complete" in daily else None
    )
    return {
        "first": clean(dates.min()) if dates.notna().any() else None,
        "last": clean(dates.max()) if dates.notna().any() else None,
        "days": int(dates.notna().sum()),
        "days_assessed": assessed,
        "undated_entries": undated,
    }


#: A log spanning more than this many days also gets weekly means (the trend view).
WEEKLY_AFTER_DAYS = 28


def weekly_means(daily: pd.DataFrame, min_span_days: int = WEEKLY_AFTER_DAYS) -> pd.DataFrame:
    """Weekly means of the assessed days (weeks starting on Monday).

    Empty unless the dated days span more than ``min_span_days`` days (by default
    :data:`WEEKLY_AFTER_DAYS`: the report's trend view is for long logs).

    Examples
    --------
    >>> days = pd.DataFrame({"date": pd.date_range("2026-10-05", periods=35),
    ...                      "magnesium_mg": 200.0, "complete": True})
    >>> first = weekly_means(days).iloc[0]
    >>> str(first["week"].date()), int(first["days"]), float(first["magnesium_mg"])
    ('2026-10-05', 7, 200.0)
    """
    columns = [nutrient(k).column for k in ASSESSED]
    if "date" not in daily or daily.empty:
        return pd.DataFrame(columns=["week", "days", *columns])
    dates = pd.to_datetime(daily["date"], errors="coerce")
    if dates.notna().sum() == 0 or (dates.max() - dates.min()).days <= min_span_days:
        return pd.DataFrame(columns=["week", "days", *columns])
    rows = daily[dates.notna()]
    if "complete" in rows:
        rows = rows[rows["complete"].fillna(False).astype(bool)]
    dates = pd.to_datetime(rows["date"])
    week = (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    present = [c for c in columns if c in rows]
    means = rows[present].apply(pd.to_numeric, errors="coerce").groupby(week.to_numpy()).mean()
    out = means.reindex(columns=columns)
    out.insert(0, "days", rows.groupby(week.to_numpy()).size())
    out.insert(0, "week", out.index)
    return out.reset_index(drop=True)


def _for_person(frame: pd.DataFrame, person: str) -> pd.DataFrame:
    if "person" not in frame.columns:
        return frame
    return frame[frame["person"].astype(str) == person]


def _undated(entries: pd.DataFrame, person: str) -> int:
    """How many of a person's entries have no date."""
    rows = _for_person(entries, person)
    return int(rows["date"].isna().sum()) if "date" in rows else 0


def _person(
    analysis: Analysis,
    person: str,
    data: Mapping[str, Any],
    fixes: list[dict[str, Any]],
    suggested: pd.DataFrame,
    foods: pd.DataFrame,
) -> dict[str, Any]:
    from nutrilog.report.overview import overview

    profile = analysis.profiles.get(person)
    assessed = (  # this person's sentences only, not the whole cohort's
        analysis.assessment_of([person])
        if hasattr(analysis, "assessment_of")
        else analysis.assessment
    )
    verdicts = _verdicts(_for_person(assessed, person))
    daily = _for_person(analysis.daily, person).drop(columns="person", errors="ignore")
    if "date" in daily.columns:
        daily = daily.sort_values("date", kind="stable")
    top = _for_person(foods, person).drop(columns="person", errors="ignore")
    period = _period(daily, _undated(analysis.categorical_entries(), person))
    suggestions = _suggestions(_for_person(suggested, person))
    return {
        "person": person,
        "profile": profile.describe() if profile is not None else None,
        "period": period,
        "overview": overview(verdicts, suggestions, period, fixes, period["undated_entries"]),
        "verdicts": verdicts,
        "explanations": _explanations(verdicts, data),
        "suggestions": suggestions,
        "daily": records(daily),
        "weekly": records(weekly_means(daily)),
        "top_foods": records(top),
    }


# --------------------------------------------------------------------------- data quality


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


def _coverage(
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


def _fixes(analysis: Analysis) -> list[dict[str, Any]]:
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


def _data_quality(
    analysis: Analysis, people: list[str], fixes: list[dict[str, Any]], everyone: bool = False
) -> dict[str, Any]:
    rejected = analysis.rejected
    return {
        "counts": {str(k): clean(v) for k, v in analysis.counts.items()},
        "coverage": _coverage(analysis.daily, people, everyone),
        "unmatched": _unmatched(analysis.unmatched),
        "rejected": records(
            rejected[[c for c in ("source", "line", "text", "reason") if c in rejected]]
        ),
        "fixes": fixes,
        "assumptions": summarize_assumptions(analysis.categorical_entries(), _ASSUMPTIONS_SHOWN),
    }


# --------------------------------------------------------------------------- the document


def _explanation_data(analysis: Analysis) -> dict[str, Any]:
    """The explanations as plain data (the bundled ones when the analysis has none)."""
    from nutrilog.explanations import load_explanations

    explanations = analysis.explanations or load_explanations()
    return explanations.model_dump()


def _disclaimer(data: Mapping[str, Any]) -> str:
    given = (data.get("disclaimer") or {}).get("text")
    text = str(given).strip() if given else _NOT_ADVICE_DETAIL
    return f"{_NOT_ADVICE} {text}"


def _population(analysis: Analysis, by: Any = None) -> dict[str, Any]:
    """The population summary (``Analysis.population(by)``) and how it was made."""
    from nutrilog.assessment.population import POPULATION_COLUMNS

    frame = analysis.population(by=by)
    by = [c for c in frame.columns if c not in POPULATION_COLUMNS]
    return {"by": by, "method": list(POPULATION_METHOD), "rows": records(frame)}


#: How the population figures are made and what they cannot say, one sentence each.
POPULATION_METHOD: tuple[str, ...] = (
    "Groups are DRI groups (life-stage group x sex x pregnancy/lactation) unless chosen "
    "otherwise; each person's intake is the mean of their assessed days.",
    "Where part of a group has two or more days, day-to-day variation is removed first: "
    "each person's mean is shrunk toward the group mean by s_b / s_obs (NRC/Iowa State), "
    "with s_b^2 = s_obs^2 - s_w^2 / k and s_w^2 pooled from the people with two or more days.",
    "With one day per person the figures describe single-day intake, whose tails are wider "
    "than those of usual intake: the shares below the EAR and above the UL are overstated.",
    "The share below the EAR is the EAR cut-point estimate of inadequacy: it assumes intake "
    "and requirement are independent, the requirement is symmetric and varies less than "
    "intake, and usual intake is close to normal; it does not apply to iron or energy.",
    "For nutrients with only an AI the cut-point does not apply: the share at or above the "
    "AI is descriptive, and falling below the AI does not mean inadequate intake.",
)


def _cohort(analysis: Analysis, people: list[str], shown: list[str]) -> dict[str, Any]:
    """One compact line per person: DRI group, days assessed and the status per nutrient."""
    from nutrilog.assessment.population import dri_groups

    a = getattr(analysis, "assessment_numbers", None)  # statuses, no row's sentences
    if a is None:
        a = analysis.assessment
    keys = [str(p) for p in people]
    if len(a) and "person" in a.columns:
        status = (
            a.assign(person=a["person"].astype(str))
            .pivot(index="person", columns="nutrient", values="status")
            .reindex(index=keys, columns=ASSESSED)
        )
        grid = status.to_numpy(dtype=object)
    else:
        grid = [[None] * len(ASSESSED) for _ in keys]
    daily = analysis.daily
    if "complete" in daily.columns and "person" in daily.columns and len(daily):
        done = (
            daily["complete"].fillna(False).astype(bool).groupby(daily["person"].astype(str)).sum()
        )
        days = done.reindex(keys).fillna(0).astype(int).tolist()
    else:
        days = [0] * len(keys)
    profiles = [analysis.profiles.get(p) for p in people]
    known = [p for p in profiles if p is not None]
    groups = iter(
        dri_groups([p.age for p in known], [p.sex for p in known], [p.life_stage for p in known])
        if known
        else []
    )
    lines = [
        {
            "person": person,
            "group": str(next(groups)) if profile is not None else None,
            "days_assessed": n,
            "status": {
                key: (s if isinstance(s, str) else "unknown")
                for key, s in zip(ASSESSED, row, strict=True)
            },
        }
        for person, profile, n, row in zip(people, profiles, days, grid, strict=True)
    ]
    return {"people": len(people), "shown": list(shown), "lines": lines}


def _top_foods(analysis: Analysis, shown: list[str]) -> pd.DataFrame:
    """The top foods of the people shown only (a cohort report shows a few people)."""
    from nutrilog.intake import top_foods

    if "top_foods" in getattr(analysis, "__dict__", {}):  # already computed for everybody
        return analysis.top_foods
    entries = analysis.categorical_entries()
    keep = entries["person"].astype(str).isin({str(p) for p in shown}).to_numpy()
    return top_foods(entries[keep])


def _selected(people: list[str], persons: Any) -> list[str]:
    """The people asked for (``persons``), each checked against the analysis."""
    from nutrilog.errors import ArgumentError

    if persons is None:
        return []
    if isinstance(persons, str) or not hasattr(persons, "__iter__"):
        persons = [persons]
    names = {str(p): p for p in people}
    asked = [str(p) for p in persons]
    unknown = [p for p in asked if p not in names]
    if unknown:
        listed = ", ".join(list(names)[:10]) + (" ..." if len(names) > 10 else "")
        raise ArgumentError(
            f"person: expected people of the log, found {unknown} (people: {listed})"
        )
    return [names[p] for p in dict.fromkeys(asked)]


def build_document(
    analysis: Analysis,
    *,
    population: bool | str | list[str] | None = None,
    persons: Any = None,
    per_person: bool | None = None,
) -> dict[str, Any]:
    """The report of an analysis as plain data (see the module docstring for its schema).

    A log of more than :data:`COHORT_AFTER` people is a cohort: the document then
    holds the population summary and one compact line per person (``cohort``), and
    full per-person sections only for ``persons`` (or everybody with ``per_person``).
    ``population`` forces the population summary on (True) or off (False); column
    names (``"sex"``, ``["sex", "site"]``) show it grouped by them instead of by DRI group.

    Examples
    --------
    >>> import nutrilog as nl
    >>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
    ...                     nl.Profile(age=34, sex="female"))
    >>> list(build_document(result))[:3]
    ['schema_version', 'generator', 'articles']
    """
    from nutrilog.plotting import people_in

    data = _explanation_data(analysis)
    people = people_in(analysis)
    cohort = len(people) > COHORT_AFTER
    selected = _selected(people, persons)
    if per_person is None:
        per_person = not cohort and persons is None
    shown = people if per_person else selected
    compact = cohort or len(shown) < len(people)
    with_population = cohort if population is None else population is not False
    by = None if isinstance(population, bool) or population is None else population
    fixes = _fixes(analysis)
    some = len(shown) < len(people) and hasattr(analysis, "suggestions_for")
    suggested = analysis.suggestions_for(shown) if some else analysis.suggestions
    foods = _top_foods(analysis, shown) if some else analysis.top_foods
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"nutrilog {version()}",
        "articles": {
            str(k): {"title": str(v["title"]), "url": v.get("url"), "kind": str(v["kind"])}
            for k, v in data["articles"].items()
        },
        "population": _population(analysis, by) if with_population else None,
        "cohort": _cohort(analysis, people, shown) if compact else None,
        "people": [_person(analysis, p, data, fixes, suggested, foods) for p in shown],
        "data_quality": _data_quality(analysis, shown if compact else people, fixes, compact),
        "other_causes": [
            {"cause": str(c["cause"]), "text": str(c["text"]), "sources": list(c["sources"])}
            for c in data.get("other_causes") or []
        ],
        "see_a_clinician": _points(data.get("see_a_clinician")),
        "disclaimer": _disclaimer(data),
    }
