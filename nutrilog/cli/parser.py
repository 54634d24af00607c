"""The argument parser of the ``nutrilog`` command: its commands, options and help.

Each command sets ``func``, the function of :mod:`nutrilog.cli.analyze` or
:mod:`nutrilog.cli.lookup` that runs it.

Examples
--------
>>> build_parser().parse_args(["foods", "search", "milk"]).limit
10
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nutrilog.cli import analyze as analyze_command
from nutrilog.cli import lookup
from nutrilog.cli.output import PROG

__all__ = ["LOG_FORMATS", "REPORT_FORMATS", "TABLE_FORMATS", "build_parser", "check_profile_args"]

LOG_FORMATS = ("csv", "text", "cronometer", "cronometer_daily", "myfitnesspal", "asa24", "nhanes")


REPORT_FORMATS = ("text", "markdown", "html", "json", "csv")


TABLE_FORMATS = ("text", "csv", "json")

_EPILOG_MAIN = """\
examples:
  nutrilog analyze week.csv --age 34 --sex female
  nutrilog analyze servings.csv --age 34 --sex female --format html -o report.html
  nutrilog analyze day.txt --log-format text --date 2026-11-20 --age 29 --sex male
  nutrilog foods search "raw spinach" --limit 5
  nutrilog foods show sr28:11457
  nutrilog references --age 34 --sex female --pregnant

exit status: 0 done (warnings on stderr), 1 input or output problems (with
--strict: also rejected rows and unmatched foods), 2 usage errors, 3 internal
error (please report it). This tool is not medical advice.
"""

_EPILOG_ANALYZE = """\
examples:
  nutrilog analyze week.csv --age 34 --sex female
  nutrilog analyze week.csv --age 34 --sex female --details
  nutrilog analyze mon.txt tue.txt --log-format text --age 34 --sex f -o week.md
  nutrilog analyze servings.csv --age 34 --sex female --format json -o week.json
  nutrilog analyze week.csv --age 34 --sex female --format csv -o daily.csv
  nutrilog analyze diary.txt --age 34 --sex female --fixes fixes.csv
  nutrilog analyze diary.txt --age 34 --sex female --aliases fixes.csv
  nutrilog analyze cohort.csv --people people.csv
  nutrilog analyze DR1IFF_J.XPT DR2IFF_J.XPT --people people.csv
  nutrilog analyze log.csv --age 30 --sex female --lactating --foods my_foods.csv \\
      --aliases my_aliases.csv --strict

The report format follows --format, else the suffix of -o (.txt .md .html .json,
or .csv for the daily totals), else text; a suffix that does not fit the format
is an error. The text report opens with the answer (verdicts, what is uncertain,
next steps); --details adds the statistics, the daily totals and every note.
--fixes FILE writes the entries worth fixing (not matched, not weighed, guessed)
as a CSV to edit; pass it back with --aliases FILE. -o, --daily and --fixes
never overwrite an input (a log, --foods, --aliases or --supplements, also
through a link); each is written to a temporary file beside it and renamed into
place. Under --strict the exit status is 1 when any row was rejected or any
food was not matched (the report is still written).

