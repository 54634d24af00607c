"""The look-up commands: ``nutrilog foods search``, ``foods show`` and ``references``.

Examples
--------
>>> from nutrilog.cli import main
>>> main(["foods", "search", "raw spinach", "--limit", "1", "--format", "csv"])  # doctest: +ELLIPSIS
id,description,score
sr28:11457,"Spinach, raw",100.0
0
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from nutrilog._visible import visible, visible_json
from nutrilog.cli.output import emit_table, table_text, write

__all__ = ["person_profile", "foods_search", "foods_show", "references"]


def person_profile(args: argparse.Namespace) -> Any:
    from nutrilog.profile import as_profile

    return as_profile(
        {"age": args.age, "sex": args.sex, "pregnant": args.pregnant, "lactating": args.lactating}
    )


def _food_table(user_foods: Path | None) -> Any:
    from nutrilog.foods import load_foods

    table = load_foods()
    return table.with_user_foods(user_foods) if user_foods is not None else table


def foods_search(args: argparse.Namespace) -> int:
    from nutrilog.search import SEARCH_FLOOR, search_foods

    found = search_foods(_food_table(args.foods), args.text, limit=args.limit)
    shown = visible(repr(args.text))
    if found.hits.empty and args.format == "text":
        write(
            f"no food fits {shown}: none scores {SEARCH_FLOOR:g} of 100 or more. "
            "Try other words, or add your own food with --foods\n",
            sys.stdout,
        )
        return 0
    title = None
    if args.format == "text":
        if found.match is None:
            title = f"Foods close to {shown} (a log entry {shown} would stay unmatched)"
        elif found.hits["id"].iat[0] == found.match:
            title = f"Foods matching {shown} (a log entry {shown} is matched to the first)"
        else:
            title = f"Foods matching {shown} (a log entry {shown} is matched to {found.match})"
    emit_table(found.hits, args.format, title=title)
    return 0


def foods_show(args: argparse.Namespace) -> int:
    from nutrilog.nutrients import TRACKED

    table = _food_table(args.foods)
    food = table.get(args.food_id)
    portions = table.portions(args.food_id)
    shown = [n for n in TRACKED if n.column in food.index]
    columns = [n.column for n in shown]
    per_100g = pd.DataFrame(
        {
            "nutrient": [n.label for n in shown],
            "per_100g": [food[c] for c in columns],
            "unit": [n.unit for n in shown],
        }
    )
    if args.format == "json":
        info = {k: (None if pd.isna(v) else v) for k, v in food.drop(labels=columns).items()}
        doc = {
            **info,
            "per_100g": {c: (None if pd.isna(food[c]) else float(food[c])) for c in columns},
            "portions": json.loads(portions.to_json(orient="records", force_ascii=False)),
        }
        text = json.dumps(doc, indent=2, ensure_ascii=False, default=str)
        write(visible_json(text) + "\n", sys.stdout)
        return 0
    head = visible(f"{food['id']}  {food['description']}")
    details = [
        visible(f"{k}: {food[k]}")
        for k in ("source", "group", "synonyms")
        if k in food.index and food[k]
    ]
    write(head + "\n" + "".join(f"  {d}\n" for d in details) + "\n", sys.stdout)
    per_100g["per_100g"] = per_100g["per_100g"].map(
        lambda v: "not analysed" if pd.isna(v) else f"{v:,.4g}"
    )
    write(
        table_text(per_100g, "Nutrients per 100 g (not analysed = unknown, not zero)"), sys.stdout
    )
    if len(portions):
        write("\n" + table_text(portions, "Household portions"), sys.stdout)
    else:
        write("\nNo household portions: log this food in grams or millilitres.\n", sys.stdout)
    return 0


def references(args: argparse.Namespace) -> int:
    from nutrilog.references import reference_intakes

    profile = person_profile(args)
    refs = reference_intakes(profile)
    if args.format == "text":
        keep = [
            c
            for c in ("nutrient", "unit", "ear", "rda", "ai", "ul", "ul_applies_to", "cdrr")
            if c in refs.columns
        ]
        emit_table(
            refs[keep], "text", title=f"Dietary Reference Intakes per day ({profile.describe()})"
        )
        write(
            "EAR average requirement, RDA recommended, AI adequate intake, UL upper limit, "
            "CDRR reduce if above (sodium).\nWater is in grams (1 L = 1,000 g). "
            "Sources and notes: --format csv or json.\n",
            sys.stdout,
        )
    else:
        emit_table(refs, args.format)
    return 0
