"""Tests of nutrilog.assessment (IOM 2000 method, reference folder dri/NOTES.md §4-§6).

Hand checks use Phi(z) = 0.5 * (1 + erf(z / sqrt(2))): Phi(1) = 0.8413, Phi(2) = 0.9772.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from nutrilog.assessment import (
    ASSESSMENT_COLUMNS,
    LOW_COVERAGE,
    STATUS_RULES,
    STATUSES,
    Z_THRESHOLDS,
    adequacy_z,
    assess,
    confidence_vs,
    probability_of_adequacy,
)
from nutrilog.errors import ProfileError
from nutrilog.nutrients import ASSESSED
from nutrilog.profile import Profile

WOMAN = Profile(age=40, sex="female")  # women 19-50 have published SDs (Ca 325, Mg 86)
MAN = Profile(age=40, sex="male")  # no published SD


def _days(**columns: list[float]) -> pd.DataFrame:
    return pd.DataFrame({name: [float(v) for v in values] for name, values in columns.items()})


def _row(daily: pd.DataFrame, profile: Profile, nutrient: str, **kwargs: object) -> pd.Series:
    """One nutrient's row, its notes joined into one text to search."""
    row = assess(daily, profile, **kwargs).set_index("nutrient").loc[nutrient].copy()
    row["notes"] = "; ".join(row["notes"])
    return row


# ----------------------------------------------------------------- pure functions


def test_iom_worked_example() -> None:
    # IOM 2000 p.54 (NOTES §5): woman 31-50, 3-day Mg mean 320, EAR 265, SD_req 26.5,
    # SD_within 86: D = 55, SDD^2 = 702 + 86^2/3 = 3,168, SDD = 56.3, z ~ 1 -> "85 percent"
    z = adequacy_z(320, 265, 26.5, 86, 3)
    assert z == pytest.approx(55 / math.sqrt(26.5**2 + 86**2 / 3))
    assert z == pytest.approx(1.0, abs=0.03)
    assert probability_of_adequacy(320, 265, 26.5, 86, 3) == pytest.approx(0.85, abs=0.02)
    assert probability_of_adequacy(320, 265, 26.5, 86, 3) == pytest.approx(0.8358, abs=1e-4)


@pytest.mark.parametrize(("mean", "n"), [(377, 3), (445, 1), (349, 7)])
def test_iom_97_5_percent_cutoffs(mean: float, n: int) -> None:
    # IOM 2000 p.54-56 (NOTES §5): 97.5% cut-offs 377 (n=3), 445 (n=1), 349 (n=7) with z = 2
    assert adequacy_z(mean, 265, 26.5, 86, n) == pytest.approx(2.0, abs=0.02)
    assert probability_of_adequacy(mean, 265, 26.5, 86, n) == pytest.approx(0.977, abs=0.002)


def test_missing_inputs_give_nan() -> None:
    assert math.isnan(probability_of_adequacy(320, 265, 26.5, math.nan, 3))
    assert math.isnan(probability_of_adequacy(320, 265, 26.5, 86, 0))
    assert math.isnan(confidence_vs(320, 265, math.nan, 3))


def test_confidence_vs() -> None:
    # (1100 - 1000) / (325 / sqrt 7) = 0.814 -> Phi = 0.792 (calcium SD 325, IOM 2000 p.61)
    assert confidence_vs(1100, 1000, 325, 7) == pytest.approx(0.792, abs=0.001)
    assert confidence_vs(1000, 1000, 325, 7) == pytest.approx(0.5)
    assert confidence_vs(900, 1000, 325, 7) == pytest.approx(1 - 0.792, abs=0.001)
    # a steady dose (SD 0) is a certain comparison
    assert confidence_vs(400, 350, 0, 5) == 1.0
    assert confidence_vs(300, 350, 0, 5) == 0.0


# ----------------------------------------------------------------- assess: shape


def test_output_shape() -> None:
    out = assess(_days(magnesium_mg=[300, 320, 340]), WOMAN)
    assert list(out.columns) == ASSESSMENT_COLUMNS
    assert list(out["nutrient"]) == ASSESSED
    assert set(out["status"]) <= set(STATUSES)
    assert out["target_kind"].tolist() == ["RDA", "RDA", "AI", "RDA", "RDA", "AI", "AI"]


