"""Lines that are no food entry: activities, sleep, symptoms, tallies and notes.

A line with a word of the ``not_food`` rows of ``datasets/entry_words.csv`` (``walked``,
``slept``, ``BP``) is no food entry; a tally word (``total``, ``kcal``), a duration
(``10 min``), a day note (``rest day``), a distance (``5k``) or a clock time (``9pm``)
makes one only with no food word beside it, and so does a dose in milligrams (``Zofran
4 mg``: food is never logged in milligrams); a spreadsheet formula and a blood-sugar
reading (``sugar 162 before bkfst``) never are one.

Examples
--------
>>> not_food_reason("slept 7 hours")
"not a food entry (sleep: 'slept')"
>>> not_food_reason("phone calls until 10pm")
"not a food entry (time: '10pm')"
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container
from functools import lru_cache

from nutrilog.matching.aliases import curated_aliases
from nutrilog.matching.diary_words import entry_words, size_words
from nutrilog.matching.synonyms import PhraseTable, brand_table
from nutrilog.matching.words import normalize_many

__all__ = [
    "FORMULA",
    "MONEY",
    "SUGAR_READING",
    "bulk_amount",
    "cooking_for_others",
    "not_food_reason",
    "tally_cue",
]


#: A spreadsheet formula pasted into a log (``=SUM(A1:A2)``, ``@A1``, a cell range):
#: no food, whatever words it holds (``A1`` is also a steak sauce).
FORMULA = re.compile(
    r"^\s*[=+@]\s*[A-Za-z][A-Za-z0-9_.]*\s*\(|^\s*[=@]\s*\$?[A-Za-z]{1,3}\$?\d+\b"
    r"|\b\$?[A-Za-z]{1,3}\$?\d+\s*:\s*\$?[A-Za-z]{1,3}\$?\d+\b"
)
#: Words USDA descriptions hold that name no food (``no`` of "No. 2", ``without``): a
#: tally line that has them still has no food word (``desk day, no run``).
_NO_FOOD = frozenset(
    {"no", "not", "without", "with", "and", "or", "of", "the", "a", "an"}
    # words of place and time, which USDA descriptions hold but which name no food
    # (``sent $150 to mom in Cuenca``, ``$214 after gas``)
    | {"to", "in", "at", "on", "for", "from", "after", "before", "by", "into", "per", "my"}
)
#: Words before a food word that say it was not had (``no break``, ``without lunch``).
_NEGATING = frozenset({"no", "without", "skipped"})
_NUMERIC = re.compile(r"\d")
#: A clock time written with its colon, or a span of hours (``7:45``, ``6:10-8:40``):
#: like a tally word, a line with it and no food word is a note of the day.
_CLOCK_WRITTEN = re.compile(
    r"(?<![\d.:])\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*[-\u2013]\s*\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?(?![\d.:])",
    re.IGNORECASE,
)
#: A distance run or ridden, written as one word (``5k``, ``10k``, ``112km``, ``13.1mi``,
#: a track event's ``400m``):
#: like a tally word, a line with it and no food word is a training note.
_DISTANCE = re.compile(r"^\d+(?:\.\d+)?(?:k|km|kms|mi)$|^\d{3,5}m$")
#: A clock time as one normalised word (``9pm``, ``7:45``, ``6a``): like a tally word, a
#: line with it and no food word is a note of the day (``graded quizzes until 9pm``).
_CLOCK_WORD = re.compile(r"^\d{1,2}(?::\d{2})?(?:am|pm|a|p)$|^\d{1,2}:\d{2}$")
#: An amount of money (``$142``, ``€86``, ``£12.50``, ``20 bucks``, ``142,37$``): like a tally word, a
#: line with it and no food word is a note of what was spent.
MONEY = re.compile(
    r"[$\u20ac\u00a3]\s?\d+(?:[.,]\d+)?|\b\d+(?:\.\d+)?\s?(?:dollars|bucks|euros?|quid|rand)\b"
    # the sign after the amount, as written in Quebec and Europe (``142,37$``, ``12,50 €``)
    r"|\b\d+(?:[.,]\d{2})?\s?[$\u20ac\u00a3](?!\w)"
    r"|(?-i:\bR\s?\d{2,}(?:[.,]\d{2})?\b)",  # South African rand: R856.40, R45
    re.I,
)
#: A blood-glucose reading (``sugar 162 before bkfst``, ``BG 98``, ``BS 168``, ``glucose: 131``): a
#: number from 60 to 499 with no unit after it, where no one logs that much sugar.
SUGAR_READING = re.compile(
    r"\b(?:blood\s+)?(?:sugar|glucose|bg|bgl|bs)\s*(?:level|reading)?\s*[:=]?\s*"
    r"(?:[6-9]\d|[1-4]\d\d)\b(?!\s*(?:g|grams?|mg|tsps?|tbsps?|teaspoons?|tablespoons?"
    r"|cups?|oz|packets?|cubes?|lumps?|spoons?|sachets?|sticks?)\b)(?!\.\d)",
    re.I,
)


def _measured(text: str) -> bool:
    """Whether ``text`` holds an amount of a food in a unit (``2 lb chicken``), beyond a
    store's number (``99 Ranch``): read by the quantity parser and ``units.csv``."""
    from nutrilog.quantity import parse_quantity

    return parse_quantity(text).unit is not None


