"""``analyze``: from a food log and a person to daily totals and an assessment.

The steps, each in its own module:

1. read the log (:mod:`nutrilog.iotools`) unless a :class:`~nutrilog.log.FoodLog` is given;
2. read each distinct food line (prefixes, not-food lines, compounds:
   :mod:`nutrilog.matching.entries`), then match each unique food text to a food
   (:mod:`nutrilog.matching`);
3. turn each unique (food, unit) into grams (:mod:`nutrilog.portions`);
4. scale per-100 g values by grams (:mod:`nutrilog.intake`); supplements carry their
   label amounts; rows whose source reported nutrients keep them unless ``recompute``;
5. total per person and day, with coverage (:mod:`nutrilog.intake`);
6. compare with the person's reference intakes (:mod:`nutrilog.assessment`);
7. suggest foods for each shortfall (:mod:`nutrilog.suggestions`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog._checks import kind_argument, number_argument
from nutrilog._vector import choose, coded, distinct_rows, text_category
from nutrilog.errors import ArgumentError
from nutrilog.foods import FoodTable, load_foods
from nutrilog.intake import daily_totals, meal_totals, scale_per_100g, top_foods
from nutrilog.log import EntryTable, FoodLog
from nutrilog.matching.match import MATCH_COLUMNS
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.profile import Profile
from nutrilog.search import good_suggestions

if TYPE_CHECKING:
    from nutrilog.explanations import Explanations

__all__ = ["Analysis", "analyze", "DEFAULT_MIN_DAY_KCAL"]

#: A day with less energy than this logged is treated as partly logged: it is
#: shown in ``daily`` but left out of the assessment (``complete`` is False).
DEFAULT_MIN_DAY_KCAL = 500.0

#: Entry statuses after analysis.
STATUSES = ("matched", "unmatched", "no grams", "supplement", "reported")

#: How many of a person's most often logged foods are considered as suggestions.
EATEN_CANDIDATES = 40


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

    @property
    def assessment_numbers(self) -> pd.DataFrame:
        """:attr:`assessment` without its worded columns (``status_reason``, ``notes``):
        every number, status and rule, without writing a sentence per row. Use it for
        cohort-wide tables."""
        if isinstance(self._assessed, pd.DataFrame):
            return self._assessed.drop(columns=["status_reason", "notes"], errors="ignore")
        return self._assessed.numbers()

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
            keep = every["person"].astype(str).isin({str(p) for p in persons})
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
        return _suggestions(
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
            return every[every["person"].astype(str).isin(keep)]
        entries = self.categorical_entries()
        assessment = self.assessment_numbers  # the suggestions need no row's sentences
        return _suggestions(
            entries[entries["person"].astype(str).isin(keep)],
            assessment[assessment["person"].astype(str).isin(keep)],
            self.foods,
            self.explanations,
            profiles=self.profiles,
            daily=self.daily,
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
        from nutrilog.assessment.population import summarize_population

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


def _as_log(log: Any) -> FoodLog:
    from nutrilog.iotools import read_log

    if isinstance(log, FoodLog):
        return log
    if isinstance(log, pd.DataFrame):
        return read_log(log)  # a DataFrame in NHANES layout is recognised
    if isinstance(log, (str, os.PathLike)):
        return read_log(log)
    if isinstance(log, Sequence):
        return FoodLog.concat(_as_log(item) for item in log)
    raise ArgumentError(
        f"log: expected a FoodLog, DataFrame, path or list of those, found {type(log).__name__}"
    )


def _profiles_for(people: list[str], profile: Any) -> dict[str, Profile]:
    from nutrilog.profile import profiles_for

    return profiles_for(people, profile)


#: Columns of :func:`_match_keys`.
_KEY_COLUMNS = [
    *MATCH_COLUMNS, "per_unit", "portion", "grams_note", "assumption", "plain_water",
    "unmatched_reason",
]  # fmt: skip


def _unknown_ids(food_ids: pd.Series, matcher: Any) -> np.ndarray:
    """Per key: why its food id names no food ("unknown food id ..."), ``""`` when it has
    no id or a known one."""
    from nutrilog.iotools._codes import food_id_problem

    known = matcher.known.position
    return np.array(
        [
            food_id_problem(str(v).strip())
            if isinstance(v, str) and v.strip() and v.strip() not in known
            else ""
            for v in food_ids.astype(object)
        ],
        dtype=object,
    )


def _match_keys(
    keys: pd.DataFrame,
    foods: FoodTable,
    matcher: Any,
    grams: Mapping[tuple[str, str], float] | None = None,
) -> pd.DataFrame:
    """Match and weigh each distinct (food, id, unit, kind, entry kind, amount note) key.

    Returns one row per key: the match columns, then what
    :func:`nutrilog.portions.grams_for` gives for the key (``per_unit``, the grams of
    one unit; ``portion``, ``grams_note``, ``assumption``) and ``plain_water`` (water
    without a food: its grams are its water). The amount note joins the food words
    when choosing among portions (Cronometer's ``cup, chopped`` or ``large - 8 1/4"
    long``); ``grams`` (the user's ``(text, unit) → grams of one unit``, from an
    aliases file) is passed on as each key's ``given`` weight.
    """
    from nutrilog.portions import grams_for

    unknown = _unknown_ids(keys["food_id"], matcher)
    matched = matcher.match(
        # a row that names an unknown id is unmatched: its text is never matched instead
        keys["food"].astype(object).where(unknown == "", None)
        if (unknown != "").any()
        else keys["food"],
        food_ids=keys["food_id"],
        units=keys["unit"],
        unit_kinds=keys["unit_kind"],
    )
    # Grams of one unit, matched or not: a mass needs no food, and an unmatched
    # entry's known weight still counts against coverage.
    notes = keys["amount_note"].where(keys["amount_note"].notna(), "").astype(str)
    texts = (keys["food"].where(keys["food"].notna(), "").astype(str) + " " + notes).str.strip()
    water = (keys["kind"] == "water").to_numpy(dtype=bool)
    given = _users_grams(keys, grams) if grams else [None] * len(keys)
    found = [
        grams_for(food_id, unit, kind, foods, text, water=wet, given=weight)
        for food_id, unit, kind, text, wet, weight in zip(
            matched["food_id"].tolist(),
            keys["unit"].tolist(),
            keys["unit_kind"].tolist(),
            texts.tolist(),
            water.tolist(),
            given,
            strict=True,
        )
    ]
    return matched.assign(
        per_unit=np.array([f.grams for f in found], dtype="float64"),
        portion=[f.portion for f in found],
        grams_note=[f.note for f in found],
        assumption=[f.assumption or None for f in found],
        plain_water=water & matched["food_id"].isna().to_numpy(),
        unmatched_reason=np.where(unknown != "", unknown, None),
    )


def _users_grams(keys: pd.DataFrame, grams: Mapping[tuple[str, str], float]) -> list[float | None]:
    """The user's grams of one unit (an aliases file's ``grams_per_unit``) of each key."""
    from nutrilog.matching.words import normalize_many

    texts = normalize_many(keys["food"].astype(object).where(keys["food"].notna(), "").tolist())
    units = keys["unit"].astype(object).where(keys["unit"].notna(), "").astype(str)
    return [grams.get((text, unit)) for text, unit in zip(texts, units, strict=True)]


def _analyse_entries(
    entries: pd.DataFrame,
    foods: FoodTable,
    matcher: Any,
    recompute: bool,
    grams: Mapping[tuple[str, str], float] | None = None,
) -> pd.DataFrame:
    """Match, weigh and total each entry; the work is done once per distinct food key.

    A key is a distinct (food, food_id, unit, unit_kind, kind) among the entries
    to match; each row then takes its key's results by integer code, and only
    the amounts (grams, nutrients) are computed per row.
    """
    from nutrilog.portions import NO_QUANTITY, amounts

    index = entries.index
    n = len(entries)
    is_supp = entries["kind"].eq("supplement").to_numpy()
    is_water = entries["kind"].eq("water").to_numpy()
    from nutrilog.recompute import (
        KEPT_NOTE,
        grams_from_reported_energy,
        recomputable,
        with_notes,
    )

    redo = recomputable(entries) & ~is_supp if recompute else np.zeros(n, dtype=bool)
    reported = entries["reported"].to_numpy(dtype=bool) & ~is_supp & ~redo
    to_match = ~is_supp & ~reported
    rows = np.flatnonzero(to_match)

    key_columns = ["food", "food_id", "unit", "unit_kind", "kind", "amount_note"]
    code, keys = distinct_rows(
        {c: entries[c] if to_match.all() else entries[c].iloc[rows] for c in key_columns}
    )
    found = _match_keys(keys, foods, matcher, grams) if len(keys) else None

    quantity = entries["quantity"].to_numpy(dtype="float64")
    if np.isnan(quantity).any():  # a vague amount without a number is one of it
        quantity = amounts(quantity, entries["unit_kind"].eq("vague").to_numpy(dtype=bool))
    every = to_match.all()

    def spread(values: np.ndarray, fill: object) -> np.ndarray:
        """A key-level array spread to the matched rows (``fill`` for the others)."""
        if every:
            return values[code]
        out = np.empty(n, dtype=values.dtype)
        out.fill(fill)  # fill, not full: a tuple is one value, not a shape
        out[rows] = values[code]
        return out

    key_code = spread(np.arange(len(keys), dtype=np.int32), -1)  # -1: not matched
    if found is None:
        found = pd.DataFrame(columns=_KEY_COLUMNS)
    grams = spread(found["per_unit"].to_numpy(dtype="float64"), np.nan)
    grams *= quantity
    score = spread(found["match_score"].to_numpy(dtype="float64"), np.nan)
    key_suggestions = np.empty(len(found), dtype=object)
    for k, listed in enumerate(found["suggestions"]):  # one by one: numpy would nest tuples
        key_suggestions[k] = good_suggestions(listed)  # as a search would list them
    if any(key_suggestions):
        suggestions = spread(key_suggestions, ())
    else:  # no suggestions anywhere: every row shares one empty tuple
        suggestions = np.empty(n, dtype=object)
        suggestions.fill(())
    water = spread(found["plain_water"].to_numpy(dtype=bool), False)  # grams are its water

    def per_key(column: str) -> pd.Series:
        """A key-level text column spread to the matched rows (missing elsewhere)."""
        values = found[column].to_numpy(dtype=object)
        uniques = np.append(values, None)  # key -1 (rows not matched) -> missing
        return coded(key_code, uniques, index)

    matched = to_match
    food_id = per_key("food_id")
    note = per_key("grams_note")
    no_quantity = matched & np.isnan(quantity) & (note == "").to_numpy()
    if no_quantity.any():
        note = choose(~no_quantity, note, pd.Series(NO_QUANTITY, index=index))
    energy_notes, kept = None, np.zeros(n, dtype=bool)
    if redo.any():  # a recomputed count or size measure: grams from the reported energy
        grams, energy_notes = grams_from_reported_energy(
            entries, food_id, grams, foods.nutrients, redo & matched
        )
        kept = redo & food_id.isna().to_numpy()  # no food to recompute from
        energy_notes = np.where(kept, KEPT_NOTE, energy_notes)
    computed = scale_per_100g(pd.DataFrame({"food_id": food_id, "grams": grams}), foods.nutrients)
    columns = {c: entries[c] for c in entries.columns}
    columns["food_id"] = choose(matched, food_id, entries["food_id"])
    for col in NUTRIENT_COLUMNS:
        value = computed[col].to_numpy() if col in computed.columns else np.full(n, np.nan)
        columns[col] = value if every else np.where(matched, value, entries[col].to_numpy())
        if kept.any():  # an app's row with no matching food keeps the app's values
            columns[col] = np.where(kept, entries[col].to_numpy(), columns[col])
    if water.any():
        columns["water_g"] = np.where(water, grams, columns["water_g"])
    # supplements and reported rows are described by their own words
    columns["description"] = choose(matched, per_key("description"), entries["food"])
    columns["match_method"] = per_key("match_method")
    columns["portion"] = per_key("portion")
    columns["grams_note"] = note
    if found["unmatched_reason"].notna().any():  # rows whose food id names no food
        columns["unmatched_reason"] = per_key("unmatched_reason")
    columns["assumptions"] = _assumptions(entries, key_code, found, is_supp)
    if energy_notes is not None:
        columns["assumptions"] = with_notes(columns["assumptions"], energy_notes)
    columns["match_score"] = score
    columns["grams"] = grams
    columns["suggestions"] = suggestions
    no_food = food_id.isna().to_numpy()
    columns["status"] = _statuses(matched, no_food, is_water, grams, is_supp, reported)
    # one construction: no per-column insertion into a million-row table
    return pd.DataFrame(columns, index=index, copy=False)


def _assumptions(
    entries: pd.DataFrame, key_code: np.ndarray, found: pd.DataFrame, is_supp: np.ndarray
) -> pd.Series:
    """Each row's assumptions (text, ``""`` when none), ``"; "``-separated
    ``<tag>: <detail>`` items: those its row already carries (the parts of a
    compound line, a user's supplement table), then those of its key (how the
    food was matched, how its grams were found), or how its supplement line was
    read. The key's are joined once per key and spread as a categorical; rows
    are joined one by one only where they carry their own."""
    from nutrilog.assumptions import ASSUMPTIONS

    by_key = [
        "; ".join(p for p in (a, b) if isinstance(p, str) and p)
        for a, b in zip(found["assumptions"], found["assumption"], strict=True)
    ]
    spread = coded(key_code, np.array([*by_key, ""], dtype=object), entries.index)
    if ASSUMPTIONS in entries:
        own = entries[ASSUMPTIONS].astype(object)
        own = own.where(own.notna(), "").to_numpy(dtype=object)
    else:
        own = np.full(len(entries), "", dtype=object)
    if is_supp.any():
        from nutrilog.supplements import supplement_assumptions

        read = supplement_assumptions(entries)
        own = np.where((own == "") & (read != None), read, own)  # noqa: E711
    rows = np.flatnonzero(own != "")
    if not len(rows):
        return spread
    joined = spread.astype(object).to_numpy(copy=True)
    joined[rows] = [
        "; ".join(p for p in (a, b) if p) for a, b in zip(own[rows], joined[rows], strict=True)
    ]
    return text_category(pd.Series(joined, index=entries.index, dtype=object), "")


#: Entry statuses, in the order of their codes.
_STATUS_CODES = {status: code for code, status in enumerate(STATUSES)}


def _statuses(
    matched: np.ndarray,
    no_food: np.ndarray,
    is_water: np.ndarray,
    grams: np.ndarray,
    is_supp: np.ndarray,
    reported: np.ndarray,
) -> pd.Categorical:
    """matched | unmatched | no grams | supplement | reported, as a categorical."""
    status = np.zeros(len(matched), dtype=np.int8)
    status[matched & no_food & ~is_water] = _STATUS_CODES["unmatched"]
    status[matched & (status == 0) & np.isnan(grams)] = _STATUS_CODES["no grams"]
    status[is_supp] = _STATUS_CODES["supplement"]
    status[reported] = _STATUS_CODES["reported"]
    return pd.Categorical.from_codes(status, categories=list(STATUSES))


def food_setup(
    foods: FoodTable | str | os.PathLike[str] | pd.DataFrame | None,
    aliases: Mapping[str, str] | str | os.PathLike[str] | None,
) -> tuple[FoodTable, Any, dict[tuple[str, str], float]]:
    """The food table, the matcher and the user's grams per unit from ``analyze``'s
    ``foods`` and ``aliases`` arguments."""
    from nutrilog.matching.match import Matcher

    table = load_foods()
    if isinstance(foods, FoodTable):
        table = foods
    elif foods is not None:
        table = table.with_user_foods(foods)
    users_grams: dict[tuple[str, str], float] = {}
    if isinstance(aliases, (str, os.PathLike)):
        from nutrilog.matching.aliases import read_alias_file

        aliases, users_grams = read_alias_file(aliases)
    return table, Matcher(table, aliases=aliases), users_grams


def analyse_log(
    food_log: FoodLog,
    table: FoodTable,
    matcher: Any,
    *,
    recompute: bool = False,
    supplements: str | os.PathLike[str] | pd.DataFrame | None = None,
    grams: Mapping[tuple[str, str], float] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The per-row work of :func:`analyze`: read, match and weigh every entry of a log.

    The one place entries become nutrient amounts: :func:`analyze` calls it on the
    whole log, ``nutrilog.dask`` on each partition of a larger one. It works per
    distinct food key, so its result for a row depends on that row alone.

    Returns
    -------
    entries : DataFrame
        One row per entry with its match, grams, status and nutrient amounts
        (repeated text as categoricals).
    rejected : DataFrame
        The log's rejected rows and the lines found not to be food.
    """
    from nutrilog.matching.entries import understand_entries

    logged = food_log.categorical_entries()
    if supplements is not None:
        from nutrilog.supplements import apply_supplement_table

        logged = apply_supplement_table(logged, supplements)
    from nutrilog.recompute import recomputable

    to_read = (
        logged["kind"].eq("food").to_numpy()
        & logged["food_id"].isna().to_numpy()
        & (
            (recomputable(logged) if recompute else False)
            | ~logged["reported"].to_numpy(dtype=bool)
        )
    )
    logged, not_food = understand_entries(logged, matcher, to_read)
    rejected = food_log.rejected
    if len(not_food):
        rejected = pd.concat([rejected, not_food], ignore_index=True)
    return _analyse_entries(logged, table, matcher, recompute, grams), rejected


