"""Turn logged amounts into grams through pint and each food's own household portions.

:func:`resolve_grams` works on the unique (food, unit) pairs of a log: it finds the
grams of *one* unit once, then multiplies by every entry's quantity.

How each kind of unit is resolved
---------------------------------
mass (g, oz, lb...)
    pint (:func:`nutrilog.units.to_grams`); no food is needed. Portion ``"mass"``.
volume (cup, tbsp, tsp, fl oz, ml, l...)
    the food's own volume portions, never a global density. A portion in the same
    unit is used as is; otherwise the food's cup, then fl oz, tbsp, tsp (then any
    other volume) portion is scaled with pint's volume conversions (1 cup = 16 tbsp,
    1 fl oz = 29.57 ml...). Water and other drinks need no special case: they have
    their own fl oz / cup portions.
size (small, medium, large, extra large)
    the food's portion of that size; else, when the text names a size in inches
    (Cronometer's ``large - 8 1/4" long``), the portion of that size (SR28
    ``cucumber (8-1/4")``). ``medium`` falls back to the bare-count portion below
    when the food has no medium one (USDA often weighs "1 fruit" as the typical
    size); small and large never fall back.
count (slice, piece, can, fillet, stalk, rasher...)
    the food's portion whose unit (or first word) is that word, or its twin (a
    rasher is a slice, a can a bottle); ``each`` takes the bare-count portion. A
    bar counted in squares (``large bar (21 squares, 4 oz)``) also gives a square.
    A count word of the vague-amount table without a portion of its own (``shot``)
    is weighed as below, flagged as estimated.
bare count (no unit: ``2 eggs``, ``1 banana``)
    the size ``datasets/count_sizes.csv`` gives the food (eggs: large; a ``flat
    white``: 6 fl oz of the latte), else the piece the food's own description names (``fish sticks``: its ``stick``, not
    its larger ``piece``; a plain ``tortilla`` before a 6-inch one) unless the food
    is weighed by a ``medium`` size; then, in this order: the food's ``medium``
    portion; its ``each`` / whole / item portion; the first other countable portion (``fruit``, ``egg``, ``slice``,
    ``piece``, ``banana``, ``link``... -- anything that is not a volume, a mass, a
    small/large size or a package, serving or dimension measure); then its
    ``large`` portion. A food USDA weighs only by volume or mass counts the item of its
    FNDDS twin (``10 cashews``: FNDDS ``1 nut``, flagged ``count: ...``); a food with
    none of them takes its default portion.
default (no amount written: ``green beans``)
    the food's default portion, never one piece: its own FNDDS "Quantity not
    specified" weight, else the bundled ``datasets/default_portions.csv`` (an FNDDS
    twin's or neighbour's, its serving, its group's median; see
    ``datasets/_build_defaults.py``), else (a user's food) its serving or one
    whole item. A length named (``6 inch``, ``footlong``) or a packaged size (``king
    size``) picks the portion of that length or size first; a served item with no
    weight of its own (SR28 fast food: ``1 item``, ``1 each burrito``, ``1 sandwich``,
    SR28's per-length subs) is one item rather than a neighbour's or group's weight;
    a group median never wins over the food's own medium or single item; a food named
    by a serving noun (``... bar``, ``... slice``, and a food USDA calls a bar) is one
    of it. Flagged ``default portion: ...``.
vague (handful, some, bowl, glass, mug, scoop, square, serving, splash, pinch...)
    by ``datasets/vague_amounts.csv``, each row with its source: the food's own
    portion of that name where USDA has one (``scoop``, ``glass``), its default
    portion (``handful``, ``some``, ``bowl``), a volume through its own weights
    (``splash`` = 2 tbsp, ``pinch`` = 1/16 tsp), else a typical weight. Always
    flagged ``estimated amount: ...``. A vague amount without a number (``some
    rice``, quantity NaN) is one of that amount.
noun (a measure outside the alias table: Cronometer's ``olive``, ``cubic inch``, ``pizza``)
    the food's portion named by that word; else, when the word is the food's own
    noun (``6.00 olive`` of ripe olives), a count of items. Flagged ``noun unit``
    when counted.

Among several portions of the same unit (``cup, whole`` / ``cup, sliced``), a
modifier in the food text (``food_text=``: chopped, sliced, mashed...) picks its
portion; otherwise the first, in USDA order, that is ``NFS`` (FNDDS' generic
portion), ``medium``, the bare unit (``cup``), chopped/diced/cubes/pieces/sections,
whole, then sliced; else the first listed. Portions for part of an item or an odd
size (``slice, crust not eaten``, ``slice, snack-size``, ``miniature``) come last
unless the text names them; so does a ``packed`` cup (``cup, packed`` vs ``cup (not
packed)``): a cup as usually measured is not packed.

Where no weight can be found the entry keeps ``grams`` NaN (so its nutrients are
NaN later, never 0) and ``grams_note`` says why: ``"no cup weight for this food"``,
``"vague amount"``, ``"no food matched"``...

Examples
--------
>>> from nutrilog.foods import load_foods
>>> from nutrilog.portions import resolve_grams
>>> out = resolve_grams([1, 2], ["medium", "oz"], ["size", "mass"], ["sr28:09040", None], load_foods())
>>> out["grams"].round(1).tolist()
[118.0, 56.7]
"""

from nutrilog.portions.choice import Portion
from nutrilog.portions.rows import PreparedPortions, prepare_portions, usable_portions
from nutrilog.portions.vague import vague_words
from nutrilog.portions.weighing import (
    GRAMS_COLUMNS,
    NO_QUANTITY,
    amounts,
    grams_for,
    grams_per_unit,
    is_drink,
    resolve_grams,
)

__all__ = [
    "GRAMS_COLUMNS",
    "NO_QUANTITY",
    "Portion",
    "PreparedPortions",
    "amounts",
    "prepare_portions",
    "grams_for",
    "grams_per_unit",
    "is_drink",
    "resolve_grams",
    "usable_portions",
    "vague_words",
]
