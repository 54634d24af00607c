"""Rebuild every bundled table from the reference folder.

Run from the repository root::

    python datasets/build/build.py [--shared ../shared] [--out datasets] [--check]

The build scripts live in ``datasets/build/``, beside the tables they write but
outside the installed package (only the tables are installed).

Writes ``foods.csv``, ``nutrients.csv`` and ``portions.csv`` (see
``_build_foods.py``), then ``default_portions.csv`` from them (see
``_build_defaults.py``) and, when ``_build_dri.py`` is present, the DRI tables.
With ``--check`` the tables are rebuilt into a temporary folder and compared
byte for byte with the committed ones: exit status 1 (and the names of the
tables that differ) if any differs, 0 otherwise.

Examples
--------
>>> main(["--shared", "../shared", "--check"])  # doctest: +SKIP
foods.csv: up to date
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:  # run as a script or imported from elsewhere
    sys.path.insert(0, str(_HERE))

from _build_defaults import build_defaults  # noqa: E402
from _build_foods import build_foods  # noqa: E402

__all__ = ["builders", "build_all", "check", "main"]

Builder = Callable[[Path, Path], list[Path]]


def builders() -> list[Builder]:
    """Return the table builders present, in order: foods and their default portions
    always, DRI when ``_build_dri`` exists.

    Examples
    --------
    >>> [b.__name__ for b in builders()][0]
    'build_foods'
    """
    found: list[Builder] = [build_foods, build_defaults]
    try:
        dri = importlib.import_module("_build_dri")
    except ModuleNotFoundError as err:
        if err.name != "_build_dri":
            raise
    else:
        found.append(dri.build_dri)
    return found


def build_all(shared: Path, out: Path) -> list[Path]:
    """Run every builder; return the files written.

    Examples
    --------
    >>> build_all(Path("../shared"), Path("datasets"))  # doctest: +SKIP
    """
    written: list[Path] = []
    for build in builders():
        written.extend(build(shared, out))
    return written


def check(shared: Path, out: Path) -> list[str]:
    """Rebuild into a temporary folder; return the names of tables differing from ``out``.

    Examples
    --------
    >>> check(Path("../shared"), Path("datasets"))  # doctest: +SKIP
    []
    """
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build_all(shared, Path(tmp))
        return [
            path.name
            for path in fresh
            if not (out / path.name).is_file()
            or (out / path.name).read_bytes() != path.read_bytes()
        ]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; return the exit status.

    Examples
    --------
    >>> main(["--help"])  # doctest: +SKIP
    """
    repo = _HERE.parents[1]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=repo.parent / "shared",
        help="reference folder (default: ../shared next to the repository)",
    )
    parser.add_argument(
        "--out", type=Path, default=_HERE.parent, help="output folder (default: datasets)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare a fresh build with the committed tables; exit 1 if they differ",
    )
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        parser.error(f"reference folder not found: {args.shared}")
    if args.check:
        stale = check(args.shared, args.out)
        for name in stale:
            print(f"{name}: differs from a fresh build (run datasets/build.py)")
        if not stale:
            print("all tables up to date")
        return 1 if stale else 0
    for path in build_all(args.shared, args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
