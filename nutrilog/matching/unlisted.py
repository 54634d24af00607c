"""Foods written one after another without a comma: ``2 eggs bacon``, ``steak eggs``.

A diary often runs a plate's foods together. When the words name no food of the tables
as a whole (no alias, no description; a ranked search lands only on a dish that adds
food words of its own, such as ``Egg, cheese and bacon on bagel`` for ``eggs bacon``),
but they cut into a few pieces that each name a food the tables know by that name, the
line lists those foods: each piece is a component, the first keeps the amount. A dish
that adds no more than one food of its own (``Pie, rhubarb, two crust`` for ``rhubarb
pie``) is the line's food.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.match import Matcher
>>> matcher = Matcher(load_foods())
>>> unlisted_foods(matcher, "2 eggs bacon")
('2 eggs', 'bacon')
>>> unlisted_foods(matcher, "2 fried eggs") is None
True
"""

from __future__ import annotations

import re

from nutrilog.matching.lookup import stem
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.neighbours import companion_amounts
from nutrilog.matching.parts import CONNECTOR, Part
from nutrilog.matching.synonyms import brand_table
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.quantity import parse_quantity

__all__ = ["DISH_EXTRA", "extra_words", "flavoured_dessert", "listed_apart", "unlisted_foods"]

#: Words of a line cut into pieces (more are a sentence, not a plate).
_MAX_WORDS = 6
#: Pieces a line is cut into at most.
_MAX_PIECES = 3
#: The accompaniments a dish's name lists after its food (``, with lettuce and spread``).
_WITH = re.compile(r",?\s+with\s|,\s*(?:ns|nfs)\b", re.IGNORECASE)
#: Foods a description names as left out (``Bagel, with fruit other than raisins``).
_OTHER_THAN = re.compile(r"\s+(?:other than|except|excluding|excludes)\s+[^,;]*", re.IGNORECASE)
#: Food words a dish may add to the line's and still be its name (``white`` rice).
DISH_EXTRA = 1


def extra_words(matcher: Matcher, key: str) -> int:
    """How many food words the description of ``key``'s food has that the key lacks."""
    vocab = matcher_words()
    skip = (
        vocab.stop
        | vocab.cosmetic
        | vocab.qualifiers
        | vocab.free
        | vocab.processed
        | vocab.category_heads
        | frozenset(vocab.preparation)
    )
    mine = {stem(w) for w in matcher.reading(key).words("core", "qualifier", "unknown")}
    return sum(
        1
        for w in dict.fromkeys(matcher.description_words(key))
        if w not in skip and not w.isdigit() and stem(w) not in mine
    )


def _added_foods(matcher: Matcher, key: str) -> int:
    """How many foods of their own the name of ``key``'s food adds to the key's words
    (``cheese`` and ``bagel`` of "Egg, cheese and bacon on bagel" for ``eggs bacon``)."""
    position = matcher.result(key).position
    name = _WITH.split(str(matcher.known.descriptions[position]), maxsplit=1)[0]
    name = _OTHER_THAN.sub("", name)  # "with fruit other than raisins": no raisins in it
    mine = {stem(w) for w in key.split()}
    named = key_of(name).split()
    if named and named[0] in matcher_words().category_heads:
        named = named[1:]  # "Candies, gumdrops": the category, no food of the dish
    words = dict.fromkeys(w for w in named if w.isalpha() and stem(w) not in mine)
    return sum(_named_alone(matcher, [w]) for w in words)


def _named_alone(matcher: Matcher, words: list[str]) -> bool:
    """Whether ``words`` name a food by an alias or a description (no ranked search)."""
    key = key_of(" ".join(words))
    found = matcher.result(key)
    if found.position is None or found.method == "fuzzy":
        return False
    # a brand the tables know alone (``spam eggs``: Spam, then eggs)
    return bool(matcher.reading(key).words("core")) or (
        found.method == "alias" and _brand_alone(key.split())
    )


