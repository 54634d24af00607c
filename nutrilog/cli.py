"""The ``nutrilog`` command line: analyse logs, look up foods, show reference intakes.

Exit status: 0 done (warnings go to stderr), 1 input or output problems (a
file that cannot be read or written; under ``--strict`` also rejected rows and
unmatched foods), 2 usage errors (including ``-o`` naming an input), 3 an
internal error (a bug: please report it). Errors print one line naming the file
and line, never a traceback. Every text from a log or user file that reaches the
terminal passes through :func:`nutrilog._visible.visible`, so escape sequences
in a log show as ``\\x1b`` instead of acting on the terminal.

Examples
--------
>>> main(["references", "--age", "34", "--sex", "female", "--format", "csv"])  # doctest: +ELLIPSIS
nutrient,label,column,unit,ear,rda,ai,ul,...
magnesium,Magnesium,magnesium_mg,mg,265.0,320.0,,350.0,supplements,...
0
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import pandas as pd
from pydantic import ValidationError

from nutrilog._visible import visible, visible_json
from nutrilog.errors import ArgumentError, NutrilogError, OutputError, ProfileError
from nutrilog.profile import readable_error

__all__ = ["main", "build_parser"]

PROG = "nutrilog"
LOG_FORMATS = ("csv", "text", "cronometer", "cronometer_daily", "myfitnesspal", "asa24", "nhanes")
REPORT_FORMATS = ("text", "markdown", "html", "json", "csv")
#: File suffixes of each output format of ``analyze`` (csv: the daily totals).
OUTPUT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "json": (".json",),
    "csv": (".csv",),
}
TABLE_FORMATS = ("text", "csv", "json")

#: Inputs at least this large (bytes, all files together) get a progress bar on a terminal.
PROGRESS_MIN_BYTES = 2_000_000

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


# --------------------------------------------------------------------------- parser


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

    analyze = commands.add_parser(
        "analyze",
        help="analyse food logs and write a report",
        epilog=_EPILOG_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    analyze.set_defaults(func=_cmd_analyze)

    foods = commands.add_parser(
        "foods",
        help="search the food table or show one food",
        epilog=_EPILOG_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    food_commands = foods.add_subparsers(dest="food_command", metavar="ACTION", required=True)
    search = food_commands.add_parser(
        "search",
        help="find foods by name",
        epilog='example: nutrilog foods search "raw spinach" --limit 5',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("text", metavar="TEXT", help="words to look for")
    search.add_argument(
        "--limit", type=_positive_int, default=10, help="number of foods (default 10)"
    )
    search.add_argument("--format", choices=TABLE_FORMATS, default="text")
    search.add_argument("--foods", type=Path, metavar="CSV", help="your own foods, searched too")
    search.set_defaults(func=_cmd_foods_search)
    show = food_commands.add_parser(
        "show",
        help="nutrients per 100 g and portions of one food",
        epilog="example: nutrilog foods show sr28:11457",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("food_id", metavar="ID", help="food id, e.g. sr28:11457")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--foods", type=Path, metavar="CSV", help="your own foods")
    show.set_defaults(func=_cmd_foods_show)

    refs = commands.add_parser(
        "references",
        help="show the Dietary Reference Intakes for a person",
        epilog="example: nutrilog references --age 34 --sex female --pregnant",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_profile_args(refs)
    refs.add_argument("--format", choices=TABLE_FORMATS, default="text")
    refs.set_defaults(func=_cmd_references)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, found {value}")
    return value


# --------------------------------------------------------------------------- output helpers


def _write(text: str, stream: TextIO | None) -> None:
    """Write ``text`` to standard output (or ``stream``); characters the stream's
    encoding lacks become ``?``. A closed standard output (``nutrilog ... >&-``)
    is an :class:`OutputError`."""
    if stream is None:
        raise OutputError("<standard output>", "it is closed")
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))


def _say(text: str) -> None:
    """Write to standard error; when it is closed (``2>&-``) the text is lost."""
    if sys.stderr is not None:
        _write(text, sys.stderr)


def _warn(message: str) -> None:
    _say(f"{PROG}: warning: {visible(' '.join(message.split()))}\n")


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _table_text(frame: pd.DataFrame, title: str | None = None) -> str:
    """A DataFrame as a plain rich table (no colour, cells never parsed as markup)."""
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, no_color=True, highlight=False)
    if title:
        console.print(Text(title, style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for col in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[col])
        table.add_column(
            Text(visible(col)), justify="right" if numeric else "left", overflow="fold"
        )
    for row in frame.itertuples(index=False):
        table.add_row(*(Text(_cell(v)) for v in row))
    console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return visible(value)


def _emit_table(frame: pd.DataFrame, fmt: str, title: str | None = None) -> None:
    if fmt == "csv":
        from nutrilog._csvsafe import to_csv

        shown = frame.apply(lambda col: col.map(lambda v: visible(v) if isinstance(v, str) else v))
        _write(str(to_csv(shown, index=False, lineterminator="\n")), sys.stdout)
    elif fmt == "json":
        text = frame.to_json(orient="records", force_ascii=False, indent=2)
        _write(visible_json(text) + "\n", sys.stdout)
    else:
        _write(_table_text(frame, title), sys.stdout)


# --------------------------------------------------------------------------- commands


def _profile(args: argparse.Namespace) -> Any:
    from nutrilog.profile import as_profile

    return as_profile(
        {"age": args.age, "sex": args.sex, "pregnant": args.pregnant, "lactating": args.lactating}
    )


def _analysis_profile(args: argparse.Namespace) -> Any:
    """The profile of ``analyze``: one person (``--age/--sex``) or a people file (``--people``)."""
    from nutrilog.profile import read_people

    if args.people is not None:
        return read_people(args.people)
    return _profile(args)


def _check_profile_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
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


def _check_one_person(log: Any, args: argparse.Namespace) -> None:
    """Refuse to apply one --age/--sex to a log that names several people (a cohort),
    unless --same-profile says so."""
    if args.people is not None or args.same_profile or not len(log.entries):
        return
    people = log.entries["person"].astype(object).dropna().unique()
    if len(people) > 1:
        shown = ", ".join(visible(str(p)) for p in people[:3])
        raise ArgumentError(
            f"the log names {len(people):,} people ({shown}{', ...' if len(people) > 3 else ''}): "
            "expected --people CSV with each person's age and sex, or --same-profile to apply "
            "one --age/--sex to everyone"
        )


def _food_table(user_foods: Path | None) -> Any:
    from nutrilog.foods import load_foods

    table = load_foods()
    return table.with_user_foods(user_foods) if user_foods is not None else table


@contextlib.contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[str], None]]:
    """Yield ``step(description)``; draws a rich progress bar on stderr when enabled."""
    if not enabled:
        yield lambda _description: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    # file names are shown as written: no rich markup, control characters visible
    columns = (TextColumn("{task.description}", markup=False), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=total)
        first = [True]

        def step(description: str) -> None:
            if not first[0]:
                bar.advance(task)
            first[0] = False
            bar.update(task, description=description)

        yield step
        bar.update(task, completed=total)


def _input_size(paths: Sequence[Path]) -> int:
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


def _summarise_problems(result: Any) -> list[str]:
    """One-line warnings about rejected rows, unmatched foods and entries without grams."""
    from nutrilog.iotools._source import shorten

    lines = []
    rejected, unmatched = result.rejected, result.unmatched
    if len(rejected):
        first = rejected.iloc[0]
        lines.append(
            f"{len(rejected)} row(s) could not be read; first: {first['source']}, "
            f"line {first['line']}: {first['reason']}"
        )
    if len(unmatched):
        first = unmatched.iloc[0]
        lines.append(
            f"{len(unmatched)} food(s) not matched; first: {first['source']}, line "
            f"{first['line']}: {shorten(str(first['text']), 80)!r}"
            + (
                f" ({first['reason']})"
                if str(first.get("reason", "")).startswith("unknown")
                else ""
            )
            + " (see Entries to check; --fixes FILE writes them to a CSV to edit)"
        )
    no_grams = int(result.counts.get("no_grams", 0))
    if no_grams:
        lines.append(
            f"{no_grams} entr(ies) without an amount in grams (vague or unknown unit); "
            "their nutrients are unknown"
        )
    return lines


def _inputs(args: argparse.Namespace) -> list[Path]:
    """Every file the command reads: logs, --foods, --aliases, --supplements."""
    extra = [getattr(args, name, None) for name in ("foods", "aliases", "supplements", "people")]
    return [*args.logs, *(p for p in extra if p is not None)]


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output (-o, --daily, --fixes) that is one of the inputs (by name, through
    a link, or a hard link) or that another output names too."""
    from nutrilog._output import input_clash

    outputs = [
        (flag, path)
        for flag, path in (
            ("-o", args.output),
            ("--daily", getattr(args, "daily", None)),
            ("--fixes", getattr(args, "fixes", None)),
        )
        if path is not None
    ]
    for i, (flag, path) in enumerate(outputs):
        clash = input_clash(path, _inputs(args))
        if clash is not None:
            raise ArgumentError(
                f"{flag} {str(path)!r} is the input {clash!r}: an input is never overwritten; "
                "choose another file name"
            )
        twin = input_clash(path, [other for _, other in outputs[:i]])
        if twin is not None:
            raise ArgumentError(f"{flag} {str(path)!r} is named by another output option too")


