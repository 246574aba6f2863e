"""framing.compare's article-level tests against independent references: exact permutation distributions
enumerated here, statsmodels GLMs, scipy's hypergeometric and chi-square, statsmodels' BH."""

from __future__ import annotations

import itertools
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing import compare
from tests.test_compare import FRAMES, build, words_corpus


def welch_by_hand(ca: list[float], ta: list[float], cb: list[float], tb: list[float]) -> float:
    """(R_a - R_b) / sqrt(V_a + V_b), ratio estimators with their linearization variances, by loops."""

    def ratio(c: list[float], t: list[float]) -> tuple[float, float]:
        r = sum(c) / sum(t)
        n = len(c)
        return r, n / (n - 1) * sum((ci - r * ti) ** 2 for ci, ti in zip(c, t, strict=True)) / sum(t) ** 2

    (ra, va), (rb, vb) = ratio(ca, ta), ratio(cb, tb)
    return 0.0 if va + vb == 0 else (ra - rb) / math.sqrt(va + vb)


PAIR = {
    "a": [(300, {"terror": 6}), (500, {"terror": 1}), (200, {"terror": 4}), (400, {"terror": 9}), (350, {})],
    "b": [(300, {"terror": 1}), (450, {}), (250, {"terror": 2}), (500, {"terror": 1})],
}


def test_pairwise_permutation_p_matches_the_enumerated_distribution() -> None:
    corpus, scores = build(PAIR)
    units = [(t, c.get("terror", 0)) for g in "ab" for t, c in PAIR[g]]
    observed = abs(welch_by_hand(*_split(units, range(5))))
    splits = list(itertools.combinations(range(9), 5))  # 126 ways to choose a's five articles
    extreme = sum(abs(welch_by_hand(*_split(units, s))) >= observed * (1 - 1e-9) for s in splits)
    exact = extreme / len(splits)
    n_perm = 20_000
    got = _quiet(compare.pairwise, corpus, scores, n_perm=n_perm, seed=3, correction="none")
    row = got[got["frame"] == "terror"].iloc[0]
    se = math.sqrt(exact * (1 - exact) / n_perm)
    assert row["p_value"] == pytest.approx(exact, abs=4 * se + 1 / n_perm)
    assert row["method"] == "permutation" and "exchangeable" in row["assumes"]
    assert got.attrs["provenance"]["replicates"] == n_perm and got.attrs["provenance"]["seed"] == 3
    assert np.isnan(got[got["frame"] == "siege"]["p_value"]).all()  # no hits at all: not tested


def _split(units: list[tuple[int, int]], chosen: itertools.combinations | range | tuple[int, ...]) -> tuple:
    a = set(chosen)
    ca = [float(c) for i, (_, c) in enumerate(units) if i in a]
    ta = [float(t) for i, (t, _) in enumerate(units) if i in a]
    cb = [float(c) for i, (_, c) in enumerate(units) if i not in a]
    tb = [float(t) for i, (t, _) in enumerate(units) if i not in a]
    return ca, ta, cb, tb


