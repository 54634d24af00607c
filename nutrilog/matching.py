"""Match the food words of log entries to foods of a :class:`~nutrilog.foods.FoodTable`.

:func:`match_foods` works on the *unique* normalised texts of a column and joins the
result back, so a log of a million rows that repeats a few hundred foods costs a few
hundred look-ups. Each text goes through these steps, first hit wins:

1. ``id`` -- an explicit food id from the source (``food_ids=``) that exists in the table;
2. ``alias`` -- the user's own aliases (``aliases=``, a dict or a ``text,food_id`` CSV);
3. ``alias`` -- the curated table ``datasets/aliases.csv`` of everyday names
   (``banana``, ``2% milk``, ``oj``...): a deliberate choice, so it wins over a
   description that happens to read the same (``raisins`` is SR28 "Raisins, seedless",
   not FNDDS "Raisins");
4. ``exact`` -- a food description, ignoring case, punctuation and plurals;
5. ``fuzzy`` -- a ranked token search over descriptions and synonyms, scored with
   :mod:`rapidfuzz`;
6. ``none`` -- nothing scored at least ``threshold``: ``food_id`` is NaN and
   ``suggestions`` lists the three best candidates. There is never a silent low-score pick.

When the entries' units are given (``units=``, ``unit_kinds=``), a food that has no
weight for the unit written is swapped for one that has, if there is one just as good:
a later row of the same curated alias (``french fries`` is oven-heated fries, but
``1 medium french fries`` takes the fast-food fries that come in small, medium and large
orders), or a fuzzy candidate scoring within ``_NEAR_TIE`` points of the winner.

Normalising a text lower-cases it, drops accents and punctuation and puts each word in
the singular (``"Bananas, raw"`` and ``"banana raw"`` are the same key). Alias look-ups
also drop cosmetic words (``chopped``, ``fresh``, ``organic``), brand and other words that
are unknown to the food table (``"Publix"``, ``"Trader Joe's"``), and a preparation word
(``raw``, ``cooked``, ``baked``...) when the alias's food is prepared that way; otherwise
the preparation selects the matching form in the fuzzy search. Misspelt words
(``"bananna"``) are corrected to the nearest word of the food table first.

Fuzzy ranking, on top of rapidfuzz's ``token_set_ratio``: descriptions that add words the
text does not have lose a little; when no preparation is named, raw, plain and
as-usually-eaten forms are preferred over cooked, canned, dried, frozen or fried ones;
baby foods, branded and restaurant items lose unless the text asks for them.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching import match_foods
>>> m = match_foods(["Bananas", "2% milk", "xqzzv blorb"], load_foods())
>>> m["match_method"].tolist()
['alias', 'alias', 'none']
"""

from __future__ import annotations

