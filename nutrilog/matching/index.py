"""The matching index: everything the matcher needs from one FoodTable, built once.

Each food has one or more *choices*: its normalised description, and the description
with each of its synonyms (SR28 common names, FNDDS additional descriptions) that adds
words to it. The index holds, per word, the choices, foods and first description
segments that have it (sorted positions), its inverse document frequency, the
per-food word counts the ranking uses, and the words the spelling corrector may
correct to. Each FoodTable keeps its index (:attr:`~nutrilog.foods.FoodTable.matching_index`).
The look-ups on a built index live in :mod:`~nutrilog.matching.lookup` (re-exported here).

Examples
--------
>>> from nutrilog.foods import load_foods
>>> index = index_for(load_foods())
>>> index is index_for(load_foods()), "banana" in index.postings
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog.matching.exact import exact_positions, revision_values
from nutrilog.matching.lookup import (
    EMPTY,
    any_flavour,
    brand_named,
    foods_holding,
    holding,
    isin_sorted,
    named_by,
    plain_words,
    same_words,
    speller_for,
    stem,
    synonym_words,
)
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import (
    LINE_BREAK,
    normalized_words,
    one_per_line,
    texts_of,
)

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable
    from nutrilog.matching.lookup import WordPairs
    from nutrilog.matching.scoring import RankingTables
    from nutrilog.matching.spelling import Speller

__all__ = [
    "EMPTY",
    "any_flavour",
    "FoodIds",
    "FoodIndex",
    "count_in",
    "foods_holding",
    "holding",
    "ids_for",
    "brand_named",
    "build_ids",
    "build_index",
    "index_for",
    "isin_sorted",
    "named_by",
    "plain_words",
    "same_words",
    "speller_for",
    "stem",
    "synonym_words",
    "uppercase_words",
    "with_uppercase_words",
]


@dataclass
class FoodIndex:
    """Everything the matcher needs from one FoodTable, built once."""

    ids: np.ndarray  # food id per food position
    descriptions: np.ndarray
    penalty: np.ndarray  # standing penalty per food (baby food, brand, restaurant)
    branded: np.ndarray  # whether a food's description has a brand in capitals
    choice_text: list[str]  # normalised description (+ synonym) per choice
    choice_synonym: list[str]  # normalised synonym per choice ("" for a description)
    choice_food: np.ndarray  # food position per choice
    choice_len: np.ndarray  # distinct words per choice
    postings: dict[str, np.ndarray]  # word -> choices that have it
    idf: dict[str, float]
    exact: dict[str, int]  # normalised description -> food position
    position: dict[str, int]
    food_postings: dict[str, np.ndarray]  # word -> foods whose description has it
    head_postings: dict[str, np.ndarray]  # word -> foods whose first segment has it
    counts: dict[str, np.ndarray]  # per-food word counts used by the ranking
    prep_ok: dict[str, np.ndarray]  # preparation word -> foods prepared that way
    fat_default: np.ndarray  # per food: FNDDS's row for fat not specified (1.0) or not
    curated: dict[str, int] | None = None
    curated_sets: frozenset[frozenset[str]] | None = None  # words of each curated alias
    speller: Speller | None = None  # built on the first correction
    alias_speller: Speller | None = None  # words only the alias table holds, on first use
    stems: dict[str, list[str]] | None = None  # stem -> known words, built on first use
    holders: dict[str, np.ndarray] = field(default_factory=dict)  # word -> foods that use it
    holders_by: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # by endings
    allowed: dict[tuple[Any, ...], np.ndarray] = field(default_factory=dict)  # see allowed
    facts: dict[tuple[int, object], tuple[Any, ...]] = field(default_factory=dict)  # lookup
    roles: dict[str, str] = field(default_factory=dict)  # word -> its role in a reading
    plain: frozenset[str] | None = None  # words of descriptions without a brand, on first use
    brand_names: dict[str, np.ndarray] | None = None  # word in capitals -> foods, first use
    flavours: np.ndarray | None = None  # mask of the foods of any flavour, on first use
    synonym_sets: list[frozenset[str]] | None = None  # words of each choice's synonym
    masks: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # recent masks
    synonym_keys: tuple[list[int], list[str]] = ([], [])  # (food, normalised synonym)
    names: dict[str, np.ndarray] | None = None  # word -> foods named by it, on first use
    choice_start: np.ndarray | None = None  # first choice of each food (and the end), first use
    ranking: RankingTables | None = None  # what the scoring looks up, on first use
    posting_keys: tuple[dict[str, int], np.ndarray] | None = None  # see lookup, first use
    pairs: WordPairs | None = None  # adjacent description words, asked pair by pair


#: What separates the words of a description that :func:`uppercase_words` looks at.
_DESCRIPTION_BREAK = re.compile(r"[\s,()/]+")
#: Bytes that may be part of a capital letter: A-Z and every byte of a non-ASCII character.
_CAPITAL_BYTES = bytes(int(ord("A") <= b <= ord("Z") or b >= 128) for b in range(256))
#: From the first comma or parenthesis to the end of the line: what the first segment drops.
_AFTER_HEAD = re.compile(r"[,(][^\x00]*")
_SYNONYM_BREAK = re.compile(r"[;|]")


def uppercase_words(description: str) -> bool:
    """Whether ``description`` has a word of three or more capitals (a brand, ``USDA``;
    not ``NFS``: see the role ``not_brand`` of ``datasets/matching_words.csv``)."""
    not_brands = matcher_words().not_brands
    return any(
        len(w) >= 3 and w.isupper() and w.isalpha() and w.lower() not in not_brands
        for w in _DESCRIPTION_BREAK.split(description)
    )


def with_uppercase_words(descriptions: list[str]) -> np.ndarray:
    """:func:`uppercase_words` of each description, checked only where it can hold.

    Such a word has three capitals in a row, so three bytes in a row of the UTF-8 text
    that are A-Z or non-ASCII: one pass over all descriptions finds the few that do.
    """
    out = np.zeros(len(descriptions), dtype=bool)
    if not descriptions:
        return out
    block = one_per_line(descriptions).encode("utf-8", "surrogatepass")
    capital = np.frombuffer(block.translate(_CAPITAL_BYTES), dtype=np.bool_)
    runs = np.flatnonzero(capital[:-2] & capital[1:-1] & capital[2:])
    line_ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == ord(LINE_BREAK))
    for i in np.unique(np.searchsorted(line_ends, runs)).tolist():
        out[i] = uppercase_words(descriptions[i])
    return out


def _split_synonyms(value: Any) -> list[str]:
    if isinstance(value, str):
        if not value.strip():
            return []
        return [s.strip() for s in _SYNONYM_BREAK.split(value) if s.strip()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v).strip()]
    return []


#: A name in brackets at the end of a description: "Crackers, cheese (Cheez-It)".
_BRACKETED = re.compile(r"\(([^()]{2,80})\)\s*$")


def _synonyms(values: np.ndarray, descriptions: list[str]) -> tuple[list[int], list[str], int]:
    """Every synonym of every food, in food order: (food positions, synonym texts, count).

    The name in brackets at the end of a description or of a synonym is a synonym too
    (``Idli`` of "Indian steamed rice cake (Idli)"); those come after the ``count``
    synonyms of the table.
    """
    food: list[int] = []
    texts: list[str] = []
    for i, value in enumerate(values):
        for synonym in _split_synonyms(value):
            food.append(i)
            texts.append(synonym)
    count = len(texts)
    for i, description in enumerate(descriptions):
        found = _BRACKETED.search(description) if "(" in description else None
        if found:
            food.append(i)
            texts.append(found.group(1))
    for i, synonym in zip(food[:count], texts[:count], strict=True):
        found = _BRACKETED.search(synonym) if "(" in synonym else None
        if found:
            food.append(i)
            texts.append(found.group(1))
    return food, texts, count


def _choices(
    norm_desc: list[str], syn_food: list[int], syn_keys: list[str], n_listed: int
) -> tuple[list[str], np.ndarray, np.ndarray, list[str]]:
    """The choices: each food's description, then its synonyms that add to it.

    Returns the choice texts (a synonym choice is the description and the synonym),
    the food of each choice, the choice of each synonym (-1 when it adds nothing), and
    the synonym of each choice (``""`` for a description). A bracketed name (the
    synonyms after the first ``n_listed``) is a choice even when the description holds it.
    """
    n = len(norm_desc)
    kept = np.flatnonzero(
        [
            bool(key) and (j >= n_listed or key not in norm_desc[i])
            for j, (i, key) in enumerate(zip(syn_food, syn_keys, strict=True))
        ]
    )
    owner = np.concatenate([np.arange(n), np.asarray(syn_food, dtype=np.int64)[kept]])
    order = np.argsort(owner, kind="stable")
    texts = norm_desc + [f"{norm_desc[syn_food[j]]} {syn_keys[j]}" for j in kept.tolist()]
    names = [""] * n + [syn_keys[j] for j in kept.tolist()]
    choice_of = np.empty_like(order)
    choice_of[order] = np.arange(len(order))
    syn_choice = np.full(len(syn_keys), -1, dtype=np.int64)
    syn_choice[kept] = choice_of[n:]
    ordered = order.tolist()
    return [texts[k] for k in ordered], owner[order], syn_choice, [names[k] for k in ordered]


def _first_segments(descriptions: list[str]) -> list[str]:
    """Each description up to its first comma or parenthesis."""
    if not descriptions:
        return []
    return _AFTER_HEAD.sub("", one_per_line(descriptions)).split(LINE_BREAK)


def _standing_penalties(
    descriptions: list[str], norm: list[str], groups: list[str], branded: np.ndarray
) -> np.ndarray:
    """Penalty per food that holds whatever the text: baby food, restaurant, brand or commodity."""
    baby = [
        "baby" in g or n.startswith("babyfood") or " baby food" in f" {n}"
        for n, g in zip(norm, groups, strict=True)
    ]
    eatery = [
        "restaurant" in g or "fast food" in g or "restaurant" in n
        for n, g in zip(norm, groups, strict=True)
    ]
    commodity = ["usda commodity" in n for n in norm]
    return (
        25.0 * np.array(baby, dtype=bool)
        + 8.0 * np.array(eatery, dtype=bool)
        + 8.0 * (np.array(commodity, dtype=bool) | branded)
    )


def _distinct_pairs(
    word_of: np.ndarray, text_of: np.ndarray, n_texts: int
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (word code, text position) pairs, sorted by word, then by text."""
    key = np.sort(word_of.astype(np.int64) * max(n_texts, 1) + text_of)
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    return np.divmod(key[first], max(n_texts, 1))


