"""Tests of from_frame and read_log on a DataFrame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nutrilog.errors import LogParseError
from nutrilog.iotools import from_frame, read_log


def test_flexible_names_and_native_types() -> None:
    df = pd.DataFrame(
        {
            "Day": pd.to_datetime(["2026-11-20", "2026-11-20", "2026-11-21"]),
            "Item": ["banana", "magnesium citrate", "spinach"],
            "Qty": [2, 150, np.nan],
            "Unit": ["medium", "mg", None],
            "User": ["ana", "ana", "ben"],
        }
    )
    log = from_frame(df)
    assert log.rows_read == len(log.entries) + len(log.rejected) == 3
    e = log.entries
    assert e["quantity"].tolist() == [2.0, 150.0, 1.0]
    assert [None if pd.isna(u) else u for u in e["unit"]] == ["medium", "mg", None]
    assert e["amount_note"].tolist()[2] == "implicit one"
    assert e["kind"].tolist() == ["food", "supplement", "food"]
    assert e.loc[1, "magnesium_mg"] == 150.0
    assert e["person"].tolist() == ["ana", "ana", "ben"]
    assert e["source"].unique().tolist() == ["<dataframe>"]
    assert e["line"].tolist() == [1, 2, 3]
    assert e["date"].tolist()[2] == pd.Timestamp("2026-11-21")


def test_rejections_strict_and_empty_rows() -> None:
    df = pd.DataFrame(
        {
            "food": ["rice", None, "beans", None],
            "amount": [1, 2, -3, None],
            "unit": ["cup"] * 3 + [None],
        }
    )
    log = read_log(df)
    # the last row is all empty: not a row
    assert (log.rows_read, len(log.entries), len(log.rejected)) == (3, 1, 2)
    assert log.rejected["line"].tolist() == [2, 3]
    assert log.rejected["reason"].str.split(":").str[0].tolist() == [
        "missing food text",
        "negative amount",
    ]
    with pytest.raises(LogParseError) as err:
        from_frame(df, strict=True, source="mine")
    assert (err.value.source, err.value.line) == ("mine", 2)


def test_missing_food_column() -> None:
    with pytest.raises(LogParseError, match=r"found columns \['date', 'qty'\]"):
        from_frame(pd.DataFrame({"date": ["2026-11-20"], "qty": [1]}))


def test_rows_of_empty_cells_are_counted_not_read() -> None:
    # missing, blank and whitespace-only cells, in text, categorical and number columns
    df = pd.DataFrame(
        {
            "date": ["2026-11-20", None, "  ", "2026-11-20", ""],
            "food": pd.Categorical(["banana", "", None, " ", "rice"]),
            "grams": [118.0, np.nan, np.nan, np.nan, 50.0],
            "note": [None, " ", None, None, None],
        }
    )
    log = from_frame(df)
    assert log.entries["food"].tolist() == ["banana", "rice"]
    assert log.entries["line"].tolist() == [1, 5]
    assert log.skipped_lines == 2  # lines 2 and 3; line 4 has a date and no food
    assert log.rejected["line"].tolist() == [4]
    assert log.lines_read == 5 == len(log.entries) + len(log.rejected) + log.skipped_lines
