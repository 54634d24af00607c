"""nutrilog in a real Jupyter kernel, as a notebook runs it (nbclient + ipykernel).

No ``%matplotlib inline`` and no display calls: what each cell's last value shows
is what a notebook user sees. The report's HTML must keep its styles to itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the test extra brings nbformat")
nbclient = pytest.importorskip("nbclient", reason="the test extra brings nbclient")
pytest.importorskip("ipykernel", reason="the test extra brings ipykernel")

ROOT = Path(__file__).resolve().parents[1]

CELLS = [
    "import nutrilog as nl\n"
    "result = nl.analyze('examples/week.csv', nl.Profile(age=34, sex='female'))\n"
    "result",
    "result.summary",
    "result.plot('daily')",
    "result.report()",
    "import sys\n'matplotlib.pyplot' in sys.modules",
]


@pytest.fixture(scope="module")
def outputs() -> list[list[dict]]:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},  # the kernel starts in the checkout
    )
    client.execute()
    return [cell["outputs"] for cell in notebook.cells]


def _data(outputs: list[dict]) -> dict:
    results = [o for o in outputs if o["output_type"] == "execute_result"]
    assert results, outputs
    return results[0]["data"]


def _selectors(css: str) -> list[str]:
    """Every selector of a style sheet, inside @media blocks too."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for block in re.finditer(r"([^{}]+)\{[^{}]*\}", re.sub(r"@media[^{]*\{", "", css)):
        found += [s.strip() for s in block.group(1).split(",") if s.strip()]
    return found


def test_result_shows_a_one_screen_summary(outputs: list[list[dict]]) -> None:
    html = _data(outputs[0])["text/html"]
    assert html.startswith('<div class="nutrilog-report">')
    assert 'class="verdicts"' in html and "Next steps" in html
    assert "likely low" in html and "cannot tell" in html and "clinician" in html
    assert "Why this can matter" not in html  # the whole report is result.report()
    assert len(re.findall(r"<li>", html)) <= 8  # a screen, not a report


def test_summary_is_a_compact_table(outputs: list[list[dict]]) -> None:
    data = _data(outputs[1])
    assert "text/html" in data
    head = data["text/html"].split("</thead>")[0]
    columns = re.findall(r"<th>([^<]*)</th>", head)[1:]  # after the index
    assert columns == ["nutrient", "status", "mean", "target", "pct_of_target", "unit", "coverage"]
    assert data["text/html"].count("<tr") == 8  # the header and seven nutrients


def test_plot_shows_as_an_image_without_magic(outputs: list[list[dict]]) -> None:
    data = _data(outputs[2])
    assert data["image/png"]  # base64 PNG, not "<Figure size ...>"
    assert _data(outputs[4])["text/plain"] == "False"  # pyplot was never needed


def test_report_styles_touch_nothing_outside_it(outputs: list[list[dict]]) -> None:
    html = _data(outputs[3])["text/html"].strip()
    assert html.startswith('<div class="nutrilog-report">') and html.endswith("</div>")
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert len(styles) == 1
    selectors = _selectors(styles[0])
    assert len(selectors) > 20
    outside = [s for s in selectors if not s.startswith(".nutrilog-report")]
    assert outside == []
    assert "<script" not in html and "<body" not in html and "<html" not in html
    assert html.count("data:image/png;base64,") >= 2  # the charts, inline
