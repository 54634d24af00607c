"""Classes of diary lines recognition must hold on (issue 12, sixth round).

Written from rules, with lines made up here: a food served ``over`` another, bread
slices named without ``of``, a filling named before its pita, two words USDA writes as
one, a container after the amount that sizes it, drug names of mineral salts dosed in
mEq, recovery and day notes, counts of sausages, a slice of a pie weighed by its piece,
foods USDA lacks by name, and homophones typed for a food word.
"""

from __future__ import annotations

import pytest
from diary import entries_of, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.quantity import parse_quantity
from nutrilog.supplements import detect_supplement

# --------------------------------------------------------------------------- compounds


def test_a_food_served_over_another_is_two_foods(foods: FoodTable) -> None:
    rows = entries_of(["salmon over rice"], foods)
    described = rows["description"].str.lower().tolist()
    assert len(rows) == 2
    assert "salmon" in described[0] and described[1].startswith("rice")


@pytest.mark.parametrize("line", ["2 eggs over easy", "3 eggs over medium"])
def test_eggs_over_easy_stay_one_food(line: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == 1
    assert rows["description"].iloc[0].startswith("Egg")


def test_bread_slices_named_without_of_are_what_a_food_is_served_on(foods: FoodTable) -> None:
    rows = entries_of(["sardines on 2 slices ww toast"], foods)
    assert rows["food_id"].tolist() == ["sr28:15088", "sr28:18076"]
    # SR28 whole-wheat bread, toasted: 1 slice = 25 g
    assert rows["grams"].iloc[1] == pytest.approx(50.0)


def test_a_filling_named_before_its_pita_is_its_own_food(foods: FoodTable) -> None:
    rows = entries_of(["falafel pita"], foods)
    assert sorted(rows["description"]) == ["Bread, pita, white, enriched", "Falafel"]
    assert rows["assumptions"].str.contains("falafel pita → pita with falafel").any()


def test_two_words_usda_writes_as_one_are_read_joined(foods: FoodTable) -> None:
    rows = entries_of(["4 oz grilled mahi mahi"], foods)
    assert rows["food_id"].tolist() == ["sr28:15194"]  # Fish, mahimahi, cooked, dry heat
    assert rows["grams"].iloc[0] == pytest.approx(4 * 28.349523125)


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("line", "food", "quantity"),
    [
        ("powerade 28oz bottle", "powerade", 28.0),
        ("500ml bottle of water", "bottle of water", 500.0),
        ("coke 12 oz can", "coke", 12.0),
        ("water 500ml bottle", "water", 500.0),
    ],
)
def test_a_container_after_a_measured_amount_is_its_size(
    line: str, food: str, quantity: float
) -> None:
    parsed = parse_quantity(line)
    assert (parsed.food, parsed.quantity) == (food, quantity)


def test_a_sized_bottle_keeps_the_brand(foods: FoodTable) -> None:
    rows = entries_of(["powerade 28oz bottle"], foods)
    assert rows["food_id"].tolist() == ["fndds:95320500"]  # Sports drink (Powerade)
    # FNDDS Powerade: 1 fl oz = 31 g
    assert rows["grams"].iloc[0] == pytest.approx(28 * 31.0)


def test_snags_are_barbecue_sausages_and_sausages_are_links(foods: FoodTable) -> None:
    rows = entries_of(["2 snags", "3 sausages"], foods)
    assert rows["food_id"].tolist() == ["fndds:25221400", "fndds:25221400"]  # Sausage, NFS
    # FNDDS: bun-size or griller link 75 g; breakfast size link 20 g (not the 15 g slice)
    assert rows["grams"].tolist() == pytest.approx([150.0, 60.0])


def test_a_slice_of_meat_pie_is_a_piece_of_the_meat_pie(foods: FoodTable) -> None:
    rows = entries_of(["a slice of meat pie"], foods)
    assert rows["food_id"].tolist() == ["fndds:27360050"]  # Meat pie, NFS
    assert rows["grams"].iloc[0] == pytest.approx(119.0)  # piece (1/6 of pie)


# --------------------------------------------------------------------------- supplements


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [
        ("Klor-Con 20 mEq", "potassium_mg", 20 * 39.098),
        ("K-Dur 10 mEq", "potassium_mg", 10 * 39.098),
        ("os-cal 500 mg", "calcium_mg", 500.0),
        ("drisdol 50000 IU", "vitamin_d_ug", 1250.0),
    ],
)
def test_drug_names_of_one_salt_are_that_salt(line: str, column: str, amount: float) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {column: pytest.approx(amount)}


def test_a_drug_name_without_a_dose_is_a_supplement_of_unknown_amount() -> None:
    found = detect_supplement("Klor-Con")
    assert found.kind == "supplement"
    assert found.nutrients == {}


# --------------------------------------------------------------------------- not food


@pytest.mark.parametrize("line", ["foam rolled calves", "desk day, no run", "no run today"])
def test_recovery_and_day_notes_are_no_food(line: str) -> None:
    reasons = rejected_reasons(line)
    assert len(reasons) and reasons.str.startswith("not a food entry").all()


def test_skyr_is_a_food_usda_lacks(foods: FoodTable) -> None:
    rows = entries_of(["1 cup skyr"], foods)
    assert rows["food_id"].isna().all()
    assert rows["assumptions"].str.contains("not in USDA").all()


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("1 cup lactose free milk", "fndds:11114300", 244.0),  # Milk, lactose free, 1%
        ("1 cup tinned spaghetti", "sr28:22914", 238.0),  # Pasta with tomato sauce, no meat
        ("1/2 cup frozen yogurt", "fndds:11459990", 87.5),  # Frozen yogurt, NFS: 1 cup 175 g
        ("1 long black", "sr28:14210", 60.0),  # espresso: the double shot of a long black
    ],
)
def test_named_foods_land_on_the_food_of_that_name(
    line: str, food_id: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]
    assert rows["grams"].iloc[0] == pytest.approx(grams)


def test_a_homophone_typed_for_a_food_word_is_that_word(foods: FoodTable) -> None:
    rows = entries_of(["6 oz sirloin stake"], foods)
    assert rows["food_id"].tolist() == ["sr28:13930"]  # Beef, top sirloin, steak, broiled
    assert rows["assumptions"].iloc[0] == "synonym: stake → steak"


def test_a_word_written_with_ie_for_its_y_is_that_word(foods: FoodTable) -> None:
    rows = entries_of(["1 cup cherrie tomatoes"], foods)
    assert rows["description"].iloc[0].startswith("Tomatoes, red, ripe, raw")
    assert rows["assumptions"].iloc[0] == "spelling: cherrie → cherry"


def test_a_lamington_is_a_food_usda_lacks(foods: FoodTable) -> None:
    rows = entries_of(["1 lamington"], foods)
    assert rows["food_id"].isna().all()
    assert rows["assumptions"].str.contains("not in USDA").all()