def _by_volume(text: str) -> bool:
    """Whether ``text`` holds an amount by volume (``1/4 c``, ``2 tbsp``)."""
    from nutrilog.quantity import parse_quantity

    return parse_quantity(text).unit_kind == "volume"


#: A bracketed note ending a line (``(fasting)``, ``(for Dad)``).
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _amount_said(text: str) -> bool:
    """Whether ``text`` holds an amount, a count included (``2 stuffed peppers``)."""
    from nutrilog.quantity import parse_quantity

    found = parse_quantity(text)
    # not NaN, and written (a bare food name reads as an implicit one)
    return found.quantity == found.quantity and found.quantity > 0 and found.unit_kind != "default"


@lru_cache(maxsize=1)
def _stores() -> frozenset[str]:
    """Shop names of one word (``walmart``, ``tesco``): with an amount of money, a trip."""
    from nutrilog.matching.vocabulary import matcher_words

    names = normalize_many(list(matcher_words().store_brands))
    return frozenset(n for n in names if " " not in n)


@lru_cache(maxsize=1)
def _long_stores() -> tuple[tuple[str, ...], ...]:
    """Shop names of several words (``king soopers``, ``giant eagle``)."""
    from nutrilog.matching.vocabulary import matcher_words

    names = normalize_many(list(matcher_words().store_brands))
    return tuple(tuple(n.split()) for n in names if " " in n)


def _names_a_store(words: list[str]) -> bool:
    """Whether ``words`` hold a shop's name (one word or several)."""
    if _stores().intersection(words):
        return True
    return any(
        tuple(words[i : i + len(name)]) == name
        for name in _long_stores()
        for i in range(len(words) - len(name) + 1)
    )


#: Fuel for a car (``gas $54.20 @ Shell``, ``filled up at Holiday $52.10``): with an
#: amount of money, a purchase; a gas station's coffee is no fuel.
_FUEL = frozenset({"gas", "fuel", "diesel", "petrol", "filled"})


def _fuel_bought(words: list[str]) -> bool:
    """Whether ``words`` name fuel for a car, not a fuel station's food."""
    return any(
        w in _FUEL and words[i + 1 : i + 2] not in (["station"], ["stations"])
        for i, w in enumerate(words)
    )


