"""Shift and foreign meal prefixes, packages and slices named after the food, half said
after it, drinks with their additions run together, portions a food's own words name,
brands beside a food of their own and a few spelling and supplement guards (issue 12,
thirteenth round). Lines made up here."""

from __future__ import annotations

import pytest
from diary import entries_of_line

from nutrilog.foods import FoodTable
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement

# ------------------------------------------------------------------ prefixes


@pytest.mark.parametrize(
    ("line", "rest", "meal"),
    [
        ("night shift 0415 -- 1 apple", "1 apple", "night shift"),
        ("on break 3am: 2 cookies", "2 cookies", "on break"),
        (">> 2 eggs", "2 eggs", None),
        ("K lunch ~ 1 cup rice", "1 cup rice", "K lunch"),
        ("dinner in the car: 1 cheeseburger", "1 cheeseburger", "dinner"),
        ("b4 gym - 1 banana", "1 banana", "b4 gym"),
        ("iftar - 3 dates", "3 dates", "iftar"),
        ("obiad: 1 cup rice", "1 cup rice", "obiad"),
        ("shaam - 1 cup lentil soup", "1 cup lentil soup", "shaam"),
    ],
)
def test_shift_place_and_foreign_meal_prefixes_leave_the_food(
    line: str, rest: str, meal: str | None
) -> None:
    assert strip_prefix(line)[:2] == (rest, meal)


@pytest.mark.parametrize("line", ["coffee 7am - 2 cups", "toast 0700 - 2 slices"])
def test_a_food_before_a_time_is_no_prefix(line: str) -> None:
    # only a shift word before a time is context; a food there stays the food
    assert strip_prefix(line)[0] == line


def test_a_line_after_a_shift_time_is_weighed(foods: FoodTable) -> None:
    e = entries_of_line(foods, "night shift 0415 -- 1 apple")
    assert e["food_id"].tolist() == ["sr28:09003"]


@pytest.mark.parametrize(
    ("line", "food"),
    [("pb sandwich for my son", "Peanut butter sandwich, NFS"), ("apple for a snack", "Apples")],
)
def test_what_or_whom_a_food_was_for_is_no_part_of_it(
    foods: FoodTable, line: str, food: str
) -> None:
    e = entries_of_line(foods, line)
    assert len(e) == 1
    assert e["description"].iloc[0].startswith(food)


# ------------------------------------------------------------------ amounts


def test_pk_is_a_packet_and_a_packet_is_the_fndds_twins_package(foods: FoodTable) -> None:
    # SR28 peanut-butter sandwich crackers have no packet; FNDDS's individual package
    # is 45 g (its 'Quantity not specified', 18 g, had stood in)
    assert parse_quantity("2 pk cheese crackers").unit == "packet"
    e = entries_of_line(foods, "1 pkt peanut butter crackers")
    assert e["grams"].iloc[0] == pytest.approx(45.0)


@pytest.mark.parametrize(
    ("line", "unit"),
    [("gogurt tube", "tube"), ("pepsi can", "can"), ("choc milk carton", "carton")],
)
def test_a_package_named_after_the_food_is_one_of_it(line: str, unit: str) -> None:
    parsed = parse_quantity(line)
    assert (parsed.quantity, parsed.unit) == (1.0, unit)


def test_a_tube_of_yogurt_is_the_fndds_tube(foods: FoodTable) -> None:
    e = entries_of_line(foods, "go-gurt tube")
    assert e["grams"].iloc[0] == pytest.approx(64.0)  # FNDDS 11432000 "1 tube" = 64 g


def test_a_slice_named_after_a_whole_pizza_is_a_slice(foods: FoodTable) -> None:
    # the alias lands on a 14-inch chain pizza weighed whole (853 g) without its unit
    e = entries_of_line(foods, "costco pizza slice")
    assert e["grams"].iloc[0] < 200


def test_plural_slices_after_the_food_stay_the_food(foods: FoodTable) -> None:
    assert parse_quantity("apple slices").unit is None


@pytest.mark.parametrize("line", ["grapefruit half", "banana, half", "sandwich - half"])
def test_half_said_after_the_food_is_half_of_it(line: str) -> None:
    assert parse_quantity(line).quantity == 0.5


def test_half_and_half_stays_a_food() -> None:
    parsed = parse_quantity("half and half")
    assert (parsed.food, parsed.quantity) == ("half and half", 1.0)


def test_an_a_ending_a_name_is_no_amount() -> None:
    parsed = parse_quantity("chick fil a sandwich")
    assert parsed.food == "chick fil a sandwich"
    assert parse_quantity("coffee with a splash of milk").unit == "splash"


def test_count_after_a_number_is_pieces() -> None:
    parsed = parse_quantity("chicken nuggets 8 count")
    assert (parsed.quantity, parsed.unit) == (8.0, "piece")


def test_a_pump_of_syrup_is_half_a_tablespoon(foods: FoodTable) -> None:
    # FNDDS simple syrup 1 tbsp = 20 g: 10 g a pump, two pumps 20 g
    e = entries_of_line(foods, "2 pumps hazelnut syrup")
    assert e["grams"].iloc[0] == pytest.approx(20.0)


