"""The report as HTML: one self-contained page (inline CSS, charts as base64 PNG).

Every user-supplied string is escaped, so a food named ``<script>`` shows as text.

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

from nutrilog.report import wording as w
from nutrilog.report.writer import Writer

__all__ = ["CSS", "e", "write_html", "write_html_fragment"]

CSS = """
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

#: Charts of each person (as the document names the person): (caption, base64 PNG).
Charts = Mapping[str, list[tuple[str, str]]]


def e(text: Any) -> str:
    """Escape text for HTML (``None`` is empty)."""
    return html.escape("" if text is None else str(text), quote=True)


def _status_class(status: str) -> str:
    return "s-" + re.sub(r"[^a-z]+", "-", status.lower()).strip("-")


def _table(headers: list[str], rows: list[list[str]], status_col: int | None = None) -> str:
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            if i == status_col:
                cells.append(
                    f'<td><span class="status {_status_class(cell)}">{e(cell)}</span></td>'
                )
            elif i > 0 and re.fullmatch(r"[<>]?[\d,.]+%?|n/a", cell):
                cells.append(f'<td class="num">{e(cell)}</td>')
            else:
                cells.append(f"<td>{e(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cite(keys: list[str]) -> str:
    return f' <span class="sources">{e(w.sources(keys))}</span>' if keys else ""


class HtmlWriter(Writer):
    """The body of the HTML report (see :func:`write_html`)."""

    def __init__(self, document: dict[str, Any], charts: Charts) -> None:
        super().__init__(document)
        self.charts = charts

    def listed(self, title: str, items: list[dict[str, Any]], item_html: Any) -> None:
        """A titled list of the first items (escaped by ``item_html``), then a count."""
        if not items:
            return
        self.out.append(f"<h3>{e(title)}</h3><ul>")
        self.out += [f"<li>{item_html(i)}</li>" for i in items[: w.LIST_LIMIT]]
        if len(items) > w.LIST_LIMIT:
            self.out.append(f"<li>and {len(items) - w.LIST_LIMIT} more</li>")
        self.out.append("</ul>")

    def title(self) -> None:
        self.out += [f"<h1>{w.TITLE}</h1>", f'<p class="notice">{e(self.doc["disclaimer"])}</p>']

    def person(self, section: dict[str, Any]) -> None:
        title = w.person_title(section, self.several)
        self.out.append(f'<section class="person"><h2>{e(title)}</h2>')

    def verdicts(self, section: dict[str, Any]) -> None:
        rows = [w.verdict_row(v) for v in section["verdicts"]]
        self.out += ["<h3>Verdicts</h3>", _table(w.VERDICT_HEADERS, rows, status_col=1), "<ul>"]
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

    def explanations(self, section: dict[str, Any]) -> None:
        if not section["explanations"]:
            return
        self.out.append("<h3>Why this can matter for spasms</h3>")
        for x in section["explanations"]:
            self.out.append(
                f'<div class="explanation"><h4>{e(x["label"])} '
                f'<span class="status s-{e(x["status"].replace(" ", "-"))}">{e(x["status"])}</span></h4>'
                f"<p>{e(x['context'])}</p><ul>"
            )
            self.out += [
                f"<li><i>{title}:</i> {e(p['text'])}{_cite(p['sources'])}</li>"
                for title, p in w.explanation_points(x)
            ]
            if x["foods"]:
                foods = "; ".join(f"{e(f['name'])}{_cite(f['sources'])}" for f in x["foods"])
                self.out.append(f"<li><i>Foods the articles name:</i> {foods}</li>")
            self.out.append("</ul></div>")

    def suggestions(self, section: dict[str, Any]) -> None:
        if not section["suggestions"]:
            return
        self.out.append("<h3>Foods that would close the gap</h3><ul>")
        for label, foods, notes in w.suggestion_groups(section["suggestions"]):
            lines = "".join(f"<li>{e(line)}</li>" for line in foods)
            lines += "".join(f"<li><i>Note:</i> {e(line)}</li>" for line in notes)
            self.out.append(f"<li><b>{e(label)}</b><ul>{lines}</ul></li>")
        self.out.append("</ul>")

    def daily(self, section: dict[str, Any]) -> None:
        headers, rows, _ = w.daily_table(section, None)
        self.out.append("<h3>Daily totals</h3>")
        self.out.append(_table(headers, rows) if rows else "<p>No days logged.</p>")
        for caption, png in self.charts.get(section["person"], []):
            self.out.append(
                f'<figure><img class="chart" alt="{e(caption)}" '
                f'src="data:image/png;base64,{png}"><figcaption>{e(caption)}</figcaption></figure>'
            )

    def person_end(self, section: dict[str, Any]) -> None:
        self.out.append("</section>")

    def data_quality(self) -> None:
        dq = self.doc["data_quality"]
        self.out += ["<h2>Data quality</h2>", f"<p>{e(w.counts_sentence(dq['counts']))}</p>"]
        if dq["coverage"]:
            headers, rows = w.coverage_rows(dq["coverage"], self.several)
            self.out += [f"<p>{e(w.COVERAGE_HEADING)}</p>", _table(headers, rows)]
        self.listed(
            "Entries not matched to a food",
            dq["unmatched"],
            lambda i: f"{e(w.where(i))}: <code>{e(i.get('text'))}</code>: {e(w.did_you_mean(i))}",
        )
        self.listed(
            "Rows that could not be read",
            dq["rejected"],
            lambda i: f"{e(w.where(i))}: {e(i.get('reason'))} (<code>{e(i.get('text'))}</code>)",
        )
        assumed = dq["assumptions"]
        if assumed.get("count"):
            self.out.append(f"<p>{e(w.assumptions_sentence(assumed))}</p>")
            self.listed(
                "Assumptions", assumed["heaviest"], lambda i: f"{e(w.where(i))}: {e(w.assumed(i))}"
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

    def not_advice(self) -> None:
        self.out.append(
            f'<h2>Not medical advice</h2><p class="notice">{e(self.doc["disclaimer"])}</p>'
        )


def write_html_fragment(document: dict[str, Any], charts: Charts | None = None) -> str:
    """The report's HTML without the page around it (for a notebook)."""
    return HtmlWriter(document, charts or {}).write()


def write_html(document: dict[str, Any], charts: Charts | None = None) -> str:
    """The report document as one self-contained HTML page."""
    body = write_html_fragment(document, charts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{w.TITLE}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
