"""Supplement reading over a table of entries: each distinct text read once.

:func:`kinds_of` and :func:`classify_texts` mark every row food, supplement or
water (a quick word screen first, :func:`~nutrilog.supplements.detect.detect_supplement`
only on the lines it lets through); :func:`apply_supplement_table` gives rows a
user's product amounts; :func:`supplement_assumptions` says what reading each
supplement line assumed.

Examples
--------
>>> classify_texts(pd.Series(["banana", "D3 50 mcg"]))["kind"].tolist()
['food', 'supplement']
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of
from nutrilog.log import ENTRY_KINDS as KINDS
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.supplements.products import SUPPLEMENT_NUTRIENTS, product_index, read_supplement_table
from nutrilog.supplements.words import supplement_words

__all__ = [
    "SUPPLEMENT_COLUMNS",
    "KINDS",
    "Kinds",
    "apply_supplement_table",
    "supplement_assumptions",
    "kinds_of",
    "classify_texts",
]

#: Columns of :func:`classify_texts` besides the nutrient columns.
SUPPLEMENT_COLUMNS: list[str] = ["kind", "note"]

_NUMBERS = re.compile(r"(?<![A-Za-z0-9.,/-])[0-9]+(?:[.,/][0-9]+)*")


def apply_supplement_table(
    entries: pd.DataFrame, table: str | os.PathLike[str] | pd.DataFrame
) -> pd.DataFrame:
    """Give the entries that name a product of a supplement table that product's amounts.

    Rows whose amounts are still unknown (every tracked nutrient NaN: ``cal-mag 2
    tabs``, ``multivitamin``, or a food line such as ``Emergen-C 1 packet``) and
    whose words hold a product name of the table become supplements with the
    product's amounts per unit times the units counted (``2 tabs``, ``x2``; none:
    1). Rows with known amounts (a dose read from the line, or values the source
    reported) keep them. The work is done once per distinct text.

    Parameters
    ----------
    entries : DataFrame
        Log entries (``text``, ``kind``, ``reported`` and nutrient columns).
    table : path or DataFrame
        The supplement table (see :func:`read_supplement_table`).

    Returns
    -------
    DataFrame
        A copy of ``entries``; matched rows have kind ``supplement``, their
        nutrient amounts, ``reported`` True and an ``assumptions`` item
        ``product: <name> x <units> (supplement table)``.

    Examples
    --------
    >>> entries = pd.DataFrame({"text": ["cal-mag 2 tabs", "banana"], "kind": ["supplement", "food"],
    ...                         "reported": [False, False], "calcium_mg": [np.nan, np.nan]})
    >>> table = pd.DataFrame({"product": ["cal-mag"], "calcium_mg": [250], "magnesium_mg": [125]})
    >>> apply_supplement_table(entries, table)[["calcium_mg", "magnesium_mg"]].iloc[0].tolist()
    [500.0, 250.0]
    """
    from nutrilog.quantity import parse_quantity
    from nutrilog.supplements.detect import from_product

    products = product_index(read_supplement_table(table))
    out = entries.copy()
    tracked = [c for c in SUPPLEMENT_NUTRIENTS if c in out.columns]
    known = (
        out[tracked].notna().any(axis=1).to_numpy() if tracked else np.zeros(len(out), dtype=bool)
    )
    kinds = out["kind"].astype(object).to_numpy()
    todo = np.flatnonzero(~known & np.isin(kinds, ["food", "supplement"]))
    if not len(todo) or not products:
        return out
    codes, uniques = pd.factorize(out["text"].iloc[todo].astype(str), use_na_sentinel=False)
    found = [from_product(str(u), parse_quantity(str(u)), products) for u in uniques]
    hit = np.array([f is not None for f in found], dtype=bool)
    rows = todo[hit[codes]]
    if not len(rows):
        return out
    row_codes = codes[hit[codes]]
    for column in SUPPLEMENT_NUTRIENTS:
        per_text = np.array(
            [np.nan if f is None else f.nutrients.get(column, np.nan) for f in found]
        )
        values = (
            out[column].to_numpy(dtype="float64", copy=True)
            if column in out.columns
            else np.full(len(out), np.nan)
        )
        values[rows] = per_text[row_codes]
        out[column] = values
    kind = out["kind"].astype(object).to_numpy(copy=True)
    kind[rows] = "supplement"
    out["kind"] = pd.Categorical(kind, categories=list(KINDS))
    reported = out["reported"].to_numpy(dtype=bool, copy=True)
    reported[rows] = True
    out["reported"] = reported
    texts = np.array(
        [None if f is None else f"{f.assumption} (supplement table)" for f in found], dtype=object
    )
    assumptions = (
        out["assumptions"].to_numpy(dtype=object, copy=True)
        if "assumptions" in out.columns
        else np.full(len(out), None, dtype=object)
    )
    assumptions[rows] = texts[row_codes]
    out["assumptions"] = assumptions
    return out


def supplement_assumptions(entries: pd.DataFrame) -> np.ndarray:
    """What was assumed in reading each supplement row's line (None elsewhere).

    The line is read again (once per distinct text): its assumption applies when
    the row's amounts are the ones read from it (or still unknown), not when the
    source reported its own values (Cronometer's supplements).

    Examples
    --------
    >>> entries = pd.DataFrame({"text": ["cal-mag 2 tabs", "banana"], "kind": ["supplement", "food"],
    ...                         "calcium_mg": [np.nan, np.nan]})
    >>> supplement_assumptions(entries).tolist()
    ['unknown amount: Magnesium, Calcium (cal-mag)', None]
    """
    out = np.full(len(entries), None, dtype=object)
    rows = np.flatnonzero(entries["kind"].astype(object).to_numpy() == "supplement")
    if not len(rows):
        return out
    codes, uniques = pd.factorize(entries["text"].iloc[rows].astype(str), use_na_sentinel=False)
    from nutrilog.supplements.detect import detect_supplement

    infos = [detect_supplement(str(u)) for u in uniques]
    keep = np.array([info.assumption is not None for info in infos], dtype=bool)[codes]
    for column in SUPPLEMENT_NUTRIENTS:
        if column not in entries.columns:
            continue
        have = entries[column].to_numpy(dtype="float64")[rows]
        read = np.array([info.nutrients.get(column, np.nan) for info in infos])[codes]
        same = np.isnan(have) | np.isclose(have, read, rtol=1e-9, atol=1e-9)
        keep &= same
    texts = np.array([info.assumption for info in infos], dtype=object)
    out[rows[keep]] = texts[codes][keep]
    return out


_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


@lru_cache(maxsize=65536)
def _kind_of(text: str) -> str:
    """The kind of one screen text; cached, as the same foods recur in every chunk."""
    if not supplement_words().search(_NUMBERS.sub(" ", text)):
        return "food"
    from nutrilog.supplements.detect import detect_supplement  # read when a word is found

    return detect_supplement(text).kind


class Kinds(NamedTuple):
    """The kind of every row, and the full reading of the rows that needed one.

    Attributes
    ----------
    code : ndarray of int8
        Each row's kind as an index into :data:`KINDS` (the entry kinds
        ``food, supplement, water``).
    rows : ndarray of int
        Positions of the rows whose line was read in full (named a nutrient,
        supplement or water).
    detected : DataFrame
        For those rows only: ``kind``, ``note`` and every nutrient column.
    """

    code: np.ndarray
    rows: np.ndarray
    detected: pd.DataFrame


def _detected_frame(kinds: np.ndarray, notes: np.ndarray, values: np.ndarray) -> pd.DataFrame:
    out = pd.DataFrame(values, columns=NUTRIENT_COLUMNS)
    out.insert(0, "note", notes)
    out.insert(0, "kind", kinds)
    return out


def kinds_of(
    texts: pd.Series | Callable[[pd.Series], pd.Series], screen: pd.Series | None = None
) -> Kinds:
    """Classify a column of log lines, each distinct text once, keeping only what was found.

    Parameters
    ----------
    texts : Series or callable
        Whole lines, amounts included. With ``screen``, it may be a function
        that builds the lines for a boolean row mask, so that only lines
        screened as supplements are ever built.
    screen : Series, optional
        Each line with its amount replaced by a stand-in (``"water 1 ml"``),
        aligned with ``texts``. The kind is decided on these, which repeat far
        more often than the real lines; only supplement lines then have their
        dose read from ``texts``.

    Returns
    -------
    Kinds

    Examples
    --------
    >>> found = kinds_of(pd.Series(["banana", "B12 1000 mcg", "banana"]))
    >>> [KINDS[c] for c in found.code], found.rows.tolist()
    (['food', 'supplement', 'food'], [1])
    """
    if screen is not None:
        codes, uniques = codes_of(screen)
        word = np.array(
            [_KIND_CODE[_kind_of("" if u is None else str(u))] for u in uniques], dtype=np.int8
        )
        code = word[codes] if len(codes) else np.zeros(0, dtype=np.int8)
        dosed = code == _KIND_CODE["supplement"]
        if not dosed.any():
            return Kinds(code, np.zeros(0, dtype=np.int64), _detected_frame(*_no_detection(0)))
        mask = pd.Series(dosed, index=screen.index)
        lines = texts(mask) if callable(texts) else texts[mask]
        inner = kinds_of(lines)
        rows = np.flatnonzero(dosed)
        code[rows] = inner.code
        return Kinds(code, rows[inner.rows], inner.detected)
    if callable(texts):
        raise TypeError("kinds_of: texts may be a function only together with screen=")
    codes, uniques = codes_of(texts)
    uniques = np.array(["" if u is None else str(u) for u in uniques], dtype=object)
    # Only texts naming a nutrient, supplement or water need the full look. The
    # cheap test runs on the words alone (numbers stripped), which repeat far
    # more often than whole lines with their amounts.
    words = pd.Series(uniques, dtype=object).astype(str).str.replace(_NUMBERS, " ", regex=True)
    word_codes, word_uniques = pd.factorize(words, use_na_sentinel=False)
    hits = (
        pd.Series(word_uniques, dtype=object)
        .astype(str)
        .str.contains(supplement_words(), regex=True)
    )
    candidate = hits.to_numpy(dtype=bool)[word_codes] if len(word_codes) else np.zeros(0, bool)
    kinds, notes, values = _no_detection(len(uniques))
    position = {col: j for j, col in enumerate(NUTRIENT_COLUMNS)}
    for i in np.flatnonzero(candidate):  # the full reading (its modules loaded then)
        from nutrilog.supplements.detect import detect_supplement

        info = detect_supplement(str(uniques[i]))
        kinds[i], notes[i] = info.kind, info.note
        for col, amount in info.nutrients.items():
            values[i, position[col]] = amount
    kind_code = np.array([_KIND_CODE[k] for k in kinds], dtype=np.int8)
    code = kind_code[codes] if len(codes) else np.zeros(0, dtype=np.int8)
    rows = np.flatnonzero(candidate[codes]) if len(codes) else np.zeros(0, dtype=np.int64)
    picked = codes[rows]
    return Kinds(code, rows, _detected_frame(kinds[picked], notes[picked], values[picked]))


def _no_detection(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kinds (all food), notes (None) and nutrient values (NaN) for ``n`` texts."""
    return (
        np.full(n, "food", dtype=object),
        np.full(n, None, dtype=object),
        np.full((n, len(NUTRIENT_COLUMNS)), np.nan),
    )


