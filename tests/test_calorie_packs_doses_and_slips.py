"""A pack named by its calories, a dose after a bare count, a food after a note of baby
care, a place with a number before a meal's separator, preparation words that never
carry a match, slips of one vowel or of a name's second word, and counted items whose
size a name says.

Lines made up for these tests; grams checked by hand against the FNDDS and SR28 rows
named beside them (``datasets/portions.csv``).
"""

from __future__ import annotations

from functools import cache

import pytest
from diary import analysed, one_entry, one_entry_of, rejected_reasons

import nutrilog as nl
from nutrilog.foods import load_foods
from nutrilog.matching.entry import understand
from nutrilog.matching.match import Matcher, key_of
from nutrilog.quantity import parse_quantity

# --- a pack named by its calories ------------------------------------------------------


def test_a_calorie_pack_is_one_pack_not_a_hundred_of_the_food() -> None:
    parsed = parse_quantity("cheddar crackers 100 cal pack")
    assert (parsed.quantity, parsed.unit, parsed.unit_kind) == (1.0, "packet", "count")
    assert "100 calorie" in parsed.note
    assert "cal" not in parsed.food.split()


def test_a_count_of_calorie_packs_keeps_its_count() -> None:
    parsed = parse_quantity("2 goldfish 100-calorie packs")
    assert (parsed.quantity, parsed.unit) == (2.0, "packet")
    assert parsed.food == "goldfish"


def test_the_calorie_pack_weighs_what_fndds_weighs_it_and_a_plain_pack_does_not() -> None:
    # FNDDS 54304020 Goldfish: "100 calorie package" 21 g; "small or medium single
    # serving bag" 45 g. Both lines in one log, so that neither borrows the other's answer.
    log = nl.parse_entries(["goldfish 100 calorie pack", "goldfish 1 pack"], date="2026-11-02")
    result = nl.analyze(log, nl.Profile(age=30, sex="female"), min_day_kcal=0)
    grams = result.entries.set_index("line")["grams"]
    assert result.entries["food_id"].eq("fndds:54304020").all()
    assert grams[1] == pytest.approx(21.0)
    assert grams[2] == pytest.approx(45.0)


# --- a dose after a bare count ---------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["one D3 softgel, 2000IU", "1 vit D softgel 2000 IU", "one D3 2000IU"]
)
def test_a_bare_count_of_a_dose_form_takes_the_dose_written_after_it(line: str) -> None:
    row = one_entry(line)
    assert row["kind"] == "supplement"
    assert row["vitamin_d_ug"] == pytest.approx(50.0)  # 2000 IU / 40 IU per ug


def test_two_softgels_of_a_label_dose_are_twice_the_dose() -> None:
    row = one_entry("2 mag glycinate caps 120mg")
    assert row["magnesium_mg"] == pytest.approx(240.0)


def test_a_candy_named_by_a_dose_form_keeps_its_count_and_weight_apart() -> None:
    parsed = parse_quantity("2 gummy bears 40g")
    assert parsed.quantity == 2.0  # not 2 x 40 g
    assert parsed.unit is None


# --- notes and places before a food -------------------------------------------------------


def test_a_counted_food_after_a_baby_care_note_is_eaten() -> None:
    entries, rejected = analysed("pumping break - 3 oatmeal cookies")
    assert rejected.empty
    assert len(entries) == 1 and entries.iloc[0]["kind"] == "food"
    assert entries.iloc[0]["quantity"] == 3.0


@pytest.mark.parametrize("line", ["tournament - 3 games", "gym - 3 sets squats"])
def test_a_count_of_no_food_after_a_note_stays_a_note(line: str) -> None:
    assert not rejected_reasons(line).empty


def test_a_place_whose_name_opens_with_a_number_is_part_of_the_prefix() -> None:
    read = understand("dinner @ 85 Degrees bakery - 1 cup beef chow mein", _matcher())
    assert read.meal == "dinner"
    assert [p.text for p in read.parts] == ["1 cup beef chow mein"]


def test_a_count_of_people_after_with_is_part_of_the_prefix() -> None:
    read = understand("lunch w/ 2 coworkers: 1 banana", _matcher())
    assert (read.meal, [p.text for p in read.parts]) == ("lunch", ["1 banana"])


# --- preparation words never carry a match ------------------------------------------------


@pytest.mark.parametrize("text", ["zorbly stir fried", "quexo stir-fried"])
def test_an_unknown_food_stir_fried_is_no_stir_fried_mushroom(text: str) -> None:
    found = _matcher().result(key_of(text))
    assert found.position is None


