"""The ``framing`` command.

``framing load PATH --out corpus.parquet`` loads pages into a corpus, writes it (``.parquet`` or
``.csv``) with its load report beside it (``<name>.load_report.txt`` and ``.json``), and prints the
report. Exit codes: 0 on success, 2 on bad input, with a one-line reason on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

OUT_SUFFIXES = (".parquet", ".csv")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Compare how news outlets frame an event.")
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="load scraped pages into a corpus and print the load report")
    load.add_argument("path", help="a page file or a folder of pages (read recursively)")
    load.add_argument("--out", required=True, help="where to write the corpus: a .parquet or .csv file")
    load.add_argument("--outlet", default=None, help="the outlet id of every page (default: from the pages)")
    load.add_argument(
        "--profiles", default=None, help="an outlet profile YAML file to add to the shipped ones"
    )
    load.add_argument("--strict", action="store_true", help="stop at the first file with a problem")
    return parser


def _load(args: argparse.Namespace) -> int:
    from framing.load import LoadError, read_corpus

    out = Path(args.out)
    if out.suffix.lower() not in OUT_SUFFIXES:
        raise ValueError(f"--out {args.out!r}: the file name must end in one of {list(OUT_SUFFIXES)}")
    try:
        corpus = read_corpus(
            args.path, outlet=args.outlet, profiles=args.profiles, strict=args.strict, progress=None
        )
    except LoadError as exc:
        raise ValueError(str(exc)) from exc
    report = corpus.attrs["load_report"]
    print(report.summary())
    if corpus.empty:
        raise ValueError(f"no articles loaded from {args.path!r}")
    out.parent.mkdir(parents=True, exist_ok=True)
    table = corpus.copy()
    table.attrs = {}
    if out.suffix.lower() == ".parquet":
        table.to_parquet(out, index=False)
    else:
        table.to_csv(out, index=False)
    stem = out.with_suffix("")
    Path(f"{stem}.load_report.txt").write_text(report.summary(limit=10_000) + "\n", encoding="utf-8")
    Path(f"{stem}.load_report.json").write_text(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"Wrote {out} ({len(corpus)} articles) and {stem}.load_report.txt/.json")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _load(args)
    except (ValueError, FileNotFoundError, OSError) as exc:
        print(f"framing {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
