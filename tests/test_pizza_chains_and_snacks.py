"""Pizza chains written before their topping, and fruit snacks (issue 12). Lines made
up here; weights from the FNDDS portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable

PEPPERONI_PIZZA = "fndds:58106540"  # Pizza with pepperoni, from restaurant, NS crust


@pytest.mark.parametrize(
    "line",
    [
        "2 slices casey's pepperoni",
        "giordano's pepperoni 2 slices",
        "2 slices jet's pizza pepperoni",
    ],
)
def test_a_pizza_chains_topping_by_the_slice_is_its_pizza(foods: FoodTable, line: str) -> None:
    # two slices of a pepperoni pizza (FNDDS 124 g a slice), not two 2 g slices of pepperoni
    lands_on(foods, line, PEPPERONI_PIZZA, 2 * 124.0)
    assert "brand" in entries_of_line(foods, line).iloc[0]["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 pouches fruit snacks", "fndds:91708030", 2 * 26.0),  # FNDDS pouch 26 g
        ("mott's fruit snacks 1 pouch", "fndds:91708100", 26.0),  # sold with vitamin C added
    ],
)
def test_fruit_snacks_are_the_survey_foods_pouch(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)
