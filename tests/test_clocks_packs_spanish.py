"""Clock times, packs, Spanish and French words, and supplement shorthand (issue 12).

Written from rules, with lines made up here: a clock time with a bare ``a``/``p`` or
said after the food is no amount; a pouch or a sleeve is a count of the food's own
pack; a size said of a food eaten by the handful is no size of one crisp; a line of a
clock time or a duration and no food is a note of the day; cups, spoons and foods
named in Spanish or Quebec French; supplements named in Spanish, written in
thousands before a ``+``, with a count of caplets after the doses, or listed under a
label with a word of context.
"""

from __future__ import annotations

import math

import pytest
from diary import entries_of, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.supplements import detect_supplement

# --------------------------------------------------------------------------- clocks


@pytest.mark.parametrize(
    ("line", "rest", "time"),
    [("10:15p - 1 banana", "1 banana", "10:15p"), ("7a: 2 eggs", "2 eggs", "7a")],
)
def test_a_clock_time_with_a_bare_a_or_p_is_a_prefix(line: str, rest: str, time: str) -> None:
    stripped = strip_prefix(line)
    assert stripped[0] == rest
    assert stripped[2] == time


@pytest.mark.parametrize(
    "line",
    ["greek yogurt @ 6:30am", "greek yogurt 6:30", "greek yogurt (6:30)", "greek yogurt at 7pm"],
)
def test_a_clock_time_after_the_food_is_no_amount(line: str, foods: FoodTable) -> None:
    # FNDDS 11411390 Yogurt, Greek, plain: Quantity not specified = 150 g; the time
    # used to be read as 6 (or 630) portions
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == ["fndds:11411390"]
    assert rows["grams"].iloc[0] == pytest.approx(150.0)


@pytest.mark.parametrize(
    "line", ["marked essays until 10pm", "walked the kids to school 8:10", "dog walk 45 min"]
)
def test_a_note_of_the_day_with_a_time_and_no_food_is_no_entry(line: str) -> None:
    assert not rejected_reasons(line).empty


def test_a_count_of_weeks_is_no_food() -> None:
    # "today" used to be "corrected" into tokay, a dessert wine
    assert not rejected_reasons("20 wks today").empty


def test_a_time_beside_a_food_keeps_the_food(foods: FoodTable) -> None:
    rows = entries_of(["banana at 9pm"], foods)
    assert rows["food_id"].tolist() == ["sr28:09040"]


# --------------------------------------------------------------------------- packs


def test_a_pouch_is_the_foods_own_pouch(foods: FoodTable) -> None:
    # FNDDS 63101120 Applesauce, unsweetened: pouch = 90 g (the SR28 twin's weight)
    rows = entries_of(["2 pouches applesauce"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(180.0)


def test_a_sleeve_of_crackers_is_the_survey_sleeve(foods: FoodTable) -> None:
    # FNDDS 54325000 Crackers, saltine: sleeve = 115 g
    rows = entries_of(["half a sleeve of saltines"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(57.5)


def test_a_size_of_a_food_eaten_by_the_handful_is_no_size_of_one_piece(
    foods: FoodTable,
) -> None:
    # SR28 19411 potato chips weigh 28 g for 22 chips: "large" used to be 1.5 chips
    grams = entries_of(["large potato chips"], foods)["grams"].iloc[0]
    assert math.isnan(grams) or grams > 20


def test_a_size_with_a_count_of_small_items_still_scales_each(foods: FoodTable) -> None:
    # SR28 09132 grapes: 10 grapes = 49 g; USDA has no large grape: 1.5 x 4.9 g each
    rows = entries_of(["10 large grapes"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(73.5)


# --------------------------------------------------------------------------- languages


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 36406 Arroz con habichuelas colorados: 1 cup = 157 g
        ("1 taza arroz con habichuelas", "sr28:36406", 157.0),
        # FNDDS 92611100 Oatmeal beverage with milk: 1 cup = 248 g
        ("avena caliente, 1 taza", "fndds:92611100", 248.0),
        # SR28 09050 Blueberries, raw: 1 cup = 148 g
        ("bleuets 1 tasse", "sr28:09050", 148.0),
        # FNDDS 61210000 Orange juice, 100%, NFS: 1 cup = 248 g
        ("1 taza jugo de china", "fndds:61210000", 248.0),
    ],
)
def test_spanish_and_french_cups_and_foods(
    line: str, food_id: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]
    assert rows["grams"].iloc[0] == pytest.approx(grams)


def test_a_spoonful_in_spanish_is_a_tablespoon(foods: FoodTable) -> None:
    # SR28 16098 peanut butter, smooth: 1 tbsp = 16 g
    rows = entries_of(["2 cucharadas peanut butter"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(32.0)


# --------------------------------------------------------------------------- supplements


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [
        ("magnesio 250 mg", "magnesium_mg", 250.0),
        ("calcio 500mg", "calcium_mg", 500.0),
        ("vitamina D 1000 IU", "vitamin_d_ug", 25.0),
    ],
)
def test_supplements_named_in_spanish(line: str, column: str, amount: float) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {column: pytest.approx(amount)}


def test_a_dose_in_thousands_before_a_plus() -> None:
    found = detect_supplement("D3 1k + mag 300")
    assert found.nutrients == {
        "vitamin_d_ug": pytest.approx(25.0),
        "magnesium_mg": pytest.approx(300.0),
    }


def test_a_count_of_caplets_after_the_doses_multiplies_each() -> None:
    found = detect_supplement("magnesium 100 mg + D3 10 mcg, 3 capsules")
    assert found.nutrients == {
        "magnesium_mg": pytest.approx(300.0),
        "vitamin_d_ug": pytest.approx(30.0),
    }


@pytest.mark.parametrize("line", ["zinc 25", "selenium 200", "vitamin C 1000 + zinc 15"])
def test_an_untracked_nutrient_with_a_bare_dose_is_a_supplement(line: str) -> None:
    found = detect_supplement(line)
    assert (found.kind, found.nutrients) == ("supplement", {})


def test_iron_with_a_small_number_stays_a_food_word() -> None:
    assert detect_supplement("iron 2").kind == "food"


@pytest.mark.parametrize(
    "line", ["children's gummy vitamins", "2 chewable vitamins", "athletic greens 1 scoop"]
)
def test_vitamins_without_a_name_and_greens_powders_are_supplements_of_unknown_amount(
    line: str,
) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {}
    assert "unknown amount" in (found.assumption or "")


def test_gummy_bears_stay_a_food() -> None:
    assert detect_supplement("6 gummy bears").kind == "food"


def test_a_supplement_list_with_a_word_of_context(foods: FoodTable) -> None:
    rows = entries_of(["night stack: D3 1k + mag 300"], foods)
    assert rows["kind"].tolist() == ["supplement"]
    assert rows["magnesium_mg"].iloc[0] == pytest.approx(300.0)
    assert rows["vitamin_d_ug"].iloc[0] == pytest.approx(25.0)


def test_a_short_stack_label_keeps_its_pancakes(foods: FoodTable) -> None:
    rows = entries_of(["short stack: 3 pancakes"], foods)
    assert rows["kind"].tolist() == ["food"]
