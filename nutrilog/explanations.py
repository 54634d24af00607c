"""Why a shortfall can cause neck or back spasms: the bundled explanations, as data.

``datasets/explanations.yaml`` summarises, in nutrilog's own words, two articles
("What vitamin deficiency causes neck spasms?" and "What deficiency causes back
spasms?"). Every point carries the keys of the article(s) it rests on, so the
report can attribute it. :func:`load_explanations` validates the file (or a user
file in the same schema, see ``datasets/explanations.schema.md``) into
:class:`Explanations`.

Examples
--------
>>> from nutrilog.explanations import load_explanations
>>> ex = load_explanations()
>>> ex.get("magnesium_mg").label
'Magnesium'
>>> ex.cite(["back"])
'— from “What deficiency causes back spasms?”'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nutrilog._resources import dataset_path
from nutrilog.errors import DataError, UnknownNutrientError
from nutrilog.nutrients import NUTRIENT_COLUMNS, TRACKED, nutrient

__all__ = [
    "Article",
    "ChokingHazard",
    "ChokingHazards",
    "PortionScale",
    "Point",
    "FoodMention",
    "Cause",
    "SuggestionFood",
    "NutrientExplanation",
    "Explanations",
    "load_explanations",
]

_BUNDLED = "explanations.yaml"
_SOURCE_KEY = r"^[a-z][a-z0-9_]*$"
_FOOD_ID = r"^[a-z0-9]+:\S+$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Article(_Model):
    """One source: an article (its title, the file it was read from, its address when the
    copy gives one), or, ``kind: note``, what nutrilog adds that no article says."""

    title: str = Field(min_length=1)
    file: str | None = Field(default=None, min_length=1)
    url: str | None = Field(default=None, min_length=1)
    kind: Literal["article", "note"] = "article"

    @model_validator(mode="after")
    def _check(self) -> Article:
        if self.kind == "article" and self.file is None:
            raise ValueError("an article needs the file it was read from")
        return self


class Point(_Model):
    """One statement, in nutrilog's words, with the keys of the articles behind it."""

    text: str = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class FoodMention(_Model):
    """A food (or food group) an article names as a source of a nutrient."""

    name: str = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class Cause(_Model):
    """A cause of spasms other than diet (posture, stress, ...)."""

    cause: str = Field(min_length=1)
    text: str = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class SuggestionFood(_Model):
    """A concrete food offered when a nutrient falls short.

    ``portion`` picks the household measure: the first of the food's portions whose
    description, or label ``"<amount> <description>"``, starts with it.
    ``named_in`` lists the articles naming this kind of food for the nutrient.
    """

    id: str = Field(pattern=_FOOD_ID)
    name: str = Field(min_length=1)
    portion: str | None = None
    named_in: tuple[str, ...] = ()


class ChokingHazard(_Model):
    """Foods a young child could choke on: a description matching ``pattern`` and not
    ``unless`` (regular expressions, case ignored)."""

    name: str = Field(min_length=1)
    pattern: str = Field(min_length=1)
    unless: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ChokingHazard:
        for text in (self.pattern, self.unless):
            if text is not None:
                try:
                    re.compile(text)
                except re.error as err:
                    raise ValueError(f"not a regular expression: {text!r} ({err})") from None
        return self

    def matches(self, description: str) -> bool:
        """Whether a food description is this hazard.

        Examples
        --------
        >>> grapes = ChokingHazard(name="whole grapes", pattern="grapes?", unless="juice")
        >>> grapes.matches("Grapes, raw"), grapes.matches("Grape juice, canned")
        (True, False)
        """
        if not re.search(self.pattern, description, flags=re.IGNORECASE):
            return False
        return not (self.unless and re.search(self.unless, description, flags=re.IGNORECASE))


