"""Words run together around a respelt word or a cut of meat, ``mini`` as a size,
footlong subs, clams by their New England names, a whole chicken leg, wheat bread as
USDA names it, and notes in brackets after an amount of food.

The lines are made up here; the grams are the USDA rows named beside them
(``datasets/portions.csv``, built from SR28 WEIGHT and the FNDDS portions workbook).
"""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable

#: FNDDS "Lobster bisque", the food ``basque`` is one letter from.
_BISQUE = "fndds:28355250"
#: FNDDS "Beef steak, broiled or baked, NS as to fat eaten".
_BEEF_STEAK = "fndds:21101110"


@pytest.mark.parametrize("line", ["1 link basque sausage", "3oz basque ham"])
def test_a_respelt_word_before_a_food_is_no_food_of_its_own(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 1, rows[["food_id", "grams"]]
    assert _BISQUE not in set(rows["food_id"].dropna())


def test_a_misspelt_food_after_another_is_still_its_own(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "2 eggs bakon")
    assert len(rows) == 2
    assert "spelling: bakon → bacon" in rows.iloc[1]["assumptions"]


@pytest.mark.parametrize("line", ["8 oz bison steak", "venison steak"])
def test_a_cut_of_meat_is_not_cut_off_its_animal(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 1, rows[["food_id", "grams"]]
    assert _BEEF_STEAK not in set(rows["food_id"].dropna())


def test_mini_is_a_size_not_a_food_word(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "4 mini carrots")
    assert list(rows["food_id"]) == ["sr28:11124"]  # Carrots, raw


def test_a_mini_item_takes_its_miniature_portion(foods: FoodTable) -> None:
    # FNDDS Muffin, NFS: "1 miniature" = 25 g
    lands_on(foods, "2 mini muffins", "fndds:52301000", 50.0)


def test_wheat_bread_is_usdas_bread_wheat(foods: FoodTable) -> None:
    lands_on(foods, "3 slices wheat bread", "sr28:18064", 87.0)  # "1 slice" = 29 g


def test_brown_bread_is_whole_wheat_bread(foods: FoodTable) -> None:
    lands_on(foods, "2 slices brown bread", "sr28:18075", 64.0)  # "1 slice" = 32 g


def test_a_chicken_leg_is_drumstick_and_thigh(foods: FoodTable) -> None:
    # FNDDS Chicken leg, drumstick and thigh, baked or broiled: "medium leg" = 140 g
    lands_on(foods, "2 chicken legs", "fndds:24132230", 280.0)


def test_a_footlong_is_a_twelve_inch_sub(foods: FoodTable) -> None:
    # FNDDS meatball sub: "1 Subway Sub (footlong)" = 480 g, "(6" long)" = 240 g
    lands_on(foods, "footlong meatball sub", "fndds:27510700", 480.0)
    lands_on(foods, "foot-long meatball sub", "fndds:27510700", 480.0)


def test_a_bare_footlong_is_left_as_written(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "2 footlongs")
    assert len(rows) == 1  # an entry, not a rejected amount without food


@pytest.mark.parametrize(("line", "grams"), [("10 littlenecks", 125.0), ("6 quahogs", 75.0)])
def test_clams_by_their_new_england_names(foods: FoodTable, line: str, grams: float) -> None:
    # FNDDS Clams, cooked, NS as to cooking method: "medium" = 12.5 g
    lands_on(foods, line, "fndds:26303110", grams)


def test_a_narragansett_tallboy_is_a_sixteen_ounce_beer(foods: FoodTable) -> None:
    # SR28 regular beer, 16 fl oz a tallboy: 475.2 g each
    lands_on(foods, "3 narragansett tallboys", "sr28:14003", 1425.6)


def test_a_bracketed_note_after_an_amount_of_food_keeps_the_food(foods: FoodTable) -> None:
    # FNDDS Lentil soup: "1 cup" = 248 g
    lands_on(foods, "1 cup lentil soup (fasting)", "fndds:41603010", 248.0)


@pytest.mark.parametrize(
    "line", ["skipped breakfast (fasting)", "ran 3 miles (easy)", "neck seized up after work"]
)
def test_a_note_is_still_no_food(line: str) -> None:
    assert len(rejected_reasons(line)) == 1


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # FNDDS potato chips, the SR28 chips' twin: small / medium / large single
        # serving bag = 28 / 57 / 85 g
        ("herr's chips small bag", 28.0),
        ("potato chips med bag", 57.0),
        ("lay's chips, lg bag", 85.0),
        ("a big bag of potato chips", 85.0),
        ("a bag of potato chips", 28.0),
    ],
)
def test_a_sized_bag_of_chips_is_that_single_serving_bag(
    foods: FoodTable, line: str, grams: float
) -> None:
    lands_on(foods, line, "sr28:19411", grams)  # Snacks, potato chips, plain, salted


