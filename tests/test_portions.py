"""Tests for nutrilog.portions: logged amounts -> grams.

Gram weights are those of USDA SR28 WEIGHT.txt (NDB number and Seq cited per case)
and the FNDDS 2017-2018 portions-and-weights workbook, as bundled in datasets/portions.csv.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import nutrilog.portions as portions_module
from nutrilog.foods import FoodTable, load_foods
from nutrilog.portions import GRAMS_COLUMNS, grams_per_unit, resolve_grams

CUP_ML = 236.5882365  # US customary cup (pint)


@pytest.fixture(scope="module")
def foods() -> FoodTable:
    return load_foods()


def _grams(
    foods: FoodTable,
    qty: float,
    unit: str | None,
    kind: str | None,
    food_id: str | None,
    text: str = "",
) -> pd.Series:
    return resolve_grams([qty], [unit], [kind], [food_id], foods, food_text=[text]).iloc[0]


def test_mass_needs_no_food(foods: FoodTable) -> None:
    row = _grams(foods, 4, "oz", "mass", None)
    assert row["grams"] == pytest.approx(4 * 28.349523125)
    assert row["portion"] == "mass"
    assert row["grams_note"] == ""


def test_size_word_uses_the_food_portion(foods: FoodTable) -> None:
    row = _grams(foods, 1, "medium", "size", "sr28:09040")  # WEIGHT 09040 seq 5: medium 118 g
    assert row["grams"] == pytest.approx(118.0)
    assert row["portion"].startswith('1 medium (7" to 7-7/8" long)')
    assert _grams(foods, 2, "large", "size", "sr28:01123")["grams"] == pytest.approx(
        100.0
    )  # 01123 large 50 g


def test_bare_count_prefers_medium(foods: FoodTable) -> None:
    assert _grams(foods, 2, None, None, "sr28:01123")["grams"] == pytest.approx(
        88.0
    )  # 01123 medium 44 g
    # no medium portion: the first countable one, 09200 "fruit (2-5/8" dia)" 131 g
    assert _grams(foods, 1, None, None, "sr28:09200")["grams"] == pytest.approx(131.0)
    # FNDDS 63107010 Banana, raw: "1 banana" 126 g
    assert _grams(foods, 1, None, None, "fndds:63107010")["grams"] == pytest.approx(126.0)


def test_medium_falls_back_to_the_count_portion_but_large_does_not(foods: FoodTable) -> None:
    assert _grams(foods, 1, "medium", "size", "sr28:09200")["grams"] == pytest.approx(131.0)
    row = _grams(foods, 1, "large", "size", "sr28:11457")  # spinach: no large portion
    assert np.isnan(row["grams"])
    assert row["grams_note"] == "no large weight for this food"


def test_volume_scales_the_foods_own_portion(foods: FoodTable) -> None:
    # 11457 Spinach, raw: 1 cup = 30 g, so 1 tbsp = 30/16 g
    assert _grams(foods, 1, "tbsp", "volume", "sr28:11457")["grams"] == pytest.approx(30 / 16)
    # 01079 2% milk: 1 cup = 244 g; 500 ml = 500/236.59 cup
    assert _grams(foods, 500, "ml", "volume", "sr28:01079")["grams"] == pytest.approx(
        244 * 500 / CUP_ML
    )
    # 14411 tap water has fl oz (29.6 g) but no cup portion: 1 cup = 8 fl oz
    row = _grams(foods, 1, "cup", "volume", "sr28:14411")
    assert row["grams"] == pytest.approx(8 * 29.6)
    assert row["portion"] == "1 fl oz"


def test_modifier_in_the_text_picks_the_portion(foods: FoodTable) -> None:
    # 12061 Nuts, almonds: cup, whole 143 g; cup, sliced 92 g
    assert _grams(foods, 1, "cup", "volume", "sr28:12061")["grams"] == pytest.approx(143.0)
    assert _grams(foods, 1, "cup", "volume", "sr28:12061", "sliced almonds")[
        "grams"
    ] == pytest.approx(92.0)


def test_volume_inside_a_serving_description(foods: FoodTable) -> None:
    # 19095 Ice creams, vanilla: only "serving 1/2 cup" = 66 g
    assert _grams(foods, 1, "cup", "volume", "sr28:19095")["grams"] == pytest.approx(132.0)


def test_no_volume_portion_means_nan_with_a_reason(foods: FoodTable) -> None:
    row = _grams(foods, 1, "cup", "volume", "sr28:19904")  # dark chocolate: oz and bar only
    assert np.isnan(row["grams"])
    assert row["grams_note"] == "no cup weight for this food"


def test_count_units(foods: FoodTable) -> None:
    assert _grams(foods, 2, "slice", "count", "sr28:18069")["grams"] == pytest.approx(
        58.0
    )  # 18069 slice 29 g
    assert _grams(foods, 1, "fillet", "count", "sr28:15237")["grams"] == pytest.approx(
        356.0
    )  # 0.5 fillet 178 g
    assert _grams(foods, 1, "can", "count", "sr28:15121")["grams"] == pytest.approx(
        165.0
    )  # 15121 can 165 g
    # FNDDS pizza weighs "piece, NFS" (119 g): a slice is a piece
    assert _grams(foods, 1, "slice", "count", "fndds:58106210")["grams"] == pytest.approx(119.0)
    glass = _grams(foods, 1, "glass", "count", "sr28:01079")
    assert glass["grams"] == pytest.approx(244.0)
    assert "glass taken as 1 cup" in glass["portion"]
    missing = _grams(foods, 1, "scoop", "count", "sr28:09040")
    assert np.isnan(missing["grams"]) and missing["grams_note"] == "no scoop weight for this food"


@pytest.mark.parametrize(
    ("qty", "unit", "kind", "food_id", "note"),
    [
        (1, "handful", "vague", "sr28:12061", "vague amount"),
        (400, "IU", "activity", "sr28:09040", "activity units (IU) are not a food amount"),
        (1, "cup", "volume", None, "no food matched"),
        (np.nan, "cup", "volume", "sr28:01079", "no quantity"),
        (1, "cup", "volume", "sr28:00000", "unknown food id 'sr28:00000'"),
        (1, "furlong", None, "sr28:09040", "unknown unit 'furlong'"),
    ],
)
def test_unknown_grams_are_nan_and_explained(
    foods: FoodTable, qty: float, unit: str, kind: str | None, food_id: str | None, note: str
) -> None:
    row = _grams(foods, qty, unit, kind, food_id)
    assert np.isnan(row["grams"])
    assert row["grams_note"] == note


def test_vectorised_on_unique_pairs(foods: FoodTable, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[object, ...]] = []
    real = portions_module.grams_per_unit

    def counting(*args: object) -> tuple[float, str, str]:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(portions_module, "grams_per_unit", counting)
    n = 3000
    index = pd.RangeIndex(100, 100 + n)
    qty = pd.Series(np.tile([1.0, 2.0, 3.0], n // 3), index=index)
    unit = pd.Series(["medium", None, "cup"] * (n // 3), index=index)
    kind = pd.Series(["size", None, "volume"] * (n // 3), index=index)
    food = pd.Series(["sr28:09040", "sr28:01123", "sr28:01079"] * (n // 3), index=index)
    out = resolve_grams(qty, unit, kind, food, foods)
    assert len(calls) == 3
    assert list(out.columns) == GRAMS_COLUMNS
    assert out.index.equals(index)
    assert out["grams"].iloc[:3].tolist() == pytest.approx([118.0, 88.0, 732.0])


def test_grams_per_unit_example(foods: FoodTable) -> None:
    assert grams_per_unit("sr28:11457", "cup", "volume", foods) == (30.0, "1 cup", "")
