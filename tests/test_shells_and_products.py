"""Shellfish weighed with the shell, magnesium put on the skin, and supplement products
named by brand.

Lines made up for these tests; grams checked against the FNDDS rows named beside them
(``datasets/portions.csv``), doses against the labels named in
``datasets/supplement_products.csv``.
"""

from __future__ import annotations

import math

import pytest
from diary import analysed, one_entry, one_entry_of, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.portions import grams_for
from nutrilog.supplements import detect_supplement

# --- shellfish by the pound ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS crayfish, "oz, with shell, raw (yield after cooking, shell removed)" 2.8 g:
        # 2 lb = 32 oz as bought
        ("2 lbs boiled crawfish", "fndds:26309160", 32 * 2.8),
        # FNDDS lobster, "small lobster (1 lb live weight) (yield ...)" 118 g
        ("1.5 lb lobster", "fndds:26311110", 1.5 * 118.0),
    ],
)
def test_a_pound_of_shellfish_is_weighed_with_its_shell(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)
    assert "weight with shell: 1 lb as bought" in one_entry(line)["assumptions"]


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("1 lb crawfish tails", 453.59237),  # the meat alone: a pound is a pound
        ("1 lb peeled crawfish", 453.59237),
        ("6 oz crawfish", 6 * 28.349523125),  # ounces are the meat's own weight
    ],
)
def test_the_meat_alone_keeps_its_weight(line: str, grams: float) -> None:
    one_entry_of(line, "fndds:26309160", grams)


def test_clams_by_the_pound_take_fnddss_yield(foods: FoodTable) -> None:
    # FNDDS clams: "lb, with shell, yield after shell removed" 68 g
    found = grams_for("fndds:26303100", "lb", "mass", foods, "steamed clams")
    assert found.grams == pytest.approx(68.0)
    assert found.assumption.startswith("weight with shell")


def test_a_food_weighed_without_a_shell_keeps_its_pounds(foods: FoodTable) -> None:
    # SR28 cooked crab has no portion with the shell: a pound stays a pound
    assert grams_for("sr28:15137", "lb", "mass", foods, "crab").grams == pytest.approx(453.59237)


def test_a_crawfish_boil_weighs_the_crawfish_eaten() -> None:
    entries, _ = analysed("crawfish boil - 3 lbs crawfish, 2 corn")
    crawfish = entries.loc[entries["food_id"] == "fndds:26309160", "grams"]
    assert crawfish.tolist() == pytest.approx([48 * 2.8])


def test_a_lobster_roll_is_fnddss_seafood_salad_sandwich() -> None:
    # FNDDS 27550800 names lobster salad; quantity not specified 180 g
    one_entry_of("lobster roll", "fndds:27550800", 180.0)


# --- magnesium on the skin -----------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["rubbed mag oil on my calves", "mag spray on neck", "mag lotion before bed"]
)
def test_mag_oil_on_the_skin_is_no_intake(line: str) -> None:
    """``rubbed mag oil on calves`` had been a serving of peanut butter."""
    reasons = rejected_reasons(line)
    assert reasons.str.contains("soak or skin").all()
    assert detect_supplement(line).nutrients == {}


# --- supplement products -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Slow-Mag Mg Muscle + Heart: 71.5 mg magnesium, 119 mg calcium per tablet
        ("2 slow-mag tablets", {"magnesium_mg": 143.0, "calcium_mg": 238.0}),
        # Aspargin: magnesium and potassium aspartate, 17 mg Mg and 54 mg K per tablet
        ("Aspargin 3 tabs", {"magnesium_mg": 51.0, "potassium_mg": 162.0}),
        # Kalipoz prolongatum: 750 mg potassium chloride = 391 mg potassium
        ("kalipoz 1 tab", {"potassium_mg": 391.0}),
    ],
)
def test_products_give_their_labels_amounts(text: str, amounts: dict[str, float]) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement"
    for column, amount in amounts.items():
        assert info.nutrients[column] == pytest.approx(amount)


def test_citracal_maximum_is_its_own_product_not_the_ranges_unknown() -> None:
    info = detect_supplement("citracal maximum 2 caplets")
    assert info.nutrients["calcium_mg"] == pytest.approx(630.0)
    assert math.isnan(info.nutrients.get("vitamin_d_ug", math.nan))