#: Words of pay or of a bill that is no food (``tips $186``, ``parking $14``).
_PAY = frozenset(
    {
        "tip",
        "tips",
        "check",
        "cheque",
        "paycheck",
        "payday",
        "wages",
        "rent",
        "parking",
        "toll",
        "tolls",
    }
)
#: Words of a shop, a bill or a day's pay: with an amount of money and no amount of
#: a food, a note of money (``tips $186``, ``Seafood City run $86``).
_SHOPPING = _PAY | frozenset(
    {
        "shop",
        "shopping",
        "grocery",
        "groceries",
        "spent",
        "bought",
        "buy",
        "purchased",
        "spend",
        "bill",
        "paid",
        "receipt",
        "run",
        "pickup",
        "delivery",
        "order",
        "store",
        "supermarket",
        "epicerie",
        "depanneur",
        "tienda",
        "supermercado",
    }
)
#: A duration as one word (``12hr``, ``45min``): like a tally word, a line with it and
#: no food word is a note of the day (``12hr shift, no break``).
_DURATION = re.compile(r"^\d+(?:\.\d+)?(?:h|hr|hrs|hour|hours|min|mins)$")
#: A body weight in stone (``10st``, as in ``10st 4lb``): no food is logged in stone,
#: and no ordinal ends so (``1st`` and ``21st`` are left alone).
_STONE = re.compile(r"^(?:[02-9]|1\d|[2-9][02-9])st$")


#: A dose in milligrams or micrograms as one word (``4mg``, ``25mcg``): food is never
#: logged so; a line with it and no food word (``Zofran 4mg``) is a medication's dose.
_DOSE_WORD = re.compile(r"^\d+(?:\.\d+)?(?:mg|mcg|ug)$")


def tally_cue(word: str) -> str | None:
    """The tally cue a single word is: a distance (``activity``), a clock time
    (``time``), a dose in milligrams (``dose``), a duration (``duration``), a body
    weight in stone (``weight``), or None.

    Examples
    --------
    >>> tally_cue("5k"), tally_cue("9pm"), tally_cue("4mg"), tally_cue("eggs")
    ('activity', 'time', 'dose', None)
    >>> tally_cue("12hr"), tally_cue("10st"), tally_cue("1st")
    ('duration', 'weight', None)
    """
    if _DISTANCE.match(word):
        return "activity"
    if _DURATION.match(word):
        return "duration"
    if _STONE.match(word):
        return "weight"
    if _DOSE_WORD.match(word):
        return "dose"
    return "time" if _CLOCK_WORD.match(word) else None


#: French words beside ``pain`` that make it bread, not an ache: ``de pain``, ``du pain``,
#: ``pain brun``, ``pain doré`` (``back pain``, ``pain 6/10`` stay notes).
_BREAD_BEFORE = frozenset({"de", "du", "tranche", "morceau"})
_BREAD_AFTER = frozenset(
    {"blanc", "brun", "dore", "perdu", "grille", "complet", "de", "au", "aux", "avec", "et"}
)


def _french_bread(words: list[str], start: int, end: int) -> bool:
    """Whether the cue ``words[start:end]`` is the French ``pain`` (bread) of a food."""
    if words[start:end] != ["pain"]:
        return False
    before = words[start - 1] if start else ""
    after = words[end] if end < len(words) else ""
    return before in _BREAD_BEFORE or after in _BREAD_AFTER


def _is_size(text: str, cue: list[str], known: Container[str]) -> bool:
    """Whether a one-word not-food cue is written as a size word before a food.

    ``med`` is the singular of ``meds`` (medication) once plurals are folded, but
    ``1 med onion``, ``a med apple`` or ``zucchini (1 med)`` names an item's size:
    the word as written is a size word of ``units.csv`` after a count or an article,
    before another word, a bracket, a comma or the end of the line. At the start of
    a line or after a brand (``med cappuccino``, ``timmies med coffee``) it is a size
    when a food word follows; closing a line of two words or more with a food word among
    them (``potato baked med``; a word of the alias table's names counts when no food
    words are at hand), it is one too.
    """
    if len(cue) != 1 or cue[0] not in size_words():
        return False
    size = re.escape(cue[0])
    lowered = text.lower()
    counted = rf"(?:^|[\s(])(?:\d+(?:[./]\d+)?|a|an|one|two|three|four)\s+{size}\.?(?:\s+[a-z]|\s*[),;]|\s*$)"
    if re.search(counted, lowered):
        return True
    before = re.finditer(rf"(?:^|\s){size}\.?\s+([a-z][a-z']*)", lowered)
    stop = _unit_words()
    if any(
        ((word := normalize_many([found[1]])[0]) in known or _food_name_word(word))
        and word not in stop
        for found in before
    ):
        return True  # "med maccas fries": a chain's name after the size is no pill
    # closing a line after two words or more, one of them a food word (``potato baked
    # med``, ``banana sm``): the item's size; one word before may say what the pills are
    # for (``cold med``, ``BP med``)
    # (or closing a part before a comma: ``dunkin iced coffee med, cream & sugar``)
    closing = re.search(
        rf"^(?P<before>[^,;]*?[a-z][^,;]*?)(?:\s+|\s*\(){size}\.?\)?\s*(?:[,;]|$)", lowered
    )
    if closing is None:
        return False
    words = normalize_many([closing["before"]])[0].split()
    if _AILMENTS.intersection(words):
        return False  # "took cold med", "night time allergy med"
    return any((w in known or _food_name_word(w)) and w not in stop for w in words)


