"""Neutralise spreadsheet formulas in CSV output.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by Excel, LibreOffice and Google Sheets when the CSV
is opened ("CSV injection"). Food names and log lines come from users, so every
CSV nutrilog writes goes through :func:`safe_frame` (or :func:`to_csv`), which
puts an apostrophe in front of such text cells. Numbers are left alone: a
negative float is data, not a formula.

Examples
--------
>>> safe_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> safe_cell("spinach, raw")
'spinach, raw'
"""

from __future__ import annotations

from typing import IO, Any

import pandas as pd

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Return ``value`` with a leading apostrophe if it is text that starts a formula.

    Parameters
    ----------
    value : object
        Any cell value; only ``str`` values are changed.

    Returns
    -------
    object
        The value, unchanged unless it is a string starting with one of
        :data:`FORMULA_PREFIXES`.

    Examples
    --------
    >>> safe_cell("@SUM(A1:A2)"), safe_cell(-3.5)
    ("'@SUM(A1:A2)", -3.5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose text cells (and column names) cannot run as formulas.

    Only object and string columns are touched; the check runs once per unique value.

    Parameters
    ----------
    frame : DataFrame
        Table about to be written as CSV.

    Returns
    -------
    DataFrame
        A copy; numeric columns are unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> safe_frame(pd.DataFrame({"food": ["=1+1", "milk"], "g": [-1.0, 2.0]}))
        food    g
    0  '=1+1 -1.0
    1   milk  2.0
    """
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
            continue
        risky = {v: safe_cell(v) for v in series.dropna().unique() if safe_cell(v) is not v}
        if risky:
            out[col] = series.astype("object").replace(risky)
    out.columns = [safe_cell(c) for c in out.columns]
    return out


def to_csv(
    frame: pd.DataFrame, path_or_buf: str | IO[str] | None = None, **kwargs: Any
) -> str | None:
    """Write ``frame`` as CSV after :func:`safe_frame`; same arguments as ``DataFrame.to_csv``.

    Examples
    --------
    >>> import pandas as pd
    >>> print(to_csv(pd.DataFrame({"food": ["+cheese"]}), index=False), end="")
    food
    '+cheese
    """
    return safe_frame(frame).to_csv(path_or_buf, **kwargs)
