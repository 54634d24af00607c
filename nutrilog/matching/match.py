"""Matching food texts to foods: the steps each distinct text goes through.

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
5. ``fuzzy`` -- a ranked token search over descriptions and synonyms
   (:mod:`nutrilog.matching.ranking`);
6. ``none`` -- nothing scored at least ``threshold``: ``food_id`` is NaN and
   ``suggestions`` lists the three best candidates. There is never a silent low-score pick.

When the entries' units are given (``units=``, ``unit_kinds=``), a food that has no
weight for the unit written is swapped for one that has, if there is one just as good:
a later row of the same curated alias (``french fries`` is oven-heated fries, but
``1 medium french fries`` takes the fast-food fries that come in small, medium and large
orders), or a fuzzy candidate scoring within ``_NEAR_TIE`` points of the winner.

Alias look-ups drop cosmetic words (``chopped``, ``fresh``, ``organic``), brand and
other words that are unknown to the food table (``"Publix"``, ``"Trader Joe's"``), and a
preparation word (``raw``, ``cooked``, ``baked``...) when the alias's food is prepared
that way; otherwise the preparation selects the matching form in the fuzzy search.
Misspelt words (``"bananna"``) are corrected to the nearest word of the food table first.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> m = match_foods(["Spinach, raw", "cooked quinao"], load_foods())
>>> m[["match_method", "assumptions"]].values.tolist()
[['exact', ''], ['alias', 'spelling: quinao → quinoa']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog._checks import food_table_argument
from nutrilog._vector import distinct_rows, per_unique
from nutrilog.assumptions import join_assumptions
from nutrilog.errors import DataError
from nutrilog.matching.aliases import curated_aliases, curated_alternates, read_aliases
from nutrilog.matching.index import (
    EMPTY,
    FoodIndex,
    any_flavour,
    foods_holding,
    ids_for,
    index_for,
    isin_sorted,
    named_by,
    plain_words,
    same_words,
)
from nutrilog.matching.ranking import fuzzy, suggest
from nutrilog.matching.reading import Reading, plain_key, read_key
from nutrilog.matching.synonyms import (
    Brand,
    PhraseTable,
    Synonym,
    brand_table,
    read_brands,
    read_synonyms,
    synonym_table,
)
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many, segmented_keys

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = ["DEFAULT_THRESHOLD", "MATCH_COLUMNS", "Matcher", "key_of", "match_foods"]

#: Lowest fuzzy score (0-100) accepted as a match.
DEFAULT_THRESHOLD: float = 72.0
#: Columns of the table :func:`match_foods` returns.
MATCH_COLUMNS: list[str] = [
    "food_id",
    "description",
    "match_score",
    "match_method",
    "suggestions",
    "assumptions",
]

#: Fuzzy candidates this close to the winner may replace it when only they resolve the unit.
_NEAR_TIE = 6.0
#: Unit kinds whose grams never depend on the food.
_FOODLESS_KINDS = frozenset({"mass", "vague", "activity"})
_N_SUGGESTIONS = 3
#: Points a match loses per corrected word, per word of the head segment no food uses,
#: and for an alias found in the head segment alone.
_CORRECTED = 3.0
_UNKNOWN = 5.0
_OTHER_SEGMENTS = 5.0
#: Points a match loses per flavour word read off a food of any flavour, and per
#: light word that no food holding the head word has.
_FLAVOUR = 3.0
_IDLE = 1.0
#: Fuzzy scores under this are weak: the food's own name must then be in the text.
_WEAK_FUZZY = 80.0
#: Where a description's name ends: its first comma, semicolon or parenthesis.
_NAME_END = re.compile(r"[,;(]")
#: Words after which a description no longer names the food but a side or a method.
_NAME_STOPS = frozenset({"with", "without", "on", "in", "from", "made", "prepared", "for"})
#: Candidates scored when only foods holding the head word compete (fewer are needed).
_HEADED_CANDIDATES = 25


@dataclass
class _Result:
    position: int | None
    score: float
    method: str
    suggestions: list[tuple[str, str, float]]
    #: (position, score) of foods that may replace ``position`` when it lacks the unit.
    alternates: list[tuple[int, float]] = field(default_factory=list)
    #: ``(tag, detail)`` of what was assumed to reach the food.
    assumptions: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Tables:
    """The alias, synonym and brand tables one call of :func:`match_foods` uses."""

    user: dict[str, int]
    curated: dict[str, int]
    synonyms: PhraseTable[Synonym]
    brands: PhraseTable[Brand]


def _curated_positions(index: FoodIndex) -> dict[str, int]:
    """The curated aliases as food positions of this table (ids it lacks are skipped)."""
    if index.curated is None:
        index.curated = {
            k: index.position[v] for k, v in curated_aliases().items() if v in index.position
        }
    return index.curated


def _curated_alternates_for(index: FoodIndex, key: str) -> list[tuple[int, float]]:
    ids = curated_alternates().get(key, [])
    return [(index.position[i], 100.0) for i in ids if i in index.position]


def _alias_lookup(
    index: FoodIndex, words: list[str], tables: _Tables
) -> tuple[int, str, bool] | None:
    """Look ``words`` up in the alias tables, dropping cosmetic and satisfied preparation words.

    Returns (food position, alias key, curated?) or None. A preparation word may stand
    before or after the food (``cooked bok choy`` / ``bok choy cooked``).
    """
    vocab = matcher_words()
    core = [w for w in words if w not in vocab.cosmetic]
    preps = [w for w in core if w in vocab.preparation]
    plain = [w for w in core if w not in vocab.preparation]
    tries: list[tuple[list[str], list[str]]] = [(words, []), (core, [])]
    if preps:
        tries += [(plain + preps, []), (preps + plain, [])]
    tries.append((plain, preps))
    for n, table in enumerate((tables.user, tables.curated)):
        for candidate, need in tries:
            key = " ".join(candidate)
            pos = table.get(key) if candidate else None
            if pos is not None and all(index.prep_ok[p][pos] for p in need):
                return pos, key, n == 1
    return None


def _alias_result(index: FoodIndex, found: tuple[int, str, bool], penalty: float) -> _Result:
    pos, alias_key, is_curated = found
    alternates = _curated_alternates_for(index, alias_key) if is_curated else []
    return _Result(pos, max(100.0 - penalty, 50.0), "alias", [], alternates)


def _names_another_food(index: FoodIndex, reading: Reading, position: int) -> bool:
    """Whether the name of a food (its description up to the first comma, less category
    words such as ``Beverages`` or ``Cheese``) has a word the text lacks: a weak match on
    a shared word (``poke bowl`` -> ``Pokeberry shoots``, ``pint of bitter`` -> ``Bitter
    melon``) lands on another food."""
    vocab = matcher_words()
    said = set(reading.words()) | {w for seg in reading.written for w in seg}
    if reading.brands and index.branded[position]:
        return False  # a brand written and found in capitals: the brand's own item
    segments = _NAME_END.split(str(index.descriptions[position]))
    for at, segment in enumerate(segments):
        # brand words in capitals (``KEEBLER``, ``McDONALD'S``) are no food's name
        name = " ".join(w for w in segment.split() if not _in_capitals(w))
        words = normalize_many([name])[0].split()
        if not words:
            continue  # a brand alone names the food in the next segment
        # the name ends where a side or a method starts (``sub on white bread``)
        ends = [n for n, w in enumerate(words) if w in _NAME_STOPS and n > 0]
        words = words[: ends[0]] if ends else words
        # either of two alternatives will do (``Macaroni or pasta salad``)
        for n in range(1, len(words) - 1):
            if words[n] == "or" and (words[n - 1] in said or words[n + 1] in said):
                said |= {words[n - 1], words[n + 1]}
        missing = [
            w
            for w in words
            if w not in said
            and w not in vocab.category_heads
            and w not in vocab.cosmetic
            and w not in vocab.stop
            and not w.isdigit()
        ]
        if missing and len(words) == 1 and at + 1 < len(segments):
            # a one-word kind before the food (``Coffee, Iced Latte``, ``Apples, raw,
            # red delicious``): the text's head word in the next segment names it
            later = normalize_many([" ".join(segments[at + 1 :])])[0].split()
            return reading.head not in later
        return bool(missing)
    return False


def _in_capitals(word: str) -> bool:
    """A word written mostly in capitals, as USDA writes brands."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and 2 * capitals >= len(letters)


