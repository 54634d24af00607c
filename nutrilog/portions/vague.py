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
from functools import cache
from typing import NamedTuple

import numpy as np

from nutrilog._resources import dataset_path
from nutrilog.portions.choice import Hint, Portion, names, pick, volume_portion
from nutrilog.portions.defaults import default_portion, grams_text
from nutrilog.portions.rows import Food

__all__ = ["vague_portion", "vague_rules", "vague_words"]


class _VagueRule(NamedTuple):
    """One row of ``datasets/vague_amounts.csv``."""

    foods: re.Pattern[str] | None  # the rule applies to foods whose description matches
    portion_words: tuple[str, ...]  # the food's own portion named so, first found wins
    default: bool  # else the food's default portion
    volume: tuple[float, str] | None  # else this volume through the food's volume weights
    grams: float  # else this weight (NaN: none)
    share: float = 1.0  # the part of the portion or default weight meant ("sliver": half)


def _volume_spec(text: str) -> tuple[float, str] | None:
    if not text.strip():
        return None
    amount, unit = text.split()
    return float(amount), unit


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


def _estimated(word: str, grams: float, how: str) -> Portion:
    return Portion(grams, how, "", f"estimated amount: {word} = {grams_text(grams)} g ({how})")


def _shared(share: float, label: str) -> str:
    return label if share == 1.0 else f"{share:g} x {label}"


def vague_portion(food_id: str, food: Food, word: str, hint: Hint) -> Portion:
    """A vague amount: the food's own portion of that name, its default portion, a
    volume through its own weights, or a typical weight (``datasets/vague_amounts.csv``)."""
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
    for name in rule.portion_words:
        named = [row for row in food.rows if row.unit == name or row.word == name] or [
            row for row in food.rows if names(row, name)
        ]
        if named:
            row = pick(named, hint)
            return _estimated(word, row.per_one * rule.share, _shared(rule.share, row.label))
    if rule.default:
        found = default_portion(food_id, food, hint)
        if np.isfinite(found.grams):
            return _estimated(word, found.grams * rule.share, _shared(rule.share, found.portion))
    if rule.volume is not None:
        amount, unit = rule.volume
        vol = volume_portion(food.rows, unit, hint)
        if np.isfinite(vol.grams):
            return _estimated(
                word, amount * vol.grams, f"{amount:g} {unit.replace('_', ' ')} via {vol.portion}"
            )
    if np.isfinite(rule.grams):
        return _estimated(word, rule.grams, "typical weight")
    return Portion(np.nan, "", f"no weight for a {word} of this food")
