"""The portion a suggestion offers: which household measure, its weight, a child's share.

A curated food uses the measure the explanations file names for it; any other food
the household measure closest to its FNDDS "Quantity not specified" weight, else
the first of its portions in ``oz``, ``medium``, ``large``, ``cup``, else an "NLEA
serving", else its first portion (the rules are the package docstring's "Which
portion"). The answers are kept on :attr:`nutrilog.foods.FoodTable.usual_portions`.

Examples
--------
>>> scaled_label("1 cup (8 fl oz)", 0.5)
'1/2 cup'
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = ["portions_for", "pick_usual_portions", "scale", "scaled_label", "share_words"]

_UNIT_PREFERENCE = ("oz", "medium", "large", "cup")
_TYPICAL = "Quantity not specified"


def portions_for(foods: FoodTable, keys: list[tuple[str, object]]) -> list[tuple[str, float]]:
    """(label, grams) of the portion offered for each (food id, preferred measure or None).

    Foods without a preference are picked together (:func:`pick_usual_portions`); every
    answer is kept on ``foods.usual_portions`` so each is picked once per table.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> portions_for(load_foods(), [("sr28:12014", "1 oz")])
    [('1 oz', 28.35)]
    """
    shared = foods.usual_portions
    # no preference is None, or NaN in a frame's string column: one key, (id, None)
    keys = [(fid, prefer if isinstance(prefer, str) and prefer else None) for fid, prefer in keys]
    plain = list(dict.fromkeys(fid for fid, prefer in keys if prefer is None))
    plain = [fid for fid in plain if (fid, None) not in shared]
    if plain:
        shared.update(
            ((fid, None), pick) for fid, pick in pick_usual_portions(foods, plain).items()
        )
    for key in keys:
        if key not in shared:
            shared[key] = _pick_portion(foods, *key)
    return [shared[key] for key in keys]


def pick_usual_portions(foods: FoodTable, ids: list[str]) -> dict[str, tuple[str, float]]:
    """The usual portion of each food (no preferred measure), all in one pass.

    One pass over the portion table: among the household measures the portion rules
    use (:func:`nutrilog.portions.usable_portions`), the portion closest to the FNDDS
    "Quantity not specified" weight where there is one, else the first of
    :data:`_UNIT_PREFERENCE`, else an NLEA serving, else the first portion listed.
    """
    from nutrilog.portions import usable_portions

    table = foods.portion_table
    sub = table[table["id"].isin(ids) & table["grams"].notna() & (table["grams"] > 0)]
    typical = sub["description"].eq(_TYPICAL)
    usual = sub[typical].groupby("id")["grams"].first()
    rest = usable_portions(sub).copy()
    rest["_dist"] = (rest["grams"] - rest["id"].map(usual)).abs()
    rank = {u: i for i, u in enumerate(_UNIT_PREFERENCE)}
    rest["_unit"] = rest["unit"].map(rank).fillna(len(rank))
    rest["_nlea"] = ~rest["description"].astype(str).str.startswith("NLEA serving")
    rest["_pos"] = rest.groupby("id").cumcount()
    rest = rest.sort_values(
        ["id", "_dist", "_unit", "_nlea", "_pos"], na_position="last", kind="stable"
    )
    first = rest.groupby("id", sort=False).head(1)
    picks = {
        fid: (f"{_amount_text(a)} {d}", float(g))
        for fid, a, d, g in zip(
            first["id"], first["amount"], first["description"], first["grams"], strict=True
        )
    }
    for fid in ids:
        if fid not in picks:
            grams = usual.get(fid)
            picks[fid] = ("100 g", 100.0) if grams is None else (f"{grams:g} g", float(grams))
    return picks


def _pick_portion(foods: FoodTable, food_id: str, prefer: str) -> tuple[str, float]:
    """The first household measure whose description or label starts with ``prefer``;
    else the usual portion of :func:`pick_usual_portions`."""
    from nutrilog.portions import usable_portions

    table = usable_portions(foods.portions(food_id))
    for amount, description, grams in zip(
        table["amount"], table["description"], table["grams"], strict=True
    ):
        label = f"{_amount_text(amount)} {description}"
        if description.startswith(prefer) or label.startswith(prefer):
            return label, float(grams)
    return pick_usual_portions(foods, [food_id])[food_id]


def scale(picked: pd.DataFrame, factor: float) -> pd.DataFrame:
    """A child's share of each portion (unchanged for adults)."""
    if factor >= 1 or picked.empty:
        return picked
    return picked.assign(
        portion=[scaled_label(label, factor) for label in picked["portion"]],
        grams=picked["grams"] * factor,
        amount=picked["amount"] * factor,
        covers=picked["covers"] * factor,
        _kcal=picked["_kcal"] * factor,
    )


_LEADING_AMOUNT = re.compile(r"^(\d+ \d+/\d+|\d+/\d+|\d+(?:\.\d+)?)\s+(.*)$")


def scaled_label(label: str, factor: float) -> str:
    """A portion label for a share of it: ``"1 cup"`` x 0.5 -> ``"1/2 cup"``, ``"1/2 cup"``
    x 0.5 -> ``"1/4 cup"``; a label without a leading amount -> ``"half of <label>"``.
    Bracketed details (``"(8 fl oz)"``) describe the whole portion and are dropped.

    Examples
    --------
    >>> scaled_label("3 oz", 0.5), scaled_label("1/2 cup", 0.5), scaled_label("100 g", 0.75)
    ('1 1/2 oz', '1/4 cup', '75 g')
    >>> scaled_label("NLEA serving", 0.5)
    'half of NLEA serving'
    """
    label = re.sub(r"\s*\([^)]*\)", "", label)  # "(8 fl oz)" no longer holds
    match = _LEADING_AMOUNT.match(label)
    if not match:
        return f"{share_words(factor)} {label}"
    amount = sum(Fraction(part) for part in match.group(1).split())
    return f"{_amount_text(float(amount * Fraction(factor).limit_denominator(8)))} {match.group(2)}"


def share_words(factor: float) -> str:
    return {0.25: "a quarter of", 0.5: "half of", 0.75: "three quarters of"}.get(
        factor, f"{factor:g} of"
    )


def _amount_text(amount: float) -> str:
    frac = Fraction(float(amount)).limit_denominator(8)
    if abs(float(frac) - amount) > 1e-6:
        return f"{amount:g}"
    whole, rest = divmod(frac, 1)
    if rest == 0:
        return str(whole)
    return f"{rest}" if whole == 0 else f"{whole} {rest}"
