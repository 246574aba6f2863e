"""Calibration of framing.compare on simulated coverage (seeded; a few seconds each).

Articles draw hits as ``Poisson(tokens / 1000 * rate * effect)`` with a gamma article effect of mean 1
(tests/simulate.py; shape 2 is about the demo corpus, shape 0.3 is bursty). Every test states its number
of simulated tests and the Monte-Carlo standard error of the figure it checks; the hit-level methods are
checked to FAIL the same criterion, so that each test can tell a calibrated method from the old one.
The heavier runs behind the defaults are in benchmarks/bench_inference.py.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from framing import compare
from tests.simulate import binomial_se, coverage

ARTICLES = 30
RATES6 = (10.0, 6.0, 4.0, 10.0, 6.0, 4.0)  # six independent frames per corpus: six tests per simulation


def rejections(
    method: str, *, shape: float, ratio: float, reps: int, seed: int, rates: tuple[float, ...]
) -> float:
    rng = np.random.default_rng(seed)
    rejected: list[bool] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for _ in range(reps):
            corpus, scores = coverage(rng, articles=[ARTICLES, ARTICLES], shape=shape, rates=rates,
                                      ratio=[1.0, ratio])  # fmt: skip
            table = compare.pairwise(corpus, scores, method=method, n_perm=199,  # type: ignore[arg-type]
                                     seed=int(rng.integers(2**31)), correction="none")  # fmt: skip
            rejected.extend((table["p_value"] <= 0.05).tolist())  # with 199 shuffles: exactly 5%
    return float(np.mean(rejected))


@pytest.mark.parametrize("shape", [2.0, 0.3])
def test_pairwise_keeps_its_size_on_overdispersed_null_coverage(shape: float) -> None:
    """80 null corpora x 6 frames = 480 tests: size within [0.02, 0.08] (Monte-Carlo SE about 0.01)."""
    size = rejections("permutation", shape=shape, ratio=1.0, reps=80, seed=10, rates=RATES6)
    assert 0.02 <= size <= 0.08, f"size {size:.3f} ± {binomial_se(size, 480):.3f}"
    hit_level = rejections("hits", shape=shape, ratio=1.0, reps=30, seed=10, rates=RATES6)
    assert hit_level > 0.12, f"the hit-level test should overreject here; got {hit_level:.3f}"


def test_pairwise_detects_a_rate_ratio_of_two_with_30_articles() -> None:
    """Rate ratio 2, 30 articles per outlet, shape 2, a frame of 10 hits per 1,000 tokens (about 4 hits
    per article in the lower outlet): power >= 0.80 over 100 corpora x 6 frames (SE about 0.015).
    With fewer hits per article, or bursty articles, power is lower: see the benchmark's table."""
    power = rejections("permutation", shape=2.0, ratio=2.0, reps=100, seed=11, rates=(10.0,) * 6)
    assert power >= 0.80, f"power {power:.3f} ± {binomial_se(power, 600):.3f}"


def independence_rejections(method: str, *, shape: float, reps: int, seed: int) -> float:
    rng = np.random.default_rng(seed)
    rejected: list[bool] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for _ in range(reps):
            corpus, scores = coverage(rng, articles=[ARTICLES] * 3, shape=shape)
            test = compare.independence(corpus, scores, method=method, n_perm=19,  # type: ignore[arg-type]
                                        seed=int(rng.integers(2**31)))  # fmt: skip
            rejected.append(bool(test.loc[0, "p_value"] <= 0.05))
    return float(np.mean(rejected))


@pytest.mark.parametrize("shape", [2.0, 0.3])
def test_independence_keeps_its_size_on_overdispersed_null_coverage(shape: float) -> None:
    """3 outlets x 30 articles, 160 null corpora: size within [0.02, 0.08] (Monte-Carlo SE about 0.017;
    n_perm = 19 gives an exact 5% test: p <= 0.05 only when the observed chi-square beats all 19)."""
    size = independence_rejections("permutation", shape=shape, reps=160, seed=20)
    assert 0.02 <= size <= 0.08, f"size {size:.3f} ± {binomial_se(size, 160):.3f}"
    hit_level = independence_rejections("hits", shape=shape, reps=30, seed=20)
    assert hit_level > 0.2, f"the hit-level chi-square should overreject here; got {hit_level:.3f}"


@pytest.mark.parametrize(("articles", "shape"), [(10, 2.0), (30, 0.3)])
def test_rate_intervals_cover(articles: int, shape: float) -> None:
    """95% rate intervals: coverage >= 0.90 over 100 corpora x 6 frames = 600 intervals (SE about 0.01)."""
    rng = np.random.default_rng(30)
    truth = np.asarray(RATES6)
    held: list[bool] = []
    naive: list[bool] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for _ in range(100):
            corpus, scores = coverage(rng, articles=[articles], shape=shape, rates=RATES6)
            rates = compare.frame_rates(corpus, scores, n_boot=499, seed=int(rng.integers(2**31)))
            held.extend(((rates["rate_low"] <= truth) & (truth <= rates["rate_high"])).tolist())
            low, high = compare._poisson_interval(
                rates["count"].to_numpy(), int(rates["tokens"].iloc[0]), 0.95
            )
            naive.extend(((low <= truth) & (truth <= high)).tolist())
    cover = float(np.mean(held))
    assert cover >= 0.90, f"coverage {cover:.3f} ± {binomial_se(cover, len(held)):.3f}"
    assert float(np.mean(naive)) < 0.86  # the hit-level (Poisson) interval does not cover here
