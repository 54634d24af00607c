"""Foods that close a nutrient gap, in a usual household portion.

:func:`suggest_foods` takes the average shortfall of each nutrient and offers, for
each, a few concrete foods from the food table with the amount one ordinary
portion provides and the share of the gap it covers.

Which foods
-----------
The candidates for a nutrient are the curated ``suggestion_foods`` of the
explanations file (foods the two articles name, mapped to USDA SR28 ids, plus a
few rich, ordinary sources) and every food the person already eats
(``eaten_ids``). A candidate is kept when one portion covers at least
``min_cover`` of the gap and does not break a limit (see below). The kept foods
are ranked by the share of the gap one portion covers, capped at the whole gap,
times :data:`EATEN_WEIGHT` (1.5) for a food already eaten and
:data:`ARTICLE_WEIGHT` (1.25) for a food the articles name; ties go to the larger
uncapped share, then to the curated order. So a food already eaten comes first
when it covers at least two thirds of what the best other food covers.

Which portion
-------------
A curated food uses the measure the explanations file names for it (``portion``:
the first of the food's portions whose description, or ``"<amount> <description>"``
label, starts with that text): 1 oz for nuts, seeds, cheese and chocolate, 3 oz
for fish and meat, 1 cup for milk, yogurt, juice, cooked greens and beans, 1 medium
for fruit and vegetables, 1 large egg. Any other food: when it has an FNDDS
"Quantity not specified" portion (the amount typically eaten in one go), the
household measure whose weight is closest to it (a medium drumstick, 1 oz of
almonds, 1 cup of smoothie); otherwise the first of its portions whose unit is,
in this order, ``oz``, ``medium``, ``large``, ``cup``; then an "NLEA serving";
then its first listed portion. A food with no other portion is shown per typical
amount, or per 100 g. Portions weighing 0 g are never used.

Limits
------
``limits`` maps a nutrient column to an upper limit (the sodium CDRR, a UL that
applies to food) and ``current`` to the person's mean daily intake. A food is
skipped when its portion would take an intake that is within a limit above it
(``current + amount > limit``). When the mean is already above the limit, a food
is skipped if its portion adds more than ``over_limit_allowance`` × limit (5 %
by default: 115 mg of sodium against 2,300 mg), so that a salty snack is never
suggested while a cup of spinach still is. Missing ``current`` values count as 0;
a food whose value for a limited nutrient is unknown (NaN) is not held back by
that limit. Pass only limits that apply to food: the magnesium UL covers
supplements alone.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> table = suggest_foods({"magnesium_mg": 90.0}, load_foods(), per_nutrient=1)
>>> table.loc[0, "food_id"], table.loc[0, "portion"], float(table.loc[0, "grams"])
('sr28:12014', '1 oz', 28.35)
>>> print(table.loc[0, "text"])
pumpkin seeds, 1 oz (28 g) ≈ 168 mg magnesium: covers your average gap of 90 mg
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from nutrilog.explanations import Explanations, load_explanations
from nutrilog.nutrients import NUTRIENT_COLUMNS, NUTRIENTS

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = ["SUGGESTION_COLUMNS", "suggest_foods"]

#: Columns of the frame :func:`suggest_foods` returns.
SUGGESTION_COLUMNS: list[str] = [
    "nutrient",
    "food_id",
    "description",
    "name",
    "portion",
    "grams",
    "amount",
    "gap",
    "covers",
    "eaten",
    "article_food",
    "text",
]

#: Ranking weight of a food the person already eats.
EATEN_WEIGHT = 1.5
#: Ranking weight of a food the articles name for the nutrient.
ARTICLE_WEIGHT = 1.25

_UNIT_PREFERENCE = ("oz", "medium", "large", "cup")
_TYPICAL = "Quantity not specified"
_UNIT_SHOWN = {"ug": "µg"}


def suggest_foods(
    gaps: Mapping[str, float],
    foods: FoodTable,
    *,
    eaten_ids: Iterable[str] = (),
    limits: Mapping[str, float] | None = None,
    current: Mapping[str, float] | None = None,
    per_nutrient: int = 3,
    min_cover: float = 0.25,
    over_limit_allowance: float = 0.05,
    explanations: Explanations | None = None,
) -> pd.DataFrame:
    """Suggest foods whose usual portion closes (part of) each nutrient gap.

    Parameters
    ----------
    gaps : mapping of str to float
        Nutrient column (``magnesium_mg``...) -> average daily shortfall, in the
        column's unit. Gaps that are not positive (or NaN) are ignored.
    foods : FoodTable
        The food table (:func:`nutrilog.foods.load_foods`).
    eaten_ids : iterable of str, optional
        Ids of foods the person already eats; they are candidates for every gap
        and come first. Ids missing from ``foods`` are ignored.
    limits : mapping of str to float, optional
        Nutrient column -> upper limit (e.g. ``{"sodium_mg": 2300}``).
    current : mapping of str to float, optional
        Nutrient column -> the person's mean daily intake.
    per_nutrient : int, default 3
        Most suggestions per nutrient.
    min_cover : float, default 0.25
        Smallest share of the gap one portion must cover.
    over_limit_allowance : float, default 0.05
        Share of a limit a portion may add when the intake is already above it.
    explanations : Explanations, optional
        Source of the curated foods; the bundled file by default.

    Returns
    -------
    pandas.DataFrame
        One row per suggestion, columns :data:`SUGGESTION_COLUMNS`: ``nutrient``
        (column name), ``food_id``, ``description`` (as in the table), ``name``
        (short name), ``portion`` (e.g. ``"1 oz"``), ``grams``, ``amount``
        (nutrient in the portion), ``gap``, ``covers`` (amount / gap, may exceed
        1), ``eaten``, ``article_food`` (named by an article) and ``text``.

    Raises
    ------
    ValueError
        If a key of ``gaps``, ``limits`` or ``current`` is not a nutrient column,
        or ``per_nutrient`` is not positive.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> out = suggest_foods({"calcium_mg": 300.0}, load_foods(), per_nutrient=2)
    >>> out["food_id"].tolist()
    ['sr28:16426', 'sr28:01117']
    """
    for name, mapping in (("gaps", gaps), ("limits", limits or {}), ("current", current or {})):
        _check_columns(name, mapping)
    if per_nutrient < 1:
        raise ValueError(f"per_nutrient must be at least 1, got {per_nutrient}")
    ex = explanations if explanations is not None else load_explanations()
    eaten = [i for i in dict.fromkeys(eaten_ids) if i in foods]
    frames = []
    portions: dict[tuple[str, object], tuple[str, float]] = {}
    for column, gap in gaps.items():
        if pd.isna(gap) or gap <= 0:
            continue
        candidates = _candidates(column, ex, foods, eaten)
        if candidates.empty:
            continue
        picked = _evaluate(candidates, column, float(gap), foods, portions)
        picked = picked[picked["covers"] >= min_cover]
        picked = picked[
            ~_breaks_limit(picked, foods, limits or {}, current or {}, over_limit_allowance)
        ]
        picked = picked.assign(_score=_score(picked)).sort_values(
            ["_score", "covers", "order"], ascending=[False, False, True], kind="stable"
        )
        frames.append(picked.head(per_nutrient))
    if not frames:
        return _empty()
    out = pd.concat(frames, ignore_index=True)
    columns = ["nutrient", "name", "portion", "grams", "amount", "gap"]
    out["text"] = [_text(*values) for values in out[columns].itertuples(index=False, name=None)]
    return out[SUGGESTION_COLUMNS].reset_index(drop=True)


def _check_columns(name: str, mapping: Mapping[str, float]) -> None:
    unknown = sorted(set(mapping) - set(NUTRIENT_COLUMNS))
    if unknown:
        raise ValueError(
            f"{name}: unknown nutrient column(s) {unknown}; expected some of {NUTRIENT_COLUMNS}"
        )


def _candidates(column: str, ex: Explanations, foods: FoodTable, eaten: list[str]) -> pd.DataFrame:
    curated = [s for s in ex.suggestions(column) if s.id in foods]
    rows = [
        {"food_id": s.id, "name": s.name, "prefer": s.portion, "article_food": bool(s.named_in)}
        for s in curated
    ]
    seen = {s.id for s in curated}
    rows += [
        {"food_id": i, "name": None, "prefer": None, "article_food": False}
        for i in eaten
        if i not in seen
    ]
    frame = pd.DataFrame(rows, columns=["food_id", "name", "prefer", "article_food"])
    frame["eaten"] = frame["food_id"].isin(eaten)
    frame["order"] = np.arange(len(frame))
    return frame


def _evaluate(
    candidates: pd.DataFrame,
    column: str,
    gap: float,
    foods: FoodTable,
    cache: dict[tuple[str, object], tuple[str, float]],
) -> pd.DataFrame:
    keys = list(zip(candidates["food_id"], candidates["prefer"], strict=True))
    shared = _PORTION_CACHE.setdefault(foods, {})
    plain = [k for k in keys if not (isinstance(k[1], str) and k[1]) and k not in shared]
    if plain:
        shared.update(
            ((fid, None), pick)
            for fid, pick in _pick_usual_portions(foods, [f for f, _ in plain]).items()
        )
    for key in keys:
        if isinstance(key[1], str) and key[1]:
            if key not in cache:
                cache[key] = shared.get(key) or _pick_portion(foods, *key)
                shared[key] = cache[key]
        else:
            cache[key] = shared[(key[0], None)]
    chosen = [cache[key] for key in keys]
    out = candidates.copy()
    out["nutrient"] = column
    out["portion"] = [label for label, _ in chosen]
    out["grams"] = [grams for _, grams in chosen]
    out["description"] = foods.foods["description"].reindex(out["food_id"]).to_numpy()
    out["name"] = out["name"].fillna(out["description"])
    per_100g = foods.nutrients[column].reindex(out["food_id"]).to_numpy(dtype="float64")
    out["amount"] = per_100g * out["grams"].to_numpy(dtype="float64") / 100.0
    out["gap"] = gap
    out["covers"] = out["amount"] / gap
    return out[out["amount"].notna() & (out["amount"] > 0)]


def _score(picked: pd.DataFrame) -> pd.Series:
    weight = np.where(picked["eaten"], EATEN_WEIGHT, 1.0) * np.where(
        picked["article_food"], ARTICLE_WEIGHT, 1.0
    )
    return picked["covers"].clip(upper=1.0) * weight


def _breaks_limit(
    picked: pd.DataFrame,
    foods: FoodTable,
    limits: Mapping[str, float],
    current: Mapping[str, float],
    allowance: float,
) -> pd.Series:
    breaks = pd.Series(False, index=picked.index)
    for column, limit in limits.items():
        if pd.isna(limit):
            continue
        per_100g = foods.nutrients[column].reindex(picked["food_id"]).to_numpy(dtype="float64")
        added = np.nan_to_num(per_100g * picked["grams"].to_numpy(dtype="float64") / 100.0, nan=0.0)
        now = current.get(column, 0.0)
        now = 0.0 if pd.isna(now) else float(now)
        if now > limit:
            breaks |= added > allowance * limit
        else:
            breaks |= now + added > limit
    return breaks


#: Portion picks per food table, kept for the table's lifetime: (food id, preferred
#: measure) -> (label, grams). Suggestions for many people reuse them.
_PORTION_CACHE: weakref.WeakKeyDictionary[
    FoodTable, dict[tuple[str, object], tuple[str, float]]
] = weakref.WeakKeyDictionary()


def _pick_usual_portions(foods: FoodTable, ids: list[str]) -> dict[str, tuple[str, float]]:
    """Usual portion of many foods at once, by the rules of :func:`_pick_portion` with no preference.

    One pass over the portion table: the portion closest to the FNDDS "Quantity
    not specified" weight where there is one, else the first of
    :data:`_UNIT_PREFERENCE`, else an NLEA serving, else the first portion listed.
    """
    table = foods.portion_table
    sub = table[table["id"].isin(ids) & table["grams"].notna() & (table["grams"] > 0)]
    typical = sub["description"].eq(_TYPICAL)
    usual = sub[typical].groupby("id")["grams"].first()
    rest = sub[~typical].copy()
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


def _pick_portion(foods: FoodTable, food_id: str, prefer: object) -> tuple[str, float]:
    table = foods.portions(food_id)
    table = table[table["grams"].notna() & (table["grams"] > 0)].reset_index(drop=True)
    typical = table["description"] == _TYPICAL
    usual = table["grams"][typical].iloc[0] if typical.any() else None
    table = table[~typical].reset_index(drop=True)
    if table.empty:
        return ("100 g", 100.0) if usual is None else (f"{usual:g} g", float(usual))
    labels = [
        f"{_amount_text(a)} {d}" for a, d in zip(table["amount"], table["description"], strict=True)
    ]
    row = None
    if isinstance(prefer, str) and prefer:
        hits = [
            i
            for i, (d, label) in enumerate(zip(table["description"], labels, strict=True))
            if d.startswith(prefer) or label.startswith(prefer)
        ]
        row = hits[0] if hits else None
    if row is None and usual is not None:
        row = int((table["grams"] - usual).abs().to_numpy().argmin())
    if row is None:
        units = table["unit"].tolist()
        row = next((units.index(u) for u in _UNIT_PREFERENCE if u in units), None)
    if row is None:
        nlea = table["description"].str.startswith("NLEA serving").to_numpy()
        row = int(nlea.argmax()) if nlea.any() else 0
    return labels[row], float(table["grams"].iloc[row])


def _amount_text(amount: float) -> str:
    frac = Fraction(float(amount)).limit_denominator(8)
    if abs(float(frac) - amount) > 1e-6:
        return f"{amount:g}"
    whole, rest = divmod(frac, 1)
    if rest == 0:
        return str(whole)
    return f"{rest}" if whole == 0 else f"{whole} {rest}"


def _number(value: float) -> str:
    if value >= 10:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2g}"


def _text(column: str, name: str, portion: str, grams: float, amount: float, gap: float) -> str:
    unit = str(NUTRIENTS.at[column, "unit"])
    unit = _UNIT_SHOWN.get(unit, unit)
    label = str(NUTRIENTS.at[column, "label"])
    label = label[0].lower() + label[1:]
    short = re.sub(r"\s*\([^)]*\)", "", portion)
    gap_text = f"your average gap of {_number(gap)} {unit}"
    covers = amount / gap
    share = f"covers {gap_text}" if covers >= 1 else f"covers {covers:.0%} of {gap_text}"
    return f"{name}, {short} ({grams:.0f} g) ≈ {_number(amount)} {unit} {label}: {share}"


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in SUGGESTION_COLUMNS})
    for c in ("grams", "amount", "gap", "covers"):
        frame[c] = frame[c].astype("float64")
    for c in ("eaten", "article_food"):
        frame[c] = frame[c].astype("bool")
    return frame
