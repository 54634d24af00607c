"""Access to the data files shipped inside the installed package.

The repository keeps them in the top-level ``datasets/`` folder, which setuptools
installs as ``nutrilog.datasets``; nothing here reads outside the package.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

__all__ = ["dataset_path"]


def dataset_path(name: str) -> Traversable:
    """Return the packaged data file ``name`` (e.g. ``"foods.csv"``).

    Examples
    --------
    >>> dataset_path("units.csv").name
    'units.csv'
    """
    return resources.files("nutrilog.datasets").joinpath(name)
