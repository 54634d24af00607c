"""One food's portion for one key, by kind of unit: the rules put together.

:func:`for_food` sends a volume, a size, a count, a noun, a vague amount, a default
(no amount written) or a bare count to its rule; a count of a food USDA weighs only by
volume or mass takes one item of its FNDDS twin.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.portions.choice import NO_HINT
>>> prepared = load_foods().prepared_portions
>>> for_food("sr28:11457", prepared.food("sr28:11457"), "cup", "volume", NO_HINT).grams
30.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np

from nutrilog.portions.choice import (
    CUP_SIZE,
    Hint,
    Portion,
    count_default,
    count_row,
    described_count,
    described_words,
    entry_named_row,
    item_row,
    name_pattern,
    ones,
    own_noun_row,
    pick,
    serving_portion,
    size_portion,
    volume_portion,
)
from nutrilog.portions.defaults import (
    default_portion,
    default_table,
    grams_text,
    regular_bar,
    whole_pan,
)
from nutrilog.portions.rows import COUNT_TWINS, Food, PreparedPortions, Row
from nutrilog.portions.sizes import EXTRA_LARGE_OVER_LARGE, SIZE_FACTORS, sized, usual_size
from nutrilog.portions.vague import vague_portion, vague_rules
from nutrilog.quantity.numbers import VAGUE_COUNTS
from nutrilog.units import VOLUME_UNITS

__all__ = ["VAGUE_ITEMS", "for_food"]

#: Count words that name one item of whatever the food is (``55 pieces`` of Goldfish).
_ITEM_WORDS = frozenset({"piece", "sheet"})
#: Count words of a plant's stem, one item of a food USDA weighs whole (a green onion).
_STALK_WORDS = frozenset({"stalk"})
#: Size words that choose another bar than the regular one (``2 fun size Snickers``).
_BAR_SIZES = frozenset({"king", "fun", "miniature", "mini", "bite", "snack", "share", "sharing"})


#: A portion that is a part of one item (``piece (1/4 of 10" dia)``): no whole one.
_PART_OF = re.compile(r"\b(?:1/\d+|half|quarter)\s+of\b")


def _count(
    food_id: str, food: Food, unit: str, hint: Hint, prepared: PreparedPortions | None = None
) -> Portion:
    """The food's portion of that count word or its twin; else a typical amount."""
    rows = food.rows
    if unit == "each":
        usual = usual_size(food, hint)
        if usual is not None:
            return usual
        row = count_default(rows, hint)
        if row is not None and _PART_OF.search(row.text):
            # "naan, 1 whole": the naan FNDDS weighs whole (177 g), not its "piece (1/4
            # of 10" dia)"
            row = described_count(food, hint) or row
    elif unit == "serving":  # a serving given as a count: a serving row, never a guess
        return serving_portion(rows, food.typical, hint)
    elif unit == "packet" and (calorie := _calorie_package(rows, hint)) is not None:
        row = calorie  # "goldfish 100 cal pack": FNDDS's ``100 calorie package``
    else:
        row = _as_twin_weighs(
            food_id,
            rows,
            unit,
            hint,
            count_row(rows, unit, hint, food.typical, food.description),
            prepared,
        )
        for twin in COUNT_TWINS.get(unit, ()):
            row = row or count_row(rows, twin, hint, food.typical)
            chunk = (
                _twins_row(food_id, twin, hint, prepared)
                if row is None and unit == "piece" and twin == "chunk"
                else None
            )
            if chunk is not None:
                # "3 pieces of pineapple": the FNDDS twin's chunk (15 g) before the SR28
                # food's own slice (166 g), as a piece of a big fruit is cut; an estimate
                grams = grams_text(chunk.per_one)
                how = f"{chunk.label} (FNDDS twin)"
                return Portion(
                    chunk.per_one, how, "", f"estimated amount: piece = {grams} g ({how})"
                )
        if row is not None and unit == "packet" and (row.words & _BAR_SIZES) - hint.words:
            # "peanut m&ms 1 pack": the single bag sold alone, not the fun-size pack of a
            # Halloween bag (SR28: 18 g) the text does not name
            bag = vague_portion(food_id, food, "bag", hint, _twin_food(food_id, prepared))
            if np.isfinite(bag.grams) and bag.grams > row.per_one:
                return bag
        if row is None and unit in _ITEM_WORDS:
            # "55 pieces" of Goldfish, "2 sheets" of matzo: the item its description names,
            # or one the entry names ("8 pieces pierogi")
            row = _named_item(food, hint) or described_count(food, hint, most=math.inf)
        if row is None and unit == "piece":
            # "gyoza 6 pieces": one item of a food whose serving is several of them
            # (FNDDS dumpling, medium 37 g; its serving 100 g), not a serving a piece; a
            # piece of a food bigger than its serving (a salmon fillet) stays the serving
            item = usual_size(food, hint)
            one = count_default(rows, hint) if item is None else None
            if one is not None:
                item = Portion(one.per_one, one.label, "")
            serving = vague_portion(food_id, food, unit, hint, _twin_food(food_id, prepared))
            if item is not None and np.isfinite(serving.grams) and item.grams < serving.grams:
                return item
        if row is None and unit in _STALK_WORDS:
            # "2 stalks" of green onions: USDA weighs the onion, one item, not its stalk
            row = count_default(rows, hint)
    if row is None and unit in vague_rules():
        # "shot", or a glass given as a count
        found = vague_portion(food_id, food, unit, hint, _twin_food(food_id, prepared))
        if np.isfinite(found.grams):
            return found
    if row is None:
        return Portion(np.nan, "", f"no {unit} weight for this food")
    return Portion(row.per_one, row.label, "")


