"""Charts of an analysis: daily intake against the references, and the foods behind it.

Each function returns a :class:`matplotlib.figure.Figure` built without pyplot,
so it works on a headless server (no display, any backend) and never leaks
figures into pyplot's global state. The figure shows itself in a notebook as a
PNG (it has ``_repr_png_``), with no ``%matplotlib inline`` needed; in a script
call ``fig.savefig("daily.png")``, or pass ``fig=plt.figure()`` to draw into a
pyplot figure and then ``plt.show()``. Person and food names are drawn as
written: a ``$`` in them is never read as mathtext. Text is at least 9 points,
legends sit below the panels, outside the data, and dates stay dates: days
without a date are left out of the axis and counted in a note. matplotlib is
imported only when a function is called.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach", "2 medium bananas"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> plot_daily(result).savefig("daily.png")
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nutrilog.nutrients import ASSESSED, Nutrient, nutrient
from nutrilog.people_shown import people_in, pick_person

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_daily", "plot_weekly", "plot_contributions", "people_in", "pick_person"]

_NCOLS = 3
_LABEL_CHARS = 38
#: Text properties of labels that hold user text (person and food names): shown as
#: written, never parsed as mathtext (``$...$``) or passed to LaTeX.
_PLAIN: dict[str, Any] = {"parse_math": False, "usetex": False}
#: Font sizes (points): readable in a notebook and in the HTML report.
_STYLE: dict[str, Any] = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 10,
    "figure.titlesize": 13,
}


@lru_cache(maxsize=1)
def _figure_class() -> type:
    """A Figure that shows itself as a PNG in a notebook, whatever the backend."""
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


def _styled() -> Any:
    """The font sizes of :data:`_STYLE`, for the artists made inside the block."""
    import matplotlib

    return matplotlib.rc_context(_STYLE)


def _legend_below(fig: Figure, axes: list[Axes]) -> None:
    """One legend for the whole figure, below the panels (never over the data)."""
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


def _suptitle(fig: Figure, title: str, who: str | None) -> None:
    """The figure's title, naming the person (but not the unnamed ``default`` one)."""
    fig.suptitle(f"{title}: {who}" if who and who != "default" else title, **_PLAIN)


def _rows_for(frame: Any, person: str | None) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        return pd.DataFrame()
    if person is None or "person" not in frame.columns:
        return frame
    return frame[frame["person"].astype(str) == person]


def _new_figure(
    fig: Figure | None, n_panels: int, panel_height: float
) -> tuple[Figure, list[Axes]]:
    ncols = min(_NCOLS, max(n_panels, 1))
    nrows = max(1, math.ceil(n_panels / ncols))
    if fig is None:
        fig = _figure_class()(
            figsize=(4.4 * ncols, panel_height * nrows + 1.2), layout="constrained"
        )
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
    for ax in axes[n_panels:]:
        ax.set_visible(False)
    return fig, axes[:n_panels]


def _scale(n: Nutrient) -> tuple[float, str]:
    """Display factor and unit symbol of a nutrient (water is shown in litres)."""
    return n.display_factor, n.display_symbol


def _reference_row(assessment: pd.DataFrame, column: str) -> pd.Series | None:
    """The assessment row of a nutrient column (its reference intakes), or None."""
    if "column" not in assessment.columns:
        return None
    match = assessment[assessment["column"] == column]
    return match.iloc[0] if len(match) else None


def _value(row: pd.Series | None, key: str) -> float:
    if row is None or key not in row.index:
        return float("nan")
    value = pd.to_numeric(pd.Series([row[key]]), errors="coerce").iloc[0]
    return float(value)


def _draw_references(ax: Axes, row: pd.Series | None, factor: float, top: float) -> None:
    """Target (RDA or AI), EAR, CDRR lines and the band above the UL.

    A UL above ``top`` (the panel's upper y limit) is named in a corner note
    instead of stretching the scale until the daily values are a flat line.
    """
    ear, rda, ai = _value(row, "ear"), _value(row, "rda"), _value(row, "ai")
    ul, cdrr = _value(row, "ul"), _value(row, "cdrr")
    if not math.isnan(rda):
        ax.axhline(rda * factor, color="tab:green", linestyle="--", linewidth=1.2, label="RDA")
    elif not math.isnan(ai):
        ax.axhline(ai * factor, color="tab:green", linestyle="--", linewidth=1.2, label="AI")
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


