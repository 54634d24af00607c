"""Turn logged amounts into grams through pint and each food's own household portions.

:func:`resolve_grams` works on the unique (food, unit) pairs of a log: it finds the
grams of *one* unit once, then multiplies by every entry's quantity.

How each kind of unit is resolved
---------------------------------
mass (g, oz, lb...)
    pint (:func:`nutrilog.units.to_grams`); no food is needed. Portion ``"mass"``.
volume (cup, tbsp, tsp, fl oz, ml, l...)
    the food's own volume portions, never a global density. A portion in the same
    unit is used as is; otherwise the food's cup, then fl oz, tbsp, tsp (then any
    other volume) portion is scaled with pint's volume conversions (1 cup = 16 tbsp,
    1 fl oz = 29.57 ml...). Water and other drinks need no special case: they have
    their own fl oz / cup portions.
size (small, medium, large, extra large)
    the food's portion of that size. ``medium`` falls back to the bare-count portion
    below when the food has no medium one (USDA often weighs "1 fruit" as the
    typical size); small and large never fall back.
count (slice, piece, can, fillet, stalk, serving...)
    the food's portion whose unit (or first word) is that word; ``each`` takes the
    bare-count portion. ``glass`` and ``mug`` without a portion of their own are
    taken as 1 cup (8 fl oz).
bare count (no unit: ``2 eggs``, ``1 banana``)
    in this order: the food's ``medium`` portion; its ``each`` / whole / item
    portion; the first other countable portion (``fruit``, ``egg``, ``slice``,
    ``piece``, ``banana``, ``link``... -- anything that is not a volume, a mass, a
    small/large size or a package, serving or dimension measure); then its
    ``large`` portion.

Among several portions of the same unit (``cup, whole`` / ``cup, sliced``), a
modifier in the food text (``food_text=``: chopped, sliced, mashed...) picks its
portion; otherwise the first, in USDA order, that is ``NFS`` (FNDDS' generic
portion), ``medium``, the bare unit (``cup``), chopped/diced/cubes/pieces/sections,
whole, then sliced; else the first listed. Portions for part of an item or an odd
size (``slice, crust not eaten``, ``slice, snack-size``, ``miniature``) come last
unless the text names them; so does a ``packed`` cup (``cup, packed`` vs ``cup (not
packed)``): a cup as usually measured is not packed.

Where no weight can be found the entry keeps ``grams`` NaN (so its nutrients are
NaN later, never 0) and ``grams_note`` says why: ``"no cup weight for this food"``,
``"vague amount"``, ``"no food matched"``...

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.portions import resolve_grams
>>> out = resolve_grams([1, 2], ["medium", "oz"], ["size", "mass"], ["sr28:09040", None], load_foods())
>>> out["grams"].round(1).tolist()
[118.0, 56.7]
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._vector import per_unique_rows
from nutrilog.units import MASS_UNITS, VOLUME_UNITS, convert, to_grams

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = ["GRAMS_COLUMNS", "resolve_grams", "grams_per_unit"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Columns of the table :func:`resolve_grams` returns.
GRAMS_COLUMNS: list[str] = ["grams", "portion", "grams_note"]

_VOLUME_PREFERENCE = (
    "cup",
    "fl_oz",
    "tbsp",
    "tsp",
    "ml",
    "l",
    "pint",
    "quart",
    "gallon",
    "dl",
    "cl",
)
_SIZES = ("small", "medium", "large", "extra large")
_EACH_WORDS = frozenset({"each", "whole", "item", "unit", "individual", "regular"})
#: First words of portions that do not count one item.
_NOT_COUNTABLE = _words(
    """serving nlea package packet container jar box bag cubic linear inch inches pat
    quantity guideline oz lb small large extra jumbo recipe yield batch loaf pie cake
    portion bunch head"""
)
_CUP_LIKE = frozenset({"glass", "mug"})
#: Count words that stand in for each other when a food lacks one of them.
_COUNT_TWINS = {"slice": "piece", "piece": "slice", "bottle": "can", "can": "bottle"}
_EMBEDDED_VOLUME = r"(?i)\b(?P<num>\d+)(?:/(?P<den>\d+))?\s*(?P<unit>cups?|fl\.? ?oz|tbsp|tsp)\b"
_VOLUME_WORDS = {
    "cup": "cup",
    "cups": "cup",
    "fl_oz": "fl_oz",
    "floz": "fl_oz",
    "tbsp": "tbsp",
    "tsp": "tsp",
}
_PREFERRED_FORMS: tuple[frozenset[str] | None, ...] = (
    frozenset({"nfs"}),  # "not further specified": the generic portion
    frozenset({"medium"}),
    None,  # plain: the description is the unit alone ("cup")
    frozenset({"chopped", "diced", "cubes", "cubed", "pieces", "sections"}),
    frozenset({"whole"}),
    frozenset({"sliced", "slices"}),
)
#: Portion words for part of an item or an unusual size: chosen only when the text names them.
_ODD_FORMS = _words("eaten snack mini miniature bite kids")
_MODIFIERS = _words(
    """chopped sliced diced shredded grated mashed pureed cubed whole halves pieces packed
    crumbled cooked raw ground slivered sections florets cherry grape packed"""
)


class _Portion(NamedTuple):
    grams: float  # grams of one unit
    portion: str
    note: str


_UNKNOWN = _Portion(np.nan, "", "")


def _first_word(description: str) -> str:
    words = re.split(r"[\s,(;/]+", description.strip().lower(), maxsplit=1)
    return words[0] if words else ""


def _embedded_volume(portions: pd.DataFrame) -> pd.DataFrame:
    """Rows like "serving 1/2 cup" or "serving 8 fl oz" as volume portions of that size."""
    found = portions["description"].str.extract(_EMBEDDED_VOLUME)
    rows = portions[found["unit"].notna() & ~portions["unit"].isin(list(VOLUME_UNITS))].copy()
    if rows.empty:
        return rows
    found = found.loc[rows.index]
    size = found["num"].astype(float) / found["den"].fillna("1").astype(float)
    rows["amount"] = rows["amount"] * size
    rows["unit"] = found["unit"].str.lower().str.replace(r"\W+", "_", regex=True).map(_VOLUME_WORDS)
    return rows


def _usable(portions: pd.DataFrame) -> pd.DataFrame:
    desc = portions["description"].astype(str)
    keep = (
        (portions["grams"] > 0)
        & (portions["amount"] > 0)
        & ~desc.str.match(r"(?i)\s*(quantity not specified|guideline amount)")
    )
    out = portions[keep].copy()
    out["unit"] = out["unit"].fillna("").astype(str)
    out = pd.concat([out, _embedded_volume(out)], ignore_index=True)
    out["word"] = out["description"].astype(str).map(_first_word)
    out["per_one"] = out["grams"] / out["amount"]
    return out


def _typical(portions: pd.DataFrame) -> pd.Series:
    """FNDDS' "Quantity not specified" weight (grams of one typical amount) by food id."""
    desc = portions["description"].astype(str).str.strip().str.lower()
    rows = portions[(desc == "quantity not specified") & (portions["grams"] > 0)]
    per_one = rows["grams"].where(rows["amount"] <= 0, rows["grams"] / rows["amount"])
    return per_one.groupby(rows["id"], sort=False).first()


