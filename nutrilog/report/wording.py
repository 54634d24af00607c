"""Sentences and table rows that every format of the report shows the same way.

Each writer lays these out in its own markup; the words and numbers come from here.

Examples
--------
>>> counts_sentence({"rows_read": 3, "entries": 2, "matched": 2, "rejected": 1})
'3 rows read: 2 entries (2 matched, 0 unmatched, 0 without an amount in grams) and 1 rejected rows.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from nutrilog.nutrients import ASSESSED, TRACKED, nutrient
from nutrilog.report.document import GENERAL, by_probability
from nutrilog.report.values import amount, day_label, fmt, pct

__all__ = [
    "TITLE",
    "VERDICT_HEADERS",
    "STATISTICS_HEADERS",
    "TERMS",
    "STATISTICS_TERMS",
    "CLINICIAN_POINTER",
    "DETAILS_TITLE",
    "FIXES_TITLE",
    "FIXES_SHOWN",
    "statistics_row",
    "top_food_lines",
    "fix_line",
    "fixes_more",
    "coverage_sentence",
    "short_notice",
    "EXPLANATION_PARTS",
    "COVERAGE_HEADING",
    "LIST_LIMIT",
    "person_title",
    "verdict_row",
    "verdict_details",
    "notes_shown",
    "explanation_points",
    "sources",
    "suggestion_groups",
    "daily_table",
    "coverage_rows",
    "counts_sentence",
    "where",
    "did_you_mean",
    "assumptions_sentence",
    "assumed",
    "source_line",
]

TITLE = "nutrilog report"

#: The verdict table of the first screen.
VERDICT_HEADERS = ["Nutrient", "Status", "Mean/day", "Target", "% of target"]

#: The verdict table of the details: what the status rests on.
STATISTICS_HEADERS = ["Nutrient", "Status", "Likelihood", "Upper limit", "Days", "Covered"]

#: The terms of the verdict table, in plain words (shown under it).
TERMS = (
    "Mean/day is your average over the days assessed. Target: the RDA (recommended intake, "
    "enough for nearly all healthy people) or, where no requirement is known, the AI "
    "(adequate intake, what healthy people are seen to take in)."
)

#: The terms of the statistical details.
STATISTICS_TERMS = (
    "EAR: the estimated average requirement, enough for half of healthy people. "
    "SD (standard deviation): how much intake varies from day to day; SD_within is that "
    "variation for one person, SD_req the spread of requirements between people. "
    "z: how far the mean is above the EAR in units of that combined uncertainty (IOM 2000). "
    "CV: the SD as a share of the mean. UL: the tolerable upper intake level. "
    "CDRR: the sodium intake above which cutting down lowers chronic-disease risk."
)

#: The pointer to the red flags, on the first screen.
CLINICIAN_POINTER = (
    "Spasms that are severe or keep coming back, or that come with numbness, weakness, "
    "fever or chest pain, need a clinician, not a food log: see When to see a clinician."
)

DETAILS_TITLE = "Details: statistics, daily totals and all notes"
FIXES_TITLE = "Entries to check"
#: Entries to check listed in text, Markdown and HTML (JSON and --fixes hold them all).
FIXES_SHOWN = 10

#: The parts of an explanation: heading shown and key in the document.
EXPLANATION_PARTS: tuple[tuple[str, str], ...] = (
    ("Role", "role"),
    ("How it can cause spasms", "mechanism"),
    ("Works together with", "interactions"),
)

COVERAGE_HEADING = (
    "Share of the logged food (by weight; an entry without grams counts as an average "
    "entry of its day) whose value is known, mean over days:"
)

#: Unmatched and rejected rows listed in text, Markdown and HTML (JSON lists them all).
LIST_LIMIT = 40


# --------------------------------------------------------------------------- a person's part


def person_title(section: Mapping[str, Any], several: bool) -> str:
    name = section["person"]
    who = "Your intake" if name == "default" and not several else str(name)
    period = section["period"]
    bits = [section["profile"]] if section["profile"] else []
    if period["first"]:
        first, last = day_label(period["first"]), day_label(period["last"])
        span = first if first == last else f"{first} to {last}"
        bits.append(f"{period['days']} day(s), {span}")
    return f"{who} ({'; '.join(bits)})" if bits else who


def _likelihood(v: Mapping[str, Any]) -> str:
    """Short table cell: the probability or confidence behind the verdict, else the rule
    that set it; the verdict's sentences say it in full."""
    rule = v.get("status_rule")
    if rule == "coverage":
        return f"{pct(v.get('coverage'))} covered"
    if v.get("probability_adequate") is not None and by_probability(v):
        return f"adequate {pct(v['probability_adequate'])}"
    if rule == "IOM EAR/RDA rule":
        return "EAR/RDA rule"
    if v.get("confidence_above_ai") is not None:
        return f">= AI {pct(v['confidence_above_ai'])}"
    if rule == "AI rule":
        return "AI rule"
    return "n/a"


