"""Build ``default_portions.csv``: the weight of each food eaten when no amount is given.

FNDDS 2017-2018 gives most of its foods a "Quantity not specified" portion: the
weight survey coders use when a person names a food without saying how much.
That is the natural default for a diary entry with no amount (``green beans``).
SR28 has no such portion, so each SR28 food borrows one, in this order:

1. ``quantity not specified`` -- the food's own FNDDS portion;
2. ``FNDDS twin`` -- an FNDDS food with the same energy, water, calcium,
   magnesium, potassium and sodium per 100 g (rounded to whole units): FNDDS
   copied the SR28 values, so it is the same food (``Beans, snap, green, raw``
   -> ``Green beans, raw``, 55 g);
3. ``serving`` -- the food's own serving or NLEA serving portion (branded SR28
   items), as the label's serving is what one eats of it;
4. ``FNDDS neighbour`` -- the FNDDS food whose description shares the most words
   with it (at least :data:`MIN_SHARED` of the words of both; its first word one
   of the food's first two, as SR28 names the kind first: ``Fish, salmon, raw``;
   energy per 100 g within a factor :data:`MAX_ENERGY_RATIO`), so cooked
   ``Rice, white, long-grain, regular, enriched, cooked`` takes the default of
   ``Rice, white, cooked``;
5. ``seasoning`` -- a spice, a herb or salt (SR28 group "Spices and Herbs") weighed by
   the teaspoon: a quarter of it (:data:`SEASONING_TSP`), a sprinkle on a dish;
6. ``group median`` -- the median default of the foods above in the same food
   group (SR28 food group or FNDDS category) whose energy per 100 g is within
   :data:`MAX_ENERGY_RATIO` of the food's, of the same kind (the description's first
   word) if at least :data:`MIN_SIMILAR` are, else of any kind, else the whole group's:
   cooked oatmeal takes the bowl of the cooked cereals, not the 40 g of the dry ones,
   and a sauce the spoonful of sauces, not the bowl of soups of its group. A food
   whose own measures are all spoons is used by the spoon: its group median is held
   to :data:`SPOONS_AT_MOST` of its largest spoon (hot pepper sauce, weighed by the
   teaspoon in SR28, takes 9.6 g, not the 299 g bowl of the low-energy soups it shares
   a group with).

The table is derived from the bundled ``foods.csv``, ``nutrients.csv`` and
``portions.csv`` (built first from the USDA sources), so it follows them.

Columns: ``id, grams, basis, from_id`` -- ``basis`` names the rule above and
``from_id`` the food whose portion was used (empty for a group median).

Examples
--------
>>> build_defaults(Path("../shared"), Path("datasets"))  # doctest: +SKIP
[PosixPath('datasets/default_portions.csv')]
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "DEFAULT_COLUMNS",
    "MIN_SHARED",
    "MAX_ENERGY_RATIO",
    "SPOONS_AT_MOST",
    "SERVING_CUPS_AT_MOST",
    "SERVING_ALWAYS_G",
    "default_portions",
    "servings",
    "build_defaults",
]

DEFAULT_COLUMNS = ["id", "grams", "basis", "from_id"]
#: Least share of the two descriptions' words (Jaccard) for an FNDDS neighbour.
MIN_SHARED = 0.25
#: Largest ratio of energy per 100 g between a food and its FNDDS neighbour.
MAX_ENERGY_RATIO = 1.5
#: Nutrients (per 100 g, rounded to whole units) that must agree for an FNDDS twin.
#: Least number of foods of similar energy density a group median is taken over.
MIN_SIMILAR = 3
TWIN_COLUMNS = ["energy_kcal", "water_g", "calcium_mg", "magnesium_mg", "potassium_mg", "sodium_mg"]
_QNS = "quantity not specified"
_STOP = frozenset(
    [
        "and",
        "or",
        "with",
        "without",
        "of",
        "in",
        "the",
        "a",
        "an",
        "ns",
        "as",
        "to",
        "nfs",
        "not",
        "further",
        "specified",
        "from",
        "made",
        "type",
        "all",
        "includes",
    ]
)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("oes"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def _words(description: str) -> list[str]:
    found = (_singular(w) for w in re.findall(r"[a-z]+", description.lower()))
    return [w for w in found if w not in _STOP]


def _own_qns(portions: pd.DataFrame) -> pd.Series:
    """Grams of each food's own "Quantity not specified" portion (per one)."""
    text = portions["description"].str.strip().str.lower()
    own = portions[(text == _QNS) & (portions["grams"] > 0)]
    return (own["grams"] / own["amount"].where(own["amount"] > 0, 1.0)).groupby(own["id"]).first()


