"""The bundled USDA food table (SR28 + FNDDS 2017-2018) and the user's own foods.

:func:`load_foods` reads the packaged ``foods.csv``, ``nutrients.csv`` and
``portions.csv`` on first call (nothing is read at import) and caches the
resulting :class:`FoodTable`.

Food ids name their source: ``sr28:09040`` (the 5-digit SR28 NDB number, leading
zero kept), ``fndds:63107010`` (the FNDDS food code) and ``user:<slug>`` for the
foods added with :meth:`FoodTable.with_user_foods`. Nutrient values are per
100 g in the columns of :data:`nutrilog.nutrients.NUTRIENT_COLUMNS`; NaN means
"not analysed", never zero.

Examples
--------
>>> from nutrilog.foods import load_foods
>>> foods = load_foods()
>>> float(foods.get("sr28:09040")["magnesium_mg"])
27.0
>>> foods.search("raw spinach", limit=1)["id"].tolist()
['sr28:11457']
"""

from __future__ import annotations

import html
import re
from functools import cached_property, lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from nutrilog._checks import kind_argument
from nutrilog._resources import dataset_path
from nutrilog.errors import DataError, UnknownFoodError
from nutrilog.nutrients import NUTRIENT_COLUMNS
from nutrilog.units import normalize_unit

if TYPE_CHECKING:
    from nutrilog.matching.index import FoodIds, FoodIndex
    from nutrilog.portions import PreparedPortions

__all__ = [
    "FOOD_COLUMNS",
    "PORTION_COLUMNS",
    "FoodTable",
    "load_foods",
    "split_measure",
    "measure_units",
]

#: Columns of :attr:`FoodTable.foods` (indexed by ``id``).
FOOD_COLUMNS: list[str] = ["description", "group", "synonyms", "source", "vitamin_d_basis"]
#: Columns of :attr:`FoodTable.portion_table`.
PORTION_COLUMNS: list[str] = ["id", "seq", "amount", "description", "unit", "grams"]

_AMOUNT_RE = r"^\s*(?P<amount>\d+-\d+/\d+|\d+/\d+|\d*\.\d+|\d+)\s+(?P<rest>\S.*?)\s*$"


# --------------------------------------------------------------------------- measures


def _parse_amount(token: str) -> float:
    whole, _, frac = token.rpartition("-") if "/" in token else ("", "", token)
    if "/" in frac:
        num, den = frac.split("/")
        value = int(num) / int(den)
    else:
        value = float(frac)
    return value + (int(whole) if whole else 0)


def split_measure(text: pd.Series) -> pd.DataFrame:
    """Split measure texts like ``"1 cup"`` or ``"1-1/2 oz can"`` into amount and rest.

    A text without a leading number keeps its words and gets amount 1.

    Parameters
    ----------
    text : pandas.Series of str

    Returns
    -------
    pandas.DataFrame
        ``amount`` (float) and ``description`` (str), aligned with ``text``.

    Examples
    --------
    >>> split_measure(pd.Series(["1 cup", "1/2 bagel", "Quantity not specified"])).values.tolist()
    [[1.0, 'cup'], [0.5, 'bagel'], [1.0, 'Quantity not specified']]
    """
    text = text.astype("str")
    parts = text.str.extract(_AMOUNT_RE)
    tokens = parts["amount"].dropna()
    values = {token: _parse_amount(token) for token in tokens.unique()}
    amount = parts["amount"].map(values).astype("float64").fillna(1.0)
    rest = parts["rest"].fillna(text.str.strip())
    return pd.DataFrame({"amount": amount, "description": rest.astype("str")}, index=text.index)


def _measure_unit(text: str) -> str:
    # "slice/chunk", "piece/slice": the first of two names given for one portion
    head = re.split(r"[,(;/]", text, maxsplit=1)[0]
    words = head.split()
    for size in (2, 1):
        if len(words) >= size:
            info = normalize_unit(" ".join(words[:size]))
            if info is not None:
                return info.unit
    return ""


