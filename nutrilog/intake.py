"""Nutrient amounts per entry, and totals per day and meal.

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

from collections.abc import Mapping

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of, first_rows, text_category
from nutrilog.nutrients import NUTRIENT_COLUMNS, TRACKED

__all__ = [
    "DAILY_COLUMNS",
    "scale_per_100g",
    "daily_totals",
    "daily_parts",
    "add_daily_parts",
    "daily_from_parts",
    "PART_COLUMNS",
    "meal_totals",
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
    entries: pd.DataFrame,
    per_100g: pd.DataFrame,
    columns: list[str] | None = None,
    *,
    rows_of: Mapping[str, int] | None = None,
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
    rows_of : mapping, optional
        Food id -> its row position in ``per_100g``, when the caller keeps one (a
        :class:`~nutrilog.foods.FoodTable`'s ``id_lookup.position``): each distinct food
        is then found with a dict look-up instead of a search of the table's index.

    Returns
    -------
    DataFrame
        Aligned to ``entries.index``; NaN where the food, the grams or the value is unknown.
    """
    cols = columns or [c for c in NUTRIENT_COLUMNS if c in per_100g.columns]
    # look up each distinct food once, then spread its values to the entries by code
    codes, ids = codes_of(entries["food_id"])
    codes = codes.astype(np.intp, copy=False)  # converted once, not by every take
    if rows_of is None:
        per_food = per_100g[cols].reindex(ids).to_numpy(dtype="float64").T
    else:  # the table's rows of the distinct foods; a food not in it has no values
        rows = np.array([rows_of.get(i, -1) for i in ids.tolist()], dtype=np.intp)
        per_food = per_100g[cols].to_numpy(dtype="float64")[rows].T
        per_food[:, rows < 0] = np.nan
    factor = pd.to_numeric(entries["grams"], errors="coerce").to_numpy(dtype="float64") / 100.0
    out = {}
    for c, per_100 in zip(cols, np.ascontiguousarray(per_food), strict=True):
        values = per_100.take(codes)  # new: scaled in place
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
    combined = _sorted_codes(entries["person"])  # made here: combined in place
    date = _sorted_codes(entries["date"])
    combined *= int(date.max(initial=0)) + 1
    combined += date
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
    return day, first_rows(day, n_days)  # every day has a row


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
    days = ticks // per_day  # one division: a date at midnight is a whole number of days
    whole = days * per_day == ticks
    if not (whole | missing).all():
        return None  # times of day: not day numbers
    some_missing = missing.any()
    known = days[~missing] if some_missing else days
    low = int(known.min()) if len(known) else 0
    span = int(known.max()) - low + 1 if len(known) else 0
    codes = np.subtract(days, low, out=days)
    if some_missing:
        codes[missing] = -1
    return codes, span


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
    missing = codes < 0
    if not missing.any():  # the codes made here, as they are
        return codes.astype(np.int64, copy=False)
    return np.where(missing, n, codes)


