"""Ids as research files write them: food ids turned into the food table's ids,
and person ids written as floats (``83732.0``) read as the whole numbers they are.

The bundled table names FNDDS 2017-2018 foods ``fndds:<8-digit food code>`` and
SR28 foods ``sr28:<5-digit NDB number>`` (``sr28:01001``). Files write them in
many ways; :func:`normalize_food_id` reads them all the same way:

* with a prefix (any case): ``fndds:11111000``, ``SR28:1001``;
* bare numbers: an **8-digit** number is an FNDDS food code (FNDDS codes run
  from 11000000 to 99999999), a number of **1 to 5 digits** is an SR28 NDB
  number (zero-padded to 5 digits, NDB numbers run from 01001 to 93600); a
  number of 6 or 7 digits, or of 9 or more, is neither and is kept as written;
* integers, strings, or floats as pandas writes a column with a missing cell
  (``11111000.0``, ``1001.0``): a fraction of zeros is dropped.

An id that is not a number under a known prefix (``user:my-granola``, a user
food) is kept as written. Whether an id exists is decided when the log is
analysed: an id that is not in the food table makes its row unmatched with the
reason "unknown food id" (see :func:`food_id_problem`); its text is never
matched instead.

Examples
--------
>>> [normalize_food_id(v) for v in ["11111000.0", 1001, "sr28:9040", " FNDDS:11111000 "]]
['fndds:11111000', 'sr28:01001', 'sr28:09040', 'fndds:11111000']
>>> normalize_food_id("1111100")  # 7 digits: neither an FNDDS code nor an NDB number
'1111100'
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from nutrilog._vector import coded, codes_of, int_codes

__all__ = [
    "RECALL_DAY_ONE",
    "recall_dates",
    "normalize_food_id",
    "normalize_food_ids",
    "food_ids_of_numbers",
    "normalize_person_ids",
    "person_id",
    "food_id_problem",
]

#: The date given to recall day 1 of a file that numbers its recall days (NHANES,
#: ASA24 ``RecallNo``) instead of dating them: day k is this date + (k - 1) days.
#: Dates in 1900 stand out as placeholders in every table and report.
RECALL_DAY_ONE = pd.Timestamp("1900-01-01")

_PREFIXED = re.compile(r"^(fndds|sr28)\s*:\s*(.*)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\+?(\d+)(?:\.0*)?$")
#: Digits of an FNDDS food code and the most digits of an SR28 NDB number.
FNDDS_DIGITS, SR28_MAX_DIGITS = 8, 5


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return None
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    text = str(value).strip()
    return text or None


def _digits(body: str) -> str | None:
    """The whole number a cell holds (``"0011.0"`` → ``"11"``), or None."""
    found = _NUMBER.match(body.strip())
    return str(int(found.group(1))) if found else None


def normalize_food_id(value: object) -> str | None:
    """The food-table id a cell names (see the module doc); None for an empty cell.

    Examples
    --------
    >>> normalize_food_id(11111000.0), normalize_food_id(None)
    ('fndds:11111000', None)
    """
    text = _as_text(value)
    if text is None:
        return None
    prefixed = _PREFIXED.match(text)
    if prefixed:
        prefix, number = prefixed.group(1).lower(), _digits(prefixed.group(2))
        if number is None:
            return text
        if prefix == "fndds" and len(number) == FNDDS_DIGITS:
            return f"fndds:{number}"
        if prefix == "sr28" and len(number) <= SR28_MAX_DIGITS:
            return f"sr28:{int(number):05d}"
        return text
    number = _digits(text)
    if number is None:
        return text
    if len(number) == FNDDS_DIGITS:
        return f"fndds:{number}"
    if len(number) <= SR28_MAX_DIGITS:
        return f"sr28:{int(number):05d}"
    return text


def normalize_food_ids(values: pd.Series) -> pd.Series:
    """:func:`normalize_food_id` of a column, computed once per distinct cell, as a categorical.

    Examples
    --------
    >>> normalize_food_ids(pd.Series([11111000.0, None, 11111000.0])).tolist()
    ['fndds:11111000', nan, 'fndds:11111000']
    """
    codes, uniques = codes_of(values)
    mapped = np.array([normalize_food_id(v) for v in uniques], dtype=object)
    return coded(codes, mapped, values.index)


def food_ids_of_numbers(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`normalize_food_id` of a column of integers, computed once per distinct
    number without reading its text: integer codes and the ids they point to.

    The same rule as for any cell: 8 digits an FNDDS code, 1 to 5 an SR28 NDB number
    (zero-padded), anything else (a negative number, 6, 7 or 9+ digits) kept as written.

    Examples
    --------
    >>> codes, ids = food_ids_of_numbers(np.array([11111000, 1001, 1001, 123456, -4]))
    >>> codes.tolist(), ids.tolist()
    ([0, 1, 1, 2, 3], ['fndds:11111000', 'sr28:01001', '123456', '-4'])
    """
    codes, numbers = int_codes(values)
    ids = np.empty(len(numbers), dtype=object)
    ids[:] = [_id_of_number(v) for v in numbers.tolist()]  # once per distinct number
    return codes, ids