def test_assess_reproduces_iom_example_and_summaries() -> None:
    mg = _row(
        _days(magnesium_mg=[300, 320, 340], magnesium_supplement_mg=[0, 0, 0]), WOMAN, "magnesium"
    )
    assert mg["days"] == 3
    assert mg["mean"] == pytest.approx(320)
    assert mg["sd_days"] == pytest.approx(20)
    assert mg["sd_req"] == pytest.approx(26.5)  # 10% of EAR 265 (IOM 1997 p.219)
    assert mg["sd_within"] == 86
    assert mg["sd_within_basis"] == "published"
    assert mg["probability_adequate"] == pytest.approx(0.8358, abs=1e-4)
    assert mg["pct_of_target"] == pytest.approx(100)  # RDA 320
    assert mg["days_below_ear"] == 0
    # z = 0.977, read at one decimal as 1.0: the IOM's "about 1 ... 85 percent" (p.54)
    assert mg["status"] == "likely adequate"
    assert mg["status_rule"] == "IOM probability"
    assert mg["status_reason"].startswith("z = 0.98 (read as 1.0): the IOM's 85% level")
    assert "adequate with about 84% probability" in mg["notes"]


def test_missing_column_is_unknown() -> None:
    out = assess(_days(magnesium_mg=[300, 320, 340]), WOMAN).set_index("nutrient")
    assert out.loc["potassium", "days"] == 0
    assert math.isnan(out.loc["potassium", "mean"])
    assert out.loc["potassium", "status"] == "unknown"
    assert out.loc["potassium", "notes"] == ["no day has a known Potassium value"]


def test_nan_days_are_not_counted() -> None:
    mg = _row(_days(magnesium_mg=[300, math.nan, 340]), WOMAN, "magnesium")
    assert mg["days"] == 2
    assert mg["mean"] == pytest.approx(320)


# ----------------------------------------------------------------- upper levels


def test_magnesium_supplement_above_ul_is_flagged() -> None:
    # 300 mg food + 400 mg supplement; the UL (350 mg) covers supplements only (IOM 2000 fn b)
    mg = _row(_days(magnesium_mg=[700], magnesium_supplement_mg=[400]), WOMAN, "magnesium")
    assert mg["status"] == "above upper limit"
    assert mg["mean_supplement"] == 400
    assert mg["days_above_ul"] == 1
    assert "supplemental magnesium only" in mg["notes"]


def test_magnesium_from_food_is_not_compared_with_ul() -> None:
    mg = _row(_days(magnesium_mg=[500], magnesium_supplement_mg=[0]), WOMAN, "magnesium")
    assert mg["status"] != "above upper limit"
    assert mg["days_above_ul"] == 0
    assert mg["confidence_below_ul"] == 1.0
    # z = (500 - 265) / sqrt(26.5^2 + 86^2) = 2.61 -> Phi = 0.9955
    assert mg["probability_adequate"] == pytest.approx(0.9955, abs=1e-3)
    assert mg["status"] == "likely adequate"


def test_steady_supplement_over_days() -> None:
    daily = _days(magnesium_mg=[700, 650, 720], magnesium_supplement_mg=[400, 400, 400])
    mg = _row(daily, WOMAN, "magnesium")
    assert mg["confidence_below_ul"] == 0.0
    assert mg["days_above_ul"] == 3
    assert mg["status"] == "above upper limit"


def test_magnesium_without_supplement_column_says_so() -> None:
    mg = _row(_days(magnesium_mg=[300, 320, 340]), WOMAN, "magnesium")
    assert "magnesium_supplement_mg" in mg["notes"]
    assert math.isnan(mg["confidence_below_ul"])


def test_calcium_ul_applies_to_total() -> None:
    ca = _row(_days(calcium_mg=[3000, 3000, 3000]), WOMAN, "calcium")
    # UL 2,500 (19-50); z = (3000 - 2500) / (325 / sqrt 3) = 2.66 -> below-UL confidence 0.004
    assert ca["confidence_below_ul"] == pytest.approx(0.0039, abs=5e-4)
    assert ca["status"] == "above upper limit"


