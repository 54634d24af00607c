"""Read the amount out of a free-text food log line.

``"1 1/2 cups of milk"`` becomes food ``milk``, quantity ``1.5``, unit ``cup``.
The parser understands what people type into a diary:

* numbers: ``2``, ``1.5``, ``1,5`` (decimal comma), ``1/2``, ``1 1/2``, ``1½``,
  ``½``, and words (``a``, ``an``, ``one`` ... ``twelve``, ``half``, ``a dozen``,
  ``a couple of``, ``one and a half``);
* ranges ``1-2 cups`` and ``1 to 2 cups`` (the midpoint, note ``range 1-2``);
* multipliers ``2 x 100 g`` (200 g), ``2x coffee``, ``eggs x2``;
* the amount before or after the food (``1 cup of milk``, ``spinach, 1 cup``,
  ``banana 120g``);
* every unit spelling in the alias table ``datasets/units.csv`` (through
  :func:`nutrilog.units.normalize_unit`), plus size words (``2 medium bananas`` →
  unit ``medium``) and count words (slice, can, glass, scoop, capsule...);
* a more precise measure in parentheses wins over a count or a vague amount: ``1 can
  (5 oz) tuna`` → 5 oz, note ``1 can``; ``1 tin (145g)`` → 145 g; a count in parentheses with no amount outside them is the
  amount (``eggs (2)``, ``Twix (2 bars)``, ``zucchini (1 med)``);
* dose counts: ``2 capsules magnesium 100 mg`` → 200 mg;
* a length is a size, not a count: ``Subway 6 inch turkey sub`` and ``6" sub`` are
  one sub, note ``6"`` (the portion of that length is chosen later); a packaged
  size (``king size``, ``fun size``) is kept out of the food words, as a note;
* a long mass or volume unit name misspelt by one letter after a number
  (``1 tablespon honey``, ``3 ounzes``); a measure closing the line after a comma
  with no number (``soup, cup``) is one of it.

Nothing is guessed silently. A line without any amount (``green beans``) is
quantity 1 of no unit with unit kind ``default`` and note ``implicit one``: it is
weighed later as the food's own default portion, never as one piece. A size word
opening the line is one of that size (``medium fries``: 1 ``medium``); a modifier
before a unit keeps the unit (``small bowl of rice``: 1 ``bowl``, note ``small``).
``a handful of almonds`` keeps the unit ``handful`` with unit kind ``vague`` and
note ``vague amount``; ``some rice`` has quantity NaN (an amount not stated).
A number joined to a name by a hyphen is part of it (``B-12``, ``omega-3``).
A leading minus sign (``-2 eggs``) is kept as a negative quantity so the readers
can reject the row.

Examples
--------
>>> parse_quantity("2 medium bananas")
ParsedAmount(food='bananas', quantity=2.0, unit='medium', unit_kind='size', note=None)
>>> parse_quantity("spinach, 1 cup").unit
'cup'
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from nutrilog.quantity.containers import container_amounts
from nutrilog.quantity.named import (
    DOSE_FORMS,
    inside_number_name,
    starts_dose_form_name,
    starts_number_name,
)
from nutrilog.quantity.numbers import (
    NUMBER_STARTS,
    format_number,
    is_number_start,
    num_value,
    number_at,
    plain_number,
)
from nutrilog.quantity.tokens import Tokens, normalize, tokenize, word_at
from nutrilog.quantity.unit_words import unit_at
from nutrilog.units import UnitInfo

__all__ = ["ParsedAmount", "parse_quantity"]


class ParsedAmount(NamedTuple):
    """The amount read from one line of text.

    Attributes
    ----------
    food : str
        The food words with the amount taken out (may be empty).
    quantity : float
        How many units (NaN when the amount is vague or missing).
    unit : str or None
        Canonical unit key (``g``, ``cup``, ``medium``, ``slice``...); None for a
        bare count (``2 eggs``).
    unit_kind : str or None
        ``mass``, ``volume``, ``activity``, ``size``, ``count``, ``vague``, or
        ``default`` when the line gives no amount at all.
    note : str or None
        Why the amount deserves a second look (``range 1-2``, ``implicit one``,
        ``vague amount``...), ``"; "``-separated.
    """

    food: str
    quantity: float
    unit: str | None
    unit_kind: str | None
    note: str | None


# Words allowed between a number and its unit ("2 heaping tbsp").
_MODIFIERS = {
    "heaping", "heaped", "level", "rounded", "scant", "generous", "big", "small",
    "medium", "large", "full", "good", "thin", "thick", "packed", "huge", "tiny", "wee",
    "little",
}  # fmt: skip
# Words after a leading size word that make it part of the food ("medium rare", "large curd").
_NOT_AFTER_SIZE = frozenset(
    ["rare", "well", "done", "roast", "grain", "curd", "heat", "hot", "spicy", "firm"]
    + ["soft", "dark", "light", "fat", "flake"]
)
# Vague measures that also open food names (``glass noodles``, ``mug cake``, ``spoon bread``, ``square
# pizza``, ``tin roof sundae``): without ``of`` after them they are the food's own word.
_NAMING_VAGUE = frozenset(
    ["glass", "mug", "square", "tin", "bag", "bottle", "shot", "wedge", "spoon"]
)
# Lean and fat shares of ground meat (``80/20``, ``93/7``): 50-99 over a smaller share.
_LEAN_RATIO = re.compile(r"(?:[5-9]\d)/(?:[1-4]?\d)")
# Number words that are an amount only in front of a unit ("quarter cup", not "quarter
# pounder"); "couple" is a count before any food ("couple eggs").
_NEED_UNIT = {"quarter", "single"}
# Words saying the amount is approximate; dropped from the food, noted.
# Before a number only: the bounds and hedges people put on an amount ("at least 2 cups",
# "almost 1 cup", "like 3 crackers") say it is approximate, not which food.
_APPROX_RE = re.compile(
    r"^(?:approx\.?|approximately|about|around|roughly|circa|ca\.|~"
    r"|(?:(?:just|a\s+bit|a\s+little|slightly)\s+)?(?:under|over|less\s+than|more\s+than)"
    r"|at\s+least|at\s+most|almost|nearly|close\s+to|up\s+to|maybe|probably|prob|like"
    r"|est\.?|estimated|guess(?:ing)?)\s*"
    r"(?=\d|[\u00bc-\u00be\u2150-\u215e]|(?:a|an|one|two|three|four|five|six|half)\b)"
    r"|^(?:approx\.?|approximately|about|around|roughly|circa|ca\.|~)\s*",
    re.I,
)
# Words limiting the amount that follows ("just a little butter", "only half a bagel"):
# how much, not which food; dropped from the food.
_LIMIT_RE = re.compile(
    r"^(?:just|only|barely|merely)\s+"
    r"(?=\d|[\u00bc-\u00be\u2150-\u215e]|(?:a|an|one|two|three|four|five|six|half)\b)",
    re.I,
)
# Count units whose label dose multiplies ("2 capsules magnesium 100 mg" = 200 mg).
_DOSE_COUNTS = {"capsule", "tablet", "softgel", "gummy", "lozenge", "drop", "sachet"}
#: What holds one drink (``2 cans coke 330ml``): a volume said after the drink is each one's.
_DRINK_HOLDERS = {"can", "bottle", "glass", "carton"}
#: The most drinks a count says the size of each of (``2 beers 0.5L``).
_MOST_SIZED = 12


class _Cand(NamedTuple):
    start: int  # first token index
    end: int  # one past the last token index
    quantity: float
    unit: UnitInfo | None
    notes: tuple[str, ...]
    implicit: bool
    depth: int


def _amount_at(toks: Tokens, i: int) -> _Cand | None:
    """An amount (number, optional multiplier, optional modifier and unit) at ``i``."""
    numeric = is_number_start(toks, i)
    if not numeric and toks.kind[i] != "word":
        return None
    if starts_number_name(toks, i) or inside_number_name(toks, i):
        return None  # "3 musketeers", "cure 81 ham": the number names the food
    if _LEAN_RATIO.fullmatch(toks.text[i]):
        return None  # "80/20 ground beef": lean and fat shares, not four of it
    found = number_at(toks, i)
    if found is None:
        return None
    value, j, notes = found
    if numeric and i == 1 and toks.text[0] == "-" and toks.end[0] == toks.start[1]:
        value, notes = -value, (*notes, "negative")
    if word_at(toks, j) == "x":
        second = plain_number(toks, j + 1)
        if second is None:
            return None  # "2 x" is a multiplier, handled by the caller
        notes = (*notes, f"{format_number(value)} x {format_number(second[0])}")
        value, j = value * second[0], second[1]
    unit: UnitInfo | None = None
    hit = None
    named = unit_at(toks, j)  # "3 small cups": a unit of its own (a demitasse)
    if word_at(toks, j) in _MODIFIERS and not (
        named is not None and named[1] > j + 1 and named[0].kind != "size"
    ):  # "2 heaping tbsp", "2 small slices"
        after = unit_at(toks, j + 1)
        if after is not None and after[0].kind != "size":
            notes, hit = (*notes, toks.word[j]), after
    hit = hit or unit_at(toks, j)
    if hit is not None and hit[1] == j + 1 and word_at(toks, j) in _NAMING_VAGUE:
        after = unit_at(toks, j + 1)  # "2 square slices": the shape of the slices
        if after is not None and after[0].kind == "count":
            notes, hit = (*notes, toks.word[j]), after
    if hit is not None and hit[0].unit in DOSE_FORMS and starts_dose_form_name(toks, j):
        hit = None  # "12 gummy bears": the dose-form word begins the food's name
    if hit is None and word_at(toks, j) == "of" and word_at(toks, j + 1) in {"a", "an"}:
        hit = unit_at(toks, j + 2)  # "3/4 of a cup"
    if hit is not None:
        unit, j = hit
        if word_at(toks, j) in _OF:
            j += 1
    if not numeric and unit is None and _half_after(toks, i, j):
        return _Cand(i, j, 0.5, None, ("half said after the food",), False, toks.depth[i])
    if not numeric and unit is None and not (i == 0 or toks.text[i - 1] in ",;("):
        return None  # "tea with a biscuit": a word number mid-text needs a unit
    if toks.word[i] in {"a", "an"} and i > 0 and _names_before(toks, i):
        return None  # "chick fil a strips": the "a" ends a name, it is no amount
    lone = not numeric and unit is None and not math.isnan(value) and i + 1 == j
    if lone and (word_at(toks, j) is None or toks.word[i] in _NEED_UNIT):
        return None  # a lone "a" at the end; "quarter pounder"
    start = 0 if (numeric and value < 0 and i == 1) else i
    return _Cand(start, j, value, unit, notes, False, toks.depth[i])


def _half_after(toks: Tokens, i: int, j: int) -> bool:
    """Whether the ``half`` at ``i`` ends the line after a food (``avocado half``,
    ``banana, half``, ``sandwich - half``): half of it, unless it ends a name (``half
    and half``)."""
    if toks.word[i] != "half" or j != toks.n or i == 0:
        return False
    words = [w for w in toks.word[:i] if w and w.isalpha()]
    return bool(words) and words[-1] not in {"and", "n", "a", "an"}


#: A bare number at least this large that opens a line with a measured amount later is
#: part of a product's name (``365 almond butter 2 tbsp``, ``7 grain bread 2 slices``
#: is not), not hundreds of the food.
_NAME_NUMBER = 50


def _names_a_product(toks: Tokens, outside: list[_Cand]) -> bool:
    """Whether the first amount of the line is a large bare number that a later amount
    with a unit makes a product's name."""
    if len(outside) < 2 or outside[0].start != 0 or outside[0].unit is not None:
        return False
    first = outside[0]
    later = [c for c in outside[1:] if c.unit is not None and c.unit.kind in {"mass", "volume"}]
    return toks.kind[0] == "num" and first.quantity >= _NAME_NUMBER and bool(later)


