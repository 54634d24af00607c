"""Classes of diary lines that recognition must hold on (issue 12, fourth round).

Each test is written from a rule, with lines made up here: size shorthand beside a
count, a food's own pieces written before or after it, typo'd beans, chain
shorthand, a count in brackets, salts written as chemical formulas, a B12 amount
beside a B-complex, uses on the body, fruits USDA lacks, and names FNDDS gives
itself. Weights were read from the USDA portion rows by hand (SR28 WEIGHT.txt,
FNDDS portions), as noted beside each.
"""

from __future__ import annotations

import pandas as pd
import pytest
from diary import entries_of

from nutrilog.foods import FoodTable
from nutrilog.matching.entry import not_food_reason
from nutrilog.portions import resolve_grams
from nutrilog.quantity import parse_quantity
from nutrilog.supplements import detect_supplement
from nutrilog.supplements.doses import named_formulas
from nutrilog.supplements.words import FORMULAS


def _one(line: str, foods: FoodTable) -> pd.Series:
    rows = entries_of([line], foods)
    assert len(rows) == 1, rows[["food", "food_id"]]
    return rows.iloc[0]


# --------------------------------------------------------------------------- sizes


@pytest.mark.parametrize("line", ["2 med carrots", "a med pear", "1 med. tomato"])
def test_a_size_shorthand_beside_a_count_is_no_medication(line: str) -> None:
    assert not_food_reason(line) is None


@pytest.mark.parametrize("line", ["took my meds", "meds", "2 meds with breakfast"])
def test_medication_lines_stay_not_food(line: str) -> None:
    assert not_food_reason(line) is not None


def test_a_medium_shorthand_weighs_the_medium_item(foods: FoodTable) -> None:
    # SR28 09003 apples, raw, with skin: "1 medium (3" dia)" = 182 g.
    row = _one("3 med apples", foods)
    assert row["food_id"] == "sr28:09003"
    assert row["grams"] == pytest.approx(546.0)


# --------------------------------------------------------------------------- pieces


def test_spears_before_the_food_are_its_count_unit(foods: FoodTable) -> None:
    assert parse_quantity("8 spears of broccoli").unit == "spear"
    # SR28 11012 asparagus, cooked: "4 spears (1/2" base)" = 60 g, 15 g a spear.
    row = _one("8 spears asparagus", foods)
    assert row["food_id"] == "sr28:11012"
    assert row["grams"] == pytest.approx(120.0)


def test_a_bare_count_of_a_food_named_with_its_piece_counts_that_piece(foods) -> None:
    # SR28 07064 pork sausage, link/patty, pan-fried: "1 link" = 23 g (not its
    # 27 g patty, nor the FNDDS twin's 15 g slice).
    out = resolve_grams(
        [3.0], [None], [None], ["sr28:07064"], foods, food_text=["pork sausage links"]
    )
    assert out["grams"].iloc[0] == pytest.approx(69.0)
    assert "link" in out["portion"].iloc[0]


def test_a_count_in_brackets_is_the_amount() -> None:
    parsed = parse_quantity("kit kat (2 bars)")
    assert (parsed.food, parsed.quantity, parsed.unit) == ("kit kat", 2.0, "bar")
    parsed = parse_quantity("pancakes (3)")
    assert (parsed.food, parsed.quantity) == ("pancakes", 3.0)
    # a measure in brackets still wins over a count outside them
    parsed = parse_quantity("1 can (5 oz) tuna")
    assert (parsed.quantity, parsed.unit) == (5.0, "oz")


def test_one_bar_of_a_package_of_bars_is_a_share_of_the_package(foods: FoodTable) -> None:
    # SR28 19160 TWIX: "1 package (2.06 oz, 2 bars)" = 58 g, so one bar is 29 g.
    out = resolve_grams([3.0], ["bar"], ["count"], ["sr28:19160"], foods, food_text=["twix"])
    assert out["grams"].iloc[0] == pytest.approx(87.0)


def test_a_two_word_measure_after_a_comma_is_the_amount() -> None:
    parsed = parse_quantity("pretzels, snack bag")
    assert (parsed.food, parsed.quantity, parsed.unit) == ("pretzels", 1.0, "bag")