def test_sodium_above_cdrr() -> None:
    na = _row(_days(sodium_mg=[3000, 3500, 2800]), MAN, "sodium", sd_within={"sodium": 900})
    assert na["status"] == "above CDRR"
    # (3100 - 2300) / (900 / sqrt 3) = 1.54 -> below-CDRR confidence 1 - 0.938 = 0.062
    assert na["confidence_below_cdrr"] == pytest.approx(0.062, abs=0.002)
    assert "extrapolation" in na["notes"]
    assert "not a toxicity limit" in na["notes"]
    low = _row(_days(sodium_mg=[2000, 2100, 1900]), MAN, "sodium")
    assert low["status"] == "likely adequate"  # above AI 1,500, below CDRR 2,300


# ----------------------------------------------------------------- SD_within choice


def test_missing_sd_gives_empty_probability_with_reason() -> None:
    mg = _row(_days(magnesium_mg=[300, 320, 340]), MAN, "magnesium")
    assert math.isnan(mg["probability_adequate"])
    assert math.isnan(mg["z_adequacy"])
    assert mg["sd_within_basis"] == "none"
    assert "no within-person SD is published" in mg["notes"]
    assert "no probability without a within-person SD" in mg["notes"]
    assert mg["sd_within_source"].startswith("none published for this group")
    # mean 320 < EAR 350 (men 31-50): the IOM qualitative rule says "likely low"
    assert mg["status"] == "likely low"
    assert mg["status_rule"] == "IOM EAR/RDA rule"


def test_user_sd_argument_overrides_profile() -> None:
    person = Profile(age=40, sex="male", sd_within={"magnesium": 10})
    daily = _days(magnesium_mg=[380, 380, 380])
    from_profile = _row(daily, person, "magnesium")
    from_argument = _row(daily, person, "magnesium", sd_within={"magnesium_mg": 86})
    assert from_profile["sd_within"] == 10
    assert from_argument["sd_within"] == 86
    assert from_argument["sd_within_basis"] == "user"
    # EAR 350, SD_req 35: z = 30 / sqrt(35^2 + 86^2 / 3) = 0.494 -> 0.689
    assert from_argument["probability_adequate"] == pytest.approx(0.689, abs=0.002)


def test_published_sd_takes_precedence_over_user() -> None:
    mg = _row(_days(magnesium_mg=[300, 320, 340]), WOMAN, "magnesium", sd_within={"magnesium": 40})
    assert mg["sd_within"] == 86
    assert "was not used" in mg["notes"]


def test_own_days_sd_from_seven_days() -> None:
    values = [250, 300, 350, 400, 450, 300, 400]
    mg = _row(_days(magnesium_mg=values), MAN, "magnesium")
    assert mg["sd_within_basis"] == "own days"
    assert mg["sd_within"] == pytest.approx(pd.Series(values).std())
    assert "departure from the IOM method" in mg["notes"]
    assert math.isfinite(mg["probability_adequate"])
    six = _row(_days(magnesium_mg=values[:6]), MAN, "magnesium")
    assert six["sd_within_basis"] == "none"


def test_invalid_sd_argument_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match="unknown nutrient 'zinc'"):
        assess(_days(magnesium_mg=[300]), MAN, sd_within={"zinc": 1})


# ----------------------------------------------------------------- status thresholds


@pytest.mark.parametrize(
    ("mean", "expected"),
    # EAR 350, SD_req 35, SD_within 86, n = 3: SDD = 60.75
    # z = 100 / 60.75 = 1.65; 30 / 60.75 = 0.49 (read 0.5); -50 / 60.75 = -0.82
    [(450, "likely adequate"), (380, "possibly low"), (300, "likely low")],
)
def test_status_thresholds(mean: float, expected: str) -> None:
    mg = _row(_days(magnesium_mg=[mean] * 3), MAN, "magnesium", sd_within={"magnesium": 86})
    assert mg["status"] == expected
    assert mg["z_adequacy"] == pytest.approx((mean - 350) / math.sqrt(35**2 + 86**2 / 3))
    z = round(mg["z_adequacy"], 1)
    if expected == "likely adequate":
        assert z >= Z_THRESHOLDS["likely adequate"]
    elif expected == "likely low":
        assert z < Z_THRESHOLDS["possibly low"]


