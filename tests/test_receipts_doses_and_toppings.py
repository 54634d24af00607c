"""Spelling ties among deliberate words, -che plurals, shorthand drink names, drinks made
up from a powder, clock times written with an h, receipts, doses counted per unit,
toppings and additions, snack flavours and makers' names the tables lack (issue 12,
sixteenth round). Lines made up here; weights checked against the USDA portions they
name."""

from __future__ import annotations

import pytest
from diary import entries_of_line, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.index import index_for
from nutrilog.matching.not_food import not_food_reason
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.matching.words import singular
from nutrilog.portions.weighing import is_drink

# ------------------------------------------------------------------ words


def test_a_misspelling_goes_to_the_commoner_of_two_deliberate_words(foods: FoodTable) -> None:
    # "suger" is one letter from sugar and from super (as in super firm tofu)
    row = entries_of_line(foods, "1 tbsp suger").iloc[0]
    assert row["food_id"] == "sr28:19335"  # granulated sugar
    assert row["grams"] == pytest.approx(12.5)  # SR28 "1 tbsp" = 12.5 g
    assert "suger → sugar" in row["assumptions"]


@pytest.mark.parametrize(
    ("plural", "one"),
    [("kolaches", "kolache"), ("quiches", "quiche"), ("brioches", "brioche")],
)
def test_che_names_take_an_s_in_the_plural(plural: str, one: str) -> None:
    assert singular(plural) == one
    assert singular("peaches") == "peach"  # the -ches rule still holds elsewhere


def test_kolaches_are_the_pastry_fndds_names_kolache(foods: FoodTable) -> None:
    row = entries_of_line(foods, "3 kolaches").iloc[0]
    assert row["food_id"] == "fndds:58124210"  # Pastry, cheese-filled: "kolache"
    assert row["grams"] == pytest.approx(3 * 28.0)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("20oz diet mtn dew", "fndds:92410560", 20 * 30.0),  # FNDDS 1 fl oz = 30 g
        ("mich ultra 12oz", "fndds:93102100", 12 * 30.0),  # Beer, low carb
        ("crystal light 16 oz", "fndds:92552010", 16 * 30.0),
    ],
)
def test_shorthand_drink_names_and_their_fluid_ounces(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] == food_id
    assert row["grams"] == pytest.approx(grams)


def test_a_drink_made_up_from_a_powder_is_poured(foods: FoodTable) -> None:
    assert is_drink(foods, "fndds:92552010")  # powdered, reconstituted, diet
    assert is_drink(foods, "fndds:92542000")  # powdered, reconstituted (Tang)
    assert not is_drink(foods, "fndds:92900200")  # powdered, not reconstituted


# ------------------------------------------------------------------ notes of the day


@pytest.mark.parametrize(("line", "clock"), [("7h15 - 2 eggs", "7h15"), ("21h30: tea", "21h30")])
def test_a_clock_time_written_with_an_h_is_a_prefix(line: str, clock: str) -> None:
    rest, _meal, time = strip_prefix(line)
    assert time == clock
    assert not rest.startswith(clock)


@pytest.mark.parametrize(
    "line", ["Woolworths R1200.50", "grocery run $63", "big shop £84.20", "Seafood Market run $40"]
)
def test_a_receipt_is_no_food(line: str) -> None:
    assert rejected_reasons(line).str.contains("not a food entry").all()


@pytest.mark.parametrize(("line", "price"), [("rice R45", "R45"), ("flat white $4.80", "$4.80")])
def test_a_food_with_its_price_keeps_the_food(foods: FoodTable, line: str, price: str) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] is not None and row["kind"] == "food"
    assert f"price {price}" in row["assumptions"]


def test_a_shopping_trip_with_an_amount_of_food_stays_a_question(foods: FoodTable) -> None:
    # an amount of a food beside the trip: not read as a receipt alone
    known = index_for(foods).postings.keys()
    assert not_food_reason("grocery run $86: 2 lb chicken", known) is None
    assert not_food_reason("grocery run $86", known) is not None


