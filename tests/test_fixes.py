"""The fix loop: entries worth fixing, the fixes CSV, and reading it back as aliases."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.cli import main
from nutrilog.errors import DataError
from nutrilog.fixes import FILE_COLUMNS, fixes_csv
from nutrilog.matching.aliases import read_alias_file

PROFILE = nl.Profile(age=34, sex="female")

# A diary of two days: an unknown drink seven times (the "same coffee took seven
# slots" case), a food weighed in a unit it has no weight for, a vague amount, a
# misspelling and an unknown food with a weight.
DIARY = """2026-11-20
zorblax brew
zorblax brew
zorblax brew
3 slices milk
1 scoop protein powder
1 cup chopped spinach
2 medium bananas
100 g floobar
2026-11-21
zorblax brew
Zorblax  brew
zorblax brew
zorblax brew
3 slices milk
1 cup chopped spinach
2 medium bananas
"""


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fixes") / "diary.txt"
    path.write_text(DIARY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(diary: Path) -> nl.Analysis:
    return nl.analyze(diary, PROFILE)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_fixes_group_by_text_with_counts_and_weight(result: nl.Analysis) -> None:
    fixes = result.fixes.set_index(["text", "unit"])
    # seven lines of one unknown drink (one written with another case and spacing): one row
    brew = fixes.loc[("zorblax brew", "")]
    assert brew["entries"] == 7 and brew["tier"] == "missing"
    assert brew["problem"] == "not matched to a food"
    # a food the table knows, in a unit it has no weight for: listed, weight unknown
    milk = fixes.loc[("milk", "slice")]
    assert milk["entries"] == 2 and pd.isna(milk["grams"]) and milk["tier"] == "missing"
    assert "no slice weight" in milk["problem"] and milk["food_id"] == "fndds:11100000"
    # an unknown food with a weight carries it
    assert fixes.loc[("floobar", "g"), "grams"] == 100.0
    # a vague amount is an estimate, with the grams it was taken as
    powder = fixes.loc[("protein powder", "scoop")]
    assert powder["tier"] == "estimated" and powder["grams_per_unit"] == 26.0
    # what was matched cleanly is not listed
    assert ("chopped spinach", "cup") not in fixes.index
    assert ("bananas", "medium") not in fixes.index


def test_fixes_are_sorted_by_tier_then_weight(result: nl.Analysis) -> None:
    fixes = result.fixes
    tiers = fixes["tier"].map({"missing": 0, "unsure": 1, "estimated": 2}).tolist()
    assert tiers == sorted(tiers)
    missing = fixes[fixes["tier"] == "missing"]["text"].tolist()
    # seven unweighed drinks outweigh two unweighed slices and the 100 g floobar
    assert missing[0] == "zorblax brew"


def test_fixes_csv_columns_and_formulas_neutralised() -> None:
    frame = pd.DataFrame(
        [{"text": "=HYPERLINK(1)", "unit": "", "food_id": "", "food": "", "grams_per_unit": None,
          "tier": "missing", "problem": "not matched to a food", "entries": 2, "grams": None,
          "example": "a.txt, line 3: =HYPERLINK(1)", "options": "@x"}]
    )  # fmt: skip
    text = fixes_csv(frame)
    assert text.splitlines()[0] == ",".join(FILE_COLUMNS)
    row = _rows(text)[0]
    assert row["text"] == "'=HYPERLINK(1)" and row["options"] == "'@x"
    assert row["example"].startswith("a.txt")


def test_alias_file_reads_grams_per_unit_and_skips_undone_rows(tmp_path: Path) -> None:
    path = tmp_path / "fixes.csv"
    path.write_text(
        "text,food_id,unit,grams_per_unit,food\n"
        "Milk,sr28:01079,slices,30,whatever\n"
        "zorblax brew,sr28:14209,,250,\n"
        "left alone,,,,\n",
        encoding="utf-8",
    )
    aliases, grams = read_alias_file(path)
    assert aliases == {"milk": "sr28:01079", "zorblax brew": "sr28:14209"}
    assert grams == {("milk", "slice"): 30.0, ("zorblax brew", ""): 250.0}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("milk,sr28:01079,furlong,30", "line 2: expected a unit nutrilog knows"),
        ("milk,sr28:01079,slice,-3", "line 2: expected grams_per_unit as a number above 0"),
        ("milk,sr28:01079,slice,lots", "line 2: expected grams_per_unit as a number above 0"),
    ],
)
def test_alias_file_errors_name_the_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"text,food_id,unit,grams_per_unit\n{row}\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_alias_file(path)


def test_plain_alias_file_still_needs_every_food_id(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("text,food_id\nbanana,\n", encoding="utf-8")
    with pytest.raises(DataError, match="expected a text and a food_id"):
        read_alias_file(path)


def test_mass_units_keep_their_grams(tmp_path: Path) -> None:
    path = tmp_path / "fixes.csv"
    path.write_text("text,food_id,unit,grams_per_unit\nfloobar,sr28:09040,g,5\n", encoding="utf-8")
    log = nl.parse_entries(["100 g floobar"], date="2026-11-20")
    entry = nl.analyze(log, PROFILE, aliases=path).entries.iloc[0]
    assert entry["food_id"] == "sr28:09040" and entry["grams"] == 100.0  # 100 g is 100 g


def test_fix_loop_end_to_end(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixes_path = tmp_path / "fixes.csv"
    argv = ["analyze", str(diary), "--age", "34", "--sex", "female", "--format", "json"]
    assert main([*argv, "--fixes", str(fixes_path)]) == 0
    first = capsys.readouterr()
    assert "entries to check written to" in first.err and "--aliases" in first.err
    before = pd.read_json(io.StringIO(first.out), typ="series")["data_quality"]["counts"]
    assert before["unmatched"] == 8 and before["no_grams"] == 2  # 7 drinks + floobar; 2 milks

    # the person edits the file as a spreadsheet would: a food for the unknown drink
    # (brewed coffee, SR28 14209) and for floobar (banana, SR28 09040), the grams of a
    # slice of milk; everything else is left as written (it confirms the guesses)
    rows = _rows(fixes_path.read_text(encoding="utf-8"))
    assert list(rows[0]) == FILE_COLUMNS
    for row in rows:
        if row["text"] == "zorblax brew":
            row["food_id"], row["grams_per_unit"] = "sr28:14209", "240"
        elif row["text"] == "floobar":
            row["food_id"] = "sr28:09040"
        elif row["text"] == "milk" and row["unit"] == "slice":
            row["grams_per_unit"] = "30"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FILE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    fixes_path.write_text(buffer.getvalue(), encoding="utf-8")

    assert main([*argv, "--aliases", str(fixes_path)]) == 0
    doc = pd.read_json(io.StringIO(capsys.readouterr().out), typ="series")
    counts = doc["data_quality"]["counts"]
    assert counts["unmatched"] == 0 and counts["no_grams"] == 0
    assert doc["data_quality"]["fixes"] == []  # nothing left to check: every guess confirmed

    result = nl.analyze(diary, PROFILE, aliases=fixes_path)
    entries = result.entries
    brew = entries[entries["food"].str.casefold().str.split().str.join(" ") == "zorblax brew"]
    assert len(brew) == 7 and (brew["food_id"] == "sr28:14209").all()
    assert (brew["grams"] == 240.0).all()
    milk = entries[entries["text"] == "3 slices milk"]
    assert (milk["grams"] == 90.0).all()  # 3 slices x 30 g
    # 90 g of milk, FNDDS 11100000 "Milk, NFS" (126 mg calcium per 100 g)
    assert milk["calcium_mg"].iloc[0] == pytest.approx(0.9 * 126)
    floobar = entries[entries["food"] == "floobar"].iloc[0]
    assert floobar["food_id"] == "sr28:09040" and floobar["grams"] == 100.0
