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
from collections.abc import Sequence
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
STANCE = "stance"  # the entry tag read by label_choice

RATE_COLUMNS = (
    "frame",
    "articles",
    "tokens",
    "count",
    "rate",
    "rate_low",
    "rate_high",
    "share",
    "share_low",
    "share_high",
)  # after the `by` column
INDEPENDENCE_COLUMNS = ("chi2", "dof", "p_value", "cramers_v", "n", "min_expected")
PAIRWISE_COLUMNS = (
    "frame",
    "group_a",
    "group_b",
    "rate_a",
    "rate_b",
    "rate_ratio",
    "p_value",
    "p_adjusted",
    "significant",
)
LABEL_COLUMNS = ("referent", "label", STANCE)  # then `by`, then LABEL_STATS
LABEL_STATS = ("count", "share", "share_low", "share_high", "stance_share", "stance_low", "stance_high")
WORD_COLUMNS = ("word", "count", "count_rest", "log_odds", "z", "g2", "p_value")  # after the `by` column

Correction = Literal["holm", "bonferroni", "none"]
CORRECTIONS: tuple[str, ...] = ("holm", "bonferroni", "none")
_SCORE_COLUMNS = (S.DOC_ID, "frame", "count", "tokens")
_BOOT_CELLS = 1_000_000  # resampled indices held in memory at once (per bootstrap chunk)

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
    Journal of Statistics 6:65–70), Bonferroni, or none. NaN p-values stay NaN and do not count in the
    family size.

    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005]).tolist()
    [0.03, 0.06, 0.06, 0.02]
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
    stepped = np.maximum.accumulate(values[order] * (m - np.arange(m)))
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(1.0, stepped)
    out[valid] = adjusted
    return out


def _check_ci(ci: float) -> None:
    if not 0 < ci < 1:
        raise ValueError(f"ci is {ci!r}; it must be between 0 and 1 (e.g. 0.95)")


def _check_by(corpus: pd.DataFrame, by: str, reserved: Sequence[str]) -> None:
    for column in (S.DOC_ID, by):
        if column not in corpus.columns:
            raise ValueError(
                f"corpus lacks the {column!r} column; it has {list(map(str, corpus.columns))}"
                + (" (choose the grouping column with by=...)" if column == by else "")
            )
    if by in reserved:
        raise ValueError(f"by is {by!r}, a name of an output column; rename that corpus column first")


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


def _provenance(source: pd.DataFrame | None, **settings: Any) -> dict[str, Any]:
    base = dict(source.attrs.get("provenance", {})) if source is not None else {}
    return {"framing_version": framing_version(), **base, **settings}


class _Table:
    """Scores joined to the corpus groups: one row per article, one column per frame."""

    def __init__(self, corpus: pd.DataFrame, scores: pd.DataFrame, by: str, reserved: Sequence[str]) -> None:
        _check_by(corpus, by, reserved)
        missing = [c for c in _SCORE_COLUMNS if c not in scores.columns]
        if missing:
            raise ValueError(
                f"scores lack column(s) {missing}; it has {list(map(str, scores.columns))} "
                "(pass the result of framing.score)"
            )
        doc_ids = scores[S.DOC_ID].astype(str)
        docs = pd.Index(pd.unique(doc_ids))
        frames = pd.Index(pd.unique(scores["frame"]))
        d = docs.get_indexer(pd.Index(doc_ids))
        f = frames.get_indexer(pd.Index(scores["frame"]))
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
        counts[d, f] = scores["count"].to_numpy(dtype=np.int64)
        tokens = np.zeros(len(docs), dtype=np.int64)
        tokens[d] = scores["tokens"].to_numpy(dtype=np.int64)
        keep = codes >= 0
        self.codes, self.counts, self.tokens = codes[keep], counts[keep], tokens[keep]

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


def _rates(count: npt.ArrayLike, tokens: npt.ArrayLike) -> FloatArray:
    """1000 * count / tokens, 0 where there are no tokens."""
    c = np.asarray(count, dtype=np.float64)
    t = np.broadcast_to(np.asarray(tokens, dtype=np.float64), c.shape)
    return np.divide(1000.0 * c, t, out=np.zeros(c.shape), where=t > 0)


# --------------------------------------------------------------------------------- frame rates


