"""Read the amount out of a free-text food log line.

``"1 1/2 cups of milk"`` becomes food ``milk``, quantity ``1.5``, unit ``cup``.
The parser understands what people type into a diary:

* numbers: ``2``, ``1.5``, ``1,5`` (decimal comma), ``1/2``, ``1 1/2``, ``1½``,
  ``½``, and words (``a``, ``an``, ``one`` ... ``twelve``, ``half``, ``a dozen``,
  ``a couple of``, ``one and a half``);
* ranges ``1-2 cups`` and ``1 to 2 cups`` (the midpoint, note ``range 1-2``);
* multipliers ``2 x 100 g`` (200 g), ``2x coffee``, ``eggs x2``;
* the amount before or after the food (``1 cup of milk``, ``spinach, 1 cup``,
  ``banana 120g``);
* every unit spelling in the alias table ``datasets/units.csv`` (through
  :func:`nutrilog.units.normalize_unit`), plus size words (``2 medium bananas`` →
  unit ``medium``) and count words (slice, can, glass, scoop, capsule...);
* a more precise measure in parentheses wins over a count: ``1 can (5 oz) tuna``
  → 5 oz, note ``1 can``;
* dose counts: ``2 capsules magnesium 100 mg`` → 200 mg;
* a length is a size, not a count: ``Subway 6 inch turkey sub`` and ``6" sub`` are
  one sub, note ``6"`` (the portion of that length is chosen later); a packaged
  size (``king size``, ``fun size``) is kept out of the food words, as a note;
* a long mass or volume unit name misspelt by one letter after a number
  (``1 tablespon honey``, ``3 ounzes``); a measure closing the line after a comma
  with no number (``soup, cup``) is one of it.

Nothing is guessed silently. A line without any amount (``green beans``) is
quantity 1 of no unit with unit kind ``default`` and note ``implicit one``: it is
weighed later as the food's own default portion, never as one piece. A size word
opening the line is one of that size (``medium fries``: 1 ``medium``); a modifier
before a unit keeps the unit (``small bowl of rice``: 1 ``bowl``, note ``small``).
``a handful of almonds`` keeps the unit ``handful`` with unit kind ``vague`` and
note ``vague amount``; ``some rice`` has quantity NaN (an amount not stated).
A number joined to a name by a hyphen is part of it (``B-12``, ``omega-3``).
A leading minus sign (``-2 eggs``) is kept as a negative quantity so the readers
can reject the row.

Examples
--------
>>> parse_quantity("2 medium bananas")
ParsedAmount(food='bananas', quantity=2.0, unit='medium', unit_kind='size', note=None)
>>> parse_quantity("spinach, 1 cup").unit
'cup'
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from nutrilog.units import UnitInfo, normalize_unit, unit_aliases

__all__ = ["ParsedAmount", "AMOUNT_COLUMNS", "parse_quantity", "parse_amounts"]

#: Columns of the table returned by :func:`parse_amounts` (entry column names).
AMOUNT_COLUMNS: list[str] = ["food", "quantity", "unit", "unit_kind", "amount_note"]


class ParsedAmount(NamedTuple):
    """The amount read from one line of text.

    Attributes
    ----------
    food : str
        The food words with the amount taken out (may be empty).
    quantity : float
        How many units (NaN when the amount is vague or missing).
    unit : str or None
        Canonical unit key (``g``, ``cup``, ``medium``, ``slice``...); None for a
        bare count (``2 eggs``).
    unit_kind : str or None
        ``mass``, ``volume``, ``activity``, ``size``, ``count``, ``vague``, or
        ``default`` when the line gives no amount at all.
    note : str or None
        Why the amount deserves a second look (``range 1-2``, ``implicit one``,
        ``vague amount``...), ``"; "``-separated.
    """

    food: str
    quantity: float
    unit: str | None
    unit_kind: str | None
    note: str | None


_UNICODE_FRACTIONS = {
    "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5",
    "⅖": "2/5", "⅗": "3/5", "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8",
    "⅜": "3/8", "⅝": "5/8", "⅞": "7/8",
}  # fmt: skip
_FRACTION_CHARS = "".join(_UNICODE_FRACTIONS)

_NUMBER_WORDS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0,
    "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0,
    "eleven": 11.0, "twelve": 12.0, "half": 0.5, "quarter": 0.25, "dozen": 12.0,
    "couple": 2.0, "single": 1.0,
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
# Every word that can open a number word or phrase ("a", "half", "couple", "few"...).
_NUMBER_STARTS = frozenset(_NUMBER_WORDS) | frozenset(_PHRASES_BY_FIRST)
# Words allowed between a number and its unit ("2 heaping tbsp").
_MODIFIERS = {
    "heaping", "heaped", "level", "rounded", "scant", "generous", "big", "small",
    "medium", "large", "full", "good", "thin", "thick", "packed", "huge", "tiny",
}  # fmt: skip
# Alias-table words that are too often part of a food name to be read as a unit here.
_NOT_UNITS_IN_TEXT = {"whole", "item", "items"}
# Words after a leading size word that make it part of the food ("medium rare", "large curd").
_NOT_AFTER_SIZE = frozenset(
    ["rare", "well", "done", "roast", "grain", "curd", "heat", "hot", "spicy", "firm"]
    + ["soft", "dark", "light", "fat", "flake"]
)
# Number words that are an amount only in front of a unit ("quarter cup", not "quarter pounder").
_NEED_UNIT = {"quarter", "single", "couple"}
# Words saying the amount is approximate; dropped from the food, noted.
_APPROX_RE = re.compile(r"^(?:approx\.?|approximately|about|around|roughly|circa|ca\.|~)\s*", re.I)
# Count units whose label dose multiplies ("2 capsules magnesium 100 mg" = 200 mg).
_DOSE_COUNTS = {"capsule", "tablet", "softgel", "gummy", "lozenge", "drop", "sachet"}

_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?|\.\d+)"
    r"|(?P<word>[^\W\d_][\w'’]*(?:\.\w[\w'’]*)*\.?)"  # a dot inside only before \w
    r"|(?P<punct>[^\w\s])"
)


class _Tokens(NamedTuple):
    """A normalized line cut into tokens: one list per attribute, indexed by token.

    ``word`` holds each word lower-cased once per line, and None for numbers and
    punctuation.
    """

    n: int  # number of tokens
    kind: list[str]  # num | word | punct
    text: list[str]
    word: list[str | None]
    start: list[int]  # character span in the normalized line
    end: list[int]
    depth: list[int]  # parenthesis depth


class _Cand(NamedTuple):
    start: int  # first token index
    end: int  # one past the last token index
    quantity: float
    unit: UnitInfo | None
    notes: tuple[str, ...]
    implicit: bool
    depth: int


_FRACTION_RE = re.compile(rf"[{_FRACTION_CHARS}]")
_DIGIT_FRACTION_RE = re.compile(rf"(\d)\s*([{_FRACTION_CHARS}])")
_SYMBOLS = str.maketrans({"⁄": "/", "×": "x", "–": "-", "—": "-"})
# A comma between digits: decimal before 1 or 2 digits (1,5 -> 1.5), thousands before 3 (1,500).
_NUMBER_COMMA_RE = re.compile(r"(?<=\d),(?=(\d{1,3})(?!\d))")
_TIMES_AFTER_RE = re.compile(r"(?<=\d)\s*[xX](?![A-Za-z])")  # 2x, 2x100g
_TIMES_BEFORE_RE = re.compile(r"(?<![A-Za-z])[xX](?=\d)")  # x2
_BULLET_RE = re.compile(r"^\s*[*•·]\s*")
_DASH_BULLET_RE = re.compile(r"^\s*-\s+")  # "- banana" is a bullet, "-2 eggs" is negative
_BULLET_CHARS = frozenset("*•·-")


def _number_comma(match: re.Match[str]) -> str:
    """A decimal point before 1 or 2 digits, nothing before a group of 3."""
    return "." if len(match[1]) < 3 else ""


def _normalize(text: str) -> str:
    """Collapse spaces, spell out fractions and symbols, drop a leading bullet.

    Each substitution runs only when the text holds a character it acts on:
    unicode fractions and symbols are all non-ASCII, number separators need a
    comma, multipliers an ``x``, and a bullet must open the line.
    """
    s = " ".join(str(text).replace("\u00a0", " ").split())
    if not s.isascii():
        s = _DIGIT_FRACTION_RE.sub(lambda m: f"{m[1]} {_UNICODE_FRACTIONS[m[2]]}", s)
        s = _FRACTION_RE.sub(lambda m: f" {_UNICODE_FRACTIONS[m[0]]} ", s)
        s = s.translate(_SYMBOLS)
    if "," in s:
        s = _NUMBER_COMMA_RE.sub(_number_comma, s)
    if "x" in s or "X" in s:
        s = _TIMES_AFTER_RE.sub(" x ", s)
        s = _TIMES_BEFORE_RE.sub("x ", s)
    if s.lstrip()[:1] in _BULLET_CHARS:
        s = _BULLET_RE.sub("", s)
        s = _DASH_BULLET_RE.sub("", s)
    return " ".join(s.split())


def _num_value(text: str) -> float:
    """Value of a numeral token (``2``, ``1.5``, ``.5``, ``3/4``); NaN for ``1/0``."""
    if "/" in text:
        num, den = text.split("/")
        return float(num) / float(den) if float(den) else math.nan
    return float(text)


def _depths(texts: list[str]) -> list[int]:
    """Parenthesis depth of each token; an opening bracket counts itself."""
    depths, depth = [], 0
    for text in texts:
        if text in "([":
            depth += 1
        depths.append(depth)
        if text in ")]":
            depth = max(0, depth - 1)
    return depths


def _tokenize(s: str) -> _Tokens:
    """Cut a normalized line into tokens (depths are all 0 without a bracket)."""
    matches = list(_TOKEN_RE.finditer(s))
    kind = [m.lastgroup or "punct" for m in matches]
    text = [m[0] for m in matches]
    return _Tokens(
        len(matches),
        kind,
        text,
        [t.lower() if k == "word" else None for k, t in zip(kind, text, strict=True)],
        [m.start() for m in matches],
        [m.end() for m in matches],
        _depths(text) if "(" in s or "[" in s else [0] * len(matches),
    )


def _word_at(toks: _Tokens, i: int) -> str | None:
    """The lower-cased word at token ``i``; None past the end or for a number or sign."""
    return toks.word[i] if i < toks.n else None


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


def _alias_span(toks: _Tokens, i: int) -> int:
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


def _unit_at(toks: _Tokens, i: int) -> tuple[UnitInfo, int] | None:
    """Longest alias (up to 3 adjacent words) starting at token ``i``; else a long mass
    or volume unit name misspelt by one letter, right after a number."""
    found = _alias_at(toks, i)
    if found is None and 0 < i < toks.n and toks.word[i] and toks.kind[i - 1] == "num":
        info = _misspelt_unit(toks.word[i])
        if info is not None:
            return info, i + 1
    return found


def _alias_at(toks: _Tokens, i: int) -> tuple[UnitInfo, int] | None:
    for end in range(_alias_span(toks, i), i, -1):
        if end < toks.n and toks.start[end] == toks.end[end - 1] and toks.text[end] in "-'’":
            continue  # "t-bone", not a teaspoon
        if end == i + 1 and toks.word[i].rstrip(".") in _NOT_UNITS_IN_TEXT:
            return None
        words = toks.text[i:end]
        for joined in {" ".join(words), "".join(words)}:
            info = _unit_alias(joined)
            if info is not None:
                return info, end
    return None


def _plain_number(toks: _Tokens, i: int) -> tuple[float, int] | None:
    """A numeral at ``i``, with a mixed fraction (``1 1/2``, ``1 and 1/2``)."""
    if i >= toks.n or toks.kind[i] != "num":
        return None
    value, j = _num_value(toks.text[i]), i + 1
    if math.isnan(value):
        return None
    whole = "/" not in toks.text[i] and "." not in toks.text[i]
    if whole and j < toks.n and toks.kind[j] == "num" and "/" in toks.text[j]:
        fraction = _num_value(toks.text[j])
        if fraction < 1:
            return value + fraction, j + 1
    if whole and _word_at(toks, j) == "and":
        if j + 1 < toks.n and toks.kind[j + 1] == "num" and "/" in toks.text[j + 1]:
            return value + _num_value(toks.text[j + 1]), j + 2
        if toks.word[j + 1 : j + 3] == ["a", "half"]:
            return value + 0.5, j + 3
    return value, j


def _word_number(toks: _Tokens, i: int) -> tuple[float, int] | None:
    """A number word or phrase at ``i`` (``a dozen``, ``two and a half``, ``a few``)."""
    first = _word_at(toks, i)
    for phrase, value in _PHRASES_BY_FIRST.get(first, ()):
        if tuple(toks.word[i : i + len(phrase)]) == phrase:
            return value, i + len(phrase)
    if first in _NUMBER_WORDS:
        value, j = _NUMBER_WORDS[first], i + 1
        if toks.word[i + 1 : i + 4] == ["and", "a", "half"]:
            return value + 0.5, i + 4
        return value, j
    return None


def _number_at(toks: _Tokens, i: int) -> tuple[float, int, tuple[str, ...]] | None:
    """A number, number word or range starting at token ``i``."""
    plain = _plain_number(toks, i)
    if plain is None:
        word = _word_number(toks, i)
        return None if word is None else (word[0], word[1], ())
    value, j = plain
    if j < toks.n and (toks.text[j] == "-" or toks.word[j] in {"to", "or"}):
        upper = _plain_number(toks, j + 1)
        if upper is not None and upper[0] >= value:
            note = f"range {_fmt(value)}-{_fmt(upper[0])}"
            return (value + upper[0]) / 2, upper[1], (note,)
    return value, j, ()


def _fmt(value: float) -> str:
    return f"{value:g}"


def _is_number_start(toks: _Tokens, i: int) -> bool:
    """Whether token ``i`` can start an amount (not ``2%``, ``7-grain``, ``7up``)."""
    if toks.kind[i] != "num":
        return False
    if i > 0 and toks.word[i - 1] == "x" and not (i > 1 and toks.kind[i - 2] == "num"):
        return False  # "eggs x2": a multiplier, not an amount
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
        if toks.text[nxt] == "-" and i + 2 < toks.n and toks.kind[i + 2] == "word":
            return False
        if toks.kind[nxt] == "word" and _unit_at(toks, nxt) is None and toks.word[nxt] != "x":
            return False
    return not (i > 0 and toks.end[i - 1] == toks.start[i] and toks.kind[i - 1] == "num")


def _amount_at(toks: _Tokens, i: int) -> _Cand | None:
    """An amount (number, optional multiplier, optional modifier and unit) at ``i``."""
    numeric = _is_number_start(toks, i)
    if not numeric and toks.kind[i] != "word":
        return None
    found = _number_at(toks, i)
    if found is None:
        return None
    value, j, notes = found
    if numeric and i == 1 and toks.text[0] == "-" and toks.end[0] == toks.start[1]:
        value, notes = -value, (*notes, "negative")
    if _word_at(toks, j) == "x":
        second = _plain_number(toks, j + 1)
        if second is None:
            return None  # "2 x" is a multiplier, handled by the caller
        notes = (*notes, f"{_fmt(value)} x {_fmt(second[0])}")
        value, j = value * second[0], second[1]
    unit: UnitInfo | None = None
    hit = None
    if _word_at(toks, j) in _MODIFIERS:  # "2 heaping tbsp", "2 small slices"
        after = _unit_at(toks, j + 1)
        if after is not None and after[0].kind != "size":
            notes, hit = (*notes, toks.word[j]), after
    hit = hit or _unit_at(toks, j)
    if hit is None and _word_at(toks, j) == "of" and _word_at(toks, j + 1) in {"a", "an"}:
        hit = _unit_at(toks, j + 2)  # "3/4 of a cup"
    if hit is not None:
        unit, j = hit
        if _word_at(toks, j) == "of":
            j += 1
    if not numeric and unit is None and not (i == 0 or toks.text[i - 1] in ",;("):
        return None  # "tea with a biscuit": a word number mid-text needs a unit
    lone = not numeric and unit is None and not math.isnan(value) and i + 1 == j
    if lone and (_word_at(toks, j) is None or toks.word[i] in _NEED_UNIT):
        return None  # a lone "a" at the end; "quarter pounder"
    start = 0 if (numeric and value < 0 and i == 1) else i
    return _Cand(start, j, value, unit, notes, False, toks.depth[i])


def _amounts(toks: _Tokens) -> list[_Cand]:
    """The amounts of a line from left to right, each search resuming after the last one.

    Only numerals and words that can open a number word or phrase are tried.
    """
    starts = [
        i
        for i, (kind, word) in enumerate(zip(toks.kind, toks.word, strict=True))
        if kind == "num" or word in _NUMBER_STARTS
    ]
    cands: list[_Cand] = []
    resume = 0
    for i in starts:
        cand = _amount_at(toks, i) if i >= resume else None
        if cand is not None:
            cands.append(cand)
            resume = cand.end
    return cands


#: The size of a packaged item (candy bars, chips): it picks the portion, it is no food word.
_ITEM_SIZE = re.compile(
    r"\b(?P<size>king|fun|full|regular|snack|share|sharing|party|mini|standard)[\s-]?sized?\b",
    re.IGNORECASE,
)
_INCH_WORDS = frozenset({"inch", "inches", "in"})


def _inch_size_end(toks: _Tokens, cand: _Cand) -> int | None:
    """One past an inch mark after a bare number that names a size (``6 inch sub``,
    ``6" sub``, ``12-inch pizza``): the tokens of the size; None when it is no size.
    A food word must follow (``6 inch`` alone says nothing), and ``in`` counts only
    written against the number (``6in sub``, not ``2 eggs in butter``)."""
    if cand.unit is not None or cand.depth:
        return None
    k = cand.end
    if k < toks.n and toks.text[k] == "-":
        k += 1
    if k >= toks.n:
        return None
    word = toks.word[k]
    attached = toks.start[k] == toks.end[k - 1]
    mark = toks.text[k] == '"' or (word in _INCH_WORDS and (word != "in" or attached))
    if not mark or k + 1 >= toks.n or toks.kind[k + 1] != "word":
        return None
    return k + 1


def _implicit_unit(toks: _Tokens) -> _Cand | None:
    """A unit opening the line with no number: ``cup of milk``, ``some rice``,
    ``small bowl of rice`` (a modifier, then the unit), ``medium fries`` (a size
    word before the food: one of that size)."""
    if not toks.n:
        return None
    notes: tuple[str, ...] = ()
    start = 0
    if toks.word[0] in _MODIFIERS and toks.n > 1:
        after = _unit_at(toks, 1)
        if after is not None and after[0].kind not in ("size", "mass", "volume"):
            notes, start = (toks.word[0],), 1  # "small bowl of rice", "big glass of water"
    hit = _unit_at(toks, start)
    if hit is None:
        return None
    info, j = hit
    if info.unit == "some":
        return _Cand(0, j + (_word_at(toks, j) == "of"), math.nan, info, (), True, 0)
    if _word_at(toks, j) == "of":
        return _Cand(0, j + 1, 1.0, info, (*notes, "implicit one"), True, 0)
    if notes or (
        info.kind == "size"
        and j < toks.n
        and toks.kind[j] == "word"
        and toks.word[j] not in _NOT_AFTER_SIZE
    ):
        return _Cand(0, j, 1.0, info, (*notes, "implicit one"), True, 0)
    return None


def _trailing_unit(toks: _Tokens) -> _Cand | None:
    """A measure closing the line after a comma, with no number: ``soup, cup`` is one
    cup, ``orange juice, glass`` one glass (an app's or a diary's "food, measure")."""
    if toks.n < 3 or toks.text[toks.n - 2] != ",":
        return None
    hit = _unit_at(toks, toks.n - 1)
    if hit is None or hit[1] != toks.n or hit[0].kind not in ("volume", "vague"):
        return None
    return _Cand(toks.n - 1, toks.n, 1.0, hit[0], ("implicit one",), True, 0)


def _multipliers(toks: _Tokens, cands: list[_Cand]) -> tuple[float, set[int]]:
    """Prefix ``2 x coffee`` and suffix ``eggs x2`` multipliers outside the amounts ``cands``."""
    factor, used = 1.0, set()
    if "x" not in toks.word:
        return factor, used
    taken = {k for c in cands for k in range(c.start, c.end)}
    for k, word in enumerate(toks.word):
        if word != "x" or k in taken:
            continue
        nxt_num = k + 1 < toks.n and toks.kind[k + 1] == "num"
        prev_num = k > 0 and toks.kind[k - 1] == "num"
        if prev_num and not nxt_num and k - 1 not in taken:
            factor *= _num_value(toks.text[k - 1])
            used |= {k - 1, k}
        elif nxt_num and not prev_num and k + 1 not in taken:
            factor *= _num_value(toks.text[k + 1])
            used |= {k, k + 1}
    return factor, used


def _dose_pair(a: _Cand, b: _Cand) -> tuple[_Cand, _Cand] | None:
    """``(count, dose)`` when one amount counts capsules and the other is a label dose."""
    for count, dose in ((a, b), (b, a)):
        if (
            count.unit is not None
            and count.unit.unit in _DOSE_COUNTS
            and dose.unit is not None
            and dose.unit.kind in {"mass", "activity"}
        ):
            return count, dose
    return None


_FOOD_BREAK_RE = re.compile(r"[()\[\]{}\",;]")
_LEADING_OF_RE = re.compile(r"^(?:of|x)\b\s*", re.I)
_TRAILING_OF_RE = re.compile(r"\s+(?:of|x)$", re.I)
_LEADING_NUMBER_RE = re.compile(r"^[\d./\s-]+")


def _clean_food(s: str, toks: _Tokens, drop: set[int]) -> str:
    pieces, pos = [], 0
    for k in sorted(drop):
        pieces.append(s[pos : toks.start[k]])
        pos = toks.end[k]
    pieces.append(s[pos:])
    food = " ".join(_FOOD_BREAK_RE.sub(" ", " ".join(pieces)).split())
    food = _LEADING_OF_RE.sub("", food)
    if food.endswith(("f", "F", "x", "X")):  # no other character matches them ignoring case
        food = _TRAILING_OF_RE.sub("", food)
    return food.strip(" -:/+&.*")  # spaces were made single above


def _span_text(toks: _Tokens, s: str, cand: _Cand) -> str:
    return s[toks.start[cand.start] : toks.end[cand.end - 1]]


@lru_cache(maxsize=65536)
def parse_quantity(text: str) -> ParsedAmount:
    """Parse the amount and food words of one diary line.

    Parameters
    ----------
    text : str
        A line such as ``"1 1/2 cups of milk"`` or ``"banana 120g"``.

    Returns
    -------
    ParsedAmount
        ``food, quantity, unit, unit_kind, note``; see the module docstring for
        the rules.

    Examples
    --------
    >>> parse_quantity("1 1/2 cups of milk")
    ParsedAmount(food='milk', quantity=1.5, unit='cup', unit_kind='volume', note=None)
    >>> parse_quantity("banana")
    ParsedAmount(food='banana', quantity=1.0, unit=None, unit_kind='default', note='implicit one')
    >>> parse_quantity("a handful of almonds").unit_kind
    'vague'
    """
    s = _normalize(text if isinstance(text, str) else "")
    if not s:
        return ParsedAmount("", math.nan, None, None, "no text")
    approx = _APPROX_RE.match(s)
    if approx and approx.end() < len(s):
        s = s[approx.end() :]
    sized = _ITEM_SIZE.search(s)
    if sized is not None:  # "king size Snickers": which bar, not how many
        s = f"{s[: sized.start()]} {s[sized.end() :]}".strip()
        s = re.sub(r"\s{2,}", " ", s)
    toks = _tokenize(s)
    cands = _amounts(toks)
    sizes = [(c, end) for c in cands if (end := _inch_size_end(toks, c)) is not None]
    cands = [c for c in cands if all(c is not size for size, _ in sizes)]
    factor, mult_used = _multipliers(toks, cands)
    notes: list[str] = ["approximate"] if approx else []
    drop = set(mult_used)
    for size, end in sizes:  # "6 inch sub", '6" sub': a length, not how many
        notes.append(f'{_fmt(size.quantity)}"')
        drop |= set(range(size.start, end))

    outside = [c for c in cands if c.depth == 0]
    inside = [c for c in cands if c.depth > 0]
    if not outside and inside and not any(c.unit is not None for c in inside):
        outside, inside = inside[:1], inside[1:]  # "eggs (2)"
    primary: _Cand | None = None
    if outside and outside[0].start == 0:
        primary = outside[0]
    elif outside:
        with_unit = [c for c in outside if c.unit is not None]
        primary = (with_unit or outside)[-1]
    if primary is None and not mult_used:
        primary = _implicit_unit(toks) or _trailing_unit(toks)
    quantity = math.nan
    unit: UnitInfo | None = None
    if primary is not None:
        drop |= set(range(primary.start, primary.end))
        quantity, unit = primary.quantity, primary.unit
        notes.extend(primary.notes)
        for other in (c for c in outside if c is not primary):
            drop |= set(range(other.start, other.end))
            pair = _dose_pair(primary, other)
            if pair is not None:
                count, dose = pair
                notes.append(
                    f"{_fmt(count.quantity)} {count.unit.unit} x {_span_text(toks, s, dose)}"
                )
                quantity, unit = count.quantity * dose.quantity, dose.unit
            else:
                notes.append(f"other amount: {_span_text(toks, s, other)}")
    if inside:
        measured = [c for c in inside if c.unit is not None and c.unit.kind in {"mass", "volume"}]
        paren = measured[0] if measured else inside[0]
        opened = max((k for k in range(paren.start) if toks.text[k] in "(["), default=None)
        close = next((k for k in range(paren.end, toks.n) if toks.text[k] in ")]"), None)
        inner = set(
            range(
                (paren.start if opened is None else opened + 1),
                paren.end if close is None else close,
            )
        )
        weak = unit is None or unit.kind in {"count", "size"}
        if measured and weak:
            each = any(_word_at(toks, k) in {"each", "per"} for k in inner)
            count = 1.0 if primary is None or math.isnan(quantity) else quantity
            if primary is not None:
                shown = _span_text(toks, s, primary)
                notes.append(shown if primary.unit is not None else f"count {shown}")
            quantity = paren.quantity * (count if each else 1.0)
            unit = paren.unit
            notes.extend(paren.notes)
            drop |= inner | {k for k in (opened, close) if k is not None}
            primary = paren
        else:
            notes.append(_span_text(toks, s, paren))
            drop |= set(range(paren.start, paren.end))
    if primary is None:
        quantity = 1.0
        if not mult_used:
            notes.append("implicit one")
    if mult_used:
        quantity = factor * (1.0 if primary is None else quantity)
    food = _clean_food(s, toks, drop)
    if not food and unit is not None and unit.kind == "count" and primary is not None:
        # "1 steak", "2 bars": the count word is the food itself
        food = _clean_food(s, toks, drop - set(range(primary.start, primary.end))).strip()
        food = _LEADING_NUMBER_RE.sub("", food).strip() or unit.unit
        unit = None
    kind = unit.kind if unit is not None else None
    if primary is None and not mult_used and unit is None:
        kind = "default"  # no amount written: the food's own default portion
    if kind == "vague" or (primary is not None and math.isnan(quantity) and not mult_used):
        if unit is not None and unit.unit == "some":
            quantity = math.nan
        kind = "vague"
        notes = [n for n in notes if n != "implicit one"]
        notes.append("vague amount")
    if sized is not None:
        notes.append(f"{sized['size'].lower()} size")
    note = "; ".join(dict.fromkeys(n for n in notes if n)) or None
    return ParsedAmount(food, float(quantity), unit.unit if unit else None, kind, note)


def parse_amounts(texts: pd.Series) -> pd.DataFrame:
    """Parse a column of diary lines, each distinct text once.

    Parameters
    ----------
    texts : Series
        Lines of text (missing values parse as empty text).

    Returns
    -------
    DataFrame
        Columns :data:`AMOUNT_COLUMNS` (``food, quantity, unit, unit_kind,
        amount_note``), indexed like ``texts``.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_amounts(pd.Series(["2 eggs", "2 eggs", "1 cup milk"]))["quantity"].tolist()
    [2.0, 2.0, 1.0]
    """
    values = texts.astype(object).where(texts.notna(), "")
    codes, uniques = pd.factorize(values.astype(str), use_na_sentinel=False)
    parsed = pd.DataFrame([parse_quantity(str(u)) for u in uniques], columns=AMOUNT_COLUMNS)
    out = parsed.iloc[codes].reset_index(drop=True)
    out.index = texts.index
    out["quantity"] = out["quantity"].astype("float64")
    return out
