"""Vague amounts (handful, glass, pinch, some...) by ``datasets/vague_amounts.csv``.

Each word's rows say, in order, which of the food's own portions to use, whether its
default portion stands, a volume weighed through its own volume portions, or a typical
weight; a share (``sliver``: half) scales the result. Always flagged ``estimated amount``.

Examples
--------
>>> {"handful", "glass", "pinch"} <= vague_words()
True
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

import numpy as np

from nutrilog._resources import dataset_path
from nutrilog.portions.choice import Hint, Portion, names, pick, volume_portion
from nutrilog.portions.defaults import default_portion, grams_text
from nutrilog.portions.rows import Food, Row

__all__ = ["vague_portion", "vague_rules", "vague_words"]


class _VagueRule(NamedTuple):
    """One row of ``datasets/vague_amounts.csv``."""

    foods: re.Pattern[str] | None  # the rule applies to foods whose description matches
    portion_words: tuple[str, ...]  # the food's own portion named so, first found wins
    default: bool  # else the food's default portion
    volume: tuple[float, str] | None  # else this volume through the food's volume weights
    grams: float  # else this weight (NaN: none)
    share: float = 1.0  # the part of the portion or default weight meant ("sliver": half)
    side_g: float = np.nan  # a default lighter than this is a side serving...
    sides: float = 1.0  # ...of which the amount holds this many ("a plate of rice": 2)
    big: float = 1.0  # the amount said big or large holds this many (a big bowl: 2)


def _volume_spec(text: str) -> tuple[float, str] | None:
    if not text.strip():
        return None
    amount, unit = text.split()
    return float(amount), unit


def _number(text: str | None, empty: float) -> float:
    """A number of the table, ``empty`` when the cell is blank."""
    return float(text) if (text or "").strip() else empty


@cache
def vague_rules() -> dict[str, tuple[_VagueRule, ...]]:
    """``datasets/vague_amounts.csv`` by word, rows in file order."""
    rules: dict[str, list[_VagueRule]] = {}
    with dataset_path("vague_amounts.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rules.setdefault(row["word"], []).append(
                _VagueRule(
                    re.compile(rf"\b(?:{row['foods']})", re.I) if row["foods"] else None,
                    tuple(w for w in row["portion_words"].split("|") if w),
                    row["default"].strip().lower() == "yes",
                    _volume_spec(row["volume"]),
                    float(row["grams"]) if row["grams"].strip() else np.nan,
                    float(row["share"]) if (row.get("share") or "").strip() else 1.0,
                    _number(row.get("side_g"), np.nan),
                    _number(row.get("sides"), 1.0),
                    _number(row.get("big"), 1.0),
                )
            )
    return {word: tuple(found) for word, found in rules.items()}


def vague_words() -> frozenset[str]:
    """The amount words weighed by ``datasets/vague_amounts.csv`` (handful, glass, pinch...).

    Examples
    --------
    >>> {"handful", "glass", "pinch"} <= vague_words()
    True
    """
    return frozenset(vague_rules())


def _volume_of(food: Food, volume: tuple[float, str], hint: Hint, twin: Food | None) -> Portion:
    """``volume`` of the food through its own volume weights, else its FNDDS twin's."""
    amount, unit = volume
    vol = volume_portion(food.rows, unit, hint)
    if not np.isfinite(vol.grams) and twin is not None:  # the same food's FNDDS weights
        vol = volume_portion(twin.rows, unit, hint)
    if not np.isfinite(vol.grams):
        return vol
    return Portion(amount * vol.grams, f"{amount:g} {unit.replace('_', ' ')} via {vol.portion}", "")


def _estimated(word: str, grams: float, how: str) -> Portion:
    return Portion(grams, how, "", f"estimated amount: {word} = {grams_text(grams)} g ({how})")


def _shared(share: float, label: str) -> str:
    return label if share == 1.0 else f"{share:g} x {label}"


#: A whole fruit heavier than this (grams) is cut up to be eaten: a piece of it is a
#: chunk (mango 336 g, papaya 304 g, cantaloupe 552 g), where a piece of an apple or a
#: pear is the fruit.
_LARGE_FRUIT_G = 250.0