#: Words after which an "a" opens an amount (``coffee with a splash of milk``, ``had a
#: cup``); after any other word it ends a name (``chick fil a strips``).
_BEFORE_ARTICLE = frozenset(
    {
        "with",
        "w",
        "and",
        "n",
        "plus",
        "of",
        "or",
        "had",
        "ate",
        "drank",
        "about",
        "around",
        "approx",
        "maybe",
        "like",
        "just",
        "only",
        "then",
        "also",
        "added",
        "add",
        "in",
        "on",
        "into",
        "for",
        "over",
        "extra",
        "each",
        "per",
        "at",
        "from",
        "to",
        "after",
        "before",
    }
)


def _names_before(toks: Tokens, i: int) -> bool:
    """Whether the word before the ``a`` at ``i`` is part of a name it ends."""
    before = toks.text[i - 1]
    if toks.kind[i - 1] != "word" or toks.end[i - 1] == toks.start[i]:
        return False
    return before.lower() not in _BEFORE_ARTICLE and before.lower() not in NUMBER_STARTS


def _amounts(toks: Tokens) -> list[_Cand]:
    """The amounts of a line from left to right, each search resuming after the last one.

    Only numerals and words that can open a number word or phrase are tried.
    """
    starts = [
        i
        for i, (kind, word) in enumerate(zip(toks.kind, toks.word, strict=True))
        if kind == "num" or word in NUMBER_STARTS
    ]
    cands: list[_Cand] = []
    resume = 0
    for i in starts:
        cand = _amount_at(toks, i) if i >= resume else None
        if cand is not None:
            cands.append(cand)
            resume = cand.end
    return cands


