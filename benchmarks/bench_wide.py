"""Benchmark: logs with many empty trailing columns (spreadsheet exports) read in linear time.

Spreadsheet programs export rows padded with thousands of empty columns. Such
columns have no header name; the reader drops them as each line is split, so
the cost must follow the file size, not the number of columns times rows.

Inputs, written to a temporary folder:

* the issue's case: a header plus 10,000 commas and one row (about 10 KB);
* ``--rows`` rows (default 2,000) of ``date,food,amount,unit`` padded with 0,
  100, 1,000 and 10,000 empty columns, the header padded the same way.

Printed: bytes, seconds (median of ``--repeat``), MB per second, and the
seconds per MB of padding (the time beyond the unpadded file, the baseline
measured in the same run, over the bytes beyond it). Targets: the 10 KB file in
under a second, and linear cost: seconds per MB of padding with 10,000 columns
at most twice that with 1,000 (a cost in columns times rows would make it ten
times). Run::

    python benchmarks/bench_wide.py
    python benchmarks/bench_wide.py --rows 200 --repeat 1    # quick
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path

ROW = "2026-11-20,rice,1,cup"
HEADER = "date,food,amount,unit"


def _write(path: Path, rows: int, pad: int) -> Path:
    tail = "," * pad
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADER + tail + "\n")
        for _ in range(rows):
            fh.write(ROW + tail + "\n")
    return path


def _time(path: Path, repeat: int) -> tuple[float, int]:
    from nutrilog.iotools import read_log

    seconds, entries = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the "columns without a name" warning
            log = read_log(path)
        seconds.append(time.perf_counter() - start)
        entries = len(log.entries)
    return statistics.median(seconds), entries


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from nutrilog.iotools import read_log

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        read_log(_write(base / "warm.csv", 2, 0))  # imports and tables loaded before timing
        cases = [("issue: header + 10,000 commas, 1 row", _write(base / "issue.csv", 1, 10_000))]
        cases += [
            (
                f"{args.rows:,} rows, {pad:,} empty columns",
                _write(base / f"w{pad}.csv", args.rows, pad),
            )
            for pad in (0, 100, 1_000, 10_000)
        ]
        print(f"{'file':<40} {'bytes':>12} {'seconds':>8} {'MB/s':>8} {'entries':>8}")
        for name, path in cases:
            seconds, entries = _time(path, args.repeat)
            size = path.stat().st_size
            rate = size / 2**20 / seconds
            results[name] = {
                "bytes": size,
                "seconds": seconds,
                "mb_per_s": rate,
                "entries": entries,
            }
            print(f"{name:<40} {size:>12,} {seconds:>8.3f} {rate:>8.1f} {entries:>8,}")
    issue = results[cases[0][0]]
    narrow = results[cases[1][0]]
    marginal = {}  # seconds per MB beyond the narrow file: constant when the cost is linear
    for name, _ in cases[2:]:
        r = results[name]
        marginal[name] = (r["seconds"] - narrow["seconds"]) / (
            (r["bytes"] - narrow["bytes"]) / 2**20
        )
        print(f"  {name}: {marginal[name]:.3f} s per MB of padding")
    mid, wide = marginal[cases[3][0]], marginal[cases[4][0]]
    print(
        f"target: the 10 KB file in under 1 s: {issue['seconds']:.3f} s, "
        f"{'met' if issue['seconds'] < 1 else 'NOT met'}"
    )
    print(
        "target: linear cost (s per MB with 10,000 columns at most 2x that with 1,000; "
        f"quadratic would be 10x): {wide / mid:.2f}x, {'met' if wide <= 2 * mid else 'NOT met'}"
    )
    return results


if __name__ == "__main__":
    main()
