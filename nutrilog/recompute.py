"""Recomputing rows whose source reported their nutrients (``analyze(..., recompute=True)``).

An app export such as Cronometer's ``servings.csv`` gives, for each food row, the
app's own nutrients and a household measure (``4.00 medium``, ``1.00 each``,
``2.00 slice``). Recomputing such a row from the bundled tables needs its grams.
A measure in weight units (``150.00 g``, ``4.00 oz``) states them, and one in
volume units (``1.00 cup``, ``1.00 can (355 ml)``) states an amount the food's
density turns into grams. Any other measure is a count or a size whose weight
differs between apps and foods (a "small" chicken breast, a "slice" of a branded
bread), while the row's reported energy is the app's own weight times the app's
food's energy density. So, when the row is
recomputed, its food is matched and both energies are known, the grams are the
reported energy divided by the matched food's energy per gram; the grams the
measure gave are kept in the row's assumptions (tag ``reported energy``).

Three rules come with it:

* A reported row without an amount (a meal or day total: MyFitnessPal's
  "Nutrition Summary", Cronometer's ``dailysummary.csv``) cannot be recomputed and
  keeps its reported nutrients (:func:`recomputable`).
* A recomputed row whose food is not matched keeps the nutrients the app reported
  (status ``unmatched``, listed with its suggestions, assumption :data:`KEPT_NOTE`):
  recomputing does not drop what the app knew, such as the calcium of ground
  eggshell, a food USDA does not list.
* Nothing is invented: a row whose reported energy is missing or zero, or whose
  food has no energy value, keeps the grams of its measure.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({"reported": [True], "unit_kind": ["size"], "energy_kcal": [140.0]})
>>> per_100g = pd.DataFrame({"energy_kcal": [155.0]}, index=["sr28:01129"])
>>> grams, note = grams_from_reported_energy(
...     rows, pd.Series(["sr28:01129"]), pd.Series([100.0]).to_numpy(), per_100g
... )
>>> round(float(grams[0]), 1), note[0]
(90.3, 'reported energy: 90 g from the reported 140 kcal (the measure gave 100 g)')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["KEPT_NOTE", "grams_from_reported_energy", "recomputable"]

#: The assumption tag of grams read from a row's reported energy.
ENERGY_TAG = "reported energy"
#: The assumption of a recomputed row with no matching food.
KEPT_NOTE = "reported values: no food matched, the app's values kept"
#: Unit kinds whose amount is a stated weight or volume (kept as measured).
_WEIGHED = frozenset({"mass", "volume"})


def recomputable(entries: pd.DataFrame) -> np.ndarray:
    """Rows that ``recompute=True`` recomputes: reported rows that state an amount.

    A reported row without a quantity (a meal or day total) has nothing to weigh
    and keeps the nutrients its source reported.

    Examples
    --------
    >>> rows = pd.DataFrame({"reported": [True, True, False], "quantity": [2.0, None, 1.0]})
    >>> recomputable(rows).tolist()
    [True, False, False]
    """
    reported = entries["reported"].to_numpy(dtype=bool)
    quantity = pd.to_numeric(entries["quantity"], errors="coerce").to_numpy(dtype="float64")
    return reported & ~np.isnan(quantity)


def grams_from_reported_energy(
    entries: pd.DataFrame,
    food_id: pd.Series,
    grams: np.ndarray,
    per_100g: pd.DataFrame,
    rows: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Grams of recomputed reported rows, read from their reported energy.

    Parameters
    ----------
    entries : DataFrame
        The entries: ``reported``, ``unit_kind`` and the reported ``energy_kcal``.
    food_id : Series
        The matched food of each row (missing when unmatched), aligned to ``entries``.
    grams : ndarray
        The grams each row's measure gave (NaN when it gave none).
    per_100g : DataFrame
        Nutrients per 100 g indexed by food id (needs ``energy_kcal``).
    rows : ndarray of bool, optional
        The rows being recomputed (default: every reported row).

    Returns
    -------
    grams : ndarray
        ``grams`` with the rows read from energy replaced.
    notes : ndarray of object
        The ``reported energy: ...`` assumption of each replaced row, ``None`` elsewhere.
    """
    n = len(entries)
    notes = np.full(n, None, dtype=object)
    out = np.asarray(grams, dtype="float64").copy()
    if not n or "energy_kcal" not in entries or "energy_kcal" not in per_100g:
        return out, notes
    wanted = np.array(entries["reported"] if rows is None else rows, dtype=bool)  # a copy
    kind = entries["unit_kind"].astype(object).to_numpy()
    wanted &= ~pd.Series(kind).isin(_WEIGHED).to_numpy()
    wanted &= food_id.notna().to_numpy()
    if not wanted.any():
        return out, notes
    reported = pd.to_numeric(entries["energy_kcal"], errors="coerce").to_numpy(dtype="float64")
    codes, ids = pd.factorize(food_id.astype(object), use_na_sentinel=True)
    density = per_100g["energy_kcal"].reindex(ids).to_numpy(dtype="float64")  # kcal / 100 g
    row_density = np.where(codes >= 0, density[np.maximum(codes, 0)], np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        from_energy = reported * 100.0 / row_density
    use = wanted & (reported > 0) & (row_density > 0) & np.isfinite(from_energy)
    if not use.any():
        return out, notes
    before = out[use]
    out[use] = from_energy[use]
    gave = np.where(
        np.isnan(before), "no weight", pd.Series(before).round(0).map("{:g} g".format).to_numpy()
    )
    notes[use] = (
        f"{ENERGY_TAG}: "
        + pd.Series(from_energy[use]).round(0).map("{:g}".format)
        + " g from the reported "
        + pd.Series(reported[use]).round(1).map("{:g}".format)
        + " kcal (the measure gave "
        + pd.Series(gave)
        + ")"
    ).to_numpy(dtype=object)
    return out, notes


def with_notes(assumptions: pd.Series, notes: np.ndarray) -> pd.Series:
    """The ``assumptions`` column with ``notes`` appended where they are set.

    Examples
    --------
    >>> with_notes(pd.Series(["", "spelling: a → b"]), np.array(["x: y", "x: z"], dtype=object)).tolist()
    ['x: y', 'spelling: a → b; x: z']
    """
    from nutrilog._vector import text_category

    have = pd.notna(notes) & (notes != None)  # noqa: E711
    if not have.any():
        return assumptions
    text = assumptions.astype(object).where(assumptions.notna(), "").to_numpy(dtype=object).copy()
    rows = np.flatnonzero(have)
    text[rows] = [
        "; ".join(p for p in (a, b) if p) for a, b in zip(text[rows], notes[rows], strict=True)
    ]
    return text_category(pd.Series(text, index=assumptions.index, dtype=object), "")
