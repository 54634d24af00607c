"""Entry understanding: what one diary line says before any food is matched.

A line such as ``Breakfast 7:30am: english muffin w/ pb`` is read in four steps, with
the vocabulary of ``datasets/entry_words.csv``:

1. **Prefixes and noise** (:func:`~nutrilog.matching.prefixes.strip_prefix`): meal and
   time prefixes (``breakfast -``, ``lunch:``, ``[dinner]``, ``Meal 3 -``, ``snack
   #2:``, ``dinner at mom's:``, ``Lunch (work cafeteria) -``, ``11am -``, ``snack 20
   peanuts``), bullets and eating verbs (``had``, ``ate``) are taken off; the meal is
   kept.
2. **Not food** (:func:`~nutrilog.matching.not_food.not_food_reason`): a line with a
   word never written for something eaten (``walked``, ``slept``, ``felt``,
   ``headache``, ``BP``, ``goal``) is not a food entry, and so is a lab or body reading
   (``mg/dL``, ``bpm``, ``HbA1c``); a tally word (``calories``, ``total``, a nutrient
   total such as ``Protein: 120g``) makes one only when no food word is left beside it.
3. **Compounds** (:func:`understand`): the line is cut at ``,`` ``;`` ``+`` ``&``
   ``and`` ``with`` ``w/`` ``plus`` and ``:`` into parts
   (:mod:`~nutrilog.matching.parts`); a part without a food word (``1.5 cups``,
   ``browned``) or one that restates its neighbour (``granola bar, 2 bars``) stays with
   the part before it. The parts are then grouped: each group is one food, matched and
   weighed on its own, and a group of several parts must land on a food that holds the
   food word of each (a mixed dish such as ``chicken curry with rice`` or ``mac and
   cheese``). The grouping with the best total score wins, each group beyond the first
   costing :data:`GROUP_COST` points, so a dish that fits the whole line as well as its
   parts do is kept whole. A first part that only holds the others (``smoothie w/
   banana, spinach and milk``, ``protein shake: ...``) is dropped. ``on`` joins two
   foods before bread, toast, a bagel, crackers or rice (``beans on toast``); ``chips``
   beside a hot main (``fish and chips``) are french fries. A line joined by
   ``with``/``and`` (no commas) is one dish only when the dish holds every part's food
   (``english muffin w/ pb`` is two foods).
4. **Additions** (:mod:`~nutrilog.matching.neighbours`,
   ``datasets/companion_amounts.csv``): a part with no amount that is an addition to
   another part takes the table's amount, flagged ``estimated amount``: milk in coffee
   or tea 2 tbsp, cream 1 tbsp, a sugar 1 tsp (the drink, with no amount or size of its
   own, one 8 fl oz cup), butter on toast 1/2 tbsp, milk on cereal 1/2 cup, dressing on
   a salad and sour cream on a taco 2 tbsp.

This module holds step 3, the grouping, and :func:`understand`, which runs the four;
the names of the other steps are re-exported here.

Examples
--------
>>> strip_prefix("breakfast - 2 eggs")
('2 eggs', 'breakfast', None)
>>> split_parts("toast w/ butter")
['toast', 'butter']
"""

from __future__ import annotations

import math
import re
from collections.abc import Container
from dataclasses import dataclass, replace

from nutrilog.matching.aliases import curated_aliases
from nutrilog.matching.diary_words import entry_words
from nutrilog.matching.dishes import (
    already_in,
    bar_format,
    bird_cut,
    chain_first,
    chicken_pieces,
    chicken_share,
    clarified,
    counted_dish,
    eggs_of_dish,
    joined_names,
    pizza_slices,
    size_first,
    soup_with,
    turned_joined,
    with_joined,
)
from nutrilog.matching.listed import app_product, listed_foods
from nutrilog.matching.lookup import stem
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.mixed_drinks import spirit_and_mixer
from nutrilog.matching.naming import names_brand
from nutrilog.matching.negations import negates, only_negations, tagged, without_negations
from nutrilog.matching.neighbours import (
    additions_apart,
    british_chips,
    companion_amounts,
    gravy_apart,
    plate_vegetables,
    read_topped,
    regional_reading,
    topped_foods,
)
from nutrilog.matching.not_food import MONEY, cooking_for_others, not_food_reason
from nutrilog.matching.parts import (
    CONNECTOR,
    Part,
    amount_after,
    amount_after_dash,
    amount_served_with,
    buttered,
    count_after,
    described_after,
    each_amount,
    half_and_half,
    has_amount,
    milk_said_after,
    own_bread_dropped,
    part_spans,
    sandwich_spread,
    split_parts,
)
from nutrilog.matching.prefixes import (
    FAMILY,
    MENU_NUMBER,
    clock_after,
    needs_reading,
    strip_prefix,
)
from nutrilog.matching.sandwiches import Filled, filled_bread, named_on_bread
from nutrilog.matching.skins import skin_words
from nutrilog.matching.synonyms import brand_table, synonym_table
from nutrilog.matching.unlisted import DISH_EXTRA, extra_words, listed_apart
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many
from nutrilog.portions import is_drink
from nutrilog.quantity import parse_quantity

__all__ = [
    "GROUP_COST",
    "Part",
    "Understanding",
    "clock_after",
    "entry_words",
    "maker_aside",
    "names_a_maker",
    "said_as_meal",
    "said_at_school",
    "said_hot",
    "shop_said",
    "without_shop",
    "opens_unknown",
    "needs_reading",
    "not_food_reason",
    "read_topped",
    "split_parts",
    "strip_prefix",
    "understand",
]

#: Points each group of a line beyond the first costs (see the module doc).
GROUP_COST = 15.0
#: Score given to a part that names a food the table lacks (it is still a food).
_UNKNOWN_FOOD = 40.0
#: Lines cut into more parts than this are not grouped (each part is a food).
_MAX_GROUPED = 8
#: Score at which a comma-separated line is one food without trying its parts, and at
#: which a line joined by "and", "with"... is one mixed dish.
_SURE_SCORE = 90.0
_SURE_DISH = 95.0
#: Score at which foods joined by "and" before a dish's name are that dish (``potato and
#: egg taco``: "Burrito, taco, or quesadilla with egg and potato").
_NAMED_DISH = 75.0


@dataclass(frozen=True)
class Understanding:
    """What a line says: its meal and time, whether it is food, and its foods."""

    #: The line as read.
    text: str
    #: The meal and clock time its prefix names (None when none).
    meal: str | None
    time: str | None
    #: Why the line is not a food entry (None when it is one).
    not_food: str | None
    #: The foods of the line, one per component (one part for a single food).
    parts: tuple[Part, ...]

    @property
    def changed(self) -> bool:
        """Whether the parts say something else than the line as read."""
        return len(self.parts) != 1 or self.parts[0].text != self.text.strip()


def _food_key(matcher: Matcher, text: str) -> str:
    return key_of(parse_quantity(text).food)


#: A lone ``n`` between two words (``mince n cheese pie``): "and", as ``&`` is.
_LONE_N = re.compile(r"(?<=[a-z]) n (?=[a-z])", re.IGNORECASE)


def _nouns(matcher: Matcher, key: str) -> list[str]:
    """The food words of a part: core and unknown words that are no measure."""
    measures = entry_words().measures
    if key and all(w in measures for w in key.split()):
        return []  # "1 cup halves": a measure, before any spelling reads it as a food
    reading = matcher.reading(key)
    return [
        w
        for segment in reading.segments
        for w, role in segment
        if role in ("core", "unknown") and w not in measures
    ]


def _merge_amounts(
    matcher: Matcher, text: str, spans: list[tuple[int, int]], spreads: list[str] | None = None
) -> list[tuple[int, int]]:
    """Parts without a food word of their own join the part before them (or after, first);
    a sandwich's spread said after it is dropped, and named in ``spreads``."""
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    previous: set[str] = set()
    for start, end in spans:
        key = _food_key(matcher, text[start:end])
        nouns = [] if negates(text[start:end]) else _nouns(matcher, key)
        if not nouns and key and matcher.result(key).method == "alias":
            nouns = [key]  # a product named by its brand alone ("cheerios", "weet-bix")
        restates = bool(nouns) and set(nouns) <= previous
        if restates and merged and not _keeps_food(matcher, text, merged[-1], end):
            continue  # says again what the part before says (porridge, with milk): dropped
        if nouns and merged and already_in(matcher, text, merged[-1], (start, end), nouns):
            continue  # what the food before holds (cold cut sub, with cheese): dropped
        if merged and _sandwich_spread(matcher, text, merged[-1], (start, end), key):
            if spreads is not None:
                spreads.append(text[start:end].strip(" ,;:+&"))
            continue  # a spread of a USDA sandwich (bologna sandwich, w/ mustard): dropped
        if not nouns or restates:
            if merged:
                merged[-1] = (merged[-1][0], end)
            else:
                pending = (start, end) if pending is None else (pending[0], end)
            continue
        if pending is not None:
            start, pending = pending[0], None
        merged.append((start, end))
        previous = set(nouns)
    if pending is not None:
        if merged:
            merged[0] = (pending[0], merged[0][1])
        else:
            merged.append(pending)
    return merged