#: Per food table: its usable portions (all foods, grouped by id), the row
#: positions of each food, and the typical weights. Built once, on first use.
_PREPARED: weakref.WeakKeyDictionary[
    FoodTable, tuple[pd.DataFrame, dict[str, np.ndarray], pd.Series]
] = weakref.WeakKeyDictionary()


def _prepared(foods: FoodTable) -> tuple[pd.DataFrame, dict[str, np.ndarray], pd.Series]:
    cached = _PREPARED.get(foods)
    if cached is None:
        table = foods.portion_table[["id", "description", "amount", "unit", "grams"]]
        usable = _usable(table).sort_values("id", kind="stable", ignore_index=True)
        positions = dict(usable.groupby("id", sort=False).indices)
        cached = (usable.drop(columns="id"), positions, _typical(table))
        _PREPARED[foods] = cached
    return cached


def _label(row: pd.Series) -> str:
    return f"{row['amount']:g} {row['description']}"


def _odd(words: list[str]) -> bool:
    """A portion for part of an item, an unusual size, or a packed cup."""
    ws = set(words)
    return bool(_ODD_FORMS & ws) or ("packed" in ws and not ws & {"not", "loosely", "unpacked"})


def _pick(rows: pd.DataFrame, modifiers: frozenset[str]) -> pd.Series:
    """Choose among portions of the same unit.

    A modifier the text names (``chopped``, ``sliced``...) wins; otherwise the first
    portion (in USDA order) that is ``NFS`` (FNDDS' generic one), ``medium``, then plain (just the unit), then
    chopped / diced / cubes / pieces / sections, then whole, then sliced; else the first.
    """
    if len(rows) == 1:
        return rows.iloc[0]
    words = rows["description"].str.lower().str.findall(r"[a-z]+")
    if modifiers:
        named = words.map(lambda ws: bool(modifiers & set(ws)))
        if named.any():
            return rows[named].iloc[0]
    usual = ~words.map(_odd)
    if usual.any():
        rows, words = rows[usual], words[usual]
    for preferred in _PREFERRED_FORMS:
        hit = words.map(lambda ws, p=preferred: (len(ws) == 1) if p is None else bool(p & set(ws)))
        if hit.any():
            return rows[hit].iloc[0]
    return rows.iloc[0]


