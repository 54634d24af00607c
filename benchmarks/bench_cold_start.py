"""Benchmark: cold start, ``import nutrilog`` and ``load_foods()`` in a fresh process.

The baseline is ``import pandas, pint`` in a fresh process: nutrilog cannot start
faster than its two main dependencies load. Each case runs as a whole new Python
process (wall time of the process, interpreter start included), the cases taking
turns so that a slow spell of a shared machine falls on all of them; the median
of ``--repeat`` runs is compared. The command ``nutrilog references`` is timed too,
for information. Every process runs in a temporary folder, so the installed
package is the one imported.

Target: ``import nutrilog; nutrilog.load_foods()`` within 1.3x of the baseline.

Run::

    python benchmarks/bench_cold_start.py [--repeat 9]

Examples
--------
>>> main(["--repeat", "1"])  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

TARGET = 1.3

#: Case -> the Python code a fresh process runs.
CASES: dict[str, list[str]] = {
    "baseline": ["-c", "import pandas, pint"],
    "nutrilog": ["-c", "import nutrilog; nutrilog.load_foods()"],
    "references": ["-m", "nutrilog", "references", "--age", "34", "--sex", "female"],
}

_LABELS = {
    "baseline": "import pandas, pint",
    "nutrilog": "import nutrilog; load_foods()",
    "references": "nutrilog references (CLI)",
}


def _seconds(args: list[str], folder: str) -> float:
    """Wall time of one fresh interpreter running ``args``."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], cwd=folder, check=True, capture_output=True, timeout=300
    )
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
    """Time every case ``--repeat`` times, taking turns; print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9, help="fresh processes per case")
    args = parser.parse_args(argv)
    runs: dict[str, list[float]] = {case: [] for case in CASES}
    with tempfile.TemporaryDirectory() as folder:
        _seconds(CASES["references"], folder)  # first run: pint's definition cache is written
        for _ in range(args.repeat):
            for case, code in CASES.items():
                runs[case].append(_seconds(code, folder))
    base = statistics.median(runs["baseline"])
    results = {
        case: {"seconds": statistics.median(times), "ratio": statistics.median(times) / base}
        for case, times in runs.items()
    }
    print(f"{'fresh process':32} {'seconds':>8} {'x baseline':>11}")
    for case, result in results.items():
        print(f"{_LABELS[case]:32} {result['seconds']:8.3f} {result['ratio']:11.2f}")
    print(f"median of {args.repeat} run(s) each; every run in seconds:")
    for case, times in runs.items():
        print(f"  {case:11} " + "  ".join(f"{t:.2f}" for t in times))
    met = "met" if results["nutrilog"]["ratio"] <= TARGET else "NOT met"
    print(f"target: import nutrilog + load_foods() within {TARGET}x of the baseline: {met}")
    return results


if __name__ == "__main__":
    main()
