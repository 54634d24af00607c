"""Short or sounded-out misspellings the speller leaves alone (the synonym table's
``spelling`` rows), and Mexican dishes named in Spanish word order, ``X de Y``.

The lines are made up here; the grams are the USDA rows named beside them
(``datasets/portions.csv``, built from SR28 WEIGHT and the FNDDS portions workbook).
"""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on

from nutrilog.foods import FoodTable

#: SR28 "Honey": 21 g a tablespoon.
_HONEY = "sr28:19296"
#: FNDDS "Taco or tostada with meat": 94 g a small (street) taco.
_TACO_MEAT = "fndds:58101320"
#: FNDDS "Burrito with meat": 270 g a burrito of no stated size.
_BURRITO_MEAT = "fndds:58100100"
#: FNDDS "Enchilada with chicken, green-chile or enchilada sauce": 114 g one enchilada.
_ENCHILADA_VERDE = "fndds:58100635"


@pytest.mark.parametrize(
    ("line", "spelt"),
    [
        ("3 tbsp hunny", "3 tbsp honey"),
        ("3 egs scrambled", "3 eggs scrambled"),
        ("chikin adobo 1 cup", "chicken adobo 1 cup"),
        ("1 cup steamed musles", "1 cup steamed mussels"),
        ("2 slices sourdoe", "2 slices sourdough"),
        ("1 cup honeydo", "1 cup honeydew"),
        ("1 cup kail", "1 cup kale"),
        ("2 slices weat bread", "2 slices wheat bread"),
        ("1 tsp marg", "1 tsp margarine"),
        ("2 donughts", "2 doughnuts"),
        ("1 cup keenwa", "1 cup quinoa"),
        ("fettucini alfredo 1 cup", "fettuccine alfredo 1 cup"),
    ],
)
def test_a_short_misspelling_lands_where_the_word_spelt_does(
    foods: FoodTable, line: str, spelt: str
) -> None:
    rows, right = entries_of_line(foods, line), entries_of_line(foods, spelt)
    assert len(rows) == 1 and right.iloc[0]["food_id"] == rows.iloc[0]["food_id"]
    assert rows.iloc[0]["grams"] == pytest.approx(right.iloc[0]["grams"])
    assert "synonym:" in rows.iloc[0]["assumptions"]


def test_honey_misspelt_is_weighed_as_honey(foods: FoodTable) -> None:
    lands_on(foods, "3 tbsp hunny", _HONEY, 3 * 21.0)


def test_the_brand_that_holds_the_word_is_still_read_first(foods: FoodTable) -> None:
    # "weat" is wheat alone, but Vita-Weat is the brand's whole-wheat cracker
    rows = entries_of_line(foods, "4 vita-weat")
    assert rows.iloc[0]["food_id"] == "sr28:18235"


@pytest.mark.parametrize(("line", "count"), [("3 tacos de lengua", 3), ("tacos de carnitas x2", 2)])
def test_street_tacos_named_in_spanish(foods: FoodTable, line: str, count: int) -> None:
    lands_on(foods, line, _TACO_MEAT, count * 94.0)


def test_a_burrito_named_in_spanish(foods: FoodTable) -> None:
    lands_on(foods, "1 burrito de carnitas", _BURRITO_MEAT, 270.0)


def test_green_enchiladas_take_the_green_sauce(foods: FoodTable) -> None:
    lands_on(foods, "3 enchiladas verdes", _ENCHILADA_VERDE, 3 * 114.0)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 "Bread, rye": 32 g a regular slice (Polish kromka, a slice)
        ("rye bread 2 kromki", "sr28:18060", 2 * 32.0),
        # SR28 "Cream, sour, cultured": 12 g a tablespoon (Spanish cda, cucharada)
        ("sour cream 2 cdas", "sr28:01056", 2 * 12.0),
        # SR28 "Bananas, raw": 118 g a medium banana (Polish szt., Spanish unidades: pieces)
        ("2 szt banana", "sr28:09040", 2 * 118.0),
        ("bananas 2 unidades", "sr28:09040", 2 * 118.0),
    ],
)
def test_units_written_in_other_languages(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_piece_in_bosnian_is_counted(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "3 kom cevapi")
    assert rows.iloc[0]["quantity"] == 3.0
    assert rows.iloc[0]["unit"] == "piece"


#: SR28 "Papayas, raw" weighs a small (157 g) and a large (781 g) fruit only; its FNDDS
#: twin "Papaya, raw" weighs the fruit of no size at 330 g.
_PAPAYA = "sr28:09226"


@pytest.mark.parametrize(
    ("line", "grams"),
    [("1 papaya", 330.0), ("half a papaya", 165.0), ("1 small papaya", 157.0)],
)
def test_a_count_with_no_size_takes_the_twins_item_of_no_size(
    foods: FoodTable, line: str, grams: float
) -> None:
    lands_on(foods, line, _PAPAYA, grams)


def test_a_size_scales_the_twins_item(foods: FoodTable) -> None:
    # SR28 brownies weigh a large square (56 g); the FNDDS twin's brownie of no size is
    # 50 g, and a small one two thirds of it (the median USDA small-to-medium ratio)
    rows = entries_of_line(foods, "a small brownie")
    assert rows.iloc[0]["grams"] == pytest.approx(50.0 * 2 / 3, rel=0.01)
