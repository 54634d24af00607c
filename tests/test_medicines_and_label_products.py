"""Medicines, tobacco and appointments are no food; UK calcium + D3 products and
multivitamin brands are supplements; sizes and cup shorthand (issue 12, ninth round).

Lines made up here: pills named for what they treat, nicotine and tobacco, blood tests
and check-ups, a size word opening a line, ``cp`` for cup, calcium + D3 tablets sold in
the UK with their label strengths, and multivitamin brands written alone.
"""

from __future__ import annotations

import pytest
from diary import entries_of_line, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.supplements import detect_supplement


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("thyroid pills 1", "medication"),
        ("water pill", "medication"),
        ("blood pressure tablets x2", "measurement"),
        ("bloodwork at 8", "day note"),
        ("check up with the GP", "day note"),
        ("2 cigs on break", "tobacco"),
        ("zyn pouch 6mg", "tobacco"),
        ("skoal long cut 1 tin", "tobacco"),
    ],
)
def test_medicines_tobacco_and_appointments_are_no_food(line: str, kind: str) -> None:
    reasons = rejected_reasons(line)
    assert reasons.str.startswith(f"not a food entry ({kind}:").all(), reasons.tolist()


def test_a_pill_named_for_a_nutrient_stays_a_supplement() -> None:
    assert detect_supplement("magnesium pills 250 mg").nutrients == {"magnesium_mg": 250.0}
    assert detect_supplement("heart pills").kind == "food"  # read as medication next


@pytest.mark.parametrize(
    ("line", "calcium", "vitamin_d"),
    [
        # 1.5 g carbonate = 600 mg calcium + 400 IU (10 µg) per chewable tablet
        ("Adcal D3 chewable, 1", 600.0, 10.0),
        ("adcal-d3 caplets x2", 600.0, 10.0),  # 300 mg + 200 IU per caplet
        ("Calcichew-D3 Forte 2 tabs", 1000.0, 20.0),  # 500 mg + 400 IU each
        ("calcichew d3 1 tab", 500.0, 5.0),  # 500 mg + 200 IU
        ("Accrete D3 x 1", 600.0, 10.0),
    ],
)
def test_uk_calcium_and_d3_products_take_their_label_strength(
    line: str, calcium: float, vitamin_d: float
) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients["calcium_mg"] == pytest.approx(calcium)
    assert info.nutrients["vitamin_d_ug"] == pytest.approx(vitamin_d)


@pytest.mark.parametrize("line", ["Wellwoman 50+", "elevit 1 tab", "Berocca orange", "sanatogen"])
def test_multivitamin_brands_are_supplements_of_unknown_amounts(line: str) -> None:
    info = detect_supplement(line)
    assert (info.kind, info.nutrients) == ("supplement", {})
    assert info.assumption.startswith("unknown amount: multivitamin")


def test_a_size_word_opening_a_line_is_a_size(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "med latte")
    # FNDDS Coffee, Latte: 1 medium = 480 g
    assert entries["food_id"].tolist() == ["fndds:92101900"]
    assert entries["grams"].tolist() == [pytest.approx(480.0)]
    assert rejected_reasons("meds taken 8am").str.contains("medication").all()


def test_cp_is_a_cup(foods: FoodTable) -> None:
    entries = entries_of_line(foods, "oatmeal 1 cp")
    assert entries["unit"].tolist() == ["cup"]
    # SR28 oats cooked with water, 1 cup = 234 g
    assert entries["grams"].tolist() == [pytest.approx(234.0)]


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [("K+ 99 mg gluconate tab", "potassium_mg", 99.0), ("Mg++ 120mg", "magnesium_mg", 120.0)],
)
def test_an_element_written_as_its_ion_is_that_element(
    line: str, column: str, amount: float
) -> None:
    assert detect_supplement(line).nutrients == {column: amount}
