"""The person whose intake is assessed: age, sex, pregnancy or lactation.

The profile selects the Dietary Reference Intake life-stage group. It is a
frozen pydantic model: it never changes once made, is hashable (a dict key, a
cache key), and :meth:`Profile.replace` gives a changed copy. An invalid profile
(at construction, ``model_validate`` or ``replace``) raises
:class:`~nutrilog.errors.ProfileError`, a :class:`~nutrilog.errors.NutrilogError`
and ``ValueError``, with a one-line message naming each bad field.
:func:`as_profile` turns any profile-like input into a :class:`Profile` the same way.

Examples
--------
>>> from nutrilog.profile import Profile
>>> Profile(age=34, sex="F").sex
'female'
>>> Profile(age=25, sex="female", pregnant=True).life_stage
'pregnancy'
"""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from nutrilog.errors import ProfileError, UnknownNutrientError
from nutrilog.nutrients import ASSESSED, nutrient

__all__ = [
    "Profile",
    "as_profile",
    "read_people",
    "profiles_for",
    "check_sd_within",
    "MIN_AGE",
    "MAX_AGE",
    "REPRODUCTIVE_AGES",
]

#: Accepted ages, in years (inclusive).
MIN_AGE: float = 0.0
MAX_AGE: float = 120.0

#: Half-open age range [14, 51) for which DRIs define pregnancy and lactation groups.
REPRODUCTIVE_AGES: tuple[float, float] = (14.0, 51.0)

