"""Cans, doses and counts (issue 12): a can of a drink USDA weighs by volume alone is
the 12 fl oz US can; a food written in milligrams is a capsule, not a crumb of food; a
count at the end of a supplement line counts every dose on it; a count of nuts beside
oatmeal counts nuts; and a few prefixes and words read as people type them. Lines made
up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pandas as pd
import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.supplements.detect import detect_supplement


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 apricot nectar: 31.4 g a fl oz, x 12
        ("1 can apricot nectar", "sr28:09036", 376.8),
        # SR28 peach nectar: 31.1 g a fl oz, x 12
        ("can of peach nectar", "sr28:09251", 373.2),
    ],
)
def test_a_can_of_a_drink_weighed_by_volume_is_twelve_fl_oz(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_can_of_a_food_is_still_its_own_can(foods: FoodTable) -> None:
    # SR28 light tuna in water, drained: 1 can = 165 g, not 12 fl oz of anything
    lands_on(foods, "1 can tuna", "sr28:15121", 165.0)


@pytest.mark.parametrize(
    "line", ["flaxseed oil 1000mg", "pumpkin seed oil 1000 mg", "garlic 500mg"]
)
def test_a_food_written_in_milligrams_is_a_supplement(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == 1
    assert rows.iloc[0]["kind"] == "supplement"
    assert rows.iloc[0]["food_id"] != rows.iloc[0]["food_id"]  # no food matched (NaN)


@pytest.mark.parametrize(
    ("line", "why"), [("Zofran 8mg", "medication"), ("glucose 101 mg/dL", "lab")]
)
def test_medicines_and_blood_readings_stay_rejected(line: str, why: str) -> None:
    assert rejected_reasons(line).str.contains(why).all()


def test_postnatal_vitamins_are_multivitamins() -> None:
    found = detect_supplement("postnatal vitamin - nature made")
    assert found.kind == "supplement"
    assert found.nutrients == {}
    assert "multivitamin" in (found.note or "")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 300 mg calcium and 400 IU (10 µg) vitamin D, two of each
        ("ca carbonate 300mg/D3 400iu x2", {"calcium_mg": 600.0, "vitamin_d_ug": 20.0}),
        # what the tablets hold together, written after "="
        ("cal-mag 3 tabs = 600mg Ca + 300mg Mg", {"calcium_mg": 600.0, "magnesium_mg": 300.0}),
        ("magnesium citrate 2 caps = 300mg", {"magnesium_mg": 300.0}),
        # a dose before "=" stays one unit's
        ("potassium 99mg = 1 tab", {"potassium_mg": 99.0}),
    ],
)
def test_counts_and_totals_of_supplement_lines(line: str, expected: dict[str, float]) -> None:
    assert detect_supplement(line).nutrients == pytest.approx(expected)


def test_a_count_of_nuts_beside_oatmeal_counts_nuts(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "oatmeal + 12 almonds")
    almonds = rows[rows["food_id"] == "sr28:12061"]
    # SR28 almonds: 1.2 g an almond (the half ounce scattered on oatmeal is for no count)
    assert almonds["grams"].tolist() == pytest.approx([14.4])


def test_a_count_of_sugars_still_counts_teaspoons(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "tea w/ 3 sugars")
    sugar = rows[rows["food_id"] == "sr28:19335"]
    assert sugar["grams"].tolist() == pytest.approx([12.6])  # SR28 sugar, 4.2 g a tsp


def test_a_drink_size_after_its_additions_is_the_drinks(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "hot coffee w milk & sugar 16oz")
    by_food = dict(zip(rows["food_id"], rows["grams"], strict=True))
    assert by_food["sr28:19335"] == pytest.approx(4.2)  # one teaspoon, not a pound of sugar
    coffee = [g for f, g in by_food.items() if f not in ("sr28:19335",) and g > 100]
    assert coffee and coffee[0] > 400  # 16 fl oz of coffee


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 plum: 66 g a fruit
        ("break @ shop - 1 plum", "sr28:09279", 66.0),
        # SR28 papaya: 1 cup of 1" pieces 145 g
        ("lunch> 1 cup papaya", "sr28:09226", 145.0),
        # FNDDS stuffed jalapeno pepper ("poppers"): 25 g each
        ("jalapeno poppers x3", "fndds:75410550", 75.0),
        # FNDDS restaurant garlic bread: "piece/slice Texas Toast" 40 g
        ("3 slices texas toast", "fndds:51121025", 120.0),
        # SR28 pan-fried bacon: 11.5 g a slice
        ("2 strps bacon", "sr28:10862", 23.0),
        # FNDDS crab, NS as to cooking method: "snow crab leg (cooked, shell removed)" 10 g
        ("8 snow crab legs", "fndds:26305110", 80.0),
    ],
)
def test_prefixes_names_and_units_as_typed(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_meal_with_whom_is_no_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "lunch w/ grandkids: 1 cup papaya")
    assert rows["food_id"].tolist() == ["sr28:09226"]


def test_a_typed_short_diet_is_diet(foods: FoodTable) -> None:
    # SR28 low-calorie cola: 29.6 g a fl oz (not a fountain cup's fl oz with its ice)
    lands_on(foods, "dt pepsi 12oz", "sr28:14416", 355.2)


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # a silent h left off, as Spanish speakers write it
        ("ummus 2 tbsp", "sr28:16158"),
        ("alibut 4oz", "sr28:15037"),
    ],
)
def test_a_word_written_without_its_silent_h(foods: FoodTable, line: str, food_id: str) -> None:
    rows = entries_of_line(foods, line)
    assert rows["food_id"].tolist() == [food_id]
    assert "spelling" in rows.iloc[0]["assumptions"]


def test_a_food_usda_lacks_is_no_slip_of_another(foods: FoodTable) -> None:
    # haluski (noodles with cabbage) is one letter from halupki (cabbage rolls)
    row = entries_of_line(foods, "haluski 1.5 cups").iloc[0]
    assert pd.isna(row["food_id"])
    assert "not in USDA" in row["assumptions"]


def test_a_sized_drink_with_no_size_of_its_own_takes_a_coffee_cup(foods: FoodTable) -> None:
    # FNDDS hot chocolate: 31 g a fl oz; FNDDS's large coffee cup holds 20 fl oz
    lands_on(foods, "1 large hot cocoa", "fndds:11512010", 620.0)


def test_mint_in_a_drink_is_a_garnish(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "iced tea w/ fresh mint")
    assert len(rows) == 1
    assert "garnish" in rows.iloc[0]["assumptions"]


def test_a_reuben_on_rye_is_one_sandwich(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "reuben on rye bread")
    assert rows["food_id"].tolist() == ["fndds:27510950"]  # FNDDS Reuben holds its rye
