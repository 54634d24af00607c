"""A note before a food (a chore, a symptom, a craving), a nutrient's word taken by the
spoon, cans and boxes counted as sold, words run together with a slip, and names in
brackets that a spelling fix would turn into a food.

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of, rejected_reasons

# --- a note before the food -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a chore with an ordinal and a clock, then a double dash: SR28 09003 apple,
        # "medium (3" dia)" 182 g
        ("3rd feeding 5pm -- 1 apple", "sr28:09003", 182.0),
        # a symptom, then a comma and a verb of eating: SR28 09040 banana, medium 118 g
        ("4am calf cramp, ate a banana", "sr28:09040", 118.0),
        ("neck spasm, had a banana", "sr28:09040", 118.0),
    ],
)
def test_a_note_before_a_food_labels_it(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


def test_a_symptom_with_no_food_after_its_comma_stays_a_note() -> None:
    assert rejected_reasons("back stiff, had to stretch").str.contains("not a food entry").all()


def test_a_measured_food_after_a_craving_is_eaten_though_its_words_need_reading() -> None:
    # "butter pecan" is read as the flavour of ice cream only after a synonym: the line
    # had been rejected as a symptom; SR28 19095 vanilla ice cream, 1 cup = 2 x 66 g
    row = one_entry("10pm craving - 1 cup butter pecan ice cream")
    assert row["food_id"] == "sr28:19095"
    assert row["grams"] == pytest.approx(132.0)


# --- a nutrient's word by the spoon or the cup --------------------------------------------


def test_a_fat_by_the_spoon_with_its_food_named_is_food() -> None:
    row = one_entry("1 tbsp bacon fat")
    assert row["food_id"] == "sr28:04609"  # SR28 animal fat, bacon grease: 1 tbsp 12.9 g
    assert row["grams"] == pytest.approx(12.9)
    entries, rejected = analysed("1/4 c grandma's schmaunt fat")
    assert rejected.empty and len(entries) == 1  # a food, matched or not, never a tally


@pytest.mark.parametrize("line", ["fiber 2 tbsp", "fat: 2 tbsp", "fat 60g", "protein: 120 g"])
def test_a_nutrient_alone_stays_a_tally(line: str) -> None:
    assert rejected_reasons(line).str.contains("tally").all()


# --- cans and boxes counted as sold -------------------------------------------------------


def test_a_count_of_canned_drinks_takes_the_can_the_usual_amount_weighs() -> None:
    # FNDDS 95310400 Monster: "can or bottle (16 fl oz)" 496 g, its "Quantity not
    # specified"; not the 8.3 fl oz can listed first (257 g)
    row = one_entry("3 monsters")
    assert row["grams"] == pytest.approx(3 * 496.0)


def test_a_juice_box_is_the_usual_box_not_the_fun_size_one() -> None:
    # FNDDS 64100100 fruit juice: "juice box/pouch (6.75 fl oz)" 209 g, not the
    # "fun size box (4.23 fl oz)" 131 g listed first
    one_entry_of("2 juice boxes", "fndds:64100100", 2 * 209.0)


def test_a_brand_item_named_by_fndds_weighs_its_own_row() -> None:
    # FNDDS 53109200 snack cake: "Twinkie (Hostess Twinkies)" 42 g
    one_entry_of("a hostess twinkie", "fndds:53109200", 42.0)
    one_entry_of("3 twinkies", "fndds:53109200", 3 * 42.0)


def test_bud_is_regular_beer_and_mac_is_mac_and_cheese() -> None:
    # SR28 14003 regular beer, 29.7 g per fl oz; a tallboy is a 16 fl oz can
    row = one_entry("tallboy of bud")
    assert row["food_id"] == "sr28:14003"
    assert row["grams"] == pytest.approx(475.0, rel=0.01)
    # FNDDS 58145110 macaroni or noodles with cheese: 1 cup 230 g (had been a Big Mac,
    # with no weight by the cup)
    one_entry_of("1 cup mac", "fndds:58145110", 230.0)


# --- words run together with a slip; names in brackets -------------------------------------


def test_two_words_run_together_with_a_slip_in_the_second() -> None:
    # SR28 16098 peanut butter, smooth: 2 tbsp 32 g
    row = one_entry("2 tbs peanutbuter")
    assert row["food_id"] == "sr28:16098"
    assert row["grams"] == pytest.approx(32.0)
    assert "peanutbuter → peanut butter" in row["assumptions"]


def test_a_capitalised_name_in_brackets_is_no_misspelt_food() -> None:
    # "(Moussa)" had been read as mousse, a second food; "(brest)" is still breast
    row = one_entry("orange juice 8 oz (Moussa)")
    assert "juice" in row["description"].lower()
    assert "breast" in one_entry("chicken (brest)")["description"].lower()


# --- a sauce run together with what it seasons ---------------------------------------


def test_a_weight_before_a_sauce_and_a_food_run_together_is_the_food_s() -> None:
    # "6oz shoyu salmon": the soy sauce (served by the spoonful) seasons the salmon,
    # which takes the 6 oz; it had been 170 g of soy sauce, about 9,000 mg of sodium
    entries, rejected = analysed("6oz shoyu salmon")
    assert rejected.empty
    sauce = entries[entries["description"].str.contains("Soy sauce")]
    fish = entries[entries["description"].str.contains("salmon", case=False)]
    assert len(sauce) == 1 and len(fish) == 1
    assert fish["grams"].iloc[0] == pytest.approx(6 * 28.349523125)
    assert sauce["grams"].iloc[0] < 20.0
