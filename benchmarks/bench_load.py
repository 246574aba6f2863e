"""Load speed: pages per second of ``read_corpus`` on a folder of page files, on one core and on two,
against the floor of just reading the files' text (the naive way: no parsing at all), in one run.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_load.py [--pages 10000] [--repeats 3] [--workers 2]

The pages are made from the bundled demo and seed pages and the layout fixtures of the regression
suite (constructed data; Arabic, English and Russian layouts), each one made unique by a changed
headline and shuffled paragraphs, and spread over one folder per outlet. Reported per method: wall
seconds, CPU seconds (this process and its worker processes, which ``os.times`` counts once they have
ended), pages per wall second and pages per CPU second, and the ratios that matter: CPU time against
the naive floor, and wall time of ``--workers`` processes against one. Medians of ``--repeats`` runs,
the methods taking turns. The machine may be shared: CPU-time figures and in-run ratios are the steadier
ones; the load average is printed before and after.
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


def _cpu() -> float:
    """CPU seconds of this process and of its ended child processes (the parsing workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = make_pages(folder, args.pages)
        read_corpus(folder, progress=False, workers=1)  # warm: patterns compiled, file cache filled
        methods = {
            "read files only (naive floor)": lambda: naive(folder),
            "read_corpus, workers=1": lambda: read_corpus(folder, progress=False, workers=1),
            f"read_corpus, workers={args.workers}": lambda: read_corpus(
                folder, progress=False, workers=args.workers
            ),
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in methods}
        outputs: dict[str, object] = {}
        for _ in range(args.repeats):
            for name, call in methods.items():
                wall, cpu = time.perf_counter(), _cpu()
                result = call()
                runs[name].append((time.perf_counter() - wall, _cpu() - cpu))
                if not isinstance(result, int):
                    assert len(result) == args.pages, result.attrs["load_report"]
                    outputs[name] = result
        one, many = (outputs[name] for name in list(methods)[1:])
        assert one.equals(many), "the corpus differs with more workers"  # type: ignore[attr-defined]
        print(
            f"{args.pages} pages, {size / 1e6:.1f} MB, {os.cpu_count()} cores, "
            f"median of {args.repeats} runs; "
            f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after"
        )
        print(f"{'method':32} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'pages/CPU-s':>11}")
        medians = {}
        for name, values in runs.items():
            wall = statistics.median(v[0] for v in values)
            cpu = statistics.median(v[1] for v in values)
            medians[name] = (wall, cpu)
            print(f"{name:32} {wall:7.2f} {args.pages / wall:8.0f} {cpu:7.2f} {args.pages / cpu:11.0f}")
        floor, serial, parallel = medians.values()
        ratio = serial[1] / floor[1]
        print(f"read_corpus on one core takes {ratio:.1f}x the CPU time of just reading the files")
        print(
            f"{args.workers} workers: {serial[0] / parallel[0]:.2f}x the speed of one (wall), "
            f"{parallel[1] / serial[1]:.2f}x its CPU time; same corpus"
        )


if __name__ == "__main__":
    main()
