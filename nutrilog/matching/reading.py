"""Reading a food text: which words name the food, and what was assumed to read it.

A text's key is cut into segments at commas, semicolons, brackets and spaced dashes
(``Black Pepper, Ground`` has the segments ``black pepper`` and ``ground``). In each
segment, in this order:

1. brand and shop names (:func:`~nutrilog.matching.synonyms.brand_table`) are set
   aside as hints;
2. synonyms are rewritten (``aubergine`` -> ``eggplant``);
3. words the food table does not know are spelling-corrected
   (:mod:`~nutrilog.matching.spelling`); the synonyms are looked up again; a qualifier
   and the word after it that USDA writes as one are joined (``non fat`` is ``nonfat``);
4. each word gets a role: ``core`` (a food word), ``qualifier`` (a form, cut, fat
   level or preparation), ``cosmetic``, ``stop``, ``number``, ``unknown``, or
   ``brand``: a word the food table uses only in brand names (``kraft``), unless it is
   the only food word of its segment (``weetabix``).

The *head segment* is the first segment with a core word; its *head word* is its last
core or unknown word (English noun phrases end in their noun: ``green bell peppers``,
``chicken noodle soup``). A match must contain the head word (or the same word with
another ending, or a compound of it: ``flax seeds`` is ``flaxseed``). When the head
word names a form of a food (``powder``, ``flour``, ``tea``, ``milk``: role ``form`` in
``datasets/matching_words.csv``), the word before it says which food and must be found
too (``onion powder``, ``oat milk``). An unknown head word, or an unknown word before
a form, means the food is one the table lacks: the text is left unmatched. A qualifier
alone (``cooked``) never carries a match.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.index import index_for
>>> r = read_key(index_for(load_foods()), "cooked quinao")
>>> r.head, r.corrections
('quinoa', [('quinao', 'quinoa')])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from nutrilog.matching.aliases import curated_aliases, foods_not_in_usda, one_word_aliases
from nutrilog.matching.index import FoodIndex
from nutrilog.matching.lookup import brand_named, plain_words, speller_for, word_pairs
from nutrilog.matching.spelling import Speller
from nutrilog.matching.synonyms import (
    Brand,
    PhraseTable,
    Synonym,
    brand_table,
    rewrite,
    synonym_table,
)
from nutrilog.matching.vocabulary import matcher_words
from nutrilog.matching.words import normalize_many

__all__ = ["Reading", "SEGMENT", "count_words", "plain_key", "read_key"]

#: The word that stands between segments in a key.
SEGMENT = ","
#: Words after which a segment names what goes with the food, not the food.
_COMPLEMENT = frozenset({"with", "without", "in"})


def plain_key(key: str) -> str:
    """The key without its segment marks.

    Examples
    --------
    >>> plain_key("black pepper , ground")
    'black pepper ground'
    """
    if SEGMENT not in key:
        return key
    return " ".join(w for w in key.split() if w != SEGMENT)


@dataclass
class Reading:
    """What :func:`read_key` found in a key."""

    #: Each segment's words after brands, synonyms and spelling, with their roles.
    segments: list[list[tuple[str, str]]]
    #: Each segment's known words before two written apart were joined (for aliases).
    written: list[list[str]] = field(default_factory=list)
    #: Brands set aside, as in the brand table.
    brands: list[Brand] = field(default_factory=list)
    #: ``(term, means)`` of each synonym used.
    synonyms: list[tuple[str, str]] = field(default_factory=list)
    #: ``(as written, corrected)`` of each spelling correction.
    corrections: list[tuple[str, str]] = field(default_factory=list)
    #: The head word, or None when no segment has a core word.
    head: str | None = None
    #: The word before a form head (``onion`` of ``onion powder``), or None.
    modifier: str | None = None
    #: Whether the head (or the modifier of a form head) is a word no food uses.
    unknown_head: bool = False
    #: Index of the head segment (-1 when none).
    head_segment: int = -1

    def words(self, *roles: str) -> list[str]:
        """Words of every segment with one of ``roles`` (all known words when none given)."""
        wanted = set(roles) if roles else {"core", "qualifier", "cosmetic", "stop", "number"}
        return [w for seg in self.segments for w, role in seg if role in wanted]

    def required(self) -> list[str]:
        """Words a match must contain: the head word and, for a form head, its modifier."""
        if self.head is None or self.unknown_head:
            return []
        return [self.head] if self.modifier is None else [self.head, self.modifier]

    def light(self) -> frozenset[str]:
        """Words that weigh less in ranking: qualifiers, and words outside the head part."""
        out = set(self.words("qualifier"))
        for n, segment in enumerate(self.segments):
            head = head_part(segment) if n == self.head_segment else []
            out.update(w for w, _ in segment[len(head) :] if n == self.head_segment)
            if n != self.head_segment:
                out.update(w for w, _ in segment)
        return frozenset(out - {w for w, role in self._head_words() if role != "qualifier"})

    def _head_words(self) -> list[tuple[str, str]]:
        if self.head_segment < 0:
            return []
        return head_part(self.segments[self.head_segment])

    def unknown_in_head(self) -> int:
        """How many words of the head segment no food uses (brands aside)."""
        if self.head_segment < 0:
            return 0
        return sum(role == "unknown" for _, role in self._head_words())

    def unknown_modifiers(self) -> int:
        """How many unknown words of the head segment stand just before a food word: in
        the place of a kind (``century egg``, ``freekeh pilaf``), where the food they
        name may be another than the words after them. Before a drink named by its
        maker (``kilikia beer``, ``ararat brandy``, ``sprecher root beer``) an unknown
        word is the maker."""
        words = self._head_words()
        makers = matcher_words().brand_named
        if words and words[-1][0] in makers:
            return 0  # the drink is named last: the unknown words before it are its maker
        return sum(
            role == "unknown" and words[i + 1][1] == "core" and words[i + 1][0] not in makers
            for i, (_, role) in enumerate(words[:-1])
        )


def _role(word: str, index: FoodIndex) -> str:
    """The role of ``word`` (see the module doc), worked out once per word and index."""
    found = index.roles.get(word)
    if found is None:
        if len(index.roles) >= _ROLES_KEPT:  # misspelt words are many: start afresh
            index.roles.clear()
        found = index.roles[word] = _role_of(word, index)
    return found


#: Roles kept per index at most.
_ROLES_KEPT = 100_000


def _role_of(word: str, index: FoodIndex) -> str:
    vocab = matcher_words()
    if word.isdigit():
        return "number"
    if word in vocab.stop or word in vocab.fillers:
        return "stop"
    if word in vocab.cosmetic:
        return "cosmetic"
    if word in vocab.qualifiers or word in vocab.preparation:
        return "qualifier"
    return "core" if word in index.postings else "unknown"


@lru_cache(maxsize=1)
def _alias_sets() -> dict[str, tuple[frozenset[str], ...]]:
    """Each word of a curated alias of two words or more -> the word sets of those aliases."""
    found: dict[str, list[frozenset[str]]] = {}
    for alias in curated_aliases():
        words = frozenset(alias.split())
        if len(words) > 1:
            for w in words:
                found.setdefault(w, []).append(words)
    return {w: tuple(sets) for w, sets in found.items()}


def _alias_around(word: str, words: list[str]) -> bool:
    """Whether ``word`` and words beside it in ``words`` make up a curated alias of two
    words or more (``curly`` of ``curly fry``): a word as the alias writes it, no slip."""
    here = set(words)
    return any(s <= here for s in _alias_sets().get(word, ()))


@lru_cache(maxsize=1)
def _lacking_words() -> frozenset[str]:
    """One-word names of foods USDA lacks (``datasets/foods_not_in_usda.csv``): known
    words, never corrected into another food's name."""
    return frozenset(k for k in foods_not_in_usda() if " " not in k)


