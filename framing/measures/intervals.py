"""Intervals: exact Poisson (Garwood) for counts and rates, exact binomial (Clopper-Pearson) for
shares, Student-t for means, Wilson score for precision and recall. Every measure reports one, at
:data:`LEVEL` unless told otherwise."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

#: Rates are given per this many words.
PER_WORDS = 1000
#: Coverage of every interval unless a function is told otherwise.
LEVEL = 0.95


def poisson_interval(count: int | Iterable[int] | np.ndarray, *, level: float = LEVEL
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval for a Poisson mean given observed ``count``\\ s.

    Returns ``(low, high)`` arrays: ``low = chi2.ppf(a/2, 2k) / 2`` (0 when k = 0) and
    ``high = chi2.ppf(1 - a/2, 2k + 2) / 2`` with ``a = 1 - level``. Divide by the words and multiply
    by 1,000 for a rate interval.

    >>> poisson_interval(0)     # (array(0.), array(3.689))                     # doctest: +SKIP
    """
    k = np.asarray(count, dtype=float)
    alpha = 1.0 - level
    low = np.where(k > 0, _stats().chi2.ppf(alpha / 2, 2 * k) / 2, 0.0)
    high = _stats().chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    return low, np.asarray(high, dtype=float)


def proportion_interval(count: int | Iterable[int] | np.ndarray, total: int | Iterable[int] | np.ndarray,
                        *, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Clopper-Pearson) interval for a proportion ``count / total``.

    Returns ``(low, high)`` arrays; NaN where ``total`` is 0.
    """
    k = np.asarray(count, dtype=float)
    n = np.asarray(total, dtype=float)
    alpha = 1.0 - level
    with np.errstate(invalid="ignore", divide="ignore"):
        low = np.where(k > 0, _stats().beta.ppf(alpha / 2, k, n - k + 1), 0.0)
        high = np.where(k < n, _stats().beta.ppf(1 - alpha / 2, k + 1, n - k), 1.0)
    empty = n <= 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def mean_interval(values: Sequence[float] | np.ndarray, *, level: float = LEVEL) -> tuple[float, float, float]:
    """``(mean, low, high)`` of ``values`` with a Student-t interval; bounds are NaN below two values."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return np.nan, np.nan, np.nan
    mean = float(x.mean())
    if len(x) < 2:
        return mean, np.nan, np.nan
    half = float(_stats().t.ppf(0.5 + level / 2, len(x) - 1) * x.std(ddof=1) / np.sqrt(len(x)))
    return mean, mean - half, mean + half


def rate_interval(counts: Iterable[int] | np.ndarray, words: Iterable[int] | np.ndarray, *, level: float = LEVEL
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rate, low, high)`` per :data:`PER_WORDS` words of ``counts`` in ``words`` (arrays), with the
    exact Poisson interval of each count scaled by its words; NaN where there are no words."""
    k = np.asarray(counts, dtype=float)
    n = np.asarray(words, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(n > 0, PER_WORDS / n, np.nan)
    low, high = poisson_interval(k, level=level)
    return k * scale, low * scale, high * scale


def wilson_interval(count: int | Iterable[int] | np.ndarray, total: int | Iterable[int] | np.ndarray,
                    *, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a proportion ``count / total`` (precision, recall).

    ``center = (p + z²/2n) / (1 + z²/n)`` and ``half = z / (1 + z²/n) · sqrt(p(1 - p)/n + z²/4n²)``
    with ``p = count / total``, ``n = total`` and ``z`` the normal quantile of ``level``. Unlike the
    normal (Wald) interval it stays inside [0, 1] and is not empty at 0 or 1. Returns ``(low, high)``
    arrays; NaN where ``total`` is 0.

    >>> wilson_interval(8, 10)     # (array(0.4902), array(0.9433))             # doctest: +SKIP
    """
    k = np.asarray(count, dtype=float)
    n = np.asarray(total, dtype=float)
    z = float(_stats().norm.ppf(0.5 + level / 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denominator = 1 + z**2 / n
        center = (p + z**2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
        # the interval holds p; min/max only guard against rounding at p = 0 or 1
        low, high = np.clip(np.fmin(center - half, p), 0.0, 1.0), np.clip(np.fmax(center + half, p), 0.0, 1.0)
    empty = n <= 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def _stats():
    """``scipy.stats``, imported on first use (0.5 s): the analysis imports the measures' modules for
    their constants and tokenizer, and computes no interval."""
    from scipy import stats

    return stats
