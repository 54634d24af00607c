"""Whether a line says a food's skin or peel was eaten: ``no skin``, ``skin on``, ``peeled``.

USDA weighs many foods both ways: FNDDS writes "Chicken thigh, baked, ..., skin eaten"
and "skin not eaten", SR28 "thigh, meat and skin" and "thigh, meat only", "Apples, raw,
with skin" and "without skin". A line that says which (``4 oz baked chicken thigh, no
skin``, ``chicken thigh (skin on)``, ``1 apple, peeled``) is that twin. The words are
first written as one word after the food (:func:`skin_words`), so that they are neither
left out as a food not eaten nor cut off as a food of their own; matching then reads
the food without them and takes its twin (:func:`skin_side`, :func:`skin_twins`).

Examples
--------
>>> skin_words("4oz baked chicken thigh, no skin")
'4oz baked chicken thigh skinless'
>>> skin_side("baked chicken thigh skinless")
('baked chicken thigh', False)
"""

from __future__ import annotations

import re

__all__ = ["SKIN_TWINS", "skin_side", "skin_twins", "skin_words"]

#: USDA's words for a food weighed with its skin or peel, and for its twin without.
SKIN_TWINS: tuple[tuple[str, str], ...] = (
    ("skin / coating eaten", "skin / coating not eaten"),
    ("skin eaten", "skin not eaten"),
    ("peel eaten", "peel not eaten"),
    ("meat and skin", "meat only"),
    ("flesh and skin", "flesh"),
    ("cooked in skin", "cooked without skin"),
    ("with skin", "without skin"),
)

_SKIN = r"(?:skins?|peel|peels)"
#: How a line says the skin or peel was not eaten, after the food.
_OFF_WRITTEN = re.compile(
    r"\s*(?:[,;]|\s-)?\s*\(?\s*(?:"
    rf"(?:no|without|w/o|minus|hold\s+the)\s+(?:the\s+)?{_SKIN}"
    rf"|{_SKIN}\s+(?:removed|off|taken\s+off|not\s+eaten)"
    r")\s*\)?(?=\s*(?:[,;)]|$|\s))",
    re.IGNORECASE,
)
#: How a line says the skin was eaten, in brackets or after a comma (``(skin on)``).
_ON_WRITTEN = re.compile(
    rf"\s*[,;]?\s*\(\s*(?:with\s+|w/\s*)?{_SKIN}(?:[\s-]+on)?\s*\)"
    rf"|\s*[,;]\s*{_SKIN}[\s-]+on\b",
    re.IGNORECASE,
)
#: The same, in a matching key (lower case, no punctuation).
_OFF = re.compile(
    rf"\b(?:skinless|skinned|peeled|(?:no|without|w o|minus)\s+(?:the\s+)?{_SKIN}"
    rf"|{_SKIN}\s+(?:removed|off|taken off|not eaten))\b"
)
_ON = re.compile(rf"\b(?:(?:with|w)\s+(?:the\s+)?{_SKIN}|{_SKIN}\s+on|unpeeled)\b")


def skin_words(text: str) -> str:
    """``text`` with what it says of the skin written as one word after the food:
    ``skinless`` for skin not eaten, ``skin-on`` for skin eaten.

    Parameters
    ----------
    text : str
        A diary line, its meal prefix taken off.

    Returns
    -------
    str
        The line; unchanged when it says nothing of a skin or peel.

    Examples
    --------
    >>> skin_words("chicken thigh (skin on), roasted - 1")
    'chicken thigh skin-on, roasted - 1'
    >>> skin_words("1 chicken leg, skin removed")
    '1 chicken leg skinless'
    """
    text = _OFF_WRITTEN.sub(" skinless", text)
    return " ".join(_ON_WRITTEN.sub(" skin-on", text).split())


def skin_side(key: str) -> tuple[str, bool] | None:
    """The key without its skin words and whether they say the skin was eaten; None when
    the key says nothing of it, or names nothing beside it.

    Examples
    --------
    >>> skin_side("roast chicken leg skin on")
    ('roast chicken leg', True)
    >>> skin_side("chicken skin") is None
    True
    """
    for pattern, eaten in ((_OFF, False), (_ON, True)):
        found = pattern.search(key)
        if found is not None:
            bare = " ".join(f"{key[: found.start()]} {key[found.end() :]}".split())
            return (bare, eaten) if bare else None
    return None


def skin_twins(description: str, eaten: bool) -> list[str]:
    """The descriptions the food's twin weighed the other way round may have, when
    ``eaten`` asks for it (the caller keeps the first USDA has: a description already
    weighed that way gives none that USDA has); empty when it has no such twin words.

    Examples
    --------
    >>> skin_twins("Chicken thigh, baked, broiled, or roasted, skin eaten, from raw", False)
    ['Chicken thigh, baked, broiled, or roasted, skin not eaten, from raw']
    >>> skin_twins("Chicken, broilers or fryers, thigh, meat only, cooked, roasted", True)
    ['Chicken, broilers or fryers, thigh, meat and skin, cooked, roasted']
    """
    found = []
    for on, off in SKIN_TWINS:
        have, want = (off, on) if eaten else (on, off)
        if re.search(rf"\b{re.escape(have)}\b", description):
            found.append(re.sub(rf"\b{re.escape(have)}\b", want, description, count=1))
    return found
