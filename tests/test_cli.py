"""The command line: exit codes, one-line errors, outputs; and CSV formula neutralising."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from nutrilog import safe_cell, safe_frame, to_csv
from nutrilog.cli import main

# ----------------------------------------------------------------------------- _csvsafe


@pytest.mark.parametrize("text", ["=1+1", "+cheese", "-2 cups", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_prefixes_formula_starts(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_safe_frame_touches_only_risky_text() -> None:
    frame = pd.DataFrame(
        {
            "food": ['=HYPERLINK("http://x")', "milk", None],
            "g": [-1.5, 2.0, 3.0],
            "=col": ["a", "b", "c"],
        }
    )
    out = safe_frame(frame)
    assert out["food"].tolist()[:2] == ['\'=HYPERLINK("http://x")', "milk"]
    assert out["food"].isna().tolist() == [False, False, True]
    assert out["g"].tolist() == [-1.5, 2.0, 3.0]  # numbers are data, not formulas
    assert list(out.columns) == ["food", "g", "'=col"]
    assert frame["food"].iloc[0].startswith("=")  # the input is not modified
    buffer = io.StringIO()
    to_csv(frame, buffer, index=False)
    written = pd.read_csv(io.StringIO(buffer.getvalue()))
    assert written.loc[0, "food"] == '\'=HYPERLINK("http://x")'


# ----------------------------------------------------------------------------- help and usage


def test_help_lists_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "nutrilog analyze week.csv --age 34 --sex female" in out
    assert "exit status" in out


def test_python_dash_m_help_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nutrilog", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "usage: nutrilog" in done.stdout and "references" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["analyze"],
        ["analyze", "log.csv", "--sex", "female"],  # --age missing
        ["references", "--age", "34", "--sex", "x"],
        ["references", "--age", "34", "--sex", "f", "--pregnant", "--lactating"],
        ["foods", "search", "milk", "--limit", "0"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_invalid_profile_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["references", "--age", "60", "--sex", "female", "--pregnant"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "pregnancy reference intakes exist only for ages 14 to 50, found age 60" in err


# ----------------------------------------------------------------------------- references


def test_references_text_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["references", "--age", "34", "--sex", "female"]) == 0
    out = capsys.readouterr().out
    assert "Dietary Reference Intakes per day (female, 34 y)" in out
    assert main(["references", "--age", "34", "--sex", "F", "--format", "csv"]) == 0
    refs = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("nutrient")
    # women 31-50: magnesium EAR 265 / RDA 320 mg, UL 350 mg from supplements (IOM 1997/2000)
    assert refs.loc["magnesium", ["ear", "rda", "ul"]].tolist() == [265, 320, 350]
    assert refs.loc["magnesium", "ul_applies_to"] == "supplements"
    assert refs.loc["sodium", "cdrr"] == 2300  # NASEM 2019 CDRR, 14+ y


def test_references_json_pregnant(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["references", "--age", "25", "--sex", "female", "--pregnant", "--format", "json"])
        == 0
    )
    rows = {r["nutrient"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["magnesium"]["rda"] == 350  # pregnancy 19-30 (IOM 1997)
    assert rows["water"]["ai"] == 3000  # pregnancy 3.0 L total water (IOM 2005), in grams


# ----------------------------------------------------------------------------- foods


def test_foods_search_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["foods", "search", "raw spinach", "--limit", "2", "--format", "csv"]) == 0
    hits = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(hits) == 2
    assert hits.loc[0, "id"] == "sr28:11457" and hits.loc[0, "description"] == "Spinach, raw"


def test_foods_search_neutralises_formulas_of_user_foods(tmp_path, capsys) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text('name,Magnesium (mg)\n"=HYPERLINK(""http://evil"")",40\n', encoding="utf-8")
    assert (
        main(
            [
                "foods",
                "search",
                "hyperlink evil",
                "--foods",
                str(mine),
                "--limit",
                "1",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    hits = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert hits.loc[0, "description"] == '\'=HYPERLINK("http://evil")'


def test_foods_show_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["foods", "show", "sr28:11457"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sr28:11457  Spinach, raw")
    assert "Household portions" in out
    assert main(["foods", "show", "sr28:11457", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    # SR28 NDB 11457 spinach, raw, per 100 g: magnesium 79 mg, calcium 99 mg, potassium 558 mg
    assert doc["per_100g"]["magnesium_mg"] == 79
    assert doc["per_100g"]["calcium_mg"] == 99
    assert doc["per_100g"]["potassium_mg"] == 558
    assert {"description": "cup", "amount": 1.0, "unit": "cup", "grams": 30.0} in doc["portions"]


def test_foods_show_unknown_id_is_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["foods", "show", "sr28:99999"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nutrilog: error: unknown food id 'sr28:99999'")
    assert err.count("\n") == 1 and "Traceback" not in err


# ----------------------------------------------------------------------------- analyze


def test_analyze_missing_file_is_exit_1(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.csv"
    assert main(["analyze", str(missing), "--age", "34", "--sex", "female"]) == 1
    err = capsys.readouterr().err
    assert "nope.csv" in err and err.count("\n") == 1 and "Traceback" not in err


def _week(tmp_path) -> str:
    """A CSV log: 2 days, one unmatched food, one unreadable row (line 6)."""
    path = tmp_path / "week.csv"
    path.write_text(
        "date,food,amount,unit\n"
        "2026-11-19,banana,2,medium\n"
        "2026-11-19,chopped spinach,1,cup\n"
        "2026-11-20,banana,2,medium\n"
        "2026-11-20,<script>alert(1)</script> zzqx,1,\n"
        "2026-11-20,banana,x,furlongs\n",
        encoding="utf-8",
    )
    return str(path)


def test_analyze_text_report_with_warnings(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", _week(tmp_path), "--age", "34", "--sex", "female"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("nutrilog report")
    assert "Next steps" in captured.out and "not medical advice" in captured.out
    assert "Entries to check" in captured.out and "Verdicts in detail" not in captured.out
    assert "\x1b[" not in captured.out  # not a terminal: no colour
    warnings = captured.err.splitlines()
    assert any(
        "1 row(s) could not be read; first:" in w and "week.csv, line 6" in w for w in warnings
    )
    assert any("1 food(s) not matched" in w and "line 5" in w for w in warnings)
    assert "Traceback" not in captured.err


def test_analyze_json_numbers(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["analyze", _week(tmp_path), "--age", "34", "--sex", "female", "--format", "json"])
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    dq = doc["data_quality"]
    assert dq["counts"]["rows_read"] == 5 and dq["counts"]["rejected"] == 1
    assert dq["rejected"][0]["line"] == 6
    daily = {d["date"]: d for d in doc["people"][0]["daily"]}
    # SR28: banana (09040) 27 mg Mg/100 g, medium = 118 g; spinach raw (11457) 79 mg/100 g,
    # 1 cup = 30 g. Nov 19: 2 x 118 x 0.27 + 30 x 0.79 = 63.72 + 23.7 = 87.42 mg
    assert daily["2026-11-19"]["magnesium_mg"] == pytest.approx(87.42, abs=0.01)
    assert daily["2026-11-20"]["magnesium_mg"] == pytest.approx(63.72, abs=0.01)


def test_analyze_output_file_format_from_suffix(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _week(tmp_path)
    html_path, md_path = tmp_path / "r.html", tmp_path / "r.md"
    assert main(["analyze", log, "--age", "34", "--sex", "f", "-o", str(html_path)]) == 0
    page = html_path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page
    assert f"report written to {html_path}" in capsys.readouterr().err
    assert main(["analyze", log, "--age", "34", "--sex", "f", "-o", str(md_path)]) == 0
    assert md_path.read_text("utf-8").startswith("# nutrilog report")
    assert capsys.readouterr().out == ""  # the report went to the file


def test_analyze_strict_stops_at_the_bad_row(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", _week(tmp_path), "--age", "34", "--sex", "female", "--strict"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nutrilog: error: ") and "week.csv, line 6" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def _text_logs_as_json(date: str, *logs: Path) -> list[str]:
    """``analyze`` of text logs whose entries fall on ``date``, for a woman of 34, as JSON."""
    return [
        "analyze", *map(str, logs), "--log-format", "text", "--date", date,
        "--age", "34", "--sex", "female", "--format", "json",
    ]  # fmt: skip


def test_analyze_strict_with_unmatched_food_exits_1_after_the_report(tmp_path, capsys) -> None:
    day = tmp_path / "day.txt"
    day.write_text("2 medium bananas\n1 cup qwzzx blorp\n", encoding="utf-8")
    argv = [*_text_logs_as_json("2026-11-20", day), "--person", "ana"]
    assert main(argv) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["people"][0]["person"] == "ana"
    assert doc["people"][0]["period"]["first"] == "2026-11-20"
    assert main([*argv, "--strict"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["data_quality"]["counts"]["unmatched"] == 1
    assert "1 food(s) not matched" in captured.err


def test_analyze_several_logs_are_read_together(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("2 medium bananas\n", encoding="utf-8")
    b.write_text("1 cup chopped spinach\n", encoding="utf-8")
    assert main(_text_logs_as_json("2026-11-19", a, b)) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["data_quality"]["counts"]["rows_read"] == 2
    (day,) = doc["people"][0]["daily"]
    assert day["magnesium_mg"] == pytest.approx(87.42, abs=0.01)  # as in test_analyze_json_numbers


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "report.pdf"], "cannot write .pdf files; the formats are text (.txt .text)"),
        (["--format", "text", "-o", "report.html"], "does not fit --format text"),
        (["--format", "csv", "-o", "days.json"], "does not fit --format csv"),
    ],
)
def test_analyze_output_suffix_must_fit_the_format(
    tmp_path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    log = _week(tmp_path)
    argv = ["analyze", log, "--age", "34", "--sex", "female"]
    assert main([*argv, *[str(tmp_path / a) if "." in a else a for a in extra]]) == 2
    err = capsys.readouterr().err
    assert message in err and "csv (.csv)" in err and len(err.splitlines()) == 1
    assert not list(tmp_path.glob("report.*")) and not list(tmp_path.glob("days.*"))


def test_analyze_daily_totals_as_csv(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _week(tmp_path)
    argv = ["analyze", log, "--age", "34", "--sex", "female"]
    assert main([*argv, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["date"] for r in rows] == ["2026-11-19", "2026-11-20"]
    assert "magnesium_mg" in rows[0] and "coverage_magnesium" in rows[0]
    daily = tmp_path / "daily.csv"
    assert main([*argv, "--daily", str(daily), "-o", str(tmp_path / "r.txt")]) == 0
    assert "daily totals written to" in capsys.readouterr().err
    again = list(csv.DictReader(io.StringIO(daily.read_text(encoding="utf-8"))))
    assert again == rows
    assert main([*argv, "--daily", log]) == 2  # never over an input
    assert "found the input" in capsys.readouterr().err


def test_analyze_details_adds_the_statistics(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["analyze", _week(tmp_path), "--age", "34", "--sex", "female"]
    assert main(argv) == 0
    short = capsys.readouterr().out
    assert main([*argv, "--details"]) == 0
    full = capsys.readouterr().out
    assert "Verdicts in detail" in full and "Daily totals" in full
    assert "EAR: the estimated average requirement" in full
    assert "Verdicts in detail" not in short and "--details" in short
    assert full.startswith(short.split("Statistical details")[0][:200])


def test_example_week_answers_within_forty_lines() -> None:
    from pathlib import Path

    import nutrilog as nl

    root = Path(__file__).resolve().parents[1]
    result = nl.analyze(root / "examples" / "week.csv", nl.Profile(age=34, sex="female"))
    lines = result.report().to_text().splitlines()
    head = "\n".join(lines[:40])
    for label in (
        "Magnesium",
        "Calcium",
        "Potassium",
        "Vitamin D",
        "Vitamin B12",
        "Sodium",
        "Water",
    ):
        assert label in head
    assert "Next steps" in head and "3. " in head
    assert "cannot tell" in head and "clinician" in head
    assert "z = " not in head and "SD" not in head  # statistics wait for the details