def _formats_listed() -> str:
    return ", ".join(f"{fmt} ({' '.join(sfx)})" for fmt, sfx in OUTPUT_SUFFIXES.items())


def _output_format(fmt: str | None, output: Path | None) -> str:
    """The format of the output: --format, else the suffix of -o, else text.

    A suffix that names no format (``report.pdf``), or another format than --format
    (``--format text -o report.html``), is a usage error listing the formats; a
    file name without a suffix takes --format (or text).
    """
    if output is None:
        return fmt or "text"
    suffix = output.suffix.lower()
    named = next((f for f, sfx in OUTPUT_SUFFIXES.items() if suffix in sfx), None)
    if suffix and named is None:
        raise ArgumentError(
            f"-o {str(output)!r}: nutrilog cannot write {suffix} files; the formats are "
            f"{_formats_listed()}"
        )
    if fmt is not None and named is not None and named != fmt:
        raise ArgumentError(
            f"-o {str(output)!r} does not fit --format {fmt}: a {fmt} file ends in "
            f"{' or '.join(OUTPUT_SUFFIXES[fmt])}; the formats are {_formats_listed()}"
        )
    return fmt or named or "text"


def _daily_csv(result: Any) -> str:
    """The daily totals as CSV: one row per person and day, formulas neutralised."""
    from nutrilog._csvsafe import to_csv

    daily = result.daily.copy()
    if "date" in daily:
        daily["date"] = pd.to_datetime(daily["date"], errors="coerce").dt.strftime("%Y-%m-%d")
    shown = daily.apply(lambda col: col.map(lambda v: visible(v) if isinstance(v, str) else v))
    return str(to_csv(shown, index=False, lineterminator="\n", float_format="%.6g"))


