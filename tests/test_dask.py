"""nutrilog.dask gives the in-memory results, whatever the partitions.

The log mixes what the per-row work has to get right: texts matched by words,
rows with ids, grams and amounts with units, an unknown food (unmatched), units a
food has no portion for (no grams), a supplement, water and unreadable amounts
(rejected). Its rows are shuffled, so every person-day is split over partitions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")

import nutrilog as nl  # noqa: E402
import nutrilog.dask as nld  # noqa: E402
from nutrilog.errors import ArgumentError  # noqa: E402
from nutrilog.intake import DAILY_COLUMNS  # noqa: E402

# (food, food_id, amount, unit, grams)
FOODS = [
    ("banana", None, 1, "medium", None),
    ("Spinach, raw", "sr28:11457", None, None, 30),
    ("whole milk", None, 1, "cup", None),
    ("qxzv wqkj", None, 2, "cup", None),  # matches nothing
    ("salmon", "sr28:15076", 1, "cup", None),  # no cup portion: no grams
    ("almonds", None, 1, "slice", None),  # no slice portion: no grams
    ("apple", None, "abc", "g", None),  # unreadable amount: rejected
    ("rice", None, None, "some", None),
    ("magnesium citrate 200 mg", None, 1, None, None),
    ("water", None, 500, "ml", None),
    ("Yogurt, plain, whole milk", None, 170, "g", None),
    ("salmon", "sr28:15076", 4, "oz", None),
    ("almonds", None, None, None, 28),
]


def _log(n: int = 600, people: int = 4, days: int = 3, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(n):
        food, food_id, amount, unit, grams = FOODS[rng.integers(len(FOODS))]
        rows.append(
            {
                "person": f"p{rng.integers(people)}",
                "date": f"2026-11-{20 + rng.integers(days)}",
                "food": food,
                "food_id": food_id,
                "amount": amount,
                "unit": unit,
                "grams": grams,
            }
        )
    return pd.DataFrame(rows)


PROFILES = {
    "p0": nl.Profile(age=34, sex="female"),
    "p1": nl.Profile(age=70, sex="male"),
    "p2": nl.Profile(age=15, sex="female"),
    "p3": nl.Profile(age=45, sex="male"),
}


def _same_frames(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal tables: text and counts exactly, floats to the last digits that sums allow."""
    assert list(left.columns) == list(right.columns)
    assert len(left) == len(right)
    for col in left.columns:
        a, b = left[col], right[col]
        if pd.api.types.is_float_dtype(a) and pd.api.types.is_float_dtype(b):
            np.testing.assert_allclose(
                a.to_numpy(dtype=float), b.to_numpy(dtype=float), rtol=1e-12, atol=0, err_msg=col
            )
        else:
            assert a.astype(object).tolist() == b.astype(object).tolist(), col


def _split(df: pd.DataFrame, n: int) -> dd.DataFrame:
    return dd.from_pandas(df, npartitions=n, sort=False)


def test_every_person_day_is_split_over_partitions() -> None:
    # the premise of the tests below: the partial sums of a day really have to add up
    ddf = _split(_log(), 5)
    days = ddf.map_partitions(lambda p: p[["person", "date"]].drop_duplicates()).compute()
    assert ddf.npartitions == 5
    assert days.value_counts().min() >= 2  # every person-day in two partitions or more


@pytest.mark.parametrize("partitions", [1, 5, 13])
def test_daily_totals_equal_the_in_memory_ones(partitions: int) -> None:
    df = _log()
    expected = nl.analyze(df, PROFILES, min_day_kcal=0).daily.drop(columns="complete")
    got = nld.daily_totals(_split(df, partitions), scheduler="sync")
    assert list(got.columns) == DAILY_COLUMNS
    _same_frames(got, expected)
    # the log holds every kind of row, so the comparison covers them all
    assert got["n_unmatched"].sum() > 0 and got["n_no_grams"].sum() > 0
    assert got["n_supplements"].sum() > 0
    assert got["coverage_magnesium"].lt(1).any()  # unweighed entries count against coverage


