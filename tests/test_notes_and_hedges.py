"""Classes of diary lines recognition must hold on (issue 12, sixth round, continued).

Lines made up here for rules: context and occasions before a meal, notes of pregnancy
and nursing, four-letter typos with a vowel changed, a correction the food table knows
before one only the synonym table knows, dishes described as made with something,
hedged amounts after a comma, descriptions written out with commas, aliases that agree
when one word is dropped, more supplements, and foods weighed by an alternate's unit.
"""

from __future__ import annotations

import pytest
from diary import entries_of

import nutrilog as nl
from nutrilog.foods import FoodTable
from nutrilog.matching.entry import strip_prefix
from nutrilog.supplements import detect_supplement

# --------------------------------------------------------------------------- prefixes


@pytest.mark.parametrize(
    ("line", "rest", "meal"),
    [
        ("Wk 30 lunch - 1 cup minestrone", "1 cup minestrone", "Wk 30 lunch"),
        ("post-nursing snack 1 oz almonds", "1 oz almonds", "post-nursing snack"),
        ("after pumping: 1/4 cup sunflower seeds", "1/4 cup sunflower seeds", "after pumping"),
        ("night feed: 2 biscuits", "2 biscuits", "night feed"),
    ],
)
def test_context_and_occasions_before_a_meal_are_prefixes(line: str, rest: str, meal: str) -> None:
    assert strip_prefix(line)[:2] == (rest, meal)


@pytest.mark.parametrize("line", ["protein snack 1 bar", "after dinner mint"])
def test_food_words_before_a_meal_word_stay_food(line: str) -> None:
    assert strip_prefix(line)[0] == line


@pytest.mark.parametrize("line", ["nursed 20 min L side", "pumped 4 oz", "kick count 10 in 1 hr"])
def test_nursing_and_pregnancy_notes_are_no_food(line: str) -> None:
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=30, sex="female"), min_day_kcal=0)
    assert result.entries.empty
    assert result.rejected["reason"].str.startswith("not a food entry").all()


# --------------------------------------------------------------------------- spelling


@pytest.mark.parametrize(
    ("line", "food_id", "corrected"),
    [
        ("1/2 cup tofo", "sr28:16426", "spelling: tofo → tofu"),  # firm tofu, calcium sulfate
        ("1 cup split pea soop", "fndds:41602050", "spelling: soop → soup"),  # Split pea soup
        ("1 tbs cashew buttr", "sr28:12088", "spelling: buttr → butter"),  # Cashew butter
    ],
)
def test_short_and_dropped_letter_typos_land_on_the_food(
    line: str, food_id: str, corrected: str, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]
    assert corrected in rows["assumptions"].iloc[0]


def test_a_homophone_of_peas_is_peas(foods: FoodTable) -> None:
    rows = entries_of(["1 cup black eyed pees"], foods)
    assert rows["food_id"].tolist() == ["sr28:16063"]  # Cowpeas (blackeyes), cooked
    assert rows["grams"].iloc[0] == pytest.approx(171.0)  # SR28: 1 cup


# --------------------------------------------------------------------------- compounds


def test_a_food_made_with_something_is_that_food(foods: FoodTable) -> None:
    rows = entries_of(["12 oz mango banana smoothie made w/ milk"], foods)
    assert rows["food_id"].tolist() == ["fndds:11553100"]  # Fruit smoothie, NFS
    assert rows["assumptions"].str.contains("made with").all()


def test_aliases_that_agree_without_one_word_name_the_food(foods: FoodTable) -> None:
    rows = entries_of(["mango banana smoothie"], foods)
    assert rows["food_id"].tolist() == ["fndds:11553100"]
    assert "name the same food" in rows["assumptions"].iloc[0]


def test_a_hedged_amount_after_a_comma_is_the_foods(foods: FoodTable) -> None:
    rows = entries_of(["honey, just a little", "rice, about 1 cup"], foods)
    assert rows["food_id"].tolist() == ["sr28:19296", "sr28:20045"]  # Honey; white rice
    assert rows["grams"].iloc[1] == pytest.approx(158.0)  # SR28 cooked white rice: 1 cup


