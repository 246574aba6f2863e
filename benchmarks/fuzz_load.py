"""Long fuzz run of the loaders and the matcher: counts of inputs, escapes, mangled and lost files.

    .venv/bin/python benchmarks/fuzz_load.py [--inputs 100000] [--workers 2] [--targets pages tables ...]

Targets (the generators are in ``tests/fuzz_cases.py``, shared with ``tests/test_fuzz.py``):

- ``pages``: folders of 50 generated page files (clean text in six encodings, damaged bytes, random
  binary, empty files, text of arbitrary code points, some HTML) plus, now and then, a dangling link, a
  named pipe, a file name that is not UTF-8, a link to a folder, an ``outlets.yaml`` of any content,
  through ``read_corpus(strict=False)``. Inputs = page files. An escape is an exception out of
  ``read_corpus`` or a report whose counts do not balance; a mangled file is a clean text file loaded with
  another text, or a binary file loaded as text; a lost entry is one neither loaded, skipped nor listed.
- ``tables``: folders of 10 ``.csv``/``.jsonl``/``.parquet`` tables (up to 30 rows of odd cells, some
  files damaged) through ``read_corpus``. Inputs = table rows (an empty or unreadable table counts 1).
- ``outlets``: ``outlets.yaml`` texts through ``read_profiles``; only ``ValueError`` may come out.
- ``lexicon``: lexicon YAML texts (every other input) and Python mappings through ``load_lexicon``; only
  ``LexiconError`` may come out, and a lexicon that loads must hash and list its entries.
- ``matching``: generated texts scored with generated lexicons: surfaces equal their spans, score counts
  equal matches, coverage hits equal matches, kwic runs.

Work is split in seeds over ``--workers`` processes; each seed runs under a time limit (``--limit``
seconds, by ``signal.alarm``): one over it counts as a hang. ``--minutes`` caps each target's wall time
(on a shared machine): the counts printed are then those measured, with a note. Seconds are wall time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import signal
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import fuzz_cases as F  # noqa: E402

PAGES_PER_FOLDER = 50
TABLES_PER_FOLDER = 10


class Hang(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


def _limited(seconds: int, function: Any, *args: Any) -> Any:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return function(*args)
    finally:
        signal.alarm(0)


def _pages(seed: int, counts: Counter[str], examples: list[str]) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        written = F.Folder()
        for i in range(PAGES_PER_FOLDER):
            F.write_page(root, f"{rng.choice(['', 'wadi/', 'bote/'])}f{i}.txt", rng, written, html=0.01)
        extra = F.write_folder(root / "x", rng, files=0)  # specials and an outlets.yaml, in a subfolder
        written.entries |= {f"x/{e}" for e in extra.entries}
        counts["inputs"] += PAGES_PER_FOLDER
        _check_folder(root, written, counts, examples, seed)


def _tables(seed: int, counts: Counter[str], examples: list[str]) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        written = F.Folder()
        for i in range(TABLES_PER_FOLDER):
            rows = F.write_table(root, f"{rng.choice(['', 'wadi/'])}t{i}.txt", rng, written, max_rows=31)
            counts["inputs"] += max(rows, 1)
        _check_folder(root, written, counts, examples, seed)


def _check_folder(
    root: Path, written: F.Folder, counts: Counter[str], examples: list[str], seed: int
) -> None:
    counts["calls"] += 1
    outcome = F.check_folder(root, written)
    if outcome.escape:
        counts["escapes"] += 1
        examples.append(f"seed {seed}: {outcome.escape[:300]}")
    counts["mangled"] += len(outcome.mangled)
    counts["lost"] += len(outcome.lost)
    for where in [*outcome.mangled, *outcome.lost][:2]:
        examples.append(f"seed {seed}: mangled or lost {where}")


def _outlets(seed: int, counts: Counter[str], examples: list[str]) -> None:
    from framing.load.outlets import read_profiles

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "outlets.yaml"
        for _ in range(100):
            path.write_bytes(F.outlets_yaml(rng).encode("utf-8", "surrogatepass"))
            counts["inputs"] += 1
            counts["calls"] += 1
            try:
                read_profiles(path)
            except ValueError:
                counts["refused"] += 1
            except Exception as exc:
                counts["escapes"] += 1
                examples.append(f"seed {seed}: {type(exc).__name__}: {str(exc)[:200]}")


def _lexicon(seed: int, counts: Counter[str], examples: list[str]) -> None:
    from framing.lexicon import load_lexicon
    from framing.lexicon.model import LexiconError

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        for i in range(100):
            counts["inputs"] += 1
            counts["calls"] += 1
            source: Any
            if i % 2:
                path.write_bytes(F.lexicon_yaml(rng).encode("utf-8", "surrogatepass"))
                source = path
            else:
                source = F.lexicon_mapping(rng)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    lexicon = load_lexicon(source)
                hash(lexicon)
                lexicon.entries()
                _ = lexicon.hash
            except LexiconError:
                counts["refused"] += 1
            except Exception as exc:
                counts["escapes"] += 1
                examples.append(f"seed {seed}: {type(exc).__name__}: {str(exc)[:200]} from {source!r:.200}")


def _matching(seed: int, counts: Counter[str], examples: list[str]) -> None:
    from framing.lexicon import load_lexicon

    rng = random.Random(seed)
    for _ in range(2):
        frames = {
            f"f{k}": [rng.choice(F.GOOD_ENTRIES) for _ in range(rng.randrange(1, 6))]
            for k in range(rng.randrange(1, 4))
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lexicon = load_lexicon(frames)
        texts = [F.match_text(rng) for _ in range(50)]
        counts["inputs"] += len(texts)
        counts["calls"] += 1
        try:
            broken = F.check_matching(texts, lexicon)
        except Exception as exc:
            counts["escapes"] += 1
            examples.append(f"seed {seed}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        if broken:
            counts["escapes"] += 1
            examples.append(f"seed {seed}: invariant broken: {broken}")


TARGETS = {
    "pages": _pages,
    "tables": _tables,
    "outlets": _outlets,
    "lexicon": _lexicon,
    "matching": _matching,
}


def run_chunk(job: tuple[str, int, int, int]) -> tuple[str, Counter[str], list[str]]:
    target, start, stop, limit = job
    counts: Counter[str] = Counter()
    examples: list[str] = []
    function = TARGETS[target]
    for seed in range(start, stop):
        try:
            _limited(limit, function, seed, counts, examples)
        except Hang:
            counts["escapes"] += 1
            counts["hangs"] += 1
            examples.append(f"seed {seed}: over {limit} s")
    return target, counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per target (at least)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--targets", nargs="+", default=list(TARGETS), choices=list(TARGETS))
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--limit", type=int, default=120, help="seconds one input (a folder) may take")
    parser.add_argument("--minutes", type=float, default=float("inf"), help="time budget per target")
    parser.add_argument("--progress", action="store_true", help="print the counts after every round")
    args = parser.parse_args()
    print(f"fuzz: {args.inputs:,} inputs per target, {args.workers} worker(s), seeds from {args.seed}")
    print(
        f"{'target':10} {'inputs':>9} {'calls':>7} {'refused':>8} {'escapes':>8} {'hangs':>6} "
        f"{'mangled':>8} {'lost':>5} {'seconds':>8}"
    )
    multiprocessing.set_start_method("fork", force=True)
    for target in args.targets:
        started = time.perf_counter()
        total: Counter[str] = Counter()
        examples: list[str] = []
        seed = args.seed
        budget = args.minutes * 60
        with multiprocessing.Pool(args.workers) as pool:
            # rounds of one seed per job, so that the time budget is checked often
            while total["inputs"] < args.inputs and time.perf_counter() - started < budget:
                jobs = [(target, s, s + 1, args.limit) for s in range(seed, seed + 4 * args.workers)]
                seed += len(jobs)
                for _, counts, found in pool.imap_unordered(run_chunk, jobs):
                    total.update(counts)
                    examples += found
                if args.progress:
                    print(f"    {target}: {total['inputs']:,} inputs, {total['escapes']} escapes", flush=True)
        seconds = time.perf_counter() - started
        note = "" if total["inputs"] >= args.inputs else f"  (time budget of {args.minutes:g} min reached)"
        print(
            f"{target:10} {total['inputs']:>9,} {total['calls']:>7,} {total['refused']:>8,} "
            f"{total['escapes']:>8,} {total['hangs']:>6,} {total['mangled']:>8,} {total['lost']:>5,} "
            f"{seconds:>8.0f}{note}",
            flush=True,
        )
        for example in examples[:5]:
            print(f"    {example}", flush=True)


if __name__ == "__main__":
    main()
