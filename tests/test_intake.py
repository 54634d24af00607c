"""Day numbering and daily totals against plain pandas group-bys."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nutrilog.food_sources import top_foods, top_sources
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


def _day(grams: list[float], magnesium: list[float]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"person": "a", "date": pd.Timestamp("2026-11-20"), "kind": "food", "grams": grams}
    )
    for col in NUTRIENT_COLUMNS:
        frame[col] = np.nan
    frame["magnesium_mg"] = magnesium
    return frame


def test_an_entry_without_grams_is_not_weighed_like_a_pinch_of_salt() -> None:
    # salt 1 g, oil 1 g and pasta 300 g are known; a plate of unmatched food has no grams.
    # The day's median weight (1 g) would put coverage at 302 / 303 = 99.7%; the entry
    # counts as an average weighed entry instead, (1 + 1 + 300) / 3 = 100.67 g, so
    # coverage = 302 / (302 + 100.67) = 0.75: three of four entries, by weight and by count
    day = _day([1.0, 1.0, 300.0, np.nan], [0.0, 0.0, 75.0, np.nan])
    row = daily_totals(day).iloc[0]
    assert row["coverage_magnesium"] == pytest.approx(0.75)
    assert row["magnesium_mg"] == 75.0


def test_a_day_without_any_weighed_entry_is_covered_by_count() -> None:
    # a source that reported the nutrients but no grams: 2 of 3 entries carry a value
    day = _day([np.nan, np.nan, np.nan], [40.0, 60.0, np.nan])
    row = daily_totals(day).iloc[0]
    assert row["coverage_magnesium"] == pytest.approx(2 / 3)
    assert row["magnesium_mg"] == 100.0


def test_top_sources_are_the_foods_top_foods_lists_first() -> None:
    # spellings that differ by case and spacing, unknown values, ties and rows without text
    words = np.array(["Salt", "salt", "bread ", "Bread", "soy sauce", "ham", None], dtype=object)
    for seed in range(20):
        rng = np.random.default_rng(seed)
        n = int(rng.integers(1, 30))
        entries = pd.DataFrame(
            {
                "person": "p1",
                "food": words[rng.integers(0, len(words), n)],
                "description": np.array(["x", "y", "z"], dtype=object)[rng.integers(0, 3, n)],
            }
        )
        for column in NUTRIENT_COLUMNS:
            entries[column] = rng.choice([0.0, 1.0, 2.0, np.nan], n)  # few values: ties
        top = top_foods(entries, n=3)
        for column in NUTRIENT_COLUMNS:
            expected = top.loc[top["column"] == column, "food"].astype(str).tolist()
            assert top_sources(entries, column, 3) == expected, (seed, column)


def test_top_sources_keep_the_order_of_appearance_between_equal_amounts() -> None:
    entries = pd.DataFrame(
        {
            "person": "p1",
            "food": ["ham", "Salt", "bread", "salt", "olives"],
            "sodium_mg": [2.0, 1.0, 2.0, 2.0, np.nan],
        }
    )
    assert top_sources(entries, "sodium_mg") == ["Salt", "ham", "bread"]
    assert top_sources(entries.assign(sodium_mg=np.nan), "sodium_mg") == []  # none known
