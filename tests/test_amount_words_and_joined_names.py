"""Amounts and names written in ways read this round: the size of one container, a whole
container, a food on a counted food, words written apart that USDA joins, words only the
alias table knows, blocks, ``low fat`` and ``lowfat``, and ounces of a drink with no
volume portion."""

from __future__ import annotations

import pytest
from diary import entries_of_line

import nutrilog as nl
from nutrilog.portions import grams_for
from nutrilog.quantity import parse_quantity


@pytest.mark.parametrize(
    ("text", "food", "quantity", "unit"),
    [
        ("one 6oz cup skyr", "cup skyr", 6.0, "oz"),  # the container word stays a word
        ("a 20 oz bottle of gatorade", "bottle of gatorade", 20.0, "oz"),
        ("tomato soup, whole can", "tomato soup", 1.0, "can"),
        ("3 whole tins sardines", "sardines", 3.0, "tin"),
        ("whole milk", "whole milk", 1.0, None),  # whole names the milk here
    ],
)
def test_container_sizes_and_whole_containers(
    text: str, food: str, quantity: float, unit: str | None
) -> None:
    parsed = parse_quantity(text)
    assert (parsed.food, parsed.quantity, parsed.unit) == (food, quantity, unit)


def test_a_food_on_a_counted_food_is_two_foods(foods: nl.FoodTable) -> None:
    rows = entries_of_line(foods, "tuna on 3 saltines")
    assert len(rows) == 2
    crackers = rows.iloc[1]
    assert "saltine" in crackers["description"].lower()
    assert crackers["quantity"] == 3


def test_words_written_apart_that_usda_joins(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "1 cup straw berries").iloc[0]
    assert row["description"].startswith("Strawberries")


def test_a_misspelt_word_only_the_alias_table_holds(foods: nl.FoodTable) -> None:
    # "virgin" is in no USDA description, only in the alias "extra virgin olive oil"
    row = entries_of_line(foods, "2 tsp extra virgn olive oil").iloc[0]
    assert row["food_id"] == "sr28:04053"
    assert "virgn → virgin" in row["assumptions"]


def test_a_block_is_the_food_own_block(foods: nl.FoodTable) -> None:
    # SR28 firm tofu: 1/4 block = 81 g
    row = entries_of_line(foods, "half a block firm tofu").iloc[0]
    assert row["grams"] == pytest.approx(162.0)


@pytest.mark.parametrize("line", ["1 cup lowfat chocolate milk", "1 cup low fat chocolate milk"])
def test_low_fat_written_joined_or_apart(foods: nl.FoodTable, line: str) -> None:
    assert entries_of_line(foods, line).iloc[0]["food_id"] == "sr28:01104"


def test_ounces_of_a_drink_with_no_volume_portion(foods: nl.FoodTable) -> None:
    # SR28 reduced-sugar chocolate milk has no portions at all: a fluid ounce at 1 g/ml
    found = grams_for("sr28:01305", "oz", "mass", foods)
    assert found.grams == pytest.approx(29.5735, rel=1e-4)
    assert "density of water" in found.assumption
    # a food that is no drink keeps the ounce a mass
    assert grams_for("sr28:11457", "oz", "mass", foods).grams == pytest.approx(28.3495, rel=1e-4)


@pytest.mark.parametrize("line", ["1 bag potato chips", "bag of crisps"])
def test_a_bag_of_a_salty_snack_is_one_serving(foods: nl.FoodTable, line: str) -> None:
    # SR28 potato chips have only an 8 oz family bag (227 g): a diary's bag is one serving
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] == pytest.approx(28.0)
