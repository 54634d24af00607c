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
from nutrilog.nutrients import NUTRIENT_COLUMNS, NUTRIENTS

__all__ = [
    "SUPPLEMENT_SPLIT",
    "scale_per_100g",
    "daily_totals",
    "meal_totals",
    "top_foods",
    "supplement_column",
    "coverage_column",
]

#: Nutrients whose supplement part gets its own daily column (``magnesium_supplement_mg``...).
#: Magnesium needs it for the UL (supplements only); the others are shown for context.
SUPPLEMENT_SPLIT: list[str] = [
    "calcium_mg",
    "magnesium_mg",
    "potassium_mg",
    "vitamin_d_ug",
    "vitamin_b12_ug",
]


def supplement_column(column: str) -> str:
    """Name of the supplement part of a nutrient column.

    Examples
    --------
    >>> supplement_column("magnesium_mg")
    'magnesium_supplement_mg'
    """
    name, unit = column.rsplit("_", 1)
    return f"{name}_supplement_{unit}"


def coverage_column(column: str) -> str:
    """Name of the coverage column of a nutrient column.

    Examples
    --------
    >>> coverage_column("vitamin_d_ug")
    'coverage_vitamin_d'
    """
    return f"coverage_{NUTRIENTS.loc[column, 'nutrient']}"


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
    # look up each distinct food once, then spread its row to the entries by code
    codes, ids = codes_of(entries["food_id"])
    values = per_100g[cols].reindex(ids).to_numpy(dtype="float64")[codes]
    factor = pd.to_numeric(entries["grams"], errors="coerce").to_numpy(dtype="float64") / 100.0
    return pd.DataFrame(values * factor[:, None], index=entries.index, columns=cols)


def _entry_weights(entries: pd.DataFrame, day: np.ndarray | None = None) -> pd.Series:
    """Weight of each food entry for coverage: its grams, or the day's median when unknown.

    Entries whose grams are unknown (unmatched food, vague amount) still count
    against coverage; they are given the median weight of the person's known
    entries that day (100 g when the day has none), so one unknown entry does not
    weigh like nothing. ``day`` numbers each entry's person and date (computed
    when not given).
    """
    grams = pd.to_numeric(entries["grams"], errors="coerce")
    if day is None:
        day = entries.groupby(["person", "date"], dropna=False, sort=True).ngroup().to_numpy()
    median = grams.groupby(day).transform("median")
    return grams.fillna(median).fillna(100.0).clip(lower=0.0)


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
        value), ``<nutrient>_supplement_<unit>`` for :data:`SUPPLEMENT_SPLIT`,
        ``coverage_<nutrient>`` (share of the day's food weight whose value is
        known, 0–1), ``n_entries, n_supplements, n_unmatched, n_no_grams,
        grams_logged``.

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
    keys = ["person", "date"]
    needed = [*keys, "kind", "grams", *NUTRIENT_COLUMNS]
    frame = entries[needed + (["status"] if "status" in entries else [])]
    # Number each person-day once (in sorted order); every sum below groups by
    # that integer instead of hashing the person and date columns again.
    day = frame.groupby(keys, dropna=False, sort=True).ngroup().to_numpy()
    n_days = int(day.max()) + 1 if len(day) else 0
    first = np.full(n_days, -1, dtype=np.int64)
    first[day[::-1]] = np.arange(len(day) - 1, -1, -1)
    days = pd.RangeIndex(n_days)

    is_supp = frame["kind"].eq("supplement").to_numpy()
    totals = frame[NUTRIENT_COLUMNS].groupby(day).sum(min_count=1).reindex(days)

    supp = frame[SUPPLEMENT_SPLIT].where(pd.Series(is_supp, index=frame.index), 0.0, axis=0)
    supp = supp.fillna(0.0)
    supp_totals = supp.groupby(day).sum().reindex(days)
    supp_totals.columns = [supplement_column(c) for c in SUPPLEMENT_SPLIT]

    food_rows = ~is_supp
    foods = frame.loc[food_rows, ["grams", *NUTRIENT_COLUMNS]]
    weight = _entry_weights(foods, day[food_rows])
    cov = pd.DataFrame(
        {coverage_column(c): weight.where(foods[c].notna(), 0.0) for c in NUTRIENT_COLUMNS}
    )
    cov["_weight"] = weight
    cov_sum = cov.groupby(day[food_rows]).sum().reindex(days)
    coverage = cov_sum.drop(columns="_weight").div(cov_sum["_weight"].replace(0.0, np.nan), axis=0)

    status = frame["status"] if "status" in frame else pd.Series("matched", index=frame.index)
    counts = pd.DataFrame(
        {
            "n_entries": 1,
            "n_supplements": is_supp.astype(int),
            "n_unmatched": status.eq("unmatched").astype(int),
            "n_no_grams": status.eq("no grams").astype(int),
            "grams_logged": pd.to_numeric(frame["grams"], errors="coerce").where(~is_supp),
        }
    )
    count_totals = counts.groupby(day).sum().reindex(days)
    daily = totals.join(supp_totals).join(coverage).join(count_totals)
    cov_cols = [coverage_column(c) for c in NUTRIENT_COLUMNS]
    # A day with only supplements has no food weight: its food coverage is unknown (NaN).
    daily[cov_cols] = daily[cov_cols].astype("float64")
    head = frame[keys].iloc[first].reset_index(drop=True)
    return pd.concat([head, daily.reset_index(drop=True)], axis=1)


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
    """The foods contributing most of each nutrient, per person (and per day if ``by_day``).

    Returns
    -------
    DataFrame
        ``person, [date,] nutrient, column, food, amount, share`` where ``share``
        is the food's part of the person's (or day's) known total.
    """
    keys = ["person", "date"] if by_day else ["person"]
    frame = entries[[*keys, "food", *NUTRIENT_COLUMNS]].copy()
    label = entries["description"] if "description" in entries else entries["food"]
    frame["_food"] = choose(label.notna().to_numpy(), label, entries["food"]).astype(str)
    long = frame.melt(
        id_vars=[*keys, "_food"],
        value_vars=NUTRIENT_COLUMNS,
        var_name="column",
        value_name="amount",
    ).dropna(subset=["amount"])
    per_food = long.groupby([*keys, "column", "_food"], dropna=False, sort=False)["amount"].sum()
    per_food = per_food.reset_index()
    total = per_food.groupby([*keys, "column"], dropna=False)["amount"].transform("sum")
    per_food["share"] = per_food["amount"] / total.replace(0.0, np.nan)
    per_food = per_food.sort_values(
        [*keys, "column", "amount"], ascending=[True] * (len(keys) + 1) + [False]
    )
    top = per_food.groupby([*keys, "column"], dropna=False, sort=False).head(n)
    top = top.rename(columns={"_food": "food"})
    top.insert(len(keys), "nutrient", top["column"].map(NUTRIENTS["nutrient"]))
    return top[[*keys, "nutrient", "column", "food", "amount", "share"]].reset_index(drop=True)
