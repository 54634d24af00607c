"""Hostile and broken inputs: each is read (or refused) cleanly, at reader level and by the CLI.

Every CLI case checks the exit status, that stderr holds no traceback, and that
the message names the file (and the line where there is one).
"""

from __future__ import annotations

import csv
import io
import math
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nutrilog import FORMULA_PREFIXES, safe_frame
from nutrilog.analysis import analyze
from nutrilog.cli import main
from nutrilog.errors import LogParseError
from nutrilog.iotools import MAX_LINE_CHARS, SAMPLE_BYTES, from_frame, parse_entries, read_log
from nutrilog.log import FoodLog

PERSON = ["--age", "34", "--sex", "female"]


def _cli(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["analyze", str(path), *PERSON, *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def _accounted(log: FoodLog) -> None:
    assert log.rows_read == len(log.entries) + len(log.rejected)


def _refused(path: Path, capsys: pytest.CaptureFixture[str], match: str, said: str) -> None:
    """read_log raises LogParseError matching ``match``; the command exits 1, its error
    naming the file and saying ``said``."""
    with pytest.raises(LogParseError, match=match):
        read_log(path)
    code, _, err = _cli(path, capsys)
    assert code == 1 and path.name in err and said in err


def _reasons(log: FoodLog) -> dict[int, str]:
    return dict(zip(log.rejected["line"].astype(int), log.rejected["reason"], strict=True))


def _only_spinach_kept(path: Path, bad_rows: str) -> FoodLog:
    """Write a CSV log of ``bad_rows`` (from line 2) and then 30 g of raw spinach, and
    read it: every row is accounted for and only the spinach is kept."""
    path.write_text(
        "date,food,amount,unit,grams\n" + bad_rows + "2026-11-20,raw spinach,30,g,\n",
        encoding="utf-8",
    )
    log = read_log(path)
    _accounted(log)
    assert log.entries["food"].tolist() == ["raw spinach"]
    return log


# --------------------------------------------------------------------------- encodings


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfdate,food,amount,unit\n2026-11-20,spinach,1,cup\n")
    log = read_log(path)
    assert log.entries[["food", "quantity", "unit"]].values.tolist() == [["spinach", 1.0, "cup"]]
    assert log.entries["date"].tolist() == [pd.Timestamp("2026-11-20")]  # "date" column found
    code, out, _ = _cli(path, capsys)
    assert code == 0 and out


def _mixed_bytes() -> bytes:
    # UTF-8 file with line 3 saved as Latin-1 (é = 0xE9 there, 0xC3 0xA9 elsewhere)
    return (
        "date,food,amount,unit\n2026-11-20,crème fraîche,1,tbsp\n".encode()
        + "2026-11-20,café au lait,1,cup\n".encode("latin-1")
        + "2026-11-20,purée,1,cup\n".encode()
    )


def test_one_latin1_line_in_a_utf8_file_is_read_and_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(_mixed_bytes())
    with pytest.warns(UserWarning, match=r"mixed\.csv, line 3: not UTF-8"):
        log = read_log(path)
    # neither the UTF-8 lines nor the Latin-1 line is garbled
    assert log.entries["food"].tolist() == ["crème fraîche", "café au lait", "purée"]
    code, _, err = _cli(path, capsys)
    assert code == 0
    assert "mixed.csv, line 3" in err and "Windows-1252" in err


def test_latin1_bytes_beyond_the_sniffed_sample_are_read_and_reported(tmp_path: Path) -> None:
    rows = "".join(f"2026-11-20,crème {i},1,g\n" for i in range(SAMPLE_BYTES // 20))
    path = tmp_path / "long_mixed.csv"
    path.write_bytes(
        b"date,food,amount,unit\n"
        + rows.encode()
        + "2026-11-21,café,2,g\n".encode("latin-1")
    )
    assert path.stat().st_size > SAMPLE_BYTES
    with pytest.warns(UserWarning, match=r"long_mixed\.csv: 1 byte\(s\) are not UTF-8"):
        log = read_log(path)
    assert log.entries["food"].iloc[-1] == "café"
    assert log.entries["food"].iloc[0] == "crème 0"


def test_a_forced_encoding_is_strict(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(_mixed_bytes())
    with pytest.raises(LogParseError, match="undecodable text"):
        read_log(path, encoding="utf-8")


def test_a_whole_latin1_file_is_still_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("date,food\n2026-11-20,café\n2026-11-20,crème\n".encode("latin-1"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a consistent Latin-1 file is not "mixed"
        log = read_log(path)
    assert log.entries["food"].tolist() == ["café", "crème"]


# --------------------------------------------------------------------------- binary and empty


def test_nul_byte_refuses_the_file_naming_the_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"2026-11-20\n1 cup sp\x00inach\n2 eggs\n")
    with pytest.raises(LogParseError, match="NUL byte on line 2") as err:
        read_log(path)
    assert err.value.source == str(path)
    code, _, err_text = _cli(path, capsys)
    assert code == 1
    assert "nul.txt" in err_text and "line 2" in err_text
    with pytest.raises(LogParseError, match="NUL"):
        read_log(io.StringIO("date,food\n2026-11-20,ri\x00ce\n"))


def test_xlsx_workbook_named_csv_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "log.csv"  # an .xlsx is a zip of XML parts; here under a .csv name
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        book.writestr("xl/workbook.xml", "<workbook><sheets/></workbook>")
        book.writestr("xl/worksheets/sheet1.xml", "<c><v>2026-11-20</v><v>rice</v></c>")
    assert path.read_bytes()[:2] == b"PK"
    _refused(path, capsys, "ZIP archive.*xlsx", "export it as CSV")


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF document"),
        (bytes(range(1, 32)) * 20, "binary data"),  # control characters, no NUL
    ],
)
def test_binary_files_are_refused(tmp_path: Path, capsys, data: bytes, found: str) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(data)
    _refused(path, capsys, found, "binary file")


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_files_are_refused(tmp_path: Path, capsys, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _refused(path, capsys, "empty file", "empty file")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", "# just notes\n// nothing eaten yet\n\n# more\n"),
        ("notes.csv", "# exported by hand\ndate,food,amount\n"),
        ("days.txt", "2026-11-20\nBreakfast:\n"),
    ],
)
def test_a_file_without_rows_warns_naming_the_file(tmp_path: Path, capsys, name, content) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.warns(UserWarning, match=f"{name}: no entries"):
        log = read_log(path)
    assert (log.rows_read, len(log.entries), len(log.rejected)) == (0, 0, 0)
    code, _, err = _cli(path, capsys)
    assert code == 0 and f"{name}: no entries" in err


# --------------------------------------------------------------------------- long lines


def test_a_10_mb_line_is_rejected_not_parsed(tmp_path: Path, capsys) -> None:
    big = "1 cup " + "spinach" * 1_500_000  # 10.5 million characters
    path = tmp_path / "huge_line.txt"
    path.write_text(f"2026-11-20\n{big}\n2 eggs\n", encoding="utf-8")
    log = read_log(path)
    _accounted(log)
    assert log.entries["food"].tolist() == ["eggs"]
    row = log.rejected.iloc[0]
    assert row["line"] == 2
    assert row["reason"] == (
        f"line too long: expected at most 100,000 characters, found {len(big):,}"
    )
    assert len(row["text"]) <= 200  # the rejected row does not carry 10 MB along
    code, _, err = _cli(path, capsys)
    assert code == 0
    assert "huge_line.txt, line 2: line too long" in err
    assert len(err) < 2000


def test_a_10_mb_csv_cell_is_rejected_in_both_csv_paths(tmp_path: Path, capsys) -> None:
    big = "a" * 10_000_000
    path = tmp_path / "huge_cell.csv"
    path.write_text(f"date,food\n2026-11-20,{big}\n2026-11-20,rice\n", encoding="utf-8")
    log = read_log(path)
    assert log.entries["food"].tolist() == ["rice"]
    assert _reasons(log)[2].startswith("line too long")
    code, _, err = _cli(path, capsys)
    assert code == 0 and "huge_cell.csv, line 2: line too long" in err
    # a malformed row sends the file to the csv-module reader, whose field limit is 131,072
    path.write_text(f"date,food\n2026-11-20,{big}\n2026-11-20,rice,x\n2026-11-20,corn\n", "utf-8")
    log = read_log(path)
    _accounted(log)
    assert log.entries["food"].tolist() == ["corn"]
    reasons = _reasons(log)
    assert reasons[2].startswith("line too long") and "expected 2 fields" in reasons[3]


def test_a_line_at_the_limit_is_still_read() -> None:
    food = "x" * (MAX_LINE_CHARS - len("1 cup "))
    log = parse_entries([f"1 cup {food}"])
    assert len(log.entries) == 1 and len(log.rejected) == 0
    assert len(parse_entries([f"1 cup {food}y"]).rejected) == 1


# --------------------------------------------------------------------------- numbers


def test_overflowing_and_huge_amounts_are_rejected_not_summed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big_numbers.csv"
    log = _only_spinach_kept(
        path,
        "2026-11-20,spinach,1e308,g,\n"  # finite, but two of them overflow a sum
        "2026-11-20,rice,1e400,g,\n"  # overflows to inf while reading
        "2026-11-20,beans,,,1e400\n"
        "2026-11-20,milk,inf,ml,\n",
    )
    reasons = _reasons(log)
    assert sorted(reasons) == [2, 3, 4, 5]
    assert all(r.startswith("amount out of range") for r in reasons.values())
    assert "found 1e+308" in reasons[2] and "found inf" in reasons[3]

    result = analyze(log, {"age": 34, "sex": "female"})
    numbers = result.daily.select_dtypes("number").to_numpy(dtype=float)
    assert np.isfinite(numbers[~np.isnan(numbers)]).all()
    code, _, err = _cli(path, capsys)
    assert code == 0
    assert "big_numbers.csv, line 2: amount out of range" in err
    assert "overflow encountered" not in err  # numpy never saw an inf


def test_overflow_in_text_and_reported_nutrients_is_rejected() -> None:
    text = parse_entries(["9" * 400 + " g rice", "magnesium 1" + "0" * 400 + " mg", "2 eggs"])
    assert text.entries["food"].tolist() == ["eggs"]
    assert {1, 2} == set(_reasons(text))
    mfp = read_log(
        io.StringIO(
            "Date,Meal,Calories,Sodium (mg)\n2026-11-20,Lunch,1e400,300\n2026-11-20,Dinner,700,1e9\n"
            "2026-11-21,Lunch,500,200\n"
        )
    )
    assert mfp.entries["meal"].tolist() == ["Lunch"]
    assert "energy_kcal" in _reasons(mfp)[2] and "sodium_mg" in _reasons(mfp)[3]
    daily = read_log(
        io.StringIO("Date,Energy (kcal),Vitamin D (IU)\n2026-11-20,1800,4e10\n2026-11-21,1800,400\n")
    )
    # 4e10 IU = 1e9 µg (÷ 40), at the limit
    assert daily.entries["vitamin_d_ug"].tolist() == [10.0]
    assert "vitamin_d_ug" in _reasons(daily)[2]


def test_negative_and_nan_amounts_are_rejected(tmp_path: Path, capsys) -> None:
    path = tmp_path / "signs.csv"
    log = _only_spinach_kept(
        path,
        "2026-11-20,milk,-1,cup,\n"
        "2026-11-20,rice,nan,g,\n"
        "2026-11-20,oats,NaN,,\n"
        "2026-11-20,beans,,,-5\n",
    )
    reasons = _reasons(log)
    assert reasons[2].startswith("negative amount") and reasons[5].startswith("negative amount")
    assert reasons[3].startswith("non-numeric amount")
    assert reasons[4].startswith("non-numeric amount")
    code, _, err = _cli(path, capsys)
    assert code == 0 and "signs.csv, line 2: negative amount" in err
    text = parse_entries(["-2 eggs", "- 2 eggs"])  # minus sign vs a bullet
    assert text.entries["quantity"].tolist() == [2.0]
    assert _reasons(text)[1].startswith("negative amount")
    frame = from_frame(pd.DataFrame({"food": ["rice", "beans", "corn"],
                                     "amount": [-1.0, math.inf, 2.0], "unit": "g"}))  # fmt: skip
    assert frame.entries["food"].tolist() == ["corn"]
    assert set(_reasons(frame)) == {1, 2}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("day", ["0000-00-00", "2026-02-30", "2025-13-01", "9999-99-99"])
def test_impossible_dates_are_rejected_with_file_and_line(tmp_path: Path, capsys, day) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(f"date,food\n2026-11-20,raw spinach\n{day},rice\n", encoding="utf-8")
    log = read_log(path)
    assert log.entries["food"].tolist() == ["raw spinach"]
    assert _reasons(log)[3].startswith("unparseable date") and day in _reasons(log)[3]
    code, _, err = _cli(path, capsys)
    assert code == 0 and "dates.csv, line 3: unparseable date" in err
    text_path = tmp_path / "dates.txt"
    text_path.write_text(f"{day}\nrice\n", encoding="utf-8")
    text = read_log(text_path)
    assert _reasons(text)[2].startswith("unparseable date: the day heading on line 1")
    code, _, err = _cli(text_path, capsys)
    assert code == 0 and "dates.txt, line 2: unparseable date" in err


def test_impossible_date_in_a_cronometer_export(tmp_path: Path) -> None:
    path = tmp_path / "servings.csv"
    path.write_text(
        "Day,Group,Food Name,Amount,Energy (kcal)\n"
        "2026-02-30,Lunch,Rice,1.00 cup,200\n2026-02-28,Lunch,Rice,1.00 cup,200\n",
        encoding="utf-8",
    )
    log = read_log(path)
    assert log.entries["date"].tolist() == [pd.Timestamp("2026-02-28")]
    assert "day is out of range" in _reasons(log)[2]


# --------------------------------------------------------------------------- headers


def test_repeated_header_reads_the_first_and_warns(tmp_path: Path, capsys) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("date,food,food,amount\n2026-11-20,rice,beans,1\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"dup\.csv, line 1: repeated column name 'food'"):
        log = read_log(path)
    assert log.entries[["food", "food.1"]].values.tolist() == [["rice", "beans"]]
    code, _, err = _cli(path, capsys)
    assert code == 0 and "dup.csv, line 1: repeated column name" in err
    # the csv-module path (a row with too many fields) and a DataFrame give the same
    with pytest.warns(UserWarning, match="repeated column name 'Food Name'"):
        robust = read_log(
            io.StringIO("Day,Food Name,Food Name,Amount\n2026-11-20,Rice,x,1.00 g\n2026-11-20,a,b,c,d\n")
        )
    assert robust.entries["food"].tolist() == ["Rice"]
    assert "expected 4 fields" in _reasons(robust)[3]
    frame = from_frame(pd.DataFrame([["rice", "beans"]], columns=["food", "food"]))
    assert frame.entries[["food", "food.1"]].values.tolist() == [["rice", "beans"]]


def test_headerless_csv_is_refused_with_a_hint(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nohead.csv"
    path.write_text("2026-11-20,rice,1,cup\n2026-11-20,beans,2,cup\n", encoding="utf-8")
    with pytest.raises(LogParseError, match="looks like data, not a header") as err:
        read_log(path)
    assert err.value.line == 1
    code, _, err_text = _cli(path, capsys)
    assert code == 1 and "nohead.csv, line 1: missing food column" in err_text


def test_first_row_with_extra_fields_is_rejected_not_truncated() -> None:
    # pandas' fast reader would silently drop "extra" from a first data row
    log = read_log(io.StringIO("date,food\n2026-11-20,rice,extra\n2026-11-20,beans\n"), "csv")
    assert log.entries["food"].tolist() == ["beans"]
    assert _reasons(log)[2] == "expected 2 fields (as in the header), found 3"


# --------------------------------------------------------------------------- formulas and HTML

_HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-2+3",
    "<script>alert(1)</script>",
]


def _hostile_csv(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["date", "food"])
        writer.writerows(["2026-11-20", name] for name in _HOSTILE)
        writer.writerow(["2026-11-20", "1 cup raw spinach"])
    return path


def test_formula_and_markup_food_names_are_kept_as_text(tmp_path: Path) -> None:
    log = read_log(_hostile_csv(tmp_path))
    _accounted(log)
    texts = log.entries["text"].tolist()
    assert texts[:3] == _HOSTILE[:3]  # kept verbatim, not evaluated
    assert "<script>alert(1)</script>" in texts
    assert log.entries.loc[log.entries["text"] == _HOSTILE[1], "food"].item() == "cmd|' /C calc'!A0"
    # "-2+3" is not a food: rejected with its text, not evaluated to 1
    rejected = log.rejected.set_index("line")
    assert rejected.loc[5, "text"] == "2026-11-20,-2+3"
    assert "1.0" not in rejected.loc[5, "reason"]


def test_report_html_escapes_food_names(tmp_path: Path) -> None:
    log = read_log(_hostile_csv(tmp_path))
    page = analyze(log, {"age": 34, "sex": "female"}).report().to_html(charts=False)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in page


def test_cli_html_report_escapes_food_names(tmp_path: Path, capsys) -> None:
    out_path = tmp_path / "report.html"
    code, _, err = _cli(_hostile_csv(tmp_path), capsys, "-o", str(out_path))
    assert code == 0 and "hostile.csv, line 5" in err  # the "-2+3" row
    page = out_path.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_csv_output_neutralises_formulas_from_a_log(tmp_path: Path) -> None:
    log = read_log(_hostile_csv(tmp_path))
    written = safe_frame(log.entries).to_csv(index=False)
    cells = [cell for row in csv.reader(io.StringIO(written)) for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_PREFIXES)]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells
    assert "'+cmd|' /C calc'!A0" in cells and "'@SUM(A1)" in cells
