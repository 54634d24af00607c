"""A size after the food, times and race points before it, counts and vague words people
write, label doses without their unit, and food words of other languages (issue 12,
tenth round). Lines made up here."""

from __future__ import annotations

import math

import pytest
from diary import entries_of_line, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.not_food import not_food_reason
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement


@pytest.mark.parametrize(
    ("line", "rest", "time"),
    [
        ("post-gym @6:15 1 apple", "1 apple", "6:15"),
        ("@ 7:05 2 slices toast", "2 slices toast", "7:05"),
        ("7.45 - toast 2 slices", "toast 2 slices", "7.45"),
        ("10.30 crumpets 2", "crumpets 2", "10.30"),
    ],
)
def test_a_time_before_the_food_is_no_amount(line: str, rest: str, time: str) -> None:
    assert strip_prefix(line)[0] == rest
    assert strip_prefix(line)[2] == time


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("km 12: banana", "banana"),
        ("mile 8 -- 2 dates", "2 dates"),
        ("3 hrs - clif bar", "clif bar"),
    ],
)
def test_a_point_of_a_run_is_no_amount(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


@pytest.mark.parametrize("line", ["1.30 cups milk 2%", "2.15 oz cheddar 1 slice", "12.5 oz steak"])
def test_a_dotted_amount_stays_an_amount(line: str) -> None:
    assert strip_prefix(line)[0] == line


def test_a_meal_closed_by_a_bracket_is_a_prefix() -> None:
    assert strip_prefix("lunch) 1 sandwich") == ("1 sandwich", "lunch", None)


def test_meals_named_in_other_languages_are_prefixes() -> None:
    assert strip_prefix("pranzo: 1 cup pasta")[:2] == ("1 cup pasta", "pranzo")
    assert strip_prefix("desayuno - 2 huevos")[:2] == ("2 huevos", "desayuno")


def test_a_race_point_never_counts_the_food(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "mile 8 -- banana").iloc[0]
    assert entry["food_id"] == "sr28:09040"
    assert entry["grams"] < 200  # one banana, not eight


@pytest.mark.parametrize(
    ("line", "food", "unit"),
    [
        ("pear lg", "pear", "large"),
        ("baked potato sm", "baked potato", "small"),
        ("mango (med)", "mango med", None),  # the bracket keeps its own reading
        ("coffee large", "coffee", "large"),
    ],
)
def test_a_size_closing_the_line_is_the_item_size(line: str, food: str, unit: str | None) -> None:
    parsed = parse_quantity(line)
    assert parsed.food == food
    assert parsed.unit == unit


def test_a_doneness_is_no_size() -> None:
    assert parse_quantity("sirloin steak medium").unit is None


def test_a_size_after_the_food_weighs_that_size(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "pear lg").iloc[0]
    # SR28 09252 pears, raw: 1 large = 230 g
    assert entry["food_id"] == "sr28:09252"
    assert entry["grams"] == pytest.approx(230.0)


@pytest.mark.parametrize("line", ["pear baked med", "oatmeal 1 bowl med"])
def test_med_closing_a_food_line_is_no_medication(line: str) -> None:
    assert not_food_reason(line, frozenset({"pear", "baked", "oatmeal", "bowl"})) is None


@pytest.mark.parametrize("line", ["sinus med", "took flu med", "pain meds"])
def test_med_after_what_it_treats_is_medication(line: str) -> None:
    assert not_food_reason(line, frozenset({"sinus", "flu", "took", "pain"})) is not None


def test_half_and_half_is_a_food_not_a_half() -> None:
    parsed = parse_quantity("half and half")
    assert parsed.food == "half and half"
    assert parsed.quantity == 1.0
    assert parse_quantity("half a muffin").quantity == 0.5


def test_a_cut_after_the_amount_is_no_food(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "Apricots, 1 cup halves")
    assert len(entries) == 1  # no half-and-half cream beside them
    assert entries["food_id"].iloc[0] == "sr28:09021"
    assert entries["grams"].iloc[0] == pytest.approx(155.0)  # SR28: 1 cup, halves = 155 g


@pytest.mark.parametrize(
    ("line", "note"),
    [("3 pancakes 5in", '5"'), ("2 5-inch pancakes", '5"'), ("2 6in tortillas", '6"')],
)
def test_an_inch_size_after_a_count_is_a_size(line: str, note: str) -> None:
    parsed = parse_quantity(line)
    assert parsed.note == note
    assert parsed.quantity in (2.0, 3.0)


def test_pieces_of_a_food_counted_by_its_own_item(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "animal crackers 12 pieces").iloc[0]
    # SR28 28399 animal crackers: 1 cracker = 2.5 g (not the 4.9 g Arrowroot biscuit)
    assert entry["grams"] == pytest.approx(12 * 2.5)
    # FNDDS Goldfish: 1 goldfish = 1.0 g (its survey weight, rounded)
    assert entries_of_line(foods, "goldfish crackers 30 pieces").iloc[0]["grams"] == 30.0


def test_a_sheet_of_matzo_is_one_matzo(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "3 sheets matzo").iloc[0]
    assert entry["grams"] == pytest.approx(3 * 28.0)  # USDA: 1 matzo = 28 g


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("a wee handful of almonds", "handful"),
        ("a chunk of feta", "chunk"),
        ("a lump of butter", "chunk"),
        ("a scrape of margarine", "scrape"),
        ("a bunch of grapes", "bunch"),
    ],
)
def test_vague_words_of_everyday_speech(foods: FoodTable, line: str, unit: str) -> None:
    entry = entries_of_line(foods, line).iloc[0]
    assert entry["unit"] == unit
    assert 0 < entry["grams"] < 200
    assert "estimated amount" in entry["assumptions"]


