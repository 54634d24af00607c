"""Foods that close a nutrient gap, in a usual household portion.

:func:`suggest_foods` takes the average shortfall of each nutrient and offers, for
each, a few concrete foods from the food table with the amount one ordinary
portion provides and the share of the gap it covers.

Which foods
-----------
The candidates for a nutrient are the curated ``suggestion_foods`` of the
explanations file (foods the two articles name, mapped to USDA SR28 ids, plus a
few rich, ordinary sources) and every food the person already eats
(``eaten_ids``). A candidate is kept when one portion covers at least
``min_cover`` of the gap, does not break a limit (see below), is safe for the
person's age (see below) and is not a poor source for its energy: when the
person's mean energy intake is known (``current["energy_kcal"]``), a curated
food must bring at least as large a share of the nutrient's target as of the
day's energy (:data:`MIN_DENSITY`), and a food already eaten at least twice as
large (:data:`GOOD_DENSITY`), so a cup of maple syrup is never offered for
calcium nor fast-food fries for potassium. The kept foods are ranked by the share
of the gap one portion covers, capped at the whole gap, times
:data:`EATEN_WEIGHT` (1.5) for a food already eaten and :data:`ARTICLE_WEIGHT`
(1.25) for a food the articles name; ties go to the larger uncapped share, then
to the curated order.

A gap that is small (at most :data:`SMALL_GAP` of the target) or that one
portion of a good source the person already eats closes gets no list: one note
says that one more ordinary portion of a usual food closes it.

Sodium, potassium and age
-------------------------
* Sodium is never suggested: logged sodium below its AI almost always means salt
  that was not logged, and a note says so. Above the CDRR a note names the foods
  that gave the most sodium (``reduce``) and how to cut down.
* Whenever potassium-rich foods are suggested, a note says that the potassium AI
  does not apply to people with kidney disease or on medicines that raise blood
  potassium.
* Under 12 months (``age < 1``) no food is suggested; a note says to ask the
  paediatrician. Under 4 years no choking hazard (nuts, seeds, popcorn, whole
  grapes, hot dogs, hard sweets, raw hard vegetables: the explanations file's
  ``choking_hazards``) is offered. Every child's portion is scaled to the DRI
  age group (the explanations file's ``portion_scale``: half a portion for ages
  1-8, three quarters for 9-13), and a note says so.

Suggestions and notes come in one frame: ``kind`` is ``"food"`` or ``"note"``; a
note with an empty ``nutrient`` concerns every suggestion.

Which portion
-------------
A curated food uses the measure the explanations file names for it (``portion``:
the first of the food's portions whose description, or ``"<amount> <description>"``
label, starts with that text): 1 oz for nuts, seeds, cheese and chocolate, 3 oz
for fish and meat, 1 cup for milk, yogurt, juice, cooked greens and beans, 1 medium
for fruit and vegetables, 1 large egg. Any other food: when it has an FNDDS
"Quantity not specified" portion (the amount typically eaten in one go), the
household measure whose weight is closest to it (a medium drumstick, 1 oz of
almonds, 1 cup of smoothie); otherwise the first of its portions whose unit is,
in this order, ``oz``, ``medium``, ``large``, ``cup``; then an "NLEA serving";
then its first listed portion. A food with no other portion is shown per typical
amount, or per 100 g. Portions weighing 0 g are never used.

Limits
------
``limits`` maps a nutrient column to an upper limit (a UL that applies to food,
the sodium CDRR) and ``current`` to the person's mean daily intake.

* A UL: a food is skipped when its portion would take an intake that is within
  the limit above it (``current + amount > limit``); when the mean is already
  above the limit, when its portion adds more than ``over_limit_allowance`` ×
  limit (5 % by default). Pass only limits that apply to food: the magnesium UL
  covers supplements alone.
* The sodium CDRR: a food's sodium is judged against what it brings. It is kept
  when its share of the CDRR is no larger than the share of the nutrient's
  target it brings (``targets``; the gap where no target is given) and its
  sodium fits the room left under the CDRR; when it does not fit (or the person
  is already above), its share of the CDRR must be under a quarter of that
  (:data:`SODIUM_OVER_ROOM`). So milk and salmon stay for a child near the CDRR
  while salty snacks go.

Missing ``current`` values count as 0; a food whose value for a limited nutrient
is unknown (NaN) is not held back by that limit.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> table = suggest_foods({"magnesium_mg": 90.0}, load_foods(), per_nutrient=1)
>>> table.loc[0, "food_id"], table.loc[0, "portion"], float(table.loc[0, "grams"])
('sr28:12014', '1 oz', 28.35)
>>> print(table.loc[0, "text"])
pumpkin seeds, 1 oz (28 g) ≈ 168 mg magnesium: covers your average gap of 90 mg
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from nutrilog._checks import count_argument, food_table_argument, kind_argument
from nutrilog.errors import ArgumentError
from nutrilog.explanations import Explanations, load_explanations
from nutrilog.nutrients import NUTRIENT_COLUMNS, nutrient

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = [
    "SUGGESTION_COLUMNS",
    "EATEN_WEIGHT",
    "ARTICLE_WEIGHT",
    "MIN_DENSITY",
    "GOOD_DENSITY",
    "SMALL_GAP",
    "SODIUM_OVER_ROOM",
    "suggest_foods",
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

#: Ranking weight of a food the person already eats.
EATEN_WEIGHT = 1.5
#: Ranking weight of a food the articles name for the nutrient.
ARTICLE_WEIGHT = 1.25
#: Least ratio of a portion's share of the nutrient's target to its share of the day's
#: energy for a curated food to be offered ...
MIN_DENSITY = 1.0
#: ... and for a food the person already eats to be offered and favoured.
GOOD_DENSITY = 2.0
#: Share of the target at or below which a gap gets no list of foods.
SMALL_GAP = 0.10
#: When a portion's sodium does not fit under the CDRR, its share of the CDRR must be
#: at most this share of the share of the target it brings.
SODIUM_OVER_ROOM = 0.25

_SODIUM = "sodium_mg"
_POTASSIUM = "potassium_mg"
_ENERGY = "energy_kcal"

_NOTE_INFANT = (
    "Under 12 months: nutrilog suggests no foods. Ask the paediatrician or health visitor "
    "about feeding; a food log cannot show what a baby needs."
)
_NOTE_SODIUM_LOW = (
    "No salty foods are suggested. Logged sodium is almost always below real intake, because "
    "salt added in cooking, at the table and in many prepared foods is rarely logged: sodium "
    "below the AI in a food log most likely means unlogged salt, not too little sodium."
)
_NOTE_POTASSIUM = (
    "The potassium AI does not apply to people whose kidneys clear potassium poorly, as in "
    "kidney disease, or who take medicines that raise blood potassium, such as ACE "
    "inhibitors, angiotensin receptor blockers (ARBs) or potassium-sparing diuretics "
    "(NASEM 2019). Ask a doctor before eating more potassium-rich food in those cases."
)

_UNIT_PREFERENCE = ("oz", "medium", "large", "cup")
_TYPICAL = "Quantity not specified"


def suggest_foods(
    gaps: Mapping[str, float],
    foods: FoodTable,
    *,
    eaten_ids: Iterable[str] = (),
    limits: Mapping[str, float] | None = None,
    current: Mapping[str, float] | None = None,
    targets: Mapping[str, float] | None = None,
    age: float | None = None,
    sex: str | None = None,
    reduce: Mapping[str, Sequence[str]] | None = None,
    below_ai: Iterable[str] = (),
    per_nutrient: int = 3,
    min_cover: float = 0.25,
    over_limit_allowance: float = 0.05,
    explanations: Explanations | None = None,
) -> pd.DataFrame:
    """Suggest foods whose usual portion closes (part of) each nutrient gap.

    Parameters
    ----------
    gaps : mapping of str to float
        Nutrient column (``magnesium_mg``...) -> average daily shortfall, in the
        column's unit. Gaps that are not positive (or NaN) are ignored. A sodium gap
        gets a note, never foods.
    foods : FoodTable
        The food table (:func:`nutrilog.foods.load_foods`).
    eaten_ids : iterable of str, optional
        Ids of foods the person already eats; they are candidates for every gap
        and, when good sources, come first. Ids missing from ``foods`` are ignored.
    limits : mapping of str to float, optional
        Nutrient column -> upper limit (e.g. ``{"sodium_mg": 2300}``).
    current : mapping of str to float, optional
        Nutrient column -> the person's mean daily intake (``energy_kcal`` too: it
        sets how much energy a portion may bring for what it gives).
    targets : mapping of str to float, optional
        Nutrient column -> the person's target (RDA or AI), for the small-gap rule and
        the sodium judgement.
    age, sex : optional
        The person, for the age rules (no foods under 1 year, no choking hazards under
        4) and children's portions.
    reduce : mapping of str to sequence of str, optional
        Nutrient column above its limit -> the foods that gave the most of it; a note
        says how to cut down (used for sodium above the CDRR).
    below_ai : iterable of str, optional
        Nutrient columns whose gap is the distance to an AI, not a shortfall: the texts
        say "below the AI" rather than "gap".
    per_nutrient : int, default 3
        Most suggestions per nutrient.
    min_cover : float, default 0.25
        Smallest share of the gap one portion must cover.
    over_limit_allowance : float, default 0.05
        Share of a UL a portion may add when the intake is already above it.
    explanations : Explanations, optional
        Source of the curated foods and the age rules; the bundled file by default.

    Returns
    -------
    pandas.DataFrame
        One row per suggestion or note, columns :data:`SUGGESTION_COLUMNS`:
        ``nutrient`` (column name; empty for a note about every suggestion),
        ``food_id``, ``description`` (as in the table), ``name`` (short name),
        ``portion`` (e.g. ``"1 oz"``, ``"half of 1 cup"``), ``grams``, ``amount``
        (nutrient in the portion), ``gap``, ``covers`` (amount / gap, may exceed 1),
        ``eaten``, ``article_food`` (named by an article), ``text`` and ``kind``
        (``"food"`` or ``"note"``; a note has no food).

    Raises
    ------
    ValueError
        If a key of ``gaps``, ``limits``, ``current``, ``targets`` or ``reduce`` is not
        a nutrient column, or ``per_nutrient`` is not positive.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> out = suggest_foods({"calcium_mg": 300.0}, load_foods(), per_nutrient=2)
    >>> out["food_id"].tolist()
    ['sr28:16426', 'sr28:01117']
    >>> baby = suggest_foods({"calcium_mg": 100.0}, load_foods(), age=0.75)
    >>> baby["kind"].tolist(), baby["text"].iloc[0][:30]
    (['note'], 'Under 12 months: nutrilog sugg')
    """
    kind_argument("gaps", gaps, Mapping, "a mapping of nutrient column to gap")
    food_table_argument(foods)
    for name, mapping in (
        ("gaps", gaps),
        ("limits", limits or {}),
        ("current", current or {}),
        ("targets", targets or {}),
        ("reduce", reduce or {}),
    ):
        _check_columns(name, mapping)
    count_argument("per_nutrient", per_nutrient, minimum=1)
    ex = explanations if explanations is not None else load_explanations()
    if age is not None and age < 1:
        return _frame([_note("", _NOTE_INFANT)])
    person = _Person.of(ex, age, sex, current or {}, targets or {}, limits or {})
    eaten = [i for i in dict.fromkeys(eaten_ids) if i in foods]
    rows: list[dict[str, object]] = []
    foods_offered = False
    portions: dict[tuple[str, object], tuple[str, float]] = {}
    for column, gap in gaps.items():
        if pd.isna(gap) or gap <= 0:
            continue
        if column == _SODIUM:
            rows.append(_note(column, _NOTE_SODIUM_LOW))
            continue
        candidates = _candidates(column, ex, foods, eaten)
        if candidates.empty:
            continue
        picked = _evaluate(candidates, column, float(gap), foods, portions)
        picked = _scale(picked, person.factor)
        picked = picked[_safe_for_age(picked, ex, person)]
        picked = picked[~_breaks_limit(picked, foods, person, over_limit_allowance)]
        density = _density(picked, person)
        picked = picked.assign(_good=density.isna() | (density >= GOOD_DENSITY))
        picked = picked[_dense_enough(picked, density)]
        small = _small_gap(column, float(gap), picked, person)
        if small is not None:
            rows.append(_note(column, small))
            continue
        picked = picked[picked["covers"] >= min_cover]
        picked = picked.assign(_score=_score(picked)).sort_values(
            ["_score", "covers", "order"], ascending=[False, False, True], kind="stable"
        )
        chosen = picked.head(per_nutrient)
        if chosen.empty:
            continue
        foods_offered = True
        columns = ["nutrient", "name", "portion", "grams", "amount", "gap"]
        to_ai = column in set(below_ai)
        texts = [
            _text(*values, to_ai=to_ai)
            for values in chosen[columns].itertuples(index=False, name=None)
        ]
        rows += [
            {**row, "text": text, "kind": "food"}
            for row, text in zip(
                chosen[SUGGESTION_COLUMNS[:-2]].to_dict("records"), texts, strict=True
            )
        ]
        if column == _POTASSIUM:
            rows.append(_note(column, _NOTE_POTASSIUM))
    for column, names in (reduce or {}).items():
        rows.append(_note(column, _reduce_text(column, names, person)))
    if foods_offered and person.factor < 1:
        rows.insert(0, _note("", _child_note(person, ex)))
    return _frame(rows) if rows else _empty()


@dataclass(frozen=True)
class _Person:
    """What the rules need to know of the person."""

    age: float | None
    factor: float  # share of an adult portion
    energy: float  # mean daily energy, NaN when unknown
    current: Mapping[str, float]
    targets: Mapping[str, float]
    limits: Mapping[str, float]

    @classmethod
    def of(
        cls,
        ex: Explanations,
        age: float | None,
        sex: str | None,
        current: Mapping[str, float],
        targets: Mapping[str, float],
        limits: Mapping[str, float],
    ) -> _Person:
        factor = 1.0
        if age is not None and sex is not None and ex.portion_scale is not None:
            factor = ex.portion_scale.factor(age, sex)
        energy = current.get(_ENERGY, math.nan)
        energy = float(energy) if energy is not None and not pd.isna(energy) else math.nan
        return cls(age, factor, energy, current, targets, limits)

    def now(self, column: str) -> float:
        value = self.current.get(column, 0.0)
        return 0.0 if value is None or pd.isna(value) else float(value)


def _note(column: str, text: str) -> dict[str, object]:
    return {"nutrient": column, "text": text, "kind": "note", "eaten": False, "article_food": False}


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    out = pd.DataFrame(rows).reindex(columns=SUGGESTION_COLUMNS)
    for c in ("grams", "amount", "gap", "covers"):
        out[c] = out[c].astype("float64")
    for c in ("eaten", "article_food"):
        out[c] = out[c].fillna(False).astype("bool")
    return out.reset_index(drop=True)


def _scale(picked: pd.DataFrame, factor: float) -> pd.DataFrame:
    """A child's share of each portion (unchanged for adults)."""
    if factor >= 1 or picked.empty:
        return picked
    return picked.assign(
        portion=[_scaled_label(label, factor) for label in picked["portion"]],
        grams=picked["grams"] * factor,
        amount=picked["amount"] * factor,
        covers=picked["covers"] * factor,
        _kcal=picked["_kcal"] * factor,
    )


