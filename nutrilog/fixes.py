"""Entries worth fixing: what could not be matched, weighed, or was only guessed.

:func:`find_fixes` groups the entries of an analysis that need a person's eye by
the food as written and its unit, counts them, adds up the weight they carry and
sorts them by impact:

1. **missing** -- not matched to any food, or matched but with no weight for the
   unit written (their nutrients are unknown and weaken every verdict);
2. **unsure** -- matched, but not for certain: a match score below 100, a
   spelling correction, a brand set aside, a line read as one mixed dish;
3. **estimated** -- the right food, but its amount was a guess: no amount written
   (``default portion``), a vague one (``a bowl``: ``estimated amount``), or a
   product whose amount is not known (``unknown amount``).

Within a tier, the heaviest first (an entry whose grams are unknown weighs as the
log's median entry). Each group carries the food it was matched to (empty when
none: a suggestion below the matching threshold is never filled in for the user),
the closest other foods (``options``, ``id description; ...``) and, where known,
the grams of one unit.

:func:`write_fixes` writes them as an editable CSV, whose columns ``text``,
``food_id``, ``unit`` and ``grams_per_unit`` are those the aliases file reads
(``analyze(..., aliases="fixes.csv")``, ``nutrilog analyze ... --aliases
fixes.csv``): edit a ``food_id`` or a ``grams_per_unit``, clear a row's
``food_id`` to leave it as it is, and the next run uses the rest.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["cold brew coffee", "cold brew coffee", "1 scoop protein powder",
...                         "100 g zzyzx"], date="2026-11-20")
>>> fixes = nl.analyze(log, nl.Profile(age=34, sex="female")).fixes
>>> fixes[["text", "unit", "entries", "grams", "tier"]].values.tolist()
[['zzyzx', 'g', 1, 100.0, 'missing'], ['cold brew coffee', '', 2, 720.0, 'estimated'], ['protein powder', 'scoop', 1, 26.0, 'estimated']]
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nutrilog.assumptions import ASSUMPTIONS, parse_assumptions

__all__ = ["FIX_COLUMNS", "FILE_COLUMNS", "TIERS", "find_fixes", "fixes_csv", "write_fixes"]

#: Tiers of a fix, most urgent first.
TIERS: tuple[str, ...] = ("missing", "unsure", "estimated")

#: Assumption tags that make a matched entry "unsure" (the food may be wrong) or
#: "estimated" (the food is right, its amount a guess); ``low confidence`` names the
#: guess an unmatched entry was too doubtful to take.
_UNSURE_TAGS = ("spelling", "brand", "dish", "low confidence")
_ESTIMATED_TAGS = ("default portion", "estimated amount", "unknown amount")

#: Columns of :func:`find_fixes`.
FIX_COLUMNS: list[str] = [
    "text",
    "unit",
    "food_id",
    "food",
    "grams_per_unit",
    "tier",
    "problem",
    "entries",
    "grams",
    "example",
    "options",
]

#: Columns of the CSV :func:`write_fixes` writes: the four the aliases reader uses
#: first, then what helps to choose.
FILE_COLUMNS: list[str] = [
    "text",
    "food_id",
    "unit",
    "grams_per_unit",
    "food",
    "problem",
    "entries",
    "grams",
    "example",
    "options",
]

_MASS = "mass"


def _problems(status: str, score: float, grams_note: str, assumed: str, unit: str) -> list[str]:
    """What is wrong with one distinct entry, in words, most urgent first."""
    out = []
    if status == "unmatched":
        out.append("not matched to a food")
    elif status == "no grams":
        out.append(grams_note or f"no weight known for {unit or 'this amount'} of this food")
    elif math.isfinite(score) and score < 100:
        out.append(f"match score {score:.0f} of 100")
    for tag, detail in parse_assumptions(assumed):
        if tag in _UNSURE_TAGS or tag in _ESTIMATED_TAGS:
            out.append(f"{tag}: {detail}")
    return out


def _tier(problems: list[str], statuses: Iterable[str]) -> str | None:
    """The tier of a group (see :data:`TIERS`); None when nothing is wrong."""
    if not problems:
        return None
    if any(s in ("unmatched", "no grams") for s in statuses):
        return "missing"
    if any(p.startswith("match score") or p.split(":")[0] in _UNSURE_TAGS for p in problems):
        return "unsure"
    return "estimated"


def _options(listed: Any, chosen: str) -> tuple[list[tuple[str, str]], str]:
    """The candidates of a row (without the food chosen) and their text."""
    items = []
    for option in listed if isinstance(listed, list | tuple) else []:
        food_id, description = str(option[0]), str(option[1])
        if food_id != chosen:
            items.append((food_id, description))
    text = "; ".join(f"{i} {d}" for i, d in items[:3])
    return items[:3], text


def _column(entries: pd.DataFrame, name: str, fill: Any) -> pd.Series:
    if name in entries:
        column = entries[name]
        return column.astype(object).where(column.notna(), fill)
    return pd.Series(fill, index=entries.index, dtype=object)


def find_fixes(entries: pd.DataFrame) -> pd.DataFrame:
    """The entries worth fixing, grouped by food text and unit, most urgent and heaviest first.

    Parameters
    ----------
    entries : DataFrame
        Analysed entries (``Analysis.entries``): ``food``, ``unit``, ``unit_kind``,
        ``status``, ``match_score``, ``assumptions``, ``food_id``, ``description``,
        ``grams``, ``quantity``, ``suggestions``, ``source``, ``line``, ``text``.

    Returns
    -------
    DataFrame
        :data:`FIX_COLUMNS`: the text as written (its most frequent spelling), the
        unit (``""`` when none), the food matched (``food_id``, ``food``; empty when
        none), the grams of one unit when known,
        ``tier`` (one of :data:`TIERS`), ``problem`` (``"; "``-separated, in words),
        how many ``entries``, the ``grams`` they weigh (NaN when unknown), an
        ``example`` (``file, line N: text``) and ``options`` (the closest other foods,
        ``"id description; ..."``: copy one into ``food_id``). Supplements are left out: their amounts come
        from a supplements table, not from aliases.
    """
    if not len(entries) or "status" not in entries:
        return pd.DataFrame(columns=FIX_COLUMNS)
    kind = _column(entries, "kind", "food")
    wanted = kind.ne("supplement").to_numpy()
    status = _column(entries, "status", "")
    score = pd.to_numeric(entries.get("match_score"), errors="coerce")
    assumed = _column(entries, ASSUMPTIONS, "")
    tags = ("spelling:", "brand:", "dish:", "default portion:", "estimated amount:",
            "unknown amount:")  # fmt: skip
    flagged = (
        status.isin(["unmatched", "no grams"]).to_numpy()
        | (status.eq("matched").to_numpy() & (score < 100).to_numpy())
        | per_text(assumed, lambda a: any(t in a for t in tags))
    )
    rows = entries.loc[wanted & flagged]
    if not len(rows):
        return pd.DataFrame(columns=FIX_COLUMNS)
    frame = pd.DataFrame(
        {
            "key": [" ".join(str(t).casefold().split()) for t in _column(rows, "food", "")],
            "written": _column(rows, "food", "").astype(str).to_numpy(),
            "unit": _column(rows, "unit", "").astype(str).to_numpy(),
            "unit_kind": _column(rows, "unit_kind", "").astype(str).to_numpy(),
            "status": _column(rows, "status", "").astype(str).to_numpy(),
            "score": pd.to_numeric(rows.get("match_score"), errors="coerce").to_numpy(),
            "note": _column(rows, "grams_note", "").astype(str).to_numpy(),
            "assumed": _column(rows, ASSUMPTIONS, "").astype(str).to_numpy(),
            "food_id": _column(rows, "food_id", "").astype(str).to_numpy(),
            "description": _column(rows, "description", "").astype(str).to_numpy(),
            "grams": pd.to_numeric(rows.get("grams"), errors="coerce").to_numpy(),
            "quantity": pd.to_numeric(rows.get("quantity"), errors="coerce").to_numpy(),
            "example": [_where(r) for r in _records(rows)],
            "suggestions": _column(rows, "suggestions", ()).to_numpy(),
        }
    )
    frame.loc[frame["status"].isin(["unmatched"]), ["food_id", "description"]] = ""
    typical = float(np.nanmedian(pd.to_numeric(entries.get("grams"), errors="coerce")))
    typical = typical if math.isfinite(typical) else 100.0
    out = []
    for (_key, unit), group in frame.groupby(["key", "unit"], sort=False):
        first = group.iloc[0]
        problems = list(
            dict.fromkeys(
                p
                for r in group.itertuples()
                for p in _problems(r.status, r.score, r.note, r.assumed, r.unit)
            )
        )
        tier = _tier(problems, group["status"])
        if tier is None:
            continue
        food_id, food = _chosen(group)  # empty when nothing was matched: never a guess
        _, options_text = _options(first["suggestions"], food_id)
        known = group["grams"].dropna()
        per_unit = (group["grams"] / group["quantity"].fillna(1.0)).dropna()
        out.append(
            {
                "text": group["written"].value_counts().index[0],
                "unit": unit,
                "food_id": food_id,
                "food": food,
                "grams_per_unit": (
                    round(float(per_unit.iloc[0]), 1)
                    if len(per_unit) and first["unit_kind"] != _MASS
                    else math.nan
                ),
                "tier": tier,
                "problem": "; ".join(problems),
                "entries": len(group),
                "grams": float(known.sum()) if len(known) else math.nan,
                "example": first["example"],
                "options": options_text,
                "_impact": float(known.sum()) + typical * (len(group) - len(known)),
            }
        )
    if not out:
        return pd.DataFrame(columns=FIX_COLUMNS)
    fixes = pd.DataFrame(out)
    fixes["_tier"] = fixes["tier"].map({t: i for i, t in enumerate(TIERS)})
    fixes = fixes.sort_values(["_tier", "_impact"], ascending=[True, False], kind="stable")
    return fixes[FIX_COLUMNS].reset_index(drop=True)


def per_text(values: pd.Series, test: Any) -> np.ndarray:
    """``test`` applied once per distinct text of ``values``, as a boolean array."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    if not len(uniques):
        return np.zeros(len(values), dtype=bool)
    hits = np.array([bool(test(str(u))) for u in uniques] + [False], dtype=bool)
    return hits[np.where(codes < 0, len(uniques), codes)]


