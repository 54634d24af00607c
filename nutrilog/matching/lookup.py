"""Look-ups on a built matching index: the foods that hold, name or brand a word.

Each look-up the matcher makes of a :class:`~nutrilog.matching.index.FoodIndex` past
its build: the foods whose description holds a word, the foods a word names, the
foods that write it as a brand, the words with the same stem, the spelling corrector.
What a look-up needs beyond the build is computed on first use and kept in the index.
Two helpers on sorted position arrays (:func:`holding`, :func:`isin_sorted`) serve the
ranking as well.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> index = index_for(load_foods())
>>> len(foods_holding(index, "banana")) > 0, stem("brewed")
(True, 'brew')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog.matching.spelling import Speller
from nutrilog.matching.words import normalize_many

if TYPE_CHECKING:
    from nutrilog.matching.index import FoodIndex

__all__ = [
    "EMPTY",
    "any_flavour",
    "brand_named",
    "capital_words",
    "choice_starts",
    "food_keys",
    "food_masks",
    "foods_holding",
    "has_keys",
    "holding",
    "isin_sorted",
    "named_by",
    "plain_words",
    "posting_keys",
    "same_words",
    "some_hold",
    "some_of",
    "speller_for",
    "stem",
    "synonym_words",
    "union_sorted",
    "word_pairs",
    "WordPairs",
]

#: No food positions.
EMPTY = np.array([], dtype=np.int64)


def holding(lists: list[np.ndarray], values: np.ndarray, size: int) -> np.ndarray:
    """Row ``i``, column ``j``: 1.0 when ``values[i, j]`` is in ``lists[i]``, else 0.0.

    The lists are sorted positions below ``size``. They go in one sorted array, list ``i``
    shifted by ``i * size``, with a last value above them all, so that one search
    answers for every row.
    """
    shift = np.arange(len(lists)) * size
    merged = np.append(
        np.concatenate(lists) + np.repeat(shift, [len(p) for p in lists]), size * len(lists)
    )
    wanted = values + shift[:, None]
    return (merged[np.searchsorted(merged, wanted)] == wanted).astype(float)


def foods_holding(index: FoodIndex, word: str) -> np.ndarray:
    """Sorted positions of the foods whose description or a synonym has ``word``."""
    found = index.holders.get(word)
    if found is None:
        choices = index.postings.get(word)
        found = EMPTY if choices is None else _distinct(index.choice_food[choices])
        index.holders[word] = found
    return found


def _distinct(ordered: np.ndarray) -> np.ndarray:
    """The distinct values of a sorted array (a posting's choices are sorted, and so are
    their foods: a food's choices stand together)."""
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


def union_sorted(arrays: list[np.ndarray]) -> np.ndarray:
    """The distinct values of ``arrays`` together, sorted: ``np.unique`` of their
    concatenation, by one sort (numpy's unique hashes, which is slower for these).

    Examples
    --------
    >>> union_sorted([np.array([1, 3]), np.array([2, 3])]).tolist()
    [1, 2, 3]
    """
    return _distinct(np.sort(np.concatenate(arrays)))


#: Word endings that make the same word (``brewed`` is ``brew``, ``sweetened`` is ``sweet``).
_ENDINGS = ("ened", "ing", "ed", "y", "e")


def stem(word: str) -> str:
    """A crude stem: ``-ied`` read as ``-y``, then one of ``-ened -ing -ed -y -e`` dropped.

    Examples
    --------
    >>> stem("brewed"), stem("brew"), stem("sweetened"), stem("fried"), stem("fry")
    ('brew', 'brew', 'sweet', 'fr', 'fr')
    """
    if word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def same_words(index: FoodIndex, word: str) -> list[str]:
    """The known words that are ``word`` with another ending (itself included if known)."""
    if index.stems is None:
        stems: dict[str, list[str]] = {}
        for w in index.postings:
            if w.isalpha():
                stems.setdefault(stem(w), []).append(w)
        index.stems = stems
    found = index.stems.get(stem(word), [])
    return found if word in found or word not in index.postings else [word, *found]


def speller_for(index: FoodIndex, extra: Iterable[str] = (), chosen: Iterable[str] = ()) -> Speller:
    """The spelling corrector of this index: the food words, ``extra`` known words, and
    ``chosen`` words (the alias table's) that are never taken for misspellings."""
    if index.speller is None:
        freq = {w: len(p) for w, p in index.postings.items()}
        extra = set(extra)
        for w in extra:
            # deliberate words rank high, and among themselves by the foods that use
            # them (``suger``: sugar, used by 840 foods, not super, by 11)
            freq[w] = freq.get(w, 0) + 1000
        index.speller = Speller(freq, secondary=extra - index.postings.keys(), chosen=chosen)
    return index.speller


class WordPairs:
    """Whether two words stand side by side in some food's description or synonym
    (``monterey jack``): the context a short misspelt word is read in.

    A pair is looked up when first asked, in the few choices that hold both words, and
    the answer kept: reading a text asks about a handful of pairs, not the whole table's.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.index import index_for
    >>> pairs = word_pairs(index_for(load_foods()))
    >>> ("monterey", "jack") in pairs, ("jack", "monterey") in pairs
    (True, False)
    """

    def __init__(self, index: FoodIndex) -> None:
        self._index = index
        self._known: dict[tuple[str, str], bool] = {}

    def __contains__(self, pair: object) -> bool:
        found = self._known.get(pair)  # type: ignore[call-overload]
        if found is None:
            first, second = pair  # type: ignore[misc]
            found = self._known[first, second] = _side_by_side(self._index, first, second)
        return found


def _side_by_side(index: FoodIndex, first: str, second: str) -> bool:
    """Whether ``second`` follows ``first`` in the text of some choice of ``index``."""
    holding_first, holding_second = index.postings.get(first), index.postings.get(second)
    if holding_first is None or holding_second is None:
        return False
    few, many = sorted((holding_first, holding_second), key=len)
    for choice in few[isin_sorted(few, many)].tolist():
        words = index.choice_text[choice].split()
        if any(a == first and b == second for a, b in zip(words, words[1:], strict=False)):
            return True
    return False


def word_pairs(index: FoodIndex) -> WordPairs:
    """The :class:`WordPairs` of ``index``, kept by the index."""
    if index.pairs is None:
        index.pairs = WordPairs(index)
    return index.pairs


def plain_words(index: FoodIndex) -> frozenset[str]:
    """Words that some food without a brand in capitals has in its description.

    The others are brand words as far as the food table goes (``bell`` of TACO BELL).
    """
    if index.plain is None:
        plain = ~index.branded
        index.plain = frozenset(w for w, foods in index.food_postings.items() if plain[foods].any())
    return index.plain


#: Text in brackets: a synonym of the food, not its name.
_BRACKETS = re.compile(r"\([^()]*\)")
#: Words after which a synonym names what goes with its food ("cabbage in tossed salad").
_SYNONYM_COMPLEMENT = frozenset({"in", "with", "without", "for", "on", "from", "as"})


def _before_complement(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The words of each text before a word of :data:`_SYNONYM_COMPLEMENT` that is not
    its first, and the text (its number) of each: one pass over all the texts' words."""
    codes, distinct = pd.factorize(np.array(" | ".join(texts).split(), dtype=object))
    words = distinct.tolist()
    is_break = codes == (words.index("|") if "|" in words else -1)
    text = np.cumsum(is_break)
    starts = np.concatenate([[0], np.flatnonzero(is_break) + 1])
    place = np.arange(len(codes)) - starts[text]
    complement = np.array([w in _SYNONYM_COMPLEMENT for w in words], dtype=bool)
    cut = (place > 0) & complement[codes]
    first_cut = np.full(len(texts), len(codes))
    np.minimum.at(first_cut, text[cut], place[cut])
    kept = np.flatnonzero(~is_break & (place < first_cut[text]))
    return distinct[codes[kept]], text[kept]


def named_by(index: FoodIndex, word: str) -> np.ndarray:
    """Sorted positions of the foods *named* by ``word``.

    A food is named by the words of its description outside brackets and before any
    ``with``, ``in``, ``for``... ("Pancakes, with chocolate" is pancakes), and by the last word of each of
    its synonyms before them ("cabbage in tossed green salad" is cabbage): ``coffee`` is
    in a synonym of "Cream, light" (coffee cream) but does not
    name it; ``supreme`` names "Burrito with meat and sour cream" (Taco Bell Crunchwrap
    Supreme).
    """
    if index.names is None:
        # each food's description as its first choice has it, read again without the
        # text in brackets where it has some
        descriptions = index.descriptions.tolist()
        keys = [index.choice_text[c] for c in choice_starts(index)[:-1].tolist()]
        bracketed = [f for f, d in enumerate(descriptions) if "(" in d]
        unbracketed = [_BRACKETS.sub(" ", descriptions[f]) for f in bracketed]
        for f, key in zip(bracketed, normalize_many(unbracketed), strict=True):
            keys[f] = key
        words, food = _before_complement(keys)
        syn_food, syn_keys = index.synonym_keys
        syn_words, synonym = _before_complement(syn_keys)
        last = np.flatnonzero(np.append(synonym[1:] != synonym[:-1], True)) if len(synonym) else []
        words = np.concatenate([words, syn_words[last]])
        food = np.concatenate([food, np.asarray(syn_food, dtype=np.int64)[synonym[last]]])
        codes, distinct = pd.factorize(words)
        pairs = _distinct(np.sort(codes.astype(np.int64) * len(descriptions) + food))
        word_of, food_of = np.divmod(pairs, len(descriptions))
        bounds = np.searchsorted(word_of, np.arange(len(distinct) + 1)).tolist()
        index.names = {
            w: food_of[bounds[i] : bounds[i + 1]] for i, w in enumerate(distinct.tolist())
        }
    return index.names.get(word, EMPTY)


def choice_starts(index: FoodIndex) -> np.ndarray:
    """The first choice of each food, and one past the last choice: a food's choices
    stand together, ``choice_starts(index)[f]`` up to ``choice_starts(index)[f + 1]``."""
    if index.choice_start is None:
        per_food = np.bincount(index.choice_food, minlength=len(index.ids))
        index.choice_start = np.concatenate([[0], np.cumsum(per_food)]).astype(np.int64)
    return index.choice_start


def posting_keys(index: FoodIndex) -> tuple[dict[str, int], np.ndarray]:
    """Each word's number, and the sorted keys ``word number * choices + choice`` of
    every posting, with a last key above them all: whether a choice holds a word is
    one search."""
    if index.posting_keys is None:
        n = len(index.choice_text)
        number = {w: i for i, w in enumerate(index.postings)}
        keys = [i * n + p.astype(np.int64) for i, p in enumerate(index.postings.values())]
        index.posting_keys = number, np.concatenate([*keys, [len(number) * n]])
    return index.posting_keys


def some_hold(index: FoodIndex, foods: np.ndarray, word: str) -> bool:
    """Whether some food of ``foods`` (sorted positions) holds ``word`` in its description
    or a synonym (:func:`foods_holding`); worked out once per array and word.

    The shorter of the two arrays is searched for in the longer: a common word's foods
    are many, the foods a text allows often few.
    """
    key = (id(foods), word)
    kept = index.facts.get(key)
    if kept is not None and kept[0] is foods:
        return kept[1]
    holders = foods_holding(index, word)
    few, many = (foods, holders) if len(foods) <= len(holders) else (holders, foods)
    found = bool(isin_sorted(few, many).any())
    _keep(index, key, (foods, found))
    return found


def some_of(index: FoodIndex, foods: np.ndarray, mask: np.ndarray) -> bool:
    """Whether ``mask`` (over the foods of ``index``, one it keeps) is True at some food
    of ``foods``; worked out once per pair of arrays."""
    key = (id(foods), id(mask))
    kept = index.facts.get(key)
    if kept is not None and kept[0] is foods and kept[2] is mask:
        return kept[1]
    found = bool(mask[foods].any())
    _keep(index, key, (foods, found, mask))
    return found


#: Facts about food arrays kept at most (then they are worked out again).
_FACTS_KEPT = 100_000


def _keep(index: FoodIndex, key: tuple[int, object], fact: tuple[Any, ...]) -> None:
    """Keep a fact about an array (with the array, so that its id stays its own)."""
    if len(index.facts) >= _FACTS_KEPT:
        index.facts.clear()
    index.facts[key] = fact


def food_masks(
    index: FoodIndex, arrays: list[np.ndarray | None]
) -> tuple[np.ndarray | None, np.ndarray]:
    """A mask over the foods per distinct array of ``arrays`` (food positions), then one
    all True; and each array's row (-1 for None). Arrays are told apart by identity: the
    same array of a cache, asked for by many texts, is one row.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.index import index_for
    >>> index = index_for(load_foods())
    >>> some = np.array([0, 2])
    >>> masks, row = food_masks(index, [some, None, some])
    >>> masks.shape == (2, len(index.ids)), row.tolist(), masks[0, :3].tolist()
    (True, [0, -1, 0], [True, False, True])
    """
    row, distinct = _distinct_arrays(arrays)
    if not distinct:
        return None, row
    masks = np.zeros((len(distinct) + 1, len(index.ids)), dtype=bool)
    sizes = [len(a) for a in distinct]
    masks.reshape(-1)[
        np.repeat(np.arange(len(distinct)) * len(index.ids), sizes) + np.concatenate(distinct)
    ] = True
    masks[-1] = True
    return masks, row


def food_keys(index: FoodIndex, arrays: list[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct arrays of ``arrays`` (sorted food positions, told apart by identity
    as in :func:`food_masks`) as one sorted array of keys ``row * foods + food``, with a
    last key above them all; and each array's row (-1 for None).

    Array ``i`` holds food ``f`` when ``row[i] * foods + f`` is a key (:func:`has_keys`):
    one search per food asked about, where :func:`food_masks` first fills a row of
    every food per array.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.index import index_for
    >>> index = index_for(load_foods())
    >>> some = np.array([0, 2])
    >>> keys, row = food_keys(index, [some, None, some])
    >>> row.tolist(), has_keys(keys, np.array([0, 1, 2])).tolist()
    ([0, -1, 0], [True, False, True])
    """
    row, distinct = _distinct_arrays(arrays)
    n = len(index.ids)
    sizes = [len(a) for a in distinct]
    held = np.repeat(np.arange(len(distinct), dtype=np.int64) * n, sizes)
    keys = np.concatenate([held + np.concatenate([EMPTY, *distinct]), [len(distinct) * n]])
    return keys, row


def has_keys(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Whether each of ``wanted`` is one of ``keys`` (sorted, ending with a key above all)."""
    return keys[np.searchsorted(keys, wanted)] == wanted


def _distinct_arrays(arrays: list[np.ndarray | None]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Each array's row among the distinct ones (-1 for None), and the distinct arrays."""
    row = np.full(len(arrays), -1, dtype=np.int64)
    rows: dict[int, int] = {}
    distinct: list[np.ndarray] = []
    for i, a in enumerate(arrays):
        if a is not None:
            row[i] = rows.setdefault(id(a), len(distinct))
            if row[i] == len(distinct):
                distinct.append(a)
    return row, distinct


def isin_sorted(values: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """``np.isin(values, sorted_values)`` for a sorted array, by one binary search.

    Examples
    --------
    >>> isin_sorted(np.array([3, 1, 7]), np.array([1, 3, 5])).tolist()
    [True, True, False]
    """
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[at] == values


#: A run of words in capitals (a brand in a description): ``KELLOGG'S``, ``TACO BELL``.
_CAPITALS = re.compile(r"\b[A-Z][A-Z'&.-]{2,}(?:\s+[A-Z][A-Z'&.-]+)*\b")


def capital_words(index: FoodIndex, position: int) -> frozenset[str]:
    """The normalised words a food's description writes in capitals (its brand and the
    brand's product name: ``general mills peanut butter toast crunch``)."""
    runs = _CAPITALS.findall(str(index.descriptions[position]))
    return (
        frozenset(w for key in normalize_many(runs) for w in key.split()) if runs else frozenset()
    )


def brand_named(index: FoodIndex, word: str) -> np.ndarray:
    """Sorted positions of the foods whose description writes ``word`` in capitals.

    USDA writes brands that way (``Cereal or granola bar (KIND Fruit and Nut Bar)``,
    ``Cereals ready-to-eat, WEETABIX whole grain cereal``): a text that names the brand
    asks for that food, so its standing penalty as a branded item does not apply.
    """
    if index.brand_names is None:
        found: dict[str, set[int]] = {}
        for food in np.flatnonzero(index.branded).tolist():
            runs = _CAPITALS.findall(str(index.descriptions[food]))
            for key in normalize_many(runs) if runs else []:
                for w in key.split():
                    found.setdefault(w, set()).add(food)
        index.brand_names = {w: np.array(sorted(f), dtype=np.int64) for w, f in found.items()}
    return index.brand_names.get(word, EMPTY)


#: How FNDDS says a food stands for every flavour of it.
_ANY_FLAVOUR = re.compile(r"all flavors|as to flavor|any flavor|assorted flavors", re.IGNORECASE)


def any_flavour(index: FoodIndex) -> np.ndarray:
    """A mask over foods: those whose description stands for every flavour
    (``Jam, preserve, all flavors``; ``Yogurt, ..., NS as to flavor``)."""
    if index.flavours is None:
        index.flavours = np.array(
            [bool(_ANY_FLAVOUR.search(d)) for d in index.descriptions.tolist()], dtype=bool
        )
    return index.flavours


def synonym_words(index: FoodIndex) -> list[frozenset[str]]:
    """The words of each choice's synonym (empty for a description), built on first use."""
    if index.synonym_sets is None:
        # a description's choice has no synonym: one empty set stands for them all
        none: frozenset[str] = frozenset()
        index.synonym_sets = [
            frozenset(name.split()) if name else none for name in index.choice_synonym
        ]
    return index.synonym_sets