def _upper(v: Mapping[str, Any]) -> str:
    column = v["column"]
    if v.get("ul") is not None:
        suffix = " suppl." if v.get("ul_applies_to") == "supplements" else ""
        return f"{amount(v['ul'], column)}{suffix}"
    if v.get("cdrr") is not None:
        return f"CDRR {amount(v['cdrr'], column)}"
    return "none set"


def verdict_row(v: Mapping[str, Any]) -> list[str]:
    """The cells of a verdict under :data:`VERDICT_HEADERS`."""
    target = f"{v.get('target_kind') or ''} {amount(v.get('target'), v['column'])}".strip()
    share = f"{v['pct_of_target']:,.0f}%" if v.get("pct_of_target") is not None else "n/a"
    return [v["label"], v["status"], amount(v.get("mean"), v["column"]), target, share]


def statistics_row(v: Mapping[str, Any]) -> list[str]:
    """The cells of a verdict under :data:`STATISTICS_HEADERS`."""
    return [
        v["label"],
        v["status"],
        _likelihood(v),
        _upper(v),
        fmt(v.get("days")),
        pct(v.get("coverage")),
    ]


def verdict_details(v: Mapping[str, Any]) -> list[str]:
    """The lines under a verdict's summary: why this status, and which day-to-day SD."""
    out = []
    if v.get("reason"):
        out.append(f"Verdict: {v['reason']}")
    if v.get("sd_used"):
        out.append(f"SD used: {v['sd_used']}")
    return out


def notes_shown(v: Mapping[str, Any]) -> list[str]:
    """A verdict's notes as one line (the document keeps them one by one)."""
    return ["; ".join(v["notes"])] if v["notes"] else []


