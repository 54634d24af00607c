"""Read one log line: food, supplement or water, and a supplement's dose.

A log line is a **supplement** when it names a tracked nutrient together with a
dose (``magnesium glycinate 200 mg``, ``Vitamin D3 2000 IU``, ``B12 1000 mcg``), a
supplement form (glycinate, citrate, gluconate, cholecalciferol, powder...) or a
dose form (capsule, tablet, softgel, gummy, lozenge; ``caps``, ``tabs``); when it
is a multivitamin or prenatal; when it names a supplement that is one by its name
(fish oil, omega-3, probiotic, melatonin...); or when it names a product of the
bundled table ``datasets/supplement_products.csv`` (Tums, Mag-Ox 400, Caltrate
600+D3, ZMA: label amounts per unit, with sources). Nutrients are named the ways
people write them: ``Mg``, ``mag``, ``Ca``, ``K`` (a capital letter standing
alone, not after a number, where ``mg`` is the unit), ``cal-mag``, ``vit D``,
``D``, ``D3``, ``D2``, ``cholecalciferol``, ``B-12``, ``methylcobalamin``; units
``mg``, ``mcg``, ``µg``, ``ug``, ``IU`` with or without a space.
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
Electrolyte products, BCAAs and creatine (``LMNT``, ``Nuun``, ``Liquid IV``,
``creatine 5 g``) are supplements without a tracked amount, even when weighed in
grams; a salt tablet is one too unless its weight is written (``salt tab 1g`` is
1 g of sodium chloride: 393 mg of sodium). In a line of several supplements each
dose belongs to the one written beside it (``D3 1000 IU + K2 100 mcg``: the
micrograms are K2's, vitamin D is 25 µg).

Dose counts multiply: ``2 capsules magnesium 100 mg`` is 200 mg. Vitamin D in IU
is converted to µg with :func:`nutrilog.units.vitamin_d_iu_to_ug` (40 IU = 1 µg).
A number without a unit after the nutrient is a dose in its usual label unit
when it is 10 or more (``magnesium 250``: mg; ``D3 2000``: IU from 400 on, µg
below; ``B12 1000``: µg), flagged ``unit assumed``, also after a product's strength
words (``vitamin D3 ultra 1000``, ``B12 max 500``); below 10 it counts tablets.
A supplement without a readable dose (``multivitamin``, ``cal-mag 2 tabs``,
``fish oil``, ``2 gummies vitamin D``) keeps NaN nutrients, never 0, a note saying
what is missing and the assumption ``unknown amount: ...``: nothing is guessed.
A user's table of products (:func:`read_supplement_table`, applied by
:func:`apply_supplement_table`; ``analyze(..., supplements=...)``) gives them.

A line that is only water (``2 glasses of water``, ``water 500 ml``, ``sparkling
water``) is kind **water**; its nutrients stay NaN and its amount is kept, so the
water it brings can be computed from the volume later.

Examples
--------
>>> detect_supplement("Vitamin D3 2000 IU").nutrients
{'vitamin_d_ug': 50.0}
>>> detect_supplement("potassium gluconate 595mg").assumption
'compound weight: 595 mg potassium gluconate = 99 mg potassium (16.7%)'
>>> detect_supplement("2 glasses of water").kind
'water'
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from nutrilog._resources import dataset_path
from nutrilog.nutrients import nutrient
from nutrilog.quantity import ParsedAmount, parse_quantity
from nutrilog.supplements.products import bundled_products, product_in
from nutrilog.units import convert, vitamin_d_iu_to_ug

__all__ = [
    "SupplementInfo",
    "FOOD_MASS_G",
    "SUPPLEMENT_WORDS",
    "detect_supplement",
    "from_product",
]


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
    assumption : str or None
        What the reading assumed, ``"; "``-separated ``<tag>: <detail>`` items:
        ``unknown amount: ...`` (a supplement named without a readable dose),
        ``unit assumed: ...`` (``magnesium 250`` read as mg), ``compound weight:
        ...`` (a salt's weight converted to the element), ``product: ...`` (a
        known product's label amounts).
    """

    kind: str
    nutrients: dict[str, float]
    note: str | None
    assumption: str | None = None


