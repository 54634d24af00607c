"""Which portion an item without an amount weighs (issue 12): one medium item when the
text names it in the singular and FNDDS' "Quantity not specified" is a few of them, the
maker's own row when the text names the maker, and a regular slice, not a thin one.
Lines made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS tamale with chicken: medium 128 g; "Quantity not specified" 256 g is two
        ("chicken tamale", "fndds:58103130", 128.0),
        # FNDDS chocolate chip cookie: medium cookie 30 g; "Quantity not specified" 60 g
        ("choc chip cookie", "fndds:53206000", 30.0),
    ],
)
def test_one_item_named_in_the_singular_is_one_medium_item(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id]
    assert rows.iloc[0]["grams"] == pytest.approx(grams)
    assert "default portion: one " in rows.iloc[0]["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS cooked shrimp: "Quantity not specified" 57 g is a serving, not 11 shrimp
        ("shrimp", "fndds:26319110", 57.0),
        # FNDDS cheese pizza: "Quantity not specified" 238 g, not one "piece, medium"
        ("pizza", "fndds:58106210", 238.0),
    ],
)
def test_a_food_eaten_by_the_serving_keeps_its_usual_weight(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_the_maker_named_picks_the_makers_row(foods: FoodTable) -> None:
    # FNDDS croissant sandwich with bacon, egg and cheese: "Dunkin' Donuts sandwich" 180 g
    lands_on(foods, "dunkin bacon egg & cheese croissant", "fndds:58127350", 180.0)
    # without the maker: "Quantity not specified" 131 g
    lands_on(foods, "bacon egg & cheese croissant", "fndds:58127350", 131.0)


def test_a_food_word_that_opens_a_makers_name_names_no_maker(foods: FoodTable) -> None:
    # "taco" opens "Taco Bell taco salad" (420 g) but is the salad's own word
    rows = entries_of_line(foods, "taco salad")
    assert rows.iloc[0]["grams"] != pytest.approx(420.0)


@pytest.mark.parametrize("line", ["2 slices pineapple", "2 slices fresh pineapple"])
def test_a_slice_is_a_regular_slice_not_a_thin_one(foods: FoodTable, line: str) -> None:
    # SR28 pineapple, raw: slice (3-1/2" dia x 3/4" thick) 84 g; thin slice 56 g
    lands_on(foods, line, "sr28:09266", 168.0)


def test_a_thin_slice_said_stays_thin(foods: FoodTable) -> None:
    lands_on(foods, "2 thin slices pineapple", "sr28:09266", 112.0)


@pytest.mark.parametrize(("line", "grams"), [("1 plantain", 225.0), ("2 plantains", 450.0)])
def test_a_count_of_whole_items_borrows_the_neighbours_whole_item(
    foods: FoodTable, line: str, grams: float
) -> None:
    # SR28 plantains, cooked, is weighed by the cup only; FNDDS plantain cooked with oil
    # weighs one whole plantain 225 g (not its 85 g serving)
    lands_on(foods, line, "sr28:09278", grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 pasta, cooked: 1 cup spaghetti 124 g (no noodle soup)
        ("1 cup spaghetti noodles", "sr28:20121", 124.0),
        # FNDDS beef steak, broiled or baked: 6 oz (carne asada is grilled steak)
        ("6oz carne asada", "fndds:21101110", 6 * 28.349523125),
        # FNDDS ground beef patty, cooked (the patty of a hamburger)
        ("4oz hamburger patty", "fndds:21500310", 4 * 28.349523125),
    ],
)
def test_everyday_names_land_on_the_food_they_mean(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)