def test_a_scoop_of_a_side_dish_is_half_a_cup(foods: FoodTable) -> None:
    # FNDDS potato salad 1 cup = 275 g; its 'Quantity not specified' is a whole cup
    e = entries_of_line(foods, "a scoop of potato salad")
    assert e["grams"].iloc[0] == pytest.approx(137.5)


@pytest.mark.parametrize(("line", "grams"), [("french bread pizza", 147.0)])
def test_a_portion_the_foods_own_words_name(foods: FoodTable, line: str, grams: float) -> None:
    # FNDDS 58106205 (cheese pizza from frozen): "1 French bread" = 147 g, not the
    # "frozen medium pizza" of 799 g a bare pizza had been
    e = entries_of_line(foods, line)
    assert e["grams"].iloc[0] == pytest.approx(grams)


def test_one_counted_item_is_never_a_variant_the_line_does_not_name(foods: FoodTable) -> None:
    # FNDDS fruit bagel: "1 regular" 105 g, "1 Bagel Thin" 46 g
    e = entries_of_line(foods, "2 blueberry bagels")
    assert e["grams"].iloc[0] == pytest.approx(210.0)


def test_a_shape_after_the_noun_is_no_variant(foods: FoodTable) -> None:
    # SR28 saltines: "1 cracker square" 3 g, not "1 cracker, round large" 10 g
    e = entries_of_line(foods, "5 saltines")
    assert e["grams"].iloc[0] == pytest.approx(15.0)


# ------------------------------------------------------------------ composites


def test_coffee_with_its_additions_run_together(foods: FoodTable) -> None:
    # "coffee cream" alone may be the cream; beside sugar it is coffee and a creamer cup
    e = entries_of_line(foods, "coffee cream and sugar")
    assert e["description"].tolist()[0].startswith("Beverages, coffee")
    assert e["grams"].tolist()[1:] == pytest.approx([15.0, 4.2])


def test_a_sandwich_bread_after_its_spread_is_the_sandwich(foods: FoodTable) -> None:
    e = entries_of_line(foods, "ham sandwich with mustard on rye")
    assert not e["description"].str.contains("Rye|Wheat, durum").any()
    assert e["description"].iloc[0] == "Ham sandwich, with spread"


# ------------------------------------------------------------------ brands and spelling


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("2 johnsonville brats", "Bratwurst, pork, cooked"),
        ("hostess honey bun", "Roll, sweet, cinnamon bun, frosted"),  # FNDDS names honey buns
    ],
)
def test_a_brand_beside_a_food_of_its_own_is_a_hint(foods: FoodTable, line: str, food: str) -> None:
    # the brand's generic food (sausage, snack cake) had replaced the food named
    e = entries_of_line(foods, line)
    assert e["description"].iloc[0].startswith(food)


def test_a_brand_beside_a_qualifier_is_still_its_product(foods: FoodTable) -> None:
    e = entries_of_line(foods, "hot ovaltine")
    assert e["description"].iloc[0] == "Milk, malted"


def test_words_corrected_are_renamed_from_the_line_as_written(foods: FoodTable) -> None:
    # "curds" had been renamed yogurt before "chese" was corrected to cheese
    e = entries_of_line(foods, "1 cup chese curds")
    assert e["description"].tolist() == ["Cheese, Mozzarella, NFS"]  # FNDDS codes curds here


def test_a_one_word_alias_corrects_only_to_its_own_food(foods: FoodTable) -> None:
    e = entries_of_line(foods, "2 potato pierogy")
    assert e["food_id"].tolist() == ["fndds:58121610"]


def test_a_bare_number_beside_a_letter_on_a_day_note_is_no_dose() -> None:
    assert detect_supplement("weigh-in 150.2 (K)").kind == "food"  # entry reading: a note
    assert detect_supplement("D3 2000 after workout").nutrients == {"vitamin_d_ug": 50.0}


def test_a_large_number_naming_a_product_is_no_count() -> None:
    # "365" (a store brand) had made 365 servings of almond butter, 11.7 kg
    parsed = parse_quantity("365 almond butter 2 tbsp")
    assert (parsed.quantity, parsed.unit) == (2.0, "tbsp")
    assert parsed.food.startswith("365")
    assert parse_quantity("24 almonds 1 oz").quantity == 24.0  # a count stays a count


@pytest.mark.parametrize(
    ("line", "rest"),
    [("taco night - 3 tacos", "3 tacos"), ("movie night: 1 bag popcorn", "1 bag popcorn")],
)
def test_a_word_before_night_and_a_separator_is_a_prefix(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


def test_a_colour_beside_a_brand_is_no_food_of_its_own(foods: FoodTable) -> None:
    # "red" alone is an alias of red wine, but beside a drink brand it is the flavour
    e = entries_of_line(foods, "red gatorade")
    assert e["description"].iloc[0] == "Sports drink (Gatorade G)"  # the brand's own FNDDS food


def test_a_flavour_with_a_cosmetic_word_beside_a_brand_is_its_product(foods: FoodTable) -> None:
    # "homemade" is no food word: "breyers homemade vanilla" is ice cream, not extract
    e = entries_of_line(foods, "breyers homemade vanilla 1 cup")
    assert e["description"].iloc[0] == "Ice creams, vanilla"