#: Food groups whose foods season a dish: named with no amount (``eggs with salt and
#: pepper``, ``oatmeal with cinnamon``), one is a sprinkle, not a group median's 30 g.
SEASONING_GROUPS = frozenset({"Spices and Herbs"})
#: The teaspoons of a seasoning named with no amount: a quarter teaspoon, between a
#: dash (1/8 tsp) and the half teaspoon of a recipe's seasoning.
SEASONING_TSP = 0.25


def _teaspoons(portions: pd.DataFrame) -> pd.Series:
    """Grams of one teaspoon of each food weighed by the teaspoon."""
    if "unit" in portions:
        unit = portions["unit"].astype(str)
    else:  # a table of descriptions only: the first word names the unit
        unit = portions["description"].str.strip().str.lower().str.split(r"[\s,(]", n=1).str[0]
    rows = portions[unit.eq("tsp") & (portions["grams"] > 0)]
    per = rows["grams"] / rows["amount"].where(rows["amount"] > 0, 1.0)
    return per.groupby(rows["id"]).first()


#: The spoons of its largest own spoon measure a food measured only by the spoon is
#: used in when no amount is given (a couple of spoonfuls).
SPOONS_AT_MOST = 2.0
_SPOONS = frozenset({"tsp", "tbsp"})


def _spoon_caps(portions: pd.DataFrame) -> pd.Series:
    """For each food whose own household measures are all spoons: the grams of
    :data:`SPOONS_AT_MOST` of its largest spoon measure."""
    if "unit" not in portions:
        return pd.Series(dtype=float)
    rows = portions[portions["grams"] > 0]
    units = rows.groupby("id")["unit"].agg(lambda u: frozenset(u.astype(str)))
    spooned = units[units.map(lambda u: bool(u) and u <= _SPOONS)].index
    spoons = rows[rows["id"].isin(spooned)]
    per = spoons["grams"] / spoons["amount"].where(spoons["amount"] > 0, 1.0)
    return per.groupby(spoons["id"]).max() * SPOONS_AT_MOST


#: The most cups a serving may weigh to stand for an amount no one wrote: SR28 weighs
#: some restaurant dishes by the whole plate served (rice and pigeon peas, 653 g, with
#: a cup of 115 g), more than a person eats of it as one food of a meal.
SERVING_CUPS_AT_MOST = 2.5
#: A serving this light stands whatever its cups (an 85 g NLEA serving of leaf lettuce
#: is three loose cups).
SERVING_ALWAYS_G = 350.0
#: A chain's name in capitals in an SR28 description (``DENNY'S``, ``OLIVE GARDEN``).
_CHAIN = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")


def servings(portions: pd.DataFrame, chains: frozenset[str] = frozenset()) -> pd.Series:
    """Grams of one serving / NLEA serving portion of each food that has one, unless it
    weighs more than :data:`SERVING_CUPS_AT_MOST` cups of the food and more than
    :data:`SERVING_ALWAYS_G` and the food is no chain's own dish (``chains``: DENNY'S
    spaghetti is the plate the chain serves)."""
    first = portions["description"].str.strip().str.lower().str.split(r"[\s,(]", n=1).str[0]
    per = portions["grams"] / portions["amount"].where(portions["amount"] > 0, 1.0)
    rows = portions[first.isin(["serving", "nlea"]) & (portions["grams"] > 0)]
    servings = per[rows.index].groupby(rows["id"]).first()
    cups = portions[(first == "cup") & (portions["grams"] > 0)]
    cup = per[cups.index].groupby(cups["id"]).first().reindex(servings.index)
    plate = (servings > SERVING_CUPS_AT_MOST * cup) & (servings > SERVING_ALWAYS_G)
    return servings[~plate | servings.index.isin(list(chains))]


