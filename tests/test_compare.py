"""framing.compare: every statistic against an independent reference (scipy, published or hand-computed
values written here as literals, or a direct numpy re-implementation of the published formula)."""

from __future__ import annotations

import copy
import math
import warnings
import zlib
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing import compare
from framing.compare import SmallGroupWarning
from tests.conftest import DATA

FRAMES = ("terror", "talks", "siege")


def build(spec: dict[str, list[tuple[int, dict[str, int]]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A corpus and its scores from ``{outlet: [(tokens, {frame: count}), ...]}`` (one tuple per article)."""
    docs, rows = [], []
    for outlet, articles in spec.items():
        for i, (tokens, counts) in enumerate(articles):
            doc_id = f"{outlet}{i}"
            docs.append({"doc_id": doc_id, "outlet": outlet, "text": ""})
            for frame in FRAMES:
                count = counts.get(frame, 0)
                rate = 1000.0 * count / tokens if tokens else 0.0
                rows.append(
                    {"doc_id": doc_id, "frame": frame, "count": count, "tokens": tokens, "rate": rate}
                )
    return pd.DataFrame(docs), pd.DataFrame(rows)


def quiet(function: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """Call without the (tested elsewhere) warnings about small groups."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # SmallGroupWarning and groups/frames left out
        return function(*args, **kwargs)


def filler(n: int) -> list[str]:
    return ["كلام"] * n


LEXICON = framing.load_lexicon({"terror": ["إرهاب*"], "talks": ["محادثات"]})


def text(terror: int = 0, talks: int = 0, other: int = 0) -> str:
    return " ".join(["الإرهاب"] * terror + ["محادثات"] * talks + filler(other))


# Outlet a: 5 articles, 100 tokens, 4 terror hits in 3 articles. Outlet b: 263 articles, 81 of them use
# "talks" once (Newcombe 1998's 81/263). Outlet c: one article. Outlet d: one empty article.
RATE_TEXTS = {
    "a": [text(2, 0, 8), text(0, 0, 10), text(1, 0, 19), text(1, 0, 9), text(0, 0, 50)],
    "b": [text(0, 1, 1)] * 81 + [text(0, 0, 2)] * 182,
    "c": [text(1, 0, 39)],
    "d": [""],
}
RATE_CORPUS = pd.DataFrame(
    [
        {"doc_id": f"{o}{i}", "outlet": o, "text": t}
        for o, texts in RATE_TEXTS.items()
        for i, t in enumerate(texts)
    ]
)


@pytest.fixture(scope="module")
def rate_scores() -> pd.DataFrame:
    return framing.score(RATE_CORPUS, LEXICON)


@pytest.fixture(scope="module")
def rates(rate_scores: pd.DataFrame) -> pd.DataFrame:
    return quiet(compare.frame_rates, RATE_CORPUS, rate_scores, n_boot=1000)


# ---------------------------------------------------------------------------------- Wilson, Holm


# Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine
# 17:857-872, table I, method 3 (score interval without continuity correction).
NEWCOMBE = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("x", "n", "low", "high"), NEWCOMBE)
def test_wilson_matches_newcombe_1998(x: int, n: int, low: float, high: float) -> None:
    got_low, got_high = compare.wilson_interval(x, n)
    assert round(float(got_low), 4) == low
    assert round(float(got_high), 4) == high


def test_wilson_by_hand_and_edge_cases() -> None:
    # 1/1 at 95%: z^2 = 3.841459; centre = (1 + z^2/2) / (1 + z^2) = 0.603274;
    # half = z^2 / (2 (1 + z^2)) = 0.396725.
    low, high = compare.wilson_interval([1, 3, 0], [1, 5, 0])
    assert low[0] == pytest.approx(0.206549, abs=1e-6)
    assert high[0] == 1.0
    assert (low[1], high[1]) == (pytest.approx(0.230724, abs=1e-6), pytest.approx(0.882379, abs=1e-6))
    assert np.isnan(low[2]) and np.isnan(high[2])  # n = 0: no interval, no division by zero
    low90, high90 = compare.wilson_interval(3, 5, ci=0.90)
    assert low90 > low[1] and high90 < high[1]
    with pytest.raises(ValueError, match="ci is 95; it must be between 0 and 1"):
        compare.wilson_interval(1, 2, ci=95)


def test_holm_by_hand() -> None:
    # sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.06
    assert compare.adjust_pvalues([0.01, 0.04, 0.03, 0.005]).tolist() == pytest.approx(
        [0.03, 0.06, 0.06, 0.02]
    )
    assert compare.adjust_pvalues([0.5, 0.4, 0.01]).tolist() == pytest.approx([0.8, 0.8, 0.03])
    got = compare.adjust_pvalues([0.02, np.nan, 0.01])  # NaN is not counted: m = 2
    assert got[[0, 2]].tolist() == pytest.approx([0.02, 0.02]) and np.isnan(got[1])
    assert compare.adjust_pvalues([0.02, 0.3], method="bonferroni").tolist() == pytest.approx([0.04, 0.6])
    assert compare.adjust_pvalues([0.02, 0.3], method="none").tolist() == [0.02, 0.3]
    assert compare.adjust_pvalues([]).tolist() == []
    with pytest.raises(
        ValueError, match=r"correction is 'fdr'; valid choices are \['holm', 'bonferroni', 'bh', 'none'\]"
    ):
        compare.adjust_pvalues([0.1], method="fdr")  # type: ignore[arg-type]


def test_benjamini_hochberg_matches_statsmodels() -> None:
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(4)
    p = np.concatenate([rng.uniform(size=40), rng.uniform(0, 0.01, size=10), [0.5, 0.5]])
    expected = multipletests(p, method="fdr_bh")[1]
    np.testing.assert_allclose(compare.adjust_pvalues(p, method="bh"), expected, rtol=1e-12)
    # by hand: sorted 0.005, 0.01, 0.03, 0.04 -> x 4/1, 4/2, 4/3, 4/4 = 0.02, 0.02, 0.04, 0.04
    got = compare.adjust_pvalues([0.01, 0.04, np.nan, 0.03, 0.005], method="bh")
    assert got[[0, 1, 3, 4]].tolist() == pytest.approx([0.02, 0.04, 0.04, 0.02]) and np.isnan(got[2])


# ----------------------------------------------------------------------------------- frame rates


def test_frame_rates_table_by_hand(rates: pd.DataFrame) -> None:
    assert list(rates.columns) == [
        "outlet", "frame", "articles", "tokens", "count", "rate", "rate_low", "rate_high",
        "share", "share_low", "share_high", "clusters",
    ]  # fmt: skip
    assert rates[["outlet", "frame", "articles", "tokens", "count"]].values.tolist() == [
        ["a", "terror", 5, 100, 4],
        ["a", "talks", 5, 100, 0],
        ["b", "terror", 263, 526, 0],
        ["b", "talks", 263, 526, 81],
        ["c", "terror", 1, 40, 1],
        ["c", "talks", 1, 40, 0],
        ["d", "terror", 1, 0, 0],
        ["d", "talks", 1, 0, 0],
    ]
    assert rates["rate"].tolist() == pytest.approx([40.0, 0.0, 0.0, 81000 / 526, 25.0, 0.0, 0.0, 0.0])
    assert rates["share"].tolist() == pytest.approx([0.6, 0.0, 0.0, 81 / 263, 1.0, 0.0, 0.0, 0.0])
    b_talks = rates.iloc[3]
    assert (round(b_talks["share_low"], 4), round(b_talks["share_high"], 4)) == (0.2553, 0.3662)  # Newcombe
    a_terror = rates.iloc[0]
    assert (a_terror["share_low"], a_terror["share_high"]) == (
        pytest.approx(0.230724, abs=1e-6),
        pytest.approx(0.882379, abs=1e-6),
    )  # Wilson 3/5, computed by hand (see test_wilson_by_hand_and_edge_cases)
    assert rates["articles"].dtype == np.int64 and rates["count"].dtype == np.int64


def test_frame_rates_bootstrap_matches_a_loop_over_replicates(rate_scores: pd.DataFrame) -> None:
    """The vectorized bootstrap equals the textbook loop over replicates (the 5 articles of outlet a)."""
    n_boot = 300
    rates = quiet(compare.frame_rates, RATE_CORPUS, rate_scores, n_boot=n_boot, seed=7, interval="percentile")
    docs = rate_scores[rate_scores["doc_id"].str.startswith("a")]
    counts = docs.pivot(index="doc_id", columns="frame", values="count")[["terror", "talks"]].to_numpy()
    tokens = docs.groupby("doc_id", sort=True)["tokens"].first().to_numpy()
    rng = np.random.default_rng([7, zlib.crc32(b"a")])
    index = rng.integers(0, 5, size=(n_boot, 5))
    replicates = [[1000 * counts[i, f].sum() / tokens[i].sum() for f in range(2)] for i in index]
    low, high = np.quantile(np.array(replicates), [0.025, 0.975], axis=0)
    # ... widened to the exact Poisson interval (Garwood 1936) of 4 and 0 hits in 100 tokens, if wider
    poisson_low = [1000 * stats.chi2.ppf(0.025, 8) / 2 / 100, 0.0]
    poisson_high = [1000 * stats.chi2.ppf(0.975, 10) / 2 / 100, 1000 * stats.chi2.ppf(0.975, 2) / 2 / 100]
    got = rates[rates["outlet"] == "a"]
    assert got["rate_low"].tolist() == pytest.approx(np.minimum(low, poisson_low).tolist())
    assert got["rate_high"].tolist() == pytest.approx(np.maximum(high, poisson_high).tolist())
    assert got["rate_low"].iloc[0] == pytest.approx(low[0]) and low[0] < poisson_low[0]  # bootstrap wider
    assert (low[1], high[1]) == (0.0, 0.0)  # no hits: the bootstrap collapses, Poisson gives the bound


def test_studentized_bootstrap_matches_a_loop_over_replicates() -> None:
    """The default interval is the bootstrap-t of the ratio estimator (Efron & Tibshirani 1993, ch. 12),
    written here as the textbook loop with the linearization standard error (Cochran 1977, eq. 6.13)."""
    rng_data = np.random.default_rng(11)
    tokens = rng_data.integers(100, 900, 25)
    hits = rng_data.poisson(tokens / 100 * rng_data.gamma(0.5, 2.0, 25))
    corpus, scores = build({"x": [(int(t), {"terror": int(c)}) for t, c in zip(tokens, hits, strict=True)]})
    n_boot = 400
    got = quiet(compare.frame_rates, corpus, scores, n_boot=n_boot, seed=5).iloc[0]
    order = np.argsort([f"x{i}" for i in range(25)], kind="stable")  # resampled in doc_id order
    c, t = hits[order].astype(float), tokens[order].astype(float)

    def estimate(cs: np.ndarray, ts: np.ndarray) -> tuple[float, float]:
        r = cs.sum() / ts.sum()
        n = len(cs)
        return r, math.sqrt(n / (n - 1) * ((cs - r * ts) ** 2).sum()) / ts.sum()

    r, se = estimate(c, t)
    rng = np.random.default_rng([5, zlib.crc32(b"x")])
    index = rng.integers(0, 25, size=(n_boot, 25))
    t_star = []
    for i in index:
        rb, seb = estimate(c[i], t[i])
        t_star.append((rb - r) / max(seb, 1 / t[i].sum()))  # se* at least one hit over its tokens
    ordered = np.sort(t_star)  # the empirical quantiles as order statistics (inverted cdf)
    q_low, q_high = ordered[10 - 1], ordered[390 - 1]  # the 10th and 390th of 400 (2.5%, 97.5%)
    low, high = 1000 * max(r - q_high * se, 0.0), 1000 * (r - q_low * se)
    assert (got["rate_low"], got["rate_high"]) == (pytest.approx(low), pytest.approx(high))
    assert got["rate"] == pytest.approx(1000 * r)


def test_t_and_bca_intervals_by_hand() -> None:
    corpus, scores = build({"x": [(100, {"terror": 3}), (200, {"terror": 1}), (300, {"terror": 8}),
                                  (250, {"terror": 0}), (150, {"terror": 2})]})  # fmt: skip
    c, t = np.array([3, 1, 8, 0, 2.0]), np.array([100, 200, 300, 250, 150.0])
    r = c.sum() / t.sum()
    se = math.sqrt(5 / 4 * ((c - r * t) ** 2).sum()) / t.sum()
    got = quiet(compare.frame_rates, corpus, scores, interval="t").iloc[0]
    q = stats.t.ppf(0.975, 4)
    assert r - q * se < 0  # a rate interval stops at 0
    assert got["rate_low"] == 0.0
    poisson_high = 1000 * stats.chi2.ppf(0.975, 30) / 2 / 1000  # Garwood, 14 hits in 1,000 tokens
    assert got["rate_high"] == pytest.approx(max(1000 * (r + q * se), poisson_high))
    assert got["rate_high"] == pytest.approx(1000 * (r + q * se))
    # BCa against scipy.stats.bootstrap's BCa on the same ratio statistic (paired resampling of articles)
    lengths, hits = np.random.default_rng(2).integers(100, 500, 60), np.random.default_rng(3).poisson(4, 60)
    wide = build({"x": [(int(a), {"terror": int(b)}) for a, b in zip(lengths, hits, strict=True)]})
    bca = quiet(compare.frame_rates, *wide, interval="bca", n_boot=4000, seed=1).iloc[0]
    ts = wide[1].drop_duplicates("doc_id")["tokens"].to_numpy(float)
    cs = wide[1][wide[1]["frame"] == "terror"]["count"].to_numpy(float)
    ref = stats.bootstrap(
        (cs, ts),
        lambda a, b: 1000 * a.sum() / b.sum(),
        paired=True,
        vectorized=False,
        n_resamples=4000,
        method="BCa",
        random_state=np.random.default_rng(9),
    )
    assert bca["rate_low"] == pytest.approx(ref.confidence_interval.low, rel=0.02)
    assert bca["rate_high"] == pytest.approx(ref.confidence_interval.high, rel=0.02)


def test_frame_rates_do_not_depend_on_row_order(rate_scores: pd.DataFrame) -> None:
    first = quiet(compare.frame_rates, RATE_CORPUS, rate_scores, n_boot=300, seed=2)
    shuffled = quiet(
        compare.frame_rates,
        RATE_CORPUS.sample(frac=1, random_state=1),
        rate_scores.sample(frac=1, random_state=2),
        n_boot=300,
        seed=2,
    )  # frames come in the order of the scores (lexicon order); the intervals do not move
    keys = ["outlet", "frame"]
    pd.testing.assert_frame_equal(
        first.sort_values(keys).reset_index(drop=True), shuffled.sort_values(keys).reset_index(drop=True)
    )


def test_cluster_resamples_copies_together() -> None:
    """With cluster=, the interval is the one of a corpus whose copies are merged into one article."""
    rng = np.random.default_rng(8)
    stories = [(int(t), int(c)) for t, c in zip(rng.integers(100, 600, 24), rng.poisson(3, 24), strict=True)]
    copies = {"x": [(t, {"terror": c}) for t, c in stories for _ in range(3)]}
    corpus, scores = build(copies)
    corpus["copy_group"] = [f"s{i // 3:02d}" for i in range(len(corpus))]
    merged, merged_scores = build({"x": [(3 * t, {"terror": 3 * c}) for t, c in stories]})
    merged["doc_id"] = [f"s{i:02d}" for i in range(len(merged))]
    merged_scores["doc_id"] = np.repeat(merged["doc_id"].to_numpy(), len(FRAMES))
    clustered = quiet(compare.frame_rates, corpus, scores, n_boot=500, seed=4, cluster="copy_group")
    reference = quiet(compare.frame_rates, merged, merged_scores, n_boot=500, seed=4)
    cols = ["rate", "rate_low", "rate_high"]
    pd.testing.assert_frame_equal(clustered[cols], reference[cols])
    assert clustered["clusters"].tolist() == [24] * 3 and clustered["articles"].tolist() == [72] * 3
    naive = quiet(compare.frame_rates, corpus, scores, n_boot=500, seed=4)  # copies taken as independent
    width = (clustered["rate_high"] - clustered["rate_low"]).iloc[0]
    assert width > 1.5 * (naive["rate_high"] - naive["rate_low"]).iloc[0]
    assert clustered.attrs["provenance"]["cluster"] == "copy_group"
    with pytest.raises(ValueError, match="cluster is 'story', which is not a corpus column"):
        compare.frame_rates(corpus, scores, cluster="story")


def test_a_frame_without_hits_gets_the_poisson_upper_bound(rates: pd.DataFrame) -> None:
    b_terror = rates.iloc[2]  # 0 hits in 263 articles: the bootstrap is [0, 0]; -ln(0.025) by hand
    assert (b_terror["rate_low"], b_terror["rate_high"]) == (0.0, pytest.approx(1000 * 3.688879454 / 526))


def test_frame_rates_are_seeded(rate_scores: pd.DataFrame) -> None:
    first = quiet(compare.frame_rates, RATE_CORPUS, rate_scores, n_boot=400, seed=3)
    again = quiet(compare.frame_rates, RATE_CORPUS, rate_scores, n_boot=400, seed=3)
    pd.testing.assert_frame_equal(first, again)
    # A group's interval does not depend on the other groups (its stream is seeded by its name).
    only_a = RATE_CORPUS[RATE_CORPUS["outlet"] == "a"]
    a_scores = rate_scores[rate_scores["doc_id"].str.startswith("a")]
    alone = compare.frame_rates(only_a, a_scores, n_boot=400, seed=3)
    pd.testing.assert_frame_equal(alone, first.iloc[:2])
    # Another seed, other intervals (hits bunched in few long articles: the bootstrap sets both ends).
    rng = np.random.default_rng(0)
    corpus, scores = build(
        {
            "x": [
                (int(t), {"terror": int(c)})
                for t, c in zip(rng.integers(100, 1000, 40), rng.choice([0, 0, 0, 30], 40), strict=True)
            ]
        }
    )
    by_seed = [compare.frame_rates(corpus, scores, n_boot=500, seed=s).iloc[0] for s in (1, 1, 2)]
    assert by_seed[0].equals(by_seed[1])
    assert by_seed[0]["rate_low"] != by_seed[2]["rate_low"]
    assert by_seed[0]["rate_high"] != by_seed[2]["rate_high"]


def test_frame_rate_intervals_contain_the_estimate(rates: pd.DataFrame) -> None:
    defined = rates[rates["tokens"] > 0]
    # frame_rates clamps the rate interval around the estimate, so "low <= rate <= high" cannot fail;
    # what can: the interval has width on both sides when there are hits, and above 0 when there are none.
    hits, none = defined[defined["count"] > 0], defined[defined["count"] == 0]
    assert (hits["rate_low"] < hits["rate"]).all() and (hits["rate"] < hits["rate_high"]).all()
    assert (none["rate_low"] == 0).all() and (none["rate_high"] > 0).all()
    assert (defined["share_low"] <= defined["share"]).all() and (
        defined["share"] <= defined["share_high"]
    ).all()


def test_small_groups_warn_and_get_wide_intervals(rate_scores: pd.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # no division by zero, no empty-slice warning
        with pytest.warns(SmallGroupWarning, match=r"'c' \(1 article\), 'd' \(1 article\)") as caught:
            rates = compare.frame_rates(RATE_CORPUS, rate_scores, n_boot=200)
    assert "'a'" not in str(caught[0].message) and "'b'" not in str(caught[0].message)
    c_terror, c_talks = rates.iloc[4], rates.iloc[5]
    # One article: the bootstrap is a point, so the interval is the exact Poisson one (Garwood 1936),
    # by hand: k = 1 -> [-ln(0.975), chi2_0.975(4) / 2] = [0.0253178, 5.571643]; k = 0 -> [0, -ln(0.025)].
    assert c_terror["rate_low"] == pytest.approx(1000 * 0.025317808 / 40)
    assert c_terror["rate_high"] == pytest.approx(1000 * 5.571643391 / 40)
    assert (c_talks["rate_low"], c_talks["rate_high"]) == (0.0, pytest.approx(1000 * 3.688879454 / 40))
    assert (round(c_terror["share_low"], 4), c_terror["share_high"]) == (0.2065, 1.0)  # Wilson 1/1
    d_terror = rates.iloc[6]  # no tokens at all: rate 0, no interval
    assert d_terror["rate"] == 0.0 and np.isnan(d_terror["rate_low"]) and np.isnan(d_terror["rate_high"])
    assert (d_terror["share"], round(d_terror["share_high"], 4)) == (0.0, 0.7935)


def test_one_article_per_group_does_not_crash() -> None:
    corpus, scores = build({"x": [(50, {"terror": 2})], "y": [(30, {})], "z": [(0, {})]})
    with pytest.warns(SmallGroupWarning, match="'x'.*'y'.*'z'"):
        rates = compare.frame_rates(corpus, scores, n_boot=100)
    assert len(rates) == 9
    assert rates.loc[0, "rate"] == 40.0 and rates.loc[0, "rate_low"] < 40.0 < rates.loc[0, "rate_high"]
    with pytest.warns(SmallGroupWarning):
        assert len(compare.pairwise(corpus, scores)) == 9
    with (
        pytest.warns(SmallGroupWarning),
        pytest.warns(UserWarning, match="at least 2"),
        pytest.warns(UserWarning, match="no hits"),
    ):
        assert np.isnan(compare.independence(corpus, scores).loc[0, "chi2"])


def test_frame_rates_with_empty_articles_in_a_group() -> None:
    """Replicates that draw only empty articles have no rate and are left out, without a warning."""
    corpus, scores = build({"x": [(0, {}), (0, {}), (0, {}), (0, {}), (10, {"terror": 1})]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", SmallGroupWarning)  # 5 articles
        rates = compare.frame_rates(corpus, scores, n_boot=500)
    assert rates.loc[0, "rate"] == 100.0
    assert rates.loc[0, "rate_low"] <= 100.0 <= rates.loc[0, "rate_high"]


def test_frame_rates_group_by_another_column_in_category_order() -> None:
    corpus, scores = build({"x": [(10, {"terror": 1})] * 5, "y": [(10, {})] * 5})
    corpus["country"] = pd.Categorical(["SY"] * 5 + ["EG"] * 5, categories=["SY", "EG", "RU"])
    rates = compare.frame_rates(corpus, scores, by="country", n_boot=50)
    assert rates["country"].tolist() == ["SY"] * 3 + ["EG"] * 3
    assert rates.attrs["provenance"]["by"] == "country"


def test_frame_rates_on_10000_articles_is_vectorized() -> None:
    rng = np.random.default_rng(1)
    n = 10_000
    tokens = rng.integers(100, 600, n)
    counts = rng.poisson(3, size=(n, 7))
    frames = [f"f{i}" for i in range(7)]
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "outlet": rng.choice(list("abcdef"), n)})
    scores = pd.DataFrame(
        {
            "doc_id": np.repeat(corpus["doc_id"].to_numpy(), 7),
            "frame": np.tile(frames, n),
            "count": counts.ravel(),
            "tokens": np.repeat(tokens, 7),
        }
    )
    rates = compare.frame_rates(corpus, scores)
    assert len(rates) == 42 and rates["rate_low"].notna().all()
    assert ((rates["rate_low"] < rates["rate"]) & (rates["rate"] < rates["rate_high"])).all()


# ---------------------------------------------------------------------------------- independence

TABLE = [[10, 5, 2], [3, 12, 6], [4, 4, 9]]  # outlet x frame hits


def table_corpus(table: list[list[int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Five articles per outlet; the first carries the outlet's hits."""
    spec = {
        outlet: [(1000, dict(zip(FRAMES, row, strict=False)))] + [(1000, {})] * 4
        for outlet, row in zip("abc", table, strict=False)
    }
    return build(spec)


def test_independence_matches_scipy_chi2_contingency() -> None:
    corpus, scores = table_corpus(TABLE)
    got = compare.independence(corpus, scores, method="hits")
    assert list(got.columns) == [
        "chi2", "dof", "p_value", "cramers_v", "n", "min_expected", "p_monte_carlo",
        "articles", "clusters", "tokens", "method", "assumes",
    ]  # fmt: skip
    assert got.loc[0, "method"] == "hits" and "independent" in got.loc[0, "assumes"]
    chi2, p, dof, expected = stats.chi2_contingency(np.array(TABLE), correction=False)
    row = got.iloc[0]
    assert row["chi2"] == pytest.approx(chi2) and row["p_value"] == pytest.approx(p)
    assert row["dof"] == dof == 4 and row["n"] == 55
    assert row["min_expected"] == pytest.approx(expected.min())
    assert row["cramers_v"] == pytest.approx(math.sqrt(chi2 / (55 * 2)))


def test_independence_two_by_two_by_hand() -> None:
    # n (ad - bc)^2 / (r1 r2 c1 c2) = 15 * 40^2 / (10 * 5 * 11 * 4) = 120 / 11, no Yates correction
    corpus, scores = table_corpus([[10, 0], [1, 4]])
    with pytest.warns(UserWarning, match=r"no hits\): frame 'siege'$"):
        row = compare.independence(corpus, scores, method="hits").iloc[0]
    assert row["chi2"] == pytest.approx(120 / 11) and row["dof"] == 1
    assert row["p_value"] == pytest.approx(stats.chi2.sf(120 / 11, 1))
    assert row["cramers_v"] == pytest.approx(math.sqrt(120 / 11 / 15))
    assert row["min_expected"] == pytest.approx(5 * 4 / 15)


# -------------------------------------------------------------------------------------- pairwise


PAIR_SPEC: dict[str, list[tuple[int, dict[str, int]]]] = {
    "a": [(2000, {"terror": 9, "talks": 1}), (1000, {"terror": 8})] + [(500, {})] * 3,
    "b": [(1500, {"terror": 2, "talks": 3}), (700, {"siege": 1})] + [(100, {})] * 3,
    "c": [(800, {"terror": 20, "talks": 0})] + [(100, {})] * 4,
}


def test_pairwise_matches_scipy_binomtest_and_holm() -> None:
    corpus, scores = build(PAIR_SPEC)
    got = compare.pairwise(corpus, scores, method="hits")
    assert list(got.columns) == [
        "frame", "group_a", "group_b", "rate_a", "rate_b", "rate_ratio",
        "p_value", "p_adjusted", "significant", "count_a", "count_b", "tokens_a", "tokens_b",
        "articles_a", "articles_b", "method", "assumes",
    ]  # fmt: skip
    assert (got["method"] == "hits").all() and got["assumes"].str.contains("independent").all()
    assert got[["frame", "group_a", "group_b"]].values.tolist() == [
        [f, a, b] for f in FRAMES for a, b in (("a", "b"), ("a", "c"), ("b", "c"))
    ]
    tokens = {"a": 4500, "b": 2500, "c": 1200}
    hits = {
        ("a", "terror"): 17, ("b", "terror"): 2, ("c", "terror"): 20,
        ("a", "talks"): 1, ("b", "talks"): 3, ("c", "talks"): 0,
        ("a", "siege"): 0, ("b", "siege"): 1, ("c", "siege"): 0,
    }  # fmt: skip
    expected_p = []
    for row in got.itertuples():
        ca, cb = hits[row.group_a, row.frame], hits[row.group_b, row.frame]
        ta, tb = tokens[row.group_a], tokens[row.group_b]
        assert row.rate_a == pytest.approx(1000 * ca / ta) and row.rate_b == pytest.approx(1000 * cb / tb)
        assert (row.count_a, row.count_b, row.tokens_a, row.tokens_b) == (ca, cb, ta, tb)
        assert (row.articles_a, row.articles_b) == (5, 5)
        if ca + cb == 0:
            expected_p.append(math.nan)
            assert np.isnan(row.p_value) and np.isnan(row.p_adjusted) and not row.significant
            continue
        reference = stats.binomtest(ca, ca + cb, ta / (ta + tb)).pvalue
        assert row.p_value == pytest.approx(reference, rel=1e-9), row
        expected_p.append(reference)
    # Holm by hand over the 8 testable rows: sort, multiply by m - rank, running maximum, cap at 1.
    testable = [(p, i) for i, p in enumerate(expected_p) if not math.isnan(p)]
    m, running, holm = len(testable), 0.0, {}
    for rank, (p, i) in enumerate(sorted(testable)):
        running = max(running, min(1.0, (m - rank) * p))
        holm[i] = running
    assert m == 8
    for i, value in holm.items():
        assert got["p_adjusted"].iloc[i] == pytest.approx(value)
        assert got["significant"].iloc[i] == (value < 0.05)
    assert got["significant"].dtype == bool


def test_pairwise_rate_ratios_without_division_by_zero() -> None:
    corpus, scores = build(PAIR_SPEC)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        got = compare.pairwise(corpus, scores).set_index(["frame", "group_a", "group_b"])
    assert got.loc[("terror", "a", "b"), "rate_ratio"] == pytest.approx((17 / 4500) / (2 / 2500))
    assert got.loc[("talks", "a", "c"), "rate_ratio"] == math.inf  # only rate_b is 0
    assert np.isnan(got.loc[("siege", "a", "c"), "rate_ratio"])  # 0 / 0


def test_pairwise_corrections() -> None:
    corpus, scores = build(PAIR_SPEC)
    raw = compare.pairwise(corpus, scores, correction="none", method="hits")
    bonferroni = compare.pairwise(corpus, scores, correction="bonferroni", alpha=0.01, method="hits")
    assert raw["p_adjusted"].equals(raw["p_value"])
    testable = raw["p_value"].notna()
    assert bonferroni["p_adjusted"][testable].tolist() == pytest.approx(
        np.minimum(1, 8 * raw["p_value"][testable]).tolist()
    )
    assert bonferroni["significant"].tolist() == (bonferroni["p_adjusted"] < 0.01).tolist()
    with pytest.raises(
        ValueError, match=r"correction is 'BH'; valid choices are \['holm', 'bonferroni', 'bh', 'none'\]"
    ):
        compare.pairwise(corpus, scores, correction="BH")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------- label choice

ACTOR_LABELS = framing.load_lexicon(
    {
        "syrian_government": [
            {"pattern": "النظام السوري", "stance": "regime"},
            {"pattern": "نظام الأسد", "stance": "regime"},
            {"pattern": "الحكومة السورية", "stance": "state"},
        ],
        "isis": [
            {"pattern": "=داعش", "stance": "pejorative"},
            {"pattern": "تنظيم الدولة", "stance": "neutral"},
            "الدولة الإسلامية",  # no stance tag
        ],
    }
)
LABEL_CORPUS = pd.DataFrame(
    {
        "doc_id": [f"x{i}" for i in range(5)] + [f"y{i}" for i in range(5)],
        "outlet": ["x"] * 5 + ["y"] * 5,
        "text": [
            "قصفت قوات نظام الأسد حلب وقال النظام السوري",
            "الحكومة السورية وتنظيم الدولة",
            "داعش وبداعش",  # =داعش: the second form has a proclitic and does not count
            "لا شيء",
            "نظام الأسد و الدولة الإسلامية",
        ]
        + ["الحكومة السورية"] * 4
        + ["لا شيء"],
    }
)


def test_label_choice_by_hand() -> None:
    got = compare.label_choice(LABEL_CORPUS, ACTOR_LABELS)
    assert list(got.columns) == [
        "referent", "label", "stance", "outlet", "count", "share", "share_low", "share_high",
        "stance_share", "stance_low", "stance_high", "referent_hits", "articles",
    ]  # fmt: skip
    nan = math.nan
    expected = [  # referent, label, stance, outlet, count, share, stance_share
        ["syrian_government", "النظام السوري", "regime", "x", 1, 1 / 4, 3 / 4],
        ["syrian_government", "النظام السوري", "regime", "y", 0, 0.0, 0.0],
        ["syrian_government", "نظام الأسد", "regime", "x", 2, 2 / 4, 3 / 4],
        ["syrian_government", "نظام الأسد", "regime", "y", 0, 0.0, 0.0],
        ["syrian_government", "الحكومة السورية", "state", "x", 1, 1 / 4, 1 / 4],
        ["syrian_government", "الحكومة السورية", "state", "y", 4, 1.0, 1.0],
        ["isis", "=داعش", "pejorative", "x", 1, 1 / 3, 1 / 3],
        ["isis", "=داعش", "pejorative", "y", 0, nan, nan],  # y never names ISIS
        ["isis", "تنظيم الدولة", "neutral", "x", 1, 1 / 3, 1 / 3],
        ["isis", "تنظيم الدولة", "neutral", "y", 0, nan, nan],
        ["isis", "الدولة الإسلامية", None, "x", 1, 1 / 3, nan],  # no stance: no stance share
        ["isis", "الدولة الإسلامية", None, "y", 0, nan, nan],
    ]
    shown = got.fillna({"stance": "(none)"})[["referent", "label", "stance", "outlet", "count"]]
    assert shown.values.tolist() == [[*e[:2], e[2] or "(none)", *e[3:5]] for e in expected]
    np.testing.assert_allclose(got["share"], [e[5] for e in expected])
    np.testing.assert_allclose(got["stance_share"], [e[6] for e in expected])
    assert got["referent_hits"].tolist() == [4, 4, 4, 4, 4, 4, 3, 0, 3, 0, 3, 0]
    assert got["articles"].tolist() == [3, 4, 3, 4, 3, 4, 3, 0, 3, 0, 3, 0]  # articles naming the referent
    # Article-clustered Wilson intervals, from the per-article mentions written out below.
    mentions = {  # (referent, outlet) -> per article: {label: hits}
        ("syrian_government", "x"): [{"النظام السوري": 1, "نظام الأسد": 1}, {"الحكومة السورية": 1},
                                     {"نظام الأسد": 1}],
        ("syrian_government", "y"): [{"الحكومة السورية": 1}] * 4,
        ("isis", "x"): [{"تنظيم الدولة": 1}, {"=داعش": 1}, {"الدولة الإسلامية": 1}],
    }  # fmt: skip
    for i, row in enumerate(got.itertuples()):
        articles = mentions.get((row.referent, row.outlet))
        if articles is None:
            assert np.isnan(row.share_low) and np.isnan(row.share_high)
            continue
        y = [a.get(row.label, 0) for a in articles]
        n = [sum(a.values()) for a in articles]
        low, high = clustered_wilson_by_hand(y, n)
        assert (row.share_low, row.share_high) == (pytest.approx(low), pytest.approx(high)), i
    # y names the government 4 times in 4 articles, always الحكومة السورية: p = 1, so n_eff = 4 articles
    # and z = t(3) = 3.182446; Wilson by hand: centre (1 + z²/8) / (1 + z²/4), half z²/8 / (1 + z²/4)
    z2 = stats.t.ppf(0.975, 3) ** 2
    assert got.loc[5, "share_low"] == pytest.approx(1 / (1 + z2 / 4)) == pytest.approx(0.283126, abs=1e-6)
    assert got.loc[5, "share_high"] == 1.0
    assert got["stance_low"].iloc[10:].isna().all() and got["stance_high"].iloc[10:].isna().all()
    assert got.attrs["provenance"]["lexicon_hash"] == ACTOR_LABELS.hash


def clustered_wilson_by_hand(y: list[int], n: list[int], ci: float = 0.95) -> tuple[float, float]:
    """Wilson's interval on Kish's effective sample size with a t quantile (Korn & Graubard 1998), written
    out with loops: p = sum y / sum n; V = m/(m-1) sum (y_j - p n_j)² / N²; deff = V / (p(1-p)/N)."""
    big_n, m = sum(n), sum(1 for k in n if k > 0)
    p = sum(y) / big_n
    if 0 < p < 1:
        v = m / max(m - 1, 1) * sum((yj - p * nj) ** 2 for yj, nj in zip(y, n, strict=True)) / big_n**2
        n_eff = big_n / max(v / (p * (1 - p) / big_n), 1.0)
    else:
        n_eff = m
    z = stats.t.ppf(0.5 + ci / 2, max(m - 1, 1))
    centre = (p + z * z / (2 * n_eff)) / (1 + z * z / n_eff)
    half = z / (1 + z * z / n_eff) * math.sqrt(p * (1 - p) / n_eff + z * z / (4 * n_eff * n_eff))
    return max(0.0, centre - half), min(1.0, centre + half)


def test_label_choice_intervals_widen_for_bursty_articles_and_clusters() -> None:
    """One article naming the regime 10 times is one article: its interval is wider than Wilson's on
    hits; wire copies with cluster= count once."""
    texts = ["النظام السوري " * 10] + ["الحكومة السورية"] * 10 + ["النظام السوري"] * 3
    corpus = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(len(texts))], "outlet": "x", "text": texts})
    got = compare.label_choice(corpus, ACTOR_LABELS).set_index("label")
    regime = got.loc["النظام السوري"]
    assert (regime["count"], regime["referent_hits"], regime["articles"]) == (13, 23, 14)
    plain_low, plain_high = compare.wilson_interval(13, 23)
    assert regime["share_high"] - regime["share_low"] > 1.3 * (plain_high - plain_low)
    y, n = [10] + [0] * 10 + [1] * 3, [10] + [1] * 13
    expected = tuple(map(pytest.approx, clustered_wilson_by_hand(y, n)))
    assert (regime["share_low"], regime["share_high"]) == expected
    copies = corpus.assign(copy_group=["story"] + [f"g{i // 5}" for i in range(10)] + [None, None, None])
    clustered = compare.label_choice(copies, ACTOR_LABELS, cluster="copy_group").set_index("label")
    y, n = [10, 0, 0, 1, 1, 1], [10, 5, 5, 1, 1, 1]  # two copy groups of 5 articles, 3 single articles
    low, high = clustered_wilson_by_hand(y, n)
    assert clustered.loc["النظام السوري", "share_low"] == pytest.approx(low)
    assert clustered.loc["النظام السوري", "share_high"] == pytest.approx(high)
    assert clustered.attrs["provenance"]["cluster"] == "copy_group"


def test_label_choice_counts_agree_with_find_matches() -> None:
    matches = framing.find_matches(LABEL_CORPUS, ACTOR_LABELS)
    got = compare.label_choice(LABEL_CORPUS, ACTOR_LABELS)
    by_hand = matches.groupby(["frame", "entry", "outlet"]).size()
    for row in got.itertuples():
        assert row.count == by_hand.get((row.referent, row.label, row.outlet), 0)


def test_label_choice_small_groups_warn_but_keep_all_rows() -> None:
    corpus = LABEL_CORPUS.iloc[[0, 5]]
    with pytest.warns(SmallGroupWarning, match=r"'x' \(1 article\), 'y' \(1 article\)"):
        got = compare.label_choice(corpus, ACTOR_LABELS)
    assert len(got) == 12 and got["count"].sum() == 3


def test_label_choice_without_any_hit() -> None:
    corpus = pd.DataFrame(
        {"doc_id": list("abcde"), "outlet": ["x"] * 5, "text": ["لا شيء", "", None, "x", "y"]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = compare.label_choice(corpus, ACTOR_LABELS)
    assert len(got) == 6 and (got["count"] == 0).all()
    assert got[["share", "share_low", "share_high", "stance_share", "stance_low"]].isna().all().all()


def test_label_choice_on_the_demo_corpus_shows_the_outlets_voices() -> None:
    """The constructed outlets were written with known labels (data/README.md)."""
    corpus = framing.read_corpus(DATA / "demo")
    lexicon = framing.load_lexicon(
        {
            "syrian_government": [
                {"pattern": "النظام السوري", "stance": "regime"},
                {"pattern": "نظام الأسد", "stance": "regime"},
                {"pattern": "الحكومة السورية", "stance": "state"},
                {"pattern": "الدولة السورية", "stance": "state"},
            ]
        }
    )
    got = compare.label_choice(corpus, lexicon).set_index(["label", "outlet"])
    stance = got.reset_index().groupby(["outlet", "stance"])["stance_share"].first()
    assert stance["sanabel", "regime"] == 1.0 and stance["al_marfa", "regime"] == 1.0
    assert stance["yasmin_daily", "state"] > 0.9 and stance["sindiyan", "state"] == 1.0
    assert got.loc[("النظام السوري", "sever_arabic"), "count"] == 0  # "never النظام السوري"


# ------------------------------------------------------------------------------ distinctive words


def monroe(counts: np.ndarray, alpha_0: float) -> tuple[np.ndarray, np.ndarray]:
    """Monroe, Colaresi & Quinn (2008) eq. 22 and its variance, each group against the sum of the others,
    written straight from the paper (loops, no shared code with framing.compare)."""
    groups, words = counts.shape
    n = counts.sum()
    delta, z = np.zeros(counts.shape), np.zeros(counts.shape)
    for i in range(groups):
        for w in range(words):
            a_w = alpha_0 * counts[:, w].sum() / n
            y_i, n_i = counts[i, w], counts[i].sum()
            y_j, n_j = counts[:, w].sum() - y_i, n - n_i
            d = math.log((y_i + a_w) / (n_i + alpha_0 - y_i - a_w)) - math.log(
                (y_j + a_w) / (n_j + alpha_0 - y_j - a_w)
            )
            delta[i, w] = d
            z[i, w] = d / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
    return delta, z


def words_corpus(texts: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": f"{o}{i}", "outlet": o, "text": t} for o, ts in texts.items() for i, t in enumerate(ts)]
    )


def test_log_odds_by_hand_on_a_two_word_table() -> None:
    # روسيا: 2 in a, 1 in b; سوريا: 1 in a, 3 in b. prior 0.5 x 2 words: a_0 = 1, a_w = 3/7 and 4/7.
    corpus = words_corpus(
        {"a": ["روسيا روسيا سوريا"] + [""] * 4, "b": ["روسيا سوريا سوريا سوريا"] + [""] * 4}
    )
    got = compare.distinctive_words(corpus, prior=0.5, min_count=1)
    assert list(got.columns) == [
        "outlet", "word", "count", "count_rest", "log_odds", "z", "g2", "p_value", "q_value",
        "min_expected", "p_monte_carlo", "p_article", "tokens", "tokens_rest", "articles",
    ]  # fmt: skip
    first = got.iloc[0]
    assert (first["outlet"], first["word"], first["count"], first["count_rest"]) == ("a", "روسيا", 2, 1)
    # by hand: log((2 + 3/7) / (3 + 1 - 2 - 3/7)) - log((1 + 3/7) / (4 + 1 - 1 - 3/7))
    #        = log(17/11) - log(10/25)
    assert first["log_odds"] == pytest.approx(math.log(17 / 11) - math.log(10 / 25))
    assert first["log_odds"] == pytest.approx(1.3516088)
    assert first["z"] == pytest.approx(1.3516088 / math.sqrt(7 / 17 + 7 / 10)) and first[
        "z"
    ] == pytest.approx(1.2818717)
    table = got.set_index(["outlet", "word"])
    assert table.loc[("b", "روسيا"), "z"] == pytest.approx(-first["z"])  # two groups: b's rest is a


def test_log_odds_and_g2_against_references_on_three_groups() -> None:
    corpus = words_corpus(
        {
            "a": ["الإرهاب الإرهاب موسكو في من 2016", "الإرهاب كيري", "موسكو", "", "و"],
            "b": ["الحصار الحصار حلب موسكو", "حلب الحصار", "كيري", "", ""],
            "c": ["كيري لافروف موسكو موسكو", "الإرهاب", "لافروف حلب", "ب", ""],
        }
    )
    got = compare.distinctive_words(corpus, prior=0.1, min_count=1)
    words = ["الارهاب", "موسكو", "كيري", "الحصار", "حلب", "لافروف"]  # stopwords, numbers and letters left out
    assert sorted(got["word"].unique()) == sorted(words)
    counts = np.array(
        [  # الارهاب موسكو كيري الحصار حلب لافروف, counted by hand
            [3, 2, 1, 0, 0, 0],
            [0, 1, 1, 3, 2, 0],
            [1, 2, 1, 0, 1, 2],
        ]
    )
    delta, z = monroe(counts, alpha_0=0.1 * 6)
    table = got.set_index(["outlet", "word"])
    for i, outlet in enumerate("abc"):
        for w, word in enumerate(words):
            row = table.loc[(outlet, word)]
            assert (row["count"], row["count_rest"]) == (counts[i, w], counts[:, w].sum() - counts[i, w])
            assert row["log_odds"] == pytest.approx(delta[i, w]) and row["z"] == pytest.approx(z[i, w])
            y, n_i, y_all, n = counts[i, w], counts[i].sum(), counts[:, w].sum(), counts.sum()
            two_by_two = np.array([[y, n_i - y], [y_all - y, n - n_i - y_all + y]])
            if (two_by_two.sum(axis=0) > 0).all() and (two_by_two.sum(axis=1) > 0).all():
                g2, p, _, _ = stats.chi2_contingency(two_by_two, correction=False, lambda_="log-likelihood")
                assert row["g2"] == pytest.approx(g2, abs=1e-12) and row["p_value"] == pytest.approx(p)
            assert row["p_value"] == pytest.approx(stats.chi2.sf(row["g2"], 1))
    # sorted by group, then z descending
    assert got["outlet"].tolist() == ["a"] * 6 + ["b"] * 6 + ["c"] * 6
    for outlet in "abc":
        assert got[got["outlet"] == outlet]["z"].is_monotonic_decreasing


def test_distinctive_words_options() -> None:
    corpus = words_corpus({"a": ["في الإرهاب الإرهاب الإرهاب كيري"] * 5, "b": ["في الحصار"] * 5})
    assert "في" not in set(compare.distinctive_words(corpus)["word"])
    assert "في" in set(compare.distinctive_words(corpus, stopwords=False)["word"])
    assert set(compare.distinctive_words(corpus, min_count=6)["word"]) == {"الارهاب"}  # 15 times; كيري 5
    with pytest.raises(ValueError, match="prior is 0; it must be greater than 0"):
        compare.distinctive_words(corpus, prior=0)
    with pytest.raises(ValueError, match="min_count is 0"):
        compare.distinctive_words(corpus, min_count=0)


def test_distinctive_words_small_groups() -> None:
    corpus = words_corpus({"a": ["الإرهاب"], "b": ["الحصار"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.warns(SmallGroupWarning, match="'a'"):
            got = compare.distinctive_words(corpus, min_count=1)
    assert len(got) == 4 and got["z"].notna().all() and np.isfinite(got["g2"]).all()


# ------------------------------------------------------------------------------- inputs and errors


def test_inputs_are_not_modified(rate_scores: pd.DataFrame) -> None:
    corpus = RATE_CORPUS.copy()
    corpus.attrs["note"] = "mine"
    scores = rate_scores.copy()
    before = (copy.deepcopy(corpus), copy.deepcopy(scores))
    quiet(compare.frame_rates, corpus, scores, n_boot=50)
    quiet(compare.independence, corpus, scores)
    quiet(compare.pairwise, corpus, scores)
    quiet(compare.distinctive_words, corpus)
    labels = LABEL_CORPUS.copy()
    labels_before = labels.copy()
    compare.label_choice(labels, ACTOR_LABELS)
    pd.testing.assert_frame_equal(corpus, before[0])
    pd.testing.assert_frame_equal(scores, before[1])
    pd.testing.assert_frame_equal(labels, labels_before)
    assert corpus.attrs == {"note": "mine"} and scores.attrs == before[1].attrs


def test_errors_name_the_bad_value(rate_scores: pd.DataFrame) -> None:
    with pytest.raises(
        ValueError, match=r"corpus lacks the 'source' column; it has \['doc_id', 'outlet', 'text'\]"
    ):
        compare.frame_rates(RATE_CORPUS, rate_scores, by="source")
    with pytest.raises(ValueError, match="n_boot is 0"):
        compare.frame_rates(RATE_CORPUS, rate_scores, n_boot=0)
    with pytest.raises(ValueError, match=r"ci is 1\.0"):
        compare.frame_rates(RATE_CORPUS, rate_scores, ci=1.0)
    with pytest.raises(ValueError, match="seed is -1"):
        compare.frame_rates(RATE_CORPUS, rate_scores, seed=-1)
    with pytest.raises(ValueError, match=r"scores lack column\(s\) \['tokens'\]"):
        compare.independence(RATE_CORPUS, rate_scores.drop(columns="tokens"))
    with pytest.raises(ValueError, match="doc_id 'zz', which is not in the corpus"):
        compare.pairwise(RATE_CORPUS, pd.concat([rate_scores, rate_scores.tail(1).assign(doc_id="zz")]))
    with pytest.raises(ValueError, match="alpha is 5"):
        compare.pairwise(RATE_CORPUS, rate_scores, alpha=5)
    with pytest.raises(ValueError, match="by is 'frame', a name of an output column"):
        compare.frame_rates(RATE_CORPUS.assign(frame="x"), rate_scores, by="frame")


def test_articles_without_a_group_are_left_out_with_a_warning() -> None:
    corpus, scores = build({"x": [(10, {"terror": 1})] * 5, "y": [(10, {})] * 5})
    corpus.loc[0, "outlet"] = None
    with pytest.warns(UserWarning) as caught:
        rates = compare.frame_rates(corpus, scores, n_boot=20)
    messages = [str(w.message) for w in caught]
    assert "1 article(s) have no 'outlet' value and are left out" in messages
    assert any("'x' (4 articles)" in m for m in messages)
    assert rates["articles"].tolist() == [4] * 3 + [5] * 3


def test_label_choice_drops_a_label_nested_in_another_referents_longer_label() -> None:
    lexicon = framing.load_lexicon(
        {
            "syrian_government": [{"pattern": "الجيش السوري", "stance": "state"}],
            "armed_opposition": [{"pattern": "الجيش السوري الحر", "stance": "legitimizing"}],
        }
    )
    corpus = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["x", "x"], "text": ["قال الجيش السوري الحر", "تقدم الجيش السوري"]}
    )
    with pytest.warns(UserWarning):  # one small outlet
        table = compare.label_choice(corpus, lexicon)
    counts = dict(zip(table["label"], table["count"], strict=True))
    assert counts == {"الجيش السوري": 1, "الجيش السوري الحر": 1}  # the nested hit in doc a is not counted
