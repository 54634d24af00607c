"""Run one benchmark step in a fresh Python process and read back its measurements.

Shared by the benchmarks that time whole steps (``bench_pipeline.py``,
``bench_cohort.py``). A step is Python source that sets ``READ`` (seconds spent
reading) and ``RESULT`` (a number checked against the other steps); the clock starts
after the imports and the food table are loaded, so only the work is timed.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

_REPORT = (
    "\nsecs = time.perf_counter() - t0\ncpu = time.process_time() - c0\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "print(json.dumps({'seconds': secs, 'cpu_seconds': cpu, 'read_seconds': READ, "
    "'peak_mb': peak, 'result': RESULT}))\n"
)


def run_child(
    name: str,
    body: str,
    cwd: Path,
    *,
    names: dict[str, str],
    imports: str = "",
    without_pyarrow: bool = False,
) -> dict[str, float]:
    """Run ``body`` in a fresh interpreter; return its seconds, processor seconds,
    reading seconds, peak RSS (MB) and result.

    ``names`` become string constants of the step (``{"PATH": "/tmp/log.csv"}``);
    ``imports`` is extra setup done before the clock starts; ``without_pyarrow``
    hides pyarrow, as in an install without it. The step runs in ``cwd`` (beside its
    input, not in the repository, so the installed package is imported).
    """
    code = (
        ("import sys\nsys.modules['pyarrow'] = None\n" if without_pyarrow else "")
        + "import resource, time, json\nimport nutrilog, pandas\n"
        + imports
        + "from nutrilog.foods import load_foods\nload_foods()\n"
        + "".join(f"{key} = {value!r}\n" for key, value in names.items())
        + "t0 = time.perf_counter()\nc0 = time.process_time()\n"
        + body
        + _REPORT
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark step {name!r} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def summarize(runs: dict[str, list[dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Each step's runs in one row: the medians of its seconds (wall, reading,
    processor), the highest peak RSS, the first run's result and every run's seconds."""
    return {
        step: {
            "seconds": statistics.median(r["seconds"] for r in done),
            "read_seconds": statistics.median(r["read_seconds"] for r in done),
            "cpu_seconds": statistics.median(r["cpu_seconds"] for r in done),
            "peak_mb": max(r["peak_mb"] for r in done),
            "result": done[0]["result"],
            "all_seconds": [r["seconds"] for r in done],
        }
        for step, done in runs.items()
    }


def daily_totals(table: str, food_id: str, day: str) -> str:
    """Source of the plain-pandas baseline's last lines: ``log`` (with ``grams`` and a
    ``food_id`` column) joined to ``table`` (nutrients per 100 g), scaled to the grams and
    summed per person and ``day``; the number of days is the step's ``RESULT``."""
    return (
        f"cols = list({table}.columns)\n"
        f'log = log.merge({table}, left_on="{food_id}", right_index=True, how="left")\n'
        'log[cols] = log[cols].mul(log["grams"] / 100, axis=0)\n'
        f'daily = log.groupby(["person", "{day}"])[cols].sum()\n'
        "RESULT = len(daily)\n"
    )


def print_times(
    results: dict[str, dict[str, float]], repeat: int, width: int, reading: str = "reading"
) -> None:
    """Print each step's reading and other seconds (medians), then every run's seconds;
    ``width`` is the column of the step names, ``reading`` names the reading part."""
    print(f"{reading} and the rest, medians in seconds:")
    for key, row in results.items():
        rest = row["seconds"] - row["read_seconds"]
        print(f"  {key:<{width}}read {row['read_seconds']:.2f}  rest {rest:.2f}")
    print(f"median of {max(1, repeat)} run(s) per step; every run in seconds:")
    for key, row in results.items():
        print(f"  {key:<{width}}" + "  ".join(f"{s:.2f}" for s in row["all_seconds"]))
