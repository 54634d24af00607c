"""Vague amounts (a handful, a glass, a pinch...) weighed by ``datasets/vague_amounts.csv``.

Gram weights are checked by hand against datasets/portions.csv (SR28 WEIGHT.txt and
FNDDS 2017-2018 portions) and datasets/default_portions.csv.
"""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

import nutrilog as nl
from nutrilog import dataset_path
from nutrilog.foods import FoodTable
from nutrilog.portions import grams_per_unit, resolve_grams, vague_words
from nutrilog.units import VOLUME_UNITS, unit_aliases


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with dataset_path("vague_amounts.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_row_is_sourced_and_well_formed(rows: list[dict[str, str]]) -> None:
    assert rows
    kinds = {info.unit: info.kind for info in unit_aliases().values()}
    for row in rows:
        assert len(row["source"]) > 30, row["word"]
        assert kinds.get(row["word"]) in {"vague", "count"}, row["word"]
        assert row["default"] in {"", "yes"}
        if row["volume"]:
            amount, unit = row["volume"].split()
            assert float(amount) > 0 and unit in VOLUME_UNITS
        if row["grams"]:
            assert float(row["grams"]) > 0
        # each row can weigh some food: a portion, the default, a volume or grams
        assert row["portion_words"] or row["default"] or row["volume"] or row["grams"]


def test_every_vague_unit_of_the_alias_table_has_a_rule() -> None:
    vague = {info.unit for info in unit_aliases().values() if info.kind == "vague"}
    assert vague <= vague_words()


def _one(
    foods: FoodTable, word: str, food_id: str, qty: float = 1.0, kind: str = "vague"
) -> pd.Series:
    return resolve_grams([qty], [word], [kind], [food_id], foods).iloc[0]


@pytest.mark.parametrize(
    ("word", "food_id", "grams"),
    [
        ("handful", "sr28:12061", 28.0),  # almonds: twin FNDDS 42101000 QNS 28 g
        ("handful", "sr28:09132", 75.0),  # grapes: twin FNDDS 63123000 QNS 75 g
        ("bowl", "fndds:58400000", 301.0),  # soup NFS: QNS 301 g
        ("plate", "fndds:58146222", 250.0),  # pasta with tomato sauce: QNS 250 g (dev note)
        ("glass", "fndds:93401020", 180.0),  # white wine: own "glass" 180 g
        ("glass", "sr28:01079", 8 * 30.5),  # 2% milk: 8 x "fl oz" 30.5 g
        ("mug", "sr28:14355", 12 * 29.6),  # black tea: 12 x "fl oz" 29.6 g
        ("scoop", "fndds:13110000", 120.0),  # ice cream NFS: own "scoop" 120 g
        ("splash", "sr28:01079", 30.5),  # 2 tbsp = 1 fl oz of 2% milk
        ("spoonful", "sr28:16098", 16.0),  # peanut butter: "2 tbsp" 32 g / 2
        ("pinch", "sr28:02047", 6.0 / 16),  # table salt: "tsp" 6 g / 16
        ("dash", "sr28:02047", 6.0 / 8),
        ("square", "fndds:91705300", 113.0 / 21),  # dark chocolate: "large bar (21 squares)"
        ("bag", "fndds:54401055", 28.0),  # cheese puffs: "small single serving bag" 28 g
        # a dollop of whipped cream is its FNDDS QNS (20 g), not 1 tbsp of foam (3 g)
        ("dollop", "sr28:01054", 20.0),
        ("dollop", "fndds:12140000", 20.0),
        # a splash of a sauce is a teaspoon (soy sauce "tsp" 5.3 g), not 2 tbsp
        ("splash", "sr28:16123", 5.3),
        # a sprinkle of sugar or a spice is a teaspoon (brown sugar "tsp" 3 g here)
        ("sprinkle", "sr28:19334", 3.0),
    ],
)
def test_vague_words(foods: FoodTable, word: str, food_id: str, grams: float) -> None:
    row = _one(foods, word, food_id)
    assert row["grams"] == pytest.approx(grams, rel=1e-3)
    assert row["assumption"].startswith(f"estimated amount: {word} = ")
    assert row["grams_note"] == ""


def test_typical_weight_when_the_food_has_nothing_to_go_by(foods: FoodTable) -> None:
    # a user's food with no portions at all: a handful is 30 g, a square 6 g
    mine = foods.with_user_foods(
        pd.DataFrame({"name": ["Granola clusters"], "magnesium_mg": [120]})
    )
    handful = _one(mine, "handful", "user:granola-clusters")
    assert handful["grams"] == 30.0
    assert handful["assumption"] == "estimated amount: handful = 30 g (typical weight)"
    assert _one(mine, "square", "user:granola-clusters")["grams"] == 6.0
    # "some" has no typical weight: without a default portion it stays unknown
    some = _one(mine, "some", "user:granola-clusters")
    assert np.isnan(some["grams"]) and some["grams_note"] == "no weight for a some of this food"


def test_a_shot_depends_on_the_drink(foods: FoodTable) -> None:
    # espresso (FNDDS 92101610, "fl oz" 30 g): 1 fl oz; vodka (SR28 14051, "fl oz" 27.8 g): 1.5
    assert _one(foods, "shot", "fndds:92101610", kind="count")["grams"] == pytest.approx(30.0)
    vodka = foods.portions("sr28:14051")
    fl_oz = vodka.loc[vodka["unit"] == "fl_oz", "grams"].iloc[0]
    assert _one(foods, "shot", "sr28:14051", 2, kind="count")["grams"] == pytest.approx(3 * fl_oz)


def test_an_unstated_amount_is_one_default_portion(foods: FoodTable) -> None:
    # "some hummus": quantity NaN, unit some -> 1 x the default; "a few" has no unit
    got = resolve_grams(
        [np.nan, np.nan], ["some", None], ["vague", "vague"], ["sr28:09316"] * 2, foods
    )
    assert got["grams"].tolist() == [75.0, 75.0]  # strawberries: twin FNDDS 63223020 QNS 75 g
    assert (
        got["assumption"]
        == "estimated amount: some = 75 g (default portion (FNDDS twin fndds:63223020))"
    ).all()


def test_a_bottle_of_water_is_a_single_serve_bottle(foods: FoodTable) -> None:
    # SR28 14411 tap water has no bottle: 16.9 fl oz x its "fl oz" weight
    water = foods.portions("sr28:14411")
    fl_oz = water.loc[water["unit"] == "fl_oz", "grams"].iloc[0]
    assert _one(foods, "bottle", "sr28:14411", kind="count")["grams"] == pytest.approx(16.9 * fl_oz)
    # a bottle of anything else without a bottle portion stays unknown
    ketchup = _one(foods, "bottle", "sr28:11935", kind="count")
    assert np.isnan(ketchup["grams"]) and ketchup["grams_note"] == "no bottle weight for this food"


def test_vague_lines_end_to_end() -> None:
    log = nl.parse_entries(
        ["a handful of almonds", "a splash of 2% milk", "a pinch of salt", "some strawberries"],
        date="2026-11-20",
    )
    entries = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0).entries
    assert entries["grams"].round(3).tolist() == [28.0, 30.5, 0.375, 75.0]
    assert entries["assumptions"].str.startswith("estimated amount: ").all()


