"""Food words and measures of Spanish, Portuguese, Italian and German lines (issue 12).
Lines made up here; weights from the USDA portions named beside them."""

from __future__ import annotations

import pytest
from diary import entries_of_line, lands_on, rejected_reasons

from nutrilog.foods import FoodTable
from nutrilog.matching.spelling import Speller


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        ("3 mandarinas", "sr28:09218", 3 * 88.0),  # SR28 tangerines, medium 88 g
        ("2 huevos estrellados", "sr28:01128", 2 * 46.0),  # SR28 fried egg, large 46 g
        ("cafe negro 2 tazas", "sr28:14209", 2 * 237.0),  # SR28 brewed coffee, 1 cup 237 g
        # Portuguese: a tablespoon (colher de sopa) of butter, SR28 1 tbsp 14.2 g
        ("1 colher de sopa de manteiga", "sr28:01001", 14.2),
        ("2 scheiben brot", "sr28:18069", 2 * 29.0),  # German: SR28 white bread, slice 29 g
        ("1 glas bier", "sr28:14003", 12 * 29.7),  # a glass of beer: 12 fl oz, SR28 29.7 g
        ("1 fetta di pane", "sr28:18069", 29.0),  # Italian: a slice of bread
    ],
)
def test_words_and_measures_of_other_languages(
    foods: FoodTable, line: str, food_id: str, grams: float
) -> None:
    lands_on(foods, line, food_id, grams)


def test_a_little_of_in_spanish_is_a_vague_amount(foods: FoodTable) -> None:
    row = entries_of_line(foods, "un poquito de queso").iloc[0]
    assert row["status"] == "matched"
    assert "estimated amount" in row["assumptions"]
    assert "poquito" not in str(row["description"]).lower()


def test_media_noche_stays_a_sandwich(foods: FoodTable) -> None:
    # "media" is no amount: the Cuban midnight sandwich is one food
    row = entries_of_line(foods, "media noche sandwich").iloc[0]
    assert "sandwich" in row["description"].lower()


def test_a_word_known_only_from_the_synonyms_leaves_a_food_word_the_correction() -> None:
    speller = Speller({"cauliflower": 40, "coliflor": 1}, secondary={"coliflor"})
    assert speller.correct("coliflower") == "cauliflower"


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("calambres en el pie otra vez", "symptom"),
        ("crampes la nuit", "symptom"),
        ("Krämpfe in der Wade", "symptom"),
        ("shoulders stiff all morning", "symptom"),
        ("hamstring stretch x3", "activity"),
        ("ejercicio 30 min", "activity"),
    ],
)
def test_a_symptom_or_an_exercise_in_any_language_is_a_note(line: str, cue: str) -> None:
    reasons = rejected_reasons(line)
    assert len(reasons) == 1 and f"({cue}:" in reasons.iloc[0]


@pytest.mark.parametrize(
    ("line", "food_id", "grams"),
    [
        # Quebec meal words and an hour written 7h, with or without accents
        ("souper: 1 tasse de riz", "sr28:20045", 158.0),  # SR28 white rice, cooked, 1 cup
        ("dîner @ la cafétéria: 1 pomme", "sr28:09003", 182.0),  # SR28 apple, medium
        ("7h - 1 tasse de café", "sr28:14209", 237.0),  # SR28 brewed coffee, 1 cup
        ("taza de café", "sr28:14209", 237.0),  # café alone is coffee, not a mocha
        # a glass (verre) of a drink with no number: one glass, 8 fl oz of FNDDS juice
        ("verre de jus d'orange", "fndds:61210000", 248.0),
        ("une couple de beignes", "fndds:53520000", 2 * 75.0),  # FNDDS doughnut NFS, 75 g
        ("des raisins verts", "sr28:09132", 75.0),  # green grapes, some: FNDDS 75 g
        ("caesar x2", "fndds:93301030", 2 * 225.0),  # the Canadian cocktail: Bloody Mary
    ],
)
def test_french_lines_of_quebec(foods: FoodTable, line: str, food_id: str, grams: float) -> None:
    lands_on(foods, line, food_id, grams)


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("épicerie 58,20$", "purchase"),  # the dollar sign after the amount, a comma decimal
        ("corner store $12", "purchase"),
        ("tension 125/80", "measurement"),
    ],
)
def test_money_written_the_french_way_and_blood_pressure_are_notes(line: str, cue: str) -> None:
    reasons = rejected_reasons(line)
    assert len(reasons) == 1 and f"({cue}:" in reasons.iloc[0]
