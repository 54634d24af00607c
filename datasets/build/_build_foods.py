"""Build ``foods.csv``, ``nutrients.csv`` and ``portions.csv`` from the USDA sources.

Sources (both public domain, read from the reference folder passed as ``shared``):

* ``usda-sr28/``: SR28 ASCII files (``^`` separated, ``~`` text qualifier,
  latin-1, CRLF or bare CR line ends, ``^^`` for empty fields). A food with no
  NUT_DATA row for a nutrient was not analysed for it: the value stays NaN.
* ``fndds-2017-2018/``: the FNDDS "At A Glance" workbooks (header on the
  second row). Every FNDDS food has a value for every nutrient.

Output is deterministic (rows sorted by id then seq, floats rounded to
:data:`DECIMALS` places and written with Python's shortest ``repr``), so
``build.py --check`` can compare bytes.

Examples
--------
>>> from pathlib import Path
>>> build_foods(Path("../shared"), Path("datasets"))  # doctest: +SKIP
[PosixPath('datasets/foods.csv'), PosixPath('datasets/nutrients.csv'), PosixPath('datasets/portions.csv')]
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from nutrilog.foods import measure_units, split_measure
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.units import vitamin_d_iu_to_ug

__all__ = [
    "DECIMALS",
    "FOOD_COLUMNS",
    "NUTRIENT_TABLE_COLUMNS",
    "PORTION_COLUMNS",
    "SR28_NUMBERS",
    "FNDDS_COLUMNS",
    "read_sr28",
    "build_sr28",
    "build_fndds",
    "build_foods",
]

#: Decimal places kept for every float written.
DECIMALS = 4

FOOD_COLUMNS = ["id", "description", "group", "synonyms", "source"]
NUTRIENT_TABLE_COLUMNS = ["id", *NUTRIENT_COLUMNS, "vitamin_d_basis"]
PORTION_COLUMNS = ["id", "seq", "amount", "description", "unit", "grams"]

#: SR28 nutrient number -> column (vitamin D is handled apart: 328 µg, else 324 IU).
SR28_NUMBERS: dict[str, str] = {
    "208": "energy_kcal",
    "255": "water_g",
    "301": "calcium_mg",
    "304": "magnesium_mg",
    "306": "potassium_mg",
    "307": "sodium_mg",
    "418": "vitamin_b12_ug",
}
_SR28_VITD_UG = "328"
_SR28_VITD_IU = "324"

#: FNDDS nutrient-values workbook header (newlines collapsed) -> column.
FNDDS_COLUMNS: dict[str, str] = {
    "Energy (kcal)": "energy_kcal",
    "Water (g)": "water_g",
    "Calcium (mg)": "calcium_mg",
    "Magnesium (mg)": "magnesium_mg",
    "Potassium (mg)": "potassium_mg",
    "Sodium (mg)": "sodium_mg",
    "Vitamin D (D2 + D3) (mcg)": "vitamin_d_ug",
    "Vitamin B-12 (mcg)": "vitamin_b12_ug",
}

_SR28_FIELDS: dict[str, list[str]] = {
    "FOOD_DES": [
        "ndb_no", "fdgrp_cd", "long_desc", "shrt_desc", "comname", "manufacname", "survey",
        "ref_desc", "refuse", "sciname", "n_factor", "pro_factor", "fat_factor", "cho_factor",
    ],
    "FD_GROUP": ["fdgrp_cd", "fdgrp_desc"],
    "NUT_DATA": [
        "ndb_no", "nutr_no", "nutr_val", "num_data_pts", "std_error", "src_cd", "deriv_cd",
        "ref_ndb_no", "add_nutr_mark", "num_studies", "min", "max", "df", "low_eb", "up_eb",
        "stat_cmt", "addmod_date", "cc",
    ],
    "WEIGHT": ["ndb_no", "seq", "amount", "msre_desc", "gm_wgt", "num_data_pts", "std_dev"],
}  # fmt: skip


def read_sr28(folder: Path, name: str, usecols: list[str]) -> pd.DataFrame:
    """Read one SR28 ASCII file as strings.

    Line ends are normalised first (the files mix CRLF and bare CR), then the
    ``^``/``~`` format is parsed; empty fields (``^^`` or ``~~``) become NaN.

    Parameters
    ----------
    folder : Path
        The ``usda-sr28`` folder.
    name : str
        File stem: ``FOOD_DES``, ``FD_GROUP``, ``NUT_DATA`` or ``WEIGHT``.
    usecols : list of str
        Field names to keep (see the SR28 documentation, chapter 2).

    Returns
    -------
    pandas.DataFrame
        One string column per field in ``usecols``.

    Examples
    --------
    >>> read_sr28(Path("../shared/usda-sr28"), "FD_GROUP", ["fdgrp_cd"]).shape  # doctest: +SKIP
    (25, 1)
    """
    raw = (folder / f"{name}.txt").read_bytes()
    text = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").decode("latin-1")
    return pd.read_csv(
        io.StringIO(text),
        sep="^",
        quotechar="~",
        header=None,
        names=_SR28_FIELDS[name],
        usecols=usecols,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
    )


def _sr28_nutrients(folder: Path, ids: pd.Series) -> pd.DataFrame:
    wanted = [*SR28_NUMBERS, _SR28_VITD_UG, _SR28_VITD_IU]
    data = read_sr28(folder, "NUT_DATA", ["ndb_no", "nutr_no", "nutr_val"])
    data = data[data["nutr_no"].isin(wanted)]
    wide = (
        data.assign(nutr_val=pd.to_numeric(data["nutr_val"], errors="raise"))
        .pivot(index="ndb_no", columns="nutr_no", values="nutr_val")
        .reindex(index=ids, columns=wanted)
    )
    out = wide[list(SR28_NUMBERS)].rename(columns=SR28_NUMBERS)
    ug = wide[_SR28_VITD_UG]
    iu = wide[_SR28_VITD_IU] * vitamin_d_iu_to_ug(1.0)
    out["vitamin_d_ug"] = ug.fillna(iu)
    out["vitamin_d_basis"] = np.select([ug.notna(), iu.notna()], ["ug", "iu"], default="")
    out.index = "sr28:" + out.index
    return out.rename_axis("id").reset_index()


def build_sr28(shared: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the SR28 foods, nutrients and portions tables.

    Examples
    --------
    >>> foods, nutrients, portions = build_sr28(Path("../shared"))  # doctest: +SKIP
    >>> len(foods)  # doctest: +SKIP
    8789
    """
    folder = shared / "usda-sr28"
    des = read_sr28(folder, "FOOD_DES", ["ndb_no", "fdgrp_cd", "long_desc", "comname"])
    groups = read_sr28(folder, "FD_GROUP", ["fdgrp_cd", "fdgrp_desc"])
    des = des.merge(groups, on="fdgrp_cd", how="left", validate="many_to_one")
    foods = pd.DataFrame(
        {
            "id": "sr28:" + des["ndb_no"],
            "description": des["long_desc"],
            "group": des["fdgrp_desc"],
            "synonyms": des["comname"].fillna(""),
            "source": "sr28",
        }
    )
    nutrients = _sr28_nutrients(folder, des["ndb_no"])
    weight = read_sr28(folder, "WEIGHT", ["ndb_no", "seq", "amount", "msre_desc", "gm_wgt"])
    portions = pd.DataFrame(
        {
            "id": "sr28:" + weight["ndb_no"],
            "seq": weight["seq"].astype(int),
            "amount": pd.to_numeric(weight["amount"], errors="raise"),
            "description": weight["msre_desc"],
            "unit": measure_units(weight["msre_desc"]),
            "grams": pd.to_numeric(weight["gm_wgt"], errors="raise"),
        }
    )
    return foods, nutrients, portions[portions["grams"] > 0]


