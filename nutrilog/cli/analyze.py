"""The ``nutrilog analyze`` command: read logs, analyse them, write the report and extras.

Outputs (``-o``, ``--daily``, ``--fixes``) are checked before any work and never
overwrite an input; problems with the log are one warning line each.

Examples
--------
>>> from pathlib import Path
>>> output_format(None, Path("week.md"))
'markdown'
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from nutrilog._visible import visible
from nutrilog.cli.lookup import person_profile
from nutrilog.cli.output import PROG, is_tty, progress, say, warn, write
from nutrilog.errors import ArgumentError, NutrilogError

__all__ = ["OUTPUT_SUFFIXES", "PROGRESS_MIN_BYTES", "output_format", "run"]

#: File suffixes of each output format of ``analyze`` (csv: the daily totals).
OUTPUT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "json": (".json",),
    "csv": (".csv",),
}

#: Inputs at least this large (bytes, all files together) get a progress bar on a terminal.
PROGRESS_MIN_BYTES = 2_000_000


def _analysis_profile(args: argparse.Namespace) -> Any:
    """The profile of ``analyze``: one person (``--age/--sex``) or a people file (``--people``)."""
    from nutrilog.people import read_people

    if args.people is not None:
        return read_people(args.people)
    return person_profile(args)


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


def _input_size(paths: Sequence[Path]) -> int:
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


def _summarise_problems(result: Any) -> list[str]:
    """One-line warnings about rejected rows, unmatched foods and entries without grams."""
    from nutrilog.iotools import shorten

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
                f"{flag}: expected a file that is not an input (an input is never overwritten: "
                f"choose another file name), found the input {clash!r}"
            )
        twin = input_clash(path, [other for _, other in outputs[:i]])
        if twin is not None:
            raise ArgumentError(
                f"{flag}: expected a file no other output option names, found {str(path)!r} "
                "named by another option too"
            )


def _formats_listed() -> str:
    return ", ".join(f"{fmt} ({' '.join(sfx)})" for fmt, sfx in OUTPUT_SUFFIXES.items())


def output_format(fmt: str | None, output: Path | None) -> str:
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
    from nutrilog.iotools import default_date

    if text is None:
        return
    try:
        default_date(text)
    except NutrilogError as err:
        reason = str(err).removeprefix("date= argument: ")
        raise ArgumentError(f"--date: {reason}") from None


def run(args: argparse.Namespace) -> int:
    from nutrilog.analysis import analyze
    from nutrilog.iotools import read_log
    from nutrilog.log import FoodLog

    _check_output(args)  # before any work: a refused -o costs nothing
    fmt = output_format(args.format, args.output)
    _check_date(args.date)
    profile = _analysis_profile(args)
    show_progress = is_tty(sys.stderr) and _input_size(args.logs) >= PROGRESS_MIN_BYTES
    options: dict[str, Any] = {"strict": args.strict}
    if args.date is not None:
        options["date"] = args.date
    if args.person is not None and len(args.person) == 1:
        options["person"] = args.person[0]
    with progress(show_progress, len(args.logs) + 1) as step:
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
            and is_tty(sys.stdout)
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
        write(text if text.endswith("\n") else text + "\n", sys.stdout)
    if args.daily is not None:
        write_text(args.daily, _daily_csv(result), inputs=inputs)
    if args.fixes is not None:
        from nutrilog.fixes import write_fixes

        write_fixes(result.fixes, args.fixes, inputs=inputs)

    problems = _summarise_problems(result)
    for line in problems:
        warn(line)
    if args.output is not None:
        what = "daily totals" if fmt == "csv" else "report"
        say(f"{PROG}: {what} written to {visible(args.output)}\n")
    if args.daily is not None:
        say(f"{PROG}: daily totals written to {visible(args.daily)}\n")
    if args.fixes is not None:
        n = len(result.fixes)
        say(
            f"{PROG}: {n} entr{'y' if n == 1 else 'ies'} to check written to "
            f"{visible(args.fixes)}: fill in food_id or grams_per_unit, then run again with "
            f"--aliases {visible(args.fixes)}\n"
        )
    strict_failure = args.strict and (len(result.rejected) or len(result.unmatched))
    return 1 if strict_failure else 0
