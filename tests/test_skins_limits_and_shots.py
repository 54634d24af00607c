"""Whether the skin was eaten, an amount after a negation, a word limiting an amount
(``just``, ``only``), a chain's fast-food twin of a food written without a place, and a
vitamin taken as a shot.

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import one_entry, one_entry_of

from nutrilog.matching.negations import left_out
from nutrilog.matching.skins import skin_side, skin_twins, skin_words
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement

# --- whether the skin was eaten --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("5 oz roast turkey leg, no skin", "5 oz roast turkey leg skinless"),
        ("grilled thigh (without skin)", "grilled thigh skinless"),
        ("2 drumsticks - skin removed", "2 drumsticks skinless"),
        ("1 pear w/o peel", "1 pear skinless"),
        ("turkey wing (skin on)", "turkey wing skin-on"),
        ("roast duck leg, skin-on", "roast duck leg skin-on"),
    ],
)
def test_what_a_line_says_of_the_skin_is_one_word_after_the_food(line: str, said: str) -> None:
    assert skin_words(line) == said


def test_a_line_silent_on_the_skin_is_unchanged() -> None:
    assert skin_words("chicken skin, fried") == "chicken skin, fried"
    assert skin_side("chicken skin") is None
    assert skin_side("fried chicken") is None


def test_the_twin_is_named_by_usdas_own_words_both_ways() -> None:
    assert skin_twins("Turkey, drumstick, roasted, skin eaten", False) == [
        "Turkey, drumstick, roasted, skin not eaten"
    ]
    assert skin_twins("Turkey, drumstick, roasted, skin not eaten", True) == [
        "Turkey, drumstick, roasted, skin eaten"
    ]
    assert skin_twins("Peaches, raw", False) == []


def test_a_thigh_without_skin_is_the_twin_weighed_without_it() -> None:
    # FNDDS 24152231 Chicken thigh, baked, broiled, or roasted, skin not eaten, from raw;
    # 5 oz = 141.7 g, the weight written
    row = one_entry("5oz roasted chicken thigh, no skin")
    assert row["food_id"] == "fndds:24152231"
    assert row["grams"] == pytest.approx(5 * 28.349523125)


def test_skinless_is_no_longer_a_word_that_changes_nothing() -> None:
    # the same food, from a word before the food; the count is FNDDS's one thigh
    # ("1 medium thigh" 70 g)
    one_entry_of("1 skinless roasted chicken thigh", "fndds:24152231", 70.0)


def test_a_bracketed_skin_on_is_the_thigh_with_its_skin_not_the_skin_alone() -> None:
    # it had been SR28 05675 "Chicken, skin (drumsticks and thighs)"
    row = one_entry("1 roasted chicken thigh (skin on)")
    assert row["food_id"] == "fndds:24152230"  # skin eaten, "1 medium thigh" 80 g
    assert row["grams"] == pytest.approx(80.0)


def test_a_peeled_apple_is_usdas_apple_without_skin() -> None:
    # SR28 09004 Apples, raw, without skin: "1 cup slices" 110 g
    one_entry_of("1 cup apple slices, peeled", "sr28:09004", 110.0)


def test_a_drumstick_count_keeps_its_noun_after_the_skin_word() -> None:
    # FNDDS 24142301 drumstick, skin not eaten: "1 medium drumstick" 50 g
    one_entry_of("3 roasted drumsticks, skin removed", "fndds:24142301", 150.0)


# --- an amount after a negation --------------------------------------------------------


def test_an_amount_closing_the_line_after_a_negation_stays_the_foods() -> None:
    assert left_out("black tea no sugar 12 oz") == ("black tea 12 oz", ("no sugar",))
    assert left_out("oatmeal without brown sugar x2") == ("oatmeal x2", ("without brown sugar",))


def test_a_negation_without_an_amount_is_left_out_as_before() -> None:
    assert left_out("latte, no foam") == ("latte", ("no foam",))


# --- words that limit an amount --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "quantity", "food"),
    [
        ("just 2 crackers", 2.0, "crackers"),
        ("only half a muffin", 0.5, "muffin"),
        ("barely 1 cup of soup", 1.0, "soup"),
    ],
)
def test_a_word_limiting_the_amount_is_no_food_word(line: str, quantity: float, food: str) -> None:
    parsed = parse_quantity(line)
    assert parsed.quantity == pytest.approx(quantity)
    assert parsed.food == food


def test_just_before_a_vague_amount_leaves_the_vague_amount() -> None:
    row = one_entry("just a little sour cream")
    assert row["food_id"] is not None and "cream" in str(row["description"]).lower()
    assert row["grams"] > 0


def test_just_opening_a_name_is_kept() -> None:
    assert parse_quantity("just egg 1 cup").food == "just egg"  # a product, no amount before


# --- a chain's own twin of a generic food -----------------------------------------------


def test_a_chain_named_with_a_generic_food_takes_its_fast_food_twin() -> None:
    # FNDDS 71505010 Potato tots, fast food / restaurant: "1 fast food order" 130 g; the
    # NFS tots have no order row (quantity not specified 65 g)
    row = one_entry("sonic tater tots")
    assert row["food_id"] == "fndds:71505010"
    assert row["grams"] == pytest.approx(130.0)


# --- a vitamin taken as a shot ---------------------------------------------------------


@pytest.mark.parametrize("line", ["had my b-12 shot", "vitamin D shot at clinic", "D3 shot"])
def test_a_vitamin_shot_is_a_supplement_of_unknown_amount(line: str) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert not found.nutrients
    assert "unknown amount" in str(found.assumption)


@pytest.mark.parametrize("line", ["ginger shot", "1 shot espresso", "wheatgrass shot 1 oz"])
def test_other_shots_stay_foods(line: str) -> None:
    assert detect_supplement(line).kind == "food"


def test_a_breast_without_skin_is_the_breast_weighed_without_it() -> None:
    # FNDDS 24122131 Chicken breast, baked, broiled, or roasted, skin not eaten: the
    # alias's own food, no skin left out as a food of its own
    row = one_entry("chicken breast no skin")
    assert "skin not eaten" in str(row["description"])
