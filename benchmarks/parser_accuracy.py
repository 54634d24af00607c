"""Score nutrilog's amount parser (and optionally ingredient-parser-nlp) on diary lines.

The list is ``tests/data/diary_lines.csv`` (columns ``text, food, quantity, unit``;
written by hand for this project). A line is right when

* the quantity is within 1 % of the expected one (both NaN also counts),
* the units are equal after both go through :func:`nutrilog.units.normalize_unit`
  (no unit on both sides also counts), and
* the food words match loosely: lower-cased, punctuation dropped, crude singular,
  filler words (of, a, the...) dropped, and one word set contains the other.

Usage::

    python benchmarks/parser_accuracy.py [--lines tests/data/diary_lines.csv] [--show-misses]

``ingredient-parser-nlp`` is an optional comparison, never a runtime dependency
of nutrilog. It needs NLTK's ``averaged_perceptron_tagger_eng`` data; when that
cannot be loaded (offline machine) the script says so and scores ours only.

Examples
--------
>>> import pandas as pd
>>> expected = pd.DataFrame({"food": ["milk"], "quantity": [1.0], "unit": ["cup"]})
>>> got = pd.DataFrame({"food": ["whole milk"], "quantity": [1.0], "unit": ["cups"]})
>>> score(got, expected).tolist()
[True]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from nutrilog.quantity import parse_amounts
from nutrilog.units import normalize_unit

DEFAULT_LINES = Path(__file__).resolve().parent.parent / "tests" / "data" / "diary_lines.csv"
_FILLER = {"of", "a", "an", "the", "and", "with", "some"}


def load_lines(path: str | Path = DEFAULT_LINES) -> pd.DataFrame:
    """Read the expected parses (``text, food, quantity, unit``)."""
    frame = pd.read_csv(path, dtype={"text": str, "food": str, "unit": str}, keep_default_na=False)
    frame["quantity"] = pd.to_numeric(frame["quantity"].replace("", math.nan), errors="coerce")
    return frame


def _food_words(text: object) -> frozenset[str]:
    words = re.findall(r"[a-z0-9%]+", str(text or "").lower())
    out = set()
    for word in words:
        if word in _FILLER:
            continue
        for suffix in ("ies", "es", "s"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
        out.add(word)
    return frozenset(out)


def _unit_key(text: object) -> str | None:
    if text is None or (isinstance(text, float) and math.isnan(text)) or str(text).strip() == "":
        return None
    info = normalize_unit(str(text))
    return info.unit if info is not None else str(text).strip().lower()


def score(got: pd.DataFrame, expected: pd.DataFrame) -> pd.Series:
    """Whether each parse (``food, quantity, unit``) matches the expected row.

    Both frames must be aligned row by row.
    """
    rows = []
    for (_, g), (_, e) in zip(got.iterrows(), expected.iterrows(), strict=True):
        gq, eq = float(g["quantity"]), float(e["quantity"])
        qty_ok = (math.isnan(gq) and math.isnan(eq)) or (
            not math.isnan(gq) and not math.isnan(eq) and abs(gq - eq) <= 0.01 * max(abs(eq), 1e-9)
        )
        unit_ok = _unit_key(g["unit"]) == _unit_key(e["unit"])
        gw, ew = _food_words(g["food"]), _food_words(e["food"])
        food_ok = bool(gw) and bool(ew) and (gw <= ew or ew <= gw)
        rows.append(qty_ok and unit_ok and food_ok)
    return pd.Series(rows, index=expected.index, dtype=bool)


def parse_ours(texts: pd.Series) -> pd.DataFrame:
    """nutrilog's parser: ``food, quantity, unit``."""
    return parse_amounts(texts)[["food", "quantity", "unit"]]


def _ingredient_parser() -> Callable[[pd.Series], pd.DataFrame]:
    """Return a parse function built on ingredient-parser-nlp, or raise why not."""
    from ingredient_parser import parse_ingredient  # optional, comparison only

    parse_ingredient("1 cup milk")  # loads the model and NLTK data, or raises

    def run(texts: pd.Series) -> pd.DataFrame:
        rows = []
        for text in texts:
            parsed = parse_ingredient(str(text))
            quantity, unit = math.nan, None
            if parsed.amount:
                first = parsed.amount[0]
                try:
                    quantity = float(first.quantity)
                except (TypeError, ValueError):
                    quantity = math.nan
                unit = str(first.unit) if first.unit else None
            food = " ".join(n.text for n in parsed.name) if parsed.name else ""
            rows.append({"food": food, "quantity": quantity, "unit": unit})
        return pd.DataFrame(rows, index=texts.index)

    return run


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy of each parser on the list."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", default=str(DEFAULT_LINES))
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    expected = load_lines(args.lines)
    contenders: dict[str, Callable[[pd.Series], pd.DataFrame]] = {"nutrilog": parse_ours}
    try:
        contenders["ingredient-parser-nlp"] = _ingredient_parser()
    except Exception as err:  # any failure means "not available here"
        first = str(err).strip().splitlines()
        why = next((line.strip() for line in first if "Resource" in line), type(err).__name__)
        print(f"ingredient-parser-nlp: not available ({why})")
    for name, run in contenders.items():
        got = run(expected["text"])
        right = score(got, expected[["food", "quantity", "unit"]])
        print(f"{name}: {right.mean():.3f} ({int(right.sum())}/{len(right)} lines right)")
        if args.show_misses:
            misses = pd.concat([expected, got.add_prefix("got_")], axis=1)[~right]
            print(misses.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
