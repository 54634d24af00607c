"""Read an ASA24 "Items" file: one row per food reported in a 24-hour recall.

ASA24 (the Automated Self-Administered 24-hour dietary assessment tool) writes,
per study, an Items file (CSV) with one row per food: the respondent
(``UserName``), the recall number (``RecallNo``), the FNDDS food code
(``FoodCode``), the grams eaten (``FoodAmt``), the food's description
(``Food_Description``) and about a hundred nutrient columns. The header names
are mapped in the one column table (:mod:`nutrilog.iotools._columns`, source
``asa24``); the other columns (nutrients, eating occasion, portion codes) are
read but not kept: nutrients come from the food table through the food code,
like every other log.

Dates: the recall number is used as the day. Recall k is dated 1 Jan 1900 +
(k - 1) days (:data:`~nutrilog.iotools._codes.RECALL_DAY_ONE`) and the entries
keep ``recall_day``; days of one person are still told apart, and the 1900
dates mark them as numbered recalls, not calendar days.

A file is recognised as ASA24 when its header has ``UserName``, ``RecallNo``,
``FoodCode`` and ``FoodAmt``.

Examples
--------
>>> import io
>>> text = "UserName,RecallNo,FoodCode,FoodAmt,KCAL\\nA01,1,11111000,244,149\\n"
>>> read_asa24(io.StringIO(text)).entries[["person", "recall_day", "food_id", "quantity"]].values.tolist()
[['A01', 1, 'fndds:11111000', 244.0]]
"""

from __future__ import annotations

from nutrilog.iotools._source import ReaderSource, open_input
from nutrilog.iotools.csv import read_mapped_table
from nutrilog.log import FoodLog

__all__ = ["read_asa24", "ASA24_KEYS"]

#: Header keys (as :func:`~nutrilog.iotools._columns.header_key`) that mark an ASA24 Items file.
ASA24_KEYS = frozenset({"username", "recallno", "foodcode", "foodamt"})


def read_asa24(
    source: ReaderSource,
    *,
    date: object = None,
    person: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
) -> FoodLog:
    """Read an ASA24 Items CSV.

    Parameters
    ----------
    source : path, file-like or LogInput
        The Items file.
    date : str or date, optional
        A date for rows without a recall number (rare).
    person : str, optional
        Person for rows without a user name.
    strict, encoding, chunksize
        As in :func:`~nutrilog.iotools.read_log`.

    Returns
    -------
    FoodLog
        One entry per food row, with ``person``, ``recall_day``, a placeholder
        ``date`` per recall (see the module doc), ``food_id`` and grams.
    """
    inp = open_input(source, encoding)
    return read_mapped_table(
        inp, "asa24", date=date, person=person, strict=strict, chunksize=chunksize
    )