def _check_date(text: str | None) -> None:
    from nutrilog.iotools._build import default_date

    if text is None:
        return
    try:
        default_date(text)
    except NutrilogError as err:
        reason = str(err).removeprefix("date= argument: ")
        raise ArgumentError(f"--date: {reason}") from None


def _cmd_analyze(args: argparse.Namespace) -> int:
    from nutrilog.analysis import analyze
    from nutrilog.iotools import read_log
    from nutrilog.log import FoodLog

    _check_output(args)  # before any work: a refused -o costs nothing
    fmt = _output_format(args.format, args.output)
    _check_date(args.date)
    profile = _analysis_profile(args)
    show_progress = _is_tty(sys.stderr) and _input_size(args.logs) >= PROGRESS_MIN_BYTES
    options: dict[str, Any] = {"strict": args.strict}
    if args.date is not None:
        options["date"] = args.date
    if args.person is not None and len(args.person) == 1:
        options["person"] = args.person[0]
    with _progress(show_progress, len(args.logs) + 1) as step:
        logs = []
        for path in args.logs:
            step(f"reading {visible(path.name)}")
            logs.append(read_log(path, args.log_format, **options))
        step("analysing")
        log = FoodLog.concat(logs)
        _check_one_person(log, args)
        result = analyze(
            log,
            profile,
            foods=args.foods,
            aliases=args.aliases,
            recompute=args.recompute,
            supplements=args.supplements,
        )
    from nutrilog._output import write_text
    from nutrilog.report import analysis_inputs

    inputs = [*(str(p) for p in _inputs(args)), *analysis_inputs(result)]
    if fmt == "csv":
        text = _daily_csv(result)
    else:
        persons = args.person
        if persons and len(persons) == 1 and persons[0] not in map(str, result.profiles):
            persons = None  # the person of entries whose log names nobody, not in this log
        report = result.report(
            population=args.population_by or (True if args.population else None),
            persons=persons,
            per_person=True if args.per_person else None,
        )
        color = (
            args.output is None
            and fmt == "text"
            and not args.no_color
            and _is_tty(sys.stdout)
            and "NO_COLOR" not in os.environ
        )
        text = (
            report.to_text(color=color, details=args.details)
            if fmt == "text"
            else report.render(fmt)
        )
    if args.output is not None:
        write_text(args.output, text, inputs=inputs)
    else:
        _write(text if text.endswith("\n") else text + "\n", sys.stdout)
    if args.daily is not None:
        write_text(args.daily, _daily_csv(result), inputs=inputs)
    if args.fixes is not None:
        from nutrilog.fixes import write_fixes

        write_fixes(result.fixes, args.fixes, inputs=inputs)

    problems = _summarise_problems(result)
    for line in problems:
        _warn(line)
    if args.output is not None:
        what = "daily totals" if fmt == "csv" else "report"
        _say(f"{PROG}: {what} written to {visible(args.output)}\n")
    if args.daily is not None:
        _say(f"{PROG}: daily totals written to {visible(args.daily)}\n")
    if args.fixes is not None:
        n = len(result.fixes)
        _say(
            f"{PROG}: {n} entr{'y' if n == 1 else 'ies'} to check written to "
            f"{visible(args.fixes)}: fill in food_id or grams_per_unit, then run again with "
            f"--aliases {visible(args.fixes)}\n"
        )
    strict_failure = args.strict and (len(result.rejected) or len(result.unmatched))
    return 1 if strict_failure else 0