def analyze(
    log: Any,
    profile: Profile | Mapping[Any, Any] | pd.DataFrame | str | os.PathLike[str],
    *,
    foods: FoodTable | str | os.PathLike[str] | pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | os.PathLike[str] | None = None,
    recompute: bool = False,
    sd_within: Mapping[str, float] | None = None,
    explanations: Any = None,
    min_day_kcal: float = DEFAULT_MIN_DAY_KCAL,
    supplements: str | os.PathLike[str] | pd.DataFrame | None = None,
) -> Analysis:
    """Analyse a food log for one or several people.

    Parameters
    ----------
    log : FoodLog, DataFrame, path or list of those
        The log; paths are read with :func:`nutrilog.read_log` (format detected).
    profile : Profile, mapping, DataFrame or path
        The person; or one profile per person: a mapping of the log's ``person``
        values to profiles (keys of any type: ``83732`` matches the log's
        ``"83732"``), or a people table with columns ``person, age, sex``
        (optionally ``pregnant, lactating``) as a DataFrame or CSV path (see
        :func:`nutrilog.profile.read_people`). Reference values are looked up once
        per DRI group (:func:`nutrilog.references.dri_group`).
    foods : FoodTable, path or DataFrame, optional
        The food table (default: the bundled one). A path or DataFrame adds the
        user's own foods to the bundled table.
    aliases : mapping or path, optional
        User overrides ``text → food_id`` (dict or CSV ``text,food_id``). A CSV may
        add ``unit`` and ``grams_per_unit`` (the grams one unit of that text weighs),
        as in the file :func:`nutrilog.fixes.write_fixes` writes
        (:func:`~nutrilog.matching.aliases.read_alias_file`).
    recompute : bool
        Recompute nutrients of rows whose source reported them (Cronometer): a
        count or size measure (not a weight or volume) takes its grams from the
        row's reported energy; a row with no matching food, and a meal or day
        total (no amount), keep their reported values (:mod:`nutrilog.recompute`).
    sd_within : mapping, optional
        Within-person SDs of daily intake by nutrient, used where no published
        pooled value applies.
    explanations : path or Explanations, optional
        A user explanation file in the bundled schema.
    min_day_kcal : float
        Days with less energy logged are kept in ``daily`` but not assessed (a
        finite number of 0 or more, else :class:`~nutrilog.errors.ArgumentError`).
    supplements : path or DataFrame, optional
        The user's supplement products: a CSV (or frame) with a ``product`` column
        and amounts per unit (``magnesium_mg``, ``calcium_mg``, ``potassium_mg``,
        ``sodium_mg``, ``vitamin_d_ug`` or ``vitamin_d_iu``, ``vitamin_b12_ug``;
        ``unknown`` where not known). Entries whose amounts are unknown and whose
        words name a product (``cal-mag 2 tabs``) take its amounts times the units
        counted (see :func:`nutrilog.supplements.apply_supplement_table`).

    Returns
    -------
    Analysis

    Examples
    --------
    >>> import nutrilog as nl
    >>> log = nl.parse_entries(["2 medium bananas", "1 cup chopped spinach"], date="2026-11-20")
    >>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    >>> round(float(result.daily["magnesium_mg"].iloc[0]), 1)  # 2 x 118 g x 27 + 30 g x 79 per 100 g
    87.4
    """
    from nutrilog.assessment.table import assess_people_later
    from nutrilog.explanations import Explanations, load_explanations

    min_day_kcal = number_argument("min_day_kcal", min_day_kcal)
    paths = (str, os.PathLike)
    kind_argument(
        "foods",
        foods,
        (FoodTable, *paths, pd.DataFrame, type(None)),
        "a FoodTable, a path or a DataFrame",
    )
    kind_argument("aliases", aliases, (Mapping, *paths, type(None)), "a mapping or a path")
    kind_argument(
        "supplements", supplements, (*paths, pd.DataFrame, type(None)), "a path or a DataFrame"
    )
    kind_argument(
        "explanations", explanations, (Explanations, *paths, type(None)), "Explanations or a path"
    )
    food_log = _as_log(log)
    table, matcher, users_grams = food_setup(foods, aliases)
    entries, rejected = analyse_log(
        food_log, table, matcher, recompute=recompute, supplements=supplements, grams=users_grams
    )
    people = sorted(entries["person"].unique().tolist()) or ["default"]
    profiles = _profiles_for(people, profile)
    people_columns = None  # a people table's own columns (weights, study arms) for population()
    if isinstance(profile, (pd.DataFrame, str, os.PathLike)):
        from nutrilog.profile import people_table

        people_columns = people_table(profile)

    daily = daily_totals(entries) if len(entries) else _empty_daily()
    daily["complete"] = daily["date"].notna() & daily["energy_kcal"].fillna(0.0).ge(min_day_kcal)

    # the numbers now; each row's reason and notes when the assessment is first read
    assessment = assess_people_later(daily, profiles, sd_within=sd_within)

    unmatched = unmatched_entries(entries)
    counts = entry_counts(food_log, entries, rejected)
    expl = explanations
    if expl is None or isinstance(expl, (str, os.PathLike)):
        expl = load_explanations(expl)
    return Analysis(
        table=entries,
        daily=daily,
        assessed=assessment,
        unmatched=unmatched,
        rejected=rejected,
        profiles=profiles,
        counts=counts,
        foods=table,
        explanations=expl,
        people=people_columns,
    )


