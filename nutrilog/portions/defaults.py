"""The default portion: the weight eaten when no amount is written (``green beans``).

The food's own FNDDS "Quantity not specified" weight, else the bundled
``datasets/default_portions.csv`` (an FNDDS twin's or neighbour's, its serving, its
group's median), else (a user's food) its serving or one whole item; a packaged size,
a length named, a served item or a food named by a serving noun is one of it.

Examples
--------
>>> grams_text(355.24), grams_text(28.0)
('355.2', '28')
"""

from __future__ import annotations

import csv
import re
from functools import cache

import numpy as np

from nutrilog._resources import dataset_path
from nutrilog.portions.choice import (
    Hint,
    Portion,
    count_default,
    entry_named_row,
    fits,
    names,
    ones,
    pick,
)
from nutrilog.portions.rows import COUNT_TWINS, NO_COUNT, WORD, Food, Row, word_set

__all__ = ["candy_pack", "default_portion", "default_table", "grams_text", "regular_bar"]


@cache
def default_table() -> dict[str, tuple[float, str, str]]:
    """``datasets/default_portions.csv``: food id -> (grams, basis, from_id)."""
    with dataset_path("default_portions.csv").open(encoding="utf-8") as fh:
        return {
            row["id"]: (float(row["grams"]), row["basis"], row["from_id"])
            for row in csv.DictReader(fh)
        }


def _row_default(row: Row, one: str = "") -> Portion:
    """The default portion that is one of a portion ``row``; its assumption names the
    row, or ``one`` (``"one item"``) with the row after the grams."""
    grams = grams_text(row.per_one)
    said = f"{one} = {grams} g ({row.label})" if one else f"{row.label} = {grams} g"
    return Portion(row.per_one, f"{row.label} (default portion)", "", f"default portion: {said}")


def default_portion(food_id: str, food: Food, hint: Hint, *, pack: bool = True) -> Portion:
    """The weight eaten when no amount is given (see ``datasets/default_portions.csv``).

    The food's own FNDDS "Quantity not specified"; else the bundled default (an
    FNDDS twin's or neighbour's, its serving, its group's median); else (a user's
    food) its serving portion, then one whole item; never one small piece. A food
    named by one of its own whole-item portions (``Snickers bar``, ``bean burrito``:
    the text's last word, singular, names a portion of one item) is one of it, when
    that item weighs at least half the default (``green bean`` is not one bean). A
    branded candy is the pack it is sold in (:func:`candy_pack`), unless ``pack`` is
    False (a vague amount's share of the usual serving: a handful is no pack).
    """
    sized = [row for row in ones(food.rows) if hint.words & _ITEM_SIZES & row.words]
    if sized:  # "king size Snickers": the portion of that size
        row = pick(sized, hint)
        usual = _usual_default(food_id, food, hint)
        # "mini cheddars": a serving of bite-size crackers, not one of 1 g
        if not row.per_one < _SMALLEST_SHARE * usual.grams:
            return _row_default(row)
    if hint.dims:  # "footlong", "6 inch": the item of that length, whatever the default
        sized = [
            row
            for row in ones(food.rows)
            if not row.odd and row.unit in ("", "each") and fits(row, hint.dims)
        ]
        if sized:
            return _row_default(pick(sized, hint))
    named = entry_named_row(food.rows, hint, food.description)
    found = _usual_default(food_id, food, hint)
    if named is not None and whole_pan(named, hint, found.grams):
        named = None  # "moussaka at the diner": a serving, never the whole 8" square pan
    # "french bread pizza": the row the entry's own words name; "cherry tomatoes" in the
    # plural are more than the one the row weighs
    if named is not None and not (hint.item.endswith("s") and not hint.noun):
        return _row_default(named)
    single = _one_of_several(food, hint, found)
    if single is not None:
        return _row_default(single, f"one {hint.noun}")
    item = _own_item(food, hint)
    if item is not None and not food.typical > 0:
        return _row_default(item, "one item")
    noun = hint.noun if hint.noun in _ITEM_NOUNS else ""
    if not noun and _BAR_FOOD.search(food.description):
        noun = "bar"  # "Kit Kat", "Twix": a food USDA names a bar is one bar
    for word in [w for w in (noun, *COUNT_TWINS.get(noun, ())) if w]:  # slice, or piece
        named = [
            row
            for row in ones(food.rows)
            if row.count < NO_COUNT
            and not row.odd
            and not row.words & _ITEM_SIZES
            and (row.unit == word or names(row, word))
        ]
        sized_bar = hint.words & _NOT_REGULAR
        bar = regular_bar(food) if word == "bar" and not sized_bar else None
        if bar is not None or named:
            row = bar if bar is not None else pick(named, hint)
            if not row.per_one < 0.5 * found.grams:  # NaN default: the item stands
                return _row_default(row, f"one {noun}")
    sold = candy_pack(food) if pack and not hint.words & _NOT_REGULAR else None
    if sold is not None and not sold.per_one < found.grams:
        return _row_default(sold, "one pack")
    return found