def _count_default(p: pd.DataFrame, modifiers: frozenset[str]) -> pd.Series | None:
    for mask in (
        p["unit"] == "medium",
        (p["unit"] == "each") | p["word"].isin(_EACH_WORDS),
        (
            p["unit"].isin(
                [
                    "",
                    "piece",
                    "slice",
                    "each",
                    "bar",
                    "stick",
                    "fillet",
                    "breast",
                    "steak",
                    "leaf",
                    "stalk",
                    "clove",
                    "wedge",
                    "square",
                    "scoop",
                    "can",
                    "bottle",
                ]
            )
            & ~p["word"].isin(_NOT_COUNTABLE)
            & ~p["unit"].isin(list(VOLUME_UNITS) + list(MASS_UNITS))
        ),
        p["unit"] == "large",
    ):
        if mask.any():
            return _pick(p[mask], modifiers)
    return None


def _names(p: pd.DataFrame, word: str) -> pd.Series:
    """True for portions whose text has ``word`` (plural too) and which are not volumes."""
    named = p["description"].str.lower().str.contains(rf"\b{re.escape(word)}s?\b", regex=True)
    return named & ~p["unit"].isin(list(VOLUME_UNITS))


def _count_row(p: pd.DataFrame, unit: str, modifiers: frozenset[str]) -> pd.Series | None:
    rows = p[(p["unit"] == unit) | (p["word"] == unit) | _names(p, unit)]
    return _pick(rows, modifiers) if not rows.empty else None


def _serving(p: pd.DataFrame, typical: float, modifiers: frozenset[str]) -> _Portion:
    """One serving: a serving / NLEA serving portion, the typical amount, then one item."""
    desc = p["description"].str.lower()
    rows = p[(p["unit"] == "serving") | p["word"].isin(["serving", "nlea"])]
    if rows.empty:
        rows = p[desc.str.contains(r"\bserving\b", regex=True) & (p["amount"] > 0)]
    if not rows.empty:
        row = _pick(rows, modifiers)
        return _Portion(float(row["grams"]), f"{_label(row)} (1 serving)", "")
    if typical > 0:
        return _Portion(typical, "Quantity not specified (typical serving)", "")
    row = _count_default(p[p["amount"] == 1], modifiers)
    if row is not None:
        return _Portion(float(row["per_one"]), f"{_label(row)} (taken as 1 serving)", "")
    return _Portion(np.nan, "", "no serving weight for this food")


