"""Cutting a diary line into parts at its connectors, before any grouping.

A line is cut at ``,`` ``;`` ``+`` ``&`` ``and`` ``with`` ``w/`` ``w`` ``plus``, ``:`` and a
``/`` between spaces
(:data:`CONNECTOR`); ``on`` cuts only before bread, toast, rice and the like (``beans
on toast``) or a counted food (``sardines on 4 triscuits``), ``in`` only before a drink or a cereal something is added to (``a splash of
milk in tea``) or the bread something is served in (``tuna in a pita``), and a mixed number (``one and a half``, ``a cup and a half``) is an
amount, not two parts. How
the parts are grouped into foods is :func:`~nutrilog.matching.entry.understand`'s job.

Examples
--------
>>> split_parts("toast w/ butter")
['toast', 'butter']
>>> has_amount("1/4 cup granola"), has_amount("granola")
(True, False)
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many
from nutrilog.quantity import parse_quantity

__all__ = [
    "CONNECTOR",
    "ON_BREAD",
    "Part",
    "amount_after",
    "amount_after_dash",
    "amount_served_with",
    "buttered",
    "count_after",
    "described_after",
    "each_amount",
    "half_and_half",
    "has_amount",
    "milk_said_after",
    "own_bread_dropped",
    "part_spans",
    "sandwich_spread",
    "split_parts",
]

#: Kinds of bread a line names (``whole wheat``, ``sourdough``).
_BREAD_KIND = (
    r"white|brown|wholemeal|whole[\s-]*wheat|whole[\s-]*grain|wholegrain|multi[\s-]*grain"
    r"|granary|sourdough|rye|toasted|gluten[\s-]*free|ww|whole\s*meal"
)
#: What "X on toast" is served on: ``on`` joins two foods only before one of these.
_SERVED_ON = (
    rf"(?:(?:a|an|one|two|\d+|(?:\d+|a|one|two)\s+slices?(?:\s+of)?|buttered|{_BREAD_KIND})\s+)*"
    r"(?:toast|bread|bagels?|crackers?|rice|buns?|rolls?|english\s+muffins?|muffins?|pitt?as?"
    r"|naan|crumpets?|rye|sourdough|ryvitas?|rice\s+cakes?|crispbreads?|tortillas?|wraps?"
    r"|croissants?|baguettes?|ciabatta|focaccia|brioche|biscuits?|flatbreads?"
    r"|saltines?|ritz|triscuits?|wheat\s+thins|oatcakes?|matzo[hs]?|challah|challa|pumpernickel"
    r"|bialys?|lavash)\b"
)
#: Dishes served on bread: the bread named after them is theirs, not another food.
ON_BREAD = re.compile(
    # a veggie burger is a patty without its bun (FNDDS "meatless, no bun"): its bun is a
    # food of its own
    r"(?P<dish>\b(?<!veggie\s)(?<!vegetarian\s)(?<!vegan\s)"
    r"(?:sandwich(?:es)?|subs?|hoagies?|paninis?|toasties?|\w*burgers?|blts?"
    r"|melts?|wraps?|hot\s*dogs?|grilled\s+cheese|sloppy\s+joes?|reubens?|cheesesteaks?"
    r"|gyros?|po'?\s*boys?|cubanos?)\b"
    r"(?:\s+(?:w/|with|w(?=\s))\s*[a-z][a-z' ]{0,25}?)?)\s+on\s+(?:an?\s+)?"
    rf"(?:(?:{_BREAD_KIND}|wheat|seeded|french|italian|brioche|pretzel|potato|sesame"
    r"|ciabatta|hoagie|sub|kaiser|hamburger|onion|light)\s+)*"
    r"(?:bread|toast|rolls?|buns?|bagels?|croissants?|baguettes?|ciabatta|focaccia|pitt?as?"
    rf"|brioche|english\s+muffins?|wheat|{_BREAD_KIND})\b",
    re.IGNORECASE,
)
#: What a splash or a spoonful is put in: ``in`` joins two foods only before one of these
#: (``a splash of milk in tea``, ``honey in my porridge``).
_ADDED_TO = r"(?:tea|coffee|latte|cappuccino|porridge|oatmeal|oats|cereal|smoothie|shake)\b"
#: The bread something is served in: ``in`` joins two foods before one of these
#: (``tuna in a pita``, ``chicken in a wrap``).
_SERVED_IN = (
    r"(?:(?:large|small|medium|mini|warm|toasted|white|brown|wholemeal|whole[\s-]*wheat"
    r"|whole[\s-]*grain|flour|corn|soft|hard)\s+)*"
    r"(?:pitt?as?|pita\s+breads?|pitta\s+breads?|wraps?|tortillas?|buns?|rolls?|baguettes?"
    r"|bagels?|croissants?|taco\s+shells?|naans?|rotis?|chapatis?)\b"
)
#: What ``over`` is followed by when it says how a food is cooked, not what it is
#: served on (``eggs over easy``), or is no food at all (``over 2 hours``, ``138 over
#: 86``); an amount of a food is served under (``tuna over 2 cups rice``).
_NOT_UNDER = (
    r"(?:easy|medium|hard|well|the\s+(?:day|week|weekend)|an?\s+hour"
    r"|\d+(?:\.\d+)?\s*(?:$|[\d/.,:]|(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?"
    r"|years?|yrs?|miles?|mi|km|k|degrees?|percent|bpm)\b|%))"
)
#: What joins two parts of a line: ``over`` too, for a food served on another
#: (``salmon over rice``).
CONNECTOR = re.compile(
    r"\s*[;]\s*|\s*,(?!\d)\s*|\s*\+\s*|\s+&\s+|:\s+|\s+/\s+"
    # Spanish "y" and "con", French "et" and "avec", Romanian "si" and "cu", Haitian
    # Creole "ak" and Mauritian Creole "ek" join foods as "and" and "with" do (``cafe
    # con leche y pan dulce``, ``gruau avec sirop d'erable``, ``mamaliga cu branza si
    # smantana``, ``espageti ak sosis``, ``cari poisson ek diri``); a dish named with
    # them is kept whole when the tables name it
    rf"|\s+(?:and|with|n|w|y|con|et|avec|si|cu|ak|ek)\s+|\s+w/(?!o\b)\s*|\s+on\s+(?={_SERVED_ON})"
    # Swahili "na" and Malagasy "sy" (``ugali na mchicha``, ``vary sy laoka``), in lower
    # case and never after a number (``1 NA beer`` is non-alcoholic)
    r"|(?<![\d\s])\s+(?-i:na|sy)\s+"
    # "plus" joins two foods, except in a shake's name (Ensure Plus, Boost Plus)
    r"|(?<!ensure)(?<!boost)\s+plus\s+"
    # on a counted food (``sardines on 4 triscuits``): two foods, the second counted
    r"|\s+on\s+(?=(?:\d+|two|three|four|five|six)\s+[a-z])"
    rf"|\s+in\s+(?:(?:my|the|a|an|some|his|her)\s+)?(?={_ADDED_TO})"
    rf"|\s+in\s+(?:(?:a|an|one|two|\d+)\s+)?(?={_SERVED_IN})"
    # a food in a liquid measured out (``2 scoops whey in 16oz whole milk``): two foods;
    # a packet in milk is the drink it makes (``instant breakfast packet in 8 oz milk``)
    r"|(?<!packet)(?<!packets)(?<!sachet)(?<!envelope)"
    r"\s+in\s+(?=\d+(?:\.\d+)?\s*(?:oz|fl\.?\s*oz|ml|cups?)\s+[a-z])"
    rf"|\s+(?:over|atop)\s+(?!{_NOT_UNDER})",
    re.IGNORECASE,
)
#: ``one and a half``, ``2 and 1/2``: an amount, not two parts.
_MIXED_NUMBER = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|half)\s+and\s+"
    r"(?:a\s+)?(?:half|quarter|third|\d+/\d+)\b"
    # a unit or a food noun between: "a cup and a half of rice", "a banana and a half"
    r"|\b(?:\d+(?:\.\d+)?|a|an|one)\s+[a-z]+\s+and\s+a\s+(?:half|quarter|third)"
    r"(?=\s*$|\s*[,;)]|\s+of\b)",
    re.IGNORECASE,
)


#: Words before ``with`` that say how a food is made (``made with``, ``cooked w/``).
_MADE_WITH = re.compile(r"\b(?:made|prepared|cooked|baked|fried|blended)$", re.IGNORECASE)
_WITH = re.compile(r"\s+(?:with|w/)\s*|\s+w/(?!o\b)\s*", re.IGNORECASE)


def part_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each part of ``text`` between connectors."""
    spans = []
    at = 0
    amounts = [m.span() for m in _MIXED_NUMBER.finditer(text)]
    for found in CONNECTOR.finditer(text):
        if any(a <= found.start() < b for a, b in amounts):
            continue
        if _MADE_WITH.search(text, 0, found.start()) and _WITH.fullmatch(found[0]):
            continue  # "smoothie made w/ milk": how the food is made, not a second food
        spans.append((at, found.start()))
        at = found.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_parts(text: str) -> list[str]:
    """The parts of a line between connectors (before any grouping).

    Examples
    --------
    >>> split_parts("3/4 cup greek yogurt, 1/4 cup granola, 1/2 cup blueberries")
    ['3/4 cup greek yogurt', '1/4 cup granola', '1/2 cup blueberries']
    >>> split_parts("coffee w/o sugar")
    ['coffee w/o sugar']
    """
    return [text[a:b].strip() for a, b in part_spans(text)]


