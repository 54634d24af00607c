"""Tests of nutrilog.references and of the DRI build script.

Expected values are the DRIs listed in the reference folder's dri/NOTES.md §2
(IOM 1997/2000 for magnesium, IOM 2011 for calcium and vitamin D, NASEM 2019 for
potassium and sodium, IOM 1998 for B12, IOM 2005 for water).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest
from build_scripts import load

from nutrilog.errors import ProfileError
from nutrilog.nutrients import ASSESSED
from nutrilog.profile import Profile
from nutrilog.references import REFERENCE_COLUMNS, published_sd_within, reference_intakes

_build = load("_build_dri")  # datasets/build/_build_dri.py
DRI_COLUMNS: list[str] = _build.DRI_COLUMNS
SD_COLUMNS: list[str] = _build.SD_COLUMNS
build_dri = _build.build_dri


def _refs(**fields: object) -> pd.DataFrame:
    return reference_intakes(Profile(**fields)).set_index("nutrient")


def test_shape_columns_and_order() -> None:
    refs = reference_intakes(Profile(age=34, sex="female"))
    assert list(refs.columns) == REFERENCE_COLUMNS
    assert list(refs["nutrient"]) == ASSESSED
    assert list(refs["column"]) == [
        "magnesium_mg",
        "calcium_mg",
        "potassium_mg",
        "vitamin_d_ug",
        "vitamin_b12_ug",
        "sodium_mg",
        "water_g",
    ]
    assert list(refs["unit"]) == ["mg", "mg", "mg", "ug", "ug", "mg", "g"]


def test_woman_34() -> None:
    refs = _refs(age=34, sex="female")
    # NOTES §2: Mg RDA 320 (F 31+), Ca RDA 1,000 (F 19-50), K AI 2,600 (F 19+)
    assert refs.loc["magnesium", "rda"] == 320
    assert refs.loc["magnesium", "ear"] == 265
    assert refs.loc["calcium", "rda"] == 1000
    assert refs.loc["potassium", "ai"] == 2600
    assert math.isnan(refs.loc["potassium", "rda"])
    assert refs.loc["vitamin_b12", "rda"] == 2.4
    assert refs.loc["magnesium", "group"] == "female 31-50"


def test_pregnant_25() -> None:
    refs = _refs(age=25, sex="female", pregnant=True)
    # NOTES §2: pregnancy Mg RDA 400 / 350 / 360 -> 19-30 is 350; K AI 2,900 (19-50); B12 2.6
    assert refs.loc["magnesium", "rda"] == 350
    assert refs.loc["potassium", "ai"] == 2900
    assert refs.loc["vitamin_b12", "rda"] == 2.6
    assert set(refs["life_stage"]) == {"pregnancy"}


def test_lactating_16() -> None:
    refs = _refs(age=16, sex="female", lactating=True)
    # NOTES §2: lactation 14-18: Mg RDA 360, K AI 2,500, Ca RDA 1,300, water 3.8 L
    assert refs.loc["magnesium", "rda"] == 360
    assert refs.loc["potassium", "ai"] == 2500
    assert refs.loc["calcium", "rda"] == 1300
    assert refs.loc["water", "ai"] == 3800


@pytest.mark.parametrize("stage", [{"pregnant": True}, {"lactating": True}])
def test_calcium_ear_pregnant_and_lactating_teenagers_is_1100(stage: dict[str, bool]) -> None:
    # Reference folder NOTES.md, "Correction": the IOM 2011 report text (ch. 5) gives an EAR
    # of 1,100 mg for pregnant and lactating 14-18-year-olds (the NASEM summary table
    # prints 1,000 mg); RDA 1,300, so the implied CV is (1300 - 1100) / (2 x 1100) = 0.0909
    refs = _refs(age=16, sex="female", **stage)
    assert refs.loc["calcium", "ear"] == 1100
    assert refs.loc["calcium", "rda"] == 1300
    assert refs.loc["calcium", "req_cv"] == pytest.approx(0.0909)
    assert refs.loc["calcium", "req_cv"] == pytest.approx((1300 - 1100) / (2 * 1100), abs=1e-4)
    # the 19-30 pregnancy group keeps the adult EAR of 800 mg
    assert _refs(age=25, sex="female", **stage).loc["calcium", "ear"] == 800


def test_man_75() -> None:
    refs = _refs(age=75, sex="male")
    # NOTES §2: vitamin D RDA 20 ug over 70; calcium RDA 1,200 for men >70
    assert refs.loc["vitamin_d", "rda"] == 20
    assert refs.loc["vitamin_d", "unit"] == "ug"
    assert refs.loc["calcium", "rda"] == 1200
    assert refs.loc["calcium", "ul"] == 2000


def test_half_open_age_intervals() -> None:
    # NOTES §1: "19-30" is [19, 31): 30.99 is still 19-30, 31 is 31-50.
    young = _refs(age=30.99, sex="female")
    assert young.loc["magnesium", "group"] == "female 19-30"
    assert young.loc["magnesium", "rda"] == 310
    assert _refs(age=31, sex="female").loc["magnesium", "rda"] == 320
    assert _refs(age=70.5, sex="male").loc["vitamin_d", "rda"] == 15


def test_infants_have_ai_only() -> None:
    refs = _refs(age=0.25, sex="male")
    # NOTES §2: infant 0-6 mo AIs: Mg 30, Ca 200, K 400, vit D 10 ug, B12 0.4, Na 110, water 0.7 L
    assert refs["ai"].tolist() == [30, 200, 400, 10, 0.4, 110, 700]
    assert refs["ear"].isna().all()
    assert refs["rda"].isna().all()
    older = _refs(age=0.5, sex="female")
    assert older.loc["magnesium", "ai"] == 75
    assert older.loc["vitamin_d", "ul"] == 38


def test_magnesium_ul_applies_to_supplements_only() -> None:
    refs = _refs(age=40, sex="male")
    # IOM 2000 UL table fn b: Mg UL (350 mg) is for pharmacological agents only
    assert refs.loc["magnesium", "ul"] == 350
    assert refs.loc["magnesium", "ul_applies_to"] == "supplements"
    assert refs.loc["calcium", "ul_applies_to"] == "all"
    assert refs.loc["potassium", "ul_applies_to"] == "none"


def test_sodium_cdrr_and_no_ul() -> None:
    refs = _refs(age=40, sex="female")
    # NOTES §2/§3: sodium AI 1,500 mg, CDRR 2,300 mg for 14+, no UL since 2019
    assert refs.loc["sodium", "ai"] == 1500
    assert refs.loc["sodium", "cdrr"] == 2300
    assert math.isnan(refs.loc["sodium", "ul"])
    assert _refs(age=6, sex="male").loc["sodium", "cdrr"] == 1500


def test_water_in_grams() -> None:
    # IOM 2005: total water AI 2.7 L (women 19+), 3.7 L (men 19+); 1 L = 1,000 g at 1 g/ml
    assert _refs(age=34, sex="female").loc["water", "ai"] == pytest.approx(2700)
    men = _refs(age=34, sex="male")
    assert men.loc["water", "ai"] == pytest.approx(3700)
    assert men.loc["water", "unit"] == "g"
    assert "1 g/ml" in men.loc["water", "notes"]


def test_req_cv_and_sources_kept() -> None:
    refs = _refs(age=34, sex="female")
    assert refs.loc["magnesium", "req_cv"] == pytest.approx(0.10)  # IOM 1997 p.219
    assert refs.loc["vitamin_d", "req_cv"] == pytest.approx(0.25)  # implied, NOTES §4
    assert refs.loc["vitamin_d", "req_cv_basis"].startswith("implied")
    assert "NASEM2019" in refs.loc["potassium", "source"]


def test_mapping_input_and_profile_error() -> None:
    assert reference_intakes({"age": 34, "sex": "F"}).equals(
        reference_intakes(Profile(age=34, sex="female"))
    )
    with pytest.raises(ProfileError, match="age must be between 0 and 120"):
        reference_intakes({"age": 130, "sex": "female"})
    with pytest.raises(ProfileError, match="only for ages 14 to 50"):
        reference_intakes({"age": 12, "sex": "female", "pregnant": True})
    # a profile built without validation that no DRI group covers
    unchecked = Profile.model_construct(age=10.0, sex="female", pregnant=True, lactating=False)
    with pytest.raises(ProfileError, match="no single reference-intake group"):
        reference_intakes(unchecked)


def test_results_are_independent_copies() -> None:
    first = reference_intakes(Profile(age=34, sex="female"))
    first.loc[0, "rda"] = -1
    assert reference_intakes(Profile(age=34, sex="female")).loc[0, "rda"] == 320


def test_published_sd_within() -> None:
    # NOTES §6: calcium 325 mg and magnesium ~86 mg, women 19-50 (CSFII 1994-96)
    women = published_sd_within(Profile(age=34, sex="female")).set_index("nutrient")
    assert women.loc["calcium", "sd_within"] == 325
    assert women.loc["magnesium", "sd_within"] == 86
    assert published_sd_within(Profile(age=51, sex="female")).empty
    assert published_sd_within(Profile(age=34, sex="male")).empty


def _write_source(folder: Path, rows: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True)
    with (folder / "dri.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=DRI_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "within_person_sd.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SD_COLUMNS)
        writer.writeheader()
        writer.writerow(
            {c: "" for c in SD_COLUMNS}
            | {
                "nutrient": "calcium",
                "unit": "mg",
                "group": "female 19-50",
                "sex": "female",
                "age_min_years": "19",
                "age_max_years": "51",
                "sd_within": "325",
                "value_type": "reported",
                "source": "IOM 2000 Table 3-2 fn b",
            }  # fmt: skip
        )


def _sd_row(**values: str) -> dict[str, str]:
    base = {
        "nutrient": "magnesium", "unit": "mg", "group": "every group", "sex": "any",
        "age_min_years": "0", "value_type": "not found", "source": "looked in IOM 2000 App. B",
    }  # fmt: skip
    return {c: "" for c in SD_COLUMNS} | base | values


def _write_published(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SD_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _row(**values: str) -> dict[str, str]:
    base = {
        "nutrient": "total water", "unit": "L", "group": "child 1-3", "sex": "any",
        "age_min_years": "1", "age_max_years": "4", "life_stage": "none", "ai": "1.3",
        "ul_applies_to": "none", "source": "IOM2005-W", "notes": "a, b",
    }  # fmt: skip
    return {c: "" for c in DRI_COLUMNS} | base | values


def test_build_dri_renames_keeps_text_and_is_deterministic(tmp_path: Path) -> None:
    _write_source(
        tmp_path / "shared" / "dri",
        [_row(), _row(nutrient="vitamin D", unit="ug", ai="", rda="15", ear="10", req_cv="0.25")],
    )
    out = tmp_path / "out"
    written = build_dri(tmp_path / "shared", out)
    assert written == [out / "dri.csv", out / "within_person_sd.csv"]
    text = (out / "dri.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == ",".join(DRI_COLUMNS)
    assert lines[1].startswith("water,L,child 1-3,any,1,4,none,,,1.3,")
    assert lines[1].endswith(',"a, b"')
    assert lines[2].startswith("vitamin_d,ug,")
    assert "\r" not in text
    build_dri(tmp_path / "shared", out)
    assert (out / "dri.csv").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"rda": "2"}, "exactly one of rda and ai"),
        ({"nutrient": "zinc"}, "unknown nutrient"),
        ({"age_max_years": "1"}, "not above age_min_years"),
        ({"ul": "5"}, "ul_applies_to is 'none'"),
        ({"ai": "lots"}, "should be a number"),
    ],
)
def test_build_dri_rejects_bad_rows(tmp_path: Path, bad: dict[str, str], message: str) -> None:
    _write_source(tmp_path / "dri", [_row(**bad)])
    with pytest.raises(ValueError, match=message):
        build_dri(tmp_path, tmp_path / "out")


def test_build_dri_rejects_overlapping_ages(tmp_path: Path) -> None:
    _write_source(tmp_path / "dri", [_row(), _row(sex="female", age_min_years="3")])
    with pytest.raises(ValueError, match="overlap"):
        build_dri(tmp_path, tmp_path / "out")


def test_build_merges_the_repositorys_published_sds(tmp_path: Path) -> None:
    _write_source(tmp_path / "dri", [_row()])
    own = _write_published(
        tmp_path / "own.csv",
        [
            _sd_row(nutrient="vitamin B12", unit="ug"),
            _sd_row(
                group="men 19-50",
                sex="male",
                age_min_years="19",
                age_max_years="51",
                sd_within="120",
                value_type="reported",
                source="a table, p.1",
            ),
        ],  # fmt: skip
    )
    build_dri(tmp_path, tmp_path / "out", published=own)
    merged = pd.read_csv(tmp_path / "out" / "within_person_sd.csv", keep_default_na=False)
    # the reference folder's rows first, then the repository's, nutrient keys renamed
    assert merged["nutrient"].tolist() == ["calcium", "vitamin_b12", "magnesium"]
    assert merged["sd_within"].tolist() == ["325", "", "120"]
    assert merged["value_type"].tolist() == ["reported", "not found", "reported"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_sd_row(sd_within="90"), "empty exactly when value_type is 'not found'"),
        (_sd_row(value_type="reported"), "empty exactly when value_type is 'not found'"),
        (_sd_row(value_type="guessed", sd_within="90"), "value_type should be one of"),
        (_sd_row(source=""), "needs its source"),
        # a second value for women 19-50 (the reference folder has 325 mg)
        (
            _sd_row(
                nutrient="calcium",
                sex="female",
                age_min_years="30",
                age_max_years="40",
                sd_within="300",
                value_type="reported",
            ),
            "overlaps",
        ),  # fmt: skip
    ],
)
def test_build_rejects_bad_published_sd_rows(
    tmp_path: Path, row: dict[str, str], message: str
) -> None:
    _write_source(tmp_path / "dri", [_row()])
    own = _write_published(tmp_path / "own.csv", [row])
    with pytest.raises(ValueError, match=message):
        build_dri(tmp_path, tmp_path / "out", published=own)


def test_packaged_within_person_sds_name_their_sources() -> None:
    from nutrilog import dataset_path

    with dataset_path("within_person_sd.csv").open(encoding="utf-8") as fh:
        table = pd.read_csv(fh, keep_default_na=False)
    assert (table["source"].str.len() > 20).all()
    values = table[table["value_type"] != "not found"].set_index("nutrient")
    # reference NOTES §6: the only values found are for women 19-50: calcium 325 mg (IOM 2000
    # Table 3-2 fn b) and magnesium 86 mg (back-calculated from the p.54 worked example:
    # sqrt(3 x (3,162 - 26.5^2)) = 85.9)
    assert values["sd_within"].to_dict() == {"calcium": "325", "magnesium": "86"}
    assert math.sqrt(3 * (3162 - 26.5**2)) == pytest.approx(86, abs=0.2)
    # every assessed nutrient says where no value was found
    missing = table[table["value_type"] == "not found"]
    assert set(missing["nutrient"]) == set(ASSESSED)
    assert (missing["sd_within"] == "").all()


def test_packaged_table_is_complete() -> None:
    from nutrilog import dataset_path

    with dataset_path("dri.csv").open(encoding="utf-8") as fh:
        table = pd.read_csv(fh)
    # NOTES.md: 176 rows = 8 nutrient/unit series x 22 life-stage groups
    assert len(table) == 176
    assert table.groupby(["nutrient", "unit"]).size().eq(22).all()
    assert set(table["nutrient"]) == set(ASSESSED)