def measure_units(description: pd.Series) -> pd.Series:
    """Canonical unit key of each measure description, from its leading word(s).

    Uses :func:`nutrilog.units.normalize_unit` on the first two words, then the
    first word, of the text before any comma or parenthesis; ``""`` when neither
    is a known unit.

    Examples
    --------
    >>> measure_units(pd.Series(["cup, chopped", "fl oz", 'medium (7" long)', "cubic inch", "slice/chunk"])).tolist()
    ['cup', 'fl_oz', 'medium', '', 'slice']
    """
    description = description.astype("str")
    keys = {text: _measure_unit(text) for text in description.unique()}
    return description.map(keys).astype("str")


# --------------------------------------------------------------------------- the table


class FoodTable:
    """Foods, their nutrients per 100 g and their household portions.

    Build one with :func:`load_foods` (the bundled USDA tables) and
    :meth:`with_user_foods`; the constructor takes the three frames as they
    are stored.

    Parameters
    ----------
    foods : pandas.DataFrame
        Indexed by id; columns :data:`FOOD_COLUMNS`.
    nutrients : pandas.DataFrame
        Indexed by id (same ids); columns :data:`~nutrilog.nutrients.NUTRIENT_COLUMNS`.
    portions : pandas.DataFrame
        Columns :data:`PORTION_COLUMNS`; ``grams`` is the weight of ``amount`` ×
        ``description``.

    Attributes
    ----------
    foods, nutrients, portion_table : pandas.DataFrame

    Examples
    --------
    >>> foods = load_foods()
    >>> "sr28:11457" in foods
    True
    >>> foods.portions("sr28:09040").query("unit == 'medium'")["grams"].tolist()
    [118.0]
    """

    def __init__(
        self, foods: pd.DataFrame, nutrients: pd.DataFrame, portions: pd.DataFrame
    ) -> None:
        if not foods.index.is_unique:
            raise DataError("food ids must be unique")
        self.foods: pd.DataFrame = foods[FOOD_COLUMNS]
        self.nutrients: pd.DataFrame = nutrients.reindex(
            index=foods.index, columns=NUTRIENT_COLUMNS
        )
        self.portion_table: pd.DataFrame = portions[PORTION_COLUMNS].reset_index(drop=True)

    # -- lookups ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.foods)

    def __contains__(self, food_id: object) -> bool:
        return isinstance(food_id, str) and food_id in self.foods.index

    def get(self, food_id: str) -> pd.Series:
        """Return one food: id, description, group, source, synonyms and nutrients per 100 g.

        Raises
        ------
        UnknownFoodError
            If ``food_id`` is not in the table (the message lists the closest ids).

        Examples
        --------
        >>> load_foods().get("sr28:11457")[["description", "calcium_mg"]].tolist()
        ['Spinach, raw', 99.0]
        """
        self._require(food_id)
        row = pd.concat([self.foods.loc[food_id], self.nutrients.loc[food_id]])
        return pd.concat([pd.Series({"id": food_id}), row]).rename(food_id)

    def portions(self, food_id: str) -> pd.DataFrame:
        """Return the household portions of one food: description, amount, unit, grams.

        ``grams`` weighs ``amount`` × ``description`` (e.g. 1 × "cup, sliced" = 150 g).
        A known food without portions gives an empty frame.

        Examples
        --------
        >>> load_foods().portions("sr28:11457")["description"].tolist()
        ['cup', 'bunch', 'leaf', 'package (10 oz)']
        """
        self._require(food_id)
        rows = self._portion_positions.get(food_id, np.array([], dtype=np.intp))
        picked = self.portion_table.iloc[rows]
        return picked[["description", "amount", "unit", "grams"]].reset_index(drop=True)

    @cached_property
    def _portion_positions(self) -> dict[str, np.ndarray]:
        return dict(self.portion_table.groupby("id", sort=False).indices)

    def _require(self, food_id: str) -> None:
        if food_id not in self:
            raise UnknownFoodError(self._unknown_message(food_id))

    def _unknown_message(self, food_id: object) -> str:
        from rapidfuzz import fuzz, process

        text = str(food_id)
        ids = process.extract(text, self.foods.index, scorer=fuzz.ratio, limit=3, score_cutoff=80)
        near = [f"{found} ({self.foods.at[found, 'description']})" for found, _, _ in ids]
        words = text.split(":", 1)[-1]
        hits = self.search(words, limit=3) if re.search(r"[A-Za-z]{3}", words) else None
        if hits is not None:
            hits = hits[hits["score"] >= 60]
            near += [f"{i} ({d})" for i, d in zip(hits["id"], hits["description"], strict=True)]
        shown = "; ".join(dict.fromkeys(near)) or "none"
        return (
            f"unknown food id {text!r}: ids look like 'sr28:09040' or 'fndds:63107010'; "
            f"closest: {shown}. Use FoodTable.search(text) to find a food by name."
        )

    # -- search ---------------------------------------------------------------------
    def search(self, text: str, limit: int = 10) -> pd.DataFrame:
        """Rank foods for ``text`` as the matcher does (:func:`nutrilog.search.search_foods`).

        The food a log entry with these words would be matched to comes first, then
        the matcher's next candidates; foods scoring under
        :data:`nutrilog.search.SEARCH_FLOOR` are left out, so words that fit no food
        give an empty frame rather than unrelated foods.

        Parameters
        ----------
        text : str
            Food words, as written in a log; order and case do not matter.
        limit : int, default 10
            Most rows returned.

        Returns
        -------
        pandas.DataFrame
            ``id``, ``description``, ``score`` (0-100), best first.

        Examples
        --------
        >>> load_foods().search("raw spinach", limit=2)["description"].tolist()
        ['Spinach, raw', 'Spinach, raw']
        >>> load_foods().search("oj", limit=1)["description"].tolist()
        ['Orange juice, 100%, NFS']
        """
        from nutrilog.search import search_foods

        return search_foods(self, text, limit).hits

    # -- facets: derived state, built on first use and kept with the table ------------
    # Each is built by a function of the module that uses it; the table only stores the
    # result, so it lives and dies with the table (a table with user foods has its own).

    @cached_property
    def matching_index(self) -> FoodIndex:
        """The matcher's index of this table (:func:`nutrilog.matching.index.build_index`).

        Built on first use (about 0.1 s for the bundled table), then kept.

        Examples
        --------
        >>> "banana" in load_foods().matching_index.postings
        True
        """
        from nutrilog.matching.index import build_index

        return build_index(self)

    @cached_property
    def id_lookup(self) -> FoodIds:
        """Ids, descriptions and positions: all that matching a log of food ids needs.

        Examples
        --------
        >>> load_foods().id_lookup.position["sr28:09040"] >= 0
        True
        """
        from nutrilog.matching.index import build_ids

        return build_ids(self)

    @cached_property
    def prepared_portions(self) -> PreparedPortions:
        """The portion rules' view of this table (:class:`nutrilog.portions.PreparedPortions`):
        each food's usable portions, built per food on first use, and the answers given.

        Examples
        --------
        >>> len(load_foods().prepared_portions.food("sr28:09040").rows) > 0
        True
        """
        from nutrilog.portions import prepare_portions

        return prepare_portions(self)

    @cached_property
    def usual_portions(self) -> dict[tuple[str, str | None], tuple[str, float]]:
        """The portion a suggestion offers per (food id, preferred measure or None):
        (label, grams), filled by :func:`nutrilog.suggestions.suggest_foods` as foods
        are suggested, so suggestions for many people pick each portion once.

        Examples
        --------
        >>> isinstance(load_foods().usual_portions, dict)
        True
        """
        return {}

    @property
    def built(self) -> frozenset[str]:
        """Names of the derived state built so far (``matching_index``, ``id_lookup``...).

        Examples
        --------
        >>> table = load_foods().with_user_foods(pd.DataFrame({"name": ["My bar"]}))
        >>> "matching_index" in table.built
        False
        """
        return frozenset(_FACETS.intersection(vars(self)))

    def __getstate__(self) -> dict[str, object]:
        # a pickled or copied table carries its data, not what was derived from it
        return {k: v for k, v in vars(self).items() if k not in _FACETS}

    # -- user foods -------------------------------------------------------------------
    def with_user_foods(self, foods: str | PathLike[str] | pd.DataFrame) -> FoodTable:
        """Return a new table with the user's own foods added.

        The CSV (or DataFrame) has one food per row:

        * ``name`` (or ``description``), required; optional ``id`` (default
          ``user:<slug of name>``), ``group``, ``synonyms``;
        * nutrient columns, by standard name (``magnesium_mg``) or a friendly
          header with the unit in brackets (``Magnesium (mg)``, ``Vitamin D
          (IU)``, ``Sodium (g)``: converted); a bare name (``magnesium``) is
          taken in the standard unit. Empty cells are NaN (unknown);
        * ``serving_grams`` and optional ``serving_description``: a portion row
          ("serving", and the description's own unit, e.g. "1 bar") so "1
          serving" resolves. With ``serving_grams`` the nutrient values are per
          serving and are converted to per 100 g, unless a ``basis`` column
          says ``100g`` (``basis`` is ``100g`` or ``serving``).

        Other columns are ignored.

        Raises
        ------
        DataError
            Naming the file, line and reason: missing name, non-numeric,
            negative, infinite or implausibly large value (1e9 or more),
            duplicate id (or one already in the table); an empty, binary or
            undecodable file (the encoding is sniffed as for a log).

        Examples
        --------
        >>> mine = pd.DataFrame({"name": ["Protein bar"], "serving_grams": [50],
        ...                      "Magnesium (mg)": [40]})
        >>> float(load_foods().with_user_foods(mine).get("user:protein-bar")["magnesium_mg"])
        80.0
        """
        kind_argument("foods", foods, (str, PathLike, pd.DataFrame), "a path or a DataFrame")
        if isinstance(foods, pd.DataFrame):
            raw, source, from_file = foods.copy(), "<dataframe>", False
        else:
            from nutrilog.iotools import read_user_table

            path = Path(foods)
            raw = read_user_table(path, "user food table")  # index: line numbers
            source, from_file = str(path), True
        from nutrilog.user_foods import user_tables

        new_foods, new_nutrients, new_portions = user_tables(
            raw, source, from_file, self.foods.index
        )
        return FoodTable(
            pd.concat([self.foods, new_foods]),
            pd.concat([self.nutrients, new_nutrients]),
            pd.concat([self.portion_table, new_portions], ignore_index=True),
        )

    # -- display ----------------------------------------------------------------------
    def _counts(self) -> pd.DataFrame:
        foods = self.foods["source"].value_counts(sort=False).rename("foods")
        portion_source = self.portion_table["id"].str.split(":", n=1).str[0]
        portions = portion_source.value_counts(sort=False).rename("portions")
        return pd.concat([foods, portions], axis=1).fillna(0).astype("int64")

    def __repr__(self) -> str:
        counts = self._counts()
        parts = ", ".join(f"{src} {row.foods}" for src, row in counts.iterrows())
        return f"FoodTable({len(self)} foods: {parts}; {len(self.portion_table)} portions)"

    def _repr_html_(self) -> str:
        title = html.escape(f"FoodTable: {len(self)} foods, {len(self.portion_table)} portions")
        return f"<p><b>{title}</b></p>" + self._counts().rename_axis("source").to_html()


