"""Entry understanding: what one diary line says before any food is matched.

A line such as ``Breakfast 7:30am: english muffin w/ pb`` is read in four steps, with
the vocabulary of ``datasets/entry_words.csv``:

1. **Prefixes and noise** (:func:`strip_prefix`): meal and time prefixes
   (``breakfast -``, ``lunch:``, ``[dinner]``, ``Meal 3 -``, ``snack #2:``,
   ``dinner at mom's:``, ``Lunch (work cafeteria) -``, ``11am -``, ``snack 20 peanuts``),
   bullets and eating verbs (``had``, ``ate``) are taken off; the meal is kept.
2. **Not food** (:func:`not_food_reason`): a line with a word never written for
   something eaten (``walked``, ``slept``, ``felt``, ``headache``, ``BP``, ``goal``) is
   not a food entry, and so is a lab or body reading (``mg/dL``, ``bpm``, ``HbA1c``); a
   tally word (``calories``, ``total``, a nutrient total such as ``Protein: 120g``)
   makes one only when no food word is left beside it.
3. **Compounds** (:func:`understand`): the line is cut at ``,`` ``;`` ``+`` ``&``
   ``and`` ``with`` ``w/`` ``plus`` and ``:`` into parts; a part without a food word
   (``1.5 cups``, ``browned``) or one that restates its neighbour (``granola bar, 2
   bars``) stays with the part before it. The parts are then grouped: each group is one
   food, matched and weighed on its own, and a group of several parts must land on a
   food that holds the food word of each (a mixed dish such as ``chicken curry with
   rice`` or ``mac and cheese``). The grouping with the best total score wins, each
   group beyond the first costing :data:`GROUP_COST` points, so a dish that fits the
   whole line as well as its parts do is kept whole. A first part that only holds the
   others (``smoothie w/ banana, spinach and milk``, ``protein shake: ...``) is dropped.
   ``on`` joins two foods before bread, toast, a bagel, crackers or rice (``beans on
   toast``); ``chips`` beside a hot main (``fish and chips``) are french fries. A line
   joined by ``with``/``and`` (no commas) is one dish only when the dish holds every
   part's food (``english muffin w/ pb`` is two foods).
4. **Additions** (``datasets/companion_amounts.csv``): a part with no amount that is
   an addition to another part takes the table's amount, flagged ``estimated
   amount``: milk in coffee or tea 2 tbsp, cream 1 tbsp, a sugar 1 tsp (the drink,
   with no amount or size of its own, one 8 fl oz cup), butter on toast 1/2 tbsp,
   milk on cereal 1/2 cup, dressing on a salad and sour cream on a taco 2 tbsp.

Examples
--------
>>> strip_prefix("breakfast - 2 eggs")
('2 eggs', 'breakfast', None)
>>> split_parts("toast w/ butter")
['toast', 'butter']
"""

from __future__ import annotations

import math
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from nutrilog.matching.lookup import stem
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.synonyms import PhraseTable
from nutrilog.matching.vocabulary import matcher_words, read_word_table
from nutrilog.matching.words import normalize_many
from nutrilog.quantity import parse_quantity

__all__ = [
    "GROUP_COST",
    "Part",
    "Understanding",
    "entry_words",
    "needs_reading",
    "not_food_reason",
    "split_parts",
    "strip_prefix",
    "understand",
]

#: Points each group of a line beyond the first costs (see the module doc).
GROUP_COST = 15.0
#: Score given to a part that names a food the table lacks (it is still a food).
_UNKNOWN_FOOD = 40.0
#: Lines cut into more parts than this are not grouped (each part is a food).
_MAX_GROUPED = 8
#: Score at which a comma-separated line is one food without trying its parts, and at
#: which a line joined by "and", "with"... is one mixed dish.
_SURE_SCORE = 90.0
_SURE_DISH = 95.0
#: Food words a mixed dish may add to those of the line (``white`` of "Black beans and
#: white rice").
_DISH_EXTRA = 1


class EntryWords(NamedTuple):
    """The vocabulary of entry understanding (``datasets/entry_words.csv``)."""

    meals: tuple[str, ...]
    colon_meals: tuple[str, ...]
    times_of_day: tuple[str, ...]
    eat_verbs: tuple[str, ...]
    containers: frozenset[str]
    measures: frozenset[str]
    not_food: PhraseTable[str]
    tallies: PhraseTable[str]


