"""Words that read as other words: the synonym table and the brand table.

``datasets/synonyms.csv`` (``term,means,kind,region,reason``) rewrites a UK, Australian,
New Zealand or Indian name, a spelling variant or a shorthand to the words USDA uses
(``aubergine`` -> ``eggplant``, ``oj`` -> ``orange juice``). ``datasets/brands.csv``
(``brand,kind,generic,note``) lists brand and restaurant words: they are hints, set
aside when the food word is looked for; a brand alone stands for its ``generic`` food.
The shop names of ``datasets/matching_words.csv`` (role ``store_brand``) are brands
without a food.

Terms and brands are normalised like food texts and looked up as word sequences,
longest first, left to right.

Examples
--------
>>> rewrite(["roasted", "aubergine"], synonym_table()).words
['roasted', 'eggplant']
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from nutrilog._resources import dataset_path
from nutrilog.errors import DataError
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many

__all__ = [
    "Brand",
    "PhraseTable",
    "Rewritten",
    "Synonym",
    "brand_rows",
    "brand_table",
    "read_brands",
    "read_synonyms",
    "rewrite",
    "synonym_table",
    "table_rows",
]

P = TypeVar("P")


class Synonym(NamedTuple):
    """One row of the synonym table: ``term`` as written reads as ``means``."""

    term: str
    means: str
    kind: str
    region: str


class Brand(NamedTuple):
    """One brand: as written, its kind (``restaurant``, ``packaged``, ``store``) and generic food."""

    brand: str
    kind: str
    generic: str


@dataclass
class PhraseTable(Generic[P]):
    """Normalised word sequences, each with a payload, found longest first.

    Examples
    --------
    >>> table = PhraseTable.build([("taco bell", 1), ("taco", 2)])
    >>> table.find(["taco", "bell", "burrito", "taco"])
    [(0, 2, 1), (3, 4, 2)]
    """

    #: first word -> [(words, payload)], longest first
    by_first: dict[str, list[tuple[tuple[str, ...], P]]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: Iterable[tuple[str, P]]) -> PhraseTable[P]:
        """A table from ``(phrase as written, payload)`` rows (the first row of a phrase wins)."""
        rows = list(rows)
        keys = normalize_many([phrase for phrase, _ in rows])
        by_first: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        seen: set[tuple[str, ...]] = set()
        for key, (_, payload) in zip(keys, rows, strict=True):
            words = tuple(key.split())
            if not words or words in seen:
                continue
            seen.add(words)
            by_first.setdefault(words[0], []).append((words, payload))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        return cls(by_first)

    def find(self, words: Sequence[str]) -> list[tuple[int, int, P]]:
        """Non-overlapping ``(start, end, payload)`` of the phrases in ``words``, left to right."""
        out: list[tuple[int, int, P]] = []
        i, n = 0, len(words)
        while i < n:
            hit = None
            for phrase, payload in self.by_first.get(words[i], ()):
                end = i + len(phrase)
                if end <= n and tuple(words[i:end]) == phrase:
                    hit = (i, end, payload)
                    break
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i = hit[1]
        return out

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


def table_rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of the bundled CSV ``name`` (cells stripped); a DataError naming the
    file when one of ``columns`` is missing."""
    with dataset_path(name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(columns) - set(reader.fieldnames or [])
        if missing:
            raise DataError(
                f"{name}: expected columns {','.join(columns)}; missing {sorted(missing)}"
            )
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def read_synonyms(rows: Iterable[Synonym]) -> PhraseTable[Synonym]:
    """A synonym table from rows (the packaged one is :func:`synonym_table`).

    Examples
    --------
    >>> table = read_synonyms([Synonym("rocket", "arugula", "regional", "UK")])
    >>> rewrite(["rocket", "salad"], table).words
    ['arugula', 'salad']
    """
    return PhraseTable.build((row.term, row) for row in rows if row.term and row.means)


@lru_cache(maxsize=1)
def synonym_table() -> PhraseTable[Synonym]:
    """The packaged synonym table ``datasets/synonyms.csv``."""
    rows = table_rows("synonyms.csv", ("term", "means", "kind", "region", "reason"))
    return read_synonyms(Synonym(r["term"], r["means"], r["kind"], r["region"]) for r in rows)


def read_brands(rows: Iterable[Brand]) -> PhraseTable[Brand]:
    """A brand table from rows (the packaged one is :func:`brand_table`).

    Examples
    --------
    >>> table = read_brands([Brand("Chobani", "packaged", "greek yogurt")])
    >>> table.find(["chobani"])[0][2].generic
    'greek yogurt'
    """
    return PhraseTable.build((row.brand, row) for row in rows if row.brand)


@lru_cache(maxsize=1)
def brand_rows() -> tuple[Brand, ...]:
    """The rows of ``datasets/brands.csv``, as written."""
    rows = table_rows("brands.csv", ("brand", "kind", "generic", "note"))
    return tuple(Brand(r["brand"], r["kind"], r["generic"]) for r in rows)


@lru_cache(maxsize=1)
def brand_table() -> PhraseTable[Brand]:
    """The packaged brands (``datasets/brands.csv``) and shop names (``matching_words.csv``)."""
    brands = list(brand_rows())
    brands += [Brand(name, "store", "") for name in matcher_words().store_brands]
    return read_brands(brands)


class Rewritten(NamedTuple):
    """Words after :func:`rewrite`, and the synonyms used (``(term as in the text, means)``)."""

    words: list[str]
    used: list[tuple[str, str]]


def rewrite(words: Sequence[str], table: PhraseTable[Synonym]) -> Rewritten:
    """Replace the terms of ``table`` found in ``words`` with what they mean.

    Examples
    --------
    >>> rewrite(["oj", "fresh"], synonym_table())
    Rewritten(words=['orange', 'juice', 'fresh'], used=[('oj', 'orange juice')])
    """
    found = table.find(words)
    if not found:
        return Rewritten(list(words), [])
    out: list[str] = []
    used: list[tuple[str, str]] = []
    last = 0
    for start, end, row in found:
        out.extend(words[last:start])
        means = _normalized_means(row.means)
        out.extend(means.split())
        used.append((" ".join(words[start:end]), means))
        last = end
    out.extend(words[last:])
    return Rewritten(out, used)


@lru_cache(maxsize=20_000)
def _normalized_means(means: str) -> str:
    return normalize_many([means])[0]
