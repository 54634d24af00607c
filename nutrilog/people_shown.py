"""The people of an analysis, and the one a chart shows: every person in first-seen
order (profiles, then assessment, then daily totals), and the one person to draw.

The report lists people with :func:`people_in` too, so it needs no charts for it.

Examples
--------
>>> from types import SimpleNamespace
>>> people_in(SimpleNamespace(profiles={"ana": None, "ben": None}))
['ana', 'ben']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from nutrilog.errors import ArgumentError

__all__ = ["people_in", "pick_person"]


def people_in(analysis: Any) -> list[str]:
    """The people of an analysis, in first-seen order (profiles, then assessment, then daily).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> import pandas as pd
    >>> people_in(SimpleNamespace(profiles={}, assessment=pd.DataFrame({"person": ["b", "a", "b"]})))
    ['b', 'a']
    """
    seen: dict[str, None] = {}
    for name in getattr(analysis, "profiles", None) or {}:
        seen[str(name)] = None
    # the assessment's numbers name the same people without writing every row's sentences
    numbers = getattr(analysis, "assessment_numbers", None)
    for attr in ("assessment", "daily"):
        frame = numbers if attr == "assessment" and numbers is not None else None
        frame = frame if frame is not None else getattr(analysis, attr, None)
        if isinstance(frame, pd.DataFrame) and "person" in frame.columns:
            names = frame["person"].dropna().unique()
            if isinstance(frame["person"].dtype, pd.StringDtype):
                names = names.tolist()  # text as Python strings at once, not one by one
            for name in names:
                seen[str(name)] = None
    return list(seen)


def pick_person(analysis: Any, person: str | None) -> str | None:
    """Return the person to draw: ``person`` if given, else the only person in the analysis.

    Raises
    ------
    ValueError
        If ``person`` is not in the analysis, or if it is ``None`` and the
        analysis holds several people.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> pick_person(SimpleNamespace(profiles={"ana": None}), None)
    'ana'
    """
    people = people_in(analysis)
    if person is not None:
        if person not in people:
            raise ArgumentError(f"no person {person!r} in this analysis; expected one of {people}")
        return person
    if len(people) > 1:
        raise ArgumentError(
            f"this analysis holds several people {people}; pass person= to choose one"
        )
    return people[0] if people else None
