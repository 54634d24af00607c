"""A multiplier written before an amount with its unit; an amount after the shop a drink
came from; fries counted one by one or by the order; the eggs an omelet was made of;
omelets named by what is in them; names of foods in other languages.

Lines made up for these tests; grams checked by hand against the SR28 and FNDDS rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.quantity.line import parse_quantity

# --- "x2 cups": the x leads into an amount ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food", "quantity", "unit"),
    [
        ("green tea x2 cups", "green tea", 2.0, "cup"),
        ("oat milk x 3 cups", "oat milk", 3.0, "cup"),
        ("toast x2 slices", "toast", 2.0, "slice"),
        ("chicken breast x 150g", "chicken breast", 150.0, "g"),
    ],
)
def test_a_multiplier_before_a_unit_is_the_amount(
    line: str, food: str, quantity: float, unit: str
) -> None:
    parsed = parse_quantity(line)
    assert (parsed.food, parsed.quantity, parsed.unit) == (food, quantity, unit)


@pytest.mark.parametrize("line", ["boiled eggs x2", "eggs x2 large"])
def test_a_multiplier_alone_still_counts_items(line: str) -> None:
    parsed = parse_quantity(line)
    assert parsed.quantity == 2.0
    assert parsed.unit is None


def test_two_cups_of_coffee_written_with_an_x_are_two_cups() -> None:
    # SR28 14209 coffee, brewed, "1 cup (8 fl oz)" 237 g: two cups, not two 360 g mugs
    one_entry_of("black coffee x2 cups", "sr28:14209", 474.0)


# --- an amount after the shop ---------------------------------------------------------------


def test_an_amount_after_the_shop_is_kept() -> None:
    # SR28 09016 apple juice, "1 fl oz" 31 g: 10 fl oz, not the juice's default glass
    one_entry_of("apple juice from Kroger 10oz", "sr28:09016", 310.0)


def test_a_bottle_named_before_the_shop_takes_the_amount_after_it() -> None:
    row = one_entry("bottle of apple juice from Kroger 10oz")
    assert row["food_id"] == "sr28:09016"
    assert row["grams"] == pytest.approx(310.0)  # was unweighed: no grams at all


# --- fries one by one, or by the order -----------------------------------------------------


def test_counted_fries_are_single_fries() -> None:
    # FNDDS 71401030 french fries, fast food, "1 fry, NS as to shape" 5 g: twelve fries,
    # not twelve medium orders (1,740 g)
    one_entry_of("12 fries", "fndds:71401030", 60.0)


@pytest.mark.parametrize("line", ["1 order fries", "1 side of fries"])
def test_an_order_of_fries_is_the_order(line: str) -> None:
    # FNDDS 71401030 "1 medium fast food order" 145 g
    one_entry_of(line, "fndds:71401030", 145.0)


def test_a_medium_fries_is_still_the_medium_order() -> None:
    one_entry_of("medium fries", "fndds:71401030", 145.0)


# --- the eggs an omelet was made of ---------------------------------------------------------


def test_an_omelet_with_its_eggs_is_one_omelet() -> None:
    # SR28 01130 omelet, "1 large" 61 g x 3: one omelet of three eggs, not an omelet
    # beside three fried eggs
    one_entry_of("omlette w/ 3 eggs", "sr28:01130", 183.0)


def test_a_named_omelet_with_its_eggs_after_a_comma() -> None:
    # FNDDS 32130190 omelet with meat, "1 egg" 75 g x 2
    one_entry_of("bacon omelet, 2 eggs", "fndds:32130190", 150.0)


def test_an_omelet_before_a_dash_is_no_label_of_its_eggs() -> None:
    # FNDDS 32130450 omelet with dark-green vegetables, "1 egg" 75 g x 2: the omelet is
    # not a label of the line, leaving two fried eggs
    one_entry_of("kale omelet - 2 eggs", "fndds:32130450", 150.0)


def test_an_omelet_with_toast_keeps_both() -> None:
    entries, rejected = analysed("omelet with toast")
    assert len(rejected) == 0
    assert len(entries) == 2


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("ham omelet", "fndds:32130190"),  # with meat
        ("spinach omelette", "fndds:32130450"),  # with dark-green vegetables
        ("mushroom omelet", "fndds:32130510"),  # with other vegetables
        ("potato omelet", "fndds:32131200"),  # with potatoes and/or onions
    ],
)
def test_an_omelet_named_by_its_filling_is_the_fndds_omelet(line: str, food: str) -> None:
    row = one_entry(line)
    assert row["food_id"] == food
    assert row["grams"] == pytest.approx(150.0)  # FNDDS "Quantity not specified"


# --- names of foods in other languages ------------------------------------------------------


def test_pine_nuts_in_french_are_no_pigeon() -> None:
    # SR28 12147 pine nuts, dried, "1 cup" 135 g; "pignons" had been spelt into pigeons
    one_entry_of("1/4 cup pignons", "sr28:12147", 33.75)


@pytest.mark.parametrize(
    ("line", "food", "grams"),
    [
        ("mie goreng 1 cup", "fndds:58136110", 200.0),  # Indonesian fried noodles: lo mein
        ("kari ayam 1 cup", "fndds:27146150", 240.0),  # Malay chicken curry
        ("halusky 1 cup", "fndds:58122220", 188.0),  # Slovak dumplings: potato gnocchi
    ],
)
def test_dishes_of_other_cuisines(line: str, food: str, grams: float) -> None:
    one_entry_of(line, food, grams)  # each FNDDS food's own "1 cup" row