def own_bread_dropped(text: str) -> str:
    """``text`` without the bread a sandwich, burger or wrap is served on: ``turkey
    sandwich on whole wheat`` is one sandwich (USDA's sandwiches hold their bread), not a
    sandwich and two slices of bread.

    Examples
    --------
    >>> own_bread_dropped("ham sandwich on rye, 1 apple")
    'ham sandwich, 1 apple'
    >>> own_bread_dropped("turkey sandwich w/ mayo on wheat")
    'turkey sandwich w/ mayo'
    >>> own_bread_dropped("beans on toast")
    'beans on toast'

    A sandwich whose bread is followed by an addition (``ham sandwich on rye w/
    lettuce``) keeps its bread: the line lists the bread, the filling and what was added
    to them, as its labels weigh it. A spread USDA weighs its sandwiches with is no such
    addition (``turkey sandwich on wheat w/ mustard`` is FNDDS's turkey sandwich):

    >>> own_bread_dropped("turkey sandwich on wheat w/ mustard")
    'turkey sandwich w/ mustard'
    >>> own_bread_dropped("turkey sandwich on wheat w/ light mayo")
    'turkey sandwich w/ light mayo'
    """

    def dish(found: re.Match[str]) -> str:
        after = text[found.end() :]
        added = _ADDED_AFTER.match(after)
        if _SANDWICH_NAMED.search(found["dish"]) and added and not _spreads(after[added.end() :]):
            return found[0]
        return found["dish"]

    return ON_BREAD.sub(dish, text)