def _format_x(ax: Axes, x: pd.Series) -> None:
    """Short date ticks over the whole logged period (a last day with no value stays visible)."""
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
    who = pick_person(analysis, person)
    daily = _rows_for(getattr(analysis, "daily", None), who)
    assessment = _rows_for(getattr(analysis, "assessment", None), who)
    chosen = [nutrient(k) for k in nutrients or ASSESSED]

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

    with _styled():
        fig, axes = _new_figure(fig, len(chosen), 2.7)
        _draw_daily(axes, chosen, daily, assessment, x)
        _legend_below(fig, axes)
        _suptitle(fig, "Daily intake against reference intakes", who)
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
                ax.text(0.5, 0.5, "no dated days", transform=ax.transAxes, ha="center",
                        va="center", color="0.4")  # fmt: skip
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
        factor, unit = _scale(n)
        row = _reference_row(assessment, column)
        values = (
            pd.to_numeric(daily[column], errors="coerce") * factor
            if column in daily.columns
            else pd.Series(np.nan, index=daily.index)
        )
        ax.plot(
            x.to_numpy(),
            values.to_numpy(),
            marker="o",
            markersize=3.5,
            linewidth=1.2,
            color="tab:blue",
            label="daily intake",
        )
        tops = [values.max(skipna=True)]
        supplement = n.supplement_column
        if (
            row is not None
            and str(row.get("ul_applies_to", "")) == "supplements"
            and supplement in daily.columns
        ):
            supp = pd.to_numeric(daily[supplement], errors="coerce") * factor
            ax.plot(
                x.to_numpy(),
                supp.to_numpy(),
                marker="s",
                markersize=3,
                linewidth=1.0,
                color="tab:purple",
                label="supplements",
            )
            tops.append(supp.max(skipna=True))
        for key in ("rda", "ai", "cdrr", "ear"):
            tops.append(_value(row, key) * factor)
        finite = [float(t) for t in tops if np.isfinite(t)]
        top = max(finite) * 1.15 if finite else 1.0
        ul = _value(row, "ul") * factor
        if np.isfinite(ul) and ul <= 2 * top:  # show the band when it is near the data
            top = max(top, ul * 1.25)
        _draw_references(ax, row, factor, top)
        ax.set_ylim(0, top)
        ax.set_title(n.label)
        ax.set_ylabel(f"{unit}/day")
        _format_x(ax, x)
        if values.notna().sum() == 0 and len(x):
            ax.text(
                0.5, 0.5, "no data", transform=ax.transAxes, ha="center", va="center", color="0.4"
            )


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


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
    who = pick_person(analysis, person)
    foods = _rows_for(getattr(analysis, "top_foods", None), who)
    chosen = [nutrient(k) for k in nutrients or ASSESSED]

    with _styled():
        fig, axes = _new_figure(fig, len(chosen), 0.5 * max(top, 3) + 1.0)
        _draw_contributions(axes, chosen, foods, top)
        _suptitle(fig, "Foods that gave the most (as you wrote them)", who)
    return fig


def _draw_contributions(
    axes: list[Axes], chosen: list[Nutrient], foods: pd.DataFrame, top: int
) -> None:
    for ax, n in zip(axes, chosen, strict=True):
        factor, unit = _scale(n)
        ax.set_title(n.label)
        rows = foods[foods["column"] == n.column] if "column" in foods.columns else foods.iloc[0:0]
        rows = rows.assign(amount=pd.to_numeric(rows.get("amount"), errors="coerce"))
        rows = rows[rows["amount"] > 0].nlargest(top, "amount")  # NaN and 0 are not contributions
        if rows.empty:
            ax.text(
                0.5,
                0.5,
                "no foods with a known amount",
                transform=ax.transAxes,
                ha="center",
                va="center",
                color="0.4",
            )
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        names = [_short(str(name)) for name in rows["food"]]
        amounts = rows["amount"].to_numpy() * factor
        positions = np.arange(len(rows))
        bars = ax.barh(positions, amounts, color="tab:blue", alpha=0.8)
        ax.set_yticks(positions, labels=names, **_PLAIN)
        ax.set_ylim(
            max(top, len(rows)) - 0.5, -0.5
        )  # largest at the top, same bar height in every panel
        ax.set_xlabel(unit)
        shares = pd.to_numeric(rows.get("share"), errors="coerce").to_numpy()
        ax.bar_label(
            bars, labels=["" if np.isnan(s) else f"{s:.0%}" for s in shares], fontsize=9, padding=2
        )
        ax.set_xlim(0, amounts.max() * 1.3 if amounts.max() > 0 else 1)


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

    who = pick_person(analysis, person)
    daily = _rows_for(getattr(analysis, "daily", None), who)
    assessment = _rows_for(getattr(analysis, "assessment", None), who)
    chosen = [nutrient(k) for k in nutrients or ASSESSED]
    weeks = weekly_means(daily, min_span_days=-1)
    with _styled():
        fig, axes = _new_figure(fig, len(chosen), 2.7)
        for ax, n in zip(axes, chosen, strict=True):
            factor, unit = _scale(n)
            row = _reference_row(assessment, n.column)
            values = pd.to_numeric(weeks.get(n.column), errors="coerce") * factor
            x = pd.to_datetime(weeks["week"]) + pd.Timedelta(days=3)  # the middle of the week
            bars = ax.bar(x, values.fillna(0.0), width=5.5, color="tab:blue", alpha=0.75,
                          label="weekly mean")  # fmt: skip
            ax.bar_label(bars, labels=[f"{d}d" for d in weeks["days"]], fontsize=8, padding=1)
            target = _value(row, "rda")
            kind = "RDA"
            if math.isnan(target):
                target, kind = _value(row, "ai"), "AI"
            if not math.isnan(target):
                ax.axhline(target * factor, color="tab:green", linestyle="--", linewidth=1.4,
                           label=f"target ({kind})")  # fmt: skip
            ear = _value(row, "ear")
            if not math.isnan(ear):
                ax.axhline(ear * factor, color="tab:olive", linestyle=":", linewidth=1.2,
                           label="EAR")  # fmt: skip
            tops = [values.max(skipna=True), target * factor]
            finite = [float(t) for t in tops if np.isfinite(t)]
            ax.set_ylim(0, max(finite) * 1.2 if finite else 1.0)
            ax.set_title(n.label)
            ax.set_ylabel(f"{unit}/day")
            starts = pd.to_datetime(weeks["week"])
            _format_x(ax, starts)
            if len(starts):  # whole weeks: the bars sit on their middle day
                ax.set_xlim(
                    starts.min() - pd.Timedelta(days=1), starts.max() + pd.Timedelta(days=8)
                )
            if weeks.empty:
                ax.text(0.5, 0.5, "no dated days", transform=ax.transAxes, ha="center",
                        va="center", color="0.4")  # fmt: skip
        _legend_below(fig, axes)
        _suptitle(fig, "Weekly means against the target", who)
    return fig