def unmatched_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """The unmatched entries with their best suggestions and the reason: an unknown
    food id, or no food matched the text."""
    rows = entries["status"].eq("unmatched").to_numpy()
    out = entries.loc[rows, ["source", "line", "text", "food", "suggestions"]]
    reason = np.full(int(rows.sum()), "no food matched the text", dtype=object)
    if "unmatched_reason" in entries:
        given = entries.loc[rows, "unmatched_reason"].astype(object).to_numpy()
        reason = np.where(pd.notna(given), given, reason)
    return out.assign(reason=reason).reset_index(drop=True)


def entry_counts(
    food_log: FoodLog, entries: pd.DataFrame, rejected: pd.DataFrame
) -> dict[str, int]:
    """:attr:`Analysis.counts` of a log, its analysed entries and its rejected rows."""
    status = entries["status"]
    return {
        "rows_read": int(food_log.rows_read or 0),
        "entries": len(entries),
        "matched": int(status.eq("matched").sum()),
        "unmatched": int(status.eq("unmatched").sum()),
        "unknown_ids": int(entries["unmatched_reason"].notna().sum())
        if "unmatched_reason" in entries
        else 0,
        "no_grams": int(status.eq("no grams").sum()),
        "supplements": int(status.eq("supplement").sum()),
        "reported": int(status.eq("reported").sum()),
        "rejected": len(rejected),
        "lines_read": food_log.lines_read,
        "skipped_lines": int(food_log.skipped_lines),
    }


