"""The report of an analysis: verdicts, explanations, foods that close the gap, data quality.

:func:`build_report` turns an :class:`~nutrilog.analysis.Analysis` into a
:class:`Report`. The report is one plain document (:meth:`Report.to_dict`), and
every output format renders that same document, so the terminal text, Markdown,
HTML and JSON never disagree.

Sections, in order, once per person: a **verdict** per nutrient (status, mean
against the target, probability or confidence), the **explanation** beside
each nutrient of concern (status "possibly low", "likely low" or "above upper
limit"; each point names the article it comes from), **foods** that would close
each shortfall, the **daily** totals. Then, for the whole log: **data quality**
(rows read, matched, unmatched with suggestions, rejected rows with file, line
and reason, coverage per nutrient), **other causes** of spasms and **when to
see a clinician**, and the statement that this is not medical advice.

JSON schema (``schema_version`` "1.1")
--------------------------------------
Every number is in the unit of its column (water in grams); unknown values are
``null``, never 0; dates are ``"YYYY-MM-DD"``. Keys are only ever added in a
minor version, never renamed or removed (1.1 added the articles' ``url`` and
``kind``, the verdicts' ``status_rule``, ``status_reason``, ``sd_within_source``,
``reason`` and ``sd_used``, the suggestions' ``kind``, ``counts.lines_read`` and
``counts.skipped_lines``, and ``data_quality.assumptions``)::

    {
      "schema_version": "1.1",
      "generator": "nutrilog 0.1.0",
      "articles": {"neck": {"title": str, "url": str | null, "kind": "article"},
                   "back": {...}, "nutrilog": {"title": str, "url": null, "kind": "note"}},
      "people": [{
        "person": str, "profile": str | null,
        "period": {"first": date | null, "last": date | null, "days": int,
                   "days_assessed": int | null},
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
        "top_foods": [{"nutrient", "column", "food", "amount", "share"}]}],
      "data_quality": {
        "counts": {"rows_read", "entries", "matched", "unmatched", "no_grams",
                   "supplements", "reported", "rejected",
                   "lines_read", "skipped_lines"},   (1.1: every input line is an
                   entry, a rejected row or a skipped header/heading/comment/blank line)
        "coverage": [{"person", "nutrient", "label", "coverage"}],
        "unmatched": [{"source", "line", "text", "food",
                       "suggestions": [{"id", "description", "score"}]}],
        "rejected": [{"source", "line", "text", "reason"}],
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
``pct_of_target`` is a percentage.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
>>> report = nl.analyze(log, nl.Profile(age=34, sex="female")).report()
>>> report.save("report.html").name
'report.html'
>>> "not medical advice" in report.to_text()
True
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nutrilog._visible import visible, visible_json, visible_strings
from nutrilog.assumptions import summarize_assumptions
from nutrilog.errors import ArgumentError, UnknownNutrientError
from nutrilog.nutrients import ASSESSED, nutrient

__all__ = ["SCHEMA_VERSION", "CONCERN_STATUSES", "FORMATS", "Report", "build_report"]

#: Version of the JSON document; bumped (minor) when keys are added.
SCHEMA_VERSION = "1.1"

#: Statuses that get an explanation beside the verdict.
CONCERN_STATUSES: tuple[str, ...] = ("possibly low", "likely low", "above upper limit")

#: Output formats and the file suffixes that select them in :meth:`Report.save`.
FORMATS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "json": (".json",),
}

_NOT_ADVICE = "This report is not medical advice."
_NOT_ADVICE_DETAIL = (
    "It compares what you logged with reference intakes and cannot diagnose a deficiency "
    "or the cause of a spasm."
)
_FALLBACK_ARTICLES = {
    "neck": {"title": "What vitamin deficiency causes neck spasms?"},
    "back": {"title": "What deficiency causes back spasms?"},
}
_TEXT_LIST_LIMIT = 40  # unmatched / rejected rows shown in text, Markdown and HTML
_COVERAGE_HEADING = (
    "Share of the logged food (by weight; an entry without grams counts as an average "
    "entry of its day) whose value is known, mean over days:"
)
_ASSUMPTIONS_SHOWN = 10  # entries whose assumptions carry the most grams, listed


# --------------------------------------------------------------------------- values


def _clean(value: Any) -> Any:
    """A JSON-ready value: NaN/NA → None, numpy → Python, timestamps → ISO dates."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat() if not pd.isna(value) else None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [_clean(v) for v in value]
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _num(value: Any) -> float:
    """Float of a cell; NaN when missing or not a number."""
    if value is None or value is pd.NA:
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _fmt(value: Any) -> str:
    """A number for people: 1,234 / 12.5 / 2.4 / 0.35; ``n/a`` when unknown."""
    x = _num(value)
    if not math.isfinite(x):
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.1f}".removesuffix(".0")
    return f"{x:.2f}".rstrip("0").rstrip(".") or "0"


def _amount(value: Any, column: str | None, per_day: bool = False) -> str:
    """A nutrient amount with its unit; water is shown in litres."""
    x = _num(value)
    if not math.isfinite(x):
        return "n/a"
    n = nutrient(column)
    if n.display_unit != n.unit:  # water in litres
        text = f"{x * n.display_factor:.2f}".rstrip("0").rstrip(".") + f" {n.display_symbol}"
    else:
        text = f"{_fmt(x)} {n.symbol}"
    return text + "/day" if per_day else text


def _pct(value: Any) -> str:
    """A fraction 0–1 as a percentage; ``>99%``/``<1%`` at the ends."""
    x = _num(value)
    if not math.isfinite(x):
        return "n/a"
    if x > 0.995:
        return ">99%"
    if 0 < x < 0.005:
        return "<1%"
    return f"{x:.0%}"


def _label(name: str) -> str:
    try:
        return nutrient(name).label
    except UnknownNutrientError:
        return name


def _key(name: str) -> str:
    """Nutrient key (``magnesium``) of a key or column (``magnesium_mg``)."""
    try:
        return nutrient(name).key
    except UnknownNutrientError:
        return name


def _frame(analysis: Any, name: str) -> pd.DataFrame:
    value = getattr(analysis, name, None)
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def _for_person(frame: pd.DataFrame, person: str) -> pd.DataFrame:
    if "person" not in frame.columns:
        return frame
    return frame[frame["person"].astype(str) == person]


# --------------------------------------------------------------------------- explanations