# ----------------------------------------------------------------- AI nutrients


def test_ai_wording_and_never_likely_low() -> None:
    k = _row(
        _days(potassium_mg=[1000, 1100, 900]), WOMAN, "potassium", sd_within={"potassium": 600}
    )
    # (1000 - 2600) / (600 / sqrt 3) = -4.6 -> confidence above AI ~ 0
    assert k["confidence_above_ai"] < 0.001
    assert math.isnan(k["probability_adequate"])
    assert k["status"] == "cannot tell"
    assert k["status_rule"] == "AI rule"
    assert "does not mean intake is inadequate" in k["notes"]
    assert "confidence that usual intake is at or above the AI" in k["notes"]
    high = _row(_days(potassium_mg=[3000, 2900, 3100]), WOMAN, "potassium")
    assert high["status"] == "likely adequate"
    assert "not a requirement" in high["notes"]


def test_water_compared_in_grams() -> None:
    water = _row(_days(water_g=[2700, 2700, 2700]), WOMAN, "water")
    assert water["ai"] == pytest.approx(2700)  # 2.7 L (IOM 2005)
    assert water["pct_of_target"] == pytest.approx(100)
    assert water["status"] == "likely adequate"


# ----------------------------------------------------------------- warnings


def test_b12_cv_warning() -> None:
    b12 = _row(_days(vitamin_b12_ug=[0.5, 6.0, 1.0]), WOMAN, "vitamin_b12")
    assert "more than 60-70%" in b12["notes"]
    # own-days CV = 3.04 / 2.5 = 122% > 60%
    assert "day-to-day CV 122% is above 60%" in b12["notes"]


def test_fewer_than_min_days_warning() -> None:
    mg = _row(_days(magnesium_mg=[300, 340]), WOMAN, "magnesium")
    assert "only 2 day(s) with a value; at least 3 are advised" in mg["notes"]
    ok = _row(_days(magnesium_mg=[300, 340]), WOMAN, "magnesium", min_days=2)
    assert "are advised" not in ok["notes"]


def test_implied_req_cv_is_flagged_for_vitamin_d_and_calcium() -> None:
    daily = _days(vitamin_d_ug=[5, 6, 7], calcium_mg=[900, 950, 1000])
    out = assess(daily, WOMAN).set_index("nutrient")
    assert "CV of 25% implied" in "; ".join(out.loc["vitamin_d", "notes"])
    assert "CV of 12.5% implied" in "; ".join(out.loc["calcium", "notes"])
    assert "implied" not in "; ".join(out.loc["magnesium", "notes"])


def test_low_coverage_warning() -> None:
    daily = _days(magnesium_mg=[300, 320, 340], coverage_magnesium=[0.7, 0.8, 0.9])
    mg = _row(daily, WOMAN, "magnesium")
    assert mg["coverage"] == pytest.approx(0.8)
    assert "only 80% of logged amounts" in mg["notes"]
    full = _row(_days(magnesium_mg=[300], coverage_magnesium=[1.0]), WOMAN, "magnesium")
    assert "logged amounts" not in full["notes"]


def test_infant_has_no_probability() -> None:
    baby = Profile(age=0.3, sex="female")
    mg = _row(_days(magnesium_mg=[25, 30, 35]), baby, "magnesium")
    assert mg["target_kind"] == "AI"
    assert math.isnan(mg["probability_adequate"])
    assert mg["status"] == "likely adequate"  # mean 30 = AI 30


def test_any_index_and_missing_supplement_values() -> None:
    daily = _days(magnesium_mg=[300, 320, 340], magnesium_supplement_mg=[math.nan] * 3)
    daily.index = pd.to_datetime(["2026-11-20", "2026-11-20", "2026-11-22"])
    mg = _row(daily, WOMAN, "magnesium")
    assert mg["days"] == 3
    assert math.isnan(mg["mean_supplement"])
    assert "no magnesium_supplement_mg values" in mg["notes"]
    assert mg["status"] == "likely adequate"


# ----------------------------------------------------------------- exact wording and order


