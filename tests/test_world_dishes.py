"""Everyday names of dishes from many cuisines land on the USDA food of that dish, and
dishes USDA lacks are left unmatched with the reason (issue 12, ninth round)."""

from __future__ import annotations

import pytest
from diary import entries_of_line

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("ful medames", "sr28:16053"),  # Broadbeans (fava beans), cooked
        ("2 pierogi", "fndds:58121610"),  # Dumpling, potato- or cheese-filled
        ("beef bulgogi 1 cup", "fndds:27115000"),  # Beef with soy-based sauce
        ("ropa vieja 1 cup", "fndds:27418110"),  # Seasoned shredded soup meat
    ],
)
def test_dishes_of_other_cuisines_land_on_their_usda_food(
    foods: FoodTable, line: str, food_id: str
) -> None:
    entries = entries_of_line(foods, line)
    assert entries["food_id"].tolist() == [food_id]
    assert entries["grams"].notna().all()


@pytest.mark.parametrize("line", ["1 bowl egusi soup", "ogbono soup", "2 pieces mafe"])
def test_dishes_usda_lacks_stay_unmatched_with_the_reason(foods: FoodTable, line: str) -> None:
    entries = entries_of_line(foods, line)
    assert entries["food_id"].isna().all()
    assert entries["assumptions"].str.contains("not in USDA").all()
