"""Food names that begin with a number: the number is part of the name, not an amount.

``3 musketeers bar``, ``7 up``, ``100 grand``, ``2 minute noodles``, ``three bean
salad``, ``12 grain bread``, ``5 hour energy``: the curated alias table
(``datasets/aliases.csv``) names these foods with their number, and a line that
writes such a name is one of it (``2 3 musketeers`` is two of them). A name whose only
word after the number is a unit or a food of its own (``1 sugar``, ``one bar``) is no
such name: there the number is the amount.

Examples
--------
>>> from nutrilog.quantity.tokens import tokenize
>>> starts_number_name(tokenize("3 musketeers bar"), 0), starts_number_name(tokenize("3 eggs"), 0)
(True, False)
"""

from __future__ import annotations

import csv
import re
from functools import cache

from nutrilog._resources import dataset_path
from nutrilog.quantity.tokens import Tokens
from nutrilog.units import normalize_unit

__all__ = [
    "DOSE_FORMS",
    "dose_form_names",
    "inner_number_names",
    "inside_number_name",
    "number_name_openings",
    "number_names",
    "starts_dose_form_name",
    "starts_number_name",
]

_NUMBER = re.compile(
    r"^(?:\d+|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)$"
)


_OPENING = re.compile(r"^(\w+)[\s-]+([a-z]+)\b")


def _word(word: str) -> str:
    """A word as names are compared: lower case, a plural ``s`` dropped."""
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@cache
def number_names() -> frozenset[tuple[str, ...]]:
    """The alias table's names that begin with a number, as tuples of words."""
    with dataset_path("aliases.csv").open(encoding="utf-8", newline="") as fh:
        names = [row["alias"] for row in csv.DictReader(fh)]
    plain = {_word(n) for n in names if len(n.split()) == 1}
    found = set()
    for name in names:
        words = tuple(_word(w) for w in re.findall(r"[A-Za-z]+|\d+", name))
        if len(words) < 2 or not _NUMBER.match(words[0]) or not _OPENING.match(name.lower()):
            continue  # "2% greek yogurt" is named by its fat, not by a number
        if len(words) == 2 and (words[1] in plain or normalize_unit(words[1]) is not None):
            continue  # "1 sugar", "one bar": the number is an amount
        found.add(words)
    return frozenset(found)


#: Count units that are dose forms of supplements (``2 gummies``): the same word also
#: begins food names (``gummy bears``, ``cap'n crunch``).
DOSE_FORMS = frozenset(
    {"capsule", "tablet", "softgel", "gummy", "lozenge", "drop", "sachet", "pill", "caplet"}
)


@cache
def dose_form_names() -> frozenset[tuple[str, ...]]:
    """The alias table's names of two words or more that begin with a dose-form unit
    (``gummy bears``, ``cap n crunch``), as tuples of words."""
    with dataset_path("aliases.csv").open(encoding="utf-8", newline="") as fh:
        names = [row["alias"] for row in csv.DictReader(fh)]
    found = set()
    for name in names:
        words = tuple(_word(w) for w in re.findall(r"[A-Za-z]+|\d+", name))
        unit = normalize_unit(words[0]) if len(words) >= 2 else None
        if unit is not None and unit.unit in DOSE_FORMS:
            found.add(words)
    return frozenset(found)


def starts_dose_form_name(toks: Tokens, i: int) -> bool:
    """Whether the words from token ``i`` (a dose-form unit word) begin a food name of
    :func:`dose_form_names`: in ``12 gummy bears`` the food is gummy bears, not 12 gummies
    of bear.

    Examples
    --------
    >>> from nutrilog.quantity.tokens import tokenize
    >>> starts_dose_form_name(tokenize("12 gummy bears"), 1)
    True
    >>> starts_dose_form_name(tokenize("2 gummies vitamin d"), 1)
    False
    """
    return _starts_name(toks, i, dose_form_names())


