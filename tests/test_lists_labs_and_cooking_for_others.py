"""Lines of food that was not eaten (a shopping list, food cooked for someone else, a
value on a lab report); a chunk of a loaf; amounts in Romanian and Swahili; foods joined
by Swahili ``na`` and Malagasy ``sy``.

Lines made up for these tests; grams checked by hand against the SR28 and FNDDS rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pandas as pd
import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.matching.entry import understand
from nutrilog.matching.match import Matcher
from nutrilog.matching.not_food import cooking_for_others
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.quantity.line import parse_quantity

# --- a list of foods to buy is no meal ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Aldi list: oats, kefir, 2 lb apples",
        "shopping list - rice, lentils",
        "grocery list: eggs, bread",
        "list for costco - yogurt, bananas, almonds",
    ],
)
def test_a_shopping_list_is_no_food_entry(line: str, matcher: Matcher) -> None:
    read = understand(line, matcher)
    assert read.not_food is not None and "(shopping:" in read.not_food
    assert read.parts == ()


def test_a_shopping_list_gives_no_entry() -> None:
    entries, rejected = analysed("Aldi list: oats, kefir, 2 lb apples")
    assert entries.empty  # was three foods eaten, 2 lb of apples among them
    assert list(rejected["reason"]) == ["not a food entry (shopping: 'list')"]


# --- food cooked for someone else -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("made lasagna for the neighbours", "neighbours"),
        ("baked 2 loaves of banana bread for my sister's shower", "sister's"),
        ("cooked chili for the church supper", "church"),
        ("Sunday - made pierogi for the grandkids", "grandkids"),
        ("helped mom roll 40 sarmale for the wedding", "wedding"),
        ("brought brownies for the office", "office"),
    ],
)
def test_food_made_for_others_is_no_food_entry(line: str, who: str, matcher: Matcher) -> None:
    assert cooking_for_others(line) == f"not a food entry (cooking for others: {who!r})"
    assert understand(line, matcher).parts == ()


@pytest.mark.parametrize(
    "line",
    [
        "made pancakes for breakfast",
        "made myself a tuna melt for lunch",
        "cooked oatmeal for us",
        "made chili for the family",
        "made soup for tomorrow",
    ],
)
def test_food_made_for_a_meal_or_for_the_writer_may_be_eaten(line: str, matcher: Matcher) -> None:
    assert cooking_for_others(line) is None
    assert understand(line, matcher).parts != ()


def test_a_dish_named_for_someone_is_still_whose_it_was() -> None:
    # "for Dad" after a food with no verb of making: the food was logged, for Dad
    row = one_entry("1 cup apple juice for Dad")
    assert row["food_id"] is not None


# --- a value on a lab report ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["potassium 3.4 on my labs", "Mg 1.7 lab result", "calcium 9.1 in my bloodwork"],
)
def test_a_value_on_a_lab_report_is_no_supplement(line: str) -> None:
    entries, rejected = analysed(line)
    assert entries.empty  # was an unknown amount of a supplement
    assert len(rejected) == 1
    assert rejected["reason"].iloc[0].startswith("not a food entry (")


def test_a_lab_as_a_place_still_labels_food() -> None:
    # SR28 09003 apple, "1 medium (3" dia)" 182 g
    one_entry_of("b4 lab: 1 apple", "sr28:09003", 182.0)


# --- a chunk of a loaf ----------------------------------------------------------------------


def test_a_chunk_of_baguette_is_a_piece_not_the_loaf() -> None:
    # FNDDS 51107010 French bread, "Quantity not specified" 64 g; the 22-inch baguette
    # (324 g) the word "baguette" names is the whole loaf
    one_entry_of("chunk of baguette", "fndds:51107010", 64.0)


# --- amounts in Romanian and Swahili --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food", "quantity", "unit"),
    [
        ("smantana 2 linguri", "smantana", 2.0, "tbsp"),
        ("zahar 1 lingurita", "zahar", 1.0, "tsp"),
        ("ceai 2 căni", "ceai", 2.0, "cup"),
        ("chiftele 3 buc", "chiftele", 3.0, "piece"),
        ("lapte 1 pahar", "lapte", 1.0, "glass"),
        ("wali 1 kikombe", "wali", 1.0, "cup"),
        ("chapati 2 vipande", "chapati", 2.0, "piece"),
    ],
)
def test_amounts_in_romanian_and_swahili(line: str, food: str, quantity: float, unit: str) -> None:
    parsed = parse_quantity(line)
    assert (parsed.food, parsed.quantity, parsed.unit) == (food, quantity, unit)


def test_a_romanian_cup_of_buckwheat_is_a_cup() -> None:
    # FNDDS 56200510 buckwheat groats, fat added, "1 cup, cooked" 170 g
    one_entry_of("hrisca 1 cana", "fndds:56200510", 170.0)


def test_half_in_swahili() -> None:
    # SR28 09037 avocado, "1 avocado, NS as to Florida or California" 201 g: half of one
    one_entry_of("nusu parachichi", "sr28:09037", 100.5)


def test_a_cana_without_a_number_is_no_cup() -> None:
    # "caldo de cana" is Brazilian sugar-cane juice: the word is no unit without an amount
    assert parse_quantity("caldo de cana").unit is None


# --- foods joined by Swahili "na" and Malagasy "sy" ------------------------------------------


@pytest.mark.parametrize(
    ("line", "parts"),
    [("ugali na mchicha", 2), ("chai na mandazi", 2), ("vary sy henakisoa", 2)],
)
def test_foods_joined_in_swahili_and_malagasy(line: str, parts: int, matcher: Matcher) -> None:
    assert len(understand(line, matcher).parts) == parts


@pytest.mark.parametrize("line", ["1 NA beer", "2 Na tablets"])
def test_na_after_a_number_or_capitalised_joins_nothing(line: str, matcher: Matcher) -> None:
    assert len(understand(line, matcher).parts) == 1


# --- a meal named with the chain it came from -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "rest", "meal"),
    [
        ("lunch Subway: 6in tuna sub", "Subway 6in tuna sub", "lunch"),
        ("dinner Panda Express - orange chicken", "Panda Express orange chicken", "dinner"),
    ],
)
def test_a_meal_and_its_chain_before_the_food(line: str, rest: str, meal: str) -> None:
    assert strip_prefix(line) == (rest, meal, None)


def test_a_meal_before_a_food_and_a_colon_is_no_chain() -> None:
    # "salad" is no restaurant: "lunch salad" stays for the label rules to read
    assert strip_prefix("lunch salad: 2 cups")[1] is None


def test_the_chain_after_the_meal_names_the_item() -> None:
    # FNDDS 27146350 orange chicken, "1 cup" 252 g: was a frozen chicken dinner, unweighed
    one_entry_of("dinner Panda Express - orange chicken, 1 cup", "fndds:27146350", 252.0)


# --- where the food was had, at a family member's --------------------------------------------


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("mama's kitchen - fried tilapia", "fried tilapia"),
        ("aunty's house - rice and beans", "rice and beans"),
        ("at Grandma's: 2 cookies", "2 cookies"),
    ],
)
def test_a_family_members_place_is_no_food_and_no_meal(line: str, rest: str) -> None:
    assert strip_prefix(line) == (rest, None, None)


def test_a_makers_name_with_s_is_no_family_place() -> None:
    assert strip_prefix("Annie's: mac and cheese 1 cup")[1] is None


def test_food_at_mamas_is_no_mama_noodle_soup() -> None:
    # FNDDS 26158030 tilapia, coated, fried, "1 fillet" 170 g: was Mama instant noodle
    # soup, unweighed (Mama is a noodle brand)
    one_entry_of("mama's kitchen - fried tilapia, 1 fillet", "fndds:26158030", 170.0)


# --- hours of the day with no food ------------------------------------------------------------


@pytest.mark.parametrize("line", ["AM route 6:10-8:40", "night route 11:30"])
def test_hours_of_the_day_with_no_food_are_a_note(line: str) -> None:
    entries, rejected = analysed(line)
    assert entries.empty  # "AM route" was spelt into "rouge", a red wine
    assert list(rejected["reason"]) == [f"not a food entry (time: {line.split()[-1]!r})"]


def test_a_food_at_a_clock_time_is_food() -> None:
    row = one_entry("banana 7:45")
    assert row["food_id"] == "sr28:09040"


# --- food handled, not eaten ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "sold 12 tamales at the market",
        "threw out the leftover lasagna",
        "gave away 2 loaves of bread",
        "froze 2 qts of soup",
        "grocery haul: chicken, rice, milk",
    ],
)
def test_food_sold_thrown_out_or_frozen_is_no_food_entry(line: str) -> None:
    entries, rejected = analysed(line)
    assert entries.empty
    assert rejected["reason"].iloc[0].startswith("not a food entry (")


def test_frozen_food_is_still_food() -> None:
    # FNDDS 11459990 frozen yogurt, NFS, "1 cup" 175 g
    one_entry_of("frozen yogurt 1 cup", "fndds:11459990", 175.0)


# --- a supplement with a note in brackets -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("magnesium (forgot which bottle)", "magnesium_mg"),
        ("vit D (not sure how much)", "vitamin_d_ug"),
    ],
)
def test_a_supplement_with_a_bracketed_note_is_a_supplement_of_unknown_amount(
    line: str, column: str
) -> None:
    row = one_entry(line)  # was an unmatched food
    assert row["kind"] == "supplement"
    assert pd.isna(row[column])


def test_a_food_with_a_nutrient_in_brackets_stays_food() -> None:
    row = one_entry("milk (calcium fortified)")
    assert row["kind"] == "food"
