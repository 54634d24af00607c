"""Misspelt measures, whose line a supplement is, a hot dog without its bun, a place
between the amount and the food, and notes of money and farm work (issue 12). Lines
made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import lands_on, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.supplements.detect import detect_supplement


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 slce toast", "fndds:51101010", 2 * 25.0),  # FNDDS white toast, 1 slice 25 g
        ("3 tbls ketchup", "sr28:11935", 3 * 17.0),  # SR28 catsup, 1 tbsp 17 g
        # the bun said to be left out: the frankfurter alone (SR28, 50 g each)
        ("3 hot dogs no bun", "sr28:07022", 3 * 50.0),
        # a place between the amount and the food is no part of the food
        ("16oz gas station cappuccino", "fndds:92161000", 16 * 30.0),
        ("raw milk 1 cup", "fndds:11111000", 244.0),  # farm milk: FNDDS whole milk
        ("shot of barbancourt", "fndds:93504000", 42.0),  # a rum: FNDDS 1 shot 42 g
    ],
)
def test_lines_that_read_as_their_food(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_bracketed_name_before_a_supplement_is_whose_line_it_is() -> None:
    info = detect_supplement("(Rosa) calcium 500 + D3")
    assert info.kind == "supplement"
    assert info.nutrients == {"calcium_mg": 500.0}  # vitamin D: not written, unknown


@pytest.mark.parametrize(
    "line", ["milk check came $3,950", "paycheck $1,240", "bedded the heifer pens 6am"]
)
def test_money_and_farm_work_are_notes(line: str) -> None:
    assert rejected_reasons(line).str.contains("not a food entry").all()
