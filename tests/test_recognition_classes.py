"""Classes of diary lines that recognition must hold on (issue 12, second round).

Each test is written from a rule, with lines made up here: served items weighed by
their own portion, sandwich lengths, counts of foods by their described piece,
misspelt units, vague words, additions without an amount, "X on toast" and "X and
chips", not-food readings, and supplements written with elemental amounts, mEq or
a product strength. Weights are checked against the USDA portion rows by hand
(SR28 WEIGHT.txt, FNDDS portions), as noted beside each.
"""

from __future__ import annotations

import math

import pytest
from diary import entries_of

from nutrilog.foods import FoodTable
from nutrilog.matching.entry import not_food_reason, understand
from nutrilog.matching.match import Matcher
from nutrilog.portions import resolve_grams
from nutrilog.quantity import parse_quantity
from nutrilog.supplements import detect_supplement


def _grams(foods: FoodTable, food_id: str, unit: str | None, kind: str | None, text: str) -> float:
    out = resolve_grams([1.0], [unit], [kind], [food_id], foods, food_text=[text])
    return float(out["grams"].iloc[0])


# --------------------------------------------------------------------------- portions


def test_a_served_item_without_an_amount_is_its_own_item_not_a_group_median(foods) -> None:
    # SR28 21252 BURGER KING WHOPPER: "1 item" = 291 g (its default table row is a
    # group median of 199 g); SR28 21357 Egg McMUFFIN: "1 sandwich" = 126 g.
    assert _grams(foods, "sr28:21252", None, "default", "whopper implicit one") == 291.0
    assert _grams(foods, "sr28:21357", None, "default", "mcmuffin implicit one") == 126.0


def test_a_candy_bar_named_as_a_bar_is_one_regular_bar(foods) -> None:
    # SR28 19155 SNICKERS: "1 bar (2 oz)" = 57 g; the amount note the analysis adds
    # ("implicit one") must not hide the noun "bar".
    assert _grams(foods, "sr28:19155", None, "default", "snickers bar implicit one") == 57.0


def test_a_food_named_by_itself_keeps_its_default_not_one_whole_item(foods) -> None:
    # FNDDS 26100110 fish NS has "1 medium whole fish" (340 g) but its own
    # quantity-not-specified weight (113 g) is what "fish" means.
    assert _grams(foods, "fndds:26100110", None, "default", "fish implicit one") == 113.0


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ('turkey sub 6"', 184.0),  # SR28 21207: 6 "inch sub" = 184 g
        ("footlong turkey sub", 367.0),  # 12 "inch sub" = 367 g
        ("turkey sub", 184.0),  # no length: the first (6-inch) sub, not a group weight
    ],
)
def test_sandwich_lengths_pick_the_portion_of_that_length(foods, text: str, grams: float) -> None:
    assert _grams(foods, "sr28:21207", None, "default", text) == grams


def test_a_length_in_inches_is_a_size_not_a_count() -> None:
    parsed = parse_quantity("Jersey Mike's 8 inch club sub")
    assert parsed.quantity == 1.0 and "club sub" in parsed.food
    assert parse_quantity('2 Subway 12" italian subs').quantity == 2.0
    # a number before a food word that is no inch mark is still a count
    assert parse_quantity("3 eggs in butter").quantity == 3.0


@pytest.mark.parametrize(
    ("food_id", "text", "grams"),
    [
        ("sr28:15027", "fish sticks", 28.0),  # "stick (4 x 1 x 1/2 in)" 28 g, not "piece" 57 g
        ("sr28:18214", "cheese crackers", 1.0),  # "cracker (1 in square)" 1 g, not goldfish
        ("sr28:18364", "flour tortilla", 48.0),  # plain "tortilla" 48 g, not the 6-inch 30 g
        ("sr28:09040", "banana", 118.0),  # a food weighed by medium keeps its medium
    ],
)
def test_a_bare_count_takes_the_piece_the_description_names(
    foods, food_id: str, text: str, grams: float
) -> None:
    assert _grams(foods, food_id, None, None, text) == grams


def test_a_count_of_a_food_weighed_only_by_volume_uses_its_fndds_twins_item(foods) -> None:
    # SR28 12155 walnuts has cup/oz rows only; its FNDDS twin 42116000 weighs "1 nut"
    out = resolve_grams([5.0], [None], [None], ["sr28:12155"], foods, food_text=["walnuts"])
    assert out["grams"].iloc[0] == pytest.approx(5 * 2.0)
    assert "FNDDS twin" in out["portion"].iloc[0]
    assert out["assumption"].iloc[0].startswith("count:")


