"""A food's usable household portions, read once per food table.

Each USDA portion of a food becomes a :class:`Row`: its unit, first word, words, and
the ranks the choice rules look at (part of an item or an odd size, preferred form,
which bare-count rule it meets). Portions with no weight and FNDDS' "Quantity not
specified" / "Guideline amount" rows are left out; a portion whose description holds a
volume (``serving 1/2 cup``) or a count (``bar (21 squares)``) also gives a row in that
unit. :class:`PreparedPortions` builds each food's rows on first use and keeps the
answers of :func:`nutrilog.portions.grams_for`.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> food = load_foods().prepared_portions.food("sr28:09040")  # bananas, raw
>>> [row.label for row in food.rows if row.unit == "medium"]
['1 medium (7" to 7-7/8" long)']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from nutrilog.units import MASS_UNITS, VOLUME_UNITS

if TYPE_CHECKING:
    from nutrilog.foods import FoodTable
    from nutrilog.portions.choice import Portion

__all__ = [
    "COUNT_TWINS",
    "NO_COUNT",
    "WORD",
    "Food",
    "PreparedPortions",
    "Row",
    "usable_portions",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())


#: First words of a portion of one whole item (FNDDS weighs a whole avocado as ``1 fruit``).
_EACH_WORDS = frozenset({"each", "whole", "item", "unit", "individual", "regular", "fruit"})
#: First words of portions that do not count one item.
_NOT_COUNTABLE = word_set(
    """serving nlea package packet container jar box bag cubic linear inch inches pat
    quantity guideline oz lb small large extra jumbo recipe yield batch loaf pie cake
    portion bunch head"""
)
#: Count words that stand in for each other when a food lacks one of them, in order.
COUNT_TWINS: dict[str, tuple[str, ...]] = {
    "slice": ("piece", "wedge"),  # a slice of watermelon is USDA's wedge
    # a piece of chicken strips is a strip; a piece of pineapple a chunk, not a slice
    "piece": ("chunk", "slice", "strip"),
    "bottle": ("can",),
    "can": ("bottle",),
    "rasher": ("slice",),  # a rasher of bacon is a slice
    "strip": ("slice", "piece"),  # a strip of bacon is a slice
    "sachet": ("packet",),  # British and Australian for a packet
    "pouch": ("packet", "bag"),  # a snack pouch is a single-serving bag
    "sheet": ("piece",),  # a sheet of a thin bread (piki, lavash) USDA weighs by the piece
}
_EMBEDDED_VOLUME = re.compile(
    r"(?i)(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?:/(?P<den>\d+))?\s*(?P<unit>cups?|fl\.? ?oz|tbsp|tsp)\b"
)
_VOLUME_WORDS = {
    "cup": "cup",
    "cups": "cup",
    "fl_oz": "fl_oz",
    "floz": "fl_oz",
    "tbsp": "tbsp",
    "tsp": "tsp",
}
_PREFERRED_FORMS: tuple[frozenset[str] | None, ...] = (
    frozenset({"nfs"}),  # "not further specified": the generic portion
    frozenset({"medium"}),
    None,  # plain: the description is the unit alone ("cup")
    # whole items before cut ones: a cup of pods, berries, mushrooms or nuts with no
    # form named is a cup of them as bought (SR28 snow peas: cup whole 63 g, chopped 98 g)
    frozenset({"whole"}),
    frozenset({"chopped", "diced", "cubes", "cubed", "pieces", "sections"}),
    frozenset({"sliced", "slices"}),
)
#: Portion words for part of an item or an unusual size: chosen only when the text names them.
_ODD_FORMS = word_set("eaten snack mini miniature bite kids fun")

#: Units of a portion that counts one item (with a countable first word); "" is none.
_COUNT_UNITS = (
    word_set(
        """piece slice each bar stick fillet breast steak leaf stalk clove wedge square scoop spear
        can bottle patty link tube"""
    )
    .union({""})
    .difference(VOLUME_UNITS, MASS_UNITS)
)
#: A word of letters a-z.
WORD = re.compile(r"[a-z]+")
#: Portions FNDDS gives for a typical or guideline amount rather than a measure.
_NOT_A_MEASURE = re.compile(r"(?i)\s*(quantity not specified|guideline amount)")


class Row(NamedTuple):
    """One usable portion of a food, with what the choice rules look at."""

    unit: str | None  # canonical unit key, "" when none (None: an embedded volume not understood)
    word: str  # first word of the description, lower case
    text: str  # the description in lower case
    words: frozenset[str]  # its words (letters a-z)
    odd: bool  # part of an item, an odd size or a packed cup (see _odd)
    form: int  # first of _PREFERRED_FORMS it is (len(_PREFERRED_FORMS) when none)
    count: int  # first bare-count rule it meets (see _count_rank)
    amount: float
    grams: float  # grams of ``amount`` units
    per_one: float  # grams of one unit
    label: str  # "amount description", as shown in ``portion``


class Food(NamedTuple):
    """A food's usable portions, typical weight and description, as the rules read them."""

    rows: tuple[Row, ...]  # usable portions in USDA order, then embedded volumes and counts
    typical: float  # FNDDS' "Quantity not specified" grams, NaN when none
    description: str = ""  # lower case


