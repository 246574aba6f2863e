"""Topic-model fit time for 1,000 and 10,000 synthetic documents with each embedding back-end, in one run.

    .venv/bin/python benchmarks/bench_topics.py [--sizes 1000 10000] [--backends tfidf use]

Documents are made of sentences drawn (seeded) from the bundled demo and seed pages (constructed data),
about 60 words each, with outlets and dates from the demo corpus. For each size and back-end it prints
the embedding time (no cache: a fresh temporary cache folder) and the fit time (clustering and topic
words), and the number of topics found. 1,000 documents use PCA + k-means; 10,000 use UMAP + HDBSCAN,
whose first fit in a process also pays numba's one-off compilation (reported as its own line).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import framing
from framing.embed import embed
from framing.topics import fit_topics

SENTENCE = re.compile(r"[^.!؟?]+[.!؟?]")


def make_corpus(n: int, seed: int = 7) -> pd.DataFrame:
    demo = framing.read_corpus(Path(__file__).resolve().parents[1] / "data")
    sentences = [s.strip() for text in demo["text"] for s in SENTENCE.findall(text) if len(s.split()) > 5]
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        source = demo.iloc[i % len(demo)]
        words: list[str] = []
        while len(words) < 60:
            words += rng.choice(sentences).split()
        rows.append(
            {
                "doc_id": f"s{i:06d}",
                "outlet": source["outlet"],
                "title": "",
                "published": source["published"],
                "text": " ".join(words),
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--backends", nargs="+", default=["tfidf", "use"])
    args = parser.parse_args()
    print(f"{'documents':>9} {'backend':8} {'method':14} {'embed s':>8} {'fit s':>7} {'topics':>6}")
    warmed = False
    for n in args.sizes:
        corpus = make_corpus(n)
        texts = (corpus["title"] + "\n" + corpus["text"]).tolist()
        for backend in args.backends:
            with tempfile.TemporaryDirectory() as cache:
                started = time.perf_counter()
                vectors = embed(texts, backend=backend, cache_dir=cache, progress=False)
                embed_seconds = time.perf_counter() - started
            if n >= 300 and not warmed:  # numba compiles UMAP on the first fit of the process
                started = time.perf_counter()
                fit_topics(corpus, embeddings=np.asarray(vectors), seed=0, progress=False)
                print(
                    f"{n:9d} {backend:8} {'first UMAP fit':14} {'':>8} {time.perf_counter() - started:7.1f}"
                )
                warmed = True
            started = time.perf_counter()
            model = fit_topics(corpus, embeddings=np.asarray(vectors), seed=0, progress=False)
            fit_seconds = time.perf_counter() - started
            info = model.topic_info
            found = int((info["topic"] >= 0).sum())
            method = model.settings.get("method", "")
            print(f"{n:9d} {backend:8} {method:14} {embed_seconds:8.1f} {fit_seconds:7.1f} {found:6d}")


if __name__ == "__main__":
    main()
