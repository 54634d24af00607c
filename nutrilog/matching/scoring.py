"""The scores of many texts' candidates in one pass (the rules of :mod:`~nutrilog.matching.ranking`).

Every text's candidate choices go in one table, a row per (text, candidate) with the
text's number; the text's words against each of its candidates in another, a row per
(text, word, candidate), which searches of the index's word keys fill with whether the
candidate's description, first segment and choice hold the word. Each rule of the
ranking is then one vectorised step over the table, and each text's foods are read off
its rows at the end, best first. The arithmetic of every row is that of one text
ranked alone, step by step, so a text scores the same in any company.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> index = index_for(load_foods())
>>> words = ["lentil", "soup"]
>>> weight = {w: index.idf[w] for w in words}
>>> best, score = score_texts(index, [Text(words, weight, candidates(index, words, 25, weight))]).of(0)[0]
>>> str(index.descriptions[best]), round(score, 1)
('Lentil soup, home recipe, canned, or ready-to-serve', 82.5)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from nutrilog.matching.candidates import candidates
from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import (
    EMPTY,
    brand_named,
    food_keys,
    foods_holding,
    has_keys,
    isin_sorted,
)
from nutrilog.matching.vocabulary import matcher_words

__all__ = [
    "Ranked",
    "RankingTables",
    "Text",
    "candidates",
    "ranking_tables",
    "score_texts",
    "synonym_sizes",
]

#: Points a synonym read as a food's name costs against its description.
SYNONYM_COST = 8.0
#: Points a food loses when its name lacks the text's head word.
UNNAMED = 8.0
#: Points FNDDS's row for fat not specified gains when a text names no fat.
FAT_DEFAULT = 0.5


@dataclass
class Text:
    """One text to score: its known words, their weights, its candidate choices."""

    known: list[str]
    weight: dict[str, float]
    take: np.ndarray
    prefer: list[list[str]] = field(default_factory=list)
    named: np.ndarray | None = None
    head: str | None = None


@dataclass
class Ranked:
    """The ranked foods of some texts, text after text; :meth:`of` gives one text's."""

    foods: list[int]
    scores: list[float]
    ends: list[int]  # where each text's foods start (and the last ends)

    def of(self, i: int) -> list[tuple[int, float]]:
        """Text ``i``'s (food position, score) pairs, best first (built when asked for)."""
        start, end = self.ends[i], self.ends[i + 1]
        return list(zip(self.foods[start:end], self.scores[start:end], strict=True))


@dataclass
class RankingTables:
    """What the scoring looks up in an index, built once per index (:func:`ranking_tables`).

    A word key is ``word number * size + position``: the keys of the foods and first
    segments holding each word, sorted, each array ending with a key above them all (a
    choice holds the words of its food's description and of its synonym).
    """

    word_id: dict[str, int]
    food_keys: np.ndarray
    head_keys: np.ndarray
    prep_row: dict[str, int]  # preparation word -> its row of prep_ok
    prep_ok: np.ndarray  # (preparation word, food): the food is prepared that way
    synonym_keys: np.ndarray  # the keys of the choices whose synonym holds each word
    has_synonym: np.ndarray  # per choice: made of a description and a synonym
    texts: np.ndarray  # each choice's text (objects, so that a take is one step)
    synonyms: np.ndarray  # each choice's synonym
    sorted_texts: np.ndarray  # each choice's words sorted
    sorted_synonyms: np.ndarray  # each choice's synonym's words sorted
    synonym_sizes: np.ndarray | None = None  # see :func:`synonym_sizes`, on first use


