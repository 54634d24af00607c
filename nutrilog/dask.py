"""The same analysis on a Dask DataFrame: for logs larger than one machine's memory.

Install with ``pip install nutrilog[dask]``. Each partition of the log goes
through the code :func:`nutrilog.analyze` runs on a whole log in memory
(:func:`nutrilog.iotools.from_frame`, :func:`nutrilog.analysis.analyse_log`,
:func:`nutrilog.intake.daily_parts`): its rows are read, matched, weighed and
summed into additive per-day parts. The parts of all partitions are added up in
a tree (a person-day split over partitions adds up; unknown values are counted,
never added as zero) and only that daily table, one row per person and day,
comes back to the client, where the assessment is the in-memory one.

Matching works per distinct text and its result for a text does not depend on
the other texts of the partition, so every partition matches alike.

What stays on the workers: the entries themselves. An :class:`~nutrilog.Analysis`
from :func:`analyze` has ``daily``, ``assessment``, ``summary``, ``counts`` and
``profiles`` as in memory; its ``entries`` table is empty (so are the tables drawn
from it: top foods, meals, fixes), ``unmatched`` and ``rejected`` keep their
first ``keep_rows`` rows (the counts are complete), and line numbers count from
the start of each partition (``partition`` says which).

Examples
--------
>>> import dask.dataframe as dd
>>> import pandas as pd
>>> import nutrilog.dask as nld
>>> log = pd.DataFrame({"person": ["a", "a", "b"], "date": "2026-11-20",
...                     "food": ["banana", "banana", "spinach"],
...                     "food_id": ["sr28:9040", "sr28:9040", "sr28:11457"],
...                     "grams": [118.0, 118.0, 30.0]})
>>> daily = nld.daily_totals(dd.from_pandas(log, npartitions=2), scheduler="sync")
>>> daily[["person", "magnesium_mg"]].round(2).values.tolist()  # 2 x 118 g x 27, 30 g x 79
[['a', 63.72], ['b', 23.7]]
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from nutrilog.errors import ArgumentError, MissingDependencyError

if TYPE_CHECKING:
    import dask.dataframe as dd

    from nutrilog.analysis import Analysis
    from nutrilog.foods import FoodTable
    from nutrilog.profile import Profile

__all__ = ["analyze", "daily_totals", "read_log"]

#: How many partial results are added together at each step of the reduction.
SPLIT_EVERY = 4

#: Rows of ``unmatched`` and ``rejected`` brought back to the client (counts are complete).
KEEP_ROWS = 10_000


def _dask() -> Any:
    try:
        import dask
        import dask.dataframe
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            "nutrilog.dask needs Dask: pip install 'nutrilog[dask]' "
            f"(found no usable dask: {error})"
        ) from error
    return dask


@dataclass
class _Partial:
    """What one partition (or several, added up) sends back: per-day parts and accounting."""

    parts: pd.DataFrame
    counts: dict[str, int]
    unmatched: pd.DataFrame
    rejected: pd.DataFrame
    entries_meta: pd.DataFrame | None = field(default=None, repr=False)


@dataclass(frozen=True)
class _Settings:
    """``analyze``'s reading and matching arguments, sent to every partition."""

    foods: Any = None
    aliases: Any = None
    recompute: bool = False
    supplements: Any = None
    dayfirst: bool | None = None
    date: Any = None
    person: str | None = None
    keep_rows: int = KEEP_ROWS


def _analyse_partition(frame: pd.DataFrame, number: int, settings: _Settings) -> _Partial:
    """Read, match, weigh and sum one partition with the in-memory code."""
    from nutrilog.analysis import analyse_log, entry_counts, food_setup, unmatched_entries
    from nutrilog.intake import daily_parts
    from nutrilog.iotools import from_frame

    food_log = from_frame(
        frame,
        source=f"<partition {number}>",
        dayfirst=settings.dayfirst,
        date=settings.date,
        person=settings.person,
    )
    table, matcher, grams = food_setup(settings.foods, settings.aliases)
    entries, rejected = analyse_log(
        food_log,
        table,
        matcher,
        recompute=settings.recompute,
        supplements=settings.supplements,
        grams=grams,
    )
    counts = entry_counts(food_log, entries, rejected)
    unmatched = unmatched_entries(entries)
    unmatched = unmatched.head(settings.keep_rows).astype({"source": object, "food": object})
    rejected = rejected.head(settings.keep_rows).reset_index(drop=True)
    for listed in (unmatched, rejected):
        listed.insert(0, "partition", number)
    parts = daily_parts(entries) if len(entries) else _no_parts()
    return _Partial(parts, counts, unmatched, rejected, entries.iloc[:0])


