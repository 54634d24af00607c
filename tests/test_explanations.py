"""Tests for the spasm explanations file and its loader."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from nutrilog._resources import dataset_path
from nutrilog.datasets.build_shingles import SHINGLE_WORDS, shingle_hash, shingle_hashes, words
from nutrilog.errors import DataError
from nutrilog.explanations import Explanations, load_explanations
from nutrilog.nutrients import ASSESSED, column_for

SHINGLES = Path(__file__).parent / "data" / "article_shingles.txt"
NECK = "What vitamin deficiency causes neck spasms?"
BACK = "What deficiency causes back spasms?"

MINIMAL = """\
schema_version: 1
articles:
  mine: {title: "My notes", file: notes.txt}
disclaimer: {text: Not advice., sources: [mine]}
nutrients:
  magnesium:
    label: Magnesium
    column: magnesium_mg
    sources: [mine]
    role: [{text: Relaxes muscles., sources: [mine]}]
    mechanism: [{text: Too little lets them cramp., sources: [mine]}]
"""


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _copied(text: str, hashes: set[str]) -> list[str]:
    toks = words(text)
    runs = (toks[i : i + SHINGLE_WORDS] for i in range(len(toks) - SHINGLE_WORDS + 1))
    return [" ".join(run) for run in runs if shingle_hash(run) in hashes]


@pytest.fixture(scope="module")
def article_hashes() -> set[str]:
    lines = SHINGLES.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if not line.startswith("#")}


@pytest.fixture(scope="module")
def yaml_text() -> str:
    return dataset_path("explanations.yaml").read_text(encoding="utf-8")


# -- no sentence of the articles in the YAML ---------------------------------------------


def test_shingle_file_holds_only_hashes(article_hashes: set[str]) -> None:
    # the two articles have ~1,500 words each, so roughly 2,800 distinct 8-word runs
    assert 2000 < len(article_hashes) < 4000
    assert all(re.fullmatch(r"[0-9a-f]{16}", h) for h in article_hashes)


def test_shingle_hash_is_sha256_prefix_of_space_joined_words() -> None:
    run = ["what", "a", "b", "c", "d", "e", "f", "g"]
    expected = hashlib.sha256(b"what a b c d e f g").hexdigest()[:16]
    assert shingle_hash(run) == expected
    assert words("Body’s mid-back, B12!") == ["bodys", "mid", "back", "b12"]


def test_copy_detector_finds_a_planted_shingle() -> None:
    planted = "one two three four five six seven eight"
    hashes = shingle_hashes(planted)
    assert _copied(f"Some words before: {planted.upper()}, after.", hashes) == [planted]
    assert _copied("one two three four five six seven nine", hashes) == []


def test_no_eight_word_run_of_the_articles_in_the_yaml(article_hashes: set[str], yaml_text: str) -> None:
    texts = [*_strings(yaml.safe_load(yaml_text)), yaml_text]
    hits = [run for text in texts for run in _copied(text, article_hashes)]
    assert hits == []


# -- the bundled file ---------------------------------------------------------------------


def test_bundled_file_covers_every_assessed_nutrient() -> None:
    ex = load_explanations()
    assert set(ex.nutrients) == set(ASSESSED)
    for key, entry in ex.nutrients.items():
        assert entry.column == column_for(key)
        assert entry.role and entry.mechanism
    assert ex.articles["neck"].title == NECK
    assert ex.articles["back"].title == BACK
    assert ex.articles["neck"].file == "neck-spasms-article.txt"


def test_every_point_is_attributed_to_a_known_article() -> None:
    raw = yaml.safe_load(dataset_path("explanations.yaml").read_text(encoding="utf-8"))
    points = [raw["disclaimer"], *raw["see_a_clinician"], *raw["other_causes"]]
    for entry in raw["nutrients"].values():
        points += entry["role"] + entry["mechanism"] + entry["foods"] + entry["interactions"]
    assert len(points) > 60
    for point in points:
        assert point["sources"], point
        assert set(point["sources"]) <= {"neck", "back"}, point


def test_article_specific_facts_carry_the_right_attribution() -> None:
    ex = load_explanations()
    calcium = " ".join(p.text for p in ex.get("calcium").mechanism if p.sources == ("neck",))
    assert "tetany" in calcium  # only the neck article speaks of tetany
    pumpkin = [f for f in ex.get("magnesium").foods if f.name == "pumpkin seeds"]
    assert [f.sources for f in pumpkin] == [("back",)]  # only the back article names them
    sodium = ex.get("sodium")
    assert any(p.sources == ("neck",) and "does not discuss sodium" in p.text for p in sodium.mechanism)
    causes = {c.cause for c in ex.other_causes}
    assert {"posture", "stress", "injury", "spinal and joint problems"} <= causes


def test_interaction_vitamin_d_worsens_low_calcium() -> None:
    ex = load_explanations()
    text = " ".join(p.text for p in ex.get("calcium").interactions)
    assert "vitamin D" in text


def test_get_accepts_key_or_column_and_rejects_unknown() -> None:
    ex = load_explanations()
    assert ex.get("vitamin_b12_ug") is ex.get("vitamin_b12")
    with pytest.raises(KeyError, match="energy"):
        ex.get("energy_kcal")


def test_cite_names_the_titles() -> None:
    ex = load_explanations()
    assert ex.cite(["back"]) == f"— from “{BACK}”"
    assert ex.cite(["neck", "back", "neck"]) == f"— from “{NECK}” and “{BACK}”"


def test_render_text_and_markdown_carry_attributions() -> None:
    ex = load_explanations()
    text = ex.render("potassium")
    assert text.startswith("Potassium\n")
    assert "How a shortfall can lead to cramps or spasms" in text
    assert f"bananas; sweet potatoes; spinach — from “{NECK}” and “{BACK}”" in text
    md = ex.render("potassium", "markdown")
    assert md.startswith("### Potassium\n")
    assert f"- A severe drop can cause dangerous complications. *— from “{NECK}”*" in md
    general = ex.render_general("markdown")
    assert "**When to see a clinician**" in general and "**Not medical advice**" in general
    with pytest.raises(ValueError, match="fmt"):
        ex.render("potassium", "html")  # type: ignore[arg-type]


def test_suggestion_foods_are_keyed_by_nutrient() -> None:
    ex = load_explanations()
    first = ex.suggestions("magnesium_mg")[0]
    assert (first.id, first.name, first.portion, first.named_in) == ("sr28:12014", "pumpkin seeds", "oz", ("back",))
    assert ex.suggestions("energy_kcal") == ()


# -- user files ---------------------------------------------------------------------------


def test_user_file_in_the_same_schema(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    ex = load_explanations(path)
    assert isinstance(ex, Explanations)
    assert ex.cite(["mine"]) == "— from “My notes”"
    assert ex.render("magnesium").splitlines()[3] == "  - Relaxes muscles. — from “My notes”"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("role: [{text: Relaxes muscles., sources: [mine]}]", "role: [{text: Relaxes muscles., sources: [other]}]"), "nutrients.magnesium"),
        (("    mechanism: [{text: Too little lets them cramp., sources: [mine]}]\n", ""), "nutrients.magnesium.mechanism"),
        (("column: magnesium_mg", "column: calcium_mg"), "nutrients.magnesium.column"),
        (("sources: [mine]}]\n    mechanism", "sources: []}]\n    mechanism"), "nutrients.magnesium.role.0.sources"),
        (("  magnesium:", "  iron:"), "unknown nutrient"),
        (("schema_version: 1", "schema_version: 2"), "schema_version"),
    ],
)
def test_bad_user_file_names_file_and_field(tmp_path: Path, change: tuple[str, str], field: str) -> None:
    old, new = change
    assert old in MINIMAL
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_explanations(path)
    assert str(path) in str(info.value)
    assert field in str(info.value)


def test_unreadable_or_non_yaml_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_explanations(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles: [unclosed", encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML"):
        load_explanations(bad)
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DataError, match="expected a mapping"):
        load_explanations(bad)
