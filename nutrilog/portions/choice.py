"""Choosing one portion among a food's rows, for each kind of unit.

:func:`pick` chooses among portions of the same unit (a size in inches named, a
modifier named, then the preferred form); :func:`volume_portion`, :func:`size_portion`,
:func:`serving_portion` and :func:`count_row` find the portion of a volume, a size, a
serving or a count word; :func:`count_default` and :func:`described_count` find the
portion of one item for a bare count. :func:`read_hint` reads what the food text says
about the portion (modifiers, inch sizes, its last noun).

Examples
--------
>>> read_hint('cucumber, sliced, large - 8 1/4" long')[:2]
(frozenset({'sliced'}), ((8.25, 8.25),))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import numpy as np

from nutrilog.portions.rows import NO_COUNT, WORD, Food, Row, word_set
from nutrilog.units import VOLUME_UNITS, convert

__all__ = [
    "CUP_SIZE",
    "NO_HINT",
    "Hint",
    "Portion",
    "count_default",
    "count_row",
    "described_count",
    "own_noun_row",
    "described_words",
    "entry_named_row",
    "item_row",
    "fits",
    "names",
    "name_pattern",
    "ones",
    "pick",
    "read_hint",
    "serving_portion",
    "size_portion",
    "volume_portion",
]

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
_VOLUME_RANK = {unit: rank for rank, unit in enumerate(_VOLUME_PREFERENCE)}
#: Measures of a liquid poured: a food weighed by the fluid ounce is weighed as poured,
#: where its cup rows may describe it changed (``cup, whipped`` of cream, ``cup,
#: packed``), so these units take the fl oz row first.
_POURED = frozenset({"ml", "l", "dl", "cl"})
_POURED_RANK = {**_VOLUME_RANK, "fl_oz": -1}
_SERVING = re.compile(r"\bserving\b")
_MODIFIERS = word_set(
    """chopped sliced diced shredded grated mashed pureed cubed whole halves pieces packed
    crumbled cooked raw ground slivered sections florets cherry grape packed king fun whipped
    miniature snack share sharing party thin shell"""
)


#: Modifiers written as a noun or verb (``swede mash``, ``dice``): the portion word they mean.
_MODIFIER_STEMS = {
    "mash": "mashed",
    "puree": "pureed",
    "purée": "pureed",
    "shreds": "shredded",
    "mini": "miniature",
}


@cache
def _modifier_stems() -> dict[str, str]:
    """:data:`_MODIFIER_STEMS` and the one-word synonyms (``datasets/synonyms.csv``)
    that mean a modifier: ``grnd flax`` is weighed by its ``tbsp, ground`` portion."""
    from nutrilog.matching.synonyms import synonym_table  # matching reads portions

    shorthand = {
        words[0]: row.means
        for entries in synonym_table().by_first.values()
        for words, row in entries
        if len(words) == 1 and row.means in _MODIFIERS
    }
    return {**shorthand, **_MODIFIER_STEMS}


class Portion(NamedTuple):
    """What :func:`~nutrilog.portions.grams_for` gives for one key: ``grams`` of one unit
    (NaN when unknown), the ``portion`` used, a ``note`` saying why ``grams`` is NaN, and
    the ``assumption`` the weight rests on (``""`` when none)."""

    grams: float  # grams of one unit
    portion: str
    note: str
    assumption: str = ""  # "<tag>: <detail>" when the weight rests on an assumption


@cache
def _factor(unit: str, to: str) -> float:
    """How many ``to`` make one ``unit`` (pint's volume and mass conversions)."""
    return convert(1.0, unit, to)


@lru_cache(maxsize=1024)
def name_pattern(word: str) -> re.Pattern[str]:
    """A pattern finding ``word`` (or its plural) as a whole word."""
    return re.compile(rf"\b{re.escape(word)}s?\b")


class Hint(NamedTuple):
    """What the entry's words say about the portion: modifiers and dimensions."""

    words: frozenset[str]  # portion modifiers named (chopped, sliced...)
    dims: tuple[tuple[float, float], ...]  # inch sizes named, as (low, high)
    noun: str = ""  # the last word of the food text when it is singular ("bar", "burrito")
    served: str = ""  # a serving named by datasets/count_sizes.csv ("flat white")
    size: str = ""  # a size word among the food words ("big salad"), as written
    piece: str = ""  # the count unit the food text ends on ("sausage links": "link")
    item: str = ""  # the last food word, as written ("potstickers")
    implicit: bool = False  # no count written: the amount is one by default ("large fries")
    named: frozenset[str] = frozenset()  # the food text's words, singular ("french bread pizza")


#: The hint of an entry whose food text names nothing about the portion.
NO_HINT = Hint(frozenset(), ())
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


def fits(row: Row, dims: tuple[tuple[float, float], ...]) -> bool:
    """Whether every size named overlaps a size in the portion's description."""
    own = _dimensions(row.text)
    return bool(own) and all(
        any(lo <= high + 0.01 and low <= hi + 0.01 for low, high in own) for lo, hi in dims
    )


#: The words of a portion of shelled nuts or seeds (``cup, without shell``).
_KERNELS = frozenset({"without", "shell"})


def pick(rows: Sequence[Row], hint: Hint) -> Row:
    """Choose among portions of the same unit.

    A size in inches the text names (``8" diameter``) keeps the portions of that
    size; then a modifier the text names (``chopped``, ``sliced``...) wins; then the
    shelled kernels of nuts or seeds (``cup, without shell``); otherwise the first
    portion (in USDA order) that is ``NFS`` (FNDDS' generic one), ``medium``, then
    plain (just the unit), then whole, then chopped / diced / cubes / pieces /
    sections, then sliced; else the first. Portions for part of an item,
    an odd size or a packed cup come last.
    """
    if len(rows) == 1:
        return rows[0]
    if hint.dims:
        rows = [row for row in rows if fits(row, hint.dims)] or rows
        if len(rows) == 1:
            return rows[0]
    if hint.words:
        for row in rows:
            if hint.words & row.words - _denied(row, hint):
                return row
    # a cup of nuts or seeds is of kernels: FNDDS' "NFS" cup is the in-shell yield
    kernels = [row for row in rows if row.words >= _KERNELS]
    if kernels:
        return kernels[0]
    usual = [row for row in rows if not row.odd] or rows
    return min(usual, key=lambda row: row.form)  # the first of the best form


#: A word a portion denies: the word after ``without`` (``cup, without shell``).
_WITHOUT = re.compile(r"\bwithout\s+(\w+)", re.IGNORECASE)


def _denied(row: Row, hint: Hint) -> frozenset[str]:
    """The words ``row`` names only to deny (``shell`` of ``cup, without shell``), when
    the text does not deny them too: ``pistachios in shell`` names no such cup."""
    if "without" in hint.words:
        return frozenset()
    return frozenset(w.lower() for w in _WITHOUT.findall(row.text))


#: A fast-food cup size among a drink's portions (SR28 ``drink, small (16 fl oz)``,
#: FNDDS ``medium drink``, ``child/senior drink``): SR28 weighs the cup full of the
#: drink, FNDDS the drink beside its ice.
CUP_SIZE = re.compile(r"\bdrink\b", re.IGNORECASE)


def count_default(
    rows: Sequence[Row], hint: Hint, best_allowed: int = NO_COUNT, typical: float = float("nan")
) -> Row | None:
    """The portion of one item: medium, each / whole, another countable one, then large.

    Only portions of rank ``best_allowed`` or better (see :func:`_count_rank`) count.
    A fast-food cup size (``drink, medium (22 fl oz)``) is no item: two colas are two
    cans, two iced teas two usual drinks. Of several cans, the one the food's usual
    amount ``typical`` weighs is one item (``2 monsters``: two 16 fl oz cans).
    """
    rows = [row for row in rows if not CUP_SIZE.search(row.text)]
    best = min((row.count for row in rows), default=NO_COUNT)
    if best == NO_COUNT or best > best_allowed:
        return None
    chosen = [row for row in rows if row.count == best]
    cans = [row for row in chosen if row.unit == "can"]
    return (_standard_can(cans, "can", hint, typical) if cans else None) or pick(chosen, hint)


#: A size row that weighs an order of the food, not one item of it (FNDDS fries' ``medium
#: fast food order``): it does not make a count one of its sizes.
_AN_ORDER = re.compile(r"\border\b", re.IGNORECASE)
#: Words of an entry that count orders or servings (``1 order fries``, ``2 sides of fries``).
_ORDERS = frozenset({"order", "side", "serving", "portion", "basket", "box", "bag", "plate"})


def described_count(food: Food, hint: Hint, most: float = 2) -> Row | None:
    """For a bare count, the portion of one item that the food's description names.

    ``4 fish sticks`` counts the food's ``stick`` portion, not its larger ``piece``;
    ``27 cheese crackers`` its ``cracker (1" square)``, not a goldfish; ``1 flour
    tortilla`` its plain ``tortilla`` rather than the 6-inch ``tortilla medium``.
    A food weighed by a ``medium`` size keeps it (fruit, vegetables), unless the size
    is an order (``10 fries``: ten of FNDDS's ``fry``, not ten medium orders), and so
    does a food whose description names none of its portions. Portions of more than ``most``
    items (``10 goldfish``) count only when asked for.
    """
    if not food.description or any(
        row.count == 0 and not (_AN_ORDER.search(row.text) and _ORDERS.isdisjoint(hint.named))
        for row in food.rows
    ):
        return None
    described = set(WORD.findall(food.description))
    rows = [
        row
        for row in (ones(food.rows) if most <= 2 else food.rows)
        if row.count <= most and not row.odd and row.word and _plural_in(row.word, described)
    ]
    if not rows:
        return None
    if hint.dims:
        rows = [row for row in rows if fits(row, hint.dims)] or rows
    plain = [row for row in rows if len(WORD.findall(row.text)) == 1]
    if not plain:
        # a size note in brackets keeps a row (``cracker (1" square)``); another word
        # outside them names a variant (``Bagel Thin`` of FNDDS fruit bagels: one bagel
        # is the regular one)
        rows = [row for row in rows if _no_variant(row, hint)]
        if not rows:
            return None
    return pick(plain or rows, hint)


def own_noun_row(food: Food, hint: Hint) -> Row | None:
    """For a bare count, the portion of one item named by the food's own noun when that
    noun is one USDA also uses for a whole (``cake``, ``pie``): ``2 crab cakes`` count
    FNDDS crab cake's ``cake (2-3/4" dia)`` (63 g), a row no heavier than the food's
    usual serving; ``2 chocolate cakes`` keep that serving, a whole cake weighing more."""
    noun = _singular(hint.item)
    if len(noun) < 3 or noun not in described_words(food.description) or not food.typical > 0:
        return None
    rows = [
        row
        for row in ones(food.rows)
        if row.word == noun and not row.odd and row.per_one <= food.typical
    ]
    return pick(rows, hint) if rows else None


def _no_variant(row: Row, hint: Hint) -> bool:
    """Whether a portion is not a product variant the entry does not name: USDA writes
    a variant's name in capitals after the noun (``Bagel Thin`` for a blueberry bagel),
    a shape or a size in lower case (``cracker square``, ``bar, fun size``)."""
    name = _BRACKETS.sub(" ", row.label).split(",")[0]
    words = re.findall(r"[A-Za-z]+", name)[1:]  # the noun, then what follows it
    return not any(w[0].isupper() and _singular(w.lower()) not in hint.named for w in words)


def _plural_in(word: str, words: set[str]) -> bool:
    return (
        word in words
        or f"{word}s" in words
        or f"{word}es" in words
        or (word.endswith("y") and f"{word[:-1]}ies" in words)  # fry: french fries
    )


def ones(rows: Sequence[Row]) -> list[Row]:
    """The portions of exactly one unit (``1 medium``, not ``2 slices``)."""
    return [row for row in rows if row.amount == 1]


def names_outside_brackets(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` (plural too) outside its brackets."""
    return name_pattern(word).search(_BRACKETS.sub(" ", text)) is not None


_BRACKETS = re.compile(r"\([^)]*\)")


def names(row: Row, word: str) -> bool:
    """True for a portion whose text has ``word`` (plural too) and which is not a volume."""
    return row.unit not in VOLUME_UNITS and name_pattern(word).search(row.text) is not None


#: The standard US beverage can (12 fl oz, 355 ml): a can of a drink written without a
#: size, when the food's can rows are sizes shared with bottles (SR28 sodas list
#: ``can or bottle (16 fl oz)`` before ``can or bottle (12 fl oz)``).
_STANDARD_CAN = re.compile(r"\(12 fl oz\)")


def _standard_can(found: Sequence[Row], unit: str, hint: Hint, typical: float) -> Row | None:
    """The can of a can written without a size: the one FNDDS weighs its "Quantity not
    specified" by, when one is (a Monster is its 16 fl oz can, not the 8.3 fl oz one
    listed first); else the 12 fl oz row when the first can row is ``can or bottle``; a
    drink sold in its own can (``can (8.4 fl oz)``) keeps it."""
    if unit != "can" or hint.dims or len(found) < 2:
        return None
    usual = next((row for row in found if row.amount == 1 and row.grams == typical), None)
    if usual is not None or "bottle" not in found[0].text:
        return usual
    return next((row for row in found if _STANDARD_CAN.search(row.text)), None)


def count_row(
    rows: Sequence[Row],
    unit: str,
    hint: Hint,
    typical: float = float("nan"),
    description: str = "",
) -> Row | None:
    """The portion of a count word: its unit, first word or a word of its text. A row
    that names the count word only in brackets, among its contents, goes after the
    others (``bar``: ``1/2 of 1 package (2.06 oz, 2 bars)`` before the package).
    ``typical`` is the food's FNDDS "Quantity not specified" weight (a can's usual size).
    Of several rows of the unit, one naming a word of the entry that the food's
    ``description`` lacks comes first (``2 slices texas toast``: FNDDS restaurant garlic
    bread's ``piece/slice Texas Toast``, not its medium slice)."""
    found = _whole_packs(
        [row for row in rows if row.unit == unit or row.word == unit or names(row, unit)], unit
    )
    if not found:
        return None
    outside = [
        row
        for row in found
        if row.unit == unit or row.word == unit or names_outside_brackets(row.text, unit)
    ]
    if not outside:  # only as contents: "package (2 oz package containing 2 3" bars)"
        return _one_of_contents(pick(found, hint), unit)
    said = hint.named - described_words(description) if description else frozenset()
    named = [row for row in outside if _names_entry(row, unit, said)] if said else []
    if named and len(named) < len(outside):
        outside = named  # "2 slices texas toast": the ``piece/slice Texas Toast`` row
    return _one_of_counted(_standard_can(outside, unit, hint, typical) or pick(outside, hint), unit)


def _whole_packs(rows: list[Row], unit: str) -> list[Row]:
    """Rows of ``unit`` without the one that is a part another row leaves out: beside
    SR28 ramen's ``package without flavor packet`` (81 g), its lone ``packet`` (6 g) is
    the flavour packet, not a pack of noodles."""
    leaves_out = re.compile(rf"\bwithout\b.*\b{re.escape(unit)}\b")
    if not any(leaves_out.search(row.text) for row in rows):
        return rows
    return [row for row in rows if row.text.strip() != unit] or rows


def _names_entry(row: Row, unit: str, said: frozenset[str]) -> bool:
    """Whether a count row names one of the entry's words ``said`` besides the unit
    (``piece/slice Texas Toast`` for ``texas toast``)."""
    words = {_singular(w) for w in WORD.findall(_BRACKETS.sub(" ", row.text.lower())) if len(w) > 2}
    return bool((words - _ITEM_NOUNS - {unit}) & said)


def _one_of_counted(row: Row, unit: str) -> Row:
    """``row`` as the weight of one ``unit`` when its text counts several of them
    (SR28's "serving 4 pieces" of chicken strips: a quarter of it); as it is otherwise."""
    found = re.search(rf"\b(\d+)\s+{re.escape(unit)}s?\b", _BRACKETS.sub(" ", row.text))
    if found is None or int(found[1]) < 2 or row.amount != 1:
        return row
    return _one_of(row, int(found[1]))


def _one_of(row: Row, count: int) -> Row:
    """``row`` as the weight of one of the ``count`` items it holds."""
    per = row.per_one / count
    return row._replace(per_one=per, grams=per * row.amount, label=f"1/{count} of {row.label}")


def _one_of_contents(row: Row, unit: str) -> Row:
    """``row`` as the weight of one ``unit`` when its brackets say how many it holds
    (``containing 2 3" bars``: half the package); as it is otherwise."""
    inside = " ".join(_BRACKETS.findall(row.text))
    found = re.search(
        rf"\b(\d+)\s+(?:[\d./]+\s*(?:\"|in\b|inch\w*)?\s+)?{re.escape(unit)}s?\b", inside
    )
    if found is None or int(found[1]) < 2:
        return row
    return _one_of(row, int(found[1]))


def volume_portion(rows: Sequence[Row], unit: str, hint: Hint) -> Portion:
    """The food's portion in ``unit``, else its cup, fl oz, tbsp, tsp... portion, scaled."""
    vol = [row for row in rows if row.unit in VOLUME_UNITS]
    if not vol:
        return Portion(np.nan, "", f"no {unit.replace('_', ' ')} weight for this food")
    same = [row for row in vol if row.unit == unit]
    if not same:
        ranks = _POURED_RANK if unit in _POURED else _VOLUME_RANK
        rank = min(ranks.get(row.unit, len(ranks)) for row in vol)
        same = [row for row in vol if ranks.get(row.unit, len(ranks)) == rank]
    plain = [row for row in same if not _SERVED_SIZE.search(row.text)]
    if unit == "fl_oz" and plain and not hint.size:
        # "12oz diet coke": a fluid ounce of the drink, not one of a fountain cup's
        # with its ice (SR28 sodas' "serving medium 21 fl oz", 23 g a fl oz)
        same = plain
    row = pick(same, hint)
    return Portion(row.per_one * _factor(unit, str(row.unit)), row.label, "")


#: A portion row of a served size (``serving medium 21 fl oz``, ``bottle 16 fl oz``): a
#: cup or a bottle, its weight spread over the fluid ounces it holds.
_SERVED_SIZE = re.compile(r"\d+(?:\.\d+)?\s*fl\.?\s*oz", re.I)


def size_portion(rows: Sequence[Row], unit: str, hint: Hint, description: str = "") -> Portion:
    """The food's portion of that size; else one of the inch size named (a Cronometer
    ``large - 8 1/4" long`` is SR28's ``cucumber (8-1/4")``); ``medium`` falls back
    to one item."""
    found = [row for row in rows if row.unit == unit] or [row for row in rows if names(row, unit)]
    if not found and hint.dims:
        found = [r for r in rows if r.unit not in VOLUME_UNITS and fits(r, hint.dims)]
    if not found and unit == "medium":
        one = count_default(ones(rows), hint)
        if one is not None:
            return Portion(one.per_one, one.label, "")
    if not found:
        return Portion(np.nan, "", f"no {unit} weight for this food")
    # "3 medium meatballs": the medium meatball, not the meat loaf's medium slice (an
    # item the text names and the food's ``description`` does not)
    named = hint.named - described_words(description)
    said = [row for row in found if (row.words - {unit}) & named]
    row = pick(said or found, hint)
    return Portion(row.per_one, row.label, "")


def serving_portion(rows: Sequence[Row], typical: float, hint: Hint) -> Portion:
    """One serving: a serving / NLEA serving portion, the typical amount, then one item."""
    found = [row for row in rows if row.unit == "serving" or row.word in ("serving", "nlea")]
    if not found:
        found = [row for row in rows if _SERVING.search(row.text) and row.amount > 0]
    if found:
        row = pick(found, hint)
        return Portion(row.grams, f"{row.label} (1 serving)", "")
    if typical > 0:
        return Portion(typical, "Quantity not specified (typical serving)", "")
    one = count_default(ones(rows), hint)
    if one is not None:
        return Portion(one.per_one, f"{one.label} (taken as 1 serving)", "")
    return Portion(np.nan, "", "no serving weight for this food")


#: Amount notes the analysis appends to the food text (``implicit one``, ``vague
#: amount``, ``no amount``...): they are no food words, so never the food's noun.
_AMOUNT_NOTES = re.compile(
    r"\b(?:implicit one|vague amount|\d+ calorie|count \d+ vague|no amount|daily total|range [\d.\-\s]+|logged as .*"
    r"|(?:king|fun|full|regular|snack|share|sharing|party|mini|standard) size)"
    r"(?:;|$)"
)


#: What the matcher writes after a food to say whether its skin was eaten
#: (:func:`nutrilog.matching.skins.skin_words`): no noun, no portion's word.
_SKIN_SAID = re.compile(r"\b(?:skinless|skin-on)\b")


@cache
def _shop_names() -> re.Pattern[str]:
    """The shop and store-brand names of the matcher's words (``giant eagle``), as written
    (read when first needed: the matching tables import this package)."""
    from nutrilog.matching.vocabulary import matcher_words

    names = sorted(matcher_words().store_brands, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n.lower()) for n in names) + r")\b")


@lru_cache(maxsize=65536)
def read_hint(food_text: str) -> Hint:
    """The portion modifiers (chopped, sliced...) and inch sizes named in the food text."""
    text = _SKIN_SAID.sub(" ", food_text.lower())  # "breast skinless": the noun is breast
    text = _shop_names().sub(" ", text)  # "giant eagle rye": a shop's name holds no size
    food_words = WORD.findall(_AMOUNT_NOTES.sub(" ", text))  # the notes hold no noun
    last = food_words[-1] if food_words else ""
    noun = last if len(last) > 2 and not last.endswith("s") else ""
    words = WORD.findall(text)  # but may hold a size ("king size")
    stems = _modifier_stems()
    named = _MODIFIERS.intersection(words) | {stems[w] for w in words if w in stems}
    from nutrilog.portions.sizes import served_name, size_word  # they read this module

    return Hint(
        frozenset(named),
        _dimensions(text),
        noun,
        served_name(text),
        size_word(food_words),
        _count_units().get(last, "") if len(food_words) > 1 else "",
        last,
        "implicit one" in text,
        frozenset(_singular(w) for w in words),
    )


_ES_PLURAL = re.compile(r"(?:[^aeiou]o|ch|sh|x)es$")


def _singular(word: str) -> str:
    if len(word) > 4 and _ES_PLURAL.search(word):
        return word[:-2]  # tomatoes, peaches, radishes, boxes
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=65536)
def described_words(description: str) -> frozenset[str]:
    """The words of a food's description, singular (``pizza``, ``cheese``, ``frozen``)."""
    return frozenset(_singular(w) for w in WORD.findall(description.lower()))


#: Nouns of an item a portion row adds to its maker's name (``Jimmy Dean sandwich``).
_ITEM_NOUNS = frozenset({"sandwich", "bar", "piece", "serving", "item", "order", "meal"})


def entry_named_row(rows: Sequence[Row], hint: Hint, description: str) -> Row | None:
    """The portion of one item that the entry names by words its food's description
    lacks: ``french bread pizza`` is FNDDS frozen pizza's ``French bread`` row (147 g),
    ``english muffin pizza`` its ``1/2 English muffin`` (54 g, one pizza as the row
    weighs it), not a medium frozen pizza; a maker's row is named by the maker alone
    (``jimmy dean sausage biscuit``: the ``Jimmy Dean sandwich`` row, 128 g); None
    when no such row."""
    if not hint.named:
        return None
    described = described_words(description)
    found = []
    for row in rows:
        if row.odd or row.unit or row.amount > 1:  # a unit's row is the unit's to choose
            continue
        words = {_singular(w) for w in WORD.findall(_BRACKETS.sub(" ", row.text)) if len(w) > 2}
        # a maker's row names its item (``Jimmy Dean sandwich``): the maker is enough
        named = words - _ITEM_NOUNS if words - _ITEM_NOUNS - described else words
        if named and named <= hint.named and named - described:
            found.append(row)
        elif named - described and _maker_said(row.text, hint.named, described):
            found.append(row)  # "dunkin bacon egg & cheese": the ``Dunkin' Donuts`` row
    if not found:
        return None
    row = max(found, key=lambda r: len(r.words))
    return row._replace(per_one=row.grams)


def _maker_said(text: str, said: frozenset[str], described: frozenset[str]) -> bool:
    """Whether a portion's text opens with a maker's name (``datasets/brands.csv``) whose
    first word the entry writes (``dunkin`` for ``Dunkin' Donuts sandwich``), a word that
    is none of the food's own (``taco`` of ``Taco Bell taco salad`` names the salad)."""
    from nutrilog.matching.synonyms import brand_table  # the matcher reads this module

    words = WORD.findall(_BRACKETS.sub(" ", text))
    if not words or words[0] not in said or words[0] in described:
        return False
    found = brand_table().find(words)
    return bool(found) and found[0][0] == 0


def item_row(rows: Sequence[Row], hint: Hint, description: str = "") -> Row | None:
    """The portion of one item that names the food's own noun as the text writes it
    (``hint.item``): ``4 potstickers`` counts FNDDS' ``pot sticker`` row (30 g), not the
    ``wonton, any size`` its description names (19 g). The noun matches a word of the
    portion or two of its words written as one, singular or plural; among several
    (``miniature taco``, ``medium taco``) :func:`pick` chooses. A noun that the food's
    ``description`` holds is left to :func:`described_count`.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> rows = load_foods().prepared_portions.food("fndds:58111110").rows
    >>> item_row(rows, read_hint("potstickers")).per_one
    30.0
    """
    item = hint.item
    if len(item) < 3:
        return None
    forms = {item, item.removesuffix("s"), item.removesuffix("es")}
    named = {
        f for w in WORD.findall(description) for f in (w, w.removesuffix("s"), w.removesuffix("es"))
    }
    if forms & named:
        return None  # the food's own name: :func:`described_count` reads it
    found = []
    for row in ones(rows):
        if row.unit in VOLUME_UNITS:
            continue
        words = WORD.findall(_BRACKETS.sub(" ", row.text))
        joined = {a + b for a, b in zip(words, words[1:], strict=False)}
        if forms & (set(words) | joined):
            found.append(row)
    return pick(found, hint) if found else None


@cache
def _count_units() -> dict[str, str]:
    """Count words of ``datasets/units.csv`` (``links``, ``spears``) to their unit."""
    from nutrilog.units import unit_aliases

    return {a: info.unit for a, info in unit_aliases().items() if info.kind == "count"}
