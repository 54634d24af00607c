"""A school's version of a food, a maker's name that a spelling fix would reach, a
verb in the past tense opening a note, pain said as a verb, a peg of spirits, an
amount said after what a dish is served with, whom a food was for, bread that a
salad is served on, and fish roe that is no caviar.

Lines made up for these tests; grams checked by hand against the SR28 and FNDDS rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.matching.entry import said_at_school
from nutrilog.matching.not_food import not_food_reason

# --- a school's own version of a food -----------------------------------------------------


def test_a_school_lunch_pizza_is_the_school_pizza() -> None:
    # FNDDS 58106570 Pizza with pepperoni, from school lunch, thin crust: "piece" 142 g
    row = one_entry("school lunch: pepperoni pizza")
    assert "from school lunch" in row["description"]
    assert row["grams"] == pytest.approx(142.0)
    assert "at school" in row["assumptions"]


def test_a_school_cheeseburger_is_the_cafeteria_one() -> None:
    # FNDDS 27510190 Cheeseburger, from school cafeteria: "cheeseburger" 100 g
    one_entry_of("lunch (school): cheeseburger", "fndds:27510190", 100.0)


def test_counted_school_nuggets_weigh_as_the_school_serves_them() -> None:
    # FNDDS 24198735 Chicken nuggets, from school lunch: "nugget" 16 g x 5
    one_entry_of("lunch @ school: 5 chicken nuggets", "fndds:24198735", 80.0)


def test_food_after_school_is_no_school_food() -> None:
    # at home after school: the restaurant pizza's slice (FNDDS 58106540, 124 g)
    row = one_entry("after school: 1 slice pepperoni pizza")
    assert "school" not in row["description"]
    assert said_at_school("after school: 1 slice pepperoni pizza") is False


def test_a_food_with_no_school_version_stays_itself() -> None:
    row = one_entry("school lunch: 1 banana")
    assert row["description"].startswith("Banana")


# --- a maker's name a spelling fix would reach --------------------------------------------


def test_a_capitalised_maker_close_to_a_known_word_is_set_aside() -> None:
    # 'Boren' is one letter from a brand word; written with a capital before a food the
    # tables name, it is the maker: SR28 09016 apple juice, "1 cup" 248 g
    row = one_entry("Boren apple juice 1 cup")
    assert row["food_id"] == "sr28:09016"
    assert row["grams"] == pytest.approx(248.0)
    assert "Boren" in row["assumptions"]


def test_a_capitalised_maker_before_one_food_word_is_set_aside() -> None:
    # FNDDS 53251100 Cookie, rugelach: "cookie" 23 g x 2
    row = one_entry("Hamel rugelach 2")
    assert row["food_id"] == "fndds:53251100"
    assert row["grams"] == pytest.approx(46.0)


def test_a_capitalised_misspelt_food_word_is_still_the_food() -> None:
    row = one_entry("Brocoli cheddar soup")
    assert "Broccoli" in row["description"]


# --- a verb in the past tense opening a note ----------------------------------------------


@pytest.mark.parametrize(
    "line", ["repainted the garage door", "waxed the truck", "regrouted the shower"]
)
def test_a_line_opening_on_an_unknown_past_verb_is_no_food(line: str) -> None:
    entries, rejected = analysed(line)
    assert entries.empty
    assert list(rejected["reason"]) == [f"not a food entry (activity: {line.split()[0]!r})"]


@pytest.mark.parametrize(
    "line, word",
    [
        ("smothered pork chop", "Pork"),
        ("fryed shrimp 10", "shrimp"),
        ("blackened catfish", "catfish"),
    ],
)
def test_a_cooked_food_opening_on_a_past_form_stays_food(line: str, word: str) -> None:
    entries, _ = analysed(line)
    assert word.lower() in entries.iloc[0]["description"].lower()


# --- pain said as a verb ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "left knee hurts",
        "shoulder hurting after practice",
        "neck killing me",
        "energy crash at 3pm",
    ],
)
def test_pain_said_as_a_verb_is_a_symptom_note(line: str) -> None:
    assert "symptom" in str(not_food_reason(line))


# --- a peg of spirits ---------------------------------------------------------------------


def test_a_peg_is_thirty_millilitres() -> None:
    # FNDDS 93504000 Rum: "fl oz" 28 g; 30 ml = 30 / 29.5735 fl oz = 28.40 g
    one_entry_of("1 peg rum", "fndds:93504000", 28.0 * 30 / 29.5735295625)


def test_pegs_count() -> None:
    row = one_entry("2 pegs rum")
    assert row["grams"] == pytest.approx(2 * 28.0 * 30 / 29.5735295625)


# --- an amount after what a dish is served with -------------------------------------------


def test_cups_written_c_after_the_additions_are_the_dish_amount() -> None:
    # FNDDS 27111410 Chili con carne with beans: "cup" 254 g x 2
    entries, _ = analysed("chili w/ beans and cheese 2 c")
    chili = entries[entries["food_id"] == "fndds:27111410"]
    assert len(chili) == 1
    assert chili.iloc[0]["grams"] == pytest.approx(508.0)


# --- whom a food was for ------------------------------------------------------------------


def test_a_family_word_in_a_line_is_whom_it_was_for() -> None:
    # "pops" (father) is no ice pop or soda pop: FNDDS 14640100 Grilled cheese, 116 g
    one_entry_of("pops had a grilled cheese", "fndds:14640100", 116.0)


# --- bread a salad is served on -----------------------------------------------------------


def test_a_salad_on_challah_is_the_salad_and_the_bread() -> None:
    entries, _ = analysed("chicken salad on challah")
    described = " | ".join(entries["description"])
    assert len(entries) == 2
    assert "salad" in described and "Bread, egg" in described


# --- fish roe is no caviar ----------------------------------------------------------------


def test_salmon_roe_is_roe_not_caviar() -> None:
    # SR28 15072 Fish, roe, mixed species, raw: "1 tbsp" 14 g x 2; caviar (SR28 15012)
    # holds 300 mg magnesium per 100 g, roe 20
    row = one_entry("2 tbsp salmon roe")
    assert row["food_id"] == "sr28:15072"
    assert row["grams"] == pytest.approx(28.0)
    assert row["magnesium_mg"] == pytest.approx(5.6)


# --- an item's number on a menu, and a fast-food meal ---------------------------------------


def test_a_menu_number_is_no_count() -> None:
    # FNDDS 27560910 Cold cut submarine sandwich, with cheese, lettuce, tomato and spread:
    # "6 inch sub" 260 g, once; "#13" had been thirteen subs (3,380 g)
    row = one_entry("Zeppo's #13 sub")
    assert row["food_id"] == "fndds:27560910"
    assert row["grams"] == pytest.approx(260.0)
    assert "menu number #13" in row["assumptions"]


def test_a_number_sign_before_a_can_size_is_left_alone() -> None:
    from nutrilog.matching.prefixes import MENU_NUMBER

    assert MENU_NUMBER.search("1 #10 can of beans") is None
    assert MENU_NUMBER.search("combo #3 burger") is not None


def test_a_fast_food_meal_is_its_item_and_says_the_sides_are_not_counted() -> None:
    # SR28 21237 McDONALD'S, BIG MAC: "1 item" 219 g
    row = one_entry("big mac meal")
    assert row["food_id"] == "sr28:21237"
    assert row["grams"] == pytest.approx(219.0)
    assert "sides and drink are not said" in row["assumptions"]


def test_a_food_named_with_meal_stays_that_food() -> None:
    # SR28 18236 Cracker meal: "1 cup" 115 g x 0.25
    one_entry_of("cracker meal 1/4 cup", "sr28:18236", 28.75)


# --- a coffee named in another language is a cup ------------------------------------------


def test_a_cafe_with_no_amount_is_one_eight_ounce_cup() -> None:
    # SR28 14209 coffee, brewed: "1 fl oz" 29.6 g x 8
    one_entry_of("un cafe", "sr28:14209", 236.8)
