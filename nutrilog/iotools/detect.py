"""Recognise a log's format and delimiter from its first lines.

Formats
-------
``cronometer``
    header has ``Food Name`` and ``Amount`` (Cronometer ``servings.csv``);
``cronometer_daily``
    header starts with ``Date`` and has ``Energy (kcal)`` but no food or meal
    column (Cronometer ``dailysummary.csv``);
``myfitnesspal``
    header has ``Date``, ``Meal`` and ``Calories`` (MyFitnessPal "Nutrition Summary");
``asa24``
    header has ``UserName``, ``RecallNo``, ``FoodCode`` and ``FoodAmt`` (ASA24 Items);
``nhanes``
    header has ``SEQN`` and the food code and grams of one recall day
    (``DR1IFDCD``, ``DR1IGRMS`` or ``DR2IFDCD``, ``DR2IGRMS``); ``.XPT`` files are
    recognised by their name (:func:`nutrilog.read_log`);
``csv``
    any other table whose rows split consistently on ``,``, ``;``, tab or ``|``
    and whose header names a known column (or a file named ``*.csv``/``*.tsv``);
``text``
    everything else: one entry per line.

Examples
--------
>>> detect_format("Date,Meal,Calories,Sodium (mg)\\n2026-11-20,Lunch,500,300\\n")
'myfitnesspal'
>>> detect_format("Monday 20 Nov:\\n2 eggs\\n")
'text'
"""

from __future__ import annotations

import csv
import io

from nutrilog.iotools._columns import header_key, map_columns
from nutrilog.iotools._source import split_lines

__all__ = ["FORMATS", "sniff_delimiter", "detect_format", "split_cells"]

#: The formats :func:`nutrilog.read_log` reads.
FORMATS = ("csv", "text", "cronometer", "cronometer_daily", "myfitnesspal", "asa24", "nhanes")
_DELIMITERS = (",", ";", "\t", "|")


def _content_lines(sample: str, limit: int = 50) -> list[str]:
    lines = []
    for line in split_lines(sample):
        text = line.strip().lstrip("\ufeff")
        if text and not text.startswith("#"):
            lines.append(line.lstrip("\ufeff"))
        if len(lines) >= limit:
            break
    return lines


def split_cells(line: str, sep: str) -> list[str]:
    """The cells of one line; a line the csv module cannot split is one cell.

    Examples
    --------
    >>> split_cells('2026-11-20,"rice, white",1', ",")
    ['2026-11-20', 'rice, white', '1']
    """
    try:
        return next(csv.reader(io.StringIO(line), delimiter=sep), [])
    except csv.Error:  # a field longer than csv.field_size_limit()
        return [line]


def _fields(line: str, sep: str) -> int:
    return len(split_cells(line, sep))


def sniff_delimiter(sample: str) -> str | None:
    """The delimiter that splits the header and most rows into the same number (≥ 2) of fields.

    Returns None for a single-column or free-text sample.

    Examples
    --------
    >>> sniff_delimiter("date;food;amount\\n2026-11-20;rice;1,5\\n")
    ';'
    >>> sniff_delimiter("2 eggs\\n1 slice toast\\n") is None
    True
    """
    lines = _content_lines(sample)
    if not lines:
        return None
    best, best_fields = None, 1
    complete = sample.endswith(("\n", "\r"))
    body = (
        lines[1:] if complete or len(lines) < 3 else lines[1:-1]
    )  # the last sampled line may be cut
    for sep in _DELIMITERS:
        width = _fields(lines[0], sep)
        if width < 2:
            continue
        agree = sum(_fields(line, sep) == width for line in body)
        if body and agree < 0.8 * len(body):
            continue
        if width > best_fields:
            best, best_fields = sep, width
    return best


def detect_format(sample: str, name: str | None = None) -> str:
    """Guess the format of a log from its first lines (and file name).

    Parameters
    ----------
    sample : str
        The decoded beginning of the file.
    name : str, optional
        File name; ``.csv``/``.tsv`` favour ``csv``, ``.txt`` favours ``text``.

    Returns
    -------
    str
        One of :data:`FORMATS`.
    """
    lines = _content_lines(sample)
    if not lines:
        return "text"
    sep = sniff_delimiter(sample)
    header = split_cells(lines[0], sep or ",")
    keys = {header_key(h) for h in header}
    if {"food name", "amount"} <= keys and keys & {"day", "date"}:
        return "cronometer"
    if {"date", "meal", "calories"} <= keys:
        return "myfitnesspal"
    if {"username", "recallno", "foodcode", "foodamt"} <= keys:
        return "asa24"
    if "seqn" in keys and ({"dr1ifdcd", "dr1igrms"} <= keys) != ({"dr2ifdcd", "dr2igrms"} <= keys):
        return "nhanes"  # one recall day's food codes and grams
    if (
        header
        and header_key(header[0]) == "date"
        and "energy kcal" in keys
        and not keys & {"food name", "meal", "food"}
    ):
        return "cronometer_daily"
    suffix = (name or "").lower().rsplit(".", 1)[-1] if name and "." in name else ""
    if suffix == "txt":
        return "text"
    mapped = {std for std, _ in map_columns(header, "csv").values()}
    if sep is not None and mapped:
        return "csv"
    if suffix in {"csv", "tsv"}:
        return "csv"
    if sep is None and len(header) == 1 and mapped & {"food"} and len(lines[0].split()) == 1:
        return "csv"  # a one-column table headed "food"
    return "text"