def _plain(obj: Any) -> Any:
    """Explanations as plain dicts and lists, whatever object holds them."""
    if obj is None:
        return None
    if hasattr(obj, "model_dump"):
        return obj.model_dump()
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {k: _plain(getattr(obj, k)) for k in obj.__dataclass_fields__}
    return obj


def _explanation_data(analysis: Any) -> dict[str, Any]:
    expl = getattr(analysis, "explanations", None)
    if expl is None:
        from nutrilog.explanations import load_explanations

        expl = load_explanations()
    data = _plain(expl)
    return data if isinstance(data, dict) else {}


def _points(items: Any) -> list[dict[str, Any]]:
    out = []
    for item in items or []:
        if isinstance(item, str):
            out.append({"text": item, "sources": []})
        elif isinstance(item, Mapping):
            text = item.get("text") or item.get("name") or ""
            out.append({"text": str(text), "sources": [str(s) for s in item.get("sources") or []]})
    return out


def _foods(items: Any) -> list[dict[str, Any]]:
    return [{"name": p["text"], "sources": p["sources"]} for p in _points(items)]


def _disclaimer(data: Mapping[str, Any]) -> str:
    given = data.get("disclaimer")
    if isinstance(given, Mapping):
        given = given.get("text")
    text = str(given).strip() if given else _NOT_ADVICE_DETAIL
    return f"{_NOT_ADVICE} {text}"


# --------------------------------------------------------------------------- document


def _verdict_summary(v: Mapping[str, Any]) -> str:
    """One sentence: mean against the target, likelihood, upper level."""
    column = v["column"]
    if not v.get("days"):
        return "no logged day has a value for this nutrient"
    kind = v.get("target_kind") or "target"
    parts = [
        f"mean {_amount(v['mean'], column, per_day=True)} over {v['days']} day(s)"
        + (
            f", {_num(v['pct_of_target']):,.0f}% of the {kind} ({_amount(v['target'], column)})"
            if math.isfinite(_num(v.get("pct_of_target")))
            else ""
        )
    ]
    if math.isfinite(_num(v.get("probability_adequate"))) and _by_probability(v):
        parts.append(f"{_pct(v['probability_adequate'])} probability that usual intake is adequate")
    elif math.isfinite(_num(v.get("confidence_above_ai"))):
        parts.append(
            f"{_pct(v['confidence_above_ai'])} confidence that usual intake is at or above the AI"
        )
    ul = _num(v.get("ul"))
    if math.isfinite(ul):
        if v.get("ul_applies_to") == "supplements":
            parts.append(
                f"supplements {_amount(v.get('mean_supplement'), column, per_day=True)} against an "
                f"upper limit of {_amount(ul, column)} that applies to supplements only"
            )
        elif math.isfinite(_num(v.get("confidence_below_ul"))):
            parts.append(
                f"{_pct(v['confidence_below_ul'])} confidence of staying below the upper limit "
                f"({_amount(ul, column)})"
            )
        else:
            parts.append(f"upper limit {_amount(ul, column)}")
    if math.isfinite(_num(v.get("cdrr"))):
        parts.append(f"CDRR {_amount(v['cdrr'], column)} (reduce intake if above)")
    return "; ".join(parts)


def _by_probability(v: Mapping[str, Any]) -> bool:
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


def _verdict_reason(v: Mapping[str, Any]) -> str | None:
    """Why the status is what it is, naming the rule (None for assessments without one)."""
    reason, rule = v.get("status_reason"), v.get("status_rule")
    if not reason or not v.get("days"):
        return None
    by = _RULE_WORDS.get(str(rule))
    return f"{v['status']}, by {by}: {reason}" if by else f"{v['status']}: {reason}"


def _sd_used(v: Mapping[str, Any]) -> str | None:
    """Which day-to-day SD the verdict used, and where it comes from (None when unknown)."""
    if not v.get("days") or "sd_within_basis" not in v or v.get("sd_within_basis") is None:
        return None
    basis, source = v.get("sd_within_basis"), v.get("sd_within_source")
    amount = _amount(v.get("sd_within"), v["column"])
    if basis == "published":
        return (
            f"day-to-day SD {amount}, {source}" if source else f"day-to-day SD {amount}, published"
        )
    if basis == "user":
        return f"day-to-day SD {amount}, given by you"
    if basis == "own days":
        return (
            f"day-to-day SD {amount}, from your own {v['days']} days "
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


def _verdicts(assessment: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in assessment.to_dict("records"):
        v = {name: _clean(row.get(name)) for name in _VERDICT_FIELDS}
        v["nutrient"] = _key(str(v["nutrient"] or v["column"]))
        v["column"] = v["column"] or nutrient(v["nutrient"]).column
        v["label"] = v["label"] or _label(v["nutrient"])
        v["status"] = v["status"] or "unknown"
        v["concern"] = v["status"] in CONCERN_STATUSES
        v["summary"] = _verdict_summary(v)
        v["reason"] = _verdict_reason(v)
        v["sd_used"] = _sd_used(v)
        notes = row.get("notes")
        if isinstance(notes, list | tuple):
            v["notes"] = [str(n) for n in notes if str(n).strip()]
        else:  # one "; "-joined string: kept whole, since a note may itself contain "; "
            v["notes"] = [str(notes)] if isinstance(notes, str) and notes.strip() else []
        out.append(v)
    return out


def _explanations(verdicts: list[dict[str, Any]], data: Mapping[str, Any]) -> list[dict[str, Any]]:
    nutrients = data.get("nutrients") or {}
    out = []
    for v in verdicts:
        if not v["concern"]:
            continue
        entry = nutrients.get(v["nutrient"]) or {}
        name = v["label"][:1].lower() + v["label"][1:]  # "vitamin D", not "vitamin d"
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
                "foods": _foods(entry.get("foods")),
            }
        )
    return out


#: Label of the suggestion notes that concern no single nutrient.
_GENERAL = "About these suggestions"


