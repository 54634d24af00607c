"""The matcher's rules: head word, qualifiers, spelling, synonyms, brands, foods USDA lacks.

Food ids and descriptions are those of USDA SR28 (FOOD_DES.txt) and FNDDS 2017-2018 as
bundled in datasets/foods.csv. Synonym and brand tables are built here, so the rules are
tested whatever rows the packaged tables hold.
"""

from __future__ import annotations

import pandas as pd
import pytest

from nutrilog.foods import FoodTable
from nutrilog.matching import MATCH_COLUMNS, match_foods
from nutrilog.matching.match import Matcher, key_of
from nutrilog.matching.spelling import Speller
from nutrilog.matching.synonyms import Brand, Synonym, brand_table, read_synonyms, rewrite
from nutrilog.matching.words import segmented_keys

UK = [
    Synonym("aubergine", "eggplant", "regional", "UK"),
    Synonym("crisps", "potato chips", "regional", "UK"),
    Synonym("cold brew", "iced coffee brewed", "shorthand", "any"),
    Synonym("w/", "with", "shorthand", "any"),
]


def _one(text: str, foods: FoodTable, **kwargs: object) -> pd.Series:
    return match_foods([text], foods, **kwargs).iloc[0]


def _description(row: pd.Series) -> str:
    return str(row["description"]).lower()


# ------------------------------------------------------------------ head word


def test_a_misspelt_food_word_is_corrected_not_carried_by_its_qualifier(foods: FoodTable) -> None:
    # issue 12: "cooked quinao" became cooked lettuce
    row = _one("cooked quinao", foods)
    assert "quinoa" in _description(row) and "cooked" in _description(row)
    assert "spelling: quinao \u2192 quinoa" in row["assumptions"]


@pytest.mark.parametrize("text", ["cooked", "baked", "roasted, sliced", "grilled chopped"])
def test_a_qualifier_alone_never_carries_a_match(foods: FoodTable, text: str) -> None:
    row = _one(text, foods)
    assert pd.isna(row["food_id"]) and row["match_method"] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Dulse Flakes",  # issue 12: became corn flakes
        "lucuma powder",  # the word before a form noun names the food: USDA has none
        "tigernut flour",
        "guayusa tea",
        "camel milk",  # FNDDS and SR28 have no camel milk (oat milk has a curated
        # stand-in, non-dairy milk NFS, as a dietitian would choose)
        "halloumi",
    ],
)
def test_foods_usda_lacks_stay_unmatched_with_suggestions(foods: FoodTable, text: str) -> None:
    row = _one(text, foods)
    assert pd.isna(row["food_id"]), row["description"]
    assert row["match_method"] == "none"


def test_unmatched_food_keeps_suggestions(foods: FoodTable) -> None:
    row = _one("mesquite flour", foods)
    assert pd.isna(row["food_id"])
    assert row["suggestions"] and any("flour" in s[1].lower() for s in row["suggestions"])


def test_the_form_noun_alone_is_still_a_food(foods: FoodTable) -> None:
    assert "tea" in _description(_one("green tea", foods))
    assert "onion powder" in _description(_one("onion powder", foods))


@pytest.mark.parametrize(
    ("text", "acceptable"),
    [
        # issue 12: extra qualifier or brand words must not push the right food under
        # the threshold (Cronometer food names)
        ("Black Pepper, Ground", {"sr28:02030"}),  # Spices, pepper, black
        ("Onion Powder, Simply Organic", {"sr28:02026"}),  # Spices, onion powder
        ("Flax Seeds, Not Fortified", {"sr28:12220", "fndds:43104000"}),  # flaxseed
        ("Green Bell Peppers, Raw", {"sr28:11333", "fndds:75122100"}),  # sweet green pepper
        # the kind after a comma: white is the refined-flour food, not "whole grain white"
        ("English Muffin, White", {"sr28:18258"}),  # English muffins, plain, enriched
        ("Bagel, White", {"sr28:18001"}),  # Bagels, plain, enriched
        ("Salami, Genoa", {"sr28:07072"}),  # Salami, dry or hard, pork, beef
        # brand, kind, product: SR28 has the brand's product
        ("Morning Star Farms, Veggie Burgers, Grillers Prime", {"sr28:16549"}),
    ],
)
def test_qualifier_and_brand_words_of_app_names(
    foods: FoodTable, text: str, acceptable: set[str]
) -> None:
    assert _one(text, foods)["food_id"] in acceptable


