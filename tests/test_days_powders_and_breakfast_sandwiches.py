"""Prefixes with a clock, a day or a companion, drinks in their own cup, powders mixed in
a liquid, breakfast sandwiches on a roll and names run together.

Lines made up for these tests; grams checked against the USDA rows named beside them
(``datasets/portions.csv``), doses against the labels named in
``datasets/supplement_products.csv``.
"""

from __future__ import annotations

import math

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.supplements import detect_supplement

# --- prefixes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a clock inside the label is no amount: SR28 banana, medium 118 g (not 45 bananas)
        ("brk 9:45 - 1 banana", "sr28:09040", 118.0),
        # a day and where it was: SR28 white rice, cup 158 g
        ("saturday @ my aunt's: 1 cup white rice", "sr28:20045", 158.0),
        # whom the meal was with, after a bare w: FNDDS chicken noodle soup, cup 241 g
        ("dinner w grandma: 2 cups chicken noodle soup", "fndds:58403010", 482.0),
        # a shift word and a bare hour: SR28 apple, medium 182 g
        ("on break @ 3 - 1 apple", "sr28:09003", 182.0),
    ],
)
def test_a_prefix_with_a_clock_a_day_or_a_companion_is_set_aside(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)


def test_the_meal_named_before_a_companion_is_kept() -> None:
    assert one_entry("lunch w my coworkers: 1 cup white rice")["meal"] == "lunch"


def test_a_day_before_an_at_is_no_food() -> None:
    """``sunday`` had been corrected to a sundae."""
    entries, _ = analysed("sunday @ the lake: 2 oz beef jerky")
    assert entries["food_id"].str.startswith("fndds:131").sum() == 0
    assert len(entries) == 1


@pytest.mark.parametrize("line", ["$120 for gas after work", "sent $60 to my brother in Quito"])
def test_money_with_only_place_words_beside_it_is_no_food(line: str) -> None:
    entries, rejected = analysed(line)
    assert len(entries) == 0
    assert rejected.iloc[0]["reason"].startswith("not a food entry")


# --- drinks served in their own small cup ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS Turkish coffee, 2 fl oz demitasse at 31 g a fl oz: small is that cup
        ("3 small turkish coffees", "fndds:92101600", 186.0),
        ("small cuban coffee", "fndds:92101800", 62.0),
        # a large one is half as much again, never a 20 fl oz coffee cup
        ("large turkish coffee", "fndds:92101600", 93.0),
        # a brewed coffee keeps FNDDS's coffee-cup sizes (medium 16 fl oz)
        ("medium coffee black", "fndds:92101000", 480.0),
    ],
)
def test_a_size_of_a_demitasse_drink_is_of_its_own_cup(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)


# --- packs, powders and what they are mixed in ----------------------------------------


def test_a_pack_of_candy_is_the_single_bag_not_a_fun_size_pack() -> None:
    # SR28 19140 peanut M&M's: "serving 1 singles bag" 54 g; "package fun size" 18 g
    one_entry_of("1 pack peanut m&ms", "sr28:19140", 54.0)
    one_entry_of("fun size peanut m&ms 1 pack", "sr28:19140", 18.0)


def test_a_scooped_powder_in_a_measured_milk_is_two_foods() -> None:
    entries, _ = analysed("2 scoops protein powder in 12 oz skim milk")
    assert entries["food_id"].tolist() == ["sr28:14066", "sr28:01085"]
    # whey powder 26 g a scoop; skim milk 245 g a cup, so 12 fl oz is 367.5 g
    assert entries["grams"].tolist() == pytest.approx([52.0, 367.2], abs=0.5)


def test_a_packet_in_milk_stays_the_drink_it_makes() -> None:
    # FNDDS 95102000 (Carnation Instant Breakfast, ready to drink): 8 fl oz
    one_entry_of("instant breakfast packet in 8 oz milk", "fndds:95102000", 248.0)


def test_a_supplement_powder_in_hot_water_is_a_supplement() -> None:
    info = detect_supplement("magnesium citrate powder 1 tsp in warm water")
    assert info.kind == "supplement"
    assert "Magnesium" in info.assumption