def _no_parts() -> pd.DataFrame:
    from nutrilog.intake import PART_COLUMNS

    return pd.DataFrame(columns=["person", "date", *PART_COLUMNS])


def _combine(partials: Sequence[_Partial], keep_rows: int = KEEP_ROWS) -> _Partial:
    """Add partial results: parts per person-day, counts, the first rows of the lists."""
    from nutrilog.intake import add_daily_parts

    def first_rows(frames: list[pd.DataFrame]) -> pd.DataFrame:
        kept = [f for f in frames if len(f)] or frames[:1]
        return pd.concat(kept, ignore_index=True).head(keep_rows)

    return _Partial(
        parts=add_daily_parts([p.parts for p in partials]),
        counts={k: sum(p.counts.get(k, 0) for p in partials) for k in partials[0].counts},
        unmatched=first_rows([p.unmatched for p in partials]),
        rejected=first_rows([p.rejected for p in partials]),
        entries_meta=next((p.entries_meta for p in partials if p.entries_meta is not None), None),
    )


def _check_frame(ddf: Any) -> None:
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise ArgumentError(
            "ddf: expected a dask.dataframe.DataFrame of log entries "
            f"(person, date, food or food_id, amount and unit or grams), found {type(ddf).__name__}"
        )


def _reduce(
    ddf: dd.DataFrame, settings: _Settings, split_every: int, scheduler: str | None
) -> _Partial:
    """Analyse every partition and add the partial results in a tree; compute it."""
    dask = _dask()
    _check_frame(ddf)
    split_every = int(split_every)
    if split_every < 2:
        raise ArgumentError(
            f"split_every: expected a whole number of 2 or more, found {split_every}"
        )
    analyse = dask.delayed(_analyse_partition, pure=True)
    combine = dask.delayed(_combine, pure=True)
    level = [analyse(part, number, settings) for number, part in enumerate(ddf.to_delayed())]
    while len(level) > 1:
        level = [
            combine(level[i : i + split_every], settings.keep_rows)
            for i in range(0, len(level), split_every)
        ]
    (total,) = dask.compute(level[0], scheduler=scheduler)
    return total


def daily_totals(
    ddf: dd.DataFrame,
    *,
    foods: FoodTable | str | os.PathLike[str] | pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | os.PathLike[str] | None = None,
    recompute: bool = False,
    supplements: str | os.PathLike[str] | pd.DataFrame | None = None,
    dayfirst: bool | None = None,
    split_every: int = SPLIT_EVERY,
    scheduler: str | None = None,
) -> pd.DataFrame:
    """Per-person daily totals of a Dask DataFrame log, as :attr:`Analysis.daily` holds them.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Log entries with the columns a CSV log has (``person, date, food`` or
        ``food_id``, ``amount`` and ``unit`` or ``grams``...).
    foods, aliases, recompute, supplements
        As in :func:`nutrilog.analyze`.
    dayfirst : bool, optional
        How to read ambiguous numeric dates; give it for such logs, since one
        partition alone may not tell.
    split_every : int
        Partial results added together at each step of the reduction.
    scheduler : str, optional
        Dask scheduler (default: Dask's, or the active ``distributed`` client).

    Returns
    -------
    DataFrame
        One row per person and date with :data:`nutrilog.intake.DAILY_COLUMNS`
        (without ``complete``, which depends on ``min_day_kcal``).
    """
    from nutrilog.intake import daily_from_parts

    settings = _Settings(foods, aliases, recompute, supplements, dayfirst)
    return daily_from_parts(_reduce(ddf, settings, split_every, scheduler).parts)