def _cmd_foods_search(args: argparse.Namespace) -> int:
    from nutrilog.search import SEARCH_FLOOR, search_foods

    found = search_foods(_food_table(args.foods), args.text, limit=args.limit)
    shown = visible(repr(args.text))
    if found.hits.empty and args.format == "text":
        _write(
            f"no food fits {shown}: none scores {SEARCH_FLOOR:g} of 100 or more. "
            "Try other words, or add your own food with --foods\n",
            sys.stdout,
        )
        return 0
    title = None
    if args.format == "text":
        if found.match is None:
            title = f"Foods close to {shown} (a log entry {shown} would stay unmatched)"
        elif found.hits["id"].iat[0] == found.match:
            title = f"Foods matching {shown} (a log entry {shown} is matched to the first)"
        else:
            title = f"Foods matching {shown} (a log entry {shown} is matched to {found.match})"
    _emit_table(found.hits, args.format, title=title)
    return 0


def _cmd_foods_show(args: argparse.Namespace) -> int:
    from nutrilog.nutrients import TRACKED

    table = _food_table(args.foods)
    food = table.get(args.food_id)
    portions = table.portions(args.food_id)
    shown = [n for n in TRACKED if n.column in food.index]
    columns = [n.column for n in shown]
    per_100g = pd.DataFrame(
        {
            "nutrient": [n.label for n in shown],
            "per_100g": [food[c] for c in columns],
            "unit": [n.unit for n in shown],
        }
    )
    if args.format == "json":
        info = {k: (None if pd.isna(v) else v) for k, v in food.drop(labels=columns).items()}
        doc = {
            **info,
            "per_100g": {c: (None if pd.isna(food[c]) else float(food[c])) for c in columns},
            "portions": json.loads(portions.to_json(orient="records", force_ascii=False)),
        }
        text = json.dumps(doc, indent=2, ensure_ascii=False, default=str)
        _write(visible_json(text) + "\n", sys.stdout)
        return 0
    head = visible(f"{food['id']}  {food['description']}")
    details = [
        visible(f"{k}: {food[k]}")
        for k in ("source", "group", "synonyms")
        if k in food.index and food[k]
    ]
    _write(head + "\n" + "".join(f"  {d}\n" for d in details) + "\n", sys.stdout)
    per_100g["per_100g"] = per_100g["per_100g"].map(
        lambda v: "not analysed" if pd.isna(v) else f"{v:,.4g}"
    )
    _write(
        _table_text(per_100g, "Nutrients per 100 g (not analysed = unknown, not zero)"), sys.stdout
    )
    if len(portions):
        _write("\n" + _table_text(portions, "Household portions"), sys.stdout)
    else:
        _write("\nNo household portions: log this food in grams or millilitres.\n", sys.stdout)
    return 0


