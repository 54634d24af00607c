"""What the ``nutrilog`` command writes: standard output and error, tables, progress.

Every text from a log or user file passes through :func:`nutrilog._visible.visible`
before it reaches the terminal.

Examples
--------
>>> import pandas as pd
>>> print(table_text(pd.DataFrame({"food": ["milk"], "grams": [244.0]})).strip())
food   grams
────────────
milk     244
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import pandas as pd

from nutrilog._visible import visible, visible_json
from nutrilog.errors import OutputError

__all__ = ["PROG", "write", "say", "warn", "is_tty", "table_text", "emit_table", "progress"]

PROG = "nutrilog"


def write(text: str, stream: TextIO | None) -> None:
    """Write ``text`` to standard output (or ``stream``); characters the stream's
    encoding lacks become ``?``. A closed standard output (``nutrilog ... >&-``)
    is an :class:`OutputError`."""
    if stream is None:
        raise OutputError("<standard output>", "it closed", expected="an open standard output")
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))


def say(text: str) -> None:
    """Write to standard error; when it is closed (``2>&-``) the text is lost."""
    if sys.stderr is not None:
        write(text, sys.stderr)


def warn(message: str) -> None:
    say(f"{PROG}: warning: {visible(' '.join(message.split()))}\n")


def is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def table_text(frame: pd.DataFrame, title: str | None = None) -> str:
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


def emit_table(frame: pd.DataFrame, fmt: str, title: str | None = None) -> None:
    if fmt == "csv":
        from nutrilog._csvsafe import to_csv

        shown = frame.apply(lambda col: col.map(lambda v: visible(v) if isinstance(v, str) else v))
        write(str(to_csv(shown, index=False, lineterminator="\n")), sys.stdout)
    elif fmt == "json":
        text = frame.to_json(orient="records", force_ascii=False, indent=2)
        write(visible_json(text) + "\n", sys.stdout)
    else:
        write(table_text(frame, title), sys.stdout)


@contextlib.contextmanager
def progress(enabled: bool, total: int) -> Iterator[Callable[[str], None]]:
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
