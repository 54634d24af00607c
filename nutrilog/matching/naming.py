"""Whether a text names the food it lands on: the checks on weak and branded matches.

A fuzzy match found on a shared word may land on another food (``poke bowl`` ->
"Pokeberry shoots"): :func:`names_another_food` says so when the food's own name (its
description up to the first comma, less category words) has a word the text lacks.
A branded food found on everyday words (``butter toast`` -> "GENERAL MILLS, PEANUT
BUTTER TOAST CRUNCH") is another food than the one written: :func:`says_its_brand`.
:func:`names_brand` tells a food that names the brand written (POPEYES chicken), and
:func:`of_kind` one of the kind of food a brand is (an Ensure is a nutritional shake).
The ranking steps (:mod:`~nutrilog.matching.steps`) and the acceptance rule
(:mod:`~nutrilog.matching.confidence`) use them.

Examples
--------
>>> in_capitals("KEEBLER"), in_capitals("Keebler")
(True, False)
"""

from __future__ import annotations

import re

import numpy as np

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import capital_words, foods_holding, isin_sorted, plain_words
from nutrilog.matching.reading import Reading
from nutrilog.matching.synonyms import Brand
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many

__all__ = ["in_capitals", "names_another_food", "names_brand", "of_kind", "says_its_brand"]

#: Where a description's name ends: its first comma, semicolon or parenthesis.
_NAME_END = re.compile(r"[,;(]")
#: Words after which a description no longer names the food but a side or a method.
_NAME_STOPS = frozenset({"with", "without", "on", "in", "from", "made", "prepared", "for"})


def names_another_food(index: FoodIndex, reading: Reading, position: int) -> bool:
    """Whether the name of a food (its description up to the first comma, less category
    words such as ``Beverages`` or ``Cheese``) has a word the text lacks: a weak match on
    a shared word (``poke bowl`` -> ``Pokeberry shoots``, ``pint of bitter`` -> ``Bitter
    melon``) lands on another food."""
    vocab = matcher_words()
    said = set(reading.words()) | {w for seg in reading.written for w in seg}
    if reading.brands and index.branded[position]:
        return False  # a brand written and found in capitals: the brand's own item
    segments = _NAME_END.split(str(index.descriptions[position]))
    for at, segment in enumerate(segments):
        # brand words in capitals (``KEEBLER``, ``McDONALD'S``) are no food's name
        name = " ".join(w for w in segment.split() if not in_capitals(w))
        words = normalize_many([name])[0].split()
        if not words:
            continue  # a brand alone names the food in the next segment
        # the name ends where a side or a method starts (``sub on white bread``)
        ends = [n for n, w in enumerate(words) if w in _NAME_STOPS and n > 0]
        words = words[: ends[0]] if ends else words
        # either of two alternatives will do (``Macaroni or pasta salad``)
        for n in range(1, len(words) - 1):
            if words[n] == "or" and (words[n - 1] in said or words[n + 1] in said):
                said |= {words[n - 1], words[n + 1]}
        missing = [
            w
            for w in words
            if w not in said
            and w not in vocab.category_heads
            and w not in vocab.cosmetic
            and w not in vocab.stop
            and not w.isdigit()
        ]
        if missing and len(words) == 1 and at + 1 < len(segments):
            # a one-word kind before the food (``Coffee, Iced Latte``, ``Apples, raw,
            # red delicious``): the text's head word in the next segment names it
            later = normalize_many([" ".join(segments[at + 1 :])])[0].split()
            return reading.head not in later
        return bool(missing)
    return False


def says_its_brand(index: FoodIndex, reading: Reading, position: int) -> bool:
    """Whether the text names the branded food it lands on: it holds a word only brands
    use that this food writes in capitals (``mcnuggets``), or at least half the words it
    writes in capitals (``cream of wheat``). A branded food found on a few everyday
    words (``butter toast`` -> "GENERAL MILLS, PEANUT BUTTER TOAST CRUNCH", ``cinnamon
    toast`` -> "KEEBLER, Cinnamon Toast Grahams") is another food than the one written:
    a doubtful match, left unmatched with its suggestions."""
    capitals = capital_words(index, position)
    if not capitals:
        return True
    said = set(reading.words()) | {w for seg in reading.written for w in seg}
    held = capitals & said
    plain = plain_words(index)
    return 2 * len(held) >= len(capitals) or any(w not in plain for w in held)


def in_capitals(word: str) -> bool:
    """A word written mostly in capitals, as USDA writes brands."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and 2 * capitals >= len(letters)


def names_brand(index: FoodIndex, position: int | None, brands: list[Brand]) -> bool:
    """Whether the food at ``position`` names one of ``brands`` (POPEYES chicken)."""
    if position is None:
        return False
    described = f" {normalize_many([str(index.descriptions[position])])[0]} "
    return any(f" {name} " in described for name in normalize_many([b.brand for b in brands]))


def of_kind(index: FoodIndex, position: int | None, generic: str) -> bool:
    """Whether the food at ``position`` holds a word of a brand's generic food (an alias
    of the words beside ``ensure``, ``vanilla``, is no nutritional shake)."""
    if position is None:
        return True
    words = normalize_many([generic])[0].split()
    return any(isin_sorted(np.array([position]), foods_holding(index, w))[0] for w in words)
