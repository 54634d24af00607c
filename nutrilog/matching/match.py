"""Matching food texts to foods: :func:`match_foods` and the :class:`Matcher` behind it.

:func:`match_foods` works on the *unique* normalised texts of a column and joins the
result back, so a log of a million rows that repeats a few hundred foods costs a few
hundred look-ups (:func:`~nutrilog.matching.steps.key_steps`, once per text, the
rankings of many texts scored together by :mod:`~nutrilog.matching.rounds`; the
unit fit of :mod:`~nutrilog.matching.unit_fit`, once per text and unit). Each text
goes through these steps, first hit wins:

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
orders), or a fuzzy candidate scoring within 6 points of the winner.

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

from collections.abc import Iterable, Mapping
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog._checks import food_table_argument, same_length, texts_argument
from nutrilog._vector import per_unique
from nutrilog.assumptions import join_assumptions
from nutrilog.errors import DataError
from nutrilog.matching.aliases import read_aliases
from nutrilog.matching.allowed import allowed_foods, named_foods
from nutrilog.matching.confidence import judged
from nutrilog.matching.index import FoodIndex, ids_for, index_for
from nutrilog.matching.lookup import isin_sorted
from nutrilog.matching.reading import Reading, read_key
from nutrilog.matching.rounds import in_rounds
from nutrilog.matching.steps import (
    MatchResult,
    MatchTables,
    curated_positions,
    curated_word_sets,
    key_steps,
    match_key,
)
from nutrilog.matching.synonyms import (
    Brand,
    PhraseTable,
    Synonym,
    brand_table,
    read_brands,
    read_synonyms,
    synonym_table,
)
from nutrilog.matching.unit_fit import aligned_texts, fit_units
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
    texts_argument("texts", texts)
    same_length(texts=texts, food_ids=food_ids, units=units, unit_kinds=unit_kinds)
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
        self._tables: MatchTables | None = None
        self.results: dict[str, MatchResult] = {}
        self._readings: dict[str, Reading] = {}

    @property
    def index(self) -> FoodIndex:
        """The matching index of the food table."""
        return index_for(self.foods)

    @property
    def tables(self) -> MatchTables:
        """The alias, synonym and brand tables."""
        if self._tables is None:
            synonyms, brands = self._given
            self._tables = MatchTables(
                self.user,
                curated_positions(self.index),
                _phrase_table(synonyms, read_synonyms, synonym_table),
                _phrase_table(brands, read_brands, brand_table),
                curated_word_sets(self.index),
            )
        return self._tables

    def result(self, key: str) -> MatchResult:
        """The match of a key (:func:`key_of`), worked out once; a doubtful one is left
        unmatched with its food as the first suggestion (:mod:`~nutrilog.matching.confidence`)."""
        found = self.results.get(key)
        if found is None:
            index = self.index
            found = match_key(index, key, self.tables, self.threshold)
            found = self.results[key] = judged(index, found)
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
        return self._among(key, allowed_foods(self.index, self.reading(part_key)))

    def named(self, key: str, part_key: str) -> bool:
        """Whether the name of the food ``key`` lands on has the head word of ``part_key``."""
        return self._among(key, named_foods(self.index, self.reading(part_key)))

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
            given = aligned_texts(food_ids, series.index)
            position_of = known.position.get
            given_pos = per_unique(
                given,  # each distinct id looked up once, in one comprehension
                lambda ids: pd.Series(
                    [position_of(str(v).strip(), -1) if v else -1 for v in ids.tolist()],
                    index=ids.index,
                    dtype=np.int64,
                ),
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
            # the keys run together, their rankings scored in rounds
            new = [k for k in pd.unique(keys.to_numpy()).tolist() if k not in self.results]
            index, tables = self.index, self.tables
            steps = (key_steps(index, k, tables, self.threshold) for k in new)
            found = [judged(index, r) for r in in_rounds(index, steps)]
            self.results.update(zip(new, found, strict=True))
            if units is not None or unit_kinds is not None:
                keys = fit_units(
                    keys,
                    self.results,
                    sub.index,
                    None if units is None else aligned_texts(units, series.index)[todo],
                    None if unit_kinds is None else aligned_texts(unit_kinds, series.index)[todo],
                    self.foods,
                    self.index,
                    self.result,
                )
            codes, distinct = pd.factorize(keys.to_numpy(dtype=object))
            found = [self.results[k] for k in distinct]
            pos_u = np.array(
                [-1 if r.position is None else r.position for r in found], dtype=np.int64
            )
            position[todo] = pos_u[codes]
            score[todo] = np.array([r.score for r in found], dtype=float)[codes]
            method[todo] = np.array([r.method for r in found], dtype=object)[codes]
            rows = np.flatnonzero(todo)
            # each row its own list (a caller may change one row's)
            suggestions[rows] = [list(found[c].suggestions) for c in codes.tolist()]
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
