"""Entry understanding applied to an entries table, once per distinct line.

:func:`understand_entries` is the boundary between the table of entries and the
plain functions of :mod:`nutrilog.matching.entry`, which read one line each. For the
food rows that need matching it

* reads each distinct line once (:func:`~nutrilog.matching.entry.understand`);
* moves the lines that are not food entries to rejected rows (``source, line, text,
  reason``), so every input line is still an entry or a rejected row;
* replaces a line with one row per component (each with the amount written with it,
  read by :func:`nutrilog.quantity.parse_amounts`), all keeping the line's ``text``,
  ``source`` and ``line``;
* takes meal and time prefixes off the food words, filling ``meal`` and ``time`` when
  the row has none;
* adds the column ``assumptions`` (``component: of "..."``, ``dish: ...``).

A row whose amount came in a column of its own (its ``text`` is the food words
followed by ``", "`` and the amount, as the CSV and app readers write it) is read from
its food words alone and never split: its amount is the whole line's.

Examples
--------
>>> import nutrilog as nl
>>> from nutrilog.matching.match import Matcher
>>> log = nl.parse_entries(["breakfast - toast w/ butter", "slept badly"], date="2026-11-20")
>>> rows, rejected = understand_entries(log.entries, Matcher(nl.load_foods()))
>>> rows[["meal", "food"]].values.tolist(), rejected["reason"].tolist()
([['breakfast', 'toast'], ['breakfast', 'butter']], ["not a food entry (sleep: 'slept')"])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of, text_category
from nutrilog.assumptions import ASSUMPTIONS, join_assumptions
from nutrilog.matching.dishes import (
    bar_format,
    chain_closing,
    chicken_pieces,
    chicken_share,
    eggs_of_dish,
    joined_names,
    pizza_slices,
    size_first,
    with_joined,
)
from nutrilog.matching.entry import (
    Part,
    Understanding,
    clock_after,
    maker_aside,
    names_a_maker,
    needs_reading,
    not_food_reason,
    opens_unknown,
    read_topped,
    said_as_meal,
    said_at_school,
    said_hot,
    shop_said,
    strip_prefix,
    understand,
    without_shop,
)
from nutrilog.matching.match import Matcher
from nutrilog.matching.negations import without_negations
from nutrilog.matching.neighbours import regional_reading
from nutrilog.matching.not_food import MOST_DRUNK_ML, MOST_EATEN_G
from nutrilog.matching.parts import part_spans
from nutrilog.matching.unlisted import unlisted_foods
from nutrilog.matching.words import normalize_many
from nutrilog.quantity import AMOUNT_COLUMNS, parse_amounts
from nutrilog.units import MASS_UNITS, VOLUME_UNITS, convert

__all__ = ["understand_entries"]


def _from_columns(text: str, food: str) -> bool:
    """Whether the row's amount was given apart from its food words (see the module doc)."""
    return text.startswith(food + ", ") and food != text


def _read(text: str, food: str, matcher: Matcher) -> Understanding:
    """The understanding of one row: of its whole line, or of its food words alone."""
    if not _from_columns(text, food):
        return understand(text, matcher)
    rest, meal, clock = strip_prefix(food)
    rest = without_shop(matcher, rest)
    reason = not_food_reason(rest, matcher.index.postings.keys())
    if reason is None:
        rest, said_clock = clock_after(rest)
        clock = clock or said_clock
    omitted: tuple[tuple[str, str], ...] = ()
    if reason is None:  # "iced green tea no sugar, 16oz": the sugar was not had
        rest, omitted = without_negations(rest, matcher)
    # "butter chicken + rice" with its amount in a column: the dish its parts name
    joined = None if reason else with_joined(matcher, rest, part_spans(rest))
    parts = () if reason else (maker_aside(matcher, Part(joined or rest, omitted)),)
    return Understanding(food, meal, clock, reason, parts)