def test_liquid_iv_leaves_its_vitamin_b12_unknown() -> None:
    info = detect_supplement("liquid iv 1 stick")
    assert info.nutrients["potassium_mg"] == pytest.approx(370.0)
    assert info.nutrients["sodium_mg"] == pytest.approx(500.0)
    assert math.isnan(info.nutrients.get("vitamin_b12_ug", math.nan))
    assert "Vitamin B12" in info.assumption


# --- breakfast sandwiches and names ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a roll of a breakfast sandwich is the bun FNDDS names (quantity not specified)
        ("sausage egg and cheese on a kaiser roll", "fndds:32202034", 148.0),
        # a kind of bagel said before it
        ("bacon egg and cheese on a sesame bagel", "fndds:32202085", 246.0),
    ],
)
def test_a_breakfast_sandwich_on_a_named_bread_is_the_usda_sandwich(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # "pad thai" run together: FNDDS Pad Thai, cup 200 g
        ("padthai 1 cup", "fndds:58137210", 200.0),
        # a meat before a dumpling's name that USDA says is "filled with meat":
        # FNDDS 58112510, medium 37 g each
        ("4 pork momos", "fndds:58112510", 148.0),
    ],
)
def test_names_run_together_or_filled_with_a_meat(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("labneh 2 tbsp", "fndds:11411400", 30.6),  # Greek yogurt, whole milk: 15.3 g a tbsp
        ("1/2 cup tsampa", "sr28:20130", 74.0),  # barley flour, cup 148 g
        ("2 tbsp smantana", "fndds:12310100", 30.0),  # sour cream, tbsp 15 g
        ("rice a roni 1 cup", "fndds:58163380", 196.0),  # FNDDS names Rice-A-Roni here
    ],
)
def test_new_names_land_on_the_food_a_dietitian_would_choose(
    line: str, food_id: str, grams: float
) -> None:
    row = one_entry(line)
    assert row["food_id"] == food_id
    assert row["grams"] == pytest.approx(grams, abs=0.1)


# --- shares of a chicken, Romanian joins, flavours --------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a quarter of a whole chicken's cooked meat (600 g, twice FNDDS's half chicken
        # bone removed, 300 g), by its Spanish name: the rotisserie chicken
        ("1/4 pollo a la brasa", "fndds:24102050", 150.0),
        # "medio" is half: SR28 roasted broiler meat and skin
        ("medio pollo asado", "sr28:05009", 300.0),
    ],
)
def test_a_share_of_a_chicken_by_another_name(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


def test_romanian_cu_and_si_join_foods() -> None:
    entries, _ = analysed("mamaliga cu branza si smantana")
    # cornmeal mush, a feta-like white cheese and sour cream, each a food of its own
    assert entries["food_id"].tolist() == ["fndds:56201515", "sr28:01019", "fndds:12310100"]


def test_a_flavour_after_a_product_held_in_all_flavours() -> None:
    row = one_entry("rice a roni chicken 1 cup")
    # FNDDS 58163380 names Rice-A-Roni, all flavors: cup 196 g; not a cup of chicken
    assert row["food_id"] == "fndds:58163380"
    assert row["grams"] == pytest.approx(196.0)
    assert "flavour" in row["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS burrito with meat, beans and rice: one medium burrito 297 g
        ("carne asada burrito", "fndds:58100160", 297.0),
        # Nashville hot chicken: FNDDS fried coated chicken, unstated amount 85 g (had
        # been a chicken frankfurter)
        ("some hot chicken", "fndds:24107070", 85.0),
    ],
)
def test_dishes_that_had_been_unmatched_or_another_food(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # no roasted corn in USDA: the cooked kernels, SR28 ear (large) 118 g; had been
        # a corn pone or nothing
        ("1 large ear roasted corn", "sr28:11168", 118.0),
        # Spanish stewed favas: FNDDS fava beans, cooked, cup 185 g
        ("favas guisadas, 1 cup", "fndds:41102210", 185.0),
    ],
)
def test_a_way_of_cooking_usda_lacks_is_the_cooked_food(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)
