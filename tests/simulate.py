"""Simulated coverage for calibrating framing.compare (used by tests/test_calibration.py and
benchmarks/bench_inference.py).

Each article has a length (tokens) and, for every frame, a hit count drawn as
``Poisson(tokens / 1000 * rate * effect)`` with a gamma article effect of mean 1 and the given ``shape``
(a gamma-Poisson, i.e. negative-binomial, count): shape 2 is about the dispersion of the demo corpus,
shape 0.3 is bursty coverage where one article names an actor eight times and the next not at all.
The tables are built directly (no text), in the form of ``framing.score`` output.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

RATES = (10.0, 6.0, 4.0)  # per 1,000 tokens, one per frame
MEAN_TOKENS = 400


def coverage(
    rng: np.random.Generator,
    *,
    articles: Sequence[int],
    shape: float,
    rates: Sequence[float] = RATES,
    ratio: Sequence[float] | None = None,
    copies: int = 1,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A corpus (``doc_id, outlet, copy_group``) and its scores (``doc_id, frame, count, tokens, rate``).

    ``articles[g]`` articles for outlet ``g`` (named ``o0``, ``o1``, …); outlet ``g``'s rates are
    ``rates * ratio[g]`` (all equal when ``ratio`` is None). With ``copies > 1`` every story is
    published ``copies`` times by the same outlet with the same counts (a wire story republished), and
    ``copy_group`` names the story.
    """
    factors = np.ones(len(articles)) if ratio is None else np.asarray(ratio, dtype=np.float64)
    base = np.asarray(rates, dtype=np.float64)
    n_frames = len(base)
    blocks_doc, blocks_outlet, blocks_story, blocks_hits, blocks_tokens = [], [], [], [], []
    for g, n in enumerate(articles):
        stories = -(-n // copies)
        tokens = rng.integers(MEAN_TOKENS // 2, MEAN_TOKENS * 3 // 2, size=stories)
        effect = rng.gamma(shape, 1.0 / shape, size=(stories, n_frames))
        hits = rng.poisson(tokens[:, None] / 1000.0 * base[None, :] * factors[g] * effect)
        story = np.arange(n) // copies
        blocks_doc.append(np.char.add(f"o{g}-", np.char.zfill(np.arange(n).astype(str), 4)))
        blocks_outlet.append(np.full(n, f"o{g}"))
        blocks_story.append(np.char.add(f"o{g}-s", story.astype(str)))
        blocks_hits.append(hits[story])
        blocks_tokens.append(tokens[story])
    doc_ids = np.concatenate(blocks_doc).astype(object)
    corpus = pd.DataFrame(
        {
            "doc_id": doc_ids,
            "outlet": np.concatenate(blocks_outlet).astype(object),
            "copy_group": np.concatenate(blocks_story).astype(object),
        }
    )
    counts = np.concatenate(blocks_hits)
    tokens_all = np.concatenate(blocks_tokens)
    scores = pd.DataFrame(
        {
            "doc_id": np.repeat(doc_ids, n_frames),
            "frame": np.tile(np.array([f"f{f}" for f in range(n_frames)], dtype=object), len(doc_ids)),
            "count": counts.ravel().astype(np.int64),
            "tokens": np.repeat(tokens_all, n_frames).astype(np.int64),
        }
    )
    scores["rate"] = 1000.0 * scores["count"] / scores["tokens"]
    return corpus, scores


def binomial_se(p: float, n: int) -> float:
    """Monte-Carlo standard error of a proportion estimated from ``n`` independent replicates."""
    return float(np.sqrt(max(p * (1 - p), 1e-12) / n))
