"""Spelling slips, foods run together after a brand, and lines about the skin or a
physical-therapy visit (issue 12). Lines made up here; weights from the USDA portions
named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.spelling import Speller


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a letter left out of a long word, not one added to a short one (papa)
        ("papya 1 cup", "sr28:09226", 145.0),  # SR28 papayas, raw: cup 1" pieces 145 g
        # a letter added at the end stays a slip of the shorter word
        ("1 cup gritz", "sr28:08091", 257.0),  # SR28 corn grits, cooked: cup 257 g
    ],
)
def test_a_slip_lands_on_the_word_it_misspells(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_missing_letter_beats_an_added_one_inside_a_short_word() -> None:
    speller = Speller({"papaya": 12, "papa": 1000})
    assert speller.correct("papya") == "papaya"
    assert Speller({"grit": 70, "gripz": 6}).correct("gritz") == "grit"


@pytest.mark.parametrize("line", ["worked OT til 7", "homework til 11pm"])
def test_til_with_a_time_is_until(line: str) -> None:
    assert rejected_reasons(line).str.contains("not a food entry").all()


def test_a_brand_then_a_food_are_two_foods(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "spam eggs and rice")
    # SPAM (SR28 luncheon meat with ham), two eggs, one cup of rice
    assert list(rows["food_id"]) == ["sr28:07908", "fndds:31105005", "sr28:20045"]
    assert rows["assumptions"].str.contains('component: of "spam eggs and rice"').all()


def test_a_chicken_burrito_is_the_plain_one(foods: FoodTable) -> None:
    # FNDDS burrito with chicken, medium 238 g: nothing says beans, rice or sour cream
    lands_on(foods, "1 chkn burrito", "fndds:58100200", 238.0)


@pytest.mark.parametrize(
    "line",
    [
        "mag oil spray on calves",
        "Mg oil sprayed on calves before bed",
        "magnesium lotion rubbed on legs",
        "PT for shoulder 4pm",
    ],
)
def test_something_put_on_the_skin_or_a_therapy_visit_is_no_intake(line: str) -> None:
    assert rejected_reasons(line).str.contains("not a food entry").all()


def test_a_pint_is_still_a_pint(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "1/2 pt semi-skimmed milk")
    assert len(rows) == 1
    assert rows.iloc[0]["food_id"] == "sr28:01079"  # SR28 2% milk
