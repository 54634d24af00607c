"""The person whose intake is assessed: age, sex, pregnancy or lactation.

The profile selects the Dietary Reference Intake life-stage group. It is a
frozen pydantic model: it never changes once made, is hashable (a dict key, a
cache key), and :meth:`Profile.replace` gives a changed copy. An invalid profile
(at construction, ``model_validate`` or ``replace``) raises
:class:`~nutrilog.errors.ProfileError`, a :class:`~nutrilog.errors.NutrilogError`
and ``ValueError``, with a one-line message naming each bad field.
:func:`as_profile` turns any profile-like input into a :class:`Profile` the same way.
Reading a table of people is :mod:`nutrilog.people`'s job (its functions also answer
here, under their old names).

Examples
--------
>>> from nutrilog.profile import Profile
>>> Profile(age=34, sex="F").sex
'female'
>>> Profile(age=25, sex="female", pregnant=True).life_stage
'pregnancy'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from nutrilog.errors import ProfileError, UnknownNutrientError
from nutrilog.nutrients import ASSESSED, nutrient

__all__ = [
    "Profile",
    "as_profile",
    "check_sd_within",
    "SEX_ALIASES",
    "MIN_AGE",
    "MAX_AGE",
    "REPRODUCTIVE_AGES",
]

#: Accepted ages, in years (inclusive).
MIN_AGE: float = 0.0
MAX_AGE: float = 120.0

#: Half-open age range [14, 51) for which DRIs define pregnancy and lactation groups.
REPRODUCTIVE_AGES: tuple[float, float] = (14.0, 51.0)

#: Accepted spellings of sex (lower case) → the name a :class:`Profile` keeps.
SEX_ALIASES = {"f": "female", "female": "female", "m": "male", "male": "male"}


def _assessed_key(name: str) -> str:
    """The key of an assessed nutrient named by key (``magnesium``) or column (``magnesium_mg``)."""
    try:
        key = nutrient(name).key
    except UnknownNutrientError:
        key = None
    if key not in ASSESSED:
        raise ValueError(f"unknown nutrient {name!r} in sd_within; expected one of {ASSESSED}")
    return key


def _sd_by_key(value: Mapping[str, float]) -> dict[str, float]:
    """SDs by nutrient key (keys or columns given), each a finite number >= 0; ValueError if not."""
    checked: dict[str, float] = {}
    for name, sd in value.items():
        if not math.isfinite(sd) or sd < 0:
            raise ValueError(f"sd_within[{name!r}] must be a finite number >= 0, found {sd!r}")
        checked[_assessed_key(name)] = float(sd)
    return checked


class _ReadOnlyDict(dict[str, float]):
    """A dict that refuses changes: the ``sd_within`` of a profile, which never changes."""

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise ProfileError(
            "a Profile does not change: expected profile.replace(sd_within=...) for a changed copy, "
            "found a change in place"
        )

    __setitem__ = __delitem__ = __ior__ = _refuse  # type: ignore[assignment]
    clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (dict(self),)


class Profile(BaseModel):
    """A person's age, sex and life stage, used to pick reference intakes.

    Parameters
    ----------
    age : float
        Age in years, 0 to 120 (``0.75`` for a 9-month-old).
    sex : {"female", "male"}
        Case-insensitive; ``"f"`` and ``"m"`` are accepted.
    pregnant, lactating : bool, default False
        Only for females aged 14 to 50, and not both.
    name : str, optional
        A label for reports.
    sd_within : mapping of str to float, optional
        Within-person (day-to-day) SD of intake by nutrient key (``"magnesium"``)
        or column (``"magnesium_mg"``), in the column's unit; used by
        :func:`nutrilog.assessment.assess` where no published value exists.
        Kept by nutrient key, read-only.

    Examples
    --------
    >>> Profile(age=40, sex="m", sd_within={"calcium_mg": 300}).sd_within
    {'calcium': 300.0}
    >>> Profile(age=34, sex="f") == Profile(age=34, sex="female")  # equal, one hash
    True
    >>> Profile(age=34, sex="f").replace(age=35).age
    35.0
    >>> Profile(age=60, sex="female", pregnant=True)
    Traceback (most recent call last):
    ...
    nutrilog.errors.ProfileError: invalid profile: pregnancy reference intakes exist only for ages 14 to 50, found age 60
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise ProfileError(readable_error(err, fields=tuple(Profile.model_fields))) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate ``obj`` (a mapping of the fields); raises :class:`ProfileError`."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as err:  # __init__ ran inside it: its ProfileError is kept
            inner = [e.get("ctx", {}).get("error") for e in err.errors()]
            found = next((e for e in inner if isinstance(e, ProfileError)), None)
            raise (
                found or ProfileError(readable_error(err, fields=tuple(Profile.model_fields)))
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise ProfileError(
            f"a Profile does not change: expected profile.replace({name}={value!r}) for a changed copy, "
            f"found {name} set in place"
        )

    def __hash__(self) -> int:
        sd = tuple(sorted(self.sd_within.items())) if self.sd_within else None
        return hash((self.age, self.sex, self.pregnant, self.lactating, self.name, sd))

    def replace(self, **changes: Any) -> Profile:
        """A copy with some fields changed, validated like a new profile.

        Examples
        --------
        >>> Profile(age=30, sex="female").replace(pregnant=True).life_stage
        'pregnancy'
        """
        return type(self)(**{**self.model_dump(), **changes})

    age: float
    sex: Literal["female", "male"]
    pregnant: bool = False
    lactating: bool = False
    name: str | None = None
    sd_within: dict[str, float] | None = None

    @field_validator("age", mode="before")
    @classmethod
    def _age_is_a_number(cls, value: Any) -> Any:
        if isinstance(value, bool):  # True would pass as 1 year
            raise ValueError(f"age must be a number of years, found {value!r}")
        return value

    @field_validator("age")
    @classmethod
    def _check_age(cls, value: float) -> float:
        if not math.isfinite(value) or not MIN_AGE <= value <= MAX_AGE:
            raise ValueError(
                f"age must be between {MIN_AGE:g} and {MAX_AGE:g} years, found {value:g}"
            )
        return float(value)

    @field_validator("sex", mode="before")
    @classmethod
    def _normalise_sex(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().lower()
            if key in SEX_ALIASES:
                return SEX_ALIASES[key]
            raise ValueError(f"sex must be 'female' or 'male' (or 'f'/'m'), found {value!r}")
        return value

    @field_validator("sd_within")
    @classmethod
    def _check_sd_within(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        return None if value is None else _ReadOnlyDict(_sd_by_key(value))

    @model_validator(mode="after")
    def _check_life_stage(self) -> Profile:
        if self.pregnant and self.lactating:
            raise ValueError("choose pregnant or lactating, not both")
        if self.pregnant or self.lactating:
            stage = "pregnancy" if self.pregnant else "lactation"
            low, high = REPRODUCTIVE_AGES
            if self.sex != "female":
                raise ValueError(
                    f"{stage} applies only to females: expected sex 'female', found sex={self.sex!r}"
                )
            if not low <= self.age < high:
                raise ValueError(
                    f"{stage} reference intakes exist only for ages {low:g} to {high - 1:g}, "
                    f"found age {self.age:g}"
                )
        return self

    @property
    def life_stage(self) -> str:
        """``"pregnancy"``, ``"lactation"`` or ``"none"`` (the ``life_stage`` of dri.csv).

        Examples
        --------
        >>> Profile(age=30, sex="female", lactating=True).life_stage
        'lactation'
        """
        if self.pregnant:
            return "pregnancy"
        if self.lactating:
            return "lactation"
        return "none"

    def describe(self) -> str:
        """A short human description, e.g. ``"female, 34 y"``.

        Examples
        --------
        >>> Profile(age=25, sex="female", pregnant=True).describe()
        'female, 25 y, pregnant'
        """
        text = f"{self.sex}, {self.age:g} y"
        if self.pregnant:
            text += ", pregnant"
        if self.lactating:
            text += ", lactating"
        return f"{self.name}: {text}" if self.name else text


def readable_error(
    err: ValidationError, what: str = "profile", fields: tuple[str, ...] = ()
) -> str:
    """One line from a pydantic ValidationError: ``invalid <what>: field: message; ...``.

    Each message says what was expected and what was found; ``fields`` are the
    known fields, named when an unknown one is given.

    Examples
    --------
    >>> class Dose(BaseModel):
    ...     mg: float
    >>> try:
    ...     Dose(mg="x")
    ... except ValidationError as err:
    ...     print(readable_error(err, "dose"))
    invalid dose: mg: Input should be a valid number, unable to parse string as a number, found 'x'
    """
    parts = []
    for item in err.errors():
        where = ".".join(str(p) for p in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "expected a value (a required field), found nothing"
        elif item["type"] == "extra_forbidden":
            known = ", ".join(fields) if fields else "the known fields"
            message = f"unknown field: expected one of {known}, found {item.get('input')!r}"
        elif "found" not in message:  # pydantic's own messages say what was expected only
            message = f"{message}, found {item.get('input')!r}"
        parts.append(f"{where}: {message}" if where else message)
    return f"invalid {what}: " + "; ".join(parts)


def check_sd_within(value: Mapping[str, float] | None) -> dict[str, float]:
    """Within-person SDs given by nutrient key or column, checked; keys become nutrient keys.

    Raises
    ------
    ProfileError
        If a nutrient is not assessed or an SD is not a finite number >= 0.

    Examples
    --------
    >>> check_sd_within({"calcium_mg": 300})
    {'calcium': 300.0}
    >>> check_sd_within({"zinc": 1})
    Traceback (most recent call last):
    ...
    nutrilog.errors.ProfileError: invalid sd_within: unknown nutrient 'zinc' in sd_within; expected one of ['magnesium', 'calcium', 'potassium', 'vitamin_d', 'vitamin_b12', 'sodium', 'water']
    """
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ProfileError(
            f"invalid sd_within: expected a mapping of nutrient to SD, found {type(value).__name__}"
        )
    from pydantic import TypeAdapter

    try:
        numbers = TypeAdapter(dict[str, float]).validate_python(dict(value))
        return _sd_by_key(numbers)
    except ValidationError as err:
        raise ProfileError(readable_error(err, "sd_within")) from None
    except ValueError as err:
        raise ProfileError(f"invalid sd_within: {err}") from None


def as_profile(value: Profile | Mapping[str, Any]) -> Profile:
    """Return ``value`` as a :class:`Profile`, raising :class:`ProfileError` if invalid.

    Parameters
    ----------
    value : Profile or mapping
        A profile, or its fields (``{"age": 34, "sex": "female"}``).

    Raises
    ------
    ProfileError
        With a one-line message naming each bad field.

    Examples
    --------
    >>> as_profile({"age": 34, "sex": "f"}).sex
    'female'
    >>> as_profile({"age": 130, "sex": "female"})
    Traceback (most recent call last):
    ...
    nutrilog.errors.ProfileError: invalid profile: age: age must be between 0 and 120 years, found 130
    """
    if isinstance(value, Profile):
        return value
    if not isinstance(value, Mapping):
        raise ProfileError(
            f"expected a Profile or a mapping of its fields, found {type(value).__name__}"
        )
    return Profile.model_validate(dict(value))


#: Names that moved to :mod:`nutrilog.people`, still importable from here.
_PEOPLE_NAMES = ("PEOPLE_HEADERS", "people_table", "profiles_for", "read_people")


def __getattr__(name: str) -> Any:
    """The people-table readers under their old path (imported on first use: the
    module imports this one)."""
    if name in _PEOPLE_NAMES:
        from nutrilog import people

        return getattr(people, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
