"""Carrots or cabbage beside a hot main, and a place said with ``@`` before the food
(issue 12). Lines made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 carrots, cooked, boiled, drained: 1/2 cup 78 g (no amount: a side)
        ("meatloaf, mash and carrots", "sr28:11125", 78.0),
        # SR28 cabbage, cooked, boiled, drained: 1/2 cup shredded 75 g, so 1 cup 150 g
        ("pork chop w/ 1 cup cabbage", "sr28:11110", 150.0),
        ("oxtail stew, rice n cabbage", "sr28:11110", 75.0),
    ],
)
def test_a_plain_vegetable_beside_a_hot_main_is_cooked(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    rows = entries_of_line(foods, line)
    side = rows[rows["food_id"] == food_id]
    assert len(side) == 1, rows[["food_id", "description", "grams"]]
    assert side.iloc[0]["grams"] == pytest.approx(grams)
    assert "cooked (" in side.iloc[0]["assumptions"]


@pytest.mark.parametrize(
    "line",
    [
        "carrots and ranch",  # a dip: a snack of raw sticks
        "chicken salad w/ carrots",  # a salad
    ],
)
def test_carrots_beside_a_dip_or_in_a_salad_stay_raw(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert "sr28:11124" in set(rows["food_id"])  # SR28 carrots, raw
    assert "sr28:11125" not in set(rows["food_id"])


def test_a_vegetable_named_in_a_dish_is_left_to_the_dish(foods: FoodTable) -> None:
    # FNDDS Hawaiian-style pork and vegetables stays one dish, its cabbage not a side
    rows = entries_of_line(foods, "kalua pig & cabbage w/ rice")
    assert "fndds:27420110" in set(rows["food_id"])
    assert not rows["assumptions"].astype(str).str.contains("cooked (", regex=False).any()


def test_one_carrot_alone_stays_raw(foods: FoodTable) -> None:
    lands_on(foods, "1 cup carrots", "sr28:11124", 128.0)  # SR28 carrots, raw, 1 cup chopped


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("@ the office - 2 boiled eggs", 100.0),  # SR28 hard-boiled egg, large 50 g
        ("@home: 2 boiled eggs", 100.0),
    ],
)
def test_a_place_after_an_at_sign_opens_the_line(foods: FoodTable, line: str, grams: float) -> None:
    lands_on(foods, line, "sr28:01129", grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("1/2 cup beetroot, sliced", "sr28:11081", 85.0),  # SR28 boiled beets, 1/2 cup slices
        ("raw beets 1 cup", "sr28:11080", 136.0),  # SR28 raw beets, 1 cup
        ("1 cup yellow squash", "sr28:11468", 180.0),  # SR28 crookneck, cooked, 1 cup slices
    ],
)
def test_beets_and_summer_squash_are_cooked_unless_said_raw(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_filling_read_by_its_kind_never_lands_on_a_dish_without_it(foods: FoodTable) -> None:
    # "goat stew" read as "meat stew" must not become "Vegetable stew without meat"
    row = entries_of_line(foods, "goat stew").iloc[0]
    assert row["food_id"] != "fndds:75439010"
    # the kind still reads a filling where the dish has it (FNDDS calzone with meat)
    sausage = entries_of_line(foods, "sausage calzone").iloc[0]
    assert "with meat" in sausage["description"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a label of several words after "after": when it was eaten, no food
        ("after mowing the back lawn -> 1 banana", "sr28:09040", 118.0),  # SR28 banana, medium
        ("3 figs off the tree", "sr28:09089", 3 * 50.0),  # SR28 figs, medium 50 g
        ("white rice, prob 2 cups", "sr28:20045", 2 * 158.0),  # a hedged amount after a comma
    ],
)
def test_when_where_and_hedges_around_a_food(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_bone_density_scan_is_a_note() -> None:
    reasons = rejected_reasons("DEXA scan, T-score -1.8")
    assert len(reasons) == 1 and "(measurement:" in reasons.iloc[0]


@pytest.mark.parametrize(
    "line", ["meatloaf w/ mashed potatoes and gravy", "pork roast, mashed potatoes & gravy"]
)
def test_mashed_potatoes_and_gravy_beside_a_main_are_two_foods(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    ids = list(rows["food_id"])
    assert "fndds:71501000" in ids  # FNDDS mashed potato, NFS
    assert "fndds:28520010" in ids  # FNDDS gravy, NFS
    assert "fndds:71501006" not in ids  # not the fast-food side of mash with gravy


def test_mashed_potatoes_and_gravy_alone_stay_the_side_dish(foods: FoodTable) -> None:
    # FNDDS mashed potato from fast food, with gravy
    rows = entries_of_line(foods, "mashed potatoes and gravy")
    assert list(rows["food_id"]) == ["fndds:71501006"]