def _spreads(text: str) -> bool:
    """Whether ``text``, up to the end of its part, names only spreads FNDDS weighs its
    sandwiches with (``mustard``, ``mayo and hot sauce``)."""
    part = re.split(r"[,;+]", text, maxsplit=1)[0]
    said = normalize_many(re.split(r"\s+(?:and|&|n)\s+", part))
    return bool(said) and all(sandwich_spread(w) for w in said)


def sandwich_spread(key: str) -> bool:
    """Whether normalised words name a spread FNDDS weighs its sandwiches with, however
    light or how much of it (``mustard``, ``light mayo``).

    Examples
    --------
    >>> sandwich_spread("light mayo"), sandwich_spread("lettuce")
    (True, False)
    """
    spread = _LIGHTER.sub("", key)
    return bool(spread) and spread in matcher_words().sandwich_spreads


#: How much or how light a spread was (``light mayo``, ``extra mustard``): the spread
#: is still one USDA weighs its sandwiches with.
_LIGHTER = re.compile(r"^(?:(?:light|lite|low fat|fat free|reduced fat|extra|a little|little)\s+)+")


#: A sandwich by that name (not a burger or a wrap), and an addition said after its bread.
_SANDWICH_NAMED = re.compile(r"\b(?:sandwich(?:es)?|sarnies?|butty|butties)$", re.IGNORECASE)
_ADDED_AFTER = re.compile(r"\s+(?:w/|with\b|w\s)", re.IGNORECASE)


