"""A spirit's brand poured with a mixer, and notes of pay or heavy work: the
twentieth round's rules (issue 12). Lines made up here; the drinks' weights are
FNDDS's own "Quantity not specified" (225 g for a highball, 42 g for a 1.5 fl oz
shot)."""

from __future__ import annotations

import pandas as pd
import pytest
from diary import entries_of, entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.mixed_drinks import spirit_and_mixer

RUM_AND_COLA, WHISKEY_AND_COLA = "fndds:93301190", "fndds:93301182"


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("bacardi y coca cola", RUM_AND_COLA, 225.0),
        ("Kraken & Coke", RUM_AND_COLA, 225.0),
        ("woodford reserve n ginger ale", "fndds:93301184", 225.0),  # Whiskey and ginger ale
        ("courvoisier and pepsi", "fndds:93301205", 225.0),  # Brandy and cola
        ("ketel one w/ soda", "fndds:93301211", 225.0),  # Vodka and soda
        ("2 jim beam and diet cokes", "fndds:93301183", 2 * 225.0),  # Whiskey and diet cola
        ("Bombay Sapphire & tonic", "fndds:93301060", 225.0),  # Gin and Tonic
        ("rum and coke", RUM_AND_COLA, 225.0),  # the spirit named plainly, as before
    ],
)
def test_a_spirits_brand_with_a_mixer_is_the_mixed_drink(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_the_brand_read_as_its_spirit_is_said(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "Crown Royal & coke")
    assert rows.iloc[0]["food_id"] == WHISKEY_AND_COLA
    assert "Crown Royal \u2192 whiskey, poured with cola" in rows.iloc[0]["assumptions"]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("shot of bulleit", "fndds:93502000", 42.0),  # FNDDS whiskey, 1 shot = 42 g
        ("2 shots don julio", "fndds:93505100", 2 * 42.0),  # FNDDS tequila
    ],
)
def test_a_spirits_brand_alone_is_the_spirit(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    "text", ["rum and coke", "brandy snaps and coke", "kraken tentacles", "tonic water"]
)
def test_no_brand_and_mixer_pair_leaves_the_line_alone(text: str) -> None:
    assert spirit_and_mixer(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "tips $212 tonight",
        "parking $14",
        "hauled 60 bales before lunch",
        "hauling firewood all morning",
        "mopped and vacuumed the shop",
        "shoveled the driveway 45 min",
    ],
)
def test_pay_and_heavy_work_are_notes(line: str) -> None:
    reasons = rejected_reasons(line)
    assert reasons.str.contains("not a food entry").all(), reasons


def test_a_price_beside_a_food_is_still_food(foods: FoodTable) -> None:
    # money with no pay or shop word beside a food is the food's price, left out
    lands_on(foods, "bagel $3", "sr28:18001", 105.0)  # SR28 plain bagel, 1 medium 105 g


def test_an_entry_heavier_than_anyone_eats_is_left_unknown(foods: FoodTable) -> None:
    # a slip (lbs for g) or no food at all: no food entry, the reason said with the
    # amount, and the line beside it counted as usual
    assert rejected_reasons("2200 lbs rice").str.contains("more than anyone eats").all()
    rows = entries_of(["2200 lbs rice", "1 cup rice"], foods)
    assert len(rows) == 1
    assert rows.iloc[0]["grams"] == pytest.approx(158.0)  # SR28 white rice, cooked, 1 cup
    # counted too many to weigh (200 slices, over 10 kg): the grams are unknown and said
    # to be doubtful
    slices = entries_of(["200 slices pizza"], foods).iloc[0]
    assert slices["status"] == "no grams" and slices["grams_note"].startswith("amount doubtful")
    assert pd.isna(slices["grams"]) and pd.isna(slices["magnesium_mg"])


def test_a_gallon_is_not_too_much(foods: FoodTable) -> None:
    lands_on(foods, "1 gallon milk", "fndds:11100000", 16 * 244.0)  # FNDDS Milk, NFS


def test_pay_is_said_to_be_pay_not_a_purchase() -> None:
    assert rejected_reasons("tips $212 tonight").str.contains("pay or bill").all()
    assert rejected_reasons("walmart run $64.10").str.contains("purchase").all()
