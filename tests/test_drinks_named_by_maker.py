"""A drink named by its maker: an unknown word before beer or a spirit is the maker's
name, not a kind of the drink (issue 12). Makers' names made up here; weights from the
USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("2 cans zorvak beer", "sr28:14003", 2 * 356.0),  # SR28 beer, 1 can or bottle 12 fl oz
        ("shot of glenbrae whisky", "fndds:93502000", 42.0),  # FNDDS whiskey, 1 shot 42 g
        # the drink named last: the maker's name before its two words (SR28 root beer,
        # 30.8 g per fl oz)
        ("brenlow root beer 16 oz bottle", "sr28:14157", 16 * 30.8),
        ("1 can quorra cola", "sr28:14148", 370.0),  # SR28 cola, 12 fl oz can 370 g
    ],
)
def test_an_unknown_word_before_beer_or_a_spirit_is_its_maker(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_an_unknown_word_before_another_food_still_leaves_it_a_guess(foods: FoodTable) -> None:
    # an unknown word before a latte may be its kind (ube, a purple yam): no match
    row = entries_of_line(foods, "ube latte").iloc[0]
    assert row["status"] == "unmatched"
    assert "low confidence" in row["assumptions"]


def test_birch_beer_is_a_soft_drink(foods: FoodTable) -> None:
    # SR28 root beer, 30.8 g per fl oz: birch beer is a soda like it, no beer
    lands_on(foods, "birch beer 12 oz can", "sr28:14157", 12 * 30.8)
