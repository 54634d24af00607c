"""The verdict rules: which status each assessed row gets, by which rule, and why.

:func:`verdicts` picks, over the finished table of one row per person and
nutrient, the first rule that holds (one :func:`numpy.select`), then applies
the coverage rule; :func:`reason` says in plain words why one row got its status.
The rules and their sources are listed in :mod:`nutrilog.assessment`.

Examples
--------
>>> iom_level(1.2)
(1.0, 0.85)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from nutrilog.nutrients import nutrient

# the status and rule names and thresholds are exported by nutrilog.assessment
__all__ = ["read_z", "iom_level", "verdicts", "reason"]

LIKELY_ADEQUATE = "likely adequate"
POSSIBLY_LOW = "possibly low"
LIKELY_LOW = "likely low"
CANNOT_TELL = "cannot tell"
UNCERTAIN = "uncertain"
ABOVE_UL = "above upper limit"
ABOVE_CDRR = "above CDRR"
UNKNOWN = "unknown"

#: Every value ``status`` can take.
STATUSES: tuple[str, ...] = (
    LIKELY_ADEQUATE,
    POSSIBLY_LOW,
    LIKELY_LOW,
    CANNOT_TELL,
    UNCERTAIN,
    ABOVE_UL,
    ABOVE_CDRR,
    UNKNOWN,
)

#: Statuses that say intake is probably short of the requirement.
LOW_STATUSES: tuple[str, ...] = (POSSIBLY_LOW, LIKELY_LOW)

NO_DATA = "no data"
RULE_UL = "upper limit"
RULE_CDRR = "CDRR"
RULE_P = "IOM probability"
RULE_EAR = "IOM EAR/RDA rule"
RULE_AI = "AI rule"
RULE_COVERAGE = "coverage"

#: Every value ``status_rule`` can take.
STATUS_RULES: tuple[str, ...] = (
    NO_DATA, RULE_UL, RULE_CDRR, RULE_P, RULE_EAR, RULE_AI, RULE_COVERAGE,
)  # fmt: skip

#: IOM 2000 Table B-1: a criterion on ``z = D / SD_D`` and the probability of a correct
#: conclusion that usual intake is adequate (``z > c``) or inadequate (``z < -c``).
IOM_LEVELS: tuple[tuple[float, float], ...] = (
    (2.00, 0.98), (1.65, 0.95), (1.50, 0.93), (1.00, 0.85), (0.50, 0.70), (0.00, 0.50),
)  # fmt: skip

#: z (read at :data:`Z_DECIMALS`) at or above which the status is "likely adequate" (the
#: IOM's 85 % level), and at or above which it is "possibly low" (below: "likely low").
Z_THRESHOLDS: dict[str, float] = {LIKELY_ADEQUATE: 1.0, POSSIBLY_LOW: 0.0}

#: Decimals z is read to before it is compared with :data:`Z_THRESHOLDS`.
Z_DECIMALS: int = 1

#: Within-person CV of daily intake above which the normal-theory test is unreliable
#: (IOM 2000 p.200: "60 to 70 percent"); the status then follows the EAR/RDA rule.
HIGH_CV: float = 0.60

#: Share of the logged food behind a nutrient with a known value below which a low
#: verdict becomes "uncertain". At 80 % covered, the unknown fifth could add a quarter
#: to the known total if it were as rich as the rest (1 / 0.8 = 1.25): more than the
#: step from an EAR to its RDA (RDA = EAR x (1 + 2 CV), 1.2 x EAR for the usual 10 %
#: CV), so a low verdict could be wrong by a whole band. Above it the verdict stands,
#: with a note from :data:`PARTIAL_COVERAGE` down.
LOW_COVERAGE: float = 0.8

#: Share covered below which a note says totals may be too low.
PARTIAL_COVERAGE: float = 0.9

#: Fewest days from which the person's own day-to-day SD is used as SD_within.
MIN_DAYS_OWN_SD: int = 7


def read_z(z: Any) -> Any:
    """z as it is compared with the criteria: rounded to :data:`Z_DECIMALS` decimals.

    Examples
    --------
    >>> read_z(0.977), read_z(np.array([0.94, -0.06])).tolist()
    (1.0, [0.9, -0.1])
    """
    read = np.round(z, Z_DECIMALS)
    return float(read) if np.ndim(read) == 0 else read


def iom_level(z_read: float) -> tuple[float, float]:
    """The IOM 2000 Table B-1 criterion met by ``|z|`` and its probability of a correct
    conclusion (0.5 below the first criterion)."""
    for criterion, level in IOM_LEVELS:
        if abs(z_read) >= criterion:
            return criterion, level
    return 0.0, 0.5


#: The rules of the module docstring of :mod:`nutrilog.assessment`, in order:
#: (status, rule) of each choice of :func:`verdicts`.
_CHOICES: tuple[tuple[str, str], ...] = (
    (UNKNOWN, NO_DATA),
    (ABOVE_UL, RULE_UL),
    (ABOVE_CDRR, RULE_CDRR),
    (LIKELY_ADEQUATE, RULE_P),
    (POSSIBLY_LOW, RULE_P),
    (LIKELY_LOW, RULE_P),
    (LIKELY_LOW, RULE_EAR),
    (POSSIBLY_LOW, RULE_EAR),
    (LIKELY_ADEQUATE, RULE_EAR),
    (UNCERTAIN, RULE_EAR),
    (LIKELY_ADEQUATE, RULE_AI),
    (UNCERTAIN, RULE_AI),
    (CANNOT_TELL, RULE_AI),
)


def verdicts(t: Mapping[str, Any], min_days: int) -> tuple[np.ndarray, ...]:
    """Status and rule of each row, and the status and rule before the coverage rule.

    ``t`` holds the columns of the assessment table (one row per person and nutrient;
    a DataFrame or a mapping of arrays) with the working columns ``ul_mean`` (the mean
    compared with the UL), ``z_read`` (z as read, :func:`read_z`) and ``skewed``.
    """

    def column(name: str) -> np.ndarray:
        return np.asarray(t[name])

    days, mean = column("days"), column("mean")
    ear, rda, ai = column("ear"), column("rda"), column("ai")
    ul, cdrr, z_read = column("ul"), column("cdrr"), column("z_read")
    conf_ul = column("confidence_below_ul")
    has_ear, enough = np.isfinite(ear), days >= min_days
    by_p = has_ear & np.isfinite(z_read) & ~column("skewed").astype(bool)
    with np.errstate(invalid="ignore"):
        conditions = [
            days == 0,
            np.isfinite(ul) & ((column("ul_mean") > ul) | (conf_ul < 0.5)),
            mean > cdrr,
            by_p & (z_read >= Z_THRESHOLDS[LIKELY_ADEQUATE]),
            by_p & (z_read >= Z_THRESHOLDS[POSSIBLY_LOW]),
            by_p,
            has_ear & (mean < ear),
            has_ear & (mean < rda),
            has_ear & enough,
            has_ear,
            (mean >= ai) & enough,
            mean >= ai,
            np.ones(len(days), dtype=bool),
        ]
    choice = np.select(conditions, np.arange(len(_CHOICES)))
    status = np.array([s for s, _ in _CHOICES], dtype=object)[choice]
    rule = np.array([r for _, r in _CHOICES], dtype=object)[choice]
    # rule 7: a low verdict on poorly covered food is uncertain
    coverage = column("coverage")
    # the choices whose verdict the coverage rule can make uncertain, by number
    low = [
        i
        for i, (s, r) in enumerate(_CHOICES)
        if r in (RULE_P, RULE_EAR, RULE_AI) and s in (LIKELY_LOW, POSSIBLY_LOW, CANNOT_TELL)
    ]
    with np.errstate(invalid="ignore"):
        poor = np.isin(choice, low) & (coverage < LOW_COVERAGE)
    return np.where(poor, UNCERTAIN, status), np.where(poor, RULE_COVERAGE, rule), status, rule


def _fmt(value: float) -> str:
    """A number for a reason sentence: 1,234 / 12.5 / 0.35."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _z_reason(z: float, read: float) -> str:
    """Why the IOM probability gave its status (``read``: z as read)."""
    shown = f"z = {z:.2f}" + (f" (read as {read:.1f})" if round(z, 2) != read else "")
    criterion, level = iom_level(read)
    if read >= Z_THRESHOLDS[LIKELY_ADEQUATE]:
        return (
            f"{shown}: the IOM's {level:.0%} level of confidence that usual intake is "
            f"adequate at z >= {criterion:.2f} (IOM 2000 Table B-1)"
        )
    if read >= Z_THRESHOLDS[POSSIBLY_LOW]:
        return (
            f"{shown}: short of the IOM's 85% level of confidence that usual intake is "
            f"adequate at z >= 1 ({level:.0%} at z >= {criterion:.2f}, IOM 2000 Table B-1)"
        )
    level_text = (
        f"; {level:.0%} confidence of inadequacy at z <= -{criterion:.2f} (IOM 2000 Table B-1)"
        if criterion > 0
        else ""
    )
    return f"{shown}: usual intake more likely inadequate than adequate{level_text}"


