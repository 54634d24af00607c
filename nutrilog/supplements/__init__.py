"""Tell supplements and plain water apart from food, and read a supplement's dose.

The package has one module per job: :mod:`~nutrilog.supplements.detect` reads one
line (food, supplement or water, and the dose; the rules are described there)
from :mod:`~nutrilog.supplements.words` (the words that make a line a supplement
or water) and :mod:`~nutrilog.supplements.doses` (the reading of a dose),
:mod:`~nutrilog.supplements.products` reads product tables (bundled and a user's)
and finds the product a line names, and :mod:`~nutrilog.supplements.entries`
applies both to a table of entries, each distinct text once.

Examples
--------
>>> from nutrilog.supplements import detect_supplement
>>> detect_supplement("Vitamin D3 2000 IU").nutrients
{'vitamin_d_ug': 50.0}
>>> detect_supplement("2 glasses of water").kind
'water'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nutrilog._lazy import later_names
from nutrilog.supplements.entries import (
    KINDS,
    SUPPLEMENT_COLUMNS,
    Kinds,
    apply_supplement_table,
    classify_texts,
    kinds_of,
    supplement_assumptions,
)
from nutrilog.supplements.products import SUPPLEMENT_NUTRIENTS, read_supplement_table

if TYPE_CHECKING:
    from nutrilog.supplements.detect import SupplementInfo, detect_supplement
    from nutrilog.supplements.doses import FOOD_MASS_G as FOOD_MASS_G

#: Names whose modules (the reading of one line, its doses) load when first used: a log
#: whose rows all name a food id reads no line.
_LATER = {
    "SupplementInfo": "nutrilog.supplements.detect",
    "detect_supplement": "nutrilog.supplements.detect",
    "FOOD_MASS_G": "nutrilog.supplements.doses",
}


__getattr__ = later_names(__name__, _LATER)


__all__ = [
    "SupplementInfo",
    "SUPPLEMENT_NUTRIENTS",
    "read_supplement_table",
    "apply_supplement_table",
    "supplement_assumptions",
    "SUPPLEMENT_COLUMNS",
    "KINDS",
    "Kinds",
    "detect_supplement",
    "kinds_of",
    "classify_texts",
]
