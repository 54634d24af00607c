"""Read one log line: food, supplement or water, and a supplement's dose.

A log line is a **supplement** when it names a tracked nutrient together with a
dose (``magnesium glycinate 200 mg``, ``Vitamin D3 2000 IU``, ``B12 1000 mcg``), a
supplement form (glycinate, citrate, gluconate, cholecalciferol, powder...) or a
dose form (capsule, tablet, softgel, gummy, lozenge; ``caps``, ``tabs``); when it
is a multivitamin or prenatal; when it names a supplement that is one by its name
(fish oil, omega-3, probiotic, melatonin...); or when it names a product of the
bundled table ``datasets/supplement_products.csv`` (Tums, Mag-Ox 400, Caltrate
600+D3, ZMA: label amounts per unit, with sources). The words that say so are in
:mod:`~nutrilog.supplements.words`; how a dose is read (elemental label amounts,
a salt's weight, mEq, IU, a number without a unit) is in
:mod:`~nutrilog.supplements.doses`; this module puts them together.
``calcium-fortified orange juice 1 cup`` stays food, and so does a line whose
amount is a food measure rather than a dose: a volume, a size, or a mass of
:data:`~nutrilog.supplements.doses.FOOD_MASS_G` grams or more (``tofu, prepared
with calcium sulfate 3 oz`` names a mineral salt, but 85 g of it would be no label
amount). In structured logs a row that names a food id is food unless its kind
column says otherwise.

Electrolyte products, BCAAs and creatine (``LMNT``, ``Nuun``, ``Liquid IV``,
``creatine 5 g``) are supplements without a tracked amount, even when weighed in
grams; a salt tablet is one too unless its weight is written (``salt tab 1g`` is
1 g of sodium chloride: 393 mg of sodium). In a line of several supplements each
dose belongs to the one written beside it (``D3 1000 IU + K2 100 mcg``: the
micrograms are K2's, vitamin D is 25 µg); a dose in brackets is its supplement's
(``vitamin D3 (2000 IU)``), and ``D3 5k`` is 5,000. Dose counts multiply: ``2 capsules magnesium 100 mg`` is
200 mg; a number without a unit is a dose from 10 on, also after a product's
strength words (``vitamin D3 ultra 1000``, ``B12 max 500``).
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
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from nutrilog.nutrients import nutrient
from nutrilog.quantity import ParsedAmount, parse_quantity
from nutrilog.supplements.dose_lists import doses_beside_names, doses_in_brackets, doses_in_order
from nutrilog.supplements.doses import (
    BARE_DOSE_MIN,
    DOSE_FORMS,
    DOSE_UNITS,
    MAX_UNITS,
    dose_of,
    food_measure,
    named_formulas,
    salt_tablet_sodium,
    stated_dose,
    units_taken,
)
from nutrilog.supplements.doses import FOOD_MASS_G as FOOD_MASS_G
from nutrilog.supplements.products import bundled_products, product_in
from nutrilog.supplements.words import (
    B_COMPLEX,
    BARE_WORDS,
    CAL_BESIDE,
    COFFEE_CAPSULE,
    FORMS,
    MEDICINE,
    MULTI,
    NAMED_SUPPLEMENTS,
    NAMING,
    NUTRIENT_PATTERNS,
    OTHER_SUPPLEMENTS,
    PURPOSE,
    SALT_TABLET,
    SPACED_THOUSANDS,
    SPLIT,
    TAKEN,
    TAKEN_WHEN,
    THOUSANDS,
    TOPICAL,
    WATER,
    nutrients_in,
)
from nutrilog.supplements.words import supplement_words as supplement_words

__all__ = [
    "SupplementInfo",
    "FOOD_MASS_G",
    "supplement_words",
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


_FOOD = SupplementInfo("food", {}, None)


def _restated(text: str, amounts: dict[str, float], tracked: list[str]) -> bool:
    """Whether every dose written on the line is one of the product's own label amounts
    (``Caltrate 600+D3 800 IU``: 800 IU is the tablet's vitamin D)."""
    stated = _ONE_DOSE.findall(text)
    return bool(stated) and all(
        _restates(parse_quantity(dose), text, amounts, tracked) for dose in stated
    )


def _restates(
    amount: ParsedAmount, text: str, amounts: dict[str, float], tracked: list[str]
) -> bool:
    """Whether the dose ``amount`` is one of the product's own label amounts (within 5 %)."""
    for column in tracked:
        value, why, _ = dose_of(column, amount, text)
        if why is None and abs(float(value) - amounts[column]) <= 0.05 * amounts[column]:
            return True
    return False


#: Dose units written on a line, by the unit of the nutrient they can state.
_UNIT_OF_DOSE = {"mg": "mg", "mcg": "µg", "ug": "µg", "µg": "µg", "microgram": "µg"}


def _unknown_filled(
    text: str, amounts: dict[str, float], tracked: list[str]
) -> dict[str, float] | None:
    """The product's amounts with the ones its table leaves unknown read from the doses
    the line writes (``Caltrate 600+D3 800 IU``: the 800 IU is the tablet's vitamin D),
    when every dose either restates a known amount or is the only unknown nutrient of
    its unit; None otherwise."""
    unknown = [c for c, v in amounts.items() if math.isnan(v)]
    stated = _ONE_DOSE.findall(text)
    if not unknown or not stated:
        return None
    filled: dict[str, float] = {}
    for dose in stated:
        amount = parse_quantity(dose)
        if _restates(amount, text, amounts, tracked):
            continue
        unit = _UNIT_OF_DOSE.get(str(amount.unit).lower(), "IU" if amount.unit == "IU" else "")
        fits = [
            c
            for c in unknown
            if c not in filled
            and (
                (unit == "IU" and c == "vitamin_d_ug")
                or (unit and unit != "IU" and nutrient(c).unit == unit)
            )
        ]
        if len(fits) != 1:
            return None
        value, why, _ = dose_of(fits[0], amount, text)
        if why is not None:
            return None
        filled[fits[0]] = float(value)
    if not filled:
        return None
    return {**{c: amounts[c] for c in tracked}, **filled}


def from_product(
    text: str,
    parsed: ParsedAmount,
    products: tuple[tuple[tuple[str, ...], str, dict[str, float]], ...],
) -> SupplementInfo | None:
    """The reading of a line naming one of ``products`` (see :func:`product_index`), or None."""
    found = product_in(text, products)
    if found is None:
        return None
    count = units_taken(parsed)
    product, amounts = found
    if count is not None and count > MAX_UNITS and _STRENGTH.search(text):
        # "TUMS EX 750 x2", "Tums E-X 750, 1 tab": the 750 is the tablet's strength; the
        # count is what is left
        count = units_taken(parse_quantity(_STRENGTH.sub(" ", text)))
    if count is not None and count > MAX_UNITS:
        return SupplementInfo(
            "supplement",
            {},
            f"{product}: {count:g} units is no count of tablets (check the line)",
            f"unknown amount: {count:g} units of {product}",
        )
    if count is None and parsed.unit == "mg":
        # "Tums 500 mg": the milligrams name the product's strength (Tums 500)
        strength = _MG_STRENGTH.sub(r"\1", text)
        named = product_in(strength, products)
        if named is not None and re.search(r"\d", named[0]):
            return from_product(strength, parse_quantity(_MG_STRENGTH.sub(" ", text)), products)
    tracked = [c for c, v in amounts.items() if not math.isnan(v) and v > 0]
    filled = _unknown_filled(text, amounts, tracked) if count is None else None
    if filled is not None:  # "Caltrate 600+D3 800 IU": the line writes the unknown one
        return SupplementInfo(
            "supplement", filled, None, f"product: {product} x 1, dose as written"
        )
    if count is None and parsed.unit in DOSE_UNITS and len(tracked) > 1:
        restated = _restated(text, amounts, tracked)
        if restated:  # "Caltrate 600+D3 (800 IU)": the label's own amounts, one tablet
            nutrients = {c: v for c, v in amounts.items() if not math.isnan(v)}
            return SupplementInfo("supplement", nutrients, None, f"product: {product} x 1")
    if count is None and parsed.unit in DOSE_UNITS and len(tracked) == 1:
        # "Caltrate 600mg": the dose stated is the one nutrient the product holds
        value, why, assumption = dose_of(tracked[0], parsed, text)
        times = float(value) / amounts[tracked[0]] if why is None else math.nan
        # the label's own amount or a whole number of units of it ("Caltrate 1200 mg");
        # anything else is the weight of a salt ("Tums 500 mg" is calcium carbonate)
        if (
            not math.isnan(times)
            and abs(times - round(times)) <= 0.05 * times
            and 1 <= round(times) <= MAX_UNITS
        ):
            note = f"product: {product}, dose as written"
            return SupplementInfo(
                "supplement",
                {tracked[0]: float(value)},
                None,
                "; ".join(filter(None, [note, assumption])),
            )
    unknown = [c for c, v in amounts.items() if math.isnan(v)]
    stated = _ONE_DOSE.findall(text)
    if count is None and len(unknown) == 1 and len(stated) == 1 and not tracked:
        # "natural calm 2 tsp (325mg)": the dose stated is the one amount the table lacks
        value, why, assumption = dose_of(unknown[0], parse_quantity(stated[0]), text)
        if why is None:
            nutrients = {c: v for c, v in amounts.items() if not math.isnan(v)}
            nutrients[unknown[0]] = float(value)
            note = f"product: {product}, dose as written"
            return SupplementInfo(
                "supplement", nutrients, None, "; ".join(filter(None, [note, assumption]))
            )
    if count is None and parsed.unit not in DOSE_UNITS:
        # "1 tsp Natural Calm": a measure the table gives no amounts for
        amount = "" if math.isnan(parsed.quantity) else f"{parsed.quantity:g} "
        measured = f"{amount}{parsed.unit}"
        return SupplementInfo(
            "supplement",
            {},
            f"{product}: amounts per {parsed.unit} unresolved (check the label)",
            f"unknown amount: {measured} of {product} (the product table gives amounts per unit)",
        )
    if count is None:
        return None
    nutrients = {c: v * count for c, v in amounts.items() if not math.isnan(v)}
    unknown = [nutrient(c).label for c, v in amounts.items() if math.isnan(v)]
    assumption = f"product: {product} x {count:g}"
    if unknown:
        assumption += f"; unknown amount: {', '.join(unknown)} ({product})"
    return SupplementInfo("supplement", nutrients, None, assumption)


#: The liquid a supplement is mixed in, closing the line (``in 500ml water``, ``mixed
#: with a glass of milk``).
_MIXED_IN = re.compile(
    r"\s+(?:mixed\s+|stirred\s+|dissolved\s+)?(?:in|with|into)\s+(?:an?\s+|my\s+|the\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:ml|l|oz|fl\.?\s*oz|cups?|glass(?:es)?)\s+(?:of\s+)?|glass\s+of\s+)?"
    r"(?:(?:hot|warm|cold)\s+)?(?:water|milk|juice)(?:\s+(?:bottle|jug|glass|cup))?\s*$",
    re.IGNORECASE,
)
_DOSE_KINDS = ("mass", "activity")
_MG_STRENGTH = re.compile(r"(?<![\w.])(\d{3,4})\s*mg\b", re.I)
#: A product's strength written as a bare number (``Tums 750``, ``Mag-Ox 400``).
_STRENGTH = re.compile(r"(?<![\w.])\d{3,4}(?![\w.])")


def _part_amount(part: str) -> ParsedAmount:
    """The amount of one supplement of a combination; a dose in brackets is its own
    (``vitamin D3 (2000 IU)``), and so is the one dose of a part that also counts the
    product (``1 electrolyte tab - 360mg sodium``: 360 mg, not one tablet)."""
    amount = parse_quantity(part.replace("(", " ").replace(")", " "))
    if amount.unit in DOSE_FORMS and amount.quantity > MAX_UNITS and not _LEADING.match(part):
        # "mag 250 tab": no one takes 250 tablets; the number is the tablet's label amount
        return amount._replace(unit=None, unit_kind=None)
    if amount.unit not in DOSE_UNITS:
        doses = _ONE_DOSE.findall(part)
        if len(doses) == 1:
            return parse_quantity(doses[0])
    return amount


#: A number opening a line or a part: a count of what follows (``20 caps magnesium``).
_LEADING = re.compile(r"\s*\d")
_ONE_DOSE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|iu)\b", re.I)


