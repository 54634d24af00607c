"""Containers written around an amount, rewritten as the amount they mean.

A diary names the container an amount comes in: the size of one container (``one 5.3oz
cup``, ``a 12 oz can``: the size is the amount, ``one`` and ``a`` no food words), a whole
container (``minestrone, whole can``: one can; ``2 whole cans``: two), or a unit alone
after a dash at the end (``Panera mac & cheese - cup``: one cup). :func:`container_amounts`
writes each as the plain amount the line reader knows.

Examples
--------
>>> container_amounts("chobani one 5.3oz cup")
'chobani 5.3oz cup'
>>> container_amounts("minestrone, whole can")
'minestrone, 1 can'
"""

from __future__ import annotations

import re

from nutrilog.units import unit_aliases

__all__ = ["container_amounts"]

# "one" or "a" before the size of one container (``one 5.3oz cup``, ``a 12 oz can``): the
# size is the amount, and the word is no food word.
_ONE_SIZED = re.compile(
    r"(?<![\w.])(?:one|a|an)\s+(?=\d+(?:\.\d+)?\s*-?\s*(?:fl\.?\s*oz|oz|ounces?|g|grams?|ml|l|lbs?)\b)",
    re.I,
)
_SIZE = r"\d+(?:\.\d+)?\s*-?\s*(?:fl\.?\s*oz|oz|ounces?|g|grams?|ml|l|lbs?)\b"
_CONTAINER = (
    r"\s*(?:(?:can|tin|bag|packet|pack|bottle|jar|carton|container|pouch|pot|tub|box|cup|mug)s?"
    r"|glass(?:es)?)\b"
)
# Half of, or a count of, containers of a size (``half a 400g tin``, ``2 400g tins``): that
# share or count of the size (``0.5 x 400g tin``, ``2 x 400g tins``).
_HALF_SIZED = re.compile(
    rf"(?<![\w.])(?:half\s+(?:of\s+)?(?:a|an)|a\s+half|1/2\s+(?:of\s+)?(?:a|an))\s+(?={_SIZE}{_CONTAINER})",
    re.I,
)
_COUNT_SIZED = re.compile(rf"(?<![\w./])(?P<n>\d{{1,2}})\s+(?={_SIZE}{_CONTAINER})", re.I)
# A unit alone after a dash at the end (``Panera mac & cheese - cup``, ``chili - bowl``):
# one of it.
_DASH_UNIT = re.compile(r"\s+[-\u2013\u2014]+\s*(?P<unit>[a-z]+)\s*$", re.I)


def _is_unit_word(word: str) -> bool:
    """Whether ``word`` is a unit of ``datasets/units.csv`` other than a size word."""
    info = unit_aliases().get(word.lower())
    return info is not None and info.kind != "size"


# "whole" before a container (``minestrone, whole can``: one container; ``2 whole cans``).
_WHOLE_CONTAINER = re.compile(
    r"(?:(?<=^)|(?<=[\s,(]))(?P<counted>(?<=\d\s))?(?:the\s+|a\s+)?whole\s+"
    r"(?=(?:can|tin|bag|packet|pack|bottle|jar|carton|container|sleeve|pouch)s?\b)",
    re.I,
)


def container_amounts(text: str) -> str:
    """``text`` with a container's size, a whole container or a unit after a dash written
    as a plain amount (see the module doc).

    Examples
    --------
    >>> container_amounts("panera mac & cheese - cup")
    'panera mac & cheese 1 cup'
    >>> container_amounts("2 whole cans soup")
    '2 cans soup'
    """
    text = _HALF_SIZED.sub("0.5 x ", text)
    text = _COUNT_SIZED.sub(lambda m: f"{m['n']} x ", text)
    text = _ONE_SIZED.sub("", text)
    dashed = _DASH_UNIT.search(text)
    if dashed is not None and _is_unit_word(dashed["unit"]):
        text = f"{text[: dashed.start()]} 1 {dashed['unit']}"
    return _WHOLE_CONTAINER.sub(lambda m: "" if m["counted"] is not None else "1 ", text)
