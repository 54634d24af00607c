"""Foods that close a nutrient gap, in a usual household portion.

The package: :mod:`~nutrilog.suggestions.choosing` (which foods),
:mod:`~nutrilog.suggestions.measures` (which portion) and
:mod:`~nutrilog.suggestions.wording` (the lines and notes).

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
amount, or per 100 g. Only household measures are offered, the same the portion
rules choose among (:func:`nutrilog.portions.usable_portions`: no 0 g weight, no
FNDDS "Guideline amount").

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

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from nutrilog._checks import count_argument, food_table_argument, kind_argument
from nutrilog.explanations import Explanations, load_explanations
from nutrilog.suggestions.choosing import (
    ARTICLE_WEIGHT,
    EATEN_WEIGHT,
    GOOD_DENSITY,
    MIN_DENSITY,
    POTASSIUM,
    SMALL_GAP,
    SODIUM,
    SODIUM_OVER_ROOM,
    Person,
    breaks_limit,
    candidate_foods,
    check_columns,
    dense_enough,
    energy_density,
    evaluate,
    rank_score,
    safe_for_age,
)
from nutrilog.suggestions.measures import scale
from nutrilog.suggestions.wording import (
    NOTE_INFANT,
    NOTE_POTASSIUM,
    NOTE_SODIUM_LOW,
    SUGGESTION_COLUMNS,
    child_note,
    empty_frame,
    food_text,
    frame,
    note,
    reduce_note,
    small_gap_note,
)

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
        check_columns(name, mapping)
    count_argument("per_nutrient", per_nutrient, minimum=1)
    ex = explanations if explanations is not None else load_explanations()
    if age is not None and age < 1:
        return frame([note("", NOTE_INFANT)])
    person = Person.of(ex, age, sex, current or {}, targets or {}, limits or {})
    eaten = [i for i in dict.fromkeys(eaten_ids) if i in foods]
    rows: list[dict[str, object]] = []
    foods_offered = False
    for column, gap in gaps.items():
        if pd.isna(gap) or gap <= 0:
            continue
        if column == SODIUM:
            rows.append(note(column, NOTE_SODIUM_LOW))
            continue
        candidates = candidate_foods(column, ex, foods, eaten)
        if candidates.empty:
            continue
        picked = evaluate(candidates, column, float(gap), foods)
        picked = scale(picked, person.factor)
        # each rule judges a row on its own, so the rows failing any rule go in one step
        density = energy_density(picked, person)
        keep = (
            safe_for_age(picked, ex, person).to_numpy(dtype=bool)
            & ~breaks_limit(picked, foods, person, over_limit_allowance).to_numpy(dtype=bool)
            & dense_enough(picked, density).to_numpy(dtype=bool)
        )
        good = (density.isna() | (density >= GOOD_DENSITY)).to_numpy(dtype=bool)
        picked = picked.assign(_good=good)[keep]
        small = small_gap_note(column, float(gap), picked, person)
        if small is not None:
            rows.append(note(column, small))
            continue
        picked = picked[picked["covers"] >= min_cover]
        picked = picked.assign(_score=rank_score(picked)).sort_values(
            ["_score", "covers", "order"], ascending=[False, False, True], kind="stable"
        )
        chosen = picked.head(per_nutrient)
        if chosen.empty:
            continue
        foods_offered = True
        columns = ["nutrient", "name", "portion", "grams", "amount", "gap"]
        to_ai = column in set(below_ai)
        texts = [
            food_text(*values, to_ai=to_ai)
            for values in chosen[columns].itertuples(index=False, name=None)
        ]
        rows += [
            {**row, "text": text, "kind": "food"}
            for row, text in zip(
                chosen[SUGGESTION_COLUMNS[:-2]].to_dict("records"), texts, strict=True
            )
        ]
        if column == POTASSIUM:
            rows.append(note(column, NOTE_POTASSIUM))
    for column, names in (reduce or {}).items():
        rows.append(note(column, reduce_note(column, names, person)))
    if foods_offered and person.factor < 1:
        rows.insert(0, note("", child_note(person, ex)))
    return frame(rows) if rows else empty_frame()
