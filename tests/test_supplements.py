"""Tests of supplement and water detection (nutrilog.supplements)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog.errors import DataError
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.supplements import (
    SUPPLEMENT_COLUMNS,
    classify_texts,
    detect_supplement,
    read_supplement_table,
)


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        # label amounts are elemental (21 CFR 101.36): 200 mg glycinate = 200 mg magnesium
        ("magnesium glycinate 200 mg", "magnesium_mg", 200.0),
        # 40 IU = 1 µg (IOM 2011): 2000 IU / 40 = 50 µg
        ("Vitamin D3 2000 IU", "vitamin_d_ug", 50.0),
        ("D3 50 mcg", "vitamin_d_ug", 50.0),
        ("B12 1000 mcg", "vitamin_b12_ug", 1000.0),
        ("vitamin b12 1 mg", "vitamin_b12_ug", 1000.0),
        ("calcium citrate 500 mg", "calcium_mg", 500.0),
        ("potassium gluconate 99 mg", "potassium_mg", 99.0),
        # 2 capsules x 100 mg = 200 mg
        ("2 capsules magnesium 100 mg", "magnesium_mg", 200.0),
        # two units of an elemental label amount (99 mg each) are 198 mg of potassium,
        # not 198 mg of the salt: the amount of one unit decides
        ("potassium gluconate 2 tabs (99mg each)", "potassium_mg", 198.0),
        ("potassium gluconate 99mg x2", "potassium_mg", 198.0),
        # 595 mg is more than any unit carries: the salt's weight, x 16.69 % potassium
        ("potassium gluconate 595mg x 2", "potassium_mg", 2 * 595 * 0.1669),
    ],
)
def test_supplement_doses(text: str, column: str, amount: float) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement"
    assert info.nutrients == {column: pytest.approx(amount)}
    assert info.note is None


def test_two_nutrients_on_one_line() -> None:
    info = detect_supplement("calcium 500 mg + vitamin D 400 IU")
    assert info.nutrients == {"calcium_mg": 500.0, "vitamin_d_ug": 10.0}


def test_multivitamin_is_a_supplement_with_unresolved_amounts() -> None:
    info = detect_supplement("multivitamin")
    assert info.kind == "supplement" and info.nutrients == {}
    assert "unresolved" in (info.note or "")


def test_supplement_without_a_dose_says_what_is_missing() -> None:
    info = detect_supplement("2 gummies vitamin D")
    assert info.kind == "supplement" and info.nutrients == {}
    assert "expected a label amount" in (info.note or "")


def test_untracked_supplement() -> None:
    info = detect_supplement("zinc 15 mg")
    assert (info.kind, info.nutrients, info.note) == ("supplement", {}, "not a tracked nutrient")


@pytest.mark.parametrize(
    "text", ["2 glasses of water", "water 500 ml", "sparkling water", "a glass of water"]
)
def test_water_lines(text: str) -> None:
    assert detect_supplement(text).kind == "water"


@pytest.mark.parametrize(
    "text", ["coconut water 1 cup", "water chestnuts 50 g", "1 cup calcium-fortified orange juice", "banana",
             "low sodium soup 1 cup"],
)  # fmt: skip
def test_foods_stay_food(text: str) -> None:
    assert detect_supplement(text) == ("food", {}, None, None)


@pytest.mark.parametrize(
    "text",
    [
        # USDA descriptions: a mineral salt in a food is not a supplement, and a
        # food amount (a volume, or 5 g and more) is not a label dose
        "tofu, raw, regular, prepared with calcium sulfate 1 cup",
        "tofu, salted and fermented (fuyu), prepared with calcium sulfate 3 oz",
        "salt substitute, potassium chloride 1 tsp",
        "crackers, saltines, whole wheat (includes multi-grain) 1 oz",
        "multi-grain bread 2 slices",
    ],
)
def test_food_amounts_and_food_words_are_not_doses(text: str) -> None:
    assert detect_supplement(text) == ("food", {}, None, None)


def test_a_small_mass_is_still_a_dose() -> None:
    assert detect_supplement("calcium 1 g").nutrients == {"calcium_mg": 1000.0}
    assert detect_supplement("daily multi").kind == "supplement"


def test_classify_texts_is_aligned_and_nan_for_unknown() -> None:
    texts = pd.Series(["banana", "B12 1000 mcg", "banana", "water 500 ml"], index=[3, 4, 5, 6])
    out = classify_texts(texts)
    assert list(out.columns) == SUPPLEMENT_COLUMNS + NUTRIENT_COLUMNS
    assert list(out.index) == [3, 4, 5, 6]
    assert out["kind"].tolist() == ["food", "supplement", "food", "water"]
    assert out.loc[4, "vitamin_b12_ug"] == 1000.0
    assert math.isnan(out.loc[3, "vitamin_b12_ug"])  # unknown is NaN, never 0
    assert out[NUTRIENT_COLUMNS].drop(index=4).isna().all().all()


def test_vectorised_classification_matches_line_by_line() -> None:
    lines = Path(__file__).resolve().parent / "data" / "diary_lines.csv"
    texts = pd.read_csv(lines, dtype=str)["text"]
    out = classify_texts(texts)
    assert out["kind"].tolist() == [detect_supplement(t).kind for t in texts]
    assert (out["kind"] == "supplement").sum() >= 10


# ---------------------------------------------------------------- supplements written any way


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        ("Mg glycinate 200mg", "magnesium_mg", 200.0),  # was 0.2 g of an unknown food
        ("mag citrate 300 mg", "magnesium_mg", 300.0),
        ("magnesium bisglycinate 120mg", "magnesium_mg", 120.0),
        ("Mag malate 2 caps (90 mg each)", "magnesium_mg", 180.0),
        ("mg glycinate 150 mg", "magnesium_mg", 150.0),  # lower case before a salt
        ("Ca citrate 315mg", "calcium_mg", 315.0),
        ("calcium carbonate 500mg", "calcium_mg", 500.0),  # labels are elemental
        ("K 99mg", "potassium_mg", 99.0),
        ("potassium chloride 99 mg", "potassium_mg", 99.0),
        ("vit D 600 IU", "vitamin_d_ug", 15.0),  # 600 / 40
        ("D3 1000iu", "vitamin_d_ug", 25.0),
        ("D2 50,000 IU", "vitamin_d_ug", 1250.0),
        ("cholecalciferol 25mcg", "vitamin_d_ug", 25.0),
        ("vitamin D 25µg", "vitamin_d_ug", 25.0),
        ("B-12 250 mcg", "vitamin_b12_ug", 250.0),
        ("methylcobalamin 500ug", "vitamin_b12_ug", 500.0),
        ("methylcobalamin 500 µg", "vitamin_b12_ug", 500.0),
    ],
)
def test_shorthand_and_salt_forms(text: str, column: str, amount: float) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement"
    assert info.nutrients == {column: pytest.approx(amount)}
    assert info.assumption is None


@pytest.mark.parametrize(
    ("text", "column", "amount", "fraction"),
    [
        # more than one unit of the element carries, next to a named salt: the salt's
        # weight x its elemental fraction (datasets/supplement_salts.csv, from formulas)
        ("potassium chloride 750 mg", "potassium_mg", 750 * 39.098 / 74.55, "52.4%"),
        ("calcium carbonate 1250mg", "calcium_mg", 1250 * 40.078 / 100.09, "40.0%"),
        ("magnesium citrate 1000 mg", "magnesium_mg", 1000 * 3 * 24.305 / 451.11, "16.2%"),
    ],
)
def test_a_compound_weight_is_converted_to_the_element(
    text: str, column: str, amount: float, fraction: str
) -> None:
    info = detect_supplement(text)
    assert info.nutrients == {column: pytest.approx(amount, rel=1e-3)}
    assert info.assumption.startswith("compound weight: ") and fraction in info.assumption


def test_elemental_amounts_are_never_converted() -> None:
    info = detect_supplement("magnesium glycinate 600 mg elemental")
    assert info.nutrients == {"magnesium_mg": 600.0} and info.assumption is None


@pytest.mark.parametrize(
    ("text", "column", "amount", "assumed"),
    [
        ("magnesium 300", "magnesium_mg", 300.0, "unit assumed: Magnesium 300 taken as mg"),
        ("D3 1000", "vitamin_d_ug", 25.0, "unit assumed: Vitamin D 1000 taken as IU"),
        ("D3 25", "vitamin_d_ug", 25.0, "unit assumed: Vitamin D 25 taken as µg"),
        ("B12 500", "vitamin_b12_ug", 500.0, "unit assumed: Vitamin B12 500 taken as µg"),
    ],
)
def test_a_number_without_unit_takes_the_label_unit(
    text: str, column: str, amount: float, assumed: str
) -> None:
    info = detect_supplement(text)
    assert info.nutrients == {column: pytest.approx(amount)}
    assert info.assumption == assumed


def test_a_small_number_without_unit_counts_tablets() -> None:
    info = detect_supplement("magnesium 2")
    assert info.kind == "supplement" and info.nutrients == {}
    assert info.assumption == "unknown amount: Magnesium (magnesium)"


def test_several_nutrients_and_where_their_amounts_are() -> None:
    assert detect_supplement("calcium 500 + D 400IU").nutrients == {
        "calcium_mg": 500.0,
        "vitamin_d_ug": 10.0,
    }
    # the IU amount written after K2 can only be vitamin D's
    assert detect_supplement("D3 + K2 2000 IU").nutrients == {"vitamin_d_ug": 50.0}


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("cal-mag 3 tabs", "unknown amount: Magnesium, Calcium (cal-mag)"),
        ("cal mag zinc", "unknown amount: Magnesium, Calcium (cal mag zinc)"),
        ("b-complex 50 mg", "unknown amount: Vitamin B12 (b-complex)"),  # never 50,000 µg B12
        ("magnesium powder 2 scoops", "unknown amount: Magnesium (magnesium powder)"),
        ("fish oil", "unknown amount: fish oil: no tracked nutrient amount"),
        ("omega-3 2 softgels", "unknown amount: omega-3: no tracked nutrient amount"),
        (
            "one a day multivitamin",
            "unknown amount: multivitamin or prenatal: amounts depend on the product",
        ),
    ],
)
def test_products_without_amounts_are_unknown_never_zero(text: str, unknown: str) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement"
    assert info.nutrients == {}  # NaN in the entries, never 0
    assert info.assumption == unknown


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        ("Tums extra strength x3", "calcium_mg", 900.0),  # 750 mg calcium carbonate = 300 mg
        ("2 Mag-Ox 400", "magnesium_mg", 2 * 241.3),
        ("ZMA 2 caps", "magnesium_mg", 300.0),  # 450 mg per 3 capsules
        ("caltrate 600+D3 800 IU", "vitamin_d_ug", 20.0),  # the line writes its D3
        ("Caltrate 600+D3 (600mg Ca, 800IU)", "calcium_mg", 600.0),
        ("Slow-Mag 2 tabs", "magnesium_mg", 143.0),  # 71.5 mg each
        ("liquid IV 1 packet", "potassium_mg", 370.0),  # per stick: 370 mg K, 500 mg Na
        ("2 liquid i.v.", "sodium_mg", 1000.0),
        ("Mag64 x2", "magnesium_mg", 128.0),
        # a product's words side by side in another order name it all the same
        ("3 ultra strength tums", "calcium_mg", 1200.0),  # Tums Ultra 1000: 400 mg each
        ("Mag-Tab SR 3 caplets", "magnesium_mg", 3 * 84.0),  # 84 mg as L-lactate each
    ],
)
def test_bundled_products(text: str, column: str, amount: float) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement"
    assert info.nutrients[column] == pytest.approx(amount)
    assert info.assumption.startswith("product: ")


@pytest.mark.parametrize(
    ("text", "known", "unknown"),
    [
        # Caltrate's vitamin D has been 400 and 800 IU; Citracal Maximum's D3 has changed
        ("caltrate 600+D3 1 tablet", {"calcium_mg": 600.0}, "vitamin_d_ug"),
        ("citracal maximum 2 caplets", {"calcium_mg": 630.0}, "vitamin_d_ug"),
    ],
)
def test_product_amounts_that_differ_between_versions_stay_unknown(
    text: str, known: dict[str, float], unknown: str
) -> None:
    info = detect_supplement(text)
    for column, amount in known.items():
        assert info.nutrients[column] == pytest.approx(amount)
    assert unknown not in info.nutrients  # missing, never a guessed version's amount
    assert "unknown amount" in info.assumption


def test_calcium_citrate_at_a_servings_elemental_amount_is_not_the_salts_weight() -> None:
    # 630 mg is the two-caplet serving of Citracal Maximum; 950 mg is a salt's weight
    assert detect_supplement("calcium citrate 630mg + D3 500 IU").nutrients == {
        "calcium_mg": 630.0,
        "vitamin_d_ug": 12.5,
    }
    assert detect_supplement("calcium citrate 950 mg").nutrients["calcium_mg"] == pytest.approx(
        950 * 0.2108
    )


@pytest.mark.parametrize(
    "text", ["turmeric 2 caps", "elderberry gummies", "ashwagandha", "zinc 2 tabs", "probiotic"]
)
def test_what_looks_like_a_supplement_is_never_food(text: str) -> None:
    assert detect_supplement(text).kind == "supplement"


@pytest.mark.parametrize(
    "text",
    ["gummy bears", "1 nespresso capsule", "Special K 1 cup", "special k cereal", "chicken w/ K"],
)
def test_look_alikes_stay_food(text: str) -> None:
    assert detect_supplement(text).kind == "food"


# ---------------------------------------------------------------- the user's supplement table


def test_read_supplement_table_reports_file_line_and_cell(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("product,magnesium_mg,vitamin_d_iu\nNight Mag,100,\nSun,0,lots\n", "utf-8")
    with pytest.raises(DataError) as err:
        read_supplement_table(path)
    assert str(err.value) == (
        f"{path}, line 3, column vitamin_d_iu: expected a number or 'unknown', found 'lots'"
    )
    path.write_text("name,magnesium_mg\nNight Mag,100\n", "utf-8")
    with pytest.raises(DataError, match="expected a 'product' column"):
        read_supplement_table(path)


def test_read_supplement_table_units_and_unknowns() -> None:
    table = read_supplement_table(
        pd.DataFrame(
            {"product": ["Bone Blend"], "calcium_mg": ["unknown"], "vitamin_d_iu": ["1000"]}
        )
    )
    row = table.iloc[0]
    assert math.isnan(row["calcium_mg"])  # unknown is NaN
    assert row["vitamin_d_ug"] == 25.0  # 1000 IU / 40
    assert row["magnesium_mg"] == 0.0  # a nutrient the table does not list: none of it


def test_analyze_takes_amounts_from_the_user_table(tmp_path: Path) -> None:
    table = tmp_path / "supplements.csv"
    table.write_text("product,calcium_mg,magnesium_mg\nCal-Mag,300,150\nNight Calm,0,50\n", "utf-8")
    log = nl.parse_entries(
        ["cal-mag 2 tabs", "night calm 1 scoop", "Mg glycinate 200mg", "banana"], date="2026-11-20"
    )
    profile = nl.Profile(age=50, sex="female")
    without = nl.analyze(log, profile, min_day_kcal=0).entries
    assert math.isnan(without.loc[0, "calcium_mg"])  # unknown without the table
    assert without.loc[0, "assumptions"] == "unknown amount: Magnesium, Calcium (cal-mag)"
    entries = nl.analyze(log, profile, min_day_kcal=0, supplements=table).entries
    assert entries["kind"].astype(str).tolist() == [
        "supplement",
        "supplement",
        "supplement",
        "food",
    ]
    assert entries.loc[0, ["calcium_mg", "magnesium_mg"]].tolist() == [600.0, 300.0]
    assert entries.loc[1, "magnesium_mg"] == 50.0  # a food line naming a product
    assert entries.loc[2, "magnesium_mg"] == 200.0  # a dose read from the line is kept
    assert entries.loc[0, "assumptions"] == "product: Cal-Mag x 2 (supplement table)"


def test_cli_supplements_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from nutrilog.cli import main

    table = tmp_path / "supplements.csv"
    table.write_text("product,magnesium_mg\nCal-Mag,150\n", "utf-8")
    day = tmp_path / "day.txt"
    day.write_text("cal-mag 2 tabs\n2 medium bananas\n", encoding="utf-8")
    argv = ["analyze", str(day), "--log-format", "text", "--date", "2026-11-20",
            "--age", "50", "--sex", "female", "--format", "json"]  # fmt: skip
    assert main([*argv, "--supplements", str(table)]) == 0
    daily = json.loads(capsys.readouterr().out)["people"][0]["daily"][0]
    # 2 x 150 mg + 2 medium bananas (SR28 09040: 118 g, 27 mg/100 g) = 300 + 63.72
    assert daily["magnesium_mg"] == pytest.approx(363.72, abs=0.01)
    table.write_text("product,magnesium_mg\nCal-Mag,many\n", "utf-8")
    assert main([*argv, "--supplements", str(table)]) == 1
    err = capsys.readouterr().err
    assert "line 2, column magnesium_mg" in err and "Traceback" not in err


def test_reported_supplements_keep_their_values_without_assumptions() -> None:
    # Cronometer reports its supplements' amounts: "Magnesium Glycinate, 2.00 capsule"
    # names no dose, but the app's 200 mg stand and nothing is flagged as unknown
    fixture = Path(__file__).resolve().parent / "fixtures" / "logs" / "cronometer_servings.csv"
    entries = nl.analyze(nl.read_log(fixture), nl.Profile(age=34, sex="female"), min_day_kcal=0)
    row = entries.entries.set_index("food").loc["Magnesium Glycinate"]
    assert row["magnesium_mg"] == 200.0
    assert not row["assumptions"]  # nothing assumed: empty text


# ------------------------------------------------------------ doses joined by slashes


@pytest.mark.parametrize(
    ("text", "calcium", "magnesium"),
    [
        # a combined name lists its nutrients in its own order: cal before mag
        ("cal-mag 800mg/400mg", 800.0, 400.0),
        ("cal/mag 600/300", 600.0, 300.0),  # no unit: each in its label unit (mg)
        ("calcium/magnesium 750/375 mg", 750.0, 375.0),  # one unit after the last dose
        ("Mag & Cal 200/400 mg", 400.0, 200.0),  # names in the other order
        ("Ca/Mg/Zn 900/450/20 mg", 900.0, 450.0),  # zinc keeps its place in the list
    ],
)
def test_doses_joined_by_slashes_follow_the_names(
    text: str, calcium: float, magnesium: float
) -> None:
    got = detect_supplement(text)
    assert got.kind == "supplement"
    assert got.nutrients["calcium_mg"] == calcium
    assert got.nutrients["magnesium_mg"] == magnesium


def test_a_fraction_after_two_names_is_no_dose_list() -> None:
    # "1/2 tablet" is half a tablet, not 1 mg of one and 2 mg of the other
    got = detect_supplement("cal-mag 1/2 tablet")
    assert got.kind == "supplement" and got.nutrients == {}


# ------------------------------------------------------------ bundled products


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        ("Tums Ultra 3 tabs", "calcium_mg", 1200.0),  # 400 mg each, not Regular's 200
        ("tums extra x2", "calcium_mg", 600.0),
        ("slow mag 3 tablets", "magnesium_mg", 214.5),  # 71.5 mg each
    ],
)
def test_products_named_in_short(text: str, column: str, amount: float) -> None:
    got = detect_supplement(text)
    assert got.kind == "supplement" and got.nutrients[column] == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("Citracal 2 caplets", "Calcium"),
        ("emergen c 1 packet", "Magnesium"),
        ("2 tsp natural calm", "natural calm"),  # a measure the table has no amount for
    ],
)
def test_products_with_amounts_unknown_are_supplements_not_food(text: str, unknown: str) -> None:
    got = detect_supplement(text)
    assert got.kind == "supplement"
    assert "unknown amount" in got.assumption and unknown in got.assumption
    # and end to end: no food is matched, nothing is counted as zero
    entries = nl.analyze(
        nl.parse_entries([text], date="2026-11-20"), nl.Profile(age=40, sex="female")
    ).entries
    assert entries["kind"].tolist() == ["supplement"]
    assert entries["food_id"].isna().all()


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        # a strength after the name is no count: 2 tablets of 300 mg, not 1,500 tablets
        ("Tums EX 750 x2", "calcium_mg", 600.0),
        ("tums 1000", "calcium_mg", 400.0),
        ("mag-ox 400 x 2", "magnesium_mg", 2 * 241.3),
        # a stick pack counts like a packet (LMNT: 1000 mg sodium, 200 mg K, 60 mg Mg)
        ("LMNT 2 sticks", "sodium_mg", 2000.0),
    ],
)
def test_a_products_strength_is_not_its_count(text: str, column: str, amount: float) -> None:
    got = detect_supplement(text)
    assert got.kind == "supplement" and got.nutrients[column] == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "column", "amount"),
    [
        # a spoonful of a supplement whose label amount is in brackets
        ("calcium citrate powder 1 tsp (500 mg)", "calcium_mg", 500.0),
        ("liquid vitamin D 0.5 ml (800 IU)", "vitamin_d_ug", 20.0),
    ],
)
def test_a_measured_supplement_with_its_dose_in_brackets(
    text: str, column: str, amount: float
) -> None:
    got = detect_supplement(text)
    assert got.kind == "supplement" and got.nutrients == {column: amount}


@pytest.mark.parametrize("text", ["liquid magnesium 1 tsp", "potassium citrate powder 1/4 tsp"])
def test_a_spoonful_of_a_supplement_is_no_food(text: str) -> None:
    got = detect_supplement(text)
    assert got.kind == "supplement" and got.nutrients == {}
    assert "unknown amount" in got.assumption


def test_a_food_made_with_a_mineral_salt_stays_food() -> None:
    assert detect_supplement("1 cup tofu made with calcium sulfate").kind == "food"
    assert detect_supplement("1 cup calcium-fortified soy milk").kind == "food"


@pytest.mark.parametrize("text", ["calcium magnesium zinc, 3 caplets", "cal mag zinc 2 caplets"])
def test_caplets_are_a_dose_form_and_the_line_stays_one_supplement(text: str) -> None:
    log = nl.parse_entries([text], date="2026-11-20")
    entries = nl.analyze(log, nl.Profile(age=40, sex="female")).entries
    assert len(entries) == 1
    assert entries.iloc[0]["kind"] == "supplement"
    assert pd.isna(entries.iloc[0]["calcium_mg"])  # no amount stated: unknown, not zero


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1 scoop magnesium powder (300mg)", 300.0), ("magnesium powder 1 scoop (300 mg)", 300.0)],
)
def test_a_label_amount_in_brackets_after_a_scoop_is_the_dose(text: str, amount: float) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement" and info.nutrients == {"magnesium_mg": amount}


@pytest.mark.parametrize("text", ["cal mag zinc + d3", "cal-mag-zinc & vit d"])
def test_products_joined_by_a_sign_without_doses_are_one_supplement(text: str) -> None:
    info = detect_supplement(text)
    assert info.kind == "supplement" and info.nutrients == {}
    assert "unknown amount" in (info.assumption or "")


def test_cal_beside_another_nutrients_dose_is_calcium() -> None:
    # "cal" is calories elsewhere; before a label-sized number and D3 or mag it is calcium
    assert detect_supplement("Cal 600 + D3 800IU").nutrients == {
        "calcium_mg": 600.0,
        "vitamin_d_ug": 20.0,
    }
    assert detect_supplement("1800 cal").kind == "food"


def test_a_mineral_amount_beyond_any_label_is_left_unknown() -> None:
    # eight tablets of 1200 mg would be 9.6 g of calcium in a day: no such line
    info = detect_supplement("calcium 1200mg x 8")
    assert "calcium_mg" not in info.nutrients
    assert "beyond any label" in info.note


def test_a_label_amount_before_tab_is_not_a_count_of_250_tablets() -> None:
    # "250 tab" is the magnesium amount of the tablet, not 250 tablets of 500 mg calcium
    info = detect_supplement("cal 500/mag 250 tab")
    assert info.nutrients == {"calcium_mg": 500.0, "magnesium_mg": 250.0}
