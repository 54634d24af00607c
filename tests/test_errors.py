"""Every public entry point refuses bad arguments with a NutrilogError naming the problem."""

from __future__ import annotations

import importlib.metadata
import io
import pickle
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import nutrilog as nl
from nutrilog import iotools
from nutrilog.cli import main
from nutrilog.errors import (
    ArgumentError,
    LogParseError,
    OutputError,
    ProfileError,
    UnknownFoodError,
    UnknownNutrientError,
)

WOMAN = nl.Profile(age=34, sex="female")


@pytest.fixture(scope="module")
def foods() -> nl.FoodTable:
    return nl.load_foods()


@pytest.fixture(scope="module")
def result() -> nl.Analysis:
    return nl.analyze(nl.parse_entries(["1 banana"], date="2026-11-20"), WOMAN)


def _log() -> nl.FoodLog:
    return nl.parse_entries(["1 banana"], date="2026-11-20")


BAD_CALLS: dict[str, Callable[..., object]] = {
    "read_log: None": lambda f, r: nl.read_log(None),
    "read_log: a number": lambda f, r: nl.read_log(5),
    "read_log: no such file": lambda f, r: nl.read_log("/no/such/log.csv"),
    "read_log: unknown format": lambda f, r: nl.read_log("examples/week.csv", "pdf"),
    "parse_entries: a number": lambda f, r: nl.parse_entries(5),
    "parse_entries: a bad date": lambda f, r: nl.parse_entries(["1 apple"], date="someday"),
    "from_frame: a list": lambda f, r: nl.from_frame([1, 2]),
    "from_frame: no food column": lambda f, r: nl.from_frame(pd.DataFrame({"x": [1]})),
    "analyze: a number as the log": lambda f, r: nl.analyze(5, WOMAN),
    "analyze: a number as the profile": lambda f, r: nl.analyze(_log(), 5),
    "analyze: min_day_kcal": lambda f, r: nl.analyze(_log(), WOMAN, min_day_kcal=-1),
    "analyze: foods": lambda f, r: nl.analyze(_log(), WOMAN, foods=5),
    "analyze: aliases": lambda f, r: nl.analyze(_log(), WOMAN, aliases=5),
    "analyze: supplements": lambda f, r: nl.analyze(_log(), WOMAN, supplements=5),
    "analyze: sd_within of zinc": lambda f, r: nl.analyze(_log(), WOMAN, sd_within={"zinc": 1}),
    "analyze: sd_within a number": lambda f, r: nl.analyze(_log(), WOMAN, sd_within=5),
    "analyze: explanations": lambda f, r: nl.analyze(_log(), WOMAN, explanations=5),
    "Profile: age 130": lambda f, r: nl.Profile(age=130, sex="female"),
    "Profile: age as text": lambda f, r: nl.Profile(age="x", sex="female"),
    "Profile: unknown field": lambda f, r: nl.Profile(age=3, sex="female", weight=12),
    "Profile: changed in place": lambda f, r: setattr(WOMAN, "age", 35),
    "reference_intakes: a number": lambda f, r: nl.reference_intakes(5),
    "reference_intakes: age -1": lambda f, r: nl.reference_intakes({"age": -1, "sex": "f"}),
    "FoodTable.get: unknown id": lambda f, r: f.get("sr28:00000"),
    "FoodTable.get: a number": lambda f, r: f.get(5),
    "FoodTable.search: a number": lambda f, r: f.search(5),
    "FoodTable.search: limit -1": lambda f, r: f.search("milk", limit=-1),
    "FoodTable.search: limit as text": lambda f, r: f.search("milk", limit="3"),
    "FoodTable.portions: unknown id": lambda f, r: f.portions("nope"),
    "FoodTable.with_user_foods: a number": lambda f, r: f.with_user_foods(5),
    "match_foods: a number as foods": lambda f, r: nl.match_foods(["milk"], 5),
    "match_foods: a number as aliases": lambda f, r: nl.match_foods(["milk"], f, aliases=5),
    "assess_people: a number as daily": lambda f, r: nl.assess_people(5, {}),
    "assess_people: a list as profiles": lambda f, r: nl.assess_people(r.daily, ["ann"]),
    "resolve_grams: a number as foods": lambda f, r: nl.resolve_grams([1], ["cup"], ["volume"], ["x"], 5),
    "resolve_grams: lengths differ": lambda f, r: nl.resolve_grams([1, 2], ["cup"], ["volume"], ["x", "y"], f),
    "suggest_foods: a number as gaps": lambda f, r: nl.suggest_foods(5, f),
    "suggest_foods: unknown column": lambda f, r: nl.suggest_foods({"iron_mg": 5}, f),
    "suggest_foods: per_nutrient 0": lambda f, r: nl.suggest_foods({"magnesium_mg": 5}, f, per_nutrient=0),
    "suggest_foods: a number as foods": lambda f, r: nl.suggest_foods({"magnesium_mg": 5}, 5),
    "report.render: unknown format": lambda f, r: r.report().render("pdf"),
    "report.render: a number": lambda f, r: r.report().render(5),
    "report.save: unknown suffix": lambda f, r: r.report().save("report.pdf"),
    "report.save: a number as path": lambda f, r: r.report().save(5),
    "report.save: no such folder": lambda f, r: r.report().save("/no/such/folder/r.html"),
    "report.to_text: width": lambda f, r: r.report().to_text(width=-3),
    "Analysis.plot: unknown kind": lambda f, r: r.plot("pie"),
    "Explanations.get: unknown nutrient": lambda f, r: nl.load_explanations().get("zinc"),
    "load_explanations: no such file": lambda f, r: nl.load_explanations("/no/such.yaml"),
    "read_log: unknown encoding": lambda f, r: nl.read_log("examples/week.csv", encoding="nope"),
    "read_log: encoding a number": lambda f, r: nl.read_log("examples/week.csv", encoding=8),
    "read_log: unknown option": lambda f, r: nl.read_log("examples/week.csv", delimiter=";"),
    "read_log: unknown option of a frame": lambda f, r: nl.read_log(pd.DataFrame({"food": ["x"]}), sep=";"),
    "read_log: chunksize 0": lambda f, r: nl.read_log("examples/week.csv", chunksize=0),
    "Profile: no sex": lambda f, r: nl.Profile(age=34),
    "Profile: unknown sex": lambda f, r: nl.Profile(age=34, sex="x"),
    "Profile: pregnant male": lambda f, r: nl.Profile(age=30, sex="male", pregnant=True),
    "load_foods: user foods not found": lambda f, r: f.with_user_foods("/no/such/foods.csv"),
    "match_foods: one str as texts": lambda f, r: nl.match_foods("milk", f),
    "match_foods: a number as texts": lambda f, r: nl.match_foods(5, f),
    "match_foods: ids of another length": lambda f, r: nl.match_foods(["milk"], f, food_ids=["a", "b"]),
    "read_csv_log: sep of two characters": lambda f, r: iotools.read_csv_log(_csv(), sep=";;"),
    "read_csv_log: dayfirst as text": lambda f, r: iotools.read_csv_log(_csv(), dayfirst="yes"),
    "read_csv_log: chunksize 0": lambda f, r: iotools.read_csv_log(_csv(), chunksize=0),
    "read_text_log: a number": lambda f, r: iotools.read_text_log(5),
    "read_text_log: a bad date": lambda f, r: iotools.read_text_log(io.StringIO("1 apple\n"), date="someday"),
    "read_cronometer: not an export": lambda f, r: iotools.read_cronometer(io.StringIO("a,b\n1,2\n")),
    "read_cronometer_daily: a bad date": lambda f, r: iotools.read_cronometer_daily(_csv(), date="someday"),
    "read_myfitnesspal: calcium_dv_mg -1": lambda f, r: iotools.read_myfitnesspal(_csv(), calcium_dv_mg=-1),
    "read_myfitnesspal: not an export": lambda f, r: iotools.read_myfitnesspal(io.StringIO("a,b\n1,2\n")),
    "read_asa24: not an Items file": lambda f, r: iotools.read_asa24(io.StringIO("a,b\n1,2\n")),
    "read_nhanes: a number": lambda f, r: iotools.read_nhanes(5),
    "read_nhanes: no food columns": lambda f, r: iotools.read_nhanes(pd.DataFrame({"x": [1]})),
    "read_nhanes: no such file": lambda f, r: iotools.read_nhanes("/no/such/DR1IFF_J.XPT"),
    "population: unknown column": lambda f, r: r.population(by="county"),
    "population: a number as by": lambda f, r: r.population(by=5),
    "population: unknown weights": lambda f, r: r.population(weights="nope"),
    "report: population by an unknown column": lambda f, r: r.report(population="county"),
    "report: an unknown person": lambda f, r: r.report(persons=["nobody"]),
    "report.save: a directory": lambda f, r: r.report().save("examples", "text"),
    "report: per_person as text": lambda f, r: r.report(per_person="yes"),
    "write_fixes: a number as path": lambda f, r: nl.write_fixes(r.fixes, 5),
    "write_fixes: an analysis as fixes": lambda f, r: nl.write_fixes(r, "fixes.csv"),
    "write_fixes: over an input": lambda f, r: nl.write_fixes(r.fixes, "examples/week.csv", ["examples/week.csv"]),
}  # fmt: skip


