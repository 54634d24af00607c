"""Normalising food words: the matching key of a text.

A key is the text lower-cased, without accents, apostrophes or punctuation, with
``&`` read as ``and`` and every word in the singular (``"Bananas, raw"`` and
``"banana raw"`` have the same key). Many texts are normalised in one pass over
all of them, and each distinct word is put in the singular once.

Examples
--------
>>> normalize_food_text("Bananas, raw")
'banana raw'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nutrilog.matching.vocabulary import matcher_words

__all__ = [
    "LINE_BREAK",
    "normalize_food_text",
    "normalize_many",
    "normalized_words",
    "one_per_line",
    "segmented_keys",
    "singular",
    "texts_of",
]

_NOT_PLURAL = ("ss", "us", "is")

#: Joins texts into one block of lines, one line per text (food texts do not hold it).
LINE_BREAK = "\x00"


@lru_cache(maxsize=100_000)
def singular(word: str) -> str:
    """The singular of a lower-case word (irregular plurals from the word table).

    Examples
    --------
    >>> singular("cherries"), singular("tomatoes"), singular("leaves"), singular("hummus")
    ('cherry', 'tomato', 'leaf', 'hummus')
    """
    irregular = matcher_words().plurals
    if word in irregular:
        return irregular[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")) or (
        word.endswith("oes") and len(word) > 5
    ):
        return word[:-2]
    return word[:-1]


def _fold_table() -> bytes:
    """Byte table of :func:`normalized_words`: letters lower-cased, digits kept, ``&`` and
    :data:`LINE_BREAK` kept for the replacements that follow, every other byte a space."""
    table = bytearray(b" " * 256)
    for byte in b"abcdefghijklmnopqrstuvwxyz0123456789&" + LINE_BREAK.encode():
        table[byte] = byte
    for byte in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[byte] = byte + 32
    return bytes(table)


_FOLD = _fold_table()


def one_per_line(texts: list[str]) -> str:
    """Join ``texts`` with :data:`LINE_BREAK`; one inside a text becomes a space.

    Both are word breaks to the normalisation and to the first-segment cut, so each
    line stands for its text.
    """
    block = LINE_BREAK.join(texts)
    if block.count(LINE_BREAK) != len(texts) - 1:
        block = LINE_BREAK.join(t.replace(LINE_BREAK, " ") for t in texts)
    return block


#: Letters Unicode does not split into a base letter and an accent (Polish ``ł``,
#: Danish ``ø``, German ``ß``): their plain spelling, so that ``kiełbasa`` is ``kielbasa``.
_UNDECOMPOSED = str.maketrans(
    {"\u2019": "'", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "þ": "th"}
)  # fmt: skip


#: A French elided article or preposition before a word (``d'érable``, ``l'eau``).
_ELISION = re.compile(rb"(?<![A-Za-z0-9])([dlDL])'(?=[A-Za-z])")


def normalized_words(texts: list[str]) -> list[str]:
    """The words of each text as :func:`normalize_food_text` puts them, all in one list.

    A ``|`` word stands between texts (folding turns that character into a space
    everywhere else). Accents, case, apostrophes, ``&`` and punctuation are handled on
    all texts at once, and each distinct word is put in the singular once.
    """
    block = one_per_line(texts)
    if not block.isascii():
        block = unicodedata.normalize("NFKD", block.translate(_UNDECOMPOSED))
    ascii_bytes = block.encode("ascii", "ignore")
    if b"'" in ascii_bytes:  # French d' and l' before a word: "d'amandes" is "d amandes"
        ascii_bytes = _ELISION.sub(rb"\1 ", ascii_bytes)
    words = (
        ascii_bytes.translate(_FOLD, b"'")
        .replace(b"&", b" and ")
        .replace(LINE_BREAK.encode(), b" | ")
        .decode("ascii")
        .split()
    )
    single = {w: singular(w) for w in set(words)}
    return list(map(single.__getitem__, words))


def texts_of(words: list[str]) -> list[str]:
    """The texts of :func:`normalized_words` (of at least one text)."""
    return " ".join(words).replace(" |", "|").replace("| ", "|").split("|")


def normalize_many(texts: list[str]) -> list[str]:
    """Return :func:`normalize_food_text` of each text, in one pass over all of them.

    Examples
    --------
    >>> normalize_many(["Cookies & cream", "", "Crème Fraîche"])
    ['cookie and cream', '', 'creme fraiche']
    """
    if len(texts) <= _FEW and all(isinstance(t, str) for t in texts):
        # a text or two (a brand's name, a food's description): each a look-up in the
        # cache of normalize_food_text, the same words as one pass would give
        return [normalize_food_text(t) for t in texts]
    return _normalized(texts)


#: Texts up to this many are normalised one by one through the cache.
_FEW = 4


def _normalized(texts: list[str]) -> list[str]:
    """:func:`normalize_many` of ``texts`` in one pass."""
    return texts_of(normalized_words(texts)) if texts else []


@lru_cache(maxsize=200_000)
def normalize_food_text(text: str) -> str:
    """Return the matching key of a food text: lower case, no accents or punctuation, singular words.

    Parameters
    ----------
    text : str
        Food words as written.

    Returns
    -------
    str
        Space-separated normalised words (``""`` for a text without letters or digits).

    Examples
    --------
    >>> normalize_food_text("Bananas, raw")
    'banana raw'
    >>> normalize_food_text("Trader Joe's Crème Fraîche")
    'trader joe creme fraiche'
    """
    return _normalized([str(text)])[0]


#: What ends a segment of a food text: commas, semicolons, colons, brackets, spaced dashes.
_SEGMENT_BREAK = re.compile(r"[,;:()\[\]{}]|\s[-\u2013\u2014]+\s")


def segmented_keys(texts: list[str]) -> list[str]:
    """Keys of :func:`normalize_many` with a ``,`` word between the segments of each text.

    Examples
    --------
    >>> segmented_keys(["Black Pepper, Ground", "Lunch (work) - soup", "apple"])
    ['black pepper , ground', 'lunch , work , soup', 'apple']
    """
    pieces: list[str] = []
    counts: list[int] = []
    for text in texts:
        parts = _SEGMENT_BREAK.split(text)
        pieces.extend(parts)
        counts.append(len(parts))
    keys = normalize_many(pieces)
    out: list[str] = []
    at = 0
    for n in counts:
        out.append(" , ".join(k for k in keys[at : at + n] if k))
        at += n
    return out
