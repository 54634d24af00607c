"""Shared, vectorised steps that turn the raw cells of any reader into a FoodLog.

Every reader builds a DataFrame of raw cells (strings, ``""`` when empty), one
row per input row with its ``line`` number, and passes it through these steps.
Each step works on whole columns and parses each distinct value once. A row
that cannot be read gets a reason in a :class:`Rejections` and ends in
``FoodLog.rejected``; :func:`finish` splits the rows and, with ``strict=True``,
raises :class:`~nutrilog.errors.LogParseError` for the first problem instead.

:func:`finish` also rejects every row whose amount or nutrient value is infinite
(``1e400`` overflows to ``inf``) or at least :data:`MAX_AMOUNT`: such a number
is a typo or an attack, and summing it would overflow the daily totals.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from nutrilog._vector import coded, codes_of, per_unique
from nutrilog.errors import ArgumentError, LogParseError
from nutrilog.iotools._dates import MAX_YEAR, MIN_YEAR, column_dayfirst, parse_day, to_timestamp
from nutrilog.iotools._source import warn_if_empty
from nutrilog.iotools._table import MalformedTableError
from nutrilog.log import ENTRY_COLUMNS, FoodLog, entries_from_columns
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.quantity import AMOUNT_COLUMNS, parse_amounts
from nutrilog.supplements import KINDS, Kinds, kinds_of
from nutrilog.units import normalize_unit, vitamin_d_iu_to_ug

#: Amounts and nutrient values must be below this (1e9 g is a thousand tonnes).
MAX_AMOUNT = 1e9

_KINDS = {
    "food": "food", "meal": "food", "drink": "food", "beverage": "food", "snack": "food",
    "supplement": "supplement", "supplements": "supplement", "supp": "supplement",
    "vitamin": "supplement", "vitamins": "supplement", "water": "water",
}  # fmt: skip
_UNITS_HINT = "g, ml, cup, tbsp, tsp, oz, slice, medium (see datasets/units.csv)"


class Rejections:
    """The first reason each row cannot be read (None while it is fine).

    Examples
    --------
    >>> rej = Rejections(pd.RangeIndex(2))
    >>> rej.add(pd.Series([False, True]), "missing food text")
    >>> rej.bad.tolist()
    [False, True]
    """

    def __init__(self, index: pd.Index) -> None:
        self.index = index
        self._reason = np.full(len(index), None, dtype=object)
        self._bad = np.zeros(len(index), dtype=bool)

    def add(self, mask: pd.Series | np.ndarray, reason: str | pd.Series | Message) -> None:
        """Give ``reason`` to the rows in ``mask`` that have none yet."""
        rows = _as_mask(mask) & ~self._bad
        if not rows.any():
            return
        if isinstance(reason, Message):
            self._reason[rows] = reason.render(rows)
        elif isinstance(reason, pd.Series):
            self._reason[rows] = reason.iloc[np.flatnonzero(rows)].to_numpy(dtype=object)
        else:
            self._reason[rows] = reason
        self._bad |= rows

    @property
    def reason(self) -> pd.Series:
        """Each row's reason (None for rows that are fine)."""
        return pd.Series(self._reason, index=self.index, dtype=object)

    @property
    def bad(self) -> pd.Series:
        """Rows with a reason."""
        return pd.Series(self._bad, index=self.index)  # a copy (pandas copies arrays)

    @property
    def any(self) -> bool:
        """True when some row has a reason."""
        return bool(self._bad.any())


def _as_mask(mask: pd.Series | np.ndarray) -> np.ndarray:
    """A boolean array from a mask that may hold missing values (missing = False)."""
    if isinstance(mask, pd.Series):
        if mask.dtype == bool:
            return mask.to_numpy()
        return mask.fillna(False).to_numpy(dtype=bool)
    return np.asarray(mask, dtype=bool)


def cells(frame: pd.DataFrame, column: object | None) -> pd.Series:
    """A column as stripped strings (``""`` for missing), or all ``""`` if absent."""
    if column is None or column not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return per_unique(frame[column], _stripped)