def test_a_pound_of_shrimp_stays_a_pound() -> None:
    # FNDDS shrimp keep half their weight with the shell (14.2 g of an oz): sold peeled as
    # often as not, so the pound is the shrimp's own
    one_entry_of("1 lb shrimp", "fndds:26319110", 453.59237)


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        # one dose in brackets after a count of units is each unit's, as "2 cans (355 ml)"
        ("potassium gluconate 2 tabs (99mg)", "potassium_mg", 198.0),
        ("vit d 2 softgels (1000 IU)", "vitamin_d_ug", 50.0),  # 2 x 25 µg
        # a total said so stays the total
        ("magnesium 2 caps (400mg total)", "magnesium_mg", 400.0),
    ],
)
def test_a_bracketed_dose_after_a_count_is_each_units(
    text: str, column: str, amount: float
) -> None:
    row = one_entry(text)
    assert row["kind"] == "supplement"
    assert row[column] == pytest.approx(amount)


def test_a_stick_in_a_water_bottle_is_one_stick() -> None:
    # LMNT: 1000 mg sodium, 200 mg potassium, 60 mg magnesium a stick (label)
    info = detect_supplement("LMNT packet in my water bottle")
    assert info.nutrients["sodium_mg"] == pytest.approx(1000.0)
    assert info.nutrients["magnesium_mg"] == pytest.approx(60.0)


# --- spreads said after a sandwich ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # the bread said is the dish's own, the spread is in it: FNDDS turkey sandwich,
        # with spread, quantity not specified 143 g
        ("turkey sandwich on whole wheat w/ mustard", "fndds:27540310", 143.0),
        # FNDDS crab cake sandwich, 1 regular sandwich 180 g
        ("crab cake sandwich w tartar", "fndds:27550110", 180.0),
        # "light bread" is the South's white bread: FNDDS tomato sandwich, 134 g
        ("tomato sandwich on light bread w/ mayo", "fndds:74701000", 134.0),
    ],
)
def test_a_spread_after_a_sandwich_is_in_it(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)
    assert "in the sandwich as USDA weighs it" in one_entry(line)["assumptions"]


def test_fillings_after_a_sandwich_on_a_bread_stay_parts() -> None:
    # lettuce and tomato are no spread: the bread, the turkey and each addition
    entries, _ = analysed("turkey sandwich on wheat w/ lettuce and tomato")
    assert "sr28:18064" in set(entries["food_id"])  # SR28 wheat bread
    assert len(entries) == 4


# --- pieces of a food USDA weighs by several items -----------------------------------


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # FNDDS potato- or cheese-filled dumpling: "pierogi, any size" 38 g, not its
        # "dumpling, any size" 57 g
        ("pierogi 8 pieces", 8 * 38.0),
        ("pierogi ruskie 6 szt", 6 * 38.0),  # Polish szt(uk): pieces
    ],
)
def test_pieces_of_an_item_the_entry_names(line: str, grams: float) -> None:
    one_entry_of(line, "fndds:58121610", grams)


def test_a_piece_is_never_a_whole_cake() -> None:
    # FNDDS chocolate cake: a piece is its usual serving (109 g), not the whole cake row
    assert one_entry("1 piece chocolate cake")["grams"] == pytest.approx(109.0)


def test_pieces_of_fish_are_never_its_fish_cake() -> None:
    # FNDDS fried fish: the "fish cake" row (69 g) names the food's own word; a piece is
    # the usual serving, a small fillet (113 g)
    one_entry_of("2 pcs fried fish", "fndds:26100140", 226.0)


def test_a_share_of_a_chicken_said_after_it() -> None:
    # a quarter of a whole chicken's cooked meat (600 g): FNDDS rotisserie chicken
    one_entry_of("store rotisserie chicken 1/4", "fndds:24102050", 150.0)


# --- Haitian Creole ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # pwason = fish, fri = fried: FNDDS fish, NS as to type, coated, fried
        ("1 pwason fri", "fndds:26100140"),
        # pistach = peanuts (not pistachios), griye = roasted
        ("1 oz pistach griye", "sr28:16090"),
        # kalalou and gonbo are both okra
        ("1 cup kalalou", "sr28:11279"),
    ],
)
def test_haitian_creole_food_words(line: str, food_id: str) -> None:
    assert one_entry(line)["food_id"] == food_id


def test_haitian_ak_joins_two_foods() -> None:
    # espageti ak sosis: spaghetti with sausage, two foods
    entries, _ = analysed("espageti ak sosis")
    assert entries["food_id"].tolist() == ["sr28:20121", "fndds:25221400"]