class ChokingHazards(_Model):
    """The choking hazards never offered to a child younger than ``under_years``."""

    source: str = Field(min_length=1)
    under_years: float = Field(gt=0)
    foods: tuple[ChokingHazard, ...] = Field(min_length=1)


class UnsuitableDrink(ChokingHazard):
    """A drink never suggested to people younger than ``under_years`` (to nobody when
    ``under_years`` is empty): a description matching ``pattern`` and not ``unless``."""

    under_years: float | None = Field(default=None, gt=0)


class UnsuitableDrinks(_Model):
    """Drinks that are never suggested to close a gap (caffeine for children, alcohol)."""

    source: str = Field(min_length=1)
    drinks: tuple[UnsuitableDrink, ...] = Field(min_length=1)


class PortionGroup(_Model):
    """Energy need (kcal/day) of the children of one DRI age group ``[age_min, age_max)``."""

    age_min: float = Field(ge=0)
    age_max: float = Field(gt=0)
    female: float = Field(gt=0)
    male: float = Field(gt=0)


class PortionScale(_Model):
    """Children's portions: the group's energy need as a share of the adult one (same sex).

    Examples
    --------
    >>> load_explanations().portion_scale.factor(2, "female")
    0.5
    >>> load_explanations().portion_scale.factor(34, "male")
    1.0
    """

    source: str = Field(min_length=1)
    adult_kcal: dict[Literal["female", "male"], float]
    groups: tuple[PortionGroup, ...] = Field(min_length=1)

    def factor(self, age: float, sex: str) -> float:
        """Share of an adult portion for a person, rounded to a quarter (1 from age
        :attr:`PortionGroup.age_max` of the last group on, or for an unknown sex)."""
        if sex not in self.adult_kcal:
            return 1.0
        for group in self.groups:
            if group.age_min <= age < group.age_max:
                share = getattr(group, sex) / self.adult_kcal[sex]  # type: ignore[index]
                return min(1.0, max(0.25, round(share * 4) / 4))
        return 1.0