#: What medication is taken for, said before ``med`` (``cold med``): never a food's size.
_AILMENTS = frozenset(
    {
        "cold", "flu", "cough", "sinus", "allergy", "pain", "sleep", "bp", "heart", "nausea",
        "stomach", "headache", "migraine", "anxiety", "thyroid", "diabetes", "acid", "reflux",
        "blood", "pressure", "cholesterol",
    }
)  # fmt: skip


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
def _naming_nothing() -> frozenset[str]:
    """Ways of cooking and words USDA descriptions hold that name no food alone
    (``fried``, ``all``): beside a tally they are no food word (``rugby, fried all day``)."""
    from nutrilog.matching.vocabulary import matcher_words

    vocab = matcher_words()
    return frozenset(vocab.preparation) | vocab.free | vocab.fillers


@lru_cache(maxsize=1)
def _meal_names() -> PhraseTable[str]:
    """The meal words of the entry vocabulary as phrases (``post workout``)."""
    meals = normalize_many(list(entry_words().meals))
    return PhraseTable.build((m, m) for m in meals if " " in m)


def _named_spans(words: list[str]) -> list[tuple[int, int, object]]:
    """The spans of ``words`` that name a brand or a meal of several words."""
    return [*brand_table().find(words), *_meal_names().find(words)]


@lru_cache(maxsize=1)
def _alias_pairs() -> frozenset[tuple[str, str]]:
    """Each two words side by side in a name of the alias table (``over easy`` of ``eggs
    over easy``)."""
    return frozenset(
        pair for name in curated_aliases() for pair in itertools.pairwise(name.split())
    )


@lru_cache(maxsize=1)
def _alias_words() -> frozenset[str]:
    """The words of the alias table's names, less stop words: food words the USDA
    descriptions may lack (``cornflakes``, ``maccas``)."""
    from nutrilog.matching.vocabulary import matcher_words

    stop = matcher_words().stop
    words = {w for name in curated_aliases() for w in name.split()}
    return frozenset(w for w in words if w not in stop and not _NUMERIC.search(w))


def _food_name_word(word: str) -> bool:
    """Whether a normalised word names a food outside USDA's descriptions: a word of
    the alias table's names or of a brand's name."""
    return word in _alias_words() or bool(brand_table().find([word]))


#: The most of a food (g) and of a drink (ml) a line can say was had at once: more is
#: food handled, bought or grown (``canned 14 qts green beans``, ``bought 10 lbs
#: potatoes``), not eaten. A gallon of water drunk over a day stays under the limit.
MOST_EATEN_G = 3000.0
MOST_DRUNK_ML = 4000.0


