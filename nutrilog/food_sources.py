"""The foods that gave each nutrient, in the log's own words: :func:`top_foods` for every
nutrient, :func:`top_sources` for one.

Entries are grouped by their food as written (ignoring case and spacing), once per
distinct text (:func:`_food_groups`), and their amounts summed per group.

Examples
--------
>>> e = pd.DataFrame({"person": "a", "food": ["Salt", "bread", "salt"],
...                   "sodium_mg": [400.0, 500.0, 200.0]})
>>> top_sources(e, "sodium_mg", n=1)
['Salt']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrilog._vector import choose, codes_of
from nutrilog.nutrients import NUTRIENT_COLUMNS, TRACKED

__all__ = ["top_foods", "top_sources"]


def top_foods(entries: pd.DataFrame, n: int = 5, by_day: bool = False) -> pd.DataFrame:
    """The foods contributing most of each nutrient, per person (and per day if ``by_day``),
    in the user's own words.

    Entries are grouped by the food as written (``food``, ignoring case and spacing:
    ``Coffee`` and ``coffee`` are one food), so "chicken breast, roasted" on five days
    is one line however its rows were matched. An entry without food text, or whose text
    is only its food id (a coded log), is named by its matched description.

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
    frame = pd.DataFrame(  # built in one step: a column at a time costs more than the rows
        {
            **{key: entries[key] for key in keys},
            "_group": label,
            **{col: entries[col].to_numpy() for col in NUTRIENT_COLUMNS},
        },
        index=entries.index,
    )
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


def top_sources(entries: pd.DataFrame, column: str, n: int = 3) -> list[str]:
    """The foods that gave the most of one nutrient over ``entries``, most first, in the
    log's words: the ``food`` of :func:`top_foods` for one person and nutrient (the same
    groups, sums and order), without building its table for every nutrient.

    Examples
    --------
    >>> e = pd.DataFrame({"person": "a", "food": ["Salt", "bread", "salt"],
    ...                   "sodium_mg": [400.0, 500.0, 200.0]})
    >>> top_sources(e, "sodium_mg")
    ['Salt', 'bread']
    """
    label, written, _ = _food_groups(entries, describe=False)
    values = entries[column].to_numpy(dtype="float64")
    known = ~np.isnan(values)
    # summed as top_foods sums them (groups in order of appearance), then a stable sort
    amount = pd.Series(values[known]).groupby(label[known], sort=False).sum()
    best = np.argsort(-amount.to_numpy(), kind="stable")[:n]
    return [str(x) for x in written[amount.index.to_numpy(dtype=np.int64)[best]]]


def _food_groups(
    entries: pd.DataFrame, describe: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group entries by their food as written, working per distinct text (never per row).

    Returns each row's group number, and per group the most frequent spelling and the
    description its rows were most often matched to (``""`` when none, or when not
    ``describe``: :func:`top_sources` needs no description).
    """
    food = entries["food"] if "food" in entries else pd.Series(np.nan, index=entries.index)
    if "description" in entries:  # no text (a reported daily total): its description
        has_text = food.notna().to_numpy()
        if "food_id" in entries:  # a coded log's food is its id: named by its description
            ids = entries["food_id"].to_numpy(dtype=object)
            named = food.to_numpy(dtype=object) != ids
            has_text = has_text & (named | entries["description"].isna().to_numpy())
        food = choose(has_text, food, entries["description"])
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
    if describe and "description" in entries:
        # each group's most frequent description (ties: the pair first seen), counted
        # per (group, description) pair of codes
        d_codes, d_values = codes_of(entries["description"])
        known = np.array([d is not None for d in d_values], dtype=bool)[d_codes]
        pair = label[known].astype(np.int64) * len(d_values) + d_codes[known]
        codes, pairs = pd.factorize(pair)  # the pairs in the order first seen
        if len(pairs):
            order = np.argsort(-np.bincount(codes, minlength=len(pairs)), kind="stable")
            best_group, first = np.unique(pairs[order] // len(d_values), return_index=True)
            best = pairs[order][first] % len(d_values)
            described[best_group] = d_values[best]
    return label, written, described
