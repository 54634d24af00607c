"""The bundled food tables (datasets/*.csv) and their build script.

Counts were measured on the sources: SR28 has 8,789 foods (FOOD_DES.txt) and
15,438 household weights (WEIGHT.txt, none zero); FNDDS 2017-2018 has 7,083
foods and 32,614 portions, of which 1 weighs 0 g and 173 carry the -9 "no
weight" code ("Quantity not specified"), leaving 32,440.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from build_scripts import load

from nutrilog import dataset_path
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.units import unit_aliases

REPO = Path(__file__).resolve().parents[1]


def _table(name: str) -> pd.DataFrame:
    with dataset_path(name).open("rb") as fh:
        return pd.read_csv(fh, dtype={"id": str}, keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: _table(f"{name}.csv") for name in ("foods", "nutrients", "portions")}


def test_columns(tables: dict[str, pd.DataFrame]) -> None:
    assert list(tables["foods"].columns) == ["id", "description", "group", "synonyms", "source"]
    assert list(tables["nutrients"].columns) == ["id", *NUTRIENT_COLUMNS, "vitamin_d_basis"]
    assert list(tables["portions"].columns) == ["id", "seq", "amount", "description", "unit", "grams"]


def test_ids_unique_and_well_formed(tables: dict[str, pd.DataFrame]) -> None:
    ids = tables["foods"]["id"]
    assert ids.is_unique
    assert ids.str.fullmatch(r"sr28:\d{5}|fndds:\d{8}").all()
    assert "sr28:01001" in set(ids)  # leading zero kept (SR28 NDB_No 01001 Butter, salted)
    assert tables["nutrients"]["id"].is_unique
    assert not tables["portions"].duplicated(["id", "seq"]).any()


def test_every_row_belongs_to_a_food(tables: dict[str, pd.DataFrame]) -> None:
    known = set(tables["foods"]["id"])
    assert set(tables["nutrients"]["id"]) == known
    assert set(tables["portions"]["id"]) <= known


def test_counts_per_source(tables: dict[str, pd.DataFrame]) -> None:
    assert tables["foods"]["source"].value_counts().to_dict() == {"sr28": 8789, "fndds": 7083}
    source = tables["portions"]["id"].str.split(":").str[0]
    assert source.value_counts().to_dict() == {"fndds": 32440, "sr28": 15438}


def test_portions_have_positive_grams_and_known_units(tables: dict[str, pd.DataFrame]) -> None:
    portions = tables["portions"]
    assert (portions["grams"] > 0).all()
    assert (portions["amount"] > 0).all()
    canonical = {info.unit for info in unit_aliases().values()}
    assert set(portions["unit"].dropna()) <= canonical


def test_vitamin_d_basis_matches_values(tables: dict[str, pd.DataFrame]) -> None:
    nutrients = tables["nutrients"]
    basis = nutrients["vitamin_d_basis"].fillna("")
    assert set(basis) == {"ug", "iu", ""}
    assert (basis.eq("") == nutrients["vitamin_d_ug"].isna()).all()
    fndds = nutrients["id"].str.startswith("fndds:")
    assert basis[fndds].eq("ug").all()  # FNDDS reports vitamin D (D2 + D3) in µg for every food


def test_fndds_nutrients_complete(tables: dict[str, pd.DataFrame]) -> None:
    nutrients = tables["nutrients"]
    fndds = nutrients[nutrients["id"].str.startswith("fndds:")]
    assert fndds[NUTRIENT_COLUMNS].notna().all().all()


# --------------------------------------------------------------------------- build script


def _mini_sr28(folder: Path) -> None:
    """Two foods in the SR28 format with its quirks: latin-1, CRLF and bare CR, ``^^``."""
    folder.mkdir(parents=True)
    (folder / "FD_GROUP.txt").write_bytes(b"~0900~^~Fruits and Fruit Juices~\r\n~1100~^~Veg~\r\n")
    (folder / "FOOD_DES.txt").write_bytes(
        b"~09040~^~0900~^~Bananas, raw~^~BANANAS,RAW~^~~^~~^~Y~^~Skin~^36^~~^6.25^3.36^8.37^3.60\r\n"
        b"~11457~^~1100~^~Spinach, raw \xb5~^~SPINACH~^~epinard~^~~^~Y~^~~^28^~~^6.25^^^\r\n"
    )
    (folder / "NUT_DATA.txt").write_bytes(
        b"~09040~^~304~^27^45^0.475^~1~^~A~^^^14^18^38^1^22.8^31.2^~2~^12/2002^\r\n"
        b"~09040~^~328~^0.0^0^^~7~^~Z~^^^^^^^^^^11/2008^\r\n"
        b"~09040~^~324~^0^0^^~7~^~Z~^^^^^^^^^^02/2009^\r\n"
        b"~11457~^~304~^79^7^4.794^~1~^^^^^^^^^^^08/1984^\r\n"
        b"~11457~^~324~^80^0^^~7~^~Z~^^^^^^^^^^02/2009^\r\n"
    )
    (folder / "WEIGHT.txt").write_bytes(
        b'~09040~^5^1^~medium (7" to 7-7/8" long)~^118^^\r'
        b"~11457~^1^1^~cup~^30^^\r\n"
        b"~11457~^2^0.5^~fl oz~^15^^\r\n"
    )


def test_build_sr28_reads_the_format_quirks(tmp_path: Path) -> None:
    build_foods = load("_build_foods")
    _mini_sr28(tmp_path / "usda-sr28")
    foods, nutrients, portions = build_foods.build_sr28(tmp_path)
    assert foods["id"].tolist() == ["sr28:09040", "sr28:11457"]
    assert foods["description"].tolist() == ["Bananas, raw", "Spinach, raw µ"]
    assert foods["group"].tolist() == ["Fruits and Fruit Juices", "Veg"]
    assert foods["synonyms"].tolist() == ["", "epinard"]
    by_id = nutrients.set_index("id")
    assert by_id.loc["sr28:09040", "magnesium_mg"] == 27
    assert by_id.loc["sr28:09040", "vitamin_d_basis"] == "ug"
    assert by_id.loc["sr28:11457", "vitamin_d_ug"] == pytest.approx(2.0)  # 80 IU / 40
    assert by_id.loc["sr28:11457", "vitamin_d_basis"] == "iu"
    assert pd.isna(by_id.loc["sr28:11457", "calcium_mg"])  # no NUT_DATA row: not analysed
    assert portions["unit"].tolist() == ["medium", "cup", "fl_oz"]
    assert portions["amount"].tolist() == [1.0, 1.0, 0.5]
    assert portions["grams"].tolist() == [118.0, 30.0, 15.0]


def test_check_reports_differing_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = load("build")

    def fake_builder(shared: Path, out: Path) -> list[Path]:
        path = out / "table.csv"
        path.write_text("id\nx\n", encoding="utf-8")
        return [path]

    monkeypatch.setattr(build, "builders", lambda: [fake_builder])
    out = tmp_path / "out"
    out.mkdir()
    assert build.check(tmp_path, out) == ["table.csv"]  # missing
    (out / "table.csv").write_text("id\nx\n", encoding="utf-8")
    assert build.check(tmp_path, out) == []
    assert build.main(["--shared", str(tmp_path), "--out", str(out), "--check"]) == 0
    (out / "table.csv").write_text("id\ny\n", encoding="utf-8")
    assert build.main(["--shared", str(tmp_path), "--out", str(out), "--check"]) == 1


def test_portion_units_follow_the_current_unit_aliases() -> None:
    # portions.csv stores each measure's unit key, derived with datasets/units.csv;
    # a change of the alias table must be followed by a rebuild of the tables.
    from nutrilog.foods import load_foods, measure_units

    portions = load_foods().portion_table
    derived = measure_units(portions["description"]).fillna("")
    stored = portions["unit"].fillna("")
    stale = portions.loc[derived.to_numpy() != stored.to_numpy(), ["id", "description", "unit"]]
    assert stale.empty, f"rebuild with datasets/build.py; stale unit keys:\n{stale.head()}"