_LEADING_AMOUNT = re.compile(r"^(\d+ \d+/\d+|\d+/\d+|\d+(?:\.\d+)?)\s+(.*)$")


def _scaled_label(label: str, factor: float) -> str:
    """A portion label for a share of it: ``"1 cup"`` x 0.5 -> ``"1/2 cup"``, ``"1/2 cup"``
    x 0.5 -> ``"1/4 cup"``; a label without a leading amount -> ``"half of <label>"``.
    Bracketed details (``"(8 fl oz)"``) describe the whole portion and are dropped.

    Examples
    --------
    >>> _scaled_label("3 oz", 0.5), _scaled_label("1/2 cup", 0.5), _scaled_label("100 g", 0.75)
    ('1 1/2 oz', '1/4 cup', '75 g')
    >>> _scaled_label("NLEA serving", 0.5)
    'half of NLEA serving'
    """
    label = re.sub(r"\s*\([^)]*\)", "", label)  # "(8 fl oz)" no longer holds
    match = _LEADING_AMOUNT.match(label)
    if not match:
        return f"{_share_words(factor)} {label}"
    amount = sum(Fraction(part) for part in match.group(1).split())
    return f"{_amount_text(float(amount * Fraction(factor).limit_denominator(8)))} {match.group(2)}"


