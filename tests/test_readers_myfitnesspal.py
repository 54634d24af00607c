"""Tests of the MyFitnessPal Nutrition Summary reader."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from nutrilog.errors import LogParseError
from nutrilog.iotools import read_log
from nutrilog.log import FoodLog

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "logs"


def _accounted(log: FoodLog) -> None:
    assert log.rows_read == len(log.entries) + len(log.rejected)


def test_crlf_fixture() -> None:
    log = read_log(FIXTURES / "mfp_summary_crlf.csv")
    _accounted(log)
    e = log.entries
    assert e["meal"].tolist() == ["Breakfast", "Lunch", "Dinner"]
    assert e["text"].tolist() == ["Breakfast meal total", "Lunch meal total", "Dinner meal total"]
    assert e["reported"].all() and e["quantity"].isna().all()
    assert e["energy_kcal"].tolist() == [350.0, 620.0, 540.5]
    assert e["sodium_mg"].tolist() == [240.0, 980.0, 1210.0]
    # Calcium is % Daily Value: kept apart, never put in calcium_mg by default
    assert e["calcium_mg"].isna().all()
    assert e.loc[0, "calcium_pct_dv"] == 20.0
    assert e.loc[2, "iron_pct_dv"] == 20.0
    # Lunch has 620 kcal and potassium written as 0.0: read as not recorded
    assert math.isnan(e.loc[1, "potassium_mg"])
    assert "0 potassium_mg read as not recorded" in e.loc[1, "amount_note"]
    assert e.loc[2, "note"] == "ate out"
    assert e.loc[2, "line"] == 4


def test_bom_fixture_is_detected_and_read() -> None:
    log = read_log(FIXTURES / "mfp_summary_bom.csv")
    e = log.entries
    assert e["date"].dt.strftime("%Y-%m-%d").unique().tolist() == ["2025-01-05"]
    assert e["potassium_mg"].tolist() == [380.0, 358.0]


def test_calcium_conversion_is_opt_in_with_a_documented_dv() -> None:
    log = read_log(FIXTURES / "mfp_summary_crlf.csv", calcium_dv_mg=1300)
    e = log.entries
    # 21 CFR 101.9(c)(8)(iv): calcium DV 1,300 mg -> 20 % = 260 mg
    assert e.loc[0, "calcium_mg"] == pytest.approx(260.0)
    assert "DV 1300 mg" in e.loc[0, "amount_note"]
    old = read_log(FIXTURES / "mfp_summary_crlf.csv", calcium_dv_mg=1000).entries
    assert old.loc[2, "calcium_mg"] == pytest.approx(125.0)  # 12.5 % of the pre-2016 1,000 mg


def test_zeros_can_be_kept() -> None:
    e = read_log(FIXTURES / "mfp_summary_crlf.csv", zeros_as_missing=False).entries
    assert e.loc[1, "potassium_mg"] == 0.0


def test_bad_rows_and_strict() -> None:
    text = "Date,Meal,Calories,Sodium (mg),Potassium,Calcium,Note\n2026-11-20,Lunch,500,300,200,10,\nnot a date,Dinner,1,2,3,4,\n"
    log = read_log(io.StringIO(text), format="myfitnesspal")
    _accounted(log)
    assert len(log.entries) == 1
    assert log.rejected.iloc[0]["reason"].startswith("unparseable date")
    with pytest.raises(LogParseError) as err:
        read_log(io.StringIO(text), format="myfitnesspal", strict=True)
    assert err.value.line == 3 and "not a date" in str(err.value)


def test_not_a_myfitnesspal_file() -> None:
    with pytest.raises(LogParseError, match="expected columns Date and Meal"):
        read_log(io.StringIO("Date,Calories\n2026-11-20,5\n"), format="myfitnesspal")


@pytest.mark.parametrize("name", ["mfp_summary_bom.csv", "cronometer_dailysummary.csv"])
def test_totals_keep_their_reported_values_when_recomputing(name: str) -> None:
    # a meal or day total has no amount to weigh: recompute=True keeps the app's values
    import nutrilog as nl

    log = read_log(FIXTURES / name)
    profile = nl.Profile(age=40, sex="female")
    kept = nl.analyze(log, profile, min_day_kcal=0).entries
    redone = nl.analyze(log, profile, recompute=True, min_day_kcal=0).entries
    assert redone["status"].eq("reported").all()
    assert redone["potassium_mg"].tolist() == kept["potassium_mg"].tolist()
    assert redone["potassium_mg"].tolist() == log.entries["potassium_mg"].tolist()
    assert redone["potassium_mg"].notna().all()
    assert redone["energy_kcal"].sum() == pytest.approx(log.entries["energy_kcal"].sum())
