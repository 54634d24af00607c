"""The weight of a food eaten when no amount is given: ``datasets/default_portions.csv``.

Weights checked by hand against datasets/portions.csv (FNDDS 2017-2018 "Quantity not
specified" rows) and datasets/nutrients.csv (the twin's equal nutrients per 100 g).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from build_scripts import load

from nutrilog import dataset_path
from nutrilog.foods import FoodTable
from nutrilog.portions import grams_per_unit, resolve_grams

REPO = Path(__file__).resolve().parents[1]
BASES = {
    "quantity not specified", "FNDDS twin", "serving", "FNDDS neighbour", "seasoning",
    "group median",
}  # fmt: skip


def _builder():
    return load("_build_defaults")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    with dataset_path("default_portions.csv").open("rb") as fh:
        return pd.read_csv(fh, dtype={"id": str, "from_id": str}, keep_default_na=False)


def test_table_shape_and_bases(table: pd.DataFrame, foods: FoodTable) -> None:
    assert list(table.columns) == ["id", "grams", "basis", "from_id"]
    assert table["id"].is_unique
    assert set(table["id"]) <= set(foods.foods.index)
    assert len(table) / len(foods) > 0.98  # all but a few foods (infant formulas) have one
    assert (table["grams"] > 0).all()
    assert set(table["basis"]) == BASES
    borrowed = table[table["basis"] != "group median"]
    assert set(borrowed["from_id"]) <= set(foods.foods.index)
    assert (table.loc[table["basis"] == "group median", "from_id"] == "").all()


def test_fndds_foods_keep_their_own_quantity_not_specified(table: pd.DataFrame) -> None:
    row = table.set_index("id").loc["fndds:75205030"]  # Green beans, cooked: QNS 73 g
    assert (row["grams"], row["basis"], row["from_id"]) == (
        73.0,
        "quantity not specified",
        "fndds:75205030",
    )


def test_sr28_foods_borrow_their_fndds_twin(table: pd.DataFrame, foods: FoodTable) -> None:
    rows = table.set_index("id")
    # SR28 11052 Beans, snap, green, raw = FNDDS 75101800 Green beans, raw (QNS 55 g)
    assert rows.loc["sr28:11052", ["grams", "basis", "from_id"]].tolist() == [
        55.0,
        "FNDDS twin",
        "fndds:75101800",
    ]
    twin = foods.nutrients.loc[["sr28:11052", "fndds:75101800"], ["calcium_mg", "magnesium_mg"]]
    assert twin.iloc[0].tolist() == twin.iloc[1].tolist()
    # SR28 11011 Asparagus, raw -> FNDDS 75100800 (QNS 68 g); 12061 almonds -> 42101000 (28 g)
    assert rows.loc["sr28:11011", "grams"] == 68.0
    assert rows.loc["sr28:12061", "grams"] == 28.0


def test_a_neighbour_needs_shared_words_and_similar_energy() -> None:
    build = _builder()
    foods = pd.DataFrame(
        {
            "id": ["fndds:1", "fndds:2", "sr28:3", "sr28:4"],
            "description": [
                "Salmon, raw",
                "Bean sprouts, raw",
                "Fish, salmon, wild, raw",
                "Beans, black, raw",
            ],
            "group": ["Fish", "Veg", "Fish", "Legumes"],
        }
    )
    energy = [127.0, 31.0, 142.0, 341.0]
    nutrients = pd.DataFrame({"id": foods["id"], **{c: energy for c in build.TWIN_COLUMNS}})
    nutrients["water_g"] = [70.0, 90.0, 68.0, 11.0]  # no twins: the water differs
    portions = pd.DataFrame(
        {
            "id": ["fndds:1", "fndds:2"],
            "amount": [1.0, 1.0],
            "description": ["Quantity not specified", "Quantity not specified"],
            "grams": [85.0, 45.0],
        }
    )
    out = build.default_portions(foods, nutrients, portions).set_index("id")
    # "Fish, salmon, ...": SR28 names the kind first, FNDDS the food
    assert out.loc["sr28:3", ["grams", "basis", "from_id"]].tolist() == [
        85.0,
        "FNDDS neighbour",
        "fndds:1",
    ]
    # black beans (341 kcal) are not bean sprouts (31 kcal): no neighbour, no group with one
    assert "sr28:4" not in out.index


def test_a_group_median_is_taken_over_foods_of_similar_energy_density() -> None:
    build = _builder()
    # (no shared description words, so no neighbours) three dry cereals (about 380 kcal per 100 g, 30-40 g servings) and three cooked
    # ones (about 70 kcal, a 240 g bowl) share a group; a cooked cereal without a
    # default of its own takes the bowl, a dry one the serving, a food unlike any the
    # whole group's median
    ids = [f"fndds:{i}" for i in range(1, 7)] + ["sr28:7", "sr28:8", "sr28:9"]
    foods = pd.DataFrame(
        {
            "id": ids,
            "description": [
                "alpha",
                "bravo",
                "charlie",
                "delta",
                "echo",
                "foxtrot",
                "golf",
                "hotel",
                "india",
            ],
            "group": ["Cereals"] * 9,
        }
    )
    energy = [380.0, 390.0, 370.0, 70.0, 71.0, 60.0, 68.0, 375.0, 1000.0]
    nutrients = pd.DataFrame({"id": ids, **{c: 0.0 for c in build.TWIN_COLUMNS}})
    nutrients["energy_kcal"] = energy
    nutrients["water_g"] = range(9)  # no twins
    portions = pd.DataFrame(
        {
            "id": ids[:6],
            "amount": [1.0] * 6,
            "description": ["Quantity not specified"] * 6,
            "grams": [40.0, 30.0, 35.0, 240.0, 234.0, 250.0],
        }
    )
    out = build.default_portions(foods, nutrients, portions).set_index("id")
    assert out.loc["sr28:7", ["grams", "basis"]].tolist() == [240.0, "group median"]
    assert out.loc["sr28:8", "grams"] == 35.0
    assert out.loc["sr28:9", "grams"] == pytest.approx((40.0 + 234.0) / 2)  # all six


def test_cooked_oatmeal_without_an_amount_is_a_bowl_not_a_dry_serving(foods: FoodTable) -> None:
    # SR28 08121 oats cooked with water (71 kcal per 100 g): no FNDDS twin or
    # neighbour; the cooked cereals of its group are eaten by the cup (FNDDS cooked
    # oatmeal QNS 240 g), the dry ones by the 30-40 g serving
    grams = grams_per_unit("sr28:08121", None, "default", foods, "oatmeal")[0]
    assert 200.0 <= grams <= 260.0


def test_the_bundled_table_is_what_the_builder_makes(tmp_path: Path) -> None:
    for name in ("foods.csv", "nutrients.csv", "portions.csv"):
        with dataset_path(name).open("rb") as src, (tmp_path / name).open("wb") as dst:
            shutil.copyfileobj(src, dst)
    written = _builder().build_defaults(tmp_path / "unused", tmp_path)
    assert written == [tmp_path / "default_portions.csv"]
    with dataset_path("default_portions.csv").open("rb") as fh:
        assert written[0].read_bytes() == fh.read()


# ---------------------------------------------------------------- entries without an amount


@pytest.mark.parametrize(
    ("food_id", "text", "grams"),
    [
        ("sr28:11052", "green beans", 55.0),  # twin FNDDS 75101800 QNS, not 1 bean (5.5 g)
        ("fndds:75205030", "green beans", 73.0),  # own QNS
        ("sr28:11011", "asparagus", 68.0),  # twin FNDDS 75100800 QNS, not 1 spear (16 g)
        ("fndds:71401030", "fries", 110.0),  # fast-food fries QNS, not one fry
        ("sr28:11403", "oven fries", 110.0),  # neighbour: FNDDS fries QNS, not "10 fries"/10
    ],
)
def test_no_amount_takes_the_default_portion(
    foods: FoodTable, food_id: str, text: str, grams: float
) -> None:
    row = resolve_grams([1.0], [None], ["default"], [food_id], foods, food_text=[text]).iloc[0]
    assert row["grams"] == pytest.approx(grams)
    assert row["assumption"].startswith("default portion: ")
    assert row["assumption"].endswith(f"= {grams:g} g")


def test_a_food_named_by_its_own_item_is_one_item(foods: FoodTable) -> None:
    # FNDDS 91715100 Snickers: "bar (2 oz)" 57 g, QNS 21 g; "snickers bar" is one bar
    got = grams_per_unit("fndds:91715100", None, "default", foods, "snickers bar")
    assert got[0] == 57.0
    # ... but "green bean" (singular) is not one bean (FNDDS 75205030 "bean" 6 g, QNS 73 g)
    assert grams_per_unit("fndds:75205030", None, "default", foods, "green bean")[0] == 73.0


def test_a_medium_order_of_fries_is_not_one_fry(foods: FoodTable) -> None:
    # the parser reads "medium fries" as 1 medium: FNDDS 71401030 "medium fast food order" 145 g
    assert grams_per_unit("fndds:71401030", "medium", "size", foods)[0] == 145.0


def test_a_bare_count_of_an_uncountable_food_takes_its_default(foods: FoodTable) -> None:
    # FNDDS 11512010 Hot chocolate: cup 248 g, fl oz 31 g, QNS 248 g; "2 hot chocolates"
    got = resolve_grams([2.0], [None], [None], ["fndds:11512010"], foods).iloc[0]
    assert got["grams"] == pytest.approx(2 * 248.0)
    assert got["assumption"] == "default portion: quantity not specified = 248 g"
    # a food counted in items keeps the item: FNDDS 75143000 salad, "side salad" 94 g
    assert resolve_grams([1.0], [None], [None], ["fndds:75143000"], foods)["grams"].iloc[0] == 94.0


def test_a_user_food_without_default_takes_its_serving(foods: FoodTable) -> None:
    mine = foods.with_user_foods(pd.DataFrame({"name": ["Seed cracker"], "serving_grams": [12]}))
    grams, portion, note = grams_per_unit("user:seed-cracker", None, "default", mine)
    assert (grams, note) == (12.0, "") and "default portion" in portion


def test_no_food_no_default(foods: FoodTable) -> None:
    grams, _, note = grams_per_unit(None, None, "default", foods)
    assert np.isnan(grams) and note == "no food matched"


def test_bare_food_lines_end_to_end() -> None:
    # whichever green beans, asparagus or fries the matcher picks, a bare name is a
    # portion (FNDDS "Quantity not specified": 55-73 g beans, 68 g asparagus, fries an
    # order), never one bean (5.5 g), one spear (16 g) or one fry (7.6 g)
    import nutrilog as nl

    log = nl.parse_entries(["green beans", "asparagus", "medium fries"], date="2026-11-20")
    entries = nl.analyze(log, nl.Profile(age=30, sex="male"), min_day_kcal=0).entries
    grams = entries["grams"].tolist()
    assert grams[0] >= 50 and grams[1] >= 50 and grams[2] >= 100
    assert entries["assumptions"].iloc[0].startswith("default portion: ")
    assert entries["assumptions"].iloc[1].startswith("default portion: ")
    assert entries["unit"].iloc[2] == "medium"  # one medium order, not a default


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # FNDDS 58111110 (wonton, fried): "wonton, any size" 19 g, "pot sticker" 30 g;
        # the diary's noun chooses the row, written as one word or two
        ("5 potstickers", 150.0),
        ("2 pot stickers", 60.0),
    ],
)
def test_a_count_takes_the_portion_named_by_the_entrys_own_noun(line: str, grams: float) -> None:
    import nutrilog as nl

    log = nl.parse_entries([line], date="2026-11-20")
    entries = nl.analyze(log, nl.Profile(age=30, sex="male"), min_day_kcal=0).entries
    assert entries["food_id"].iloc[0] == "fndds:58111110"
    assert entries["grams"].iloc[0] == pytest.approx(grams)


def test_a_noun_the_description_holds_is_left_to_the_description(foods: FoodTable) -> None:
    # SR28 18364 flour tortilla: its plain "tortilla" row (48 g), not the smallest one
    # that also names a tortilla
    got = resolve_grams([1.0], [None], [None], ["sr28:18364"], foods, food_text=["flour tortilla"])
    assert got["grams"].iloc[0] == pytest.approx(48.0)


def test_a_sauce_without_an_amount_is_a_spoonful_not_a_bowl_of_soup(
    table: pd.DataFrame,
) -> None:
    rows = table.set_index("id")
    # SR28 06164 salsa (29 kcal per 100 g) shares its group and its energy density with
    # soups (a 245 g bowl); the sauces of the group are eaten by the 2 tbsp (30-34 g)
    assert rows.loc["sr28:06164", "grams"] <= 40.0
    # SR28 11053 green beans, boiled: SR28 writes "Beans, snap, green", FNDDS "Green
    # beans, cooked" (75205030, QNS 73 g): a neighbour found by the third word
    assert rows.loc["sr28:11053", ["grams", "from_id"]].tolist() == [73.0, "fndds:75205030"]


def test_a_restaurant_plate_is_no_default_but_a_chains_plate_is() -> None:
    servings = _builder().servings
    portions = pd.DataFrame(
        {
            "id": ["sr28:1", "sr28:1", "sr28:2", "sr28:2", "sr28:3", "sr28:3"],
            "amount": [1.0] * 6,
            "description": ["serving", "cup", "serving", "cup", "NLEA serving", "cup shredded"],
            # a plate of rice and peas (5.7 cups), a chain's own plate, leaf lettuce
            "grams": [653.0, 115.0, 565.0, 134.0, 85.0, 28.0],
        }
    )
    found = servings(portions, frozenset({"sr28:2"}))
    assert found.to_dict() == {"sr28:2": 565.0, "sr28:3": 85.0}


def test_rice_and_pigeon_peas_with_no_amount_is_no_plate(table: pd.DataFrame) -> None:
    # SR28 36407 Restaurant, Latino, Arroz con grandules: "1 serving" 653 g, "1 cup" 115 g
    row = table.set_index("id").loc["sr28:36407"]
    assert row["basis"] != "serving"
    assert row["grams"] < 2.5 * 115.0