def _word_pairs(words: list[str], n_texts: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Code the words of :func:`normalized_words`: the distinct words and :func:`_distinct_pairs`."""
    codes, distinct = pd.factorize(np.array(words, dtype=object))
    vocabulary = distinct.tolist()
    is_break = codes == (vocabulary.index("|") if "|" in vocabulary else -1)
    text_of = np.cumsum(is_break)[~is_break]
    return vocabulary, *_distinct_pairs(codes[~is_break], text_of, n_texts)


def _postings(
    words: list[str], word_of: np.ndarray, text_of: np.ndarray, dtype: Any = np.int64
) -> dict[str, np.ndarray]:
    """Word -> ascending positions of the texts that hold it, from pairs sorted by word."""
    bounds = [0, *np.cumsum(np.bincount(word_of, minlength=len(words))).tolist()]
    holders = text_of.astype(dtype)
    return {
        word: holders[start:end]
        for word, start, end in zip(words, bounds[:-1], bounds[1:], strict=True)
        if end > start
    }


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``start, start + 1, ..., start + count - 1`` for each (start, count), concatenated."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts - starts, counts)


def _lines_between(
    pairs: tuple[np.ndarray, np.ndarray], start: int, stop: int
) -> tuple[np.ndarray, np.ndarray]:
    """The (word, line) pairs of lines ``start`` to ``stop - 1``, lines counted from ``start``."""
    word_of, line_of = pairs
    inside = (line_of >= start) & (line_of < stop)
    return word_of[inside], line_of[inside] - start


def _choice_pairs(
    desc_pairs: tuple[np.ndarray, np.ndarray],
    syn_pairs: tuple[np.ndarray, np.ndarray],
    choice_food: np.ndarray,
    syn_choice: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(word, choice) pairs from (word, food) and (word, synonym) pairs, as :func:`_distinct_pairs`.

    Every choice of a food has the words of its description, a synonym choice those of
    its synonym too.
    """
    word, food = desc_pairs
    choices_per_food = np.bincount(choice_food)
    first_choice = np.cumsum(choices_per_food) - choices_per_food
    syn_word, synonym = syn_pairs
    choice = syn_choice[synonym]
    adds = choice >= 0
    return _distinct_pairs(
        np.concatenate([np.repeat(word, choices_per_food[food]), syn_word[adds]]),
        np.concatenate([_ranges(first_choice[food], choices_per_food[food]), choice[adds]]),
        len(choice_food),
    )


def count_in(postings: dict[str, np.ndarray], words: Iterable[str], n: int) -> np.ndarray:
    """How many of ``words`` each of ``n`` texts holds, from the texts' postings."""
    found = [postings[w] for w in words if w in postings]
    if not found:
        return np.zeros(n, dtype=np.int64)
    return np.bincount(np.concatenate(found), minlength=n)


def _ranking_counts(
    food_postings: dict[str, np.ndarray],
    head_postings: dict[str, np.ndarray],
    food_sizes: np.ndarray,
    head_sizes: np.ndarray,
) -> dict[str, np.ndarray]:
    """Per-food word counts used by the ranking (see :func:`_fuzzy`)."""
    n = len(food_sizes)
    words = matcher_words()
    ignore = words.free | words.stop
    return {
        "all": food_sizes - count_in(food_postings, ignore, n),
        "head": head_sizes - count_in(head_postings, ignore, n),
        "head_noncat": head_sizes - count_in(head_postings, ignore | words.category_heads, n),
        "head_size": head_sizes,
        "negating": count_in(food_postings, words.negating, n),
        "processed": count_in(food_postings, words.processed, n),
        # raw dry seeds (``Beans, kidney, red, mature seeds, raw``) are cooked before they
        # are eaten: no raw form a text means when it names no preparation
        "raw": np.where(
            count_in(food_postings, ["mature"], n) > 0,
            -1.0,
            (count_in(food_postings, ["raw"], n) > 0).astype(np.float64),
        )
        * (count_in(food_postings, ["raw"], n) > 0),
    }


def _fat_defaults(synonyms: np.ndarray) -> np.ndarray:
    """Per food: 1.0 where FNDDS lists it for fat not specified (its additional
    description says "NS as to fat": "Tilapia, coated, fried, made with oil"), else 0.0."""
    return np.array(
        [
            any(s.strip().lower() == "ns as to fat" for s in _split_synonyms(value))
            for value in synonyms
        ],
        dtype=np.float64,
    )


def _idf(postings: dict[str, np.ndarray], n_choices: int) -> dict[str, float]:
    """Inverse document frequency of each word, computed once per posting length."""
    by_length = {k: float(np.log(1 + n_choices / k)) for k in {len(v) for v in postings.values()}}
    return {t: by_length[len(v)] for t, v in postings.items()}


def build_index(foods: FoodTable) -> FoodIndex:
    """Build :attr:`FoodTable.matching_index` (call that, not this: it keeps the result)."""
    known = ids_for(foods)
    table = foods.foods
    descriptions = known.descriptions.tolist()
    n = len(descriptions)
    blank = np.full(n, "", dtype=object)
    groups = (
        table["group"].fillna("").astype(str).str.lower().to_numpy() if "group" in table else blank
    )
    synonyms = table["synonyms"].to_numpy() if "synonyms" in table else blank
    sources = table["source"].astype(str).to_numpy() if "source" in table else blank
    syn_food, syn_text, n_listed = _synonyms(synonyms, descriptions)
    # Descriptions, their first segments and the synonyms: normalised and coded together.
    lines = descriptions + _first_segments(descriptions) + syn_text
    words = normalized_words(lines)
    normalised = texts_of(words) if lines else []
    norm_desc = normalised[:n]
    choice_text, choice_food, syn_choice, choice_synonym = _choices(
        norm_desc, syn_food, normalised[2 * n :], n_listed
    )
    vocabulary, word_of, line_of = _word_pairs(words, len(lines))
    pairs = (word_of, line_of)
    desc = _lines_between(pairs, 0, n)
    head = _lines_between(pairs, n, 2 * n)
    choice = _choice_pairs(desc, _lines_between(pairs, 2 * n, len(lines)), choice_food, syn_choice)
    postings = _postings(vocabulary, *choice, np.int32)
    branded = with_uppercase_words(descriptions)
    food_postings = _postings(vocabulary, *desc)
    head_postings = _postings(vocabulary, *head)
    return FoodIndex(
        ids=known.ids,
        descriptions=known.descriptions,
        penalty=_standing_penalties(descriptions, norm_desc, groups.tolist(), branded),
        branded=branded,
        synonym_keys=(syn_food, normalised[2 * n :]),
        choice_text=choice_text,
        choice_synonym=choice_synonym,
        choice_food=choice_food,
        choice_len=np.bincount(choice[1], minlength=len(choice_text)).astype(np.float64),
        postings=postings,
        idf=_idf(postings, len(choice_text)),
        exact=exact_positions(norm_desc, sources, revision_values(foods, known.ids)),
        position=known.position,
        food_postings=food_postings,
        head_postings=head_postings,
        counts=_ranking_counts(
            food_postings,
            head_postings,
            np.bincount(desc[1], minlength=n),
            np.bincount(head[1], minlength=n),
        ),
        fat_default=_fat_defaults(synonyms),
        prep_ok={
            p: count_in(food_postings, forms, n) > 0
            for p, forms in matcher_words().preparation.items()
        },
    )


def index_for(foods: FoodTable) -> FoodIndex:
    """The table's matching index: built once, kept by the table (:attr:`FoodTable.matching_index`)."""
    return foods.matching_index


@dataclass
class FoodIds:
    """Food ids, descriptions and positions: all a log that names its food ids needs."""

    ids: np.ndarray
    descriptions: np.ndarray
    position: dict[str, int]


def build_ids(foods: FoodTable) -> FoodIds:
    """Build :attr:`FoodTable.id_lookup` (call that, not this: it keeps the result)."""
    ids = foods.foods.index.astype(str).to_numpy()
    return FoodIds(
        ids=ids,
        descriptions=foods.foods["description"].astype(str).to_numpy(),
        # from the last row up: a repeated id keeps its first position
        position=dict(zip(ids[::-1].tolist(), range(len(ids) - 1, -1, -1), strict=True)),
    )


def ids_for(foods: FoodTable) -> FoodIds:
    """The table's id lookup: built once, kept by the table (:attr:`FoodTable.id_lookup`)."""
    return foods.id_lookup
