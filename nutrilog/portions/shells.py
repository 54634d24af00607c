"""Weights written with the shell: a pound of crawfish is the crawfish as bought.

Shellfish are bought, boiled and logged by the pound with their shells on (``3 lbs
boiled crawfish``), and FNDDS weighs what is eaten of them: a row such as ``oz, with
shell, raw (yield after cooking, shell removed)`` or ``small lobster (1 lb live
weight)``. When the shell is most of such a food (USDA's yield is under a third), a
weight in pounds or kilograms of it is read as its weight with the shell, unless the
line says it is the meat (``tails``, ``peeled``, ``lobster meat``). Shrimp, half shell,
are sold peeled as often as not, so a pound of shrimp stays a pound; and ounces stay
the meat's own weight: a tub of tails is sold by the ounce.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> crayfish = load_foods().prepared_portions.food("fndds:26309160")  # boiled or steamed
>>> share, row = edible_share(crayfish)
>>> round(share, 3), row
(0.099, '1 oz, with shell, raw (yield after cooking, shell removed)')
>>> said_shelled("8 oz crawfish tails"), said_shelled("3 lbs boiled crawfish")
(True, False)
>>> edible_share(load_foods().prepared_portions.food("fndds:26319110")) is None  # shrimp
True
"""

from __future__ import annotations

import re

from nutrilog.portions.rows import Food
from nutrilog.units import MASS_UNITS, to_grams

__all__ = ["MOST_SHELL", "WHOLE_WEIGHT_UNITS", "edible_share", "said_shelled"]

#: Units a whole shellfish is weighed in, shell and all.
WHOLE_WEIGHT_UNITS = frozenset({"lb", "kg"})
#: A portion of the food as bought, with its shell, and what of it is eaten.
_WITH_SHELL = re.compile(r"\b(?:with shells?|in shells?|live weight)\b")
_YIELD = re.compile(r"\byield\b")
#: ``small lobster (1 lb live weight)``: the weight as bought, inside the row's words.
_LIVE_WEIGHT = re.compile(r"\((\d+(?:\.\d+)?) (lb|oz) live weight\)")
#: The largest share eaten of a food weighed with its shell: above it (shrimp, about
#: half) the food is sold without its shell as often as with it.
MOST_SHELL = 1 / 3
#: Words that say the weight is of the meat alone.
_SHELLED = re.compile(
    r"\b(?:tails?|meat|peeled|shelled|picked|cleaned|without (?:the )?shells?"
    r"|out of (?:the )?shells?|no shells?|shucked)\b",
    re.I,
)


def said_shelled(text: str) -> bool:
    """Whether the words say the weight is of the meat alone (``crawfish tails``).

    Examples
    --------
    >>> said_shelled("1 lb peeled shrimp"), said_shelled("2 lbs crab legs")
    (True, False)
    """
    return bool(_SHELLED.search(text))


def edible_share(food: Food) -> tuple[float, str] | None:
    """The share of a food's weight with its shell that is eaten, and the portion it
    comes from; None when USDA gives no portion with the shell, or when the share is
    above :data:`MOST_SHELL` (shrimp).

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> lobster = load_foods().prepared_portions.food("fndds:26311110")
    >>> share, row = edible_share(lobster)
    >>> round(share * 453.59), row
    (118, '1 small lobster (1 lb live weight) (yield after cooking, shell removed)')
    """
    for row in food.rows:
        if not (_WITH_SHELL.search(row.text) and _YIELD.search(row.text)):
            continue
        share = None
        if row.unit in MASS_UNITS and row.per_one > 0:
            share = row.per_one / to_grams(1.0, row.unit)
        elif (bought := _LIVE_WEIGHT.search(row.text)) is not None and row.amount > 0:
            share = row.grams / row.amount / (float(bought[1]) * to_grams(1.0, bought[2]))
        if share is not None:
            return (share, row.label) if share <= MOST_SHELL else None
    return None
