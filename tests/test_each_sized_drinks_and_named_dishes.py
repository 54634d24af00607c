"""Drinks counted with the size of each, foods joined by "and" before a dish's name,
spreads said lightly, notes before a dash, and supplement lines without a dose unit.

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``, ``datasets/nutrients.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of, rejected_reasons

from nutrilog.matching.not_food import not_food_reason
from nutrilog.matching.parts import own_bread_dropped, sandwich_spread
from nutrilog.quantity import parse_quantity
from nutrilog.supplements import detect_supplement

# --- a count of drinks and the size of each --------------------------------------------


@pytest.mark.parametrize(
    ("line", "quantity", "unit"),
    [
        ("2 beers 500ml", 1000.0, "ml"),
        ("3 cans ginger ale 330ml", 990.0, "ml"),
        ("2 bottles water 0.5L", 1.0, "l"),
        ("1 cider 568ml", 568.0, "ml"),  # one counted: the size is the amount
    ],
)
def test_a_volume_after_a_counted_drink_is_each_ones(line: str, quantity: float, unit: str) -> None:
    parsed = parse_quantity(line)
    assert (parsed.quantity, parsed.unit) == (pytest.approx(quantity), unit)


@pytest.mark.parametrize(
    "line",
    [
        "2 eggs 100g",  # a mass after a count: likely the two together, left as it was
        "2 cups milk 500ml",  # a measure is no count of drinks
        "2 x 500ml beer",  # the multiplication rule, as before
    ],
)
def test_other_amounts_keep_their_reading(line: str) -> None:
    parsed = parse_quantity(line)
    assert "each" not in (parsed.note or "")


def test_two_half_litres_of_beer_weigh_a_litre() -> None:
    # SR28 beer, regular (14003): 1 fl oz = 29.7 g, so 1 L = 1000 / 29.5735 * 29.7 g
    one_entry_of("2 beers 0.5L", "sr28:14003", 1000 / 29.5735295625 * 29.7)


# --- foods joined by "and" before a dish's name ----------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS "Burrito, taco, or quesadilla with egg and potato": small 127 g
        ("egg n potato taco", "fndds:58100005", 127.0),
        # "... with egg and breakfast meat": small 123 g, two of them
        ("2 sausage and egg tacos", "fndds:58100010", 246.0),
    ],
)
def test_foods_joined_before_a_dish_name_are_that_dish(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)


def test_a_breakfast_burrito_stays_a_burrito() -> None:
    # a taco is FNDDS's small size; a burrito keeps the medium (229 g)
    one_entry_of("egg and potato burrito", "fndds:58100005", 229.0)


def test_the_same_cooking_word_twice_lists_two_foods() -> None:
    entries, _ = analysed("fried fish & fried okra")
    assert len(entries) == 2  # no dish of fish with okra
    assert entries["description"].iloc[0].startswith("Fish")
    assert "okra" in entries["description"].iloc[1].lower()


# --- spreads said lightly, and the bread after them --------------------------------------


def test_a_light_spread_is_still_a_sandwich_spread() -> None:
    assert sandwich_spread("light mayo")
    assert sandwich_spread("extra mustard")
    assert not sandwich_spread("light lettuce")


def test_the_bread_after_a_spread_is_the_sandwichs() -> None:
    assert own_bread_dropped("ham sandwich w mayo on rye") == "ham sandwich w mayo"
    entry = one_entry("chicken salad sandwich on wheat w/ light mayo")
    assert "in the sandwich as USDA weighs it" in entry["assumptions"]


# --- notes before a dash, hyphens in a place, sizes after a food -------------------------


def test_a_long_note_before_a_dash_leaves_the_food() -> None:
    # SR28 milk, whole (01077): 1 cup = 244 g
    one_entry_of("bad leg cramp w/ spasm - 1 cup whole milk", "sr28:01077", 244.0)


def test_a_hyphenated_place_after_a_meal_is_no_separator() -> None:
    entry = one_entry("dinner @ Wal-Mart: 2 slices cheese pizza")
    assert "pizza" in entry["description"].lower()
    assert "wal" not in entry["description"].lower()


def test_a_size_word_closing_a_food_line_is_no_medicine() -> None:
    assert not_food_reason("potato oles med") is None
    assert not_food_reason("took cold med") is not None


# --- work and ceremonies are no food ------------------------------------------------------


@pytest.mark.parametrize("line", ["painted the back porch", "welded a trailer hitch"])
def test_work_done_is_a_note(line: str) -> None:
    assert rejected_reasons(line).str.contains("not a food entry").all()


# --- supplements with no dose unit --------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["lactase 3 caplets", "renal vitamin", "nephro-vite 1 tab", "turmeric 1000"]
)
def test_supplements_without_a_tracked_nutrient_are_no_food(line: str) -> None:
    assert detect_supplement(line).kind == "supplement"


def test_a_spice_counted_small_stays_a_spice() -> None:
    assert detect_supplement("turmeric 2").kind == "food"


# --- vocabulary: weights of the foods named ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS venison/deer steak: a weight is its own
        ("6 oz venison steak", "fndds:23321200", 6 * 28.349523125),
        # FNDDS potato tots from fast food: one order (130 g), not one 8 g tot
        ("potato oles", "fndds:71505010", 130.0),
    ],
)
def test_named_foods_and_their_weights(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


def test_beer_battered_is_a_coating_not_a_drink() -> None:
    entry = one_entry("beer battered cod 6oz")
    assert entry["food_id"] == "fndds:26109140"  # Cod, coated, fried, made with oil


def test_fry_before_a_food_is_fried() -> None:
    entries, _ = analysed("fry chicken & fry rice")
    assert list(entries["food_id"]) == ["fndds:24107070", "fndds:58150310"]


def test_a_hunk_is_a_chunk() -> None:
    entry = one_entry("a hunk of cornbread")
    assert "estimated amount: chunk" in entry["assumptions"]


# --- salts weighed as the compound ----------------------------------------------------------


def test_calcium_acetate_is_a_quarter_calcium() -> None:
    # Ca(C2H3O2)2: 40.078 / 158.17 = 25.3 % calcium; one 667 mg capsule holds 169 mg
    found = detect_supplement("calcium acetate 667mg 3 caps")
    assert found.nutrients["calcium_mg"] == pytest.approx(3 * 667 * 0.2534)
    assert "compound weight" in found.assumption


def test_sodium_bicarb_is_sodium_bicarbonate() -> None:
    # NaHCO3: 22.990 / 84.01 = 27.4 % sodium
    found = detect_supplement("sodium bicarb 650mg")
    assert found.nutrients["sodium_mg"] == pytest.approx(650 * 0.2737)
    assert detect_supplement("1/2 tsp bicarb").kind == "food"  # baking soda in a recipe


# --- a cuisine's style named beside a food --------------------------------------------------


def test_a_style_beside_a_food_is_read_away() -> None:
    # SR28 catfish, channel, farmed, cooked, dry heat: 1 fillet = 143 g
    entry = one_entry("blackened catfish cajun style")
    assert "catfish" in entry["description"].lower()
    assert "style: cajun style" in entry["assumptions"]


# --- a plate named by one name, counted ---------------------------------------------------


def test_a_counted_plate_counts_each_of_its_foods() -> None:
    # two Navajo tacos: two fry breads (SR28 35142, 152 g each) and twice the chili
    # with beans (FNDDS 27111410, 1/2 cup = 127 g)
    entries, _ = analysed("2 navajo tacos")
    grams = dict(zip(entries["food_id"], entries["grams"], strict=True))
    assert grams["sr28:35142"] == pytest.approx(2 * 152.0)
    assert grams["fndds:27111410"] == pytest.approx(2 * 127.0)


def test_a_milk_named_by_its_brand_is_a_splash_in_coffee() -> None:
    # a milk added to a hot drink without an amount is 2 tbsp (FNDDS lactose-free 1%
    # milk: 1 cup = 244 g, so 2 tbsp = 30.5 g), brand or not
    entries, _ = analysed("tea w/ lactaid")
    milk = entries[entries["food_id"] == "fndds:11114300"]
    assert milk["grams"].tolist() == [pytest.approx(244.0 / 8)]


def test_a_fried_chicken_chains_piece_is_fried() -> None:
    # a chain whose generic food is fried chicken: its breast is FNDDS's fried, coated
    # breast "from fast food / restaurant", not a breast cooked no one knows how
    entry = one_entry("Harold's chicken breast")
    assert entry["food_id"] == "fndds:24127220"
    assert one_entry("fried chicken breast")["food_id"] == "fndds:24127200"  # from raw


def test_a_fasting_days_label_leaves_a_measured_food() -> None:
    # a measure of a food after the label was eaten; "skipped lunch - meeting" was not
    entries, rejected = analysed("[fasting day] 1 cup lentil soup")
    assert len(entries) == 1 and len(rejected) == 0
    entries, rejected = analysed("[fasting day] 1 cup tsebhi birsen")  # a food USDA lacks
    assert len(entries) == 1 and len(rejected) == 0
    assert rejected_reasons("skipped lunch - midterm").str.contains("skipped meal").all()


def test_a_size_before_a_comma_is_no_medicine() -> None:
    assert not_food_reason("iced coffee med, cream and sugar") is None
    assert not_food_reason("took cold med, then bed") is not None


@pytest.mark.parametrize(
    ("line", "food_id"),
    [
        # breaded is a way of cooking: FNDDS's fried cutlet, "breaded or floured"
        ("4 oz breaded veal cutlet", "fndds:23205010"),
        ("2 flower tortillas", "sr28:18364"),  # flour written as its homophone
        ("glass of milk tibia", "fndds:11100000"),  # Spanish lukewarm: a temperature
    ],
)
def test_ways_of_cooking_and_spellings(line: str, food_id: str) -> None:
    assert one_entry(line)["food_id"] == food_id


def test_a_chains_food_is_the_fast_food_kind() -> None:
    # FNDDS "Burrito, taco, or quesadilla with egg, potato, and breakfast meat, from fast
    # food": medium 238 g, where the kitchen's medium is 259 g
    one_entry_of("sheetz breakfast burrito", "fndds:58100017", 238.0)
    one_entry_of("breakfast burrito", "fndds:58100015", 259.0)


def test_no_salt_is_never_a_food_made_with_salt() -> None:
    # SR28 sweet potato baked in skin, without salt (11508); not the frozen one "with salt"
    assert one_entry("baked sweet potato, no salt")["food_id"] == "sr28:11508"
    assert one_entry("baked sweet potato no salt")["food_id"] == "sr28:11508"


def test_a_place_after_a_meal_label_is_read_before_the_food() -> None:
    # FNDDS chicken chow mein: 1 cup = 220 g
    one_entry_of("staff meal @ the diner - 1 cup chicken chow mein", "fndds:27343910", 220.0)