# ------------------------------------------------------------------ doses


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [
        ("magnesium glycinate 3 caps x 120mg", "magnesium_mg", 360.0),
        ("2 tabs × 600mg calcium", "calcium_mg", 1200.0),
        ("D3 2 softgels x 1000 IU", "vitamin_d_ug", 50.0),  # 40 IU = 1 µg
        ("K-Cl 10 mEq", "potassium_mg", 391.0),  # 10 mmol x 39.098 mg
    ],
)
def test_units_counted_times_one_units_dose(
    foods: FoodTable, line: str, column: str, amount: float
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["kind"] == "supplement"
    assert row[column] == pytest.approx(amount, abs=0.5)


# ------------------------------------------------------------------ toppings


def test_a_la_mode_is_a_scoop_of_ice_cream_beside_the_dessert(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "cherry pie a la mode")
    assert len(rows) == 2
    assert "pie, cherry" in rows.iloc[0]["description"].lower()
    scoop = rows.iloc[1]
    assert scoop["description"] == "Ice creams, vanilla"
    assert scoop["grams"] == pytest.approx(66.0)  # SR28 "serving 1/2 cup"


def test_herbal_tea_with_milk_takes_a_splash(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "rooibos w milk")
    milk = rows[rows["description"].str.startswith("Milk")].iloc[0]
    assert milk["grams"] == pytest.approx(30.5)  # 2 tbsp of FNDDS milk (244 g a cup)
    tea = rows[~rows["description"].str.startswith("Milk")].iloc[0]
    assert tea["grams"] == pytest.approx(237.0, abs=10)  # one 8 fl oz cup


def test_dried_fruit_in_porridge_is_a_small_box(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "porridge with sultanas")
    fruit = rows[rows["description"].str.contains("Raisins")].iloc[0]
    assert fruit["grams"] == pytest.approx(14.17, abs=0.1)  # 0.5 oz


def test_milk_on_hot_cereal_is_fnddss_guideline_and_on_cold_half_a_cup(foods: FoodTable) -> None:
    hot = entries_of_line(foods, "oatmeal w/ milk")
    assert hot.loc[hot["food"] == "milk", "grams"].tolist() == [pytest.approx(61.0)]
    cold = entries_of_line(foods, "cornflakes w/ milk")
    assert cold.loc[cold["food"] == "milk", "grams"].tolist() == [pytest.approx(122.0)]


def test_honey_and_nuts_over_yogurt(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "skyr with honey and pecans")
    by_food = dict(zip(rows["food"], rows["grams"], strict=True))
    assert by_food["honey"] == pytest.approx(21.0)  # SR28 honey 1 tbsp
    assert by_food["pecans"] == pytest.approx(14.17, abs=0.01)  # half an ounce


def test_jam_on_a_slice_is_fnddss_guideline(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "1 slice toast w marmalade")
    assert rows.loc[rows["food"] == "marmalade", "grams"].tolist() == [pytest.approx(10.0)]


def test_a_drink_with_a_measured_addition_is_still_one_cup(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "rooibos, splash of milk, 1 sug")
    by_food = dict(zip(rows["food"], rows["grams"], strict=True))
    assert by_food["rooibos"] == pytest.approx(237.0, abs=10)  # not the 12 fl oz mug
    assert by_food["sug"] == pytest.approx(4.2)  # one teaspoon


@pytest.mark.parametrize("line", ["smashed avo on rye", "avocado & feta on sourdough"])
def test_avocado_on_a_bread_is_one_open_slice(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    bread = rows[rows["description"].str.startswith("Bread")].iloc[0]
    assert "toasted" in bread["description"]
    assert "1 slice" in bread["assumptions"] or bread["grams"] < 70  # one slice, not two
    avocado = rows[rows["description"].str.startswith("Avocados")].iloc[0]
    assert avocado["grams"] == pytest.approx(100.0)  # half of SR28's 201 g avocado


def test_a_makers_portion_row_is_named_by_the_maker(foods: FoodTable) -> None:
    row = entries_of_line(foods, "jimmy dean sausage egg and cheese biscuit").iloc[0]
    assert row["food_id"] == "fndds:32202050"
    assert row["grams"] == pytest.approx(128.0)  # FNDDS "Jimmy Dean sandwich"


# ------------------------------------------------------------------ flavours


def test_a_snacks_flavour_is_no_list_of_foods(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "pringles cheese & onion x10")
    assert len(rows) == 1
    assert rows.iloc[0]["food_id"] == "fndds:71200310"  # restructured chips, flavored
    assert rows.iloc[0]["grams"] == pytest.approx(20.0)  # FNDDS "1 chip" = 2 g


@pytest.mark.parametrize(("line", "parts"), [("doritos and salsa", 2), ("lays and a coke", 2)])
def test_a_snack_beside_another_food_stays_two_foods(
    foods: FoodTable, line: str, parts: int
) -> None:
    assert len(entries_of_line(foods, line)) == parts


# ------------------------------------------------------------------ makers' names


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("1 cup Harlow vanilla ice cream", "sr28:19095", 132.0),  # SR28 "1 cup" = 132 g
        ("2 slices Fratelli margherita", "fndds:58106210", 2 * 119.0),  # FNDDS piece NFS
    ],
)
def test_a_makers_name_the_tables_lack_is_set_aside(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["food_id"] == food_id
    assert row["grams"] == pytest.approx(grams)
    assert "a maker's name the tables lack" in row["assumptions"]


@pytest.mark.parametrize(
    ("line", "description"),
    [("2 Medjool dates", "Dates, medjool"), ("1 bowl Pozole", "Meat and corn hominy soup")],
)
def test_a_capitalised_food_word_is_kept(foods: FoodTable, line: str, description: str) -> None:
    row = entries_of_line(foods, line).iloc[0]
    assert row["description"].startswith(description)
    assert "maker's name" not in row["assumptions"]


def test_a_name_opening_the_line_before_two_food_words_is_set_aside(foods: FoodTable) -> None:
    # an unknown word opening the line before a food of two words or more is a maker's
    # or a shop's name (measured over the labelled diaries: right more often than not)
    row = entries_of_line(foods, "Kingsley cheese burger").iloc[0]
    assert row["food_id"] == "fndds:27510155"  # FNDDS cheeseburger, NFS
    assert "Kingsley: a maker's name the tables lack" in row["assumptions"]


def test_a_sandwich_on_a_named_bread_with_an_addition_is_its_parts(foods: FoodTable) -> None:
    # an addition that is no spread (a spread is in the sandwich: see
    # test_shells_and_products.py)
    rows = entries_of_line(foods, "chicken sandwich on sourdough w/ avocado")
    assert len(rows) == 3
    assert rows.iloc[0]["food"] == "sourdough bread"
    assert rows.iloc[0]["grams"] == pytest.approx(2 * 64.0)  # FNDDS French bread 1 slice
    avocado = rows[rows["food"] == "avocado"].iloc[0]
    assert avocado["grams"] == pytest.approx(50.0)  # companion_amounts.csv: 50 g added


def test_a_sandwich_on_a_named_bread_alone_stays_the_dish(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "ham sandwich on white")
    assert len(rows) == 1
    assert rows.iloc[0]["description"].startswith("Ham sandwich")


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("2 frikkadels", 2 * 42.0),  # FNDDS meat loaf "large meatball"
        ("3 kraft singles", 3 * 21.0),  # SR28 "slice (3/4 oz)"
        ("1 vetkoek", 104.0),  # FNDDS fry bread 'piece (7" dia)'
        ("3 naartjies", 3 * 88.0),  # SR28 tangerine, medium
    ],
)
def test_items_weighed_by_their_own_size(foods: FoodTable, line: str, grams: float) -> None:
    assert entries_of_line(foods, line)["grams"].iloc[0] == pytest.approx(grams)
