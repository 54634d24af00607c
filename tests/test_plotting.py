"""Charts of an analysis: artists and labels, not pixels."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from nutrilog.plotting import people_in, pick_person, plot_contributions, plot_daily

DATES = pd.to_datetime(["2026-11-18", "2026-11-19", "2026-11-20"])

# DRI values for a woman aged 31-50 (IOM/NASEM, as in datasets/dri.csv): magnesium EAR 265,
# RDA 320, UL 350 mg from supplements only; calcium EAR 800, RDA 1,000, UL 2,500 mg;
# potassium AI 2,600 mg; vitamin D EAR 10, RDA 15, UL 100 ug; B12 EAR 2.0, RDA 2.4 ug;
# sodium AI 1,500, CDRR 2,300 mg; water AI 2.7 L = 2,700 g.
_REFS = [
    # nutrient, column, ear, rda, ai, ul, ul_applies_to, cdrr
    ("magnesium", "magnesium_mg", 265, 320, np.nan, 350, "supplements", np.nan),
    ("calcium", "calcium_mg", 800, 1000, np.nan, 2500, "all", np.nan),
    ("potassium", "potassium_mg", np.nan, np.nan, 2600, np.nan, "none", np.nan),
    ("vitamin_d", "vitamin_d_ug", 10, 15, np.nan, 100, "all", np.nan),
    ("vitamin_b12", "vitamin_b12_ug", 2.0, 2.4, np.nan, np.nan, "none", np.nan),
    ("sodium", "sodium_mg", np.nan, np.nan, 1500, np.nan, "none", 2300),
    ("water", "water_g", np.nan, np.nan, 2700, np.nan, "none", np.nan),
]


def _assessment(person: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        _REFS, columns=["nutrient", "column", "ear", "rda", "ai", "ul", "ul_applies_to", "cdrr"]
    )
    frame.insert(0, "person", person)
    return frame


def _daily(person: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "person": person,
            "date": DATES,
            "energy_kcal": [1800.0, 2000.0, 1900.0],
            "water_g": [1500.0, 2100.0, 1800.0],
            "calcium_mg": [700.0, 900.0, 650.0],
            "magnesium_mg": [200.0, 460.0, 230.0],
            "magnesium_supplement_mg": [0.0, 200.0, 0.0],
            "potassium_mg": [2000.0, 2400.0, 2200.0],
            "sodium_mg": [2500.0, 3100.0, 2800.0],
            "vitamin_d_ug": [3.0, 5.0, np.nan],
            "vitamin_b12_ug": [2.0, 3.1, 1.5],
        }
    )


def _analysis(people: tuple[str, ...] = ("default",)) -> SimpleNamespace:
    top = pd.DataFrame(
        {
            "nutrient": "magnesium",
            "column": "magnesium_mg",
            "food": ["Spinach, raw", "Seeds, pumpkin and squash seed kernels, dried, unsalted", "Milk"],
            "amount": [120.0, 300.0, 40.0],
            "share": [0.25, 0.6, 0.08],
        }
    )
    return SimpleNamespace(
        profiles={p: None for p in people},
        daily=pd.concat([_daily(p) for p in people], ignore_index=True),
        assessment=pd.concat([_assessment(p) for p in people], ignore_index=True),
        top_foods=pd.concat([top.assign(person=p) for p in people], ignore_index=True),
    )


def _axes(fig: Figure) -> dict[str, object]:
    return {ax.get_title(): ax for ax in fig.axes if ax.get_visible()}


def _line(ax: object, label: str) -> object:
    lines = [ln for ln in ax.get_lines() if ln.get_label() == label]
    assert len(lines) == 1, [ln.get_label() for ln in ax.get_lines()]
    return lines[0]


def test_plot_daily_draws_one_panel_per_assessed_nutrient() -> None:
    fig = plot_daily(_analysis())
    assert isinstance(fig, Figure)
    assert list(_axes(fig)) == [
        "Magnesium", "Calcium", "Potassium", "Vitamin D", "Vitamin B12", "Sodium", "Water",
    ]  # fmt: skip


def test_plot_daily_reference_lines_sit_at_the_dri_values() -> None:
    axes = _axes(plot_daily(_analysis()))
    assert _line(axes["Magnesium"], "RDA").get_ydata()[0] == 320
    assert _line(axes["Magnesium"], "EAR").get_ydata()[0] == 265
    assert _line(axes["Potassium"], "AI").get_ydata()[0] == 2600
    assert _line(axes["Sodium"], "CDRR").get_ydata()[0] == 2300
    # the daily values themselves, and water in litres (1,500 g = 1.5 L)
    assert list(_line(axes["Calcium"], "daily intake").get_ydata()) == [700.0, 900.0, 650.0]
    assert list(_line(axes["Water"], "daily intake").get_ydata()) == [1.5, 2.1, 1.8]
    assert _line(axes["Water"], "AI").get_ydata()[0] == pytest.approx(2.7)
    assert axes["Water"].get_ylabel() == "L/day"
    assert axes["Vitamin D"].get_ylabel() == "µg/day"


def test_plot_daily_magnesium_ul_band_is_for_supplements() -> None:
    ax = _axes(plot_daily(_analysis()))["Magnesium"]
    supplements = _line(ax, "supplements")
    assert list(supplements.get_ydata()) == [0.0, 200.0, 0.0]
    labels = ax.get_legend_handles_labels()[1]
    assert "above UL (supplements only)" in labels
    band = [p for p in ax.patches if p.get_label() == "above UL (supplements only)"][0]
    assert band.get_y() == 350  # the band starts at the UL


def test_plot_daily_far_away_ul_is_a_note_not_a_band() -> None:
    # calcium peaks at 1,000 x 1.15 = 1,150 mg on the axis; its UL of 2,500 is more than twice that
    ax = _axes(plot_daily(_analysis()))["Calcium"]
    assert "above UL" not in ax.get_legend_handles_labels()[1]
    assert any("UL 2500" in t.get_text() for t in ax.texts)
    assert ax.get_ylim()[1] == pytest.approx(1150)


def test_plot_daily_several_people_needs_a_person() -> None:
    analysis = _analysis(("ana", "ben"))
    assert people_in(analysis) == ["ana", "ben"]
    with pytest.raises(ValueError, match="pass person="):
        plot_daily(analysis)
    with pytest.raises(ValueError, match="no person 'carl'"):
        pick_person(analysis, "carl")
    fig = plot_daily(analysis, person="ben")
    assert fig.get_suptitle().endswith(": ben")


def test_plot_daily_draws_into_a_given_figure_and_missing_column_says_no_data() -> None:
    analysis = _analysis()
    analysis.daily = analysis.daily.drop(columns="vitamin_b12_ug")
    target = Figure()
    fig = plot_daily(analysis, nutrients=["vitamin_b12", "magnesium_mg"], fig=target)
    assert fig is target
    axes = _axes(fig)
    assert list(axes) == ["Vitamin B12", "Magnesium"]
    assert [t.get_text() for t in axes["Vitamin B12"].texts] == ["no data"]


def test_plot_contributions_bars_largest_first_with_shares() -> None:
    fig = plot_contributions(_analysis(), top=2)
    ax = _axes(fig)["Magnesium"]
    names = [t.get_text() for t in ax.get_yticklabels()]
    # 300 mg pumpkin seeds > 120 mg spinach; milk (40 mg) is cut by top=2
    assert names == ["Seeds, pumpkin and squash seed kernel…", "Spinach, raw"]
    assert len(names[0]) == 38
    assert [bar.get_width() for bar in ax.patches] == [300.0, 120.0]
    assert [t.get_text() for t in ax.texts] == ["60%", "25%"]
    assert ax.get_xlabel() == "mg"
    empty = _axes(fig)["Calcium"]
    assert [t.get_text() for t in empty.texts] == ["no foods with a known amount"]


def test_plots_do_not_touch_pyplot_state() -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plot_daily(_analysis())
    plot_contributions(_analysis())
    assert plt.get_fignums() == before


def _texts(fig: Figure) -> list[object]:
    """Every text artist of a figure: titles, labels, ticks, legends, notes."""
    from matplotlib.text import Text

    fig.canvas.draw()  # tick labels exist once drawn
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def test_charts_are_readable_and_legends_sit_outside_the_data() -> None:
    for fig in (plot_daily(_analysis()), plot_contributions(_analysis())):
        sizes = [t.get_fontsize() for t in _texts(fig)]
        assert min(sizes) >= 8, sorted(sizes)[:5]  # the smallest: bar and week labels
        assert all(ax.get_legend() is None for ax in fig.axes)  # no legend over a panel
    fig = plot_daily(_analysis())
    (legend,) = fig.legends  # one, for the figure, below the panels
    labels = [t.get_text() for t in legend.get_texts()]
    assert {"daily intake", "RDA", "EAR", "AI", "CDRR"} <= set(labels)
    assert len(labels) == len(set(labels))
    fig.canvas.draw()
    lowest_panel = min(ax.get_position().y0 for ax in fig.axes if ax.get_visible())
    box = legend.get_window_extent().transformed(fig.transFigure.inverted())
    assert box.y1 <= lowest_panel  # under the data, never on it


def test_undated_rows_stay_off_the_date_axis_and_are_counted() -> None:
    analysis = _analysis()
    undated = analysis.daily.iloc[[0]].assign(date=pd.NaT, n_entries=4)
    analysis.daily = pd.concat([analysis.daily.assign(n_entries=5), undated], ignore_index=True)
    fig = plot_daily(analysis)
    line = _line(_axes(fig)["Magnesium"], "daily intake")
    x = line.get_xdata()
    assert len(x) == 3 and np.issubdtype(np.asarray(x).dtype, np.datetime64)  # dates, not 1..4
    assert any("4 entries without a date are not shown" in t.get_text() for t in fig.texts)


def test_weekly_trend_against_the_target() -> None:
    from nutrilog.plotting import plot_weekly

    days = pd.date_range("2026-10-05", periods=35, freq="D")  # five weeks from a Monday
    daily = pd.DataFrame({"person": "default", "date": days, "complete": True})
    for _, column, *_ in _REFS:
        daily[column] = 100.0
    daily["magnesium_mg"] = np.repeat([100.0, 200.0, 300.0, 250.0, 150.0], 7)
    analysis = SimpleNamespace(profiles={"default": None}, daily=daily,
                               assessment=_assessment("default"))  # fmt: skip
    fig = plot_weekly(analysis)
    ax = _axes(fig)["Magnesium"]
    heights = [bar.get_height() for bar in ax.patches]
    assert heights == [100.0, 200.0, 300.0, 250.0, 150.0]  # the mean of each week
    assert _line(ax, "target (RDA)").get_ydata()[0] == 320  # RDA for women 31-50
    assert _line(ax, "EAR").get_ydata()[0] == 265
    assert hasattr(fig, "_repr_png_") and fig._repr_png_().startswith(b"\x89PNG")
