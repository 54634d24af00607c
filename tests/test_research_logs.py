"""Research logs: food codes without text, NHANES and ASA24 files, cohorts with a profile each."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from xport_writer import write_xpt

import nutrilog as nl
from nutrilog.cli import main
from nutrilog.errors import LogParseError, ProfileError
from nutrilog.iotools import food_id_problem, normalize_food_id, read_log
from nutrilog.profile import read_people
from nutrilog.references import dri_group, reference_intakes

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
NUTRIENTS = ["calcium_mg", "magnesium_mg", "potassium_mg", "sodium_mg", "vitamin_d_ug", "water_g"]


def _per_100g() -> pd.DataFrame:
    """The packaged per-100 g table, read with plain pandas (no nutrilog code)."""
    return pd.read_csv(DATASETS / "nutrients.csv").set_index("id")


# ----------------------------------------------------------------- food ids


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (11111000, "fndds:11111000"),
        ("11111000", "fndds:11111000"),
        (11111000.0, "fndds:11111000"),
        ("11111000.0", "fndds:11111000"),
        ("fndds:11111000.0", "fndds:11111000"),
        (" FNDDS:11111000 ", "fndds:11111000"),
        (1001, "sr28:01001"),
        ("01001", "sr28:01001"),
        ("1001.0", "sr28:01001"),
        ("sr28:9040", "sr28:09040"),
        ("1111100", "1111100"),  # 7 digits: neither kind, kept as written
        ("fndds:1111100", "fndds:1111100"),  # an FNDDS code must have 8 digits
        ("sr28:11111000", "sr28:11111000"),  # an NDB number has at most 5
        ("user:my-granola", "user:my-granola"),
        (None, None),
        (float("nan"), None),
    ],
)
def test_food_ids_are_read_in_every_form_research_files_use(cell: object, expected: str) -> None:
    assert normalize_food_id(cell) == expected


def test_malformed_ids_are_told_apart_from_ids_missing_from_the_table() -> None:
    assert "expected an 8-digit FNDDS food code" in food_id_problem("1111100")
    assert "expected an 8-digit FNDDS food code" in food_id_problem("sr28:11111000")
    assert "not in the food table" in food_id_problem("fndds:99999998")


@pytest.mark.parametrize(
    ("id_header", "grams_header", "person_header"),
    [
        ("food code", "grams", "participant"),
        ("foodcode", "weight_g", "SEQN"),
        ("FoodCode", "FoodAmt", "UserName"),
        ("DR1IFDCD", "DR1IGRMS", "SEQN"),
        ("DR2IFDCD", "DR2IGRMS", "SEQN"),
        ("NDB_No", "grams", "subject"),
        ("food_id", "grams", "person"),
    ],
)
def test_research_headers_name_a_code_only_log(
    id_header: str, grams_header: str, person_header: str
) -> None:
    code = "9040" if id_header == "NDB_No" else "11111000.0"
    text = f"{person_header},date,{id_header},{grams_header}\n7,2026-11-20,{code},100\n"
    entries = read_log(io.StringIO(text), format="csv").entries
    expected = "sr28:09040" if id_header == "NDB_No" else "fndds:11111000"
    assert entries["food_id"].tolist() == [expected]
    assert entries["person"].tolist() == ["7"]
    assert (entries["quantity"].tolist(), entries["unit"].tolist()) == ([100.0], ["g"])


def test_a_code_only_row_without_an_amount_is_rejected_with_its_reason() -> None:
    log = read_log(io.StringIO("person,date,food_id,grams\na,2026-11-20,11111000,\n"))
    assert len(log.entries) == 0
    assert log.rejected["reason"].str.startswith("missing amount").tolist() == [True]


# ----------------------------------------------------------------- analysis of codes


def test_per_person_totals_of_a_coded_log_equal_a_pandas_sum_from_datasets() -> None:
    per100 = _per_100g()
    complete = per100.dropna(subset=NUTRIENTS)
    rng = np.random.default_rng(7)
    ids = rng.choice(complete.index.to_numpy(), 300)
    n = 2_000
    codes = rng.choice(ids, n)
    # written as research files write them: bare numbers, some as floats
    written = [
        c.split(":")[1] if k % 3 else f"{int(c.split(':')[1])}.0" for k, c in enumerate(codes)
    ]
    log = pd.DataFrame(
        {
            "SEQN": rng.integers(1, 40, n),
            "date": pd.Timestamp("2026-11-20") + pd.to_timedelta(rng.integers(0, 2, n), "D"),
            "food code": written,
            "grams": np.round(rng.uniform(1, 400, n), 3),
        }
    )
    result = nl.analyze(log, nl.Profile(age=40, sex="female"), min_day_kcal=0)
    assert result.counts["matched"] == n and result.counts["unmatched"] == 0

    merged = pd.DataFrame({"person": log["SEQN"], "id": codes, "grams": log["grams"]})
    merged = merged.join(per100[NUTRIENTS], on="id")
    for column in NUTRIENTS:
        merged[column] = merged[column] * merged["grams"] / 100
    expected = merged.groupby("person")[NUTRIENTS].sum()
    expected.index = expected.index.astype(str)
    got = result.daily.groupby("person")[NUTRIENTS].sum().loc[expected.index]
    np.testing.assert_allclose(got.to_numpy(), expected.to_numpy(), rtol=1e-9)


def test_an_unknown_code_is_unmatched_with_its_reason_never_matched_by_its_text() -> None:
    text = (
        "person,date,food,food_id,grams\n"
        "a,2026-11-20,milk,fndds:99999998,200\n"  # well formed, not in the table
        "a,2026-11-20,milk,1111100,200\n"  # 7 digits
        "a,2026-11-20,milk,sr28:11111000,200\n"  # wrong prefix for an 8-digit code
        "a,2026-11-20,milk,11111000.0,200\n"  # a float-formatted code: known
    )
    result = nl.analyze(read_log(io.StringIO(text)), nl.Profile(age=30, sex="male"))
    status = result.entries["status"].tolist()
    assert status == ["unmatched", "unmatched", "unmatched", "matched"]
    assert result.entries["food_id"].tolist()[3] == "fndds:11111000"
    assert result.entries["food_id"].isna().tolist()[:3] == [True, True, True]
    assert result.counts["unmatched"] == 3 and result.counts["unknown_ids"] == 3
    reasons = result.unmatched.set_index("line")["reason"]
    assert reasons[2].startswith("unknown food id 'fndds:99999998'")
    assert "8-digit" in reasons[3] and "8-digit" in reasons[4]
    assert result.unmatched["suggestions"].map(len).tolist() == [0, 0, 0]


def test_unmatched_text_keeps_its_own_reason() -> None:
    log = nl.parse_entries(["1 cup xqzzv blorb"], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=30, sex="male"))
    assert result.unmatched["reason"].tolist() == ["no food matched the text"]
    assert result.counts["unknown_ids"] == 0


# ----------------------------------------------------------------- NHANES and ASA24 files


def _nhanes_day(day: int, rows: list[tuple[float, float, float]]) -> pd.DataFrame:
    seqn, code, grams = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "SEQN": seqn,
            f"DR{day}ILINE": np.arange(1.0, len(rows) + 1),
            f"DR{day}IFDCD": code,
            f"DR{day}IGRMS": grams,
            f"DR{day}IMAGN": np.full(len(rows), 999.0),  # NHANES' own nutrients are not read
        }
    )


def test_an_nhanes_code_only_log_is_analysed(tmp_path: Path) -> None:
    day1 = _nhanes_day(1, [(83732, 11111000, 244), (83732, 9040, 118), (83733, 11111000, 100)])
    day2 = _nhanes_day(2, [(83732, 11111000, 122), (83733, 99999998, 50)])
    write_xpt(day1, tmp_path / "DR1IFF_T.XPT")
    write_xpt(day2, tmp_path / "DR2IFF_T.xpt")
    log = read_log([tmp_path / "DR1IFF_T.XPT", tmp_path / "DR2IFF_T.xpt"])
    assert log.entries["recall_day"].tolist() == [1, 1, 1, 2, 2]
    assert log.entries["date"].dt.strftime("%Y-%m-%d").tolist()[2:4] == [
        "1900-01-01", "1900-01-02",
    ]  # fmt: skip
    profiles = {83732: nl.Profile(age=8.25, sex="male"), 83733: {"age": 70.9, "sex": "female"}}
    result = nl.analyze(log, profiles, min_day_kcal=0)

    per100 = _per_100g()
    mg = per100["magnesium_mg"]
    daily = result.daily.set_index(["person", result.daily["date"].dt.day])["magnesium_mg"]
    assert daily[("83732", 1)] == pytest.approx(
        2.44 * mg["fndds:11111000"] + 1.18 * mg["sr28:09040"]
    )
    assert daily[("83732", 2)] == pytest.approx(1.22 * mg["fndds:11111000"])
    assert result.unmatched["reason"].str.startswith("unknown food id").tolist() == [True]
    groups = result.assessment.set_index(["person", "nutrient"])["ear"]
    assert groups[("83732", "magnesium")] == 110.0  # boys and girls 4-8 y
    assert groups[("83733", "magnesium")] == 265.0  # women 51-70 y
    # the frame pandas.read_sas gives is recognised too
    frame = pd.read_sas(tmp_path / "DR1IFF_T.XPT", format="xport")
    assert read_log(frame).entries["recall_day"].tolist() == [1, 1, 1]


def test_an_nhanes_file_without_food_codes_is_refused(tmp_path: Path) -> None:
    write_xpt(pd.DataFrame({"SEQN": [1.0], "RIDAGEYR": [30.0]}), tmp_path / "DEMO.XPT")
    with pytest.raises(LogParseError, match="not an NHANES individual-foods file"):
        read_log(tmp_path / "DEMO.XPT")


def test_an_asa24_items_file_is_detected_and_read(tmp_path: Path) -> None:
    path = tmp_path / "Items.csv"
    path.write_text(
        "UserName,UserID,RecallNo,Occ_No,FoodCode,FoodAmt,KCAL,MAGN,Food_Description\n"
        'S01,u1,1,1,11111000,244,149,999,"Milk, whole"\n'
        'S01,u1,2,1,99999998,30,1,999,"Cereal, made up"\n'
        'S02,u2,1,2,11111000.0,122,75,999,"Milk, whole"\n',
        encoding="utf-8",
    )
    log = read_log(path)
    e = log.entries
    assert e["person"].tolist() == ["S01", "S01", "S02"]
    assert e["recall_day"].tolist() == [1, 2, 1]
    assert e["food_id"].tolist() == ["fndds:11111000", "fndds:99999998", "fndds:11111000"]
    assert "MAGN" not in e.columns and e["magnesium_mg"].isna().all()  # not read
    assert not e["reported"].any()
    people = pd.DataFrame({"person": ["S01", "S02"], "age": [30, 4.5], "sex": ["f", "m"]})
    result = nl.analyze(log, people, min_day_kcal=0)
    assert result.entries["status"].tolist() == ["matched", "unmatched", "matched"]
    assert result.unmatched["food"].tolist() == ["Cereal, made up"]  # its text is not matched


# ----------------------------------------------------------------- people


def test_a_three_person_people_file_gives_each_their_own_references(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "person,age,sex,pregnant,lactating\n1,0.5,male,,\n2,8.25,female,no,no\n3,28,female,yes,\n",
        encoding="utf-8",
    )
    rows = ["person,date,food_id,grams"] + [
        f"{p},2026-11-{d},11111000,500" for p in (1, 2, 3) for d in (20, 21, 22)
    ]
    log = read_log(io.StringIO("\n".join(rows) + "\n"))
    result = nl.analyze(log, people, min_day_kcal=0)
    expected = {
        "1": {"age": 0.5, "sex": "male"},
        "2": {"age": 8.25, "sex": "female"},
        "3": {"age": 28, "sex": "female", "pregnant": True},
    }
    for person, fields in expected.items():
        got = result.assessment[result.assessment["person"] == person].set_index("nutrient")
        want = reference_intakes(fields).set_index("nutrient")
        for column in ("ear", "rda", "ai", "ul"):
            pd.testing.assert_series_equal(
                got[column].astype(float), want[column].astype(float), check_names=False
            )
    ai = result.assessment.set_index(["person", "nutrient"])["ai"]
    assert ai[("1", "magnesium")] == 75.0  # infants 7-12 months
    rda = result.assessment.set_index(["person", "nutrient"])["rda"]
    assert rda[("2", "magnesium")] == 130.0 and rda[("3", "magnesium")] == 350.0


@pytest.mark.parametrize(
    ("age", "low", "high", "mg_ai_or_ear"),
    [
        (0.5, 0.5, 1.0, ("ai", 75.0)),
        (8.25, 4.0, 9.0, ("ear", 110.0)),
        (70.9, 51.0, 71.0, ("ear", 350.0)),
    ],
)
def test_ages_fall_in_their_dri_groups(
    age: float, low: float, high: float, mg_ai_or_ear: tuple[str, float]
) -> None:
    group = dri_group({"age": age, "sex": "male"})
    assert (group.age_min, group.age_max) == (low, high)
    refs = reference_intakes({"age": age, "sex": "male"}).set_index("nutrient")
    column, value = mg_ai_or_ear
    assert refs.loc["magnesium", column] == value
    # every age of the group has the same references as the group's first age
    first = reference_intakes({"age": low, "sex": "male"})
    pd.testing.assert_frame_equal(refs.reset_index(), first)


def test_assessment_builds_references_once_per_dri_group(monkeypatch: pytest.MonkeyPatch) -> None:
    from nutrilog.assessment import stage_references

    built: list[tuple[object, ...]] = []
    records = stage_references.group_records

    def counted(*args: object) -> object:
        built.append(args)
        return records(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stage_references, "group_records", counted)
    ages = np.linspace(19.0, 30.99, 500)
    profiles = {f"p{k}": nl.Profile(age=float(a), sex="female") for k, a in enumerate(ages)}
    daily = pd.DataFrame({"person": list(profiles), "magnesium_mg": 300.0})
    out = nl.assess_people(daily, profiles)
    assert len(built) <= 1  # once for the group (none when an earlier test built it)
    assert out.groupby("nutrient")["ear"].nunique(dropna=False).max() == 1
    assert out.loc[out["nutrient"] == "magnesium", "ear"].iloc[0] == 255.0  # women 19-30


def test_a_mapping_keyed_by_integer_person_ids_matches_the_log() -> None:
    log = read_log(io.StringIO("SEQN,date,food code,grams\n83732.0,2026-11-20,11111000,100\n"))
    result = nl.analyze(log, {83732: nl.Profile(age=40, sex="male")})
    assert list(result.profiles) == ["83732"]


def test_a_missing_person_is_named() -> None:
    log = read_log(
        io.StringIO("person,date,food_id,grams\n1,2026-11-20,11111000,1\n2,2026-11-20,11111000,1\n")
    )
    with pytest.raises(ProfileError, match=r"missing 1 \('2'\); profiles given for 1 \('1'\)"):
        nl.analyze(log, {1: nl.Profile(age=40, sex="male")})


def test_a_bad_people_row_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("person,age,sex,pregnant\na,30,f,\nb,60,f,yes\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"people.csv, line 3: .*pregnancy"):
        read_people(path)
    path.write_text("person,age,sex\na,30,f\na,31,f\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="line 3: person 'a' is listed twice"):
        read_people(path)
    path.write_text("who,years\na,30\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="missing sex"):
        read_people(path)


# ----------------------------------------------------------------- command line


def _cohort(tmp_path: Path) -> tuple[Path, Path]:
    log = tmp_path / "cohort.csv"
    log.write_text(
        "person,date,food_id,grams\nkid,2026-11-20,11111000,400\nadult,2026-11-20,11111000,400\n",
        encoding="utf-8",
    )
    people = tmp_path / "people.csv"
    people.write_text("person,age,sex\nkid,2,male\nadult,40,female\n", encoding="utf-8")
    return log, people


def test_cli_refuses_one_profile_for_a_cohort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, _ = _cohort(tmp_path)
    assert main(["analyze", str(log), "--age", "40", "--sex", "female"]) == 2
    err = capsys.readouterr().err
    assert "names 2 people" in err and "--people" in err and "--same-profile" in err
    out = tmp_path / "same.json"
    argv = ["analyze", str(log), "--age", "40", "--sex", "female", "--same-profile"]
    assert main([*argv, "--format", "json", "-o", str(out)]) == 0


def test_cli_people_file_gives_each_person_their_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, people = _cohort(tmp_path)
    daily = tmp_path / "daily.csv"
    out = tmp_path / "report.json"
    argv = ["analyze", str(log), "--people", str(people), "--format", "json", "-o", str(out)]
    assert main([*argv, "--daily", str(daily)]) == 0
    import json

    report = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(report)
    assert "male, 2 y" in text and "female, 40 y" in text
    assert main(["analyze", str(log), "--people", str(people), "--age", "3"]) == 2
    assert "not both" in capsys.readouterr().err


def test_nhanes_demographics_columns_make_a_people_table() -> None:
    demo = pd.DataFrame(
        {
            "SEQN": [83732.0, 83733.0, 83734.0],
            "RIAGENDR": [1.0, 2.0, 2.0],
            "RIDAGEYR": [62.0, 25.0, 8.0],
            "RIDEXPRG": [np.nan, 1.0, np.nan],
        }
    )
    people = read_people(demo)
    assert {k: p.describe() for k, p in people.items()} == {
        "83732": "male, 62 y",
        "83733": "female, 25 y, pregnant",
        "83734": "female, 8 y",
    }


def test_an_nhanes_layout_csv_is_detected_and_gets_its_recall_day(tmp_path: Path) -> None:
    path = tmp_path / "dr2iff.csv"
    path.write_text("SEQN,DR2ILINE,DR2IFDCD,DR2IGRMS\n83732,1,11111000,244\n", encoding="utf-8")
    from nutrilog.iotools import detect_format

    assert detect_format(path.read_text(encoding="utf-8"), path.name) == "nhanes"
    entries = read_log(path).entries
    assert entries[["person", "recall_day", "food_id"]].values.tolist() == [
        ["83732", 2, "fndds:11111000"]
    ]
    assert entries["date"].dt.strftime("%Y-%m-%d").tolist() == ["1900-01-02"]


def test_a_coded_log_names_its_top_foods_by_their_descriptions() -> None:
    log = nl.read_log(
        io.StringIO("SEQN,DR1IFDCD,DR1IGRMS\n7,11111000,244\n7,9040.0,118\n8,99999999,50\n"),
        date="2026-11-20",
    )
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0)
    top = nl.food_sources.top_foods(result.entries)
    magnesium = top[(top["person"].astype(str) == "7") & (top["column"] == "magnesium_mg")]
    assert set(magnesium["food"]) == {"Bananas, raw", "Milk, whole"}
