"""Read a number in a tokenized line: numerals, fractions and number words.

Numerals (``2``, ``1.5``, ``1/2``, ``1 1/2``) and words (``a``, ``one`` ...
``twelve``, ``half``, ``a dozen``, ``a couple of``; ``a few``, ``lots of``: an
amount not stated, NaN) are read by :func:`number_at`; :func:`is_number_start`
tells a number that opens an amount from one inside a name (``2%``, ``7-grain``).

Examples
--------
>>> from nutrilog.quantity.tokens import tokenize
>>> number_at(tokenize("one and a half cups"), 0)[:2]
(1.5, 4)
>>> number_at(tokenize("a few slices of ham"), 0)
(3.0, 2, ('a few = 3',))
"""

from __future__ import annotations

import math
import re

from nutrilog.quantity.tokens import Tokens, word_at
from nutrilog.quantity.unit_words import unit_at

__all__ = [
    "NUMBER_STARTS",
    "VAGUE_COUNTS",
    "format_number",
    "is_number_start",
    "num_value",
    "number_at",
    "plain_number",
]

_NUMBER_WORDS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0,
    "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0,
    "eleven": 11.0, "twelve": 12.0, "half": 0.5, "quarter": 0.25, "dozen": 12.0,
    "couple": 2.0, "single": 1.0,
    # "a" in Portuguese (um, uma), Spanish (un, una) and French (une): "um copo de suco"
    "um": 1.0, "uma": 1.0, "un": 1.0, "una": 1.0, "une": 1.0,
    # "half" in Spanish (medio, media) and Portuguese (meio, meia): "media palta"
    "medio": 0.5, "media": 0.5, "meio": 0.5, "meia": 0.5,
    # "half" in Swahili: "nusu parachichi"
    "nusu": 0.5,
}  # fmt: skip
# Multi-word amounts, longest first: words -> value (NaN = vague).
_PHRASES: list[tuple[tuple[str, ...], float]] = sorted(
    [
        (("a", "dozen"), 12.0),
        (("half", "a", "dozen"), 6.0),
        (("a", "couple", "of"), 2.0),
        (("a", "couple"), 2.0),
        (("couple", "of"), 2.0),
        (("half", "a"), 0.5),
        (("half", "an"), 0.5),
        (("a", "half"), 0.5),
        (("a", "quarter"), 0.25),
        (("a", "third"), 1 / 3),
        (("a", "few"), math.nan),
        (("a", "little"), math.nan),
        (("a", "little", "bit"), math.nan),
        (("little", "bit"), math.nan),
        (("a", "lil", "bit"), math.nan),
        (("lil", "bit"), math.nan),
        (("a", "lil"), math.nan),
        (("a", "wee", "bit"), math.nan),
        (("a", "tad"), math.nan),
        (("a", "touch"), math.nan),
        (("a", "smattering"), math.nan),
        (("a", "lot", "of"), math.nan),
        (("lots", "of"), math.nan),
        (("plenty", "of"), math.nan),
        # Spanish, Portuguese and French "a little (of)": "un poquito de aguacate"
        (("un", "poco", "de"), math.nan),
        (("un", "poco"), math.nan),
        (("un", "poquito", "de"), math.nan),
        (("un", "poquito"), math.nan),
        (("um", "pouco", "de"), math.nan),
        (("um", "pouco"), math.nan),
        (("un", "peu", "de"), math.nan),
        (("un", "peu"), math.nan),
        # French "some" and "a couple of" (des frites, une couple de toasts)
        (("des",), math.nan),
        (("une", "couple", "de"), 2.0),
        (("un", "couple", "de"), 2.0),
        (("few",), math.nan),
        (("several",), math.nan),
    ],
    key=lambda item: -len(item[0]),
)


def _by_first_word(
    phrases: list[tuple[tuple[str, ...], float]],
) -> dict[str, list[tuple[tuple[str, ...], float]]]:
    """Group phrases by their first word, keeping their order (longest first)."""
    groups: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for phrase, value in phrases:
        groups.setdefault(phrase[0], []).append((phrase, value))
    return groups


_PHRASES_BY_FIRST = _by_first_word(_PHRASES)
#: Every word that can open a number word or phrase ("a", "half", "couple", "few"...).
NUMBER_STARTS = frozenset(_NUMBER_WORDS) | frozenset(_PHRASES_BY_FIRST)


