"""Dishes USDA lacks whose parts are plain foods, read as those parts (issue 12): the
synonym table's ``dish`` rows. Weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # SR28 white rice 1 cup 158 g; FNDDS beef patty; SR28 fried egg; FNDDS gravy
        ("loco moco", ["sr28:20045", "fndds:21500310", "sr28:01128", "fndds:28520010"]),
        # SR28 white rice and plain whole-milk yogurt
        ("curd rice", ["sr28:20045", "sr28:01116"]),
        ("thayir sadam", ["sr28:20045", "sr28:01116"]),
        # SR28 white bread, peanut butter, marshmallow cream topping
        ("fluffernutter", ["sr28:18069", "sr28:16098", "sr28:19365"]),
        # SR28 pita, FNDDS falafel, SR28 tahini
        ("falafel sandwich", ["sr28:18041", "fndds:41209000", "sr28:12166"]),
    ],
)
def test_a_dish_usda_lacks_is_its_parts(foods: FoodTable, line: str, parts: list[str]) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == parts, rows[["food_id", "description"]]
    assert rows["assumptions"].str.contains(f"synonym: {line} \u2192", regex=False).all()


def test_the_parts_keep_their_amounts(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "loco moco").set_index("food_id")
    assert rows.loc["sr28:20045", "grams"] == pytest.approx(158.0)  # SR28 rice, 1 cup


def test_poutine_stays_a_food_usda_lacks(foods: FoodTable) -> None:
    # labelled diaries disagree on poutine (two leave it unmatched): no parts are guessed
    rows = entries_of_line(foods, "poutine")
    assert rows["food_id"].isna().all()