@lru_cache(maxsize=1)
def entry_words() -> EntryWords:
    """The entry vocabulary, read once."""
    rows = read_word_table("entry_words.csv")

    def words(role: str) -> tuple[str, ...]:
        return tuple(w for w, r, _ in rows if r == role)

    return EntryWords(
        meals=words("meal"),
        colon_meals=words("meal_colon"),
        times_of_day=words("time_of_day"),
        eat_verbs=words("eat_verb"),
        containers=frozenset(normalize_many(list(words("container")))),
        measures=frozenset(normalize_many(list(words("measure")))),
        not_food=PhraseTable.build((w, v) for w, r, v in rows if r == "not_food"),
        tallies=PhraseTable.build((w, v) for w, r, v in rows if r == "not_food_weak"),
    )


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first; a space or hyphen matches either."""
    parts = [r"[\s-]?".join(map(re.escape, re.split(r"[\s-]+", w))) for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|noon)"
_SEP = r"(?:\s*[:=]+\s*|\s*[-\u2013\u2014]+\s+)"


@lru_cache(maxsize=1)
def _prefix_patterns() -> list[re.Pattern[str]]:
    w = entry_words()
    meal_word = _alternation(w.meals)
    time_word = _alternation(w.times_of_day)
    meal = rf"(?:(?:{time_word})\s+)?(?:{meal_word})"
    tail = (
        rf"(?:\s*#\s*\d+|\s+\d+(?![\d:]|\s*[ap]\.?m))?(?:\s+(?P<time>{_CLOCK}))?"
        r"(?:\s*\([^)]{0,40}\))?"
        r"(?:\s+(?:at|@|from)\s+[^:=\-\u2013\u2014\d][^:=\-\u2013\u2014]{0,40}?)?"
    )
    amount_next = (
        r"(?=\d|[\u00bc-\u00be\u2150-\u215e]|(?:a|an|one|two|three|four|five|six|seven|"
        r"eight|nine|ten|half|some|few|couple)\b)"
    )
    flags = re.IGNORECASE
    return [
        re.compile(r"^[-*\u2022\u00b7]\s+"),  # a bullet
        re.compile(rf"^[\[(]\s*(?P<meal>{meal}|{time_word}|{_CLOCK})\s*[\])]\s*[:=\-]?\s*", flags),
        re.compile(rf"^(?P<meal>{meal}){tail}{_SEP}", flags),
        re.compile(rf"^(?P<meal>{_alternation(w.colon_meals)})\s*:\s*", flags),
        re.compile(rf"^(?P<meal>{meal})(?:\s+{_CLOCK})?\s+{amount_next}", flags),
        re.compile(rf"^(?P<time>{_CLOCK})(?:{_SEP}|\s+)", flags),
        re.compile(rf"^(?P<meal>(?:{time_word})(?:\s+(?:{time_word}))?){_SEP}", flags),
        re.compile(rf"^(?:{_alternation(w.eat_verbs)})\s+", flags),
    ]


_COMMENT = re.compile(r"\s+#(?!\d).*$")


@lru_cache(maxsize=1)
def _worth_reading() -> re.Pattern[str]:
    """A line that may hold a prefix, a connector or a comment (others read as written)."""
    w = entry_words()
    first = _alternation(w.meals + w.colon_meals + w.times_of_day + w.eat_verbs)
    return re.compile(
        rf"^\s*(?:[-*\u2022\u00b7\[(]|{_CLOCK}|(?:{first})\b)|{_CONNECTOR.pattern}|\s#",
        re.IGNORECASE,
    )


def needs_reading(text: str, words: list[str]) -> bool:
    """Whether :func:`understand` may read ``text`` otherwise than as written.

    ``words`` are its normalised words (for the not-food and tally words). Lines
    without a prefix, a connector, a comment or such a word need no reading: most lines
    of a long diary.

    Examples
    --------
    >>> needs_reading("2 eggs", ["2", "egg"]), needs_reading("lunch: 2 eggs", ["lunch", "2", "egg"])
    (False, True)
    """
    vocab = entry_words()
    if vocab.not_food.find(words) or vocab.tallies.find(words):
        return True
    return _worth_reading().search(text) is not None


def strip_prefix(text: str) -> tuple[str, str | None, str | None]:
    """Take meal and time prefixes, bullets and eating verbs off a line.

    Returns
    -------
    tuple
        ``(rest, meal, time)``: the rest of the line, the meal named (as written, or
        None) and the clock time named (or None).

    Examples
    --------
    >>> strip_prefix("Lunch (work cafeteria) - chicken noodle soup")
    ('chicken noodle soup', 'Lunch', None)
    >>> strip_prefix("snack #2: 2 rice cakes")
    ('2 rice cakes', 'snack', None)
    >>> strip_prefix("11am - greek yogurt")
    ('greek yogurt', None, '11am')
    >>> strip_prefix("snack mix")  # a meal word before a food is the food's own word
    ('snack mix', None, None)
    """
    rest = _COMMENT.sub("", text.strip())
    meal: str | None = None
    clock: str | None = None
    changed = True
    while changed and rest:
        changed = False
        for pattern in _prefix_patterns():
            found = pattern.match(rest)
            if found is None or found.end() == 0 or found.end() >= len(rest):
                continue
            groups = found.groupdict()
            if groups.get("meal") and meal is None:
                meal = groups["meal"].strip()
            if groups.get("time") and clock is None:
                clock = groups["time"].strip()
            rest = rest[found.end() :].strip()
            changed = True
            break
    return rest, meal, clock


_NUMERIC = re.compile(r"\d")


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Mass and energy units (``g``, ``mg``, ``kcal``): an amount beside a tally is no food word."""
    from nutrilog.units import unit_aliases

    return frozenset(
        a.lower() for a, info in unit_aliases().items() if a.isalpha() and info.kind == "mass"
    ) | {"kcal", "cal", "cals"}