def explanation_points(e: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """(heading, point) of each point of an explanation, in the order of
    :data:`EXPLANATION_PARTS` (role, mechanism, interactions)."""
    return [(title, p) for title, key in EXPLANATION_PARTS for p in e[key]]


def sources(keys: Iterable[str]) -> str:
    """Article keys as ``[neck, back]``; empty when none."""
    listed = list(keys)
    return f"[{', '.join(listed)}]" if listed else ""


def _suggestion_line(s: Mapping[str, Any]) -> str:
    if s.get("text"):
        return str(s["text"])
    parts = [str(s.get("portion") or ""), str(s.get("description") or s.get("food_id") or "")]
    line = " ".join(p for p in parts if p).strip()
    if s.get("amount") is not None:
        line += f": {amount(s['amount'], s['column'])}"
    if s.get("covers") is not None:
        line += f", {pct(s['covers'])} of the gap"
    return line


def suggestion_groups(items: list[dict[str, Any]]) -> list[tuple[str, list[str], list[str]]]:
    """(label, food lines, note lines) per nutrient, the general notes first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(str(item["label"]), []).append(item)
    order = sorted(groups, key=lambda label: label != GENERAL)
    return [
        (
            label,
            [_suggestion_line(s) for s in groups[label] if s.get("kind", "food") == "food"],
            [str(s["text"]) for s in groups[label] if s.get("kind") == "note"],
        )
        for label in order
    ]


def daily_table(
    section: Mapping[str, Any], max_days: int | None, short: bool = False
) -> tuple[list[str], list[list[str]], int]:
    """Headers, rows and the number of earlier days left out (``short``: terse headers).

    Entries without a date are not a day: they are left out here and counted in the
    period (``undated_entries``).
    """
    days = [d for d in section["daily"] if d.get("date")]
    hidden = 0
    if max_days is not None and len(days) > max_days:
        hidden = len(days) - max_days
        days = days[-max_days:]
    shown = [TRACKED[0], *(nutrient(k) for k in ASSESSED)]  # energy, then the assessed
    if short:
        names = [f"{n.short} {n.display_symbol}".strip() for n in shown]
        extra = ["Items", "Unm."]
    else:
        names = [f"{n.label} {n.display_symbol}" for n in shown]
        extra = ["Entries", "Unmatched"]
    headers = ["Date", *names, *extra]
    has_complete = any("complete" in d for d in days)
    if has_complete:
        headers.append("Used" if short else "Assessed")
    rows = []
    for d in days:
        row = [day_label(d.get("date"))]
        row += [amount(d.get(n.column), n.column).rsplit(" ", 1)[0] for n in shown]
        row += [fmt(d.get("n_entries")), fmt(d.get("n_unmatched"))]
        if has_complete:
            row.append("yes" if d.get("complete") else "no")
        rows.append(row)
    return headers, rows, hidden


# --------------------------------------------------------------------------- data quality


def coverage_rows(
    coverage: list[dict[str, Any]], several: bool
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the coverage table (a person column when there are several)."""
    people = list(dict.fromkeys(c["person"] for c in coverage))
    labels = list(dict.fromkeys(c["label"] for c in coverage))
    headers = (["Person"] if several else []) + labels
    rows = []
    for person in people:
        values = {c["label"]: pct(c["coverage"]) for c in coverage if c["person"] == person}
        rows.append(([person] if several else []) + [values.get(lab, "n/a") for lab in labels])
    return headers, rows


def counts_sentence(counts: Mapping[str, Any]) -> str:
    """What was read: every line accounted for, and what became of the entries."""
    if not counts:
        return "No counts available."
    c = {k: (v if v is not None else 0) for k, v in counts.items()}
    parts = [
        f"{c.get('matched', 0)} matched",
        f"{c.get('unmatched', 0)} unmatched",
        f"{c.get('no_grams', 0)} without an amount in grams",
    ]
    if "supplements" in c:
        parts.append(f"{c['supplements']} supplements")
    if "reported" in c:
        parts.append(f"{c['reported']} with nutrients reported by the source")
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


def where(item: Mapping[str, Any]) -> str:
    """``file, line N`` of a listed row."""
    line = item.get("line")
    return f"{item.get('source') or '<input>'}" + (f", line {line}" if line is not None else "")


def did_you_mean(item: Mapping[str, Any]) -> str:
    """The closest foods of an unmatched entry, as a question."""
    options = [
        f"{o.get('description')} ({o.get('id')}"
        + (f", score {fmt(o['score'])}" if o.get("score") is not None else "")
        + ")"
        for o in item["suggestions"][:3]
    ]
    return "did you mean " + "; ".join(options) + "?" if options else "no close match"


def assumptions_sentence(summary: Mapping[str, Any]) -> str:
    """``5 entries rest on 7 assumptions (component 4, spelling 2, ...); the heaviest:``."""
    tags = ", ".join(f"{tag} {n}" for tag, n in summary["by_tag"].items())
    return (
        f"{summary['entries']} entries rest on {summary['count']} assumption(s) ({tags}); "
        "those carrying the most weight:"
    )


def assumed(item: Mapping[str, Any]) -> str:
    """One entry of the assumptions list: text, food, grams, minerals and what was assumed."""
    grams = item.get("grams")
    weight = "unknown grams" if grams is None else f"{grams:g} g"
    minerals = ", ".join(
        f"{nutrient(k).label} {item[k]:g} mg"
        for k in ("magnesium_mg", "calcium_mg", "potassium_mg")
        if item.get(k) is not None
    )
    food = item.get("description") or "no food matched"
    what = "; ".join(f"{a['tag']}: {a['detail']}" for a in item["assumptions"])
    return (
        f"{item.get('text')!r} as {food}, {weight}"
        + (f" ({minerals})" if minerals else "")
        + f": {what}"
    )


def source_line(article: Mapping[str, Any]) -> str:
    """An entry of the sources list: title, and the address where one is known."""
    if article.get("kind") == "note":
        return str(article["title"])
    url = article.get("url")
    found = url if url else "no web address is given in the copy these notes were written from"
    return f"{article['title']} ({found})"


# --------------------------------------------------------------------------- answer first


def short_notice() -> str:
    """The one line under the title: what the report is not."""
    return (
        "Not medical advice: a food log compared with reference intakes cannot show a "
        "deficiency or the cause of a spasm."
    )


def top_food_lines(section: Mapping[str, Any], per_nutrient: int = 3) -> list[tuple[str, str]]:
    """(nutrient label, ``food (12%); food (9%)``) of each assessed nutrient, in the log's words."""
    out = []
    for key in ASSESSED:
        n = nutrient(key)
        rows = [t for t in section.get("top_foods") or [] if t.get("column") == n.column]
        rows = [t for t in rows if (t.get("amount") or 0) > 0][:per_nutrient]
        if rows:
            out.append((n.label, "; ".join(f"{t['food']} ({pct(t.get('share'))})" for t in rows)))
    return out


def fix_line(f: Mapping[str, Any]) -> str:
    """One entry to check: the text, how many and how heavy, what is wrong, what to try."""
    unit = f" ({f['unit']})" if f.get("unit") else ""
    count = f.get("entries") or 0
    weight = f"{fmt(f['grams'])} g" if f.get("grams") is not None else "weight unknown"
    head = f"{f.get('text')!r}{unit}, {count} entr{'y' if count == 1 else 'ies'}, {weight}"
    what = str(f.get("problem") or "")
    if not f.get("food_id"):
        try_ = "no close food found" if not f.get("options") else f"closest: {f['options']}"
    elif f.get("food_id"):
        try_ = f"now {f.get('food')} ({f['food_id']})"
        if f.get("options"):
            try_ += f"; or {f['options']}"
    else:
        try_ = ""
    return f"{head}: {what}" + (f"; {try_}" if try_ else "")


def fixes_more(fixes: list[dict[str, Any]]) -> str:
    """The line after the entries to check listed: how many more, and how to fix them."""
    more = len(fixes) - FIXES_SHOWN
    head = f"and {more} more. " if more > 0 else ""
    return (
        f"{head}nutrilog analyze ... --fixes fixes.csv writes them all as a CSV to edit "
        "(a food_id, or grams_per_unit); pass it back with --aliases fixes.csv "
        "(Python: nl.write_fixes(result.fixes, path), then aliases=path)."
    )


def coverage_sentence(coverage: list[dict[str, Any]], several: bool = False) -> str:
    """How much of the logged food has known values, in one sentence."""
    known = [c for c in coverage if c.get("coverage") is not None]
    if not known:
        return "No coverage could be worked out (no day with food)."
    low = [c for c in known if c["coverage"] < 0.995]
    if not low:
        return "Known values cover more than 99% of the logged food for every nutrient."
    listed = ", ".join(
        f"{c['label']} {pct(c['coverage'])}" + (f" ({c['person']})" if several else "") for c in low
    )
    return f"Share of the logged food with a known value, where it is below 99%: {listed}."
