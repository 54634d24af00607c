"""Load the data build scripts of ``datasets/build/`` (kept in the repository, not installed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BUILD = Path(__file__).resolve().parents[1] / "datasets" / "build"


def load(name: str) -> ModuleType:
    """The build script ``datasets/build/<name>.py`` as a module (loaded once)."""
    key = f"_nutrilog_build_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, BUILD / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]
