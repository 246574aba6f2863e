"""Write a corpus to disk with its load report beside it (``framing load``, ``framing report``)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from framing.load.report import LoadReport

CORPUS_SUFFIXES = (".parquet", ".csv")


def save_corpus(corpus: pd.DataFrame, path: str | Path) -> tuple[Path, ...]:
    """Write ``corpus`` to ``path`` (``.parquet`` or ``.csv``, UTF-8) and, when it carries one, its load
    report as ``<name>.load_report.txt`` and ``.json`` beside it. Returns the paths written.

    >>> import tempfile, framing
    >>> corpus = framing.read_corpus("data/raw")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in save_corpus(corpus, Path(folder) / "corpus.parquet")]
    ['corpus.parquet', 'corpus.load_report.txt', 'corpus.load_report.json']
    """
    out = Path(path)
    if out.suffix.lower() not in CORPUS_SUFFIXES:
        raise ValueError(f"{str(path)!r}: a corpus file name must end in one of {list(CORPUS_SUFFIXES)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    table = corpus.copy()
    table.attrs = {}
    if out.suffix.lower() == ".parquet":
        table.to_parquet(out, index=False)
    else:
        table.to_csv(out, index=False)
    written = [out]
    report = corpus.attrs.get("load_report")
    if isinstance(report, LoadReport):
        stem = out.with_suffix("")
        text, data = Path(f"{stem}.load_report.txt"), Path(f"{stem}.load_report.json")
        text.write_text(report.summary(limit=10_000) + "\n", encoding="utf-8")
        data.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [text, data]
    return tuple(written)
