"""Tables of articles collected elsewhere: ``.csv``, ``.tsv``, ``.jsonl`` and ``.parquet``.

A table needs a text column; ``columns`` maps its column names to the corpus's
(``{"body": "text", "source": "outlet", "date": "published"}``). Other columns pass through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from pandas._libs.tslibs.nattype import NaTType

from framing import schema as S
from framing.load.dates import find_dates
from framing.load.report import LoadReport

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".parquet")


def _read(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if suffix == ".tsv":
        return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_parquet(path)


def parse_published(value: Any) -> pd.Timestamp | NaTType:
    """A table cell as a naive timestamp: datetimes as they are, Arabic or ISO strings parsed, else NaT.

    >>> parse_published("الجمعة 15 تموز 2016")
    Timestamp('2016-07-15 00:00:00')
    >>> parse_published("2016-07-14T21:16:00+03:00")
    Timestamp('2016-07-14 21:16:00')
    >>> parse_published("")
    NaT
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NaT
    if hasattr(value, "year"):  # datetime, date or Timestamp
        return _naive(pd.Timestamp(value))
    text = str(value).strip()
    if not text:
        return pd.NaT
    found = find_dates(text)
    if found:
        return pd.Timestamp(found[0].value)
    stamp = pd.to_datetime(text, errors="coerce", dayfirst=True)
    return pd.NaT if pd.isna(stamp) else _naive(pd.Timestamp(stamp))


def _naive(stamp: pd.Timestamp) -> pd.Timestamp:
    """The wall-clock time of ``stamp``, without its zone."""
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def read_table(
    path: Path,
    *,
    where: str,
    columns: Mapping[str, str] | None,
    outlet: str | None,
    report: LoadReport,
    problem: Callable[[str, str], None],
    doc_id: Callable[[str], str],
    folder_outlet: str | None,
) -> list[dict[str, Any]]:
    """The rows of one table file as corpus rows; ``problem(where, message)`` records a skipped row."""
    try:
        table = _read(path)
    except Exception as exc:  # pandas and pyarrow raise many kinds for a malformed file
        report.seen(where)
        problem(where, f"cannot read the table: {type(exc).__name__}: {exc}")
        return []
    report.seen(where, records=len(table))
    if columns:
        missing = sorted(set(columns) - set(table.columns))
        if missing:
            report.records_seen -= len(table) - 1
            problem(
                where,
                f"columns {missing} named in the mapping are not in the table; it has {list(table.columns)}",
            )
            return []
        table = table.rename(columns=dict(columns))
    if S.TEXT not in table.columns:
        report.records_seen -= len(table) - 1
        problem(
            where,
            f"no {S.TEXT!r} column; it has {list(map(str, table.columns))}: "
            "pass columns={'<your column>': 'text'}",
        )
        return []
    rows: list[dict[str, Any]] = []
    for i, record in enumerate(table.to_dict("records")):
        row_where = f"{where}:row {i + 1}"
        text = record.get(S.TEXT)
        if not isinstance(text, str) or not text.strip():
            problem(row_where, "empty text")
            continue
        row = {str(k): v for k, v in record.items()}
        row[S.TEXT] = text.strip()
        row[S.TITLE] = str(row.get(S.TITLE) or "")
        row[S.OUTLET] = str(row.get(S.OUTLET) or outlet or folder_outlet or path.stem)
        row[S.PUBLISHED] = parse_published(row.get(S.PUBLISHED))
        if S.UPDATED in row:
            row[S.UPDATED] = parse_published(row[S.UPDATED])
        row[S.SOURCE_PATH] = str(path)
        given = row.get(S.DOC_ID)
        row[S.DOC_ID] = (
            str(given)
            if given not in (None, "")
            else doc_id(f"{row[S.OUTLET]}\n{row[S.TITLE]}\n{row[S.TEXT]}")
        )
        rows.append(row)
    return rows