def _quiet(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return function(*args, **kwargs)


def test_pairwise_permutation_is_seeded_and_pairs_do_not_depend_on_other_groups() -> None:
    corpus, scores = build({**PAIR, "c": [(300, {"terror": 2, "talks": 1})] * 5})
    first = _quiet(compare.pairwise, corpus, scores, n_perm=300, seed=1)
    again = _quiet(compare.pairwise, corpus, scores, n_perm=300, seed=1)
    pd.testing.assert_frame_equal(first, again)
    ab = build(PAIR)
    alone = _quiet(compare.pairwise, *ab, n_perm=300, seed=1, correction="none")
    in_three = first[(first["group_a"] == "a") & (first["group_b"] == "b")]
    assert alone["p_value"].tolist() == pytest.approx(in_three["p_value"].tolist(), nan_ok=True)


def test_quasi_poisson_matches_statsmodels_glm() -> None:
    sm = pytest.importorskip("statsmodels.api")
    rng = np.random.default_rng(6)
    spec = {
        g: [(int(t), {"terror": int(c)}) for t, c in zip(rng.integers(100, 900, n),
            rng.poisson(rng.integers(100, 900, n) / 100 * rng.gamma(1.0, 1.0, n) * m), strict=True)]
        for g, n, m in (("a", 14, 1.0), ("b", 11, 1.8))
    }  # fmt: skip
    corpus, scores = build(spec)
    got = compare.pairwise(corpus, scores, method="quasi_poisson", correction="none")
    terror = scores[scores["frame"] == "terror"].sort_values("doc_id")
    y = terror["count"].to_numpy(float)
    offset = np.log(terror["tokens"].to_numpy(float))
    group_b = terror["doc_id"].str.startswith("b").to_numpy(float)
    full = sm.GLM(y, sm.add_constant(group_b), family=sm.families.Poisson(), offset=offset).fit()
    null = sm.GLM(y, np.ones((len(y), 1)), family=sm.families.Poisson(), offset=offset).fit()
    dispersion = full.pearson_chi2 / full.df_resid
    f = (null.deviance - full.deviance) / dispersion
    expected = stats.f.sf(f, 1, full.df_resid)
    row = got[got["frame"] == "terror"].iloc[0]
    assert row["p_value"] == pytest.approx(expected, rel=1e-8)
    # the same F from statsmodels' quasi-likelihood fit (scale = Pearson X² / df): Wald z² differs, the
    # estimates agree with the ratio of sums
    quasi = sm.GLM(y, sm.add_constant(group_b), family=sm.families.Poisson(), offset=offset).fit(scale="X2")
    assert math.exp(quasi.params[1]) == pytest.approx(row["rate_b"] / row["rate_a"], rel=1e-8)
    assert row["method"] == "quasi_poisson"


def test_permuted_labels_keep_clusters_whole_and_group_sizes() -> None:
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 0])
    clusters = np.array([5, 5, 5, 1, 2, 3, 3, 4, 6, 7])  # a 3-copy story in group 0, a 2-copy story in 1
    rng = np.random.default_rng(0)
    chunks = list(compare._permuted_labels(labels, clusters, 500, rng))
    permuted = np.concatenate(chunks)
    assert permuted.shape == (500, 10)
    for row in permuted:
        assert np.bincount(row, minlength=3).tolist() == [4, 4, 2]
        assert len(set(row[[0, 1, 2]])) == 1  # the three copies move together
        assert row[5] == row[6]
    assert len({tuple(r) for r in permuted}) > 20  # and the permutations differ
    singles = np.array([0, 1, 2, 3])
    perms = np.concatenate(list(compare._permuted_labels(singles, singles, 4000, np.random.default_rng(1))))
    counts = np.unique(perms, axis=0, return_counts=True)[1]
    assert len(counts) == 24 and counts.min() > 4000 / 24 * 0.6  # every ordering, about equally often


def test_cluster_makes_copies_count_once_in_tests() -> None:
    """Outlet a republished one story with many hits five times: without cluster= that looks like five
    articles of evidence."""
    story = [(400, {"terror": 20})] * 8
    spec = {"a": story + [(400, {"terror": 1})] * 12, "b": [(400, {"terror": 1})] * 20}
    corpus, scores = build(spec)
    corpus["copy_group"] = ["story"] * 8 + [None] * 32
    naive = _quiet(compare.pairwise, corpus, scores, n_perm=2000, correction="none")
    clustered = _quiet(compare.pairwise, corpus, scores, n_perm=2000, correction="none", cluster="copy_group")
    p_naive = naive.loc[naive["frame"] == "terror", "p_value"].iloc[0]
    p_clustered = clustered.loc[clustered["frame"] == "terror", "p_value"].iloc[0]
    assert p_naive < 0.01 and p_clustered > 0.1  # the story is one of 13 units of a, 33 in all
    ind_naive = _quiet(compare.independence, corpus, scores, n_perm=2000)
    ind_clustered = _quiet(compare.independence, corpus, scores, n_perm=2000, cluster="copy_group")
    assert ind_clustered.loc[0, "clusters"] == 33 and ind_naive.loc[0, "clusters"] == 40
    assert ind_clustered.attrs["provenance"]["cluster"] == "copy_group"


