"""Day numbering and daily totals against plain pandas group-bys."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nutrilog.intake import daily_totals, day_numbers
from nutrilog.nutrients import NUTRIENT_COLUMNS


def _entries(dates: pd.Series, people: pd.Series, rng: np.random.Generator) -> pd.DataFrame:
    n = len(dates)
    frame = pd.DataFrame(
        {
            "person": people,
            "date": dates,
            "kind": rng.choice(["food", "food", "supplement"], n),
            "grams": np.where(rng.random(n) < 0.1, np.nan, rng.random(n) * 200),
        }
    )
    for col in NUTRIENT_COLUMNS:
        frame[col] = np.where(rng.random(n) < 0.2, np.nan, rng.random(n) * 100)
    return frame


@pytest.mark.parametrize(
    "dates",
    [
        pd.Series(pd.to_datetime(["2026-11-01", "2026-10-30", None, "2026-11-01"] * 50)),
        # times of day: not day numbers, so the keys are hashed and sorted instead
        pd.Series(pd.to_datetime(["2026-11-01 08:00", "2026-11-01 00:00", None, "1999-01-01 00:00"] * 50)),
        # a span of centuries: too many possible keys to mark, hashed instead
        pd.Series(pd.to_datetime(["1700-01-01", "2200-12-31", "2026-11-20", None] * 50)),
    ],
)
def test_day_numbers_follow_a_sorted_pandas_groupby(dates: pd.Series) -> None:
    rng = np.random.default_rng(0)
    people = pd.Series(rng.choice(["b", "a", "c"], len(dates))).astype("category")
    frame = pd.DataFrame({"person": people, "date": dates})
    day, first = day_numbers(frame)
    expected = frame.groupby(["person", "date"], dropna=False, sort=True, observed=True).ngroup()
    assert day.tolist() == expected.tolist()
    assert (day[first] == np.arange(len(first))).all()
    assert all(day[: first[k]].tolist().count(k) == 0 for k in range(len(first)))


def test_daily_totals_equal_pandas_sums_with_unknowns_missing() -> None:
    rng = np.random.default_rng(1)
    dates = pd.Series(pd.to_datetime("2026-11-01") + pd.to_timedelta(rng.integers(0, 5, 400), "D"))
    people = pd.Series(rng.choice(["p1", "p2"], 400))
    entries = _entries(dates, people, rng)
    entries.loc[entries["date"] == "2026-11-03", "magnesium_mg"] = np.nan  # a day with no value
    daily = daily_totals(entries)
    expected = entries.groupby(["person", "date"], sort=True)[NUTRIENT_COLUMNS].sum(min_count=1)
    got = daily.set_index(["person", "date"])[NUTRIENT_COLUMNS]
    pd.testing.assert_frame_equal(got, expected, check_names=False, rtol=1e-12)
    assert got.xs(pd.Timestamp("2026-11-03"), level=1)["magnesium_mg"].isna().all()
    counts = entries.groupby(["person", "date"], sort=True).size()
    assert daily["n_entries"].tolist() == counts.tolist()