def num_value(text: str) -> float:
    """Value of a numeral token (``2``, ``1.5``, ``.5``, ``3/4``); NaN for ``1/0``."""
    if "/" in text:
        num, den = text.split("/")
        return float(num) / float(den) if float(den) else math.nan
    return float(text)


def plain_number(toks: Tokens, i: int) -> tuple[float, int] | None:
    """A numeral at ``i``, with a mixed fraction (``1 1/2``, ``1 and 1/2``)."""
    if i >= toks.n or toks.kind[i] != "num":
        return None
    value, j = num_value(toks.text[i]), i + 1
    if math.isnan(value):
        return None
    whole = "/" not in toks.text[i] and "." not in toks.text[i]
    if whole and j < toks.n and toks.kind[j] == "num" and "/" in toks.text[j]:
        fraction = num_value(toks.text[j])
        if fraction < 1:
            return value + fraction, j + 1
    if whole and word_at(toks, j) == "and":
        if j + 1 < toks.n and toks.kind[j + 1] == "num" and "/" in toks.text[j + 1]:
            return value + num_value(toks.text[j + 1]), j + 2
        fraction = _AND_A.get(tuple(toks.word[j + 1 : j + 3]))
        if fraction is not None:
            return value + fraction, j + 3
    return value, j


#: The fraction in "two and a half", "one and a quarter", "one and a third".
_AND_A = {("a", "half"): 0.5, ("a", "quarter"): 0.25, ("a", "third"): 1 / 3}


#: A vague count before a unit is that many of the unit (``a few slices`` are 3 slices,
#: ``several cups`` 4): the unit fixes the piece, the word how many. Before a food alone
#: (``a few radishes``) it is as many of the food's items, noted ``count 3 vague``, when
#: the food is counted in items; else an amount not stated, weighed as the food's usual
#: serving (FNDDS 'Quantity not specified').
VAGUE_COUNTS: dict[tuple[str, ...], float] = {("a", "few"): 3.0, ("few",): 3.0, ("several",): 4.0}


#: Vague words for less than a serving (``a little``, ``a lil bit``, ``un poquito``),
#: noted :data:`LITTLE_NOTE` so that the weighing takes a share of the food's usual
#: serving (``datasets/vague_amounts.csv``, row ``little``).
LITTLE: frozenset[tuple[str, ...]] = frozenset(
    {
        ("a", "little"), ("a", "little", "bit"), ("little", "bit"), ("a", "lil", "bit"),
        ("lil", "bit"), ("a", "lil"), ("a", "wee", "bit"), ("a", "tad"), ("a", "touch"),
        ("un", "poco", "de"), ("un", "poco"), ("un", "poquito", "de"), ("un", "poquito"),
        ("um", "pouco", "de"), ("um", "pouco"), ("un", "peu", "de"), ("un", "peu"),
    }
)  # fmt: skip
LITTLE_NOTE = "little vague"

#: Spanish "half" words that open a food's name with the word after them.
_HALF_NAMING = {"media": frozenset({"noche", "luna", "lunas"}), "medio": frozenset({"dia"})}
#: The cream named "half and half", however its "and" is written.
_HALF_AND_HALF = re.compile(r"^half\s+(?:and|&|n|'n'?|\+)\s+half\b")


def _word_number(toks: Tokens, i: int) -> tuple[float, int, tuple[str, ...]] | None:
    """A number word or phrase at ``i`` (``a dozen``, ``two and a half``, ``a few``)."""
    first = word_at(toks, i)
    if i > 0 and toks.text[i - 1] == "-" and toks.end[i - 1] == toks.start[i]:
        return None  # "chick-fil-a strips": the end of a name, not an article
    if first == "half" and _HALF_AND_HALF.match(" ".join(toks.text[i : i + 3]).lower()):
        return None  # "half & half": the cream's name, not half of something
    if first in _HALF_NAMING and i + 1 < toks.n and toks.word[i + 1] in _HALF_NAMING[first]:
        return None  # "media noche", "media luna": a sandwich's and a pastry's names
    for phrase, value in _PHRASES_BY_FIRST.get(first, ()):
        if tuple(toks.word[i : i + len(phrase)]) == phrase:
            j = i + len(phrase)
            counted = VAGUE_COUNTS.get(phrase)
            if counted is not None and unit_at(toks, j) is not None:
                said = " ".join(phrase)
                return counted, j, (f"{said} = {format_number(counted)}",)
            if counted is not None:  # "a few strawberries": a few of its items, if counted
                return value, j, (f"count {format_number(counted)} vague",)
            if phrase in LITTLE:  # "a little sour cream": less than a serving
                return value, j, (LITTLE_NOTE,)
            return value, j, ()
    if first in _NUMBER_WORDS:
        value, j = _NUMBER_WORDS[first], i + 1
        fraction = (
            _AND_A.get(tuple(toks.word[i + 2 : i + 4])) if word_at(toks, j) == "and" else None
        )
        if fraction is not None:
            return value + fraction, i + 4, ()
        return value, j, ()
    return None


