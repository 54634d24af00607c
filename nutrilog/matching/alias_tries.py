"""Alias look-ups of a text's words, the first and surest step of matching.

:func:`alias_lookup` looks the words up as written, then without cosmetic words and
with preparation words moved or required of the food; :func:`agreeing_aliases` sets one
word aside when the aliases left all name one food (``mango banana smoothie``: ``mango
smoothie`` and ``banana smoothie``); :func:`made_of` reads a dish without what it is
made with (``banana smoothie made with milk``); :func:`toast_of` reads ``X toast`` as the
bread ``X``, toasted; :func:`brand_order_alias` reads a packaged brand named before its
variety (``hot pockets beef and cheddar``); :func:`shop_dropped` sets a shop's name aside
(``tesco semi skimmed``: the shop's own is the everyday food).
:mod:`~nutrilog.matching.steps` calls them before any ranking.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import foods_holding, isin_sorted
from nutrilog.matching.reading import Reading, count_words
from nutrilog.matching.synonyms import Brand, PhraseTable, Synonym
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many

__all__ = [
    "MatchTables",
    "agreeing_aliases",
    "alias_lookup",
    "brand_order_alias",
    "described_alias",
    "drink_taken_black",
    "flavoured",
    "made_of",
    "narrower_alias",
    "shop_dropped",
    "toast_of",
    "word_sets",
]


@dataclass
class MatchTables:
    """The alias, synonym and brand tables one call of :func:`match_foods` uses."""

    user: dict[str, int]
    curated: dict[str, int]
    synonyms: PhraseTable[Synonym]
    brands: PhraseTable[Brand]
    #: The set of words of each curated alias key (None: worked out from ``curated``):
    #: a try can only hit when its words form one of these or of the user's.
    curated_sets: frozenset[frozenset[str]] | None = None
    user_sets: frozenset[frozenset[str]] = field(init=False, repr=False)
    #: Every word of some alias key.
    alias_words: frozenset[str] = field(init=False, repr=False)
    #: The look-ups made (:func:`alias_lookup`), per index by the words looked up
    #: (joined: a string, which the cycle collector does not walk): the same words come
    #: back key after key (``chicken``, a line less one word).
    looked_up: dict[int, dict[str, tuple[int, str, bool] | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.curated_sets is None:
            self.curated_sets = word_sets(self.curated)
        self.user_sets = word_sets(self.user)
        self.alias_words = frozenset().union(*self.user_sets, *self.curated_sets)

    @cached_property
    def reordered(self) -> dict[tuple[frozenset[str], str], str | None]:
        """Alias keys of three words or more by the set of the words before their last
        word and that word (``lemon ginger tea`` under ``({lemon, ginger}, tea)``); None
        where two keys share them."""
        found: dict[tuple[frozenset[str], str], str | None] = {}
        for key in (*self.user, *self.curated):
            words = key.split()
            if len(words) >= 3:
                at = (frozenset(words[:-1]), words[-1])
                found[at] = key if found.get(at, key) == key else None
        return found

    def may_hold(self, words: list[str]) -> bool:
        """Whether some alias key is written with exactly the set of ``words``."""
        found = frozenset(words)
        return found in self.user_sets or found in self.curated_sets  # type: ignore[operator]


def word_sets(aliases: dict[str, int]) -> frozenset[frozenset[str]]:
    """The set of words of each key of ``aliases``."""
    return frozenset(frozenset(key.split()) for key in aliases)


def alias_lookup(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[int, str, bool] | None:
    """Look ``words`` up in the alias tables, dropping cosmetic and satisfied preparation words.

    Returns (food position, alias key, curated?) or None. A preparation word may stand
    before or after the food (``cooked bok choy`` / ``bok choy cooked``). Each look-up
    is made once per set of tables (:attr:`MatchTables.looked_up`).
    """
    made = tables.looked_up.setdefault(id(index), {})
    asked = " ".join(words)
    found = made.get(asked, _UNSEEN)
    if found is _UNSEEN:
        found = made[asked] = _alias_lookup(index, words, tables)
    return found  # type: ignore[return-value]


#: A look-up not made yet.
_UNSEEN = object()


def _alias_lookup(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[int, str, bool] | None:
    """:func:`alias_lookup`, worked out."""
    vocab = matcher_words()
    core = [w for w in words if w not in vocab.cosmetic]
    if len(core) > 2 and core[0] in _TEMPERATURES and core[-1] in _SERVED_HOT:
        core = core[1:]  # "hot jasmine tea": tea is served hot; the alias is "jasmine tea"
    preps = [w for w in core if w in vocab.preparation]
    plain = [w for w in core if w not in vocab.preparation]
    untasted = [w for w in plain if w not in _TASTES]
    if not (
        tables.may_hold(words)
        or tables.may_hold(core)
        or tables.may_hold(plain)
        or (len(untasted) < len(plain) and tables.may_hold(untasted))
    ):
        return None  # every try below writes one of these sets of words in some order
    tries: list[tuple[list[str], list[str]]] = [(words, []), (core, [])]
    if preps:
        tries += [(plain + preps, []), (preps + plain, [])]
    tries.append((plain, preps))
    quals = [w for w in plain if w in vocab.qualifiers]
    if quals and plain[-1] in vocab.qualifiers:
        # "soymilk unsweetened": a qualifier written after the food, as English puts it
        # before ("unsweetened soymilk")
        tries.append((quals + [w for w in plain if w not in vocab.qualifiers], preps))
    if len(core) >= 3 and not preps:  # "ginger lemon tea": the alias "lemon ginger tea"
        key = tables.reordered.get((frozenset(core[:-1]), core[-1]))
        tries.append((key.split() if key else [], []))
    if untasted and len(untasted) < len(plain):
        # "spicy veggie burger": how hot or mild a food was leaves it the same food
        tries.append((untasted, preps))
    for n, table in enumerate((tables.user, tables.curated)):
        for candidate, need in tries:
            key = " ".join(candidate)
            pos = table.get(key) if candidate else None
            if pos is not None and all(
                index.prep_ok[p][pos]
                or (_never_so(index, candidate, p) and p not in _CONCENTRATED)
                or (p in _DRY_HEAT and _cooked_any_way(index, pos))
                for p in need
            ):
                return pos, key, n == 1
    return None


#: Words of how hot or sharp a food tasted: a food named with one, with no alias of
#: its own, is the food its other words name (``spicy hummus``, ``mild salsa``).
_TASTES = frozenset({"spicy", "mild", "zesty", "tangy", "fiery"})
#: Preparations that take the water out of a food: USDA lacking the dried food is no
#: reason to take the fresh one (``dried mulberries``: a gram of them holds four times
#: the minerals of a gram of raw ones).
_CONCENTRATED = frozenset({"dried", "dehydrated"})
#: A drink's temperature before it (``hot jasmine tea``, ``warm turmeric milk``) names no
#: other food when the drink is one served so: the words after it are looked up.
_TEMPERATURES = frozenset({"hot", "warm", "steaming"})
_SERVED_HOT = frozenset(
    {"tea", "coffee", "milk", "chai", "latte", "cappuccino", "mocha", "cocoa", "cider", "toddy"}
)
#: Ways of cooking by dry heat: a food USDA gives as "cooked", by no named method
#: ("Pork, NS as to cut, cooked"), stands for them (``grilled pork``, ``baked ham``),
#: where a boiled, fried or stewed one does not.
_DRY_HEAT = frozenset(
    {"grilled", "grill", "baked", "bake", "roasted", "roast", "broiled", "broil", "seared"}
)
#: Cooking methods USDA names beside "cooked" ("Carrots, cooked, boiled").
_METHODS = (
    "boiled", "fried", "braised", "stewed", "steamed", "poached", "simmered", "microwaved",
    "scrambled", "sauteed", "baked", "broiled", "grilled", "roasted", "heat", "toasted",
    "smoked", "canned", "raw",
)  # fmt: skip
#: The last index asked about and its mask of foods cooked by no named method.
_COOKED_ANY_WAY: list[tuple[FoodIndex, np.ndarray]] = []


def _cooked_any_way(index: FoodIndex, pos: int) -> bool:
    """Whether the food at ``pos`` is "cooked" by no method its description names."""
    if not _COOKED_ANY_WAY or _COOKED_ANY_WAY[0][0] is not index:
        mask = np.zeros(len(index.prep_ok["cooked"]), dtype=bool)
        mask[foods_holding(index, "cooked")] = True
        for method in _METHODS:
            mask[foods_holding(index, method)] = False
        _COOKED_ANY_WAY[:] = [(index, mask)]
    return bool(_COOKED_ANY_WAY[0][1][pos])


def _never_so(index: FoodIndex, words: list[str], preparation: str) -> bool:
    """Whether no food holding every word of ``words`` is prepared as ``preparation``
    says (``toasted muesli``: USDA has no toasted muesli, so the muesli is the best
    there is; a fried catfish is not the alias's baked one, since USDA fries catfish)."""
    held = index.prep_ok[preparation].copy()
    for w in [w for w in words if w not in count_words()]:  # a fillet is no kind of fish
        if not held.any():
            break
        mask = np.zeros_like(held)
        mask[foods_holding(index, w)] = True
        held &= mask
    return not held.any()


def agreeing_aliases(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[tuple[int, str, bool], str] | None:
    """The food that every alias left by dropping one word before the last names, when
    two or more such aliases exist and all name it (``mango banana smoothie``: ``mango
    smoothie`` and ``banana smoothie`` are both the fruit smoothie), with the assumption
    to record; else None."""
    if len(words) < 3:
        return None
    # a food word no alias has (neither cosmetic nor a preparation) rules out every
    # alias that keeps it: one such word leaves one alias at most, too few to agree
    vocab = matcher_words()
    outside = set(words).difference(tables.alias_words)
    if any(w not in vocab.cosmetic and w not in vocab.preparation for w in outside):
        return None
    # a brand's words stay, and the words after it may each be set aside: ``popeyes
    # spicy chicken breast`` is the chain's chicken whether ``spicy`` or ``breast`` is
    # left out, whatever plain spicy chicken is
    branded = {i for start, end, _ in tables.brands.find(words) for i in range(start, end)}
    found = [
        (hit, " ".join(words[:i] + words[i + 1 :]))
        for i in range(len(words) - (0 if branded else 1))
        if i not in branded
        and (hit := alias_lookup(index, words[:i] + words[i + 1 :], tables)) is not None
    ]
    if len(found) < 2 or len({hit[0] for hit, _ in found}) != 1:
        return None
    names = " and ".join(repr(name) for _, name in found)
    return found[0][0], f"{' '.join(words)} read as {names}, which name the same food"


def narrower_alias(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[tuple[int, str, bool], str] | None:
    """The alias left when a word that only narrows the next one is set aside (``black
    bean tacos``: ``black beans`` are beans, and ``bean tacos`` is an alias), with the
    assumption to record; else None. A word narrows the next when the two are an alias
    of a food that holds the second (the black beans hold ``bean``), the word is no food
    or way of cooking itself, and the two are not the last words (the food named)."""
    if len(words) < 3:
        return None
    preparation = matcher_words().preparation
    for i in range(len(words) - 2):  # the last word, the food's head, stays
        if words[i] in preparation or alias_lookup(index, words[i : i + 1], tables):
            continue  # "baked potato", "veg curry": a way of cooking, or a food itself
        pair = alias_lookup(index, words[i : i + 2], tables)
        if pair is None:
            continue
        if not isin_sorted(np.array([pair[0]]), foods_holding(index, words[i + 1]))[0]:
            continue
        rest = words[:i] + words[i + 1 :]
        if all(w in preparation for w in words[i + 2 :]) and not words[:i]:
            continue  # "summer squash boiled": the pair itself, cooked, not another squash
        found = alias_lookup(index, rest, tables)
        if found is not None:
            return found, f"{' '.join(words)} read as {' '.join(rest)}"
    return None


def described_alias(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[tuple[int, str, bool], str] | None:
    """The alias of the last words when every word before them is one its food's USDA
    description holds (``potato pierogies``: pierogi are "Dumpling, potato- or
    cheese-filled"), or of the first words when the last is one (``orange pekoe tea``),
    with the assumption to record; else None. The words beside only say which of the
    alias's food the line means, so the alias stands."""
    stop = matcher_words().stop
    for cut in range(1, min(len(words), 3)):
        before = words[:cut]
        if stop.intersection(before):
            return None  # "with milk malted": no qualifier of a food
        found = alias_lookup(index, words[cut:], tables)
        if found is None:
            continue
        at = np.array([found[0]])
        if all(_holds(index, at, w) for w in before):
            kinds = matcher_words().kinds_of
            by_kind = [
                f"{w} as {kinds[w]}"
                for w in before
                if not isin_sorted(at, foods_holding(index, w))[0]
            ]
            if by_kind:  # "pepperoni lasagna": lasagna "with meat"
                return found, f"{', '.join(by_kind)} (the dish names its kind)"
            return found, f"{' '.join(words)} read as {' '.join(words[cut:])}"
        break
    return _described_after(index, words, tables)


def _holds(index: FoodIndex, at: np.ndarray, word: str) -> bool:
    """Whether the food at ``at`` holds ``word`` in its description, or the kind its
    mixed dishes name it by (``beef momo``: a dumpling "filled with meat")."""
    if isin_sorted(at, foods_holding(index, word))[0]:
        return True
    kind = matcher_words().kinds_of.get(word)
    return kind is not None and bool(isin_sorted(at, foods_holding(index, kind))[0])


def _described_after(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[tuple[int, str, bool], str] | None:
    """The alias of the first words when the last one is a word its food's USDA
    description holds (``orange pekoe tea``: orange pekoe is "Beverages, tea, black"):
    the word names the kind of food the alias already is."""
    stop = matcher_words().stop
    for cut in (1, 2):  # "philly cheesesteak hero": a submarine sandwich, as it says
        if len(words) <= cut or stop.intersection(words[-cut:]):
            return None
        found = alias_lookup(index, words[:-cut], tables)
        if found is None:
            continue
        at = np.array([found[0]])
        if all(isin_sorted(at, foods_holding(index, w))[0] for w in words[-cut:]):
            return found, f"{' '.join(words)} read as {' '.join(words[:-cut])}"
        return None
    return None


def flavoured(index: FoodIndex, at: np.ndarray) -> bool:
    """Whether the food at ``at`` is one USDA holds in every flavour (its name or its
    FNDDS additional description says flavored or all flavors)."""
    return any(isin_sorted(at, foods_holding(index, w))[0] for w in ("flavored", "flavor"))


def drink_taken_black(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[int, str, bool] | None:
    """A coffee or tea written with ``black`` after its name (``cold brew black``, ``kona
    coffee black``): the drink's alias, taken without milk; else None. ``black`` closing
    the line had been read as the food's own word (black bread)."""
    if len(words) < 2 or words[-1] != "black":
        return None
    found = alias_lookup(index, words[:-1], tables)
    if found is None:
        return None
    description = str(index.descriptions[found[0]]).lower()
    return found if "coffee" in description or "tea" in description.split(", ") else None


def made_of(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[tuple[int, str, bool], str] | None:
    """The alias of the words before ``made`` (``banana smoothie made with milk``) when the
    whole is none, with what it was made with as the assumption to record; else None."""
    if "made" not in words[1:]:
        return None
    at = words.index("made", 1)
    before, after = words[:at], [w for w in words[at + 1 :] if w not in ("with", "w")]
    found = alias_lookup(index, before, tables)
    if found is None:
        agreed = agreeing_aliases(index, before, tables)
        found = None if agreed is None else agreed[0]
    if found is None:
        return None
    return found, f"{' '.join(before)} read without what it is made with ({' '.join(after)})"


def toast_of(
    index: FoodIndex, words: list[str], tables: MatchTables
) -> tuple[int, str, bool] | None:
    """``X toast`` when ``X bread`` or ``X`` is an alias of a bread: that bread, toasted
    when the food table has it so (``Bread, pumpernickel, toasted``); else None."""
    if len(words) < 2 or words[-1] != "toast":
        return None
    for base in (words[:-1] + ["bread"], words[:-1]):
        found = alias_lookup(index, base, tables)
        if found is None:
            continue
        description = str(index.descriptions[found[0]])
        if "bread" not in description.lower():
            return None  # "avocado toast" is no avocado bread
        toasted = index.exact.get(normalize_many([f"{description}, toasted"])[0])
        return found if toasted is None else (toasted, found[1], found[2])
    return None


def brand_order_alias(
    index: FoodIndex, reading: Reading, tables: MatchTables
) -> tuple[int, str, bool] | None:
    """The alias of a packaged brand's product named with its variety on either side
    (a label's ``Hot Pockets Ham 'n Cheese`` is the alias ``ham and cheese hot pocket``),
    or alone when the other words only count it (``laughing cow wedges``) or say how it
    is served (``cheerios dry``: a packaged product is as it is packaged)."""
    rest = [w for w in reading.words() if w not in count_words()]
    preparation = matcher_words().preparation
    served = all(w in preparation for w in rest)
    for brand in reading.brands:
        if brand.kind != "packaged":
            continue
        named = normalize_many([brand.brand])[0].split()
        tries = (
            (rest + named, named + rest, named) if rest and served else (rest + named, named + rest)
        )
        for words in tries:
            found = alias_lookup(index, words, tables)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=1)
def _shops() -> tuple[frozenset[str], frozenset[str]]:
    """The shop names, normalised, and their first words."""
    names = frozenset(normalize_many(list(matcher_words().store_brands)))
    return names, frozenset(n.split()[0] for n in names if n)


def shop_dropped(plain: str, tables: MatchTables) -> tuple[str, list[Brand]]:
    """``plain`` without the shop names it holds (``datasets/matching_words.csv``, role
    ``store_brand``), and those shops; ``""`` when it names none."""
    words = plain.split()
    shops = _shops()
    if shops[1].isdisjoint(words):
        return "", []
    found = [f for f in tables.brands.find(words) if " ".join(words[f[0] : f[1]]) in shops[0]]
    if not found:
        return "", []
    dropped = {i for start, end, _ in found for i in range(start, end)}
    return " ".join(w for i, w in enumerate(words) if i not in dropped), [b for *_, b in found]