#: The size of a packaged item (candy bars, chips): it picks the portion, it is no food word.
_ITEM_SIZE = re.compile(
    r"\b(?P<size>king|fun|full|regular|snack|share|sharing|party|mini|standard)[\s-]?sized?\b",
    re.IGNORECASE,
)
_INCH_WORDS = frozenset({"inch", "inches", "in"})


def _inch_size_end(toks: Tokens, cand: _Cand) -> int | None:
    """One past an inch mark after a bare number that names a size (``6 inch sub``,
    ``6" sub``, ``12-inch pizza``): the tokens of the size; None when it is no size.
    A food word must follow or come just before (``6 inch`` alone says nothing:
    ``turkey sub 6"`` is one sub of six inches), and ``in`` counts only written
    against the number (``6in sub``, not ``2 eggs in butter``)."""
    if cand.unit is not None or cand.depth:
        return None
    k = cand.end
    if k < toks.n and toks.text[k] == "-":
        k += 1
    if k >= toks.n:
        return None
    word = toks.word[k]
    attached = toks.start[k] == toks.end[k - 1]
    mark = toks.text[k] == '"' or (word in _INCH_WORDS and (word != "in" or attached))
    if not mark:
        return None
    if k + 1 < toks.n and toks.kind[k + 1] == "word":
        return k + 1
    if cand.start > 0 and toks.kind[cand.start - 1] == "word":
        return k + 1  # 'meatball sub 6"', "pizza 12 inch, 2 slices": the named item's size
    return None


