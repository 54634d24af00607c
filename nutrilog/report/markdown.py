"""The report as Markdown, every user-supplied string escaped.

Examples
--------
>>> md("see https://x.example/a and www.evil.test or me@evil.test, *now*")
'see https\\\\://x\\\\.example/a and www\\\\.evil\\\\.test or me\\\\@evil\\\\.test, \\\\*now\\\\*'
"""

from __future__ import annotations

import html
import re
from itertools import chain
from typing import Any

from nutrilog.report import cohort_words as cw
from nutrilog.report import wording as w
from nutrilog.report.writer import Writer

__all__ = ["md", "write_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")  # with [ ] escaped, ( ) ! cannot form links
# What renderers that autolink bare text look for: "scheme://", "www.", "name.tld" and
# "user@host". A backslash before the ":", "." or "@" keeps the text the same on screen
# but splits it, so no link is made from a URL written in a log.
_AUTOLINK = re.compile(r"(?<=\w)(:)(?=//)|(?<=\w)(\.)(?=[^\W\d_])|(@)")
# Text that no step of md() changes: words of none of the characters escaped above (nor
# ":" or "."), single spaces between them. Most cells of a table (names, counts, statuses
# without punctuation) are such text and are returned as they are.
_WORD = r"[^\s&<>\\`*_\[\]|~#@:.]+"
_PLAIN = re.compile(rf"(?:{_WORD}(?: {_WORD})*)?")


