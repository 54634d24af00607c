"""General classes of diary lines from a fresh held-out round (issue 12).

Each test is a rule with lines made up here, not copied from any phrase set: list
markers and abbreviated meal words before a line, a meal with a clock time or a place,
activity and day notes that are no food, supplement combinations, drinks by the can,
cooked eggs by default, counts of pieces, and short misspellings.
"""

from __future__ import annotations

import pytest
from diary import entries_of

from nutrilog.foods import FoodTable
from nutrilog.matching.entry import not_food_reason, strip_prefix
from nutrilog.matching.match import Matcher
from nutrilog.matching.prefixes import needs_reading
from nutrilog.matching.words import normalize_many
from nutrilog.supplements import detect_supplement

# --------------------------------------------------------------------------- prefixes


@pytest.mark.parametrize(
    ("line", "rest", "meal", "clock"),
    [
        ("3) 2 slices rye toast", "2 slices rye toast", None, None),
        ("1. 1 cup lentil soup", "1 cup lentil soup", None, None),
        ("(4) half a grapefruit", "half a grapefruit", None, None),
        ("+ 1 tbsp honey", "1 tbsp honey", None, None),
        ("\u2022 1 pear", "1 pear", None, None),
        ("[x] 2 kiwis", "2 kiwis", None, None),
        ("brkfast - porridge", "porridge", "brkfast", None),
        ("lnch: tuna melt", "tuna melt", "lnch", None),
        ("dinr - 5 oz salmon", "5 oz salmon", "dinr", None),
        ("snk 1 apple", "1 apple", "snk", None),
        ("D: veggie stir fry", "veggie stir fry", "D", None),
        ("pm snack - 10 almonds", "10 almonds", "pm snack", None),
        ("supper @ 8: 2 bean burritos", "2 bean burritos", "supper", "8"),
        ("breakfast at 7:45 - 1 cup muesli", "1 cup muesli", "breakfast", "7:45"),
        ("lunch @ 1pm 1 bagel", "1 bagel", "lunch", "1pm"),
        ("Dinner (pub) - fish pie", "fish pie", "Dinner", None),
        ("post-run snack: 2 dates", "2 dates", "post-run snack", None),
        ("late-night snack - popcorn", "popcorn", "late-night snack", None),
        ("tea (5pm): crumpets", "crumpets", "tea", "5pm"),
        ("Snack 2: 1 plum", "1 plum", "Snack", None),
        ("brunch -waffles", "waffles", "brunch", None),
    ],
)
def test_list_markers_and_short_meal_words_are_taken_off(
    line: str, rest: str, meal: str | None, clock: str | None
) -> None:
    assert strip_prefix(line) == (rest, meal, clock)
    assert needs_reading(line, normalize_many([line])[0].split())


@pytest.mark.parametrize("line", ["1.5 cups brown rice", "2 eggs", "12 oz steak"])
def test_a_decimal_or_a_count_is_no_list_marker(line: str) -> None:
    assert strip_prefix(line) == (line, None, None)


def test_an_item_number_is_not_read_as_a_count(foods: FoodTable) -> None:
    # SR28 16015 black beans, boiled: 1 cup = 172 g, so half a cup is 86 g
    # whatever the item number before it.
    rows = entries_of(["4) 1/2 cup black beans"], foods)
    assert len(rows) == 1
    assert rows["quantity"].iloc[0] == pytest.approx(0.5)
    assert rows["grams"].iloc[0] == pytest.approx(86.0)


# --------------------------------------------------------------------------- not food


@pytest.mark.parametrize(
    "line",
    [
        "meditation 15 min",
        "pilates class",
        "worked out at 6",
        "rest day",
        "refeed day tomorrow",
        "20 mins on the bike",
        "3 miles",
        "hydration target 2.5 L",
        "wt 81.3",
        "heartburn after dinner",
        "drink more water!!",
        "no snacks after 8",
        "ate nothing till 2pm",
        "18:6 fast",
    ],
)
def test_activity_and_day_notes_are_not_food(line: str, matcher: Matcher) -> None:
    assert not_food_reason(line, matcher.index.postings.keys()) is not None


@pytest.mark.parametrize(
    "line",
    [
        "1 cup minute rice",
        "2 days old bread",
        "diet ginger ale",
        "cheat day pizza slice",
        "fast food fries",
        "hungry man turkey dinner",
    ],
)
def test_a_food_word_beside_a_day_or_time_word_keeps_the_line_food(
    line: str, matcher: Matcher
) -> None:
    assert not_food_reason(line, matcher.index.postings.keys()) is None