#: A count of units with doses stated for each one (``2 caplets (315 mg calcium + 250 IU
#: D3 each)``, ``gummies, 2 (250 mg Ca / 400 IU per gummy)``).
_UNIT_FORMS = (
    r"(?:caplets?|tablets?|tabs?|capsules?|caps|softgels?|gummies|gumm(?:y|ie)s?|chewables?"
    r"|chews?|pills?|lozenges?"
    # Spanish and Portuguese (``2 pastillas``, ``2 comprimidos``)
    r"|pastillas?|tabletas?|c[a\u00e1]psulas?|comprimidos?|gomitas?)"
)
_COUNT_OF_UNITS = re.compile(
    rf"(?P<count>\b\d+)\s*(?:x\s*)?{_UNIT_FORMS}\b|,\s*(?P<bare>\d+)\s*\("
    rf"|\b{_UNIT_FORMS}\s*x\s*(?P<after>\d+)\b"  # "chewables x2"
    r"|(?<![\w.])x\s*(?P<times>\d{1,2})(?=\s*\()",  # "Citracal petites x2 (200mg Ca ... each)"
    re.IGNORECASE,
)
#: A count, a supplement's name and its unit (``2 potassium tabs``, ``3 fish oil caps``).
#: Or a count opening the line before the name alone, a comma after it (``2 mag
#: glycinate, 120mg each``).
_COUNT_NAMED_UNITS = re.compile(
    rf"(?P<count>\b\d+)\s+(?P<named>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?:\s+{_UNIT_FORMS}\b|(?=\s*,))",
    re.IGNORECASE,
)
#: One unit's dose said so: ``each``, ``per tablet``; French ``chaque``, Spanish and
#: Portuguese ``cada`` (``cada uno``, ``c/u``).
_FOR_EACH = re.compile(
    r"\beach\b|\bea\b\.?|\bper\s+(?:caplet|tablet|tab|capsule|cap|softgel|gumm(?:y|ie)|chew|pill)"
    r"|\bchaque\b|\bcada(?:\s+(?:uno|una|um|uma))?\b|(?<![\w/])c/u\b",
    re.I,
)
#: One dose in brackets after a count of units (``2 tabs (99mg)``): each unit's, as a
#: weight in brackets after a count of food is each one's (``2 cans (355 ml)``).
_UNITS_BRACKETED_DOSE = re.compile(
    rf"(?P<units>\b\d+\s*(?:x\s*)?{_UNIT_FORMS})\s*\(\s*"
    r"(?P<dose>\d+(?:\.\d+)?\s*(?:mg|mcg|\u00b5g|ug|iu))\s*\)",
    re.I,
)
#: ``@`` before one unit's dose after a count of units (``3 mag caps @120``): each.
_AT_EACH = re.compile(r"\s*@\s*(?P<dose>\d+(?:\.\d+)?\s*(?:mg|mcg|\u00b5g|ug|iu)?)(?=\s*$)", re.I)
#: A count of units times one unit's dose (``2 caps x 150mg``): read as ``150mg, 2 caps``.
_UNITS_TIMES_DOSE = re.compile(
    rf"(?P<units>\b\d+\s*{_UNIT_FORMS})\s*[x\u00d7*]\s*"
    r"(?P<dose>\d+(?:\.\d+)?\s*(?:mg|mcg|\u00b5g|ug|iu)\b)",
    re.I,
)
#: A count of units written just before one unit's dose (``two 120mg caps``, ``2 500mg``).
_COUNT_BEFORE_DOSE = re.compile(
    r"(?<![\w.])(?P<n>\d{1,2}|one|two|three|four|five|six)\s+(?=\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|iu)\b)",
    re.I,
)
#: A share of the unit written taken (``magnesium 400mg, took half``, ``only took a quarter``).
_SHARE_TAKEN = re.compile(
    r"[\s,;(-]*\b(?:only\s+)?(?:took|take|taking|had)\s+(?:a\s+|one\s+)?(?P<share>half|quarter)\b"
    r"(?:\s+(?:a|of\s+(?:a|it|the))?\s*(?:tab(?:let)?|pill|cap(?:sule)?|dose)?)?\)?",
    re.I,
)
_SHARES = {"half": 0.5, "quarter": 0.25}
#: A count of units taken written last (``K+ 99 mg, took 2``): read as ``x2``.
_COUNT_TAKEN = re.compile(
    r"[\s,;(-]*\b(?:took|take|taking|had)\s+(?P<n>[2-6]|two|three|four|five|six)\b"
    rf"(?:\s*{_UNIT_FORMS})?\)?\s*$",
    re.I,
)
_WORD_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