def ranking_tables(index: FoodIndex) -> RankingTables:
    """The index's :class:`RankingTables`, built on first use and kept by the index."""
    if index.ranking is None:
        word_id = {w: i for i, w in enumerate(index.postings)}
        n_foods = len(index.ids)
        index.ranking = RankingTables(
            word_id=word_id,
            food_keys=_word_keys(index.food_postings, word_id, n_foods),
            head_keys=_word_keys(index.head_postings, word_id, n_foods),
            prep_row={p: i for i, p in enumerate(index.prep_ok)},
            prep_ok=np.array(list(index.prep_ok.values()), dtype=bool).reshape(-1, n_foods),
            synonym_keys=_synonym_keys(index, word_id),
            has_synonym=np.array([bool(name) for name in index.choice_synonym], dtype=bool),
            texts=_objects(index.choice_text),
            synonyms=_objects(index.choice_synonym),
            sorted_texts=_objects(" ".join(sorted(t.split())) for t in index.choice_text),
            sorted_synonyms=_objects(
                " ".join(sorted(t.split())) if t else "" for t in index.choice_synonym
            ),
        )
    return index.ranking


def _objects(texts: Iterable[str]) -> np.ndarray:
    """The texts as an array of objects."""
    found = list(texts)
    out = np.empty(len(found), dtype=object)
    out[:] = found
    return out


def _synonym_keys(index: FoodIndex, word_id: dict[str, int]) -> np.ndarray:
    """The sorted keys ``word number * choices + choice`` of each word of each choice's
    synonym, and one above them."""
    n = len(index.choice_text)
    keys = [
        word_id[w] * n + c
        for c, name in enumerate(index.choice_synonym)
        for w in dict.fromkeys(name.split())  # none for a description
    ]
    return np.sort(np.array([*keys, len(word_id) * n], dtype=np.int64))


def _word_keys(postings: dict[str, np.ndarray], word_id: dict[str, int], size: int) -> np.ndarray:
    """The sorted keys ``word number * size + position`` of ``postings``, and one above them."""
    held = sorted((word_id[w], p) for w, p in postings.items() if w in word_id)
    return np.concatenate(
        [n * size + p.astype(np.int64) for n, p in held] + [np.array([len(word_id) * size])]
    )


