"""Chips served by the portion, a count of the whole line, comma lists of two foods,
items named by their own words, a fraction of a weighed tin, and remarks on which kind
(issue 12, fifteenth round). Lines made up here; weights checked against the USDA
portions they name."""

from __future__ import annotations

import math

import pytest
from diary import entries_of_line

from nutrilog.foods import FoodTable
from nutrilog.matching.neighbours import regional_reading
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.quantity import parse_quantity

# ------------------------------------------------------------------ chips


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("medium chippy chips", 145.0),  # FNDDS fast-food fries, medium order
        ("sml hot chips", 110.0),  # small order
        ("a serve of chips", 110.0),  # FNDDS fries "Quantity not specified"
        ("some chips", 110.0),
    ],
)
def test_chips_served_by_the_portion_are_french_fries(
    foods: FoodTable, line: str, grams: float
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert "french fries" in row["description"].lower()
    assert row["grams"] == pytest.approx(grams)
    assert "chips → french fries" in row["assumptions"]


@pytest.mark.parametrize("line", ["bag of chips", "a handful of chips", "tortilla chips"])
def test_chips_from_a_bag_stay_what_they_were(line: str) -> None:
    assert regional_reading(line) == (line, ())


@pytest.mark.parametrize("line", ["lasagne and chips", "schnitzel & chips", "pizza n chips"])
def test_chips_beside_a_hot_main_are_french_fries(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 2
    assert "french fries" in rows.iloc[1]["description"].lower()


# ------------------------------------------------------------------ counts


def test_a_count_after_a_topped_toast_counts_every_part(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "marmite toast w butter x2")
    by_food = dict(zip(rows["food"], rows["grams"], strict=True))
    assert by_food["toast"] == pytest.approx(2 * 25.0)  # FNDDS white toast, a regular slice 25 g
    assert by_food["marmite"] == pytest.approx(2 * 6.0)  # one tsp a slice
    assert by_food["butter"] == pytest.approx(2 * 7.1)  # FNDDS half a tbsp a slice


def test_a_count_after_a_list_with_amounts_stays_the_last_foods(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "3 eggs, toast x2")
    by_food = dict(zip(rows["food"], rows["grams"], strict=True))
    assert by_food["eggs"] == pytest.approx(3 * 55.0)  # not six eggs
    assert by_food["toast"] == pytest.approx(2 * 25.0)  # two FNDDS regular slices


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("8 cherry tomatoes", 8 * 17.0),  # SR28 tomatoes "cherry" = 17 g, not a medium one
        ("4 plum tomatoes", 4 * 62.0),  # "plum tomato" = 62 g
    ],
)
def test_a_count_of_an_item_its_own_words_name(foods: FoodTable, line: str, grams: float) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] == pytest.approx(grams)


def test_a_candy_bar_usda_weighs_only_by_the_pack_is_one_pack(foods: FoodTable) -> None:
    row = entries_of_line(foods, "twix").iloc[0]
    assert row["grams"] == pytest.approx(57.0)  # SR28 TWIX "package (2 oz)"
    fun = entries_of_line(foods, "fun size twix").iloc[0]
    assert fun["grams"] < 30  # a fun-size bar is no pack


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("1/2 tin (400g) spaghetti hoops", 200.0),
        ("half a can (15 oz) black beans", 7.5 * 28.349523125),
        ("1 can (355ml) sprite", 355.0),  # a whole can weighs what the brackets say
    ],
)
def test_a_fraction_of_a_container_weighed_in_brackets(line: str, grams: float) -> None:
    parsed = parse_quantity(line)
    assert parsed.unit in ("g", "oz", "ml")
    assert parsed.quantity * (28.349523125 if parsed.unit == "oz" else 1) == pytest.approx(grams)


# ------------------------------------------------------------------ lists


@pytest.mark.parametrize(
    ("line", "first", "second"),
    [
        ("2 eggs, toast", "egg", "toast"),  # not the egg bread "Bread, egg, toasted"
        ("cheese, crackers", "cheese", "crackers"),  # not cheese crackers
    ],
)
def test_a_comma_list_of_two_foods_is_not_a_description(
    foods: FoodTable, line: str, first: str, second: str
) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 2
    assert rows.iloc[0]["description"].lower().startswith(first)
    assert second in rows.iloc[1]["description"].lower()


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("Yogurt, Greek, plain", "Yogurt, Greek, NS as to type of milk, plain"),
        ("Onion Powder, Simply Organic", "Spices, onion powder"),  # a maker, no second food
    ],
)
def test_a_description_written_out_is_one_food(foods: FoodTable, line: str, described: str) -> None:
    rows = entries_of_line(foods, line)
    assert rows["description"].tolist() == [described]


