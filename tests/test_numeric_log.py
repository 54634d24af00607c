"""The numbers-only fast path of the CSV reader gives the log the general reader gives."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import nutrilog as nl
import nutrilog.iotools.csv as csv_reader

FILES = {
    "plain": "person,recall_day,food_code,grams\n1,1,11111000,244\n2,2,1001,5.5\n2,2,99999999,0\n",
    "nhanes_names": "# study\n\nSEQN;RecallNo;FoodCode;FoodAmt\r\n83732;1;11111000;244\r\n83733;2;1001;5\r\n",
    "no_person_tabs": "recall_day\tfood_code\tgrams\n1\t11111000\t244\n2\t1001\t1e2\n",
    "quoted": 'person,recall_day,food_code,grams\n1,1,11111000,244\n2,2,"01001",5\n',
    "header_with_spaces": "person id,recall day,food code,grams\n1,1,11111000,244\n",
    "leading_zero_person": "person,recall_day,food_code,grams\n007,1,11111000,244\n7,1,1001,5\n",
    "blank_line": "person,recall_day,food_code,grams\n1,1,11111000,244\n\n1,1,1001,5\n",
    "bad_values": "person,recall_day,food_code,grams\n1,1,11111000,-3\n1,400,1001,5\n",
    "float_code": "person,recall_day,food_code,grams\n1,1,11111000.0,3\n1,1,1001,5\n",
    "extra_field": "person,recall_day,food_code,grams\n1,1,11111000,3,9\n1,1,1001,5\n",
    "other_column": "person,recall_day,food_code,grams,weight\n1,1,11111000,3,9\n",
    "nine_digits": "person,recall_day,food_code,grams\n-1,1,011111000,3\n",
    "plus_sign": "person,recall_day,food_code,grams\n+1,1,11111000,3\n1,1,1001,2\n",
}
FAST = {"plain", "nhanes_names", "no_person_tabs", "header_with_spaces"}
#: The numbers-only reader as the CSV reader calls it (spied on and switched off below).
read_numeric_log = csv_reader.read_numeric_log


def _read(path: Path) -> tuple[nl.FoodLog, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        log = nl.read_log(path)
    return log, [str(w.message) for w in caught]


@pytest.mark.parametrize("name", sorted(FILES))
def test_fast_path_gives_the_general_readers_log(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_bytes(FILES[name].encode())
    used: list[bool] = []

    def spy(*args: object, **kwargs: object) -> nl.FoodLog | None:
        log = read_numeric_log(*args, **kwargs)  # type: ignore[arg-type]
        used.append(log is not None)
        return log

    monkeypatch.setattr(csv_reader, "read_numeric_log", spy)
    fast, fast_warnings = _read(path)
    assert used == [name in FAST]
    monkeypatch.setattr(csv_reader, "read_numeric_log", lambda *a, **k: None)
    general, general_warnings = _read(path)
    assert_frame_equal(fast.entries, general.entries)
    assert_frame_equal(fast.categorical_entries(), general.categorical_entries())
    assert_frame_equal(fast.rejected, general.rejected)
    assert fast_warnings == general_warnings
    assert (fast.rows_read, fast.lines_read, fast.skipped_lines) == (
        general.rows_read,
        general.lines_read,
        general.skipped_lines,
    )


def test_fast_path_reads_codes_days_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(FILES["nhanes_names"])
    entries = nl.read_log(path).entries
    assert entries["person"].tolist() == ["83732", "83733"]
    assert entries["food_id"].tolist() == ["fndds:11111000", "sr28:01001"]
    assert entries["quantity"].tolist() == [244.0, 5.0]
    assert entries["line"].tolist() == [4, 5]  # a comment line and a blank line above the header
    assert entries["date"].dt.strftime("%Y-%m-%d").tolist() == ["1900-01-01", "1900-01-02"]
    assert pd.isna(entries["meal"]).all()


def test_a_coded_cohort_gives_the_general_readers_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A few people's coded recalls with a people file and one unknown code: the totals,
    the assessment's numbers and the population figures of the numbers-only path equal
    those of the general reader (totals to 1e-12 relative)."""
    log = tmp_path / "recalls.csv"
    log.write_text(
        "person,recall_day,food_code,grams\n"
        "83732,1,11111000,244\n83732,1,1001,12.5\n83732,2,11111000,300\n83732,2,99999999,50\n"
        "83733,1,1001,5\n83733,1,11111000,120\n83733,2,11111000,180\n"
        "83734,1,11111000,480\n83734,2,1001,30\n"
    )
    people = tmp_path / "people.csv"
    people.write_text(
        "person,age,sex,pregnant,lactating\n"
        "83732,34.5,female,yes,\n83733,8.25,male,,\n83734,71,female,,\n"
    )
    used: list[bool] = []

    def spy(*args: object, **kwargs: object) -> nl.FoodLog | None:
        read = read_numeric_log(*args, **kwargs)  # type: ignore[arg-type]
        used.append(read is not None)
        return read

    monkeypatch.setattr(csv_reader, "read_numeric_log", spy)
    fast = nl.analyze(log, people, min_day_kcal=0)
    assert used == [True]
    monkeypatch.setattr(csv_reader, "read_numeric_log", lambda *a, **k: None)
    general = nl.analyze(log, people, min_day_kcal=0)

    assert fast.counts == general.counts
    assert fast.counts["unknown_ids"] == 1  # 99999999 names no food
    assert fast.unmatched["reason"].str.startswith("unknown food id").all()
    assert_frame_equal(fast.daily, general.daily, check_exact=False, rtol=1e-12)
    assert fast.daily["magnesium_mg"].gt(0).all()
    assert_frame_equal(fast.assessment_numbers, general.assessment_numbers)
    assert_frame_equal(fast.population(), general.population())
    assert_frame_equal(fast.entries, general.entries)
