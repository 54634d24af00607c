"""Names of a package imported from their modules when first used (PEP 562).

A package that lists such names keeps its import light: ``nutrilog.iotools`` loads the
readers of other formats only when one is asked for.

Examples
--------
>>> import nutrilog.iotools as io
>>> io.parse_entries.__module__
'nutrilog.iotools.text'
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["later_names"]


def later_names(package: str, later: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: a name of ``later`` (name -> module)
    imported on first use and kept in the package, any other an ``AttributeError``."""

    def attribute(name: str) -> Any:
        if name not in later:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(later[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    return attribute