_MINERAL_NAMES = {
    "magnesium_mg": "magnesium",
    "calcium_mg": "calcium",
    "potassium_mg": "potassium",
    "sodium_mg": "sodium",
}


@lru_cache(maxsize=1)
def _salts() -> pd.DataFrame:
    """``datasets/supplement_salts.csv``: elemental fraction of each mineral salt."""
    with dataset_path("supplement_salts.csv").open("rb") as fh:
        return pd.read_csv(fh, keep_default_na=False)


def _salt_words(column: str) -> str:
    return "|".join(_salts().loc[lambda d: d["nutrient"] == column, "salt"])


# Salt words of every mineral, for "Mg glycinate" / "ca carbonate" / "k citrate".
_ANY_SALT = r"(?:bis)?glycinate|citrate|oxide|chloride|malate|threonate|taurate|lactate|aspartate|gluconate|carbonate|sulfate|hydroxide|orotate|phosphate|bicarbonate"
# Shorthand that is a unit when it follows a number ("200 mg"), a nutrient otherwise.
_NOT_AFTER_NUMBER = r"(?<!\d)(?<!\d\s)"

# Tracked nutrients as they are named on labels and in diaries.
_NUTRIENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "magnesium_mg",
        re.compile(
            rf"\bmagnesium\b|\bmag\b|\bcal[\s-]?mag\b|(?-i:{_NOT_AFTER_NUMBER}\bMg\b)"
            rf"|{_NOT_AFTER_NUMBER}\bmg\s+(?:l-)?(?:{_ANY_SALT})\b",
            re.I,
        ),
    ),
    (
        "calcium_mg",
        re.compile(
            rf"\bcalcium\b|\bcal[\s-]?mag\b|(?-i:{_NOT_AFTER_NUMBER}\bCa\b(?!\.))"
            rf"|\bca\s+(?:{_ANY_SALT})\b",
            re.I,
        ),
    ),
    (
        "potassium_mg",
        re.compile(
            rf"\bpotassium\b|(?-i:(?<!vitamin )(?<!vit )(?<!vit\. ){_NOT_AFTER_NUMBER}\bK\b(?![\w-]))"
            rf"|\bk\s+(?:{_ANY_SALT})\b",
            re.I,
        ),
    ),
    ("sodium_mg", re.compile(r"\bsodium\b", re.I)),
    (
        "vitamin_d_ug",
        re.compile(
            r"\bvit(?:amin)?\.?\s*d[23]?\b|\bd[23]\b|(?:chole|ergo)calciferol"
            r"|(?-i:(?<![\w'.-])D(?![\w'-]))",
            re.I,
        ),
    ),
    (
        "vitamin_b12_ug",
        re.compile(r"\b(?:vit(?:amin)?\.?\s*)?b[\s-]?12\b|cobalamin|\bb[\s-]?complex\b", re.I),
    ),
]
# A B-complex names B12 among others: its dose is never B12's alone.
_B_COMPLEX = re.compile(r"\bb[\s-]?complex\b|\bb[\s-]?(?:50|100)\b", re.I)
_FORMS = re.compile(
    rf"{_ANY_SALT}|threonate|chelate|supplement|capsule|tablet|softgel|"
    r"\bgumm(?:y|ies)\b(?!\s*(?:bears?|worms?|candy|candies|rings?|sharks?|frogs?))|lozenge|\bpills?\b|\bcaps?\b|\btabs?\b|\bpowder\b|"
    r"\bchewables?\b|\bdrops\b|cholecalciferol|ergocalciferol|methylcobalamin|cyanocobalamin|"
    r"hydroxocobalamin|adenosylcobalamin",
    re.I,
)
_MULTI = re.compile(
    r"multi[\s-]?vit|\bmulti\b(?![\s-]*(?:grains?|seeds?|colou?r|purpose|pack|layer|bean))|"
    r"prenatal|one[\s-]a[\s-]day|centrum",
    re.I,
)
# Supplements by their name alone, dose or not: never a food.
_NAMED_SUPPLEMENTS = re.compile(
    r"fish\s*oil|omega[\s-]?3|\bprobiotics?\b|\bmelatonin\b|\bcreatine\b|\bcoq10\b|"
    r"\bashwagandha\b|\bglucosamine\b|\bbiotin\b|"
    r"\belectrolytes? (?:tabs?|tablets?|capsules?|caps|packets?|sachets?|powder|mix|drink mix)\b|"
    r"\blmnt\b|\bnuun\b|\bliquid[\s-]?i\.?v\b|\bsalt[\s-]?sticks?\b|"
    r"\bsalt (?:tabs?|tablets?|caps(?:ules)?|pills?)\b|\bbcaas?\b|\bbeta[\s-]?alanine\b",
    re.I,
)
_OTHER_SUPPLEMENTS = re.compile(
    r"\bzinc\b|\biron\b|\bferrous\b|\bferric\b|\bvit(?:amin)?\.?\s*[acek][12]?\b|\bk2\b|"
    r"\bfolate\b|\bfolic\b|\belectrolytes?\b|\bselenium\b|\biodine\b|\bturmeric\b|"
    r"\bcurcumin\b|\bcollagen\b|\bl-theanine\b|\b5-htp\b|\belderberry\b",
    re.I,
)
# A capsule of coffee is coffee.
_COFFEE_CAPSULE = re.compile(r"\b(?:coffee|espresso|nespresso|k-?cup|pods?)\b", re.I)
_DOSE_UNITS = {"mg", "ug", "IU"}
#: A mass at least this large (grams) is a food amount, not a label dose: no
#: supplement declares 5 g of a mineral or vitamin (the largest usual doses are
#: about 1.2 g of calcium and 1.25 mg of vitamin D).
FOOD_MASS_G = 5.0
_DOSE_FORMS = {"capsule", "tablet", "softgel", "gummy", "lozenge"}
#: Units counting a supplement's servings ("2 tabs", "1 scoop").
_COUNT_UNITS = _DOSE_FORMS | {"drop", "sachet", "packet", "scoop", "serving", "each"}
_WATER = re.compile(
    r"(?:(?:plain|tap|still|sparkling|mineral|bottled|filtered|spring|fizzy|carbonated|"
    r"soda|hot|cold|warm|iced|ice|fresh|drinking|glass|bottle|of)\s+)*"
    r"(?:water|h2o)(?:\s+(?:tap|bottled|plain|still|sparkling|mineral|filtered|with\s+ice))?",
    re.I,
)
_BARE_WORDS = re.compile(
    rf"\b(?:vitamins?|supplements?|elemental|daily|dose|{_ANY_SALT}|l-|powder|"
    r"ultra|extra|max(?:imum)?|super|forte|plus|high|potency|strength|regular|advanced|"
    r"complete|liquid|spray|sublingual|chewables?|once|weekly|mega|mg|mcg|ug|iu|meq)\b|\bl-",
    re.I,
)
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
_MEQ = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*meq\b", re.I)
_SPLIT = re.compile(r"\s*(?:\+|,|;|&|/|\band\b|\bwith\b|\bplus\b)\s*", re.I)
#: Any word that can make a line a supplement or water: the quick screen before
#: :func:`detect_supplement`.
SUPPLEMENT_WORDS = re.compile(
    "|".join(
        [p.pattern for _, p in _NUTRIENT_PATTERNS]
        + [
            _FORMS.pattern,
            _MULTI.pattern,
            _NAMED_SUPPLEMENTS.pattern,
            _OTHER_SUPPLEMENTS.pattern,
            r"water|h2o|\btums\b|\bzma\b|caltrate|mag-ox",
        ]
    ),
    re.I,
)
_FOOD = SupplementInfo("food", {}, None)
_IU_TO_UG = vitamin_d_iu_to_ug(1.0)  # 0.025 µg per IU (40 IU = 1 µg)
#: A number without a unit after a nutrient is a dose from this value on ("magnesium
#: 250"); below it, a count of tablets ("magnesium 2").
_BARE_DOSE_MIN = 10.0
#: Vitamin D without a unit: IU from this value on ("D3 2000"), µg below ("D3 50").
_VITAMIN_D_IU_FROM = 400.0


