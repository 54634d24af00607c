"""The version of nutrilog: the installed distribution's, else the checkout's pyproject.toml.

Examples
--------
>>> version() == __import__("nutrilog").__version__
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def version() -> str:
    """The version string (``"0+unknown"`` when neither is found)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("nutrilog")
    except PackageNotFoundError:  # imported from a checkout that was never installed
        if _PYPROJECT.is_file():
            import tomllib

            project = tomllib.loads(_PYPROJECT.read_text(encoding="utf-8")).get("project", {})
            if project.get("name") == "nutrilog" and "version" in project:
                return str(project["version"])
        return "0+unknown"
