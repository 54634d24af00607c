"""Supplement doses written the ways diaries write them: counts before a dose, doses per
unit in brackets, spaced thousands, a hyphen in a vitamin's name, amounts before names."""

from __future__ import annotations

import math

import pytest

from nutrilog.supplements import detect_supplement


@pytest.mark.parametrize(
    ("line", "column", "amount"),
    [
        # a count just before one unit's dose multiplies it
        ("had three 100mg magnesium citrate tabs", "magnesium_mg", 300.0),
        ("2 250mg calcium citrate", "calcium_mg", 500.0),
        # a count after the dose form, with the dose of each unit in brackets
        ("magnesium glycinate softgels x3 (100 mg each)", "magnesium_mg", 300.0),
        ("potassium gluconate 3 tabs (99 mg ea.)", "potassium_mg", 297.0),
        ("calcium + D chews x2 (600mg/800IU each)", "calcium_mg", 1200.0),
        ("calcium + D chews x2 (600mg/800IU each)", "vitamin_d_ug", 40.0),
        # a hyphen between the vitamin's letter and number
        ("vitamin D-3 1000 IU", "vitamin_d_ug", 25.0),
        ("D-2 capsule 1.25 mg", "vitamin_d_ug", 1250.0),
        # thousands set apart by a space
        ("cholecalciferol 10 000 IU", "vitamin_d_ug", 250.0),
        ("B12 1 000 mcg", "vitamin_b12_ug", 1000.0),
        # a count of units taken, written last
        ("K+ 99 mg, took 2", "potassium_mg", 198.0),
        ("magnesium citrate 150mg took three", "magnesium_mg", 450.0),
    ],
)
def test_dose_phrasings(line: str, column: str, amount: float) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients.get(column) == pytest.approx(amount)


def test_a_space_before_other_digits_is_a_count_not_thousands() -> None:
    # "2 400 IU" may be two tablets of 400 IU: never read as 2,400 IU
    assert detect_supplement("D3 2 400 IU").nutrients["vitamin_d_ug"] == pytest.approx(20.0)


def test_each_dose_written_before_its_name_after_a_counted_product() -> None:
    info = detect_supplement(
        "1 hydration tablet - 300mg sodium, 150mg potassium, 40mg magnesium, 20mg calcium"
    )
    assert info.nutrients == pytest.approx(
        {"sodium_mg": 300.0, "potassium_mg": 150.0, "magnesium_mg": 40.0, "calcium_mg": 20.0}
    )
    assert info.note is None


def test_a_large_leading_number_is_no_count() -> None:
    # "500 600 mg" is no count of units: nothing is multiplied by 500
    info = detect_supplement("calcium 500 600 mg")
    assert info.nutrients.get("calcium_mg", math.nan) <= 600.0
