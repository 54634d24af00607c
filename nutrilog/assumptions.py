"""What an analysis assumed about each entry, and how much of the intake rests on it.

Each analysed entry has an ``assumptions`` column: ``"; "``-separated ``tag: detail``
items, empty when nothing was assumed. Tags:

* ``spelling`` -- a word was spelling-corrected (``quinao → quinoa``);
* ``synonym`` -- a word of another English or a shorthand was read as USDA's
  (``aubergine → eggplant``);
* ``brand`` -- a brand or restaurant word was set aside and the entry mapped to a
  generic or brand-named food (``starbucks latte → Coffee, Latte``);
* ``component`` -- the entry is one food of a line that named several
  (``of "toast w/ butter"``);
* ``dish`` -- a line naming several foods was matched as one mixed dish;
* ``left out`` -- the line named a food that was not eaten, which was not matched
  (``coffee, no sugar``);
* ``low confidence`` -- the best food found was too doubtful to count: the entry is
  left unmatched and the food is its first suggestion (:mod:`nutrilog.matching.confidence`);
* and the amount tags (``default portion``, ``estimated amount``, ``unknown amount``,
  ``weight with shell``: a pound of crawfish as bought, of which USDA's yield is eaten);
* when an app export is recomputed (:mod:`nutrilog.recompute`): ``reported energy``
  (a count or size weighed from the app's energy) and ``reported values`` (no food
  matched, the app's values kept).

:func:`summarize_assumptions` counts them and lists the entries whose assumptions
carry the most weight (grams), with their magnesium, calcium and potassium.

Examples
--------
>>> parse_assumptions('component: of "toast w/ butter"; spelling: buter → butter')
[('component', 'of "toast w/ butter"'), ('spelling', 'buter → butter')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["ASSUMPTIONS", "join_assumptions", "parse_assumptions", "summarize_assumptions"]

#: Name of the column of what was assumed about an entry.
ASSUMPTIONS = "assumptions"

_SHOWN = ("magnesium_mg", "calcium_mg", "potassium_mg")
#: Between two items: "; " before the next ``tag: `` (a detail may hold "; " itself).
_ITEM_BREAK = re.compile(r"; (?=[a-z][a-z ]{0,30}: )")


def join_assumptions(items: Iterable[tuple[str, str]]) -> str:
    """``tag: detail`` items joined by ``"; "`` (repeats dropped).

    Examples
    --------
    >>> join_assumptions([("synonym", "oj → orange juice"), ("synonym", "oj → orange juice")])
    'synonym: oj → orange juice'
    """
    return "; ".join(f"{tag}: {detail}" for tag, detail in dict.fromkeys(items))


def parse_assumptions(text: object) -> list[tuple[str, str]]:
    """The ``(tag, detail)`` items of an ``assumptions`` cell (``[]`` for an empty one)."""
    if not isinstance(text, str) or not text.strip():
        return []
    out = []
    for item in _ITEM_BREAK.split(text):
        tag, _, detail = item.partition(": ")
        if tag.strip():
            out.append((tag.strip(), detail.strip()))
    return out


def summarize_assumptions(entries: pd.DataFrame, top: int = 10) -> dict[str, Any]:
    """Count the assumptions of analysed entries and list the heaviest.

    Parameters
    ----------
    entries : DataFrame
        ``Analysis.entries`` (an ``assumptions`` column, ``grams`` and nutrient columns).
    top : int
        How many entries to list.

    Returns
    -------
    dict
        ``entries`` (how many entries assume something), ``count`` (assumptions in
        all), ``by_tag`` (``{tag: count}``, most frequent first) and ``heaviest``: the
        ``top`` entries by grams, each ``{source, line, text, food, description, grams,
        magnesium_mg, calcium_mg, potassium_mg, assumptions: [{tag, detail}]}``.

    Examples
    --------
    >>> import nutrilog as nl
    >>> log = nl.parse_entries(["toast w/ butter", "1 cup spinach"], date="2026-11-20")
    >>> summary = summarize_assumptions(nl.analyze(log, nl.Profile(age=34, sex="female")).entries)
    >>> summary["by_tag"], summary["entries"]
    ({'component': 2, 'default portion': 1, 'estimated amount': 1}, 2)
    """
    empty: dict[str, Any] = {"entries": 0, "count": 0, "by_tag": {}, "heaviest": []}
    if ASSUMPTIONS not in entries or not len(entries):
        return empty
    column = entries[ASSUMPTIONS]
    codes, values = pd.factorize(column.astype(object).where(column.notna(), ""))
    items = [parse_assumptions(v) for v in values]
    per_value = np.bincount(codes[codes >= 0], minlength=len(values))
    tags: Counter[str] = Counter()
    for found, n in zip(items, per_value.tolist(), strict=True):
        for tag, _ in found:
            tags[tag] += n
    has = np.array([bool(found) for found in items], dtype=bool)[codes] & (codes >= 0)
    rows = entries.loc[has]
    grams = pd.to_numeric(rows["grams"], errors="coerce") if "grams" in rows else None
    order = (
        grams.fillna(-1.0).sort_values(ascending=False, kind="stable").index[:top]
        if grams is not None
        else rows.index[:top]
    )
    heaviest = []
    for label in order:
        row = rows.loc[label]
        heaviest.append(
            {
                **{
                    k: _plain(row.get(k)) for k in ("source", "line", "text", "food", "description")
                },
                "grams": _plain(row.get("grams")),
                **{k: _plain(row.get(k)) for k in _SHOWN},
                "assumptions": [
                    {"tag": t, "detail": d} for t, d in parse_assumptions(row[ASSUMPTIONS])
                ],
            }
        )
    return {
        "entries": int(has.sum()),
        "count": int(sum(tags.values())),
        "by_tag": dict(tags.most_common()),
        "heaviest": heaviest,
    }


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        return None if np.isnan(value) else round(float(value), 2)
    if isinstance(value, np.integer):
        return int(value)
    if pd.isna(value) if not isinstance(value, list | tuple) else False:
        return None
    return value if isinstance(value, int | str) else str(value)