def _known_words(synonyms: PhraseTable[Synonym]) -> set[str]:
    """Words the speller takes as known besides the food words: synonym terms, brands,
    and the matcher's own word lists (``grande`` is a size, not a misspelt ``grade``)."""
    vocab = matcher_words()
    out: set[str] = set(vocab.cosmetic | vocab.qualifiers | vocab.stop | vocab.fillers)
    out.update(vocab.preparation)
    for table in (synonyms, brand_table()):
        for first, entries in table.by_first.items():
            out.add(first)
            for words, _ in entries:
                out.update(words)
    return out


def _spells_own_food(index: FoodIndex, word: str, speller: Speller) -> bool:
    """Whether a one-word alias corrects to a word of its own food's names (``pierogy``:
    pierogi, an additional description of the dumpling it names), so the correction
    may stand."""
    fixed = speller.correct(word)
    position = index.position.get(curated_aliases()[word])
    if fixed is None or position is None:
        return False
    choices = index.postings.get(fixed)
    return choices is not None and bool((index.choice_food[choices] == position).any())


def _alias_correction(index: FoodIndex, word: str) -> str | None:
    """``word`` corrected by one letter to a word only the curated aliases hold (``virgn``:
    ``virgin`` of extra virgin olive oil, a word no USDA description holds), or None.

    Asked only when the food words give no correction, so a misspelling an alias keeps
    on purpose (``chese`` of "mac and chese") is still corrected to the food word first;
    one letter only, since these words have no food's description to back a guess.
    """
    if index.alias_speller is None:
        words = {w for alias in curated_aliases() for w in alias.split()}
        index.alias_speller = Speller({w: 1 for w in words - index.postings.keys()})
    fixed = index.alias_speller.correct(word)
    return fixed if fixed is not None and _one_letter_apart(word, fixed) else None