def _empty_daily() -> pd.DataFrame:
    from nutrilog.intake import DAILY_COLUMNS

    return pd.DataFrame(columns=DAILY_COLUMNS)


def _suggestions(
    entries: pd.DataFrame,
    assessment: pd.DataFrame,
    table: FoodTable,
    explanations: Any,
    profiles: Mapping[str, Profile] | None = None,
    daily: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Suggestions for every person, from the assessment and the foods each eats most often."""
    from nutrilog.suggestions import SUGGESTION_COLUMNS, suggest_foods

    eaten_by = (
        entries.dropna(subset=["food_id"])
        .groupby(["person", "food_id"], sort=False)
        .size()
        .sort_values(ascending=False, kind="stable")
        .groupby(level="person", sort=False)
        .head(EATEN_CANDIDATES)
    )
    eaten = {
        str(person): group.index.get_level_values("food_id").tolist()
        for person, group in eaten_by.groupby(level="person", sort=False)
    }
    energy = _mean_energy(daily)
    frames = []
    for person, rows in assessment.groupby("person", sort=False):
        gaps, limits, current, targets = _gaps_and_limits(rows)
        current["energy_kcal"] = energy.get(str(person), np.nan)
        reduce = {
            column: _top_sources(entries, str(person), column) for column in _above_cdrr(rows)
        }
        profile = (profiles or {}).get(str(person))
        infant = profile is not None and profile.age < 1  # gets the note on feeding babies
        if not gaps and not reduce and not infant:
            continue
        frame = suggest_foods(
            gaps,
            table,
            eaten_ids=eaten.get(str(person), []),
            limits=limits,
            current=current,
            targets=targets,
            age=profile.age if profile is not None else None,
            sex=profile.sex if profile is not None else None,
            reduce=reduce,
            below_ai=_below_ai(rows),
            explanations=explanations,
        )
        if len(frame):
            frame.insert(0, "person", person)
            frames.append(frame)
    if frames:
        return pd.concat(frames, ignore_index=True)
    return pd.DataFrame(columns=["person", *SUGGESTION_COLUMNS])


def _mean_energy(daily: pd.DataFrame | None) -> dict[str, float]:
    """Each person's mean daily energy over the assessed (complete) days."""
    if daily is None or "energy_kcal" not in daily or daily.empty:
        return {}
    days = daily[daily["complete"].astype(bool)] if "complete" in daily else daily
    return {str(k): float(v) for k, v in days.groupby("person")["energy_kcal"].mean().items()}


def _top_sources(entries: pd.DataFrame, person: str, column: str, n: int = 3) -> list[str]:
    """The foods that gave a person the most of a nutrient over the log, in the log's words."""
    from nutrilog.intake import top_foods

    rows = entries[entries["person"].astype(str) == person]
    top = top_foods(rows, n=n)
    return top.loc[top["column"] == column, "food"].astype(str).tolist()


def _below_ai(assessment: pd.DataFrame) -> list[str]:
    """Nutrient columns below their AI ("cannot tell"): a distance to the AI, not a gap."""
    from nutrilog.assessment import CANNOT_TELL

    return [str(r.column) for r in assessment.itertuples() if r.status == CANNOT_TELL]


def _above_cdrr(assessment: pd.DataFrame) -> list[str]:
    """Nutrient columns whose mean is above their CDRR (sodium)."""
    from nutrilog.assessment import ABOVE_CDRR

    return [str(r.column) for r in assessment.itertuples() if r.status == ABOVE_CDRR]


def _gaps_and_limits(
    assessment: pd.DataFrame,
) -> tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]:
    """Gaps to close, food limits, current means and targets, keyed by nutrient column.

    Gaps (target − mean) are those of nutrients likely or possibly low, and of those
    below an AI ("cannot tell"): reaching an AI is sensible for potassium and water,
    and a sodium gap becomes a note on unlogged salt, never a food. Limits are the ULs
    on total intake and the sodium CDRR (the magnesium UL covers supplements only and
    is left out).
    """
    from nutrilog.assessment import CANNOT_TELL, LOW_STATUSES

    wanted = assessment["status"].isin([*LOW_STATUSES, CANNOT_TELL]) & assessment["target"].notna()
    low = assessment[wanted]
    gaps = {
        str(row.column): float(row.target - row.mean)
        for row in low.itertuples()
        if pd.notna(row.mean) and row.target > row.mean
    }
    limits: dict[str, float] = {}
    for row in assessment.itertuples():
        if pd.notna(row.ul) and row.ul_applies_to == "all":
            limits[str(row.column)] = float(row.ul)
        elif pd.notna(row.cdrr):
            limits[str(row.column)] = float(row.cdrr)
    current = {str(r.column): float(r.mean) for r in assessment.itertuples() if pd.notna(r.mean)}
    targets = {
        str(r.column): float(r.target) for r in assessment.itertuples() if pd.notna(r.target)
    }
    return gaps, limits, current, targets
