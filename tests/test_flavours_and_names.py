"""Flavours, family names and other words for foods (issue 12): a frozen dessert named
after its flavour is the dessert, a bracketed family word is whom a line was logged
for even when a brand has the same name, peppers beside onions are the vegetable, and
a few more words from other languages. Lines made up here; weights from the USDA
portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable


@pytest.mark.parametrize(
    ("line", "food_id", "grams", "flavour"),
    [
        # SR28 vanilla ice cream, 1/2 cup 66 g: FNDDS' vanilla row names "other flavors"
        ("1 cup butter pecan ice cream", "sr28:19095", 132.0, "butter pecan"),
        # a chocolate flavour is the chocolate ice cream: SR28 1/2 cup 66 g
        ("1/2 cup fudge brownie ice cream", "sr28:19270", 66.0, "fudge brownie"),
        # FNDDS sorbet, 1 cup 200 g
        ("peach sorbet 1 cup", "fndds:63430150", 200.0, "peach"),
    ],
)
def test_a_frozen_dessert_named_after_its_flavour_is_the_dessert(
    foods: FoodTable, line: str, food_id: str, grams: float, flavour: str
) -> None:
    rows = entries_of_line(foods, line)
    assert list(rows["food_id"]) == [food_id]  # no butter, pecans or peaches beside it
    assert rows.iloc[0]["grams"] == pytest.approx(grams)
    assert f"{flavour} is the flavour" in rows.iloc[0]["assumptions"]


def test_a_dessert_joined_to_another_food_stays_a_food_of_its_own(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "warm apple pie and ice cream")
    assert len(rows) == 2
    assert rows.iloc[1]["food_id"] == "sr28:19095"
    assert "is the flavour" not in rows.iloc[1]["assumptions"]


def test_a_bracketed_family_word_is_whom_the_line_was_for_though_a_brand_shares_it(
    foods: FoodTable,
) -> None:
    # Mama is a noodle brand too; FNDDS cooked oxtails, 1 cup 134 g
    lands_on(foods, "(Mama) lunch: 1 cup oxtail", "fndds:21301000", 134.0)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # peppers and onions fried together, FNDDS 1 cup 145 g; never black pepper
        ("~1 cup peppers & onions", "fndds:75307000", 145.0),
        # dates not named by kind: FNDDS date, 8 g each
        ("5 dates", "fndds:62110100", 40.0),
        # fried plantain by the slice: FNDDS plantain cooked with oil, 1 slice 25 g
        # (SR28's restaurant fried plantain has no slice)
        ("3 slices fried plantains", "fndds:71900200", 75.0),
        # Lebanese toum: FNDDS garlic sauce, 1 tbsp 16 g (1/2 cup 128 g)
        ("1/2 cup toum", "fndds:81301000", 128.0),
        # arancini: FNDDS rice croquette, 62 g each
        ("3 arancini", "fndds:58161710", 186.0),
        # Nepali chiya: FNDDS chai with milk, 1 cup 240 g
        ("chiya 1 cup", "fndds:92306800", 240.0),
        # South Asian achar: FNDDS mixed pickles, "Quantity not specified" 30 g
        ("some achar", "fndds:75511100", 30.0),
        # chow mein is FNDDS' own chow mein with noodles, not lo mein: 1 cup 220 g
        ("2 cups pork chowmein", "fndds:27320310", 440.0),
        # a tomato from the garden is a tomato: SR28 medium 123 g
        ("2 garden tomatoes", "sr28:11529", 246.0),
        # a French roll is SR28's, 38 g a roll, not the mustard brand French's
        ("2 french rolls", "sr28:18349", 76.0),
        # Spanish lentejas are lentils: FNDDS lentils from dried, fat added, 1 cup 185 g
        ("1 cup lentejas", "fndds:41304990", 185.0),
        # the AriZona tea and lemonade drink, never half-and-half cream: 30 g per fl oz
        ("arizona half & half 16oz", "fndds:92307500", 480.0),
    ],
)
def test_words_for_foods(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)