def test_a_food_group_median_never_wins_over_the_foods_own_medium(foods) -> None:
    # SR28 18001 plain bagel: default table has a group median (45 g); its own
    # "1 medium (3-1/2 to 4 in dia)" weighs 105 g
    assert _grams(foods, "sr28:18001", None, "default", "plain bagel") == 105.0


def test_a_noun_form_of_a_modifier_picks_its_portion(foods) -> None:
    # SR28 11436 rutabagas cooked: "cup, mashed" 240 g vs "cup, cubes" 170 g
    assert _grams(foods, "sr28:11436", "cup", "volume", "rutabaga mash") == 240.0


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("line", "unit", "food"),
    [
        ("2 tablespon maple syrup", "tbsp", "maple syrup"),
        ("1 teaspon cinnamon", "tsp", "cinnamon"),
        ("4 ounzes salmon", "oz", "salmon"),
        ("1 pounds potatoes", "lb", "potatoes"),
    ],
)
def test_a_long_unit_name_misspelt_by_one_letter_is_read(line: str, unit: str, food: str) -> None:
    parsed = parse_quantity(line)
    assert (parsed.unit, parsed.food) == (unit, food)


def test_short_or_ambiguous_words_after_a_number_are_not_turned_into_units() -> None:
    assert parse_quantity("2 cupcakes").unit is None
    assert parse_quantity("3 plums").unit is None


def test_a_measure_closing_a_line_after_a_comma_is_one_of_it() -> None:
    parsed = parse_quantity("minestrone soup, cup")
    assert (parsed.quantity, parsed.unit, parsed.food) == (1.0, "cup", "minestrone soup")
    # a count word there is the food's own name ("Chicken, breast"), not a measure
    assert parse_quantity("Turkey, breast").unit is None


@pytest.mark.parametrize(
    "line", ["a lil bit of hummus", "a little bit of hummus", "a tad of hummus"]
)
def test_small_vague_phrases_are_vague_amounts(line: str) -> None:
    parsed = parse_quantity(line)
    assert parsed.unit_kind == "vague" and parsed.food == "hummus"


def test_squeeze_sliver_and_nibble_are_weighed_and_flagged(foods) -> None:
    # SR28 09152 lemon juice: "1 wedge yields" 5.9 g
    out = resolve_grams([1.0], ["squeeze"], ["vague"], ["sr28:09152"], foods)
    assert out["grams"].iloc[0] == pytest.approx(5.9)
    assert out["assumption"].iloc[0].startswith("estimated amount: squeeze")
    # a sliver is half of the food's slice or piece: FNDDS 53100100 cake NS "1 piece" 39 g
    out = resolve_grams([1.0], ["sliver"], ["vague"], ["fndds:53100100"], foods)
    assert out["grams"].iloc[0] == pytest.approx(39.0 / 2)
    # a nibble is a quarter of the default weight
    default = _grams(foods, "fndds:53100100", None, "default", "cake")
    nibble = resolve_grams([1.0], ["nibble"], ["vague"], ["fndds:53100100"], foods)
    assert nibble["grams"].iloc[0] == pytest.approx(default / 4)


# --------------------------------------------------------------------------- compound lines


def _parts(line: str, matcher: Matcher) -> list[str]:
    return [p.text for p in understand(line, matcher).parts]


def test_additions_without_an_amount_take_the_companion_amount(matcher) -> None:
    # a hot drink with an addition and no amount of its own is one 8 fl oz cup
    assert _parts("espresso with milk", matcher) == ["1 cup espresso", "2 tbsp milk"]
    assert _parts("earl grey tea with 2 sugars", matcher) == ["1 cup earl grey tea", "2 tsp sugars"]
    # a drink with a size, or an amount, keeps it
    assert _parts("venti americano with creamer", matcher) == ["venti americano", "1 tbsp creamer"]
    assert _parts("16 oz cold brew w/ oat milk", matcher)[0] == "16 oz cold brew"
    assert _parts("crumpet w/ butter", matcher) == ["crumpet", "0.5 tbsp butter"]
    assert _parts("muesli with skimmed milk", matcher) == ["muesli", "0.5 cup skimmed milk"]
    # an amount written by the user is kept
    assert _parts("coffee with 1 cup milk", matcher) == ["coffee", "1 cup milk"]
    assert _parts("rye toast with smoked salmon", matcher) == ["rye toast", "2 oz smoked salmon"]
    # "cream" poured into coffee or tea is half and half
    parts = understand("decaf coffee w/ cream", matcher).parts
    assert parts[1].text == "1 tbsp half and half"
    assert ("synonym", "cream → half and half (added to decaf coffee)") in parts[1].tags
    assert _parts("scones with jam and clotted cream", matcher)[-1] == "clotted cream"
    # dressing on a salad and sour cream on a taco: 2 tbsp, their reference amounts
    assert _parts("garden salad w/ vinaigrette", matcher)[-1] == "2 tbsp vinaigrette"
    assert _parts("3 tacos with sour cream", matcher)[-1] == "2 tbsp sour cream"
    # milk beside a food that takes no addition keeps its own default
    assert _parts("chicken with milk", matcher)[1] == "milk"


