"""One food search: the matcher's own ranking, with a quality floor.

:func:`search_foods` answers "which foods fit these words?" the way the matcher
answers it for a log entry: the food the matcher would pick comes first (an alias,
an exact description or its best fuzzy match), then its next candidates in the
matcher's ranking (:func:`nutrilog.matching.ranking.fuzzy` over the words as the
matcher reads them: synonyms, spelling, brands). Candidates scoring under
:data:`SEARCH_FLOOR` are not listed, so words that fit no food give no rows rather
than unrelated foods. :meth:`nutrilog.foods.FoodTable.search`, ``nutrilog foods
search`` and the suggestions the analysis keeps for an unmatched entry
(:func:`good_suggestions`) all go through here.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> found = search_foods(load_foods(), "oj", limit=2)
>>> found.match, found.hits["description"].tolist()[0]
('fndds:61210000', 'Orange juice, 100%, NFS')
>>> search_foods(load_foods(), "xqzzv blorb").hits.empty
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._checks import count_argument, kind_argument

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable
    from nutrilog.matching.index import FoodIndex

__all__ = ["SEARCH_FLOOR", "Search", "good_suggestions", "search_foods"]

#: Lowest score (0-100) a food needs to be listed by a search or kept as a suggestion.
#: Under it a food shares too few of the text's words, or only light ones, to be a
#: sensible choice (``tofu scramble``: ``Tofu, fried`` scores 40).
SEARCH_FLOOR: float = 50.0
#: Candidates the ranking scores beyond the ones asked for (duplicates are dropped).
_EXTRA = 20


class Search(NamedTuple):
    """What :func:`search_foods` found."""

    #: ``id``, ``description``, ``score`` (0-100), best first.
    hits: pd.DataFrame
    #: The id of the food the matcher matches the text to (None: it stays unmatched).
    match: str | None


def _frame(rows: Sequence[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": pd.Series([r[0] for r in rows], dtype="str"),
            "description": pd.Series([r[1] for r in rows], dtype="str"),
            "score": pd.Series([r[2] for r in rows], dtype="float64"),
        }
    )


def _own_food(foods: FoodTable, index: FoodIndex, key: str) -> list[tuple[int, float]]:
    """The user's own food whose description is exactly the text, if any, as (position, 100)."""
    from nutrilog.matching.reading import plain_key

    found = index.exact.get(plain_key(key))
    if found is None or foods.foods["source"].iat[found] != "user":
        return []
    return [(found, 100.0)]


def search_foods(foods: FoodTable, text: str, limit: int = 10) -> Search:
    """Rank foods for ``text`` as the matcher does, keeping those above :data:`SEARCH_FLOOR`.

    Parameters
    ----------
    foods : FoodTable
    text : str
        Food words, as they would be written in a log.
    limit : int, default 10
        Most rows returned.

    Returns
    -------
    Search
        ``hits`` (``id``, ``description``, ``score``; no food twice) and
        ``match``. The order: one of the user's own foods named exactly so; the
        matcher's pick and its suggestions, as it gave them; the user's own foods
        that fit; then the matcher's other candidates, best first. The penalties
        the matcher gave the text (a corrected word, an unknown one) apply to every
        candidate.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> search_foods(load_foods(), "raw spinach", limit=1).hits["id"].tolist()
    ['sr28:11457']
    """
    kind_argument("text", text, str, "a str")
    limit = count_argument("limit", limit)
    from nutrilog.matching.match import Matcher, key_of
    from nutrilog.matching.ranking import fuzzy

    key = key_of(text)
    if limit == 0 or len(foods) == 0 or not key.strip():
        return Search(_frame([]), None)
    matcher = Matcher(foods)
    index = matcher.index
    result = matcher.result(key)
    # the matcher's own answer: its pick, then its suggestions (scores as it gave them)
    pick = [(result.position, result.score)] if result.position is not None else []
    suggested = [(index.position[i], float(score)) for i, _, score in result.suggestions]
    reading = matcher.reading(key)
    words = reading.words("core", "qualifier", "number")
    light, head = reading.light(), reading.head
    raw = fuzzy(index, words, limit + _EXTRA, light=light, head=head) if words else []
    users = np.flatnonzero(foods.foods["source"].to_numpy() == "user")
    own = (
        fuzzy(index, words, limit, light=light, head=head, allowed=users)
        if words and len(users)
        else []
    )
    # what the matcher took off its ranking (corrected spelling, unknown words...) is
    # taken off every other candidate too
    scores = dict(raw + own)
    ranked_by_matcher = suggested + (pick if result.method == "fuzzy" else [])
    taken = [scores[p] - s for p, s in ranked_by_matcher if p in scores]
    if pick and result.method != "fuzzy":  # an alias or exact description scores 100 less
        taken.append(100.0 - result.score)
    penalty = max([0.0, *taken])
    ranked = _own_food(foods, index, key) + pick + suggested
    ranked += [(p, s - penalty) for p, s in own]
    ranked += sorted(((p, s - penalty) for p, s in raw), key=lambda item: -item[1])
    rows: list[tuple[str, str, float]] = []
    seen: set[int] = set()
    for position, score in ranked:
        if position in seen or score < SEARCH_FLOOR:
            continue
        seen.add(position)
        rows.append((str(index.ids[position]), str(index.descriptions[position]), round(score, 1)))
        if len(rows) == limit:
            break
    matched = None if result.position is None else str(index.ids[result.position])
    return Search(_frame(rows), matched)


def good_suggestions(listed: Iterable[Sequence[object]]) -> tuple[tuple[object, ...], ...]:
    """The suggestions (``(food id, description, score)``) worth showing: those at or
    above :data:`SEARCH_FLOOR`, in their order.

    Examples
    --------
    >>> good_suggestions([("sr28:09040", "Bananas, raw", 80.0), ("sr28:35008", "Bear", 12.5)])
    (('sr28:09040', 'Bananas, raw', 80.0),)
    """
    return tuple(
        tuple(s)
        for s in listed
        if len(s) > 2 and float(s[2]) >= SEARCH_FLOOR  # type: ignore[arg-type]
    )