def _respelt(matcher: Matcher, words: list[str]) -> bool:
    """Whether ``words`` name a food only once their spelling is corrected: before
    another food such a word is more likely its qualifier (``basque``) than a food of its
    own (``bisque``)."""
    found = matcher.result(key_of(" ".join(words)))
    return any(kind == "spelling" for kind, _ in found.assumptions)


def _brand_alone(words: list[str]) -> bool:
    """Whether ``words`` are a packaged brand's name and nothing more (``spam``); a
    restaurant's name before a food says where it came from (``kfc breast``: KFC's
    breast, not KFC's chicken and a breast)."""
    found = brand_table().find(words)
    return (
        bool(found)
        and found[0][0] == 0
        and found[0][1] == len(words)
        and found[0][2].kind != "restaurant"
    )


def _kind_words() -> frozenset[str]:
    """Words naming a kind of the food before them (``tofu soup``, ``chaga tea``,
    ``protein bar``): the dish kinds, forms and category heads of
    ``datasets/matching_words.csv``, and the cuts of meat (``venison steak``); a piece
    never starts with one."""
    vocab = matcher_words()
    return vocab.dish_kinds | vocab.forms | vocab.category_heads | vocab.cuts


#: Colours, a food's alone only in a glass (``red``, ``white``): inside a line of run
#: together words they describe the food beside them.
_COLOURS = frozenset({"red", "white", "black", "green", "brown", "yellow", "pink", "blue"})


