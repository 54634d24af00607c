"""The reference values of a DRI life stage as columns: one row per assessed nutrient,
built once per stage and process, and the rows of several stages joined into one table.

Examples
--------
>>> refs = references_of([(31.0, "female", "none")])
>>> refs.loc[0, ["ear", "rda"]].tolist()
[265.0, 320.0]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.references import group_records

__all__ = ["life_stage_references", "reference_columns", "references_of"]


def _cite_sd(row: Mapping[str, Any]) -> str:
    """A short citation of a published SD row: what it is, for whom, report and page
    (``within_person_sd.csv`` keeps the full source)."""
    survey = str(row["data"]).split(",")[0]
    report = re.split(r"[;(]", str(row["source"]))[0].strip()
    page = re.search(r"p\.\s?\d+", str(row["source"]))
    where = f"{report}, {page.group(0)}" if page else report
    return f"{row['value_type']} pooled {survey} value for {row['group']} ({where})"


@lru_cache(maxsize=256)
def life_stage_references(age: float, sex: str, life_stage: str) -> dict[str, np.ndarray]:
    """One row per assessed nutrient for one life stage, as columns: the reference
    values, the published within-person SD and its source, or what is known where
    none was found. Cached: built once per stage and process (the arrays are shared,
    never written to).

    Examples
    --------
    >>> life_stage_references(31.0, "female", "none")["ul_on_supplements"].tolist()[:2]
    [True, False]
    """
    refs, published, missing = group_records(age, sex, life_stage)
    keys = [row["nutrient"] for row in refs]
    values = {name: np.array([row[name] for row in refs], dtype="float64") for name in _VALUES}
    not_found = [
        f"none published for this group ({missing[k]})" if k in missing else "" for k in keys
    ]
    return {
        **values,
        "ul_applies_to": _texts([row["ul_applies_to"] for row in refs]),
        # a UL that concerns supplements only (magnesium): compared with the doses alone
        "ul_on_supplements": np.isfinite(values["ul"])
        & np.array([row["ul_applies_to"] == "supplements" for row in refs], dtype=bool),
        "implied_cv": np.array(
            [str(row["req_cv_basis"]).startswith("implied") for row in refs], dtype=bool
        ),
        "published_sd": np.array(
            [float(published[k]["sd_within"]) if k in published else np.nan for k in keys],
            dtype="float64",
        ),
        "published_source": _texts(
            [_cite_sd(published[k]) if k in published else "" for k in keys]
        ),
        "not_found": _texts(not_found),
        # the source named when no SD is used: why none was found, where that is known
        "none_source": _texts([text or "none published for this group" for text in not_found]),
        "age": np.full(len(keys), age, dtype="float64"),
        "life_stage": _texts([life_stage] * len(keys)),
    }


def reference_columns(stages: Iterable[tuple[float, str, str]]) -> dict[str, np.ndarray]:
    """The rows of :func:`life_stage_references` of each life stage, one after the other,
    as columns (new arrays, in the dtypes of :func:`life_stage_references`).

    Examples
    --------
    >>> reference_columns([(31.0, "female", "none")])["rda"][:2].tolist()
    [320.0, 1000.0]
    """
    parts = [life_stage_references(*stage) for stage in stages]
    return {
        name: np.concatenate([part[name] for part in parts]).astype(first.dtype, copy=False)
        for name, first in parts[0].items()
    }


def references_of(stages: Iterable[tuple[float, str, str]]) -> pd.DataFrame:
    """The rows of :func:`life_stage_references` of each life stage, one after the other."""
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=values.dtype)
            for name, values in reference_columns(stages).items()
        }
    )


def _texts(values: list[Any]) -> np.ndarray:
    """Text as an array of Python objects (the working table keeps its text so)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


_VALUES = ("ear", "rda", "ai", "ul", "cdrr", "req_cv")