#: A count of dozens written after a number (``1 dozen``, ``2 doz``, ``half dozen``).
_DOZENS = frozenset({"dozen", "dozens", "doz", "dozn", "dz"})


def number_at(toks: Tokens, i: int) -> tuple[float, int, tuple[str, ...]] | None:
    """A number, number word or range starting at token ``i``; ``N dozen`` is 12 N."""
    read = _number_at(toks, i)
    if read is None:
        return None
    value, j, notes = read
    if word_at(toks, j) in _DOZENS:
        return value * 12.0, j + 1, notes
    return read


def _number_at(toks: Tokens, i: int) -> tuple[float, int, tuple[str, ...]] | None:
    """A number, number word or range starting at token ``i``."""
    plain = plain_number(toks, i)
    if plain is None:
        return _word_number(toks, i)
    value, j = plain
    if j < toks.n and (toks.text[j] == "-" or toks.word[j] in {"to", "or"}):
        upper = plain_number(toks, j + 1)
        if upper is not None and upper[0] >= value:
            note = f"range {format_number(value)}-{format_number(upper[0])}"
            return (value + upper[0]) / 2, upper[1], (note,)
    return value, j, ()


def format_number(value: float) -> str:
    """A number as the notes write it (``1.5``, ``2``)."""
    return f"{value:g}"


#: Words of an inch mark written against a number (``4in``, ``6-inch``): the number is a
#: size, which the caller reads (:func:`~nutrilog.quantity.line.parse_quantity`).
_INCH_MARKS = frozenset({"in", "inch", "inches"})


#: Kinds of unit that do not make ``x2`` an amount: ``eggs x2 large`` is two large eggs.
_NOT_AFTER_TIMES = frozenset({"size"})


def is_number_start(toks: Tokens, i: int) -> bool:
    """Whether token ``i`` can start an amount (not ``2%``, ``7-grain``, ``7up``)."""
    if toks.kind[i] != "num":
        return False
    if i > 0 and toks.word[i - 1] == "x" and not (i > 1 and toks.kind[i - 2] == "num"):
        unit = unit_at(toks, i + 1) if i + 1 < toks.n else None
        if unit is None or unit[0].kind in _NOT_AFTER_TIMES:
            return False  # "eggs x2": a multiplier, not an amount
        # "decaf x2 cups": the x only leads into an amount with its unit
    if (
        i > 1
        and toks.text[i - 1] == "-"
        and toks.kind[i - 2] == "word"
        and toks.end[i - 2] == toks.start[i - 1]
        and toks.end[i - 1] == toks.start[i]
    ):
        return False  # "B-12", "omega-3": part of a name
    nxt = i + 1
    if nxt < toks.n and toks.text[nxt] == "%":
        return False
    if nxt < toks.n and toks.start[nxt] == toks.end[i]:
        after = nxt + 1 if toks.text[nxt] == "-" else nxt
        if after < toks.n and toks.word[after] in _INCH_MARKS:
            return True  # "4in pancakes", "4-inch pancakes": a size, read by the caller
        if toks.text[nxt] == "-" and i + 2 < toks.n and toks.kind[i + 2] == "word":
            return False
        if toks.kind[nxt] == "word" and unit_at(toks, nxt) is None and toks.word[nxt] != "x":
            return False
    return not (i > 0 and toks.end[i - 1] == toks.start[i] and toks.kind[i - 1] == "num")
