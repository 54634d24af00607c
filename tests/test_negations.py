"""What a line says was not eaten is never matched as a food (issue 12).

Lines made up here: a food named after ``no``, ``without``, ``w/o`` or ``hold the``
was left out, so it must neither become a food of its own (a sugar-free popsicle
beside a coffee) nor pull the match onto a food made with it (chai with milk). The
entry says what was left out.
"""

from __future__ import annotations

import pytest
from diary import entries_of

import nutrilog as nl
from nutrilog.assumptions import parse_assumptions
from nutrilog.foods import FoodTable
from nutrilog.matching.negations import left_out, negates


@pytest.mark.parametrize(
    ("line", "rest", "omitted"),
    [
        ("coffee, no sugar", "coffee", ("no sugar",)),
        ("tea - no milk", "tea", ("no milk",)),
        ("latte w/o sugar", "latte", ("w/o sugar",)),
        ("porridge without honey", "porridge", ("without honey",)),
        ("club sandwich, hold the mayo", "club sandwich", ("hold the mayo",)),
        ("2 cups black coffee (no milk, no sugar)", "2 cups black coffee", ("no milk", "no sugar")),
        ("steak (no sauce) and chips", "steak and chips", ("no sauce",)),
        ("espresso no milk no sugar", "espresso", ("no milk", "no sugar")),
    ],
)
def test_negations_are_taken_out_of_the_line(
    line: str, rest: str, omitted: tuple[str, ...]
) -> None:
    assert left_out(line) == (rest, omitted)


@pytest.mark.parametrize(
    "line",
    [
        "no-bake cookies",  # nothing eaten before it
        "no sugar",  # nothing would be left
        "green beans, no added fat",  # how the food was made: USDA writes it
        "popcorn, no salt",
        "nachos",
    ],
)
def test_lines_without_a_food_left_out_are_unchanged(line: str) -> None:
    assert left_out(line) == (line, ())


def test_a_part_that_only_negates_names_no_food() -> None:
    assert negates("no sugar added") and negates("without the bun")
    assert not negates("nori sheets") and not negates("noodles")


@pytest.mark.parametrize(
    ("line", "eaten", "not_eaten"),
    [
        ("black coffee, no sugar", "coffee", "sugar"),
        ("earl grey tea without milk", "tea", "milk"),
        ("3 scrambled eggs, no butter", "egg", "butter"),
        ("1 cup oatmeal, no milk", "oat", "milk"),
    ],
)
def test_the_food_left_out_is_neither_matched_nor_pulls_the_match(
    line: str, eaten: str, not_eaten: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 1
    description = str(rows.iloc[0]["description"]).lower()
    assert eaten in description and not_eaten not in description, description
    tags = dict(parse_assumptions(rows.iloc[0]["assumptions"]))
    assert "left out" in tags


def test_a_coffee_with_milk_but_no_sugar_has_two_foods(foods: FoodTable) -> None:
    rows = entries_of(["coffee w/ milk, no sugar"], foods)
    descriptions = rows["description"].str.lower().tolist()
    assert len(rows) == 2
    assert any("coffee" in d for d in descriptions) and any("milk" in d for d in descriptions)
    assert not any("sugar" in d for d in descriptions)


def test_a_whole_line_in_the_alias_table_keeps_its_negation(foods: FoodTable) -> None:
    row = entries_of(["burger no bun"], foods).iloc[0]
    assert "patty" in str(row["description"]).lower()


def test_no_sugar_added_is_unsweetened(foods: FoodTable) -> None:
    row = entries_of(["1 cup applesauce, no sugar added"], foods).iloc[0]
    assert "unsweetened" in str(row["description"]).lower()


@pytest.mark.parametrize("line", ["no sugar", "no milk, no sugar", "without salt"])
def test_a_line_that_only_says_what_was_not_eaten_is_no_food(line: str, foods: FoodTable) -> None:
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), foods=foods, min_day_kcal=0)
    assert result.entries.empty
    assert "says what was not eaten" in result.rejected.iloc[0]["reason"]


def test_a_negated_preparation_before_a_food_is_that_food(foods: FoodTable) -> None:
    row = entries_of(["no sugar added applesauce"], foods).iloc[0]
    assert "unsweetened" in str(row["description"]).lower()
