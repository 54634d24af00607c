"""Why rows of a log cannot be read: the first reason per row, spelled out lazily.

:class:`Rejections` keeps each row's first reason; a :class:`Message` (built with
:func:`quoted`) joins text and cell values only for the rows it rejects.

Examples
--------
>>> rej = Rejections(pd.RangeIndex(3))
>>> rej.add(pd.Series([True, False, True]), "bad " + quoted(pd.Series(["a", "b", "c"])))
>>> rej.reason.tolist()
["bad 'a'", None, "bad 'c'"]
"""

from __future__ import annotations

import numpy as np
import pandas as pd


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
        rows = as_mask(mask) & ~self._bad
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


def as_mask(mask: pd.Series | np.ndarray) -> np.ndarray:
    """A boolean array from a mask that may hold missing values (missing = False)."""
    if isinstance(mask, pd.Series):
        if mask.dtype == bool:
            return mask.to_numpy()
        return mask.fillna(False).to_numpy(dtype=bool)
    return np.asarray(mask, dtype=bool)


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