def _suggestions(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Suggested foods and suggestion notes (``kind`` "note": a caveat, or why none is
    offered); a note with no nutrient concerns every suggestion."""
    out = []
    for row in frame.to_dict("records"):
        name = row.get("nutrient")
        name = str(name) if isinstance(name, str) and name else ""
        s = {name: _clean(row.get(name)) for name in (
            "food_id", "description", "portion", "grams", "amount", "covers", "text")}  # fmt: skip
        s["kind"] = str(row.get("kind") or "food")
        if name:
            n = nutrient(name)
            s.update(nutrient=n.key, label=n.label, column=n.column, unit=n.unit)
        else:
            s.update(nutrient=None, label=_GENERAL, column=None, unit=None)
        out.append(s)
    return out


def _period(daily: pd.DataFrame) -> dict[str, Any]:
    dates = pd.to_datetime(daily["date"], errors="coerce") if "date" in daily else pd.Series([])
    assessed = (
        int(daily["complete"].fillna(False).astype(bool).sum()) if "complete" in daily else None
    )
    return {
        "first": _clean(dates.min()) if dates.notna().any() else None,
        "last": _clean(dates.max()) if dates.notna().any() else None,
        "days": len(daily),
        "days_assessed": assessed,
    }


def _person_section(analysis: Any, person: str, data: Mapping[str, Any]) -> dict[str, Any]:
    profiles = getattr(analysis, "profiles", None) or {}
    profile = profiles.get(person)
    described = (
        profile.describe() if hasattr(profile, "describe") else (str(profile) if profile else None)
    )
    verdicts = _verdicts(_for_person(_frame(analysis, "assessment"), person))
    daily = _for_person(_frame(analysis, "daily"), person).drop(columns="person", errors="ignore")
    if "date" in daily.columns:
        daily = daily.sort_values("date", kind="stable")
    top = _for_person(_frame(analysis, "top_foods"), person).drop(columns="person", errors="ignore")
    return {
        "person": person,
        "profile": described,
        "period": _period(daily),
        "verdicts": verdicts,
        "explanations": _explanations(verdicts, data),
        "suggestions": _suggestions(_for_person(_frame(analysis, "suggestions"), person)),
        "daily": _records(daily),
        "top_foods": _records(top),
    }


def _unmatched(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict("records"):
        options = []
        for item in (
            row.get("suggestions") if isinstance(row.get("suggestions"), list | tuple) else []
        ):
            if isinstance(item, Mapping):
                options.append({k: _clean(item.get(k)) for k in ("id", "description", "score")})
            elif isinstance(item, list | tuple) and len(item) >= 2:
                options.append(
                    {
                        "id": _clean(item[0]),
                        "description": _clean(item[1]),
                        "score": _clean(item[2]) if len(item) > 2 else None,
                    }
                )
        out.append(
            {
                **{k: _clean(row.get(k)) for k in ("source", "line", "text", "food")},
                "suggestions": options,
            }
        )
    return out


def _coverage(analysis: Any, people: list[str]) -> list[dict[str, Any]]:
    daily = _frame(analysis, "daily")
    out = []
    for person in people:
        rows = _for_person(daily, person)
        for key in ASSESSED:
            col = nutrient(key).coverage_column
            value = pd.to_numeric(rows[col], errors="coerce").mean() if col in rows else math.nan
            out.append(
                {"person": person, "nutrient": key, "label": _label(key), "coverage": _clean(value)}
            )
    return out


def _data_quality(analysis: Any, people: list[str]) -> dict[str, Any]:
    counts = dict(getattr(analysis, "counts", None) or {})
    rejected = _frame(analysis, "rejected")
    return {
        "counts": {str(k): _clean(v) for k, v in counts.items()},
        "coverage": _coverage(analysis, people),
        "unmatched": _unmatched(_frame(analysis, "unmatched")),
        "rejected": _records(
            rejected[[c for c in ("source", "line", "text", "reason") if c in rejected]]
        ),
        "assumptions": summarize_assumptions(_frame(analysis, "entries"), _ASSUMPTIONS_SHOWN),
    }


def _people(analysis: Any) -> list[str]:
    from nutrilog.plotting import people_in

    return people_in(analysis)


def build_report(analysis: Any) -> Report:
    """Build the :class:`Report` of an analysis.

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`nutrilog.analyze` (any object with its attributes works).

    Returns
    -------
    Report

    Examples
    --------
    >>> import nutrilog as nl
    >>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
    ...                     nl.Profile(age=34, sex="female"))
    >>> build_report(result).to_dict()["schema_version"]
    '1.1'
    """
    from nutrilog import __version__

    data = _explanation_data(analysis)
    people = _people(analysis)
    articles = data.get("articles") or _FALLBACK_ARTICLES
    document = {
        "schema_version": SCHEMA_VERSION,
        "generator": f"nutrilog {__version__}",
        "articles": {
            str(k): {
                "title": str(v.get("title", k)),
                "url": v.get("url"),
                "kind": str(v.get("kind") or "article"),
            }
            for k, v in articles.items()
        },
        "people": [_person_section(analysis, p, data) for p in people],
        "data_quality": _data_quality(analysis, people),
        "other_causes": [
            {"cause": str(item.get("cause", "")), **_points([item])[0]}
            for item in data.get("other_causes") or []
            if isinstance(item, Mapping)
        ],
        "see_a_clinician": _points(data.get("see_a_clinician")),
        "disclaimer": _disclaimer(data),
    }
    return Report(document, analysis)


# --------------------------------------------------------------------------- report


@dataclass
class Report:
    """A report of one analysis, renderable as text, Markdown, HTML or JSON.

    Build it with :func:`build_report` or ``Analysis.report()``; it shows itself
    in a notebook. All formats render the same document (:meth:`to_dict`).

    Parameters
    ----------
    document : dict
        The report content (see the module docstring for its schema).
    analysis : Analysis, optional
        Used only to draw the charts of the HTML output.

    Examples
    --------
    >>> import nutrilog as nl
    >>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
    ...                     nl.Profile(age=34, sex="female"))
    >>> result.report().save("week.md").suffix
    '.md'
    """

    document: dict[str, Any]
    analysis: Any = field(default=None, repr=False)

    def __repr__(self) -> str:
        people = self.document["people"]
        concerns = sum(v["concern"] for p in people for v in p["verdicts"])
        return (
            f"Report({len(people)} person(s), {concerns} nutrient(s) of concern, "
            f"schema {self.document['schema_version']})"
        )

    # ----- formats
    def to_dict(self) -> dict[str, Any]:
        """The report as plain Python data (a deep copy; see the module docstring)."""
        return json.loads(self.to_json())

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON (strict: no NaN; unknown values are ``null``).

        Examples
        --------
        >>> import json
        >>> import nutrilog as nl
        >>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
        ...                     nl.Profile(age=34, sex="female"))
        >>> json.loads(result.report().to_json())["schema_version"]
        '1.1'
        """
        text = json.dumps(self.document, indent=indent, ensure_ascii=False, allow_nan=False)
        return visible_json(text)  # the same data; control characters spelled as \uXXXX

    def to_text(self, *, color: bool = False, width: int = 100, max_days: int | None = 31) -> str:
        """The report for a terminal, drawn with rich.

        Parameters
        ----------
        color : bool, default False
            Include ANSI colours (only when writing to a terminal).
        width : int, default 100
            Line width.
        max_days : int or None, default 31
            Most recent days shown in the daily table (None: all).
        """
        return _render_text(_shown(self.document), color=color, width=width, max_days=max_days)

    def to_markdown(self) -> str:
        """The report as Markdown (every user-supplied string escaped)."""
        return _render_markdown(_shown(self.document))

    def to_html(self, *, charts: bool = True) -> str:
        """The report as one self-contained HTML file (inline CSS, charts as base64 PNG).

        Every user-supplied string is escaped, so a food named ``<script>`` shows as text.
        """
        body = _render_html_body(_shown(self.document), self._charts() if charts else {})
        title = "nutrilog report"
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
        )

    def _repr_html_(self) -> str:
        body = _render_html_body(_shown(self.document), {})
        return f'<div class="nutrilog-report"><style>{_CSS}</style>{body}</div>'

    def save(self, path: str | Path, format: str | None = None) -> Path:
        """Write the report; the format comes from ``format`` or the file suffix.

        Parameters
        ----------
        path : str or Path
            ``.txt``, ``.md``, ``.html`` or ``.json`` (any suffix if ``format`` is given).
        format : {"text", "markdown", "html", "json"}, optional

        Returns
        -------
        Path
            The file written (UTF-8).

        Raises
        ------
        ArgumentError
            Unknown format, or no format and an unknown suffix (a ``ValueError``).
        OutputError
            ``path`` is one of the analysed log files (an input is never
            overwritten), or it cannot be written. The report goes to a
            temporary file beside ``path`` that is renamed into place, so a
            failed write leaves any earlier file whole.
        """
        from nutrilog._output import write_text

        target = Path(path)
        fmt = format or _format_for(target)
        text = self.render(fmt)
        return write_text(target, text, inputs=self._inputs())

    def _inputs(self) -> list[str]:
        """The files the analysed log was read from (never overwritten by :meth:`save`)."""
        names: dict[str, None] = {}
        for attr in ("entries", "rejected"):
            frame = getattr(self.analysis, attr, None)
            if isinstance(frame, pd.DataFrame) and "source" in frame.columns:
                names.update(dict.fromkeys(str(s) for s in frame["source"].dropna().unique()))
        return [name for name in names if not name.startswith("<")]

    def render(self, format: str) -> str:
        """The report in one of :data:`FORMATS` (``"text"``, ``"markdown"``, ``"html"``, ``"json"``)."""
        renderers = {
            "text": lambda: self.to_text(),
            "markdown": self.to_markdown,
            "html": self.to_html,
            "json": self.to_json,
        }
        if format not in renderers:
            raise ArgumentError(
                f"unknown report format {format!r}; expected one of {list(FORMATS)}"
            )
        return renderers[format]()

    def _charts(self) -> dict[str, list[tuple[str, str]]]:
        """Per person: (caption, base64 PNG) of the daily and contribution charts."""
        if self.analysis is None:
            return {}
        from nutrilog.plotting import plot_contributions, plot_daily

        charts: dict[str, list[tuple[str, str]]] = {}
        for section in self.document["people"]:
            if not section["daily"]:
                continue
            person = section["person"]
            charts[visible(person)] = [  # keyed as the rendered document names the person
                (
                    "Daily intake against the reference intakes",
                    _png(plot_daily(self.analysis, person)),
                ),
                (
                    "Foods that gave the most of each nutrient",
                    _png(plot_contributions(self.analysis, person)),
                ),
            ]
        return charts