#: The most foods a known word may name and still be read as a slip of a word its
#: neighbour goes with (``pinot``, of seven wines, beside ``beans``; ``stake`` beside
#: ``skirt``).
_RARE_PAIRED = 10

#: The shortest half of a word read as two words run together.
_SPLIT_MIN = 3


def _split_words(index: FoodIndex, word: str, speller: Speller | None = None) -> str | None:
    """``word`` as two food words written together (``tatertots``: ``tater tots``,
    ``gingerale``: ``ginger ale``) when USDA writes them side by side, else None. With a
    ``speller``, a second word of five letters or more may be misspelt by one letter
    (``peanutbuter``: ``peanut butter``)."""
    if len(word) < 2 * _SPLIT_MIN or not word.isalpha():
        return None
    pairs = word_pairs(index)
    for i in range(_SPLIT_MIN, len(word) - _SPLIT_MIN + 1):
        first, rest = word[:i], word[i:]
        if first not in index.postings:
            continue
        for second in (rest, rest[:-1] if rest.endswith("s") else ""):  # tots: tot
            if second and second in index.postings and (first, second) in pairs:
                return f"{first} {rest}"
    if speller is None:
        return None
    for i in range(_SPLIT_MIN, len(word) - 4):
        first, rest = word[:i], word[i:]
        if first not in index.postings or rest in index.postings:
            continue
        fixed = speller.correct(rest)
        if fixed is not None and _one_letter_apart(rest, fixed) and (first, fixed) in pairs:
            return f"{first} {fixed}"
    return None


