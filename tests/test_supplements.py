"""Tests of supplement and water detection (nutrilog.supplements)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.supplements import SUPPLEMENT_COLUMNS, classify_texts, detect_supplement


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        # label amounts are elemental (21 CFR 101.36): 200 mg glycinate = 200 mg magnesium
        ("magnesium glycinate 200 mg", "magnesium_mg", 200.0),
        # 40 IU = 1 µg (IOM 2011): 2000 IU / 40 = 50 µg
        ("Vitamin D3 2000 IU", "vitamin_d_ug", 50.0),
        ("D3 50 mcg", "vitamin_d_ug", 50.0),
        ("B12 1000 mcg", "vitamin_b12_ug", 1000.0),
        ("vitamin b12 1 mg", "vitamin_b12_ug", 1000.0),
        ("calcium citrate 500 mg", "calcium_mg", 500.0),
        ("potassium gluconate 99 mg", "potassium_mg", 99.0),
        # 2 capsules x 100 mg = 200 mg
        ("2 capsules magnesium 100 mg", "magnesium_mg", 200.0),
    ],
)
def test_supplement_doses(text: str, column: str, amount: float) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement"
    assert info.nutrients == {column: pytest.approx(amount)}
    assert info.note is None


def test_two_nutrients_on_one_line() -> None:
    info = detect_supplement("calcium 500 mg + vitamin D 400 IU")
    assert info.nutrients == {"calcium_mg": 500.0, "vitamin_d_ug": 10.0}


def test_multivitamin_is_a_supplement_with_unresolved_amounts() -> None:
    info = detect_supplement("multivitamin")
    assert info.kind == "supplement" and info.nutrients == {}
    assert "unresolved" in (info.note or "")


def test_supplement_without_a_dose_says_what_is_missing() -> None:
    info = detect_supplement("2 gummies vitamin D")
    assert info.kind == "supplement" and info.nutrients == {}
    assert "expected a label amount" in (info.note or "")


def test_untracked_supplement() -> None:
    info = detect_supplement("zinc 15 mg")
    assert (info.kind, info.nutrients, info.note) == ("supplement", {}, "not a tracked nutrient")


@pytest.mark.parametrize(
    "text", ["2 glasses of water", "water 500 ml", "sparkling water", "a glass of water"]
)
def test_water_lines(text: str) -> None:
    assert detect_supplement(text).kind == "water"


@pytest.mark.parametrize(
    "text", ["coconut water 1 cup", "water chestnuts 50 g", "1 cup calcium-fortified orange juice", "banana",
             "low sodium soup 1 cup"],
)  # fmt: skip
def test_foods_stay_food(text: str) -> None:
    assert detect_supplement(text) == ("food", {}, None)


@pytest.mark.parametrize(
    "text",
    [
        # USDA descriptions: a mineral salt in a food is not a supplement, and a
        # food amount (a volume, or 5 g and more) is not a label dose
        "tofu, raw, regular, prepared with calcium sulfate 1 cup",
        "tofu, salted and fermented (fuyu), prepared with calcium sulfate 3 oz",
        "salt substitute, potassium chloride 1 tsp",
        "crackers, saltines, whole wheat (includes multi-grain) 1 oz",
        "multi-grain bread 2 slices",
    ],
)
def test_food_amounts_and_food_words_are_not_doses(text: str) -> None:
    assert detect_supplement(text) == ("food", {}, None)


def test_a_small_mass_is_still_a_dose() -> None:
    assert detect_supplement("calcium 1 g").nutrients == {"calcium_mg": 1000.0}
    assert detect_supplement("daily multi").kind == "supplement"


def test_classify_texts_is_aligned_and_nan_for_unknown() -> None:
    texts = pd.Series(["banana", "B12 1000 mcg", "banana", "water 500 ml"], index=[3, 4, 5, 6])
    out = classify_texts(texts)
    assert list(out.columns) == SUPPLEMENT_COLUMNS + NUTRIENT_COLUMNS
    assert list(out.index) == [3, 4, 5, 6]
    assert out["kind"].tolist() == ["food", "supplement", "food", "water"]
    assert out.loc[4, "vitamin_b12_ug"] == 1000.0
    assert math.isnan(out.loc[3, "vitamin_b12_ug"])  # unknown is NaN, never 0
    assert out[NUTRIENT_COLUMNS].drop(index=4).isna().all().all()


def test_vectorised_classification_matches_line_by_line() -> None:
    lines = Path(__file__).resolve().parent / "data" / "diary_lines.csv"
    texts = pd.read_csv(lines, dtype=str)["text"]
    out = classify_texts(texts)
    assert out["kind"].tolist() == [detect_supplement(t).kind for t in texts]
    assert (out["kind"] == "supplement").sum() >= 10
