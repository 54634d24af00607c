"""Sandwiches named by their fillings, the milk said after a coffee-shop drink, when a
supplement is taken, day notes of shifts, hangovers and weights in stone, bites and
misspelt pieces (issue 12, fourteenth round). Lines made up here."""

from __future__ import annotations

import pytest
from diary import entries_of_line

from nutrilog.foods import FoodTable
from nutrilog.matching.match import Matcher
from nutrilog.matching.not_food import not_food_reason, tally_cue
from nutrilog.matching.parts import milk_said_after
from nutrilog.matching.sandwiches import filled_bread
from nutrilog.quantity import parse_quantity
from nutrilog.supplements.detect import detect_supplement

# ------------------------------------------------------------------ sandwiches


@pytest.fixture(scope="module")
def matcher(foods: FoodTable) -> Matcher:
    return Matcher(foods)


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("salami n swiss sandwich", ("2 slices bread", "salami", "swiss")),
        ("chicken avocado wrap", ("1 large flour tortilla", "chicken", "avocado")),
        ("salami & provolone hero", ("1 hoagie roll", "salami", "provolone")),
        ("bacon, egg and cheese on a kaiser", ("1 kaiser roll", "bacon", "egg", "cheese")),
        ("turkey and cheddar on sourdough", ("2 slices sourdough bread", "turkey", "cheddar")),
        ("ham cheese tomato toastie", ("2 slices toast", "ham", "cheese", "tomato")),
    ],
)
def test_a_sandwich_named_by_its_fillings_is_its_bread_and_each_filling(
    matcher: Matcher, line: str, read: tuple[str, ...]
) -> None:
    found = filled_bread(line, matcher)
    assert found is not None
    assert (found.bread, *found.fillings) == read


@pytest.mark.parametrize(
    "line",
    [
        "ham and cheese sandwich",  # USDA's own dish
        "ham n swiss sandwich",  # an alias of it
        "turkey sandwich",  # one filling: the dish
        "2 ham and cheese sandwiches",  # counted dishes stay whole
        "ham and swiss",  # no bread named
        "zorbleflap and cheese sandwich",  # a word that names no food
    ],
)
def test_dishes_single_fillings_and_unknown_words_are_no_filled_bread(
    matcher: Matcher, line: str
) -> None:
    assert filled_bread(line, matcher) is None


def test_fillings_are_weighed_as_those_of_one_sandwich(foods: FoodTable) -> None:
    # pb had been a default portion beside a sandwich cookie; banana a whole one
    e = entries_of_line(foods, "pb & banana sandwich")
    grams = dict(zip(e["description"].str.split(",").str[0], e["grams"], strict=True))
    assert grams["Bread"] == pytest.approx(58.0)  # two slices of white bread
    assert grams["Peanut butter"] == pytest.approx(32.0)  # FNDDS per sandwich
    assert grams["Bananas"] == pytest.approx(59.0)  # half of a 118 g banana


def test_deli_meat_in_a_wrap_is_two_ounces(foods: FoodTable) -> None:
    e = entries_of_line(foods, "turkey avocado wrap")
    assert len(e) == 3
    turkey = e[e["description"].str.startswith("Turkey")]
    assert turkey["grams"].iloc[0] == pytest.approx(56.7, abs=0.1)


# ------------------------------------------------------------------ coffee-shop drinks


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("12oz latte, oat", "12oz oat milk latte"),
        ("flat white, skim milk", "skim milk flat white"),
        ("coffee, black", "coffee black"),
        ("latte, banana", "latte, banana"),  # a food after it stays a food
    ],
)
def test_a_milk_said_after_a_coffee_drink_is_its_own(line: str, read: str) -> None:
    assert milk_said_after(line) == read


def test_a_cappuccino_with_its_milk_after_a_comma_is_one_drink(foods: FoodTable) -> None:
    # had been a cappuccino and two tablespoons of milk beside it
    e = entries_of_line(foods, "grande cappuccino, skim")
    assert len(e) == 1
    assert e["description"].iloc[0].startswith("Coffee, Cappuccino")


def test_black_after_a_coffee_is_no_food(foods: FoodTable) -> None:
    # "black" alone had become black bread
    e = entries_of_line(foods, "large coffee, black")
    assert len(e) == 1
    assert "coffee" in e["description"].iloc[0].lower()
    assert not e["description"].str.contains("Bread").any()


# ------------------------------------------------------------------ supplements


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("magnesium before bed", "magnesium_mg"),
        ("took my calcium", "calcium_mg"),
        ("vit d with breakfast", "vitamin_d_ug"),
        ("potassium at night", "potassium_mg"),
    ],
)
def test_when_a_supplement_is_taken_is_no_food(line: str, column: str) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert column in (info.assumption or "").lower().replace(" ", "_") or info.nutrients == {}


