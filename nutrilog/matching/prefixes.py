"""What a diary line says besides its foods: meal and time prefixes, times and places.

The vocabulary is ``datasets/entry_words.csv``
(:func:`~nutrilog.matching.diary_words.entry_words`).
:func:`strip_prefix` takes meal and time prefixes (``breakfast -``, ``lunch:``,
``[dinner]``, ``Meal 3 -``, ``snack #2:``, ``11am -``, ``dinner @ 6:``, ``bkfst -``,
``Mon lunch -``, ``sat 8pm -``, ``@ work:``),
list markers (bullets, check boxes, item numbers such as ``2)`` or ``1.``) and eating
verbs (``had``, ``ate``) off a line and keeps the meal (why a line is no food entry is
:mod:`~nutrilog.matching.not_food`'s); :func:`clock_after` takes a time said after the
food; :func:`needs_reading` tells the lines that need no reading from those that may
(most lines of a long diary need none).

Examples
--------
>>> strip_prefix("breakfast - 2 eggs")
('2 eggs', 'breakfast', None)
>>> clock_after("banana 10:15")
('banana', '10:15')
"""

from __future__ import annotations

import re
from functools import lru_cache

from nutrilog.matching.diary_words import alternation, entry_words, size_words
from nutrilog.matching.negations import NEGATION_WORD
from nutrilog.matching.not_food import FORMULA, MONEY, SUGAR_READING, not_food_reason, tally_cue
from nutrilog.matching.parts import CONNECTOR, ON_BREAD
from nutrilog.matching.synonyms import brand_table
from nutrilog.matching.words import normalize_many
from nutrilog.supplements.words import PURPOSE

__all__ = ["FAMILY", "MENU_NUMBER", "clock_after", "needs_reading", "strip_prefix"]


#: A clock time: ``7am``, ``7:30 p.m.``, ``19:30``, ``noon``, an hour with a bare
#: ``a``/``p`` glued to it (``9:45a``, ``6p``), as people type in notes apps, or hours
#: and minutes around an ``h`` (``10h30``, as South Africa and much of Europe write it).
_CLOCK = (
    r"(?:\d{1,2}(?::\d{2}|\.\d{2}(?=\s*[ap]\.?m))?(?:\s*[ap]\.?m\.?|[ap]\b)|\d{1,2}:\d{2}|noon"
    r"|(?:[01]?\d|2[0-3])h[0-5]\d\b|(?:[01]?\d|2[0-3])h(?=\s*[:\-\u2013]))"
)
#: A 24-hour time written as four digits (``0430``, ``2215h``): a prefix only when a
#: separator follows it, or a word or two of context and a separator (``0430 break -``).
_CLOCK_24 = r"(?:[01]\d|2[0-3])[0-5]\d(?:\s*h(?:rs)?)?"
_SEP = (
    r"(?:\s*[-=]+>\s*|\s*>>+\s*|>\s+|\s*[:=|]+\s*|\s*\)\s+|\s+~\s*|~\s+|\s*[-\u2013\u2014]+\s+|\s+[-\u2013\u2014]+\s*"
    r"|\s+\*{1,3}\s+)"
)
#: A clock time after ``at``/``@`` (``dinner @ 6:``, ``lunch at 12:30 -``): a bare hour
#: counts only when a separator follows it.
_AT_CLOCK = rf"(?:{_CLOCK}|\d{{1,2}}(?=\s*[:=](?!\d)|\s*[-\u2013\u2014]+\s))"
_AT = rf"(?:\s*@\s*|\s+(?:at|around|about|approx|~)\s*|\s+(?={_CLOCK}))"
#: A list marker: a bullet, a check box, or an item number (``2)``, ``1.``, ``(3)``)
#: with a space after it, so that ``1.5 cups`` stays an amount and ``2) 1/2 cup``
#: is half a cup.
_LIST_MARKER = (
    r"^(?:[-*+\u2022\u00b7\u2023\u25aa\u25e6\u2013\u2014]|>{1,3}|\[[\sxX\u2713\u2714]?\]"
    r"|\(?#?\d{1,2}[.)])\s+"
)


#: What follows a meal name and a dash when it is a food: words, or an amount and a word
#: that is no cup or glass of the drink the name also is (``tea - 2 cups``).
_FOOD_NEXT = (
    r"(?:[\d./\u00bc-\u00be]+\s*)?"
    # "tea - 2 cups", "tea - 2 cups w/ milk" are tea; "tea - 1.5 cups beef stew" a meal
    r"(?!(?:cups?|mugs?|glass(?:es)?|pots?|pints?|bottles?)\b"
    r"(?:\s*$|\s*[,;]|\s+(?:of\s+)?(?:w/|(?:tea|with|and|milk|sugars?|no|black|white)\b)))[a-z]"
)
#: A word of context before a meal and a separator (``office``, ``wk 30``, ``post-run``).
_CONTEXT_WORD = r"(?:[a-z'][a-z0-9'-]*|\d{1,3}(?:st|nd|rd|th)?)"
#: An occasion a meal is before or after (``post-nursing``, ``pre gym``, ``after school``):
#: with it, a meal word is a prefix even when the amount follows without a separator. A
#: clock may stand between (``after 10:30 mass``).
_OCCASION = r"(?:pre|post|after|before|b4)(?:\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?[\s-]?[a-z]+"