def _head_segment_alias(
    index: FoodIndex, reading: Reading, tables: _Tables
) -> tuple[int, str, bool] | None:
    """An alias of the head segment alone (``Tomato Raw, Includes Cherry, Grape``), when
    the alias's food is prepared as the other segments say (``Eggs, Cooked`` is not the
    raw egg of the alias ``eggs``)."""
    if reading.head_segment < 0:
        return None
    others = [seg for n, seg in enumerate(reading.segments) if n != reading.head_segment]
    if not others:
        return None
    words = [w for w, role in reading.segments[reading.head_segment] if role != "unknown"]
    found = _alias_lookup(index, words, tables)
    if found is None and reading.written:
        found = _alias_lookup(index, reading.written[reading.head_segment], tables)
    if found is None:
        return None
    preparation = matcher_words().preparation
    needed = [w for seg in others for w, _ in seg if w in preparation and w in index.prep_ok]
    return found if all(index.prep_ok[w][found[0]] for w in needed) else None


def _compounds(index: FoodIndex, word: str, neighbours: list[str]) -> list[str]:
    """Known compounds ``word`` makes with a neighbouring word (``flax`` + ``seed``)."""
    return [
        compound
        for other in neighbours
        for compound in (word + other, other + word)
        if compound in index.postings
    ]


