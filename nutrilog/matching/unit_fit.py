"""Fitting a match to the unit written: a food with no weight for it gives way.

When the entries' units are known, a food that has no weight for the unit written is
swapped for an alternate of the same text that has one, if there is one just as good:
a later row of the same curated alias (``1 medium french fries`` takes the fast-food
fries sold in small, medium and large orders), or a fuzzy candidate scoring within a
few points of the winner. Work is done once per distinct (text, unit, kind).

Examples
--------
>>> aligned_texts(["g", None], pd.RangeIndex(2)).tolist()
['g', '']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from nutrilog._vector import distinct_rows, per_unique
from nutrilog.matching.steps import MatchResult

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable
    from nutrilog.matching.index import FoodIndex

__all__ = ["aligned_texts", "fit_units"]

#: The default weight that is a guess from the food's group, not the food's own.
_GUESS = "group median"
#: A "medium" that falls back to one item lighter than this share of the food's usual
#: serving is one piece of many (a fry, a chip), not a medium serving.
_ONE_OF_MANY = 0.2
#: A volume weighed by another food the survey weighs (not the food's twin).
_NEIGHBOUR = "FNDDS neighbour"
#: Unit kinds whose grams never depend on the food.
_FOODLESS_KINDS = frozenset({"mass", "vague", "activity"})
#: Containers that say how the food was kept: a can of a food USDA weighs only cooked or
#: raw is its canned form (``1 can pink salmon``: the 411 g can of canned pink salmon,
#: not a weightless can of baked salmon). A ``tin`` is weighed by the vague amounts'
#: estimates whatever the food, so no canned form is looked for.
CONTAINER_FORMS = {"can": "canned"}


#: Volumes no one eats of a dried spice or herb: a food weighed by the sprinkle measured
#: in them is another food of its name (``1 cup peppers``: sweet peppers, not 110 g of
#: black pepper with 1,400 mg of potassium).
_SPICE_IMPLAUSIBLE = frozenset({"cup", "pint", "quart", "l"})


def _seasoning(food_id: str) -> bool:
    """Whether the food is a seasoning, weighed by the sprinkle when no amount is given."""
    from nutrilog.portions.defaults import default_table

    return default_table().get(food_id, (0.0, "", ""))[1] == "seasoning"


def _resolves(
    foods: FoodTable, position: int, index: FoodIndex, unit: str, kind: str, text: str
) -> bool:
    """Whether the food has a weight for ``unit``; for a bare count (``10 shrimp``), a
    weight of its own: a food group's median is no weight of one item."""
    from nutrilog.portions import grams_for
    from nutrilog.portions.kinds import PART_AS_DEFAULT

    if kind == "volume" and unit in _SPICE_IMPLAUSIBLE and _seasoning(str(index.ids[position])):
        return False  # "1 cup peppers": cups of a ground spice are no serving of it
    found = grams_for(
        str(index.ids[position]),
        unit or None,
        kind if kind not in ("", "bare") else None,
        foods,
        text,
    )
    if kind == "bare" and _GUESS in found.assumption:
        return False
    if unit in CONTAINER_FORMS and "estimated amount" in found.assumption:
        return False  # a tin's typical weight: a canned food with its own can is better
    if kind == "count" and PART_AS_DEFAULT in found.assumption:
        return False  # a slice as the default portion: an alternate weighing slices is better
    if kind == "volume" and _NEIGHBOUR in found.assumption:
        return False  # a neighbour's cup is an estimate: an alternate with its own is better
    if kind == "size" and found.assumption.startswith("size:"):
        return False  # a usual item scaled: an alternate with a portion of that size is better
    if kind == "size" and unit == "medium" and "medium" not in found.portion.lower():
        # "medium" read as one item: a medium order of fries is no single fry (2 g)
        from nutrilog.portions.defaults import default_table

        usual = default_table().get(str(index.ids[position]), (np.nan,))[0]
        if found.grams < _ONE_OF_MANY * usual:
            return False
    return bool(np.isfinite(found.grams))


