"""Cut a log line into tokens: spaces, fractions and symbols made plain first.

:func:`normalize` collapses spaces, spells out unicode fractions (``1½`` becomes
``1 1/2``), reads a comma between digits as a decimal point or a thousands
separator and drops a leading bullet; :func:`tokenize` cuts the result into
numbers, words and signs, with each token's parenthesis depth.

Examples
--------
>>> normalize("• 1½ cups")
'1 1/2 cups'
>>> tokenize("1 1/2 cups").text
['1', '1/2', 'cups']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Tokens", "normalize", "tokenize", "word_at"]

_UNICODE_FRACTIONS = {
    "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5",
    "⅖": "2/5", "⅗": "3/5", "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8",
    "⅜": "3/8", "⅝": "5/8", "⅞": "7/8",
}  # fmt: skip
_FRACTION_CHARS = "".join(_UNICODE_FRACTIONS)

_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?|\.\d+)"
    r"|(?P<word>[^\W\d_][\w'’]*(?:\.\w[\w'’]*)*\.?)"  # a dot inside only before \w
    r"|(?P<punct>[^\w\s])"
)


class Tokens(NamedTuple):
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


#: ``a cup and a half of rice``: the fraction after a unit or a food noun, written before
#: it (``one and a half cup of rice``); a half that names what follows (``2 eggs and a
#: half avocado``) is another food.
_UNIT_AND_FRACTION_RE = re.compile(
    r"\b(a|an|one|\d+(?:\.\d+)?)\s+([A-Za-z]+)\s+and\s+a\s+(half|quarter|third)"
    r"(?=\s*$|\s*[,;)]|\s+of\b)",
    re.IGNORECASE,
)


def _fraction_first(match: re.Match[str]) -> str:
    number = "one" if match[1].lower() in ("a", "an") else match[1]
    return f"{number} and a {match[3]} {match[2]}"


#: ``ate 50% of meatloaf``: a share of the food, written as a percentage before ``of``
#: (``2% milk`` is no share).
_SHARE_OF_RE = re.compile(r"(?<![\w.])(\d{1,3})\s*%\s*(?=of\b)", re.IGNORECASE)


def _share_of(match: re.Match[str]) -> str:
    """``50% of`` as the fraction ``50/100 of``; a percentage over 100 stays as written."""
    return f"{match[1]}/100 " if 0 < int(match[1]) <= 100 else match[0]


def normalize(text: str) -> str:
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
    if " and a " in s:
        s = _UNIT_AND_FRACTION_RE.sub(_fraction_first, s)
    if "%" in s:
        s = _SHARE_OF_RE.sub(_share_of, s)
    if s.lstrip()[:1] in _BULLET_CHARS:
        s = _BULLET_RE.sub("", s)
        s = _DASH_BULLET_RE.sub("", s)
    return " ".join(s.split())


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


def tokenize(s: str) -> Tokens:
    """Cut a normalized line into tokens (depths are all 0 without a bracket)."""
    matches = list(_TOKEN_RE.finditer(s))
    kind = [m.lastgroup or "punct" for m in matches]
    text = [m[0] for m in matches]
    return Tokens(
        len(matches),
        kind,
        text,
        [t.lower() if k == "word" else None for k, t in zip(kind, text, strict=True)],
        [m.start() for m in matches],
        [m.end() for m in matches],
        _depths(text) if "(" in s or "[" in s else [0] * len(matches),
    )


def word_at(toks: Tokens, i: int) -> str | None:
    """The lower-cased word at token ``i``; None past the end or for a number or sign."""
    return toks.word[i] if i < toks.n else None
