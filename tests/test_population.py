"""Population figures: the EAR cut-point, the NRC/Iowa State shrinkage, weights, groups.

The hand calculations are written out in each test; the EARs are those of
``datasets/dri.csv`` (magnesium: women 31-50 265 mg, men 31-50 350 mg; IOM 2000
DRI Applications p.282).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.assessment.population import (
    NO_BETWEEN,
    SINGLE_DAY,
    USUAL,
    dri_groups,
    pooled_within_variance,
    population_summary,
    shrinkage_factor,
    weighted_percentiles,
)
from nutrilog.errors import ArgumentError

NAN = float("nan")


def _refs(people: list[str], ear: float = 265.0) -> pd.DataFrame:
    """Magnesium references for each person (the UL concerns supplements only)."""
    return pd.DataFrame(
        {
            "person": people,
            "nutrient": "magnesium",
            "ear": ear,
            "ai": NAN,
            "ul": 350.0,
            "ul_applies_to": "supplements",
            "cdrr": NAN,
        }
    )


def _mg(days: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"person": p, "magnesium_mg": x} for p, values in days.items() for x in values]
    )


def _summary(days: dict[str, list[float]], weights: list[float] | None = None) -> pd.Series:
    people = pd.DataFrame({"group": "women 31-50"}, index=list(days))
    if weights is not None:
        people["w"] = weights
    out = population_summary(
        _mg(days), _refs(list(days)), people, by=["group"], weights="w" if weights else None
    )
    assert len(out) == 1  # only magnesium has days
    return out.iloc[0]


# ----------------------------------------------------------------- the EAR cut-point


ONE_DAY = {"a": [200.0], "b": [250.0], "c": [260.0], "d": [300.0], "e": [400.0]}


def test_share_below_the_ear_unweighted_by_hand() -> None:
    # EAR 265: 200, 250 and 260 are below, 300 and 400 are not -> 3 of 5
    row = _summary(ONE_DAY)
    assert row["share_below_ear"] == pytest.approx(3 / 5)
    assert row["people"] == 5
    assert row["mean"] == pytest.approx((200 + 250 + 260 + 300 + 400) / 5)
    # inverted CDF: P50 is the 3rd of 5 values (0.5 x 5 = 2.5 -> 3rd), P5 the 1st, P95 the 5th
    assert (row["p5"], row["p50"], row["p95"]) == (200.0, 260.0, 400.0)
    # a magnesium UL on supplements is not compared with food
    assert math.isnan(row["share_above_ul"]) and "supplements only" in row["note"]
    assert row["method"] == "EAR cut-point"


def test_share_below_the_ear_weighted_by_hand() -> None:
    # weights 1, 1, 2, 3, 3 (total 10): below the EAR 1 + 1 + 2 = 4 -> 0.4
    row = _summary(ONE_DAY, weights=[1, 1, 2, 3, 3])
    assert row["share_below_ear"] == pytest.approx(0.4)
    assert row["mean"] == pytest.approx((200 + 250 + 2 * 260 + 3 * 300 + 3 * 400) / 10)
    # cumulative weights 1, 2, 4, 7, 10: half (5) is reached at 300; 5% (0.5) at 200
    assert (row["p5"], row["p50"], row["p95"]) == (200.0, 300.0, 400.0)
    assert "weighted by w" in row["note"]


def test_zero_weights_leave_people_out_and_say_so() -> None:
    row = _summary(ONE_DAY, weights=[0, 1, 1, 1, 1])  # 200 left out: 250, 260 of 4 below
    assert row["people"] == 4
    assert row["share_below_ear"] == pytest.approx(2 / 4)
    assert "1 people without a positive weight left out" in row["note"]


def test_one_day_per_person_is_single_day_intake() -> None:
    row = _summary(ONE_DAY)
    assert row["distribution"] == SINGLE_DAY
    assert "single-day" in row["note"] and "overstated" in row["note"]
    assert row["shrinkage"] == 1.0


# ----------------------------------------------------------------- the shrinkage


def test_shrinkage_matches_a_hand_calculation() -> None:
    # a: 200, 240 -> mean 220, SS = 20^2 + 20^2 = 800
    # b: 280, 300 -> mean 290, SS = 10^2 + 10^2 = 200
    # c: 330, 390 -> mean 360, SS = 30^2 + 30^2 = 1800
    # group mean 290; s_obs^2 = (70^2 + 0 + 70^2) / (3 - 1) = 4900
    # s_w^2 = (800 + 200 + 1800) / (1 + 1 + 1) = 933.333...; k = 2
    # s_b^2 = 4900 - 933.333 / 2 = 4433.333; s_b / s_obs = sqrt(4433.333 / 4900) = 0.951190
    # usual: a = 290 - 70 x 0.951190 = 223.4167, b = 290, c = 356.5833
    # below the EAR (265): a only -> 1/3
    row = _summary({"a": [200.0, 240.0], "b": [280.0, 300.0], "c": [330.0, 390.0]})
    assert row["distribution"] == USUAL
    assert row["sd_within"] == pytest.approx(math.sqrt(933.3333333), rel=1e-9)
    assert row["sd_between"] == pytest.approx(66.583281, rel=1e-6)
    assert row["shrinkage"] == pytest.approx(0.9511897, rel=1e-6)
    assert row["mean"] == pytest.approx(290.0)
    assert row["p5"] == pytest.approx(223.41670, rel=1e-6)
    assert row["p50"] == pytest.approx(290.0)
    assert row["p95"] == pytest.approx(356.58330, rel=1e-6)
    assert row["share_below_ear"] == pytest.approx(1 / 3)
    assert "single-day" not in row["note"]


def test_shrinkage_with_some_people_on_one_day_uses_the_mean_of_one_over_k() -> None:
    # a: 200, 240 (mean 220, SS 800); b: 280, 300 (mean 290, SS 200); c: 360 (one day)
    # group mean 290, s_obs^2 = 4900; s_w^2 from a and b only = (800 + 200) / 2 = 500
    # mean of 1/k = (1/2 + 1/2 + 1) / 3 = 2/3; s_b^2 = 4900 - 500 x 2/3 = 4566.667
    # factor = sqrt(4566.667 / 4900) = sqrt(0.931973) = 0.965387
    row = _summary({"a": [200.0, 240.0], "b": [280.0, 300.0], "c": [360.0]})
    assert row["distribution"] == USUAL
    assert row["shrinkage"] == pytest.approx(0.9653874, rel=1e-6)
    assert row["days_per_person"] == pytest.approx(5 / 3)


def test_no_between_person_variance_leaves_the_shares_empty() -> None:
    # a: 200, 400 (mean 300, SS 20000); b: 290, 310 (mean 300, SS 200): s_obs^2 = 0
    row = _summary({"a": [200.0, 400.0], "b": [290.0, 310.0], "c": [250.0, 380.0]})
    # c: mean 315 -> s_obs^2 = ((-5)^2 x 2 + 10^2) / 2 = 75; s_w^2 = (20000 + 200 + 8450) / 3
    # = 9550 -> s_b^2 = 75 - 4775 < 0
    assert row["distribution"] == NO_BETWEEN
    assert math.isnan(row["share_below_ear"]) and row["shrinkage"] == 0.0
    assert row["p5"] == row["p95"] == pytest.approx(305.0)
    assert "s_b^2 <= 0" in row["note"]


def test_equal_weights_change_nothing() -> None:
    days = {"a": [200.0, 240.0], "b": [280.0, 300.0], "c": [330.0, 390.0], "d": [250.0]}
    plain = _summary(days)
    weighted = _summary(days, weights=[2.5] * 4)
    for column in ("mean", "p5", "p50", "p95", "share_below_ear", "shrinkage", "sd_within"):
        assert weighted[column] == pytest.approx(plain[column], rel=1e-12)


def test_the_formulas_on_their_own() -> None:
    assert pooled_within_variance([800, 200, 1800], [2, 2, 2], [1, 1, 1], [0, 0, 0], 1)[
        0
    ] == pytest.approx(2800 / 3)
    assert math.isnan(pooled_within_variance([0.0], [1], [1], [0], 1)[0])  # nobody has 2 days
    assert float(shrinkage_factor(4900, 2800 / 3, 0.5)) == pytest.approx(0.9511897, rel=1e-6)
    values = np.array([5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 30.0, 20.0])
    group = np.array([0, 0, 0, 0, 0, 1, 1, 1])
    got = weighted_percentiles(values, np.ones(8), group, 2, [0.05, 0.25, 0.5, 0.75, 0.95])
    for g in (0, 1):
        expected = np.percentile(values[group == g], [5, 25, 50, 75, 95], method="inverted_cdf")
        np.testing.assert_array_equal(got[g], expected)


# ----------------------------------------------------------------- from an analysis


LINES = ["1 cup cooked spinach", "2 cups milk", "100 g almonds", "1 banana"]


def _cohort_log(people: int, days: int, extra: dict | None = None) -> pd.DataFrame:
    rows = []
    for i in range(people):
        for d in range(days):
            for line in LINES[: 1 + (i + d) % len(LINES)]:
                rows.append(
                    {
                        "person": f"p{i}",
                        "date": f"2026-11-{10 + d}",
                        "food": line,
                        **{k: v[i] for k, v in (extra or {}).items()},
                    }
                )
    return pd.DataFrame(rows)


def _profiles(people: int) -> dict[str, nl.Profile]:
    return {
        f"p{i}": nl.Profile(age=34 + (i % 3) * 20, sex="female" if i % 2 else "male")
        for i in range(people)
    }


def test_analysis_population_one_day_each_says_single_day() -> None:
    result = nl.analyze(_cohort_log(6, 1), _profiles(6), min_day_kcal=0)
    pop = result.population()
    assert set(pop["distribution"]) == {SINGLE_DAY}
    assert pop["note"].str.contains("single-day").all()
    assert set(pop["dri_group"]) <= {"male 31-50", "female 51-70", "male 71+", "male >70",
                                     "female 31-50", "male 51-70", "female >70"}  # fmt: skip
    assert pop.groupby("group")["people"].first().sum() == 6
    text = result.report().to_text()
    assert "single day" in text and "overstated" in text


def test_population_by_sex_and_by_a_log_column_with_weights() -> None:
    extra = {"site": ["north", "south"] * 3, "WTDRD1": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}
    result = nl.analyze(_cohort_log(6, 2, extra), _profiles(6), min_day_kcal=0)
    by_sex = result.population(by="sex")
    assert set(by_sex["sex"]) == {"female", "male"}
    assert by_sex["note"].str.contains("weighted by WTDRD1").all()  # found in the log
    by_site = result.population(by=["site"], weights=False)
    assert set(by_site["group"]) == {"north", "south"}
    assert not by_site["note"].str.contains("weighted").any()
    assert (by_site.groupby("group")["people"].max() == 3).all()
    # the weighted share equals a hand sum over the usual intakes of the table
    with pytest.raises(ArgumentError, match=r"by: expected a column of the people.*found 'county'"):
        result.population(by="county")


def test_weighted_share_through_an_analysis_matches_a_hand_sum() -> None:
    extra = {"weight": [1.0, 3.0, 1.0, 3.0, 1.0, 3.0]}
    result = nl.analyze(_cohort_log(6, 1, extra), _profiles(6), min_day_kcal=0)
    pop = result.population(by=[]).set_index("nutrient")  # everybody in one group
    a = result.assessment
    a = a[a["nutrient"] == "calcium"]
    w = np.array(extra["weight"])
    below = (a["mean"].to_numpy() < a["ear"].to_numpy()).astype(float)  # one day: no shrinkage
    assert pop.loc["calcium", "share_below_ear"] == pytest.approx((w * below).sum() / w.sum())
    assert pop.loc["calcium", "group"] == "everyone"


def test_dri_groups_by_age_sex_and_life_stage() -> None:
    got = dri_groups(
        [0.5, 8.25, 70.9, 71.0, 25.0, 16.0],
        ["male", "female", "female", "male", "female", "female"],
        ["none", "none", "none", "none", "pregnancy", "lactation"],
    ).tolist()
    assert got == ["infant 7-12 mo (male)", "child 4-8 (female)", "female 51-70", "male >70",
                   "pregnancy 19-30", "lactation 14-18"]  # fmt: skip


def test_bad_weights_and_columns_are_refused_with_what_was_found() -> None:
    people = pd.DataFrame({"group": "g", "w": [1.0, -2.0]}, index=["a", "b"])
    days = _mg({"a": [200.0], "b": [300.0]})
    with pytest.raises(ArgumentError, match="negative weight"):
        population_summary(days, _refs(["a", "b"]), people, by=["group"], weights="w")
    with pytest.raises(ArgumentError, match=r"expected columns \['site'\]"):
        population_summary(days, _refs(["a", "b"]), people, by=["site"])


def test_an_unknown_weight_column_is_refused() -> None:
    result = nl.analyze(_cohort_log(2, 1), _profiles(2), min_day_kcal=0)
    with pytest.raises(ArgumentError, match=r"weights: expected a column of .*\(\['amount_note'.*found 'WTMEC2YR'"):
        result.population(weights="WTMEC2YR")


def test_a_people_table_gives_weights_and_groups_to_the_population(tmp_path) -> None:
    people = pd.DataFrame(
        {
            "SEQN": [f"{i}.0" for i in range(6)],
            "RIDAGEYR": [34, 34, 54, 54, 74, 74],
            "RIAGENDR": [2, 1, 2, 1, 2, 1],
            "arm": ["a", "b"] * 3,
            "WTDRD1": [1.0, 3.0, 1.0, 3.0, 1.0, 3.0],
        }
    )
    path = tmp_path / "people.csv"
    people.to_csv(path, index=False)
    log = _cohort_log(6, 1).assign(person=lambda f: f["person"].str.lstrip("p"))
    result = nl.analyze(log, path, min_day_kcal=0)
    assert result.people["person"].tolist() == [str(i) for i in range(6)]
    by_arm = result.population(by="arm")
    assert set(by_arm["group"]) == {"a", "b"}
    assert by_arm["note"].str.contains("weighted by WTDRD1").all()  # from the people table
    pop = result.population(by=[]).set_index("nutrient")
    a = result.assessment
    a = a[a["nutrient"] == "calcium"].set_index("person").loc[[str(i) for i in range(6)]]
    w = people["WTDRD1"].to_numpy()
    below = (a["mean"].to_numpy() < a["ear"].to_numpy()).astype(float)
    assert pop.loc["calcium", "share_below_ear"] == pytest.approx((w * below).sum() / w.sum())


def test_a_daily_table_changed_after_the_analysis_is_read_again() -> None:
    result = nl.analyze(_cohort_log(6, 2), _profiles(6), min_day_kcal=0)
    before = result.population(by=[]).set_index("nutrient")
    result.daily.loc[0, "magnesium_mg"] = result.daily.loc[0, "magnesium_mg"] + 500.0
    changed = result.population(by=[]).set_index("nutrient")
    assert changed.loc["magnesium", "mean"] > before.loc["magnesium", "mean"]
    assert changed.loc["calcium", "mean"] == before.loc["calcium", "mean"]
    result.assessment = result.assessment  # no assessment of its own: the daily table alone
    pd.testing.assert_frame_equal(result.population(by=[]).set_index("nutrient"), changed)


def test_weighted_percentiles_with_ties_match_a_plain_sort_group_by_group() -> None:
    rng = np.random.default_rng(3)
    values = rng.integers(0, 6, 400).astype(float)  # many equal values in each group
    group = rng.integers(0, 5, 400)
    shares = [0.05, 0.25, 0.5, 0.75, 0.95]
    for weights in (np.full(400, 2.5), rng.uniform(0.1, 3.0, 400)):
        got = weighted_percentiles(values, weights, group, 5, shares)
        for g in range(5):
            order = np.lexsort((values[group == g],))
            v, w = values[group == g][order], weights[group == g][order]
            cum = np.cumsum(w)
            for j, share in enumerate(shares):
                at = np.searchsorted(cum, share * w.sum() - 1e-9 * max(w.sum(), 1.0))
                assert got[g, j] == v[min(at, len(v) - 1)]
