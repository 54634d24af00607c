"""Tests of the structured CSV reader (nutrilog.iotools.csv) and its whole-file errors."""

from __future__ import annotations

import io
from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nutrilog.errors import LogParseError
from nutrilog.iotools import TABLE_READING, read_log
from nutrilog.log import FoodLog

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "logs"


def _accounted(log: FoodLog) -> None:
    assert log.rows_read == len(log.entries) + len(log.rejected)


def _csv(text: str, **kw: object) -> FoodLog:
    return read_log(io.StringIO(text), format="csv", **kw)


def test_log_fixture() -> None:
    log = read_log(FIXTURES / "log.csv")
    _accounted(log)
    e = log.entries
    assert (log.rows_read, len(e)) == (6, 6)
    assert e["unit"].tolist() == ["g", "cup", "cup", "mg", "ml", "cup"]
    assert e["quantity"].tolist() == [40.0, 1.0, 2.0, 200.0, 500.0, 1.5]
    assert e["person"].tolist() == ["ana"] * 5 + ["default"]
    assert e["kind"].tolist() == ["food", "food", "food", "supplement", "water", "food"]
    assert e.loc[3, "magnesium_mg"] == 200.0 and bool(e.loc[3, "reported"])
    assert e["line"].tolist() == [2, 3, 4, 5, 6, 7]
    assert e["time"].tolist()[:2] == ["08:00", "08:00"]
    assert e["date"].iloc[-1] == pd.Timestamp("2026-11-21")


def test_semicolon_decimal_comma_latin1() -> None:
    log = read_log(FIXTURES / "log_semicolon_latin1.csv")
    e = log.entries
    assert e["food"].tolist() == ["Café au lait", "Crème fraîche", "Kartoffeln"]
    assert e["quantity"].tolist() == [0.25, 1.5, 200.0]
    assert e["unit"].tolist() == ["l", "tbsp", "g"]
    # 20.11.2026 is day-first
    assert e["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-20", "2026-11-20", "2026-11-21"]


def test_utf8_bom_and_flexible_headers() -> None:
    data = "\ufeffDay,Item,Qty,Units,Participant\n2026-11-20,banana,2,medium,p1\n".encode()
    log = read_log(io.BytesIO(data))
    e = log.entries
    assert (e.loc[0, "food"], e.loc[0, "quantity"], e.loc[0, "unit"], e.loc[0, "person"]) == (
        "banana",
        2.0,
        "medium",
        "p1",
    )


def test_amount_text_without_unit_column_and_food_only() -> None:
    log = _csv("date,food,amount\n2026-11-20,milk,1 cup\n2026-11-20,eggs,2\n")
    rows = log.entries[["food", "quantity", "unit"]].astype(object).values.tolist()
    assert [[None if pd.isna(v) else v for v in row] for row in rows] == [
        ["milk", 1.0, "cup"],
        ["eggs", 2.0, None],
    ]
    only = _csv("description\n1 cup chopped spinach\nbanana 120g\n", date="2026-11-20")
    assert only.entries[["food", "quantity", "unit"]].values.tolist() == [
        ["chopped spinach", 1.0, "cup"], ["banana", 120.0, "g"],
    ]  # fmt: skip
    assert only.entries["date"].tolist() == [pd.Timestamp("2026-11-20")] * 2


def test_grams_column_wins_and_keeps_the_other_amount_in_the_note() -> None:
    log = _csv("food,amount,unit,grams\nrice,1,cup,158\n")
    row = log.entries.iloc[0]
    assert (row["quantity"], row["unit"], row["amount_note"]) == (158.0, "g", "logged as 1 cup")


