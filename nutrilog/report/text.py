"""The report for a terminal, drawn with rich.

User text is always wrapped in rich's ``Text``, so a ``[bold]`` in a food name is
shown as written, never read as markup.

Examples
--------
>>> import nutrilog as nl
>>> from nutrilog.report.document import build_document
>>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
...                     nl.Profile(age=34, sex="female"))
>>> write_text(build_document(result)).splitlines()[0]
'nutrilog report'
"""

from __future__ import annotations

import io
from typing import Any

from nutrilog.report import cohort_words as cw
from nutrilog.report import wording as w
from nutrilog.report.writer import Writer

__all__ = ["write_text"]

_STATUS_STYLE = {
    "likely adequate": "green",
    "possibly low": "yellow",
    "likely low": "bold red",
    "cannot tell": "cyan",
    "uncertain": "cyan",
    "above upper limit": "bold red",
    "above CDRR": "yellow",
}


class TextWriter(Writer):
    """The report as terminal text (see :func:`write_text`)."""

    def __init__(
        self,
        document: dict[str, Any],
        *,
        color: bool,
        width: int,
        max_days: int | None,
        details: bool = False,
    ) -> None:
        from rich.console import Console

        super().__init__(document, details)
        self.max_days = max_days
        self.buffer = io.StringIO()
        self.console = Console(
            file=self.buffer,
            width=width,
            force_terminal=color,
            color_system="standard" if color else None,
            no_color=not color,
            highlight=False,
            emoji=False,
            legacy_windows=False,
        )
        #: Each paragraph as rendered, by (text, indent, style): the texts every person's
        #: part repeats (the explanations of a nutrient, the terms, the pointers) are
        #: wrapped once per report.
        self.paragraphs: dict[tuple[str, int, str], str] = {}

    # ----- layout
    def heading(self, text: str, level: int = 1, space: bool = True) -> None:
        from rich.text import Text

        if space:
            self.console.print()
        if level == 1:
            self.console.rule(Text(text, style="bold"), characters="=")
        else:
            self.console.print(Text(text, style="bold underline"))

    def para(self, text: str, indent: int = 0, style: str = "") -> None:
        from rich.padding import Padding
        from rich.text import Text

        key = (text, indent, style)
        shown = self.paragraphs.get(key)
        if shown is None:
            with self.console.capture() as capture:
                self.console.print(Padding(Text(text, style=style), (0, 0, 0, indent)))
            shown = self.paragraphs[key] = capture.get()
        self.console.file.write(shown)

    def table(
        self, headers: list[str], rows: list[list[str]], status_col: int | None = None
    ) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for i, h in enumerate(headers):
            t.add_column(
                Text(h),
                justify="left" if i == 0 or i == status_col else "right",
                overflow="fold",
                no_wrap=i in (0, status_col),
            )
        for row in rows:
            t.add_row(
                *(
                    Text(c, style=_STATUS_STYLE.get(c, "") if i == status_col else "")
                    for i, c in enumerate(row)
                )
            )
        self.console.print(t)

    def plain_table(self, headers: list[str], rows: list[list[str]], right: Any = ()) -> None:
        """A table of many rows as one block of aligned text: rich's tables measure every
        cell, which for thousands of people would cost more than the analysis.

        The block is unstyled and never wrapped, so it goes to the buffer as rich would
        write it (the control codes rich strips stripped once, for the whole block),
        without rich splitting it into lines and joining them again."""
        from rich.control import strip_control_codes

        right = set(right)
        widths, cells = [], []  # column by column: each column's width, its padded cells
        for i, column in enumerate(zip(headers, *rows, strict=True)):
            n = max(map(len, column))
            widths.append(n)
            cells.append([c.rjust(n) for c in column] if i in right else [c.ljust(n) for c in column])
        lines = ["  ".join(row) for row in zip(*cells, strict=True)]
        lines.insert(1, "  ".join("-" * n for n in widths))
        self.console.file.write(strip_control_codes("\n".join(lines)) + "\n")

    def listed(
        self, title: str, items: list[dict[str, Any]], describe: Any, limit: int = w.LIST_LIMIT
    ) -> None:
        """A titled list of the first rows, then how many more."""
        if not items:
            return
        self.heading(title, 2)
        for item in items[:limit]:
            self.para(f"- {w.where(item)}: {describe(item)}", 2)
        if len(items) > limit:
            self.para(f"- and {len(items) - limit} more", 2)

    # ----- the answer first
    def title(self) -> None:
        from rich.text import Text

        self.console.print(Text(w.TITLE, style="bold"))
        self.para(w.short_notice(), style="italic")

    def population(self) -> None:
        found = self.doc.get("population")
        if not found:
            return
        self.heading(cw.POPULATION_TITLE)
        if not found["rows"]:
            self.para("No person has an assessed day.")
            return
        headers, rows = cw.population_rows(found, compact=True)
        self.plain_table(headers, rows, right=range(2, len(headers) - 1))
        self.para(cw.POPULATION_TERMS, style="dim")
        for note in cw.population_notes(found):
            self.para(f"- {note}", style="dim")

    def cohort(self) -> None:
        found = self.doc.get("cohort")
        if not found:
            return
        self.heading(cw.COHORT_TITLE)
        self.plain_table(cw.cohort_headers(), cw.cohort_rows(found))
        self.para(cw.cohort_legend(), style="dim")
        self.para(cw.cohort_hint(found), style="dim")

    def person(self, section: dict[str, Any]) -> None:
        self.heading(w.person_title(section, self.several))

    def verdicts(self, section: dict[str, Any]) -> None:
        if not section["verdicts"]:
            self.para("No verdicts: nothing was logged for this person.", 2)
            return
        self.table(w.VERDICT_HEADERS, [w.verdict_row(v) for v in section["verdicts"]], 1)
        self.para(w.TERMS, style="dim")

    def overview(self, section: dict[str, Any]) -> None:
        found = section["overview"]
        if found["uncertain"]:
            self.heading("What is uncertain, and why", 2)
            for item in found["uncertain"]:
                self.para(f"- {item['text']}", 2)
        if found["next_steps"]:
            self.heading("Next steps", 2)
            for i, step in enumerate(found["next_steps"], start=1):
                self.para(f"{i}. {step['text']}", 2)
        self.para(w.CLINICIAN_POINTER, 2, style="bold")

    def suggestions(self, section: dict[str, Any]) -> None:
        if not section["suggestions"]:
            return
        self.heading("Foods that would close the gap", 2)
        for label, foods, notes in w.suggestion_groups(section["suggestions"]):
            self.para(label, 2, style="bold")
            for line in foods:
                self.para(f"- {line}", 4)
            for line in notes:
                self.para(f"Note: {line}", 4)

    def top_foods(self, section: dict[str, Any]) -> None:
        lines = w.top_food_lines(section)
        if not lines:
            return
        self.heading("Where your nutrients came from (your foods, share of the total)", 2)
        for label, foods in lines:
            self.para(f"{label}: {foods}", 2)

    def explanations(self, section: dict[str, Any]) -> None:
        if not section["explanations"]:
            return
        self.heading("Why this can matter for spasms", 2)
        for e in section["explanations"]:
            self.para(f"{e['label']} ({e['status']})", 2, style="bold")
            self.para(e["context"], 4)
            for title, p in w.explanation_points(e):
                self.para(f"- {title}: {p['text']} {w.sources(p['sources'])}".rstrip(), 4)
            if e["foods"]:
                foods = "; ".join(
                    f"{f['name']} {w.sources(f['sources'])}".rstrip() for f in e["foods"]
                )
                self.para(f"- Foods the articles name: {foods}", 4)

    # ----- the whole log
    def fixes(self) -> None:
        fixes = self.doc["data_quality"].get("fixes") or []
        if not fixes:
            return
        self.heading(w.FIXES_TITLE)
        for f in fixes[: w.FIXES_SHOWN]:
            self.para(f"- {w.fix_line(f)}")
        self.para(w.fixes_more(fixes), style="dim")

    def data_quality(self) -> None:
        dq = self.doc["data_quality"]
        self.heading("Data quality")
        self.para(w.counts_sentence(dq["counts"]))
        if dq["coverage"]:
            self.para(w.coverage_sentence(dq["coverage"], self.several))
        if dq["assumptions"].get("count"):
            self.para(w.assumptions_sentence(dq["assumptions"]).split(";")[0] + ".")
        self.listed(
            "Rows that could not be read",
            dq["rejected"],
            lambda i: f"{i.get('reason')} [{i.get('text')!r}]",
        )

    def other_causes(self) -> None:
        self.heading("Other causes of neck and back spasms")
        for c in self.doc["other_causes"]:
            self.para(f"- {c['cause']}: {c['text']} {w.sources(c['sources'])}".rstrip())

    def see_a_clinician(self) -> None:
        self.heading("When to see a clinician")
        for p in self.doc["see_a_clinician"]:
            self.para(f"- {p['text']} {w.sources(p['sources'])}".rstrip())

    def sources(self) -> None:
        self.heading("Sources")
        for k, a in self.doc["articles"].items():
            self.para(f"[{k}] {w.source_line(a)}")

    # ----- details
    def details_hint(self) -> None:
        self.console.print()
        self.para(
            "Statistical details (z, day-to-day SD, CV, the rule behind each verdict), daily "
            "totals and all notes: nutrilog analyze ... --details (Python: "
            "report.to_text(details=True)).",
            style="dim",
        )

    def details_start(self) -> None:
        self.heading(w.DETAILS_TITLE)
        self.para(w.STATISTICS_TERMS, style="dim")

    def statistics(self, section: dict[str, Any]) -> None:
        title = "Verdicts in detail" + (f": {section['person']}" if self.several else "")
        self.heading(title, 2)
        if not section["verdicts"]:
            return
        self.table(w.STATISTICS_HEADERS, [w.statistics_row(v) for v in section["verdicts"]], 1)
        for v in section["verdicts"]:
            self.para(f"{v['label']}: {v['summary']}", 2)
            for line in w.verdict_details(v):
                self.para(line, 4)
            for note in w.notes_shown(v):
                self.para(f"Notes: {note}", 4, style="dim")

    def daily(self, section: dict[str, Any]) -> None:
        title = "Daily totals" + (f": {section['person']}" if self.several else "")
        self.heading(title, 2)
        headers, rows, hidden = w.daily_table(section, self.max_days, short=True)
        if rows:
            self.table(headers, rows)
        else:
            self.para("No days logged.", 2)
        if hidden:
            self.para(
                f"{hidden} earlier day(s) not shown; the JSON and HTML reports list every day.", 2
            )
        undated = section["period"].get("undated_entries")
        if undated:
            self.para(f"{undated} entries without a date are not in this table.", 2)

    def quality_details(self) -> None:
        dq = self.doc["data_quality"]
        if dq["coverage"]:
            self.heading("Coverage", 2)
            self.para(w.COVERAGE_HEADING, 2)
            self.table(*w.coverage_rows(dq["coverage"], self.several))
        self.listed(
            "Entries not matched to a food",
            dq["unmatched"],
            lambda i: f"{i.get('text')!r}: {w.did_you_mean(i)}",
        )
        if dq["assumptions"].get("count"):
            self.heading("Assumptions", 2)
            self.para(w.assumptions_sentence(dq["assumptions"]), 2)
            for item in dq["assumptions"]["heaviest"]:
                self.para(f"- {w.where(item)}: {w.assumed(item)}", 2)

    def not_advice(self) -> None:
        self.heading("Not medical advice")
        self.para(self.doc["disclaimer"])

    def result(self) -> str:
        return "\n".join(line.rstrip() for line in self.buffer.getvalue().splitlines()) + "\n"


def write_text(
    document: dict[str, Any],
    *,
    color: bool = False,
    width: int = 100,
    max_days: int | None = 31,
    details: bool = False,
) -> str:
    """The report document as terminal text (``color``: with ANSI colours).

    ``max_days`` is the number of most recent days the daily table shows (None: all);
    ``details`` adds the statistics, the daily totals and every note.
    """
    return TextWriter(
        document, color=color, width=width, max_days=max_days, details=details
    ).write()
