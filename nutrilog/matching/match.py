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
>>> m = match_foods(["Bananas", "2% milk", "xqzzv blorb"], load_foods())
>>> m["match_method"].tolist()
['alias', 'alias', 'none']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from os import PathLike
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from nutrilog._vector import distinct_rows, per_unique
from nutrilog.errors import DataError
from nutrilog.matching.aliases import curated_aliases, curated_alternates, read_aliases
from nutrilog.matching.index import FoodIndex, ids_for, index_for
from nutrilog.matching.ranking import fuzzy, suggest
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = ["DEFAULT_THRESHOLD", "MATCH_COLUMNS", "match_foods"]

#: Lowest fuzzy score (0-100) accepted as a match.
DEFAULT_THRESHOLD: float = 72.0
#: Columns of the table :func:`match_foods` returns.
MATCH_COLUMNS: list[str] = ["food_id", "description", "match_score", "match_method", "suggestions"]

#: Fuzzy candidates this close to the winner may replace it when only they resolve the unit.
_NEAR_TIE = 6.0
#: Unit kinds whose grams never depend on the food.
_FOODLESS_KINDS = frozenset({"mass", "vague", "activity"})
_N_SUGGESTIONS = 3


@lru_cache(maxsize=1)
def _store_brands() -> tuple[frozenset[str], re.Pattern[str]]:
    """Single-word store brands, and a pattern for the phrases among them (on keys)."""
    brands = matcher_words().store_brands
    single = frozenset(b for b in brands if " " not in b and b.isalpha())
    phrases = sorted(
        {k for k in normalize_many(list(brands)) if k not in single}, key=len, reverse=True
    )
    return single, re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")


@dataclass
class _Result:
    position: int | None
    score: float
    method: str
    suggestions: list[tuple[str, str, float]]
    #: (position, score) of foods that may replace ``position`` when it lacks the unit.
    alternates: list[tuple[int, float]] = field(default_factory=list)


def _correct(index: FoodIndex, word: str) -> str | None:
    """Return the known word for ``word``: itself, a spelling correction, or None (unknown)."""
    if word in index.postings or word.isdigit():
        return word
    if word in index.corrections:
        return index.corrections[word]
    fixed: str | None = None
    if len(word) >= 4 and word not in _store_brands()[0]:
        pool = index.vocab.get(word[0], [])
        hits = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=84, limit=5)
        if hits:
            fixed = max(hits, key=lambda h: (h[1], len(index.postings[h[0]])))[0]
    index.corrections[word] = fixed
    return fixed


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
    index: FoodIndex, words: list[str], tables: list[dict[str, int]]
) -> tuple[int, str, bool] | None:
    """Look ``words`` up in the alias tables, dropping cosmetic and satisfied preparation words.

    Returns (food position, alias key, curated?) or None. A preparation word may stand
    before or after the food (``cooked bok choy`` / ``bok choy cooked``).
    """
    vocab = matcher_words()
    brands = _store_brands()[0]
    core = [w for w in words if w not in vocab.cosmetic and w not in brands]
    preps = [w for w in core if w in vocab.preparation]
    plain = [w for w in core if w not in vocab.preparation]
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


def _match_one(
    index: FoodIndex, key: str, tables: list[dict[str, int]], threshold: float
) -> _Result:
    if not key:
        return _Result(None, 0.0, "none", [])
    user, curated = tables
    if key in user:
        return _Result(user[key], 100.0, "alias", [])
    if key in curated:
        return _Result(curated[key], 100.0, "alias", [], _curated_alternates_for(index, key))
    if key in index.exact:
        return _Result(index.exact[key], 100.0, "exact", [])
    vocab = matcher_words()
    brands, brand_phrases = _store_brands()
    words = [w for w in brand_phrases.sub(" ", key).split() if len(w) > 1 or w.isdigit()]
    dropped = len(key.split()) - len(words)
    known: list[str] = []
    for w in words:
        fixed = _correct(index, w) if w not in brands else None
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
    content = [w for w in known if w not in vocab.cosmetic and w not in vocab.stop]
    ranked = [(p, max(s - 5.0 * dropped, 0.0)) for p, s in fuzzy(index, content)]
    if not content or not ranked or ranked[0][1] < threshold:
        if not ranked:
            ranked = fuzzy(index, [w for w in words if w in index.postings])
        return _Result(
            None, ranked[0][1] if ranked else 0.0, "none", suggest(index, ranked[:_N_SUGGESTIONS])
        )
    pos, score = ranked[0]
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
    known = ids_for(foods)
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
        index = index_for(foods)
        tables = [user_positions, _curated_positions(index)]
        sub = series[todo]
        keys = per_unique(
            sub,
            lambda t: pd.Series(normalize_many(t.fillna("").astype(str).tolist()), dtype=object),
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