# --------------------------------------------------------------------------- supplements


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # each dose belongs to the supplement written beside it
        ("K2 90mcg + vitamin D3 2000iu", {"vitamin_d_ug": 50.0}),
        ("vit D 800 IU & zinc 25mg", {"vitamin_d_ug": 20.0}),
        ("magnesium 300mg, zinc 15mg", {"magnesium_mg": 300.0}),
        ("iron 18mg + B12 500mcg", {"vitamin_b12_ug": 500.0}),
        # a part with an amount that names nothing restates the line's amount
        ("Magnesium citrate, 150 mg", {"magnesium_mg": 150.0}),
    ],
)
def test_each_dose_of_a_combination_belongs_to_its_own_supplement(
    line: str, want: dict[str, float]
) -> None:
    got = detect_supplement(line)
    assert got.kind == "supplement"
    assert got.nutrients == pytest.approx(want)


def test_the_dose_of_another_supplement_is_not_vitamin_d() -> None:
    got = detect_supplement("D3 + K2 200mcg")
    assert got.kind == "supplement"
    assert "vitamin_d_ug" not in got.nutrients


@pytest.mark.parametrize(
    ("line", "sodium"),
    [
        ("salt tablet 500mg", 500 * 0.3934),
        ("salt caps 0.5 g x2", 1000 * 0.3934),
        ("salt pill 1 g", 1000 * 0.3934),
    ],
)
def test_a_salt_tablet_with_a_weight_is_that_much_sodium_chloride(line: str, sodium: float) -> None:
    got = detect_supplement(line)
    assert got.kind == "supplement"
    assert got.nutrients["sodium_mg"] == pytest.approx(sodium, rel=1e-3)


def test_a_salt_tablet_without_a_weight_keeps_an_unknown_amount() -> None:
    got = detect_supplement("salt tablets x3")
    assert got.kind == "supplement"
    assert got.nutrients == {}


# --------------------------------------------------------------------------- drinks


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # SR28 14136 ginger ale: can or bottle (16 fl oz) 488 g, (12 fl oz) 366 g
        ("1 can ginger ale", 366.0),
        # SR28 14150 orange soda: can or bottle (16 fl oz) 496 g, (12 fl oz) 372 g
        ("2 cans orange soda", 744.0),
    ],
)
def test_a_can_of_soda_is_the_standard_12_fl_oz_can(line: str, grams: float, foods) -> None:
    rows = entries_of([line], foods)
    assert rows["grams"].iloc[0] == pytest.approx(grams)


def test_a_drink_sold_in_its_own_can_keeps_its_can(foods: FoodTable) -> None:
    # SR28 14154 RED BULL: its only can row is its own 8.4 fl oz can (258 g)
    rows = entries_of(["1 can red bull"], foods)
    assert rows["food_id"].iloc[0] == "sr28:14154"
    assert rows["grams"].iloc[0] < 300