def _implicit_unit(toks: Tokens) -> _Cand | None:
    """A unit opening the line with no number: ``cup of milk``, ``some rice``,
    ``small bowl of rice`` (a modifier, then the unit), ``medium fries`` (a size
    word before the food: one of that size), ``handful almonds`` (a vague measure
    that opens no food name, before the food)."""
    if not toks.n:
        return None
    notes: tuple[str, ...] = ()
    start = 0
    if toks.word[0] in _MODIFIERS and toks.n > 1:
        after = unit_at(toks, 1)
        if after is not None and after[0].kind not in ("size", "mass", "volume"):
            notes, start = (toks.word[0],), 1  # "small bowl of rice", "big glass of water"
    hit = unit_at(toks, start)
    if hit is None:
        return None
    info, j = hit
    if info.unit == "some":
        return _Cand(0, j + (word_at(toks, j) == "of"), math.nan, info, (), True, 0)
    if word_at(toks, j) in _OF:  # "cup of milk", "verre de lait", "tazza di caffè"
        return _Cand(0, j + 1, 1.0, info, (*notes, "implicit one"), True, 0)
    if notes or (
        info.kind == "size"
        and j < toks.n
        and toks.kind[j] == "word"
        and toks.word[j] not in _NOT_AFTER_SIZE
    ):
        return _Cand(0, j, 1.0, info, (*notes, "implicit one"), True, 0)
    if (
        info.kind == "vague"
        and info.unit not in _NAMING_VAGUE
        and toks.word[start] not in _NAMING_VAGUE  # "spoon bread": a spoonful's other word
        and j < toks.n
        and toks.kind[j] == "word"
    ):
        return _Cand(0, j, 1.0, info, ("implicit one",), True, 0)  # "handful almonds"
    return None


def _trailing_unit(toks: Tokens) -> _Cand | None:
    """A measure closing the line after a comma, with no number: ``soup, cup`` is one
    cup, ``orange juice, glass`` one glass, ``crackers, snack bag`` one bag (an app's or
    a diary's "food, measure"); a size word closing it after the food (``banana med``,
    ``sweet potato lg``) is one of that size."""
    for start in (toks.n - 1, toks.n - 2):
        if start < 2 or toks.text[start - 1] != ",":
            continue
        hit = unit_at(toks, start)
        if hit is not None and hit[1] == toks.n and hit[0].kind in ("volume", "vague"):
            return _Cand(start, toks.n, 1.0, hit[0], ("implicit one",), True, 0)
    last = toks.n - 1
    # a comma may stand before the size ("waffle fries, medium"), as an app writes it
    comma = last >= 2 and toks.text[last - 1] == "," and toks.kind[last - 2] == "word"
    if last >= 1 and (toks.kind[last - 1] == "word" or comma) and toks.depth[last] == 0:
        hit = unit_at(toks, last)
        if (
            hit is not None
            and hit[0].kind == "size"
            and not _DONENESS.intersection(toks.word[:last])
        ):
            return _Cand(last, toks.n, 1.0, hit[0], ("implicit one",), True, 0)
        if hit is not None and toks.word[last] in _PACKAGES and not comma:  # "coke can"
            return _Cand(last, toks.n, 1.0, hit[0], ("implicit one",), True, 0)
    if last >= 2 and toks.kind[last - 2] == "word" and toks.depth[last] == 0:
        hit = unit_at(toks, last - 1)  # a package of two words: "hamm's tall boy"
        if hit is not None and hit[1] == toks.n and hit[0].unit in _PACKAGES:
            return _Cand(last - 1, toks.n, 1.0, hit[0], ("implicit one",), True, 0)
    return None


#: Packages and slices a food is named with after it, no number: one of them (``Go-Gurt
#: tube``, ``choc milk carton``, ``coke can``, ``costco pizza slice``, ``guinness pint``,
#: ``hamm's tall boy``).
_PACKAGES = frozenset(
    {"tube", "carton", "can", "bottle", "pouch", "packet", "slice", "pint", "tallboy", "container"}
)


#: "of" after a unit, in English and in the Romance languages diaries mix in (``1 xicara
#: de feijao``, ``una taza de arroz``, ``un bicchiere di latte``).
_OF = frozenset({"of", "de", "di", "da", "do", "del", "du"})


#: Foods cooked to a doneness: a size word after them says how they are cooked
#: (``steak medium``), not how big they are.
_DONENESS = frozenset(
    {"steak", "steaks", "burger", "burgers", "hamburger", "beef", "lamb", "ribeye", "sirloin"}
)