#: Context before a time: a word or two ending in a shift word (``mid-shift``, ``on
#: break``, ``3rd shift break``); other words before a time may be a food (``toast 0700
#: - 2 slices``).
_SHIFT_CONTEXT = r"(?:(?:[a-z][a-z']*|\d(?:st|nd|rd|th))[\s-]){0,2}(?:shift|break|work|call|duty)"


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
    meal_word = alternation(w.meals)
    durations = alternation(w.durations)
    units = _unit_names()
    time_word = alternation(w.times_of_day) + r"|day\s*\d{1,3}"  # "Day 2 dinner:"
    meal = rf"(?:(?:{time_word})[\s-]+){{0,2}}(?:{meal_word})(?:[\s-]+(?:{meal_word}))?"
    tail = (
        rf"(?:\s*#\s*\d+|\s+\d+(?!\d|:\d|\s*[ap]\.?m))?"
        rf"(?:{_AT}(?P<time>{_AT_CLOCK}))?"
        r"(?:\s*\([^)]{0,40}\))?"
        # where or with whom (``dinner @ the rio -``, ``dinner w/ kids:``)
        # (a hyphen inside a name is no separator: ``lunch @ H-E-B:``; a number may open
        # a name before a word: ``lunch @ 99 Ranch food court -``, ``dinner w/ 3 kids:``)
        r"(?:\s+(?:(?:at|@|from|in|on|with|w)\s+|w/\s*)(?:\d{1,4}\s+(?=[a-z]{2}))?"
        r"[^:=\-\u2013\u2014\d]"
        r"(?:[^:=\-\u2013\u2014]|(?<=[a-z])-(?=[a-z])){0,40}?)?"
    )
    amount_next = _AMOUNT_NEXT
    flags = re.IGNORECASE
    return [
        re.compile(_LIST_MARKER),  # a bullet or an item number
        # a numbered meal of a meal plan (``meal 4 / 5oz tilapia``, ``meal prep #2:``)
        re.compile(
            r"^(?P<meal>meal(?:\s*prep)?\s*#?\s*\d{1,2})\s*(?::|/|\)|[-\u2013\u2014]+\s|[-=]>|>>)\s*",
            flags,
        ),
        re.compile(rf"^[\[(]\s*(?P<meal>{meal}|{time_word}|{_CLOCK})\s*[\])]\s*[:=\-]?\s*", flags),
        # any other tag in square brackets before the food
        # (``[pre-practice] clif bar``), a time of day before it (``[2am break]``)
        re.compile(
            rf"^\[(?P<meal>(?:{_CLOCK}\s+)?[^\[\]\d][^\[\]]{{0,29}})\]\s*[:=\-]?\s*(?=\S)", flags
        ),
        # a tag set off by the same marks on both sides (``** snack **``, ``== garden ==``)
        re.compile(
            r"^(?P<mark>[*=~#_]{1,3})\s*(?P<meal>[^*=~#_\d\s][^*=~#_]{0,29}?)\s*(?P=mark)"
            r"\s*[:=\-]?\s*(?=\S)",
            flags,
        ),
        # a date before a meal and its separator (``12/2 dinner:``, ``2026-11-30 lunch -``)
        # or before a colon: never before a meal word that is a food's (``1/2 breakfast
        # burrito``)
        re.compile(
            rf"^(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"
            rf"(?:\s+(?=(?:{meal}){tail}{_SEP})|\s*:\s+)",
            flags,
        ),
        re.compile(rf"^(?P<meal>{meal}){tail}{_SEP}", flags),
        # a word or two of context before a meal and a separator (``study snack -``,
        # ``team lunch:``): the meal, with its context
        re.compile(rf"^(?P<meal>(?:{_CONTEXT_WORD}\s+){{1,2}}(?:{meal_word})){tail}{_SEP}", flags),
        # a word before "night" and a separator (``taco night -``, ``movie night:``)
        re.compile(rf"^(?P<meal>[a-z][a-z'-]*\s+night){_SEP}", flags),
        # an occasion before a colon or a dash (``after pumping:``, ``post run -``)
        re.compile(
            rf"^(?P<meal>{_OCCASION}(?:\s+{_CONTEXT_WORD}){{0,2}})\s*(?::|[-\u2013\u2014]\s|[-=]>|>>)\s*",
            flags,
        ),
        # an occasion before a meal, then the amount (``post-nursing snack 1 oz almonds``)
        re.compile(rf"^(?P<meal>{_OCCASION}[\s-]+(?:{meal_word}))\s+{amount_next}", flags),
        re.compile(
            rf"^(?P<meal>{alternation(w.colon_meals)})(?:\s*\((?P<time>{_CLOCK})\))?\s*:\s*",
            flags,
        ),
        # the same names before a spaced dash or an arrow, when a food follows (``morning
        # tea - 1 mandarin``; ``tea - 2 cups`` is tea)
        re.compile(
            rf"^(?P<meal>{alternation([m for m in w.colon_meals if len(m) > 2])})"
            rf"\s*(?:[-\u2013\u2014]+\s|[-=]>)\s*(?={_FOOD_NEXT})",
            flags,
        ),
        re.compile(rf"^(?P<meal>{meal})(?:{_AT}(?P<time>{_CLOCK}))?\s+{amount_next}", flags),
        # a time, a word or two of context and a separator (``3am vending:``, ``0430 break -``)
        re.compile(
            rf"^(?P<time>{_CLOCK}|{_CLOCK_24})"
            rf"(?:\s+(?P<meal>{_CONTEXT_WORD}(?:\s+{_CONTEXT_WORD}){{0,2}}))?{_SEP}",
            flags,
        ),
        re.compile(rf"^(?P<time>{_CLOCK})(?:{_SEP}|\s+)", flags),
        # a word or two of context, a time and a separator (``mid-shift 0200 --``, ``on
        # break 3am:``): a 24-hour time, or a shift word (``coffee 7am - 2 cups`` is coffee)
        re.compile(rf"^(?P<meal>{_SHIFT_CONTEXT})\s+(?P<time>{_CLOCK}|{_CLOCK_24}){_SEP}", flags),
        # a shift word and a bare hour after ``@`` or ``at`` (``on break @ 4 - granola bar``)
        re.compile(
            rf"^(?P<meal>{_SHIFT_CONTEXT})(?:\s*@\s*|\s+at\s+)(?P<time>{_AT_CLOCK}){_SEP}", flags
        ),
        # an occasion or a meal, then a time after ``@`` (``pre-run @5:40 1 banana``)
        re.compile(
            rf"^(?:(?P<meal>{_OCCASION}|{meal})\s*)?@\s*(?P<time>{_CLOCK})(?:{_SEP}|\s+)", flags
        ),
        # a time written with a dot (``12.30``, UK style) before a food that has its own
        # amount later (``12.30 sardines 1 tin``) or before a separator
        re.compile(
            rf"^(?P<time>(?:[01]?\d|2[0-3])\.(?:15|30|45))"
            rf"(?:{_SEP}|\s+(?!(?:{units})\b)(?=[a-z][a-z\s'-]*\d))",
            flags,
        ),
        # a point of a run or a ride before a separator (``mile 10 -- orange``, ``km 25:
        # gel``, ``2 hrs - bar``): when it was eaten, no amount of the food
        re.compile(
            rf"^(?:(?:{durations})\s*\d{{1,3}}(?:\.\d+)?|\d{{1,3}}(?:\.\d+)?\s*(?:{durations}|k))"
            r"\s*(?:[-\u2013\u2014]{1,2}|:|[-=]>|>>)\s+",
            flags,
        ),
        # a place and a separator (``cafeteria: turkey, mashed potatoes``, ``canteen -``)
        re.compile(
            rf"^(?P<meal>(?:[a-z]+\s+)?(?:{alternation(w.places_before + w.places)}))"
            r"\s*(?::|[-\u2013\u2014]+\s|[-=]>|>>)\s*",
            flags,
        ),
        # a place said before the food (``gas station pizza``, ``airport sandwich``)
        re.compile(rf"^(?:(?:the|a)\s+)?(?:{alternation(w.places_before)})\s+(?=[a-z\d])", flags),
        # a place before a colon (``@ work:``, ``at mum's:``, ``at the cafe -``)
        re.compile(
            r"^(?:@|at\s)\s*[^:=\-\u2013\u2014\d\s][^:=\u2013\u2014]{0,30}?(?:\s*:|\s+-)\s+", flags
        ),
        re.compile(
            rf"^(?P<meal>(?:{time_word})(?:\s+(?:{time_word}))?)(?:{_AT}(?P<time>{_CLOCK}))?"
            rf"(?:{_SEP}|\s+{amount_next})",
            flags,
        ),
        # a day and where it was, before a separator (``sunday @ my sister's:``)
        re.compile(
            rf"^(?P<meal>(?:{time_word})(?:\s+(?:{time_word}))?)\s*(?:@|\bat\b)\s*"
            r"[^:=\-\u2013\u2014\d\s][^:=\-\u2013\u2014]{0,40}?"
            rf"{_SEP}",
            flags,
        ),
        re.compile(rf"^(?:{alternation(w.eat_verbs)})\s+", flags),
        # someone else eating, named before the verb (``Mom ate a few dumplings``, ``Kevin
        # had 2 beers``): a family word, or a name written with a capital
        re.compile(
            rf"^(?:(?i:{alternation(tuple(FAMILY))})|[A-Z][a-z]+)\s+"
            rf"(?i:{alternation(w.eat_verbs)})\s+(?=\S)"
        ),
    ]


