"""Vectorised helpers shared by the readers: work once per distinct value.

Food logs repeat themselves: the same food words, units, dates and meal names
come back on thousands of rows. String work done once per distinct value and
spread back with an integer take costs in proportion to the distinct values,
not the rows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["per_unique", "per_unique_rows"]


def per_unique(values: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a vectorised ``func`` to the distinct values of ``values`` and spread it back.

    Parameters
    ----------
    values : Series
        Any column; missing values are passed to ``func`` as one distinct value.
    func : callable
        Takes a Series of distinct values (default RangeIndex), returns a Series
        of the same length.

    Returns
    -------
    Series
        ``func`` of each row's value, indexed like ``values``.

    Examples
    --------
    >>> s = pd.Series([" a", "b ", " a", None])
    >>> per_unique(s, lambda u: u.fillna("").str.strip()).tolist()
    ['a', 'b', 'a', '']
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    distinct = pd.Series(np.asarray(uniques, dtype=object))
    has_na = bool((codes < 0).any())
    if has_na:
        distinct = pd.concat([distinct, pd.Series([None], dtype=object)], ignore_index=True)
        codes = np.where(codes < 0, len(distinct) - 1, codes)
    result = func(distinct).reset_index(drop=True)
    out = result.take(codes)
    out.index = values.index
    return out


def per_unique_rows(
    columns: dict[str, pd.Series], func: Callable[[pd.DataFrame], pd.Series]
) -> pd.Series:
    """Apply ``func`` to the distinct combinations of several aligned columns.

    Parameters
    ----------
    columns : dict of str to Series
        Aligned columns (same index); missing values are not allowed.
    func : callable
        Takes a DataFrame of the distinct rows (those column names, default
        RangeIndex), returns a Series of the same length.

    Returns
    -------
    Series
        ``func`` of each row's combination, indexed like the columns.

    Examples
    --------
    >>> cols = {"a": pd.Series(["1", "1", "2"]), "b": pd.Series(["x", "x", "y"])}
    >>> per_unique_rows(cols, lambda d: d["a"] + d["b"]).tolist()
    ['1x', '1x', '2y']
    """
    first = next(iter(columns.values()))
    codes = np.zeros(len(first), dtype=np.int64)
    levels = []
    for values in columns.values():
        level_codes, uniques = pd.factorize(values, use_na_sentinel=False)
        # one code per combination so far, compacted (0..k-1) so it never overflows
        codes = pd.factorize(codes * len(uniques) + level_codes)[0].astype(np.int64)
        levels.append((level_codes, uniques))
    n_distinct = int(codes.max()) + 1 if len(codes) else 0
    first_row = np.empty(n_distinct, dtype=np.int64)
    first_row[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # first row of each code
    distinct = pd.DataFrame(
        {
            name: np.asarray(uniques, dtype=object)[level_codes[first_row]]
            for name, (level_codes, uniques) in zip(columns, levels, strict=True)
        }
    )
    result = func(distinct).reset_index(drop=True)
    out = result.take(codes)
    out.index = first.index
    return out
