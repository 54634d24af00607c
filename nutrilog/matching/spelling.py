"""Word-level spelling correction against the food vocabulary.

A word of five letters or more that no food, alias, synonym or brand uses is
corrected to a known word one edit away: one wrong, missing, extra or swapped letter
(the optimal-string-alignment distance). A four-letter word is corrected only for two
swapped letters or a missing one, to a common word, when exactly one fits (``mlik``,
``aple``). Words of eight letters or more may be two
edits away when exactly one known word is that close, and words of six or seven letters
when they leave out two letters of exactly one known word (``pinaple``). A correction
keeps the first
letter (or swaps the first two). Among several candidates the word used by the most
foods wins.

Among several candidates, one that doubles or undoubles a letter (``puding`` ->
pudding), swaps two letters (``cookei`` -> cookie, not cooked) or only drops a plural ending (``chunks`` -> chunk, not chunky) or writes a final ``y`` as ``ey`` (``jerkey`` ->
jerky, not jersey) comes first: a lost or doubled letter is the commonest slip,
and the frequency of a synonym term (``pudina``, mint in Indian English) must not beat
it. A word is never cut to a known word by dropping a final ``a``, ``i``, ``o`` or ``u``:
such words are Italian or Spanish food names (``americano`` is coffee, not American
cheese; ``lungo`` no lung). A word of four letters or more written without its vowels
(``chkn``, ``bttr``, ``swt``) is read as the common food word with the same consonants
in the same order (:meth:`Speller.unvowelled`), when one such word is far more common
than the others.

USDA's own descriptions hold a few misspellings (``turky``, ``bluberry``, ``pasrty``):
a rare word one edit away from a word ten times as common is never a correction
target, so ``turkey`` is never "corrected" into ``turky``.

Examples
--------
>>> speller = Speller({"quinoa": 10, "cheese": 300, "chees": 1, "lettuce": 40})
>>> speller.correct("quinao"), speller.correct("chese"), speller.correct("xyzzy")
('quinoa', 'cheese', None)
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = ["Speller", "MIN_LENGTH", "MIN_LENGTH_TWO_EDITS"]

#: Shortest word that is corrected (one edit).
MIN_LENGTH = 5
#: Four-letter words are corrected only for a swap or a missing letter (see Speller._short).
MIN_LENGTH_SHORT = 4
#: Shortest word that may be two edits from its correction.
MIN_LENGTH_TWO_EDITS = 8
#: A target used by at most this many foods, one edit from a word used ten times as
#: often (and by at least :data:`_COMMON` foods), is taken for a misspelling.
#: A known rare word this long may be any one-letter slip of a common word.
_LONG_ENOUGH = 7
#: How many times commoner than the next one a short word's correction must be to win.
_DOMINANT = 5
_RARE = 2
_COMMON = 20
#: Uses enough for a four-letter word reached by swapping two letters.
_SWAPPED = 5
#: Words of USDA's descriptions that name no food: never a correction (``frim`` is no
#: ``from``).
_FUNCTION_WORDS = frozenset(
    {
        "from", "with", "made", "form", "type", "into", "than", "only", "been", "which",
        "other", "after", "under", "have", "having", "used", "using", "such", "within",
        "packed",
    }
)  # fmt: skip
#: A word used this many times less than another candidate is no preferred slip.
_RARITY = 100


#: Shortest word read by its neighbour (:meth:`Speller.in_context`).
_MIN_CONTEXT = 3

#: Final letters that end food names of other languages (americano, lungo, broccolini).
_FOREIGN_ENDINGS = frozenset("aiou")
_VOWELS = re.compile(r"[aeiou]")
#: Consonant pairs written as one sound in shorthand (``chikn`` for chicken).
_ONE_SOUND = re.compile(r"ck|(.)\1")
#: Shortest shorthand word read by its consonants, and how much more common the word
#: read must be than the next with the same consonants.
_MIN_UNVOWELLED = 4
_UNVOWELLED_MARGIN = 5


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _doubling(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with one letter doubled or undoubled (puding, pudding)."""
    short, long = sorted((word, other), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(
        long[:i] + long[i + 1 :] == short and long[i] == long[i - 1] for i in range(1, len(long))
    )


def _plural(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` with a plural ending (chunks, chunk)."""
    return word in (other + "s", other + "es")


def _ey_for_y(word: str, other: str) -> bool:
    """Whether ``word`` writes the final ``y`` of ``other`` as ``ey`` (jerkey, jerky)."""
    return word.endswith("ey") and other == word[:-2] + "y"


def _inflected(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with an ending (scramble, scrambled; fig, figs)."""
    return other in (word + "s", word + "d", word + "es", word + "ed")


def _slip(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` with two letters swapped or one letter doubled or
    undoubled (the slips a short word shows without becoming another word)."""
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and sorted(word) == sorted(other)
    return _doubling(word, other)


def _vowel_for_vowel(word: str, other: str) -> bool:
    """Whether ``word`` and ``other`` differ in one letter only, a vowel in each."""
    diff = [(a, b) for a, b in zip(word, other, strict=False) if a != b]
    return len(word) == len(other) and len(diff) == 1 and all(c in "aeiou" for c in diff[0])


def _consonants(word: str) -> str:
    """The consonants of ``word`` as shorthand keeps them: first letter, no vowels, one
    letter per sound (``chicken`` -> ``chkn``)."""
    sounds = _ONE_SOUND.sub(lambda m: m.group(0)[-1], word)
    return sounds[0] + _VOWELS.sub("", sounds[1:])


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


class Speller:
    """Corrects words against a vocabulary of ``{word: how many foods use it}``.

    Parameters
    ----------
    frequencies : mapping
        Known words and how often the food table uses them; words of the alias,
        synonym and brand tables are given a high count (they are deliberate).
    secondary : iterable of str
        Known words no food's description holds (``butty``, a word of the synonym
        table): among corrections as near, a word of the food table comes first.
    chosen : iterable of str
        Words a person chose (the alias table's, ``latke``): never taken for a
        misspelling of a far commoner word one letter away (latte).
    """

    def __init__(
        self,
        frequencies: Mapping[str, int],
        secondary: Iterable[str] = (),
        chosen: Iterable[str] = (),
    ) -> None:
        self.frequencies = {w: int(n) for w, n in frequencies.items() if w}
        self.secondary = frozenset(secondary)
        # words a person wrote into the alias table (``latke``): never a misspelling,
        # though one letter from a far more common word (latte)
        self.chosen = frozenset(chosen)
        words = [w for w in self.frequencies if len(w) >= MIN_LENGTH - 1 and w.isalpha()]
        by_delete: dict[str, list[str]] = {}
        for w in words:
            by_delete.setdefault(w, []).append(w)
            for d in _deletes(w):
                by_delete.setdefault(d, []).append(w)
        # tuples, which the cycle collector stops looking at (lists it walks every time)
        self._by_delete = {d: tuple(found) for d, found in by_delete.items()}
        self._long: dict[tuple[str, int], list[str]] = {}
        for w in words:
            if len(w) >= MIN_LENGTH_TWO_EDITS - 2:
                self._long.setdefault((w[0], len(w)), []).append(w)
        self._cache: dict[str, str | None] = {}
        self._skeletons: dict[str, list[str]] | None = None
        self._revowelled: dict[str, list[str]] | None = None
        self._misspelt: dict[str, bool] = {}

    def _one_edit(self, word: str) -> set[str]:
        """Known words at most one edit (OSA distance) from ``word``."""
        found: set[str] = set()
        for key in {word} | _deletes(word):
            found.update(self._by_delete.get(key, ()))
        return {
            w
            for w in found
            if w != word
            # the first letter kept, or two swapped, or a silent h left off (orchata)
            and (w[0] == word[0] or w[:2] == word[1::-1] or w == f"h{word}")
            and OSA.distance(word, w, score_cutoff=1) <= 1
            and not (word[:-1] == w and word[-1] in _FOREIGN_ENDINGS)
        }

    def misspelt(self, word: str) -> bool:
        """Whether a known word looks like a misspelling of a far more common one (a word
        of the food table: a secondary word's count is given, not counted, so USDA's
        ``falafel`` is no misspelling of the synonym ``felafel``)."""
        found = self._misspelt.get(word)
        if found is None and word in self.chosen:
            found = self._misspelt[word] = False
        if found is None:
            freq = self.frequencies
            found = freq.get(word, 0) <= _RARE and any(
                freq[v] >= max(10 * freq.get(word, 0), _COMMON)
                for v in self._one_edit(word)
                if v not in self.secondary
            )
            self._misspelt[word] = found
        return found

    def common_form(self, word: str) -> str | None:
        """The far more common word a known but rare word misspells (USDA's own
        ``bluberry`` is blueberry), or None when it misspells none (see :meth:`misspelt`).

        A word of five or six letters is too often a name of its own one letter from a
        common word (``mochi`` and mocha, ``latke`` and latte, ``crema`` and cream): only a
        swapped pair or a doubled letter of it is read as a slip.

        Examples
        --------
        >>> Speller({"blueberry": 300, "bluberry": 1}).common_form("bluberry")
        'blueberry'
        >>> Speller({"mocha": 300, "mochi": 1}).common_form("mochi") is None
        True
        """
        if len(word) < MIN_LENGTH or not self.misspelt(word):
            return None  # a short word is too often a word of its own (log, not long)
        freq = self.frequencies
        floor = max(10 * freq.get(word, 0), _COMMON)
        # an ending added or dropped is another form of the word, no slip (scramble)
        found = [
            w
            for w in self._one_edit(word)
            if freq[w] >= floor
            and not (_inflected(word, w) or _inflected(w, word))
            and (len(word) >= _LONG_ENOUGH or _slip(word, w))
        ]
        return max(found, key=lambda w: (freq[w], w)) if found else None

    def known(self, word: str) -> bool:
        """Whether ``word`` is in the vocabulary."""
        return word in self.frequencies

    def correct(self, word: str) -> str | None:
        """``word`` if known, else its correction, else None.

        Examples
        --------
        >>> Speller({"cashew": 30, "cinnamon": 40}).correct("cashwe")
        'cashew'
        >>> Speller({"cinnamon": 40}).correct("cinammon")  # two edits, eight letters
        'cinnamon'
        """
        if word in self.frequencies:
            return word
        if word in self._cache:
            return self._cache[word]
        fixed: str | None = None
        if word.endswith("y") and len(word) >= MIN_LENGTH and word.isalpha():
            # cookys, cooky: cookie before cook (a letter added at the end)
            fixed = self._ie_for_y(word)
        if fixed is None and len(word) >= MIN_LENGTH and word.isalpha():
            candidates = {
                w for w in self._one_edit(word) if not self.misspelt(w) and w not in _FUNCTION_WORDS
            }
            if not candidates and len(word) >= MIN_LENGTH_TWO_EDITS:
                candidates = {w for w in self._two_edits(word) if not self.misspelt(w)}
            if candidates:
                # a doubled letter or a plural ending comes first, unless that word is a
                # rarity beside the others (``chees``: cheese, not USDA's odd "chee")
                top = max(self.frequencies[w] for w in candidates)
                fixed = max(
                    candidates,
                    key=lambda w: (
                        # a swapped pair is the commonest slip too (cookei: cookie, not cooked)
                        _ey_for_y(word, w)  # jerkey: jerky, whatever jersey's uses
                        or (
                            (_slip(word, w) or _plural(word, w))
                            and self.frequencies[w] * _RARITY >= top
                        ),
                        w not in self.secondary,  # buttr: butter, not the UK word butty
                        # one vowel for another, the commonest misspelling (bulger: bulgur,
                        # not burger), unless that word is a rarity beside the others
                        _vowel_for_vowel(word, w) and self.frequencies[w] * _RARITY >= top,
                        # papya: papaya with a letter missing, not papa with one added
                        # inside it (a letter added at the end is a slip: gritz, grit)
                        len(w) >= MIN_LENGTH or len(w) >= len(word) or w == word[:-1],
                        # a letter left out before one put in: romain is romaine (not
                        # roman), devild deviled (not devil); one added at the end is a slip
                        0 if w == word[:-1] else len(w) - len(word),
                        self.frequencies[w],
                        w,
                    ),
                )
        elif len(word) == MIN_LENGTH_SHORT and word.isalpha():
            fixed = self._short(word)
        if fixed is None and len(word) >= MIN_LENGTH_SHORT and word.isalpha():
            fixed = self._undoubled(word)
        if fixed is None and word.endswith("ie") and len(word) >= MIN_LENGTH_SHORT + 1:
            fixed = self._y_for_ie(word)
        if fixed is None and len(word) >= _MIN_UNVOWELLED and word.isalpha():
            fixed = self.unvowelled(word)
        if fixed is None and MIN_LENGTH + 1 <= len(word) < MIN_LENGTH_TWO_EDITS and word.isalpha():
            fixed = self.revowelled(word)
        if fixed is None and MIN_LENGTH + 1 <= len(word) < MIN_LENGTH_TWO_EDITS and word.isalpha():
            fixed = self._two_dropped(word)
        if fixed is None and len(word) > MIN_LENGTH and word.endswith("s") and word.isalpha():
            # "cookeis": the plural of a slip (cookei -> cookie), read as the food word
            fixed = self.correct(word[:-1])
        self._cache[word] = fixed
        return fixed

    def revowelled(self, word: str) -> str | None:
        """The one known word of six or seven letters that ``word`` spells with its vowels
        changed or moved (``sardeen`` is sardine, ``lentle`` lentil): the same first letter
        and consonants in the same order, two edits at most, no misspelling itself;
        None when no such word or more than one.

        Examples
        --------
        >>> Speller({"sardine": 12, "garden": 40}).revowelled("sardeen")
        'sardine'
        """
        if self._revowelled is None:
            self._revowelled = {}
            for w in self.frequencies:
                if MIN_LENGTH <= len(w) <= MIN_LENGTH_TWO_EDITS and w.isalpha():
                    self._revowelled.setdefault(_consonants(w), []).append(w)
        found = {
            w
            for w in self._revowelled.get(_consonants(word), ())
            if w[0] == word[0]
            and abs(len(w) - len(word)) <= 1
            and OSA.distance(word, w, score_cutoff=2) <= 2
            and w not in self.secondary
            and not self.misspelt(w)
        }
        return found.pop() if len(found) == 1 else None

    def _two_dropped(self, word: str) -> str | None:
        """The one known word that ``word`` (six or seven letters) writes with two of its
        letters left out (``pinaple`` is pineapple), with the same first letter; None when
        no such word or more than one.

        Examples
        --------
        >>> Speller({"pineapple": 30, "pinwheel": 2}).correct("pinaple")
        'pineapple'
        """
        found = {
            w
            for w in self._long.get((word[0], len(word) + 2), ())
            if _is_subsequence(word, w) and w not in self.secondary and not self.misspelt(w)
        }
        return found.pop() if len(found) == 1 else None

    def _y_for_ie(self, word: str) -> str | None:
        """The known word that ``word`` writes with ``-ie`` for its ``-y`` (``gummie``
        is gummy, ``veggie`` stays veggie when the tables know it), else None."""
        other = word[:-2] + "y"
        return other if other in self.frequencies and not self.misspelt(other) else None

    def _ie_for_y(self, word: str) -> str | None:
        """The known word that ``word`` writes with ``-y`` for its ``-ie`` (``cooky``, of
        ``cookys``, is cookie; ``smoothy`` smoothie), else None."""
        other = word[:-1] + "ie"
        return other if other in self.frequencies and not self.misspelt(other) else None

    def unvowelled(self, word: str) -> str | None:
        """The common food word that ``word`` writes without (some of) its vowels.

        ``chkn`` and ``chikn`` are chicken, ``bttr`` butter: the word read has the same
        first letter and consonants (one letter per sound), holds ``word``'s letters in
        order, is used by at least 20 foods and by five times as many as the next such
        word; a word with two vowels or more is no shorthand.

        Examples
        --------
        >>> Speller({"chicken": 900, "chickpea": 40}).unvowelled("chkn")
        'chicken'
        """
        if len(_VOWELS.findall(word[1:])) > 1:
            return None
        if self._skeletons is None:
            self._skeletons = {}
            for w, n in self.frequencies.items():
                if (
                    n >= _COMMON
                    and len(w) > _MIN_UNVOWELLED
                    and w.isalpha()
                    and w not in _FUNCTION_WORDS
                    # a word only the side tables hold is counted, not used by foods
                    # (``chikin``, a misspelling the synonym table reads): no shorthand's
                    and w not in self.secondary
                ):
                    self._skeletons.setdefault(_consonants(w), []).append(w)
        found = sorted(
            (
                (self.frequencies[w], w)
                for w in self._skeletons.get(_consonants(word), ())
                if len(w) > len(word) and _is_subsequence(word, w)
            ),
            reverse=True,
        )
        # a variant one letter from a more common one (tomatoe, tomato) is the same word
        found = [
            (n, w)
            for i, (n, w) in enumerate(found)
            if not any(OSA.distance(w, v, score_cutoff=1) <= 1 for _, v in found[:i])
        ]
        if not found or (len(found) > 1 and found[0][0] < _UNVOWELLED_MARGIN * found[1][0]):
            return None
        return found[0][1]

    def _undoubled(self, word: str) -> str | None:
        """A doubled letter written once, when that gives a known word and one only
        (``figg`` -> fig, ``ribb`` -> rib): the commonest slip, also in words shorter than
        the one-edit rules look at.

        Examples
        --------
        >>> Speller({"fig": 18, "rib": 300}).correct("figg")
        'fig'
        """
        found = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
        found = {w for w in found if w in self.frequencies and not self.misspelt(w)}
        return found.pop() if len(found) == 1 else None

    def _short(self, word: str) -> str | None:
        """A four-letter word: only a swapped pair, a missing letter or a vowel written
        for another of a common word, when exactly one fits or one is far commoner than
        the others (``mlik`` -> milk, ``aple`` -> apple, ``bred`` -> bread, ``tofo`` ->
        tofu, ``soop`` -> soup rather than scoop); a changed consonant is too often
        another food (``beet``/``beef``, ``pear``/``peas``)."""
        freq = self.frequencies
        found = sorted(
            (
                w
                for w in self._one_edit(word)
                if w not in _FUNCTION_WORDS
                and not self.misspelt(w)
                and (
                    # a swapped pair is the surest slip: a rarer word will do (frim: firm)
                    (len(w) == len(word) and sorted(w) == sorted(word) and freq[w] >= _SWAPPED)
                    or freq[w] >= _COMMON
                    and (len(w) == len(word) + 1 or _vowel_for_vowel(word, w))
                )
            ),
            key=lambda w: -freq[w],
        )
        one = len(found) == 1 or (len(found) > 1 and freq[found[0]] >= _DOMINANT * freq[found[1]])
        # a short word of the synonym table alone is a foreign name (mizu, water): a
        # four-letter word one vowel from it is another name or a slip of a food word
        # (mizo: miso), never it; it still stands against the others (rise: riso, rose)
        return found[0] if one and found[0] not in self.secondary else None

    def in_context(
        self, word: str, before: str | None, after: str | None, pairs: Container[tuple[str, str]]
    ) -> str | None:
        """A short word (three or four letters) the rules above leave alone, read by its
        neighbour: the one known word one edit away that forms a known pair of words with
        the word before or after it (``monterey jak`` is monterey jack: USDA writes
        ``monterey jack``); None when no such word or more than one.

        Examples
        --------
        >>> Speller({"jack": 5, "pack": 9}).in_context("jak", "monterey", None, frozenset({("monterey", "jack")}))
        'jack'
        """
        if not (_MIN_CONTEXT <= len(word) < MIN_LENGTH and word.isalpha()):
            return None
        found = {
            w
            for w in self._one_edit(word) | self._three_letter(word)
            if (before is not None and (before, w) in pairs)
            or (after is not None and (w, after) in pairs)
        }
        return found.pop() if len(found) == 1 else None

    def paired(
        self,
        word: str,
        before: str | None,
        after: str | None,
        pairs: Container[tuple[str, str]],
        known: bool = False,
        slips_only: bool = False,
    ) -> str | None:
        """An unknown word of five letters or more read by its neighbour: the one word one
        edit away that forms a known pair with the word before or after it, where
        :meth:`correct` would pick the commonest of several (``straw berey`` is a
        strawberry, not a beret); None when no such word or more than one. With ``known``,
        a known word too, when it pairs with neither neighbour (``friend rice``, a phone's
        autocorrect, is fried rice); with ``slips_only``, only by a swapped pair or a vowel.

        Examples
        --------
        >>> s = Speller({"beret": 9, "berry": 5, "straw": 90})
        >>> s.paired("berey", "straw", None, frozenset({("straw", "berry")}))
        'berry'
        >>> s.correct("berey")
        'beret'
        """
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        if word in self.frequencies and not (
            known
            and (before is None or (before, word) not in pairs)
            and (after is None or (word, after) not in pairs)
        ):
            return None
        found = {
            w
            for w in self._one_edit(word)
            if w != word
            and (
                (before is not None and (before, w) in pairs)
                or (after is not None and (w, after) in pairs)
            )
            and not self.misspelt(w)
            # a real word read as another only by a swapped pair or a vowel (pinot:
            # pinto, stake: steak), never a changed consonant (stack cake is no snack)
            and (not slips_only or _slip(word, w) or _vowel_for_vowel(word, w))
        }
        return found.pop() if len(found) == 1 else None

    def _three_letter(self, word: str) -> set[str]:
        """Known words with one letter more than a three-letter ``word`` (``jak``: jack),
        which :meth:`_one_edit` does not index (it keeps words of four letters or more)."""
        if len(word) != _MIN_CONTEXT:
            return set()
        return {w for w in self._by_delete.get(word, ()) if len(w) == len(word) + 1}

    def _two_edits(self, word: str) -> set[str]:
        """The one known word two edits from ``word`` (same first letter), if only one is
        (or only one of them is a food table's word)."""
        pool = [
            w for n in range(len(word) - 2, len(word) + 3) for w in self._long.get((word[0], n), ())
        ]
        hits = process.extract(word, pool, scorer=OSA.distance, score_cutoff=2, limit=None)
        close = {
            w
            for w, d, _ in hits
            if d <= 2 and not (word.startswith(w) and word[-1] in _FOREIGN_ENDINGS)
        }
        if len(close) > 1:
            # a word known only from the synonym or alias tables (Spanish ``coliflor``)
            # does not make a food word as close a tie (``coliflower``: cauliflower)
            close = {w for w in close if w not in self.secondary} or close
        return close if len(close) == 1 else set()
