"""Access to the data files shipped with nutrilog.

The repository keeps them in the top-level ``datasets/`` folder, which setuptools
installs as ``nutrilog.datasets``. When nutrilog is imported straight from a
checkout (Python or a notebook started in the repository folder, where the
in-tree ``nutrilog/`` package hides the installed one), the same files are read
from ``datasets/`` beside it. Nothing here reads anywhere else.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_IN_TREE = Path(__file__).resolve().parent.parent / "datasets"


@cache
def _datasets() -> Traversable:
    try:
        return resources.files("nutrilog.datasets")
    except ModuleNotFoundError:
        if (_IN_TREE / "foods.csv").is_file():
            return _IN_TREE
        raise


def dataset_path(name: str) -> Traversable:
    """Return the packaged data file ``name`` (e.g. ``"foods.csv"``).

    The installed package's copy is used; in a checkout without an install of
    the data package, the repository's ``datasets/`` folder.

    Examples
    --------
    >>> dataset_path("units.csv").name
    'units.csv'
    """
    return _datasets().joinpath(name)
