"""Chains before a dish, pieces of strips, and diary names of brand items (issue 12).

Written from rules, with lines made up here: a restaurant chain named before a
breakfast sandwich is where it came from, so the sandwich stays one dish (a packaged
brand before ``with`` still makes two foods); a piece of a food USDA weighs by the
strip is a strip; a slice in Quebec French; and diary names of chain and packaged
items pointing at the food a dietitian would choose.
"""

from __future__ import annotations

import pytest
from diary import entries_of

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # FNDDS 32202010 Egg, cheese, and ham on English muffin
        ("dunkin ham egg & cheese english muffin", "fndds:32202010"),
        # FNDDS 32202080 Egg, cheese, and bacon on English muffin
        ("dunkin bacon, egg & cheese english muffin", "fndds:32202080"),
    ],
)
def test_a_chain_before_a_breakfast_sandwich_keeps_it_one_dish(
    line: str, food_id: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]


def test_a_packaged_brand_with_milk_is_still_two_foods(foods: FoodTable) -> None:
    rows = entries_of(["cheerios with milk"], foods)
    assert len(rows) == 2


def test_pieces_of_a_food_weighed_by_the_strip_are_strips(foods: FoodTable) -> None:
    # SR28 21418 POPEYES, Spicy Chicken Strips: 1 strip = 53 g
    rows = entries_of(["popeyes spicy tenders 4pc"], foods)
    assert rows["food_id"].tolist() == ["sr28:21418"]
    assert rows["grams"].iloc[0] == pytest.approx(212.0)


def test_a_pointe_is_a_slice(foods: FoodTable) -> None:
    rows = entries_of(["tourtière, 2 pointes"], foods)
    assert rows["food_id"].tolist() == ["fndds:27360050"]  # Meat pie, NFS
    assert rows["unit"].tolist() == ["slice"]


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("1 michelob ultra", "fndds:93102100"),  # Beer, low carb
        ("cheez-it 1 oz", "fndds:54304005"),  # Crackers, cheese (Cheez-It)
        ("3 pc tuna nigiri", "fndds:58151440"),  # Sushi, topped with tuna
        ("pad see ew", "fndds:58135110"),  # Chow fun noodles with meat and vegetables
        ("belvita 1 pack", "fndds:54103000"),  # Crackers, breakfast biscuit
        ("1 cup mac n chz", "fndds:58145110"),  # Macaroni or noodles with cheese
        ("1 glazed cruller", "sr28:18253"),  # Doughnuts, french crullers, glazed
    ],
)
def test_diary_names_of_brand_and_chain_items(line: str, food_id: str, foods: FoodTable) -> None:
    assert entries_of([line], foods)["food_id"].tolist() == [food_id]
