"""Build ``datasets/dri.csv`` and ``datasets/within_person_sd.csv`` from the reference folder.

The source tables (``<shared>/dri/dri.csv`` and ``<shared>/dri/within_person_sd.csv``)
are copied row for row with every column kept, including the source keys and notes.
``within_person_sd.csv`` is then extended with the rows of the repository's own source
table, ``datasets/sources/within_person_sd_published.csv`` (same columns): every
within-person SD found in the literature with its citation, and, as ``value_type``
``not found`` with an empty ``sd_within``, the nutrients and groups for which none
could be found and where it was looked for. A value row of the repository table may
not cover a group the reference folder already has a value for.
Two things change:

* ``nutrient`` becomes the library's nutrient key (``vitamin D`` -> ``vitamin_d``,
  ``total water`` -> ``water``), the key used by :mod:`nutrilog.nutrients`;
* every row is checked (numbers parse, ages are half-open and do not overlap, exactly
  one of RDA/AI, EAR present exactly with an RDA, known ``ul_applies_to``...), so a
  bad edit of the source fails the build instead of the library.

Numbers are written exactly as they appear in the source text, so the output is
byte-for-byte deterministic.

Run alone from the repository root::

    python datasets/_build_dri.py --shared ../shared --out datasets

Examples
--------
>>> from pathlib import Path
>>> build_dri(Path("../shared"), Path("datasets"))  # doctest: +SKIP
[PosixPath('datasets/dri.csv'), PosixPath('datasets/within_person_sd.csv')]
"""

from __future__ import annotations

import argparse
import csv
import math
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "NUTRIENT_KEYS",
    "DRI_COLUMNS",
    "SD_COLUMNS",
    "PUBLISHED_SD",
    "SD_VALUE_TYPES",
    "build_dri",
    "main",
]

#: Source nutrient name -> library nutrient key.
NUTRIENT_KEYS: dict[str, str] = {
    "magnesium": "magnesium",
    "calcium": "calcium",
    "potassium": "potassium",
    "sodium": "sodium",
    "vitamin D": "vitamin_d",
    "vitamin B12": "vitamin_b12",
    "total water": "water",
}

#: Columns of dri.csv, in order (NOTES.md §1).
DRI_COLUMNS: list[str] = [
    "nutrient", "unit", "group", "sex", "age_min_years", "age_max_years", "life_stage",
    "ear", "rda", "ai", "ul", "ul_applies_to", "source", "cdrr", "req_cv", "req_cv_basis",
    "notes",
]  # fmt: skip

#: Columns of within_person_sd.csv, in order (NOTES.md §6).
SD_COLUMNS: list[str] = [
    "nutrient", "unit", "group", "sex", "age_min_years", "age_max_years", "sd_within",
    "cv_within_pct", "value_type", "data", "source", "notes",
]  # fmt: skip

#: The repository's own table of published within-person SDs (and of the ones not found).
PUBLISHED_SD = Path(__file__).resolve().parents[1] / "sources" / "within_person_sd_published.csv"

#: ``value_type`` of a within-person SD row; ``not found`` rows carry no value.
SD_VALUE_TYPES = {"reported", "back-calculated", "not found"}

_SEXES = {"any", "female", "male"}
_LIFE_STAGES = {"none", "pregnancy", "lactation"}
_UL_APPLIES = {"all", "supplements", "none"}


class _BuildError(ValueError):
    """A source row breaks the table's contract."""


def _number(text: str, *, where: str, column: str, required: bool = False) -> float | None:
    text = text.strip()
    if not text:
        if required:
            raise _BuildError(f"{where}: column {column!r} is empty, expected a number")
        return None
    try:
        value = float(text)
    except ValueError:
        raise _BuildError(
            f"{where}: column {column!r} should be a number, found {text!r}"
        ) from None
    if not math.isfinite(value) or value < 0:
        raise _BuildError(
            f"{where}: column {column!r} should be a finite number >= 0, found {text!r}"
        )
    return value