def _share_words(factor: float) -> str:
    return {0.25: "a quarter of", 0.5: "half of", 0.75: "three quarters of"}.get(
        factor, f"{factor:g} of"
    )


def _safe_for_age(picked: pd.DataFrame, ex: Explanations, person: _Person) -> pd.Series:
    """False for choking hazards when the person is under the hazards' age."""
    hazards = ex.choking_hazards
    if hazards is None or person.age is None or person.age >= hazards.under_years:
        return pd.Series(True, index=picked.index)
    return pd.Series(
        [
            not (ex.is_choking_hazard(str(d)) or ex.is_choking_hazard(str(n)))
            for d, n in zip(picked["description"], picked["name"], strict=True)
        ],
        index=picked.index,
    )


def _density(picked: pd.DataFrame, person: _Person) -> pd.Series:
    """Share of the nutrient's target a portion brings over its share of the day's energy
    (inf for a food without energy; NaN when the target or the energy is unknown)."""
    out = pd.Series(np.nan, index=picked.index)
    if picked.empty or not (person.energy > 0):
        return out
    column = str(picked["nutrient"].iloc[0])
    target = person.targets.get(column, math.nan)
    if target is None or pd.isna(target) or target <= 0:
        return out
    kcal = picked["_kcal"].to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (picked["amount"].to_numpy(dtype="float64") / target) / (kcal / person.energy)
    return pd.Series(ratio, index=picked.index)


