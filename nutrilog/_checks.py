"""Checks of arguments at the public edges: numbers, counts, kinds, lengths, texts,
encodings and keyword options.

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

import codecs
import inspect
import math
import numbers
from collections.abc import Callable, Iterable, Mapping

from nutrilog.errors import ArgumentError


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


def count_argument(name: str, value: object, *, minimum: int = 0) -> int:
    """``value`` as an int, or :class:`ArgumentError` unless it is a whole number >= ``minimum``.

    Examples
    --------
    >>> count_argument("limit", 5)
    5
    >>> count_argument("limit", "5")
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: limit: expected a whole number of 0 or more, found '5'
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ArgumentError(
            f"{name}: expected a whole number of {minimum} or more, found {value!r}"
        )
    return int(value)


def kind_argument(name: str, value: object, kinds: type | tuple[type, ...], expected: str) -> None:
    """:class:`ArgumentError` unless ``value`` is one of ``kinds`` (``expected`` says which).

    Examples
    --------
    >>> kind_argument("text", 5, str, "a str")
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: text: expected a str, found int
    """
    if not isinstance(value, kinds):
        raise ArgumentError(f"{name}: expected {expected}, found {type(value).__name__}")


def same_length(**columns: object) -> None:
    """:class:`ArgumentError` unless every sized argument given has the length of the first.

    Examples
    --------
    >>> same_length(quantity=[1, 2], unit=["g"])
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: unit: expected 2 values (as many as quantity), found 1
    """
    sized = [
        (k, len(v)) for k, v in columns.items() if hasattr(v, "__len__") and not isinstance(v, str)
    ]
    for name, size in sized[1:]:
        if size != sized[0][1]:
            raise ArgumentError(
                f"{name}: expected {sized[0][1]} values (as many as {sized[0][0]}), found {size}"
            )


def food_table_argument(foods: object) -> None:
    """:class:`ArgumentError` unless ``foods`` is a :class:`~nutrilog.foods.FoodTable`."""
    from nutrilog.foods import FoodTable

    kind_argument("foods", foods, FoodTable, "a FoodTable (nutrilog.load_foods())")


def texts_argument(name: str, value: object) -> None:
    """:class:`ArgumentError` unless ``value`` holds texts: a Series or an iterable, not one str.

    Examples
    --------
    >>> texts_argument("texts", "milk")
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: texts: expected a Series or a list of texts, found one str ('milk'): wrap it in a list
    """
    if isinstance(value, (str, bytes)):
        raise ArgumentError(
            f"{name}: expected a Series or a list of texts, found one {type(value).__name__} "
            f"({value!r}): wrap it in a list"
        )
    if not isinstance(value, Iterable):
        raise ArgumentError(
            f"{name}: expected a Series or a list of texts, found {type(value).__name__}"
        )


def encoding_argument(value: object) -> None:
    """:class:`ArgumentError` unless ``value`` names a text encoding Python knows.

    Examples
    --------
    >>> encoding_argument("latin-1")
    >>> encoding_argument("nope")
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: encoding: expected a text encoding such as 'utf-8' or 'cp1252', found 'nope'
    """
    expected = "a text encoding such as 'utf-8' or 'cp1252'"
    kind_argument("encoding", value, str, expected)
    try:
        codecs.lookup(str(value))
    except LookupError:
        raise ArgumentError(f"encoding: expected {expected}, found {value!r}") from None


def keyword_arguments(function: Callable[..., object], given: Mapping[str, object]) -> None:
    """:class:`ArgumentError` unless ``function`` takes every keyword of ``given``.

    Examples
    --------
    >>> def reader(source, *, sep=","): ...
    >>> keyword_arguments(reader, {"sep": ";", "delimiter": ";"})
    Traceback (most recent call last):
    ...
    nutrilog.errors.ArgumentError: delimiter: expected an option of reader (sep), found an unknown keyword
    """
    parameters = inspect.signature(function).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return
    options = [n for n, p in list(parameters.items())[1:] if p.kind is not p.VAR_POSITIONAL]
    for name in given:
        if name not in parameters:
            raise ArgumentError(
                f"{name}: expected an option of {function.__name__} ({', '.join(options)}), "
                "found an unknown keyword"
            )
