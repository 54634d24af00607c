"""Lines logged for someone else, labels before a separator, day notes, and the
seventeenth round's other rules (issue 12). Lines made up here; weights checked against
the USDA portions they name."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.supplements.detect import detect_supplement

# ------------------------------------------------------------------ whose line


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a name in brackets: the line was logged for someone else; the food stays
        ("(Tomas) 2 cups frosted flakes", "sr28:08069", 2 * 42.0),  # SR28 "1 cup" = 42 g
        ("(grandma) 1 cup oatmeal", "sr28:08121", 234.0),  # cooked with water, 1 cup
        ("(Bea) lunch: 6pc chicken nuggets", "fndds:24198729", 6 * 16.0),  # FNDDS 1 piece
    ],
)
def test_a_bracketed_name_before_a_line_is_whose_it_is(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_bracketed_food_word_is_kept(foods: FoodTable) -> None:
    row = entries_of_line(foods, "(frozen) peas").iloc[0]
    assert "Peas, green" in row["description"]  # the peas, not a line without food


# ------------------------------------------------------------------ labels


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("snack~ 1 cup pineapple", "sr28:09266", 165.0),  # SR28 "1 cup, chunks"
        ("after the match - 1 cup pineapple", "sr28:09266", 165.0),
    ],
)
def test_a_label_before_a_separator_names_no_food(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_tilde_glued_to_an_amount_is_still_about(foods: FoodTable) -> None:
    row = entries_of_line(foods, "coffee~ 2 cups").iloc[0]
    assert row["food_id"] == "sr28:14209"  # brewed coffee
    assert row["grams"] == pytest.approx(2 * 237.0)


# ------------------------------------------------------------------ day notes


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("hamstrings cramped up at 2am", "cramped"),
        ("heat index 104 at the site", "heat index"),
        ("darts v Harlow - 60 mins", "min"),  # a lone letter names no food
    ],
)
def test_day_notes_are_no_food(line: str, cue: str) -> None:
    reasons = rejected_reasons(line)
    assert len(reasons) == 1
    assert cue in reasons.iloc[0]


def test_a_work_note_beside_a_food_keeps_the_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "worked through lunch, 2 granola bars")
    bars = rows[rows["food_id"].notna()]
    assert list(bars["food_id"]) == ["fndds:53712100"]  # granola bar, NFS
    assert bars.iloc[0]["grams"] == pytest.approx(2 * 43.0)


# ------------------------------------------------------------------ supplements


@pytest.mark.parametrize(
    ("line", "nutrients"),
    [
        # a count, the supplement's name, its unit and one unit's dose
        ("2 potassium tabs 99 mg each", {"potassium_mg": 198.0}),
        ("3 vit d softgels 1000 IU each", {"vitamin_d_ug": 75.0}),  # 40 IU = 1 µg
        ("2 tabs potassium 99 mg each", {"potassium_mg": 198.0}),
    ],
)
def test_a_count_of_named_units_times_each_dose(line: str, nutrients: dict[str, float]) -> None:
    assert detect_supplement(line).nutrients == pytest.approx(nutrients)


def test_oyster_shell_calcium_is_calcium_carbonate() -> None:
    # 1250 mg is more than one tablet's calcium: the carbonate's weight, 40.04 % calcium
    heavy = detect_supplement("oyster shell calcium 1250mg")
    assert heavy.nutrients == pytest.approx({"calcium_mg": 1250 * 0.4004})
    assert "compound weight" in heavy.assumption
    # 500 mg is a label's elemental amount (US labels state the element)
    assert detect_supplement("oyster shell calcium 500 mg").nutrients == {"calcium_mg": 500.0}


# ------------------------------------------------------------------ Spanish names


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # "de" and "con" weigh no more than "of" and "with"
        ("3 flautas de pollo", "fndds:58104830", 3 * 72.0),  # FNDDS "flauta, any size"
        ("chili con carne 1 cup", "fndds:27111410", 254.0),  # FNDDS 1 cup
        ("pico de gallo 2 tbsp", "fndds:74402110", 30.0),  # FNDDS 1 tbsp = 15 g
    ],
)
def test_spanish_of_and_with_carry_no_weight(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


# ------------------------------------------------------------------ parts and pieces


def test_red_beans_are_cooked_red_kidney_beans(foods: FoodTable) -> None:
    row = entries_of_line(foods, "1 cup red beans").iloc[0]
    assert row["food_id"] == "sr28:16033"  # cooked, boiled: never the raw dry seeds
    assert row["grams"] == pytest.approx(177.0)  # SR28 "1 cup"


def test_raw_dry_seeds_need_the_word_raw(foods: FoodTable) -> None:
    row = entries_of_line(foods, "1/4 cup raw chickpeas").iloc[0]
    assert "mature seeds, raw" in row["description"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("thigh", "fndds:24150210", 80.0),  # FNDDS chicken thigh, quantity not specified
        ("leg", "fndds:24140210", 60.0),  # FNDDS chicken drumstick, "drumstick"
        ("breast", "fndds:24120110", 130.0),  # FNDDS chicken breast, "breast"
    ],
)
def test_a_piece_named_alone_is_chicken(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_restaurant_named_first_names_the_pieces_listed_with_it(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "popeyes leg & thigh")
    assert list(rows["food_id"]) == ["sr28:21457", "sr28:21458"]  # Popeyes drumstick, thigh
    other = entries_of_line(foods, "mcdonalds big mac and a coke")
    assert "cola" in other.iloc[1]["description"]  # a food of no brand keeps its own


def test_a_creamer_named_by_its_brand_is_a_creamer_cup(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "coffee w/ coffee mate & 2 sugars")
    assert len(rows) == 3
    coffee, creamer, sugar = (rows.iloc[i] for i in range(3))
    assert coffee["grams"] == pytest.approx(237.0)  # one 8 fl oz cup, not a mug
    assert creamer["grams"] == pytest.approx(15.0)  # 1 tbsp, not a cup of creamer
    assert sugar["grams"] == pytest.approx(2 * 4.2)


def test_a_filling_on_a_croissant_is_the_filling_and_the_croissant(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "chicken salad on a croissant")
    assert list(rows["food_id"]) == ["fndds:27446200", "sr28:18239"]
    assert rows["grams"].tolist() == pytest.approx([113.0, 57.0])  # FNDDS and SR28 portions


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("smoked sausage 1 link", 75.0),  # FNDDS "bun-size or griller link"
        ("2 links kielbasa", 2 * 75.0),
        ("1 link pork sausage", 23.0),  # a breakfast link stays one (SR28 "1 link")
    ],
)
def test_a_link_of_a_thick_sausage_is_bun_size(foods: FoodTable, line: str, grams: float) -> None:
    assert entries_of_line(foods, line).iloc[0]["grams"] == pytest.approx(grams)


@pytest.mark.parametrize(("line", "grams"), [("1 yogurt", 170.0), ("2 yogurts", 340.0)])
def test_a_counted_yogurt_is_a_six_ounce_cup(foods: FoodTable, line: str, grams: float) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] == pytest.approx(grams)  # SR28 "container (6 oz)" = 170 g
    assert "6 oz" in row["portion"]


@pytest.mark.parametrize("line", ["guinness pint", "cider pint"])
def test_a_pint_after_the_drink_is_one_pint(foods: FoodTable, line: str) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] == pytest.approx(16 * 29.7, rel=0.03)  # 16 fl oz, not a 12 oz can


# ------------------------------------------------------------------ lists


def test_two_listed_foods_are_not_one_food_named_the_other_way_round(
    foods: FoodTable,
) -> None:
    rows = entries_of_line(foods, "3 fish fingers, chips & beans")
    assert not rows["description"].str.contains("Bean chips").any()
    assert len(rows) == 3  # fish fingers, chips (fries beside fish) and beans


def test_a_meal_named_before_a_list_of_foods_is_its_label(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "crab boil - corn, potatoes, shrimp")
    assert len(rows) == 3
    assert rows["food_id"].notna().all()
    assert rows["meal"].eq("crab boil").all()


def test_a_meal_named_before_a_listed_pair_is_its_label(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "chippy tea - haddock n chips")
    assert len(rows) == 2
    assert rows["description"].str.contains("Haddock|haddock|fish", regex=True).iloc[0]


def test_smothered_is_stewed(foods: FoodTable) -> None:
    row = entries_of_line(foods, "smothered pork chop").iloc[0]
    assert row["food_id"] == "fndds:22101500"  # Pork chop, stewed
    assert row["grams"] == pytest.approx(91.0)  # FNDDS quantity not specified


@pytest.mark.parametrize(
    ("line", "n"),
    [
        ("cafe con leche y pan dulce", 2),  # "y" joins two foods, "con leche" is the drink's
        ("mofongo con camarones", 2),  # "con" joins a food to another it is served with
        ("arroz con pollo", 1),  # a dish the tables name stays whole
        ("chili con carne 1 cup", 1),
    ],
)
def test_spanish_and_and_with_join_foods(foods: FoodTable, line: str, n: int) -> None:
    rows = entries_of_line(foods, line)
    assert len(rows) == n
    assert rows["food_id"].notna().all()


def test_roasties_are_roast_potato_chunks(foods: FoodTable) -> None:
    row = entries_of_line(foods, "4 roasties").iloc[0]
    assert row["food_id"] == "fndds:71104030"  # Potato, roasted, NFS
    assert row["grams"] == pytest.approx(4 * 60.0)  # FNDDS "baby potato", not a medium one


def test_spanish_names_of_a_roast_and_a_tea(foods: FoodTable) -> None:
    pernil = entries_of_line(foods, "4oz pernil").iloc[0]
    assert "shoulder" in pernil["description"]  # pernil is roast pork shoulder
    tea = entries_of_line(foods, "te de manzanilla").iloc[0]
    assert "chamomile" in tea["description"]
    olives = entries_of_line(foods, "manzanilla olives 5").iloc[0]
    assert "Olives" in olives["description"]


@pytest.mark.parametrize(("line", "grams"), [("hot pocket", 142.0), ("2 hot pockets", 284.0)])
def test_a_hot_pocket_is_one_as_sold(foods: FoodTable, line: str, grams: float) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] == "fndds:58126130"
    assert row["grams"] == pytest.approx(grams)  # FNDDS "Hot Pockets Ham 'n Cheese" 142 g


# ------------------------------------------------------------------ midway rules


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("Gran ate 2 dumplings", "fndds:58112510"),  # someone named before the verb
        ("Jo had 2 beers", "sr28:14003"),
    ],
)
def test_someone_else_eating_is_the_food(foods: FoodTable, line: str, food_id: str) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id]


def test_a_bone_drug_is_no_food_or_supplement() -> None:
    reasons = rejected_reasons("alendronate 70mg (Monday, empty stomach)")
    assert "medication" in reasons.iloc[0]


def test_calcium_chews_without_amounts_are_a_supplement() -> None:
    chews = detect_supplement("Viactiv chews x2")
    assert chews.kind == "supplement"
    # the range differs by formula: calcium and vitamin D unknown, not zero
    assert "calcium_mg" not in chews.nutrients and "vitamin_d_ug" not in chews.nutrients
    assert "unknown amount" in chews.assumption


def test_a_linguica_link_is_bun_size(foods: FoodTable) -> None:
    row = entries_of_line(foods, "2 linguica links").iloc[0]
    assert row["food_id"] == "fndds:25220710"  # FNDDS chorizo names lenguica
    assert row["grams"] == pytest.approx(2 * 75.0)


def test_boston_words(foods: FoodTable) -> None:
    chowder = entries_of_line(foods, "1 cup clam chowdah").iloc[0]
    assert "Clam chowder" in chowder["description"]
    donut = entries_of_line(foods, "dunks glazed donut").iloc[0]
    assert "glazed" in donut["description"]


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("sausage calzone", "fndds:58108010"),  # Calzone, with meat and cheese
        ("pepperoni lasagna", "fndds:58130011"),  # Lasagna with meat
        ("2 tilapia tacos", "fndds:58101555"),  # Soft taco with fish
    ],
)
def test_a_filling_is_read_as_the_kind_the_dish_names(
    foods: FoodTable, line: str, food_id: str
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id]  # one dish, not the filling and the dish
    assert "(the dish names its kind)" in rows.iloc[0]["assumptions"]


def test_a_filling_alone_is_itself(foods: FoodTable) -> None:
    row = entries_of_line(foods, "pepperoni").iloc[0]
    assert "Pepperoni" in row["description"]


def test_a_counted_greek_yogurt_is_its_smaller_cup(foods: FoodTable) -> None:
    row = entries_of_line(foods, "1 greek yogurt").iloc[0]
    assert row["grams"] == pytest.approx(150.0)  # FNDDS Greek yogurt, 5.3 oz container


def test_a_capitalised_name_in_brackets_is_whose_even_when_it_names_a_fish(
    foods: FoodTable,
) -> None:
    rows = entries_of_line(foods, "(Ray) supper: 2 pork chops")
    assert len(rows) == 1
    assert rows.iloc[0]["description"].startswith("Pork chop")
    kept = entries_of_line(foods, "(leftover) lasagna 1 cup")  # how the food was: kept
    assert kept.iloc[0]["description"].startswith("Lasagna")


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("sugar 162 before bkfst", "blood sugar reading"),
        ("BG 98 fasting", "blood sugar reading"),
        ("Kroger on Main - $64.10", "purchase"),  # a shop's name and money: a trip
        ("88 Market run $23.50", "purchase"),  # a store's number is no amount of food
    ],
)
def test_readings_and_shopping_trips_are_no_food(line: str, cue: str) -> None:
    assert cue in rejected_reasons(line).iloc[0]


def test_sugar_with_a_measure_stays_sugar(foods: FoodTable) -> None:
    row = entries_of_line(foods, "sugar 2 tsp").iloc[0]
    assert row["food_id"] == "sr28:19335"
    assert row["grams"] == pytest.approx(8.4)


def test_a_label_before_an_arrow_needs_no_amount(foods: FoodTable) -> None:
    row = entries_of_line(foods, "btwn stops -> granola bar").iloc[0]
    assert row["food_id"] == "fndds:53712100"


def test_alpha_lipoic_acid_is_a_supplement_of_no_tracked_nutrient() -> None:
    found = detect_supplement("alpha lipoic acid 600mg")
    assert found.kind == "supplement"
    assert found.nutrients == {}


@pytest.mark.parametrize("line", ["mini cheddars", "mini marshmallows"])
def test_bite_size_things_without_an_amount_are_a_serving(foods: FoodTable, line: str) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["grams"] >= 10.0  # not one bite-size piece of a gram or two


def test_a_fun_size_bar_is_still_one_fun_size_bar(foods: FoodTable) -> None:
    row = entries_of_line(foods, "fun size snickers").iloc[0]
    assert row["grams"] == pytest.approx(15.0)  # SR28 "1 bar, fun size"


def test_chana_is_chickpeas(foods: FoodTable) -> None:
    row = entries_of_line(foods, "chana curry 1 cup").iloc[0]
    assert row["food_id"] == "fndds:41311030"  # FNDDS lentil curry names chickpea curry


def test_berocca_without_its_line_is_a_supplement_of_unknown_amounts() -> None:
    # its formula differs by market and line: no amounts are guessed
    found = detect_supplement("berocca")
    assert found.kind == "supplement"
    assert found.nutrients == {}


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("soymilk 8oz unsweetened", "sr28:16222"),  # a qualifier after the food and amount
        ("unsweetened soymilk 8oz", "sr28:16222"),
    ],
)
def test_a_qualifier_written_after_the_food_reads_as_before(
    foods: FoodTable, line: str, food_id: str
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] == food_id


def test_a_generic_word_is_no_brand_it_happens_to_begin(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "burger and onion rings")
    assert len(rows) == 2
    assert not rows["description"].str.contains("BURGER KING").any()


def test_a_24_hour_time_and_a_few_words_before_a_dash_are_when(foods: FoodTable) -> None:
    row = entries_of_line(foods, "0630 before the run - banana").iloc[0]
    assert row["description"].startswith("Bananas, raw")


def test_polar_seltzer_is_carbonated_water(foods: FoodTable) -> None:
    row = entries_of_line(foods, "can of polar seltzer").iloc[0]
    assert row["food_id"] == "sr28:14121"  # club soda


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("jarritos mandarina", "fndds:92410510"),  # a flavour no food name holds
        ("takis fuego 1oz bag", "fndds:54401085"),
    ],
)
def test_an_unknown_word_after_a_branded_product_is_its_flavour(
    foods: FoodTable, line: str, food_id: str
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] == food_id


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("a glass of milk 300ml", 300 / 29.5735 * 30.5),  # FNDDS milk: 30.5 g per fl oz
        ("glass of semi skimmed 300ml", 300 / 29.5735 * 30.5),
    ],
)
def test_a_measure_beats_the_glass_it_was_served_in(
    foods: FoodTable, line: str, grams: float
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["description"].startswith("Milk")
    assert row["grams"] == pytest.approx(grams, rel=0.02)


def test_white_zin_is_a_rose(foods: FoodTable) -> None:
    row = entries_of_line(foods, "glass of white zin").iloc[0]
    assert "rose" in row["description"]


@pytest.mark.parametrize(("line", "grams"), [("cafecito", 62.0), ("2 cafecitos", 124.0)])
def test_a_cafecito_is_a_demitasse(foods: FoodTable, line: str, grams: float) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] == "fndds:92101800"  # Coffee, Cuban
    assert row["grams"] == pytest.approx(grams)  # 2 fl oz at FNDDS's 31 g per fl oz


def test_a_word_run_together_after_a_brand_is_no_flavour(foods: FoodTable) -> None:
    row = entries_of_line(foods, "red bull sugarfree 250ml").iloc[0]
    assert "sugar free" in row["description"]  # sugarfree is sugar free, not a flavour


def test_fat_free_cottage_cheese_is_the_nonfat_one_fndds_names(foods: FoodTable) -> None:
    row = entries_of_line(foods, "cottage cheese, fat free, 200 g").iloc[0]
    assert row["food_id"] == "fndds:14203020"  # FNDDS: "nonfat cottage cheese"
    assert row["calcium_mg"] == pytest.approx(2 * 86.0)  # 86 mg per 100 g