def reason(row: Any, min_days: int) -> str:
    """Why one row of the assessment table got its status, in plain words.

    ``row`` has the table's fields (``status``, ``status_rule``, ``nutrient``, ``ear``,
    ``rda``, ``z_adequacy``, ``coverage``), ``z_read`` (z as read) and ``verdict``, the
    status before the coverage rule.
    """
    status, rule = row.status, row.status_rule
    few = f"on fewer than {min_days} days"
    if rule == NO_DATA:
        return "no logged day has a value"
    if rule == RULE_UL:
        return "intake compared with the upper limit is above it"
    if rule == RULE_CDRR:
        return "mean above the Chronic Disease Risk Reduction intake"
    if rule == RULE_P:
        return _z_reason(row.z_adequacy, row.z_read)
    unit = nutrient(row.nutrient).symbol
    if rule == RULE_EAR:
        if status == LIKELY_LOW:
            return (
                f"mean below the EAR ({_fmt(row.ear)} {unit}): intake very likely needs to improve"
            )
        if status == POSSIBLY_LOW:
            return (
                f"mean between the EAR ({_fmt(row.ear)} {unit}) and the RDA ({_fmt(row.rda)} "
                f"{unit}): intake probably needs to improve"
            )
        if status == LIKELY_ADEQUATE:
            return "mean at or above the RDA over enough days"
        return f"mean at or above the RDA, but {few}: too few to call it adequate"
    if rule == RULE_AI:
        if status == LIKELY_ADEQUATE:
            return "mean at or above the AI"
        if status == UNCERTAIN:
            return f"mean at or above the AI, but {few}: too few to call it adequate"
        return "mean below the AI: adequacy cannot be judged, the AI is not a requirement"
    return (
        f"only {row.coverage:.0%} of the logged food has a known {nutrient(row.nutrient).in_text} "
        "value (unmatched entries, entries without grams or unknown values): the shortfall "
        f"({row.verdict}) may be a gap in the record"
    )