_SEX_ALIASES = {"f": "female", "female": "female", "m": "male", "male": "male"}


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
            "a Profile does not change: use profile.replace(sd_within=...) for a changed copy"
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
            raise ProfileError(readable_error(err)) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate ``obj`` (a mapping of the fields); raises :class:`ProfileError`."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as err:  # __init__ ran inside it: its ProfileError is kept
            inner = [e.get("ctx", {}).get("error") for e in err.errors()]
            found = next((e for e in inner if isinstance(e, ProfileError)), None)
            raise (found or ProfileError(readable_error(err))) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise ProfileError(
            f"a Profile does not change: use profile.replace({name}={value!r}) for a changed copy"
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
            if key in _SEX_ALIASES:
                return _SEX_ALIASES[key]
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
                raise ValueError(f"{stage} applies only to females, found sex={self.sex!r}")
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


def readable_error(err: ValidationError, what: str = "profile") -> str:
    """One line from a pydantic ValidationError: ``invalid <what>: field: message; ...``.

    Examples
    --------
    >>> class Dose(BaseModel):
    ...     mg: float
    >>> try:
    ...     Dose(mg="x")
    ... except ValidationError as err:
    ...     print(readable_error(err, "dose"))
    invalid dose: mg: Input should be a valid number, unable to parse string as a number
    """
    parts = []
    for item in err.errors():
        where = ".".join(str(p) for p in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
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


#: Header names of a people table, by field (compared as :func:`nutrilog.iotools._columns.header_key`).
PEOPLE_HEADERS: dict[str, tuple[str, ...]] = {
    "person": ("person", "participant", "participant id", "subject", "subject id", "user",
               "user id", "username", "user name", "seqn", "person id", "id", "who"),
    "age": ("age", "age years", "age y", "ridageyr", "years"),
    "sex": ("sex", "gender", "riagendr"),
    "pregnant": ("pregnant", "pregnancy", "ridexprg"),
    "lactating": ("lactating", "lactation", "breastfeeding"),
}  # fmt: skip

_NHANES_SEX = {"1": "male", "1.0": "male", "2": "female", "2.0": "female"}
_TRUE = {"true", "yes", "y", "1", "1.0", "t"}
_FALSE = {"false", "no", "n", "0", "0.0", "f", ""}


def _flag(value: object) -> bool | str:
    """A yes/no cell as a bool; the cell itself (for the error) when it is neither."""
    if value is None or isinstance(value, float) and math.isnan(value):
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return str(value)


def _people_frame(source: Any) -> tuple[Any, str]:
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        return source, "<people table>"
    if isinstance(source, (str, os.PathLike)):
        try:
            return pd.read_csv(source, dtype=object, keep_default_na=False), str(source)
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as err:
            raise ProfileError(
                f"{source}: expected a readable CSV of people (person, age, sex, pregnant, "
                f"lactating), found an unreadable file ({err})"
            ) from None
    raise ProfileError(
        f"expected a people table (DataFrame or CSV path), found {type(source).__name__}"
    )


def people_table(source: Any) -> Any:
    """A people table as read, with its person column as text ids in ``person``.

    The other columns (survey weights, study arms, NHANES demographics) are kept, so
    that :meth:`nutrilog.Analysis.population` can group or weight by them.

    Parameters
    ----------
    source : DataFrame or path
        As for :func:`read_people`.

    Returns
    -------
    DataFrame
        One row per person, ``person`` first.

    Examples
    --------
    >>> import pandas as pd
    >>> table = people_table(pd.DataFrame({"SEQN": [83732.0], "RIDAGEYR": [62], "RIAGENDR": [1]}))
    >>> table.columns.tolist(), table.loc[0, "person"]
    (['person', 'SEQN', 'RIDAGEYR', 'RIAGENDR'], '83732')
    """
    from nutrilog.iotools._codes import person_id
    from nutrilog.iotools._columns import header_key

    frame, name = _people_frame(source)
    column = next((c for c in frame.columns if header_key(c) in PEOPLE_HEADERS["person"]), None)
    if column is None:
        raise ProfileError(
            f"{name}: expected a person column ({', '.join(PEOPLE_HEADERS['person'][:4])}, ...), "
            f"found columns {[str(c) for c in frame.columns]}"
        )
    ids = [  # digits alone are an id already
        v if type(v) is str and v.isdigit() else None if v is None else str(person_id(v))
        for v in frame[column].tolist()
    ]
    out = frame.drop(columns=["person"], errors="ignore").copy()
    out.insert(0, "person", ids)
    return out.reset_index(drop=True)


def read_people(source: Any) -> dict[str, Profile]:
    """Read a table of people, one row per person, into ``{person: Profile}``.

    Parameters
    ----------
    source : DataFrame or path
        Columns ``person``, ``age``, ``sex`` and optionally ``pregnant``,
        ``lactating`` (yes/no, true/false, 1/0; empty is no). NHANES demographics
        names are read too: ``SEQN``, ``RIDAGEYR``, ``RIAGENDR`` (1 male, 2 female),
        ``RIDEXPRG`` (1 pregnant). Person ids are kept as text, a whole
        number written as a float (``83732.0``) as the number (``"83732"``), so
        they match the ``person`` column of a log read by nutrilog.

    Returns
    -------
    dict
        Person id (text) → :class:`Profile`, in the table's order.

    Raises
    ------
    ProfileError
        A missing column, a repeated person, or an invalid profile (the row's line
        in the file and the reason are named).

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"person": [1, 2], "age": [8.25, 70.9], "sex": ["m", "f"]})
    >>> {k: p.describe() for k, p in read_people(people).items()}
    {'1': 'male, 8.25 y', '2': 'female, 70.9 y'}
    """
    from nutrilog.iotools._codes import person_id
    from nutrilog.iotools._columns import header_key

    frame, name = _people_frame(source)
    found: dict[str, Any] = {}
    for column in frame.columns:
        key = header_key(column)
        for field, names in PEOPLE_HEADERS.items():
            if key in names and field not in found:
                found[field] = column
    missing = [f for f in ("person", "age", "sex") if f not in found]
    if missing:
        raise ProfileError(
            f"{name}: expected columns person, age, sex (and optionally pregnant, lactating); "
            f"missing {', '.join(missing)}, found columns {[str(c) for c in frame.columns]}"
        )
    header_lines = 1 if isinstance(source, (str, os.PathLike)) else 0
    persons = [  # digits alone are an id already
        v if type(v) is str and v.isdigit() else person_id(v)
        for v in frame[found["person"]].tolist()
    ]
    ages = frame[found["age"]].tolist()
    sexes = frame[found["sex"]].tolist()
    if header_key(found["sex"]) == "riagendr":  # NHANES codes sex 1 male, 2 female
        sexes = [_NHANES_SEX.get(str(v).strip(), v) for v in sexes]
    flags = {
        f: _per_distinct(frame[found[f]], _flag) if f in found else [False] * len(frame)
        for f in ("pregnant", "lactating")
    }
    if "pregnant" in found and header_key(found["pregnant"]) == "ridexprg":
        # NHANES: 1 pregnant, 2 not, 3 cannot tell; missing for men and children
        cells = [str(v).strip() for v in frame[found["pregnant"]].tolist()]
        flags["pregnant"] = [c in ("1", "1.0") for c in cells]
    plain = _plain_people(persons, ages, sexes, flags["pregnant"], flags["lactating"])
    if plain is not None:
        return plain
    out: dict[str, Profile] = {}
    made: dict[tuple[Any, ...], Profile] = {}  # one validation per distinct profile
    for k, person in enumerate(persons):
        key = (ages[k], sexes[k], flags["pregnant"][k], flags["lactating"][k])
        profile = made.get(key)
        if profile is None or person is None or person in out:
            where = f"{name}, {'line' if header_lines else 'row'} {k + 1 + header_lines}"
            if person is None or not str(person).strip():
                raise ProfileError(f"{where}: expected a person id, found an empty cell")
            if person in out:
                raise ProfileError(f"{where}: person {person!r} is listed twice")
            profile = made[key] = _row_profile(key, where)
        out[str(person)] = profile
    return _PeopleProfiles(out)


def _per_distinct(cells: Any, func: Callable[[Any], Any]) -> list[Any]:
    """``[func(c) for c in cells]`` (a Series), calling ``func`` once per distinct cell."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(cells, dtype=object), use_na_sentinel=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [func(u) for u in uniques]
    return mapped[codes].tolist()


class _PeopleProfiles(dict):  # type: ignore[type-arg]
    """:func:`read_people`'s mapping, whose keys are person ids already."""


def _plain_people(
    persons: list[Any],
    ages: list[Any],
    sexes: list[Any],
    pregnant: list[Any],
    lactating: list[Any],
) -> _PeopleProfiles | None:
    """:func:`read_people`'s mapping when every row is valid, checked column by column
    and one profile made per distinct profile; None when a row needs the row-by-row
    checks (which name it)."""
    import numpy as np
    import pandas as pd

    n = len(persons)
    if (
        not n
        or len(set(persons)) != n
        or not all(isinstance(p, str) and p.strip() for p in persons)
    ):
        return None
    cells = pd.Series(ages, dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=False) not in ("string", "floating", "integer"):
        return None
    age = pd.to_numeric(cells, errors="coerce").to_numpy(dtype="float64")
    sex_codes, sex_cells = pd.factorize(pd.Series(sexes, dtype=object), use_na_sentinel=False)
    sex_names = [_SEX_ALIASES.get(str(v).strip().lower()) for v in sex_cells]
    if None in sex_names:
        return None
    female = np.array([v == "female" for v in sex_names], dtype=bool)[sex_codes]
    flags = np.array([pregnant, lactating], dtype=object)
    if any(not isinstance(v, (bool, np.bool_)) for v in set(flags.ravel().tolist())):
        return None  # a cell that is neither yes nor no
    preg, lact = flags.astype(bool)
    low, high = REPRODUCTIVE_AGES
    with np.errstate(invalid="ignore"):
        valid = (
            np.isfinite(age)
            & (age >= MIN_AGE)
            & (age <= MAX_AGE)
            & ~(preg & lact)
            & (~(preg | lact) | (female & (age >= low) & (age < high)))
        )
    if not valid.all():
        return None
    # one profile per distinct (age, sex, pregnant, lactating)
    # one integer key per distinct (age, sex, pregnant, lactating)
    age_codes, age_values = pd.factorize(age)
    kind = (sex_codes.astype(np.int64) * 2 + preg) * 2 + lact
    codes, _ = pd.factorize(age_codes.astype(np.int64) * (4 * len(sex_names)) + kind)
    _, first_row = np.unique(codes, return_index=True)  # the first row of each distinct key
    # a copy of a checked profile with its age set: pydantic's own copy, without validation
    templates: dict[tuple[Any, ...], Profile] = {}
    made = []
    for row in first_row.tolist():
        sex, p, q = int(sex_codes[row]), bool(preg[row]), bool(lact[row])
        template = templates.get((sex, p, q))
        if template is None:
            template = templates[sex, p, q] = Profile.model_construct(
                age=0.0, sex=sex_names[sex], pregnant=p, lactating=q, name=None, sd_within=None
            )
        profile = copy.copy(template)
        profile.__dict__["age"] = float(age_values[age_codes[row]])
        made.append(profile)
    return _PeopleProfiles(zip(persons, [made[c] for c in codes.tolist()], strict=True))


def _row_profile(fields: tuple[Any, ...], where: str) -> Profile:
    """The profile of one row of a people table; a ProfileError naming the row if invalid.

    A valid row (the usual case) is checked here and built without pydantic's
    validation, which costs more than the rest of reading a cohort's people.
    """
    age_cell, sex_cell, pregnant, lactating = fields
    for field, value in (("pregnant", pregnant), ("lactating", lactating)):
        if isinstance(value, str):
            raise ProfileError(f"{where}: {field} must be yes or no, found {value!r}")
    try:
        age = float(str(age_cell).strip())
    except ValueError:
        raise ProfileError(f"{where}: age must be a number of years, found {age_cell!r}") from None
    sex = _SEX_ALIASES.get(str(sex_cell).strip().lower())
    low, high = REPRODUCTIVE_AGES
    plain = (
        sex is not None
        and math.isfinite(age)
        and MIN_AGE <= age <= MAX_AGE
        and not (pregnant and lactating)
        and (not (pregnant or lactating) or (sex == "female" and low <= age < high))
    )
    if plain:  # every check of Profile's validators holds
        return Profile.model_construct(
            age=age, sex=sex, pregnant=bool(pregnant), lactating=bool(lactating),
            name=None, sd_within=None,
        )  # fmt: skip
    try:
        return Profile(age=age, sex=sex_cell, pregnant=pregnant, lactating=lactating)
    except ProfileError as err:
        raise ProfileError(f"{where}: {err}") from None


def _shown(keys: Iterable[object], limit: int = 10) -> str:
    listed = list(keys)
    text = ", ".join(repr(k) for k in listed[:limit])
    return text + (f" and {len(listed) - limit:,} more" if len(listed) > limit else "")


def profiles_for(people: list[str], profile: Any) -> dict[str, Profile]:
    """Each person of a log → their :class:`Profile`.

    Parameters
    ----------
    people : list of str
        The ``person`` values of the log.
    profile : Profile, mapping, DataFrame or path
        One profile for everyone (a :class:`Profile` or its fields), a mapping
        person → Profile (or its fields), or a people table (see
        :func:`read_people`). Mapping keys match the log's person ids whatever
        their type: ``83732``, ``83732.0`` and ``"83732"`` are the same person.

    Raises
    ------
    ProfileError
        When a person of the log has no profile (the missing ids are named).

    Examples
    --------
    >>> profiles_for(["1", "2"], {1: {"age": 8, "sex": "m"}, 2: Profile(age=9, sex="f")})["1"].age
    8.0
    """
    import pandas as pd

    from nutrilog.iotools._codes import person_id

    if isinstance(profile, Profile):
        return {p: profile for p in people}
    if isinstance(profile, (pd.DataFrame, str, os.PathLike)):
        profile = read_people(profile)
    if not isinstance(profile, Mapping):
        raise ProfileError(
            "expected a Profile, a mapping of person → Profile or a people table (DataFrame "
            f"or CSV path), found {type(profile).__name__}"
        )
    if {"age", "sex"} <= set(profile) and not all(
        isinstance(v, (Profile, Mapping)) for v in profile.values()
    ):
        one = as_profile(profile)
        return {p: one for p in people}
    given: Mapping[str, Any] = (
        profile
        if isinstance(profile, _PeopleProfiles)
        else {str(person_id(k)): v for k, v in profile.items()}
    )
    missing = [p for p in people if p not in given]
    if missing:
        raise ProfileError(
            f"expected a profile for every person in the log; missing {len(missing):,} "
            f"({_shown(missing)}); profiles given for {len(given):,} ({_shown(given)})"
        )
    made: dict[int, Profile] = {}
    out: dict[str, Profile] = {}
    for p in people:
        value = given[p]
        if isinstance(value, Profile):
            out[p] = value
        else:
            if id(value) not in made:
                made[id(value)] = as_profile(value)
            out[p] = made[id(value)]
    return out