#: Portions of a part of an item that the FNDDS twin lends when the food has none.
_TWIN_PIECES = frozenset({"chunk", "piece", "cube"})
#: Vague amounts whose every portion the twin lends: a packet of a food is the same
#: packet whichever table weighs it (SR28 peanut-butter crackers have none, FNDDS its
#: 45 g individual package).
_TWIN_WHOLE = frozenset({"packet", "bag"})
#: Size words said with a vague amount (``a big bag of chips``), and the size of the
#: food's portion they ask for (``large single serving bag``) in place of ``small``.
_SIZED = {"big": "large", "large": "large", "lg": "large", "medium": "medium", "med": "medium"}


#: Vague amounts that are a part of the food, never the whole item its name says
#: (``a chunk of baguette``: a piece broken off the loaf, not the 22-inch loaf).
_PART_OF = frozenset({"chunk"})


#: Size words that make a bowl or a plate the usual serving, no more (``a small bowl``).
_SMALL = frozenset({"small", "sm", "little"})


def _named(rows: Sequence[Row], name: str) -> list[Row]:
    """The portions of ``rows`` whose unit or first word is ``name``, else that name it."""
    return [row for row in rows if row.unit == name or row.word == name] or [
        row for row in rows if names(row, name)
    ]


def vague_portion(
    food_id: str, food: Food, word: str, hint: Hint, twin: Food | None = None
) -> Portion:
    """A vague amount: the food's own portion of that name (or its FNDDS ``twin``'s,
    the same food: ``a piece of mango`` of SR28 mangos is FNDDS mango's ``slice/chunk``,
    not a whole fruit), its default portion, a volume through its own weights, or a
    typical weight (``datasets/vague_amounts.csv``)."""
    rule = next(
        (
            r
            for r in vague_rules().get(word, ())
            if r.foods is None or r.foods.search(food.description)
        ),
        None,
    )
    if rule is None:
        return Portion(np.nan, "", f"vague amount {word!r}")
    size = next((_SIZED[w] for w in sorted(hint.named) if w in _SIZED), None)
    wanted = rule.portion_words
    if size is not None:  # "a big bag": the large single serving bag, where one is named
        wanted = (
            tuple(
                dict.fromkeys(
                    f"{size} {n.removeprefix('small ')}" if n.startswith("small ") else n
                    for n in wanted
                )
            )
            + wanted
        )
    for source, rows in ((None, food.rows), ("FNDDS twin", twin.rows if twin else [])):
        for name in wanted:
            if source is not None and name not in _TWIN_PIECES and word not in _TWIN_WHOLE:
                continue  # a piece of an apple is the apple, not the twin's slice
            named = _named(rows, name)
            if not named:
                continue
            row = pick(named, hint)
            if name == "fruit" and row.per_one > _LARGE_FRUIT_G and twin is not None:
                # a piece of a mango or a melon is a chunk of it, not the whole fruit
                chunk = _named(twin.rows, "chunk") or _named(twin.rows, "slice")
                if chunk:
                    row, source = pick(chunk, hint), "FNDDS twin"
            label = row.label if source is None else f"{row.label} ({source})"
            return _estimated(word, row.per_one * rule.share, _shared(rule.share, label))
    if rule.default:
        whole = hint._replace(named=frozenset(), noun="") if word in _PART_OF else hint
        found = default_portion(food_id, food, whole, pack=False)
        if np.isfinite(found.grams):
            grams, how = found.grams * rule.share, _shared(rule.share, found.portion)
            if _SMALL & hint.named:  # "a small bowl of rice": the usual serving
                return _estimated(word, grams, f"small: {how}")
            if rule.volume is not None:  # "a bowl of black beans": at least a cup of them
                cup = _volume_of(food, rule.volume, hint, twin)
                if np.isfinite(cup.grams) and cup.grams > grams:
                    grams, how = cup.grams, cup.portion
            if grams < rule.side_g:  # "a plate of rice": two side servings of rice
                grams, how = grams * rule.sides, f"{rule.sides:g} x {how}"
            if size == "large" and rule.big != 1.0:  # "a big bowl of cereal"
                grams, how = grams * rule.big, f"big: {rule.big:g} x {how}"
            return _estimated(word, grams, how)
    if rule.volume is not None:
        vol = _volume_of(food, rule.volume, hint, twin)
        if np.isfinite(vol.grams):
            return _estimated(word, vol.grams, vol.portion)
    if np.isfinite(rule.grams):
        return _estimated(word, rule.grams, "typical weight")
    return Portion(np.nan, "", f"no weight for a {word} of this food")
