"""Shops and canteens, small amounts, counted nouns and doses listed beside symbols.

Lines made up for these tests; grams checked against the USDA rows named beside them
(``datasets/portions.csv``), doses against the labels named in
``datasets/supplement_products.csv``.
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.supplements import detect_supplement

# --- where a food was bought is no part of it ----------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS 75141000 coleslaw, quantity not specified 110 g
        ("coleslaw from the weis deli", "fndds:75141000", 110.0),
        # FNDDS 58148110 macaroni salad, quantity not specified 136 g
        ("macaroni salad from food city", "fndds:58148110", 136.0),
        # FNDDS 92308000 sweet tea: 20 fl oz at its 31 g a fl oz
        ("sweet tea from dillons, 20 oz", "fndds:92308000", 620.0),
        # FNDDS 24127200 fried chicken breast, quantity not specified 175 g
        ("albertsons deli fried chicken breast", "fndds:24127200", 175.0),
    ],
)
def test_the_shop_a_food_came_from_is_set_aside(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


def test_a_canteen_before_a_list_of_foods_is_set_aside() -> None:
    entries, rejected = analysed("hospital canteen fish and chips")
    assert len(rejected) == 0
    assert entries["food_id"].tolist() == ["fndds:26100140", "fndds:71401030"]
    assert "canteen" not in " ".join(entries["assumptions"].astype(str))


def test_a_word_before_deli_that_names_a_food_stays() -> None:
    row = one_entry("turkey deli meat 2 slices")
    assert row["food_id"] == "sr28:07081"  # Turkey breast, sliced, prepackaged
    assert row["grams"] == pytest.approx(30.0)  # 2 x 15 g slice


@pytest.mark.parametrize("line", ["ShopRite $88.10", "king soopers $41.07", "harps $19.99"])
def test_a_shop_and_an_amount_of_money_is_a_purchase(line: str) -> None:
    entries, rejected = analysed(line)
    assert len(entries) == 0
    assert "purchase" in rejected.iloc[0]["reason"]


# --- an alias before the words its food holds, and the nouns a count is made of -------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS 32130510 egg omelet with vegetables: 1 egg 75 g
        ("frittata 3 eggs", "fndds:32130510", 225.0),
        # SR28 07013 bratwurst, cooked: 1 link 85 g
        ("3 bratwurst links", "sr28:07013", 255.0),
        # SR28 15016 cod, cooked, dry heat: 1 fillet 180 g
        ("1 cod fillet, baked", "sr28:15016", 180.0),
        # FNDDS 27515070 steak and cheese submarine sandwich, quantity not specified 260 g
        ("philly cheesesteak grinder", "fndds:27515070", 260.0),
    ],
)
def test_aliases_beside_words_their_food_holds(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS 95320500 Powerade: 20 fl oz at 31 g a fl oz; the flavour names no food
        ("powerade fruit punch 20oz", "fndds:95320500", 620.0),
        # SR28 14003 beer, regular: 1 can or bottle (12 fl oz) 356 g
        ("2 toñas", "sr28:14003", 712.0),
        # FNDDS 27510501 hamburger slider (White Castle Original Slider), 1 slider 50 g
        ("white castle x2", "fndds:27510501", 100.0),
        # FNDDS 56203540 oatmeal made with milk and sugar (avena con leche), 1 cup 240 g
        ("avena con leche 1 taza", "fndds:56203540", 240.0),
    ],
)
def test_brands_flavours_and_dish_names(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


def test_a_line_whose_amount_stands_apart_loses_what_was_not_had() -> None:
    row = one_entry("iced tea no sugar, 16oz")
    assert row["food_id"] == "fndds:92308020"  # Tea, iced, brewed, black, unsweetened
    assert row["grams"] == pytest.approx(480.0)  # 16 fl oz at 30 g
    assert "left out: no sugar" in row["assumptions"]


# --- small amounts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("a little guacamole", 30.0),  # half of FNDDS 63409010's 60 g unstated amount
        ("a bit of ricotta", 61.5),  # half of FNDDS 14201500's 123 g
        ("some ricotta", 123.0),  # "some" stays the whole unstated amount
    ],
)
def test_a_little_is_half_the_usual_serving(line: str, grams: float) -> None:
    row = one_entry(line)
    assert row["grams"] == pytest.approx(grams)


def test_a_box_is_the_foods_own_box() -> None:
    assert one_entry("a box of raisins")["grams"] == pytest.approx(43.0)  # SR28 small box 1.5 oz
    assert one_entry("2 boxes raisins")["grams"] == pytest.approx(86.0)


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("turkish coffee 2 small cups", 124.0),  # FNDDS 92101600: 2 fl oz at 31 g, twice
        ("a small cup of soup", 241.0),  # FNDDS 58400000 soup, 1 cup
    ],
)
def test_a_small_cup_of_coffee_is_a_demitasse(line: str, grams: float) -> None:
    assert one_entry(line)["grams"] == pytest.approx(grams)


def test_a_size_said_of_a_counted_piece_scales_the_piece() -> None:
    row = one_entry("2 small slices of pepperoni pizza")
    # FNDDS 58106540: 1 piece, NFS 124 g; small is 2/3 of it; never two small pizzas
    assert row["grams"] == pytest.approx(2 * 124.0 * 2 / 3, rel=1e-3)


# --- doses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("magnesio 3 pastillas 100mg c/u", {"magnesium_mg": 300.0}),
        ("calcio 2 tabletas 500mg cada una", {"calcium_mg": 1000.0}),
        # a bracket of what the tablets hold together: doses beside symbols, any case,
        # an untracked one among them
        ("cal/mag/zinc 2 tabs (800mg ca, 300mg mg, 10mg zinc)", {"calcium_mg": 800.0,
                                                                 "magnesium_mg": 300.0}),
        ("cal mag (600mg ca, 250mg mag)", {"calcium_mg": 600.0, "magnesium_mg": 250.0}),
    ],
)  # fmt: skip
def test_doses_written_in_spanish_or_beside_symbols(line: str, want: dict[str, float]) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients == pytest.approx(want)


def test_a_food_usda_lacks_is_left_unmatched() -> None:
    entries, _ = analysed("chocolate gravy 1/2 cup")
    assert entries["food_id"].isna().all()
    assert "not in USDA" in entries.iloc[0]["assumptions"]


def test_juice_from_concentrate_is_the_juice_as_drunk() -> None:
    row = one_entry("apple juice from concentrate")
    assert "concentrate" not in row["description"]  # never the undiluted concentrate
    assert row["food_id"] == "sr28:09016"  # Apple juice, canned or bottled


def test_a_spanish_fried_fish_is_no_corn_chip() -> None:
    row = one_entry("pargo frito")
    assert row["food_id"] == "fndds:26133140"  # Porgy, coated, fried (FNDDS lists snapper)


def test_a_corrected_spelling_chooses_the_portion_too() -> None:
    row = one_entry("3 meatbals")
    assert row["food_id"] == "fndds:27214100"  # Meat loaf made with beef (meatballs)
    assert row["grams"] == pytest.approx(3 * 28.0)  # its medium meatball, not a slice


def test_a_food_served_over_an_amount_of_another_is_two_foods() -> None:
    entries, rejected = analysed("1 can salmon over 2 cups rice")
    assert len(rejected) == 0
    assert len(entries) == 2
    assert entries.iloc[1]["food_id"] == "sr28:20045"  # Rice, white, long-grain, cooked
    assert entries.iloc[1]["grams"] == pytest.approx(2 * 158.0)  # SR28 1 cup 158 g
    _, rejected = analysed("bp 150 over 95")  # a reading, never a food served over
    assert len(rejected) == 1


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("2 persian cucumbers", 130.0),  # FNDDS 75111000 "1 miniature" 65 g
        ("2 turkish coffees", 124.0),  # FNDDS 92101600: a 2 fl oz demitasse at 31 g
        ("1 cafecito", 62.0),  # FNDDS 92101800 Coffee, Cuban: 2 fl oz
        ("1 hoecake", 61.0),  # FNDDS 52208010 corn pone: a piece, never the 377 g pone
        ("moussaka at the diner", 152.0),  # FNDDS 77316600: not the 915 g 8" square pan
        ("a whole moussaka", 915.0),  # said whole: the pan
    ],
)
def test_items_weighed_as_they_are_served(line: str, grams: float) -> None:
    assert one_entry(line)["grams"] == pytest.approx(grams)
