"""Counting what an analysis assumed, and the report's list of the heaviest assumptions."""

from __future__ import annotations

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.assumptions import join_assumptions, parse_assumptions, summarize_assumptions


def _entries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": ["d.txt"] * 4,
            "line": [1, 1, 2, 3],
            "text": ["toast w/ buter", "toast w/ buter", "aubergine", "1 apple"],
            "food": ["toast", "buter", "aubergine", "apple"],
            "description": ["Bread, toasted", "Butter, salted", "Eggplant, raw", "Apples, raw"],
            "grams": [25.0, 14.2, 82.0, 182.0],
            "magnesium_mg": [6.5, 0.3, 11.5, 9.1],
            "calcium_mg": [26.0, 3.4, 7.4, 10.9],
            "potassium_mg": [29.0, 3.4, 188.6, 194.7],
            "assumptions": [
                'component: of "toast w/ buter"',
                'component: of "toast w/ buter"; spelling: buter → butter',
                "synonym: aubergine → eggplant",
                "",
            ],
        }
    )


def test_parse_and_join_round_trip() -> None:
    items = [("component", 'of "a; b"'), ("spelling", "buter → butter")]
    assert parse_assumptions(join_assumptions(items))[1] == ("spelling", "buter → butter")
    assert parse_assumptions("") == [] and parse_assumptions(None) == []


def test_summary_counts_tags_and_lists_the_heaviest_first() -> None:
    summary = summarize_assumptions(_entries(), top=2)
    assert summary["entries"] == 3  # the apple assumed nothing
    assert summary["count"] == 4
    assert summary["by_tag"] == {"component": 2, "spelling": 1, "synonym": 1}
    heaviest = summary["heaviest"]
    assert [h["food"] for h in heaviest] == ["aubergine", "toast"]  # 82 g, then 25 g
    assert heaviest[0]["potassium_mg"] == pytest.approx(188.6)
    assert heaviest[0]["assumptions"] == [{"tag": "synonym", "detail": "aubergine → eggplant"}]


def test_summary_of_a_table_without_assumptions() -> None:
    assert summarize_assumptions(_entries().drop(columns="assumptions"))["count"] == 0


def test_report_counts_and_lists_assumptions() -> None:
    log = nl.parse_entries(["2 slices toast w/ 1 tbsp butter", "1 cup spinich"], date="2026-11-20")
    report = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0).report()
    assumed = report.to_dict()["data_quality"]["assumptions"]
    assert assumed["by_tag"] == {"component": 2, "spelling": 1}
    grams = [h["grams"] for h in assumed["heaviest"]]
    assert grams == sorted(grams, reverse=True) and len(grams) == 3
    assert assumed["heaviest"][0]["food"] == "toast"  # 2 slices, more than 1 cup spinach (30 g)
    assert "3 entries rest on 3 assumption(s) (component 2, spelling 1)" in report.to_text()
    assert "spelling: spinich → spinach" in report.to_markdown()
    assert "<h3>Assumptions</h3>" in report.to_html(charts=False)
