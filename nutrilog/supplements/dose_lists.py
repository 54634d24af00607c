"""Several doses on one supplement line, and which nutrient each belongs to.

A label lists its doses together after the names, joined by slashes
(:func:`doses_in_order`: ``calcium + vit D 500mg/400IU``), or a diary writes each dose
beside its name with no separator between them (:func:`doses_beside_names`:
``250mg K 500mg Na``).

Examples
--------
>>> doses_beside_names("K 99mg Na 200mg", ["potassium_mg", "sodium_mg"])
['K 99mg', ' Na 200mg']
"""

from __future__ import annotations

import re

from nutrilog.quantity import ParsedAmount, parse_quantity
from nutrilog.supplements.doses import BARE_DOSE_MIN
from nutrilog.supplements.words import NAMED_SUPPLEMENTS, NUTRIENT_PATTERNS, OTHER_SUPPLEMENTS

__all__ = ["doses_beside_names", "doses_in_brackets", "doses_in_order"]


#: Doses written together after the names, joined by slashes (``500mg/400IU``).
_DOSE_UNIT = r"(?:mg|mcg|µg|ug|iu|g)\b"
#: Doses joined by slashes: each with its unit (``500mg/400IU``), one unit after the
#: last (``500/250 mg``: every dose in it) or none (``1000/500``: each in its label unit).
_DOSE_LIST = re.compile(
    rf"(?<![\w./])\d+(?:\.\d+)?(?:\s*{_DOSE_UNIT})?"
    rf"(?:\s*/\s*\d+(?:\.\d+)?(?:\s*{_DOSE_UNIT})?)+(?![\w/])",
    re.I,
)
_HAS_UNIT = re.compile(rf"\d\s*{_DOSE_UNIT}", re.I)
#: One dose with its unit (``250mg``, ``10 mcg``).
_DOSE = re.compile(rf"(?<![\w.])\d+(?:\.\d+)?\s*{_DOSE_UNIT}", re.I)


def doses_beside_names(text: str, columns: list[str]) -> list[str] | None:
    """The parts of a line that writes one dose beside each nutrient with no separator
    between them (``250mg K 500mg Na``, ``K 99mg Na 200mg``), or None when it does not.

    A dose stands before its name when the line's first dose comes before its first
    name, else after it.

    Examples
    --------
    >>> doses_beside_names("electrolyte packet 250mg K 500mg Na", ["potassium_mg", "sodium_mg"])
    ['electrolyte packet 250mg K ', '500mg Na']
    >>> doses_beside_names("K 99mg Na 200mg", ["potassium_mg", "sodium_mg"])
    ['K 99mg', ' Na 200mg']
    """
    doses = list(_DOSE.finditer(text))
    if len(columns) < 2 or len(doses) != len(columns):
        return None
    names = [
        m.start()
        for column, pattern in NUTRIENT_PATTERNS
        if column in columns and (m := pattern.search(text)) is not None
    ]
    if len(names) != len(columns):
        return None
    before = doses[0].start() < min(names)
    cuts = [d.start() for d in doses[1:]] if before else [d.end() for d in doses[:-1]]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


#: Where a combined name (``cal-mag``, ``cal/mag``) names each of its nutrients.
_OWN_WORD = {"magnesium_mg": re.compile(r"mag", re.I), "calcium_mg": re.compile(r"cal", re.I)}


def _name_at(column: str, found: re.Match[str]) -> int:
    """Where ``column``'s own word starts in a name match (``mag`` of ``cal-mag``)."""
    own = _OWN_WORD.get(column)
    hit = own.search(found[0]) if own is not None else None
    return found.start() + (hit.start() if hit is not None else 0)


