"""Find a unit in a tokenized line: an alias of the unit table, or a misspelt unit name.

:func:`unit_at` reads the longest alias of ``datasets/units.csv`` (up to three
words: ``fl oz``, ``fl. oz.``) starting at a token, or, right after a number, a
long mass or volume unit name misspelt by one letter (``tablespon``, ``ounzes``).

Examples
--------
>>> from nutrilog.quantity.tokens import tokenize
>>> unit_at(tokenize("2 fl oz milk"), 1)
(UnitInfo(unit='fl_oz', kind='volume'), 3)
"""

from __future__ import annotations

from functools import lru_cache

from nutrilog.quantity.tokens import Tokens
from nutrilog.units import UnitInfo, normalize_unit, unit_aliases

__all__ = ["unit_at"]

# Alias-table words that are too often part of a food name to be read as a unit here.
_NOT_UNITS_IN_TEXT = {"whole", "item", "items"}
#: Containers that are also the first word of a name (``pot roast``, ``pot stickers``,
#: ``dish soap``): no unit before these words (``a pot of tea``, ``1 pot strawberry
#: yoghurt`` and ``jelly, 1 pot`` are pots).
_NAMES_AFTER_UNIT = {
    "pot": frozenset(
        {"roast", "roasts", "sticker", "stickers", "pie", "pies", "noodle", "noodles", "luck"}
    ),
    "dish": frozenset({"soap", "washer", "detergent"}),
}


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter changed, left out or added."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _names_after(word: str | None, names: frozenset[str]) -> bool:
    """Whether ``word`` is one of the ``names`` a container word opens, or a slip of one
    of five letters or more (``stikers``)."""
    if not word or not names:
        return False
    return word in names or (
        len(word) >= 5 and any(len(n) >= 5 and _one_edit_apart(word, n) for n in names)
    )


@lru_cache(maxsize=1)
def _alias_prefixes() -> frozenset[str]:
    """Every lower-cased beginning of a unit alias (``f``, ``fl``, ``fl.``, ``fl. o``...)."""
    return frozenset(
        alias.lower()[:k] for alias in unit_aliases() for k in range(1, len(alias) + 1)
    )


@lru_cache(maxsize=1024)
def _unit_alias(text: str) -> UnitInfo | None:
    """:func:`~nutrilog.units.normalize_unit`, remembered for the spellings seen."""
    return normalize_unit(text)


def _alias_span(toks: Tokens, i: int) -> int:
    """One past the last word that a unit alias starting at token ``i`` could cover; ``i`` if none.

    The span grows over adjacent words (at most 3, at most one space apart) while
    the lower-cased words, joined with a space or with nothing, still begin some
    alias (dots at the end aside). An alias over more words would begin with those
    words too, so the span stops at the first word that fits no alias; most words
    are turned down at once. Lower-casing word by word agrees with lower-casing the
    joined text on every letter that an alias holds.
    """
    prefixes = _alias_prefixes()
    end, spaced, joined = i, "", ""
    while (
        end < min(i + 3, toks.n)
        and toks.kind[end] == "word"
        and (end == i or toks.start[end] - toks.end[end - 1] <= 1)
    ):
        word = toks.word[end]
        spaced, joined = f"{spaced} {word}" if spaced else word, joined + word
        if spaced.rstrip(".") not in prefixes and joined.rstrip(".") not in prefixes:
            break
        end += 1
    return end


#: Unit kinds whose long names are corrected when misspelt (``tablespon``, ``ounzes``).
_SPELT_KINDS = frozenset({"mass", "volume"})
#: Shortest misspelt word corrected to a unit name (shorter words are too often food).
_SPELT_MIN = 6


def _deletes(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter dropped, added, changed or swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short in _deletes(long_)


@lru_cache(maxsize=1)
def _long_unit_names() -> tuple[dict[str, UnitInfo], dict[str, frozenset[str]]]:
    """Long mass and volume unit names, and each name and its one-letter deletions ->
    the names they come from (a symmetric-delete index: a word one edit from a name
    shares a key with it)."""
    names = {
        alias.lower(): info
        for alias, info in unit_aliases().items()
        if info.kind in _SPELT_KINDS and alias.isalpha() and len(alias) >= _SPELT_MIN
    }
    keys: dict[str, set[str]] = {}
    for name in names:
        for key in _deletes(name) | {name}:
            keys.setdefault(key, set()).add(name)
    return names, {k: frozenset(v) for k, v in keys.items()}


@lru_cache(maxsize=65536)
def _misspelt_unit(word: str) -> UnitInfo | None:
    """The mass or volume unit a word of six letters or more misspells by one edit
    (``tablespon`` -> tablespoon, ``ounzes`` -> ounces), when only one unit fits."""
    if len(word) < _SPELT_MIN or not word.isalpha():
        return None
    names, keys = _long_unit_names()
    near = {n for key in _deletes(word) | {word} for n in keys.get(key, ())}
    found = {names[n].unit: names[n] for n in near if _one_edit(word, n)}
    return next(iter(found.values())) if len(found) == 1 else None


def _closing_count(toks: Tokens, i: int) -> bool:
    """Whether the word at ``i`` follows a number and closes the line (``naan, 1 whole``):
    there it counts items, with no food after it to name."""
    return i + 1 == toks.n and i > 0 and toks.kind[i - 1] == "num"


def unit_at(toks: Tokens, i: int) -> tuple[UnitInfo, int] | None:
    """Longest alias (up to 3 adjacent words) starting at token ``i``; else a long mass
    or volume unit name misspelt by one letter, right after a number."""
    found = _alias_at(toks, i)
    if found is None and 0 < i < toks.n and toks.word[i] and toks.kind[i - 1] == "num":
        info = _misspelt_unit(toks.word[i])
        if info is not None:
            return info, i + 1
    return found


def _alias_at(toks: Tokens, i: int) -> tuple[UnitInfo, int] | None:
    for end in range(_alias_span(toks, i), i, -1):
        if end < toks.n and toks.start[end] == toks.end[end - 1] and toks.text[end] in "-'’":
            continue  # "t-bone", not a teaspoon
        if (
            end == i + 1
            and toks.word[i].rstrip(".") in _NOT_UNITS_IN_TEXT
            and not _closing_count(toks, i)
        ):
            return None
        if (
            end == i + 1
            and end < toks.n
            and _names_after(toks.word[end], _NAMES_AFTER_UNIT.get(toks.word[i], frozenset()))
        ):
            return None  # "pot roast", "2 pot stickers", "6 pot stikers"
        words = toks.text[i:end]
        for joined in {" ".join(words), "".join(words)}:
            info = _unit_alias(joined)
            if info is not None:
                return info, end
    return None