def _bulky_rows(entries: pd.DataFrame) -> np.ndarray:
    """Whether each row's amount, as parsed, is more than anyone eats or drinks at once
    (:func:`~nutrilog.matching.not_food.bulk_amount`), worked out per distinct unit."""
    if "unit" not in entries or "quantity" not in entries:
        return np.zeros(len(entries), dtype=bool)
    units = entries["unit"].astype(object).where(entries["unit"].notna(), "")
    quantity = pd.to_numeric(entries["quantity"], errors="coerce").to_numpy(dtype=float)
    limit = np.full(len(entries), np.inf)
    for unit in pd.unique(units):
        if unit in MASS_UNITS:
            most = MOST_EATEN_G / convert(1.0, unit, "g")
        elif unit in VOLUME_UNITS:
            most = MOST_DRUNK_ML / convert(1.0, unit, "ml")
        else:
            continue
        limit[(units == unit).to_numpy()] = most
    return np.nan_to_num(quantity, nan=0.0) > limit


def _as_written(text: str) -> Understanding:
    """A line that needs no reading: one food, as written."""
    return Understanding(text, None, None, None, (Part(text.strip(), ()),))


def understand_entries(
    entries: pd.DataFrame, matcher: Matcher, rows: np.ndarray | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Apply entry understanding to ``entries`` (see the module doc).

    Parameters
    ----------
    entries : DataFrame
        A standard entries table.
    matcher : Matcher
        The matcher the entries will be matched with.
    rows : array of bool, optional
        Which rows to read (default: food rows without a food id).

    Returns
    -------
    (DataFrame, DataFrame)
        The entries (components in line order; an ``assumptions`` column when a line
        was read anew) and the rejected rows (``source, line, text, reason``).
    """
    n = len(entries)
    if rows is None:
        rows = entries["kind"].eq("food").to_numpy() & entries["food_id"].isna().to_numpy()
    picked = np.flatnonzero(rows)
    empty_rejected = pd.DataFrame({"source": [], "line": [], "text": [], "reason": []})
    if not len(picked):
        return entries, empty_rejected

    text_codes, texts = codes_of(entries["text"].iloc[picked])
    food_codes, foods = codes_of(entries["food"].iloc[picked])
    pair_codes, pairs = pd.factorize(
        pd.MultiIndex.from_arrays([text_codes, food_codes]), use_na_sentinel=False
    )
    pairs_as_text = [(str(texts[t] or ""), str(foods[f] or "")) for t, f in pairs.tolist()]
    written = [food if _from_columns(text, food) else text for text, food in pairs_as_text]
    bulky = np.zeros(len(pairs_as_text), dtype=bool)
    np.logical_or.at(bulky, pair_codes, _bulky_rows(entries.iloc[picked]))
    readings = [
        _read(text, food, matcher)
        if needs_reading(line, key.split())
        or read_topped(line) is not None
        or unlisted_foods(matcher, line) is not None  # "2 eggs bacon"
        or chain_closing(line) is not None  # "mac n cheese cracker barrel"
        or size_first(line) is not None  # "starbucks grande latte"
        or bar_format(line) is not None  # "kitkat 4 finger"
        or chicken_share(line) is not None  # "1/4 chicken"
        or chicken_pieces(line) is not None  # "2pc chicken"
        or pizza_slices(line) is not None  # "2 slices pepperoni"
        or eggs_of_dish(line) is not None  # "omelet w/ 2 eggs"
        or regional_reading(line)[1]  # "a portion of chips"
        or joined_names(line)[1]  # "apple pie a la mode": the pie with ice cream
        or names_a_maker(line)  # "1 cup Harlow vanilla ice cream"
        or opens_unknown(matcher, line)  # "portillos italian beef"
        or said_hot(line)  # "hot sake"
        or said_at_school(line)  # "slice of school pizza"
        or said_as_meal(line)  # "big mac meal"
        or shop_said(line)  # "potato salad from king soopers"
        or bulk  # "bought 10 lbs potatoes": not eaten
        else _as_written(line)
        for (text, food), line, key, bulk in zip(
            pairs_as_text, written, normalize_many(written), bulky, strict=True
        )
    ]
    changed = np.array([r.not_food is not None or r.changed for r in readings], dtype=bool)
    if not changed.any():
        return entries, empty_rejected

    per_row = np.full(n, -1, dtype=np.int64)
    per_row[picked] = pair_codes
    touched = per_row >= 0
    touched[touched] = changed[per_row[touched]]
    not_food = np.array([r.not_food is not None for r in readings], dtype=bool)
    dropped = touched & np.isin(per_row, np.flatnonzero(not_food))

    rejected = pd.DataFrame(
        {
            "source": entries["source"].to_numpy(dtype=object)[dropped],
            "line": entries["line"].to_numpy(dtype=object)[dropped],
            "text": entries["text"].to_numpy(dtype=object)[dropped],
            "reason": [readings[c].not_food for c in per_row[dropped]],
        }
    )
    repeat = np.ones(n, dtype=np.int64)
    counts = np.array([len(r.parts) for r in readings], dtype=np.int64)
    repeat[touched] = counts[per_row[touched]]
    repeat[dropped] = 0
    position = np.repeat(np.arange(n), repeat)
    part_no = np.arange(len(position)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    out = entries.iloc[position].reset_index(drop=True)
    code = per_row[position]
    redo = touched[position]
    if redo.any():
        out = _rewrite(
            out, np.flatnonzero(redo), code[redo], part_no[redo], readings, pairs, texts, foods
        )
    if ASSUMPTIONS in out:  # what the rows already carry (a user's supplement table) stays
        given = out[ASSUMPTIONS].astype(object)
        assumed = given.where(given.notna(), "").to_numpy(dtype=object, copy=True)
    else:
        assumed = np.full(len(out), "", dtype=object)
    for i in np.flatnonzero(redo).tolist():
        own = join_assumptions(readings[code[i]].parts[part_no[i]].tags)
        assumed[i] = "; ".join(p for p in (assumed[i], own) if p)
    out[ASSUMPTIONS] = assumed
    return out, rejected


def _rewrite(
    out: pd.DataFrame,
    rows: np.ndarray,
    codes: np.ndarray,
    part_no: np.ndarray,
    readings: list[Understanding],
    pairs: pd.MultiIndex,
    texts: np.ndarray,
    foods: np.ndarray,
) -> pd.DataFrame:
    """Food words, amounts, meal and time of the rows read anew (one row per component)."""
    part_text = [
        readings[c].parts[p].text for c, p in zip(codes.tolist(), part_no.tolist(), strict=True)
    ]
    from_columns = np.array(
        [
            _from_columns(str(texts[pairs[c][0]] or ""), str(foods[pairs[c][1]] or ""))
            for c in codes.tolist()
        ],
        dtype=bool,
    )
    columns = {c: out[c].astype(object).to_numpy(copy=True) for c in ["food", "meal", "time"]}
    free = ~from_columns
    if free.any():
        parsed = parse_amounts(
            pd.Series([t for t, f in zip(part_text, free, strict=True) if f], dtype=object)
        )
        for c in AMOUNT_COLUMNS:
            if c not in columns:
                columns[c] = out[c].astype(object).to_numpy(copy=True)
            columns[c][rows[free]] = parsed[c].to_numpy(dtype=object)
    if from_columns.any():
        columns["food"][rows[from_columns]] = [
            t for t, f in zip(part_text, from_columns, strict=True) if f
        ]
    meals = np.array([readings[c].meal for c in codes.tolist()], dtype=object)
    times = np.array([readings[c].time for c in codes.tolist()], dtype=object)
    fill_meal = pd.isna(columns["meal"][rows]) & (meals != None)  # noqa: E711
    columns["meal"][rows[fill_meal]] = meals[fill_meal]
    fill_time = pd.isna(columns["time"][rows]) & (times != None)  # noqa: E711
    columns["time"][rows[fill_time]] = times[fill_time]
    for c, values in columns.items():
        series = pd.Series(values, index=out.index, dtype=object)
        if c == "quantity":
            out[c] = pd.to_numeric(series, errors="coerce").astype("float64")
        else:
            out[c] = text_category(series)
    return out