def _bootstrap(
    counts: IntArray, tokens: IntArray, *, n_boot: int, ci: float, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray]:
    """Percentile bootstrap interval of 1000 * sum(counts) / sum(tokens), resampling rows (articles).

    Index matrices of ``chunk x n`` articles are drawn at once (no loop per replicate); the chunk size
    depends only on ``n``, so a seed gives the same intervals whatever the number of frames.
    """
    n, n_frames = counts.shape
    columns = np.column_stack([tokens, counts]).astype(np.float64)  # n x (1 + frames)
    chunk = max(1, _BOOT_CELLS // max(n, 1))
    sums = np.empty((n_boot, 1 + n_frames))
    for start in range(0, n_boot, chunk):
        rows = min(chunk, n_boot - start)
        index = rng.integers(0, n, size=(rows, n))
        for j in range(columns.shape[1]):
            sums[start : start + rows, j] = columns[index, j].sum(axis=1)
    valid = sums[:, 0] > 0  # a replicate that drew only empty articles has no rate
    if not valid.any():
        nan = np.full(n_frames, np.nan)
        return nan, nan.copy()
    boot = 1000.0 * sums[valid, 1:] / sums[valid, :1]
    alpha = 1.0 - ci
    low, high = np.quantile(boot, [alpha / 2, 1 - alpha / 2], axis=0)
    return np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)


def _poisson_interval(count: IntArray, tokens: int, ci: float) -> tuple[FloatArray, FloatArray]:
    """Exact (Garwood 1936, Biometrika 28:437–442) Poisson interval of the rate per 1,000 tokens."""
    chdtri = _special().chdtri  # inverse of the chi-square survival function
    alpha = 1.0 - ci
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
) -> pd.DataFrame:
    """Per group and frame: the rate per 1,000 tokens with a bootstrap interval, and the share of articles
    that use the frame with a Wilson interval.

    Columns: ``by, frame, articles, tokens, count, rate, rate_low, rate_high, share, share_low,
    share_high``. ``rate = 1000 * sum(count) / sum(tokens)`` over the group's articles; its interval is
    the percentile bootstrap (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*, ch. 13) of
    ``n_boot`` resamples of the group's ARTICLES with replacement, so the dependence of hits within an
    article is kept. The resamples come from ``numpy.random.default_rng([seed, crc32(group)])``: reruns
    agree, and a group's interval does not change when other groups are added or left out.
    ``share = articles with count > 0 / articles``, with the Wilson (1927) score interval.

    The rate interval is never narrower than the exact Poisson interval of the group's hits over its
    tokens (Garwood 1936, Biometrika 28:437–442) and always holds the estimate: where the bootstrap
    collapses — a group of one or two articles, a frame with no or few hits — it is widened to cover
    both. A group with fewer than :data:`MIN_ARTICLES` articles is named in a :class:`SmallGroupWarning`.
    A group with no tokens has rate 0 and a NaN rate interval.

    Inputs are not modified. ``scores`` is the result of :func:`framing.score`; the groups come from the
    corpus column ``by`` (or columns: ``by=["outlet", "language"]`` groups by both), joined on ``doc_id``.
    Across languages compare ``share``, not ``rate``: token counts differ by language (Arabic attaches
    clitics that English and Russian write as words).

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"]})
    >>> corpus = pd.DataFrame({"doc_id": list("abcdef"), "outlet": ["x"] * 6,
    ...                        "text": ["الإرهاب في سوريا", "لا شيء", "محاربة الإرهاب"] * 2})
    >>> rates = frame_rates(corpus, framing.score(corpus, lexicon), n_boot=500)
    >>> rates[["articles", "tokens", "count"]].values.tolist(), rates["rate"].round(1).tolist()
    ([[6, 14, 4]], [285.7])
    >>> rates["share"].tolist(), bool((rates["rate_low"] <= rates["rate"]).all())
    ([0.6666666666666666], True)
    """
    columns = (by, *RATE_COLUMNS)
    if n_boot < 1:
        raise ValueError(f"n_boot is {n_boot!r}; it must be 1 or more resamples")
    _check_ci(ci)
    if seed < 0:
        raise ValueError(f"seed is {seed!r}; it must be a non-negative integer")
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    table = _Table(corpus, scores, by, RATE_COLUMNS)
    articles, tokens, hits = table.sums()
    _warn_small(by, table.order, articles)
    n_frames = len(table.frames)
    blocks: list[pd.DataFrame] = []
    for g, group in enumerate(table.order):
        rows = table.members(g)
        counts = table.counts[rows]
        rate = _rates(hits[g], tokens[g])
        if tokens[g] > 0:
            rng = np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])
            low, high = _bootstrap(counts, table.tokens[rows], n_boot=n_boot, ci=ci, rng=rng)
            p_low, p_high = _poisson_interval(hits[g], int(tokens[g]), ci)
            low, high = np.fmin(np.fmin(low, p_low), rate), np.fmax(np.fmax(high, p_high), rate)
        else:
            low = high = np.full(n_frames, np.nan)
        used = (counts > 0).sum(axis=0)
        share = used / articles[g]
        share_low, share_high = wilson_interval(used, articles[g], ci=ci)
        blocks.append(
            pd.DataFrame(
                {
                    by: [group] * n_frames,
                    "frame": table.frames,
                    "articles": np.full(n_frames, articles[g], dtype=np.int64),
                    "tokens": np.full(n_frames, tokens[g], dtype=np.int64),
                    "count": hits[g],
                    "rate": rate,
                    "rate_low": low,
                    "rate_high": high,
                    "share": share.astype(np.float64),
                    "share_low": share_low,
                    "share_high": share_high,
                }
            )
        )
    out = pd.concat(blocks, ignore_index=True) if blocks else pd.DataFrame(columns=list(columns))
    out.attrs["provenance"] = _provenance(scores, by=by, n_boot=n_boot, ci=ci, seed=seed)
    return out


