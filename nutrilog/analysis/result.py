"""The result of :func:`~nutrilog.analysis.analyze`: the :class:`Analysis` and the
tables it derives on first use (meals, top foods, fixes, suggestions, summary).

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 banana"], date="2026-11-20", person="ann")
>>> result = nl.analyze(log, {"ann": nl.Profile(age=34, sex="female")}, min_day_kcal=0)
>>> type(result).__name__
'Analysis'
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import InitVar, dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog._vector import text_in
from nutrilog.analysis.suggesting import suggestions_for_people
from nutrilog.errors import ArgumentError
from nutrilog.food_sources import top_foods
from nutrilog.foods import FoodTable
from nutrilog.intake import meal_totals
from nutrilog.log import EntryTable
from nutrilog.profile import Profile

if TYPE_CHECKING:
    from nutrilog.explanations import Explanations

__all__ = ["Analysis"]


class _Later(Enum):
    BUNDLED = "the bundled explanations, loaded when first read"


#: The ``explanations`` :func:`~nutrilog.analysis.analyze` gives an analysis when none is
#: named: the bundled file, loaded (and validated) the first time they are read.
BUNDLED_EXPLANATIONS = _Later.BUNDLED


@dataclass
class Analysis:
    """The result of :func:`analyze`.

    Attributes
    ----------
    entries : DataFrame
        One row per log entry with its match, grams, status and nutrient amounts;
        text columns are pandas' string dtype (any text can be written into them).
        :meth:`categorical_entries` is the same table with its repeated text as
        categoricals, which the derived tables are computed from.
    daily : DataFrame
        One row per person and date: totals, supplement parts, coverage, counts,
        and ``complete`` (whether the day enters the assessment).
    meals, top_foods, top_foods_by_day : DataFrame
        Totals per meal; the foods contributing most of each nutrient over the
        whole log and per day, named as the log wrote them (computed on first use).
    summary : DataFrame
        The verdicts in short: nutrient, status, mean, target, % of target, unit.
    fixes : DataFrame
        Entries worth fixing (not matched, not weighed, uncertain or guessed), by
        text and unit, most urgent first (see :mod:`nutrilog.fixes`).
    assessment : DataFrame
        One row per person and nutrient (see :func:`nutrilog.assessment.assess`).
    suggestions : DataFrame
        Foods that would close each shortfall, per person, with their notes (see
        :func:`nutrilog.suggestions.suggest_foods`).
    unmatched : DataFrame
        Entries whose food could not be matched, with the best suggestions and the
        ``reason``: ``"unknown food id ..."`` for a food id that is not in the food
        table (its text is never matched instead), else ``"no food matched the text"``.
    rejected : DataFrame
        Input rows that could not be read: ``source, line, text, reason``.
    profiles : dict
        Person → :class:`~nutrilog.profile.Profile`.
    people : DataFrame or None
        The people table given to :func:`analyze` (``person`` as text ids, its other
        columns kept for :meth:`population`'s ``by`` and ``weights``); None otherwise.
    counts : dict
        ``rows_read, entries, matched, unmatched, unknown_ids, no_grams, supplements,
        reported, rejected, lines_read, skipped_lines`` (``unknown_ids``: unmatched entries
        whose food id is not in the food table) (lines read = entries + rejected + skipped lines).
    """

    table: InitVar[pd.DataFrame]  # the analysed entries, repeated text as categoricals
    daily: pd.DataFrame
    assessed: InitVar[Any]  # the assessment, or an AssessmentLater whose words come on use
    unmatched: pd.DataFrame
    rejected: pd.DataFrame
    profiles: dict[str, Profile]
    counts: dict[str, int]
    foods: FoodTable = field(repr=False)
    explanations: Explanations | None = field(default=None, repr=False)
    people: pd.DataFrame | None = field(default=None, repr=False)

    def __post_init__(self, table: pd.DataFrame, assessed: Any) -> None:
        self._entries = EntryTable(table)
        self._assessed = assessed
        self._later = None if isinstance(assessed, pd.DataFrame) else assessed

    @property
    def assessment(self) -> pd.DataFrame:
        """One row per person and nutrient (see :func:`nutrilog.assessment.assess`).

        Its ``status_reason`` and ``notes`` are written on first use: for a cohort
        they cost more than the rest of the assessment (see :attr:`assessment_numbers`).
        """
        if not isinstance(self._assessed, pd.DataFrame):
            self._assessed = self._assessed.finished()
        return self._assessed

    @assessment.setter
    def assessment(self, value: pd.DataFrame) -> None:
        self._assessed = value
        self._later = None

    def assessed_profiles(self) -> Any:
        """The assessment as :func:`analyze` computed it, while it is the assessment of
        :attr:`profiles` (the same people, in the same order, with the same profiles);
        None once either was replaced. :meth:`population` reads each row's references
        and each person's DRI group from it instead of looking them up again.

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 banana"], date="2026-11-20", person="ann")
        >>> result = nl.analyze(log, {"ann": nl.Profile(age=34, sex="female")}, min_day_kcal=0)
        >>> result.assessed_profiles().people
        ['ann']
        """
        later = self._later
        if later is None or later.people != list(self.profiles):
            return None
        if not all(map(operator.is_, later.profiles, self.profiles.values())):
            return None
        return later

    @property
    def assessment_numbers(self) -> pd.DataFrame:
        """:attr:`assessment` without its worded columns (``status_reason``, ``notes``):
        every number, status and rule, without writing a sentence per row. Use it for
        cohort-wide tables."""
        if isinstance(self._assessed, pd.DataFrame):
            return self._assessed.drop(columns=["status_reason", "notes"], errors="ignore")
        return self._assessed.numbers()

    def assessment_columns(self, columns: Sequence[str]) -> pd.DataFrame:
        """``person`` and some columns of :attr:`assessment_numbers`, the others not built
        (for a cohort's figures that need a few of them, such as :meth:`population`).

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 banana"], date="2026-11-20", person="ann")
        >>> result = nl.analyze(log, {"ann": nl.Profile(age=34, sex="female")}, min_day_kcal=0)
        >>> result.assessment_columns(["nutrient", "ear"]).equals(
        ...     result.assessment_numbers[["person", "nutrient", "ear"]])
        True
        """
        names = ["person", *(c for c in columns if c != "person")]
        if isinstance(self._assessed, pd.DataFrame):
            return self._assessed[names]
        return self._assessed.numbers(names)

    def assessment_of(self, persons: Sequence[Any]) -> pd.DataFrame:
        """The :attr:`assessment` rows of some people, their sentences written for them
        alone (a cohort report's per-person sections need a few people's).

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 banana"], date="2026-11-20", person="ann")
        >>> result = nl.analyze(log, {"ann": nl.Profile(age=34, sex="female")}, min_day_kcal=0)
        >>> result.assessment_of(["ann"]).equals(result.assessment)
        True
        """
        if isinstance(self._assessed, pd.DataFrame):
            every = self._assessed
            keep = text_in(every["person"], {str(p) for p in persons})
            return every[keep].reset_index(drop=True)
        return self._assessed.of(persons)

    @property
    def entries(self) -> pd.DataFrame:
        """One row per log entry (text columns of pandas' string dtype)."""
        return self._entries.text

    def categorical_entries(self) -> pd.DataFrame:
        """The entries with their repeated text as categoricals, with any change made to
        :attr:`entries`."""
        return self._entries.categorical

    # Derived tables, computed on first use (reports need them, large batch
    # analyses may not).
    @cached_property
    def meals(self) -> pd.DataFrame:
        """Nutrient totals per person, date and meal."""
        return meal_totals(self.categorical_entries())

    @cached_property
    def top_foods(self) -> pd.DataFrame:
        """The foods contributing most of each nutrient, per person."""
        return top_foods(self.categorical_entries())

    @cached_property
    def fixes(self) -> pd.DataFrame:
        """Entries worth fixing, grouped by text and unit, most urgent and heaviest first.

        Not matched, without grams, matched uncertainly or with a guessed amount;
        see :func:`nutrilog.fixes.find_fixes`. :func:`nutrilog.write_fixes` writes
        them as a CSV that ``aliases=`` reads back.
        """
        from nutrilog.fixes import find_fixes

        return find_fixes(self.categorical_entries())

    @cached_property
    def top_foods_by_day(self) -> pd.DataFrame:
        """The foods contributing most of each nutrient, per person and day."""
        return top_foods(self.categorical_entries(), by_day=True)

    @cached_property
    def suggestions(self) -> pd.DataFrame:
        """Foods that would close each likely or possible shortfall or bring an intake up to
        its AI, and the notes that go with them (``kind`` "note"), per person."""
        return suggestions_for_people(
            self.categorical_entries(),
            self.assessment,
            self.foods,
            self.explanations,
            profiles=self.profiles,
            daily=self.daily,
        )

    def suggestions_for(self, persons: Sequence[Any]) -> pd.DataFrame:
        """:attr:`suggestions` of some people only, computed for them alone (a cohort
        report asks for a few people's).

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 banana"], date="2026-11-20", person="ann")
        >>> result = nl.analyze(log, {"ann": nl.Profile(age=34, sex="female")}, min_day_kcal=0)
        >>> set(result.suggestions_for(["ann"])["person"])
        {'ann'}
        """
        keep = {str(p) for p in persons}
        if "suggestions" in self.__dict__:  # already computed for everybody
            every = self.suggestions
            return every[text_in(every["person"], keep)]
        from nutrilog.analysis.suggesting import ENTRY_COLUMNS
        from nutrilog.nutrients import NUTRIENT_COLUMNS

        entries = self.categorical_entries()
        read = {*ENTRY_COLUMNS, *NUTRIENT_COLUMNS}  # the columns the suggestions read
        entries = entries.loc[
            text_in(entries["person"], keep), [c for c in entries.columns if c in read]
        ]
        assessment = self.assessment_numbers  # the suggestions need no row's sentences
        daily = self.daily
        if "person" in daily.columns:
            daily = daily[text_in(daily["person"], keep)]
        return suggestions_for_people(
            entries,
            assessment[text_in(assessment["person"], keep)],
            self.foods,
            self.explanations,
            profiles=self.profiles,
            daily=daily,
        )

    def report(
        self,
        *,
        population: bool | str | Sequence[str] | None = None,
        persons: Sequence[Any] | None = None,
        per_person: bool | None = None,
    ) -> Any:
        """Build the :class:`~nutrilog.report.Report` of this analysis.

        Parameters
        ----------
        population : bool, str or list of str, optional
            Lead with the population summary (:meth:`population`). Default: only for
            cohorts (more than :data:`nutrilog.report.document.COHORT_AFTER` people).
            Column names group it by them (``"sex"``) instead of by DRI group.
        persons : sequence, optional
            People whose full sections (verdicts, foods, charts) are shown; in a
            cohort report nobody's are by default (one compact line each instead).
        per_person : bool, optional
            Full sections for everybody (the default for a handful of people).

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
        >>> report = nl.analyze(log, nl.Profile(age=34, sex="female")).report()
        >>> "not medical advice" in report.to_markdown().lower()
        True
        """
        from nutrilog.report import build_report

        return build_report(self, population=population, persons=persons, per_person=per_person)

    def population(
        self, by: str | Sequence[str] | None = None, weights: str | bool | None = None
    ) -> pd.DataFrame:
        """Population figures per group and nutrient: people, mean and percentiles of usual
        intake, the share below the EAR (EAR cut-point), at or above the AI (descriptive),
        above the UL and the CDRR.

        Where part of a group has two or more days, day-to-day variation is removed first
        (NRC/Iowa State shrinkage); with one day per person the figures describe single-day
        intake and say so. See :mod:`nutrilog.assessment.population` for the method and
        its limits.

        Parameters
        ----------
        by : str or list of str, optional
            Grouping columns: ``"dri_group"`` (the default: life-stage group x sex x
            pregnancy/lactation), ``"sex"``, ``"age"``, ``"life_stage"``, or any column
            of the log or a people table (each person's first value).
        weights : str or bool, optional
            Survey weight column; None (default) uses ``weight``, ``WTDR2D`` or
            ``WTDRD1`` when present, False uses none.

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
        >>> pop = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0).population()
        >>> pop.loc[0, ["group", "distribution"]].tolist()
        ['female 31-50', 'single-day intake']
        """
        from nutrilog.analysis.population import summarize_population

        return summarize_population(self, by=by, weights=weights)

    def plot(self, kind: str = "daily", person: str | None = None) -> Any:
        """Plot daily intakes against the reference intakes (``kind="daily"``), weekly
        means against the target (``"weekly"``, for logs longer than a few weeks) or the
        foods that gave the most (``"foods"``).

        Returns a matplotlib Figure that shows itself in a notebook (no
        ``%matplotlib inline`` needed) and saves with ``.savefig(path)``.
        """
        from nutrilog import plotting

        plots = {
            "daily": plotting.plot_daily,
            "weekly": plotting.plot_weekly,
            "foods": plotting.plot_contributions,
        }
        if not isinstance(kind, str) or kind not in plots:
            raise ArgumentError(f"kind: expected one of {list(plots)}, found {kind!r}")
        return plots[kind](self, person=person)

    @property
    def summary(self) -> pd.DataFrame:
        """A compact table of the verdicts: nutrient, status, mean, target, % of target.

        One row per person and nutrient (the ``person`` column only when the analysis
        holds several people); amounts in ``unit`` (water in litres). The full
        :attr:`assessment` keeps every column for analysis.

        Examples
        --------
        >>> import nutrilog as nl
        >>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
        >>> nl.analyze(log, nl.Profile(age=34, sex="female")).summary.columns.tolist()
        ['nutrient', 'status', 'mean', 'target', 'pct_of_target', 'unit', 'coverage']
        """
        from nutrilog.nutrients import nutrient

        a = self.assessment
        columns = ["nutrient", "status", "mean", "target", "pct_of_target", "unit", "coverage"]
        if a.empty:
            return pd.DataFrame(columns=columns)
        shown = [nutrient(c) for c in a["column"]]
        factor = np.array([n.display_factor for n in shown])
        kind = a["target_kind"].astype(object).where(a["target_kind"].notna(), "")
        out = pd.DataFrame(
            {
                "nutrient": [n.label for n in shown],
                "status": a["status"].to_numpy(),
                "mean": (a["mean"].to_numpy(dtype=float) * factor).round(2),
                "target": [
                    f"{k} {t * f:g}".strip() if pd.notna(t) else ""
                    for k, t, f in zip(kind, a["target"], factor, strict=True)
                ],
                "pct_of_target": a["pct_of_target"].to_numpy(dtype=float).round(0),
                "unit": [n.display_symbol for n in shown],
                "coverage": a["coverage"].to_numpy(dtype=float).round(2),
            },
            index=a.index,
        )
        if len(self.profiles) > 1:
            out.insert(0, "person", a["person"].to_numpy())
        return out.reset_index(drop=True)

    def __repr__(self) -> str:
        c = self.counts
        people = ", ".join(self.profiles)
        return (
            f"Analysis({len(self.daily)} person-days for {people}; {c['entries']} entries: "
            f"{c['matched']} matched, {c['unmatched']} unmatched, {c['no_grams']} without grams, "
            f"{c['supplements']} supplements, {c['reported']} reported; {c['rejected']} rows rejected)"
        )

    def _repr_html_(self) -> str:
        """One screen in a notebook: verdicts, what is uncertain, the next steps."""
        from nutrilog._visible import visible_strings
        from nutrilog.report.document import build_document
        from nutrilog.report.html import write_html_summary

        return write_html_summary(visible_strings(build_document(self)))


def _explanations(self: Analysis) -> Explanations | None:
    value = self.__dict__.get("_explanations")
    if value is BUNDLED_EXPLANATIONS:
        from nutrilog.explanations import load_explanations

        value = self.__dict__["_explanations"] = load_explanations()
    return value


def _set_explanations(self: Analysis, value: Explanations | None) -> None:
    self.__dict__["_explanations"] = value


# a property over the dataclass field: the bundled file is read when first needed
Analysis.explanations = property(  # type: ignore[assignment,method-assign]
    _explanations,
    _set_explanations,
    doc="The explanations the suggestions and reports are written with.",
)
