"""What a diary line says besides its foods: meal and time prefixes, not-food lines.

The vocabulary is ``datasets/entry_words.csv`` (:func:`entry_words`).
:func:`strip_prefix` takes meal and time prefixes (``breakfast -``, ``lunch:``,
``[dinner]``, ``Meal 3 -``, ``snack #2:``, ``11am -``, ``dinner @ 6:``, ``bkfst -``,
``Mon lunch -``, ``sat 8pm -``, ``@ work:``),
list markers (bullets, check boxes, item numbers such as ``2)`` or ``1.``) and eating
verbs (``had``, ``ate``) off a line and keeps the meal; :func:`not_food_reason` says why a
line is no food entry (``walked``, ``slept``, ``BP``; a tally such as ``total: 1850
kcal``, a duration such as ``10 min`` or a day note such as ``rest day``, with no
food word beside it); :func:`needs_reading` tells the lines that need
neither from those that may (most lines of a long diary need none).

Examples
--------
>>> strip_prefix("breakfast - 2 eggs")
('2 eggs', 'breakfast', None)
>>> not_food_reason("slept 7 hours")
"not a food entry (sleep: 'slept')"
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from typing import NamedTuple

from nutrilog.matching.negations import NEGATION_WORD
from nutrilog.matching.parts import CONNECTOR, ON_BREAD
from nutrilog.matching.synonyms import PhraseTable, brand_table
from nutrilog.matching.vocabulary import read_word_table
from nutrilog.matching.words import normalize_many

__all__ = ["EntryWords", "entry_words", "needs_reading", "not_food_reason", "strip_prefix"]


class EntryWords(NamedTuple):
    """The vocabulary of entry understanding (``datasets/entry_words.csv``)."""

    meals: tuple[str, ...]
    colon_meals: tuple[str, ...]
    times_of_day: tuple[str, ...]
    eat_verbs: tuple[str, ...]
    containers: frozenset[str]
    measures: frozenset[str]
    places: tuple[str, ...]
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
        places=words("place"),
        not_food=PhraseTable.build((w, v) for w, r, v in rows if r == "not_food"),
        tallies=PhraseTable.build((w, v) for w, r, v in rows if r == "not_food_weak"),
    )


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first; a space or hyphen matches either."""
    parts = [r"[\s-]?".join(map(re.escape, re.split(r"[\s-]+", w))) for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|noon)"
#: A 24-hour time written as four digits (``0430``, ``2215h``): a prefix only when a
#: separator follows it, or a word or two of context and a separator (``0430 break -``).
_CLOCK_24 = r"(?:[01]\d|2[0-3])[0-5]\d(?:\s*h(?:rs)?)?"
_SEP = r"(?:\s*[-=]+>\s*|\s*[:=|]+\s*|\s+~\s*|\s*[-\u2013\u2014]+\s+|\s+[-\u2013\u2014]+\s*)"
#: A clock time after ``at``/``@`` (``dinner @ 6:``, ``lunch at 12:30 -``): a bare hour
#: counts only when a separator follows it.
_AT_CLOCK = rf"(?:{_CLOCK}|\d{{1,2}}(?=\s*[:=]|\s*[-\u2013\u2014]+\s))"
_AT = rf"(?:\s*@\s*|\s+(?:at|around|about|approx|~)\s*|\s+(?={_CLOCK}))"
#: A list marker: a bullet, a check box, or an item number (``2)``, ``1.``, ``(3)``)
#: with a space after it, so that ``1.5 cups`` stays an amount and ``2) 1/2 cup``
#: is half a cup.
_LIST_MARKER = (
    r"^(?:[-*+>\u2022\u00b7\u2023\u25aa\u25e6\u2013\u2014]|\[[\sxX\u2713\u2714]?\]"
    r"|\(?#?\d{1,2}[.)])\s+"
)


#: A word of context before a meal and a separator (``office``, ``wk 30``, ``post-run``).
_CONTEXT_WORD = r"(?:[a-z'][a-z0-9'-]*|\d{1,3})"
#: An occasion a meal is before or after (``post-nursing``, ``pre gym``, ``after school``):
#: with it, a meal word is a prefix even when the amount follows without a separator.
_OCCASION = r"(?:pre|post|after|before)[\s-]?[a-z]+"