def test_notes_keep_their_order_published_sd_with_doses_and_low_coverage() -> None:
    daily = _days(
        magnesium_mg=[300, 740, 320],
        magnesium_supplement_mg=[0, 400, 0],
        coverage_magnesium=[0.8, 0.9, 0.85],
    )
    pregnant = Profile(age=28, sex="female", pregnant=True)
    mg = _row(daily, pregnant, "magnesium", sd_within={"magnesium": 40})
    assert mg["notes"] == (
        "your SD_within 40 was not used: a published pooled value exists; "
        "published SD_within is for food only (CSFII 1994-96); "
        "published SD_within comes from women who were not necessarily pregnant or lactating; "
        "usual intake adequate with about 100% probability (z = 2.84, read as 2.8; "
        "IOM 2000 Table B-1: 98% confidence of adequacy at z >= 2.00); "
        "the UL (350 mg) applies to supplemental magnesium only (supplements averaged 133.3 mg/day); "
        "food is not compared with it; "
        "only 85% of logged amounts have a known Magnesium value: totals may be too low"
    )
    assert mg["status"] == "likely adequate"


def test_notes_keep_their_order_own_days_b12_over_50() -> None:
    b12 = _row(
        _days(vitamin_b12_ug=[0.5, 6.0, 1.0, 2.0, 2.5, 9.0, 1.5]),
        Profile(age=60, sex="male"),
        "vitamin_b12",
    )
    assert b12["notes"] == (
        "SD_within estimated from your own 7 days: a departure from the IOM method, which uses a pooled survey SD; "
        "usual intake adequate with about 84% probability (z = 1.02, read as 1.0; "
        "IOM 2000 Table B-1: 85% confidence of adequacy at z >= 1.00); "
        "daily B12 intake typically varies by more than 60-70% (CV); the normal-theory test is likely to perform poorly (IOM 2000 p.200); "
        "over 50: meet the RDA mainly from fortified foods or a supplement (10-30% absorb food-bound B12 poorly); "
        "day-to-day CV 97% is above 60%: the normal-theory probability may be unreliable; "
        "the probability (84%) is shown for information only: daily intake is too skewed for "
        "the normal-theory test, so the status follows the IOM EAR/RDA rule"
    )
    # mean 3.21 >= RDA 2.4 on 7 days
    assert b12["status"] == "likely adequate"
    assert b12["status_rule"] == "IOM EAR/RDA rule"
    assert b12["sd_within_basis"] == "own days"


def test_arrays_and_frame_give_the_same_rows() -> None:
    daily = _days(magnesium_mg=[300, math.nan, 340, 360], magnesium_supplement_mg=[0, 0, 50, 0])
    arrays = {name: daily[name].to_numpy() for name in daily.columns}
    pd.testing.assert_frame_equal(assess(arrays, WOMAN), assess(daily, WOMAN), check_exact=True)


def test_zero_spread_gives_a_certain_z() -> None:
    assert adequacy_z(300, 265, 0, 0, 3) == math.inf
    assert adequacy_z(200, 265, 0, 0, 3) == -math.inf
    assert adequacy_z(265, 265, 0, 0, 3) == 0.0
    assert probability_of_adequacy(300, 265, 0, 0, 3) == 1.0
    assert probability_of_adequacy(200, 265, 0, 0, 3) == 0.0
    assert math.isnan(adequacy_z(None, 265, 26.5, 86, 3))  # type: ignore[arg-type]
    assert confidence_vs(350, 350, 0, 5) == 0.5


def test_z_is_the_formula_as_written() -> None:
    # reference values by hand: 107.2289^2 = 11,498.04, so
    # (320 - 265) / sqrt(26.5^2 + 11,498.04 / 3) = 55 / sqrt(4,534.93) = 55 / 67.3419
    sd = 107.22891842830293
    assert adequacy_z(320.0, 265.0, 26.5, sd, 3) == pytest.approx(0.816728, rel=1e-6)
    mg = _row(_days(magnesium_mg=[300, 320, 340]), WOMAN, "magnesium")
    assert mg["z_adequacy"] == pytest.approx(0.977234, rel=1e-6)  # 55 / sqrt(3,167.58)
    person = Profile(age=40, sex="male", sd_within={"magnesium": sd})
    mg = _row(_days(magnesium_mg=[300, 320, 340]), person, "magnesium")
    assert mg["sd_req"] == pytest.approx(35.0)  # 10% of the EAR, 350
    assert mg["z_adequacy"] == pytest.approx(-0.421838, rel=1e-6)  # -30 / sqrt(5,057.68)