def _food_measure(parsed: ParsedAmount) -> bool:
    """Whether the amount is one of food (a volume, a size, or at least FOOD_MASS_G grams)."""
    if parsed.unit_kind in ("volume", "size"):
        return True
    if parsed.unit_kind == "mass" and parsed.unit is not None and not math.isnan(parsed.quantity):
        return convert(parsed.quantity, parsed.unit, "g") >= FOOD_MASS_G
    return False


def _nutrients_in(text: str) -> list[str]:
    return [col for col, pattern in _NUTRIENT_PATTERNS if pattern.search(text)]


def _compound(column: str, text: str, amount_mg: float) -> tuple[float, str | None]:
    """A mineral dose above what one unit carries, with a salt named, is the salt's weight.

    US labels state the element (21 CFR 101.36), so ``calcium carbonate 600 mg`` is
    600 mg of calcium; but no over-the-counter unit carries 595 mg of potassium, so
    ``potassium gluconate 595 mg`` is the salt: 595 x 16.69% = 99 mg of potassium
    (``datasets/supplement_salts.csv``).
    """
    if column not in _MINERAL_NAMES or "elemental" in text.lower() or _MEQ.search(text):
        return amount_mg, None
    salts = _salts()
    rows = salts[salts["nutrient"] == column]
    if rows.empty or not amount_mg > float(rows["largest_elemental_mg"].iloc[0]):
        return amount_mg, None
    for salt, fraction in zip(rows["salt"], rows["elemental_fraction"], strict=True):
        if re.search(rf"\b(?:l-)?{salt}\b", text, re.I):
            element = amount_mg * float(fraction)
            return element, (
                f"compound weight: {amount_mg:g} mg {_MINERAL_NAMES[column]} {salt} = "
                f"{element:.0f} mg {_MINERAL_NAMES[column]} ({float(fraction):.1%})"
            )
    return amount_mg, None