def _multipliers(toks: Tokens, cands: list[_Cand]) -> tuple[float, set[int]]:
    """Prefix ``2 x coffee`` and suffix ``eggs x2`` multipliers outside the amounts ``cands``."""
    factor, used = 1.0, set()
    if "x" not in toks.word:
        return factor, used
    taken = {k for c in cands for k in range(c.start, c.end)}
    for k, word in enumerate(toks.word):
        if word != "x" or k in taken:
            continue
        nxt_num = k + 1 < toks.n and toks.kind[k + 1] == "num"
        prev_num = k > 0 and toks.kind[k - 1] == "num"
        if prev_num and not nxt_num and k - 1 not in taken:
            factor *= num_value(toks.text[k - 1])
            used |= {k - 1, k}
        elif nxt_num and not prev_num and k + 1 not in taken:
            factor *= num_value(toks.text[k + 1])
            used |= {k, k + 1}
    return factor, used


def _each_sized(count: _Cand, size: _Cand) -> bool:
    """Whether a count opening the line and a volume after the food give the size of
    each one counted (``2 beers 0.5L``, ``2 cans coke 330ml``: two of 500 ml and 330 ml);
    a count in a measure (``2 cups``) is no such count, nor a mass after it (``2 eggs
    100g``, likely the two together)."""
    return (
        count.start == 0
        and (count.unit is None or count.unit.unit in _DRINK_HOLDERS)
        and float(count.quantity).is_integer()
        and 1 <= count.quantity <= _MOST_SIZED
        and size.start > count.end
        and size.depth == 0
        and size.unit is not None
        and size.unit.kind == "volume"
    )


def _dose_pair(a: _Cand, b: _Cand, dose_form: bool = False) -> tuple[_Cand, _Cand] | None:
    """``(count, dose)`` when one amount counts capsules and the other is a label dose; a
    bare count counts them when a dose form names the product (``dose_form``: ``one D3
    softgel, 1000IU``) or the dose is in IU (``one D3 1000IU``)."""
    for count, dose in ((a, b), (b, a)):
        counted = count.unit is not None and count.unit.unit in _DOSE_COUNTS
        activity = dose.unit is not None and dose.unit.kind == "activity"
        if (dose_form or activity) and count.unit is None and count.depth == 0:
            counted = float(count.quantity).is_integer() and 1 <= count.quantity <= _MOST_SIZED
        if counted and dose.unit is not None and dose.unit.kind in {"mass", "activity"}:
            return count, dose
    return None


def _names_dose_form(toks: Tokens) -> bool:
    """Whether a word of the line is a dose form (``softgel``, ``capsules``)."""
    for k in range(toks.n):
        hit = unit_at(toks, k) if toks.kind[k] == "word" else None
        if hit is not None and hit[0].unit in DOSE_FORMS and not starts_dose_form_name(toks, k):
            return True  # "gummy bears" names a candy, no dose form
    return False


_FOOD_BREAK_RE = re.compile(r"[()\[\]{}\",;]")
_LEADING_OF_RE = re.compile(r"^(?:of|x)\b\s*", re.I)
_TRAILING_OF_RE = re.compile(r"\s+(?:of|x)$", re.I)
_LEADING_NUMBER_RE = re.compile(r"^[\d./\s-]+")


def _clean_food(s: str, toks: Tokens, drop: set[int]) -> str:
    pieces, pos = [], 0
    for k in sorted(drop):
        pieces.append(s[pos : toks.start[k]])
        pos = toks.end[k]
    pieces.append(s[pos:])
    food = " ".join(_FOOD_BREAK_RE.sub(" ", " ".join(pieces)).split())
    food = _LEADING_OF_RE.sub("", food)
    if food.endswith(("f", "F", "x", "X")):  # no other character matches them ignoring case
        food = _TRAILING_OF_RE.sub("", food)
    return food.strip(" -:/+&.*")  # spaces were made single above


def _span_text(toks: Tokens, s: str, cand: _Cand) -> str:
    return s[toks.start[cand.start] : toks.end[cand.end - 1]]


#: Containers whose size an amount gives (``28oz bottle``, ``500 ml carton of``).
_CONTAINER = re.compile(
    r"(?:bottle|can|carton|glass|mug|jar|tin|pouch|pack|box|tub|cup|tumbler)(?:e?s)?"
)


def _container_after(toks: Tokens, end: int) -> set[int]:
    """The token of a container word that ends the line right after a measured amount:
    the size of the container, not a food (``coke 12 oz can``). A container before its
    food keeps its word (``500ml bottle of water`` is bottled water)."""
    word = word_at(toks, end)
    if word is None or not _CONTAINER.fullmatch(word) or end + 1 != toks.n:
        return set()
    return {end}


