"""Read a supplement's dose: the amount of each nutrient one line declares.

Label amounts are elemental
---------------------------
US supplement labels declare the amount of the nutrient itself, not of the salt
it is bound to (21 CFR 101.36(b)(2): the quantity of each dietary ingredient is
the amount of the nutrient). So ``magnesium glycinate 200 mg`` is read as 200 mg
of elemental magnesium, and ``calcium carbonate 600 mg`` as 600 mg of calcium.
A stated weight that one unit of the element could not carry (more than the
``largest_elemental_mg`` of ``datasets/supplement_salts.csv``: potassium 99 mg,
magnesium 500 mg, calcium 600 mg) next to a named salt is the salt's weight, and
is converted with the salt's elemental fraction from its formula:
``potassium gluconate 595 mg`` is 595 x 16.69% = 99 mg of potassium, flagged
``compound weight``. A line that says ``elemental`` is never converted.

A stated elemental amount is the dose (``calcium carbonate 1250 mg (500 mg
elemental)`` is 500 mg of calcium); milliequivalents are converted with the atomic
weight over the ion's charge (``potassium chloride 20 mEq`` = 782 mg of potassium).

Units and counts
----------------
Vitamin D in IU is converted to µg with :func:`nutrilog.units.vitamin_d_iu_to_ug`
(40 IU = 1 µg). A number without a unit after the nutrient is a dose in its usual
label unit when it is :data:`BARE_DOSE_MIN` or more (``magnesium 250``: mg; ``D3
2000``: IU from 400 on, µg below; ``B12 1000``: µg), flagged ``unit assumed``;
below it counts tablets. A volume, a size, or a mass of :data:`FOOD_MASS_G` grams
or more is a food measure, not a dose (:func:`food_measure`).

Examples
--------
>>> from nutrilog.quantity import parse_quantity
>>> dose_of("potassium_mg", parse_quantity("potassium gluconate 595 mg"), "potassium gluconate")
(99.3055, None, 'compound weight: 595 mg potassium gluconate = 99 mg potassium (16.7%)')
>>> dose_of("vitamin_d_ug", parse_quantity("D3 2000"), "D3 2000")[0]
50.0
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from nutrilog._resources import dataset_path
from nutrilog.nutrients import nutrient
from nutrilog.quantity import ParsedAmount
from nutrilog.supplements.words import B_COMPLEX, FORMULAS, supplement_names
from nutrilog.units import convert, vitamin_d_iu_to_ug

__all__ = [
    "FOOD_MASS_G",
    "BARE_DOSE_MIN",
    "DOSE_UNITS",
    "DOSE_FORMS",
    "food_measure",
    "dose_of",
    "stated_dose",
    "units_taken",
    "MAX_UNITS",
    "salt_tablet_sodium",
    "named_formulas",
]

#: Units of a label dose.
DOSE_UNITS = {"mg", "ug", "IU"}
#: A mass at least this large (grams) is a food amount, not a label dose: no
#: supplement declares 5 g of a mineral or vitamin (the largest usual doses are
#: about 1.2 g of calcium and 1.25 mg of vitamin D).
FOOD_MASS_G = 5.0
#: Units of one dose form (``2 capsules``).
DOSE_FORMS = {"capsule", "tablet", "softgel", "gummy", "lozenge"}
#: Units counting a supplement's servings ("2 tabs", "1 scoop").
_COUNT_UNITS = DOSE_FORMS | {"drop", "sachet", "packet", "scoop", "serving", "each", "stick"}
#: More units of a product than anyone takes at once: a bare number this large beside a
#: product's name is its strength (``Tums 750``), not a count.
MAX_UNITS = 12.0
_IU_TO_UG = vitamin_d_iu_to_ug(1.0)  # 0.025 µg per IU (40 IU = 1 µg)
#: A number without a unit after a nutrient is a dose from this value on ("magnesium
#: 250"); below it, a count of tablets ("magnesium 2").
BARE_DOSE_MIN = 10.0
#: Vitamin D without a unit: IU from this value on ("D3 2000"), µg below ("D3 50").
_VITAMIN_D_IU_FROM = 400.0
_MINERAL_NAMES = {
    "magnesium_mg": "magnesium",
    "calcium_mg": "calcium",
    "potassium_mg": "potassium",
    "sodium_mg": "sodium",
}
#: A stated elemental amount beside a salt's weight ("calcium carbonate 1250 mg (500 mg
#: elemental)", "elemental magnesium 200 mg"): that amount is the dose.
_ELEMENTAL = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>mg|mcg|µg|ug)\s*(?:of\s+)?elemental\b"
    r"|\belemental\s+(?:magnesium|calcium|potassium|mg|ca|k)?\s*(?:[:=]\s*)?"
    r"(?P<num2>\d+(?:\.\d+)?)\s*(?P<unit2>mg|mcg|µg|ug)\b",
    re.I,
)
#: Milliequivalents of a mineral (potassium chloride is dosed in mEq): mg per mEq,
#: the atomic weight (IUPAC) divided by the ion's charge.
_MG_PER_MEQ = {
    "potassium_mg": 39.098,
    "sodium_mg": 22.990,
    "magnesium_mg": 24.305 / 2,
    "calcium_mg": 40.078 / 2,
}
#: A dose in brackets after a measure (``2 tsp (350 mg)``).
_BRACKET_DOSE = re.compile(r"\(\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>mg|mcg|µg|ug|iu)\s*\)", re.I)
_MEQ = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*meq\b", re.I)


@lru_cache(maxsize=1)
def _salts() -> pd.DataFrame:
    """``datasets/supplement_salts.csv``: elemental fraction of each mineral salt."""
    with dataset_path("supplement_salts.csv").open("rb") as fh:
        return pd.read_csv(fh, keep_default_na=False)


@lru_cache(maxsize=1)
def _formula_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Chemical formulas of ``supplement_salts.csv`` without water of hydration and
    parentheses (``KCl``, ``MgO``, ``MgCl2``, ``CaCO3``, ``NaHCO3``), and the drug names
    of ``supplement_names.csv`` (``Klor-Con``), lower case, to the salt's name
    (``potassium chloride``)."""
    names: dict[str, str] = {}
    for row in _salts().itertuples():
        base = str(row.formula).split("·")[0]
        if "(" in base or not FORMULAS.fullmatch(base):
            continue  # only the formulas the quick screen lets through
        mineral = nutrient(str(row.nutrient)).label.split()[0].lower()
        names.setdefault(base.lower(), f"{mineral} {row.salt}")
        names.setdefault(base.rstrip("0123456789").lower(), f"{mineral} {row.salt}")  # MgCl
    names.update(supplement_names())  # "Klor-Con": potassium chloride
    words = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?:{words})(?![\w-])"), names


