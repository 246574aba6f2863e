"""Instructions of one first load, for comparing two versions of the loader on a machine whose speed
swings (the CPU time of the same load moved between 1.3 and 2.3 seconds within minutes here): an
instruction count does not move with the machine. Run under valgrind, counting only inside the load:

    PYTHONHASHSEED=0 PYTHONPATH=. valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce --callgrind-out-file=/tmp/load.cg \\
        .venv/bin/python benchmarks/load_instructions.py [--pages 600] [--parse-only]

and read "Collected" (instructions). The pages are those of ``bench_load.py`` (constructed text), made
in a temporary folder. The loader runs once first (patterns compiled, resources read), then its caches
of lines and words are emptied (``bench_load.cold_caches``) and the load is run once more inside
``functools.reduce``, the one function valgrind counts in (the loader itself never calls it).
``--parse-only`` counts ``parse_lines`` over the pages' lines instead of the whole ``read_corpus``
(reading, rows and the frame left out), with the cycle collector paused as ``read_corpus`` pauses
it. ``PYTHONHASHSEED=0`` makes the count repeat exactly. Under valgrind a run takes about 50 times
as long (600 pages: about 5 minutes).
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_load  # noqa: E402

from framing import read_corpus  # noqa: E402
from framing.load.outlets import load_profiles  # noqa: E402
from framing.load.pages import page_lines, parse_lines, split_title  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=600, help="pages to make and load (default 600)")
    parser.add_argument("--parse-only", action="store_true", help="count parse_lines only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="framing-load-instructions-") as tmp:
        folder = Path(tmp)
        bench_load.make_pages(folder, args.pages)
        if args.parse_only:
            known = load_profiles()
            pages = [page_lines(f.read_text(encoding="utf-8")) for f in sorted(folder.rglob("*.txt"))]
            splits = [split_title(lines[0], known) for lines in pages]

            def load(*_: object) -> None:
                keys: dict[str, str] = {}  # one load's line keys, as read_corpus keeps them
                gc.disable()  # as read_corpus parses: with the cycle collector paused
                try:
                    for lines, split in zip(pages, splits, strict=True):
                        parse_lines(lines, profiles=known, key_cache=keys, title_split=split)
                finally:
                    gc.enable()

        else:

            def load(*_: object) -> None:
                read_corpus(folder, progress=False, workers=1)

        load()
        bench_load.cold_caches()
        functools.reduce(load, [0, 1])  # counted: --toggle-collect=functools_reduce
    print(f"loaded {args.pages} pages ({'parse_lines only' if args.parse_only else 'read_corpus'})")


if __name__ == "__main__":
    main()
