"""Vectorised helpers shared by the readers: work once per distinct value.

Food logs repeat themselves: the same food words, units, dates and meal names
come back on thousands of rows. String work done once per distinct value and
spread back with an integer take costs in proportion to the distinct values,
not the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd


def as_category(values: pd.Series) -> pd.Series:
    """The column as a categorical of its exact values (no type inference, no sorting).

    Examples
    --------
    >>> as_category(pd.Series(["1", "01", "1"])).cat.categories.tolist()
    ['1', '01']
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    categories = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=categories),
        index=values.index,
        name=values.name,
    )


def codes_of(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the distinct values they point to (an object array).

    A categorical column gives its own codes (no hashing); any other column is
    factorised once. Missing values share one code pointing to ``None``.

    Examples
    --------
    >>> codes, uniques = codes_of(pd.Series(["b", "a", "b", None]))
    >>> codes.tolist(), uniques.tolist()
    ([0, 1, 0, 2], ['b', 'a', None])
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        uniques = np.asarray(values.cat.categories, dtype=object)
    else:
        codes, found = pd.factorize(values, use_na_sentinel=True)
        uniques = np.asarray(found, dtype=object)
    if len(codes) and codes.min() < 0:
        uniques = np.append(uniques, np.array([None], dtype=object))
        codes = np.where(codes < 0, len(uniques) - 1, codes)
    return codes, uniques


def positions_in(index: pd.Index, values: pd.Series) -> np.ndarray:
    """``index.get_indexer(values)``, looked up once per distinct value (-1 where absent).

    A column of text stored as pandas' string dtype is converted to Python objects
    for a look-up; its distinct values are few (a person per several rows). Arrow
    strings are looked up by Arrow itself when the index holds text alone.

    Examples
    --------
    >>> positions_in(pd.Index(["a", "b"]), pd.Series(["b", "c", "b", None])).tolist()
    [1, -1, 1, -1]
    """
    dtype = values.dtype
    if (
        isinstance(dtype, pd.StringDtype)
        and dtype.storage == "pyarrow"
        and len(values)
        and index.inferred_type == "string"
        and index.is_unique
    ):  # Arrow strings looked up in Arrow: not one Python object per distinct value
        import pyarrow as pa
        import pyarrow.compute as pc

        column = pa.array(values.array)
        wanted = pa.array(index.to_numpy(dtype=object), type=column.type)
        found = pc.fill_null(pc.index_in(column, value_set=wanted), -1)
        return found.to_numpy().astype(np.intp)
    codes, uniques = codes_of(values)
    found = index.get_indexer(pd.Index(uniques, dtype=object))
    return found[codes] if len(codes) else np.empty(0, dtype=np.intp)


def coded(codes: np.ndarray, uniques: pd.Series | np.ndarray, index: pd.Index) -> pd.Series:
    """A categorical Series of ``uniques[codes]``; equal and missing uniques are merged.

    Examples
    --------
    >>> coded(np.array([0, 1, 2]), np.array(["a", "a", None], dtype=object), pd.RangeIndex(3)).tolist()
    ['a', 'a', nan]
    """
    merged, categories = pd.factorize(pd.Series(uniques, dtype=object), use_na_sentinel=True)
    merged = merged.astype(small_int(len(categories)))  # take into the final code type at once
    if not len(codes) or not len(merged):
        out = merged[codes] if len(codes) else codes
    elif (merged == merged[0]).all():  # one value for every code: no take over the rows
        out = np.full(len(codes), merged[0], dtype=merged.dtype)
    elif (merged == np.arange(len(merged))).all() and codes.min() >= 0:
        out = codes.astype(merged.dtype)  # distinct values: the codes are their own codes
    else:
        out = merged[codes]
    cat = pd.Categorical.from_codes(out, categories=categories)
    return pd.Series(cat, index=index, copy=False)  # codes made here: no second copy


def text_array(values: pd.Series | np.ndarray) -> Any:
    """A column as pandas would store it from these values (the string dtype for text),
    built from its distinct values: each distinct text is converted once and spread by
    an integer take, where building it from one object per row converts every row.

    A categorical is spread through its categories (nothing is hashed); any other
    column is factorised once. Missing values stay missing.

    Examples
    --------
    >>> out = text_array(np.array(["b", "a", "b", None], dtype=object))
    >>> out.tolist(), pd.Series(out).dtype == pd.Series(["a", None]).dtype
    (['b', 'a', 'b', nan], True)
    """
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        categorical = pd.Categorical(values)
        codes, uniques = categorical.codes, np.asarray(categorical.categories, dtype=object)
    else:
        codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
        uniques = np.asarray(uniques, dtype=object)
    missing = codes < 0
    if missing.any():  # the missing value takes part in the dtype pandas infers
        uniques = np.append(uniques, np.array([None], dtype=object))
        codes = np.where(missing, len(uniques) - 1, codes)
    return pd.Series(uniques, dtype=None).array.take(codes)


def small_int(n: int) -> type[np.signedinteger]:
    """The smallest signed integer type that holds codes -1 .. n - 1 (as pandas uses).

    Examples
    --------
    >>> small_int(100), small_int(1000)
    (<class 'numpy.int8'>, <class 'numpy.int16'>)
    """
    for kind in (np.int8, np.int16, np.int32):
        if n < np.iinfo(kind).max:
            return kind
    return np.int64


def text_category(values: pd.Series, fill: str | None = None) -> pd.Series:
    """The column as a categorical of text in sorted order, missing values NaN (or ``fill``).

    ``None``, NaN and other missing markers all become one missing value; a
    categorical column is recoded through its categories only, never per row.
    Sorted categories make sorting and grouping give the order text would.

    Examples
    --------
    >>> out = text_category(pd.Series(["b", None, "a"]), fill="?")
    >>> out.tolist(), out.cat.categories.tolist()
    (['b', '?', 'a'], ['?', 'a', 'b'])
    """
    if (
        isinstance(values.dtype, pd.CategoricalDtype)
        and values.cat.categories.dtype == object
        and (fill is None or not (values.cat.codes.to_numpy() < 0).any())
    ):
        return sorted_categories(values)  # categories are distinct and never missing
    codes, uniques = codes_of(values)
    missing = pd.isna(pd.Series(uniques, dtype=object)).to_numpy()
    if fill is not None:
        uniques = uniques.copy()
        uniques[missing] = fill
    return sorted_categories(coded(codes, uniques, values.index))


def sorted_categories(values: pd.Series) -> pd.Series:
    """A categorical with its categories in sorted order (unchanged if they do not sort).

    Examples
    --------
    >>> sorted_categories(as_category(pd.Series(["b", "a"]))).cat.categories.tolist()
    ['a', 'b']
    """
    categories = values.cat.categories
    try:
        if categories.is_monotonic_increasing:
            return values
        order = np.argsort(categories.to_numpy(dtype=object), kind="stable")
    except TypeError:  # mixed types: keep the order of appearance
        return values
    recode = np.empty(len(order) + 1, dtype=small_int(len(order)))  # the codes' final type
    recode[order] = np.arange(len(order))
    recode[-1] = -1  # missing stays missing
    codes = recode[values.cat.codes.to_numpy()]
    cat = pd.Categorical.from_codes(codes, categories=categories[order])
    return pd.Series(cat, index=values.index, name=values.name, copy=False)  # codes made here


def concat_categories(parts: list[pd.Series]) -> pd.Series:
    """Join categorical Series into one categorical (RangeIndex), without decoding them.

    ``pandas.concat`` turns categoricals whose categories differ into plain
    objects; here the codes of each part are mapped onto the union of the
    categories (in order of appearance).

    Examples
    --------
    >>> a, b = as_category(pd.Series(["x", "y"])), as_category(pd.Series(["z", "x"]))
    >>> concat_categories([a, b]).tolist()
    ['x', 'y', 'z', 'x']
    """
    categories = [np.asarray(p.cat.categories, dtype=object) for p in parts]
    union = pd.Index(pd.unique(np.concatenate(categories)) if categories else [], dtype=object)
    codes = []
    for part, cats in zip(parts, categories, strict=True):
        mapped = np.append(union.get_indexer(cats), -1)  # code -1 (missing) stays -1
        codes.append(mapped[part.cat.codes.to_numpy()])
    joined = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)
    return pd.Series(pd.Categorical.from_codes(joined, categories=union))


