"""Tests of nutrilog.profile: validation of the person profile."""

from __future__ import annotations

import pytest

from nutrilog.errors import NutrilogError, ProfileError
from nutrilog.profile import Profile, as_profile


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("female", "female"),
        ("F", "female"),
        (" Male ", "male"),
        ("m", "male"),
        ("FEMALE", "female"),
    ],
)
def test_sex_accepts_case_and_initials(given: str, expected: str) -> None:
    assert Profile(age=34, sex=given).sex == expected


def test_defaults_and_life_stage() -> None:
    person = Profile(age=34, sex="female")
    assert (person.pregnant, person.lactating, person.name, person.sd_within) == (
        False,
        False,
        None,
        None,
    )
    assert person.life_stage == "none"
    assert Profile(age=25, sex="f", pregnant=True).life_stage == "pregnancy"
    assert Profile(age=25, sex="f", lactating=True).life_stage == "lactation"


@pytest.mark.parametrize("age", [0, 0.25, 14, 50.99, 120])
def test_ages_in_range_are_accepted(age: float) -> None:
    assert Profile(age=age, sex="male").age == float(age)


@pytest.mark.parametrize("age", [-1, 120.5, float("nan")])
def test_age_out_of_range_is_a_value_error_with_a_readable_message(age: float) -> None:
    with pytest.raises(ValueError, match="age must be between 0 and 120 years"):
        Profile(age=age, sex="female")


def test_every_invalid_profile_is_a_profile_error_not_a_pydantic_one() -> None:
    # constructor, model_validate and assignment all give the library's own error
    with pytest.raises(ProfileError, match="age: age must be a number of years, found True"):
        Profile(age=True, sex="female")  # a bool is not 1 year
    with pytest.raises(ProfileError, match="^invalid profile: age: Input should be a valid number"):
        Profile.model_validate({"age": "x", "sex": "f"})
    person = Profile(age=30, sex="female")
    with pytest.raises(ProfileError, match="age must be between 0 and 120"):
        person.replace(age=-1)
    with pytest.raises(ProfileError, match="does not change"):
        person.age = -1  # a profile is frozen
    assert person.age == 30.0  # unchanged


def test_profiles_are_frozen_hashable_values() -> None:
    a = Profile(age=40, sex="m", sd_within={"calcium_mg": 300})
    b = Profile(age=40.0, sex="male", sd_within={"calcium": 300.0})
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert {a: "x"}[b] == "x"
    with pytest.raises(ProfileError, match="does not change"):
        a.sd_within["sodium"] = 900  # type: ignore[index]
    assert a.replace(sd_within={"sodium": 900}).sd_within == {"sodium": 900.0}
    assert a.sd_within == {"calcium": 300.0}


def test_unknown_sex_is_rejected() -> None:
    with pytest.raises(ProfileError, match="sex must be 'female' or 'male'"):
        Profile(age=30, sex="x")


def test_pregnancy_only_for_females() -> None:
    with pytest.raises(ProfileError, match="pregnancy applies only to females"):
        Profile(age=30, sex="male", pregnant=True)


@pytest.mark.parametrize("age", [13.9, 51, 60])
def test_pregnancy_and_lactation_only_14_to_50(age: float) -> None:
    # NOTES.md §1: pregnancy/lactation groups are 14-18, 19-30, 31-50; none under 14.
    with pytest.raises(ProfileError, match="only for ages 14 to 50"):
        Profile(age=age, sex="female", pregnant=True)
    with pytest.raises(ProfileError, match="lactation reference intakes"):
        Profile(age=age, sex="female", lactating=True)


def test_not_both_pregnant_and_lactating() -> None:
    with pytest.raises(ProfileError, match="not both"):
        Profile(age=30, sex="female", pregnant=True, lactating=True)


def test_unknown_field_is_rejected() -> None:
    with pytest.raises(ProfileError, match="pregant"):
        Profile(age=30, sex="female", pregant=True)


def test_sd_within_keys_normalised_and_checked() -> None:
    person = Profile(age=40, sex="male", sd_within={"magnesium_mg": 90, "sodium": 800})
    assert person.sd_within == {"magnesium": 90.0, "sodium": 800.0}
    with pytest.raises(ProfileError, match="unknown nutrient 'zinc'"):
        Profile(age=40, sex="male", sd_within={"zinc": 3})
    with pytest.raises(ProfileError, match="finite number >= 0"):
        Profile(age=40, sex="male", sd_within={"calcium": -5})


def test_as_profile_gives_a_one_line_profile_error() -> None:
    with pytest.raises(ProfileError) as info:
        as_profile({"age": 60, "sex": "female", "pregnant": True})
    message = str(info.value)
    assert message == (
        "invalid profile: pregnancy reference intakes exist only for ages 14 to 50, found age 60"
    )
    assert isinstance(info.value, NutrilogError)
    assert isinstance(info.value, ValueError)


def test_as_profile_passes_profiles_through_and_rejects_other_types() -> None:
    person = Profile(age=34, sex="female")
    assert as_profile(person) is person
    assert as_profile({"age": 34, "sex": "F"}) == person
    with pytest.raises(ProfileError, match="expected a Profile"):
        as_profile(34)  # type: ignore[arg-type]


def test_describe() -> None:
    assert Profile(age=25, sex="f", pregnant=True, name="Ana").describe() == (
        "Ana: female, 25 y, pregnant"
    )
