"""Row texts kept as two codes into their distinct pieces, joined only when read.

A structured log's row text is ``"<amount> <unit> <food>"``: nearly unique per row,
but made of two pieces that repeat (a million rows of 2,000 foods hold about 2,000
distinct amounts and 2,000 distinct foods). :class:`JoinedText` keeps, for each row, a
code into the distinct left pieces and one into the distinct right pieces; taking,
filtering and joining tables move the codes only, and :meth:`JoinedText.factorize`
works once per distinct pair. The strings are made when the column is read as text
(``astype``, ``to_numpy``, one value): by Arrow when pandas keeps its strings there
(pyarrow installed), else as one NumPy addition of object arrays.

:func:`plain_text` turns such a column into ordinary text; the tables handed to
people (``FoodLog.entries``, ``Analysis.entries``, ``Analysis.unmatched``) hold
ordinary text only.

Examples
--------
>>> texts = joined_text(np.array([0, 1, 0]), np.array(["1 cup ", "2 "], dtype=object),
...                     np.array([0, 0, 1]), np.array(["milk", "eggs"], dtype=object))
>>> texts.tolist()
['1 cup milk', '2 milk', '1 cup eggs']
>>> texts.iloc[[2]].tolist(), texts.dtype.name
(['1 cup eggs'], 'joined_text')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray, ExtensionDtype, take
from pandas.api.indexers import check_array_indexer

__all__ = ["JoinedText", "JoinedTextDtype", "joined_text", "plain_text"]


class JoinedTextDtype(ExtensionDtype):
    """The dtype of :class:`JoinedText`: text, joined from two pieces on use."""

    name = "joined_text"
    type = str
    kind = "O"
    na_value = np.nan

    @classmethod
    def construct_array_type(cls) -> type[JoinedText]:
        return JoinedText


def _codes(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=np.int32)


def _pieces(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=object)


class JoinedText(ExtensionArray):
    """Texts ``left[left_codes[i]] + right[right_codes[i]]``; a left code of -1 is missing.

    Parameters
    ----------
    left_codes, right_codes : array of int
        Per row, the position of its two pieces.
    left, right : array of str
        The distinct pieces (object arrays).
    """

    def __init__(self, left_codes: Any, left: Any, right_codes: Any, right: Any) -> None:
        self._left_codes = _codes(left_codes)
        self._right_codes = _codes(right_codes)
        self._left = _pieces(left)
        self._right = _pieces(right)

    # -- construction -------------------------------------------------------------
    @classmethod
    def _from_sequence(cls, scalars: Any, *, dtype: Any = None, copy: bool = False) -> JoinedText:
        values = np.asarray(scalars, dtype=object)
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        texts = np.array([str(u) for u in uniques], dtype=object)
        return cls(codes, texts, np.zeros(len(codes)), np.array([""], dtype=object))

    @classmethod
    def _from_factorized(cls, values: Any, original: JoinedText) -> JoinedText:
        return cls._from_sequence(values)

    @classmethod
    def _concat_same_type(cls, to_concat: Sequence[JoinedText]) -> JoinedText:
        arrays = list(to_concat)
        if not arrays:
            return cls([], [], [], [])
        first = arrays[0]
        if all(a._left is first._left and a._right is first._right for a in arrays):
            return cls(
                np.concatenate([a._left_codes for a in arrays]),
                first._left,
                np.concatenate([a._right_codes for a in arrays]),
                first._right,
            )
        left_codes, left = _union([(a._left_codes, a._left) for a in arrays])
        right_codes, right = _union([(a._right_codes, a._right) for a in arrays])
        return cls(left_codes, left, right_codes, right)

    # -- the array ------------------------------------------------------------------
    @property
    def dtype(self) -> JoinedTextDtype:
        return JoinedTextDtype()

    def __len__(self) -> int:
        return len(self._left_codes)

    @property
    def nbytes(self) -> int:
        pieces = sum(len(p) for p in self._left) + sum(len(p) for p in self._right)
        return int(self._left_codes.nbytes + self._right_codes.nbytes + pieces)

    def isna(self) -> np.ndarray:
        return self._left_codes < 0

    def copy(self) -> JoinedText:
        return type(self)(
            self._left_codes.copy(), self._left, self._right_codes.copy(), self._right
        )

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, int | np.integer):
            left = self._left_codes[item]
            if left < 0:
                return self.dtype.na_value
            return self._left[left] + self._right[self._right_codes[item]]
        if not isinstance(item, slice | tuple):
            item = check_array_indexer(self, item)
        return type(self)(self._left_codes[item], self._left, self._right_codes[item], self._right)

    def take(self, indices: Any, *, allow_fill: bool = False, fill_value: Any = None) -> JoinedText:
        if allow_fill and fill_value is not None and not pd.isna(fill_value):
            filled = self._with_pieces([str(fill_value)])
            left_fill, right_fill = len(filled._left) - 1, len(filled._right) - 1
            return type(self)(
                take(filled._left_codes, indices, allow_fill=True, fill_value=left_fill),
                filled._left,
                take(filled._right_codes, indices, allow_fill=True, fill_value=right_fill),
                filled._right,
            )
        return type(self)(
            take(self._left_codes, indices, allow_fill=allow_fill, fill_value=-1),
            self._left,
            take(self._right_codes, indices, allow_fill=allow_fill, fill_value=0),
            self._right,
        )

    def __setitem__(self, key: Any, value: Any) -> None:
        if not isinstance(key, int | np.integer | slice):
            key = check_array_indexer(self, key)
        given = np.atleast_1d(np.asarray(value, dtype=object))
        codes, uniques = pd.factorize(given, use_na_sentinel=True)
        added = self._with_pieces([str(u) for u in uniques])
        start = len(added._left) - len(uniques)
        new_codes = np.where(codes < 0, -1, codes + start)
        added._left_codes[key] = new_codes if new_codes.size != 1 else new_codes[0]
        added._right_codes[key] = len(added._right) - 1
        self._left, self._right = added._left, added._right
        self._left_codes, self._right_codes = added._left_codes, added._right_codes

    def _with_pieces(self, texts: list[str]) -> JoinedText:
        """A copy whose left pieces end with ``texts`` and right pieces with ``""``."""
        return type(self)(
            self._left_codes.copy(),
            np.concatenate([self._left, np.array(texts, dtype=object)]),
            self._right_codes.copy(),
            np.append(self._right, np.array([""], dtype=object)),
        )

    # -- reading as text ------------------------------------------------------------
    def text(self) -> np.ndarray | ExtensionArray:
        """The joined strings: pandas' ``str`` array when its strings are Arrow's, else
        an object array (missing as NaN)."""
        missing = self._left_codes < 0
        left_codes = np.where(missing, 0, self._left_codes) if missing.any() else self._left_codes
        if not len(self._left):
            return np.full(len(self), np.nan, dtype=object)
        dtype = pd.StringDtype(na_value=np.nan)
        if dtype.storage == "pyarrow":
            import pyarrow as pa
            import pyarrow.compute as pc

            def pieces(values: np.ndarray, codes: np.ndarray) -> pa.Array:
                distinct = pa.array(list(values), type=pa.large_string())
                return distinct.take(pa.array(codes, type=pa.int32()))

            joined = pc.binary_join_element_wise(
                pieces(self._left, left_codes),
                pieces(self._right, self._right_codes),
                pa.scalar("", pa.large_string()),
            )
            if missing.any():
                joined = pc.if_else(pa.array(missing), pa.scalar(None, pa.large_string()), joined)
            return pd.array(joined, dtype=dtype)
        texts = np.add(self._left[left_codes], self._right[self._right_codes])
        if missing.any():
            texts[missing] = np.nan
        return texts

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return np.asarray(self.text(), dtype=object if dtype is None else dtype)

    def astype(self, dtype: Any, copy: bool = True) -> Any:
        dtype = pd.api.types.pandas_dtype(dtype)
        if isinstance(dtype, JoinedTextDtype):
            return self.copy() if copy else self
        texts = self.text()
        if isinstance(dtype, ExtensionDtype):
            return pd.array(np.asarray(texts, dtype=object), dtype=dtype)
        return np.asarray(texts, dtype=object).astype(dtype)

    def __eq__(self, other: Any) -> Any:  # type: ignore[override]
        if isinstance(other, pd.Series | pd.Index | pd.DataFrame):
            return NotImplemented
        texts = np.asarray(self.text(), dtype=object)
        if isinstance(other, JoinedText):
            other = np.asarray(other.text(), dtype=object)
        return np.asarray(texts == other, dtype=bool)

    def factorize(self, use_na_sentinel: bool = True) -> tuple[np.ndarray, JoinedText]:
        """Codes per distinct text, found per distinct pair of pieces (not per row)."""
        valid = self._left_codes >= 0
        pair = self._left_codes.astype(np.int64) * max(len(self._right), 1) + self._right_codes
        pair_codes, pairs = pd.factorize(pair[valid])
        distinct = type(self)(
            pairs // max(len(self._right), 1),
            self._left,
            pairs % max(len(self._right), 1),
            self._right,
        )
        # two pairs can spell the same text ("1 cup " + "x", "1 " + "cup x"): merged here
        merged, texts = pd.factorize(np.asarray(distinct.text(), dtype=object))
        codes = np.full(len(self), -1, dtype=np.intp)
        codes[valid] = merged[pair_codes]
        uniques = type(self)._from_sequence(np.asarray(texts, dtype=object))
        if not use_na_sentinel and not valid.all():
            codes[~valid] = len(uniques)
            uniques = type(self)._concat_same_type([uniques, type(self)([-1], [], [0], [""])])
        return codes, uniques


def _union(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Codes of several arrays mapped onto the union of their pieces."""
    pieces = pd.Index(pd.unique(np.concatenate([p for _, p in parts])), dtype=object)
    codes = []
    for own_codes, own in parts:
        mapped = np.append(pieces.get_indexer(own), -1)  # -1 stays -1
        codes.append(mapped[own_codes])
    return np.concatenate(codes), np.asarray(pieces, dtype=object)


def joined_text(
    left_codes: np.ndarray,
    left: np.ndarray,
    right_codes: np.ndarray,
    right: np.ndarray,
    index: pd.Index | None = None,
) -> pd.Series:
    """A Series of texts ``left[left_codes] + right[right_codes]``, joined on use.

    Examples
    --------
    >>> joined_text(np.array([0]), np.array(["2 "], dtype=object),
    ...             np.array([0]), np.array(["eggs"], dtype=object)).iloc[0]
    '2 eggs'
    """
    return pd.Series(JoinedText(left_codes, left, right_codes, right), index=index, copy=False)


def plain_text(values: pd.Series) -> pd.Series:
    """A :class:`JoinedText` column as ordinary text (any other column as it is).

    Examples
    --------
    >>> texts = joined_text(np.array([0]), np.array(["2 "], dtype=object),
    ...                     np.array([0]), np.array(["eggs"], dtype=object))
    >>> plain_text(texts).dtype == object or str(plain_text(texts).dtype) == "str"
    True
    """
    if not isinstance(values.dtype, JoinedTextDtype):
        return values
    return pd.Series(values.array.text(), index=values.index, name=values.name, copy=False)