def _shown(document: dict[str, Any]) -> dict[str, Any]:
    """The document with control and bidirectional characters of every string made visible.

    Log text can hold terminal escape sequences; the text, Markdown and HTML
    renderings show them as ``\\x1b`` so they reach no terminal or page raw.
    """
    return visible_strings(document)


def _format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    raise ArgumentError(
        f"cannot tell the report format from {path.name!r}; use a suffix "
        f"{[s for group in FORMATS.values() for s in group]} or pass format="
    )


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# --------------------------------------------------------------------------- shared rendering helpers


def _person_title(section: Mapping[str, Any], several: bool) -> str:
    name = section["person"]
    who = "Your intake" if name == "default" and not several else str(name)
    period = section["period"]
    bits = [section["profile"]] if section["profile"] else []
    if period["first"]:
        span = (
            period["first"]
            if period["first"] == period["last"]
            else f"{period['first']} to {period['last']}"
        )
        bits.append(f"{period['days']} day(s), {span}")
    return f"{who} ({'; '.join(bits)})" if bits else who


def _likelihood(v: Mapping[str, Any]) -> str:
    """Short table cell: the probability or confidence behind the verdict, else the rule
    that set it; the verdict's sentences say it in full."""
    rule = v.get("status_rule")
    if rule == "coverage":
        return f"{_pct(v.get('coverage'))} covered"
    if v.get("probability_adequate") is not None and _by_probability(v):
        return f"adequate {_pct(v['probability_adequate'])}"
    if rule == "IOM EAR/RDA rule":
        return "EAR/RDA rule"
    if v.get("confidence_above_ai") is not None:
        return f">= AI {_pct(v['confidence_above_ai'])}"
    if rule == "AI rule":
        return "AI rule"
    return "n/a"


def _notes_shown(v: Mapping[str, Any]) -> list[str]:
    """A verdict's notes as one line (the document keeps them one by one)."""
    return ["; ".join(v["notes"])] if v["notes"] else []


def _verdict_details(v: Mapping[str, Any]) -> list[str]:
    """The lines under a verdict's summary: why this status, and which day-to-day SD."""
    out = []
    if v.get("reason"):
        out.append(f"Verdict: {v['reason']}")
    if v.get("sd_used"):
        out.append(f"SD used: {v['sd_used']}")
    return out


