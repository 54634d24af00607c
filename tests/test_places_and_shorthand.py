"""Places said before the food, shorthand for double and extra, and an extra-large item
of a food USDA weighs up to large."""

from __future__ import annotations

import pytest
from diary import entries_of_line

import nutrilog as nl
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.portions.sizes import EXTRA_LARGE_OVER_LARGE


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("vending machine pretzels", "pretzels"),
        ("the food court lo mein", "lo mein"),
        ("petrol station sausage roll", "sausage roll"),
        ("gas station", "gas station"),  # nothing after it: left as written
    ],
)
def test_a_place_said_before_the_food(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


def test_a_place_before_the_food_in_the_whole_pipeline(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "truck stop banana").iloc[0]
    assert row["food_id"] == "sr28:09040"


@pytest.mark.parametrize(
    ("line", "word"), [("dbl cheeseburger", "Double cheeseburger"), ("xtra cheese pizza", "pizza")]
)
def test_shorthand_for_double_and_extra(foods: nl.FoodTable, line: str, word: str) -> None:
    assert word.lower() in entries_of_line(foods, line).iloc[0]["description"].lower()


def test_extra_large_is_the_large_portion_scaled(foods: nl.FoodTable) -> None:
    # FNDDS fast-food fries: large order 180 g, no extra large
    row = entries_of_line(foods, "xl fries").iloc[0]
    assert row["grams"] == pytest.approx(180.0 * EXTRA_LARGE_OVER_LARGE)
    assert "extra large" in row["assumptions"]
