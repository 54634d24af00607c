"""What a line says was not eaten: ``no sugar``, ``without milk``, ``w/o bun``.

A diary line often names a food that was left out (``coffee, no sugar``, ``tea
without milk``, ``2 eggs, no butter``, ``black coffee (no sugar)``). Read as words to
match, the food left out would become a food of its own (a sugar-free popsicle beside
the coffee) or pull the match onto a food made with it (chai *with* milk). So the
negated words are taken out of the line before it is cut into foods, and the line's
foods carry the assumption ``left out``.

Only what follows a food is read so: a line that starts with ``no`` (``no-bake
cookies``, ``no sugar added applesauce``) is left alone, and so are the negated
preparation words USDA writes in its descriptions (``no added fat``, ``no salt``,
``no sugar added``), which say how the food was made, not what was left beside it.

Examples
--------
>>> left_out("coffee, no sugar")
('coffee', ('no sugar',))
>>> left_out("1 cup black coffee (no milk, no sugar)")
('1 cup black coffee', ('no milk', 'no sugar'))
>>> left_out("applesauce, no sugar added")
('applesauce, no sugar added', ())
>>> left_out("iced coffee no sugar 16 oz")
('iced coffee 16 oz', ('no sugar',))
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nutrilog.matching.match import key_of
from nutrilog.matching.parts import Part, split_parts
from nutrilog.matching.reading import plain_key
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.quantity import parse_quantity

if TYPE_CHECKING:
    from nutrilog.matching.match import Matcher

__all__ = ["NEGATION_WORD", "left_out", "negates", "only_negations", "tagged", "without_negations"]

#: The words that say something was not eaten.
#: (``No Name`` and ``No Frills`` are a Canadian brand and chain, no negation.)
_NOT = r"(?:no(?!\s+(?:name|frills)\b)|without|w/o|minus|sans|sin|hold\s+the)"
#: Where a line may say that something was not eaten (a pattern, for a quick search).
NEGATION_WORD = rf"(?:^\s*|[\s,;(\-]){_NOT}\s"
#: An amount closing the line after a negation (``chicken thigh without skin 4 oz``):
#: the food's, not the negation's.
_AMOUNT_AFTER = r"(?:x\s*)?\d[\d./]*\s*(?:[a-z]+\.?)?\s*$"
#: A negation after a food, up to the next connector, bracket, negation or closing amount.
_NEGATION = re.compile(
    r"\s*(?:[,;]|\s-)?\s*"
    rf"(?<=[\s,;(\-])(?P<said>{_NOT}\s+(?P<what>[^,;()+]+?))"
    rf"(?=\s*(?:[,;()+]|$)|\s+(?:and|with|w/|plus|{_NOT})\s|\s+{_AMOUNT_AFTER})",
    re.IGNORECASE,
)
#: Negated words that say how a food was prepared (USDA writes them in descriptions).
_PREPARATION = re.compile(r"\b(?:added|salt|salted|fat|oil)\b", re.I)
#: What a removal can leave behind: empty brackets, doubled or trailing separators.
_EMPTY_BRACKETS = re.compile(r"\(\s*(?:and\s*)?\)")
_DANGLING = re.compile(r"(?:\s*[,;+\-]|\s+(?:and|with|w/|plus))+\s*$", re.IGNORECASE)
_DOUBLED = re.compile(r"\s*([,;])(?:\s*[,;])+")


def left_out(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without what it says was not eaten, and the negations taken out.

    Parameters
    ----------
    text : str
        One diary line, its meal prefix already taken off.

    Returns
    -------
    tuple
        The line without its negations (unchanged when it has none, or when one
        would leave no food) and the negations as written (``"no sugar"``).

    Examples
    --------
    >>> left_out("tea - no milk")
    ('tea', ('no milk',))
    >>> left_out("no-bake cookies")
    ('no-bake cookies', ())
    """
    said: list[str] = []

    def drop(found: re.Match[str]) -> str:
        if not text[: found.start("said")].strip(" ,;(-") or _PREPARATION.search(found["what"]):
            return found[0]  # nothing eaten before it, or a way of preparing the food
        said.append(" ".join(found["said"].split()))
        return ""

    rest = _NEGATION.sub(drop, text)
    if not said:
        return text, ()
    rest = _EMPTY_BRACKETS.sub("", rest)
    rest = _DOUBLED.sub(r"\1", rest)
    rest = " ".join(_DANGLING.sub("", rest).split())
    if not re.search(r"[^\W\d_]", rest):
        return text, ()
    return rest, tuple(said)


_STARTS_NEGATED = re.compile(rf"\s*{_NOT}\s", re.IGNORECASE)


def negates(part: str) -> bool:
    """Whether a part of a line only says what its food was without (``no sugar added``):
    it names no food of its own.

    Examples
    --------
    >>> negates("no sugar added"), negates("nori")
    (True, False)
    """
    return _STARTS_NEGATED.match(part) is not None


def only_negations(text: str) -> str | None:
    """Why a line that only says what was not eaten (``no sugar``, ``no milk, no sugar``)
    is no food entry; None for any other line, and for a negated preparation that goes
    with a food (``no sugar added applesauce``).

    Examples
    --------
    >>> only_negations("no milk, no sugar")
    "not a food entry (says what was not eaten: 'no milk, no sugar')"
    >>> only_negations("no sugar added applesauce") is None
    True
    """
    parts = split_parts(text)
    if not parts or not all(negates(p) and not _names_a_food_after(p) for p in parts):
        return None
    return f"not a food entry (says what was not eaten: {text.strip()!r})"


def _names_a_food_after(part: str) -> bool:
    """Whether words follow a negated preparation (``no sugar added applesauce``)."""
    found = _PREPARATION.search(part)
    return found is not None and bool(part[found.end() :].strip())


def without_negations(rest: str, matcher: Matcher) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The line without what it says was not eaten (:func:`left_out`), and the
    ``left out`` assumption; unchanged when the whole line is a name of the alias table
    (``burger no bun`` is a patty).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.match import Matcher
    >>> without_negations("tea - no milk", Matcher(load_foods()))
    ('tea', (('left out', 'no milk'),))
    """
    kept, omitted = left_out(rest)
    if not omitted:
        return rest, ()
    cosmetic = matcher_words().cosmetic
    tables = matcher.tables
    # the food's words with and without its amount ("2 hot dogs no bun": the patty's
    # alias is named without the count)
    for said in (rest, parse_quantity(rest).food):
        words = " ".join(w for w in plain_key(key_of(said)).split() if w not in cosmetic)
        if words in tables.user or words in tables.curated:
            return rest, ()
    return kept, (("left out", ", ".join(omitted)),)


def tagged(parts: tuple[Part, ...], tags: tuple[tuple[str, str], ...]) -> tuple[Part, ...]:
    """``parts``, each with ``tags`` added.

    Examples
    --------
    >>> tagged((Part("tea", ()),), (("left out", "no milk"),))
    (Part(text='tea', tags=(('left out', 'no milk'),)),)
    """
    return tuple(Part(p.text, (*p.tags, *tags)) for p in parts) if tags else parts
