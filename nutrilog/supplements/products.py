"""Supplement product tables: a user's or the bundled one, and the product a line names.

A table gives each product's label amounts per unit (tablet, capsule, scoop...):
the bundled ``datasets/supplement_products.csv`` (Tums, Mag-Ox 400, Caltrate
600+D3, ZMA, with sources) is read by :func:`bundled_products`, a user's table by
:func:`read_supplement_table`. :func:`product_in` finds the product whose every
word is in a log line, longest name first.

Examples
--------
>>> table = read_supplement_table(pd.DataFrame({"product": ["Cal-Mag"], "calcium_mg": [250]}))
>>> products = product_index(table)
>>> product_in("cal-mag 2 tabs", products)[0]
'Cal-Mag'
"""

from __future__ import annotations

import math
import os
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from nutrilog._resources import dataset_path
from nutrilog.errors import DataError
from nutrilog.units import vitamin_d_iu_to_ug

__all__ = [
    "SUPPLEMENT_NUTRIENTS",
    "read_supplement_table",
    "bundled_products",
    "product_index",
    "product_in",
]

#: Nutrient columns a supplement line can declare.
SUPPLEMENT_NUTRIENTS: list[str] = [
    "magnesium_mg",
    "calcium_mg",
    "potassium_mg",
    "sodium_mg",
    "vitamin_d_ug",
    "vitamin_b12_ug",
]
_IU_TO_UG = vitamin_d_iu_to_ug(1.0)  # 0.025 µg per IU (40 IU = 1 µg)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", str(text).lower().replace("+", " plus ")))


def _amount_cell(value: object, where: str) -> float:
    text = str(value).strip().lower()
    if text in ("", "unknown", "nan", "none"):
        return math.nan
    try:
        number = float(text)
    except ValueError:
        raise DataError(f"{where}: expected a number or 'unknown', found {value!r}") from None
    if number < 0:
        raise DataError(f"{where}: expected an amount of 0 or more, found {value!r}")
    return number


def read_supplement_table(
    source: str | os.PathLike[str] | pd.DataFrame, *, name: str | None = None
) -> pd.DataFrame:
    """Read a table of supplement products and their amounts per unit (tablet, capsule, scoop...).

    Parameters
    ----------
    source : path or DataFrame
        A CSV (or frame) with a ``product`` column and any of the columns
        :data:`SUPPLEMENT_NUTRIENTS` (``magnesium_mg``, ``vitamin_d_ug``...) or
        ``vitamin_d_iu``: the amount in one unit of the product. A cell ``unknown``
        (or empty) is an amount not known (NaN); ``0`` means the product has none,
        and so does a nutrient column the table does not have. Other columns
        (``per``, ``source``, ``note``) are kept as they are.
    name : str, optional
        The name used in error messages (default: the path).

    Returns
    -------
    DataFrame
        ``product`` and every column of :data:`SUPPLEMENT_NUTRIENTS`, one row per product.

    Raises
    ------
    DataError
        On a missing ``product`` column or cell, or an amount that is not a
        number: the message names the file, line and cell.

    Examples
    --------
    >>> table = read_supplement_table(pd.DataFrame({"product": ["Cal-Mag Plus"],
    ...                                             "calcium_mg": [333], "magnesium_mg": [167]}))
    >>> table.loc[0, "product"], float(table.loc[0, "calcium_mg"]), float(table.loc[0, "potassium_mg"])
    ('Cal-Mag Plus', 333.0, 0.0)
    """
    if isinstance(source, pd.DataFrame):
        raw, name = source.copy(), name or "<supplements>"
        raw.columns = [str(c) for c in raw.columns]
        line_of = list(range(1, len(raw) + 1))
    else:
        from nutrilog.iotools import read_user_table

        name = name or str(source)
        # encoding sniffed; empty, binary or malformed files are a DataError naming the line
        raw = read_user_table(source, "supplement table")
        line_of = [int(line) for line in raw.index]
    columns = {c: c.strip().lower() for c in raw.columns}
    raw = raw.rename(columns=columns)
    if "product" not in raw.columns:
        raise DataError(
            f"{name}: expected a 'product' column in the supplement table, found {list(raw.columns)}"
        )
    out = pd.DataFrame({"product": raw["product"].astype(str).str.strip()})
    for i, product in enumerate(out["product"]):
        if not product or product.lower() == "nan":
            raise DataError(
                f"{name}, line {line_of[i]}: expected a product name, found an empty cell"
            )
    for column in SUPPLEMENT_NUTRIENTS:
        absent = "" if column == "vitamin_d_ug" and "vitamin_d_iu" in raw.columns else "0"
        values = raw[column] if column in raw.columns else pd.Series(absent, index=raw.index)
        out[column] = [
            _amount_cell(v, f"{name}, line {line_of[i]}, column {column}")
            for i, v in enumerate(values)
        ]
    if "vitamin_d_iu" in raw.columns:
        iu = [
            _amount_cell(v, f"{name}, line {line_of[i]}, column vitamin_d_iu")
            for i, v in enumerate(raw["vitamin_d_iu"])
        ]
        from_iu = np.array(iu) * _IU_TO_UG
        out["vitamin_d_ug"] = np.where(np.isnan(out["vitamin_d_ug"]), from_iu, out["vitamin_d_ug"])
    for column in raw.columns:
        if column not in out.columns and column != "vitamin_d_iu":
            out[column] = raw[column].to_numpy()
    return out.reset_index(drop=True)


@lru_cache(maxsize=1)
def bundled_products() -> tuple[tuple[tuple[str, ...], str, dict[str, float]], ...]:
    """The bundled ``supplement_products.csv``, indexed by :func:`product_index`."""
    with dataset_path("supplement_products.csv").open("rb") as fh:
        table = read_supplement_table(
            pd.read_csv(fh, dtype=str, keep_default_na=False), name="supplement_products.csv"
        )
    return product_index(table)


def product_index(
    table: pd.DataFrame,
) -> tuple[tuple[tuple[str, ...], str, dict[str, float]], ...]:
    """(words, product, amounts per unit), longest product name first."""
    rows = [
        (_words(product), str(product), {c: float(table[c].iloc[i]) for c in SUPPLEMENT_NUTRIENTS})
        for i, product in enumerate(table["product"])
    ]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def product_in(
    text: str, products: tuple[tuple[tuple[str, ...], str, dict[str, float]], ...]
) -> tuple[str, dict[str, float]] | None:
    """The product whose every word is in the text, side by side in any order
    (``extra strength tums`` is Tums Extra Strength), longest name first."""
    words = _words(text)
    for product_words, product, amounts in products:
        n = len(product_words)
        if n and any(
            sorted(words[i : i + n]) == sorted(product_words) for i in range(len(words) - n + 1)
        ):
            return product, amounts
    return None
