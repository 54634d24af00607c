"""Notes beside a food, dates before a meal, brands beside other words, foods named with
the words of their description, supplement names in other languages and product
labels, and letters Unicode does not decompose (issue 12, twelfth round). Lines made up
here."""

from __future__ import annotations

import pytest
from diary import entries_of_line, rejected_reasons

import nutrilog as nl
from nutrilog.foods import FoodTable
from nutrilog.matching.prefixes import strip_prefix
from nutrilog.matching.words import normalize_many
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement

# ------------------------------------------------------------------ notes beside a food


@pytest.mark.parametrize(
    "line", ["1 banana (for cramps)", "1 banana for my leg cramps", "1 banana (cramps again)"]
)
def test_a_note_of_why_or_of_a_symptom_leaves_the_food(foods: FoodTable, line: str) -> None:
    # the symptom word had made the whole line a note, and the banana was lost
    e = entries_of_line(foods, line)
    assert e["food_id"].tolist() == ["sr28:09040"]
    assert e["grams"].iloc[0] == pytest.approx(118.0)  # one medium banana


def test_a_symptom_note_alone_is_still_no_food() -> None:
    assert rejected_reasons("bad calf cramps (2am)").str.contains("symptom").all()


def test_a_meal_after_w_slash_is_when_it_was_eaten(foods: FoodTable) -> None:
    # "w/ dinner" had been a second food: a dinner roll
    e = entries_of_line(foods, "1 cup brown rice w/ dinner")
    assert len(e) == 1
    assert "Rice, brown" in e["description"].iloc[0]


# ------------------------------------------------------------------ dates before a meal


@pytest.mark.parametrize(
    ("line", "rest", "meal"),
    [
        ("11/28 lunch: 2 eggs", "2 eggs", "lunch"),
        ("2026-11-28 dinner - 1 cup soup", "1 cup soup", "dinner"),
        ("11/28: 1 pear", "1 pear", None),
    ],
)
def test_a_date_before_a_meal_or_a_colon_is_no_food(line: str, rest: str, meal: str) -> None:
    assert strip_prefix(line)[:2] == (rest, meal)


@pytest.mark.parametrize("line", ["1/2 breakfast burrito", "3/4 lunch meat sandwich"])
def test_a_fraction_before_a_meal_word_of_a_food_stays_an_amount(line: str) -> None:
    assert strip_prefix(line)[0] == line


def test_a_dated_line_is_one_food_not_a_dinner_roll(foods: FoodTable) -> None:
    e = entries_of_line(foods, "11/28 dinner: 4 oz roast chicken")
    assert len(e) == 1
    assert "roll" not in e["description"].iloc[0].lower()
    assert e["grams"].iloc[0] == pytest.approx(113.4, rel=1e-3)


# ------------------------------------------------------------------ day notes


@pytest.mark.parametrize(
    "line", ["soccer practice 5-7pm", "tournament - 2 matches", "FBG 104", "surfing session"]
)
def test_sport_and_readings_are_no_food(line: str) -> None:
    # "matches" had been corrected to matcha: 720 g of green tea
    assert len(rejected_reasons(line)) == 1


def test_a_game_hen_is_still_food(foods: FoodTable) -> None:
    e = entries_of_line(foods, "1 cornish game hen")
    assert e["description"].iloc[0].lower().startswith("cornish game hen")


# ------------------------------------------------------------------ brands beside other words


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("hot cheetos", "fndds:54401081"),  # had been hot herbal tea
        ("nescafe black", "fndds:92103000"),  # had been black olives
    ],
)
def test_a_brand_beside_words_naming_no_food_is_its_product(
    foods: FoodTable, text: str, food: str
) -> None:
    assert nl.match_foods([text], foods)["food_id"].iloc[0] == food


def test_a_food_named_beside_a_makers_brand_stays_that_food(foods: FoodTable) -> None:
    # Warburtons makes bread, but its crumpets are crumpets
    found = nl.match_foods(["warburtons crumpets"], foods)
    assert found["description"].iloc[0] == "Crumpet"


# ------------------------------------------------------------------ words of the description


