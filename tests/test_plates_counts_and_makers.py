"""Plates, counted and vague amounts, drinks by their cup, makers' names and notes: the
eighteenth round's rules (issue 12). Lines made up here; weights checked against the USDA
portions they name."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable


def _parts(foods: FoodTable, line: str) -> dict[str, float]:
    """The food ids of ``line``'s entries and their grams."""
    rows = entries_of_line(foods, line)
    return dict(zip(rows["food_id"], rows["grams"], strict=True))


# ------------------------------------------------------------------ drinks by their cup


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a coffee or a tea with no amount is an 8 fl oz cup, not FNDDS's 12 fl oz mug
        ("black coffee", "sr28:14209", 8 * 29.6),  # SR28 "1 fl oz" = 29.6 g
        ("3 coffees", "sr28:14209", 3 * 8 * 29.6),
        ("a cuppa tea", "sr28:14355", 8 * 29.6),  # SR28 brewed tea, "1 fl oz" = 29.6 g
        ("mug of coffee", "sr28:14209", 12 * 29.6),  # a mug written keeps its 12 fl oz
        ("capri sun", "fndds:92552030", 186.0),  # FNDDS "Capri Sun pouch"
        ("3 budweiser tallboys", "sr28:14003", 3 * 16 * 29.7),  # SR28 beer "1 fl oz" = 29.7 g
        ("dunkin iced coffee", "fndds:92102400", 360.0),  # iced, not hot brewed coffee
        ("glass of 1% w/ supper", "sr28:01082", 244.0),  # a fat level alone names milk
    ],
)
def test_drinks_take_the_cup_they_are_served_in(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_an_iced_coffee_made_with_cream_and_sugar_is_the_pre_lightened_one(
    foods: FoodTable,
) -> None:
    # FNDDS "Iced Coffee, pre-lightened and pre-sweetened", medium = 496 g
    lands_on(foods, "med iced coffee w/ cream & sugar", "fndds:92102450", 496.0)


# ------------------------------------------------------------------ counted items


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 pepperoni hot pockets", "fndds:58126150", 2 * 152.0),  # FNDDS Hot Pockets Pepperoni
        ("5 pierogies", "fndds:58121610", 5 * 38.0),  # FNDDS "pierogi, any size"
        ("2 nashi pears", "sr28:09340", 2 * 275.0),  # FNDDS one Asian pear, 275 g
        ("3 snags", "fndds:25221400", 3 * 75.0),  # FNDDS bun-size link, 75 g
        ("2 packs ramen", "fndds:58407030", 2 * 494.0),  # FNDDS "package (3 oz), prepared"
        ("indomie x3", "fndds:58407030", 3 * 494.0),  # a counted packet, not a Souper Meal
        ("cup noodles", "fndds:58407030", 370.0),  # FNDDS "cup package (2.25 oz), prepared"
        ("4 wings", "fndds:24160110", 4 * 35.0),  # FNDDS wing of any cooking, any size
    ],
)
def test_a_count_takes_the_item_it_names(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("1/4 chicken", 150.0),  # a quarter of a whole chicken's 600 g of cooked meat
        ("half a roast chicken", 300.0),  # FNDDS: 1/2 chicken, bone removed, 300 g
        ("2 whole rotisserie chickens", 1200.0),
    ],
)
def test_a_share_of_a_whole_chicken_is_that_share_of_its_meat(
    foods: FoodTable, line: str, grams: float
) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 1
    assert rows.iloc[0]["description"].startswith("Chicken")
    assert rows.iloc[0]["grams"] == pytest.approx(grams)
    assert "a whole chicken's cooked meat" in rows.iloc[0]["assumptions"]


def test_half_a_chicken_breast_is_half_a_breast(foods: FoodTable) -> None:
    row = entries_of_line(foods, "half a chicken breast").iloc[0]
    assert "breast" in row["description"] and row["grams"] < 150


def test_counted_pieces_of_chicken_with_no_cooking_said_are_fried(foods: FoodTable) -> None:
    # FNDDS "Chicken, NS as to part, fried, coated", 1 piece = 85 g
    lands_on(foods, "3pc chicken", "fndds:24107070", 3 * 85.0)
    assert "fried" not in entries_of_line(foods, "3 pc grilled chicken").iloc[0]["description"]