import csv
import re
import unicodedata
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from nutrilog._resources import dataset_path
from nutrilog._vector import distinct_rows, per_unique
from nutrilog.errors import DataError

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = [
    "DEFAULT_THRESHOLD",
    "MATCH_COLUMNS",
    "match_foods",
    "normalize_food_text",
    "curated_aliases",
    "read_aliases",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lowest fuzzy score (0-100) accepted as a match.
DEFAULT_THRESHOLD: float = 72.0
#: Columns of the table :func:`match_foods` returns.
MATCH_COLUMNS: list[str] = ["food_id", "description", "match_score", "match_method", "suggestions"]

_N_CANDIDATES = 40
#: Fuzzy candidates this close to the winner may replace it when only they resolve the unit.
_NEAR_TIE = 6.0
#: Unit kinds whose grams never depend on the food.
_FOODLESS_KINDS = frozenset({"mass", "vague", "activity"})
#: Among foods with the same description: the user's own, then SR28, then FNDDS.
_SOURCE_RANK = {"user": 0, "sr28": 1, "fndds": 2}
_N_SUGGESTIONS = 3

#: Words that never change which food is meant.
_COSMETIC = _words(
    """fresh organic chopped sliced diced minced shredded grated cubed halved quartered
    crushed torn trimmed peeled pitted seedless washed plain natural homemade home made
    store bought storebought boneless skinless bite size sized of a an the some my our
    cup bowl glass serving piece slice little extra small medium large big
    ripe baby-cut generic brand"""
)
#: Brand and shop names that never name a food (single words and phrases).
_BRANDS = _words(
    """publix kirkland costco aldi lidl walmart kroger safeway wegmans heb meijer
    tesco sainsbury sainsburys waitrose"""
)
_BRAND_PHRASES = re.compile(
    r"\b(?:trader joe?|whole foods(?: market)?|great value|simple truth|market pantry|good and gather|"
    r"365 everyday value|365|signature select|member mark|o organic)\b"
)
#: Words that carry no meaning for ranking.
_STOP = _words("in with and or of the a an on to for from as at by")
#: Preparation words, each with the description words that satisfy it.
_COOKED_FORMS = _words(
    "cooked boiled baked roasted broiled grilled fried steamed poached scrambled stewed "
    "braised sauteed microwaved simmered heat toasted"
)
_PREPARATION: dict[str, frozenset[str]] = {
    "raw": frozenset({"raw", "fresh"}),
    "cooked": _COOKED_FORMS,
    "boiled": frozenset({"boiled", "cooked", "steamed", "simmered", "poached"}),
    "steamed": frozenset({"boiled", "steamed", "cooked"}),
    "baked": frozenset({"baked", "roasted", "heat", "broiled"}),
    "roasted": frozenset({"roasted", "baked", "heat", "toasted"}),
    "grilled": frozenset({"grilled", "broiled", "heat", "roasted"}),
    "broiled": frozenset({"broiled", "grilled", "heat"}),
    "fried": frozenset({"fried", "pan"}),
    "sauteed": frozenset({"sauteed", "fried", "pan"}),
    "poached": frozenset({"poached", "boiled"}),
    "scrambled": frozenset({"scrambled"}),
    "canned": frozenset({"canned", "can"}),
    "frozen": frozenset({"frozen"}),
    "dried": frozenset({"dried", "dehydrated", "dry"}),
    "dry": frozenset({"dry", "dried", "dehydrated", "uncooked", "unprepared"}),
    "toasted": frozenset({"toasted", "roasted"}),
    "mashed": frozenset({"mashed"}),
    "stewed": frozenset({"stewed", "boiled", "braised", "simmered"}),
}
#: Description words that mark a processed form, penalised when the text names none.
_PROCESSED = _words(
    """cooked boiled baked roasted broiled grilled fried steamed poached scrambled stewed
    braised sauteed microwaved canned frozen dried dehydrated dry toasted mashed pickled
    powder concentrate breaded battered candied smoked cured juice"""
)
#: Description words that cost nothing when the text lacks them.
_FREE = _words(
    """raw fresh plain regular ns nfs as to or and with without of type all commercial
    variety varieties form usda includes include unenriched enriched fortified added salt
    natural prepared ready not specified"""
)
#: First description words that name a category, not the food ("Fish, salmon", "Nuts, almonds").
_CATEGORY_HEADS = _words(
    """fish beverage nut seed cereal ready to eat spice herb snack candy candie crustacean mollusk
    alcoholic babyfood fast food sauce soup salad dressing oil bean pea pepper lettuce squash
    cabbage cheese bread cracker cookie cake pie pork beef lamb veal game usda commodity
    restaurant sweetener sugar syrup infant formula"""
)
#: Description words that turn a food into something else ("Chicken, meatless").
_NEGATING = _words("meatless imitation substitute analog vegetarian vegan substitutes replacer")
_BABY = frozenset({"baby", "babyfood", "infant", "toddler", "strained", "junior"})

_IRREGULAR_PLURALS = {
    "leaves": "leaf",
    "halves": "half",
    "loaves": "loaf",
    "knives": "knife",
    "cookies": "cookie",
    "pies": "pie",
    "brownies": "brownie",
    "smoothies": "smoothie",
    "veggies": "veggie",
    "calories": "calorie",
    "movies": "movie",
    "rotis": "roti",
    "children": "child",
    "teeth": "tooth",
    "geese": "goose",
    "mice": "mouse",
}
_NOT_PLURAL = ("ss", "us", "is")


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")) or (
        word.endswith("oes") and len(word) > 5
    ):
        return word[:-2]
    return word[:-1]


#: Joins texts into one block of lines, one line per text (food texts do not hold it).
_LINE_BREAK = "\x00"


def _fold_table() -> bytes:
    """Byte table of :func:`_normalize_many`: letters lower-cased, digits kept, ``&`` and
    :data:`_LINE_BREAK` kept for the replacements that follow, every other byte a space."""
    table = bytearray(b" " * 256)
    for byte in b"abcdefghijklmnopqrstuvwxyz0123456789&" + _LINE_BREAK.encode():
        table[byte] = byte
    for byte in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[byte] = byte + 32
    return bytes(table)


_FOLD = _fold_table()


def _one_per_line(texts: list[str]) -> str:
    """Join ``texts`` with :data:`_LINE_BREAK`; one inside a text becomes a space.

    Both are word breaks to the normalisation and to the first-segment cut, so each
    line stands for its text.
    """
    block = _LINE_BREAK.join(texts)
    if block.count(_LINE_BREAK) != len(texts) - 1:
        block = _LINE_BREAK.join(t.replace(_LINE_BREAK, " ") for t in texts)
    return block


def _normalized_words(texts: list[str]) -> list[str]:
    """The words of each text as :func:`normalize_food_text` puts them, all in one list.

    A ``|`` word stands between texts (folding turns that character into a space
    everywhere else). Accents, case, apostrophes, ``&`` and punctuation are handled on
    all texts at once, and each distinct word is put in the singular once.
    """
    ascii_bytes = unicodedata.normalize("NFKD", _one_per_line(texts)).encode("ascii", "ignore")
    words = (
        ascii_bytes.translate(_FOLD, b"'")
        .replace(b"&", b" and ")
        .replace(_LINE_BREAK.encode(), b" | ")
        .decode("ascii")
        .split()
    )
    singular = {w: _singular(w) for w in set(words)}
    return list(map(singular.__getitem__, words))