#: Untracked nutrients that name no food (``zinc``, ``vitamin C``), unlike ``iron`` or
#: ``turmeric``: with a bare number after them they are a dose.
_ONLY_NUTRIENTS = re.compile(
    r"\bzinc\b|\bselenium\b|\biodine\b|\bfol(?:ate|ic)\b|\bvit(?:amin[ae]?)?\.?\s*[acek][12]?\b",
    re.I,
)


#: One unit's dose, in mEq too (``potassium chloride 10 meq``).
_ONE_DOSE_OR_MEQ = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|iu|meq)\b", re.I)
#: One unit's dose closing a line, said to be each one's (``100mg each``).
_DOSE_EACH_AT_END = re.compile(
    r"(?P<dose>(?<![\w.])\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|iu|meq)"
    r"(?:\s*[/,+&]\s*\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|iu|meq))*)\s+(?:each|ea\.?)(?P<close>\)?)\s*$",
    re.I,
)
#: A count of units opening a line before a word (``2 magnesium 250mg``).
_COUNT_OPENING = re.compile(r"^\s*(?P<n>[2-9]|1[0-2])\s+(?=[a-z])", re.I)


def _count_opening_as_times(text: str) -> str:
    """``text`` with a count of units opening it moved to its end as ``xN``, when the
    line names one nutrient, states one unit's dose and nothing else counts it (``2
    nature made magnesium 250mg`` and ``2 magnesium caps 250mg`` are ``... 250mg x2``): the dose a
    label states is one unit's. A food beside the nutrient leaves the line alone (``2
    bananas 422mg potassium``)."""
    found = _COUNT_OPENING.match(text)
    doses = len(_ONE_DOSE_OR_MEQ.findall(text))
    # "2 Calcium+D (500mg/200IU ea)": one dose of each nutrient named, each unit's
    if (
        found is None
        or doses < 1
        or doses != max(1, len(nutrients_in(text)))
        # "3 cal-mag-zinc (333mg/133mg)": which dose is whose is unsure
        or (doses > 1 and _ONLY_NUTRIENTS.search(text))
    ):
        return text
    # "2 mag glycinate 100mg each": the dose closing the line is each unit's
    rest = _DOSE_EACH_AT_END.sub(r"\g<dose>\g<close>", text[found.end() :])
    named = _COUNT_NAMED_UNITS.match(text)
    if named is not None and named.end() < len(text) and text[named.end()] != ",":
        # "2 magnesium caps 250mg": the units named after the count are the ones counted
        rest = f"{named['named']}{text[named.end() :]}"
    if (
        _COUNT_OF_UNITS.search(rest)
        or (named is None and _COUNT_NAMED_UNITS.search(text))
        or _FOR_EACH.search(rest)
        or _TIMES_AT_END.search(rest)
        or len(nutrients_in(rest)) != doses
        or not _only_supplement_words(_ONE_DOSE_OR_MEQ.sub(" ", rest))
    ):
        return text
    return f"{rest.rstrip()} x{found['n']}"