def test_a_with_clause_does_not_name_the_food(foods: FoodTable) -> None:
    # the head of "X with Y" is X: not the "coffee cream" synonym of "Cream, light"
    row = _one("black coffee with a splash of cream", foods)
    assert pd.isna(row["food_id"]) or "coffee" in _description(row)


def test_a_way_of_cooking_no_food_is_described_with_reads_as_cooked(foods: FoodTable) -> None:
    # no eggplant is described as grilled: a cooked one is the next best, not a raw one
    row = _one("grilled eggplant", foods)
    assert "eggplant" in _description(row) and "cooked" in _description(row)


# ------------------------------------------------------------------ spelling


def test_speller_one_edit_of_each_kind() -> None:
    speller = Speller({"avocado": 40, "lettuce": 60, "spinach": 50, "oatmeal": 30, "peach": 20})
    assert speller.correct("avocdo") == "avocado"  # missing letter
    assert speller.correct("oatmeall") == "oatmeal"  # extra letter
    assert speller.correct("spinich") == "spinach"  # wrong letter
    assert speller.correct("lettcue") == "lettuce"  # swapped letters
    assert speller.correct("peachh") == "peach"


def test_speller_leaves_short_and_far_words_alone() -> None:
    speller = Speller({"pear": 40, "peach": 20, "lettuce": 60})
    assert speller.correct("pead") is None  # four letters: a changed consonant stays
    assert speller.correct("peer") == "pear"  # ... a vowel written for another does not
    assert speller.correct("latte") is None  # two edits in a short word
    assert speller.correct("pear") == "pear"  # known words stay


def test_speller_never_corrects_into_a_usda_misspelling() -> None:
    # "turky" is in one USDA description; "turkey" in hundreds
    speller = Speller({"turkey": 700, "turky": 1})
    assert speller.correct("turkye") == "turkey"
    assert speller.correct("turkky") == "turkey"  # one edit from both: the misspelling loses
    assert Speller({"turkey": 700, "turky": 1}).misspelt("turky")


def test_speller_keeps_the_first_letter() -> None:
    # one edit away, but by dropping the first letter
    assert Speller({"antelope": 5}).correct("cantelope") is None


def test_two_edits_only_in_long_words_and_only_when_unique() -> None:
    assert Speller({"cinnamon": 40}).correct("cinammon") == "cinnamon"
    assert Speller({"cinnamon": 40, "cinnabon": 3}).correct("cinammon") == "cinnamon"
    assert Speller({"parsley": 40}).correct("parslea") == "parsley"  # one edit
    assert Speller({"barley": 40}).correct("blraye") is None  # short, two edits
    # in a short word, two edits only when vowels alone changed or moved (same consonants)
    assert Speller({"barley": 40}).correct("bralye") == "barley"
    assert Speller({"lentil": 40, "lintel": 40}).correct("lentle") is None  # not unique


def test_misspelt_words_match_their_food(foods: FoodTable) -> None:
    out = match_foods(["avocdo", "spinich", "lettcue"], foods)
    assert out["food_id"].tolist() == ["sr28:09037", "sr28:11457", "sr28:11252"]
    assert out["assumptions"].str.startswith("spelling: ").all()


# ------------------------------------------------------------------ synonyms


def test_rewrite_longest_term_first() -> None:
    table = read_synonyms(
        [Synonym("brew", "beer", "shorthand", "any"), *UK]
    )  # "cold brew" wins over "brew"
    assert rewrite(["cold", "brew"], table).words == ["iced", "coffee", "brewed"]
    assert rewrite(["home", "brew"], table).used == [("brew", "beer")]


