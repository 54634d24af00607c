"""What a suggestion says: the food lines, the notes and the frame they come in.

Examples
--------
>>> print(food_text("magnesium_mg", "pumpkin seeds", "1 oz", 28.35, 168.0, 90.0))
pumpkin seeds, 1 oz (28 g) ≈ 168 mg magnesium: covers your average gap of 90 mg
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from nutrilog.explanations import Explanations
from nutrilog.nutrients import nutrient
from nutrilog.suggestions.choosing import SMALL_GAP, Person
from nutrilog.suggestions.measures import share_words

__all__ = [
    "SUGGESTION_COLUMNS",
    "NOTE_INFANT",
    "NOTE_SODIUM_LOW",
    "NOTE_POTASSIUM",
    "note",
    "frame",
    "empty_frame",
    "small_gap_note",
    "reduce_note",
    "child_note",
    "food_text",
]

#: Columns of the frame :func:`suggest_foods` returns.
SUGGESTION_COLUMNS: list[str] = [
    "nutrient",
    "food_id",
    "description",
    "name",
    "portion",
    "grams",
    "amount",
    "gap",
    "covers",
    "eaten",
    "article_food",
    "text",
    "kind",
]

NOTE_INFANT = (
    "Under 12 months: nutrilog suggests no foods. Ask the paediatrician or health visitor "
    "about feeding; a food log cannot show what a baby needs."
)


NOTE_SODIUM_LOW = (
    "No salty foods are suggested. Logged sodium is almost always below real intake, because "
    "salt added in cooking, at the table and in many prepared foods is rarely logged: sodium "
    "below the AI in a food log most likely means unlogged salt, not too little sodium."
)


NOTE_POTASSIUM = (
    "The potassium AI does not apply to people whose kidneys clear potassium poorly, as in "
    "kidney disease, or who take medicines that raise blood potassium, such as ACE "
    "inhibitors, angiotensin receptor blockers (ARBs) or potassium-sparing diuretics "
    "(NASEM 2019). Ask a doctor before eating more potassium-rich food in those cases."
)


def note(column: str, text: str) -> dict[str, object]:
    return {"nutrient": column, "text": text, "kind": "note", "eaten": False, "article_food": False}


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The rows as a frame of :data:`SUGGESTION_COLUMNS` (numbers as floats, flags as
    bools; a column a row lacks is missing there), built in one step."""
    numbers = {"grams", "amount", "gap", "covers"}
    flags = {"eaten", "article_food"}
    columns: dict[str, object] = {}
    for c in SUGGESTION_COLUMNS:
        values = [row.get(c) for row in rows]
        if c not in flags and not any(c in row for row in rows):
            columns[c] = np.full(len(rows), np.nan)  # as pandas fills a column no row has
        elif c in numbers:
            columns[c] = np.array([np.nan if v is None else v for v in values], dtype="float64")
        elif c in flags:
            columns[c] = np.array([v is not None and v == v and bool(v) for v in values])
        else:
            columns[c] = values
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))


def empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in SUGGESTION_COLUMNS})
    for c in ("grams", "amount", "gap", "covers"):
        frame[c] = frame[c].astype("float64")
    for c in ("eaten", "article_food"):
        frame[c] = frame[c].astype("bool")
    return frame


def small_gap_note(column: str, gap: float, picked: pd.DataFrame, person: Person) -> str | None:
    """The note for a gap too small for a list, or None."""
    unit, label = _unit_label(column)
    target = person.targets.get(column, math.nan)
    usual = picked[picked["eaten"] & picked["_good"] & (picked["covers"] >= 1)]
    tiny = target is not None and not pd.isna(target) and gap <= SMALL_GAP * target
    if usual.empty and not tiny:
        return None
    text = f"Your average gap of {_number(gap)} {unit} {label} is small"
    if tiny:
        text += f" (at most {SMALL_GAP:.0%} of the target)"
    if usual.empty:
        return text + ": one more ordinary portion of a food you usually eat closes it."
    best = usual.sort_values("order").iloc[0]  # the food eaten most often
    short = re.sub(r"\s*\([^)]*\)", "", str(best["portion"]))
    return (
        text + ": one more portion of a food you already eat closes it, for example "
        f"{best['name']}, {short} ({best['grams']:.0f} g) ≈ {_number(best['amount'])} {unit}."
    )


def reduce_note(column: str, names: Sequence[str], person: Person) -> str:
    unit, label = _unit_label(column)
    mean, limit = person.now(column), person.limits.get(column, math.nan)
    top = [str(n) for n in names if str(n).strip()][:3]
    foods = f" The foods that gave you the most {label} were {_join(top)}." if top else ""
    return (
        f"Your {label} averages {_number(mean)} {unit}/day, above the Chronic Disease Risk "
        f"Reduction intake of {_number(limit)} {unit} (a level to come down to for lower "
        f"chronic-disease risk, not a toxicity limit).{foods} Smaller portions or "
        "lower-sodium versions of those, and less salt in cooking and at the table, would "
        "bring it down."
    )


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def child_note(person: Person, ex: Explanations) -> str:
    share = share_words(person.factor).removesuffix(" of")
    text = f"Portions are child-sized: {share} an adult portion for this age group."
    hazards = ex.choking_hazards
    if hazards is not None and person.age is not None and person.age < hazards.under_years:
        names = _join([h.name for h in hazards.foods])
        text += (
            f" Under {hazards.under_years:g} years, foods a child can choke on are never "
            f"suggested ({names}); cut food into small, soft pieces."
        )
    return text


def _unit_label(column: str) -> tuple[str, str]:
    n = nutrient(column)
    return n.symbol, n.in_text


def _number(value: float) -> str:
    if value >= 10:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2g}"


def food_text(
    column: str,
    name: str,
    portion: str,
    grams: float,
    amount: float,
    gap: float,
    to_ai: bool = False,
) -> str:
    unit, label = _unit_label(column)
    short = re.sub(r"\s*\([^)]*\)", "", portion)
    gap_text = (
        f"the {_number(gap)} {unit} a day you are below the AI"
        if to_ai
        else f"your average gap of {_number(gap)} {unit}"
    )
    covers = amount / gap
    share = f"covers {gap_text}" if covers >= 1 else f"covers {covers:.0%} of {gap_text}"
    return f"{name}, {short} ({grams:.0f} g) ≈ {_number(amount)} {unit} {label}: {share}"
