"""The report as HTML: one self-contained page (inline CSS, charts as base64 PNG).

Every user-supplied string is escaped, so a food named ``<script>`` shows as text.
Everything sits in one ``<div class="nutrilog-report">`` and every CSS rule is
scoped to it (:data:`CSS`: no rule for ``body``, ``h1`` or ``table`` as such), so the
report restyles nothing around it in a notebook or a page it is pasted into. The
answer comes first (the verdict table, what is uncertain, the next steps); the
explanations and the details (statistics, daily totals, every note) fold away in
plain ``<details>`` elements: no script.

Examples
--------
>>> e("<b>bean</b> & rice")
'&lt;b&gt;bean&lt;/b&gt; &amp; rice'
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from nutrilog.report import cohort_words as cw
from nutrilog.report import wording as w
from nutrilog.report.writer import Writer

__all__ = ["CONTAINER", "CSS", "e", "write_html", "write_html_fragment", "write_html_summary"]

#: The class of the element that holds the report; every CSS rule starts with it.
CONTAINER = "nutrilog-report"

_C = f".{CONTAINER}"
CSS = f"""
{_C}{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;
margin:0 auto;padding:0 .8em;color:#1d2329;line-height:1.45;font-size:16px;
overflow-wrap:break-word;box-sizing:border-box}}
{_C} *{{box-sizing:border-box}}
{_C} h1{{font-size:1.6em;margin:.4em 0 .2em}}
{_C} h2{{font-size:1.3em;border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin:1.4em 0 .5em}}
{_C} h3{{font-size:1.1em;margin:1.1em 0 .4em}}
{_C} h4{{font-size:1em;margin:.6em 0 .3em}}
{_C} .nl-scroll{{max-width:100%;overflow-x:auto}}
{_C} table{{border-collapse:collapse;margin:.5em 0;font-size:.92em}}
{_C} th,{_C} td{{border:1px solid #d0d7de;padding:.3em .55em;text-align:left;vertical-align:top}}
{_C} th{{background:#f3f5f7}}
{_C} td.num{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}
{_C} .status{{font-weight:600;border-radius:3px;padding:0 .3em;white-space:nowrap}}
{_C} .s-likely-adequate{{color:#116329}}
{_C} .s-possibly-low,{_C} .s-above-cdrr{{color:#8a5a00;background:#fff4d6}}
{_C} .s-likely-low{{color:#a40e26;background:#ffe1e1}}
{_C} .s-above-upper-limit{{color:#fff;background:#a40e26}}
{_C} .s-unknown{{color:#57606a}}
{_C} .s-cannot-tell,{_C} .s-uncertain{{color:#0a4f75;background:#e3f1fb}}
{_C} .notice{{background:#fff8e6;border-left:4px solid #d4a72c;padding:.5em .9em;margin:.4em 0}}
{_C} .terms,{_C} .sources{{color:#57606a;font-size:.88em}}
{_C} .steps li{{margin:.25em 0}}
{_C} .clinician{{border-left:4px solid #a40e26;padding:.3em .8em;background:#fff5f5}}
{_C} details{{margin:.4em 0}}
{_C} details>summary{{cursor:pointer;font-weight:600}}
{_C} details.nl-details{{border-top:2px solid #d0d7de;margin-top:1.6em;padding-top:.4em}}
{_C} details.nl-details>summary{{font-size:1.2em}}
{_C} .explanation{{border-left:3px solid #d0d7de;padding-left:.9em}}
{_C} figure{{margin:.8em 0}}
{_C} img.chart{{max-width:100%;height:auto;display:block}}
{_C} figcaption{{color:#57606a;font-size:.88em}}
{_C} code{{background:#f3f5f7;padding:0 .25em;border-radius:3px}}
@media (max-width:600px){{
{_C}{{font-size:14px;padding:0 .2em}}
{_C} h1{{font-size:1.4em}}
{_C} h2{{font-size:1.15em}}
{_C} table{{font-size:.82em}}
{_C} th,{_C} td{{padding:.2em .25em}}
{_C} table.verdicts td{{white-space:nowrap}}
{_C} table.verdicts td:nth-child(4){{white-space:normal}}
}}
""".strip()

#: Charts of each person (as the document names the person): (caption, base64 PNG).
Charts = Mapping[str, list[tuple[str, str]]]


def e(text: Any) -> str:
    """Escape text for HTML (``None`` is empty)."""
    return html.escape("" if text is None else str(text), quote=True)


def _status_class(status: str) -> str:
    return "s-" + re.sub(r"[^a-z]+", "-", status.lower()).strip("-")


def _table(
    headers: list[str], rows: list[list[str]], status_col: int | None = None, cls: str = ""
) -> str:
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            if i == status_col:
                cells.append(
                    f'<td><span class="status {_status_class(cell)}">{e(cell)}</span></td>'
                )
            elif i > 0 and re.fullmatch(r"[<>]?[\d,.]+%?( [^\d\s]+)?|n/a", cell):
                cells.append(f'<td class="num">{e(cell)}</td>')
            else:
                cells.append(f"<td>{e(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    attr = f' class="{cls}"' if cls else ""
    return (
        f'<div class="nl-scroll"><table{attr}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _cite(keys: list[str]) -> str:
    return f' <span class="sources">{e(w.sources(keys))}</span>' if keys else ""


class HtmlWriter(Writer):
    """The body of the HTML report (see :func:`write_html`)."""

    def __init__(self, document: dict[str, Any], charts: Charts) -> None:
        super().__init__(document)
        self.images = charts

    def listed(
        self, title: str, items: list[dict[str, Any]], item_html: Any, limit: int = w.LIST_LIMIT
    ) -> None:
        """A titled list of the first items (escaped by ``item_html``), then a count."""
        if not items:
            return
        self.out.append(f"<h3>{e(title)}</h3><ul>")
        self.out += [f"<li>{item_html(i)}</li>" for i in items[:limit]]
        if len(items) > limit:
            self.out.append(f"<li>and {len(items) - limit} more</li>")
        self.out.append("</ul>")

    # ----- the answer first
    def title(self) -> None:
        self.out += [f"<h1>{w.TITLE}</h1>", f'<p class="notice">{e(w.short_notice())}</p>']

    def population(self) -> None:
        found = self.doc.get("population")
        if not found:
            return
        self.out.append(f'<section class="population"><h2>{e(cw.POPULATION_TITLE)}</h2>')
        if found["rows"]:
            self.out += [
                _table(*cw.population_rows(found), cls="population"),
                f'<p class="terms">{e(cw.POPULATION_TERMS)}</p><ul class="terms">',
                *[f"<li>{e(note)}</li>" for note in cw.population_notes(found)],
                "</ul>",
            ]
        else:
            self.out.append("<p>No person has an assessed day.</p>")
        self.out.append("</section>")

    def cohort(self) -> None:
        found = self.doc.get("cohort")
        if not found:
            return
        self.out += [
            f'<section class="cohort"><h2>{e(cw.COHORT_TITLE)}</h2>',
            _table(cw.cohort_headers(), cw.cohort_rows(found), cls="cohort"),
            f'<p class="terms">{e(cw.cohort_legend())}</p>',
            f'<p class="terms">{e(cw.cohort_hint(found))}</p></section>',
        ]

    def person(self, section: dict[str, Any]) -> None:
        title = w.person_title(section, self.several)
        self.out.append(f'<section class="person"><h2>{e(title)}</h2>')

    def verdicts(self, section: dict[str, Any]) -> None:
        if not section["verdicts"]:
            self.out.append("<p>No verdicts: nothing was logged for this person.</p>")
            return
        rows = [w.verdict_row(v) for v in section["verdicts"]]
        self.out += [
            _table(w.VERDICT_HEADERS, rows, status_col=1, cls="verdicts"),
            f'<p class="terms">{e(w.TERMS)}</p>',
        ]

    def overview(self, section: dict[str, Any]) -> None:
        found = section["overview"]
        if found["uncertain"]:
            self.out.append("<h3>What is uncertain, and why</h3><ul>")
            self.out += [f"<li>{e(item['text'])}</li>" for item in found["uncertain"]]
            self.out.append("</ul>")
        if found["next_steps"]:
            self.out.append('<h3>Next steps</h3><ol class="steps">')
            self.out += [f"<li>{e(step['text'])}</li>" for step in found["next_steps"]]
            self.out.append("</ol>")
        self.out.append(f'<p class="clinician">{e(w.CLINICIAN_POINTER)}</p>')

    def suggestions(self, section: dict[str, Any]) -> None:
        if not section["suggestions"]:
            return
        self.out.append("<h3>Foods that would close the gap</h3><ul>")
        for label, foods, notes in w.suggestion_groups(section["suggestions"]):
            lines = "".join(f"<li>{e(line)}</li>" for line in foods)
            lines += "".join(f"<li><i>Note:</i> {e(line)}</li>" for line in notes)
            self.out.append(f"<li><b>{e(label)}</b><ul>{lines}</ul></li>")
        self.out.append("</ul>")

    def top_foods(self, section: dict[str, Any]) -> None:
        lines = w.top_food_lines(section)
        if not lines:
            return
        self.out.append("<h3>Where your nutrients came from</h3><ul>")
        self.out += [f"<li><b>{e(label)}</b>: {e(foods)}</li>" for label, foods in lines]
        self.out.append("</ul>")

    def charts(self, section: dict[str, Any]) -> None:
        for caption, png in self.images.get(section["person"], []):
            self.out.append(
                f'<figure><img class="chart" alt="{e(caption)}" '
                f'src="data:image/png;base64,{png}"><figcaption>{e(caption)}</figcaption></figure>'
            )

    def explanations(self, section: dict[str, Any]) -> None:
        if not section["explanations"]:
            return
        self.out.append("<h3>Why this can matter for spasms</h3>")
        for x in section["explanations"]:
            self.out.append(
                f'<details class="explanation"><summary>{e(x["label"])} '
                f'<span class="status {_status_class(x["status"])}">{e(x["status"])}</span>: '
                f"{e(x['context'])}</summary><ul>"
            )
            self.out += [
                f"<li><i>{title}:</i> {e(p['text'])}{_cite(p['sources'])}</li>"
                for title, p in w.explanation_points(x)
            ]
            if x["foods"]:
                foods = "; ".join(f"{e(f['name'])}{_cite(f['sources'])}" for f in x["foods"])
                self.out.append(f"<li><i>Foods the articles name:</i> {foods}</li>")
            self.out.append("</ul></details>")

    def person_end(self, section: dict[str, Any]) -> None:
        self.out.append("</section>")

    # ----- the whole log
    def fixes(self) -> None:
        fixes = self.doc["data_quality"].get("fixes") or []
        if not fixes:
            return
        self.out.append(f"<h2>{e(w.FIXES_TITLE)}</h2><ul>")
        self.out += [f"<li>{e(w.fix_line(f))}</li>" for f in fixes[: w.FIXES_SHOWN]]
        self.out.append(f'</ul><p class="terms">{e(w.fixes_more(fixes))}</p>')

    def data_quality(self) -> None:
        dq = self.doc["data_quality"]
        self.out += ["<h2>Data quality</h2>", f"<p>{e(w.counts_sentence(dq['counts']))}</p>"]
        if dq["coverage"]:
            self.out.append(f"<p>{e(w.coverage_sentence(dq['coverage'], self.several))}</p>")
        self.listed(
            "Rows that could not be read",
            dq["rejected"],
            lambda i: f"{e(w.where(i))}: {e(i.get('reason'))} (<code>{e(i.get('text'))}</code>)",
        )

    def other_causes(self) -> None:
        self.out.append("<h2>Other causes of neck and back spasms</h2><ul>")
        self.out += [
            f"<li><b>{e(c['cause'])}</b>: {e(c['text'])}{_cite(c['sources'])}</li>"
            for c in self.doc["other_causes"]
        ]
        self.out.append("</ul>")

    def see_a_clinician(self) -> None:
        self.out.append("<h2>When to see a clinician</h2><ul>")
        self.out += [
            f"<li>{e(p['text'])}{_cite(p['sources'])}</li>" for p in self.doc["see_a_clinician"]
        ]
        self.out.append("</ul>")

    def sources(self) -> None:
        self.out.append("<h2>Sources</h2><ul>")
        self.out += [
            f"<li>[{e(k)}] <cite>{e(w.source_line(a))}</cite></li>"
            for k, a in self.doc["articles"].items()
        ]
        self.out.append("</ul>")

    # ----- details
    def details_start(self) -> None:
        self.out.append(
            f'<details class="nl-details"><summary>{e(w.DETAILS_TITLE)}</summary>'
            f'<p class="terms">{e(w.STATISTICS_TERMS)}</p>'
        )

    def statistics(self, section: dict[str, Any]) -> None:
        title = "Verdicts in detail" + (f": {section['person']}" if self.several else "")
        self.out.append(f"<h3>{e(title)}</h3>")
        if not section["verdicts"]:
            return
        rows = [w.statistics_row(v) for v in section["verdicts"]]
        self.out += [_table(w.STATISTICS_HEADERS, rows, status_col=1), "<ul>"]
        for v in section["verdicts"]:
            details = "".join(f"<li>{e(line)}</li>" for line in w.verdict_details(v))
            notes = "".join(f"<li>{e(n)}</li>" for n in w.notes_shown(v))
            self.out.append(
                f"<li><b>{e(v['label'])}</b>: {e(v['summary'])}"
                + (f"<ul>{details}</ul>" if details else "")
                + (f'<ul class="sources">{notes}</ul>' if notes else "")
                + "</li>"
            )
        self.out.append("</ul>")

    def daily(self, section: dict[str, Any]) -> None:
        headers, rows, _ = w.daily_table(section, None)
        title = "Daily totals" + (f": {section['person']}" if self.several else "")
        self.out.append(f"<h3>{e(title)}</h3>")
        self.out.append(_table(headers, rows) if rows else "<p>No days logged.</p>")
        undated = section["period"].get("undated_entries")
        if undated:
            self.out.append(f"<p>{undated} entries without a date are not in this table.</p>")

    def quality_details(self) -> None:
        dq = self.doc["data_quality"]
        if dq["coverage"]:
            headers, rows = w.coverage_rows(dq["coverage"], self.several)
            self.out += [
                "<h3>Coverage</h3>",
                f"<p>{e(w.COVERAGE_HEADING)}</p>",
                _table(headers, rows),
            ]
        self.listed(
            "Entries not matched to a food",
            dq["unmatched"],
            lambda i: f"{e(w.where(i))}: <code>{e(i.get('text'))}</code>: {e(w.did_you_mean(i))}",
        )
        assumed = dq["assumptions"]
        if assumed.get("count"):
            self.out.append(f"<h3>Assumptions</h3><p>{e(w.assumptions_sentence(assumed))}</p><ul>")
            self.out += [
                f"<li>{e(w.where(i))}: {e(w.assumed(i))}</li>" for i in assumed["heaviest"]
            ]
            self.out.append("</ul>")

    def details_end(self) -> None:
        self.out.append("</details>")

    def not_advice(self) -> None:
        self.out.append(
            f'<h2>Not medical advice</h2><p class="notice">{e(self.doc["disclaimer"])}</p>'
        )


def write_html_fragment(document: dict[str, Any], charts: Charts | None = None) -> str:
    """The report's HTML inside its container, without the page around it (for a notebook)."""
    body = HtmlWriter(document, charts or {}).write()
    return f'<div class="{CONTAINER}"><style>{CSS}</style>{body}</div>'


def write_html(document: dict[str, Any], charts: Charts | None = None) -> str:
    """The report document as one self-contained HTML page."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{w.TITLE}</title>\n</head>\n<body>\n"
        f"{write_html_fragment(document, charts)}\n</body>\n</html>\n"
    )


_SUMMARY_HINT = (
    "result.report() shows the whole report (foods that close each gap, why it matters "
    "for spasms, details); result.plot() draws the days; result.summary is this table as "
    "data; result.fixes lists the entries to check."
)


def write_html_summary(document: dict[str, Any]) -> str:
    """One screen for a notebook: per person the verdicts, what is uncertain and the
    next steps, then the coverage and how many entries to check."""
    writer = HtmlWriter(document, {})
    writer.population()
    writer.cohort()
    for section in document["people"]:
        title = w.person_title(section, writer.several)
        writer.out.append(f"<h3>{e(title)}</h3>")
        writer.verdicts(section)
        writer.overview(section)
    dq = document["data_quality"]
    if dq["coverage"]:
        writer.out.append(f"<p>{e(w.coverage_sentence(dq['coverage'], writer.several))}</p>")
    fixes = dq.get("fixes") or []
    if fixes:
        writer.out.append(
            f"<p>{len(fixes)} food(s) to check (not matched, not weighed or guessed): "
            "<code>result.fixes</code>.</p>"
        )
    writer.out.append(f'<p class="terms">{e(w.short_notice())} {e(_SUMMARY_HINT)}</p>')
    return f'<div class="{CONTAINER}"><style>{CSS}</style>{"".join(writer.out)}</div>'
