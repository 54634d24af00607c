"""Raw cells of a reader's frame as text, numbers and notes, each distinct cell once.

Examples
--------
>>> frame = pd.DataFrame({"qty": [" 2", "", "1,5"]})
>>> cells(frame, "qty").tolist(), filled(cells(frame, "qty")).tolist()
(['2', '', '1,5'], [True, False, True])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrilog._vector import coded, codes_of, per_unique


def cells(frame: pd.DataFrame, column: object | None) -> pd.Series:
    """A column as stripped strings (``""`` for missing), or all ``""`` if absent."""
    if column is None or column not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return per_unique(frame[column], _stripped)


def coded_cells(frame: pd.DataFrame, column: object | None) -> pd.Series:
    """A column as stripped strings in a categorical Series (``""`` for missing).

    Comparing, combining and deduplicating categorical cells works on integer
    codes; a column read as categorical is not hashed again.

    Examples
    --------
    >>> coded_cells(pd.DataFrame({"a": [" x", "x ", None]}), "a").tolist()
    ['x', 'x', '']
    """
    if column is None or column not in frame.columns:
        empty = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), categories=[""])
        return pd.Series(empty, index=frame.index)
    values = frame[column]
    codes, uniques = codes_of(values)
    stripped = _stripped(pd.Series(uniques, dtype=object)).to_numpy(dtype=object)
    if (
        isinstance(values.dtype, pd.CategoricalDtype)
        and len(uniques) == len(values.cat.categories)  # no missing cell
        and (stripped == uniques).all()
    ):  # already distinct stripped text: the column as it is, no new codes per row
        return values.rename(None)
    return coded(codes, stripped, frame.index)


def text_or_none(values: pd.Series, empty: str | None = None) -> pd.Series:
    """Cells as a categorical of text with ``empty`` (default missing) for ``""`` and missing.

    Examples
    --------
    >>> text_or_none(pd.Series(["a", "", None]), "?").tolist()
    ['a', '?', '?']
    """
    codes, uniques = codes_of(values)
    blank = pd.isna(pd.Series(uniques, dtype=object)).to_numpy() | (uniques == "")
    uniques = uniques.copy()
    uniques[blank] = empty
    return coded(codes, uniques, values.index)


def _stripped(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def to_number(values: pd.Series, *, decimal_comma: bool = False) -> pd.Series:
    """Numbers from cells: ``1.5``, ``1,5`` (with ``decimal_comma``), ``1,500``; NaN otherwise.

    Examples
    --------
    >>> to_number(pd.Series(["1,5", "2", "x"]), decimal_comma=True).tolist()
    [1.5, 2.0, nan]
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype("float64")
    return per_unique(values, lambda distinct: _parse_numbers(distinct, decimal_comma))


def _parse_numbers(values: pd.Series, decimal_comma: bool) -> pd.Series:
    text = _stripped(values)
    if decimal_comma:
        text = text.str.replace(
            r"^(-?\d{1,3}(?:\.\d{3})+),(\d+)$",
            lambda m: m[1].replace(".", "") + "." + m[2],
            regex=True,
        )
        text = text.str.replace(r"^(-?\d+),(\d+)$", r"\1.\2", regex=True)
    else:
        text = text.str.replace(
            r"^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?)$", lambda m: m[1].replace(",", ""), regex=True
        )
    return pd.to_numeric(text, errors="coerce").astype("float64")


def filled(values: pd.Series) -> np.ndarray:
    """True where a cell holds text (not ``""``, not missing), worked out per distinct cell.

    Examples
    --------
    >>> filled(pd.Series(["a", "", None])).tolist()
    [True, False, False]
    """
    codes, uniques = codes_of(values)
    present = ~pd.isna(pd.Series(uniques, dtype=object)).to_numpy() & (uniques != "")
    if present.all():  # every cell holds text: no take over the rows
        return np.ones(len(codes), dtype=bool)
    return present[codes]


def join_notes(*parts: pd.Series | None) -> pd.Series:
    """Join note columns with ``"; "``, skipping missing pieces (None when nothing).

    Examples
    --------
    >>> join_notes(pd.Series(["range 1-2", None]), pd.Series(["vague", None])).tolist()
    ['range 1-2; vague', None]
    """
    series = [p for p in parts if p is not None]
    index = series[0].index if series else pd.RangeIndex(0)
    out = np.full(len(index), None, dtype=object)
    have = np.zeros(len(index), dtype=bool)
    for part in series:
        values = part.to_numpy(dtype=object)
        present = part.notna().to_numpy(dtype=bool) & (values != "")
        if not present.any():
            continue
        both = have & present
        first = present & ~have
        out[first] = values[first]
        if both.any():
            out[both] = [f"{a}; {b}" for a, b in zip(out[both], values[both], strict=True)]
        have |= present
    return pd.Series(out, index=index, dtype=object)
