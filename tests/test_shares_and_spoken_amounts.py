"""Shares of a whole item, amounts said after a dish or in other languages, and words
beside a food that are no food (a name in brackets, tobacco, fries beside a fish).

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pandas as pd
import pytest
from build_scripts import load
from diary import analysed, one_entry, one_entry_of

from nutrilog import dataset_path
from nutrilog.matching.match import Matcher
from nutrilog.matching.spelling import Speller

# --- a bare fraction of a food cut from a whole ------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 18326 pumpkin pie: "1 pie" 995 g; an eighth of it, not of a 133 g slice
        ("1/8 pumpkin pie", "sr28:18326", 995.0 / 8),
        # SR28 18301 apple pie weighs only pieces: "piece (1/8 of 9" dia)" 125 g, so the
        # pie is 1,000 g and a sixth of it 166.7 g
        ("1/6 of an apple pie", "sr28:18301", 8 * 125.0 / 6),
        # SR28 21477 DiGiorno pepperoni: "pie 12" diameter" 759 g
        ("1/4 DiGiorno pepperoni pizza", "sr28:21477", 759.0 / 4),
    ],
)
def test_a_fraction_of_a_pie_or_pizza_is_a_share_of_the_whole(
    line: str, food_id: str, grams: float
) -> None:
    row = one_entry(line)
    assert row["food_id"] == food_id
    assert row["grams"] == pytest.approx(grams)
    assert "share of the whole" in row["assumptions"]


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("1/2 cantaloupe", "1 cantaloupe"),  # the melon a count weighs is the whole
        ("1/2 banana", "1 banana"),
        ("half a watermelon wedge", "1 watermelon wedge"),  # a share of the piece named
    ],
)
def test_a_fraction_of_an_item_a_count_weighs_whole_is_that_share(part: str, whole: str) -> None:
    assert one_entry(part)["grams"] == pytest.approx(one_entry(whole)["grams"] / 2)


# --- amounts said after the food ----------------------------------------------------------


def test_a_count_closing_the_line_counts_whole_items() -> None:
    # "1 whole" is one naan (FNDDS 51108100, "1 Naan (10"" dia)" 177 g), not whole-wheat naan
    one_entry_of("naan, 1 whole", "fndds:51108100", 177.0)


def test_an_amount_after_what_a_dish_holds_is_the_dishs() -> None:
    # FNDDS 58150530 "Adobo, with rice": cup 244 g; the rice is the dish's own
    one_entry_of("chicken adobo over rice 2 cups", "fndds:58150530", 2 * 244.0)


def test_an_amount_after_another_food_stays_that_foods() -> None:
    entries, _ = analysed("salmon over rice 2 cups")
    rice = entries[entries["food_id"] == "sr28:20045"]  # cooked rice, cup 158 g
    assert len(entries) == 2
    assert rice["grams"].tolist() == pytest.approx([2 * 158.0])


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("media palta", "sr28:09037", 201.0 / 2),  # Spanish: half an avocado (201 g)
        ("medio aguacate", "sr28:09037", 201.0 / 2),
        ("meia xicara de arroz", "sr28:20045", 158.0 / 2),  # Portuguese: half a cup of rice
    ],
)
def test_half_in_spanish_and_portuguese(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


# --- words read in other languages and spellings -----------------------------------------


def test_te_is_tea() -> None:
    # SR28 14355 black tea, 1 cup = 237 g ("taza" is a cup); "negro" had read black olives
    one_entry_of("té negro 2 tazas", "sr28:14355", 2 * 237.0)


def test_milk_in_tea_said_in_spanish_is_a_splash() -> None:
    entries, _ = analysed("té con leche")
    milk = entries[entries["food_id"] == "fndds:11100000"]  # Milk, NFS: 2 tbsp = 30.5 g
    assert milk["grams"].tolist() == pytest.approx([30.5])


def test_en_polvo_is_powdered_not_octopus() -> None:
    entries, _ = analysed("lucuma en polvo 1 cda")
    assert not entries["description"].fillna("").str.contains("octopus", case=False).any()


def test_ey_for_a_final_y_is_a_slip() -> None:
    speller = Speller({"jerky": 8, "jersey": 1001})  # jersey: an alias word, weighted
    assert speller.correct("jerkey") == "jerky"
    one_entry_of("2 oz jerkey", "sr28:19002", 2 * 28.349523125)


@pytest.mark.parametrize("line", ["2 cups masoor daal", "2 cups masoor dhal"])
def test_dal_spelt_daal_or_dhal_is_the_same_dish(line: str) -> None:
    one_entry_of(line, "fndds:41311030", 2 * 240.0)  # Lentil curry, cup 240 g


# --- words beside a food that are no food --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("mango lassi 12oz (Zoya)", "fndds:11553110"),
        ("uncrustables pb&j (yasmine)", "fndds:42303100"),
    ],
)
def test_a_name_in_brackets_closing_the_line_is_whom_it_was_for(line: str, food_id: str) -> None:
    assert one_entry(line)["food_id"] == food_id


def test_a_describing_word_in_brackets_stays() -> None:
    assert one_entry("coffee (Decaf)")["description"].endswith("decaffeinated")


def test_fries_beside_a_fish_sandwich_are_fries() -> None:
    entries, _ = analysed("filet o fish + med fries + small coke")
    assert entries["food_id"].tolist() == ["sr28:21232", "fndds:71401030", "sr28:14148"]


def test_tobacco_before_a_dash_is_no_meal_label() -> None:
    entries, rejected = analysed("copenhagen - half a can")
    assert entries.empty
    assert rejected["reason"].str.contains("tobacco").all()


def test_a_food_usda_lacks_is_no_misspelt_bread() -> None:
    entries, _ = analysed("paan after dinner")
    assert entries["food_id"].isna().all()


# --- defaults and vocabulary ----------------------------------------------------------------


def test_a_sauce_measured_by_the_teaspoon_is_no_bowl_of_soup() -> None:
    with dataset_path("default_portions.csv").open("rb") as fh:
        table = pd.read_csv(fh, dtype={"id": str}).set_index("id")
    # SR28 06168 hot pepper sauce weighs only by the teaspoon ("1 tsp" 4.7 g, "1/4 tsp"
    # 1.2 g, the heavier per teaspoon: 4.8 g); its group's low-energy foods are soups
    # (299 g a bowl)
    assert table.loc["sr28:06168", "grams"] == pytest.approx(2 * 1.2 / 0.25)
    one_entry_of("a lil hot sauce", "sr28:06168", 1.2 / 0.25)


def test_the_builder_holds_a_spooned_food_to_two_spoons() -> None:
    build = load("_build_defaults")
    ids = ["fndds:1", "fndds:2", "fndds:3", "sr28:4"]
    foods = pd.DataFrame(
        {"id": ids, "description": ["soup a", "soup b", "soup c", "sauce d"], "group": ["S"] * 4}
    )
    nutrients = pd.DataFrame({"id": ids, **{c: 0.0 for c in build.TWIN_COLUMNS}})
    nutrients["energy_kcal"] = [30.0, 31.0, 32.0, 30.0]
    nutrients["water_g"] = range(4)  # no twins
    portions = pd.DataFrame(
        {
            "id": ids,
            "amount": [1.0] * 4,
            "description": ["Quantity not specified"] * 3 + ["tsp"],
            "unit": ["", "", "", "tsp"],
            "grams": [300.0, 290.0, 310.0, 5.0],
        }
    )
    out = build.default_portions(foods, nutrients, portions).set_index("id")
    assert out.loc["sr28:4", ["grams", "basis"]].tolist() == [10.0, "group median"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 medium boiled potatoes, peeled", "fndds:71103000", 2 * 170.0),  # peel not eaten
        ("boiled potato with skin", "fndds:71103105", 170.0),  # peel eaten, not the skin alone
        ("black olives", "fndds:75510020", 15.0),  # FNDDS Quantity not specified
        ("3 oz dried salmon", "fndds:26137170", 3 * 28.349523125),
        ("1 cup bottled peaches", "sr28:09240", 251.0),  # canned, light syrup: cup 251 g
        ("deer jerkey 2oz", "fndds:23321900", 2 * 28.349523125),
    ],
)
def test_everyday_names(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


@pytest.mark.parametrize("line", ["moose drool 12oz bottle", "Primus 72cl"])
def test_beer_brands_are_beer(line: str) -> None:
    assert one_entry(line)["food_id"] == "sr28:14003"


def test_seventy_two_centilitres_are_seven_hundred_and_twenty_millilitres() -> None:
    beer = one_entry("Primus 72cl")
    per_ml = one_entry("beer 100 ml")["grams"] / 100
    assert beer["grams"] == pytest.approx(720 * per_ml)


def test_matcher_reads_fries_apart_from_fried() -> None:
    from nutrilog.foods import load_foods

    matcher = Matcher(load_foods())
    assert not matcher.holds("fish fry", "fry")  # fried fish holds no fries


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 11821 sweet red pepper, "cup, chopped" 149 g; a cup of black pepper would be
        # 110 g of the spice, with about 1,400 mg of potassium
        ("1 cup peppers", "sr28:11821", 149.0),
        ("1 tsp pepper", "sr28:02030", 2.9),  # the spice by the teaspoon stays the spice
    ],
)
def test_peppers_by_the_cup_are_sweet_peppers(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)