#: Coffee-shop drinks made with milk: a milk named after one is the drink's milk.
_MILK_DRINK = (
    r"(?:latte|lattes|cappuccino|cappuccinos|capp|flat\s+white|flat\s+whites|cortado|"
    r"macchiato|mocha|chai\s+latte|london\s+fog|hot\s+chocolate|hot\s+cocoa|steamer)"
)
#: Drinks that can be had black (``coffee, black``): black says no milk was added.
_BLACK_DRINK = (
    r"(?:coffee|coffees|tea|teas|cuppa|americano|americanos|long\s+black|cold\s+brew|joe)"
)
#: Drinks of cocoa, made with milk (``hot choc``, ``cup of cocoa``).
_COCOA = r"(?:hot\s+chocolate|hot\s+choc|hot\s+cocoa|cocoa)"
_MILK_KIND = (
    r"(?:whole|full[\s-]?(?:cream|fat)|skim|skimmed|semi[\s-]?skimmed|[12]\s?%|low[\s-]?fat|"
    r"non[\s-]?fat|fat[\s-]?free|lite|light|trim|oat|almond|soy|soya|coconut|cashew|lactose[\s-]?free)"
)
_SAID_AFTER_DRINK = re.compile(
    rf"^(?P<drink>.*?\b{_MILK_DRINK})\s*,\s*(?P<milk>{_MILK_KIND}(?:\s+milk)?)(?=\s*(?:,|;|$))"
    rf"|^(?P<plain>.*?\b{_BLACK_DRINK})\s*,\s*(?P<black>black)\b"
    # cocoa is made with milk: "with milk" names its own, not a splash poured in
    rf"|^(?P<cocoa>.*?\b{_COCOA})\s*(?:\bwith\b|\bw/|\bw\b)\s*(?P<own>(?:{_MILK_KIND}\s+)?milk|{_MILK_KIND})"
    r"(?=\s*(?:,|;|$))",
    re.IGNORECASE,
)


#: The cream named "half and half" written with another "and" (``half & half``).
_HALF_AND_HALF = re.compile(r"\bhalf\s*(?:&|\+|'n'?|\bn\b)\s*half\b", re.IGNORECASE)


def half_and_half(text: str) -> str:
    """``text`` with the cream ``half & half`` (``half n half``) named with a plain
    "and", so that the line is not cut at its ampersand into half and half of nothing.

    Examples
    --------
    >>> half_and_half("coffee w/ a splash of half & half")
    'coffee w/ a splash of half and half'
    """
    return _HALF_AND_HALF.sub("half and half", text)


_BUTTERED_BREAD = (
    r"(?:toast|rolls?|bagels?|english\s+muffins?|bread|biscuits?|crumpets?|scones?|muffins?|"
    r"pitas?|naans?|corn\s*bread|buns?|baps?|toasties?|waffles?|pancakes?|teacakes?)"
)
_BUTTERED = re.compile(
    rf"\bbuttered\s+(?P<before>(?:[a-z][\w'-]*\s+){{0,2}}?{_BUTTERED_BREAD})\b"
    rf"|\b(?P<after>{_BUTTERED_BREAD})\s*,?\s+buttered\b",
    re.IGNORECASE,
)


