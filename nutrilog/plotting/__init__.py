"""Charts of an analysis: daily intake against the references, and the foods behind it.

One module per chart (:mod:`~nutrilog.plotting.daily`, :mod:`~nutrilog.plotting.weekly`,
:mod:`~nutrilog.plotting.contributions`); :mod:`~nutrilog.plotting.panels` holds
what they share.

Each function returns a :class:`matplotlib.figure.Figure` built without pyplot,
so it works on a headless server (no display, any backend) and never leaks
figures into pyplot's global state. The figure shows itself in a notebook as a
PNG (it has ``_repr_png_``), with no ``%matplotlib inline`` needed; in a script
call ``fig.savefig("daily.png")``, or pass ``fig=plt.figure()`` to draw into a
pyplot figure and then ``plt.show()``. Person and food names are drawn as
written: a ``$`` in them is never read as mathtext. Text is at least 9 points,
legends sit below the panels, outside the data, and dates stay dates: days
without a date are left out of the axis and counted in a note. matplotlib is
imported only when a function is called.

Examples
--------
>>> import nutrilog as nl
>>> log = nl.parse_entries(["1 cup chopped spinach", "2 medium bananas"], date="2026-11-20")
>>> result = nl.analyze(log, nl.Profile(age=34, sex="female"), min_day_kcal=0)
>>> plot_daily(result).savefig("daily.png")
"""

from __future__ import annotations

from nutrilog.people_shown import people_in, pick_person
from nutrilog.plotting.contributions import plot_contributions
from nutrilog.plotting.daily import plot_daily
from nutrilog.plotting.weekly import plot_weekly

__all__ = ["plot_daily", "plot_weekly", "plot_contributions", "people_in", "pick_person"]