#: Verbs of making, selling or serving food for others (``baked 300 buns``, ``made 18
#: dozen glazed today``, ``sold 40 tamales``): with a count of many, work, not a meal.
_MADE_FOR_OTHERS = re.compile(
    r"\b(?:made|baked|frosted|prepped|sold|served|packed|boxed|decorated|rolled|wrapped|bagged)\b",
    re.IGNORECASE,
)
#: The fewest items a line of making or selling may count to be no meal (two dozen).
_MOST_ITEMS = 24
#: A line opening with food made for someone else (``made sarmale for the grandkids``,
#: ``cooked romazava for the potluck``, ``helped mama fry 60 mandazi for the party``):
#: cooking, not eating, whatever the amount.
_MADE_FOR = re.compile(
    # (after a label: ``sunday - made koupepia for the church``)
    r"^\s*(?:[\w@' ]{1,30}?\s*(?::|\s-+)\s*)?(?:i\s+)?(?:made|baked|cooked|prepped|prepared|brought"
    r"|helped\s+(?:\w+\s+){0,2}(?:make|cook|bake|fry|prep|roll))\b"
    r"[^;]*?\bfor\s+(?:(?:the|my|our|his|her|their|a|an|some)\s+)?(?P<who>[a-z][\w'\u2019]*)",
    re.IGNORECASE,
)
#: Who or what food is made for when the writer shares it (``for us``, ``for dinner``,
#: ``for the week``): the line may be food eaten.
_SHARED_OR_EATEN = frozenset(
    {
        "me", "myself", "us", "we", "everyone", "everybody", "all", "both", "family",
        "breakfast", "brunch", "lunch", "dinner", "supper", "snack", "snacks", "tea",
        "dessert", "later", "tomorrow", "tonight", "today", "week", "work", "school",
    }
)  # fmt: skip


#: The writer among those food was made for (``made myself eggs for the road``).
_THE_WRITER = re.compile(r"\b(?:me|myself|us|ourselves)\b", re.IGNORECASE)


def cooking_for_others(text: str) -> str | None:
    """Why a line of food made for someone else is no food entry, or None.

    Parameters
    ----------
    text : str
        The line as written, with any ``for ...`` it ends with (a label before a
        separator may open it: ``sunday - made pierogi for the grandkids``).

    Examples
    --------
    >>> cooking_for_others("made sarmale for the grandkids")
    "not a food entry (cooking for others: 'grandkids')"
    >>> cooking_for_others("made pancakes for breakfast") is None
    True
    """
    found = _MADE_FOR.match(text)
    if found is None or _THE_WRITER.search(text):
        return None
    who = found["who"].lower().replace("\u2019", "'")
    if who.removesuffix("'s") in _SHARED_OR_EATEN:
        return None
    return f"not a food entry (cooking for others: {who!r})"


def bulk_amount(text: str) -> str | None:
    """The amount a line says, when it is more than anyone eats or drinks at once.

    Examples
    --------
    >>> bulk_amount("canned 14 qts green beans"), bulk_amount("2 qts water") is None
    ('14 quart', True)
    >>> bulk_amount("baked 300 buns for the wedding"), bulk_amount("made 2 sandwiches") is None
    ('300 made', True)
    """
    from nutrilog.quantity import parse_quantity  # the quantity parser reads this package
    from nutrilog.units import MASS_UNITS, VOLUME_UNITS, convert

    parsed = parse_quantity(text)
    unit = parsed.unit
    if unit is None and parsed.quantity >= _MOST_ITEMS and _MADE_FOR_OTHERS.search(text):
        return f"{parsed.quantity:g} made"  # "baked 300 buns for the wedding"
    if unit is None or not parsed.quantity > 0:
        return None
    if unit in MASS_UNITS and convert(parsed.quantity, unit, "g") > MOST_EATEN_G:
        return f"{parsed.quantity:g} {unit}"
    if unit in VOLUME_UNITS and convert(parsed.quantity, unit, "ml") > MOST_DRUNK_ML:
        return f"{parsed.quantity:g} {unit.replace('_', ' ')}"
    return None