def buttered(text: str) -> str:
    """``text`` with a buttered bread read as the bread with butter (``buttered toast``,
    ``2 slices fruit toast, buttered``), which the butter's usual amount then weighs.

    Examples
    --------
    >>> buttered("2 slices buttered rye toast")
    '2 slices rye toast with butter'
    >>> buttered("fruit toast, buttered")
    'fruit toast with butter'
    >>> buttered("buttered popcorn")
    'buttered popcorn'
    """
    return _BUTTERED.sub(lambda m: f"{m['before'] or m['after']} with butter", text)


def milk_said_after(text: str) -> str:
    """``text`` with the milk or the ``black`` said after a drink read as the drink's own:
    ``8oz cappuccino, whole milk`` is a cappuccino made with whole milk, not a cappuccino
    and a splash of milk; ``coffee, black`` is black coffee, no bread.

    Examples
    --------
    >>> milk_said_after("8oz cappuccino, whole milk")
    '8oz whole milk cappuccino'
    >>> milk_said_after("large coffee, black, no sugar")
    'large coffee black, no sugar'
    >>> milk_said_after("latte, muffin")
    'latte, muffin'
    >>> milk_said_after("mug of hot choc w/ milk"), milk_said_after("hot cocoa with oat milk")
    ('mug of hot choc', 'oat milk hot cocoa')
    """
    found = _SAID_AFTER_DRINK.search(text)
    if found is None:
        return text
    if found["cocoa"] is not None:
        own, drink = found["own"], found["cocoa"]
        if re.fullmatch(r"milk", own, re.I):  # plain milk: the ready-to-drink cocoa's own
            return f"{drink}{text[found.end() :]}"
        milk = own if re.search(r"milk$", own, re.I) else f"{own} milk"
        word = list(re.finditer(_COCOA, drink, re.IGNORECASE))[-1].start()
        return f"{drink[:word]}{milk} {drink[word:]}{text[found.end() :]}"
    if found["drink"] is not None:
        milk = found["milk"]
        milk = milk if re.search(r"milk$", milk, re.I) else f"{milk} milk"
        drink = found["drink"]
        word = list(re.finditer(_MILK_DRINK, drink, re.IGNORECASE))[-1].start()
        return f"{drink[:word]}{milk} {drink[word:]}{text[found.end() :]}"
    return f"{found['plain']} black{text[found.end() :]}"


class Part(NamedTuple):
    """One food of a line: its text (with its amount) and what was assumed about it."""

    text: str
    tags: tuple[tuple[str, str], ...]


#: What a part that has an amount of its own starts with (``1/4 cup``, ``a banana``).
_AMOUNT_FIRST = re.compile(
    r"^\s*(?:\d+(?:[.,/]\d+)?(?!\d|\s*(?:%|\"|inch|in\b|proof|calorie))|"
    r"[\u00bc-\u00be\u2150-\u215e]|(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|half|some|few|several|couple)\b)",
    re.IGNORECASE,
)


def has_amount(text: str) -> bool:
    """Whether a part starts with an amount of its own."""
    return _AMOUNT_FIRST.match(text) is not None


#: An amount said once for all the foods before it (``rice and beans, 1 cup each``).
_EACH = re.compile(
    # (in brackets too: ``rice w/ dal (1 c. each)``)
    r"^(?P<foods>.+?)(?:\s*(?P<open>\()\s*|\s*[,;]?\s+)"
    r"(?P<amount>(?:\d+(?:[./]\d+)?|a|an|one|two|three|half)"
    r"(?:\s+[a-z.]+)?)\s+(?:each|apiece)\s*(?(open)\)|)\s*$",
    re.IGNORECASE,
)


#: A food, a comma, then its amount alone after a word that hedges it (``honey, just a
#: little``, ``rice, about 1 cup``); an amount after a comma alone the quantity reader takes.
_AMOUNT_AFTER = re.compile(
    r"^(?P<food>[^,;]*[a-z][^,;]*),\s*(?:just|only|about|approx\.?|around|roughly|~|maybe"
    r"|prob(?:ably)?|like|almost|nearly)\s*"
    r"(?P<amount>[^,;]+)$",
    re.IGNORECASE,
)