def test_a_scrape_is_a_thin_spread(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "a scrape of butter").iloc[0]
    # 1.5 tsp of SR28 butter (1 tbsp = 14.2 g): about 7 g
    assert entry["grams"] == pytest.approx(1.5 * 14.2 / 3, rel=0.01)


def test_a_slice_of_a_loaf_cake_without_slices_is_one_serving(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "a slice of pastry").iloc[0]
    assert entry["food_id"] == "fndds:53452400"  # Pastry, puff: no slice of its own
    assert entry["grams"] == pytest.approx(70.0)  # its Quantity not specified
    assert "estimated amount: slice" in entry["assumptions"]


@pytest.mark.parametrize(
    ("line", "column", "value"),
    [
        ("vitamin D 5,000 IU", "vitamin_d_ug", 125.0),
        ("calcium carbonate 1,250 mg (500 mg elemental)", "calcium_mg", 500.0),
        ("calcium citrate 500 2 tabs", "calcium_mg", 1000.0),
        ("magnesio 300 mg", "magnesium_mg", 300.0),
        ("sando-k 1 tab", "potassium_mg", 470.0),
    ],
)
def test_label_doses_written_every_way(line: str, column: str, value: float) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients[column] == pytest.approx(value)


def test_a_bracket_states_what_the_tablets_hold() -> None:
    found = detect_supplement("cal mag 3 tabs (600 mg Ca 300 mg Mg)")
    assert found.nutrients == {"calcium_mg": 600.0, "magnesium_mg": 300.0}


@pytest.mark.parametrize("line", ["selenium 200 mcg", "chromium 500mcg", "copper 2 mg tab"])
def test_untracked_minerals_are_supplements_not_lost(line: str) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {}


def test_an_app_quick_add_is_no_food() -> None:
    assert rejected_reasons("Quick Add - 400 calories").str.contains("not a food entry").all()


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("1 copo de leite", None),  # milk: any milk, by the glass
        ("frango grelhado 4 oz", None),
        ("suco de laranja 1 copo", None),
    ],
)
def test_food_words_of_other_languages(foods: FoodTable, line: str, food_id: None) -> None:
    entry = entries_of_line(foods, line).iloc[0]
    description = str(entry["description"]).lower()
    expected = {"leite": "milk", "frango": "chicken", "laranja": "orange juice"}
    word = next(v for k, v in expected.items() if k in line)
    assert word in description
    assert not math.isnan(entry["grams"])


def test_a_glass_in_portuguese_is_a_glass(foods: FoodTable) -> None:
    entry = entries_of_line(foods, "1 copo de leite").iloc[0]
    assert entry["unit"] == "glass"
    assert "estimated amount: glass" in entry["assumptions"]


def test_an_apps_brand_line_is_one_product(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "Campbell's - Tomato Soup, condensed, 0.5 cup")
    assert len(entries) == 1  # "condensed" qualifies the soup: no condensed milk
    assert "condensed" in entries["description"].iloc[0].lower()
    assert "milk" not in entries["description"].iloc[0].lower()


def test_a_restaurant_before_a_list_names_where(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "chipotle - steak, rice, black beans")
    assert entries["food"].tolist() == ["steak", "rice", "black beans"]


def test_a_seasoning_named_without_amount_is_a_sprinkle(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "2 eggs with salt and pepper")
    salt = entries[entries["food_id"] == "sr28:02047"].iloc[0]
    # a quarter teaspoon of SR28 table salt (1 tsp = 6 g), not a group median's 30 g
    assert salt["grams"] == pytest.approx(1.5)
    assert salt["sodium_mg"] < 600
