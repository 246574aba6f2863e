"""Copy detection at scale: ``framing.find_copies`` (MinHash LSH + exact verification) against the naive way
(every pair of articles compared by its shingle sets), in one run.

    .venv/bin/python benchmarks/bench_copies.py [--articles 100000] [--copies 0.1] [--naive 1500]
                                                [--workers 1]

A seeded synthetic corpus (``framing.copies.simulate.planted_corpus``: sentences of made-up Arabic-letter
words with Zipf frequencies, 150-400 words per article) of ``--articles`` articles, of which a share
``--copies`` are planted copies of others, in three kinds in turn: ``whole`` (spelling variants only),
``partial`` (55-90% of the source's sentences, plus at most one of its own) and ``edited`` (words
replaced and inserted, a sentence cut); every planted copy keeps at least half of its shingles from the
source. Printed: recall (planted source-copy pairs found) and precision (found pairs inside one planted
family), overall and per kind, at containment >= 0.5; wall-clock and CPU time per stage; peak memory (the
process's peak resident set size, and the resident size before ``find_copies``); the naive all-pairs
comparison timed on the first ``--naive`` articles; and everything extrapolated to 1M articles (LSH:
linear in articles; naive: quadratic).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing import schema as S
from framing.copies import find_copies
from framing.copies.lineage import candidate_pairs, shingle
from framing.copies.simulate import planted_corpus, score_pairs


def rss_mb() -> float:
    """The resident set size of this process now, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        out = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return out


def naive_pairs_seconds(texts: list[str], k: int) -> tuple[float, int]:
    """Every pair compared by its exact shingle sets (Python sets), the way one would write it first."""
    from framing.text import word_forms

    clock = Clock()
    sets = []
    for text in texts:
        words = word_forms(text)
        sets.append({tuple(words[i : i + k]) for i in range(len(words) - k + 1)})
    found = 0
    for i in range(len(sets)):
        a = sets[i]
        for j in range(i + 1, len(sets)):
            b = sets[j]
            small = min(len(a), len(b))
            if small and len(a & b) / small >= 0.5:
                found += 1
    return clock.lap()[0], found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000, help="articles in all, copies included")
    parser.add_argument("--copies", type=float, default=0.1, help="share of the articles that are copies")
    parser.add_argument("--naive", type=int, default=1500, help="articles the naive all-pairs way runs on")
    parser.add_argument(
        "--workers", type=int, default=1, help="processes that shingle (find_copies workers=)"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    copies = int(args.articles * args.copies)
    start_mb = rss_mb()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (a shared machine)")
    clock = Clock()
    corpus, planted = planted_corpus(args.articles - copies, copies=copies, seed=args.seed)
    wall, _ = clock.lap()
    texts = S.texts(corpus)
    words = sum(len(t.split()) for t in texts)
    print(
        f"corpus: {len(corpus):,} articles ({copies:,} planted copies), {words / 1e6:.1f}M words, "
        f"{sum(len(t.encode()) for t in texts) / 1e6:.0f} MB of UTF-8; generated in {wall:.0f} s"
    )

    # the stages, timed on their own (the tokenizer's cache is warm afterwards: find_copies runs second)
    before = rss_mb()
    clock.lap()
    shingles = shingle(texts, workers=args.workers)
    t_shingle = clock.lap()
    candidates = candidate_pairs(shingles)
    t_lsh = clock.lap()
    print(
        f"stages: shingling {t_shingle[0]:.1f} s wall / {t_shingle[1]:.1f} s CPU "
        f"({len(shingles.hashes) / 1e6:.1f}M distinct shingles); MinHash signatures + LSH {t_lsh[0]:.1f} s "
        f"wall / {t_lsh[1]:.1f} s CPU ({len(candidates):,} candidate pairs)"
    )
    del shingles, candidates

    clock.lap()
    pairs = find_copies(corpus, workers=args.workers)
    t_find = clock.lap()
    peak = peak_mb()
    score = score_pairs(pairs, planted)
    found = {frozenset(p) for p in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
    per_kind = {
        kind: np.mean([frozenset(p) in found for p in zip(rows["source"], rows["copy"], strict=True)])
        for kind, rows in planted.groupby("kind")
    }
    print(
        f"find_copies: {t_find[0]:.1f} s wall / {t_find[1]:.1f} s CPU for {len(corpus):,} articles "
        f"({len(corpus) / t_find[0]:,.0f} articles/s wall); {pairs.attrs['provenance']['candidates']:,} "
        f"candidates verified, {len(pairs):,} pairs kept"
    )
    print(
        f"recall {score['recall']:.4f}, precision {score['precision']:.4f} at containment >= 0.5 "
        f"({score['planted']:,} planted pairs, {score['found']:,} found); recall per kind: "
        + ", ".join(f"{k} {v:.4f}" for k, v in per_kind.items())
    )
    print(
        f"memory: peak resident {peak:,.0f} MB (process, corpus generation included); "
        f"{start_mb:,.0f} MB after imports, {before:,.0f} MB with the corpus, before shingling"
    )

    sample = texts[: args.naive]
    naive_s, naive_found = naive_pairs_seconds(sample, 5)
    clock.lap()
    small = find_copies(corpus.iloc[: args.naive], method="lsh")
    lsh_small = clock.lap()[0]
    print(
        f"naive all pairs on {len(sample):,} articles: {naive_s:.1f} s ({naive_found} pairs); "
        f"find_copies on the same: {lsh_small:.1f} s ({len(small)} pairs)"
    )

    scale = 1_000_000 / len(corpus)
    naive_full = naive_s * (len(corpus) / len(sample)) ** 2
    naive_1m = naive_s * (1_000_000 / len(sample)) ** 2
    memory_1m = (start_mb + (peak - start_mb) * scale) / 1024
    print(
        f"extrapolated to 1M articles (linear): find_copies ~{t_find[0] * scale / 60:.0f} min wall "
        f"(~{t_find[1] * scale / 60:.0f} min CPU), peak memory ~{memory_1m:.1f} GB; naive all pairs "
        f"(quadratic) ~{naive_full / 3600:.1f} h for {len(corpus):,} and ~{naive_1m / 86400 / 365:.1f} years "
        f"for 1M; ratio naive/find_copies at {len(corpus):,}: {naive_full / t_find[0]:,.0f}x"
    )


if __name__ == "__main__":
    main()