def classify_texts(
    texts: pd.Series | Callable[[pd.Series], pd.Series], screen: pd.Series | None = None
) -> pd.DataFrame:
    """Classify a column of log lines, each distinct text once.

    Parameters
    ----------
    texts : Series or callable
        Whole lines, amounts included (or a function building them, with
        ``screen``; see :func:`kinds_of`).
    screen : Series, optional
        Each line with its amount replaced by a stand-in, see :func:`kinds_of`.

    Returns
    -------
    DataFrame
        ``kind``, ``note`` and every nutrient column (NaN unless a supplement
        dose was read), indexed like ``texts``.

    Examples
    --------
    >>> import pandas as pd
    >>> out = classify_texts(pd.Series(["banana", "B12 1000 mcg"]))
    >>> out["kind"].tolist(), out["vitamin_b12_ug"].tolist()
    (['food', 'supplement'], [nan, 1000.0])
    """
    index = screen.index if screen is not None else texts.index  # type: ignore[union-attr]
    found = kinds_of(texts, screen)
    kinds, notes, values = _no_detection(len(index))
    kinds = np.asarray(KINDS, dtype=object)[found.code]
    notes[found.rows] = found.detected["note"].to_numpy(dtype=object)
    values[found.rows] = found.detected[NUTRIENT_COLUMNS].to_numpy(dtype="float64")
    out = _detected_frame(kinds, notes, values)
    out.index = index
    return out
