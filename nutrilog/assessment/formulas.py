"""The IOM (2000) formulas for one person's usual intake, on scalars and arrays alike.

Each function is the formula as written in *DRI: Applications in Dietary
Assessment* (IOM 2000, ch. 3 and App. B). Give floats and get a float; give
arrays (or Series) and get an array, element by element. A missing input (NaN
or None) or fewer than one day gives NaN.

Examples
--------
>>> round(probability_of_adequacy(320, 265, 26.5, 86, 3), 2)
0.84
>>> probability_of_adequacy([320, 377.6], 265, 26.5, 86, 3).round(3).tolist()
[0.836, 0.977]
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["adequacy_z", "probability_of_adequacy", "confidence_vs", "normal_cdf"]


def _erf(x: Any) -> np.ndarray:
    """``math.erf`` of every value, called for the finite values only (NaN stays NaN,
    +-inf gives +-1).

    Examples
    --------
    >>> _erf(np.array([0.0, np.inf, -np.inf, np.nan])).tolist()
    [0.0, 1.0, -1.0, nan]
    """
    x = np.asarray(x, dtype=np.float64)
    flat = x.reshape(-1)
    out = np.where(np.isnan(flat), np.nan, np.sign(flat))
    finite = np.isfinite(flat)
    if finite.any():
        values = flat[finite]  # math.erf of each, without an array of Python floats
        out[finite] = np.fromiter(map(math.erf, values.tolist()), np.float64, len(values))
    return out.reshape(x.shape)


def _floats(*values: Any) -> list[np.ndarray]:
    """The inputs as float arrays of one broadcast shape (None becomes NaN)."""
    arrays = [np.asarray(np.nan if v is None else v, dtype=np.float64) for v in values]
    return np.broadcast_arrays(*arrays)


def _result(values: np.ndarray) -> Any:
    """A float for scalar inputs, else the array."""
    return float(values) if values.ndim == 0 else values


def normal_cdf(z: Any) -> Any:
    """Standard normal cumulative distribution function, ``Phi(z) = (1 + erf(z / sqrt 2)) / 2``.

    Examples
    --------
    >>> round(normal_cdf(1.0), 4), normal_cdf(np.inf)
    (0.8413, 1.0)
    """
    (z,) = _floats(z)
    return _result(0.5 * (1.0 + _erf(z / math.sqrt(2.0))))


def adequacy_z(mean: Any, ear: Any, sd_req: Any, sd_within: Any, n: Any) -> Any:
    """IOM z-score for adequacy: ``(mean - EAR) / sqrt(SD_req**2 + SD_within**2 / n)``.

    With no spread at all (both SDs 0) the comparison is certain: ``+inf`` above
    the EAR, ``-inf`` below, 0 at it. NaN when an input is missing or ``n < 1``.

    Examples
    --------
    >>> round(adequacy_z(377.6, 265, 26.5, 86, 3), 2)  # IOM 2000 p.54: 97.5% cut-off at n = 3
    2.0
    >>> adequacy_z(300, 265, 0, 0, 3)
    inf
    """
    mean, ear, sd_req, sd_within, n = _floats(mean, ear, sd_req, sd_within, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        sd_d = np.sqrt(sd_req**2 + sd_within**2 / n)
        z = np.where(sd_d == 0, np.sign(mean - ear) * np.inf, (mean - ear) / sd_d)
    z = np.where(mean == ear, 0.0, z)
    usable = np.isfinite(mean) & np.isfinite(ear) & np.isfinite(sd_d) & (n >= 1)
    return _result(np.where(usable, z, np.nan))


def probability_of_adequacy(mean: Any, ear: Any, sd_req: Any, sd_within: Any, n: Any) -> Any:
    """Probability that usual intake meets the person's requirement, ``Phi(z)``.

    Parameters
    ----------
    mean : float or array
        Mean observed daily intake over ``n`` days.
    ear : float or array
        Estimated Average Requirement.
    sd_req : float or array
        SD of the requirement distribution (``req_cv * EAR``).
    sd_within : float or array
        Within-person (day-to-day) SD of intake.
    n : int or array
        Number of days observed.

    Returns
    -------
    float or ndarray
        In [0, 1]; NaN when an input is missing or ``n < 1``.

    Examples
    --------
    IOM 2000 p.54: a woman 31-50, 3-day magnesium mean 320 mg, EAR 265, SD_req 26.5,
    SD_within 86 (z ~ 1, "85 percent"):

    >>> round(probability_of_adequacy(320, 265, 26.5, 86, 3), 3)
    0.836
    """
    return normal_cdf(adequacy_z(mean, ear, sd_req, sd_within, n))


def confidence_vs(mean: Any, level: Any, sd_within: Any, n: Any) -> Any:
    """Confidence that usual intake is above ``level``: ``Phi((mean - level) / (SD_within / sqrt(n)))``.

    Use it as the confidence of being at or above an AI, and ``1 - confidence_vs(...)``
    as the confidence of being below a UL. With ``sd_within == 0`` the comparison is
    certain (1, 0, or 0.5 on a tie). NaN when an input is missing or ``n < 1``.

    Examples
    --------
    >>> round(confidence_vs(1100, 1000, 325, 7), 2)  # AI-style test, calcium SD 325 mg
    0.79
    >>> confidence_vs(400, 350, 0, 5)
    1.0
    """
    mean, level, sd_within, n = _floats(mean, level, sd_within, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (mean - level) / (sd_within / np.sqrt(n))
    z = np.where(mean == level, 0.0, z)  # a tie is 0.5, with or without spread
    usable = np.isfinite(mean) & np.isfinite(level) & np.isfinite(sd_within) & (n >= 1)
    return _result(np.where(usable, np.asarray(normal_cdf(z)), np.nan))
