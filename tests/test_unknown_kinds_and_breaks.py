"""Lines read this round: an unknown word in a kind's place, a brand's flavour in brackets,
work breaks named as meals, counts written as ``couple``, eating verbs, and lines about
activities, travel and appliances that hold no food."""

from __future__ import annotations

import pytest
from diary import entries_of_line

import nutrilog as nl
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.prefixes import strip_prefix


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("quail egg", None),  # a word the tables know: no doubt
        ("jicama pilaf", "Rice pilaf"),
        ("balut egg", "Egg"),
    ],
)
def test_an_unknown_word_before_a_food_word_leaves_the_alias_a_suggestion(
    matcher: Matcher, text: str, guess: str | None
) -> None:
    found = matcher.result(key_of(text))
    if guess is None:
        assert found.method != "none"
        return
    assert found.method == "none"
    assert found.suggestions and guess in found.suggestions[0][1]


def test_an_unknown_word_elsewhere_still_reads_the_alias(matcher: Matcher) -> None:
    # the unknown word does not stand just before a food word
    # ("yummo" is followed by a measure, not by a food word)
    found = matcher.result(key_of("yummo handful peanuts"))
    assert found.method == "alias"


def test_a_brand_flavour_in_brackets_keeps_the_brand_product(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "clif bar (white choc macadamia)").iloc[0]
    assert "CLIF BAR" in row["description"]


@pytest.mark.parametrize(
    ("line", "meal", "rest"),
    [
        ("morning tea - 2 anzac biscuits", "morning tea", "2 anzac biscuits"),
        ("smoko -> sausage roll", "smoko", "sausage roll"),
        ("tea - shepherd's pie", "tea", "shepherd's pie"),
        ("tea - 1 mug", None, "tea - 1 mug"),  # the drink, measured
    ],
)
def test_break_names_before_a_dash(line: str, meal: str | None, rest: str) -> None:
    got_rest, got_meal, _ = strip_prefix(line)
    assert (got_rest, got_meal) == (rest, meal)


def test_couple_counts_before_a_food(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "couple boiled eggs").iloc[0]
    assert row["quantity"] == 2
    assert row["grams"] == pytest.approx(100.0)  # two large hard-boiled eggs, 50 g each


def test_eating_verbs_are_dropped(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "snacked on 1 oz almonds").iloc[0]
    assert "almonds" in row["description"].lower()
    assert row["grams"] == pytest.approx(28.35, rel=0.01)


@pytest.mark.parametrize(
    "line",
    [
        "qigong 20 min",
        "cold plunge 3 min",
        "regional tournament, 4 games",
        "layover in Atlanta",
        "left the rice cooker on keep warm",
    ],
)
def test_activity_travel_and_appliance_lines_are_no_food(foods: nl.FoodTable, line: str) -> None:
    entries = entries_of_line(foods, line)
    assert not (entries["kind"] == "food").any()


def test_an_appliance_beside_a_food_is_still_food(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "1 cup rice from the rice cooker").iloc[0]
    assert row["food_id"] == "sr28:20045"


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("grated parmesan on top", "grated parmesan"),
        ("olive oil on the salad", "olive oil"),
        ("hot sauce on my eggs", "hot sauce"),
        ("1 cup cocoa b4 bed", "1 cup cocoa"),
    ],
)
def test_where_a_food_was_put_is_no_part_of_it(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


def test_a_misspelling_an_alias_keeps_is_still_corrected_to_the_food_word(
    foods: nl.FoodTable,
) -> None:
    # "mac and chese" is an alias row of its own, but "chese" alone is cheese
    row = entries_of_line(foods, "1 oz cheddar chese").iloc[0]
    assert "cheddar" in row["description"].lower()


@pytest.mark.parametrize(
    ("line", "description"),
    [
        ("1 cup ugali", "Cornmeal mush"),
        ("1 cup lugaw", "Congee"),
        ("1 cup juk with beef", "Congee, with meat"),
    ],
)
def test_regional_porridges(foods: nl.FoodTable, line: str, description: str) -> None:
    assert entries_of_line(foods, line).iloc[0]["description"].startswith(description)