#: An amount opening what follows a prefix (``2 eggs``, ``half a bagel``).
_AMOUNT_NEXT = (
    r"(?=\d|[\u00bc-\u00be\u2150-\u215e]|(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|half|some|few|couple)\b)"
)
#: A label of one to three words before a colon (``garden: 1/2 cup cucumber``).
_LABEL = re.compile(
    rf"^(?P<label>[a-z][a-z'&.-]*(?:\s+[a-z][a-z'&.-]*){{0,2}})\s*:\s+(?P<rest>{_AMOUNT_NEXT}\S.*)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _prefix_patterns() -> list[re.Pattern[str]]:
    w = entry_words()
    meal_word = _alternation(w.meals)
    time_word = _alternation(w.times_of_day) + r"|day\s*\d{1,3}"  # "Day 2 dinner:"
    meal = rf"(?:(?:{time_word})[\s-]+){{0,2}}(?:{meal_word})(?:[\s-]+(?:{meal_word}))?"
    tail = (
        rf"(?:\s*#\s*\d+|\s+\d+(?!\d|:\d|\s*[ap]\.?m))?"
        rf"(?:{_AT}(?P<time>{_AT_CLOCK}))?"
        r"(?:\s*\([^)]{0,40}\))?"
        r"(?:\s+(?:at|@|from)\s+[^:=\-\u2013\u2014\d][^:=\-\u2013\u2014]{0,40}?)?"
    )
    amount_next = _AMOUNT_NEXT
    flags = re.IGNORECASE
    return [
        re.compile(_LIST_MARKER),  # a bullet or an item number
        re.compile(rf"^[\[(]\s*(?P<meal>{meal}|{time_word}|{_CLOCK})\s*[\])]\s*[:=\-]?\s*", flags),
        # any other tag in square brackets before the food (``[pre-practice] clif bar``)
        re.compile(r"^\[(?P<meal>[^\[\]\d][^\[\]]{0,29})\]\s*[:=\-]?\s*(?=\S)", flags),
        # a tag set off by the same marks on both sides (``** snack **``, ``== garden ==``)
        re.compile(
            r"^(?P<mark>[*=~#_]{1,3})\s*(?P<meal>[^*=~#_\d\s][^*=~#_]{0,29}?)\s*(?P=mark)"
            r"\s*[:=\-]?\s*(?=\S)",
            flags,
        ),
        re.compile(rf"^(?P<meal>{meal}){tail}{_SEP}", flags),
        # a word or two of context before a meal and a separator (``study snack -``,
        # ``team lunch:``): the meal, with its context
        re.compile(rf"^(?P<meal>(?:{_CONTEXT_WORD}\s+){{1,2}}(?:{meal_word})){tail}{_SEP}", flags),
        # an occasion before a colon or a dash (``after pumping:``, ``post run -``)
        re.compile(
            rf"^(?P<meal>{_OCCASION}(?:\s+{_CONTEXT_WORD}){{0,2}})\s*(?::|[-\u2013\u2014]\s|[-=]>)\s*",
            flags,
        ),
        # an occasion before a meal, then the amount (``post-nursing snack 1 oz almonds``)
        re.compile(rf"^(?P<meal>{_OCCASION}[\s-]+(?:{meal_word}))\s+{amount_next}", flags),
        re.compile(
            rf"^(?P<meal>{_alternation(w.colon_meals)})(?:\s*\((?P<time>{_CLOCK})\))?\s*:\s*",
            flags,
        ),
        re.compile(rf"^(?P<meal>{meal})(?:{_AT}(?P<time>{_CLOCK}))?\s+{amount_next}", flags),
        # a time, a word or two of context and a separator (``3am vending:``, ``0430 break -``)
        re.compile(
            rf"^(?P<time>{_CLOCK}|{_CLOCK_24})"
            rf"(?:\s+(?P<meal>{_CONTEXT_WORD}(?:\s+{_CONTEXT_WORD})?))?{_SEP}",
            flags,
        ),
        re.compile(rf"^(?P<time>{_CLOCK})(?:{_SEP}|\s+)", flags),
        # a place before a colon (``@ work:``, ``at mum's:``, ``at the cafe -``)
        re.compile(
            r"^(?:@|at\s)\s*[^:=\-\u2013\u2014\d\s][^:=\u2013\u2014]{0,30}?(?:\s*:|\s+-)\s+", flags
        ),
        re.compile(
            rf"^(?P<meal>(?:{time_word})(?:\s+(?:{time_word}))?)(?:{_AT}(?P<time>{_CLOCK}))?"
            rf"(?:{_SEP}|\s+{amount_next})",
            flags,
        ),
        re.compile(rf"^(?:{_alternation(w.eat_verbs)})\s+", flags),
    ]


_COMMENT = re.compile(r"\s+#(?!\d).*$")


@lru_cache(maxsize=1)
def _worth_reading() -> re.Pattern[str]:
    """A line that may hold a prefix, a connector or a comment (others read as written)."""
    w = entry_words()
    first = _alternation(w.meals + w.colon_meals + w.times_of_day + w.eat_verbs)
    # a word or two of context before a meal and a separator (``office lunch -``)
    context = (
        rf"(?:{_CONTEXT_WORD}\s+){{1,2}}(?:{_alternation(w.meals)})\s*(?:[:=|]|[-\u2013\u2014]\s)"
        rf"|{_OCCASION}[\s-]+(?:{_alternation(w.meals)})\s+\d"
        rf"|{_OCCASION}(?:\s+{_CONTEXT_WORD}){{0,2}}\s*(?::|[-\u2013\u2014]\s|[-=]>)"
    )
    return re.compile(
        rf"^\s*(?:[-*+>\u2022\u00b7\u2023\u25aa\u25e6\u2013\u2014\[(]|\(?#?\d{{1,2}}[.)]\s"
        rf"|{_CLOCK}|{_CLOCK_24}|(?:{first})\b|{context}|[*=~#_]{{1,3}}\s*[^*=~#_\d\s])"
        rf"|{CONNECTOR.pattern}|\s#|{NEGATION_WORD}"
        rf"|{ON_BREAD.pattern}|\([^()\d,;:+&]{{2,30}}\)\s*$",  # another name in brackets
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
    if any(_DISTANCE.match(w) for w in words):  # "5k", "21.1km"
        return True
    return (
        _worth_reading().search(text) is not None
        or _meal_after().search(text) is not None
        or _said_after().search(text) is not None
        or _MIXED_IN_WATER.search(text) is not None
        or _FORMULA.search(text) is not None
    )


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
    >>> strip_prefix("chocolate milk at lunch")
    ('chocolate milk', 'lunch', None)
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
    labelled = _label_before(rest)
    if labelled is not None and labelled[0]:  # "garden: 1/2 cup cucumber slices"
        meal = meal or labelled[0]
        rest = labelled[1]
    elif labelled is not None:  # "salmon: 4 oz baked fillet": the label is the food
        rest = labelled[1]
    after = _meal_after().search(rest)
    if after is not None and after.start() > 0:  # "chocolate milk at lunch"
        meal = meal or after["meal"]
        rest = rest[: after.start()].strip()
    said = _said_after().search(rest)
    if said is not None and said.start() > 0 and not _place_said(said):
        # "fries at mcdonald's": the chain says which fries, read before them
        place = said["place"] or said["named"]
        place = re.sub(r"^(?:the|a|an|my|our|his|her|their)\s+", "", place, flags=re.I)
        rest = f"{place} {rest[: said.start()].strip()}"
    elif (
        said is not None and said.start() > 0 and said["named"] is None
    ):  # "milk before bed", "from the gas station"
        rest = rest[: said.start()].strip()
    mixed = _MIXED_IN_WATER.search(rest)
    if mixed is not None and mixed.start() > 0 and _POWDER_MEASURE.search(rest[: mixed.start()]):
        rest = rest[: mixed.start()].strip()  # "2 scoops whey in water": the powder
    return rest, meal, clock


#: Water a powder is mixed in, closing the line (``in water``, ``with 300ml water``).
_MIXED_IN_WATER = re.compile(
    r"\s+(?:mixed\s+|shaken\s+)?(?:in|with|into)\s+(?:\d+(?:\.\d+)?\s*(?:ml|oz|fl\s*oz)\s+)?"
    r"(?:of\s+)?water\s*$",
    re.IGNORECASE,
)
#: The measures of a powder (``2 scoops``, ``1 sachet``): with one, the water it is mixed
#: in is no food of the line (``tuna in water`` keeps its water).
_POWDER_MEASURE = re.compile(r"\b(?:scoops?|sachets?|packets?|sticks?)\b", re.IGNORECASE)


def _label_before(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` when a line is a label of a word or three, a colon and one food
    with its amount (``church potluck: 2 deviled eggs``, ``garden: 1/2 cup cucumber``):
    the label says where or why, not what. When what follows is an amount with only a
    way of cooking or a count word (``salmon: 4 oz baked fillet``), the label is the
    food: ``("", line without the colon)``. None when no amount follows, when what
    follows is a list (a dish and its parts: ``burrito bowl: rice, beans``) or only an
    amount (``oatmeal: 1 cup``, read later as the food and its amount)."""
    found = _LABEL.match(text)
    if found is None or CONNECTOR.search(found["rest"]) is not None:
        return None
    from nutrilog.matching.vocabulary import matcher_words
    from nutrilog.quantity import parse_quantity

    amount = parse_quantity(found["rest"])
    vocab = matcher_words()
    from nutrilog.matching.reading import count_words

    sizes = frozenset(normalize_many(list(_size_words())))
    plain = vocab.preparation.keys() | vocab.cosmetic | vocab.stop | count_words() | sizes
    words = normalize_many([amount.food])[0].split()
    if amount.unit_kind == "default" or not words:
        return None
    if all(w in plain or w.isdigit() for w in words):
        return "", f"{found['label']} {found['rest']}"
    return found["label"], found["rest"]


@lru_cache(maxsize=1)
def _meal_after() -> re.Pattern[str]:
    """A meal named after the food (``at lunch``, ``for breakfast``, ``with dinner``)."""
    meals = _alternation(entry_words().meals)
    return re.compile(rf"\s+(?:at|for|during|with)\s+(?P<meal>(?:my\s+)?(?:{meals}))\s*$", re.I)


@lru_cache(maxsize=1)
def _said_after() -> re.Pattern[str]:
    """When or where, said after the food (``before bed``, ``this morning``, ``from the
    gas station``): no part of the food. Times of day of five letters or more only
    (``sun`` and ``late`` end food names too)."""
    w = entry_words()
    times = _alternation(tuple(t for t in w.times_of_day if len(t) >= 5))
    return re.compile(
        rf"\s+(?:(?:at|in\s+the|this|last|on|during\s+the)\s+)?(?:{times})\s*$"
        rf"|\s+(?:from|at)\s+(?:the\s+|a\s+|my\s+|our\s+)?(?:{_alternation(w.places)})\s*$"
        # any place with an article or a possessive (``from the diner``, ``at the tea
        # room``, ``at mom's``), unless a brand is named there (see :func:`_place_said`)
        r"|\s+(?:from|at)\s+(?P<place>(?:(?:the|a|an|my|our|his|her|their)\s+)"
        r"[a-z][a-z' &-]{1,30}?|[a-z]+'s(?:\s+(?:house|place))?)\s*$"
        r"|\s+(?:from|at)\s+(?P<named>[a-z][a-z' &-]{1,30}?)\s*$",  # a chain: see below
        re.I,
    )


def _place_said(found: re.Match[str]) -> bool:
    """Whether a place said after the food is no restaurant chain (``fries at
    mcdonald's`` keeps the chain: it says which fries)."""
    place = found["place"] or found["named"]
    if place is None:
        return True
    words = normalize_many([re.sub(r"^(?:the|a|an|my|our|his|her|their)\s+", "", place)])[0]
    found_brands = brand_table().find(words.split())
    return not any(
        brand.kind == "restaurant" and end - start == len(words.split())
        for start, end, brand in found_brands
    )


#: A spreadsheet formula pasted into a log (``=SUM(A1:A2)``, ``@A1``, a cell range):
#: no food, whatever words it holds (``A1`` is also a steak sauce).
_FORMULA = re.compile(
    r"^\s*[=+@]\s*[A-Za-z][A-Za-z0-9_.]*\s*\(|^\s*[=@]\s*\$?[A-Za-z]{1,3}\$?\d+\b"
    r"|\b\$?[A-Za-z]{1,3}\$?\d+\s*:\s*\$?[A-Za-z]{1,3}\$?\d+\b"
)
#: Words USDA descriptions hold that name no food (``no`` of "No. 2", ``without``): a
#: tally line that has them still has no food word (``desk day, no run``).
_NO_FOOD = frozenset({"no", "not", "without", "with", "and", "or", "of", "the", "a"})
_NUMERIC = re.compile(r"\d")
#: A distance run or ridden, written as one word (``5k``, ``10k``, ``112km``, ``13.1mi``):
#: like a tally word, a line with it and no food word is a training note.
_DISTANCE = re.compile(r"^\d+(?:\.\d+)?(?:k|km|kms|mi)$")


@lru_cache(maxsize=1)
def _size_words() -> frozenset[str]:
    """The size words of ``datasets/units.csv`` (``small``, ``med``, ``sm``)."""
    from nutrilog.units import unit_aliases

    return frozenset(a for a, info in unit_aliases().items() if info.kind == "size")


def _is_size(text: str, cue: list[str]) -> bool:
    """Whether a one-word not-food cue is written as a size word before a food.

    ``med`` is the singular of ``meds`` (medication) once plurals are folded, but
    ``1 med onion``, ``a med apple`` or ``zucchini (1 med)`` names an item's size:
    the word as written is a size word of ``units.csv`` after a count or an article,
    before another word, a bracket, a comma or the end of the line.
    """
    if len(cue) != 1 or cue[0] not in _size_words():
        return False
    pattern = rf"(?:^|[\s(])(?:\d+(?:[./]\d+)?|a|an|one|two|three|four)\s+{re.escape(cue[0])}\.?(?:\s+[a-z]|\s*[),;]|\s*$)"
    return re.search(pattern, text.lower()) is not None


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Mass, volume and energy units (``g``, ``mg``, ``L``, ``kcal``) and stop words
    (``on``, ``the``): beside a tally they are no food word."""
    from nutrilog.matching.vocabulary import matcher_words
    from nutrilog.units import unit_aliases

    units = frozenset(
        a.lower()
        for a, info in unit_aliases().items()
        if a.isalpha() and info.kind in ("mass", "volume")
    )
    return units | matcher_words().stop | {"kcal", "cal", "cals"}


@lru_cache(maxsize=1)
def _meal_names() -> PhraseTable[str]:
    """The meal words of the entry vocabulary as phrases (``post workout``)."""
    meals = normalize_many(list(entry_words().meals))
    return PhraseTable.build((m, m) for m in meals if " " in m)


def _named_spans(words: list[str]) -> list[tuple[int, int, object]]:
    """The spans of ``words`` that name a brand or a meal of several words."""
    return [*brand_table().find(words), *_meal_names().find(words)]


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
    if _FORMULA.search(text):
        return "not a food entry (spreadsheet formula)"
    words = normalize_many([text])[0].split()
    vocab = entry_words()
    # a brand's or a meal's name is no cue (``weight watchers`` and a ``post workout
    # shake`` are food; ``weight`` and ``workout`` alone are not)
    named = {i for s, e, _ in _named_spans(words) for i in range(s, e)}
    cues = [
        c
        for c in vocab.not_food.find(words)
        if not _is_size(text, words[c[0] : c[1]]) and not named.intersection(range(*c[:2]))
    ]
    if cues:
        start, end, kind = cues[0]
        return f"not a food entry ({kind}: {' '.join(words[start:end])!r})"
    tallies = vocab.tallies.find(words)
    tallies += [(i, i + 1, "activity") for i, w in enumerate(words) if _DISTANCE.match(w)]
    if tallies:
        tallied = {i for s, e, _ in tallies for i in range(s, e)}
        units = _unit_words()
        others = [
            w
            for i, w in enumerate(words)
            if i not in tallied
            and w in known
            and w not in units
            and w not in _NO_FOOD
            and not _NUMERIC.search(w)
        ]
        if not others:
            start, end, kind = tallies[0]
            return f"not a food entry ({kind}: {' '.join(words[start:end])!r})"
    return None