@lru_cache(maxsize=1)
def _unit_names() -> str:
    """The units and sizes of ``datasets/units.csv`` written as words, as an
    alternation: a dotted number before one is an amount (``1.30 cups``), no time."""
    from nutrilog.units import unit_aliases

    return alternation(tuple(a.lower() for a in unit_aliases() if re.fullmatch(r"[A-Za-z ]+", a)))


#: What or whom a food was for, at the end of a line (``flour tortilla for a wrap``,
#: ``sandwich for the kids``): no part of the food.
_MADE_FOR = re.compile(
    r"\s+for\s+(?:(?:a|an|the|my|his|her|our|their)\s+[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?"
    # a name, or a family word alone (``apple juice box for Yusuf``, ``for mom``)
    r"|(?!(?:breakfast|brunch|lunch|dinner|supper|tea|snack|dessert|later|now|work)\b)"
    r"(?-i:[A-Z][a-z'-]{1,15})|(?:mom|mum|dad|grandma|grandpa|nana|papa|the\s+kids|kids))\s*$",
    re.I,
)
_COMMENT = re.compile(r"\s+#(?!\d).*$")
#: 7-Eleven written with its number (``7-11 taquitos``, ``snack @ 7-11: honey bun``):
#: a shop, not seven to eleven servings; read as the chain's name the brand table holds.
_NUMBERED_STORE = re.compile(
    r"(?:^|(?<=@)|(?<=\bat\s)|(?<=\bfrom\s))\s*7[-\s]?(?:11|eleven)\b"
    r"(?=\s*[:\-]?\s*[a-z])(?!\s*[ap]\.?m\b)",
    re.IGNORECASE,
)