def _volume(p: pd.DataFrame, unit: str, modifiers: frozenset[str]) -> _Portion:
    vol = p[p["unit"].isin(list(VOLUME_UNITS))]
    if vol.empty:
        return _Portion(np.nan, "", f"no {unit.replace('_', ' ')} weight for this food")
    same = vol[vol["unit"] == unit]
    if not same.empty:
        row = _pick(same, modifiers)
    else:
        order = {u: i for i, u in enumerate(_VOLUME_PREFERENCE)}
        ranked = vol.assign(_rank=vol["unit"].map(order).fillna(len(order))).sort_values(
            "_rank", kind="stable"
        )
        best = ranked[ranked["_rank"] == ranked["_rank"].iloc[0]]
        row = _pick(best, modifiers)
    grams = float(row["per_one"]) * convert(1.0, unit, str(row["unit"]))
    return _Portion(grams, _label(row), "")


def _for_food(
    p: pd.DataFrame, unit: str, kind: str, modifiers: frozenset[str], typical: float = np.nan
) -> _Portion:
    if kind == "volume":
        return _volume(p, unit, modifiers)
    if kind == "size":
        rows = p[p["unit"] == unit]
        if rows.empty:
            rows = p[_names(p, unit)]
        if rows.empty and unit == "medium":
            row = _count_default(p[p["amount"] == 1], modifiers)
            if row is not None:
                return _Portion(float(row["per_one"]), _label(row), "")
        if rows.empty:
            return _Portion(np.nan, "", f"no {unit} weight for this food")
        row = _pick(rows, modifiers)
        return _Portion(float(row["per_one"]), _label(row), "")
    if kind == "count" and unit == "serving":
        return _serving(p, typical, modifiers)
    if kind == "count":
        if unit == "each":
            row = _count_default(p, modifiers)
        else:
            row = _count_row(p, unit, modifiers)
            if row is None and unit in _COUNT_TWINS:
                row = _count_row(p, _COUNT_TWINS[unit], modifiers)
            if row is None and unit in _CUP_LIKE:
                vol = _volume(p, "cup", modifiers)
                if not np.isnan(vol.grams):
                    return _Portion(vol.grams, f"{vol.portion} ({unit} taken as 1 cup)", "")
        if row is None:
            return _Portion(np.nan, "", f"no {unit} weight for this food")
        return _Portion(float(row["per_one"]), _label(row), "")
    # bare count
    row = _count_default(p, modifiers)
    if row is None:
        return _Portion(np.nan, "", "no weight for a count of this food")
    return _Portion(float(row["per_one"]), _label(row), "")


def grams_per_unit(
    food_id: str | None,
    unit: str | None,
    unit_kind: str | None,
    foods: FoodTable,
    food_text: str = "",
) -> tuple[float, str, str]:
    """Return (grams of one ``unit`` of the food, portion used, note) for one pair.

    Parameters
    ----------
    food_id : str or None
        Food id, or None when the entry is unmatched (only mass units resolve then).
    unit, unit_kind : str or None
        Canonical unit key and kind (see :class:`nutrilog.units.UnitInfo`); both None
        for a bare count.
    foods : FoodTable
    food_text : str, optional
        The food words; a modifier in them (``chopped``, ``sliced``, ``mashed``...)
        picks the matching portion among several of the same unit.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> grams_per_unit("sr28:11457", "cup", "volume", load_foods())
    (30.0, '1 cup', '')
    """
    unit = unit if isinstance(unit, str) and unit else None
    kind = unit_kind if isinstance(unit_kind, str) and unit_kind else None
    if kind == "mass" or (kind is None and unit in MASS_UNITS):
        return to_grams(1.0, str(unit)), "mass", ""
    if kind == "vague":
        return np.nan, "", "vague amount"
    if kind == "activity":
        return np.nan, "", "activity units (IU) are not a food amount"
    if unit is not None and kind is None:
        kind = "volume" if unit in VOLUME_UNITS else None
        if kind is None:
            return np.nan, "", f"unknown unit {unit!r}"
    if not isinstance(food_id, str) or not food_id:
        return np.nan, "", "no food matched"
    if food_id not in foods:
        return np.nan, "", f"unknown food id {food_id!r}"
    usable, positions, typical = _prepared(foods)
    rows = positions.get(food_id)
    if rows is None:
        return np.nan, "", "no household portions for this food"
    portions = usable.iloc[rows].reset_index(drop=True)
    words = set(re.findall(r"[a-z]+", food_text.lower())) if isinstance(food_text, str) else set()
    found = _for_food(
        portions,
        unit or "",
        kind or "bare",
        frozenset(words & _MODIFIERS),
        float(typical.get(food_id, np.nan)),
    )
    return found.grams, found.portion, found.note


