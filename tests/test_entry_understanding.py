"""Entry understanding: prefixes, lines that are not food, compound lines, assumptions.

The examples are written for these tests; food ids and descriptions are those of USDA
SR28 and FNDDS 2017-2018 as bundled in datasets/foods.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.foods import FoodTable
from nutrilog.matching.entries import understand_entries
from nutrilog.matching.entry import not_food_reason, split_parts, strip_prefix, understand
from nutrilog.matching.match import Matcher

WOMAN = nl.Profile(age=34, sex="female")


def _parts(text: str, matcher: Matcher) -> list[str]:
    return [p.text for p in understand(text, matcher).parts]


# ------------------------------------------------------------------ prefixes


@pytest.mark.parametrize(
    ("line", "rest", "meal", "time"),
    [
        ("breakfast - 2 eggs", "2 eggs", "breakfast", None),  # issue 12: two breakfast pizzas
        ("Lunch: grilled salmon", "grilled salmon", "Lunch", None),
        ("[supper] 1 cup soup", "1 cup soup", "supper", None),
        ("(dinner) 1 cup soup", "1 cup soup", "dinner", None),
        ("snack #3 - 1 apple", "1 apple", "snack", None),
        ("Brunch 10:30am: 2 pancakes", "2 pancakes", "Brunch", "10:30am"),
        ("dinner at the pub: fish pie", "fish pie", "dinner", None),
        ("Dinner (takeaway) - 1 naan", "1 naan", "Dinner", None),
        ("supper = 1 bowl chili", "1 bowl chili", "supper", None),
        ("9pm - chamomile tea", "chamomile tea", None, "9pm"),
        ("late night - 3 crackers", "3 crackers", "late night", None),
        ("afternoon snack: 1 pear", "1 pear", "afternoon snack", None),
        ("dessert 2 scoops sorbet", "2 scoops sorbet", "dessert", None),
        ("- 1 plum", "1 plum", None, None),
        ("had 2 boiled eggs", "2 boiled eggs", None, None),
        ("post workout: 1 banana", "1 banana", "post workout", None),
        # days of the week and places
        ("Wed dinner - 2 tacos", "2 tacos", "Wed dinner", None),
        ("thursday: 1 kiwi", "1 kiwi", "thursday", None),
        ("sat 2 crumpets", "2 crumpets", "sat", None),
        ("Sun 7pm - 1 cup broth", "1 cup broth", "Sun", "7pm"),
        ("@ the office: 1 muffin", "1 muffin", None, None),
        ("at grandma's - 2 scones", "2 scones", None, None),
        ("b/fast: 1 crumpet", "1 crumpet", "b/fast", None),
    ],
)
def test_meal_and_time_prefixes_are_taken_off(
    line: str, rest: str, meal: str | None, time: str | None
) -> None:
    assert strip_prefix(line) == (rest, meal, time)


@pytest.mark.parametrize(
    "line",
    [
        "snack mix",
        "breakfast sausage",
        "dinner roll",
        "lunch meat, 2 slices",
        "~2 cups rice",
        "sun-dried tomatoes, 2 tbsp",
        "sun dried tomatoes",
        "at least 2 cups water",
    ],
)
def test_a_meal_word_that_is_part_of_the_food_stays(line: str) -> None:
    assert strip_prefix(line) == (line, None, None)


# ------------------------------------------------------------------ not food


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # issue 12's examples
        ("walked the dog", "chore"),
        ("felt dizzy after lunch", "symptom"),
        ("slept badly", "sleep"),
        ("water the plants", "chore"),
        ("oil pulling with sesame oil", "on the body"),
        ("gargled warm salt water", "on the body"),
        # and others written for this test
        ("ran 5 km", "activity"),
        ("migraine all afternoon", "symptom"),
        ("took ibuprofen", "medication"),
        ("BP 118/76", "measurement"),
        ("fasting until noon", "skipped meal"),
        ("calories: 2100", "tally"),
        ("note to self: more greens", "note"),
        ("buy oat milk and bananas", "shopping"),
        ("shopping list - rice, lentils", "shopping"),
        ("bodyfat 22.5%", "lab or body measurement"),
    ],
)
def test_lines_that_are_not_food(line: str, kind: str, matcher: Matcher) -> None:
    reason = not_food_reason(strip_prefix(line)[0], matcher.index.postings.keys())
    assert reason is not None and reason.startswith(f"not a food entry ({kind}: ")


@pytest.mark.parametrize(
    "line", ["100 calorie pack almonds", "2 eggs", "water 500 ml", "total cereal"]
)
def test_food_lines_with_a_tally_word_are_food(line: str, matcher: Matcher) -> None:
    assert not_food_reason(line, matcher.index.postings.keys()) is None


# ------------------------------------------------------------------ compounds


def test_split_parts_at_connectors() -> None:
    assert split_parts("oatmeal w/ raisins") == ["oatmeal", "raisins"]
    assert split_parts("rice + beans") == ["rice", "beans"]
    assert split_parts("hummus & pita") == ["hummus", "pita"]
    assert split_parts("coffee w/o sugar") == ["coffee w/o sugar"]
    assert split_parts("one and a half cups rice") == ["one and a half cups rice"]
    assert split_parts("1,5 cups milk") == ["1,5 cups milk"]  # a decimal comma


def test_toast_with_butter_is_two_components(matcher: Matcher) -> None:
    # issue 12: "toast w/ butter" became peanut-butter crackers
    understood = understand("toast w/ butter", matcher)
    # the butter takes the amount spread on a slice (datasets/companion_amounts.csv)
    assert [p.text for p in understood.parts] == ["toast", "0.5 tbsp butter"]
    assert all(p.tags[0] == ("component", 'of "toast w/ butter"') for p in understood.parts)
    assert understood.parts[1].tags[1][0] == "estimated amount"


def test_each_component_keeps_its_own_amount(matcher: Matcher) -> None:
    line = "1 cup brown rice, 2 tbsp soy sauce and 3 oz tofu"
    assert _parts(line, matcher) == ["1 cup brown rice", "2 tbsp soy sauce", "3 oz tofu"]


@pytest.mark.parametrize(
    "line", ["mac and cheese", "biscuits and gravy", "chicken curry with rice"]
)
def test_a_mixed_dish_that_fits_the_whole_line_stays_one_food(line: str, matcher: Matcher) -> None:
    (part,) = understand(line, matcher).parts
    assert part.text == line
    assert part.tags[0][0] == "dish"


def test_a_dish_must_hold_every_part(matcher: Matcher) -> None:
    # FNDDS has "Bacon and egg sandwich", but the line names no bread: two foods (the
    # eggs, in the plural with no count beside another food, a plate's two)
    assert _parts("scrambled eggs and bacon", matcher) == ["2 scrambled eggs", "bacon"]


def test_a_part_with_an_amount_of_its_own_is_never_inside_a_dish(matcher: Matcher) -> None:
    assert _parts("1 cup rice and 1 cup black beans", matcher) == [
        "1 cup rice",
        "1 cup black beans",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "pumpkin soup, 2 cups",  # the amount after a comma
        "ground beef, browned",  # a qualifier after a comma
        "granola bar, 2 bars",  # the food restated with its count
        "Eggs, Scrambled",  # an app's food name
    ],
)
def test_parts_without_a_food_of_their_own_stay_with_it(line: str, matcher: Matcher) -> None:
    assert _parts(line, matcher) == [line]


def test_the_holder_of_a_list_is_dropped(matcher: Matcher) -> None:
    parts = _parts("smoothie with mango, kale and yogurt", matcher)
    assert parts == ["mango", "kale", "yogurt"]
    assert _parts("protein shake: 1 cup milk, 1 banana, 2 tbsp peanut butter", matcher) == [
        "1 cup milk",
        "1 banana",
        "2 tbsp peanut butter",
    ]


# ------------------------------------------------------------------ the entries table


def test_analysis_weighs_each_component_and_keeps_the_line(foods: FoodTable) -> None:
    log = nl.parse_entries(
        ["Breakfast: 2 slices toast w/ 1 tbsp butter", "slept badly", "1 cup spinach"],
        date="2026-11-20",
    )
    result = nl.analyze(log, WOMAN, foods=foods, min_day_kcal=0)
    e = result.entries
    toast, butter, spinach = (e.iloc[i] for i in range(3))
    assert (toast["line"], butter["line"], spinach["line"]) == (1, 1, 3)
    assert toast["text"] == butter["text"] == "Breakfast: 2 slices toast w/ 1 tbsp butter"
    assert toast["meal"] == butter["meal"] == "Breakfast"
    assert toast["description"].startswith("Bread") and "toasted" in toast["description"]
    assert butter["description"].startswith("Butter")
    # SR28 01001 Butter, salted: 1 tbsp = 14.2 g
    assert butter["grams"] == pytest.approx(14.2)
    assert toast["quantity"] == 2 and toast["unit"] == "slice"
    assert toast["assumptions"] == 'component: of "2 slices toast w/ 1 tbsp butter"'
    # the line that is not food is a rejected row with its reason: every line accounted for
    assert result.rejected[["line", "reason"]].values.tolist() == [
        [2, "not a food entry (sleep: 'slept')"]
    ]
    assert result.counts["rejected"] == 1
    assert set(e["line"]) | set(result.rejected["line"]) == {1, 2, 3}
    assert e["status"].eq("unmatched").sum() == 0


def test_prefixed_line_is_read_without_its_prefix(foods: FoodTable) -> None:
    # issue 12: "breakfast - 2 eggs" became two breakfast pizzas (1,636 g)
    log = nl.parse_entries(["breakfast - 2 eggs"], date="2026-11-20")
    row = nl.analyze(log, WOMAN, foods=foods, min_day_kcal=0).entries.iloc[0]
    assert row["food"] == "eggs" and row["quantity"] == 2
    assert row["description"].startswith("Egg")
    assert row["grams"] < 150  # two eggs of 50 g each, not pizzas
    assert row["meal"] == "breakfast"


def test_rows_with_their_amount_in_a_column_are_never_split(matcher: Matcher) -> None:
    # an app's "food, amount" row: the food name's comma is not a list
    frame = pd.DataFrame(
        {
            "text": ["Rice and Beans, 1.00 cup", "walked the dog"],
            "food": ["Rice and Beans", "walked the dog"],
            "quantity": [1.0, 1.0],
            "unit": ["cup", None],
            "line": [2, 3],
        }
    )
    log = nl.FoodLog(frame)
    rows, rejected = understand_entries(log.entries, matcher)
    assert rows["food"].tolist() == ["Rice and Beans"]
    assert rejected["line"].tolist() == [3]


def test_assumptions_join_the_line_and_the_match(foods: FoodTable) -> None:
    log = nl.parse_entries(["spinich and 1 cup quinoa"], date="2026-11-20")
    e = nl.analyze(log, WOMAN, foods=foods, min_day_kcal=0).entries
    first = e["assumptions"].iloc[0]
    assert first.startswith('component: of "spinich and 1 cup quinoa"; spelling: spinich')
    assert e["assumptions"].iloc[1] == 'component: of "spinich and 1 cup quinoa"'


def test_plain_lines_are_not_read_again() -> None:
    from nutrilog.matching.entry import needs_reading

    assert not needs_reading("2 cups cooked brown rice", ["2", "cup", "cooked", "brown", "rice"])
    assert needs_reading("rice, beans", ["rice", "bean"])
    assert needs_reading("[lunch] rice", ["lunch", "rice"])
    assert needs_reading("felt sick", ["felt", "sick"])


# ------------------------------------------------------------------ containers


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("burrito bowl: 1 cup rice, 1/2 cup black beans, 3 oz chicken", 3),
        ("poke bowl - rice, salmon, edamame, seaweed", 4),
        ("grain bowl w/ quinoa, chickpeas and kale", 3),
        ("fruit plate: melon, grapes", 2),
    ],
)
def test_a_container_named_before_its_foods_is_no_food(
    line: str, parts: int, matcher: Matcher
) -> None:
    got = understand(line, matcher).parts
    assert len(got) == parts
    assert all("bowl" not in p.text and "plate" not in p.text for p in got)
    assert all(("component", f'of "{line}"') in p.tags for p in got)


def test_a_bowl_of_one_food_keeps_it(matcher: Matcher) -> None:
    assert _parts("bowl of cereal with milk", matcher)[0].startswith("bowl of cereal")
    assert _parts("chicken burrito bowl", matcher) == ["chicken burrito bowl"]


def test_a_curated_name_written_in_shorthand_is_the_curated_food() -> None:
    # "n" for "and": the alias "ham and cheese hot pocket" (FNDDS 58126130), not the
    # ham and cheese sandwich the words read without the brand would land on
    log = nl.parse_entries(["ham n cheese hot pocket"], date="2026-11-20")
    entry = nl.analyze(log, WOMAN, min_day_kcal=0).entries.iloc[0]
    assert entry["food_id"] == "fndds:58126130"
    assert "synonym: n \u2192 and" in entry["assumptions"]


def test_a_numbered_day_is_a_prefix() -> None:
    assert strip_prefix("Day 4 lunch: 1 cup dal") == ("1 cup dal", "Day 4 lunch", None)
    assert strip_prefix("day old bread") == ("day old bread", None, None)


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # a name that joins two foods means the two foods it names (datasets/synonyms.csv)
        ("fish and chips", ["medium battered fish", "medium french fries"]),
        ("fish & chips", ["medium battered fish", "medium french fries"]),
        ("2 x egg n chips", ["2 x fried egg", "medium french fries"]),
    ],
)
def test_a_name_joining_two_foods_is_read_before_the_line_is_split(
    line: str, parts: list[str], matcher: Matcher
) -> None:
    got = understand(line, matcher).parts
    assert [p.text for p in got] == parts
    assert all(
        tag[0] == "synonym" and tag[1].startswith(line.split(" x ")[-1])
        for p in got
        for tag in p.tags
        if tag[0] == "synonym"
    )


@pytest.mark.parametrize(
    ("line", "first"),
    [("cheerios with milk", "sr28:08013"), ("2 weet-bix w/ milk", "sr28:42237")],
)
def test_a_product_named_by_its_brand_beside_milk_is_two_foods(line: str, first: str) -> None:
    # the brand was read away from the whole line, which then landed on milk alone
    log = nl.parse_entries([line], date="2026-11-20")
    entries = nl.analyze(log, WOMAN, min_day_kcal=0).entries
    assert entries["food_id"].tolist() == [first, "fndds:11100000"]
