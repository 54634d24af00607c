"""Chains' own items, diary shorthand, supplement doses per spray and training notes
(issue 12, eighth round).

Written from rules, with lines made up here: a chain named with a food USDA has as that
chain's item, shorthand of the synonym table, ``w`` as ``with``, a dose per unit in
brackets, a product whose label the supplement table holds, and lines about runs and
rides, which are no food.
"""

from __future__ import annotations

import pytest
from diary import entries_of, rejected_reasons

from nutrilog.foods import FoodTable

# --------------------------------------------------------------------------- chains


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # SR28 36608 "CRACKER BARREL, grilled sirloin steak", not a generic sirloin
        ("cracker barrel sirloin steak", "sr28:36608"),
        # SR28 36018 "APPLEBEE'S, fish, hand battered"
        ("applebee's fish", "sr28:36018"),
    ],
)
def test_a_chain_named_with_a_food_it_has_is_its_item(
    line: str, food_id: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]
    assert "brand" in rows["assumptions"].iloc[0]


def test_a_chain_without_that_food_keeps_the_generic_food(foods: FoodTable) -> None:
    rows = entries_of(["cracker barrel biscuits"], foods)
    assert not rows["description"].iloc[0].startswith("CRACKER BARREL")


# --------------------------------------------------------------------------- shorthand


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("grk yog 1 cup", "Yogurt, Greek"),
        ("unsweet iced tea 16 oz", "Tea, iced, brewed, black, unsweetened"),
        ("1 cup cherry toms", "Tomatoes, red, ripe, raw"),
        ("blk beans 1 cup", "Beans, black"),
        ("eggs benny", "Egg, Benedict"),
        ("1 cup KD", "Macaroni or noodles with cheese, made from packaged mix"),
    ],
)
def test_diary_shorthand_reads_as_the_food(line: str, described: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert rows["description"].iloc[0].startswith(described)
    assert "synonym" in rows["assumptions"].iloc[0]


def test_w_between_two_foods_is_with(foods: FoodTable) -> None:
    rows = entries_of(["bagel w cream cheese"], foods)
    assert rows["description"].str.startswith(("Bagels", "Cheese, cream")).all()
    assert len(rows) == 2


# --------------------------------------------------------------------------- supplements


def test_a_dose_per_spray_in_brackets_counts_each_spray(foods: FoodTable) -> None:
    rows = entries_of(["b12 spray 3 sprays (250mcg/spray)"], foods)
    assert rows["kind"].tolist() == ["supplement"]
    assert rows["vitamin_b12_ug"].iloc[0] == pytest.approx(750.0)


def test_cal_before_a_salt_is_calcium(foods: FoodTable) -> None:
    rows = entries_of(["cal citrate 2 x 200mg"], foods)
    assert rows["calcium_mg"].iloc[0] == pytest.approx(400.0)


def test_a_labelled_electrolyte_tablet_takes_its_label(foods: FoodTable) -> None:
    # the supplement table's Nuun Sport row: per tablet Na 300, K 150, Mg 25, Ca 13 mg
    rows = entries_of(["2 nuun sport tablets"], foods)
    got = rows[["sodium_mg", "potassium_mg", "magnesium_mg", "calcium_mg"]].iloc[0].tolist()
    assert got == pytest.approx([600.0, 300.0, 50.0, 26.0])


def test_an_unlabelled_electrolyte_tablet_stays_unknown(foods: FoodTable) -> None:
    rows = entries_of(["1 nuun tablet"], foods)
    assert rows["magnesium_mg"].isna().all()
    assert "unknown amount" in rows["assumptions"].iloc[0]


# --------------------------------------------------------------------------- training


@pytest.mark.parametrize(
    ("line", "cue"),
    [("8km tempo", "tempo"), ("long ride 60km", "ride"), ("parkrun 24:10", "parkrun")],
)
def test_a_training_note_is_no_food(line: str, cue: str) -> None:
    reasons = rejected_reasons(line)
    assert reasons.str.contains(f"activity: '{cue}'").all()


@pytest.mark.parametrize("line", ["5k", "21.1km", "13.1mi"])
def test_a_distance_alone_is_a_training_note(line: str) -> None:
    assert rejected_reasons(line).str.contains("activity").all()


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("after my spin class: banana", "sr28:09040"),
        ("ride home snack: 1 apple", "sr28:09003"),
        ("2 eggs over easy", "sr28:01128"),
    ],
)
def test_food_beside_a_training_word_stays_food(line: str, food_id: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]


# --------------------------------------------------------------------------- more rules


@pytest.mark.parametrize("line", ["took lisinopril with dinner", "metformin 500mg", "zyrtec"])
def test_a_common_drug_is_no_food(line: str) -> None:
    assert rejected_reasons(line).str.contains("medication").all()


def test_a_work_shift_is_a_day_note() -> None:
    assert rejected_reasons("8hr day shift").str.contains("day note").all()


def test_a_word_that_narrows_an_ingredient_leaves_the_dish(foods: FoodTable) -> None:
    # "kidney beans" are beans: "kidney bean chili" is the alias "bean chili"
    rows = entries_of(["kidney bean chili"], foods)
    assert rows["description"].tolist() == ["Chili with beans, without meat"]
    assert "read as bean chili" in rows["assumptions"].iloc[0]


def test_a_way_of_cooking_never_narrows(foods: FoodTable) -> None:
    # "baked potato" is the potato named, not a narrower word before it
    rows = entries_of(["5 oz steak, baked potato"], foods)
    assert len(rows) == 2
    assert rows["description"].str.contains("Potatoes, baked").any()


def test_a_brand_with_a_flavour_is_the_product_not_the_flavour(foods: FoodTable) -> None:
    # an alias of "strawberry" alone is the fruit; Ensure is a nutritional shake
    rows = entries_of(["ensure strawberry 1 bottle"], foods)
    assert "ENSURE" in rows["description"].iloc[0]


@pytest.mark.parametrize(
    ("line", "described"),
    [
        ("short stack", "Pancakes"),
        ("1/2 cup jello salad", "Gelatin salad"),
        ("cheese omelette", "Egg omelet or scrambled egg, with cheese, made with oil"),
    ],
)
def test_diner_names(line: str, described: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert rows["description"].iloc[0].startswith(described)