# ------------------------------------------------------------------ labels and remarks


def test_a_place_before_a_colon_labels_the_foods() -> None:
    assert strip_prefix("canteen: soup, roll") == ("soup, roll", "canteen", None)


def test_a_remark_on_which_kind_is_no_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "fish fingers, the frozen kind")
    assert len(rows) == 1
    assert "bar" not in rows.iloc[0]["description"].lower()  # no KIND bar


# ------------------------------------------------------------------ words


def test_a_misspelt_plural_is_read_through_its_singular(foods: FoodTable) -> None:
    row = entries_of_line(foods, "2 oatmeal cookeis").iloc[0]
    assert "cookie" in row["description"].lower()


def test_a_word_no_longer_read_as_a_chain(foods: FoodTable) -> None:
    row = entries_of_line(foods, "grilld chicken 4 oz").iloc[0]
    assert "breast" in row["description"].lower()  # grilled chicken, not a brand's
    assert "grilld → grilled" in row["assumptions"]


@pytest.mark.parametrize(
    ("line", "described", "grams"),
    [
        (
            "1 katori dal",
            "Lentil curry",
            240 * 150 / 236.5882365,
        ),  # 150 ml through the dal's 240 g cup
        ("rotli", "Bread, chappatti or roti, wheat", 40.0),
        ("bhindi nu shaak 1 cup", "Okra, fresh, cooked, fat added", None),
        ("mango lassi", "Fruit smoothie, with whole fruit and dairy", None),
    ],
)
def test_gujarati_home_foods(
    foods: FoodTable, line: str, described: str, grams: float | None
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["description"] == described
    if grams is not None:
        assert row["grams"] == pytest.approx(grams)
    assert math.isfinite(row["grams"])


def test_a_katori_is_a_small_bowl(foods: FoodTable) -> None:
    row = entries_of_line(foods, "1 katori rice").iloc[0]
    cup = entries_of_line(foods, "1 cup rice").iloc[0]
    assert row["grams"] == pytest.approx(cup["grams"] * 150 / 236.5882365, rel=0.01)


@pytest.mark.parametrize(
    ("line", "toast", "topping", "topping_grams"),
    [
        ("beans on toast", 50.0, "beans, baked", 127.0),  # 2 FNDDS slices; SR28 1/2 cup beans
        ("cheese on toast", 50.0, "cheddar", 56.0),  # two slices of cheddar, not rarebit
    ],
)
def test_british_toast_dishes_are_two_slices(
    foods: FoodTable, line: str, toast: float, topping: str, topping_grams: float
) -> None:
    rows = entries_of_line(foods, line)
    bread = rows[rows["description"].str.contains("toasted")].iloc[0]
    top = rows[rows["description"].str.lower().str.contains(topping)].iloc[0]
    assert bread["grams"] == pytest.approx(toast)
    assert top["grams"] == pytest.approx(topping_grams)


def test_a_chicken_drumstick_is_the_survey_drumstick(foods: FoodTable) -> None:
    row = entries_of_line(foods, "3 chicken drumsticks").iloc[0]
    assert row["grams"] == pytest.approx(3 * 60.0)  # FNDDS "medium drumstick" = 60 g


# ------------------------------------------------------------------ second batch


def test_a_note_in_brackets_inside_a_prefix_keeps_the_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "3am (leg cramps) - 1 cup warm milk")
    assert len(rows) == 1
    assert rows.iloc[0]["description"].lower().startswith("milk")
    meal = entries_of_line(foods, "supper (main meal): 2 fish fingers")
    assert meal["food"].tolist() == ["fish fingers"]


@pytest.mark.parametrize(
    "line", ["GP 9:15 - bloods", "Nan came for tea", "marking essays till late"]
)
def test_more_day_notes_are_no_food(foods: FoodTable, line: str) -> None:
    assert entries_of_line(foods, line).empty


def test_biscuits_counted_loosely_are_cookies(foods: FoodTable) -> None:
    row = entries_of_line(foods, "a couple of bikkies").iloc[0]
    assert row["description"] == "Cookie, NFS"
    assert row["grams"] == pytest.approx(2 * 30.0)  # FNDDS cookie NFS "medium" = 30 g
    counted = entries_of_line(foods, "2 biscuits").iloc[0]
    assert counted["description"] == "Biscuit, NFS"  # the American bread biscuit


def test_two_fingers_of_a_four_finger_bar_are_half_of_it(foods: FoodTable) -> None:
    row = entries_of_line(foods, "kitkat 2 finger").iloc[0]
    assert row["grams"] == pytest.approx(42.0 / 2)  # SR28 KIT KAT "bar (1.5 oz)" = 42 g


