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

__all__ = ["per_unique"]


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