# ------------------------------------------------------------------------------------- tests


def independence(
    corpus: pd.DataFrame, scores: pd.DataFrame, *, by: str | Sequence[str] = S.OUTLET
) -> pd.DataFrame:
    """Pearson's chi-square test of independence of group and frame on the table of hit counts, with
    Cramér's V; one row: ``chi2, dof, p_value, cramers_v, n, min_expected``.

    ``chi2 = sum((observed - expected)**2 / expected)`` with ``expected = row total * column total / n``
    and no continuity correction (Pearson 1900; as ``scipy.stats.chi2_contingency(table,
    correction=False)``); ``dof = (r - 1)(c - 1)``; ``p_value`` from the chi-square distribution;
    ``cramers_v = sqrt(chi2 / (n * (min(r, c) - 1)))`` (Cramér 1946, *Mathematical Methods of Statistics*,
    p. 282). ``n`` is the number of hits; ``min_expected`` the smallest expected count (the approximation
    is doubtful below 5 — Cochran 1954). Groups and frames without any hit are left out, with a warning.
    Hits are treated as independent, which they are not quite (they cluster in articles): read the
    p-value as a description, and use :func:`frame_rates` intervals for uncertainty.

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"], "talks": ["محادثات"]})
    >>> corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "outlet": list("xxxxxyyyyy"),
    ...                        "text": ["الإرهاب والإرهابيين"] * 5 + ["المحادثات"] * 4 + ["الإرهاب"]})
    >>> test = independence(corpus, framing.score(corpus, lexicon))
    >>> round(float(test.loc[0, "chi2"]), 4), int(test.loc[0, "dof"]), int(test.loc[0, "n"])
    (10.9091, 1, 15)
    """
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    _warn_languages(corpus, "hit counts")
    table = _Table(corpus, scores, by, INDEPENDENCE_COLUMNS)
    articles, _, hits = table.sums()
    _warn_small(by, table.order, articles)
    rows, cols = hits.sum(axis=1) > 0, hits.sum(axis=0) > 0
    dropped = [f"{by} {g!r}" for g, keep in zip(table.order, rows, strict=True) if not keep]
    dropped += [f"frame {f!r}" for f, keep in zip(table.frames, cols, strict=True) if not keep]
    if dropped:
        warnings.warn(f"left out of the test (no hits): {', '.join(dropped)}", UserWarning, stacklevel=2)
    observed = hits[np.ix_(rows, cols)].astype(np.float64)
    n = observed.sum()
    r, c = observed.shape
    if r < 2 or c < 2:
        warnings.warn(
            f"the test needs at least 2 {by} groups and 2 frames with hits; found {r} and {c}",
            UserWarning,
            stacklevel=2,
        )
        values: list[float] = [np.nan, np.nan, np.nan, np.nan, float(n), np.nan]
    else:
        expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
        chi2 = float(((observed - expected) ** 2 / expected).sum())
        dof = (r - 1) * (c - 1)
        p_value = float(_special().chdtrc(dof, chi2))
        cramers_v = math.sqrt(chi2 / (n * (min(r, c) - 1)))
        values = [chi2, float(dof), p_value, cramers_v, float(n), float(expected.min())]
    out = pd.DataFrame([values], columns=list(INDEPENDENCE_COLUMNS)).astype({"dof": "Int64", "n": "int64"})
    out.attrs["provenance"] = _provenance(scores, by=by)
    return out


