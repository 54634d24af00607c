"""The acceptance rule (doubtful matches become suggestions) and the default foods of
everyday names that carry no variant."""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.foods import FoodTable
from nutrilog.matching.confidence import ALIAS_ACCEPTED, LOW_CONFIDENCE, accepted, judged
from nutrilog.matching.match import match_foods
from nutrilog.matching.steps import MatchResult

PROFILE = nl.Profile(age=40, sex="male")


@pytest.mark.parametrize(
    ("method", "score", "expected"),
    [
        ("alias", ALIAS_ACCEPTED - 1.0, False),  # an unknown word and a correction
        ("alias", 90.0, False),  # two unknown words
        ("alias", 95.0, True),  # one unknown word
        ("alias", 97.0, True),  # one correction
        ("fuzzy", 76.0, True),  # a fuzzy match has passed the ranking's own checks
        ("exact", 100.0, True),
        ("id", 100.0, True),
    ],
)
def test_accepted_by_route_and_score(method: str, score: float, expected: bool) -> None:
    assert accepted(MatchResult(5, score, method, [])) is expected


def test_no_food_is_never_accepted() -> None:
    assert not accepted(MatchResult(None, 99.0, "none", []))


def test_a_doubtful_match_becomes_its_first_suggestion(foods: FoodTable) -> None:
    index = foods.matching_index
    runner_up = (str(index.ids[9]), str(index.descriptions[9]), 70.0)
    doubt = judged(index, MatchResult(4, 90.0, "alias", [runner_up], [(9, 88.0)]))
    assert doubt.position is None and doubt.method == "none"
    assert doubt.suggestions[0] == (str(index.ids[4]), str(index.descriptions[4]), 90.0)
    assert doubt.suggestions[1] == runner_up
    assert doubt.alternates == []  # no unit fit may bring it back
    tag, detail = doubt.assumptions[-1]
    assert tag == LOW_CONFIDENCE and str(index.descriptions[4]) in detail


def test_a_sure_match_is_kept_as_it_is(foods: FoodTable) -> None:
    sure = MatchResult(4, 97.0, "alias", [])
    assert judged(foods.matching_index, sure) is sure


def test_an_alias_found_past_two_unread_words_is_left_as_a_guess(foods: FoodTable) -> None:
    # "zorbly" is no food's word and "chiken" is corrected: the alias "chicken breast" is
    # reached past two words the text did not say as written: left as a guess
    found = match_foods(["zorbly chiken breast"], foods).iloc[0]
    assert pd.isna(found["food_id"]) and found["match_method"] == "none"
    guess = found["suggestions"][0]
    assert "Chicken" in guess[1] and guess[2] < ALIAS_ACCEPTED
    assert f"{LOW_CONFIDENCE}: best guess {guess[1]}" in found["assumptions"]
    # with the unknown word alone (not just before a food word), or the correction
    # alone, the alias stands
    for text in ("zorbly grilled chicken breast", "chiken breast"):
        assert "Chicken" in match_foods([text], foods).iloc[0]["description"], text


def test_an_unknown_word_in_a_kind_place_leaves_the_alias_a_guess(foods: FoodTable) -> None:
    # "zorbly chicken" may be a kind of chicken dish the tables lack: a guess, not a match
    found = match_foods(["zorbly chicken breast"], foods).iloc[0]
    assert found["match_method"] == "none"
    assert "Chicken" in found["suggestions"][0][1]


def test_the_analysis_shows_the_guess_of_a_doubtful_entry(foods: FoodTable) -> None:
    # one food word after the unknown one: it may name the food's kind, so a guess (an
    # unknown word before two food words is a maker's name, set aside and said)
    log = nl.parse_entries(["dinner: zorbly chiken"], date="2026-10-01")
    entries = nl.analyze(log, PROFILE, foods=foods, min_day_kcal=0).entries
    row = entries.iloc[0]
    assert row["status"] == "unmatched"
    assert "Chicken" in row["suggestions"][0][1]
    assert LOW_CONFIDENCE in row["assumptions"]


def _entries(foods: FoodTable, lines: list[str]) -> list[tuple[str, float]]:
    log = nl.parse_entries(lines, date="2026-10-01")
    entries = nl.analyze(log, PROFILE, foods=foods, min_day_kcal=0).entries
    return list(zip(entries["description"], entries["grams"].round(1), strict=True))


def test_names_without_a_variant_take_the_generic_survey_food(foods: FoodTable) -> None:
    got = _entries(foods, ["2 cups of milk", "tin of tuna 3oz", "a few prawns 100g", "tofu 80g"])
    assert got[0] == ("Milk, NFS", 488.0)
    assert got[1][0] == "Tuna, canned, NS as to oil or water pack"
    assert got[2][0] == "Shrimp, cooked, NS as to cooking method"
    assert got[3][0] == "Tofu, raw, firm, prepared with calcium sulfate"  # the block most sold


def test_plain_yogurt_is_whole_milk_unless_a_fat_level_is_written(foods: FoodTable) -> None:
    got = _entries(foods, ["3/4 cup natural yogurt", "3/4 cup nonfat plain yogurt"])
    assert "whole milk" in got[0][0]
    assert "whole milk" not in got[1][0]


def test_broccoli_is_cooked_unless_raw_is_written(foods: FoodTable) -> None:
    got = _entries(foods, ["1/2 cup broccoli", "1/2 cup raw broccoli"])
    assert got[0] == ("Broccoli, cooked, boiled, drained, without salt", 78.0)
    assert got[1][0] == "Broccoli, raw"


