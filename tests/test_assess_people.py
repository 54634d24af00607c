"""Tests of nutrilog.assessment.assess_people: every person at once, as assess gives each alone."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from nutrilog.assessment import ASSESSMENT_COLUMNS, assess, assess_people
from nutrilog.errors import ProfileError
from nutrilog.nutrients import ASSESSED
from nutrilog.profile import Profile

PROFILES = {
    "ann": Profile(age=34, sex="female"),  # published SDs for calcium and magnesium
    "bea": Profile(age=28, sex="female", pregnant=True),
    "cal": Profile(age=75, sex="male", sd_within={"sodium": 900}),
    "dan": Profile(age=0.5, sex="male"),  # infant: AI only
    "eve": Profile(age=6, sex="female"),
    "fay": Profile(age=30, sex="female", lactating=True),
    "gus": Profile(age=52, sex="male"),
}
# days per person: 1 and 2 (few), 7 and 9 (own SD), 40 and 130 (NumPy's pairwise sums)
DAYS = {"ann": 9, "bea": 2, "cal": 7, "dan": 3, "eve": 1, "fay": 40, "gus": 130}
SCALE = {"magnesium_mg": 300, "calcium_mg": 900, "potassium_mg": 2500, "sodium_mg": 2800,
         "vitamin_d_ug": 6, "vitamin_b12_ug": 4, "water_g": 2500}  # fmt: skip


def _daily(seed: int = 1) -> pd.DataFrame:
    """A daily table of the people above, rows interleaved, with NaN days and partial days."""
    rng = np.random.default_rng(seed)
    people = [p for p, n in DAYS.items() for _ in range(n)]
    m = len(people)
    daily = pd.DataFrame({"person": people, "date": pd.Timestamp("2026-01-01")})
    for col, scale in SCALE.items():
        values = rng.lognormal(np.log(scale), 0.6, m)
        values[rng.random(m) < 0.1] = np.nan
        daily[col] = values
    daily["magnesium_supplement_mg"] = np.where(rng.random(m) < 0.5, 0.0, 400.0)
    daily["vitamin_d_supplement_ug"] = np.where(rng.random(m) < 0.5, 0.0, 25.0)
    daily["coverage_magnesium"] = rng.uniform(0.7, 1.0, m)
    daily["complete"] = rng.random(m) < 0.9
    return daily.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def _own_rows(out: pd.DataFrame, person: str) -> pd.DataFrame:
    return out[out["person"].eq(person)].drop(columns="person").reset_index(drop=True)


def _same_rows(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal frames; floats to 1e-12 (a group-by of many people may sum in another order)."""
    pd.testing.assert_frame_equal(left, right, check_exact=False, rtol=1e-12, atol=0.0)


@pytest.mark.parametrize("sd_within", [None, {"potassium": 600, "magnesium_mg": 80}])
def test_each_person_gets_exactly_what_assess_gives_alone(sd_within: dict | None) -> None:
    daily = _daily()
    out = assess_people(daily, PROFILES, sd_within=sd_within)
    for person, profile in PROFILES.items():
        days = daily[daily["complete"] & daily["person"].eq(person)]
        alone = assess(days, profile, sd_within=sd_within)
        _same_rows(_own_rows(out, person), alone)


def test_means_and_sds_are_those_of_each_persons_own_days() -> None:
    # every person is reduced in one group-by; each mean and SD is that of the person's
    # own complete days (8 to 130 of them)
    daily = _daily(seed=3)
    out = assess_people(daily, PROFILES).set_index(["person", "nutrient"])
    for person in PROFILES:
        days = daily[daily["complete"] & daily["person"].eq(person)]
        values = days["calcium_mg"].dropna().to_numpy()
        row = out.loc[(person, "calcium")]
        assert row["days"] == len(values)
        np.testing.assert_allclose(row["mean"], values.mean(), rtol=1e-12)
        if len(values) >= 2:
            np.testing.assert_allclose(row["sd_days"], values.std(ddof=1), rtol=1e-12)
    assert out.loc[("gus", "calcium"), "days"] > 100


def test_rows_follow_the_profiles_then_the_nutrients_with_the_dtypes_of_assess() -> None:
    order = dict(reversed(PROFILES.items()))
    out = assess_people(_daily(), order)
    assert list(out.columns) == ["person", *ASSESSMENT_COLUMNS]
    assert out["person"].tolist() == [p for p in order for _ in ASSESSED]
    assert out["nutrient"].tolist() == ASSESSED * len(order)
    assert out.index.equals(pd.RangeIndex(len(out)))
    one = assess(_daily().head(3), PROFILES["ann"])
    pd.testing.assert_series_equal(out.dtypes.drop("person"), one.dtypes)
    assert str(out["days_below_ear"].dtype) == "Int64"
    assert out["days"].dtype == np.int64


