"""Dishes and the names of a line's foods: what a dish holds, what a name means.

A line's parts are matched one by one unless the dish they land on holds them:
:func:`already_in` tells a part that only names what the food before it is described
with (``cold cut sub with cheese``, ``chai with milk``), and :func:`with_joined` reads
``X and Y`` as the dish ``X with Y`` when the alias table names it so (``veg curry and
rice``). :func:`joined_names` writes a name that joins two foods (``fish and chips``)
as the two foods it means, and :func:`clarified` reads another name given in brackets.
:mod:`~nutrilog.matching.entry` uses them while it reads a line's parts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nutrilog.matching.aliases import curated_aliases
from nutrilog.matching.diary_words import size_words
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.parts import has_amount
from nutrilog.matching.synonyms import brand_table, synonym_table
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.quantity import parse_quantity
from nutrilog.quantity.line import CUT_INTO

__all__ = [
    "WHOLE_CHICKEN_G",
    "bird_cut",
    "chicken_pieces",
    "chicken_share",
    "pizza_slices",
    "counted_dish",
    "already_in",
    "chain_closing",
    "chain_first",
    "clarified",
    "bar_format",
    "joined_names",
    "size_first",
    "soup_with",
    "turned_joined",
    "with_joined",
]


def _food_key(text: str) -> str:
    """The matching key of a part's food words (its amount left out)."""
    return key_of(parse_quantity(text).food)


_AND_ALONE = re.compile(r"^\s*(?:and|&|n|\+)\s*$", re.IGNORECASE)