def _count_for_each(text: str) -> tuple[float, str, str] | None:
    """``(count, as written, what stays)`` of the units a line takes when it states
    each unit's doses (``each``, ``per gummy``); None otherwise. What stays of the count
    is the name written between it and its unit (``2 potassium tabs 99 mg each``)."""
    if not _FOR_EACH.search(text):
        return None
    found = _COUNT_OF_UNITS.search(text)
    if found is not None:
        count = _units_counted(found)
        return (count, found[0], " (") if count > 1 else None
    named = _COUNT_NAMED_UNITS.search(text)
    if named is None or not nutrients_in(named["named"]):
        return None
    count = float(named["count"])
    return (count, named[0], f" {named['named']} ") if count > 1 else None


def _units_counted(found: re.Match[str]) -> float:
    """The count a match of :data:`_COUNT_OF_UNITS` reads, whichever way it is written."""
    return float(found["count"] or found["bare"] or found["after"] or found["times"])


def _foreign_doses(parts: list[str], column: str) -> bool:
    """Whether a line of several supplements gives a dose to one that is not ``column``'s.

    In ``D3 1000 IU + K2 100 mcg`` or ``vit D 2000 IU and zinc 15 mg`` each dose
    belongs to the supplement written beside it, so each tracked nutrient takes the
    amount of its own part; in ``magnesium glycinate, 200 mg`` the second part names
    nothing and the line's amount is magnesium's.
    """
    for part in parts:
        if column in nutrients_in(part):
            continue
        amount = _part_amount(part)
        if amount.unit_kind in _DOSE_KINDS and NAMING.search(BARE_WORDS.sub(" ", amount.food)):
            return True
    return False


def _unknown(what: str, columns: list[str] | None = None) -> str:
    if columns:
        names = ", ".join(nutrient(c).label for c in columns)
        return f"unknown amount: {names} ({what})"
    return f"unknown amount: {what}"