def _csv() -> io.StringIO:
    return io.StringIO("Date,food\n2026-11-20,banana\n")


@pytest.mark.parametrize("case", list(BAD_CALLS))
def test_bad_arguments_raise_a_nutrilog_error_with_a_one_line_message(
    case: str, foods: nl.FoodTable, result: nl.Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # examples/ for read_log
    with pytest.raises(nl.NutrilogError) as info:
        BAD_CALLS[case](foods, result)
    assert type(info.value) is not nl.NutrilogError  # a subclass that says what kind of failure
    message = str(info.value)
    assert message and "\n" not in message, case
    assert SAYS_EXPECTED.search(message) and SAYS_FOUND.search(message), message


#: A message says what was expected ...
SAYS_EXPECTED = re.compile(r"expected|must|should|look like|have \[|one of", re.I)
#: ... and what was found (or quotes it).
SAYS_FOUND = re.compile(r"found|'[^']+'")


BAD_COMMANDS: dict[str, tuple[list[str], int, str]] = {
    "no command": (["bogus"], 2, "'bogus'"),
    "analyze: age as text": (["analyze", "examples/week.csv", "--age", "x", "--sex", "f"], 2, "'x'"),
    "analyze: age 130": (["analyze", "examples/week.csv", "--age", "130", "--sex", "f"], 2, "found 130"),
    "analyze: no such log": (["analyze", "/no/such.csv", "--age", "34", "--sex", "f"], 1, "'/no/such.csv'"),
    "analyze: unknown format": (["analyze", "examples/week.csv", "--age", "34", "--sex", "f", "--format", "pdf"], 2, "'pdf'"),
    "foods show: unknown id": (["foods", "show", "sr28:99999"], 1, "'sr28:99999'"),
    "foods search: limit as text": (["foods", "search", "milk", "--limit", "x"], 2, "found 'x'"),
    "references: sex missing": (["references", "--age", "34"], 2, "--sex"),
    "analyze: population by an unknown column": (["analyze", "examples/week.csv", "--age", "34", "--sex", "f", "--population-by", "county"], 2, "found 'county'"),
    "analyze: an output over the log": (["analyze", "examples/week.csv", "--age", "34", "--sex", "f", "--daily", "examples/week.csv"], 2, "found the input"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_COMMANDS))
def test_bad_commands_exit_with_a_one_line_error_naming_what_was_given(
    case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv, code, given = BAD_COMMANDS[case]
    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # examples/
    assert main(argv) == code
    err = capsys.readouterr().err
    last = err.rstrip("\n").splitlines()[-1]
    assert last.startswith("nutrilog") and ": error: " in last and "Traceback" not in err
    assert given in last, last


def test_argument_errors_are_value_errors_and_lookups_key_errors(foods: nl.FoodTable) -> None:
    with pytest.raises(ValueError, match="analyze|log: expected a FoodLog"):
        nl.analyze(5, WOMAN)
    with pytest.raises(KeyError):
        foods.get("sr28:00000")
    with pytest.raises(KeyError):
        nl.load_explanations().get("zinc")
    assert issubclass(UnknownNutrientError, ArgumentError)
    assert issubclass(UnknownFoodError, nl.NutrilogError)


@pytest.mark.parametrize(
    "error",
    [
        LogParseError("expected an amount, found none", source="week.csv", line=7, text="x"),
        OutputError("/no/such/dir/r.html", "no such file or directory"),
        OutputError("out", "a directory", expected="a file"),
        UnknownNutrientError("unknown nutrient 'zinc'"),
        ProfileError("invalid profile: age: too old"),
        ArgumentError("limit: expected a whole number"),
    ],
)
def test_errors_pickle_and_unpickle_intact(error: Exception) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert vars(back) == vars(error)


def test_log_parse_error_keeps_its_parts_through_pickle() -> None:
    error = LogParseError("expected an amount, found none", source="week.csv", line=7, text="x")
    back = pickle.loads(pickle.dumps(error))
    assert (back.reason, back.source, back.line, back.text) == (
        "expected an amount, found none", "week.csv", 7, "x",
    )  # fmt: skip
    assert str(back) == "week.csv, line 7: expected an amount, found none ['x']"


def test_version_is_the_installed_distributions() -> None:
    assert nl.__version__ == importlib.metadata.version("nutrilog")
