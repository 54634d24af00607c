"""The words of a diary line besides its foods (``datasets/entry_words.csv``).

Meals, times of day, eating verbs, containers, measures, places, the words that make a
line no food entry and the weak (tally) ones, read once as :class:`EntryWords`; and the
size words of ``datasets/units.csv``. :mod:`~nutrilog.matching.prefixes` and
:mod:`~nutrilog.matching.not_food` read lines with them.

Examples
--------
>>> "breakfast" in entry_words().meals
True
>>> "med" in size_words()
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from nutrilog.matching.synonyms import PhraseTable
from nutrilog.matching.vocabulary import read_word_table
from nutrilog.matching.words import normalize_many

__all__ = ["EntryWords", "alternation", "entry_words", "size_words"]


class EntryWords(NamedTuple):
    """The vocabulary of entry understanding (``datasets/entry_words.csv``)."""

    meals: tuple[str, ...]
    colon_meals: tuple[str, ...]
    times_of_day: tuple[str, ...]
    eat_verbs: tuple[str, ...]
    containers: frozenset[str]
    measures: frozenset[str]
    places: tuple[str, ...]
    #: places also said before the food (``gas station pizza``): no food is named so
    places_before: tuple[str, ...]
    not_food: PhraseTable[str]
    tallies: PhraseTable[str]
    #: durations and distances (``mile``, ``km``, ``hr``): with a number before a
    #: separator they mark a point of a run or a ride (``mile 10 -- orange``)
    durations: tuple[str, ...]


@lru_cache(maxsize=1)
def entry_words() -> EntryWords:
    """The entry vocabulary, read once."""
    rows = read_word_table("entry_words.csv")

    def words(role: str) -> tuple[str, ...]:
        return tuple(w for w, r, _ in rows if r == role)

    return EntryWords(
        meals=words("meal"),
        colon_meals=words("meal_colon"),
        times_of_day=words("time_of_day"),
        eat_verbs=words("eat_verb"),
        containers=frozenset(normalize_many(list(words("container")))),
        measures=frozenset(normalize_many(list(words("measure")))),
        places=words("place"),
        places_before=tuple(w for w, r, v in rows if r == "place" and v == "before"),
        not_food=PhraseTable.build((w, v) for w, r, v in rows if r == "not_food"),
        tallies=PhraseTable.build((w, v) for w, r, v in rows if r == "not_food_weak"),
        durations=tuple(w for w, r, v in rows if r == "not_food_weak" and v == "duration"),
    )


#: Each plain letter and the accented letters written for it (``dîner`` for ``diner``).
_ACCENTED = {
    "a": "aàâäáã", "c": "cç", "e": "eéèêë", "i": "iîïí", "n": "nñ", "o": "oôöóõ", "u": "uùûüú",
}  # fmt: skip


def _letters(word: str) -> str:
    """``word`` as a regex in which a plain letter matches its accented forms too."""
    return "".join(f"[{_ACCENTED[ch]}]" if ch in _ACCENTED else re.escape(ch) for ch in word)


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first; a space or hyphen matches either,
    and a plain letter its accented forms (the tables write ``diner`` for ``dîner``).

    Examples
    --------
    >>> bool(re.fullmatch(alternation(("diner", "petit dejeuner")), "petit-déjeuner"))
    True
    """
    parts = [r"[\s-]?".join(map(_letters, re.split(r"[\s-]+", w))) for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


@lru_cache(maxsize=1)
def size_words() -> frozenset[str]:
    """The size words of ``datasets/units.csv`` (``small``, ``med``, ``sm``)."""
    from nutrilog.units import unit_aliases

    return frozenset(a for a, info in unit_aliases().items() if info.kind == "size")