def _calorie_package(rows: Sequence[Row], hint: Hint) -> Row | None:
    """The food's pack of the calories the entry names (``100 calorie package``, 21 g of
    Goldfish), when the entry names a pack's calories; None otherwise."""
    if "calorie" not in hint.named:
        return None
    packs = {"package", "pack", "packet"}
    return next((r for r in rows if "calorie" in r.words and r.words & packs), None)


def _size_named_row(food: Food, sizes: frozenset[str]) -> Row | None:
    """The food's portion whose words name the sizes (``fun size package``; ``mini`` is
    USDA's ``miniature``), if one."""
    named = {"miniature" if w == "mini" else w for w in sizes}
    return next((r for r in food.rows if named <= r.words), None)


def _named_item(food: Food, hint: Hint) -> Row | None:
    """Of a food's items no heavier than its usual serving, the one whose first word the
    entry names and the food's description does not: ``8 pieces pierogi`` counts FNDDS's
    ``pierogi, any size`` (38 g), not its ``dumpling, any size`` (57 g); a whole cake is
    no piece of cake, and ``2 pcs fried fish`` no fish cake of FNDDS fish."""
    said = hint.named - described_words(food.description)
    found = [
        row
        for row in ones(food.rows)
        if row.word in said and not row.odd and row.per_one <= food.typical
    ]
    return pick(found, hint) if found else None


def _twins_row(
    food_id: str, unit: str, hint: Hint, prepared: PreparedPortions | None
) -> Row | None:
    """The FNDDS twin's portion of one ``unit`` (``chunk``), for a food whose own
    portions have none; None when the food has no FNDDS twin or the twin no such row."""
    twin = _twin_food(food_id, prepared)
    if twin is None:
        return None
    row = count_row(twin.rows, unit, hint)
    # only a row of that word: no whole item the count falls back on
    return row if row is not None and (row.unit == unit or unit in row.words) else None


def _as_twin_weighs(
    food_id: str,
    rows: list[Row],
    unit: str,
    hint: Hint,
    row: Row | None,
    prepared: PreparedPortions | None,
) -> Row | None:
    """Among several portions of one count word that the text does not tell apart
    (SR28 American cheese: ``slice (1 oz)`` 28 g, ``slice (3/4 oz)`` 21 g), the one
    nearest to its FNDDS twin's or neighbour's when that lies among them (the survey's
    standard: FNDDS American cheese ``slice`` 21 g); ``row`` when there is no such choice."""
    same = [r for r in rows if r.unit == unit and not r.odd and r.per_one > 0]
    if row is None or row not in same or len({r.per_one for r in same}) < 2 or hint.dims:
        return row
    if any(hint.words & r.words for r in same):
        return row  # the text names one of them ("2 oval slices")
    regular = [r for r in same if "regular" in r.words]
    if len(regular) == 1:
        return regular[0]  # "slice regular" beside "slice large": the regular one
    found = default_table().get(food_id)
    if found is None or found[1] not in ("FNDDS twin", "FNDDS neighbour") or prepared is None:
        return row
    theirs = count_row(prepared.food(found[2]).rows, unit, hint) if found[2] else None
    weights = [r.per_one for r in same]
    if theirs is None or not min(weights) <= theirs.per_one <= max(weights):
        return row  # the twin weighs another thing by that word (a pouch of two bars)
    # a thin slice is a thickness the text would name; FNDDS' one slice may be that
    # thin (SR28 pineapple: 84 g slice, 56 g thin slice; FNDDS slice 56 g)
    usual = [r for r in same if "thin" not in r.words] or same
    return min(usual, key=lambda r: abs(math.log(r.per_one / theirs.per_one)))


