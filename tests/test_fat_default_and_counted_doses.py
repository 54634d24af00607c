"""FNDDS's row for fat not specified, doses counted after the dose, and words around a
food that name no food (a label misread as a food, a sport, a place, whom it was for).

Lines made up for these tests; grams and doses checked by hand against the FNDDS and
SR28 rows named beside them (``datasets/portions.csv``) and the labels' arithmetic.
"""

from __future__ import annotations

import pytest
from diary import analysed, one_entry, one_entry_of

from nutrilog.foods import load_foods
from nutrilog.matching.index import index_for
from nutrilog.matching.ranking import fuzzy
from nutrilog.quantity import parse_quantity
from nutrilog.supplements import detect_supplement

# --- a fried or baked food with no fat named -------------------------------------------


@pytest.fixture(scope="module")
def index():
    return index_for(load_foods())


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        # FNDDS codes "made with oil" for fat not specified ("NS as to fat"), and the
        # survey's coders take it when a respondent names no fat
        ("fried tilapia", "fndds:26158030"),  # Tilapia, coated, fried, made with oil
        ("fried perch", "fndds:26127140"),  # Perch, coated, fried, made with oil
        ("baked cod", "fndds:26109120"),  # Cod, baked or broiled, made with oil
    ],
)
def test_a_food_cooked_with_no_fat_named_is_fnddss_row_for_fat_not_specified(
    index, text: str, food_id: str
) -> None:
    best = fuzzy(index, text.split())[0][0]
    assert index.ids[best] == food_id


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        ("fried tilapia no added fat", "fndds:26158033"),  # the fat named: none
        ("tilapia fried in butter", "fndds:26158031"),  # made with butter
    ],
)
def test_a_fat_named_still_chooses_its_row(index, text: str, food_id: str) -> None:
    best = fuzzy(index, text.split())[0][0]
    assert index.ids[best] == food_id


def test_five_ounces_of_fried_tilapia_weigh_five_ounces() -> None:
    one_entry_of("5 oz fried tilapia", "fndds:26158030", 5 * 28.349523125)


# --- doses counted after the dose -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "nutrients"),
    [
        # a count of units before the name, one unit's dose after it, said to be each's
        ("2 mag glycinate 100mg each", {"magnesium_mg": 200.0}),
        ("2 magnesium 100mg each", {"magnesium_mg": 200.0}),
        # a count of units closing the line after the doses each holds (pastillas: tablets)
        ("potasio 99mg 3 pastillas", {"potassium_mg": 297.0}),
        # 2 x 315 mg calcium; 2 x 250 IU = 500 IU = 12.5 ug vitamin D
        ("calcium citrate 315mg + D3 250IU x2 tabs", {"calcium_mg": 630.0, "vitamin_d_ug": 12.5}),
        ("calcium citrate 315mg + D3 250iu, 2 tabs", {"calcium_mg": 630.0, "vitamin_d_ug": 12.5}),
        # Spanish con and y join two supplements as with and and do: 800 IU = 20 ug
        ("calcio 600mg con vitamina D 800 UI", {"calcium_mg": 600.0, "vitamin_d_ug": 20.0}),
        ("calcio 600mg y vitamina D 400 UI", {"calcium_mg": 600.0, "vitamin_d_ug": 10.0}),
    ],
)
def test_doses_counted_after_the_dose(line: str, nutrients: dict[str, float]) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == pytest.approx(nutrients)


@pytest.mark.parametrize(
    ("line", "nutrients"),
    [
        ("magnesium 2 tabs", {}),  # no dose written: unknown, never a guess
        ("2 bananas 100mg each", {}),  # a food, not a supplement
    ],
)
def test_counts_without_a_dose_stay_unknown(line: str, nutrients: dict[str, float]) -> None:
    assert detect_supplement(line).nutrients == nutrients


def test_the_each_dose_reaches_the_day() -> None:
    entries, rejected = analysed("2 mag glycinate 100mg each")
    assert rejected.empty
    assert entries["magnesium_mg"].tolist() == [200.0]


