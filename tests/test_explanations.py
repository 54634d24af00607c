"""Tests for the spasm explanations file and its loader."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from build_scripts import load

from nutrilog import dataset_path
from nutrilog.errors import DataError
from nutrilog.explanations import Explanations, load_explanations
from nutrilog.nutrients import ASSESSED, nutrient

SHINGLES = Path(__file__).parent / "data" / "article_shingles.txt"
_shingles = load("build_shingles")  # datasets/build/build_shingles.py
SHINGLE_WORDS, shingle_hash = _shingles.SHINGLE_WORDS, _shingles.shingle_hash
shingle_hashes, words = _shingles.shingle_hashes, _shingles.words
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
        assert entry.column == nutrient(key).column
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
        assert set(point["sources"]) <= {"neck", "back", "nutrilog"}, point
    # what nutrilog adds stands alone, never mixed into an article's point
    added = [p for p in points if "nutrilog" in p["sources"]]
    assert added and all(p["sources"] == ["nutrilog"] for p in added)
    assert raw["articles"]["nutrilog"]["kind"] == "note"


def test_article_specific_facts_carry_the_right_attribution() -> None:
    ex = load_explanations()
    calcium = " ".join(p.text for p in ex.get("calcium").mechanism if p.sources == ("neck",))
    assert "tetany" in calcium  # only the neck article speaks of tetany
    pumpkin = [f for f in ex.get("magnesium").foods if f.name == "pumpkin seeds"]
    assert [f.sources for f in pumpkin] == [("back",)]  # only the back article names them
    sodium = ex.get("sodium")
    assert any(p.sources == ("neck",) and "does not mention sodium" in p.text for p in sodium.mechanism)
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
    role = ex.get("magnesium").role[0]
    assert (role.text, ex.cite(role.sources)) == ("Relaxes muscles.", "— from “My notes”")


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


# -- what a reader acts on: hedges, attribution, red flags --------------------------------


def _all_text(ex: Explanations) -> str:
    texts = [p.text for p in ex.see_a_clinician] + [c.text for c in ex.other_causes]
    for entry in ex.nutrients.values():
        texts += [p.text for p in (*entry.role, *entry.mechanism, *entry.interactions)]
    return " ".join(" ".join(texts).split())


def test_vitamin_d_statements_are_credited_to_the_article_that_makes_them() -> None:
    ex = load_explanations()
    mech = ex.get("vitamin_d").mechanism
    # the neck article cites case studies of pain improving; the back article only says
    # studies link deficiency with pain and that correcting it can be part of treatment
    case_studies = [p for p in mech if "case studies" in p.text]
    assert [p.sources for p in case_studies] == [("neck",)]
    assert any(p.sources == ("back",) and "part of treatment" in p.text for p in mech)
    # sunlight is a source of vitamin D, not a food
    assert not any("sun" in f.name for entry in ex.nutrients.values() for f in entry.foods)
    assert any("sunlight" in p.text for p in ex.get("vitamin_d").role)
    # the supplement line says what the neck article says: consider it once a doctor has
    # confirmed a low level
    supplement = [p for p in ex.see_a_clinician if "supplement" in p.text]
    assert [p.sources for p in supplement] == [("neck",)]
    assert "considering" in supplement[0].text and "confirmed" in supplement[0].text


def test_no_rehydration_claim_and_the_neck_article_on_electrolytes() -> None:
    ex = load_explanations()
    assert "restores the balance" not in _all_text(ex)
    neck_on_sodium = [p.text for p in ex.get("sodium").mechanism if p.sources == ("neck",)]
    assert neck_on_sodium == [
        "The neck-spasm article does not mention sodium: the electrolytes it names are "
        "calcium and potassium, and it says dehydration can upset the electrolyte balance."
    ]


def test_mechanisms_keep_the_hedges_and_the_blood_level_caveat() -> None:
    ex = load_explanations()
    for key in ("magnesium", "calcium", "potassium", "vitamin_d"):
        for point in ex.get(key).mechanism:
            if point.sources != ("nutrilog",):
                assert re.search(r"\b(can|may|potentially|linked|says|cites|uncommon)\b", point.text), point.text
    for key, word in (("calcium", "blood calcium"), ("potassium", "blood potassium")):
        caveat = [p for p in ex.get(key).mechanism if p.sources == ("nutrilog",)]
        assert len(caveat) == 1 and word in caveat[0].text and "rarely" in caveat[0].text


def test_red_flags_point_to_a_clinician() -> None:
    ex = load_explanations()
    flags = " ".join(p.text for p in ex.see_a_clinician if p.sources == ("nutrilog",))
    for sign in (
        "weakness, numbness or tingling in an arm or a leg",
        "loss of bladder or bowel control",
        "saddle area",
        "severe headache with a stiff neck and fever",
        "chest pain",
        "irregular heartbeat",
        "tetany",
        "injury or a fall",
        "weight loss",
        "history of cancer",
    ):
        assert sign in " ".join(flags.split()), sign
    assert "fever or numbness" in " ".join(p.text for p in ex.see_a_clinician if p.sources == ("neck",))


def test_sources_are_named_with_title_and_no_invented_address() -> None:
    ex = load_explanations()
    # the copies in the reference folder carry no web address; none is made up
    assert ex.articles["neck"].url is None and ex.articles["back"].url is None
    assert ex.articles["nutrilog"].kind == "note"
    assert ex.cite(["nutrilog"]) == "— added by nutrilog (not from the articles)"
    assert ex.cite(["back", "nutrilog"]).endswith("; with an addition by nutrilog")


@pytest.mark.parametrize(
    ("description", "hazard"),
    [
        ("Nuts, almonds", True),
        ("Seeds, pumpkin and squash seed kernels, dried", True),
        ("Peanut butter, smooth style, with salt", True),
        ("Grapes, red or green (European type, such as Thompson seedless), raw", True),
        ("Frankfurter, beef, unheated", True),
        ("Snacks, popcorn, air-popped", True),
        ("Carrots, raw", True),
        ("Carrots, cooked, boiled, drained, without salt", False),
        ("Beverages, almond milk, unsweetened, shelf stable", False),
        ("Grape juice, canned or bottled, unsweetened", False),
        ("Milk, whole, 3.25% milkfat, with added vitamin D", False),
        ("Fish, salmon, sockeye, cooked, dry heat", False),
        ("Doughnuts, cake-type, plain", False),
    ],
)
def test_choking_hazards_for_young_children(description: str, hazard: bool) -> None:
    assert load_explanations().is_choking_hazard(description) is hazard


@pytest.mark.parametrize(
    ("age", "sex", "factor"),
    # DGA 2005 sedentary kcal / adult kcal of the same sex (2,000 women, 2,400 men),
    # to the nearest quarter: 1000/2000 = 0.5; 1000/2400 = 0.42 -> 0.5; 1200/2000 = 0.6
    # -> 0.5; 1400/2400 = 0.58 -> 0.5; 1600/2000 = 0.8 -> 0.75; 1800/2400 = 0.75;
    # 1800/2000 = 0.9 -> 1; 2200/2400 = 0.92 -> 1
    [(2, "female", 0.5), (2, "male", 0.5), (8, "female", 0.5), (8, "male", 0.5),
     (10, "female", 0.75), (10, "male", 0.75), (16, "female", 1.0), (16, "male", 1.0),
     (34, "female", 1.0), (75, "male", 1.0)],  # fmt: skip
)
def test_portions_scale_with_the_dri_group(age: float, sex: str, factor: float) -> None:
    assert load_explanations().portion_scale.factor(age, sex) == factor
