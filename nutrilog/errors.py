"""Exception classes raised by nutrilog.

Every error derives from :class:`NutrilogError` and also from the built-in
exception a Python user would expect (``ValueError``, ``KeyError``...), so both
``except nl.NutrilogError`` and ``except ValueError`` work.

Examples
--------
>>> import nutrilog as nl
>>> try:
...     nl.load_foods().get("sr28:00000")
... except nl.UnknownFoodError as err:
...     print(type(err).__name__)
UnknownFoodError
"""

from __future__ import annotations

from functools import partial
from typing import Any

__all__ = [
    "NutrilogError",
    "LogParseError",
    "UnknownFoodError",
    "UnitError",
    "DataError",
    "ProfileError",
    "ArgumentError",
    "UnknownNutrientError",
    "OutputError",
    "MissingDependencyError",
]


class NutrilogError(Exception):
    """Base class of every error nutrilog raises on purpose."""


class LogParseError(NutrilogError, ValueError):
    """A food log (or one of its rows) could not be read.

    Parameters
    ----------
    reason : str
        What was expected and what was found.
    source : str, optional
        File name (or ``"<text>"``/``"<dataframe>"``) the row came from.
    line : int, optional
        1-based line number in ``source``.
    text : str, optional
        The offending row's text, shortened for display.
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        line: int | None = None,
        text: str | None = None,
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.text = text
        where = source or "<input>"
        if line is not None:
            where = f"{where}, line {line}"
        shown = ""
        if text is not None:
            short = text if len(text) <= 80 else text[:77] + "..."
            shown = f" [{short!r}]"
        super().__init__(f"{where}: {reason}{shown}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the constructor's arguments, so the message is not wrapped twice."""
        rebuild = partial(
            type(self), self.reason, source=self.source, line=self.line, text=self.text
        )
        return rebuild, (), self.__dict__


class UnknownFoodError(NutrilogError, KeyError):
    """A food id is not in the food table."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class UnitError(NutrilogError, ValueError):
    """A unit is unknown, or a conversion between units is not allowed."""


class DataError(NutrilogError, ValueError):
    """A bundled or user-supplied data table is malformed."""


class ProfileError(NutrilogError, ValueError):
    """A person profile is invalid or has no matching reference intakes."""


class ArgumentError(NutrilogError, ValueError):
    """A function argument or command-line option has a value that cannot be used.

    Examples
    --------
    >>> str(ArgumentError("min_day_kcal: expected a finite number >= 0, found nan"))
    'min_day_kcal: expected a finite number >= 0, found nan'
    """


class UnknownNutrientError(ArgumentError, KeyError):
    """A nutrient key or column that nutrilog does not track (a ``KeyError`` too).

    Examples
    --------
    >>> str(UnknownNutrientError("unknown nutrient 'zinc'"))
    "unknown nutrient 'zinc'"
    """

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(NutrilogError, ImportError):
    """An optional part of nutrilog needs a package that is not installed (an
    ``ImportError`` too); the message names the extra that installs it.

    Examples
    --------
    >>> str(MissingDependencyError("nutrilog.dask needs Dask: pip install 'nutrilog[dask]'"))
    "nutrilog.dask needs Dask: pip install 'nutrilog[dask]'"
    """


class OutputError(NutrilogError, OSError):
    """A report or table could not be written; the message names the file, what writing
    it needed and what was found instead.

    Parameters
    ----------
    path : str or path-like
        The file that could not be written.
    reason : str
        What was found (``"no space left on device"``, ``"a directory"``...).
    expected : str
        What writing needed (default ``"a file that can be written"``).

    Examples
    --------
    >>> str(OutputError("/no/such/dir/report.html", "no such file or directory"))
    "cannot write '/no/such/dir/report.html': expected a file that can be written, found no such file or directory"
    >>> str(OutputError("out", "a directory", expected="a file"))
    "cannot write 'out': expected a file, found a directory"
    """

    def __init__(
        self, path: object, reason: str, expected: str = "a file that can be written"
    ) -> None:
        self.path = str(path)
        self.reason = reason
        self.expected = expected
        super().__init__(f"cannot write {self.path!r}: expected {expected}, found {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the constructor's arguments (OSError would pass its message alone)."""
        return partial(type(self), self.path, self.reason, self.expected), (), self.__dict__

    def __str__(self) -> str:  # OSError would format (errno, strerror) pairs
        return str(self.args[0]) if self.args else ""