def test_a_swapped_pair_in_a_short_word_is_no_function_word(foods: FoodTable) -> None:
    row = entries_of_line(foods, "150g frim tofu").iloc[0]
    assert "firm" in row["description"].lower()
    assert "frim → firm" in row["assumptions"]


def test_a_veggie_burger_on_a_bun_has_its_bun(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "veggie burger on a bun w/ swiss")
    described = " / ".join(rows["description"])
    assert "Rolls, hamburger" in described
    assert "meatless" in described
    assert "swiss" in described.lower()


def test_a_brand_before_a_veggie_burger_keeps_the_burger(foods: FoodTable) -> None:
    row = entries_of_line(foods, "No Name veggie burger").iloc[0]
    assert row["description"].startswith("Vegetarian burger")


def test_a_salad_named_then_listed_is_what_went_in_it(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "lentil salad - lentils, red onion, parsley, feta")
    assert len(rows) == 4
    assert not rows["food"].str.contains("salad").any()


# ------------------------------------------------------------------ third batch


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("2 avocado halves", 201.0),  # SR28 avocado "1 avocado" = 201 g, halved twice
        ("3 stuffed pepper halves", 1.5 * 298.0),  # FNDDS stuffed pepper QNS = 298 g
    ],
)
def test_a_count_of_halves_counts_halves(foods: FoodTable, line: str, grams: float) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] == pytest.approx(grams)


@pytest.mark.parametrize("line", ["5 oz 85/15 ground beef", "ground beef 85/15 5oz"])
def test_a_lean_ratio_written_short_is_the_cooked_ground_meat(foods: FoodTable, line: str) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert "85% lean" in row["description"]
    assert "raw" not in row["description"]


def test_a_numbered_meal_of_a_plan_is_a_label(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "meal 3 / 6oz cod")
    assert rows["food"].tolist() == ["cod"]
    assert rows.iloc[0]["grams"] == pytest.approx(6 * 28.349523125)


def test_a_tally_under_its_label_is_no_food(foods: FoodTable) -> None:
    assert entries_of_line(foods, "macros: 160p/200c/55f").empty


def test_a_dish_joined_by_plus_with_its_amount_in_a_column(foods: FoodTable) -> None:
    row = entries_of_line(foods, "butter chicken + rice, 1.5 cups").iloc[0]
    assert row["description"] == "Chicken curry with rice"


@pytest.mark.parametrize(
    ("line", "grams"),
    [("a splash of single cream", 15.0), ("a splash of creamer", 15.0), ("a splash of milk", 30.5)],
)
def test_a_splash_of_cream_is_smaller_than_one_of_milk(
    foods: FoodTable, line: str, grams: float
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] == pytest.approx(grams, rel=0.05)


def test_an_electrolyte_capsule_with_its_label_amounts(foods: FoodTable) -> None:
    row = entries_of_line(foods, "saltstick x3").iloc[0]
    assert row["kind"] == "supplement"
    assert row["potassium_mg"] == pytest.approx(3 * 63)
    assert row["magnesium_mg"] == pytest.approx(3 * 11)


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("a few of Noah's fish fingers", "fish fingers"),
        ("some of Mia's mac and cheese", "mac and cheese"),
        ("nan's shepherd's pie", "shepherd's pie"),
    ],
)
def test_whose_food_it_was_is_no_part_of_it(foods: FoodTable, line: str, food: str) -> None:
    rows = entries_of_line(foods, line)
    assert rows["food"].tolist() == [food]
    assert rows["food_id"].notna().all()


@pytest.mark.parametrize("line", ["Reese's cups", "Annie's mac and cheese 1 cup"])
def test_a_makers_name_with_s_stays(foods: FoodTable, line: str) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert "'s" in row["food"]


# ------------------------------------------------------------------ what most labels accept


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("3 tsp tomato sauce", "Catsup"),  # British and Australian ketchup
        ("tomato sauce sachet", "Catsup"),
        ("1 cup tomato sauce", "Tomato products, canned, sauce"),  # the cooking sauce
    ],
)
def test_tomato_sauce_by_the_spoonful_is_ketchup(
    foods: FoodTable, line: str, described: str
) -> None:
    assert entries_of_line(foods, line).iloc[0]["description"] == described


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("mtn dew 12 oz", "Soft drink, fruit flavored, caffeine containing"),
        ("3 ryvita", "Crackers, rye, wafers, plain"),
        ("1 cup cheese curds", "Cheese, Mozzarella, NFS"),  # FNDDS names curds here
        ("cognac n coke", "Brandy and cola"),
        ("a bowl of chili", "Chili con carne with beans"),
    ],
)
def test_everyday_names_land_on_the_food_most_labels_accept(
    foods: FoodTable, line: str, described: str
) -> None:
    assert entries_of_line(foods, line).iloc[0]["description"] == described
