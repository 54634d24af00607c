"""Classes of diary lines recognition must hold on (issue 12, fifth round).

Written from rules, with lines made up here: prefixes with a word of context or a pipe,
workout and study notes, brand and meal names that hold a not-food word, short words
with a doubled letter, dishes that already hold what a line adds, bread something is
served in, ``X and Y`` dishes named ``X with Y``, dose-form words that begin a food's
name, ``cal`` before a milligram dose, pre-workout powders, and count words a food
borrows from its FNDDS twin.
"""

from __future__ import annotations

import pandas as pd
import pytest
from diary import entries_of

import nutrilog as nl
from nutrilog.foods import FoodTable, measure_units
from nutrilog.matching.entry import strip_prefix
from nutrilog.supplements import detect_supplement


def _foods_of(line: str, foods: FoodTable) -> list[str]:
    rows = entries_of([line], foods)
    return rows["food_id"].tolist()


# --------------------------------------------------------------------------- prefixes


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Thu supper | 1 cup lentil soup", "1 cup lentil soup"),
        ("brunch || 2 pancakes", "2 pancakes"),
        ("office lunch - 1 apple", "1 apple"),
        ("gym snack: 1 banana", "1 banana"),
        ("potluck: 1 cup potato salad", "1 cup potato salad"),
    ],
)
def test_context_words_pipes_and_occasions_are_prefixes(line: str, rest: str) -> None:
    assert strip_prefix(line)[0] == rest


def test_a_line_after_a_context_prefix_is_its_food(foods: FoodTable) -> None:
    rows = entries_of(["office lunch - 1 apple"], foods)
    assert rows["food_id"].tolist() == ["sr28:09003"]  # Apples, raw, with skin
    assert rows["grams"].iloc[0] == pytest.approx(182.0)  # SR28: 1 medium (3" dia)


# --------------------------------------------------------------------------- not food


@pytest.mark.parametrize("line", ["deadlift 5x5 @ 100kg", "lecture 9am", "squats 3x10"])
def test_workout_and_study_notes_are_no_food(line: str) -> None:
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0)
    assert result.entries.empty
    assert result.rejected["reason"].str.startswith("not a food entry").all()


@pytest.mark.parametrize("line", ["weight watchers lasagna", "post workout smoothie"])
def test_a_brand_or_meal_name_holding_a_not_food_word_is_food(line, foods) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 1
    assert rows["kind"].iloc[0] == "food"