def choose(rows: np.ndarray, yes: pd.Series, no: pd.Series) -> pd.Series:
    """A categorical taking ``yes`` where ``rows`` is True and ``no`` elsewhere.

    Both are categoricals (or are made so); the result's categories are the union
    of theirs, and no text is hashed per row.

    Examples
    --------
    >>> a, b = as_category(pd.Series(["x", "x"])), as_category(pd.Series(["y", None]))
    >>> choose(np.array([True, False]), a, b).tolist()
    ['x', nan]
    """
    yes, no = as_category(yes), as_category(no)
    if rows.all():
        return yes.set_axis(no.index)
    if not rows.any():
        return no
    yes_cats = np.asarray(yes.cat.categories, dtype=object)
    no_cats = np.asarray(no.cat.categories, dtype=object)
    union = pd.Index(pd.unique(np.concatenate([yes_cats, no_cats])), dtype=object)
    yes_map = np.append(union.get_indexer(yes_cats), -1)
    no_map = np.append(union.get_indexer(no_cats), -1)
    codes = np.where(rows, yes_map[yes.cat.codes.to_numpy()], no_map[no.cat.codes.to_numpy()])
    return pd.Series(pd.Categorical.from_codes(codes, categories=union), index=no.index)


def text_in(values: pd.Series, keep: set[str]) -> np.ndarray:
    """Rows whose value, as text, is one of ``keep`` (missing values never are), tested
    once per distinct value: a cohort's few people among its rows without turning
    every row into text.

    Examples
    --------
    >>> text_in(pd.Series(["ann", "bob", None, "ann"], dtype="category"), {"ann"}).tolist()
    [True, False, False, True]
    >>> text_in(pd.Series([1, 2, 1]), {"1"}).tolist()
    [True, False, True]
    """
    codes, uniques = codes_of(values)
    hit = np.array([u is not None and str(u) in keep for u in uniques], dtype=bool)
    return hit[codes] if len(codes) else np.zeros(0, dtype=bool)


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
    codes, uniques = codes_of(values)
    result = func(pd.Series(uniques, dtype=object))
    # spread by position: no index taken over the rows only to be replaced
    spread = result.array.take(codes.astype(np.intp, copy=False))
    return pd.Series(spread, index=values.index, name=result.name, copy=False)