def _dish_amount_first(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> str | None:
    """``text`` with the amount written after the second of two parts moved before the
    first, when the first has none and lands on a dish that holds the second (``chicken
    adobo over rice 2 cups``: two cups of "Adobo, with rice"); else None."""
    if len(spans) != 2:
        return None
    (a, b), (c, d) = spans
    first, second = text[a:b].strip(), text[c:d].strip()
    said = parse_quantity(second)
    if has_amount(second) or said.unit_kind == "default" or not said.food:
        return None
    if parse_quantity(first).unit_kind != "default" or not second.startswith(said.food):
        return None
    amount = second[len(said.food) :].strip(" ,")
    moved = f"{amount} {first}{text[b:c]}{said.food}"
    joined = part_spans(moved)
    nouns = _nouns(matcher, _food_key(matcher, said.food))
    if len(joined) != 2 or not nouns:
        return None
    return moved if already_in(matcher, moved, joined[0], joined[1], nouns) else None


def _sandwich_spread(
    matcher: Matcher, text: str, before: tuple[int, int], part: tuple[int, int], key: str
) -> bool:
    """Whether a part with no amount is a condiment of the sandwich the part before lands
    on (``pit beef sandwich w/ horseradish``: FNDDS weighs the sandwich with its spread)."""
    if not sandwich_spread(key) or has_amount(text[part[0] : part[1]]):
        return False
    return "sandwich" in matcher.description_words(_food_key(matcher, text[slice(*before)]))


#: Points a part joined with one that restates its food may lose against the part alone.
_RESTATED_MARGIN = 10.0


def _keeps_food(matcher: Matcher, text: str, before: tuple[int, int], end: int) -> bool:
    """Whether the part before, joined with a part that restates its food, still lands on
    a food named for it about as well as the part alone (``granola bar, 2 bars``);
    ``porridge with semi-skimmed milk``, porridge being oatmeal made with milk, would
    land on an oatmeal cookie."""
    if has_amount(text[before[1] : end]):
        return True  # the amount is the part's news: kept with its food
    first = _food_key(matcher, text[before[0] : before[1]])
    joined = _food_key(matcher, text[before[0] : end])
    found = matcher.result(joined)
    return (
        found.position is not None
        and matcher.named(joined, first)
        and found.score >= matcher.result(first).score - _RESTATED_MARGIN
    )


def _part_score(matcher: Matcher, text: str) -> float:
    key = _food_key(matcher, text)
    result = matcher.result(key)
    return result.score if result.position is not None else _UNKNOWN_FOOD


def _drops_a_word(matcher: Matcher, key: str) -> bool:
    """Whether the food ``key`` lands on by a fuzzy match lacks a word the key qualifies
    it with (``apple crumble and custard`` is no custard-apple: it has no crumble)."""
    if matcher.result(key).method != "fuzzy":
        return False
    described = {stem(w) for w in matcher.description_words(key)}
    words = matcher.reading(key).words("qualifier")
    return any(stem(w) not in described for w in words)


def _group_score(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> float:
    """Score of several parts read as one food (a mixed dish), or -inf when they are not one.

    They are one when only the first part has an amount, and the food they land on is an
    alias of their words, or holds the food word of each part, has the first part's food
    word in its name, and adds at most :data:`DISH_EXTRA` food words of its own.
    """
    if any(has_amount(text[a:b]) for a, b in spans[1:]):
        return -math.inf
    if (
        _commas_only(text, spans)
        and not _head_first(matcher, text, spans)
        and not _describes(text, spans)
    ):
        return -math.inf  # "cheese, crackers": two foods, not cheese crackers
    whole = text[spans[0][0] : spans[-1][1]]
    key = _food_key(matcher, whole)
    result = matcher.result(key)
    if result.position is None:
        return -math.inf
    branded = any(kind == "brand" for kind, _ in result.assumptions)
    part_keys = [_food_key(matcher, text[a:b]) for a, b in spans]
    if _compound_of_addition(matcher, key, part_keys):
        return -math.inf  # "pancakes + syrup": pancakes and syrup, not pancake syrup
    if result.method in ("alias", "exact") and not (
        branded and _foods_besides(matcher, text, spans)
    ):
        return -math.inf if _breaks_an_alias(matcher, key, part_keys) else result.score
    if branded and not _chain_only(key):
        return -math.inf  # "cheerios with milk": the brand read away is no dish's part
    if _WITH.search(whole) and _named_for_addition(matcher, key, part_keys):
        return -math.inf
    if _turned_around(matcher, key, part_keys) or _unwritten_brand(matcher, key):
        # "chips & beans": chips and beans, not bean chips; "burger and onion rings":
        # a burger and onion rings, not BURGER KING's onion rings
        return -math.inf
    fits = (
        not _drops_a_word(matcher, key)
        and all(matcher.holds(key, part) for part in part_keys)
        and matcher.named(key, part_keys[0])
        and extra_words(matcher, key) <= DISH_EXTRA
    )
    return result.score if fits else -math.inf


def _breaks_an_alias(matcher: Matcher, key: str, part_keys: list[str]) -> bool:
    """Whether a part the alias table names alone lands elsewhere than the parts read
    together, and the food they land on lacks one of its words: ``filet o fish + med
    fries`` is McDonald's sandwich and fries, not the fried fish of ``fish fry``."""
    aliases = curated_aliases()
    if key in aliases or " ".join(matcher.reading(key).words()) in aliases:
        return False  # the whole line is a name the alias table gives (ham and bean soup)
    position = matcher.result(key).position
    described = {stem(w) for w in matcher.description_words(key)}
    for part in part_keys:
        own = matcher.result(part)
        if own.method != "alias" or own.position == position:
            continue
        if any(stem(w) not in described for w in matcher.reading(part).words("core", "unknown")):
            return True
    return False


def _chain_only(key: str) -> bool:
    """Whether every brand ``key`` names is a restaurant chain: the place the dish came
    from (``dunkin ham egg & cheese english muffin``), no part of it."""
    found = brand_table().find(key.split())
    return bool(found) and all(brand.kind == "restaurant" for _, _, brand in found)


def _best_grouping(
    matcher: Matcher, text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Consecutive groups of parts with the best total score (see the module doc)."""
    n = len(spans)
    if n > _MAX_GROUPED:
        return spans
    best = [0.0] + [-math.inf] * n  # best[j]: best total for the first j parts
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j):
            if j - i == 1:
                value = _part_score(matcher, text[spans[i][0] : spans[i][1]])
            else:
                value = _group_score(matcher, text, spans[i:j])
            total = best[i] + (j - i) * value - GROUP_COST
            if total > best[j]:
                best[j], cut[j] = total, i
    groups = []
    j = n
    while j > 0:
        i = cut[j]
        groups.append((spans[i][0], spans[j - 1][1]))
        j = i
    return groups[::-1]


def _commas_only(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the parts of ``text`` are separated by commas alone."""
    return all(text[a:b].strip() == "," for (_, a), (b, _) in zip(spans, spans[1:], strict=False))


def _sure_whole(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a line of several parts reads as one food beyond doubt: no part after the
    first has an amount of its own, and the whole is an alias or a description, or scores
    :data:`_SURE_SCORE` or more (:data:`_SURE_DISH` when a connector other than a comma
    joins the parts)."""
    if any(has_amount(text[a:b]) for a, b in spans[1:]):
        return False
    key = _food_key(matcher, text)
    result = matcher.result(key)
    if result.position is None:
        return False
    parts = [_food_key(matcher, text[a:b]) for a, b in spans]
    if _compound_of_addition(matcher, key, parts):
        # "pancakes + syrup", "coffee & cream": two foods, not the pancake syrup or the
        # coffee cream their words name together
        return False
    branded = any(kind == "brand" for kind, _ in result.assumptions)
    if result.method in ("alias", "exact") and not (
        branded and _foods_besides(matcher, text, spans)
    ):
        # "cheese, crackers" is two foods, not the cheese crackers its words name
        return not _commas_only(text, spans) or _head_first(matcher, text, spans)
    if branded:
        return False  # "2 weet-bix w/ milk": the brand was read away, not found in a dish
    if _said_twice(parts):
        return False  # "fried chicken & fried rice": two foods, each with its own "fried"
    if _commas_only(text, spans):
        # a part that only says how the food is prepared ("Beans, kidney, cooked") is
        # no food of its own: the line is a description written out
        whole = result.score >= _SURE_SCORE and _head_first(matcher, text, spans)
        return whole or _describes(text, spans)
    if result.score < _SURE_DISH and not (
        result.score >= _NAMED_DISH and _dish_named_last(matcher, text, spans, key)
    ):
        return False
    if "," in text:  # a description written out ("Beans, baked, canned, with pork")
        return True
    # "english muffin w/ pb" is no muffin alone: a dish must hold every part's food
    if _WITH.search(text) and _named_for_addition(matcher, key, parts):
        return False  # "coffee with creamer" is coffee and creamer, not coffee creamer
    if _turned_around(matcher, key, parts) or _unwritten_brand(matcher, key):
        return False
    return not _drops_a_word(matcher, key) and all(matcher.holds(key, part) for part in parts)


def _said_twice(parts: list[str]) -> bool:
    """Whether two parts of two words or more each share a word (``fried chicken & fried
    rice``, ``grilled chicken and grilled veg``): each says how its own food was made,
    as two foods are listed, where a dish names the way it is made once."""
    words = [set(p.split()) for p in parts if len(p.split()) >= 2]
    return len(words) == len(parts) == 2 and bool(words[0] & words[1])


#: "and" alone between two parts (``potato and egg``, ``bean n cheese``).
_AND_BETWEEN = re.compile(r"^\s*(?:and|&|n)\s*$", re.IGNORECASE)


def _dish_named_last(matcher: Matcher, text: str, spans: list[tuple[int, int]], key: str) -> bool:
    """Whether foods joined by "and" name what the dish named last is made with
    (``potato and egg taco``, ``2 bean n cheese tacos``): the last part ends in a kind of
    dish (``taco``, ``burrito``, ``sandwich``), and the food the whole lands on names that
    kind and every part's food. ``eggs and toast`` names no dish; ``eggs and sausage
    roll``, a dish holding no egg, stays two foods."""
    if len(spans) != 2 or not _AND_BETWEEN.match(text[spans[0][1] : spans[1][0]]):
        return False
    last = _food_key(matcher, text[slice(*spans[1])]).split()
    if len(last) < 2 or last[-1] not in matcher_words().dish_kinds:
        return False
    return last[-1] in matcher.description_words(key)


def _head_first(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first part of a comma list names the head of the description the
    list lands on, as USDA writes it first (``Beans, kidney, cooked`` on ``Beans,
    kidney...``); ``2 eggs, toast`` on ``Bread, egg, toasted`` is two foods."""
    whole = text[spans[0][0] : spans[-1][1]]
    head = matcher.description(_food_key(matcher, whole)).split(",")[0].split()
    if not head:
        return True
    for a, b in spans[1:]:
        found = matcher.result(_food_key(matcher, text[a:b]))
        if found.method not in ("alias", "exact") or any(
            k == "brand" for k, _ in found.assumptions
        ):
            return True  # "Onion Powder, Simply Organic": a maker's name, no second food
    first = {stem(w) for w in _food_key(matcher, text[spans[0][0] : spans[0][1]]).split()}
    return stem(head[0].lower().rstrip("s")) in first or stem(head[0].lower()) in first


def _usda_order(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> str:
    """A description written out in USDA's order, head first (``Yogurt, Greek, plain``),
    as people say it (``Greek Yogurt plain``) when that is an alias and the text as
    written is none; else ``text``."""
    if not _commas_only(text, spans) or matcher.result(_food_key(matcher, text)).method in (
        "alias",
        "exact",
    ):
        return text
    segments = [text[a:b].strip() for a, b in spans]
    spoken = " ".join([segments[1], segments[0], *segments[2:]])
    return spoken if matcher.result(_food_key(matcher, spoken)).method == "alias" else text


def _foods_besides(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a part after the first is a food of its own that the whole's food does not
    hold (``weetabix with semi skimmed``: the milk is no part of the cereal's alias)."""
    key = _food_key(matcher, text[spans[0][0] : spans[-1][1]])
    if _alias_past_brand(matcher, key):
        return False  # "dunkin iced coffee w/ cream & sugar": the alias names every part
    for a, b in spans[1:]:
        part = _food_key(matcher, text[a:b])
        if (
            part
            and matcher.result(part).method in ("alias", "exact")
            and not matcher.holds(key, part)
        ):
            return True
    return False


def _alias_past_brand(matcher: Matcher, key: str) -> bool:
    """Whether ``key`` without its brand's words is an alias of the food the whole lands
    on (``iced coffee with cream and sugar`` of "dunkin iced coffee with cream and
    sugar"): its parts are then the alias's own words, no foods beside it."""
    words = key.split()
    found = brand_table().find(words)
    if not found:
        return False
    start, end, _ = found[0]
    if start != 0:
        return False  # only a brand opening the line is read past ("dunkin iced coffee")
    rest = " ".join(words[end:])
    held = matcher.result(rest)
    return (
        bool(rest)
        and held.method == "alias"
        and held.position == matcher.result(key).position
        and not any(kind == "brand" for kind, _ in held.assumptions)
    )


def _describes(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a part after the first holds preparation words alone (``cooked``, ``raw``)."""
    vocab = matcher_words()
    words = normalize_many([text[a:b] for a, b in spans[1:]])
    return any(w and all(x in vocab.preparation for x in w.split()) for w in words)


_WITH = re.compile(r"\bwith\b|\bw/", re.IGNORECASE)
_NAME_END = re.compile(r"[,(]|\bwith\b", re.IGNORECASE)


def _named_for_addition(matcher: Matcher, key: str, parts: list[str]) -> bool:
    """Whether the food ``key`` lands on is named for what a later part adds: the last
    word of its name (before a comma, a bracket or ``with``) is that part's head word
    and not the first part's (``Coffee creamer, NFS`` for "coffee with creamer")."""
    position = matcher.result(key).position
    if position is None:
        return False
    name = _NAME_END.split(str(matcher.known.descriptions[position]), maxsplit=1)[0]
    words = normalize_many([name])[0].split()
    if not words:
        return False
    first = matcher.reading(parts[0]).head
    later = {matcher.reading(part).head for part in parts[1:]}
    return words[-1] != first and words[-1] in later


def _compound_of_addition(matcher: Matcher, key: str, parts: list[str]) -> bool:
    """Whether the description ``key`` lands on names, by the first part's food and a
    later one-word part after it, a food of that later part alone (``Pancake syrup`` for
    "pancakes + syrup"), not a dish of both (``Sausage and peppers``, ``Chicken rice soup``
    for "chicken & rice soup")."""
    position = matcher.result(key).position
    if position is None or not _named_for_addition(matcher, key, parts):
        return False
    if any(len(part.split()) != 1 for part in parts[1:]):
        return False  # "chicken & rice soup": the soup of both, named by the last part
    if matcher.result(key).method == "alias":
        words = key.split()  # "waffle syrup", an alias of pancake syrup
    else:
        name = _NAME_END.split(str(matcher.known.descriptions[position]), maxsplit=1)[0]
        words = normalize_many([name])[0].split()
    # a name that joins its foods (``Sausage and peppers``, ``chili con carne``) is a dish
    return matcher.reading(parts[0]).head in words and not CONNECTOR.search(" ".join(words))


def _unwritten_brand(matcher: Matcher, key: str) -> bool:
    """Whether the food ``key`` lands on names a brand the key does not write out
    (``BURGER KING, Onion Rings`` for "burger and onion rings")."""
    position = matcher.result(key).position
    if position is None:
        return False
    described = normalize_many([str(matcher.known.descriptions[position])])[0].split()
    said = set(key.split())
    return any(not set(described[a:b]) <= said for a, b, _ in brand_table().find(described))


def _turned_around(matcher: Matcher, key: str, parts: list[str]) -> bool:
    """Whether the food ``key`` lands on names a later part's food before the first
    part's, with no ``and`` or ``with`` between them: one food the second modifies
    (``Bean chips`` for "chips & beans"), not the two foods the line lists."""
    position = matcher.result(key).position
    if position is None or len(parts) < 2:
        return False
    name = str(matcher.known.descriptions[position]).split(",", 1)[0]
    words = normalize_many([name])[0].split()
    first = matcher.reading(parts[0]).head
    if first not in words or {"and", "with"} & set(words):
        return False
    later = {matcher.reading(part).head for part in parts[1:]} - {first}
    return any(w in later for w in words[: words.index(first)])


def _dish_tag(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, str], ...]:
    """The ``dish`` assumption of a line of several parts kept whole (none for commas)."""
    if _commas_only(text, spans):
        return ()
    return (("dish", f'"{text}" matched as one mixed dish'),)


#: Reasons whose cue a food line may hold: a time of day, a nutrient's name.
_NO_NOTE_CUE = re.compile(r"\((?:time|\w+ tally)")
#: A separator between a note and what follows it (``:``, `` - ``, ``->``).
_SEPARATED = re.compile(r"\s*:\s*|\s+[-\u2013\u2014]+>?\s+|\s*[-=]>\s*")


def understand(text: str, matcher: Matcher) -> Understanding:
    """Read one diary line (see the module doc); from each food, a maker's name the
    tables lack is set aside (a capitalised word inside the line that no table knows,
    keeping a food the tables name from being recognised), a fast-food meal is read as
    its item, and a school's meal as the version FNDDS lists as served at school.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> u = understand("lunch: toast w/ butter", Matcher(load_foods()))
    >>> u.meal, [p.text for p in u.parts]
    ('lunch', ['toast', '0.5 tbsp butter'])
    """
    read = _understand(text, matcher)
    parts = tuple(_served_hot(matcher, maker_aside(matcher, p)) for p in read.parts)
    parts = tuple(_meal_item(matcher, p) for p in parts)
    if said_at_school(text):  # "school lunch: cheese pizza": the school's pizza
        parts = tuple(_school_version(matcher, p) for p in parts)
    return read if parts == read.parts else replace(read, parts=parts)


#: A line said of a school's meal (``school lunch: pizza``, ``lunch (school)``, ``school
#: pizza``), not of food at home after school or before it.
_AT_SCHOOL = re.compile(r"(?<!after\s)(?<!before\s)(?<!from\s)\bschool\b", re.IGNORECASE)
#: How FNDDS names the version of a food served at school.
_SCHOOL_SERVED = re.compile(r",?\s*(?:from\s+)?school(?:\s+(?:lunch|cafeteria))?\b", re.I)


#: ``meal`` or ``combo`` closing a fast-food item's name (``big mac meal``, ``6pc nugget
#: combo``): the item with sides and a drink the line does not name.
_MEAL_AFTER = re.compile(r"\s+(?:value\s+|combo\s+)?(?:meal|combo)\s*$", re.IGNORECASE)


def said_as_meal(text: str) -> bool:
    """Whether ``text`` closes on ``meal`` or ``combo`` (``big mac meal``): perhaps a
    fast-food item with its sides, which :func:`understand` reads as the item.

    Examples
    --------
    >>> said_as_meal("big mac meal"), said_as_meal("big mac")
    (True, False)
    """
    return _MEAL_AFTER.search(text) is not None


def _meal_item(matcher: Matcher, part: Part) -> Part:
    """``part`` as the item of a fast-food meal (``big mac meal`` is the Big Mac, its
    fries and drink unsaid, so not counted), when the tables name no food with the word
    and name the item without it; else ``part``."""
    found = _MEAL_AFTER.search(part.text)
    if found is None or matcher.accepted(key_of(parse_quantity(part.text).food)):
        return part
    item = part.text[: found.start()].strip()
    key = key_of(parse_quantity(item).food)
    if not key or not matcher.accepted(key):
        return part
    note = ("left out", f"{found[0].strip()}: its sides and drink are not said, so not counted")
    return Part(item, (*part.tags, note))


def said_at_school(text: str) -> bool:
    """Whether ``text`` says the food was a school's (``school lunch: pizza``), which
    :func:`understand` reads as the version FNDDS lists as served at school.

    Examples
    --------
    >>> said_at_school("school lunch: pizza"), said_at_school("after school: pizza")
    (True, False)
    """
    return _AT_SCHOOL.search(text) is not None


def _school_version(matcher: Matcher, part: Part) -> Part:
    """``part`` as the version of its food FNDDS lists as served at school (``Pizza,
    cheese, from school lunch``; ``Cheeseburger, from school cafeteria``), when the
    tables have one of the same food; else ``part``."""
    food = parse_quantity(part.text).food
    key = key_of(food)
    held = matcher.result(key)
    if held.position is None or "school" in matcher.description(key).lower():
        return part
    head = matcher.description(key).split(",")[0].strip().lower()
    plain = " ".join(re.sub(r"\bschool\b", " ", part.text, flags=re.IGNORECASE).split())
    for served in ("from school lunch", "from school cafeteria", "school"):
        text = f"{plain} {served}"
        school = key_of(parse_quantity(text).food)
        if matcher.result(school).position is None or not matcher.accepted(school):
            continue
        named = matcher.description(school)
        # the same food as the one named, in its school version
        if _SCHOOL_SERVED.search(named) and (
            _SCHOOL_SERVED.sub("", named).split(",")[0].strip().lower() == head
        ):
            note = ("served", "at school: the school's own version USDA lists")
            return Part(text, (*part.tags, note))
    return part


def _understand(text: str, matcher: Matcher) -> Understanding:
    """:func:`understand` before makers' names are set aside."""
    # "spinach omelet - 2 eggs": the eggs the omelet was made of, before the dish can be
    # taken for a label of the line
    rest = _whose_dropped(matcher, text)
    rest, meal, clock = strip_prefix(eggs_of_dish(rest) or rest)
    rest = without_shop(matcher, rest)
    reason = (
        # "made sarmale for the grandkids": before "for the grandkids" is read as whose
        cooking_for_others(text)
        or not_food_reason(rest, matcher.index.postings.keys())
        or only_negations(rest)
    )
    skipped = not_food_reason(text, matcher.index.postings.keys())
    # "(fasting day) lunch - 1 cup kik alicha": a measure of a food after a fast was
    # eaten, whether or not the tables name the food
    amount = parse_quantity(rest)
    fasted = skipped is not None and "(skipped meal:" in skipped
    measured = (
        fasted
        and amount.unit_kind in ("mass", "volume")
        and bool(re.search(r"(?<![\w/])[a-z]{3,}", amount.food, re.IGNORECASE))  # "190p/ /60f"
    )
    if reason is None and fasted and not measured:
        reason = skipped  # "skipped lunch - midterm": the meal named was not eaten
    if reason is None and skipped is not None and "(shopping:" in skipped:
        reason = skipped  # "Publix list: bulgur, lemons": the foods after it were bought
    if (
        reason is None
        and not measured
        and skipped is not None
        and matcher.result(_food_key(matcher, rest)).position is None
        # "11pm craving - 1 cup butter pecan ice cream": a measure of a food the note
        # labels, though its words need reading before they match
        and not _food_amount(rest, matcher.index.postings.keys())
        and not _counted_food(matcher, rest)  # "pumping break - 2 lactation cookies"
    ):
        # "macros: 190p/220c/60f", "9 clients today": a note's cue was read as a label
        # or a time of day, and the words left name no food
        reason = skipped
    if (
        reason is None
        and not any(
            # "(K) after practice: turkey sandwich": a food after a separator is read below
            _names_a_food_first(matcher, piece)  # or a list of foods ("1 cup milk, 1 banana")
            for piece in (rest, *_SEPARATED.split(rest)[1:])
            if piece.strip()
        )
    ):
        # "24hr shift - 4 runs overnight", "round done, 13.2 miles": a note's cue beside
        # words of which no food is made, though some are a food's words elsewhere; a
        # time of day or a nutrient's name is no such cue ("kitfo 2pm" is a food the
        # tables lack, "protein oats (1/2c dry oats + 1 scoop whey)" food)
        weak = not_food_reason(rest)
        reason = weak if weak is not None and not _NO_NOTE_CUE.search(weak) else None
    if reason is None:
        reason = _done_not_eaten(matcher, rest)  # "repainted the garage door"
    labelled = _LABEL.match(rest)
    known = matcher.index.postings.keys()
    after = rest[labelled.end() :] if labelled is not None else ""
    if (
        labelled is not None
        # a note that is no food entry, or words that name no food at all ("lunch
        # truck - 2 hot dogs", "pre-game >> 1 cup fruit salad")
        and (
            reason is not None
            or _names_no_food(matcher, labelled["label"])
            # "Mother - 1 soft boiled egg", "Marisol - lunch: tuna salad": whom the food
            # after the separator was for
            or _names_whom(matcher, labelled["label"])
            # "porch - 2 cups watermelon": a word no food is written with, before an
            # amount (a food only when misspelled: perch)
            or (_unwritten_word(matcher, labelled["label"]) and _AMOUNT_FIRST.match(after))
            or _lists_foods(matcher, after)  # "fish fry - catfish, fries, hushpuppies"
            # when it was eaten ("after working in the garden -> 1 popsicle")
            or _WHEN_LABEL.match(labelled["label"]) is not None
        )
        # a bowl or a plate of listed foods is read with its parts later, a dish's name
        # before its fillings stays, and a chain says where they came from ("chipotle -
        # steak, rice, black beans")
        and not (
            (
                set(normalize_many([labelled["label"]])[0].split()) & entry_words().containers
                or _only_brand(labelled["label"])
                or _names_a_dish(labelled["label"])  # "filled roll - ham, cheese, lettuce"
            )
            and len(part_spans(after)) > 1
        )
        and not_food_reason(after, known) is None
        # "night shift - lamb shashlik 6oz": an amount of a food the tables may lack
        and (
            _names_a_food_first(matcher, after)
            or _food_amount(after, known)
            or _counted_food(matcher, after)
        )
        # "leg cramps again 3am - L calf": where the symptom was, no food
        and not (reason is not None and "(symptom:" in reason and _only_body(after))
        # "copenhagen - half a can": the tobacco is what the amount is of; "Publix
        # list: bulgur, lemons": the foods were bought, not eaten
        and not (
            reason is not None and re.search(r"\((?:tobacco|shopping|cooking for others):", reason)
        )
    ):
        # "late nite craving - 1 cup ice cream", "after walk: banana": the note before
        # the separator labels the food after it ("tournament - 3 games" names none)
        meal = meal or labelled["label"].strip()
        # "atoandro - dhall mac n cheese": a place or a time after the label is no food
        rest, _, said_clock = strip_prefix(rest[labelled.end() :])
        reason, clock = None, clock or said_clock
    if meal is not None and _only_brand(meal) and not _family_only(meal) and not _familys(meal):
        # "chick-fil-a - 8 nuggets": the chain says which nuggets; "[mama] 1 baked apple"
        # is whom the line was logged for, though Mama is a noodle brand
        rest = f"{meal} {rest}"
    if reason is not None:
        return Understanding(text, meal, clock, reason, ())
    rest, said_clock = clock_after(rest)  # "banana 10:15": the time is no amount
    clock = clock or said_clock
    whole = rest  # the line the parts come from
    rest = skin_words(rest)  # "chicken thigh, no skin": which twin, no food left out
    rest, omitted = without_negations(own_bread_dropped(rest), matcher)
    rest, omitted = _without_price(rest, omitted)  # "coffee $4.50"
    rest, omitted = _without_menu_number(rest, omitted)  # "combo #3"
    rest, omitted = _without_brand_note(rest, omitted)  # "parathas (Deep brand)"
    rest = bar_format(rest) or rest  # "kitkat 4 finger": one bar of four fingers
    rest = bird_cut(rest) or rest  # "rotisserie chicken, 1 thigh": one thigh of it
    rest = chicken_pieces(rest) or rest  # "2pc chicken": two pieces of fried chicken
    rest = pizza_slices(rest) or rest  # "2 slices pepperoni": two slices of the pizza
    rest = eggs_of_dish(rest) or rest  # "omelet w/ 2 eggs": one omelet of two eggs
    share = chicken_share(rest)
    if share is not None:  # "1/4 chicken": a quarter of a chicken's meat, not of a piece
        rest, omitted = share[0], (*omitted, share[1])
    rest = amount_after_dash(rest)  # "toast - 2 slices w/ butter"
    rest, omitted = _n_as_and(rest, omitted)  # "mince n cheese pie"
    rest = _CON.sub("con ", rest)  # "arroz c/ habichuelas": Spanish c/ is con, as w/ is with
    rest = _FOOD_FRY.sub(r"\g<food> cooked with oil", rest)  # "cabbage fry": stir-fried
    rest = _stir_fried_first(rest, matcher)  # "mustard greens stir fry": stir-fried mustard greens
    rest = _FRIED_IN_FAT.sub("cooked in ", rest)  # "mushrooms fried in butter": sauteed
    mixed = spirit_and_mixer(rest)
    if mixed is not None:  # "brugal y coca cola": the rum and cola FNDDS names
        rest, omitted = mixed[0], (*omitted, *mixed[1])
    rest = milk_said_after(half_and_half(rest))  # "cappuccino, whole milk": its own milk
    rest = buttered(rest)  # "buttered toast": the toast and its butter
    rest, regional = regional_reading(rest)  # "a portion of chips": french fries
    omitted = (*omitted, *regional)
    rest, times = _times_whole(rest)  # "vegemite toast w butter x2": two of each
    rest = named_on_bread(rest, matcher) or rest  # "BEC on a bagel": the tables' sandwich
    filled = filled_bread(rest, matcher)
    if filled is not None:  # "turkey avocado wrap": the tortilla, turkey and avocado
        parts = _times(_filled_parts(filled, rest, whole), times)
        return Understanding(text, meal, clock, None, tagged(parts, omitted))
    product = app_product(rest)
    if product is not None:  # "Campbell's - Chicken Noodle Soup, condensed, 0.5 cup"
        return Understanding(text, meal, clock, None, tagged((Part(product, ()),), omitted))
    rest = chain_first(matcher, clarified(matcher, size_first(rest) or rest))
    counted = counted_dish(rest) if times == 1 else None
    if counted is not None:  # "2 indian tacos": each plate's foods twice over
        rest, times = counted
    joined, said = joined_names(rest)
    if said:
        read = _parts_of(joined, whole, said, matcher)
        if len(read) > 1:  # "fish and chips": two foods; "mac and cheese" stays the dish
            return Understanding(text, meal, clock, None, tagged(_times(read, times), omitted))
    read = _times(_parts_of(rest, whole, (), matcher), times)
    return Understanding(text, meal, clock, None, tagged(read, omitted))


#: A count of the whole line written after its last food (``toast w butter x2``,
#: ``eggs on toast (x2)``), when the line names more than one food.
_TIMES_WHOLE = re.compile(r"(?:\s+|\s*[(\[])[x\u00d7]\s?(?P<n>[2-9])[)\]]?\s*$", re.IGNORECASE)
_JOINS = re.compile(r"\bw/|\bw\s|\bwith\b|\band\b|\bon\b|[&+,]", re.IGNORECASE)


#: A word written with a capital inside a food's text (``2 slices Fratelli margherita``):
#: a name, when the tables know no such word.
_CAPITALISED = re.compile(r"(?<=\S\s)(?P<name>[A-Z][a-z]{2,})\b")
#: A word with a possessive ``'s``, anywhere (``hal's bbq chips``): a business's name
#: as often as a person's, and a person's has been read before (:func:`strip_prefix`).
_POSSESSIVE = re.compile(r"(?<![\w'\u2019])(?P<name>[A-Za-z][a-z]{2,})['\u2019]s\b")


def names_a_maker(text: str) -> bool:
    """Whether ``text`` writes a word with a capital after another word (``2 slices
    Fratelli margherita``) or a word with a possessive ``'s`` (``hal's bbq chips``):
    a maker's name :func:`understand` may set aside.

    Examples
    --------
    >>> names_a_maker("2 slices Fratelli margherita"), names_a_maker("Banana bread")
    (True, False)
    >>> names_a_maker("hal's bbq chips")
    True
    """
    possessive = _POSSESSIVE.search(text)
    return (
        _CAPITALISED.search(text) is not None
        or (possessive is not None and not _known_name(possessive[0]))
        or _DRINK_STYLE.search(text) is not None  # "lagunitas ipa": a brewery's name
    )


def _known_name(word: str) -> bool:
    """Whether ``word`` (``mcdonald's``) is a brand's or a family word: no maker to set aside."""
    words = normalize_many([word])[0].split()
    return bool(words) and (words[0] in FAMILY or bool(brand_table().find(words)))


#: Measures only beer is poured in: an unknown name drunk so is a beer's.
_BEER_MEASURES = frozenset({"pint", "tallboy"})
#: Words of a plant's kind that a variety's name goes before (``dragon fruit``, ``goji
#: berries``, ``ghost pepper``): an unknown word before one names the variety, no maker.
_VARIETY_HEADS = frozenset(
    {
        "fruit",
        "fruits",
        "berry",
        "berries",
        "melon",
        "pepper",
        "peppers",
        "nut",
        "nuts",
        "bean",
        "beans",
        "leaf",
        "leaves",
        "root",
        "seed",
        "seeds",
        "squash",
        "greens",
    }
)
#: A word of three letters or more, capitalised or not (a brewery's name).
_ANY_WORD = re.compile(r"(?<![\w'\u2019])(?P<name>[A-Za-z][a-z]{2,})\b(?!['\u2019])")
#: Food groups of drinks of alcohol (FNDDS), and the SR28 descriptions of them.
_ALCOHOL_GROUPS = frozenset({"Beer", "Wine", "Liquor and cocktails"})
#: Styles of beer and wine a maker's name goes before (``Lagunitas IPA``, ``Longboard
#: lager``, ``Barefoot pinot grigio``): the words left must name one.
_DRINK_STYLE = re.compile(
    r"\b(?:ipa|lager|ale|stout|pilsner|pils|porter|bitter|hefeweizen|saison|pale ale|"
    r"wheat beer|merlot|cabernet|chardonnay|pinot|sauvignon|riesling|prosecco|malbec|"
    r"zinfandel|shiraz|moscato|rose|ros\u00e9)\b",
    re.IGNORECASE,
)


#: A drink of alcohol named by its maker's words, each written with a capital, then its
#: style (``Great Lakes Christmas Ale``, ``Bell's Two Hearted IPA``).
_NAMED_DRINK = re.compile(
    r"^(?P<name>(?:[A-Z0-9][\w'\u2019&.-]*\s+){1,4})(?P<style>(?i:"
    + _DRINK_STYLE.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    + r"))$"
)


def _alcoholic(matcher: Matcher, position: int) -> bool:
    """Whether the food at ``position`` is a drink of alcohol (beer, wine, spirits)."""
    row = matcher.foods.foods.iloc[position]
    return row["group"] in _ALCOHOL_GROUPS or str(row["description"]).startswith(
        "Alcoholic beverage"
    )


def opens_unknown(matcher: Matcher, text: str) -> bool:
    """Whether the food ``text`` names opens on a word no table knows (``portillos
    italian beef``): perhaps a maker's name :func:`understand` may set aside."""
    found = _opening_word(text)
    if found is None:
        return False
    name = normalize_many([found["name"]])[0]
    read = matcher.reading(name)
    if read.corrections and found["name"][:1].isupper() and found["name"][1:].islower():
        return True  # "Kedem grape juice": a name, though a spelling fix reaches it
    return read.segments == [[(name, "unknown")]]


def _opening_word(text: str) -> re.Match[str] | None:
    """The first word of the food ``text`` names, after its amount (``2 slices``)."""
    food = parse_quantity(text).food.split()
    if not food:
        return None
    return re.search(rf"(?<![\w'\u2019])(?P<name>{re.escape(food[0])})(?![\w'\u2019])", text)


#: ``hot`` before a drink's name (``hot sake``, ``hot cider``): how it was served.
_HOT = re.compile(r"\bhot\s+(?=[a-z])", re.IGNORECASE)


def _without_span(text: str, found: re.Match[str]) -> str:
    """``text`` without the words ``found`` spans, spaces closed up."""
    return " ".join((text[: found.start()] + text[found.end() :]).split())


def said_hot(text: str) -> bool:
    """Whether ``text`` writes ``hot`` before another word (``hot sake 6oz``): perhaps
    a drink served hot, which :func:`understand` reads as the drink.

    Examples
    --------
    >>> said_hot("hot sake 6oz"), said_hot("sake 6oz")
    (True, False)
    """
    return _HOT.search(text) is not None


def _served_hot(matcher: Matcher, part: Part) -> Part:
    """``part`` without ``hot`` before a drink the tables name only without it (``hot
    sake`` is sake served hot; ``hot dog`` and ``hot chocolate`` are foods of their own)."""
    found = _HOT.search(part.text)
    if found is None or matcher.accepted(key_of(parse_quantity(part.text).food)):
        return part
    without = _without_span(part.text, found)
    held = matcher.result(key_of(parse_quantity(without).food))
    if held.position is None or held.method == "fuzzy":
        return part
    if not is_drink(matcher.foods, matcher.foods.foods.index[held.position]):
        return part  # "hot wings", "hot links": the word names the food
    return Part(without, (*part.tags, ("served", "hot: how the drink was served")))


def maker_aside(matcher: Matcher, part: Part) -> Part:
    """``part`` without a maker's name the tables lack (``1 cup Harlow vanilla ice
    cream`` is vanilla ice cream): a capitalised word after the amount or another word,
    a word with a possessive ``'s`` (``hal's bbq chips``), a brewery's name before a
    style of beer, or the word opening the food (``Ahmad Earl Grey``), that no food,
    alias, synonym or brand uses and no spelling fix reaches, when the food without it
    is one the tables name and with it none is sure; else ``part``.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> maker_aside(Matcher(load_foods()), Part("luigis italian beef", ())).text
    'italian beef'
    """
    food = parse_quantity(part.text).food
    if matcher.accepted(key_of(food)):
        return part  # no name keeps the food from being recognised
    named = _NAMED_DRINK.match(food.strip())
    if named is not None:  # "Great Lakes Christmas Ale": a brewery's beer, by its name
        held = matcher.result(key_of(named["style"]))
        if held.position is not None and _alcoholic(matcher, held.position):
            maker = named["name"].strip()
            note = ("brand", f"{maker}: a maker's name before its {named['style'].lower()}")
            return Part(part.text.replace(maker, "", 1).strip(), (*part.tags, note))
    for found, kind in _maker_names(part.text):
        aside = _without_maker(matcher, part, found, kind)
        if aside is not None:
            return aside
    return part


def _maker_names(text: str) -> list[tuple[re.Match[str], str]]:
    """Words of ``text`` that may be a maker's name, each with how it was found."""
    found: list[tuple[re.Match[str], str]] = [(m, "capital") for m in _CAPITALISED.finditer(text)]
    possessive = _POSSESSIVE.search(text)
    if possessive is not None:
        found.append((possessive, "possessive"))
    if not found and _DRINK_STYLE.search(text):
        # a brewery or a winery before its drink (``lagunitas IPA pint``, ``longboard
        # lager``): any unknown word, but only a drink of alcohol may be left
        brewery = _ANY_WORD.search(text)
        if brewery is not None:
            found.append((brewery, "brewery"))
    opening = _opening_word(text)
    if opening is not None and all(opening.start() != m.start() for m, _ in found):
        # a shop's or a maker's name opening the food (``portillos italian beef``,
        # ``jewel rotisserie chicken breast``): two words or more must be left
        found.append((opening, "opening"))
    return found


def _without_maker(matcher: Matcher, part: Part, found: re.Match[str], kind: str) -> Part | None:
    """``part`` without the maker's name ``found``, or None when it may not be one."""
    name = normalize_many([found["name"]])[0]
    read = matcher.reading(name)
    capital = found["name"][:1].isupper() and found["name"][1:].islower()
    if read.synonyms or read.brands:
        return None  # a name the tables hold
    if read.corrections and not capital:
        return None  # a misspelling of a food word, unless written as a name (``Kedem``)
    if not read.corrections and read.segments != [[(name, "unknown")]]:
        return None  # a food word
    without = _without_span(part.text, found)
    food = parse_quantity(without).food
    if not food.strip() and parse_quantity(part.text).unit in _BEER_MEASURES:
        # "2 pints smithwicks", "tallboy of natty": a name drunk by the pint is a beer's
        note = ("brand", f"{found['name']}: a name the tables lack, poured by the pint: a beer")
        return Part(f"{without} beer", (*part.tags, note))
    if not food.strip():
        return None
    alone = len(food.split()) < 2 and not (capital and food.strip().islower())
    if kind == "opening" and (alone or food.split()[0].lower() in _VARIETY_HEADS):
        # "quorn mince", "birch beer", "dragon fruit cup": the word names the food's kind
        return None
    held = matcher.result(key_of(food))
    if held.position is None or held.method == "fuzzy":
        return None
    if kind == "brewery" and not (
        _DRINK_STYLE.search(without) and _alcoholic(matcher, held.position)
    ):
        return None  # "quorn mince", "birch beer": an unknown word names the food's kind
    note = ("brand", f"{found['name']}: a maker's name the tables lack, set aside")
    return Part(without, (*part.tags, note))


def _times_whole(rest: str) -> tuple[str, int]:
    """The line without a count of the whole written at its end, and that count (1 when
    none): ``vegemite toast w butter x2`` is two slices, each with its spread and butter,
    not two blocks of butter."""
    found = _TIMES_WHOLE.search(rest)
    if found is None:
        return rest, 1
    before = rest[: found.start()]
    if not _JOINS.search(before) or re.search(r"\d", before):
        return rest, 1  # "2 eggs, toast x2": the count is the toast's
    return before.rstrip(" ,;"), int(found["n"])


def _times(parts: tuple[Part, ...], times: int) -> tuple[Part, ...]:
    """Each part counted ``times`` over (``2 x 0.5 tbsp butter``)."""
    if times == 1:
        return parts
    return tuple(Part(f"{times} x {p.text}", p.tags) for p in parts)


Tags = tuple[tuple[str, str], ...]


def _without_price(rest: str, omitted: Tags) -> tuple[str, Tags]:
    """The line without what a food cost (``coffee $4.50``: no 4.5 cups), recorded."""
    price = MONEY.search(rest)
    if price is None:
        return rest, omitted
    return " ".join(MONEY.sub(" ", rest).split()), (
        *omitted,
        ("left out", f"price {price[0].strip()}"),
    )


#: A maker named in brackets as a brand (``(Deep brand)``, ``(brand: Kirkland)``).
_BRAND_NOTE = re.compile(
    r"\(\s*(?:brands?\s*[:\-]?\s*[^()]+?|[^()]+?\s+brands?)\s*\)", re.IGNORECASE
)


def _without_brand_note(rest: str, omitted: Tags) -> tuple[str, Tags]:
    """The line without a maker named in brackets as a brand (``2 frozen parathas (Deep
    brand)``: the parathas, whoever made them), recorded."""
    found = _BRAND_NOTE.search(rest)
    if found is None:
        return rest, omitted
    note = ("left out", f"brand {found[0].strip()}")
    return " ".join(_BRAND_NOTE.sub(" ", rest).split()), (*omitted, note)


def _without_menu_number(rest: str, omitted: Tags) -> tuple[str, Tags]:
    """The line without an item's number on a menu (``Jersey Mike's #13``, ``combo #3``:
    no 13 sandwiches), recorded."""
    found = MENU_NUMBER.search(rest)
    if found is None:
        return rest, omitted
    note = ("left out", f"menu number {found[0].strip()}")
    return " ".join(MENU_NUMBER.sub(" ", rest).split()), (*omitted, note)


#: Spanish ``c/`` (con, with) before a word, as ``w/`` is written for with.
_CON = re.compile(r"(?<=\s)c/\s*(?=[a-z])", re.IGNORECASE)
#: A food and ``fry`` in the singular after it, as Indian English names a dry
#: stir-fry (``bendakaya fry``, ``cabbage fry``, ``liver fry``): the food fried, no
#: French fries beside it. Fries in the plural, ``fry bread``, ``Fry's`` and the dishes
#: ``fish fry`` and ``stir fry`` (or a way of frying: deep, pan, air) keep the word.
_FOOD_FRY = re.compile(
    r"\b(?!(?:stir|deep|pan|air|french|fish|small|fries|fry|and|with|n|or|to)\b)"
    r"(?P<food>[a-z]{3,})\s+fry\b(?!['\u2019-]|\s+(?:bread|sauce|pan|oil|mix|batter)\b)",
    re.IGNORECASE,
)


#: Fried in a fat named (``mushrooms fried in butter``): cooked in it, as a pan-fry or
#: a saute, never the battered, deep-fried food that ``fried`` alone may name.
_FRIED_IN_FAT = re.compile(
    r"\b(?:pan[\s-]?)?fried\s+in\s+(?=(?:a\s+(?:little|bit\s+of)\s+|some\s+)?(?:butter|oil|olive\s+oil|"
    r"ghee|lard|margarine|coconut\s+oil|bacon\s+(?:grease|fat)|vegetable\s+oil)\b)",
    re.IGNORECASE,
)
#: A food of a word or three and ``stir fry`` after it (``bok choy stir fry``).
_STIR_FRY_AFTER = re.compile(
    r"\b(?P<food>[a-z][a-z']+(?:\s+[a-z][a-z']+){0,2}?)\s+stir[\s-]*fry\b(?![\s-]*(?:sauce|mix|kit))",
    re.IGNORECASE,
)


def _stir_fried_first(rest: str, matcher: Matcher) -> str:
    """``X stir fry`` read as ``stir fried X`` (``bok choy stir fry``: the greens
    stir-fried, no Asian vegetable mix beside them and no pork), unless the tables name
    ``X stir fry`` as a dish of their own (``chicken stir fry``: moo goo gai pan)."""
    found = _STIR_FRY_AFTER.search(rest)
    if found is None:
        return rest
    aliases = curated_aliases()
    words = normalize_many([found["food"]])[0].split()
    for start in range(len(words)):  # "lunch chicken stir fry": the alias's own words
        if " ".join([*words[start:], "stir", "fry"]) in aliases:
            return rest
    if matcher.result(_food_key(matcher, found["food"])).position is None:
        return rest  # "leftover stir fry": no food before it, the stir fry is the dish
    return f"{rest[: found.start()]}stir fried {found['food']}{rest[found.end() :]}"


def _n_as_and(rest: str, omitted: Tags) -> tuple[str, Tags]:
    """The line with a lone ``n`` between words read as ``and`` (``mince n cheese pie``,
    an alias), recorded; a name that joins two foods (``egg n chips``) reads it itself."""
    if not _LONE_N.search(rest) or joined_names(rest)[1]:
        return rest, omitted
    words = normalize_many([rest])[0].split()
    if any("n" in words[start:end] for start, end, _ in brand_table().find(words)):
        return rest, omitted  # "in n out double double": the chain's own name
    return _LONE_N.sub(" and ", rest), (*omitted, ("synonym", "n \u2192 and"))


def _filled_parts(filled: Filled, rest: str, whole: str) -> tuple[Part, ...]:
    """The bread and the fillings of a filled bread, the fillings weighed as those of one
    sandwich (or one slice of toast) without amounts of their own."""
    what = "filling" if filled.weighed_as == "sandwich" else "topping"
    said = (what, f"{rest.strip()} → {filled.bread} with {' and '.join(filled.fillings)}")
    tag = ("component", f'of "{whole}"')
    inside = companion_amounts(
        (Part(filled.weighed_as, ()), *(Part(f, (tag,)) for f in filled.fillings))
    )
    return (Part(filled.bread, (tag, said)), *inside[1:])


def _only_brand(label: str) -> bool:
    """Whether a label before a separator is a brand's or a chain's name and nothing else."""
    words = normalize_many([label])[0].split()
    named = {i for s, e, _ in brand_table().find(words) for i in range(s, e)}
    return bool(words) and len(named) == len(words)


def _names_whom(matcher: Matcher, label: str) -> bool:
    """Whether a label is whom a line was logged for: family words (``mother``), or one
    name written with a capital that the tables read as no food, as written
    (``Marisol``; ``Cheerios`` and ``Moussa``, a misspelt mousse, are left alone)."""
    words = [w for w in label.split() if w.strip("-\u2013\u2014")]
    meals = {w.lower() for w in entry_words().meals}
    if len(words) > 1 and all(w.lower() in meals for w in words[1:]):
        words = words[:1]  # "Marisol - lunch": whom, then the meal
    if _family_only(" ".join(words)):
        return True
    return (
        len(words) == 1
        and words[0][:1].isupper()
        and words[0].isalpha()
        and not brand_table().find(normalize_many(words)[0].split())
        and not _read_as_food(matcher, words[0].lower(), True)
    )


def _family_only(label: str) -> bool:
    """Whether a label is only family words (``mama``, ``grandma``): whom a line is for."""
    words = normalize_many([label])[0].split()
    return bool(words) and set(words) <= FAMILY


#: A family word written as whose (``mama's``, ``Grandma's``) opening a label.
_WHOSE_OPENING = re.compile(r"^\s*(?P<who>[a-z]+)['\u2019]s\b", re.IGNORECASE)


def _familys(label: str) -> bool:
    """Whether a label opens with a family word as whose (``mama's kitchen``): where the
    food was had, never the brand the family word is also (a Mama noodle soup)."""
    found = _WHOSE_OPENING.match(label)
    return found is not None and normalize_many([found["who"]])[0] in FAMILY


def _names_a_dish(label: str) -> bool:
    """Whether a label ends on a kind of dish (``filled roll``, ``club sandwich``)."""
    words = normalize_many([label])[0].split()
    return bool(words) and words[-1] in matcher_words().dish_kinds


def _lists_foods(matcher: Matcher, text: str) -> bool:
    """Whether ``text`` lists two foods or more, each named on its own (``catfish,
    fries, hushpuppies``): what a meal's name before it was made of."""
    spans = part_spans(text)
    return len(spans) >= 2 and all(
        matcher.result(_food_key(matcher, text[a:b])).position is not None for a, b in spans
    )


def _names_a_food_first(matcher: Matcher, text: str) -> bool:
    """Whether ``text``, or the first food it lists, names a food (``cod n chips``)."""
    if matcher.result(_food_key(matcher, text)).position is not None:
        return True
    spans = part_spans(text)
    if len(spans) < 2:
        return False
    first = text[spans[0][0] : spans[0][1]]
    return matcher.result(_food_key(matcher, first)).position is not None


def _food_amount(text: str, known: Container[str]) -> bool:
    """Whether ``text`` is an amount of a food by weight or volume with a food word
    beside it (``lamb shashlik 6oz``): a food entry, whether or not the tables name it."""
    amount = parse_quantity(text)
    if amount.unit_kind not in ("mass", "volume"):
        return False
    return any(w in known and len(w) > 2 for w in normalize_many([amount.food])[0].split())


#: The most items of a food one line counts as eaten after a note.
_MOST_EATEN = 12


def _counted_food(matcher: Matcher, text: str) -> bool:
    """Whether ``text`` opens with a count of items whose last word alone is a food
    (``2 lactation cookies``): a food entry, though the words before it need reading
    (``3 games``, ``9 clients`` name none)."""
    if not _AMOUNT_FIRST.match(text):
        return False
    amount = parse_quantity(text)
    if amount.unit_kind not in (None, "count") or not amount.food:
        return False
    if not 0 < amount.quantity <= _MOST_EATEN:
        return False  # "unloaded delivery - 40 cases chickpeas": stock, not a meal
    words = normalize_many([amount.food])[0].split()
    if len(words) < 2 or len(words[-1]) < 4:
        return False
    return matcher.result(key_of(words[-1])).position is not None


#: An amount opening what follows a label (``2 cups watermelon``, ``1/2 c rice``).
_AMOUNT_FIRST = re.compile(r"\s*(?:\d|[\u00bc-\u00be\u2150-\u215e])")


def _unwritten_word(matcher: Matcher, label: str) -> bool:
    """Whether ``label`` holds a word of three letters or more that no food's
    description, synonym, alias or brand is written with (``porch``, the ``town`` of
    ``back in town``): a food only if read as a misspelling."""
    words = normalize_many([label])[0].split()
    if len(words) > 1 and (brand_table().find(words) or synonym_table().find(words)):
        return False  # "great lakes christmas": a brand's own words
    return any(
        len(w) >= 3
        and w.isalpha()
        and w not in matcher.index.postings
        and w not in matcher.tables.alias_words
        and not brand_table().find([w])
        and not synonym_table().find([w])
        for w in words
    )


#: A verb in the past tense opening a line (``repainted the garage door``, ``waxed the
#: truck``).
_PAST_OPENING = re.compile(r"^\s*(?P<verb>[A-Za-z]{3,}ed)\b(?!['\u2019-])")


def _done_not_eaten(matcher: Matcher, text: str) -> str | None:
    """Why ``text`` is a note of something done, not eaten: it opens on a verb in the
    past tense that no food, alias, synonym, brand or spelling fix knows (``painted 3
    bedrooms``; ``smothered pork chop`` and ``fryed shrimp`` are food) and no other word
    of it is a food's (``clotted cream`` is a food the tables lack); else None."""
    found = _PAST_OPENING.match(text)
    if found is None:
        return None
    verb = normalize_many([found["verb"]])[0]
    if verb in entry_words().eat_verbs or not _unwritten_word(matcher, verb):
        return None
    read = matcher.reading(verb)
    if read.corrections or read.synonyms or read.brands:
        return None
    if matcher.accepted(_food_key(matcher, text)):
        return None
    stop = matcher_words().stop
    rest = normalize_many([text[found.end() :]])[0].split()
    if any(w in matcher.index.postings and w not in stop and w.isalpha() for w in rest):
        return None  # "clotted cream": a food the tables lack, named with a food word
    return f"not a food entry (activity: {verb!r})"


def _names_no_food(matcher: Matcher, words: str) -> bool:
    """Whether ``words`` name no food: no alias, description or ranked match
    (``lunch truck``, ``pre-game``, ``half time``)."""
    key = _food_key(matcher, words)
    return bool(key) and matcher.result(key).position is None


#: Where a food was bought, said after it (``potato salad from king soopers``, ``sweet
#: tea from Harps deli, 32 oz``, ``OJ from GetGo 12oz``): words after ``from`` or ``at``,
#: with an amount after them kept.
_BOUGHT_AFTER = re.compile(
    r"\s+(?:from|at|@)\s+(?P<shop>[a-z][\w'&.-]*(?:\s+(?!\d)[\w'&.-]+){0,2})"
    r"(?P<tail>\s*,?\s*\d[^,]*)?\s*$",
    re.I,
)
#: A shop's counter or a place's canteen before the food (``king soopers deli fried
#: chicken``, ``hospital cafeteria chicken tenders``): the words before it name the shop.
_SHOP_BEFORE = re.compile(
    r"^(?P<shop>[a-z][\w'&.-]*(?:\s+[\w'&.-]+){0,2}?)\s+"
    r"(?P<counter>deli|cafeteria|canteen|bakery|hot\s+bar|food\s+court|market)\s+(?=[a-z\d])",
    re.I,
)
#: What a food is made from, never a shop (``from frozen``, ``from concentrate``).
_MADE_FROM = frozenset({"frozen", "dried", "raw", "fresh", "canned", "concentrate", "mix"})


#: Words each written with a capital (``Holiday``, ``Kwik Trip``): a name.
_CAPITALISED_NAME = re.compile(r"[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,2}")


def shop_said(text: str) -> bool:
    """Whether ``text`` may name the shop or canteen a food came from (see
    :func:`without_shop`)."""
    found = _BOUGHT_AFTER.search(text)
    return (found is not None and found.start() > 0) or _SHOP_BEFORE.match(text) is not None


def without_shop(matcher: Matcher, text: str) -> str:
    """``text`` without the shop or canteen it was bought at, when the words naming it
    name no food and hold a word the tables lack or a place's word (``deli``, ``store``):
    ``fried chicken thigh`` of ``king soopers deli fried chicken thigh``; ``turkey deli
    meat`` and ``beans from dried`` keep their words. ``from concentrate`` goes too: the
    juice as drunk, made up from concentrate, never the undiluted concentrate."""
    known = matcher.index.postings.keys()
    places = {*entry_words().places, "deli", "bakery", "market", "counter"}

    def a_shop(words: str) -> bool:
        split = normalize_many([words])[0].split()
        if not split or _MADE_FROM.intersection(split):
            return False
        if _CAPITALISED_NAME.fullmatch(words) is not None and not brand_table().find(split):
            return True  # "from Holiday": a name written with capitals, of no product
        return any(w not in known or w in places for w in split) and _names_no_food(matcher, words)

    found = _BOUGHT_AFTER.search(text)
    if (
        found is not None
        and found.start() > 0
        and (found["shop"].lower() == "concentrate" or a_shop(found["shop"]))
    ):
        kept = text[: found.start()].strip()
        if _names_a_food_first(matcher, kept):
            text = kept + (found["tail"] or "")
    found = _SHOP_BEFORE.match(text)
    if found is not None and a_shop(found["shop"]):
        kept = text[found.end() :]
        if _names_a_food_first(matcher, kept):
            text = kept
    return text


#: A label of one to five words and a separator before a food (``lunch truck - 2 hot
#: dogs``, ``on the 6 train - granola bar``, ``snack~ 1 cup pineapple``).
_LABEL = re.compile(
    # a label of a few words, or of a few more after ``after`` or ``before`` (``after
    # working in the garden ->``) or where one was (``on the way to work -``)
    r"^(?P<label>(?:after|before|b4|during|(?:on|in)\s+(?:the|my|a))(?:\s+(?:\d+\.\d+|[\w'-]+)){1,5}"
    # a clock among its words stays whole (``brk 10:30 - 1 kiwi``)
    # (``w/`` may stand among them: ``woke up 2am w/ cramp - 1 banana``)
    # (an ordinal may open it: ``2nd milking 3pm --``)
    r"|(?:\d{1,2}(?:st|nd|rd|th)\s+)?[a-z][\w'-]*(?:\s+(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|[\w'-]+|w/|@)){0,5})"
    # a comma before a verb of eating also closes it (``leg cramp, ate a banana``)
    r"\s*(?:(?<!\d):|:(?!\d)|[-\u2013\u2014]+\s|[-=]>|>>|~\s|,\s*(?:i\s+)?(?:ate|had|drank)\s)\s*"
    r"(?=[^:]*[a-z]{3})",
    re.I,
)

#: A label saying when or where a food was eaten (``after working in the garden``,
#: ``on the 6 train``, ``in the car``).
_WHEN_LABEL = re.compile(r"(?:after|before|b4|during|(?:on|in)\s+(?:the|my|a))\s", re.I)

#: Parts and sides of the body a symptom is placed by (``cramps: L calf``).
_BODY = frozenset(
    re.findall(
        r"\S+",
        """calf calves leg legs neck back shoulder shoulders thigh thighs hamstring hamstrings
        foot feet toe toes hand hands arm arms knee knees hip hips side sides left right l r
        both lower upper muscle muscles quad quads glute glutes ankle ankles wrist wrists
        finger fingers shin shins spine jaw again too also""",
    )
)


def _only_body(text: str) -> bool:
    """Whether ``text`` names only parts or sides of the body (``L calf``, ``left side``)."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in _BODY for w in words)


#: Whose line it is, in brackets before it (``(Renee) glass of white zin``, ``(mom)
#: breakfast: oatmeal``): a name or a family word, no food's.
_WHOSE = re.compile(r"^\s*\((?P<who>[^()\d:;,]{2,30})\)\s*[:=-]?\s*(?=\S)")
#: A bracketed name closing a line (``uncrustables pb&j (yasmine)``).
_WHOSE_LAST = re.compile(r"(?<=\S)\s*\((?P<who>[^()\d:;,]{2,30})\)\s*$")


def _whose_dropped(matcher: Matcher, text: str) -> str:
    """``text`` without the bracketed name of whom it was logged for: a family word, a
    name written with a capital or words that name no food (``(Javi) 2 cups frosted
    flakes``, ``(Ray) lunch - 2 hot dogs``); ``(frozen) peas`` keeps its word."""
    found = _WHOSE.match(text)
    if found is None:
        return _whose_last_dropped(matcher, text)
    who = found["who"].strip()
    words = normalize_many([who])[0].split()
    known = matcher.index.postings.keys()
    if not words or len(words) > 2:
        return text
    if brand_table().find(words) and not set(words) <= FAMILY:
        return text  # "(Mama) dinner: oxtail" is his mother, though Mama is a noodle brand
    vocab = matcher_words()
    describing = vocab.preparation.keys() | vocab.qualifiers | vocab.cosmetic | vocab.processed
    if describing.intersection(words):
        return text  # "(frozen) peas", "(leftover) lasagna": how the food was
    named = who[:1].isupper()  # "(Ray) supper: 2 pork chops": a name, though ray is a fish
    whose = named or all(w in FAMILY or w not in known for w in words)
    return text[found.end() :] if whose or _names_no_food(matcher, who) else text


def _whose_last_dropped(matcher: Matcher, text: str) -> str:
    """``text`` without a bracketed name closing it (``mango lassi 12oz (Zoya)``): one
    or two words, each a family word or a word no food, brand or describing word uses.
    A capital alone is not enough here: ``(Decaf)`` says how the drink was."""
    found = _WHOSE_LAST.search(text)
    if found is None:
        return text
    words = normalize_many([found["who"].strip()])[0].split()
    if not words or len(words) > 2 or set(words) <= _NOT_WHOM:
        return text
    if brand_table().find(words) and not set(words) <= FAMILY:
        return text  # "yogurt (chobani)": the maker
    known = matcher.index.postings.keys()
    vocab = matcher_words()
    describing = vocab.preparation.keys() | vocab.qualifiers | vocab.cosmetic | vocab.processed
    if any(w not in FAMILY and (w in known or w in describing) for w in words):
        return text
    named = found["who"].strip()[:1].isupper()
    if any(_read_as_food(matcher, w, named) and w not in FAMILY for w in words):
        return text  # a word the tables read as a food (an alias)
    return text[: found.start()]


def _read_as_food(matcher: Matcher, word: str, named: bool) -> bool:
    """Whether the tables read ``word`` as a food; a name written with a capital must be
    read so without correcting its spelling (``(Moussa)`` is no misspelt mousse, but
    ``(brest)`` is breast)."""
    found = matcher.result(word)
    return found.position is not None and not (
        named and any(kind == "spelling" for kind, _ in found.assumptions)
    )


#: Words in brackets after a food that say how much or how it was, not for whom.
_NOT_WHOM = frozenset(
    {"each", "total", "approx", "about", "est", "estimated", "leftover", "leftovers"}
)


def _parts_of(
    rest: str, whole: str, said: tuple[tuple[str, str], ...], matcher: Matcher
) -> tuple[Part, ...]:
    """The foods of a line without its prefix (``whole``), read from ``rest``."""
    listed = listed_foods(rest)
    if listed is not None:
        main = _plated_main(matcher, rest, listed)
        rest = listed if main is None else f"{main}, {listed}"
    rest = count_after(amount_served_with(described_after(amount_after(each_amount(rest)))))
    rest = soup_with(matcher, rest) or rest  # "chicken soup w rice": chicken rice soup
    spans = part_spans(rest)
    joined = with_joined(matcher, rest, spans) or turned_joined(matcher, rest, spans)
    if joined is not None:
        rest, spans = joined, part_spans(joined)
    moved = _dish_amount_first(matcher, rest, spans)
    if moved is not None:
        rest, spans = moved, part_spans(moved)
    if len(spans) > 1 and _sure_whole(matcher, rest, spans):
        # an app's "Beans, kidney, cooked", or a dish named in full: one food
        return (Part(_usda_order(matcher, rest, spans), _dish_tag(rest, spans)),)
    flavoured = _flavoured_product(matcher, rest) if len(spans) > 1 else None
    if flavoured is not None:
        # "pringles sour cream & onion": one snack in its flavour, not cream and onions
        return (flavoured,)
    spreads: list[str] = []
    if len(spans) > 1:
        spans = _merge_amounts(matcher, rest, spans, spreads)
        if len(spans) == 1:  # what is left after the parts that restate a food
            rest = rest[spans[0][0] : spans[0][1]].strip()
    in_sandwich = tuple(("left out", f"{s}: in the sandwich as USDA weighs it") for s in spreads)
    if len(spans) <= 1:
        tags = (("component", f'of "{whole}"'),) if listed is not None else ()
        tags += in_sandwich
        topped = _topped(matcher, (Part(rest, tags),), (("component", f'of "{whole}"'),))
        return topped or listed_apart(matcher, (Part(rest, in_sandwich),), whole)
    groups = _best_grouping(matcher, rest, spans)
    containers = entry_words().containers
    if len(groups) > 2:
        first = _nouns(matcher, _food_key(matcher, rest[groups[0][0] : groups[0][1]]))
        if first and first[-1] in containers:
            groups = groups[1:]
    if len(groups) == 1:
        one = rest[groups[0][0] : groups[0][1]].strip()
        return (Part(one, _dish_tag(rest, spans) + in_sandwich),)
    tag = (("component", f'of "{whole}"'), *said, *in_sandwich)
    parts = _chain_shared(matcher, tuple(Part(rest[a:b].strip(" ,;:+&"), tag) for a, b in groups))
    parts = listed_apart(matcher, _topped(matcher, parts, ()) or parts, whole)
    return companion_amounts(
        additions_apart(plate_vegetables(gravy_apart(british_chips(parts, tag))))
    )


#: A food named before a plate or a platter and what it is served with (``cheese
#: enchilada plate w/ rice & beans``): the plate's main, while a bowl's or a box's name
#: before a list says only what holds it (``burrito bowl w/ rice, beans & salsa``).
_PLATED = re.compile(
    r"^(?P<main>[^,:;()]+?)\s+(?:plate|platter)s?\s*(?::|[-\u2013\u2014]|\bw/|\bwith\b)",
    re.IGNORECASE,
)


def _plated_main(matcher: Matcher, text: str, listed: str) -> str | None:
    """The main food named before a plate its sides are listed on (``carne asada plate
    w/ rice & beans``: ``carne asada``), None when the words before it name no food the
    tables know (``big plate w/ rice & beans``) or name the kind of food a listed one is
    (``cheese plate: 1 oz brie, 1 oz cheddar``: the list says which cheese)."""
    found = _PLATED.match(text)
    if found is None:
        return None
    main = found["main"].strip()
    key = _food_key(matcher, main)
    words = entry_words()
    said = set(key.split())
    if said & {*words.meals, *words.times_of_day, *words.places} or said & words.containers:
        return None  # "dinner plate: chicken, rice": the meal's plate, no food of its own
    if said & _KINDS_LISTED:
        return None  # "fruit plate: melon, grapes": the list names which fruit
    found_food = matcher.result(key)
    # a sure match only: "paper plate", "seafood platter w/ shrimp & fish" name no main
    nouns = _nouns(matcher, key)
    if not nouns or found_food.position is None or found_food.score < _SURE_MAIN:
        return None
    for a, b in part_spans(listed):
        if nouns[-1] in matcher.description_words(_food_key(matcher, listed[a:b])):
            return None  # "cheese plate: 1 oz brie": the brie is the plate's cheese
    return main


#: Kinds of food a plate is named for whose list says which (``fruit plate: melon,
#: grapes``, ``meat and cheese platter``): no main of their own.
_KINDS_LISTED = frozenset(
    {
        "fruit",
        "veggie",
        "vegetable",
        "veg",
        "seafood",
        "meat",
        "snack",
        "appetizer",
        "sampler",
        "charcuterie",
        "mezze",
        "combo",
    }
)
#: The least match score of a food named before a plate for it to be the plate's main.
_SURE_MAIN = 95.0


def _chain_shared(matcher: Matcher, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """A restaurant named before the first food names the others it is listed with
    (``popeyes leg & thigh``: Popeyes' thigh, not a raw turkey thigh), when the tables
    hold that restaurant's item and the part names no brand of its own."""
    first = normalize_many([parse_quantity(parts[0].text).food])[0].split()
    found = brand_table().find(first)
    if not found or found[0][0] != 0 or found[0][2].kind != "restaurant":
        return parts
    chain, brand = " ".join(first[: found[0][1]]), found[0][2]
    out = [parts[0]]
    for part in parts[1:]:
        amount = parse_quantity(part.text)
        words = normalize_many([amount.food])[0].split()
        if not words or brand_table().find(words):
            out.append(part)
            continue
        at = part.text.lower().rfind(amount.food.lower().strip()) if amount.food.strip() else -1
        if at < 0:
            out.append(part)
            continue
        named = f"{part.text[:at]}{chain} {part.text[at:]}".strip()
        result = matcher.result(_food_key(matcher, named))
        held = result.position is not None and names_brand(matcher.index, result.position, [brand])
        out.append(Part(named, part.tags) if held else part)
    return tuple(out)


#: What a flavoured product's maker sells (a brand's generic food): after its name, two
#: words joined by "and" are one flavour (``walkers salt & vinegar``).
_FLAVOURED = re.compile(r"\b(?:chips|crisps|noodles|ramen)\b")
#: A flavour of two words joined by "and", the second a single word (``sour cream &
#: onion``, ``chicken and mushroom``), closing the product's name.
_FLAVOUR = re.compile(
    r"(?P<flavour>(?:[a-z]+\s+)?[a-z]+\s*(?:&|\band\b|\bn\b)\s*[a-z]+)"
    r"(?=\s*(?:x\s?\d+|\(?\d+(?:\.\d+)?\s*g\)?)?\s*$)",
    re.IGNORECASE,
)


def _flavoured_product(matcher: Matcher, text: str) -> Part | None:
    """A flavoured snack or instant food named by its brand and flavour (``pot noodle
    chicken & mushroom``, ``pringles sour cream and onion x15``) as one part, its flavour
    read as ``flavored`` (FNDDS's ``Potato chips, restructured, flavored`` names flavored
    Pringles); None for other lines (``doritos and salsa``, ``lays and a coke``)."""
    food = parse_quantity(text).food
    words = normalize_many([food])[0].split()
    found = brand_table().find(words)
    if not found or found[0][0] != 0:
        return None
    brand = found[0][2]
    if brand.kind != "packaged" or not _FLAVOURED.search(brand.generic):
        return None
    named = len(brand.brand.split())
    after = " ".join(food.split()[named:])
    flavour = _FLAVOUR.fullmatch(after.strip()) if after else None
    if flavour is None:
        return None
    held = matcher.result(key_of(food))
    if held.position is not None and held.method != "fuzzy":
        return Part(text, ())  # "walkers salt and vinegar": a name the tables hold
    at = text.rfind(flavour["flavour"])
    if at < 0:
        return None
    read = f"{text[:at]}flavored{text[at + len(flavour['flavour']) :]}"
    return Part(" ".join(read.split()), (("synonym", f"{flavour['flavour']} \u2192 flavored"),))


def _named(matcher: Matcher, key: str) -> bool:
    """Whether a key lands on a food other than a branded product found by a ranked
    search: a topped food whose words a product's name holds (``pb toast`` on the cereal
    PEANUT BUTTER TOAST CRUNCH) is still read as its base and its addition."""
    found = matcher.result(key)
    if found.position is None:
        return False
    return found.method != "fuzzy" or not matcher.index.branded[found.position]


def _topped(
    matcher: Matcher, parts: tuple[Part, ...], tag: tuple[tuple[str, str], ...]
) -> tuple[Part, ...] | None:
    """The parts with each unknown topped food (``avocado toast``) cut in two and the
    additions weighed (:func:`~nutrilog.matching.neighbours.topped_foods`), ``tag``
    added to each part; None when no part is cut."""
    cut = topped_foods(parts, lambda part: _named(matcher, _food_key(matcher, part)))
    if len(cut) == len(parts):
        return None
    return companion_amounts(tuple(Part(p.text, (*tag, *p.tags)) for p in cut))
