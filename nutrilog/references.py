"""Dietary Reference Intakes for one person, from the packaged ``dri.csv``.

:func:`reference_intakes` picks, for each assessed nutrient, the DRI row of the
person's life-stage group: ages are half-open intervals ``[min, max)`` (a
30.99-year-old is in "19-30"), pregnancy and lactation rows are used when the
profile says so. Values are in the unit of the library's intake column
(``magnesium_mg``, ``vitamin_d_ug``, ``water_g``...). Total water is published in
litres; pint converts it to grams in its ``water`` context (1 g/ml).

:func:`published_sd_within` gives the pooled within-person SDs of daily intake
that could be sourced (IOM 2000, CSFII 1994-96) for the person's group, with
their sources; :func:`sd_within_not_found` says, for the other nutrients, that
none was found and where it was looked for.

Examples
--------
>>> from nutrilog.profile import Profile
>>> refs = reference_intakes(Profile(age=34, sex="female")).set_index("nutrient")
>>> float(refs.loc["magnesium", "rda"]), float(refs.loc["water", "ai"])
(320.0, 2700.0)
"""

from __future__ import annotations

import bisect
import csv
import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from nutrilog._resources import dataset_path
from nutrilog.errors import DataError, ProfileError
from nutrilog.nutrients import ASSESSED, nutrient
from nutrilog.profile import Profile, as_profile
from nutrilog.units import factor

__all__ = [
    "REFERENCE_COLUMNS",
    "DriGroup",
    "dri_group",
    "reference_intakes",
    "published_sd_within",
    "sd_within_not_found",
    "group_records",
    "group_starts",
    "dri_rows",
    "dri_bands",
]

#: Columns of :func:`reference_intakes`, in order.
REFERENCE_COLUMNS: list[str] = [
    "nutrient", "label", "column", "unit", "ear", "rda", "ai", "ul", "ul_applies_to",
    "cdrr", "req_cv", "req_cv_basis", "group", "life_stage", "source", "notes",
]  # fmt: skip

_VALUE_COLUMNS = ["ear", "rda", "ai", "ul", "cdrr"]


#: The columns of the packaged reference tables that hold numbers (read as floats).
_NUMBER_COLUMNS = frozenset(
    ["age_min_years", "age_max_years", *_VALUE_COLUMNS, "req_cv", "sd_within", "cv_within_pct"]
)


