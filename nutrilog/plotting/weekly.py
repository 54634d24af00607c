"""The weekly chart: the mean of each week against the target, the trend of a long log.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> plot_weekly(result).get_suptitle()
'Weekly means against the target'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

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
    from matplotlib.figure import Figure

__all__ = ["plot_weekly"]


def plot_weekly(
    analysis: Any,
    person: str | None = None,
    *,
    nutrients: list[str] | None = None,
    fig: Figure | None = None,
) -> Figure:
    """Weekly means of each nutrient against its target: the trend of a long log.

    Each panel shows the mean of the assessed days of each week (weeks start on
    Monday; a bar per week, its number of days above it), the target (RDA, or AI
    where there is none) as a dashed line and the EAR as a dotted one.

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`nutrilog.analyze` (uses ``daily`` and ``assessment``).
    person : str, optional
        Whose intake to draw; needed when the analysis holds several people.
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
    >>> log = nl.parse_entries(["1 cup chopped spinach"], date="2026-11-20")
    >>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
    >>> plot_weekly(result).axes[0].get_title()
    'Magnesium'
    """
    from nutrilog.report.document import weekly_means

    who, (daily, assessment), chosen = chart_inputs(
        analysis, person, nutrients, ("daily", "assessment")
    )
    weeks = weekly_means(daily, min_span_days=-1)
    with styled():
        fig, axes = new_figure(fig, len(chosen), 2.7)
        for ax, n in zip(axes, chosen, strict=True):
            factor = n.display_factor
            row = reference_row(assessment, n.column)
            values = pd.to_numeric(weeks.get(n.column), errors="coerce") * factor
            x = pd.to_datetime(weeks["week"]) + pd.Timedelta(days=3)  # the middle of the week
            bars = ax.bar(x, values.fillna(0.0), width=5.5, color="tab:blue", alpha=0.75,
                          label="weekly mean")  # fmt: skip
            ax.bar_label(bars, labels=[f"{d}d" for d in weeks["days"]], fontsize=8, padding=1)
            aim, kind = target(row)
            if not math.isnan(aim):
                ax.axhline(aim * factor, color="tab:green", linestyle="--", linewidth=1.4,
                           label=f"target ({kind})")  # fmt: skip
            ear = reference_value(row, "ear")
            if not math.isnan(ear):
                ax.axhline(ear * factor, color="tab:olive", linestyle=":", linewidth=1.2,
                           label="EAR")  # fmt: skip
            tops = [values.max(skipna=True), aim * factor]
            finite = [float(t) for t in tops if np.isfinite(t)]
            ax.set_ylim(0, max(finite) * 1.2 if finite else 1.0)
            ax.set_title(n.label)
            ax.set_ylabel(f"{n.display_symbol}/day")
            starts = pd.to_datetime(weeks["week"])
            date_axis(ax, starts)
            if len(starts):  # whole weeks: the bars sit on their middle day
                ax.set_xlim(
                    starts.min() - pd.Timedelta(days=1), starts.max() + pd.Timedelta(days=8)
                )
            if weeks.empty:
                note_in_panel(ax, "no dated days")
        legend_below(fig, axes)
        suptitle(fig, "Weekly means against the target", who)
    return fig
