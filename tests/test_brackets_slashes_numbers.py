"""Brackets, slashes, numbered names, word order, mixing liquids and Hindi names
(issue 12, eighth round).

Written from rules, with lines made up here.
"""

from __future__ import annotations

import pytest
from diary import entries_of

from nutrilog.foods import FoodTable
from nutrilog.quantity import parse_quantity

# --------------------------------------------------------------------------- brackets


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("snickers (vending)", "Candies, MARS SNACKFOOD US, SNICKERS Bar"),
        ("1 banana (from the market)", "Bananas, raw"),
    ],
)
def test_words_in_brackets_no_food_has_are_left_aside(
    line: str, described: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["description"].tolist() == [described]


# --------------------------------------------------------------------------- lists


def test_a_slash_between_spaces_separates_foods(foods: FoodTable) -> None:
    rows = entries_of(["salmon 120g / 1 cup brown rice / 1 cup spinach"], foods)
    assert len(rows) == 3
    assert rows["grams"].iloc[0] == pytest.approx(120.0)


def test_a_container_holds_the_foods_listed(foods: FoodTable) -> None:
    rows = entries_of(["meal prep container: 1 cup rice, 1 cup black beans"], foods)
    assert rows["food_id"].tolist() == ["sr28:20045", "sr28:16015"]


# --------------------------------------------------------------------------- numbers


def test_a_numbered_name_opening_another_food_is_no_count() -> None:
    parsed = parse_quantity("2 seven layer burritos")
    assert (parsed.food, parsed.quantity) == ("seven layer burritos", 2.0)
    parsed = parse_quantity("chili's 7 layer nachos")
    assert (parsed.quantity, parsed.unit_kind) == (1.0, "default")


def test_a_fat_share_is_not_a_numbered_name() -> None:
    parsed = parse_quantity("3 greek yogurts")
    assert (parsed.food, parsed.quantity) == ("greek yogurts", 3.0)


def test_a_lean_share_is_no_amount(foods: FoodTable) -> None:
    parsed = parse_quantity("93/7 ground turkey 5 oz")
    assert (parsed.food, parsed.quantity, parsed.unit) == ("93/7 ground turkey", 5.0, "oz")
    rows = entries_of(["80/20 ground beef 4 oz"], foods)
    # SR28 23575: ground beef, 80% lean, crumbles; 4 oz = 113.4 g
    assert rows["food_id"].tolist() == ["sr28:23575"]
    assert rows["grams"].iloc[0] == pytest.approx(4 * 28.349523125)


# --------------------------------------------------------------------------- word order


def test_words_before_the_food_may_come_in_any_order(foods: FoodTable) -> None:
    rows = entries_of(["ginger lemon tea"], foods)
    assert rows["food_id"].tolist() == entries_of(["lemon ginger tea"], foods)["food_id"].tolist()
    assert rows["match_method"].tolist() == ["alias"]


def test_the_food_named_keeps_its_place(foods: FoodTable) -> None:
    # "milk chocolate" is no "chocolate milk": the last word is the food named
    rows = entries_of(["milk chocolate"], foods)
    assert rows["description"].iloc[0].startswith("Candies, milk chocolate")


# --------------------------------------------------------------------------- supplements


def test_the_liquid_a_supplement_is_mixed_in_is_no_dose(foods: FoodTable) -> None:
    # the supplement table's LMNT row: per stick 1000 mg sodium, 200 K, 60 Mg
    rows = entries_of(["1 lmnt stick in 16 oz water"], foods)
    got = rows[["sodium_mg", "potassium_mg", "magnesium_mg"]].iloc[0].tolist()
    assert got == pytest.approx([1000.0, 200.0, 60.0])


def test_tuna_in_water_stays_a_food(foods: FoodTable) -> None:
    rows = entries_of(["tuna in water"], foods)
    assert rows["kind"].tolist() == ["food"]
    assert "canned in water" in rows["description"].iloc[0]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("gobi sabzi 1 cup", "Cauliflower, cooked"),
        ("1 cup palak", "Spinach"),
        ("2 atta chapati", "Bread, chappatti or roti, wheat"),
        ("a glass of white", "Alcoholic beverage, wine, table, white"),
    ],
)
def test_everyday_names(line: str, described: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert rows["description"].iloc[0].startswith(described)


def test_water_a_powder_is_mixed_in_is_no_food_of_the_line(foods: FoodTable) -> None:
    rows = entries_of(["1 scoop whey with 250ml water"], foods)
    assert len(rows) == 1
    assert rows["description"].iloc[0] == "Beverages, Protein powder whey based"
