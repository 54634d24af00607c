"""The daily chart: each nutrient per day against its reference intakes.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> plot_daily(result).get_suptitle()
'Daily intake against reference intakes'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog.nutrients import Nutrient
from nutrilog.plotting.panels import (
    chart_inputs,
    date_axis,
    legend_below,
    new_figure,
    note_in_panel,
    reference_row,
    reference_value,
    styled,
    suptitle,
    target,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_daily"]


def plot_daily(
    analysis: Any,
    person: str | None = None,
    *,
    nutrients: list[str] | None = None,
    fig: Figure | None = None,
) -> Figure:
    """Daily intake of each nutrient (small multiples) against its reference intakes.

    Each panel shows one nutrient per day (points joined by a line; a day whose
    total is unknown is a gap), a dashed line at the RDA (or AI when there is
    no RDA), a dotted line at the EAR, a dash-dot line at the sodium CDRR, and
    a red band above the tolerable upper intake level (UL). Magnesium's UL
    applies to supplements only, so its panel also draws the supplement
    amounts, which are what the band is compared with. Water is in litres.

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`nutrilog.analyze` (uses ``daily`` and ``assessment``).
    person : str, optional
        Whose intake to draw; needed when the analysis holds several people.
    nutrients : list of str, optional
        Nutrient keys (``"magnesium"``) or columns (``"magnesium_mg"``); by
        default the seven assessed nutrients.
    fig : Figure, optional
        Figure to draw into (e.g. ``plt.figure()``); a new one by default.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import nutrilog as nl
    >>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
    >>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    >>> fig = plot_daily(result)
    >>> [ax.get_title() for ax in fig.axes][:2]
    ['Magnesium', 'Calcium']
    """
    who, (daily, assessment), chosen = chart_inputs(
        analysis, person, nutrients, ("daily", "assessment")
    )

    undated = 0
    if "date" in daily.columns:
        daily = daily.assign(date=pd.to_datetime(daily["date"], errors="coerce"))
        undated_rows = daily["date"].isna()
        if "n_entries" in daily.columns:
            undated = int(pd.to_numeric(daily.loc[undated_rows, "n_entries"]).fillna(0).sum())
        else:
            undated = int(undated_rows.sum())
        daily = daily[~undated_rows].sort_values("date", kind="stable")
        x = daily["date"]
    else:
        x = pd.Series(np.arange(len(daily)) + 1)

    with styled():
        fig, axes = new_figure(fig, len(chosen), 2.7)
        _draw_daily(axes, chosen, daily, assessment, x)
        legend_below(fig, axes)
        suptitle(fig, "Daily intake against reference intakes", who)
        if undated:
            fig.text(
                0.01,
                0.995,
                f"{undated} {'entry' if undated == 1 else 'entries'} without a date "
                f"{'is' if undated == 1 else 'are'} not shown",
                ha="left",
                va="top",
                fontsize=9,
                color="0.35",
            )
        if daily.empty:
            for ax in axes:
                note_in_panel(ax, "no dated days")
    return fig


def _draw_daily(
    axes: list[Axes],
    chosen: list[Nutrient],
    daily: pd.DataFrame,
    assessment: pd.DataFrame,
    x: pd.Series,
) -> None:
    """One panel per nutrient: the days, its supplements where a UL needs them, the lines."""
    for ax, n in zip(axes, chosen, strict=True):
        column = n.column
        factor, unit = n.display_factor, n.display_symbol
        row = reference_row(assessment, column)
        values = (
            pd.to_numeric(daily[column], errors="coerce") * factor
            if column in daily.columns
            else pd.Series(np.nan, index=daily.index)
        )
        _plot_days(ax, x, values, "daily intake")
        tops = [values.max(skipna=True)]
        supplement = n.supplement_column
        if (
            row is not None
            and str(row.get("ul_applies_to", "")) == "supplements"
            and supplement in daily.columns
        ):
            supp = pd.to_numeric(daily[supplement], errors="coerce") * factor
            _plot_days(ax, x, supp, "supplements")
            tops.append(supp.max(skipna=True))
        for key in ("rda", "ai", "cdrr", "ear"):
            tops.append(reference_value(row, key) * factor)
        finite = [float(t) for t in tops if np.isfinite(t)]
        top = max(finite) * 1.15 if finite else 1.0
        ul = reference_value(row, "ul") * factor
        if np.isfinite(ul) and ul <= 2 * top:  # show the band when it is near the data
            top = max(top, ul * 1.25)
        _draw_references(ax, row, factor, top)
        ax.set_ylim(0, top)
        ax.set_title(n.label)
        ax.set_ylabel(f"{unit}/day")
        date_axis(ax, x)
        if values.notna().sum() == 0 and len(x):
            note_in_panel(ax, "no data")


#: The look of each series of days, by its label in the legend.
_DAY_SERIES: dict[str, dict[str, Any]] = {
    "daily intake": {"marker": "o", "markersize": 3.5, "linewidth": 1.2, "color": "tab:blue"},
    "supplements": {"marker": "s", "markersize": 3, "linewidth": 1.0, "color": "tab:purple"},
}


def _plot_days(ax: Axes, x: pd.Series, values: pd.Series, label: str) -> None:
    """One value per day, points joined by a line (a missing value is a gap)."""
    ax.plot(x.to_numpy(), values.to_numpy(), label=label, **_DAY_SERIES[label])


def _draw_references(ax: Axes, row: pd.Series | None, factor: float, top: float) -> None:
    """Target (RDA or AI), EAR, CDRR lines and the band above the UL.

    A UL above ``top`` (the panel's upper y limit) is named in a corner note
    instead of stretching the scale until the daily values are a flat line.
    """
    aim, kind = target(row)
    ear, ul, cdrr = (reference_value(row, key) for key in ("ear", "ul", "cdrr"))
    if not math.isnan(aim):
        ax.axhline(aim * factor, color="tab:green", linestyle="--", linewidth=1.2, label=kind)
    if not math.isnan(ear):
        ax.axhline(ear * factor, color="tab:olive", linestyle=":", linewidth=1.0, label="EAR")
    if not math.isnan(cdrr):
        ax.axhline(cdrr * factor, color="tab:orange", linestyle="-.", linewidth=1.0, label="CDRR")
    if not math.isnan(ul):
        applies = (
            str(row["ul_applies_to"]) if row is not None and "ul_applies_to" in row.index else "all"
        )
        label = "above UL (supplements only)" if applies == "supplements" else "above UL"
        if ul * factor <= top:
            ax.axhspan(ul * factor, top, color="tab:red", alpha=0.12, label=label)
        else:
            ax.text(
                0.99,
                0.97,
                f"UL {ul * factor:g}: off this scale",
                transform=ax.transAxes,
                ha="right",
                va="top",
                fontsize=9,
                color="tab:red",
            )
