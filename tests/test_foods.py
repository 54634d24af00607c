"""The bundled food table and user foods (nutrilog.foods).

Expected numbers were read by hand from the USDA sources:
SR28 = USDA National Nutrient Database for Standard Reference, Release 28
(NUT_DATA.txt / WEIGHT.txt), FNDDS = FNDDS 2017-2018 "At A Glance" workbooks.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from nutrilog.errors import DataError, NutrilogError, UnknownFoodError
from nutrilog.foods import FoodTable, load_foods, measure_units, split_measure
from nutrilog.nutrients import NUTRIENT_COLUMNS


def test_load_foods_is_cached(foods: FoodTable) -> None:
    assert load_foods() is foods


def test_banana_nutrients(foods: FoodTable) -> None:
    # SR28 NUT_DATA 09040 "Bananas, raw": 304 Mg 27, 301 Ca 5, 306 K 358, 208 energy 89
    banana = foods.get("sr28:09040")
    assert banana["description"] == "Bananas, raw"
    assert banana["source"] == "sr28"
    assert banana["group"] == "Fruits and Fruit Juices"
    assert banana["magnesium_mg"] == 27
    assert banana["calcium_mg"] == 5
    assert banana["potassium_mg"] == 358
    assert banana["energy_kcal"] == 89
    assert banana.name == "sr28:09040"
    assert banana["id"] == "sr28:09040"


def test_banana_medium_portion(foods: FoodTable) -> None:
    # SR28 WEIGHT 09040 seq 5: 1 medium (7" to 7-7/8" long) = 118 g
    portions = foods.portions("sr28:09040")
    assert list(portions.columns) == ["description", "amount", "unit", "grams"]
    medium = portions[portions["unit"] == "medium"]
    assert medium["description"].tolist() == ['medium (7" to 7-7/8" long)']
    assert medium["grams"].tolist() == [118.0]
    assert medium["amount"].tolist() == [1.0]
    assert len(portions) == 8  # SR28 WEIGHT lists 8 measures for 09040


def test_spinach_nutrients_and_portions(foods: FoodTable) -> None:
    # SR28 NUT_DATA 11457 "Spinach, raw": Mg 79, Ca 99, K 558; WEIGHT: 1 cup = 30 g
    spinach = foods.get("sr28:11457")
    assert (spinach["magnesium_mg"], spinach["calcium_mg"], spinach["potassium_mg"]) == (79, 99, 558)
    cup = foods.portions("sr28:11457").set_index("unit").loc["cup"]
    assert cup["grams"] == 30


def test_nutrients_frame(foods: FoodTable) -> None:
    assert list(foods.nutrients.columns) == NUTRIENT_COLUMNS
    assert all(dtype == "float64" for dtype in foods.nutrients.dtypes)
    assert foods.nutrients.loc["sr28:11457", "magnesium_mg"] == 79
    assert foods.foods.loc["sr28:11457", "description"] == "Spinach, raw"
    assert {"id", "seq", "grams", "unit"} <= set(foods.portion_table.columns)


def test_missing_vitamin_d_analysis_is_nan(foods: FoodTable) -> None:
    # SR28 NUT_DATA has neither 324 nor 328 for 01008 "Cheese, caraway" (but has 304 = 22)
    caraway = foods.get("sr28:01008")
    assert math.isnan(caraway["vitamin_d_ug"])
    assert caraway["vitamin_d_basis"] == ""
    assert caraway["magnesium_mg"] == 22


def test_vitamin_d_from_iu_is_flagged(foods: FoodTable) -> None:
    # SR28 NUT_DATA 16613: 324 = 10 IU and no 328 row -> 10 / 40 = 0.25 µg
    food = foods.get("sr28:16613")
    assert food["vitamin_d_ug"] == pytest.approx(0.25)
    assert food["vitamin_d_basis"] == "iu"
    # 09040 has 328 = 0.0 µg (analysed zero): basis ug, value 0 not NaN
    assert foods.get("sr28:09040")["vitamin_d_basis"] == "ug"
    assert foods.get("sr28:09040")["vitamin_d_ug"] == 0


def test_fndds_food_and_portions(foods: FoodTable) -> None:
    # FNDDS 63107010 "Banana, raw": Mg 27, K 358 per 100 g; portions 1 cup = 150 g,
    # 1 slice = 6 g; "Quantity not specified" = 126 g
    banana = foods.get("fndds:63107010")
    assert banana["description"] == "Banana, raw"
    assert banana["source"] == "fndds"
    assert banana["magnesium_mg"] == 27
    assert banana["vitamin_d_basis"] == "ug"
    portions = foods.portions("fndds:63107010")
    by_description = portions.set_index("description")["grams"]
    assert by_description["cup"] == 150
    assert by_description["slice"] == 6
    assert by_description["Quantity not specified"] == 126
    assert portions.set_index("description").loc["slice", "unit"] == "slice"


def test_fndds_zero_weight_portion_dropped(foods: FoodTable) -> None:
    # FNDDS 11000000 "Milk, human": 1 cup 246 g, "Quantity not specified" 0 g, 1 fl oz 30.8 g
    portions = foods.portions("fndds:11000000")
    assert portions["description"].tolist() == ["cup", "fl oz"]
    assert portions["unit"].tolist() == ["cup", "fl_oz"]
    assert portions["grams"].tolist() == [246.0, 30.8]
    assert (foods.portion_table["grams"] > 0).all()


def test_search_ranks_raw_spinach_first(foods: FoodTable) -> None:
    hits = foods.search("raw spinach", limit=5)
    assert list(hits.columns) == ["id", "description", "score"]
    assert hits["id"].iloc[0] == "sr28:11457"
    assert len(hits) == 5
    assert hits["score"].is_monotonic_decreasing


def test_search_order_and_case_do_not_matter(foods: FoodTable) -> None:
    assert foods.search("SPINACH RAW", limit=1)["id"].tolist() == ["sr28:11457"]
    assert foods.search("   ", limit=3).empty


def test_unknown_id_raises_with_suggestion(foods: FoodTable) -> None:
    with pytest.raises(UnknownFoodError, match="sr28:09040") as info:
        foods.get("sr28:9040")
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, NutrilogError)
    with pytest.raises(KeyError):
        foods.portions("sr28:00000")
    assert "sr28:00000" not in foods
    assert "sr28:09040" in foods


def test_len_and_repr(foods: FoodTable) -> None:
    assert len(foods) == 8789 + 7083
    assert "sr28 8789" in repr(foods)
    assert "<table" in foods._repr_html_()


def test_split_measure_and_units() -> None:
    # FNDDS portion descriptions carry their amount in front
    text = pd.Series(["1 cup", "1/2 bagel", "1-1/2 oz", "10 strips", "Quantity not specified", '1" cube'])
    split = split_measure(text)
    assert split["amount"].tolist() == [1.0, 0.5, 1.5, 10.0, 1.0, 1.0]
    assert split["description"].tolist() == ["cup", "bagel", "oz", "strips", "Quantity not specified", '1" cube']
    units = measure_units(pd.Series(["cup, chopped", "fl oz", "tbsp", 'medium (7" long)', "NLEA serving", "slice"]))
    assert units.tolist() == ["cup", "fl_oz", "tbsp", "medium", "", "slice"]


# --------------------------------------------------------------------------- user foods


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my_foods.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_foods_per_100g(foods: FoodTable, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "name,magnesium_mg,Calcium (mg),Vitamin D (IU),Sodium (g)\n"
        "Oat drink,12,120,40,0.1\n",
    )
    table = foods.with_user_foods(path)
    oat = table.get("user:oat-drink")
    assert oat["source"] == "user"
    assert oat["magnesium_mg"] == 12
    assert oat["calcium_mg"] == 120
    assert oat["vitamin_d_ug"] == pytest.approx(1.0)  # 40 IU / 40
    assert oat["vitamin_d_basis"] == "iu"
    assert oat["sodium_mg"] == pytest.approx(100)  # 0.1 g
    assert math.isnan(oat["potassium_mg"])  # not given: unknown, not zero
    assert table.portions("user:oat-drink").empty
    assert "user:oat-drink" not in foods  # the original table is unchanged
    assert len(table) == len(foods) + 1


def test_user_foods_per_serving(foods: FoodTable, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "name,id,serving_description,serving_grams,Magnesium (mg),potassium\n"
        "Protein bar,,1 bar (50 g),50,40,150\n"
        "Soup,my:soup,1 bowl,250,25,\n",
    )
    table = foods.with_user_foods(path)
    bar = table.get("user:protein-bar")
    assert bar["magnesium_mg"] == pytest.approx(80)  # 40 mg per 50 g -> 80 per 100 g
    assert bar["potassium_mg"] == pytest.approx(300)
    portions = table.portions("user:protein-bar")
    assert portions["unit"].tolist() == ["serving", "bar"]
    assert portions["grams"].tolist() == [50.0, 50.0]
    assert table.get("my:soup")["magnesium_mg"] == pytest.approx(10)
    assert table.search("protein bar", limit=1)["id"].tolist() == ["user:protein-bar"]


def test_user_foods_basis_column_keeps_per_100g(foods: FoodTable) -> None:
    frame = pd.DataFrame(
        {"description": ["Seeds"], "serving_grams": [30], "basis": ["100g"], "magnesium_mg": [500]}
    )
    table = foods.with_user_foods(frame)
    assert table.get("user:seeds")["magnesium_mg"] == 500
    assert table.portions("user:seeds")["grams"].tolist() == [30.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,magnesium_mg\nA,1\n,2\n", r"line 3: the food has no name"),
        ("name,magnesium_mg\nA,1\nB,lots\n", r"line 3: column 'magnesium_mg' expects a number"),
        ("name,magnesium_mg\nA,-1\n", r"line 2: column 'magnesium_mg' cannot be negative"),
        ("name,magnesium_mg\nA,1\na,2\n", r"line 2: duplicate id 'user:a' \(also at line 3\)"),
        ("name,id\nA,sr28:09040\n", r"already in the food table"),
        ("title,magnesium_mg\nA,1\n", r"expected a 'name' or 'description' column"),
        ("name,Magnesium (IU)\nA,1\n", r"cannot read 'IU'"),
        ("name,serving_grams\nA,0\n", r"serving_grams must be more than 0"),
    ],
)
def test_user_foods_bad_rows(foods: FoodTable, tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataError, match=message) as info:
        foods.with_user_foods(path)
    assert "my_foods.csv" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_each_table_keeps_its_own_derived_state(foods: FoodTable) -> None:
    # The matching index, the id lookup and the prepared portions belong to the table:
    # a table with a user food builds its own (and finds the new food), the bundled
    # one is untouched, and a pickled copy carries the data but none of it.
    import pickle

    from nutrilog.matching import match_foods
    from nutrilog.portions import grams_per_unit

    mine = foods.with_user_foods(
        pd.DataFrame({"name": ["Zorblax crunch bar"], "serving_grams": [45.0]})
    )
    assert mine.built == frozenset()
    matched = match_foods(["zorblax crunch bar"], mine)
    assert matched["food_id"].tolist() == ["user:zorblax-crunch-bar"]
    assert {"matching_index", "id_lookup"} <= mine.built
    assert mine.matching_index is not foods.matching_index
    assert "user:zorblax-crunch-bar" in mine.id_lookup.position
    assert "user:zorblax-crunch-bar" not in foods.id_lookup.position
    assert grams_per_unit("user:zorblax-crunch-bar", "serving", "count", mine)[0] == 45.0
    assert "prepared_portions" in mine.built
    back = pickle.loads(pickle.dumps(mine))
    assert back.built == frozenset()
    assert len(back) == len(mine)
    assert back.get("user:zorblax-crunch-bar")["description"] == "Zorblax crunch bar"
