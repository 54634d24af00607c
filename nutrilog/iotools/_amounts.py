"""Amounts of a reader's rows: from free text, or from quantity and unit columns.

A quantity column and a unit column (or an amount written in one cell, ``150 g``)
become ``quantity``, ``unit``, ``unit_kind`` and ``amount_note``; an unknown unit
or a number that cannot be read is a rejection naming the cell.

Examples
--------
>>> rej = Rejections(pd.RangeIndex(1))
>>> amounts_from_text(pd.Series(["2 medium bananas"]), rej)[["food", "quantity", "unit"]].values.tolist()
[['bananas', 2.0, 'medium']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrilog._vector import coded, codes_of
from nutrilog.iotools._cells import filled, join_notes, to_number
from nutrilog.iotools._rejections import Rejections
from nutrilog.units import normalize_unit

_UNITS_HINT = "g, ml, cup, tbsp, tsp, oz, slice, medium (see datasets/units.csv)"


def amounts_from_text(texts: pd.Series, rej: Rejections) -> pd.DataFrame:
    """Parse free-text lines; reject negative amounts and lines without food words."""
    from nutrilog.quantity import parse_amounts

    parsed = parse_amounts(texts)
    rej.add(
        parsed["quantity"] < 0,
        "negative amount: expected an amount of 0 or more, found",
        cells=texts,
    )
    no_food = parsed["food"].fillna("").str.strip() == ""
    rej.add(
        no_food & (texts.str.strip() == ""),
        "missing food text: expected food words, found an empty entry",
    )
    rej.add(no_food, "missing food text: expected food words, found only an amount in", cells=texts)
    return parsed


def _unit_columns(units: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Canonical unit keys and kinds of unit cells, as categoricals (missing when unknown)."""
    codes, uniques = codes_of(units)
    known = [normalize_unit(str(u)) if u not in ("", None) else None for u in uniques]
    names = np.array([None if k is None else k.unit for k in known], dtype=object)
    kinds = np.array([None if k is None else k.kind for k in known], dtype=object)
    return coded(codes, names, units.index), coded(codes, kinds, units.index)


def _only(values: pd.Series, rows: np.ndarray) -> pd.Series:
    """A categorical with its values kept on ``rows`` and missing elsewhere."""
    codes = values.cat.codes.to_numpy().copy()
    codes[~rows] = -1
    return pd.Series(
        pd.Categorical.from_codes(codes, dtype=values.dtype), index=values.index, name=values.name
    )


def _no_notes(index: pd.Index) -> pd.Series:
    """A note column with no note: a categorical of missing values, as the log keeps it
    (no Python object per row to write, nor to hash when the log is finished)."""
    codes = np.full(len(index), -1, dtype=np.int8)
    notes = pd.Categorical.from_codes(codes, categories=pd.Index([], dtype=object))
    return pd.Series(notes, index=index, copy=False)


def amounts_from_columns(
    food: pd.Series,
    amount: pd.Series,
    unit: pd.Series,
    grams: pd.Series,
    rej: Rejections,
    *,
    decimal_comma: bool = False,
    names: dict[str, str] | None = None,
    by_id: np.ndarray | None = None,
) -> pd.DataFrame:
    """Amounts from separate food / amount / unit / grams cells (all strings).

    ``by_id`` marks rows whose food is named by a food id alone (a code-only
    research log): they need no food text, and their amount must be in the
    amount or grams column (a food id is never read as an amount).

    * a number in ``amount`` with a known unit (or none: a count);
    * text in ``amount`` and no ``unit`` (``"1 cup"``): parsed with the quantity parser;
    * no ``amount``: the food text itself is parsed (``"1 cup spinach"``);
    * a ``grams`` value wins (unit ``g``) and the other amount goes to the note.

    Rejected: missing food text, non-numeric or negative amounts or grams, and a
    unit not in the alias table. Every step works per distinct cell; the usual
    case (a number and a known unit) keeps the columns categorical.
    """
    names = names or {}
    has_a, has_u, has_g, has_f = (filled(c) for c in (amount, unit, grams, food))
    if by_id is not None and by_id.any():
        rej.add(
            by_id & ~has_a & ~has_g,
            f"missing amount: expected grams (column {names.get('grams', 'grams')!r}) or an "
            "amount for a food named by its id, found empty cells",
        )
        has_f = has_f & ~by_id
    else:
        by_id = np.zeros(len(food), dtype=bool)
    if "food" not in names and "food_id" in names:  # a log of food codes alone
        missing = (
            f"missing food: expected a food id in column {names['food_id']!r}, found an empty cell"
        )
    else:
        missing = f"missing food text: expected a food in column {names.get('food', 'food')!r}, found an empty cell"
    rej.add(~has_f & ~by_id, missing)
    q_a = to_number(amount, decimal_comma=decimal_comma).to_numpy(dtype="float64")
    num_a = has_a & ~np.isnan(q_a)
    unit_key, unit_kind = _unit_columns(unit)
    unknown = has_u & unit_key.isna().to_numpy()
    rej.add(
        unknown & ~has_g,
        f"unknown unit: expected one of {_UNITS_HINT}, found",
        cells=unit,
    )
    rej.add(
        has_a & ~num_a & has_u,
        f"non-numeric amount: expected a number in column {names.get('amount', 'amount')!r}, found",
        cells=amount,
    )
    with_unit = num_a & has_u
    out = pd.DataFrame(
        {
            "food": food,
            "quantity": np.where(num_a, q_a, np.nan),
            "unit": _only(unit_key, with_unit),
            "unit_kind": _only(unit_kind, with_unit),
            "amount_note": _no_notes(food.index),
        },
        index=food.index,
        copy=False,  # the columns made here, and categoricals shared copy-on-write
    )
    q_g = to_number(grams, decimal_comma=decimal_comma).to_numpy(dtype="float64")
    rej.add(
        has_g & np.isnan(q_g),
        f"non-numeric grams: expected a number in column {names.get('grams', 'grams')!r}, found",
        cells=grams,
    )
    rej.add(has_g & (q_g < 0), "negative amount: expected grams of 0 or more, found", cells=grams)
    text_a = has_a & ~num_a & ~has_u
    from_food = ~has_a & ~has_g & has_f
    use_g = has_g & ~np.isnan(q_g)
    if text_a.any() or from_food.any() or use_g.any():
        out = _written_amounts(
            out, food, amount, unit, rej, unit_key, unit_kind, q_g,
            text_a=text_a, from_food=from_food, use_g=use_g, has_u=has_u, unknown=unknown,
        )  # fmt: skip
    rej.add(
        out["quantity"].to_numpy() < 0,
        "negative amount: expected an amount of 0 or more, found",
        cells=amount,
    )
    return out


