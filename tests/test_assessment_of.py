"""Some people's assessment rows, worded for them alone, equal their rows of the whole
assessment."""

from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

import nutrilog as nl


def _analysis() -> nl.Analysis:
    lines = []
    for person, food in (("ann", "1 banana"), ("bob", "2 cups milk"), ("cy", "100 g spinach")):
        for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
            lines.append(pd.DataFrame({"person": [person], "date": [day], "text": [food]}))
    log = nl.FoodLog.concat(
        nl.parse_entries(row["text"].tolist(), date=row["date"][0], person=row["person"][0])
        for row in lines
    )
    people = {
        "ann": nl.Profile(age=34, sex="female"),
        "bob": nl.Profile(age=8.25, sex="male"),
        "cy": nl.Profile(age=70.9, sex="female"),
    }
    return nl.analyze(log, people, min_day_kcal=0)


def test_some_peoples_rows_equal_the_whole_assessments() -> None:
    first = _analysis()
    part = first.assessment_of(["cy", "ann"])  # written for these two alone
    whole = _analysis().assessment
    expected = whole[whole["person"].isin(["ann", "cy"])].reset_index(drop=True)
    assert_frame_equal(part, expected)
    assert part["status_reason"].str.len().gt(0).all()
    # and once the whole assessment is written, from it
    first_whole = first.assessment
    assert_frame_equal(first.assessment_of(["cy", "ann"]), expected)
    assert_frame_equal(first_whole, whole)


def test_assessment_columns_are_those_of_the_numbers_before_and_after_the_words():
    """``assessment_columns`` builds only the columns asked for; they equal those of
    ``assessment_numbers``, whether or not the whole table or its words exist yet."""
    import nutrilog as nl

    log = nl.parse_entries(
        ["2 medium bananas", "1 cup chopped spinach"], date="2026-11-20", person="ann"
    )
    log = nl.FoodLog.concat(
        [log, nl.parse_entries(["1 cup milk"], date="2026-11-20", person="bob")]
    )
    profiles = {"ann": nl.Profile(age=34, sex="female"), "bob": nl.Profile(age=8, sex="male")}
    names = ["nutrient", "ul_applies_to", "ear", "days_above_ul", "status"]
    first = nl.analyze(log, profiles, min_day_kcal=0).assessment_columns(names)
    result = nl.analyze(log, profiles, min_day_kcal=0)
    whole = result.assessment_numbers[["person", *names]]
    assert first.columns.tolist() == ["person", *names]
    assert first.equals(whole)
    assert list(first.dtypes) == list(whole.dtypes)
    assert result.assessment_columns(names).equals(whole)  # from the table already built
    assert len(result.assessment)  # the words written: the columns come from the finished table
    assert result.assessment_columns(names).equals(whole)
