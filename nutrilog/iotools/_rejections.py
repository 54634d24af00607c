"""Why rows of a log cannot be read: the first reason per row, spelled out lazily.

:class:`Rejections` keeps each row's first reason. A reason that shows the cell
found is given as its text and the cells (``cells=``); :func:`found` joins them
only for the rows it rejects.

Examples
--------
>>> rej = Rejections(pd.RangeIndex(3))
>>> rej.add(pd.Series([True, False, True]), "bad", cells=pd.Series(["a", "b", "c"]))
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

    def add(
        self,
        mask: pd.Series | np.ndarray,
        reason: str | pd.Series,
        cells: pd.Series | None = None,
    ) -> None:
        """Give ``reason`` to the rows in ``mask`` that have none yet.

        ``reason`` is one text for all rows or a text per row. With ``cells``,
        each row's message is the text followed by its cell in quotes (see
        :func:`found`), spelled out only for the rows rejected here.
        """
        rows = as_mask(mask) & ~self._bad
        if not rows.any():
            return
        where = np.flatnonzero(rows)
        if cells is not None:
            self._reason[rows] = found(str(reason), cells.iloc[where].to_numpy(dtype=object))
        elif isinstance(reason, pd.Series):
            self._reason[rows] = reason.iloc[where].to_numpy(dtype=object)
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


def found(text: str, cells: np.ndarray) -> np.ndarray:
    """``text``, a space and each cell in single quotes: one message per cell.

    Called only for the rows a reader rejects: joining strings for every row
    of a million-row chunk to reject a handful would be most of its work.

    Examples
    --------
    >>> found("negative amount: expected 0 or more, found", np.array(["-1", "-2"])).tolist()
    ["negative amount: expected 0 or more, found '-1'", "negative amount: expected 0 or more, found '-2'"]
    """
    return np.array([f"{text} '{cell}'" for cell in cells], dtype=object)