def doses_in_order(text: str, columns: list[str]) -> dict[str, ParsedAmount] | None:
    """Each nutrient's dose when the doses are written together, slash-joined, after
    the names: the n-th dose is the n-th nutrient named (as a label lists them).

    ``calcium + vit D 500mg/400IU`` is 500 mg of calcium and 400 IU of vitamin D;
    None when the line has no such list, or its count differs from the names'.

    Examples
    --------
    >>> found = doses_in_order("calcium + vit D 500mg/400IU", ["calcium_mg", "vitamin_d_ug"])
    >>> {k: (v.quantity, v.unit) for k, v in found.items()}
    {'calcium_mg': (500.0, 'mg'), 'vitamin_d_ug': (400.0, 'IU')}
    >>> doses_in_order("magnesium/zinc 400mg/15mg", ["magnesium_mg"])["magnesium_mg"].quantity
    400.0
    >>> doses_in_order("calcium 500mg + vit D 400IU", ["calcium_mg", "vitamin_d_ug"]) is None
    True
    """
    found = _DOSE_LIST.search(text)
    if found is None or not columns:
        return None
    doses = [d.strip() for d in found[0].split("/")]
    units = [_HAS_UNIT.search(d) is not None for d in doses]
    if not any(units):
        # no unit at all: only label-sized numbers are doses (``1/2`` is half a tablet)
        if min(float(d) for d in doses) < BARE_DOSE_MIN:
            return None
    elif not all(units):
        if units != [False] * (len(doses) - 1) + [True]:
            return None  # "500/250mg/400IU" is no list this reads
        unit = re.sub(r"^[\d.\s]+", "", doses[-1])
        doses = [f"{d} {unit}" for d in doses[:-1]] + [doses[-1]]
    names = text[: found.start()]
    first = {
        column: _name_at(column, m)
        for column, pattern in NUTRIENT_PATTERNS
        if column in columns and (m := pattern.search(names)) is not None
    }
    others = {  # untracked supplements take their place in the list (``magnesium/zinc``)
        f"other {m.start()}": m.start()
        for pattern in (OTHER_SUPPLEMENTS, NAMED_SUPPLEMENTS)
        for m in pattern.finditer(names)
    }
    if len(first) != len(columns) or len(doses) != len(first) + len(others):
        return None
    ordered = sorted(first | others, key=(first | others).__getitem__)
    return {
        column: parse_quantity(dose)
        for column, dose in zip(ordered, doses, strict=True)
        if column in first
    }


#: What parts a list of doses (``1000mg ca, 400mg mg, 15mg zinc``).
_LISTED = re.compile(r"[,;+]|\band\b", re.I)


#: A nutrient's symbol alone beside its dose in a list, in any case (``1000mg ca``).
_SYMBOLS = {
    "ca": "calcium_mg",
    "cal": "calcium_mg",
    "mg": "magnesium_mg",
    "mag": "magnesium_mg",
    "k": "potassium_mg",
    "na": "sodium_mg",
}


def _doses_listed(
    inner: str, patterns: dict[str, re.Pattern[str]]
) -> dict[str, ParsedAmount] | None:
    """Each nutrient's dose when a list gives one dose and one name per item, a dose
    of a nutrient not tracked among them (``1000mg ca, 400mg mg, 15mg zinc``); None
    unless every nutrient of ``patterns`` has exactly one."""
    found: dict[str, ParsedAmount] = {}
    for piece in _LISTED.split(inner):
        doses = _DOSE.findall(piece)
        if not doses:
            continue
        if len(doses) > 1:
            return None
        named = _DOSE.sub(" ", piece)  # "1000mg ca": the unit is no magnesium
        symbol = _SYMBOLS.get(named.strip().lower())
        owners = (
            [symbol] if symbol in patterns else [c for c, p in patterns.items() if p.search(named)]
        )
        if len(owners) > 1 or (owners and owners[0] in found):
            return None
        if owners:
            found[owners[0]] = parse_quantity(doses[0])
    return found if set(found) == set(patterns) else None


#: A bracket of a line (``(1000mg Ca 400mg Mg)``).
_BRACKET = re.compile(r"\(([^()]*)\)")


def doses_in_brackets(text: str, columns: list[str]) -> dict[str, ParsedAmount] | None:
    """Each nutrient's dose when a bracket writes one dose beside each nutrient the
    line names (``cal/mag 2 tabs (1000mg Ca 400mg Mg)``): what the units taken hold
    together, as a label's serving states it; None when no bracket does.

    Examples
    --------
    >>> columns = ["magnesium_mg", "calcium_mg"]
    >>> found = doses_in_brackets("cal/mag 2 tabs (1000mg Ca 400mg Mg)", columns)
    >>> sorted((k, v.quantity, v.unit) for k, v in found.items())
    [('calcium_mg', 1000.0, 'mg'), ('magnesium_mg', 400.0, 'mg')]
    """
    patterns = {column: pattern for column, pattern in NUTRIENT_PATTERNS if column in columns}
    for found in _BRACKET.finditer(text):
        inner = found[1]
        listed = _doses_listed(inner, patterns) if len(columns) > 1 else None
        if listed is not None:
            return listed
        if len(columns) < 2 or any(p.search(inner) is None for p in patterns.values()):
            continue
        parts = doses_beside_names(inner, columns)
        if parts is None:
            continue
        owners = [[c for c, p in patterns.items() if p.search(part)] for part in parts]
        if all(len(o) == 1 for o in owners) and len({o[0] for o in owners}) == len(columns):
            return {o[0]: parse_quantity(part) for o, part in zip(owners, parts, strict=True)}
    return None
