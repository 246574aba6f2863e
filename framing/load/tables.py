"""Tables of articles collected elsewhere: ``.csv``, ``.tsv``, ``.jsonl`` and ``.parquet``.

A table needs a text column; ``columns`` maps its column names to the corpus's
(``{"body": "text", "source": "outlet", "date": "published"}``). Other columns pass through.

Row by row, nothing is lost silently: a row whose text is missing, not a string, or not valid Unicode
(a lone surrogate) is skipped with a reason naming the file, the row and the column; a missing ``doc_id``
gets a generated one, a missing title is empty, a date that cannot be read or lies outside the range
pandas can hold (years 1677-2262) is NaT with a warning, and so is an unknown time zone.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from pandas._libs.tslibs.nattype import NaTType

from framing import schema as S
from framing.load.dates import find_dates
from framing.load.report import LoadError, LoadReport

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".parquet")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _missing(value: Any) -> bool:
    """None, NaN, NaT, pd.NA or a blank string."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _found(value: Any) -> str:
    shown = repr(value)
    return f"{type(value).__name__} {shown[:60] + '…' if len(shown) > 60 else shown}"


def _in_range(stamp: pd.Timestamp) -> bool:
    """Whether ``stamp`` fits a ``datetime64[ns]`` column (years 1677-2262)."""
    return bool(pd.Timestamp.min <= stamp.as_unit("us") <= pd.Timestamp.max)


def _read(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if suffix == ".tsv":
        return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if suffix == ".jsonl":
        return _read_jsonl(path)
    return pd.read_parquet(path)


_BAD_LINE = "\x00bad line"  # key of a record standing for a .jsonl line that is not a JSON object


def _read_jsonl(path: Path) -> pd.DataFrame:
    """A ``.jsonl`` file line by line, values as parsed (object columns, so that a string that is not
    valid Unicode reaches the row check); a line that is not a JSON object becomes a record saying so."""
    records: list[dict[str, Any]] = []
    text = path.read_bytes().decode("utf-8-sig")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            records.append({_BAD_LINE: f"line {n} is not valid JSON: {exc}"})
            continue
        if not isinstance(value, dict):
            records.append({_BAD_LINE: f"line {n} is not a JSON object: {type(value).__name__}"})
            continue
        records.append(value)
    return pd.DataFrame(records, dtype=object)


def parse_published(value: Any) -> pd.Timestamp | NaTType:
    """A table cell as a naive timestamp: datetimes as they are, Arabic or ISO strings parsed, else NaT.

    >>> parse_published("الجمعة 15 تموز 2016")
    Timestamp('2016-07-15 00:00:00')
    >>> parse_published("2016-07-14T21:16:00+03:00")
    Timestamp('2016-07-14 21:16:00')
    >>> parse_published("")
    NaT
    """
    if _missing(value):
        return pd.NaT
    if hasattr(value, "year"):  # datetime, date or Timestamp
        return _naive(pd.Timestamp(value))
    text = str(value).strip()
    if not text:
        return pd.NaT
    found = find_dates(text)
    if found:
        return pd.Timestamp(found[0].value)
    with warnings.catch_warnings():  # "Parsing dates in %Y-%m-%d format when dayfirst=True ..."
        warnings.simplefilter("ignore", UserWarning)
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
    warn: Callable[[str, str], None] | None = None,
) -> list[dict[str, Any]]:
    """The rows of one table file as corpus rows; ``problem(where, message)`` records a skipped row,
    ``warn(where, message)`` a row loaded with a change (default: ``report.warn``)."""
    warn = warn or report.warn
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
    if table.empty:
        report.records_seen -= len(table) - 1
        problem(where, f"the table has no rows (columns: {list(map(str, table.columns))})")
        return []
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
        try:
            row, reason = _row(record, row_where, path, outlet, folder_outlet, doc_id, warn)
        except LoadError:  # strict=True: a warning made an error
            raise
        except Exception as exc:  # a value of a kind no rule above foresaw: skip the row, say why
            row, reason = None, f"cannot read the row: {type(exc).__name__}: {exc}"
        if row is None:
            problem(row_where, reason)
            continue
        rows.append(row)
    return rows


def _row(
    record: Mapping[Any, Any],
    row_where: str,
    path: Path,
    outlet: str | None,
    folder_outlet: str | None,
    doc_id: Callable[[str], str],
    warn: Callable[[str, str], None],
) -> tuple[dict[str, Any] | None, str]:
    """One table record as a corpus row, or ``(None, reason)`` when it must be skipped."""
    if not _missing(record.get(_BAD_LINE)):
        return None, str(record[_BAD_LINE])
    text = record.get(S.TEXT)
    if _missing(text):
        return None, "empty text"
    if not isinstance(text, str):
        return None, f"the text is not a string: {_found(text)}"
    row = {str(k): v for k, v in record.items() if k != _BAD_LINE}
    for column, value in row.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            at = _SURROGATE.search(value)
            assert at is not None
            return None, (
                f"column {column!r} holds a lone surrogate (U+{ord(at.group()):04X} at character "
                f"{at.start()}): not valid Unicode"
            )
    row[S.TEXT] = text.strip()
    title = row.get(S.TITLE)
    row[S.TITLE] = "" if _missing(title) else str(title)
    given_outlet = row.get(S.OUTLET)
    row[S.OUTLET] = (
        str(given_outlet) if not _missing(given_outlet) else str(outlet or folder_outlet or path.stem)
    )
    for column in S.DATETIME_COLUMNS:
        if column in row or column == S.PUBLISHED:
            row[column] = _date(row.get(column), column, row_where, warn)
    if S.TIMEZONE in row:
        row[S.TIMEZONE] = _zone(row[S.TIMEZONE], row_where, warn)
    row[S.SOURCE_PATH] = str(path)
    given = row.get(S.DOC_ID)
    if _missing(given):
        row[S.DOC_ID] = doc_id(f"{row[S.OUTLET]}\n{row[S.TITLE]}\n{row[S.TEXT]}")
        if S.DOC_ID in record:
            warn(
                row_where,
                f"no doc_id ({_found(given)}): generated {row[S.DOC_ID]} from the outlet, title and text",
            )
    else:
        row[S.DOC_ID] = str(given)
    return row, ""


def _date(value: Any, column: str, row_where: str, warn: Callable[[str, str], None]) -> Any:
    """A date cell as a naive timestamp; NaT with a warning when it cannot be read or is out of range."""
    try:
        stamp = parse_published(value)
    except LoadError:
        raise
    except Exception as exc:  # pandas raises many kinds for odd values
        warn(
            row_where, f"{column} {_found(value)} cannot be read as a date ({type(exc).__name__}): left empty"
        )
        return pd.NaT
    if not isinstance(stamp, pd.Timestamp):  # NaT
        if not _missing(value):
            warn(row_where, f"{column} {_found(value)} is not a date framing reads: left empty")
        return pd.NaT
    if not _in_range(stamp):
        warn(
            row_where, f"{column} {_found(value)} is outside the years 1677-2262 pandas can hold: left empty"
        )
        return pd.NaT
    return stamp


def _zone(value: Any, row_where: str, warn: Callable[[str, str], None]) -> str | None:
    """An IANA time zone name, or None with a warning naming the value."""
    if _missing(value):
        return None
    try:
        ZoneInfo(str(value))
        pd.Timestamp("2016-07-15").tz_localize(str(value))
    except Exception:
        warn(
            row_where,
            f"unknown time zone {_found(value)} (use an IANA name such as 'Africa/Cairo'): "
            "published_utc left empty",
        )
        return None
    return str(value)