def test_people_without_a_complete_day_are_unknown_with_one_note() -> None:
    daily = _daily()
    daily.loc[daily["person"].eq("ann"), "complete"] = False
    profiles = {**PROFILES, "zoe": Profile(age=40, sex="female")}  # no row at all
    out = assess_people(daily, profiles).set_index(["person", "nutrient"])
    for person in ("ann", "zoe"):
        rows = out.loc[person]
        assert (rows["status"] == "unknown").all()
        assert (rows["days"] == 0).all()
        assert rows.loc["magnesium", "notes"] == ["no day has a known Magnesium value"]
        assert rows["days_above_ul"].isna().all()
    assert out.loc[("bea", "magnesium"), "days"] > 0


def test_rows_of_other_people_are_ignored_and_all_days_count_without_complete() -> None:
    daily = _daily().drop(columns="complete")
    out = assess_people(daily, {"cal": PROFILES["cal"]})
    assert set(out["person"]) == {"cal"}
    alone = assess(daily[daily["person"].eq("cal")], PROFILES["cal"])
    _same_rows(_own_rows(out, "cal"), alone)


def test_caller_sd_within_is_for_everyone_and_beats_each_profile() -> None:
    daily = pd.DataFrame({"person": ["a", "a", "a", "b", "b", "b"], "magnesium_mg": [380.0] * 6})
    profiles = {"a": Profile(age=40, sex="male", sd_within={"magnesium": 10}),
                "b": Profile(age=40, sex="male")}  # fmt: skip
    own = assess_people(daily, profiles).set_index(["person", "nutrient"])
    assert own.loc[("a", "magnesium"), "sd_within"] == 10
    assert own.loc[("a", "magnesium"), "sd_within_basis"] == "user"
    assert own.loc[("b", "magnesium"), "sd_within_basis"] == "none"
    given = assess_people(daily, profiles, sd_within={"magnesium_mg": 86})
    mg = given.set_index(["person", "nutrient"]).xs("magnesium", level="nutrient")
    assert mg["sd_within"].tolist() == [86.0, 86.0]
    assert mg["sd_within_basis"].tolist() == ["user", "user"]
    # EAR 350, SD_req 35: z = 30 / sqrt(35^2 + 86^2 / 3) = 0.494 -> 0.689
    assert mg["probability_adequate"].tolist() == pytest.approx([0.689, 0.689], abs=0.002)


def test_magnesium_doses_are_compared_with_the_ul_person_by_person() -> None:
    daily = pd.DataFrame({
        "person": ["none"] * 3 + ["steady"] * 3 + ["unknown"] * 3,
        "magnesium_mg": [300.0, 320.0, 340.0, 700.0, 720.0, 740.0, 300.0, 320.0, 340.0],
        "magnesium_supplement_mg": [0.0] * 3 + [400.0] * 3 + [math.nan] * 3,
    })  # fmt: skip
    woman = Profile(age=40, sex="female")
    out = assess_people(daily, dict.fromkeys(("none", "steady", "unknown"), woman))
    mg = out.set_index(["person", "nutrient"]).xs("magnesium", level="nutrient")
    assert mg.loc["none", "confidence_below_ul"] == 1.0  # no dose at all: certain
    assert mg.loc["none", "days_above_ul"] == 0
    assert mg.loc["steady", "confidence_below_ul"] == 0.0
    assert mg.loc["steady", "days_above_ul"] == 3
    assert mg.loc["steady", "status"] == "above upper limit"
    assert math.isnan(mg.loc["unknown", "confidence_below_ul"])
    assert pd.isna(mg.loc["unknown", "days_above_ul"])
    assert "no magnesium_supplement_mg values" in "; ".join(mg.loc["unknown", "notes"])
    assert "supplements averaged 400 mg/day" in "; ".join(mg.loc["steady", "notes"])


def test_no_people_give_an_empty_table() -> None:
    out = assess_people(_daily(), {})
    assert list(out.columns) == ["person", *ASSESSMENT_COLUMNS]
    assert len(out) == 0


def test_invalid_sd_within_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match="unknown nutrient 'zinc'"):
        assess_people(_daily(), PROFILES, sd_within={"zinc": 1})