A log of more than five people is a cohort: the report leads with the population
summary (--population asks for it with fewer people) and one compact line per
person; --person ID (repeatable) adds that person's full section, --per-person
everybody's.
"""


def _add_profile_args(parser: argparse.ArgumentParser, people: bool = False) -> None:
    group = parser.add_argument_group("person")
    group.add_argument(
        "--age",
        type=float,
        required=not people,
        help="age in years (e.g. 34, or 0.75 for 9 months)",
    )
    group.add_argument(
        "--sex",
        required=not people,
        type=str.lower,
        choices=["female", "male", "f", "m"],
        help="sex used to pick the reference intakes",
    )
    stage = group.add_mutually_exclusive_group()
    stage.add_argument(
        "--pregnant", action="store_true", help="use the pregnancy reference intakes"
    )
    stage.add_argument(
        "--lactating", action="store_true", help="use the lactation reference intakes"
    )
    if people:
        group.add_argument(
            "--people",
            type=Path,
            metavar="CSV",
            help="one profile per person: a CSV with person, age, sex (and pregnant, "
            "lactating); instead of --age/--sex",
        )
        group.add_argument(
            "--same-profile",
            action="store_true",
            help="apply one --age/--sex to every person of a log that names several",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``nutrilog`` command.

    Examples
    --------
    >>> build_parser().parse_args(["foods", "search", "milk"]).limit
    10
    """
    from nutrilog._version import version

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn a food log into an honest picture of the minerals and vitamins "
        "behind muscle cramps and spasms.",
        epilog=_EPILOG_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    analyze = _command(
        commands,
        "analyze",
        "analyse food logs and write a report",
        _EPILOG_ANALYZE,
        description="Read food logs, total the nutrients per day, compare them with the reference\n"
        "intakes and report shortfalls next to how they can cause spasms.",
    )
    analyze.add_argument(
        "logs",
        nargs="+",
        metavar="LOG",
        type=Path,
        help="log file(s): CSV, plain text, Cronometer or MyFitnessPal export",
    )
    _add_profile_args(analyze, people=True)
    out = analyze.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        help="report format, or csv for the daily totals (default: from the -o suffix, else text)",
    )
    out.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report to FILE")
    out.add_argument(
        "--details",
        action="store_true",
        help="text report: add the statistics behind each verdict, daily totals and all notes",
    )
    out.add_argument("--daily", type=Path, metavar="CSV", help="also write the daily totals to CSV")
    out.add_argument(
        "--fixes",
        type=Path,
        metavar="CSV",
        help="also write the entries worth fixing as a CSV to edit and pass back with --aliases",
    )
    out.add_argument("--no-color", action="store_true", help="no colours in the terminal")
    out.add_argument(
        "--population",
        action="store_true",
        help="lead with the population summary (share below the EAR, above the UL, per DRI "
        "group); the default for more than five people",
    )
    out.add_argument(
        "--population-by",
        action="append",
        metavar="COLUMN",
        help="group the population summary by COLUMN (sex, age, life_stage, or a column "
        "of the log) instead of by DRI group (repeatable; implies --population)",
    )
    out.add_argument(
        "--per-person",
        action="store_true",
        help="full report sections (and charts) for every person, also in a cohort",
    )
    read = analyze.add_argument_group("reading")
    read.add_argument("--log-format", choices=LOG_FORMATS, help="log format (default: detected)")
    read.add_argument("--date", metavar="YYYY-MM-DD", help="date of entries whose log gives none")
    read.add_argument(
        "--person",
        metavar="NAME",
        action="append",
        help="person of entries whose log names nobody; with several people, whose full "
        "report section to show (repeatable)",
    )
    read.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first unreadable row; exit 1 if any food is not matched",
    )
    read.add_argument(
        "--recompute",
        action="store_true",
        help="recompute nutrients the source reported (e.g. Cronometer) from the food table",
    )
    read.add_argument(
        "--foods", type=Path, metavar="CSV", help="your own foods (see docs) added to the table"
    )
    read.add_argument(
        "--aliases",
        type=Path,
        metavar="CSV",
        help="your own matches: text,food_id[,unit,grams_per_unit] (a --fixes file works)",
    )
    read.add_argument(
        "--supplements",
        type=Path,
        metavar="FILE",
        help="your supplements: CSV of product and amounts per unit (magnesium_mg, calcium_mg...)",
    )
    analyze.set_defaults(func=analyze_command.run)

    foods = _command(commands, "foods", "search the food table or show one food", _EPILOG_MAIN)
    food_commands = foods.add_subparsers(dest="food_command", metavar="ACTION", required=True)
    search = _command(
        food_commands,
        "search",
        "find foods by name",
        'example: nutrilog foods search "raw spinach" --limit 5',
    )
    search.add_argument("text", metavar="TEXT", help="words to look for")
    search.add_argument(
        "--limit", type=_positive_int, default=10, help="number of foods (default 10)"
    )
    search.add_argument("--format", choices=TABLE_FORMATS, default="text")
    search.add_argument("--foods", type=Path, metavar="CSV", help="your own foods, searched too")
    search.set_defaults(func=lookup.foods_search)
    show = _command(
        food_commands,
        "show",
        "nutrients per 100 g and portions of one food",
        "example: nutrilog foods show sr28:11457",
    )
    show.add_argument("food_id", metavar="ID", help="food id, e.g. sr28:11457")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--foods", type=Path, metavar="CSV", help="your own foods")
    show.set_defaults(func=lookup.foods_show)

    refs = _command(
        commands,
        "references",
        "show the Dietary Reference Intakes for a person",
        "example: nutrilog references --age 34 --sex female --pregnant",
    )
    _add_profile_args(refs)
    refs.add_argument("--format", choices=TABLE_FORMATS, default="text")
    refs.set_defaults(func=lookup.references)
    return parser


def _command(
    group: argparse._SubParsersAction, name: str, help_text: str, epilog: str, **options: str
) -> argparse.ArgumentParser:
    """A (sub)command of ``group`` whose epilog keeps its line breaks."""
    return group.add_parser(
        name,
        help=help_text,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **options,
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, found {value}")
    return value


def check_profile_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``analyze`` takes --age and --sex (one person) or --people (one profile each)."""
    if getattr(args, "command", None) != "analyze":
        return
    single = args.age is not None or args.sex is not None or args.pregnant or args.lactating
    if args.people is not None and (single or args.same_profile):
        parser.error("analyze: use either --people CSV or --age/--sex, not both")
    if args.people is None and (args.age is None or args.sex is None):
        missing = [n for n, v in (("--age", args.age), ("--sex", args.sex)) if v is None]
        parser.error(
            f"analyze: the following arguments are required: {', '.join(missing)} "
            "(or --people CSV, one profile per person)"
        )
