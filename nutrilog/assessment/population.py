"""Population figures: the distribution of usual intake in a group and the share at risk.

For a group of people (a DRI group, or any grouping of the people table or the
log) and a nutrient, :func:`population_summary` gives the number of people, the
mean and percentiles (5, 25, 50, 75, 95) of usual intake, the share below the EAR
(the EAR cut-point method, IOM 2000 ch. 4), the share at or above the AI where a
nutrient has no EAR (descriptive only), and the shares above the UL and the CDRR.
Everything is computed for every (group, nutrient) at once, with arrays over
people and group sums by :func:`numpy.bincount`.

Usual intake
------------
The cut-point method needs the distribution of *usual* (long-run) intake. The
observed distribution of person means is wider, because each mean still carries
day-to-day variation; its tails, and so the shares below the EAR and above the
UL, are overstated. Where at least part of a group has two or more days, the
NRC (1986) / Iowa State shrinkage removes that variation:

* ``s_w**2``: pooled within-person variance, :func:`pooled_within_variance`:
  ``sum_i w_i SS_i / sum_i w_i (k_i - 1)`` over people with ``k_i >= 2`` days
  (``SS_i``: sum of squared deviations of person ``i``'s days from their mean).
* ``s_obs**2``: variance of the person means around the group mean.
* ``s_b**2 = s_obs**2 - s_w**2 / k`` is the between-person variance; ``1 / k``
  is the (weighted) mean of ``1 / k_i`` over the group, so ``k`` is the harmonic
  mean of the days per person (the days of everybody when all have ``k``).
* each person's usual intake is their mean shrunk toward the group mean:
  ``m + (mean_i - m) * s_b / s_obs`` (:func:`shrinkage_factor`, :func:`shrink`).

When ``s_b**2 <= 0`` the day-to-day variation explains all the spread between
people: usual intakes cannot be told apart, every usual intake is the group
mean, and the shares are left empty rather than 0 or 1. A group of one person
has no spread to adjust: its shares are left empty too. With one day per person
nothing can be removed: the figures describe *single-day* intake and say so.

Limits
------
* The shrinkage keeps the shape of the distribution of person means; it assumes
  that distribution is close to normal. Skewed nutrients (vitamin B12, vitamin D
  from supplements, sodium) would need a transformation first (the full Iowa
  State / NCI methods); the figures here do not do that.
* The EAR cut-point method assumes that requirement and intake are independent,
  that the requirement distribution is symmetric, and that its variance is
  smaller than the variance of usual intake. It does not apply to iron in
  menstruating women (skewed requirement) or to energy (intake and requirement
  are correlated); neither is assessed here.
* For nutrients with only an AI the cut-point does not apply: the share at or
  above the AI is descriptive, and a share below it is not a prevalence of
  inadequacy.
* The magnesium UL concerns supplements only; food intake is not compared with it.

Weights
-------
Optional survey weights (one per person, e.g. NHANES ``WTDRD1`` / ``WTDR2D``)
weight the group mean, the variances, every percentile (the inverted weighted
CDF: the smallest value whose cumulative weight reaches the share) and every
share. People with a weight of 0 or none are left out and counted in the note.

Examples
--------
>>> import pandas as pd
>>> days = pd.DataFrame({"person": ["a", "a", "b", "b"],
...                      "magnesium_mg": [200.0, 220.0, 380.0, 400.0]})
>>> refs = pd.DataFrame({"person": ["a", "b"], "nutrient": "magnesium",
...                      "ear": 265.0, "ai": float("nan"), "ul": float("nan"),
...                      "ul_applies_to": "supplements", "cdrr": float("nan")})
>>> people = pd.DataFrame({"group": ["women", "women"]}, index=["a", "b"])
>>> row = population_summary(days, refs, people, by=["group"]).iloc[0]
>>> int(row["people"]), row["distribution"], float(row["mean"]), float(row["share_below_ear"])
(2, 'usual intake (shrinkage)', 300.0, 0.5)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from nutrilog._vector import positions_in
from nutrilog.assessment.dri_groups import NO_GROUP, dri_group_order, dri_groups
from nutrilog.assessment.usual_intake import (
    pooled_within_variance,
    shrink,
    shrinkage_factor,
    weighted_percentiles,
    weighted_share,
)
from nutrilog.errors import ArgumentError
from nutrilog.nutrients import ASSESSED, nutrient

__all__ = [
    "PERCENTILES",
    "POPULATION_COLUMNS",
    "REFERENCE_NEEDED",
    "USUAL",
    "SINGLE_DAY",
    "NO_BETWEEN",
    "TOO_FEW",
    "pooled_within_variance",
    "shrinkage_factor",
    "shrink",
    "weighted_percentiles",
    "weighted_share",
    "population_summary",
    "slot_references",
    "slot_summary",
    "dri_groups",
    "dri_group_order",
    "NO_GROUP",
]

#: Percentiles of usual intake given for every group and nutrient.
PERCENTILES: tuple[int, ...] = (5, 25, 50, 75, 95)

#: The columns of the assessment :func:`population_summary` reads (with ``person``).
REFERENCE_NEEDED: tuple[str, ...] = ("nutrient", "ear", "ai", "ul", "ul_applies_to", "cdrr")

#: What ``distribution`` says the figures describe.
USUAL = "usual intake (shrinkage)"
SINGLE_DAY = "single-day intake"
NO_BETWEEN = "group mean (no between-person variance left)"
TOO_FEW = "person means (too few people to adjust)"

#: Columns after the group columns, in order.
POPULATION_COLUMNS: list[str] = [
    "group", "nutrient", "label", "unit", "people", "days_per_person", "mean",
    *[f"p{p}" for p in PERCENTILES],
    "share_below_ear", "share_at_or_above_ai", "share_above_ul", "share_above_cdrr",
    "method", "distribution", "shrinkage", "sd_within", "sd_between", "note",
]  # fmt: skip

_EAR_METHOD = "EAR cut-point"
_AI_METHOD = "AI only: cut-point does not apply; share at/above the AI is descriptive"
_MIXED_METHOD = "EAR cut-point for people with an EAR; AI descriptive for the others"
_SINGLE_NOTE = (
    "one day per person: single-day intakes spread wider than usual intakes, "
    "so the shares in the tails are overstated"
)
_NO_BETWEEN_NOTE = (
    "day-to-day variation explains all the spread between people (s_b^2 <= 0): shares not estimated"
)
_TOO_FEW_NOTE = "one person with several days: no spread to adjust, shares not estimated"
_MG_UL_NOTE = "the magnesium UL concerns supplements only: food intake not compared"


# ----------------------------------------------------------------- the summary


def _person_stats(daily: pd.DataFrame, people: pd.Index) -> dict[str, np.ndarray]:
    """One row per (person, nutrient) with a known day: days, mean, SS (two passes)."""
    code = positions_in(people, daily["person"]) if len(people) else np.full(len(daily), -1)
    keep = code >= 0
    if "complete" in daily.columns:
        keep &= daily["complete"].fillna(False).to_numpy(dtype=bool)
    k = len(ASSESSED)
    slots, values = [], []
    for j, key in enumerate(ASSESSED):
        column = nutrient(key).column
        if column not in daily.columns:
            continue
        x = pd.to_numeric(daily[column], errors="coerce").to_numpy("float64", na_value=np.nan)
        rows = keep & ~np.isnan(x)
        slots.append(code[rows] * k + j)
        values.append(x[rows])
    slot = np.concatenate(slots) if slots else np.array([], dtype=np.intp)
    x = np.concatenate(values) if values else np.array([])
    size = len(people) * k
    n = np.bincount(slot, minlength=size)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.bincount(slot, x, minlength=size) / n
    ss = np.bincount(slot, (x - mean[slot]) ** 2, minlength=size)
    return _known_slots(n, mean, ss)


def _known_slots(n: np.ndarray, mean: np.ndarray, ss: np.ndarray) -> dict[str, np.ndarray]:
    """The slots ``i * k + j`` with a known day as rows: person and nutrient codes, days,
    mean, SS (columns of arrays)."""
    k = len(ASSESSED)
    seen = np.flatnonzero(n > 0)
    return {
        "person_code": seen // k,
        "nutrient_code": seen % k,
        "days": n[seen],
        "mean": mean[seen],
        "ss": ss[seen],
    }


def slot_references(references: pd.DataFrame, people: pd.Index) -> dict[str, np.ndarray]:
    """Each (person, nutrient) slot's EAR, AI, UL on food and CDRR, slot ``i * k + j`` for
    person ``people[i]`` and nutrient ``ASSESSED[j]`` (NaN where ``references`` has no row).

    Examples
    --------
    >>> refs = pd.DataFrame({"person": ["b"], "nutrient": ["calcium"], "ear": [800.0],
    ...                      "ai": [None], "ul": [2500.0], "ul_applies_to": ["all"], "cdrr": [None]})
    >>> slot_references(refs, pd.Index(["a", "b"]))["ear"][len(ASSESSED) + 1]
    np.float64(800.0)
    """
    k = len(ASSESSED)
    who = positions_in(people, references["person"])
    which = positions_in(pd.Index(ASSESSED), references["nutrient"])
    ok = (who >= 0) & (which >= 0)
    ref_slot = who * k + which
    out = {}
    for name in ("ear", "ai", "ul", "cdrr"):
        table = np.full(len(people) * k, np.nan)
        table[ref_slot[ok]] = pd.to_numeric(references[name], errors="coerce").to_numpy(
            "float64", na_value=np.nan
        )[ok]
        out[name] = table
    if "ul_applies_to" in references.columns:
        on_food = np.zeros(len(people) * k, dtype=bool)
        on_food[ref_slot[ok]] = (references["ul_applies_to"].astype(str) == "all").to_numpy()[ok]
        out["ul"] = np.where(on_food, out["ul"], np.nan)
    return out


def population_summary(
    daily: pd.DataFrame,
    references: pd.DataFrame,
    people: pd.DataFrame,
    *,
    by: Sequence[str],
    weights: str | None = None,
) -> pd.DataFrame:
    """Distribution of usual intake and the shares at risk, per group and nutrient.

    Parameters
    ----------
    daily : pandas.DataFrame
        One row per person and day: ``person``, the nutrient columns
        (``magnesium_mg``...) and optionally a boolean ``complete`` (only
        complete days count).
    references : pandas.DataFrame
        One row per person and nutrient key: ``person``, ``nutrient``, ``ear``,
        ``ai``, ``ul``, ``ul_applies_to`` (a UL is compared only where it is
        ``"all"``, when the column is given) and ``cdrr`` (as
        :attr:`nutrilog.Analysis.assessment`).
    people : pandas.DataFrame
        Indexed by person: the grouping columns ``by`` and the ``weights`` column.
    by : sequence of str
        Columns of ``people`` that define the groups.
    weights : str, optional
        Column of ``people`` holding each person's survey weight.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, then :data:`POPULATION_COLUMNS`: one row per group and
        nutrient with at least one person with a known day. ``share_*`` are
        fractions 0-1 (NaN where they do not apply or cannot be estimated),
        ``method`` says how the shares were found, ``distribution`` what the
        percentiles describe, ``shrinkage`` is ``s_b / s_obs`` (1 for single-day
        figures), ``note`` the caveats.

    Raises
    ------
    ArgumentError
        A ``by`` or ``weights`` column that ``people`` lacks, or a negative weight.
    """
    refs = slot_references(references, pd.Index(people.index))
    return slot_summary(daily, refs, people, by=by, weights=weights)


def slot_summary(
    daily: pd.DataFrame,
    references: dict[str, np.ndarray],
    people: pd.DataFrame,
    *,
    by: Sequence[str],
    weights: str | None = None,
    moments: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> pd.DataFrame:
    """:func:`population_summary` with the references already per slot, as
    :func:`slot_references` gives them for ``people.index`` (an assessment of the same
    people in the same order has them without a look-up per row). ``moments``, when
    given, are each slot's days, mean and sum of squared deviations of the daily totals
    of ``daily`` (as the same assessment computed them), not computed again.

    Examples
    --------
    >>> days = pd.DataFrame({"person": ["a", "b"], "magnesium_mg": [200.0, 400.0]})
    >>> refs = {name: np.full(2 * len(ASSESSED), np.nan) for name in ("ear", "ai", "ul", "cdrr")}
    >>> refs["ear"][[0, len(ASSESSED)]] = 265.0
    >>> out = slot_summary(days, refs, pd.DataFrame(index=["a", "b"]), by=[])
    >>> out.loc[0, "group"], float(out.loc[0, "share_below_ear"])
    ('everyone', 0.5)
    """
    by = list(by)
    missing = [c for c in [*by, *([weights] if weights else [])] if c not in people.columns]
    if missing:
        raise ArgumentError(
            f"population: expected columns {missing} in the people table, found {list(people.columns)}"
        )
    index = pd.Index(people.index)
    stats = _person_stats(daily, index) if moments is None else _known_slots(*moments)
    k = len(ASSESSED)
    slot = stats["person_code"] * k + stats["nutrient_code"]
    refs = {name: references[name][slot] for name in ("ear", "ai", "ul", "cdrr")}
    person = stats["person_code"]
    if weights:
        w_person = pd.to_numeric(people[weights], errors="coerce").to_numpy(
            "float64", na_value=np.nan
        )
        if (w_person < 0).any():
            raise ArgumentError(
                f"population: weights in {weights!r} must be 0 or more, found a negative weight"
            )
        w = w_person[person]
    else:
        w = np.ones(len(person))
    weighted = np.isfinite(w) & (w > 0)
    left_out = len(np.unique(person[~weighted]))
    if not weighted.all():  # (every slot weighed, the usual case: no copy of each array)
        stats, w = {name: values[weighted] for name, values in stats.items()}, w[weighted]
        refs = {name: values[weighted] for name, values in refs.items()}
    person = stats["person_code"]

    # group codes: the by columns of each person, then the nutrient, in sorted order
    keys = people[by].reset_index(drop=True) if by else pd.DataFrame(index=range(len(index)))
    nutrient_code = stats["nutrient_code"]
    codes, firsts = _group_codes(keys, by, person, nutrient_code)
    groups = len(firsts)

    days, mean, ss = (np.asarray(stats[c], dtype="float64") for c in ("days", "mean", "ss"))
    total = np.bincount(codes, w, minlength=groups)
    count = np.bincount(codes, minlength=groups)
    group_mean = np.bincount(codes, w * mean, minlength=groups) / total
    dev2 = np.bincount(codes, w * (mean - group_mean[codes]) ** 2, minlength=groups)
    w2 = np.bincount(codes, w * w, minlength=groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        s_obs2 = dev2 / (total - w2 / total)  # unbiased for reliability weights; n - 1 unweighted
        inv_k = np.bincount(codes, w / days, minlength=groups) / total
    s_w2 = pooled_within_variance(ss, days, w, codes, groups)
    multi = np.bincount(codes, (days >= 2).astype(float), minlength=groups) > 0
    factor = shrinkage_factor(s_obs2, s_w2, inv_k)
    few = multi & (count < 2)
    no_between = multi & ~few & np.isnan(factor)
    shrunk = multi & ~few & ~no_between
    use = np.select([shrunk, no_between], [factor, 0.0], 1.0)
    usual = shrink(mean, group_mean[codes], use[codes])
    estimable = ~(few | no_between)

    pct = weighted_percentiles(usual, w, codes, groups, [p / 100 for p in PERCENTILES])
    has_ear = np.isfinite(refs["ear"])
    has_ai = ~has_ear & np.isfinite(refs["ai"])
    below_ear = weighted_share(usual < refs["ear"], w, has_ear, codes, groups)
    at_ai = weighted_share(usual >= refs["ai"], w, has_ai, codes, groups)
    above_ul = weighted_share(usual > refs["ul"], w, np.isfinite(refs["ul"]), codes, groups)
    above_cdrr = weighted_share(usual > refs["cdrr"], w, np.isfinite(refs["cdrr"]), codes, groups)
    n_ear = np.bincount(codes, has_ear.astype(float), minlength=groups)
    n_ai = np.bincount(codes, has_ai.astype(float), minlength=groups)

    key = np.asarray(ASSESSED, dtype=object)[nutrient_code[firsts]]
    out = keys.iloc[person[firsts]][by].reset_index(drop=True)
    described = [nutrient(k) for k in key]
    with np.errstate(invalid="ignore"):
        sd_between = np.where(multi, np.sqrt(np.maximum(s_obs2 - s_w2 * inv_k, 0.0)), np.nan)
    columns = {  # built in one step: a column at a time costs more than the rows
        "group": _labels(out, by),
        "nutrient": key,
        "label": [n.label for n in described],
        "unit": [n.unit for n in described],
        "people": count,
        "days_per_person": np.bincount(codes, w * days, minlength=groups) / total,
        "mean": group_mean,
        **{f"p{p}": pct[:, j] for j, p in enumerate(PERCENTILES)},
        "share_below_ear": np.where(estimable, below_ear, np.nan),
        "share_at_or_above_ai": np.where(estimable, at_ai, np.nan),
        "share_above_ul": np.where(estimable, above_ul, np.nan),
        "share_above_cdrr": np.where(estimable, above_cdrr, np.nan),
        "method": np.select(
            [(n_ear > 0) & (n_ai > 0), n_ear > 0, n_ai > 0],
            [_MIXED_METHOD, _EAR_METHOD, _AI_METHOD],
            "no reference",
        ),
        "distribution": np.select(
            [shrunk, no_between, few], [USUAL, NO_BETWEEN, TOO_FEW], SINGLE_DAY
        ),
        "shrinkage": use,
        "sd_within": np.sqrt(s_w2),
        "sd_between": sd_between,
        "note": _notes(key, no_between, few, multi, left_out, weights),
    }
    out = pd.concat([out, pd.DataFrame(columns, index=out.index)], axis=1)
    return out[[*by, *POPULATION_COLUMNS]]


def _group_codes(
    keys: pd.DataFrame, by: list[str], person: np.ndarray, nutrient_code: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's group, numbered in the order of its person's ``by`` values (sorted,
    missing last) then its nutrient, and the first row of each group. The people are
    grouped once each, not once per row."""
    k = len(ASSESSED)
    if len(by) == 1 and isinstance(keys[by[0]].dtype, pd.CategoricalDtype):
        person_group = _category_ranks(keys[by[0]])
    elif by and len(keys):
        own = keys.groupby(by, sort=True, dropna=False, observed=True).ngroup()
        person_group = own.to_numpy(dtype=np.int64)
    else:
        person_group = np.zeros(len(keys), dtype=np.int64)
    combined = person_group[person] * k + nutrient_code
    present = np.zeros(int(combined.max(initial=-1)) + 1, dtype=bool)
    present[combined] = True
    rank = np.cumsum(present) - 1  # the groups present, in order
    codes = rank[combined]
    firsts = np.full(int(present.sum()), -1, dtype=np.int64)
    firsts[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return codes, firsts


def _category_ranks(column: pd.Series) -> np.ndarray:
    """Each value's group among those present, numbered in the order of the categories
    with the missing ones last: the ``ngroup`` of a group-by on a categorical column
    (sorted, missing kept, categories observed), from its codes alone."""
    codes = column.cat.codes.to_numpy(dtype=np.int64)
    codes = np.where(codes < 0, len(column.cat.categories), codes)
    present = np.zeros(len(column.cat.categories) + 1, dtype=bool)
    present[codes] = True
    return (np.cumsum(present) - 1)[codes]


def _labels(keys: pd.DataFrame, by: list[str]) -> list[str]:
    """The group's name: its values joined (``"female 31-50"``, ``"female / site A"``)."""
    if not by:
        return ["everyone"] * len(keys)
    parts = [keys[c].astype(object).where(keys[c].notna(), "(none)").astype(str) for c in by]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + " / " + part
    return joined.tolist()


def _notes(
    nutrients: np.ndarray,
    no_between: np.ndarray,
    few: np.ndarray,
    multi: np.ndarray,
    left_out: int,
    weights: str | None,
) -> list[str]:
    """The caveats of each row, as sentences joined by "; "."""
    base = []
    if weights:
        base.append(f"weighted by {weights}")
        if left_out:
            base.append(f"{left_out} people without a positive weight left out")
    notes = []
    for i, key in enumerate(nutrients):
        row = list(base)
        if not multi[i]:
            row.append(_SINGLE_NOTE)
        if no_between[i]:
            row.append(_NO_BETWEEN_NOTE)
        if few[i]:
            row.append(_TOO_FEW_NOTE)
        if key == "magnesium":
            row.append(_MG_UL_NOTE)
        notes.append("; ".join(row))
    return notes
