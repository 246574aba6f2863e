"""The ``framing`` command.

- ``framing report [CORPUS] [--lexicon NAME|FILE] [--out reports/]``: run the notebooks on a corpus
  (the bundled data when none is given) and write an HTML report with figures, tables and provenance.
- ``framing load PATH --out corpus.parquet``: load pages into a corpus; write it (``.parquet`` or
  ``.csv``, or a folder: a partitioned parquet dataset) with its load report beside it
  (``<name>.load_report.txt`` and ``.json``); print the report.
- ``framing score CORPUS --lexicon NAME|FILE --out scores.csv``: score a lexicon on every article; a
  parquet dataset folder is streamed chunk by chunk (a large chunk counted on every core by forked
  processes, :func:`framing.score`'s ``workers=None``); ``--workers N`` (a local Dask cluster) or
  ``--scheduler ADDRESS`` (an existing one) score partitions in parallel, with a progress bar.
- ``framing lexicon check FILE``: validate a lexicon file and print what it holds and its warnings.
- ``framing lexicon list``: the shipped lexicons.

Exit codes: 0 on success; 2 on bad input and 1 when a notebook of the report fails, with a one-line
reason on standard error (a failing notebook's traceback is printed before that line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

SCORE_SUFFIXES = (".csv", ".parquet")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Compare how news outlets frame an event.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser(
        "report", help="run the notebooks on a corpus and write an HTML report (the main job)"
    )
    report.add_argument(
        "corpus", nargs="?", default=None, help="a folder (or file) of pages; default: the bundled data/"
    )
    report.add_argument("--out", default="reports", help="the report folder (default: reports)")
    report.add_argument("--lexicon", default=None, help="the frame lexicon: a shipped name or a file")
    report.add_argument("--labels", default=None, help="the actor-label lexicon: a shipped name or a file")
    report.add_argument(
        "--embeddings", default=None, help='the topic models\' embeddings: "use", "tfidf" or "st:<folder>"'
    )
    report.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any other notebook parameter, e.g. -p N_BOOT=500 (repeatable)",
    )
    report.add_argument("--notebooks", default=None, help="the notebook folder (default: notebooks/)")
    report.add_argument(
        "--kernel", default=None, help="an installed Jupyter kernel to run them in (default: this Python)"
    )
    report.add_argument(
        "--timeout", type=int, default=None, help="seconds a notebook cell may run (default: no limit)"
    )
    report.add_argument("--no-progress", action="store_true", help="no progress bars")

    load = commands.add_parser("load", help="load scraped pages into a corpus and print the load report")
    load.add_argument("path", help="a page file or a folder of pages (read recursively)")
    load.add_argument(
        "--out",
        required=True,
        help="the corpus: a .parquet or .csv file, or a folder (written as a partitioned parquet dataset)",
    )
    load.add_argument(
        "--rows-per-file",
        type=int,
        default=None,
        metavar="N",
        help="articles per file of a parquet dataset folder (default: 20000)",
    )
    load.add_argument("--outlet", default=None, help="the outlet id of every page (default: from the pages)")
    load.add_argument(
        "--profiles", default=None, help="an outlet profile YAML file to add to the shipped ones"
    )
    load.add_argument("--strict", action="store_true", help="stop at the first file with a problem")

    score = commands.add_parser("score", help="score a lexicon on every article of a corpus")
    score.add_argument("corpus", help="pages (file or folder) or a corpus written by `framing load`")
    score.add_argument("--lexicon", required=True, help="a shipped lexicon name or a lexicon file")
    score.add_argument("--out", required=True, help="the scores: a .csv or .parquet file")
    score.add_argument(
        "--wide", action="store_true", help="one row per article, one column per frame (rates)"
    )
    score.add_argument("--matches", default=None, help="also write every match (.csv or .parquet)")
    scale = score.add_mutually_exclusive_group()
    scale.add_argument(
        "--workers", type=int, default=None, metavar="N", help="score on a local Dask cluster of N processes"
    )
    scale.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="score on an existing Dask cluster (tcp://host:8786)",
    )
    score.add_argument("--no-progress", action="store_true", help="no progress bar")

    lexicon = commands.add_parser("lexicon", help="check a lexicon file, or list the shipped lexicons")
    sub = lexicon.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = sub.add_parser("check", help="validate a lexicon file and print its frames and warnings")
    check.add_argument("file", help="a lexicon file (.yaml, .yml or LIWC .dic)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 2)")
    sub.add_parser("list", help="the shipped lexicons")
    return parser


def _load(args: argparse.Namespace) -> int:
    from framing.load import LoadError, read_corpus
    from framing.load.save import CORPUS_SUFFIXES, ROWS_PER_FILE, is_dataset_path, save_corpus

    out = Path(args.out)
    if not is_dataset_path(out) and out.suffix.lower() not in CORPUS_SUFFIXES:
        raise ValueError(
            f"--out {args.out!r}: the file name must end in one of {list(CORPUS_SUFFIXES)} "
            "(or be a folder, for a partitioned parquet dataset)"
        )
    if args.rows_per_file is not None and not is_dataset_path(out):
        raise ValueError(f"--rows-per-file applies to a dataset folder, not to the file {args.out!r}")
    try:
        corpus = read_corpus(args.path, outlet=args.outlet, profiles=args.profiles, strict=args.strict)
    except LoadError as exc:
        raise ValueError(str(exc)) from exc
    report = corpus.attrs["load_report"]
    print(report.summary())
    if corpus.empty:
        raise ValueError(f"no articles loaded from {args.path!r}")
    written = save_corpus(corpus, out, rows_per_file=args.rows_per_file or ROWS_PER_FILE)
    parts = f", {len(list(out.glob('*.parquet')))} parquet files" if out.is_dir() else ""
    print(f"Wrote {out} ({len(corpus)} articles{parts}) and {', '.join(p.name for p in written[1:])}")
    return 0


def _score(args: argparse.Namespace) -> int:
    import pandas as pd

    import framing
    from framing import stream

    for option, value in (("--out", args.out), ("--matches", args.matches)):
        if value is not None and Path(value).suffix.lower() not in SCORE_SUFFIXES:
            raise ValueError(f"{option} {value!r}: the file name must end in one of {list(SCORE_SUFFIXES)}")
    if args.workers is not None and args.workers < 1:
        raise ValueError(f"--workers {args.workers}: it must be 1 or more processes")
    lexicon = framing.load_lexicon(args.lexicon)
    dataset = stream.is_parquet_dataset(args.corpus)
    corpus: pd.DataFrame | str = args.corpus if dataset else framing.read_corpus(args.corpus)
    if isinstance(corpus, pd.DataFrame) and corpus.empty:
        raise ValueError(f"no articles loaded from {args.corpus!r}")
    progress = not args.no_progress
    totals = _Totals()
    if args.workers is not None or args.scheduler is not None:
        from framing import daskio

        with daskio.cluster_client(workers=args.workers, scheduler=args.scheduler) as client:
            frame = _dask_corpus(corpus, partitions=2 * len(client.scheduler_info()["workers"]))
            scores = daskio.compute_partitions(client, framing.score(frame, lexicon), progress=progress)
            _write_scores(scores, Path(args.out), wide=args.wide, totals=totals)
            if args.matches:
                matches = framing.find_matches(frame, lexicon)
                _write_chunks(
                    daskio.compute_partitions(client, matches, progress=progress), Path(args.matches)
                )
    else:
        with _progress_bar(corpus, progress) as bar:
            scores_of = (bar(chunk) for chunk in stream.score_chunks(corpus, lexicon))
            _write_scores(scores_of, Path(args.out), wide=args.wide, totals=totals)
        if args.matches:  # matched again only when asked for: score() counts without keeping the matches
            _write_chunks(stream.match_chunks(corpus, lexicon), Path(args.matches))
    if totals.articles == 0:
        raise ValueError(f"no articles loaded from {args.corpus!r}")
    print(f"{lexicon.name} {lexicon.version} ({lexicon.hash}) on {totals.articles} articles:")
    for frame_id, (hits, articles) in totals.frames.items():
        print(f"  {frame_id:<28} {hits:>6} hits in {articles:>5} articles")
    print(f"Wrote {args.out}" + (f" and {args.matches}" if args.matches else ""))
    return 0


class _Totals:
    """Hits and articles per frame, and the number of articles, summed over chunks of scores."""

    def __init__(self) -> None:
        self.articles = 0
        self.frames: dict[str, tuple[int, int]] = {}

    def add(self, scores: pd.DataFrame) -> None:
        from framing import schema as S

        self.articles += len(scores) // max(1, scores[S.FRAME].nunique())  # one row per (article, frame)
        summary = (
            scores.assign(hit=scores[S.COUNT] > 0)
            .groupby(S.FRAME, sort=False)
            .agg(hits=(S.COUNT, "sum"), articles=("hit", "sum"))
        )
        for frame_id, row in summary.iterrows():
            hits, articles = self.frames.get(str(frame_id), (0, 0))
            self.frames[str(frame_id)] = (hits + int(row["hits"]), articles + int(row["articles"]))


def _write_scores(chunks: Iterable[pd.DataFrame], path: Path, *, wide: bool, totals: _Totals) -> None:
    import framing
    from framing.stream import ChunkWriter

    with ChunkWriter(path) as out:
        for scores in chunks:
            totals.add(scores)
            out.write(framing.wide_scores(scores).reset_index() if wide else scores)


def _write_chunks(chunks: Iterable[pd.DataFrame], path: Path) -> None:
    from framing.stream import ChunkWriter

    with ChunkWriter(path) as out:
        for chunk in chunks:
            out.write(chunk)


def _dask_corpus(corpus: pd.DataFrame | str, *, partitions: int) -> dd.DataFrame:
    """A parquet dataset read partition by partition, or a loaded corpus cut into ``partitions``."""
    import dask.dataframe as dd

    from framing import schema as S

    if isinstance(corpus, str):
        frame: dd.DataFrame = dd.read_parquet(corpus, columns=[S.DOC_ID, S.TEXT, S.OUTLET])
        return frame
    slim = corpus[[c for c in (S.DOC_ID, S.TEXT, S.OUTLET) if c in corpus.columns]]
    engine: Any = dd  # from_pandas is not annotated
    cut: dd.DataFrame = engine.from_pandas(slim, npartitions=max(1, min(partitions, len(slim))), sort=False)
    return cut


@contextmanager
def _progress_bar(corpus: pd.DataFrame | str, show: bool) -> Iterator[Callable[[pd.DataFrame], pd.DataFrame]]:
    """A function to pass each chunk of scores through, counting its articles on a bar (a dataset only)."""
    if not show or not isinstance(corpus, str):
        yield lambda chunk: chunk
        return
    import pyarrow.parquet as pq
    from tqdm import tqdm

    from framing import schema as S
    from framing.stream import parquet_files

    total = sum(pq.ParquetFile(f).metadata.num_rows for f in parquet_files(corpus))
    with tqdm(total=total, desc="scoring", unit="article", file=sys.stderr) as bar:

        def counted(chunk: pd.DataFrame) -> pd.DataFrame:
            bar.update(len(chunk) // max(1, chunk[S.FRAME].nunique()))
            return chunk

        yield counted


def _lexicon(args: argparse.Namespace) -> int:
    import framing

    if args.action == "list":
        table = framing.list_lexicons()
        for row in table.itertuples():
            about = " ".join(str(row.description or "").split())
            about = about if len(about) <= 90 else about[:89].rsplit(" ", 1)[0] + " …"
            print(f"{row.name:<20} {row.version:<6} {row.frames:>2} frames {row.entries:>4} entries  {about}")
        return 0
    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(f"lexicon file {args.file!r} does not exist")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # printed below, once each
        lexicon = framing.load_lexicon(path, strict=args.strict)
    print(f"{path}: lexicon {lexicon.name} {lexicon.version} ({lexicon.hash}), valid")
    from framing.lexicon.model import entries_per_language

    per_language = ", ".join(f"{lang} {n}" for lang, n in entries_per_language(lexicon).items())
    print(f"  entries per language: {per_language}")
    for frame in lexicon.frames:
        label = " / ".join(x for x in (frame.label_en, frame.label_ar) if x)
        print(f"  {frame.id:<28} {len(frame.entries):>4} entries  {label}")
    print(f"{len(lexicon.warnings)} warning(s)" + (":" if lexicon.warnings else ""))
    for warning in lexicon.warnings:
        print(f"  {warning}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from framing.report import NotebookFailed, build_report, parse_parameter

    parameters = dict(parse_parameter(p) for p in args.param)
    try:
        report = build_report(
            args.corpus,
            out=args.out,
            lexicon=args.lexicon,
            labels=args.labels,
            embeddings=args.embeddings,
            parameters=parameters,
            notebooks=args.notebooks,
            kernel=args.kernel,
            timeout=args.timeout,
            progress=not args.no_progress,
        )
    except NotebookFailed as exc:
        print(exc.detail, file=sys.stderr)
        print(f"framing report: {exc}; no report written ({args.out} left as it was)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"framing report: interrupted; no report written ({args.out} left as it was)", file=sys.stderr)
        return 130
    print(
        f"Wrote {report.index} ({len(report.pages)} notebook pages, {len(report.figures)} figures, "
        f"{len(report.tables)} tables) in {report.seconds:.0f} s"
    )
    return 0


COMMANDS = {"load": _load, "score": _score, "lexicon": _lexicon, "report": _report}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (ValueError, FileNotFoundError, OSError) as exc:
        # One line with the reason; a message that lists several problems (a lexicon's) follows it.
        first, *rest = str(exc).strip().splitlines() or [type(exc).__name__]
        print(f"framing {args.command}: {first}", file=sys.stderr)
        for line in rest:
            print(line, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