class NutrientExplanation(_Model):
    """What the articles say about one nutrient."""

    label: str = Field(min_length=1)
    column: str
    sources: tuple[str, ...] = Field(min_length=1)
    role: tuple[Point, ...] = Field(min_length=1)
    mechanism: tuple[Point, ...] = Field(min_length=1)
    foods: tuple[FoodMention, ...] = ()
    interactions: tuple[Point, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> NutrientExplanation:
        if self.column not in NUTRIENT_COLUMNS:
            raise ValueError(f"column {self.column!r} is not one of {NUTRIENT_COLUMNS}")
        used = {s for item in self._attributed() for s in item.sources}
        missing = sorted(used - set(self.sources))
        if missing:
            raise ValueError(f"sources must list every article its points cite; missing {missing}")
        return self

    def _attributed(self) -> list[Point | FoodMention]:
        return [*self.role, *self.mechanism, *self.foods, *self.interactions]


class Explanations(_Model):
    """The explanations file, validated.

    Attributes
    ----------
    articles : dict of str to Article
        Short key (``neck``, ``back``) -> title and file.
    nutrients : dict of str to NutrientExplanation
        Keyed by nutrient key (``magnesium``, ``vitamin_d``...).
    other_causes : tuple of Cause
    see_a_clinician : tuple of Point
    disclaimer : Point
    suggestion_foods : dict of str to tuple of SuggestionFood
        Nutrient key -> concrete foods, in the order listed.
    choking_hazards : ChokingHazards or None
        Foods never offered to young children.
    unsuitable_drinks : UnsuitableDrinks or None
        Drinks never suggested (caffeinated ones to children, alcoholic ones to anyone).
    portion_scale : PortionScale or None
        How children's portions shrink with their DRI age group.

    Examples
    --------
    >>> ex = load_explanations()
    >>> sorted(ex.articles)
    ['back', 'neck', 'nutrilog']
    >>> ex.suggestions("magnesium")[0].name
    'pumpkin seeds'
    """

    schema_version: Literal[1]
    articles: dict[str, Article] = Field(min_length=1)
    disclaimer: Point
    see_a_clinician: tuple[Point, ...] = ()
    other_causes: tuple[Cause, ...] = ()
    nutrients: dict[str, NutrientExplanation] = Field(min_length=1)
    suggestion_foods: dict[str, tuple[SuggestionFood, ...]] = {}
    choking_hazards: ChokingHazards | None = None
    unsuitable_drinks: UnsuitableDrinks | None = None
    portion_scale: PortionScale | None = None

    @model_validator(mode="after")
    def _check(self) -> Explanations:
        known = set(self.articles)
        bad_keys = [k for k in known if not _is_key(k)]
        if bad_keys:
            raise ValueError(f"article keys must be lower-case identifiers, got {bad_keys}")
        nutrient_keys = {n.key for n in TRACKED}
        for section in ("nutrients", "suggestion_foods"):
            unknown = sorted(set(getattr(self, section)) - nutrient_keys)
            if unknown:
                raise ValueError(
                    f"{section}: unknown nutrient(s) {unknown}; expected {sorted(nutrient_keys)}"
                )
        for key, entry in self.nutrients.items():
            expected = nutrient(key).column
            if entry.column != expected:
                raise ValueError(
                    f"nutrients.{key}.column is {entry.column!r}, expected {expected!r}"
                )
        for where, sources in self._all_sources():
            unknown = sorted(set(sources) - known)
            if unknown:
                raise ValueError(
                    f"{where}: unknown article key(s) {unknown}; articles are {sorted(known)}"
                )
        return self

    def _all_sources(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        yield "disclaimer", self.disclaimer.sources
        for i, point in enumerate(self.see_a_clinician):
            yield f"see_a_clinician.{i}", point.sources
        for i, cause in enumerate(self.other_causes):
            yield f"other_causes.{i}", cause.sources
        for key, entry in self.nutrients.items():
            yield f"nutrients.{key}.sources", entry.sources
            for item in entry._attributed():
                yield f"nutrients.{key}", item.sources
        for key, foods in self.suggestion_foods.items():
            for i, food in enumerate(foods):
                yield f"suggestion_foods.{key}.{i}.named_in", food.named_in

    # -- lookups ---------------------------------------------------------------------
    def get(self, nutrient: str) -> NutrientExplanation:
        """Return the explanation of a nutrient, by key (``"magnesium"``) or column.

        Raises
        ------
        UnknownNutrientError
            If the file has no entry for that nutrient (a ``KeyError``).

        Examples
        --------
        >>> load_explanations().get("vitamin_d").column
        'vitamin_d_ug'
        """
        key = _key(nutrient)
        if key not in self.nutrients:
            raise UnknownNutrientError(
                f"no explanation for {nutrient!r}; have {sorted(self.nutrients)}"
            )
        return self.nutrients[key]

    def suggestions(self, nutrient: str) -> tuple[SuggestionFood, ...]:
        """Return the curated foods for a nutrient (key or column); empty when none.

        Examples
        --------
        >>> load_explanations().suggestions("water_g")[0].id
        'sr28:14411'
        """
        return self.suggestion_foods.get(_key(nutrient), ())

    def cite(self, sources: Iterable[str]) -> str:
        """Return the attribution line for article keys, titles in curly quotes; a note
        source is named as nutrilog's own addition.

        Examples
        --------
        >>> load_explanations().cite(["neck", "back"])
        '— from “What vitamin deficiency causes neck spasms?” and “What deficiency causes back spasms?”'
        >>> load_explanations().cite(["nutrilog"])
        '— added by nutrilog (not from the articles)'
        """
        keys = list(dict.fromkeys(sources))
        titles = [f"“{self.articles[k].title}”" for k in keys if self.articles[k].kind == "article"]
        if len(titles) > 2:
            joined = ", ".join(titles[:-1]) + " and " + titles[-1]
        else:
            joined = " and ".join(titles)
        added = any(self.articles[k].kind == "note" for k in keys)
        if not titles:
            return "— added by nutrilog (not from the articles)"
        return f"— from {joined}" + ("; with an addition by nutrilog" if added else "")

    def is_unsuitable_drink(self, description: str, age: float | None) -> bool:
        """Whether a drink (by its description) is never suggested to a person of ``age``.

        Examples
        --------
        >>> ex = load_explanations()
        >>> coffee = "Beverages, coffee, brewed, prepared with tap water"
        >>> ex.is_unsuitable_drink(coffee, 8), ex.is_unsuitable_drink(coffee, 34)
        (True, False)
        >>> ex.is_unsuitable_drink("Beer, regular, all", 40)
        True
        """
        table = self.unsuitable_drinks
        if table is None:
            return False
        return any(
            (d.under_years is None or (age is not None and age < d.under_years))
            and d.matches(description)
            for d in table.drinks
        )

    def is_choking_hazard(self, description: str) -> bool:
        """Whether a food (by its description) is a choking hazard for young children.

        Examples
        --------
        >>> ex = load_explanations()
        >>> ex.is_choking_hazard("Nuts, almonds"), ex.is_choking_hazard("Almond milk, unsweetened")
        (True, False)
        """
        hazards = self.choking_hazards
        return bool(hazards) and any(h.matches(description) for h in hazards.foods)  # type: ignore[union-attr]


def _is_key(key: str) -> bool:
    return re.fullmatch(_SOURCE_KEY, key) is not None


def _key(name: str) -> str:
    """The nutrient key of a key or column; other names are returned as given."""
    try:
        return nutrient(name).key
    except UnknownNutrientError:
        return name


def _describe(err: ValidationError) -> str:
    parts = []
    for issue in err.errors():
        msg = str(issue["msg"]).removeprefix("Value error, ")
        field = ".".join(str(p) for p in issue["loc"])
        parts.append(f"field {field}: {msg}" if field else msg)
    return "; ".join(parts)


#: The safe YAML loader, in C when PyYAML was built with libyaml (several times faster).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, source: str) -> Explanations:
    try:
        raw = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as err:
        raise DataError(f"{source}: not valid YAML: {err}") from err
    if not isinstance(raw, dict):
        raise DataError(
            f"{source}: expected a mapping at the top level, found {type(raw).__name__}"
        )
    try:
        return Explanations.model_validate(raw)
    except ValidationError as err:
        raise DataError(f"{source}: {_describe(err)}") from err


@lru_cache(maxsize=1)
def _bundled() -> Explanations:
    return _parse(
        dataset_path(_BUNDLED).read_text(encoding="utf-8"), f"nutrilog.datasets/{_BUNDLED}"
    )


def load_explanations(path: str | PathLike[str] | Traversable | None = None) -> Explanations:
    """Load and validate the explanations: the bundled file, or a user file in the same schema.

    Parameters
    ----------
    path : path-like, optional
        A YAML file following ``datasets/explanations.schema.md``; the bundled
        ``explanations.yaml`` (cached) when omitted.

    Returns
    -------
    Explanations

    Raises
    ------
    DataError
        If the file cannot be read, is not YAML, or breaks the schema; the message
        names the file and the offending field (e.g. ``nutrients.calcium.role.0.sources``).

    Examples
    --------
    >>> load_explanations().get("calcium").foods[0].name
    'milk'
    """
    if path is None:
        return _bundled()
    source = str(path)
    try:
        text = (
            path.read_text(encoding="utf-8")
            if isinstance(path, Traversable)
            else Path(path).read_text(encoding="utf-8")
        )
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DataError(
            f"{source}: cannot read explanations file: expected a readable UTF-8 YAML file, "
            f"found {reason}"
        ) from err
    return _parse(text, source)
