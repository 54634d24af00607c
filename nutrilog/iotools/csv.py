"""Read a structured CSV food log with flexible column names.

Headers are matched through :mod:`nutrilog.iotools._columns` (``date``/``day``,
``time``, ``meal``, ``food``/``item``/``description``, ``amount``/``quantity``/
``qty``, ``unit``, ``grams``, ``food id``/``fdc``/``ndb``, ``person``/``user``/
``participant``, ``kind``/``type``, ``note``, and nutrient columns such as
``magnesium_mg`` or ``Vitamin D (IU)``). Columns that match nothing are kept
as extra columns of ``entries``, the first :data:`MAX_EXTRA_COLUMNS` of them;
further ones, and columns without a header name, are not read (a warning says
so).

The delimiter (``,`` ``;`` tab ``|``) is sniffed; with any delimiter but the
comma, numbers may use a decimal comma (``1,5``). Amounts are read as described
in :func:`nutrilog.iotools._amounts.amounts_from_columns`: a number and a unit, an
amount text (``"1 cup"``), or the amount inside the food text.

A log may name its foods by id alone (research logs: ``SEQN, DR1IFDCD, DR1IGRMS``);
ids are read as :mod:`nutrilog.iotools._codes` describes (``11111000.0`` is
``fndds:11111000``), a row's food words are then its id, and its amount must be
in the grams or amount column. A ``recall_day`` column (``RecallNo``) dates rows
that have no date (:data:`~nutrilog.iotools._codes.RECALL_DAY_ONE`).

Whole-file problems raise :class:`~nutrilog.errors.LogParseError` even without
``strict``: no food column and no food id column (the columns found are named), a single column that
looks delimited by something else, undecodable, empty or binary files.

Examples
--------
>>> import io
>>> log = read_csv_log(io.StringIO("date,food,amount,unit\\n2026-11-20,spinach,1,cup\\n"))
>>> log.entries[["food", "quantity", "unit"]].values.tolist()
[['spinach', 1.0, 'cup']]
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

from nutrilog._checks import kind_argument
from nutrilog._joined import joined_text
from nutrilog._vector import choose, codes_of, per_unique_rows
from nutrilog.errors import ArgumentError, LogParseError
from nutrilog.iotools._amounts import amounts_from_columns
from nutrilog.iotools._build import (
    default_date,
    finish,
    numeric_columns,
    resolve_dates,
    row_text,
)
from nutrilog.iotools._cells import coded_cells, filled, text_or_none, to_number
from nutrilog.iotools._chunks import bad_rows_log, read_chunks
from nutrilog.iotools._codes import normalize_food_ids, normalize_person_ids, recall_dates
from nutrilog.iotools._columns import expected_names, map_columns
from nutrilog.iotools._header import header_offset
from nutrilog.iotools._kinds import apply_kinds
from nutrilog.iotools._numeric import read_numeric_log
from nutrilog.iotools._rejections import Rejections
from nutrilog.iotools._source import LogInput, ReaderSource, open_input, split_lines
from nutrilog.iotools._table import LINE
from nutrilog.iotools.detect import sniff_delimiter, split_cells
from nutrilog.log import ENTRY_COLUMNS, FoodLog, empty_entries
from nutrilog.nutrients import NUTRIENT_COLUMNS

__all__ = [
    "read_csv_log",
    "read_mapped_table",
    "process_frame",
    "bad_rows_log",
    "MAX_EXTRA_COLUMNS",
]

#: Columns that match no standard name are kept in ``entries`` up to this many.
MAX_EXTRA_COLUMNS = 100

_DELIMITERS = (",", ";", "\t", "|")
_NUMBER_LIKE = re.compile(r"^\d[\d\s.,/:-]*$")  # a date or number where a header name belongs

#: Standard columns of repeated text, read by pandas straight into categoricals.
_TEXT_ROLES = {"person", "date", "time", "meal", "food", "unit", "food_id", "kind", "note"}


def _text_columns(names: list[str]) -> set[str]:
    """The header names that map to columns of repeated text (see :data:`_TEXT_ROLES`)."""
    mapping = map_columns(names, "csv")
    return {str(name) for name, (standard, _) in mapping.items() if standard in _TEXT_ROLES}


def _wanted(names: list[str]) -> set[str]:
    """The columns read: every mapped one and the first :data:`MAX_EXTRA_COLUMNS` others."""
    mapping = map_columns(names, "csv")
    extra = [n for n in names if n not in mapping]
    return {str(n) for n in mapping} | set(extra[:MAX_EXTRA_COLUMNS])


def _header(inp: LogInput) -> str:
    lines = split_lines(inp.sample)
    offset = header_offset(inp.sample)
    return lines[offset].lstrip("\ufeff") if offset < len(lines) else ""


def _check_delimiter(header: str, columns: list[str], sep: str, name: str) -> None:
    if len(columns) != 1:
        return
    for other in _DELIMITERS:
        if other != sep and len(split_cells(header, other)) >= 2:
            raise LogParseError(
                f"wrong delimiter: expected a table delimited by {sep!r}, found a single column "
                f"{header[:60]!r} that looks delimited by {other!r}; pass sep={other!r}",
                source=name,
            )


def _joined(first: pd.Series, second: pd.Series) -> pd.Series:
    """Two columns of stripped cells joined by a space, skipping an empty one."""
    pairs = zip(first.to_numpy(dtype=object), second.to_numpy(dtype=object), strict=True)
    return pd.Series([f"{a} {b}" if a and b else a or b for a, b in pairs], dtype=object)


def row_texts(amount: pd.Series, food: pd.Series) -> pd.Series:
    """``"<amount> <food>"`` for every row, from two categorical columns.

    Amount and food together are nearly unique per row, so the texts are kept as
    codes into the distinct amounts and foods and joined only when read
    (:mod:`nutrilog._joined`); a row without food words is its amount alone.
    """
    amount_codes, amounts = codes_of(amount)
    if (
        all(a is None or a == "" for a in amounts)
        and isinstance(food.dtype, pd.CategoricalDtype)
        and not (food.cat.codes.to_numpy() < 0).any()
    ):  # no amount anywhere (grams only): each row's text is its food words, as they are
        return food
    food_codes, foods = codes_of(food)
    amounts = np.array(["" if a is None else str(a) for a in amounts], dtype=object)
    foods = np.array(["" if f is None else str(f) for f in foods], dtype=object)
    # left pieces: "<amount> " (or "" without one), then each amount alone
    prefixes = np.array([f"{a} " if a else "" for a in amounts], dtype=object)
    left = np.concatenate([prefixes, amounts])
    alone = (foods == "")[food_codes]
    left_codes = np.where(alone, amount_codes + len(amounts), amount_codes)
    return joined_text(left_codes, left, food_codes, foods, index=food.index)


def _amount_text(d: pd.DataFrame) -> pd.Series:
    return _joined(d["amount"], d["unit"])


def _detect_text(d: pd.DataFrame) -> pd.Series:
    by_amount = d["food"] + " " + d["amount"] + " " + d["unit"]
    return by_amount.where(d["grams"] == "", d["food"] + " " + d["grams"] + " g")


def _screen_text(d: pd.DataFrame) -> pd.Series:
    return (d["food"] + " 1 " + d["unit"]).where(d["grams"] == "", d["food"] + " 1 g")


def _recall_days(out: pd.DataFrame, cells: pd.Series, rej: Rejections, name: str) -> None:
    """A ``recall_day`` column (NHANES, ASA24 ``RecallNo``), and a placeholder date for the
    rows without one: recall day k is dated :data:`~nutrilog.iotools._codes.RECALL_DAY_ONE`
    + (k - 1) days."""
    number = to_number(cells).to_numpy(dtype="float64")
    given = filled(cells)
    whole = given & np.isfinite(number) & (number >= 1) & (number <= 366)
    whole &= number == np.floor(np.where(np.isfinite(number), number, 0))
    rej.add(
        given & ~whole,
        f"bad recall day: expected a whole number from 1 to 366 in column {name!r}, found",
        cells=cells,
    )
    out["recall_day"] = pd.array(np.where(whole, number, np.nan), dtype="Int64")
    undated = whole & out["date"].isna().to_numpy()
    if undated.any():
        dates = out["date"].to_numpy(dtype="datetime64[ns]").copy()
        dates[undated] = recall_dates(number[undated])
        out["date"] = dates


def process_frame(
    frame: pd.DataFrame,
    mapping: dict[object, tuple[str, str]],
    *,
    source: str,
    sep: str = ",",
    date: pd.Timestamp | None = None,
    person: str | None = None,
    dayfirst: bool | None = None,
    decimal_comma: bool = False,
    keep_extra: bool = True,
) -> FoodLog:
    """Turn one chunk of mapped cells (with a ``_line`` column) into a FoodLog (not strict)."""
    std = {standard: original for original, (standard, _) in mapping.items()}
    rej = Rejections(frame.index)
    names = {k: str(v) for k, v in std.items()}

    def col(name: str) -> pd.Series:
        return coded_cells(frame, std.get(name))

    food, amount, unit, grams = col("food"), col("amount"), col("unit"), col("grams")
    # A row that names its food by id alone (a research log of food codes) needs no text:
    # its food words are the id as written.
    by_id = None
    ids = normalize_food_ids(col("food_id")) if "food_id" in std else None
    if ids is not None:
        by_id = ~filled(food) & filled(col("food_id"))
        if by_id.any():
            food = ids if not filled(food).any() else choose(by_id, ids, food)
    out = amounts_from_columns(
        food, amount, unit, grams, rej, decimal_comma=decimal_comma, names=names, by_id=by_id
    )
    raw_date = (
        frame[std["date"]] if "date" in std else pd.Series("", index=frame.index, dtype=object)
    )
    out["date"], times = resolve_dates(raw_date, rej, default=date, dayfirst=dayfirst)
    if "recall_day" in std:
        _recall_days(out, col("recall_day"), rej, names["recall_day"])
    time = text_or_none(col("time"))
    if times.notna().any():  # a clock time written with the date fills an empty time cell
        time = time.astype(object).where(time.notna(), times.astype(object))
    out["time"] = time
    out["person"] = normalize_person_ids(text_or_none(col("person"), person or "default"))
    out["meal"] = text_or_none(col("meal"))
    out["food_id"] = ids if ids is not None else text_or_none(col("food_id"))
    parts = {"food": food, "amount": amount, "unit": unit, "grams": grams}
    amount_unit = per_unique_rows({"amount": amount, "unit": unit}, _amount_text, as_category=True)
    out["text"] = row_texts(amount_unit, food)
    out["line"] = frame[LINE].to_numpy()
    numeric_columns(
        frame, mapping, out, rej, wanted=set(NUTRIENT_COLUMNS), decimal_comma=decimal_comma
    )
    present = [c for c in NUTRIENT_COLUMNS if c in out.columns]
    out["reported"] = out[present].notna().any(axis=1) if present else False

    def detect_text(rows: pd.Series) -> pd.Series:
        # the whole line with its amount, built only for lines screened as supplements
        return per_unique_rows({k: v[rows] for k, v in parts.items()}, _detect_text)

    given = col("kind") if "kind" in std else None
    # a row that names a food id is food (unless its kind column says otherwise)
    named_food = filled(col("food_id")) if "food_id" in std else None
    if named_food is not None and given is not None:
        named_food &= ~filled(given)  # a kind written in the file is read in full
    # The kind of the other rows follows from the words with any amount: screen
    # on "food 1 unit", which repeats far more than the real amounts do.
    screen = None
    if named_food is None or not named_food.all():
        screen = per_unique_rows(
            {"food": food, "unit": unit, "grams": grams}, _screen_text, as_category=True
        )
    apply_kinds(out, detect_text, rej, given=given, screen=screen, named_food=named_food)
    if "note" in std:
        out["note"] = text_or_none(col("note"))
    if keep_extra:
        for original in frame.columns:
            if (
                original != LINE
                and original not in mapping
                and str(original) not in ENTRY_COLUMNS + NUTRIENT_COLUMNS
            ):
                values = frame[original]  # cells read as categorical come back as text
                coded = isinstance(values.dtype, pd.CategoricalDtype)
                out[str(original)] = values.to_numpy(dtype=object) if coded else values.to_numpy()
    return finish(
        out, rej, source=source, strict=False, reject_text=lambda r: row_text(frame, r, sep)
    )


def read_csv_log(
    source: ReaderSource,
    *,
    date: object = None,
    person: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
    sep: str | None = None,
    dayfirst: bool | None = None,
) -> FoodLog:
    """Read a structured CSV log.

    Parameters
    ----------
    source : path, file-like or LogInput
        The CSV file.
    date : str or date, optional
        Date for rows without one (and the year for dates written without one).
    person : str, optional
        Person for rows without one (default ``"default"``).
    strict, encoding, chunksize
        As in :func:`~nutrilog.iotools.read_log`.
    sep : str, optional
        Force the delimiter (sniffed otherwise).
    dayfirst : bool, optional
        How to read ambiguous numeric dates (decided from the column otherwise).

    Returns
    -------
    FoodLog
    """
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1):
        raise ArgumentError(f"sep: expected one character such as ',' or ';', found {sep!r}")
    if dayfirst is not None:
        kind_argument("dayfirst", dayfirst, bool, "True, False or None")
    inp = open_input(source, encoding)
    header = _header(inp)
    if not header and inp.complete:  # nothing but blank and comment lines
        warnings.warn(
            f"{inp.name}: no entries: expected a header and food log rows, found only "
            "comments or blank lines",
            stacklevel=2,
        )
        return FoodLog(empty_entries(), skipped_lines=len(split_lines(inp.sample.lstrip("\ufeff"))))
    delimiter = sep or sniff_delimiter(inp.sample) or ","
    fixed_date = default_date(date)
    if chunksize is None and fixed_date is None:  # a research log of numbers only
        numbers = read_numeric_log(inp, delimiter, person)
        if numbers is not None:
            return numbers
    return _read(inp, delimiter, header, chunksize, fixed_date, person, strict, dayfirst)


def read_mapped_table(
    inp: LogInput,
    columns: str,
    *,
    date: object = None,
    person: str | None = None,
    strict: bool = False,
    chunksize: int | None = None,
) -> FoodLog:
    """Read a delimited table whose headers are mapped by the ``columns`` source of the
    column table (``"asa24"``...); columns it does not map are read but not kept."""
    header = _header(inp)
    delimiter = sniff_delimiter(inp.sample) or ","
    fixed_date = default_date(date)
    return _read(
        inp, delimiter, header, chunksize, fixed_date, person, strict, None, columns=columns,
        keep_extra=False,
    )  # fmt: skip


def _read(
    inp: LogInput,
    sep: str,
    header: str,
    chunksize: int | None,
    date: pd.Timestamp | None,
    person: str | None,
    strict: bool,
    dayfirst: bool | None,
    *,
    columns: str = "csv",
    keep_extra: bool = True,
) -> FoodLog:
    def check(names: list[object], mapping: dict[object, tuple[str, str]]) -> None:
        _check_delimiter(header, names, sep, inp.name)
        if not {"food", "food_id"} & {std for std, _ in mapping.values()}:
            hint = ""
            if any(_NUMBER_LIKE.match(str(c)) for c in names):
                hint = (
                    f"; the first line looks like data, not a header: add a header line "
                    f"such as date{sep}food{sep}amount{sep}unit"
                )
            raise LogParseError(
                f"missing food column: expected one of {', '.join(expected_names('csv', 'food'))} "
                f"(or a food id column: {', '.join(expected_names('csv', 'food_id'))}), "
                f"found columns {names}{hint}",
                source=inp.name,
                line=header_offset(inp.sample) + 1,
            )

    def process(frame: pd.DataFrame, mapping: dict[object, tuple[str, str]]) -> FoodLog:
        return process_frame(
            frame,
            mapping,
            source=inp.name,
            sep=sep,
            date=date,
            person=person,
            dayfirst=dayfirst,
            decimal_comma=sep != ",",
            keep_extra=keep_extra,
        )

    return read_chunks(
        inp,
        columns,
        check=check,
        process=process,
        strict=strict,
        sep=sep,
        chunksize=chunksize,
        categorical=_text_columns if columns == "csv" else None,
        wanted=_wanted if keep_extra else None,
    )
