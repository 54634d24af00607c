"""nutrilog imported straight from the repository folder finds its data tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_from_the_repository_root_loads_the_tables() -> None:
    # Python puts the working directory first on sys.path, so the in-tree
    # package is the one imported, whatever is installed.
    script = (
        "import nutrilog as nl, pathlib;"
        "print(pathlib.Path(nl.__file__).resolve().parent);"
        "foods = nl.load_foods(); print(len(foods));"
        "print(nl.reference_intakes(nl.Profile(age=34, sex='female')).shape[0])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    where, n_foods, n_refs = done.stdout.split()
    assert Path(where) == REPO / "nutrilog"
    assert int(n_foods) == 15872
    assert int(n_refs) >= 7
