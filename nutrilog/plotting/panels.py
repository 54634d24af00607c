"""What every chart shares: the figure and its grid of panels, the style, the legend
and title, the date axis, and one person's rows and reference values.

matplotlib is imported only inside the functions that draw.

Examples
--------
>>> fig, axes = new_figure(None, 4, 2.7)
>>> len(axes), len(fig.axes)  # three columns: two panels of the second row stay hidden
(4, 6)
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from nutrilog.nutrients import ASSESSED, Nutrient, nutrient
from nutrilog.people_shown import pick_person

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

NCOLS = 3
#: Text properties of labels that hold user text (person and food names): shown as
#: written, never parsed as mathtext (``$...$``) or passed to LaTeX.
PLAIN: dict[str, Any] = {"parse_math": False, "usetex": False}
#: Font sizes (points): readable in a notebook and in the HTML report.
STYLE: dict[str, Any] = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 10,
    "figure.titlesize": 13,
}


@lru_cache(maxsize=1)
def figure_class() -> type:
    """A Figure that shows itself as a PNG in a notebook, whatever the backend.

    Examples
    --------
    >>> figure_class()()._repr_png_()[1:4]
    b'PNG'
    """
    from matplotlib.figure import Figure

    class NotebookFigure(Figure):
        """A matplotlib Figure with ``_repr_png_``: Jupyter shows it without magic."""

        def _repr_png_(self) -> bytes:
            import io

            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=90)
            return buffer.getvalue()

    NotebookFigure.__module__ = __name__
    return NotebookFigure


def chart_inputs(
    analysis: Any, person: str | None, nutrients: list[str] | None, tables: tuple[str, ...]
) -> tuple[str | None, list[pd.DataFrame], list[Nutrient]]:
    """The person to draw, their rows of each named table and the nutrients chosen.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> daily = pd.DataFrame({"person": ["ana", "ben"], "magnesium_mg": [300.0, 200.0]})
    >>> who, (rows,), chosen = chart_inputs(
    ...     SimpleNamespace(daily=daily), "ben", ["magnesium"], ("daily",)
    ... )
    >>> who, rows["magnesium_mg"].tolist(), [n.column for n in chosen]
    ('ben', [200.0], ['magnesium_mg'])
    """
    who = pick_person(analysis, person)
    frames = [rows_for(getattr(analysis, name, None), who) for name in tables]
    return who, frames, [nutrient(k) for k in nutrients or ASSESSED]


def rows_for(frame: Any, person: str | None) -> pd.DataFrame:
    """The rows of one person (all rows when there is no person column).

    Examples
    --------
    >>> rows_for(pd.DataFrame({"person": ["a", "b"]}), "b")["person"].tolist()
    ['b']
    """
    if not isinstance(frame, pd.DataFrame):
        return pd.DataFrame()
    if person is None or "person" not in frame.columns:
        return frame
    return frame[frame["person"].astype(str) == person]


def styled() -> Any:
    """The font sizes of :data:`STYLE`, for the artists made inside the block.

    Examples
    --------
    >>> with styled():
    ...     fig, axes = new_figure(None, 1, 2.7)
    >>> axes[0].title.get_fontsize()
    12.0
    """
    import matplotlib

    return matplotlib.rc_context(STYLE)


def new_figure(fig: Figure | None, n_panels: int, panel_height: float) -> tuple[Figure, list[Axes]]:
    """A figure (``fig`` or a new one) with ``n_panels`` panels in rows of three.

    Examples
    --------
    >>> fig, axes = new_figure(None, 2, 2.7)
    >>> len(axes)
    2
    """
    ncols = min(NCOLS, max(n_panels, 1))
    nrows = max(1, math.ceil(n_panels / ncols))
    if fig is None:
        fig = figure_class()(
            figsize=(4.4 * ncols, panel_height * nrows + 1.2), layout="constrained"
        )
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
    for ax in axes[n_panels:]:
        ax.set_visible(False)
    return fig, axes[:n_panels]


def legend_below(fig: Figure, axes: list[Axes]) -> None:
    """One legend for the whole figure, below the panels (never over the data).

    Examples
    --------
    >>> fig, axes = new_figure(None, 2, 2.7)
    >>> _ = axes[0].axhline(1, label="RDA"), axes[1].axhline(2, label="RDA")
    >>> legend_below(fig, axes)
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['RDA']
    """
    seen: dict[str, Any] = {}
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            seen.setdefault(label, handle)
    if seen:
        fig.legend(
            list(seen.values()),
            list(seen),
            loc="outside lower center",
            ncols=min(len(seen), 4),
            frameon=False,
        )


def suptitle(fig: Figure, title: str, who: str | None) -> None:
    """The figure's title, naming the person (but not the unnamed ``default`` one).

    Examples
    --------
    >>> fig, _ = new_figure(None, 1, 2.7)
    >>> suptitle(fig, "Daily intake", "ana")
    >>> fig.get_suptitle()
    'Daily intake: ana'
    """
    fig.suptitle(f"{title}: {who}" if who and who != "default" else title, **PLAIN)


def note_in_panel(ax: Axes, text: str) -> None:
    """A grey note in the middle of a panel (``"no data"``).

    Examples
    --------
    >>> fig, axes = new_figure(None, 1, 2.7)
    >>> note_in_panel(axes[0], "no data")
    >>> axes[0].texts[0].get_text()
    'no data'
    """
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color="0.4")


def reference_row(assessment: pd.DataFrame, column: str) -> pd.Series | None:
    """The assessment row of a nutrient column (its reference intakes), or None.

    Examples
    --------
    >>> reference_row(pd.DataFrame({"column": ["calcium_mg"], "rda": [1000]}), "calcium_mg")["rda"]
    np.int64(1000)
    """
    if "column" not in assessment.columns:
        return None
    match = assessment[assessment["column"] == column]
    return match.iloc[0] if len(match) else None


def reference_value(row: pd.Series | None, key: str) -> float:
    """One number of a reference row (``"rda"``, ``"ul"``...); NaN when absent.

    Examples
    --------
    >>> reference_value(pd.Series({"rda": "320"}), "rda"), reference_value(None, "rda")
    (320.0, nan)
    """
    if row is None or key not in row.index:
        return float("nan")
    value = pd.to_numeric(pd.Series([row[key]]), errors="coerce").iloc[0]
    return float(value)


def target(row: pd.Series | None) -> tuple[float, str]:
    """The intake to aim for and its kind: the RDA, or the AI where there is no RDA.

    Examples
    --------
    >>> target(pd.Series({"rda": float("nan"), "ai": 2600.0}))
    (2600.0, 'AI')
    """
    rda = reference_value(row, "rda")
    if not math.isnan(rda):
        return rda, "RDA"
    return reference_value(row, "ai"), "AI"


def date_axis(ax: Axes, x: pd.Series) -> None:
    """Short date ticks over the whole logged period (a last day with no value stays visible).

    Examples
    --------
    >>> fig, axes = new_figure(None, 1, 2.7)
    >>> date_axis(axes[0], pd.Series([1, 2, 3]))
    >>> [float(v) for v in axes[0].get_xlim()], axes[0].get_xlabel()
    ([0.5, 3.5], 'day')
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DateFormatter, DayLocator

    if len(x) == 0:
        return
    if pd.api.types.is_datetime64_any_dtype(x):
        days = (x.max() - x.min()).days
        if days <= 21:  # whole days only: the automatic locator would tick every few hours
            ax.xaxis.set_major_locator(DayLocator(interval=max(1, math.ceil((days + 1) / 6))))
            ax.xaxis.set_major_formatter(DateFormatter("%b %d"))
        else:
            locator = AutoDateLocator(maxticks=6)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        pad = pd.Timedelta(hours=12)
        ax.set_xlim(x.min() - pad, x.max() + pad)
    else:
        ax.set_xlim(x.min() - 0.5, x.max() + 0.5)
        ax.set_xlabel("day")