def analyze(
    ddf: dd.DataFrame,
    profile: Profile | Mapping[str, Any],
    *,
    foods: FoodTable | str | os.PathLike[str] | pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | os.PathLike[str] | None = None,
    recompute: bool = False,
    sd_within: Mapping[str, float] | None = None,
    explanations: Any = None,
    min_day_kcal: float | None = None,
    supplements: str | os.PathLike[str] | pd.DataFrame | None = None,
    dayfirst: bool | None = None,
    split_every: int = SPLIT_EVERY,
    keep_rows: int = KEEP_ROWS,
    scheduler: str | None = None,
) -> Analysis:
    """Analyse a Dask DataFrame log: per-row work on the workers, assessment in memory.

    The arguments shared with :func:`nutrilog.analyze` mean the same; the daily
    table and assessment equal those of the in-memory analysis of the same rows.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Log entries (see :func:`daily_totals`).
    profile : Profile or mapping
        The person, or a mapping of the log's ``person`` values to profiles.
    dayfirst, split_every, scheduler
        See :func:`daily_totals`.
    keep_rows : int
        Rows of ``unmatched`` and ``rejected`` kept (their counts are complete).

    Returns
    -------
    Analysis
        ``entries`` is empty (the rows stay on the workers); see the module notes.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> import nutrilog as nl
    >>> import nutrilog.dask as nld
    >>> log = pd.DataFrame({"date": "2026-11-20", "food": ["banana", "spinach, raw"],
    ...                     "grams": [118.0, 30.0]})
    >>> result = nld.analyze(dd.from_pandas(log, npartitions=2), nl.Profile(age=34, sex="female"),
    ...                      min_day_kcal=0, scheduler="sync")
    >>> result.counts["matched"], len(result.daily)
    (2, 1)
    """
    from nutrilog._checks import number_argument
    from nutrilog.analysis import DEFAULT_MIN_DAY_KCAL, Analysis, food_setup
    from nutrilog.assessment.table import assess_people_later
    from nutrilog.explanations import load_explanations
    from nutrilog.intake import daily_from_parts
    from nutrilog.people import profiles_for, read_people_table

    min_day_kcal = number_argument(
        "min_day_kcal", DEFAULT_MIN_DAY_KCAL if min_day_kcal is None else min_day_kcal
    )
    keep_rows = int(number_argument("keep_rows", keep_rows))
    settings = _Settings(foods, aliases, recompute, supplements, dayfirst, keep_rows=keep_rows)
    total = _reduce(ddf, settings, split_every, scheduler)
    daily = daily_from_parts(total.parts)
    daily["complete"] = daily["date"].notna() & daily["energy_kcal"].fillna(0.0).ge(min_day_kcal)
    people = sorted(daily["person"].unique().tolist()) or ["default"]
    people_columns = None  # a people table's own columns, for population()
    if isinstance(profile, (pd.DataFrame, str, os.PathLike)):
        profile, people_columns = read_people_table(profile)  # a file is read once
    profiles = profiles_for(people, profile)
    assessment = assess_people_later(daily, profiles, sd_within=sd_within)
    table = food_setup(foods, None)[0]
    expl = explanations
    if expl is None or isinstance(expl, (str, os.PathLike)):
        expl = load_explanations(expl)
    entries = total.entries_meta if total.entries_meta is not None else pd.DataFrame()
    return Analysis(
        table=entries,
        daily=daily,
        assessed=assessment,
        unmatched=total.unmatched,
        rejected=total.rejected,
        profiles=profiles,
        counts=dict(total.counts),
        foods=table,
        explanations=expl,
        people=people_columns,
    )


def read_log(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    blocksize: int | str | None = "64MB",
    **kwargs: Any,
) -> dd.DataFrame:
    """Read CSV logs (a path, a glob such as ``logs/*.csv`` or a list) into a Dask DataFrame.

    Every column is read as text, as nutrilog's own CSV reader would see it: the
    partitions then agree on their types, and :func:`analyze` parses the amounts,
    dates and ids. ``blocksize`` sets the bytes per partition; further keyword
    arguments go to :func:`dask.dataframe.read_csv`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "log.csv").write_text("date,food,grams\\n2026-11-20,banana,118\\n")
    >>> read_log(folder / "*.csv").compute()["food"].tolist()
    ['banana']
    """
    _dask()
    import dask.dataframe as dd

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    kwargs.setdefault("dtype", str)
    kwargs.setdefault("keep_default_na", False)
    kwargs.setdefault("na_values", [""])
    return dd.read_csv(paths, blocksize=blocksize, **kwargs)
