"""A can of a food USDA weighs cooked (its canned form), a shop's name that holds a size
word, a label before a dash whose words name no food, a food and ``stir fry`` after it,
a nutrient's level in the blood (a reading, no dose), a count of tablets that each hold
two nutrients, a brand said with its form (``instant``), and days that are no food.

Lines made up for these tests; grams checked by hand against the SR28 and FNDDS rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import math

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.foods import load_foods
from nutrilog.matching.not_food import not_food_reason
from nutrilog.portions import grams_for
from nutrilog.supplements import detect_supplement

# --- a can is the canned food -----------------------------------------------------------


def test_a_can_of_a_fish_weighed_cooked_is_its_canned_form() -> None:
    # SR28 15084 Fish, salmon, pink, canned, total can contents: "1 can" 411 g; the
    # salmon alias is a baked fillet, which USDA weighs by no can
    row = one_entry("1 can salmon")
    assert row["food_id"] == "sr28:15084"
    assert row["grams"] == pytest.approx(411.0)
    assert "canned" in row["assumptions"]


def test_a_can_of_pink_salmon_is_weighed_by_the_can() -> None:
    # SR28 15260 Fish, salmon, pink, canned, drained solids: "1 can drained solids" 315 g
    row = one_entry("1 can pink salmon")
    assert "canned" in row["description"]
    assert row["grams"] == pytest.approx(315.0)


def test_a_can_of_a_food_weighed_by_the_can_stays_that_food() -> None:
    # SR28 14148 cola: its own can, 370 g; no canned form is looked for
    one_entry_of("1 can coke", "sr28:14148", 370.0)


def test_a_can_of_a_food_usda_weighs_by_no_can_is_an_estimated_tin() -> None:
    # SR28 22914 Pasta with tomato sauce, canned: no can portion; the 400 g food tin of
    # datasets/vague_amounts.csv, flagged as estimated
    row = one_entry("1 can spaghetti in tomato sauce")
    assert row["food_id"] == "sr28:22914"
    assert row["grams"] == pytest.approx(400.0)
    assert "estimated amount" in row["assumptions"]


def test_a_can_of_a_raw_food_stays_unweighed() -> None:
    # SR28 05175 Turkey, heart, raw: no can holds it, so no tin is guessed
    assert math.isnan(grams_for("sr28:05175", "can", "count", load_foods()).grams)


# --- a shop's name holds no size ----------------------------------------------------------


def test_a_shop_named_with_a_size_word_is_no_size() -> None:
    # SR28 18060 Bread, rye: "1 slice, regular" 32 g; "giant" names the shop
    one_entry_of("Giant Eagle rye bread 2 slices", "sr28:18060", 64.0)


def test_a_size_word_of_no_shop_is_still_a_size() -> None:
    row = one_entry("giant cookie")
    assert "size: giant" in row["assumptions"]


# --- a label before a dash ---------------------------------------------------------------


def test_a_label_of_words_no_food_is_named_by_is_no_food() -> None:
    # FNDDS 58106540 pepperoni pizza from a restaurant: "1 slice" 124 g; "back in town"
    # had read the line as a turkey's back
    one_entry_of("back in town - 2 slices pepperoni pizza", "fndds:58106540", 248.0)


def test_a_label_with_a_place_after_an_at_sign_is_a_label() -> None:
    # FNDDS 71701000 Potato pancake: "1 pancake" 70 g
    one_entry_of("Fri Fish Fry @ St Vitus - 2 Potato Pancakes", "fndds:71701000", 140.0)


def test_a_part_of_an_animal_alone_is_no_food() -> None:
    entries, _ = analysed("back")
    assert entries["food_id"].isna().all()


def test_a_part_of_an_animal_after_it_is_that_part() -> None:
    # FNDDS 24205100 Turkey, back: "Quantity not specified" 85 g
    one_entry_of("turkey back", "fndds:24205100", 85.0)


# --- a food and "stir fry" after it --------------------------------------------------------


def test_greens_and_stir_fry_after_them_are_the_greens_stir_fried() -> None:
    # SR28 11117 pak-choi, cooked (the alias of stir-fried bok choy): "1 cup, shredded" 170 g
    one_entry_of("bok choy stir fry 1 cup", "sr28:11117", 170.0)


def test_a_misspelt_green_and_stir_fry_are_the_green_cooked() -> None:
    # FNDDS 72122220 Mustard greens, NS as to form, cooked: "1 cup" 150 g
    one_entry_of("musterd greens stir fry 1 cup", "fndds:72122220", 150.0)


def test_a_stir_fry_the_tables_name_stays_their_dish() -> None:
    # FNDDS 27445180 Moo Goo Gai Pan, the alias of a chicken stir fry
    row = one_entry("chicken stir fry")
    assert row["food_id"] == "fndds:27445180"


# --- a level in the blood is no dose ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["vit D level 14 at the clinic", "B12 level 180", "vitamin D 60 nmol/L", "vit d 25 ng/ml"],
)
def test_a_level_in_the_blood_is_no_supplement(line: str) -> None:
    assert detect_supplement(line).kind != "supplement"
    entries, _ = analysed(line)
    assert not (entries["kind"] == "supplement").any()
    assert entries["food_id"].isna().all()


def test_a_level_spoon_of_a_supplement_is_still_a_supplement() -> None:
    assert detect_supplement("magnesium citrate powder 1 level tsp").kind == "supplement"


# --- tablets of two nutrients, counted ----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "2 Calcium+D (500mg/200IU ea)",
        "2 calcium + D (500 mg / 200 IU each)",
        "2 Calcium 500mg/D 200IU",
    ],
)
def test_a_count_of_tablets_of_two_nutrients_counts_both(line: str) -> None:
    # 200 IU of vitamin D is 5 µg (40 IU per µg); two tablets
    assert detect_supplement(line).nutrients == {"calcium_mg": 1000.0, "vitamin_d_ug": 10.0}


def test_a_tablet_naming_a_nutrient_without_its_dose_is_not_counted_by_order() -> None:
    # zinc's dose is not written: which dose is whose is unsure, so the count is not
    # applied to a guess
    found = detect_supplement("3 cal-mag-zinc (333mg/133mg ea)").nutrients
    assert 999.0 not in found.values()


# --- a brand said with its form ----------------------------------------------------------


def test_a_coffee_brand_and_instant_is_instant_coffee() -> None:
    # FNDDS 92103000 Coffee, instant, reconstituted: "1 cup" 240 g
    one_entry_of("Folgers instant 2 cups", "fndds:92103000", 480.0)


# --- no food ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("seasick all morning", "seasick"),
        ("Polka dance @ the hall", "dance"),
        ("oil change $49.99", "oil change"),
        ("baited 800 hooks w/ herring", "baited"),
    ],
)
def test_days_of_no_food_are_no_food(line: str, word: str) -> None:
    reason = not_food_reason(line)
    assert reason is not None and word in reason
    entries, _ = analysed(line)
    assert entries.empty or entries["food_id"].isna().all()


# --- a topping or a seasoning beside a dish, no amount written ----------------------------


def test_ginger_cooked_with_a_dish_is_a_tablespoon() -> None:
    # SR28 11216 Ginger root, raw: "1/4 cup slices" 24 g, so a tablespoon is 6 g; it had
    # been the vegetable group's 92 g
    entries, _ = analysed("steamed fish w ginger n scallion")
    ginger = entries[entries["food_id"] == "sr28:11216"]
    assert ginger["grams"].tolist() == pytest.approx([6.0])


def test_lettuce_on_tacos_is_a_topping() -> None:
    # SR28 11252 iceberg lettuce: "1 cup, chopped" 57 g; a quarter cup is 14.25 g, not
    # the 89 g NLEA serving of a side salad
    entries, _ = analysed("2 beef tacos w/ lettuce & cheese")
    lettuce = entries[entries["food_id"] == "sr28:11252"]
    assert lettuce["grams"].tolist() == pytest.approx([14.25])


def test_tomato_on_a_burger_is_two_slices() -> None:
    # SR28 11529 tomato: "1 slice, medium" 20 g
    entries, _ = analysed("turkey burger w lettuce + tomato")
    tomato = entries[entries["food_id"] == "sr28:11529"]
    assert tomato["grams"].tolist() == pytest.approx([40.0])


# --- names --------------------------------------------------------------------------------


def test_canned_milk_is_evaporated_milk() -> None:
    # SR28 01096 evaporated milk: "1 tbsp" 15.75 g (sweetened condensed milk is named so)
    one_entry_of("canned milk 2 tbsp", "sr28:01096", 31.5)


def test_a_whole_dungeness_crab_is_weighed_by_the_crab() -> None:
    # SR28 15226 Crustaceans, crab, dungeness, cooked: "1 crab" 127 g (a blue crab's
    # medium portion had given 48 g)
    one_entry_of("1 dungeness crab", "sr28:15226", 127.0)


def test_a_beer_named_by_its_brewery_and_its_own_name_is_beer() -> None:
    # SR28 14003 beer, regular: "1 fl oz" 29.7 g, so 12 oz is 356.4 g
    row = one_entry("Great Lakes Christmas Ale 12oz")
    assert row["food_id"] == "sr28:14003"
    assert row["grams"] == pytest.approx(356.4)


# --- fried in a fat named, a shop named with capitals, and cuts ---------------------------


def test_a_food_fried_in_butter_is_cooked_in_it_not_battered() -> None:
    # FNDDS 75219034 Mushrooms, fresh, cooked with butter or margarine: "1 cup" 160 g;
    # FNDDS 75414030 Fried mushrooms are the battered appetiser
    one_entry_of("mushrooms fried in butter 1/2 cup", "fndds:75219034", 80.0)


def test_a_shop_named_with_a_capital_after_from_is_set_aside() -> None:
    # FNDDS 32202200 Egg and cheese on biscuit: "Quantity not specified" 140 g
    one_entry_of("egg & cheese biscuit from Holiday", "fndds:32202200", 140.0)


def test_a_boiled_potato_is_peeled_unless_said() -> None:
    # SR28 11367 Potatoes, boiled, cooked without skin: "medium" 167 g
    one_entry_of("boiled potato, 1 medium", "sr28:11367", 167.0)


def test_boiled_chicken_is_the_chicken_fndds_files_as_stewed() -> None:
    # FNDDS 24103000 Chicken, NS as to part, stewed: "1 piece" 70 g
    one_entry_of("2 pcs boiled chicken", "fndds:24103000", 140.0)


def test_a_cut_word_alone_is_no_food() -> None:
    entries, _ = analysed("top")
    assert entries["food_id"].isna().all()


def test_fatback_is_pork_fat_back_not_a_turkey_back() -> None:
    # FNDDS 22621100 Fat back, cooked: "1 slice" 26 g
    one_entry_of("fatback 2 slices", "fndds:22621100", 52.0)


def test_tacos_of_fajita_meat_are_the_fajita() -> None:
    # FNDDS 58105050 Fajita with meat and vegetables: "1 fajita" 142 g
    one_entry_of("2 beef fajita tacos", "fndds:58105050", 284.0)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("sent $200 home", "sent"),
        ("charted I/O, pt fluids", "charted"),
        ("stood post 4 from 7p to 7a", "stood"),
    ],
)
def test_work_and_errands_are_no_food(line: str, word: str) -> None:
    reason = not_food_reason(line)
    assert reason is not None and word in reason
