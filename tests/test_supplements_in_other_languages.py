"""Supplements written in Spanish, Portuguese and French, doses stated per unit in those
languages and with ``@``, a product's name beside a nutrient, and a label amount
written before ``tab``.

The lines are made up here. Vitamin D is converted at 40 IU per microgram (the
conversion the DRI tables use); mineral amounts are elemental, as US labels state them.
"""

from __future__ import annotations

import math

import pytest

import nutrilog as nl
from nutrilog.supplements.detect import detect_supplement


@pytest.mark.parametrize(
    ("line", "nutrients"),
    [
        ("vitamina D 1000ui", {"vitamin_d_ug": 25.0}),
        ("vitamina D3 4000 UI", {"vitamin_d_ug": 100.0}),
        ("vitamine D 800 u.i.", {"vitamin_d_ug": 20.0}),
        ("calcio 500mg + D3 800ui", {"calcium_mg": 500.0, "vitamin_d_ug": 20.0}),
        ("magnésio 250mg", {"magnesium_mg": 250.0}),
        ("cálcio 400mg", {"calcium_mg": 400.0}),
        ("citrate de magnésium 300mg", {"magnesium_mg": 300.0}),
    ],
)
def test_tracked_nutrients_named_in_other_languages(line: str, nutrients: dict) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == pytest.approx(nutrients)


@pytest.mark.parametrize(
    "line",
    ["hierro 30mg", "ferro 40mg", "biotina 2500mcg", "melatonina 3mg", "zinco 25mg"],
)
def test_untracked_supplements_in_other_languages_are_no_food_and_kept(line: str) -> None:
    # they had been rejected as a medicine's dose: a supplement the day keeps
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {}


@pytest.mark.parametrize(
    "line",
    [
        "magnesium glycinate 3 caps (120mg chaque)",
        "magnesio 3 caps (120mg cada uno)",
        "mag glycinate 3 caps (120mg c/u)",
        "3 mag glycinate caps @120mg",
        "3 mag glycinate caps @ 120",
        "3 mag glycinate, 120mg each",
        "took 3 mag glycinate, 120mg each",
    ],
)
def test_one_units_dose_said_in_any_language_is_counted(line: str) -> None:
    assert detect_supplement(line).nutrients == pytest.approx({"magnesium_mg": 360.0})


def test_a_dose_with_no_count_stays_as_written() -> None:
    assert detect_supplement("magnesium glycinate 120mg").nutrients == {"magnesium_mg": 120.0}


@pytest.mark.parametrize(
    ("line", "nutrients"),
    [
        ("cal 600/mag 300 tab", {"calcium_mg": 600.0, "magnesium_mg": 300.0}),
        ("mag 400 tab", {"magnesium_mg": 400.0}),
    ],
)
def test_a_label_amount_before_tab_is_no_count_of_tablets(line: str, nutrients: dict) -> None:
    # no one takes 300 tablets: the number is the tablet's amount, flagged as assumed mg
    found = detect_supplement(line)
    assert found.nutrients == pytest.approx(nutrients)
    assert "taken as mg" in (found.assumption or "")


def test_a_count_opening_the_line_stays_a_count() -> None:
    found = detect_supplement("20 caps magnesium")
    assert found.nutrients == {}
    assert "unknown amount" in (found.assumption or "")


@pytest.mark.parametrize("line", ["calm mag powder 2 tsp", "calm magnesium 1 tsp"])
def test_a_products_name_beside_a_nutrient_is_no_food(line: str) -> None:
    # the spoonful is of a supplement powder whose amount the line does not state
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert math.isnan(found.nutrients.get("magnesium_mg", math.nan))
    assert "unknown amount" in (found.assumption or "")


@pytest.mark.parametrize(
    "line",
    [
        "calcium OJ 8oz",
        "8oz OJ w/ calcium",
        "tofu prepared with calcium sulfate 1 cup",
        "1 cup calcium fortified soy milk",
    ],
)
def test_a_food_beside_a_nutrient_stays_food(line: str) -> None:
    assert detect_supplement(line).kind == "food"


def test_a_nutrient_with_a_joining_word_is_still_a_supplement() -> None:
    found = detect_supplement("calcium 600 w/ D")
    assert found.kind == "supplement"
    assert found.nutrients == {"calcium_mg": 600.0}


@pytest.mark.parametrize("line", ["hierro 65mg", "melatonina 5mg"])
def test_the_line_is_an_entry_not_a_rejected_dose(line: str) -> None:
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="female"), min_day_kcal=0)
    assert list(result.entries["kind"]) == ["supplement"]
    assert result.rejected.empty