def _member(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """1.0 where ``wanted`` is in ``keys`` (sorted, ending with a key above all), else 0.0."""
    return (keys[np.searchsorted(keys, wanted)] == wanted).astype(float)


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``start, start + 1, ..., start + count - 1`` for each (start, count), concatenated."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts - starts, counts)


#: The rows of :func:`_kinds`.
_CONTENT, _NONCAT, _NEGATING, _PROCESSED, _ANY = range(5)


@lru_cache(maxsize=4096)
def _kinds(word: str) -> tuple[bool, bool, bool, bool, bool]:
    """Whether ``word`` is a content word, a content word that is no category head, a
    negating word, a processed form, and (always) a word: the sums the rules need."""
    vocab = matcher_words()
    content = word not in vocab.free
    return (
        content,
        content and word not in vocab.category_heads,
        word in vocab.negating,
        word in vocab.processed,
        True,
    )


@lru_cache(maxsize=4096)
def _cooks(word: str) -> bool:
    """Whether a preparation word is a way of cooking (so any cooked food is next best)."""
    preparation = matcher_words().preparation
    cooking = preparation.get("cooked", frozenset())
    return word in cooking or bool(preparation.get(word, frozenset()) & cooking)


class _Table:
    """The candidate table of some texts: a row per (text, candidate choice), and a pair
    per (text, word, candidate) saying whether the candidate holds the word."""

    def __init__(self, index: FoodIndex, texts: list[Text]) -> None:
        tables = ranking_tables(index)
        self.texts = texts
        n = np.array([len(t.take) for t in texts])
        k = np.array([len(t.known) for t in texts])
        self.n, self.k = n, k
        self.choice = np.concatenate([t.take for t in texts]).astype(np.int64)
        self.text = np.repeat(np.arange(len(texts)), n)
        self.starts = np.concatenate([[0], np.cumsum(n)])
        self.food = index.choice_food[self.choice]
        # the words, text after text; a pair per word and candidate of its text, word-major
        self.words = [w for t in texts for w in t.known]
        word_text = np.repeat(np.arange(len(texts)), k)
        per_word = n[word_text]
        self.pair_starts = np.concatenate([[0], np.cumsum(k * n)])
        self.pair_word = np.repeat(np.arange(len(self.words)), per_word)
        self.pair_row = _ranges(self.starts[:-1][word_text], per_word)
        self.word_id = np.array([tables.word_id[w] for w in self.words], dtype=np.int64)
        # each text's head word among its words (a text whose words lack it has none)
        head = np.array([tables.word_id.get(t.head or "", -1) for t in texts], dtype=np.int64)
        self.head_pairs = np.flatnonzero((self.word_id == head[word_text])[self.pair_word])
        word = self.word_id[self.pair_word]
        food_key = word * len(index.ids) + self.food[self.pair_row]
        self.in_food = _member(tables.food_keys, food_key)
        # a choice holds the words of its food's description, and a synonym choice
        # those of its synonym; a first segment holds only words of its description
        self.in_choice = self.in_food.copy()
        other = np.flatnonzero(
            ~self.in_food.astype(bool) & tables.has_synonym[self.choice[self.pair_row]]
        )
        self.in_choice[other] = _member(
            tables.synonym_keys,
            word[other] * len(index.choice_text) + self.choice[self.pair_row[other]],
        )
        self.in_head = np.zeros(len(food_key))
        described = np.flatnonzero(self.in_food)
        self.in_head[described] = _member(tables.head_keys, food_key[described])
        self.kinds = np.array([_kinds(w) for w in self.words], dtype=bool).reshape(-1, 5)

        self._queries: tuple[np.ndarray, np.ndarray] | None = None

    def queries(self) -> tuple[np.ndarray, np.ndarray]:
        """Each text's words joined (the query of its ratios), and the same words sorted."""
        if self._queries is None:
            joined = [" ".join(t.known) for t in self.texts]
            self._queries = _objects(joined), _objects(" ".join(sorted(q.split())) for q in joined)
        return self._queries

    def held(self, kind: int, inside: np.ndarray) -> np.ndarray:
        """Per row: how many of its text's words of ``kind`` the pairs ``inside`` hold."""
        pairs = self.kinds[self.pair_word, kind] * inside
        return np.bincount(self.pair_row, weights=pairs, minlength=len(self.choice))

    def rows_of(self, i: int) -> slice:
        return slice(int(self.starts[i]), int(self.starts[i + 1]))


def score_texts(index: FoodIndex, texts: list[Text]) -> Ranked:
    """Each text's foods, best first, with their scores (0-100): each food at its best choice."""
    if not texts:
        return Ranked([], [], [0])
    table = _Table(index, texts)
    score = _word_scores(index, table)
    score = _segment_rules(index, table, score)
    score = _synonym_rule(index, table, score)
    score = _preparation_rules(index, table, score)
    score = _standing_rules(index, table, score)
    return _best_per_food(index, table, np.clip(score, 0.0, 100.0))


def _word_scores(index: FoodIndex, table: _Table) -> np.ndarray:
    """60 points for the share of the text's words a candidate holds (idf-weighted; a
    preparation is held where the food is prepared that way), 20 each for rapidfuzz's
    token-set and token-sort ratios."""
    tables = ranking_tables(index)
    has = table.in_choice.copy()
    prep = np.array([tables.prep_row.get(w, -1) for w in table.words], dtype=np.int64)
    at = np.flatnonzero(prep[table.pair_word] >= 0)
    if len(at):
        food = table.food[table.pair_row[at]]
        held = tables.prep_ok[prep[table.pair_word[at]], food].astype(float)
        if "cooked" in tables.prep_row:
            cooks = np.array([_cooks(w) for w in table.words], dtype=bool)[table.pair_word[at]]
            cooked = tables.prep_ok[tables.prep_row["cooked"]][food]
            held = np.where(cooks, np.maximum(held, 0.5 * cooked), held)
        has[at] = np.maximum(has[at], held)
    covered = _shares(table, has)
    queries, ordered = table.queries()
    # a choice holding every word of its text has them all in common: token-set ratio 100
    token_set = np.full(len(table.choice), 100.0)
    some = np.flatnonzero(table.held(_ANY, table.in_choice) < table.k[table.text])
    token_set[some] = process.cpdist(
        queries[table.text[some]], tables.texts[table.choice[some]], scorer=fuzz.token_set_ratio
    )
    token_sort = process.cpdist(
        ordered[table.text], tables.sorted_texts[table.choice], scorer=fuzz.ratio
    )
    return 60.0 * covered + 0.2 * np.asarray(token_set, float) + 0.2 * np.asarray(token_sort, float)


def _shares(table: _Table, has: np.ndarray) -> np.ndarray:
    """Per row: the weights of the text's words its candidate holds (``has``, per pair),
    summed, over the weights of all the text's words.

    The sum is one vector-matrix product per text, as a text ranked alone computes it
    (BLAS decides the order of its additions, so the rounding): the texts with as many
    words and candidates go in one stacked product, which makes the same product per text.
    """
    covered = np.empty(len(table.choice))
    weights = np.array([t.weight[w] for t in table.texts for w in t.known])
    word_starts = np.concatenate([[0], np.cumsum(table.k)])
    shapes: dict[tuple[int, int], list[int]] = {}
    for i, shape in enumerate(zip(table.k.tolist(), table.n.tolist(), strict=True)):
        shapes.setdefault(shape, []).append(i)
    for (k, n), texts in shapes.items():
        at = np.array(texts)
        w = weights[word_starts[at][:, None] + np.arange(k)]
        words = has[table.pair_starts[at][:, None] + np.arange(k * n)].reshape(-1, k, n)
        rows = table.starts[at][:, None] + np.arange(n)
        covered[rows] = np.matmul(w[:, None, :], words)[:, 0, :] / w.sum(axis=1)[:, None]
    return covered


def _segment_rules(index: FoodIndex, table: _Table, score: np.ndarray) -> np.ndarray:
    """A first segment that adds words loses 3 points a word (10 when the word names
    another food); one made of exactly the text's words gains 5; a negating word not
    asked for costs 15, any other added word 1."""
    c, food = index.counts, table.food
    head_extra = c["head"][food] - table.held(_CONTENT, table.in_head)
    noncat_extra = c["head_noncat"][food] - table.held(_NONCAT, table.in_head)
    foreign = noncat_extra > 0
    # "Coffee, espresso" for "espresso": a first segment without the head word, which a
    # later segment has, names the kind of food, as a category does
    at = table.head_pairs
    rows = table.pair_row[at]
    foreign[rows] &= ~((table.in_head[at] == 0) & (table.in_food[at] == 1))
    score -= np.where(foreign, 10.0, 3.0) * head_extra
    k = table.k[table.text]
    same_head = (c["head_size"][food] == k) & (table.held(_ANY, table.in_head) == k)
    score += 5.0 * same_head
    score -= 15.0 * (c["negating"][food] - table.held(_NEGATING, table.in_food))
    all_extra = c["all"][food] - table.held(_CONTENT, table.in_food)
    score -= 1.0 * (all_extra - head_extra)
    return score


def _synonym_rule(index: FoodIndex, table: _Table, score: np.ndarray) -> np.ndarray:
    """The better of each choice's score and the score of its synonym read as its name.

    A synonym (``Nutella`` of "Topping, chocolate flavored hazelnut spread", ``idli``,
    ``Cheez-It`` in brackets) scores like a description made of its words alone, less
    :data:`SYNONYM_COST`: its food's description may use quite other words. When some
    candidate's description has the head word, a food that has it only in a synonym
    costs :data:`SYNONYM_COST` more: FNDDS synonyms list what a food also covers
    (``pesto`` of "Pasta with cream sauce"), so "Pesto sauce" is the better reading.
    """
    tables = ranking_tables(index)
    # only a synonym with most of the text's words can beat its description
    pairs = np.flatnonzero(tables.has_synonym[table.choice[table.pair_row]])
    wanted = table.word_id[table.pair_word[pairs]] * len(index.choice_text)
    held = _member(tables.synonym_keys, wanted + table.choice[table.pair_row[pairs]])
    count = np.bincount(table.pair_row[pairs], weights=held, minlength=len(table.choice))
    at = np.flatnonzero(tables.has_synonym[table.choice] & (count * 2 >= table.k[table.text]))
    if not len(at):
        return score
    heads = table.head_pairs
    described = np.zeros(len(table.choice), dtype=bool)
    described[table.pair_row[heads]] = table.in_food[heads] == 1
    somewhere = np.zeros(len(table.texts), dtype=bool)
    somewhere[table.text[described]] = True
    queries, ordered = table.queries()
    text, choice = table.text[at], table.choice[at]
    token_set = process.cpdist(queries[text], tables.synonyms[choice], scorer=fuzz.token_set_ratio)
    token_sort = process.cpdist(ordered[text], tables.sorted_synonyms[choice], scorer=fuzz.ratio)
    # the share of the text's words the synonym holds, added word by word in the text's
    # order (as the share of a description is), and the synonym's other words
    weights = np.array([t.weight[w] for t in table.texts for w in t.known])
    share = np.bincount(
        table.pair_row[pairs], weights=held * weights[table.pair_word[pairs]], minlength=len(score)
    )
    total = np.array([sum(t.weight.values()) for t in table.texts])
    covered = share[at] / total[text]
    ignored = np.array([w in _ignored() for w in table.words], dtype=bool)
    held_kept = np.bincount(
        table.pair_row[pairs], weights=held * ~ignored[table.pair_word[pairs]], minlength=len(score)
    )
    extra = synonym_sizes(index)[choice] - held_kept[at]
    alt = (
        60.0 * covered
        + 0.2 * np.asarray(token_set, float)
        + 0.2 * np.asarray(token_sort, float)
        - 3.0 * extra
        + 5.0 * ((extra == 0) & (covered >= 0.999))
        - SYNONYM_COST
    )
    alt -= SYNONYM_COST * (somewhere[text] & ~described[at])
    out = score.copy()
    out[at] = np.maximum(out[at], alt)
    return out


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    """Words a synonym may add at no cost: free, stop and cosmetic words."""
    vocab = matcher_words()
    return vocab.free | vocab.stop | vocab.cosmetic


def synonym_sizes(index: FoodIndex) -> np.ndarray:
    """Per choice: how many words of its synonym are not :func:`_ignored` (0 for none)."""
    tables = ranking_tables(index)
    if tables.synonym_sizes is None:
        ignored = _ignored()
        tables.synonym_sizes = np.array(
            [len(set(name.split()) - ignored) for name in index.choice_synonym], dtype=np.int64
        )
    return tables.synonym_sizes


def _preparation_rules(index: FoodIndex, table: _Table, score: np.ndarray) -> np.ndarray:
    """A preparation word gains 3 where the food is prepared that way and costs 8 where
    it is not (2 for a way of cooking where the food is cooked another way); with no
    preparation named, processed forms cost 6 a word and raw forms gain 2 (raw dry seeds,
    eaten cooked, lose 2). A text that names no fat (``oil``, ``butter``) gives
    :data:`FAT_DEFAULT` to the row FNDDS codes for fat not specified: ``fried tilapia``
    is "Tilapia, coated, fried, made with oil", not its twin with no added fat."""
    tables = ranking_tables(index)
    preparation = matcher_words().preparation
    preps = [[w for w in t.known if w in preparation] for t in table.texts]
    food, c = table.food, index.counts
    cooked = tables.prep_ok[tables.prep_row["cooked"]] if "cooked" in tables.prep_row else None
    for n in range(max(len(p) for p in preps)):
        # each text's n-th preparation word, added in the order of the text's words
        row = np.array([tables.prep_row[p[n]] if len(p) > n else -1 for p in preps])
        cooks = np.array([len(p) > n and _cooks(p[n]) for p in preps], dtype=bool)
        at = np.flatnonzero(row[table.text] >= 0)
        f = food[at]
        fallback = (cooks[table.text[at]] & cooked[f]) if cooked is not None else False
        ok = tables.prep_ok[row[table.text[at]], f]
        score[at] += np.where(ok, 3.0, np.where(fallback, -2.0, -8.0))
    plain = np.flatnonzero(np.array([not p for p in preps], dtype=bool)[table.text])
    f = food[plain]
    processed = table.held(_PROCESSED, table.in_food)[plain]
    score[plain] -= 6.0 * (c["processed"][f] - processed)
    score[plain] += 2.0 * c["raw"][f]
    fats = matcher_words().fats
    unsaid = np.array([not fats.intersection(t.known) for t in table.texts], dtype=bool)
    at = np.flatnonzero(unsaid[table.text])
    score[at] += FAT_DEFAULT * index.fat_default[food[at]]
    return score


def _standing_rules(index: FoodIndex, table: _Table, score: np.ndarray) -> np.ndarray:
    """Baby foods, restaurant and branded items lose their standing penalty unless the
    text asks for baby food; a brand the text names (in capitals in the description, or
    one of its brand words) waives it, and a food of a brand named gains 3. A food whose
    name lacks the head word loses :data:`UNNAMED` points."""
    n_foods = len(index.ids)
    penalty = index.penalty[table.food]
    # a brand the text names in capitals: that food is asked for
    brands = [brand_named(index, w) for w in table.words]
    keys, row = food_keys(index, [b if len(b) else None for b in brands])
    at = np.flatnonzero(row[table.pair_word] >= 0)
    if len(at):
        rows = table.pair_row[at]
        asked = has_keys(keys, row[table.pair_word[at]] * n_foods + table.food[rows])
        penalty[rows[asked]] = 0.0
    for i, t in enumerate(table.texts):
        for brand in t.prefer:
            brand_foods = _foods_with_all(index, brand)
            if len(brand_foods):
                rows = table.rows_of(i)
                penalty[rows] = np.where(
                    isin_sorted(table.food[rows], brand_foods), -3.0, penalty[rows]
                )
    baby = matcher_words().baby
    charged = np.array([not baby.intersection(t.known) for t in table.texts])[table.text]
    score[charged] -= penalty[charged]
    keys, row = food_keys(index, [t.named for t in table.texts])
    at = np.flatnonzero(row[table.text] >= 0)
    if len(at):
        named = has_keys(keys, row[table.text[at]] * n_foods + table.food[at])
        score[at] -= UNNAMED * ~named
    return score


def _foods_with_all(index: FoodIndex, words: list[str]) -> np.ndarray:
    """Foods whose description or synonyms hold every word of ``words``."""
    found: np.ndarray | None = None
    for w in words:
        holders = foods_holding(index, w)
        found = holders if found is None else np.intersect1d(found, holders, assume_unique=True)
        if not len(found):
            break
    return EMPTY if found is None else found


def _best_per_food(index: FoodIndex, table: _Table, score: np.ndarray) -> Ranked:
    """Each text's foods at their best choice, best first (the lower position on a tie)."""
    order = np.lexsort((table.food, -score, table.text))
    key = table.text[order] * len(index.ids) + table.food[order]
    _, first = np.unique(key, return_index=True)
    kept = order[np.sort(first)]
    ends = np.cumsum(np.bincount(table.text[kept], minlength=len(table.texts)))
    return Ranked(table.food[kept].tolist(), score[kept].tolist(), [0, *ends.tolist()])
