"""Tests of format detection and read_log's dispatch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from nutrilog.errors import LogParseError
from nutrilog.iotools import detect_format, read_log
from nutrilog.iotools.detect import sniff_delimiter

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "logs"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("cronometer_servings.csv", "cronometer"),
        ("cronometer_servings_old.csv", "cronometer"),
        ("cronometer_dailysummary.csv", "cronometer_daily"),
        ("mfp_summary_crlf.csv", "myfitnesspal"),
        ("mfp_summary_bom.csv", "myfitnesspal"),
        ("log.csv", "csv"),
        ("log_semicolon_latin1.csv", "csv"),
        ("diary.txt", "text"),
    ],
)
def test_fixture_formats(name: str, fmt: str) -> None:
    raw = (FIXTURES / name).read_bytes()
    text = raw.decode("utf-8-sig") if fmt != "csv" or "latin" not in name else raw.decode("cp1252")
    assert detect_format(text, name) == fmt
    assert detect_format(text) == fmt  # content alone is enough


def test_sniffing() -> None:
    assert sniff_delimiter("a\tb\tc\n1\t2\t3\n") == "\t"
    assert sniff_delimiter("food|qty\nrice|1\n") == "|"
    assert sniff_delimiter("2 eggs, scrambled\ntoast\n") is None


def test_text_without_a_name_and_a_one_column_csv() -> None:
    assert read_log(io.StringIO("2 eggs, scrambled\n1 slice toast\n"), date="2026-11-20").entries["food"].tolist() == [
        "eggs scrambled", "toast",
    ]  # fmt: skip
    one = read_log(io.StringIO("food\nbanana\n"))
    assert one.entries["food"].tolist() == ["banana"]
    assert one.rows_read == 1


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LogParseError, match="unknown format"):
        read_log(FIXTURES / "log.csv", format="xlsx")
    with pytest.raises(LogParseError, match="file not found"):
        read_log(tmp_path / "nope.csv")


def test_binary_stream_and_empty_stream() -> None:
    with pytest.raises(LogParseError, match="binary"):
        read_log(io.BytesIO(b"\x00\x01\x02\x03" * 50))
    with pytest.raises(LogParseError, match="empty"):
        read_log(io.StringIO(""))
