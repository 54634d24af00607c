"""Family tags, notes before a food, sized servings and counted supplement doses.

Lines made up for these tests; grams checked against the USDA rows named beside them
(``datasets/portions.csv``), doses against the labels named in
``datasets/supplement_names.csv`` and ``datasets/supplement_products.csv``.
"""

from __future__ import annotations

import pandas as pd
import pytest
from diary import analysed, one_entry

from nutrilog.supplements import detect_supplement

# --- whom a line is for, and notes before or after a food -----------------------------


def test_a_family_tag_that_is_also_a_brand_is_whom_the_line_is_for() -> None:
    # Mama is an instant-noodle brand; in square brackets before a food it is his mother
    row = one_entry("[mama] 1 cup borscht")
    assert row["food_id"] == "fndds:75601100"  # Borscht
    assert "brand" not in str(row.get("assumptions", ""))


def test_a_chain_before_a_separator_still_says_which_food() -> None:
    row = one_entry("chick-fil-a - 8 nuggets")
    assert "brand" in str(row["assumptions"]) or "chick" in str(row["description"]).lower()


def test_an_amount_after_a_day_note_is_a_food_entry_even_unmatched() -> None:
    entries, rejected = analysed("night shift - lamb zharkoye 6oz")
    assert len(rejected) == 0
    assert len(entries) == 1
    assert entries.iloc[0]["grams"] == pytest.approx(170.1, abs=0.1)  # 6 oz


def test_a_day_note_without_a_food_stays_a_note() -> None:
    entries, rejected = analysed("night shift - 12 hrs")
    assert len(entries) == 0
    assert "night shift" in rejected.iloc[0]["reason"]


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("20 oz powerade after the game", "fndds:95320500"),  # Sports drink (Powerade)
        ("1 banana before my run", "sr28:09040"),
        ("chocolate milk after practice", None),
    ],
)
def test_an_occasion_said_after_the_food_is_no_part_of_it(line: str, food_id: str | None) -> None:
    row = one_entry(line)
    assert pd.notna(row["food_id"])
    if food_id is not None:
        assert row["food_id"] == food_id


def test_a_track_distance_is_a_training_note() -> None:
    entries, rejected = analysed("800m repeats 2:31")
    assert len(entries) == 0
    assert "800m" in rejected.iloc[0]["reason"]


# --- a size said of a food USDA weighs by no item -------------------------------------


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("large pho", 1.5 * 305.0),  # FNDDS 28310330 Pho, quantity not specified 305 g
        ("pho, large", 1.5 * 305.0),  # the same, written after
        ("small beef stew", 2 / 3 * 189.0),  # not 2/3 of the 24 oz can it is sold in
        ("medium soup", 301.0),  # FNDDS 58400000 Soup, NFS, quantity not specified
    ],
)
def test_a_sized_serving_scales_the_default_portion(line: str, grams: float) -> None:
    row = one_entry(line)
    assert row["grams"] == pytest.approx(grams, rel=1e-3)
    assert "size:" in row["assumptions"]


def test_a_sized_item_of_its_own_is_still_scaled_from_the_item() -> None:
    row = one_entry("1 lg dill pickle")  # FNDDS 75503010, one regular pickle 80 g
    assert row["grams"] == pytest.approx(120.0)


# --- supplements: a count opening the line, and other ways of writing -----------------


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [
        ("2 magnesium citrate 200mg", "magnesium_mg", 400.0),
        ("2 nature made magnesium 250mg", "magnesium_mg", 500.0),
        ("2 magnesium caps 250mg", "magnesium_mg", 500.0),
        ("3 vit D3 1000 IU", "vitamin_d_ug", 75.0),  # 3 x 25 ug
        ("2 potassium gluconate 99mg", "potassium_mg", 198.0),
        ("cal 500 w vit D 400IU", "calcium_mg", 500.0),
        ("cal 500 w vit D 400IU", "vitamin_d_ug", 10.0),
        ("(Dana) cal 600 w vit D 400IU", "calcium_mg", 600.0),
        ("potasium 99 mg", "potassium_mg", 99.0),  # misspelt
        ("magnesuim glycinate 120mg", "magnesium_mg", 120.0),
        ("calcium carb 1250mg", "calcium_mg", 500.5),  # 40.04 % of calcium carbonate
    ],
)
def test_supplement_doses(line: str, column: str, amount: float) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients[column] == pytest.approx(amount, rel=1e-3)


