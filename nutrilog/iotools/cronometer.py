"""Read Cronometer exports: ``servings.csv`` (one row per food) and ``dailysummary.csv``.

servings.csv
    ``Day, [Time], Group, Food Name, Amount, <nutrients...>, Category``. Older
    exports have fewer nutrient columns (no water, sodium or vitamin D) and an
    often empty ``Time``; both layouts are read, and a missing column stays NaN.
    ``Group`` becomes ``meal``; ``Category`` is kept, and ``Supplements`` makes
    the row kind ``supplement``. Every row is ``reported`` (Cronometer computed
    its nutrients); an empty nutrient cell is NaN (not available), never 0.

    ``Amount`` is a number and a measure: ``2.00 medium``, ``600.00 g``,
    ``4.00 x 4.0 oz`` (16 oz), ``2.00 x 1000.0 IU`` (2000 IU), ``1.00 1/2 cup``
    (half a cup), ``1.00 medium - 7" to 7 7/8" long`` (unit ``medium``, the rest in
    ``amount_note``, where it picks the portion of that size). A measure that states
    its weight or volume is read as that amount: ``1.00 shake (11 fl oz)`` is 11 fl
    oz, ``2.00 container - each 5.3 oz`` 10.6 oz. A measure that is not in the unit
    alias table is kept as written, lower-cased (unit kind empty): the food's portion
    of that name weighs it (``6.00 olive``, ``1.00 Cubic Inch``, ``1.00 pizza 8"
    diameter``).

dailysummary.csv
    ``Date, <nutrients...>, Completed``: one entry per day with text
    ``daily summary``, no amount, ``reported=True``.

``Vitamin D (IU)`` becomes ``vitamin_d_ug`` (÷ 40), ``B12 (Cobalamin) (µg)``
``vitamin_b12_ug``, ``Water (g)`` ``water_g``, and so on (see
:mod:`nutrilog.iotools._columns`).

Examples
--------
>>> parse_cronometer_amount('4.00 x 4.0 oz')
ParsedAmount(food='', quantity=16.0, unit='oz', unit_kind='mass', note='4 x 4 oz')
>>> parse_cronometer_amount('1.00 medium - 7" to 7 7/8" long').note
'7" to 7 7/8" long'
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from nutrilog.errors import LogParseError
from nutrilog.iotools._build import (
    default_date,
    finish,
    numeric_columns,
    resolve_dates,
    row_text,
)
from nutrilog.iotools._cells import cells
from nutrilog.iotools._chunks import read_chunks
from nutrilog.iotools._columns import map_columns
from nutrilog.iotools._kinds import apply_kinds
from nutrilog.iotools._rejections import Rejections
from nutrilog.iotools._source import ReaderSource, open_input
from nutrilog.iotools._table import LINE
from nutrilog.log import FoodLog
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.quantity import AMOUNT_COLUMNS, ParsedAmount
from nutrilog.units import normalize_unit

__all__ = ["parse_cronometer_amount", "read_cronometer", "read_cronometer_daily"]

_AMOUNT = re.compile(
    r"^\s*(?P<a>\d+(?:\.\d+)?)\s*(?:x\s*(?P<b>\d+(?:\.\d+)?)\s*)?(?P<rest>.*?)\s*$", re.I
)
_HEAD = re.compile(r"^(?P<head>[^\d(,\-\"]*?)\s*(?:[-,(]\s*|(?=\d)|$)(?P<detail>.*)$")
# A leading number or fraction in the measure: "1.00 1/2 cup" is half a cup.
_LEADING = re.compile(r"^(?P<n>\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+)\s+(?P<rest>\D.*)$")
# A weight or volume inside the measure: "shake (11 fl oz)", "container - each 5.3 oz".
_MEASURE = re.compile(
    r"(?:^|[\s(;,])(?:each\s+)?(?P<n>\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+)\s*"
    r"(?P<u>fl\.?\s?oz|fluid ounces?|oz|ounces?|g|grams?|kg|ml|l|lbs?|cups?|tbsp|tsp)(?=$|[\s);,.])",
    re.I,
)


def _number(text: str) -> float:
    """``2``, ``0.5``, ``3/4``, ``7 7/8``."""
    whole, _, frac = text.strip().partition(" ")
    if "/" in whole:
        frac, whole = whole, "0"
    value = float(whole)
    if frac:
        num, den = frac.split("/")
        value += float(num) / float(den) if float(den) else math.nan
    return value


def _clean_detail(text: str) -> str:
    detail = re.sub(r"\s+-\s+", "; ", text.replace("(", " ").replace(")", " "))
    return " ".join(detail.split()).strip(" ;,-")


@lru_cache(maxsize=16384)
def parse_cronometer_amount(text: str) -> ParsedAmount:
    """Read a Cronometer ``Amount`` cell into quantity, unit and note.

    Returns quantity NaN and note ``unreadable amount`` when the cell does not
    start with a number (the reader rejects such rows).

    Examples
    --------
    >>> parse_cronometer_amount("1.00 shake (11 fl oz)")
    ParsedAmount(food='', quantity=11.0, unit='fl_oz', unit_kind='volume', note='1 shake')
    >>> parse_cronometer_amount("2.00 x 1000.0 IU")[1:3]
    (2000.0, 'IU')
    """
    m = _AMOUNT.match(text or "")
    if m is None:
        return ParsedAmount("", math.nan, None, None, "unreadable amount")
    quantity = float(m["a"]) * (float(m["b"]) if m["b"] else 1.0)
    rest = m["rest"]
    notes = [f"{float(m['a']):g} x {float(m['b']):g} {rest}".strip()] if m["b"] else []
    leading = _LEADING.match(rest)
    if leading is not None and not math.isnan(_number(leading["n"])):  # "1.00 1/2 cup"
        notes.append(f"{quantity:g} x {leading['n']} {leading['rest']}")
        quantity *= _number(leading["n"])
        rest = leading["rest"]
    if not rest:
        return ParsedAmount("", quantity, None, None, "; ".join(notes) or None)
    info = normalize_unit(rest)
    if info is not None:
        return ParsedAmount("", quantity, info.unit, info.kind, "; ".join(notes) or None)
    weighed = _weighed(quantity, rest, notes)
    if weighed is not None:
        return weighed
    split = _HEAD.match(rest)
    head = (split["head"] if split else rest).strip()
    detail = _clean_detail(split["detail"]) if split else ""
    info = normalize_unit(head) if head else None
    if info is None and head:
        words = head.split()
        last = normalize_unit(words[-1])
        first = normalize_unit(words[0])
        measured = first is not None and first.kind in ("mass", "volume")
        if len(words) > 1 and last is not None and not measured:  # "large cup", "small slice"
            info, detail = last, "; ".join(filter(None, [" ".join(words[:-1]), detail]))
        elif len(words) > 1 and first is not None:  # "cup chopped", "tbsp whole"
            info, detail = first, "; ".join(filter(None, [" ".join(words[1:]), detail]))
    if info is not None:
        unit, kind = info.unit, info.kind
    else:
        unit, kind = (head or rest).lower(), None
    if detail:
        notes.append(detail)
    return ParsedAmount("", quantity, unit, kind, "; ".join(notes) or None)


def _weighed(quantity: float, rest: str, notes: list[str]) -> ParsedAmount | None:
    """A household measure that states its weight or volume (``shake (11 fl oz)``,
    ``container - each 5.3 oz``): that weight or volume, per unit counted."""
    found = _MEASURE.search(rest)
    info = normalize_unit(found["u"]) if found is not None else None
    if found is None or info is None or info.kind not in ("mass", "volume"):
        return None
    size = _number(found["n"])
    if not size > 0:
        return None
    measure = _clean_detail(rest[: found.start()] + " " + rest[found.end() :]).strip("; ")
    measure = re.sub(r"\beach\b", "", measure).strip(" ;,-")
    shown = f"{quantity:g} {measure}".strip() if measure else None
    return ParsedAmount(
        "",
        quantity * size,
        info.unit,
        info.kind,
        "; ".join([*notes, *filter(None, [shown])]) or None,
    )


def _amounts(amount: pd.Series) -> pd.DataFrame:
    codes, uniques = pd.factorize(amount, use_na_sentinel=False)
    table = pd.DataFrame([parse_cronometer_amount(str(u)) for u in uniques], columns=AMOUNT_COLUMNS)
    out = table.iloc[codes].reset_index(drop=True)
    out.index = amount.index
    return out.drop(columns=["food"])


def _require(
    columns: list[object], mapping: dict[object, tuple[str, str]], needed: dict[str, str], name: str
) -> None:
    have = {std for std, _ in mapping.values()}
    missing = [label for std, label in needed.items() if std not in have]
    if missing:
        raise LogParseError(
            f"not a Cronometer export: expected columns {', '.join(missing)}, found columns {columns}",
            source=name,
        )


def _require_daily(
    columns: list[object], mapping: dict[object, tuple[str, str]], name: str
) -> None:
    """Refuse a table that is not a daily summary: one without nutrient columns, or one
    with a food column (a food log forced to this format would become empty days)."""
    nutrients = {std for std, _ in mapping.values()} & set(NUTRIENT_COLUMNS)
    foods = [c for c, (std, _) in map_columns(columns, "csv").items() if std == "food"]
    if foods or not nutrients:
        found = f"a food column {str(foods[0])!r}" if foods else "no nutrient column"
        raise LogParseError(
            "not a Cronometer daily summary: expected Date and daily nutrient columns such as "
            f"'Energy (kcal)' and no food column, found {found} in columns {columns}",
            source=name,
        )


def _days(frame: pd.DataFrame, std: dict[str, object], rej: Rejections, label: str) -> pd.Series:
    """The day of each row, read from the export's date column (named ``label``); a row
    whose date is unreadable or empty is rejected (Cronometer rows carry their own day)."""
    raw = cells(frame, std.get("date"))
    days, _ = resolve_dates(raw, rej, default=None)
    rej.add(
        raw == "", f"unparseable date: expected a date in column '{label}', found an empty cell"
    )
    return days


def _process_servings(
    frame: pd.DataFrame, mapping: dict[object, tuple[str, str]], *, source: str, person: str | None
) -> FoodLog:
    std = {standard: original for original, (standard, _) in mapping.items()}
    rej = Rejections(frame.index)
    food = cells(frame, std.get("food"))
    amount = cells(frame, std.get("amount"))
    out = _amounts(amount)
    rej.add(
        food == "", "missing food text: expected a food in column 'Food Name', found an empty cell"
    )
    rej.add(
        (amount != "") & out["quantity"].isna(),
        "non-numeric amount: expected a number and a measure such as '1.00 cup', found",
        cells=amount,
    )
    out.loc[amount == "", "amount_note"] = "no amount"
    out["food"] = food
    out["text"] = food.where(amount == "", food + ", " + amount)
    out["date"] = _days(frame, std, rej, "Day")
    out["time"] = cells(frame, std.get("time")).replace("", None)
    out["meal"] = cells(frame, std.get("meal")).replace("", None)
    category = cells(frame, std.get("category"))
    out["category"] = category.replace("", None)
    out["person"] = person or "default"
    out["line"] = frame[LINE].to_numpy()
    numeric_columns(frame, mapping, out, rej, wanted=set(NUTRIENT_COLUMNS))
    out["reported"] = True
    hint = category.str.strip().str.lower().isin(["supplements", "supplement"])
    apply_kinds(out, food, rej, hint=hint, fill_nutrients=False)
    return finish(
        out, rej, source=source, strict=False, reject_text=lambda r: row_text(frame, r, ",")
    )


def _run(
    source: ReaderSource,
    kind: str,
    date: object,
    *,
    person: str | None,
    strict: bool,
    encoding: str | None,
    chunksize: int | None,
) -> FoodLog:
    """Read a Cronometer export of ``kind``; ``date`` is checked, not used (rows carry their day)."""
    default_date(date)
    inp = open_input(source, encoding)

    def check(columns: list[object], mapping: dict[object, tuple[str, str]]) -> None:
        if kind == "cronometer":
            needed = {"date": "Day", "food": "Food Name", "amount": "Amount"}
            _require(columns, mapping, needed, inp.name)
        else:
            _require(columns, mapping, {"date": "Date"}, inp.name)
            _require_daily(columns, mapping, inp.name)

    process = _process_servings if kind == "cronometer" else _process_daily
    return read_chunks(
        inp,
        kind,
        check=check,
        process=lambda frame, mapping: process(frame, mapping, source=inp.name, person=person),
        strict=strict,
        sep=",",
        chunksize=chunksize,
    )


def read_cronometer(
    source: ReaderSource,
    *,
    person: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
    date: object = None,
) -> FoodLog:
    """Read a Cronometer ``servings.csv`` export.

    Parameters
    ----------
    source : path or file-like
        The export.
    person : str, optional
        Whose log it is (default ``"default"``).
    strict, encoding, chunksize
        As in :func:`~nutrilog.iotools.read_log`.
    date : optional
        Accepted for a uniform signature; Cronometer rows carry their own day
        (a row without one is rejected).

    Returns
    -------
    FoodLog
    """
    return _run(
        source, "cronometer", date, person=person, strict=strict, encoding=encoding,
        chunksize=chunksize,
    )  # fmt: skip


def _process_daily(
    frame: pd.DataFrame, mapping: dict[object, tuple[str, str]], *, source: str, person: str | None
) -> FoodLog:
    std = {standard: original for original, (standard, _) in mapping.items()}
    rej = Rejections(frame.index)
    out = pd.DataFrame(index=frame.index)
    out["date"] = _days(frame, std, rej, "Date")
    out["text"] = "daily summary"
    out["food"] = "daily summary"
    out["quantity"] = math.nan
    out["amount_note"] = "daily total: no amount"
    out["person"] = person or "default"
    out["line"] = frame[LINE].to_numpy()
    out["kind"] = "food"
    out["reported"] = True
    if "completed" in std:
        out["completed"] = (
            cells(frame, std["completed"]).str.lower().map({"true": True, "false": False})
        )
    numeric_columns(frame, mapping, out, rej, wanted=set(NUTRIENT_COLUMNS))
    return finish(
        out, rej, source=source, strict=False, reject_text=lambda r: row_text(frame, r, ",")
    )


def read_cronometer_daily(
    source: ReaderSource,
    *,
    person: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    chunksize: int | None = None,
    date: object = None,
) -> FoodLog:
    """Read a Cronometer ``dailysummary.csv`` export: one reported entry per day.

    Examples
    --------
    >>> import io
    >>> text = "Date,Energy (kcal),Vitamin D (IU),Completed\\n2026-11-20,1800.5,400,false\\n"
    >>> read_cronometer_daily(io.StringIO(text)).entries["vitamin_d_ug"].tolist()
    [10.0]
    """
    return _run(
        source, "cronometer_daily", date, person=person, strict=strict, encoding=encoding,
        chunksize=chunksize,
    )  # fmt: skip
