"""A chain's size and name where diaries put them, what a supplement is taken for,
skipped meals named before a note, Canadian words (issue 12, ninth round). Lines made
up here."""

from __future__ import annotations

import pytest
from diary import entries_of_line, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.dishes import bar_format, chain_closing, size_first
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.supplements import detect_supplement


@pytest.mark.parametrize(
    ("line", "moved"),
    [
        ("starbucks venti latte", "venti starbucks latte"),
        ("tim hortons sm coffee", "sm tim hortons coffee"),
        ("latte grande", None),  # no brand opens the line
        ("starbucks latte", None),  # no size after the brand
    ],
)
def test_a_size_after_a_brand_is_read_first(line: str, moved: str | None) -> None:
    assert size_first(line) == moved


def test_a_size_after_a_chain_weighs_the_drink(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "dunkin lg latte")
    assert entries["unit"].tolist() == ["large"]
    assert entries["grams"].tolist() == [pytest.approx(600.0)]  # FNDDS Coffee, Latte: 1 large


def test_a_chain_closing_a_line_is_found() -> None:
    assert chain_closing("grilled chicken sandwich chick fil a") == len("grilled chicken sandwich")
    assert chain_closing("chick fil a") is None  # nothing before it
    assert chain_closing("2 eggs") is None


@pytest.mark.parametrize(
    ("line", "magnesium"),
    [
        ("magnesium glycinate 120 mg to help with sleep", 120.0),
        ("mag citrate 150mg for leg cramps at night", 150.0),
    ],
)
def test_what_a_supplement_is_for_is_no_food(line: str, magnesium: float) -> None:
    info = detect_supplement(line)
    assert (info.kind, info.nutrients) == ("supplement", {"magnesium_mg": magnesium})


def test_a_supplement_named_with_its_purpose_and_no_dose_is_unknown(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "magnesium for cramps")
    assert entries["kind"].tolist() == ["supplement"]
    assert entries["assumptions"].str.startswith("unknown amount: Magnesium").all()


@pytest.mark.parametrize("line", ["skipped lunch - chem lab", "skip dinner: back to back calls"])
def test_a_skipped_meal_before_a_note_is_no_food(line: str) -> None:
    assert rejected_reasons(line).str.contains("skipped meal").all()


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("18% cream 1 tbsp", "sr28:01050"),  # Cream, fluid, light
        ("35% cream 2 tbsp", "sr28:01053"),  # Cream, fluid, heavy whipping
        ("3 slices peameal bacon", "sr28:10998"),  # Canadian bacon, cooked
        ("swt potato mash 1 cup", None),  # sweet written short: a sweet potato food
    ],
)
def test_canadian_words_and_shorthand(foods: FoodTable, line: str, food_id: str | None) -> None:
    entries = entries_of_line(foods, line)
    if food_id is None:
        assert entries["description"].str.contains("Sweet potato").all()
    else:
        assert entries["food_id"].tolist() == [food_id]


def test_poutine_is_left_unmatched_as_a_food_usda_lacks(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "small poutine")
    assert entries["food_id"].isna().all()
    assert entries["assumptions"].str.contains("not in USDA").all()


def test_fish_and_chips_is_a_chip_shop_fillet_and_fries(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "fish n chips")
    # FNDDS coated fried fish, medium fillet = 170 g; FNDDS fast-food fries, medium order = 145 g
    assert entries["food_id"].tolist() == ["fndds:26100140", "fndds:71401030"]
    assert entries["grams"].tolist() == [pytest.approx(170.0), pytest.approx(145.0)]


@pytest.mark.parametrize(
    ("line", "left"),
    [
        ("kit kat 4 finger", "kit kat"),
        ("2-finger kitkat", "1/2 kitkat"),  # half the regular four-finger bar
        ("twix (2 fingers)", "twix"),
        ("6 fish fingers", None),  # fish fingers are the food
    ],
)
def test_a_bars_count_of_fingers_is_its_format(line: str, left: str | None) -> None:
    assert bar_format(line) == left


def test_a_four_finger_bar_is_one_bar(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "kitkat 4 finger")
    assert entries["food_id"].tolist() == ["sr28:19109"]  # Candies, KIT KAT Wafer Bar
    assert entries["grams"].tolist() == [pytest.approx(42.0)]  # 1 bar (1.5 oz)


@pytest.mark.parametrize(
    ("line", "grams"),
    [("sardines 1 tin (120g)", 120.0), ("a bowl (300 g) of lentil soup", 300.0)],
)
def test_a_weight_in_brackets_wins_over_a_vague_container(
    foods: FoodTable, line: str, grams: float
) -> None:
    entries = entries_of_line(foods, line)
    assert entries["grams"].tolist() == [pytest.approx(grams)]


@pytest.mark.parametrize(
    ("line", "rest", "meal"),
    [
        ("Sat lunch ** 2 tacos", "2 tacos", "Sat lunch"),
        ("dinner >> 1 cup rice", "1 cup rice", "dinner"),
        ("after gym >> protein bar", "protein bar", "after gym"),
    ],
)
def test_stars_and_double_arrows_set_a_meal_apart(line: str, rest: str, meal: str) -> None:
    assert strip_prefix(line)[:2] == (rest, meal)


@pytest.mark.parametrize("line", ["french toast", "2 slices french bread", "french dressing"])
def test_a_brand_word_its_food_names_plainly_is_no_brand(foods: FoodTable, line: str) -> None:
    entries = entries_of_line(foods, line)
    assert not entries["assumptions"].fillna("").str.contains("brand:").any()
    # the mustard maker still reads as a brand mapped to its generic food
    mustard = entries_of_line(foods, "french's mustard 1 tsp")
    assert mustard["assumptions"].str.contains("brand: french's mustard").all()