def with_joined(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> str | None:
    """``text`` with its two parts joined by ``with`` when the line names a dish that way
    (``veg curry and rice`` is the alias "veg curry with rice", FNDDS "Vegetable curry with
    rice"), and the line as written is no alias; else None.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.parts import part_spans
    >>> text = "veg curry and rice"
    >>> with_joined(Matcher(load_foods()), text, part_spans(text))
    'veg curry with rice'
    """
    if len(spans) != 2 or not _AND_ALONE.match(text[spans[0][1] : spans[1][0]]):
        return None
    if has_amount(text[spans[1][0] : spans[1][1]]):
        return None
    if matcher.result(_food_key(text)).method in ("alias", "exact"):
        return None
    joined = f"{text[: spans[0][1]]} with {text[spans[1][0] :]}"
    return joined if matcher.result(_food_key(joined)).method in ("alias", "exact") else None


#: A connector between two foods a dish may name the other way round.
_JOINING = re.compile(r"^\s*(?:and|&|n|\+|with|w/|w|con|y)\s*$", re.IGNORECASE)


def turned_joined(matcher: Matcher, text: str, spans: list[tuple[int, int]]) -> str | None:
    """``text`` as the dish the tables name with its two foods the other way round
    (``lentils with rice`` is FNDDS "Rice, white, with lentils", the alias ``rice with
    lentils``; ``peas and rice`` the alias ``rice and peas``), when the line as written is
    no alias and only the first food may have an amount; else None.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> from nutrilog.matching.parts import part_spans
    >>> text = "1 cup lentils w/ rice"
    >>> turned_joined(Matcher(load_foods()), text, part_spans(text))
    '1 cup rice with lentils'
    """
    if len(spans) != 2 or not _JOINING.match(text[spans[0][1] : spans[1][0]]):
        return None
    first, second = text[slice(*spans[0])].strip(), text[slice(*spans[1])].strip()
    if has_amount(second) or matcher.result(_food_key(text)).method in ("alias", "exact"):
        return None
    food = parse_quantity(first).food
    at = first.lower().rfind(food.lower()) if food else -1
    if at < 0:
        return None
    for joining in ("with", "and"):  # "peas and rice": the alias "rice and peas"
        turned = f"{first[:at]}{second} {joining} {first[at:]}".strip()
        # the whole of it a name, not a part ("salad with chicken" of "salad with
        # chicken schnitzel")
        key = _food_key(turned)
        if key in curated_aliases() or matcher.result(key).method == "exact":
            return turned
    return None


#: A soup, then what is cooked in it after ``with`` (``chicken soup w rice``).
_SOUP_WITH = re.compile(
    r"^(?P<soup>.*?\bsoup)\s+(?:w/\s*|w\s+|with\s+)(?P<added>[a-z][a-z ]{1,30}?)\s*$",
    re.IGNORECASE,
)


def soup_with(matcher: Matcher, text: str) -> str | None:
    """``text`` with what a soup is written ``with`` named inside the soup when the table
    names that soup (``chicken soup w rice`` is FNDDS chicken rice soup, not a bowl of
    soup and a cup of rice beside it), or None.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> soup_with(Matcher(load_foods()), "a bowl of chicken soup w rice")
    'a bowl of chicken rice soup'
    """
    found = _SOUP_WITH.match(text)
    if found is None:
        return None
    soup = found["soup"]
    food = parse_quantity(soup).food
    if not food or not soup.endswith(food) or not food.lower().endswith("soup"):
        return None
    named = f"{food[: -len('soup')].strip()} {found['added'].strip()} soup"
    if matcher.result(key_of(named)).method not in ("alias", "exact"):
        return None
    return f"{soup[: len(soup) - len(food)]}{named}".strip()


def already_in(
    matcher: Matcher,
    text: str,
    before: tuple[int, int],
    part: tuple[int, int],
    nouns: list[str],
) -> bool:
    """Whether a part with no amount of its own names only what the food the part before
    lands on is described with (``cold cut sub with cheese``: "Cold cut submarine
    sandwich, with cheese, ..."; ``chai with milk``: "Tea, hot, chai, with milk").

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> already_in(Matcher(load_foods()), "chai with milk", (0, 4), (10, 14), ["milk"])
    True
    """
    if has_amount(text[part[0] : part[1]]):
        return False
    # whole words, not stems: "fried" fish holds no "fries"
    described = set(matcher.description_words(_food_key(text[slice(*before)])))
    if not described:
        return False
    if all(n in described for n in nouns):
        return True
    # the kind of food the part lands on, named after "with" in the description of the
    # food before ("Cheese, provolone" of ``turkey hoagie w/ provolone``: "Turkey
    # submarine sandwich, with cheese, ..."); a salad's dressing is no salad
    words = matcher.description_words(_food_key(text[slice(*before)]))
    kind = matcher.description_words(_food_key(text[slice(*part)]))[:1]
    return bool(kind) and "with" in words and kind[0] in words[words.index("with") + 1 :]


#: A food name with another name for it in brackets (``jelly (jello)``): no digits, no list.
_CLARIFIED = re.compile(r"^(?P<named>[^()]+?)\s*\((?P<clear>[^()\d,;:+&]{2,30})\)\s*$")


def clarified(matcher: Matcher, text: str) -> str:
    """``text`` with its food named as the words in brackets say: joined with them when
    that names a food of the alias table (``1 slice pizza (pepperoni)`` is pepperoni
    pizza), else by them alone when they name one (``1 cup jelly (jello)`` is jello, not
    jam; ``courgette (zucchini)``); without them when the food is named in full before
    them and no food is named with them (``kit kat (vending)``, ``1 apple (from the
    market)``); else ``text`` (``2 cheese sticks (string)``, read with both).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> matcher = Matcher(load_foods())
    >>> clarified(matcher, "1 cup jelly (jello)"), clarified(matcher, "1 slice pizza (pepperoni)")
    ('1 cup jello', '1 slice pepperoni pizza')
    >>> clarified(matcher, "1 apple (from the market)"), clarified(matcher, "kit kat (vending)")
    ('1 apple', 'kit kat')
    """
    found = _CLARIFIED.match(text)
    if found is None:
        return text
    named, clear = found["named"].rstrip(), found["clear"].strip()
    food = parse_quantity(named).food
    if not food or not named.endswith(food):
        return text  # the amount is not all before the food words
    amount = named[: len(named) - len(food)].strip()
    cut = re.sub(r"^(?:cut\s+)?in\s+", "", clear.lower())
    if cut in CUT_INTO and amount and parse_quantity(named).unit is None:
        return named  # "1 orange (slices)": the orange, cut up; not one slice of it
    # a brand's product with its flavour in brackets (``clif bar (choc chip)``) is that
    # product: the flavour alone names no other food in its place
    branded = bool(brand_table().find(key_of(food).split())) and matcher.result(
        key_of(food)
    ).method in ("alias", "exact")
    for words in (f"{clear} {food}", f"{food} {clear}", clear):
        found = matcher.result(key_of(words))
        if found.method in ("alias", "exact") and not (branded and found.score < _WHOLE):
            # (a brand's product joined with its flavour only as written in full: "dark
            # choc kind bar" read as a chocolate bar is no KIND bar)
            if branded and words == clear:
                return named  # the flavour names a food, but the product is the brand's
            return f"{amount} {words}".strip()
    if branded and _flavour(key_of(clear)):
        return named  # "clif bar (white choc macadamia)": the brand's bar, any flavour
    if matcher.result(key_of(f"{food} {clear}")).method == "none" and matcher.result(
        key_of(food)
    ).method in ("alias", "exact"):
        return named  # "kit kat (vending)": words in brackets no food has, left aside
    return text  # a qualifier in brackets: it only says more


#: Most words a restaurant chain's name closing a line is written in.
_CHAIN_WORDS = 4


@lru_cache(maxsize=1)
def _chain_ends() -> frozenset[str]:
    """The last word of every restaurant chain's name, as keys (``barrel``, ``mcdonald``)."""
    return frozenset(
        phrase[-1]
        for rows in brand_table().by_first.values()
        for phrase, brand in rows
        if brand.kind == "restaurant"
    )


def chain_closing(text: str) -> int | None:
    """Where the name of a restaurant chain that closes ``text`` starts (``mac n cheese
    cracker barrel``), or None when no chain's name closes it or nothing is before it."""
    raw = text.split()
    if len(raw) < 2 or key_of(raw[-1]) not in _chain_ends():
        return None
    for n in range(min(_CHAIN_WORDS, len(raw) - 1), 0, -1):
        words = key_of(" ".join(raw[-n:])).split()
        found = brand_table().find(words)
        if (
            words
            and len(found) == 1
            and found[0][:2] == (0, len(words))
            and found[0][2].kind == "restaurant"
        ):
            return len(" ".join(raw[:-n]))
    return None


#: A chocolate bar's format written with its count of fingers (``kitkat 4 finger``,
#: ``twix (2 fingers)``, ``4-finger kit kat``): the bar's size, not a count of bars.
_FINGERS = re.compile(r"\s*\(?\b[24]\s*-?\s*fingers?\b\)?", re.IGNORECASE)


def bar_format(text: str) -> str | None:
    """``text`` without the count of fingers a chocolate bar is sold by, or None when it
    names none (``4 fish fingers`` are fish).

    Examples
    --------
    >>> bar_format("KitKat 4 finger"), bar_format("4 fish fingers") is None
    ('KitKat', True)
    """
    found = _FINGERS.search(text)
    if found is None:
        return None
    rest = " ".join((text[: found.start()] + " " + text[found.end() :]).split())
    if not re.search(r"[a-z]{3}", rest, re.IGNORECASE):
        return None
    if "2" in found[0] and _FOUR_FINGERED.search(rest) and not re.search(r"\d", rest):
        return f"1/2 {rest}"  # "Kit Kat 2 finger": half the regular four-finger bar
    return rest


#: The cooked meat of one whole chicken: FNDDS weighs ``1/2 chicken (yield after cooking,
#: bone removed)`` of roasted and rotisserie chicken (24102010, 24102050) at 300 g.
WHOLE_CHICKEN_G = 600.0
#: A share of a whole chicken (``1/4 chicken``, ``half a rotisserie chicken``, ``quarter
#: chicken``, ``1/4 pollo a la brasa``), as chicken shops and rotisserie counters sell it:
#: no piece of one.
_CHICKEN_SHARE = re.compile(
    r"(?<![\w/.])(?P<share>1/4|1/2|quarter|half|whole|1/8|eighth|medio|meio|demi)\s+(?:an?\s+|of\s+an?\s+)?"
    # a shop's name written with a capital may stand before it (``1/4 Jewel rotisserie
    # chicken``)
    r"(?P<shop>(?-i:[A-Z][\w'&-]*\s+){0,2})"
    r"(?P<kind>(?:(?:rotisserie|roast|roasted|grilled|bbq|barbecue(?:d)?|peri[\s-]*peri|flame"
    r"[\s-]*grilled|fried|jerk|white|dark)\s+){0,2})(?P<bird>chickens?|pollos?|frangos?|poulets?)"
    r"\b(?!\s+(?:breast|thigh|leg|wing|"
    r"drumstick|tender|strip|nugget|finger|salad|soup|sandwich|wrap|burger|pie|burrito|taco))",
    re.IGNORECASE,
)
#: A share of a whole chicken said after it, closing the line (``rotisserie chicken,
#: 1/4``, ``roast chicken - half``, ``rotisserie chicken, a quarter``).
_SHARE_AFTER = re.compile(
    r"(?P<bird>(?:(?:rotisserie|roast|roasted|grilled|bbq|jerk)\s+)+chicken)\s*[,-]?\s*"
    r"(?:an?\s+)?(?P<share>1/4|1/2|quarter|half)\s*$",
    re.IGNORECASE,
)
_SHARES = {"1/4": 0.25, "quarter": 0.25, "1/2": 0.5, "half": 0.5, "whole": 1.0, "1/8": 0.125,
           "eighth": 0.125, "medio": 0.5, "meio": 0.5, "demi": 0.5}  # fmt: skip


def chicken_share(text: str) -> tuple[str, tuple[str, str]] | None:
    """``text`` with a share of a whole chicken read as the grams of its cooked meat
    (``1/4 chicken``: 150 g of chicken, a quarter of :data:`WHOLE_CHICKEN_G`), and the
    assumption; None when it names no such share (``half a chicken breast`` is half a
    breast).

    Examples
    --------
    >>> chicken_share("nandos 1/4 chicken")[0]
    'nandos 150 g chicken'
    >>> chicken_share("half a chicken breast") is None
    True
    >>> chicken_share("rotisserie chicken, 1/4")[0]
    '150 g rotisserie chicken'
    """
    after = _SHARE_AFTER.search(text)
    if after is not None and _CHICKEN_SHARE.search(text) is None:
        # "rotisserie chicken, 1/4": the share said after the bird
        text = f"{text[: after.start()]} {after['share']} {after['bird']}"
    found = _CHICKEN_SHARE.search(text)
    if found is None:
        return None
    share = _SHARES[found["share"].lower()]
    before = text[: found.start()].split()
    start = found.start()
    if before and re.fullmatch(r"\d+", before[-1]):
        if share != 1.0:
            return None  # "2 half chickens": left to the count
        share = float(before[-1])  # "2 whole chickens"
        start = text.rindex(before[-1], 0, found.start())
    grams = share * WHOLE_CHICKEN_G
    kind = " ".join(found["kind"].split())
    # the bird as written: "1/4 pollo a la brasa" is 150 g of the Peruvian roast chicken
    bird = found["bird"].lower().rstrip("s")
    read = f"{grams:g} g {kind + ' ' if kind else ''}{bird}"
    said = (
        "estimated amount",
        f"{found[0].strip()} = {grams:g} g (a whole chicken's cooked meat, {WHOLE_CHICKEN_G:g} g:"
        " FNDDS half a roasted chicken, bone removed, 300 g)",
    )
    shop = found["shop"] or ""  # "1/4 Jewel rotisserie chicken": the shop stays, first
    return " ".join(f"{text[:start]} {shop} {read} {text[found.end() :]}".split()), said


#: Pieces of chicken counted with no way of cooking (``2pc chicken``, ``3 piece chicken
#: meal``): the fried chicken on the bone that chicken shops sell by the piece.
_CHICKEN_PIECES = re.compile(
    r"(?<![\w.])(?P<count>\d+|two|three|four|five|six|eight)\s*-?\s*(?:pc|pcs|piece|pieces)\s+"
    r"(?:of\s+)?chicken\b(?!\s+(?:breast|thigh|leg|wing|drumstick|tender|strip|nugget|finger|"
    r"salad|soup|sandwich|wrap|burger|pie|burrito|taco|katsu|curry|tikka|stir))",
    re.IGNORECASE,
)
#: Ways of cooking that, written on the line, say how the counted chicken was made.
_COOKED_SO = re.compile(
    r"\b(?:fried|grilled|roast(?:ed)?|baked|rotisserie|bbq|barbecue[d]?|broiled|boiled|stewed|"
    r"jerk|tandoori|peri[\s-]*peri|nando'?s|curry|steamed|smoked)\b",
    re.IGNORECASE,
)


def chicken_pieces(text: str) -> str | None:
    """``text`` with pieces of chicken counted and no way of cooking written read as
    fried chicken (``2pc chicken n chips``: two pieces of fried chicken, as a chicken
    shop counts them), or None.

    Examples
    --------
    >>> chicken_pieces("2pc chicken n chips")
    '2 pieces fried chicken n chips'
    >>> chicken_pieces("2 pc grilled chicken") is None
    True
    """
    found = _CHICKEN_PIECES.search(text)
    if found is None or _COOKED_SO.search(text):
        return None
    read = f"{found['count']} pieces fried chicken"
    return " ".join(f"{text[: found.start()]} {read} {text[found.end() :]}".split())


#: A few slices of a pizza named by its topping alone (``2 slices pepperoni``, ``1
#: pepperoni slice``, ``a slice of supreme``): no one logs one 2 g slice of pepperoni.
_PIZZA_SLICES = re.compile(
    r"^(?P<count>[1-3]|one|two|three|an?)\s+(?:(?:slices?|pcs?|pieces?)\s+(?:of\s+)?"
    r"(?P<kind>pepperoni|supreme|hawaiian|meat\s+lovers?'?)"
    r"|(?P<kind2>pepperoni|supreme|hawaiian|meat\s+lovers?'?)\s+slices?)\s*$",
    re.IGNORECASE,
)


def pizza_slices(text: str) -> str | None:
    """``text`` with one to three slices of a pizza named by its topping alone read as
    slices of that pizza (``2 slices pepperoni``: two slices of pepperoni pizza, as a
    pizzeria sells them), or None. More slices are of the topping itself (``4 slices
    pepperoni``).

    Examples
    --------
    >>> pizza_slices("2 slices pepperoni")
    '2 slices pepperoni pizza'
    >>> pizza_slices("15 slices pepperoni") is None
    True
    """
    found = _PIZZA_SLICES.match(text.strip())
    if found is None:
        return None
    kind = " ".join((found["kind"] or found["kind2"]).split())
    return f"{found['count']} slices {kind} pizza"


#: An egg dish, then after a comma, ``with`` or a dash the eggs it was made of (``omelet
#: w/ 2 eggs``, ``cheese omelette, 3 eggs``, ``omelette fromage, 3 oeufs``).
_EGGS_OF_DISH = re.compile(
    r"^(?P<dish>(?:[^\W\d]+\s+){0,2}?(?:omm?e?lett?e?s?|omlets?|frittatas?|scramble)"
    r"(?:\s+[^\W\d]+)??)\s*(?:,|-|\bwith\b|\bw/|\bw\b|\bof\b|\bcon\b)?\s*"
    r"(?P<count>[1-6]|one|two|three|four|five|six)\s*(?:eggs?|oeufs?|œufs?|huevos?|ovos?)\b"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)


def eggs_of_dish(text: str) -> str | None:
    """``text`` with the eggs an omelet or a frittata was made of said before it, as
    ``N egg omelet`` (one dish of N eggs), or None: ``omelet w/ 2 eggs`` is one omelet
    of two eggs, not an omelet beside two fried eggs.

    Examples
    --------
    >>> eggs_of_dish("cheese omelet, 3 eggs")
    '3 egg cheese omelet'
    >>> eggs_of_dish("omelet with toast") is None
    True
    """
    found = _EGGS_OF_DISH.match(text.strip())
    if found is None:
        return None
    rest = found["rest"].strip()
    joined = f"{found['count']} egg {found['dish']}"
    return " ".join(f"{joined}{rest if rest[:1] in ',;' else ' ' + rest}".split())


#: A bird, then after a comma or a dash the count of one of its cuts (``rotisserie
#: chicken, 1 thigh``, ``fried chicken - 2 wings``).
_BIRD_CUT = re.compile(
    r"^(?P<bird>[^,:\-]*\b(?:chicken|turkey|duck|hen))\s*(?:,|\s-+|:)\s*"
    r"(?P<count>\d+|one|two|three|four|an?)\s+"
    r"(?P<cut>(?:leg\s+)?quarters?|thighs?|legs?|breasts?|wings?|drumsticks?)\s*$",
    re.IGNORECASE,
)


def bird_cut(text: str) -> str | None:
    """``text`` with the count of a cut written after its bird read as that many cuts of
    it (``rotisserie chicken, 1 thigh`` is one rotisserie chicken thigh, no whole chicken
    beside a thigh), or None.

    Examples
    --------
    >>> bird_cut("rotisserie chicken, 1 thigh")
    '1 rotisserie chicken thigh'
    >>> bird_cut("chicken, rice") is None
    True
    """
    found = _BIRD_CUT.match(text)
    if found is None:
        return None
    return f"{found['count']} {found['bird'].strip()} {found['cut']}"


#: Bars whose regular size is four fingers (SR28 KIT KAT ``bar (1.5 oz)`` = 42 g): two
#: fingers are half of one.
_FOUR_FINGERED = re.compile(r"\bkit\s*-?\s*kat\b", re.IGNORECASE)


def size_first(text: str) -> str | None:
    """``text`` with the size word said after a brand's name moved before it, where
    amounts are read (``timmies med coffee`` is a medium Tim Hortons coffee,
    ``starbucks grande latte`` a grande one), or None when no size follows a brand's
    name opening the line.

    Examples
    --------
    >>> size_first("starbucks grande latte"), size_first("grande latte") is None
    ('grande starbucks latte', True)
    """
    raw = text.split()
    sizes = size_words()
    last = min(_CHAIN_WORDS, len(raw) - 2)
    if not any(raw[n].lower().rstrip(".") in sizes for n in range(1, last + 1)):
        return None
    for n in range(last, 0, -1):
        words = key_of(" ".join(raw[:n])).split()
        found = brand_table().find(words)
        if words and found and found[0][:2] == (0, len(words)):
            size = raw[n].lower().rstrip(".")
            if size in sizes:
                return " ".join([raw[n], *raw[:n], *raw[n + 1 :]])
            return None
    return None


def chain_first(matcher: Matcher, text: str) -> str:
    """``text`` with a restaurant chain's name that closes it read before the food, as
    menus and the food tables name a chain's item (``mac n cheese cracker barrel`` is
    CRACKER BARREL, macaroni n' cheese), when that names a food and the line as written
    names none by an alias or a description.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> chain_first(Matcher(load_foods()), "mac n cheese cracker barrel")
    'cracker barrel mac n cheese'
    """
    at = chain_closing(text)
    if at is None:
        return text
    food = parse_quantity(text[:at]).food.strip()
    if not food or not text[:at].rstrip().endswith(food):
        return text
    amount = text[:at].rstrip()[: -len(food)].strip()
    moved = f"{amount} {text[at:].strip()} {food}".strip()
    if matcher.result(_food_key(text)).method in ("alias", "exact"):
        return text
    if matcher.result(_food_key(moved)).method not in ("alias", "exact"):
        return text
    return moved


#: The score of an alias or a description found as written, nothing set aside.
_WHOLE = 100.0


def _flavour(key: str) -> bool:
    """Whether bracketed words name a food (a flavour: ``white choc macadamia``) rather
    than only how it is kept or made (``frozen``, ``baked``)."""
    vocab = matcher_words()
    plain = {*vocab.preparation, *vocab.processed, *vocab.qualifiers, *vocab.cosmetic, *vocab.stop}
    return any(w not in plain for w in key.split())


def joined_names(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with the names of ``datasets/synonyms.csv`` that join two foods with a
    connector (``fish and chips``, ``fish n chips``, ``egg and chips``) written as what
    they mean, before the line is split at its connectors: ``fried fish and french
    fries`` splits into the two foods the name means, where ``fish`` and ``chips`` alone
    would be any fish and potato crisps. Returns the text and the synonyms read.

    Examples
    --------
    >>> joined_names("1 portion fish & chips")[0]
    '1 portion medium battered fish and medium french fries'
    """
    pattern, means = _joined_synonyms()
    if pattern is None or not pattern.search(text):
        return text, ()
    said: list[tuple[str, str]] = []

    def spell(found: re.Match[str]) -> str:
        key = _joined_key(found[0])
        meant = means[key] if key in means else means[key[:-1]]  # "kielbasa dogs"
        said.append(("synonym", f"{found[0]} \u2192 {meant}"))
        return meant

    return pattern.sub(spell, text), tuple(said)


def counted_dish(text: str) -> tuple[str, int] | None:
    """``(name, count)`` when a line is a count and one name of the synonyms that stands
    for a plate of several foods (``2 indian tacos``: each taco's fry bread, chili,
    lettuce and cheese twice over, not two fry breads and one of the rest); else None.

    Examples
    --------
    >>> counted_dish("2 navajo tacos"), counted_dish("navajo taco")
    (('navajo tacos', 2), None)
    """
    found = re.match(r"^\s*(\d{1,2})\s+(\S.*?)\s*$", text)
    if found is None or int(found[1]) < 2:
        return None
    key = _joined_key(found[2])
    if key not in _plate_names() and key[:-1] not in _plate_names():
        return None  # "2 fish and chips" reads its own sizes ("medium french fries")
    return found[2], int(found[1])


@lru_cache(maxsize=1)
def _plate_names() -> frozenset[str]:
    """The synonyms of kind ``dish``: names of a plate of several foods, by
    :func:`_joined_key`."""
    return frozenset(
        _joined_key(row.term)
        for rows in synonym_table().by_first.values()
        for _, row in rows
        if row.kind == "dish"
    )


#: How a name's "and" may be written (``fish & chips``, ``fish n chips``).
_AND = r"(?:and|&|n|'n'?|\+)"


def _joined_key(text: str) -> str:
    """A name's words, lower case, its connector written ``and``."""
    words = re.findall(r"[a-z]+", text.lower().replace("&", " and ").replace("+", " and "))
    return " ".join("and" if w == "n" else w for w in words)


@lru_cache(maxsize=1)
def _joined_synonyms() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The synonyms whose term joins two words with "and" or "on", whose meaning adds a
    food with "with" (``a la mode``), or that name a dish by its parts (kind ``dish``),
    as one pattern, and their meanings by :func:`_joined_key`."""
    means: dict[str, str] = {}
    for rows in synonym_table().by_first.values():
        for _, row in rows:
            key = _joined_key(row.term)
            joins = {"and", "on"} & set(key.split()[1:-1])  # fish and chips, beans on toast
            # a la mode: with vanilla ice cream; a dish named by one word of its own that
            # is its parts (kielbasa dog: kielbasa on a bun)
            if joins or row.means.startswith("with ") or row.kind == "dish":
                means.setdefault(key, row.means)
    if not means:
        return None, means
    names = [
        r"\s+".join(_AND if w == "and" else re.escape(w) for w in key.split()) + "s?"
        for key in sorted(means, key=len, reverse=True)
    ]  # "s?": a plural (``2 kielbasa dogs``)
    return re.compile(rf"(?<![\w'])(?:{'|'.join(names)})(?![\w'])", re.IGNORECASE), means
