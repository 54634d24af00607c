"""The report as one plain document, built from an :class:`~nutrilog.analysis.Analysis`.

:data:`SECTIONS` and :data:`PERSON_SECTIONS` list the sections and their order, once,
for every format; :func:`build_document` gathers their content. The document is
JSON-ready data, and every writer (text, Markdown, HTML, JSON) renders this same
document, so the formats never disagree. The content of each part is gathered in
:mod:`~nutrilog.report.verdicts` (verdicts and explanations),
:mod:`~nutrilog.report.person` (each person's part), :mod:`~nutrilog.report.quality`
(data quality) and :mod:`~nutrilog.report.cohort` (population summary, compact lines).

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

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nutrilog._version import version
from nutrilog.errors import ArgumentError
from nutrilog.report.cohort import cohort_lines, population_of, selected_people, top_foods_of
from nutrilog.report.person import (
    GENERAL,
    WEEKLY_AFTER_DAYS,
    assessment_of_shown,
    person_part,
    shown_daily,
    undated_entries,
    weekly_means,
)
from nutrilog.report.quality import data_quality, fixes_of
from nutrilog.report.verdicts import CONCERN_STATUSES, by_probability, points

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


_NOT_ADVICE = "This report is not medical advice."
_NOT_ADVICE_DETAIL = (
    "It compares what you logged with reference intakes and cannot diagnose a deficiency "
    "or the cause of a spasm."
)


# --------------------------------------------------------------------------- verdicts


# --------------------------------------------------------------------------- explanations


# --------------------------------------------------------------------------- a person's part


# --------------------------------------------------------------------------- data quality


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


def _person_parts(
    analysis: Analysis,
    people: list[str],
    shown: list[str],
    data: Mapping[str, Any],
    fixes: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The full parts of the people shown; nobody's suggestions, top foods or worded
    assessment are computed when nobody is shown (a cohort report by default)."""
    if not shown:
        return []
    some = len(shown) < len(people) and hasattr(analysis, "suggestions_for")
    suggested = analysis.suggestions_for(shown) if some else analysis.suggestions
    foods = top_foods_of(analysis, shown) if some else analysis.top_foods
    assessed = assessment_of_shown(analysis, shown)
    daily = shown_daily(analysis.daily, shown)
    undated = undated_entries(analysis.categorical_entries(), shown)
    return [
        person_part(analysis, p, data, fixes, suggested, foods, assessed, daily, undated[p])
        for p in shown
    ]


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
    from nutrilog.people_shown import people_in

    if per_person is not None and not isinstance(per_person, bool):
        raise ArgumentError(f"per_person: expected True, False or None, found {per_person!r}")
    data = _explanation_data(analysis)
    people = people_in(analysis)
    cohort = len(people) > COHORT_AFTER
    selected = selected_people(people, persons)
    if per_person is None:
        per_person = not cohort and persons is None
    shown = people if per_person else selected
    compact = cohort or len(shown) < len(people)
    with_population = cohort if population is None else population is not False
    by = None if isinstance(population, bool) or population is None else population
    fixes = fixes_of(analysis)
    parts = _person_parts(analysis, people, shown, data, fixes)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"nutrilog {version()}",
        "articles": {
            str(k): {"title": str(v["title"]), "url": v.get("url"), "kind": str(v["kind"])}
            for k, v in data["articles"].items()
        },
        "population": population_of(analysis, by) if with_population else None,
        "cohort": cohort_lines(analysis, people, shown) if compact else None,
        "people": parts,
        "data_quality": data_quality(analysis, shown if compact else people, fixes, compact),
        "other_causes": [
            {"cause": str(c["cause"]), "text": str(c["text"]), "sources": list(c["sources"])}
            for c in data.get("other_causes") or []
        ],
        "see_a_clinician": points(data.get("see_a_clinician")),
        "disclaimer": _disclaimer(data),
    }
