"""What tells a right food match from a wrong one: the features of every accepted match.

For each labelled phrase set given, every phrase is analysed and judged as in
``matching_accuracy.py``; for each phrase whose food match is accepted, the features
of its matched rows are recorded (the matcher's step, score, the margin to the
runner-up, the assumptions it made, whether the food's name holds the text's head
word) with the verdict. The table is printed grouped by feature, and with ``--csv``
written out, so an acceptance rule (``nutrilog/matching/confidence.py``) can be fitted
on some sets and checked on others.

Run::

    python benchmarks/match_confidence.py --fit DEV.csv A.csv --check C.csv [--csv out.csv]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import nutrilog as nl
from nutrilog.matching.match import Matcher, key_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from matching_accuracy import Judge, analyse_phrases, phrase_verdicts, read_phrases

_TAGS = ("spelling", "synonym", "brand", "unit fit", "neighbour")


def row_features(matcher: Matcher, row: pd.Series) -> dict[str, object]:
    """The features of one matched row."""
    key = key_of(str(row["food"]))
    found = matcher.result(key)
    runner = max((float(s[2]) for s in found.suggestions), default=np.nan)
    assumed = str(row["assumptions"]) if pd.notna(row["assumptions"]) else ""
    out: dict[str, object] = {
        "food": row["food"],
        "food_id": row["food_id"],
        "description": row["description"],
        "method": row["match_method"],
        "score": float(row["match_score"]),
        "margin": float(row["match_score"]) - runner if np.isfinite(runner) else np.nan,
        "swapped": found.position is None or matcher.known.ids[found.position] != row["food_id"],
        "named": matcher.named(key, key),
        "no_grams": bool(pd.isna(row["grams"])),
    }
    for tag in _TAGS:
        out[tag.replace(" ", "_")] = f"{tag}:" in assumed
    return out


def features(paths: list[Path]) -> pd.DataFrame:
    """One row per accepted, non-supplement phrase of ``paths``: its verdict and the
    features of its weakest matched row."""
    foods = nl.load_foods()
    judge = Judge(foods)
    matcher = Matcher(foods)
    out = []
    for path in paths:
        phrases = read_phrases(path)
        entries, _ = analyse_phrases(phrases, foods)
        by_phrase = {k: g for k, g in entries.groupby("phrase_no", sort=False)}
        verdicts = phrase_verdicts(phrases, by_phrase, judge)
        for v in verdicts.itertuples():
            if not v.accepted or v.kind == "supplement":
                continue
            rows = by_phrase[v.i]
            rows = rows[rows["food_id"].notna() & (rows["kind"] != "supplement")]
            each = [row_features(matcher, r) for _, r in rows.iterrows()]
            if not each:  # accepted with no food row (a not-food line left alone)
                continue
            weakest = min(each, key=lambda f: float(f["score"]))  # type: ignore[arg-type]
            out.append(
                {
                    "set": path.stem,
                    "phrase": phrases.loc[v.i, "phrase"],
                    "category": v.category,
                    "right": bool(v.right),
                    "rows": len(each),
                    **weakest,
                    "any_spelling": any(f["spelling"] for f in each),
                    "any_unnamed": any(not f["named"] for f in each),
                }
            )
    return pd.DataFrame(out)


def summary(table: pd.DataFrame) -> None:
    """Right / accepted by each feature."""
    for column in ("method", "named", "spelling", "synonym", "brand", "swapped", "no_grams"):
        grouped = table.groupby(column)["right"].agg(["sum", "count"])
        print(
            f"  {column}: "
            + ", ".join(f"{k}={int(s)}/{int(c)}" for k, (s, c) in grouped.iterrows())
        )
    fuzzy = table[table["method"] == "fuzzy"]
    for cut in (75, 80, 85, 90, 95):
        low = fuzzy[fuzzy["score"] < cut]
        print(f"  fuzzy score < {cut}: right {int(low['right'].sum())}/{len(low)}")
    for cut in (1, 2, 4, 6, 10):
        low = fuzzy[fuzzy["margin"] < cut]
        print(f"  fuzzy margin < {cut}: right {int(low['right'].sum())}/{len(low)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", type=Path, nargs="+", required=True)
    parser.add_argument("--check", type=Path, nargs="*", default=[])
    parser.add_argument("--csv", type=Path)
    args = parser.parse_args(argv)
    fit = features(args.fit).assign(part="fit")
    check = features(args.check).assign(part="check") if args.check else fit.iloc[:0]
    both = pd.concat([fit, check], ignore_index=True)
    for part, table in both.groupby("part", sort=False):
        print(f"{part}: {int(table['right'].sum())}/{len(table)} accepted phrases right")
        summary(table)
    if args.csv:
        both.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
