"""A spirit poured with a mixer, named by its maker: the mixed drink FNDDS names.

FNDDS codes the usual highballs as one drink each (``Rum and cola``, ``Whiskey and
ginger ale``, ``Vodka and tonic``), and diaries write them with the spirit's brand
(``brugal y coca cola``, ``makers mark & coke``, ``2 tito's and soda``). A brand of
``datasets/brands.csv`` whose generic is a spirit, joined to a mixer of
``datasets/mixers.csv``, is read as the spirit and the mixer as FNDDS names them
(:func:`spirit_and_mixer`), so that the line lands on the mixed drink rather than on
a shot and a can of soda.

Examples
--------
>>> spirit_and_mixer("brugal y coca cola")[0]
'rum and cola'
>>> spirit_and_mixer("2 Tito's & soda")[0]
'2 vodka and soda'
>>> spirit_and_mixer("rum and coke") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from nutrilog.matching.synonyms import brand_rows, table_rows

__all__ = ["SPIRITS", "spirit_and_mixer"]

#: The generic spirits of ``brands.csv`` that FNDDS mixes into highballs.
SPIRITS = frozenset({"rum", "whiskey", "vodka", "gin", "tequila", "brandy"})

#: Words joining a spirit to its mixer (``y`` is Spanish for ``and``).
_JOIN = r"\s*(?:&|\+)\s*|\s+(?:and|n|'n'|y|with|w)\s+|\s+w/\s*"


def _key(name: str) -> str:
    """A name without case or apostrophes (``Tito’s`` and ``titos`` are one)."""
    return re.sub(r"['\u2019]", "", name.lower())


def _alternatives(names: list[str]) -> str:
    """A regular expression of ``names``, longest first, apostrophes optional."""
    ordered = sorted(names, key=len, reverse=True)
    return "|".join(re.escape(_key(n)).replace(r"\ ", r"\s+") for n in ordered)


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """The pattern of a spirit's brand, a join and a mixer; what each name means."""
    spirits = {
        _key(row.brand): row.generic
        for row in brand_rows()
        if row.kind == "packaged" and row.generic in SPIRITS
    }
    rows = table_rows("mixers.csv", ("mixer", "means", "note"))
    mixers = {_key(r["mixer"]): r["means"] for r in rows}
    pattern = re.compile(
        rf"(?<![\w'])(?P<spirit>{_alternatives(list(spirits))})(?:{_JOIN})"
        rf"(?P<mixer>{_alternatives(list(mixers))})s?(?![\w'])",
        re.IGNORECASE,
    )
    return pattern, spirits, mixers


def spirit_and_mixer(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """``text`` with a spirit's brand joined to a mixer written as FNDDS names the
    drink (``brugal y coca cola`` → ``rum and cola``), and the ``brand`` assumption;
    None when the line holds no such pair.

    Examples
    --------
    >>> spirit_and_mixer("makers mark and ginger ale")
    ('whiskey and ginger ale', (('brand', 'makers mark → whiskey, poured with ginger ale'),))
    """
    pattern, spirits, mixers = _tables()
    # apostrophes dropped so that the pattern's names fit (a drink's line has no quote)
    plain = re.sub(r"['\u2019]", "", text)
    found = pattern.search(plain)
    if found is None:
        return None
    generic = spirits[re.sub(r"\s+", " ", _key(found["spirit"]))]
    mixer = mixers[re.sub(r"\s+", " ", _key(found["mixer"]))]
    drink = f"{generic} and {mixer}"
    note = ("brand", f"{found['spirit']} \u2192 {generic}, poured with {mixer}")
    return f"{plain[: found.start()]}{drink}{plain[found.end() :]}", (note,)