def per_unique_rows(
    columns: dict[str, pd.Series],
    func: Callable[[pd.DataFrame], Any],
    *,
    as_category: bool = False,
) -> Any:
    """Apply ``func`` to the distinct combinations of several aligned columns.

    Parameters
    ----------
    columns : dict of str to Series
        Aligned columns (same index); missing values are not allowed.
        Categorical columns are combined through their codes, without hashing text.
    func : callable
        Takes a DataFrame of the distinct rows (those column names, default
        RangeIndex), returns a Series (or a DataFrame) of the same length.
    as_category : bool
        Return a categorical Series (cheap to compare, combine and dedupe again)
        instead of one value per row.

    Returns
    -------
    Series or DataFrame
        ``func`` of each row's combination, indexed like the columns.

    Examples
    --------
    >>> cols = {"a": pd.Series(["1", "1", "2"]), "b": pd.Series(["x", "x", "y"])}
    >>> per_unique_rows(cols, lambda d: d["a"] + d["b"]).tolist()
    ['1x', '1x', '2y']
    """
    first = next(iter(columns.values()))
    codes, distinct = distinct_rows(columns)
    result = func(distinct).reset_index(drop=True)
    if as_category:
        return coded(codes, result.to_numpy(dtype=object), first.index)
    out = result.take(codes)
    out.index = first.index
    return out