def test_a_description_written_out_with_a_preparation_part_stays_whole(
    foods: FoodTable,
) -> None:
    rows = entries_of(["Beans, kidney, cooked"], foods)
    assert len(rows) == 1
    assert rows["description"].iloc[0].startswith("Beans, kidney")


def test_a_spread_in_a_pita_takes_two_tablespoons(foods: FoodTable) -> None:
    rows = entries_of(["falafel pita w/ hummus"], foods)
    hummus = rows[rows["description"].str.startswith("Hummus")]
    assert hummus["grams"].tolist() == pytest.approx([30.0])  # SR28 hummus: 1 tbsp = 15 g


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("1 cup moong dal", "sr28:16081", 202.0),  # Mung beans, cooked: 1 cup
        ("1 cup toor dal", "sr28:16102", 168.0),  # Pigeon peas, cooked: 1 cup
        ("1 cup tinned chickpeas", "fndds:41302080", 180.0),  # FNDDS canned chickpeas: cup
        ("1 can chickpeas", "sr28:16358", 253.0),  # SR28 canned chickpeas: can drained
        ("1/4 cup sunflower seeds", "sr28:12037", 32.0),  # dry roasted kernels: cup 128 g
        ("1 cup porridge", "sr28:08121", 234.0),  # oats cooked with water: 1 cup
        # FNDDS Burrito with beans, meatless: burrito, NS as to size 285 g
        ("bean and cheese burrito", "fndds:58100320", 285.0),
        ("frozen bean and cheese burrito", "sr28:22918", 129.0),  # SR28: 1 burrito
    ],
)
def test_named_foods_and_their_units(
    line: str, food_id: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]
    assert rows["grams"].iloc[0] == pytest.approx(grams)


def test_aquafaba_is_a_food_usda_lacks(foods: FoodTable) -> None:
    rows = entries_of(["2 tbsp aquafaba"], foods)
    assert rows["food_id"].isna().all()


@pytest.mark.parametrize("line", ["DHA 200 mg", "EPA/DHA 500mg", "choline 450 mg", "vit b6 25mg"])
def test_other_supplements_are_supplements(line: str) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {}


# --------------------------------------------------------------------------- counts


def test_a_count_of_bars_a_package_holds_is_its_share_of_the_package(foods: FoodTable) -> None:
    rows = entries_of(["2 fig bars"], foods)
    assert rows["food_id"].tolist() == ["sr28:18170"]  # Cookies, fig bars
    # SR28: individual package (2 oz package containing 2 3" bars) = 57 g, so a bar is 28.5 g
    assert rows["grams"].iloc[0] == pytest.approx(57.0)
    assert rows["portion"].iloc[0].startswith("1/2 of 1 individual package")


def test_a_count_of_patties_takes_the_patty(foods: FoodTable) -> None:
    rows = entries_of(["2 falafel"], foods)
    assert rows["food_id"].tolist() == ["fndds:41209000"]  # Falafel
    assert rows["grams"].iloc[0] == pytest.approx(34.0)  # FNDDS: 1 patty = 17 g


# --------------------------------------------------------------------------- more lines


@pytest.mark.parametrize(
    ("line", "calcium", "vitamin_d"),
    [
        ("Citracal 2 caplets (315mg calcium + 250 IU D3 each)", 630.0, 12.5),
        ("calcium + D gummies, 2 (250 mg Ca / 400 IU per gummy)", 500.0, 20.0),
        ("calcium + D gummies (250 mg Ca / 400 IU)", 250.0, 10.0),
    ],
)
def test_doses_stated_for_each_unit_are_multiplied_by_the_count(
    line: str, calcium: float, vitamin_d: float
) -> None:
    found = detect_supplement(line)
    assert found.nutrients == {
        "calcium_mg": pytest.approx(calcium),
        "vitamin_d_ug": pytest.approx(vitamin_d),  # 40 IU = 1 µg
    }


