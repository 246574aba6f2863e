"""Load the layout fixtures with ``read_corpus`` and compare every field with its expectation."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from framing import read_corpus
from tests.load.layouts.catalog import Case, cases

FIELDS = (
    "title",
    "published",
    "dateline",
    "wire",
    "wires_cited",
    "outlet",
    "language",
    "first",
    "last",
    "boilerplate",
)


def write_cases(folder: Path, selected: list[Case] | None = None) -> list[Case]:
    """Write each case as ``folder/<layout>/<story>.txt``; return the cases written."""
    selected = cases() if selected is None else selected
    for case in selected:
        path = folder / f"{case.id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case.text, encoding="utf-8")
    return selected


def _value(row: pd.Series, name: str) -> Any:
    value = row[name]
    if name == "published":
        return None if pd.isna(value) else value.to_pydatetime()
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def compare(case: Case, row: pd.Series) -> dict[str, tuple[bool, object, object]]:
    """``{field: (ok, expected, got)}`` for one case, plus ``body_lost`` (paragraphs missing from text)."""
    expect = case.expect
    paragraphs = [p for p in str(row["text"]).split("\n\n") if p]
    got: dict[str, object] = {
        "title": str(row["title"]),
        "published": _value(row, "published"),
        "dateline": _value(row, "dateline"),
        "wire": _value(row, "wire"),
        "wires_cited": _value(row, "wires_cited"),
        "outlet": str(row["outlet"]),
        "language": str(row["language"]),
        "first": paragraphs[0] if paragraphs else "",
        "last": paragraphs[-1] if paragraphs else "",
    }
    result = {name: (got[name] == expect[name], expect[name], got[name]) for name in got}
    boiler = set(str(row["boilerplate"] or "").split("\n"))
    missing = [line for line in expect["boilerplate"] if line not in boiler]  # type: ignore[union-attr]
    result["boilerplate"] = (not missing, "all furniture lines", missing)
    lost = [p for p in expect["body"] if p not in paragraphs]  # type: ignore[union-attr]
    result["body_lost"] = (not lost, 0, lost)
    return result


def evaluate(
    folder: Path, *, workers: int | None = 1
) -> tuple[list[Case], dict[str, dict[str, tuple[bool, object, object]]]]:
    """Write the fixtures under ``folder``, load them, and compare: ``(cases, {case id: comparison})``."""
    written = write_cases(folder)
    corpus = read_corpus(folder, progress=False, workers=workers)
    by_path = {
        Path(p).relative_to(folder).with_suffix("").as_posix(): i for i, p in enumerate(corpus["source_path"])
    }
    results = {}
    for case in written:
        results[case.id] = compare(case, corpus.iloc[by_path[case.id]])
    return written, results


def accuracy_table(
    written: list[Case], results: dict[str, dict[str, tuple[bool, object, object]]]
) -> pd.DataFrame:
    """Share of cases right per field (columns) and layout family (rows, plus ``all``); body lines lost."""
    rows: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    lost: dict[str, int] = defaultdict(int)
    for case in written:
        for family in (case.family, "all"):
            for name in FIELDS:
                rows[family][name].append(results[case.id][name][0])
            lost[family] += len(results[case.id]["body_lost"][2])  # type: ignore[arg-type]
    table = pd.DataFrame(
        {family: {name: sum(v) / len(v) for name, v in fields.items()} for family, fields in rows.items()}
    ).T
    table.insert(0, "pages", [len(rows[f]["title"]) for f in table.index])
    table["body_lines_lost"] = [lost[f] for f in table.index]
    order = [f for f in table.index if f != "all"] + ["all"]
    return table.loc[order]