@cache
def number_name_openings() -> frozenset[tuple[str, str]]:
    """The number and the word after it that open a name of :func:`number_names`, when
    that word is no food or unit of its own (``7 layer`` of ``7 layer dip``, not ``3
    bean`` of ``3 bean salad``): any food they open is named with its number (``taco
    bell 7 layer burrito`` is one burrito)."""
    with dataset_path("aliases.csv").open(encoding="utf-8", newline="") as fh:
        names = [row["alias"] for row in csv.DictReader(fh)]
    plain = {_word(n) for n in names if " " not in n}
    found = set()
    for name in names:  # the number written alone before a word: not "2% greek yogurt"
        opened = _OPENING.match(name.lower())
        if opened is None or not _NUMBER.match(opened[1]):
            continue
        word = _word(opened[2])
        if word not in plain and normalize_unit(word) is None:
            found.add((opened[1], word))
    return frozenset(found)


def starts_number_name(toks: Tokens, i: int) -> bool:
    """Whether the words from token ``i`` (a number) begin a name of :func:`number_names`,
    or its number and next word open one (:func:`number_name_openings`)."""
    if _starts_name(toks, i, number_names()):
        return True
    after = i + 1 + (i + 1 < toks.n and toks.text[i + 1] == "-")
    if after >= toks.n or toks.kind[after] != "word":
        return False
    return (_word(toks.text[i]), _word(toks.text[after])) in number_name_openings()


def _starts_name(toks: Tokens, i: int, names: frozenset[tuple[str, ...]]) -> bool:
    """Whether the words from token ``i`` begin one of ``names``."""
    longest = max((len(n) for n in names), default=0)
    words = []
    for k in range(i, min(toks.n, i + longest)):
        if toks.kind[k] not in ("num", "word"):
            if toks.text[k] == "-":
                continue  # "7-layer dip"
            break
        words.append(_word(toks.text[k]))
        if tuple(words) in names:
            return True
    return False


#: Words after a number that make it a measure even inside a name (``6 inch``, ``10
#: piece``).
_MEASURE_WORDS = frozenset({"inch", "inches", "in", "piece", "pieces", "pc", "count", "ct", "way"})


@cache
def inner_number_names() -> frozenset[tuple[str, str]]:
    """The word and the number after it inside a name of the alias table whose number
    is no amount (``cure 81`` of ``cure 81 ham``, ``chicken 65``): the number is followed
    by a word that is no unit, or ends the name, and no percent or ratio is written."""
    with dataset_path("aliases.csv").open(encoding="utf-8", newline="") as fh:
        names = [row["alias"].lower() for row in csv.DictReader(fh)]
    found = set()
    for name in names:
        if re.search(r"[%/.]|\bpercent\b", name):
            continue  # "milk 2%", "ground beef 85/15", "heineken 0.0": fat or strength
        words = re.findall(r"[a-z]+|\d+", name)
        for k in range(1, len(words)):
            if not words[k].isdigit() or not words[k - 1].isalpha() or len(words[k - 1]) < 3:
                continue  # "v 8", "pb 2": a letter or two and a number, too easily an amount
            after = words[k + 1] if k + 1 < len(words) else None
            if after in _MEASURE_WORDS:
                continue  # "subway 6 inch turkey": a length, not a name
            if after is None or (after.isalpha() and normalize_unit(after) is None):
                found.add((_word(words[k - 1]), words[k]))
    return frozenset(found)


def inside_number_name(toks: Tokens, i: int) -> bool:
    """Whether the number at token ``i`` follows a word it names a food with
    (:func:`inner_number_names`) and no unit follows it: in ``cure 81 ham 3 oz`` the
    81 is the ham's name, the 3 oz its amount.

    Examples
    --------
    >>> from nutrilog.quantity.tokens import tokenize
    >>> inside_number_name(tokenize("cure 81 ham"), 1), inside_number_name(tokenize("ham 81 g"), 1)
    (True, False)
    """
    if i == 0 or toks.kind[i] != "num" or toks.kind[i - 1] != "word":
        return False
    if (_word(toks.text[i - 1]), toks.text[i]) not in inner_number_names():
        return False
    after = i + 1
    return after >= toks.n or toks.kind[after] != "word" or normalize_unit(toks.text[after]) is None
