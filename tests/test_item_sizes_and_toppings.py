"""Rules for free diary text added for precision (issue 12): the size of one item
(``datasets/count_sizes.csv``), foods named by their topping (``avocado toast``),
and ``franks``.

The lines are made up here. Weights are checked by hand against the USDA rows:
SR28 01123 egg large 50 g, medium 44 g; SR28 01124 egg white large 33 g; FNDDS
92101900 latte 1 fl oz = 30 g, medium 480 g; SR28 18070 toast slice; SR28 09037
avocado 201 g whole.
"""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog import dataset_path
from nutrilog.foods import FoodTable
from nutrilog.matching.entry import read_topped, understand
from nutrilog.matching.match import match_foods


def _entries(lines: list[str], foods: FoodTable) -> pd.DataFrame:
    log = nl.parse_entries(lines, date="2026-11-21")
    entries = nl.analyze(log, nl.Profile(age=52, sex="female"), foods=foods, min_day_kcal=0).entries
    return entries.sort_values("line", kind="stable")


def _one(line: str, foods: FoodTable) -> pd.Series:
    rows = _entries([line], foods)
    assert len(rows) == 1, rows[["food", "food_id"]]
    return rows.iloc[0]


# --------------------------------------------------------------------------- item sizes


def test_every_count_size_row_has_a_source_and_one_kind_of_size() -> None:
    with dataset_path("count_sizes.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert len(row["source"]) > 40, row
        assert bool(row["size"].strip()) != bool(row["volume"].strip()), row
        re.compile(row["foods"])
        if row["words"]:
            re.compile(row["words"])


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # an egg with no cooking method is the FNDDS fried egg, weighed by its own
        # "1 egg" row (55 g with its fat); a raw egg named bare would be 3 x large 50 g,
        # not 3 x medium 44 g
        ("3 eggs", 165.0),
        ("one egg", 55.0),
        ("3 raw eggs", 150.0),
        ("4 egg whites", 132.0),  # 4 x large white 33 g
        ("2 poached eggs", 100.0),
    ],
)
def test_a_bare_count_of_eggs_is_of_large_eggs(line: str, grams: float, foods) -> None:
    row = _one(line, foods)
    assert str(row["description"]).startswith("Egg, ")
    assert row["grams"] == pytest.approx(grams)


def test_an_egg_size_written_is_kept(foods) -> None:
    assert _one("3 medium raw eggs", foods)["grams"] == pytest.approx(3 * 44.0)
    assert _one("2 jumbo eggs", foods)["grams"] == pytest.approx(2 * 63.0)


def test_other_counted_foods_keep_their_medium_item(foods) -> None:
    # SR28 09003 apple, medium 182 g: the egg rule reaches no other food
    row = _one("2 apples", foods)
    assert row["food_id"] == "sr28:09003"
    assert row["grams"] == pytest.approx(2 * 182.0)


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("flat white", 180.0),  # 6 fl oz x 30 g
        ("2 flat whites", 360.0),
        ("a cortado", 120.0),  # 4 fl oz x 30 g
    ],
)
def test_a_named_coffee_serving_is_its_own_volume(line: str, grams: float, foods) -> None:
    row = _one(line, foods)
    assert row["food_id"] == "fndds:92101900"
    assert row["grams"] == pytest.approx(grams)
    assert "serving:" in str(row["assumptions"])


def test_a_latte_or_a_sized_flat_white_keeps_the_size_written(foods) -> None:
    assert _one("1 latte", foods)["grams"] == pytest.approx(480.0)  # FNDDS medium
    assert _one("large flat white", foods)["grams"] == pytest.approx(600.0)  # FNDDS large
    assert _one("10 fl oz flat white", foods)["grams"] == pytest.approx(300.0)


# --------------------------------------------------------------------------- toppings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("smashed avocado toast", ("toast", "smashed avocado")),
        ("2 slices avocado toast", ("2 slices toast", "avocado")),
        ("1 jam toast", ("1 toast", "jam")),
        ("lox bagel", ("bagel", "lox")),
        ("toast", None),
        ("avocado", None),
        ("toast jam", None),  # the base comes last
    ],
)
def test_a_topped_food_is_read_as_base_and_addition(text: str, expected) -> None:
    assert read_topped(text) == expected


def test_an_unknown_topped_food_is_two_foods_with_the_topping_weighed(foods) -> None:
    rows = _entries(["smashed avocado toast"], foods)
    assert rows["food_id"].tolist() == ["fndds:51101010", "sr28:09037"]  # FNDDS white toast
    assert rows["grams"].iloc[1] == pytest.approx(100.0)  # half of a 201 g avocado
    assert "estimated amount" in rows["assumptions"].iloc[1]
    assert "topping" in rows["assumptions"].iloc[0]


