"""Amounts written the way people say them (issue 12), with lines made up here.

``a cup and a half of rice`` is 1.5 cups (it had been one cup of an unknown food
called "and a half of rice"); a half that names what follows (``2 eggs and a half
avocado``) is another food; ``a slice of watermelon`` is USDA's wedge; ``a splash of
milk in tea`` is tea and a splash of milk, not a chai made with milk.
"""

from __future__ import annotations

import pytest
from diary import entries_of

from nutrilog.foods import FoodTable
from nutrilog.quantity import parse_quantity


@pytest.mark.parametrize(
    ("text", "food", "quantity", "unit"),
    [
        ("a cup and a half of rice", "rice", 1.5, "cup"),
        ("a tablespoon and a half of honey", "honey", 1.5, "tbsp"),
        ("2 cups and a half of milk", "milk", 2.5, "cup"),
        ("a banana and a half", "banana", 1.5, None),
        ("an apple and a quarter", "apple", 1.25, None),
    ],
)
def test_a_fraction_after_the_unit_or_noun_adds_to_the_amount(
    text: str, food: str, quantity: float, unit: str | None
) -> None:
    parsed = parse_quantity(text)
    assert (parsed.food, parsed.quantity, parsed.unit) == (food, pytest.approx(quantity), unit)


def test_a_half_that_names_the_next_food_is_another_food(foods: FoodTable) -> None:
    rows = entries_of(["2 eggs and a half avocado"], foods)
    assert len(rows) == 2
    assert "avocado" in str(rows.iloc[1]["description"]).lower()


def test_a_slice_of_a_melon_is_its_wedge(foods: FoodTable) -> None:
    row = entries_of(["a slice of watermelon"], foods).iloc[0]
    assert "wedge" in str(row["portion"])
    assert row["grams"] == pytest.approx(286.0)  # SR28 09326: 1 wedge (1/16 of melon)


@pytest.mark.parametrize(
    ("line", "added", "base"),
    [
        ("a splash of milk in tea", "milk", "tea"),
        ("1 tsp sugar in my coffee", "sugar", "coffee"),
        ("honey in my porridge", "honey", "oats"),
    ],
)
def test_what_is_put_in_a_drink_or_cereal_is_its_own_food(
    line: str, added: str, base: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    descriptions = [str(d).lower() for d in rows["description"]]
    assert len(rows) == 2, descriptions
    assert added in descriptions[0] and base in descriptions[1]
    assert "chai" not in " ".join(descriptions)


@pytest.mark.parametrize(
    ("text", "food", "quantity"),
    [
        ("3 musketeers bar", "3 musketeers bar", 1.0),
        ("2 3 musketeers", "3 musketeers", 2.0),
        ("1 packet of 2 minute noodles", "2 minute noodles", 1.0),
        ("2 slices 12 grain bread", "12 grain bread", 2.0),
        ("seven layer dip", "seven layer dip", 1.0),
        ("3 eggs", "eggs", 3.0),  # no name: the number is the amount
        ("1 sugar", "sugar", 1.0),  # a number before a food of its own is its amount
    ],
)
def test_a_number_that_begins_a_food_name_is_no_amount(
    text: str, food: str, quantity: float
) -> None:
    parsed = parse_quantity(text)
    assert (parsed.food, parsed.quantity) == (food, quantity)


@pytest.mark.parametrize(("line", "grams"), [("grande latte", 480.0), ("venti latte", 600.0)])
def test_coffee_shop_cup_names_are_sizes(line: str, grams: float, foods: FoodTable) -> None:
    # FNDDS 92101900 Coffee, Latte: medium 480 g (16 fl oz), large 600 g (20 fl oz)
    assert entries_of([line], foods).iloc[0]["grams"] == pytest.approx(grams)