#: A candy's SR28 description (``Candies, MARS SNACKFOOD US, M&M's Peanut``,
#: ``Candies, REESE'S Peanut Butter Cups``), in lower case.
_CANDY = re.compile(r"^candies, \S+ \S")
#: Words of a portion that is one pack sold alone (``serving 1 singles bag``,
#: ``package (1.69 oz)``, ``serving 2.17 oz pack``).
_PACK_WORDS = word_set("pack package bag singles")
#: The most one pack sold alone weighs (a sharing bag is more).
_PACK_MOST_G = 100.0


def candy_pack(food: Food) -> Row | None:
    """The pack a branded candy is sold in alone, or None.

    A branded candy written without an amount (``peanut m&ms``, ``skittles``) is the
    pack it is sold in, as bought from a shelf or a vending machine, not FNDDS'
    "Quantity not specified" handful (21 g of peanut M&M's against a 54 g bag). The
    pack is the heaviest portion of one pack, package or bag of 100 g or less, without
    a size word (``fun size``, ``king size``): ``serving 1 singles bag`` (54 g) of
    peanut M&M's, ``package 1.6 oz 2 cups`` (45 g) of Reese's cups.
    """
    if not _CANDY.search(food.description):
        return None
    packs = [
        row
        for row in ones(food.rows)
        if not row.odd
        and row.unit in ("serving", "packet")
        and row.words & _PACK_WORDS
        and not row.words & _NOT_REGULAR
        and row.per_one <= _PACK_MOST_G
    ]
    return max(packs, key=lambda row: row.per_one) if packs else None


#: A portion measured as a whole pan or round of a dish (``moussaka (8" square)``,
#: ``pone (8" dia x 3/4")``, ``(7" x 12")``).
_WHOLE_PAN = re.compile(
    r"\d+(?:-\d/\d)?\s*(?:\"|in\b|inch)\s*(?:square|(?:dia(?:meter)?\s*)?x\s*\d)", re.IGNORECASE
)
#: Words saying the whole pan was meant (``a whole pizza``, ``the entire pan``).
_WHOLE_SAID = frozenset({"whole", "entire", "pan", "tray", "sheet", "family", "party"})
#: How many times a food's unstated amount a pan must weigh to be no serving of it.
_PAN_OVER_SERVING = 3.0


def whole_pan(row: Row, hint: Hint, serving: float) -> bool:
    """Whether ``row`` weighs a whole pan or round of a dish (``moussaka (8" square)``),
    far more than the ``serving`` grams of the food's unstated amount, and the entry
    does not say the whole of it was eaten."""
    return (
        _WHOLE_PAN.search(row.text) is not None
        and not hint.words & _WHOLE_SAID
        and row.per_one > _PAN_OVER_SERVING * serving
    )


#: A description that names its food a bar (``SNICKERS Bar``, ``TWIX Caramel Cookie Bars``).
_BAR_FOOD = re.compile(r"\bbars?\b")


def regular_bar(food: Food) -> Row | None:
    """The regular bar of a food USDA names a bar, or None.

    It is the first portion of one bar in USDA order without a size word (king, fun,
    bite, mini...): ``serving 2.1 oz bar`` of Butterfinger, ``bar (1.5 oz)`` of Kit Kat,
    ``bar (2 oz)`` of Snickers; for a bar USDA weighs only by the pack, the first pack of
    100 g or less (TWIX ``package (2 oz)``). A bar written without an amount, or counted
    (``2 Butterfingers``), is that bar.
    """
    if not _BAR_FOOD.search(food.description):
        return None
    usual = [row for row in ones(food.rows) if not row.odd and not row.words & _NOT_REGULAR]
    bar = next((r for r in usual if r.unit in ("bar", "serving") and names(r, "bar")), None)
    # USDA weighs some bars only by the pack (TWIX ``package (2 oz)``): the one pack
    # sold alone, not a bag of them
    return bar or next((r for r in usual if r.unit == "packet" and r.per_one <= 100), None)