#: A food, a dash, its amount alone, then what it is eaten with (``toast - 2 slices w/
#: butter``, ``oatmeal - 1 cup with honey``).
_DASH_AMOUNT = re.compile(
    r"^(?P<food>[^\d:;,]*[a-z][^\d:;,]*?)\s+[-\u2013\u2014]+\s+(?P<amount>[^,;]+?)"
    r"(?P<rest>\s+(?:w/|with|and|&|\+|plus)\s*.+)$",
    re.IGNORECASE,
)


def amount_after_dash(text: str) -> str:
    """``text`` with the amount written after its food and a dash moved before it, when
    other foods follow (``toast - 2 slices w/ butter`` is ``2 slices toast w/ butter``);
    as it is otherwise.

    Examples
    --------
    >>> amount_after_dash("oatmeal - 1 cup with honey")
    '1 cup oatmeal with honey'
    >>> amount_after_dash("lunch - 2 eggs and toast")
    'lunch - 2 eggs and toast'
    """
    found = _DASH_AMOUNT.match(text)
    if found is None:
        return text
    moved = f"{found['amount'].strip()} {found['food'].strip()}"
    read = parse_quantity(moved)
    food = re.sub(r"^whole\s+", "", read.food.strip().lower())  # "1 whole": one
    if food != found["food"].strip().lower() or read.unit_kind == "default":
        return text  # "lunch - 2 eggs": the words after the dash name a food
    return f"{moved}{found['rest']}"


def amount_after(text: str) -> str:
    """``text`` with a hedged amount written after its food and a comma moved before it
    (``honey, just a little`` is ``a little honey``); as it is when the part after the
    comma names a food or no amount, or the food already has one.

    Examples
    --------
    >>> amount_after("honey, just a little"), amount_after("rice, about 1 cup")
    ('a little honey', '1 cup rice')
    """
    found = _AMOUNT_AFTER.match(text)
    if found is None:
        return text
    tail = parse_quantity(found["amount"])
    if tail.food or tail.unit_kind == "default" or has_amount(found["food"]):
        return text
    if tail.unit_kind is None and math.isnan(tail.quantity):
        return text
    return f"{found['amount'].strip()} {found['food'].strip()}"


#: A food, a comma, then its amount and words that only say how it was (``coffee, 3
#: cups black``, ``eggs, 2 scrambled``).
_DESCRIBED_AFTER = re.compile(r"^(?P<food>[^,;]*[a-z][^,;]*),\s*(?P<tail>[^,;]+)$", re.IGNORECASE)
#: Words that say how a food was, beside the preparation and qualifier words of
#: ``datasets/matching_words.csv``: a colour, a temperature, a size, how an egg was done.
_DESCRIBING = frozenset(
    {
        "black",
        "white",
        "plain",
        "hot",
        "cold",
        "warm",
        "sweet",
        "unsweet",
        "large",
        "small",
        "medium",
        "big",
        "jumbo",
        "hard",
        "soft",
        "over",
        "easy",
        "sunny",
        "side",
        "up",
    }
)


def described_after(text: str) -> str:
    """``text`` with an amount written after its food and a comma, with words that only
    say how the food was, moved before the food (``coffee, 3 cups black`` is ``3 cups
    black coffee``); as it is when the words after the comma name a food of their own,
    when they hold no amount or when the food before the comma has one.

    Examples
    --------
    >>> described_after("coffee, 3 cups black"), described_after("eggs, 2 scrambled")
    ('3 cups black coffee', '2 scrambled eggs')
    >>> described_after("toast, 2 slices ham")
    'toast, 2 slices ham'
    """
    found = _DESCRIBED_AFTER.match(text)
    if found is None or not has_amount(found["tail"]) or has_amount(found["food"]):
        return text
    if len(part_spans(found["food"])) > 1:
        return text  # "rice and beans, 2 cups black": which food is meant is not said
    tail = parse_quantity(found["tail"])
    if tail.unit_kind == "default" or math.isnan(tail.quantity):
        return text
    words = normalize_many([tail.food])[0].split()
    vocab = matcher_words()
    if not words or not all(
        w in _DESCRIBING or w in vocab.preparation or w in vocab.qualifiers for w in words
    ):
        return text
    return f"{found['tail'].strip()} {found['food'].strip()}"