@pytest.mark.parametrize(
    "line",
    [
        "cúrcuma 500mg",  # Spanish turmeric: had been rejected as a dose with no food
        "kalonji oil 1 tsp",  # black seed oil by its Hindi and Urdu name
        "orsaline 1 packet",  # oral rehydration salts
    ],
)
def test_named_remedies_are_supplements_with_no_tracked_amount(line: str) -> None:
    entries, rejected = analysed(line)
    assert rejected.empty
    assert entries["kind"].tolist() == ["supplement"]
    assert entries[["magnesium_mg", "calcium_mg", "potassium_mg"]].isna().all(axis=None)


# --- words around a food that name none -------------------------------------------------


def test_a_shape_before_slices_is_no_measure_of_its_own() -> None:
    parsed = parse_quantity("2 square slices cheese pizza")
    assert (parsed.quantity, parsed.unit, parsed.food) == (2.0, "slice", "cheese pizza")
    # a square of chocolate is still a square
    assert parse_quantity("2 squares chocolate").unit == "square"


def test_a_label_no_food_is_written_with_is_no_food() -> None:
    # "porch" is a food only when misspelt (perch); SR28 watermelon 1 cup, diced = 152 g
    one_entry_of("porch - 2 cups watermelon", "sr28:09326", 304.0)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # the sport played after it (SR28 orange, 1 fruit 2-5/8" dia = 131 g)
        ("1 orange before cricket", "sr28:09200", 131.0),
        # where it was eaten: FNDDS marshmallow rice cereal bar, Quantity not specified
        ("a rice krispie bar at church", "fndds:53226500", None),
        # whom it was for (SR28 banana, FNDDS twin's 126 g)
        ("banana for Yusuf", "sr28:09040", 126.0),
    ],
)
def test_words_after_a_food_that_say_when_where_or_for_whom(
    line: str, food_id: str, grams: float | None
) -> None:
    row = one_entry(line)
    assert row["food_id"] == food_id
    if grams is not None:
        assert row["grams"] == pytest.approx(grams)


def test_a_word_an_alias_writes_is_no_slip_beside_a_chain() -> None:
    # "curly" is no USDA word but the alias "curly fries" writes it: not read as curry
    row = one_entry("jack in the box curly fries")
    assert row["food_id"] == "fndds:71401030"  # Potato, french fries, fast food


def test_a_chains_milkshake_is_fnddss_fast_food_shake() -> None:
    # "Milk shake, home recipe, chocolate" has a fast-food twin: a chain's is that one
    one_entry_of("Cook Out chocolate milkshake", "fndds:11542100", 405.0)
    assert one_entry("chocolate milkshake")["food_id"] == "fndds:11541110"


def test_milk_on_a_named_cereal_is_half_a_cup() -> None:
    entries, _ = analysed("frosted flakes w/ milk")
    milk = entries[entries["food_id"] == "fndds:11100000"]  # Milk, NFS: 1 cup = 244 g
    assert milk["grams"].tolist() == [pytest.approx(122.0)]


def test_a_handful_of_fries_is_a_loose_cup() -> None:
    # FNDDS french fries, cup = 60 g (not the 110 g small order)
    row = one_entry("handful of fries")
    assert row["grams"] == pytest.approx(60.0)


def test_a_restaurants_name_before_a_piece_is_no_food_of_its_own() -> None:
    # KFC's breast (SR28 21434, 1 breast = 175 g), not KFC's chicken and a second breast
    one_entry_of("kfc breast", "sr28:21434", 175.0)
    # a packaged brand alone is still a food beside another (Spam, then eggs)
    entries, _ = analysed("spam eggs")
    assert len(entries) == 2


def test_leche_on_cereal_is_half_a_cup() -> None:
    entries, _ = analysed("froot loops con leche")
    milk = entries[entries["food_id"] == "fndds:11100000"]  # Milk, NFS: 1 cup = 244 g
    assert milk["grams"].tolist() == [pytest.approx(122.0)]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # SR28 Skittles "package fun size" = 20 g; three packs, not three candies
        ("3 fun size skittles", "sr28:19370", 60.0),
        ("skittles fun size x3", "sr28:19370", 60.0),
        # SR28 Kit Kat "bar, miniature (.35 oz)" = 10 g: mini is USDA's miniature
        ("3 mini kit kats", "sr28:19109", 30.0),
    ],
)
def test_a_count_of_a_named_pack_size_is_of_that_pack(
    line: str, food_id: str, grams: float
) -> None:
    one_entry_of(line, food_id, grams)
