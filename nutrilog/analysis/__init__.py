"""``analyze``: from a food log and a person to daily totals and an assessment.

The steps, each in its own module:

1. read the log (:mod:`nutrilog.iotools`) unless a :class:`~nutrilog.log.FoodLog` is given;
2. read each distinct food line (prefixes, not-food lines, compounds:
   :mod:`nutrilog.matching.entries`), then match each unique food text to a food
   (:mod:`nutrilog.matching`);
3. turn each unique (food, unit) into grams (:mod:`nutrilog.portions`);
4. scale per-100 g values by grams (:mod:`nutrilog.intake`); supplements carry their
   label amounts; rows whose source reported nutrients keep them unless ``recompute``;
5. total per person and day, with coverage (:mod:`nutrilog.intake`);
6. compare with the person's reference intakes (:mod:`nutrilog.assessment`);
7. suggest foods for each shortfall (:mod:`nutrilog.suggestions`).
"""

# the pipeline's parts, under the names they had when this was one module
from nutrilog.analysis.entries import STATUSES as STATUSES
from nutrilog.analysis.entries import analyse_log as analyse_log
from nutrilog.analysis.entries import entry_counts as entry_counts
from nutrilog.analysis.entries import food_setup as food_setup
from nutrilog.analysis.entries import unmatched_entries as unmatched_entries
from nutrilog.analysis.pipeline import DEFAULT_MIN_DAY_KCAL, analyze
from nutrilog.analysis.result import Analysis
from nutrilog.analysis.suggesting import EATEN_CANDIDATES as EATEN_CANDIDATES

__all__ = ["Analysis", "analyze", "DEFAULT_MIN_DAY_KCAL"]