def test_synonym_from_a_table_reads_the_regional_name(foods: FoodTable) -> None:
    # issue 12: "roasted aubergine" became breadfruit seeds
    row = _one("roasted aubergine", foods, synonyms=UK)
    assert "eggplant" in _description(row) and "cooked" in _description(row)
    assert "synonym: aubergine \u2192 eggplant" in row["assumptions"]


def test_crisps_are_potato_chips_with_the_uk_table(foods: FoodTable) -> None:
    # issue 12: "crisps" became peach crisp
    row = _one("crisps", foods, synonyms=UK)
    assert "potato chips" in _description(row)


def test_cold_brew_is_coffee_or_nothing(foods: FoodTable) -> None:
    # issue 12: "16 oz cold brew" became flaxseed oil ("cold pressed")
    bare = _one("cold brew", foods, synonyms=[])
    assert pd.isna(bare["food_id"]) or "coffee" in _description(bare)
    assert "flaxseed" not in _description(bare)
    assert "coffee" in _description(_one("cold brew", foods, synonyms=UK))


def test_shorthand_w_slash_reads_as_with() -> None:
    key = segmented_keys(["toast w/ jam"])[0]
    assert rewrite(key.split(), read_synonyms(UK)).words == ["toast", "with", "jam"]


# ------------------------------------------------------------------ brands


def test_brand_is_a_hint_not_the_food(foods: FoodTable) -> None:
    brands = [Brand("Chipotle", "restaurant", "")]
    row = _one("chipotle chicken burrito", foods, brands=brands)
    assert "burrito with chicken" in _description(row)
    assert row["assumptions"].lower().startswith("brand: chipotle chicken burrito \u2192 burrito")


def test_a_brand_alone_stands_for_its_generic_food(foods: FoodTable) -> None:
    brands = [Brand("Skyr Co", "packaged", "plain yogurt")]
    row = _one("Skyr Co", foods, brands=brands)
    assert "yogurt" in _description(row)
    assert row["assumptions"].lower().startswith("brand: skyr co \u2192 ")
    assert pd.isna(_one("Skyr Co", foods, brands=[Brand("Skyr Co", "packaged", "")])["food_id"])


def test_packaged_brand_table_has_its_documented_layout() -> None:
    table = brand_table()
    assert len(table) >= 1
    first = next(iter(table.by_first.values()))[0][1]
    assert first.kind in {"restaurant", "packaged", "store"}


def test_words_used_only_in_brand_names_are_hints(foods: FoodTable) -> None:
    # KRAFT appears in USDA only as a brand: the alias "mac and cheese" still applies
    row = _one("Kraft mac and cheese", foods)
    assert "macaroni" in _description(row) and "cheese" in _description(row)
    assert row["assumptions"].startswith("brand: ")


def test_a_name_usda_gives_only_as_a_synonym_or_in_brackets(foods: FoodTable) -> None:
    # FNDDS "Corn chips, plain (Fritos)" and "Dosa (Indian), plain"
    assert _one("Fritos", foods)["food_id"] == "fndds:54401031"
    # the brand's own SR28 entry (Pepperidge Farm) or FNDDS "Crackers, ... (Goldfish)"
    assert "goldfish" in _description(_one("goldfish crackers", foods))


# ------------------------------------------------------------------ API


def test_match_columns_and_matcher_memory(foods: FoodTable) -> None:
    out = match_foods(["avocdo", "xqzzv"], foods)
    assert list(out.columns) == MATCH_COLUMNS
    assert out["assumptions"].tolist()[1] == ""
    matcher = Matcher(foods)
    key = key_of("avocdo")
    assert matcher.result(key) is matcher.result(key)
    assert matcher.description(key).startswith("Avocados")


# ------------------------------------------------------------------ app names and USDA conventions


def test_nfs_is_not_a_brand(foods: FoodTable) -> None:
    from nutrilog.matching.index import uppercase_words

    assert not uppercase_words("Grilled cheese sandwich, NFS")
    assert uppercase_words("Cereals ready-to-eat, WEETABIX whole grain cereal")