def not_food_reason(text: str, known: Container[str] = frozenset()) -> str | None:
    """Why a line is not a food entry, or None when it may be one.

    Parameters
    ----------
    text : str
        The line without its prefixes (:func:`strip_prefix`).
    known : set of str
        Normalised food words; a tally word (``calories``, ``total``) makes a line no
        food entry only when none of them is in it.

    Examples
    --------
    >>> not_food_reason("slept 7 hours")
    "not a food entry (sleep: 'slept')"
    >>> not_food_reason("total: 1850 kcal")
    "not a food entry (tally: 'total')"
    >>> not_food_reason("2 eggs") is None
    True
    """
    words = normalize_many([text])[0].split()
    vocab = entry_words()
    cues = vocab.not_food.find(words)
    if cues:
        start, end, kind = cues[0]
        return f"not a food entry ({kind}: {' '.join(words[start:end])!r})"
    tallies = vocab.tallies.find(words)
    if tallies:
        tallied = {i for s, e, _ in tallies for i in range(s, e)}
        units = _unit_words()
        others = [
            w
            for i, w in enumerate(words)
            if i not in tallied and w in known and w not in units and not _NUMERIC.search(w)
        ]
        if not others:
            start, end, kind = tallies[0]
            return f"not a food entry ({kind}: {' '.join(words[start:end])!r})"
    return None


#: What "X on toast" is served on: ``on`` joins two foods only before one of these.
_SERVED_ON = (
    r"(?:(?:a|an|one|two|\d+|\d+\s+slices?\s+of|white|brown|wholemeal|whole\s*wheat|wholegrain"
    r"|granary|multigrain|sourdough|rye|buttered|toasted|gluten[\s-]free)\s+)*"
    r"(?:toast|bread|bagels?|crackers?|rice|buns?|rolls?|english\s+muffins?|muffins?|pitta?s?"
    r"|naan|crumpets?|rye|sourdough|ryvitas?|rice\s+cakes?|crispbreads?|tortillas?|wraps?)\b"
)
_CONNECTOR = re.compile(
    r"\s*[;]\s*|\s*,(?!\d)\s*|\s*\+\s*|\s+&\s+|:\s+"
    rf"|\s+(?:and|with|plus|n)\s+|\s+w/(?!o\b)\s*|\s+on\s+(?={_SERVED_ON})",
    re.IGNORECASE,
)
#: "Chips" beside one of these is the British plate of fried potatoes (fish and
#: chips, egg and chips, pie and chips), not a bag of potato chips.
_CHIPS = re.compile(r"^(?P<amount>.*?\b)?chips$", re.IGNORECASE)
_BAGGED = re.compile(r"\b(?:bags?|packets?|packs?|tortilla|corn|potato|pita|bagel|kale)\b", re.I)
_CHIPS_MAINS = re.compile(
    r"\b(?:fish|cod|haddock|plaice|scampi|sausages?|bangers?|eggs?|steak|pie|pasty|burgers?"
    r"|chicken|gammon|ham|kebab|curry|beans|battered|breaded|fishcakes?|rissoles?)\b",
    re.IGNORECASE,
)


