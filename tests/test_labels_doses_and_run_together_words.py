"""A note before a separator that labels the food after it, a medication's dose, a
prenatal visit, two food words run together, a unit after a dash, squares of baked bars,
chews, and a combined supplement with each dose beside its symbol."""

from __future__ import annotations

import pandas as pd
import pytest
from diary import entries_of_line

import nutrilog as nl
from nutrilog.quantity import parse_quantity
from nutrilog.supplements import detect_supplement


def test_a_note_before_a_separator_labels_the_food_after_it(foods: nl.FoodTable) -> None:
    rows = entries_of_line(foods, "post-yoga hunger -> 1 cup greek yogurt")
    assert len(rows) == 1 and "yogurt" in rows.iloc[0]["description"].lower()


def test_a_note_and_a_note_after_the_separator_stay_no_food(foods: nl.FoodTable) -> None:
    assert entries_of_line(foods, "nausea - 1 ondansetron 4 mg").empty


@pytest.mark.parametrize("line", ["Diclegis 10mg", "metformin 500 mg"])
def test_a_dose_in_milligrams_with_no_food_word_is_no_food(foods: nl.FoodTable, line: str) -> None:
    assert not (entries_of_line(foods, line)["kind"] == "food").any()


def test_salt_weighed_in_milligrams_is_still_food(foods: nl.FoodTable) -> None:
    assert pd.notna(entries_of_line(foods, "sea salt 250mg").iloc[0]["food_id"])


def test_a_prenatal_visit_is_no_vitamin() -> None:
    assert detect_supplement("prenatal checkup at 20 wks").kind == "food"
    assert detect_supplement("prenatal gummies 2").kind == "supplement"


@pytest.mark.parametrize(
    ("line", "start"), [("8 fishsticks", "Fish, fish sticks"), ("1 cup applejuice", "Apple juice")]
)
def test_two_food_words_run_together(foods: nl.FoodTable, line: str, start: str) -> None:
    assert entries_of_line(foods, line).iloc[0]["description"].lower().startswith(start.lower())


def test_a_unit_alone_after_a_dash_is_one_of_it() -> None:
    parsed = parse_quantity("broccoli cheddar soup - bowl")
    assert (parsed.food, parsed.quantity, parsed.unit) == ("broccoli cheddar soup", 1.0, "bowl")


def test_a_square_of_a_baked_bar_is_one_piece(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "a square of brownie").iloc[0]
    assert row["grams"] > 20  # a piece of brownie, not a 6 g square of a chocolate bar


def test_a_chew_is_a_dose_form() -> None:
    assert detect_supplement("calcium chew").kind == "supplement"


def test_each_symbol_takes_the_dose_beside_it() -> None:
    info = detect_supplement("cal-mag-zinc (Ca 333mg / Mg 133mg / Zn 5mg)")
    assert info.nutrients["calcium_mg"] == pytest.approx(333.0)
    assert info.nutrients["magnesium_mg"] == pytest.approx(133.0)


def test_a_carton_of_milk_is_a_half_pint(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "1 carton skim milk").iloc[0]
    assert row["grams"] == pytest.approx(8 * 30.6, rel=0.05)  # 8 fl oz of skim milk


def test_a_label_before_no_food_stays_no_food(foods: nl.FoodTable) -> None:
    assert entries_of_line(foods, "tennis club final - 3 games").empty
