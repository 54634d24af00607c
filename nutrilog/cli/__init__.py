"""The ``nutrilog`` command line: analyse logs, look up foods, show reference intakes.

The package: :mod:`~nutrilog.cli.parser` (commands and options),
:mod:`~nutrilog.cli.analyze` (``analyze``), :mod:`~nutrilog.cli.lookup` (``foods``
and ``references``), :mod:`~nutrilog.cli.output` (what reaches the terminal); this
module runs a command and turns every failure into one line and an exit status.

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

import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from nutrilog._visible import visible
from nutrilog.cli.output import PROG, say, warn
from nutrilog.cli.parser import build_parser, check_profile_args
from nutrilog.errors import ArgumentError, NutrilogError, ProfileError
from nutrilog.profile import readable_error

__all__ = ["main", "build_parser"]


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
        check_profile_args(parser, args)
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
        say(f"{PROG} {args.command}: error: {_error_message(err)}\n")
        return 2
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
        _stdout_gone()
        return 1
    except (NutrilogError, OSError, ValidationError) as err:
        say(f"{PROG}: error: {_error_message(err)}\n")
        return 1
    except KeyboardInterrupt:
        say(f"{PROG}: interrupted\n")
        return 130
    except Exception as err:  # a bug: one line, its own status, never a traceback
        say(f"{PROG}: {_internal_error(err)}\n")
        return 3
    finally:
        for message in dict.fromkeys(str(w.message) for w in caught):
            warn(message)
    return status