def _read_rows(name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and rows of a packaged table, read with :mod:`csv` (a few hundred rows:
    no data frame is needed to look groups up). Empty cells are NaN, the number columns
    floats, an open upper age infinite."""
    try:
        with dataset_path(name).open(encoding="utf-8", newline="") as fh:
            lines = list(csv.reader(fh))
    except FileNotFoundError as err:
        raise DataError(f"packaged data file {name!r} is missing; rebuild datasets/") from err
    names, rows = lines[0], []
    numbers = [key in _NUMBER_COLUMNS for key in names]
    for number, cells in enumerate(lines[1:], start=2):
        if not cells:
            continue  # a blank line is no row
        if len(cells) != len(names):
            raise DataError(
                f"packaged data file {name!r}, line {number}: expected {len(names)} fields, "
                f"found {len(cells)}; rebuild datasets/"
            )
        try:
            row = {
                key: math.nan if cell == "" else float(cell) if is_number else cell
                for key, cell, is_number in zip(names, cells, numbers, strict=True)
            }
        except ValueError as err:
            raise DataError(f"packaged data file {name!r}, line {number}: {err}") from None
        if math.isnan(row["age_max_years"]):
            row["age_max_years"] = math.inf
        rows.append(row)
    return names, rows


def _frame(names: list[str], rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows of :func:`_read_rows` as a table: the number columns float, the others text."""
    return pd.DataFrame(
        {
            key: np.array([row[key] for row in rows], dtype="float64")
            if key in _NUMBER_COLUMNS
            else pd.Series([row[key] for row in rows], dtype="str")
            for key in names
        }
    )


@lru_cache(maxsize=1)
def _dri_records() -> tuple[list[str], list[dict[str, Any]]]:
    """The packaged dri.csv as rows, values converted to the library's column units."""
    names, rows = _read_rows("dri.csv")
    # one unit per nutrient: the unit of its intake column (vitamin D: ug, not IU)
    units = {key: nutrient(key).unit for key in ASSESSED}
    litres_to_grams = factor("L", units["water"], "water")
    kept = []
    for row in rows:
        if row["nutrient"] == "water":  # total water is published in litres
            row["unit"] = units["water"]
            for col in _VALUE_COLUMNS:
                row[col] = row[col] * litres_to_grams
            if isinstance(row["notes"], str):
                row["notes"] += "; converted from litres at 1 g/ml (1 L = 1,000 g)"
        if units.get(row["nutrient"]) == row["unit"]:
            kept.append(row)
    return names, kept


@lru_cache(maxsize=1)
def _dri_table() -> pd.DataFrame:
    """The packaged dri.csv, values converted to the library's column units."""
    return _frame(*_dri_records())


def dri_rows() -> pd.DataFrame:
    """The rows of the packaged ``dri.csv`` for the assessed nutrients, values in the
    library's column units: read once per process and shared (callers only read it).

    Examples
    --------
    >>> row = dri_rows().iloc[0]
    >>> row["nutrient"], row["group"], float(row["ai"])
    ('magnesium', 'infant 0-6 mo', 30.0)
    """
    return _dri_table()


@lru_cache(maxsize=1)
def _sd_records() -> tuple[list[str], list[dict[str, Any]]]:
    return _read_rows("within_person_sd.csv")


@lru_cache(maxsize=1)
def _sd_table() -> pd.DataFrame:
    return _frame(*_sd_records())


def dri_bands() -> pd.DataFrame:
    """The DRI life-stage groups: the rows of the first assessed nutrient (magnesium)
    in :func:`dri_rows`, columns ``nutrient, group, sex, age_min_years, age_max_years,
    life_stage``, made without the whole table.

    Examples
    --------
    >>> dri_bands()["group"].tolist()[:2]
    ['infant 0-6 mo', 'infant 7-12 mo']
    """
    _, rows = _dri_records()
    columns = ["nutrient", "group", "sex", "age_min_years", "age_max_years", "life_stage"]
    return _frame(columns, [row for row in rows if row["nutrient"] == ASSESSED[0]])


class DriGroup(NamedTuple):
    """A DRI life-stage group: ages ``[age_min, age_max)`` in years, sex and life stage.

    Every age inside the interval gets the same reference values (and the same
    published within-person SDs), so lookups are made once per group.
    """

    age_min: float
    age_max: float
    sex: str
    life_stage: str

    def describe(self) -> str:
        """``"female 51-70 y"``, ``"male 0.5-0.99 y"``, ``"female 71+ y, pregnant"``...

        Examples
        --------
        >>> dri_group({"age": 8.25, "sex": "male"}).describe()
        'male 4-8 y'
        """
        if self.age_max == float("inf"):
            ages = f"{self.age_min:g}+"
        elif self.age_max - self.age_min < 1 or self.age_max < 1:
            ages = f"{self.age_min:g}-{self.age_max - 0.01:g}"
        else:
            ages = f"{self.age_min:g}-{self.age_max - 1:g}"
        stage = {"pregnancy": ", pregnant", "lactation": ", lactating"}.get(self.life_stage, "")
        return f"{self.sex} {ages} y{stage}"


@lru_cache(maxsize=1)
def _age_bounds() -> tuple[float, ...]:
    """Every age where a reference table (DRIs, within-person SDs) changes group."""
    bounds: set[float] = set()
    for _, rows in (_dri_records(), _sd_records()):
        bounds.update(value for row in rows for value in (row["age_min_years"], row["age_max_years"]))
    return tuple(sorted(b for b in bounds if b != float("inf")))


def group_of(age: float, sex: str, life_stage: str) -> DriGroup:
    """The :class:`DriGroup` of an (already valid) age, sex and life stage."""
    bounds = _age_bounds()
    k = bisect.bisect_right(bounds, age) - 1
    low = bounds[k] if k >= 0 else 0.0
    high = bounds[k + 1] if k + 1 < len(bounds) else float("inf")
    return DriGroup(float(low), float(high), sex, life_stage)


def group_starts(ages: Any) -> Any:
    """The first age of the DRI group of each age (an array), at once.

    Examples
    --------
    >>> group_starts([0.5, 8.25, 70.9, 71.0]).tolist()
    [0.5, 4.0, 51.0, 71.0]
    """
    bounds = np.array(_age_bounds(), dtype="float64")
    k = np.searchsorted(bounds, np.asarray(ages, dtype="float64"), side="right") - 1
    return np.where(k >= 0, bounds[np.clip(k, 0, None)], 0.0)


def dri_group(profile: Profile | Mapping[str, Any]) -> DriGroup:
    """The DRI life-stage group of a person: reference values are looked up per group.

    Ages are half-open intervals in years (0-0.5, 0.5-1, 1-4, 4-9, 9-14, 14-19,
    19-31, 31-51, 51-71, 71+): a 0.5-year-old is in the 7-12 month group, a
    70.9-year-old in 51-70.

    Examples
    --------
    >>> dri_group({"age": 0.5, "sex": "female"})
    DriGroup(age_min=0.5, age_max=1.0, sex='female', life_stage='none')
    >>> dri_group({"age": 70.9, "sex": "male"}).describe()
    'male 51-70 y'
    """
    person = as_profile(profile)
    return group_of(person.age, person.sex, person.life_stage)


def _rows_for(table: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    mask = (
        table["sex"].isin(["any", profile.sex])
        & (table["age_min_years"] <= profile.age)
        & (profile.age < table["age_max_years"])
    )
    if "life_stage" in table.columns:
        mask &= table["life_stage"] == profile.life_stage
    return table[mask]


def reference_intakes(profile: Profile | Mapping[str, Any]) -> pd.DataFrame:
    """Return the reference intakes of a person, one row per assessed nutrient.

    Parameters
    ----------
    profile : Profile or mapping
        The person (``Profile(age=34, sex="female")`` or ``{"age": 34, "sex": "f"}``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`REFERENCE_COLUMNS`: ``nutrient`` key, ``label``, intake
        ``column``, ``unit`` (of the column), ``ear``, ``rda``, ``ai``, ``ul`` (NaN
        when not set), ``ul_applies_to`` (``all``, ``supplements`` for magnesium,
        ``none``), ``cdrr`` (sodium), ``req_cv`` (CV of the requirement),
        ``req_cv_basis``, the DRI ``group`` and ``life_stage``, ``source`` keys and
        ``notes``. Rows follow :data:`nutrilog.nutrients.ASSESSED`.

    Raises
    ------
    ProfileError
        If the profile is invalid or no DRI group matches it.

    Examples
    --------
    >>> refs = reference_intakes({"age": 75, "sex": "male"}).set_index("nutrient")
    >>> float(refs.loc["vitamin_d", "rda"]), refs.loc["vitamin_d", "group"]
    (20.0, 'male >70')
    """
    return _reference_rows(*_group_key(as_profile(profile))).copy()


def _group_key(person: Profile) -> tuple[float, str, str]:
    """The cache key of a person's DRI group: its lowest age, sex and life stage."""
    group = group_of(person.age, person.sex, person.life_stage)
    return group.age_min, group.sex, group.life_stage


def _stage_profile(age: float, sex: str, life_stage: str) -> Profile:
    """A profile already validated once, rebuilt from its cache key without re-validation."""
    return Profile.model_construct(
        age=age,
        sex=sex,
        pregnant=life_stage == "pregnancy",
        lactating=life_stage == "lactation",
        name=None,
        sd_within=None,
    )


@lru_cache(maxsize=256)
def _reference_rows(age: float, sex: str, life_stage: str) -> pd.DataFrame:
    """The reference rows of one (age, sex, life stage); cached, callers get a copy."""
    person = _stage_profile(age, sex, life_stage)
    rows = _rows_for(_dri_table(), person)
    counts = rows["nutrient"].value_counts()
    missing = [key for key in ASSESSED if counts.get(key, 0) != 1]
    if missing:
        raise ProfileError(
            f"no single reference-intake group for {person.describe()} "
            f"(nutrients {missing}); check age, sex and pregnancy/lactation"
        )
    rows = rows.set_index("nutrient").loc[ASSESSED].reset_index()
    rows["column"] = [nutrient(key).column for key in ASSESSED]
    rows["label"] = [nutrient(key).label for key in ASSESSED]
    return rows[REFERENCE_COLUMNS].reset_index(drop=True)


def published_sd_within(profile: Profile | Mapping[str, Any]) -> pd.DataFrame:
    """Return the published pooled within-person SDs that apply to a person.

    Only two values could be sourced (NOTES §6 of the reference folder, and a
    further search recorded in ``datasets/sources/within_person_sd_published.csv``):
    calcium 325 mg/d and magnesium ~86 mg/d, both for women 19-50 (CSFII 1994-96,
    food only, IOM 2000). Other groups get an empty table; see
    :func:`sd_within_not_found` for what is known of the gaps.

    Parameters
    ----------
    profile : Profile or mapping

    Returns
    -------
    pandas.DataFrame
        Columns ``nutrient``, ``unit``, ``group``, ``sd_within``, ``value_type``
        (``reported``/``back-calculated``), ``data``, ``source``, ``notes``.

    Examples
    --------
    >>> published_sd_within({"age": 34, "sex": "female"})["sd_within"].tolist()
    [325.0, 86.0]
    >>> len(published_sd_within({"age": 34, "sex": "male"}))
    0
    """
    return _published_rows(*_group_key(as_profile(profile))).copy()


_SD_COLUMNS = ["nutrient", "unit", "group", "sd_within", "value_type", "data", "source", "notes"]


@lru_cache(maxsize=256)
def _published_rows(age: float, sex: str, life_stage: str) -> pd.DataFrame:
    person = _stage_profile(age, sex, life_stage)
    rows = _rows_for(_sd_table(), person)
    rows = rows[rows["value_type"] != "not found"]
    out = rows[_SD_COLUMNS].reset_index(drop=True)
    out["sd_within"] = out["sd_within"].astype(float)
    return out


def sd_within_not_found(profile: Profile | Mapping[str, Any]) -> pd.DataFrame:
    """Return, per nutrient without a published within-person SD for the person, why.

    Parameters
    ----------
    profile : Profile or mapping

    Returns
    -------
    pandas.DataFrame
        One row per assessed nutrient that has no published pooled SD for the
        person's group: ``nutrient``, ``group`` (the groups the search covered),
        ``source`` (where it was looked for) and ``notes`` (what is known).

    Examples
    --------
    >>> sd_within_not_found({"age": 34, "sex": "female"})["nutrient"].tolist()
    ['potassium', 'vitamin_d', 'vitamin_b12', 'sodium', 'water']
    >>> len(sd_within_not_found({"age": 8, "sex": "male"}))
    7
    """
    return _not_found_rows(*_group_key(as_profile(profile))).copy()


@lru_cache(maxsize=256)
def _not_found_rows(age: float, sex: str, life_stage: str) -> pd.DataFrame:
    person = _stage_profile(age, sex, life_stage)
    table = _sd_table()
    rows = _rows_for(table[table["value_type"] == "not found"], person)
    found = set(_published_rows(age, sex, life_stage)["nutrient"])
    rows = rows[~rows["nutrient"].isin(found)].drop_duplicates("nutrient")
    order = {key: i for i, key in enumerate(ASSESSED)}
    rows = rows.sort_values("nutrient", key=lambda keys: keys.map(order), kind="stable")
    return rows[["nutrient", "group", "source", "notes"]].reset_index(drop=True)


@lru_cache(maxsize=1)
def _record_tables() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The DRI and within-person SD tables as plain records (for :func:`group_records`)."""
    return _dri_records()[1], _sd_records()[1]


def _applies(row: Mapping[str, Any], age: float, sex: str) -> bool:
    return row["sex"] in ("any", sex) and row["age_min_years"] <= age < row["age_max_years"]


@lru_cache(maxsize=256)
def group_records(
    age: float, sex: str, life_stage: str
) -> tuple[tuple[dict[str, Any], ...], dict[str, dict[str, Any]], dict[str, str]]:
    """The references of one DRI group as plain records, without building DataFrames.

    Returns the :func:`reference_intakes` rows (in :data:`~nutrilog.nutrients.ASSESSED`
    order), the :func:`published_sd_within` rows by nutrient and the notes of
    :func:`sd_within_not_found` by nutrient: the same values, for the many groups of
    a cohort at a fraction of the cost. ``age`` may be any age of the group.

    Examples
    --------
    >>> refs, published, missing = group_records(34.0, "female", "none")
    >>> refs[0]["nutrient"], refs[0]["rda"], sorted(published)
    ('magnesium', 320.0, ['calcium', 'magnesium'])
    """
    dri, sd = _record_tables()
    rows = [r for r in dri if _applies(r, age, sex) and r["life_stage"] == life_stage]
    by_key: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_key.setdefault(row["nutrient"], []).append(row)
    if any(len(by_key.get(key, [])) != 1 for key in ASSESSED):
        _reference_rows(age, sex, life_stage)  # raises the ProfileError naming the gaps
    refs = tuple(by_key[key][0] for key in ASSESSED)
    applying = [r for r in sd if _applies(r, age, sex)]
    published = {r["nutrient"]: r for r in applying if r["value_type"] != "not found"}
    missing: dict[str, str] = {}
    for row in applying:
        if row["value_type"] == "not found" and row["nutrient"] not in published:
            missing.setdefault(row["nutrient"], row["notes"])
    return refs, published, missing
