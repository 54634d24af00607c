"""The DRI group of each person: life-stage group x sex x pregnancy/lactation.

The groups are those of the packaged ``dri.csv`` (its magnesium rows); the
population figures (:mod:`~nutrilog.assessment.population`) and the cohort report
group people by them, in the order of :func:`dri_group_order`.

Examples
--------
>>> dri_groups([34, 80], ["male", "female"], ["none", "none"]).tolist()
['male 31-50', 'female >70']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["NO_GROUP", "dri_groups", "dri_group_order"]

#: The group of a person whom no DRI row fits.
NO_GROUP = "no DRI group"


@lru_cache(maxsize=1)
def _dri_bands() -> pd.DataFrame:
    """The DRI life-stage groups (the magnesium rows of the packaged ``dri.csv``, as the
    reference tables read it), once per process (callers only read the table)."""
    from nutrilog.references import dri_bands

    return dri_bands()


def dri_groups(age: Any, sex: Any, life_stage: Any) -> np.ndarray:
    """The DRI group of each person: life-stage group x sex x pregnancy/lactation.

    Groups that the DRIs share between the sexes (infants, children 1-8) name the
    sex after the group, so that every group holds one sex.

    Examples
    --------
    >>> dri_groups([34, 2.5, 25], ["female", "male", "female"], ["none", "none", "pregnancy"]).tolist()
    ['female 31-50', 'child 1-3 (male)', 'pregnancy 19-30']
    """
    from nutrilog.references import group_starts

    age = np.asarray(age, dtype="float64")
    sex = np.asarray(sex, dtype=object)
    stage = np.asarray(life_stage, dtype=object)
    if len(age) > 1:  # once per distinct (reference age group, sex, life stage)
        # the reference tables' age bounds include every DRI group's; no age, or one
        # below 0, is a group of its own
        low = np.where(np.isnan(age), -2.0, np.where(age < 0, -1.0, group_starts(age)))
        starts = pd.factorize(low)[0].astype(np.int64)
        sexes = pd.factorize(pd.Series(sex, dtype=object), use_na_sentinel=False)[0]
        stages = pd.factorize(pd.Series(stage, dtype=object), use_na_sentinel=False)[0]
        key = (starts * (sexes.max() + 1) + sexes) * (stages.max() + 1) + stages
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        if len(first) < len(age):
            return dri_groups(age[first], sex[first], stage[first])[inverse.reshape(-1)]
    bands = _dri_bands()
    fits = (
        (bands["age_min_years"].to_numpy()[None, :] <= age[:, None])
        & (age[:, None] < bands["age_max_years"].to_numpy()[None, :])
        & (
            (bands["sex"].to_numpy()[None, :] == "any")
            | (bands["sex"].to_numpy()[None, :] == sex[:, None])
        )
        & (bands["life_stage"].to_numpy()[None, :] == stage[:, None])
    )
    found = fits.any(axis=1)
    which = fits.argmax(axis=1)
    names = bands["group"].to_numpy(dtype=object)[which]
    shared = bands["sex"].to_numpy(dtype=object)[which] == "any"
    labels = np.where(shared, names + " (" + sex.astype(str) + ")", names)
    return np.where(found, labels, NO_GROUP).astype(object)


def dri_group_order() -> list[str]:
    """Every DRI group label in the order of the DRI tables (infants, children, males,
    females, pregnancy, lactation; young to old).

    Examples
    --------
    >>> dri_group_order()[:3]
    ['infant 0-6 mo (female)', 'infant 0-6 mo (male)', 'infant 7-12 mo (female)']
    """
    bands = _dri_bands()
    order: list[str] = []
    for group, sex in zip(bands["group"], bands["sex"], strict=True):
        order += [f"{group} (female)", f"{group} (male)"] if sex == "any" else [str(group)]
    return [*order, NO_GROUP]