def _bare_dose(column: str, quantity: float) -> tuple[float, str] | None:
    """A number without a unit after the nutrient, as a dose in the usual label unit."""
    if not quantity >= _BARE_DOSE_MIN:
        return None
    label = nutrient(column).label
    if column == "vitamin_d_ug" and quantity >= _VITAMIN_D_IU_FROM:
        return quantity * _IU_TO_UG, f"unit assumed: {label} {quantity:g} taken as IU"
    return quantity, f"unit assumed: {label} {quantity:g} taken as {nutrient(column).symbol}"


def _dose(column: str, parsed: ParsedAmount, text: str) -> tuple[float, str | None, str | None]:
    """The amount of ``column``'s nutrient declared by ``parsed``: (value, why NaN, assumption)."""
    target = nutrient(column).unit
    label = nutrient(column).label
    if column == "vitamin_b12_ug" and _B_COMPLEX.search(text):
        return math.nan, f"{label}: a B-complex states no B12 amount of its own", None
    if parsed.unit_kind == "mass" and parsed.unit is not None and not math.isnan(parsed.quantity):
        value = convert(parsed.quantity, parsed.unit, target)
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
    found = "no amount" if parsed.unit is None else f"'{parsed.unit}'"
    return (
        math.nan,
        f"{label} dose unresolved: expected a label amount such as 200 {target}, found {found}",
        None,
    )


# --------------------------------------------------------------------------- products


def _units_taken(parsed: ParsedAmount) -> float | None:
    """How many units of a product a line counts (``2 tabs``, ``x2``, none: 1); None for a dose."""
    if parsed.unit is None or parsed.unit in _COUNT_UNITS:
        return 1.0 if math.isnan(parsed.quantity) else parsed.quantity
    return None


def from_product(
    text: str,
    parsed: ParsedAmount,
    products: tuple[tuple[tuple[str, ...], str, dict[str, float]], ...],
) -> SupplementInfo | None:
    """The reading of a line naming one of ``products`` (see :func:`product_index`), or None."""
    found = product_in(text, products)
    count = _units_taken(parsed)
    if found is None or count is None:
        return None
    product, amounts = found
    nutrients = {c: v * count for c, v in amounts.items() if not math.isnan(v)}
    unknown = [nutrient(c).label for c, v in amounts.items() if math.isnan(v)]
    assumption = f"product: {product} x {count:g}"
    if unknown:
        assumption += f"; unknown amount: {', '.join(unknown)} ({product})"
    return SupplementInfo("supplement", nutrients, None, assumption)