def _foods_of_word(index: FoodIndex, word: str, by: Any) -> np.ndarray:
    """Sorted foods holding ``word`` in any of its endings (``by`` finds a word's foods)."""
    cache = index.holders_by.setdefault(by.__name__, {})
    found = cache.get(word)
    if found is None:
        holders = [by(index, v) for v in same_words(index, word)]
        found = np.unique(np.concatenate(holders)) if len(holders) > 1 else (holders or [EMPTY])[0]
        cache[word] = found
    return found


def _allowed(index: FoodIndex, reading: Reading, by: Any = None) -> np.ndarray | None:
    """Sorted positions of the foods that hold every required word of ``reading``
    (None when there is no requirement).

    A word is held in any of its endings (``brewed`` holds ``brew``) or in a compound
    with a neighbouring word (``flaxseed`` holds ``flax`` and ``seed``). ``by`` finds
    the foods of a word (default: description or synonyms hold it).
    """
    required = reading.required()
    if not required:
        return None
    by = foods_holding if by is None else by
    neighbours = reading.words("core", "unknown")
    found: np.ndarray | None = None
    for word in required:
        has = _foods_of_word(index, word, by)
        compounds = _compounds(index, word, neighbours)
        if compounds:
            has = np.unique(np.concatenate([has, *(by(index, c) for c in compounds)]))
        found = has if found is None else np.intersect1d(found, has, assume_unique=True)
    return EMPTY if found is None else found


def _named(index: FoodIndex, reading: Reading) -> np.ndarray | None:
    """Mask of the foods whose name has the head word (in any of its forms)."""
    if reading.head is None or reading.unknown_head:
        return None
    head_only = Reading(reading.segments, head=reading.head)
    return _allowed(index, head_only, named_by)


def _flavours(
    index: FoodIndex,
    reading: Reading,
    words: list[str],
    allowed: np.ndarray,
    in_allowed: np.ndarray,
) -> list[str]:
    """Words no allowed food has, when one of them is of any flavour (FNDDS "Jam,
    preserve, all flavors" for ``strawberry jam``): the word is the flavour."""
    if not any_flavour(index)[allowed].any():
        return []
    required = set(reading.required())
    return [
        w
        for w in words
        if w not in required
        and w in index.postings
        and not in_allowed[foods_holding(index, w)].any()
    ]


