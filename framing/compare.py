"""Comparing outlets: frame rates with intervals, tests, label choice and distinctive words.

Every function takes the corpus (for the grouping column ``by``, ``"outlet"`` by default) and returns a
tidy DataFrame with fixed column names; inputs are never modified. Groups are ordered by their sorted
values (by their category order when ``by`` is categorical), frames in the order of ``scores`` (lexicon
order). A group with fewer than :data:`MIN_ARTICLES` articles is named in a :class:`SmallGroupWarning`;
its intervals are wide, never a crash or a division by zero.

>>> import pandas as pd, framing
>>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"], "talks": ["محادثات"]})
>>> texts = {"x": ["محادثات ضد الإرهاب", "محادثات في موسكو"], "y": ["الإرهاب في سوريا", "لا شيء هنا"]}
>>> corpus = pd.DataFrame([{"doc_id": f"{o}{i}", "outlet": o, "text": t}
...                        for o in texts for i, t in enumerate(texts[o] * 3)])
>>> rates = frame_rates(corpus, framing.score(corpus, lexicon), n_boot=200)
>>> rates[["outlet", "frame", "articles", "count", "rate", "share"]].values.tolist()
[['x', 'terror', 6, 3, 166.66666666666666, 0.5], ['x', 'talks', 6, 6, 333.3333333333333, 1.0], \
['y', 'terror', 6, 3, 166.66666666666666, 0.5], ['y', 'talks', 6, 0, 0.0, 0.0]]
"""

from __future__ import annotations

import importlib
import math
import warnings
import zlib
from collections.abc import Iterator, Sequence
from functools import lru_cache
from statistics import NormalDist
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from framing import schema as S
from framing.lexicon.match import matcher, provenance
from framing.lexicon.model import Lexicon
from framing.provenance import framing_version
from framing.text.normalize import Normalization
from framing.text.stopwords import stopwords as stopword_forms
from framing.text.tokenize import word_forms

MIN_ARTICLES = 5  # a group with fewer articles gets a SmallGroupWarning
MIN_CLUSTERS = 20  # rate intervals from fewer articles (clusters) per group get a SmallGroupWarning
STANCE = S.STANCE  # the entry tag read by label_choice (and the column that holds it)

RATE_COLUMNS = (
    S.FRAME,
    S.ARTICLES,
    S.TOKENS,
    S.COUNT,
    S.RATE,
    S.RATE_LOW,
    S.RATE_HIGH,
    S.SHARE,
    S.SHARE_LOW,
    S.SHARE_HIGH,
    S.CLUSTERS,
)  # after the `by` column
INDEPENDENCE_COLUMNS = (
    "chi2",
    "dof",
    S.P_VALUE,
    "cramers_v",
    "n",
    S.MIN_EXPECTED,
    S.P_MONTE_CARLO,
    S.ARTICLES,
    S.CLUSTERS,
    S.TOKENS,
    S.METHOD,
    S.ASSUMES,
)
PAIRWISE_COLUMNS = (
    S.FRAME,
    "group_a",
    "group_b",
    "rate_a",
    "rate_b",
    "rate_ratio",
    S.P_VALUE,
    S.P_ADJUSTED,
    "significant",
    "count_a",
    "count_b",
    "tokens_a",
    "tokens_b",
    "articles_a",
    "articles_b",
    S.METHOD,
    S.ASSUMES,
)
LABEL_COLUMNS = (S.REFERENT, S.LABEL, S.STANCE)  # then `by`, then LABEL_STATS
LABEL_STATS = (
    S.COUNT,
    S.SHARE,
    S.SHARE_LOW,
    S.SHARE_HIGH,
    S.STANCE_SHARE,
    S.STANCE_LOW,
    S.STANCE_HIGH,
    S.REFERENT_HITS,
    S.ARTICLES,
)
WORD_COLUMNS = (
    S.WORD,
    S.COUNT,
    "count_rest",
    "log_odds",
    S.Z,
    "g2",
    S.P_VALUE,
    S.Q_VALUE,
    S.MIN_EXPECTED,
    S.P_MONTE_CARLO,
    "p_article",
    S.TOKENS,
    "tokens_rest",
    S.ARTICLES,
)  # after the `by` column

Correction = Literal["holm", "bonferroni", "bh", "none"]
CORRECTIONS: tuple[str, ...] = ("holm", "bonferroni", "bh", "none")
TestMethod = Literal["permutation", "quasi_poisson", "hits"]
TEST_METHODS: tuple[str, ...] = ("permutation", "quasi_poisson", "hits")
IndependenceMethod = Literal["permutation", "hits"]
INDEPENDENCE_METHODS: tuple[str, ...] = ("permutation", "hits")
Interval = Literal["studentized", "bca", "percentile", "t"]
INTERVALS: tuple[str, ...] = ("studentized", "bca", "percentile", "t")
ASSUMES = {
    "permutation": "articles (or clusters) are exchangeable between groups when the groups do not differ; "
    "hits inside an article may cluster",
    "quasi_poisson": "article hit counts vary around tokens x rate with a variance proportional to the mean "
    "(any overdispersion factor, estimated); articles (or clusters) independent",
    "hits": "every hit is independent of every other (no clustering in articles): overstates certainty "
    "on real coverage",
}
_SCORE_COLUMNS = (S.DOC_ID, S.FRAME, S.COUNT, S.TOKENS)
_BOOT_CELLS = 1_000_000  # resampled indices held in memory at once (per bootstrap chunk)
_TIE = 1e-9  # relative tolerance when a resampled statistic ties the observed one

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class SmallGroupWarning(UserWarning):
    """A group (outlet) has too few articles for its intervals and tests to say much."""


class LanguageMixWarning(UserWarning):
    """Rates per 1,000 tokens compared across languages, which they are not comparable across (issue 15)."""


def _warn_languages(corpus: pd.DataFrame, what: str) -> None:
    """Warn when the corpus holds articles in two or more languages: token rates do not compare."""
    if S.LANGUAGE not in corpus.columns:
        return
    from framing.text.languages import UNDETERMINED, base_language

    found = sorted({base_language(x) for x in corpus[S.LANGUAGE].tolist()} - {UNDETERMINED})
    if len(found) >= 2:
        warnings.warn(
            f"the corpus holds articles in {len(found)} languages ({', '.join(found)}): {what} per 1,000 "
            "tokens are not comparable across languages (Arabic attaches the article and و ب ل to the next "
            "word, English and Russian write them as words); compare the share of articles using a frame "
            "(frame_rates(...)['share']) or compare within one language",
            LanguageMixWarning,
            stacklevel=3,
        )


@lru_cache(maxsize=1)
def _special() -> Any:
    return importlib.import_module("scipy.special")  # imported here: nothing happens at import time


@lru_cache(maxsize=1)
def _binom() -> Any:
    return importlib.import_module("scipy.stats").binom


# ------------------------------------------------------------------------------------- helpers