def _suggestion_groups(items: list[dict[str, Any]]) -> list[tuple[str, list[str], list[str]]]:
    """(label, food lines, note lines) per nutrient, the general notes first."""
    groups = _group(items, "label")
    order = sorted(groups, key=lambda label: label != _GENERAL)
    return [
        (
            label,
            [_suggestion_line(s) for s in groups[label] if s.get("kind", "food") == "food"],
            [str(s["text"]) for s in groups[label] if s.get("kind") == "note"],
        )
        for label in order
    ]


def _source_line(key: str, article: Mapping[str, Any]) -> str:
    """An entry of the sources list: title, and the address where one is known."""
    if article.get("kind") == "note":
        return str(article["title"])
    url = article.get("url")
    where = url if url else "no web address is given in the copy these notes were written from"
    return f"{article['title']} ({where})"


def _upper(v: Mapping[str, Any]) -> str:
    column = v["column"]
    if v.get("ul") is not None:
        suffix = " suppl." if v.get("ul_applies_to") == "supplements" else ""
        return f"{_amount(v['ul'], column)}{suffix}"
    if v.get("cdrr") is not None:
        return f"CDRR {_amount(v['cdrr'], column)}"
    return "none set"


def _verdict_row(v: Mapping[str, Any]) -> list[str]:
    target = f"{v.get('target_kind') or ''} {_amount(v.get('target'), v['column'])}".strip()
    pct = f"{v['pct_of_target']:,.0f}%" if v.get("pct_of_target") is not None else "n/a"
    return [
        v["label"],
        v["status"],
        _amount(v.get("mean"), v["column"]),
        target,
        pct,
        _likelihood(v),
        _upper(v),
    ]


VERDICT_HEADERS = [
    "Nutrient",
    "Status",
    "Mean/day",
    "Target",
    "% of target",
    "Likelihood",
    "Upper limit",
]


_SHORT_HEADERS = {
    "energy_kcal": "kcal", "water_g": "Water L", "calcium_mg": "Ca mg", "magnesium_mg": "Mg mg",
    "potassium_mg": "K mg", "sodium_mg": "Na mg", "vitamin_d_ug": "Vit D µg",
    "vitamin_b12_ug": "B12 µg",
}  # fmt: skip


def _daily_table(
    section: Mapping[str, Any], max_days: int | None, short: bool = False
) -> tuple[list[str], list[list[str]], int]:
    """Headers, rows and the number of earlier days left out (``short``: terse headers)."""
    days = section["daily"]
    hidden = 0
    if max_days is not None and len(days) > max_days:
        hidden = len(days) - max_days
        days = days[-max_days:]
    columns = ["energy_kcal"] + [nutrient(k).column for k in ASSESSED]
    headers = (
        ["Date"]
        + [
            _SHORT_HEADERS[c]
            if short
            else "Energy kcal"
            if c == "energy_kcal"
            else f"{_label(c)} {_amount(1, c).split(' ', 1)[1]}"
            for c in columns
        ]
        + (["Items", "Unm."] if short else ["Entries", "Unmatched"])
    )
    has_complete = any("complete" in d for d in days)
    if has_complete:
        headers.append("Assessed" if not short else "Used")
    rows = []
    for d in days:
        row = [str(d.get("date") or "n/a")]
        for c in columns:
            row.append(
                _amount(d.get(c), c).rsplit(" ", 1)[0] if c != "energy_kcal" else _fmt(d.get(c))
            )
        row += [_fmt(d.get("n_entries")), _fmt(d.get("n_unmatched"))]
        if has_complete:
            row.append("yes" if d.get("complete") else "no")
        rows.append(row)
    return headers, rows, hidden


def _sources(sources: Iterable[str]) -> str:
    keys = list(sources)
    return f"[{', '.join(keys)}]" if keys else ""


def _suggestion_line(s: Mapping[str, Any]) -> str:
    if s.get("text"):
        return str(s["text"])
    parts = [str(s.get("portion") or ""), str(s.get("description") or s.get("food_id") or "")]
    line = " ".join(p for p in parts if p).strip()
    if s.get("amount") is not None:
        line += f": {_amount(s['amount'], s['column'])}"
    if s.get("covers") is not None:
        line += f", {_pct(s['covers'])} of the gap"
    return line