def coded_cells(frame: pd.DataFrame, column: object | None) -> pd.Series:
    """A column as stripped strings in a categorical Series (``""`` for missing).

    Comparing, combining and deduplicating categorical cells works on integer
    codes; a column read as categorical is not hashed again.

    Examples
    --------
    >>> coded_cells(pd.DataFrame({"a": [" x", "x ", None]}), "a").tolist()
    ['x', 'x', '']
    """
    if column is None or column not in frame.columns:
        empty = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), categories=[""])
        return pd.Series(empty, index=frame.index)
    codes, uniques = codes_of(frame[column])
    stripped = _stripped(pd.Series(uniques, dtype=object)).to_numpy(dtype=object)
    return coded(codes, stripped, frame.index)


def text_or_none(values: pd.Series, empty: str | None = None) -> pd.Series:
    """Cells as a categorical of text with ``empty`` (default missing) for ``""`` and missing.

    Examples
    --------
    >>> text_or_none(pd.Series(["a", "", None]), "?").tolist()
    ['a', '?', '?']
    """
    codes, uniques = codes_of(values)
    blank = pd.isna(pd.Series(uniques, dtype=object)).to_numpy() | (uniques == "")
    uniques = uniques.copy()
    uniques[blank] = empty
    return coded(codes, uniques, values.index)