#: The numbers that are FNDDS food codes, and the bound of SR28 NDB numbers.
_FNDDS_LOW, _FNDDS_HIGH, _SR28_HIGH = (
    10 ** (FNDDS_DIGITS - 1),
    10**FNDDS_DIGITS,
    10**SR28_MAX_DIGITS,
)


def _id_of_number(number: int) -> str:
    """The food id a whole number names (see :func:`food_ids_of_numbers`)."""
    if _FNDDS_LOW <= number < _FNDDS_HIGH:
        return f"fndds:{number}"
    if 0 <= number < _SR28_HIGH:
        return f"sr28:{number:0{SR28_MAX_DIGITS}d}"
    return str(number)


_FLOAT_WHOLE = re.compile(r"^([+-]?\d+)\.0+$")


def person_id(value: object) -> object:
    """A person id as text; a whole number written as a float (``83732.0``) loses its ``.0``.

    Examples
    --------
    >>> person_id(83732.0), person_id("83732.0"), person_id(7), person_id("ann")
    ('83732', '83732', '7', 'ann')
    """
    if value is None or isinstance(value, str) and not value.strip():
        return value
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return None
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return str(int(value))
    text = str(value).strip()
    whole = _FLOAT_WHOLE.match(text)
    return whole.group(1) if whole else text


def normalize_person_ids(values: pd.Series) -> pd.Series:
    """:func:`person_id` of a column, once per distinct cell, as a categorical.

    Examples
    --------
    >>> normalize_person_ids(pd.Series(["1.0", "1", "b"])).tolist()
    ['1', '1', 'b']
    """
    codes, uniques = codes_of(values)
    mapped = np.array([person_id(v) for v in uniques], dtype=object)
    return coded(codes, mapped, values.index)


def food_id_problem(food_id: str) -> str:
    """Why an id that is not in the food table is not a food: the unmatched reason.

    Examples
    --------
    >>> food_id_problem("1111100")
    "unknown food id '1111100': expected an 8-digit FNDDS food code or an SR28 NDB number of up to 5 digits"
    >>> food_id_problem("fndds:99999998")
    "unknown food id 'fndds:99999998': not in the food table (FNDDS 2017-2018, SR28 and your foods)"
    """
    prefixed = _PREFIXED.match(food_id)
    number = _digits(prefixed.group(2) if prefixed else food_id)
    well_formed = (
        food_id.startswith("fndds:")
        and number is not None
        and len(number) == FNDDS_DIGITS
        or food_id.startswith("sr28:")
        and number is not None
        and len(number) <= SR28_MAX_DIGITS
        or not prefixed
        and number is None
        and ":" in food_id
    )
    if well_formed:
        return (
            f"unknown food id {food_id!r}: not in the food table "
            "(FNDDS 2017-2018, SR28 and your foods)"
        )
    return (
        f"unknown food id {food_id!r}: expected an 8-digit FNDDS food code or an SR28 NDB "
        "number of up to 5 digits"
    )


def recall_dates(days: np.ndarray) -> np.ndarray:
    """Placeholder dates of recall day numbers (see :data:`RECALL_DAY_ONE`); NaT where
    the day number is not a whole number from 1 to 366.

    Examples
    --------
    >>> recall_dates(np.array([1.0, 2.0, np.nan])).astype(str).tolist()
    ['1900-01-01T00:00:00.000000000', '1900-01-02T00:00:00.000000000', 'NaT']
    """
    days = np.asarray(days, dtype="float64")
    good = np.isfinite(days) & (days >= 1) & (days <= 366) & (days == np.floor(days))
    offset = np.where(good, days - 1, 0).astype("int64")
    dates = RECALL_DAY_ONE.to_datetime64() + offset.astype("timedelta64[D]")
    return np.where(good, dates.astype("datetime64[ns]"), np.datetime64("NaT", "ns"))