def _read(path: Path, columns: list[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise FileNotFoundError(f"expected the DRI source table at {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != columns:
            raise _BuildError(f"{path.name}: expected columns {columns}, found {reader.fieldnames}")
        rows = list(reader)
    for number, row in enumerate(rows, start=2):
        name = row["nutrient"]
        if name not in NUTRIENT_KEYS:
            raise _BuildError(f"{path.name}, line {number}: unknown nutrient {name!r}")
        row["nutrient"] = NUTRIENT_KEYS[name]
        where = f"{path.name}, line {number}"
        if row["sex"] not in _SEXES:
            raise _BuildError(
                f"{where}: sex should be one of {sorted(_SEXES)}, found {row['sex']!r}"
            )
        low = _number(row["age_min_years"], where=where, column="age_min_years", required=True)
        high = _number(row["age_max_years"], where=where, column="age_max_years")
        if high is not None and low is not None and high <= low:
            raise _BuildError(f"{where}: age_max_years {high} is not above age_min_years {low}")
    return rows


def _check_dri(rows: list[dict[str, str]]) -> None:
    spans: dict[tuple[str, str, str, str], list[tuple[float, float]]] = {}
    for number, row in enumerate(rows, start=2):
        where = f"dri.csv, line {number}"
        values = {
            col: _number(row[col], where=where, column=col)
            for col in ("ear", "rda", "ai", "ul", "cdrr", "req_cv")
        }
        if (values["rda"] is None) == (values["ai"] is None):
            raise _BuildError(f"{where}: exactly one of rda and ai must be set")
        if (values["ear"] is None) != (values["rda"] is None):
            raise _BuildError(f"{where}: ear must be set exactly when rda is")
        if row["life_stage"] not in _LIFE_STAGES:
            raise _BuildError(f"{where}: unknown life_stage {row['life_stage']!r}")
        if row["ul_applies_to"] not in _UL_APPLIES:
            raise _BuildError(f"{where}: unknown ul_applies_to {row['ul_applies_to']!r}")
        if (values["ul"] is None) != (row["ul_applies_to"] == "none"):
            raise _BuildError(f"{where}: ul_applies_to is 'none' exactly when no UL is set")
        low = float(row["age_min_years"])
        high = float(row["age_max_years"]) if row["age_max_years"].strip() else math.inf
        sexes = ["female", "male"] if row["sex"] == "any" else [row["sex"]]
        for sex in sexes:
            key = (row["nutrient"], row["unit"], sex, row["life_stage"])
            for other_low, other_high in spans.get(key, []):
                if low < other_high and other_low < high:
                    raise _BuildError(f"{where}: ages [{low}, {high}) overlap another {key} row")
            spans.setdefault(key, []).append((low, high))


def _check_sds(rows: list[dict[str, str]], name: str) -> None:
    """Each SD row: a known ``value_type``, a value exactly when one was found, a source."""
    for number, row in enumerate(rows, start=2):
        where = f"{name}, line {number}"
        kind = row["value_type"]
        if kind not in SD_VALUE_TYPES:
            raise _BuildError(
                f"{where}: value_type should be one of {sorted(SD_VALUE_TYPES)}, found {kind!r}"
            )
        value = _number(row["sd_within"], where=where, column="sd_within")
        if (value is None) != (kind == "not found"):
            raise _BuildError(
                f"{where}: sd_within must be empty exactly when value_type is 'not found'"
            )
        if not row["source"].strip():
            raise _BuildError(
                f"{where}: every row needs its source (where the value was found or looked for)"
            )


def _ages(row: dict[str, str]) -> tuple[float, float]:
    high = row["age_max_years"].strip()
    return float(row["age_min_years"]), float(high) if high else math.inf


def _merge_sds(shared: list[dict[str, str]], own: list[dict[str, str]]) -> list[dict[str, str]]:
    """The reference folder's rows, then the repository's; no two value rows may overlap."""
    values = [row for row in shared + own if row["value_type"] != "not found"]
    for i, row in enumerate(values):
        low, high = _ages(row)
        for other in values[:i]:
            o_low, o_high = _ages(other)
            sexes = {row["sex"], other["sex"]}
            same_people = "any" in sexes or len(sexes) == 1
            if (
                row["nutrient"] == other["nutrient"]
                and same_people
                and low < o_high
                and o_low < high
            ):
                raise _BuildError(
                    f"within-person SD for {row['nutrient']} ({row['group']}) overlaps the value "
                    f"for {other['group']}; keep one value per group"
                )
    return shared + own


def _write(rows: list[dict[str, str]], columns: list[str], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def build_dri(shared: Path, out: Path, published: Path = PUBLISHED_SD) -> list[Path]:
    """Write ``dri.csv`` and ``within_person_sd.csv`` into ``out``.

    Parameters
    ----------
    shared : Path
        The reference folder holding ``dri/dri.csv`` and ``dri/within_person_sd.csv``
        (the folder ``dri`` itself is accepted too).
    out : Path
        The repository's ``datasets`` folder.
    published : Path, optional
        The repository's table of published within-person SDs
        (default :data:`PUBLISHED_SD`).

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> build_dri(Path("../shared"), Path("datasets"))  # doctest: +SKIP
    [PosixPath('datasets/dri.csv'), PosixPath('datasets/within_person_sd.csv')]
    """
    shared, out = Path(shared), Path(out)
    folder = shared if (shared / "dri.csv").is_file() else shared / "dri"
    dri = _read(folder / "dri.csv", DRI_COLUMNS)
    _check_dri(dri)
    sds = _read(folder / "within_person_sd.csv", SD_COLUMNS)
    for number, row in enumerate(sds, start=2):
        _number(row["sd_within"], where=f"within_person_sd.csv, line {number}",
                column="sd_within", required=True)  # fmt: skip
    _check_sds(sds, "within_person_sd.csv")
    own = _read(Path(published), SD_COLUMNS)
    _check_sds(own, Path(published).name)
    sds = _merge_sds(sds, own)
    return [
        _write(dri, DRI_COLUMNS, out / "dri.csv"),
        _write(sds, SD_COLUMNS, out / "within_person_sd.csv"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status.

    Examples
    --------
    >>> main(["--shared", "../shared", "--out", "datasets"])  # doctest: +SKIP
    0
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="reference folder (default: ../shared)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1],
                        help="output folder (default: this datasets folder)")  # fmt: skip
    args = parser.parse_args(argv)
    for path in build_dri(args.shared, args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
