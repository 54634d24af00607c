"""French, Spanish and Portuguese words for foods, colours, states and units; symptoms
and farm work said in a note; a dish named with what it tastes of; powdered milk in a
hot drink; a branded candy written without an amount; a distance with a decimal before
a separator; a few slices of a pizza named by its topping; pieces of a big fruit.

Lines made up for these tests; grams checked by hand against the SR28 and FNDDS rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

# --- words of other languages -----------------------------------------------------------


def test_french_white_rice_by_the_cup() -> None:
    # SR28 20045 white rice, cooked, "1 cup" 158 g ("tasse" is a cup)
    one_entry_of("riz blanc 1 tasse", "sr28:20045", 158.0)


def test_french_red_beans_are_kidney_beans() -> None:
    # SR28 16033 kidney beans, boiled, "1 cup" 177 g
    one_entry_of("haricots rouges 1 tasse", "sr28:16033", 177.0)


def test_a_boiled_yam_in_french() -> None:
    # SR28 11602 yam, boiled or baked, "1 cup, cubes" 136 g
    one_entry_of("igname bouillie 1 tasse", "sr28:11602", 136.0)


def test_a_roast_chicken_thigh_in_french() -> None:
    # FNDDS 24152230 chicken thigh, roasted, skin eaten, "1 thigh" 80 g
    one_entry_of("poulet r\u00f4ti 1 cuisse", "fndds:24152230", 80.0)


def test_sardines_in_oil_by_the_tin_in_french_are_no_fish_oil() -> None:
    # SR28 15088 sardines canned in oil, "1 can" 92 g; not SR28 04594 sardine oil
    one_entry_of("sardines \u00e0 l'huile 1 bo\u00eete", "sr28:15088", 92.0)


def test_homemade_in_spanish_changes_no_food() -> None:
    row = one_entry("2 tortas fritas caseras")
    assert row["food_id"] == "fndds:51140100"  # Bread, dough, fried


def test_a_strawberry_in_southern_cone_spanish() -> None:
    # SR28 09316 strawberries, raw, "1 cup, whole" 144 g
    one_entry_of("frutillas 1 cup", "sr28:09316", 144.0)


def test_a_tablet_in_spanish_keeps_the_dose() -> None:
    row = one_entry("1 pastilla magnesio 400mg")
    assert row["kind"] == "supplement"
    assert row["magnesium_mg"] == pytest.approx(400.0)


def test_tablets_in_spanish_are_counted() -> None:
    row = one_entry("2 pastillas de calcio 600mg")
    assert row["calcium_mg"] == pytest.approx(1200.0)


def test_red_wine_is_still_read_by_its_grape() -> None:
    # "noir" reads as black, but a pinot noir is the red wine its alias names
    row = one_entry("pinot noir 5oz")
    assert row["food_id"] == "sr28:14096"


# --- a dish and what it tastes of ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("batido de fresa", "fndds:11551050"),
        ("flan de coco", "fndds:13210350"),
        ("2 enchiladas verdes de pollo", "fndds:58100635"),
    ],
)
def test_a_dish_of_a_flavour_is_the_dish(line: str, food_id: str) -> None:
    row = one_entry(line)
    assert row["food_id"] == food_id
    assert "flavour" in row["assumptions"]


def test_a_staple_of_a_flavour_is_no_staple() -> None:
    # "agua de chilacayota" is a flavoured water drink USDA lacks, not tap water
    entries, _ = analysed("agua de chilacayota 1 vaso")
    assert entries["food_id"].isna().all()


def test_a_dish_named_whole_keeps_its_own_food() -> None:
    # "dulce de leche" is a food of its own, not "dulce" of a milk flavour
    row = one_entry("dulce de leche")
    assert row["food_id"] == "sr28:01225"


def test_a_fountain_soda_is_the_soda() -> None:
    row = one_entry("32oz diet coke fountain")
    assert row["food_id"] == "sr28:14416"


# --- notes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "mal de t\u00eate toute la journ\u00e9e",
        "espalda destruida, stacked hay bales all afternoon",
        "hung a banana bag for bed 14",
        "planted dill & sorrel in the garden",
        "3 hrs sampling in the corn field",
        "chopped corn silage till dark",
    ],
)
def test_symptoms_and_farm_work_are_notes(line: str) -> None:
    entries, rejected = analysed(line)
    assert entries.empty
    assert rejected["reason"].str.startswith("not a food entry").all()
    assert len(rejected) == 1


def test_a_field_salad_is_still_food() -> None:
    row = one_entry("field greens salad")
    assert row["description"].startswith("Mixed salad greens")


def test_a_distance_with_a_decimal_before_a_dash_is_a_label() -> None:
    # SR28 09040 banana, "large" 136 g
    one_entry_of("after 11.4 mi - 1 large banana", "sr28:09040", 136.0)


def test_a_drink_before_sleeping_is_the_drink() -> None:
    row = one_entry("chamomile tea b4 sleeping")
    assert row["food_id"] == "sr28:14545"


# --- powdered milk in a hot drink -----------------------------------------------------------


def test_powdered_milk_in_coffee_is_two_tablespoons() -> None:
    # SR28 01090 dry whole milk, "0.25 cup" 32 g, so 2 tbsp = 16 g; sugar 2 tsp = 8.4 g
    entries, _ = analysed("Nescaf\u00e9 w/ Nido & 2 sugars")
    grams = dict(zip(entries["food_id"], entries["grams"], strict=True))
    assert grams["sr28:01090"] == pytest.approx(16.0)
    assert grams["sr28:19335"] == pytest.approx(8.4)
    assert grams["fndds:92103000"] == pytest.approx(240.0)


# --- a branded candy without an amount -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("peanut m&ms", "sr28:19140", 54.0),  # "serving 1 singles bag"
        ("skittles", "sr28:19370", 62.0),  # "serving 2.17 oz pack"
        ("reeses cups", "sr28:19150", 45.0),  # "package 1.6 oz 2 cups"
    ],
)
def test_a_branded_candy_is_the_pack_it_is_sold_in(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


def test_a_fun_size_candy_is_the_fun_size_pack() -> None:
    one_entry_of("skittles fun size", "sr28:19370", 20.0)


def test_a_handful_of_candy_is_no_pack() -> None:
    # FNDDS 91731010 peanut M&M's "Quantity not specified" 21 g, the handful
    one_entry_of("a handful of peanut m&ms", "sr28:19140", 21.0)


def test_a_plain_candy_keeps_its_usual_amount() -> None:
    # "Candies, caramels": no brand, no pack; FNDDS caramel's 14 g
    one_entry_of("caramels", "sr28:19074", 14.0)


# --- a few slices of a pizza named by its topping -----------------------------------------


@pytest.mark.parametrize(
    ("line", "grams"),
    [("2 slices pepperoni", 248.0), ("1 pepperoni slice", 124.0)],
)
def test_a_few_slices_of_pepperoni_are_pizza(line: str, grams: float) -> None:
    # FNDDS 58106540 pepperoni pizza, "1 slice" 124 g; not SR28 07057 pepperoni, 2 g a slice
    one_entry_of(line, "fndds:58106540", grams)


def test_many_slices_of_pepperoni_are_the_sausage() -> None:
    # SR28 07057 pepperoni, "1 slice" 2 g x 15
    one_entry_of("15 slices pepperoni", "sr28:07057", 30.0)


def test_pieces_of_a_big_fruit_are_chunks() -> None:
    # SR28 09266 pineapple has slices only (166 g); its FNDDS twin 63141010 "chunk" 15 g x 3
    one_entry_of("3 pieces of pineapple", "sr28:09266", 45.0)


def test_a_span_of_hours_after_a_drink_is_no_count() -> None:
    # SR28 14209 brewed coffee, "cup (8 fl oz)" 236.8 g; not nine cups
    one_entry_of("coffee 9-10am", "sr28:14209", 236.8)


def test_stewed_beans_are_beans_not_their_liquid() -> None:
    # FNDDS 41106010 kidney beans, from dried, fat added, "1 cup" 185 g; not SR28 43125
    one_entry_of("1 cup stewed beans", "fndds:41106010", 185.0)


@pytest.mark.parametrize(
    "line",
    ["baked 300 buns for the wedding", "made 18 dozen glazed today", "DEXA: T-score -2.1 hip"],
)
def test_baking_for_others_and_bone_scans_are_notes(line: str) -> None:
    entries, rejected = analysed(line)
    assert entries.empty
    assert rejected["reason"].str.startswith("not a food entry").all()


def test_a_few_made_are_still_eaten() -> None:
    row = one_entry("made 2 sandwiches")
    assert row["description"].startswith("Sandwich")


def test_a_persons_initial_is_no_potassium() -> None:
    entries, _ = analysed("shift 7a-7p @ Mrs K")
    assert not (entries["kind"] == "supplement").any()
    # the symbol alone, as a supplement line, still is potassium
    assert one_entry("K 99mg")["potassium_mg"] == pytest.approx(99.0)