@pytest.mark.parametrize("line", ["americano", "iced americano", "1 cafe americano"])
def test_an_americano_is_coffee_not_american_cheese(line: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    assert "coffee" in str(rows["description"].iloc[0]).lower()


def test_a_lactose_free_milk_keeps_the_fat_level_written(foods: FoodTable) -> None:
    rows = entries_of(["1 cup lactaid skim", "lactose free whole milk 1 cup"], foods)
    assert rows["food_id"].tolist() == ["fndds:11114320", "fndds:11114350"]


@pytest.mark.parametrize(
    ("line", "addition"), [("espresso with creamer", "creamer"), ("waffles with syrup", "syrup")]
)
def test_x_with_y_is_not_the_food_named_for_y(line: str, addition: str, matcher) -> None:
    # "Coffee creamer, NFS" and "Pancake syrup" are named for the addition alone
    from nutrilog.matching.entry import understand

    parts = [p.text for p in understand(line, matcher).parts]
    assert len(parts) == 2
    assert parts[1].endswith(addition)


# --------------------------------------------------------------------------- spelling


def _corrections(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return matcher.reading(text).corrections


def test_a_lost_double_letter_beats_a_more_frequent_substitution(matcher: Matcher) -> None:
    # "puding" is one letter from both "pudding" and the synonym term "pudina" (mint)
    assert _corrections(matcher, "rice puding") == [("puding", "pudding")]


@pytest.mark.parametrize("word", ["italiano", "lungo", "mexicano"])
def test_a_foreign_ending_is_not_cut_off_as_a_typo(word: str, matcher: Matcher) -> None:
    assert all(fixed != word[:-1] for _, fixed in _corrections(matcher, word))


@pytest.mark.parametrize(("word", "means"), [("bttr", "butter"), ("tmto", "tomato")])
def test_a_word_written_without_its_vowels_is_the_common_food_word(
    word: str, means: str, matcher: Matcher
) -> None:
    assert _corrections(matcher, word) == [(word, means)]


# --------------------------------------------------------------------------- eggs


@pytest.mark.parametrize("line", ["3 eggs", "1 free range egg", "ham and 2 eggs"])
def test_an_egg_without_a_cooking_method_is_cooked_not_raw(line: str, foods: FoodTable) -> None:
    rows = entries_of([line], foods)
    eggs = rows[rows["description"].astype(str).str.startswith("Egg")]
    assert len(eggs) == 1
    assert "raw" not in str(eggs["description"].iloc[0]).lower()


def test_an_egg_named_raw_or_by_its_size_keeps_the_sized_raw_egg(foods: FoodTable) -> None:
    # SR28 01123 whole egg: large 50 g; it is the only egg with every size
    rows = entries_of(["2 raw eggs", "2 large eggs"], foods)
    assert rows["food_id"].tolist() == ["sr28:01123", "sr28:01123"]
    assert rows["grams"].iloc[1] == pytest.approx(100.0)


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("line", "grams"),
    [
        # SR28 19155 SNICKERS: bar (2 oz) 57 g, listed before its fun and king sizes
        ("2 snickers", 114.0),
        # SR28 19109 KIT KAT: bar (1.5 oz) 42 g, its first bar
        ("kit kat", 42.0),
        # SR28 19135 MILKY WAY: serving 2.05 oz bar 58 g (fun size 17 g, king 103 g)
        ("1 milky way", 58.0),
        # a size written keeps that size: SNICKERS bar, fun size 15 g
        ("3 fun size snickers", 45.0),
    ],
)
def test_a_candy_bar_counted_or_named_alone_is_the_regular_bar(
    line: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["grams"].iloc[0] == pytest.approx(grams)


def test_a_count_of_pieces_borrows_the_piece_of_the_same_food_cooked_otherwise(
    foods: FoodTable,
) -> None:
    # SR28 90240 steamed scallops has only "3 oz"; its FNDDS neighbour 26317130
    # (scallops, steamed or boiled) weighs "1 scallop" = 13 g
    rows = entries_of(["4 scallops"], foods)
    assert rows["food_id"].iloc[0] == "sr28:90240"
    assert rows["grams"].iloc[0] == pytest.approx(52.0)


def test_a_count_takes_an_alternate_that_weighs_one_item_over_a_group_median(
    foods: FoodTable,
) -> None:
    # SR28 15271 shrimp has no item weight (group median 57 g each); the alias's
    # FNDDS alternate 26319110 weighs one shrimp
    rows = entries_of(["12 prawns"], foods)
    assert rows["food_id"].iloc[0] == "fndds:26319110"
    assert rows["grams"].iloc[0] < 12 * 20


def test_a_volume_of_a_food_weighed_only_by_container_is_its_fndds_twins(
    foods: FoodTable,
) -> None:
    # SR28 19218 tapioca pudding has only oz and container rows; its FNDDS twin
    # 13230500 (same nutrients) weighs 1 cup = 260 g
    rows = entries_of(["1/2 cup tapioca pudding"], foods)
    assert rows["food_id"].iloc[0] == "sr28:19218"
    assert rows["grams"].iloc[0] == pytest.approx(130.0)


@pytest.mark.parametrize(
    ("line", "head"),
    [("cucumber sticks", "cucumber"), ("zucchini sticks", "zucchini"), ("mango chunks", "mango")],
)
def test_a_cut_of_produce_is_that_produce(line: str, head: str, matcher: Matcher) -> None:
    result = matcher.result(line)
    assert result.position is not None
    assert head in str(matcher.known.descriptions[result.position]).lower()


def test_a_brand_spelling_without_vowels_is_the_plain_food_unless_a_brand_is_named(
    matcher: Matcher,
) -> None:
    # "chikn" is spelt so only in MORNINGSTAR FARMS Chik'n descriptions
    assert matcher.reading("minced chikn").corrections == [("chikn", "chicken")]
    assert matcher.reading("morningstar chikn patty").corrections == []


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("vit D3 (1000 IU) + K2 (90 mcg)", {"vitamin_d_ug": 25.0}),
        ("D3 10k", {"vitamin_d_ug": 250.0}),
        ("vitamin d 2k iu", {"vitamin_d_ug": 50.0}),
    ],
)
def test_doses_in_brackets_or_in_thousands(line: str, want: dict[str, float]) -> None:
    got = detect_supplement(line)
    assert got.kind == "supplement"
    assert got.nutrients == pytest.approx(want)
