"""Names that join two foods with ``on``, lists under a meal deal, store brands written
short, and a rare USDA word beside a synonym's spelling of it."""

from __future__ import annotations

from diary import entries_of_line

import nutrilog as nl


def test_a_name_joined_with_on_is_the_two_foods_it_means(foods: nl.FoodTable) -> None:
    rows = entries_of_line(foods, "beans on toast x2")
    described = " / ".join(rows["description"].str.lower())
    assert "beans, baked" in described  # UK beans are baked beans, not any beans
    assert "toast" in described


def test_foods_listed_under_a_meal_deal(foods: nl.FoodTable) -> None:
    rows = entries_of_line(foods, "Boots meal deal - BLT sandwich, bag of crisps, bottle of water")
    assert len(rows) == 3
    assert not rows["food"].str.contains("deal").any()


def test_a_store_brand_written_short_is_set_aside(foods: nl.FoodTable) -> None:
    row = entries_of_line(foods, "TJs orange chicken 1 cup").iloc[0]
    assert row["description"] == "Orange chicken"


def test_a_rare_usda_word_is_a_correction_target(foods: nl.FoodTable) -> None:
    # USDA's 'falafel' is one letter from the synonym 'felafel': still a real word
    row = entries_of_line(foods, "2 falafal").iloc[0]
    assert row["description"] == "Falafel"
    assert "falafal → falafel" in row["assumptions"]


def test_a_brand_product_with_a_food_of_its_own_is_two_foods(foods: nl.FoodTable) -> None:
    # the cereal's alias is reached with the brand read away: the milk is a food of its own
    rows = entries_of_line(foods, "shredded wheat x2 with semi skimmed")
    assert len(rows) == 2
    assert "milk" in rows.iloc[1]["description"].lower()


def test_heinz_beans_are_baked_beans(foods: nl.FoodTable) -> None:
    assert entries_of_line(foods, "heinz beans 1/2 tin").iloc[0]["food_id"] == "sr28:16006"
