"""Read the amount out of free-text food log lines.

One module per job: :mod:`~nutrilog.quantity.tokens` cuts a line into tokens,
:mod:`~nutrilog.quantity.numbers` reads numbers and number words,
:mod:`~nutrilog.quantity.unit_words` finds units, and
:mod:`~nutrilog.quantity.line` puts them together into one line's amount
(:func:`parse_quantity`; the rules are described there). :func:`parse_amounts`
reads a column of lines, each distinct text once.

Examples
--------
>>> parse_quantity("2 medium bananas")
ParsedAmount(food='bananas', quantity=2.0, unit='medium', unit_kind='size', note=None)
>>> parse_amounts(pd.Series(["1 cup milk"]))["unit"].tolist()
['cup']
"""

from __future__ import annotations

import pandas as pd

from nutrilog.quantity.line import ParsedAmount, parse_quantity

__all__ = ["ParsedAmount", "AMOUNT_COLUMNS", "parse_quantity", "parse_amounts"]

#: Columns of the table returned by :func:`parse_amounts` (entry column names).
AMOUNT_COLUMNS: list[str] = ["food", "quantity", "unit", "unit_kind", "amount_note"]


def parse_amounts(texts: pd.Series) -> pd.DataFrame:
    """Parse a column of diary lines, each distinct text once.

    Parameters
    ----------
    texts : Series
        Lines of text (missing values parse as empty text).

    Returns
    -------
    DataFrame
        Columns :data:`AMOUNT_COLUMNS` (``food, quantity, unit, unit_kind,
        amount_note``), indexed like ``texts``.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_amounts(pd.Series(["2 eggs", "2 eggs", "1 cup milk"]))["quantity"].tolist()
    [2.0, 2.0, 1.0]
    """
    values = texts.astype(object).where(texts.notna(), "")
    codes, uniques = pd.factorize(values.astype(str), use_na_sentinel=False)
    parsed = pd.DataFrame([parse_quantity(str(u)) for u in uniques], columns=AMOUNT_COLUMNS)
    out = parsed.iloc[codes].reset_index(drop=True)
    out.index = texts.index
    out["quantity"] = out["quantity"].astype("float64")
    return out