#: A drink's amount written at the end, after what it is served with (``iced tea w/
#: lemon 16oz``, ``soda water w lime 300ml``, ``iced coffee w cream & sugar 24oz``): a
#: volume, or 8 oz and more.
_SERVED_WITH_AMOUNT = re.compile(
    r"^(?P<food>[^,;+&]*?[a-z][^,;+&]*?)\s+(?:with|w/?)\s+(?P<with>[a-z][a-z' &-]{1,30}?)\s+"
    r"(?P<amount>\d+(?:\.\d+)?\s*(?:ml|l|fl\.?\s*oz|oz|ounces?|cups?|c\.?))\s*$",
    re.IGNORECASE,
)


def amount_served_with(text: str) -> str:
    """``text`` with a drink's amount written after what it is served with moved before
    the drink (``16oz iced tea w/ lemon``): 300 ml of lime or 16 oz of lemon is no
    garnish. Ounces count only from 8 on (``salad with chicken 4 oz`` keeps its
    chicken's amount); as it is when the drink has an amount of its own.

    Examples
    --------
    >>> amount_served_with("soda water w lime 300ml")
    '300ml soda water with lime'
    >>> amount_served_with("salad with chicken 4 oz")
    'salad with chicken 4 oz'
    """
    found = _SERVED_WITH_AMOUNT.match(text)
    if found is None or has_amount(found["food"]):
        return text
    amount = parse_quantity(found["amount"])
    if amount.unit in ("oz",) and amount.quantity < 8:
        return text
    return f"{found['amount']} {found['food'].strip()} with {found['with'].strip()}"


#: A count said at the end of a line, after a comma (``fried eggs w/ toast, 2 eggs``).
_COUNT_AFTER = re.compile(
    r"^(?P<food>[^,;]*[a-z][^,;]*),\s*(?P<count>\d+|two|three|four|five|six)\s+"
    r"(?P<noun>[a-z]+?)(?:e?s)?\s*$",
    re.IGNORECASE,
)


def count_after(text: str) -> str:
    """``text`` with a count said at its end of a food its first part names moved
    before that food (``2 fried eggs w/ toast``): the eggs are counted, not eaten twice.
    As it is when the line has one food before the comma, when the first part has an
    amount or does not name the counted noun.

    Examples
    --------
    >>> count_after("fried eggs with toast, 2 eggs"), count_after("omelette, 2 eggs")
    ('2 fried eggs with toast', 'omelette, 2 eggs')
    """
    found = _COUNT_AFTER.match(text)
    if found is None:
        return text
    spans = part_spans(found["food"])
    if len(spans) < 2:
        return text  # "granola bar, 2 bars": one food and its count, read as it is
    first = text[: spans[0][1]]
    named = re.search(rf"\b{re.escape(found['noun'])}(?:e?s)?\b", first, re.IGNORECASE)
    if named is None or has_amount(first):
        return text
    return f"{found['count']} {found['food'].strip()}"


def each_amount(text: str) -> str:
    """``text`` with an amount said once for every food (``rice and pinto beans, 1 cup
    each``) written before each food that has none (``1 cup rice and 1 cup pinto beans``).

    Examples
    --------
    >>> each_amount("rice and black beans, 1 cup each")
    '1 cup rice and 1 cup black beans'
    >>> each_amount("2 eggs")
    '2 eggs'
    """
    found = _EACH.match(text)
    if found is None:
        return text
    foods = found["foods"]
    parts = [foods[a:b].strip(" ,;:+&") for a, b in part_spans(foods)]
    if len(parts) < 2 or any(has_amount(p) for p in parts):
        return text
    return " and ".join(f"{found['amount']} {p}" for p in parts)
