"""Fixtures shared by the test modules: the bundled food table and a matcher over it,
built once per test session (both are read, never changed, by the tests)."""

from __future__ import annotations

import pytest

from nutrilog.foods import FoodTable, load_foods
from nutrilog.matching.match import Matcher


@pytest.fixture(scope="session")
def foods() -> FoodTable:
    return load_foods()


@pytest.fixture(scope="session")
def matcher(foods: FoodTable) -> Matcher:
    return Matcher(foods)
