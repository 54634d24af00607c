"""A diary written in French or Spanish (issue 12): the words of
``datasets/synonyms.csv`` and ``units.csv`` for Quebec and France and the Spanish
measures, the French joins ``et`` and ``avec``, Spanish ``c/`` and ``sin``, the elided
``d'`` and ``l'``, and ``pain`` that is bread beside a French word but an ache in
English. Lines made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 tranches de pain brun", "sr28:18075", 2 * 32.0),  # SR28 whole-wheat, 32 g a slice
        ("une poignée d'amandes", "sr28:12061", 28.0),  # a handful of almonds, 1 oz
        ("1 bol de soupe aux pois", "fndds:41602050", 312.0),  # FNDDS split pea soup, bowl
        ("1 bouteille de bière", "sr28:14003", 356.0),  # SR28 beer, 12 fl oz bottle
        ("croustilles 1 sac", "sr28:19411", 28.0),  # Quebec potato chips, one snack bag
    ],
)
def test_french_foods_and_measures(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize("line", ["gruau avec sirop d'érable", "2 oeufs au plat et patates"])
def test_french_joins_split_a_plate(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 2 and rows["food_id"].notna().all(), rows[["food", "food_id"]]


@pytest.mark.parametrize("line", ["back pain 7/10", "pain in my neck all day"])
def test_pain_in_english_is_still_an_ache(line: str) -> None:
    assert rejected_reasons(line).str.contains("symptom").all()


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("pollo frito 3 pedazos", "fndds:24107070", 3 * 85.0),  # FNDDS fried chicken piece
        ("1 lata de coca cola", "sr28:14148", 370.0),  # SR28 cola, 12 fl oz can
    ],
)
def test_spanish_measures(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


def test_spanish_c_slash_joins_and_sin_leaves_out(foods: FoodTable) -> None:
    assert len(entries_of_line(foods, "tostones c/ aguacate")) == 2
    rows = entries_of_line(foods, "cafe con leche, sin azucar")
    assert len(rows) == 1 and "left out" in rows.iloc[0]["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("3 salchichas", "sr28:07022"),  # frankfurters, not three hot dog sandwiches
        ("2 galletas saladas", "sr28:18228"),  # saltine crackers
        ("palomitas 1 bolsa", "fndds:54403001"),  # popcorn, one snack bag
    ],
)
def test_spanish_food_words(foods: FoodTable, line: str, food_id: str) -> None:
    assert entries_of_line(foods, line).iloc[0]["food_id"] == food_id
