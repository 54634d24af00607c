"""Hostile inputs, second round: never destroy a file, never swallow a row, never a traceback.

Each test reproduces a failure found by a battery of hostile inputs and asserts
the behaviour that replaced it. Every CLI call checks that stdout and stderr hold
no traceback and no raw control or bidirectional-override character (they are
shown as ``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import datetime
import io
import json
import math
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog import cli, visible
from nutrilog.cli import main
from nutrilog.errors import (
    ArgumentError,
    DataError,
    LogParseError,
    NutrilogError,
    OutputError,
    ProfileError,
)
from nutrilog.iotools import MAX_COLUMNS, SAMPLE_BYTES, parse_entries, read_log, split_lines
from nutrilog.iotools.csv import MAX_EXTRA_COLUMNS
from nutrilog.log import FoodLog

PERSON = ["--age", "34", "--sex", "female"]
LOG = "date,food,amount,unit\n2026-11-20,raw spinach,1,cup\n2026-11-20,banana,2,medium\n"
# raw control and bidirectional characters a terminal would act on (newline and tab are layout)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert "Traceback" not in stream
        assert RAW.search(stream) is None, f"raw control character in {stream!r}"
    return code, out, err


def _analyze(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    return _cli(capsys, "analyze", *(str(a) for a in argv), *PERSON)


def _log(tmp_path: Path, name: str = "log.csv", text: str = LOG) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _physical_lines(path: Path) -> int:
    return len(split_lines(path.read_bytes().decode("utf-8")))


def _accounted(log: FoodLog, lines: int) -> None:
    assert log.rows_read == len(log.entries) + len(log.rejected)
    assert log.lines_read == len(log.entries) + len(log.rejected) + log.skipped_lines == lines


# --------------------------------------------------------------------------- 1. -o destroys files


@pytest.mark.parametrize("fmt", [None, "html", "markdown", "json"])
def test_o_naming_the_log_is_refused_and_the_log_unchanged(tmp_path, capsys, fmt) -> None:
    log = _log(tmp_path)
    before = log.read_bytes()
    extra = ["--format", fmt] if fmt else []
    code, out, err = _analyze(capsys, log, "-o", log, *extra)
    assert code == 2
    assert log.read_bytes() == before
    assert "found the input" in err and "log.csv" in err and err.count("\n") == 1
    assert out == ""


def _inputs(tmp_path: Path) -> dict[str, Path]:
    foods = tmp_path / "my_foods.csv"
    foods.write_text("name,Magnesium (mg)\nProtein bar,40\n", encoding="utf-8")
    aliases = tmp_path / "my_aliases.csv"
    aliases.write_text("text,food_id\nbanana,sr28:09040\n", encoding="utf-8")
    return {
        "first": _log(tmp_path, "a.csv"),
        "second": _log(tmp_path, "b.csv"),
        "foods": foods,
        "aliases": aliases,
    }


@pytest.mark.parametrize("target", ["second", "foods", "aliases"])
@pytest.mark.parametrize("how", ["same path", "symlink", "relative spelling", "hard link"])
def test_o_naming_any_input_is_refused_through_links(tmp_path, capsys, target, how) -> None:
    files = _inputs(tmp_path)
    before = {k: p.read_bytes() for k, p in files.items()}
    aim = files[target]
    if how == "symlink":
        out_path = tmp_path / "report.html"
        out_path.symlink_to(aim)
    elif how == "hard link":
        out_path = tmp_path / "report.html"
        os.link(aim, out_path)
    elif how == "relative spelling":
        out_path = tmp_path / "sub" / ".." / aim.name
        (tmp_path / "sub").mkdir()
    else:
        out_path = aim
    argv = [files["first"], files["second"], "--foods", files["foods"]]
    argv += ["--aliases", files["aliases"], "-o", out_path, "--format", "html"]
    code, _, err = _analyze(capsys, *argv)
    assert code == 2 and "found the input" in err and aim.name in err
    assert {k: p.read_bytes() for k, p in files.items()} == before


def test_report_save_never_overwrites_an_analysed_log(tmp_path) -> None:
    log = _log(tmp_path)
    before = log.read_bytes()
    report = nl.analyze(read_log(log), nl.Profile(age=34, sex="female")).report()
    with pytest.raises(OutputError, match=r"cannot write .*log\.csv': expected a file that is not an input.*found the input"):
        report.save(log, "text")
    link = tmp_path / "report.md"
    link.symlink_to(log)
    with pytest.raises(OutputError, match="found the input"):
        report.save(link)
    assert log.read_bytes() == before


def test_writes_go_to_a_temporary_file_beside_the_target_then_a_rename(
    tmp_path, monkeypatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the earlier report\n", encoding="utf-8")
    target.chmod(0o640)
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        calls.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    nl.write_fixes(pd.DataFrame(), target)  # every file nutrilog writes goes the same way
    ((src, dst),) = calls
    assert Path(src).parent == tmp_path and Path(dst) == target  # same folder, then renamed
    assert target.read_text().startswith("text,food_id,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_a_failed_write_leaves_the_earlier_file_whole(tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("the earlier report\n", encoding="utf-8")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match=r"cannot write '.*report\.md': expected a file that can be written, found no space left on device"):
        nl.write_fixes(pd.DataFrame(), target)
    assert target.read_text() == "the earlier report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_symlinked_output_keeps_its_link_and_devices_are_written_not_replaced(
    tmp_path, capsys
) -> None:
    real = tmp_path / "reports" / "week.txt"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(real)
    code, _, _ = _analyze(capsys, _log(tmp_path), "-o", link)
    assert code == 0 and link.is_symlink() and "nutrilog report" in real.read_text()
    code, _, _ = _analyze(capsys, _log(tmp_path), "-o", os.devnull)
    assert code == 0 and stat.S_ISCHR(os.stat(os.devnull).st_mode)  # not renamed over


# --------------------------------------------------------------------------- 2. unbalanced quotes

QUOTE_LOG = (
    "date,food,amount,unit\n2026-11-20,spinach,1,cup\n"
    '2026-11-20,"banana,2,medium\n2026-11-21,milk,1,cup\n2026-11-21,rice,1,cup\n'
)


def test_an_unbalanced_quote_swallows_no_row(tmp_path, capsys) -> None:
    path = _log(tmp_path, "quote.csv", QUOTE_LOG)
    with pytest.warns(UserWarning, match=r"quote\.csv, line 3: a quote opened on the line"):
        log = read_log(path)
    _accounted(log, 5)
    assert log.entries["line"].tolist() == [2, 3, 4, 5]
    assert log.entries["food"].tolist()[2:] == ["milk", "rice"]
    assert "banana" in log.entries["text"].iloc[1] and "milk" not in log.entries["text"].iloc[1]
    code, out, err = _analyze(capsys, path)
    assert code == 0 and "quote.csv, line 3: a quote opened" in err
    assert "5 lines read: 4 entries" in out and "1 header, heading, comment or blank lines" in out


@pytest.mark.parametrize("after", [300, 8_000])
def test_an_unbalanced_quote_before_many_rows(tmp_path, after: int) -> None:
    rows = "".join(f"2026-11-21,rice {i},1,cup\n" for i in range(after))
    path = _log(tmp_path, "many.csv", QUOTE_LOG.split("2026-11-21")[0] + rows)
    assert (path.stat().st_size > SAMPLE_BYTES) == (after == 8_000)  # past the sniffed sample
    with pytest.warns(UserWarning, match="line 3: a quote opened"):
        log = read_log(path)
    _accounted(log, 3 + after)
    assert len(log.entries) == 2 + after and log.entries["food"].iloc[-1] == f"rice {after - 1}"
    for chunksize in (2 * after // 3, after + 10):  # cut mid-file, and one chunk
        with pytest.warns(UserWarning, match="line 3"):
            chunked = read_log(path, chunksize=chunksize)
        pd.testing.assert_frame_equal(chunked.entries, log.entries)


def test_a_cell_that_spans_lines_is_read_line_by_line_and_every_line_counted(tmp_path) -> None:
    text = 'date,food,note\n2026-11-20,rice,"cooked\nwith salt"\n2026-11-20,milk,\n'
    path = _log(tmp_path, "note.csv", text)
    with pytest.warns(UserWarning, match=r"note\.csv, line 2"):
        log = read_log(path)
    _accounted(log, 4)
    assert log.entries["food"].tolist() == ["rice", "milk"]
    assert log.entries["line"].tolist() == [2, 4]
    assert log.rejected["line"].tolist() == [3]  # 'with salt"' is a row of its own, unreadable


# --------------------------------------------------------------------------- 3. tracebacks


def test_dates_outside_pandas_range_are_rejected_rows_or_usage_errors(tmp_path, capsys) -> None:
    diary = _log(
        tmp_path, "far.txt", "9999-12-31\n1 cup rice\n1 Jan 1500\n2 eggs\n2026-11-20\n1 cup milk\n"
    )
    log = read_log(diary)
    _accounted(log, 6)
    assert log.entries["food"].tolist() == ["milk"]
    assert "found 9999" in log.rejected["reason"].iloc[0]
    assert "found 1500" in log.rejected["reason"].iloc[1]
    code, _, err = _analyze(capsys, diary)
    assert code == 0 and "far.txt, line 2: unparseable date" in err
    table = read_log(_log(tmp_path, "far.csv", "date,food\n9999-12-31,rice\n1 Jan 1500,milk\n"))
    assert table.entries.empty and len(table.rejected) == 2
    code, _, err = _analyze(
        capsys, _log(tmp_path, "nodate.txt", "1 cup rice\n"), "--date", "9999-12-31"
    )
    assert code == 2 and "--date: date out of range" in err
    with pytest.raises(ArgumentError, match="date= argument: date out of range"):
        parse_entries(["1 cup rice"], date="1 Jan 1500")
    with pytest.raises(ArgumentError, match="out of range"):
        parse_entries(["1 cup rice"], date=datetime.datetime(2300, 1, 1))


def test_dollar_signs_in_person_and_user_food_names_are_not_mathtext(tmp_path, capsys) -> None:
    foods = tmp_path / "mine.csv"
    foods.write_text("name,Magnesium (mg)\n$\\frac{$ bar,40\n", encoding="utf-8")
    log = _log(
        tmp_path,
        "log.csv",
        "date,person,food,amount,unit\n2026-11-20,$\\undefined{$,$\\frac{$ bar,100,g\n",
    )
    report = tmp_path / "report.html"
    code, _, err = _analyze(capsys, log, "--foods", foods, "--format", "html", "-o", report)
    assert code == 0, err
    page = report.read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2 and "$\\undefined{$" in page


@pytest.mark.parametrize("value", ["inf", "1e400", "-inf", "1e12"])
def test_non_finite_or_huge_user_food_values_are_refused(tmp_path, capsys, value) -> None:
    foods = tmp_path / "mine.csv"
    foods.write_text(f"name,Magnesium (mg),serving_grams\nbar,{value},50\n", encoding="utf-8")
    code, _, err = _analyze(
        capsys, _log(tmp_path), "--foods", foods, "--format", "html", "-o", tmp_path / "r.html"
    )
    assert code == 1 and "mine.csv, line 2: column 'magnesium_mg'" in err
    weights = tmp_path / "weights.csv"
    weights.write_text(f"name,magnesium_mg,serving_grams\nbar,40,{value}\n", encoding="utf-8")
    with pytest.raises(DataError, match="weights.csv, line 2: column 'serving_grams'"):
        nl.load_foods().with_user_foods(weights)
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\n\n", "empty file"),
        (b"name,magnesium_mg\x00\x01\x02", "binary file"),
        (b"name,magnesium_mg\nbar,1,2\n", "line 2: expected 2 fields"),
    ],
)
def test_unreadable_food_tables_are_one_line_errors(tmp_path, capsys, content, message) -> None:
    foods = tmp_path / "mine.csv"
    foods.write_bytes(content)
    code, _, err = _analyze(capsys, _log(tmp_path), "--foods", foods)
    assert code == 1 and "mine.csv" in err and message in err and err.count("\n") == 1


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig"])
def test_alias_files_in_other_encodings_are_read(tmp_path, encoding: str) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("text,food_id\nmy café spinach,sr28:11457\n", encoding=encoding)
    log = parse_entries(["1 cup my café spinach"], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=34, sex="female"), aliases=aliases, min_day_kcal=0)
    assert result.entries["food_id"].tolist() == ["sr28:11457"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 4, "binary file"),
        (b"text,food_id\n" + b"x" * 140_000 + b",sr28:11457\n", "line 2: line too long"),
        (b"", "empty file"),
    ],
)
def test_unreadable_alias_files_are_one_line_errors(tmp_path, capsys, content, message) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_bytes(content)
    code, _, err = _analyze(capsys, _log(tmp_path), "--aliases", aliases)
    assert code == 1 and "aliases.csv" in err and message in err and err.count("\n") == 1


def test_a_header_with_a_food_id_column_and_no_rows(tmp_path, capsys) -> None:
    path = _log(tmp_path, "empty.csv", "date,food_id,food,amount,unit\n")
    with pytest.warns(UserWarning, match="no entries"):
        log = read_log(path)
    _accounted(log, 1)
    code, _, err = _analyze(capsys, path)
    assert code == 0 and "empty.csv: no entries" in err


def test_nul_bytes_past_the_sample_refuse_the_file_at_once(tmp_path, capsys) -> None:
    rows = "2026-11-20,rice,1,cup\n" * 4_000  # 88 KB, past the 64 KB sample
    path = tmp_path / "nul.csv"
    path.write_bytes(("date,food,amount,unit\n" + rows).encode() + b"\x00" * 2_000_000)
    with pytest.raises(LogParseError, match="NUL byte on line 4,002"):
        read_log(path)
    code, _, err = _analyze(capsys, path)
    assert code == 1 and "nul.csv, line 4002: binary file" in err
    inside = tmp_path / "inside.csv"  # one NUL inside a food name, far down
    inside.write_bytes(("date,food,amount,unit\n" + rows + "2026-11-20,be\x00ans,1,cup\n").encode())
    with pytest.raises(LogParseError, match="NUL byte on line 4,002"):
        read_log(inside)


def test_a_closed_stdout_is_an_error_not_a_traceback(tmp_path) -> None:
    log = _log(tmp_path)
    command = f'"{sys.executable}" -m nutrilog analyze "{log}" --age 34 --sex female >&-'
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        "cannot write '<standard output>': expected an open standard output, found it closed"
        in done.stderr
    )
    both = subprocess.run(["bash", "-c", command + " 2>&-"], timeout=120, check=False)
    assert both.returncode == 1  # nowhere to say it, but the status still tells


def test_a_broken_pipe_ends_quietly(tmp_path, monkeypatch, capsys) -> None:
    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Gone())
    assert main(["analyze", str(_log(tmp_path)), *PERSON]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_an_unexpected_exception_is_one_line_with_its_own_status(
    tmp_path, monkeypatch, capsys
) -> None:
    def boom(_args: object) -> int:
        raise RuntimeError("something \x1b[2J went wrong")

    monkeypatch.setattr(cli.analyze, "run", boom)
    code, _, err = _analyze(capsys, _log(tmp_path))
    assert code == 3 and err.count("\n") == 1
    assert err.startswith("nutrilog: internal error: RuntimeError at ")
    assert "something \\x1b[2J went wrong" in err and "please report" in err
    monkeypatch.undo()
    # expected failures keep their status: input problems 1, usage errors 2
    assert _analyze(capsys, tmp_path / "missing.csv")[0] == 1
    assert _cli(capsys, "analyze", str(_log(tmp_path)), "--age", "200", "--sex", "f")[0] == 2


# --------------------------------------------------------------------------- 4. terminal escapes

ESCAPE = "\x1b]0;PWNED\x07\x1b[2J"


def test_escape_sequences_from_a_log_never_reach_the_terminal(tmp_path, capsys) -> None:
    text = (
        "date,person,food,amount,unit\n"
        + "2026-11-20,ana,raw spinach,1,cup\n" * 20  # (a file mostly of controls is binary)
        + f"2026-11-20,ana{ESCAPE},raw spinach,1,{ESCAPE}\n"
        f"2026-11-20,ana{ESCAPE},banana\u202etxt.exe,2,medium\n"
        f"2026-11-20,ana{ESCAPE},qwzzx\x9b31m blorp,1,cup\n"
    )
    path = _log(tmp_path, "evil.csv", text)
    for fmt in ("text", "markdown", "html", "json"):
        # two people (ana and the escaped name) under one profile: --same-profile says so
        code, out, err = _analyze(capsys, path, "--format", fmt, "--same-profile")
        assert code == 0
        assert "\\x1b]0;PWNED\\x07\\x1b[2J" in err  # the rejected unit, quoted visibly
        if fmt == "json":
            doc = json.loads(out)  # same data: only the spelling of the characters changes
            assert f"ana{ESCAPE}" in [p["person"] for p in doc["people"]]
            assert "\\u202e" in out and "\\u009b" in out
        else:
            if fmt == "markdown":  # undo Markdown's own backslash escapes
                out = re.sub(r"\\(.)", r"\1", out)
            assert "\\x1b]0;PWNED\\x07\\x1b[2J" in out and "\\u202e" in out
            assert "ana\\x1b]0;PWNED" in out  # the person's heading


def test_user_food_names_are_made_visible_in_foods_commands(tmp_path, capsys) -> None:
    foods = tmp_path / "mine.csv"
    plain = "".join(f"user:plain{i},plain food {i},10\n" for i in range(10))
    foods.write_text(
        f"id,name,Magnesium (mg)\n{plain}user:bar,bar{ESCAPE}\u202e,40\n", encoding="utf-8"
    )
    for fmt in ("text", "csv", "json"):
        code, out, _ = _cli(capsys, "foods", "search", "bar", "--foods", foods, "--format", fmt)
        assert code == 0 and "\\x1b]0;PWNED" in out.replace("\\\\", "\\").replace(
            "\\u001b", "\\x1b"
        )
    code, out, _ = _cli(capsys, "foods", "show", "user:bar", "--foods", foods)
    assert code == 0 and "bar\\x1b]0;PWNED\\x07\\x1b[2J\\u202e" in out


def test_visible_is_the_one_escaping_function() -> None:
    assert visible("\x1b") == "\\x1b" and visible("a\u202eb") == "a\\u202eb"
    assert visible("ok: 1½ cup café, 2 µg") == "ok: 1½ cup café, 2 µg"
    assert visible("\x00\x7f\x85\u2028\u2066") == "\\x00\\x7f\\x85\\u2028\\u2066"


# --------------------------------------------------------------------------- 5. many columns


def test_ten_thousand_empty_trailing_columns_are_dropped_with_a_warning(tmp_path) -> None:
    pad = "," * 10_000
    path = _log(tmp_path, "wide.csv", f"date,food,amount,unit{pad}\n2026-11-20,rice,1,cup{pad}\n")
    with pytest.warns(
        UserWarning, match="10,000 column.s. without a name in the header were not read"
    ):
        log = read_log(path)
    _accounted(log, 2)
    assert log.entries[["food", "quantity", "unit"]].values.tolist() == [["rice", 1.0, "cup"]]
    assert list(log.entries.columns[-3:]) != [""] * 3  # no empty-named extra columns


def test_too_many_named_columns_are_refused_and_unused_ones_dropped(tmp_path, capsys) -> None:
    names = ",".join(f"c{i}" for i in range(MAX_COLUMNS + 1))
    path = _log(tmp_path, "huge.csv", f"date,food,{names}\n2026-11-20,rice\n")
    with pytest.raises(LogParseError, match=f"too many columns: expected at most {MAX_COLUMNS:,}"):
        read_log(path)
    assert _analyze(capsys, path)[0] == 1
    extra = ",".join(f"x{i}" for i in range(MAX_EXTRA_COLUMNS + 5))
    path = _log(tmp_path, "extra.csv", f"date,food,{extra}\n2026-11-20,rice\n")
    with pytest.warns(UserWarning, match=r"5 column.s. that are not used were not read: 'x100'"):
        log = read_log(path)
    assert "x99" in log.entries.columns and "x100" not in log.entries.columns


# --------------------------------------------------------------------------- 6. silent losses


@pytest.mark.parametrize("char", ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_odd_line_breaks_before_the_header_do_not_hide_it(tmp_path, char: str) -> None:
    path = _log(tmp_path, "odd.csv", f"{char}\ndate,food\n2026-11-20,rice\n2026-11-21,milk\n")
    log = read_log(path, "csv")
    _accounted(log, 4)
    assert log.entries["food"].tolist() == ["rice", "milk"] and log.entries["line"].tolist() == [
        3,
        4,
    ]


def test_a_forced_daily_summary_format_refuses_a_food_log(tmp_path, capsys) -> None:
    code, _, err = _analyze(capsys, _log(tmp_path), "--log-format", "cronometer_daily")
    assert code == 1 and "not a Cronometer daily summary" in err and "'food'" in err
    daily = _log(tmp_path, "daily.csv", "Date,Energy (kcal)\n2026-11-20,1800\n")
    assert len(read_log(daily, "cronometer_daily").entries) == 1


# --------------------------------------------------------------------------- 7. API contract


@pytest.mark.parametrize(
    "fields",
    [
        {"age": True, "sex": "female"},
        {"age": -3, "sex": "female"},
        {"age": 30, "sex": "x"},
        {"age": 30, "sex": "male", "pregnant": True},
        {"age": 30, "sex": "female", "pregnant": True, "lactating": True},
    ],
)
def test_profile_errors_are_profile_errors(fields: dict[str, object]) -> None:
    with pytest.raises(ProfileError) as info:
        nl.Profile(**fields)
    assert isinstance(info.value, NutrilogError) and str(info.value).startswith("invalid profile")


@pytest.mark.parametrize("dv", [-1300, 0, math.nan, math.inf, True, "1300"])
def test_calcium_daily_value_must_be_a_positive_finite_number(dv: object) -> None:
    text = "Date,Meal,Calories,Calcium\n2026-11-20,Lunch,500,20\n"
    with pytest.raises(ArgumentError, match="calcium_dv_mg: expected a finite number above 0"):
        read_log(io.StringIO(text), "myfitnesspal", calcium_dv_mg=dv)
    assert read_log(io.StringIO(text), calcium_dv_mg=1300).entries["calcium_mg"].tolist() == [260.0]


@pytest.mark.parametrize("kcal", [math.nan, -1, math.inf, None])
def test_min_day_kcal_is_checked(kcal: object) -> None:
    log = parse_entries(["1 cup rice"], date="2026-11-20")
    with pytest.raises(ArgumentError, match="min_day_kcal: expected a finite number of 0 or more"):
        nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=kcal)  # type: ignore[arg-type]


def test_bytes_and_none_in_parse_entries() -> None:
    with pytest.raises(ArgumentError, match="found bytes; decode it first"):
        parse_entries(b"1 cup rice\n2 eggs\n")  # type: ignore[arg-type]
    log = parse_entries([None, "1 cup rice", b"2 eggs", math.nan])  # type: ignore[list-item]
    _accounted(log, 4)
    assert log.entries["food"].tolist() == ["rice"]
    reasons = dict(zip(log.rejected["line"], log.rejected["reason"], strict=True))
    assert reasons[1] == "not text: expected a line of text, found NoneType None"
    assert reasons[3].endswith("found bytes b'2 eggs' (decode bytes first)")
    assert "found float nan" in reasons[4]


# --------------------------------------------------------------------------- 8. messages


def test_output_errors_say_cannot_write_and_name_the_file(tmp_path, capsys) -> None:
    missing = tmp_path / "no" / "such" / "report.md"
    code, _, err = _analyze(capsys, _log(tmp_path), "-o", missing)
    assert code == 1 and f"cannot write '{missing}': expected a file that can be written, found no such file or directory" in err
    code, _, err = _analyze(capsys, _log(tmp_path), "-o", tmp_path)
    assert code == 1 and f"cannot write '{tmp_path}': expected a file, found a directory" in err
    if Path("/dev/full").exists():
        code, _, err = _analyze(capsys, _log(tmp_path), "-o", "/dev/full")
        assert code == 1 and "cannot write '/dev/full': expected a file that can be written, found no space left on device" in err


def test_a_directory_as_log_says_so(tmp_path, capsys) -> None:
    code, _, err = _analyze(capsys, tmp_path)
    assert code == 1 and "is a directory" in err and "file not found" not in err


def test_markdown_reports_do_not_autolink_urls_from_the_log(tmp_path, capsys) -> None:
    text = (
        "date,food,amount,unit\n2026-11-20,see https://evil.example/x and www.evil.example,1,cup\n"
    )
    text += "2026-11-20,mail me@evil.example,1,cup\n"
    code, out, _ = _analyze(capsys, _log(tmp_path, "urls.csv", text), "--format", "markdown")
    assert code == 0
    assert "https://" not in out and "www.evil" not in out and "me@evil" not in out
    assert "https\\://evil\\.example/x" in out and "www\\.evil\\.example" in out
    assert "me\\@evil\\.example" in out


def test_a_file_name_with_markup_does_not_break_the_progress_bar(monkeypatch) -> None:
    import rich.console

    screen = io.StringIO()
    real = rich.console.Console

    def terminal(**_kwargs: object) -> rich.console.Console:
        return real(file=screen, force_terminal=True, width=100)

    monkeypatch.setattr(rich.console, "Console", terminal)  # the bar is drawn here
    with cli.output.progress(True, 2) as step:  # shown on a terminal for large inputs
        step(f"reading {visible('week[/bold].csv' + ESCAPE)}")  # drawn when the bar stops
    assert "week[/bold].csv\\x1b]0;PWNED" in screen.getvalue()


def test_a_csv_of_only_blank_and_comment_lines_counts_every_line() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        log = nl.read_log(io.StringIO("\n\n# just a note\n"), format="csv")
    assert len(log.entries) == 0 and len(log.rejected) == 0
    assert log.lines_read == 3 == log.skipped_lines
