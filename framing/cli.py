"""The ``framing`` command.

- ``framing report [CORPUS] [--lexicon NAME|FILE] [--out reports/]``: run the notebooks on a corpus
  (the bundled data when none is given) and write an HTML report with figures, tables and provenance.
- ``framing load PATH --out corpus.parquet``: load pages into a corpus; write it (``.parquet`` or
  ``.csv``) with its load report beside it (``<name>.load_report.txt`` and ``.json``); print the report.
- ``framing score CORPUS --lexicon NAME|FILE --out scores.csv``: score a lexicon on every article.
- ``framing lexicon check FILE``: validate a lexicon file and print what it holds and its warnings.
- ``framing lexicon list``: the shipped lexicons.

Exit codes: 0 on success; 2 on bad input and 1 when a notebook of the report fails, with a one-line
reason on standard error (a failing notebook's traceback is printed before that line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    load.add_argument("--out", required=True, help="where to write the corpus: a .parquet or .csv file")
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

    lexicon = commands.add_parser("lexicon", help="check a lexicon file, or list the shipped lexicons")
    sub = lexicon.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = sub.add_parser("check", help="validate a lexicon file and print its frames and warnings")
    check.add_argument("file", help="a lexicon file (.yaml, .yml or LIWC .dic)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 2)")
    sub.add_parser("list", help="the shipped lexicons")
    return parser


def _load(args: argparse.Namespace) -> int:
    from framing.load import LoadError, read_corpus
    from framing.load.save import CORPUS_SUFFIXES, save_corpus

    out = Path(args.out)
    if out.suffix.lower() not in CORPUS_SUFFIXES:
        raise ValueError(f"--out {args.out!r}: the file name must end in one of {list(CORPUS_SUFFIXES)}")
    try:
        corpus = read_corpus(args.path, outlet=args.outlet, profiles=args.profiles, strict=args.strict)
    except LoadError as exc:
        raise ValueError(str(exc)) from exc
    report = corpus.attrs["load_report"]
    print(report.summary())
    if corpus.empty:
        raise ValueError(f"no articles loaded from {args.path!r}")
    written = save_corpus(corpus, out)
    print(f"Wrote {out} ({len(corpus)} articles) and {', '.join(p.name for p in written[1:])}")
    return 0


def _write_table(table: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".parquet":
        table.to_parquet(path, index=False)
    else:
        table.to_csv(path, index=False, encoding="utf-8")


def _score(args: argparse.Namespace) -> int:
    import framing

    for option, value in (("--out", args.out), ("--matches", args.matches)):
        if value is not None and Path(value).suffix.lower() not in SCORE_SUFFIXES:
            raise ValueError(f"{option} {value!r}: the file name must end in one of {list(SCORE_SUFFIXES)}")
    lexicon = framing.load_lexicon(args.lexicon)
    corpus = framing.read_corpus(args.corpus)
    if corpus.empty:
        raise ValueError(f"no articles loaded from {args.corpus!r}")
    scores = framing.score(corpus, lexicon)
    table = framing.wide_scores(scores).reset_index() if args.wide else scores
    _write_table(table, Path(args.out))
    if args.matches:  # matched again only when asked for: score() counts without keeping the matches
        _write_table(framing.find_matches(corpus, lexicon), Path(args.matches))
    summary = (
        scores.assign(hit=scores["count"] > 0)
        .groupby("frame", sort=False)
        .agg(hits=("count", "sum"), articles=("hit", "sum"))
    )
    print(f"{lexicon.name} {lexicon.version} ({lexicon.hash}) on {len(corpus)} articles:")
    for frame, row in summary.iterrows():
        print(f"  {frame:<28} {int(row['hits']):>6} hits in {int(row['articles']):>5} articles")
    print(f"Wrote {args.out}" + (f" and {args.matches}" if args.matches else ""))
    return 0


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
