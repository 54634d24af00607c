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
    the food's portion of that size; else, when the text names a size in inches
    (Cronometer's ``large - 8 1/4" long``), the portion of that size (SR28
    ``cucumber (8-1/4")``). ``medium`` falls back to the bare-count portion below
    when the food has no medium one (USDA often weighs "1 fruit" as the typical
    size); small and large never fall back.
count (slice, piece, can, fillet, stalk, rasher...)
    the food's portion whose unit (or first word) is that word, or its twin (a
    rasher is a slice, a can a bottle); ``each`` takes the bare-count portion. A
    bar counted in squares (``large bar (21 squares, 4 oz)``) also gives a square.
    A count word of the vague-amount table without a portion of its own (``shot``)
    is weighed as below, flagged as estimated.
bare count (no unit: ``2 eggs``, ``1 banana``)
    the piece the food's own description names (``fish sticks``: its ``stick``, not
    its larger ``piece``; a plain ``tortilla`` before a 6-inch one) unless the food
    is weighed by a ``medium`` size; then, in this order: the food's ``medium``
    portion; its ``each`` / whole / item portion; the first other countable portion (``fruit``, ``egg``, ``slice``,
    ``piece``, ``banana``, ``link``... -- anything that is not a volume, a mass, a
    small/large size or a package, serving or dimension measure); then its
    ``large`` portion. A food USDA weighs only by volume or mass counts the item of its
    FNDDS twin (``10 cashews``: FNDDS ``1 nut``, flagged ``count: ...``); a food with
    none of them takes its default portion.
