"""Run one benchmark step in a fresh Python process and read back its measurements.

Shared by the benchmarks that time whole steps (``bench_pipeline.py``,
``bench_cohort.py``). A step is Python source that sets ``READ`` (seconds spent
reading) and ``RESULT`` (a number checked against the other steps); the clock starts
after the imports and the food table are loaded, so only the work is timed.
"""

from __future__ import annotations

import json
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
