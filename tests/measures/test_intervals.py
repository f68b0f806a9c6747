"""framing.measures.intervals: exact Poisson (Garwood), exact binomial (Clopper-Pearson) and Student-t
intervals, against tabulated and hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from framing import measures


def test_poisson_interval_matches_the_exact_garwood_values():
    low, high = measures.poisson_interval([0, 1, 5, 6])
    # Garwood (1936) 95% limits, as tabulated: 0 -> (0, 3.689), 1 -> (0.0253, 5.572), 5 -> (1.623, 11.668)
    assert low == pytest.approx([0.0, 0.02532, 1.62354, 2.20189], abs=1e-4)
    assert high == pytest.approx([3.68888, 5.57164, 11.66833, 13.05947], abs=1e-4)
    assert high[0] == pytest.approx(-math.log(0.025))  # k = 0: the upper limit solves exp(-mu) = 0.025


def test_proportion_interval_is_clopper_pearson():
    low, high = measures.proportion_interval([0, 10, 3], [10, 10, 0])
    assert low[0] == 0 and high[0] == pytest.approx(1 - 0.025 ** (1 / 10))
    assert high[1] == 1 and low[1] == pytest.approx(0.025 ** (1 / 10))
    assert np.isnan(low[2]) and np.isnan(high[2])  # no quotes: no share


def test_mean_interval_is_a_student_t_interval():
    mean, low, high = measures.mean_interval([0.0, 0.2, 0.4])
    half = 4.302653 * 0.2 / math.sqrt(3)  # t(0.975, 2 df) * sd / sqrt(n)
    assert (mean, low, high) == pytest.approx((0.2, 0.2 - half, 0.2 + half), abs=1e-6)
    assert np.isnan(measures.mean_interval([0.5])[1])
