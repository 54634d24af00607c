"""Unit registry facts the food tables rely on (nutrilog.units)."""

from __future__ import annotations

import pint
import pytest

from nutrilog.errors import UnitError
from nutrilog.units import convert, normalize_unit, to_grams, ureg, vitamin_d_iu_to_ug


def test_vitamin_d_iu_converts_only_in_its_context() -> None:
    # 1 µg vitamin D = 40 IU (IOM 2011 DRI report; SR28 doc, nutrient 324 vs 328)
    assert ureg.Quantity(400, "IU").to("ug", "vitamin_d").magnitude == pytest.approx(10.0)
    assert vitamin_d_iu_to_ug(400) == pytest.approx(10.0)
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(400, "IU").to("ug")


def test_cup_is_the_us_customary_cup() -> None:
    # US customary cup = 8 US fl oz = 236.5882 ml (NIST Handbook 44, appendix C)
    assert ureg.Quantity(1, "cup").to("ml").magnitude == pytest.approx(236.59, abs=0.005)


def test_cup_spoon_and_fluid_ounce_relations() -> None:
    assert convert(1, "cup", "tbsp") == pytest.approx(16)
    assert convert(1, "cup", "tsp") == pytest.approx(48)
    assert convert(1, "cup", "fl_oz") == pytest.approx(8)
    assert convert(1, "tbsp", "tsp") == pytest.approx(3)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Cups", "cup"),
        ("tablespoons", "tbsp"),
        ("Tbsp", "tbsp"),
        ("T", "tbsp"),
        ("t", "tsp"),
        ("tsp.", "tsp"),
        ("fl oz", "fl_oz"),
        ("fl. oz", "fl_oz"),
        ("mcg", "ug"),
        ("µg", "ug"),
        ("IU", "IU"),
        ("med", "medium"),
        ("slices", "slice"),
        ("ounces", "oz"),
    ],
)
def test_normalize_unit_aliases(text: str, unit: str) -> None:
    info = normalize_unit(text)
    assert info is not None
    assert info.unit == unit


def test_normalize_unit_unknown_and_empty() -> None:
    assert normalize_unit("furlong") is None
    assert normalize_unit("  ") is None
    assert normalize_unit(None) is None


def test_to_grams_converts_masses_and_refuses_volumes() -> None:
    # 1 avoirdupois ounce = 28.349523125 g (NIST Handbook 44)
    assert to_grams(1, "oz") == pytest.approx(28.3495, abs=1e-4)
    assert to_grams(2, "kg") == pytest.approx(2000)
    with pytest.raises(UnitError, match="volumes"):
        to_grams(1, "cup")


def test_convert_refuses_mass_to_volume() -> None:
    with pytest.raises(UnitError):
        convert(1, "g", "ml")