def named_formulas(text: str) -> str:
    """``text`` with a salt written as its chemical formula named in words.

    Examples
    --------
    >>> named_formulas("KCl 10 mEq"), named_formulas("K+ 99 mg gluconate")
    ('potassium chloride 10 mEq', 'K 99 mg gluconate')
    """
    pattern, names = _formula_names()
    text = _ION.sub(r"\1", text)  # "K+", "Ca++": the ion is the element
    return pattern.sub(lambda m: names[m[0].lower()], text)


#: An element written as its ion (``K+``, ``Mg++``, ``Ca2+``) before a space or the end.
_ION = re.compile(r"(?<![\w+])(K|Na|Ca|Mg)(?:\+\+?|2\+)(?=\s|$)")


def food_measure(parsed: ParsedAmount) -> bool:
    """Whether the amount is one of food (a volume, a size, or at least FOOD_MASS_G grams).

    Examples
    --------
    >>> from nutrilog.quantity import parse_quantity
    >>> food_measure(parse_quantity("tofu 3 oz")), food_measure(parse_quantity("calcium 600 mg"))
    (True, False)
    """
    if parsed.unit_kind in ("volume", "size"):
        return True
    if parsed.unit_kind == "mass" and parsed.unit is not None and not math.isnan(parsed.quantity):
        return convert(parsed.quantity, parsed.unit, "g") >= FOOD_MASS_G
    return False


#: An amount in milligrams as the line writes it (before any count multiplies it).
_MG_WRITTEN = re.compile(r"(\d+(?:\.\d+)?)\s*mg\b", re.IGNORECASE)