def _cooked_instead(index: FoodIndex, words: list[str], allowed: np.ndarray) -> list[str]:
    """A way of cooking no allowed food is described with (``roasted`` eggplant) reads as
    ``cooked``: the food cooked some other way is the best there is."""
    preparation = matcher_words().preparation
    cooking = preparation.get("cooked", frozenset())
    if "cooked" not in index.prep_ok:
        return words
    out = []
    for w in words:
        ways = preparation.get(w)
        if (
            ways is not None
            and w != "cooked"
            and (w in cooking or ways & cooking)
            and not index.prep_ok[w][allowed].any()
            and index.prep_ok["cooked"][allowed].any()
        ):
            w = "cooked"
        out.append(w)
    return list(dict.fromkeys(out))


def _text_assumptions(index: FoodIndex, reading: Reading, food: int) -> list[tuple[str, str]]:
    """The spelling corrections the matched food uses (a correction it does not hold
    assumed nothing), and the synonyms read."""
    used = [
        (a, b)
        for a, b in reading.corrections
        if isin_sorted(np.array([food]), _foods_of_word(index, b, foods_holding))[0]
    ]
    return [("spelling", f"{a} \u2192 {b}") for a, b in used] + [
        ("synonym", f"{a} \u2192 {b}") for a, b in reading.synonyms
    ]


def _with_brand(result: _Result, index: FoodIndex, brands: list[Brand], key: str) -> _Result:
    """The result, with a ``brand`` assumption when brand words were read as a food."""
    if result.position is not None and brands:
        written = plain_key(key)
        for brand in brands:
            written = written.replace(normalize_many([brand.brand])[0], brand.brand, 1)
        result.assumptions.append(
            ("brand", f"{written} \u2192 {index.descriptions[result.position]}")
        )
    return result


def _none(index: FoodIndex, ranked: list[tuple[int, float]]) -> _Result:
    return _Result(
        None, ranked[0][1] if ranked else 0.0, "none", suggest(index, ranked[:_N_SUGGESTIONS])
    )


def _match_one(index: FoodIndex, key: str, tables: _Tables, threshold: float) -> _Result:
    plain = plain_key(key)
    if not plain:
        return _Result(None, 0.0, "none", [])
    if plain in tables.user:
        return _Result(tables.user[plain], 100.0, "alias", [])
    if plain in tables.curated:
        found = _Result(
            tables.curated[plain], 100.0, "alias", [], _curated_alternates_for(index, plain)
        )
        # an everyday name that carries a brand (``chipotle chicken burrito``) is
        # still a brand read as its generic food: say so
        named = [
            brand for _, _, brand in tables.brands.find(plain.split()) if brand.kind != "store"
        ]
        return _with_brand(found, index, named, key)
    if plain in index.exact:
        return _Result(index.exact[plain], 100.0, "exact", [])
    reading = read_key(index, key, tables.synonyms, tables.brands)
    if reading.head is None and reading.brands:
        generic = " ".join(b.generic for b in reading.brands if b.generic)
        if generic:
            brands = reading.brands
            reading = read_key(index, normalize_many([generic])[0], tables.synonyms)
            reading.brands = brands
    result = _match_reading(index, reading, tables, threshold)
    if result.position is not None:
        result.assumptions = _text_assumptions(index, reading, result.position) + result.assumptions
    return _with_brand(result, index, reading.brands, key)


