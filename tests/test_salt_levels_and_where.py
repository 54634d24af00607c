"""How much salt a food was made with, and where it was eaten said before it (issue
12). Lines made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 oats cooked with water, without salt: 1 cup 234 g
        ("1/2 cup oatmeal no salt", "sr28:08121", 117.0),
        ("1/2 cup oatmeal without salt", "sr28:08121", 117.0),
        # SR28 black beans, boiled, without salt: 1 cup 172 g
        ("1/2 cup no salt added black beans", "sr28:16015", 86.0),
        # SR28 peanuts, dry-roasted, with salt -> its twin without salt: 1 oz 28.35 g
        ("1 oz peanuts no salt", "sr28:16390", 28.35),
    ],
)
def test_a_salt_level_is_how_the_food_was_made(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id], rows[["food_id", "description"]]
    assert rows.iloc[0]["grams"] == pytest.approx(grams, rel=1e-3)
    assert "salt: " in rows.iloc[0]["assumptions"]


def test_a_food_named_low_in_salt_keeps_its_own_row(foods: FoodTable) -> None:
    # SR28 soy sauce, low sodium, is an alias of its own: no salt level is read
    rows = entries_of_line(foods, "1 tbsp low sodium soy sauce")
    assert "low sodium" in rows.iloc[0]["description"]
    assert "salt: " not in rows.iloc[0]["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS granola bar NFS: 1 bar 43 g
        ("on the 6 train - granola bar", "fndds:53712100", 43.0),
        # SR28 banana, medium 118 g (not the candy bar a "way" once found)
        ("on the way home - 1 banana", "sr28:09040", 118.0),
        # FNDDS breaded fried pork chop: 96 g each
        ("lunch box -> 2 breaded pork chops", "fndds:22101300", 192.0),
    ],
)
def test_where_it_was_eaten_is_no_part_of_the_food(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)