def test_reported_nutrient_columns_and_vitamin_d_iu() -> None:
    log = _csv(
        "food,amount,unit,Magnesium (mg),Vitamin D (IU),fdc_id\nsalmon,100,g,27,526,175167\napple,1,,,,\n"
    )
    e = log.entries
    assert e.loc[0, "magnesium_mg"] == 27.0
    assert e.loc[0, "vitamin_d_ug"] == pytest.approx(526 / 40)  # 40 IU = 1 µg
    assert e.loc[0, "food_id"] == "175167"
    assert e["reported"].tolist() == [True, False]
    assert np.isnan(e.loc[1, "magnesium_mg"])  # empty cell: unknown, not 0


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("2026-13-45,rice,1,cup", "unparseable date"),
        ("2026-11-20,rice,-1,cup", "negative amount"),
        ("2026-11-20,rice,abc,cup", "non-numeric amount"),
        ("2026-11-20,rice,1,furlongs", "unknown unit"),
        ("2026-11-20,,1,cup", "missing food text"),
    ],
)
def test_row_rejections(row: str, reason: str) -> None:
    text = f"date,food,amount,unit\n2026-11-20,beans,1,cup\n{row}\n"
    log = _csv(text)
    _accounted(log)
    assert len(log.entries) == 1 and len(log.rejected) == 1
    bad = log.rejected.iloc[0]
    assert bad["line"] == 3 and bad["text"] == row
    assert bad["reason"].startswith(reason)
    assert "expected" in bad["reason"] and "found" in bad["reason"]
    with pytest.raises(LogParseError, match=reason) as err:
        _csv(text, strict=True)
    assert err.value.line == 3 and err.value.text == row


def test_row_with_too_many_fields_is_rejected_not_lost() -> None:
    log = _csv("date,food,amount\n2026-11-20,rice,1\n2026-11-20,beans,1,extra\n2026-11-20,corn,2\n")
    _accounted(log)
    assert log.entries["food"].tolist() == ["rice", "corn"]
    assert log.entries["line"].tolist() == [2, 4]
    assert log.rejected.iloc[0]["line"] == 3
    assert "expected 3 fields" in log.rejected.iloc[0]["reason"]


def test_blank_lines_are_not_rows_and_lines_stay_true() -> None:
    log = _csv("food,amount\nrice,1\n\n,\nbeans,2\n")
    assert log.rows_read == 2
    assert log.entries["line"].tolist() == [2, 5]


@pytest.mark.parametrize("robust", [False, True])
def test_comment_lines_under_the_header_are_counted_not_rejected(robust: bool) -> None:
    # an unclosed quote sends the file to the line-by-line reader: both readers agree
    tail = 'beans,"2\n' if robust else "beans,2\n"
    text = "date,food,amount\n2026-11-20,rice,1\n# week two\n#3,tea,1\n2026-11-21," + tail
    with pytest.warns(UserWarning, match="quote") if robust else nullcontext():
        log = _csv(text)
    assert log.entries["line"].tolist() == [2, 5]
    assert log.rejected["line"].tolist() == [4]  # "#3" is an item number in the date column
    assert log.skipped_lines == 2  # the header and the comment
    _accounted(log)


def test_missing_food_column_names_the_columns_found() -> None:
    with pytest.raises(
        LogParseError, match=r"missing food column.*found columns \['date', 'amount'\]"
    ):
        _csv("date,amount\n2026-11-20,1\n")


def test_wrong_delimiter() -> None:
    with pytest.raises(LogParseError, match="wrong delimiter.*';'"):
        _csv("date;food;amount\n2026-11-20;rice;1\n", sep=",")


def test_undecodable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"date,food\n2026-11-20,caf\x81\x8d\n")  # invalid in UTF-8 and in Windows-1252
    with pytest.raises(LogParseError, match="undecodable"):
        read_log(path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("date,food\n2026-11-20,café\n".encode("latin-1"))
    with pytest.raises(LogParseError, match="undecodable.*utf-8"):
        read_log(latin, encoding="utf-8")


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"  \n\n")
    with pytest.raises(LogParseError, match="empty file"):
        read_log(empty)
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(LogParseError, match="binary file"):
        read_log(binary)


def test_header_only_is_an_empty_log() -> None:
    with pytest.warns(UserWarning, match="no entries: expected food log rows"):
        log = _csv("date,food,amount\n")
    assert (log.rows_read, len(log.entries)) == (0, 0)


