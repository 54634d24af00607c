"""Classes of diary lines recognition must hold on (issue 12, seventh round).

Written from rules, with lines made up here: a count of small items whose FNDDS twin
also weighs a bag of them, a whole fruit FNDDS weighs as ``1 fruit``, strips of bacon,
a food counted by its fillet, a whole item, when or where said after the food, an item
number written with a hash, and notes about driving or a charley horse.
"""

from __future__ import annotations

import io

import pytest
from diary import entries_of, rejected_reasons

import nutrilog as nl
import nutrilog.iotools
from nutrilog.foods import FoodTable

# --------------------------------------------------------------------------- amounts


def test_a_count_of_chips_is_chips_not_bags(foods: FoodTable) -> None:
    # FNDDS tortilla chips (the twin of SR28's) weigh "1 chip" 3 g and a "medium single
    # serving bag" 57 g: twelve chips are 36 g, not twelve bags
    rows = entries_of(["12 tortilla chips"], foods)
    assert rows["food_id"].tolist() == ["sr28:19056"]
    assert rows["grams"].iloc[0] == pytest.approx(36.0)


def test_a_medium_serving_stays_the_medium_item(foods: FoodTable) -> None:
    # SR28 McDonald's fries: small 71 g, medium 117 g, large 154 g, kids 31 g
    rows = entries_of(["mcdonalds fries"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(117.0)


def test_fndds_one_fruit_is_a_whole_item_not_a_slice(foods: FoodTable) -> None:
    # FNDDS "Avocado, raw": 1 slice 15 g, 1 fruit 150 g; one avocado is the fruit
    rows = entries_of(["1 Avocado, raw"], foods)
    assert rows["food_id"].tolist() == ["fndds:63105010"]
    assert rows["grams"].iloc[0] == pytest.approx(150.0)


@pytest.mark.parametrize("line", ["4 strips bacon", "4 strips of bacon"])
def test_strips_of_bacon_are_slices_of_bacon(line: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 1
    assert "meatless" not in rows["description"].iloc[0].lower()
    assert rows["description"].iloc[0].startswith("Pork, cured, bacon")
    # SR28 pan-fried bacon: 1 slice = 11.5 g
    assert rows["grams"].iloc[0] == pytest.approx(4 * 11.5)


# --------------------------------------------------------------------------- head words


def test_a_food_counted_by_its_fillet_is_that_food(foods: FoodTable) -> None:
    rows = entries_of(["1 fried catfish fillet"], foods)
    assert rows["food_id"].notna().all()
    description = rows["description"].iloc[0].lower()
    assert "catfish" in description and "fried" in description


def test_a_whole_item_is_the_item(foods: FoodTable) -> None:
    rows = entries_of(["1 whole banana"], foods)
    assert rows["food_id"].tolist() == ["sr28:09040"]  # Bananas, raw
    assert rows["grams"].iloc[0] == pytest.approx(118.0)  # 1 medium


def test_whole_milk_stays_whole_milk(foods: FoodTable) -> None:
    rows = entries_of(["1 cup whole milk"], foods)
    assert "whole" in rows["description"].iloc[0].lower()


# --------------------------------------------------------------------------- said after


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("cup of cocoa at bedtime", "cocoa"),
        ("cheese toastie last night", "cheese"),
        ("plain bagel from the vending machine", "bagel"),
        ("16 oz black coffee from the truck stop", "coffee"),
    ],
)
def test_when_or_where_said_after_the_food_is_no_part_of_it(
    line: str, word: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].notna().all()
    assert word in rows["description"].iloc[0].lower()


def test_a_juice_from_concentrate_is_the_juice_as_drunk(foods: FoodTable) -> None:
    # "from concentrate" is how the juice was made, no place; never the undiluted
    # concentrate (SR28 09410, 281 g a cup and about three times the minerals)
    rows = entries_of(["1 cup apple juice from concentrate"], foods)
    assert "undiluted" not in rows["description"].iloc[0]
    assert rows["food_id"].iloc[0] == "sr28:09016"  # Apple juice, canned or bottled
    assert rows["grams"].iloc[0] == pytest.approx(248.0)  # its 1 cup


# --------------------------------------------------------------------------- lines


def test_an_item_number_written_with_a_hash_is_an_entry(foods: FoodTable) -> None:
    text = "# groceries eaten today\n#1) 1 cup grapes\n#2. 2 eggs\n"
    log = nl.iotools.read_text_log(io.StringIO(text), date="2026-11-20")
    assert log.entries["line"].tolist() == [2, 3]
    assert log.skipped_lines == 1  # the comment, counted
    rows = nl.analyze(log, nl.Profile(age=40, sex="male"), foods=foods, min_day_kcal=0).entries
    assert rows["food"].tolist() == ["grapes", "eggs"]
    assert rows["grams"].iloc[0] == pytest.approx(151.0)  # SR28 grapes, 1 cup = 151 g


@pytest.mark.parametrize(
    "line", ["bad charley horse in my calf", "drove 9 hrs to the coast", "fuel: 40 gal diesel"]
)
def test_driving_and_cramp_notes_are_no_food(line: str) -> None:
    reasons = rejected_reasons(line)
    assert len(reasons) and reasons.str.startswith("not a food entry").all()


# --------------------------------------------------------------------------- brands


def test_a_brand_named_before_its_variety_is_the_variety_s_alias(foods: FoodTable) -> None:
    # the alias is "beef and cheddar hot pocket"; a label writes the brand first
    rows = entries_of(["hot pockets beef and cheddar"], foods)
    assert rows["food_id"].tolist() == ["fndds:58126130"]
    assert rows["match_method"].tolist() == ["alias"]


def test_a_brand_counted_by_its_pieces_is_the_brand_s_alias(foods: FoodTable) -> None:
    alone = entries_of(["laughing cow"], foods)["food_id"].iloc[0]
    assert entries_of(["3 laughing cow wedges"], foods)["food_id"].tolist() == [alone]


# --------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("line", "word"),
    [("2330 night shift - saltine crackers", "crackers"), ("0615: 1 cup oatmeal", "oat")],
)
def test_a_24_hour_time_before_a_separator_is_a_prefix(
    line: str, word: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 1
    assert word in rows["description"].iloc[0].lower()


def test_a_four_digit_dose_is_no_time() -> None:
    from nutrilog.matching.prefixes import strip_prefix

    assert strip_prefix("1000 mg magnesium")[0] == "1000 mg magnesium"


def test_chees_is_cheese_not_the_chee_of_kim_chee(foods: FoodTable) -> None:
    rows = entries_of(["1 slice swiss chees"], foods)
    assert "swiss" in rows["description"].iloc[0].lower()
    assert "kimchi" not in rows["description"].iloc[0].lower()


# --------------------------------------------------------------------------- supplements


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("hydration tablet 200mg K 300mg Na", {"potassium_mg": 200.0, "sodium_mg": 300.0}),
        ("Mg 120mg K 90mg", {"magnesium_mg": 120.0, "potassium_mg": 90.0}),
    ],
)
def test_a_dose_beside_each_nutrient_goes_to_that_nutrient(
    line: str, expected: dict[str, float]
) -> None:
    from nutrilog.supplements import detect_supplement

    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {k: pytest.approx(v) for k, v in expected.items()}


def test_na_is_sodium_only_as_its_symbol() -> None:
    from nutrilog.supplements import detect_supplement

    assert detect_supplement("electrolyte drops, Na 150mg").nutrients == {"sodium_mg": 150.0}
    assert detect_supplement("NA").kind == "food"


# --------------------------------------------------------------------------- toast


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("2 slices pumpernickel toast", "fndds:51404020"),  # Bread, pumpernickel, toasted
        ("oat bread toast", "fndds:51501020"),  # Bread, oatmeal, toasted
    ],
)
def test_a_bread_written_as_toast_is_that_bread_toasted(
    line: str, food_id: str, foods: FoodTable
) -> None:
    assert entries_of([line], foods)["food_id"].tolist() == [food_id]


def test_a_topping_on_toast_is_no_bread_of_its_own(foods: FoodTable) -> None:
    rows = entries_of(["avocado toast"], foods)
    described = " ".join(rows["description"]).lower()
    assert "avocado" in described and "toasted" in described
