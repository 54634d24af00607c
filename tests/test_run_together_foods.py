"""Foods run together without commas, corrections read by a neighbour, and items a
product name counts (issue 12, ninth round). Lines made up here."""

from __future__ import annotations

import pytest
from diary import entries_of_line

from nutrilog.foods import FoodTable
from nutrilog.matching.match import Matcher
from nutrilog.matching.spelling import Speller
from nutrilog.matching.unlisted import unlisted_foods


@pytest.fixture(scope="module")
def matcher(foods: FoodTable) -> Matcher:
    return Matcher(foods)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3 eggs sausage", ("3 eggs", "sausage")),
        ("ribeye eggs", ("ribeye", "eggs")),
        ("baked chicken rice spinach", ("baked chicken", "rice", "spinach")),
    ],
)
def test_foods_run_together_are_listed(matcher: Matcher, line: str, expected: tuple) -> None:
    assert unlisted_foods(matcher, line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "2 scrambled eggs",  # a food and how it was cooked
        "sausage egg biscuit",  # a dish the tables name
        "ham cheese sandwich",  # a dish whose name adds only what it is served with
        "green beans",
        "apple pie",
    ],
)
def test_one_food_is_not_cut(matcher: Matcher, line: str) -> None:
    assert unlisted_foods(matcher, line) is None


def test_run_together_foods_are_components_weighed_each(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "2 eggs ham")
    assert entries["food"].tolist() == ["eggs", "ham"]
    assert entries["assumptions"].str.contains('component: of "2 eggs ham"').all()
    # no egg-and-ham sandwich of several hundred grams: two eggs, one default of ham
    assert entries["grams"].iloc[0] == pytest.approx(2 * 55.0)  # FNDDS fried egg, 55 g
    assert entries["food_id"].iloc[1] is not None


def test_a_correction_its_neighbour_pairs_with_wins() -> None:
    speller = Speller({"beret": 40, "berry": 5, "straw": 900})
    pairs = frozenset({("straw", "berry")})
    assert speller.correct("berey") == "beret"  # the commoner word, out of context
    assert speller.paired("berey", "straw", None, pairs) == "berry"
    assert speller.paired("berey", "turkey", None, pairs) is None


def test_beef_jerky_misspelt_is_jerky(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "2 oz beef jerkey")
    assert entries["description"].str.contains("jerky").all()
    assert entries["assumptions"].str.contains("spelling: jerkey → jerky").all()


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("string cheese", 28.35),  # FNDDS part-skim mozzarella, 1 stick
        ("3 string cheeses", 3 * 28.35),
        ("slim jim", 9.6),  # FNDDS beef jerky, 1 Slim Jim
        ("3 Slim Jims", 3 * 9.6),
    ],
)
def test_items_named_by_a_portion_weigh_that_portion(
    foods: FoodTable, line: str, grams: float
) -> None:
    entries = entries_of_line(foods, line)
    assert entries["grams"].tolist() == [pytest.approx(grams)]


def test_a_filling_named_before_wrap_is_the_filling_in_a_large_flour_tortilla(
    foods: FoodTable,
) -> None:
    entries = entries_of_line(foods, "egg wrap")
    assert entries["food"].tolist() == ["flour tortilla", "egg"]
    # SR28 flour tortilla, approx 10" dia = 72 g: the size wraps are rolled in
    assert entries["grams"].iloc[0] == pytest.approx(72.0)