def test_chunksize_gives_the_same_result(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    foods = ["rice", "beans", "milk", "magnesium glycinate", "water", ""]
    units = ["g", "cup", "ml", "mg", "furlongs"]
    rows = [
        f"2026-11-{1 + i % 28:02d},{foods[rng.integers(6)]},{rng.integers(-1, 300)},{units[rng.integers(5)]}"
        for i in range(1500)
    ]
    path = tmp_path / "big.csv"
    path.write_text("date,food,amount,unit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    whole = read_log(path)
    chunked = read_log(path, chunksize=97)
    _accounted(whole)
    _accounted(chunked)
    assert whole.rows_read == chunked.rows_read == 1500
    assert len(whole.rejected) > 0
    pd.testing.assert_frame_equal(whole.entries, chunked.entries)
    pd.testing.assert_frame_equal(whole.rejected, chunked.rejected)


def test_list_of_paths_is_concatenated() -> None:
    log = read_log([FIXTURES / "log.csv", FIXTURES / "diary.txt"])
    _accounted(log)
    assert log.rows_read == 6 + 11
    assert set(log.entries["source"].str.rsplit("/", n=1).str[-1]) == {"log.csv", "diary.txt"}


def test_month_first_dates_are_recognised_from_the_column() -> None:
    log = _csv("date,food\n11/20/2026,rice\n11/21/2026,beans\n")
    assert log.entries["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-20", "2026-11-21"]
    forced = _csv("date,food\n03/04/2026,rice\n", dayfirst=False)
    assert forced.entries["date"].tolist() == [pd.Timestamp("2026-03-04")]
    default = _csv("date,food\n03/04/2026,rice\n")
    assert default.entries["date"].tolist() == [pd.Timestamp("2026-04-03")]  # day first by default


def test_cells_keep_their_exact_text() -> None:
    # Cells are held as categorical codes; the text of each cell must stay as
    # written ("01" and "1.0" are not merged into the number 1).
    log = _csv(
        "food,amount,unit\nspinach,01,cup\nspinach,1.0,cup\nspinach,1,cup\nspinach, 1 ,cup\n"
    )
    _accounted(log)
    e = log.entries
    assert e["text"].tolist() == [
        "01 cup spinach",
        "1.0 cup spinach",
        "1 cup spinach",
        "1 cup spinach",
    ]
    assert e["quantity"].tolist() == [1.0] * 4
    assert e["text"].map(type).eq(str).all() and e["food"].map(type).eq(str).all()


def test_chunked_and_whole_reads_agree_on_every_column() -> None:
    rows = ["date,person,food,amount,unit,meal"]
    for i in range(250):
        unit = ["g", "cup", "", "tbsp", "wibble"][i % 5]
        food = ["spinach", "magnesium glycinate 200 mg", "water", "", "banana"][i % 4]
        rows.append(
            f"2026-11-{1 + i % 28:02d},p{i % 3},{food},{i % 7},{unit},{['', 'Lunch'][i % 2]}"
        )
    text = "\n".join(rows) + "\n"
    whole, chunked = _csv(text), _csv(text, chunksize=37)
    pd.testing.assert_frame_equal(whole.entries, chunked.entries)
    pd.testing.assert_frame_equal(whole.rejected, chunked.rejected)
    assert len(whole.rejected) > 0 and (whole.entries["kind"] == "supplement").any()


def test_extra_columns_keep_their_type() -> None:
    # A CSV's extra column stays text; a DataFrame's numeric extra column stays numeric.
    from_csv = _csv("food,amount,extra\napple,1,x\npear,2,\n")
    assert from_csv.entries["extra"].tolist() == ["x", ""]
    frame = pd.DataFrame({"food": ["apple", "pear"], "amount": [1, 2], "score": [0.5, 1.5]})
    from_frame = read_log(frame)
    assert from_frame.entries["score"].dtype == "float64"
    assert from_frame.entries["score"].tolist() == [0.5, 1.5]


def test_a_row_naming_a_food_id_is_food_unless_its_kind_says_otherwise() -> None:
    log = _csv(
        "date,food,amount,unit,food_id,kind\n"
        '2026-11-20,"tofu, raw, regular, prepared with calcium sulfate",3,oz,sr28:16427,\n'
        "2026-11-20,calcium citrate,500,mg,sr28:16427,\n"
        "2026-11-20,calcium citrate,500,mg,,\n"
        "2026-11-20,calcium citrate,500,mg,sr28:16427,supplement\n"
    )
    e = log.entries
    assert e["kind"].tolist() == ["food", "food", "supplement", "supplement"]
    # the named food keeps its own nutrients for the analysis; only the unnamed line is a dose
    assert e["calcium_mg"].isna().tolist() == [True, True, False, False]
    assert e["calcium_mg"].iloc[2] == 500.0


def test_text_columns_that_look_like_numbers_keep_their_text() -> None:
    # pandas reads repeated text straight into categoricals, but turns categories
    # that all look like numbers or booleans into numbers: "001" would become 1.
    # Such a column is read again as text, from the chunk where it happened.
    text = (
        "person,meal,food,amount,unit,food_id\n"
        "001,Lunch,spinach,1,cup,\n"
        "002,Dinner,banana,2,,\n"
        "001,1,True,1,cup,0123\n"
        "010,01,False,1,cup,0123\n"
    )
    for chunksize in (None, 2, 1):
        e = _csv(text, date="2026-11-20", chunksize=chunksize).entries
        assert e["person"].tolist() == ["001", "002", "001", "010"], chunksize
        assert e["meal"].tolist() == ["Lunch", "Dinner", "1", "01"], chunksize
        assert e["food"].tolist() == ["spinach", "banana", "True", "False"], chunksize
        # a bare number of up to 5 digits is an SR28 NDB number, kept as its 5 digits
        assert [None if pd.isna(v) else v for v in e["food_id"]] == [
            None, None, "sr28:00123", "sr28:00123"
        ]  # fmt: skip


@pytest.mark.parametrize("storage", ["pyarrow", "python"])
def test_row_texts_are_the_same_with_and_without_arrow(storage: str) -> None:
    # "<amount> <food>", the amount alone without food, the food alone without amount
    data = (
        "date,food,amount,unit\n"
        '2026-11-20,"Fish, tuna, white",1,cup\n'
        "2026-11-20,,2,\n"
        "2026-11-20,w,,\n"
        '2026-11-20,"Fish, tuna, white",1,cup\n'
    )
    expected = ["1 cup Fish, tuna, white", "w", "1 cup Fish, tuna, white"]
    from nutrilog.iotools import csv as csv_reader

    amount = pd.Series(["1 cup", None, "2", None, "", "1 cup"], dtype="category")
    food = pd.Series(
        ["Fish, tuna, white", "z", None, None, "w", "Fish, tuna, white"], dtype="category"
    )
    with pd.option_context("mode.string_storage", storage):
        log = read_log(io.StringIO(data), format="csv")
        texts = log.entries["text"]
        assert texts.tolist() == expected
        assert log.categorical_entries()["text"].tolist() == expected
        assert log.rejected["line"].tolist() == [3]  # no food words
        if storage == "pyarrow":
            assert str(texts.dtype) == "str"
        pieces = csv_reader.row_texts(amount, food)
        assert pieces.tolist() == [
            "1 cup Fish, tuna, white", "z", "2", "", "w", "1 cup Fish, tuna, white"
        ]  # fmt: skip


@pytest.mark.parametrize("size", [10, 8_000])  # whole text in memory, and a file read from disk
def test_arrow_and_categorical_reading_give_the_same_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    # cells that look like numbers, padded, empty, quoted or non-ASCII stay exact text
    rows = [
        '2026-11-20,001, spinach ,1,cup,,"crème, fraîche"',
        "2026-11-21,7,banana,,,sr28:09040,",
        "2026-11-22,001,,2,tbsp,,note",
    ]
    text = (
        "date,person,food,amount,unit,food_id,extra\n"
        + "\n".join(rows[k % len(rows)] for k in range(size))
        + "\n"
    )
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    arrow = read_log(path, format="csv")
    monkeypatch.setattr(TABLE_READING, "use_arrow", False)  # as without pyarrow
    categorical = read_log(path, format="csv")
    pd.testing.assert_frame_equal(arrow.entries, categorical.entries)
    pd.testing.assert_frame_equal(arrow.rejected, categorical.rejected)
    assert arrow.entries["person"].iloc[0] == "001"
    assert arrow.entries["extra"].iloc[0] == "crème, fraîche"
    assert len(arrow.rejected) == len(range(2, size, 3))  # no food words