def _written_amounts(
    out: pd.DataFrame,
    food: pd.Series,
    amount: pd.Series,
    unit: pd.Series,
    rej: Rejections,
    unit_key: pd.Series,
    unit_kind: pd.Series,
    q_g: np.ndarray,
    *,
    text_a: np.ndarray,
    from_food: np.ndarray,
    use_g: np.ndarray,
    has_u: np.ndarray,
    unknown: np.ndarray,
) -> pd.DataFrame:
    """The less usual amounts: text in the amount cell, the amount inside the food
    text, and a grams column; these rows are parsed one distinct text at a time."""
    from nutrilog.quantity import AMOUNT_COLUMNS, parse_amounts  # the parser, for these rows

    out = out.copy()
    for col in ("food", "unit", "unit_kind", "amount_note"):
        values = out[col].astype(object)
        out[col] = values.where(values.notna(), None)
    index = out.index
    if text_a.any():
        rows = pd.Series(text_a, index=index)
        parsed = parse_amounts(amount[rows].astype(object))
        no_number = (
            parsed["amount_note"].fillna("").str.contains("implicit one") & parsed["unit"].isna()
        )
        rej.add(
            no_number.reindex(index, fill_value=False),
            "non-numeric amount: expected a number such as 1.5 or an amount such as '1 cup', found",
            cells=amount,
        )
        out.loc[rows, ["quantity", "unit", "unit_kind"]] = parsed[
            ["quantity", "unit", "unit_kind"]
        ].to_numpy()
        extra = parsed["food"].where(parsed["food"] != "", None)
        out.loc[rows, "amount_note"] = join_notes(parsed["amount_note"], extra)
    if from_food.any():
        rows = pd.Series(from_food, index=index)
        parsed = parse_amounts(food[rows].astype(object))
        out.loc[rows, AMOUNT_COLUMNS] = parsed[AMOUNT_COLUMNS].to_numpy()
        take_unit = rows & pd.Series(has_u & ~unknown, index=index) & out["unit"].isna()
        if take_unit.any():
            out.loc[take_unit, "unit"] = unit_key[take_unit].astype(object).to_numpy()
            out.loc[take_unit, "unit_kind"] = unit_kind[take_unit].astype(object).to_numpy()
        rej.add(
            rows & (out["food"].fillna("") == ""),
            "missing food text: expected food words, found only an amount in",
            cells=food,
        )
    if use_g.any():
        rows = pd.Series(use_g, index=index)
        also = use_g & (filled(amount) | has_u)  # an amount written besides the grams: noted
        if also.any():
            picked = pd.Series(also, index=index)
            before = (amount[picked].astype(object) + " " + unit[picked].astype(object)).str.strip()
            note = ("logged as " + before).where(before != "", None)
            out.loc[picked, "amount_note"] = join_notes(out.loc[picked, "amount_note"], note)
        out.loc[rows, "quantity"] = q_g[use_g]
        out.loc[rows, ["unit", "unit_kind"]] = ["g", "mass"]
    out["quantity"] = pd.to_numeric(out["quantity"], errors="coerce").astype("float64")
    return out