@pytest.mark.parametrize("text", ["potato pierogies", "cheese pierogi"])
def test_words_the_aliased_food_is_described_with_keep_the_alias(
    foods: FoodTable, text: str
) -> None:
    # had been split into potatoes (6 baked potatoes, 1 kg) and pierogi
    found = nl.match_foods([text], foods)
    assert found["description"].iloc[0] == "Dumpling, potato- or cheese-filled"
    assert "read as pierogi" in found["assumptions"].iloc[0]


def test_a_count_of_described_pierogi_is_one_entry(foods: FoodTable) -> None:
    e = entries_of_line(foods, "4 potato pierogies")
    assert e["food_id"].tolist() == ["fndds:58121610"]


def test_stop_words_are_no_words_of_a_description(foods: FoodTable) -> None:
    # "with milk malted" is no malted milk shake
    found = nl.match_foods(["milo with milk"], foods)
    assert found["description"].iloc[0] == "Milk, malted"


# ------------------------------------------------------------------ supplements


@pytest.mark.parametrize(
    ("line", "nutrients"),
    [
        ("magnez 300 mg", {"magnesium_mg": 300.0}),  # Polish
        ("Kalium 99 mg", {"potassium_mg": 99.0}),  # German
        ("kalsiyum 600mg", {"calcium_mg": 600.0}),  # Turkish
        ("witamina D3 2000 IU", {"vitamin_d_ug": 50.0}),  # Polish, 2000 / 40
    ],
)
def test_nutrient_names_in_other_languages(line: str, nutrients: dict[str, float]) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients == pytest.approx(nutrients)


@pytest.mark.parametrize(
    ("line", "column", "value"),
    [
        ("Klor-Con M20 1 tab", "potassium_mg", 20 * 39.098),  # 20 mEq
        ("klor con m10", "potassium_mg", 10 * 39.098),
        ("Magne B6 x3", "magnesium_mg", 3 * 48.0),  # 470 mg lactate = 48 mg Mg a tablet
        ("Vigantoletten 500", "vitamin_d_ug", 12.5),
        ("Citracal Petites 1", "calcium_mg", 200.0),  # 400 mg in a serving of two
    ],
)
def test_product_labels(line: str, column: str, value: float) -> None:
    assert detect_supplement(line).nutrients[column] == pytest.approx(value, rel=1e-3)


def test_drops_written_gtt_are_a_supplement_of_unknown_dose() -> None:
    info = detect_supplement("D3 oil 3 gtt")
    assert info.kind == "supplement"
    assert info.nutrients == {}
    assert "Vitamin D" in info.assumption


# ------------------------------------------------------------------ units and letters


def test_a_tallboy_is_sixteen_fluid_ounces(foods: FoodTable) -> None:
    e = entries_of_line(foods, "2 tallboys beer")
    assert "beer" in e["description"].iloc[0].lower()
    # 2 x 473 ml; beer weighs a little over 1 g per ml
    assert e["grams"].iloc[0] == pytest.approx(2 * 473, rel=0.05)
    assert "tallboy = 475 g" in e["assumptions"].iloc[0]


def test_btl_is_a_bottle(foods: FoodTable) -> None:
    e = entries_of_line(foods, "diet coke 20oz btl")
    assert e["food_id"].notna().all()


def test_letters_without_a_decomposition_have_a_plain_spelling() -> None:
    assert normalize_many(["kiełbasa", "smørrebrød", "straße"]) == [
        "kielbasa",
        "smorrebrod",
        "strasse",
    ]


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("liverwurst", "fndds:25230560"),  # had been chicken liver pate
        ("braunschweiger", "sr28:07014"),
        ("basbousa", "fndds:53441210"),  # FNDDS has it: it had been listed as missing
        ("kibbeh", "fndds:58117310"),
        ("łowicz jam", "sr28:19297"),  # the ł had been dropped: "owicz jam"
    ],
)
def test_corrected_rows(foods: FoodTable, text: str, food: str) -> None:
    assert nl.match_foods([text], foods)["food_id"].iloc[0] == food


# ------------------------------------------------------------------ spreads on slices


def test_a_spread_on_counted_slices_is_spread_on_each(foods: FoodTable) -> None:
    e = entries_of_line(foods, "2 slices rye toast with jam")
    jam = e[e["description"] == "Jams and preserves"]
    # 2 x FNDDS's "Guideline amount per slice of bread/roll" for jam (10 g)
    assert jam["grams"].tolist() == [pytest.approx(20.0)]


