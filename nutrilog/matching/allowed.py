"""The foods a reading allows: those that hold its required words.

A match must contain the text's head word (and the modifier of a form head: ``onion
powder``), in any of its endings (``brewed`` holds ``brew``) or in a compound with a
neighbouring word (``flaxseed`` holds ``flax`` and ``seed``); see
:mod:`~nutrilog.matching.reading`. These look-ups answer which foods do, and which foods
are *named* by the head word.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> from nutrilog.matching.reading import read_key
>>> index = index_for(load_foods())
>>> allowed = allowed_foods(index, read_key(index, "flax seeds"))
>>> all("flax" in str(index.descriptions[f]).lower() for f in allowed.tolist())
True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import EMPTY, foods_holding, named_by, same_words, union_sorted
from nutrilog.matching.reading import Reading

__all__ = ["allowed_foods", "foods_of_word", "named_foods"]


def _compounds(index: FoodIndex, word: str, neighbours: list[str]) -> list[str]:
    """Known compounds ``word`` makes with a neighbouring word (``flax`` + ``seed``)."""
    return [
        compound
        for other in neighbours
        for compound in (word + other, other + word)
        if compound in index.postings
    ]


#: Nouns whose ``-ed`` form names other foods: fries (``fry``, as normalised) are held
#: by the foods that name fries, not by every fried food (``filet o fish + med fries``
#: is no fried fish dish that holds the fries).
_NOT_THE_NOUN = {"fry": "fried"}


def foods_of_word(index: FoodIndex, word: str, by: Any) -> np.ndarray:
    """Sorted foods holding ``word`` in any of its endings (``by`` finds a word's foods)."""
    cache = index.holders_by.setdefault(by.__name__, {})
    found = cache.get(word)
    if found is None:
        other = _NOT_THE_NOUN.get(word)
        holders = [by(index, v) for v in same_words(index, word) if v != other]
        found = union_sorted(holders) if len(holders) > 1 else (holders or [EMPTY])[0]
        cache[word] = found
    return found


def allowed_foods(index: FoodIndex, reading: Reading, by: Any = None) -> np.ndarray | None:
    """Sorted positions of the foods that hold every required word of ``reading``
    (None when there is no requirement).

    A word is held in any of its endings (``brewed`` holds ``brew``) or in a compound
    with a neighbouring word (``flaxseed`` holds ``flax`` and ``seed``). ``by`` finds
    the foods of a word (default: description or synonyms hold it).
    """
    required = reading.required()
    if not required:
        return None
    return _holding(index, required, reading.words("core", "unknown"), by or foods_holding)


def _holding(index: FoodIndex, required: list[str], neighbours: list[str], by: Any) -> np.ndarray:
    """The foods holding every word of ``required`` (or a compound of it with one of
    ``neighbours``), by ``by``: the same words with the same compounds allow the same
    foods, one array for them all, kept by the index (the ranking tells requests apart
    by their arrays)."""
    asked = tuple((word, *_compounds(index, word, neighbours)) for word in required)
    key = (by.__name__, asked)
    found = index.allowed.get(key)
    if found is None:
        found = index.allowed[key] = _holding_all(index, asked, by)
    return found


def _holding_all(index: FoodIndex, asked: tuple[tuple[str, ...], ...], by: Any) -> np.ndarray:
    """The foods holding, for each of ``asked``, its first word or one of its compounds."""
    found: np.ndarray | None = None
    for word, *compounds in asked:
        has = foods_of_word(index, word, by)
        if compounds:
            has = union_sorted([has, *(by(index, c) for c in compounds)])
        found = has if found is None else np.intersect1d(found, has, assume_unique=True)
    return EMPTY if found is None else found


def named_foods(index: FoodIndex, reading: Reading) -> np.ndarray | None:
    """Mask of the foods whose name has the head word (in any of its forms)."""
    if reading.head is None or reading.unknown_head:
        return None
    return _holding(index, [reading.head], reading.words("core", "unknown"), named_by)
