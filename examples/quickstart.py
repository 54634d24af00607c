"""The notebook workflow of nutrilog, as a script.

Run from the repository root after installing the package::

    python examples/quickstart.py

It reads the week-long example log, analyses it for a 34-year-old woman, prints
the tables a notebook would show, and writes the report as Markdown, HTML and
JSON plus the two plots into ``examples/output/``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen needed

import nutrilog as nl

HERE = Path(__file__).resolve().parent
OUT = HERE / "output"


def main() -> None:
    """Run the quickstart and write its outputs."""
    # 1. Read a log (the format is detected from the content).
    log = nl.read_log(HERE / "week.csv")
    print(log)  # FoodLog(... entries, ... rejected, ... rows read)

    # 2. Free text works too, straight from Python.
    extra = nl.parse_entries(
        ["1 oz pumpkin seeds", "magnesium glycinate 200 mg"], date="2026-11-22"
    )
    print(extra.entries[["text", "food", "quantity", "unit", "kind", "magnesium_mg"]])

    # 3. Analyse against the person's reference intakes.
    profile = nl.Profile(age=34, sex="female")
    print(nl.reference_intakes(profile)[["nutrient", "unit", "ear", "rda", "ai", "ul"]])
    result = nl.analyze(log, profile)
    print(result)

    # 4. The tables: the verdicts in short, daily totals with coverage, the full
    #    assessment, the foods that gave the most (in the log's words), what to check.
    print(result.summary)
    print(result.daily[["date", "magnesium_mg", "vitamin_d_ug", "coverage_magnesium"]])
    print(result.assessment[["nutrient", "mean", "target", "pct_of_target", "status"]])
    print(result.top_foods[["nutrient", "food", "entries", "share"]].head(10))
    print(result.fixes[["text", "unit", "tier", "problem", "entries"]])
    print(result.suggestions[["nutrient", "text"]])

    # 5. The report and the plots.
    OUT.mkdir(exist_ok=True)
    report = result.report()
    for suffix in ("md", "html", "json"):
        path = report.save(OUT / f"week-report.{suffix}")
        print("wrote", path)
    result.plot("daily").savefig(OUT / "week-daily.png", dpi=80)
    result.plot("foods").savefig(OUT / "week-foods.png", dpi=80)
    print("wrote the plots to", OUT)


if __name__ == "__main__":
    main()
