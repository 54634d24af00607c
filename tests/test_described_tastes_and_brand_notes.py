"""Words after a comma that only say how a food was, how hot or mild a food tasted, a
maker named in brackets as a brand, injuries and kitchen work said as notes, a purchase
with a price, a cutting chai, and a count of fries.

Lines made up for these tests; grams checked by hand against the SR28 and FNDDS rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.matching.not_food import not_food_reason
from nutrilog.matching.parts import described_after

# --- an amount after a comma, with words that only say how the food was -------------------


def test_a_drink_taken_black_after_its_amount_is_the_drink() -> None:
    # SR28 14209 brewed coffee, "cup (8 fl oz)" 237 g x 3; no black olives
    one_entry_of("coffee, 3 cups black", "sr28:14209", 711.0)


def test_eggs_counted_after_a_comma_are_counted_once() -> None:
    # SR28 01132 scrambled egg, "large" 61 g x 2: one row, not a fried egg beside it
    one_entry_of("eggs, 2 scrambled", "sr28:01132", 122.0)


def test_a_food_after_the_comma_stays_a_food_of_its_own() -> None:
    assert described_after("toast, 2 slices ham") == "toast, 2 slices ham"
    entries, _ = analysed("toast, 2 slices ham")
    assert len(entries) == 2


def test_words_after_a_comma_with_no_amount_are_left_alone() -> None:
    assert described_after("coffee, black") == "coffee, black"


def test_two_foods_before_the_comma_are_left_alone() -> None:
    # which of the two the words describe is not said
    assert described_after("rice and beans, 2 cups black") == "rice and beans, 2 cups black"


# --- how hot or mild a food tasted ----------------------------------------------------------


def test_a_spicy_food_is_the_food_its_other_words_name() -> None:
    row = one_entry("spicy hummus")
    assert row["description"].startswith("Hummus")


def test_mild_chips_are_potato_chips() -> None:
    # the alias 'chips' (SR28 19411 potato chips), not FNDDS rice chips
    row = one_entry("mild chips")
    assert row["food_id"] == "sr28:19411"


def test_a_spicy_veggie_burger_is_a_veggie_burger() -> None:
    row = one_entry("spicy veggie burger")
    assert row["food_id"] == "fndds:41811890"


# --- a maker named in brackets as a brand ---------------------------------------------------


def test_a_brand_in_brackets_is_left_out_and_said() -> None:
    # SR28 28286 frozen whole-wheat paratha, "piece" 79 g x 2
    row = one_entry("2 frozen parathas (Deep brand)")
    assert row["food_id"] == "sr28:28286"
    assert row["grams"] == pytest.approx(158.0)
    assert "brand (Deep brand)" in row["assumptions"]


def test_a_brand_named_first_in_brackets_is_left_out() -> None:
    row = one_entry("1 cup rice (brand: Lundberg)")
    assert "Lundberg" not in row["description"]
    assert "brand" in row["assumptions"]


def test_a_snack_makers_name_is_a_brand() -> None:
    # SR28 18170 fig bars, "individual package (2 oz package containing 2 3" bars)" 57 g
    row = one_entry("natures bakery fig bar, 1 pack")
    assert row["food_id"] == "sr28:18170"
    assert row["grams"] == pytest.approx(57.0)


# --- notes: an injury, heartburn, kitchen work, a purchase ----------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "burnt my forearm on the grill",
        "stubbed my toe on the pantry door",
        "sliced my thumb cutting onions",
        "acidity after the biryani",
        "prepped 4 sheet pans of potatoes for the party",
        "bought apples and juice boxes for practice $18.40",
    ],
)
def test_a_note_of_the_day_is_no_food(line: str) -> None:
    assert not_food_reason(line) is not None
    entries, _ = analysed(line)
    assert entries.empty


def test_a_food_for_a_part_of_the_body_stays_food() -> None:
    # "for my legs" says why, not an injury: FNDDS/SR28 tonic water is still drunk
    assert not_food_reason("8 oz tonic water for my legs") is None


# --- a cutting chai and a chai of no size ---------------------------------------------------


def test_a_cutting_chai_is_half_a_cup() -> None:
    # FNDDS 92306800 chai with milk, "fl oz" 30 g: 4 fl oz = 120 g each
    one_entry_of("cutting chai x2", "fndds:92306800", 240.0)


def test_a_counted_chai_is_an_8_fl_oz_cup() -> None:
    # 8 fl oz = 240 g each, not FNDDS's 480 g medium coffee-shop chai
    one_entry_of("chai x2", "fndds:92306800", 480.0)


# --- names from the diaries read this round -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # FNDDS 51300185 paratha, "paratha" 70 g x 2
        ("farata x2", "fndds:51300185", 140.0),
        # FNDDS 27146150 chicken curry, "cup" 240 g
        ("1 cup kari poulet", "fndds:27146150", 240.0),
        # FNDDS 11115100 buttermilk, low fat, "cup" 244 g x 2
        ("2 cups taak", "fndds:11115100", 488.0),
    ],
)
def test_names_read_this_round(line: str, food_id: str, grams: float) -> None:
    one_entry_of(line, food_id, grams)


# --- a food named before the plate its sides are listed on ----------------------------------


def test_the_main_before_a_plate_is_kept_with_its_sides() -> None:
    # FNDDS 58100800 cheese enchilada "enchilada, any size" 119 g; SR28 20045 rice, "cup"
    # 158 g / 2; SR28 16103 refried beans, "cup" 238 g / 2
    entries, rejected = analysed("cheese enchilada plate w/ 1/2 c rice & 1/2 c refried beans")
    assert rejected.empty
    assert list(entries["food_id"]) == ["fndds:58100800", "sr28:20045", "sr28:16103"]
    assert list(entries["grams"]) == pytest.approx([119.0, 79.0, 119.0])


@pytest.mark.parametrize(
    ("line", "foods"),
    [("dinner plate: chicken, rice, broccoli", 3), ("paper plate w/ chips and dip", 2)],
)
def test_a_plate_named_by_no_food_adds_none(line: str, foods: int) -> None:
    # the meal's plate and a paper plate hold the foods listed; neither is one of them
    entries, _ = analysed(line)
    assert len(entries) == foods


# --- a sheet of a thin bread, fuel bought, Mauritian Creole 'ek' ------------------------------


def test_a_sheet_of_a_bread_weighed_by_the_piece_is_a_piece() -> None:
    # SR28 35234 piki bread, "piece" 28 g x 2
    one_entry_of("2 sheets piki", "sr28:35234", 56.0)


def test_fuel_bought_is_a_purchase_but_a_gas_station_coffee_is_drunk() -> None:
    assert not_food_reason("gas $54.20 @ Shell") is not None
    assert not_food_reason("filled up at Holiday $52.10") is not None
    # SR28 14209 brewed coffee, 8 fl oz = 236.8 g (29.6 g a fl oz)
    one_entry_of("gas station coffee $2.50", "sr28:14209", 236.8)


def test_mauritian_ek_joins_two_foods() -> None:
    entries, _ = analysed("cari poisson ek diri")
    assert list(entries["food_id"]) == ["fndds:27150320", "sr28:20045"]


def test_a_plate_named_for_the_kind_its_list_names_has_no_main() -> None:
    # "cheese" names the brie's and the cheddar's kind: SR28 01006 brie and 01009 cheddar,
    # 1 oz each (28.35 g); no third, unnamed cheese
    entries, _ = analysed("cheese plate: 1 oz brie, 1 oz cheddar")
    assert list(entries["food_id"]) == ["sr28:01006", "sr28:01009"]
    assert list(entries["grams"]) == pytest.approx([28.35, 28.35], abs=0.01)


# --- additions to a hot drink and a soda maker's flavours ------------------------------------


def test_condensed_milk_in_tea_is_a_tablespoon_and_the_tea_a_cup() -> None:
    # SR28 14355 brewed tea, "cup" 237 g; SR28 01095 sweetened condensed milk, 1 tbsp =
    # half of its "fl oz" row (38.25 g)
    entries, _ = analysed("tea with condensed milk")
    assert list(entries["food_id"]) == ["sr28:14355", "sr28:01095"]
    assert list(entries["grams"]) == pytest.approx([237.0, 19.125])


def test_a_measured_sugar_makes_the_tea_a_cup() -> None:
    # "2 tsp sugar" is a measure of sugar; the tea is one cup, not FNDDS's 12 fl oz mug
    entries, _ = analysed("tea with 2 tsp sugar")
    assert entries.iloc[0]["grams"] == pytest.approx(237.0)
    assert entries.iloc[1]["grams"] == pytest.approx(8.4)  # SR28 19335, 1 tsp = 4.2 g


def test_a_soda_makers_flavour_is_its_soda() -> None:
    # FNDDS 92410510 fruit-flavoured soft drink, "fl oz" 31 g x 20; no oranges
    one_entry_of("Faygo orange 20oz", "fndds:92410510", 620.0)
