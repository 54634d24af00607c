"""A spoon of a food, cocoa made with milk, and what a food was eaten from (issue 12).
Lines made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable
from nutrilog.quantity import parse_quantity


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("a spoon of marmalade", "sr28:19303", 20.0),  # SR28 marmalade, 1 tbsp 20 g
        ("2 spoons of almond butter", "sr28:12195", 2 * 16.0),  # SR28 almond butter, 1 tbsp 16 g
        # a spoon of sugar is a teaspoon, as in "2 sugars"
        ("a spoon of sugar", "sr28:19335", 4.2),  # SR28 granulated sugar, 1 tsp 4.2 g
        ("3 spoons sugar", "sr28:19335", 3 * 4.2),
    ],
)
def test_a_spoon_is_a_spoonful(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)
    assert "estimated amount" in entries_of_line(foods, line).iloc[0]["assumptions"]


def test_spoon_opening_a_food_name_is_no_measure() -> None:
    said = parse_quantity("spoon bread")
    assert said.unit is None and said.food == "spoon bread"


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("hot chocolate w/ milk", 248.0),  # FNDDS hot chocolate, ready to drink, 1 cup
        ("big mug of cocoa with milk", 372.0),  # FNDDS "1 mug (12 fl oz)"
    ],
)
def test_cocoa_with_milk_is_the_drink_made_with_it(
    foods: FoodTable, line: str, grams: float
) -> None:
    # the ready-to-drink cocoa is made with milk: no second cup of milk beside it
    lands_on(foods, line, "fndds:11512010", grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("spoonful of nutella straight from the jar", "sr28:19125", 18.5),  # SR28, 1 tbsp
        ("a spoon of peanut butter out of the jar", "sr28:16098", 16.0),
    ],
)
def test_what_a_food_was_eaten_from_is_no_part_of_it(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)
