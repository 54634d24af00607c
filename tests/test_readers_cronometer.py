"""Tests of the Cronometer readers (servings.csv and dailysummary.csv)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.errors import LogParseError
from nutrilog.iotools import read_log
from nutrilog.iotools.cronometer import parse_cronometer_amount
from nutrilog.log import FoodLog
from nutrilog.nutrients import NUTRIENT_COLUMNS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "logs"
HEADER = "Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg),Category\n"


def _accounted(log: FoodLog) -> None:
    assert log.rows_read == len(log.entries) + len(log.rejected)


@pytest.mark.parametrize(
    ("text", "qty", "unit", "note"),
    [
        ('1.00 medium - 7" to 7 7/8" long', 1.0, "medium", '7" to 7 7/8" long'),
        ("4.00 x 4.0 oz", 16.0, "oz", "4 x 4 oz"),
        ("2.00 x 1000.0 IU", 2000.0, "IU", "2 x 1000 IU"),
        ("1.00 full recipe", 1.0, "full recipe", None),
        ("600.00 g", 600.0, "g", None),
        ("1.00 shake (11 fl oz)", 11.0, "fl_oz", "1 shake"),
        ("2.00 container - each 5.3 oz", 10.6, "oz", "2 container"),
        ("1.00 1/2 cup", 0.5, "cup", "1 x 1/2 cup"),
        ("3.00 1/4 cup", 0.75, "cup", "3 x 1/4 cup"),
        ("6.00 olive", 6.0, "olive", None),
        ("3.00 date", 3.0, "date", None),
        ("1.00 cup chopped", 1.0, "cup", "chopped"),  # the unit first, then how it is cut
        ("2.00 tbsp whole", 2.0, "tbsp", "whole"),
        ("1.00 small slice", 1.0, "slice", "small"),
        ("1.00 can (355ml)", 355.0, "ml", "1 can"),  # no space before the unit
        ("1.00 bar (40g)", 40.0, "g", "1 bar"),
        ("1.00 Cubic Inch", 1.0, "cubic inch", None),
        ('0.10 large - 8 1/4" long', 0.1, "large", '8 1/4" long'),
        ('1.00 pizza 8" diameter', 1.0, "pizza", '8" diameter'),
        ("1.00 cup, chopped", 1.0, "cup", "chopped"),
        (
            "2.00 slice (from pre-sliced package) - each 3/4 oz",
            1.5,
            "oz",
            "2 slice from pre-sliced package",
        ),
        ("2.50 x 3.0 cooked links", 7.5, "link", "2.5 x 3 cooked links; cooked"),
        ('1.00 whole - 3 1/2" diameter', 1.0, "each", '3 1/2" diameter'),
    ],
)
def test_amount_cells(text: str, qty: float, unit: str, note: str | None) -> None:
    got = parse_cronometer_amount(text)
    assert got.quantity == pytest.approx(qty)
    assert (got.unit, got.note) == (unit, note)


def test_servings_fixture() -> None:
    log = read_log(FIXTURES / "cronometer_servings.csv")
    _accounted(log)
    assert (log.rows_read, len(log.rejected)) == (10, 0)
    e = log.entries.set_index("food")
    assert e["reported"].all()
    assert e.loc["Banana, Raw", "unit"] == "medium"
    assert e.loc["Salmon, Baked", "quantity"] == 6.0  # 1.50 x 4.0 oz
    assert e.loc["Salmon, Baked", "vitamin_d_ug"] == 25.0  # 1000 IU / 40
    assert e.loc["Vitamin D3", "vitamin_d_ug"] == 50.0  # 2000 IU / 40
    assert e.loc["Greek Yogurt, Plain", "vitamin_b12_ug"] == 0.75  # "B12 (Cobalamin) (µg)"
    assert e.loc["Rolled Oats, Dry", "time"] == "7:45 AM"
    assert e.loc["Rolled Oats, Dry", "meal"] == "Breakfast"
    # Category "Supplements" -> kind supplement; tap water -> water
    kinds = e["kind"].to_dict()
    assert [k for k, v in kinds.items() if v == "supplement"] == [
        "Test Brand, Protein Shake, Vanilla", "Vitamin D3", "Magnesium Glycinate",
    ]  # fmt: skip
    assert kinds["Tap Water"] == "water"
    # empty cells are "not available": NaN, never 0
    assert math.isnan(e.loc["Test Brand, Protein Shake, Vanilla", "water_g"])
    assert math.isnan(e.loc["Magnesium Glycinate", "calcium_mg"])
    assert e.loc["Magnesium Glycinate", "magnesium_mg"] == 200.0
    assert e.loc["Lentil Soup", "category"] == "Soups, Sauces, and Gravies"


def test_servings_and_dailysummary_agree() -> None:
    servings = read_log(FIXTURES / "cronometer_servings.csv").entries
    daily_log = read_log(FIXTURES / "cronometer_dailysummary.csv")
    _accounted(daily_log)
    daily = daily_log.entries
    assert daily["text"].unique().tolist() == ["daily summary"]
    assert daily["reported"].all()
    sums = servings.groupby("date")[NUTRIENT_COLUMNS].sum(min_count=1)
    totals = daily.set_index("date")[NUTRIENT_COLUMNS]
    pd.testing.assert_frame_equal(sums, totals, check_exact=False, atol=0.01, check_names=False)
    # hand check: day one magnesium 55 + 32 + 47 + 100 + 0 = 234 mg; vitamin D 2200 IU = 55 µg
    assert totals.loc[pd.Timestamp("2026-11-20"), "magnesium_mg"] == 234.0
    assert totals.loc[pd.Timestamp("2026-11-20"), "vitamin_d_ug"] == 55.0
    assert daily["completed"].tolist() == [True, False]


def test_older_layout() -> None:
    log = read_log(FIXTURES / "cronometer_servings_old.csv")
    _accounted(log)
    e = log.entries
    assert len(e) == 4
    assert (
        e[["water_g", "sodium_mg", "vitamin_d_ug"]].isna().all().all()
    )  # columns absent in this layout
    assert [None if pd.isna(t) else t for t in e["time"]] == ["05:17", None, "09:36", None]
    assert e["meal"].tolist() == ["Drinks", "Breakfast", "Breakfast", "Lunch"]
    assert e["unit"].unique().tolist() == ["g"]
    assert e.loc[0, "potassium_mg"] == 40.0


def test_layout_without_time_column() -> None:
    text = "Day,Group,Food Name,Amount,Energy (kcal),Category\n2026-11-20,Lunch,Rice,150.00 g,195.00,Cereal\n"
    log = read_log(io.StringIO(text))
    assert log.entries[["food", "quantity", "energy_kcal"]].values.tolist() == [
        ["Rice", 150.0, 195.0]
    ]
    assert log.entries["time"].isna().all()


def test_bad_rows_are_rejected_with_reasons() -> None:
    rows = [
        '2026-11-20,8:00 AM,Breakfast,"Oats","40.00 g",150.00,55.00,Cereal',
        '2026-11-20,8:01 AM,Breakfast,"","1.00 cup",10.00,1.00,Cereal',
        'someday,8:02 AM,Breakfast,"Milk","1.00 cup",100.00,20.00,Dairy',
        '2026-11-20,8:03 AM,Breakfast,"Tea","lots",2.00,1.00,Beverages',
        '2026-11-20,8:04 AM,Breakfast,"Honey","1.00 tbsp",abc,0.00,Sweets',
    ]
    log = read_log(io.StringIO(HEADER + "\n".join(rows) + "\n"), format="cronometer")
    _accounted(log)
    assert log.entries["food"].tolist() == ["Oats"]
    reasons = log.rejected.set_index("line")["reason"]
    assert reasons[3].startswith("missing food text")
    assert reasons[4].startswith("unparseable date")
    assert reasons[5].startswith("non-numeric amount")
    assert reasons[6].startswith("non-numeric value") and "Energy (kcal)" in reasons[6]
    with pytest.raises(LogParseError) as err:
        read_log(io.StringIO(HEADER + "\n".join(rows) + "\n"), format="cronometer", strict=True)
    assert err.value.line == 3


def test_not_a_cronometer_file() -> None:
    with pytest.raises(LogParseError, match="expected columns Food Name, Amount"):
        read_log(io.StringIO("Day,Food\n2026-11-20,rice\n"), format="cronometer")


def test_chunked_servings_match(tmp_path: Path) -> None:
    body = (FIXTURES / "cronometer_servings.csv").read_text(encoding="utf-8")
    whole = read_log(FIXTURES / "cronometer_servings.csv")
    chunked = read_log(io.StringIO(body), chunksize=3)
    _accounted(chunked)
    pd.testing.assert_frame_equal(
        whole.entries.drop(columns=["source"]), chunked.entries.drop(columns=["source"])
    )


def _without_energy(path: Path) -> io.StringIO:
    """The export with its energy column left out (an export without energy)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return io.StringIO(frame.drop(columns=["Energy (kcal)"]).to_csv(index=False))


