"""Analyse diary lines the way the recognition tests do: one day, a 40-year-old man."""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.foods import FoodTable


def entries_of(lines: list[str], foods: FoodTable) -> pd.DataFrame:
    """The analysed entries of ``lines``, dated 2026-11-20, every day counted."""
    log = nl.parse_entries(lines, date="2026-11-20")
    return nl.analyze(log, nl.Profile(age=40, sex="male"), foods=foods, min_day_kcal=0).entries


def rejected_reasons(line: str) -> pd.Series:
    """The reasons ``line`` was rejected for, after checking it gave no entry."""
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0)
    assert result.entries.empty, result.entries
    return result.rejected["reason"]


def entries_of_line(foods: FoodTable, line: str) -> pd.DataFrame:
    """The analysed entries of the one diary line ``line``."""
    return entries_of([line], foods)


def lands_on(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    """Check that ``line`` is one entry of ``food_id`` weighing ``grams``."""
    rows = entries_of_line(foods, line)
    assert len(rows) == 1, rows[["food_id", "grams"]]
    assert rows.iloc[0]["food_id"] == food_id
    assert rows.iloc[0]["grams"] == pytest.approx(grams)


def analysed(line: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entries and the rejected rows of the one diary line ``line``."""
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0)
    return result.entries, result.rejected


def one_entry(line: str) -> pd.Series:
    """The one entry ``line`` gives, after checking it gave one and rejected nothing."""
    entries, rejected = analysed(line)
    assert len(rejected) == 0, list(rejected["reason"])
    assert len(entries) == 1, entries[["food_id", "grams"]]
    return entries.iloc[0]


def one_entry_of(line: str, food_id: str, grams: float) -> None:
    """Check that ``line`` gives one entry, of ``food_id`` weighing ``grams``."""
    row = one_entry(line)
    assert row["food_id"] == food_id
    assert row["grams"] == pytest.approx(grams)
