"""Write a corpus to disk with its load report beside it (``framing load``, ``framing report``)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from framing.load.report import LoadReport

CORPUS_SUFFIXES = (".parquet", ".csv")
ROWS_PER_FILE = 20_000
"""Articles per file of a partitioned parquet dataset: about 100 MB of text for 400-word articles."""


def is_dataset_path(path: str | Path) -> bool:
    """True for where a partitioned parquet dataset is written: a path without a suffix, or a folder.

    >>> is_dataset_path("corpus"), is_dataset_path("corpus.parquet")
    (True, False)
    """
    out = Path(path)
    return out.is_dir() or out.suffix == ""


def save_corpus(
    corpus: pd.DataFrame, path: str | Path, *, rows_per_file: int = ROWS_PER_FILE
) -> tuple[Path, ...]:
    """Write ``corpus`` to ``path`` (``.parquet`` or ``.csv``, UTF-8) and, when it carries one, its load
    report as ``<name>.load_report.txt`` and ``.json`` beside it. Returns the paths written.

    A ``path`` without a suffix is a folder: the corpus is written there as a partitioned parquet dataset,
    ``part-00000.parquet``, ``part-00001.parquet``, … of ``rows_per_file`` articles each, which
    :mod:`framing.stream` reads chunk by chunk and ``dask.dataframe.read_parquet`` partition by partition
    (the load report goes beside the folder). The folder must be new or empty.

    >>> import tempfile, framing
    >>> corpus = framing.read_corpus("data/raw")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in save_corpus(corpus, Path(folder) / "corpus.parquet")]
    ['corpus.parquet', 'corpus.load_report.txt', 'corpus.load_report.json']
    """
    out = Path(path)
    dataset = is_dataset_path(out)
    if not dataset and out.suffix.lower() not in CORPUS_SUFFIXES:
        raise ValueError(
            f"{str(path)!r}: a corpus file name must end in one of {list(CORPUS_SUFFIXES)} "
            "(or have no suffix: a folder for a partitioned parquet dataset)"
        )
    if rows_per_file < 1:
        raise ValueError(f"rows_per_file is {rows_per_file!r}; it must be 1 or more articles")
    out.parent.mkdir(parents=True, exist_ok=True)
    table = corpus.copy()
    table.attrs = {}
    if dataset:
        if out.exists() and any(out.iterdir()):
            raise ValueError(
                f"{str(path)!r} is a folder that is not empty; a parquet dataset needs a new folder"
            )
        out.mkdir(exist_ok=True)
        for part, start in enumerate(range(0, max(len(table), 1), rows_per_file)):
            chunk = table.iloc[start : start + rows_per_file]
            chunk.to_parquet(out / f"part-{part:05d}.parquet", index=False)
    elif out.suffix.lower() == ".parquet":
        table.to_parquet(out, index=False)
    else:
        table.to_csv(out, index=False)
    written = [out]
    report = corpus.attrs.get("load_report")
    if isinstance(report, LoadReport):
        stem = out.with_suffix("") if not dataset else out
        text, data = Path(f"{stem}.load_report.txt"), Path(f"{stem}.load_report.json")
        text.write_text(report.summary(limit=10_000) + "\n", encoding="utf-8")
        data.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [text, data]
    return tuple(written)