#: ``one and a half``, ``2 and 1/2``: an amount, not two parts.
_MIXED_NUMBER = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|half)\s+and\s+"
    r"(?:a\s+)?(?:half|quarter|third|\d+/\d+)\b",
    re.IGNORECASE,
)


def _spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each part of ``text`` between connectors."""
    spans = []
    at = 0
    amounts = [m.span() for m in _MIXED_NUMBER.finditer(text)]
    for found in _CONNECTOR.finditer(text):
        if any(a <= found.start() < b for a, b in amounts):
            continue
        spans.append((at, found.start()))
        at = found.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_parts(text: str) -> list[str]:
    """The parts of a line between connectors (before any grouping).

    Examples
    --------
    >>> split_parts("3/4 cup greek yogurt, 1/4 cup granola, 1/2 cup blueberries")
    ['3/4 cup greek yogurt', '1/4 cup granola', '1/2 cup blueberries']
    >>> split_parts("coffee w/o sugar")
    ['coffee w/o sugar']
    """
    return [text[a:b].strip() for a, b in _spans(text)]


class Part(NamedTuple):
    """One food of a line: its text (with its amount) and what was assumed about it."""

    text: str
    tags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Understanding:
    """What a line says: its meal and time, whether it is food, and its foods."""

    #: The line as read.
    text: str
    #: The meal and clock time its prefix names (None when none).
    meal: str | None
    time: str | None
    #: Why the line is not a food entry (None when it is one).
    not_food: str | None
    #: The foods of the line, one per component (one part for a single food).
    parts: tuple[Part, ...]

    @property
    def changed(self) -> bool:
        """Whether the parts say something else than the line as read."""
        return len(self.parts) != 1 or self.parts[0].text != self.text.strip()


def _food_key(matcher: Matcher, text: str) -> str:
    return key_of(parse_quantity(text).food)


def _nouns(matcher: Matcher, key: str) -> list[str]:
    """The food words of a part: core and unknown words that are no measure."""
    measures = entry_words().measures
    reading = matcher.reading(key)
    return [
        w
        for segment in reading.segments
        for w, role in segment
        if role in ("core", "unknown") and w not in measures
    ]


def _merge_amounts(
    matcher: Matcher, text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Parts without a food word of their own join the part before them (or after, first)."""
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    previous: set[str] = set()
    for start, end in spans:
        nouns = _nouns(matcher, _food_key(matcher, text[start:end]))
        restates = bool(nouns) and set(nouns) <= previous
        if not nouns or restates:
            if merged:
                merged[-1] = (merged[-1][0], end)
            else:
                pending = (start, end) if pending is None else (pending[0], end)
            continue
        if pending is not None:
            start, pending = pending[0], None
        merged.append((start, end))
        previous = set(nouns)
    if pending is not None:
        if merged:
            merged[0] = (pending[0], merged[0][1])
        else:
            merged.append(pending)
    return merged


def _part_score(matcher: Matcher, text: str) -> float:
    key = _food_key(matcher, text)
    result = matcher.result(key)
    return result.score if result.position is not None else _UNKNOWN_FOOD


#: What a part that has an amount of its own starts with (``1/4 cup``, ``a banana``).
_AMOUNT_FIRST = re.compile(
    r"^\s*(?:\d+(?:[.,/]\d+)?(?!\d|\s*(?:%|\"|inch|in\b|proof|calorie))|"
    r"[\u00bc-\u00be\u2150-\u215e]|(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|half|some|few|several|couple)\b)",
    re.IGNORECASE,
)


def _has_amount(text: str) -> bool:
    """Whether a part starts with an amount of its own."""
    return _AMOUNT_FIRST.match(text) is not None


def _extra_words(matcher: Matcher, key: str) -> int:
    """How many food words the description of ``key``'s food has that the key lacks."""
    vocab = matcher_words()
    skip = (
        vocab.stop
        | vocab.cosmetic
        | vocab.qualifiers
        | vocab.free
        | vocab.processed
        | vocab.category_heads
        | frozenset(vocab.preparation)
    )
    mine = {stem(w) for w in matcher.reading(key).words("core", "qualifier", "unknown")}
    return sum(
        1
        for w in dict.fromkeys(matcher.description_words(key))
        if w not in skip and not w.isdigit() and stem(w) not in mine
    )


