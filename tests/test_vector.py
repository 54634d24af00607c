"""Categorical helpers and the entries table's categorical text columns."""

from __future__ import annotations

import numpy as np
import pandas as pd

import nutrilog as nl
from nutrilog import (
    as_category,
    choose,
    concat_categories,
    distinct_rows,
    sorted_categories,
    text_category,
)
from nutrilog.log import TEXT_COLUMNS, FoodLog, concat_entries, entries_from_columns


def _texts(values: pd.Series) -> list[object]:
    return [None if pd.isna(v) else v for v in values]


def test_concat_categories_maps_codes_onto_the_union_and_keeps_missing() -> None:
    a = as_category(pd.Series(["x", None, "y"]))
    b = as_category(pd.Series(["z", "x", None]))
    joined = concat_categories([a, b])
    assert _texts(joined) == ["x", None, "y", "z", "x", None]
    assert sorted(joined.cat.categories) == ["x", "y", "z"]


def test_text_category_fills_missing_and_sorts_categories() -> None:
    values = as_category(pd.Series(["b", None, "a", "b"]))
    out = text_category(values, fill="default")
    assert out.tolist() == ["b", "default", "a", "b"]
    assert list(out.cat.categories) == ["a", "b", "default"]
    assert _texts(text_category(pd.Series(["b", np.nan, None]))) == ["b", None, None]


def test_sorted_categories_keeps_mixed_types_in_their_order() -> None:
    mixed = as_category(pd.Series([3, "a", 3]))
    assert sorted_categories(mixed).tolist() == [3, "a", 3]


def test_choose_takes_each_side_where_asked() -> None:
    yes = as_category(pd.Series(["x", None, "x"]))
    no = pd.Series(["p", "q", None])
    out = choose(np.array([True, True, False]), yes, no)
    assert _texts(out) == ["x", None, None]
    out = choose(np.array([False, True, False]), yes, no)
    assert _texts(out) == ["p", None, None]


def test_distinct_rows_agree_for_categorical_and_plain_columns() -> None:
    a = pd.Series(["m", "n", "m", "m"])
    b = pd.Series(["1", "1", "1", "2"])
    codes_plain, distinct_plain = distinct_rows({"a": a, "b": b})
    codes_cat, distinct_cat = distinct_rows({"a": as_category(a), "b": as_category(b)})
    assert codes_plain.tolist() == codes_cat.tolist() == [0, 1, 0, 2]
    pd.testing.assert_frame_equal(distinct_plain, distinct_cat)


def test_entries_text_columns_are_sorted_categoricals_with_the_same_values() -> None:
    table = entries_from_columns(
        {
            "food": pd.Series(["pear", "apple", None]),
            "person": pd.Series([None, "b", "a"]),
            "unit": pd.Series(["cup", None, "g"]),
        }
    )
    for col in TEXT_COLUMNS:
        assert isinstance(table[col].dtype, pd.CategoricalDtype), col
        cats = list(table[col].cat.categories)
        assert cats == sorted(cats), col
    assert _texts(table["food"]) == ["pear", "apple", None]
    assert table["person"].tolist() == ["default", "b", "a"]  # no person: "default"
    assert table["kind"].tolist() == ["food"] * 3  # no kind: food
    assert table["text"].dtype == object  # nearly unique per row: plain text


def test_person_given_as_numbers_becomes_text() -> None:
    table = entries_from_columns({"food": pd.Series(["a", "b"]), "person": pd.Series([7, 12])})
    assert table["person"].tolist() == ["7", "12"]


def test_joined_logs_keep_categoricals_and_every_value() -> None:
    a = nl.parse_entries(["1 apple", "magnesium 200 mg"], date="2026-11-20", person="p1")
    b = nl.parse_entries(["2 medium bananas"], date="2026-11-21", person="p2")
    joined = FoodLog.concat([a, b])
    for col in TEXT_COLUMNS:
        assert isinstance(joined.categorical_entries()[col].dtype, pd.CategoricalDtype), col
    assert joined.entries["person"].tolist() == ["p1", "p1", "p2"]
    assert joined.entries["kind"].tolist() == ["food", "supplement", "food"]
    assert joined.entries["food"].tolist() == ["apple", "magnesium", "bananas"]
    assert joined.rows_read == 3
    again = concat_entries([a.categorical_entries(), b.categorical_entries()])
    pd.testing.assert_frame_equal(again, joined.categorical_entries(), check_categorical=False)


def test_groupby_on_entries_sorts_like_text() -> None:
    log = nl.parse_entries(["1 pear", "1 apple", "1 fig"], date="2026-11-20")
    counts = log.entries.groupby("food", observed=True).size()
    assert counts.index.tolist() == ["apple", "fig", "pear"]


def test_plain_text_can_be_written_into_entries_and_the_analysis_sees_it() -> None:
    log = nl.parse_entries(["1 pear", "1 pear"], date="2026-11-20")
    log.entries.loc[0, "food"] = "banana"  # a text no row had: no TypeError
    log.entries.loc[log.entries["unit"].isna(), "unit_kind"] = None
    assert log.entries["food"].tolist() == ["banana", "pear"]
    coded = log.categorical_entries()
    assert isinstance(coded["food"].dtype, pd.CategoricalDtype)
    assert coded["food"].tolist() == ["banana", "pear"]
    result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    assert result.entries["description"].str.startswith("Banana").tolist() == [True, False]
    result.entries.loc[1, "description"] = "a pear I picked"  # the result takes text too
    assert result.categorical_entries()["description"].iloc[1] == "a pear I picked"
