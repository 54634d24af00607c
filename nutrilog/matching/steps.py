"""The steps one food text goes through to land on a food (or on none).

:func:`match_key` takes the key of one distinct text (:func:`~nutrilog.matching.match.key_of`)
and tries, first hit wins: the user's aliases, the curated aliases, an exact
description, then the reading of the text (:mod:`~nutrilog.matching.reading`) looked
up in the alias tables and ranked against the foods that hold its required words
(:mod:`~nutrilog.matching.ranking`). What it assumed on the way (spelling, synonyms,
brands) travels with the :class:`MatchResult`. The vectorised entry points that call
it once per distinct text live in :mod:`~nutrilog.matching.match`.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> from nutrilog.matching.match import key_of
>>> from nutrilog.matching.synonyms import brand_table, synonym_table
>>> index = index_for(load_foods())
>>> tables = MatchTables({}, curated_positions(index), synonym_table(), brand_table())
>>> match_key(index, key_of("cooked quinao"), tables, 72.0).assumptions
[('spelling', 'quinao \u2192 quinoa')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from nutrilog.matching.alias_tries import (
    MatchTables,
    agreeing_aliases,
    alias_lookup,
    brand_order_alias,
    described_alias,
    drink_taken_black,
    flavoured,
    made_of,
    narrower_alias,
    shop_dropped,
    toast_of,
    word_sets,
)
from nutrilog.matching.aliases import (
    curated_aliases,
    curated_alternates,
    foods_not_in_usda,
    one_word_aliases,
)
from nutrilog.matching.allowed import allowed_foods, foods_of_word, named_foods
from nutrilog.matching.chains import chain_item
from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import (
    any_flavour,
    capital_words,
    foods_holding,
    isin_sorted,
    plain_words,
    some_hold,
    some_of,
)
from nutrilog.matching.naming import names_another_food, names_brand, of_kind, says_its_brand
from nutrilog.matching.ranking import Request, suggest
from nutrilog.matching.reading import Reading, count_words, plain_key, read_key
from nutrilog.matching.rounds import Steps, alone
from nutrilog.matching.skins import skin_side, skin_twins
from nutrilog.matching.spelling import MIN_LENGTH
from nutrilog.matching.synonyms import Brand, rewrite
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many, segmented_keys

__all__ = [
    "MatchResult",
    "MatchTables",
    "allowed_foods",
    "curated_positions",
    "curated_word_sets",
    "key_steps",
    "match_key",
    "named_foods",
]

#: Fuzzy candidates this close to the winner may replace it when only they resolve the unit.
_NEAR_TIE = 6.0
_N_SUGGESTIONS = 3
#: Points a match loses per corrected word, per word of the head segment no food uses,
#: and for an alias found in the head segment alone.
_CORRECTED = 3.0
_UNKNOWN = 5.0
#: Points more for an unknown word in a kind's place, just before a food word: with it
#: an alias is left as a suggestion (one such word gives 92, under ``ALIAS_ACCEPTED``).
_UNKNOWN_KIND = 3.0
_OTHER_SEGMENTS = 5.0
#: Points a match loses per flavour word read off a food of any flavour, and per
#: light word that no food holding the head word has.
_FLAVOUR = 3.0
_IDLE = 1.0
#: Fuzzy scores under this are weak: the food's own name must then be in the text.
_WEAK_FUZZY = 80.0
#: Candidates scored when only foods holding the head word compete (fewer are needed).
_HEADED_CANDIDATES = 25


@dataclass
class MatchResult:
    """Where one text lands: a food position (None for none), score, method, suggestions."""

    position: int | None
    score: float
    method: str
    suggestions: list[tuple[str, str, float]]
    #: (position, score) of foods that may replace ``position`` when it lacks the unit.
    alternates: list[tuple[int, float]] = field(default_factory=list)
    #: ``(tag, detail)`` of what was assumed to reach the food.
    assumptions: list[tuple[str, str]] = field(default_factory=list)


def curated_positions(index: FoodIndex) -> dict[str, int]:
    """The curated aliases as food positions of this table (ids it lacks are skipped)."""
    if index.curated is None:
        index.curated = {
            k: index.position[v] for k, v in curated_aliases().items() if v in index.position
        }
    return index.curated


def curated_word_sets(index: FoodIndex) -> frozenset[frozenset[str]]:
    """The set of words of each curated alias of this table (:func:`curated_positions`)."""
    if index.curated_sets is None:
        index.curated_sets = word_sets(curated_positions(index))
    return index.curated_sets


def _curated_alternates_for(index: FoodIndex, key: str) -> list[tuple[int, float]]:
    ids = curated_alternates().get(key, [])
    return [(index.position[i], 100.0) for i in ids if i in index.position]


def _only_holder(index: FoodIndex, head: str, content: list[str]) -> int | None:
    """The one food that a head word of five letters or more names (in its description
    or one of its synonyms, such as an FNDDS additional description), when it holds
    every other word of the text too; else None. A name that only one food gives
    (``mochi``, ``pandesal``) is that food, however long its description."""
    if len(head) < MIN_LENGTH:
        return None
    holders = foods_holding(index, head)
    if len(holders) != 1:
        return None
    food = int(holders[0])
    if all(food in foods_holding(index, w) for w in content if w != head):
        return food
    return None


def _alias_result(index: FoodIndex, found: tuple[int, str, bool], penalty: float) -> MatchResult:
    pos, alias_key, is_curated = found
    alternates = _curated_alternates_for(index, alias_key) if is_curated else []
    return MatchResult(pos, max(100.0 - penalty, 50.0), "alias", [], alternates)


def _head_segment_alias(
    index: FoodIndex, reading: Reading, tables: MatchTables
) -> tuple[int, str, bool] | None:
    """An alias of the head segment alone (``Tomato Raw, Includes Cherry, Grape``), when
    the alias's food is prepared as the other segments say (``Eggs, Cooked`` is not the
    raw egg of the alias ``eggs``)."""
    if reading.head_segment < 0:
        return None
    others = [seg for n, seg in enumerate(reading.segments) if n != reading.head_segment]
    if not others:
        return None
    words = [w for w, role in reading.segments[reading.head_segment] if role != "unknown"]
    found = alias_lookup(index, words, tables)
    if found is None and reading.written:
        found = alias_lookup(index, reading.written[reading.head_segment], tables)
    if found is None:
        return None
    preparation = matcher_words().preparation
    needed = [w for seg in others for w, _ in seg if w in preparation and w in index.prep_ok]
    return found if all(index.prep_ok[w][found[0]] for w in needed) else None


def _flavours(
    index: FoodIndex,
    reading: Reading,
    words: list[str],
    allowed: np.ndarray,
) -> list[str]:
    """Words no allowed food has, when one of them is of any flavour (FNDDS "Jam,
    preserve, all flavors" for ``strawberry jam``): the word is the flavour."""
    if not some_of(index, allowed, any_flavour(index)):
        return []
    required = set(reading.required())
    return [
        w
        for w in words
        if w not in required and w in index.postings and not some_hold(index, allowed, w)
    ]


def _cooked_instead(index: FoodIndex, words: list[str], allowed: np.ndarray) -> list[str]:
    """A way of cooking no allowed food is described with (``roasted`` eggplant) reads as
    ``cooked``: the food cooked some other way is the best there is."""
    preparation = matcher_words().preparation
    cooking = preparation.get("cooked", frozenset())
    if "cooked" not in index.prep_ok:
        return words
    out = []
    for w in words:
        ways = preparation.get(w)
        if (
            ways is not None
            and w != "cooked"
            and (w in cooking or ways & cooking)
            and not some_of(index, allowed, index.prep_ok[w])
            and some_of(index, allowed, index.prep_ok["cooked"])
        ):
            w = "cooked"
        out.append(w)
    return list(dict.fromkeys(out))


def _text_assumptions(
    index: FoodIndex, reading: Reading, food: int, alias: bool = False
) -> list[tuple[str, str]]:
    """The spelling corrections the matched food uses (a correction it does not hold
    assumed nothing; an alias found on the corrected words uses them all), and the
    synonyms read."""
    used = [
        (a, b)
        for a, b in reading.corrections
        if alias or isin_sorted(np.array([food]), foods_of_word(index, b, foods_holding))[0]
    ]
    return [("spelling", f"{a} \u2192 {b}") for a, b in used] + [
        ("synonym", f"{a} \u2192 {b}") for a, b in reading.synonyms
    ]


def _with_brand(
    result: MatchResult, index: FoodIndex, brands: list[Brand], key: str
) -> MatchResult:
    """The result, with a ``brand`` assumption when brand words were read as a food; a
    brand its food's description writes as plain words, not as a maker's name in
    capitals, was no brand (``french`` of French toast is no French's)."""
    if result.position is not None and brands:
        plain = set(normalize_many([str(index.descriptions[result.position])])[0].split())
        plain -= capital_words(index, result.position)
        brands = [b for b in brands if not set(normalize_many([b.brand])[0].split()) <= plain]
    if result.position is not None and brands:
        written = plain_key(key)
        for brand in brands:
            written = written.replace(normalize_many([brand.brand])[0], brand.brand, 1)
        result.assumptions.append(
            ("brand", f"{written} \u2192 {index.descriptions[result.position]}")
        )
    return result


def _none(index: FoodIndex, ranked: list[tuple[int, float]]) -> MatchResult:
    return MatchResult(
        None, ranked[0][1] if ranked else 0.0, "none", suggest(index, ranked[:_N_SUGGESTIONS])
    )


def match_key(index: FoodIndex, key: str, tables: MatchTables, threshold: float) -> MatchResult:
    """Match one key (:func:`~nutrilog.matching.match.key_of`): :func:`key_steps`, its
    rankings scored one at a time."""
    return alone(index, key_steps(index, key, tables, threshold))


def key_steps(
    index: FoodIndex, key: str, tables: MatchTables, threshold: float, dish: bool = True
) -> Steps[MatchResult]:
    """Match one key (:func:`~nutrilog.matching.match.key_of`): aliases, exact, then fuzzy;
    with ``dish``, a chain named without its dish is also read with it (once).

    Each ranking it needs is yielded as a :class:`~nutrilog.matching.ranking.Request`
    and the ranked foods are sent back (:mod:`~nutrilog.matching.rounds`), so that the
    rankings of many keys can be scored together.
    """
    plain = plain_key(key)
    if not plain:
        return MatchResult(None, 0.0, "none", [])
    if plain in tables.user:
        return MatchResult(tables.user[plain], 100.0, "alias", [])
    lacking = foods_not_in_usda().get(plain)
    if lacking is not None:  # a food USDA lacks: no other food stands in for it
        return MatchResult(None, 0.0, "none", [], assumptions=[("not in USDA", lacking)])
    if plain in tables.curated:
        found = MatchResult(
            tables.curated[plain], 100.0, "alias", [], _curated_alternates_for(index, plain)
        )
        # an everyday name that carries a brand (``chipotle chicken burrito``) is
        # still a brand read as its generic food: say so
        named = [
            brand for _, _, brand in tables.brands.find(plain.split()) if brand.kind != "store"
        ]
        return _with_brand(found, index, named, key)
    if plain in index.exact:
        return MatchResult(index.exact[plain], 100.0, "exact", [])
    skin = skin_side(plain)
    if skin is not None:
        # "baked chicken thigh skinless": the food without the words, then its twin
        # weighed without skin; "skinless" had been a cosmetic word, and "skin on" had
        # carried the match to the skin alone
        found = yield from key_steps(index, skin[0], tables, threshold, dish)
        return _skin_twin(index, found, skin[1])
    own, shops = shop_dropped(plain, tables)
    if own in tables.curated:  # "tesco semi skimmed": the shop's own is the everyday food
        found = MatchResult(
            tables.curated[own], 100.0, "alias", [], _curated_alternates_for(index, own)
        )
        return _with_brand(found, index, shops, key)
    flavoured = _product_flavour(index, plain.split(), tables, key) or _drink_flavour(
        index, plain.split(), tables, key
    )
    if flavoured is not None:  # "ensure plus vanilla": the shake, not vanilla extract
        return flavoured
    spelled = rewrite(plain.split(), tables.synonyms)
    said = " ".join(spelled.words)
    if spelled.used and said in tables.curated:
        # the curated name written in shorthand (``ham n cheese hot pocket``)
        return MatchResult(
            tables.curated[said],
            100.0,
            "alias",
            [],
            _curated_alternates_for(index, said),
            assumptions=[("synonym", f"{a} \u2192 {b}") for a, b in spelled.used],
        )
    salted = _salt_level(index, plain, tables)
    unsalted = _NO_SALT.search(plain) if salted is None else None
    if unsalted is not None:
        # "baked sweet potato no salt": the words of the food, then its twin made without
        # salt; the word "salt" had carried the match to a food USDA makes with it
        bare = " ".join(_NO_SALT.sub(" ", key).split()).strip(" ,;")
        found = yield from _read_steps(index, bare or key, tables, threshold, dish)
        found = _without_salt(index, found, unsalted[0])
    else:
        found = yield from _read_steps(index, key, tables, threshold, dish)
    styled = _STYLE.search(plain)
    if found.position is None and styled is not None:
        # "greek style snapper": the snapper, cooked the way a cuisine does
        rest = " ".join(f"{plain[: styled.start()]} {plain[styled.end() :]}".split())
        again = (yield from key_steps(index, rest, tables, threshold, dish)) if rest else found
        if again.position is not None:
            again.assumptions.append(("style", f"{styled[0].strip()}: a way of cooking"))
            found = again
    flavour = _OF_FLAVOUR.match(plain) if found.position is None else None
    if (
        flavour is not None
        and flavour["food"] in tables.curated
        and not _STAPLE.search(str(index.descriptions[tables.curated[flavour["food"]]]))
    ):
        # "batido de mango", "tamal de pollo": a dish named, then what it tastes of or
        # is filled with, when no food is named by the whole; the dish, so made
        food = flavour["food"]
        found = MatchResult(
            tables.curated[food], 100.0, "alias", [], _curated_alternates_for(index, food)
        )
        found.assumptions.append(("flavour", f"{flavour['flavour']} read as the kind of {food}"))
    described = "" if found.position is None else str(index.descriptions[found.position])
    if salted is not None and (
        found.position is None
        or (
            found.method == "fuzzy"
            # "baked sweet potato no salt": a food made with salt is no such food
            and (not _SALT_WORDS.search(described) or bool(_NO_SALT.search(plain)))
            and not _WITHOUT_SALT.search(described)
        )
    ):
        return salted  # "oatmeal no salt": the oatmeal, not an oatmeal roll
    return _fresh_for_dried(index, found, plain)


#: Words saying a food was dried: a gram of it holds several grams' worth of the fresh
#: food's minerals.
_DRIED = re.compile(r"\b(?:dried|dehydrated|freeze dried|sun dried)\b")
_FRESH = re.compile(r"(?i)\braw\b")


def _fresh_for_dried(index: FoodIndex, found: MatchResult, plain: str) -> MatchResult:
    """``found``, or no food when the key says the food was dried and ``found`` is the
    raw food (``dried mulberries``: USDA has no dried mulberries, and raw ones would
    give a quarter of their minerals)."""
    if found.position is None or found.method != "fuzzy" or not _DRIED.search(plain):
        return found
    dried = index.prep_ok.get("dried")
    if dried is None or dried[found.position]:
        return found
    if not _FRESH.search(str(index.descriptions[found.position])):
        return found
    return MatchResult(None, found.score, "none", found.suggestions)


#: A dish and, after ``de``, ``di``, ``al``, ``au`` or ``aux``, one or two words of what
#: it tastes of or is made with (``batido de fresa``, ``tamal de pollo``, ``gelato al
#: pistacchio``).
_OF_FLAVOUR = re.compile(
    r"^(?P<food>[a-z][a-z ]*?) (?:de|di|du|al|alla|au|aux|a la) (?P<flavour>[a-z]+(?: [a-z]+)?)$"
)


#: Plain water or milk: a drink of them named with something else (``agua de
#: chilacayota``, ``leche de tigre``) is another drink, not the water or the milk.
_STAPLE = re.compile(r"(?i)^(?:beverages, )?(?:water|milk)\b")


#: A cuisine's way of cooking named beside a food (``greek style snapper``, ``chicken
#: cajun style``): read away only when the line matches no food with it.
_STYLE = re.compile(r"(?:^|\s)[a-z]+\s+style(?=\s|$)")


#: A description that says how much salt its food has (``Chicken Broth, low sodium``).
_SALT_WORDS = re.compile(r"(?i)\b(?:salt|sodium)\b")


def _read_steps(
    index: FoodIndex, key: str, tables: MatchTables, threshold: float, dish: bool
) -> Steps[MatchResult]:
    """:func:`key_steps` once the key is read word by word (no alias or description of
    the whole key)."""
    reading = read_key(index, key, tables.synonyms, tables.brands)
    branded = brand_order_alias(index, reading, tables)
    if branded is not None:  # "hot pocket ham n cheese": the ham and cheese hot pocket
        result = _alias_result(index, branded, _CORRECTED * len(reading.corrections))
        result.assumptions = _text_assumptions(index, reading, branded[0], True)
        return _with_brand(result, index, reading.brands, key)
    if reading.brands:
        generic = " ".join(b.generic for b in reading.brands if b.generic)
        said = {w for seg in reading.written for w in seg}
        # "mango frooti", "Oak choc milk": the words besides the brand only repeat its
        # generic food (the mango drink, the chocolate milk), not another food
        # "johnsonville brat": a food of its own beside the brand, known to USDA or not
        alone = reading.head is None and not _names_food(index, _beside(reading))
        if generic and (alone or (said and said <= set(normalize_many([generic])[0].split()))):
            brands = reading.brands
            # "folgers instant": the form said beside the brand is its generic's form
            forms = [w for w in _beside(reading) if w in _BRAND_FORMS]
            reading = read_key(
                index, normalize_many([" ".join([*forms, generic])])[0], tables.synonyms
            )
            reading.brands = brands
    chain = (yield from _chain_dish(index, key, reading, tables, threshold)) if dish else None
    if chain is not None:
        return chain
    result = yield from _match_reading(index, reading, tables, threshold)
    if result.position is None:
        kind = _by_kind(reading)
        if kind is not None:  # "sausage calzone": the calzone with meat
            again = read_key(index, kind[0], tables.synonyms, tables.brands)
            other = yield from _match_reading(index, again, tables, threshold)
            if (
                other.position is not None
                and other.score >= threshold
                and not _kind_denied(index, other.position, kind[0])
                and not _kind_alone(index, other.position)
            ):
                other.assumptions.append(("kind", kind[1]))
                result = other
    if result.position is not None and reading.brands:
        item = yield from chain_item(index, reading, result.position, threshold)
        if item is not None:  # "cracker barrel grilled sirloin": the chain's own steak
            result = MatchResult(item[0], item[1], "fuzzy", [])
    generic = " ".join(b.generic for b in reading.brands if b.generic)
    rest = [w for seg in reading.written for w in seg]
    if (
        (
            result.method != "alias"
            or not (of_kind(index, result.position, generic) or _names_food(index, rest))
            # "church's chicken breast": the chain's breast is fried, as its generic says
            or _cooked_otherwise(index, result.position, reading.brands)
        )
        and generic
        and reading.head is not None
        and not names_brand(index, result.position, reading.brands)
    ):
        # "hot ovaltine": the brand's generic food with the words around it, when that
        # is a food; the words alone ("hot") had been read as any food holding them; an
        # alias of two words or more is the food the line names (little debbie honey bun)
        words = list(dict.fromkeys([*rest, *normalize_many([generic])[0].split()]))
        again = read_key(index, " ".join(words), tables.synonyms, tables.brands)
        other = yield from _match_reading(index, again, tables, threshold)
        if other.position is not None and other.score >= threshold:
            result = other
        elif result.method == "alias" or _words_off_kind(index, result, reading, tables):
            # "ensure vanilla": the product, not the flavour; "hot cheetos", "nescafe
            # black": the product, not a food of the other words (hot tea, black bread)
            for brand in reading.brands:
                alone = alias_lookup(index, normalize_many([brand.brand])[0].split(), tables)
                if alone is not None:
                    result = _alias_result(index, alone, 0.0)
                    break
    if result.position is not None and any(b.kind == "restaurant" for b in reading.brands):
        counter = fast_food_kind(index, result.position)
        if counter is not None:  # "kum & go breakfast burrito": the counter's, not a kitchen's
            result = MatchResult(counter, result.score, result.method, result.suggestions)
    if result.position is not None:
        alias = result.method == "alias"
        result.assumptions = (
            _text_assumptions(index, reading, result.position, alias) + result.assumptions
        )
    return _with_brand(result, index, reading.brands, key)


#: How a line says a food was made without salt or with little of it (``oatmeal no
#: salt``, ``low sodium green beans``, ``no salt added black beans``): a salt level,
#: no food of its own.
_SALT_LEVEL = re.compile(
    r"\b(?:(?:no|without)\s+(?:added\s+)?salt(?:\s+added)?|salt\s+free"
    r"|(?:low|lo|reduced|lower|no)\s+(?:sodium|salt)|unsalted)\b"
)
#: USDA's words for a food made with salt, and for its twin made without.
_WITH_SALT = re.compile(r"\bwith salt\b")
_WITHOUT_SALT = re.compile(r"\b(?:without salt|no salt added|unsalted)\b", re.IGNORECASE)


#: A salt level saying none was added (``no salt``, ``unsalted``): "low sodium" names
#: foods of its own (``Soup, chicken noodle, low sodium``).
_NO_SALT = re.compile(
    r"\b(?:(?:no|without)\s+(?:added\s+)?salt(?:\s+added)?|salt\s+free|no\s+sodium|unsalted)\b"
)


def _without_salt(index: FoodIndex, found: MatchResult, said: str) -> MatchResult:
    """``found``, or its twin USDA describes "without salt" when it is "with salt"."""
    if found.position is None:
        return found
    description = str(index.descriptions[found.position])
    if not _WITH_SALT.search(description):
        return found
    twin = index.exact.get(normalize_many([_WITH_SALT.sub("without salt", description)])[0])
    if twin is None:
        return found
    note = ("salt", f"{said!r}: the food made without salt")
    return MatchResult(twin, found.score, found.method, found.suggestions, [], [note])


def _skin_twin(index: FoodIndex, found: MatchResult, eaten: bool) -> MatchResult:
    """``found``, or its twin weighed with its skin (``eaten``) or without it."""
    if found.position is None:
        return found
    for twin in skin_twins(str(index.descriptions[found.position]), eaten):
        position = index.exact.get(normalize_many([twin])[0])
        if position is not None:
            note = ("skin", f"the food weighed {'with' if eaten else 'without'} its skin")
            assumed = [*found.assumptions, note]
            return MatchResult(position, found.score, found.method, found.suggestions, [], assumed)
    return found


def _salt_level(index: FoodIndex, plain: str, tables: MatchTables) -> MatchResult | None:
    """The food a key names beside a salt level, when the key without it is an alias
    or a description (``oatmeal no salt``: the oatmeal, USDA's cooked without salt); a
    food USDA writes "with salt" is its twin "without salt" when there is one. None
    when the key says no salt level or the rest names no food so plainly."""
    found = _SALT_LEVEL.search(plain)
    if found is None:
        return None
    bare = " ".join(_SALT_LEVEL.sub(" ", plain).split())
    position = tables.curated.get(bare, index.exact.get(bare))
    if position is None:
        return None
    said = f"{found[0]!r} read as how it was made"
    description = str(index.descriptions[position])
    if _WITH_SALT.search(description) and not found[0].startswith(("low", "lo ", "reduced")):
        twin = normalize_many([_WITH_SALT.sub("without salt", description)])[0]
        if twin in index.exact:
            position = index.exact[twin]
            said = f"{found[0]!r}: the food made without salt"
    return MatchResult(position, 100.0, "alias", [], assumptions=[("salt", said)])


def _by_kind(reading: Reading) -> tuple[str, str] | None:
    """The words of a reading with a filling named by its kind (``sausage calzone`` as
    ``meat calzone``: USDA's "Calzone, with meat and cheese"), and the assumption;
    None when no word before the head word is a filling of ``matching_words.csv``."""
    kinds = matcher_words().kinds_of
    words = [w for seg in reading.written for w in seg]
    if reading.head is None or reading.head in kinds:
        return None
    swapped = [kinds.get(w, w) if w != reading.head else w for w in words]
    if swapped == words:
        return None
    said = [f"{w} as {k}" for w, k in zip(words, swapped, strict=True) if w != k]
    return " ".join(dict.fromkeys(swapped)), f"{', '.join(said)} (the dish names its kind)"


def _kind_alone(index: FoodIndex, position: int) -> bool:
    """Whether the food's name is a filling's kind alone (``Meat, NFS``, ``Fish, NS as
    to type``): a dish read by its filling's kind that lands there lost its dish
    (``lamb pulao`` read as ``meat pulao``)."""
    name = str(index.descriptions[position]).split(",", 1)[0]
    return normalize_many([name])[0] in set(matcher_words().kinds_of.values())


def _kind_denied(index: FoodIndex, position: int, words: str) -> bool:
    """Whether the food's description denies a kind the words name (``goat stew`` read
    as ``meat stew`` is no "Vegetable stew without meat")."""
    description = normalize_many([str(index.descriptions[position])])[0]
    return any(
        re.search(rf"\b(?:without|no|non)\s+{re.escape(w)}\b", description)
        for w in set(words.split()) & set(matcher_words().kinds_of.values())
    )


#: Words of a product's form said beside its brand alone (``folgers instant``, ``carnation
#: powdered``): the form of the brand's generic food, not words to drop.
_BRAND_FORMS = frozenset(
    {"instant", "powdered", "powder", "decaf", "decaffeinated", "evaporated", "condensed"}
)


def _beside(reading: Reading) -> list[str]:
    """The words of a reading beside its brands, known to the food words or not."""
    return [w for seg in reading.segments for w, role in seg if role != "brand"]


def fast_food_kind(index: FoodIndex, position: int) -> int | None:
    """The food FNDDS describes as the one at ``position`` "from fast food", else "from
    restaurant" (a chain's breakfast burrito, smaller than a kitchen's), or its fast-food
    kind where the food is a home recipe (a chain's milkshake); None when it has none."""
    described = str(index.descriptions[position])
    if re.search(r"fast food|restaurant", described, re.IGNORECASE):
        return None
    # "Chicken thigh, fried, coated, skin / coating eaten, from raw": the kitchen's start
    # gives way to the counter's
    base = re.sub(r",\s*from (?:raw|pre-cooked|frozen|fresh)$", "", described)
    base = re.sub(r",\s*NFS$", "", base)  # "Potato tots, NFS": "..., fast food / restaurant"
    for where in ("fast food", "fast food / restaurant", "restaurant"):
        for said in (f"{base}, from {where}", f"{base}, {where}"):
            found = index.exact.get(plain_key(segmented_keys([said])[0]))
            if found is not None:
                return found
    if ", home recipe," in described:  # "Milk shake, home recipe, chocolate": the counter's
        counter = described.replace(", home recipe,", ", fast food,")
        return index.exact.get(plain_key(segmented_keys([counter])[0]))
    return None


def _cooked_otherwise(index: FoodIndex, position: int | None, brands: list[Brand]) -> bool:
    """Whether a restaurant's generic food says how it is cooked (``fried chicken``) and
    the food found says nothing of it (``Chicken breast, NS as to cooking method``)."""
    if position is None:
        return False
    prepared = matcher_words().preparation
    generic = " ".join(b.generic for b in brands if b.kind == "restaurant" and b.generic)
    said = [w for w in normalize_many([generic])[0].split() if w in prepared]
    if not said:
        return False
    described = set(normalize_many([str(index.descriptions[position])])[0].split())
    return not any(prepared[w] & described for w in said)


def _names_food(index: FoodIndex, words: list[str]) -> bool:
    """Whether the words beside a brand name a food of their own: two words or more
    (``little debbie honey bun``), or one word that only the alias table knows as a food
    (``johnsonville brat``); a flavour, a colour or a qualifier alone (``hot ovaltine``,
    ``red kool-aid``: a word USDA's own names use) does not."""
    vocab = matcher_words()
    plain = vocab.cosmetic | vocab.stop | vocab.qualifiers | vocab.preparation.keys()
    words = [w for w in words if w not in plain]  # "blue bell homemade vanilla": vanilla
    if len(words) != 1:
        return len(words) > 1
    return words[0] in one_word_aliases() and words[0] not in index.postings


def _words_off_kind(
    index: FoodIndex, result: MatchResult, reading: Reading, tables: MatchTables
) -> bool:
    """Whether a packaged product's brand was read with a food of none of its generic
    food's words (``hot cheetos`` as hot tea, ``nescafe black`` as black olives): the
    words beside the brand carried it, and they name no food themselves (``warburtons
    crumpets`` are crumpets, not the maker's bread)."""
    brands = reading.brands
    packaged = " ".join(b.generic for b in brands if b.kind == "packaged" and b.generic)
    return (
        result.position is not None
        and bool(packaged)
        and not of_kind(index, result.position, packaged)
        and alias_lookup(index, [str(reading.head)], tables) is None
        and reading.head not in index.exact
    )


#: Flavours a branded product is sold in, written after its name (``Boost Plus
#: chocolate``, ``Glucerna shake vanilla``): the product's own food, whatever the flavour.
_FLAVOURS = frozenset(
    {"vanilla", "chocolate", "choc", "strawberry", "caramel", "mocha", "coffee", "banana",
     "original", "flavor", "flavour", "flavored", "flavoured", "shake", "cookie", "dough",
     "crunch", "crunchy", "raisin", "cinnamon", "salted", "sea", "salt", "berry", "blueberry"}
)  # fmt: skip


def _drink_flavour(
    index: FoodIndex, words: list[str], tables: MatchTables, key: str
) -> MatchResult | None:
    """The branded drink named after its flavour (``lemon lime gatorade``), when the words
    after the flavour are a curated alias of a drink brand; else None."""
    vocab = matcher_words()
    start = 0
    while start < len(words) - 1 and words[start] in vocab.drink_flavours:
        start += 1
    product = " ".join(words[start:])
    if start == 0 or product not in tables.curated:
        return None
    brands = [
        b
        for _, _, b in tables.brands.find(words[start:])
        if b.kind == "packaged" and b.generic in vocab.flavoured_drinks
    ]
    if not brands:
        return None
    found = MatchResult(
        tables.curated[product], 100.0, "alias", [], _curated_alternates_for(index, product)
    )
    flavour = " ".join(words[:start])
    found.assumptions.append(("flavour", f"{flavour} read as the flavour of {product}"))
    return _with_brand(found, index, brands, key)


def _product_flavour(
    index: FoodIndex, words: list[str], tables: MatchTables, key: str
) -> MatchResult | None:
    """The branded product named before flavour words (``ensure plus vanilla``) or
    words no food name holds (``jarritos mandarina``), when the words before them are a
    curated alias holding a brand; else None."""
    cut = len(words)
    drinks = matcher_words().drink_flavours
    # a flavour word, or a word no food name holds (``jarritos mandarina``, ``takis fuego``,
    # ``gatorade lemon lime``, ``clif bar chocolate chip``)
    while cut > 1 and (
        words[cut - 1] in _FLAVOURS
        or words[cut - 1] in drinks
        or (words[cut - 1] == "chip" and words[cut - 2] in ("chocolate", "choc"))
        or _unknown_word(index, words[cut - 1], tables)
    ):
        cut -= 1
    if cut == len(words):  # "rice a roni chicken": a product USDA holds in all flavours
        cut = next(
            (
                n
                for n in (len(words) - 1, len(words) - 2)
                if n > 0
                and " ".join(words[:n]) in tables.curated
                and all(w in index.postings for w in words[n:])
                and flavoured(index, np.array([tables.curated[" ".join(words[:n])]]))
            ),
            len(words),
        )
    if cut == len(words) or cut == 0:
        return None
    product = " ".join(words[:cut])
    if product not in tables.curated:
        return None
    brands = [b for _, _, b in tables.brands.find(words[:cut]) if b.kind == "packaged"]
    if not brands:
        return None
    found = MatchResult(
        tables.curated[product], 100.0, "alias", [], _curated_alternates_for(index, product)
    )
    flavour = " ".join(words[cut:])
    found.assumptions.append(("flavour", f"{flavour} read as the flavour of {product}"))
    return _with_brand(found, index, brands, key)


def _unknown_word(index: FoodIndex, word: str, tables: MatchTables) -> bool:
    """Whether no food name, synonym or spelling fix reaches ``word`` (``mandarina``,
    ``fuego``); ``sugarfree`` reads as sugar free and is no unknown word."""
    if word in index.postings:
        return False
    reading = read_key(index, word, tables.synonyms, tables.brands)
    return not (reading.corrections or reading.synonyms or reading.brands) and all(
        role == "unknown" for seg in reading.segments for _, role in seg
    )


def _chain_dish(
    index: FoodIndex, key: str, reading: Reading, tables: MatchTables, threshold: float
) -> Steps[MatchResult | None]:
    """A restaurant chain's dish named by its variety alone: ``little caesars pepperoni``
    is the chain's pepperoni pizza, not pepperoni. When a chain with a generic dish
    (``brands.csv``: pizza) is named without that dish's words, the text is read again
    with them; the reading stands only when it lands on a food whose description names
    the chain (SR28's chain pizzas), else the text is read as written."""
    words = set(key.split())
    for brand in reading.brands:
        if brand.kind != "restaurant" or not brand.generic:
            continue
        generic, named = normalize_many([brand.generic, brand.brand])
        if not generic or set(generic.split()) <= words - set(named.split()):
            continue  # the dish is written ("pizza hut" names no pizza)
        found = yield from key_steps(index, f"{key} {generic}", tables, threshold, dish=False)
        if found.position is None:
            continue
        described = set(normalize_many([str(index.descriptions[found.position])])[0].split())
        if not set(named.split()) <= described:
            continue
        found.assumptions.append(("brand dish", f"{brand.brand} named without its {generic}"))
        return found
    return None


#: Nouns a count of a food is made of that never change which food it is (``links``,
#: ``fillets``, ``pieces``).
_ITEM_NOUNS = frozenset(
    {"fillet", "filet", "link", "lnk", "piece", "pc", "pcs", "peice", "pice", "slice", "each",
     "item", "ct", "count"}
)  # fmt: skip


def _match_reading(
    index: FoodIndex, reading: Reading, tables: MatchTables, threshold: float
) -> Steps[MatchResult]:
    """Alias look-up, then the fuzzy ranking under the head-word rule."""
    known = reading.words()
    content = reading.words("core", "qualifier", "number")
    light = reading.light()
    if reading.unknown_head:
        # the food is one the table lacks (``guayusa tea``): no alias of the other words;
        # but a misspelt line may be an alias once corrected, its unknown words with it
        # (``spagetti bolognese``: bolognese is a word of the alias table only)
        every = [w for seg in reading.segments for w, _ in seg]
        found = alias_lookup(index, every, tables)
        if found is not None:
            return _alias_result(index, found, _CORRECTED * len(reading.corrections))
        # "orange pekoe tea": the unknown word is one of an alias, the last its kind
        described = described_alias(index, every, tables)
        if described is not None:
            result = _alias_result(index, described[0], _CORRECTED * (1 + len(reading.corrections)))
            result.assumptions.append(("alias", described[1]))
            return result
        return _none(index, (yield Request(content, light=light)))
    penalty = (
        _CORRECTED * len(reading.corrections)
        + _UNKNOWN * reading.unknown_in_head()
        + _UNKNOWN_KIND * reading.unknown_modifiers()
    )
    # "spare ribb": the whole line is an alias once corrected, its unknown words read;
    # "nori sheets": an alias of words no USDA food has, once the count's unit is set aside
    every = [w for seg in reading.segments for w, _ in seg]
    found = alias_lookup(index, every, tables) if every != known else None
    if found is not None:
        return _alias_result(index, found, _CORRECTED * len(reading.corrections))
    # "shakshouka 2 eggs": an alias of words no USDA food has, then a word its food's
    # description holds (the eggs it was made with), before the known word alone
    described = described_alias(index, every, tables) if every != known else None
    if described is not None:
        result = _alias_result(index, described[0], _CORRECTED * (1 + len(reading.corrections)))
        result.assumptions.append(("alias", described[1]))
        return result
    found = alias_lookup(index, known, tables)
    if found is None:
        written = [w for seg in reading.written for w in seg]
        found = alias_lookup(index, written, tables) if written != known else None
    if found is None and len(known) > 1 and known[0] == "whole":
        # "whole banana": the whole item, as a count says (whole milk is an alias itself)
        found = alias_lookup(index, known[1:], tables)
    kept = [w for w in known if w not in _ITEM_NOUNS]
    if found is None and kept and len(kept) < len(known):
        # "2 italian sausage links", "snapper fillet, baked": the alias without the
        # noun a count is made of, before any other word is set aside (sausage links)
        found = alias_lookup(index, kept, tables)
    if found is not None:
        return _alias_result(index, found, penalty)
    black = drink_taken_black(index, every, tables)
    if black is not None:  # "cold brew black": the coffee, no milk (not black bread)
        return _alias_result(index, black, _CORRECTED * len(reading.corrections))
    agreed = (
        agreeing_aliases(index, known, tables)
        or narrower_alias(index, known, tables)
        or described_alias(index, known, tables)
    )
    if agreed is not None:  # "mango banana smoothie": mango and banana smoothie agree
        result = _alias_result(index, agreed[0], penalty + _CORRECTED)
        result.assumptions.append(("alias", agreed[1]))
        return result
    made = made_of(index, known, tables)
    if made is not None:  # "banana smoothie made with milk": the smoothie
        result = _alias_result(index, made[0], penalty + _CORRECTED)
        result.assumptions.append(("made with", made[1]))
        return result
    toast = toast_of(index, known, tables)
    if toast is not None:  # "pumpernickel toast": pumpernickel bread, toasted
        return _alias_result(index, toast, penalty)
    prefer = [list(normalize_many([b.brand])[0].split()) for b in reading.brands]
    if reading.head is None:
        return _none(index, (yield Request(content, light=light)))
    allowed = allowed_foods(index, reading)
    named = named_foods(index, reading)
    if allowed is not None:
        # a word only brands and synonyms use (``bell`` of TACO BELL) that no allowed
        # food has tells the allowed foods apart no better than an unknown word
        plain = plain_words(index)
        stray = [w for w in content if w not in plain and not some_hold(index, allowed, w)]
        content = [w for w in content if w not in stray]
        penalty += _UNKNOWN * len(stray)
        flavours = _flavours(index, reading, content, allowed)
        content = [w for w in content if w not in flavours]
        penalty += _FLAVOUR * len(flavours)
        # a qualifier or a word of another segment that no allowed food has
        # (``double`` espresso) tells them apart no better than no word
        idle = [
            w
            for w in content
            if (w in light or w in count_words())  # "catfish fillet": no catfish says fillet
            and w not in index.prep_ok
            and not some_hold(index, allowed, w)
        ]
        content = [w for w in content if w not in idle]
        penalty += _IDLE * len(idle)
        content = _cooked_instead(index, content, allowed)
    headed = Request(
        content,
        _HEADED_CANDIDATES,
        light=light,
        prefer=prefer,
        allowed=allowed,
        named=named,
        head=reading.head,
    )
    ranked = yield headed
    if penalty:
        ranked = [(p, max(s - penalty, 0.0)) for p, s in ranked]
    if not ranked or ranked[0][1] < threshold:
        # an alias of the head segment alone (``Black Pepper, Ground``) is next best
        found = _head_segment_alias(index, reading, tables)
        if found is not None:
            return _alias_result(index, found, penalty + _OTHER_SEGMENTS)
        every = [w for seg in reading.segments for w, _ in seg]
        only = _only_holder(index, reading.head, every)
        if only is not None:  # "mochi": a name one food's additional description gives
            return MatchResult(
                only,
                threshold,
                "fuzzy",
                suggest(index, ranked[:_N_SUGGESTIONS]),
                [],
                [("name", f"{reading.head!r} names this food alone")],
            )
        if not ranked:
            ranked = yield Request(content, light=light)
        return _none(index, ranked)
    pos, score = ranked[0]
    if (
        score < _WEAK_FUZZY
        and names_another_food(index, reading, pos)
        # "jalapeno poppers": the other name only this food's additional description gives
        and _only_holder(index, reading.head, [w for seg in reading.segments for w, _ in seg])
        != pos
    ):
        return _none(index, ranked)
    if index.branded[pos] and not reading.brands and not says_its_brand(index, reading, pos):
        return _none(index, ranked)
    floor = max(score - _NEAR_TIE, threshold)
    near = [(p, s) for p, s in ranked[1:] if s >= floor][:5]
    return MatchResult(pos, score, "fuzzy", suggest(index, ranked[1 : 1 + _N_SUGGESTIONS]), near)
