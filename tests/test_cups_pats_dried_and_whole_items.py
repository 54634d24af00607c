"""Fountain cups named by their size, a pat as a unit, dried foods never read as fresh
ones, and a whole item never weighed as a part of one.

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pandas as pd
import pytest
from diary import one_entry, one_entry_of

from nutrilog.foods import load_foods
from nutrilog.matching.match import Matcher
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement

# --- fountain cups named by their size ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fl_oz"),
    [("route 44 unsweet tea", 44.0), ("Super Big Gulp root beer", 44.0), ("double gulp", 64.0)],
)
def test_a_fountain_cup_named_by_its_size_is_that_many_fl_oz(line: str, fl_oz: float) -> None:
    parsed = parse_quantity(line)
    assert (parsed.quantity, parsed.unit) == (fl_oz, "fl_oz")


def test_a_route_44_written_with_its_ounces_keeps_them() -> None:
    parsed = parse_quantity("route 44 cherry limeade 44 oz")
    assert parsed.quantity == pytest.approx(44.0)


# --- a pat as a unit ---------------------------------------------------------------------


def test_a_pat_is_the_foods_pat_whichever_side_it_is_written() -> None:
    # SR28 04610 margarine, "pat (1"" sq, 1/3"" high)" 5 g; oleo is margarine
    one_entry_of("2 pats oleo", "sr28:04610", 10.0)
    one_entry_of("oleo 1 pat", "sr28:04610", 5.0)


def test_a_name_pat_is_no_unit() -> None:
    assert parse_quantity("pat thai noodles").unit is None


# --- dried foods -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_foods())


@pytest.mark.parametrize("text", ["dried mulberries", "dehydrated kiwi", "dried guava slices"])
def test_a_dried_food_usda_lacks_is_no_raw_food(matcher: Matcher, text: str) -> None:
    found = matcher.match([text]).iloc[0]
    assert pd.isna(found["food_id"]) or "raw" not in str(found["description"]).lower()


@pytest.mark.parametrize(
    ("text", "food_id"),
    [("dried apricots", "fndds:62104100"), ("dried persimmon", "fndds:62120000")],
)
def test_a_dried_food_usda_has_is_still_found(matcher: Matcher, text: str, food_id: str) -> None:
    assert matcher.match([text]).iloc[0]["food_id"] == food_id


# --- a whole item ------------------------------------------------------------------------


def test_one_whole_naan_is_the_naan_not_a_quarter_of_it() -> None:
    # FNDDS 51108100 Naan: "Naan (10"" dia)" 177 g; its "piece (1/4 of 10"" dia)" is 44 g
    one_entry_of("garlic naan, 1 whole", "fndds:51108100", 177.0)
    one_entry_of("a piece of naan", "fndds:51108100", 44.0)


def test_nan_written_for_naan_is_the_bread() -> None:
    row = one_entry("2 nan")
    assert row["food_id"] == "fndds:51108100"
    assert row["grams"] == pytest.approx(2 * 177.0)


# --- a product whose vitamin D changed between versions ------------------------------------


def test_citracal_petites_give_their_calcium_and_leave_vitamin_d_unknown() -> None:
    found = detect_supplement("citracal petites x2")
    assert found.nutrients["calcium_mg"] == pytest.approx(400.0)  # 200 mg a caplet
    assert "vitamin_d_ug" not in found.nutrients
    assert "Vitamin D" in str(found.assumption)


# --- a coffee chain's tall --------------------------------------------------------------


def test_a_tall_coffee_drink_is_the_small_cup() -> None:
    # FNDDS 92101904 Coffee, Latte, flavored: "small" 372 g (12 fl oz, a chain's tall)
    one_entry_of("tall hazelnut latte", "fndds:92101904", 372.0)


def test_a_tall_after_the_chains_name_is_still_the_small_cup() -> None:
    # FNDDS 11512010 Hot chocolate / Cocoa, ready to drink: "small" 372 g
    one_entry_of("sbux tall hot cocoa", "fndds:11512010", 372.0)


def test_a_tall_stack_is_pancakes_not_a_small_anything() -> None:
    assert one_entry("tall stack pancakes")["description"].startswith("Pancakes")


@pytest.mark.parametrize("line", ["tall glass of oat milk", "a tall glass of orange juice"])
def test_a_tall_glass_is_a_glass_not_a_small_cup(line: str) -> None:
    parsed = parse_quantity(line)
    assert parsed.unit == "glass"


def test_a_tall_can_is_a_tallboy() -> None:
    assert parse_quantity("tall can of hard seltzer").unit == "tallboy"


# --- everyday names as the survey weighs them ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS 51150000 Roll, white, soft: "medium/regular/sandwich size roll" 43 g
        ("2 bread rolls", "fndds:51150000", 86.0),
        # FNDDS 25221500 Salami, NFS: "slice" 28 g (SR28's hard salami slice is 10 g)
        ("2 slices salami", "fndds:25221500", 56.0),
        # FNDDS 92410510 Soft drink, fruit flavored, caffeine free: "can (12 fl oz)" 372 g
        ("1 can orange soda", "fndds:92410510", 372.0),
        # FNDDS 91716010 Halvah, plain: 1 oz
        ("halawa 1 oz", "fndds:91716010", 28.349523125),
    ],
)
def test_everyday_names_are_the_foods_the_survey_codes(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)


def test_pork_of_no_cut_is_fndds_pork_and_pulled_pork_the_roast_shoulder() -> None:
    assert one_entry("4 oz grilled pork")["food_id"] == "fndds:22000100"
    assert one_entry("4 oz pulled pork")["food_id"] == "fndds:22411000"


# --- a handful of a crunchy snack ----------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["a handful of Fritos", "handful of pretzels", "a handful of cheetos"]
)
def test_a_handful_of_a_crunchy_snack_is_an_ounce_not_a_bag(line: str) -> None:
    row = one_entry(line)
    assert row["grams"] == pytest.approx(28.0)
    assert "handful" in str(row["assumptions"])


def test_a_handful_of_nuts_keeps_its_own_serving() -> None:
    # FNDDS 42101000 almonds: "Quantity not specified" 28 g
    assert one_entry("a handful of almonds")["grams"] == pytest.approx(28.0)
