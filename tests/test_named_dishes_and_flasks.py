"""Dishes named by one word of their own, what went into a dish, and a thermos of a
drink (issue 12). Lines made up here; weights from the USDA portions named beside
them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable


def test_a_sausage_dog_is_the_sausage_on_a_bun(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "kielbasa dog")
    assert rows["food_id"].tolist() == ["fndds:25221310", "sr28:18350"]  # Polish sausage, bun
    assert "kielbasa dog \u2192 kielbasa on a bun" in rows.iloc[0]["assumptions"]


def test_coney_dogs_are_chili_dogs(foods: FoodTable) -> None:
    # FNDDS hot dog sandwich with chili, 166 g each: the plural is read too
    lands_on(foods, "2 coney dogs", "fndds:27564440", 2 * 166.0)


@pytest.mark.parametrize("how", ["cracked in", "stirred in", "mixed in"])
def test_how_a_food_went_into_the_dish_is_no_part_of_its_name(foods: FoodTable, how: str) -> None:
    rows = entries_of_line(foods, f"instant noodles w/ an egg {how}")
    assert len(rows) == 2 and rows["food_id"].notna().all(), rows[["food", "food_id"]]
    assert rows.iloc[1]["grams"] < 60  # one egg, not a plate of something else


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("a thermos of coffee", "sr28:14209", 16 * 29.6),  # 16 fl oz, SR28 1 fl oz 29.6 g
        ("thermos coffee 12oz", "sr28:14209", 12 * 29.6),  # the size written wins
    ],
)
def test_a_thermos_is_a_sixteen_ounce_flask(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("sausage egg n cheese croissant", "fndds:58127330"),
        ("ham, egg & cheese croissant", "fndds:58127310"),
    ],
)
def test_a_breakfast_croissant_is_the_sandwich(foods: FoodTable, line: str, food_id: str) -> None:
    # FNDDS croissant sandwiches, not a sausage, an egg and a cheese croissant
    rows = entries_of_line(foods, line)
    assert rows["food_id"].tolist() == [food_id]