def test_a_companion_amount_is_an_estimated_amount(foods) -> None:
    entries = entries_of(["cappuccino with honey"], foods)
    honey = entries[entries["food"] == "honey"].iloc[0]
    assert "estimated amount: honey = 1 tsp (added)" in honey["assumptions"]
    assert honey["grams"] == pytest.approx(21.0 / 3, rel=0.01)  # SR28 19296 honey: 1 tbsp = 21 g


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("mushrooms on toast", ["mushrooms", "toast"]),
        ("sardines on 2 slices of rye", ["sardines", "2 slices of rye"]),
        ("hummus on crackers", ["2 tbsp hummus", "crackers"]),  # a dip without an amount
    ],
)
def test_x_on_toast_is_two_foods(line: str, parts: list[str], matcher) -> None:
    assert _parts(line, matcher) == parts


def test_on_before_a_non_bread_word_is_no_connector(matcher) -> None:
    assert len(understand("chicken on the bone", matcher).parts) == 1


def test_chips_beside_a_hot_main_are_fries_and_alone_are_crisps(matcher, foods) -> None:
    parts = understand("scampi and mushy peas and chips", matcher).parts
    assert [p.text for p in parts][-1] == "medium french fries"  # a plate's portion
    assert ("synonym", "chips → medium french fries (beside a hot main)") in parts[-1].tags
    # a UK dish name that joins two foods is the synonym table's reading of it
    parts = understand("scampi and chips", matcher).parts
    assert [p.text for p in parts] == ["breaded fried shrimp", "medium french fries"]
    assert _parts("salsa and chips", matcher)[-1] == "tortilla chips"  # beside a dip
    assert _parts("burger and a bag of chips", matcher)[-1] == "a bag of chips"


def test_a_dish_must_hold_every_part_when_joined_by_with(matcher) -> None:
    # the whole line lands on a plain bagel, which holds no cream cheese
    assert _parts("bagel w/ peanut butter", matcher) == ["bagel", "peanut butter"]


# --------------------------------------------------------------------------- not food


@pytest.mark.parametrize(
    "line",
    [
        "fasting glucose 91 mg/dL",
        "ketones 0.8 mmol/L",
        "resting HR 61 bpm",
        "A1c 5.6",
        "Carbs: 180g",
        "fat 55 g",
        "fibre 25g",
        "protein 140g",
    ],
)
def test_lab_readings_and_nutrient_totals_are_not_food(line: str, matcher) -> None:
    assert not_food_reason(line, matcher.index.postings.keys()) is not None


@pytest.mark.parametrize(
    "line", ["protein bar", "fat free yogurt 1 cup", "high fibre bread 2 slices"]
)
def test_food_lines_with_a_nutrient_word_stay_food(line: str, matcher) -> None:
    assert not_food_reason(line, matcher.index.postings.keys()) is None


def test_a_reading_never_becomes_a_food_in_the_analysis(foods) -> None:
    entries = entries_of(["blood glucose 104 mg/dL", "Protein: 95g", "1 apple"], foods)
    kinds = entries.set_index("text")["kind"]
    assert entries["food_id"].notna().sum() == 1
    assert (
        "blood glucose 104 mg/dL" not in kinds.index or kinds["blood glucose 104 mg/dL"] != "food"
    )


# --------------------------------------------------------------------------- supplements


def test_a_stated_elemental_amount_is_the_dose() -> None:
    info = detect_supplement("magnesium citrate 1000 mg (160 mg elemental)")
    assert info.nutrients == {"magnesium_mg": 160.0}
    info = detect_supplement("calcium citrate, elemental calcium 315 mg")
    assert info.nutrients == {"calcium_mg": 315.0}


