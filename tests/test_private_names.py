"""Private stays private: no ``_name`` is imported from another module, and a private
module of nutrilog is imported only from inside the package that holds it (the others
go through the package's ``__init__``). Tests, benchmarks, examples and build scripts
are outside every package of nutrilog: they use public names only, and reach no
private attribute (``module._name``) nor a private module by its dotted path (a
``monkeypatch.setattr("nutrilog.x._y.z", ...)`` string)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("nutrilog", "tests", "benchmarks", "examples", "datasets/build")


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _imports(path: Path, package: str) -> list[tuple[int, str, str | None]]:
    """(line, module, name) of every import of a file (name None for ``import x``)."""
    found: list[tuple[int, str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            found += [(node.lineno, source, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, None) for alias in node.names]
    return found


def violations(path: Path, root: Path) -> list[str]:
    """The private imports of one file under ``root`` that break the rule."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_init = parts[-1] == "__init__"
    module = ".".join(parts[:-1] if is_init else parts)
    package = module if is_init else ".".join(parts[:-1])
    where = f"{path.relative_to(root)}"
    bad = []
    for line, source, name in _imports(path, package):
        if name is not None and _private(name):  # a package's __init__ may gather its own
            if not (is_init and source.startswith(module + ".")):
                bad.append(f"{where}:{line}: {name} from {source}")
            continue
        if not source.startswith("nutrilog"):
            continue
        dotted = source.split(".")
        for i, part in enumerate(dotted):
            holder = ".".join(dotted[:i])
            if _private(part) and not f"{package}.".startswith(f"{holder}."):
                bad.append(f"{where}:{line}: {'.'.join(dotted[: i + 1])} from outside {holder}")
                break
    if parts[0] != "nutrilog":
        bad += [f"{where}:{line}: {use}" for line, use in _private_uses(path)]
    return list(dict.fromkeys(bad))  # one line for several names from one private module


def _private_uses(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each private attribute reached (``x._name``, but not ``self._name``
    nor IPython's display hooks ``_repr_html_``...) and each dotted path through a private
    module of nutrilog written as a string."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if ast.unparse(node.value) not in ("self", "cls") and not node.attr.startswith(
                "_repr_"
            ):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            dotted = node.value.split(".")
            if dotted[0] == "nutrilog" and any(_private(part) for part in dotted[1:]):
                found.append((node.lineno, repr(node.value)))
    return found


def test_the_rule_finds_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "nutrilog" / "iotools").mkdir(parents=True)
    (tmp_path / "tests").mkdir()
    files = {
        "nutrilog/people.py": "from nutrilog.iotools._codes import person_id\n",
        "nutrilog/foods.py": "from nutrilog.matching import _index\nfrom nutrilog import _vector\n",
        "nutrilog/iotools/csv.py": "from nutrilog.iotools._codes import person_id\n"
        "from ._cells import cells\nfrom nutrilog._vector import coded\n",
        "nutrilog/iotools/__init__.py": "from nutrilog.iotools._codes import _digits\n",
        "tests/test_x.py": "from nutrilog._vector import coded\nfrom nutrilog import _output\n",
        "tests/test_y.py": "import nutrilog.iotools._table as t\nfrom nutrilog import coded\n"
        "t._arrow_text()\nt._repr_html_()\nm.setattr('nutrilog.iotools._table.X', 1)\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = {name: violations(tmp_path / name, tmp_path) for name in files}
    assert (
        found
        == {
            "nutrilog/people.py": [
                "nutrilog/people.py:1: nutrilog.iotools._codes from outside nutrilog.iotools"
            ],
            "nutrilog/foods.py": [
                "nutrilog/foods.py:1: _index from nutrilog.matching",
                "nutrilog/foods.py:2: _vector from nutrilog",  # the module path says it: nutrilog._vector
            ],
            "nutrilog/iotools/csv.py": [],
            "nutrilog/iotools/__init__.py": [],
            "tests/test_x.py": [
                "tests/test_x.py:1: nutrilog._vector from outside nutrilog",
                "tests/test_x.py:2: _output from nutrilog",
            ],
            "tests/test_y.py": [
                "tests/test_y.py:1: nutrilog.iotools._table from outside nutrilog.iotools",
                "tests/test_y.py:3: t._arrow_text",
                "tests/test_y.py:5: 'nutrilog.iotools._table.X'",
            ],
        }
    )


def test_no_private_name_crosses_a_module_boundary() -> None:
    files = sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py"))
    assert len(files) > 100
    assert [v for path in files for v in violations(path, ROOT)] == []