def _binomial_two_sided(k: int, n: int, p: float) -> float:
    """Two-sided exact binomial p-value: the probability of every outcome no more likely than ``k``
    (the minimum-likelihood two-sided rule of ``scipy.stats.binomtest`` and R's ``binom.test``; relative
    tolerance 1e-7 for ties)."""
    pmf = _binom().pmf(np.arange(n + 1), n, p)
    d = pmf[k]
    return float(min(1.0, pmf[pmf <= d * (1 + 1e-7)].sum()))


def pairwise(
    corpus: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] = S.OUTLET,
    correction: Correction = "holm",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Pairwise contrasts of frame rates between groups, one row per (frame, group_a, group_b):
    ``frame, group_a, group_b, rate_a, rate_b, rate_ratio, p_value, p_adjusted, significant``.

    The test is the exact conditional test of two Poisson rates (Przyborowski & Wilenski 1940,
    Biometrika 31:313–323): given ``count_a + count_b`` hits, ``count_a`` is binomial with
    ``p = tokens_a / (tokens_a + tokens_b)`` under equal rates; two-sided p-value as
    ``scipy.stats.binomtest``. ``p_adjusted`` corrects over ALL rows (every frame and pair) with Holm's
    step-down method (Holm 1979) by default; ``significant`` is ``p_adjusted < alpha``.
    ``rate_ratio = rate_a / rate_b`` (inf when only ``rate_b`` is 0, NaN when both are). A pair with no
    hit, or a group with no tokens, has NaN p-values, does not count in the correction and is not
    significant. Pairs follow the group order (``group_a`` before ``group_b``). Hits are treated as
    independent (see :func:`independence`).

    >>> import pandas as pd, framing
    >>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"]})
    >>> corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "outlet": list("xxxxxyyyyy"),
    ...                        "text": ["الإرهاب والإرهابيين"] * 5 + ["لا شيء"] * 5})
    >>> table = pairwise(corpus, framing.score(corpus, lexicon))
    >>> table[["group_a", "group_b", "rate_a", "rate_b", "significant"]].values.tolist()
    [['x', 'y', 1000.0, 0.0, True]]
    >>> table["p_value"].round(6).tolist()  # 2 * 0.5**10: all 10 hits in x, whose share of tokens is 1/2
    [0.001953]
    """
    if correction not in CORRECTIONS:
        raise ValueError(f"correction is {correction!r}; valid choices are {list(CORRECTIONS)}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha is {alpha!r}; it must be between 0 and 1 (e.g. 0.05)")
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    _warn_languages(corpus, "rates")
    table = _Table(corpus, scores, by, PAIRWISE_COLUMNS)
    articles, tokens, hits = table.sums()
    _warn_small(by, table.order, articles)
    rates = _rates(hits, tokens[:, None])
    records: list[tuple[Any, ...]] = []
    for f, frame in enumerate(table.frames):
        for a in range(len(table.order)):
            for b in range(a + 1, len(table.order)):
                ca, cb, ta, tb = int(hits[a, f]), int(hits[b, f]), int(tokens[a]), int(tokens[b])
                ra, rb = float(rates[a, f]), float(rates[b, f])
                ratio = ra / rb if rb > 0 else (math.inf if ra > 0 else math.nan)
                testable = ca + cb > 0 and ta > 0 and tb > 0
                p = _binomial_two_sided(ca, ca + cb, ta / (ta + tb)) if testable else math.nan
                records.append((frame, table.order[a], table.order[b], ra, rb, ratio, p))
    out = pd.DataFrame(records, columns=list(PAIRWISE_COLUMNS[:-2]))
    out = out.astype({c: "float64" for c in ("rate_a", "rate_b", "rate_ratio", "p_value")})
    out["p_adjusted"] = adjust_pvalues(out["p_value"].to_numpy(), method=correction)
    out["significant"] = (out["p_adjusted"] < alpha).to_numpy(dtype=bool)
    out.attrs["provenance"] = _provenance(scores, by=by, correction=correction, alpha=alpha)
    return out


# --------------------------------------------------------------------------------- label choice


def _first_seen(keys: Sequence[Any]) -> npt.NDArray[np.intp]:
    """Each key's position among the distinct keys, in first-seen order."""
    positions: dict[Any, int] = {}
    return np.array([positions.setdefault(k, len(positions)) for k in keys], dtype=np.intp)


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
    corpus: pd.DataFrame, lexicon: Lexicon, *, by: str | Sequence[str] = S.OUTLET, ci: float = 0.95
) -> pd.DataFrame:
    """Which label each group uses for each referent, one row per (referent, label, group), zeros included:
    ``referent, label, stance, by, count, share, share_low, share_high, stance_share, stance_low,
    stance_high``.

    ``lexicon`` is an actor-label lexicon (such as ``actor_labels_2016``): each frame is a referent, each
    entry a label, its ``stance`` tag the stance the label takes (missing when it has none). ``count`` is the
    label's hits in the group (:func:`framing.find_matches`); ``share = count / all label hits of that
    referent in the group``; ``stance_share`` = the hits of labels with that stance / all hits of the
    referent in the group (NaN for a label without a stance). Both with Wilson (1927) score
    intervals; NaN where the group never names the referent. A hit inside a longer hit of another
    referent is not counted (``الجيش السوري`` inside ``الجيش السوري الحر``). Inputs are not modified.

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
    """
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    columns = (*LABEL_COLUMNS, by, *LABEL_STATS)
    _check_ci(ci)
    _check_by(corpus, by, columns[:3] + LABEL_STATS)
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
    counts = np.zeros((len(keys), n_groups), dtype=np.int64)  # labels x groups
    for d, text in enumerate(texts):
        if codes[d] >= 0 and text:
            for hit in _outermost(compiled.hits(text)[1]):  # the hits of find_matches, without offsets
                counts[row_of[hit], codes[d]] += 1

    ref = _first_seen([referent for referent, _ in keys])  # each label's referent
    st = _first_seen([(referent, labels[referent, label]) for referent, label in keys])  # and stance
    ref_total = np.zeros((len(labels), n_groups), dtype=np.int64)
    np.add.at(ref_total, ref, counts)
    stance_total = np.zeros((len(labels), n_groups), dtype=np.int64)
    np.add.at(stance_total, st, counts)

    total = ref_total[ref]  # labels x groups
    stance_hits = stance_total[st]
    stance_of = [labels[key] for key in keys]
    has_stance = np.broadcast_to(np.array([s is not None for s in stance_of])[:, None], counts.shape)
    safe = np.where(total > 0, total, 1)
    share = np.where(total > 0, counts / safe, np.nan)
    share_low, share_high = wilson_interval(counts, total, ci=ci)
    stance_share = np.where(has_stance & (total > 0), stance_hits / safe, np.nan)
    stance_low, stance_high = wilson_interval(stance_hits, total, ci=ci)
    stance_low, stance_high = (
        np.where(has_stance, stance_low, np.nan),
        np.where(has_stance, stance_high, np.nan),
    )

    out = pd.DataFrame(
        {
            "referent": np.repeat(np.array([k[0] for k in keys], dtype=object), n_groups),
            "label": np.repeat(np.array([k[1] for k in keys], dtype=object), n_groups),
            STANCE: np.repeat(np.array(stance_of, dtype=object), n_groups),
            by: np.tile(np.array(order, dtype=object), len(keys)),
            "count": counts.ravel(),
            "share": share.ravel().astype(np.float64),
            "share_low": share_low.ravel(),
            "share_high": share_high.ravel(),
            "stance_share": stance_share.ravel().astype(np.float64),
            "stance_low": stance_low.ravel(),
            "stance_high": stance_high.ravel(),
        },
        columns=list(columns),
    )
    out.attrs["provenance"] = {**provenance(lexicon, compiled), "by": by, "ci": ci}
    return out