@lru_cache(maxsize=1)
def _joined_aliases() -> dict[str, str]:
    """The curated aliases of two words, each of three letters or more, as written run
    together (``babaganoush``: ``baba ganoush``, ``shawarmawrap``), keyed by the joined
    word; a joined word that is an alias of its own keeps its own food."""
    aliases = curated_aliases()
    out: dict[str, str] = {}
    for alias in aliases:
        words = alias.split()
        joined = "".join(words)
        if len(words) == 2 and min(map(len, words)) >= 3 and joined.isalpha():
            out.setdefault(joined, alias)
    for joined in set(out) & aliases.keys():
        del out[joined]
    return out


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added, dropped or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def read_key(
    index: FoodIndex,
    key: str,
    synonyms: PhraseTable[Synonym] | None = None,
    brands: PhraseTable[Brand] | None = None,
) -> Reading:
    """Read a key (from :func:`~nutrilog.matching.words.segmented_keys`); see the module doc."""
    synonyms = synonym_table() if synonyms is None else synonyms
    brands = brand_table() if brands is None else brands
    speller = index.speller or speller_for(
        index, _known_words(synonym_table()), {w for a in curated_aliases() for w in a.split()}
    )
    reading = Reading(segments=[])
    for raw in key.split(f" {SEGMENT} ") if SEGMENT in key else [key]:
        words = raw.split()
        found = brands.find(words)
        if found:
            taken = {i for start, end, _ in found for i in range(start, end)}
            reading.brands.extend(b for _, _, b in found)
            words = [w for i, w in enumerate(words) if i not in taken]
        words = [w for w in words if len(w) > 1 or w.isdigit() or w in synonyms.by_first]
        counted = count_words()
        if len(words) > 1:  # "nori sheets", "edamame pods": the count's unit, no food word
            words = [w for w in words if w in index.postings or w not in counted] or words
        written = words
        words, used = rewrite(words, synonyms)
        reading.synonyms.extend(used)
        fixed_words = []
        corrected = False
        known = (len(reading.corrections), len(reading.synonyms) - len(used))
        plain = plain_words(index)
        # a word only brands' descriptions hold (``bell`` of TACO BELL); a word only an
        # FNDDS additional description holds is a food's other name (``poppers``)
        brand_only = [x for x in words if x in index.food_postings and x not in plain]
        for w in words:
            if w in index.postings or w.isdigit():
                # a shorthand that only a brand's name spells so (chikn of MORNINGSTAR
                # Chik'n) is the common food word it writes without vowels, unless the
                # line names a brand
                branded = bool(found) or any(x != w for x in brand_only)
                fixed = None if w in plain or branded else speller.unvowelled(w)
                fixed = fixed or (None if branded else speller.common_form(w))  # chees
                rare = not w.isdigit() and len(index.postings[w]) <= _RARE_PAIRED
                if (
                    fixed is None
                    and (w not in plain or rare)
                    and w in index.food_postings
                    and not branded
                ):
                    # a word only a brand's name spells, or a rare word (pinot, stake),
                    # beside a food word it never goes with: an autocorrect's slip
                    # (friend rice is fried rice, pinot beans pinto beans)
                    at = len(fixed_words)
                    fixed = speller.paired(
                        w,
                        fixed_words[-1] if fixed_words else None,
                        words[at + 1] if at + 1 < len(words) else None,
                        word_pairs(index),
                        known=True,
                        slips_only=w in plain,  # a rare word of its own (pinot), not a brand's
                    )
                if fixed is not None and fixed in plain:
                    reading.corrections.append((w, fixed))
                    corrected = True
                    fixed_words.append(fixed)
                else:
                    fixed_words.append(w)
                continue
            if w in one_word_aliases() and not _spells_own_food(index, w, speller):
                fixed_words.append(w)  # "johnsonville brat": a bratwurst, no "brot"
                continue
            if w in _lacking_words():
                fixed_words.append(w)  # "haluski": a food USDA lacks, no slip of halupki
                continue
            if _alias_around(w, words):
                fixed_words.append(w)  # "jack in the box curly fries": the alias curly fries
                continue
            at = len(fixed_words)
            before = fixed_words[-1] if fixed_words else None
            after = words[at + 1] if at + 1 < len(words) else None
            # of several corrections, the one its neighbour pairs with (beef jerkey)
            fixed = speller.paired(w, before, after, word_pairs(index)) or speller.correct(w)
            if fixed is None:  # a short word read by its neighbour (monterey jak)
                fixed = speller.in_context(w, before, after, word_pairs(index))
            if fixed is None:  # a word only the alias table holds (extra virgn olive oil)
                fixed = _alias_correction(index, w)
            if fixed is None:  # two food words run together (tatertots, gingerale)
                fixed = _split_words(index, w, speller)
            if fixed is None:  # an alias's two words run together (babaganoush)
                fixed = _joined_aliases().get(w)
            if fixed is not None and fixed != w:
                reading.corrections.append((w, fixed))
                corrected = True
                fixed_words.extend(fixed.split())
            else:
                fixed_words.append(w)
        if corrected:
            fixes = dict(reading.corrections[known[0] :])
            if all(w in written and " " not in f for w, f in fixes.items()):
                # the words as written, corrected, then renamed: ``chese curds`` is
                # cheese curds, not chese and a curd already renamed yogurt
                del reading.synonyms[known[1] :]
                fixed_words = [fixes.get(w, w) for w in written]
            fixed_words, used = rewrite(fixed_words, synonyms)
            reading.synonyms.extend(used)
        reading.written.append([w for w in fixed_words if _role(w, index) != "unknown"])
        fixed_words = _compounds(fixed_words, index)
        reading.segments.append(_brand_words([(w, _role(w, index)) for w in fixed_words], index))
    reading.brands.extend(
        Brand(w, "packaged", "") for seg in reading.segments for w, role in seg if role == "brand"
    )
    _find_head(reading)
    return reading


