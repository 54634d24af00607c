"""Supplement labels written as people chart them, medicines and refusals that are no
food, and drinks by brand, serving and temperature (issue 12, eleventh round). Lines made
up here."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from diary import entries_of_line, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement

# ------------------------------------------------------------------ supplement labels


def test_a_count_of_meq_tablets_multiplies_the_potassium() -> None:
    # 3 x 10 mEq x 39.098 mg per mEq of potassium
    found = detect_supplement("KCl 10 mEq x3").nutrients["potassium_mg"]
    assert found == pytest.approx(3 * 10 * 39.098, rel=1e-3)


def test_a_share_of_the_dose_taken_is_that_share() -> None:
    info = detect_supplement("calcium citrate 500mg - took half")
    assert info.nutrients == {"calcium_mg": 250.0}
    assert "share taken: half" in info.assumption
    assert detect_supplement("mag glycinate 200 mg (only took a quarter)").nutrients == {
        "magnesium_mg": 50.0
    }


def test_doses_stated_for_each_unit_multiply_by_a_count_written_with_x() -> None:
    info = detect_supplement("calcium chews x3 (500mg Ca + 400IU D each)")
    assert info.nutrients["calcium_mg"] == 1500.0
    assert info.nutrients["vitamin_d_ug"] == pytest.approx(30.0)  # 3 x 400 IU / 40


@pytest.mark.parametrize(("line", "ug"), [("vit D3 50k weekly", 1250.0), ("D3 10k daily", 250.0)])
def test_thousands_of_iu_before_how_often(line: str, ug: float) -> None:
    assert detect_supplement(line).nutrients["vitamin_d_ug"] == ug


def test_a_distance_in_thousands_is_still_no_dose() -> None:
    assert detect_supplement("walked 10k daily").kind == "food"  # the line reader rejects it


def test_milligrams_naming_a_products_strength_are_the_product() -> None:
    # Tums 750 is 750 mg of calcium carbonate: 300 mg of calcium per tablet
    assert detect_supplement("Tums 750 mg").nutrients["calcium_mg"] == 300.0
    assert detect_supplement("Tums 500 mg x2").nutrients["calcium_mg"] == 400.0


def test_a_dose_of_a_one_nutrient_product_is_its_nutrient() -> None:
    # Caltrate: 600 mg of calcium a tablet; 1200 mg written is two tablets' worth
    assert detect_supplement("Caltrate 1200 mg").nutrients == {"calcium_mg": 1200.0}


def test_a_strength_read_as_a_count_is_set_right() -> None:
    # "750" after the product is its strength, the tablets are the count after it
    info = detect_supplement("Tums E-X 750, 2 tabs")
    assert info.nutrients["calcium_mg"] == 600.0


def test_dozens_of_tablets_are_never_a_count() -> None:
    info = detect_supplement("Slow-Mag 60 tablets")
    assert info.kind == "supplement"
    assert info.nutrients == {}
    assert "no count of tablets" in info.note


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [
        ("Blackmores magnesium 300 mg", "magnesium_mg", 300.0),
        ("Nature Made calcium", "calcium_mg", math.nan),
        ("Swisse vitamin D", "vitamin_d_ug", math.nan),
    ],
)
def test_a_supplement_makers_name_marks_a_supplement(line: str, column: str, amount: float) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    if math.isnan(amount):
        assert column not in info.nutrients  # unknown, never 0
        assert "unknown amount" in info.assumption
    else:
        assert info.nutrients[column] == amount


def test_a_supplement_makers_name_is_never_a_food(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "Solgar magnesium").iloc[0]
    assert entry["kind"] == "supplement"
    assert math.isnan(entry["magnesium_mg"])


def test_an_oral_rehydration_product_is_a_supplement_of_unknown_amounts() -> None:
    info = detect_supplement("dioralyte sachet")
    assert info.kind == "supplement"
    assert info.nutrients == {}


def test_shelcal_takes_its_label() -> None:
    # Shelcal 500: 500 mg calcium and 250 IU (6.25 ug) vitamin D3 a tablet
    assert detect_supplement("Shelcal 500 x2").nutrients["calcium_mg"] == 1000.0
    assert detect_supplement("shelcal").nutrients["vitamin_d_ug"] == 6.25


# --------------------------------------------------------- medicines and refusals


@pytest.mark.parametrize(
    "line",
    [
        "Nurofen 400mg",
        "crocin 500 after lunch",
        "cyclobenzaprine 10 mg at bedtime",
        "refused the fish, ate nothing",
        "declined dessert",
        "BM x2",
        "heating pad on lower back",
    ],
)
def test_medicines_refusals_and_care_notes_are_no_food(line: str) -> None:
    assert rejected_reasons(line).str.startswith("not a food entry").all()


# ------------------------------------------------------------------------- drinks


def test_a_hot_tea_is_the_tea(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "hot peppermint tea").iloc[0]
    assert "tea" in entry["description"].lower()


def test_a_dry_heat_cooking_word_accepts_a_food_cooked_any_way(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "grilled pork 5 oz").iloc[0]
    assert entry["description"].startswith("Pork")
    assert "cooked" in entry["description"]
    assert entry["grams"] == pytest.approx(5 * 28.3495, rel=1e-3)


def test_a_percentage_of_a_food_is_that_share() -> None:
    assert parse_quantity("ate 25% of the lasagna").quantity == 0.25
    assert parse_quantity("2% milk 1 cup").quantity == 1.0


@pytest.mark.parametrize(
    ("line", "ml"),
    [("schooner of lager", 425.0), ("2 stubbies of beer", 750.0), ("middy of beer", 285.0)],
)
def test_australian_beer_servings(foods: FoodTable, line: str, ml: float) -> None:
    entry = entries_of_line(foods, line).iloc[0]
    assert "beer" in entry["description"].lower()
    # beer weighs about 1.004 g/ml through its own fl oz row
    assert entry["grams"] == pytest.approx(ml * 1.004, rel=0.01)


def test_a_beer_brand_is_beer(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "Tsingtao 330ml").iloc[0]
    assert entry["description"].startswith("Alcoholic beverage, beer")


def test_a_thickened_drink_is_the_drink(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "nectar-thick cranberry juice 4 oz").iloc[0]
    assert "cranberry" in entry["description"].lower()


def test_jc_is_juice(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "orange jc 8oz").iloc[0]
    assert entry["description"].lower().startswith("orange juice")


def test_a_brands_flavour_word_keeps_the_brands_drink(foods: FoodTable) -> None:
    # Maaza is a mango drink: "mango" repeats it, it is no raw mango
    entry = entries_of_line(foods, "Maaza mango 250ml").iloc[0]
    assert entry["description"].lower().startswith("mango nectar")


# ----------------------------------------------------- pieces, containers, trays


def test_a_piece_of_a_large_fruit_is_a_chunk_not_the_fruit(foods: FoodTable) -> None:
    # FNDDS mango 'slice/chunk' 25 g; the whole mango is 336 g
    entry = entries_of_line(foods, "2 pieces of mango").iloc[0]
    assert entry["grams"] == pytest.approx(50.0)
    assert "estimated amount" in entry["assumptions"]


def test_a_piece_of_an_apple_is_still_the_apple(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "a piece of apple").iloc[0]
    assert entry["grams"] > 150


@pytest.mark.parametrize(
    ("line", "quantity", "unit"),
    [
        ("half a 400g tin of chickpeas", 200.0, "g"),
        ("2 12oz cans of soda", 24.0, "oz"),
        ("2 8oz glasses milk", 16.0, "oz"),
    ],
)
def test_a_share_or_count_of_sized_containers(line: str, quantity: float, unit: str) -> None:
    found = parse_quantity(line)
    assert (found.quantity, found.unit) == (quantity, unit)


def test_a_shake_named_plus_is_one_product(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "Ensure Plus 8 fl oz")
    assert len(entries) == 1
    assert "ENSURE PLUS" in entries.iloc[0]["description"]


def test_a_summer_squash_cooked_stays_a_summer_squash(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "summer squash boiled").iloc[0]
    assert entry["description"].startswith("Squash, summer")


def test_a_pureed_vegetable_is_cooked(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "1/2 cup pureed carrots").iloc[0]
    assert "raw" not in entry["description"]


def test_a_pot_of_tea_and_a_few_sips(foods: FoodTable) -> None:
    tea = entries_of_line(foods, "a pot of tea").iloc[0]
    assert tea["grams"] == pytest.approx(16 * 29.6, rel=0.02)  # 16 fl oz of tea
    sips = entries_of_line(foods, "a few sips of juice").iloc[0]
    assert 30 < sips["grams"] < 60  # three sips of about a tablespoon


def test_a_meal_tray_is_a_prefix(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "lunch tray: 1 cup tomato soup").iloc[0]
    assert entry["meal"] == "lunch tray"
    assert "tomato" in entry["description"].lower()


def test_sf_is_sugar_free_and_decaf_black_is_coffee(foods: FoodTable) -> None:
    cocoa = entries_of_line(foods, "SF hot cocoa").iloc[0]
    assert "no sugar added" in cocoa["description"]
    coffee = entries_of_line(foods, "decaf black 8 oz").iloc[0]
    assert "coffee" in coffee["description"].lower()


@pytest.mark.parametrize("line", ["pot roast 4 oz", "2 pot stickers", "chicken pot pie"])
def test_a_pot_in_a_foods_name_is_no_unit(line: str) -> None:
    assert parse_quantity(line).unit != "pot"


def test_a_pot_of_yoghurt_is_a_pot() -> None:
    found = parse_quantity("1 pot strawberry yoghurt")
    assert (found.unit, found.food) == ("pot", "strawberry yoghurt")


@pytest.mark.parametrize(
    ("line", "word"),
    [("pho bo 1 bowl", "Pho"), ("2 idli", "rice flour"), ("souvlaki", "kabob")],
)
def test_dishes_of_other_cuisines_land_on_their_usda_food(
    foods: FoodTable, line: str, word: str
) -> None:
    entry = entries_of_line(foods, line).iloc[0]
    assert word.lower() in entry["description"].lower()


@pytest.mark.parametrize("line", ["galaktoboureko", "com tam"])
def test_dishes_usda_lacks_stay_unmatched(foods: FoodTable, line: str) -> None:
    entry = entries_of_line(foods, line).iloc[0]
    assert pd.isna(entry["food_id"])
    assert "not in USDA" in entry["assumptions"]


@pytest.mark.parametrize(
    ("line", "word"),
    [("food truck - 2 tacos", "taco"), ("warm-up >> 1 banana", "banana")],
)
def test_words_naming_no_food_before_a_separator_label_the_food(
    foods: FoodTable, line: str, word: str
) -> None:
    entries = entries_of_line(foods, line)
    assert len(entries) == 1
    assert word in entries.iloc[0]["description"].lower()


def test_a_slice_of_a_dish_usda_weighs_in_no_slices_is_its_serving(foods: FoodTable) -> None:
    # FNDDS spanakopitta has only a cubic inch, a cup and its 100 g serving
    entry = entries_of_line(foods, "a slice of spanakopita").iloc[0]
    assert entry["grams"] == 100.0
    assert "USDA has no slice" in entry["assumptions"]


def test_vietnamese_measure_words(foods: FoodTable) -> None:
    assert parse_quantity("banh bao 2 cai").unit == "piece"
    assert parse_quantity("1 ly tra da").unit == "glass"


def test_an_amount_after_a_dash_stays_with_its_food_when_others_follow(
    foods: FoodTable,
) -> None:
    entries = entries_of_line(foods, "bagel - 1 whole w/ cream cheese")
    assert len(entries) == 2
    assert "bagel" in entries.iloc[0]["description"].lower()
    assert entries.iloc[1]["description"] == "Cheese, cream"


@pytest.mark.parametrize(
    ("line", "product"),
    [("Boost Plus chocolate 1 bottle", "Boost plus"), ("glucerna vanilla", "Glucerna")],
)
def test_a_flavour_after_a_branded_shake_is_the_shake(
    foods: FoodTable, line: str, product: str
) -> None:
    entry = entries_of_line(foods, line).iloc[0]
    assert product in entry["description"]
    assert "flavour" in entry["assumptions"]
