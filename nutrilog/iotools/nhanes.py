"""Read NHANES individual-foods files: ``DR1IFF_*.XPT`` (day 1) and ``DR2IFF_*.XPT`` (day 2).

Each row is one food reported by one participant in a 24-hour recall: ``SEQN``
(the participant), ``DR1IFDCD``/``DR2IFDCD`` (the USDA FNDDS food code) and
``DR1IGRMS``/``DR2IGRMS`` (grams). The files are SAS transport (XPT) files, read
with :func:`pandas.read_sas`; a CSV or DataFrame with the same columns is read
the same way. The header names are mapped in the one column table
(:mod:`nutrilog.iotools._columns`, source ``nhanes``); the other columns
(nutrients, eating occasion, food source...) are not kept: nutrients come from
the food table through the food code.

Days: NHANES gives the recall day, not its date. The day comes from the column
names (``DR1I...`` is day 1, ``DR2I...`` day 2) and is kept as ``recall_day``;
recall day k is dated 1 Jan 1900 + (k - 1) days
(:data:`~nutrilog.iotools._codes.RECALL_DAY_ONE`), so the two days of a
participant are two days of the log, marked as numbered recalls by their 1900
dates. Line numbers are record numbers (1 = the first food row).

Examples
--------
>>> import pandas as pd
>>> day2 = pd.DataFrame({"SEQN": [83732.0], "DR2IFDCD": [11111000.0], "DR2IGRMS": [244.0]})
>>> read_nhanes(day2).entries[["person", "recall_day", "food_id", "quantity", "unit"]].values.tolist()
[['83732', 2, 'fndds:11111000', 244.0, 'g']]
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from nutrilog._checks import kind_argument
from nutrilog.errors import LogParseError
from nutrilog.iotools._build import raise_first
from nutrilog.iotools._columns import header_key, map_columns
from nutrilog.iotools._source import LogInput
from nutrilog.iotools._table import LINE
from nutrilog.iotools.csv import process_frame
from nutrilog.log import FoodLog

__all__ = ["read_nhanes", "nhanes_day", "NHANES_SUFFIXES"]

#: File name endings read as SAS transport files.
NHANES_SUFFIXES = (".xpt",)


def nhanes_day(columns: list[object]) -> int | None:
    """The recall day a file's columns belong to: 1 for ``DR1I...``, 2 for ``DR2I...``.

    Examples
    --------
    >>> nhanes_day(["SEQN", "DR2IFDCD", "DR2IGRMS"]), nhanes_day(["SEQN", "food"])
    (2, None)
    """
    keys = {header_key(c) for c in columns}
    days = {day for day in (1, 2) if {f"dr{day}ifdcd", f"dr{day}igrms"} & keys}
    return days.pop() if len(days) == 1 else None


def _frame(source: str | os.PathLike[str] | pd.DataFrame | LogInput) -> tuple[pd.DataFrame, str]:
    if isinstance(source, pd.DataFrame):
        return source, "<dataframe>"
    if isinstance(source, LogInput):  # a CSV already opened (and its encoding sniffed)
        handle = source.handle()
        options = {} if source.text is not None else {"encoding": source.encoding}
        frame = pd.read_csv(handle, dtype=object, keep_default_na=False, **options)
        return frame, source.name
    kind_argument("source", source, (str, os.PathLike), "a path, a DataFrame or an opened input")
    path = Path(source)
    name = str(source)
    if not path.is_file():
        raise LogParseError("expected an NHANES file, found no such file", source=name)
    try:
        if path.suffix.lower() in NHANES_SUFFIXES:
            frame = pd.read_sas(path, format="xport", encoding="latin-1")
        else:
            frame = pd.read_csv(path, dtype=object, keep_default_na=False)
    except (ValueError, OSError, pd.errors.ParserError) as err:
        raise LogParseError(
            f"unreadable NHANES file: expected a SAS transport (XPT) or CSV file, found "
            f"one that cannot be read ({err})",
            source=name,
        ) from None
    return frame, name


def read_nhanes(
    source: str | os.PathLike[str] | pd.DataFrame | LogInput,
    *,
    strict: bool = False,
    person: str | None = None,
    **_: object,
) -> FoodLog:
    """Read an NHANES individual-foods file (XPT or CSV) or a DataFrame of one.

    Parameters
    ----------
    source : path or DataFrame
        ``DR1IFF_J.XPT``, ``DR2IFF_J.XPT``..., a CSV with their columns, or the
        DataFrame :func:`pandas.read_sas` gives.
    strict : bool
        Raise :class:`~nutrilog.errors.LogParseError` at the first bad row.
    person : str, optional
        Person for rows without a ``SEQN``.

    Returns
    -------
    FoodLog
        One entry per food row: ``person`` (the SEQN as text), ``recall_day``,
        a placeholder ``date`` (see the module doc), ``food_id`` and grams.

    Raises
    ------
    LogParseError
        When the file cannot be read, or has no ``DR1IFDCD``/``DR2IFDCD`` and
        grams columns (it is then not an individual-foods file).
    """
    frame, name = _frame(source)
    day = nhanes_day(list(frame.columns))
    mapping = map_columns(frame.columns, "nhanes")
    found = {standard for standard, _ in mapping.values()}
    if day is None or not {"food_id", "grams"} <= found:
        raise LogParseError(
            "not an NHANES individual-foods file: expected SEQN, DR1IFDCD and DR1IGRMS (day 1) "
            f"or DR2IFDCD and DR2IGRMS (day 2), found columns {[str(c) for c in frame.columns][:12]}",
            source=name,
        )
    used = {column: mapping[column] for column in mapping}
    data = frame[list(used)].copy()
    if "recall_day" not in found:
        data["recall day"] = day
        used["recall day"] = ("recall_day", "")
    data[LINE] = np.arange(1, len(data) + 1)
    log = process_frame(data, used, source=name, person=person, keep_extra=False)
    if strict:
        raise_first(log)
    return log
