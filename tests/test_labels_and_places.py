"""Labels, tags, places and measures around a diary line's food (issue 12, eighth round).

Written from rules, with lines made up here: a size in brackets after the food, a tag
set off by marks on both sides, a label before a colon, a time with a word of context,
a place said after the food (and a chain said there, which names the food), a vague
measure without ``of`` and a packaged cereal eaten dry.
"""

from __future__ import annotations

import pytest
from diary import entries_of

import nutrilog as nl
from nutrilog.foods import FoodTable
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.quantity import parse_quantity

# --------------------------------------------------------------------------- sizes


@pytest.mark.parametrize("line", ["onion (1 med)", "onion 1 med", "onion (1 medium)"])
def test_a_size_after_the_food_is_its_size_not_medication(line: str, foods: FoodTable) -> None:
    # "med" is also the singular of "meds"; after a count it is a size.
    # SR28 11282 Onions, raw: 1 medium (2-1/2" dia) = 110 g
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == ["sr28:11282"]
    assert rows["grams"].iloc[0] == pytest.approx(110.0)


def test_medication_is_still_no_food() -> None:
    log = nl.parse_entries(["took 2 meds"], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0)
    assert result.entries.empty
    assert result.rejected["reason"].str.contains("medication").all()


def test_a_count_in_brackets_with_a_size_is_the_amount() -> None:
    parsed = parse_quantity("avocado (2 large)")
    assert (parsed.food, parsed.quantity, parsed.unit) == ("avocado", 2.0, "large")


# --------------------------------------------------------------------------- prefixes


@pytest.mark.parametrize(
    ("line", "meal", "rest"),
    [
        ("** breakfast ** 2 boiled eggs", "breakfast", "2 boiled eggs"),
        ("== snack == 1 pear", "snack", "1 pear"),
        ("~~ potluck ~~ 1 cup potato salad", "potluck", "1 cup potato salad"),
    ],
)
def test_a_tag_between_marks_is_a_prefix(line: str, meal: str, rest: str) -> None:
    assert strip_prefix(line)[:2] == (rest, meal)


def test_a_time_and_a_word_of_context_before_a_colon_are_a_prefix() -> None:
    assert strip_prefix("6am break room: 1 banana") == ("1 banana", "break room", "6am")


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("book club: 2 oatmeal cookies", "2 oatmeal cookies"),
        ("backyard bbq: 1 cup coleslaw", "1 cup coleslaw"),
    ],
)
def test_a_label_before_one_food_and_its_amount_is_a_prefix(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


@pytest.mark.parametrize(
    "line",
    [
        "oatmeal: 1 cup",  # only an amount: the label is the food
        "burrito bowl: 1 cup rice, beans",  # a dish and its parts
        "pasta salad: some",  # no amount stated
    ],
)
def test_a_label_that_is_the_food_stays(line: str) -> None:
    assert strip_prefix(line)[0] == line


def test_a_label_before_an_amount_and_a_way_of_cooking_is_the_food(foods: FoodTable) -> None:
    # FNDDS 24152230 chicken thigh, baked, broiled, or roasted, skin eaten; 5 oz = 141.75 g
    rows = entries_of(["chicken thigh: 5 oz roasted"], foods)
    assert rows["food_id"].tolist() == ["fndds:24152230"]
    assert rows["grams"].iloc[0] == pytest.approx(5 * 28.349523125)


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("a peach at the farm stand", "a peach"),
        ("scone at grandma's", "scone"),
        ("1 bagel from the bakery down the street", "1 bagel"),
        ("pizza at work", "pizza"),
    ],
)
def test_a_place_said_after_the_food_is_no_part_of_it(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


@pytest.mark.parametrize("line", ["oj from concentrate", "stew from scratch"])
def test_from_without_an_article_stays_with_the_food(line: str) -> None:
    assert strip_prefix(line)[0] == line


def test_a_chain_said_after_the_food_names_the_food(foods: FoodTable) -> None:
    rows = entries_of(["nuggets at wendys"], foods)
    assert rows["description"].tolist() == ["WENDY'S, Chicken Nuggets"]


# --------------------------------------------------------------------------- measures


def test_a_vague_measure_without_of_is_the_amount(foods: FoodTable) -> None:
    parsed = parse_quantity("handful walnuts")
    assert (parsed.food, parsed.unit, parsed.unit_kind) == ("walnuts", "handful", "vague")
    rows = entries_of(["handful walnuts"], foods)
    assert rows["food_id"].tolist() == ["sr28:12155"]
    # the walnuts' FNDDS default portion (1 oz), flagged as estimated
    assert rows["grams"].iloc[0] == pytest.approx(28.0)
    assert "estimated amount" in rows["assumptions"].iloc[0]


@pytest.mark.parametrize("line", ["glass noodles", "mug cake", "square pizza"])
def test_a_measure_that_opens_a_food_name_stays_in_it(line: str) -> None:
    parsed = parse_quantity(line)
    assert (parsed.food, parsed.unit_kind) == (line, "default")


def test_smidge_is_a_vague_amount() -> None:
    assert parse_quantity("a smidge of butter").unit_kind == "vague"


# --------------------------------------------------------------------------- brands


def test_a_packaged_cereal_eaten_dry_is_that_cereal(foods: FoodTable) -> None:
    rows = entries_of(["cheerios 1 cup dry"], foods)
    assert rows["description"].tolist() == ["Cereals ready-to-eat, GENERAL MILLS, CHEERIOS"]


# --------------------------------------------------------------------------- preparations


def test_a_preparation_usda_never_describes_leaves_the_alias(foods: FoodTable) -> None:
    # no USDA muesli is described as toasted: the muesli is the best there is
    rows = entries_of(["1/2 cup toasted muesli"], foods)
    assert rows["food_id"].tolist() == ["fndds:57308190"]


def test_a_preparation_usda_describes_is_still_required(foods: FoodTable) -> None:
    # boiled eggs exist, so the alias "egg" (fried, FNDDS NS as to fat) is not taken
    rows = entries_of(["1 boiled egg"], foods)
    assert "boiled" in rows["description"].iloc[0].lower()


def test_a_stir_fry_named_without_its_meat_is_the_vegetable_stir_fry(foods: FoodTable) -> None:
    rows = entries_of(["leftover stir fry"], foods)
    assert rows["description"].tolist() == ["Asian stir fry vegetables, cooked, fat added"]