def test_a_topped_food_keeps_its_amount_on_the_base(foods) -> None:
    rows = _entries(["3 slices jam toast"], foods)
    assert len(rows) == 2
    toast, jam = rows.iloc[0], rows.iloc[1]
    one_slice = float(_one("1 slice toast", foods)["grams"])
    assert toast["grams"] == pytest.approx(3 * one_slice)
    assert jam["food"] == "jam" or "jam" in str(jam["food"])


def test_a_topped_food_inside_a_longer_line_is_cut_too(foods) -> None:
    rows = _entries(["avocado toast and a poached egg"], foods)
    described = rows["description"].astype(str).tolist()
    assert len(rows) == 3
    assert described[0].startswith("Bread") and described[1].startswith("Avocados")
    assert described[2].startswith("Egg, whole, cooked, poached")


def test_a_food_the_tables_know_by_its_topped_name_is_left_whole(matcher) -> None:
    # "french toast" is a food of its own (its words are no addition + base pair
    # anyway), and a topped name the matcher knows is never cut
    known = [t for t in ("french toast", "milk tea") if matcher.accepted(t)]
    assert known
    for text in known:
        assert [p.text for p in understand(text, matcher).parts] == [text]


# --------------------------------------------------------------------------- franks


def test_franks_are_frankfurters_and_the_brand_keeps_its_sauce(foods) -> None:
    found = match_foods(["franks", "beef franks", "frank's hot sauce"], foods)
    descriptions = found["description"].astype(str).tolist()
    assert descriptions[0].startswith("Frankfurter")
    assert descriptions[1].startswith("Frankfurter")
    assert "hot" in descriptions[2].lower() and "sauce" in descriptions[2].lower()


# --------------------------------------------------------------------------- branded foods


def test_a_branded_food_found_on_everyday_words_alone_is_left_unmatched(foods) -> None:
    # "GENERAL MILLS, PEANUT BUTTER TOAST CRUNCH" and "KEEBLER, Cinnamon Toast
    # Grahams" share two everyday words with these lines and name other foods
    found = match_foods(["butter toast", "cinnamon toast"], foods)
    assert pd.isna(found["food_id"].iloc[0])
    assert found["match_method"].iloc[0] == "none"
    assert len(found["suggestions"].iloc[0]) > 0  # still suggested
    # cinnamon toast is the cinnamon bread, toasted (a bread written as toast), not the
    # branded grahams
    assert found["description"].iloc[1] == "Bread, cinnamon, toasted"


def test_a_branded_food_whose_capitals_the_text_holds_is_kept(foods) -> None:
    found = match_foods(["lean pockets ham n cheddar", "powerbar power bar chocolate"], foods)
    descriptions = found["description"].astype(str).tolist()
    assert descriptions[0] == "LEAN POCKETS, Ham N Cheddar"
    assert "POWER BAR" in descriptions[1]


def test_bitter_is_the_uk_beer(foods) -> None:
    rows = _entries(["a pint of bitter", "bitter melon"], foods)
    described = rows["description"].astype(str).tolist()
    assert described[0].startswith("Alcoholic beverage, beer")
    assert "bitter gourd" in described[1]


# --------------------------------------------------------------------------- size words


def test_a_size_word_among_the_food_words_takes_that_size_or_scales_it(foods) -> None:
    # a big banana: SR28 09040 has its own large portion (136 g); a side salad
    # (FNDDS 75143000 "side salad" 94 g) has none: 1.5 x, the median large/medium ratio
    banana = _one("a big banana", foods)
    assert banana["grams"] == pytest.approx(136.0)
    assert "size: big" in str(banana["assumptions"])
    salad = _one("a huge side salad", foods)
    assert salad["food_id"] == "fndds:75143000"
    assert salad["grams"] == pytest.approx(1.5 * 94.0)


def test_a_size_word_that_is_part_of_the_name_scales_nothing(foods) -> None:
    big_mac = _one("big mac", foods)
    assert str(big_mac["description"]).endswith("BIG MAC")
    assert "size:" not in str(big_mac["assumptions"])


def test_size_factors_are_the_median_usda_ratios() -> None:
    from nutrilog.portions.sizes import SIZE_FACTORS

    with dataset_path("portions.csv").open(encoding="utf-8") as fh:
        rows = pd.read_csv(fh)
    ones = rows[rows["amount"] == 1]
    by = {
        u: ones[ones["unit"] == u].groupby("id")["grams"].first()
        for u in ("small", "medium", "large")
    }
    large = (by["large"] / by["medium"]).dropna().median()
    small = (by["small"] / by["medium"]).dropna().median()
    assert SIZE_FACTORS["large"] == pytest.approx(large, abs=0.05)
    assert SIZE_FACTORS["small"] == pytest.approx(small, abs=0.05)


def test_milk_named_with_a_flat_white_is_a_splash_not_a_glass(foods) -> None:
    rows = _entries(["cortado with soy milk"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(120.0)  # the cortado's own 4 fl oz
    assert rows["grams"].iloc[1] < 40.0  # 2 tbsp of milk, not the 244 g default glass
