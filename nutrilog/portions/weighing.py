"""Grams of logged amounts: :func:`grams_for` for one key, :func:`resolve_grams` for a table.

:func:`resolve_grams` finds the distinct (food, unit, kind, text, water, given) keys of
a log, asks :func:`grams_for` once per key and multiplies by each entry's amount.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> resolve_grams([2], [None], [None], ["sr28:01123"], load_foods())["grams"].tolist()
[100.0]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._checks import food_table_argument, same_length
from nutrilog._resources import dataset_path
from nutrilog._vector import coded, distinct_rows
from nutrilog.portions.choice import NO_HINT, Portion, described_words, read_hint
from nutrilog.portions.defaults import grams_text
from nutrilog.portions.kinds import PART, VAGUE_ITEMS, for_food
from nutrilog.portions.shells import WHOLE_WEIGHT_UNITS, edible_share, said_shelled
from nutrilog.quantity.numbers import LITTLE_NOTE
from nutrilog.units import MASS_UNITS, VOLUME_UNITS, convert, to_grams

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = [
    "DRINK_OUNCE",
    "GRAMS_COLUMNS",
    "is_drink",
    "NO_QUANTITY",
    "amounts",
    "grams_for",
    "grams_per_unit",
    "resolve_grams",
]

#: Columns of the table :func:`resolve_grams` returns.
GRAMS_COLUMNS: list[str] = ["grams", "portion", "grams_note", "assumption"]


@cache
def _grams_of_one(unit: str) -> float:
    return to_grams(1.0, unit)


def _water(unit: str | None) -> Portion | None:
    """One unit of plain water, through pint's ``water`` context; None for a unit that
    is neither a mass nor a volume."""
    if unit is None or not (unit in MASS_UNITS or unit in VOLUME_UNITS):
        return None
    return Portion(_grams_of_water(unit), "volume of water (1 g/ml)", "")


@cache
def _grams_of_water(unit: str) -> float:
    return convert(1.0, unit, "g", "water")


#: The mass unit whose grams depend on the food: an ``oz`` of a drink is a fluid ounce.
DRINK_OUNCE = "oz"
#: The amount note of a vague count before a food alone (``a few strawberries``).
_VAGUE_COUNT = re.compile(r"\bcount (\d+) vague\b")


class _Drinks(NamedTuple):
    """``datasets/drinks.csv``: what makes a food a drink as poured."""

    groups: frozenset[str]  # food groups of drinks
    poured: re.Pattern[str]  # a drink of another group, by its description
    not_poured: re.Pattern[str]  # a drink's dry or concentrated form, by its description
    made_up: re.Pattern[str]  # a dry form made up as a drink (reconstituted), by its description


@cache
def _drinks() -> _Drinks:
    """The rows of ``datasets/drinks.csv``, read once."""
    with dataset_path("drinks.csv").open(encoding="utf-8", newline="") as fh:
        rows = [(row["match"], row["value"]) for row in csv.DictReader(fh)]

    def values(kind: str) -> list[str]:
        return [value for match, value in rows if match == kind]

    return _Drinks(
        frozenset(values("group")),
        re.compile("|".join(values("description")) or "(?!)"),
        re.compile("|".join(values("not_poured")) or "(?!)"),
        re.compile("|".join(values("made_up")) or "(?!)"),
    )


def is_drink(foods: FoodTable, food_id: str) -> bool:
    """Whether a food is a drink as poured, so that an ``oz`` of it is a fluid ounce:
    a food of a drink group (or an SR28 juice or fluid milk), not a powder, mix or
    concentrate unless made up as a drink (``powdered, reconstituted``; see
    ``datasets/drinks.csv``).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> is_drink(load_foods(), "sr28:14148"), is_drink(load_foods(), "sr28:11457")  # cola, spinach
    (True, False)
    >>> is_drink(load_foods(), "fndds:92552010")  # a diet drink mix, made up
    True
    """
    try:
        row = foods.foods.loc[food_id]
    except KeyError:
        return False
    description = str(row.get("description", "")).lower()
    drinks = _drinks()
    poured = str(row.get("group", "")) in drinks.groups or bool(drinks.poured.search(description))
    dry = bool(drinks.not_poured.search(description)) and not drinks.made_up.search(description)
    return poured and not dry


def grams_for(
    food_id: str | None,
    unit: str | None,
    unit_kind: str | None,
    foods: FoodTable,
    food_text: str = "",
    *,
    water: bool = False,
    given: float | None = None,
) -> Portion:
    """The grams one ``unit`` of a food weighs, and how they were found: one key.

    This is the rule; :func:`resolve_grams` applies it once per distinct key of a
    table of entries and multiplies by each entry's amount.

    Parameters
    ----------
    food_id : str or None
        Food id, or None when the entry is unmatched (only mass units, plain
        water and ``given`` weights resolve then).
    unit, unit_kind : str or None
        Canonical unit key and kind (see :class:`nutrilog.units.UnitInfo`); both None
        for a bare count; kind ``default`` (no amount written) for the food's
        default portion; a unit outside the alias table (kind None) is looked up
        among the food's portions by name.
    foods : FoodTable
    food_text : str, optional
        The food words (and the amount's own words, such as Cronometer's
        ``8 1/4" long``); a modifier in them (``chopped``, ``sliced``, ``mashed``...)
        or a size in inches picks the matching portion among several of the same unit.
    water : bool, default False
        The entry is plain water: a mass or volume the food has no weight for is
        weighed through pint's ``water`` context.
    given : float, optional
        The user's own grams of one ``unit`` (an aliases file's ``grams_per_unit``):
        wins over the food's portions for every unit but a mass (100 g is 100 g).

    Returns
    -------
    Portion
        ``grams`` (of one unit; NaN when unknown), ``portion``, ``note`` (why NaN),
        ``assumption``.

    Notes
    -----
    The food table's portions are prepared once (:attr:`FoodTable.prepared_portions`)
    and each answer is kept there per (food, unit, kind, modifiers and sizes named):
    asking again costs a dict lookup.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> grams_for("sr28:11457", "cup", "volume", load_foods()).grams  # spinach, raw
    30.0
    >>> grams_for(None, "l", "volume", load_foods(), water=True)[:2]
    (1000.0, 'volume of water (1 g/ml)')
    >>> grams_for("sr28:11457", "scoop", "count", load_foods(), given=31.0)[:2]
    (31.0, '31 g per scoop (your aliases file)')
    """
    found = _resolve(food_id, unit, unit_kind, foods, food_text)
    if water and np.isnan(found.grams):
        found = _water(unit if isinstance(unit, str) and unit else None) or found
    if given is not None and np.isfinite(given) and unit_kind != "mass":
        label = unit if isinstance(unit, str) and unit else "entry"
        found = Portion(float(given), f"{given:g} g per {label} (your aliases file)", "")
    return found


#: A food sold raw (no can holds it as such).
_RAW = re.compile(r"\braw\b", re.IGNORECASE)


def _resolve(
    food_id: str | None,
    unit: str | None,
    unit_kind: str | None,
    foods: FoodTable,
    food_text: str = "",
) -> Portion:
    """:func:`grams_per_unit` with the assumption made, if any."""
    unit = unit if isinstance(unit, str) and unit else None
    kind = unit_kind if isinstance(unit_kind, str) and unit_kind else None
    if unit == DRINK_OUNCE and isinstance(food_id, str) and is_drink(foods, food_id):
        poured = _resolve(food_id, "fl_oz", "volume", foods, food_text)
        if np.isfinite(poured.grams):
            return poured._replace(assumption="drink: oz of a drink read as fl oz")
        # a drink with no volume portion of its own: a fluid ounce at water's 1 g/ml
        return Portion(
            _grams_of_water("fl_oz"),
            "fl oz at 1 g/ml",
            "",
            "drink: oz of a drink read as fl oz, at the density of water (no volume portion)",
        )
    if kind == "mass" or (kind is None and unit in MASS_UNITS):
        whole = _with_shell(food_id, str(unit), foods, food_text)
        return whole or Portion(_grams_of_one(str(unit)), "mass", "")
    if kind == "activity":
        return Portion(np.nan, "", "activity units (IU) are not a food amount")
    if unit is not None and kind is None:
        kind = "volume" if unit in VOLUME_UNITS else "noun"
    if kind == "vague" and unit is None:
        # "a little": no amount stated; "a few", "several": that many of the food's items
        counted = _VAGUE_COUNT.search(food_text) if isinstance(food_text, str) else None
        unit = VAGUE_ITEMS.get(int(counted[1]), "some") if counted else "some"
        if isinstance(food_text, str) and LITTLE_NOTE in food_text:
            unit = "little"  # "a little sour cream": less than the usual serving
    if not isinstance(food_id, str) or not food_id:
        return Portion(np.nan, "", "vague amount" if kind == "vague" else "no food matched")
    if food_id not in foods:
        return Portion(np.nan, "", f"unknown food id {food_id!r}")
    prepared = foods.prepared_portions
    hint = read_hint(food_text) if isinstance(food_text, str) and food_text else NO_HINT
    noun = hint.noun if kind == "default" else ""  # only a default portion looks at it
    # only a bare count looks at the piece and the item the text ends on
    piece, item = (hint.piece, hint.item) if kind in (None, PART) else ("", "")
    key = (food_id, unit or "", kind or "bare", hint.words, hint.dims, noun)
    key += (hint.served, hint.size, piece, item, hint.implicit)
    if hint.named and kind in ("default", "vague", "count", None, PART):
        # words the entry says beyond its food's name may name a portion (french bread
        # pizza) or an order (1 order fries): part of the key only then
        key += (hint.named - described_words(prepared.food(food_id).description),)
    found = prepared.answers.get(key)
    if found is None:
        found = for_food(food_id, prepared.food(food_id), key[1], key[2], hint, prepared)
        if (
            unit == "can"
            and not np.isfinite(found.grams)
            and not _RAW.search(prepared.food(food_id).description)
        ):
            # "1/2 can black beans": a food USDA weighs by no can is weighed as a tin
            # (datasets/vague_amounts.csv: the fish's small can, a drink's can, else the
            # 400 g food tin), flagged as estimated; nothing raw is sold so
            found = _resolve(food_id, "tin", "vague", foods, food_text)
        prepared.answers[key] = found
    return found


def _with_shell(food_id: str | None, unit: str, foods: FoodTable, food_text: str) -> Portion | None:
    """A weight in pounds of a food USDA weighs with its shell (``3 lbs crawfish``): what
    of it is eaten (see :mod:`nutrilog.portions.shells`); None for any other weight."""
    if unit not in WHOLE_WEIGHT_UNITS or not isinstance(food_id, str) or food_id not in foods:
        return None
    if said_shelled(food_text if isinstance(food_text, str) else ""):
        return None
    found = edible_share(foods.prepared_portions.food(food_id))
    if found is None:
        return None
    share, row = found
    grams = _grams_of_one(unit) * share
    return Portion(
        grams,
        f"{unit} with shell: {row}",
        "",
        f"weight with shell: 1 {unit} as bought is {grams_text(grams)} g eaten ({row})",
    )


def grams_per_unit(
    food_id: str | None,
    unit: str | None,
    unit_kind: str | None,
    foods: FoodTable,
    food_text: str = "",
) -> tuple[float, str, str]:
    """Return (grams of one ``unit`` of the food, portion used, note) for one pair:
    :func:`grams_for` without water or the user's own weights.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> grams_per_unit("sr28:11457", "cup", "volume", load_foods())
    (30.0, '1 cup', '')
    >>> grams_per_unit("sr28:11052", None, "default", load_foods())[0]  # green beans, raw
    55.0
    """
    found = grams_for(food_id, unit, unit_kind, foods, food_text)
    return found.grams, found.portion, found.note


def _as_series(values: pd.Series | Iterable[object] | object, index: pd.Index) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.reindex(index) if not values.index.equals(index) else values
    if isinstance(values, str) or values is None or np.isscalar(values):
        return pd.Series([values] * len(index), index=index, dtype=object)
    return pd.Series(list(values), index=index, dtype=object)


def parts_marked(quantity: pd.Series, unit: pd.Series, kind: pd.Series) -> pd.Series:
    """The unit kinds, with a bare count below one (``1/8 pumpkin pie``) marked
    :data:`~nutrilog.portions.kinds.PART`: a share of the whole item.

    Examples
    --------
    >>> parts_marked(pd.Series([0.125, 2.0]), pd.Series([None, None]), pd.Series([None, None])).tolist()
    ['part', None]
    """
    number = pd.to_numeric(quantity, errors="coerce").to_numpy(dtype="float64")
    part = (number > 0) & (number < 1)
    if not part.any():
        return kind
    part &= unit.isna().to_numpy() | unit.eq("").to_numpy(dtype=bool)
    part &= kind.isna().to_numpy() | kind.eq("").to_numpy(dtype=bool)
    if not part.any():
        return kind
    if isinstance(kind.dtype, pd.CategoricalDtype):  # a million rows: no object copy
        out = kind.cat.add_categories([PART]) if PART not in kind.cat.categories else kind.copy()
        out[part] = PART
        return out
    return kind.astype(object).mask(part, PART)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


#: ``grams_note`` of an entry whose amount could not be read.
NO_QUANTITY = "no quantity"


def amounts(quantity: np.ndarray, vague: np.ndarray) -> np.ndarray:
    """How many units each entry weighs: its quantity, and one for a vague amount
    written without a number ("some rice"); NaN stays NaN (then ``grams_note`` is
    :data:`NO_QUANTITY`).

    Examples
    --------
    >>> amounts(np.array([2.0, np.nan, np.nan]), np.array([False, True, False])).tolist()
    [2.0, 1.0, nan]
    """
    quantity = np.asarray(quantity, dtype="float64")
    return np.where(np.isnan(quantity) & np.asarray(vague, dtype=bool), 1.0, quantity)


def resolve_grams(
    quantity: pd.Series | Iterable[float],
    unit: pd.Series | Iterable[str | None],
    unit_kind: pd.Series | Iterable[str | None],
    food_id: pd.Series | Iterable[str | None],
    foods: FoodTable,
    *,
    food_text: pd.Series | Iterable[str] | None = None,
    water: pd.Series | Iterable[bool] | None = None,
    given: pd.Series | Iterable[float] | None = None,
) -> pd.DataFrame:
    """Convert logged amounts to grams, vectorised over entries.

    :func:`grams_for` runs once per distinct (food, unit, kind, text, water, given)
    key; each entry takes its key's answer and is multiplied by its own amount. A
    vague amount without a number ("some rice") is one of that amount.

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
    water : Series or iterable of bool, optional
        Plain-water entries (see :func:`grams_for`).
    given : Series or iterable of float, optional
        The user's own grams of one unit (NaN where none; see :func:`grams_for`).

    Returns
    -------
    DataFrame
        Aligned to ``quantity``'s index: ``grams`` (float, NaN when unknown),
        ``portion`` (the portion used, e.g. ``'1 medium (7" to 7-7/8" long)'`` or
        ``"mass"``), ``grams_note`` (why ``grams`` is NaN, else empty) and
        ``assumption`` (``"default portion: ..."``, ``"estimated amount: ..."``,
        ``"noun unit: ..."`` when the weight rests on one, else empty); the three
        text columns are categoricals.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> resolve_grams([2], [None], [None], ["sr28:01123"], load_foods())["grams"].tolist()
    [100.0]
    """
    food_table_argument(foods)
    same_length(
        quantity=quantity,
        unit=unit,
        unit_kind=unit_kind,
        food_id=food_id,
        text=food_text,
        water=water,
        given=given,
    )
    qty = quantity if isinstance(quantity, pd.Series) else pd.Series(list(quantity), dtype=float)
    index = qty.index
    columns = {
        "food_id": _as_series(food_id, index),
        "unit": _as_series(unit, index),
        "unit_kind": _as_series(unit_kind, index),
        "food_text": _as_series(food_text if food_text is not None else "", index),
    }
    columns["unit_kind"] = parts_marked(qty, columns["unit"], columns["unit_kind"])
    if water is not None:
        columns["water"] = _as_series(water, index).astype(bool)
    if given is not None:
        columns["given"] = _as_series(given, index).astype(float)
    codes, keys = distinct_rows(columns)
    blank = [None] * len(keys)
    found = [
        grams_for(
            _text(food),
            _text(unit),
            _text(kind),
            foods,
            _text(text),
            water=bool(wet),
            given=None if weight is None or weight != weight else float(weight),
        )
        for food, unit, kind, text, wet, weight in zip(
            keys["food_id"],
            keys["unit"],
            keys["unit_kind"],
            keys["food_text"],
            keys.get("water", blank),
            keys.get("given", blank),
            strict=True,
        )
    ]
    per_unit = np.array([f.grams for f in found], dtype="float64")[codes]
    vague = np.array([k == "vague" for k in keys["unit_kind"]], dtype=bool)[codes]
    numbers = amounts(pd.to_numeric(qty, errors="coerce").to_numpy(dtype="float64"), vague)
    # an entry without an amount says so, unless its key already says why it has no weight
    no_quantity = np.isnan(numbers) & np.array([f.note == "" for f in found], dtype=bool)[codes]
    notes = np.array([*(f.note for f in found), NO_QUANTITY], dtype=object)
    note = coded(np.where(no_quantity, len(found), codes), notes, index)
    return pd.DataFrame(
        {
            "grams": per_unit * numbers,
            "portion": coded(codes, np.array([f.portion for f in found], dtype=object), index),
            "grams_note": note,
            "assumption": coded(
                codes, np.array([f.assumption for f in found], dtype=object), index
            ),
        },
        index=index,
    )
