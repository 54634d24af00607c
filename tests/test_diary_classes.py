"""Classes of diary lines recognition must hold on (issue 12, third round).

Written from rules, with lines made up here: doses listed together after the names
(``500mg/400IU``), supplements whose name holds a number (``omega 3``) or that bring
no tracked nutrient, notes about the diary itself, baths and sprays used on the skin,
glasses of wine, inch sizes of subs and pizzas, vague counts, and foods USDA lacks.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from diary import entries_of

import nutrilog as nl
from nutrilog.foods import FoodTable
from nutrilog.supplements import detect_supplement


def _one(line: str, foods: FoodTable) -> pd.Series:
    rows = entries_of([line], foods)
    assert len(rows) == 1, rows
    return rows.iloc[0]


# --------------------------------------------------------------------------- supplements


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # the n-th dose is the n-th nutrient named, as labels list them
        ("magnesium + B12 250mg/500mcg", {"magnesium_mg": 250.0, "vitamin_b12_ug": 500.0}),
        ("vit D / calcium 800 IU / 600 mg", {"vitamin_d_ug": 20.0, "calcium_mg": 600.0}),
        # an untracked supplement keeps its place in the list
        ("zinc/calcium 25mg/300mg", {"calcium_mg": 300.0}),
    ],
)
def test_slash_joined_doses_go_to_their_nutrients_in_order(line: str, want: dict) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients == pytest.approx(want)


@pytest.mark.parametrize(
    "line",
    ["omega 3 1200mg", "omega-6 2 softgels", "collagen 12g", "krill oil 500 mg", "glutamine 5 g"],
)
def test_supplements_without_a_tracked_nutrient_are_supplements_not_foods(line, foods) -> None:
    row = _one(line, foods)
    assert row["kind"] == "supplement"
    assert pd.isna(row["food_id"])
    assert all(pd.isna(row[c]) for c in ("magnesium_mg", "calcium_mg", "vitamin_d_ug"))


def test_omega_3_eggs_stay_food() -> None:
    assert detect_supplement("2 omega 3 eggs").kind == "food"


# --------------------------------------------------------------------------- not food


@pytest.mark.parametrize(
    "line",
    [
        "forgot to log dinner",
        "didn't track today",
        "did not log snacks",
        "wasn't tracking this weekend",
        "epsom salt soak 20 min",
        "2 cups epsom salts in the bath",
        "magnesium spray 300mg",
        "magnesium oil on calves",
    ],
)
def test_diary_notes_and_skin_uses_are_not_food(line, foods) -> None:
    rows = entries_of([line], foods)
    assert rows.empty or not (
        rows["food_id"].notna().any() or rows["kind"].isin(["food", "supplement"]).any()
    ), rows[["kind", "food_id"]]


def test_an_oral_magnesium_line_is_still_a_supplement(foods) -> None:
    row = _one("magnesium citrate 150 mg", foods)
    assert row["kind"] == "supplement"
    assert math.isclose(float(row["magnesium_mg"]), 150.0)


# --------------------------------------------------------------------------- glasses


def test_a_glass_of_wine_without_a_glass_portion_is_a_five_ounce_pour(foods) -> None:
    # SR28 14253 wine, rose has only 'fl oz' = 30.3 g: 5 fl oz, not an 8 fl oz glass
    row = _one("3 glasses of rose wine", foods)
    assert "wine" in str(row["description"]).lower()
    assert float(row["grams"]) == pytest.approx(3 * 5 * 30.3, rel=0.02)


def test_a_glass_of_spirits_is_a_jigger_and_of_beer_twelve_ounces(foods) -> None:
    # FNDDS 93505000 Vodka 'shot' 42 g; beer at 12 fl oz (SR28 14003 fl oz = 29.7 g)
    assert float(_one("a glass of vodka", foods)["grams"]) == pytest.approx(42.0, rel=0.1)
    beer = _one("a glass of beer", foods)
    assert float(beer["grams"]) == pytest.approx(12 * 29.7, rel=0.05)


def test_a_glass_of_juice_stays_eight_ounces(foods) -> None:
    row = _one("a glass of apple juice", foods)
    assert 230.0 <= float(row["grams"]) <= 260.0


# --------------------------------------------------------------------------- inch sizes


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # SR28 21207 SUBWAY turkey breast sub: 6 inch sub 184 g, 12 inch sub 367 g
        ('subway turkey breast sub 6"', 184.0),
        ("subway turkey breast sub 12 inch", 367.0),
    ],
)
def test_an_inch_size_after_the_food_is_its_length_not_a_count(line, grams, foods) -> None:
    row = _one(line, foods)
    assert str(row["food_id"]) == "sr28:21207"
    assert float(row["grams"]) == pytest.approx(grams)


# --------------------------------------------------------------------------- foods USDA lacks


@pytest.mark.parametrize("line", ["3 tbsp golden syrup", "clotted cream", "jaggery 20g"])
def test_a_food_usda_lacks_stays_unmatched(line, foods) -> None:
    row = _one(line, foods)
    assert row["kind"] == "food"
    assert pd.isna(row["food_id"])


def test_its_usda_neighbours_still_match(foods) -> None:
    assert str(_one("2 tbsp light corn syrup", foods)["food_id"]) == "sr28:19350"
    assert "heavy" in str(_one("heavy cream 2 tbsp", foods)["description"]).lower()


def test_every_food_usda_lacks_has_a_reason_and_no_alias() -> None:
    import csv

    from nutrilog import dataset_path
    from nutrilog.matching.aliases import curated_aliases, foods_not_in_usda

    with dataset_path("foods_not_in_usda.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["reason"].startswith("not in USDA tables") for r in rows)
    assert not set(foods_not_in_usda()) & set(curated_aliases())


# --------------------------------------------------------------------------- vague counts


@pytest.mark.parametrize(
    ("line", "count", "unit"),
    [
        ("a few slices of salami", 3.0, "slice"),
        ("few tbsp of peanut butter", 3.0, "tbsp"),
        ("several cups of green tea", 4.0, "cup"),
    ],
)
def test_a_vague_count_before_a_unit_is_that_many_units(line, count, unit, foods) -> None:
    from nutrilog.quantity import parse_quantity

    parsed = parse_quantity(line)
    assert (parsed.quantity, parsed.unit) == (count, unit)
    row = _one(line, foods)
    one = _one(f"1 {unit} {parsed.food}", foods)
    assert float(row["grams"]) == pytest.approx(count * float(one["grams"]))


def test_a_vague_count_before_a_food_alone_counts_its_items(foods) -> None:
    # a few of a food counted in items are three of them, several four ...
    few, one = _one("a few egg rolls", foods), _one("1 egg roll", foods)
    assert float(few["grams"]) == pytest.approx(3 * float(one["grams"]))
    several = _one("several pierogi", foods)
    assert float(several["grams"]) == pytest.approx(4 * float(_one("1 pierogi", foods)["grams"]))
    assert "few = 3 x" in str(few["assumptions"])


def test_a_few_small_items_are_the_usual_serving(foods) -> None:
    # ... unless three of them weigh under half the food's usual serving: "a few
    # radishes" is a small handful, the serving (FNDDS radishes, Quantity not specified)
    few, usual = _one("a few radishes", foods), _one("radishes", foods)
    assert float(few["grams"]) == pytest.approx(float(usual["grams"]))
    assert float(few["grams"]) > 3 * float(_one("1 radish", foods)["grams"])
    assert "small items" in str(few["assumptions"])


def test_a_vague_count_of_a_food_not_counted_in_items_is_its_usual_serving(foods) -> None:
    # ... and of a food not counted in items, its usual serving (no item to count)
    few, usual = _one("a few tortilla chips", foods), _one("tortilla chips", foods)
    assert float(few["grams"]) == pytest.approx(float(usual["grams"]))


# --------------------------------------------------------------------------- chain dishes


@pytest.mark.parametrize(
    ("line", "chain"),
    [
        ("3 slices papa johns pepperoni", "PAPA JOHN'S"),
        ("pizza hut cheese, 2 slices", "PIZZA HUT"),
    ],
)
def test_a_pizza_chain_named_with_a_topping_is_its_pizza(line, chain, foods) -> None:
    row = _one(line, foods)
    description = str(row["description"])
    assert description.startswith(chain) and "Pizza" in description
    assert float(row["grams"]) > 150.0  # slices of a pizza, not slices of pepperoni


def test_a_chain_item_that_is_not_its_dish_stays_that_item(foods) -> None:
    assert "breadstick" in str(_one("pizza hut breadsticks", foods)["description"]).lower()
    assert "Pepperoni, beef" in str(_one("4 slices pepperoni", foods)["description"])


# --------------------------------------------------------------------------- cuts


@pytest.mark.parametrize("line", ["8 oz grilled steak", "roast lamb 150g", "2 slices roast beef"])
def test_meat_named_without_a_cut_or_fat_is_the_fndds_generic_food(line, foods) -> None:
    row = _one(line, foods)
    assert "NS as to fat eaten" in str(row["description"])


def test_a_named_cut_keeps_its_sr28_cut(foods) -> None:
    row = _one("8 oz ribeye", foods)
    assert "rib eye" in str(row["description"]).lower()


def test_a_chain_whose_name_holds_its_dish_is_read_once(foods) -> None:
    # "pizza hut" holds the word pizza: the dish is added once, never again and again
    row = _one("pizza hut pepperoni pizza 2 slices", foods)
    assert str(row["description"]).startswith("PIZZA HUT")


def test_cocktail_bitters_are_not_the_beer_called_bitter() -> None:

    result = nl.analyze(
        nl.parse_entries(["angostura bitters 3 dashes", "a pint of best bitter"]),
        nl.Profile(age=40, sex="male"),
    )
    ids = result.entries.set_index("text")["food_id"]
    assert ids.isna()["angostura bitters 3 dashes"]
    assert str(ids["a pint of best bitter"]).startswith(("sr28:14", "fndds:93"))