def not_food_reason(text: str, known: Container[str] = frozenset()) -> str | None:
    """Why a line is not a food entry, or None when it may be one.

    Parameters
    ----------
    text : str
        The line without its prefixes (:func:`~nutrilog.matching.prefixes.strip_prefix`).
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
    if FORMULA.search(text):
        return "not a food entry (spreadsheet formula)"
    cooked_for = cooking_for_others(text)
    if cooked_for is not None:
        return cooked_for
    outer = _TRAILING_NOTE.sub("", text)
    if outer != text and _amount_said(outer):
        # "2 stuffed peppers no meat (fasting)": a note on an amount of food
        return not_food_reason(outer, known)
    reading = SUGAR_READING.search(text)
    if reading is not None:  # "sugar 162 before bkfst": a blood-glucose reading
        return f"not a food entry (blood sugar reading: {reading[0].strip()!r})"
    words = normalize_many([text])[0].split()
    if " ".join(w for w in words if not _NUMERIC.search(w)) in curated_aliases():
        return None  # "pain au chocolat": a food's own name, whatever word it holds
    vocab = entry_words()
    # a brand's or a meal's name is no cue (``weight watchers`` and a ``post workout
    # shake`` are food; ``weight`` and ``workout`` alone are not)
    named = {i for s, e, _ in _named_spans(words) for i in range(s, e)}
    cues = [
        c
        for c in vocab.not_food.find(words)
        if not _is_size(text, words[c[0] : c[1]], known)
        and not named.intersection(range(*c[:2]))
        and not _french_bread(words, c[0], c[1])
    ]
    if cues:
        start, end, kind = cues[0]
        return f"not a food entry ({kind}: {' '.join(words[start:end])!r})"
    pairs = _alias_pairs()
    tallies = [
        (s, e, cue)
        for s, e, cue in vocab.tallies.find(words)
        # "2 egs over easy": a food's name holds the cue with the word beside it
        if not (s and (words[s - 1], words[s]) in pairs)
        and not (e < len(words) and (words[e - 1], words[e]) in pairs)
    ]
    if any(cue == "macro tally" for *_, cue in tallies) and _by_volume(text):
        # "1/4 c schmaunt fat", "1 tbsp bacon fat": a nutrient's total is never taken by
        # the cup or the spoon, so the word names a food with the words beside it
        # ("fiber 2 tbsp" alone stays a note: which food is not said)
        cued = {i for s, e, _ in tallies for i in range(s, e)}
        units = _unit_words()
        if any(
            i not in cued and w not in units and w not in _NO_FOOD and not _NUMERIC.search(w)
            for i, w in enumerate(words)
        ):
            tallies = [t for t in tallies if t[2] != "macro tally"]
    tallies += [(i, i + 1, cue) for i, w in enumerate(words) if (cue := tally_cue(w))]
    clock = _CLOCK_WRITTEN.search(text)
    if clock is not None:  # "AM route 6:10-8:40": hours of the day, with no food word
        tallies.append((len(words), len(words), f"time: {clock[0].strip()!r}"))
    money = MONEY.search(text)
    if money is not None and (
        _SHOPPING.intersection(words) or _names_a_store(words) or _fuel_bought(words)
    ):
        if not _measured(MONEY.sub(" ", text)):
            # "Seafood City run $86": a shopping trip, with no amount of any food in it
            kind = "pay or bill" if _PAY.intersection(words) else "purchase"
            return f"not a food entry ({kind}: {money[0].strip()!r})"
        # "Tesco shop €86": what was spent on a shop, with no food word beside it
        tallies.append((len(words), len(words), f"purchase: {money[0].strip()!r}"))
    elif money is not None and known:
        # "Checkers R856.40": an amount of money with no food word beside it (told only
        # with the food words at hand: "$5 footlong" names a food the tables know)
        tallies.append((len(words), len(words), f"price: {money[0].strip()!r}"))
    bulk = bulk_amount(text)
    if bulk is not None:  # "prepped 40 lbs onions at work": work, a harvest or a purchase
        return f"not a food entry (more than anyone eats at once: {bulk!r})"
    if tallies:
        tallied = {i for s, e, _ in tallies for i in range(s, e)}
        units = _unit_words()
        others = [
            w
            for i, w in enumerate(words)
            if i not in tallied
            and (w in known or (bool(known) and w in _alias_words()))
            and not (i and words[i - 1] in _NEGATING)  # "shift, no break": not eaten
            and w not in units
            and w not in _NO_FOOD
            and w not in _naming_nothing()
            and len(w) > 1  # "rugby v Ponty - 80 mins": a letter names no food
            and not (money is not None and w in _SHOPPING)
            and not _NUMERIC.search(w)
        ]
        if not others:
            start, end, kind = tallies[0]
            if start == end:  # a cue read from the text, not from its words
                return f"not a food entry ({kind})"
            return f"not a food entry ({kind}: {' '.join(words[start:end])!r})"
    return None
