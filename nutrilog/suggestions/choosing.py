"""Which foods a suggestion offers for one gap: candidates, limits, safety, ranking.

The rules are the package docstring's "Which foods", "Sodium, potassium and age"
and "Limits"; each is one function of the frame of candidates.

Examples
--------
>>> from nutrilog.explanations import load_explanations
>>> from nutrilog.foods import load_foods
>>> candidate_foods("magnesium_mg", load_explanations(), load_foods(), [])["food_id"].iloc[0]
'sr28:12014'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from nutrilog._checks import kind_argument
from nutrilog.errors import ArgumentError
from nutrilog.explanations import Explanations
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.suggestions.measures import portions_for

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = [
    "EATEN_WEIGHT",
    "ARTICLE_WEIGHT",
    "MIN_DENSITY",
    "GOOD_DENSITY",
    "SMALL_GAP",
    "SODIUM_OVER_ROOM",
    "SODIUM",
    "POTASSIUM",
    "ENERGY",
    "Person",
    "candidate_foods",
    "evaluate",
    "safe_for_age",
    "breaks_limit",
    "energy_density",
    "dense_enough",
    "rank_score",
    "check_columns",
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

SODIUM = "sodium_mg"
POTASSIUM = "potassium_mg"
ENERGY = "energy_kcal"


@dataclass(frozen=True)
class Person:
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
    ) -> Person:
        factor = 1.0
        if age is not None and sex is not None and ex.portion_scale is not None:
            factor = ex.portion_scale.factor(age, sex)
        energy = current.get(ENERGY, math.nan)
        energy = float(energy) if energy is not None and not pd.isna(energy) else math.nan
        return cls(age, factor, energy, current, targets, limits)

    def now(self, column: str) -> float:
        value = self.current.get(column, 0.0)
        return 0.0 if value is None or pd.isna(value) else float(value)


def check_columns(name: str, mapping: Mapping[str, float]) -> None:
    kind_argument(name, mapping, Mapping, "a mapping keyed by nutrient column")
    unknown = sorted(set(mapping) - set(NUTRIENT_COLUMNS))
    if unknown:
        raise ArgumentError(
            f"{name}: unknown nutrient column(s) {unknown}; expected some of {NUTRIENT_COLUMNS}"
        )


def candidate_foods(
    column: str, ex: Explanations, foods: FoodTable, eaten: list[str]
) -> pd.DataFrame:
    curated = [s for s in ex.suggestions(column) if s.id in foods]
    seen = {s.id for s in curated}
    others = [i for i in eaten if i not in seen]
    ids = [s.id for s in curated] + others
    eaten_set = set(eaten)
    order = np.arange(len(ids))
    return pd.DataFrame(
        {
            "food_id": pd.Series(ids, dtype=object),
            "name": pd.Series([s.name for s in curated] + [None] * len(others), dtype=object),
            "prefer": pd.Series([s.portion for s in curated] + [None] * len(others), dtype=object),
            "article_food": np.array(
                [bool(s.named_in) for s in curated] + [False] * len(others), dtype=bool
            ),
            "eaten": np.array([i in eaten_set for i in ids], dtype=bool),
            "order": order,
            "order_curated": order < len(curated),
        }
    )


def evaluate(
    candidates: pd.DataFrame,
    column: str,
    gap: float,
    foods: FoodTable,
) -> pd.DataFrame:
    """The candidates in their portions: grams, the nutrient they bring, the share of
    the gap and their energy; foods with none of the nutrient (or unknown) are dropped."""
    keys = list(zip(candidates["food_id"], candidates["prefer"], strict=True))
    chosen = portions_for(foods, keys)
    at = _positions(foods, candidates["food_id"])
    grams = np.array([grams for _, grams in chosen], dtype="float64")
    description = foods.foods["description"].take(at).to_numpy(dtype=object)
    name = candidates["name"].to_numpy(dtype=object)
    named = np.array([isinstance(n, str) for n in name], dtype=bool)
    amount = _values(foods, column, at) * grams / 100.0
    columns = {name: candidates[name].to_numpy() for name in candidates.columns}
    columns.update(
        nutrient=np.full(len(at), column, dtype=object),
        portion=np.array([label for label, _ in chosen], dtype=object),
        grams=grams,
        description=description,
        name=np.where(named, name, description),
        amount=amount,
        gap=np.full(len(at), gap),
        covers=amount / gap,
        _kcal=_values(foods, ENERGY, at) * grams / 100.0,
        _at=at,
    )
    keep = ~np.isnan(amount) & (amount > 0)
    return pd.DataFrame({name: values[keep] for name, values in columns.items()})


def _positions(foods: FoodTable, ids: pd.Series) -> np.ndarray:
    """The table positions of foods of the table (the table's kept id look-up)."""
    position = foods.id_lookup.position
    return np.array([position[i] for i in ids], dtype=np.intp)


def _values(foods: FoodTable, column: str, at: np.ndarray) -> np.ndarray:
    """A nutrient's values per 100 g of the foods at table positions ``at``."""
    return foods.nutrients[column].to_numpy(dtype="float64", na_value=np.nan)[at]


def safe_for_age(picked: pd.DataFrame, ex: Explanations, person: Person) -> pd.Series:
    """False for choking hazards when the person is under the hazards' age, and for
    drinks never suggested at that age (caffeine under 18, alcohol at any age)."""
    hazards = ex.choking_hazards
    young = hazards is not None and person.age is not None and person.age < hazards.under_years
    return pd.Series(
        [
            not (
                (young and (ex.is_choking_hazard(str(d)) or ex.is_choking_hazard(str(n))))
                or ex.is_unsuitable_drink(str(d), person.age)
                or ex.is_unsuitable_drink(str(n), person.age)
            )
            for d, n in zip(picked["description"], picked["name"], strict=True)
        ],
        index=picked.index,
    )


def energy_density(picked: pd.DataFrame, person: Person) -> pd.Series:
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


def dense_enough(picked: pd.DataFrame, density: pd.Series) -> pd.Series:
    """Curated foods need :data:`MIN_DENSITY`, foods only eaten :data:`GOOD_DENSITY`;
    where the density is unknown every food stays."""
    need = np.where(picked["order_curated"], MIN_DENSITY, GOOD_DENSITY)
    return density.isna() | (density >= need)


def rank_score(picked: pd.DataFrame) -> pd.Series:
    """Share of the gap covered (capped at 1), favouring good sources already eaten and
    foods the articles name."""
    favoured = picked["eaten"] & picked["_good"]
    weight = np.where(favoured, EATEN_WEIGHT, 1.0) * np.where(
        picked["article_food"], ARTICLE_WEIGHT, 1.0
    )
    return picked["covers"].clip(upper=1.0) * weight


def breaks_limit(
    picked: pd.DataFrame, foods: FoodTable, person: Person, allowance: float
) -> pd.Series:
    """True where a portion breaks a limit (the module docstring's rules)."""
    breaks = pd.Series(False, index=picked.index)
    for column, limit in person.limits.items():
        if limit is None or pd.isna(limit) or picked.empty:
            continue
        at = picked["_at"].to_numpy() if "_at" in picked else _positions(foods, picked["food_id"])
        per_100g = _values(foods, column, at)
        added = np.nan_to_num(per_100g * picked["grams"].to_numpy(dtype="float64") / 100.0, nan=0.0)
        now = person.now(column)
        if column == SODIUM:
            breaks |= _too_salty(picked, added, now, float(limit), person)
        elif now > limit:
            breaks |= added > allowance * limit
        else:
            breaks |= now + added > limit
    return breaks


def _too_salty(
    picked: pd.DataFrame, added: np.ndarray, now: float, limit: float, person: Person
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
