"""Tables of people: one row per person (``person, age, sex``, optionally
``pregnant, lactating``, or NHANES demographics) read into ``{person: Profile}``,
and the profile of every person of a log.

A table whose rows are all valid is checked column by column, one
:class:`~nutrilog.profile.Profile` made per distinct profile; a table with a bad
row is read row by row so that the error names that row.

Examples
--------
>>> import pandas as pd
>>> people = pd.DataFrame({"person": ["ann"], "age": [34], "sex": ["f"]})
>>> read_people(people)["ann"].describe()
'female, 34 y'
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from nutrilog.errors import ProfileError
from nutrilog.profile import MAX_AGE, MIN_AGE, REPRODUCTIVE_AGES, SEX_ALIASES, Profile, as_profile

__all__ = ["PEOPLE_HEADERS", "people_table", "profiles_for", "read_people", "read_people_table"]


#: Header names of a people table, by field (compared as :func:`nutrilog.iotools.header_key`).
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
    return _table_of(*_people_frame(source))


def read_people_table(source: Any) -> tuple[dict[str, Profile], Any]:
    """:func:`read_people` and :func:`people_table` of one source, a file read once.

    Examples
    --------
    >>> import pandas as pd
    >>> profiles, table = read_people_table(pd.DataFrame({"id": [7], "age": [34], "sex": ["f"]}))
    >>> profiles["7"].describe(), table["person"].tolist()
    ('female, 34 y', ['7'])
    """
    frame, name = _people_frame(source)
    header_lines = 1 if isinstance(source, (str, os.PathLike)) else 0
    return _profiles_of(frame, name, header_lines), _table_of(frame, name)


def _table_of(frame: Any, name: str) -> Any:
    from nutrilog.iotools import header_key, person_id

    column = next((c for c in frame.columns if header_key(c) in PEOPLE_HEADERS["person"]), None)
    if column is None:
        raise ProfileError(
            f"{name}: expected a person column ({', '.join(PEOPLE_HEADERS['person'][:4])}, ...), "
            f"found columns {[str(c) for c in frame.columns]}"
        )
    cells = frame[column].tolist()
    ids = (
        cells
        if _digits_only(cells)  # digits alone are an id already
        else [
            v if type(v) is str and v.isdigit() else None if v is None else str(person_id(v))
            for v in cells
        ]
    )
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
    header_lines = 1 if isinstance(source, (str, os.PathLike)) else 0
    return _profiles_of(*_people_frame(source), header_lines)


def _profiles_of(frame: Any, name: str, header_lines: int) -> dict[str, Profile]:
    from nutrilog.iotools import header_key, person_id

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
    cells = frame[found["person"]].tolist()
    persons = (
        cells
        if _digits_only(cells)  # digits alone are an id already
        else [v if type(v) is str and v.isdigit() else person_id(v) for v in cells]
    )
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


def _digits_only(cells: list[Any]) -> bool:
    """Whether every cell is a ``str`` of digits alone (checked in C, no loop in Python).

    Examples
    --------
    >>> _digits_only(["83732", "7"]), _digits_only(["83732", 7]), _digits_only(["8.5"])
    (True, False, False)
    """
    return set(map(type, cells)) <= {str} and all(map(str.isdigit, cells))


def _all_text(cells: list[Any]) -> bool:
    """Whether every cell is a ``str`` with more than spaces.

    Examples
    --------
    >>> _all_text(["ann", "7"]), _all_text(["ann", " "]), _all_text(["ann", 7])
    (True, False, False)
    """
    if set(map(type, cells)) <= {str}:  # plain text: checked in C
        return all(map(str.strip, cells))
    return all(isinstance(c, str) and c.strip() for c in cells)


def _per_distinct(cells: Any, func: Callable[[Any], Any]) -> list[Any]:
    """``[func(c) for c in cells]`` (a Series), calling ``func`` once per distinct cell."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(cells, dtype=object), use_na_sentinel=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [func(u) for u in uniques]
    return mapped[codes].tolist()


#: The slots pydantic gives every model, besides its instance dictionary.
_PYDANTIC_SLOTS = ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


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
    if not n or len(set(persons)) != n or not _all_text(persons):
        return None
    cells = pd.Series(ages, dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=False) not in ("string", "floating", "integer"):
        return None
    age = pd.to_numeric(cells, errors="coerce").to_numpy(dtype="float64")
    sex_codes, sex_cells = pd.factorize(pd.Series(sexes, dtype=object), use_na_sentinel=False)
    sex_names = [SEX_ALIASES.get(str(v).strip().lower()) for v in sex_cells]
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
    # each distinct profile: its kind (sex, pregnant, lactating) and its age
    kinds, years = kind[first_row], age_values[age_codes[first_row]]
    made: list[Any] = [None] * len(first_row)
    for key in np.unique(kinds).tolist():  # the profiles of one kind from one template
        at = np.flatnonzero(kinds == key)
        template = Profile.model_construct(  # checked above: pydantic's fields, no validation
            age=0.0, sex=sex_names[key // 4], pregnant=bool(key // 2 % 2),
            lactating=bool(key % 2), name=None, sd_within=None,
        )  # fmt: skip
        for k, profile in zip(at.tolist(), _with_ages(template, years[at].tolist()), strict=True):
            made[k] = profile
    return _PeopleProfiles(zip(persons, map(made.__getitem__, codes.tolist()), strict=True))


#: pydantic's three slots of a model, set without a look-up of their names per profile.
_SLOTS = [BaseModel.__dict__[name].__set__ for name in _PYDANTIC_SLOTS]


def _with_ages(template: Profile, ages: list[float]) -> list[Profile]:
    """``template`` with each of ``ages`` set, built as :func:`copy.copy` builds a
    pydantic model (the instance dictionary and pydantic's three slots) at a fraction of
    its cost; the ages are checked by the caller.

    Examples
    --------
    >>> [p.describe() for p in _with_ages(Profile(age=1, sex="f"), [2.5, 40.0])]
    ['female, 2.5 y', 'female, 40 y']
    """
    new, set_dict = object.__new__, object.__setattr__
    set_fields, set_extra, set_private = _SLOTS
    fields, fields_set = template.__dict__, template.__pydantic_fields_set__
    made = []
    for age in ages:
        profile = new(Profile)
        own = fields.copy()
        own["age"] = age
        set_dict(profile, "__dict__", own)
        set_fields(profile, fields_set)
        set_extra(profile, None)
        set_private(profile, None)
        made.append(profile)
    return made


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
    sex = SEX_ALIASES.get(str(sex_cell).strip().lower())
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

    from nutrilog.iotools import person_id

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
    if isinstance(given, _PeopleProfiles) and given.keys() >= set(people):
        return dict(zip(people, map(given.__getitem__, people), strict=True))  # all Profiles
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
