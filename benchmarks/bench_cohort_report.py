"""Benchmark: the report of a cohort against the analysis it reports on.

A cohort log is generated for ``--people`` people (default: 1,000 and 5,000),
each with their own age (whole years 1-90) and sex, two days each and 15 foods
per day, every row with its food id and grams. For each size, in one process:

* **analysis**: ``read_log`` + ``analyze`` of the CSV (what the CLI does before
  the report);
* **report**: ``Analysis.report()`` (population summary, one compact line per
  person, data quality) and its rendering as text (the CLI's default), Markdown,
  HTML and JSON, each timed on its own;
* **population summary alone**: ``Analysis.population()`` (part of the report);
* **report with two people's sections**: ``report(persons=[two people])`` as
  text, the cost of ``--person ID --person ID`` on a cohort.

Printed: seconds, and each report time as a multiple of the analysis time. The
target is that every report stays within 2x of the analysis time and grows
linearly with people (seconds per 1,000 people printed for each size). The
script exits 1 when a report takes more than ``--limit`` (default 2) times the
analysis. Run::

    python benchmarks/bench_cohort_report.py                  # 1,000 and 5,000 people
    python benchmarks/bench_cohort_report.py --people 200 --repeat 1
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FOODS_PER_DAY = 15
DAYS = 2


def make_cohort(path: Path, people: int, seed: int = 3) -> dict[str, Any]:
    """Write a cohort CSV (person, date, food, food_id, amount, unit) and return the profiles."""
    import numpy as np
    import pandas as pd

    import nutrilog as nl
    from nutrilog.foods import load_foods

    foods = load_foods().foods
    ids = [i for i in foods.index if str(i).startswith("sr28:")][:800]
    texts = foods.loc[ids, "description"].astype(str).str.lower().to_numpy(dtype=object)
    rng = np.random.default_rng(seed)
    rows = people * DAYS * FOODS_PER_DAY
    names = np.array([f"p{i:05d}" for i in range(people)], dtype=object)
    pick = rng.integers(0, len(ids), rows)
    pd.DataFrame(
        {
            "person": np.repeat(names, DAYS * FOODS_PER_DAY),
            "date": np.tile(np.repeat(["2026-11-01", "2026-11-02"], FOODS_PER_DAY), people),
            "food": texts[pick],
            "food_id": np.array(ids, dtype=object)[pick],
            "amount": rng.uniform(20, 300, rows).round(1),
            "unit": "g",
        }
    ).to_csv(path, index=False)
    ages = rng.integers(1, 91, people)
    sexes = rng.choice(["female", "male"], people)
    return {
        str(n): nl.Profile(age=float(a), sex=str(s))
        for n, a, s in zip(names, ages, sexes, strict=True)
    }


def _timed(step: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


def run(people: int, repeat: int, folder: Path) -> dict[str, float]:
    """Median seconds of each step for one cohort size."""
    import nutrilog as nl

    path = folder / f"cohort_{people}.csv"
    profiles = make_cohort(path, people)
    two = list(profiles)[:2]
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    for _ in range(repeat):
        seconds, result = _timed(lambda: nl.analyze(nl.read_log(path), profiles))
        note("analysis", seconds)
        seconds, _ = _timed(result.population)
        note("population summary alone", seconds)
        seconds, report = _timed(result.report)
        note("report (build)", seconds)
        for fmt in ("text", "markdown", "html", "json"):
            rendered, _ = _timed(lambda fmt=fmt, report=report: report.render(fmt))
            note(f"report as {fmt}", seconds + rendered)
        seconds, _ = _timed(lambda result=result: result.report(persons=two).to_text())
        note("report as text, 2 people's sections", seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> dict[int, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=2.0)
    args = parser.parse_args(argv)
    results: dict[int, dict[str, float]] = {}
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        run(10, 1, Path(tmp))  # warm-up: the food table and the matcher load once
        for people in args.people:
            found = run(people, args.repeat, Path(tmp))
            results[people] = found
            base = found["analysis"]
            print(f"\n{people:,} people, {people * DAYS * FOODS_PER_DAY:,} rows "
                  f"(median of {args.repeat}):")  # fmt: skip
            for name, seconds in found.items():
                ratio = seconds / base
                if name != "analysis":
                    worst = max(worst, ratio)
                print(
                    f"  {name:<38} {seconds:7.3f} s  {ratio:5.2f} x analysis  "
                    f"{seconds / people * 1000:6.3f} s per 1,000 people"
                )
    verdict = "met" if worst <= args.limit else "NOT met"
    print(f"\nworst report / analysis: {worst:.2f} x (target {args.limit:g} x): {verdict}")
    if worst > args.limit and argv is None:
        sys.exit(1)
    return results


if __name__ == "__main__":
    main()