def _chosen(group: pd.DataFrame) -> tuple[str, str]:
    """The food most of a group's rows were matched to (``("", "")`` when none)."""
    matched = group[group["food_id"].ne("") & group["food_id"].ne("nan")]
    if not len(matched):
        return "", ""
    food_id = str(matched["food_id"].value_counts().index[0])
    return food_id, str(matched.loc[matched["food_id"].eq(food_id), "description"].iloc[0])


def _records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    cols = [c for c in ("source", "line", "text") if c in rows]
    return rows[cols].astype(object).to_dict("records")


def _where(row: dict[str, Any]) -> str:
    source = row.get("source")
    line = row.get("line")
    where = str(source) if isinstance(source, str) and source else "<input>"
    if line is not None and not pd.isna(line):
        where += f", line {int(line)}"
    text = row.get("text")
    return f"{where}: {text}" if isinstance(text, str) and text else where


def fixes_csv(fixes: pd.DataFrame) -> str:
    """The fixes as CSV text in :data:`FILE_COLUMNS` order, formulas neutralised."""
    from nutrilog._csvsafe import to_csv
    from nutrilog._visible import visible

    frame = fixes.reindex(columns=FILE_COLUMNS).copy()
    for col in ("text", "food", "problem", "example", "options"):
        frame[col] = frame[col].map(lambda v: visible(v) if isinstance(v, str) else v)
    return str(to_csv(frame, index=False, lineterminator="\n", float_format="%g"))


def write_fixes(
    fixes: pd.DataFrame, path: str | os.PathLike[str], inputs: Iterable[object] = ()
) -> Path:
    """Write the fixes as an editable CSV (never over one of ``inputs``).

    Examples
    --------
    >>> import nutrilog as nl
    >>> log = nl.parse_entries(["100 g zzyzx"], date="2026-11-20")
    >>> path = write_fixes(nl.analyze(log, nl.Profile(age=34, sex="female")).fixes, "fixes.csv")
    >>> path.read_text().splitlines()[0]
    'text,food_id,unit,grams_per_unit,food,problem,entries,grams,example,options'
    """
    from nutrilog._checks import kind_argument
    from nutrilog._output import write_text

    kind_argument("fixes", fixes, pd.DataFrame, "the fixes table (Analysis.fixes)")
    return write_text(path, fixes_csv(fixes), inputs=list(inputs))
