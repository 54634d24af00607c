"""The per-entry steps of :func:`~nutrilog.analysis.analyze`: match each distinct food
key, weigh it, spread the answers back to the entries and give each entry a status.

:func:`analyse_log` is the one place entries become nutrient amounts (the whole
log in :func:`~nutrilog.analysis.analyze`, each partition in ``nutrilog.dask``).

Examples
--------
>>> import nutrilog as nl
>>> from nutrilog.analysis.entries import analyse_log, food_setup
>>> table, matcher, grams = food_setup(None, None)
>>> log = nl.parse_entries(["2 medium bananas"], date="2026-11-20")
>>> entries, rejected = analyse_log(log, table, matcher, grams=grams)
>>> entries["status"].tolist(), round(float(entries["grams"].iloc[0]))
(['matched'], 236)
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from nutrilog._joined import plain_text
from nutrilog._vector import choose, coded, codes_of, distinct_rows, text_category
from nutrilog.foods import FoodTable, load_foods
from nutrilog.intake import scale_per_100g
from nutrilog.log import FoodLog
from nutrilog.matching.match import MATCH_COLUMNS
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.search import good_suggestions

__all__ = [
    "MOST_GRAMS",
    "STATUSES",
    "analyse_log",
    "entry_counts",
    "food_setup",
    "unmatched_entries",
]

#: Entry statuses after analysis.
STATUSES = ("matched", "unmatched", "no grams", "supplement", "reported")
#: The most one entry may weigh: no one eats or drinks 10 kg at once, so a heavier
#: amount is a slip or no food at all (``hauled 2200 lbs of fish``), and its grams
#: and nutrients are left unknown (status ``no grams``) rather than counted.
MOST_GRAMS = 10_000.0
#: The grams note of an entry heavier than :data:`MOST_GRAMS`.
TOO_MUCH = "amount doubtful: more than 10 kg in one entry, left unknown"


#: Columns of :func:`_match_keys`.
_KEY_COLUMNS = [
    *MATCH_COLUMNS, "per_unit", "portion", "grams_note", "assumption", "plain_water",
    "unmatched_reason",
]  # fmt: skip


def _unknown_ids(food_ids: pd.Series, matcher: Any) -> np.ndarray:
    """Per key: why its food id names no food ("unknown food id ..."), ``""`` when it has
    no id or a known one."""
    from nutrilog.iotools import food_id_problem

    known = matcher.known.position
    return np.array(
        [
            food_id_problem(str(v).strip())
            if isinstance(v, str) and v.strip() and v.strip() not in known
            else ""
            for v in food_ids.astype(object).tolist()
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
    from nutrilog.portions.shells import WHOLE_WEIGHT_UNITS
    from nutrilog.portions.weighing import DRINK_OUNCE

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
    texts = _respelt(_food_texts(keys), matched)
    water = (keys["kind"] == "water").to_numpy(dtype=bool)
    given = _users_grams(keys, grams) if grams else [None] * len(keys)
    by_mass: dict[tuple[Any, bool], Any] = {}  # a mass weighs the same whatever the food
    found = []
    for food_id, unit, kind, text, wet, weight in zip(
        matched["food_id"].tolist(),
        keys["unit"].tolist(),
        keys["unit_kind"].tolist(),
        texts,
        water.tolist(),
        given,
        strict=True,
    ):
        if kind == "mass" and unit != DRINK_OUNCE and unit not in WHOLE_WEIGHT_UNITS:
            # a mass's grams (an oz of a drink: fl oz; a pound of shellfish: with the shell)
            if (unit, wet) not in by_mass:
                by_mass[unit, wet] = grams_for(food_id, unit, kind, foods, text, water=wet)
            found.append(by_mass[unit, wet])
        else:
            found.append(grams_for(food_id, unit, kind, foods, text, water=wet, given=weight))
    return matched.assign(
        per_unit=np.array([f.grams for f in found], dtype="float64"),
        portion=[f.portion for f in found],
        grams_note=[f.note for f in found],
        assumption=[f.assumption or None for f in found],
        plain_water=water & matched["food_id"].isna().to_numpy(),
        unmatched_reason=np.where(unknown != "", unknown, None),
    )


#: A spelling the matcher corrected, in a match's assumptions (``spelling: meatbal →
#: meatball``).
_SPELLING = re.compile(r"spelling: (?P<wrong>[\w'-]+) \u2192 (?P<right>[\w' -]+?)(?=;|$)")


def _respelt(texts: list[str], matched: pd.DataFrame) -> list[str]:
    """The food texts with the spellings the matcher corrected put right, so that the
    portion is chosen by the word meant (``4 meatbals``: four meatballs, not four
    slices of meat loaf)."""
    if "assumptions" not in matched:
        return texts
    out = list(texts)
    for row, said in enumerate(matched["assumptions"].tolist()):
        if not isinstance(said, str) or "spelling:" not in said or not out[row]:
            continue
        for found in _SPELLING.finditer(said):
            wrong, right = re.escape(found["wrong"]), found["right"]
            out[row] = re.sub(
                rf"\b{wrong}(s|es)?\b",
                lambda m, right=right: right + (m[1] or ""),
                out[row],
                flags=re.IGNORECASE,
            )
    return out


def _food_texts(keys: pd.DataFrame) -> list[str]:
    """Each key's food words and amount note, for :func:`~nutrilog.portions.grams_for` to
    choose a portion by; ``""`` for a key weighed in a mass unit, whose grams are the
    unit's (no portion is chosen), but for pounds, which may weigh a shell
    (:mod:`nutrilog.portions.shells`)."""
    from nutrilog.portions.shells import WHOLE_WEIGHT_UNITS

    texts = [""] * len(keys)
    weighed = (keys["unit_kind"] == "mass") & ~keys["unit"].isin(WHOLE_WEIGHT_UNITS)
    rows = np.flatnonzero((~weighed).to_numpy(dtype=bool))
    if len(rows):
        some = keys.iloc[rows]
        notes = some["amount_note"].where(some["amount_note"].notna(), "").astype(str)
        words = (some["food"].where(some["food"].notna(), "").astype(str) + " " + notes).str.strip()
        for row, text in zip(rows.tolist(), words.tolist(), strict=True):
            texts[row] = text
    return texts


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
    from nutrilog.portions.weighing import parts_marked

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
    # a bare count below one (``1/8 pumpkin pie``) is weighed as a share of the whole
    keyed = {c: entries[c] for c in key_columns}
    keyed["unit_kind"] = parts_marked(entries["quantity"], entries["unit"], entries["unit_kind"])
    code, keys = distinct_rows(
        {c: keyed[c] if to_match.all() else keyed[c].iloc[rows] for c in key_columns}
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

    # intp: the codes index every key-level column without a conversion per take
    # -1: not matched; with every row matched, each row's key is its code (no take)
    if every:
        key_code = code.astype(np.intp, copy=False)
    else:
        key_code = spread(np.arange(len(keys), dtype=np.intp), -1)
    if found is None:
        found = pd.DataFrame(columns=_KEY_COLUMNS)
    grams = spread(found["per_unit"].to_numpy(dtype="float64"), np.nan)
    grams *= quantity
    score = spread(found["match_score"].to_numpy(dtype="float64"), np.nan)
    key_suggestions = np.empty(len(found), dtype=object)
    for k, listed in enumerate(found["suggestions"]):  # one by one: numpy would nest tuples
        key_suggestions[k] = good_suggestions(listed) if listed else ()  # as a search lists them
    if any(key_suggestions):
        suggestions = spread(key_suggestions, ())
    else:  # no suggestions anywhere: every row shares one empty tuple
        suggestions = np.empty(n, dtype=object)
        suggestions.fill(())
    water = spread(found["plain_water"].to_numpy(dtype=bool), False)  # grams are its water

    def per_key(column: str) -> pd.Series:
        """A key-level text column spread to the matched rows (missing elsewhere)."""
        values = found[column].to_numpy(dtype=object)
        # key -1 (rows not matched) -> missing; no such row when every row is matched
        uniques = values if every else np.append(values, None)
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
    too_much = grams > MOST_GRAMS  # NaN compares False
    if too_much.any():  # "hauled 2200 lbs of reds": a slip or no food, left unknown
        grams = np.where(too_much, np.nan, grams)
        said = coded(np.zeros(n, dtype=np.int8), np.array([TOO_MUCH], dtype=object), index)
        note = choose(~too_much, note, said)  # one code for every row: no text hashed
    weighed = pd.DataFrame({"food_id": food_id, "grams": grams}, copy=False)  # read only
    computed = scale_per_100g(weighed, foods.nutrients, rows_of=foods.id_lookup.position)
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
        for a, b in zip(found["assumptions"].tolist(), found["assumption"].tolist(), strict=True)
    ]
    spread = coded(key_code, np.array([*by_key, ""], dtype=object), entries.index)
    if ASSUMPTIONS in entries:
        # each distinct value once: missing is no assumption
        codes, uniques = codes_of(entries[ASSUMPTIONS])
        texts = np.array([value if pd.notna(value) else "" for value in uniques], dtype=object)
        if not is_supp.any() and (texts == "").all():
            return spread  # no row carries its own
        own = texts[codes] if len(codes) else np.full(0, "", dtype=object)
    elif not is_supp.any():
        return spread  # no row carries its own
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
    rejected = food_log.rejected
    if to_read.any():  # entry understanding (and its modules) only for lines to read
        from nutrilog.matching.entries import understand_entries

        logged, not_food = understand_entries(logged, matcher, to_read)
        if len(not_food):
            rejected = pd.concat([rejected, not_food], ignore_index=True)
    return _analyse_entries(logged, table, matcher, recompute, grams), rejected


def unmatched_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """The unmatched entries with their best suggestions and the reason: an unknown
    food id, or no food matched the text."""
    rows = entries["status"].eq("unmatched").to_numpy()
    out = entries.loc[rows, ["source", "line", "text", "food", "suggestions"]]
    reason = np.full(int(rows.sum()), "no food matched the text", dtype=object)
    if "unmatched_reason" in entries:
        given = entries.loc[rows, "unmatched_reason"].astype(object).to_numpy()
        reason = np.where(pd.notna(given), given, reason)
    return out.assign(text=plain_text(out["text"]), reason=reason).reset_index(drop=True)


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