def _twins(nutrients: pd.DataFrame, qns: pd.Series, words: dict[str, list[str]]) -> pd.Series:
    """For each food without its own default: the FNDDS food with the same nutrients."""
    values = nutrients.set_index("id")[TWIN_COLUMNS].round(0)
    complete = values.notna().all(axis=1)
    keys = pd.Series(
        [str(tuple(row)) for row in values.to_numpy()], index=values.index, dtype=object
    )[complete]
    fndds = keys[keys.index.isin(qns.index)]
    by_key: dict[str, list[str]] = {}
    for food_id, key in fndds.items():
        by_key.setdefault(key, []).append(str(food_id))
    out = {}
    for food_id, key in keys[~keys.index.isin(qns.index)].items():
        found = by_key.get(key)
        if found:
            mine = set(words[str(food_id)])
            out[food_id] = max(found, key=lambda other: (len(mine & set(words[other])), other))
    return pd.Series(out, dtype=object)


def _neighbours(
    todo: list[str],
    qns: pd.Series,
    words: dict[str, list[str]],
    energy: pd.Series,
    states: dict[str, str] | None = None,
) -> pd.Series:
    """For each food in ``todo``: the FNDDS food with a default sharing most words."""
    by_head: dict[str, list[str]] = {}
    for food_id in qns.index:
        listed = words[food_id]
        if listed:
            by_head.setdefault(listed[0], []).append(food_id)
    out = {}
    for food_id in todo:
        mine = words[food_id]
        if not mine:
            continue
        best, best_share = None, MIN_SHARED
        # SR28 names the kind first ("Fish, salmon, ..."), FNDDS the food ("Salmon, raw")
        heads = dict.fromkeys(mine[:3])
        for other in (o for head in heads for o in by_head.get(head, ())):
            theirs = set(words[other])
            share = len(set(mine) & theirs) / len(set(mine) | theirs)
            a, b = energy.get(food_id, np.nan), energy.get(other, np.nan)
            if not (a > 0 and b > 0) or max(a, b) / min(a, b) > MAX_ENERGY_RATIO:
                continue
            if states and {states.get(food_id, ""), states.get(other, "")} == {"raw", "cooked"}:
                continue  # a raw food's default is a garnish's, never a cooked serving
            if share > best_share or (share == best_share and best is not None and other < best):
                best, best_share = other, share
        if best is not None:
            out[food_id] = best
    return pd.Series(out, dtype=object)


#: Words of a description that say a food was cooked (its neighbour then is no raw food).
_COOKED = frozenset(
    [
        "cooked",
        "boiled",
        "baked",
        "fried",
        "roasted",
        "steamed",
        "braised",
        "stewed",
        "grilled",
        "broiled",
        "microwaved",
        "sauteed",
        "simmered",
    ]
)


def _state(description: str) -> str:
    """``raw``, ``cooked`` or ``""``: what a description says of the food's state. FNDDS's
    ``from raw`` says what a cooked food was made from, not that it is raw."""
    words = re.findall(r"[a-z]+", description.lower())
    if any(w == "raw" and (k == 0 or words[k - 1] != "from") for k, w in enumerate(words)):
        return "raw"
    return "cooked" if _COOKED.intersection(words) else ""


def _kind(words: list[str]) -> str:
    """The kind a description names first (``sauce`` of ``Sauce, salsa, ready-to-serve``)."""
    return words[0] if words else ""


def _similar_median(known: pd.DataFrame, energy: float) -> float:
    """The median default of the group's foods whose energy per 100 g is within
    :data:`MAX_ENERGY_RATIO` of ``energy`` (at least :data:`MIN_SIMILAR` of them), else NaN.

    Energy density tells the form a food is eaten in apart within one group: cooked
    oatmeal (about 70 kcal per 100 g, eaten by the bowl) from dry cereals (about 380,
    eaten by the 30-40 g serving), juice from its concentrate, fresh from dried fruit.

    Examples
    --------
    >>> known = pd.DataFrame({"grams": [40.0, 30.0, 35.0, 240.0, 234.0, 250.0],
    ...                       "energy": [380.0, 390.0, 370.0, 70.0, 71.0, 60.0]})
    >>> _similar_median(known, 68.0)
    240.0
    """
    if not energy > 0:
        return float("nan")
    ratio = np.maximum(known["energy"] / energy, energy / known["energy"])
    near = known.loc[ratio <= MAX_ENERGY_RATIO, "grams"]
    return float(near.median()) if len(near) >= MIN_SIMILAR else float("nan")


