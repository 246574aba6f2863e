"""Show how a page was cleaned: every line of the raw page with what the loader made of it.

>>> from framing import read_corpus
>>> corpus = read_corpus("data/raw")
>>> audit = page_audit(corpus, corpus.loc[0, "doc_id"])
>>> audit.to_frame()["role"].value_counts().to_dict()
{'boilerplate': 13, 'body': 10}
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing import schema as S
from framing.load.encoding import decode_bytes
from framing.load.pages import page_lines


@dataclass(frozen=True)
class PageAudit:
    """The raw lines of one page, each marked ``body`` or ``boilerplate``, and the cleaned article."""

    doc_id: str
    title: str
    lines: tuple[tuple[str, str], ...]  # (line, role)
    text: str

    def to_frame(self) -> pd.DataFrame:
        """One row per non-blank raw line: ``line_no`` (1-based among non-blank lines), ``line``, ``role``."""
        frame = pd.DataFrame(self.lines, columns=["line", "role"])
        frame.insert(0, "line_no", range(1, len(frame) + 1))
        return frame

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<div style="color:{"#000" if role == "body" else "#999"};'
            f'{"" if role == "body" else "text-decoration:line-through;"}">{html.escape(line)}</div>'
            for line, role in self.lines
        )
        article = "".join(f"<p>{html.escape(p)}</p>" for p in self.text.split("\n\n"))
        cell = 'style="vertical-align:top;text-align:right;width:50%;padding:0 1em;"'
        return (
            f'<table dir="rtl" lang="ar"><tr><th {cell}>الصفحة كما حُفظت (raw page; struck out: removed)</th>'
            f"<th {cell}>المقال بعد التنظيف (cleaned article)</th></tr>"
            f"<tr><td {cell}>{rows}</td>"
            f"<td {cell}><h4>{html.escape(self.title)}</h4>{article}</td></tr></table>"
        )


def page_audit(corpus: pd.DataFrame, doc_id: str) -> PageAudit:
    """The audit of the article ``doc_id``: its raw page (re-read from ``source_path``) line by line.

    A line is ``body`` when it is (or ends with) a paragraph of the cleaned text; otherwise it is
    ``boilerplate``, and it is listed in the corpus's ``boilerplate`` column.
    """
    match = corpus.loc[corpus[S.DOC_ID] == doc_id]
    if match.empty:
        raise KeyError(f"no article with doc_id {doc_id!r} in the corpus ({len(corpus)} articles)")
    row = match.iloc[0]
    source = row.get(S.SOURCE_PATH)
    if not isinstance(source, str) or not Path(source).is_file():
        raise FileNotFoundError(f"the raw page of {doc_id!r} is not on disk (source_path {source!r})")
    raw, _ = decode_bytes(Path(source).read_bytes())
    paragraphs = set(str(row[S.TEXT]).split("\n\n"))
    lines = tuple(
        (
            line,
            "body" if line in paragraphs or any(line.endswith(p) for p in paragraphs if p) else "boilerplate",
        )
        for line in page_lines(raw)
    )
    return PageAudit(doc_id=doc_id, title=str(row[S.TITLE]), lines=lines, text=str(row[S.TEXT]))