def _texts_of(words: list[str]) -> list[str]:
    """The texts of :func:`_normalized_words` (of at least one text)."""
    return " ".join(words).replace(" |", "|").replace("| ", "|").split("|")


def _normalize_many(texts: list[str]) -> list[str]:
    """Return :func:`normalize_food_text` of each text, in one pass over all of them."""
    return _texts_of(_normalized_words(texts)) if texts else []


@lru_cache(maxsize=200_000)
def normalize_food_text(text: str) -> str:
    """Return the matching key of a food text: lower case, no accents or punctuation, singular words.

    Parameters
    ----------
    text : str
        Food words as written.

    Returns
    -------
    str
        Space-separated normalised words (``""`` for a text without letters or digits).

    Examples
    --------
    >>> normalize_food_text("Bananas, raw")
    'banana raw'
    >>> normalize_food_text("Trader Joe's Crème Fraîche")
    'trader joe creme fraiche'
    """
    return _normalize_many([str(text)])[0]


# --------------------------------------------------------------------------- aliases


def _alias_dict(rows: Iterable[tuple[str, str]], where: str) -> dict[str, str]:
    pairs = list(rows)
    keys = _normalize_many([str(text) for text, _ in pairs])
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
    :func:`normalize_food_text`.

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
def _curated_alternates() -> dict[str, list[str]]:
    """Later rows of a repeated curated alias: ``{normalised alias: [food_id, ...]}``."""
    first = curated_aliases()
    rows = _curated_rows()
    out: dict[str, list[str]] = {}
    for key, (_, food_id) in zip(_normalize_many([t for t, _ in rows]), rows, strict=True):
        if food_id.strip() != first[key] and food_id.strip() not in out.get(key, []):
            out.setdefault(key, []).append(food_id.strip())
    return out


# --------------------------------------------------------------------------- index


@dataclass
class _Index:
    """Everything the matcher needs from one FoodTable, built once."""

    ids: np.ndarray  # food id per food position
    descriptions: np.ndarray
    penalty: np.ndarray  # standing penalty per food (baby food, brand, restaurant)
    choice_text: list[str]  # normalised description (+ synonym) per choice
    choice_food: np.ndarray  # food position per choice
    choice_len: np.ndarray  # distinct words per choice
    postings: dict[str, np.ndarray]  # word -> choices that have it
    idf: dict[str, float]
    exact: dict[str, int]  # normalised description -> food position
    vocab: dict[str, list[str]]  # first letter -> known words, for spelling correction
    position: dict[str, int]
    food_postings: dict[str, np.ndarray]  # word -> foods whose description has it
    head_postings: dict[str, np.ndarray]  # word -> foods whose first segment has it
    counts: dict[str, np.ndarray]  # per-food word counts used by the ranking
    prep_ok: dict[str, np.ndarray]  # preparation word -> foods prepared that way
    corrections: dict[str, str | None] = field(default_factory=dict)
    curated: dict[str, int] | None = None
    alternates: dict[int, list[int]] | None = None  # curated food position -> alternates by alias


#: Per food table (as in portions and suggestions): built once, dropped with the table.
_INDEX_CACHE: weakref.WeakKeyDictionary[FoodTable, _Index] = weakref.WeakKeyDictionary()


#: What separates the words of a description that :func:`_uppercase_words` looks at.
_DESCRIPTION_BREAK = re.compile(r"[\s,()/]+")
#: Bytes that may be part of a capital letter: A-Z and every byte of a non-ASCII character.
_CAPITAL_BYTES = bytes(int(ord("A") <= b <= ord("Z") or b >= 128) for b in range(256))
#: From the first comma or parenthesis to the end of the line: what the first segment drops.
_AFTER_HEAD = re.compile(r"[,(][^\x00]*")
_SYNONYM_BREAK = re.compile(r"[;|]")


def _uppercase_words(description: str) -> bool:
    """Whether ``description`` has a word of three or more capitals (a brand, ``USDA``)."""
    return any(
        len(w) >= 3 and w.isupper() and w.isalpha() for w in _DESCRIPTION_BREAK.split(description)
    )


def _with_uppercase_words(descriptions: list[str]) -> np.ndarray:
    """:func:`_uppercase_words` of each description, checked only where it can hold.

    Such a word has three capitals in a row, so three bytes in a row of the UTF-8 text
    that are A-Z or non-ASCII: one pass over all descriptions finds the few that do.
    """
    out = np.zeros(len(descriptions), dtype=bool)
    if not descriptions:
        return out
    block = _one_per_line(descriptions).encode("utf-8", "surrogatepass")
    capital = np.frombuffer(block.translate(_CAPITAL_BYTES), dtype=np.bool_)
    runs = np.flatnonzero(capital[:-2] & capital[1:-1] & capital[2:])
    line_ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == ord(_LINE_BREAK))
    for i in np.unique(np.searchsorted(line_ends, runs)).tolist():
        out[i] = _uppercase_words(descriptions[i])
    return out


