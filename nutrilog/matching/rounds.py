"""Running the steps of many keys together, so that their rankings are scored at once.

The steps of one key (:func:`~nutrilog.matching.steps.key_steps`) are a generator: it
yields each ranking it needs (a :class:`~nutrilog.matching.ranking.Request`) and is sent
the ranked foods back. :func:`alone` runs one key, scoring each ranking on its own;
:func:`in_rounds` runs many keys in rounds: every key runs up to its next ranking, the
rankings of the round are scored in one pass
(:func:`~nutrilog.matching.ranking.rank_many`), and each key goes on with its own;
a key that is done makes room for the next.
A key gets the same answers either way: the steps are the same, only the scoring is
shared.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.matching.match import Matcher, key_of
>>> from nutrilog.matching.steps import key_steps
>>> matcher = Matcher(load_foods())
>>> index, tables = matcher.index, matcher.tables
>>> keys = [key_of("cardoon"), key_of("bananas")]
>>> [r.method for r in in_rounds(index, (key_steps(index, k, tables, 72.0) for k in keys))]
['fuzzy', 'alias']
"""

from __future__ import annotations

import gc
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from nutrilog.matching.index import FoodIndex
from nutrilog.matching.ranking import Request, rank_many

__all__ = ["Steps", "alone", "in_rounds"]

T = TypeVar("T")
#: Steps that yield the rankings they need and are sent the ranked foods back.
Steps = Generator[Request, list[tuple[int, float]], T]
#: Keys waiting for a ranking at most (each one waiting holds its working arrays).
_AT_ONCE = 128


def alone(index: FoodIndex, steps: Steps[T]) -> T:
    """The result of ``steps``, each ranking scored on its own."""
    try:
        request = next(steps)
        while True:
            request = steps.send(rank_many(index, [request])[0])
    except StopIteration as done:
        return done.value


def in_rounds(index: FoodIndex, steps: Iterable[Steps[T]]) -> list[T]:
    """The result of each of ``steps``, the rankings of a round scored together.

    A key that is done makes room for the next one, so that a round scores as many
    rankings as :data:`_AT_ONCE` until the keys run out (a key that needs a second
    ranking waits for the next round, with the first rankings of newer keys).
    """
    done: list[T] = []
    running: dict[int, Steps[T]] = {}
    asked: dict[int, Request] = {}

    def go_on(i: int, ranked: list[tuple[int, float]] | None) -> None:
        try:
            asked[i] = running[i].send(ranked)  # type: ignore[arg-type]  # None starts it
        except StopIteration as stop:
            done[i] = stop.value
            del running[i]

    pending = iter(steps)
    with _collector_paused():
        while True:
            while len(asked) < _AT_ONCE and (step := next(pending, None)) is not None:
                running[len(done)] = step
                done.append(None)  # type: ignore[arg-type]  # set when the key is done
                go_on(len(done) - 1, None)
            if not asked:
                return done
            waiting = list(asked.items())
            asked.clear()
            ranked = rank_many(index, [r for _, r in waiting])
            for n, (i, _) in enumerate(waiting):
                go_on(i, ranked[n])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused, then restored as it was.

    Reading many keys makes and keeps many small objects (each key's result): counting
    them, the collector would walk every object of the process again and again, looking
    for cycles that the steps do not make. It goes on as before once they are done.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