# ------------------------------------------------------------------ vague amounts


def test_plural_items_with_no_amount_are_a_serving_not_one(foods: FoodTable) -> None:
    # FNDDS raw tomatoes, Quantity not specified 90 g, not one 17 g cherry tomato
    lands_on(foods, "grape tomatoes", "sr28:11529", 90.0)
    lands_on(foods, "cherry tomato", "sr28:11529", 17.0)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("a dash of half and half", "sr28:01049", 15.0),  # a tablespoon, SR28 1 tbsp 15 g
        ("a bag of microwave popcorn", "fndds:54403052", 85.0),  # regular microwave bag
        ("a slice of birthday cake", "fndds:53120270", 109.0),  # 1/12 of a 2-layer cake
        ("slice of banana bread", "fndds:52405010", 41.0),  # FNDDS fruit bread, "1 slice"
    ],
)
def test_vague_amounts_of_named_foods(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


# ------------------------------------------------------------------ plates


def test_rice_beside_another_food_is_a_cup(foods: FoodTable) -> None:
    parts = _parts(foods, "teriyaki salmon, rice n green beans")
    assert parts["sr28:20045"] == pytest.approx(158.0)  # SR28 white rice "1 cup"
    assert _parts(foods, "rice")["sr28:20045"] == pytest.approx(122.0)  # alone: FNDDS QNS


def test_beans_beside_a_fry_up_are_baked_beans(foods: FoodTable) -> None:
    parts = _parts(foods, "2 sausages, hash browns & beans")
    assert parts["sr28:16006"] == pytest.approx(127.0)  # SR28 baked beans 1/2 cup
    assert "sr28:16006" not in _parts(foods, "2 eggs, beans and tortillas")


def test_a_food_served_on_crackers_is_two_foods(foods: FoodTable) -> None:
    parts = _parts(foods, "egg salad on saltines")
    assert "sr28:18228" in parts  # SR28 saltines
    assert len(parts) == 2


def test_fried_vegetables_are_cooked_with_fat(foods: FoodTable) -> None:
    row = entries_of_line(foods, "fried cabbage").iloc[0]
    assert row["description"] == "Cabbage, green, cooked with oil"


def test_a_meal_named_tea_before_a_measured_food(foods: FoodTable) -> None:
    # "tea -" is the evening meal when cups of another food follow, tea when they do not
    rows = entries_of_line(foods, "tea - 2 cups lamb stew")
    assert len(rows) == 1 and "stew" in rows.iloc[0]["description"].lower()
    assert (
        entries_of_line(foods, "tea - 2 cups").iloc[0]["description"].startswith("Beverages, tea")
    )


# ------------------------------------------------------------------ makers and names


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("grzlak's bbq chips 1 oz", "sr28:19042"),  # a possessive maker's name
        ("Dunmore lager 12 oz", "sr28:14003"),  # a brewery before a style of beer
        ("deli macaroni salad", "fndds:58148110"),  # deli says where, not which
    ],
)
def test_a_makers_name_the_tables_lack_is_set_aside(
    foods: FoodTable, line: str, food_id: str
) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 1
    assert rows.iloc[0]["food_id"] == food_id


def test_an_unknown_word_before_a_food_that_is_no_drink_of_alcohol_stays(
    foods: FoodTable,
) -> None:
    # an unknown word may name the food's kind: never set aside before a soft drink
    row = entries_of_line(foods, "grzlak root beer").iloc[0]
    assert row["food_id"] != "sr28:14003"


def test_a_number_inside_a_foods_name_is_no_count(foods: FoodTable) -> None:
    # SR28 HORMEL Cure 81 Ham; 3 oz = 85.05 g, not 81 servings
    lands_on(foods, "cure 81 ham 3 oz", "sr28:10851", 3 * 28.349523125)


# ------------------------------------------------------------------ notes


@pytest.mark.parametrize(
    "line",
    [
        "calves spasming after the night shift",
        "BS 142 before bed",
        "14 deliveries today",
        "Rams won 24-17",  # a game's score
        "fed the horses 5am, fixed the gate",  # a day's work
        "cramps again 2am - R calf",  # where the symptom was: no calf's liver
    ],
)
def test_notes_of_the_day_are_no_food(line: str) -> None:
    assert rejected_reasons(line).str.startswith("not a food entry").all()
