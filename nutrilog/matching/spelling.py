"""Word-level spelling correction against the food vocabulary.

A word of five letters or more that no food, alias, synonym or brand uses is
corrected to a known word one edit away: one wrong, missing, extra or swapped letter
(the optimal-string-alignment distance). A four-letter word is corrected only for two
swapped letters or a missing one, to a common word, when exactly one fits (``mlik``,
``aple``). Words of eight letters or more may be two
edits away when exactly one known word is that close. A correction keeps the first
letter (or swaps the first two). Among several candidates the word used by the most
foods wins.

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

from collections.abc import Mapping

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
_RARE = 2
_COMMON = 20


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Corrects words against a vocabulary of ``{word: how many foods use it}``.

    Parameters
    ----------
    frequencies : mapping
        Known words and how often the food table uses them; words of the alias,
        synonym and brand tables are given a high count (they are deliberate).
    """

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.frequencies = {w: int(n) for w, n in frequencies.items() if w}
        words = [w for w in self.frequencies if len(w) >= MIN_LENGTH - 1 and w.isalpha()]
        self._by_delete: dict[str, list[str]] = {}
        for w in words:
            self._by_delete.setdefault(w, []).append(w)
            for d in _deletes(w):
                self._by_delete.setdefault(d, []).append(w)
        self._long: dict[tuple[str, int], list[str]] = {}
        for w in words:
            if len(w) >= MIN_LENGTH_TWO_EDITS - 2:
                self._long.setdefault((w[0], len(w)), []).append(w)
        self._cache: dict[str, str | None] = {}
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
            and (w[0] == word[0] or w[:2] == word[1::-1])
            and OSA.distance(word, w, score_cutoff=1) <= 1
        }

    def misspelt(self, word: str) -> bool:
        """Whether a known word looks like a misspelling of a far more common one."""
        found = self._misspelt.get(word)
        if found is None:
            freq = self.frequencies
            found = freq.get(word, 0) <= _RARE and any(
                freq[v] >= max(10 * freq.get(word, 0), _COMMON) for v in self._one_edit(word)
            )
            self._misspelt[word] = found
        return found

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
        if len(word) >= MIN_LENGTH and word.isalpha():
            candidates = {w for w in self._one_edit(word) if not self.misspelt(w)}
            if not candidates and len(word) >= MIN_LENGTH_TWO_EDITS:
                candidates = {w for w in self._two_edits(word) if not self.misspelt(w)}
            if candidates:
                fixed = max(candidates, key=lambda w: (self.frequencies[w], w))
        elif len(word) == MIN_LENGTH_SHORT and word.isalpha():
            fixed = self._short(word)
        self._cache[word] = fixed
        return fixed

    def _short(self, word: str) -> str | None:
        """A four-letter word: only a swapped pair or a missing letter of a common word,
        when exactly one fits (``mlik`` -> milk, ``aple`` -> apple, ``bred`` -> bread); a
        changed letter is too often another food (``beet``/``beef``, ``pear``/``peas``)."""
        freq = self.frequencies
        found = {
            w
            for w in self._one_edit(word)
            if freq[w] >= _COMMON
            and not self.misspelt(w)
            and (len(w) == len(word) + 1 or (len(w) == len(word) and sorted(w) == sorted(word)))
        }
        return found.pop() if len(found) == 1 else None

    def _two_edits(self, word: str) -> set[str]:
        """The one known word two edits from ``word`` (same first letter), if only one is."""
        pool = [
            w for n in range(len(word) - 2, len(word) + 3) for w in self._long.get((word[0], n), ())
        ]
        hits = process.extract(word, pool, scorer=OSA.distance, score_cutoff=2, limit=None)
        close = {w for w, d, _ in hits if d <= 2}
        return close if len(close) == 1 else set()
