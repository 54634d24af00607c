"""Labels, cuts and toppings (issue 12): a bracketed label opening with a time of day
and a numbered meal-prep label are no food, a cut (cubes) never changes the food, two
foods joined by ``+`` or ``and`` stay two when USDA names one after the other (pancake
syrup), and a cooking style never makes a line a note of the day. Lines made up here;
weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 banana, medium 118 g
        ("[6am pre-shift] 1 banana", "sr28:09040", 118.0),
        # SR28 baked butternut squash, 1 cup cubes 205 g
        ("meal prep #3: 1 cup cubed butternut squash", "sr28:11486", 205.0),
        # SR28 honeydew, 1 cup diced (balls) 170 g
        ("1 cup honeydew cubes", "sr28:09184", 170.0),
    ],
)
def test_labels_and_cuts_leave_the_food(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "first", "grams"),
    [
        # SR28 frozen waffles, toasted: 33 g each
        ("3 waffles + syrup", "sr28:18403", 99.0),
        # FNDDS pancakes, NFS: 50 g each (medium)
        ("2 pancakes and syrup", "fndds:55100005", 100.0),
    ],
)
def test_a_food_and_its_topping_stay_two_though_usda_names_them_together(
    foods: FoodTable, line: str, first: str, grams: float
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [first, "fndds:91300100"]  # not 120 g of syrup
    assert rows.iloc[0]["grams"] == pytest.approx(grams)
    assert rows.iloc[1]["grams"] == pytest.approx(40.0)  # 2 tbsp of syrup, added


def test_a_soup_of_two_foods_stays_one_soup(foods: FoodTable) -> None:
    # FNDDS chicken or turkey rice soup, 1 cup 241 g
    lands_on(foods, "1 cup chicken & rice soup", "fndds:58404010", 241.0)


def test_a_cooking_style_is_no_note_of_the_day(foods: FoodTable) -> None:
    # "easy" alone is an easy run; "over easy" is how eggs are fried: a line with a
    # misspelt egg stays a food entry, never a rejected training note; the eggs are
    # the fried eggs "over easy" names (SR28 01128 Egg, whole, cooked, fried)
    rows = entries_of_line(foods, "4 egz over easy")
    assert len(rows) == 1
    assert rows.iloc[0]["food_id"] == "sr28:01128"