def wilson_interval(
    successes: npt.ArrayLike, n: npt.ArrayLike, *, ci: float = 0.95
) -> tuple[FloatArray, FloatArray]:
    """Wilson score interval for a binomial proportion ``successes / n`` (Wilson 1927, JASA 22:209–212;
    Newcombe 1998, Statistics in Medicine 17:857–872, method 3). NaN where ``n`` is 0.

    >>> low, high = wilson_interval(81, 263)   # Newcombe (1998), table I: 0.2553 to 0.3662
    >>> round(float(low), 4), round(float(high), 4)
    (0.2553, 0.3662)
    """
    _check_ci(ci)
    x = np.asarray(successes, dtype=np.float64)
    total = np.asarray(n, dtype=np.float64)
    z = NormalDist().inv_cdf(0.5 + ci / 2)
    z2 = z * z
    safe = np.where(total > 0, total, 1.0)
    p = x / safe
    denominator = 1.0 + z2 / safe
    centre = (p + z2 / (2 * safe)) / denominator
    half = z / denominator * np.sqrt(np.clip(p * (1 - p), 0.0, None) / safe + z2 / (4 * safe * safe))
    low = np.where(total > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(total > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low.astype(np.float64), high.astype(np.float64)


def adjust_pvalues(p_values: npt.ArrayLike, *, method: Correction = "holm") -> FloatArray:
    """P-values adjusted for multiple comparisons: Holm's step-down method (Holm 1979, Scandinavian
    Journal of Statistics 6:65–70), Bonferroni, Benjamini & Hochberg's false-discovery-rate q-values
    (``"bh"``; Benjamini & Hochberg 1995, JRSS B 57:289–300: ``q_(i) = min_{j >= i} p_(j) m / j``), or
    none. NaN p-values stay NaN and do not count in the family size.

    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005]).tolist()
    [0.03, 0.06, 0.06, 0.02]
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005], method="bh").tolist()
    [0.02, 0.04, 0.04, 0.02]
    """
    if method not in CORRECTIONS:
        raise ValueError(f"correction is {method!r}; valid choices are {list(CORRECTIONS)}")
    p = np.asarray(p_values, dtype=np.float64)
    out = np.full(p.shape, np.nan)
    valid = ~np.isnan(p)
    m = int(valid.sum())
    if method == "none" or m == 0:
        out[valid] = p[valid]
        return out
    if method == "bonferroni":
        out[valid] = np.minimum(1.0, p[valid] * m)
        return out
    values = p[valid]
    order = np.argsort(values, kind="stable")
    if method == "bh":
        ranked = values[order] * m / np.arange(1, m + 1)
        stepped_up = np.minimum.accumulate(ranked[::-1])[::-1]
        q = np.empty(m)
        q[order] = np.minimum(1.0, stepped_up)
        out[valid] = q
        return out
    stepped = np.maximum.accumulate(values[order] * (m - np.arange(m)))
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(1.0, stepped)
    out[valid] = adjusted
    return out


def _check_ci(ci: float) -> None:
    if not 0 < ci < 1:
        raise ValueError(f"ci is {ci!r}; it must be between 0 and 1 (e.g. 0.95)")


def _check_by(corpus: pd.DataFrame, by: str, reserved: Sequence[str], cluster: str | None = None) -> None:
    for column in (S.DOC_ID, by):
        if column not in corpus.columns:
            raise ValueError(
                f"corpus lacks the {column!r} column; it has {list(map(str, corpus.columns))}"
                + (" (choose the grouping column with by=...)" if column == by else "")
            )
    if by in reserved:
        raise ValueError(f"by is {by!r}, a name of an output column; rename that corpus column first")
    if cluster is not None:
        if cluster not in corpus.columns:
            raise ValueError(
                f"cluster is {cluster!r}, which is not a corpus column; it has "
                f"{list(map(str, corpus.columns))} (for example copy_group; None: one article per cluster)"
            )
        if cluster == by:
            raise ValueError(f"cluster is {cluster!r}, the grouping column itself; choose another column")


def _check_choice(name: str, value: object, choices: Sequence[str]) -> None:
    if value not in choices:
        raise ValueError(f"{name} is {value!r}; valid choices are {list(choices)}")


def _check_replicates(name: str, value: int, seed: int) -> None:
    if value < 1:
        raise ValueError(f"{name} is {value!r}; it must be 1 or more replicates")
    if seed < 0:
        raise ValueError(f"seed is {seed!r}; it must be a non-negative integer")


def _cluster_codes(values: pd.Series | None, doc_ids: Sequence[str]) -> IntArray:
    """Each article's cluster, coded in the sorted order of the cluster keys (so that resampling does not
    depend on row order). An article without a cluster value is a cluster of its own."""
    if values is None:
        keys = [f"\x00{d}" for d in doc_ids]
    else:
        missing = pd.isna(values).to_numpy(dtype=bool) | (values.astype(str).to_numpy() == "")
        keys = [
            f"\x00{d}" if miss else f"\x01{v}"
            for d, v, miss in zip(doc_ids, values.astype(str).tolist(), missing, strict=True)
        ]
    index = pd.Index(sorted(set(keys)))
    return np.asarray(index.get_indexer(pd.Index(keys)), dtype=np.int64)


def _stream(*parts: object) -> int:
    """A stable 32-bit number for seeding a random stream from names (crc32 of their text)."""
    return zlib.crc32("\x1f".join(map(str, parts)).encode("utf-8"))


def _groups(values: pd.Series) -> tuple[list[Any], IntArray]:
    """The group order (sorted; category order for a categorical) and each row's group code (-1: none)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        present = set(values.dropna().tolist())
        order = [c for c in values.cat.categories.tolist() if c in present]
    else:
        unique = pd.unique(values.dropna())
        try:
            order = sorted(unique.tolist())
        except TypeError:  # mixed types
            order = sorted(unique.tolist(), key=str)
    codes = pd.Index(order).get_indexer(values.astype(object)) if order else np.full(len(values), -1)
    missing = int((codes < 0).sum())
    if missing:
        warnings.warn(
            f"{missing} article(s) have no {values.name!r} value and are left out", UserWarning, stacklevel=3
        )
    return order, np.asarray(codes, dtype=np.int64)


def _warn_small(by: str, order: Sequence[Any], articles: IntArray) -> None:
    small = [
        f"{g!r} ({n} article{'s' if n != 1 else ''})"
        for g, n in zip(order, articles, strict=True)
        if n < MIN_ARTICLES
    ]
    if small:
        warnings.warn(
            f"{by} group(s) with fewer than {MIN_ARTICLES} articles: {', '.join(small)}; "
            "their estimates are uncertain (wide intervals) and their tests say little",
            SmallGroupWarning,
            stacklevel=3,
        )


def _warn_few_clusters(by: str, order: Sequence[Any], clusters: IntArray, cluster: str | None) -> None:
    unit = f"{cluster} clusters" if cluster else "articles"
    few = [f"{g!r} ({n})" for g, n in zip(order, clusters, strict=True) if MIN_ARTICLES <= n < MIN_CLUSTERS]
    if few:
        warnings.warn(
            f"{by} group(s) with fewer than {MIN_CLUSTERS} {unit}: {', '.join(few)}; their rate intervals "
            "come from few independent units and may cover less often than stated",
            SmallGroupWarning,
            stacklevel=3,
        )


def _wilson(p: FloatArray, n: FloatArray, z: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Wilson's score interval for proportion ``p`` from ``n`` observations with critical value ``z``."""
    z2 = z * z
    safe = np.where(n > 0, n, 1.0)
    denominator = 1.0 + z2 / safe
    centre = (p + z2 / (2 * safe)) / denominator
    half = z / denominator * np.sqrt(np.clip(p * (1 - p), 0.0, None) / safe + z2 / (4 * safe * safe))
    low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low.astype(np.float64), high.astype(np.float64)


def _clustered_wilson(y: FloatArray, n: FloatArray, *, ci: float) -> tuple[FloatArray, FloatArray]:
    """Wilson interval of ``sum(y) / sum(n)`` (per column) when the rows are clusters (articles) whose
    trials are not independent: the Wilson interval on Kish's effective sample size
    ``n_eff = N / deff`` with the design effect ``deff = V / (p (1 - p) / N)`` taken from the clustered
    (linearization) variance ``V = m / (m - 1) * sum((y_j - p n_j)**2) / N**2`` and never below 1, and a
    t quantile with ``m - 1`` degrees of freedom for ``m`` clusters with trials (Korn & Graubard 1998,
    Survey Methodology 24:193–201; Dean & Pagano 2015, Int. Stat. Review 83:20). When ``p`` is 0 or 1 the
    variance says nothing and ``n_eff = m``. NaN where ``N`` is 0."""
    big_n = n.sum(axis=0)
    m = (n > 0).sum(axis=0).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(big_n > 0, y.sum(axis=0) / big_n, 0.0)
        v = m / np.maximum(m - 1.0, 1.0) * ((y - p * n) ** 2).sum(axis=0) / big_n**2
        deff = v / (p * (1 - p) / big_n)
    interior = (p > 0) & (p < 1) & (big_n > 0)
    n_eff = np.where(interior, big_n / np.maximum(np.nan_to_num(deff, nan=1.0, posinf=1.0), 1.0), m)
    n_eff = np.minimum(n_eff, big_n)
    z = importlib.import_module("scipy.stats").t.ppf(0.5 + ci / 2, np.maximum(m - 1.0, 1.0))
    return _wilson(p, np.where(big_n > 0, n_eff, 0.0), np.asarray(z, dtype=np.float64))


def _provenance(source: pd.DataFrame | None, **settings: Any) -> dict[str, Any]:
    base = dict(source.attrs.get("provenance", {})) if source is not None else {}
    return {"framing_version": framing_version(), **base, **settings}


class _Table:
    """Scores joined to the corpus groups: one row per article, one column per frame."""

    def __init__(
        self,
        corpus: pd.DataFrame,
        scores: pd.DataFrame,
        by: str,
        reserved: Sequence[str],
        cluster: str | None = None,
    ) -> None:
        _check_by(corpus, by, reserved, cluster)
        missing = [c for c in _SCORE_COLUMNS if c not in scores.columns]
        if missing:
            raise ValueError(
                f"scores lack column(s) {missing}; it has {list(map(str, scores.columns))} "
                "(pass the result of framing.score)"
            )
        doc_ids = scores[S.DOC_ID].astype(str)
        docs = pd.Index(sorted(pd.unique(doc_ids)))  # sorted: results do not depend on row order
        frames = pd.Index(pd.unique(scores[S.FRAME]))
        d = docs.get_indexer(pd.Index(doc_ids))
        f = frames.get_indexer(pd.Index(scores[S.FRAME]))
        if pd.MultiIndex.from_arrays([d, f]).has_duplicates:
            raise ValueError(
                "scores have several rows for the same (doc_id, frame); pass framing.score output"
            )
        corpus_ids = pd.Index(corpus[S.DOC_ID].astype(str))
        if corpus_ids.has_duplicates:
            raise ValueError(
                f"corpus doc_id values are not unique, e.g. {corpus_ids[corpus_ids.duplicated()][0]!r}"
            )
        where = corpus_ids.get_indexer(docs)
        if (where < 0).any():
            raise ValueError(f"scores have doc_id {docs[where < 0][0]!r}, which is not in the corpus")
        self.frames: list[Any] = frames.tolist()
        self.order, codes = _groups(corpus[by].iloc[where].reset_index(drop=True).rename(by))
        counts = np.zeros((len(docs), len(frames)), dtype=np.int64)
        counts[d, f] = scores[S.COUNT].to_numpy(dtype=np.int64)
        tokens = np.zeros(len(docs), dtype=np.int64)
        tokens[d] = scores[S.TOKENS].to_numpy(dtype=np.int64)
        keep = codes >= 0
        self.codes, self.counts, self.tokens = codes[keep], counts[keep], tokens[keep]
        values = corpus[cluster].iloc[where].reset_index(drop=True) if cluster is not None else None
        self.clusters = _cluster_codes(values, docs.tolist())[keep]

    def members(self, g: int) -> npt.NDArray[np.intp]:
        return np.flatnonzero(self.codes == g)

    def sums(self) -> tuple[IntArray, IntArray, IntArray]:
        """Per group: articles, tokens, and hits per frame (groups x frames)."""
        n = len(self.order)
        articles = np.bincount(self.codes, minlength=n).astype(np.int64)
        tokens = np.bincount(self.codes, weights=self.tokens, minlength=n).astype(np.int64)
        hits = np.zeros((n, len(self.frames)), dtype=np.int64)
        np.add.at(hits, self.codes, self.counts)
        return articles, tokens, hits

    def n_clusters(self) -> IntArray:
        """Per group: the number of distinct clusters among its articles."""
        if not len(self.codes):
            return np.zeros(len(self.order), dtype=np.int64)
        pairs = np.unique(np.column_stack([self.codes, self.clusters]), axis=0)
        return np.bincount(pairs[:, 0], minlength=len(self.order)).astype(np.int64)


def _rates(count: npt.ArrayLike, tokens: npt.ArrayLike) -> FloatArray:
    """1000 * count / tokens, 0 where there are no tokens."""
    c = np.asarray(count, dtype=np.float64)
    t = np.broadcast_to(np.asarray(tokens, dtype=np.float64), c.shape)
    return np.divide(1000.0 * c, t, out=np.zeros(c.shape), where=t > 0)


# ------------------------------------------------------------------- clusters, bootstrap, permutation


def _collapse(clusters: IntArray, counts: IntArray, tokens: IntArray) -> tuple[FloatArray, FloatArray]:
    """Hits (clusters x frames) and tokens summed per cluster, clusters in code order."""
    _, inverse = np.unique(clusters, return_inverse=True)
    m = int(inverse.max()) + 1 if len(inverse) else 0
    c = np.zeros((m, counts.shape[1]))
    np.add.at(c, inverse, counts)
    t = np.bincount(inverse, weights=tokens.astype(np.float64), minlength=m).astype(np.float64)
    return c, t


def _moments(counts: FloatArray, tokens: FloatArray) -> FloatArray:
    """Per unit the columns whose sums give a ratio estimate and its variance: t, t², c, c², c·t."""
    t = tokens[:, None]
    return np.column_stack([tokens, tokens * tokens, counts, counts * counts, counts * t])


def _ratio(sums: FloatArray, n: npt.ArrayLike, n_frames: int) -> tuple[FloatArray, FloatArray]:
    """The ratio estimate ``R = sum(c) / sum(t)`` and its linearization (sandwich) variance
    ``n / (n - 1) * sum((c - R t)**2) / sum(t)**2`` (Cochran 1977, *Sampling Techniques*, eq. 6.13) from
    the sums of :func:`_moments` (one row per replicate). NaN where there are no tokens."""
    t, t2 = sums[:, :1], sums[:, 1:2]
    c = sums[:, 2 : 2 + n_frames]
    c2 = sums[:, 2 + n_frames : 2 + 2 * n_frames]
    ct = sums[:, 2 + 2 * n_frames :]
    size = np.asarray(n, dtype=np.float64).reshape(-1, 1)
    factor = size / np.maximum(size - 1.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = c / t
        v = factor * np.clip(c2 - 2.0 * r * ct + r * r * t2, 0.0, None) / (t * t)
    return r, v


def _resample_sums(x: FloatArray, n_boot: int, rng: np.random.Generator) -> FloatArray:
    """Column sums of ``n_boot`` resamples (with replacement) of the rows of ``x``.

    Index matrices of ``chunk x m`` rows are drawn at once (no loop per replicate); the chunk size depends
    only on ``m``, so a seed gives the same replicates whatever the number of frames."""
    m = x.shape[0]
    chunk = max(1, _BOOT_CELLS // max(m, 1))
    sums = np.empty((n_boot, x.shape[1]))
    for start in range(0, n_boot, chunk):
        rows = min(chunk, n_boot - start)
        index = rng.integers(0, m, size=(rows, m))
        weights = np.bincount((np.arange(rows)[:, None] * m + index).ravel(), minlength=rows * m)
        sums[start : start + rows] = weights.reshape(rows, m).astype(np.float64) @ x
    return sums


def _rate_interval(
    counts: FloatArray,
    tokens: FloatArray,
    *,
    interval: Interval,
    n_boot: int,
    ci: float,
    rng: np.random.Generator,
) -> tuple[FloatArray, FloatArray]:
    """Interval of ``1000 * sum(counts) / sum(tokens)`` per frame, from units (clusters) that are resampled
    whole. ``counts`` is units x frames. See :func:`frame_rates` for the methods."""
    m, n_frames = counts.shape
    x = _moments(counts, tokens)
    r, v = _ratio(x.sum(axis=0, keepdims=True), m, n_frames)
    r, se = r[0], np.sqrt(v[0])
    alpha = round(1.0 - ci, 12)  # 1 - 0.95 is 0.05000000000000004: keep order statistics exact
    stats = importlib.import_module("scipy.stats")
    if interval == "t":
        q = float(stats.t.ppf(1 - alpha / 2, max(m - 1, 1)))
        low, high = r - q * se, r + q * se
    else:
        sums = _resample_sums(x, n_boot, rng)
        valid = sums[:, 0] > 0  # a replicate that drew only empty articles has no rate
        if not valid.any():
            nan = np.full(n_frames, np.nan)
            return nan, nan.copy()
        rb, vb = _ratio(sums[valid], m, n_frames)
        if interval == "percentile":
            low, high = np.quantile(rb, [alpha / 2, 1 - alpha / 2], axis=0)
        elif interval == "studentized":
            # a replicate's standard error is at least one hit's worth (1 / its tokens): a replicate that
            # drew only articles without hits would otherwise give t = -inf and an infinite upper bound
            se_star = np.maximum(np.sqrt(vb), 1.0 / sums[valid, :1])
            with np.errstate(divide="ignore", invalid="ignore"):
                t_star = (rb - r) / se_star
            t_star = np.where(np.isnan(t_star), 0.0, t_star)  # 0 / 0: the replicate equals the estimate
            q_low, q_high = np.quantile(t_star, [alpha / 2, 1 - alpha / 2], axis=0, method="inverted_cdf")
            with np.errstate(invalid="ignore"):
                low, high = r - q_high * se, r - q_low * se
            low = np.where(se > 0, low, r)
            high = np.where(se > 0, high, r)
        else:  # bca
            normal = stats.norm
            below = (rb < r).mean(axis=0) + 0.5 * (rb == r).mean(axis=0)
            z0 = normal.ppf(np.clip(below, 1.0 / (2 * len(rb)), 1 - 1.0 / (2 * len(rb))))
            total_c, total_t = counts.sum(axis=0), tokens.sum()
            with np.errstate(divide="ignore", invalid="ignore"):
                jack = (total_c - counts) / (total_t - tokens)[:, None]  # leave one unit out
            jack = np.where(np.isfinite(jack), jack, np.nan)
            d = np.nanmean(jack, axis=0) - jack
            with np.errstate(divide="ignore", invalid="ignore"):
                accel = np.nansum(d**3, axis=0) / (6.0 * np.nansum(d**2, axis=0) ** 1.5)
            accel = np.where(np.isfinite(accel), accel, 0.0)
            z = normal.ppf([alpha / 2, 1 - alpha / 2])[:, None]
            levels = normal.cdf(z0 + (z0 + z) / (1 - accel * (z0 + z)))
            levels = np.where(np.isfinite(levels), levels, np.array([[alpha / 2], [1 - alpha / 2]]))
            low = np.array([np.quantile(rb[:, f], levels[0, f]) for f in range(n_frames)])
            high = np.array([np.quantile(rb[:, f], levels[1, f]) for f in range(n_frames)])
    low = np.clip(np.nan_to_num(np.asarray(low, dtype=np.float64), nan=0.0, neginf=0.0), 0.0, None)
    high = np.asarray(high, dtype=np.float64)
    high = np.where(np.isnan(high), np.inf, high)
    return 1000.0 * low, 1000.0 * high


def _permuted_labels(
    labels: IntArray, clusters: IntArray, n_perm: int, rng: np.random.Generator
) -> Iterator[IntArray]:
    """Chunks of permutations (rows x articles) of the group ``labels`` in which every cluster moves whole.

    Clusters of the same size swap their label sets (and the labels are shuffled inside a cluster, for a
    cluster spread over several groups); with one article per cluster this is the plain permutation of
    labels across articles. Every permutation keeps the number of articles of each group."""
    n = len(labels)
    _, inverse, sizes = np.unique(clusters, return_inverse=True, return_counts=True)
    order = np.argsort(inverse, kind="stable")  # the articles, cluster by cluster
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    strata: list[tuple[IntArray, IntArray]] = []
    for k in np.unique(sizes):
        which = np.flatnonzero(sizes == k)
        members = order[starts[which][:, None] + np.arange(k)]  # clusters of size k x k article positions
        strata.append((members, labels[members]))
    chunk = max(1, _BOOT_CELLS // max(n, 1))
    for start in range(0, n_perm, chunk):
        rows = min(chunk, n_perm - start)
        out = np.empty((rows, n), dtype=np.int64)
        for members, stratum_labels in strata:
            shuffled = stratum_labels[np.argsort(rng.random((rows, len(members))), axis=1)]
            if members.shape[1] > 1:
                shuffled = rng.permuted(shuffled, axis=2)
            out[:, members.ravel()] = shuffled.reshape(rows, -1)
        yield out


def _permutation_p(observed: FloatArray, exceed: IntArray, n_perm: int) -> FloatArray:
    """``(1 + replicates at least as extreme) / (1 + n_perm)`` (Phipson & Smyth 2010, SAGMB 9:39)."""
    return np.asarray((1.0 + exceed) / (1.0 + n_perm), dtype=np.float64)


# --------------------------------------------------------------------------------- frame rates


def _poisson_interval(count: IntArray, tokens: int, ci: float) -> tuple[FloatArray, FloatArray]:
    """Exact (Garwood 1936, Biometrika 28:437–442) Poisson interval of the rate per 1,000 tokens."""
    chdtri = _special().chdtri  # inverse of the chi-square survival function
    alpha = round(1.0 - ci, 12)  # 1 - 0.95 is 0.05000000000000004: keep order statistics exact
    k = count.astype(np.float64)
    low = np.zeros_like(k)
    hit = k > 0
    low[hit] = chdtri(2 * k[hit], 1 - alpha / 2) / 2
    high = chdtri(2 * k + 2, alpha / 2) / 2
    return 1000.0 * low / tokens, 1000.0 * high / tokens


def frame_rates(
    corpus: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] = S.OUTLET,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    interval: Interval = "studentized",
    cluster: str | None = None,
) -> pd.DataFrame:
    """Per group and frame: the rate per 1,000 tokens with an article-bootstrap interval, and the share of
    articles that use the frame with a Wilson interval.

    Columns: ``by, frame, articles, tokens, count, rate, rate_low, rate_high, share, share_low,
    share_high, clusters``. ``rate = 1000 * sum(count) / sum(tokens)`` over the group's articles (a ratio
    estimator). Its interval resamples the group's ARTICLES with replacement (or its clusters: every
    article with the same value in the corpus column ``cluster``, such as a wire story's copy group, moves
    as one; ``clusters`` counts them), so hits that pile up inside an article are not taken for
    independent evidence. ``interval`` chooses how (Efron & Tibshirani 1993, *An Introduction to the
    Bootstrap*, ch. 12–14, 22):

    - ``"studentized"`` (default): the bootstrap-t interval, each replicate's ``(R* - R) / se*`` with the
      ratio estimator's linearization standard error ``se`` (Cochran 1977, eq. 6.13; a replicate's ``se*``
      is at least one hit over its tokens, so that replicates without hits stay finite). Chosen by
      simulation (``benchmarks/bench_inference.py``): it keeps coverage with few or bursty articles,
      where the percentile interval falls short;
    - ``"bca"``: bias-corrected and accelerated percentiles (acceleration from the jackknife);
    - ``"percentile"``: the plain percentile interval (the former method);
    - ``"t"``: ``R ± t(m - 1) se``, no resampling (``n_boot`` and ``seed`` unused).

    The resamples come from ``numpy.random.default_rng([seed, crc32(group)])`` over the articles
    (clusters) sorted by ``doc_id`` (cluster value): reruns agree whatever the row order, and a group's
    interval does not change when other groups are added or left out. The interval is never narrower
    than the exact Poisson interval of the group's hits over its tokens (Garwood 1936, Biometrika
    28:437–442) and always holds the estimate: where resampling collapses — a group of one or two
    articles, a frame with no or few hits — it is widened to cover both. A group with fewer than
    :data:`MIN_CLUSTERS` (20) articles (clusters) is named in a :class:`SmallGroupWarning`: below that the
    intervals cover less reliably. A group with no tokens has rate 0 and a NaN rate interval.

    ``share = articles with count > 0 / articles``, with the Wilson (1927) score interval; with
    ``cluster``, the Wilson interval uses the effective number of articles (see :func:`label_choice`).
    The method, interval level, replicates, seed and cluster column are kept in
    ``attrs["provenance"]``.

    Inputs are not modified. ``scores`` is the result of :func:`framing.score`; the groups come from the
    corpus column ``by``, joined on ``doc_id``.

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"]})
    >>> corpus = pd.DataFrame({"doc_id": list("abcdef"), "outlet": ["x"] * 6,
    ...                        "text": ["الإرهاب في سوريا", "لا شيء", "محاربة الإرهاب"] * 2})
    >>> rates = frame_rates(corpus, framing.score(corpus, lexicon), n_boot=500)
    >>> rates[["articles", "tokens", "count"]].values.tolist(), rates["rate"].round(1).tolist()
    ([[6, 14, 4]], [285.7])
    >>> rates["share"].tolist(), bool((rates["rate_low"] <= rates["rate"]).all())
    ([0.6666666666666666], True)
    >>> rates.attrs["provenance"]["method"], rates.attrs["provenance"]["replicates"]
    ('studentized', 500)
    """
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    columns = (by, *RATE_COLUMNS)
    _check_replicates("n_boot", n_boot, seed)
    _check_ci(ci)
    _check_choice("interval", interval, INTERVALS)
    table = _Table(corpus, scores, by, RATE_COLUMNS, cluster)
    articles, tokens, hits = table.sums()
    clusters = table.n_clusters()
    _warn_small(by, table.order, articles)
    _warn_few_clusters(by, table.order, clusters, cluster)
    n_frames = len(table.frames)
    blocks: list[pd.DataFrame] = []
    for g, group in enumerate(table.order):
        rows = table.members(g)
        c, t = _collapse(table.clusters[rows], table.counts[rows], table.tokens[rows])
        rate = _rates(hits[g], tokens[g])
        if tokens[g] > 0:
            rng = np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])
            low, high = _rate_interval(c, t, interval=interval, n_boot=n_boot, ci=ci, rng=rng)
            p_low, p_high = _poisson_interval(hits[g], int(tokens[g]), ci)
            low, high = np.fmin(np.fmin(low, p_low), rate), np.fmax(np.fmax(high, p_high), rate)
        else:
            low = high = np.full(n_frames, np.nan)
        used = (table.counts[rows] > 0).sum(axis=0)
        share = used / articles[g]
        if cluster is None:
            share_low, share_high = wilson_interval(used, articles[g], ci=ci)
        else:
            used_by, size = _collapse(
                table.clusters[rows], (table.counts[rows] > 0).astype(np.int64), np.ones(len(rows), np.int64)
            )
            share_low, share_high = _clustered_wilson(
                used_by, np.broadcast_to(size[:, None], used_by.shape), ci=ci
            )
        blocks.append(
            pd.DataFrame(
                {
                    by: [group] * n_frames,
                    S.FRAME: table.frames,
                    S.ARTICLES: np.full(n_frames, articles[g], dtype=np.int64),
                    S.TOKENS: np.full(n_frames, tokens[g], dtype=np.int64),
                    S.COUNT: hits[g],
                    S.RATE: rate,
                    S.RATE_LOW: low,
                    S.RATE_HIGH: high,
                    S.SHARE: share.astype(np.float64),
                    S.SHARE_LOW: share_low,
                    S.SHARE_HIGH: share_high,
                    S.CLUSTERS: np.full(n_frames, clusters[g], dtype=np.int64),
                }
            )
        )
    out = pd.concat(blocks, ignore_index=True) if blocks else pd.DataFrame(columns=list(columns))
    out.attrs["provenance"] = _provenance(
        scores,
        by=by,
        method=interval,
        ci=ci,
        n_boot=n_boot,
        replicates=n_boot if interval != "t" else 0,
        seed=seed,
        cluster=cluster,
        unit="cluster" if cluster else "article",
    )
    return out


# ------------------------------------------------------------------------------------- tests


def _chi2_many(tables: FloatArray) -> FloatArray:
    """Pearson's chi-square of each ``r x c`` table in ``tables`` (replicates x r x c); rows or columns
    without counts add nothing (as if left out)."""
    n = tables.sum(axis=(1, 2), keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = tables.sum(axis=2, keepdims=True) * tables.sum(axis=1, keepdims=True) / n
        terms = np.where(expected > 0, (tables - expected) ** 2 / expected, 0.0)
    return np.asarray(terms.sum(axis=(1, 2)), dtype=np.float64)


def _fixed_margin_tables(observed: IntArray, n: int, rng: np.random.Generator) -> FloatArray:
    """``n`` random tables with the row and column totals of ``observed``: the distribution of a table of
    independent hits given its margins (multivariate hypergeometric rows, drawn column by column; as
    Patefield 1981, Applied Statistics 30:91–97, and R's ``chisq.test(simulate.p.value = TRUE)``)."""
    r, c = observed.shape
    remaining = np.tile(observed.sum(axis=0).astype(np.int64), (n, 1))
    out = np.zeros((n, r, c))
    for i in range(r - 1):
        left = np.full(n, int(observed[i].sum()), dtype=np.int64)
        for j in range(c - 1):
            rest = remaining[:, j + 1 :].sum(axis=1)
            x = rng.hypergeometric(remaining[:, j], rest, left)
            out[:, i, j] = x
            left -= x
            remaining[:, j] -= x
        out[:, i, c - 1] = left
        remaining[:, c - 1] -= left
    out[:, r - 1, :] = remaining
    return out


def independence(
    corpus: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] = S.OUTLET,
    method: IndependenceMethod = "permutation",
    n_perm: int = 1999,
    seed: int = 0,
    cluster: str | None = None,
) -> pd.DataFrame:
    """Is the mix of frames the same in every group? One row: ``chi2, dof, p_value, cramers_v, n,
    min_expected, p_monte_carlo, articles, clusters, tokens, method, assumes``.

    The statistic is Pearson's chi-square on the group x frame table of hit counts,
    ``chi2 = sum((observed - expected)**2 / expected)`` with ``expected = row total * column total / n``
    and no continuity correction (Pearson 1900; as ``scipy.stats.chi2_contingency(table,
    correction=False)``), ``dof = (r - 1)(c - 1)``, and Cramér's V ``sqrt(chi2 / (n * (min(r, c) - 1)))``
    (Cramér 1946, p. 282) as a description of the effect size. ``n`` is the number of hits; ``articles``,
    ``clusters`` and ``tokens`` the units behind them. ``method`` chooses where the p-value comes from:

    - ``"permutation"`` (default): the share of ``n_perm`` random reassignments of the group labels across
      whole ARTICLES (or whole clusters: articles with the same value in the corpus column ``cluster``
      move together) whose chi-square reaches the observed one, ``(1 + k) / (1 + n_perm)``. It assumes only
      that, if the groups did not differ, any article could as well have come from any group; hits that
      pile up inside an article do not make it overconfident. Seeded (``seed``).
    - ``"hits"``: the chi-square distribution with ``dof`` degrees of freedom. It assumes every hit is
      independent, which news coverage is not: on simulated coverage whose articles vary as real ones do
      it rejects a true null 40–90% of the time (``benchmarks/bench_inference.py``). ``p_monte_carlo``
      then gives the same test's p-value from ``n_perm`` random tables with the observed margins, to use
      when expected counts are small: ``min_expected`` below 5 warns (Cochran 1954).

    Groups and frames without any hit are left out, with a warning. The method, replicates, seed and
    cluster column are kept in ``attrs["provenance"]``.

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"], "talks": ["محادثات"]})
    >>> corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "outlet": list("xxxxxyyyyy"),
    ...                        "text": ["الإرهاب والإرهابيين"] * 5 + ["المحادثات"] * 4 + ["الإرهاب"]})
    >>> test = independence(corpus, framing.score(corpus, lexicon), n_perm=999)
    >>> round(float(test.loc[0, "chi2"]), 4), int(test.loc[0, "dof"]), int(test.loc[0, "n"])
    (10.9091, 1, 15)
    >>> float(test.loc[0, "p_value"]) < 0.05, test.loc[0, "method"]
    (True, 'permutation')
    """
    _check_choice("method", method, INDEPENDENCE_METHODS)
    _check_replicates("n_perm", n_perm, seed)
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    _warn_languages(corpus, "hit counts")
    table = _Table(corpus, scores, by, INDEPENDENCE_COLUMNS, cluster)
    articles, tokens, hits = table.sums()
    _warn_small(by, table.order, articles)
    rows, cols = hits.sum(axis=1) > 0, hits.sum(axis=0) > 0
    dropped = [f"{by} {g!r}" for g, keep in zip(table.order, rows, strict=True) if not keep]
    dropped += [f"frame {f!r}" for f, keep in zip(table.frames, cols, strict=True) if not keep]
    if dropped:
        warnings.warn(f"left out of the test (no hits): {', '.join(dropped)}", UserWarning, stacklevel=2)
    observed = hits[np.ix_(rows, cols)].astype(np.float64)
    n = observed.sum()
    r, c = observed.shape
    n_clusters = len(np.unique(table.clusters))
    rng = np.random.default_rng([seed, _stream("independence", by)])
    if r < 2 or c < 2:
        warnings.warn(
            f"the test needs at least 2 {by} groups and 2 frames with hits; found {r} and {c}",
            UserWarning,
            stacklevel=2,
        )
        values: list[Any] = [np.nan, np.nan, np.nan, np.nan, float(n), np.nan, np.nan]
    else:
        expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
        chi2 = float(((observed - expected) ** 2 / expected).sum())
        dof = (r - 1) * (c - 1)
        cramers_v = math.sqrt(chi2 / (n * (min(r, c) - 1)))
        min_expected = float(expected.min())
        p_mc = math.nan
        if method == "hits":
            p_value = float(_special().chdtrc(dof, chi2))
            simulated = _chi2_many(_fixed_margin_tables(observed.astype(np.int64), n_perm, rng))
            p_mc = float(_permutation_p(np.array(chi2), (simulated >= chi2 * (1 - _TIE)).sum(), n_perm))
            if min_expected < 5:
                warnings.warn(
                    f"the smallest expected count is {min_expected:.2f} (below 5): the chi-square p-value "
                    f"is approximate; p_monte_carlo ({p_mc:.4g}) does not rely on the approximation",
                    UserWarning,
                    stacklevel=2,
                )
        else:
            counts = table.counts[:, cols].astype(np.float64)
            k = len(table.order)
            exceed = 0
            for labels in _permuted_labels(table.codes, table.clusters, n_perm, rng):
                b = labels.shape[0]
                index = (np.arange(b)[:, None] * k + labels).ravel()
                tables = np.stack(
                    [np.bincount(index, weights=np.tile(counts[:, f], b), minlength=b * k) for f in range(c)],
                    axis=1,
                ).reshape(b, k, c)
                exceed += int((_chi2_many(tables.astype(np.float64)) >= chi2 * (1 - _TIE)).sum())
            p_value = float(_permutation_p(np.array(chi2), np.array(exceed), n_perm))
        values = [chi2, float(dof), p_value, cramers_v, float(n), min_expected, p_mc]
    values += [int(articles.sum()), n_clusters, int(tokens.sum()), method, ASSUMES[method]]
    out = pd.DataFrame([values], columns=list(INDEPENDENCE_COLUMNS)).astype({"dof": "Int64", "n": "int64"})
    out.attrs["provenance"] = _provenance(
        scores,
        by=by,
        method=method,
        replicates=n_perm,
        seed=seed,
        cluster=cluster,
        assumes=ASSUMES[method],
        groups={
            str(g): {"articles": int(articles[i]), "tokens": int(tokens[i]), "hits": int(hits[i].sum())}
            for i, g in enumerate(table.order)
        },
    )
    return out


def _binomial_two_sided(k: int, n: int, p: float) -> float:
    """Two-sided exact binomial p-value: the probability of every outcome no more likely than ``k``
    (the minimum-likelihood two-sided rule of ``scipy.stats.binomtest`` and R's ``binom.test``; relative
    tolerance 1e-7 for ties)."""
    pmf = _binom().pmf(np.arange(n + 1), n, p)
    d = pmf[k]
    return float(min(1.0, pmf[pmf <= d * (1 + 1e-7)].sum()))


def _welch_ratio_z(sums_a: FloatArray, total: FloatArray, n_a: int, n_b: int, n_frames: int) -> FloatArray:
    """``(R_a - R_b) / sqrt(V_a + V_b)`` per replicate and frame, from group a's sums of
    :func:`_moments` (the rest of ``total`` is group b); 0 where both rates and variances are 0."""
    ra, va = _ratio(sums_a, n_a, n_frames)
    rb, vb = _ratio(total[None, :] - sums_a, n_b, n_frames)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (ra - rb) / np.sqrt(va + vb)
    return np.where(np.isnan(z), 0.0, z)


def _pair_permutation(
    in_a: npt.NDArray[np.bool_],
    counts: FloatArray,
    tokens: FloatArray,
    clusters: IntArray,
    *,
    n_perm: int,
    rng: np.random.Generator,
) -> FloatArray:
    """Two-sided article-permutation p-values (one per frame) of the studentized rate difference."""
    n_frames = counts.shape[1]
    x = _moments(counts, tokens)
    total = x.sum(axis=0)
    n_a = int(in_a.sum())
    n_b = len(in_a) - n_a
    observed = np.abs(_welch_ratio_z(x[in_a].sum(axis=0, keepdims=True), total, n_a, n_b, n_frames)[0])
    exceed = np.zeros(n_frames, dtype=np.int64)
    for labels in _permuted_labels(in_a.astype(np.int64), clusters, n_perm, rng):
        z = _welch_ratio_z((labels == 1).astype(np.float64) @ x, total, n_a, n_b, n_frames)
        exceed += (np.abs(z) >= observed * (1 - _TIE)).sum(axis=0)
    return _permutation_p(observed, exceed, n_perm)


def _quasi_poisson_f(in_a: npt.NDArray[np.bool_], counts: FloatArray, tokens: FloatArray) -> FloatArray:
    """P-values (one per frame) of the quasi-Poisson F test of equal rates between groups a and b.

    The models are Poisson GLMs with a log link and a ``log(tokens)`` offset, without (rate R) and with
    (rates R_a, R_b) a group term. ``F = (D0 - D1) / phi`` with the deviance drop
    ``D0 - D1 = 2 (C_a log(R_a / R) + C_b log(R_b / R))`` and the dispersion ``phi`` = Pearson's X² of the
    larger model / (units - 2), on 1 and units - 2 degrees of freedom (McCullagh & Nelder 1989, §6.2;
    R's ``anova(glm(family = quasipoisson), test = "F")``)."""
    keep = tokens > 0
    in_a, counts, tokens = in_a[keep], counts[keep], tokens[keep]
    units = len(tokens)
    n_frames = counts.shape[1]
    if units <= 2:
        return np.full(n_frames, np.nan)
    ca, cb = counts[in_a].sum(axis=0), counts[~in_a].sum(axis=0)
    ta, tb = tokens[in_a].sum(), tokens[~in_a].sum()
    r, ra, rb = (ca + cb) / (ta + tb), ca / ta, cb / tb
    with np.errstate(divide="ignore", invalid="ignore"):
        drop = 2.0 * (np.where(ca > 0, ca * np.log(ra / r), 0.0) + np.where(cb > 0, cb * np.log(rb / r), 0.0))
        mu = np.where(in_a[:, None], ra, rb) * tokens[:, None]
        pearson = np.where(mu > 0, (counts - mu) ** 2 / mu, 0.0).sum(axis=0)
        f = np.maximum(drop, 0.0) / (pearson / (units - 2))
    f = np.where(np.isnan(f), 0.0, f)  # no deviance drop and a perfect fit
    p = importlib.import_module("scipy.stats").f.sf(f, 1, units - 2)
    return np.where((ca + cb) > 0, p, np.nan).astype(np.float64)


def pairwise(
    corpus: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] = S.OUTLET,
    correction: Correction = "holm",
    alpha: float = 0.05,
    method: TestMethod = "permutation",
    n_perm: int | None = None,
    seed: int = 0,
    cluster: str | None = None,
) -> pd.DataFrame:
    """Pairwise contrasts of frame rates between groups, one row per (frame, group_a, group_b):
    ``frame, group_a, group_b, rate_a, rate_b, rate_ratio, p_value, p_adjusted, significant, count_a,
    count_b, tokens_a, tokens_b, articles_a, articles_b, method, assumes``.

    ``method`` chooses the test of equal rates (all compared in ``benchmarks/bench_inference.py``):

    - ``"permutation"`` (default): the group labels of the two groups' ARTICLES are shuffled ``n_perm``
      times (whole clusters together: articles with the same value in the corpus column ``cluster``, such
      as a wire story's copies); the statistic is the rate difference over its standard error,
      ``(R_a - R_b) / sqrt(V_a + V_b)`` with the ratio estimator's variance (Cochran 1977, eq. 6.13);
      two-sided p-value ``(1 + k) / (1 + n_perm)`` (Phipson & Smyth 2010). Assumes that, if the groups did
      not differ, any article could as well have come from either; chosen as the default because it kept
      its size on simulated bursty coverage where the others did not. Seeded per pair (``seed`` and the
      two group names), so a pair's p-value does not change when other groups are added.
    - ``"quasi_poisson"``: the F test of a quasi-Poisson GLM with a ``log(tokens)`` offset (see
      :func:`_quasi_poisson_f`; tested against statsmodels). Assumes a variance proportional to the mean;
      with ``cluster``, the units are the clusters' parts in each group.
    - ``"hits"``: the exact conditional test of two Poisson rates (Przyborowski & Wilenski 1940,
      Biometrika 31:313–323): given ``count_a + count_b`` hits, ``count_a`` is binomial with
      ``p = tokens_a / (tokens_a + tokens_b)``; two-sided as ``scipy.stats.binomtest``. Assumes every
      hit is independent, which news coverage is not: it rejects true nulls far too often.

    ``p_adjusted`` corrects over ALL rows (every frame and pair) with Holm's step-down method (Holm 1979)
    by default; ``significant`` is ``p_adjusted < alpha``. A permutation p-value is never below
    ``1 / (1 + n_perm)``, so ``n_perm`` (None: at least 1,999, and enough for the smallest p-value to pass
    the correction over all the tests, ``2 * ceil(tests / alpha) - 1``) grows with the number of tests; a
    warning says when a given ``n_perm`` is too small for any row to pass the correction.
    ``rate_ratio = rate_a / rate_b`` (inf when only ``rate_b`` is 0, NaN when both are). A pair with no
    hit, or a group with no tokens, has NaN p-values, does not count in the correction and is not
    significant. Pairs follow the group order (``group_a`` before ``group_b``).

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"]})
    >>> corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "outlet": list("xxxxxyyyyy"),
    ...                        "text": ["الإرهاب والإرهابيين"] * 5 + ["لا شيء"] * 5})
    >>> table = pairwise(corpus, framing.score(corpus, lexicon), n_perm=999)
    >>> table[["group_a", "group_b", "rate_a", "rate_b", "significant"]].values.tolist()
    [['x', 'y', 1000.0, 0.0, True]]
    >>> table["p_value"].round(4).tolist()  # 2 of the 252 ways to split 10 articles are this extreme
    [0.008]
    >>> hits = pairwise(corpus, framing.score(corpus, lexicon), method="hits")
    >>> hits["p_value"].round(6).tolist()  # 2 * 0.5**10: all 10 hits in x, whose share of tokens is 1/2
    [0.001953]
    """
    _check_choice("correction", correction, CORRECTIONS)
    _check_choice("method", method, TEST_METHODS)
    _check_replicates("n_perm", 1 if n_perm is None else n_perm, seed)
    if not 0 < alpha < 1:
        raise ValueError(f"alpha is {alpha!r}; it must be between 0 and 1 (e.g. 0.05)")
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    _warn_languages(corpus, "rates")
    table = _Table(corpus, scores, by, PAIRWISE_COLUMNS, cluster)
    articles, tokens, hits = table.sums()
    _warn_small(by, table.order, articles)
    rates = _rates(hits, tokens[:, None])
    n_groups, n_frames = len(table.order), len(table.frames)
    pairs = [(a, b) for a in range(n_groups) for b in range(a + 1, n_groups)]
    testable = sum(int(((hits[a] + hits[b]) > 0).sum()) for a, b in pairs if tokens[a] > 0 and tokens[b] > 0)
    if n_perm is None:
        n_perm = max(1999, 2 * math.ceil(testable / alpha) - 1 if correction != "none" else 0)
    p = np.full((n_frames, len(pairs)), np.nan)
    for k, (a, b) in enumerate(pairs):
        if tokens[a] == 0 or tokens[b] == 0:
            continue
        if method == "hits":
            for f in range(n_frames):
                ca, cb = int(hits[a, f]), int(hits[b, f])
                if ca + cb > 0:
                    p[f, k] = _binomial_two_sided(ca, ca + cb, tokens[a] / (tokens[a] + tokens[b]))
            continue
        rows = np.flatnonzero((table.codes == a) | (table.codes == b))
        in_a = table.codes[rows] == a
        counts, tok = table.counts[rows].astype(np.float64), table.tokens[rows].astype(np.float64)
        if method == "permutation":
            rng = np.random.default_rng([seed, _stream(table.order[a], table.order[b])])
            p[:, k] = _pair_permutation(in_a, counts, tok, table.clusters[rows], n_perm=n_perm, rng=rng)
        else:
            key = table.clusters[rows] * 2 + in_a  # units: each cluster's part in each group
            c, t = _collapse(key, table.counts[rows], table.tokens[rows])
            unit_a = np.unique(key) % 2 == 1
            p[:, k] = _quasi_poisson_f(unit_a, c, t)
        p[(hits[a] + hits[b]) == 0, k] = np.nan
    records: list[tuple[Any, ...]] = []
    for f, frame in enumerate(table.frames):
        for k, (a, b) in enumerate(pairs):
            ra, rb = float(rates[a, f]), float(rates[b, f])
            ratio = ra / rb if rb > 0 else (math.inf if ra > 0 else math.nan)
            records.append(
                (
                    *(frame, table.order[a], table.order[b], ra, rb, ratio, p[f, k], np.nan, False),
                    *(int(hits[a, f]), int(hits[b, f]), int(tokens[a]), int(tokens[b])),
                    *(int(articles[a]), int(articles[b]), method, ASSUMES[method]),
                )
            )
    out = pd.DataFrame(records, columns=list(PAIRWISE_COLUMNS))
    out = out.astype({c: "float64" for c in ("rate_a", "rate_b", "rate_ratio", S.P_VALUE, S.P_ADJUSTED)})
    out[S.P_ADJUSTED] = adjust_pvalues(out[S.P_VALUE].to_numpy(), method=correction)
    out["significant"] = (out[S.P_ADJUSTED] < alpha).to_numpy(dtype=bool)
    tests = int(out[S.P_VALUE].notna().sum())
    if method == "permutation" and correction != "none" and tests and 1 / (1 + n_perm) * tests >= alpha:
        warnings.warn(
            f"n_perm={n_perm} is too small for {tests} tests: the smallest permutation p-value "
            f"{1 / (1 + n_perm):.2g} cannot pass the {correction} correction at alpha={alpha}; "
            f"use n_perm of at least {math.ceil(tests / alpha)}",
            UserWarning,
            stacklevel=2,
        )
    out.attrs["provenance"] = _provenance(
        scores,
        by=by,
        correction=correction,
        alpha=alpha,
        method=method,
        replicates=n_perm if method == "permutation" else 0,
        seed=seed,
        cluster=cluster,
        assumes=ASSUMES[method],
    )
    return out


# --------------------------------------------------------------------------------- label choice


def _first_seen(keys: Sequence[Any]) -> npt.NDArray[np.intp]:
    """Each key's position among the distinct keys, in first-seen order."""
    positions: dict[Any, int] = {}
    return np.array([positions.setdefault(k, len(positions)) for k in keys], dtype=np.intp)


def _one_hot(index: npt.NDArray[np.intp], n: int) -> FloatArray:
    """A ``len(index) x n`` matrix with a 1 in column ``index[i]`` of row ``i``."""
    out = np.zeros((len(index), n))
    out[np.arange(len(index)), index] = 1.0
    return out


def _outermost(hits: list[tuple[int, int, int, int]]) -> list[int]:
    """The entries of the hits not nested inside a longer hit of another referent.

    Referents are matched independently, so ``الجيش السوري الحر`` (the opposition's Free Syrian Army)
    also holds a hit of ``الجيش السوري`` (the state's army); a label is one name, so the longer wins.
    """
    return [
        entry
        for frame, entry, first, end in hits
        if not any(f != frame and a <= first and end <= b and b - a > end - first for f, _, a, b in hits)
    ]


def label_choice(
    corpus: pd.DataFrame,
    lexicon: Lexicon,
    *,
    by: str | Sequence[str] = S.OUTLET,
    ci: float = 0.95,
    cluster: str | None = None,
) -> pd.DataFrame:
    """Which label each group uses for each referent, one row per (referent, label, group), zeros included:
    ``referent, label, stance, by, count, share, share_low, share_high, stance_share, stance_low,
    stance_high, referent_hits, articles``.

    ``lexicon`` is an actor-label lexicon (such as ``actor_labels_2016``): each frame is a referent, each
    entry a label, its ``stance`` tag the stance the label takes (missing when it has none). ``count`` is the
    label's hits in the group (:func:`framing.find_matches`); ``referent_hits`` all label hits of that
    referent in the group (the denominator) and ``articles`` the group's articles that name the referent;
    ``share = count / referent_hits``; ``stance_share`` = the hits of labels with that stance /
    ``referent_hits`` (NaN for a label without a stance). NaN where the group never names the referent.
    A hit inside a longer hit of another referent is not counted (``الجيش السوري`` inside
    ``الجيش السوري الحر``). Inputs are not modified.

    The intervals are article-clustered: an article that names the regime eight times is one article,
    not eight independent choices. They are Wilson (1927) score intervals on the effective number of
    mentions (the design effect of the articles, or of the clusters of the corpus column ``cluster``,
    such as a wire story's copy group, whose copies then count once), with a t quantile on the number of
    articles (clusters) minus one (Korn & Graubard 1998; Dean & Pagano 2015). With one mention per
    article they are close to the plain Wilson interval; with bursty articles they widen.

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"syrian_government": [
    ...     {"pattern": "النظام السوري", "stance": "regime"}, {"pattern": "نظام الأسد", "stance": "regime"},
    ...     {"pattern": "الحكومة السورية", "stance": "state"}]})
    >>> corpus = pd.DataFrame({"doc_id": list("abcdef"), "outlet": ["x"] * 6,
    ...     "text": ["النظام السوري", "نظام الأسد", "الحكومة السورية", "النظام السوري", "لا", "لا"]})
    >>> table = label_choice(corpus, lexicon)
    >>> table[["label", "stance", "count", "share", "stance_share"]].values.tolist()
    [['النظام السوري', 'regime', 2, 0.5, 0.75], ['نظام الأسد', 'regime', 1, 0.25, 0.75], \
['الحكومة السورية', 'state', 1, 0.25, 0.25]]
    >>> table[["referent_hits", "articles"]].values.tolist()[0]
    [4, 4]
    """
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    columns = (*LABEL_COLUMNS, by, *LABEL_STATS)
    _check_ci(ci)
    _check_by(corpus, by, columns[:3] + LABEL_STATS, cluster)
    order, codes = _groups(corpus[by].reset_index(drop=True).rename(by))
    n_groups = len(order)
    _warn_small(by, order, np.bincount(codes[codes >= 0], minlength=n_groups).astype(np.int64))
    labels: dict[tuple[str, str], str | None] = {}  # (referent, label) -> stance, in lexicon order
    for frame in lexicon.frames:
        for entry in frame.entries:
            labels.setdefault((frame.id, entry.pattern), entry.tags.get(STANCE))
    keys = list(labels)
    compiled = matcher(lexicon)
    row_of = pd.Index(keys).get_indexer(pd.Index([(e.frame, e.pattern) for e in compiled.entries]))
    texts = S.texts(corpus)
    values = corpus[cluster].reset_index(drop=True) if cluster is not None else None
    clusters = _cluster_codes(values, S.doc_ids(corpus))
    hit_doc: list[int] = []
    hit_label: list[int] = []
    for d, text in enumerate(texts):
        if codes[d] >= 0 and text:
            for hit in _outermost(compiled.hits(text)[1]):  # the hits of find_matches, without offsets
                hit_doc.append(d)
                hit_label.append(int(row_of[hit]))
    docs, labels_hit = np.asarray(hit_doc, dtype=np.int64), np.asarray(hit_label, dtype=np.int64)

    ref = _first_seen([referent for referent, _ in keys])  # each label's referent
    st = _first_seen([(referent, labels[referent, label]) for referent, label in keys])  # and stance
    n_labels = len(keys)
    # units: each cluster's articles in each group (a cluster spread over groups counts in each)
    unit_keys, unit = np.unique(clusters[docs] * max(n_groups, 1) + codes[docs], return_inverse=True)
    unit_group = unit_keys % max(n_groups, 1)
    per_unit = np.zeros((len(unit_keys), n_labels))
    np.add.at(per_unit, (unit, labels_hit), 1.0)
    n_ref = int(ref.max()) + 1 if n_labels else 0
    ref_unit = per_unit @ _one_hot(ref, n_ref)  # units x referents
    stance_unit = per_unit @ _one_hot(st, int(st.max()) + 1 if n_labels else 0)  # units x (referent, stance)
    article_ref = np.unique(np.column_stack([docs, ref[labels_hit]]).reshape(-1, 2), axis=0)

    shape = (n_labels, n_groups)
    counts, total, stance_hits, named = (np.zeros(shape, dtype=np.int64) for _ in range(4))
    share_low, share_high, stance_low, stance_high = (np.full(shape, np.nan) for _ in range(4))
    for g in range(n_groups):
        rows = unit_group == g
        y, n = per_unit[rows], ref_unit[rows][:, ref]
        ys = stance_unit[rows][:, st]
        counts[:, g], total[:, g], stance_hits[:, g] = y.sum(axis=0), n.sum(axis=0), ys.sum(axis=0)
        share_low[:, g], share_high[:, g] = _clustered_wilson(y, n, ci=ci)
        stance_low[:, g], stance_high[:, g] = _clustered_wilson(ys, n, ci=ci)
        in_group = article_ref[codes[article_ref[:, 0]] == g, 1]
        named[:, g] = np.bincount(in_group, minlength=n_ref)[ref]

    stance_of = [labels[key] for key in keys]
    has_stance = np.broadcast_to(np.array([s is not None for s in stance_of])[:, None], shape)
    safe = np.where(total > 0, total, 1)
    share = np.where(total > 0, counts / safe, np.nan)
    stance_share = np.where(has_stance & (total > 0), stance_hits / safe, np.nan)
    stance_low, stance_high = (
        np.where(has_stance, stance_low, np.nan),
        np.where(has_stance, stance_high, np.nan),
    )

    out = pd.DataFrame(
        {
            S.REFERENT: np.repeat(np.array([k[0] for k in keys], dtype=object), n_groups),
            S.LABEL: np.repeat(np.array([k[1] for k in keys], dtype=object), n_groups),
            S.STANCE: np.repeat(np.array(stance_of, dtype=object), n_groups),
            by: np.tile(np.array(order, dtype=object), len(keys)),
            S.COUNT: counts.ravel(),
            S.SHARE: share.ravel().astype(np.float64),
            S.SHARE_LOW: share_low.ravel(),
            S.SHARE_HIGH: share_high.ravel(),
            S.STANCE_SHARE: stance_share.ravel().astype(np.float64),
            S.STANCE_LOW: stance_low.ravel(),
            S.STANCE_HIGH: stance_high.ravel(),
            S.REFERENT_HITS: total.ravel(),
            S.ARTICLES: named.ravel(),
        },
        columns=list(columns),
    )
    out.attrs["provenance"] = {
        **provenance(lexicon, compiled),
        "framing_version": framing_version(),
        "by": by,
        "ci": ci,
        "method": "wilson_clustered",
        "cluster": cluster,
        "unit": "cluster" if cluster else "article",
        "assumes": "articles (or clusters) independent; mentions inside an article may cluster",
    }
    return out


# ---------------------------------------------------------------------------- distinctive words


def _keep_word(form: str) -> bool:
    """A word form worth counting: two characters or more, with at least one letter (not a number)."""
    return len(form) > 1 and any(c.isalpha() for c in form)


def _g2(counts: FloatArray, n_i: FloatArray, y_w: FloatArray, n_total: float) -> FloatArray:
    """Dunning's G² of the 2 x 2 tables (word, other words) x (group, rest), elementwise."""
    rest, n_j = y_w - counts, n_total - n_i
    observed = (counts, n_i - counts, rest, n_j - rest)
    expected = _expected(n_i, y_w, n_total)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * sum(
            (
                np.where(o > 0, o * np.log(np.where(o > 0, o, 1.0) / np.where(e > 0, e, 1.0)), 0.0)
                for o, e in zip(observed, expected, strict=True)
            ),
            start=np.zeros(np.broadcast(counts, n_i, y_w).shape),
        )
    return np.asarray(np.maximum(g2, 0.0), dtype=np.float64)  # rounding can leave -1e-15


def _expected(n_i: FloatArray, y_w: FloatArray, n_total: float) -> tuple[FloatArray, ...]:
    n_j = n_total - n_i
    return (
        n_i * y_w / n_total,
        n_i * (n_total - y_w) / n_total,
        n_j * y_w / n_total,
        n_j * (n_total - y_w) / n_total,
    )


def _log_odds_z(
    counts: FloatArray, n_i: FloatArray, y_w: FloatArray, n_total: float, alpha_0: float
) -> tuple[FloatArray, FloatArray]:
    """Monroe et al.'s (2008) log-odds ratio with an informative Dirichlet prior, and its z-score."""
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha_w = alpha_0 * y_w / n_total
        rest = y_w - counts
        n_j = n_total - n_i
        delta = np.log((counts + alpha_w) / (n_i + alpha_0 - counts - alpha_w)) - np.log(
            (rest + alpha_w) / (n_j + alpha_0 - rest - alpha_w)
        )
        z = delta / np.sqrt(1.0 / (counts + alpha_w) + 1.0 / (rest + alpha_w))
    return delta, z


def _article_words(texts: Sequence[str], codes: IntArray) -> tuple[Any, list[str], IntArray]:
    """The sparse article x word count matrix (CSR), the vocabulary, and each article's word count.

    Built article by article from the distinct words of each (never a list of every token)."""
    sparse = importlib.import_module("scipy.sparse")
    vocabulary: dict[str, int] = {}
    rows: list[IntArray] = []
    cols: list[IntArray] = []
    values: list[IntArray] = []
    lengths = np.zeros(len(texts), dtype=np.int64)
    for d, text in enumerate(texts):
        if codes[d] >= 0 and text:
            ids = [vocabulary.setdefault(w, len(vocabulary)) for w in word_forms(text)]
            if ids:
                unique, count = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
                rows.append(np.full(len(unique), d, dtype=np.int64))
                cols.append(unique)
                values.append(count.astype(np.int64))
                lengths[d] = len(ids)

    def join(parts: list[IntArray]) -> IntArray:
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    matrix = sparse.csr_matrix(
        (join(values).astype(np.float64), (join(rows), join(cols))), shape=(len(texts), len(vocabulary))
    )
    return matrix, list(vocabulary), lengths


def distinctive_words(
    corpus: pd.DataFrame,
    *,
    by: str | Sequence[str] = S.OUTLET,
    prior: float = 0.01,
    min_count: int = 3,
    stopwords: bool = True,
    check_top: int = 10,
    n_perm: int = 999,
    monte_carlo: int = 0,
    seed: int = 0,
    cluster: str | None = None,
) -> pd.DataFrame:
    """The words that set each group apart from the rest of the corpus, one row per (group, word):
    ``by, word, count, count_rest, log_odds, z, g2, p_value, q_value, min_expected, p_monte_carlo,
    p_article, tokens, tokens_rest, articles``, sorted by group then ``z`` descending.

    Words are the normalized word forms of the text (:func:`framing.text.word_forms`), without Arabic
    stopwords (:func:`framing.text.stopwords`, when ``stopwords``), numbers and one-letter forms.
    ``count`` is the word's count in the group, ``count_rest`` in all other groups; ``tokens`` and
    ``tokens_rest`` the counted words of the group and of the rest, ``articles`` the group's articles.
    The counts come from a sparse article x word matrix built article by article.

    - ``log_odds``: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
      "Fightin' Words", *Political Analysis* 16(4):372–403)::

          delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w))
                  - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))

      with ``i`` the group, ``j`` the rest, ``y`` word counts, ``n`` total counts, and the prior
      ``a_w = a_0 * y_w / n`` proportional to the word's share of the whole corpus, ``a_0 = prior * V``
      (``V`` the vocabulary size);
    - ``z = delta_w / sqrt(1 / (y_wi + a_w) + 1 / (y_wj + a_w))``: the z-score of the paper's eq. 22,
      with its approximate variance of ``delta_w``;
    - ``g2``: Dunning's (1993, *Computational Linguistics* 19(1):61–74) log-likelihood ratio
      ``2 * sum(O * log(O / E))`` on the 2 x 2 table (word, other words) x (group, rest), with
      ``p_value`` from the chi-square distribution with 1 degree of freedom, and ``min_expected`` the
      table's smallest expected count: below 5 the p-value is approximate, and a warning says how many
      rows are so. ``monte_carlo`` > 0 adds ``p_monte_carlo``, the share of that many random tables with
      the same margins (hypergeometric; the words still taken as independent) whose G² reaches the
      observed one, ``(1 + k) / (1 + monte_carlo)``;
    - ``q_value``: Benjamini & Hochberg's (1995) false-discovery-rate q-value of ``p_value`` over all the
      rows returned — thousands of words are compared at once, so read ``q_value < 0.05``, not p;
    - ``p_article``: an article-level check of each group's ``check_top`` words of largest and of smallest
      ``z`` (the two sides of its chart): the
      group labels are shuffled ``n_perm`` times across whole articles (whole clusters with ``cluster``)
      and ``p_article = (1 + k) / (1 + n_perm)`` with ``k`` the shuffles whose statistic is at least as
      far out in the same direction; the statistic is the word's rate in the group minus its rate in the
      rest over the article-level standard error (as in :func:`pairwise`), so a word that one article
      repeats is one article's evidence: it has a large z and G² but a large
      ``p_article``. NaN for the rows not checked.

    Statistics use every word; only words seen at least ``min_count`` times in the corpus are returned
    (zero counts in a group included, so the most negative ``z`` shows what a group avoids).

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": list("abcdefghij"), "outlet": list("xxxxxyyyyy"),
    ...     "text": ["الإرهاب الإرهاب موسكو"] * 5 + ["الحصار موسكو"] * 5})
    >>> words = distinctive_words(corpus, check_top=1, n_perm=251)
    >>> words[["outlet", "word", "count", "count_rest"]].values.tolist()[:3]
    [['x', 'الارهاب', 10, 0], ['x', 'الحصار', 0, 5], ['x', 'موسكو', 5, 5]]
    >>> bool(words.loc[0, "p_article"] < 0.05)  # 1 of the 252 splits of 10 articles is this extreme
    True
    """
    if prior <= 0:
        raise ValueError(f"prior is {prior!r}; it must be greater than 0 (e.g. 0.01)")
    if min_count < 1:
        raise ValueError(f"min_count is {min_count!r}; it must be 1 or more")
    if check_top < 0 or monte_carlo < 0:
        raise ValueError(
            f"check_top is {check_top!r} and monte_carlo {monte_carlo!r}; both must be 0 or more"
        )
    _check_replicates("n_perm", n_perm, seed)
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    columns = (by, *WORD_COLUMNS)
    _check_by(corpus, by, WORD_COLUMNS, cluster)
    order, codes = _groups(corpus[by].reset_index(drop=True).rename(by))
    n_groups = len(order)
    articles = np.bincount(codes[codes >= 0], minlength=n_groups).astype(np.int64)
    _warn_small(by, order, articles)
    matrix, vocabulary, _ = _article_words(S.texts(corpus), codes)
    excluded = stopword_forms() if stopwords else frozenset()
    keep = np.array([_keep_word(w) and w not in excluded for w in vocabulary], dtype=bool)
    matrix = matrix[:, np.flatnonzero(keep)].tocsc()
    words = np.asarray(vocabulary, dtype=object)[keep]
    member = codes >= 0
    indicator = _one_hot(codes[member], n_groups).T  # groups x articles (of a group)
    counts = np.asarray((matrix[np.flatnonzero(member)].T @ indicator.T).T, dtype=np.float64)
    lengths = np.asarray(matrix.sum(axis=1)).ravel()  # counted words per article

    y_w = counts.sum(axis=0)  # the word's count in the corpus
    n_total = float(y_w.sum())
    n_i = counts.sum(axis=1, keepdims=True)
    alpha_0 = prior * len(words)
    delta, z = _log_odds_z(counts, n_i, y_w, n_total, alpha_0)
    rest = y_w - counts
    g2 = _g2(counts, n_i, y_w, n_total)
    p_value = np.asarray(_special().chdtrc(1, g2), dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        min_expected = np.minimum.reduce(np.broadcast_arrays(*_expected(n_i, y_w, n_total)))

    shown = y_w >= min_count
    rng = np.random.default_rng([seed, _stream("distinctive_words", by)])
    p_mc = np.full(counts.shape, np.nan)
    if monte_carlo and n_total > 0:
        for g in range(n_groups):
            good = y_w[shown].astype(np.int64)
            draws = rng.hypergeometric(
                np.broadcast_to(good, (monte_carlo, len(good))),
                np.broadcast_to(int(n_total) - good, (monte_carlo, len(good))),
                np.full((monte_carlo, len(good)), int(n_i[g, 0])),
            )
            simulated = _g2(draws.astype(np.float64), n_i[g], y_w[shown], n_total)
            exceed = (simulated >= g2[g, shown] * (1 - _TIE)).sum(axis=0)
            p_mc[g, shown] = _permutation_p(g2[g, shown], exceed, monte_carlo)

    p_article = np.full(counts.shape, np.nan)
    if check_top and n_total > 0 and n_groups > 1:
        p_article = _article_check(
            matrix,
            codes,
            lengths,
            z,
            delta,
            shown,
            corpus,
            cluster,
            n_i,
            y_w,
            n_total,
            alpha_0,
            check_top=check_top,
            n_perm=n_perm,
            rng=rng,
        )

    n_words = int(shown.sum())
    out = pd.DataFrame(
        {
            by: np.repeat(np.array(order, dtype=object), n_words),
            S.WORD: np.tile(words[shown], n_groups),
            S.COUNT: counts[:, shown].ravel().astype(np.int64),
            "count_rest": rest[:, shown].ravel().astype(np.int64),
            "log_odds": delta[:, shown].ravel(),
            S.Z: z[:, shown].ravel(),
            "g2": g2[:, shown].ravel(),
            S.P_VALUE: p_value[:, shown].ravel(),
            S.Q_VALUE: np.nan,
            S.MIN_EXPECTED: min_expected[:, shown].ravel(),
            S.P_MONTE_CARLO: p_mc[:, shown].ravel(),
            "p_article": p_article[:, shown].ravel(),
            S.TOKENS: np.repeat(n_i[:, 0].astype(np.int64), n_words),
            "tokens_rest": np.repeat((n_total - n_i[:, 0]).astype(np.int64), n_words),
            S.ARTICLES: np.repeat(articles, n_words),
        },
        columns=list(columns),
    )
    out[S.Q_VALUE] = adjust_pvalues(out[S.P_VALUE].to_numpy(), method="bh")
    small = int((out[S.MIN_EXPECTED] < 5).sum())
    if small:
        warnings.warn(
            f"{small} of {len(out)} rows have an expected count below 5: their G² p-values are approximate"
            + ("" if monte_carlo else "; monte_carlo=999 adds a Monte-Carlo p-value (p_monte_carlo)"),
            UserWarning,
            stacklevel=2,
        )
    group_rank = np.repeat(np.arange(n_groups), n_words)
    sort = np.lexsort(
        (out[S.WORD].to_numpy(dtype=str), np.nan_to_num(-out[S.Z].to_numpy(), nan=np.inf), group_rank)
    )
    out = out.iloc[sort].reset_index(drop=True)
    out.attrs["provenance"] = _provenance(
        None,
        normalization=Normalization().to_dict(),
        by=by,
        prior=prior,
        alpha_0=alpha_0,
        min_count=min_count,
        stopwords=stopwords,
        method="log_odds_dirichlet+g2",
        correction="bh",
        check_top=check_top,
        replicates=n_perm,
        monte_carlo=monte_carlo,
        seed=seed,
        cluster=cluster,
        assumes="p_value, q_value and p_monte_carlo take every word as independent; p_article takes "
        "articles (clusters) as the unit",
    )
    return out


def _article_check(
    matrix: Any,
    codes: IntArray,
    lengths: FloatArray,
    z: FloatArray,
    delta: FloatArray,
    shown: npt.NDArray[np.bool_],
    corpus: pd.DataFrame,
    cluster: str | None,
    n_i: FloatArray,
    y_w: FloatArray,
    n_total: float,
    alpha_0: float,
    *,
    check_top: int,
    n_perm: int,
    rng: np.random.Generator,
) -> FloatArray:
    """``p_article`` of :func:`distinctive_words`: each group's ``check_top`` words of largest and of
    smallest z, group labels permuted across articles (clusters)."""
    n_groups = z.shape[0]
    out = np.full(z.shape, np.nan)
    candidates = np.flatnonzero(shown)
    top = []
    for g in range(n_groups):
        ranked = candidates[np.argsort(-np.nan_to_num(z[g, candidates]), kind="stable")]
        top.append(np.unique(np.concatenate([ranked[:check_top], ranked[::-1][:check_top]])))
    columns = np.unique(np.concatenate(top))
    member = np.flatnonzero(codes >= 0)
    sub = np.asarray(matrix[member][:, columns].todense(), dtype=np.float64)  # articles x checked words
    length = lengths[member]
    values = corpus[cluster].reset_index(drop=True).iloc[member] if cluster is not None else None
    clusters = _cluster_codes(values, [str(d) for d in corpus[S.DOC_ID].iloc[member].tolist()])
    where = [np.searchsorted(columns, t) for t in top]
    labels = codes[member]
    moments = [_moments(sub[:, where[g]], length) for g in range(n_groups)]
    sizes = np.bincount(labels, minlength=n_groups)
    observed = [
        _welch_ratio_z(
            moments[g][labels == g].sum(axis=0, keepdims=True),
            moments[g].sum(axis=0),
            int(sizes[g]),
            len(labels) - int(sizes[g]),
            len(top[g]),
        )[0]
        for g in range(n_groups)
    ]
    exceed = [np.zeros(len(t), dtype=np.int64) for t in top]
    signs = [np.sign(o) for o in observed]
    limits = [np.where(np.isinf(o), np.abs(o), np.abs(o) * (1 - _TIE)) for o in observed]  # |z| to reach
    for permuted in _permuted_labels(labels, clusters, n_perm, rng):
        for g in range(n_groups):
            x = moments[g]
            shuffled = _welch_ratio_z(
                (permuted == g).astype(np.float64) @ x,
                x.sum(axis=0),
                int(sizes[g]),
                len(labels) - int(sizes[g]),
                len(top[g]),
            )
            exceed[g] += (signs[g] * shuffled >= limits[g]).sum(axis=0)
    for g in range(n_groups):
        out[g, top[g]] = _permutation_p(observed[g], exceed[g], n_perm)
    return out