def test_a_brand_the_text_names_in_capitals_is_not_penalised(foods: FoodTable) -> None:
    # SR28 42237 "Cereals ready-to-eat, WEETABIX whole grain cereal" is the only food
    row = _one("weetabix", foods)
    assert row["food_id"] == "sr28:42237"


def test_words_written_apart_that_usda_joins(foods: FoodTable) -> None:
    description = _description(_one("non-fat plain yogurt", foods))
    assert "nonfat" in description or "skim milk" in description
    assert _one("flax seeds", foods)["food_id"] in {"sr28:12220", "fndds:43104000"}


def test_the_flavour_of_an_any_flavour_food(foods: FoodTable) -> None:
    # FNDDS 91402000 "Jam, preserve, all flavors": the fruit is the flavour
    assert _one("gooseberry jam", foods)["food_id"] == "fndds:91402000"


def test_a_serving_word_is_not_spelling_corrected(foods: FoodTable) -> None:
    row = _one("venti latte", foods)
    assert "latte" in _description(row)
    assert "spelling" not in row["assumptions"]


def test_a_kind_of_food_named_in_the_second_segment(foods: FoodTable) -> None:
    # "Coffee, espresso": the first segment names the kind, like a category
    assert "espresso" in _description(_one("double espresso", foods))


def test_head_segment_alias_must_be_prepared_as_the_name_says(foods: FoodTable) -> None:
    row = _one("Eggs, Scrambled", foods)  # the alias "eggs" is raw: not for scrambled eggs
    assert "scrambled" in _description(row)


def test_app_description_fillers_say_nothing(foods: FoodTable) -> None:
    row = _one("Carrots, Raw, Includes Baby and Rainbow", foods)
    assert "carrot" in _description(row) and "raw" in _description(row)


def test_a_correction_the_food_does_not_use_is_no_assumption(foods: FoodTable) -> None:
    # "jacket" is one letter from USDA's "jacked", which no potato has
    row = _one("jacket potato", foods, synonyms=[])
    assert "spelling" not in row["assumptions"]


def test_browned_is_a_preparation_the_alias_food_can_satisfy(foods: FoodTable) -> None:
    # "browned" names how ground beef is cooked: its alias food (FNDDS cooked ground
    # beef) keeps the alias rather than a fuzzy pick of one fat level
    row = _one("ground beef browned", foods)
    assert row["food_id"] == "fndds:21500100" and row["match_method"] == "alias"
    # browned onions are sauteed onions, never raw ones
    onions = _description(_one("browned onions", foods))
    assert "onion" in onions and "raw" not in onions


def test_a_weak_match_must_name_the_food(foods: FoodTable) -> None:
    # a weak fuzzy match on one shared word lands on another food: unsure, with suggestions
    for text in ("power bowl", "pint of mild"):
        row = _one(text, foods)
        assert pd.isna(row["food_id"]) and row["match_method"] == "none", text
        assert row["suggestions"], text
    # a weak match whose name the text holds stays ("Onions, raw"; "Cheese" is a
    # category word, "provolone" is written)
    onion = _one("Onion, White, Yellow or Red, Raw", foods)
    assert onion["match_score"] < 80 and _description(onion) == "onions, raw"
    cheese = _one("Belgioioso, cheese, provolone, sharp", foods)
    assert cheese["match_score"] < 80 and "provolone" in _description(cheese)


def test_grnd_is_ground(foods: FoodTable) -> None:
    # packaged synonym table: "grnd" is shorthand for "ground"
    row = _one("grnd turkey", foods)
    assert "ground turkey" in _description(row)


@pytest.mark.parametrize(
    ("text", "food_id"),
    [("bourbon", "fndds:93502000"), ("gin", "fndds:93503000"), ("cognac", "fndds:93501000")],
)
def test_a_spirit_named_without_proof_is_the_fndds_spirit(
    text: str, food_id: str, foods: FoodTable
) -> None:
    # not SR28's single-proof entries (gin 90 proof, whiskey 86 proof)
    assert _one(text, foods)["food_id"] == food_id
