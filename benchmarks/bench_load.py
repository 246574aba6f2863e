"""Load speed: pages per second of ``read_corpus`` on a folder of page files, against the floor of
just reading the files' text (the naive way: no parsing at all), in one run.

    .venv/bin/python benchmarks/bench_load.py [--pages 10000] [--repeats 3]

The pages are made from the bundled demo and seed pages (constructed data), each one made unique by
a changed headline and shuffled paragraphs, and spread over the outlets' folders. Medians of
``--repeats`` runs; the machine is shared, so compare the ratio more than the absolute figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import read_corpus  # noqa: E402
from framing.load.pages import page_lines  # noqa: E402


def make_pages(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` unique page files under ``folder``; return their total size in bytes."""
    rng = random.Random(seed)
    templates = sorted((ROOT / "data").rglob("*.txt"))
    (folder / "outlets.yaml").write_bytes((ROOT / "data" / "demo" / "outlets.yaml").read_bytes())
    size = 0
    for i in range(n):
        template = templates[i % len(templates)]
        lines = template.read_text(encoding="utf-8").split("\n")
        body = [k for k, line in enumerate(lines) if len(line.split()) > 12]
        shuffled = [lines[k] for k in body]
        rng.shuffle(shuffled)
        for k, line in zip(body, shuffled, strict=True):
            lines[k] = line
        lines[0] = f"{i} " + lines[0]
        out = folder / template.parent.name / f"{i:06d}.txt"
        out.parent.mkdir(exist_ok=True)
        data = "\n".join(lines).encode("utf-8")
        out.write_bytes(data)
        size += len(data)
    return size


def naive(folder: Path) -> int:
    """The floor: read and decode every file, split its lines, parse nothing."""
    return sum(len(page_lines(p.read_text(encoding="utf-8"))) for p in folder.rglob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = make_pages(folder, args.pages)
        times: dict[str, list[float]] = {"read files only (naive floor)": [], "read_corpus": []}
        for _ in range(args.repeats):
            started = time.perf_counter()
            naive(folder)
            times["read files only (naive floor)"].append(time.perf_counter() - started)
            started = time.perf_counter()
            corpus = read_corpus(folder, progress=False)
            times["read_corpus"].append(time.perf_counter() - started)
            assert len(corpus) == args.pages, corpus.attrs["load_report"]
        print(f"{args.pages} pages, {size / 1e6:.1f} MB, median of {args.repeats} runs")
        print(f"{'method':32} {'seconds':>8} {'pages/s':>9} {'MB/s':>6}")
        for name, runs in times.items():
            median = statistics.median(runs)
            print(f"{name:32} {median:8.2f} {args.pages / median:9.0f} {size / 1e6 / median:6.1f}")
        ratio = statistics.median(times["read_corpus"]) / statistics.median(
            times["read files only (naive floor)"]
        )
        print(f"read_corpus takes {ratio:.1f}x the time of just reading the files")


if __name__ == "__main__":
    main()