def _only_supplement_words(food: str) -> bool:
    """Whether the food words are only a nutrient's names and a supplement's label words
    (``liquid calcium``, ``magnesium citrate powder``), or beside them words that name
    no food (``calm mag powder``: a product's name): a spoonful of it is a supplement,
    where ``tofu prepared with calcium sulfate 1 cup`` is a food."""
    bare = food
    for _, pattern in NUTRIENT_PATTERNS:
        bare = pattern.sub(" ", bare)
    bare = BARE_WORDS.sub(" ", FORMS.sub(" ", bare))
    return not re.sub(r"[\W\d_]+", "", bare) or not _names_a_food(bare)


@lru_cache(maxsize=65536)
def _day_note(text: str) -> bool:
    """Whether ``text`` names a nutrient by a lone letter beside a day-note word
    (``weigh-in 132.4 (K)``: a weight and a weight class, no 132 mg of potassium); a
    bare number there is no dose (``D3 2000 after workout`` still is one)."""
    if not _LONE_LETTER.search(text):
        return False
    from nutrilog.matching.diary_words import entry_words
    from nutrilog.matching.words import normalize_many

    return bool(entry_words().not_food.find(normalize_many([text])[0].split()))


#: A nutrient's one-letter symbol standing alone (``(K)``, ``D``); ``vitamin D`` names it.
_LONE_LETTER = re.compile(
    r"(?<![\w-])(?<![Vv]itamin )(?<!VITAMIN )(?<![Vv]it )(?<!VIT )(?<![Vv]it\. )[KD](?![\w-])"
)


#: A vitamin given as a shot (``got my B12 shot``, ``vit D shot``): an injection, not a
#: drink's shot.
_VITAMIN_SHOT = re.compile(
    r"\b(?P<vitamin>(?:vit(?:amin)?\.?\s*)?b[\s-]?12|vit(?:amin)?\.?\s*d[23]?|d[23])\s+shots?\b",
    re.IGNORECASE,
)


#: Words of any medicine, named by none (``pill``, ``meds``): a ``caffeine pill`` is a
#: supplement of no tracked nutrient, not a medication.
_ANY_MEDICINE = frozenset(
    {"pill", "pills", "meds", "medication", "medications", "prescription", "injection"}
)


@lru_cache(maxsize=1)
def _medications() -> Any:
    """The medicines and tobacco of ``datasets/entry_words.csv`` (role ``not_food``,
    kind ``medication`` or ``tobacco``) as a phrase table: a dose form or a milligram
    dose of one is no supplement (read when first needed: the matching tables import
    this package)."""
    from nutrilog.matching.synonyms import PhraseTable
    from nutrilog.matching.vocabulary import read_word_table
    from nutrilog.matching.words import normalize_many

    rows = read_word_table("entry_words.csv")
    names = [
        w
        for w, role, kind in rows
        if role == "not_food" and kind in ("medication", "tobacco") and w not in _ANY_MEDICINE
    ]
    return PhraseTable.build((n, "medication") for n in normalize_many(names))


#: Salt weighed in milligrams (``sea salt 250mg``) is a food: its sodium is tracked.
_SALT = re.compile(r"\bsalt\b", re.I)


def _names_a_food(text: str) -> bool:
    """Whether ``text`` holds a word of a food's USDA description (``flaxseed``,
    ``sunflower``) or a synonym's name (``oj``), read from the bundled tables when first
    needed."""
    from nutrilog.foods import load_foods
    from nutrilog.matching.index import index_for
    from nutrilog.matching.synonyms import synonym_table
    from nutrilog.matching.words import normalize_many

    postings = index_for(load_foods()).food_postings
    words = normalize_many([text])[0].split()
    # "calcium OJ": orange juice, a food; "w/" is only "with"
    meant = [w for *_, found in synonym_table().find(words) for w in found.means.split()]
    return any(len(w) > 2 and w in postings for w in words) or any(
        w not in _JOINING and w in postings for w in meant
    )


#: Words that join foods in USDA's descriptions without naming one.
_JOINING = frozenset({"and", "with", "without", "for", "from"})


def _medication(text: str) -> bool:
    """Whether ``text`` names a medicine (``advil 2 tabs``, ``HCTZ 25``)."""
    from nutrilog.matching.words import normalize_many

    return bool(_medications().find(normalize_many([text])[0].split()))


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
    info = _detect(text)
    beyond = {
        c: v
        for c, v in info.nutrients.items()
        if c in _MOST_MINERAL_MG and v == v and v > _MOST_MINERAL_MG[c]
    }
    if not beyond:
        return info
    # "cal 500/mag 250 tab": 250 read as tablets; no line holds grams of a mineral
    column, value = next(iter(beyond.items()))
    return SupplementInfo(
        "supplement",
        {c: v for c, v in info.nutrients.items() if c not in beyond},
        f"{nutrient(column).label} dose of {value:g} mg is beyond any label (check the line)",
        _unknown(str(text), [column]),
    )


#: The most of a mineral one line can hold: a dozen units of the largest tablet
#: (``datasets/supplement_salts.csv``); more is a misreading, left unknown.
_MOST_MINERAL_MG = {"magnesium_mg": 6000.0, "calcium_mg": 7200.0, "potassium_mg": 9400.0}


#: A name in brackets opening a line (``(Deb)``, ``(mami)``): whose line it is, as
#: :func:`~nutrilog.matching.prefixes.strip_prefix` reads it for a food.
_WHOSE = re.compile(
    r"^\s*[(\[]\s*[A-Za-z][A-Za-z'.-]{0,19}(?:\s[A-Za-z][A-Za-z'.-]{0,19})?\s*[)\]]\s*"
)


