"""Whom a line was logged for before its separator, a size closing a line after a
comma, a food and ``fry`` after it (a stir-fry, no French fries), a portion that names a
word only to deny it (``cup, without shell``), a piece of a fruit cut in chunks, the
``-y`` spelling of an ``-ie`` word, and work that is no food.

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.matching.not_food import not_food_reason
from nutrilog.matching.spelling import Speller
from nutrilog.matching.words import singular
from nutrilog.quantity import parse_quantity

# --- whom a line was logged for ----------------------------------------------------------


def test_a_family_word_before_a_dash_is_whom_the_food_was_for() -> None:
    # SR28 01129 Egg, whole, cooked, hard-boiled: "1 large" 50 g
    row = one_entry("Grandmother - 1 hard boiled egg")
    assert row["food_id"] == "sr28:01129"
    assert row["grams"] == pytest.approx(50.0)


def test_a_family_word_before_a_colon_is_no_brand() -> None:
    # MOTHER'S is a cookie maker in SR28; here it is whom the cup was for (SR28 14237
    # cereal grain beverage, "1 cup" 240.8 g... as the food's own cup)
    entries, _ = analysed("Mother: cup of Postum")
    assert list(entries["food_id"]) == ["sr28:14237"]


def test_a_name_then_a_meal_before_the_food_are_both_prefixes() -> None:
    # FNDDS 27450060 Tuna salad, made with mayonnaise: "1 cup" 238 g, half is 119 g
    one_entry_of("Renata - lunch: tuna salad 1/2 cup", "fndds:27450060", 119.0)


def test_a_capitalised_food_before_a_dash_stays_the_food() -> None:
    # SR28 08013 CHEERIOS, "1 cup" 28 g: a brand written with a capital is no name
    one_entry_of("Cheerios - 1 cup", "sr28:08013", 28.0)


# --- a size closing a line after a comma ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food", "size"),
    [
        ("waffle fries, medium", "waffle fries", "medium"),
        ("banana, small", "banana", "small"),
        ("iced coffee, lg", "iced coffee", "large"),
    ],
)
def test_a_size_after_a_comma_is_the_size(line: str, food: str, size: str) -> None:
    parsed = parse_quantity(line)
    assert (parsed.food, parsed.unit, parsed.unit_kind) == (food, size, "size")


def test_a_chains_fries_with_the_size_after_a_comma_are_that_order() -> None:
    # FNDDS 71401030 Potato, french fries, fast food: "1 medium fast food order" 145 g;
    # it had been one waffle-cut fry (8 g)
    one_entry_of("Chick-fil-A waffle fries, medium", "fndds:71401030", 145.0)


def test_a_medium_of_fries_weighed_by_the_fry_is_a_serving_not_one_fry() -> None:
    # FNDDS 71401000 Potato, french fries, NS as to fresh or frozen has no medium order,
    # only single fries (crinkle cut 5 g): a medium is its unstated amount, 110 g
    one_entry_of("medium crinkle fries", "fndds:71401000", 110.0)


def test_a_count_of_medium_items_with_no_medium_row_is_that_many_items() -> None:
    # SR28 09132 grapes: "10 grapes" 49 g; it had been ten of the usual 75 g serving
    one_entry_of("10 medium grapes", "sr28:09132", 49.0)


# --- a food and "fry" after it -----------------------------------------------------------


def test_a_vegetable_fry_is_the_vegetable_cooked_with_oil_and_no_fries() -> None:
    # FNDDS 75211031 Cabbage, green, cooked with oil
    row = one_entry("cabbage fry 1 cup")
    assert row["food_id"] == "fndds:75211031"


def test_an_okra_fry_is_okra() -> None:
    row = one_entry("2 cups okra fry")
    assert "okra" in str(row["description"]).lower()
    assert "potato" not in str(row["description"]).lower()


@pytest.mark.parametrize(
    ("line", "word"),
    [("fish fry", "fish"), ("indian fry bread", "frybread"), ("large fries", "french fries")],
)
def test_dishes_named_with_fry_keep_it(line: str, word: str) -> None:
    assert word in str(one_entry(line)["description"]).lower()


# --- a portion naming a word only to deny it ------------------------------------------


def test_peanuts_in_the_shell_are_the_in_shell_cup() -> None:
    # FNDDS 42111000 Peanuts, NFS: "1 cup, in shell, yields" 51 g, not the first row
    # naming a shell, "1 cup, without shell" 146 g
    one_entry_of("1 cup peanuts in shell", "fndds:42111000", 51.0)


def test_peanuts_without_a_word_of_the_shell_are_kernels() -> None:
    assert one_entry("1 cup peanuts")["grams"] == pytest.approx(146.0)


# --- the -y spelling of an -ie word ------------------------------------------------------


def test_a_word_ending_in_y_is_its_ie_word_before_a_shorter_word() -> None:
    speller = Speller({"cookie": 50, "cook": 300, "brownie": 20})
    assert speller.correct("cooky") == "cookie"
    assert speller.correct("browny") == "brownie"


def test_cookys_are_cookies() -> None:
    row = one_entry("2 oatmeal cookys")
    assert str(row["description"]).lower().startswith("cookies, oatmeal")
    assert "spelling: cooky \u2192 cookie" in str(row["assumptions"])


def test_species_is_its_own_singular_and_no_word_to_correct_into() -> None:
    assert singular("species") == "species"
    # SR28 10862 bacon, pan-fried: "1 slice" 11.5 g; speck had been eel (a correction
    # into "specy", of "mixed species")
    one_entry_of("speck 3 slices", "sr28:10862", 34.5)


# --- work that is no food ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("restocked the chip rack at work", "restocked"),
        ("coached u12 soccer 4:30-6", "coached"),
    ],
)
def test_work_and_coaching_are_no_food(line: str, word: str) -> None:
    reason = not_food_reason(line)
    assert reason is not None and word in reason


# --- a few of a part of a food ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # FNDDS 63141010 Pineapple, raw: "1 chunk" 15 g (SR28 09266 has none); it had
        # been three whole pineapples (2,715 g)
        ("a few pineapple chunks", "sr28:09266"),
        # FNDDS 61119010 Orange, raw: "1 section/slice" 15 g; it had been one orange
        ("a few orange slices", "sr28:09200"),
    ],
)
def test_a_few_of_a_part_named_are_three_of_that_part(line: str, food_id: str) -> None:
    one_entry_of(line, food_id, 45.0)


def test_a_couple_of_pizza_strips_are_pieces_not_whole_pizzas() -> None:
    # FNDDS stuffed-crust pizza weighs "1 piece, NFS" 148 g and a medium pizza 800 g
    row = one_entry("2 stuffed crust pizza strips")
    assert row["grams"] == pytest.approx(296.0)


def test_a_size_picks_the_row_of_the_item_named() -> None:
    # FNDDS 27214100 Meat loaf made with beef (meatballs too): "1 medium meatball" 28 g;
    # its first medium row is the meat loaf's "medium slice" (108 g)
    one_entry_of("3 medium meatballs", "fndds:27214100", 84.0)


def test_counted_tostones_are_plantain_slices_and_a_plate_of_them_a_serving() -> None:
    # FNDDS 71900200 Plantain, cooked with oil: "1 slice" 25 g, "1 whole" 225 g,
    # "Quantity not specified" 85 g
    one_entry_of("6 tostones", "fndds:71900200", 150.0)
    one_entry_of("patacones x3", "fndds:71900200", 75.0)
    one_entry_of("tostones", "fndds:71900200", 85.0)


# --- a dish named the other way round ------------------------------------------------------


def test_two_foods_a_dish_names_the_other_way_round_are_that_dish() -> None:
    # FNDDS 58160800 Rice, white, with lentils, NS as to fat: "Quantity not specified"
    # 155 g, "1 cup" 207 g; the line had been lentils and a cup of rice beside them
    one_entry_of("lentils with rice", "fndds:58160800", 155.0)
    one_entry_of("1 cup lentils w/ rice", "fndds:58160800", 207.0)


def test_two_foods_no_dish_names_stay_two() -> None:
    entries, _ = analysed("salmon with rice")
    assert len(entries) == 2


def test_a_share_of_a_shops_rotisserie_chicken_is_that_share_of_its_meat() -> None:
    # a quarter of the 600 g of cooked meat of a whole chicken (FNDDS half a rotisserie
    # chicken, bone removed, 300 g); the shop's name had broken the share: 15 g
    one_entry_of("1/4 Jewel rotisserie chicken", "fndds:24102050", 150.0)


def test_a_rare_word_beside_a_food_it_never_goes_with_is_a_slip() -> None:
    # "pinot" names seven wines; beside "beans" it is pinto (SR28 16043 pinto beans,
    # cooked: "1 cup" 171 g); "pinot noir" stays the wine
    one_entry_of("pinot beans 1 cup", "sr28:16043", 171.0)
    assert "wine" in str(one_entry("pinot noir 5oz")["description"]).lower()