def test_a_bag_written_after_a_food_named_by_its_bag_stays_the_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "tea bag")
    assert list(rows["food_id"]) == ["sr28:14355"]  # brewed black tea, not a bag of it


#: FNDDS "Iced Coffee, pre-lightened and pre-sweetened" (names McDonald's iced coffee).
_ICED_LIGHT_SWEET = "fndds:92102450"


@pytest.mark.parametrize(
    "line",
    [
        "dunkin small iced coffee with milk & sugar",
        "mcdonalds iced coffee w cream and sugar",
        "iced coffee light and sweet",
    ],
)
def test_an_iced_coffee_with_its_milk_and_sugar_is_one_drink(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [_ICED_LIGHT_SWEET]


def test_a_hot_coffee_keeps_its_cream_and_sugar_apart(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "dunkin hot coffee w/ cream and sugar")
    assert len(rows) == 3
    assert _ICED_LIGHT_SWEET not in set(rows["food_id"])


@pytest.mark.parametrize("line", ["1 lamb sambusa", "tuna onigiri"])
def test_a_dish_read_by_its_fillings_kind_never_lands_on_the_kind_alone(
    foods: FoodTable, line: str
) -> None:
    rows = entries_of_line(foods, line)
    # FNDDS "Meat, NFS" and "Fish, NS as to type...": the dish's own word is lost there
    assert not {"fndds:20000000", "fndds:26100110"} & set(rows["food_id"].dropna())


def test_a_dish_read_by_its_fillings_kind_keeps_its_dish(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "pepperoni calzone")
    assert list(rows["food_id"]) == ["fndds:58108010"]  # Calzone, with meat and cheese


def test_a_street_taco_is_the_small_taco(foods: FoodTable) -> None:
    # FNDDS Soft taco with meat: "small taco or tostada" = 103 g, medium 131 g
    lands_on(foods, "4 carnitas street tacos", "fndds:58101345", 412.0)


def test_a_taco_said_plainly_keeps_its_medium_size(foods: FoodTable) -> None:
    # FNDDS Soft taco with chicken: "medium taco or tostada" = 115 g
    lands_on(foods, "3 chicken tacos", "fndds:58101450", 345.0)


def test_a_mini_product_without_an_amount_is_a_serving(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "mini cheddars")
    assert rows.iloc[0]["grams"] >= 10.0  # FNDDS cheese crackers: 18 g, not one 1 g bite


def test_a_word_that_names_no_food_is_never_a_correction() -> None:
    from nutrilog.matching.spelling import Speller

    speller = Speller({"been": 1000, "beans": 50, "other": 700})
    assert speller.correct("beens") == "beans"  # not the plural of "been"
    assert speller.unvowelled("othr") is None  # no shorthand of "other"


def test_shorthand_for_a_word_of_descriptions_is_no_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "2 othr")
    assert "fndds:54403062" not in set(rows["food_id"].dropna())  # "... other flavored"