def test_a_cup_of_seeds_is_of_kernels_not_the_in_shell_yield(foods: FoodTable) -> None:
    got = _entries(foods, ["1/2 cup Sunflower seeds, NFS", "1 cup Sunflower seeds, NFS"])
    assert got == [("Sunflower seeds, NFS", 72.0), ("Sunflower seeds, NFS", 144.0)]


def test_a_spoon_of_a_food_weighed_only_by_mass_takes_the_twin_with_a_cup(
    foods: FoodTable,
) -> None:
    got = _entries(foods, ["2 tbsp chia seeds", "40g chia"])
    assert got[0] == ("Chia seeds", 21.0)  # 168 g a cup, 1/16 cup a tablespoon
    assert got[1] == ("Seeds, chia seeds, dried", 40.0)


def test_a_bottle_of_water_is_bottled_water(foods: FoodTable) -> None:
    got = _entries(foods, ["750 ml bottle of water"])
    assert "bottled" in got[0][0].lower()


def test_a_label_of_the_day_before_a_colon_is_no_food(foods: FoodTable) -> None:
    log = nl.parse_entries(
        ["tea time: 2 crumpets", "bedtime - 1 cup cocoa", "coffee break: 1 banana"],
        date="2026-10-01",
    )
    entries = nl.analyze(log, PROFILE, foods=foods, min_day_kcal=0).entries
    assert entries["food"].tolist() == ["crumpets", "cocoa", "banana"]
    assert entries["meal"].tolist() == ["tea time", "bedtime", "coffee break"]


def test_a_piece_of_a_food_without_a_piece_portion(foods: FoodTable) -> None:
    got = _entries(foods, ["a piece of fruit", "a piece of cod"])
    assert got[0] == ("Fruit, NFS", 185.0)  # one fruit, FNDDS "fruit"
    assert got[1][0].startswith("Fish, cod") and got[1][1] > 50  # its default portion


def test_a_dab_is_two_teaspoons(foods: FoodTable) -> None:
    got = _entries(foods, ["a dab of butter", "a smear of cream cheese"])
    assert got[0] == ("Butter, salted", 9.5)  # 2 tsp of 227 g a cup
    assert 9.0 < got[1][1] < 10.0


def test_a_snack_bag_is_a_bag(foods: FoodTable) -> None:
    snack, bag = _entries(foods, ["a snack bag of pretzels", "a bag of pretzels"])
    assert snack == bag and "pretzels" in snack[0].lower() and snack[1] == 28.0


def test_shorthand_of_a_portion_word_picks_that_portion(foods: FoodTable) -> None:
    got = _entries(foods, ["3 tbsp grnd flaxseed", "3 tbsp flaxseed"])
    assert got == [("Seeds, flaxseed", 21.0), ("Seeds, flaxseed", 30.9)]  # ground 7 g, whole 10.3 g


def test_chips_beside_a_dip_are_tortilla_chips(foods: FoodTable) -> None:
    got = _entries(foods, ["chips w/ pico de gallo", "chips and gravy"])
    assert "tortilla chips" in got[0][0].lower()
    assert "pico" in got[1][0].lower() or "salsa" in got[1][0].lower()
    assert "tortilla" not in got[2][0].lower()  # chips beside a hot main stay fries


def test_a_coffee_shop_drink_with_a_plant_milk(foods: FoodTable) -> None:
    got = _entries(foods, ["flat white with soy milk", "coconut milk mocha"])
    assert got[0][0] == "Coffee, Latte, with non-dairy milk"
    assert got[1][0] == "Coffee, Cafe Mocha, with non-dairy milk"


def test_a_topped_food_may_have_several_additions(foods: FoodTable) -> None:
    got = _entries(foods, ["almond butter jam toast"])
    names = [d.split(",")[0] for d, _ in got]
    assert names == ["Bread", "Nuts", "Jams and preserves"]
    # 1 tbsp nut butter; jam at FNDDS's guideline per slice of bread (10 g)
    assert [g for _, g in got][1:] == [16.0, 10.0]


def test_a_topped_food_read_as_a_branded_product_is_still_split(foods: FoodTable) -> None:
    # the words of "peanut butter toast" are held by a cereal's brand name (PEANUT BUTTER
    # TOAST CRUNCH): a ranked search on them lands on another food than the one eaten
    got = _entries(foods, ["2 slices peanut butter toast"])
    assert got[0][0].startswith("Bread") and "peanut butter" in got[1][0].lower()


def test_the_fixes_name_the_guess_of_a_doubtful_entry(foods: FoodTable) -> None:
    log = nl.parse_entries(["zorbly chiken 150g"], date="2026-10-01")
    fix = nl.analyze(log, PROFILE, foods=foods, min_day_kcal=0).fixes.iloc[0]
    assert fix["tier"] == "missing"
    assert "not matched to a food" in fix["problem"]
    assert "low confidence: best guess Chicken" in fix["problem"]
    assert "Chicken" in fix["options"]


def test_an_unknown_word_before_two_food_words_is_a_makers_name_said(foods: FoodTable) -> None:
    log = nl.parse_entries(["dinner: zorbly chiken breast"], date="2026-10-01")
    row = nl.analyze(log, PROFILE, foods=foods, min_day_kcal=0).entries.iloc[0]
    assert row["status"] == "matched"
    assert "zorbly: a maker's name the tables lack, set aside" in row["assumptions"]
    assert "spelling: chiken → chicken" in row["assumptions"]
