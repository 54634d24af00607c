"""A dish's kind must be found, a cut of a vegetable is the vegetable, a sachet is a packet.

Lines made up here (issue 12): a salad named by a food USDA has no salad of is left
unmatched rather than landing on another salad; ``florets`` never pushes a steamed
vegetable onto another variety; a sachet takes the food's packet portion; a smoothie
named by its fruit is the generic fruit smoothie.
"""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.foods import FoodTable


def _entries(lines: list[str], foods: FoodTable) -> pd.DataFrame:
    log = nl.parse_entries(lines, date="2026-11-20")
    return nl.analyze(log, nl.Profile(age=40, sex="male"), foods=foods, min_day_kcal=0).entries


@pytest.mark.parametrize("line", ["quinoa salad", "1 bowl farro salad", "freekeh salad"])
def test_a_salad_of_a_food_without_one_is_not_another_salad(line: str, foods: FoodTable) -> None:
    row = _entries([line], foods).iloc[0]
    assert pd.isna(row["food_id"]), row["description"]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("greek salad", ["greek", "salad"]),
        ("chicken salad", ["chicken", "salad"]),
        ("egg salad", ["egg", "salad"]),
        ("fruit salad", ["fruit", "salad"]),
    ],
)
def test_salads_usda_has_are_still_found(line: str, words: list[str], foods: FoodTable) -> None:
    description = str(_entries([line], foods).iloc[0]["description"]).lower()
    assert all(w in description for w in words), description


@pytest.mark.parametrize(
    ("line", "vegetable"),
    [
        ("1 cup broccoli florets, steamed", "broccoli"),
        ("cauliflower florets, steamed", "cauliflower"),
    ],
)
def test_florets_of_a_steamed_vegetable_are_that_vegetable_cooked(
    line: str, vegetable: str, foods: FoodTable
) -> None:
    description = str(_entries([line], foods).iloc[0]["description"])
    assert description.lower().startswith(f"{vegetable}, cooked"), description
    assert "chinese" not in description.lower()


def test_a_sachet_is_the_foods_packet(foods: FoodTable) -> None:
    rows = _entries(["1 sachet instant oatmeal", "1 packet instant oatmeal"], foods)
    assert rows["grams"].notna().all()
    assert rows["grams"].iloc[0] == rows["grams"].iloc[1]


@pytest.mark.parametrize("line", ["banana smoothie", "16 oz mango smoothie"])
def test_a_smoothie_named_by_its_fruit_is_a_fruit_smoothie(line: str, foods: FoodTable) -> None:
    row = _entries([line], foods).iloc[0]
    assert str(row["description"]).startswith("Fruit smoothie"), row["description"]
    assert row["grams"] > 200
