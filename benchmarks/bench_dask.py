"""Benchmark: ``nutrilog.dask.analyze`` from 1 to 20 million rows, cost per row.

Each size runs in a fresh interpreter. The log is never held whole: its
partitions are generated lazily by Dask (``dask.dataframe.from_map``), each from
its own seed, with the columns of a structured log (person, date, meal, a food
text with its id, amount and unit; 1,000 people over 30 days, 2,000 foods), and
each is read, matched, weighed and summed into per-day parts by the workers;
only the daily table comes back.

Printed per size: seconds, seconds and CPU seconds per million rows, peak RSS
(the process and its largest worker process), and the ratio of the per-row cost
at the largest size to that at the smallest (target: flat, at most 1.3). Run::

    python benchmarks/bench_dask.py                    # 1, 5 and 20 million rows (a few minutes)
    python benchmarks/bench_dask.py --quick            # tiny sizes: the smoke test
    python benchmarks/bench_dask.py --sizes 1 5 --scheduler processes
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from functools import lru_cache

PEOPLE = 1_000
DAYS = 30
FOODS = 2_000

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {bench_dir!r})
from bench_dask import lazy_log
import nutrilog.dask as nld
import nutrilog as nl
rows, per_part, scheduler = {rows}, {per_part}, {scheduler!r}
t0, c0 = time.perf_counter(), time.process_time()
ddf = lazy_log(rows, per_part)
result = nld.analyze(ddf, nl.Profile(age=34, sex="female"), scheduler=scheduler)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
assert result.counts["entries"] == rows, result.counts
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu, "peak_mb": own, "worker_peak_mb": children,
                  "days": len(result.daily), "partitions": ddf.npartitions}}))
"""


@lru_cache(maxsize=1)
def _pool() -> tuple[list[str], list[str], list[str]]:
    """Food texts, their ids and a unit each food has a portion for (or grams)."""
    from nutrilog.foods import load_foods

    foods = load_foods()
    have = foods.portion_table.dropna(subset=["unit"]).groupby("id")["unit"].agg(set)
    ids = [i for i in have.index if i.startswith("sr28:")][:FOODS]
    units = ["cup" if "cup" in have[i] else "g" for i in ids]
    texts = [str(foods.foods.at[i, "description"]) for i in ids]
    return texts, ids, units


def make_partition(number: int, rows: int) -> object:
    """One partition of the synthetic log: ``rows`` rows from seed ``number``."""
    import numpy as np
    import pandas as pd

    texts, ids, units = _pool()
    rng = np.random.default_rng(number)
    pick = rng.integers(0, len(ids), rows)
    unit = np.array(units, dtype=object)[pick]
    amount = np.where(
        unit == "cup", np.round(rng.uniform(0.5, 2, rows), 1), rng.integers(20, 300, rows)
    )
    day = rng.integers(0, DAYS, rows)
    return pd.DataFrame(
        {
            "person": pd.Categorical.from_codes(
                rng.integers(0, PEOPLE, rows), [f"p{p:04d}" for p in range(PEOPLE)]
            ),
            "date": (pd.Timestamp("2026-10-01") + pd.to_timedelta(day, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "meal": rng.choice(["Breakfast", "Lunch", "Dinner", "Snack"], rows),
            "food": pd.Categorical.from_codes(pick, texts),
            "amount": amount.astype(float),
            "unit": unit,
            "food_id": pd.Categorical.from_codes(pick, ids),
        }
    )


def lazy_log(rows: int, per_part: int) -> object:
    """A Dask DataFrame of ``rows`` rows in partitions of ``per_part``, generated on demand."""
    import dask.dataframe as dd

    sizes = [per_part] * (rows // per_part) + ([rows % per_part] if rows % per_part else [])
    return dd.from_map(make_partition, range(len(sizes)), sizes, meta=make_partition(0, 0))


def _run(rows: int, per_part: int, scheduler: str) -> dict[str, float]:
    from pathlib import Path

    code = _CHILD.format(
        bench_dir=str(Path(__file__).resolve().parent),
        rows=rows,
        per_part=per_part,
        scheduler=scheduler,
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{rows:,} rows failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict[int, dict[str, float]]:
    """Time each size in a fresh process, print the table and the per-row cost ratio."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        type=float,
        nargs="+",
        default=[1, 5, 20],
        help="millions of rows (default 1 5 20)",
    )
    parser.add_argument("--partition-rows", type=int, default=250_000)
    parser.add_argument(
        "--scheduler",
        default="threads",
        help="Dask scheduler: threads (default), processes or sync; the CPU seconds printed "
        "count the benchmark's own process only (not the workers of 'processes')",
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the script runs")
    args = parser.parse_args(argv)
    if args.quick:
        sizes = [1_000, 3_000]
        per_part, scheduler = 1_000, "sync"
    else:
        sizes = [round(m * 1_000_000) for m in args.sizes]
        per_part, scheduler = args.partition_rows, args.scheduler
    results: dict[int, dict[str, float]] = {}
    t0 = time.perf_counter()
    print(
        f"scheduler {scheduler}, {per_part:,} rows per partition, {PEOPLE:,} people, "
        f"{DAYS} days, {FOODS:,} foods"
    )
    print(
        f"{'rows':>12}{'partitions':>12}{'seconds':>10}{'s per M rows':>14}"
        f"{'CPU s per M':>13}{'peak MB':>10}{'worker MB':>11}"
    )
    for rows in sizes:
        r = _run(rows, per_part, scheduler)
        r["per_million"] = r["seconds"] / (rows / 1e6)
        r["cpu_per_million"] = r["cpu_seconds"] / (rows / 1e6)
        results[rows] = r
        print(
            f"{rows:>12,}{r['partitions']:>12}{r['seconds']:>10.1f}{r['per_million']:>14.2f}"
            f"{r['cpu_per_million']:>13.2f}{r['peak_mb']:>10.0f}{r['worker_peak_mb']:>11.0f}",
            flush=True,
        )
    first, last = results[sizes[0]], results[sizes[-1]]
    ratio = last["per_million"] / first["per_million"]
    cpu_ratio = last["cpu_per_million"] / first["cpu_per_million"]
    print(
        f"per-row cost, {sizes[-1]:,} rows / {sizes[0]:,} rows: {ratio:.2f} in seconds, "
        f"{cpu_ratio:.2f} in CPU seconds (target <= 1.3); "
        f"total {time.perf_counter() - t0:.0f} s"
    )
    return results


if __name__ == "__main__":
    main()
