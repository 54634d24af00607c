"""Chains before a dish, pieces of strips, and diary names of brand items (issue 12).

Written from rules, with lines made up here: a restaurant chain named before a
breakfast sandwich is where it came from, so the sandwich stays one dish (a packaged
brand before ``with`` still makes two foods); a piece of a food USDA weighs by the
strip is a strip; a slice in Quebec French; and diary names of chain and packaged
items pointing at the food a dietitian would choose.
"""

from __future__ import annotations

import pytest
from diary import entries_of

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # FNDDS 32202010 Egg, cheese, and ham on English muffin
        ("dunkin ham egg & cheese english muffin", "fndds:32202010"),
        # FNDDS 32202080 Egg, cheese, and bacon on English muffin
        ("dunkin bacon, egg & cheese english muffin", "fndds:32202080"),
    ],
)
def test_a_chain_before_a_breakfast_sandwich_keeps_it_one_dish(
    line: str, food_id: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]


def test_a_packaged_brand_with_milk_is_still_two_foods(foods: FoodTable) -> None:
    rows = entries_of(["cheerios with milk"], foods)
    assert len(rows) == 2


def test_pieces_of_a_food_weighed_by_the_strip_are_strips(foods: FoodTable) -> None:
    # SR28 21418 POPEYES, Spicy Chicken Strips: 1 strip = 53 g
    rows = entries_of(["popeyes spicy tenders 4pc"], foods)
    assert rows["food_id"].tolist() == ["sr28:21418"]
    assert rows["grams"].iloc[0] == pytest.approx(212.0)


def test_a_pointe_is_a_slice(foods: FoodTable) -> None:
    rows = entries_of(["tourtière, 2 pointes"], foods)
    assert rows["food_id"].tolist() == ["fndds:27360050"]  # Meat pie, NFS
    assert rows["unit"].tolist() == ["slice"]


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        ("1 michelob ultra", "fndds:93102100"),  # Beer, low carb
        ("cheez-it 1 oz", "fndds:54304005"),  # Crackers, cheese (Cheez-It)
        ("3 pc tuna nigiri", "fndds:58151440"),  # Sushi, topped with tuna
        ("pad see ew", "fndds:58135110"),  # Chow fun noodles with meat and vegetables
        ("belvita 1 pack", "fndds:54103000"),  # Crackers, breakfast biscuit
        ("1 cup mac n chz", "fndds:58145110"),  # Macaroni or noodles with cheese
        ("1 glazed cruller", "sr28:18253"),  # Doughnuts, french crullers, glazed
    ],
)
def test_diary_names_of_brand_and_chain_items(line: str, food_id: str, foods: FoodTable) -> None:
    assert entries_of([line], foods)["food_id"].tolist() == [food_id]


# --------------------------------------------------------------------------- amounts


def test_a_drinks_amount_after_what_it_is_served_with_is_the_drinks(foods: FoodTable) -> None:
    # SR28 14355 brewed tea: 29.6 g per fl oz; the milk keeps an addition's amount
    rows = entries_of(["black tea with milk 12 oz"], foods)
    assert len(rows) == 2
    assert rows["grams"].iloc[0] == pytest.approx(355.2, rel=0.02)
    assert rows["grams"].iloc[1] < 60


def test_a_drinks_amount_after_its_garnish_is_the_drinks(foods: FoodTable) -> None:
    # the water's 500 ml, not the lemon's; the lemon is a garnish, left out and said
    rows = entries_of(["sparkling water w lemon 500ml"], foods)
    assert len(rows) == 1
    assert rows["grams"].iloc[0] == pytest.approx(500.0, rel=0.02)
    assert "a garnish" in rows["assumptions"].iloc[0]


def test_a_small_weight_after_an_addition_stays_the_additions(foods: FoodTable) -> None:
    # "4 oz" is a portion of chicken as much as of a salad: not moved
    rows = entries_of(["greens with grilled chicken 4 oz"], foods)
    assert rows["grams"].notna().all()
    assert rows["grams"].iloc[-1] == pytest.approx(113.4, rel=0.01)