def _dense_enough(picked: pd.DataFrame, density: pd.Series) -> pd.Series:
    """Curated foods need :data:`MIN_DENSITY`, foods only eaten :data:`GOOD_DENSITY`;
    where the density is unknown every food stays."""
    need = np.where(picked["order_curated"], MIN_DENSITY, GOOD_DENSITY)
    return density.isna() | (density >= need)


def _small_gap(column: str, gap: float, picked: pd.DataFrame, person: _Person) -> str | None:
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


def _reduce_text(column: str, names: Sequence[str], person: _Person) -> str:
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


def _child_note(person: _Person, ex: Explanations) -> str:
    share = _share_words(person.factor).removesuffix(" of")
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


def _check_columns(name: str, mapping: Mapping[str, float]) -> None:
    kind_argument(name, mapping, Mapping, "a mapping keyed by nutrient column")
    unknown = sorted(set(mapping) - set(NUTRIENT_COLUMNS))
    if unknown:
        raise ArgumentError(
            f"{name}: unknown nutrient column(s) {unknown}; expected some of {NUTRIENT_COLUMNS}"
        )


def _candidates(column: str, ex: Explanations, foods: FoodTable, eaten: list[str]) -> pd.DataFrame:
    curated = [s for s in ex.suggestions(column) if s.id in foods]
    rows = [
        {"food_id": s.id, "name": s.name, "prefer": s.portion, "article_food": bool(s.named_in)}
        for s in curated
    ]
    seen = {s.id for s in curated}
    rows += [
        {"food_id": i, "name": None, "prefer": None, "article_food": False}
        for i in eaten
        if i not in seen
    ]
    frame = pd.DataFrame(rows, columns=["food_id", "name", "prefer", "article_food"])
    frame["eaten"] = frame["food_id"].isin(eaten)
    frame["order"] = np.arange(len(frame))
    frame["order_curated"] = frame["order"] < len(curated)
    return frame