def _first_word(description: str) -> str:
    words = re.split(r"[\s,(;/]+", description.strip().lower(), maxsplit=1)
    return words[0] if words else ""


def _odd(words: frozenset[str]) -> bool:
    """A portion for part of an item, an unusual size, a packed cup, or a cup of the
    food whipped (``cup, whipped`` of cream holds half the cream of ``cup, fluid (yields
    2 cups whipped)``)."""
    return (
        bool(_ODD_FORMS & words)
        or ("packed" in words and not words & {"not", "loosely", "unpacked"})
        or ("whipped" in words and "yields" not in words)
    )


def _form(found: list[str], words: frozenset[str]) -> int:
    """Index of the first of :data:`_PREFERRED_FORMS` a portion is (plain: one word only)."""
    for rank, preferred in enumerate(_PREFERRED_FORMS):
        if (len(found) == 1) if preferred is None else bool(preferred & words):
            return rank
    return len(_PREFERRED_FORMS)


#: :func:`_count_rank` of a portion that does not count one item.
NO_COUNT = 4
#: Words of a portion that weighs a pack of the food, not one item of it: a ``medium
#: single serving bag`` of tortilla chips is no medium chip.
_PACKS = word_set("bag package packet container box jar carton pouch")


def _count_rank(unit: str | None, word: str, words: frozenset[str] = frozenset()) -> int:
    """The first bare-count rule a portion meets: 0 ``medium`` (an item, not a pack);
    1 each / whole / item; 2 another countable unit (not a package, serving,
    measure...); 3 ``large``."""
    if unit == "medium":
        return NO_COUNT if words & _PACKS else 0
    if unit == "each" or word in _EACH_WORDS:
        return 1
    if unit in _COUNT_UNITS and word not in _NOT_COUNTABLE:
        return 2
    return 3 if unit == "large" else NO_COUNT


def _row(description: str, amount: float, unit: str | None, grams: float) -> Row:
    text = description.lower()
    found = WORD.findall(text)
    # "pieces or slices" is the portion a text saying "sliced" means
    words = frozenset(found) | ({"sliced"} if "slices" in found else set())
    word = _first_word(description)
    return Row(
        unit=unit,
        word=word,
        text=text,
        words=words,
        odd=_odd(words),
        form=_form(found, words),
        count=_count_rank(unit, word, words),
        amount=amount,
        grams=grams,
        per_one=grams / amount,
        label=f"{amount:g} {description}",
    )


def _embedded_volume(row: Row, description: str) -> Row | None:
    """A row like "serving 1/2 cup" or "serving 8 fl oz" as a volume portion of that size."""
    found = _EMBEDDED_VOLUME.search(description)
    if found is None or row.unit in VOLUME_UNITS:
        return None
    size = float(found["num"]) / float(found["den"] or "1")
    unit = _VOLUME_WORDS.get(re.sub(r"\W+", "_", found["unit"].lower()))
    return _row(description, row.amount * size, unit, row.grams)


#: SR28 weighs some sandwiches per length: amount 6, "inch sub" is one 6-inch sub.
_INCH_ITEM = re.compile(r"(?i)inch\b")
_EMBEDDED_COUNT = re.compile(
    r"(?i)\((?P<num>\d+)\s+(?P<unit>squares?|pieces?)\b"
    r"|,\s*(?P<bars>\d+)\s+(?P<bar>bars)\)"  # "1 package (2.06 oz, 2 bars)"
)


def _embedded_count(row: Row, description: str) -> Row | None:
    """A row like "large bar (21 squares, 4 oz)" as a portion of 21 squares, or
    "1 package (2.06 oz, 2 bars)" as a portion of 2 bars."""
    found = _EMBEDDED_COUNT.search(description)
    num = found and (found["num"] or found["bars"])
    if found is None or not num or float(num) <= 0:
        return None
    unit = (found["unit"] or found["bar"]).lower().rstrip("s")
    count = row.amount * float(num)
    return _row(description, count, unit, row.grams)._replace(label=f"1/{count:g} of {row.label}")