def _stripped(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def to_number(values: pd.Series, *, decimal_comma: bool = False) -> pd.Series:
    """Numbers from cells: ``1.5``, ``1,5`` (with ``decimal_comma``), ``1,500``; NaN otherwise.

    Examples
    --------
    >>> to_number(pd.Series(["1,5", "2", "x"]), decimal_comma=True).tolist()
    [1.5, 2.0, nan]
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype("float64")
    return per_unique(values, lambda distinct: _parse_numbers(distinct, decimal_comma))


def _parse_numbers(values: pd.Series, decimal_comma: bool) -> pd.Series:
    text = _stripped(values)
    if decimal_comma:
        text = text.str.replace(
            r"^(-?\d{1,3}(?:\.\d{3})+),(\d+)$",
            lambda m: m[1].replace(".", "") + "." + m[2],
            regex=True,
        )
        text = text.str.replace(r"^(-?\d+),(\d+)$", r"\1.\2", regex=True)
    else:
        text = text.str.replace(
            r"^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?)$", lambda m: m[1].replace(",", ""), regex=True
        )
    return pd.to_numeric(text, errors="coerce").astype("float64")


def resolve_dates(
    raw: pd.Series,
    rej: Rejections,
    *,
    default: pd.Timestamp | None,
    dayfirst: bool | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Dates (normalised datetime64) and times written with them; bad dates are rejected.

    Empty cells take ``default`` (NaT when None). A date without a year takes
    the year of ``default``, or is rejected.
    """
    fallback = pd.NaT if default is None else default
    times = pd.Series(None, index=raw.index, dtype=object)
    if pd.api.types.is_datetime64_any_dtype(raw):
        dates = (
            pd.to_datetime(raw).dt.tz_localize(None)
            if getattr(raw.dt, "tz", None)
            else pd.to_datetime(raw)
        )
        return dates.fillna(fallback).dt.normalize(), times
    text = coded_cells(pd.DataFrame({"d": raw}), "d")
    codes, uniques = codes_of(text)
    filled = uniques != ""
    first = column_dayfirst(
        pd.Series(uniques[filled], dtype=object), True if dayfirst is None else dayfirst
    )
    year = None if default is None else int(default.year)
    stamps = np.full(len(uniques), fallback, dtype=object)
    clock = np.full(len(uniques), None, dtype=object)
    reasons = np.full(len(uniques), None, dtype=object)
    for k in np.flatnonzero(filled):
        parsed = parse_day(str(uniques[k]), dayfirst=first)
        stamp, why = to_timestamp(parsed, year)
        stamps[k] = pd.NaT if stamp is None else stamp
        clock[k] = parsed.time
        reasons[k] = None if why is None else f"unparseable date: {why}"
    days = pd.to_datetime(pd.Series(stamps, dtype=object)).dt.normalize().to_numpy()
    dates = pd.Series(days[codes], index=raw.index, copy=False)
    times = coded(codes, clock, raw.index)
    unreadable = np.array([r is not None for r in reasons], dtype=bool)
    if unreadable.any():
        rej.add(unreadable[codes], pd.Series(reasons[codes], index=raw.index, dtype=object))
    return dates, times


class Message:
    """A rejection reason built from text and columns, spelled out only for rejected rows.

    Joining strings for every row of a million-row chunk to reject a handful is
    most of a reader's work; ``"found " + quoted(col)`` builds this instead, and
    :meth:`Rejections.add` renders it for the rows it rejects.

    Examples
    --------
    >>> msg = "found " + quoted(pd.Series(["x", "y"]))
    >>> msg.render(np.array([False, True])).tolist()
    ["found 'y'"]
    """

    def __init__(self, parts: list[str | pd.Series]) -> None:
        self.parts = parts

    def __add__(self, other: str | pd.Series) -> Message:
        return Message([*self.parts, other])

    def __radd__(self, other: str | pd.Series) -> Message:
        return Message([other, *self.parts])

    def render(self, rows: np.ndarray) -> np.ndarray:
        """The message of each row where the boolean array ``rows`` is True."""
        where = np.flatnonzero(rows)
        pieces = [
            part.iloc[where].to_numpy(dtype=object) if isinstance(part, pd.Series) else None
            for part in self.parts
        ]
        texts = [
            "".join(
                str(part) if piece is None else str(piece[k])
                for part, piece in zip(self.parts, pieces, strict=True)
            )
            for k in range(len(where))
        ]
        return np.array(texts, dtype=object)


def quoted(values: pd.Series) -> Message:
    """Cells in single quotes, for messages (rendered only for rejected rows)."""
    return Message(["'", values, "'"])


def amounts_from_text(texts: pd.Series, rej: Rejections) -> pd.DataFrame:
    """Parse free-text lines; reject negative amounts and lines without food words."""
    parsed = parse_amounts(texts)
    rej.add(
        parsed["quantity"] < 0,
        "negative amount: expected an amount of 0 or more, found " + quoted(texts),
    )
    no_food = parsed["food"].fillna("").str.strip() == ""
    rej.add(
        no_food & (texts.str.strip() == ""),
        "missing food text: expected food words, found an empty entry",
    )
    rej.add(
        no_food, "missing food text: expected food words, found only an amount in " + quoted(texts)
    )
    return parsed


def filled(values: pd.Series) -> np.ndarray:
    """True where a cell holds text (not ``""``, not missing), worked out per distinct cell.

    Examples
    --------
    >>> filled(pd.Series(["a", "", None])).tolist()
    [True, False, False]
    """
    codes, uniques = codes_of(values)
    present = ~pd.isna(pd.Series(uniques, dtype=object)).to_numpy() & (uniques != "")
    return present[codes]


def _unit_columns(units: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Canonical unit keys and kinds of unit cells, as categoricals (missing when unknown)."""
    codes, uniques = codes_of(units)
    known = [normalize_unit(str(u)) if u not in ("", None) else None for u in uniques]
    names = np.array([None if k is None else k.unit for k in known], dtype=object)
    kinds = np.array([None if k is None else k.kind for k in known], dtype=object)
    return coded(codes, names, units.index), coded(codes, kinds, units.index)


def _only(values: pd.Series, rows: np.ndarray) -> pd.Series:
    """A categorical with its values kept on ``rows`` and missing elsewhere."""
    codes = values.cat.codes.to_numpy().copy()
    codes[~rows] = -1
    return pd.Series(
        pd.Categorical.from_codes(codes, dtype=values.dtype), index=values.index, name=values.name
    )


def amounts_from_columns(
    food: pd.Series,
    amount: pd.Series,
    unit: pd.Series,
    grams: pd.Series,
    rej: Rejections,
    *,
    decimal_comma: bool = False,
    names: dict[str, str] | None = None,
    by_id: np.ndarray | None = None,
) -> pd.DataFrame:
    """Amounts from separate food / amount / unit / grams cells (all strings).

    ``by_id`` marks rows whose food is named by a food id alone (a code-only
    research log): they need no food text, and their amount must be in the
    amount or grams column (a food id is never read as an amount).

    * a number in ``amount`` with a known unit (or none: a count);
    * text in ``amount`` and no ``unit`` (``"1 cup"``): parsed with the quantity parser;
    * no ``amount``: the food text itself is parsed (``"1 cup spinach"``);
    * a ``grams`` value wins (unit ``g``) and the other amount goes to the note.

    Rejected: missing food text, non-numeric or negative amounts or grams, and a
    unit not in the alias table. Every step works per distinct cell; the usual
    case (a number and a known unit) keeps the columns categorical.
    """
    names = names or {}
    has_a, has_u, has_g, has_f = (filled(c) for c in (amount, unit, grams, food))
    if by_id is not None and by_id.any():
        rej.add(
            by_id & ~has_a & ~has_g,
            f"missing amount: expected grams (column {names.get('grams', 'grams')!r}) or an "
            "amount for a food named by its id, found empty cells",
        )
        has_f = has_f & ~by_id
    else:
        by_id = np.zeros(len(food), dtype=bool)
    if "food" not in names and "food_id" in names:  # a log of food codes alone
        missing = (
            f"missing food: expected a food id in column {names['food_id']!r}, found an empty cell"
        )
    else:
        missing = f"missing food text: expected a food in column {names.get('food', 'food')!r}, found an empty cell"
    rej.add(~has_f & ~by_id, missing)
    q_a = to_number(amount, decimal_comma=decimal_comma).to_numpy(dtype="float64")
    num_a = has_a & ~np.isnan(q_a)
    unit_key, unit_kind = _unit_columns(unit)
    unknown = has_u & unit_key.isna().to_numpy()
    rej.add(
        unknown & ~has_g,
        f"unknown unit: expected one of {_UNITS_HINT}, found " + quoted(unit),
    )
    rej.add(
        has_a & ~num_a & has_u,
        f"non-numeric amount: expected a number in column {names.get('amount', 'amount')!r}, found "
        + quoted(amount),
    )
    with_unit = num_a & has_u
    out = pd.DataFrame(
        {
            "food": food,
            "quantity": np.where(num_a, q_a, np.nan),
            "unit": _only(unit_key, with_unit),
            "unit_kind": _only(unit_kind, with_unit),
            "amount_note": np.full(len(food), None, dtype=object),
        },
        index=food.index,
    )
    q_g = to_number(grams, decimal_comma=decimal_comma).to_numpy(dtype="float64")
    rej.add(
        has_g & np.isnan(q_g),
        f"non-numeric grams: expected a number in column {names.get('grams', 'grams')!r}, found "
        + quoted(grams),
    )
    rej.add(
        has_g & (q_g < 0), "negative amount: expected grams of 0 or more, found " + quoted(grams)
    )
    text_a = has_a & ~num_a & ~has_u
    from_food = ~has_a & ~has_g & has_f
    use_g = has_g & ~np.isnan(q_g)
    if text_a.any() or from_food.any() or use_g.any():
        out = _written_amounts(
            out, food, amount, unit, rej, unit_key, unit_kind, q_g,
            text_a=text_a, from_food=from_food, use_g=use_g, has_u=has_u, unknown=unknown,
        )  # fmt: skip
    rej.add(
        out["quantity"].to_numpy() < 0,
        "negative amount: expected an amount of 0 or more, found " + quoted(amount),
    )
    return out


def _written_amounts(
    out: pd.DataFrame,
    food: pd.Series,
    amount: pd.Series,
    unit: pd.Series,
    rej: Rejections,
    unit_key: pd.Series,
    unit_kind: pd.Series,
    q_g: np.ndarray,
    *,
    text_a: np.ndarray,
    from_food: np.ndarray,
    use_g: np.ndarray,
    has_u: np.ndarray,
    unknown: np.ndarray,
) -> pd.DataFrame:
    """The less usual amounts: text in the amount cell, the amount inside the food
    text, and a grams column; these rows are parsed one distinct text at a time."""
    out = out.copy()
    for col in ("food", "unit", "unit_kind"):
        values = out[col].astype(object)
        out[col] = values.where(values.notna(), None)
    index = out.index
    if text_a.any():
        rows = pd.Series(text_a, index=index)
        parsed = parse_amounts(amount[rows].astype(object))
        no_number = (
            parsed["amount_note"].fillna("").str.contains("implicit one") & parsed["unit"].isna()
        )
        rej.add(
            no_number.reindex(index, fill_value=False),
            "non-numeric amount: expected a number such as 1.5 or an amount such as '1 cup', found "
            + quoted(amount),
        )
        out.loc[rows, ["quantity", "unit", "unit_kind"]] = parsed[
            ["quantity", "unit", "unit_kind"]
        ].to_numpy()
        extra = parsed["food"].where(parsed["food"] != "", None)
        out.loc[rows, "amount_note"] = join_notes(parsed["amount_note"], extra)
    if from_food.any():
        rows = pd.Series(from_food, index=index)
        parsed = parse_amounts(food[rows].astype(object))
        out.loc[rows, AMOUNT_COLUMNS] = parsed[AMOUNT_COLUMNS].to_numpy()
        take_unit = rows & pd.Series(has_u & ~unknown, index=index) & out["unit"].isna()
        if take_unit.any():
            out.loc[take_unit, "unit"] = unit_key[take_unit].astype(object).to_numpy()
            out.loc[take_unit, "unit_kind"] = unit_kind[take_unit].astype(object).to_numpy()
        rej.add(
            rows & (out["food"].fillna("") == ""),
            "missing food text: expected food words, found only an amount in " + quoted(food),
        )
    if use_g.any():
        rows = pd.Series(use_g, index=index)
        also = use_g & (filled(amount) | has_u)  # an amount written besides the grams: noted
        if also.any():
            picked = pd.Series(also, index=index)
            before = (amount[picked].astype(object) + " " + unit[picked].astype(object)).str.strip()
            note = ("logged as " + before).where(before != "", None)
            out.loc[picked, "amount_note"] = join_notes(out.loc[picked, "amount_note"], note)
        out.loc[rows, "quantity"] = q_g[use_g]
        out.loc[rows, ["unit", "unit_kind"]] = ["g", "mass"]
    out["quantity"] = pd.to_numeric(out["quantity"], errors="coerce").astype("float64")
    return out


def join_notes(*parts: pd.Series | None) -> pd.Series:
    """Join note columns with ``"; "``, skipping missing pieces (None when nothing).

    Examples
    --------
    >>> join_notes(pd.Series(["range 1-2", None]), pd.Series(["vague", None])).tolist()
    ['range 1-2; vague', None]
    """
    series = [p for p in parts if p is not None]
    index = series[0].index if series else pd.RangeIndex(0)
    out = np.full(len(index), None, dtype=object)
    have = np.zeros(len(index), dtype=bool)
    for part in series:
        values = part.to_numpy(dtype=object)
        present = part.notna().to_numpy(dtype=bool) & (values != "")
        if not present.any():
            continue
        both = have & present
        first = present & ~have
        out[first] = values[first]
        if both.any():
            out[both] = [f"{a}; {b}" for a, b in zip(out[both], values[both], strict=True)]
        have |= present
    return pd.Series(out, index=index, dtype=object)


def apply_kinds(
    frame: pd.DataFrame,
    detect_text: pd.Series | Callable[[pd.Series], pd.Series],
    rej: Rejections,
    *,
    given: pd.Series | None = None,
    hint: pd.Series | None = None,
    fill_nutrients: bool = True,
    screen: pd.Series | None = None,
    named_food: np.ndarray | None = None,
) -> None:
    """Set ``kind`` (food | supplement | water), supplement doses and ``reported`` in place.

    ``detect_text`` holds the whole lines, or (with ``screen``) builds them for a
    row mask, see :func:`~nutrilog.supplements.kinds_of`.
    ``given`` is a kind column from the file (unknown values are rejected);
    ``hint`` marks rows known to be supplements (a "Supplements" group);
    ``named_food`` marks rows whose source names a food id: they are food
    unless ``given`` says otherwise, and their words are not screened. Doses
    read from a supplement line fill NaN nutrient cells and make the row
    ``reported``.
    """
    found = _kinds(frame.index, detect_text, screen, named_food)
    code = found.code
    if hint is not None:
        code[_as_mask(hint) & (code == _FOOD)] = _SUPPLEMENT
    if given is not None:
        codes, uniques = codes_of(given)
        keys = ["" if u is None else str(u).strip().lower() for u in uniques]
        known = np.array([KINDS.index(_KINDS[k]) if k in _KINDS else -1 for k in keys])
        unknown = np.array([k != "" and k not in _KINDS for k in keys], dtype=bool)
        rej.add(
            unknown[codes],
            "unknown kind: expected food, supplement or water, found " + quoted(given),
        )
        named = known[codes]
        code = np.where(named >= 0, named, code).astype(np.int8)
    frame["kind"] = pd.Categorical.from_codes(code, categories=list(KINDS))
    if not fill_nutrients:  # a source that reports its own values needs no doses or dose notes
        return
    reported = _as_mask(frame["reported"]) if "reported" in frame.columns else None
    resolved = np.zeros(len(frame), dtype=bool) if reported is None else reported.copy()
    is_supp = code[found.rows] == _SUPPLEMENT
    rows, detected = found.rows[is_supp], found.detected[is_supp]
    for col in NUTRIENT_COLUMNS:
        dose = detected[col].to_numpy(dtype="float64")
        have = ~np.isnan(dose)
        if not have.any():
            continue
        values = (
            frame[col].to_numpy(dtype="float64", copy=True)
            if col in frame.columns
            else np.full(len(frame), np.nan)
        )
        empty = have & np.isnan(values[rows])
        values[rows[empty]] = dose[empty]
        frame[col] = values
        resolved[rows[have]] = True
    frame["reported"] = resolved
    if len(rows) and detected["note"].notna().any():
        notes = (
            frame["amount_note"].to_numpy(dtype=object, copy=True)
            if "amount_note" in frame.columns
            else np.full(len(frame), None, dtype=object)
        )
        notes[rows] = join_notes(
            pd.Series(notes[rows], dtype=object), detected["note"].reset_index(drop=True)
        ).to_numpy()
        frame["amount_note"] = notes


_FOOD, _SUPPLEMENT = KINDS.index("food"), KINDS.index("supplement")


def _kinds(
    index: pd.Index,
    detect_text: pd.Series | Callable[[pd.Series], pd.Series],
    screen: pd.Series | None,
    named_food: np.ndarray | None,
) -> Kinds:
    """:func:`~nutrilog.supplements.kinds_of` for the rows that do not name a food id."""
    if not len(index):  # a header without rows: nothing to screen (and no lines to build)
        return kinds_of(pd.Series([], dtype=object))
    if named_food is None or not named_food.any():
        return kinds_of(detect_text, screen=screen)
    todo = np.flatnonzero(~named_food)
    code = np.full(len(index), _FOOD, dtype=np.int8)
    if not len(todo):
        return Kinds(
            code, np.zeros(0, dtype=np.int64), kinds_of(pd.Series([], dtype=object)).detected
        )

    def lines(rows: pd.Series) -> pd.Series:
        full = np.zeros(len(index), dtype=bool)
        full[todo[rows.to_numpy(dtype=bool)]] = True
        return detect_text(pd.Series(full, index=index))  # type: ignore[operator]

    texts = lines if callable(detect_text) else detect_text.iloc[todo]
    found = kinds_of(texts, screen=None if screen is None else screen.iloc[todo])
    code[todo] = found.code
    return Kinds(code, todo[found.rows], found.detected)


def finish(
    frame: pd.DataFrame,
    rej: Rejections,
    *,
    source: str,
    strict: bool,
    reject_text: pd.Series | Callable[[Rejections], pd.Series],
) -> FoodLog:
    """Split rows into entries and rejected rows; raise on the first problem when ``strict``.

    ``reject_text`` is the text shown for rejected rows, or a function of the final
    rejections that builds it (e.g. ``lambda r: row_text(cells, r)``).
    """
    frame = frame.copy(deep=False)  # copy-on-write: the caller's frame is not touched
    frame["source"] = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), [source])
    _reject_out_of_range(frame, rej)
    if callable(reject_text):
        reject_text = reject_text(rej)
    bad = rej.bad
    if strict and rej.any:
        first = frame.loc[bad, "line"].astype("int64").idxmin()
        raise LogParseError(
            str(rej.reason[first]),
            source=source,
            line=int(frame.at[first, "line"]),
            text=str(reject_text[first]),
        )
    rejected = pd.DataFrame(
        {
            "source": source,
            "line": frame.loc[bad, "line"].astype("int64"),
            "text": reject_text[bad].astype(str),
            "reason": rej.reason[bad].astype(str),
        }
    )
    keep = [
        c
        for c in frame.columns
        if c in ENTRY_COLUMNS or c in NUTRIENT_COLUMNS or not c.startswith("_")
    ]
    good = ~bad.to_numpy(dtype=bool)
    columns = {}
    for col in keep:
        values = frame[col] if good.all() else frame[col][good]
        if col not in ENTRY_COLUMNS and col not in NUTRIENT_COLUMNS and _is_text(values):
            # extra columns keep plain text, as the source gave it
            values = values.astype(object)
            values = values.where(values.notna(), None)
        columns[col] = values
    return FoodLog(entries_from_columns(columns), rejected, rows_read=len(frame))


def _reject_out_of_range(frame: pd.DataFrame, rej: Rejections) -> None:
    """Reject rows with an infinite or implausibly large amount or nutrient value."""
    numeric = ["quantity", *NUTRIENT_COLUMNS]
    numeric += [c for c in frame.columns if str(c).endswith("_pct_dv")]
    for col in numeric:
        if col not in frame.columns:
            continue
        values = frame[col]
        if values.dtype != "float64":
            values = pd.to_numeric(values, errors="coerce").astype("float64")
        with np.errstate(invalid="ignore"):
            huge = np.abs(values.to_numpy()) >= MAX_AMOUNT
        if huge.any():
            what = "an amount" if col == "quantity" else f"a {col} value"
            rej.add(
                huge,
                f"amount out of range: expected {what} below {MAX_AMOUNT:,.0f}, found "
                + values.map(lambda v: f"{v:g}"),
            )


def _is_text(values: pd.Series) -> bool:
    return (
        isinstance(values.dtype, pd.CategoricalDtype)
        or pd.api.types.is_string_dtype(values)
        or values.dtype == object
    )


def read_all_chunks(name: str, read: Callable[[bool], list[FoodLog]]) -> FoodLog:
    """Read a file's chunks with the fast table reader, falling back to the robust one.

    ``read(robust)`` returns the chunk logs; a :class:`MalformedTableError` from the
    fast reader (a row it cannot split) makes the whole file be read again robustly.
    The chunks are joined in line order and an empty log is warned about.
    """
    try:
        logs = read(False)
    except MalformedTableError:
        logs = read(True)
    log = in_line_order(logs)
    warn_if_empty(int(log.rows_read or 0), name)
    return log


def in_line_order(logs: list[FoodLog]) -> FoodLog:
    """The chunks of one file as one log, rejected rows sorted by line.

    Rows that could not be split into fields are collected apart from the other
    rejected rows of their chunk; sorting makes the result independent of the
    chunk size.

    Examples
    --------
    >>> from nutrilog.log import empty_entries
    >>> bad = pd.DataFrame({"source": "f", "line": [9, 3], "text": "", "reason": "x"})
    >>> in_line_order([FoodLog(empty_entries(), bad)]).rejected["line"].tolist()
    [3, 9]
    """
    log = logs[0] if len(logs) == 1 else FoodLog.concat(logs)
    rejected = log.rejected.sort_values("line", kind="stable", ignore_index=True)
    return FoodLog(
        log.categorical_entries(),
        rejected,
        rows_read=log.rows_read,
        skipped_lines=log.skipped_lines,
    )


def raise_first(log: FoodLog) -> None:
    """Raise LogParseError for the first rejected row of ``log`` (by line), if any."""
    if len(log.rejected) == 0:
        return
    row = log.rejected.sort_values("line", kind="stable").iloc[0]
    raise LogParseError(
        str(row["reason"]), source=str(row["source"]), line=int(row["line"]), text=str(row["text"])
    )


def default_date(value: object) -> pd.Timestamp | None:
    """The ``date=`` argument as a Timestamp (None stays None).

    Examples
    --------
    >>> default_date("20 Nov 2026")
    Timestamp('2026-11-20 00:00:00')
    """
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | np.datetime64) or hasattr(value, "year"):
        try:
            stamp = pd.Timestamp(value)  # type: ignore[arg-type]
        except (TypeError, ValueError) as err:
            raise ArgumentError(f"date= argument: expected a date, found {value!r}") from err
        if pd.isna(stamp) or not MIN_YEAR <= stamp.year <= MAX_YEAR:
            raise ArgumentError(
                f"date= argument: date out of range: expected a year from {MIN_YEAR} to "
                f"{MAX_YEAR}, found {value!r}"
            )
        return stamp.as_unit("ns").normalize()
    parsed = parse_day(str(value))
    stamp, why = to_timestamp(parsed)
    if stamp is None:
        raise ArgumentError(f"date= argument: {why}")
    return stamp


def numeric_columns(
    frame: pd.DataFrame,
    mapping: dict[object, tuple[str, str]],
    out: pd.DataFrame,
    rej: Rejections,
    *,
    wanted: set[str],
    decimal_comma: bool = False,
) -> None:
    """Copy the mapped number columns in ``wanted`` into ``out`` (IU converted); reject non-numbers."""
    for original, (standard, conversion) in mapping.items():
        if standard not in wanted:
            continue
        if original not in frame.columns:
            continue
        raw = cells(frame, original)
        values = to_number(frame[original], decimal_comma=decimal_comma)
        if not pd.api.types.is_numeric_dtype(frame[original]):
            rej.add(
                (raw != "") & values.isna(),
                f"non-numeric value: expected a number in column {str(original)!r}, found "
                + quoted(raw),
            )
        rej.add(
            values < 0,
            f"negative value: expected 0 or more in column {str(original)!r}, found " + quoted(raw),
        )
        if conversion == "vitamin_d_iu":
            values = values * _IU_TO_UG
        out[standard] = values


_IU_TO_UG = vitamin_d_iu_to_ug(1.0)  # µg per IU


def row_text(frame: pd.DataFrame, rej: Rejections, sep: str = ",") -> pd.Series:
    """The cells of each rejected row joined by ``sep`` (``""`` for the other rows)."""
    from nutrilog.iotools._table import LINE

    out = pd.Series("", index=frame.index, dtype=object)
    bad = rej.bad
    if bad.any():
        data = frame.loc[bad, [c for c in frame.columns if c != LINE]].astype(object)
        data = data.where(data.notna(), "").astype(str)
        out[bad] = data.agg(sep.join, axis=1) if data.shape[1] else ""
    return out
