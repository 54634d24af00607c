"""One search: FoodTable.search, `nutrilog foods search` and the analysis' suggestions
rank foods as the matcher does and list nothing under the quality floor."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.cli import main
from nutrilog.foods import FoodTable
from nutrilog.matching import match_foods
from nutrilog.search import SEARCH_FLOOR, good_suggestions, search_foods

# Texts the matcher handles in different ways: a curated alias (oj, cold brew), a
# misspelling (quinao), plain fuzzy matches (bear meat, acai bowl, cardoon).
AGREEING = ["oj", "cold brew", "quinao", "bear meat", "acai bowl", "cardoon", "lentil soup"]


@pytest.mark.parametrize("text", AGREEING)
def test_the_first_hit_is_the_food_the_matcher_picks(foods: FoodTable, text: str) -> None:
    picked = match_foods([text], foods)["food_id"].iloc[0]
    found = search_foods(foods, text, limit=5)
    assert isinstance(picked, str)
    assert found.match == picked
    assert found.hits["id"].iat[0] == picked
    assert foods.search(text, limit=1)["id"].tolist() == [picked]


def test_oj_is_orange_juice_not_poi(foods: FoodTable) -> None:
    hits = foods.search("oj", limit=5)
    assert hits["description"].iat[0] == "Orange juice, 100%, NFS"
    assert hits["description"].str.contains("Orange juice").all()
    assert not hits["description"].str.contains("Poi").any()


def test_no_hit_is_under_the_floor_and_none_twice(foods: FoodTable) -> None:
    for text in ["cold brew", "seitan scramble", "guayusa tea", "raw spinach", "poke bowl"]:
        hits = foods.search(text, limit=15)
        assert (hits["score"] >= SEARCH_FLOOR).all(), text
        assert hits["id"].is_unique, text
    # the words the ranking scored under 50 (seitan and scrambled dishes) are not listed
    assert foods.search("seitan scramble").empty


def test_cold_brew_lists_coffee_and_no_bear_meat(foods: FoodTable) -> None:
    hits = foods.search("cold brew", limit=10)
    assert not hits.empty
    assert hits["description"].str.contains("[Cc]offee").all()
    assert not hits["description"].str.contains("Bear").any()


def test_words_that_fit_nothing_give_nothing(foods: FoodTable) -> None:
    assert foods.search("xqzzv blorb").empty
    assert search_foods(foods, "xqzzv blorb").match is None


def test_an_unmatched_text_lists_the_matchers_suggestions_first(foods: FoodTable) -> None:
    # guayusa is a tea the table lacks: the matcher keeps the entry unmatched and
    # suggests herbal teas; a search lists the same foods, in the same order, first
    row = match_foods(["guayusa tea"], foods).iloc[0]
    assert row["match_method"] == "none"
    suggested = [food_id for food_id, _, _ in good_suggestions(row["suggestions"])]
    found = search_foods(foods, "guayusa tea", limit=8)
    assert found.match is None
    assert suggested and found.hits["id"].tolist()[: len(suggested)] == suggested
    # every hit is a tea by its description or by the names USDA gives it ("corn tea")
    named = foods.foods.loc[found.hits["id"]]
    teas = (named["description"] + "; " + named["synonyms"].fillna("")).str.contains("[Tt]ea")
    assert teas.all()


def test_a_corrected_word_costs_every_candidate(foods: FoodTable) -> None:
    right = foods.search("quinoa", limit=6).set_index("id")["score"]
    wrong = foods.search("quinao", limit=6).set_index("id")["score"]
    shared = right.index.intersection(wrong.index)
    assert len(shared) >= 3
    assert (wrong[shared] < right[shared]).all()


def test_the_users_own_foods_are_searched(foods: FoodTable) -> None:
    mine = foods.with_user_foods(
        pd.DataFrame({"name": ["Zorblax oat bar", "Protein bar"], "magnesium_mg": [10.0, 20.0]})
    )
    assert mine.search("protein bar", limit=1)["id"].tolist() == ["user:protein-bar"]
    assert "user:zorblax-oat-bar" in mine.search("zorblax bar", limit=3)["id"].tolist()
    assert "user:zorblax-oat-bar" not in foods


def test_suggestions_under_the_floor_are_dropped() -> None:
    listed = [("a:1", "Good", 80.0), ("a:2", "Edge", SEARCH_FLOOR), ("a:3", "Poor", 12.0)]
    assert good_suggestions(listed) == (("a:1", "Good", 80.0), ("a:2", "Edge", SEARCH_FLOOR))
    assert good_suggestions([]) == ()


def test_the_analysis_keeps_only_suggestions_a_search_would_list(tmp_path: Path) -> None:
    log = tmp_path / "diary.txt"
    log.write_text("2026-11-20\n1 cup seitan scramble\n1 cup guayusa tea\n", encoding="utf-8")
    entries = nl.analyze(log, nl.Profile(age=40, sex="male")).entries
    by_food = dict(zip(entries["food"], entries["suggestions"], strict=True))
    assert list(by_food["seitan scramble"]) == []  # the matcher's ideas all score under 50
    tea = list(by_food["guayusa tea"])
    assert tea and all(score >= SEARCH_FLOOR for _, _, score in tea)


def test_cli_search_agrees_and_says_when_nothing_fits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["foods", "search", "oj", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "is matched to the first" in out
    lines = out.splitlines()
    assert "Orange juice, 100%, NFS" in lines[3] and "Poi" not in out
    assert main(["foods", "search", "cold brew"]) == 0
    out = capsys.readouterr().out
    assert "Iced Coffee" in out and "Bear" not in out
    assert main(["foods", "search", "xqzzv blorb"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no food fits 'xqzzv blorb'") and "--foods" in out
    assert main(["foods", "search", "guayusa tea", "--limit", "2"]) == 0
    assert "would stay unmatched" in capsys.readouterr().out


def test_match_one_is_the_row_match_foods_gives(foods: FoodTable) -> None:
    from nutrilog.matching.match import match_one

    for text in ["oj", "quinao", "xqzzv blorb"]:
        one = match_one(text, foods)
        row = match_foods([text], foods).iloc[0]
        assert one.index.tolist() == row.index.tolist()
        assert one["match_method"] == row["match_method"]
        assert one["food_id"] == row["food_id"] or (
            pd.isna(one["food_id"]) and pd.isna(row["food_id"])
        )
    assert match_one("oj")["description"] == "Orange juice, 100%, NFS"
    with pytest.raises(nl.NutrilogError):
        match_one(5)  # type: ignore[arg-type]