def _measures(portions: pd.DataFrame) -> np.ndarray:
    """Which portion rows are household measures (see :func:`usable_portions`)."""
    named = portions["description"].astype(str).str.match(_NOT_A_MEASURE)
    usable = (portions["grams"] > 0) & (portions["amount"] > 0) & ~named.astype(bool)
    return usable.to_numpy(dtype=bool, na_value=False)


def usable_portions(portions: pd.DataFrame) -> pd.DataFrame:
    """The household measures among portion rows, in their order: the rows with a positive
    amount and weight that are not FNDDS' "Quantity not specified" or "Guideline amount"
    (a typical or guideline weight, not a measure). The portion rules and the
    suggestions both choose among these.

    Parameters
    ----------
    portions : DataFrame
        Portion rows with ``amount``, ``description``, ``unit`` and ``grams`` (of
        ``amount`` units): one food's :meth:`~nutrilog.foods.FoodTable.portions`, or the
        whole :attr:`~nutrilog.foods.FoodTable.portion_table`.

    Returns
    -------
    DataFrame
        The rows kept, all columns unchanged.

    Examples
    --------
    >>> from nutrilog.foods import load_foods
    >>> rows = usable_portions(load_foods().portions("sr28:11457"))  # spinach, raw
    >>> rows[["amount", "description", "unit", "grams"]].values.tolist()[:2]
    [[1.0, 'cup', 'cup', 30.0], [1.0, 'bunch', 'bunch', 340.0]]
    """
    return portions[_measures(portions)]


def _food(
    entries: Iterable[tuple[object, float, object, float, bool]], food_name: str = ""
) -> Food:
    """A food's usable portions and typical weight from its (description, amount, unit,
    grams, is a measure) rows: only measures (:func:`usable_portions`) become rows."""
    rows: list[Row] = []
    embedded: list[Row] = []
    typical = np.nan
    for description, amount, unit, grams, measure in entries:
        text = str(description)
        if np.isnan(typical) and grams > 0 and text.strip().lower() == "quantity not specified":
            typical = grams if amount <= 0 else grams / amount
        if not measure:
            continue
        if amount > 1 and _INCH_ITEM.match(text):  # SR28 "6 inch sub": one 6-inch sub
            text, amount = f'{amount:g}" {text[len("inch") :].strip()}', 1.0
        row = _row(text, float(amount), "" if pd.isna(unit) else str(unit), float(grams))
        rows.append(row)
        for extra in (_embedded_volume(row, text), _embedded_count(row, text)):
            if extra is not None:
                embedded.append(extra)
    return Food(tuple(rows + embedded), float(typical), food_name.lower())


class PreparedPortions:
    """A food table's portions as plain Python data, built once per table.

    The columns are read and grouped by id at once; each food's rows are built on
    its first use, and each answer is kept per (food id, unit, kind, modifiers).
    """

    def __init__(self, foods: FoodTable) -> None:
        table = foods.portion_table
        codes, ids = pd.factorize(table["id"])
        self._order = np.argsort(codes, kind="stable")
        self._starts = np.searchsorted(codes[self._order], np.arange(len(ids) + 1))
        self._group = dict(zip(ids.tolist(), range(len(ids)), strict=True))
        self._columns = [table[c].tolist() for c in ("description", "amount", "unit", "grams")]
        self._columns.append(_measures(table).tolist())
        self._descriptions = foods.foods["description"]
        self._foods: dict[str, Food] = {}
        self.answers: dict[tuple[object, ...], Portion] = {}

    def food(self, food_id: str) -> Food:
        """The food's usable portions (none when it has no household portions)."""
        found = self._foods.get(food_id)
        if found is None:
            group = self._group.get(food_id)
            positions = (
                self._order[self._starts[group] : self._starts[group + 1]].tolist()
                if group is not None
                else []
            )
            described = self._descriptions.get(food_id, "")
            found = _food(
                (tuple(column[i] for column in self._columns) for i in positions),
                described if isinstance(described, str) else "",
            )
            self._foods[food_id] = found
        return found


def prepare_portions(foods: FoodTable) -> PreparedPortions:
    """Build :attr:`FoodTable.prepared_portions` (use that: the table keeps the result)."""
    return PreparedPortions(foods)