def daily_parts(entries: pd.DataFrame) -> pd.DataFrame:
    """Per person and date, the sums :func:`daily_totals` is made of, all of them additive.

    The rows of one person-day may be split over several tables (the partitions of a
    Dask frame, the chunks of a large file): the parts of each table, stacked and
    summed per ``person, date`` (:func:`add_daily_parts`), give the same parts as the
    whole table, and :func:`daily_from_parts` turns them into the daily table. Nothing
    here is a ratio or a mean: unknown values are counted (``known_<nutrient>``),
    never added as zero.

    Parameters
    ----------
    entries : DataFrame
        Analysed entries with ``person, date, kind, status, grams`` and nutrient columns.

    Returns
    -------
    DataFrame
        ``person, date``, then for each nutrient its sum over the values that are known
        and their number, the food weight behind its coverage, the supplement parts,
        the counts and ``grams_logged`` (see :data:`PART_COLUMNS`). Days are sorted by
        person and date, missing dates last.

    Examples
    --------
    >>> e = pd.DataFrame({"person": "a", "date": pd.to_datetime(["2026-11-20"] * 2),
    ...                   "kind": "food", "grams": [100.0, 50.0], "magnesium_mg": [79.0, None]})
    >>> for c in NUTRIENT_COLUMNS:
    ...     e[c] = e.get(c, np.nan)
    >>> parts = daily_parts(e).iloc[0]
    >>> float(parts["magnesium_mg"]), int(parts["known_magnesium_mg"]), float(parts["weighed_g"])
    (79.0, 1, 150.0)
    """
    day, first = day_numbers(entries)
    n_days = len(first)
    is_supp = entries["kind"].eq("supplement").to_numpy(dtype=bool)
    is_food = ~is_supp
    grams = pd.to_numeric(entries["grams"], errors="coerce").to_numpy(dtype="float64")
    weighed = is_food & ~np.isnan(grams)  # food whose grams are known
    unweighed = is_food & np.isnan(grams)
    weight = np.where(weighed, np.clip(np.nan_to_num(grams), 0.0, None), 0.0)

    def per_day(weights: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
        at = day if rows is None else day[rows]
        if weights is not None and rows is not None:
            weights = weights[rows]
        return np.bincount(at, weights=weights, minlength=n_days)

    def count_of(rows: np.ndarray) -> np.ndarray:
        """Rows per day where ``rows`` holds; no pass over the rows when it never does."""
        return per_day(rows=rows) if rows.any() else np.zeros(n_days, dtype=np.int64)

    def total_of(values: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``values`` summed per day over ``rows`` (zero elsewhere)."""
        return per_day(np.where(rows, values, 0.0)) if rows.any() else np.zeros(n_days)

    out: dict[str, np.ndarray] = {}
    n_entries = per_day()
    weighed_g = per_day(weight)
    n_unweighed = count_of(unweighed)
    some_unweighed = unweighed.any()
    unweighed_rows = np.flatnonzero(unweighed)  # usually few: counted among themselves
    unweighed_day = day[unweighed_rows]
    for n in TRACKED:
        values = entries[n.column].to_numpy(dtype="float64")
        unknown = np.isnan(values)
        if not unknown.any():  # every value known: the day's counts and weights as they are
            out[n.column] = per_day(values)
            out[f"known_{n.column}"] = n_entries
            out[f"covered_g_{n.column}"] = weighed_g
            out[f"covered_unweighed_{n.column}"] = n_unweighed
            continue
        known = ~unknown
        out[n.column] = per_day(np.where(known, values, 0.0))
        # counts are whole numbers: the entries less the unknown ones, the fewer rows
        out[f"known_{n.column}"] = n_entries - per_day(rows=unknown)
        # the food weight whose value is known: weighed grams, and the unweighed entries
        # counted (each weighs the day's mean, known only once every part is summed)
        out[f"covered_g_{n.column}"] = total_of(weight, known)
        out[f"covered_unweighed_{n.column}"] = (
            np.bincount(unweighed_day[known[unweighed_rows]], minlength=n_days)
            if some_unweighed
            else np.zeros(n_days, dtype=np.int64)
        )
    for n in TRACKED:
        if n.splits_supplements:
            values = entries[n.column].to_numpy(dtype="float64")
            out[n.supplement_column] = total_of(values, is_supp & ~np.isnan(values))
    out["weighed_g"] = weighed_g
    out["n_weighed"] = n_entries if weighed.all() else count_of(weighed)
    out["n_unweighed"] = n_unweighed
    status = entries["status"] if "status" in entries else pd.Series("matched", index=entries.index)
    out["n_entries"] = n_entries
    out["n_supplements"] = count_of(is_supp)
    out["n_unmatched"] = count_of(status.eq("unmatched").to_numpy(dtype=bool))
    out["n_no_grams"] = count_of(status.eq("no grams").to_numpy(dtype=bool))
    out["n_reported"] = count_of(status.eq("reported").to_numpy(dtype=bool))
    # every row weighed, no grams negative or -0.0: the weights are the grams themselves
    plain = weighed.all() and not np.signbit(grams).any()
    out["grams_logged"] = weighed_g if plain else total_of(grams, weighed)
    head = {
        "person": entries["person"].iloc[first].astype(str).reset_index(drop=True),
        "date": entries["date"].iloc[first].reset_index(drop=True),
    }
    return pd.DataFrame(head | out, copy=False)


#: Columns of :func:`daily_parts` after ``person, date``.
PART_COLUMNS: list[str] = [
    *(
        f"{prefix}{n.column}"
        for n in TRACKED
        for prefix in ("", "known_", "covered_g_", "covered_unweighed_")
    ),
    *(n.supplement_column for n in TRACKED if n.splits_supplements),
    "weighed_g",
    "n_weighed",
    "n_unweighed",
    "n_entries",
    "n_supplements",
    "n_unmatched",
    "n_no_grams",
    "n_reported",
    "grams_logged",
]


def add_daily_parts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Sum :func:`daily_parts` tables per ``person, date`` (a day split over tables adds up).

    Examples
    --------
    >>> e = pd.DataFrame({"person": "a", "date": pd.to_datetime(["2026-11-20"] * 2),
    ...                   "kind": "food", "grams": [100.0, 50.0], "magnesium_mg": [79.0, None]})
    >>> for c in NUTRIENT_COLUMNS:
    ...     e[c] = e.get(c, np.nan)
    >>> whole = daily_parts(e)
    >>> split = add_daily_parts([daily_parts(e.iloc[:1]), daily_parts(e.iloc[1:])])
    >>> bool((split[PART_COLUMNS] == whole[PART_COLUMNS]).all().all())
    True
    """
    frames = [p for p in parts if len(p)]
    if not frames:
        return parts[0] if parts else pd.DataFrame(columns=["person", "date", *PART_COLUMNS])
    if len(frames) == 1:
        return frames[0]
    stacked = pd.concat(frames, ignore_index=True)
    summed = stacked.groupby(["person", "date"], sort=True, dropna=False)[PART_COLUMNS].sum()
    return summed.reset_index()


def daily_from_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """The daily table (:data:`DAILY_COLUMNS`) from summed :func:`daily_parts`.

    A nutrient's total is NaN on a day where none of its values is known. Coverage is
    the share of the day's food weight whose value is known. Entries whose grams are
    unknown (unmatched food, vague amount) still count against it: each weighs as much
    as the day's mean weighed entry, and on a day with no weighed entry every entry
    weighs the same (coverage is then the share of entries). The mean, not the median:
    a day of small things (a pinch of salt, a spoon of oil) would give an unknown entry
    a median weight of a few grams, and a plate of unknown food would hardly lower
    coverage at all. With the mean, the share covered is the share of the weighed food
    whose value is known times the share of entries that were weighed. A day with only
    supplements has no food weight: its coverage is unknown (NaN).
    """
    n_weighed = parts["n_weighed"].to_numpy(dtype="float64")
    n_unweighed = parts["n_unweighed"].to_numpy(dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(
            n_weighed > 0,
            parts["grams_logged"].to_numpy(dtype="float64")
            / np.where(n_weighed > 0, n_weighed, 1.0),
            1.0,
        )
    unweighed = np.clip(mean, 0.0, None)  # the weight of one entry whose grams are unknown
    weight_sum = parts["weighed_g"].to_numpy(dtype="float64") + n_unweighed * unweighed
    has_food = (n_weighed + n_unweighed) > 0
    out: dict[str, np.ndarray] = {}
    coverage: dict[str, np.ndarray] = {}
    for n in TRACKED:
        col = n.column
        known = parts[f"known_{col}"].to_numpy()
        out[col] = np.where(known > 0, parts[col].to_numpy(dtype="float64"), np.nan)
        covered = (
            parts[f"covered_g_{col}"].to_numpy(dtype="float64")
            + parts[f"covered_unweighed_{col}"].to_numpy(dtype="float64") * unweighed
        )
        with np.errstate(invalid="ignore", divide="ignore"):
            share = covered / np.where(weight_sum == 0.0, np.nan, weight_sum)
        coverage[n.coverage_column] = np.where(has_food, share, np.nan)
    for n in TRACKED:
        if n.splits_supplements:
            out[n.supplement_column] = parts[n.supplement_column].to_numpy(dtype="float64")
    out |= coverage
    for col in ("n_entries", "n_supplements", "n_unmatched", "n_no_grams"):
        out[col] = parts[col].to_numpy(dtype=np.int64)
    out["grams_logged"] = parts["grams_logged"].to_numpy(dtype="float64")
    head = {
        "person": parts["person"].astype(str).reset_index(drop=True),
        "date": parts["date"].reset_index(drop=True),
    }
    return pd.DataFrame(head | out, copy=False)


def daily_totals(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per person and date: nutrient totals, supplement parts, coverage and counts.

    The additive parts of each day (:func:`daily_parts`) turned into totals and
    coverage (:func:`daily_from_parts`); a log split in pieces gives the same table
    from its pieces' parts (``nutrilog.dask``).

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

    An entry whose grams are unknown weighs the day's mean weighed entry, (1 + 1 + 300) / 3 g
    here, not the median 1 g:

    >>> e = pd.DataFrame({"person": "a", "date": pd.to_datetime(["2026-11-20"] * 4),
    ...                   "kind": "food", "grams": [1.0, 1.0, 300.0, None]})
    >>> for c in NUTRIENT_COLUMNS:
    ...     e[c] = [1.0, 1.0, 1.0, None]
    >>> round(float(daily_totals(e)["coverage_magnesium"].iloc[0]), 4)  # 302 / (302 + 100.67)
    0.75
    """
    return daily_from_parts(daily_parts(entries))


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
