"""Recognition accuracy on hand-labelled diary phrases and on real app exports.

Two measurements, both on data nobody tuned the code to when it was written:

1. **Diary phrases.** A labelled CSV in the layout of the project's development set
   (columns ``phrase, category, kind, expected_ids, grams, grams_alt, components,
   supplement, vague, magnesium_mg, calcium_mg, potassium_mg``). Each phrase is read
   on its own as a one-line diary, the lines are analysed together, and every phrase
   is judged by the set's acceptance rule:

   * ``not_food``: no row may carry a food or a supplement (rejected, or left
     unmatched with a kind other than ``food``);
   * ``unmatched_ok``: no row may be matched to a food;
   * ``food``: one matched row whose id is acceptable (listed, or with the same
     Mg/Ca/K per 100 g as a listed id) with grams within 25 % (50 % for vague
     amounts) or Mg, Ca and K each within 20 % (or 5 mg); a compound line passes
     when every component is matched that way, or its summed Mg/Ca/K is within
     20 % (5 mg), or the listed mixed dish is matched with its grams;
   * ``supplement``: every row is a supplement, each stated amount within 5 %,
     each ``unknown`` amount missing.

   Printed: the share right, the precision of accepted matches (accepted and right
   / accepted), the not-food lines left alone, the supplement lines right, the
   share right per category, and with ``--failures`` every phrase that failed.

2. **Real exports.** Cronometer ``servings.csv`` files recomputed from the bundled
   tables (``analyze(..., recompute=True)``) and compared with the app's own
   values: the share of rows within 20 % and of days within 15 % for magnesium,
   calcium and potassium. Only real foods count: not supplements (the export's
   ``Supplements`` category) and not the user's own recipes (Cronometer gives
   those the unit ``serving``).

Run::

    python benchmarks/matching_accuracy.py                  # ../shared next to the repo
    python benchmarks/matching_accuracy.py --phrases P.csv --exports A.csv B.csv
    python benchmarks/matching_accuracy.py --failures       # list what failed

Targets (issue "Real diaries"): 90 % right, precision of accepted matches 97 %,
every supplement line right, no not-food line matched; on the exports 85 % of rows
and 75 % of days.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

import nutrilog as nl
from nutrilog.supplements import SUPPLEMENT_NUTRIENTS

_REPO = Path(__file__).resolve().parents[1]
_SHARED = _REPO.parent / "shared"
_MINERALS = ("magnesium_mg", "calcium_mg", "potassium_mg")
_PROFILE = nl.Profile(age=34, sex="female")


# --------------------------------------------------------------------------- phrases


def _ids(cell: object) -> list[str]:
    if not isinstance(cell, str) or not cell.strip():
        return []
    return [part.strip() for part in cell.split("|") if part.strip()]


def _grams_alt(cell: object) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in _ids(cell):
        food_id, _, grams = item.rpartition(":")
        out[food_id] = float(grams)
    return out


def _components(cell: object) -> list[tuple[list[str], float]]:
    if not isinstance(cell, str) or not cell.strip():
        return []
    out = []
    for item in cell.split(";"):
        ids, _, grams = item.strip().rpartition(":")
        out.append((_ids(ids), float(grams)))
    return out


def _supplement(cell: object) -> dict[str, float | None]:
    """``key=value;...`` as a dict; ``None`` for unknown amounts; ``{}`` for ``unknown``."""
    if not isinstance(cell, str) or not cell.strip() or cell.strip() == "unknown":
        return {}
    out: dict[str, float | None] = {}
    for item in cell.split(";"):
        key, _, value = item.partition("=")
        key = key.strip()
        if key.startswith("other_"):
            continue
        out[key] = None if value.strip() == "unknown" else float(value)
    return out


def _close(got: float, want: float, share: float, floor: float = 0.0) -> bool:
    if not (math.isfinite(got) and math.isfinite(want)):
        return False
    return abs(got - want) <= max(share * abs(want), floor)


class Judge:
    """The acceptance rule of the development set, with the food table for twins."""

    def __init__(self, foods: nl.FoodTable) -> None:
        per100 = foods.nutrients[list(_MINERALS)]
        self._minerals = {
            k: tuple(np.round(v, 3)) for k, v in zip(per100.index, per100.to_numpy(), strict=True)
        }

    def same_food(self, got: str, listed: list[str]) -> bool:
        return bool(self.stands_for(got, listed))

    def stands_for(self, got: str, listed: list[str]) -> list[str]:
        """The listed ids ``got`` is: itself, or those with the same Mg/Ca/K per 100 g."""
        if got in listed:
            return [got]
        mine = self._minerals.get(got)
        if mine is None or any(math.isnan(x) for x in mine):
            return []
        return [food_id for food_id in listed if self._minerals.get(food_id) == mine]

    def minerals_ok(self, got: dict[str, float], row: pd.Series) -> bool:
        checked = 0
        for column in _MINERALS:
            want = row[column]
            if pd.isna(want):
                continue
            checked += 1
            if not _close(float(got.get(column, np.nan)), float(want), 0.20, 5.0):
                return False
        return checked > 0

    def grams_ok(self, food_id: str, grams: float, row: pd.Series, listed: list[str]) -> bool:
        """Grams within 25 % (50 % when vague) of the grams of the id matched: its own
        ``grams_alt`` if it has one, else ``grams``; a twin of a listed id is judged by
        the grams of the id it stands for."""
        tolerance = 0.5 if str(row["vague"]).strip() == "yes" else 0.25
        alt = _grams_alt(row["grams_alt"])
        wanted = [alt.get(i, row["grams"]) for i in self.stands_for(food_id, listed)]
        return any(pd.notna(w) and _close(grams, float(w), tolerance) for w in wanted)

    def food(self, rows: pd.DataFrame, row: pd.Series) -> tuple[bool, bool]:
        """Return (accepted, right) for a food phrase."""
        matched = rows[rows["food_id"].notna() & (rows["kind"] != "supplement")]
        if matched.empty:
            return False, False
        listed = _ids(row["expected_ids"])
        totals = {c: float(matched[c].sum(min_count=1)) for c in _MINERALS}
        components = _components(row["components"])
        if len(matched) == 1:
            got = matched.iloc[0]
            if listed and self.same_food(str(got["food_id"]), listed):
                grams = float(got["grams"]) if pd.notna(got["grams"]) else np.nan
                if self.grams_ok(str(got["food_id"]), grams, row, listed):
                    return True, True
                if self.minerals_ok(totals, row):
                    return True, True
            if not components:
                return True, False
        if components:
            # every component matched with its grams, or the summed Mg/Ca/K within 20 %
            return True, self._components_ok(matched, components, row) or self.minerals_ok(
                totals, row
            )
        return True, False

    def _components_ok(
        self, matched: pd.DataFrame, components: list[tuple[list[str], float]], row: pd.Series
    ) -> bool:
        if len(matched) != len(components):
            return False
        tolerance = 0.5 if str(row["vague"]).strip() == "yes" else 0.25
        left = list(range(len(matched)))
        for ids, grams in components:
            hit = next(
                (
                    i
                    for i in left
                    if self.same_food(str(matched.iloc[i]["food_id"]), ids)
                    and _close(float(matched.iloc[i]["grams"]), grams, tolerance)
                ),
                None,
            )
            if hit is None:
                return False
            left.remove(hit)
        return True

    def supplement(self, rows: pd.DataFrame, row: pd.Series) -> tuple[bool, bool]:
        if rows.empty:
            return False, False
        accepted = bool((rows["kind"] == "supplement").any())
        if not (rows["kind"] == "supplement").all():
            return accepted, False
        stated = _supplement(row["supplement"])
        for column in SUPPLEMENT_NUTRIENTS:
            got = rows[column].sum(min_count=1) if column in rows else np.nan
            want = stated.get(column, "absent")
            if want == "absent":
                if pd.notna(got) and got > 0:
                    return accepted, False
            elif want is None:
                if pd.notna(got):
                    return accepted, False
            elif not _close(float(got), float(want), 0.05, 1e-9):
                return accepted, False
        return accepted, True


def read_phrases(path: Path) -> pd.DataFrame:
    return (
        pd.read_csv(path, dtype=str, keep_default_na=False)
        .replace({"": np.nan})
        .assign(
            grams=lambda d: pd.to_numeric(d["grams"]),
            **{c: (lambda d, c=c: pd.to_numeric(d[c])) for c in _MINERALS},
        )
    )


def analyse_phrases(
    phrases: pd.DataFrame, foods: nl.FoodTable
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read each phrase as a one-line diary; analyse them together, one 'person' each."""
    logs = []
    for i, phrase in enumerate(phrases["phrase"]):
        log = nl.parse_entries([phrase], date="2026-11-20")
        log.entries["person"] = f"p{i:04d}"
        log.rejected["line"] = i
        logs.append(log)
    log = nl.FoodLog.concat(logs)
    result = nl.analyze(log, _PROFILE, foods=foods, min_day_kcal=0)
    entries = result.entries.assign(phrase_no=lambda d: d["person"].astype(str).str[1:].astype(int))
    rejected = log.rejected
    return entries, rejected


