"""The answer first: what is uncertain and why, and the few most useful next steps.

:func:`overview` reads one person's verdicts and suggestions (as the document holds
them), the entries worth fixing and the dates, and says in plain words what a
reader should know before the details: which verdicts cannot be trusted and why,
and at most :data:`MAX_STEPS` things to do, the most useful first.

Examples
--------
>>> v = {"nutrient": "potassium", "label": "Potassium", "column": "potassium_mg",
...      "status": "cannot tell", "days": 7, "target_kind": "AI", "pct_of_target": 72.0,
...      "coverage": 1.0}
>>> overview([v], [], {"days": 7, "days_assessed": 7, "first": "2026-11-16"}, [], 0)["uncertain"][0]["text"][:60]
'Potassium: cannot tell. Your mean is below the Adequate Inta'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from nutrilog.nutrients import nutrient
from nutrilog.report.values import amount, pct

__all__ = ["MAX_STEPS", "overview"]

#: Next steps shown at most.
MAX_STEPS = 3

_LOW_ORDER = {"likely low": 0, "above upper limit": 1, "possibly low": 2, "above CDRR": 3}


def _names(items: Sequence[Mapping[str, Any]]) -> str:
    labels = [str(v["label"]) for v in items[:1]]
    labels += [nutrient(v["nutrient"]).in_text for v in items[1:]]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _note(about: Sequence[Mapping[str, Any]], status: str | None, text: str) -> dict[str, Any]:
    """One note of the overview: the nutrients of the verdicts ``about``, a status, the words."""
    return {"nutrients": [v["nutrient"] for v in about], "status": status, "text": text}


def _uncertain(
    verdicts: Sequence[Mapping[str, Any]],
    period: Mapping[str, Any],
    missing: Sequence[Mapping[str, Any]],
    undated: int,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    days, assessed = int(period.get("days") or 0), period.get("days_assessed")
    if verdicts and assessed == 0:
        if not period.get("first"):
            text = (
                "No entry has a date, so there is no day to assess: every verdict is "
                "unknown. Give the log a date column or day headings (or --date / date= "
                "for a log of one day)."
            )
        else:
            text = (
                "No day has enough food logged to be assessed (days under 500 kcal count as "
                "partly logged), so every verdict is unknown."
            )
        out.append(_note(verdicts, "unknown", text))
        return out
    cannot = [v for v in verdicts if v["status"] == "cannot tell"]
    if cannot:
        out.append(
            _note(
                cannot,
                "cannot tell",
                f"{_names(cannot)}: cannot tell. Your mean is below the Adequate Intake "
                "(AI), the intake seen in healthy people where no requirement is known; "
                "being below an AI is not a shortfall, and nobody can tell whether it is "
                "enough for you.",
            )
        )
    few_days = []
    for v in verdicts:
        if v["status"] != "uncertain":
            continue
        if v.get("status_rule") != "coverage":
            few_days.append(v)
            continue
        fixable = f" Fix the {len(missing)} listed under Entries to check." if missing else ""
        text = (
            f"{v['label']}: uncertain. Only {pct(v.get('coverage'))} of what you logged "
            f"has a known {nutrient(v['nutrient']).in_text} value (foods not matched or not "
            f"weighed), so the low total may be a gap in the record.{fixable}"
        )
        out.append(_note([v], "uncertain", text))
    if few_days:
        out.append(
            _note(
                few_days,
                "uncertain",
                f"{_names(few_days)}: uncertain. At or above the target, but on only "
                f"{max(int(v.get('days') or 0) for v in few_days)} day(s); at least 3 are "
                "needed to call it adequate.",
            )
        )
    unknown = [v for v in verdicts if v["status"] == "unknown"]
    if unknown:
        out.append(
            _note(unknown, "unknown", f"{_names(unknown)}: unknown. No logged day has a value.")
        )
    if undated:
        one = undated == 1
        out.append(
            _note(
                [],
                None,
                f"{undated} {'entry has' if one else 'entries have'} no date and "
                f"{'is' if one else 'are'} left out of the days assessed.",
            )
        )
    if verdicts and 0 < days < 7:
        out.append(
            _note(
                [],
                None,
                f"Based on {days} day(s): intake varies from day to day, and a week or more "
                "gives a steadier picture.",
            )
        )
    return out


def _food_step(v: Mapping[str, Any], suggestions: Sequence[Mapping[str, Any]]) -> str:
    share = v.get("pct_of_target")
    where = (
        f" ({share:,.0f}% of the {v.get('target_kind') or 'target'})" if share is not None else ""
    )
    head = f"{v['label']} is {v['status']}{where}"
    foods = [
        s for s in suggestions if s.get("nutrient") == v["nutrient"] and s.get("kind") == "food"
    ]
    notes = [
        s for s in suggestions if s.get("nutrient") == v["nutrient"] and s.get("kind") == "note"
    ]
    if v["status"] in ("above upper limit", "above CDRR"):
        if notes:
            return f"{head}: {notes[0]['text']}"
        mean = amount(v.get("mean"), v["column"], per_day=True)
        return f"{head} ({mean}): look at what adds the most, supplements first."
    if foods:
        line = str(foods[0].get("text") or foods[0].get("description") or "")
        more = " More under Foods that would close the gap." if len(foods) > 1 else ""
        return f"{head}: add {line}.{more}".replace("..", ".")
    if notes:
        return f"{head}: {notes[0]['text']}"
    return f"{head}."


def overview(
    verdicts: Sequence[Mapping[str, Any]],
    suggestions: Sequence[Mapping[str, Any]],
    period: Mapping[str, Any],
    fixes: Sequence[Mapping[str, Any]],
    undated: int,
) -> dict[str, Any]:
    """What is uncertain and why, and the next steps, for one person.

    Parameters
    ----------
    verdicts, suggestions, period
        The person's parts of the report document.
    fixes : list of dict
        The entries worth fixing (the document's ``data_quality.fixes``).
    undated : int
        The person's entries without a date.

    Returns
    -------
    dict
        ``uncertain``: ``[{nutrients, status, text}]``; ``next_steps``: at most
        :data:`MAX_STEPS` ``{kind, nutrient, text}`` (kind ``fix``, ``food``,
        ``reduce``, ``dates`` or ``keep``), the most useful first.
    """
    missing = [f for f in fixes if f.get("tier") == "missing"]
    uncertain = _uncertain(verdicts, period, missing, undated)
    steps: list[dict[str, Any]] = []
    no_days = bool(verdicts) and period.get("days_assessed") == 0 and not period.get("first")
    if no_days:
        steps.append(
            {"kind": "dates", "nutrient": None,
             "text": "Add dates to the log and run again: verdicts need whole days."}
        )  # fmt: skip
    by_coverage = [v for v in verdicts if v.get("status_rule") == "coverage"]
    if missing and (by_coverage or len(missing) >= 3):
        n = sum(int(f.get("entries") or 0) for f in missing)
        steps.append(
            {
                "kind": "fix",
                "nutrient": None,
                "text": (
                    f"Fix {n} entr{'y' if n == 1 else 'ies'} nutrilog could not match or weigh "
                    "(Entries to check): write them to a fixes file (--fixes FILE), give each "
                    "a food or its grams, and pass the file back with --aliases."
                ),
            }
        )
    concerns = sorted(
        (v for v in verdicts if v["status"] in _LOW_ORDER),
        key=lambda v: (_LOW_ORDER[v["status"]], v.get("pct_of_target") or 0.0),
    )
    for v in concerns:
        kind = "reduce" if v["status"] in ("above upper limit", "above CDRR") else "food"
        steps.append({"kind": kind, "nutrient": v["nutrient"], "text": _food_step(v, suggestions)})
    if missing and not any(s["kind"] == "fix" for s in steps):
        n = sum(int(f.get("entries") or 0) for f in missing)
        steps.append(
            {
                "kind": "fix",
                "nutrient": None,
                "text": (
                    f"Check {n} entr{'y' if n == 1 else 'ies'} nutrilog could not match or "
                    "weigh (Entries to check)."
                ),
            }
        )
    if not steps and verdicts:
        steps.append(
            {
                "kind": "keep",
                "nutrient": None,
                "text": "Nothing logged is low. Keep logging: more days make the verdicts firmer.",
            }
        )
    return {"uncertain": uncertain, "next_steps": steps[:MAX_STEPS]}
