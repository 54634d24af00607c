"""Values of the report: JSON-ready cells, and numbers, amounts and shares for people.

Amounts carry the unit symbol pint writes for the nutrient's unit (``µg``), in the
unit it is shown in (water in litres, :attr:`~nutrilog.nutrients.Nutrient.display_unit`).

Examples
--------
>>> amount(2800.0, "water_g", per_day=True), amount(12.5, "vitamin_d_ug"), pct(0.996)
('2.8 L/day', '12.5 µg', '>99%')

Days of a log that numbers its days instead of dating them (NHANES and ASA24
recalls, ``Day 2`` or bare weekday headings in a diary) are dated from 1 Jan 1900
(:data:`nutrilog.iotools.RECALL_DAY_ONE`); people read them as ``Day N``
(:func:`day_label`), machines (JSON, CSV) keep the dates.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.iotools import RECALL_DAY_ONE
from nutrilog.nutrients import nutrient

__all__ = ["clean", "rows_of", "records", "number", "fmt", "amount", "pct", "day_label"]

#: Placeholder dates of numbered days: a diary's ``Day 999`` is the last heading read so.
_NUMBERED_DAYS = 999


def day_label(value: Any) -> str:
    """A day as people read it: the ISO date, or ``Day N`` for a numbered day (a
    placeholder date from 1 Jan 1900 on, see the module docstring); ``n/a`` for none.

    Examples
    --------
    >>> day_label("2026-11-20"), day_label("1900-01-03"), day_label(None)
    ('2026-11-20', 'Day 3', 'n/a')
    """
    if value is None or value is pd.NaT or value == "":
        return "n/a"
    try:
        offset = (pd.Timestamp(value) - RECALL_DAY_ONE).days
    except (TypeError, ValueError):
        return str(value)
    return f"Day {offset + 1}" if 0 <= offset < _NUMBERED_DAYS else str(value)


def clean(value: Any) -> Any:
    """A JSON-ready value: NaN/NA → None, numpy → Python, timestamps → ISO dates."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat() if not pd.isna(value) else None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        x = float(value)
        return x if math.isfinite(x) else None
    if isinstance(value, Mapping):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [clean(v) for v in value]
    return value


def rows_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts of Python values, read column by column (the values of
    ``frame.to_dict("records")`` without its per-cell boxing).

    Examples
    --------
    >>> rows_of(pd.DataFrame({"a": [1, 2], "b": [0.5, None]}))
    [{'a': 1, 'b': 0.5}, {'a': 2, 'b': nan}]
    """
    names = list(frame.columns)
    if not names:
        return [{} for _ in range(len(frame))]
    # one object array of the whole frame: each block converted once, not each column
    # boxed as a Series of its own (the same Python values ``tolist`` gives)
    return [dict(zip(names, row, strict=True)) for row in frame.to_numpy(dtype=object).tolist()]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as JSON-ready dicts."""
    names = [str(k) for k in frame.columns]
    return [
        {name: clean(v) for name, v in zip(names, row.values(), strict=True)}
        for row in rows_of(frame)
    ]


def number(value: Any) -> float:
    """Float of a cell; NaN when missing or not a number."""
    if value is None or value is pd.NA:
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def fmt(value: Any) -> str:
    """A number for people: 1,234 / 12.5 / 2.4 / 0.35; ``n/a`` when unknown."""
    x = number(value)
    if not math.isfinite(x):
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.1f}".removesuffix(".0")
    return f"{x:.2f}".rstrip("0").rstrip(".") or "0"


def amount(value: Any, column: str, per_day: bool = False) -> str:
    """A nutrient amount with its unit, in the unit it is shown in; ``n/a`` when unknown."""
    x = number(value)
    if not math.isfinite(x):
        return "n/a"
    n = nutrient(column)
    if n.display_unit != n.unit:  # water in litres, to two decimals
        text = f"{x * n.display_factor:.2f}".rstrip("0").rstrip(".") + f" {n.display_symbol}"
    else:
        text = f"{fmt(x)} {n.symbol}"
    return text + "/day" if per_day else text


def pct(value: Any) -> str:
    """A fraction 0–1 as a percentage; ``>99%``/``<1%`` at the ends."""
    x = number(value)
    if not math.isfinite(x):
        return "n/a"
    if x > 0.995:
        return ">99%"
    if 0 < x < 0.005:
        return "<1%"
    return f"{x:.0%}"