def test_independence_permutation_p_matches_the_enumerated_distribution() -> None:
    spec = {
        "a": [(100, {"terror": 5, "talks": 1}), (100, {"terror": 2})],
        "b": [(100, {"talks": 3}), (100, {"terror": 1, "talks": 2})],
        "c": [(100, {"siege": 2, "terror": 1}), (100, {"talks": 1})],
    }
    corpus, scores = build(spec)
    rows = [[c.get(f, 0) for f in FRAMES] for g in "abc" for _, c in spec[g]]

    def chi2(assignment: tuple[int, ...]) -> float:
        table = np.zeros((3, 3))
        for article, group in enumerate(assignment):
            table[group] += rows[article]
        table = table[table.sum(axis=1) > 0]
        return float(stats.chi2_contingency(table, correction=False)[0])

    observed = chi2((0, 0, 1, 1, 2, 2))
    assignments = set(itertools.permutations((0, 0, 1, 1, 2, 2)))  # 90 distinct labelings
    exact = sum(chi2(a) >= observed * (1 - 1e-9) for a in assignments) / len(assignments)
    n_perm = 20_000
    got = _quiet(compare.independence, corpus, scores, n_perm=n_perm, seed=2).iloc[0]
    assert got["chi2"] == pytest.approx(observed)
    assert got["p_value"] == pytest.approx(exact, abs=4 * math.sqrt(exact * (1 - exact) / n_perm) + 1e-4)
    assert (got["articles"], got["clusters"], got["tokens"], got["method"]) == (6, 6, 600, "permutation")


def test_hit_level_monte_carlo_p_matches_the_exact_conditional_distribution() -> None:
    """For a 2 x 2 table the tables with fixed margins are hypergeometric: the Monte-Carlo p-value of
    chi-square converges to the exact one (written with scipy.stats.hypergeom)."""
    table = [[7, 1], [2, 6]]
    spec = {g: [(1000, dict(zip(FRAMES, row, strict=False)))] for g, row in zip("ab", table, strict=True)}
    corpus, scores = build(spec)
    with pytest.warns(UserWarning, match="smallest expected count is 3.50"):
        got = _quiet_small(compare.independence, corpus, scores, method="hits", n_perm=20_000, seed=1)
    row_a, col_1, n = 8, 9, 16
    support = np.arange(max(0, row_a + col_1 - n), min(row_a, col_1) + 1)
    pmf = stats.hypergeom(n, col_1, row_a).pmf(support)

    def chi2(x: int) -> float:
        t = np.array([[x, row_a - x], [col_1 - x, n - row_a - col_1 + x]])
        return float(stats.chi2_contingency(t, correction=False)[0])

    observed = chi2(7)
    exact = float(pmf[[chi2(x) >= observed * (1 - 1e-9) for x in support]].sum())
    assert got.loc[0, "p_monte_carlo"] == pytest.approx(exact, abs=4 * math.sqrt(exact / 20_000) + 1e-4)
    assert got.loc[0, "p_value"] == pytest.approx(stats.chi2.sf(observed, 1))