def _noun(food: Food, unit: str, hint: Hint) -> Portion:
    """A measure word outside the alias table: a portion named so (``olive``,
    ``cubic inch``, ``pizza``), or the food's own noun (``6.00 olive`` of olives) as a
    count of items."""
    row = count_row(food.rows, unit, hint)
    if row is not None:
        return Portion(row.per_one, row.label, "")
    noun = unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
    if name_pattern(noun).search(food.description):
        one = count_default(food.rows, hint)
        if one is not None:
            return Portion(
                one.per_one,
                one.label,
                "",
                f"noun unit: {unit} = {grams_text(one.per_one)} g ({one.label})",
            )
    return Portion(np.nan, "", f"unknown unit {unit!r}")


#: Count words for a part of a dish (``a slice of spanakopita``, ``a piece of lasagna``):
#: a food USDA weighs in no such part takes its default portion, one serving.
_PART_COUNTS = frozenset({"slice", "piece", "square", "wedge", "strip"})
#: A portion that is a part of a food (``1 slice``): one counted, never a serving.
_ONE_PART = re.compile(r"\b(?:slice|piece|wedge|strip)s?\b", re.IGNORECASE)
_NOT_A_PORTION = re.compile(r"quantity not specified|guideline amount", re.IGNORECASE)
#: What an estimated part says in its assumption (the matcher prefers an alternate food
#: that weighs the part itself).
PART_AS_DEFAULT = "USDA has no"


def _part_as_default(food_id: str, food: Food, unit: str, hint: Hint) -> Portion | None:
    """A part of a dish USDA weighs in no such part: the food's default portion (FNDDS
    "Quantity not specified", one serving), flagged as an estimate; None without one,
    and for a food poured or spooned (weighed by volume alone: milk, soup), which has
    no slices."""
    measures = [row for row in food.rows if not _NOT_A_PORTION.search(row.text)]
    poured = any(row.unit == "fl_oz" for row in measures)  # a drink: milk, juice
    if poured or not measures or all(row.unit in VOLUME_UNITS for row in measures):
        return None
    found = default_portion(food_id, food, hint)
    if not np.isfinite(found.grams):
        return None
    return Portion(
        found.grams,
        found.portion,
        "",
        f"estimated amount: {unit} = {grams_text(found.grams)} g, the default portion "
        f"({PART_AS_DEFAULT} {unit} of this food)",
    )


def _twin_food(food_id: str, prepared: PreparedPortions | None) -> Food | None:
    """The food's FNDDS twin (``datasets/default_portions.csv``): the same food, with its
    own portions; None when it has none."""
    found = default_table().get(food_id)
    if found is None or found[1] != "FNDDS twin" or not found[2] or prepared is None:
        return None
    return prepared.food(found[2])


def _twin_count(food_id: str, hint: Hint, prepared: PreparedPortions | None) -> Portion | None:
    """One item of the food's FNDDS twin (``datasets/default_portions.csv``), for a count
    of a food that USDA weighs only by volume or mass: ``10 cashews`` are ten of FNDDS
    cashews' ``1 nut``, the same nut. An FNDDS neighbour (the same food cooked another
    way) lends only an item its own description names: ``6 scallops`` of SR28 steamed
    scallops, weighed by the 3 oz alone, are six of FNDDS scallops' ``scallop``."""
    found = default_table().get(food_id)
    if found is None or not found[2] or prepared is None:
        return None
    basis = found[1]
    if basis not in ("FNDDS twin", "FNDDS neighbour"):
        return None
    twin = prepared.food(found[2])
    row = described_count(twin, hint)
    if row is None and basis == "FNDDS twin":
        row = count_default(twin.rows, hint, best_allowed=2, typical=twin.typical)
    if row is None:
        # a whole item is the same item cooked another way (``1 plantain``: FNDDS fried
        # plantain's ``whole``, 225 g, not its 85 g serving)
        row = next((r for r in ones(twin.rows) if r.word == "whole" and not r.odd), None)
    if row is None:
        return None
    return Portion(
        row.per_one,
        f"{row.label} ({basis} {found[2]})",
        "",
        f"count: one item as {basis} {found[2]} weighs it = {grams_text(row.per_one)} g",
    )


#: What a count of one item of no size as the FNDDS twin weighs it says: the same food's
#: own item, no guess (a size scales it).
_TWIN_ITEM = "count: one item of no size as FNDDS twin"
#: A portion named by a size other than medium (``fruit, small``, ``large``).
_SIZED_ROW = re.compile(r"\b(?:small|large|extra|mini|miniature|jumbo)\b", re.IGNORECASE)


