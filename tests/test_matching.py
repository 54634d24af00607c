"""Tests for nutrilog.matching (food text -> food id) and the diary fixture end to end.

Food ids and descriptions are those of USDA SR28 (FOOD_DES.txt) and FNDDS 2017-2018
as bundled in datasets/foods.csv.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nutrilog.errors import DataError
from nutrilog.foods import FoodTable
from nutrilog.matching import (
    MATCH_COLUMNS,
    curated_aliases,
    match_foods,
    normalize_food_text,
    read_aliases,
)
from nutrilog.matching.index import index_for, uppercase_words, with_uppercase_words
from nutrilog.matching.words import normalize_many
from nutrilog.portions import resolve_grams
from nutrilog.units import normalize_unit

FIXTURE = Path(__file__).parent / "data" / "diary_matches.csv"


def _one(text: str, foods: FoodTable, **kwargs: object) -> pd.Series:
    return match_foods([text], foods, **kwargs).iloc[0]


def test_normalize_food_text() -> None:
    assert normalize_food_text("Bananas, raw") == "banana raw"
    assert normalize_food_text("Trader Joe's Crème Fraîche") == "trader joe creme fraiche"
    assert normalize_food_text("Cookies & brownies") == "cookie and brownie"
    assert normalize_food_text("  ") == ""


def test_normalized_in_one_pass_each_text_keeps_its_key() -> None:
    # The texts are normalised as one block: a line break, NUL or "|" inside a text,
    # or an empty text, must not shift the keys of the texts after it.
    texts = ["Bananas, raw", "", "2%\nmilk", "a\x00b", "x|y", "ﬁsh & chips", "  ", "Joe's Café"]
    expected = ["banana raw", "", "2 milk", "a b", "x y", "fish and chip", "", "joe cafe"]
    assert normalize_many(texts) == expected
    assert [normalize_food_text(t) for t in texts] == expected
    assert normalize_many([]) == []


def test_uppercase_words_found_in_one_pass() -> None:
    # Only descriptions with three capitals (or non-ASCII letters) in a row are checked.
    descriptions = [
        "Cereals, KELLOGG",
        "Bananas, raw",
        "ÉCLAIR",
        "Café au lait",
        "Ab CDe",
        "USDA Commodity",
        "x",
        "",
        "PÂTÉ, (ÉÉ)",
        "ĀĀĀ",
        "KELLOGG'S",
        "C2H",
    ]
    found = with_uppercase_words(descriptions).tolist()
    assert found == [uppercase_words(d) for d in descriptions]
    assert sum(found) == 5


def test_output_shape_and_alignment(foods: FoodTable) -> None:
    texts = pd.Series(["banana", "xqzzv blorb", "banana", "Spinach, raw"], index=[10, 20, 30, 40])
    out = match_foods(texts, foods)
    assert list(out.columns) == MATCH_COLUMNS
    assert list(out.index) == [10, 20, 30, 40]
    assert out.loc[10, "food_id"] == out.loc[30, "food_id"] == "sr28:09040"
    assert out["match_score"].between(0, 100).all()
    assert out["match_method"].isin(["id", "exact", "alias", "fuzzy", "none"]).all()


def test_same_description_in_both_sources_fndds_only_where_it_revised_the_values() -> None:
    # Made-up foods: "Leaf, raw" is in both sources with other values in FNDDS (the
    # later release revised them); "Root, raw" has the same values in both (a copy).
    ids = ["fndds:90000001", "fndds:90000002", "sr28:90001", "sr28:90002"]
    table = pd.DataFrame(
        {
            "description": ["Leaf, raw", "Root, raw", "Leaf, raw", "Root, raw"],
            "group": ["Vegetables"] * 4,
            "synonyms": [""] * 4,
            "source": ["fndds", "fndds", "sr28", "sr28"],
            "vitamin_d_basis": ["ug"] * 4,
        },
        index=pd.Index(ids, name="id"),
    )
    nutrients = pd.DataFrame(
        {
            "energy_kcal": [35.0, 40.0, 49.0, 40.0],
            "water_g": [90.0, 88.0, 84.0, 88.0],
            "calcium_mg": [254.0, 20.0, 150.0, 20.0],
            "magnesium_mg": [33.0, 10.0, 47.0, 10.0],
            "potassium_mg": [348.0, 300.0, 491.0, 300.0],
            "sodium_mg": [53.0, 5.0, 38.0, 5.0],
        },
        index=table.index,
    )
    portions = pd.DataFrame(
        {"id": ids, "seq": [1] * 4, "amount": [1.0] * 4, "description": ["cup"] * 4,
         "unit": ["cup"] * 4, "grams": [21.0, 130.0, 67.0, 128.0]}
    )  # fmt: skip
    found = match_foods(["Leaf, raw", "root raw"], FoodTable(table, nutrients, portions))
    assert found["food_id"].tolist() == ["fndds:90000001", "sr28:90002"]
    assert found["match_method"].tolist() == ["exact", "exact"]


def test_kale_raw_is_the_revised_fndds_food_spinach_raw_stays_sr28(foods: FoodTable) -> None:
    # SR28 11233 "Kale, raw" has 150 mg calcium per 100 g, FNDDS 72119190 254 mg;
    # FNDDS 72125100 "Spinach, raw" copies SR28 11457 (99 mg), which keeps its portions.
    found = match_foods(["Kale, Raw", "Spinach, raw"], foods)
    assert found["food_id"].tolist() == ["fndds:72119190", "sr28:11457"]
    kale = foods.nutrients.loc[["sr28:11233", "fndds:72119190"], "calcium_mg"].tolist()
    assert kale[0] < 0.8 * kale[1]


def test_exact_description_ignores_case_and_punctuation(foods: FoodTable) -> None:
    row = _one("spinach RAW", foods)  # SR28 11457 "Spinach, raw"
    assert (row["food_id"], row["match_method"], row["match_score"]) == (
        "sr28:11457",
        "exact",
        100.0,
    )


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        ("banana", "sr28:09040"),  # Bananas, raw
        ("bananas", "sr28:09040"),  # plural
        ("2% milk", "sr28:01079"),  # Milk, reduced fat, fluid, 2% milkfat
        ("oj", "fndds:61210000"),  # Orange juice, 100%, NFS
        ("pb", "sr28:16098"),  # Peanut butter, smooth style
        ("garbanzo beans", "sr28:16057"),  # Chickpeas, cooked, boiled
        ("bok choy", "sr28:11117"),  # Cabbage, chinese (pak-choi), cooked: eaten cooked
        ("pumpkin seeds", "fndds:43101050"),  # the survey's NFS code
        ("dark chocolate", "sr28:19904"),
        ("chopped spinach", "sr28:11457"),  # cosmetic word dropped
        ("raw spinach", "sr28:11457"),  # raw: the alias food is raw
        ("Publix whole milk", "sr28:01077"),  # brand words do not derail
        ("Trader Joe's almonds", "sr28:12061"),
        ("bananna", "sr28:09040"),  # misspellings
        ("spinnach", "sr28:11457"),
        ("brocoli", "sr28:11091"),  # served cooked when no preparation is named
    ],
)
def test_aliases_and_noise(foods: FoodTable, text: str, food_id: str) -> None:
    row = _one(text, foods)
    assert row["food_id"] == food_id
    assert row["match_method"] == "alias"


def test_curated_alias_table_is_large_and_valid(foods: FoodTable) -> None:
    table = curated_aliases()
    assert len(table) >= 250
    assert set(table.values()) <= set(foods.foods.index)


@pytest.mark.parametrize(
    ("text", "expected_word"),
    [
        ("cooked spinach", "cooked"),
        ("canned black beans", "canned"),
        ("frozen blueberries", "frozen"),
        ("dried cranberries", "dried"),
        ("steamed broccoli", "boiled"),  # SR28 11091 Broccoli, cooked, boiled
        ("roasted almonds", "roasted"),
    ],
)
def test_preparation_words_select_the_matching_form(
    foods: FoodTable, text: str, expected_word: str
) -> None:
    row = _one(text, foods)
    assert expected_word in str(row["description"]).lower()


def test_plain_text_prefers_the_raw_form(foods: FoodTable) -> None:
    row = _one("cardoon", foods)  # no alias: fuzzy search (SR28 has raw and boiled cardoon)
    assert row["match_method"] == "fuzzy"
    assert "raw" in str(row["description"]).lower()


def test_fuzzy_match_lists_runner_ups(foods: FoodTable) -> None:
    row = _one("beef barley soup", foods)  # no alias: fuzzy search
    assert row["match_method"] == "fuzzy"
    assert "beef barley" in str(row["description"]).lower()
    assert 1 <= len(row["suggestions"]) <= 3
    assert all(s[0] != row["food_id"] for s in row["suggestions"])


def test_nonsense_is_never_matched(foods: FoodTable) -> None:
    row = _one("xqzzv blorb", foods)
    assert pd.isna(row["food_id"]) and pd.isna(row["description"])
    assert row["match_method"] == "none"
    assert row["match_score"] < 50


def test_below_threshold_is_unmatched_with_three_suggestions(foods: FoodTable) -> None:
    row = _one("beef barley soup", foods, threshold=99.5)  # no alias: fuzzy only
    assert pd.isna(row["food_id"])
    assert row["match_method"] == "none"
    assert len(row["suggestions"]) == 3
    ids, descriptions, scores = zip(*row["suggestions"], strict=True)
    assert set(ids) <= set(foods.foods.index)
    assert list(scores) == sorted(scores, reverse=True)
    assert any("barley" in d.lower() for d in descriptions)


def test_empty_and_missing_texts(foods: FoodTable) -> None:
    out = match_foods(pd.Series(["", None, np.nan]), foods)
    assert out["match_method"].tolist() == ["none"] * 3
    assert out["food_id"].isna().all()


def test_user_aliases_take_precedence(foods: FoodTable, tmp_path: Path) -> None:
    mine = {"banana": "fndds:63107010"}  # FNDDS "Banana, raw" instead of the curated SR28 one
    assert _one("Bananas", foods, aliases=mine)["food_id"] == "fndds:63107010"
    path = tmp_path / "aliases.csv"
    path.write_text("text,food_id\nmom's smoothie,fndds:11553100\n", encoding="utf-8")
    row = _one("Mom's smoothie", foods, aliases=path)
    assert (row["food_id"], row["match_method"]) == ("fndds:11553100", "alias")


def test_bad_user_aliases_raise(foods: FoodTable, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not in the food table"):
        match_foods(["banana"], foods, aliases={"banana": "sr28:00000"})
    path = tmp_path / "bad.csv"
    path.write_text("name,id\nx,y\n", encoding="utf-8")
    with pytest.raises(DataError, match="text,food_id"):
        read_aliases(path)


def test_explicit_food_ids_win(foods: FoodTable) -> None:
    ids = pd.Series(["sr28:11457", None, "sr28:99999"])
    out = match_foods(pd.Series(["whatever", "banana", "banana"]), foods, food_ids=ids)
    assert out["food_id"].tolist() == ["sr28:11457", "sr28:09040", "sr28:09040"]
    assert out["match_method"].tolist() == ["id", "alias", "alias"]


def test_choice_index_is_built_once_per_table(foods: FoodTable) -> None:
    assert index_for(foods) is index_for(foods)


def test_empty_and_one_food_tables(foods: FoodTable) -> None:
    # The index is built from arrays of words: no food and one food are edge cases.
    for n in (0, 1):
        table = FoodTable(foods.foods.iloc[:n], foods.nutrients, foods.portion_table)
        out = match_foods(["Milk, human", "banana"], table)
        expected = ["exact", "none"] if n else ["none", "none"]
        assert out["match_method"].tolist() == expected


def _fixture() -> pd.DataFrame:
    frame = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    frame["quantity"] = pd.to_numeric(frame["quantity"])
    frame["expected_grams"] = pd.to_numeric(frame["expected_grams"].replace("", np.nan))
    return frame


def test_fixture_is_large_and_covers_every_unit_kind() -> None:
    frame = _fixture()
    assert len(frame) >= 200
    kinds = {normalize_unit(u.replace("_", " ")).kind if u else "bare" for u in frame["unit"]}
    assert {"mass", "volume", "size", "count", "bare"} <= kinds


def test_diary_fixture_accuracy(foods: FoodTable) -> None:
    """Share of lines matched to an acceptable food with grams within 10 % (expected >= 0.99).

    Expected grams were looked up by hand in the USDA portion tables (SR28 WEIGHT.txt,
    FNDDS portions-and-weights) for the first acceptable id.
    """
    frame = _fixture()
    unit = frame["unit"].where(frame["unit"] != "", None)
    kind = unit.map(
        lambda u: normalize_unit(u.replace("_", " ")).kind if isinstance(u, str) else None
    )
    matched = match_foods(frame["food"], foods, units=unit, unit_kinds=kind)
    grams = resolve_grams(
        frame["quantity"], unit, kind, matched["food_id"], foods, food_text=frame["food"]
    )
    acceptable = frame["acceptable_ids"].str.split(";")
    food_ok = [
        (fid in ok) if ok != [""] else pd.isna(fid)
        for fid, ok in zip(matched["food_id"], acceptable, strict=True)
    ]
    expected = frame["expected_grams"].to_numpy()
    got = grams["grams"].to_numpy()
    grams_ok = np.where(
        np.isnan(expected), np.isnan(got), np.abs(got - expected) <= 0.10 * expected
    )
    share = float(np.mean(np.asarray(food_ok) & grams_ok))
    print(
        f"diary fixture: {share:.3f} of {len(frame)} lines on an acceptable food with grams within 10%"
    )
    assert share >= 0.99


# ---------------------------------------------------------------- everyday foods of real logs


@pytest.mark.parametrize(
    ("text", "food_id", "unit", "kind", "quantity", "grams"),
    [
        # breakfast cereals; cup weights from SR28 WEIGHT / FNDDS portions
        ("cornflakes", "sr28:08020", "cup", "volume", 1.0, 28.0),  # cup (1 NLEA serving) 28 g
        ("corn flakes", "sr28:08020", "cup", "volume", 1.0, 28.0),
        ("toasted oat cereal", "fndds:57401100", "cup", "volume", 1.0, 28.0),  # Cereal, toasted oat
        ("raisin bran", "sr28:08060", "cup", "volume", 1.0, 59.0),
        ("bran flakes", "sr28:08029", "cup", "volume", 1.0, None),
        # SR28 brand entries: Rice Krispies 1 cup 29 g, Frosted Flakes 1 cup 42 g
        ("rice krispies", "sr28:08065", "cup", "volume", 1.0, 29.0),
        ("crispy rice cereal", "fndds:57151000", "cup", "volume", 1.0, 26.0),
        ("frosted flakes", "sr28:08069", "cup", "volume", 1.0, 42.0),
        ("muesli", "fndds:57308190", "cup", "volume", 1.0, 85.0),
        # SR28 11549 Tomato products, canned, sauce: 1 cup = 245 g
        ("tomato sauce", "sr28:11549", "cup", "volume", 0.5, 122.5),
        # FNDDS 58146322 Pasta with tomato-based sauce and meat, home recipe: 1 cup = 250 g
        ("spaghetti with meat sauce", "fndds:58146322", "cup", "volume", 1.5, 375.0),
        # SR28 11117 Cabbage, chinese (pak-choi), cooked, boiled: 1 cup shredded = 170 g
        ("bok choy, cooked", "sr28:11117", "cup", "volume", 1.0, 170.0),
        ("cooked bok choy", "sr28:11117", "cup", "volume", 1.0, 170.0),
        # curated aliases win over a same-named description (FNDDS "Raisins", "Sesame seeds")
        ("raisins", "sr28:09298", "cup", "volume", 0.25, 36.25),  # cup (not packed) 145 g
        ("sesame seeds", "sr28:12023", "tbsp", "volume", 1.0, 9.0),  # SR28 12023: 1 tbsp 9 g
        # a steak with no cut or fat named: FNDDS 21101110 Beef steak, broiled or baked, NS as to fat
        ("beef steak, grilled", "fndds:21101110", "oz", "mass", 6.0, 170.1),
        ("milk 2%", "sr28:01079", "cup", "volume", 0.5, 122.0),  # SR28 01079: 1 cup 244 g
    ],
)
def test_everyday_foods_land_on_a_food_with_grams(
    foods: FoodTable,
    text: str,
    food_id: str,
    unit: str,
    kind: str,
    quantity: float,
    grams: float | None,
) -> None:
    matched = match_foods([text], foods, units=[unit], unit_kinds=[kind])
    assert matched["food_id"].iloc[0] == food_id
    got = resolve_grams([quantity], [unit], [kind], matched["food_id"], foods)["grams"].iloc[0]
    if grams is None:
        assert got > 0
    else:
        assert got == pytest.approx(grams, rel=0.005)


def test_alias_alternate_fits_the_unit_written(foods: FoodTable) -> None:
    # "french fries" is FNDDS 71401000 (NS as to fresh or frozen: no order sizes, a
    # serving is its Quantity not specified, 110 g); a size takes its second row, FNDDS
    # 71401030 fast-food fries: medium order 145 g. "oven fries" is SR28 11403 ("10
    # fries" = 76 g).
    texts = ["french fries", "oven fries", "french fries", "French Fries"]
    units = ["medium", None, "serving", "oz"]
    kinds = ["size", None, "count", "mass"]
    out = match_foods(pd.Series(texts, index=[5, 6, 7, 8]), foods, units=units, unit_kinds=kinds)
    assert out["food_id"].tolist() == [
        "fndds:71401030",
        "sr28:11403",
        "fndds:71401000",
        "fndds:71401000",
    ]
    assert list(out.index) == [5, 6, 7, 8]
    assert (out["match_method"] == "alias").all()
    grams = resolve_grams([1, 10, 1, 4], units, kinds, out["food_id"].tolist(), foods)["grams"]
    assert grams.tolist() == pytest.approx([145.0, 76.0, 110.0, 113.398], rel=1e-4)
    # without units the first row stands
    assert match_foods(["french fries"], foods)["food_id"].iloc[0] == "fndds:71401000"


def test_unit_fitting_follows_positions_when_index_labels_repeat(foods: FoodTable) -> None:
    # Rows are re-keyed to the alternate food by position: a repeated index label
    # must not carry one row's fitted food to another row.
    texts = ["french fries", "french fries", "french fries", "french fries"]
    units = ["medium", "oz", "serving", None]
    kinds = ["size", "mass", "count", None]
    repeated = match_foods(
        pd.Series(texts, index=[1, 1, 2, 2]), foods, units=units, unit_kinds=kinds
    )
    plain = match_foods(texts, foods, units=units, unit_kinds=kinds)
    expected = ["fndds:71401030", "fndds:71401000", "fndds:71401000", "fndds:71401000"]
    assert repeated["food_id"].tolist() == plain["food_id"].tolist() == expected
    assert list(repeated.index) == [1, 1, 2, 2]


def test_fuzzy_near_tie_that_resolves_the_unit_wins(foods: FoodTable) -> None:
    # FNDDS 89901050 "Tomato sauce, for use with vegetables" (no household portions) outscores
    # SR28 43217 "Tomato sauce, canned, no salt added" (1 cup = 245 g) by a few points.
    ids = ["fndds:89901050", "sr28:43217", "sr28:09040"]
    table = foods.portion_table
    sub = FoodTable(foods.foods.loc[ids], foods.nutrients.loc[ids], table[table["id"].isin(ids)])
    plain = match_foods(["tomato sauce"], sub).iloc[0]
    assert plain["food_id"] == "fndds:89901050"
    fitted = match_foods(
        ["tomato sauce", "tomato sauce"], sub, units=["cup", "oz"], unit_kinds=["volume", "mass"]
    )
    assert fitted["food_id"].tolist() == ["sr28:43217", "fndds:89901050"]
    assert fitted["match_method"].tolist() == ["fuzzy", "fuzzy"]
    assert fitted["match_score"].iloc[0] < plain["match_score"]


def test_known_ids_need_no_fuzzy_index(foods: FoodTable) -> None:
    # A log naming a known food id on every row is matched from the id positions
    # alone; the fuzzy index (the costly part) is built only for text matching.
    table = foods.with_user_foods(pd.DataFrame({"name": ["test bar"], "magnesium_mg": [50.0]}))
    out = match_foods(
        pd.Series(["anything", "spinach raw"]), table, food_ids=["sr28:11457", "sr28:11457"]
    )
    assert out["food_id"].tolist() == ["sr28:11457"] * 2
    assert out["match_method"].tolist() == ["id", "id"]
    assert "matching_index" not in table.built
    match_foods(pd.Series(["spinach raw"]), table)  # text matching builds it
    assert "matching_index" in table.built
