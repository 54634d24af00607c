"""The user's own foods: a CSV or DataFrame turned into rows of the food table.

:meth:`nutrilog.foods.FoodTable.with_user_foods` documents the columns; this module
reads them: friendly nutrient headers with their unit (``Magnesium (mg)``,
``Vitamin D (IU)``), values per serving or per 100 g, a serving portion, and one
error naming the file, line and reason for each bad value.

Examples
--------
>>> import pandas as pd
>>> foods, nutrients, portions = user_tables(
...     pd.DataFrame({"name": ["Protein bar"], "serving_grams": [50], "Magnesium (mg)": [40]}),
...     "<dataframe>", False, pd.Index([]))
>>> foods.index.tolist(), float(nutrients["magnesium_mg"].iloc[0]), float(portions["grams"].iloc[0])
(['user:protein-bar'], 80.0, 50.0)
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from nutrilog.errors import DataError
from nutrilog.foods import PORTION_COLUMNS, measure_units, split_measure
from nutrilog.nutrients import NUTRIENT_COLUMNS, nutrient
from nutrilog.units import MASS_UNITS, VOLUME_UNITS, convert, normalize_unit, vitamin_d_iu_to_ug

__all__ = ["user_tables"]

_NUTRIENT_NAMES: dict[str, str] = {
    "energy": "energy_kcal",
    "calories": "energy_kcal",
    "calorie": "energy_kcal",
    "kcal": "energy_kcal",
    "water": "water_g",
    "calcium": "calcium_mg",
    "magnesium": "magnesium_mg",
    "potassium": "potassium_mg",
    "sodium": "sodium_mg",
    "vitamind": "vitamin_d_ug",
    "vitd": "vitamin_d_ug",
    "vitamind2d3": "vitamin_d_ug",
    "vitaminb12": "vitamin_b12_ug",
    "vitb12": "vitamin_b12_ug",
    "b12": "vitamin_b12_ug",
    "cobalamin": "vitamin_b12_ug",
}
_ENERGY_UNITS: dict[str, float] = {"kcal": 1.0, "cal": 1.0, "calories": 1.0, "kj": 1 / 4.184}
_TEXT_FIELDS: dict[str, str] = {
    "name": "name",
    "food": "name",
    "foodname": "name",
    "description": "description",
    "id": "id",
    "group": "group",
    "synonyms": "synonyms",
    "basis": "basis",
    "servingdescription": "serving_description",
    "serving": "serving_description",
}
_SERVING_GRAMS = {"servinggrams", "servingg", "servingsizeg", "servingsizegrams", "servingweightg"}
_BASIS_VALUES: dict[str, str] = {
    "100g": "100g",
    "per100g": "100g",
    "serving": "serving",
    "perserving": "serving",
}


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower().replace("µ", "u").replace("μ", "u"))


def _nutrient_factor(column: str, unit: str, header: str, source: str) -> tuple[float, str]:
    """Factor converting values in ``unit`` to the unit of ``column``, and the vitamin D basis."""
    target = nutrient(column).unit
    if column == "energy_kcal":
        if unit.lower() in _ENERGY_UNITS:
            return _ENERGY_UNITS[unit.lower()], ""
        raise DataError(
            f"{source}: column {header!r}: expected energy in kcal or kJ, found {unit!r}"
        )
    info = normalize_unit(unit)
    if info is not None and info.unit == "IU" and column == "vitamin_d_ug":
        return vitamin_d_iu_to_ug(1.0), "iu"
    if info is not None and info.unit in MASS_UNITS:
        return convert(1.0, info.unit, target), "ug"
    if column == "water_g" and info is not None and info.unit in VOLUME_UNITS:
        return convert(1.0, info.unit, target, "water"), ""
    raise DataError(f"{source}: column {header!r}: cannot read {unit!r} as {target} ({column})")


def _classify_header(header: str, source: str) -> tuple[str, float, str] | None:
    """Return (field, factor, basis) for a user CSV header, or None to ignore it."""
    squashed = _squash(header)
    if squashed in _TEXT_FIELDS:
        return _TEXT_FIELDS[squashed], 1.0, ""
    if squashed in _SERVING_GRAMS:
        return "serving_grams", 1.0, ""
    if header in NUTRIENT_COLUMNS:
        return header, 1.0, "ug" if header == "vitamin_d_ug" else ""
    if squashed in _NUTRIENT_NAMES:
        column = _NUTRIENT_NAMES[squashed]
        return column, 1.0, "ug" if column == "vitamin_d_ug" else ""
    found = re.fullmatch(r"\s*(?P<name>.+?)\s*[(\[]\s*(?P<unit>[^)\]]+?)\s*[)\]]\s*", header)
    if found is None:
        found = re.fullmatch(r"\s*(?P<name>.+?)[\s_]+(?P<unit>[^\s_]+)\s*", header)
    if found is None or _squash(found["name"]) not in _NUTRIENT_NAMES:
        return None
    column = _NUTRIENT_NAMES[_squash(found["name"])]
    factor, basis = _nutrient_factor(column, found["unit"], header, source)
    return column, factor, basis


def _row_labels(frame: pd.DataFrame, from_file: bool) -> pd.Series:
    if from_file:  # the index holds the line numbers (see read_user_table)
        return pd.Series([f"line {i}" for i in frame.index], index=frame.index)
    return pd.Series([f"row {i}" for i in frame.index], index=frame.index)


def _fail(source: str, where: str, reason: str, text: object = None) -> DataError:
    shown = "" if text is None else f" [{str(text)!r}]"
    return DataError(f"{source}, {where}: {reason}{shown}")


def _blank(values: pd.Series) -> pd.Series:
    return values.isna() | values.astype("str").str.strip().eq("")


def _numbers(values: pd.Series, header: str, source: str, where: pd.Series) -> pd.Series:
    blank = _blank(values)
    cleaned = values.where(~blank).astype("object")
    numbers = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    bad = numbers.isna() & ~blank
    if bad.any():
        first = bad.idxmax()
        raise _fail(source, where[first], f"column {header!r} expects a number", values[first])
    negative = numbers < 0
    if negative.any():
        first = negative.idxmax()
        raise _fail(source, where[first], f"column {header!r} cannot be negative", values[first])
    from nutrilog.iotools import MAX_AMOUNT

    huge = ~np.isfinite(numbers.fillna(0.0)) | (numbers >= MAX_AMOUNT)
    if huge.any():  # inf, 1e400 (read as inf) and typos that would overflow a sum
        first = huge.idxmax()
        raise _fail(
            source,
            where[first],
            f"column {header!r} expects a finite number below {MAX_AMOUNT:,.0f}",
            values[first],
        )
    return numbers


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _text(frame: pd.DataFrame, field: str) -> pd.Series:
    if field not in frame:
        return pd.Series("", index=frame.index, dtype="str")
    column = frame[field]
    return column.where(~_blank(column), "").astype("str").str.strip()


def _user_fields(raw: pd.DataFrame, source: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Rename user columns to fields; return the frame and the vitamin D basis per field."""
    renamed: dict[str, str] = {}
    factors: dict[str, float] = {}
    basis: dict[str, str] = {}
    for header in raw.columns:
        found = _classify_header(str(header), source)
        if found is None:
            continue
        field, factor, vit_basis = found
        if field in renamed.values():
            raise DataError(f"{source}: two columns give {field!r} (second one: {header!r})")
        renamed[str(header)] = field
        factors[field] = factor
        basis[field] = vit_basis
    frame = raw.rename(columns=renamed)[list(renamed.values())]
    frame.attrs["factors"] = factors
    return frame, basis