def _pieces(matcher: Matcher, words: list[str]) -> list[list[str]] | None:
    """The fewest pieces (two or more) of ``words`` that each name a food alone, none
    but the first opening with a word that names a kind of the food before it."""
    n = len(words)
    kinds = _kind_words()
    for count in range(2, min(_MAX_PIECES, n) + 1):
        for cuts in _cuts(n, count):
            bounds = [0, *cuts, n]
            pieces = [words[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            if any(key_of(p[0]) in kinds for p in pieces[1:]):
                continue
            if any(len(p) == 1 and p[0].lower() in _COLOURS for p in pieces):
                continue  # "2 red hot dogs": the colour says which franks, no glass of red
            if _respelt(matcher, pieces[0]):
                continue  # "basque chorizo": a word before a food read as another food
            if all(_named_alone(matcher, p) for p in pieces):
                return pieces
    return None


def _cuts(n: int, count: int) -> list[tuple[int, ...]]:
    """Ascending cut points splitting ``n`` words into ``count`` pieces."""
    if count == 1:
        return [()]
    return [
        (first, *(first + c for c in rest))
        for first in range(1, n - count + 2)
        for rest in _cuts(n - first, count - 1)
    ]


#: Frozen desserts sold in flavours, named last (``rum raisin ice cream``): the food
#: words before them say the flavour, no food of their own.
_FLAVOURED_LAST = (
    ("ice", "cream"),
    ("frozen", "yogurt"),
    ("frozen", "custard"),
    ("gelato",),
    ("froyo",),
    ("sorbet",),
    ("sherbet",),
)
#: Flavour words that make such a dessert the chocolate one of USDA's two.
_CHOCOLATE = frozenset({"chocolate", "choc", "fudge", "cocoa", "mocha", "brownie"})


def flavoured_dessert(matcher: Matcher, text: str) -> tuple[str, str] | None:
    """A frozen dessert named last after its flavour (``butter pecan ice cream``),
    read as the dessert (chocolate when the flavour is), with the flavour that was
    set aside; None for other texts and for names the tables hold (``vanilla ice
    cream``, ``cookies and cream ice cream``).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.match import Matcher
    >>> matcher = Matcher(load_foods())
    >>> flavoured_dessert(matcher, "1 scoop rum raisin ice cream")
    ('1 scoop ice cream', 'rum raisin')
    >>> flavoured_dessert(matcher, "pie and ice cream") is None
    True
    """
    food = parse_quantity(text).food.strip()
    words = food.lower().split()
    head = next((h for h in _FLAVOURED_LAST if tuple(words[-len(h) :]) == h), None)
    if head is None or food not in text:
        return None
    before = words[: -len(head)]
    if not 1 <= len(before) <= 4 or CONNECTOR.search(food):
        return None  # "pie and ice cream": a dessert after another food is its own
    found = matcher.result(key_of(food))
    if found.position is not None and found.method != "fuzzy":
        return None  # a name the tables hold
    if not all(_named_alone(matcher, [w]) for w in before if len(w) > 2):
        return None  # "cherry garcia", "hokey pokey": a maker's name, left to the matcher
    chocolate = _CHOCOLATE.intersection(before)
    named = " ".join(("chocolate", *head) if chocolate else head)
    at = text.rindex(food)
    read = f"{text[:at]}{named}{text[at + len(food) :]}"
    return " ".join(read.split()), " ".join(food.split()[: len(before)])


def unlisted_foods(matcher: Matcher, text: str) -> tuple[str, ...] | None:
    """The foods ``text`` runs together (see the module doc), the first with the line's
    amount, or None when its words are one food or no list of foods."""
    food = parse_quantity(text).food.strip()
    words = food.split()
    if not 2 <= len(words) <= _MAX_WORDS or food not in text:
        return None
    key = key_of(food)
    found = matcher.result(key)
    if any(kind == "not in USDA" for kind, _ in found.assumptions):
        return None  # "scotch egg": one food USDA lacks, not scotch and an egg
    if found.position is not None and (
        found.method != "fuzzy" or _added_foods(matcher, key) <= DISH_EXTRA
    ):
        return None  # a dish may add one food of its own (``white`` rice), not two
    pieces = _pieces(matcher, words)
    if pieces is None:
        return None
    at = text.rindex(food)
    if len(pieces) == 2 and _seasons(matcher, pieces[0], pieces[1], text):
        # "4oz shoyu ahi": the weight is the fish's, the soy sauce only seasons it
        last = f"{text[:at]}{' '.join(pieces[1])}{text[at + len(food) :]}"
        return " ".join(pieces[0]), " ".join(last.split())
    first = f"{text[:at]}{' '.join(pieces[0])}{text[at + len(food) :]}"
    return (" ".join(first.split()), *(" ".join(p) for p in pieces[1:]))


#: The most a food is served by, in grams, to be one that seasons another (a sauce, a
#: spice): its usual amount is a spoonful.
_SEASONING_G = 20.0


def _seasons(matcher: Matcher, first: list[str], last: list[str], text: str) -> bool:
    """Whether the first of two foods run together only seasons the second, so that a
    weight or a volume said before them is the second's: the first is served by the
    spoonful, the second is not (``4oz shoyu ahi``; ``2 eggs bacon`` keeps its count)."""
    from nutrilog.portions.defaults import default_table

    if parse_quantity(text).unit_kind not in ("mass", "volume"):
        return False
    usual = []
    for words in (first, last):
        found = matcher.result(key_of(" ".join(words)))
        if found.position is None:
            return False
        usual.append(default_table().get(str(matcher.index.ids[found.position]), (0.0,))[0])
    return 0 < usual[0] <= _SEASONING_G < usual[1]


def listed_apart(matcher: Matcher, parts: tuple[Part, ...], whole: str) -> tuple[Part, ...]:
    """The parts with foods run together (``2 eggs bacon``) cut into one part each
    (:func:`unlisted_foods`), each a component of the line ``whole``, the additions
    among them weighed (:func:`~nutrilog.matching.neighbours.companion_amounts`)."""
    out: list[Part] = []
    for part in parts:
        flavoured = flavoured_dessert(matcher, part.text)
        if flavoured is not None:
            read, flavour = flavoured
            out.append(Part(read, (*part.tags, ("synonym", f"{flavour} is the flavour"))))
            continue
        foods = unlisted_foods(matcher, part.text)
        if foods is None:
            out.append(part)
            continue
        tags = (
            part.tags
            if any(t[0] == "component" for t in part.tags)
            else (("component", f'of "{whole}"'), *part.tags)
        )
        out += [Part(f, tags) for f in foods]
    if out == list(parts):
        return parts
    if len(out) == len(parts):
        return tuple(out)  # a flavour set aside, no food cut apart
    return companion_amounts(tuple(out))
