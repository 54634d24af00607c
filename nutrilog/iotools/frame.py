"""Read a food log that is already a pandas DataFrame.

Column names are matched exactly as in the CSV reader
(:mod:`nutrilog.iotools._columns`): ``date``/``day``, ``food``/``item``/
``description``, ``amount``/``quantity``/``qty``, ``unit``, ``grams``... Cells may
be numbers, strings or datetimes. Line numbers are row positions counted from
1; rows whose cells are all empty are not rows (counted in ``skipped_lines``). Repeated column names are read
like repeated CSV headers: the first one counts, the others become ``name.1``...

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"Day": ["2026-11-20"], "Item": ["banana"], "Qty": [2]})
>>> from_frame(df).entries[["food", "quantity"]].values.tolist()
[['banana', 2.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of
from nutrilog.errors import ArgumentError, LogParseError
from nutrilog.iotools._build import default_date, raise_first
from nutrilog.iotools._columns import expected_names, map_columns
from nutrilog.iotools._header import dedupe_names
from nutrilog.iotools._table import LINE
from nutrilog.iotools.csv import process_frame
from nutrilog.log import FoodLog

__all__ = ["from_frame"]


def from_frame(
    df: pd.DataFrame,
    *,
    source: str = "<dataframe>",
    strict: bool = False,
    date: object = None,
    person: str | None = None,
    dayfirst: bool | None = None,
) -> FoodLog:
    """Read a DataFrame food log with flexible column names.

    Parameters
    ----------
    df : DataFrame
        One row per entry; needs a food column (``food``, ``item``, ``description``...).
    source : str
        Name stored in the ``source`` column.
    strict : bool
        Raise :class:`~nutrilog.errors.LogParseError` at the first bad row.
    date, person : optional
        Defaults for rows without a date or person.
    dayfirst : bool, optional
        How to read ambiguous numeric date strings.

    Returns
    -------
    FoodLog
    """
    if not isinstance(df, pd.DataFrame):
        raise ArgumentError(f"df: expected a pandas DataFrame, found {type(df).__name__}")
    if df.columns.has_duplicates:  # the first of a repeated name is read, as in a CSV
        df = df.set_axis(dedupe_names([str(c) for c in df.columns]), axis=1)
    mapping = map_columns(df.columns, "csv")
    if not {"food", "food_id"} & {std for std, _ in mapping.values()}:
        raise LogParseError(
            f"missing food column: expected one of {', '.join(expected_names('csv', 'food'))} "
            f"(or a food id column: {', '.join(expected_names('csv', 'food_id'))}), "
            f"found columns {[str(c) for c in df.columns]}",
            source=source,
        )
    frame = df.reset_index(drop=True).copy()
    frame[LINE] = np.arange(1, len(frame) + 1)
    blank = _blank_rows(frame.drop(columns=[LINE]))
    if blank.any():
        frame = frame[~blank]
    log = process_frame(
        frame,
        mapping,
        source=source,
        date=default_date(date),
        person=person,
        dayfirst=dayfirst,
    )
    log.skipped_lines = int(blank.sum())  # rows whose cells are all empty
    if strict:
        raise_first(log)
    return log


def _blank_rows(data: pd.DataFrame) -> np.ndarray:
    """Rows whose cells are all missing or blank text, looking at each distinct cell once.

    A column at a time, and only while some row may still be blank: with a filled
    food column, one pass over its distinct texts settles nearly every row.
    """
    blank = np.full(len(data), data.shape[1] > 0)
    for _, values in data.items():
        if not blank.any():
            break
        if values.dtype.kind in "biufcmM":  # numbers and datetimes: empty when missing
            blank &= values.isna().to_numpy()
            continue
        try:
            codes, uniques = codes_of(values)
        except TypeError:  # unhashable cells (lists...): each cell on its own
            text = values.astype(str).str.strip()
            blank &= (values.isna() | text.eq("")).to_numpy(dtype=bool)
            continue
        empty = np.array(
            [
                u is None or (pd.api.types.is_scalar(u) and bool(pd.isna(u))) or not str(u).strip()
                for u in uniques
            ],
            dtype=bool,
        )
        blank &= empty[codes] if len(codes) else blank
    return blank
