"""Dozens, sandwich spreads, items named by their own noun, packs of noodles, drink
flavours before a brand, and the words behind them.

The lines are made up here; the grams are the USDA rows named beside them
(``datasets/portions.csv``, built from SR28 WEIGHT and the FNDDS portions workbook).
"""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable


def _grams(foods: FoodTable, line: str) -> float:
    rows = entries_of_line(foods, line)
    assert len(rows) == 1, rows[["food_id", "grams"]]
    return float(rows.iloc[0]["grams"])


@pytest.mark.parametrize(
    ("line", "one", "times"),
    [
        ("2 dozen steamed clams", "1 steamed clam", 24),
        ("1 doz hard boiled eggs", "1 hard boiled egg", 12),
        ("half dozen dinner rolls", "1 dinner roll", 6),
    ],
)
def test_a_count_of_dozens_is_twelve_each(
    foods: FoodTable, line: str, one: str, times: int
) -> None:
    assert _grams(foods, line) == pytest.approx(times * _grams(foods, one))


def test_a_spread_said_after_a_usda_sandwich_is_in_it(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "roast beef sandwich w/ horseradish")
    assert list(rows["food_id"]) == ["fndds:27513010"]  # FNDDS roast beef sandwich
    assert rows.iloc[0]["grams"] == pytest.approx(154.0)  # its "1 sandwich"
    assert "left out: horseradish" in rows.iloc[0]["assumptions"]


def test_a_spread_with_its_own_amount_is_weighed(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "turkey sandwich w/ 1 tbsp mayo")
    assert list(rows["food_id"]) == ["fndds:27540310", "sr28:04025"]
    assert rows["grams"].tolist() == pytest.approx([143.0, 13.8])  # SR28 mayo 1 tbsp


def test_a_part_the_food_before_is_described_with_is_dropped(foods: FoodTable) -> None:
    # "Turkey submarine sandwich, with cheese, lettuce, tomato and spread"
    rows = entries_of_line(foods, "turkey hoagie w/ provolone")
    assert list(rows["food_id"]) == ["fndds:27540350"]


def test_a_salad_keeps_its_dressing(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "side salad w/ ranch")
    assert "sr28:04639" in set(rows["food_id"])  # ranch is no part of the salad's name


def test_crab_cakes_are_counted_in_cakes(foods: FoodTable) -> None:
    lands_on(foods, "3 crab cakes", "fndds:27250040", 3 * 63.0)  # cake (2-3/4" dia)


def test_a_whole_cake_is_not_a_count_of_a_snack(foods: FoodTable) -> None:
    # a chocolate cake's "cake" row is a whole cake, heavier than a serving
    assert _grams(foods, "2 chocolate cakes") < 500


def test_a_pack_of_ramen_is_the_noodle_package(foods: FoodTable) -> None:
    # SR28 06983: "package without flavor packet" 81 g, its lone "packet" is 6 g
    lands_on(foods, "1 pack chicken ramen", "sr28:06983", 81.0)


def test_slices_after_a_sausage_are_slices(foods: FoodTable) -> None:
    lands_on(foods, "4 kielbasa slices", "fndds:25221310", 4 * 15.0)  # FNDDS slice


def test_a_smoked_sausage_link_is_bun_size(foods: FoodTable) -> None:
    lands_on(foods, "2 links smoked sausage", "fndds:25221405", 2 * 75.0)


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("grape gatorade", "fndds:95320200"),
        ("fruit punch powerade 20oz", "fndds:95320500"),
        ("lemon lime gatorade", "fndds:95320200"),
    ],
)
def test_a_flavour_before_a_drink_brand_is_the_brands_drink(
    foods: FoodTable, line: str, food_id: str
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id]
    assert "flavour:" in rows.iloc[0]["assumptions"]


def test_a_flavoured_drink_has_its_size(foods: FoodTable) -> None:
    lands_on(foods, "fruit punch powerade 20oz", "fndds:95320500", 20 * 31.0)


@pytest.mark.parametrize(
    ("line", "food_id", "corrected"),
    [
        ("3 cups romain", "sr28:11251", "romain → romaine"),
        ("4 devild eggs", "fndds:32102000", "devild → deviled"),
    ],
)
def test_a_letter_left_out_is_read_before_one_put_in(
    foods: FoodTable, line: str, food_id: str, corrected: str
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id]
    assert corrected in rows.iloc[0]["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 slices light bread", "fndds:51101000", 2 * 28.0),  # white bread, medium slice
        ("fried plantains", "fndds:71900200", 85.0),  # FNDDS quantity not specified
        ("1 cup candied yams", "fndds:73406000", 250.0),
        ("1 cup boiled daikon", "sr28:11850", 147.0),  # oriental radish, cooked
        ("3 apple bananas", "sr28:09040", 3 * 118.0),  # medium banana
        ("2 cherry cokes", "fndds:92411510", 2 * 372.0),  # FNDDS lists Cherry Coke
    ],
)
def test_vocabulary_of_the_read_diaries(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("upper back tight after shift", "upper back"),
        ("lower back 6/10 this morning", "lower back"),
        ("naswar after dinner", "naswar"),
    ],
)
def test_back_notes_and_snuff_are_no_food(line: str, cue: str) -> None:
    assert any(cue in reason for reason in rejected_reasons(line))