def _evaluate(
    candidates: pd.DataFrame,
    column: str,
    gap: float,
    foods: FoodTable,
    cache: dict[tuple[str, object], tuple[str, float]],
) -> pd.DataFrame:
    keys = list(zip(candidates["food_id"], candidates["prefer"], strict=True))
    shared = foods.usual_portions
    plain = [k for k in keys if not (isinstance(k[1], str) and k[1]) and k not in shared]
    if plain:
        shared.update(
            ((fid, None), pick)
            for fid, pick in _pick_usual_portions(foods, [f for f, _ in plain]).items()
        )
    for key in keys:
        if isinstance(key[1], str) and key[1]:
            if key not in cache:
                cache[key] = shared.get(key) or _pick_portion(foods, *key)
                shared[key] = cache[key]
        else:
            cache[key] = shared[(key[0], None)]
    chosen = [cache[key] for key in keys]
    out = candidates.copy()
    out["nutrient"] = column
    out["portion"] = [label for label, _ in chosen]
    out["grams"] = [grams for _, grams in chosen]
    out["description"] = foods.foods["description"].reindex(out["food_id"]).to_numpy()
    out["name"] = out["name"].fillna(out["description"])
    per_100g = foods.nutrients[column].reindex(out["food_id"]).to_numpy(dtype="float64")
    out["amount"] = per_100g * out["grams"].to_numpy(dtype="float64") / 100.0
    out["gap"] = gap
    out["covers"] = out["amount"] / gap
    kcal = foods.nutrients[_ENERGY].reindex(out["food_id"]).to_numpy(dtype="float64")
    out["_kcal"] = kcal * out["grams"].to_numpy(dtype="float64") / 100.0
    return out[out["amount"].notna() & (out["amount"] > 0)]