def test_measures_people_log_are_weighed_when_recomputed() -> None:
    # grams checked by hand against datasets/portions.csv (SR28 WEIGHT.txt); without
    # the reported energy the measure alone gives the grams
    log = read_log(_without_energy(FIXTURES / "cronometer_measures.csv"), format="cronometer")
    _accounted(log)
    result = nl.analyze(log, nl.Profile(age=40, sex="female"), recompute=True, min_day_kcal=0)
    grams = result.entries.set_index("food")["grams"].round(1).to_dict()
    assert grams == {
        # 01079 "cup" 244 g: "1.00 1/2 cup" is half of it
        "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D": 122.0,
        "Dates, medjool": 72.0,  # 09421 "date, pitted" 24 g x 3
        "Olives, pickled, canned or bottled, green": 16.2,  # 09195 "olive" 2.7 g x 6
        "Cucumber, with peel, raw": 30.1,  # 11205 "cucumber (8-1/4")" 301 g x 0.1
        "Cheese, provolone": 17.0,  # 01035 "cubic inch" 17 g
        "Yogurt, Greek, plain, nonfat": 300.5,  # 2 x 5.3 oz x 28.3495 g
        "Beverages, carbonated, cola, regular": pytest.approx(368.5, rel=0.01),
    }  # cola: 14148 about 30.7 g per fl oz x 355 / 29.5735 ml
    assert result.entries["food_id"].notna().all()


