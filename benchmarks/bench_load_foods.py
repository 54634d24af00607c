"""Benchmark: cold load of the bundled food table.

Each measurement runs in a fresh Python process (so nothing is cached) and
reports the wall time of the call and its peak memory (tracemalloc peak of the
call, and the process's maximum resident set size). The baseline reads the
same three CSV files with plain ``pandas.read_csv`` in the same run, so the
ratio shows what :func:`nutrilog.foods.load_foods` adds (dtypes, indexes).

Run::

    python benchmarks/bench_load_foods.py [--repeat 3]

Examples
--------
>>> _measure("baseline")  # doctest: +SKIP
{'seconds': 0.09, 'peak_mb': 21.3, 'maxrss_mb': 120.5}
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence

_TABLES = ("foods.csv", "nutrients.csv", "portions.csv")


def _run_foods() -> None:
    from nutrilog.foods import load_foods

    load_foods()


def _run_baseline() -> None:
    import pandas as pd

    from nutrilog import dataset_path

    for name in _TABLES:
        with dataset_path(name).open("rb") as fh:
            pd.read_csv(fh)


def _child(kind: str) -> dict[str, float]:
    """Measure one cold call in this process (imports done before timing)."""
    import pandas  # noqa: F401  (imported before timing in both cases)

    import nutrilog.foods  # noqa: F401

    target = _run_foods if kind == "foods" else _run_baseline
    tracemalloc.start()
    start = time.perf_counter()
    target()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak / 2**20, "maxrss_mb": maxrss_kb / 1024}


def _measure(kind: str) -> dict[str, float]:
    """Run :func:`_child` in a fresh interpreter and return its numbers."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the cold load time and peak memory of ``load_foods`` and of the baseline."""
    parser = argparse.ArgumentParser(description="cold load benchmark of load_foods()")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per case (median shown)")
    parser.add_argument("--child", choices=["foods", "baseline"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child)))
        return 0
    results: dict[str, dict[str, float]] = {}
    for kind in ("baseline", "foods"):
        runs = [_measure(kind) for _ in range(args.repeat)]
        results[kind] = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    base, foods = results["baseline"], results["foods"]
    print(f"{'case':<28}{'seconds':>10}{'peak MB':>10}{'max RSS MB':>12}")
    for label, row in (("pandas.read_csv x3 (baseline)", base), ("load_foods()", foods)):
        print(f"{label:<28}{row['seconds']:>10.3f}{row['peak_mb']:>10.1f}{row['maxrss_mb']:>12.1f}")
    print(
        f"ratio load_foods / baseline: time {foods['seconds'] / base['seconds']:.2f}x, "
        f"peak memory {foods['peak_mb'] / base['peak_mb']:.2f}x "
        f"(median of {args.repeat} fresh processes each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