def test_a_dose_is_read_before_when_it_is_taken() -> None:
    assert detect_supplement("Mg citrate 250mg after dinner").nutrients == {"magnesium_mg": 250.0}


def test_calcium_with_dinner_is_no_fortified_milk(foods: FoodTable) -> None:
    e = entries_of_line(foods, "calcium with dinner")
    assert e["kind"].tolist() == ["supplement"]
    assert e["food_id"].isna().all()


def test_a_fortified_food_with_a_meal_stays_food() -> None:
    assert detect_supplement("calcium fortified oj with breakfast").kind == "food"


# ------------------------------------------------------------------ day notes


@pytest.mark.parametrize(
    "line", ["hungover af", "12.5hr shift, no break", "10st 4lb", "3hr drive no food"]
)
def test_hangovers_shifts_durations_and_stone_are_day_notes(line: str) -> None:
    assert not_food_reason(line) is not None


@pytest.mark.parametrize(
    ("word", "cue"),
    [
        ("12hr", "duration"),
        ("45min", "duration"),
        ("11st", "weight"),
        ("1st", None),
        ("21st", None),
    ],
)
def test_glued_durations_and_stone_are_tally_cues(word: str, cue: str | None) -> None:
    assert tally_cue(word) == cue


def test_a_food_word_after_no_is_not_eaten_but_a_food_still_is(foods: FoodTable) -> None:
    known = {"break", "sandwich"}
    assert not_food_reason("shift, no break", known) is not None
    assert not_food_reason("shift lunch sandwich", known) is None


# ------------------------------------------------------------------ amounts


def test_a_bite_is_about_a_tablespoon(foods: FoodTable) -> None:
    e = entries_of_line(foods, "a few bites of mashed potatoes")
    # three tablespoons through the food's own volume weights, not a default portion
    assert 25 < e["grams"].iloc[0] < 70


@pytest.mark.parametrize("line", ["2 peices pizza", "3 pices of chicken"])
def test_misspelt_pieces_are_pieces(line: str) -> None:
    assert parse_quantity(line).unit == "piece"


def test_pizza_bites_are_no_bites() -> None:
    assert parse_quantity("6 pizza bites").unit is None


# ------------------------------------------------------------------ toast


def test_toast_with_two_toppings_is_a_slice_and_each_topping(foods: FoodTable) -> None:
    # "banana toast" had become fruit bread beside the peanut butter
    e = entries_of_line(foods, "pb banana toast")
    grams = dict(zip(e["description"].str.split(",").str[0], e["grams"], strict=True))
    assert grams["Peanut butter"] == pytest.approx(16.0)  # one tablespoon on one slice
    assert grams["Bananas"] == pytest.approx(59.0)
    assert "Bread" in grams


def test_a_yeast_spread_is_a_teaspoon_a_slice(foods: FoodTable) -> None:
    # a counted "vegemite toast x2" had been the spread alone
    e = entries_of_line(foods, "marmite toast x2")
    assert len(e) == 2
    spread = e[e["description"] == "Yeast extract spread"]
    assert spread["grams"].iloc[0] == pytest.approx(12.0)  # 6 g on each of two slices


@pytest.mark.parametrize(
    "line",
    ["2 poached eggs, 1 slice rye toast", "rye toast", "cinnamon toast", "2 slices french toast"],
)
def test_toast_of_a_kind_and_lists_with_amounts_are_no_toppings(
    matcher: Matcher, line: str
) -> None:
    assert filled_bread(line, matcher) is None


@pytest.mark.parametrize("line", ["splash of half & half", "2 tbsp half n half", "half+half"])
def test_half_and_half_written_any_way_is_the_cream(foods: FoodTable, line: str) -> None:
    # "splash" had become a V8 Splash smoothie and "half" half a portion of cream
    e = entries_of_line(foods, line)
    assert len(e) == 1
    assert "half and half" in e["description"].iloc[0]


def test_a_count_before_a_list_ending_in_toast_is_the_first_foods(matcher: Matcher) -> None:
    assert filled_bread("2 eggs bacon and toast", matcher) is None


# ------------------------------------------------------------------ supplement products


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Caltrate 600+D3 (800 IU)", {"calcium_mg": 600.0, "vitamin_d_ug": 20.0}),
        ("Tums ES x2", {"calcium_mg": 600.0}),
        ("natural calm 2 tsp (325mg)", {"magnesium_mg": 325.0}),
        ("Slow-K 600mg", {"potassium_mg": 314.7}),
        ("Ddrops 1 drop (1000 IU)", {"vitamin_d_ug": 25.0}),
        ("oscal 500 w/ D", {"calcium_mg": 500.0}),
    ],
)
def test_supplement_products_and_their_stated_doses(line: str, want: dict[str, float]) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    got = {k: v for k, v in info.nutrients.items() if v}
    assert got == pytest.approx(want, abs=0.1)


