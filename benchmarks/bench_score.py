"""Lexicon scoring speed: ``framing.score`` against the naive per-term ``str.count`` loop, in one run.

    .venv/bin/python benchmarks/bench_score.py [--mb 50] [--naive-mb 5] [--repeats 3]

A seeded synthetic Arabic corpus (400-word documents drawn from a Zipf vocabulary of made-up stems,
with proclitics, suffixes and spelling variants: hamza forms, ة/ه, ى/ي, diacritics, tatweel) and a
500-entry lexicon (a fifth of them phrases, some globs and exact entries) in 10 frames. The naive
loop (``Series.str.count(term)`` per term, which also counts substrings, i.e. is wrong) runs on the
first ``--naive-mb`` of the corpus; both are reported in MB/s of UTF-8 text, medians of the repeats.
Peak memory of ``score`` (tracemalloc) is printed next to the corpus size.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.lexicon import load_lexicon
from framing.lexicon.match import matcher
from framing.score import score
from framing.text.tokenize import tokenizer

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
HAMZA_ALEF = ["ا", "أ", "إ", "آ"]
PREFIXES = ["", "", "", "", "و", "ف", "ب", "ل", "ال", "ال", "وال", "بال", "لل", "فال", "كال"]
SUFFIXES = ["", "", "", "ين", "ون", "ات", "ة", "ه", "ي", "ى", "ها", "هم"]
DIACRITICS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]


def make_stems(rng: random.Random, n: int) -> list[str]:
    stems: set[str] = set()
    while len(stems) < n:
        length = rng.choice([3, 4, 4, 5, 5, 6, 7])
        stem = "".join(rng.choice(LETTERS) for _ in range(length))
        if rng.random() < 0.3:
            stem = rng.choice(HAMZA_ALEF[1:]) + stem[1:]
        stems.add(stem)
    return sorted(stems)


def make_vocabulary(rng: random.Random, stems: list[str], per_stem: int = 10) -> list[str]:
    """Word forms as written: each stem with ``per_stem`` proclitic chains and suffixes, in stem order."""
    forms: list[str] = []
    for stem in stems:
        made = {rng.choice(PREFIXES) + stem + rng.choice(SUFFIXES) for _ in range(per_stem)}
        forms += sorted(made)
    return forms


def noisy(rng: random.Random, word: str) -> str:
    """A spelling variant now and then: a diacritic, a tatweel, a dropped hamza."""
    roll = rng.random()
    if roll < 0.02:  # a diacritic after a random letter
        k = rng.randrange(1, len(word) + 1)
        word = word[:k] + rng.choice(DIACRITICS) + word[k:]
    elif roll < 0.025:  # tatweel
        k = rng.randrange(1, len(word))
        word = word[:k] + "\u0640" + word[k:]
    elif roll < 0.075:  # a hamza form changed
        word = word.replace("أ", "ا").replace("إ", "ا")
    return word


def make_corpus(rng: random.Random, stems: list[str], megabytes: float) -> pd.DataFrame:
    vocabulary = make_vocabulary(rng, stems)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf over word forms
    docs: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        words = rng.choices(vocabulary, weights=weights, k=400)
        text = " ".join(noisy(rng, w) for w in words)
        text = text.replace(" ", "، ", 3).replace(" ", ". ", 1)
        docs.append(text)
        size += len(text.encode("utf-8"))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(docs))], "text": docs})


def make_lexicon(rng: random.Random, stems: list[str]) -> dict[str, list[str]]:
    pool = stems[50:3000]  # not the commonest stems (they would be stopwords), not the rarest
    entries: list[str] = []
    chosen = rng.sample(pool, 600)
    for i in range(500):
        stem = chosen[i]
        if i % 5 == 0:
            entries.append(f"{stem} {chosen[500 + i // 5]}")  # a fifth are phrases
        elif i % 7 == 0:
            entries.append(f"{stem}*")
        elif i % 11 == 0:
            entries.append(f"={stem}")
        else:
            entries.append(stem)
    return {f"frame_{k}": entries[k * 50 : (k + 1) * 50] for k in range(10)}


def naive(corpus: pd.DataFrame, lexicon: dict[str, list[str]]) -> pd.DataFrame:
    """What researchers write by hand: one str.count per term.

    It counts substrings and ignores clitics and spelling variants: it is wrong as well as slow.
    """
    counts = {}
    for frame, entries in lexicon.items():
        total = 0
        for term in entries:
            total = total + corpus["text"].str.count(term.strip("=*"))
        counts[frame] = total
    return pd.DataFrame(counts)


def timed(repeats: int, fn, *args):  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn(*args)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--naive-mb", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(2016)
    stems = make_stems(rng, 20_000)
    corpus = make_corpus(rng, stems, args.mb)
    spec = make_lexicon(rng, stems)
    lexicon = load_lexicon(spec)
    mb = corpus["text"].str.len().sum() and sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    small = corpus.iloc[: max(1, int(len(corpus) * args.naive_mb / args.mb))]
    small_mb = sum(len(t.encode("utf-8")) for t in small["text"]) / 1e6
    n_entries = sum(len(v) for v in spec.values())
    phrases = sum(" " in e for v in spec.values() for e in v)
    print(
        f"corpus: {len(corpus)} documents, {mb:.1f} MB; "
        f"lexicon: {n_entries} entries ({phrases} phrases), 10 frames"
    )

    first = timed(1, score, corpus, lexicon)
    seconds = timed(args.repeats, score, corpus, lexicon)
    naive_seconds = timed(args.repeats, naive, small, spec)
    tracemalloc.start()
    result = score(corpus, lexicon)
    peak_warm = tracemalloc.get_traced_memory()[1] / 1e6
    matcher.cache_clear()  # a fresh matcher and tokenizer: the first-run memory, caches included
    tokenizer.cache_clear()
    tracemalloc.reset_peak()
    score(corpus, lexicon)
    peak_cold = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{'method':40} {'MB':>6} {'seconds':>8} {'MB/s':>7}")
    print(f"{'framing.score (first run, cold caches)':40} {mb:6.1f} {first:8.2f} {mb / first:7.1f}")
    print(f"{'framing.score (median)':40} {mb:6.1f} {seconds:8.2f} {mb / seconds:7.1f}")
    print(
        f"{'naive str.count per term (median)':40} {small_mb:6.1f} {naive_seconds:8.2f} "
        f"{small_mb / naive_seconds:7.1f}"
    )
    print(f"speed-up of score over the naive loop: {(mb / seconds) / (small_mb / naive_seconds):.0f}x")
    print(
        f"hits found: {int(result['count'].sum())}; peak memory of score for a {mb:.0f} MB corpus: "
        f"{peak_warm:.0f} MB per run, {peak_cold:.0f} MB on a first run (the vocabulary caches included)"
    )


if __name__ == "__main__":
    main()
