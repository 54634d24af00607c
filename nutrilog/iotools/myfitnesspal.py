"""Read a MyFitnessPal "Nutrition Summary" export (one row per meal per day).

Columns: ``Date, Meal, Calories, Fat (g), ..., Sodium (mg), Potassium, ...,
Vitamin A, Vitamin C, Calcium, Iron, Note``. Each row becomes one entry with
text ``"<Meal> meal total"``, no amount, ``reported=True``.

Units
-----
* ``Calories`` → ``energy_kcal``; ``Sodium (mg)`` and ``Potassium`` (mg) →
  ``sodium_mg`` and ``potassium_mg``.
* ``Calcium``, ``Iron``, ``Vitamin A``, ``Vitamin C`` are **percent of the Daily
  Value**, not amounts. They go to ``calcium_pct_dv``, ``iron_pct_dv``,
  ``vitamin_a_pct_dv`` and ``vitamin_c_pct_dv``; ``calcium_mg`` stays NaN.

  Converting needs to know which Daily Value the percentages used, and a
  MyFitnessPal diary mixes foods entered from labels of both eras: the calcium
  DV is 1,300 mg on labels following the 2016 rule (21 CFR 101.9(c)(8)(iv)) and
  was 1,000 mg before. nutrilog therefore does not convert by default. Pass
  ``calcium_dv_mg=1300`` (or ``1000``) to fill ``calcium_mg = pct / 100 × DV``;
  the choice is written in ``amount_note``.
* MyFitnessPal writes ``0`` for a nutrient its food entries do not list. With
  ``zeros_as_missing=True`` (the default) a 0 in sodium, potassium or a % DV
  column of a meal that has energy is read as NaN (not recorded) and noted; a
  real meal with energy and exactly 0 mg potassium is implausible.

Examples
--------
>>> import io
>>> text = "Date,Meal,Calories,Sodium (mg),Potassium,Calcium,Note\\n2026-11-20,Lunch,500,300,0,10,\\n"
>>> e = read_myfitnesspal(io.StringIO(text)).entries
>>> e[["meal", "sodium_mg", "potassium_mg", "calcium_mg", "calcium_pct_dv"]].values.tolist()
[['Lunch', 300.0, nan, nan, 10.0]]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from nutrilog._checks import number_argument
from nutrilog.errors import LogParseError
from nutrilog.iotools._build import (
    default_date,
    finish,
    numeric_columns,
    resolve_dates,
    row_text,
)
from nutrilog.iotools._cells import cells, join_notes
from nutrilog.iotools._chunks import read_chunks
from nutrilog.iotools._rejections import Rejections
from nutrilog.iotools._source import ReaderSource, open_input
from nutrilog.iotools._table import LINE
from nutrilog.log import FoodLog
from nutrilog.nutrients import NUTRIENT_COLUMNS

__all__ = ["read_myfitnesspal", "PCT_DV_COLUMNS"]

#: Percent-Daily-Value columns of the export.
PCT_DV_COLUMNS = ["calcium_pct_dv", "iron_pct_dv", "vitamin_a_pct_dv", "vitamin_c_pct_dv"]
_ZERO_CHECKED = ["sodium_mg", "potassium_mg", *PCT_DV_COLUMNS]


def _process(
    frame: pd.DataFrame,
    mapping: dict[object, tuple[str, str]],
    *,
    source: str,
    person: str | None,
    calcium_dv_mg: float | None,
    zeros_as_missing: bool,
) -> FoodLog:
    std = {standard: original for original, (standard, _) in mapping.items()}
    rej = Rejections(frame.index)
    raw_date = cells(frame, std.get("date"))
    meal = cells(frame, std.get("meal"))
    out = pd.DataFrame(index=frame.index)
    out["date"], _ = resolve_dates(raw_date, rej, default=None)
    rej.add(
        raw_date == "", "unparseable date: expected a date in column 'Date', found an empty cell"
    )
    rej.add(
        meal == "", "missing food text: expected a meal name in column 'Meal', found an empty cell"
    )
    out["meal"] = meal.replace("", None)
    out["text"] = (meal + " meal total").str.strip()
    out["food"] = "meal total"
    out["quantity"] = math.nan
    out["person"] = person or "default"
    out["line"] = frame[LINE].to_numpy()
    out["kind"] = "food"
    out["reported"] = True
    numeric_columns(frame, mapping, out, rej, wanted=set(NUTRIENT_COLUMNS) | set(PCT_DV_COLUMNS))
    notes = pd.Series("meal total: no amount", index=frame.index, dtype=object)
    if zeros_as_missing and "energy_kcal" in out.columns:
        has_energy = out["energy_kcal"] > 0
        for col in _ZERO_CHECKED:
            if col in out.columns:
                zero = has_energy & (out[col] == 0)
                out.loc[zero, col] = np.nan
                notes = join_notes(
                    notes, pd.Series(f"0 {col} read as not recorded", index=frame.index).where(zero)
                )
    if calcium_dv_mg is not None and "calcium_pct_dv" in out.columns:
        out["calcium_mg"] = out["calcium_pct_dv"] / 100.0 * float(calcium_dv_mg)
        basis = f"calcium_mg from % DV with DV {float(calcium_dv_mg):g} mg"
        notes = join_notes(
            notes, pd.Series(basis, index=frame.index).where(out["calcium_mg"].notna())
        )
    out["amount_note"] = notes
    if "note" in std:
        out["note"] = cells(frame, std["note"]).replace("", None)
    return finish(
        out, rej, source=source, strict=False, reject_text=lambda r: row_text(frame, r, ",")
    )


def _check(columns: list[object], mapping: dict[object, tuple[str, str]], name: str) -> None:
    """Refuse a table without the Date and Meal columns of a Nutrition Summary."""
    if not {"date", "meal"} <= {s for s, _ in mapping.values()}:
        raise LogParseError(
            f"not a MyFitnessPal Nutrition Summary: expected columns Date and Meal, found columns {columns}",
            source=name,
        )


def read_myfitnesspal(
    source: ReaderSource,
    *,
    person: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
    calcium_dv_mg: float | None = None,
    zeros_as_missing: bool = True,
    date: object = None,
) -> FoodLog:
    """Read a MyFitnessPal Nutrition Summary export (see the module docstring).

    Parameters
    ----------
    source : path or file-like
        The export (a UTF-8 BOM and CRLF line ends are fine).
    person : str, optional
        Whose log it is (default ``"default"``).
    strict, encoding, chunksize
        As in :func:`~nutrilog.iotools.read_log`.
    calcium_dv_mg : float, optional
        Daily Value behind the calcium percentages (1300 or 1000) to fill
        ``calcium_mg``; by default it stays NaN. A finite number above 0, else
        :class:`~nutrilog.errors.ArgumentError`.
    zeros_as_missing : bool
        Read a 0 in sodium, potassium or % DV columns of a meal with energy as NaN.
    date : optional
        Accepted for a uniform signature; rows carry their own date.

    Returns
    -------
    FoodLog
    """
    default_date(date)
    if calcium_dv_mg is not None:
        calcium_dv_mg = number_argument("calcium_dv_mg", calcium_dv_mg, above_zero=True)
    inp = open_input(source, encoding)
    return read_chunks(
        inp,
        "myfitnesspal",
        check=lambda columns, mapping: _check(columns, mapping, inp.name),
        process=lambda frame, mapping: _process(
            frame, mapping, source=inp.name, person=person, calcium_dv_mg=calcium_dv_mg,
            zeros_as_missing=zeros_as_missing,
        ),  # fmt: skip
        strict=strict,
        sep=",",
        chunksize=chunksize,
    )