def phrase_verdicts(
    phrases: pd.DataFrame, by_phrase: dict[int, pd.DataFrame], judge: Judge
) -> pd.DataFrame:
    """One row per phrase: ``i, category, kind, accepted, right`` by the set's rule."""
    empty = pd.DataFrame(columns=["food_id", "kind"])
    verdicts = []
    for i, row in phrases.iterrows():
        rows = by_phrase.get(i, empty)
        kind = row["kind"]
        if kind == "not_food":
            producing = rows["food_id"].notna() | rows["kind"].isin(["food", "supplement", "water"])
            accepted = bool(rows["food_id"].notna().any() or (rows["kind"] == "supplement").any())
            right = not bool(producing.any())
        elif kind == "unmatched_ok":
            accepted = bool(rows["food_id"].notna().any() or (rows["kind"] == "supplement").any())
            right = not accepted
        elif kind == "supplement":
            accepted, right = judge.supplement(rows, row)
        else:
            accepted, right = judge.food(rows, row)
        verdicts.append((i, row["category"], kind, accepted, right))
    return pd.DataFrame(verdicts, columns=["i", "category", "kind", "accepted", "right"])


def score_phrases(path: Path, show_failures: bool = False) -> dict[str, float]:
    foods = nl.load_foods()
    judge = Judge(foods)
    phrases = read_phrases(path)
    started = time.perf_counter()
    entries, _ = analyse_phrases(phrases, foods)
    seconds = time.perf_counter() - started
    by_phrase = {k: g for k, g in entries.groupby("phrase_no", sort=False)}
    empty = entries.iloc[:0]

    v = phrase_verdicts(phrases, by_phrase, judge)

    n = len(v)
    right = int(v["right"].sum())
    accepted = v[v["accepted"] & (v["kind"] != "supplement")]
    precision = accepted["right"].mean() if len(accepted) else float("nan")
    not_food = v[v["kind"] == "not_food"]
    unmatched_ok = v[v["kind"] == "unmatched_ok"]
    supplements = v[v["kind"] == "supplement"]

    print(f"diary phrases: {path}")
    print(f"  phrases                                  {n}")
    print(
        f"  right                                    {right}/{n} = {right / n:.1%}   (target 90%)"
    )
    print(
        f"  precision of accepted food matches       {int(accepted['right'].sum())}/{len(accepted)}"
        f" = {precision:.1%}   (target 97%)"
    )
    print(
        f"  not-food lines left alone                {int(not_food['right'].sum())}/{len(not_food)}"
        "   (target all)"
    )
    print(
        f"  foods USDA lacks left unmatched          "
        f"{int(unmatched_ok['right'].sum())}/{len(unmatched_ok)}"
    )
    print(
        f"  supplement lines right                   "
        f"{int(supplements['right'].sum())}/{len(supplements)}   (target all)"
    )
    print(f"  analysis time                            {seconds:.2f} s")
    print("  by category:")
    for category, group in v.groupby("category", sort=False):
        print(
            f"    {category:<12} {int(group['right'].sum()):>3}/{len(group):<3} {group['right'].mean():6.1%}"
        )

    if show_failures:
        print("  failures:")
        for _, fail in v[~v["right"]].iterrows():
            row = phrases.loc[fail["i"]]
            rows = by_phrase.get(fail["i"], empty)
            got = (
                "; ".join(
                    f"{r.food_id if pd.notna(r.food_id) else '-'} {r.description if pd.notna(r.description) else ''}"
                    f" [{r.kind}] {r.grams if pd.notna(r.grams) else 'NaN'} g"
                    for r in rows.itertuples()
                )
                or "(no entry)"
            )
            print(
                f"    [{row['category']}] {row['phrase']!r}\n"
                f"        want {row['expected_ids'] if pd.notna(row['expected_ids']) else row['kind']}"
                f" {row['grams'] if pd.notna(row['grams']) else ''} g\n        got  {got}"
            )
    return {
        "right": right / n,
        "precision": float(precision),
        "not_food_left": float(not_food["right"].mean()) if len(not_food) else float("nan"),
        "supplements_right": float(supplements["right"].mean())
        if len(supplements)
        else float("nan"),
    }