def _score(picked: pd.DataFrame) -> pd.Series:
    """Share of the gap covered (capped at 1), favouring good sources already eaten and
    foods the articles name."""
    favoured = picked["eaten"] & picked["_good"]
    weight = np.where(favoured, EATEN_WEIGHT, 1.0) * np.where(
        picked["article_food"], ARTICLE_WEIGHT, 1.0
    )
    return picked["covers"].clip(upper=1.0) * weight


def _breaks_limit(
    picked: pd.DataFrame, foods: FoodTable, person: _Person, allowance: float
) -> pd.Series:
    """True where a portion breaks a limit (the module docstring's rules)."""
    breaks = pd.Series(False, index=picked.index)
    for column, limit in person.limits.items():
        if limit is None or pd.isna(limit) or picked.empty:
            continue
        per_100g = foods.nutrients[column].reindex(picked["food_id"]).to_numpy(dtype="float64")
        added = np.nan_to_num(per_100g * picked["grams"].to_numpy(dtype="float64") / 100.0, nan=0.0)
        now = person.now(column)
        if column == _SODIUM:
            breaks |= _too_salty(picked, added, now, float(limit), person)
        elif now > limit:
            breaks |= added > allowance * limit
        else:
            breaks |= now + added > limit
    return breaks


def _too_salty(
    picked: pd.DataFrame, added: np.ndarray, now: float, limit: float, person: _Person
) -> pd.Series:
    """A portion's share of the sodium limit against the share of the nutrient's target it
    brings: at most that share when its sodium fits the room left under the limit, at
    most :data:`SODIUM_OVER_ROOM` of it when it does not."""
    column = str(picked["nutrient"].iloc[0])
    gap = picked["gap"].to_numpy(dtype="float64")
    target = person.targets.get(column, math.nan)
    base = target if target is not None and not pd.isna(target) and target > 0 else gap
    brings = np.minimum(picked["amount"].to_numpy(dtype="float64"), gap) / base
    allowed = np.where(now + added <= limit, brings, SODIUM_OVER_ROOM * brings)
    return pd.Series(added / limit > allowed, index=picked.index)