def _compound(column: str, text: str, amount_mg: float) -> tuple[float, str | None]:
    """A mineral dose above what one unit carries, with a salt named, is the salt's weight.

    US labels state the element (21 CFR 101.36), so ``calcium carbonate 600 mg`` is
    600 mg of calcium; but no over-the-counter unit carries 595 mg of potassium, so
    ``potassium gluconate 595 mg`` is the salt: 595 x 16.69% = 99 mg of potassium
    (``datasets/supplement_salts.csv``). The amount of one unit decides: ``potassium
    gluconate 99 mg x 2`` is 198 mg of potassium, two units of an elemental label amount.
    """
    if column not in _MINERAL_NAMES or "elemental" in text.lower() or _MEQ.search(text):
        return amount_mg, None
    salts = _salts()
    rows = salts[salts["nutrient"] == column]
    for salt, fraction, largest in zip(
        rows["salt"], rows["elemental_fraction"], rows["largest_elemental_mg"], strict=True
    ):
        if not re.search(rf"\b(?:l-)?{salt}\b", text, re.I):
            continue
        if not amount_mg > float(largest):
            return amount_mg, None
        written = [float(n) for n in _MG_WRITTEN.findall(text)]
        if written and max(written) <= float(largest):
            return amount_mg, None  # several units of an elemental amount (99 mg x 2)
        element = amount_mg * float(fraction)
        return element, (
            f"compound weight: {amount_mg:g} mg {_MINERAL_NAMES[column]} {salt} = "
            f"{element:.0f} mg {_MINERAL_NAMES[column]} ({float(fraction):.1%})"
        )
    return amount_mg, None


def salt_tablet_sodium(parsed: ParsedAmount) -> tuple[float, str]:
    """The sodium of a salt tablet with a weight, and the assumption it rests on.

    Salt tablets are labelled by their sodium chloride weight (0.5-1 g), so
    ``salt tab 1g`` is 1,000 mg x 39.3% = 393 mg of sodium
    (``datasets/supplement_salts.csv``, sodium chloride).

    Examples
    --------
    >>> from nutrilog.quantity import parse_quantity
    >>> round(salt_tablet_sodium(parse_quantity("salt tab 1g"))[0])
    393
    """
    salts = _salts()
    row = salts[(salts["nutrient"] == "sodium_mg") & (salts["salt"] == "chloride")]
    fraction = float(row["elemental_fraction"].iloc[0])
    mg = convert(parsed.quantity, str(parsed.unit), "mg")
    sodium = mg * fraction
    return sodium, (
        f"compound weight: {mg:g} mg sodium chloride = {sodium:.0f} mg sodium ({fraction:.1%})"
    )


def _bare_dose(column: str, quantity: float) -> tuple[float, str] | None:
    """A number without a unit after the nutrient, as a dose in the usual label unit."""
    if not quantity >= BARE_DOSE_MIN:
        return None
    label = nutrient(column).label
    if column == "vitamin_d_ug" and quantity >= _VITAMIN_D_IU_FROM:
        return quantity * _IU_TO_UG, f"unit assumed: {label} {quantity:g} taken as IU"
    return quantity, f"unit assumed: {label} {quantity:g} taken as {nutrient(column).symbol}"


#: The most of a vitamin a line can state by weight, in the column's unit, and why: a
#: larger figure is a dose of another nutrient read as this one's (``D gummies (250 mg
#: Ca``), never a real one, so it stays unknown rather than becoming a huge intake.
_MOST_PER_LINE: dict[str, tuple[float, str]] = {
    "vitamin_d_ug": (
        2500.0,
        "the largest, a prescription ergocalciferol capsule, is 1.25 mg (50,000 IU); "
        "two of them are 2.5 mg",
    ),
    "vitamin_b12_ug": (
        10000.0,
        "the largest over-the-counter tablets hold 5 mg (5,000 µg); two of them are 10 mg",
    ),
}


#: The note of a count of tablets whose other amount is a bare number (``400 1 tab``).
_BARE_OTHER = re.compile(r"other amount: (\d+(?:\.\d+)?)")


def dose_of(column: str, parsed: ParsedAmount, text: str) -> tuple[float, str | None, str | None]:
    """The amount of ``column``'s nutrient declared by ``parsed``: (value, why NaN, assumption).

    Examples
    --------
    >>> from nutrilog.quantity import parse_quantity
    >>> dose_of("magnesium_mg", parse_quantity("magnesium 200 mg"), "magnesium 200 mg")
    (200.0, None, None)
    >>> dose_of("magnesium_mg", parse_quantity("magnesium 2"), "magnesium 2")[1]
    'Magnesium dose unresolved: expected a label amount such as 200 mg, found no amount'
    """
    target = nutrient(column).unit
    label = nutrient(column).label
    if column == "vitamin_b12_ug" and B_COMPLEX.search(text):
        return math.nan, f"{label}: a B-complex states no B12 amount of its own", None
    if parsed.unit_kind == "mass" and parsed.unit is not None and not math.isnan(parsed.quantity):
        value = convert(parsed.quantity, parsed.unit, target)
        most = _MOST_PER_LINE.get(column)
        if most is not None and value > most[0]:
            written = f"{parsed.quantity:g} {parsed.unit}"
            return math.nan, f"{label} dose of {written} is beyond any product ({most[1]})", None
        if target == "mg":
            value, assumed = _compound(column, text, value)
            return value, None, assumed
        return value, None, None
    if parsed.unit == "IU" and not math.isnan(parsed.quantity):
        if column == "vitamin_d_ug":
            return parsed.quantity * _IU_TO_UG, None, None
        return math.nan, f"{label} dose in IU cannot be converted to {target}", None
    if parsed.unit is None and parsed.unit_kind is None:
        bare = _bare_dose(column, parsed.quantity)
        if bare is not None:
            return bare[0], None, bare[1]
    each = _BARE_OTHER.fullmatch(parsed.note or "")
    if parsed.unit in DOSE_FORMS and each is not None and 0 < parsed.quantity <= MAX_UNITS:
        # "magnesium oxide 400 1 tab": a label amount without its unit, and the count
        bare = _bare_dose(column, float(each[1]))
        if bare is not None:
            return bare[0] * parsed.quantity, None, bare[1]
    found = "no amount" if parsed.unit is None else f"'{parsed.unit}'"
    return (
        math.nan,
        f"{label} dose unresolved: expected a label amount such as 200 {target}, found {found}",
        None,
    )