def test_red_potatoes_without_a_preparation_are_baked(foods: FoodTable) -> None:
    # SR28 11358 potatoes, red, baked: "potato small (1-3/4" to 2-1/2" dia.)" = 138 g.
    row = _one("3 small red potatoes", foods)
    assert row["food_id"] == "sr28:11358"
    assert row["grams"] == pytest.approx(414.0)
    assert _one("1 raw red potato", foods)["food_id"] == "sr28:11355"


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("1 cup pinto beens", "sr28:16043"),  # beans, pinto, cooked
        ("1/2 cup kidney beens", "sr28:16033"),  # beans, kidney, red, cooked
        ("1 cup blackbeans", "sr28:16015"),  # beans, black, cooked
        ("bk whopper", "sr28:21252"),
        ("cfa chicken sandwich", "sr28:21526"),
        ("mcds big mac", "sr28:21237"),
        ("4 marie biscuits", "fndds:53241510"),  # FNDDS Marie biscuit (rich tea)
        ("3 slices deli ham", "fndds:25230210"),  # FNDDS ham, prepackaged or deli
        ("sausage pizza hot pocket", "fndds:58126150"),  # FNDDS Hot Pockets Sausage Pizza
        ("8 oz roast pork loin", "sr28:10023"),  # pork loin, whole, roasted
        ("3 plain dosa", "fndds:55702100"),  # FNDDS dosa, plain
    ],
)
def test_names_reach_their_food(line: str, food_id: str, foods: FoodTable) -> None:
    assert _one(line, foods)["food_id"] == food_id


@pytest.mark.parametrize("line", ["2 cups pitahaya", "1 red dragon fruit", "3 salak"])
def test_fruits_usda_lacks_stay_unmatched(line: str, foods: FoodTable) -> None:
    assert pd.isna(_one(line, foods)["food_id"])


def test_fruit_named_alone_still_matches(foods: FoodTable) -> None:
    assert _one("1 cup fruit", foods)["food_id"] == "fndds:63100100"


# --------------------------------------------------------------------------- not food


@pytest.mark.parametrize(
    "line",
    [
        "argan oil on my hair",
        "raw honey on skin",
        "aloe on my sunburn",
        "shea butter into my scalp",
    ],
)
def test_uses_on_the_body_are_not_food(line: str) -> None:
    assert not_food_reason(line) is not None


@pytest.mark.parametrize("line", ["coconut oil 1 tbsp", "chicken skin", "aloe vera juice 1 cup"])
def test_the_same_foods_eaten_stay_food(line: str) -> None:
    assert not_food_reason(line) is None


# --------------------------------------------------------------------------- supplements


def test_salts_written_as_formulas_are_supplements(foods: FoodTable) -> None:
    # 8 mEq of potassium: 8 x 39.098 mg; 1 g NaCl (a salt tablet's weight): 39.34% sodium.
    assert detect_supplement("kcl 8 meq").nutrients["potassium_mg"] == pytest.approx(312.8, abs=0.1)
    assert detect_supplement("NaCl 1 g").nutrients["sodium_mg"] == pytest.approx(393.4, abs=0.1)
    assert detect_supplement("MgO 250 mg").nutrients == {"magnesium_mg": 250.0}
    rows = entries_of(["KCl 15 mEq"], foods)
    assert list(rows["kind"]) == ["supplement"]


@pytest.mark.parametrize(
    "formula", ["KCl", "KHCO3", "NaCl", "NaHCO3", "MgO", "MgCl2", "MgCl", "MgSO4", "MgCO3", "CaCO3"]
)
def test_each_formula_the_screen_lets_through_is_named(formula: str) -> None:
    # the quick screen (words.py) and the names (supplement_salts.csv) must agree
    assert FORMULAS.search(formula)
    named = named_formulas(f"{formula} 100 mg")
    assert named != f"{formula} 100 mg" and named.endswith(" 100 mg")
    assert detect_supplement(named).kind == "supplement"


def test_a_b12_amount_beside_a_b_complex_is_its_b12() -> None:
    assert detect_supplement("B complex with 1000 mcg B12").nutrients == {"vitamin_b12_ug": 1000.0}
    assert detect_supplement("b-complex + b12 250mcg").nutrients == {"vitamin_b12_ug": 250.0}
    # a B-complex's own weight is no B12 amount
    assert "vitamin_b12_ug" not in detect_supplement("b complex 50 mg").nutrients


def test_a_wedge_of_a_cheese_without_a_wedge_portion_is_its_default(foods: FoodTable) -> None:
    # SR28 01007 camembert has "1 wedge (1.33 oz)" = 38 g and keeps it; SR28 01009
    # cheddar has none and takes its default portion (FNDDS cheddar's 21 g), not NaN.
    out = resolve_grams(
        [1.0, 1.0],
        ["wedge", "wedge"],
        ["count", "count"],
        ["sr28:01007", "sr28:01009"],
        foods,
        food_text=["camembert", "cheddar"],
    )
    assert out["grams"].tolist() == pytest.approx([38.0, 21.0])


def test_a_dash_of_a_sauce_is_a_teaspoon_and_of_a_seasoning_an_eighth(foods: FoodTable) -> None:
    # SR28 16123 soy sauce: "1 tsp" = 5.3 g; SR28 02047 salt: "1 tsp" = 6 g, 1/8 is 0.75 g.
    out = resolve_grams(
        [1.0, 1.0],
        ["dash", "dash"],
        ["vague", "vague"],
        ["sr28:16123", "sr28:02047"],
        foods,
        food_text=["soy sauce", "salt"],
    )
    assert out["grams"].tolist() == pytest.approx([5.3, 0.75])