#: First words of portions that weigh one whole served item (a sandwich, a burger...).
_ITEM_WORDS = word_set(
    """item each sandwich burger hamburger cheeseburger burrito taco sub submarine wrap
    entree order pizza individual"""
)


#: The least share of the usual default one sized item may weigh to stand for a line
#: without an amount: a fun-size bar does (17 of 50 g), one bite-size cracker (1 of 30
#: g) or mini marshmallow does not.
_SMALLEST_SHARE = 0.1


#: Size words of packaged items (written "king size", "fun size", "mini").
_ITEM_SIZES = word_set("king fun miniature snack share sharing party")
#: Words of a bar smaller than the regular one (a bite-size Butterfinger).
_SMALL_BAR = word_set("bite mini miniature")
_NOT_REGULAR = _ITEM_SIZES | _SMALL_BAR
#: Nouns that name a served unit of a food rather than the food itself: "Snickers bar"
#: is one bar, but "fish" is not one whole fish nor "avocado" one avocado.
_ITEM_NOUNS = _ITEM_WORDS | word_set("bar stick can bottle pouch packet carton tub pot slice piece")


#: How many times one medium item FNDDS' "Quantity not specified" weighs when it is a
#: few of them (two tamales, 256 g, beside a medium tamale of 128 g; three taquitos);
#: more is a serving of something eaten by the handful (shrimp: 85 g, a medium one 5 g).
_SEVERAL = (1.5, 4.0)


def _one_of_several(food: Food, hint: Hint, found: Portion) -> Row | None:
    """One medium item when the text names the item in the singular (``chicken
    tamale``, ``choc chip cookie``) and FNDDS' "Quantity not specified" weighs several
    of them; None otherwise."""
    if not hint.noun or not food.typical > 0 or found.grams != food.typical:
        return None
    rows = [
        row
        for row in ones(food.rows)
        if not row.odd
        # "medium tamale", "tamale, NS as to size"; not "piece, medium pizza"
        and _names_item_first(WORD.findall(row.text), hint.noun)
        and ("medium" in row.words or {"ns", "size"} <= row.words)
    ]
    if not rows:
        return None
    row = pick(rows, hint)
    low, high = _SEVERAL
    return row if low * row.per_one <= found.grams <= high * row.per_one else None


def _names_item_first(words: list[str], noun: str) -> bool:
    """Whether a portion's words open with ``noun``, or with ``medium`` and then it."""
    return words[:1] == [noun] or words[:2] == ["medium", noun]


def _own_item(food: Food, hint: Hint) -> Row | None:
    """The food's own portion of one served item, when its portions say it is eaten so.

    A restaurant or packaged item that USDA weighs as ``1 item``, ``1 each burrito``,
    ``1 sandwich`` or per sandwich length is one of it when no amount is written,
    rather than a neighbour's or its food group's typical weight. A size in inches
    the text names (``6 inch``, ``footlong``) picks the portion of that size.
    """
    rows = [row for row in ones(food.rows) if not row.odd and row.unit in ("", "each")]
    if hint.dims:
        sized = [row for row in rows if fits(row, hint.dims)]
        if sized:
            return pick(sized, hint)
    items = [
        row
        for row in rows
        if row.word in _ITEM_WORDS or (row.word[:1].isdigit() and '"' in row.text)
    ]
    return pick(items, hint) if items else None


def _usual_default(food_id: str, food: Food, hint: Hint) -> Portion:
    if food.typical > 0:
        return Portion(
            food.typical,
            "Quantity not specified (default portion)",
            "",
            f"default portion: quantity not specified = {grams_text(food.typical)} g",
        )
    found = default_table().get(food_id)
    if found is not None and found[1] == "group median":
        # a food group's median says less than the food's own medium or one item
        own = count_default(ones(food.rows), hint, best_allowed=2)
        if own is not None:
            return _row_default(own)
    if found is not None:
        grams, basis, source = found
        via = f" {source}" if source and source != food_id else ""
        return Portion(
            grams,
            f"default portion ({basis}{via})",
            "",
            f"default portion: {basis}{via} = {grams_text(grams)} g",
        )
    serving = [row for row in food.rows if row.unit == "serving" or row.word in ("serving", "nlea")]
    if serving:
        return _row_default(pick(serving, hint))
    one = count_default(ones(food.rows), hint, best_allowed=1)
    if one is not None:
        return _row_default(one)
    return Portion(np.nan, "", "no default portion for this food")


def grams_text(grams: float) -> str:
    """Grams as shown in an assumption: one decimal at most (``5.4``, ``355.2``, ``28``)."""
    return f"{round(grams, 1):g}"