#: The derived state a FoodTable keeps (see :attr:`FoodTable.built`).
_FACETS = frozenset({"matching_index", "id_lookup", "prepared_portions", "usual_portions"})


# --------------------------------------------------------------------------- loading

_STR_OPTS = {"keep_default_na": False, "na_values": [""]}


def _read(name: str, dtype: dict[str, str]) -> pd.DataFrame:
    with dataset_path(name).open("rb") as fh:
        frame = pd.read_csv(fh, dtype=dtype, usecols=list(dtype), encoding="utf-8", **_STR_OPTS)
    text = [c for c, t in dtype.items() if t == "str"]
    frame[text] = frame[text].fillna("")
    return frame


@lru_cache(maxsize=1)
def load_foods() -> FoodTable:
    """Load the bundled food table (SR28 and FNDDS 2017-2018), once per process.

    Returns
    -------
    FoodTable

    Examples
    --------
    >>> load_foods() is load_foods()
    True
    """
    foods = _read("foods.csv", {"id": "str", **dict.fromkeys(FOOD_COLUMNS[:-1], "str")})
    nutrients = _read(
        "nutrients.csv",
        {"id": "str", **dict.fromkeys(NUTRIENT_COLUMNS, "float64"), "vitamin_d_basis": "str"},
    )
    portions = _read(
        "portions.csv",
        {
            "id": "str",
            "seq": "int64",
            "amount": "float64",
            "description": "str",
            "unit": "str",
            "grams": "float64",
        },
    )
    foods = foods.set_index("id")
    nutrients = nutrients.set_index("id")
    foods["vitamin_d_basis"] = nutrients["vitamin_d_basis"].reindex(foods.index).fillna("")
    return FoodTable(foods, nutrients, portions)
