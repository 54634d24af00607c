"""A size USDA does not weigh a food in is its usual item scaled (issue 12).

Lines made up here: ``1 lg dill pickle`` and ``a small brownie`` had no weight at all,
because the food has no ``large`` or ``small`` portion. The usual item is scaled by
the median large/medium and small/medium ratios of USDA's own portions, and the entry
says so; a food that has the size keeps its own portion.
"""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.assumptions import parse_assumptions
from nutrilog.foods import FoodTable
from nutrilog.portions import grams_for


def _row(line: str, foods: FoodTable) -> pd.Series:
    log = nl.parse_entries([line], date="2026-11-20")
    analysis = nl.analyze(log, nl.Profile(age=40, sex="male"), foods=foods, min_day_kcal=0)
    return analysis.entries.iloc[0]


def test_a_large_item_of_a_food_without_one_is_its_usual_item_times_one_and_a_half(
    foods: FoodTable,
) -> None:
    row = _row("1 large dill pickle", foods)
    usual = grams_for(str(row["food_id"]), None, None, foods, "dill pickle").grams
    assert row["grams"] == pytest.approx(1.5 * usual)
    assert "size" in dict(parse_assumptions(row["assumptions"]))


def test_a_small_and_a_large_item_of_one_food_keep_their_order(foods: FoodTable) -> None:
    # a small spear and a large one of the same pickle: the small one weighs less
    small = _row("1 small dill pickle spear", foods)
    large = _row("1 large dill pickle spear", foods)
    assert small["food_id"] == large["food_id"]
    assert 0 < small["grams"] < large["grams"]


def test_a_small_item_of_a_food_sr28_weighs_only_large_is_scaled_from_the_twins_item(
    foods: FoodTable,
) -> None:
    # SR28 brownies weigh only a large square (56 g); the FNDDS twin's brownie of no size
    # (50 g) is the item a size scales: a small one is two thirds of it
    row = _row("1 small brownie", foods)
    assert row["grams"] == pytest.approx(50.0 * 2 / 3)
    assert 15 <= row["grams"] <= 45


def test_a_food_with_the_size_keeps_its_own_portion(foods: FoodTable) -> None:
    row = _row("1 large pear", foods)
    assert "large" in str(row["portion"]) and "x" not in str(row["portion"])
    assert "size" not in dict(parse_assumptions(row["assumptions"]))


def test_a_portion_with_a_decimal_volume_is_read_whole(foods: FoodTable) -> None:
    # SR28 14154 RED BULL: "can 8.4 fl oz" = 258 g; the volume had been read as 4 fl oz,
    # so a fluid ounce weighed 64.5 g
    row = _row("8 fl oz red bull", foods)
    assert row["grams"] == pytest.approx(8 * 258.0 / 8.4)


@pytest.mark.parametrize(
    ("line", "grams"),
    [("red bull", 258.0), ("5 hour energy", 1.93 * 30.0)],  # 8.4 fl oz can; 1.93 fl oz shot
)
def test_a_drink_named_by_its_product_is_its_usual_can_or_shot(
    line: str, grams: float, foods: FoodTable
) -> None:
    assert _row(line, foods)["grams"] == pytest.approx(grams, rel=0.01)


def test_a_can_without_a_size_is_the_can_fndds_weighs_its_usual_amount_by(
    foods: FoodTable,
) -> None:
    # FNDDS 95310400 Energy drink (Monster): can (8.3 fl oz) 257 g listed first, can or
    # bottle (16 fl oz) 496 g = its "Quantity not specified"
    row = _row("1 can monster energy", foods)
    assert row["grams"] == pytest.approx(496.0)