@pytest.mark.parametrize(
    "line", ["Flintstones chewable", "Seven Seas cod liver oil", "electrolyte packet"]
)
def test_products_with_no_stated_amount_are_supplements_of_unknown_amount(line: str) -> None:
    info = detect_supplement(line)
    assert info.kind == "supplement"
    assert info.nutrients == {}


# ------------------------------------------------------------------ labels, places, butter


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("Linda - 1/2 cup tuna salad", "Tuna salad"),  # a name before a separator
        ("after 10:30 mass - jelly donut", "Doughnuts"),  # an occasion with its clock
        ("egg mcmuffin from mcd drive thru", "McDONALD'S, Egg McMUFFIN"),  # chain + window
    ],
)
def test_labels_occasions_and_places_around_a_food(foods: FoodTable, line: str, food: str) -> None:
    e = entries_of_line(foods, line)
    assert len(e) == 1
    assert e["description"].iloc[0].startswith(food)


def test_a_chain_before_a_separator_says_which_food(foods: FoodTable) -> None:
    # the chain had been taken for a meal name and dropped: generic nuggets
    e = entries_of_line(foods, "chick-fil-a - 8 nuggets")
    assert e["description"].iloc[0] == "Chicken nuggets, from fast food"


@pytest.mark.parametrize(
    ("line", "bread", "butter_g"),
    [("buttered toast", "Bread, white", 7.1), ("2 slices rye toast, buttered", "Bread, rye", 14.2)],
)
def test_a_buttered_bread_is_the_bread_and_its_butter(
    foods: FoodTable, line: str, bread: str, butter_g: float
) -> None:
    e = entries_of_line(foods, line)
    assert e["description"].iloc[0].startswith(bread)
    butter = e[e["description"].str.startswith("Butter")]
    assert butter["grams"].iloc[0] == pytest.approx(butter_g)


def test_buttered_popcorn_stays_one_food(foods: FoodTable) -> None:
    e = entries_of_line(foods, "buttered popcorn")
    assert len(e) == 1
    assert "butter" in e["description"].iloc[0].lower()


# ------------------------------------------------------------------ prices, purposes, units as foods


def test_a_dose_after_what_a_supplement_is_for_is_kept() -> None:
    # "for cramps 250mg" had been cut off whole, dose and all
    assert detect_supplement("magnesium for cramps 250mg").nutrients == {"magnesium_mg": 250.0}


@pytest.mark.parametrize("line", ["Tesco shop €86", "groceries $85.40", "weekly shop £62"])
def test_a_shop_with_what_it_cost_is_no_food(line: str) -> None:
    assert not_food_reason(line, {"shop"}) is not None


def test_a_price_beside_a_food_is_no_amount(foods: FoodTable) -> None:
    # "$4.50" had been read as 4.5 cups of coffee (1,620 g)
    e = entries_of_line(foods, "coffee $4.50")
    assert len(e) == 1
    assert e["grams"].iloc[0] < 500
    assert "price" in e["assumptions"].iloc[0]


def test_a_price_beside_a_food_name_keeps_the_line_a_food() -> None:
    assert not_food_reason("$5 footlong", set()) is None


@pytest.mark.parametrize(
    ("line", "food"),
    [("3 rashers", "Pork, cured, bacon"), ("school chocolate milk", "Chocolate milk")],
)
def test_a_unit_named_alone_and_a_place_word_before_a_food(
    foods: FoodTable, line: str, food: str
) -> None:
    e = entries_of_line(foods, line)
    assert e["description"].iloc[0].startswith(food)


def test_a_drop_of_milk_in_tea_is_a_teaspoon(foods: FoodTable) -> None:
    # a drop had weighed nothing (grams missing)
    e = entries_of_line(foods, "mug of tea w a drop of milk")
    milk = e[e["description"].str.startswith("Milk")]
    assert milk["grams"].iloc[0] == pytest.approx(5.1, abs=0.5)


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("orange pekoe tea", "Beverages, tea, black"),
        ("a chunk of old cheddar cheese", "Cheese, cheddar"),
    ],
)
def test_an_alias_followed_by_its_kind_is_the_alias(foods: FoodTable, line: str, food: str) -> None:
    # a word only the alias table knows (pekoe) had left the line unmatched
    e = entries_of_line(foods, line)
    assert e["description"].iloc[0].startswith(food)