@pytest.mark.parametrize(
    ("line", "grams"),
    [("1 punnet strawberries", 250.0), ("half a punnet of raspberries", 62.5)],
)
def test_a_punnet_is_the_berry_basket(line: str, grams: float, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert rows["grams"].iloc[0] == pytest.approx(grams)
    assert "estimated amount" in rows["assumptions"].iloc[0]


def test_a_bowl_of_dry_oats_is_the_oats_of_one_bowl_of_porridge(foods: FoodTable) -> None:
    rows = entries_of(["a bowl of rolled oats"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(40.0)


@pytest.mark.parametrize("line", ["250ml aldi semi-skimmed", "sainsburys semi skimmed"])
def test_a_shops_own_product_is_the_everyday_food(line: str, foods: FoodTable) -> None:
    # SR28 01079 Milk, reduced fat, fluid, 2% (UK semi-skimmed is 1.7% fat: the nearest)
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == ["sr28:01079"]
    assert "brand" in rows["assumptions"].iloc[0]


def test_slices_shorthand(foods: FoodTable) -> None:
    # SR28 18023 cornbread from dry mix: 1 piece = 60 g
    rows = entries_of(["2 slcs cornbread"], foods)
    assert rows["unit"].tolist() == ["slice"]


# --------------------------------------------------------------------------- drinks


def test_a_fountain_drink_size_is_the_surveys_cup_beside_its_ice(foods: FoodTable) -> None:
    # SR28 14148 cola: drink, large (32 fl oz) = 984 g, the cup full of cola; its FNDDS
    # twin 92411520 weighs a large drink beside its ice at 744 g
    rows = entries_of(["large coke"], foods)
    assert rows["grams"].iloc[0] == pytest.approx(744.0)


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("3 cokes", 3 * 370.0),  # SR28 14148: can or bottle (12 fl oz) = 370 g
        ("2 iced teas", 2 * 360.0),  # FNDDS 92308020: Quantity not specified = 360 g
    ],
)
def test_a_count_of_drinks_is_cans_or_usual_drinks_not_cups(
    line: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["grams"].iloc[0] == pytest.approx(grams)


# --------------------------------------------------------------------------- named lists


@pytest.mark.parametrize(
    ("line", "foods_listed"),
    [
        ("mixed grill - 6oz lamb chop, 2 sausages, grilled tomato", 3),
        ("farmer's breakfast: 2 poached eggs, 1 slice rye toast", 2),
        ("trail snack (1/4 cup almonds, 2 tbsp raisins)", 2),
    ],
)
def test_a_name_before_a_list_with_amounts_is_no_food(
    line: str, foods_listed: int, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert len(rows) == foods_listed
    assert rows["food_id"].notna().all()


def test_a_name_before_its_own_amount_keeps_its_food(foods: FoodTable) -> None:
    # "1 cup" names no food: it is the pasta's amount, not a list under a name
    rows = entries_of(["pasta - 1 cup, 2 tbsp parmesan"], foods)
    assert rows["food"].str.contains("pasta").any()


def test_a_count_said_at_the_end_counts_the_first_food(foods: FoodTable) -> None:
    # SR28 01129 Egg, whole, cooked, hard-boiled: 1 large = 50 g; the eggs are not a
    # third food
    rows = entries_of(["hard boiled eggs with toast, 3 eggs"], foods)
    assert len(rows) == 2
    assert rows["grams"].iloc[0] == pytest.approx(150.0)


def test_a_dish_found_by_a_near_name_must_hold_every_word(foods: FoodTable) -> None:
    # custard-apple (a fruit) holds "apple" and "custard" but no crumble: the line is
    # an apple crumble (FNDDS 53415100 apple crisp) and custard (FNDDS 13210300)
    rows = entries_of(["apple crumble and custard"], foods)
    assert rows["food_id"].tolist() == ["fndds:53415100", "fndds:13210300"]


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("2 slices gouda", 42.0),  # SR28 gouda has no slice: the FNDDS 3/4 oz slice, 21 g
        ("a slice of flan", 130.0),  # FNDDS 13210350 Flan: Quantity not specified 130 g
    ],
)
def test_a_slice_of_a_food_usda_weighs_by_no_slice(
    line: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["grams"].iloc[0] == pytest.approx(grams)
    assert "estimated amount" in rows["assumptions"].iloc[0]


def test_a_cheese_usda_slices_keeps_its_slice(foods: FoodTable) -> None:
    # SR28 01009 Cheese, cheddar: 1 slice (1 oz) = 28 g
    assert entries_of(["2 slices cheddar"], foods)["grams"].iloc[0] == pytest.approx(56.0)
