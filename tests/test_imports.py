"""What ``import nutrilog`` loads: only what the names used need (fresh processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("pint", "matplotlib", "rapidfuzz", "pydantic", "rich", "yaml")


def _modules(code: str, **env: str) -> set[str]:
    """The top-level packages and nutrilog modules loaded by ``code`` in a new process."""
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=True,
    )
    return set(done.stdout.split())


def test_import_and_load_foods_leave_the_rest_unloaded() -> None:
    loaded = _modules("import nutrilog\nnutrilog.load_foods()")
    assert not {name for name in loaded if name.split(".")[0] in HEAVY}
    assert "nutrilog.foods" in loaded
    for module in (
        "nutrilog.analysis",
        "nutrilog.report",
        "nutrilog.matching",
        "nutrilog.plotting",
    ):
        assert module not in loaded, module


def test_public_names_load_their_module_on_first_use() -> None:
    loaded = _modules("import nutrilog\nnutrilog.assess_people\nnutrilog.__version__")
    assert "nutrilog.assessment" in loaded and "nutrilog.analysis" not in loaded
    assert "matplotlib" not in loaded


def test_the_unit_registry_works_without_a_writable_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file"  # a file where the cache folder would go
    blocked.write_text("x", encoding="utf-8")
    code = (
        "from nutrilog.units import convert, ureg\n"
        "assert convert(250, 'ml', 'g', 'water') == 250.0\n"
        "assert round(ureg.Quantity(400, 'IU').to('ug', 'vitamin_d').magnitude, 6) == 10.0"
    )
    for cache in (str(blocked), ""):  # unwritable, and no cache at all
        assert "pint" in _modules(code, NUTRILOG_CACHE_DIR=cache)
