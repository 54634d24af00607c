"""Benchmark: ``read_log`` + ``analyze`` on a large synthetic log, against plain pandas.

Three inputs are generated in a temporary folder:

* a structured CSV log of ``--entries`` rows (default 1,000,000) for ``--people``
  people (default 1,000) over 30 days, drawing from ``--foods`` distinct food
  texts (default 2,000) with mixed units (g, oz, cup, tbsp, medium, slice, bare
  counts) and a known food id on every row;
* a free-text diary of ``--lines`` lines (default 100,000);
* the long-description variant (``--no-long`` skips it): the structured log again,
  its food column holding 2,000 full USDA descriptions of 40-80 characters (SR28 and
  FNDDS, as USDA writes them) with their ids, against its own pandas baseline.

The baseline, timed in the same run, is what a careful analyst would write by
hand with pandas: ``read_csv``, a merge with a grams-per-unit table and with the
per-100 g nutrient table on the food id, a multiplication and a group-by sum per
person and day. nutrilog does more (format detection, parsing every amount,
matching, unit-safe gram resolution, coverage, the IOM assessment per person),
so the ratio is the price of that work.

Printed: seconds and processor (CPU) seconds, their ratios to the baseline, and peak
memory (RSS high-water mark of a fresh child process per step). Each step runs
``--repeat`` times (default 3), the steps taking turns so that a slow spell of a
shared machine falls on all of them; the median time and the highest peak are printed. Run::

    python benchmarks/bench_pipeline.py                 # full size (about a minute)
    python benchmarks/bench_pipeline.py --entries 20000 --people 20 --lines 2000 --repeat 1
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _child import daily_totals, print_times, run_child, summarize

UNITS = [("g", 50, 250), ("oz", 1, 8), ("cup", 0.5, 2), ("tbsp", 1, 3), ("medium", 1, 2), ("", 1, 3)]


def _food_pool(n_foods: int, seed: int = 1, long: bool = False) -> list[tuple[str, str, str]]:
    """(text, food_id, unit) triples: real foods with the units they have portions for.

    Short texts (the default) are SR28 descriptions, lower-cased, two in three cut to
    their first four words. ``long``: the full USDA descriptions of 40-80 characters,
    as USDA writes them, from SR28 and FNDDS alike ("Fish, tuna, white, canned in oil,
    without salt, drained solids").
    """
    from nutrilog.foods import load_foods

    foods = load_foods()
    portions = foods.portion_table
    have = portions.dropna(subset=["unit"]).groupby("id")["unit"].agg(set)
    rng = random.Random(seed)
    described = foods.foods["description"].astype(str)
    if long:
        fits = described.str.len().between(40, 80)
        ids = [i for i in have.index if i in fits.index and fits[i]]
    else:
        ids = [i for i in have.index if i.startswith("sr28:")]
    rng.shuffle(ids)
    pool = []
    for fid in ids:
        units = have[fid]
        choice = [u for u, _, _ in UNITS if u in units or u in ("g", "oz")]
        if "medium" in units:
            choice.append("")
        if long:
            text = described[fid]
        else:
            desc = described[fid].lower()
            words = desc.replace(",", " ").split()
            variant = len(pool) % 3
            text = " ".join(words[:4]) if variant else desc
        pool.append((text, fid, rng.choice(choice)))
        if len(pool) >= n_foods:
            break
    return pool


def make_structured(
    path: Path, n: int, people: int, n_foods: int, seed: int = 2, long: bool = False
) -> None:
    """Write a structured CSV log of ``n`` rows (``long``: USDA descriptions as food texts)."""
    import numpy as np
    import pandas as pd

    pool = _food_pool(n_foods, long=long)
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(pool), n)
    ranges = {u: (lo, hi) for u, lo, hi in UNITS}
    texts = np.array([p[0] for p in pool], dtype=object)[pick]
    ids = np.array([p[1] for p in pool], dtype=object)[pick]
    units = np.array([p[2] for p in pool], dtype=object)[pick]
    lo = np.array([ranges[u][0] for u in units], dtype=float)
    hi = np.array([ranges[u][1] for u in units], dtype=float)
    amount = np.round(lo + (hi - lo) * rng.random(n), 1)
    person = rng.integers(0, people, n)
    day = pd.Timestamp("2026-10-01") + pd.to_timedelta(rng.integers(0, 30, n), unit="D")
    frame = pd.DataFrame(
        {
            "person": [f"p{p:04d}" for p in person],
            "date": day.strftime("%Y-%m-%d"),
            "meal": rng.choice(["Breakfast", "Lunch", "Dinner", "Snack"], n),
            "food": texts,
            "amount": amount,
            "unit": units,
            "food_id": ids,
        }
    )
    frame.to_csv(path, index=False)


def make_text(path: Path, n: int, n_foods: int, seed: int = 3) -> None:
    """Write a free-text diary of ``n`` entry lines with day headings."""
    pool = _food_pool(n_foods)
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        if i % 20 == 0:
            lines.append(f"\n2026-10-{1 + (i // 20) % 28:02d}")
        text, _, unit = pool[rng.randrange(len(pool))]
        qty = rng.choice(["1", "2", "1/2", "1 1/2", "a", "3"])
        lines.append(f"{qty} {unit} {text}".replace("  ", " ") if unit else f"{qty} {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


_CHILD = {
    "baseline": """
import pandas as pd
from nutrilog.foods import load_foods
from nutrilog.portions import grams_per_unit
foods = load_foods()
log = pd.read_csv(PATH)
READ = time.perf_counter() - t0
per_unit = log[["food_id", "unit"]].drop_duplicates()
from nutrilog.units import normalize_unit
def one(fid, unit):
    info = normalize_unit(unit) if isinstance(unit, str) else None
    return grams_per_unit(fid, info.unit if info else None, info.kind if info else None, foods)[0]
per_unit["g"] = [one(f, u) for f, u in zip(per_unit["food_id"], per_unit["unit"])]
log = log.merge(per_unit, on=["food_id", "unit"], how="left")
log["grams"] = log["amount"] * log["g"]
"""
    + daily_totals("foods.nutrients", "food_id", "date"),
    "structured": """
import nutrilog as nl
log = nl.read_log(PATH)
READ = time.perf_counter() - t0
profile = nl.Profile(age=34, sex="female")
result = nl.analyze(log, profile)
RESULT = len(result.daily)
""",
    "text": """
import nutrilog as nl
log = nl.read_log(PATH, format="text")
READ = time.perf_counter() - t0
result = nl.analyze(log, nl.Profile(age=34, sex="female"))
RESULT = len(result.entries)
""",
}


def _run_child(step: str, path: Path, without_pyarrow: bool = False) -> dict[str, float]:
    """Run one step in a fresh interpreter (``_child.run_child``); ``without_pyarrow``
    hides pyarrow, as in an install without it (pandas then keeps strings in Python
    objects, for the baseline as for nutrilog)."""
    return run_child(
        step, _CHILD[step], path.parent, names={"PATH": str(path)}, without_pyarrow=without_pyarrow
    )


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Generate the inputs, time each step and print a table; return the measurements."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=1_000)
    parser.add_argument("--foods", type=int, default=2_000)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median reported)")
    parser.add_argument(
        "--no-long", action="store_true", help="skip the long-description variant"
    )
    parser.add_argument(
        "--without-pyarrow",
        action="store_true",
        help="hide pyarrow in every step, as in an install without it (pandas' read_csv is "
        "several times faster with pyarrow's strings, which moves the baseline)",
    )
    args = parser.parse_args(argv)
    # step -> (child code, input); the long variant has its own baseline on its own file
    steps = {"baseline": "csv", "structured": "csv", "text": "txt"}
    if not args.no_long:
        steps |= {"baseline_long": "long", "long": "long"}
    runs: dict[str, list[dict[str, float]]] = {step: [] for step in steps}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {
            "csv": Path(tmp) / "log.csv",
            "txt": Path(tmp) / "diary.txt",
            "long": Path(tmp) / "long" / "log.csv",
        }
        t0 = time.perf_counter()
        make_structured(paths["csv"], args.entries, args.people, args.foods)
        make_text(paths["txt"], args.lines, args.foods)
        if not args.no_long:
            paths["long"].parent.mkdir()
            make_structured(paths["long"], args.entries, args.people, args.foods, long=True)
        print(f"inputs generated in {time.perf_counter() - t0:.1f} s: "
              f"{args.entries:,} structured entries ({paths['csv'].stat().st_size / 1e6:.0f} MB), "
              f"{args.lines:,} diary lines"
              + ("" if args.no_long else
                 f", {args.entries:,} entries with long descriptions "
                 f"({paths['long'].stat().st_size / 1e6:.0f} MB)"))
        for _ in range(max(1, args.repeat)):
            for step, kind in steps.items():
                code = {"baseline_long": "baseline", "long": "structured"}.get(step, step)
                runs[step].append(_run_child(code, paths[kind], args.without_pyarrow))
    results = summarize(runs)
    print(f"{'step':<44}{'seconds':>10}{'x baseline':>12}{'CPU s':>8}{'x CPU':>8}{'peak MB':>10}")
    labels = {
        "baseline": "plain pandas (read, merge, sum)",
        "structured": f"read_log + analyze, {args.entries:,} rows",
        "text": f"free text, {args.lines:,} lines",
        "baseline_long": "plain pandas, long descriptions",
        "long": "read_log + analyze, long descriptions",
    }
    for key, row in results.items():
        base = results["baseline_long" if key.endswith("long") else "baseline"]
        print(
            f"{labels[key]:<44}{row['seconds']:>10.2f}{row['seconds'] / base['seconds']:>12.2f}"
            f"{row['cpu_seconds']:>8.2f}{row['cpu_seconds'] / base['cpu_seconds']:>8.2f}"
            f"{row['peak_mb']:>10.0f}"
        )
    print("CPU s: processor time of the step's process (less moved by other work on a shared "
          "machine than wall-clock seconds)")
    print_times(results, args.repeat, 14, "reading (read_csv / read_log)")
    return results


if __name__ == "__main__":
    main()