#: What a drink or a dish is served in (not sold in): before a food weighed or measured
#: elsewhere on the line, no amount of its own (``glass of semi skimmed 300ml``).
_VESSELS = frozenset({"glass", "mug", "cup", "bowl", "dish", "plate", "cuppa"})


def _vessel_before(toks: Tokens, start: int) -> set[int]:
    """The tokens of a vessel and its ``of`` opening the line before a measured amount
    further on (``a glass of milk 300ml``): the amount says how much, the vessel is only
    what it was served in. A package keeps its word (``bottle of water 500ml``)."""
    at = 1 if word_at(toks, 0) in ("a", "an", "one") else 0
    if word_at(toks, at) not in _VESSELS or word_at(toks, at + 1) != "of" or start <= at + 2:
        return set()
    return set(range(at + 2))


#: A count of items in brackets after a weight or a volume (``1 oz (23 nuts)``, ``1 cup
#: (about 32 grapes)``, as apps and USDA portions write them): how many items the amount
#: holds, no second food or amount.
_COUNT_NOTE = re.compile(
    r"(?P<amount>\d\s*(?:oz|ounces?|g|grams?|cups?|c|tbsp|tsp|ml|lbs?)\.?)\s*"
    r"\(\s*(?:about|approx\.?|~)?\s*\d+(?:\.\d+)?\s+(?P<items>[a-z]+)\s*\)",
    re.IGNORECASE,
)


def _without_count_note(found: re.Match[str]) -> str:
    """The amount without its bracketed count; a weight or volume in the brackets
    (``1 cup (240 g)``) is kept, it says what the amount weighs."""
    if unit_at(tokenize(found["items"]), 0) is not None:
        return found[0]
    return found["amount"]


#: A sized pack written after the food (``cape cod chips, small bag``): one such pack.
_SIZED_PACK_AFTER = re.compile(
    r"^(?P<food>[^\d,]*?[a-z][^\d,]*?)[\s,]+(?:1\s+)?"
    r"(?P<size>small|sm|medium|med|large|lg|big)\s+(?P<pack>bag|packet|pack|bottle|can)$",
    re.IGNORECASE,
)
_SIZE_SHORTHAND = {"sm": "small", "med": "medium", "lg": "large"}


def _sized_pack_first(found: re.Match[str]) -> str:
    """The sized pack of :data:`_SIZED_PACK_AFTER` written before its food."""
    size = _SIZE_SHORTHAND.get(found["size"].lower(), found["size"])
    return f"1 {size} {found['pack']} {found['food']}"


#: The pieces a counted food is cut into, said after it (``1 orange (slices)``).
CUT_INTO = frozenset(
    {"slices", "wedges", "segments", "chunks", "pieces", "quarters", "halves", "sticks", "cubes"}
)
#: How a counted food was cut, in brackets or after a comma (``1 orange (slices)``, ``2
#: apples, in wedges``): the whole items cut up, not one slice.
_CUT_AS = re.compile(
    r"^(?P<count>\s*\d+(?:\.\d+)?\s+[a-z][^(),]*?)\s*(?:\(\s*(?:in\s+)?|,\s*(?:cut\s+)?in\s+)"
    rf"(?:{'|'.join(sorted(CUT_INTO))})\s*\)?\s*$",
    re.IGNORECASE,
)

#: A label's calories before its pack (``goldfish 100 cal pack``, ``2 100-calorie packs of
#: almonds``): which pack it is (FNDDS's ``100 calorie package`` rows), not a hundred of it.
_CALORIE_PACK = re.compile(
    r"\b(?P<cal>\d+)[\s-]?(?:cal|cals|calorie|calories|kcal)\s+"
    r"(?P<pack>(?:snack\s+)?(?:pack|packet|package|bag|pouch)s?)\b(?:\s+of\b)?",
    re.IGNORECASE,
)
_OPENING_COUNT = re.compile(r"^\s*(?P<count>\d+(?:\.\d+)?|an?|one|two|three)\s+", re.IGNORECASE)


def _calorie_pack(s: str) -> tuple[str, str | None]:
    """``s`` with its calorie pack (:data:`_CALORIE_PACK`) written as a count of packs
    after the line's count (one when none), and the note naming the pack's calories."""
    found = _CALORIE_PACK.search(s)
    if found is None:
        return s, None
    rest = re.sub(r"\s{2,}", " ", f"{s[: found.start()]} {s[found.end() :]}").strip(" ,-")
    count = _OPENING_COUNT.match(rest)
    if count is not None and count.end() < len(rest):
        rest = f"{count['count']} {found['pack']} {rest[count.end() :]}"
    else:
        rest = f"1 {found['pack']} {rest}"
    return rest, f"{found['cal']} calorie"


