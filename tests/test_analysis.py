"""End-to-end analysis: daily totals checked by hand against SR28 values.

Per-100 g values below were read by hand from the SR28 NUT_DATA file (nutrient
numbers 208 kcal, 301 Ca, 304 Mg, 306 K, 307 Na, 328 vitamin D µg, 418 B12 µg).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.log import FoodLog

# id: (kcal, Ca, Mg, K, Na, vitamin D µg, B12 µg) per 100 g, SR28 by hand.
SR28 = {
    "sr28:11457": (23, 99, 79, 558, 79, 0.0, 0.00),  # Spinach, raw
    "sr28:09040": (89, 5, 27, 358, 1, 0.0, 0.00),  # Bananas, raw
    "sr28:01211": (61, 113, 10, 132, 43, 0.1, 0.45),  # Milk, whole, 3.25%
    "sr28:15236": (208, 9, 27, 363, 59, 11.0, 3.23),  # Salmon, Atlantic, farmed, raw
    "sr28:12014": (559, 46, 592, 809, 7, 0.0, 0.00),  # Pumpkin seed kernels, dried
    "sr28:01123": (143, 56, 12, 138, 142, 2.0, 0.89),  # Egg, whole, raw, fresh
}
COLS = ["energy_kcal", "calcium_mg", "magnesium_mg", "potassium_mg", "sodium_mg", "vitamin_d_ug", "vitamin_b12_ug"]

# Seven days: grams of each food per day.
WEEK = {
    "2026-11-16": {"sr28:11457": 100, "sr28:09040": 118, "sr28:01211": 244, "sr28:15236": 150},
    "2026-11-17": {"sr28:09040": 236, "sr28:01211": 244, "sr28:12014": 28, "sr28:01123": 100},
    "2026-11-18": {"sr28:11457": 30, "sr28:15236": 200, "sr28:01211": 122, "sr28:09040": 118},
    "2026-11-19": {"sr28:01123": 150, "sr28:09040": 118, "sr28:12014": 56, "sr28:01211": 488},
    "2026-11-20": {"sr28:15236": 100, "sr28:11457": 60, "sr28:09040": 354},
    "2026-11-21": {"sr28:01211": 366, "sr28:01123": 100, "sr28:12014": 28, "sr28:09040": 118},
    "2026-11-22": {"sr28:15236": 120, "sr28:01211": 244, "sr28:11457": 90, "sr28:09040": 236},
}


def _week_log(extra: list[dict] | None = None) -> FoodLog:
    rows = []
    line = 1
    for day, foods in WEEK.items():
        for fid, grams in foods.items():
            line += 1
            rows.append(
                {"date": day, "text": f"{grams} g {fid}", "food": fid, "food_id": fid,
                 "quantity": grams, "unit": "g", "unit_kind": "mass", "source": "week.csv", "line": line}
            )
    rows.extend(extra or [])
    return FoodLog(pd.DataFrame(rows))


def _expected(day: str) -> dict[str, float]:
    out = dict.fromkeys(COLS, 0.0)
    for fid, grams in WEEK[day].items():
        for col, per100 in zip(COLS, SR28[fid], strict=True):
            out[col] += per100 * grams / 100
    return out


@pytest.fixture(scope="module")
def week_result() -> nl.Analysis:
    return nl.analyze(_week_log(), nl.Profile(age=34, sex="female"))


def test_daily_totals_equal_hand_computed_sr28_sums(week_result: nl.Analysis) -> None:
    daily = week_result.daily.set_index("date")
    assert len(daily) == 7
    for day in WEEK:
        row = daily.loc[pd.Timestamp(day)]
        for col, value in _expected(day).items():
            assert row[col] == pytest.approx(value, rel=1e-9), (day, col)


def test_first_day_magnesium_by_hand(week_result: nl.Analysis) -> None:
    # 100 g spinach (79) + 118 g banana (27) + 244 g milk (10) + 150 g salmon (27)
    expected = 79 + 1.18 * 27 + 2.44 * 10 + 1.5 * 27
    first = week_result.daily.iloc[0]
    assert first["magnesium_mg"] == pytest.approx(expected)
    assert expected == pytest.approx(175.76)


def test_every_entry_is_matched_by_id_with_full_coverage(week_result: nl.Analysis) -> None:
    assert set(week_result.entries["match_method"]) == {"id"}
    assert week_result.counts["matched"] == sum(len(v) for v in WEEK.values())
    assert (week_result.daily["coverage_magnesium"] == 1.0).all()


def test_assessment_uses_the_right_reference_and_days(week_result: nl.Analysis) -> None:
    a = week_result.assessment.set_index("nutrient")
    assert a.loc["magnesium", "rda"] == 320  # female 31-50, IOM
    assert a.loc["potassium", "ai"] == 2600  # female 19+, NASEM 2019
    assert a.loc["magnesium", "days"] == 7
    mean_mg = sum(_expected(d)["magnesium_mg"] for d in WEEK) / 7
    assert a.loc["magnesium", "mean"] == pytest.approx(mean_mg)
    assert a.loc["magnesium", "pct_of_target"] == pytest.approx(100 * mean_mg / 320)


def test_supplement_magnesium_is_split_and_checked_against_ul() -> None:
    # 400 mg supplement on a day with ~300 mg food magnesium: the UL (350 mg,
    # supplements only) is exceeded; 500 mg of food magnesium alone is not.
    supp = [{"date": d, "text": "magnesium 400 mg", "food": "magnesium", "kind": "supplement",
             "quantity": 400, "unit": "mg", "unit_kind": "mass", "magnesium_mg": 400.0,
             "source": "week.csv", "line": 100 + i} for i, d in enumerate(WEEK)]
    result = nl.analyze(_week_log(supp), nl.Profile(age=34, sex="female"))
    assert (result.daily["magnesium_supplement_mg"] == 400).all()
    mg = result.assessment.set_index("nutrient").loc["magnesium"]
    assert mg["status"] == "above upper limit"
    assert mg["mean_supplement"] == pytest.approx(400)


def test_food_magnesium_alone_never_flags_the_ul() -> None:
    rows = [{"date": d, "text": "pumpkin seeds", "food": "pumpkin seeds", "food_id": "sr28:12014",
             "quantity": 90, "unit": "g", "unit_kind": "mass", "source": "x.csv", "line": i + 2}
            for i, d in enumerate(WEEK)]  # 90 g x 592 mg/100 g = 533 mg of food magnesium a day (503 kcal)
    result = nl.analyze(FoodLog(pd.DataFrame(rows)), nl.Profile(age=34, sex="female"))
    mg = result.assessment.set_index("nutrient").loc["magnesium"]
    assert mg["mean"] == pytest.approx(532.8)
    assert mg["status"] != "above upper limit"


def test_unknown_values_lower_coverage_instead_of_counting_as_zero() -> None:
    # Caraway cheese has no vitamin D analysis in SR28: the day's vitamin D total
    # is built on part of the food only, and coverage says so.
    rows = [
        {"date": "2026-11-16", "text": "100 g salmon", "food": "salmon", "food_id": "sr28:15236",
         "quantity": 100, "unit": "g", "unit_kind": "mass"},
        {"date": "2026-11-16", "text": "100 g caraway cheese", "food": "caraway cheese",
         "food_id": "sr28:01008", "quantity": 100, "unit": "g", "unit_kind": "mass"},
        {"date": "2026-11-16", "text": "300 g xqzzv blorb", "food": "xqzzv blorb",
         "quantity": 300, "unit": "g", "unit_kind": "mass"},
    ]
    result = nl.analyze(FoodLog(pd.DataFrame(rows)), nl.Profile(age=34, sex="female"), min_day_kcal=0)
    day = result.daily.iloc[0]
    assert day["vitamin_d_ug"] == pytest.approx(11.0)
    assert math.isclose(day["magnesium_mg"], 27 + 22)
    # weights: salmon 100 g, cheese 100 g, unmatched 300 g
    assert day["coverage_magnesium"] == pytest.approx(200 / 500)
    assert day["coverage_vitamin_d"] == pytest.approx(100 / 500)
    assert result.counts["unmatched"] == 1
    assert result.unmatched["food"].tolist() == ["xqzzv blorb"]


def test_reported_values_are_kept_unless_recompute() -> None:
    rows = [{"date": "2026-11-16", "text": "Spinach, raw", "food": "spinach, raw", "quantity": 100,
             "unit": "g", "unit_kind": "mass", "reported": True, "magnesium_mg": 50.0}]
    log = FoodLog(pd.DataFrame(rows))
    kept = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    assert kept.entries["magnesium_mg"].iloc[0] == 50.0
    assert kept.entries["status"].iloc[0] == "reported"
    redone = nl.analyze(log, nl.Profile(age=34, sex="female"), recompute=True, min_day_kcal=0)
    assert redone.entries["magnesium_mg"].iloc[0] == pytest.approx(79.0)


def test_several_people_each_get_their_own_profile() -> None:
    rows = [
        {"person": who, "date": "2026-11-16", "text": "spinach", "food": "spinach",
         "food_id": "sr28:11457", "quantity": 100, "unit": "g", "unit_kind": "mass"}
        for who in ("ana", "ben")
    ]
    profiles = {"ana": nl.Profile(age=34, sex="female"), "ben": nl.Profile(age=75, sex="male")}
    result = nl.analyze(FoodLog(pd.DataFrame(rows)), profiles, min_day_kcal=0)
    a = result.assessment.set_index(["person", "nutrient"])
    assert a.loc[("ana", "calcium"), "rda"] == 1000
    assert a.loc[("ben", "calcium"), "rda"] == 1200
    assert a.loc[("ben", "vitamin_d"), "rda"] == 20
    with pytest.raises(nl.ProfileError, match="ben"):
        nl.analyze(FoodLog(pd.DataFrame(rows)), {"ana": profiles["ana"]})


def test_partial_days_are_shown_but_not_assessed() -> None:
    rows = [{"date": "2026-11-16", "text": "banana", "food": "banana", "food_id": "sr28:09040",
             "quantity": 118, "unit": "g", "unit_kind": "mass"}]
    result = nl.analyze(FoodLog(pd.DataFrame(rows)), nl.Profile(age=34, sex="female"))
    assert len(result.daily) == 1
    assert not bool(result.daily["complete"].iloc[0])  # 105 kcal logged: a partial day
    assert (result.assessment["days"] == 0).all()


def test_top_foods_over_the_log_and_per_day(week_result: nl.Analysis) -> None:
    top = week_result.top_foods
    mg = top[top["column"] == "magnesium_mg"].reset_index(drop=True)
    # pumpkin seeds (592 mg/100 g) on three days: 28+56+28 g = 112 g -> 663 mg, the most of
    # any food; spinach (79 mg/100 g) on four days: 100+30+60+90 g -> 221.2 mg. Foods are
    # named as the log wrote them, and a food the log names only by its id by the food it
    # was matched to.
    assert mg.loc[0, "food"] == "Seeds, pumpkin and squash seed kernels, dried"
    assert mg.loc[0, "description"] == "Seeds, pumpkin and squash seed kernels, dried"
    assert mg.loc[0, "entries"] == 3
    assert mg.loc[0, "amount"] == pytest.approx(1.12 * 592)
    spinach = mg.set_index("food").loc["Spinach, raw", "amount"]
    assert spinach == pytest.approx(2.8 * 79)
    assert mg["share"].between(0, 1).all()
    by_day = week_result.top_foods_by_day
    first = by_day[(by_day["date"] == pd.Timestamp("2026-11-16")) & (by_day["column"] == "magnesium_mg")]
    assert first["description"].iloc[0] == "Spinach, raw"  # 79 mg of the day's 175.76 mg
    assert first["share"].iloc[0] == pytest.approx(79 / 175.76)


def test_top_foods_group_the_users_words_not_the_matched_foods() -> None:
    # the same text in another case or spacing is one food; two texts matched to one
    # food stay two, as the user wrote them
    log = nl.parse_entries(
        ["1 cup Spinach", "1 cup  spinach", "1 cup chopped spinach", "1 cup spinach"],
        date="2026-11-20",
    )
    top = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0).top_foods
    mg = top[top["column"] == "magnesium_mg"].set_index("food")
    assert list(mg.index) == ["spinach", "chopped spinach"]  # the most frequent spelling
    assert mg.loc["spinach", "entries"] == 3
    # 3 x 30 g raw spinach x 79 mg/100 g (SR28 11457) = 71.1 mg
    assert mg.loc["spinach", "amount"] == pytest.approx(3 * 0.30 * 79)
    assert mg.loc["spinach", "description"] == "Spinach, raw"


def test_each_person_of_a_mixed_log_gets_what_assess_gives_them_alone() -> None:
    from nutrilog.assessment import assess
    from nutrilog.nutrients import ASSESSED

    dates = pd.date_range("2026-11-01", periods=9).strftime("%Y-%m-%d")

    def day(i: int) -> list[str]:
        return [f"{1 + i % 3} cups cooked white rice", "5 oz salmon, baked",
                f"{1 + i % 2} medium bananas", "1 cup chopped spinach", "1 cup whole milk"]  # fmt: skip

    plan = {  # profile, days logged, extra lines every day
        "ana": (nl.Profile(age=34, sex="female"), 9, []),
        "bea": (nl.Profile(age=28, sex="female", pregnant=True), 2, ["magnesium glycinate 500 mg"]),
        "cal": (nl.Profile(age=75, sex="male", sd_within={"sodium": 900}), 8, ["1 tsp table salt"]),
        "dan": (nl.Profile(age=0.5, sex="male"), 3, []),
        "eve": (nl.Profile(age=6, sex="female"), 1, []),
    }
    logs = [
        nl.parse_entries(day(i) + extra, date=date, person=who)
        for who, (_, n, extra) in plan.items()
        for i, date in enumerate(dates[:n])
    ]
    logs.append(nl.parse_entries(["1 cup coffee"], date=dates[0], person="fay"))  # partial day
    profiles = {who: p for who, (p, _, _) in plan.items()} | {
        "fay": nl.Profile(age=60, sex="female")
    }
    result = nl.analyze(FoodLog.concat(logs), profiles)

    out = result.assessment
    assert out["person"].tolist() == [p for p in sorted(profiles) for _ in ASSESSED]
    for who, profile in profiles.items():
        days = result.daily[result.daily["complete"] & result.daily["person"].eq(who)]
        own = out[out["person"].eq(who)].drop(columns="person").reset_index(drop=True)
        # floats to 1e-12: a group-by of several people may sum in another order
        pd.testing.assert_frame_equal(own, assess(days, profile), rtol=1e-12, atol=0.0)

    a = out.set_index(["person", "nutrient"])
    assert a.loc[("ana", "magnesium"), "sd_within_basis"] == "published"
    assert a.loc[("ana", "potassium"), "sd_within_basis"] == "own days"  # 9 days
    assert a.loc[("bea", "magnesium"), "status"] == "above upper limit"  # 500 mg supplement
    assert "not necessarily pregnant" in "; ".join(a.loc[("bea", "calcium"), "notes"])
    assert a.loc[("cal", "sodium"), "sd_within_basis"] == "user"
    assert a.loc[("cal", "sodium"), "status"] == "above CDRR"
    assert a.loc[("dan", "magnesium"), "target_kind"] == "AI"
    assert a.loc[("eve", "magnesium"), "days"] == 1
    assert (a.loc["fay", "status"] == "unknown").all()


def test_plain_water_is_weighed_by_its_volume() -> None:
    # "h2o" matches no food: as plain water, 500 ml weighs 500 g and is all water;
    # a bottle has no volume, so its grams stay unknown.
    log = nl.parse_entries(["h2o 500 ml", "h2o 1 bottle", "2 cups h2o"], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    e = result.entries
    assert e["kind"].tolist() == ["water"] * 3
    assert e["food_id"].isna().all()
    assert e["grams"].iloc[0] == 500.0 and np.isnan(e["grams"].iloc[1])
    assert e["grams"].iloc[2] == pytest.approx(2 * 236.5882365)  # US cup
    assert e["water_g"].iloc[[0, 2]].tolist() == e["grams"].iloc[[0, 2]].tolist()
    assert e["portion"].iloc[0] == "volume of water (1 g/ml)" and e["grams_note"].iloc[0] == ""
    assert e["status"].tolist() == ["matched", "no grams", "matched"]
    assert result.daily["water_g"].iloc[0] == pytest.approx(500.0 + 2 * 236.5882365)