def _match_reading(
    index: FoodIndex, reading: Reading, tables: _Tables, threshold: float
) -> _Result:
    """Alias look-up, then the fuzzy ranking under the head-word rule."""
    known = reading.words()
    content = reading.words("core", "qualifier", "number")
    light = reading.light()
    if reading.unknown_head:
        # the food is one the table lacks (``guayusa tea``): no alias of the other words
        return _none(index, fuzzy(index, content, light=light))
    penalty = _CORRECTED * len(reading.corrections) + _UNKNOWN * reading.unknown_in_head()
    found = _alias_lookup(index, known, tables)
    if found is None:
        written = [w for seg in reading.written for w in seg]
        found = _alias_lookup(index, written, tables) if written != known else None
    if found is not None:
        return _alias_result(index, found, penalty)
    prefer = [list(normalize_many([b.brand])[0].split()) for b in reading.brands]
    if reading.head is None:
        return _none(index, fuzzy(index, content, light=light))
    allowed = _allowed(index, reading)
    named = _named(index, reading)
    if allowed is not None:
        # a word only brands and synonyms use (``bell`` of TACO BELL) that no allowed
        # food has tells the allowed foods apart no better than an unknown word
        in_allowed = np.zeros(len(index.ids), dtype=bool)
        in_allowed[allowed] = True
        plain = plain_words(index)
        stray = [
            w for w in content if w not in plain and not in_allowed[foods_holding(index, w)].any()
        ]
        content = [w for w in content if w not in stray]
        penalty += _UNKNOWN * len(stray)
        flavours = _flavours(index, reading, content, allowed, in_allowed)
        content = [w for w in content if w not in flavours]
        penalty += _FLAVOUR * len(flavours)
        # a qualifier or a word of another segment that no allowed food has
        # (``double`` espresso) tells them apart no better than no word
        idle = [
            w
            for w in content
            if w in light
            and w not in index.prep_ok
            and not in_allowed[foods_holding(index, w)].any()
        ]
        content = [w for w in content if w not in idle]
        penalty += _IDLE * len(idle)
        content = _cooked_instead(index, content, allowed)
    ranked = [
        (p, max(s - penalty, 0.0))
        for p, s in fuzzy(
            index,
            content,
            _HEADED_CANDIDATES,
            light=light,
            prefer=prefer,
            allowed=allowed,
            named=named,
            head=reading.head,
        )
    ]
    if not ranked or ranked[0][1] < threshold:
        # an alias of the head segment alone (``Black Pepper, Ground``) is next best
        found = _head_segment_alias(index, reading, tables)
        if found is not None:
            return _alias_result(index, found, penalty + _OTHER_SEGMENTS)
        if not ranked:
            ranked = fuzzy(index, content, light=light)
        return _none(index, ranked)
    pos, score = ranked[0]
    if score < _WEAK_FUZZY and _names_another_food(index, reading, pos):
        return _none(index, ranked)
    near = [(p, s) for p, s in ranked[1:] if s >= max(score - _NEAR_TIE, threshold)][:5]
    return _Result(pos, score, "fuzzy", suggest(index, ranked[1 : 1 + _N_SUGGESTIONS]), near)


