"""Derived state belongs to the food table: no module-level cache is keyed by a table.

What is built from a :class:`~nutrilog.foods.FoodTable` (the matching index, the id
look-up, the prepared portions) is kept on the table as a cached property, so a table
with user foods builds its own and dropping a table frees it. A function cached at
module level (``functools.cache``/``lru_cache``) that takes a table would keep every
table alive and could hand one table's state to another.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "nutrilog"
CACHES = {"cache", "lru_cache", "cached_property"}
TABLE_NAMES = {"foods", "table", "food_table"}


def _cache_decorated(node: ast.FunctionDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name in CACHES:
            return True
    return False


def table_caches(source: str) -> list[str]:
    """Module-level cached functions of ``source`` that take a food table."""
    found = []
    for node in ast.parse(source).body:  # module level only: methods cache on their table
        if isinstance(node, ast.FunctionDef) and _cache_decorated(node):
            for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
                hint = ast.unparse(arg.annotation) if arg.annotation else ""
                if "FoodTable" in hint or arg.arg in TABLE_NAMES:
                    found.append(f"{node.name}({arg.arg})")
    return found


def test_the_check_finds_a_cache_keyed_by_a_table() -> None:
    source = (
        "from functools import cache, lru_cache\n"
        "@lru_cache(maxsize=4)\ndef index(foods: FoodTable) -> int: ...\n"
        "@cache\ndef rows(table) -> int: ...\n"
        "@cache\ndef words(text: str) -> int: ...\n"
        "class FoodTable:\n    @cache\n    def own(self, foods): ...\n"
    )
    assert table_caches(source) == ["index(foods)", "rows(table)"]


def test_no_module_level_cache_is_keyed_by_a_food_table() -> None:
    files = sorted(ROOT.rglob("*.py"))
    assert len(files) > 100
    found = {
        str(path.relative_to(ROOT)): hits
        for path in files
        if (hits := table_caches(path.read_text(encoding="utf-8")))
    }
    assert found == {}
