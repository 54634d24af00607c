"""Tests for nutrilog.portions: logged amounts -> grams.

Gram weights are those of USDA SR28 WEIGHT.txt (NDB number and Seq cited per case)
and the FNDDS 2017-2018 portions-and-weights workbook, as bundled in datasets/portions.csv.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import nutrilog.portions.weighing as portions_module
from nutrilog.foods import FoodTable
from nutrilog.portions import (
    GRAMS_COLUMNS,
    NO_QUANTITY,
    Portion,
    amounts,
    grams_for,
    grams_per_unit,
    resolve_grams,
    usable_portions,
)

CUP_ML = 236.5882365  # US customary cup (pint)


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
    # 09003 apple, medium 182 g (eggs are the exception: count_sizes.csv, large)
    assert _grams(foods, 2, None, None, "sr28:09003")["grams"] == pytest.approx(364.0)
    assert _grams(foods, 2, None, None, "sr28:01123")["grams"] == pytest.approx(100.0)
    # no medium portion: the first countable one, 09200 "fruit (2-5/8" dia)" 131 g
    assert _grams(foods, 1, None, None, "sr28:09200")["grams"] == pytest.approx(131.0)
    # FNDDS 63107010 Banana, raw: "1 banana" 126 g
    assert _grams(foods, 1, None, None, "fndds:63107010")["grams"] == pytest.approx(126.0)


def test_medium_falls_back_to_the_count_portion_and_large_scales_it(foods: FoodTable) -> None:
    assert _grams(foods, 1, "medium", "size", "sr28:09200")["grams"] == pytest.approx(131.0)
    # spinach has no large portion: its usual item (1 leaf, 10 g) x 1.5, the median
    # large/medium ratio of USDA's portions, flagged as a size assumption
    row = _grams(foods, 1, "large", "size", "sr28:11457")
    assert row["grams"] == pytest.approx(15.0)
    assert str(row["assumption"]).startswith("size: large = 1.5 x")


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
    # KRAFT FREE Singles: slices only, and no FNDDS twin or neighbour to weigh a cup by
    row = _grams(foods, 1, "cup", "volume", "sr28:01190")
    assert np.isnan(row["grams"])
    assert row["grams_note"] == "no cup weight for this food"


def test_no_volume_portion_takes_the_fndds_neighbours_cup(foods: FoodTable) -> None:
    # SR28 dark chocolate is weighed by oz and bar only; its FNDDS neighbour (chocolate,
    # sweet or dark, 91705300) by the cup: an estimate, flagged, where the cup had no weight
    row = _grams(foods, 1, "cup", "volume", "sr28:19904")
    assert row["grams"] == pytest.approx(158.0)
    assert "FNDDS neighbour fndds:91705300" in row["assumption"]


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
    # a glass given as a count is weighed by the vague-amount table: 8 fl oz of
    # 2% milk, 01079 "fl oz" 30.5 g x 8 = 244 g, flagged as estimated
    glass = _grams(foods, 1, "glass", "count", "sr28:01079")
    assert glass["grams"] == pytest.approx(244.0)
    assert glass["assumption"] == "estimated amount: glass = 244 g (8 fl oz via 1 fl oz)"
    missing = _grams(foods, 1, "fillet", "count", "sr28:09040")
    assert np.isnan(missing["grams"]) and missing["grams_note"] == "no fillet weight for this food"


@pytest.mark.parametrize(
    ("qty", "unit", "kind", "food_id", "note"),
    [
        (1, "handful", "vague", None, "vague amount"),
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
    real = portions_module.grams_for

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(portions_module, "grams_for", counting)
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
    assert out["grams"].iloc[:3].tolist() == pytest.approx([118.0, 100.0, 732.0])  # 2 large eggs


def test_grams_per_unit_example(foods: FoodTable) -> None:
    assert grams_per_unit("sr28:11457", "cup", "volume", foods) == (30.0, "1 cup", "")


# ---------------------------------------------------------------- servings, sizes, odd portions


@pytest.mark.parametrize(
    ("food_id", "grams", "portion_word"),
    [
        # FNDDS 27520300 Ham sandwich, with spread: no serving portion; Quantity not specified 112 g
        ("fndds:27520300", 112.0, "Quantity not specified"),
        # SR28 21138 Fast foods, potato, french fried: "serving small/medium/large" 71/117/154 g
        ("sr28:21138", 117.0, "serving medium"),
        # SR28 08020 Kellogg's Corn Flakes: "cup (1 NLEA serving)" = 28 g
        ("sr28:08020", 28.0, "NLEA serving"),
        # SR28 21107 Fast foods, hamburger: only "1 sandwich" = 78 g, no typical weight
        ("sr28:21107", 78.0, "sandwich"),
    ],
)
def test_serving_falls_back_to_typical_weight_then_one_item(
    foods: FoodTable, food_id: str, grams: float, portion_word: str
) -> None:
    got, portion, note = grams_per_unit(food_id, "serving", "count", foods)
    assert got == pytest.approx(grams)
    assert portion_word in portion
    assert note == ""


def test_serving_never_takes_a_multi_item_portion(foods: FoodTable) -> None:
    # SR28 11403 oven-heated french fries: only "10 fries" (76 g) and a 9 oz package
    got, _, note = grams_per_unit("sr28:11403", "serving", "count", foods)
    assert np.isnan(got)
    assert "serving" in note


def test_size_word_picks_the_order_size(foods: FoodTable) -> None:
    # FNDDS 71401030 Potato, french fries, fast food: small/medium/large order 110/145/180 g
    sizes = {
        s: grams_per_unit("fndds:71401030", s, "size", foods)[0]
        for s in ("small", "medium", "large")
    }
    assert sizes == {"small": 110.0, "medium": 145.0, "large": 180.0}
    # SR28 11403 has only "10 fries": a medium is not one fry (7.6 g) but its usual
    # serving, the default portion (FNDDS twin 71401020, 110 g), which the matcher takes
    # only when no alternate food weighs a medium of its own
    got, portion, _ = grams_per_unit("sr28:11403", "medium", "size", foods)
    default = grams_per_unit("sr28:11403", None, "default", foods)[0]
    assert got == pytest.approx(default) and "default portion" in portion
    # ... while a bare count still counts fries: 76 g / 10
    assert grams_per_unit("sr28:11403", None, None, foods)[0] == pytest.approx(7.6)


def test_slice_prefers_the_regular_slice_over_partial_ones(foods: FoodTable) -> None:
    # FNDDS 51101010 Bread, white, toasted: "medium or regular slice" 25 g,
    # "slice, crust not eaten" 12 g, "slice, snack-size" 9 g
    got, portion, _ = grams_per_unit("fndds:51101010", "slice", "count", foods)
    assert (got, portion) == (25.0, "1 medium or regular slice")


def test_cup_is_not_packed_unless_the_text_says_so(foods: FoodTable) -> None:
    # SR28 09298 Raisins, seedless: "cup, packed" 165 g, "cup (not packed)" 145 g
    assert grams_per_unit("sr28:09298", "cup", "volume", foods)[0] == 145.0
    assert grams_per_unit("sr28:09298", "cup", "volume", foods, "packed raisins")[0] == 165.0


def test_cherry_tomatoes_use_their_own_cup(foods: FoodTable) -> None:
    # SR28 11529 Tomatoes, red, ripe, raw: "cup cherry tomatoes" 149 g, "cup, chopped or sliced" 180 g
    assert grams_per_unit("sr28:11529", "cup", "volume", foods, "cherry tomatoes")[0] == 149.0
    assert grams_per_unit("sr28:11529", "cup", "volume", foods, "tomato")[0] == 180.0


def test_kept_answers_agree_with_a_new_table(foods: FoodTable) -> None:
    # Answers are kept per food table and (food, unit, kind, modifiers named): asking
    # again, in any order, or of a new table built from the same frames gives the same.
    asks = [
        ("sr28:12061", "cup", "volume", "almonds"),  # cup, whole 143 g
        ("sr28:12061", "cup", "volume", "sliced almonds"),  # cup, sliced 92 g
        ("sr28:12061", "tbsp", "volume", "sliced almonds"),
        ("sr28:09298", "cup", "volume", "packed raisins"),
        ("fndds:71401030", "medium", "size", ""),
        ("sr28:21138", "serving", "count", ""),
        ("sr28:01079", "glass", "count", ""),
        ("sr28:01123", None, None, "eggs"),
    ]
    first = [grams_per_unit(f, u, k, foods, t) for f, u, k, t in asks]
    again = [grams_per_unit(f, u, k, foods, t) for f, u, k, t in reversed(asks)][::-1]
    table = FoodTable(foods.foods, foods.nutrients, foods.portion_table)
    fresh = [grams_per_unit(f, u, k, table, t) for f, u, k, t in asks]
    assert first == again == fresh
    assert [g for g, _, _ in first[:2]] == [143.0, 92.0]


def test_each_table_has_its_own_portions(foods: FoodTable) -> None:
    mine = foods.with_user_foods(pd.DataFrame({"name": ["Protein bar"], "serving_grams": [50]}))
    assert grams_per_unit("user:protein-bar", "serving", "count", mine) == (
        50.0,
        "1 serving (1 serving)",
        "",
    )
    assert grams_per_unit("user:protein-bar", "serving", "count", foods)[2] == (
        "unknown food id 'user:protein-bar'"
    )


# ---------------------------------------------------------------- measures named by the food


def test_a_size_with_inches_finds_the_portion_of_that_size(foods: FoodTable) -> None:
    # SR28 11205 Cucumber, with peel, raw: no "large" portion, but "cucumber (8-1/4")"
    # 301 g is the size Cronometer calls 'large - 8 1/4" long'
    grams, portion, _ = grams_per_unit("sr28:11205", "large", "size", foods, 'cucumber 8 1/4" long')
    assert (grams, portion) == (301.0, '1 cucumber (8-1/4")')
    # no inches written: the usual cucumber scaled by the large/medium ratio, flagged
    grams, portion, _ = grams_per_unit("sr28:11205", "large", "size", foods)
    assert grams == pytest.approx(1.5 * 301.0) and portion.endswith("x 1.5")


def test_inches_choose_among_portions_of_a_named_measure(foods: FoodTable) -> None:
    # FNDDS 58106220 cheese pizza: "small pizza (8-10" diameter)" 353 g; the Cronometer
    # measure 'pizza 8" diameter' is outside the alias table (kind None)
    assert grams_per_unit("fndds:58106220", "pizza", None, foods, 'pizza 8" diameter')[0] == 353.0


@pytest.mark.parametrize(
    ("food_id", "unit", "grams", "assumption"),
    [
        ("sr28:09195", "olive", 2.7, ""),  # Olives, pickled, green: "olive" 2.7 g
        ("sr28:09193", "olive", 4.4, "noun unit: olive = 4.4 g (1 large)"),  # ripe: items
        ("sr28:09421", "date", 24.0, ""),  # Medjool: "date, pitted" 24 g
        ("sr28:01035", "cubic inch", 17.0, ""),  # provolone: "cubic inch" 17 g
    ],
)
def test_measures_outside_the_alias_table(
    foods: FoodTable, food_id: str, unit: str, grams: float, assumption: str
) -> None:
    row = _grams(foods, 6, unit, None, food_id)
    assert row["grams"] == pytest.approx(6 * grams)
    assert row["assumption"] == assumption


def test_an_unknown_measure_stays_unknown(foods: FoodTable) -> None:
    row = _grams(foods, 1, "burger", None, "sr28:09195")
    assert np.isnan(row["grams"]) and row["grams_note"] == "unknown unit 'burger'"


def test_a_rasher_is_a_slice(foods: FoodTable) -> None:
    # SR28 10862 bacon, pan-fried: "slice" 11.5 g
    assert _grams(foods, 2, "rasher", "count", "sr28:10862")["grams"] == pytest.approx(23.0)


# ----------------------------------------------------------------------------- one key


def test_grams_for_is_the_rule_of_one_key(foods: FoodTable) -> None:
    # SR28 WEIGHT.txt 11457 (spinach, raw) Seq 1: 1 cup = 30 g
    found = grams_for("sr28:11457", "cup", "volume", foods)
    assert found == Portion(30.0, "1 cup", "", "")
    assert grams_per_unit("sr28:11457", "cup", "volume", foods) == (30.0, "1 cup", "")


def test_grams_for_weighs_plain_water_through_pints_water_context(foods: FoodTable) -> None:
    cup = grams_for(None, "cup", "volume", foods, water=True)
    assert cup.grams == pytest.approx(CUP_ML)  # 1 ml of water weighs 1 g
    assert cup.note == ""
    assert grams_for(None, "l", "volume", foods, water=True).grams == pytest.approx(1000.0)
    # without the water flag an unmatched volume has no weight, and says why
    assert np.isnan(grams_for(None, "cup", "volume", foods).grams)
    assert grams_for(None, "cup", "volume", foods).note == "no food matched"
    # a count of water has no weight either way
    assert np.isnan(grams_for(None, "bottle", "count", foods, water=True).grams)


def test_grams_for_takes_the_users_weight_except_for_a_mass(foods: FoodTable) -> None:
    scoop = grams_for("sr28:11457", "scoop", "count", foods, given=31.0)
    assert scoop.grams == 31.0 and scoop.portion == "31 g per scoop (your aliases file)"
    assert (
        grams_for(None, None, None, foods, given=12.5).portion
        == "12.5 g per entry (your aliases file)"
    )
    assert grams_for("sr28:11457", "oz", "mass", foods, given=31.0).grams == pytest.approx(
        28.349523125
    )


def test_resolve_grams_is_grams_for_times_each_amount(foods: FoodTable) -> None:
    qty = [2.0, 0.5, np.nan, np.nan, 3.0]
    unit = ["cup", "cup", "handful", "cup", "l"]
    kind = ["volume", "volume", "vague", "volume", "volume"]
    ids = ["sr28:11457", "sr28:11457", "sr28:09040", "sr28:11457", None]
    out = resolve_grams(qty, unit, kind, ids, foods, water=[False] * 4 + [True])
    one = [
        grams_for(i, u, k, foods, water=w).grams
        for i, u, k, w in zip(ids, unit, kind, [False] * 4 + [True], strict=True)
    ]
    assert out["grams"].iloc[:2].tolist() == [2 * one[0], 0.5 * one[1]]
    assert out["grams"].iloc[2] == pytest.approx(one[2])  # "a handful" without a number is one
    assert np.isnan(out["grams"].iloc[3]) and out["grams_note"].iloc[3] == NO_QUANTITY
    assert out["grams"].iloc[4] == pytest.approx(3000.0)
    assert amounts(np.array([np.nan]), np.array([True])).tolist() == [1.0]


def test_a_cup_with_no_form_named_is_a_cup_of_whole_items(foods: FoodTable) -> None:
    # SR28 11300 edible-podded peas: cup, chopped 98 g; cup, whole 63 g
    assert _grams(foods, 1, "cup", "volume", "sr28:11300", "snow peas")["grams"] == 63.0
    assert _grams(foods, 1, "cup", "volume", "sr28:11300", "chopped snow peas")["grams"] == 98.0
    # SR28 12120 hazelnuts: cup, whole 135 g; cup, chopped 115 g
    assert _grams(foods, 2, "cup", "volume", "sr28:12120", "hazelnuts")["grams"] == 270.0


def test_sliced_finds_a_pieces_or_slices_portion(foods: FoodTable) -> None:
    # SR28 11260 white mushrooms: cup, pieces or slices 70 g; cup, whole 96 g
    assert _grams(foods, 1, "cup", "volume", "sr28:11260", "sliced mushrooms")["grams"] == 70.0
    assert _grams(foods, 1, "cup", "volume", "sr28:11260", "mushrooms")["grams"] == 96.0


def test_usable_portions_are_household_measures(foods: FoodTable) -> None:
    # FNDDS 11210050 evaporated milk: cup 252 g and fl oz 31.5 g are measures; its
    # "Quantity not specified" variants and "Guideline amount per fl oz" are not
    rows = usable_portions(foods.portions("fndds:11210050"))
    assert rows["description"].tolist() == ["cup", "fl oz"]
    assert rows["grams"].tolist() == [252.0, 31.5]


def test_a_cup_of_cream_is_the_fluid_cup_not_the_whipped_one(foods: FoodTable) -> None:
    # SR28 01053 heavy whipping cream: WEIGHT "1 cup, whipped" 120 g, "1 cup, fluid
    # (yields 2 cups whipped)" 238 g, "1 fl oz" 29.8 g
    row = _grams(foods, 1, "cup", "volume", "sr28:01053", "heavy cream")
    assert row["grams"] == pytest.approx(238.0)
    assert "fluid" in row["portion"]


def test_millilitres_take_the_fluid_ounce_row(foods: FoodTable) -> None:
    # 50 ml = 50 / 29.5735 fl oz of a food weighing 29.8 g per fl oz
    row = _grams(foods, 50, "ml", "volume", "sr28:01053", "double cream")
    assert row["grams"] == pytest.approx(50 / 29.5735295625 * 29.8)
    assert row["portion"] == "1 fl oz"
