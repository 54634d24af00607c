"""Match the food words of log entries to foods of a :class:`~nutrilog.foods.FoodTable`.

One job per module:

* :mod:`~nutrilog.matching.words` -- normalising words (the matching key of a text);
* :mod:`~nutrilog.matching.vocabulary` -- the matcher's word lists, read from
  ``datasets/matching_words.csv``;
* :mod:`~nutrilog.matching.aliases` -- the user's and the curated alias tables;
* :mod:`~nutrilog.matching.synonyms` -- the synonym table (``datasets/synonyms.csv``)
  and the brand table (``datasets/brands.csv``);
* :mod:`~nutrilog.matching.spelling` -- word-level spelling correction;
* :mod:`~nutrilog.matching.index` -- the index built once per food table
  (:mod:`~nutrilog.matching.exact`: which food a description several foods share lands on);
* :mod:`~nutrilog.matching.lookup` -- word look-ups on a built index (the foods that
  hold, name or brand a word; stems; the spelling corrector);
* :mod:`~nutrilog.matching.reading` -- reading a food text: brands, synonyms,
  spelling, the head word a match must contain;
* :mod:`~nutrilog.matching.allowed` -- the foods holding a reading's required words;
* :mod:`~nutrilog.matching.ranking` -- ranking the candidate foods of texts: the
  candidate search (:mod:`~nutrilog.matching.candidates`) and the scores
  (:mod:`~nutrilog.matching.scoring`) of many texts at once;
* :mod:`~nutrilog.matching.steps` -- the steps one distinct text goes through;
* :mod:`~nutrilog.matching.rounds` -- running the steps of many texts together, so that
  their rankings are scored in one pass;
* :mod:`~nutrilog.matching.unit_fit` -- swapping a food with no weight for the unit
  written for an alternate as good;
* :mod:`~nutrilog.matching.match` -- :class:`~nutrilog.matching.match.Matcher` and
  :func:`match_foods`, which run the steps once per distinct text;
* :mod:`~nutrilog.matching.prefixes` -- what a diary line says besides its foods (meal
  and time prefixes, not-food lines), with the vocabulary of
  ``datasets/entry_words.csv``;
* :mod:`~nutrilog.matching.parts` -- cutting a line into parts at its connectors;
* :mod:`~nutrilog.matching.neighbours` -- how a part reads beside the others
  (additions' usual amounts, chips beside a hot main);
* :mod:`~nutrilog.matching.entry` -- entry understanding of one line: grouping the
  parts into foods, and :func:`~nutrilog.matching.entry.understand`, which runs it all;
* :mod:`~nutrilog.matching.entries` -- entry understanding applied to an entries
  table, once per distinct line (the analysis calls it before matching).

Examples
--------
>>> from nutrilog.foods import load_foods
>>> m = match_foods(["Bananas", "2% milk", "xqzzv blorb"], load_foods())
>>> m["match_method"].tolist()
['alias', 'alias', 'none']
"""

from nutrilog.matching.aliases import curated_aliases, read_aliases
from nutrilog.matching.match import DEFAULT_THRESHOLD, MATCH_COLUMNS, match_foods
from nutrilog.matching.words import normalize_food_text

__all__ = [
    "DEFAULT_THRESHOLD",
    "MATCH_COLUMNS",
    "match_foods",
    "normalize_food_text",
    "curated_aliases",
    "read_aliases",
]