def _stated_dose(text: str, parsed: ParsedAmount, columns: list[str]) -> ParsedAmount:
    """The dose a line states outright: an elemental amount next to a salt's weight
    (``calcium carbonate 1250 mg (500 mg elemental)`` is 500 mg), or a mineral in
    milliequivalents (``potassium chloride 20 mEq`` is 782 mg of potassium)."""
    found = _ELEMENTAL.search(text)
    if found is not None:
        number = found["num"] or found["num2"]
        unit = (found["unit"] or found["unit2"]).lower().replace("µg", "ug").replace("mcg", "ug")
        return parsed._replace(quantity=float(number), unit=unit, unit_kind="mass")
    found = _MEQ.search(text)
    if found is not None and len(columns) == 1 and columns[0] in _MG_PER_MEQ:
        mg = float(found["num"]) * _MG_PER_MEQ[columns[0]]
        return parsed._replace(quantity=mg, unit="mg", unit_kind="mass")
    return parsed


#: A salt tablet (``salt tab``, ``salt tablets``, ``salt caps``): sold by the weight of
#: its sodium chloride.
_SALT_TABLET = re.compile(r"\bsalt[\s-]?(?:tabs?|tablets?|caps(?:ules)?|pills?)\b", re.I)


def _salt_tablet(parsed: ParsedAmount) -> SupplementInfo:
    """A salt tablet with a weight: the sodium of that much sodium chloride.

    Salt tablets are labelled by their sodium chloride weight (0.5-1 g), so
    ``salt tab 1g`` is 1,000 mg x 39.3% = 393 mg of sodium
    (``datasets/supplement_salts.csv``, sodium chloride); without a weight the amount
    stays unknown.
    """
    salts = _salts()
    row = salts[(salts["nutrient"] == "sodium_mg") & (salts["salt"] == "chloride")]
    fraction = float(row["elemental_fraction"].iloc[0])
    mg = convert(parsed.quantity, str(parsed.unit), "mg")
    sodium = mg * fraction
    return SupplementInfo(
        "supplement",
        {"sodium_mg": sodium},
        None,
        f"compound weight: {mg:g} mg sodium chloride = {sodium:.0f} mg sodium ({fraction:.1%})",
    )


_DOSE_KINDS = ("mass", "activity")
#: A word that names something (``K2``, ``zinc``), beyond amounts and label words.
_NAMING = re.compile(r"[a-z][a-z0-9]", re.I)


#: A dose written in thousands (``D3 5k``, ``10k IU``).
_THOUSANDS = re.compile(r"\b(\d+(?:\.\d+)?)\s*k\b(?=\s*(?:iu\b|$))", re.I)


def _part_amount(part: str) -> ParsedAmount:
    """The amount of one supplement of a combination; a dose in brackets is its own
    (``vitamin D3 (2000 IU)``)."""
    return parse_quantity(part.replace("(", " ").replace(")", " "))


def _foreign_doses(parts: list[str], column: str) -> bool:
    """Whether a line of several supplements gives a dose to one that is not ``column``'s.

    In ``D3 1000 IU + K2 100 mcg`` or ``vit D 2000 IU and zinc 15 mg`` each dose
    belongs to the supplement written beside it, so each tracked nutrient takes the
    amount of its own part; in ``magnesium glycinate, 200 mg`` the second part names
    nothing and the line's amount is magnesium's.
    """
    for part in parts:
        if column in _nutrients_in(part):
            continue
        amount = _part_amount(part)
        if amount.unit_kind in _DOSE_KINDS and _NAMING.search(_BARE_WORDS.sub(" ", amount.food)):
            return True
    return False


