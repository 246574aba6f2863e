"""Lexicon scoring speed: the matcher, the previous matcher and the naive per-term loop, in one run.

    LAB_DATA=/tmp/lab python ../shared/bench/lab-corpus/gen_corpus.py 10000   # once (48 MB)
    LAB_DATA=/tmp/lab .venv/bin/python benchmarks/bench_score.py [--docs 10000] [--naive-mb 3] [--repeats 2]

Two workloads on the lab corpus (synthetic Arabic news text with proclitics, spelling variants and
diacritics; see the generator's README):

- *realistic*: its 486-entry lexicon in 10 frames (386 words, 100 phrases; about 10% of tokens hit);
- *dense*: the 35 commonest word forms of the corpus as single-word entries in 5 frames (about 40% of
  tokens hit).

For each: ``framing.score`` in one process (``workers=1``) and in two (``workers=2``: forked processes
counting parts of the corpus; what ``workers=None`` chooses for a corpus this large on two cores), first
run (a fresh matcher and code table) and warm (the best of ``--repeats`` more); the previous matcher
(``tests/lexicon/reference_matcher.py``, the matcher before issue 13, with its caches emptied for the
first run); and the naive loop (``Series.str.count(term)`` per term, which also counts substrings, i.e.
is wrong), run on the first ``--naive-mb`` of the corpus. MB/s of UTF-8 text per second of wall time,
and per CPU second of every process used (the figure to trust on a busy machine); each ratio is against
the naive loop's median in the same unit. Peak memory is measured in separate runs (tracemalloc slows
what it traces), for a first run in one process. The counts of all of them are checked equal.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.lexicon import load_lexicon
from framing.lexicon import match as new_matcher
from framing.lexicon.model import Lexicon
from framing.score import score
from framing.text.vocabulary import Vocabulary
from tests.lexicon import reference_matcher as previous


def read_lab(folder: Path, docs: int) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    path = folder / f"corpus_{docs}.txt"
    if not path.exists():
        sys.exit(
            f"{path} is missing: run  LAB_DATA={folder} python "
            f"../shared/bench/lab-corpus/gen_corpus.py {docs}"
        )
    texts = path.read_text(encoding="utf-8").split("\n")
    if texts and texts[-1] == "":
        texts.pop()
    lab = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
    spec: dict[str, list[str]] = {}
    for term, frame in lab["terms"]:
        spec.setdefault(lab["frames"][frame], []).append(term)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}), spec


def dense_spec(corpus: pd.DataFrame, n_terms: int = 35, n_frames: int = 5) -> dict[str, list[str]]:
    """The commonest word forms of the corpus, as single-word entries."""
    vocabulary = Vocabulary()
    counts: Counter[str] = Counter()
    for text in corpus["text"].head(2000):
        counts.update(vocabulary.forms(text))
    common = [w for w, _ in counts.most_common() if not w.isdigit()][:n_terms]
    per = -(-n_terms // n_frames)
    return {f"frame_{k}": common[k * per : (k + 1) * per] for k in range(n_frames)}


def naive(corpus: pd.DataFrame, spec: dict[str, list[str]]) -> pd.DataFrame:
    """What researchers write by hand: one str.count per term (it counts substrings: wrong, and slow)."""
    counts = {}
    for frame, entries in spec.items():
        total = 0
        for term in entries:
            total = total + corpus["text"].str.count(term.strip("=*"))
        counts[frame] = total
    return pd.DataFrame(counts)


def fresh_new() -> None:
    new_matcher.matcher.cache_clear()
    new_matcher._code_table.cache_clear()


def fresh_previous() -> None:
    previous.matcher.cache_clear()
    previous.tokenizer.cache_clear()


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """``(wall seconds, CPU seconds)`` of one call (CPU: this process and the processes it started)."""
    cpu, started = _cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - started, _cpu() - cpu


def peak_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak


def workload(
    name: str, corpus: pd.DataFrame, spec: dict[str, list[str]], lexicon: Lexicon, args: argparse.Namespace
) -> list[tuple[str, str, str, float, float, float | None]]:
    mb = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    small = corpus.iloc[: max(1, int(len(corpus) * args.naive_mb / mb))]
    small_mb = sum(len(t.encode("utf-8")) for t in small["text"]) / 1e6

    def new() -> Any:
        return score(corpus, lexicon, workers=1)

    def new_two() -> Any:
        return score(corpus, lexicon, workers=2)

    def old() -> Any:
        return previous.score_counts(corpus, lexicon)

    def best(fn: Callable[[], Any]) -> tuple[float, float]:
        runs = [timed(fn) for _ in range(args.repeats)]
        return min(w for w, _ in runs), min(c for _, c in runs)

    fresh_new()
    new_first = timed(new)
    new_warm = best(new)
    fresh_new()
    two_first = timed(new_two)
    two_warm = best(new_two)
    fresh_previous()
    old_first = timed(old)
    old_warm = best(old)
    naive_runs = [timed(lambda: naive(small, spec)) for _ in range(args.repeats)]
    naive_s = (statistics.median(w for w, _ in naive_runs), statistics.median(c for _, c in naive_runs))

    counts, tokens = old()
    n_frames = len(lexicon.frames)
    same = all(
        np.array_equal(scores["count"].to_numpy().reshape(-1, n_frames), counts)
        and np.array_equal(scores["tokens"].to_numpy()[::n_frames], tokens)
        for scores in (new(), new_two())
    )
    hits = int(counts.sum())
    share = hits / max(1, int(tokens.sum()))

    memory: dict[str, float | None] = {"new": None, "old": None}
    if not args.no_memory:
        fresh_new()
        memory["new"] = peak_mb(new)
        fresh_previous()
        memory["old"] = peak_mb(old)
        fresh_previous()

    print(
        f"\n{name}: {len(corpus)} documents, {mb:.1f} MB; {sum(len(v) for v in spec.values())} entries "
        f"in {n_frames} frames; {hits} hits = {share:.0%} of {int(tokens.sum())} tokens; "
        f"same counts and tokens from all matchers and process counts: {same}"
    )
    naive_wall, naive_cpu = small_mb / naive_s[0], small_mb / naive_s[1]
    rows = [
        ("framing.score, 1 process", "first run", new_first, memory["new"]),
        ("framing.score, 1 process", "warm", new_warm, None),
        ("framing.score, 2 processes", "first run", two_first, None),
        ("framing.score, 2 processes", "warm", two_warm, None),
        ("previous matcher", "first run", old_first, memory["old"]),
        ("previous matcher", "warm", old_warm, None),
    ]
    print(
        f"{'method':32} {'run':10} {'MB/s':>7} {'x naive':>8} {'MB/CPU-s':>9} {'x naive':>8} {'peak MB':>8}"
        "   (MB/s and its ratio: wall time; MB/CPU-s: per CPU second of every process used)"
    )
    for method, run, (wall, cpu), peak in rows:
        shown = f"{peak:8.0f}" if peak is not None else f"{'':>8}"
        print(
            f"{method:32} {run:10} {mb / wall:7.1f} {mb / wall / naive_wall:8.1f} {mb / cpu:9.1f} "
            f"{mb / cpu / naive_cpu:8.1f} {shown}"
        )
    print(
        f"{'naive str.count (' + format(small_mb, '.1f') + ' MB)':32} {'median':10} {naive_wall:7.1f} "
        f"{1.0:8.1f} {naive_cpu:9.1f} {1.0:8.1f}"
    )
    if not same:
        print("WARNING: the matchers disagree")
    return [(name, method, run, mb / wall, mb / cpu, peak) for method, run, (wall, cpu), peak in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lab", type=Path, default=Path(os.environ.get("LAB_DATA", "/tmp/lab")))
    parser.add_argument("--docs", type=int, default=10_000, help="the N of corpus_N.txt")
    parser.add_argument("--naive-mb", type=float, default=3.0)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-memory", action="store_true", help="skip the (slow) peak-memory runs")
    args = parser.parse_args()
    corpus, spec = read_lab(args.lab, args.docs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the lab lexicon has entries that are stopwords, on purpose
        lexicon = load_lexicon(spec)
        dense = dense_spec(corpus)
        dense_lexicon = load_lexicon(dense)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    workload("realistic (lab lexicon)", corpus, spec, lexicon, args)
    workload("dense (35 commonest forms)", corpus, dense, dense_lexicon, args)


if __name__ == "__main__":
    main()