def user_tables(
    raw: pd.DataFrame, source: str, from_file: bool, taken: pd.Index
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    frame, vit_basis = _user_fields(raw, source)
    where = _row_labels(frame, from_file)
    if "name" not in frame and "description" not in frame:
        raise DataError(
            f"{source}: expected a 'name' or 'description' column, found {list(raw.columns)}"
        )
    name = _text(frame, "name")
    name = name.where(name != "", _text(frame, "description"))
    if (name == "").any():
        first = (name == "").idxmax()
        raise _fail(source, where[first], "the food has no name (empty 'name'/'description')")

    given = _text(frame, "id")
    ids = given.where(given != "", "user:" + name.map(_slug))
    for index in ids.index[ids.duplicated(keep=False)]:
        twin = ids.index[(ids == ids[index]) & (ids.index != index)][0]
        raise _fail(source, where[index], f"duplicate id {ids[index]!r} (also at {where[twin]})")
    clash = ids.isin(taken)
    if clash.any():
        first = clash.idxmax()
        raise _fail(source, where[first], f"id {ids[first]!r} is already in the food table")

    factors = frame.attrs["factors"]
    values = {
        column: _numbers(frame[column], column, source, where) * factors[column]
        for column in NUTRIENT_COLUMNS
        if column in frame
    }
    nutrients = pd.DataFrame(values, index=frame.index).reindex(columns=NUTRIENT_COLUMNS)
    grams = (
        _numbers(frame["serving_grams"], "serving_grams", source, where)
        if "serving_grams" in frame
        else pd.Series(np.nan, index=frame.index)
    )
    zero = grams == 0
    if zero.any():
        raise _fail(source, where[zero.idxmax()], "serving_grams must be more than 0")

    basis_text = _text(frame, "basis").map(_squash)
    unknown = (basis_text != "") & ~basis_text.isin(list(_BASIS_VALUES))
    if unknown.any():
        first = unknown.idxmax()
        raise _fail(
            source, where[first], "basis must be '100g' or 'serving'", frame["basis"][first]
        )
    basis = basis_text.map(_BASIS_VALUES).fillna(
        pd.Series(np.where(grams.notna(), "serving", "100g"), index=frame.index)
    )
    per_serving = basis == "serving"
    lacking = per_serving & grams.isna()
    if lacking.any():
        raise _fail(source, where[lacking.idxmax()], "per-serving values need serving_grams")
    nutrients = nutrients.mul(np.where(per_serving, 100.0 / grams, 1.0), axis=0)

    d_basis = pd.Series(vit_basis.get("vitamin_d_ug", ""), index=frame.index, dtype="str")
    d_basis = d_basis.where(nutrients["vitamin_d_ug"].notna(), "")
    group = _text(frame, "group")
    foods = pd.DataFrame(
        {
            "description": name,
            "group": group.where(group != "", "User foods"),
            "synonyms": _text(frame, "synonyms"),
            "source": "user",
            "vitamin_d_basis": d_basis,
        }
    ).set_axis(pd.Index(ids, name="id"))
    nutrients = nutrients.set_axis(pd.Index(ids, name="id"))
    return foods, nutrients, _user_portions(ids, grams, _text(frame, "serving_description"))


def _user_portions(ids: pd.Series, grams: pd.Series, described: pd.Series) -> pd.DataFrame:
    has = grams.notna()
    serving = pd.DataFrame(
        {
            "id": ids,
            "seq": 1,
            "amount": 1.0,
            "description": "serving",
            "unit": "serving",
            "grams": grams,
        }
    )[has]
    measure = split_measure(described)
    units = measure_units(measure["description"])
    own = pd.DataFrame(
        {
            "id": ids,
            "seq": 2,
            "amount": measure["amount"],
            "description": measure["description"],
            "unit": units,
            "grams": grams,
        }
    )[has & (described != "") & (units != "serving")]
    return pd.concat([serving, own]).sort_values(["id", "seq"])[PORTION_COLUMNS]