def _twin_unsized(food_id: str, hint: Hint, prepared: PreparedPortions | None) -> Portion | None:
    """One item of no size of the food's FNDDS twin (the same food), for a count with no
    size of a food USDA's SR28 weighs only by sized items; None when the twin has none."""
    twin = _twin_food(food_id, prepared)
    if twin is None:
        return None
    row = count_default(twin.rows, hint, best_allowed=2, typical=twin.typical)
    if row is None or _SIZED_ROW.search(row.text):
        return None
    found = default_table()[food_id][2]
    return Portion(
        row.per_one,
        f"{row.label} (FNDDS twin {found})",
        "",
        f"{_TWIN_ITEM} {found} weighs it = {grams_text(row.per_one)} g",
    )


def _as_twin(
    food_id: str,
    prepared: PreparedPortions | None,
    weigh: Callable[[str, Food], Portion],
    what: str,
    kinds: tuple[str, ...] = ("FNDDS twin",),
) -> Portion | None:
    """The portion ``weigh`` finds on the food's FNDDS twin (the same food, its nutrients
    copied; or, among ``kinds``, its FNDDS neighbour, the nearest food the survey weighs),
    labelled as the twin's; None when the food has no such food or it no such portion."""
    found = default_table().get(food_id)
    if found is None or found[1] not in kinds or not found[2] or prepared is None:
        return None
    twin = weigh(found[2], prepared.food(found[2]))
    if np.isnan(twin.grams):
        return None
    return Portion(
        twin.grams,
        f"{twin.portion} ({found[1]} {found[2]})",
        "",
        f"{what} as {found[1]} {found[2]} weighs it = {grams_text(twin.grams)} g",
    )


