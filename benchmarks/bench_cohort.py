"""Benchmark: a cohort of coded recalls, each person with their own profile, against plain pandas.

The input is what a dietary survey hands a researcher: ``--people`` people
(default 10,000) with their own ages (decimals included: 0.25 to 85 years, as
surveys give months for infants and exact ages for others) and sexes, two
recall days each, ``--foods-per-day`` coded foods per person-day (default 15):
``person, recall_day, food_code, grams`` with FNDDS food codes and SR28 NDB
numbers as bare numbers and no food text; and a people file
``person, age, sex, pregnant, lactating``.

The baseline, timed in the same run, is the hand-written pandas an analyst
would use: ``read_csv``, a merge with the per-100 g nutrient table on the code,
a multiplication and a group-by sum per person and day. nutrilog reads the log
(validating every row and code), reads the people file, matches every code,
totals per person and day, and assesses every person against the reference
values of their own DRI group; when ``Analysis.population`` exists it is
called too.

Each step runs in a fresh process, the steps taking turns, ``--repeat`` times
(default 7); each step's median is printed, and the ratio judged is the median of the
ratios of the pairs of runs (a baseline run, then a nutrilog run right after it, under
the same load of the machine). Imports and
the loading of the food table happen before the clock starts, in both steps
(``bench_cold_start.py`` measures them): for nutrilog, the modules the step imports
on first use too (matching, portions, people, population figures). Target: 3x of the elapsed time; the
processor time of both steps is printed too (it moves less than the elapsed time
on a machine shared with other work). Run::

    python benchmarks/bench_cohort.py                       # full size
    python benchmarks/bench_cohort.py --people 200 --repeat 1
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _child import daily_totals, print_times, run_child, summarize

#: The target: read + analyse within this many times the pandas baseline.
TARGET = 3.0


def _codes(n_foods: int, seed: int = 1) -> list[str]:
    """Bare food codes as research files write them: FNDDS codes and SR28 NDB numbers."""
    import numpy as np

    from nutrilog.foods import load_foods

    ids = load_foods().nutrients.dropna(subset=["magnesium_mg"]).index.to_numpy()
    rng = np.random.default_rng(seed)
    chosen = rng.choice(ids, min(n_foods, len(ids)), replace=False)
    return [str(int(i.split(":")[1])) for i in chosen]  # sr28:01001 is written 1001


def make_cohort(
    log: Path, people_path: Path, people: int, per_day: int, n_foods: int, seed: int = 2
) -> int:
    """Write the log and the people file; return the number of log rows."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    ages = np.round(rng.uniform(0.25, 85.0, people), 2)
    sexes = rng.choice(["female", "male"], people)
    pregnant = (sexes == "female") & (ages >= 18) & (ages < 45) & (rng.random(people) < 0.05)
    ids = np.arange(83_732, 83_732 + people)
    pd.DataFrame(
        {
            "person": ids,
            "age": ages,
            "sex": sexes,
            "pregnant": np.where(pregnant, "yes", ""),
            "lactating": "",
        }
    ).to_csv(people_path, index=False)
    codes = np.array(_codes(n_foods), dtype=object)
    n = people * 2 * per_day
    person = np.repeat(ids, 2 * per_day)
    day = np.tile(np.repeat([1, 2], per_day), people)
    pd.DataFrame(
        {
            "person": person,
            "recall_day": day,
            "food_code": codes[rng.integers(0, len(codes), n)],
            "grams": np.round(rng.uniform(5, 400, n), 1),
        }
    ).to_csv(log, index=False)
    return n


_CHILD = {
    "baseline": """
import pandas as pd
from nutrilog.foods import load_foods
per100 = load_foods().nutrients
log = pd.read_csv(PATH)
READ = time.perf_counter() - t0
codes = pd.Series(log["food_code"].unique())  # ids worked out once per distinct code
text = codes.astype(str)
ids = text.where(codes < 10_000_000, "fndds:" + text).where(
    codes >= 10_000_000, "sr28:" + text.str.zfill(5)
)
log["id"] = log["food_code"].map(pd.Series(ids.to_numpy(), index=codes))
"""
    + daily_totals("per100", "id", "recall_day"),
    "nutrilog": """
import nutrilog as nl
log = nl.read_log(PATH)
READ = time.perf_counter() - t0
result = nl.analyze(log, PEOPLE)
if hasattr(result, "population"):
    result.population()
RESULT = len(result.daily)
""",
}


def _run_child(step: str, path: Path, people: Path) -> dict[str, float]:
    """Run one step in a fresh interpreter (``_child.run_child``)."""
    return run_child(
        step,
        _CHILD[step],
        path.parent,
        names={"PATH": str(path), "PEOPLE": str(people)},
        imports="import nutrilog.iotools, nutrilog.analysis, nutrilog.assessment, "
        "nutrilog.explanations, nutrilog.people, nutrilog.portions, nutrilog.recompute, "
        "nutrilog.matching.entries, nutrilog.analysis.population, "
        "nutrilog.assessment.population\n",
    )


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Generate the inputs, time each step and print the table; return the measurements."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--foods-per-day", type=int, default=15)
    parser.add_argument("--foods", type=int, default=3_000, help="distinct food codes")
    parser.add_argument("--repeat", type=int, default=7, help="runs per step (median reported)")
    args = parser.parse_args(argv)
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "nutrilog": []}
    with tempfile.TemporaryDirectory() as tmp:
        log, people = Path(tmp) / "cohort.csv", Path(tmp) / "people.csv"
        t0 = time.perf_counter()
        rows = make_cohort(log, people, args.people, args.foods_per_day, args.foods)
        print(
            f"inputs generated in {time.perf_counter() - t0:.1f} s: {args.people:,} people, "
            f"{rows:,} coded foods ({log.stat().st_size / 1e6:.1f} MB)"
        )
        for _ in range(max(1, args.repeat)):
            for step in ("baseline", "nutrilog"):
                runs[step].append(_run_child(step, log, people))
    results = summarize(runs)
    base = results["baseline"]["seconds"]
    labels = {
        "baseline": "plain pandas (read, merge, sum)",
        "nutrilog": "read_log + analyze (people file)",
    }
    print(f"{'step':<36}{'seconds':>10}{'x baseline':>12}{'peak MB':>10}")
    for key, row in results.items():
        print(
            f"{labels[key]:<36}{row['seconds']:>10.2f}{row['seconds'] / base:>12.2f}"
            f"{row['peak_mb']:>10.0f}"
        )
    medians = results["nutrilog"]["seconds"] / base
    # each pair of runs (baseline, then nutrilog) shares the machine's load of its moment:
    # the median of the pairs' ratios is the figure a shared machine moves least
    ratio = statistics.median(
        n["seconds"] / b["seconds"] for b, n in zip(runs["baseline"], runs["nutrilog"], strict=True)
    )
    cpu = {key: row["cpu_seconds"] for key, row in results.items()}
    print(
        f"processor time (all threads): baseline {cpu['baseline']:.2f} s, nutrilog "
        f"{cpu['nutrilog']:.2f} s, {cpu['nutrilog'] / cpu['baseline']:.2f}x"
    )
    print(f"ratio of the medians {medians:.2f}x")
    print(
        f"ratio {ratio:.2f}x baseline, median of {len(runs['nutrilog'])} paired runs "
        f"(target {TARGET:g}x: {'met' if ratio <= TARGET else 'NOT met'})"
    )
    print_times(results, args.repeat, 10)
    return results


if __name__ == "__main__":
    main()