# --------------------------------------------------------------------------- exports


def _close_to_app(ours: pd.Series, app: pd.Series, share: float) -> pd.Series:
    """Within ``share`` of the app's value (or 1 mg); a missing value on either side is not."""
    return (ours - app).abs() <= np.maximum(share * app.abs(), 1.0)


def score_exports(paths: list[Path]) -> dict[str, float]:
    """Rows and days of recomputed Cronometer exports against the app's own values.

    A row is judged on a mineral only where the app gives that mineral (its branded
    foods often leave it empty, and USDA's own zero for a food the app leaves empty
    is no disagreement); a day compares the sums over those same rows. A row with
    no matching food keeps the app's values in the analysis: it is a miss as a row,
    and its app values count in its day (as in the user's daily totals). The strict
    figures, where every row the app leaves empty counts as a miss, are printed too.
    """
    print("real exports, recomputed from the bundled tables:")
    hits = {k: Counter() for k in ("rows", "days", "strict_rows", "strict_days")}
    judged = {k: Counter() for k in ("rows", "days")}
    n_rows = n_days = 0
    for path in paths:
        log = nl.read_log(path)
        app = log.entries.copy()
        result = nl.analyze(log, _PROFILE, recompute=True, min_day_kcal=0)
        ours = result.entries
        raw = pd.read_csv(path, dtype=str)
        category = raw["Category"] if "Category" in raw else pd.Series("", index=raw.index)
        amount_unit = raw["Amount"].fillna("").str.replace(r"^[\d.\s]+", "", regex=True).str.strip()
        own_recipe = amount_unit.str.lower().eq("serving").to_numpy()
        supplement = category.fillna("").eq("Supplements").to_numpy()
        real = ~(own_recipe | supplement)
        # export rows are lines 2.. of the file, in order
        keep_lines = set((np.flatnonzero(real) + 2).tolist())
        app = app[app["line"].isin(keep_lines)].set_index("line")
        ours = ours[ours["line"].isin(keep_lines)].set_index("line")
        common = app.index.intersection(ours.index)
        app, ours = app.loc[common], ours.loc[common]
        n_rows += len(common)
        matched = ours["food_id"].notna().sum()
        day = app["date"]
        recomputed = ours["food_id"].notna()
        for column in _MINERALS:
            a = app[column].astype(float)
            o = ours[column].astype(float)
            known = a.notna()
            # a row with no matching food keeps the app's values: never a hit
            ok = _close_to_app(o, a, 0.20) & recomputed
            hits["rows"][column] += int(ok[known].sum())
            judged["rows"][column] += int(known.sum())
            hits["strict_rows"][column] += int(ok.sum())
            da = a[known].groupby(day[known]).sum(min_count=1)
            do = o[known].groupby(day[known]).sum()
            hits["days"][column] += int(_close_to_app(do, da, 0.15).sum())
            judged["days"][column] += len(da)
            strict = _close_to_app(
                o.groupby(day).sum(min_count=1), a.groupby(day).sum(min_count=1), 0.15
            )
            hits["strict_days"][column] += int(strict.sum())
        days = day.nunique()
        n_days += days
        print(
            f"  {path.name}: {len(common)} food rows ({matched} matched;"
            f" {len(common) - matched} keep the app's values), {days} days"
        )
    out = {}
    for column in _MINERALS:
        n_r, n_d = judged["rows"][column], judged["days"][column]
        rows_share = hits["rows"][column] / n_r if n_r else float("nan")
        days_share = hits["days"][column] / n_d if n_d else float("nan")
        strict_rows = hits["strict_rows"][column] / n_rows if n_rows else float("nan")
        strict_days = hits["strict_days"][column] / n_days if n_days else float("nan")
        out[column] = (rows_share, days_share)
        print(
            f"  {column:<14} rows within 20%: {rows_share:6.1%} of {n_r:<4}"
            f" days within 15%: {days_share:6.1%} of {n_d:<3}"
            f" | strict: rows {strict_rows:6.1%} of {n_rows}, days {strict_days:6.1%} of {n_days}"
        )
    print(
        "  (judged where the app gives the mineral; strict: a row the app leaves empty is a miss)"
    )
    print("  (targets: 85% of rows, 75% of days)")
    return out