def _unknown(what: str, columns: list[str] | None = None) -> str:
    if columns:
        names = ", ".join(nutrient(c).label for c in columns)
        return f"unknown amount: {names} ({what})"
    return f"unknown amount: {what}"


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
        ``kind``, ``nutrients`` (column -> amount in the column's unit), ``note``
        and ``assumption``.

    Examples
    --------
    >>> detect_supplement("2 capsules magnesium 100 mg").nutrients
    {'magnesium_mg': 200.0}
    >>> detect_supplement("Mg glycinate 200mg").nutrients
    {'magnesium_mg': 200.0}
    >>> detect_supplement("multivitamin").note
    'multivitamin: nutrient amounts unresolved (check the label)'
    >>> detect_supplement("1 cup calcium-fortified orange juice").kind
    'food'
    """
    text = str(text or "")
    if _THOUSANDS.search(text) and _nutrients_in(text):
        text = _THOUSANDS.sub(lambda m: f"{float(m[1]) * 1000:g}", text)  # "D3 5k" is 5000
    parsed = parse_quantity(text)
    food = parsed.food.strip()
    if food and _WATER.fullmatch(food):
        return SupplementInfo("water", {}, None)
    product = from_product(text, parsed, bundled_products())
    if product is not None:
        return product
    if _MULTI.search(text):
        return SupplementInfo(
            "supplement",
            {},
            "multivitamin: nutrient amounts unresolved (check the label)",
            _unknown("multivitamin or prenatal: amounts depend on the product"),
        )
    columns = _nutrients_in(text)
    parsed = _stated_dose(text, parsed, columns)
    dosed = parsed.unit in _DOSE_UNITS or parsed.unit in _DOSE_FORMS
    if not columns and parsed.unit_kind == "mass" and _SALT_TABLET.search(text):
        return _salt_tablet(parsed)
    if not columns and parsed.unit_kind == "mass" and _NAMED_SUPPLEMENTS.search(text):
        return SupplementInfo(  # "creatine 5 g": grams of a supplement powder
            "supplement",
            {},
            "not a tracked nutrient",
            _unknown(f"{food or text}: no tracked nutrient amount"),
        )
    if not dosed and _food_measure(parsed):
        return _FOOD  # "tofu prepared with calcium sulfate 1 cup", "... 3 oz"
    if len(columns) == 1 and parsed.unit is None and parsed.quantity >= _BARE_DOSE_MIN:
        dosed = True  # "vitamin D3 ultra 1000": a product's strength is its dose
    marked = bool(_FORMS.search(text))
    if marked and _COFFEE_CAPSULE.search(text) and not columns:
        return _FOOD  # "1 nespresso capsule"
    if not columns:
        named = _NAMED_SUPPLEMENTS.search(text)
        if named or (_OTHER_SUPPLEMENTS.search(text) and (dosed or marked)):
            stated = parsed.unit_kind in ("mass", "activity")
            amount = "" if (named and not stated) else None
            return SupplementInfo(
                "supplement",
                {},
                "not a tracked nutrient",
                None if amount is None else _unknown(f"{food or text}: no tracked nutrient amount"),
            )
        if marked and (
            dosed
            or parsed.unit in _DOSE_FORMS
            or re.search(r"capsule|tablet|softgel|\bpills?\b|\bcaps\b|\btabs\b|lozenge", text, re.I)
        ):
            return SupplementInfo("supplement", {}, "not a tracked nutrient")
        return _FOOD
    bare = food
    for _, pattern in _NUTRIENT_PATTERNS:
        bare = pattern.sub(" ", bare)
    bare = _BARE_WORDS.sub(" ", bare)
    bare = _NAMED_SUPPLEMENTS.sub(" ", _OTHER_SUPPLEMENTS.sub(" ", bare))  # "cal mag zinc"
    if not (dosed or marked or not bare.strip()):
        return _FOOD  # "calcium-fortified orange juice"
    nutrients: dict[str, float] = {}
    notes: list[str] = []
    assumed: list[str] = []
    unknown: list[str] = []
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    single = len(parts) == 1 or (len(columns) == 1 and not _foreign_doses(parts, columns[0]))
    for column in columns:
        part = next((p for p in parts if column in _nutrients_in(p)), None)
        amount = parsed if single or part is None else _part_amount(part)
        if (
            not single
            and column == "vitamin_d_ug"
            and amount.unit is None
            and amount.quantity == 1.0
        ):
            # "D3 + K2 5000 IU": an IU amount elsewhere on the line is vitamin D's
            amount = next((q for q in map(_part_amount, parts) if q.unit == "IU"), amount)
        value, why, assumption = _dose(column, amount, part or text)
        if why is None:
            nutrients[column] = float(value)
        else:
            notes.append(why)
            unknown.append(column)
        if assumption:
            assumed.append(assumption)
    if unknown:
        assumed.append(_unknown(food or text, unknown))
    return SupplementInfo(
        "supplement", nutrients, "; ".join(notes) or None, "; ".join(assumed) or None
    )
