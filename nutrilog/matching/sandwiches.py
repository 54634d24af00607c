"""Sandwiches, wraps and rolls named by their fillings (``turkey avocado wrap``, ``pb &
banana sandwich``, ``ham & provolone on a hard roll``).

USDA has a dish for common sandwiches (``ham and cheese sandwich``, ``pb&j``), and a
line that lands on one by its whole name keeps it. A line of two fillings or more that
does not is its bread and each filling (toast with one topping too, ``vegemite toast``): the bread a ``sandwich`` or ``toastie`` is made
with is two slices (of the bread named after ``on``, if any), a ``wrap`` is a large
flour tortilla, a ``sub``, ``hero`` or ``hoagie`` is a hoagie roll, and ``on a roll``
or ``on a kaiser`` is that roll, and ``toast`` is a slice of toast (or as many as the
line counts, each topped). The fillings are weighed as fillings of one sandwich
(``datasets/companion_amounts.csv``: two ounces of deli meat, a slice of cheese, two
slices of tomato), not as a default portion of each.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.match import Matcher
>>> matcher = Matcher(load_foods())
>>> filled_bread("pb & banana sandwich", matcher)
Filled(bread='2 slices bread', weighed_as='sandwich', fillings=('pb', 'banana'))
>>> filled_bread("ham & provolone on a hard roll", matcher).fillings
('ham', 'provolone')
>>> filled_bread("ham and cheese sandwich", matcher) is None  # USDA's own dish
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

from nutrilog.matching.match import Matcher, key_of
from nutrilog.quantity import parse_quantity

__all__ = ["Filled", "filled_bread", "named_on_bread"]


class Filled(NamedTuple):
    """A filled bread read apart: its bread (with the amount), the food its fillings are
    weighed beside (``sandwich``, or ``toast`` for toast topped per slice) and the
    fillings."""

    bread: str
    weighed_as: str
    fillings: tuple[str, ...]


#: What a filled food named by its kind is made with.
_MADE_WITH = {
    "sandwich": "2 slices bread",
    "sandwiches": "2 slices bread",
    "sandwhich": "2 slices bread",
    "sarnie": "2 slices bread",
    "sammie": "2 slices bread",
    "sammy": "2 slices bread",
    "sando": "2 slices bread",
    "toastie": "2 slices toast",
    "wrap": "1 large flour tortilla",
    "sub": "1 hoagie roll",
    "hero": "1 hoagie roll",
    "hoagie": "1 hoagie roll",
    "toast": "1 slice toast",
}
_KIND = re.compile(rf"\s+(?P<kind>{'|'.join(_MADE_WITH)})\s*$", re.IGNORECASE)
#: A filled bread named first, its fillings listed after a separator (``filled roll -
#: ham, cheese``, ``sandwich: turkey, swiss``).
_KIND_FIRST = re.compile(
    r"^(?:filled\s+)?(?P<kind>sandwich|sarnie|wrap|sub|hero|hoagie|toastie|roll|bun|bap|bagel)"
    r"\s*(?::|-+)\s+(?P<inside>\D+)$",
    re.IGNORECASE,
)
#: Names of a sandwich of two slices: before ``on`` a bread, the dish the bread makes.
_SANDWICH_WORDS = frozenset({"sandwich", "sandwiches", "sarnie", "butty"})
#: The bread said after ``on`` (``on a kaiser``, ``on rye``) and what it is.
_ON = re.compile(
    r"\s+on\s+(?:an?\s+)?(?P<bread>hero\s+roll|hero|sub\s+roll|hoagie(?:\s+roll)?|hard\s+roll|"
    r"kaiser(?:\s+roll)?|bulkie(?:\s+roll)?|roll|bun|bap|italian\s+bread|french\s+bread|"
    r"whole\s+wheat|wholemeal|rye|wheat|white|sourdough|multigrain|brown)\s*$",
    re.IGNORECASE,
)
_ROLLS = {
    "hero": "1 hoagie roll",
    "hero roll": "1 hoagie roll",
    "sub roll": "1 hoagie roll",
    "hoagie": "1 hoagie roll",
    "hoagie roll": "1 hoagie roll",
    "hard roll": "1 hard roll",
    "kaiser": "1 kaiser roll",
    "kaiser roll": "1 kaiser roll",
    "bulkie": "1 kaiser roll",
    "bulkie roll": "1 kaiser roll",
    "roll": "1 hard roll",
    "bun": "1 hamburger bun",
    "bap": "1 hamburger bun",
}
#: Words of a USDA description that name a filled bread or toast of its own.
_BREADS = re.compile(
    r"sandwich|wrap|toast|bread|roll|bun|sub\b|submarine|hoagie|bagel|burrito|taco|pita|biscuit|"
    r"muffin|croissant|panini|burger|dog\b|gyro",
    re.IGNORECASE,
)
#: Kinds of bread said before a filled bread's name (``rye``, ``sourdough``).
_BREAD_KIND = re.compile(
    r"(?:whole\s*)?wheat|wholemeal|wholegrain|white|brown|rye|sourdough|multi[\s-]?grain|"
    r"raisin|cinnamon|french|texas|garlic|italian|gluten[\s-]free|seeded|granary|fruit",
    re.IGNORECASE,
)
#: Where the fillings of a sandwich are cut apart (``ham, cheese n tomato``).
_BETWEEN = re.compile(r"\s*(?:,|&|\+|\band\b|\bn\b|\bw/|\bwith\b)\s*", re.IGNORECASE)
#: What is added after a filled bread's name (``vegemite toast w butter``, ``turkey &
#: swiss on wheat w/ mayo``): more fillings, when the bread is filled already.
_ADDED = re.compile(r"\s+(?:w/\s*|w\s+|with\s+)(?P<added>[^\d]+?)\s*$", re.IGNORECASE)
#: The methods by which a filling's words name one food outright.
_NAMED = frozenset({"alias", "exact"})
#: The most fillings one sandwich is read as having.
_MOST = 5


def _named(matcher: Matcher, words: list[str]) -> bool:
    found = matcher.result(key_of(" ".join(words)))
    return found.position is not None and found.method in _NAMED


def _fillings(matcher: Matcher, text: str) -> list[str] | None:
    """The fillings ``text`` names, each a food of its own, or None when a word names
    none (``turkey avocado`` -> turkey, avocado; ``peanut butter`` stays one)."""
    out: list[str] = []
    for chunk in filter(None, (c.strip() for c in _BETWEEN.split(text))):
        words = chunk.split()
        start = 0
        while start < len(words):
            end = next(
                (e for e in range(len(words), start, -1) if _named(matcher, words[start:e])),
                None,
            )
            if end is None:
                return None
            out.append(" ".join(words[start:end]))
            start = end
    return out if 0 < len(out) <= _MOST else None


#: A topping spread on an open slice, not filled between two (``avo on sourdough``).
_OPEN_TOPPING = re.compile(r"^(?:smashed |mashed |sliced )?(?:avocado|avo)s?$", re.IGNORECASE)


def filled_bread(text: str, matcher: Matcher) -> Filled | None:
    """The bread and the fillings of a sandwich, wrap, roll or toast named by two
    fillings or more that USDA has no dish for (see the module doc), else None."""
    parsed = parse_quantity(text)
    food = parsed.food.strip()
    added = _ADDED.search(food)  # "vegemite toast w butter": butter on each slice too
    if added is not None:
        food = food[: added.start()]
    kind, on = _KIND.search(food), _ON.search(food)
    toast = kind is not None and kind["kind"].lower() == "toast"
    slices = (
        parsed.unit in (None, "slice") and 1 <= parsed.quantity <= 4 and parsed.quantity % 1 == 0
    )
    if not (parsed.unit is None and parsed.quantity == 1 or toast and slices):
        return None  # "2 turkey sandwiches": counted dishes stay as they are
    if toast and parsed.quantity > 1 and parsed.unit is None and re.match(r"\s*\d", text):
        return None  # "2 eggs bacon and toast": the count is the eggs
    first = _KIND_FIRST.match(food)
    if first is not None and not toast:  # "filled roll - ham, cheese, lettuce, tomato"
        named = first["kind"].lower()
        bread, inside = _MADE_WITH.get(named) or _ROLLS.get(named, "1 bagel"), first["inside"]
    elif kind is not None:
        bread, inside = _MADE_WITH[kind["kind"].lower()], food[: kind.start()]
        if toast and parsed.quantity > 1:  # "pb banana toast x2": two slices topped
            bread = f"{parsed.quantity:g} slices toast"
        said = _ON.search(inside)  # "turkey & swiss sandwich on rye"
        if said is not None and "slices" in bread:
            bread = f"2 slices {said['bread'].lower()} bread"
            inside = inside[: said.start()]
    elif on is not None:
        named = " ".join(on["bread"].lower().split())
        sliced = named if named.endswith("bread") else f"{named} bread"
        bread = _ROLLS.get(named, f"2 slices {sliced}")
        inside = food[: on.start()]
        kind_said = _KIND.search(inside)  # "ham sandwich on rye w/ mustard": ham
        if kind_said is not None and kind_said["kind"].lower() in _SANDWICH_WORDS:
            inside = inside[: kind_said.start()]
    else:
        return None
    key = key_of(food)
    if matcher.result(key).method in _NAMED and _BREADS.search(matcher.description(key)):
        return None  # USDA's own sandwich or toast, or an alias for one
    if re.search(r"\d", inside):
        return None  # "2 eggs, 1 slice rye toast": a list of foods with amounts
    fillings = _fillings(matcher, inside)
    if fillings is not None and any(_BREAD_KIND.fullmatch(f) for f in fillings):
        return None  # "rye toast", "wheat pb toast": the bread's kind, no filling
    # one filling of a sandwich is the dish ("turkey sandwich"); one on a bread named
    # with an addition is not ("veggie burger on a bun w/ cheddar")
    alone = toast or (added is not None and kind is None and on is not None)
    # avocado on a bread is avocado toast, one open slice ("smashed avo on sourdough")
    open_slice = (
        on is not None
        and kind is None
        and bool(fillings)
        and _OPEN_TOPPING.search(fillings[0] if fillings else "")
    )
    if open_slice and not _ROLLS.get(" ".join(on["bread"].lower().split())):
        named = " ".join(on["bread"].lower().split())
        bread, toast, alone = f"1 slice {named.removesuffix(' bread')} toast", True, True
    if fillings is None or len(fillings) < (1 if alone else 2):
        return None
    if added is not None:
        more = _fillings(matcher, added["added"])
        if more is None or len(fillings) + len(more) > _MOST:
            return None
        fillings += more
    return Filled(bread, bread if toast else "sandwich", tuple(fillings))


#: A filling said to be on a bread that names a sandwich with it (``bacon egg and cheese
#: on a bagel``, ``BEC on a plain roll``).
_ON_NAMED_BREAD = re.compile(
    r"^(?P<inside>.+?)\s+on\s+(?:an?\s+|the\s+)?"
    r"(?:(?:plain|toasted|everything|sesame|poppy(?:\s+seed)?|onion|whole\s+wheat|wheat"
    r"|hard|salt|seeded)\s+)?"
    r"(?P<bread>bagel|roll|bun|biscuit|croissant|english\s+muffin|muffin|kaiser(?:\s+roll)?"
    r"|hero|sub|hoagie|ciabatta|brioche)\s*$",
    re.IGNORECASE,
)


def named_on_bread(text: str, matcher: Matcher) -> str | None:
    """``text`` as the sandwich the tables name when a filling is said to be on a bread
    and the filling and the bread together are a name of the alias table or a USDA
    description (``bacon egg and cheese on a bagel`` is FNDDS's egg, cheese and bacon on
    bagel, as ``bacon egg and cheese bagel``); None otherwise.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> named_on_bread("2 bacon egg and cheese on a bagel", Matcher(load_foods()))
    '2 bacon egg and cheese bagel'
    """
    found = _ON_NAMED_BREAD.match(text.strip())
    if found is None:
        return None
    bread = " ".join(found["bread"].lower().split())
    # a roll of a breakfast sandwich is the bun USDA names (FNDDS's egg, cheese, and
    # sausage on bun)
    for named in (bread, *(("bun",) if bread in _BUN_ROLLS else ())):
        joined = f"{found['inside']} {named}"
        if matcher.result(key_of(parse_quantity(joined).food)).method in _NAMED:
            return joined
    return None


#: Rolls said of a sandwich that USDA names a bun.
_BUN_ROLLS = frozenset({"roll", "kaiser", "kaiser roll"})
