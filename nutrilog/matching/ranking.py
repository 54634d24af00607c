"""Ranking: which foods of the index fit a list of food words best, scored 0-100.

The candidates are the choices sharing the most idf-weighted words with the text
(:mod:`~nutrilog.matching.candidates`). Each is scored by the share of the text's words
it holds (60 points, idf-weighted) and rapidfuzz's token-set and token-sort ratios
(20 points each); then

* a description whose first segment (up to the first comma) adds words the text
  does not have loses 3 points a word, 10 when a word names another food;
* a first segment made of exactly the text's words gains 5;
* words that turn a food into something else (``meatless``) cost 15 unless asked for;
* every other added word costs 1;
* a synonym read as the food's name scores as a description of its words alone, less 8;
* a preparation word of the text gains 3 where the food is prepared that way and
  costs 8 where it is not; with no preparation named, processed forms cost 6 a word
  and raw forms gain 2;
* baby foods, restaurant and branded items lose their standing penalty unless the
  text asks for baby food;
* a food whose name lacks the text's head word loses 8.

:func:`fuzzy` ranks one text; :func:`rank_many` ranks many at once, scoring all their
candidates in one pass (:mod:`~nutrilog.matching.scoring`), with the same results: the
matcher asks for the rankings of many keys at once (:mod:`~nutrilog.matching.rounds`).

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> index = index_for(load_foods())
>>> best, score = fuzzy(index, ["lentil", "soup"])[0]
>>> str(index.descriptions[best])
'Lentil soup, home recipe, canned, or ready-to-serve'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nutrilog.matching.candidates import Search, many_candidates
from nutrilog.matching.index import FoodIndex
from nutrilog.matching.scoring import Ranked, Text, score_texts
from nutrilog.matching.vocabulary import matcher_words

__all__ = ["N_CANDIDATES", "Rankings", "Request", "fuzzy", "rank_many", "suggest"]

#: Candidate choices scored per text.
N_CANDIDATES = 40
#: Weight of a light word (a qualifier) in the share of the text a food holds.
_LIGHT = 1 / 3
#: Texts scored in one pass (bounds the size of the candidate table).
_BATCH = 256


@dataclass(eq=False)
class Request:
    """The arguments of one ranking: those of :func:`fuzzy`."""

    words: list[str]
    limit: int = N_CANDIDATES
    light: frozenset[str] = frozenset()
    prefer: list[list[str]] | None = None
    allowed: np.ndarray | None = None
    named: np.ndarray | None = None
    head: str | None = None


def fuzzy(
    index: FoodIndex,
    words: list[str],
    limit: int = N_CANDIDATES,
    *,
    light: frozenset[str] = frozenset(),
    prefer: list[list[str]] | None = None,
    allowed: np.ndarray | None = None,
    named: np.ndarray | None = None,
    head: str | None = None,
) -> list[tuple[int, float]]:
    """Rank foods for the known ``words``; return (food position, score 0-100) best first.

    Parameters
    ----------
    index : FoodIndex
    words : list of str
        The text's words (unknown and stop words are left out).
    limit : int
        How many candidate choices are scored.
    light : frozenset of str
        Words that weigh a third as much in the share of the text's words a food holds
        (qualifiers: ``ground``, ``raw``), so that they select among foods without
        pushing the right one under the threshold.
    prefer : list of list of str
        Brand words: a food holding all words of one of them is not given its
        standing penalty for being a branded or restaurant item, and gains 3.
    allowed : array of int, optional
        Sorted food positions: only these foods are ranked.
    named : array of int, optional
        Sorted food positions: the foods whose name has the text's head word; the others lose
        8 points (``coffee with cream`` is coffee, not "Cream, light" whose synonym is
        coffee cream).
    head : str, optional
        The text's head word (see :mod:`nutrilog.matching.reading`).
    """
    return rank_many(index, [Request(words, limit, light, prefer, allowed, named, head)])[0]


class Rankings(Sequence[list[tuple[int, float]]]):
    """The rankings of many requests: each request's (food position, score) pairs, best
    first, built when asked for (a round holds only the ones it is handing out)."""

    def __init__(self, n: int) -> None:
        self._where: list[tuple[Ranked, int] | None] = [None] * n

    def __len__(self) -> int:
        return len(self._where)

    def __getitem__(self, n: int) -> list[tuple[int, float]]:  # type: ignore[override]
        found = self._where[n]
        return [] if found is None else found[0].of(found[1])


def rank_many(index: FoodIndex, requests: list[Request]) -> Rankings:
    """:func:`fuzzy` of each request, their candidates searched and scored together (a
    request made twice, by texts that read the same, is ranked once)."""
    out = Rankings(len(requests))
    first: dict[tuple[object, ...], int] = {}
    same = [first.setdefault(_asks(r), n) for n, r in enumerate(requests)]
    for start in range(0, len(requests), _BATCH):
        batch = requests[start : start + _BATCH]
        asked = [
            (start + n, s)
            for n, r in enumerate(batch)
            if same[start + n] == start + n and (s := _search(index, r)) is not None
        ]
        takes = many_candidates(index, [s for _, s in asked])
        texts = [
            (
                n,
                Text(
                    s.words, dict(zip(s.words, s.weights, strict=True)), take, *_rest(requests[n])
                ),
            )
            for (n, s), take in zip(asked, takes, strict=True)
            if len(take)
        ]
        ranked = score_texts(index, [t for _, t in texts])
        for i, (n, _) in enumerate(texts):
            out._where[n] = (ranked, i)
    for n, m in enumerate(same):
        if m != n:
            out._where[n] = out._where[m]
    return out


def _asks(request: Request) -> tuple[object, ...]:
    """What a request asks, as a key: its arrays of foods by identity (the same array of
    a cache, asked for by many texts; all are alive while the requests are ranked)."""
    prefer = tuple(map(tuple, request.prefer)) if request.prefer else ()
    return (
        tuple(request.words),
        request.limit,
        request.light,
        prefer,
        id(request.allowed),
        id(request.named),
        request.head,
    )


def _search(index: FoodIndex, request: Request) -> Search | None:
    """The request's known words, their weights and limits (None when it knows no word)."""
    stop = matcher_words().stop
    known = [w for w in dict.fromkeys(request.words) if w in index.postings and w not in stop]
    if not known:
        return None
    light, head = request.light, request.head
    weights = [index.idf[w] * (_LIGHT if w in light else 1.0) for w in known]
    pool = None if head is None else index.food_postings.get(head)
    return Search(known, weights, request.limit, request.allowed, pool)


def _rest(request: Request) -> tuple[list[list[str]], np.ndarray | None, str | None]:
    return request.prefer or [], request.named, request.head


def suggest(index: FoodIndex, ranked: list[tuple[int, float]]) -> list[tuple[str, str, float]]:
    """``(food id, description, score)`` of ranked foods."""
    return [(str(index.ids[p]), str(index.descriptions[p]), round(s, 1)) for p, s in ranked]