def _split_synonyms(value: Any) -> list[str]:
    if isinstance(value, str):
        if not value.strip():
            return []
        return [s.strip() for s in _SYNONYM_BREAK.split(value) if s.strip()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v).strip()]
    return []


def _synonyms(values: np.ndarray) -> tuple[list[int], list[str]]:
    """Every synonym of every food, in food order: (food positions, synonym texts)."""
    food: list[int] = []
    texts: list[str] = []
    for i, value in enumerate(values):
        for synonym in _split_synonyms(value):
            food.append(i)
            texts.append(synonym)
    return food, texts


def _choices(
    norm_desc: list[str], syn_food: list[int], syn_keys: list[str]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The choices: each food's description, then its synonyms that add to it.

    Returns the choice texts (a synonym choice is the description and the synonym),
    the food of each choice, and the choice of each synonym (-1 when it adds nothing).
    """
    n = len(norm_desc)
    kept = np.flatnonzero(
        [bool(key) and key not in norm_desc[i] for i, key in zip(syn_food, syn_keys, strict=True)]
    )
    owner = np.concatenate([np.arange(n), np.asarray(syn_food, dtype=np.int64)[kept]])
    order = np.argsort(owner, kind="stable")
    texts = norm_desc + [f"{norm_desc[syn_food[j]]} {syn_keys[j]}" for j in kept.tolist()]
    choice_of = np.empty_like(order)
    choice_of[order] = np.arange(len(order))
    syn_choice = np.full(len(syn_keys), -1, dtype=np.int64)
    syn_choice[kept] = choice_of[n:]
    return [texts[k] for k in order.tolist()], owner[order], syn_choice


def _first_segments(descriptions: list[str]) -> list[str]:
    """Each description up to its first comma or parenthesis."""
    if not descriptions:
        return []
    return _AFTER_HEAD.sub("", _one_per_line(descriptions)).split(_LINE_BREAK)


def _standing_penalties(descriptions: list[str], norm: list[str], groups: list[str]) -> np.ndarray:
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
        + 8.0 * (np.array(commodity, dtype=bool) | _with_uppercase_words(descriptions))
    )


def _exact_positions(norm_desc: list[str], sources: np.ndarray) -> dict[str, int]:
    """Normalised description -> food: the best-ranked source, then the first food."""
    rank = [_SOURCE_RANK.get(s, 9) for s in sources]
    exact = dict.fromkeys(norm_desc, 0)
    # Best last, so that it is the one written last.
    for i in reversed(sorted(range(len(norm_desc)), key=rank.__getitem__)):
        exact[norm_desc[i]] = i
    return exact


def _distinct_pairs(
    word_of: np.ndarray, text_of: np.ndarray, n_texts: int
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (word code, text position) pairs, sorted by word, then by text."""
    key = np.sort(word_of.astype(np.int64) * max(n_texts, 1) + text_of)
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    return np.divmod(key[first], max(n_texts, 1))


def _word_pairs(words: list[str], n_texts: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Code the words of :func:`_normalized_words`: the distinct words and :func:`_distinct_pairs`."""
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


def _count_in(postings: dict[str, np.ndarray], words: Iterable[str], n: int) -> np.ndarray:
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
    ignore = _FREE | _STOP
    return {
        "all": food_sizes - _count_in(food_postings, ignore, n),
        "head": head_sizes - _count_in(head_postings, ignore, n),
        "head_noncat": head_sizes - _count_in(head_postings, ignore | _CATEGORY_HEADS, n),
        "head_size": head_sizes,
        "negating": _count_in(food_postings, _NEGATING, n),
        "processed": _count_in(food_postings, _PROCESSED, n),
        "raw": (_count_in(food_postings, ["raw"], n) > 0).astype(np.float64),
    }


def _idf(postings: dict[str, np.ndarray], n_choices: int) -> dict[str, float]:
    """Inverse document frequency of each word, computed once per posting length."""
    by_length = {k: float(np.log(1 + n_choices / k)) for k in {len(v) for v in postings.values()}}
    return {t: by_length[len(v)] for t, v in postings.items()}


def _vocabulary(words: Iterable[str]) -> dict[str, list[str]]:
    """First letter -> known words of three or more letters, sorted, for spelling correction."""
    vocab: dict[str, list[str]] = {}
    for t in sorted(words):
        if len(t) >= 3 and not t.isdigit():
            vocab.setdefault(t[0], []).append(t)
    return vocab


def _build_index(foods: FoodTable) -> _Index:
    known = _ids_for(foods)
    table = foods.foods
    descriptions = known.descriptions.tolist()
    n = len(descriptions)
    blank = np.full(n, "", dtype=object)
    groups = (
        table["group"].fillna("").astype(str).str.lower().to_numpy() if "group" in table else blank
    )
    synonyms = table["synonyms"].to_numpy() if "synonyms" in table else blank
    sources = table["source"].astype(str).to_numpy() if "source" in table else blank
    syn_food, syn_text = _synonyms(synonyms)
    # Descriptions, their first segments and the synonyms: normalised and coded together.
    lines = descriptions + _first_segments(descriptions) + syn_text
    words = _normalized_words(lines)
    normalised = _texts_of(words) if lines else []
    norm_desc = normalised[:n]
    choice_text, choice_food, syn_choice = _choices(norm_desc, syn_food, normalised[2 * n :])
    vocabulary, word_of, line_of = _word_pairs(words, len(lines))
    pairs = (word_of, line_of)
    desc = _lines_between(pairs, 0, n)
    head = _lines_between(pairs, n, 2 * n)
    choice = _choice_pairs(desc, _lines_between(pairs, 2 * n, len(lines)), choice_food, syn_choice)
    postings = _postings(vocabulary, *choice, np.int32)
    food_postings = _postings(vocabulary, *desc)
    head_postings = _postings(vocabulary, *head)
    return _Index(
        ids=known.ids,
        descriptions=known.descriptions,
        penalty=_standing_penalties(descriptions, norm_desc, groups.tolist()),
        choice_text=choice_text,
        choice_food=choice_food,
        choice_len=np.bincount(choice[1], minlength=len(choice_text)).astype(np.float64),
        postings=postings,
        idf=_idf(postings, len(choice_text)),
        exact=_exact_positions(norm_desc, sources),
        vocab=_vocabulary(postings),
        position=known.position,
        food_postings=food_postings,
        head_postings=head_postings,
        counts=_ranking_counts(
            food_postings,
            head_postings,
            np.bincount(desc[1], minlength=n),
            np.bincount(head[1], minlength=n),
        ),
        prep_ok={p: _count_in(food_postings, forms, n) > 0 for p, forms in _PREPARATION.items()},
    )


_EMPTY = np.array([], dtype=np.int64)


def _holding(lists: list[np.ndarray], values: np.ndarray, size: int) -> np.ndarray:
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


def _cached(foods: FoodTable, cache: weakref.WeakKeyDictionary[FoodTable, Any], build: Any) -> Any:
    """``build(foods)``, built once per living FoodTable."""
    value = cache.get(foods)
    if value is None:
        value = cache[foods] = build(foods)
    return value


def _index_for(foods: FoodTable) -> _Index:
    return _cached(foods, _INDEX_CACHE, _build_index)


@dataclass
class _Ids:
    """Food ids, descriptions and positions: all a log that names its food ids needs."""

    ids: np.ndarray
    descriptions: np.ndarray
    position: dict[str, int]


_IDS_CACHE: weakref.WeakKeyDictionary[FoodTable, _Ids] = weakref.WeakKeyDictionary()


def _build_ids(foods: FoodTable) -> _Ids:
    ids = foods.foods.index.astype(str).to_numpy()
    return _Ids(
        ids=ids,
        descriptions=foods.foods["description"].astype(str).to_numpy(),
        position={food_id: i for i, food_id in reversed(list(enumerate(ids)))},
    )


def _ids_for(foods: FoodTable) -> _Ids:
    return _cached(foods, _IDS_CACHE, _build_ids)


# --------------------------------------------------------------------------- matching steps


@dataclass
class _Result:
    position: int | None
    score: float
    method: str
    suggestions: list[tuple[str, str, float]]
    #: (position, score) of foods that may replace ``position`` when it lacks the unit.
    alternates: list[tuple[int, float]] = field(default_factory=list)


def _correct(index: _Index, word: str) -> str | None:
    """Return the known word for ``word``: itself, a spelling correction, or None (unknown)."""
    if word in index.postings or word.isdigit():
        return word
    if word in index.corrections:
        return index.corrections[word]
    fixed: str | None = None
    if len(word) >= 4 and word not in _BRANDS:
        pool = index.vocab.get(word[0], [])
        hits = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=84, limit=5)
        if hits:
            fixed = max(hits, key=lambda h: (h[1], len(index.postings[h[0]])))[0]
    index.corrections[word] = fixed
    return fixed


def _curated_positions(index: _Index) -> dict[str, int]:
    """The curated aliases as food positions of this table (ids it lacks are skipped)."""
    if index.curated is None:
        index.curated = {
            k: index.position[v] for k, v in curated_aliases().items() if v in index.position
        }
    return index.curated


def _curated_alternates_for(index: _Index, key: str) -> list[tuple[int, float]]:
    ids = _curated_alternates().get(key, [])
    return [(index.position[i], 100.0) for i in ids if i in index.position]


def _alias_lookup(
    index: _Index, words: list[str], tables: list[dict[str, int]]
) -> tuple[int, str, bool] | None:
    """Look ``words`` up in the alias tables, dropping cosmetic and satisfied preparation words.

    Returns (food position, alias key, curated?) or None. A preparation word may stand
    before or after the food (``cooked bok choy`` / ``bok choy cooked``).
    """
    core = [w for w in words if w not in _COSMETIC and w not in _BRANDS]
    preps = [w for w in core if w in _PREPARATION]
    plain = [w for w in core if w not in _PREPARATION]
    tries: list[tuple[list[str], list[str]]] = [(words, []), (core, [])]
    if preps:
        tries += [(plain + preps, []), (preps + plain, [])]
    tries.append((plain, preps))
    for n, table in enumerate(tables):
        for candidate, need in tries:
            key = " ".join(candidate)
            pos = table.get(key) if candidate else None
            if pos is not None and all(index.prep_ok[p][pos] for p in need):
                return pos, key, n == 1
    return None


def _candidates(index: _Index, words: list[str], limit: int) -> np.ndarray:
    """Choices sharing the most (idf-weighted) words with ``words``, shorter first on ties."""
    lists = [index.postings[w] for w in words]
    hits = np.concatenate(lists)
    weights = np.repeat([index.idf[w] for w in words], [len(p) for p in lists])
    # Dense over all choices: a bincount and a mark per hit instead of sorting the hits.
    n_choices = len(index.choice_text)
    present = np.zeros(n_choices, dtype=bool)
    present[hits] = True
    uniq = np.flatnonzero(present)
    summed = np.bincount(hits, weights=weights, minlength=n_choices)
    overlap = summed[uniq] - 0.01 * index.choice_len[uniq]
    if len(uniq) > limit:
        top = np.argpartition(-overlap, limit)[:limit]
        return uniq[top[np.argsort(-overlap[top], kind="stable")]]
    return uniq[np.argsort(-overlap, kind="stable")]


def _fuzzy(index: _Index, words: list[str], limit: int = _N_CANDIDATES) -> list[tuple[int, float]]:
    """Rank foods for the known ``words``; return (food position, score 0-100) best first."""
    known = [w for w in dict.fromkeys(words) if w in index.postings and w not in _STOP]
    if not known:
        return []
    take = _candidates(index, known, limit)
    query = " ".join(known)
    texts = [index.choice_text[c] for c in take.tolist()]
    token_set = process.cdist([query], texts, scorer=fuzz.token_set_ratio)[0]
    token_sort = process.cdist([query], texts, scorer=fuzz.token_sort_ratio)[0]
    qset = frozenset(known)
    food = index.choice_food[take]
    c = index.counts
    content = [w for w in known if w not in _FREE]
    # Which candidate choices, their foods and first segments have each word: one search.
    k = len(known)
    rows = _holding(
        [index.postings[w] for w in known]
        + [index.food_postings.get(w, _EMPTY) for w in known]
        + [index.head_postings.get(w, _EMPTY) for w in known],
        np.repeat(np.stack([take, food, food]), k, axis=0),
        max(len(index.choice_text), len(index.ids)),
    )
    in_choice = dict(zip(known, rows[:k], strict=True))
    in_food = dict(zip(known, rows[k : 2 * k], strict=True))
    in_head = dict(zip(known, rows[2 * k :], strict=True))
    zero = np.zeros(len(take))
    q_weight = sum(index.idf[w] for w in known)
    covered = sum((index.idf[w] * in_choice[w] for w in known), zero) / q_weight
    score = (
        60.0 * covered + 0.2 * np.asarray(token_set, float) + 0.2 * np.asarray(token_sort, float)
    )
    head_extra = c["head"][food] - sum((in_head[w] for w in content), zero)
    noncat_extra = c["head_noncat"][food] - sum(
        (in_head[w] for w in content if w not in _CATEGORY_HEADS), zero
    )
    score -= np.where(noncat_extra > 0, 10.0, 3.0) * head_extra
    same_head = (c["head_size"][food] == len(qset)) & (
        sum((in_head[w] for w in known), zero) == len(qset)
    )
    score += 5.0 * same_head
    score -= 15.0 * (c["negating"][food] - sum((in_food[w] for w in known if w in _NEGATING), zero))
    all_extra = c["all"][food] - sum((in_food[w] for w in content), zero)
    score -= 1.0 * (all_extra - head_extra)
    preps = [w for w in known if w in _PREPARATION]
    for p in preps:
        score += np.where(index.prep_ok[p][food], 3.0, -8.0)
    if not preps:
        score -= 6.0 * (
            c["processed"][food] - sum((in_food[w] for w in known if w in _PROCESSED), zero)
        )
        score += 2.0 * c["raw"][food]
    if not qset & _BABY:
        score -= index.penalty[food]
    score = np.clip(score, 0.0, 100.0)
    order = np.lexsort((food, -score))
    best: dict[int, float] = {}  # each food at its best choice
    for f, v in zip(food[order].tolist(), score[order].tolist(), strict=True):
        best.setdefault(f, v)
    return list(best.items())


def _suggest(index: _Index, ranked: list[tuple[int, float]]) -> list[tuple[str, str, float]]:
    return [(str(index.ids[p]), str(index.descriptions[p]), round(s, 1)) for p, s in ranked]


def _match_one(index: _Index, key: str, tables: list[dict[str, int]], threshold: float) -> _Result:
    if not key:
        return _Result(None, 0.0, "none", [])
    user, curated = tables
    if key in user:
        return _Result(user[key], 100.0, "alias", [])
    if key in curated:
        return _Result(curated[key], 100.0, "alias", [], _curated_alternates_for(index, key))
    if key in index.exact:
        return _Result(index.exact[key], 100.0, "exact", [])
    words = [w for w in _BRAND_PHRASES.sub(" ", key).split() if len(w) > 1 or w.isdigit()]
    dropped = len(key.split()) - len(words)
    known: list[str] = []
    for w in words:
        fixed = _correct(index, w) if w not in _BRANDS else None
        if fixed is None:
            dropped += 1
        else:
            dropped += fixed != w
            known.append(fixed)
    found = _alias_lookup(index, known, tables)
    if found is not None:
        pos, alias_key, is_curated = found
        alternates = _curated_alternates_for(index, alias_key) if is_curated else []
        return _Result(pos, max(100.0 - 5.0 * dropped, 50.0), "alias", [], alternates)
    content = [w for w in known if w not in _COSMETIC and w not in _STOP]
    ranked = [(p, max(s - 5.0 * dropped, 0.0)) for p, s in _fuzzy(index, content)]
    if not content or not ranked or ranked[0][1] < threshold:
        if not ranked:
            ranked = _fuzzy(index, [w for w in words if w in index.postings])
        return _Result(
            None, ranked[0][1] if ranked else 0.0, "none", _suggest(index, ranked[:_N_SUGGESTIONS])
        )
    pos, score = ranked[0]
    near = [(p, s) for p, s in ranked[1:] if s >= max(score - _NEAR_TIE, threshold)][:5]
    return _Result(pos, score, "fuzzy", _suggest(index, ranked[1 : 1 + _N_SUGGESTIONS]), near)


def _resolves(
    foods: FoodTable, position: int, index: _Index, unit: str, kind: str, text: str
) -> bool:
    from nutrilog.portions import grams_per_unit

    grams = grams_per_unit(
        str(index.ids[position]),
        unit or None,
        kind if kind not in ("", "bare") else None,
        foods,
        text,
    )[0]
    return bool(np.isfinite(grams))


def _fit_unit(
    result: _Result, foods: FoodTable, index: _Index, unit: str, kind: str, text: str
) -> _Result:
    """Swap the food for an alternate that has a weight for ``unit`` when it has none."""
    if result.position is None or not result.alternates or kind in _FOODLESS_KINDS:
        return result
    if _resolves(foods, result.position, index, unit, kind, text):
        return result
    for pos, score in result.alternates:
        if _resolves(foods, pos, index, unit, kind, text):
            score = result.score if result.method == "alias" else score
            return _Result(pos, score, result.method, result.suggestions)
    return result


def _aligned(values: pd.Series | Iterable[str | None] | None, index: pd.Index) -> pd.Series:
    if values is None:
        return pd.Series("", index=index, dtype=object)
    if isinstance(values, pd.Series):
        out = values.reindex(index)
    else:
        out = pd.Series(list(values), index=index, dtype=object)
    return per_unique(out, lambda u: u.map(lambda v: v if isinstance(v, str) else ""))


def _fit_units(
    keys: pd.Series,
    results: dict[str, _Result],
    row_index: pd.Index,
    units: pd.Series | Iterable[str | None] | None,
    unit_kinds: pd.Series | Iterable[str | None] | None,
    foods: FoodTable,
    index: _Index,
) -> pd.Series:
    """Re-key rows whose food lacks their unit to a ``key + unit`` result with an alternate food."""
    keys = pd.Series(keys.to_numpy(), index=row_index, dtype=object)
    unit = _aligned(units, row_index)
    kind = _aligned(unit_kinds, row_index)
    kind = kind.mask((kind == "") & (unit == ""), "bare")
    has_alt = per_unique(
        keys,
        lambda ks: ks.map(
            lambda k: bool(results[k].alternates) and results[k].position is not None
        ),
    ).astype(bool)
    rows = np.flatnonzero(has_alt.to_numpy())
    codes, triples = distinct_rows(
        {"key": keys.iloc[rows], "unit": unit.iloc[rows], "kind": kind.iloc[rows]}
    )
    refitted = np.full(len(triples), None, dtype=object)  # the new key of each triple, if any
    for j, (key, u, k) in enumerate(
        zip(triples["key"], triples["unit"], triples["kind"], strict=True)
    ):
        fitted = _fit_unit(results[key], foods, index, u, k, key)
        if fitted.position != results[key].position:
            refitted[j] = f"{key}\x00{u}\x00{k}"
            results[refitted[j]] = fitted
    new_keys = keys.to_numpy(dtype=object).copy()
    per_row = refitted[codes]
    changed = per_row != None  # noqa: E711 (element-wise test on an object array)
    new_keys[rows[changed]] = per_row[changed]  # by position: labels may repeat
    return pd.Series(new_keys, index=row_index, dtype=object)


def match_foods(
    texts: pd.Series | Iterable[str],
    foods: FoodTable,
    *,
    aliases: Mapping[str, str] | str | PathLike[str] | None = None,
    food_ids: pd.Series | Iterable[str | None] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    units: pd.Series | Iterable[str | None] | None = None,
    unit_kinds: pd.Series | Iterable[str | None] | None = None,
) -> pd.DataFrame:
    """Match food texts to foods of ``foods``.

    Parameters
    ----------
    texts : Series or iterable of str
        Food words (the ``food`` column of an entries table); may repeat.
    foods : FoodTable
        The food table to match against (:func:`nutrilog.load_foods`).
    aliases : dict, path or None, optional
        The user's own ``{text: food_id}`` aliases, or a CSV with columns ``text,food_id``.
        They take precedence over exact descriptions and the curated alias table.
    food_ids : Series or iterable, optional
        Food ids the source names, aligned with ``texts``; a known id wins over the text.
    threshold : float, optional
        Lowest fuzzy score (0-100) accepted; below it the text is left unmatched.
    units, unit_kinds : Series or iterable, optional
        The entries' canonical unit keys and kinds (the ``unit`` and ``unit_kind``
        columns), aligned with ``texts``. When given, a curated or fuzzy match with no
        weight for the unit written gives way to an alternate that has one (a later
        row of the same curated alias, or a fuzzy candidate within 6 points).

    Returns
    -------
    DataFrame
        Aligned to the index of ``texts``: ``food_id`` (NaN when unmatched),
        ``description``, ``match_score`` (0-100), ``match_method``
        (``id|exact|alias|fuzzy|none``) and ``suggestions``: a list of up to three
        ``(food_id, description, score)`` -- the best candidates of an unmatched text,
        the runners-up of a fuzzy match, empty for the other methods.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> m = match_foods(pd.Series(["bananas", "spinnach"]), load_foods())
    >>> m["food_id"].tolist()
    ['sr28:09040', 'sr28:11457']
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    # The full matching index is built only when some text needs matching: a log
    # that names a known food id on every row needs just the id positions.
    known = _ids_for(foods)
    user_table = read_aliases(aliases) if aliases is not None else {}
    user_positions = {k: known.position[v] for k, v in user_table.items() if v in known.position}
    unknown = [v for v in user_table.values() if v not in known.position]
    if unknown:
        raise DataError(
            f"aliases name food ids that are not in the food table: {sorted(set(unknown))[:5]}"
        )

    n = len(series)
    position = np.full(n, -1, dtype=np.int64)
    score = np.full(n, np.nan)
    method = np.full(n, "none", dtype=object)
    suggestions = np.empty(n, dtype=object)
    suggestions.fill(())  # no suggestions: one shared empty tuple, not a list per row

    # A known id wins over the text: those rows need no text matching at all.
    if food_ids is not None:
        given = _aligned(food_ids, series.index)
        given_pos = per_unique(
            given,
            lambda ids: ids.map(lambda v: known.position.get(str(v).strip(), -1) if v else -1),
        ).to_numpy(dtype=np.int64)
        has_id = given_pos >= 0
        position[has_id] = given_pos[has_id]
        score[has_id] = 100.0
        method[has_id] = "id"
    else:
        has_id = np.zeros(n, dtype=bool)

    todo = ~has_id
    if todo.any():
        index = _index_for(foods)
        tables = [user_positions, _curated_positions(index)]
        sub = series[todo]
        keys = per_unique(
            sub,
            lambda t: pd.Series(_normalize_many(t.fillna("").astype(str).tolist()), dtype=object),
        )
        results: dict[str, _Result] = {
            key: _match_one(index, key, tables, threshold) for key in pd.unique(keys.to_numpy())
        }
        if units is not None or unit_kinds is not None:
            keys = _fit_units(
                keys,
                results,
                sub.index,
                None if units is None else _aligned(units, series.index)[todo],
                None if unit_kinds is None else _aligned(unit_kinds, series.index)[todo],
                foods,
                index,
            )
        codes, distinct = pd.factorize(keys.to_numpy(dtype=object))
        found = [results[k] for k in distinct]
        pos_u = np.array([-1 if r.position is None else r.position for r in found], dtype=np.int64)
        position[todo] = pos_u[codes]
        score[todo] = np.array([r.score for r in found], dtype=float)[codes]
        method[todo] = np.array([r.method for r in found], dtype=object)[codes]
        sugg_u = np.empty(len(found), dtype=object)
        sugg_u[:] = [list(r.suggestions) for r in found]
        rows = np.flatnonzero(todo)
        suggestions[rows] = [list(sugg_u[c]) for c in codes]

    food_id = np.full(n, np.nan, dtype=object)
    description = np.full(n, np.nan, dtype=object)
    matched = position >= 0
    if matched.any():
        food_id[matched] = known.ids[position[matched]]
        description[matched] = known.descriptions[position[matched]]
    return pd.DataFrame(
        {
            "food_id": food_id,
            "description": description,
            "match_score": score,
            "match_method": method,
            "suggestions": suggestions,
        },
        index=series.index,
    )