def test_recomputed_sizes_take_their_grams_from_the_reported_energy() -> None:
    # energy per 100 g from SR28 NUT_DATA (nutrient 208): provolone 01035 351 kcal,
    # medjool dates 09421 277 kcal; magnesium (304) of
    # provolone 28 mg per 100 g
    log = read_log(FIXTURES / "cronometer_measures.csv")
    result = nl.analyze(log, nl.Profile(age=40, sex="female"), recompute=True, min_day_kcal=0)
    rows = result.entries.set_index("food")
    grams = rows["grams"]
    assert grams["Cheese, provolone"] == pytest.approx(60 / 3.51)  # "1.00 Cubic Inch", 60 kcal
    assert grams["Dates, medjool"] == pytest.approx(200 / 2.77)  # "3.00 date", 200 kcal
    # a stated weight or volume keeps it: the can is 355 ml (cola about 30.7 g per fl oz)
    assert grams["Beverages, carbonated, cola, regular"] == pytest.approx(368.5, rel=0.01)
    assert rows.loc["Cheese, provolone", "magnesium_mg"] == pytest.approx(60 / 3.51 * 0.28)
    assert rows.loc["Cheese, provolone", "energy_kcal"] == pytest.approx(60.0)
    note = rows.loc["Dates, medjool", "assumptions"]
    assert "reported energy: 72 g from the reported 200 kcal (the measure gave 72 g)" in note
    # 2 x 5.3 oz
    assert grams["Yogurt, Greek, plain, nonfat"] == pytest.approx(2 * 5.3 * 28.349523, rel=1e-4)
    assert "reported energy" not in rows.loc["Yogurt, Greek, plain, nonfat", "assumptions"]


def test_recompute_keeps_missing_energy_and_unknown_values_missing() -> None:
    # no reported energy: the measure's grams; a food whose table lacks a value keeps it missing
    text = (
        "Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg),Category\n"
        '2026-11-21,8:00 AM,Breakfast,"Dates, medjool","3.00 date",,39.00,Fruits\n'
        '2026-11-21,8:01 AM,Breakfast,"Dates, medjool","2.00 date",0.00,26.00,Fruits\n'
    )
    log = read_log(io.StringIO(text), format="cronometer")
    result = nl.analyze(log, nl.Profile(age=40, sex="female"), recompute=True, min_day_kcal=0)
    assert result.entries["grams"].round(1).tolist() == [72.0, 48.0]  # 24 g per date
    # SR28 09421 has no vitamin B12 value: it stays missing, never 0
    assert result.entries["vitamin_b12_ug"].isna().all()
    assert not result.entries["assumptions"].str.contains("reported energy").any()


def test_recomputed_row_without_a_food_keeps_the_apps_values() -> None:
    # ground eggshell is no USDA food: the app's 400 mg calcium is kept, the row is
    # still listed as unmatched, and the assumption says so
    text = (
        "Day,Time,Group,Food Name,Amount,Energy (kcal),Calcium (mg),Magnesium (mg),Category\n"
        '2026-11-21,8:00 AM,Breakfast,"Egg shell, dried, ground","1.00 g",0.00,400.00,,Dairy\n'
        '2026-11-21,8:01 AM,Breakfast,"Dates, medjool","3.00 date",200.00,46.00,39.00,Fruits\n'
        '2026-11-21,8:02 AM,Breakfast,"Magnesium Citrate","1.00 tablet",0.00,,150.00,Supplements\n'
    )
    log = read_log(io.StringIO(text), format="cronometer")
    result = nl.analyze(log, nl.Profile(age=40, sex="female"), recompute=True, min_day_kcal=0)
    supplement = result.entries.iloc[2]
    assert supplement["status"] == "supplement" and supplement["magnesium_mg"] == 150.0
    assert "reported values" not in str(supplement["assumptions"])
    shell = result.entries.iloc[0]
    assert shell["status"] == "unmatched" and pd.isna(shell["food_id"])
    assert shell["calcium_mg"] == 400.0
    assert math.isnan(shell["magnesium_mg"])  # the app left it empty: still missing
    assert "reported values: no food matched" in shell["assumptions"]
    assert result.unmatched["food"].tolist() == ["Egg shell, dried, ground"]
    # the dates are recomputed: 200 kcal / 277 per 100 g x 64 mg calcium per 100 g
    day = result.daily.iloc[0]
    assert day["calcium_mg"] == pytest.approx(400.0 + 200 / 2.77 * 0.64)
