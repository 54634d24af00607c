"""How a part of a line reads beside the others: additions' amounts, chips with a main.

An addition written without an amount beside the food it goes with takes the amount of
``datasets/companion_amounts.csv`` (:func:`companion_amounts`): milk in coffee or tea
2 tbsp, a sugar 1 tsp, butter on toast 1/2 tbsp, each flagged ``estimated amount``.
``chips`` beside a hot main (``fish and chips``) are french fries, beside a salsa or
guacamole tortilla chips (:func:`british_chips`). A food no table has, named by an addition and the food it goes
on (``avocado toast``, ``lox bagel``), is that food with the addition
(:func:`topped_foods`).

Examples
--------
>>> [p.text for p in companion_amounts((Part("coffee", ()), Part("milk", ())))]
['1 cup coffee', '2 tbsp milk']
>>> [p.text for p in topped_foods((Part("2 slices avocado toast", ()),), lambda t: False)]
['2 slices toast', 'avocado']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from nutrilog.matching.parts import Part, has_amount
from nutrilog.matching.words import normalize_many
from nutrilog.quantity import parse_quantity

__all__ = [
    "additions_apart",
    "british_chips",
    "companion_amounts",
    "gravy_apart",
    "plate_vegetables",
    "read_topped",
    "topped_foods",
]


class _Companion(NamedTuple):
    """One row of ``datasets/companion_amounts.csv``."""

    base: frozenset[str]  # normalised names of the food that takes the addition
    addition: frozenset[str]  # normalised names of the addition
    amount: str  # the amount of one addition ("2 tbsp")
    base_amount: str  # the amount of the base when it has none ("1 cup"), or ""
    means: str  # the food the addition is in this place ("half and half"), or ""
    per_slice: bool  # the amount is spread on each slice or piece of a counted base


@lru_cache(maxsize=1)
def _companions() -> tuple[_Companion, ...]:
    """``datasets/companion_amounts.csv``: what an addition without an amount weighs."""
    import csv

    from nutrilog._resources import dataset_path

    with dataset_path("companion_amounts.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            _Companion(
                frozenset({"*"})
                if row["base"].strip() == "*"
                else frozenset(normalize_many(row["base"].split("|"))),
                frozenset(normalize_many(row["addition"].split("|"))),
                row["amount"].strip(),
                (row.get("base_amount") or "").strip(),
                (row.get("means") or "").strip(),
                (row.get("per_slice") or "").strip() == "yes",
            )
            for row in csv.DictReader(fh)
        )


#: The amount of an addition that is a garnish (a slice of lemon in tea): left out.
GARNISH = "garnish"
_BARE_COUNT = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?|a|an|one|two|three)\s+(?P<food>\D+)$", re.I)
_COUNT_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}
#: Measures of an addition that a count multiplies whatever their size (``2 milks`` in
#: tea are two splashes); other measures of more than one unit (``0.5 oz`` of nuts,
#: ``2 slice`` of bacon) are the addition's whole amount, and a count is of its pieces.
_SPOONS = frozenset({"tsp", "tbsp"})


#: Coffee-shop cup sizes: a drink named with one has its amount.
_CUP_SIZE = re.compile(
    r"\b(?:short|tall|grande|venti|trenta|small|medium|large|regular|big|mug|pot)\b", re.I
)


#: How warm an addition is served (``warm milk``, ``steamed milk``): not which one it is.
_SERVED_AT = frozenset({"warm", "hot", "cold", "iced", "steamed", "frothed", "heated", "chilled"})


def _untempered(key: str) -> str:
    """A normalised addition without the words of how warm it is served."""
    words = [w for w in key.split() if w not in _SERVED_AT]
    return " ".join(words) if words else key


def companion_amounts(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """An addition written without an amount beside the food it goes with takes the
    amount of ``datasets/companion_amounts.csv``: ``coffee with milk`` is 2 tbsp of
    milk, ``tea with 2 sugars`` two teaspoons, ``toast w/ butter`` half a tablespoon,
    not a glass of milk or a default portion of butter."""
    if len(parts) < 2:
        return parts
    parts = tuple(_plate_eggs(p) for p in parts)
    keys = [normalize_many([p.text])[0] for p in parts]
    out: list[Part | None] = list(parts)
    for n, part in enumerate(parts):
        counted = _BARE_COUNT.match(part.text)
        read = parse_quantity(part.text)
        if counted is not None and read.unit is not None:
            counted = None  # "2 tsp sugar": a measure of sugar, not two of "tsp sugar"
        count, food = 1.0, part.text.strip()
        measured = False
        if counted is not None:
            raw = counted["n"].lower()
            count = _COUNT_WORDS.get(raw) or float(raw)
            food = counted["food"].strip()
        elif has_amount(part.text):
            measured, food = True, read.food.strip()
        key = _untempered(normalize_many([food])[0])  # "warm milk" is milk
        others = [k for m, k in enumerate(keys) if m != n]
        rule = next(
            (
                c
                for c in _companions()
                if key in c.addition and any(_names_any(o, c.base) for o in others)
            ),
            None,
        )
        if rule is None:
            continue
        if measured:  # "tea, splash milk": the milk's own amount, the drink still a cup
            if read.unit in _SPOONS or read.unit_kind == "vague" or read.unit is None:
                # a spoonful or a splash goes into a cup; "coffee with 1 cup milk" says
                # nothing of the coffee's own amount
                _base_amount(out, keys, n, rule, food)
            continue
        if rule.amount == GARNISH:  # "iced tea w/ lemon": a slice too small to count
            out[n] = None
            m = next(m for m, o in enumerate(keys) if m != n and _names_any(o, rule.base))
            if out[m] is not None:
                note = ("left out", f"{food}: a garnish, too little to weigh")
                out[m] = Part(out[m].text, (*out[m].tags, note))
            continue
        number, unit = rule.amount.split(maxsplit=1)
        if count > 1 and float(number) != 1 and unit not in _SPOONS:
            # "oatmeal + 10 almonds": ten nuts, not ten handfuls of half an ounce; a count
            # multiplies only one measure each ("2 sugars") or a spoonful ("2 milks")
            continue
        if rule.per_slice:  # "2 slices toast w/ butter": butter on each slice
            count *= _slices(parts, keys, n, rule.base)
        amount = f"{float(number) * count:g} {unit}"
        tags = (*part.tags, ("estimated amount", f"{food} = {amount} (added)"))
        if rule.means:
            base = next(o for o in others if _names_any(o, rule.base))
            tags = (*tags, ("synonym", f"{food} → {rule.means} (added to {base})"))
        out[n] = Part(f"{amount} {rule.means or food}", tags)
        _base_amount(out, keys, n, rule, food)
    return tuple(p for p in out if p is not None)


#: Eggs written in the plural with no count beside another food (``scrambled eggs &
#: toast``, ``spam and eggs``): a plate's two eggs, as every labelled line of the kind
#: takes them, not FNDDS's one-egg "Quantity not specified".
_PLATE_EGGS = re.compile(
    r"^\s*(?:(?:scrambled|fried|boiled|hard boiled|soft boiled|poached|over easy|"
    r"sunny side up|runny)\s+)?eggs\s*$",
    re.IGNORECASE,
)


def _plate_eggs(part: Part) -> Part:
    """``part`` counted as two eggs when it is eggs in the plural with no count."""
    if not _PLATE_EGGS.match(part.text):
        return part
    note = ("estimated amount", f"{part.text.strip()} = 2 (a plate's eggs, no count written)")
    return Part(f"2 {part.text.strip()}", (*part.tags, note))


def _base_amount(
    out: list[Part | None], keys: list[str], n: int, rule: _Companion, food: str
) -> None:
    """Give the food the addition ``n`` goes with the rule's own amount, when it has
    none (a cup of tea taken with milk, not FNDDS's 12 fl oz mug). Slices of bread
    are the dish of the two alone (``beans on toast``): on a plate of more foods (``2
    eggs, bacon, beans, toast``) the toast keeps its own slice."""
    if not rule.base_amount:
        return
    if rule.base_amount.endswith("slice") and sum(o is not None for o in out) > 2:
        return
    for m, other in enumerate(out):
        if (
            m != n
            and other is not None
            and _names_any(keys[m], rule.base)
            and not _is_addition(keys[m])  # "coffee mate" names coffee, and is no drink
            and parse_quantity(other.text).unit_kind == "default"
            and not _CUP_SIZE.search(other.text)  # no size either
        ):
            detail = f"{other.text} = {rule.base_amount} (taken with {food})"
            out[m] = Part(
                f"{rule.base_amount} {other.text}",
                (*other.tags, ("estimated amount", detail)),
            )


def _is_addition(key: str) -> bool:
    """Whether a normalised part is itself an addition of the table (``coffee mate``)."""
    return any(_untempered(key) in c.addition for c in _companions())


def additions_apart(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """A drink written with an addition run into its name, beside another addition of
    that drink (``coffee cream & sugar``, ``iced coffee cream and sugar``, ``tea milk,
    2 sugars``): the drink and the addition apart, so that the cream is a creamer cup
    (:func:`companion_amounts`) and not a cup of coffee cream. A drink and one addition
    alone (``coffee cream``) stay as written: that may be the product.

    Examples
    --------
    >>> [p.text for p in additions_apart((Part("coffee cream", ()), Part("sugar", ())))]
    ['coffee', 'cream', 'sugar']
    """
    if len(parts) < 2:
        return parts
    foods = [normalize_many([parse_quantity(p.text).food])[0] for p in parts]
    out: list[Part] = []
    for n, part in enumerate(parts):
        others = [f for m, f in enumerate(foods) if m != n]
        cut = None
        for rule in _companions():
            added = {a for c in _companions() if c.base == rule.base for a in c.addition}
            if not any(o in added for o in others):
                continue
            for addition in rule.addition:
                found = re.search(rf"\s+{re.escape(addition)}\s*$", part.text, re.IGNORECASE)
                head = normalize_many([part.text[: found.start()]])[0] if found else ""
                if found and head.split() and _names_any(head.split()[-1], rule.base):
                    cut = found.start()
                    break
            if cut is not None:
                break
        if cut is None:
            out.append(part)
        else:
            out += [
                Part(part.text[:cut].strip(), part.tags),
                Part(part.text[cut:].strip(), part.tags),
            ]
    return tuple(out)


#: The most slices one spread is counted on: a larger count is a batch, not one plate.
_MOST_SLICES = 4


def _slices(parts: tuple[Part, ...], keys: list[str], at: int, base: frozenset[str]) -> float:
    """How many slices or pieces the base part beside part ``at`` counts (``2 slices
    toast``, ``toast (2 slices)``), at most :data:`_MOST_SLICES`; 1 when it counts none."""
    for m, other in enumerate(parts):
        if m == at or not _names_any(keys[m], base):
            continue
        said = parse_quantity(other.text)
        if said.unit in ("slice", "piece") and 1 < said.quantity <= _MOST_SLICES:
            return float(said.quantity)
    return 1.0


def topped_foods(parts: tuple[Part, ...], accepted: Callable[[str], bool]) -> tuple[Part, ...]:
    """A part that lands on no food (``accepted`` says whether a part's text does) and
    whose food words are additions followed by the food they go on, as rows of
    ``datasets/companion_amounts.csv`` pair them (``avocado toast``, ``butter toast``,
    ``lox bagel``, ``pb jam toast``), becomes the food, keeping the amount, and each
    addition, which :func:`companion_amounts` then weighs. A food the tables know by
    that name (``cinnamon toast``, ``milk tea``) is left whole."""
    out: list[Part] = []
    for part in parts:
        split = read_topped(part.text)
        if split is None or accepted(part.text):
            out.append(part)
            continue
        base, *additions = split
        tag = ("topping", f"{part.text.strip()} → {base} with {' and '.join(additions)}")
        out += [Part(base, (*part.tags, tag)), *(Part(a, part.tags) for a in additions)]
    return tuple(out)


def read_topped(text: str) -> tuple[str, ...] | None:
    """``(base text with the amount, addition, ...)`` when the food words of ``text`` are
    additions then their base (see :func:`topped_foods`), else None.

    Examples
    --------
    >>> read_topped("1 slice butter toast"), read_topped("toast")
    (('1 slice toast', 'butter'), None)
    >>> read_topped("pb jam toast")
    ('toast', 'pb', 'jam')
    >>> read_topped("1 falafel pita")
    ('1 pita', 'falafel')
    """
    food = parse_quantity(text).food.strip()
    words = food.split()
    keys = normalize_many(words)
    if len(words) < 2 or food not in text or any(len(k.split()) != 1 for k in keys):
        return None
    filled = _FILLED_BREAD.search(food)
    if filled is not None and filled.start() > 0:  # "falafel pita": falafel in a pita
        at = text.rindex(food)
        named = filled["bread"]
        if named.lower().startswith("wrap"):  # a wrap's bread is a 10" flour tortilla
            named = _WRAP_BREAD
        bread = f"{text[:at]}{named}{text[at + len(food) :]}"
        return (" ".join(bread.split()), food[: filled.start()].strip())
    for cut in range(1, len(words)):
        base = " ".join(keys[cut:])
        additions = _additions(keys[:cut], base)
        if additions is not None:
            at = text.rindex(food)
            base_text = f"{text[:at]}{' '.join(words[cut:])}{text[at + len(food) :]}"
            found, start = [], 0
            for size in additions:
                found.append(" ".join(words[start : start + size]))
                start += size
            return (" ".join(base_text.split()), *found)
    return None


#: A bread a filling is named before (``falafel pita``, ``turkey wrap``): a line that
#: lands on no food by that name is the bread and its filling.
_FILLED_BREAD = re.compile(r"\s(?P<bread>pitt?as?(?:\s+breads?)?|wraps?)$", re.IGNORECASE)
#: The bread of a wrap: a large flour tortilla, the 10-inch size wraps are rolled in
#: (SR28 flour tortilla, approx 10" dia: 72 g; FNDDS large: 71 g).
_WRAP_BREAD = "large flour tortilla"


def _additions(keys: list[str], base: str) -> list[int] | None:
    """The word counts of the additions ``keys`` splits into, each one that a row of
    ``companion_amounts.csv`` adds to ``base``, longest first; None when they do not."""
    if not keys:
        return []
    for size in range(len(keys), 0, -1):
        addition = " ".join(keys[:size])
        if any(addition in c.addition and base in c.base for c in _companions()):
            rest = _additions(keys[size:], base)
            if rest is not None:
                return [size, *rest]
    return None


def _chips_as(
    parts: tuple[Part, ...],
    tag: tuple[tuple[str, str], ...],
    beside: re.Pattern[str],
    food: str,
    why: str,
) -> tuple[Part, ...]:
    """Each plain ``chips`` part (not itself matching ``beside``, not a bag or a named kind
    of chip) read as ``food``, tagged with the synonym and ``why``."""
    out = []
    for part in parts:
        found = _CHIPS.match(part.text.strip())
        if found is not None and not beside.search(part.text) and not _BAGGED.search(part.text):
            amount = (found["amount"] or "").strip()
            text = f"{amount} {food}".strip()
            out.append(Part(text, (*tag, ("synonym", f"chips → {food} ({why})"))))
        else:
            out.append(part)
    return tuple(out)


def _names_any(key: str, names: frozenset[str]) -> bool:
    """Whether the normalised ``key`` holds one of ``names`` as whole words; a base of
    ``*`` is any food (rice beside whatever it is served with)."""
    if "*" in names:
        return bool(key.strip())
    padded = f" {key} "
    return any(f" {name} " in padded for name in names)


#: "Chips" beside one of these is the British plate of fried potatoes (fish and
#: chips, egg and chips, pie and chips), not a bag of potato chips.
_CHIPS = re.compile(r"^(?P<amount>.*?\b)?chips$", re.IGNORECASE)
_BAGGED = re.compile(r"\b(?:bags?|packets?|packs?|tortilla|corn|potato|pita|bagel|kale)\b", re.I)
_CHIPS_MAINS = re.compile(
    r"\b(?:fish|cod|haddock|plaice|hake|whiting|pollock|snoek|kingklip|rock salmon|skate|sole"
    r"|calamari|squid|scampi|sausages?|bangers?|eggs?|steak|pie|pasty|burgers?"
    r"|chicken|gammon|ham|kebab|curry|beans|battered|breaded|fishcakes?|rissoles?|pizza"
    r"|parmi|parma|parmy|schnitzel|nuggets|chops?|gravy|mushy peas|lasagne|chilli)\b",
    re.IGNORECASE,
)


#: "Chips" beside one of these are tortilla chips (chips and salsa, chips with guac).
_CHIPS_DIPS = re.compile(
    r"\b(?:salsa|pico de gallo|guacamole|guac|queso|bean dip|nacho cheese|cheese dip)\b",
    re.IGNORECASE,
)


#: Chips served by the portion or the size of an order (``a portion of chips``,
#: ``large chippy chips``, ``small hot chips``, ``some chips``) are fried potatoes; a bag,
#: a packet or a handful is another matter.
_SERVED_CHIPS = re.compile(
    r"^(?P<served>(?:(?:a|one|1|small|large|big|regular|medium)\s+)?"
    r"(?:portion|serve|serving|scoop|side|plate|cone|box)\s+of\s+|some\s+"
    r"|(?:small|medium|med|regular|reg|large|lrg|lge|sml|big)\s+)"
    r"(?:hot\s+|chippy\s+|chip\s+shop\s+|chipper\s+)?chips$",
    re.IGNORECASE,
)
#: Biscuits counted loosely (``a couple of biscuits``, ``a few bikkies``) are the
#: British and Australian sweet biscuits, cookies: the American bread biscuit is
#: counted (``2 biscuits``) or named with what it is eaten with.
_LOOSE_BISCUITS = re.compile(
    r"^(?P<served>(?:a\s+)?(?:couple|few)(?:\s+of)?\s+|some\s+|several\s+)"
    r"(?:biscuits|biscuts|bikkies|biccies|biccys|bickies)$",
    re.IGNORECASE,
)


#: A fat level written alone where a drink is measured (``glass of 2%``, ``12 oz 1%``,
#: ``2 cups of 2%``) is milk of that fat level: no other drink is named by its fat.
_FAT_LEVEL_MILK = re.compile(
    r"^(?P<served>(?:(?:\d+(?:\.\d+)?|an?|one|two|half)\s+)?"
    r"(?:(?:glass(?:es)?|cups?|mugs?|pints?|cartons?|jugs?|bottles?|splash|dash)\s+(?:of\s+)?)?"
    r"(?:\d+(?:\.\d+)?\s*(?:oz|fl\.?\s*oz|ml)\s+(?:of\s+)?)?"
    r"(?:[12]|1\.5|0?\.5)\s?%)$",
    re.IGNORECASE,
)
#: Dairy Milk weighed in grams (``Dairy Milk 45g``, ``2 squares dairy milk``): Cadbury's
#: milk chocolate bar, as British, Irish, Australian and Indian diaries name it; dairy
#: milk poured or measured by volume stays milk.
_DAIRY_MILK_BAR = re.compile(
    r"^(?:(?P<before>\d+(?:\.\d+)?\s*g|\d+\s+(?:squares?|blocks?|chunks?|pieces?|bars?|"
    r"fingers?)|a\s+(?:bar|square|row|chunk)\s+of|bar\s+of)\s+)?dairy\s+milk"
    r"(?:\s+(?P<after>\d+(?:\.\d+)?\s*g|\d+\s+(?:squares?|blocks?|chunks?)))?$",
    re.IGNORECASE,
)
#: Tomato sauce by the spoonful or the sachet (``1 tbsp tomato sauce``, ``tomato sauce
#: sachet``) is the British and Australian name for ketchup; by the cup it is the sauce.
_SPOONED_TOMATO_SAUCE = re.compile(
    r"^(?:(?:\d+(?:\.\d+)?|an?|one|half|a\s+little)\s*"
    r"(?:tbsp|tbs|tablespoons?|tsp|teaspoons?|sachets?|packets?|squirts?|squeezes?|dollops?)"
    r"\s+(?:of\s+)?tomato\s+sauce"
    r"|tomato\s+sauce,?\s+(?:\d+(?:\.\d+)?\s*)?"
    r"(?:tbsp|tbs|tablespoons?|tsp|teaspoons?|sachets?|packets?|squirts?|squeezes?|dollops?))$",
    re.IGNORECASE,
)


def regional_reading(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with a name read as the region it comes from means it, and the tag saying
    so: chips served by the portion are french fries, biscuits counted loosely cookies,
    tomato sauce by the spoonful ketchup (and a fat level alone, in any region, milk);
    ``text`` unchanged and no tag otherwise.

    Examples
    --------
    >>> regional_reading("large chippy chips")[0]
    'large french fries'
    >>> regional_reading("a few biscuits")[0]
    'a few cookies'
    >>> regional_reading("bag of chips")[0]
    'bag of chips'
    >>> regional_reading("1 tbsp tomato sauce")[0]
    '1 tbsp ketchup'
    >>> regional_reading("glass of 2%")[0]
    'glass of 2% milk'
    """
    stripped = text.strip()
    bar = _DAIRY_MILK_BAR.match(stripped)
    if bar is not None and (bar["before"] or bar["after"]):
        said = ("synonym", "dairy milk → milk chocolate (Cadbury Dairy Milk, by weight or piece)")
        amount = " ".join(a for a in (bar["before"], bar["after"]) if a)
        return f"{amount} dairy milk chocolate", (said,)
    if _SPOONED_TOMATO_SAUCE.match(stripped):
        said = ("synonym", "tomato sauce → ketchup (by the spoonful)")
        return re.sub(r"tomato\s+sauce", "ketchup", stripped, flags=re.IGNORECASE), (said,)
    for pattern, food, why in (
        (_SERVED_CHIPS, "french fries", "chips → french fries (served as a portion)"),
        (_LOOSE_BISCUITS, "cookies", "biscuits → cookies (British sweet biscuits)"),
        (_FAT_LEVEL_MILK, "milk", "a fat level alone → milk of that fat"),
    ):
        found = pattern.match(stripped)
        if found is not None:
            served = " ".join(found["served"].split())
            return f"{served} {food}", (("synonym", why),)
    return text, ()


def british_chips(parts: tuple[Part, ...], tag: tuple[tuple[str, str], ...]) -> tuple[Part, ...]:
    """``fish and chips``: the chips part is french fries when another part is a hot main;
    ``chips and salsa``: tortilla chips when another part is a Mexican-style dip."""
    if len(parts) < 2:
        return parts
    if any(_CHIPS_DIPS.search(p.text) for p in parts):
        return _chips_as(parts, tag, _CHIPS_DIPS, "tortilla chips", "beside a dip")
    if not any(_CHIPS_MAINS.search(p.text) for p in parts):
        return parts
    # a plate's chips are a medium portion (FNDDS fast-food fries, medium order 145 g)
    return _chips_as(parts, tag, _CHIPS_MAINS, "medium french fries", "beside a hot main")


#: Vegetables eaten raw alone (``1 carrot``, ``1 cup shredded cabbage``) but boiled on a
#: plate: said plainly, as the last words of a part, beside a hot main.
_PLATE_VEGETABLE = re.compile(r"(?<![\w-])(?P<veg>carrots?|cabbage)\s*$", re.IGNORECASE)

#: A part's food that is the vegetable alone (``carrots``, ``green cabbage``), not a dish.
_PLATE_ONLY = re.compile(
    r"^\s*(?:(?:green|red|white|sliced|chopped)\s+)?(?:carrots?|cabbage)\s*$", re.I
)

#: A part that makes a plate hot: a cooked main, a starch served hot, or gravy.
_PLATE_MAINS = re.compile(
    r"\b(?:roast|roasted|pot roast|oxtails?|stew|stewed|curry|chops?|steak|chicken|pork|beef"
    r"|lamb|mutton|goat|turkey|ham|gammon|sausages?|bangers?|meatloaf|corned|fish|catfish"
    r"|salmon|cod|trout|tilapia|snapper|fillet|shrimp|meatballs|liver|rice|mash|mashed"
    r"|potatoes|spuds|gravy|jerk|kalua|brisket)\b",
    re.IGNORECASE,
)

#: A part that makes the line a snack, a cold dish or a drink: its vegetables stay raw
#: (``baby carrots & hummus``, ``chicken salad w/ carrots``, ``carrot and orange juice``).
_RAW_COMPANY = re.compile(
    r"\b(?:hummus|ranch|dips?|guac|guacamole|salsa|salads?|slaw|sandwich|burgers?|wraps?"
    r"|tacos?|subs?|hoagie|bagel|smoothie|juice|soup|raw|baby|sticks?)\b",
    re.IGNORECASE,
)


#: Mashed potatoes with their gravy, read as one dish (FNDDS fast-food mashed potato with
#: gravy) when grouped.
_MASH_AND_GRAVY = re.compile(
    r"^(?P<mash>.*?\bmash(?:ed)?(?:\s+(?:potato(?:e?s)?|spuds?|taters?))?)"
    r"\s*(?:\band\b|&|\bn\b|\bw/|\bwith\b|\+)\s*(?P<gravy>(?:[a-z]+\s+)?gravy)\s*$",
    re.IGNORECASE,
)


def gravy_apart(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Mashed potatoes and gravy beside another food are two foods of the plate.

    Beside a main (``meatloaf w/ mashed potatoes and gravy``, ``pork roast, mashed
    potatoes & gravy``) the gravy is the plate's, poured over the meat too: every
    labelled plate of the kind weighs the mashed potatoes and the gravy apart (7 of 7),
    not FNDDS' fast-food side of mashed potato with gravy, which a line of them alone
    still is.

    Examples
    --------
    >>> tag = (("component", "of a plate"),)
    >>> parts = (Part("meatloaf", tag), Part("mashed potatoes and gravy", tag))
    >>> [p.text for p in gravy_apart(parts)]
    ['meatloaf', 'mashed potatoes', 'gravy']
    """
    if len(parts) < 2:
        return parts
    out: list[Part] = []
    for part in parts:
        found = _MASH_AND_GRAVY.match(part.text.strip())
        if found is None:
            out.append(part)
            continue
        out += [Part(found["mash"].strip(), part.tags), Part(found["gravy"].strip(), part.tags)]
    return tuple(out)


def plate_vegetables(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Carrots or cabbage said plainly beside a hot main are the boiled vegetable.

    The hand-labelled diaries take ``oxtails, rice n cabbage`` and ``pot roast w/
    potatoes and carrots`` as cooked vegetables (37 of 38 labelled plates), while a
    carrot or cabbage alone, or beside a dip or in a salad, is raw. No way of cooking is
    said, so the part is read with ``cooked`` before its vegetable, and with no amount
    as half a cup (a side); the reading is tagged.

    Examples
    --------
    >>> tag = (("component", "of a plate"),)
    >>> parts = (Part("oxtails", tag), Part("rice", tag), Part("1/2 cup cabbage", tag))
    >>> [p.text for p in plate_vegetables(parts)]
    ['oxtails', 'rice', '1/2 cup cooked cabbage']
    >>> [p.text for p in plate_vegetables((Part("pot roast", tag), Part("carrots", tag)))]
    ['pot roast', '1/2 cup cooked carrots']
    >>> [p.text for p in plate_vegetables((Part("carrots", tag), Part("hummus", tag)))]
    ['carrots', 'hummus']
    """
    if len(parts) < 2 or any(_RAW_COMPANY.search(p.text) for p in parts):
        return parts
    vegetables = [
        _PLATE_VEGETABLE.search(p.text) if _PLATE_ONLY.match(parse_quantity(p.text).food) else None
        for p in parts
    ]
    if not any(vegetables):
        return parts
    if not any(
        _PLATE_MAINS.search(p.text) for p, v in zip(parts, vegetables, strict=True) if v is None
    ):
        return parts
    out = []
    for part, veg in zip(parts, vegetables, strict=True):
        if veg is None or _cooked_said(part.text[: veg.start()]):
            out.append(part)
            continue
        text = f"{part.text[: veg.start()]}cooked {part.text[veg.start() :]}"
        said = ("synonym", f"{veg['veg'].lower()} → cooked (beside a hot main)")
        if parse_quantity(part.text).unit_kind == "default":  # no amount said
            # a plate's side of vegetables: half a cup, as FNDDS weighs a cooked
            # vegetable named with no amount (carrots 80 g, cabbage 75 g)
            text = f"1/2 cup {text}"
            said = ("synonym", f"{veg['veg'].lower()} → 1/2 cup cooked (a side beside a hot main)")
        out.append(Part(text, (*part.tags, said)))
    return tuple(out)


def _cooked_said(before: str) -> bool:
    """Whether the words before a vegetable already say how it was prepared."""
    from nutrilog.matching.vocabulary import matcher_words

    vocab = matcher_words()
    words = normalize_many([before])[0].split()
    return any(w in vocab.preparation or w in vocab.qualifiers for w in words)