def test_the_alias_read_before_its_kind_is_said(foods: FoodTable) -> None:
    e = entries_of_line(foods, "orange pekoe tea")
    assert "orange pekoe tea read as orange pekoe" in e["assumptions"].iloc[0]


def test_an_unknown_food_of_a_known_kind_stays_unmatched(foods: FoodTable) -> None:
    e = entries_of_line(foods, "guayusa tea")
    assert e["food_id"].isna().all()


# ------------------------------------------------------------------ sizes before brands, clocks with dots


def test_a_size_before_a_chain_is_no_medication(foods: FoodTable) -> None:
    # "med" had been read as medication and the whole line dropped
    e = entries_of_line(foods, "med maccas fries")
    assert e["description"].iloc[0] == "McDONALD'S, french fries"


def test_a_clock_with_a_dot_is_a_prefix(foods: FoodTable) -> None:
    # "5.45am" had made the line a note of the day: no entry at all
    e = entries_of_line(foods, "5.45am - 1 cup cornflakes")
    assert "Corn Flakes" in e["description"].iloc[0]


def test_a_decimal_amount_is_no_clock(foods: FoodTable) -> None:
    e = entries_of_line(foods, "1.5 cups rice")
    assert e["grams"].iloc[0] == pytest.approx(237.0)


def test_a_weather_note_is_no_food() -> None:
    assert not_food_reason("10hr day on the roof, 28 degrees", {"degree", "day"}) is not None


@pytest.mark.parametrize("line", ["vitamin C 1g", "zinc 0.05 g"])
def test_grams_of_a_nutrient_no_food_is_named_after_are_a_supplement(line: str) -> None:
    assert detect_supplement(line).kind == "supplement"


def test_trim_milk_on_cereal_is_half_a_cup_of_skim(foods: FoodTable) -> None:
    e = entries_of_line(foods, "weetbix x2 w trim milk")
    milk = e[e["description"].str.startswith("Milk, nonfat")]
    assert milk["grams"].iloc[0] == pytest.approx(122.5)


# ------------------------------------------------------------------ "n", filled rolls, pottles


@pytest.mark.parametrize(
    ("line", "food"),
    [("mince n cheese pie", "Beef pot pie"), ("red beans n rice", "Kidney beans and white rice")],
)
def test_a_lone_n_between_words_is_and(foods: FoodTable, line: str, food: str) -> None:
    # "mince n cheese pie" had been ground beef and a cherry cream-cheese pie
    e = entries_of_line(foods, line)
    assert len(e) == 1
    assert e["description"].iloc[0].startswith(food)


def test_a_filled_roll_named_before_its_fillings(matcher: Matcher) -> None:
    found = filled_bread("filled roll - ham, cheese, lettuce, tomato", matcher)
    assert found is not None
    assert (found.bread, *found.fillings) == ("1 hard roll", "ham", "cheese", "lettuce", "tomato")


def test_a_pottle_of_yoghurt_is_a_container(foods: FoodTable) -> None:
    e = entries_of_line(foods, "1 pottle of yoghurt")
    assert e["grams"].iloc[0] == pytest.approx(170.0)


def test_a_bagel_with_its_toppings_keeps_their_usual_amounts(foods: FoodTable) -> None:
    # read as a bagel "sandwich", the lox had lost its 2 oz and taken a default portion
    e = entries_of_line(foods, "bagel w/ lox and cream cheese")
    lox = e[e["description"].str.contains("lox")]
    assert lox["grams"].iloc[0] == pytest.approx(56.7, abs=0.1)


def test_a_cup_of_ground_beef_is_weighed_by_its_neighbour(foods: FoodTable) -> None:
    # FNDDS cooked ground beef weighs its own cup (125 g); SR28's crumbles have none
    e = entries_of_line(foods, "1 cup cooked ground beef")
    assert e["grams"].iloc[0] == 125.0
    crumbles = entries_of_line(foods, "1 cup 80/20 ground beef crumbles")
    assert 100 < crumbles["grams"].iloc[0] < 160  # through its FNDDS neighbour's cup


def test_when_a_supplement_is_taken_in_a_csv_food_column(tmp_path) -> None:
    # the CSV reader screens "food 1 unit": the time had stopped closing the line
    path = tmp_path / "log.csv"
    path.write_text(
        "date,food,amount\n2026-11-20,magnesium before bed,\n2026-11-20,milk before bed,\n"
    )
    import nutrilog as nl

    log = nl.read_log(path)
    assert log.entries["kind"].tolist() == ["supplement", "food"]


def test_a_dose_after_when_a_supplement_is_taken_is_read() -> None:
    assert detect_supplement("magnesium at night 200mg").nutrients == {"magnesium_mg": 200.0}