def _quiet_small(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", compare.SmallGroupWarning)
        return function(*args, **kwargs)


def test_distinctive_words_q_monte_carlo_and_article_check() -> None:
    from statsmodels.stats.multitest import multipletests

    # الحصار: 12 uses in ONE article of b; حلب: once in each of 12 articles of b; موسكو everywhere.
    texts = {
        "a": ["موسكو كيري لافروف"] * 12 + ["موسكو كيري محادثات"] * 4,
        "b": ["موسكو " + "الحصار " * 12] + ["موسكو حلب كلام"] * 12 + ["موسكو كلام كلام"] * 3,
    }
    corpus = words_corpus(texts)
    words = _quiet(compare.distinctive_words, corpus, check_top=3, n_perm=999, monte_carlo=4000, seed=1)
    np.testing.assert_allclose(words["q_value"], multipletests(words["p_value"], method="fdr_bh")[1])
    b = words[words["outlet"] == "b"].set_index("word")
    assert b.loc["الحصار", "g2"] > 10 and b.loc["الحصار", "p_value"] < 0.01  # hit-level: "significant"
    assert b.loc["الحصار", "p_article"] > 0.3  # one article: about 1 in 2 shuffles puts it in b
    assert b.loc["حلب", "p_article"] < 0.01  # twelve articles
    assert b["p_article"].notna().sum() <= 6  # only the checked words
    # Monte-Carlo p of G² against the exact hypergeometric distribution of the word's count in b
    n_total, n_b, y = (
        int(words["tokens"].iloc[0] + words["tokens_rest"].iloc[0]),
        int(b["tokens"].iloc[0]),
        12,
    )
    hyper = stats.hypergeom(n_total, y, n_b)
    support = np.arange(0, y + 1)

    def g2(x: int) -> float:
        t = np.array([[x, n_b - x], [y - x, n_total - n_b - y + x]], dtype=float)
        e = np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()
        return float(
            2 * sum(o * math.log(o / ee) for o, ee in zip(t.ravel(), e.ravel(), strict=True) if o > 0)
        )

    exact = float(hyper.pmf(support)[[g2(x) >= g2(12) * (1 - 1e-9) for x in support]].sum())
    assert b.loc["الحصار", "p_monte_carlo"] == pytest.approx(
        exact, abs=4 * math.sqrt(exact / 4000) + 1 / 4000
    )
    assert b.loc["الحصار", "min_expected"] == pytest.approx(
        min(y * n_b / n_total, (n_total - n_b) * y / n_total)
    )
    assert (b["articles"] == 16).all() and words.attrs["provenance"]["correction"] == "bh"


def test_distinctive_words_warns_about_small_expected_counts() -> None:
    corpus = words_corpus({"a": ["الإرهاب كيري"] * 6, "b": ["الحصار كيري"] * 6})
    with pytest.warns(UserWarning, match=r"rows have an expected count below 5.*monte_carlo=999"):
        compare.distinctive_words(corpus, check_top=0)


def test_words_chart_shows_only_words_passing_q() -> None:
    import matplotlib.pyplot as plt

    from framing import plot

    words = pd.DataFrame({"outlet": ["a"] * 4, "word": ["النظام", "الارهاب", "الحكومة", "موسكو"],
                          "z": [3.0, 2.0, -2.0, -3.0], "q_value": [0.01, 0.2, 0.03, 0.5]})  # fmt: skip
    ax = plot.distinctive_words(words, group="a", q=0.05)
    assert len(ax.patches) == 2 and [t.get_text() for t in ax.get_yticklabels()] == ["الحكومة"]
    none = plot.distinctive_words(words.assign(q_value=0.5), group="a", q=0.05)
    assert any("no word passes q < 0.05" in t.get_text() for t in none.texts) and not none.patches
    plt.close("all")


def test_tables_written_by_the_report_keep_their_attrs_beside_them(tmp_path: Path) -> None:
    import json

    from framing.report import _TABLES_CODE

    corpus, scores = build(PAIR)
    contrasts = _quiet(compare.pairwise, corpus, scores, n_perm=99, seed=4)
    plain = pd.DataFrame({"x": [1]})
    namespace = {"contrasts": contrasts, "plain": plain}
    exec(_TABLES_CODE.format(folder=str(tmp_path), prefix="02_frames"), namespace)  # as the kernel runs it
    meta = json.loads((tmp_path / "02_frames-contrasts.meta.json").read_text(encoding="utf-8"))
    assert meta["provenance"]["method"] == "permutation" and meta["provenance"]["replicates"] == 99
    assert meta["provenance"]["seed"] == 4 and meta["provenance"]["correction"] == "holm"
    assert (tmp_path / "02_frames-contrasts.csv").is_file() and (tmp_path / "02_frames-plain.csv").is_file()
    assert not (tmp_path / "02_frames-plain.meta.json").exists()


def test_rate_intervals_warn_below_20_articles_or_clusters() -> None:
    corpus, scores = build({"x": [(300, {"terror": 2})] * 12, "y": [(300, {"terror": 1})] * 25})
    with pytest.warns(compare.SmallGroupWarning, match=r"fewer than 20 articles: 'x' \(12\)") as caught:
        compare.frame_rates(corpus, scores, n_boot=50)
    assert not any("'y'" in str(w.message) for w in caught)
    corpus["copy_group"] = [f"s{i // 2}" for i in range(len(corpus))]
    with pytest.warns(compare.SmallGroupWarning, match=r"fewer than 20 copy_group clusters: 'x' \(6\)"):
        compare.frame_rates(corpus, scores, n_boot=50, cluster="copy_group")