default (no amount written: ``green beans``)
    the food's default portion, never one piece: its own FNDDS "Quantity not
    specified" weight, else the bundled ``datasets/default_portions.csv`` (an FNDDS
    twin's or neighbour's, its serving, its group's median; see
    ``datasets/_build_defaults.py``), else (a user's food) its serving or one
    whole item. A length named (``6 inch``, ``footlong``) or a packaged size (``king
    size``) picks the portion of that length or size first; a served item with no
    weight of its own (SR28 fast food: ``1 item``, ``1 each burrito``, ``1 sandwich``,
    SR28's per-length subs) is one item rather than a neighbour's or group's weight;
    a group median never wins over the food's own medium or single item; a food named
    by a serving noun (``... bar``, ``... slice``, and a food USDA calls a bar) is one
    of it. Flagged ``default portion: ...``.
vague (handful, some, bowl, glass, mug, scoop, square, serving, splash, pinch...)
    by ``datasets/vague_amounts.csv``, each row with its source: the food's own
    portion of that name where USDA has one (``scoop``, ``glass``), its default
    portion (``handful``, ``some``, ``bowl``), a volume through its own weights
    (``splash`` = 2 tbsp, ``pinch`` = 1/16 tsp), else a typical weight. Always
    flagged ``estimated amount: ...``. A vague amount without a number (``some
    rice``, quantity NaN) is one of that amount.
noun (a measure outside the alias table: Cronometer's ``olive``, ``cubic inch``, ``pizza``)
    the food's portion named by that word; else, when the word is the food's own
    noun (``6.00 olive`` of ripe olives), a count of items. Flagged ``noun unit``
    when counted.

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

import csv
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._checks import food_table_argument, same_length
from nutrilog._resources import dataset_path
from nutrilog._vector import coded, distinct_rows
from nutrilog.units import MASS_UNITS, VOLUME_UNITS, convert, to_grams

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = [
    "GRAMS_COLUMNS",
    "NO_QUANTITY",
    "Portion",
    "PreparedPortions",
    "amounts",
    "prepare_portions",
    "grams_for",
    "grams_per_unit",
    "resolve_grams",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Columns of the table :func:`resolve_grams` returns.
GRAMS_COLUMNS: list[str] = ["grams", "portion", "grams_note", "assumption"]

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
#: Count words that stand in for each other when a food lacks one of them.
_COUNT_TWINS = {
    "slice": "piece",
    "piece": "slice",
    "bottle": "can",
    "can": "bottle",
    "rasher": "slice",  # a rasher of bacon is a slice
}
_EMBEDDED_VOLUME = re.compile(
    r"(?i)\b(?P<num>\d+)(?:/(?P<den>\d+))?\s*(?P<unit>cups?|fl\.? ?oz|tbsp|tsp)\b"
)
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
    # whole items before cut ones: a cup of pods, berries, mushrooms or nuts with no
    # form named is a cup of them as bought (SR28 snow peas: cup whole 63 g, chopped 98 g)
    frozenset({"whole"}),
    frozenset({"chopped", "diced", "cubes", "cubed", "pieces", "sections"}),
    frozenset({"sliced", "slices"}),
)
#: Portion words for part of an item or an unusual size: chosen only when the text names them.
_ODD_FORMS = _words("eaten snack mini miniature bite kids")
_MODIFIERS = _words(
    """chopped sliced diced shredded grated mashed pureed cubed whole halves pieces packed
    crumbled cooked raw ground slivered sections florets cherry grape packed king fun
    miniature snack share sharing party"""
)


#: Modifiers written as a noun or verb (``swede mash``, ``dice``): the portion word they mean.
_MODIFIER_STEMS = {
    "mash": "mashed",
    "puree": "pureed",
    "purée": "pureed",
    "shreds": "shredded",
    "mini": "miniature",
}

#: Units of a portion that counts one item (with a countable first word); "" is none.
_COUNT_UNITS = (
    _words(
        """piece slice each bar stick fillet breast steak leaf stalk clove wedge square scoop
        can bottle"""
    )
    .union({""})
    .difference(VOLUME_UNITS, MASS_UNITS)
)
_VOLUME_RANK = {unit: rank for rank, unit in enumerate(_VOLUME_PREFERENCE)}
_WORD = re.compile(r"[a-z]+")
_SERVING = re.compile(r"\bserving\b")
#: Portions FNDDS gives for a typical or guideline amount rather than a measure.
_NOT_A_MEASURE = re.compile(r"(?i)\s*(quantity not specified|guideline amount)")


class _Portion(NamedTuple):
    grams: float  # grams of one unit
    portion: str
    note: str
    assumption: str = ""  # "<tag>: <detail>" when the weight rests on an assumption


class _Row(NamedTuple):
    """One usable portion of a food, with what the choice rules look at."""

    unit: str | None  # canonical unit key, "" when none (None: an embedded volume not understood)
    word: str  # first word of the description, lower case
    text: str  # the description in lower case
    words: frozenset[str]  # its words (letters a-z)
    odd: bool  # part of an item, an odd size or a packed cup (see _odd)
    form: int  # first of _PREFERRED_FORMS it is (len(_PREFERRED_FORMS) when none)
    count: int  # first bare-count rule it meets (see _count_rank)
    amount: float
    grams: float  # grams of ``amount`` units
    per_one: float  # grams of one unit
    label: str  # "amount description", as shown in ``portion``


class _Food(NamedTuple):
    rows: tuple[_Row, ...]  # usable portions in USDA order, then embedded volumes and counts
    typical: float  # FNDDS' "Quantity not specified" grams, NaN when none
    description: str = ""  # lower case


def _first_word(description: str) -> str:
    words = re.split(r"[\s,(;/]+", description.strip().lower(), maxsplit=1)
    return words[0] if words else ""


def _odd(words: frozenset[str]) -> bool:
    """A portion for part of an item, an unusual size, or a packed cup."""
    return bool(_ODD_FORMS & words) or (
        "packed" in words and not words & {"not", "loosely", "unpacked"}
    )


def _form(found: list[str], words: frozenset[str]) -> int:
    """Index of the first of :data:`_PREFERRED_FORMS` a portion is (plain: one word only)."""
    for rank, preferred in enumerate(_PREFERRED_FORMS):
        if (len(found) == 1) if preferred is None else bool(preferred & words):
            return rank
    return len(_PREFERRED_FORMS)


#: :func:`_count_rank` of a portion that does not count one item.
_NO_COUNT = 4


def _count_rank(unit: str | None, word: str) -> int:
    """The first bare-count rule a portion meets: 0 ``medium``; 1 each / whole / item;
    2 another countable unit (not a package, serving, measure...); 3 ``large``."""
    if unit == "medium":
        return 0
    if unit == "each" or word in _EACH_WORDS:
        return 1
    if unit in _COUNT_UNITS and word not in _NOT_COUNTABLE:
        return 2
    return 3 if unit == "large" else _NO_COUNT


def _row(description: str, amount: float, unit: str | None, grams: float) -> _Row:
    text = description.lower()
    found = _WORD.findall(text)
    # "pieces or slices" is the portion a text saying "sliced" means
    words = frozenset(found) | ({"sliced"} if "slices" in found else set())
    word = _first_word(description)
    return _Row(
        unit=unit,
        word=word,
        text=text,
        words=words,
        odd=_odd(words),
        form=_form(found, words),
        count=_count_rank(unit, word),
        amount=amount,
        grams=grams,
        per_one=grams / amount,
        label=f"{amount:g} {description}",
    )


def _embedded_volume(row: _Row, description: str) -> _Row | None:
    """A row like "serving 1/2 cup" or "serving 8 fl oz" as a volume portion of that size."""
    found = _EMBEDDED_VOLUME.search(description)
    if found is None or row.unit in VOLUME_UNITS:
        return None
    size = float(found["num"]) / float(found["den"] or "1")
    unit = _VOLUME_WORDS.get(re.sub(r"\W+", "_", found["unit"].lower()))
    return _row(description, row.amount * size, unit, row.grams)


#: SR28 weighs some sandwiches per length: amount 6, "inch sub" is one 6-inch sub.
_INCH_ITEM = re.compile(r"(?i)inch\b")
_EMBEDDED_COUNT = re.compile(r"(?i)\((?P<num>\d+)\s+(?P<unit>squares?|pieces?)\b")


def _embedded_count(row: _Row, description: str) -> _Row | None:
    """A row like "large bar (21 squares, 4 oz)" as a portion of 21 squares."""
    found = _EMBEDDED_COUNT.search(description)
    if found is None or float(found["num"]) <= 0:
        return None
    unit = found["unit"].lower().rstrip("s")
    count = row.amount * float(found["num"])
    return _row(description, count, unit, row.grams)._replace(label=f"1/{count:g} of {row.label}")


def _food(entries: Iterable[tuple[object, float, object, float]], food_name: str = "") -> _Food:
    """A food's usable portions and typical weight from its (description, amount, unit,
    grams) rows: no zero weights, no FNDDS "Quantity not specified" / "Guideline amount"."""
    rows: list[_Row] = []
    embedded: list[_Row] = []
    typical = np.nan
    for description, amount, unit, grams in entries:
        text = str(description)
        if np.isnan(typical) and grams > 0 and text.strip().lower() == "quantity not specified":
            typical = grams if amount <= 0 else grams / amount
        if not (grams > 0 and amount > 0) or _NOT_A_MEASURE.match(text):
            continue
        if amount > 1 and _INCH_ITEM.match(text):  # SR28 "6 inch sub": one 6-inch sub
            text, amount = f'{amount:g}" {text[len("inch") :].strip()}', 1.0
        row = _row(text, float(amount), "" if pd.isna(unit) else str(unit), float(grams))
        rows.append(row)
        for extra in (_embedded_volume(row, text), _embedded_count(row, text)):
            if extra is not None:
                embedded.append(extra)
    return _Food(tuple(rows + embedded), float(typical), food_name.lower())


class _Prepared:
    """A food table's portions as plain Python data, built once per table.

    The columns are read and grouped by id at once; each food's rows are built on
    its first use, and each answer is kept per (food id, unit, kind, modifiers).
    """

    def __init__(self, foods: FoodTable) -> None:
        table = foods.portion_table
        codes, ids = pd.factorize(table["id"])
        self._order = np.argsort(codes, kind="stable")
        self._starts = np.searchsorted(codes[self._order], np.arange(len(ids) + 1))
        self._group = dict(zip(ids.tolist(), range(len(ids)), strict=True))
        self._columns = [table[c].tolist() for c in ("description", "amount", "unit", "grams")]
        self._descriptions = foods.foods["description"]
        self._foods: dict[str, _Food] = {}
        self.answers: dict[tuple[object, ...], _Portion] = {}

    def food(self, food_id: str) -> _Food:
        """The food's usable portions (none when it has no household portions)."""
        found = self._foods.get(food_id)
        if found is None:
            group = self._group.get(food_id)
            positions = (
                self._order[self._starts[group] : self._starts[group + 1]].tolist()
                if group is not None
                else []
            )
            described = self._descriptions.get(food_id, "")
            found = _food(
                (tuple(column[i] for column in self._columns) for i in positions),
                described if isinstance(described, str) else "",
            )
            self._foods[food_id] = found
        return found


#: What :func:`grams_for` gives for one key: ``grams`` of one unit (NaN when unknown),
#: the ``portion`` used, a ``note`` saying why ``grams`` is NaN, and the ``assumption``
#: the weight rests on (``""`` when none).
Portion = _Portion
#: The portion rules' view of a food table (:attr:`~nutrilog.foods.FoodTable.prepared_portions`).
PreparedPortions = _Prepared


def prepare_portions(foods: FoodTable) -> PreparedPortions:
    """Build :attr:`FoodTable.prepared_portions` (use that: the table keeps the result)."""
    return _Prepared(foods)


def _prepared(foods: FoodTable) -> _Prepared:
    return foods.prepared_portions


@cache
def _factor(unit: str, to: str) -> float:
    """How many ``to`` make one ``unit`` (pint's volume and mass conversions)."""
    return convert(1.0, unit, to)


@cache
def _grams_of_one(unit: str) -> float:
    return to_grams(1.0, unit)


@lru_cache(maxsize=1024)
def _name_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}s?\b")


class _Hint(NamedTuple):
    """What the entry's words say about the portion: modifiers and dimensions."""

    words: frozenset[str]  # portion modifiers named (chopped, sliced...)
    dims: tuple[tuple[float, float], ...]  # inch sizes named, as (low, high)
    noun: str = ""  # the last word of the food text when it is singular ("bar", "burrito")


_NO_HINT = _Hint(frozenset(), ())
_MIXED_NUMBER = re.compile(r"(\d+)[ -](\d+)/(\d+)")
_FRACTION = re.compile(r"(?<![\d.])(\d+)/(\d+)")
_DIMENSION = re.compile(
    r'(?P<a>\d+(?:\.\d+)?)\s*(?:"|in\b|inch(?:es)?\b)?\s*(?:-|to)\s*'
    r'(?P<b>\d+(?:\.\d+)?)\s*(?:"|in\b|inch(?:es)?\b)'
    r'|(?P<c>\d+(?:\.\d+)?)[\s-]*(?:"|in\b|inch(?:es)?\b)'
    r"|(?P<foot>\bfoot[\s-]?long)"
)


def _decimal_fractions(text: str) -> str:
    """``8-1/4`` and ``7 7/8`` as ``8.25`` and ``7.875``; ``1/2`` as ``0.5``."""

    def mixed(m: re.Match[str]) -> str:
        den = float(m[3])
        return f"{float(m[1]) + float(m[2]) / den:g}" if den else m[0]

    def frac(m: re.Match[str]) -> str:
        den = float(m[2])
        return f"{float(m[1]) / den:g}" if den else m[0]

    return _FRACTION.sub(frac, _MIXED_NUMBER.sub(mixed, text))


@lru_cache(maxsize=4096)
def _dimensions(text: str) -> tuple[tuple[float, float], ...]:
    """Inch sizes in a text, each as (low, high): ``8-1/4"`` -> (8.25, 8.25), ``8-10"`` -> (8, 10).

    Examples
    --------
    >>> _dimensions('medium (7" to 7-7/8" long)')
    ((7.0, 7.875),)
    """
    if '"' not in text and "inch" not in text and " in" not in text and "foot" not in text:
        return ()
    out = []
    for m in _DIMENSION.finditer(_decimal_fractions(text)):
        if m["foot"] is not None:  # a footlong sandwich is 12 inches
            out.append((12.0, 12.0))
        elif m["c"] is not None:
            out.append((float(m["c"]), float(m["c"])))
        else:
            low, high = float(m["a"]), float(m["b"])
            out.append((min(low, high), max(low, high)))
    return tuple(out)


def _fits(row: _Row, dims: tuple[tuple[float, float], ...]) -> bool:
    """Whether every size named overlaps a size in the portion's description."""
    own = _dimensions(row.text)
    return bool(own) and all(
        any(lo <= high + 0.01 and low <= hi + 0.01 for low, high in own) for lo, hi in dims
    )


def _pick(rows: Sequence[_Row], hint: _Hint) -> _Row:
    """Choose among portions of the same unit.

    A size in inches the text names (``8" diameter``) keeps the portions of that
    size; then a modifier the text names (``chopped``, ``sliced``...) wins; otherwise
    the first portion (in USDA order) that is ``NFS`` (FNDDS' generic one),
    ``medium``, then plain (just the unit), then whole, then chopped / diced / cubes /
    pieces / sections, then sliced; else the first. Portions for part of an item,
    an odd size or a packed cup come last.
    """
    if len(rows) == 1:
        return rows[0]
    if hint.dims:
        rows = [row for row in rows if _fits(row, hint.dims)] or rows
        if len(rows) == 1:
            return rows[0]
    if hint.words:
        for row in rows:
            if hint.words & row.words:
                return row
    usual = [row for row in rows if not row.odd] or rows
    return min(usual, key=lambda row: row.form)  # the first of the best form


def _count_default(rows: Sequence[_Row], hint: _Hint, best_allowed: int = _NO_COUNT) -> _Row | None:
    """The portion of one item: medium, each / whole, another countable one, then large.

    Only portions of rank ``best_allowed`` or better (see :func:`_count_rank`) count.
    """
    best = min((row.count for row in rows), default=_NO_COUNT)
    if best == _NO_COUNT or best > best_allowed:
        return None
    return _pick([row for row in rows if row.count == best], hint)


def _described_count(food: _Food, hint: _Hint) -> _Row | None:
    """For a bare count, the portion of one item that the food's description names.

    ``4 fish sticks`` counts the food's ``stick`` portion, not its larger ``piece``;
    ``27 cheese crackers`` its ``cracker (1" square)``, not a goldfish; ``1 flour
    tortilla`` its plain ``tortilla`` rather than the 6-inch ``tortilla medium``.
    A food weighed by a ``medium`` size keeps it (fruit, vegetables), and so does a
    food whose description names none of its portions.
    """
    if not food.description or any(row.count == 0 for row in food.rows):
        return None
    described = set(_WORD.findall(food.description))
    rows = [
        row
        for row in _ones(food.rows)
        if row.count <= 2 and not row.odd and row.word and _plural_in(row.word, described)
    ]
    if not rows:
        return None
    if hint.dims:
        rows = [row for row in rows if _fits(row, hint.dims)] or rows
    plain = [row for row in rows if len(_WORD.findall(row.text)) == 1]
    return _pick(plain or rows, hint)


def _plural_in(word: str, words: set[str]) -> bool:
    return word in words or f"{word}s" in words or f"{word}es" in words


def _ones(rows: Sequence[_Row]) -> list[_Row]:
    return [row for row in rows if row.amount == 1]


def _names(row: _Row, word: str) -> bool:
    """True for a portion whose text has ``word`` (plural too) and which is not a volume."""
    return row.unit not in VOLUME_UNITS and _name_pattern(word).search(row.text) is not None


def _count_row(rows: Sequence[_Row], unit: str, hint: _Hint) -> _Row | None:
    found = [row for row in rows if row.unit == unit or row.word == unit or _names(row, unit)]
    return _pick(found, hint) if found else None


def _volume(rows: Sequence[_Row], unit: str, hint: _Hint) -> _Portion:
    """The food's portion in ``unit``, else its cup, fl oz, tbsp, tsp... portion, scaled."""
    vol = [row for row in rows if row.unit in VOLUME_UNITS]
    if not vol:
        return _Portion(np.nan, "", f"no {unit.replace('_', ' ')} weight for this food")
    same = [row for row in vol if row.unit == unit]
    if not same:
        rank = min(_VOLUME_RANK.get(row.unit, len(_VOLUME_RANK)) for row in vol)
        same = [row for row in vol if _VOLUME_RANK.get(row.unit, len(_VOLUME_RANK)) == rank]
    row = _pick(same, hint)
    return _Portion(row.per_one * _factor(unit, str(row.unit)), row.label, "")


def _size(rows: Sequence[_Row], unit: str, hint: _Hint) -> _Portion:
    """The food's portion of that size; else one of the inch size named (a Cronometer
    ``large - 8 1/4" long`` is SR28's ``cucumber (8-1/4")``); ``medium`` falls back
    to one item."""
    found = [row for row in rows if row.unit == unit] or [row for row in rows if _names(row, unit)]
    if not found and hint.dims:
        found = [r for r in rows if r.unit not in VOLUME_UNITS and _fits(r, hint.dims)]
    if not found and unit == "medium":
        one = _count_default(_ones(rows), hint)
        if one is not None:
            return _Portion(one.per_one, one.label, "")
    if not found:
        return _Portion(np.nan, "", f"no {unit} weight for this food")
    row = _pick(found, hint)
    return _Portion(row.per_one, row.label, "")


def _serving(rows: Sequence[_Row], typical: float, hint: _Hint) -> _Portion:
    """One serving: a serving / NLEA serving portion, the typical amount, then one item."""
    found = [row for row in rows if row.unit == "serving" or row.word in ("serving", "nlea")]
    if not found:
        found = [row for row in rows if _SERVING.search(row.text) and row.amount > 0]
    if found:
        row = _pick(found, hint)
        return _Portion(row.grams, f"{row.label} (1 serving)", "")
    if typical > 0:
        return _Portion(typical, "Quantity not specified (typical serving)", "")
    one = _count_default(_ones(rows), hint)
    if one is not None:
        return _Portion(one.per_one, f"{one.label} (taken as 1 serving)", "")
    return _Portion(np.nan, "", "no serving weight for this food")


# --------------------------------------------------------------------------- defaults


@cache
def _default_table() -> dict[str, tuple[float, str, str]]:
    """``datasets/default_portions.csv``: food id -> (grams, basis, from_id)."""
    with dataset_path("default_portions.csv").open(encoding="utf-8") as fh:
        return {
            row["id"]: (float(row["grams"]), row["basis"], row["from_id"])
            for row in csv.DictReader(fh)
        }


def _default(food_id: str, food: _Food, hint: _Hint) -> _Portion:
    """The weight eaten when no amount is given (see ``datasets/default_portions.csv``).

    The food's own FNDDS "Quantity not specified"; else the bundled default (an
    FNDDS twin's or neighbour's, its serving, its group's median); else (a user's
    food) its serving portion, then one whole item; never one small piece. A food
    named by one of its own whole-item portions (``Snickers bar``, ``bean burrito``:
    the text's last word, singular, names a portion of one item) is one of it, when
    that item weighs at least half the default (``green bean`` is not one bean).
    """
    sized = [row for row in _ones(food.rows) if hint.words & _ITEM_SIZES & row.words]
    if sized:  # "king size Snickers": the portion of that size
        row = _pick(sized, hint)
        return _Portion(
            row.per_one,
            f"{row.label} (default portion)",
            "",
            f"default portion: {row.label} = {_g(row.per_one)} g",
        )
    if hint.dims:  # "footlong", "6 inch": the item of that length, whatever the default
        sized = [
            row
            for row in _ones(food.rows)
            if not row.odd and row.unit in ("", "each") and _fits(row, hint.dims)
        ]
        if sized:
            row = _pick(sized, hint)
            return _Portion(
                row.per_one,
                f"{row.label} (default portion)",
                "",
                f"default portion: {row.label} = {_g(row.per_one)} g",
            )
    found = _usual_default(food_id, food, hint)
    item = _own_item(food, hint)
    if item is not None and not food.typical > 0:
        return _Portion(
            item.per_one,
            f"{item.label} (default portion)",
            "",
            f"default portion: one item = {_g(item.per_one)} g ({item.label})",
        )
    noun = hint.noun if hint.noun in _ITEM_NOUNS else ""
    if not noun and _BAR_FOOD.search(food.description):
        noun = "bar"  # "Kit Kat", "Twix": a food USDA names a bar is one bar
    for word in [w for w in (noun, _COUNT_TWINS.get(noun, "")) if w]:  # slice, or piece
        named = [
            row
            for row in _ones(food.rows)
            if row.count < _NO_COUNT
            and not row.odd
            and not row.words & _ITEM_SIZES
            and (row.unit == word or _names(row, word))
        ]
        if named:
            row = _pick(named, hint)
            if not row.per_one < 0.5 * found.grams:  # NaN default: the item stands
                return _Portion(
                    row.per_one,
                    f"{row.label} (default portion)",
                    "",
                    f"default portion: one {noun} = {_g(row.per_one)} g ({row.label})",
                )
    return found


#: A description that names its food a bar (``SNICKERS Bar``, ``TWIX Caramel Cookie Bars``).
_BAR_FOOD = re.compile(r"\bbars?\b")


#: First words of portions that weigh one whole served item (a sandwich, a burger...).
_ITEM_WORDS = _words(
    """item each sandwich burger hamburger cheeseburger burrito taco sub submarine wrap
    entree order pizza individual"""
)


#: Size words of packaged items (written "king size", "fun size", "mini").
_ITEM_SIZES = _words("king fun miniature snack share sharing party")
#: Nouns that name a served unit of a food rather than the food itself: "Snickers bar"
#: is one bar, but "fish" is not one whole fish nor "avocado" one avocado.
_ITEM_NOUNS = _ITEM_WORDS | _words("bar stick can bottle pouch packet carton tub pot slice piece")


def _own_item(food: _Food, hint: _Hint) -> _Row | None:
    """The food's own portion of one served item, when its portions say it is eaten so.

    A restaurant or packaged item that USDA weighs as ``1 item``, ``1 each burrito``,
    ``1 sandwich`` or per sandwich length is one of it when no amount is written,
    rather than a neighbour's or its food group's typical weight. A size in inches
    the text names (``6 inch``, ``footlong``) picks the portion of that size.
    """
    rows = [row for row in _ones(food.rows) if not row.odd and row.unit in ("", "each")]
    if hint.dims:
        sized = [row for row in rows if _fits(row, hint.dims)]
        if sized:
            return _pick(sized, hint)
    items = [
        row
        for row in rows
        if row.word in _ITEM_WORDS or (row.word[:1].isdigit() and '"' in row.text)
    ]
    return _pick(items, hint) if items else None


def _usual_default(food_id: str, food: _Food, hint: _Hint) -> _Portion:
    if food.typical > 0:
        return _Portion(
            food.typical,
            "Quantity not specified (default portion)",
            "",
            f"default portion: quantity not specified = {_g(food.typical)} g",
        )
    found = _default_table().get(food_id)
    if found is not None and found[1] == "group median":
        # a food group's median says less than the food's own medium or one item
        own = _count_default(_ones(food.rows), hint, best_allowed=2)
        if own is not None:
            return _Portion(
                own.per_one,
                f"{own.label} (default portion)",
                "",
                f"default portion: {own.label} = {_g(own.per_one)} g",
            )
    if found is not None:
        grams, basis, source = found
        via = f" {source}" if source and source != food_id else ""
        return _Portion(
            grams,
            f"default portion ({basis}{via})",
            "",
            f"default portion: {basis}{via} = {_g(grams)} g",
        )
    serving = [row for row in food.rows if row.unit == "serving" or row.word in ("serving", "nlea")]
    if serving:
        row = _pick(serving, hint)
        return _Portion(
            row.per_one,
            f"{row.label} (default portion)",
            "",
            f"default portion: {row.label} = {_g(row.per_one)} g",
        )
    one = _count_default(_ones(food.rows), hint, best_allowed=1)
    if one is not None:
        return _Portion(
            one.per_one,
            f"{one.label} (default portion)",
            "",
            f"default portion: {one.label} = {_g(one.per_one)} g",
        )
    return _Portion(np.nan, "", "no default portion for this food")


# --------------------------------------------------------------------------- vague amounts


class _VagueRule(NamedTuple):
    """One row of ``datasets/vague_amounts.csv``."""

    foods: re.Pattern[str] | None  # the rule applies to foods whose description matches
    portion_words: tuple[str, ...]  # the food's own portion named so, first found wins
    default: bool  # else the food's default portion
    volume: tuple[float, str] | None  # else this volume through the food's volume weights
    grams: float  # else this weight (NaN: none)
    share: float = 1.0  # the part of the portion or default weight meant ("sliver": half)


def _volume_spec(text: str) -> tuple[float, str] | None:
    if not text.strip():
        return None
    amount, unit = text.split()
    return float(amount), unit


@cache
def _vague_rules() -> dict[str, tuple[_VagueRule, ...]]:
    """``datasets/vague_amounts.csv`` by word, rows in file order."""
    rules: dict[str, list[_VagueRule]] = {}
    with dataset_path("vague_amounts.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rules.setdefault(row["word"], []).append(
                _VagueRule(
                    re.compile(rf"\b(?:{row['foods']})", re.I) if row["foods"] else None,
                    tuple(w for w in row["portion_words"].split("|") if w),
                    row["default"].strip().lower() == "yes",
                    _volume_spec(row["volume"]),
                    float(row["grams"]) if row["grams"].strip() else np.nan,
                    float(row["share"]) if (row.get("share") or "").strip() else 1.0,
                )
            )
    return {word: tuple(found) for word, found in rules.items()}


def vague_words() -> frozenset[str]:
    """The amount words weighed by ``datasets/vague_amounts.csv`` (handful, glass, pinch...).

    Examples
    --------
    >>> {"handful", "glass", "pinch"} <= vague_words()
    True
    """
    return frozenset(_vague_rules())


def _g(grams: float) -> str:
    """Grams as shown in an assumption: one decimal at most (``5.4``, ``355.2``, ``28``)."""
    return f"{round(grams, 1):g}"


def _estimated(word: str, grams: float, how: str) -> _Portion:
    return _Portion(grams, how, "", f"estimated amount: {word} = {_g(grams)} g ({how})")


def _shared(share: float, label: str) -> str:
    return label if share == 1.0 else f"{share:g} x {label}"


def _vague(food_id: str, food: _Food, word: str, hint: _Hint) -> _Portion:
    """A vague amount: the food's own portion of that name, its default portion, a
    volume through its own weights, or a typical weight (``datasets/vague_amounts.csv``)."""
    rule = next(
        (
            r
            for r in _vague_rules().get(word, ())
            if r.foods is None or r.foods.search(food.description)
        ),
        None,
    )
    if rule is None:
        return _Portion(np.nan, "", f"vague amount {word!r}")
    for name in rule.portion_words:
        named = [row for row in food.rows if row.unit == name or row.word == name] or [
            row for row in food.rows if _names(row, name)
        ]
        if named:
            row = _pick(named, hint)
            return _estimated(word, row.per_one * rule.share, _shared(rule.share, row.label))
    if rule.default:
        found = _default(food_id, food, hint)
        if np.isfinite(found.grams):
            return _estimated(word, found.grams * rule.share, _shared(rule.share, found.portion))
    if rule.volume is not None:
        amount, unit = rule.volume
        vol = _volume(food.rows, unit, hint)
        if np.isfinite(vol.grams):
            return _estimated(
                word, amount * vol.grams, f"{amount:g} {unit.replace('_', ' ')} via {vol.portion}"
            )
    if np.isfinite(rule.grams):
        return _estimated(word, rule.grams, "typical weight")
    return _Portion(np.nan, "", f"no weight for a {word} of this food")


# --------------------------------------------------------------------------- counts


def _count(food_id: str, food: _Food, unit: str, hint: _Hint) -> _Portion:
    """The food's portion of that count word or its twin; else a typical amount."""
    rows = food.rows
    if unit == "each":
        row = _count_default(rows, hint)
    elif unit == "serving":  # a serving given as a count: a serving row, never a guess
        return _serving(rows, food.typical, hint)
    else:
        row = _count_row(rows, unit, hint)
        if row is None and unit in _COUNT_TWINS:
            row = _count_row(rows, _COUNT_TWINS[unit], hint)
    if row is None and unit in _vague_rules():
        found = _vague(food_id, food, unit, hint)  # "shot", or a glass given as a count
        if np.isfinite(found.grams):
            return found
    if row is None:
        return _Portion(np.nan, "", f"no {unit} weight for this food")
    return _Portion(row.per_one, row.label, "")


def _noun(food: _Food, unit: str, hint: _Hint) -> _Portion:
    """A measure word outside the alias table: a portion named so (``olive``,
    ``cubic inch``, ``pizza``), or the food's own noun (``6.00 olive`` of olives) as a
    count of items."""
    row = _count_row(food.rows, unit, hint)
    if row is not None:
        return _Portion(row.per_one, row.label, "")
    noun = unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
    if _name_pattern(noun).search(food.description):
        one = _count_default(food.rows, hint)
        if one is not None:
            return _Portion(
                one.per_one, one.label, "", f"noun unit: {unit} = {_g(one.per_one)} g ({one.label})"
            )
    return _Portion(np.nan, "", f"unknown unit {unit!r}")


def _twin_count(food_id: str, hint: _Hint, prepared: _Prepared | None) -> _Portion | None:
    """One item of the food's FNDDS twin (``datasets/default_portions.csv``), for a count
    of a food that USDA weighs only by volume or mass: ``10 cashews`` are ten of FNDDS
    cashews' ``1 nut``, the same nut."""
    found = _default_table().get(food_id)
    if found is None or found[1] != "FNDDS twin" or not found[2] or prepared is None:
        return None
    twin = prepared.food(found[2])
    row = _described_count(twin, hint) or _count_default(twin.rows, hint, best_allowed=2)
    if row is None:
        return None
    return _Portion(
        row.per_one,
        f"{row.label} (FNDDS twin {found[2]})",
        "",
        f"count: one item as FNDDS twin {found[2]} weighs it = {_g(row.per_one)} g",
    )


def _for_food(
    food_id: str,
    food: _Food,
    unit: str,
    kind: str,
    hint: _Hint,
    prepared: _Prepared | None = None,
) -> _Portion:
    if kind == "default":
        return _default(food_id, food, hint)
    if kind == "vague":
        return _vague(food_id, food, unit, hint)
    if not food.rows:
        return _Portion(np.nan, "", "no household portions for this food")
    if kind == "volume":
        return _volume(food.rows, unit, hint)
    if kind == "size":
        return _size(food.rows, unit, hint)
    if kind == "count":
        return _count(food_id, food, unit, hint)
    if kind == "noun":
        return _noun(food, unit, hint)
    # bare count: one item; a food that is not counted in items takes its default portion
    row = _described_count(food, hint) or _count_default(food.rows, hint)
    if row is None:
        twin = _twin_count(food_id, hint, prepared)
        if twin is not None:
            return twin
        found = _default(food_id, food, hint)
        if np.isfinite(found.grams):
            return found
        return _Portion(np.nan, "", "no weight for a count of this food")
    return _Portion(row.per_one, row.label, "")


#: Amount notes the analysis appends to the food text (``implicit one``, ``vague
#: amount``, ``no amount``...): they are no food words, so never the food's noun.
_AMOUNT_NOTES = re.compile(
    r"\b(?:implicit one|vague amount|no amount|daily total|range [\d.\-\s]+|logged as .*"
    r"|(?:king|fun|full|regular|snack|share|sharing|party|mini|standard) size)"
    r"(?:;|$)"
)


@lru_cache(maxsize=65536)
def _hint(food_text: str) -> _Hint:
    """The portion modifiers (chopped, sliced...) and inch sizes named in the food text."""
    text = food_text.lower()
    food_words = _WORD.findall(_AMOUNT_NOTES.sub(" ", text))  # the notes hold no noun
    last = food_words[-1] if food_words else ""
    noun = last if len(last) > 2 and not last.endswith("s") else ""
    words = _WORD.findall(text)  # but may hold a size ("king size")
    named = _MODIFIERS.intersection(words) | {
        _MODIFIER_STEMS[w] for w in words if w in _MODIFIER_STEMS
    }
    return _Hint(frozenset(named), _dimensions(text), noun)


def _water(unit: str | None) -> Portion | None:
    """One unit of plain water, through pint's ``water`` context; None for a unit that
    is neither a mass nor a volume."""
    if unit is None or not (unit in MASS_UNITS or unit in VOLUME_UNITS):
        return None
    return _Portion(_grams_of_water(unit), "volume of water (1 g/ml)", "")


@cache
def _grams_of_water(unit: str) -> float:
    return convert(1.0, unit, "g", "water")


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
        found = _Portion(float(given), f"{given:g} g per {label} (your aliases file)", "")
    return found


def _resolve(
    food_id: str | None,
    unit: str | None,
    unit_kind: str | None,
    foods: FoodTable,
    food_text: str = "",
) -> _Portion:
    """:func:`grams_per_unit` with the assumption made, if any."""
    unit = unit if isinstance(unit, str) and unit else None
    kind = unit_kind if isinstance(unit_kind, str) and unit_kind else None
    if kind == "mass" or (kind is None and unit in MASS_UNITS):
        return _Portion(_grams_of_one(str(unit)), "mass", "")
    if kind == "activity":
        return _Portion(np.nan, "", "activity units (IU) are not a food amount")
    if unit is not None and kind is None:
        kind = "volume" if unit in VOLUME_UNITS else "noun"
    if kind == "vague" and unit is None:
        unit = "some"  # "a few", "a little": no amount stated
    if not isinstance(food_id, str) or not food_id:
        return _Portion(np.nan, "", "vague amount" if kind == "vague" else "no food matched")
    if food_id not in foods:
        return _Portion(np.nan, "", f"unknown food id {food_id!r}")
    prepared = _prepared(foods)
    hint = _hint(food_text) if isinstance(food_text, str) and food_text else _NO_HINT
    noun = hint.noun if kind == "default" else ""  # only a default portion looks at it
    key = (food_id, unit or "", kind or "bare", hint.words, hint.dims, noun)
    found = prepared.answers.get(key)
    if found is None:
        found = _for_food(food_id, prepared.food(food_id), key[1], key[2], hint, prepared)
        prepared.answers[key] = found
    return found


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
    [88.0]
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
