"""Which food an exact description lands on when several foods share it.

SR28 and FNDDS often describe a food alike (``Spinach, raw``); the index keeps one
food per normalised description (:func:`exact_positions`): the user's own, then an
FNDDS food that revises SR28's values, then SR28, then FNDDS.

Examples
--------
>>> exact_positions(["kale raw", "kale raw"], np.array(["fndds", "sr28"]))
{'kale raw': 1}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable

__all__ = ["exact_positions", "revision_values"]

#: Among foods with the same description: the user's own, then SR28, then FNDDS; but an
#: FNDDS food whose values differ from those of the SR28 food of its description comes
#: before it (see :func:`exact_positions`).
_SOURCE_RANK = {"user": 0, "sr28": 2, "fndds": 3}
#: The rank of an FNDDS food that revises the SR28 food of the same description.
_REVISED_RANK = 1
#: Values (per 100 g, rounded to whole units) that tell an FNDDS copy of an SR28 food
#: from a revision of it: those the default portions compare for an FNDDS twin.
_REVISION_COLUMNS = (
    "energy_kcal", "water_g", "calcium_mg", "magnesium_mg", "potassium_mg", "sodium_mg",
)  # fmt: skip


def exact_positions(
    norm_desc: list[str], sources: np.ndarray, values: np.ndarray | None = None
) -> dict[str, int]:
    """Normalised description -> food: the best-ranked source, then the first food.

    Where SR28 and FNDDS describe a food alike, FNDDS 2017-2018, the later release,
    mostly copies SR28's values (spinach, raw): SR28's food is kept, with its fuller
    portions. Where the FNDDS values differ, they are the ones USDA revised after SR28
    (kale, raw: calcium 150 -> 254 mg per 100 g, as in SR Legacy 2018), and the FNDDS
    food comes first. ``values`` holds :data:`_REVISION_COLUMNS` per food, rounded.

    Examples
    --------
    >>> values = np.array([[49.0, 150.0], [35.0, 254.0], [23.0, 99.0], [23.0, 99.0]])
    >>> sources = np.array(["sr28", "fndds", "sr28", "fndds"])
    >>> exact_positions(["kale raw", "kale raw", "spinach raw", "spinach raw"], sources, values)
    {'kale raw': 1, 'spinach raw': 2}
    """
    rank = [_SOURCE_RANK.get(s, 9) for s in sources]
    if values is not None:
        for i in _revisions(norm_desc, sources, values):
            rank[i] = _REVISED_RANK
    exact = dict.fromkeys(norm_desc, 0)
    # Best last, so that it is the one written last.
    for i in reversed(sorted(range(len(norm_desc)), key=rank.__getitem__)):
        exact[norm_desc[i]] = i
    return exact


def _revisions(norm_desc: list[str], sources: np.ndarray, values: np.ndarray) -> list[int]:
    """Positions of the FNDDS foods whose values differ from every SR28 food of the
    same description (a missing SR28 value differs from none)."""
    codes, _ = pd.factorize(np.asarray(norm_desc, dtype=object))
    is_sr28 = np.asarray(sources) == "sr28"
    is_fndds = np.asarray(sources) == "fndds"
    n = int(codes.max()) + 1 if len(codes) else 0
    in_both = (np.bincount(codes[is_sr28], minlength=n) > 0) & (
        np.bincount(codes[is_fndds], minlength=n) > 0
    )
    shared = np.flatnonzero(in_both[codes])  # the few foods whose description both use
    sr28_of: dict[int, list[int]] = {}
    for i in shared[is_sr28[shared]].tolist():
        sr28_of.setdefault(int(codes[i]), []).append(i)
    out = []
    for i in shared[is_fndds[shared]].tolist():
        a = values[i]
        if not any(
            ((a == values[j]) | np.isnan(a) | np.isnan(values[j])).all()
            for j in sr28_of[int(codes[i])]
        ):
            out.append(i)
    return out


def revision_values(foods: FoodTable, ids: np.ndarray) -> np.ndarray | None:
    """:data:`_REVISION_COLUMNS` of each food of ``ids``, rounded (None without them)."""
    nutrients = getattr(foods, "nutrients", None)
    if nutrients is None or not set(_REVISION_COLUMNS) <= set(nutrients.columns):
        return None
    table = nutrients[list(_REVISION_COLUMNS)].reindex(ids)
    return table.to_numpy(dtype="float64").round(0)