# --------------------------------------------------------------------------- spelling


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("3 oz hamm", "ham"),  # a doubled letter in a word too short for one-edit rules
        ("1 baked yamm", "yam"),
    ],
)
def test_a_doubled_letter_is_read_once(line: str, want: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert f"spelling: {want}m → {want}" in rows["assumptions"].iloc[0]
    assert pd.notna(rows["food_id"].iloc[0])


def test_bulgar_is_bulgur(foods: FoodTable) -> None:
    rows = entries_of(["1 cup cooked bulgar"], foods)
    assert rows["food_id"].tolist() == ["sr28:20013"]  # Bulgur, cooked
    assert rows["grams"].iloc[0] == pytest.approx(182.0)  # SR28: 1 cup = 182 g


# --------------------------------------------------------------------------- compounds


def test_what_the_dish_already_holds_is_not_a_second_food(foods: FoodTable) -> None:
    assert _foods_of("chai with milk", foods) == ["fndds:92306800"]  # Tea, hot, chai, with milk
    assert len(_foods_of("coffee with milk", foods)) == 2  # brewed coffee holds no milk


def test_fried_is_no_fries(foods: FoodTable) -> None:
    """Words are compared whole: fried fish does not hold the chips beside it."""
    assert len(_foods_of("fish and chips", foods)) == 2


@pytest.mark.parametrize("line", ["falafel in pita", "chicken in a tortilla"])
def test_bread_something_is_served_in_is_a_food_of_its_own(line, foods) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 2
    assert rows["description"].str.contains("pita|tortilla", case=False).iloc[1]


def test_a_sloppy_joe_holds_its_bun(foods: FoodTable) -> None:
    rows = entries_of(["sloppy joe on a bun"], foods)
    assert rows["food_id"].tolist() == ["fndds:27510130"]  # "Sloppy Joe, on bun"
    assert rows["grams"].iloc[0] == pytest.approx(192.0)  # FNDDS: 1 sandwich


def test_x_and_y_is_the_dish_x_with_y(foods: FoodTable) -> None:
    # the alias table names "beef curry with rice", not "beef curry and rice"
    rows = entries_of(["1 cup beef curry and rice"], foods)
    assert rows["food_id"].tolist() == ["fndds:27116110"]  # Beef curry with rice
    assert rows["grams"].iloc[0] == pytest.approx(200.0)  # FNDDS: 1 cup


# --------------------------------------------------------------------------- amounts


def test_a_dose_form_word_that_begins_a_food_name_is_no_unit(foods: FoodTable) -> None:
    rows = entries_of(["10 gummy worms"], foods)
    assert rows["kind"].tolist() == ["food"]
    assert rows["grams"].iloc[0] > 10.0  # ten candies, not ten gummies of "worm"
    assert detect_supplement("2 gummies vitamin d 1000 iu").nutrients == {"vitamin_d_ug": 50.0}


def test_a_count_word_is_borrowed_from_the_fndds_twin(foods: FoodTable) -> None:
    rows = entries_of(["1 slice of mango"], foods)
    assert rows["food_id"].tolist() == ["sr28:09176"]  # Mangos, raw: no slice of its own
    assert rows["grams"].iloc[0] == pytest.approx(25.0)  # FNDDS mango: 1 slice/chunk = 25 g
    assert "FNDDS twin" in rows["assumptions"].iloc[0]


def test_two_names_of_one_portion_give_the_first_as_its_unit() -> None:
    units = measure_units(pd.Series(["slice/chunk", "piece/slice", "medium/regular"]))
    assert units.tolist() == ["slice", "piece", "medium"]


def test_a_lamb_cutlet_is_the_small_chop(foods: FoodTable) -> None:
    rows = entries_of(["3 lamb cutlets"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(3 * 72.0)  # FNDDS lamb chop: small = 72 g


def test_a_sprinkle_of_small_seeds_is_a_teaspoon(foods: FoodTable) -> None:
    rows = entries_of(["a sprinkle of poppy seeds"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(2.8)  # SR28 poppy seed: 1 tsp = 2.8 g


# --------------------------------------------------------------------------- supplements


def test_cal_before_a_milligram_dose_is_calcium() -> None:
    assert detect_supplement("cal 600mg").nutrients == {"calcium_mg": 600.0}
    assert detect_supplement("cal 500 mg w/ vit D 1000iu").nutrients == pytest.approx(
        {"calcium_mg": 500.0, "vitamin_d_ug": 25.0}
    )
    assert detect_supplement("600 cal").kind == "food"  # calories are no dose


def test_a_pre_workout_powder_is_a_supplement_and_the_meal_before_a_workout_is_not(
    foods: FoodTable,
) -> None:
    assert detect_supplement("pre-workout 2 scoops").kind == "supplement"
    rows = entries_of(["pre-workout snack: 1 apple"], foods)
    assert rows["food_id"].tolist() == ["sr28:09003"]


# --------------------------------------------------------------------------- sixth set


def test_a_day_heading_set_off_by_rules_is_a_heading(tmp_path) -> None:
    path = tmp_path / "diary.txt"
    path.write_text("=== friday ===\n1 pear\n--- Day 3 ---\n1 plum\n", encoding="utf-8")
    log = nl.read_log(path)
    assert log.entries["text"].tolist() == ["1 pear", "1 plum"]
    assert log.rejected.empty


def test_a_tilde_after_a_meal_separates_its_prefix() -> None:
    assert strip_prefix("late snack ~ 5 dried apricots")[0] == "5 dried apricots"


def test_a_dose_each_in_brackets_multiplies_the_count() -> None:
    assert detect_supplement("Ca citrate 3 tabs (200mg ea)").nutrients == {"calcium_mg": 600.0}


def test_an_amount_said_once_for_each_food(foods: FoodTable) -> None:
    rows = entries_of(["oats and blueberries, 1 cup each"], foods)
    assert len(rows) == 2
    assert all("1 cup" in p for p in rows["portion"])


def test_of_two_slices_of_a_food_the_one_its_fndds_twin_weighs(foods: FoodTable) -> None:
    rows = entries_of(["3 slices american cheese"], foods)
    # SR28 01042 has slice (1 oz) 28 g and slice (3/4 oz) 21 g; FNDDS weighs a slice 21 g
    assert rows["grams"].iloc[0] == pytest.approx(3 * 21.0)
    # a twin weighing another thing by the word (a pouch of two bars, 43 g) decides nothing
    assert entries_of(["1 hard granola bar"], foods)["grams"].iloc[0] == pytest.approx(21.0)


def test_firm_tofu_is_the_firm_kind(foods: FoodTable) -> None:
    rows = entries_of(["200 g firm tofu"], foods)
    # SR28 Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)
    assert rows["food_id"].tolist() == ["sr28:16126"]


def test_an_oz_of_a_drink_is_a_fluid_ounce(foods: FoodTable) -> None:
    rows = entries_of(["12 oz coke", "8 oz coconut water", "4 oz cheddar"], foods)
    cola, coconut, cheese = rows["grams"].tolist()
    # SR28 cola: 12 fl oz through its own fl oz weight (30.7 g), not 12 x 28.35 g
    assert cola == pytest.approx(12 * 30.7, rel=0.01)
    # coconut water: 8 fl oz through its own volume weight (SR28: 1 cup = 240 g)
    assert 235.0 <= coconut <= 250.0
    assert "oz of a drink read as fl oz" in rows["assumptions"].iloc[1]
    assert cheese == pytest.approx(4 * 28.3495, rel=1e-4)  # a cheese's oz is a mass
    assert "oz of a drink read as fl oz" in rows["assumptions"].iloc[0]


def test_a_misspelling_usda_itself_makes_is_read_as_the_common_word(foods: FoodTable) -> None:
    # "bluberry" is in one USDA description; the line means blueberry
    rows = entries_of(["1 bluberry muffin"], foods)
    assert "spelling: bluberry → blueberry" in rows["assumptions"].iloc[0]
    assert "blueberry" in rows["description"].iloc[0].lower()


@pytest.mark.parametrize("line", ["neighbours visited", "eye appt 4pm", "dentist at 10"])
def test_visits_and_appointments_are_no_food(line: str) -> None:
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=70, sex="female"), min_day_kcal=0)
    assert result.entries.empty
    assert len(result.rejected) == 1


def test_a_bracketed_dose_in_iu_each_multiplies_the_count() -> None:
    assert detect_supplement("2 D3 gummies (1000 IU each)").nutrients == {"vitamin_d_ug": 50.0}


def test_a_brand_word_before_a_food_is_read_away(foods: FoodTable) -> None:
    rows = entries_of(["8 Ore-Ida crinkle fries"], foods)
    assert rows["food_id"].notna().all()
    assert "brand" in rows["assumptions"].iloc[0]


def test_a_short_rare_word_is_not_read_as_a_longer_common_one(foods: FoodTable) -> None:
    """``log`` is one letter from ``long`` but a word of its own: only words of five
    letters or more are read as USDA's misspellings of a common word."""
    rows = entries_of(["ants on a log (2 celery sticks, pb, raisins)"], foods)
    assert "Celery" in rows["description"].iloc[0]
    assert not rows["assumptions"].str.contains("log → long").any()


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("1 cup jelly (jello)", "Gelatin dessert"),  # the other name says which jelly
        ("1 aubergine (eggplant)", "Eggplant"),
        ("1 cup mince (ground beef)", "Ground beef"),
    ],
)
def test_another_name_in_brackets_says_which_food(line: str, want: str, foods) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 1
    assert want.lower() in rows["description"].iloc[0].lower()
    assert rows["grams"].notna().all()


def test_a_qualifier_in_brackets_keeps_the_food(foods: FoodTable) -> None:
    rows = entries_of(["2 eggs (large)"], foods)
    assert "Egg" in rows["description"].iloc[0]


def test_a_kind_in_brackets_joins_the_food_name(foods: FoodTable) -> None:
    rows = entries_of(["1 slice pizza (pepperoni)"], foods)
    assert "pepperoni" in rows["description"].iloc[0].lower()
    assert "pizza" in rows["description"].iloc[0].lower()  # not the sausage alone


def test_a_drink_is_told_by_whole_words_of_its_description(foods: FoodTable) -> None:
    from nutrilog.portions import is_drink

    assert is_drink(foods, "sr28:14536")  # "Alcoholic beverage, wine, dessert, dry"
    assert is_drink(foods, "fndds:67204000")  # "Mixed fruit juice, ...": mixed is no mix
    assert not is_drink(foods, "sr28:14192")  # "Beverages, Cocoa mix, powder"