def _fit_unit(
    result: MatchResult, foods: FoodTable, index: FoodIndex, unit: str, kind: str, text: str
) -> MatchResult:
    """Swap the food for an alternate that has a weight for ``unit`` when it has none."""
    if result.position is None or not result.alternates or kind in _FOODLESS_KINDS:
        return result
    if _resolves(foods, result.position, index, unit, kind, text):
        return result
    for pos, score in result.alternates:
        if _resolves(foods, pos, index, unit, kind, text):
            score = result.score if result.method == "alias" else score
            return MatchResult(
                pos, score, result.method, result.suggestions, assumptions=result.assumptions
            )
    return result


def _kept_form(
    result: MatchResult,
    foods: FoodTable,
    index: FoodIndex,
    unit: str,
    kind: str,
    key: str,
    rematch: Callable[[str], MatchResult],
) -> MatchResult:
    """The food of ``key`` read in the form its container says (``canned``), when the
    food matched has no weight for the container and that form's food has one."""
    form = CONTAINER_FORMS.get(unit)
    if (
        form is None
        or result.position is None
        or form in key.split()
        or _resolves(foods, result.position, index, unit, kind, key)
    ):
        return result
    kept = rematch(f"{form} {key}")
    if kept.position is None or not _resolves(foods, kept.position, index, unit, kind, key):
        return result
    return MatchResult(
        kept.position,
        kept.score,
        kept.method,
        kept.suggestions,
        assumptions=[*kept.assumptions, ("form", f"a {unit} of {key}: {form}")],
    )


def aligned_texts(values: pd.Series | Iterable[str | None] | None, index: pd.Index) -> pd.Series:
    """``values`` aligned to ``index`` as text: ``""`` where missing or not a string."""
    if values is None:
        return pd.Series("", index=index, dtype=object)
    if isinstance(values, pd.Series):
        out = values.reindex(index)
    else:
        out = pd.Series(list(values), index=index, dtype=object)
    return per_unique(out, lambda u: u.map(lambda v: v if isinstance(v, str) else ""))


def fit_units(
    keys: pd.Series,
    results: dict[str, MatchResult],
    row_index: pd.Index,
    units: pd.Series | Iterable[str | None] | None,
    unit_kinds: pd.Series | Iterable[str | None] | None,
    foods: FoodTable,
    index: FoodIndex,
    rematch: Callable[[str], MatchResult] | None = None,
) -> pd.Series:
    """Re-key rows whose food lacks their unit to a ``key + unit`` result with an alternate
    food, or (given ``rematch``, which matches one more key) with the food read in the
    form its container says (:data:`CONTAINER_FORMS`)."""
    keys = pd.Series(keys.to_numpy(), index=row_index, dtype=object)
    unit = aligned_texts(units, row_index)
    kind = aligned_texts(unit_kinds, row_index)
    kind = kind.mask((kind == "") & (unit == ""), "bare")
    has_alt = per_unique(
        keys,
        lambda ks: ks.map(
            lambda k: bool(results[k].alternates) and results[k].position is not None
        ),
    ).astype(bool)
    if rematch is not None:
        has_alt = has_alt | unit.isin(CONTAINER_FORMS.keys()).to_numpy()
    rows = np.flatnonzero(has_alt.to_numpy())
    codes, triples = distinct_rows(
        {"key": keys.iloc[rows], "unit": unit.iloc[rows], "kind": kind.iloc[rows]}
    )
    refitted = np.full(len(triples), None, dtype=object)  # the new key of each triple, if any
    for j, (key, u, k) in enumerate(
        zip(triples["key"], triples["unit"], triples["kind"], strict=True)
    ):
        fitted = _fit_unit(results[key], foods, index, u, k, key)
        if rematch is not None and fitted.position == results[key].position:
            fitted = _kept_form(fitted, foods, index, u, k, key, rematch)
        if fitted.position != results[key].position:
            refitted[j] = f"{key}\x00{u}\x00{k}"
            results[refitted[j]] = fitted
    new_keys = keys.to_numpy(dtype=object).copy()
    per_row = refitted[codes]
    changed = per_row != None  # noqa: E711 (element-wise test on an object array)
    new_keys[rows[changed]] = per_row[changed]  # by position: labels may repeat
    return pd.Series(new_keys, index=row_index, dtype=object)