def _twin_volume(
    food_id: str, unit: str, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """A volume of a food USDA weighs only by mass or container, as its FNDDS twin (or,
    failing one, its FNDDS neighbour) weighs it: ``1/2 cup`` of SR28 tapioca pudding is
    half of FNDDS tapioca pudding's ``1 cup``."""
    # a neighbour's volume too: a cup of ground beef crumbles, which SR28 weighs by mass
    # only, is near enough a cup of the survey's beef pieces (missing grams lose the food)
    return _as_twin(
        food_id,
        prepared,
        lambda _, twin: volume_portion(twin.rows, unit, hint),
        "volume:",
        ("FNDDS twin", "FNDDS neighbour"),
    )


def _twin_unit(
    food_id: str, unit: str, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """A count word (``slice``, ``stick``) of a food USDA weighs in no such unit, as its
    FNDDS twin weighs it: ``a slice of papaya`` of SR28 papayas is FNDDS papaya's
    ``slice/chunk``."""
    return _as_twin(
        food_id,
        prepared,
        lambda twin_id, twin: _count(twin_id, twin, unit, hint),
        f"count: one {unit}",
    )


#: A portion that is what a food is sold in, not an item of it (``1 can (24 oz)``).
_CONTAINER = re.compile(
    r"\b(?:cans?|jars?|bottles?|packages?|pkgs?|box(?:es)?|bags?|containers?|pouch(?:es)?"
    r"|cartons?|tubs?)\b",
    re.IGNORECASE,
)
#: An item lighter than this (grams) is eaten by the handful: a size said of the food
#: is the size of a serving, not of one piece.
_CRUMB_G = 5.0


def _scaled_item(
    food_id: str, food: Food, unit: str, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """A large or small item of a food USDA weighs in no such size: its usual item
    scaled by :data:`~nutrilog.portions.sizes.SIZE_FACTORS` (``1 lg dill pickle``; a
    usual item USDA calls large itself is scaled from large), the assumption tagged
    ``size``; None when the food has no item of its own, or only a crumb of one and no
    count is written (``large chips`` is a large serving, not a large crisp; ``10 large
    grapes`` are ten large grapes)."""
    one = _for_food(food_id, food, "", "bare", hint, prepared)
    guessed = one.assumption and not one.assumption.startswith(_TWIN_ITEM)
    if not np.isfinite(one.grams) or guessed or (one.grams < _CRUMB_G and hint.implicit):
        return None  # no item, one that is itself a guess, or one eaten by the handful
    if _CONTAINER.search(one.portion):
        return None  # "small beef stew": a serving, not two-thirds of the can it is sold in
    # an item USDA calls large or small itself is scaled from its own size
    own = re.search(r"\b(large|small)\b", one.portion, re.IGNORECASE)
    factor = SIZE_FACTORS[unit] / (SIZE_FACTORS[own[1].lower()] if own else 1.0)
    if factor == 1.0:
        return None
    return _size_scaled(one, unit, factor, f"USDA has no {unit} one")


def _sized_serving(
    food_id: str, food: Food, unit: str, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """A large, medium or small serving of a food USDA weighs by no item (``large pho``,
    ``small stew``): its default portion scaled by :data:`~nutrilog.portions.sizes.SIZE_FACTORS`,
    as ``pho, large`` is read; None when the food has no default portion either."""
    one = _for_food(food_id, food, "", "default", hint, prepared)
    factor = SIZE_FACTORS.get(unit, 1.0)  # a medium serving is the usual one
    if not np.isfinite(one.grams):
        return None
    return _size_scaled(
        one, unit, factor, f"USDA has no {unit} one; {one.assumption or 'default portion'}"
    )


#: The most share of a food's unstated amount one item may weigh and still be no
#: serving of it: one fry of a 110 g order, one grape of a bunch.
_ONE_OF_MANY = 0.1


def _size_scaled(one: Portion, unit: str, factor: float, why: str) -> Portion:
    """``one`` scaled by ``factor`` for the size ``unit``, the assumption tagged ``size``."""
    grams = one.grams * factor
    return Portion(
        grams,
        f"{one.portion} x {factor:.3g}",
        "",
        f"size: {unit} = {factor:.3g} x {one.portion} = {grams_text(grams)} g ({why})",
    )


#: Vague counts before a food alone, by how many items they are (``a few`` 3, ``several``
#: 4: :data:`~nutrilog.quantity.numbers.VAGUE_COUNTS`, as read before a unit): the unit
#: names a portion of that many of the food's items.
#: ``a few`` of items so small that three weigh less than this share of the food's usual
#: serving (grapes, crackers, hazelnuts) is that serving: a small handful, not three.
#: Fitted on the read sets' ``a few``/``several`` lines (286 of 319 within the vague
#: tolerance, 277 with three items always).
SMALL_ITEMS_SHARE = 0.5
VAGUE_ITEMS: dict[int, str] = {int(n): words[-1] for words, n in VAGUE_COUNTS.items()}
_ITEMS_OF = {name: n for n, name in VAGUE_ITEMS.items()}
#: Words closing a food's name that say a part of it was counted (``orange slices``,
#: ``pineapple chunks``), with the portion word USDA weighs that part by.
_PARTS_NAMED = {
    "slices": "slice",
    "chunks": "chunk",
    "pieces": "piece",
    "wedges": "wedge",
    "strips": "strip",
    "sections": "section",
    "cubes": "cube",
}


#: The last word of a count of halves (``2 stuffed pepper halves``, ``4 peach halves``).
_HALVES = frozenset({"halves", "half"})


def _halves(
    food_id: str, food: Food, unit: str, kind: str, hint: Hint, prepared: PreparedPortions | None
) -> Portion:
    """One half of the food: its own ``half`` portion (canned peaches), else half of the
    item the count would weigh without the word."""
    row = count_row(food.rows, "half", hint)
    if row is not None:
        return Portion(row.per_one, row.label, "")
    whole = _for_food(food_id, food, unit, kind, hint._replace(item=""), prepared)
    if not np.isfinite(whole.grams):
        return whole
    return Portion(whole.grams / 2, f"1/2 of {whole.portion}", "", whole.assumption)


#: The kind of a bare count below one (``1/8 pumpkin pie``, ``half a frozen pizza``): a
#: share of the whole item, weighed per whole.
PART = "part"
#: A portion that is a share of a whole item (``piece (1/8 of 9" dia)``, ``slice 1/4 of pie``).
_SHARE_OF = re.compile(r"\b1/(\d+) of\b")
#: First words of a portion that is a whole baked item (``pie (9" dia)``, ``1-layer cake``).
_WHOLE_BAKED = frozenset({"pie", "loaf", "cake"})


def _whole_row(food: Food) -> Portion | None:
    """The whole item a food is cut from: its own whole pie, loaf or layer cake, else
    ``N`` times a portion that is ``1/N`` of it (``piece (1/8 of 9" dia)``)."""
    for row in food.rows:
        if not row.odd and (row.word in _WHOLE_BAKED or {"layer", "cake"} <= row.words):
            return Portion(row.per_one, row.label, "")
    for row in food.rows:
        share = _SHARE_OF.search(row.text)
        if share and int(share[1]) > 1 and not row.odd:
            n = int(share[1])
            return Portion(row.per_one * n, f"{n} x {row.label}", "")
    return None


def _part_of_whole(food: Food, item: Portion) -> Portion:
    """A share of a food written as a bare fraction: of the whole it is cut from when
    the item a count weighs is far less than that whole (``1/8 pumpkin pie`` is an
    eighth of the pie, not of one 133 g slice), else of the item (``1/2 cantaloupe``)."""
    whole = _whole_row(food)
    if whole is None or not item.grams < 0.5 * whole.grams:
        return item
    return whole._replace(assumption="share of the whole: " + whole.portion)


def for_food(
    food_id: str,
    food: Food,
    unit: str,
    kind: str,
    hint: Hint,
    prepared: PreparedPortions | None = None,
) -> Portion:
    """The portion of one ``unit`` of a food, by the rule for its ``kind`` (see the package);
    a size word left among the food words (``a big salad``) takes the food's portion of
    that size or scales its item or default portion
    (:func:`~nutrilog.portions.sizes.sized`). A size written as the unit that the food
    has no portion for stays unknown, so that the matcher can turn to an alternate food
    that has one (``6 large shrimp``)."""
    if kind == PART:
        item = for_food(food_id, food, unit, "bare", hint, prepared)
        # "half a watermelon wedge": a share of the piece the text names
        return item if hint.piece else _part_of_whole(food, item)
    if kind == "bare" and hint.item in _HALVES:  # "2 avocado halves": two halves
        found = _halves(food_id, food, unit, kind, hint, prepared)
    else:
        found = _for_food(food_id, food, unit, kind, hint, prepared)
    if hint.size == "mini" and kind == "default":
        return found  # "mini cheddars" with no amount: a serving of the bite-size food
    if hint.size and kind in ("default", "bare", "noun", "count"):
        # "2 small slices of pizza": small slices, not two small pizzas
        return sized(found, food, hint.size, whole=kind != "count" or unit in _WHOLE_UNITS)
    return found


#: Count units that are the food's whole item, whose sizes are the food's own
#: (``2 large eggs`` written ``2 large each``).
_WHOLE_UNITS = frozenset({"", "each", "item", "whole"})


#: Drinks sold in cans (``1 can coconut water``, ``1 can mango nectar``), by the words
#: of their USDA descriptions.
_DRINK = re.compile(
    r"\b(?:beverages?|juice|nectar|tea|coffee|water|drink|soda|cola|lemonade|beer|soft drink)\b",
    re.I,
)
#: The standard US drink can: 12 fl oz (355 ml).
DRINK_CAN_FL_OZ = 12.0


#: A drink's cup by its size when USDA gives the drink none: FNDDS's brewed coffee,
#: tea and latte cups (small 12, medium 16, large 20 fl oz: 360, 480 and 600 g).
DRINK_CUP_FL_OZ = {"small": 12.0, "medium": 16.0, "large": 20.0}
#: Alcoholic drinks: poured by the glass or the shot, never by a coffee cup's size.
_ALCOHOL = re.compile(r"\b(?:alcoholic|wine|beer|sherry|spirits?|liqueur|ale)\b", re.I)


def _drink_cup(
    food_id: str, food: Food, unit: str, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """A small, medium or large drink USDA weighs by volume alone (``lg hot chocolate``,
    ``large double double``): FNDDS's coffee-cup sizes through the drink's own fluid
    ounce; None for a food that is no soft drink, or has no volume weight."""
    if not _DRINK.search(food.description) or _ALCOHOL.search(food.description):
        return None
    one = _fl_oz(food_id, food, hint, prepared)
    if one is None:
        return None
    size = DRINK_CUP_FL_OZ[unit]
    grams = size * one.grams
    return Portion(
        grams,
        f"{size:g} fl oz via {one.portion}",
        "",
        f"size: {unit} = {size:g} fl oz, FNDDS's {unit} coffee cup (USDA has no {unit} of "
        f"this drink) = {grams_text(grams)} g",
    )


def _fl_oz(
    food_id: str, food: Food, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """One fluid ounce of a drink through its own volume weights, else its FNDDS twin's;
    None when neither has one."""
    one = volume_portion(food.rows, "fl_oz", hint)
    if np.isnan(one.grams):
        one = _twin_volume(food_id, "fl_oz", hint, prepared) or one
    return None if np.isnan(one.grams) else one


def _drink_can(
    food_id: str, food: Food, hint: Hint, prepared: PreparedPortions | None
) -> Portion | None:
    """A can of a drink USDA weighs by volume alone (coconut water, nectars, juices):
    the 12 fl oz US can through the drink's own volume weights, else its FNDDS twin's;
    None for a food that is no drink, or when neither has one."""
    one = _fl_oz(food_id, food, hint, prepared) if _DRINK.search(food.description) else None
    if one is None:
        return None
    grams = DRINK_CAN_FL_OZ * one.grams
    return Portion(
        grams,
        f"{DRINK_CAN_FL_OZ:g} fl oz can via {one.portion}",
        "",
        f"estimated amount: can = {DRINK_CAN_FL_OZ:g} fl oz (a standard US drink can) "
        f"= {grams_text(grams)} g",
    )


def _for_food(
    food_id: str,
    food: Food,
    unit: str,
    kind: str,
    hint: Hint,
    prepared: PreparedPortions | None = None,
) -> Portion:
    if kind == "default":
        usual = usual_size(food, hint) if hint.served else None
        if usual is not None and _ONE_PART.search(usual.portion):
            usual = None  # "tostones": a serving of them, not the one slice each is
        return usual if usual is not None else default_portion(food_id, food, hint)
    if kind == "vague" and unit in _ITEMS_OF and hint.item in _PARTS_NAMED:
        # "a few orange slices", "a few pineapple chunks": three of the part named, as
        # the food or its FNDDS twin weighs it; never three whole fruits
        part = _PARTS_NAMED[hint.item]
        one = _count(food_id, food, part, hint, prepared)
        if not np.isfinite(one.grams):
            one = _twin_unit(food_id, part, hint, prepared) or one
        if np.isfinite(one.grams) and not one.assumption.startswith(PART_AS_DEFAULT):
            n = _ITEMS_OF[unit]
            return Portion(
                n * one.grams,
                f"{n} x {one.portion}",
                "",
                f"estimated amount: {unit} = {n} x {part} ({one.portion}) = "
                f"{grams_text(n * one.grams)} g",
            )
        unit = "some"
    if kind == "vague" and unit in _ITEMS_OF:
        # "a few strawberries": three of the food's items when it is counted in items,
        # else the unstated amount of "some"
        one = _for_food(food_id, food, "", "bare", hint, prepared)
        if np.isfinite(one.grams) and not one.assumption:
            n = _ITEMS_OF[unit]
            grams = n * one.grams
            usual = default_portion(food_id, food, hint)
            if grams < SMALL_ITEMS_SHARE * usual.grams:
                # "a few grapes": small items said of a small handful, the usual serving
                return Portion(
                    usual.grams,
                    usual.portion,
                    "",
                    f"estimated amount: {unit} of small items = the usual serving, "
                    f"{grams_text(usual.grams)} g ({n} x {one.portion} weigh under half of it)",
                )
            return Portion(
                grams,
                f"{n} x {one.portion}",
                "",
                f"estimated amount: {unit} = {n} x {one.portion} = {grams_text(grams)} g",
            )
        unit = "some"
    if kind == "vague":
        return vague_portion(food_id, food, unit, hint, _twin_food(food_id, prepared))
    if not food.rows:
        return Portion(np.nan, "", "no household portions for this food")
    if kind == "volume":
        found = volume_portion(food.rows, unit, hint)
        if np.isnan(found.grams):
            return _twin_volume(food_id, unit, hint, prepared) or found
        return found
    if kind == "size":
        if unit == "medium" and not any(r.unit == "medium" for r in food.rows):
            usual = usual_size(food, hint, items_only=True)  # "sonic tots medium": an order
            if usual is not None:
                return usual
        found = size_portion(food.rows, unit, hint, food.description)
        if (
            unit == "medium"
            and hint.implicit  # "10 medium grapes" are counted, each one of them
            and not any(r.unit == "medium" for r in food.rows)
            and found.grams < _ONE_OF_MANY * food.typical
        ):
            # "medium crinkle fries": a medium serving, never one medium fry (2-5 g)
            found = Portion(np.nan, "", f"one item ({found.portion}) is no medium serving")
        if CUP_SIZE.search(found.portion):  # a fountain drink: the survey's cup with ice
            twin = _as_twin(
                food_id, prepared, lambda _, t: size_portion(t.rows, unit, hint), "size"
            )
            if twin is not None and CUP_SIZE.search(twin.portion):
                return twin
        if np.isnan(found.grams) and unit in SIZE_FACTORS:
            found = _scaled_item(food_id, food, unit, hint, prepared) or found
        if np.isnan(found.grams) and unit in DRINK_CUP_FL_OZ:
            cup = usual_size(food, hint, volumes_only=True)
            small = _drink_cup(food_id, food, "small", hint, prepared) if cup is not None else None
            if cup is not None and small is not None and cup.grams < small.grams / 2:
                # "2 small turkish coffees": a drink served in its own small cup (a
                # demitasse) is small already, never a 12 fl oz coffee cup; a large one is
                # half as much again
                factor = SIZE_FACTORS["large"] if unit == "large" else 1.0
                return _size_scaled(cup, unit, factor, "the drink's own cup")
            found = _drink_cup(food_id, food, unit, hint, prepared) or found
        if np.isnan(found.grams) and unit == "medium" and not hint.implicit and hint.named:
            # "10 medium grapes": ten of its ordinary items (USDA's "10 grapes"), each a
            # grape, never ten of its usual serving
            one = _for_food(food_id, food, "", "bare", hint, prepared)
            if np.isfinite(one.grams) and not one.assumption:
                return one
        if np.isnan(found.grams) and (unit in SIZE_FACTORS or unit == "medium"):
            return _sized_serving(food_id, food, unit, hint, prepared) or found
        if np.isfinite(found.grams):
            return found
        if np.isnan(found.grams) and unit == "extra large":  # "xtra lg fries": the large
            large = size_portion(food.rows, "large", hint)
            if np.isfinite(large.grams):
                return Portion(
                    large.grams * EXTRA_LARGE_OVER_LARGE,
                    f"{large.portion} x {EXTRA_LARGE_OVER_LARGE:g}",
                    "",
                    f"size: extra large = {EXTRA_LARGE_OVER_LARGE:g} x large (USDA has no "
                    "extra large of this food)",
                )
        return found
    if kind == "count":
        usual = usual_size(food, hint)
        if usual is not None and re.search(rf"\b{re.escape(unit)}\b", usual.portion, re.I):
            return usual  # "smoked sausage 1 link": the bun-size link, no breakfast link
        found = _count(food_id, food, unit, hint, prepared)
        if np.isnan(found.grams) and unit not in ("each", "serving"):
            found = _twin_unit(food_id, unit, hint, prepared) or found
        if np.isnan(found.grams) and unit in _PART_COUNTS:
            return _part_as_default(food_id, food, unit, hint) or found
        if np.isnan(found.grams) and unit == "can":
            return _drink_can(food_id, food, hint, prepared) or found
        return found
    if kind == "noun":
        return _noun(food, unit, hint)
    # bare count: one item -- the piece the food text ends on (``2 sausage links``: two
    # links), else the food's own item; a food not counted in items takes its default portion
    if hint.piece in _PART_COUNTS:
        # "2 pizza slices" are two slices, as "2 slices pizza" (not two whole pizzas);
        # "6 orange slices" the slice of the food's FNDDS twin, not six whole oranges;
        # "3 kielbasa slices" three slices, not three links
        found = _count(food_id, food, hint.piece, hint, prepared)
        if not np.isfinite(found.grams):
            found = _twin_unit(food_id, hint.piece, hint, prepared) or found
        if np.isfinite(found.grams):
            return found
    usual = usual_size(food, hint)
    if usual is not None:
        return usual
    size_named = hint.words & _BAR_SIZES
    row = (
        (None if size_named else regular_bar(food))
        # "3 fun size skittles": three of the packs the size names, not three candies
        or (_size_named_row(food, size_named) if size_named else None)
        or (count_row(food.rows, hint.piece, hint) if hint.piece else None)
        # "10 cherry tomatoes": the item its own words name, not ten medium tomatoes
        or entry_named_row(food.rows, hint, food.description)
        or item_row(food.rows, hint, food.description.lower())
        or described_count(food, hint)
        or count_default(food.rows, hint)
        or own_noun_row(food, hint)
    )
    if row is not None and whole_pan(row, hint, 0.0):  # a pan: weighed against a serving
        # "1 hoecake": one serving of the dish, never the whole pan it is baked in, when
        # the survey's unstated amount is far less than the pan
        usual = default_portion(food_id, food, hint)
        if np.isfinite(usual.grams) and whole_pan(row, hint, usual.grams):
            return usual
    if row is not None and not hint.size and not hint.dims and _SIZED_ROW.search(row.text):
        # "1 papaya": SR28 weighs only a small and a large fruit; its FNDDS twin, the same
        # food, weighs the fruit of no size (330 g), the item a count with no size means
        unsized = _twin_unsized(food_id, hint, prepared)
        if unsized is not None:
            return unsized
    if row is None:
        twin = _twin_count(food_id, hint, prepared)
        if twin is not None:
            return twin
        found = default_portion(food_id, food, hint)
        if np.isfinite(found.grams):
            return found
        return Portion(np.nan, "", "no weight for a count of this food")
    return Portion(row.per_one, row.label, "")