def _pick_usual_portions(foods: FoodTable, ids: list[str]) -> dict[str, tuple[str, float]]:
    """Usual portion of many foods at once, by the rules of :func:`_pick_portion` with no preference.

    One pass over the portion table: the portion closest to the FNDDS "Quantity
    not specified" weight where there is one, else the first of
    :data:`_UNIT_PREFERENCE`, else an NLEA serving, else the first portion listed.
    """
    table = foods.portion_table
    sub = table[table["id"].isin(ids) & table["grams"].notna() & (table["grams"] > 0)]
    typical = sub["description"].eq(_TYPICAL)
    usual = sub[typical].groupby("id")["grams"].first()
    rest = sub[~typical].copy()
    rest["_dist"] = (rest["grams"] - rest["id"].map(usual)).abs()
    rank = {u: i for i, u in enumerate(_UNIT_PREFERENCE)}
    rest["_unit"] = rest["unit"].map(rank).fillna(len(rank))
    rest["_nlea"] = ~rest["description"].astype(str).str.startswith("NLEA serving")
    rest["_pos"] = rest.groupby("id").cumcount()
    rest = rest.sort_values(
        ["id", "_dist", "_unit", "_nlea", "_pos"], na_position="last", kind="stable"
    )
    first = rest.groupby("id", sort=False).head(1)
    picks = {
        fid: (f"{_amount_text(a)} {d}", float(g))
        for fid, a, d, g in zip(
            first["id"], first["amount"], first["description"], first["grams"], strict=True
        )
    }
    for fid in ids:
        if fid not in picks:
            grams = usual.get(fid)
            picks[fid] = ("100 g", 100.0) if grams is None else (f"{grams:g} g", float(grams))
    return picks


def _pick_portion(foods: FoodTable, food_id: str, prefer: object) -> tuple[str, float]:
    table = foods.portions(food_id)
    table = table[table["grams"].notna() & (table["grams"] > 0)].reset_index(drop=True)
    typical = table["description"] == _TYPICAL
    usual = table["grams"][typical].iloc[0] if typical.any() else None
    table = table[~typical].reset_index(drop=True)
    if table.empty:
        return ("100 g", 100.0) if usual is None else (f"{usual:g} g", float(usual))
    labels = [
        f"{_amount_text(a)} {d}" for a, d in zip(table["amount"], table["description"], strict=True)
    ]
    row = None
    if isinstance(prefer, str) and prefer:
        hits = [
            i
            for i, (d, label) in enumerate(zip(table["description"], labels, strict=True))
            if d.startswith(prefer) or label.startswith(prefer)
        ]
        row = hits[0] if hits else None
    if row is None and usual is not None:
        row = int((table["grams"] - usual).abs().to_numpy().argmin())
    if row is None:
        units = table["unit"].tolist()
        row = next((units.index(u) for u in _UNIT_PREFERENCE if u in units), None)
    if row is None:
        nlea = table["description"].str.startswith("NLEA serving").to_numpy()
        row = int(nlea.argmax()) if nlea.any() else 0
    return labels[row], float(table["grams"].iloc[row])


def _amount_text(amount: float) -> str:
    frac = Fraction(float(amount)).limit_denominator(8)
    if abs(float(frac) - amount) > 1e-6:
        return f"{amount:g}"
    whole, rest = divmod(frac, 1)
    if rest == 0:
        return str(whole)
    return f"{rest}" if whole == 0 else f"{whole} {rest}"


def _number(value: float) -> str:
    if value >= 10:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2g}"


def _text(
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


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in SUGGESTION_COLUMNS})
    for c in ("grams", "amount", "gap", "covers"):
        frame[c] = frame[c].astype("float64")
    for c in ("eaten", "article_food"):
        frame[c] = frame[c].astype("bool")
    return frame
