"""A people table whose rows are all valid is read column by column; the profiles are
the ones the row-by-row checks make."""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog.people as people_module
import nutrilog.profile as profile_module
from nutrilog.profile import Profile, read_people

TABLES = {
    "text": pd.DataFrame(
        {
            "person": ["1", "2", "3", "4", "5"],
            "age": ["8.25", "30", "30", "0.5", "70.9"],
            "sex": ["m", "female", "F", "male", "f"],
            "pregnant": ["", "yes", "no", "", "0"],
            "lactating": ["", "", "true", "", ""],
        }
    ),
    "nhanes": pd.DataFrame(
        {
            "SEQN": [83732.0, 83733.0, 83734.0],
            "RIDAGEYR": [62, 28, 28],
            "RIAGENDR": [1, 2, 2],
            "RIDEXPRG": [None, 1, 2],
        }
    ),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_column_path_gives_the_row_by_row_profiles(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = read_people(TABLES[name])
    monkeypatch.setattr(people_module, "_plain_people", lambda *args: None)
    slow = read_people(TABLES[name])
    assert list(fast) == list(slow)
    assert fast == slow
    for person, profile in fast.items():
        assert hash(profile) == hash(slow[person])
        assert profile == Profile(**profile.model_dump())  # every field is a valid one


def test_column_path_keeps_each_persons_own_age() -> None:
    people = read_people(TABLES["text"])
    assert [p.age for p in people.values()] == [8.25, 30.0, 30.0, 0.5, 70.9]
    assert [p.life_stage for p in people.values()] == [
        "none", "pregnancy", "lactation", "none", "none",
    ]  # fmt: skip
    with pytest.raises(profile_module.ProfileError):
        people["1"].age = 9  # type: ignore[misc]


def test_an_invalid_row_is_still_named() -> None:
    table = TABLES["text"].assign(pregnant=["", "yes", "no", "", "maybe"])
    with pytest.raises(profile_module.ProfileError, match="row 5: pregnant must be yes or no"):
        read_people(table)
