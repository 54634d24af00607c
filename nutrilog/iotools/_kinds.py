"""The kind of each row (food, supplement, water): a kind column, else the line itself.

Examples
--------
>>> frame = pd.DataFrame({"amount_note": [None, None]})
>>> apply_kinds(frame, pd.Series(["banana", "D3 50 mcg"]), Rejections(frame.index))
>>> frame["kind"].tolist()
['food', 'supplement']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from nutrilog._vector import codes_of
from nutrilog.iotools._cells import join_notes
from nutrilog.iotools._rejections import Rejections, as_mask
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.supplements import KINDS, Kinds, kinds_of

_KINDS = {
    "food": "food", "meal": "food", "drink": "food", "beverage": "food", "snack": "food",
    "supplement": "supplement", "supplements": "supplement", "supp": "supplement",
    "vitamin": "supplement", "vitamins": "supplement", "water": "water",
}  # fmt: skip


def apply_kinds(
    frame: pd.DataFrame,
    detect_text: pd.Series | Callable[[pd.Series], pd.Series],
    rej: Rejections,
    *,
    given: pd.Series | None = None,
    hint: pd.Series | None = None,
    fill_nutrients: bool = True,
    screen: pd.Series | None = None,
    named_food: np.ndarray | None = None,
) -> None:
    """Set ``kind`` (food | supplement | water), supplement doses and ``reported`` in place.

    ``detect_text`` holds the whole lines, or (with ``screen``) builds them for a
    row mask, see :func:`~nutrilog.supplements.kinds_of`.
    ``given`` is a kind column from the file (unknown values are rejected);
    ``hint`` marks rows known to be supplements (a "Supplements" group);
    ``named_food`` marks rows whose source names a food id: they are food
    unless ``given`` says otherwise, and their words are not screened. Doses
    read from a supplement line fill NaN nutrient cells and make the row
    ``reported``.
    """
    found = _kinds(frame.index, detect_text, screen, named_food)
    code = found.code
    if hint is not None:
        code[as_mask(hint) & (code == _FOOD)] = _SUPPLEMENT
    if given is not None:
        codes, uniques = codes_of(given)
        keys = ["" if u is None else str(u).strip().lower() for u in uniques]
        known = np.array([KINDS.index(_KINDS[k]) if k in _KINDS else -1 for k in keys])
        unknown = np.array([k != "" and k not in _KINDS for k in keys], dtype=bool)
        rej.add(
            unknown[codes],
            "unknown kind: expected food, supplement or water, found",
            cells=given,
        )
        named = known[codes]
        code = np.where(named >= 0, named, code).astype(np.int8)
    frame["kind"] = pd.Categorical.from_codes(code, categories=list(KINDS))
    if not fill_nutrients:  # a source that reports its own values needs no doses or dose notes
        return
    reported = as_mask(frame["reported"]) if "reported" in frame.columns else None
    resolved = np.zeros(len(frame), dtype=bool) if reported is None else reported.copy()
    is_supp = code[found.rows] == _SUPPLEMENT
    rows, detected = found.rows[is_supp], found.detected[is_supp]
    for col in NUTRIENT_COLUMNS:
        dose = detected[col].to_numpy(dtype="float64")
        have = ~np.isnan(dose)
        if not have.any():
            continue
        values = (
            frame[col].to_numpy(dtype="float64", copy=True)
            if col in frame.columns
            else np.full(len(frame), np.nan)
        )
        empty = have & np.isnan(values[rows])
        values[rows[empty]] = dose[empty]
        frame[col] = values
        resolved[rows[have]] = True
    frame["reported"] = resolved
    if len(rows) and detected["note"].notna().any():
        notes = (
            frame["amount_note"].to_numpy(dtype=object, copy=True, na_value=None)
            if "amount_note" in frame.columns
            else np.full(len(frame), None, dtype=object)
        )
        notes[rows] = join_notes(
            pd.Series(notes[rows], dtype=object), detected["note"].reset_index(drop=True)
        ).to_numpy()
        frame["amount_note"] = notes


_FOOD, _SUPPLEMENT = KINDS.index("food"), KINDS.index("supplement")


def _kinds(
    index: pd.Index,
    detect_text: pd.Series | Callable[[pd.Series], pd.Series],
    screen: pd.Series | None,
    named_food: np.ndarray | None,
) -> Kinds:
    """:func:`~nutrilog.supplements.kinds_of` for the rows that do not name a food id."""
    if not len(index):  # a header without rows: nothing to screen (and no lines to build)
        return kinds_of(pd.Series([], dtype=object))
    if named_food is None or not named_food.any():
        return kinds_of(detect_text, screen=screen)
    todo = np.flatnonzero(~named_food)
    code = np.full(len(index), _FOOD, dtype=np.int8)
    if not len(todo):
        return Kinds(
            code, np.zeros(0, dtype=np.int64), kinds_of(pd.Series([], dtype=object)).detected
        )

    def lines(rows: pd.Series) -> pd.Series:
        full = np.zeros(len(index), dtype=bool)
        full[todo[rows.to_numpy(dtype=bool)]] = True
        return detect_text(pd.Series(full, index=index))  # type: ignore[operator]

    texts = lines if callable(detect_text) else detect_text.iloc[todo]
    found = kinds_of(texts, screen=None if screen is None else screen.iloc[todo])
    code[todo] = found.code
    return Kinds(code, todo[found.rows], found.detected)
