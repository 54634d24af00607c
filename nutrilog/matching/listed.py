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
from nutrilog.quantity import parse_quantity

__all__ = ["listed_foods"]

#: A name of a few words, then a dash or a colon and a list (``sunday roast - ...``), or
#: the list in brackets after it (``ants on a log (2 celery sticks, pb, raisins)``).
_NAMED_LIST = re.compile(
    r"^(?P<name>[a-z][^\d,:;()]{2,40}?)\s*(?:(?::|\s[-\u2013\u2014])\s*(?P<rest>\S.*)"
    r"|\((?P<inside>[^()]+)\))\s*$",
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
    if named is None:
        return None
    rest = named["rest"] or named["inside"]
    parts = [rest[a:b].strip(" ,;:+&") for a, b in part_spans(rest)]
    if len(parts) < 2 or not any(has_amount(p) for p in parts):
        return None
    if not all(parse_quantity(p).food.strip() for p in parts):
        return None
    return rest


@lru_cache(maxsize=1)
def _container_list() -> re.Pattern[str]:
    words = sorted(entry_words().containers, key=len, reverse=True)
    boxes = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"^[^,:;()]{{0,40}}?\b(?:{boxes})\s*(?::|[-\u2013\u2014]|\bw/|\bwith\b)\s*(?P<rest>\S.*)$",
        re.IGNORECASE,
    )