def store_named(text: str) -> str:
    """``text`` with 7-Eleven's number written as its name (``7-11 coffee`` ->
    ``seveneleven coffee``).

    Examples
    --------
    >>> store_named("7-11 taquitos x2"), store_named("shift 7-11")
    ('seveneleven taquitos x2', 'shift 7-11')
    """
    return _NUMBERED_STORE.sub(
        lambda m: m[0][: len(m[0]) - len(m[0].lstrip())] + "seveneleven", text
    )


#: A nutrient amount in brackets after the food (``salt (2300 mg sodium)``, ``(12g
#: protein)``): what the label says of it, no part of the food or its amount.
_NUTRIENT_NOTE = re.compile(
    r"\s*\(\s*~?\d+(?:\.\d+)?\s*(?:mg|mcg|g|kcal|cals?|calories)\s+(?:of\s+)?"
    r"(?:sodium|salt|potassium|calcium|magnesium|protein|carbs?|carbohydrates?|fat|sugars?"
    r"|fib(?:er|re)|caffeine)\s*\)",
    re.I,
)


@lru_cache(maxsize=1)
def _worth_reading() -> re.Pattern[str]:
    """A line that may hold a prefix, a connector or a comment (others read as written)."""
    w = entry_words()
    first = alternation(w.meals + w.colon_meals + w.times_of_day + w.eat_verbs + w.places_before)
    # a word or two of context before a meal and a separator (``office lunch -``)
    context = (
        rf"(?:{_CONTEXT_WORD}\s+){{1,2}}(?:{alternation(w.meals)}){_SEP}"
        rf"|{_SHIFT_CONTEXT}\s+(?:{_CLOCK}|{_CLOCK_24}){_SEP}|[a-z][a-z'-]*\s+night{_SEP}"
        rf"|{_SHIFT_CONTEXT}(?:\s*@\s*|\s+at\s+)\d"
        rf"|{_OCCASION}[\s-]+(?:{alternation(w.meals)})\s+\d"
        rf"|{_OCCASION}(?:\s+{_CONTEXT_WORD}){{0,2}}\s*(?::|[-\u2013\u2014]\s|[-=]>)"
    )
    return re.compile(
        rf"^\s*(?:[-*+>\u2022\u00b7\u2023\u25aa\u25e6\u2013\u2014\[(]|\(?#?\d{{1,2}}[.)]\s"
        rf"|{_CLOCK}|{_CLOCK_24}|(?:{first})\b|{context}|[*=~#_]{{1,3}}\s*[^*=~#_\d\s]"
        rf"|{_OCCASION}\s*@|@\s*\d|(?:[01]?\d|2[0-3])\.(?:15|30|45)(?:\s+[a-z]|\s*[-:=>|])"
        rf"|(?:{alternation(w.durations)})\s*\d)"
        rf"|{CONNECTOR.pattern}|\s#|\s>>\s|{NEGATION_WORD}|{_NUTRIENT_NOTE.pattern}"
        rf"|{ON_BREAD.pattern}|{_MADE_FOR.pattern}"
        r"|\([^()\d,;:+&]{2,30}\)\s*$"  # another name in brackets
        rf"|^\s*[a-z]+\s+(?:{alternation(w.eat_verbs)})\s"  # "Mom ate a few dumplings"
        r"|\bbuttered\b"  # "buttered toast": the bread and its butter
        r"|\w\s+stir[\s-]*fry\b"  # "bok choy stir fry": the greens stir-fried
        r"|\bfried\s+in\s"  # "mushrooms fried in butter": sauteed in it
        r"|\sc/\s*[a-z]"  # "tostones c/ aguacate": Spanish c/ (con), as w/ is with
        r"|^\s*@\s*[a-z]"  # "@ work - 2 eggs": where it was eaten, before the food
        # a label of a word or a few and a separator before a food ("Linda - 1/2 cup",
        # "btwn routes -> granola bar", "family meal @ work - 1 cup chow mein")
        r"|^\s*[a-z][\w'-]*(?:\s+(?:[\w'-]+|@|w/|&)){0,5}\s*(?::|[-\u2013\u2014]+\s|[-=]>|>>)\s*\w"
        r"|^\s*(?:after|before|b4|during)(?:\s+(?:\d+\.\d+|[\w'-]+)){1,5}\s*(?::|[-\u2013\u2014]+\s|[-=]>|>>)\s*\w",
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
    if any(tally_cue(w) for w in words):  # "5k", "21.1km", "9pm"
        return True
    return (
        _worth_reading().search(text) is not None
        or _meal_after().search(text) is not None
        or _said_after().search(text) is not None
        or _CLOCK_AFTER.search(text) is not None
        or _MIXED_IN_WATER.search(text) is not None
        or FORMULA.search(text) is not None
        or MONEY.search(text) is not None  # "coffee $4.50": a price, no amount
        or _NUMBERED_STORE.search(text) is not None  # "7-11 taquitos": a shop
        or MENU_NUMBER.search(text) is not None  # "combo #3": an item's number
        or SUGAR_READING.search(text) is not None  # "sugar 162 before bkfst"
        or (_OWNER.search(text) is not None and _owner_dropped(text) != text)  # "mum's"
        # "rotisserie chicken, 1/4": a share of a whole bird, read as its meat
        or (_BIRD.search(text) is not None and _BIRD_SHARE.search(text) is not None)
    )


#: An item's number on a menu (``Jersey Mike's #13``, ``combo #3``): never an amount.
MENU_NUMBER = re.compile(r"(?<=\S)\s*#\s?\d{1,3}\b(?!\s*(?:g|oz|lb|lbs|ml|cups?|cans?)\b)")


#: A whole bird sold by the share (:func:`~nutrilog.matching.dishes.chicken_share`).
_BIRD = re.compile(r"\b(?:chickens?|pollos?|frangos?|poulets?)\b", re.IGNORECASE)
_BIRD_SHARE = re.compile(
    r"(?<![\w/.])(?:1/[248]|quarter|half|whole|eighth|medio|meio|demi)\b", re.IGNORECASE
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
    text = store_named(text)  # "7-11 coffee": a shop, no amount
    rest = _prefix_note_dropped(_NUTRIENT_NOTE.sub("", _COMMENT.sub("", text.strip())))
    meal: str | None = None
    clock: str | None = None
    familys = _AT_FAMILYS.match(rest)
    if familys is not None and familys["who"].lower() in FAMILY:
        # "mama's kitchen - fried tilapia": where it was had (no meal, and not a Mama
        # noodle soup)
        rest = rest[familys.end() :].strip()
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
    at_chain = _meal_at_chain().match(rest) if meal is None else None
    if at_chain is not None and _names_a_chain(at_chain["chain"]):
        # "lunch Subway: 6in tuna sub": the meal, and the chain the food came from
        meal = at_chain["meal"]
        rest = f"{at_chain['chain']} {rest[at_chain.end() :].strip()}"
    placed = _amount_then_place().match(rest)
    if placed is not None:  # "20oz gas station coffee": the size is the coffee's
        rest = f"{placed['amount']}{rest[placed.end() :]}"
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
    purpose = PURPOSE.search(rest.translate(_BRACKETS_AS_SPACE))
    if purpose is not None and purpose.start() > 0:
        rest = rest[: purpose.start()].strip()  # "banana (for cramps)": why it was eaten
    made = _MADE_FOR.search(rest)
    if made is not None and made.start() > 0:
        rest = rest[: made.start()].strip()  # "flour tortilla for a wrap": what it was for
    note = _BRACKET_CLOSING.search(rest)
    if (
        note is not None
        and note.start() > 0
        and not FORMULA.search(rest)  # "=SUM(A1:A2)" stays a formula
        and not_food_reason(note["note"]) is not None
    ):
        rest = rest[: note.start()].strip()  # "1 banana (cramps again)": a note of the day
    kind = _WHICH_KIND.search(rest)
    if kind is not None and kind.start() > 0:
        rest = rest[: kind.start()].strip()  # "pot pie, the frozen kind": which one, no food
    said = _said_after().search(rest)
    if said is not None and said.start() > 0 and not _place_said(said):
        # "fries at mcdonald's": the chain says which fries, read before them
        place = said["place"] or said["named"]
        place = re.sub(r"^(?:the|a|an|my|our|his|her|their)\s+", "", place, flags=re.I)
        # "from mcd drive thru": the chain, not the window it was bought at
        place = re.sub(rf"\s+(?:{alternation(entry_words().places)})$", "", place, flags=re.I)
        rest = f"{place} {rest[: said.start()].strip()}"
    elif (
        said is not None and said.start() > 0 and said["named"] is None
    ):  # "milk before bed", "from the gas station"
        rest = rest[: said.start()].strip()
    mixed = _MIXED_IN_WATER.search(rest)
    if mixed is not None and mixed.start() > 0 and _POWDER_MEASURE.search(rest[: mixed.start()]):
        rest = rest[: mixed.start()].strip()  # "2 scoops whey in water": the powder
    return _owner_dropped(rest), meal, clock


#: Where the food was had, at a family member's, before a separator (``mama's kitchen
#: -``, ``at Grandma's:``): a label, never the food, nor the brand a family word is also.
_AT_FAMILYS = re.compile(
    r"^(?:(?:at|@)\s*)?(?P<who>[a-z]+)['\u2019]s(?:\s+[a-z]+){0,2}?"
    r"\s*(?::|\s[-\u2013\u2014]+)\s+(?=\S)",
    re.IGNORECASE,
)
#: Whose food it was, before the food (``mum's lasagne``, ``a few of Ollie's fish
#: fingers``): a family word or a capitalised name with ``'s``.
_OWNER = re.compile(
    r"(?:\b(?P<of>of)\s+)?\b(?P<who>[A-Za-z][A-Za-z-]{1,20})['\u2019]s\s+(?=[A-Za-z])"
)
#: Family words: whose food it was (``mum's lasagne``), who ate it (``Mom ate ...``) or
#: whom a line was logged for (``(grandma) oatmeal``).
FAMILY = frozenset(
    re.findall(
        r"\S+",
        """mum mom mums moms mam ma dad dads pa nan nana nans gran grans grandma grandpa
        granny grandad grandads auntie aunty aunt uncle nanna nonna oma opa abuela abuelo
        lola lolo sister brother wife husband partner hubby wifey son daughter kid kids baby
        bf gf friend neighbour neighbor boss mate flatmate roommate housemate colleague
        coworker cousin niece nephew grandson granddaughter toddler mama papa mommy
        daddy mummy mother father grandmother grandfather stepmom stepdad sis bro
        pops gramps grampa granpa gramma grammy papi mami abuelita abuelito tia tio
        hija hijo esposa esposo mijo mija nonno bubbe bubby zayde zaidy savta""",
    )
)


def _owner_dropped(text: str) -> str:
    """``text`` without whose food it was (``some of Ava's mac and cheese`` is some mac
    and cheese); a brand's name with ``'s`` (McDonald's, Annie's, Trader Joe's) stays."""
    found = _OWNER.search(text)
    if found is None:
        return text
    who = found["who"]
    if who.lower() not in FAMILY and not who[0].isupper():
        return text
    before = text[: found.start("who")].split()[-1:] if found["of"] is None else []
    around = " ".join([*before, text[found.start("who") :]])
    if brand_table().find(normalize_many([around])[0].split()[:4]):
        return text  # "Reese's cups", "Trader Joe's chicken": the maker's name
    return " ".join(f"{text[: found.start()]} {text[found.end() :]}".split())


#: A remark closing a line on which kind of the food it was (``chicken pot pie, the
#: frozen kind``, ``yogurt - the greek one``): no food of its own.
_WHICH_KIND = re.compile(
    r"\s*(?:,|[-\u2013\u2014]\s)\s*(?:the|a|an)\s+(?:[\w'-]+\s+){0,3}"
    r"(?:kind|type|sort|variety|version|one|ones)\s*$",
    re.IGNORECASE,
)
#: A note in brackets inside a prefix, before its separator (``2am (cramps) - 1 banana``,
#: ``tea (evening meal): 2 fish cakes``).
_PREFIX_NOTE = re.compile(
    r"^(?P<head>[^()]{1,30}?)\s*\((?P<note>[^()]{2,30})\)\s*(?=:|[-\u2013\u2014]+\s|[-=]>|>>)"
)


def _prefix_note_dropped(text: str) -> str:
    """``text`` without a note of the day or a meal's name in brackets inside its prefix
    (the food after the separator is still eaten: ``2am (cramps) - 1 banana``)."""
    found = _PREFIX_NOTE.match(text)
    if found is None:
        return text
    note = found["note"]
    if re.search(r"\d", note):
        return text  # "tea (5pm): crumpets": a clock the prefix patterns read
    words = set(normalize_many([note])[0].split())
    meals = {w.lower() for w in entry_words().meals} | {"meal"}
    if not_food_reason(note) is None and not words & meals:
        return text
    return f"{found['head'].rstrip()} {text[found.end() :].lstrip()}"


#: Words in brackets closing a line.
_BRACKET_CLOSING = re.compile(r"\s*\((?P<note>[^()]*)\)\s*$")
#: Brackets read as spaces, the same length (``banana (for cramps)``).
_BRACKETS_AS_SPACE = str.maketrans("()[]", "    ")


#: A clock time closing the line (``banana 10:15``, ``coffee @ 7am``, ``oats (7:30)``).
_CLOCK_AFTER = re.compile(
    # a span of hours too (``coffee 9-10am``: the hours it was drunk in, not 9 cups)
    rf"\s*(?:\s(?:at|around|about|approx\.?)|@|~)?\s*\(?(?P<time>"
    rf"(?:\d{{1,2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?|[ap])?\s*[-\u2013]\s*)?{_CLOCK})\)?\s*$",
    re.I,
)


def clock_after(text: str) -> tuple[str, str | None]:
    """``text`` without a clock time said after the food, and that time.

    Read after :func:`not_food_reason`, for which the time is a cue (``marked essays
    until 10pm`` is a note of the day); before, it was read as an amount.

    Examples
    --------
    >>> clock_after("banana 10:15"), clock_after("coffee @ 7am"), clock_after("2 eggs")
    (('banana', '10:15'), ('coffee', '7am'), ('2 eggs', None))
    >>> clock_after("coffee 9-10am")
    ('coffee', '9-10am')
    """
    found = _CLOCK_AFTER.search(text)
    if found is None or found.start() == 0:
        return text, None
    return text[: found.start()].strip(), found["time"]


#: Water a powder is mixed in, closing the line (``in water``, ``with 300ml water``).
_MIXED_IN_WATER = re.compile(
    r"\s+(?:mixed\s+|shaken\s+)?(?:in|with|into)\s+(?:\d+(?:\.\d+)?\s*(?:ml|oz|fl\s*oz)\s+)?"
    r"(?:of\s+)?(?:(?:hot|warm|cold)\s+)?water\s*$",
    re.IGNORECASE,
)
#: The measures of a powder (``2 scoops``, ``1 sachet``) or the word itself (``mag
#: citrate powder 2 tsp in hot water``): with one, the water it is mixed in is no food of
#: the line (``tuna in water`` keeps its water).
_POWDER_MEASURE = re.compile(r"\b(?:scoops?|sachets?|packets?|sticks?|powder)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _meal_at_chain() -> re.Pattern[str]:
    """A meal word, a name of a word or three, and a colon or a dash before the food
    (``lunch Subway: 6in tuna sub``, ``dinner Chipotle - chicken bowl``)."""
    meals = alternation(entry_words().meals)
    return re.compile(
        rf"^(?P<meal>{meals})\s+(?P<chain>[a-z][\w'&.]*(?:\s+[\w'&.]+){{0,2}}?)"
        r"\s*(?::|\s[-\u2013\u2014]+)\s+(?=\S)",
        re.IGNORECASE,
    )


def _names_a_chain(name: str) -> bool:
    """Whether ``name`` is wholly a restaurant's name of ``datasets/brands.csv``."""
    words = normalize_many([name])[0].split()
    found = brand_table().find(words)
    return len(found) == 1 and found[0][:2] == (0, len(words)) and found[0][2].kind == "restaurant"


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

    sizes = frozenset(normalize_many(list(size_words())))
    plain = vocab.preparation.keys() | vocab.cosmetic | vocab.stop | count_words() | sizes
    words = normalize_many([amount.food])[0].split()
    if amount.unit_kind == "default" or not words:
        return None
    if all(w in plain or w.isdigit() for w in words):
        return "", f"{found['label']} {found['rest']}"
    return found["label"], found["rest"]


@lru_cache(maxsize=1)
def _meal_after() -> re.Pattern[str]:
    """A meal named after the food (``at lunch``, ``for breakfast``, ``with dinner``,
    ``w/ dinner``)."""
    meals = alternation(entry_words().meals)
    return re.compile(rf"\s+(?:at|for|during|with|w/)\s*(?P<meal>(?:my\s+)?(?:{meals}))\s*$", re.I)


@lru_cache(maxsize=1)
def _amount_then_place() -> re.Pattern[str]:
    """An amount, then a place said before the food (``20oz gas station coffee``,
    ``2 roller grill hot dogs``): the place is no part of the food."""
    places = alternation(entry_words().places_before)
    return re.compile(
        r"^(?P<amount>\d+(?:[./]\d+)?\s*(?:[a-z]{1,6}\.?\s+)?)(?:" + places + r")\s+(?=[a-z])",
        re.I,
    )


#: Occasions said without an article after a food (``gatorade after practice``).
_OCCASIONS = (
    r"(?:work|practice|school|church|mass|class|shift|training|gym|workout|game|practise"
    r"|swim|run|bed|sleep|service|prayers?|meeting|rehearsal|choir|dialysis|appointment"
    # sports played (``1 orange before cricket``)
    r"|cricket|football|soccer|baseball|softball|basketball|hockey|tennis|golf|bowling"
    r"|volleyball|rugby|lifting|yoga|hike|walk|ride"
    # what was being done (``chamomile tea b4 sleeping``, ``banana before running``)
    r"|sleeping|bedtime|working|running|swimming|walking|hiking|riding|driving|studying"
    r"|praying|napping|practicing|practising|climbing|skiing|cycling|biking)"
)


@lru_cache(maxsize=1)
def _said_after() -> re.Pattern[str]:
    """When or where, said after the food (``before bed``, ``this morning``, ``from the
    gas station``, ``on top``, ``on the salad``): no part of the food. Times of day of five letters or more only
    (``sun`` and ``late`` end food names too)."""
    w = entry_words()
    times = alternation(tuple(t for t in w.times_of_day if len(t) >= 5))
    return re.compile(
        rf"\s+(?:(?:at|in\s+the|this|last|on|during\s+the)\s+)?(?:{times})\s*$"
        rf"|\s+(?:from|at|@)\s*(?:the\s+|a\s+|my\s+|our\s+)?(?:{alternation(w.places)})\s*$"
        # any place with an article or a possessive (``from the diner``, ``at the tea
        # room``, ``at mom's``), unless a brand is named there (see :func:`_place_said`)
        # (``straight from the jar``, ``out of the tin``, ``off the vine``: what it was eaten
        # from or picked off)
        r"|\s+(?:(?:straight|right|fresh)\s+)?(?:from|out\s+of|off|at|@)\s*"
        r"(?P<place>(?:(?:the|a|an|my|our|his|her|their)\s+)"
        r"[a-z][a-z' &-]{1,30}?|[a-z]+'s(?:\s+(?:house|place))?)\s*$"
        r"|\s+(?:from|at)\s+(?P<named>[a-z][a-z' &-]{1,30}?)\s*$"  # a chain: see below
        # an occasion it was had before or after (``after the game``, ``before my run``,
        # ``after practice``)
        r"|\s+(?:after|before|b4|during)\s+(?:(?:(?:the|my|a|an|his|her|our|their)\s+"
        r"[a-z][a-z'-]{2,15}(?:\s+[a-z][a-z'-]{2,15})?)|" + _OCCASIONS + r")\s*$"
        # where it was put, said of a food logged on its own (``feta on top``, ``balsamic
        # on the salad``)
        r"|\s+on\s+(?:top|the\s+side|(?:the|my|his|her|our)\s+[a-z]+)\s*$"
        # how it went into the dish before it (``ramen w/ an egg cracked in``)
        r"|\s+(?:cracked|stirred|mixed|whisked|dropped|thrown|poached)\s+in(?:to\s+it)?\s*$",
        re.I,
    )


def _place_said(found: re.Match[str]) -> bool:
    """Whether a place said after the food is no restaurant chain (``fries at
    mcdonald's`` keeps the chain: it says which fries)."""
    place = found["place"] or found["named"]
    if place is None:
        return True
    place = re.sub(r"^(?:the|a|an|my|our|his|her|their)\s+", "", place, flags=re.I)
    place = re.sub(rf"\s+(?:{alternation(entry_words().places)})$", "", place, flags=re.I)
    words = normalize_many([place])[0]
    found_brands = brand_table().find(words.split())
    return not any(
        brand.kind == "restaurant" and end - start == len(words.split())
        for start, end, brand in found_brands
    )