#: Doses after an equals sign at the end of a line: what was taken, totalled.
_TOTALS_STATED = re.compile(r"\s*=\s*(?P<doses>[^=()]*\d[^=()]*)$")
#: A count of units at the very end of a line (``x2``, ``x 3``): of the whole line.
_TIMES_AT_END = re.compile(r"(?:,\s*|\s+)[x\u00d7]\s*(?P<n>\d{1,2})\s*$", re.I)
#: A count of units named at the very end of a line, after a dose (``x2 tabs``, ``, 2
#: tabs``, ``3 pastillas``): of the whole line, each unit holding the doses written.
_UNITS_AT_END = re.compile(
    rf"(?:,\s*|\s+)(?:[x\u00d7]\s*)?(?P<n>\d{{1,2}})\s*{_UNIT_FORMS}\s*$", re.I
)
#: Label masses of a capsule or tablet: no food is logged in them.
_LABEL_MASS = frozenset({"mg", "ug"})
#: A reading of the blood (``glucose 95 mg/dL``): no dose.
_MEASURED_IN_BLOOD = re.compile(r"\bmg\s*/\s*dl\b|\bmmol\b", re.I)
#: A nutrient's level in the blood (``vit D level 14``, ``B12 levels low``, ``D 22
#: ng/mL``): a reading, no dose (a ``level tsp`` is a spoon's measure).
_BLOOD_LEVEL = re.compile(
    r"\b(?:d[23]?|b[\s-]?12|magnesium|mag|calcium|potassium|iron|ferritin)\s+levels?\b"
    r"(?!\s+(?:tsp|tbsp|teaspoons?|tablespoons?|scoops?|spoons?|spoonfuls?|cups?)\b)"
    r"|\b\d+(?:\.\d+)?\s*(?:ng|pg|nmol|pmol)\s*/\s*(?:ml|l|dl)\b"
    # a value on a lab report (``potassium 3.4 on my labs``, ``Mg 1.7 lab result``)
    r"|\b(?:on|in|from)\s+(?:my\s+|the\s+)?(?:labs|lab\s+(?:work|results?)|blood\s*work)\b"
    r"|\blabs?\s+(?:results?|values?)\b",
    re.I,
)


#: Words in brackets closing a line (``magnesium (forgot which bottle)``).
_NOTE_CLOSING = re.compile(r"\s*\((?P<note>[^()]*)\)\s*$")


#: A dose in milligrams before ``mg`` written as a word: magnesium's symbol, as ``ca``
#: and ``k`` are calcium's and potassium's (``(1000mg ca, 400mg mg)``).
_MG_NAMED = re.compile(r"(?P<dose>(?<![\w.])\d+(?:\.\d+)?\s*mg)\s+mg\b(?!\s*/)", re.I)