def _group(items: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(str(item[key]), []).append(item)
    return groups


def _where(item: Mapping[str, Any]) -> str:
    line = item.get("line")
    return f"{item.get('source') or '<input>'}" + (f", line {line}" if line is not None else "")


def _did_you_mean(item: Mapping[str, Any]) -> str:
    options = [
        f"{o.get('description')} ({o.get('id')}"
        + (f", score {_fmt(o['score'])}" if o.get("score") is not None else "")
        + ")"
        for o in item["suggestions"][:3]
    ]
    return "did you mean " + "; ".join(options) + "?" if options else "no close match"


def _assumptions_sentence(summary: Mapping[str, Any]) -> str:
    """``5 entries rest on 7 assumptions (component 4, spelling 2, ...); the heaviest:``."""
    tags = ", ".join(f"{tag} {n}" for tag, n in summary["by_tag"].items())
    return (
        f"{summary['entries']} entries rest on {summary['count']} assumption(s) ({tags}); "
        "those carrying the most weight:"
    )


def _assumed(item: Mapping[str, Any]) -> str:
    """One entry of the assumptions list: text, food, grams, minerals and what was assumed."""
    grams = item.get("grams")
    weight = "unknown grams" if grams is None else f"{grams:g} g"
    minerals = ", ".join(
        f"{_label(k.split('_')[0])} {item[k]:g} mg"
        for k in ("magnesium_mg", "calcium_mg", "potassium_mg")
        if item.get(k) is not None
    )
    food = item.get("description") or "no food matched"
    assumed = "; ".join(f"{a['tag']}: {a['detail']}" for a in item["assumptions"])
    return (
        f"{item.get('text')!r} as {food}, {weight}"
        + (f" ({minerals})" if minerals else "")
        + f": {assumed}"
    )


def _counts_sentence(counts: Mapping[str, Any]) -> str:
    if not counts:
        return "No counts available."
    c = {k: (v if v is not None else 0) for k, v in counts.items()}
    parts = [
        f"{c.get('matched', 0)} matched",
        f"{c.get('unmatched', 0)} unmatched",
        f"{c.get('no_grams', 0)} without an amount in grams",
    ]
    for extra in ("supplements", "reported"):
        if extra in c:
            parts.append(
                f"{c[extra]} {'with nutrients reported by the source' if extra == 'reported' else extra}"
            )
    if "lines_read" in c and "skipped_lines" in c:  # every physical line accounted for
        return (
            f"{c['lines_read']} lines read: {c.get('entries', 0)} entries "
            f"({', '.join(parts)}), {c.get('rejected', 0)} rejected rows and "
            f"{c['skipped_lines']} header, heading, comment or blank lines."
        )
    return (
        f"{c.get('rows_read', 0)} rows read: {c.get('entries', 0)} entries "
        f"({', '.join(parts)}) and {c.get('rejected', 0)} rejected rows."
    )


# --------------------------------------------------------------------------- terminal text


def _render_text(doc: Mapping[str, Any], *, color: bool, width: int, max_days: int | None) -> str:
    """Render with rich into a string; user text is wrapped in ``Text`` so it is never markup."""
    from rich import box
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )

    def heading(text: str, level: int = 1) -> None:
        console.print()
        if level == 1:
            console.rule(Text(text, style="bold"), characters="=")
        else:
            console.print(Text(text, style="bold underline"))

    def para(text: str, indent: int = 0, style: str = "") -> None:
        console.print(Padding(Text(text, style=style), (0, 0, 0, indent)))

    def table(headers: list[str], rows: list[list[str]], status_col: int | None = None) -> None:
        t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for i, h in enumerate(headers):
            t.add_column(
                Text(h),
                justify="left" if i == 0 or i == status_col else "right",
                overflow="fold",
                no_wrap=i in (0, status_col),
            )
        for row in rows:
            cells = [
                Text(c, style=_STATUS_STYLE.get(c, "") if i == status_col else "")
                for i, c in enumerate(row)
            ]
            t.add_row(*cells)
        console.print(t)

    several = len(doc["people"]) > 1
    console.print(Text("nutrilog report", style="bold"))
    para(doc["disclaimer"], style="italic")
    for section in doc["people"]:
        heading(_person_title(section, several))
        heading("Verdicts", 2)
        table(VERDICT_HEADERS, [_verdict_row(v) for v in section["verdicts"]], status_col=1)
        for v in section["verdicts"]:
            para(f"{v['label']}: {v['summary']}", 2)
            for line in _verdict_details(v):
                para(line, 4)
            for note in _notes_shown(v):
                para(f"Notes: {note}", 4, style="dim")
        if section["explanations"]:
            heading("Why this can matter for spasms", 2)
            for e in section["explanations"]:
                para(f"{e['label']} ({e['status']})", 2, style="bold")
                para(e["context"], 4)
                for title, key in (
                    ("Role", "role"),
                    ("How it can cause spasms", "mechanism"),
                    ("Works together with", "interactions"),
                ):
                    for p in e[key]:
                        para(f"- {title}: {p['text']} {_sources(p['sources'])}".rstrip(), 4)
                if e["foods"]:
                    foods = "; ".join(
                        f"{f['name']} {_sources(f['sources'])}".rstrip() for f in e["foods"]
                    )
                    para(f"- Foods the articles name: {foods}", 4)
        if section["suggestions"]:
            heading("Foods that would close the gap", 2)
            for label, foods, notes in _suggestion_groups(section["suggestions"]):
                para(label, 2, style="bold")
                for line in foods:
                    para(f"- {line}", 4)
                for line in notes:
                    para(f"Note: {line}", 4)
        heading("Daily totals", 2)
        headers, rows, hidden = _daily_table(section, max_days, short=True)
        if rows:
            table(headers, rows)
        else:
            para("No days logged.", 2)
        if hidden:
            para(f"{hidden} earlier day(s) not shown; the JSON and HTML reports list every day.", 2)
    dq = doc["data_quality"]
    heading("Data quality")
    para(_counts_sentence(dq["counts"]))
    if dq["coverage"]:
        para(_COVERAGE_HEADING)
        table(*_coverage_rows(dq["coverage"], several))
    for title, key, describe in (
        (
            "Entries not matched to a food",
            "unmatched",
            lambda i: f"{i.get('text')!r}: {_did_you_mean(i)}",
        ),
        (
            "Rows that could not be read",
            "rejected",
            lambda i: f"{i.get('reason')} [{i.get('text')!r}]",
        ),
    ):
        if dq[key]:
            heading(title, 2)
            for item in dq[key][:_TEXT_LIST_LIMIT]:
                para(f"- {_where(item)}: {describe(item)}", 2)
            if len(dq[key]) > _TEXT_LIST_LIMIT:
                para(f"- and {len(dq[key]) - _TEXT_LIST_LIMIT} more", 2)
    if dq.get("assumptions", {}).get("count"):
        heading("Assumptions", 2)
        para(_assumptions_sentence(dq["assumptions"]), 2)
        for item in dq["assumptions"]["heaviest"]:
            para(f"- {_where(item)}: {_assumed(item)}", 2)
    heading("Other causes of neck and back spasms")
    for c in doc["other_causes"]:
        para(f"- {c['cause']}: {c['text']} {_sources(c['sources'])}".rstrip())
    heading("When to see a clinician")
    for p in doc["see_a_clinician"]:
        para(f"- {p['text']} {_sources(p['sources'])}".rstrip())
    heading("Sources")
    for k, a in doc["articles"].items():
        para(f"[{k}] {_source_line(k, a)}")
    heading("Not medical advice")
    para(doc["disclaimer"])
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


_STATUS_STYLE = {
    "likely adequate": "green",
    "possibly low": "yellow",
    "likely low": "bold red",
    "cannot tell": "cyan",
    "uncertain": "cyan",
    "above upper limit": "bold red",
    "above CDRR": "yellow",
}


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")  # with [ ] escaped, ( ) ! cannot form links
# What renderers that autolink bare text look for: "scheme://", "www.", "name.tld" and
# "user@host". A backslash before the ":", "." or "@" keeps the text the same on screen
# but splits it, so no link is made from a URL written in a log.
_MD_AUTOLINK = re.compile(r"(?<=\w)(:)(?=//)|(?<=\w)(\.)(?=[^\W\d_])|(@)")


