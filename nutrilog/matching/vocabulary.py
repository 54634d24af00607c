"""The matcher's word lists, read from ``datasets/matching_words.csv``.

Each row of the table is ``word, role, value, note``; the role says what the word
does for the matcher (see ``datasets/README.md``). The lists are vocabulary, not
code: a word is added to the table, not to a Python set.

Examples
--------
>>> words = matcher_words()
>>> "chopped" in words.cosmetic, "raw" in words.preparation["raw"]
(True, True)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from nutrilog._resources import dataset_path
from nutrilog.errors import DataError

__all__ = ["MatcherWords", "matcher_words", "read_word_table"]


@lru_cache(maxsize=8)
def read_word_table(name: str) -> tuple[tuple[str, str, str], ...]:
    """Rows ``(word, role, value)`` of a packaged word table with columns ``word,role,value,note``.

    Examples
    --------
    >>> ("of", "stop", "") in read_word_table("matching_words.csv")
    True
    """
    with dataset_path(name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"word", "role", "value", "note"} - set(reader.fieldnames or [])
        if missing:
            raise DataError(
                f"{name}: expected columns word,role,value,note; missing {sorted(missing)}"
            )
        rows = []
        for n, row in enumerate(reader, start=2):
            word, role = (row["word"] or "").strip(), (row["role"] or "").strip()
            if not word or not role:
                raise DataError(f"{name}, line {n}: expected a word and a role, found {row}")
            rows.append((word, role, (row["value"] or "").strip()))
    return tuple(rows)


@dataclass(frozen=True)
class MatcherWords:
    """The word lists of the matcher, by role."""

    #: Words that never change which food is meant (``chopped``, ``fresh``).
    cosmetic: frozenset[str]
    #: Words that carry no meaning for ranking (``of``, ``with``).
    stop: frozenset[str]
    #: Preparation word -> description words that satisfy it (``baked`` -> baked, roasted...).
    preparation: dict[str, frozenset[str]]
    #: Description words of a processed form (penalised when the text names none).
    processed: frozenset[str]
    #: Description words that cost nothing when the text lacks them.
    free: frozenset[str]
    #: First description words that name a category (``Fish, salmon``).
    category_heads: frozenset[str]
    #: Description words that turn a food into something else (``meatless``).
    negating: frozenset[str]
    #: Words that mark baby food.
    baby: frozenset[str]
    #: Irregular plural -> singular.
    plurals: dict[str, str]
    #: Shop and store-brand names (single words and phrases, as written).
    store_brands: tuple[str, ...]
    #: Words that describe a form, cut, fat level or state: never the food itself.
    qualifiers: frozenset[str]
    #: Nouns that name a form of a food (``powder``, ``flour``, ``milk``): the word
    #: before them says which food, so it must be found too.
    forms: frozenset[str]
    #: Words in capitals in USDA descriptions that are not brands (``NFS``).
    not_brands: frozenset[str]
    #: Description words that say nothing about the food when written in a log.
    fillers: frozenset[str]
    #: Nouns that name a kind of dish or drink (``soup``'s kind words: ``bar``, ``wrap``):
    #: the word before them says which, so a run-together line is never cut before one.
    dish_kinds: frozenset[str]
    #: A filling -> the word USDA's mixed dishes name it by (``sausage`` -> ``meat``, as in
    #: "Calzone, with meat and cheese"; ``tilapia`` -> ``fish``).
    kinds_of: dict[str, str] = frozenset()
    #: Drinks people name by their maker (``beer``, ``vodka``): an unknown word before
    #: one is a maker's name (``kilikia beer``), not a kind of it.
    brand_named: frozenset[str] = frozenset()
    #: Condiments a USDA sandwich is weighed with (``mustard``, ``hot sauce``): said after
    #: the sandwich without an amount, they are in it already.
    sandwich_spreads: frozenset[str] = frozenset()
    #: Flavours written before a drink brand (``lemon lime gatorade``, ``fruit punch``).
    drink_flavours: frozenset[str] = frozenset()
    #: The generic foods of drink brands (``datasets/brands.csv``) a flavour may open.
    flavoured_drinks: frozenset[str] = frozenset()
    #: Cuts of meat or fish named after the animal (``venison steak``, ``pork chop``):
    #: the word before them says whose, so a run-together line is never cut before one.
    cuts: frozenset[str] = frozenset()
    #: Fats a food is cooked with (``oil``, ``butter``): a text naming none takes the row
    #: FNDDS codes for fat not specified ("Tilapia, coated, fried, made with oil").
    fats: frozenset[str] = frozenset()


def _group(rows: tuple[tuple[str, str, str], ...], role: str) -> list[tuple[str, str]]:
    return [(w, v) for w, r, v in rows if r == role]


@lru_cache(maxsize=1)
def matcher_words() -> MatcherWords:
    """The matcher's word lists from ``datasets/matching_words.csv`` (read once)."""
    rows = read_word_table("matching_words.csv")

    def words(role: str) -> frozenset[str]:
        return frozenset(w for w, _ in _group(rows, role))

    return MatcherWords(
        cosmetic=words("cosmetic"),
        stop=words("stop"),
        preparation={w: frozenset(v.split()) for w, v in _group(rows, "preparation")},
        processed=words("processed"),
        free=words("free"),
        category_heads=words("category_head"),
        negating=words("negating"),
        baby=words("baby"),
        plurals=dict(_group(rows, "plural")),
        store_brands=tuple(w for w, _ in _group(rows, "store_brand")),
        qualifiers=words("qualifier"),
        forms=words("form"),
        not_brands=words("not_brand"),
        fillers=words("filler"),
        dish_kinds=words("dish_kind"),
        kinds_of=dict(_group(rows, "kind_of")),
        brand_named=words("brand_named"),
        sandwich_spreads=words("sandwich_spread"),
        drink_flavours=words("drink_flavour"),
        flavoured_drinks=words("flavoured_drink"),
        cuts=words("cut"),
        fats=words("fat"),
    )