def test_analyze_equals_the_in_memory_analysis() -> None:
    df = _log()
    expected = nl.analyze(df, PROFILES)
    got = nld.analyze(_split(df, 7), PROFILES, scheduler="sync")
    _same_frames(got.daily, expected.daily)
    _same_frames(got.assessment, expected.assessment)
    _same_frames(got.summary, expected.summary)
    assert got.counts == expected.counts
    assert got.profiles == expected.profiles
    assert len(got.unmatched) == len(expected.unmatched) > 0
    assert sorted(got.unmatched["food"]) == sorted(expected.unmatched["food"].astype(str))
    assert len(got.rejected) == len(expected.rejected) > 0
    assert got.entries.empty  # the rows stayed on the workers
    assert set(got.entries.columns) == set(expected.entries.columns)


def test_a_day_split_in_two_adds_up_to_hand_sums() -> None:
    # one day of one person: 118 g banana (27 mg Mg per 100 g) in one partition,
    # 30 g spinach (79 mg per 100 g) and a food without grams in the other
    df = pd.DataFrame(
        {
            "person": "a",
            "date": "2026-11-20",
            "food": ["banana", "spinach, raw", "qxzv wqkj"],
            "food_id": ["sr28:9040", "sr28:11457", None],
            "grams": [118.0, 30.0, None],
        }
    )
    daily = nld.daily_totals(_split(df, 2), scheduler="sync")
    row = daily.iloc[0]
    assert len(daily) == 1
    assert row["magnesium_mg"] == pytest.approx(118 * 0.27 + 30 * 0.79, rel=1e-12)
    # the unknown entry weighs the day's mean weighed entry, (118 + 30) / 2 g
    assert row["coverage_magnesium"] == pytest.approx(148 / (148 + 74), rel=1e-12)
    assert (row["n_entries"], row["n_unmatched"]) == (3, 1)


def test_a_nutrient_unknown_everywhere_stays_missing() -> None:
    # only the unmatched food on this day: nothing known, so NaN, not 0
    df = pd.DataFrame(
        {
            "person": "a",
            "date": ["2026-11-20", "2026-11-20"],
            "food": ["qxzv wqkj"] * 2,
            "grams": [100.0, 50.0],
        }
    )
    row = nld.daily_totals(_split(df, 2), scheduler="sync").iloc[0]
    assert np.isnan(row["magnesium_mg"]) and row["coverage_magnesium"] == 0.0


def test_read_log_reads_csv_files_like_the_in_memory_reader(tmp_path) -> None:
    df = _log(seed=9)
    first, second = df.iloc[:300], df.iloc[300:]
    first.to_csv(tmp_path / "a.csv", index=False)
    second.to_csv(tmp_path / "b.csv", index=False)
    ddf = nld.read_log(tmp_path / "*.csv", blocksize=4000)
    assert ddf.npartitions >= 4  # small blocks: several partitions per file
    got = nld.daily_totals(ddf, scheduler="sync")
    expected = nl.analyze(
        [tmp_path / "a.csv", tmp_path / "b.csv"], PROFILES, min_day_kcal=0
    ).daily.drop(columns="complete")
    _same_frames(got, expected)


def test_on_a_local_distributed_cluster() -> None:
    distributed = pytest.importorskip("distributed")
    df = _log(seed=11)
    expected = nl.analyze(df, PROFILES)
    with (
        distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        got = nld.analyze(_split(df, 6), PROFILES)
    _same_frames(got.daily, expected.daily)
    _same_frames(got.assessment, expected.assessment)
    assert got.counts == expected.counts


def test_refuses_what_is_not_a_dask_frame() -> None:
    with pytest.raises(ArgumentError, match="expected a dask.dataframe.DataFrame.*found DataFrame"):
        nld.daily_totals(_log())
    with pytest.raises(ArgumentError, match="split_every: expected .* 2 or more, found 1"):
        nld.daily_totals(_split(_log(), 2), split_every=1)