def test_no_food_no_vague_weight(foods: FoodTable) -> None:
    grams, _, note = grams_per_unit(None, "handful", "vague", foods)
    assert np.isnan(grams) and note == "vague amount"


def test_raw_salad_leaves_are_a_salad_not_a_garnish(foods: FoodTable) -> None:
    # FNDDS "Quantity not specified" of raw leaves is a garnish (kale 13 g, arugula 10 g);
    # "some" of them is one salad: FNDDS "Guideline amount in salad" of such leaves
    assert _one(foods, "some", "fndds:72119190")["grams"] == 50.0  # kale, raw: FNDDS row 50 g
    assert _one(foods, "some", "fndds:75113080")["grams"] == 40.0  # arugula: FNDDS row 40 g
    assert _one(foods, "some", "sr28:11959")["grams"] == 40.0  # SR28 arugula as FNDDS
    assert _one(foods, "some", "fndds:72116000")["grams"] == 70.0  # romaine: own row 70 g
    assert _one(foods, "some", "sr28:11252")["grams"] == 70.0  # SR28 iceberg: lettuce 70 g
    # a handful is a loosely packed cup of the leaves: SR28 spinach "cup" 30 g
    assert _one(foods, "handful", "sr28:11457")["grams"] == pytest.approx(30.0)
    # cooked leaves keep their default portion (SR28 boiled spinach is not a salad)
    cooked = _one(foods, "some", "sr28:11458")
    assert cooked["grams"] != 50.0 and "salad" not in cooked["portion"]


def test_a_tin_is_a_uk_food_tin(foods: FoodTable) -> None:
    # "tin" is the UK word for a can: a 400 g food tin unless it is fish or a drink;
    # SR28 canned tomatoes' own "can" (190 g) is a smaller product and is not used
    half = resolve_grams([0.5], ["tin"], ["vague"], ["sr28:11531"], foods).iloc[0]
    assert half["grams"] == 200.0
    assert half["assumption"] == "estimated amount: tin = 400 g (typical weight)"  # per tin
    assert _one(foods, "tin", "sr28:16006")["grams"] == 400.0  # baked beans, no can row
    # a tin of tuna is its own can: SR28 15121 "can" 165 g
    assert _one(foods, "tin", "sr28:15121")["grams"] == 165.0
    # a tin of cola is its own can (SR28 14148: 12 fl oz can 370 g)
    cola = foods.portions("sr28:14148")
    can = cola.loc[cola["description"].str.contains("can"), "grams"].iloc[0]
    assert _one(foods, "tin", "sr28:14148")["grams"] == pytest.approx(can)


def test_tins_end_to_end() -> None:
    log = nl.parse_entries(
        ["half a tin of chickpeas", "2 tins of sardines in oil"], date="2026-11-20"
    )
    entries = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0).entries
    assert entries["grams"].iloc[0] == 200.0
    assert "sardine" in entries["description"].iloc[1].lower()
    sardines = nl.load_foods().portions(entries["food_id"].iloc[1])
    can = sardines.loc[sardines["description"].str.contains("can"), "grams"].iloc[0]
    assert entries["grams"].iloc[1] == pytest.approx(2 * can)


@pytest.mark.parametrize(
    ("line", "grams"), [("a handfull of almonds", 28.0), ("bowlful of soup", 301.0)]
)
def test_vague_words_as_people_spell_them(line: str, grams: float) -> None:
    # "handfull" is no one almond (1.2 g): the FNDDS almonds QNS (28 g), soup NFS 301 g
    import nutrilog as nl

    entries = nl.analyze(
        nl.parse_entries([line], date="2026-11-20"), nl.Profile(age=30, sex="male"), min_day_kcal=0
    ).entries
    assert entries["grams"].iloc[0] == pytest.approx(grams)
    assert entries["assumptions"].iloc[0].startswith("estimated amount: ")
