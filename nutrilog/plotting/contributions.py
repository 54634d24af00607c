"""The foods chart: the foods that gave the most of each nutrient, as bars.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> plot_contributions(result, top=3).get_suptitle()
'Foods that gave the most (as you wrote them)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog.nutrients import Nutrient
from nutrilog.plotting.panels import (
    PLAIN,
    chart_inputs,
    new_figure,
    note_in_panel,
    styled,
    suptitle,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_contributions"]

_LABEL_CHARS = 38


def plot_contributions(
    analysis: Any,
    person: str | None = None,
    *,
    top: int = 5,
    nutrients: list[str] | None = None,
    fig: Figure | None = None,
) -> Figure:
    """The foods that gave the most of each nutrient, as horizontal bars.

    One panel per nutrient; the bars are the amounts over the whole log (from
    ``analysis.top_foods``), largest at the top, each labelled with its share
    of the nutrient's total.

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`nutrilog.analyze` (uses ``top_foods``).
    person : str, optional
        Whose foods to draw; needed when the analysis holds several people.
    top : int, default 5
        Foods per nutrient.
    nutrients : list of str, optional
        Nutrient keys or columns; by default the seven assessed nutrients.
    fig : Figure, optional
        Figure to draw into; a new one by default.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import nutrilog as nl
    >>> log = nl.parse_entries(["1 cup chopped spinach", "1 medium banana"], date="2026-11-20")
    >>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    >>> fig = plot_contributions(result, top=3)
    >>> fig.axes[0].get_title()
    'Magnesium'
    """
    who, (foods,), chosen = chart_inputs(analysis, person, nutrients, ("top_foods",))
    with styled():
        fig, axes = new_figure(fig, len(chosen), 0.5 * max(top, 3) + 1.0)
        _draw_contributions(axes, chosen, foods, top)
        suptitle(fig, "Foods that gave the most (as you wrote them)", who)
    return fig


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _draw_contributions(
    axes: list[Axes], chosen: list[Nutrient], foods: pd.DataFrame, top: int
) -> None:
    for ax, n in zip(axes, chosen, strict=True):
        ax.set_title(n.label)
        rows = foods[foods["column"] == n.column] if "column" in foods.columns else foods.iloc[0:0]
        rows = rows.assign(amount=pd.to_numeric(rows.get("amount"), errors="coerce"))
        rows = rows[rows["amount"] > 0].nlargest(top, "amount")  # NaN and 0 are not contributions
        if rows.empty:
            note_in_panel(ax, "no foods with a known amount")
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        names = [_short(str(name)) for name in rows["food"]]
        amounts = rows["amount"].to_numpy() * n.display_factor
        positions = np.arange(len(rows))
        bars = ax.barh(positions, amounts, color="tab:blue", alpha=0.8)
        ax.set_yticks(positions, labels=names, **PLAIN)
        ax.set_ylim(
            max(top, len(rows)) - 0.5, -0.5
        )  # largest at the top, same bar height in every panel
        ax.set_xlabel(n.display_symbol)
        shares = pd.to_numeric(rows.get("share"), errors="coerce").to_numpy()
        ax.bar_label(
            bars, labels=["" if np.isnan(s) else f"{s:.0%}" for s in shares], fontsize=9, padding=2
        )
        ax.set_xlim(0, amounts.max() * 1.3 if amounts.max() > 0 else 1)
