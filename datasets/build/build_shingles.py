"""Hash every 8-word run of the two source articles, for the no-copying test.

``datasets/explanations.yaml`` is written in nutrilog's own words. To let the test
suite check that without shipping (or reading) the articles, this script stores
only hashes: the SHA-256 (first 16 hex digits) of each run of
:data:`SHINGLE_WORDS` consecutive normalised words. ``tests/test_explanations.py``
hashes the YAML's text the same way and asserts the two sets do not meet.

Normalising: lower case, curly apostrophes made straight, apostrophes dropped
(``body's`` -> ``bodys``), then the words are the runs of ``[a-z0-9]``; every
other character separates words.

Run from the repository root (the only code allowed to read the reference folder)::

    python datasets/build_shingles.py [SHARED_DIR] [-o tests/data/article_shingles.txt] [--check]

Examples
--------
>>> words("Magnesium's role: relax-after-contract")
['magnesiums', 'role', 'relax', 'after', 'contract']
>>> shingle_hash(["a", "b", "c", "d", "e", "f", "g", "h"])
'1b6548f6b3c51dba'
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["SHINGLE_WORDS", "ARTICLE_FILES", "words", "shingle_hash", "shingle_hashes", "main"]

#: Number of consecutive words in a shingle.
SHINGLE_WORDS = 8

#: The article files, relative to the ``seeds/`` folder of the reference material.
ARTICLE_FILES = ("neck-spasms-article.txt", "back-spasms-article.txt")

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Split ``text`` into normalised words (see the module docstring).

    Examples
    --------
    >>> words("Don’t STOP")
    ['dont', 'stop']
    """
    flat = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "")
    return _WORD.findall(flat)


def shingle_hash(run: Sequence[str]) -> str:
    """Return the 16-hex-digit hash of one run of words joined by single spaces.

    Examples
    --------
    >>> len(shingle_hash(["one"] * SHINGLE_WORDS))
    16
    """
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Return the hashes of every run of ``size`` consecutive words of ``text``.

    Examples
    --------
    >>> len(shingle_hashes("one two three four five six seven eight nine"))
    2
    """
    toks = words(text)
    return {shingle_hash(toks[i : i + size]) for i in range(len(toks) - size + 1)}


def _article_hashes(seeds: Path, files: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for name in files:
        found |= shingle_hashes((seeds / name).read_text(encoding="utf-8"))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Write the sorted shingle hashes of the articles, one per line.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     seeds = Path(tmp, "seeds")
    ...     seeds.mkdir()
    ...     for name in ARTICLE_FILES:
    ...         _ = (seeds / name).write_text("one two three four five six seven eight nine")
    ...     main([tmp, "-o", str(Path(tmp, "out.txt"))])  # doctest: +ELLIPSIS
    wrote 2 hashes to ...out.txt
    0
    """
    repo = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=repo.parent / "shared")
    parser.add_argument(
        "-o", "--output", type=Path, default=repo / "tests" / "data" / "article_shingles.txt"
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the existing output; exit 1 if it differs"
    )
    args = parser.parse_args(argv)
    hashes = _article_hashes(args.shared / "seeds", ARTICLE_FILES)
    header = (
        f"# sha256[:16] of every {SHINGLE_WORDS}-word shingle of {', '.join(ARTICLE_FILES)};"
        " written by datasets/build_shingles.py\n"
    )
    text = header + "".join(f"{h}\n" for h in sorted(hashes))
    if args.check:
        same = args.output.is_file() and args.output.read_text(encoding="utf-8") == text
        print(f"{args.output.name}: {'up to date' if same else 'differs'}")
        return 0 if same else 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(hashes)} hashes to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