@lru_cache(maxsize=1)
def count_words() -> frozenset[str]:
    """The count units of ``datasets/units.csv`` (``sheet``, ``pod``), normalised."""
    from nutrilog.units import unit_aliases

    counts = [a for a, info in unit_aliases().items() if info.kind == "count"]
    return frozenset(normalize_many(counts))


def _compounds(words: list[str], index: FoodIndex) -> list[str]:
    """Two words written apart that USDA writes as one, the first a qualifier or one of
    them a word no food uses: ``non fat`` is ``nonfat``, ``low fat`` is ``lowfat``,
    ``mahi mahi`` is ``mahimahi``; two food words too when no food writes them side by
    side (``blue berries`` is ``blueberries``; ``flax seed``, which USDA also writes
    apart, is matched both ways by the head-word rule instead)."""
    qualifiers = matcher_words().qualifiers
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            a, b = words[i], words[i + 1]
            unknown = a not in index.postings or b not in index.postings
            if a + b in index.postings and (
                a in qualifiers or unknown or (a, b) not in word_pairs(index)
            ):
                out.append(a + b)
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


def _brand_words(segment: list[tuple[str, str]], index: FoodIndex) -> list[tuple[str, str]]:
    """Core words the food table writes only in a brand name in capitals (``kraft``)
    become brand hints, unless they are the only food words of the segment (``weetabix``)."""
    plain = plain_words(index)
    brandish = [
        i
        for i, (w, role) in enumerate(segment)
        if role == "core" and w not in plain and len(brand_named(index, w))
    ]
    cores = sum(role == "core" for _, role in segment)
    if not brandish or len(brandish) == cores:
        return segment
    return [(w, "brand" if i in brandish else role) for i, (w, role) in enumerate(segment)]


def head_part(segment: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words of a segment before ``with`` or ``without`` (``toast with butter`` is
    toast), if any of them is core."""
    for i, (word, _) in enumerate(segment):
        if word in _COMPLEMENT:
            before = segment[:i]
            return before if any(role == "core" for _, role in before) else segment
    return segment


def _find_head(reading: Reading) -> None:
    forms = matcher_words().forms
    for n, segment in enumerate(reading.segments):
        if not any(role == "core" for _, role in segment):
            continue
        nouns = [(w, role) for w, role in head_part(segment) if role in ("core", "unknown")]
        reading.head_segment = n
        if len(nouns) > 1 and nouns[-1][0] in count_words() and nouns[-1][0] not in forms:
            nouns = nouns[:-1]  # "catfish fillet": the fish, counted by the fillet
        head, role = nouns[-1]
        reading.head = head
        reading.unknown_head = role == "unknown"
        if role == "core" and head in forms and len(nouns) > 1:
            reading.modifier, modifier_role = nouns[-2]
            reading.unknown_head = modifier_role == "unknown"
        return