#: A footlong sub, written for its length: read as 12 inches long.
_FOOTLONG = re.compile(r"\bfoot[\s-]?longs?\b(?=\s+[a-z])", re.IGNORECASE)
#: Fountain cups sold by a name that says their size (Sonic's Route 44, 7-Eleven's
#: Super Big Gulp and Double Gulp), in fl oz.
_NAMED_CUPS = {"route 44": 44, "super big gulp": 44, "double gulp": 64}
_NAMED_CUP = re.compile(
    r"\b(?:route\s*44|super\s+big\s+gulp|double\s+gulp)\b(?!\s*(?:oz|fl\b))", re.IGNORECASE
)


#: A coffee chain's ``tall`` cup (12 fl oz): the small one, said before its drink (``tall
#: vanilla latte``); a tall glass, can or stack of pancakes is no cup size.
_TALL_CUP = re.compile(
    r"\btall(?=\s+(?:[\w%-]+\s+){0,3}?(?:latte|lattes|mocha|cappuccino|coffee|americano|"
    r"macchiato|frappuccino|frap|chai|tea|cocoa|hot\s+chocolate|flat\s+white|cold\s+brew|"
    r"refresher|pike|drip|misto)\b)",
    re.IGNORECASE,
)


def _tall_cup(s: str) -> str:
    """``s`` with a chain's tall cup as ``small``, first when no amount comes before it
    (``sbux tall hot cocoa`` is ``small sbux hot cocoa``)."""
    found = _TALL_CUP.search(s)
    if found is None:
        return s
    before, after = s[: found.start()], s[found.end() :]
    if re.search(r"\d", before):
        return f"{before}small{after}"
    return " ".join(f"small {before} {after}".split())


def _named_cup(found: re.Match[str]) -> str:
    """A fountain cup's name as its volume (``route 44`` is 44 fl oz)."""
    return f"{_NAMED_CUPS[' '.join(found[0].lower().replace('route44', 'route 44').split())]} fl oz"


