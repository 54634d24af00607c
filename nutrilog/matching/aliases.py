"""Aliases: everyday names that point at one food.

Two tables: the user's own (``aliases=`` of :func:`~nutrilog.matching.match_foods`, a
dict or a ``text,food_id`` CSV) and the curated ``datasets/aliases.csv``. Keys are
normalised with :func:`~nutrilog.matching.words.normalize_food_text`.

A user's CSV may also carry ``unit`` and ``grams_per_unit`` columns (the fixes file
that ``nutrilog analyze --fixes`` writes has them): :func:`read_alias_file` reads the
grams one unit of a text weighs, and in such a file a row whose ``food_id`` is empty
is a fix left undone, skipped.

Examples
--------
>>> curated_aliases()["banana"]
'sr28:09040'
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from os import PathLike
from pathlib import Path

import pandas as pd

from nutrilog._resources import dataset_path
from nutrilog.errors import ArgumentError, DataError
from nutrilog.matching.words import normalize_many

__all__ = [
    "read_aliases",
    "read_alias_file",
    "curated_aliases",
    "curated_alternates",
    "one_word_aliases",
    "foods_not_in_usda",
]


def _alias_dict(rows: Iterable[tuple[str, str]], where: str) -> dict[str, str]:
    pairs = list(rows)
    keys = normalize_many([str(text) for text, _ in pairs])
    table: dict[str, str] = {}
    for key, (text, food_id) in zip(keys, pairs, strict=True):
        food = str(food_id).strip()
        if not key or not food:
            raise DataError(
                f"{where}: expected a text and a food_id on every row, found {text!r}, {food_id!r}"
            )
        table[key] = food
    return table


def read_aliases(source: Mapping[str, str] | str | PathLike[str]) -> dict[str, str]:
    """Read user aliases: a ``{text: food_id}`` mapping or a CSV with columns ``text,food_id``.

    ``alias`` is accepted instead of ``text``. Keys are normalised with
    :func:`~nutrilog.matching.words.normalize_food_text`.

    Examples
    --------
    >>> read_aliases({"Mom's Lasagna": "fndds:58130011"})
    {'mom lasagna': 'fndds:58130011'}
    """
    if isinstance(source, Mapping):
        return _alias_dict(((str(k), str(v)) for k, v in source.items()), "aliases")
    if not isinstance(source, (str, PathLike)):
        raise ArgumentError(
            "aliases: expected a {text: food_id} mapping or the path of a CSV, "
            f"found {type(source).__name__}"
        )
    return read_alias_file(source)[0]


def read_alias_file(
    path: str | PathLike[str],
) -> tuple[dict[str, str], dict[tuple[str, str], float]]:
    """Read a user aliases CSV: its ``text → food_id`` table and its grams per unit.

    Columns: ``text`` (or ``alias``) and ``food_id``, and optionally ``unit`` and
    ``grams_per_unit``: the grams one ``unit`` of the text weighs (no unit: one entry
    written without a unit, ``2 eggs`` or ``coffee``). Other columns are ignored. In a
    file with a ``grams_per_unit`` column, a row without a ``food_id`` only gives its
    grams (or nothing, when both are empty).

    Returns
    -------
    aliases : dict
        ``{normalised text: food_id}``.
    grams : dict
        ``{(normalised text, canonical unit or ""): grams of one unit}``.

    Raises
    ------
    DataError
        Missing columns, an empty text or food_id where one is needed, an unknown
        unit, or a ``grams_per_unit`` that is not a positive number; naming file and line.

    Examples
    --------
    >>> import pathlib
    >>> _ = pathlib.Path("fixes.csv").write_text(
    ...     "text,food_id,unit,grams_per_unit\\nprotein powder,sr28:14066,scoops,31\\nzzyzx,,,\\n")
    >>> read_alias_file("fixes.csv")
    ({'protein powder': 'sr28:14066'}, {('protein powder', 'scoop'): 31.0})
    """
    from nutrilog.iotools import read_user_table

    path = Path(path)
    table = read_user_table(path, "aliases file")  # encoding sniffed; DataError naming the file
    fields = set(table.columns)
    text_col = "text" if "text" in fields else "alias"
    if text_col not in fields or "food_id" not in fields:
        raise DataError(f"{path}: expected columns text,food_id; found {sorted(fields)}")
    has_grams = "grams_per_unit" in fields
    grams_text = table["grams_per_unit"] if has_grams else pd.Series("", index=table.index)
    units = table["unit"] if "unit" in fields else pd.Series("", index=table.index)
    keep = table["food_id"].str.strip().ne("") | (not has_grams)
    aliases = _alias_dict(
        zip(table.loc[keep, text_col], table.loc[keep, "food_id"], strict=True), str(path)
    )
    grams: dict[tuple[str, str], float] = {}
    given = grams_text.str.strip().ne("")
    if given.any():
        keys = normalize_many([str(t) for t in table.loc[given, text_col]])
        for line, key, unit, value in zip(
            table.index[given], keys, units[given], grams_text[given], strict=True
        ):
            where = f"{path}, line {line}"
            if not key:
                raise DataError(
                    f"{where}: expected a text for grams_per_unit {value!r}, found none"
                )
            grams[(key, _unit_key(unit, where))] = _grams(value, where)
    return aliases, grams


def _unit_key(text: str, where: str) -> str:
    from nutrilog.units import normalize_unit

    if not str(text).strip():
        return ""
    info = normalize_unit(text)
    if info is None:
        raise DataError(
            f"{where}: expected a unit nutrilog knows (cup, slice, scoop...), found {text!r}"
        )
    return info.unit


def _grams(text: str, where: str) -> float:
    try:
        value = float(str(text).strip().lstrip("'"))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise DataError(f"{where}: expected grams_per_unit as a number above 0, found {text!r}")
    return value


@lru_cache(maxsize=1)
def _curated_rows() -> tuple[tuple[str, str], ...]:
    with dataset_path("aliases.csv").open(encoding="utf-8", newline="") as fh:
        return tuple((r["alias"], r["food_id"]) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def curated_aliases() -> dict[str, str]:
    """Return the curated alias table ``datasets/aliases.csv`` as ``{normalised alias: food_id}``.

    When an alias has several rows, the first is its food; the later ones are
    alternates used only when the first has no weight for the unit written.

    Examples
    --------
    >>> curated_aliases()["banana"]
    'sr28:09040'
    """
    rows = _curated_rows()
    table = _alias_dict(reversed(rows), "aliases.csv")
    for key, food in list(table.items()):
        for written in _written_otherwise(key):
            table.setdefault(written, food)  # a row of its own, if any, wins
    return table


#: Words diaries write both joined and apart (``lowfat``, ``low fat``): an alias holds
#: either, and is found by both.
_JOINED = {"low fat": "lowfat", "non fat": "nonfat", "fat free": "fatfree"}


def _written_otherwise(key: str) -> list[str]:
    """``key`` with each word pair of ``_JOINED`` written the other way."""
    out = []
    for apart, joined in _JOINED.items():
        padded = f" {key} "
        if f" {apart} " in padded:
            out.append(padded.replace(f" {apart} ", f" {joined} ").strip())
        elif f" {joined} " in padded:
            out.append(padded.replace(f" {joined} ", f" {apart} ").strip())
    return out


@lru_cache(maxsize=1)
def curated_alternates() -> dict[str, list[str]]:
    """Later rows of a repeated curated alias: ``{normalised alias: [food_id, ...]}``.

    Examples
    --------
    >>> curated_alternates()["french fry"]
    ['fndds:71401030']
    """
    first = curated_aliases()
    rows = _curated_rows()
    out: dict[str, list[str]] = {}
    for key, (_, food_id) in zip(normalize_many([t for t, _ in rows]), rows, strict=True):
        if food_id.strip() != first[key] and food_id.strip() not in out.get(key, []):
            out.setdefault(key, []).append(food_id.strip())
    return out


@lru_cache(maxsize=1)
def foods_not_in_usda() -> dict[str, str]:
    """Well-known foods SR28 and FNDDS lack, ``{normalised name: reason}``, from
    ``datasets/foods_not_in_usda.csv``: a text that is one of them is left unmatched
    rather than landing on another food (golden syrup is not corn syrup).

    Examples
    --------
    >>> foods_not_in_usda()["golden syrup"].startswith("not in USDA tables")
    True
    """
    with dataset_path("foods_not_in_usda.csv").open(encoding="utf-8") as fh:
        rows = [(row["name"], row["reason"]) for row in csv.DictReader(fh)]
    keys = normalize_many([name for name, _ in rows])
    return {key: reason for key, (_, reason) in zip(keys, rows, strict=True) if key}


@lru_cache(maxsize=1)
def one_word_aliases() -> frozenset[str]:
    """The curated aliases of one word (``brat``, ``ewa``): each is a food as written,
    never a misspelling of another word nor a mere qualifier beside a brand.

    Examples
    --------
    >>> "brat" in one_word_aliases()
    True
    """
    return frozenset(a for a in curated_aliases() if " " not in a)