def _read_fndds(folder: Path, name: str) -> pd.DataFrame:
    frame = pd.read_excel(folder / name, sheet_name=0, header=1)
    frame.columns = [" ".join(str(c).split()) for c in frame.columns]
    frame["id"] = "fndds:" + frame["Food code"].astype("int64").astype(str)
    return frame


def build_fndds(shared: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the FNDDS 2017-2018 foods, nutrients and portions tables.

    Portions: the leading amount of ``"1 cup"``/``"1/2 bagel"`` goes to
    ``amount``; a portion given for a brand subcode keeps the brand in
    parentheses; ``seq`` is renumbered 1..n per food in workbook order; zero
    weights ("Quantity not specified" without a weight) are dropped.

    Examples
    --------
    >>> foods, nutrients, portions = build_fndds(Path("../shared"))  # doctest: +SKIP
    >>> len(foods)  # doctest: +SKIP
    7083
    """
    folder = shared / "fndds-2017-2018"
    fab = _read_fndds(folder, "foods-and-beverages.xlsx")
    foods = pd.DataFrame(
        {
            "id": fab["id"],
            "description": fab["Main food description"],
            "group": fab["WWEIA Category description"],
            "synonyms": fab["Additional food description"].fillna(""),
            "source": "fndds",
        }
    )
    values = _read_fndds(folder, "nutrient-values.xlsx")
    missing = sorted(set(FNDDS_COLUMNS) - set(values.columns))
    if missing:
        raise KeyError(f"FNDDS nutrient workbook lacks columns {missing}")
    nutrients = values[["id", *FNDDS_COLUMNS]].rename(columns=FNDDS_COLUMNS)
    nutrients = nutrients.astype({c: "float64" for c in NUTRIENT_COLUMNS})
    nutrients["vitamin_d_basis"] = np.where(nutrients["vitamin_d_ug"].notna(), "ug", "")

    pw = _read_fndds(folder, "portions-and-weights.xlsx")
    pw = pw[pw["Portion weight (g)"] > 0].reset_index(drop=True)
    measure = split_measure(pw["Portion description"])
    brand = pw["Subcode description"]
    described = measure["description"].where(
        brand.isna(), measure["description"] + " (" + brand.fillna("") + ")"
    )
    portions = pd.DataFrame(
        {
            "id": pw["id"],
            "seq": pw.groupby("id", sort=False).cumcount() + 1,
            "amount": measure["amount"],
            "description": described,
            "unit": measure_units(measure["description"]),
            "grams": pw["Portion weight (g)"].astype("float64"),
        }
    )
    return foods, nutrients, portions


def _write(frame: pd.DataFrame, path: Path, sort: list[str]) -> Path:
    frame = frame.sort_values(sort, kind="stable").reset_index(drop=True)
    floats = frame.select_dtypes("float").columns
    frame[floats] = frame[floats].round(DECIMALS)
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def build_foods(shared: Path, out: Path) -> list[Path]:
    """Write ``foods.csv``, ``nutrients.csv`` and ``portions.csv`` into ``out``.

    Parameters
    ----------
    shared : Path
        The reference folder holding ``usda-sr28/`` and ``fndds-2017-2018/``.
    out : Path
        Destination folder (the repository's ``datasets``).

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> build_foods(Path("../shared"), Path("datasets"))  # doctest: +SKIP
    [PosixPath('datasets/foods.csv'), PosixPath('datasets/nutrients.csv'), PosixPath('datasets/portions.csv')]
    """
    parts = [build_sr28(shared), build_fndds(shared)]
    foods = pd.concat([p[0] for p in parts], ignore_index=True)[FOOD_COLUMNS]
    nutrients = pd.concat([p[1] for p in parts], ignore_index=True)[NUTRIENT_TABLE_COLUMNS]
    portions = pd.concat([p[2] for p in parts], ignore_index=True)[PORTION_COLUMNS]
    if not foods["id"].is_unique:
        raise ValueError("duplicate food ids in the sources")
    for name, table in (("nutrients", nutrients), ("portions", portions)):
        orphans = set(table["id"]) - set(foods["id"])
        if orphans:
            raise ValueError(f"{name} rows for unknown foods: {sorted(orphans)[:5]}")
    out.mkdir(parents=True, exist_ok=True)
    return [
        _write(foods, out / "foods.csv", ["id"]),
        _write(nutrients, out / "nutrients.csv", ["id"]),
        _write(portions, out / "portions.csv", ["id", "seq"]),
    ]
