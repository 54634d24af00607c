"""Row texts held as codes into their pieces (nutrilog.joined_text) behave as text columns."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from nutrilog import JoinedText, joined_text, plain_text


def _pieces(*values: str) -> np.ndarray:
    return np.array(values, dtype=object)


def _sample() -> pd.Series:
    # "1 cup " + "x" and "1 " + "cup x" spell the same text; the last row is missing
    return joined_text(
        np.array([0, 1, 0, 2, -1]),
        _pieces("1 cup ", "2 ", "1 "),
        np.array([0, 0, 1, 2, 0]),
        _pieces("x", "eggs", "cup x"),
    )


def _texts(values: pd.Series) -> list[object]:
    return [None if pd.isna(v) else v for v in values]


@pytest.mark.parametrize("storage", ["pyarrow", "python"])
def test_joined_texts_read_as_text_in_either_string_storage(storage: str) -> None:
    with pd.option_context("mode.string_storage", storage):
        values = _sample()
        expected = ["1 cup x", "2 x", "1 cup eggs", "1 cup x", None]
        assert _texts(values) == expected
        assert _texts(plain_text(values)) == expected
        assert _texts(values.astype(str)) == expected
        assert _texts(values.to_numpy(dtype=object)) == expected
        assert values.iloc[1] == "2 x" and pd.isna(values.iloc[4])


def test_taking_and_filtering_keep_the_pieces() -> None:
    values = _sample()
    assert _texts(values.iloc[[3, 0]]) == ["1 cup x", "1 cup x"]
    assert _texts(values[values.notna()]) == ["1 cup x", "2 x", "1 cup eggs", "1 cup x"]
    filled = values.array.take(np.array([1, -1]), allow_fill=True, fill_value="none")
    assert list(filled) == ["2 x", "none"]
    assert isinstance(values.iloc[[0]].dtype, type(values.dtype))


def test_equal_texts_from_different_pieces_are_one_value() -> None:
    codes, uniques = pd.factorize(_sample())
    assert codes.tolist() == [0, 1, 2, 0, -1]
    assert list(uniques) == ["1 cup x", "2 x", "1 cup eggs"]
    assert _sample().value_counts().to_dict() == {"1 cup x": 2, "2 x": 1, "1 cup eggs": 1}
    assert (_sample() == "1 cup x").tolist() == [True, False, False, True, False]


def test_joining_arrays_with_other_pieces() -> None:
    a = _sample()
    b = joined_text(np.array([0]), _pieces("3 "), np.array([0]), _pieces("figs"))
    joined = pd.concat([a, b, a.iloc[:1]], ignore_index=True)
    assert isinstance(joined.array, JoinedText)
    assert _texts(joined) == _texts(a) + ["3 figs", "1 cup x"]
    mixed = pd.concat([b, pd.Series(["plain"])], ignore_index=True)
    assert mixed.tolist() == ["3 figs", "plain"]


def test_writing_missing_values_and_pickling() -> None:
    values = _sample()
    copy = values.copy()
    copy.iloc[0] = "a pear"
    copy.iloc[[1, 2]] = ["kiwi", None]
    assert _texts(copy) == ["a pear", "kiwi", None, "1 cup x", None]
    assert _texts(values)[0] == "1 cup x"  # the original is untouched
    assert _texts(values.fillna("?"))[-1] == "?"
    back = pickle.loads(pickle.dumps(pd.DataFrame({"text": values})))
    assert _texts(back["text"]) == _texts(values)
    assert back.groupby("text").size().to_dict() == {"1 cup eggs": 1, "1 cup x": 2, "2 x": 1}
