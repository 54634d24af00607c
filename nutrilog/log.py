"""The standard food-log table every reader produces, and its container.

A :class:`FoodLog` holds two DataFrames:

``entries``
    one row per food, drink or supplement the person logged, with the columns in
    :data:`ENTRY_COLUMNS` (plus any tracked nutrient the source itself reported);
``rejected``
    one row per input row that could not be read (:data:`REJECTED_COLUMNS`).

Every input row ends in exactly one of the two: ``rows_read == len(entries) +
len(rejected)``. Blank lines, comments, headers and headings are not rows; the
readers count them in ``skipped_lines``, so that every physical line of a file
is accounted for: ``lines_read == len(entries) + len(rejected) + skipped_lines``.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["2 medium bananas"], date="2026-11-20")
>>> log.rows_read, len(log.entries), len(log.rejected)
(1, 1, 0)
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from nutrilog._joined import plain_text
from nutrilog._vector import concat_categories, text_category
from nutrilog.errors import DataError
from nutrilog.nutrients import NUTRIENT_COLUMNS

__all__ = [
    "ENTRY_COLUMNS",
    "TEXT_COLUMNS",
    "REJECTED_COLUMNS",
    "ENTRY_KINDS",
    "FoodLog",
    "EntryTable",
    "empty_entries",
    "empty_rejected",
    "entries_from_columns",
    "text_entries",
]

#: Standard entry columns, in order. Nutrient columns follow them.
#:
#: person     who ate it (``"default"`` when the log names nobody)
#: date       the day, as a pandas datetime64 normalised to midnight (NaT if the log has no date)
#: time       clock time as written (``"08:30"``) or missing
#: meal       meal or group name as written, or missing
#: text       the original words of the entry
#: food       the food words, with the amount taken out
#: quantity   the amount as a float (NaN when it could not be read, see amount_note)
#: unit       canonical unit key (``g``, ``cup``, ``medium``, ``slice``, ``IU``...) or missing for a bare count
#: unit_kind  mass | volume | activity | size | count | vague | default (no amount written), or missing for a bare count
#: amount_note why the amount needs a second look (``range``, ``vague``, ``implicit one``...), or missing
#: food_id    a food id when the source names one (``sr28:09040``), else missing
#: kind       food | supplement | water
#: reported   True when the source reported its own nutrient values for the row
#: source     the file (or ``<text>``, ``<dataframe>``) the row came from
#: line       1-based line number in that source
#:
#: The text columns that repeat from row to row (all but ``text``, which is
#: nearly unique per row: see :data:`TEXT_COLUMNS`) are held as pandas
#: categoricals, so a million rows of two thousand foods hold each food text
#: once, and the analysis works on their codes; a structured log's ``text`` is held
#: as codes into its distinct amounts and foods, joined when read
#: (:mod:`nutrilog._joined`). ``FoodLog.entries`` and
#: ``Analysis.entries`` hand them out as pandas' string dtype, so any text can be
#: written into them (:class:`EntryTable`).
ENTRY_COLUMNS: list[str] = [
    "person",
    "date",
    "time",
    "meal",
    "text",
    "food",
    "quantity",
    "unit",
    "unit_kind",
    "amount_note",
    "food_id",
    "kind",
    "reported",
    "source",
    "line",
]
#: Entry columns held as categoricals of text (missing = NaN).
TEXT_COLUMNS: list[str] = [
    "person",
    "time",
    "meal",
    "food",
    "unit",
    "unit_kind",
    "amount_note",
    "food_id",
    "kind",
    "source",
]
REJECTED_COLUMNS: list[str] = ["source", "line", "text", "reason"]
ENTRY_KINDS = ("food", "supplement", "water")


def empty_entries() -> pd.DataFrame:
    """Return an entries table with the standard columns and no rows."""
    frame = pd.DataFrame({col: pd.Series(dtype=object) for col in ENTRY_COLUMNS})
    return conform_entries(frame)


def empty_rejected() -> pd.DataFrame:
    """Return a rejected-rows table with the standard columns and no rows."""
    return pd.DataFrame(
        {
            "source": pd.Series(dtype=object),
            "line": pd.Series(dtype="int64"),
            "text": pd.Series(dtype=object),
            "reason": pd.Series(dtype=object),
        }
    )


def _is_conformed(frame: pd.DataFrame) -> bool:
    """True when ``frame`` already has the standard columns, order and dtypes.

    Joining logs read in chunks would otherwise convert a million rows again.
    """
    standard = ENTRY_COLUMNS + NUTRIENT_COLUMNS
    if list(frame.columns[: len(standard)]) != standard:
        return False
    dtypes = frame.dtypes
    return (
        dtypes["date"].kind == "M"
        and dtypes["quantity"] == "float64"
        and dtypes["reported"] == "bool"
        and str(dtypes["line"]) == "Int64"
        and all(dtypes[c] == "float64" for c in NUTRIENT_COLUMNS)
        and all(isinstance(dtypes[c], pd.CategoricalDtype) for c in TEXT_COLUMNS)
        and not frame["person"].isna().any()
        and not frame["kind"].isna().any()
    )


def conform_entries(frame: pd.DataFrame) -> pd.DataFrame:
    """Give an entries table the standard columns, order and dtypes.

    Missing standard columns are added (empty); nutrient columns are float
    (NaN = not reported, never 0); extra columns are kept after the standard ones.
    """
    if _is_conformed(frame):
        return frame.reset_index(drop=True)
    frame = frame.reset_index(drop=True)
    return entries_from_columns({col: frame[col] for col in frame.columns})


#: Value of a text column when the row gives none (others stay missing).
_TEXT_FILL = {"person": "default", "kind": "food"}


def entries_from_columns(columns: dict[str, pd.Series]) -> pd.DataFrame:
    """Build a standard entries table from aligned columns, in one construction.

    The same conversions as :func:`conform_entries`, without copying a table
    that is about to be rebuilt; readers finish their chunks with it. Text
    columns given as categoricals are kept as they are (no text is touched).

    Examples
    --------
    >>> table = entries_from_columns({"food": pd.Series(["apple"]), "quantity": pd.Series([1])})
    >>> table[["person", "food", "kind"]].iloc[0].tolist(), table["quantity"].dtype
    (['default', 'apple', 'food'], dtype('float64'))
    """
    index = next(iter(columns.values())).index if columns else pd.RangeIndex(0)
    index = pd.RangeIndex(len(index))
    # the nutrients a log does not report share one array of NaN (copy-on-write keeps
    # a value written into one column out of the others)
    unreported = pd.Series(np.nan, index=index, dtype="float64")

    def column(name: str) -> pd.Series:
        if name in columns:
            return columns[name].set_axis(index)
        if name in NUTRIENT_COLUMNS:
            return unreported.copy(deep=False)
        if name in TEXT_COLUMNS and name not in _TEXT_FILL:  # all missing, without a scan
            empty = pd.Index([], dtype=object)
            codes = np.full(len(index), -1, dtype=np.int8)
            missing = pd.Categorical.from_codes(codes, categories=empty)
            return pd.Series(missing, index=index, copy=False)  # codes made here
        return pd.Series(np.full(len(index), None, dtype=object), index=index)

    out = {col: column(col) for col in ENTRY_COLUMNS + NUTRIENT_COLUMNS}
    for col in NUTRIENT_COLUMNS:
        out[col] = _floats(out[col])
    for col in TEXT_COLUMNS:
        out[col] = text_category(out[col], _TEXT_FILL.get(col))
    out["person"] = _categories_as_text(out["person"])
    out["kind"] = _categories_as_text(out["kind"])
    out["date"] = _days(out["date"])
    out["quantity"] = _floats(out["quantity"])
    reported = out["reported"]
    out["reported"] = reported if reported.dtype == bool else reported.fillna(False).astype(bool)
    line = out["line"]
    out["line"] = (
        line if str(line.dtype) == "Int64" else pd.to_numeric(line, errors="coerce").astype("Int64")
    )
    for col in columns:
        if col not in out:
            out[col] = column(col)
    # one construction, no copy: the columns become blocks of their own (copy-on-write)
    return pd.DataFrame(out, index=index, copy=False)


def _days(values: pd.Series) -> pd.Series:
    """Dates as datetime64 at midnight (NaT when unreadable); no copy when they already are."""
    if values.dtype.kind != "M" or getattr(values.dt, "tz", None) is not None:
        values = pd.to_datetime(values, errors="coerce")
    if values.dtype.kind == "M" and getattr(values.dt, "tz", None) is None:
        stamps = values.to_numpy()
        unit = np.datetime_data(stamps.dtype)[0]
        per_day = np.timedelta64(1, "D").astype(f"m8[{unit}]").astype(np.int64)
        off = (stamps.view(np.int64) % per_day != 0) & ~np.isnat(stamps)
        return values.dt.normalize() if off.any() else values
    return values.dt.normalize()


def _floats(values: pd.Series) -> pd.Series:
    if values.dtype == "float64":
        return values
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _categories_as_text(values: pd.Series) -> pd.Series:
    """A categorical whose categories are all ``str`` (a person given as 7 becomes "7")."""
    cats = values.cat.categories
    if cats.inferred_type in ("string", "empty"):  # every category a str, checked in C
        return values
    return text_category(values.cat.rename_categories([str(c) for c in cats]).astype(object))


def concat_entries(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Join standard entries tables; categorical text columns stay categorical.

    Examples
    --------
    >>> a = entries_from_columns({"food": pd.Series(["apple"])})
    >>> b = entries_from_columns({"food": pd.Series(["pear"])})
    >>> concat_entries([a, b])["food"].tolist()
    ['apple', 'pear']
    """
    frames = [conform_entries(f) for f in frames]
    if len(frames) == 1:
        return frames[0]
    names = list(dict.fromkeys(c for f in frames for c in f.columns))
    categorical = {
        c
        for c in names
        if all(c in f.columns and isinstance(f[c].dtype, pd.CategoricalDtype) for f in frames)
    }
    columns = {}
    for c in names:
        if c in categorical:
            columns[c] = concat_categories([f[c] for f in frames])
        elif c in NUTRIENT_COLUMNS and all(f[c].isna().all() for f in frames):
            continue  # nothing reported: entries_from_columns adds it, all NaN
        else:  # column by column: no block consolidation of the whole table
            parts = [f[c] if c in f.columns else pd.Series(np.nan, index=f.index) for f in frames]
            columns[c] = pd.concat(parts, ignore_index=True)
    return entries_from_columns(columns)


