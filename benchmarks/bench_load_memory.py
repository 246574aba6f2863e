"""Peak memory of ``read_corpus`` on one large page file, against just reading its text (the naive way),
and the effect of ``max_page_bytes`` (the default limit refuses pages over 20 MB), in one run.

    .venv/bin/python benchmarks/bench_load_memory.py [--sizes 1 5 20 40]

Each page is made from the constructed demo pages (``data/demo``), body paragraphs repeated up to the
size in MB. Each load runs in a fresh process; its peak resident memory (``ru_maxrss``) is printed with
the memory of a process that only imports framing and reads the file's text. The machine is shared.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
import framing
from framing.load.corpus import read_corpus
path, mode = sys.argv[1], sys.argv[2]
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if mode == "naive":
    text = open(path, encoding="utf-8").read()
    n = len(text)
elif mode == "limit":
    corpus = read_corpus(path, progress=False)
    n = len(corpus)
else:
    corpus = read_corpus(path, progress=False, max_page_bytes=None)
    n = len(corpus)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seconds = time.perf_counter() - t0
print(json.dumps({{"base_mb": start / 1024, "peak_mb": peak / 1024, "seconds": seconds, "n": n}}))
"""


def make_page(path: Path, megabytes: float) -> int:
    page = (ROOT / "data" / "demo" / "sanabel" / "01_castello_siege.txt").read_text(encoding="utf-8")
    lines = page.split("\n")
    body = [line for line in lines if len(line.split()) > 12]
    out = lines[:8]
    size = sum(len(x.encode()) + 1 for x in out)
    i = 0
    while size < megabytes * 1e6:
        line = f"{body[i % len(body)]} ({i})"
        out.append(line)
        size += len(line.encode()) + 1
        i += 1
    path.write_text("\n".join(out), encoding="utf-8")
    return path.stat().st_size


def run(path: Path, mode: str) -> dict[str, float]:
    code = CHILD.format(root=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), mode], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20, 40])
    args = parser.parse_args()
    print(
        f"{'page MB':>8} {'naive peak MB':>14} {'framing peak MB':>16} {'extra/page size':>16} "
        f"{'seconds':>8} {'default limit':>22}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            path = Path(folder) / f"page_{megabytes:g}mb.txt"
            size = make_page(path, megabytes) / 1e6
            naive = run(path, "naive")
            full = run(path, "full")
            limited = run(path, "limit")
            extra = (full["peak_mb"] - naive["base_mb"]) / size
            verdict = "loaded" if limited["n"] else f"skipped, peak {limited['peak_mb']:.0f} MB"
            print(
                f"{size:>8.1f} {naive['peak_mb']:>14.0f} {full['peak_mb']:>16.0f} {extra:>15.1f}x "
                f"{full['seconds']:>8.1f} {verdict:>22}"
            )


if __name__ == "__main__":
    main()