def test_a_spread_on_uncounted_toast_is_one_slices_worth(foods: FoodTable) -> None:
    e = entries_of_line(foods, "toast with jam")
    assert e.loc[e["description"] == "Jams and preserves", "grams"].tolist() == [
        pytest.approx(10.0)  # FNDDS guideline per slice of bread/roll
    ]


def test_a_batch_of_slices_is_not_spread_one_by_one(foods: FoodTable) -> None:
    # more than four slices is no plate: the spread keeps one slice's worth
    e = entries_of_line(foods, "8 slices toast with jam")
    assert e.loc[e["description"] == "Jams and preserves", "grams"].tolist() == [
        pytest.approx(10.0)  # one slice's guideline amount (FNDDS, 10 g)
    ]


# ------------------------------------------------------------------ slices after the food


def test_slices_after_the_food_are_slices(foods: FoodTable) -> None:
    # "2 pizza slices" had been two whole pizzas (1.4 kg); "2 slices pizza" two slices
    after = entries_of_line(foods, "2 pizza slices")["grams"].iloc[0]
    before = entries_of_line(foods, "2 slices pizza")["grams"].iloc[0]
    assert after == pytest.approx(before)
    assert after < 400


def test_slices_of_a_fruit_usda_weighs_whole_are_its_twins_slices(foods: FoodTable) -> None:
    # SR28 oranges have no slice; FNDDS orange's slice is 15 g
    e = entries_of_line(foods, "6 orange slices")
    assert e["grams"].iloc[0] == pytest.approx(90.0)
    assert "FNDDS twin" in e["assumptions"].iloc[0]


# ------------------------------------------------------------------ counts in brackets


@pytest.mark.parametrize(
    ("line", "food", "grams"),
    [
        ("Generic - Almonds, 1 oz (23 nuts)", "sr28:12061", 28.35),  # not mixed nuts too
        ("Pistachios, 1 oz (49 kernels)", "sr28:12152", 28.35),  # not apricot kernel oil
        ("grapes 1 cup (about 32 grapes)", "sr28:09132", 151.0),
    ],
)
def test_a_count_of_items_in_brackets_after_an_amount_is_a_note(
    foods: FoodTable, line: str, food: str, grams: float
) -> None:
    e = entries_of_line(foods, line)
    assert e["food_id"].tolist() == [food]
    assert e["grams"].iloc[0] == pytest.approx(grams, rel=1e-3)


def test_a_weight_in_brackets_after_a_volume_is_no_count_note() -> None:
    # "1 cup (240 g)": the label's grams stay a note of the amount, not dropped
    assert parse_quantity("milk 1 cup (240 g)").note == "240 g"
    assert parse_quantity("almonds 1 oz (23 nuts)").note is None


@pytest.mark.parametrize(
    ("text", "food"),
    [("cold brew black", "fndds:92102400"), ("iced coffee black", "fndds:92102400")],
)
def test_black_after_a_coffee_is_how_it_is_taken(foods: FoodTable, text: str, food: str) -> None:
    # "cold brew black" had been black bread; "iced coffee black" hot coffee
    assert nl.match_foods([text], foods)["food_id"].iloc[0] == food


def test_a_foods_own_name_holding_a_symptom_word_is_food(foods: FoodTable) -> None:
    # "pain" is a symptom word; pain au chocolat had been rejected as a note
    e = entries_of_line(foods, "1 pain au chocolat")
    assert e["description"].tolist() == ["Croissant, chocolate"]
    assert len(rejected_reasons("lower back pain again")) == 1


def test_a_food_usda_lacks_is_not_cut_into_foods_it_has(foods: FoodTable) -> None:
    # "scotch egg" had been a glass of whisky and a fried egg
    e = entries_of_line(foods, "1 scotch egg")
    assert len(e) == 1
    assert e["food_id"].isna().all()
    assert "not in USDA" in e["assumptions"].iloc[0]


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("three bean salad", "fndds:75302080"),  # FNDDS names it; had been black bean salad
        ("kippers", "sr28:15042"),  # kippered herring, not plain cooked herring
        ("key lime pie", "fndds:53381000"),  # FNDDS names key lime pie under lemon meringue
    ],
)
def test_aliases_set_right_by_usdas_own_names(foods: FoodTable, text: str, food: str) -> None:
    assert nl.match_foods([text], foods)["food_id"].iloc[0] == food
