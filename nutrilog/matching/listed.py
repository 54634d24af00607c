"""The foods a line lists under a name: a container's, a dish's or a meal's.

``burrito bowl: rice, black beans, chicken`` and ``smoothie w/ banana, spinach and
milk`` list what a container holds (a bowl, a plate, a smoothie:
``datasets/entry_words.csv``); ``sunday roast - roast beef, 2 roast potatoes, peas``
and ``ants on a log (2 celery sticks, pb, raisins)`` name a meal or a dish and list
what it was made of. The list is what was eaten: the name is no food of its own (a
burrito bowl has no tortilla).

Examples
--------
>>> listed_foods("burrito bowl: rice, black beans, chicken")
'rice, black beans, chicken'
>>> listed_foods("steak & eggs - 8oz sirloin, 2 fried eggs")
'8oz sirloin, 2 fried eggs'
>>> listed_foods("bowl of cereal with milk") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from nutrilog.matching.diary_words import entry_words
from nutrilog.matching.parts import has_amount, part_spans
from nutrilog.matching.synonyms import brand_table
from nutrilog.matching.words import normalize_many
from nutrilog.quantity import parse_quantity

__all__ = ["app_product", "listed_foods"]

#: A name of a few words, then a dash or a colon and a list (``sunday roast - ...``), or
#: the list in brackets after it (``ants on a log (2 celery sticks, pb, raisins)``).
_NAMED_LIST = re.compile(
    r"^(?P<name>[a-z][^\d,:;()]{2,40}?)\s*(?:(?::|\s[-\u2013\u2014])\s*(?P<rest>\S.*)"
    r"|\((?P<inside>[^()]+)\))\s*$",
    re.IGNORECASE,
)


#: A name that says a dish is made of what follows it (``salad``, ``bowl``, ``stir fry``).
_DISH_NAME = re.compile(
    r"\b(?:salad|bowl|plate|platter|stir[\s-]?fry|omelet(?:te)?|scramble|smoothie|soup|stew"
    r"|curry|pasta|salad\s+bowl)\s*$",
    re.IGNORECASE,
)


def listed_foods(text: str) -> str | None:
    """The foods ``text`` lists under a container's, a dish's or a meal's name (see the
    module doc), or None when it lists none. A list under any name counts when it has
    two parts or more, each naming a food, one of them with its amount (``pasta - 1 cup,
    2 tbsp sauce`` is pasta's amount, then sauce)."""
    found = _container_list().match(text)
    if found is not None and len(part_spans(found["rest"])) >= 2:
        return found["rest"]
    named = _NAMED_LIST.match(text)
    if named is None or app_product(text) is not None:
        return None  # "Denny's - Chicken Strips, 1 order": an app's brand and its food
    rest = named["rest"] or named["inside"]
    parts = [rest[a:b].strip(" ,;:+&") for a, b in part_spans(rest)]
    # at a restaurant the foods need no amount to be a list ("chipotle - chicken, rice")
    served = _brand_only(named["name"], "restaurant")
    # a dish named, then what went in it ("chickpea salad - chickpeas, cucumber, feta")
    made_of = _DISH_NAME.search(named["name"]) is not None and len(parts) >= 3
    if len(parts) < 2 or not (served or made_of or any(has_amount(p) for p in parts)):
        return None
    if not all(parse_quantity(p).food.strip() for p in parts):
        return None
    return rest


def app_product(text: str) -> str | None:
    """One branded product as a food app writes it, ``Brand - Name, qualifier, amount``
    (``Campbell's - Chicken Noodle Soup, condensed, 0.5 cup``), as one food text
    without its commas; None for any other line. The commas after the name add
    qualifiers (USDA's own style), not foods, when the last part is only an amount (a
    measure, or the product's own noun: ``1 order``, ``0.5 cup``, ``1 burrito``).

    Examples
    --------
    >>> app_product("Cracker Barrel - Coleslaw, 1 side")
    'Cracker Barrel Coleslaw 1 side'
    >>> app_product("chipotle - chicken, rice, beans") is None
    True
    """
    named = _NAMED_LIST.match(text)
    if named is None or not named["rest"] or not _brand_only(named["name"]):
        return None
    parts = [p.strip() for p in named["rest"].split(",") if p.strip()]
    if len(parts) < 2 or not has_amount(parts[-1]) or any(has_amount(p) for p in parts[:-1]):
        return None
    from nutrilog.matching.reading import count_words

    said = set(normalize_many([" ".join(parts[:-1])])[0].split())
    plain = entry_words().measures | count_words() | said
    left = normalize_many([parse_quantity(parts[-1]).food])[0].split()
    if not all(w in plain for w in left):
        return None
    return " ".join([named["name"].strip(), *parts])


def _brand_only(name: str, kind: str | None = None) -> bool:
    """Whether a name before a dash is a brand alone (``Cracker Barrel``), of ``kind``
    (``restaurant``) when given."""
    words = normalize_many([name])[0].split()
    return any(
        end - start == len(words) and kind in (None, brand.kind)
        for start, end, brand in brand_table().find(words)
    )


@lru_cache(maxsize=1)
def _container_list() -> re.Pattern[str]:
    words = sorted(entry_words().containers, key=len, reverse=True)
    boxes = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"^[^,:;()]{{0,40}}?\b(?:{boxes})\s*(?::|[-\u2013\u2014]|\bw/|\bwith\b)\s*(?P<rest>\S.*)$",
        re.IGNORECASE,
    )