@pytest.mark.parametrize(
    ("line", "meq"),
    [
        ("K-Dur 10", 10),
        ("k-dur 20", 20),
        ("Klor-Con 8", 8),
        ("K-Tab 10", 10),
        ("potassium chloride 8 mEq 2 tabs", 16),
        ("2 klor-con m10", 20),
    ],
)
def test_potassium_chloride_strengths_are_milliequivalents(line: str, meq: int) -> None:
    info = detect_supplement(line)
    assert info.nutrients["potassium_mg"] == pytest.approx(meq * 39.0983, rel=1e-3)


def test_a_food_beside_a_counted_dose_stays_food() -> None:
    assert detect_supplement("2 bananas 422mg potassium").kind == "food"


def test_panangin_tablets_give_potassium_and_magnesium() -> None:
    info = detect_supplement("panangin 3 tabs")
    assert info.nutrients["potassium_mg"] == pytest.approx(3 * 36.2)
    assert info.nutrients["magnesium_mg"] == pytest.approx(3 * 11.8)


def test_a_spoonful_of_a_supplement_no_food_table_holds_is_a_supplement() -> None:
    seed = detect_supplement("black seed oil 2 tsp")
    assert seed.kind == "supplement" and seed.nutrients == {}
    # cod liver oil by the spoon is a supplement too, though SR28 holds it: its vitamin D
    # differs by brand, so it is unknown (missing), never SR28's one figure or zero
    cod = detect_supplement("cod liver oil 1 tsp")
    assert cod.kind == "supplement" and cod.nutrients == {}
    assert "unknown amount" in str(cod.assumption)


# --- words for foods -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 thosai", "fndds:55702100", 160.0),  # Dosa, plain: 80 g each
        ("1 masala dosa", "fndds:58174100", None),  # the filled one
        ("1 fry bread", "sr28:35142", 152.0),  # Frybread, made with lard (Navajo), 1 piece
        ("2 chicken thighs", "fndds:24152230", 160.0),  # medium thigh 80 g, skin eaten
        ("1 skinless chicken thigh", "sr28:05098", 116.0),  # thigh without skin
        ("1 cup jollof", "fndds:58163430", 243.0),  # Spanish rice, 1 cup
        ("1 egg tart", "fndds:53344070", 117.0),  # custard tart, individual size
        ("kopi o kosong 12oz", "sr28:14209", 355.2),  # black coffee
        ("1 cup baleela", "fndds:41302020", None),  # chickpeas, from dried
        ("1 cup bok choy", "sr28:11117", 170.0),  # eaten cooked: boiled, 1 cup 170 g
        ("raw bok choy 1 cup", "sr28:11116", 70.0),  # raw only when said: 1 cup 70 g
        ("some smoked fish", "fndds:26100190", 113.0),  # fish of no species, smoked
        ("4 xiaolongbao", "fndds:58112510", None),  # steamed filled dumplings
        ("1 sada dosa", "fndds:55702100", 80.0),  # the plain dosa
    ],
)
def test_diary_words_name_the_food(line: str, food_id: str, grams: float | None) -> None:
    row = one_entry(line)
    assert row["food_id"] == food_id
    if grams is not None:
        assert row["grams"] == pytest.approx(grams, rel=1e-3)


# --- a bowl, a dish or a plate of a food -------------------------------------------


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # a bowl holds at least a cup: cooked black beans default to half a cup (86 g)
        ("a bowl of black beans", 172.0),  # SR28 16015, 1 cup = 172 g
        ("a bowl of soup", 301.0),  # FNDDS 58400000 default 301 g, more than a cup
        ("a small bowl of rice", 122.0),  # small: the usual serving, no more
        ("a dish of applesauce", 120.0),  # a serving dish: the default portion
        # a plate holds two side servings: cooked rice defaults to 122 g
        ("a plate of rice", 244.0),
        ("a plate of spaghetti w/ meat sauce", 250.0),  # a main dish: its own 250 g
        ("a big bowl of khichdi", 400.0),  # big: two bowls' worth of 200 g
    ],
)
def test_bowls_dishes_and_plates(line: str, grams: float) -> None:
    row = one_entry(line)
    assert row["grams"] == pytest.approx(grams, rel=1e-3)
    assert "estimated amount" in row["assumptions"]
