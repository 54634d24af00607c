"""Reports of cohorts: the population summary first, one line per person, sections on request."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.cli import main
from nutrilog.errors import ArgumentError
from nutrilog.nutrients import ASSESSED

LINES = ["1 cup cooked spinach", "2 cups milk", "100 g almonds", "1 banana", "2 slices bread"]


def _log(people: list[str], days: int = 2) -> pd.DataFrame:
    rows = [
        {"person": p, "date": f"2026-11-{10 + d}", "food": line}
        for i, p in enumerate(people)
        for d in range(days)
        for line in LINES[: 2 + (i + d) % 4]
    ]
    return pd.DataFrame(rows)


def _profiles(people: list[str]) -> dict[str, nl.Profile]:
    return {p: nl.Profile(age=30 + 7 * i, sex="female" if i % 2 else "male")
            for i, p in enumerate(people)}  # fmt: skip


PEOPLE = [f"p{i}" for i in range(7)]


@pytest.fixture(scope="module")
def cohort() -> nl.Analysis:
    return nl.analyze(_log(PEOPLE), _profiles(PEOPLE), min_day_kcal=0)


def test_cohort_report_leads_with_the_population_summary(cohort: nl.Analysis) -> None:
    doc = cohort.report().to_dict()
    assert doc["population"]["rows"] and doc["population"]["method"]
    assert [line["person"] for line in doc["cohort"]["lines"]] == PEOPLE
    assert doc["people"] == []  # no full section unless asked for
    first = doc["cohort"]["lines"][0]
    assert set(first["status"]) == set(ASSESSED)
    text = cohort.report().to_text()
    order = [text.index(h) for h in ("Population summary", "Each person at a glance",
                                     "Data quality", "When to see a clinician")]  # fmt: skip
    assert order == sorted(order)
    assert "p3 (" not in text  # no person's heading
    for fmt in ("markdown", "html"):
        rendered = cohort.report().render(fmt)
        assert rendered.index("Population summary") < rendered.index("Each person at a glance")


def test_persons_and_per_person_select_the_full_sections(cohort: nl.Analysis) -> None:
    picked = cohort.report(persons=["p4", "p1"]).to_dict()
    assert [p["person"] for p in picked["people"]] == ["p4", "p1"]
    assert picked["cohort"]["shown"] == ["p4", "p1"]
    text = cohort.report(persons=["p4"]).to_text()
    assert text.index("Each person at a glance") < text.index("p4 (")
    every = cohort.report(per_person=True).to_dict()
    assert [p["person"] for p in every["people"]] == PEOPLE
    assert every["population"] is not None  # still a cohort
    with pytest.raises(ArgumentError, match="nobody"):
        cohort.report(persons=["nobody"])


def test_sections_of_some_people_equal_those_of_the_full_report(cohort: nl.Analysis) -> None:
    fresh = nl.analyze(_log(PEOPLE), _profiles(PEOPLE), min_day_kcal=0)
    some = fresh.report(persons=["p2"]).to_dict()["people"][0]  # computed for p2 alone
    full = {p["person"]: p for p in cohort.report(per_person=True).to_dict()["people"]}
    assert some == full["p2"]


def test_a_handful_of_people_get_full_sections_and_population_on_request() -> None:
    few = ["ann", "bea"]
    result = nl.analyze(_log(few), _profiles(few), min_day_kcal=0)
    doc = result.report().to_dict()
    assert doc["population"] is None and doc["cohort"] is None
    assert [p["person"] for p in doc["people"]] == few
    asked = result.report(population=True).to_dict()
    assert asked["population"]["rows"] and [p["person"] for p in asked["people"]] == few
    text = result.report(population=True).to_text()
    assert text.index("Population summary") < text.index("ann (")


def test_person_names_are_escaped_in_html_and_visible_in_text() -> None:
    names = ["<script>alert(1)</script>", "eve\x1b[2J", *[f"q{i}" for i in range(5)]]
    result = nl.analyze(_log(names), _profiles(names), min_day_kcal=0)
    html = result.report().to_html()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    text = result.report().to_text()
    assert "\x1b" not in text and "eve\\x1b[2J" in text
    markdown = result.report().to_markdown()
    assert "\x1b" not in markdown and "eve\\\\x1b\\[2J" in markdown  # Markdown escapes the [ too


def _write_cohort(tmp_path, people: list[str]):
    path = tmp_path / "cohort.csv"
    _log(people).to_csv(path, index=False)
    return path


def test_cli_person_and_per_person_select_sections(tmp_path, capsys) -> None:
    log = _write_cohort(tmp_path, PEOPLE)
    base = ["analyze", str(log), "--age", "40", "--sex", "female", "--format", "json"]
    base.append("--same-profile")
    assert main(base) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["people"] == [] and len(doc["cohort"]["lines"]) == 7 and doc["population"]
    assert main([*base, "--person", "p2", "--person", "p5"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [p["person"] for p in doc["people"]] == ["p2", "p5"]
    assert main([*base, "--per-person"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [p["person"] for p in doc["people"]] == PEOPLE
    assert main([*base, "--person", "p2", "--person", "zed"]) == 2  # a usage error
    assert "zed" in capsys.readouterr().err


def test_cli_population_flag_for_a_few_people(tmp_path, capsys) -> None:
    log = _write_cohort(tmp_path, ["ann", "bea"])
    argv = ["analyze", str(log), "--age", "40", "--sex", "female", "--population"]
    assert main([*argv, "--same-profile"]) == 0
    text = capsys.readouterr().out
    assert text.index("Population summary") < text.index("ann (")
    assert "EAR cut-point" in text


def test_population_grouped_by_a_chosen_column(cohort: nl.Analysis, tmp_path, capsys) -> None:
    doc = cohort.report(population="sex").to_dict()
    assert doc["population"]["by"] == ["sex"]
    assert {r["group"] for r in doc["population"]["rows"]} == {"female", "male"}
    log = _write_cohort(tmp_path, PEOPLE)
    argv = ["analyze", str(log), "--age", "40", "--sex", "female", "--format", "json"]
    assert main([*argv, "--same-profile", "--population-by", "life_stage"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["population"]["by"] == ["life_stage"]
    assert main([*argv, "--same-profile", "--population-by", "county"]) == 2
    assert "county" in capsys.readouterr().err
