"""The words that make a line a supplement or water: nutrients, forms and names.

Nutrients are named the ways people write them: ``Mg``, ``mag``, ``Ca``, ``K`` (a
capital letter standing alone, not after a number, where ``mg`` is the unit),
``cal-mag``, ``vit D``, ``D``, ``D3``, ``D2``, ``cholecalciferol``, ``B-12``,
``methylcobalamin``; a salt after a symbol names its mineral (``Mg glycinate``,
``ca carbonate``). Beside the nutrients: supplement forms (glycinate, citrate,
cholecalciferol, powder...) and dose forms (capsule, tablet, softgel, gummy,
lozenge; ``caps``, ``tabs``) in :data:`FORMS`, multivitamins and prenatals in
:data:`MULTI`, supplements by their name alone (fish oil, omega-3, probiotic,
melatonin, electrolyte tabs...) in :data:`NAMED_SUPPLEMENTS`, and plain water in
:data:`WATER`. :func:`supplement_words` joins them all: the quick screen a line
passes before it is read.

Examples
--------
>>> nutrients_in("Mg glycinate 200mg + D3 2000 IU")
['magnesium_mg', 'vitamin_d_ug']
>>> nutrients_in("200 mg of something")
[]
>>> bool(FORMS.search("gummy bears")), bool(FORMS.search("2 gummies"))
(False, True)
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from nutrilog._resources import dataset_path

__all__ = [
    "NUTRIENT_PATTERNS",
    "B_COMPLEX",
    "FORMS",
    "MULTI",
    "NAMED_SUPPLEMENTS",
    "OTHER_SUPPLEMENTS",
    "COFFEE_CAPSULE",
    "TOPICAL",
    "WATER",
    "BARE_WORDS",
    "SPLIT",
    "SALT_TABLET",
    "THOUSANDS",
    "SPACED_THOUSANDS",
    "NAMING",
    "supplement_words",
    "FORMULAS",
    "supplement_names",
    "nutrients_in",
]

# Salt words of every mineral, for "Mg glycinate" / "ca carbonate" / "k citrate".
_ANY_SALT = r"(?:bis)?glycinate|citrate|oxide|chloride|malate|threonate|taurate|lactate|aspartate|gluconate|carbonate|sulfate|hydroxide|orotate|phosphate|bicarbonate"
# Shorthand that is a unit when it follows a number ("200 mg"), a nutrient otherwise.
_NOT_AFTER_NUMBER = r"(?<!\d)(?<!\d\s)"

#: ``cal`` before a label-sized number beside another nutrient (``cal 500 + D3``, ``cal
#: 500/mag 250``): calcium, written out before the line's doses are read.
CAL_BESIDE = re.compile(
    r"\bcal\b(?=\s*\d{3,4}\s*(?:mg)?\s*(?:[+/&,]|w/|w\s|with)\s*"
    r"(?:d3?|d2|vit|vitamin|mag|magnesium|zinc)\b)",
    re.I,
)
#: Not after a title of a person (``Mrs K``, ``Dr. D``): a letter there is an initial.
_AFTER_NO_TITLE = "".join(
    f"(?<!{title} )"
    for title in ("Mr", "Mrs", "Ms", "Dr", "Mr\\.", "Mrs\\.", "Ms\\.", "Dr\\.", "Miss")
)
#: Tracked nutrients as they are named on labels and in diaries.
NUTRIENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "magnesium_mg",
        re.compile(
            rf"\bmagnesium\b|\bmagnesio\b|\bmag\b|\bcal\s*[\s/&+-]\s*mag\b|\bmag\s*[\s/&+-]\s*cal\b|(?-i:{_NOT_AFTER_NUMBER}\bMg\b)"
            rf"|{_NOT_AFTER_NUMBER}\bmg\s+(?:l-)?(?:{_ANY_SALT})\b",
            re.I,
        ),
    ),
    (
        "calcium_mg",
        re.compile(
            rf"\bcalcium\b|\bcalcio\b|\bcal\s*[\s/&+-]\s*mag\b|\bmag\s*[\s/&+-]\s*cal\b|(?-i:{_NOT_AFTER_NUMBER}\bCa\b(?!\.))"
            # "cal 500 mg": cal before a dose in milligrams is calcium (calories are no mg)
            r"|\bcal\b(?=\s*(?:\d+(?:\.\d+)?)?\s*mg\b)"
            rf"|\b(?:ca|cal)\s+(?:{_ANY_SALT})\b",  # "ca carbonate", "cal citrate"
            re.I,
        ),
    ),
    (
        "potassium_mg",
        re.compile(
            rf"\bpotassium\b|\bpotasio\b|(?-i:(?<!vitamin )(?<!vit )(?<!vit\. ){_NOT_AFTER_NUMBER}"
            # a person's initial after a title (``shift @ Mrs K``) is no potassium
            rf"{_AFTER_NO_TITLE}\bK\b(?![\w-]))"
            rf"|\bk\s+(?:{_ANY_SALT})\b",
            re.I,
        ),
    ),
    # "Na" only as its chemical symbol, capital N and small a (``500mg Na``)
    ("sodium_mg", re.compile(rf"\bsodium\b|(?-i:{_NOT_AFTER_NUMBER}\bNa\b(?![\w-]))", re.I)),
    (
        "vitamin_d_ug",
        re.compile(
            r"\bvit(?:amin[ae]?)?\.?\s*d(?:-?[23])?\b|\bd-?[23]\b|(?:chole|ergo)calciferol"
            r"|(?-i:(?<![\w'.-])D(?![\w'-]))",
            re.I,
        ),
    ),
    (
        "vitamin_b12_ug",
        re.compile(r"\b(?:vit(?:amin[ae]?)?\.?\s*)?b[\s-]?12\b|cobalamin|\bb[\s-]?complex\b", re.I),
    ),
]
#: A B-complex names B12 among others: its dose is never B12's alone.
B_COMPLEX = re.compile(r"\bb[\s-]?complex\b|\bb[\s-]?(?:50|100)\b", re.I)
#: Supplement forms (salts, vitamin forms, powder) and dose forms (capsule, tablet...).
FORMS = re.compile(
    rf"{_ANY_SALT}|threonate|chelate|supplement|capsule|tablet|softgel|"
    r"\bgumm(?:y|ies)\b(?!\s*(?:bears?|worms?|candy|candies|rings?|sharks?|frogs?))|lozenge|\bpills?\b|\bcaps?\b|\btabs?\b|\bpowder\b|"
    r"\bchewables?\b|\bchews?\b|\bdrops\b|\bgtts?\b|cholecalciferol|ergocalciferol|methylcobalamin|cyanocobalamin|"
    r"hydroxocobalamin|adenosylcobalamin",
    re.I,
)
#: Multivitamins and prenatals.
MULTI = re.compile(
    r"multi[\s-]?vit|\bmulti\b(?![\s-]*(?:grains?|seeds?|colou?r|purpose|pack|layer|bean))|"
    # a prenatal visit, class or scan is no vitamin ("24 wk prenatal appt")
    r"(?:pre|post|peri)natal(?![\s-]+(?:appt|appointments?|visits?|check[\s-]?ups?|class(?:es)?|yoga|scans?"
    r"|massage|care|exam|doctor|dr)\b)|one[\s-]a[\s-]day|centrum|flintstones|"
    # multivitamin brands sold in the UK and Australia (Vitabiotics, Bayer, Blackmores)
    r"\b(?:pregnacare|well(?:man|woman|teen|kid)|sanatogen|berocca|elevit|perfectil|supradyn)\b|"
    # a vitamin for kidney patients on dialysis (B vitamins and C: Nephro-Vite, Rena-Vite)
    r"\brenal\s+(?:multi(?:vitamins?)?\b|caps\b|vitamins?\b(?!\s*(?:[a-ek]\b|b\d)))"
    r"|\bnephro-?vite\b|\brena-?vite\b|"
    # vitamins with no name after them are a multivitamin (``kids gummy vitamins``)
    r"\b(?:gumm(?:y|ies)|kids?'?|children'?s|chewable|daily|adult|women'?s|men'?s)\s+vitamins?\b"
    r"(?!\s*(?:[a-ek]\b|b\d))",
    re.I,
)
#: Supplements by their name alone, dose or not: never a food.
NAMED_SUPPLEMENTS = re.compile(
    r"fish\s*oil|\bomega(?:[\s-]?(?:3-6-9|3|6|9))?+s?\b(?!\s*(?:enriched\s+)?(?:eggs?|milk|bread))|"
    r"\bcod\s+liver\s+oil\b|\bprobiotics?\b|\bmelatonin\b|\bcreatine\b|\bcoq[\s-]?10\b|"
    r"\bashwagandha\b|\bglucosamine\b|\bchondroitin\b|\bbiotin\b|\bcollagen\b|"
    r"\bkrill\s*oil\b|\bevening\s+primrose\b|\bmsm\b|\binositol\b|\bberberine\b|"
    r"\bquercetin\b|\b(?:l-)?glutamine\b|\b(?:l-|acetyl[\s-]l-)?carnitine\b|\bdhea\b|"
    r"\bvalerian\b|\brhodiola\b|\bsaw\s+palmetto\b|\bmilk\s+thistle\b|\bginkgo\b|"
    r"\bechinacea\b|\bn-?acetyl[\s-]?cysteine\b|\bag1\b|\bathletic\s+greens\b|"
    r"\b(?:alpha[\s-]?)?lipoic\s+acid\b|\bl-?theanine\b|\b5-?htp\b|\bresveratrol\b|"
    r"\blutein\b|\bzeaxanthin\b|\bnattokinase\b|\bblack\s+seed\s+oil\b|"
    # black seed oil by its Hindi, Urdu and Bengali name; oral rehydration salts
    r"\bkalonji\s+oil\b|\borsaline\b|\boral\s+rehydration\s+(?:salts?|solution)\b|"
    r"\belectrolytes? (?:tabs?|tablets?|capsules?|caps|packets?|sachets?|powder|mix|drink mix)\b|"
    r"\blmnt\b|\bnuun\b|\bliquid[\s-]?i\.?v\b|\bsalt[\s-]?sticks?\b|"
    r"\bsalt (?:tabs?|tablets?|caps(?:ules)?|pills?)\b|\bbcaas?\b|\bbeta[\s-]?alanine\b|"
    # a pre-workout powder, not the meal before a workout ("pre-workout snack: ...")
    r"\bpre[\s-]?workout\b(?!\s*(?:[:=\u2013\u2014-]|(?:snacks?|meals?|shakes?|smoothies?|bars?"
    r"|breakfast|lunch|dinner|food)\b))",
    re.I,
)
#: Untracked nutrients and herbs: a supplement with a dose or a form, a food otherwise.
OTHER_SUPPLEMENTS = re.compile(
    r"\bzinc\b|(?-i:\bZn\b)|\biron\b|\bferrous\b|\bferric\b|\bvit(?:amin)?\.?\s*[acek][12]?\b|\bk2\b|"
    r"\bfolate\b|\bfolic\b|\belectrolytes?\b|\bselenium\b|\biodine\b|\bturmeric\b|"
    r"\bcurcumin\b|\bcurcuma\b|\bl-theanine\b|\b5-htp\b|\belderberry\b|\bdha\b|\bepa\b|\balgal\s+oil\b|"
    r"\bcholine\b|\blutein\b|\bpsyllium\b|\bmetamucil\b|\bbenefiber\b|\bchromium\b|"
    r"\bcopper\b|\bmanganese\b|\bboron\b|\bmolybdenum\b|\bniacin\b|\briboflavin\b|"
    r"\bthiamine?\b|\bpicolinate\b|\blysine\b|\blactase\b|"
    r"\bvit(?:amin)?\.?\s*b[1-35-9]\b",
    re.I,
)
#: Used on the skin, never eaten (a bath, a soak, a transdermal spray): no supplement;
#: the line reader's ``entry_words.csv`` rows of kind ``soak or skin`` reject the line.
TOPICAL = re.compile(
    r"\bepsom\b|\bbath\b|\bsoak(?:ed|ing)?\b|\b(?:magnesium|mag)\s+(?:oil|spray|lotion|cream|gel|flakes|butter)\b",
    re.I,
)
#: What a supplement is taken for, closing the line ("magnesium for sleep"): no food.
PURPOSE = re.compile(
    r"\s+(?:for|to\s+help(?:\s+with)?)\s+(?:my\s+|the\s+)?(?:sleep|cramps?|(?:leg|calf|muscle|night)\s+"
    r"cramps?|energy|bones?|immunity|immune\s+system|stress|anxiety|headaches?|migraines?|"
    r"recovery|constipation|mood|heart|muscles?|spasms?|twitch(?:es|ing)?)\b.*$",
    re.I,
)
#: When a supplement is taken, closing the line ("magnesium before bed", "calcium with
#: dinner", "D3 in the morning"): no food, and no part of the dose.
TAKEN_WHEN = re.compile(
    r"\s+(?:(?:right\s+|just\s+)?(?:before|after|at|with|w/|in\s+the|this|last|during|by)\s+"
    r"(?:my\s+|the\s+|a\s+)?(?:bed(?:time)?|night|dinner|breakfast|brekkie|lunch|supper|tea|"
    r"meals?|food|morning|evening|afternoon|workout|gym|run|training|practice|"
    r"\d{1,2}(?::\d{2})?\s*(?:am|pm|a|p)?)|(?:at\s+)?(?:nightly|bedtime|qhs)|"
    r"(?:am|pm|morning|evening|tonight|today|this\s+morning|last\s+night))\b"
    # closing the line, or before an amount that closes it ("magnesium at night 200mg")
    r"(?=\s*[.!]?\s*(?:\d[\d.,/]*\s*[a-z\u00b5]*\.?\s*)?$)",
    re.I,
)
#: A verb of taking opening the line ("took magnesium", "had my vitamin D"): no food.
TAKEN = re.compile(
    r"^\s*(?:took|take|taken|taking|had|popped)\s+(?:my\s+|a\s+|an\s+|the\s+|some\s+)?", re.I
)
#: Pills named for what they treat are medicines, not supplements ("BP pills").
MEDICINE = re.compile(
    r"\b(?:bp|blood[\s-]pressure|heart|thyroid|cholesterol|water|pain|sleeping|allergy|"
    r"birth[\s-]control|diabetes|anxiety|migraine|nausea|stomach|acid|reflux)\s+"
    r"(?:pills?|meds?|tabs?|tablets?|caps(?:ules)?)\b",
    re.I,
)
#: A capsule of coffee is coffee.
COFFEE_CAPSULE = re.compile(r"\b(?:coffee|espresso|nespresso|k-?cup|pods?)\b", re.I)
#: A line that is only water (matched against the whole food text).
WATER = re.compile(
    r"(?:(?:plain|tap|still|sparkling|mineral|bottled|filtered|spring|fizzy|carbonated|"
    r"soda|hot|cold|warm|iced|ice|fresh|drinking|glass|bottle|of)\s+)*"
    r"(?:water|h2o)(?:\s+(?:tap|bottled|plain|still|sparkling|mineral|filtered|with\s+ice))?",
    re.I,
)
#: Words a supplement line holds besides its nutrients: what is left after them is food.
BARE_WORDS = re.compile(
    rf"\b(?:vitamin[ae]?s?|supplements?|elemental|daily|dose|{_ANY_SALT}|l-|powder|"
    r"ultra|extra|max(?:imum)?|super|forte|plus|high|potency|strength|regular|advanced|"
    r"complete|liquid|spray|sublingual|chewables?|once|weekly|mega|mg|mcg|ug|iu|meq)\b|\bl-",
    re.I,
)
#: Where a line naming several nutrients is cut into one part per nutrient.
SPLIT = re.compile(
    r"\s*(?:\+|,|;|&|\bw/|\bw\s|/|\band\b|\bwith\b|\bplus\b"
    # Spanish and Portuguese ``con``, ``y``, ``com`` (``calcio 600mg con vitamina D``)
    r"|\bcon\b|\by\b|\bcom\b)\s*",
    re.I,
)
#: A salt tablet (``salt tab``, ``salt tablets``, ``salt caps``): sold by the weight of
#: its sodium chloride.
SALT_TABLET = re.compile(r"\bsalt[\s-]?(?:tabs?|tablets?|caps(?:ules)?|pills?)\b", re.I)
#: A dose written in thousands (``D3 5k``, ``10k IU``, ``vit D 2k + mag 200``).
THOUSANDS = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*k\b(?=\s*(?:iu\b|units?\b|$|[+,;&/(]|and\b|plus\b"
    # "D3 60k weekly", "vit D 5k daily", "60k sachet": how often or in what it is taken
    r"|(?:weekly|daily|monthly|once|every|twice|a\s+(?:day|week)|per|sachets?|caps(?:ules?)?"
    r"|tabs?|tablets?|softgels?|drops?)\b))",
    re.I,
)
#: Thousands set apart by a space (``50 000 IU``, ``2\u202f000 IU``): only a group of three
#: zeros joins, since ``2 400 IU`` may be two tablets of 400 IU. Groups: ``\1\2`` or
#: ``\3\4``.
SPACED_THOUSANDS = re.compile(
    r"(?<![\w.])(\d{1,3})[ \u00a0\u202f](000)(?![\w.])"
    # or by a comma (``2,000 IU``, ``1,200 mg``): any group of three digits joins
    r"|(?<![\w.,])(\d{1,3}),(\d{3})(?![\d.,])"
)
#: A word that names something (``K2``, ``zinc``), beyond amounts and label words.
NAMING = re.compile(r"[a-z][a-z0-9]", re.I)
#: Any word that can make a line a supplement or water: the quick screen before
#: :func:`~nutrilog.supplements.detect.detect_supplement`.
#: Mineral salts written as chemical formulas (``KCl 10 mEq``, ``MgO``, ``CaCO3``),
#: and ``mEq``, a dose unit of minerals only; ``named_formulas`` in ``doses.py`` names
#: each formula of ``datasets/supplement_salts.csv`` (a test checks both agree).
FORMULAS = re.compile(
    r"(?<![\w-])(?:kcl|khco3|nacl|nahco3|mgo|mgcl2?|mgso4|mgco3|mgc4h4o5|caco3|meq)(?![\w-])",
    re.I,
)


def _product_words() -> str:
    """The first word of every product of ``datasets/supplement_products.csv`` (``tums``,
    ``citracal``...): a line naming one is screened in."""
    with dataset_path("supplement_products.csv").open(encoding="utf-8") as fh:
        names = [row["product"] for row in csv.DictReader(fh)]
    first = sorted({re.split(r"[\s-]+", n.strip().lower())[0] for n in names if n.strip()})
    return "|".join(rf"\b{re.escape(w)}\b" for w in first)


def _brand_names() -> str:
    """The names of ``datasets/supplement_names.csv`` (``klor-con``, ``os-cal``): drug
    and product names of one salt, screened in and named as the salt by
    :func:`~nutrilog.supplements.doses.named_formulas`."""
    return "|".join(rf"(?<![\w-]){re.escape(name)}(?![\w-])" for name in supplement_names())


@lru_cache(maxsize=1)
def supplement_names() -> dict[str, str]:
    """``datasets/supplement_names.csv`` as ``{name: what it means}`` (``klor-con``:
    ``potassium chloride``), lower case.

    Examples
    --------
    >>> supplement_names()["klor-con"]
    'potassium chloride'
    """
    with dataset_path("supplement_names.csv").open(encoding="utf-8") as fh:
        return {row["name"].strip().lower(): row["means"].strip() for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def supplement_words() -> re.Pattern[str]:
    """Any word that can make a line a supplement or water: the quick screen before
    :func:`~nutrilog.supplements.detect.detect_supplement`, the bundled products' names
    among them (read on first use, not at import)."""
    return re.compile(
        "|".join(
            [p.pattern for _, p in NUTRIENT_PATTERNS]
            + [
                FORMS.pattern,
                MULTI.pattern,
                NAMED_SUPPLEMENTS.pattern,
                OTHER_SUPPLEMENTS.pattern,
                r"water|h2o",
                r"\b(?:mg|mcg|ug|\u00b5g)\b",  # a label dose: "flaxseed oil 1000mg"
                _product_words(),
                _brand_names(),
                FORMULAS.pattern,
            ]
        ),
        re.I,
    )


def nutrients_in(text: str) -> list[str]:
    """The tracked nutrient columns a text names, in the order of :data:`NUTRIENT_PATTERNS`.

    Examples
    --------
    >>> nutrients_in("cal-mag 2 tabs")
    ['magnesium_mg', 'calcium_mg']
    """
    return [col for col, pattern in NUTRIENT_PATTERNS if pattern.search(text)]