@lru_cache(maxsize=65536)
def parse_quantity(text: str) -> ParsedAmount:
    """Parse the amount and food words of one diary line.

    Parameters
    ----------
    text : str
        A line such as ``"1 1/2 cups of milk"`` or ``"banana 120g"``.

    Returns
    -------
    ParsedAmount
        ``food, quantity, unit, unit_kind, note``; see the module docstring for
        the rules.

    Examples
    --------
    >>> parse_quantity("1 1/2 cups of milk")
    ParsedAmount(food='milk', quantity=1.5, unit='cup', unit_kind='volume', note=None)
    >>> parse_quantity("banana")
    ParsedAmount(food='banana', quantity=1.0, unit=None, unit_kind='default', note='implicit one')
    >>> parse_quantity("a handful of almonds").unit_kind
    'vague'
    """
    s = normalize(text if isinstance(text, str) else "")
    if not s:
        return ParsedAmount("", math.nan, None, None, "no text")
    s = container_amounts(s)  # "one 5.3oz cup", "whole can", "mac & cheese - cup"
    s = _FOOTLONG.sub('12"', s)  # "footlong veggie sub": a 12-inch sub
    s = _NAMED_CUP.sub(_named_cup, s)  # "route 44 diet coke": a 44 fl oz cup
    s = _tall_cup(s)  # "sbux tall vanilla latte": a chain's small cup
    s = _CUT_AS.sub(lambda m: m["count"], s)  # "1 orange (slices)": the orange, cut up
    s, calories = _calorie_pack(s)  # "goldfish 100 cal pack": one 100-calorie pack
    s = _SIZED_PACK_AFTER.sub(_sized_pack_first, s)  # "funyuns, sm bag"
    s = _COUNT_NOTE.sub(_without_count_note, s)  # "almonds, 1 oz (23 nuts)"
    limit = _LIMIT_RE.match(s)
    if limit is not None:
        s = s[limit.end() :]
    approx = _APPROX_RE.match(s)
    if approx and approx.end() < len(s):
        s = s[approx.end() :]
    sized = _ITEM_SIZE.search(s)
    if sized is not None:  # "king size Snickers": which bar, not how many
        s = f"{s[: sized.start()]} {s[sized.end() :]}".strip()
        s = re.sub(r"\s{2,}", " ", s)
    toks = tokenize(s)
    cands = _amounts(toks)
    sizes = [(c, end) for c in cands if (end := _inch_size_end(toks, c)) is not None]
    cands = [c for c in cands if all(c is not size for size, _ in sizes)]
    factor, mult_used = _multipliers(toks, cands)
    notes: list[str] = ["approximate"] if approx else []
    drop = set(mult_used)
    for size, end in sizes:  # "6 inch sub", '6" sub': a length, not how many
        notes.append(f'{format_number(size.quantity)}"')
        drop |= set(range(size.start, end))

    outside = [c for c in cands if c.depth == 0]
    inside = [c for c in cands if c.depth > 0]
    if (
        not outside
        and inside
        and all(c.unit is None or c.unit.kind in ("count", "size") for c in inside)
    ):
        outside, inside = inside[:1], inside[1:]  # "eggs (2)", "Twix (2 bars)", "(1 med)"
    primary: _Cand | None = None
    if _names_a_product(toks, outside):
        outside = outside[1:]  # "365 almond butter 2 tbsp": 365 names the product
    measured = [c for c in outside[1:] if c.unit is not None and c.unit.kind in ("mass", "volume")]
    if outside and outside[0].start == 0 and outside[0].unit is not None:
        # "a glass of milk 300ml": the measure says how much, the glass what it was in
        vague = outside[0].unit.kind == "vague" and measured
        primary = measured[0] if vague else outside[0]
    elif outside and outside[0].start == 0:
        primary = outside[0]
    elif outside:
        with_unit = [c for c in outside if c.unit is not None]
        primary = (with_unit or outside)[-1]
    if primary is None and not mult_used:
        primary = _implicit_unit(toks) or _trailing_unit(toks)
    quantity = math.nan
    unit: UnitInfo | None = None
    if primary is not None:
        drop |= set(range(primary.start, primary.end))
        quantity, unit = primary.quantity, primary.unit
        notes.extend(primary.notes)
        for other in (c for c in outside if c is not primary):
            drop |= set(range(other.start, other.end))
            pair = _dose_pair(primary, other, _names_dose_form(toks))
            if pair is not None:
                count, dose = pair
                notes.append(
                    f"{format_number(count.quantity)} {count.unit.unit if count.unit else 'x'}"
                    f"{'' if count.unit is None else ' x'} {_span_text(toks, s, dose)}"
                )
                quantity, unit = count.quantity * dose.quantity, dose.unit
            elif _each_sized(primary, other) and unit is primary.unit:
                if primary.quantity > 1:
                    shown = _span_text(toks, s, other)
                    notes.append(f"{format_number(primary.quantity)} x {shown} each")
                quantity, unit = primary.quantity * other.quantity, other.unit
            else:
                notes.append(f"other amount: {_span_text(toks, s, other)}")
    if primary is not None and unit is not None and unit.kind in {"mass", "volume"}:
        drop |= _container_after(toks, primary.end)  # "powerade 28oz bottle": a bottle's size
        drop |= _vessel_before(toks, primary.start)  # "glass of semi skimmed 300ml"
    if inside:
        measured = [
            c
            for c in inside
            if c.unit is not None and c.unit.kind in {"mass", "volume", "activity"}
        ]
        paren = measured[0] if measured else inside[0]
        opened = max((k for k in range(paren.start) if toks.text[k] in "(["), default=None)
        close = next((k for k in range(paren.end, toks.n) if toks.text[k] in ")]"), None)
        inner = set(
            range(
                (paren.start if opened is None else opened + 1),
                paren.end if close is None else close,
            )
        )
        weak = unit is None or unit.kind in {"count", "size", "vague"}
        if measured and weak:
            each = any(  # "(150 mg each)", "(500mcg/pump)"
                word_at(toks, k) in {"each", "ea", "per", "apiece"} or toks.text[k] == "/"
                for k in inner
            )
            count = 1.0 if primary is None or math.isnan(quantity) else quantity
            # "1/2 tin (420g)": the brackets weigh the whole tin, half of it was eaten
            each = each or (0 < count < 1 and unit is not None and unit.kind in {"count", "vague"})
            if primary is not None:
                shown = _span_text(toks, s, primary)
                notes.append(shown if primary.unit is not None else f"count {shown}")
            quantity = paren.quantity * (count if each else 1.0)
            unit = paren.unit
            notes.extend(paren.notes)
            drop |= inner | {k for k in (opened, close) if k is not None}
            primary = paren
        else:
            notes.append(_span_text(toks, s, paren))
            drop |= set(range(paren.start, paren.end))
    if primary is None:
        quantity = 1.0
        if not mult_used:
            notes.append("implicit one")
    if mult_used:
        quantity = factor * (1.0 if primary is None else quantity)
    food = _clean_food(s, toks, drop)
    if not food and unit is not None and unit.kind == "count" and primary is not None:
        # "1 steak", "2 bars": the count word is the food itself
        food = _clean_food(s, toks, drop - set(range(primary.start, primary.end))).strip()
        food = _LEADING_NUMBER_RE.sub("", food).strip() or unit.unit
        unit = None
    kind = unit.kind if unit is not None else None
    if primary is None and not mult_used and unit is None:
        kind = "default"  # no amount written: the food's own default portion
    if kind == "vague" or (primary is not None and math.isnan(quantity) and not mult_used):
        if unit is not None and unit.unit == "some":
            quantity = math.nan
        kind = "vague"
        notes = [n for n in notes if n != "implicit one"]
        notes.append("vague amount")
    if sized is not None:
        notes.append(f"{sized['size'].lower()} size")
    if calories is not None:
        notes.append(calories)
    note = "; ".join(dict.fromkeys(n for n in notes if n)) or None
    return ParsedAmount(food, float(quantity), unit.unit if unit else None, kind, note)
