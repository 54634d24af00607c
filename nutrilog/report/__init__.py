"""The report of an analysis: verdicts, explanations, foods that close the gap, data quality.

:func:`build_report` turns an :class:`~nutrilog.analysis.Analysis` into a
:class:`Report`. The report is one plain document (:mod:`~nutrilog.report.document`,
which lists the sections and their order once and gives the JSON schema), and
each output format is one small writer of that same document
(:mod:`~nutrilog.report.text`, :mod:`~nutrilog.report.markdown`,
:mod:`~nutrilog.report.html`, :mod:`~nutrilog.report.json`), sharing the value
formatting of :mod:`~nutrilog.report.values` and the sentences of
:mod:`~nutrilog.report.wording`, so the terminal text, Markdown, HTML and JSON
never disagree.

Sections, in order, once per person: a **verdict** per nutrient (status, mean
against the target, probability or confidence), the **explanation** beside
each nutrient of concern (status "possibly low", "likely low" or "above upper
limit"; each point names the article it comes from), **foods** that would close
each shortfall, the **daily** totals. Then, for the whole log: **data quality**
(rows read, matched, unmatched with suggestions, rejected rows with file, line
and reason, coverage per nutrient), **other causes** of spasms and **when to
see a clinician**, and the statement that this is not medical advice.

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

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nutrilog._checks import count_argument
from nutrilog._visible import visible, visible_strings
from nutrilog.errors import ArgumentError
from nutrilog.report.document import CONCERN_STATUSES, SCHEMA_VERSION, build_document

if TYPE_CHECKING:
    from nutrilog.analysis import Analysis

__all__ = ["SCHEMA_VERSION", "CONCERN_STATUSES", "FORMATS", "Report", "build_report"]

#: Output formats and the file suffixes that select them in :meth:`Report.save`.
FORMATS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "json": (".json",),
}


def build_report(
    analysis: Analysis,
    *,
    population: bool | str | list[str] | None = None,
    persons: Any = None,
    per_person: bool | None = None,
) -> Report:
    """Build the :class:`Report` of an analysis.

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`nutrilog.analyze`.
    population : bool, str or list of str, optional
        Lead with the population summary; by default only for a cohort (more than
        :data:`~nutrilog.report.document.COHORT_AFTER` people). Column names group it
        by them (``"sex"``) instead of by DRI group.
    persons : sequence, optional
        People whose full sections are shown (a cohort report shows one compact line
        per person and nobody's full section by default).
    per_person : bool, optional
        Full sections for everybody (the default for a handful of people).

    Returns
    -------
    Report

    Examples
    --------
    >>> import nutrilog as nl
    >>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
    ...                     nl.Profile(age=34, sex="female"))
    >>> build_report(result).to_dict()["schema_version"]
    '1.3'
    """
    document = build_document(
        analysis, population=population, persons=persons, per_person=per_person
    )
    return Report(document, analysis)


@dataclass
class Report:
    """A report of one analysis, renderable as text, Markdown, HTML or JSON.

    Build it with :func:`build_report` or ``Analysis.report()``; it shows itself
    in a notebook. All formats render the same document (:meth:`to_dict`).

    Parameters
    ----------
    document : dict
        The report content (see :mod:`nutrilog.report.document` for its schema).
    analysis : Analysis, optional
        Used only to draw the charts of the HTML output and to know the input files.

    Examples
    --------
    >>> import nutrilog as nl
    >>> result = nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"),
    ...                     nl.Profile(age=34, sex="female"))
    >>> result.report().save("week.md").suffix
    '.md'
    """

    document: dict[str, Any]
    analysis: Analysis | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        people = self.document["people"]
        concerns = sum(v["concern"] for p in people for v in p["verdicts"])
        return (
            f"Report({len(people)} person(s), {concerns} nutrient(s) of concern, "
            f"schema {self.document['schema_version']})"
        )

    # ----- formats
    def to_dict(self) -> dict[str, Any]:
        """The report as plain Python data (a deep copy; see :mod:`nutrilog.report.document`)."""
        import json

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
        '1.3'
        """
        from nutrilog.report.json import write_json

        return write_json(self.document, indent)

    def to_text(
        self,
        *,
        color: bool = False,
        width: int = 100,
        max_days: int | None = 31,
        details: bool = False,
    ) -> str:
        """The report for a terminal, drawn with rich: the answer first.

        Parameters
        ----------
        color : bool, default False
            Include ANSI colours (only when writing to a terminal).
        width : int, default 100
            Line width.
        max_days : int or None, default 31
            Most recent days shown in the daily table of the details (None: all).
        details : bool, default False
            Add the details: the statistics behind each verdict (z, day-to-day SD,
            CV, the rule), the daily totals, coverage, every note and assumption.
        """
        from nutrilog.report.text import write_text

        width = count_argument("width", width, minimum=20)
        if max_days is not None:
            max_days = count_argument("max_days", max_days)
        return write_text(
            self._shown(), color=color, width=width, max_days=max_days, details=bool(details)
        )

    def to_markdown(self) -> str:
        """The report as Markdown (every user-supplied string escaped)."""
        from nutrilog.report.markdown import write_markdown

        return write_markdown(self._shown())

    def to_html(self, *, charts: bool = True) -> str:
        """The report as one self-contained HTML file (inline CSS, charts as base64 PNG).

        Every user-supplied string is escaped, so a food named ``<script>`` shows as text.
        """
        from nutrilog.report.html import write_html

        return write_html(self._shown(), self._charts() if charts else {})

    def _repr_html_(self) -> str:
        """The report in a notebook: its own container and styles scoped to it, with charts."""
        from nutrilog.report.html import write_html_fragment

        return write_html_fragment(self._shown(), self._charts())

    def render(self, format: str) -> str:
        """The report in one of :data:`FORMATS` (``"text"``, ``"markdown"``, ``"html"``, ``"json"``)."""
        writers = {
            "text": self.to_text,
            "markdown": self.to_markdown,
            "html": self.to_html,
            "json": self.to_json,
        }
        if not isinstance(format, str) or format not in writers:
            raise ArgumentError(
                f"unknown report format {format!r}; expected one of {list(FORMATS)}"
            )
        return writers[format]()

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
            Unknown format, no format and an unknown suffix, or a path that is not a
            path (a ``ValueError``).
        OutputError
            ``path`` is one of the analysed log files (an input is never
            overwritten), or it cannot be written. The report goes to a
            temporary file beside ``path`` that is renamed into place, so a
            failed write leaves any earlier file whole.
        """
        from nutrilog._output import write_text

        if not isinstance(path, str | Path) or not str(path):
            raise ArgumentError(f"path: expected a file name, found {path!r}")
        target = Path(path)
        text = self.render(format or _format_for(target))
        return write_text(target, text, inputs=self._inputs())

    # ----- helpers
    def _shown(self) -> dict[str, Any]:
        """The document with control and bidirectional characters of every string made visible.

        Log text can hold terminal escape sequences; the text, Markdown and HTML
        renderings show them as ``\\x1b`` so they reach no terminal or page raw.
        """
        return visible_strings(self.document)

    def _inputs(self) -> list[str]:
        """The files the analysed log was read from (never overwritten by :meth:`save`)."""
        return analysis_inputs(self.analysis) if self.analysis is not None else []

    def _charts(self) -> dict[str, list[tuple[str, str]]]:
        """Per person: (caption, base64 PNG) of the daily and contribution charts."""
        if self.analysis is None:
            return {}
        from nutrilog.plotting import plot_contributions, plot_daily, plot_weekly

        charts: dict[str, list[tuple[str, str]]] = {}
        for section in self.document["people"]:
            if not section["daily"]:
                continue
            person = section["person"]
            shown = [
                (
                    "Daily intake against the reference intakes (dashed: the target; "
                    "dotted: the EAR; red band: above the upper limit)",
                    _png(plot_daily(self.analysis, person)),
                )
            ]
            if section.get("weekly"):  # a log of more than four weeks: the trend
                shown.append(
                    (
                        "Weekly means against the target (the days assessed in each week "
                        "above its bar)",
                        _png(plot_weekly(self.analysis, person)),
                    )
                )
            shown.append(
                (
                    "Foods that gave the most of each nutrient, as you wrote them",
                    _png(plot_contributions(self.analysis, person)),
                )
            )
            charts[visible(person)] = shown  # keyed as the rendered document names the person
        return charts


def analysis_inputs(analysis: Any) -> list[str]:
    """The files an analysis's log was read from (an output never overwrites them)."""
    names: dict[str, None] = {}
    for frame in (analysis.categorical_entries(), analysis.rejected):
        if "source" in frame.columns:
            names.update(dict.fromkeys(str(s) for s in frame["source"].dropna().unique()))
    return [name for name in names if not name.startswith("<")]


def _format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    raise ArgumentError(
        f"cannot tell the report format from {path.name!r}: expected a suffix of "
        f"{[s for group in FORMATS.values() for s in group]} or format=, found {suffix or 'none'!r}"
    )


def _png(fig: Any) -> str:
    import base64
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    return base64.b64encode(buffer.getvalue()).decode("ascii")
