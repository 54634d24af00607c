"""How likely one person's usual intake is adequate, following IOM (2000).

The method is the one of *DRI: Applications in Dietary Assessment* (IOM 2000,
ch. 3 and App. B), for ONE person observed on ``n`` days:

* **Nutrients with an EAR** (magnesium, calcium, vitamin D, vitamin B12 from age 1):
  ``z = (mean - EAR) / sqrt(SD_req**2 + SD_within**2 / n)`` with
  ``SD_req = req_cv * EAR``; the probability that usual intake is adequate is
  ``Phi(z)`` (standard normal CDF, :func:`~nutrilog.assessment.formulas.normal_cdf`).
* **Nutrients with only an AI** (potassium, sodium, water, every infant value):
  ``z = (mean - AI) / (SD_within / sqrt(n))`` is the confidence that usual intake
  is at or above the AI. A low value does not mean inadequate intake.
* **Upper levels**: ``z = (mean - UL) / (SD_within / sqrt(n))`` gives the confidence
  that usual intake is below the UL. The magnesium UL concerns supplements only,
  so only supplemental magnesium (``magnesium_supplement_mg``) is compared with
  it. Sodium has no UL; the same test against its CDRR is an extrapolation of the
  IOM method and flagged as such.

``SD_within`` is the day-to-day SD of one person's intake. In order of
preference: the published pooled survey value for the person's group
(``within_person_sd.csv``; only calcium and magnesium for women 19-50 exist), a
value given by the caller (``sd_within=`` argument, then ``Profile.sd_within``),
the SD of the person's own days when there are at least
:data:`MIN_DAYS_OWN_SD` (a departure from the IOM method, flagged), else none:
the probability stays empty and ``notes`` says why.

:func:`assess` assesses one person; :func:`assess_people` every person of a
daily table at once. Figures for groups of people (the share below the EAR by the
EAR cut-point, after removing day-to-day variation) are in
:mod:`~nutrilog.assessment.population` (``Analysis.population()``). Both build the same table (:mod:`~nutrilog.assessment.table`):
one group-by gives every person's statistics, the formulas
(:mod:`~nutrilog.assessment.formulas`) run over whole columns and work on scalars
alike, the status comes from one selection over the finished table
(:mod:`~nutrilog.assessment.rules`), and ``notes`` is a list of plain sentences
written from each row (:mod:`~nutrilog.assessment.notes`).

Status
------
``status`` is one of :data:`STATUSES`; ``status_rule`` names the rule that set it
and ``status_reason`` says why in plain words. The first rule that holds wins:

1. ``"unknown"`` (rule ``"no data"``): no day has a value.
2. ``"above upper limit"``: mean intake compared with the UL (supplemental
   magnesium for magnesium) is above it, or the confidence of being below it is
   under 0.5.
3. ``"above CDRR"`` (sodium only): mean above the Chronic Disease Risk Reduction
   intake. This is a "reduce if above" level for chronic-disease risk, not a
   toxicity limit, hence its own status rather than "above upper limit".
4. Nutrients with an EAR, a within-person SD and daily intakes symmetric enough
   for the normal-theory test (rule ``"IOM probability"``): the IOM 2000 Table B-1
   criteria on ``z = D / SD_D``, read at one decimal as the IOM reads its own
   worked example (``55 / 56`` "is just slightly less than 1", "a value of about
   1 implies an 85 percent probability", p.54): ``z >= 1.0`` (the IOM's 85 % level
   of confidence that usual intake is adequate) gives ``"likely adequate"``,
   ``0 <= z < 1.0`` (the 50 % and 70 % levels) ``"possibly low"``, and ``z < 0``
   (usual intake more likely inadequate than adequate; the 70 % and 85 % levels of
   inadequacy at -0.5 and -1) ``"likely low"`` (:data:`Z_THRESHOLDS`). Reading z
   to one decimal is the precision of the inputs: SD_req is an assumed 10 % CV
   and the pooled SD_within has two significant figures. So the IOM example
   (a woman at her RDA of 320 mg magnesium over 3 days, z = 0.977, p = 0.836) is
   "likely adequate", as the IOM concludes.
5. Nutrients with an EAR but no within-person SD, or whose daily intake is too
   skewed for the normal-theory test (vitamin B12 always, IOM 2000 p.200; any
   other nutrient whose day-to-day CV is above :data:`HIGH_CV`), follow the IOM
   qualitative rule (rule ``"IOM EAR/RDA rule"``, IOM 2000 pp.57-58): mean below
   the EAR gives ``"likely low"`` (intake very likely needs to improve), between
   the EAR and the RDA ``"possibly low"``, at or above the RDA ``"likely adequate"``
   when observed on at least ``min_days`` days, else ``"uncertain"`` (too few days
   for the IOM's "large number of days"). A probability computed anyway is kept
   in its column and named in ``notes`` for information only.
6. Nutrients with only an AI (potassium, sodium, water, and every infant value;
   rule ``"AI rule"``): mean at or above the AI gives ``"likely adequate"`` (on at
   least ``min_days`` days, else ``"uncertain"``); below the AI ``"cannot tell"``:
   the AI is not a requirement, and intake below it cannot be judged adequate
   or inadequate (IOM 2000 pp.60-61).
7. Coverage (rule ``"coverage"``): when less than :data:`LOW_COVERAGE` of the
   logged food behind a nutrient has a known value (mean of ``coverage_<nutrient>``
   over the days), a ``"likely low"``, ``"possibly low"`` or ``"cannot tell"`` from
   rules 4-6 becomes ``"uncertain"``, with the share covered. Unknown values can
   only add to a total, so ``"likely adequate"`` and the upper-level statuses
   stand.

Examples
--------
>>> round(probability_of_adequacy(320, 265, 26.5, 86, 3), 2)
0.84
>>> round(confidence_vs(400, 350, 50, 4), 3)
0.977
"""

from nutrilog.assessment.formulas import (
    adequacy_z,
    confidence_vs,
    normal_cdf,
    probability_of_adequacy,
)
from nutrilog.assessment.rules import (
    ABOVE_CDRR,
    ABOVE_UL,
    CANNOT_TELL,
    HIGH_CV,
    IOM_LEVELS,
    LIKELY_ADEQUATE,
    LIKELY_LOW,
    LOW_COVERAGE,
    LOW_STATUSES,
    MIN_DAYS_OWN_SD,
    PARTIAL_COVERAGE,
    POSSIBLY_LOW,
    STATUS_RULES,
    STATUSES,
    UNCERTAIN,
    UNKNOWN,
    Z_DECIMALS,
    Z_THRESHOLDS,
)
from nutrilog.assessment.table import ASSESSMENT_COLUMNS, assess, assess_people

__all__ = [
    "ASSESSMENT_COLUMNS",
    "STATUSES",
    "LOW_STATUSES",
    "STATUS_RULES",
    "LIKELY_ADEQUATE",
    "POSSIBLY_LOW",
    "LIKELY_LOW",
    "CANNOT_TELL",
    "UNCERTAIN",
    "ABOVE_UL",
    "ABOVE_CDRR",
    "UNKNOWN",
    "Z_THRESHOLDS",
    "IOM_LEVELS",
    "Z_DECIMALS",
    "HIGH_CV",
    "LOW_COVERAGE",
    "PARTIAL_COVERAGE",
    "MIN_DAYS_OWN_SD",
    "adequacy_z",
    "probability_of_adequacy",
    "confidence_vs",
    "normal_cdf",
    "assess",
    "assess_people",
]
