"""Tell supplements and plain water apart from food, and read a supplement's dose.

A log line is a **supplement** when it names a tracked nutrient together with a
dose (``magnesium glycinate 200 mg``, ``Vitamin D3 2000 IU``, ``B12 1000 mcg``), a
supplement form (glycinate, citrate, gluconate, cholecalciferol...) or a dose
form (capsule, tablet, softgel, gummy, lozenge); or when it is a multivitamin.
``calcium-fortified orange juice 1 cup`` stays food, and so does a line whose
amount is a food measure rather than a dose: a volume, a size, or a mass of
:data:`FOOD_MASS_G` grams or more (``tofu, prepared with calcium sulfate 3 oz``
names a mineral salt, but 85 g of it would be no label amount). In structured
logs a row that names a food id is food unless its kind column says otherwise.

Label amounts are elemental
---------------------------
US supplement labels declare the amount of the nutrient itself, not of the salt
it is bound to (21 CFR 101.36(b)(2): the quantity of each dietary ingredient is
the amount of the nutrient). So ``magnesium glycinate 200 mg`` is read as 200 mg
of elemental magnesium, and ``calcium citrate 500 mg`` as 500 mg of calcium.
Someone who logs the weight of the compound instead will be over-counted; the
reader cannot know, so it takes the label convention.

Dose counts multiply: ``2 capsules magnesium 100 mg`` is 200 mg. Vitamin D in IU
is converted to µg with :func:`nutrilog.units.vitamin_d_iu_to_ug` (40 IU = 1 µg).
A supplement without a readable dose (``multivitamin``, ``2 gummies vitamin D``)
keeps NaN nutrients and a note saying what is missing: nothing is guessed.

A line that is only water (``2 glasses of water``, ``water 500 ml``, ``sparkling
water``) is kind **water**; its nutrients stay NaN and its amount is kept, so the
water it brings can be computed from the volume later.

Examples
--------
>>> detect_supplement("Vitamin D3 2000 IU")
SupplementInfo(kind='supplement', nutrients={'vitamin_d_ug': 50.0}, note=None)
>>> detect_supplement("2 glasses of water").kind
'water'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of
from nutrilog.log import ENTRY_KINDS as KINDS
from nutrilog.nutrients import NUTRIENT_COLUMNS, NUTRIENTS
from nutrilog.quantity import ParsedAmount, parse_quantity
from nutrilog.units import convert, vitamin_d_iu_to_ug

__all__ = [
    "SupplementInfo",
    "SUPPLEMENT_COLUMNS",
    "KINDS",
    "Kinds",
    "detect_supplement",
    "kinds_of",
    "classify_texts",
]

#: Columns of :func:`classify_texts` besides the nutrient columns.
SUPPLEMENT_COLUMNS: list[str] = ["kind", "note"]


class SupplementInfo(NamedTuple):
    """What a log line is, and the nutrient amounts it declares.

    Attributes
    ----------
    kind : str
        ``food``, ``supplement`` or ``water``.
    nutrients : dict
        Nutrient column -> amount in that column's unit (only for supplements
        whose dose could be read).
    note : str or None
        Why a supplement's dose is unresolved, or None.
    """

    kind: str
    nutrients: dict[str, float]
    note: str | None


# Tracked nutrients as they are named on supplement labels.
_NUTRIENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("magnesium_mg", re.compile(r"\bmagnesium\b", re.I)),
    ("calcium_mg", re.compile(r"\bcalcium\b", re.I)),
    ("potassium_mg", re.compile(r"\bpotassium\b", re.I)),
    ("sodium_mg", re.compile(r"\bsodium\b", re.I)),
    (
        "vitamin_d_ug",
        re.compile(r"\bvit(?:amin)?\.?\s*d[23]?\b|\bd[23]\b|(?:chole|ergo)calciferol", re.I),
    ),
    ("vitamin_b12_ug", re.compile(r"\b(?:vit(?:amin)?\.?\s*)?b[\s-]?12\b|cobalamin", re.I)),
]
_FORMS = re.compile(
    r"glycinate|bisglycinate|citrate|oxide|chloride|malate|threonate|taurate|gluconate|"
    r"carbonate|lactate|aspartate|orotate|sulfate|sulphate|chelate|supplement|capsule|tablet|"
    r"softgel|gummy|gummies|lozenge|\bpills?\b|\bcaps?\b|\btabs?\b|cholecalciferol|"
    r"ergocalciferol|methylcobalamin|cyanocobalamin|hydroxocobalamin|adenosylcobalamin",
    re.I,
)
_MULTI = re.compile(
    r"multi[\s-]?vit|\bmulti\b(?![\s-]*(?:grains?|seeds?|colou?r|purpose|pack|layer|bean))|"
    r"prenatal|one[\s-]a[\s-]day|centrum",
    re.I,
)
_OTHER_SUPPLEMENTS = re.compile(
    r"\bzinc\b|\biron\b|\bvit(?:amin)?\.?\s*[acek]\b|\bb[\s-]?complex\b|\bfolate\b|\bfolic\b|"
    r"\bbiotin\b|fish\s*oil|omega[\s-]?3|\bprobiotic|\bmelatonin\b|\bcreatine\b|"
    r"\belectrolytes?\b|\bselenium\b|\biodine\b|\bashwagandha\b|\bcoq10\b",
    re.I,
)
_DOSE_UNITS = {"mg", "ug", "IU"}
#: A mass at least this large (grams) is a food amount, not a label dose: no
#: supplement declares 5 g of a mineral or vitamin (the largest usual doses are
#: about 1.2 g of calcium and 1.25 mg of vitamin D).
FOOD_MASS_G = 5.0
_DOSE_FORMS = {"capsule", "tablet", "softgel", "gummy", "lozenge"}
_WATER = re.compile(
    r"(?:(?:plain|tap|still|sparkling|mineral|bottled|filtered|spring|fizzy|carbonated|"
    r"soda|hot|cold|warm|iced|ice|fresh|drinking|glass|bottle|of)\s+)*"
    r"(?:water|h2o)(?:\s+(?:tap|bottled|plain|still|sparkling|mineral|filtered|with\s+ice))?",
    re.I,
)
_BARE_WORDS = re.compile(r"\b(?:vitamins?|supplements?|elemental|daily|dose)\b", re.I)
_SPLIT = re.compile(r"\s*(?:\+|,|;|&|/|\band\b|\bwith\b|\bplus\b)\s*", re.I)
_PREFILTER = re.compile(
    "|".join(
        [p.pattern for _, p in _NUTRIENT_PATTERNS]
        + [_FORMS.pattern, _MULTI.pattern, _OTHER_SUPPLEMENTS.pattern, r"water|h2o"]
    ),
    re.I,
)
_FOOD = SupplementInfo("food", {}, None)
_NUMBERS = re.compile(r"(?<![A-Za-z0-9.,/])[0-9]+(?:[.,/][0-9]+)*")
_IU_TO_UG = vitamin_d_iu_to_ug(1.0)  # 0.025 µg per IU (40 IU = 1 µg)


def _food_measure(parsed: ParsedAmount) -> bool:
    """Whether the amount is one of food (a volume, a size, or at least FOOD_MASS_G grams)."""
    if parsed.unit_kind in ("volume", "size"):
        return True
    if parsed.unit_kind == "mass" and parsed.unit is not None and not math.isnan(parsed.quantity):
        return convert(parsed.quantity, parsed.unit, "g") >= FOOD_MASS_G
    return False


def _nutrients_in(text: str) -> list[str]:
    return [col for col, pattern in _NUTRIENT_PATTERNS if pattern.search(text)]


def _dose(column: str, parsed: ParsedAmount) -> tuple[float, str | None]:
    """The amount of ``column``'s nutrient declared by ``parsed``, or NaN and why."""
    target = str(NUTRIENTS.loc[column, "unit"])
    label = str(NUTRIENTS.loc[column, "label"])
    if parsed.unit_kind == "mass" and parsed.unit is not None and not math.isnan(parsed.quantity):
        return convert(parsed.quantity, parsed.unit, target), None
    if parsed.unit == "IU" and not math.isnan(parsed.quantity):
        if column == "vitamin_d_ug":
            return parsed.quantity * _IU_TO_UG, None
        return math.nan, f"{label} dose in IU cannot be converted to {target}"
    found = "no amount" if parsed.unit is None else f"'{parsed.unit}'"
    return (
        math.nan,
        f"{label} dose unresolved: expected a label amount such as 200 {target}, found {found}",
    )


