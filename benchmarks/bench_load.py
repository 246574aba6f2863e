"""Load speed: pages per second of ``read_corpus`` on a folder of page files, against the floor of
just reading the files' text (the naive way: no parsing at all), in one run.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_load.py [--pages 10000] [--repeats 3]

The pages are made from the bundled demo and seed pages and the layout fixtures of the regression
suite (constructed data; Arabic, English and Russian layouts), each one made unique by a changed
headline and shuffled paragraphs, and spread over one folder per outlet. Reported per method: wall
seconds and CPU seconds of this process (``read_corpus`` on one core, ``workers=1``), pages per second
of each, and the same load on every core (``workers=None`` above its threshold; its CPU time is in
worker processes, so only wall time is shown). Medians of ``--repeats`` runs. The machine may be
shared: CPU-time figures are the steadier ones, and the ratio to the naive floor more than either.
"""

from __future__ import annotations

import argparse
import os
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
from tests.load.layouts.catalog import cases  # noqa: E402


def templates() -> list[tuple[str, str]]:
    """``(folder, text)`` of every page to copy: the demo and seed pages and the layout fixtures."""
    out = [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data").rglob("*.txt"))]
    out += [(case.folder, case.text) for case in cases()]
    return out


def make_pages(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` unique page files under ``folder``; return their total size in bytes."""
    rng = random.Random(seed)
    pool = templates()
    (folder / "outlets.yaml").write_bytes((ROOT / "data" / "demo" / "outlets.yaml").read_bytes())
    size = 0
    for i in range(n):
        name, text = pool[i % len(pool)]
        lines = text.split("\n")
        body = [k for k, line in enumerate(lines) if len(line.split()) > 12]
        shuffled = [lines[k] for k in body]
        rng.shuffle(shuffled)
        for k, line in zip(body, shuffled, strict=True):
            lines[k] = line
        lines[0] = f"{i} " + lines[0]
        out = folder / name / f"{i:06d}.txt"
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
        runs: dict[str, list[tuple[float, float]]] = {
            "read files only (naive floor)": [],
            "read_corpus, one core": [],
            f"read_corpus, all cores ({os.cpu_count()})": [],
        }
        for _ in range(args.repeats):
            for name, call in (
                ("read files only (naive floor)", lambda: naive(folder)),
                ("read_corpus, one core", lambda: read_corpus(folder, progress=False, workers=1)),
                (f"read_corpus, all cores ({os.cpu_count()})", lambda: read_corpus(folder, progress=False)),
            ):
                wall, cpu = time.perf_counter(), time.process_time()
                result = call()
                runs[name].append((time.perf_counter() - wall, time.process_time() - cpu))
                if not isinstance(result, int):
                    assert len(result) == args.pages, result.attrs["load_report"]
        print(
            f"{args.pages} pages, {size / 1e6:.1f} MB, median of {args.repeats} runs, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        print(f"{'method':34} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'pages/CPU-s':>11}")
        for name, values in runs.items():
            wall = statistics.median(v[0] for v in values)
            cpu = statistics.median(v[1] for v in values)
            cpu_rate = f"{args.pages / cpu:11.0f}" if "all cores" not in name else f"{'-':>11}"
            print(f"{name:34} {wall:7.2f} {args.pages / wall:8.0f} {cpu:7.2f} {cpu_rate}")
        floor = statistics.median(v[1] for v in runs["read files only (naive floor)"])
        one = statistics.median(v[1] for v in runs["read_corpus, one core"])
        print(f"read_corpus on one core takes {one / floor:.1f}x the CPU time of just reading the files")


if __name__ == "__main__":
    main()
