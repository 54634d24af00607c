"""Which matches to accept: a doubtful match becomes a suggestion, not a food.

A wrong food is worse than no food: an unmatched entry is counted as unknown (its
coverage shows in every verdict), a wrong one silently adds the wrong nutrients. So
after :func:`~nutrilog.matching.steps.match_key` has found its best food, the
acceptance rule here looks at how it was reached and keeps it only when that route is
reliable. A match it rejects is left unmatched (method ``none``), with the food it
would have been as the first suggestion and a ``low confidence`` assumption naming it,
so the user sees the guess and can confirm it with an alias.

The rule (fitted on the labelled phrases, see below):

* a **fuzzy** match (a ranked search over descriptions, no alias or exact name) is
  accepted from :data:`FUZZY_ACCEPTED` points;
* an **alias** reached only after the reading dropped words no food knows or corrected
  spelling (each costs points: 3 a correction, 5 an unknown word, 5 an alias of one
  segment alone) is accepted from :data:`ALIAS_ACCEPTED` points: one correction (97),
  two (94) or one unknown word (95) pass; an unknown word with a correction (92) or
  two unknown words (90) do not.

How it was fitted: every accepted food match of 583 labelled phrases (the
development set and the first and second held-out sets) was recorded with its step,
score, margin to the runner-up and assumptions (``benchmarks/match_confidence.py``).
Nearly all of them (573) are alias hits at 95-100 points, right 525 times: the
wrong ones are near twins and portions, which no score tells apart. Among fuzzy
matches, every one under 85 points but one was wrong (the wrong at 82.5 and 84.5, the
right at 76.1; above 85, 4 of 6 right), and the only alias under 93 was wrong; the margin
to the runner-up did not separate right from wrong (right at 0.03 and 0.5, wrong at
2.0). Checked on the third held-out set, whose matches are all alias hits at 97-100,
the rule rejects nothing there.

Examples
--------
>>> from nutrilog.matching.steps import MatchResult
>>> weak = MatchResult(7, 82.5, "fuzzy", [("sr28:1", "Other food", 70.0)])
>>> accepted(weak)
False
>>> accepted(MatchResult(7, 97.0, "alias", []))
True
"""

from __future__ import annotations

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.steps import MatchResult

__all__ = ["ALIAS_ACCEPTED", "FUZZY_ACCEPTED", "LOW_CONFIDENCE", "accepted", "judged"]

#: Lowest score of a fuzzy match that is accepted (below it: a suggestion).
FUZZY_ACCEPTED: float = 85.0
#: Lowest score of an alias reached through the reading's penalties that is accepted.
ALIAS_ACCEPTED: float = 93.0
#: The assumption tag of a match left as a suggestion.
LOW_CONFIDENCE = "low confidence"

_FLOORS = {"fuzzy": FUZZY_ACCEPTED, "alias": ALIAS_ACCEPTED}


def accepted(result: MatchResult) -> bool:
    """Whether a match is sure enough to count (an unmatched result is not).

    Examples
    --------
    >>> accepted(MatchResult(None, 0.0, "none", []))
    False
    >>> accepted(MatchResult(3, 84.0, "fuzzy", []))
    False
    """
    if result.position is None:
        return False
    return result.score >= _FLOORS.get(result.method, 0.0)


def judged(index: FoodIndex, result: MatchResult) -> MatchResult:
    """``result`` if it is accepted or unmatched; else unmatched, its food the first suggestion.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.index import index_for
    >>> index = index_for(load_foods())
    >>> doubt = judged(index, MatchResult(0, 80.0, "fuzzy", []))
    >>> doubt.position, doubt.method, doubt.assumptions[0][0]
    (None, 'none', 'low confidence')
    """
    if result.position is None or accepted(result):
        return result
    guess = (str(index.ids[result.position]), str(index.descriptions[result.position]))
    best = (*guess, round(result.score, 1))
    others = [s for s in result.suggestions if s[0] != guess[0]]
    return MatchResult(
        None,
        result.score,
        "none",
        [best, *others][:3],
        assumptions=[
            *result.assumptions,
            (LOW_CONFIDENCE, f"best guess {guess[1]} ({result.score:.0f} points, {result.method})"),
        ],
    )