def _cmd_references(args: argparse.Namespace) -> int:
    from nutrilog.references import reference_intakes

    profile = _profile(args)
    refs = reference_intakes(profile)
    if args.format == "text":
        keep = [
            c
            for c in ("nutrient", "unit", "ear", "rda", "ai", "ul", "ul_applies_to", "cdrr")
            if c in refs.columns
        ]
        _emit_table(
            refs[keep], "text", title=f"Dietary Reference Intakes per day ({profile.describe()})"
        )
        _write(
            "EAR average requirement, RDA recommended, AI adequate intake, UL upper limit, "
            "CDRR reduce if above (sodium).\nWater is in grams (1 L = 1,000 g). "
            "Sources and notes: --format csv or json.\n",
            sys.stdout,
        )
    else:
        _emit_table(refs, args.format)
    return 0


# --------------------------------------------------------------------------- entry point


def _error_message(err: BaseException) -> str:
    """One line, with every character from a file made visible."""
    if isinstance(err, ValidationError):
        text = readable_error(err, "input")
    elif isinstance(err, OSError) and not isinstance(err, NutrilogError):
        name = err.filename if err.filename is not None else ""
        reason = err.strerror or str(err)
        text = f"cannot read {str(name)!r}: {reason}" if name else reason
    else:
        text = str(err)
    return visible(" ".join(text.split()))


def _internal_error(err: BaseException) -> str:
    """The one line shown for an unexpected exception (a bug), without a traceback."""
    where = ""
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None:
        where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
    detail = _error_message(err) or "no message"
    return (
        f"internal error: {type(err).__name__}{where}: {detail}; please report this "
        "with the command that caused it"
    )


def _stdout_gone() -> None:
    """After a broken pipe (``nutrilog ... | head``): send what is left to /dev/null."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nutrilog`` command; return the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 done, 1 input or output problems, 2 usage errors, 3 internal error.
        Never raises (but ``SystemExit`` from ``--help``): an unexpected
        exception is one line ``internal error: ...`` and status 3.

    Examples
    --------
    >>> main(["foods", "search", "raw spinach", "--limit", "1", "--format", "csv"])  # doctest: +ELLIPSIS
    id,description,score
    sr28:11457,"Spinach, raw",100.0
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        _check_profile_args(parser, args)
    except SystemExit as exit_:  # argparse: 0 after --help/--version, 2 on usage errors
        return exit_.code if isinstance(exit_.code, int) else 2
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            status = int(args.func(args))
            if sys.stdout is not None:
                sys.stdout.flush()  # a broken pipe shows here, not at exit
    except (ProfileError, ArgumentError) as err:  # bad --age/--sex, --date, -o: usage errors
        _say(f"{PROG} {args.command}: error: {_error_message(err)}\n")
        return 2
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
        _stdout_gone()
        return 1
    except (NutrilogError, OSError, ValidationError) as err:
        _say(f"{PROG}: error: {_error_message(err)}\n")
        return 1
    except KeyboardInterrupt:
        _say(f"{PROG}: interrupted\n")
        return 130
    except Exception as err:  # a bug: one line, its own status, never a traceback
        _say(f"{PROG}: {_internal_error(err)}\n")
        return 3
    finally:
        for message in dict.fromkeys(str(w.message) for w in caught):
            _warn(message)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