def default_portions(
    foods: pd.DataFrame, nutrients: pd.DataFrame, portions: pd.DataFrame
) -> pd.DataFrame:
    """One row per food: the grams eaten when no amount is given, and why.

    Examples
    --------
    >>> foods = pd.DataFrame({"id": ["fndds:1", "sr28:2"], "description": ["Pea, raw", "Peas, raw"],
    ...                       "group": ["Veg", "Veg"]})
    >>> nutrients = pd.DataFrame({"id": ["fndds:1", "sr28:2"], **{c: [1.0, 1.0] for c in TWIN_COLUMNS}})
    >>> portions = pd.DataFrame({"id": ["fndds:1"], "amount": [1.0],
    ...                          "description": ["Quantity not specified"], "grams": [70.0]})
    >>> default_portions(foods, nutrients, portions)[["id", "grams", "basis"]].to_dict("list")
    {'id': ['fndds:1', 'sr28:2'], 'grams': [70.0, 70.0], 'basis': ['quantity not specified', 'FNDDS twin']}
    """
    ids = foods["id"].astype(str)
    words = {i: _words(str(d)) for i, d in zip(ids, foods["description"], strict=True)}
    states = {i: _state(str(d)) for i, d in zip(ids, foods["description"], strict=True)}
    qns = _own_qns(portions)
    qns = qns[qns.index.isin(ids)]
    rows: dict[str, tuple[float, str, str]] = {
        i: (float(g), "quantity not specified", i) for i, g in qns.items()
    }
    for food_id, twin in _twins(nutrients, qns, words).items():
        rows[food_id] = (float(qns[twin]), "FNDDS twin", twin)
    chains = frozenset(
        i for i, d in zip(ids, foods["description"], strict=True) if _CHAIN.search(str(d))
    )
    for food_id, grams in servings(portions, chains).items():
        if food_id not in rows and food_id in words:
            rows[food_id] = (float(grams), "serving", food_id)
    energy = nutrients.set_index("id")["energy_kcal"]
    todo = [i for i in ids if i not in rows]
    for food_id, other in _neighbours(todo, qns, words, energy, states).items():
        rows[food_id] = (float(qns[other]), "FNDDS neighbour", other)
    group = dict(zip(ids, foods["group"].astype(str), strict=True))
    for food_id, grams in _teaspoons(portions).items():
        if food_id not in rows and group.get(food_id) in SEASONING_GROUPS:
            rows[food_id] = (grams * SEASONING_TSP, "seasoning", food_id)
    known = pd.DataFrame(
        [(group[i], g) for i, (g, _, _) in rows.items()], columns=["group", "grams"]
    )
    known["energy"] = energy.reindex([i for i in rows]).to_numpy()
    known["kind"] = [_kind(words[i]) for i in rows]
    medians = known.groupby("group")["grams"].median()
    by_group = {name: part for name, part in known.groupby("group")}
    caps = _spoon_caps(portions)
    for food_id in ids:
        if food_id not in rows and group[food_id] in medians.index:
            same = by_group[group[food_id]]
            kcal = energy.get(food_id, np.nan)
            grams = _similar_median(same[same["kind"] == _kind(words[food_id])], kcal)
            if np.isnan(grams):
                grams = _similar_median(same, kcal)
            if np.isnan(grams):
                grams = float(medians[group[food_id]])
            rows[food_id] = (min(grams, caps.get(food_id, grams)), "group median", "")
    out = pd.DataFrame([(i, *rows[i]) for i in ids if i in rows], columns=DEFAULT_COLUMNS)
    out["grams"] = out["grams"].round(1)
    return out.sort_values("id", kind="stable").reset_index(drop=True)


def build_defaults(shared: Path, out: Path) -> list[Path]:
    """Write ``default_portions.csv`` from the food tables already in ``out``.

    ``shared`` is not read: the tables built from it are (so run after ``build_foods``).
    """
    read = {"keep_default_na": False, "na_values": [""], "dtype": {"id": str}}
    foods = pd.read_csv(out / "foods.csv", **read)
    nutrients = pd.read_csv(out / "nutrients.csv", **read)
    portions = pd.read_csv(out / "portions.csv", **read)
    table = default_portions(foods, nutrients, portions)
    path = out / "default_portions.csv"
    table.to_csv(path, index=False, lineterminator="\n", float_format="%.1f")
    return [path]