def test_formulas_take_arrays_as_they_take_scalars() -> None:
    means = np.array([320.0, 377.6, 200.0, math.nan])
    z = adequacy_z(means, 265, 26.5, 86, 3)
    p = probability_of_adequacy(means, 265, 26.5, 86, 3)
    assert isinstance(z, np.ndarray) and z.shape == (4,)
    expected = [adequacy_z(m, 265, 26.5, 86, 3) for m in means[:3]]
    np.testing.assert_allclose(z[:3], expected, rtol=1e-12)
    # Phi(0.9772) = 0.8358, Phi(2.0007) = 0.9773, Phi(-65 / 56.28 = -1.1549) = 0.1241
    np.testing.assert_allclose(p[:3], [0.8358, 0.9773, 0.1241], atol=1e-4)
    assert math.isnan(z[3]) and math.isnan(p[3])
    conf = confidence_vs(pd.Series([1100.0, 1000.0, 900.0]), 1000, 325, np.array([7, 7, 0]))
    np.testing.assert_allclose(conf[:2], [0.792, 0.5], atol=1e-3)
    assert math.isnan(conf[2])  # no day observed


def test_notes_are_a_list_of_sentences() -> None:
    out = assess(_days(magnesium_mg=[300, 320, 340]), WOMAN).set_index("nutrient")
    notes = out.loc["magnesium", "notes"]
    assert isinstance(notes, list) and len(notes) >= 3
    assert all(isinstance(note, str) and note and not note.endswith(";") for note in notes)
    assert notes[0] == "published SD_within is for food only (CSFII 1994-96)"


# ----------------------------------------------------------------- verdict rules (issue: honest verdicts)


def test_woman_at_her_rda_for_three_days_reads_likely_adequate() -> None:
    # woman 25 (19-30): magnesium RDA 310, EAR 255, SD_req 25.5, published SD_within 86;
    # z = 55 / sqrt(25.5^2 + 86^2 / 3) = 55 / 55.82 = 0.985, read as 1.0: the 85% level
    mg = _row(_days(magnesium_mg=[290, 310, 330]), Profile(age=25, sex="female"), "magnesium")
    assert mg["z_adequacy"] == pytest.approx(55 / math.sqrt(25.5**2 + 86**2 / 3))
    assert mg["z_adequacy"] == pytest.approx(0.985, abs=0.001)
    assert mg["status"] == "likely adequate"


def test_vitamin_d_far_below_without_an_sd_reads_likely_low() -> None:
    # 0.9 ug/day = 6% of the RDA (15 ug), below the EAR (10 ug); 3 days give no SD
    d = _row(_days(vitamin_d_ug=[0.6, 0.9, 1.2]), WOMAN, "vitamin_d")
    assert d["pct_of_target"] == pytest.approx(6)
    assert d["sd_within_basis"] == "none"
    assert math.isnan(d["probability_adequate"])
    assert d["status"] == "likely low"
    assert d["status_rule"] == "IOM EAR/RDA rule"
    assert d["status_reason"] == "mean below the EAR (10 µg): intake very likely needs to improve"


def test_potassium_below_the_ai_cannot_be_told() -> None:
    k = _row(_days(potassium_mg=[1800, 2000, 2200]), WOMAN, "potassium")  # AI 2,600
    assert k["status"] == "cannot tell"
    assert k["status"] not in ("possibly low", "likely low")
    assert "cannot be judged" in k["status_reason"]
    one_day = _row(_days(potassium_mg=[3000]), WOMAN, "potassium")
    assert one_day["status"] == "uncertain"  # at the AI, but on 1 day of the 3 advised