def _resolves(
    foods: FoodTable, position: int, index: FoodIndex, unit: str, kind: str, text: str
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
    result: _Result, foods: FoodTable, index: FoodIndex, unit: str, kind: str, text: str
) -> _Result:
    """Swap the food for an alternate that has a weight for ``unit`` when it has none."""
    if result.position is None or not result.alternates or kind in _FOODLESS_KINDS:
        return result
    if _resolves(foods, result.position, index, unit, kind, text):
        return result
    for pos, score in result.alternates:
        if _resolves(foods, pos, index, unit, kind, text):
            score = result.score if result.method == "alias" else score
            return _Result(
                pos, score, result.method, result.suggestions, assumptions=result.assumptions
            )
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
    index: FoodIndex,
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
    synonyms: PhraseTable[Synonym] | Iterable[Synonym] | None = None,
    brands: PhraseTable[Brand] | Iterable[Brand] | None = None,
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
    synonyms, brands : table or rows, optional
        The synonym and brand tables (:class:`~nutrilog.matching.synonyms.Synonym`,
        :class:`~nutrilog.matching.synonyms.Brand` rows); default the packaged
        ``datasets/synonyms.csv`` and ``datasets/brands.csv``.

    Returns
    -------
    DataFrame
        Aligned to the index of ``texts``: ``food_id`` (NaN when unmatched),
        ``description``, ``match_score`` (0-100), ``match_method``
        (``id|exact|alias|fuzzy|none``) and ``suggestions``: a list of up to three
        ``(food_id, description, score)`` -- the best candidates of an unmatched text,
        the runners-up of a fuzzy match, empty for the other methods; ``assumptions``:
        what was assumed to reach the food, ``"; "``-separated ``tag: detail`` items
        (``spelling: quinao \u2192 quinoa``, ``synonym: aubergine \u2192 eggplant``,
        ``brand: chobani \u2192 Yogurt, Greek, ...``), empty when nothing was.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> m = match_foods(pd.Series(["bananas", "spinnach"]), load_foods())
    >>> m["food_id"].tolist()
    ['sr28:09040', 'sr28:11457']
    """
    food_table_argument(foods)
    matcher = Matcher(foods, aliases=aliases, threshold=threshold, synonyms=synonyms, brands=brands)
    return matcher.match(texts, food_ids=food_ids, units=units, unit_kinds=unit_kinds)


class Matcher:
    """Matches food texts against one food table with one set of tables, remembering keys.

    :func:`match_foods` is ``Matcher(...).match(...)``; the analysis keeps one matcher
    for the entry understanding (:mod:`nutrilog.matching.entry`) and the matching, so a
    text is read once.

    Parameters are those of :func:`match_foods`.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> matcher = Matcher(load_foods())
    >>> matcher.result(key_of("cooked quinao")).assumptions
    [('spelling', 'quinao \u2192 quinoa')]
    """

    def __init__(
        self,
        foods: FoodTable,
        *,
        aliases: Mapping[str, str] | str | PathLike[str] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        synonyms: PhraseTable[Synonym] | Iterable[Synonym] | None = None,
        brands: PhraseTable[Brand] | Iterable[Brand] | None = None,
    ) -> None:
        self.foods = foods
        # The full matching index is built only when some text needs matching: a log
        # that names a known food id on every row needs just the id positions.
        self.known = ids_for(foods)
        user_table = read_aliases(aliases) if aliases is not None else {}
        unknown = [v for v in user_table.values() if v not in self.known.position]
        if unknown:
            raise DataError(
                f"aliases name food ids that are not in the food table: {sorted(set(unknown))[:5]}"
            )
        self.user = {k: self.known.position[v] for k, v in user_table.items()}
        self.threshold = threshold
        self._given = (synonyms, brands)
        self._tables: _Tables | None = None
        self.results: dict[str, _Result] = {}
        self._readings: dict[str, Reading] = {}

    @property
    def index(self) -> FoodIndex:
        """The matching index of the food table."""
        return index_for(self.foods)

    @property
    def tables(self) -> _Tables:
        """The alias, synonym and brand tables."""
        if self._tables is None:
            synonyms, brands = self._given
            self._tables = _Tables(
                self.user,
                _curated_positions(self.index),
                _phrase_table(synonyms, read_synonyms, synonym_table),
                _phrase_table(brands, read_brands, brand_table),
            )
        return self._tables

    def result(self, key: str) -> _Result:
        """The match of a key (:func:`key_of`), worked out once."""
        found = self.results.get(key)
        if found is None:
            found = self.results[key] = _match_one(self.index, key, self.tables, self.threshold)
        return found

    def reading(self, key: str) -> Reading:
        """How a key reads (:func:`~nutrilog.matching.reading.read_key`), worked out once."""
        found = self._readings.get(key)
        if found is None:
            tables = self.tables
            found = self._readings[key] = read_key(self.index, key, tables.synonyms, tables.brands)
        return found

    def accepted(self, key: str) -> bool:
        """Whether a key lands on a food."""
        return self.result(key).position is not None

    def description(self, key: str) -> str:
        """The description of the food a key lands on (``""`` when none)."""
        position = self.result(key).position
        return "" if position is None else str(self.known.descriptions[position])

    def holds(self, key: str, part_key: str) -> bool:
        """Whether the food ``key`` lands on holds the food words of ``part_key``."""
        return self._among(key, _allowed(self.index, self.reading(part_key)))

    def named(self, key: str, part_key: str) -> bool:
        """Whether the name of the food ``key`` lands on has the head word of ``part_key``."""
        return self._among(key, _named(self.index, self.reading(part_key)))

    def _among(self, key: str, foods: np.ndarray | None) -> bool:
        """Whether the food ``key`` lands on is one of ``foods`` (sorted positions)."""
        position = self.result(key).position
        if position is None or foods is None:
            return False
        return bool(isin_sorted(np.array([position]), foods)[0])

    def description_words(self, key: str) -> list[str]:
        """The normalised words of the description of the food ``key`` lands on."""
        position = self.result(key).position
        if position is None:
            return []
        return normalize_many([str(self.known.descriptions[position])])[0].split()

    def match(
        self,
        texts: pd.Series | Iterable[str],
        *,
        food_ids: pd.Series | Iterable[str | None] | None = None,
        units: pd.Series | Iterable[str | None] | None = None,
        unit_kinds: pd.Series | Iterable[str | None] | None = None,
    ) -> pd.DataFrame:
        """The table of :func:`match_foods` for ``texts``."""
        series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
        known = self.known
        n = len(series)
        position = np.full(n, -1, dtype=np.int64)
        score = np.full(n, np.nan)
        method = np.full(n, "none", dtype=object)
        suggestions = np.empty(n, dtype=object)
        suggestions.fill(())  # no suggestions: one shared empty tuple, not a list per row
        assumptions = np.full(n, "", dtype=object)

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
            sub = series[todo]
            keys = per_unique(
                sub,
                lambda t: pd.Series(
                    segmented_keys(t.fillna("").astype(str).tolist()), dtype=object
                ),
            )
            for key in pd.unique(keys.to_numpy()):
                self.result(key)
            if units is not None or unit_kinds is not None:
                keys = _fit_units(
                    keys,
                    self.results,
                    sub.index,
                    None if units is None else _aligned(units, series.index)[todo],
                    None if unit_kinds is None else _aligned(unit_kinds, series.index)[todo],
                    self.foods,
                    self.index,
                )
            codes, distinct = pd.factorize(keys.to_numpy(dtype=object))
            found = [self.results[k] for k in distinct]
            pos_u = np.array(
                [-1 if r.position is None else r.position for r in found], dtype=np.int64
            )
            position[todo] = pos_u[codes]
            score[todo] = np.array([r.score for r in found], dtype=float)[codes]
            method[todo] = np.array([r.method for r in found], dtype=object)[codes]
            sugg_u = np.empty(len(found), dtype=object)
            sugg_u[:] = [list(r.suggestions) for r in found]
            rows = np.flatnonzero(todo)
            suggestions[rows] = [list(sugg_u[c]) for c in codes]
            assumed = np.array([join_assumptions(r.assumptions) for r in found], dtype=object)
            assumptions[rows] = assumed[codes]

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
                "assumptions": assumptions,
            },
            index=series.index,
        )


def key_of(text: str) -> str:
    """The key a food text is matched by: normalised words, segments marked.

    Examples
    --------
    >>> key_of("Black Pepper, Ground")
    'black pepper , ground'
    """
    return segmented_keys([str(text)])[0]


def _phrase_table(given: Any, read: Any, packaged: Any) -> Any:
    if given is None:
        return packaged()
    return given if isinstance(given, PhraseTable) else read(given)


def match_one(text: str, foods: FoodTable | None = None) -> pd.Series:
    """Match one food text: the row :func:`match_foods` gives for it.

    A convenience for trying the matcher on one text; work on many texts with
    :func:`match_foods`, which reads each distinct text once.

    Parameters
    ----------
    text : str
    foods : FoodTable, optional
        Defaults to the bundled table (:func:`nutrilog.foods.load_foods`).

    Returns
    -------
    pandas.Series
        The columns of :data:`MATCH_COLUMNS`.

    Examples
    --------
    >>> row = match_one("Bananas")
    >>> row["food_id"], row["match_method"]
    ('sr28:09040', 'alias')
    """
    from nutrilog._checks import kind_argument
    from nutrilog.foods import load_foods

    kind_argument("text", text, str, "a str")
    return match_foods([text], load_foods() if foods is None else foods).iloc[0]
