"""Run the docstring examples of every module of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import matplotlib
import pytest

import nutrilog

matplotlib.use("Agg")

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(nutrilog.__path__, prefix="nutrilog.")
    if not name.endswith("__main__") and not name.startswith("nutrilog.datasets.")
)


def test_every_public_module_is_documented() -> None:
    assert "nutrilog.analysis" in MODULES and "nutrilog.iotools" in MODULES
    for name in MODULES:
        assert importlib.import_module(name).__doc__, f"{name} has no module docstring"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that save files write here
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