def test_b12_above_its_rda_reads_adequate_whatever_the_probability() -> None:
    # 7 days, mean 17.136 / 7 = 2.448 = 102% of the RDA (2.4). Own-day SD 1.7975:
    # z = 0.448 / sqrt(0.2^2 + 1.7975^2 / 7) = 0.633 -> p = 0.736, which alone would say
    # "possibly low"; B12 is too skewed for the normal-theory test, so the EAR/RDA rule rules
    b12 = _row(_days(vitamin_b12_ug=[0.5, 6.0, 1.0, 2.0, 2.5, 3.136, 2.0]), WOMAN, "vitamin_b12")
    assert b12["pct_of_target"] == pytest.approx(102)
    assert b12["z_adequacy"] == pytest.approx(0.633, abs=0.001)
    assert b12["status"] == "likely adequate"
    assert b12["status_rule"] == "IOM EAR/RDA rule"
    assert "the probability (74%) is shown for information only" in b12["notes"]


def test_b12_between_ear_and_rda_reads_possibly_low_by_the_rule() -> None:
    # mean 15.4 / 7 = 2.2, between the EAR (2.0) and the RDA (2.4); own-day SD 0.8165:
    # z = 0.2 / sqrt(0.04 + 0.6667 / 7) = 0.544 -> p = 0.707, shown only as a note
    b12 = _row(_days(vitamin_b12_ug=[1.0, 3.4, 2.0, 2.4, 1.6, 3.0, 2.0]), WOMAN, "vitamin_b12")
    assert b12["probability_adequate"] == pytest.approx(0.707, abs=0.001)
    assert b12["status"] == "possibly low"
    assert b12["status_rule"] == "IOM EAR/RDA rule"
    assert b12["status_reason"].startswith("mean between the EAR (2 µg) and the RDA (2.4 µg)")
    assert "the probability (71%) is shown for information only" in b12["notes"]


def test_vitamin_d_with_a_day_to_day_cv_above_60_percent_follows_the_rule() -> None:
    values = [2, 30, 5, 8, 20, 1, 25]  # mean 13 (between EAR 10 and RDA 15), CV 90%
    d = _row(_days(vitamin_d_ug=values), WOMAN, "vitamin_d")
    assert pd.Series(values).std() / 13 > 0.6
    assert d["status"] == "possibly low"
    assert d["status_rule"] == "IOM EAR/RDA rule"


def test_poorly_covered_shortfall_is_uncertain_but_adequacy_stands() -> None:
    assert LOW_COVERAGE == 0.8
    # mean 200 < EAR 265: "likely low" on full coverage ...
    daily = _days(magnesium_mg=[190, 200, 210])
    assert _row(daily, WOMAN, "magnesium")["status"] == "likely low"
    # ... but only 60% of the food behind it has a known value
    mg = _row(daily.assign(coverage_magnesium=[0.6, 0.6, 0.6]), WOMAN, "magnesium")
    assert mg["status"] == "uncertain"
    assert mg["status_rule"] == "coverage"
    assert mg["status_reason"].startswith("only 60% of the logged food has a known magnesium")
    assert "(likely low)" in mg["status_reason"]
    # unknown values can only add to a total: an adequate intake stays adequate
    high = _days(magnesium_mg=[400, 420, 410], coverage_magnesium=[0.6, 0.6, 0.6])
    assert _row(high, WOMAN, "magnesium")["status"] == "likely adequate"


def test_every_row_names_its_rule_and_the_sd_it_used() -> None:
    daily = _days(
        magnesium_mg=[300, 320, 340], calcium_mg=[900, 950, 1000], potassium_mg=[2000] * 3
    )
    out = assess(daily, WOMAN).set_index("nutrient")
    assert set(out["status_rule"]) <= set(STATUS_RULES)
    assert out.loc["magnesium", "sd_within_source"] == (
        "back-calculated pooled CSFII 1994-96 value for female 19-50 "
        "(IOM 2000 DRI: Applications in Dietary Assessment, p.54)"
    )
    assert out.loc["calcium", "sd_within_source"].endswith("Dietary Assessment, p.61)")
    assert out.loc["water", "status_rule"] == "no data"
    man = assess(daily, MAN).set_index("nutrient")
    assert man.loc["magnesium", "sd_within_source"].startswith("none published for this group")