def stated_dose(text: str, parsed: ParsedAmount, columns: list[str]) -> ParsedAmount:
    """The dose a line states outright: an elemental amount next to a salt's weight
    (``calcium carbonate 1250 mg (500 mg elemental)`` is 500 mg), a label amount in
    brackets after a spoonful or a scoop (``1 scoop magnesium powder (300mg)``), or a mineral in
    milliequivalents (``potassium chloride 20 mEq`` is 782 mg of potassium).

    Examples
    --------
    >>> from nutrilog.quantity import parse_quantity
    >>> text = "potassium chloride 20 mEq"
    >>> round(stated_dose(text, parse_quantity(text), ["potassium_mg"]).quantity)
    782
    """
    found = _ELEMENTAL.search(text)
    if found is not None:
        number = found["num"] or found["num2"]
        unit = (found["unit"] or found["unit2"]).lower().replace("µg", "ug").replace("mcg", "ug")
        return parsed._replace(quantity=float(number), unit=unit, unit_kind="mass")
    measured = parsed.unit_kind == "volume" or parsed.unit in _COUNT_UNITS
    found = _BRACKET_DOSE.search(text) if measured else None
    if found is not None and len(columns) == 1:
        # "magnesium citrate powder 2 tsp (350 mg)", "1 scoop magnesium powder (300mg)":
        # the label amount of what the line measures
        unit = {"mg": "mg", "iu": "IU"}.get(found["unit"].lower(), "ug")
        kind = "activity" if unit == "IU" else "mass"
        return parsed._replace(quantity=float(found["num"]), unit=unit, unit_kind=kind)
    found = _MEQ.search(text)
    if found is not None and len(columns) == 1 and columns[0] in _MG_PER_MEQ:
        meq = float(found["num"])
        times = parsed.quantity / meq if parsed.unit is None and meq else math.nan
        if math.isfinite(times) and times == round(times) and 1 < times <= MAX_UNITS:
            meq = parsed.quantity  # "potassium chloride 8 mEq x2": the count read with it
        elif (
            parsed.unit is None
            and parsed.quantity == round(parsed.quantity)
            and 1 < parsed.quantity <= MAX_UNITS
            and re.search(r"\d\s*meq\b", parsed.food, re.I)
        ):
            meq *= parsed.quantity  # "klor con 10meq x2": the mEq kept in the words, two of them
        elif (
            parsed.unit in _COUNT_UNITS
            and parsed.quantity == round(parsed.quantity)
            and 1 < parsed.quantity <= MAX_UNITS
        ):
            meq *= parsed.quantity  # "potassium chloride 10 mEq 2 tabs": two tablets of 10 mEq
        mg = meq * _MG_PER_MEQ[columns[0]]
        return parsed._replace(quantity=mg, unit="mg", unit_kind="mass")
    return parsed


def units_taken(parsed: ParsedAmount) -> float | None:
    """How many units of a product a line counts (``2 tabs``, ``x2``, none: 1); None for a dose.

    Examples
    --------
    >>> from nutrilog.quantity import parse_quantity
    >>> units_taken(parse_quantity("tums 2 tabs")), units_taken(parse_quantity("tums 500 mg"))
    (2.0, None)
    """
    if parsed.unit is None or parsed.unit in _COUNT_UNITS:
        return 1.0 if math.isnan(parsed.quantity) else parsed.quantity
    return None