def test_a_stir_fry_with_its_food_named_still_matches() -> None:
    row = one_entry("beef stir fry 1 cup")
    assert "stir fried beef" in row["description"].lower()


# --- slips ----------------------------------------------------------------------------------


def test_one_vowel_for_another_is_the_slip_read_first() -> None:
    # "bulgar" and "burger" are both one letter from "bulger"; SR28 20013 bulgur,
    # cooked: 1 cup = 182 g
    one_entry_of("1 cup bulger", "sr28:20013", 182.0)


def test_a_slip_in_the_word_after_a_container_keeps_the_name_whole() -> None:
    # FNDDS 58111110 pot sticker: "pot sticker" 30 g each
    one_entry_of("5 pot stikers", "fndds:58111110", 150.0)


# --- items counted by the size their name says ------------------------------------------


def test_counted_dried_shiitake_weigh_as_dried_mushrooms() -> None:
    one_entry_of("5 dried shiitake mushrooms", "sr28:11268", 18.0)  # SR28: 1 mushroom 3.6 g


def test_soup_dumplings_are_small_steamed_dumplings() -> None:
    # FNDDS 58112510 steamed dumpling: small 21 g (medium 37 g)
    one_entry_of("8 xiao long bao", "fndds:58112510", 168.0)


def test_counted_dolma_are_meat_and_rice_rolls() -> None:
    # FNDDS 27315270 stuffed grape leaves with beef and rice: roll 21 g
    one_entry_of("5 dolma", "fndds:27315270", 105.0)


def test_milk_in_a_brand_of_instant_coffee_is_a_splash() -> None:
    entries, _ = analysed("nescafe w milk")
    milk = entries[entries["food_id"] == "fndds:11100000"]
    assert milk["grams"].tolist() == pytest.approx([30.5])  # 2 tbsp of FNDDS milk NFS


def test_molokhia_is_cooked_jute_leaves() -> None:
    one_entry_of("1 cup molokhia", "sr28:11232", 87.0)  # SR28 jute potherb, 1 cup 87 g


@cache
def _matcher() -> Matcher:
    return Matcher(load_foods())


# --- how a counted food was cut, a bird's cut, a soup's filling ---------------------------


@pytest.mark.parametrize(
    "line", ["2 apples (slices)", "2 apples (in wedges)", "2 apples, in slices"]
)
def test_a_counted_fruit_cut_up_is_still_the_whole_fruits(line: str) -> None:
    one_entry_of(line, "sr28:09003", 364.0)  # SR28 apple, medium 182 g each


def test_a_cut_counted_after_its_bird_is_that_cut() -> None:
    # FNDDS 24152300 rotisserie chicken thigh: "thigh, NS as to size" 80 g; no whole
    # chicken beside it
    one_entry_of("costco rotisserie chicken, 2 thighs", "fndds:24152300", 160.0)


def test_chicken_breasts_weigh_the_same_each_however_many() -> None:
    # FNDDS 24122131 baked chicken breast, skin not eaten: medium breast 120 g
    one_entry_of("1 chicken breast", "fndds:24122131", 120.0)
    one_entry_of("3 chicken breasts", "fndds:24122131", 360.0)


def test_what_a_soup_is_written_with_is_in_the_soup_when_the_tables_name_it() -> None:
    # FNDDS 58404010 chicken or turkey rice soup; no cup of rice beside it
    entries, _ = analysed("chicken soup w rice")
    assert entries["food_id"].tolist() == ["fndds:58404010"]


def test_a_soup_with_a_side_keeps_the_side() -> None:
    entries, _ = analysed("tomato soup with grilled cheese")
    assert len(entries) == 2


def test_a_yogurt_tube_is_one_tube() -> None:
    one_entry_of("2 go-gurts", "fndds:11432000", 128.0)  # FNDDS: tube 64 g


def test_a_cooked_vegetable_never_takes_a_raw_ones_garnish_as_its_default() -> None:
    # SR28 11969 Chinese broccoli, cooked, had borrowed the 18 g default of FNDDS raw
    # Chinese broccoli (a garnish's amount)
    row = one_entry("gai lan")
    assert row["food_id"] == "sr28:11969"
    assert row["grams"] > 40.0


@pytest.mark.parametrize(
    "line", ["bone density scan at 2pm", "mri - knee", "flu shot at walgreens"]
)
def test_a_medical_test_or_visit_is_a_note(line: str) -> None:
    assert rejected_reasons(line).str.contains("not a food entry").all()