def distinct_rows(columns: dict[str, pd.Series]) -> tuple[np.ndarray, pd.DataFrame]:
    """Number the distinct combinations of aligned columns.

    Categorical columns are combined through their codes, without hashing text.

    Returns
    -------
    codes : ndarray of int64
        For each row, the position of its combination in ``distinct``.
    distinct : DataFrame
        One row per combination (in order of first appearance), the values as objects.

    Examples
    --------
    >>> codes, distinct = distinct_rows({"a": pd.Series(["x", "y", "x"])})
    >>> codes.tolist(), distinct["a"].tolist()
    ([0, 1, 0], ['x', 'y'])
    """
    first = next(iter(columns.values()))
    codes: np.ndarray | None = None  # the codes of the columns combined so far
    borrowed = False  # codes are a column's own (read, never written)
    size = 1  # number of possible combinations so far
    levels: list[tuple[np.ndarray, np.ndarray]] = []
    seen: list[pd.Series] = []
    for values in columns.values():
        level_codes, uniques = codes_of(values)
        # one value, or numbered as an earlier column (food and food id): nothing added
        same = (
            len(uniques) <= 1
            or any(values is earlier for earlier in seen)
            or any(len(u) == len(uniques) and np.array_equal(c, level_codes) for c, u in levels)
        )
        levels.append((level_codes, uniques))
        seen.append(values)
        if same:  # the numbers stay as they are
            continue
        if codes is None:  # the first column that varies: its codes as they are
            codes, borrowed, size = level_codes, True, len(uniques)
            continue
        if size * len(uniques) >= 2**62:  # compact (0..k-1) before the product could overflow
            codes, borrowed = pd.factorize(codes)[0].astype(np.int64), False
            size = int(codes.max()) + 1 if len(codes) else 1
        if borrowed:
            codes, borrowed = codes.astype(np.int64), False  # a copy: written below
        codes *= len(uniques)  # in place
        codes += level_codes
        size *= len(uniques)
    if codes is None:  # every row the same combination
        codes = np.zeros(len(first), dtype=np.int64)
    codes, first_row = _by_first_row(codes, size)
    distinct = pd.DataFrame(
        {
            name: np.asarray(uniques, dtype=object)[level_codes[first_row]]
            for name, (level_codes, uniques) in zip(columns, levels, strict=True)
        }
    )
    return codes, distinct


def int_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of integers: codes in order of first appearance, and the distinct
    numbers. Numbers within a narrow range (person ids, days) are numbered in an array of
    the range, without hashing.

    Examples
    --------
    >>> [a.tolist() for a in int_codes(np.array([83733, 83732, 83733]))]
    [[0, 1, 0], [83733, 83732]]
    """
    values = np.asarray(values, dtype=np.int64)
    low = int(values.min()) if len(values) else 0
    size = int(values.max()) - low + 1 if len(values) else 0
    if size > 4 * len(values) + 1024:
        small = np.iinfo(np.int32)
        if small.min <= low and low + size - 1 <= small.max:  # food codes: hashed as int32
            codes, uniques = pd.factorize(values.astype(np.int32))
            return codes, np.asarray(uniques, dtype=np.int64)
        codes, uniques = pd.factorize(values)
        return codes, np.asarray(uniques)
    codes, first_row = _by_first_row(values - low, size)
    return codes, values[first_row]


#: Rows numbered at a time by :func:`first_rows` (a small array of row numbers, reused).
_ROWS_AT_ONCE = 1 << 16


def first_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """The first row of each code below ``size`` (``len(codes)`` where it never appears).

    Examples
    --------
    >>> first_rows(np.array([2, 0, 2]), 4).tolist()
    [1, 3, 0, 3]
    """
    n = len(codes)
    first = np.full(size, n, dtype=np.int64)
    # from the last rows to the first, each piece backwards: an earlier row is written
    # over a later one of the same code (no array of every row's number)
    for end in range(n, 0, -_ROWS_AT_ONCE):
        start = max(0, end - _ROWS_AT_ONCE)
        first[codes[start:end][::-1]] = np.arange(end - 1, start - 1, -1)
    return first


def _by_first_row(codes: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Renumber ``codes`` (each below ``size``) 0, 1, ... in order of first appearance, as
    ``pd.factorize`` does; and the first row of each. Few possible codes are looked up in
    an array of them all, without hashing.

    Examples
    --------
    >>> [a.tolist() for a in _by_first_row(np.array([5, 2, 5, 0]), 6)]
    [[0, 1, 0, 2], [0, 1, 3]]
    """
    n = len(codes)
    if size > 4 * n + 1024:  # too many possible codes for an array of them
        codes = pd.factorize(codes)[0].astype(np.int64, copy=False)
        return codes, first_rows(codes, int(codes.max()) + 1 if n else 0)
    first = first_rows(codes, size)  # the first row of each possible code (n if none)
    present = np.flatnonzero(first < n)
    first_row = np.sort(first[present])  # the codes present, in order of first appearance
    rank = np.empty(size, dtype=np.int64)
    rank[codes[first_row]] = np.arange(len(first_row))
    return rank[codes], first_row
