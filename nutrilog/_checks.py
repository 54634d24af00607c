"""Checks of numeric arguments at the public edges (finite, in range, not a bool).

Examples
--------
>>> number_argument("min_day_kcal", 500)
500.0
>>> number_argument("calcium_dv_mg", -1300, above_zero=True)
Traceback (most recent call last):
...
nutrilog.errors.ArgumentError: calcium_dv_mg: expected a finite number above 0, found -1300
"""

from __future__ import annotations

import math
import numbers

from nutrilog.errors import ArgumentError

__all__ = ["number_argument"]


def number_argument(name: str, value: object, *, above_zero: bool = False) -> float:
    """``value`` as a float, or :class:`ArgumentError` unless it is a finite number >= 0.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        The value given.
    above_zero : bool, default False
        Refuse 0 as well.

    Returns
    -------
    float

    Examples
    --------
    >>> number_argument("min_day_kcal", float("nan"))
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: min_day_kcal: expected a finite number of 0 or more, found nan
    """
    wanted = "a finite number above 0" if above_zero else "a finite number of 0 or more"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentError(f"{name}: expected {wanted}, found {value!r}")
    number = float(value)
    if not math.isfinite(number) or number < 0 or (above_zero and number == 0):
        raise ArgumentError(f"{name}: expected {wanted}, found {value!r}")
    return number
