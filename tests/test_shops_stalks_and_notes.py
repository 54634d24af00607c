"""Shops and makers opening a line, sizes and stalks, work and symptom notes: the
nineteenth round's rules (issue 12). Lines made up here; weights checked against the
USDA portions they name."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable

# ------------------------------------------------------------------ makers and shops


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # an unknown shop's or maker's name opening the line is set aside
        ("brakebush rotisserie chicken breast", "fndds:24122171", 120.0),  # FNDDS 1 breast
        ("zebbys caramel corn 1 cup", "sr28:19039", 35.0),  # FNDDS caramel corn, 1 cup 35 g
        # 7-Eleven written with its number is the shop, not seven to eleven servings
        ("7-11 taquitos x2", "fndds:58104820", 2 * 72.0),  # FNDDS taquito, medium 72 g
        ("7-11 coffee 16oz", "sr28:14209", 16 * 29.6),  # SR28 brewed coffee, 1 fl oz 29.6 g
        ("snack @ 7-11: honey bun", "fndds:51160110", 90.0),  # FNDDS honey bun, QNS 90 g
    ],
)
def test_a_shop_or_maker_opening_the_line_is_set_aside(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)
    rows = entries_of_line(foods, line)
    if "7-11" not in line and "@" not in line:
        assert "maker's name the tables lack" in rows.iloc[0]["assumptions"]


@pytest.mark.parametrize("line", ["dragon fruit cup", "ackee fruit 1 cup", "tiger nuts 1 oz"])
def test_an_unknown_word_before_a_plants_kind_names_the_variety(
    foods: FoodTable, line: str
) -> None:
    # "dragon fruit" is no maker's fruit cup: the line stays unsure, not canned fruit
    rows = entries_of_line(foods, line)
    assert rows["food_id"].isna().all(), rows[["food_id", "description"]]


def test_a_clock_time_after_seven_eleven_stays_a_time(foods: FoodTable) -> None:
    assert "seveneleven" not in entries_of_line(foods, "7-11am oatmeal")["food"].astype(str).iloc[0]


# ------------------------------------------------------------------ sizes and stalks


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("fries md", "fndds:71401030", 145.0),  # FNDDS fast-food fries, medium 145 g
        ("frech fries md", "fndds:71401030", 145.0),  # and with a slip in french
        # a stalk of green onion is one onion (SR28 medium, 15 g); celery keeps its stalk
        ("grn onions 3 stalks", "sr28:11291", 3 * 15.0),
        ("2 stalks celery", "sr28:11143", 2 * 40.0),  # SR28 "1 stalk, medium" 40 g
    ],
)
def test_sizes_and_stalks(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


# ------------------------------------------------------------------ notes


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("double shift at the dock, 14 hrs", "double shift"),
        ("back locked up by noon", "locked up"),
    ],
)
def test_work_and_symptom_notes_are_no_food(line: str, cue: str) -> None:
    assert any(cue in r for r in rejected_reasons(line))


# ------------------------------------------------------------------ drinks


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a slice of lemon or lime in a drink is a garnish: left out, noted
        ("iced tea unsweetened w/ lemon 16 oz", "fndds:92308020", 16 * 30.0),  # FNDDS 30 g/fl oz
        ("club soda with lime 12 oz", "sr28:14121", 12 * 29.6),  # SR28 club soda 1 fl oz
        # a name the tables lack poured by the pint is a beer (SR28 beer, 1 fl oz 29.7 g)
        ("2 pints of murphys", "sr28:14003", 2 * 16 * 29.7),
        # whiskeys by name are FNDDS's whiskey, with its shot (42 g)
        ("2 shots crown royal", "fndds:93502000", 2 * 42.0),
        ("jameson 1 shot", "fndds:93502000", 42.0),
    ],
)
def test_drinks_garnishes_and_names(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_garnish_is_said(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "hot tea with a lemon wedge")
    assert len(rows) == 1
    assert "a garnish, too little to weigh" in rows.iloc[0]["assumptions"]


def test_lemon_beside_a_food_is_still_weighed(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "baked cod w/ lemon")
    assert "sr28:09150" in set(rows["food_id"])  # SR28 lemon, a food beside fish


def test_mac_nuts_are_macadamias(foods: FoodTable) -> None:
    # SR28 raw macadamias; a handful is FNDDS's 28 g
    lands_on(foods, "handful of mac nuts", "sr28:12131", 28.0)


# ------------------------------------------------------------------ plates


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # eggs in the plural with no count beside another food: two (SR28 scrambled,
        # 1 large = 61 g; FNDDS fried, NS as to fat, 1 egg = 55 g)
        ("scrambled eggs and hash browns", "sr28:01132", 2 * 61.0),
        ("bacon & eggs", "fndds:31105005", 2 * 55.0),
        # syrup on pancakes or waffles: FNDDS pancake syrup, quantity not specified (40 g)
        ("2 waffles w/ syrup", "fndds:91300100", 40.0),
        # mayonnaise beside any food: a tablespoon (SR28, 13.8 g)
        ("corn on the cob w/ mayo", "sr28:04025", 13.8),
        # toast on a plate of more foods keeps its one slice (FNDDS white toast, 25 g)
        ("fry up: egg, bacon, beans, toast", "fndds:51101010", 25.0),
        # and beans on toast alone is two slices
        ("beans on toast", "fndds:51101010", 50.0),
    ],
)
def test_plates(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    rows = entries_of_line(foods, line)
    mine = rows[rows["food_id"] == food_id]
    assert len(mine) == 1, rows[["food_id", "grams"]]
    assert mine.iloc[0]["grams"] == pytest.approx(grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a maker before a food named with capitals: each capitalised word is tried
        ("Zhukov Earl Grey, 1 cup", "sr28:14355", 237.0),  # SR28 brewed tea, 1 cup 237 g
        # a food said to come from the vending machine is that food
        ("Kit Kat from vending", "sr28:19109", 42.0),  # SR28 Kit Kat, 1 bar 42 g
        # Popeyes' spicy pieces are SR28's mild ones (only the mild recipe was analysed)
        ("1 popeyes spicy thigh", "sr28:21458", 138.0),  # SR28 "thigh with skin"
        ("2 popeyes spicy wings", "sr28:21459", 2 * 57.0),  # SR28 "wing, with skin" 57 g
    ],
)
def test_makers_places_and_recipes(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # an ordinal before a meal or a shift is part of the prefix, not a food's name
        ("2nd brekkie: 1 cup cornflakes", "sr28:08020", 28.0),  # SR28 corn flakes, 1 cup 28 g
        ("2nd shift break 11pm - 1 banana", "sr28:09040", 118.0),  # SR28 medium banana
    ],
)
def test_ordinals_in_prefixes(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        # a note's cue beside words of which no food is made (some of them food words
        # elsewhere: runs, round, squares) is a day note
        ("12hr shift - 3 runs to the depot", "shift"),
        ("round done, 9.5 miles", "mile"),
    ],
)
def test_notes_whose_words_make_no_food(line: str, cue: str) -> None:
    assert any(cue in r for r in rejected_reasons(line))


def test_a_note_before_a_food_keeps_the_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "after practice: turkey sandwich")
    assert "fndds:27540310" in set(rows["food_id"])  # FNDDS turkey sandwich


def test_a_word_of_the_alias_table_is_a_spelling_target(foods: FoodTable) -> None:
    # latke is one letter from latte, which is far more common: still a word of its own
    # (FNDDS potato pancake, 70 g each)
    lands_on(foods, "latkas x2", "fndds:71701000", 140.0)


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # hot before a drink is how it was served (SR28 sake; 6 fl oz at 29.1 g)
        ("hot sake 6oz", "sr28:43479", 174.6),
        # and hot cider is the US non-alcoholic apple cider (FNDDS, 1 cup 248 g)
        ("hot cider 1 cup", "fndds:64101010", 248.0),
        # pieces of a food whose serving is several of them: one medium item each
        # (FNDDS steamed dumpling, medium 37 g; its serving is 100 g)
        ("gyoza 6pcs", "fndds:58112510", 6 * 37.0),
    ],
)
def test_served_hot_and_pieces(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize("line", ["hot dog", "hot chocolate", "2 hot links"])
def test_hot_that_names_a_food_stays(foods: FoodTable, line: str) -> None:
    rows = entries_of_line(foods, line)
    assert "how the drink was served" not in str(rows.iloc[0]["assumptions"])


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("(Tom) soccer 5-6:30", "soccer"),
        ("hockey 6am", "hockey"),
        ("icy hot on lower back", "icy hot"),  # a rub on the skin, never eaten
    ],
)
def test_sports_and_rubs_are_no_food(line: str, cue: str) -> None:
    assert any(cue in r for r in rejected_reasons(line))


def test_a_sport_before_a_separator_keeps_the_food(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "after soccer: 1 banana")
    assert list(rows["food_id"]) == ["sr28:09040"]  # SR28 banana


def test_a_grocery_pickup_with_its_bill_is_no_food() -> None:
    assert any("purchase" in r for r in rejected_reasons("kroger pickup $96.40"))


def test_captain_and_coke_is_rum_and_cola(foods: FoodTable) -> None:
    lands_on(foods, "captain n coke", "fndds:93301190", 225.0)  # FNDDS rum and cola, 1 drink


def test_a_colour_in_run_together_words_is_no_glass_of_wine(foods: FoodTable) -> None:
    # "red" alone is red wine, but "2 red hot dogs" names franks, not 1.5 kg of wine
    rows = entries_of_line(foods, "2 red hot dogs")
    assert "sr28:14096" not in set(rows["food_id"])  # SR28 red table wine


def test_a_fast_day_is_no_food() -> None:
    assert any("fast sunday" in r for r in rejected_reasons("fast sunday - no bfast or lunch"))


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("4 oz hamburg", "fndds:21500100", 4 * 28.349523125),  # New England: ground beef, cooked
        ("cornbeef hash 1 c", "fndds:27211400", 220.0),  # FNDDS corned beef hash, 1 cup
        ("32oz ddp", "fndds:92410370", 32 * 30.0),  # FNDDS diet pepper-type soda, 30 g/fl oz
        ("chili heated", "fndds:27111410", 190.0),  # warmed: no word of the food
    ],
)
def test_regional_shorthand(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_baked_bean_brand_names_baked_beans(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "B&M beans 1 cup")
    assert rows.iloc[0]["description"].startswith("Beans, baked")


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # a burger of no chain: FNDDS's NFS sandwich with its medium patty on a bun
        ("cheeseburger", "fndds:27510155", 165.0),  # FNDDS cheeseburger NFS, 165 g
        ("2 hamburgers", "fndds:27510521", 2 * 145.0),  # FNDDS hamburger NFS, 145 g
    ],
)
def test_a_burger_of_no_chain(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


def test_kielbasa_is_fndds_polish_sausage(foods: FoodTable) -> None:
    # FNDDS Polish sausage lists kielbasa; 4 oz by weight
    lands_on(foods, "kielbasa 4oz", "fndds:25221310", 4 * 28.349523125)


def test_a_nutrients_name_beside_foods_is_no_note(foods: FoodTable) -> None:
    rows = entries_of_line(foods, "protein oats (1/2c dry oats + 1 scoop whey)")
    assert len(rows) == 2  # the oats and the whey, not a macro tally


def test_an_autocorrected_word_is_read_by_its_neighbour(foods: FoodTable) -> None:
    # "friend" is a word only a brand's name spells (KASHI GOOD FRIENDS) and never goes
    # with rice; one letter away, fried rice is a pair USDA writes (FNDDS, 1 cup 198 g)
    lands_on(foods, "friend rice 1 cup", "fndds:58150310", 198.0)
    # the brand's own name is left as it is
    lands_on(foods, "kashi good friends 1 cup", "sr28:08390", 53.0)  # SR28, 1 cup 53 g
