"""Readers that turn food logs into a :class:`~nutrilog.log.FoodLog`.

One module per format: :mod:`~nutrilog.iotools.csv` (structured CSV),
:mod:`~nutrilog.iotools.text` (free text), :mod:`~nutrilog.iotools.cronometer`
(``servings.csv`` and ``dailysummary.csv``), :mod:`~nutrilog.iotools.myfitnesspal`
(Nutrition Summary), :mod:`~nutrilog.iotools.asa24` (ASA24 Items files),
:mod:`~nutrilog.iotools.nhanes` (NHANES individual-foods files, ``.XPT``) and
:mod:`~nutrilog.iotools.frame` (a DataFrame). Research logs may name foods by
code alone (FNDDS food codes, SR28 NDB numbers; see :mod:`~nutrilog.iotools._codes`).
:mod:`~nutrilog.iotools.detect` recognises the format; the header table of every
source is in :mod:`~nutrilog.iotools._columns`.

Reading does no unit conversion to grams and no food matching; the only
conversion is vitamin D IU → µg (÷ 40) for values a source reports.

The limits of reading are named here for callers and tests: :data:`SAMPLE_BYTES`
(the part of a file sniffed first), :data:`MAX_LINE_CHARS` (a longer row is
rejected), :data:`MAX_COLUMNS` (a header naming more is refused) and
:data:`TABLE_READING` (when a file is read in chunks unasked, and whether
with Arrow strings);
:func:`split_lines` splits text into physical lines as every reader counts them,
and :func:`normalize_food_id` reads one food code (``"sr28:1001"``, ``"01001"``).

Examples
--------
>>> import io
>>> log = read_log(io.StringIO("2026-11-20\\nBreakfast:\\n2 medium bananas\\n"))
>>> log.entries[["date", "meal", "food", "quantity", "unit"]].values.tolist()[0][1:]
['Breakfast', 'bananas', 2.0, 'medium']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

from nutrilog._checks import keyword_arguments
from nutrilog._lazy import later_names
from nutrilog.errors import LogParseError
from nutrilog.iotools._build import MAX_AMOUNT as MAX_AMOUNT  # for user food tables
from nutrilog.iotools._build import default_date as default_date  # for the CLI
from nutrilog.iotools._codes import RECALL_DAY_ONE as RECALL_DAY_ONE  # numbered days (reports)
from nutrilog.iotools._codes import food_id_problem as food_id_problem  # for the analysis
from nutrilog.iotools._codes import normalize_food_id as normalize_food_id  # for tests
from nutrilog.iotools._codes import person_id as person_id  # for people tables
from nutrilog.iotools._columns import header_key as header_key  # for people tables
from nutrilog.iotools._header import MAX_COLUMNS as MAX_COLUMNS  # for tests
from nutrilog.iotools._source import MAX_LINE_CHARS as MAX_LINE_CHARS  # for tests
from nutrilog.iotools._source import SAMPLE_BYTES as SAMPLE_BYTES  # for tests
from nutrilog.iotools._source import open_input
from nutrilog.iotools._source import shorten as shorten  # for the CLI
from nutrilog.iotools._source import split_lines as split_lines  # for tests
from nutrilog.iotools._table import TABLE_READING as TABLE_READING  # for tests
from nutrilog.iotools.csv import read_csv_log
from nutrilog.iotools.detect import FORMATS, detect_format
from nutrilog.iotools.nhanes import NHANES_SUFFIXES, nhanes_day, read_nhanes
from nutrilog.log import FoodLog

if TYPE_CHECKING:
    from nutrilog.iotools._usertable import read_user_table as read_user_table
    from nutrilog.iotools.asa24 import read_asa24
    from nutrilog.iotools.cronometer import read_cronometer, read_cronometer_daily
    from nutrilog.iotools.frame import from_frame
    from nutrilog.iotools.myfitnesspal import read_myfitnesspal
    from nutrilog.iotools.text import parse_entries, read_text_log

#: Readers imported when first used (a CSV log needs none of them): name -> its module.
_LATER = {
    "read_user_table": "nutrilog.iotools._usertable",  # for user tables
    "read_asa24": "nutrilog.iotools.asa24",
    "read_cronometer": "nutrilog.iotools.cronometer",
    "read_cronometer_daily": "nutrilog.iotools.cronometer",
    "from_frame": "nutrilog.iotools.frame",
    "read_myfitnesspal": "nutrilog.iotools.myfitnesspal",
    "parse_entries": "nutrilog.iotools.text",
    "read_text_log": "nutrilog.iotools.text",
}


__getattr__ = later_names(__name__, _LATER)


__all__ = [
    "FORMATS",
    "read_log",
    "parse_entries",
    "from_frame",
    "detect_format",
    "read_csv_log",
    "read_text_log",
    "read_cronometer",
    "read_cronometer_daily",
    "read_myfitnesspal",
    "read_asa24",
    "read_nhanes",
]

#: The reader of each format, by name (see :func:`_reader`).
_READERS = {
    "csv": "read_csv_log",
    "text": "read_text_log",
    "cronometer": "read_cronometer",
    "cronometer_daily": "read_cronometer_daily",
    "myfitnesspal": "read_myfitnesspal",
    "asa24": "read_asa24",
    "nhanes": "read_nhanes",
}


def _reader(fmt: str) -> Any:
    """The reader function of format ``fmt`` (imported now if it is read later)."""
    name = _READERS[fmt]
    return globals()[name] if name in globals() else __getattr__(name)


Source = (
    str | os.PathLike[str] | IO[str] | IO[bytes] | pd.DataFrame | Sequence[str | os.PathLike[str]]
)


def read_log(
    source: Source,
    format: str | None = None,
    *,
    date: object = None,
    person: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
    **options: Any,
) -> FoodLog:
    """Read a food log in any supported format.

    Parameters
    ----------
    source : path, file-like, DataFrame or list of paths
        A list of paths is read file by file and concatenated (each row keeps
        its own ``source`` and ``line``).
    format : {"csv", "text", "cronometer", "cronometer_daily", "myfitnesspal", "asa24", "nhanes"}, optional
        Detected from the content (and file name: ``.XPT`` is NHANES) when None.
    date : str or date, optional
        Date for entries that have none (text logs without day headings, CSVs
        without a date column). Without it such entries have date NaT.
    person : str, optional
        Whose log it is, for rows that do not say (default ``"default"``).
    strict : bool
        Raise :class:`~nutrilog.errors.LogParseError` (file, line, text, reason)
        at the first row that cannot be read, instead of collecting it in
        ``FoodLog.rejected``.
    encoding : str, optional
        Force an encoding (UTF-8 with or without BOM, then Windows-1252/Latin-1
        are sniffed otherwise).
    chunksize : int, optional
        Read this many rows (text: lines) at a time (same result, bounded
        memory). Files over 64 MB are read in chunks of about 128 MB (at most
        1,000,000 rows) anyway.
    **options
        Format-specific: ``sep``, ``dayfirst`` (csv); ``meal`` (text);
        ``calcium_dv_mg``, ``zeros_as_missing`` (myfitnesspal).

    Returns
    -------
    FoodLog
        ``entries``, ``rejected``, ``rows_read`` (= entries + rejected) and
        ``skipped_lines`` (header, headings, comments, blank lines): every
        physical line is one of them (``lines_read``).

    Raises
    ------
    LogParseError
        For whole-file problems (empty, binary, undecodable, a directory, wrong
        delimiter, no food column, more than 2,000 named columns) always; for
        bad rows only when ``strict``.
    ArgumentError
        For an argument that cannot be used (``date=`` unreadable or outside
        1678-2261, ``calcium_dv_mg=`` not a finite number above 0...).

    Warns
    -----
    UserWarning
        When a file gives no rows at all, and when some lines of a UTF-8 file
        had to be read as Windows-1252 (the file and lines are named).
    """
    if isinstance(source, pd.DataFrame):
        if format == "nhanes" or (
            format is None and nhanes_day(list(source.columns)) is not None
        ):  # the frame pandas.read_sas gives of an individual-foods file
            return read_nhanes(source, strict=strict, person=person)
        frame_reader = __getattr__("from_frame")
        keyword_arguments(frame_reader, options)
        return frame_reader(source, strict=strict, date=date, person=person, **options)
    if isinstance(source, (list, tuple)):
        return FoodLog.concat(
            read_log(
                item,
                format,
                date=date,
                person=person,
                strict=strict,
                encoding=encoding,
                chunksize=chunksize,
                **options,
            )
            for item in source
        )
    if format is not None and format not in FORMATS:
        raise LogParseError(
            f"unknown format: expected one of {', '.join(FORMATS)}, found {format!r}"
        )
    if isinstance(source, (str, os.PathLike)) and (
        format == "nhanes" or str(source).lower().endswith(NHANES_SUFFIXES)
    ):  # SAS transport files are binary: read by pandas, not as text
        return read_nhanes(source, strict=strict, person=person)
    inp = open_input(source, encoding)  # type: ignore[arg-type]
    fmt = format or detect_format(inp.sample, inp.name)
    kwargs: dict[str, Any] = {
        "date": date,
        "person": person,
        "strict": strict,
        "chunksize": chunksize,
        **options,
    }
    reader = _reader(fmt)
    keyword_arguments(reader, options)
    return reader(inp, **kwargs)
