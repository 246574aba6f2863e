"""Scale: pandas in one process vs streaming vs Dask with 2 workers, time and peak memory, in one run.

    .venv/bin/python benchmarks/bench_scale.py --lab-data /tmp/lab --sizes 100000 1000000 \\
        [--pandas-max 100000] [--huge-mb 50]

The articles come from the lab corpus generator (``../shared/bench/lab-corpus``, see its README): synthetic
Arabic news text of realistic lexicon density (about 4% of tokens hit; proclitics, spelling variants,
diacritics), 400 words an article on average, and its 486-entry lexicon in 10 frames. Run it first:
``LAB_DATA=/tmp/lab python ../shared/bench/lab-corpus/gen_corpus.py 100000``. A dataset of N articles
is written once under ``--work`` (default ``/tmp/framing-bench-scale``) as a partitioned parquet dataset
(``framing load`` layout, 20,000 articles a file, 12 fictional outlets); above the generated count the
articles are repeated with new ``doc_id`` values (say so with the figures: the vocabulary does not grow).

Each mode runs in a fresh Python process; its peak memory is the peak of the summed proportional set
size (PSS: resident memory, a page shared by forked processes counted once) of that process and all its
children (Dask's worker processes included), sampled every 0.1 s:

- ``pandas``: ``pd.read_parquet`` of the whole dataset, then ``framing.score(corpus, lexicon, workers=1)``
  (only up to ``--pandas-max`` articles: beyond, the corpus alone does not fit a shared machine);
  ``pandas-2`` the same with ``workers=2`` (two forked processes count it; not run by default);
- ``streaming``: ``framing.score(dataset_folder, lexicon, workers=1)``, chunk by chunk (the scores are
  kept); ``streaming-2`` the same with ``workers=2``: each chunk counted by this process and a forked one
  (what ``workers=None`` chooses on 2 cores);
- ``dask-2``: a ``LocalCluster`` of 2 worker processes, ``dd.read_parquet`` and ``framing.score``, the
  scores gathered partition by partition (cluster start-up included in the time).

Every mode's scores are checked equal (row count, total hits, total tokens) before the table is printed.
``--huge-mb`` adds two rows: a single page of that many MB (articles joined) scored on its own, by pandas
and streamed (matched segment by segment), with the memory used beyond the page itself.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUTLETS = [f"outlet_{c}" for c in "abcdefghijkl"]  # fictional
ROWS_PER_FILE = 20_000


def lexicon_spec(lab: Path) -> dict[str, list[str]]:
    data = json.loads((lab / "lexicon.json").read_text(encoding="utf-8"))
    spec: dict[str, list[str]] = {frame: [] for frame in data["frames"]}
    for term, frame in data["terms"]:
        spec[data["frames"][frame]].append(term)
    return spec


def lab_file(lab: Path) -> Path:
    found = sorted(lab.glob("corpus_*.txt"), key=lambda p: int(p.stem.split("_")[1]))
    if not found:
        sys.exit(f"no corpus_N.txt in {lab}: run the lab-corpus generator first (see this file's docstring)")
    return found[-1]


def build_dataset(lab: Path, n: int, folder: Path) -> Path:
    """``folder``/part-NNNNN.parquet with ``n`` articles (written once; reused when complete)."""
    import pandas as pd

    done = folder / "_complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    texts = lab_file(lab).read_text(encoding="utf-8").splitlines()
    start = pd.Timestamp("2024-01-01")
    for part, first in enumerate(range(0, n, ROWS_PER_FILE)):
        ids = range(first, min(n, first + ROWS_PER_FILE))
        frame = pd.DataFrame(
            {
                "doc_id": [f"a{i:07d}" for i in ids],
                "outlet": [OUTLETS[i % len(OUTLETS)] for i in ids],
                "title": [""] * len(ids),
                "published": [start + pd.Timedelta(days=i % 365) for i in ids],
                "text": [texts[i % len(texts)] for i in ids],
            }
        )
        frame.to_parquet(folder / f"part-{part:05d}.parquet", index=False)
    done.write_text("", encoding="utf-8")
    return folder


# ------------------------------------------------------------------------------ one mode, in a child


def _peak_rss() -> int:
    """This process's peak resident memory in bytes: VmHWM, which starts afresh at exec (``ru_maxrss``
    carries over the parent's peak, e.g. the peak of building the dataset in the same run)."""
    import resource

    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_mode(mode: str, dataset: Path, lab: Path, huge_mb: float) -> dict[str, Any]:
    import warnings

    import pandas as pd

    warnings.simplefilter("ignore")  # the lab lexicon has 3 stopword entries; the LexiconWarning says so

    import framing

    lexicon = framing.load_lexicon(lexicon_spec(lab))
    started = time.perf_counter()
    if mode in ("pandas", "pandas-2"):
        corpus = pd.read_parquet(dataset, columns=["doc_id", "outlet", "text"])
        scores = framing.score(corpus, lexicon, workers=1 if mode == "pandas" else 2)
    elif mode in ("streaming", "streaming-2"):
        scores = framing.score(dataset, lexicon, workers=1 if mode == "streaming" else 2)
    elif mode.startswith("dask-"):
        import dask.dataframe as dd

        from framing import daskio

        with daskio.cluster_client(workers=int(mode.split("-")[1])) as client:
            frame = dd.read_parquet(dataset, columns=["doc_id", "text"])
            parts = daskio.compute_partitions(client, framing.score(frame, lexicon), progress=False)
            scores = pd.concat(list(parts), ignore_index=True)
    elif mode in ("huge", "huge-stream"):  # one page of huge_mb MB: how much memory beyond the page itself
        import psutil

        page, size = [], 0
        with lab_file(lab).open(encoding="utf-8") as lines:
            for text in lines:
                page.append(text)
                size += len(text.encode("utf-8"))
                if size >= huge_mb * 1e6:
                    break
        corpus = pd.DataFrame({"doc_id": ["huge"], "text": ["".join(page)]})
        del page
        framing.score(corpus.assign(text="تجربة"), lexicon)  # compile the lexicon first
        before = psutil.Process().memory_info().rss
        started = time.perf_counter()
        scores = framing.score(corpus if mode == "huge" else iter([corpus]), lexicon)  # pandas, or streamed
        extra = _peak_rss() - before
        return {
            "seconds": time.perf_counter() - started,
            "rows": len(scores),
            "hits": int(scores["count"].sum()),
            "tokens": int(scores["tokens"].iloc[0]),
            "page_mb": size / 1e6,
            "extra_gb": extra / 1e9,
        }
    else:
        raise ValueError(f"mode {mode!r}; valid: pandas, streaming, dask-N, huge")
    seconds = time.perf_counter() - started
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "rows": len(scores),
        "hits": int(scores["count"].sum()),
        "tokens": int(scores.drop_duplicates("doc_id")["tokens"].sum()),
    }


def tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in processes:  # proportional set size: a page shared by forked processes is counted once
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied, OSError):
            total += _pss(p.pid) or p.memory_info().rss
    return total


def _pss(pid: int) -> int | None:
    """A process's proportional set size in bytes from ``/proc/PID/smaps_rollup`` (cheap to read), or
    None where there is no such file."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return None


def measure(mode: str, dataset: Path, lab: Path, huge_mb: float) -> dict[str, Any]:
    """Run one mode in a fresh process; its result with the peak memory of its process tree."""
    command = [sys.executable, __file__, "--child", mode, "--dataset", str(dataset), "--lab-data", str(lab)]
    command += ["--huge-mb", str(huge_mb)]
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(child.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    wall = time.perf_counter()
    sampler.start()
    out, _ = child.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - wall
    if child.returncode != 0:
        return {"error": f"exit {child.returncode}", "wall": wall, "peak_gb": peak / 1e9}
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return {**result, "wall": wall, "peak_gb": peak / 1e9}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lab-data", type=Path, required=True, help="where gen_corpus.py wrote its files")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument(
        "--modes", nargs="+", default=["pandas", "pandas-2", "streaming", "streaming-2", "dask-2"]
    )
    parser.add_argument("--pandas-max", type=int, default=100_000, help="largest size run in pandas")
    parser.add_argument("--huge-mb", type=float, default=0.0, help="also score one page of this many MB")
    parser.add_argument("--work", type=Path, default=Path("/tmp/framing-bench-scale"))
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--dataset", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_mode(args.child, args.dataset, args.lab_data, args.huge_mb)))
        return

    import psutil

    source = lab_file(args.lab_data)
    print(
        f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 1e9:.0f} GB RAM, "
        f"load average {os.getloadavg()[0]:.1f} at start (shared with other users)"
    )
    rows: list[tuple[str, ...]] = []
    with source.open(encoding="utf-8") as lines:
        sizes = [len(line.encode("utf-8")) for line in lines]
    print(f"lab corpus: {source} ({len(sizes):,} generated articles)")
    for n in args.sizes:
        dataset = build_dataset(args.lab_data, n, args.work / f"articles_{n}")
        mb = sum(p.stat().st_size for p in dataset.glob("*.parquet")) / 1e6
        text_mb = _text_mb(sizes, n)
        print(f"\n{n:,} articles: {text_mb:,.0f} MB of UTF-8 text, {mb:,.0f} MB of parquet in {dataset}")
        reference: tuple[int, int, int] | None = None
        for mode in args.modes:
            if mode.startswith("pandas") and n > args.pandas_max:
                rows.append(
                    (f"{n:,}", mode, "not run", "", "", "", "", f"(> --pandas-max {args.pandas_max:,})")
                )
                continue
            r = measure(mode, dataset, args.lab_data, 0.0)
            print(f"  {mode:<10} {json.dumps(r)}", flush=True)
            if "error" in r:
                rows.append((f"{n:,}", mode, r["error"], "", f"{r['peak_gb']:.2f}", "", "", ""))
                continue
            check = (r["rows"], r["hits"], r["tokens"])
            same = "" if reference is None or check == reference else "DIFFERENT RESULT"
            reference = reference or check
            rows.append(
                (
                    f"{n:,}",
                    mode,
                    f"{r['seconds']:.1f}",
                    f"{r['cpu']:.1f}",
                    f"{r['peak_gb']:.2f}",
                    f"{text_mb / r['seconds']:.1f}",
                    f"{text_mb / r['cpu']:.1f}",
                    same or f"{r['hits']:,} hits",
                )
            )
    for mode in ("huge", "huge-stream") if args.huge_mb else ():
        r = measure(mode, args.work, args.lab_data, args.huge_mb)
        print(f"  {mode:<10} {json.dumps(r)}", flush=True)
        extra = (
            f"+{r['extra_gb']:.2f} GB = {r['extra_gb'] * 1e3 / r['page_mb']:.1f}x the page"
            if "seconds" in r
            else ""
        )
        rows.append(
            (
                "1 page",
                f"{args.huge_mb:.0f} MB, " + ("pandas" if mode == "huge" else "streamed"),
                f"{r['seconds']:.1f}" if "seconds" in r else r.get("error", ""),
                "",
                f"{r['peak_gb']:.2f}",
                f"{r['page_mb'] / r['seconds']:.1f}" if "seconds" in r else "",
                "",
                extra,
            )
        )
    header = ("articles", "mode", "score s", "cpu s", "peak GB", "MB/s", "MB/cpu-s", "result")
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    print()
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(str(x).rjust(w) for x, w in zip(line, widths, strict=True)))
    print(
        "\nscore s: from the mode's start (reading included; Dask: cluster start-up included) to the scores "
        "in memory; cpu s: CPU seconds of the mode's processes (Dask: client, scheduler and workers; imports "
        "included); MB/s: text MB per score second; MB/cpu-s: per CPU second; peak GB: the "
        "process tree's proportional set size (Dask: client + scheduler + 2 workers)."
    )


def _text_mb(sizes: list[int], n: int) -> float:
    full, rest = divmod(n, len(sizes))
    return (full * sum(sizes) + sum(sizes[:rest])) / 1e6


if __name__ == "__main__":
    main()
