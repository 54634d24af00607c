"""The formulas of the population figures: usual intake by shrinkage and the weighted
shares and percentiles of a group, each computed for every group at once with
:func:`numpy.bincount` over arrays of people (``group``: each person's group code).

:mod:`~nutrilog.assessment.population` explains the method (NRC 1986 / Iowa State
shrinkage, EAR cut-point) and puts these together per group and nutrient.

Examples
--------
>>> shrink([250.0, 350.0], 300.0, shrinkage_factor(100.0, 120.0, 0.5)).round(1).tolist()
[268.4, 331.6]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

__all__ = [
    "pooled_within_variance",
    "shrinkage_factor",
    "shrink",
    "weighted_percentiles",
    "weighted_share",
]


def pooled_within_variance(ss: Any, days: Any, weights: Any, group: Any, groups: int) -> np.ndarray:
    """Pooled within-person variance per group: ``sum w SS / sum w (k - 1)`` over ``k >= 2``.

    Parameters
    ----------
    ss : array
        Each person's sum of squared deviations of their days from their mean.
    days : array
        Each person's number of days ``k``.
    weights : array
        Each person's weight (1 for none).
    group : array of int
        Each person's group code, 0 to ``groups - 1``.
    groups : int
        Number of groups.

    Returns
    -------
    ndarray
        One variance per group; NaN where nobody has two days.

    Examples
    --------
    >>> pooled_within_variance([50.0, 200.0, 0.0], [2, 3, 1], [1, 1, 1], [0, 0, 0], 1)
    array([83.33333333])
    """
    ss, days, weights = (np.asarray(v, dtype="float64") for v in (ss, days, weights))
    several = days >= 2
    top = np.bincount(group, np.where(several, weights * ss, 0.0), minlength=groups)
    dof = np.bincount(group, np.where(several, weights * (days - 1), 0.0), minlength=groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(dof > 0, top / dof, np.nan)


def shrinkage_factor(s_obs2: Any, s_w2: Any, inv_k: Any) -> np.ndarray:
    """``s_b / s_obs`` with ``s_b**2 = s_obs**2 - s_w**2 * mean(1/k)``; NaN where ``s_b**2 <= 0``.

    Examples
    --------
    >>> shrinkage_factor(100.0, 120.0, 0.5)  # s_b^2 = 100 - 60 = 40
    array(0.63245553)
    >>> shrinkage_factor(100.0, 250.0, 0.5)
    array(nan)
    """
    s_obs2, s_w2, inv_k = (np.asarray(v, dtype="float64") for v in (s_obs2, s_w2, inv_k))
    s_b2 = s_obs2 - s_w2 * inv_k
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((s_b2 > 0) & (s_obs2 > 0), np.sqrt(s_b2 / s_obs2), np.nan)


def shrink(means: Any, group_mean: Any, factor: Any) -> np.ndarray:
    """Each person's usual intake: ``group_mean + (mean - group_mean) * factor``.

    Examples
    --------
    >>> shrink([250.0, 350.0], 300.0, 0.5)
    array([275., 325.])
    """
    means, group_mean, factor = (
        np.asarray(v, dtype="float64") for v in (means, group_mean, factor)
    )
    return group_mean + (means - group_mean) * factor


def weighted_percentiles(
    values: Any, weights: Any, group: Any, groups: int, shares: Sequence[float]
) -> np.ndarray:
    """Weighted percentiles per group (inverted CDF): the smallest value whose cumulative
    weight in its group reaches ``share`` of the group's weight.

    With equal weights this is :func:`numpy.percentile` with ``method="inverted_cdf"``.
    Weights must be positive.

    Returns
    -------
    ndarray
        Shape ``(groups, len(shares))``; NaN for a group without values.

    Examples
    --------
    >>> weighted_percentiles([1.0, 2.0, 3.0, 4.0], [1, 1, 1, 1], [0, 0, 0, 0], 1, [0.25, 0.5])
    array([[1., 2.]])
    >>> weighted_percentiles([1.0, 2.0, 3.0, 4.0], [1, 1, 1, 5], [0, 0, 0, 0], 1, [0.5])
    array([[4.]])
    """
    values, weights = np.asarray(values, dtype="float64"), np.asarray(weights, dtype="float64")
    group = np.asarray(group, dtype=np.intp)
    order = _by_group_and_value(values, weights, group, groups)
    v, w, g = values[order], weights[order], group[order]
    cum = np.cumsum(w)
    total = np.bincount(g, w, minlength=groups)
    before = np.concatenate([[0.0], np.cumsum(total)[:-1]])  # weight of the groups before
    count = np.bincount(g, minlength=groups)
    last = np.cumsum(count) - 1
    out = np.full((groups, len(shares)), np.nan)
    has = count > 0
    for j, share in enumerate(shares):
        target = before + share * total - 1e-9 * np.maximum(total, 1.0)
        at = np.minimum(np.searchsorted(cum, target, side="left"), last)
        out[has, j] = v[np.clip(at[has], 0, len(v) - 1)]
    return out


def _by_group_and_value(
    values: np.ndarray, weights: np.ndarray, group: np.ndarray, groups: int
) -> np.ndarray:
    """The order of ``np.lexsort((values, group))``, sooner; equal values of a group may
    come in another order where that cannot change a percentile: when all weights are
    equal (they add up to the same sums in any order) or no group has equal values."""
    if groups >= np.iinfo(np.int16).max:
        return np.lexsort((values, group))
    order = _sorted(values, group, "quicksort")  # numpy's fastest sort, not stable
    if len(weights) and not (weights == weights[0]).all():
        v, g = values[order], group[order]
        if ((v[1:] == v[:-1]) & (g[1:] == g[:-1])).any():  # ties of unequal weights
            order = _sorted(values, group, "stable")
    return order


def _sorted(
    values: np.ndarray, group: np.ndarray, kind: Literal["quicksort", "stable"]
) -> np.ndarray:
    """The rows by group, then by value (sorted with ``kind``): small group codes sort
    in one pass once the values are in order."""
    by_value = np.argsort(values, kind=kind)
    return by_value[np.argsort(group[by_value].astype(np.int16), kind="stable")]


def weighted_share(
    condition: Any, weights: Any, eligible: Any, group: Any, groups: int
) -> np.ndarray:
    """Per group, the weighted share of eligible people for whom ``condition`` holds
    (NaN where nobody is eligible).

    Examples
    --------
    >>> weighted_share([True, False, True], [1, 1, 2], [True, True, True], [0, 0, 0], 1)
    array([0.75])
    """
    condition, eligible = np.asarray(condition, bool), np.asarray(eligible, bool)
    weights = np.asarray(weights, dtype="float64")
    top = np.bincount(group, np.where(eligible & condition, weights, 0.0), minlength=groups)
    bottom = np.bincount(group, np.where(eligible, weights, 0.0), minlength=groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(bottom > 0, top / bottom, np.nan)
