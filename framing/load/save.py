"""Write a corpus to disk with its load report beside it (``framing load``, ``framing report``)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import fields
from pathlib import Path
from typing import Any

import pandas as pd

from framing.load.report import LoadReport, Problem

CORPUS_SUFFIXES = (".parquet", ".csv")
SAVED = "framing_corpus"  # the parquet metadata key (via DataFrame.attrs) of a corpus written here
_SAVED_FORMAT = 1
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
        report = corpus.attrs.get("load_report")
        saved = {
            "format": _SAVED_FORMAT,
            "provenance": corpus.attrs.get("provenance"),
            "load_report": report.to_dict() if isinstance(report, LoadReport) else None,
        }
        table.attrs = {SAVED: saved}  # kept in the parquet metadata: read back as it is
        table.to_parquet(out, index=False)
        table.attrs = {}
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


def is_saved_corpus(path: str | Path) -> bool:
    """Whether ``path`` is a ``.parquet`` corpus written by :func:`save_corpus` (``framing load``, report)."""
    file = Path(path)
    if not (file.is_file() and file.suffix.lower() == ".parquet"):
        return False
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(file).metadata or {}
    except (OSError, ValueError):
        return False
    attrs = metadata.get(b"PANDAS_ATTRS")
    try:
        return attrs is not None and SAVED in json.loads(attrs)
    except ValueError:
        return False


def read_saved_corpus(path: str | Path) -> pd.DataFrame:
    """A corpus written by :func:`save_corpus` to ``.parquet``, read back unchanged: the same rows, columns,
    values and dtypes (``pandas.testing.assert_frame_equal`` holds), its provenance in ``attrs``.

    >>> import tempfile, framing
    >>> corpus = framing.read_corpus("data/demo")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = save_corpus(corpus, Path(folder) / "corpus.parquet")
    ...     again = read_saved_corpus(Path(folder) / "corpus.parquet")
    >>> pd.testing.assert_frame_equal(again, corpus)
    >>> again.attrs["provenance"] == corpus.attrs["provenance"]
    True
    >>> again.attrs["load_report"].to_dict() == corpus.attrs["load_report"].to_dict()
    True
    """
    file = Path(path)
    table = pd.read_parquet(file)
    saved = table.attrs.get(SAVED)
    saved = saved if isinstance(saved, dict) else {}
    found = saved.get("load_report")
    report = (
        _load_report(found)
        if isinstance(found, dict)
        else LoadReport(root=str(file), files_seen=1, records_seen=len(table), loaded=len(table))
    )
    table.attrs = {"load_report": report, "provenance": saved.get("provenance") or {"source": str(file)}}
    return table


def _load_report(data: dict[str, Any]) -> LoadReport:
    """The :class:`LoadReport` of its :meth:`~LoadReport.to_dict` (each field it names)."""
    report = LoadReport(root=str(data.get("root", "")))
    for spec in fields(LoadReport):
        if spec.name == "root" or spec.name not in data:
            continue
        value, current = data[spec.name], getattr(report, spec.name)
        if spec.name in ("skipped", "warnings"):
            value = [Problem(**problem) for problem in value]
        elif isinstance(current, Counter):
            value = Counter(value)
        elif isinstance(current, list):
            value = list(value)
        setattr(report, spec.name, value)
    return report
