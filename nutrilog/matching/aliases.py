"""Aliases: everyday names that point at one food.

Two tables: the user's own (``aliases=`` of :func:`~nutrilog.matching.match_foods`, a
dict or a ``text,food_id`` CSV) and the curated ``datasets/aliases.csv``. Keys are
normalised with :func:`~nutrilog.matching.words.normalize_food_text`.

Examples
--------
>>> curated_aliases()["banana"]
'sr28:09040'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import lru_cache
from os import PathLike
from pathlib import Path

from nutrilog._resources import dataset_path
from nutrilog.errors import DataError
from nutrilog.matching.words import normalize_many

__all__ = ["read_aliases", "curated_aliases", "curated_alternates"]


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
    from nutrilog.iotools._usertable import read_user_table

    path = Path(source)
    table = read_user_table(path, "aliases file")  # encoding sniffed; DataError naming the file
    fields = set(table.columns)
    text_col = "text" if "text" in fields else "alias"
    if text_col not in fields or "food_id" not in fields:
        raise DataError(f"{path}: expected columns text,food_id; found {sorted(fields)}")
    return _alias_dict(zip(table[text_col], table["food_id"], strict=True), str(path))


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
    return _alias_dict(reversed(rows), "aliases.csv")


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