def _detect(text: str) -> SupplementInfo:
    """:func:`detect_supplement` before its amounts are checked against any label."""
    # "magnésium", "cálcio": the letters without their accents (the micro sign stays)
    text = "".join(
        c for c in unicodedata.normalize("NFD", str(text or "")) if not unicodedata.combining(c)
    )
    if _BLOOD_LEVEL.search(text):
        return _FOOD  # "vit D level 14 at the clinic": a reading of the blood, no dose
    text = named_formulas(text)  # "KCl 10 mEq": potassium chloride
    text = _VITAMIN_SHOT.sub(r"\g<vitamin> injection", text)  # "B12 shot": no drink's shot
    text = _MG_NAMED.sub(r"\g<dose> magnesium", text)  # "400mg mg": magnesium's dose
    if _COUNT_OF_UNITS.search(text) or _COUNT_NAMED_UNITS.search(text):
        text = _AT_EACH.sub(lambda m: f" {m['dose']} each", text)  # "3 mag caps @120"
        text = _UNITS_BRACKETED_DOSE.sub(r"\g<units> (\g<dose> each)", text)  # "2 tabs (99mg)"
    owner = _WHOSE.match(text)
    if owner is not None and nutrients_in(text[owner.end() :]):
        text = text[owner.end() :]  # "(Deb) calcium 600 + D3": whose line it is
    text = CAL_BESIDE.sub("calcium", text)  # "cal 500 + D3": calcium
    text = _count_opening_as_times(text)  # "2 magnesium 250mg": two units of 250 mg
    purpose = PURPOSE.search(text)
    if purpose is not None and purpose.start() > 0 and nutrients_in(text[: purpose.start()]):
        # "magnesium for sleep": what it is taken for; a dose after it stays the dose
        # ("magnesium for cramps 250mg")
        text = " ".join([text[: purpose.start()], *_ONE_DOSE.findall(text[purpose.start() :])])
    when = TAKEN_WHEN.search(text)
    if when is not None and when.start() > 0 and nutrients_in(text[: when.start()]):
        text = text[: when.start()] + text[when.end() :]  # "magnesium before bed": when
    taken = TAKEN.match(text)
    if taken is not None and nutrients_in(text[taken.end() :]):
        text = text[taken.end() :]  # "took magnesium": the verb is no food
    mixed = _MIXED_IN.search(text)
    if mixed is not None and (
        nutrients_in(text) or product_in(text, bundled_products()) is not None
    ):  # "LMNT stick in 500ml water": the water it is mixed in is no dose
        text = text[: mixed.start()]
    share = _SHARE_TAKEN.search(text)
    if share is not None:  # "magnesium 400mg, took half": half of the dose written
        whole = detect_supplement(text[: share.start()] + text[share.end() :])
        if whole.kind == "supplement" and whole.nutrients:
            part = _SHARES[share["share"].lower()]
            taken = f"share taken: {share['share'].lower()} of the dose written"
            return whole._replace(
                nutrients={k: v * part for k, v in whole.nutrients.items()},
                assumption="; ".join(filter(None, [whole.assumption, taken])),
            )
    took = _COUNT_TAKEN.search(text)
    if took is not None and nutrients_in(text[: took.start()]):
        n = took["n"].lower()
        text = f"{text[: took.start()]} x{_WORD_COUNTS.get(n, n)}"
    aside = _NOTE_CLOSING.search(text)
    if (
        aside is not None
        and aside.start() > 0
        and not re.search(r"\d", aside["note"])
        and not nutrients_in(aside["note"])
        and nutrients_in(text[: aside.start()])
    ):
        text = text[: aside.start()]  # "magnesium (forgot which bottle)": a note, no dose
    stated = _TOTALS_STATED.search(text)
    if (
        stated is not None
        and _ONE_DOSE.search(stated["doses"])
        and not _ONE_DOSE.search(text[: stated.start()])
    ):
        # "calmag 2 tabs = 500mg Ca + 250mg Mg", "magnesium 2 caps = 400mg": what the
        # units taken hold together, as a bracket states it
        text = f"{text[: stated.start()]} ({stated['doses']})"
    every = _TIMES_AT_END.search(text)
    if every is None or len(nutrients_in(text)) < 2:
        # "calcium 315mg + D3 250IU x2 tabs", "potasio 99mg 3 pastillas": units counted
        # after the doses they each hold
        every = _UNITS_AT_END.search(text)
        if every is not None and not _ONE_DOSE.search(text[: every.start()]):
            every = None
    if every is not None and nutrients_in(text) and 1 < int(every["n"]) <= MAX_UNITS:
        # "ca citrate 315mg/D3 250iu x2": two units of the whole line, not of its last part
        one = detect_supplement(text[: every.start()])
        if one.kind == "supplement" and one.nutrients:
            n = int(every["n"])
            return one._replace(nutrients={k: v * n for k, v in one.nutrients.items()})
    times = _UNITS_TIMES_DOSE.search(text)
    if times is not None:
        text = f"{text[: times.start()]}{times['dose']}, {times['units']}{text[times.end() :]}"
    each = _count_for_each(text)
    if each is not None:  # "2 caplets (315 mg calcium + 250 IU D3 each)"
        one = detect_supplement(_FOR_EACH.sub(" ", text.replace(each[1], each[2], 1)))
        if one.kind == "supplement" and one.nutrients:
            count = each[0]
            return one._replace(nutrients={k: v * count for k, v in one.nutrients.items()})
    if THOUSANDS.search(text) and nutrients_in(text):
        text = THOUSANDS.sub(lambda m: f"{float(m[1]) * 1000:g}", text)  # "D3 5k" is 5000
    if SPACED_THOUSANDS.search(text) and nutrients_in(text):
        # "50 000 IU" and "2,000 IU" are 2000
        text = SPACED_THOUSANDS.sub(lambda m: "".join(g for g in m.groups() if g), text)
    counted = _COUNT_BEFORE_DOSE.search(text)
    if counted is not None and nutrients_in(text):
        n = _WORD_COUNTS.get(counted["n"].lower()) or int(counted["n"])
        if 1 < n <= MAX_UNITS:  # "two 120mg magnesium caps": two units of 120 mg
            text = f"{text[: counted.start()]}{n} x {text[counted.end() :]}"
    parsed = parse_quantity(text)
    food = parsed.food.strip()
    if food and WATER.fullmatch(food):
        return SupplementInfo("water", {}, None)
    if TOPICAL.search(text):
        return _FOOD  # "epsom salt bath", "magnesium spray 400mg": on the skin, not eaten
    product = from_product(text, parsed, bundled_products())
    if product is not None:
        return product
    if MULTI.search(text):
        return SupplementInfo(
            "supplement",
            {},
            "multivitamin: nutrient amounts unresolved (check the label)",
            _unknown("multivitamin or prenatal: amounts depend on the product"),
        )
    columns = nutrients_in(text)
    parsed = stated_dose(text, parsed, columns)
    if (
        columns
        and parsed.unit in DOSE_FORMS
        and parsed.quantity > MAX_UNITS
        and not _LEADING.match(text)
    ):
        parsed = parsed._replace(unit=None, unit_kind=None)  # "mag 250 tab": its label amount
    dosed = parsed.unit in DOSE_UNITS or parsed.unit in DOSE_FORMS
    if not columns and parsed.unit_kind == "mass" and SALT_TABLET.search(text):
        sodium, assumption = salt_tablet_sodium(parsed)
        return SupplementInfo("supplement", {"sodium_mg": sodium}, None, assumption)
    if (
        not columns
        and parsed.unit_kind == "mass"
        and (NAMED_SUPPLEMENTS.search(text) or _ONLY_NUTRIENTS.search(text))
    ):
        return SupplementInfo(  # "creatine 5 g": grams of a supplement powder
            "supplement",
            {},
            "not a tracked nutrient",
            _unknown(f"{food or text}: no tracked nutrient amount"),
        )
    if (
        not dosed
        and food_measure(parsed)
        and not (columns and _only_supplement_words(food))
        and not (not columns and NAMED_SUPPLEMENTS.search(text))
    ):
        # "tofu prepared with calcium sulfate 1 cup", "... 3 oz"; "black seed oil 1 tsp"
        # and "cod liver oil 1 tsp" are supplements by the spoon, though SR28 holds cod
        # liver oil: its vitamin D differs by brand (some are distilled of it)
        return _FOOD
    if (
        len(columns) == 1
        and parsed.unit is None
        and parsed.quantity >= BARE_DOSE_MIN
        and not _day_note(text)
    ):
        dosed = True  # "vitamin D3 ultra 1000": a product's strength is its dose
    marked = bool(FORMS.search(text))
    if (
        marked
        and not columns
        and (COFFEE_CAPSULE.search(text) or MEDICINE.search(text) or _medication(text))
    ):
        # "1 nespresso capsule"; "BP pills", "advil 2 tabs": entry reading calls it medication
        return _FOOD
    if not columns:
        named = NAMED_SUPPLEMENTS.search(text)
        # "zinc 30": a nutrient no food is named after, with a label-sized number
        bare_dose = parsed.unit is None and parsed.quantity >= BARE_DOSE_MIN
        if named or (
            OTHER_SUPPLEMENTS.search(text)
            and (
                dosed
                or marked
                or (bare_dose and _ONLY_NUTRIENTS.search(text))
                # "turmeric 500": a label's strength, no 500 servings of the spice
                or (bare_dose and parsed.quantity > MAX_UNITS)
            )
        ):
            stated = parsed.unit_kind in ("mass", "activity")
            amount = "" if (named and not stated) else None
            return SupplementInfo(
                "supplement",
                {},
                "not a tracked nutrient",
                None if amount is None else _unknown(f"{food or text}: no tracked nutrient amount"),
            )
        if (
            parsed.unit in _LABEL_MASS
            and food
            and not (MEDICINE.search(text) or _medication(text) or _MEASURED_IN_BLOOD.search(text))
            and not _SALT.search(food)
            and _names_a_food(food)
        ):
            # "flaxseed oil 1000mg", "sunflower lecithin 1200mg": food is never weighed
            # in milligrams; a capsule of something that holds no tracked nutrient (a
            # name no food has, "Diclegis 10mg", is left to the line reader's doses)
            return SupplementInfo(
                "supplement",
                {},
                "not a tracked nutrient",
                _unknown(f"{food}: no tracked nutrient amount"),
            )
        if marked and (
            dosed
            or parsed.unit in DOSE_FORMS
            or re.search(r"capsule|tablet|softgel|\bpills?\b|\bcaps\b|\btabs\b|lozenge", text, re.I)
        ):
            return SupplementInfo("supplement", {}, "not a tracked nutrient")
        return _FOOD
    bare = food
    for _, pattern in NUTRIENT_PATTERNS:
        bare = pattern.sub(" ", bare)
    bare = BARE_WORDS.sub(" ", bare)
    bare = NAMED_SUPPLEMENTS.sub(" ", OTHER_SUPPLEMENTS.sub(" ", bare))  # "cal mag zinc"
    no_food = not (_day_note(text) or _names_a_food(bare))  # "weigh-in 150.2 (K)": a note
    if not (dosed or marked or not re.sub(r"[\W_]+", "", bare) or no_food):
        # "+", "&" are no food, nor a product's name ("calm magnesium")
        return _FOOD  # "calcium-fortified orange juice"
    nutrients: dict[str, float] = {}
    notes: list[str] = []
    assumed: list[str] = []
    unknown: list[str] = []
    parts = [p for p in SPLIT.split(text) if p.strip()]
    if len(parts) == 1:  # "250mg K 500mg Na": a dose beside each name
        parts = doses_beside_names(text, columns) or parts
    single = len(parts) == 1 or (len(columns) == 1 and not _foreign_doses(parts, columns[0]))
    # "cal/mag 2 tabs (1000mg Ca 400mg Mg)": the bracket states what the tablets hold
    bracketed = doses_in_brackets(text, columns)
    in_order = bracketed or doses_in_order(text, columns)
    counted = None if single or bracketed else _COUNT_OF_UNITS.search(text)  # ", 2 caplets"
    for column in columns:
        naming = [p for p in parts if column in nutrients_in(p)]
        # "B-complex w/ 500mcg B12": the part naming B12 itself holds its amount
        own = [p for p in naming if not B_COMPLEX.search(p)] if len(naming) > 1 else []
        # "calcium + D gummies, 2 (250 mg Ca ...)": the part naming it with a dose
        dosed_parts = [p for p in own or naming if _part_amount(p).unit in DOSE_UNITS]
        # "cal-mag-D (Ca 500mg / Mg 250mg ...)": the part naming this nutrient alone first
        dosed_parts.sort(key=lambda p: len(nutrients_in(p)))
        part = next(iter(dosed_parts or own or naming), None)
        amount = parsed if single or part is None else _part_amount(part)
        if in_order is not None:
            amount = in_order[column]
        if (
            not single
            and column == "vitamin_d_ug"
            and amount.unit != "IU"
            and (
                amount.unit is None and amount.quantity == 1.0 or len(nutrients_in(part or "")) > 1
            )
        ):
            # "D3 + K2 5000 IU": an IU amount elsewhere on the line is vitamin D's, and so
            # it is when D's part gives another nutrient's dose ("D gummies (250 mg Ca")
            amount = next((q for q in map(_part_amount, parts) if q.unit == "IU"), amount)
        value, why, assumption = dose_of(column, amount, part or text)
        if (
            why is None
            and counted is not None
            and counted[0] not in (part or text)
            and _units_counted(counted) <= MAX_UNITS
        ):
            # "calcium 315 mg + D 5 mcg, 2 caplets": each part's dose is one caplet's
            value = float(value) * _units_counted(counted)
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