def md(text: Any) -> str:
    """Escape a string for Markdown: HTML entities first, then Markdown punctuation.

    Bare URLs and e-mail addresses are broken up (``https\\://example\\.com``), so
    sites that autolink do not turn text from a log into links.
    """
    text = str(text)
    if _PLAIN.fullmatch(text):
        return text
    escaped = html.escape(text, quote=False)
    escaped = _SPECIAL.sub(r"\\\1", escaped)
    escaped = _AUTOLINK.sub(lambda m: "\\" + m.group(), escaped)
    return " ".join(escaped.split())  # no newlines inside table cells or list items


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    """A Markdown table, each distinct cell escaped once: a cohort's table repeats a few
    groups and statuses thousands of times."""
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    escaped = {text: md(text) for text in set(chain.from_iterable(cells))}
    lines = ["| " + " | ".join(map(escaped.__getitem__, row)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("---" for _ in headers) + "|")
    return lines


class MarkdownWriter(Writer):
    """The report as Markdown (see :func:`write_markdown`); the details fold away in a
    ``<details>`` element where the Markdown is shown as HTML."""

    def listed(
        self, title: str, items: list[dict[str, Any]], describe: Any, limit: int = w.LIST_LIMIT
    ) -> None:
        """A titled list of the first rows, then how many more."""
        if not items:
            return
        self.out += ["", f"### {title}", ""]
        self.out += [f"- {md(w.where(i))}: {describe(i)}" for i in items[:limit]]
        if len(items) > limit:
            self.out.append(f"- and {len(items) - limit} more")

    # ----- the answer first
    def title(self) -> None:
        self.out += [f"# {w.TITLE}", "", f"> {md(w.short_notice())}", ""]

    def population(self) -> None:
        found = self.doc.get("population")
        if not found:
            return
        self.out += [f"## {cw.POPULATION_TITLE}", ""]
        if not found["rows"]:
            self.out += ["No person has an assessed day.", ""]
            return
        self.out += _table(*cw.population_rows(found))
        self.out += ["", f"*{md(cw.POPULATION_TERMS)}*", ""]
        self.out += [f"- {md(note)}" for note in cw.population_notes(found)]
        self.out.append("")

    def cohort(self) -> None:
        found = self.doc.get("cohort")
        if not found:
            return
        self.out += [f"## {cw.COHORT_TITLE}", ""]
        self.out += _table(cw.cohort_headers(), cw.cohort_rows(found))
        self.out += ["", f"*{md(cw.cohort_legend())}*", "", f"*{md(cw.cohort_hint(found))}*", ""]

    def person(self, section: dict[str, Any]) -> None:
        self.out += [f"## {md(w.person_title(section, self.several))}", ""]

    def verdicts(self, section: dict[str, Any]) -> None:
        if not section["verdicts"]:
            self.out += ["No verdicts: nothing was logged for this person.", ""]
            return
        self.out += _table(w.VERDICT_HEADERS, [w.verdict_row(v) for v in section["verdicts"]])
        self.out += ["", f"*{md(w.TERMS)}*", ""]

    def overview(self, section: dict[str, Any]) -> None:
        found = section["overview"]
        if found["uncertain"]:
            self.out += ["### What is uncertain, and why", ""]
            self.out += [f"- {md(item['text'])}" for item in found["uncertain"]]
            self.out.append("")
        if found["next_steps"]:
            self.out += ["### Next steps", ""]
            self.out += [
                f"{i}. {md(step['text'])}" for i, step in enumerate(found["next_steps"], start=1)
            ]
            self.out.append("")
        self.out += [f"**{md(w.CLINICIAN_POINTER)}**", ""]

    def suggestions(self, section: dict[str, Any]) -> None:
        if not section["suggestions"]:
            return
        self.out += ["### Foods that would close the gap", ""]
        for label, foods, notes in w.suggestion_groups(section["suggestions"]):
            self.out.append(f"- **{md(label)}**")
            self.out += [f"  - {md(line)}" for line in foods]
            self.out += [f"  - *Note:* {md(line)}" for line in notes]
        self.out.append("")

    def top_foods(self, section: dict[str, Any]) -> None:
        lines = w.top_food_lines(section)
        if not lines:
            return
        self.out += ["### Where your nutrients came from", ""]
        self.out += [f"- **{md(label)}**: {md(foods)}" for label, foods in lines]
        self.out.append("")

    def explanations(self, section: dict[str, Any]) -> None:
        if not section["explanations"]:
            return
        self.out += ["### Why this can matter for spasms", ""]
        for e in section["explanations"]:
            self.out += [f"#### {md(e['label'])} ({md(e['status'])})", "", md(e["context"]), ""]
            self.out += [
                f"- *{title}:* {md(p['text'])} {md(w.sources(p['sources']))}"
                for title, p in w.explanation_points(e)
            ]
            if e["foods"]:
                foods = "; ".join(f"{f['name']} {w.sources(f['sources'])}" for f in e["foods"])
                self.out.append(f"- *Foods the articles name:* {md(foods)}")
            self.out.append("")

    # ----- the whole log
    def fixes(self) -> None:
        fixes = self.doc["data_quality"].get("fixes") or []
        if not fixes:
            return
        self.out += [f"## {w.FIXES_TITLE}", ""]
        self.out += [f"- {md(w.fix_line(f))}" for f in fixes[: w.FIXES_SHOWN]]
        self.out += ["", f"*{md(w.fixes_more(fixes))}*", ""]

    def data_quality(self) -> None:
        dq = self.doc["data_quality"]
        self.out += ["## Data quality", "", md(w.counts_sentence(dq["counts"])), ""]
        if dq["coverage"]:
            self.out += [md(w.coverage_sentence(dq["coverage"], self.several)), ""]
        self.listed(
            "Rows that could not be read",
            dq["rejected"],
            lambda i: f"{md(i.get('reason'))} (“{md(i.get('text'))}”)",
        )
        self.out.append("")

    def other_causes(self) -> None:
        self.out += ["## Other causes of neck and back spasms", ""]
        self.out += [
            f"- **{md(c['cause'])}**: {md(c['text'])} {md(w.sources(c['sources']))}"
            for c in self.doc["other_causes"]
        ]
        self.out.append("")

    def see_a_clinician(self) -> None:
        self.out += ["## When to see a clinician", ""]
        self.out += [
            f"- {md(p['text'])} {md(w.sources(p['sources']))}" for p in self.doc["see_a_clinician"]
        ]
        self.out.append("")

    def sources(self) -> None:
        self.out += ["## Sources", ""]
        self.out += [
            f"- \\[{md(k)}\\] {md(w.source_line(a))}" for k, a in self.doc["articles"].items()
        ]
        self.out.append("")

    # ----- details
    def details_start(self) -> None:
        self.out += [
            "<details>",
            f"<summary>{md(w.DETAILS_TITLE)}</summary>",
            "",
            f"## {md(w.DETAILS_TITLE)}",
            "",
            f"*{md(w.STATISTICS_TERMS)}*",
            "",
        ]

    def statistics(self, section: dict[str, Any]) -> None:
        title = "Verdicts in detail" + (f": {section['person']}" if self.several else "")
        self.out += [f"### {md(title)}", ""]
        if not section["verdicts"]:
            return
        self.out += _table(w.STATISTICS_HEADERS, [w.statistics_row(v) for v in section["verdicts"]])
        self.out.append("")
        for v in section["verdicts"]:
            self.out.append(f"- **{md(v['label'])}**: {md(v['summary'])}")
            self.out += [f"  - {md(line)}" for line in w.verdict_details(v)]
            self.out += [f"  - {md(note)}" for note in w.notes_shown(v)]
        self.out.append("")

    def daily(self, section: dict[str, Any]) -> None:
        headers, rows, _ = w.daily_table(section, None)
        title = "Daily totals" + (f": {section['person']}" if self.several else "")
        self.out += [f"### {md(title)}", ""]
        self.out += _table(headers, rows) if rows else ["No days logged."]
        undated = section["period"].get("undated_entries")
        if undated:
            self.out += ["", f"{undated} entries without a date are not in this table."]
        self.out.append("")

    def quality_details(self) -> None:
        dq = self.doc["data_quality"]
        if dq["coverage"]:
            self.out += [
                "### Coverage",
                "",
                w.COVERAGE_HEADING,
                "",
                *_table(*w.coverage_rows(dq["coverage"], self.several)),
            ]
        self.listed(
            "Entries not matched to a food",
            dq["unmatched"],
            lambda i: f"“{md(i.get('text'))}”: {md(w.did_you_mean(i))}",
        )
        assumed = dq["assumptions"]
        if assumed.get("count"):
            self.out += ["", "### Assumptions", "", md(w.assumptions_sentence(assumed)), ""]
            self.out += [f"- {md(w.where(i))}: {md(w.assumed(i))}" for i in assumed["heaviest"]]
        self.out.append("")

    def details_end(self) -> None:
        self.out += ["</details>", ""]

    def not_advice(self) -> None:
        self.out += ["## Not medical advice", "", md(self.doc["disclaimer"]), ""]


def write_markdown(document: dict[str, Any]) -> str:
    """The report document as Markdown."""
    return MarkdownWriter(document).write()