def text_entries(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its categorical columns as pandas' string dtype and its row texts
    joined (see :mod:`nutrilog._joined`); no copy of the rest.

    Examples
    --------
    >>> table = entries_from_columns({"food": pd.Series(["pear"])})
    >>> text = text_entries(table)
    >>> text.loc[0, "food"] = "quince"  # any text can be written
    >>> text["food"].tolist(), table["food"].tolist()
    (['quince'], ['pear'])
    """
    columns = {
        name: values.astype("str")
        if isinstance(values.dtype, pd.CategoricalDtype)
        else plain_text(values)
        for name, values in table.items()
    }
    return pd.DataFrame(columns, index=table.index, copy=False)


class EntryTable:
    """An entries table kept in two forms: categorical text inside, plain text outside.

    :attr:`text` is what people see and change (built on first use, by
    :func:`text_entries`); :attr:`categorical` is the form the analysis works on,
    with every change made to :attr:`text` (a table that was never handed out is
    used as it is).

    Examples
    --------
    >>> held = EntryTable(entries_from_columns({"food": pd.Series(["pear", "pear"])}))
    >>> held.text.loc[1, "food"] = "quince"
    >>> held.categorical["food"].tolist(), held.categorical["food"].dtype.name
    (['pear', 'quince'], 'category')
    """

    __slots__ = ("_table", "_text")

    def __init__(self, table: pd.DataFrame) -> None:
        self._table = table
        self._text: pd.DataFrame | None = None

    @property
    def text(self) -> pd.DataFrame:
        """The table with text columns of pandas' string dtype (the same object each time)."""
        if self._text is None:
            self._text = text_entries(self._table)
        return self._text

    @property
    def categorical(self) -> pd.DataFrame:
        """The table with its repeated text as categoricals, as :attr:`text` now holds it."""
        if self._text is None:
            return self._table
        return conform_entries(self._text)

    def __len__(self) -> int:
        return len(self._table if self._text is None else self._text)


class FoodLog:
    """A read food log: the entries, the rejected rows and the row count.

    Parameters
    ----------
    entries : DataFrame
        Standard entry table (see :data:`ENTRY_COLUMNS`).
    rejected : DataFrame, optional
        Rows that could not be read: ``source, line, text, reason``.
    rows_read : int, optional
        Number of input rows (blank lines and comments excluded). Defaults to
        ``len(entries) + len(rejected)``; a different number is an accounting
        error and raises :class:`~nutrilog.errors.DataError`.
    skipped_lines : int, default 0
        Lines of the input that hold no row: a table's header and the blank or
        comment lines above it, blank lines, comments, day and meal headings.

    Attributes
    ----------
    entries : DataFrame
        The entries; text columns are pandas' string dtype, so any text can be
        written into them, and :func:`nutrilog.analyze` sees every change.
    rejected : DataFrame
    rows_read, skipped_lines : int

    Examples
    --------
    >>> import pandas as pd
    >>> log = FoodLog(pd.DataFrame({"text": ["1 apple"], "food": ["apple"]}))
    >>> log.rows_read
    1
    >>> log.entries.loc[0, "food"] = "apples"
    >>> log.categorical_entries()["food"].tolist()
    ['apples']
    """

    def __init__(
        self,
        entries: pd.DataFrame,
        rejected: pd.DataFrame | None = None,
        rows_read: int | None = None,
        skipped_lines: int = 0,
    ) -> None:
        self._entries = EntryTable(conform_entries(entries))
        rejected = empty_rejected() if rejected is None else rejected.copy()
        for col in REJECTED_COLUMNS:
            if col not in rejected.columns:
                rejected[col] = None
        self.rejected: pd.DataFrame = rejected[REJECTED_COLUMNS].reset_index(drop=True)
        total = len(self._entries) + len(self.rejected)
        if rows_read is None:
            rows_read = total
        elif rows_read != total:
            raise DataError(
                f"row accounting failed: expected rows read ({rows_read}) = entries "
                f"({len(self._entries)}) + rejected ({len(self.rejected)})"
            )
        if skipped_lines < 0:
            raise DataError(f"skipped_lines: expected 0 or more, found {skipped_lines}")
        self.rows_read: int = rows_read
        self.skipped_lines: int = skipped_lines

    @property
    def entries(self) -> pd.DataFrame:
        """The entries (see :data:`ENTRY_COLUMNS`), text columns as pandas' string dtype."""
        return self._entries.text

    @entries.setter
    def entries(self, table: pd.DataFrame) -> None:
        self._entries = EntryTable(conform_entries(table))

    def categorical_entries(self) -> pd.DataFrame:
        """The entries with their repeated text as categoricals (what the analysis reads)."""
        return self._entries.categorical

    @property
    def lines_read(self) -> int:
        """Lines of input accounted for: rows read plus :attr:`skipped_lines`.

        Examples
        --------
        >>> import nutrilog as nl
        >>> nl.parse_entries(["2026-11-20", "1 apple", "", "# note"]).lines_read
        4
        """
        return int(self.rows_read or 0) + int(self.skipped_lines)

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def concat(cls, logs: Iterable[FoodLog]) -> FoodLog:
        """Join several logs into one, keeping every row's source and line.

        Examples
        --------
        >>> import nutrilog as nl
        >>> a = nl.parse_entries(["1 apple"], date="2026-11-20")
        >>> b = nl.parse_entries(["1 pear"], date="2026-11-21")
        >>> len(FoodLog.concat([a, b]))
        2
        """
        logs = list(logs)
        if not logs:
            return cls(empty_entries())
        entries = concat_entries([lg.categorical_entries() for lg in logs])
        rejected = pd.concat([lg.rejected for lg in logs], ignore_index=True)
        rows = sum(int(lg.rows_read or 0) for lg in logs)
        return cls(entries, rejected, rows, sum(lg.skipped_lines for lg in logs))

    def summary(self) -> dict[str, int]:
        """Counts of rows read, entries, rejected rows and skipped lines.

        Examples
        --------
        >>> import nutrilog as nl
        >>> nl.parse_entries(["Lunch:", "1 apple"], date="2026-11-20").summary()
        {'rows_read': 1, 'entries': 1, 'rejected': 0, 'skipped_lines': 1}
        """
        return {
            "rows_read": int(self.rows_read or 0),
            "entries": len(self._entries),
            "rejected": len(self.rejected),
            "skipped_lines": int(self.skipped_lines),
        }

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"FoodLog({s['entries']} entries, {s['rejected']} rejected, {s['rows_read']} rows read)"
        )

    def _repr_html_(self) -> str:
        from html import escape

        s = self.summary()
        head = escape(repr(self))
        table = self.categorical_entries().head(20).to_html(max_cols=12, escape=True)
        return f"<p><b>{head}</b> (first {min(20, s['entries'])} entries)</p>{table}"
