"""Integrity of the hand-written vocabularies: aliases.csv, synonyms.csv, brands.csv.

The tables are read from the installed package (``nutrilog.dataset_path``),
and their keys are compared the way the matcher compares texts
(:func:`nutrilog.matching.normalize_food_text`: lower case, no punctuation, singular
words), so two rows that differ only by a plural or an apostrophe count as one.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache

import pandas as pd
import pytest

from nutrilog import dataset_path
from nutrilog.matching import curated_aliases, normalize_food_text

SYNONYM_KINDS = {"regional", "spelling", "shorthand", "dish"}
REGIONS = {"UK", "AU", "NZ", "IN", "US", "CA", "ZA", "any"}
BRAND_KINDS = {"restaurant", "packaged"}


@cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    with dataset_path(name).open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@cache
def _header(name: str) -> tuple[str, ...]:
    with dataset_path(name).open(encoding="utf-8", newline="") as fh:
        return tuple(next(csv.reader(fh)))


@cache
def _foods() -> pd.DataFrame:
    with dataset_path("foods.csv").open("rb") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False).set_index("id")


@cache
def _portion_units() -> dict[str, frozenset[str]]:
    with dataset_path("portions.csv").open("rb") as fh:
        portions = pd.read_csv(fh, dtype=str, keep_default_na=False)
    # A portion without a unit key ("1 sandwich", "Quantity not specified") is named by
    # its description: count it too, so a food with only such rows still has portions.
    named = portions["unit"].where(portions["unit"] != "", "row:" + portions["description"])
    return {k: frozenset(v) for k, v in named.groupby(portions["id"])}


def _description(alias: str) -> str:
    return str(_foods().at[curated_aliases()[normalize_food_text(alias)], "description"])


def _well_written(text: str) -> bool:
    return bool(text) and text == text.strip() and text == text.lower() and "  " not in text


# ------------------------------------------------------------------------ aliases.csv


def test_aliases_layout_and_size() -> None:
    assert _header("aliases.csv") == ("alias", "food_id", "note")
    rows = _rows("aliases.csv")
    assert len(rows) >= 3000
    assert len({normalize_food_text(r["alias"]) for r in rows}) >= 3000


def test_alias_texts_are_lower_case_and_trimmed_and_every_row_has_a_note() -> None:
    bad = [r["alias"] for r in _rows("aliases.csv") if not _well_written(r["alias"])]
    assert bad == []
    assert all(r["note"].strip() for r in _rows("aliases.csv"))


def test_every_alias_food_is_bundled_and_has_portions() -> None:
    ids = {r["food_id"] for r in _rows("aliases.csv")}
    assert ids <= set(_foods().index)
    without = sorted(i for i in ids if not _portion_units().get(i))
    assert without == []  # grams for '1 cup X' or '2 X' need at least one household measure


def test_alias_notes_start_with_the_food_description() -> None:
    described = _foods()["description"]
    wrong = [
        r["alias"]
        for r in _rows("aliases.csv")
        if not r["note"].startswith(described[r["food_id"]])
    ]
    assert wrong == []


def test_each_alias_names_one_food_and_repeats_are_documented_alternates() -> None:
    """A repeated alias (after normalising) is an alternate: a different food, used only
    when the first has no weight for the unit written, and the note says so."""
    seen: dict[str, list[dict[str, str]]] = {}
    for row in _rows("aliases.csv"):
        seen.setdefault(normalize_food_text(row["alias"]), []).append(row)
    assert not any("alternate" in rows[0]["note"] for rows in seen.values())
    for key, rows in seen.items():
        foods = [r["food_id"] for r in rows]
        assert len(set(foods)) == len(foods), key  # no exact duplicate rows
        assert all("; alternate" in r["note"] for r in rows[1:]), key


def test_alternates_carry_a_unit_their_first_food_lacks() -> None:
    units = _portion_units()
    first: dict[str, str] = {}
    useless = []
    for row in _rows("aliases.csv"):
        key = normalize_food_text(row["alias"])
        if key not in first:
            first[key] = row["food_id"]
        elif not units[row["food_id"]] - units[first[key]]:
            useless.append(row["alias"])
    assert useless == []


@pytest.mark.parametrize(
    ("alias", "words"),
    [
        ("oj", ["orange juice"]),
        ("rice", ["rice", "white", "cooked"]),  # grains are logged cooked
        ("coffee", ["coffee", "brewed"]),
        ("green beans", ["green", "cooked"]),  # a vegetable normally eaten cooked
        ("peas", ["peas", "cooked"]),
        ("spinach", ["spinach", "raw"]),  # eaten raw as often as cooked: raw, as labelled
        ("salmon", ["salmon", "cooked"]),  # fish is logged cooked
        ("kidney beans", ["kidney", "red", "cooked"]),
        ("latte", ["latte"]),
        ("big mac", ["big mac"]),
        ("whopper", ["whopper"]),
        ("crisps", ["potato chips"]),  # UK crisps
        ("aubergine", ["eggplant"]),
        ("digestive biscuits", ["graham crackers"]),
        ("biscuit", ["biscuit"]),  # a US biscuit is a quick bread, not a cookie
        ("chapati", ["chappatti"]),
        ("dal", ["lentil"]),
        ("flat white", ["latte"]),
        ("weetabix", ["weetabix"]),
        ("semi-skimmed milk", ["milk", "2%"]),
        ("oat milk", ["non-dairy milk"]),  # USDA has no oat milk
        ("toast", ["bread", "toasted"]),
        ("eggs", ["egg", "whole"]),
    ],
)
def test_aliases_land_on_the_food_a_dietitian_would_choose(alias: str, words: list[str]) -> None:
    description = _description(alias).lower()
    assert all(w in description for w in words), description


def test_foods_usda_lacks_are_not_forced_onto_another_food() -> None:
    # The development set marks these as foods SR28/FNDDS do not have: no alias may
    # pretend otherwise (suggestions are fine, a confident match is not).
    aliases = curated_aliases()
    for text in [
        "kombucha",
        "nutritional yeast",
        "moringa powder",
        "dulse flakes",
        "cricket flour",
    ]:
        assert normalize_food_text(text) not in aliases


# ---------------------------------------------------------------------- synonyms.csv


def test_synonyms_layout_and_size() -> None:
    assert _header("synonyms.csv") == ("term", "means", "kind", "region", "reason")
    assert len(_rows("synonyms.csv")) >= 300


def test_synonym_rows_are_well_formed() -> None:
    for row in _rows("synonyms.csv"):
        assert _well_written(row["term"]), row
        assert _well_written(row["means"]), row
        assert row["kind"] in SYNONYM_KINDS, row
        assert row["region"] in REGIONS, row
        assert row["reason"].strip(), row


def test_synonym_terms_are_unique_and_never_mean_themselves() -> None:
    terms = Counter(normalize_food_text(r["term"]) for r in _rows("synonyms.csv"))
    assert [t for t, n in terms.items() if n > 1] == []
    assert [
        r["term"]
        for r in _rows("synonyms.csv")
        if normalize_food_text(r["means"]) == normalize_food_text(r["term"])
    ] == []


def test_no_day_word_is_a_synonym() -> None:
    """A day written short is a prefix (``Fri tea - battered cod``): as a synonym term
    (Haitian Creole ``fri``, fried) it would read the day as a way of cooking."""
    days = {r["word"] for r in _rows("entry_words.csv") if r["role"] == "time_of_day"}
    assert sorted(days & {r["term"] for r in _rows("synonyms.csv")}) == []


def test_synonyms_have_no_chains_or_loops() -> None:
    """A meaning is never itself a term (a -> b, b -> c), so no chain can loop back
    (a -> b, b -> a). The table is applied once: a meaning may still hold a shorter
    term (``mince pie`` -> ``pie mince`` keeps the pie away from ``mince``)."""
    means = {
        normalize_food_text(r["term"]): normalize_food_text(r["means"])
        for r in _rows("synonyms.csv")
    }
    chained = sorted(t for t, m in means.items() if m in means)
    assert chained == []
    for term in means:  # follow each term; a loop would revisit a term
        seen, current = {term}, means[term]
        while current in means:
            assert current not in seen, term
            seen.add(current)
            current = means[current]


def test_ambiguous_words_keep_their_us_meaning() -> None:
    # 'biscuit' (US quick bread, UK cookie) and 'chips' (US crisps, UK fries) are mapped
    # only inside unambiguous phrases; a bare 'crisp' would turn apple crisp into chips.
    terms = {normalize_food_text(r["term"]) for r in _rows("synonyms.csv")}
    assert {"biscuit", "chip", "jelly", "squash", "pop"}.isdisjoint(terms)
    means = {r["term"]: r["means"] for r in _rows("synonyms.csv")}
    assert means["digestive biscuit"] == "graham cracker"
    assert means["oven chips"] == "oven fries"
    assert means["apple crisp"] == "apple crisp dessert"  # protects the dessert from 'crisps'


@pytest.mark.parametrize(
    ("term", "means"),
    [
        ("aubergine", "eggplant"),
        ("courgette", "zucchini"),
        ("rocket", "arugula"),
        ("capsicum", "bell pepper"),
        ("crisps", "potato chips"),
        ("coriander", "cilantro"),
        ("semi-skimmed", "reduced fat"),
        ("mince", "ground beef"),
        ("mince pie", "pie mince"),  # protects the UK Christmas mince pie (USDA "Pie, mince")
        ("oj", "orange juice"),
        ("w/", "with"),
        ("yoghurt", "yogurt"),
        (
            "fish and chips",
            "medium battered fish and medium french fries",
        ),  # UK chips after a dish are fries
        ("rye crisp", "rye crispbread"),  # protected from 'crisps'
        ("ground coriander", "cilantro seed"),  # the spice, not the leaves
        ("cheese curds", "mozzarella cheese nfs"),  # FNDDS codes them so; not Indian curd
        ("soy mince", "textured vegetable protein"),  # not ground beef
        ("butter beans", "large lima beans"),
    ],
)
def test_synonym_spot_checks(term: str, means: str) -> None:
    table = {r["term"]: r["means"] for r in _rows("synonyms.csv")}
    assert table[term] == means


def _rewrite(key: str, terms: list[tuple[tuple[str, ...], str]]) -> str:
    """``key`` with the synonym terms replaced, longest first, left to right, once."""
    words, out, i = key.split(), [], 0
    while i < len(words):
        for term, means in terms:
            if tuple(words[i : i + len(term)]) == term:
                out.append(means)
                i += len(term)
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def test_aliases_agree_with_synonyms() -> None:
    # The matcher may rewrite the synonyms of an entry before it looks for an alias:
    # an alias and its rewritten form, when both are aliases, name the same food
    # (``chip shop chips`` and ``steak fries``, ``kheema`` and ``keema curry``).
    terms = sorted(
        (
            (tuple(normalize_food_text(r["term"]).split()), normalize_food_text(r["means"]))
            for r in _rows("synonyms.csv")
        ),
        key=lambda t: -len(t[0]),
    )
    aliases = curated_aliases()
    disagree = [
        (key, rewritten)
        for key, food in aliases.items()
        if (rewritten := _rewrite(key, terms)) != key
        and rewritten in aliases
        and aliases[rewritten] != food
    ]
    assert disagree == []


def test_synonyms_rewrite_into_words_the_food_table_knows() -> None:
    # Every word a synonym rewrites into occurs in some USDA description or synonym
    # (otherwise the rewrite would only trade one unknown word for another).
    vocabulary = set(
        " ".join(
            normalize_food_text(t) for t in (_foods()["description"] + " " + _foods()["synonyms"])
        ).split()
    )
    meal_and_joining_words = {"breakfast", "takeout", "with", "without", "and"}
    # a dish read as its parts weighs them (``2 tbsp peanut butter``)
    meal_and_joining_words |= {"tbsp", "tsp", "oz"}
    # a rewrite into a word the matcher sets aside says the words name no food
    # ("nectar thick" is "thickened": the drink itself is what is logged)
    set_aside = {r["word"] for r in _rows("matching_words.csv") if r["role"] == "cosmetic"}
    unknown = sorted(
        {
            word
            for row in _rows("synonyms.csv")
            for word in normalize_food_text(row["means"]).split()
            if word not in vocabulary and word not in meal_and_joining_words | set_aside
        }
    )
    assert unknown == []


# ------------------------------------------------------------------------ brands.csv


def test_brands_layout_and_rows() -> None:
    assert _header("brands.csv") == ("brand", "kind", "generic", "note")
    rows = _rows("brands.csv")
    assert len(rows) >= 300
    for row in rows:
        assert _well_written(row["brand"]), row
        assert row["kind"] in BRAND_KINDS, row
        assert row["note"].strip(), row
        assert row["generic"] == "" or _well_written(row["generic"]), row
    brands = Counter(normalize_food_text(r["brand"]) for r in rows)
    assert [b for b, n in brands.items() if n > 1] == []


def test_brand_generics_name_a_curated_food() -> None:
    aliases = curated_aliases()
    missing = [
        r["brand"]
        for r in _rows("brands.csv")
        if r["generic"] and normalize_food_text(r["generic"]) not in aliases
    ]
    assert missing == []


def test_brand_spot_checks() -> None:
    brands = {r["brand"]: r for r in _rows("brands.csv")}
    assert brands["chobani"]["generic"] == "greek yogurt"
    assert brands["mcdonald's"]["kind"] == "restaurant" and brands["mcdonald's"]["generic"] == ""
    assert brands["kirkland"]["generic"] == ""  # a store brand never names a food
    assert brands["domino's"]["generic"] == "pizza"
    assert "chocolate sandwich" in _description(brands["oreo"]["generic"]).lower()


@pytest.mark.parametrize(
    "name",
    [
        "aliases.csv",
        "brands.csv",
        "entry_words.csv",
        "matching_words.csv",
        "supplement_names.csv",
        "supplement_products.csv",
        "synonyms.csv",
        "units.csv",
        "vague_amounts.csv",
    ],
)
def test_every_row_of_a_hand_written_table_has_its_header_s_fields(name: str) -> None:
    # a comma in a note left unquoted splits the note into a field the header lacks
    with dataset_path(name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    width = len(rows[0])
    assert [i + 1 for i, row in enumerate(rows) if len(row) != width] == []