# ---------------------------------------------------------------------------- distinctive words


def _keep_word(form: str) -> bool:
    """A word form worth counting: two characters or more, with at least one letter (not a number)."""
    return len(form) > 1 and any(c.isalpha() for c in form)


def distinctive_words(
    corpus: pd.DataFrame,
    *,
    by: str | Sequence[str] = S.OUTLET,
    prior: float = 0.01,
    min_count: int = 3,
    stopwords: bool = True,
) -> pd.DataFrame:
    """The words that set each group apart from the rest of the corpus, one row per (group, word):
    ``by, word, count, count_rest, log_odds, z, g2, p_value``, sorted by group then ``z`` descending.

    Words are the normalized word forms of the text (:func:`framing.text.word_forms`), without Arabic
    stopwords (:func:`framing.text.stopwords`, when ``stopwords``), numbers and one-letter forms.
    ``count`` is the word's count in the group, ``count_rest`` in all other groups.

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
      ``p_value`` from the chi-square distribution with 1 degree of freedom.

    Statistics use every word; only words seen at least ``min_count`` times in the corpus are returned
    (zero counts in a group included, so the most negative ``z`` shows what a group avoids).

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": list("abcdefghij"), "outlet": list("xxxxxyyyyy"),
    ...     "text": ["الإرهاب الإرهاب موسكو"] * 5 + ["الحصار موسكو"] * 5})
    >>> words = distinctive_words(corpus)
    >>> words[["outlet", "word", "count", "count_rest"]].values.tolist()[:3]
    [['x', 'الارهاب', 10, 0], ['x', 'الحصار', 0, 5], ['x', 'موسكو', 5, 5]]
    """
    if prior <= 0:
        raise ValueError(f"prior is {prior!r}; it must be greater than 0 (e.g. 0.01)")
    if min_count < 1:
        raise ValueError(f"min_count is {min_count!r}; it must be 1 or more")
    corpus, by = S.group_by(corpus, by)  # by=["outlet", "language"]: one joined column (issue 15)
    columns = (by, *WORD_COLUMNS)
    _check_by(corpus, by, WORD_COLUMNS)
    order, codes = _groups(corpus[by].reset_index(drop=True).rename(by))
    n_groups = len(order)
    _warn_small(by, order, np.bincount(codes[codes >= 0], minlength=n_groups).astype(np.int64))
    texts = S.texts(corpus)
    forms: list[str] = []
    lengths = np.zeros(len(texts), dtype=np.int64)
    for d, text in enumerate(texts):
        if codes[d] >= 0 and text:
            words = word_forms(text)
            forms.extend(words)
            lengths[d] = len(words)
    word_codes, vocabulary = pd.factorize(pd.Series(forms, dtype=object))
    excluded = stopword_forms() if stopwords else frozenset()
    keep = np.array([_keep_word(w) and w not in excluded for w in vocabulary], dtype=bool)
    doc_group = np.repeat(codes, lengths)
    v = len(vocabulary)
    counts = np.bincount(doc_group * v + word_codes, minlength=n_groups * v).reshape(n_groups, v)
    counts = counts[:, keep].astype(np.float64)
    words = np.asarray(vocabulary, dtype=object)[keep]

    y_w = counts.sum(axis=0)  # the word's count in the corpus
    n_total = y_w.sum()
    n_i = counts.sum(axis=1, keepdims=True)
    alpha_0 = prior * len(words)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha_w = alpha_0 * y_w / n_total
        rest = y_w - counts
        n_j = n_total - n_i
        delta = np.log((counts + alpha_w) / (n_i + alpha_0 - counts - alpha_w)) - np.log(
            (rest + alpha_w) / (n_j + alpha_0 - rest - alpha_w)
        )
        z = delta / np.sqrt(1.0 / (counts + alpha_w) + 1.0 / (rest + alpha_w))
        observed = (counts, n_i - counts, rest, n_j - rest)
        expected = (
            n_i * y_w / n_total,
            n_i * (n_total - y_w) / n_total,
            n_j * y_w / n_total,
            n_j * (n_total - y_w) / n_total,
        )
        g2 = 2.0 * sum(
            (
                np.where(o > 0, o * np.log(np.where(o > 0, o, 1.0) / np.where(e > 0, e, 1.0)), 0.0)
                for o, e in zip(observed, expected, strict=True)
            ),
            start=np.zeros_like(counts),
        )
    g2 = np.maximum(g2, 0.0)  # rounding can leave -1e-15
    p_value = _special().chdtrc(1, g2)

    shown = y_w >= min_count
    n_words = int(shown.sum())
    out = pd.DataFrame(
        {
            by: np.repeat(np.array(order, dtype=object), n_words),
            "word": np.tile(words[shown], n_groups),
            "count": counts[:, shown].ravel().astype(np.int64),
            "count_rest": rest[:, shown].ravel().astype(np.int64),
            "log_odds": delta[:, shown].ravel(),
            "z": z[:, shown].ravel(),
            "g2": g2[:, shown].ravel(),
            "p_value": np.asarray(p_value, dtype=np.float64)[:, shown].ravel(),
        },
        columns=list(columns),
    )
    group_rank = np.repeat(np.arange(n_groups), n_words)
    sort = np.lexsort(
        (out["word"].to_numpy(dtype=str), np.nan_to_num(-out["z"].to_numpy(), nan=np.inf), group_rank)
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
    )
    return out