def _as_series(values: pd.Series | Iterable[object] | object, index: pd.Index) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.reindex(index) if not values.index.equals(index) else values
    if isinstance(values, str) or values is None or np.isscalar(values):
        return pd.Series([values] * len(index), index=index, dtype=object)
    return pd.Series(list(values), index=index, dtype=object)


def resolve_grams(
    quantity: pd.Series | Iterable[float],
    unit: pd.Series | Iterable[str | None],
    unit_kind: pd.Series | Iterable[str | None],
    food_id: pd.Series | Iterable[str | None],
    foods: FoodTable,
    *,
    food_text: pd.Series | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Convert logged amounts to grams, vectorised over entries.

    Parameters
    ----------
    quantity : Series or iterable of float
        Amounts (NaN when unreadable).
    unit, unit_kind : Series or iterable of str or None
        Canonical unit keys and kinds from the entries table; missing for a bare count.
    food_id : Series or iterable of str or None
        Matched food ids (NaN/None when unmatched).
    foods : FoodTable
        The food table the ids come from.
    food_text : Series or iterable of str, optional
        Food words, used to choose between portions of the same unit
        (``chopped`` -> "cup, chopped").

    Returns
    -------
    DataFrame
        Aligned to ``quantity``'s index: ``grams`` (float, NaN when unknown),
        ``portion`` (the portion used, e.g. ``'1 medium (7" to 7-7/8" long)'`` or
        ``"mass"``) and ``grams_note`` (why ``grams`` is NaN, else empty).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> resolve_grams([2], [None], [None], ["sr28:01123"], load_foods())["grams"].tolist()
    [88.0]
    """
    qty = quantity if isinstance(quantity, pd.Series) else pd.Series(list(quantity), dtype=float)
    index = qty.index
    columns = {
        "food_id": _as_series(food_id, index),
        "unit": _as_series(unit, index),
        "unit_kind": _as_series(unit_kind, index),
        "food_text": _as_series(food_text if food_text is not None else "", index),
    }

    def solve(pairs: pd.DataFrame) -> pd.DataFrame:
        pairs = pairs.astype(object).where(pairs.notna(), "")
        solved = [
            grams_per_unit(row.food_id, row.unit, row.unit_kind, foods, row.food_text)
            for row in pairs.itertuples(index=False)
        ]
        return pd.DataFrame(solved, columns=["per_unit", "portion", "grams_note"], dtype=object)

    # each distinct (food, unit, kind, words) is solved once and spread back by code
    merged = per_unique_rows(columns, solve)
    numbers = pd.to_numeric(qty, errors="coerce").astype(float).to_numpy()
    grams = merged["per_unit"].to_numpy(dtype=float) * numbers
    note = merged["grams_note"].to_numpy(dtype=object).copy()
    no_qty = np.isnan(numbers) & (note == "")
    note[no_qty] = "no quantity"
    return pd.DataFrame(
        {"grams": grams, "portion": merged["portion"].to_numpy(dtype=object), "grams_note": note},
        index=index,
    )