def _md(text: Any) -> str:
    """Escape a string for Markdown: HTML entities first, then Markdown punctuation.

    Bare URLs and e-mail addresses are broken up (``https\\://example\\.com``), so
    sites that autolink do not turn text from a log into links.

    Examples
    --------
    >>> _md("see https://x.example/a and www.evil.test or me@evil.test, *now*")
    'see https\\\\://x\\\\.example/a and www\\\\.evil\\\\.test or me\\\\@evil\\\\.test, \\\\*now\\\\*'
    """
    escaped = html.escape(str(text), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    escaped = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(), escaped)
    return " ".join(escaped.split())  # no newlines inside table cells or list items


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(_md(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return lines


def _render_markdown(doc: Mapping[str, Any]) -> str:
    several = len(doc["people"]) > 1
    out = ["# nutrilog report", "", f"> {_md(doc['disclaimer'])}", ""]
    for section in doc["people"]:
        out += [f"## {_md(_person_title(section, several))}", "", "### Verdicts", ""]
        out += _md_table(VERDICT_HEADERS, [_verdict_row(v) for v in section["verdicts"]])
        out.append("")
        for v in section["verdicts"]:
            out.append(f"- **{_md(v['label'])}**: {_md(v['summary'])}")
            out += [f"  - {_md(line)}" for line in _verdict_details(v)]
            out += [f"  - {_md(note)}" for note in _notes_shown(v)]
        if section["explanations"]:
            out += ["", "### Why this can matter for spasms", ""]
            for e in section["explanations"]:
                out += [f"#### {_md(e['label'])} ({_md(e['status'])})", "", _md(e["context"]), ""]
                for title, key in (
                    ("Role", "role"),
                    ("How it can cause spasms", "mechanism"),
                    ("Works together with", "interactions"),
                ):
                    for p in e[key]:
                        out.append(f"- *{title}:* {_md(p['text'])} {_md(_sources(p['sources']))}")
                if e["foods"]:
                    foods = "; ".join(f"{f['name']} {_sources(f['sources'])}" for f in e["foods"])
                    out.append(f"- *Foods the articles name:* {_md(foods)}")
                out.append("")
        if section["suggestions"]:
            out += ["", "### Foods that would close the gap", ""]
            for label, foods, notes in _suggestion_groups(section["suggestions"]):
                out.append(f"- **{_md(label)}**")
                out += [f"  - {_md(line)}" for line in foods]
                out += [f"  - *Note:* {_md(line)}" for line in notes]
        headers, rows, hidden = _daily_table(section, None)
        out += ["", "### Daily totals", ""]
        out += _md_table(headers, rows) if rows else ["No days logged."]
        if hidden:
            out.append(f"\n{hidden} earlier day(s) not shown.")
        out.append("")
    out += _markdown_quality(doc["data_quality"], several)
    out += ["## Other causes of neck and back spasms", ""]
    out += [
        f"- **{_md(c['cause'])}**: {_md(c['text'])} {_md(_sources(c['sources']))}"
        for c in doc["other_causes"]
    ]
    out += ["", "## When to see a clinician", ""]
    out += [f"- {_md(p['text'])} {_md(_sources(p['sources']))}" for p in doc["see_a_clinician"]]
    out += ["", "## Sources", ""]
    out += [f"- \\[{_md(k)}\\] {_md(_source_line(k, a))}" for k, a in doc["articles"].items()]
    out += ["", "## Not medical advice", "", _md(doc["disclaimer"]), ""]
    return "\n".join(out)


def _markdown_quality(dq: Mapping[str, Any], several: bool) -> list[str]:
    out = ["## Data quality", "", _md(_counts_sentence(dq["counts"])), ""]
    out += _coverage_table_md(dq["coverage"], several)
    if dq["unmatched"]:
        out += ["", "### Entries not matched to a food", ""]
        for item in dq["unmatched"][:_TEXT_LIST_LIMIT]:
            out.append(
                f"- {_md(_where(item))}: “{_md(item.get('text'))}”: {_md(_did_you_mean(item))}"
            )
        if len(dq["unmatched"]) > _TEXT_LIST_LIMIT:
            out.append(f"- and {len(dq['unmatched']) - _TEXT_LIST_LIMIT} more")
    if dq["rejected"]:
        out += ["", "### Rows that could not be read", ""]
        for item in dq["rejected"][:_TEXT_LIST_LIMIT]:
            out.append(
                f"- {_md(_where(item))}: {_md(item.get('reason'))} (“{_md(item.get('text'))}”)"
            )
        if len(dq["rejected"]) > _TEXT_LIST_LIMIT:
            out.append(f"- and {len(dq['rejected']) - _TEXT_LIST_LIMIT} more")
    assumed = dq.get("assumptions", {})
    if assumed.get("count"):
        out += ["", "### Assumptions", "", _md(_assumptions_sentence(assumed)), ""]
        out += [f"- {_md(_where(i))}: {_md(_assumed(i))}" for i in assumed["heaviest"]]
    out.append("")
    return out


def _coverage_rows(
    coverage: list[dict[str, Any]], several: bool
) -> tuple[list[str], list[list[str]]]:
    people = list(dict.fromkeys(c["person"] for c in coverage))
    labels = list(dict.fromkeys(c["label"] for c in coverage))
    headers = (["Person"] if several else []) + labels
    rows = []
    for person in people:
        values = {c["label"]: _pct(c["coverage"]) for c in coverage if c["person"] == person}
        rows.append(([person] if several else []) + [values.get(lab, "n/a") for lab in labels])
    return headers, rows


def _coverage_table_md(coverage: list[dict[str, Any]], several: bool) -> list[str]:
    if not coverage:
        return []
    headers, rows = _coverage_rows(coverage, several)
    return [
        _COVERAGE_HEADING,
        "",
        *_md_table(headers, rows),
    ]


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#1d2329;line-height:1.45}
h1{font-size:1.6em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #d0d7de;padding:.3em .55em;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
.status{font-weight:600;border-radius:3px;padding:0 .3em}
.s-likely-adequate{color:#116329}.s-possibly-low{color:#8a5a00;background:#fff4d6}
.s-likely-low{color:#a40e26;background:#ffe1e1}.s-above-upper-limit{color:#fff;background:#a40e26}
.s-above-cdrr{color:#8a5a00;background:#fff4d6}.s-unknown{color:#57606a}
.s-cannot-tell{color:#0a4f75;background:#e3f1fb}.s-uncertain{color:#0a4f75;background:#e3f1fb}
.notice{background:#fff8e6;border-left:4px solid #d4a72c;padding:.6em .9em}
.sources{color:#57606a;font-size:.85em}.explanation{border-left:3px solid #d0d7de;padding-left:.9em}
img.chart{max-width:100%;height:auto;display:block;margin:.8em 0}
code{background:#f3f5f7;padding:0 .25em;border-radius:3px}
""".strip()


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _html_table(headers: list[str], rows: list[list[str]], status_col: int | None = None) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            if i == status_col:
                css = "s-" + re.sub(r"[^a-z]+", "-", cell.lower()).strip("-")
                cells.append(f'<td><span class="status {css}">{_e(cell)}</span></td>')
            elif i > 0 and re.fullmatch(r"[<>]?[\d,.]+%?|n/a", cell):
                cells.append(f'<td class="num">{_e(cell)}</td>')
            else:
                cells.append(f"<td>{_e(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cite(sources: list[str]) -> str:
    return f' <span class="sources">{_e(_sources(sources))}</span>' if sources else ""


def _render_html_body(doc: Mapping[str, Any], charts: Mapping[str, list[tuple[str, str]]]) -> str:
    several = len(doc["people"]) > 1
    out = ["<h1>nutrilog report</h1>", f'<p class="notice">{_e(doc["disclaimer"])}</p>']
    for section in doc["people"]:
        out.append(f'<section class="person"><h2>{_e(_person_title(section, several))}</h2>')
        out.append("<h3>Verdicts</h3>")
        out.append(
            _html_table(
                VERDICT_HEADERS, [_verdict_row(v) for v in section["verdicts"]], status_col=1
            )
        )
        out.append("<ul>")
        for v in section["verdicts"]:
            details = "".join(f"<li>{_e(line)}</li>" for line in _verdict_details(v))
            notes = "".join(f"<li>{_e(n)}</li>" for n in _notes_shown(v))
            out.append(
                f"<li><b>{_e(v['label'])}</b>: {_e(v['summary'])}"
                + (f"<ul>{details}</ul>" if details else "")
                + (f'<ul class="sources">{notes}</ul>' if notes else "")
                + "</li>"
            )
        out.append("</ul>")
        if section["explanations"]:
            out.append("<h3>Why this can matter for spasms</h3>")
            for e in section["explanations"]:
                out.append(
                    f'<div class="explanation"><h4>{_e(e["label"])} '
                    f'<span class="status s-{_e(e["status"].replace(" ", "-"))}">{_e(e["status"])}</span></h4>'
                    f"<p>{_e(e['context'])}</p><ul>"
                )
                for title, key in (
                    ("Role", "role"),
                    ("How it can cause spasms", "mechanism"),
                    ("Works together with", "interactions"),
                ):
                    out += [
                        f"<li><i>{title}:</i> {_e(p['text'])}{_cite(p['sources'])}</li>"
                        for p in e[key]
                    ]
                if e["foods"]:
                    foods = "; ".join(f"{_e(f['name'])}{_cite(f['sources'])}" for f in e["foods"])
                    out.append(f"<li><i>Foods the articles name:</i> {foods}</li>")
                out.append("</ul></div>")
        if section["suggestions"]:
            out.append("<h3>Foods that would close the gap</h3><ul>")
            for label, foods, notes in _suggestion_groups(section["suggestions"]):
                lines = "".join(f"<li>{_e(line)}</li>" for line in foods)
                lines += "".join(f"<li><i>Note:</i> {_e(line)}</li>" for line in notes)
                out.append(f"<li><b>{_e(label)}</b><ul>{lines}</ul></li>")
            out.append("</ul>")
        headers, rows, _ = _daily_table(section, None)
        out.append("<h3>Daily totals</h3>")
        out.append(_html_table(headers, rows) if rows else "<p>No days logged.</p>")
        for caption, png in charts.get(section["person"], []):
            out.append(
                f'<figure><img class="chart" alt="{_e(caption)}" '
                f'src="data:image/png;base64,{png}"><figcaption>{_e(caption)}</figcaption></figure>'
            )
        out.append("</section>")
    out.append(_html_quality(doc["data_quality"], several))
    out.append("<h2>Other causes of neck and back spasms</h2><ul>")
    out += [
        f"<li><b>{_e(c['cause'])}</b>: {_e(c['text'])}{_cite(c['sources'])}</li>"
        for c in doc["other_causes"]
    ]
    out.append("</ul><h2>When to see a clinician</h2><ul>")
    out += [f"<li>{_e(p['text'])}{_cite(p['sources'])}</li>" for p in doc["see_a_clinician"]]
    out.append("</ul><h2>Sources</h2><ul>")
    out += [
        f"<li>[{_e(k)}] <cite>{_e(_source_line(k, a))}</cite></li>"
        for k, a in doc["articles"].items()
    ]
    out.append(f'</ul><h2>Not medical advice</h2><p class="notice">{_e(doc["disclaimer"])}</p>')
    return "\n".join(out)


def _html_quality(dq: Mapping[str, Any], several: bool) -> str:
    out = ["<h2>Data quality</h2>", f"<p>{_e(_counts_sentence(dq['counts']))}</p>"]
    if dq["coverage"]:
        headers, rows = _coverage_rows(dq["coverage"], several)
        out += [
            f"<p>{_e(_COVERAGE_HEADING)}</p>",
            _html_table(headers, rows),
        ]
    out += _html_list(
        "Entries not matched to a food",
        dq["unmatched"],
        lambda i: f"{_e(_where(i))}: <code>{_e(i.get('text'))}</code>: {_e(_did_you_mean(i))}",
    )
    out += _html_list(
        "Rows that could not be read",
        dq["rejected"],
        lambda i: f"{_e(_where(i))}: {_e(i.get('reason'))} (<code>{_e(i.get('text'))}</code>)",
    )
    assumed = dq.get("assumptions", {})
    if assumed.get("count"):
        out.append(f"<p>{_e(_assumptions_sentence(assumed))}</p>")
        out += _html_list(
            "Assumptions", assumed["heaviest"], lambda i: f"{_e(_where(i))}: {_e(_assumed(i))}"
        )
    return "\n".join(out)


def _html_list(title: str, items: list[dict[str, Any]], item_html: Any) -> list[str]:
    """A titled HTML list of the first items (already escaped by ``item_html``), then a count."""
    if not items:
        return []
    out = [f"<h3>{_e(title)}</h3><ul>"]
    out += [f"<li>{item_html(i)}</li>" for i in items[:_TEXT_LIST_LIMIT]]
    if len(items) > _TEXT_LIST_LIMIT:
        out.append(f"<li>and {len(items) - _TEXT_LIST_LIMIT} more</li>")
    out.append("</ul>")
    return out