def test_milliequivalents_are_converted_with_the_atomic_weight() -> None:
    # potassium 39.098 g/mol, charge 1: 10 mEq = 391 mg; magnesium 24.305 / 2 per mEq
    assert detect_supplement("potassium chloride ER 10 mEq").nutrients[
        "potassium_mg"
    ] == pytest.approx(390.98)
    assert detect_supplement("magnesium 8 mEq").nutrients["magnesium_mg"] == pytest.approx(97.22)


def test_a_product_strength_is_the_dose() -> None:
    info = detect_supplement("vitamin D3 extra strength 2000")
    assert info.nutrients == {"vitamin_d_ug": pytest.approx(50.0)}  # 2000 IU / 40
    info = detect_supplement("B12 max 500")
    assert info.nutrients == {"vitamin_b12_ug": 500.0}


@pytest.mark.parametrize(
    "line",
    # (LMNT and Liquid I.V. have the maker's amounts in the product table:
    # tests/test_supplements.py)
    ["creatine monohydrate 5 g", "Nuun tablet", "salt tabs x2", "electrolyte packet"],
)
def test_electrolyte_products_salt_tablets_and_creatine_are_supplements(line: str) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert all(not (v > 0) for v in info.nutrients.values())  # nothing tracked is invented


def test_a_supplement_line_is_never_matched_as_a_food(foods) -> None:
    entries = entries_of(["creatine 3g", "potassium citrate 15 mEq"], foods)
    assert entries["food_id"].isna().all()
    assert (entries["kind"] == "supplement").all()
    k = entries["potassium_mg"].dropna()
    assert len(k) == 1 and math.isclose(float(k.iloc[0]), 15 * 39.098, rel_tol=1e-6)


# --------------------------------------------------------------------------- typos


@pytest.mark.parametrize(
    ("written", "word"),
    [("mlik", "milk"), ("aple", "apple"), ("bred", "bread"), ("rcie", "rice"), ("tuan", "tuna")],
)
def test_four_letter_typos_with_a_swap_or_a_missing_letter_are_corrected(
    written: str, word: str, foods
) -> None:
    from nutrilog.matching import match_foods

    m = match_foods([written], foods)
    assert m["assumptions"].iloc[0] == f"spelling: {written} → {word}"


def test_a_four_letter_word_is_never_changed_into_another_food() -> None:
    from nutrilog.matching.spelling import Speller

    speller = Speller({"beef": 200, "beet": 40, "pear": 80, "peas": 90, "milk": 500})
    # "bees" is one changed letter from beef and beet: a change is not corrected
    assert speller.correct("bees") is None
    assert speller.correct("mlik") == "milk"


# --------------------------------------------------------------------------- candy bar sizes


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        ("king size snickers", 113.0),  # SR28 19155: "bar, king size (4 oz)" 113 g
        ("snickers fun size", 15.0),  # "bar, fun size" 15 g
        ("snickers", 57.0),  # a food USDA names a bar is one regular bar, "bar (2 oz)"
        ("kit kat", 42.0),  # SR28 19120 KIT KAT Wafer Bar: "bar (1.5 oz)" 42 g
    ],
)
def test_a_candy_bar_takes_the_size_written(line: str, grams: float, foods) -> None:
    entries = entries_of([line], foods)
    assert entries["grams"].iloc[0] == pytest.approx(grams)


def test_a_size_word_is_kept_out_of_the_food_words() -> None:
    parsed = parse_quantity("2 fun size milky way")
    assert (parsed.quantity, parsed.food, parsed.note) == (2.0, "milky way", "fun size")


def test_a_slice_named_last_is_one_slice_or_piece(foods) -> None:
    # FNDDS 58106540 pepperoni pizza: no slice row, "piece, NFS" 124 g (QNS is 248 g)
    assert _grams(foods, "fndds:58106540", None, "default", "pepperoni pizza slice") == 124.0


def test_a_length_wins_over_the_foods_own_default(foods) -> None:
    # FNDDS 27540350 turkey submarine: QNS 260 g, "Subway Sub (footlong)" 520 g
    assert _grams(foods, "fndds:27540350", None, "default", "footlong turkey sub") == 520.0


def test_a_packet_of_a_food_without_one_is_a_single_serving(foods) -> None:
    # SR28 19411 potato chips: only an 8 oz bag; a packet is the 28 g single serving
    out = resolve_grams([1.0], ["packet"], ["count"], ["sr28:19411"], foods)
    assert out["grams"].iloc[0] == pytest.approx(28.0)
    assert out["assumption"].iloc[0].startswith("estimated amount: packet")
    assert parse_quantity("1 pack of crisps").unit == "packet"