@lru_cache(maxsize=65536)
def detect_supplement(text: str) -> SupplementInfo:
    """Classify one log line as food, supplement or water and read its doses.

    Parameters
    ----------
    text : str
        The whole line, amount included (``"calcium citrate 500 mg"``).

    Returns
    -------
    SupplementInfo
        ``kind``, ``nutrients`` (column -> amount in the column's unit) and ``note``.

    Examples
    --------
    >>> detect_supplement("2 capsules magnesium 100 mg").nutrients
    {'magnesium_mg': 200.0}
    >>> detect_supplement("multivitamin").note
    'multivitamin: nutrient amounts unresolved (check the label)'
    >>> detect_supplement("1 cup calcium-fortified orange juice").kind
    'food'
    """
    text = str(text or "")
    parsed = parse_quantity(text)
    food = parsed.food.strip()
    if food and _WATER.fullmatch(food):
        return SupplementInfo("water", {}, None)
    if _MULTI.search(text):
        return SupplementInfo(
            "supplement", {}, "multivitamin: nutrient amounts unresolved (check the label)"
        )
    columns = _nutrients_in(text)
    dosed = parsed.unit in _DOSE_UNITS or parsed.unit in _DOSE_FORMS
    if not dosed and _food_measure(parsed):
        return _FOOD  # "tofu prepared with calcium sulfate 1 cup", "... 3 oz"
    marked = bool(_FORMS.search(text))
    if not columns:
        if _OTHER_SUPPLEMENTS.search(text) and (dosed or marked):
            return SupplementInfo("supplement", {}, "not a tracked nutrient")
        if parsed.unit in _DOSE_FORMS and marked:
            return SupplementInfo("supplement", {}, "not a tracked nutrient")
        return SupplementInfo("food", {}, None)
    bare = food
    for _, pattern in _NUTRIENT_PATTERNS:
        bare = pattern.sub(" ", bare)
    bare = _BARE_WORDS.sub(" ", bare)
    if not (dosed or marked or not bare.strip()):
        return SupplementInfo("food", {}, None)  # "calcium-fortified orange juice"
    nutrients: dict[str, float] = {}
    notes: list[str] = []
    parts = [p for p in _SPLIT.split(text) if p.strip()] if len(columns) > 1 else [text]
    for column in columns:
        part = next((p for p in parts if column in _nutrients_in(p)), None)
        value, why = _dose(column, parse_quantity(part) if len(columns) > 1 and part else parsed)
        if why is None:
            nutrients[column] = float(value)
        else:
            notes.append(why)
    return SupplementInfo("supplement", nutrients, "; ".join(notes) or None)


_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


@lru_cache(maxsize=65536)
def _kind_of(text: str) -> str:
    """The kind of one screen text; cached, as the same foods recur in every chunk."""
    if not _PREFILTER.search(_NUMBERS.sub(" ", text)):
        return "food"
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
    hits = pd.Series(word_uniques, dtype=object).astype(str).str.contains(_PREFILTER, regex=True)
    candidate = hits.to_numpy(dtype=bool)[word_codes] if len(word_codes) else np.zeros(0, bool)
    kinds, notes, values = _no_detection(len(uniques))
    position = {col: j for j, col in enumerate(NUTRIENT_COLUMNS)}
    for i in np.flatnonzero(candidate):
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