@pytest.mark.parametrize("line", ["vitamin D 250 mg", "B12 1000 mg"])
def test_a_vitamin_dose_beyond_any_product_stays_unknown(line: str) -> None:
    found = detect_supplement(line)
    assert found.kind == "supplement"
    assert found.nutrients == {}
    assert "beyond any product" in str(found.note)


def test_a_name_only_one_food_gives_is_that_food(foods: FoodTable) -> None:
    # FNDDS: Cake made with glutinous rice ("Japanese rice cake Mochi"), not a cafe mocha
    # (an alias since this round); a name only one food holds still finds that food
    rows = entries_of(["3 mochi", "1 cup tetrazzini"], foods)
    assert rows["food_id"].tolist() == ["fndds:55701000", "fndds:27242350"]
    assert "names this food alone" in rows["assumptions"].iloc[1]  # Chicken or turkey tetrazzini


def test_a_brand_with_words_around_it_is_its_generic_food(foods: FoodTable) -> None:
    rows = entries_of(["mug of hot ovaltine"], foods)
    assert rows["food_id"].tolist() == ["fndds:11526000"]  # Milk, malted (not herbal tea)


def test_a_meal_named_after_the_food_is_its_meal(foods: FoodTable) -> None:
    assert strip_prefix("chocolate milk carton at lunch")[:2] == ("chocolate milk carton", "lunch")
    rows = entries_of(["ice cream for dessert"], foods)
    assert rows["description"].iloc[0].startswith("Ice creams")


def test_a_food_word_that_is_also_a_store_name_stays_a_food(foods: FoodTable) -> None:
    rows = entries_of(["1 cup raw bean sprouts"], foods)
    assert rows["food_id"].tolist() == ["sr28:11043"]  # Mung beans, sprouted, raw
    assert rows["grams"].iloc[0] == pytest.approx(104.0)  # SR28: 1 cup


@pytest.mark.parametrize(
    ("line", "rest", "meal"),
    [
        ("[pre-practice] clif bar", "clif bar", "pre-practice"),
        ("after school -> 15 edamame pods", "15 edamame pods", "after school"),
    ],
)
def test_tags_in_brackets_and_arrows_end_a_prefix(line: str, rest: str, meal: str) -> None:
    assert strip_prefix(line)[:2] == (rest, meal)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("10 nori sheets", "sr28:11446", 26.0),  # SR28 laver: 10 sheets = 26 g
        ("15 edamame pods", "fndds:41420020", 30.0),  # FNDDS edamame: 1 pod yields 2 g
        ("6 steamed pork dumplings", "fndds:58112510", 222.0),  # 1 dumpling = 37 g
        ("2 cups chicken congee", "fndds:58157300", 498.0),  # congee with meat: 1 cup 249 g
    ],
)
def test_a_count_unit_after_the_food_is_no_food_word(
    line: str, food_id: str, grams: float, foods: FoodTable
) -> None:
    rows = entries_of([line], foods)
    assert rows["food_id"].tolist() == [food_id]
    assert rows["grams"].iloc[0] == pytest.approx(grams)


@pytest.mark.parametrize("line", ["=SUM(A1:A2)", '+HYPERLINK("x")', "@A1", "B2:B9"])
def test_a_spreadsheet_formula_is_no_food(line: str) -> None:
    log = nl.parse_entries([line], date="2026-11-20")
    result = nl.analyze(log, nl.Profile(age=40, sex="male"), min_day_kcal=0)
    assert result.entries.empty  # "A1" is also a steak sauce: the formula had become one
    assert result.rejected["reason"].tolist() == ["not a food entry (spreadsheet formula)"]


def test_a_steak_sauce_named_a1_is_still_food(foods: FoodTable) -> None:
    rows = entries_of(["1 tbsp A1 steak sauce"], foods)
    assert rows["description"].iloc[0].startswith("Sauce, steak")