def report_summaries(paths: list[Path]) -> None:
    """Meal and day totals (MyFitnessPal, Cronometer ``dailysummary.csv``): read and kept.

    They name no food, so they cannot be recomputed: the analysis keeps the app's values.
    """
    print("meal and day totals (kept as the app reported them; nothing to recompute):")
    for path in paths:
        log = nl.read_log(path)
        result = nl.analyze(log, _PROFILE, recompute=True, min_day_kcal=0)
        entries = result.entries
        kept = all(
            np.allclose(entries[c].astype(float), log.entries[c].astype(float), equal_nan=True)
            for c in ("energy_kcal", "potassium_mg", "sodium_mg", "calcium_mg")
        )
        print(
            f"  {path.name}: {len(log.entries)} rows, {len(log.rejected)} rejected,"
            f" {entries['date'].nunique()} days, potassium known on"
            f" {int(entries['potassium_mg'].notna().sum())} rows,"
            f" values kept: {'yes' if kept and entries['status'].eq('reported').all() else 'NO'}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=Path, default=_SHARED / "matching-dev" / "phrases.csv")
    parser.add_argument(
        "--exports",
        type=Path,
        nargs="*",
        default=sorted((_SHARED / "exports" / "cronometer").glob("servings*.csv")),
    )
    parser.add_argument(
        "--summaries",
        type=Path,
        nargs="*",
        default=sorted((_SHARED / "exports" / "myfitnesspal").glob("*.csv"))
        + sorted((_SHARED / "exports" / "cronometer").glob("dailysummary*.csv")),
    )
    parser.add_argument("--failures", action="store_true", help="list every phrase that failed")
    args = parser.parse_args(argv)
    if not args.phrases.exists():
        print(f"no phrase set at {args.phrases}", file=sys.stderr)
        return 1
    score_phrases(args.phrases, args.failures)
    if args.exports:
        print()
        score_exports(args.exports)
    if args.summaries:
        print()
        report_summaries(args.summaries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
