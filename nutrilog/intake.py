"""Nutrient amounts per entry, and totals per day, meal and food.

Everything here is vectorised: per-100 g values are joined to the entries by
food id in one step, and totals are pandas group-bys. Unknown values stay NaN:
a day's total is the sum of the values that are known (``min_count=1``), and the
``coverage_<nutrient>`` columns say how much of the day's food that total covers.

Examples
--------
>>> import pandas as pd
>>> per100 = pd.DataFrame({"magnesium_mg": [79.0]}, index=["sr28:11457"])
>>> e = pd.DataFrame({"food_id": ["sr28:11457"], "grams": [30.0]})
>>> float(scale_per_100g(e, per100, ["magnesium_mg"])["magnesium_mg"].iloc[0])
23.7
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrilog._vector import choose, codes_of, text_category
from nutrilog.nutrients import NUTRIENT_COLUMNS, TRACKED

__all__ = [
    "DAILY_COLUMNS",
    "scale_per_100g",
    "daily_totals",
    "meal_totals",
    "top_foods",
    "day_numbers",
]

#: Columns of :func:`daily_totals`, in order: totals, the supplement part of the nutrients
#: that split it (magnesium needs it for its UL on supplements; the others are shown for
#: context), coverage, counts.
DAILY_COLUMNS: list[str] = [
    "person",
    "date",
    *NUTRIENT_COLUMNS,
    *(n.supplement_column for n in TRACKED if n.splits_supplements),
    *(n.coverage_column for n in TRACKED),
    "n_entries",
    "n_supplements",
    "n_unmatched",
    "n_no_grams",
    "grams_logged",
]


def scale_per_100g(
    entries: pd.DataFrame, per_100g: pd.DataFrame, columns: list[str] | None = None
) -> pd.DataFrame:
    """Nutrient amounts of each entry: ``grams / 100 × value per 100 g`` of its food.

    Parameters
    ----------
    entries : DataFrame
        Needs ``food_id`` and ``grams``.
    per_100g : DataFrame
        Per-100 g values indexed by food id.
    columns : list of str, optional
        Nutrient columns to compute (default: all tracked ones present in ``per_100g``).

    Returns
    -------
    DataFrame
        Aligned to ``entries.index``; NaN where the food, the grams or the value is unknown.
    """
    cols = columns or [c for c in NUTRIENT_COLUMNS if c in per_100g.columns]
    # look up each distinct food once, then spread its values to the entries by code
    codes, ids = codes_of(entries["food_id"])
    per_food = per_100g[cols].reindex(ids)
    factor = pd.to_numeric(entries["grams"], errors="coerce").to_numpy(dtype="float64") / 100.0
    out = {}
    for c in cols:
        values = per_food[c].to_numpy(dtype="float64")[codes]  # a new array: scaled in place
        out[c] = np.multiply(values, factor, out=values)
    return pd.DataFrame(out, index=entries.index, columns=cols, copy=False)


def day_numbers(entries: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Number each entry's (person, date) in sorted order, missing dates last.

    Returns
    -------
    day : ndarray of int64
        The day number of each entry (0 .. number of days - 1).
    first : ndarray of int64
        The position of the first entry of each day.

    Examples
    --------
    >>> e = pd.DataFrame({"person": ["b", "a", "b"], "date": pd.to_datetime(["2026-11-21", None, "2026-11-20"])})
    >>> [a.tolist() for a in day_numbers(e)]
    [[2, 0, 1], [1, 2, 0]]
    """
    person = _sorted_codes(entries["person"])
    date = _sorted_codes(entries["date"])
    combined = person * (int(date.max(initial=0)) + 1) + date
    size = int(combined.max(initial=-1)) + 1
    if size <= 4 * len(combined) + 1024:
        # few possible keys: mark the ones present; their running count is the day
        present = np.zeros(size, dtype=bool)
        present[combined] = True
        rank = np.cumsum(present) - 1
        day = rank[combined]
        n_days = int(present.sum())
    else:  # hash the keys, then sort only the distinct ones
        code, uniques = pd.factorize(combined)
        order = np.argsort(uniques, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        day, n_days = rank[code], len(uniques)
    first = np.full(n_days, -1, dtype=np.int64)
    first[day[::-1]] = np.arange(len(day) - 1, -1, -1)
    return day, first


def _day_offsets(values: pd.Series) -> tuple[np.ndarray, int] | None:
    """Days since the first date (missing: -1) and the span, for dates at midnight;
    None for any other column. Integer arithmetic on the ticks: nothing is hashed."""
    if values.dtype.kind != "M" or getattr(values.dt, "tz", None) is not None:
        return None
    stamps = values.to_numpy()
    missing = np.isnat(stamps)
    unit = np.datetime_data(stamps.dtype)[0]
    per_day = np.timedelta64(1, "D").astype(f"m8[{unit}]").astype(np.int64)
    ticks = stamps.view(np.int64)
    known = ticks[~missing]
    if (known % per_day).any():
        return None  # times of day: not day numbers
    low = int(known.min()) if len(known) else 0
    codes = (ticks - low) // per_day
    codes[missing] = -1
    return codes, (int(codes[~missing].max()) + 1 if len(known) else 0)


def _sorted_codes(values: pd.Series) -> np.ndarray:
    """Codes that sort like the values, missing values last."""
    if (
        isinstance(values.dtype, pd.CategoricalDtype)
        and values.cat.categories.is_monotonic_increasing
    ):
        codes = values.cat.codes.to_numpy().astype(np.int64)
        n = len(values.cat.categories)
    elif (days := _day_offsets(values)) is not None:
        codes, n = days
    else:
        codes, uniques = pd.factorize(values, sort=True, use_na_sentinel=True)
        n = len(uniques)
    return np.where(codes < 0, n, codes)


def _entry_weights(grams: np.ndarray, day: np.ndarray, n_days: int) -> np.ndarray:
    """Weight of each food entry for coverage: its grams, or the day's mean when unknown.

    Entries whose grams are unknown (unmatched food, vague amount) still count
    against coverage: each weighs as much as the average (mean) weighed entry of
    the person's day, and on a day with no weighed entry every entry weighs the
    same (coverage is then the share of entries). The mean, not the median: a day
    of small things (a pinch of salt, a spoon of oil) would give an unknown entry
    a median weight of a few grams, and a plate of unknown food would hardly lower
    coverage at all. With the mean, the share covered is the share of the weighed
    food whose value is known times the share of entries that were weighed.

    Examples
    --------
    >>> w = _entry_weights(np.array([1.0, 1.0, 300.0, np.nan]), np.zeros(4, dtype=int), 1)
    >>> w.tolist()  # the unknown entry weighs (1 + 1 + 300) / 3 g, not the median 1 g
    [1.0, 1.0, 300.0, 100.66666666666667]
    """
    unknown = np.isnan(grams)
    weight = grams.copy()
    if unknown.any():
        known = ~unknown
        total = np.bincount(day[known], weights=grams[known], minlength=n_days)
        count = np.bincount(day[known], minlength=n_days)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(count > 0, total / count, 1.0)
        weight[unknown] = mean[day[unknown]]
    return np.clip(weight, 0.0, None)


def daily_totals(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per person and date: nutrient totals, supplement parts, coverage and counts.

    Parameters
    ----------
    entries : DataFrame
        Analysed entries with ``person, date, kind, status, grams`` and nutrient columns.

    Returns
    -------
    DataFrame
        ``person, date``, every nutrient total (NaN when nothing on that day had a
        value), ``<nutrient>_supplement_<unit>`` of the nutrients that split it,
        ``coverage_<nutrient>`` (share of the day's food weight whose value is
        known, 0–1), ``n_entries, n_supplements, n_unmatched, n_no_grams,
        grams_logged``. Days are sorted by person and date.

    Examples
    --------
    >>> e = pd.DataFrame({"person": "a", "date": pd.to_datetime(["2026-11-20"] * 2),
    ...                   "kind": "food", "grams": [100.0, 50.0], "magnesium_mg": [79.0, None]})
    >>> for c in NUTRIENT_COLUMNS:
    ...     e[c] = e.get(c, np.nan)
    >>> row = daily_totals(e).iloc[0]
    >>> float(row["magnesium_mg"]), round(float(row["coverage_magnesium"]), 3), int(row["n_entries"])
    (79.0, 0.667, 2)
    """
    # Number each person-day once; every sum below is a bincount over that number.
    day, first = day_numbers(entries)
    n_days = len(first)
    is_supp = entries["kind"].eq("supplement").to_numpy(dtype=bool)
    is_food = ~is_supp
    all_food = bool(is_food.all())

    def food_rows(values: np.ndarray) -> np.ndarray:
        return values if all_food else values[is_food]

    grams = pd.to_numeric(entries["grams"], errors="coerce").to_numpy(dtype="float64")
    food_day = food_rows(day)
    weight = _entry_weights(food_rows(grams), food_day, n_days)
    weight_sum = np.bincount(food_day, weights=weight, minlength=n_days)
    has_food = np.bincount(food_day, minlength=n_days) > 0
    out: dict[str, np.ndarray] = {}
    coverage: dict[str, np.ndarray] = {}
    n_entries = np.bincount(day, minlength=n_days)
    for n in TRACKED:
        col = n.column
        values = entries[col].to_numpy(dtype="float64")
        unknown = np.isnan(values)
        if unknown.any():
            total = np.bincount(day, weights=np.where(unknown, 0.0, values), minlength=n_days)
            known = np.bincount(day, weights=~unknown, minlength=n_days)
            covered = np.bincount(
                food_day, weights=np.where(food_rows(unknown), 0.0, weight), minlength=n_days
            )
        else:  # every value known: no masking
            total, known = np.bincount(day, weights=values, minlength=n_days), n_entries
            covered = weight_sum
        out[col] = np.where(known > 0, total, np.nan)  # nothing known that day: NaN, not 0
        with np.errstate(invalid="ignore", divide="ignore"):
            share = covered / np.where(weight_sum == 0.0, np.nan, weight_sum)
        # A day with only supplements has no food weight: its food coverage is unknown (NaN).
        coverage[n.coverage_column] = np.where(has_food, share, np.nan)
    for n in TRACKED:
        if n.splits_supplements:
            values = entries[n.column].to_numpy(dtype="float64")
            part = np.where(is_supp & ~np.isnan(values), values, 0.0)
            out[n.supplement_column] = np.bincount(day, weights=part, minlength=n_days)
    out |= coverage
    status = entries["status"] if "status" in entries else pd.Series("matched", index=entries.index)
    out["n_entries"] = n_entries
    out["n_supplements"] = np.bincount(day[is_supp], minlength=n_days)
    out["n_unmatched"] = np.bincount(day[status.eq("unmatched").to_numpy()], minlength=n_days)
    out["n_no_grams"] = np.bincount(day[status.eq("no grams").to_numpy()], minlength=n_days)
    logged = np.where(is_food & ~np.isnan(grams), grams, 0.0)
    out["grams_logged"] = np.bincount(day, weights=logged, minlength=n_days)
    head = {
        "person": entries["person"].iloc[first].astype(str).reset_index(drop=True),
        "date": entries["date"].iloc[first].reset_index(drop=True),
    }
    return pd.DataFrame(head | out, copy=False)


def meal_totals(entries: pd.DataFrame) -> pd.DataFrame:
    """Nutrient totals per person, date and meal (``meal`` missing → ``"(no meal)"``).

    Examples
    --------
    >>> import pandas as pd
    >>> from nutrilog.nutrients import NUTRIENT_COLUMNS
    >>> e = pd.DataFrame({"person": ["a", "a"], "date": ["d", "d"], "meal": ["Lunch", None]})
    >>> for c in NUTRIENT_COLUMNS:
    ...     e[c] = 1.0
    >>> meal_totals(e)["meal"].tolist()
    ['(no meal)', 'Lunch']
    """
    frame = entries[["person", "date", "meal", *NUTRIENT_COLUMNS]].copy()
    frame["meal"] = text_category(frame["meal"], fill="(no meal)").astype(str)
    out = frame.groupby(["person", "date", "meal"], dropna=False, sort=True)[NUTRIENT_COLUMNS]
    return out.sum(min_count=1).reset_index()


def top_foods(entries: pd.DataFrame, n: int = 5, by_day: bool = False) -> pd.DataFrame:
    """The foods contributing most of each nutrient, per person (and per day if ``by_day``),
    in the user's own words.

    Entries are grouped by the food as written (``food``, ignoring case and spacing:
    ``Coffee`` and ``coffee`` are one food), so "chicken breast, roasted" on five days
    is one line however its rows were matched. An entry without food text is named by
    its matched description.

    Returns
    -------
    DataFrame
        ``person, [date,] nutrient, column, food, description, entries, amount, share``:
        ``food`` is the most frequent spelling of the text, ``description`` the food it
        was most often matched to, ``entries`` how many of its entries have a known
        amount of the nutrient, and ``share`` the food's part of the person's (or day's)
        known total.

    Examples
    --------
    >>> import pandas as pd
    >>> from nutrilog.nutrients import NUTRIENT_COLUMNS
    >>> e = pd.DataFrame({"person": "a", "food": ["Coffee", "coffee", "milk"],
    ...                   "description": "x"})
    >>> for c in NUTRIENT_COLUMNS:
    ...     e[c] = [2.0, 2.0, 1.0]
    >>> top = top_foods(e)
    >>> top[top["column"] == "magnesium_mg"][["food", "entries", "amount"]].values.tolist()
    [['Coffee', 2, 4.0], ['milk', 1, 1.0]]
    """
    keys = ["person", "date"] if by_day else ["person"]
    label, written, described = _food_groups(entries)
    frame = entries[keys].copy()
    frame["_group"] = label
    for col in NUTRIENT_COLUMNS:
        frame[col] = entries[col].to_numpy()
    long = frame.melt(
        id_vars=[*keys, "_group"],
        value_vars=NUTRIENT_COLUMNS,
        var_name="column",
        value_name="amount",
    ).dropna(subset=["amount"])
    grouped = long.groupby([*keys, "column", "_group"], dropna=False, sort=False, observed=True)
    per_food = grouped["amount"].agg(["sum", "size"]).reset_index()
    per_food = per_food.rename(columns={"sum": "amount", "size": "entries"})
    total = per_food.groupby([*keys, "column"], dropna=False, observed=True)["amount"]
    per_food["share"] = per_food["amount"] / total.transform("sum").replace(0.0, np.nan)
    per_food = per_food.sort_values(
        [*keys, "column", "amount"], ascending=[True] * (len(keys) + 1) + [False], kind="stable"
    )
    top = per_food.groupby([*keys, "column"], dropna=False, sort=False, observed=True).head(n)
    group = top["_group"].to_numpy(dtype=np.int64)
    top = top.assign(food=written[group], description=described[group])
    top.insert(len(keys), "nutrient", top["column"].map({n.column: n.key for n in TRACKED}))
    columns = [*keys, "nutrient", "column", "food", "description", "entries", "amount", "share"]
    return top[columns].reset_index(drop=True)


def _food_groups(entries: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group entries by their food as written, working per distinct text (never per row).

    Returns each row's group number, and per group the most frequent spelling and the
    description its rows were most often matched to (``""`` when none).
    """
    food = entries["food"] if "food" in entries else pd.Series(np.nan, index=entries.index)
    if "description" in entries:  # no text (a reported daily total): its description
        food = choose(food.notna().to_numpy(), food, entries["description"])
    codes, spellings = pd.factorize(food.astype(object), use_na_sentinel=True)
    names = [*(str(t) for t in spellings), "(no text)"]  # the last: rows without text
    codes = np.where(codes < 0, len(names) - 1, codes)
    group_of, groups = pd.factorize(
        pd.Series([" ".join(t.casefold().split()) for t in names], dtype=object)
    )
    label = group_of[codes]
    # the most frequent spelling of each group: spellings by count, first seen per group
    per_spelling = np.bincount(codes, minlength=len(names))
    order = np.argsort(-per_spelling, kind="stable")
    first = pd.Series(order).groupby(group_of[order], sort=True).first()
    written = np.array(names, dtype=object)[first.to_numpy()]
    described = np.full(len(groups), "", dtype=object)
    if "description" in entries:
        pairs = pd.DataFrame({"g": label, "d": entries["description"].astype(object).to_numpy()})
        counts = pairs.dropna().groupby(["g", "d"], sort=False).size()
        if len(counts):
            best = counts.sort_values(ascending=False, kind="stable").reset_index()
            best = best.drop_duplicates("g")
            described[best["g"].to_numpy(dtype=np.int64)] = best["d"].to_numpy(dtype=object)
    return label, written, described