def _group_score(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> float:
    """Score of several parts read as one food (a mixed dish), or -inf when they are not one.

    They are one when only the first part has an amount, and the food they land on is an
    alias of their words, or holds the food word of each part, has the first part's food
    word in its name, and adds at most :data:`_DISH_EXTRA` food words of its own.
    """
    if any(_has_amount(text[a:b]) for a, b in spans[1:]):
        return -math.inf
    whole = text[spans[0][0] : spans[-1][1]]
    key = _food_key(matcher, whole)
    result = matcher.result(key)
    if result.position is None:
        return -math.inf
    if result.method in ("alias", "exact"):
        return result.score
    part_keys = [_food_key(matcher, text[a:b]) for a, b in spans]
    fits = (
        all(matcher.holds(key, part) for part in part_keys)
        and matcher.named(key, part_keys[0])
        and _extra_words(matcher, key) <= _DISH_EXTRA
    )
    return result.score if fits else -math.inf


def _best_grouping(
    matcher: Matcher, text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Consecutive groups of parts with the best total score (see the module doc)."""
    n = len(spans)
    if n > _MAX_GROUPED:
        return spans
    best = [0.0] + [-math.inf] * n  # best[j]: best total for the first j parts
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j):
            if j - i == 1:
                value = _part_score(matcher, text[spans[i][0] : spans[i][1]])
            else:
                value = _group_score(matcher, text, spans[i:j])
            total = best[i] + (j - i) * value - GROUP_COST
            if total > best[j]:
                best[j], cut[j] = total, i
    groups = []
    j = n
    while j > 0:
        i = cut[j]
        groups.append((spans[i][0], spans[j - 1][1]))
        j = i
    return groups[::-1]


def _commas_only(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the parts of ``text`` are separated by commas alone."""
    return all(text[a:b].strip() == "," for (_, a), (b, _) in zip(spans, spans[1:], strict=False))


def _sure_whole(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a line of several parts reads as one food beyond doubt: no part after the
    first has an amount of its own, and the whole is an alias or a description, or scores
    :data:`_SURE_SCORE` or more (:data:`_SURE_DISH` when a connector other than a comma
    joins the parts)."""
    if any(_has_amount(text[a:b]) for a, b in spans[1:]):
        return False
    result = matcher.result(_food_key(matcher, text))
    if result.position is None:
        return False
    if result.method in ("alias", "exact"):
        return True
    if _commas_only(text, spans):
        return result.score >= _SURE_SCORE
    if result.score < _SURE_DISH:
        return False
    if "," in text:  # a description written out ("Beans, baked, canned, with pork")
        return True
    # "english muffin w/ pb" is no muffin alone: a dish must hold every part's food
    key = _food_key(matcher, text)
    return all(matcher.holds(key, _food_key(matcher, text[a:b])) for a, b in spans)


def _dish_tag(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, str], ...]:
    """The ``dish`` assumption of a line of several parts kept whole (none for commas)."""
    if _commas_only(text, spans):
        return ()
    return (("dish", f'"{text}" matched as one mixed dish'),)


def understand(text: str, matcher: Matcher) -> Understanding:
    """Read one diary line (see the module doc).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> u = understand("lunch: toast w/ butter", Matcher(load_foods()))
    >>> u.meal, [p.text for p in u.parts]
    ('lunch', ['toast', '0.5 tbsp butter'])
    """
    rest, meal, clock = strip_prefix(text)
    reason = not_food_reason(rest, matcher.index.postings.keys())
    if reason is not None:
        return Understanding(text, meal, clock, reason, ())
    spans = _spans(rest)
    if len(spans) > 1 and _sure_whole(matcher, rest, spans):
        # an app's "Beans, kidney, cooked", or a dish named in full: one food
        return Understanding(text, meal, clock, None, (Part(rest, _dish_tag(rest, spans)),))
    if len(spans) > 1:
        spans = _merge_amounts(matcher, rest, spans)
    if len(spans) <= 1:
        return Understanding(text, meal, clock, None, (Part(rest, ()),))
    groups = _best_grouping(matcher, rest, spans)
    containers = entry_words().containers
    if len(groups) > 2:
        first = _nouns(matcher, _food_key(matcher, rest[groups[0][0] : groups[0][1]]))
        if first and first[-1] in containers:
            groups = groups[1:]
    if len(groups) == 1:
        whole = rest[groups[0][0] : groups[0][1]].strip()
        return Understanding(text, meal, clock, None, (Part(whole, _dish_tag(rest, spans)),))
    tag = (("component", f'of "{rest}"'),)
    parts = tuple(Part(rest[a:b].strip(" ,;:+&"), tag) for a, b in groups)
    return Understanding(text, meal, clock, None, _companion_amounts(_british_chips(parts, tag)))


class _Companion(NamedTuple):
    """One row of ``datasets/companion_amounts.csv``."""

    base: frozenset[str]  # normalised names of the food that takes the addition
    addition: frozenset[str]  # normalised names of the addition
    amount: str  # the amount of one addition ("2 tbsp")
    base_amount: str  # the amount of the base when it has none ("1 cup"), or ""
    means: str  # the food the addition is in this place ("half and half"), or ""


@lru_cache(maxsize=1)
def _companions() -> tuple[_Companion, ...]:
    """``datasets/companion_amounts.csv``: what an addition without an amount weighs."""
    import csv

    from nutrilog._resources import dataset_path

    with dataset_path("companion_amounts.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            _Companion(
                frozenset(normalize_many(row["base"].split("|"))),
                frozenset(normalize_many(row["addition"].split("|"))),
                row["amount"].strip(),
                (row.get("base_amount") or "").strip(),
                (row.get("means") or "").strip(),
            )
            for row in csv.DictReader(fh)
        )


_BARE_COUNT = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?|a|an|one|two|three)\s+(?P<food>\D+)$", re.I)
_COUNT_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}


#: Coffee-shop cup sizes: a drink named with one has its amount.
_CUP_SIZE = re.compile(
    r"\b(?:short|tall|grande|venti|trenta|small|medium|large|regular|big|mug|pot)\b", re.I
)


def _companion_amounts(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """An addition written without an amount beside the food it goes with takes the
    amount of ``datasets/companion_amounts.csv``: ``coffee with milk`` is 2 tbsp of
    milk, ``tea with 2 sugars`` two teaspoons, ``toast w/ butter`` half a tablespoon,
    not a glass of milk or a default portion of butter."""
    if len(parts) < 2:
        return parts
    keys = [normalize_many([p.text])[0] for p in parts]
    out = list(parts)
    for n, part in enumerate(parts):
        counted = _BARE_COUNT.match(part.text)
        count, food = 1.0, part.text.strip()
        if counted is not None:
            raw = counted["n"].lower()
            count = _COUNT_WORDS.get(raw) or float(raw)
            food = counted["food"].strip()
        elif _has_amount(part.text):
            continue
        key = normalize_many([food])[0]
        others = [k for m, k in enumerate(keys) if m != n]
        rule = next(
            (
                c
                for c in _companions()
                if key in c.addition and any(_names_any(o, c.base) for o in others)
            ),
            None,
        )
        if rule is None:
            continue
        number, unit = rule.amount.split(maxsplit=1)
        amount = f"{float(number) * count:g} {unit}"
        tags = (*part.tags, ("estimated amount", f"{food} = {amount} (added)"))
        if rule.means:
            base = next(o for o in others if _names_any(o, rule.base))
            tags = (*tags, ("synonym", f"{food} → {rule.means} (added to {base})"))
        out[n] = Part(f"{amount} {rule.means or food}", tags)
        if rule.base_amount:
            for m, other in enumerate(out):
                if (
                    m != n
                    and _names_any(keys[m], rule.base)
                    and parse_quantity(other.text).unit_kind == "default"
                    and not _CUP_SIZE.search(other.text)  # no size either
                ):
                    detail = f"{other.text} = {rule.base_amount} (taken with {food})"
                    out[m] = Part(
                        f"{rule.base_amount} {other.text}",
                        (*other.tags, ("estimated amount", detail)),
                    )
    return tuple(out)


def _names_any(key: str, names: frozenset[str]) -> bool:
    """Whether the normalised ``key`` holds one of ``names`` as whole words."""
    padded = f" {key} "
    return any(f" {name} " in padded for name in names)


def _british_chips(parts: tuple[Part, ...], tag: tuple[tuple[str, str], ...]) -> tuple[Part, ...]:
    """``fish and chips``: the chips part is french fries when another part is a hot main."""
    if len(parts) < 2 or not any(_CHIPS_MAINS.search(p.text) for p in parts):
        return parts
    out = []
    for part in parts:
        found = _CHIPS.match(part.text.strip())
        if (
            found is not None
            and not _CHIPS_MAINS.search(part.text)
            and not _BAGGED.search(part.text)  # "a bag of chips" are crisps anywhere
        ):
            amount = (found["amount"] or "").strip()
            text = f"{amount} french fries".strip()
            out.append(Part(text, (*tag, ("synonym", "chips → french fries (beside a hot main)"))))
        else:
            out.append(part)
    return tuple(out)
