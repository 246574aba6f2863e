"""What one copy changed: two texts aligned at sentence and word level (:func:`copy_edits`), and the
alignment shown side by side as HTML, right to left, deletions and insertions marked (:func:`edits_html`).

Words are compared as matching forms (:func:`framing.text.tokenize`), so a spelling variant (كيرى/كيري,
إلى/الى) is kept, not replaced; offsets point into the original texts, so every span can be shown as
written.

>>> edits = align_texts("قال الوزير إن النظام السوري رفض العرض.", "قال الوزير إن الدولة السورية رفضت العرض.")
>>> for row in edits[["op", "text_a", "text_b"]].values.tolist():
...     print(row)
['keep', 'قال الوزير إن', 'قال الوزير إن']
['replace', 'النظام السوري رفض', 'الدولة السورية رفضت']
['keep', 'العرض', 'العرض']
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

import pandas as pd

from framing import schema as S
from framing.text.tokenize import Token, tokenize

Op = Literal["keep", "delete", "insert", "replace"]
EDIT_COLUMNS: tuple[str, ...] = (
    "level",
    "op",
    "sentence_a",
    "sentence_b",
    "a_start",
    "a_end",
    "b_start",
    "b_end",
    "text_a",
    "text_b",
)
# A sentence ends at . ! ? ؟ (U+061F Arabic question mark) or ۔ (U+06D4 Arabic full stop) followed by
# white space, or at a line break.
_SENTENCE_END = re.compile("(?<=[.!?\u061f\u06d4])\\s+|\\n+")
MIN_SENTENCE_SIMILARITY = 0.5  # sentences less alike than this (word-level ratio) are not aligned


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``start:end`` in the whole text (its punctuation included, white space around it not),
    its tokens (offsets into the whole text) and their forms."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(t.form for t in self.tokens)


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` that hold at least one word, with their tokens.

    >>> [s.forms for s in sentences("وصل كيري. التقى بوتين؟\\nانتهى")]
    [('وصل', 'كيري'), ('التقي', 'بوتين'), ('انتهي',)]
    """
    out: list[Sentence] = []
    start = 0
    bounds = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    for n, stop in enumerate(bounds):
        chunk = text[start:stop]
        tokens = tuple(Token(t.text, t.form, t.start + start, t.end + start) for t in tokenize(chunk))
        if tokens:
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(start + lead, start + len(chunk.rstrip()), tokens))
        if n < len(ends):
            start = ends[n]
    return out


def _similarity(a: Sentence, b: Sentence) -> float:
    from rapidfuzz.fuzz import ratio

    return float(ratio(list(a.forms), list(b.forms))) / 100.0


def align_sentences(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[tuple[int | None, int | None]]:
    """Pairs of sentence indices in order (None: a sentence only one text has), from a global alignment
    (Needleman-Wunsch) that scores a pair by its word-level similarity when it reaches
    ``MIN_SENTENCE_SIMILARITY`` and forbids the pair otherwise; gaps cost nothing."""
    n, m = len(a), len(b)
    sim = [[_similarity(x, y) for y in b] for x in a]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if sim[i][j] >= MIN_SENTENCE_SIMILARITY:
                best = max(best, sim[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n or j < m:
        if (
            i < n
            and j < m
            and sim[i][j] >= MIN_SENTENCE_SIMILARITY
            and score[i][j] == sim[i][j] + score[i + 1][j + 1]
        ):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif i < n and (j == m or score[i][j] == score[i + 1][j]):
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    return pairs


def _span(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | tuple[None, None]:
    return (tokens[lo].start, tokens[hi - 1].end) if hi > lo else (None, None)


def align_texts(text_a: str, text_b: str) -> pd.DataFrame:
    """The alignment of two texts: one row per span, in reading order (see :func:`copy_edits`)."""
    sa, sb = sentences(text_a), sentences(text_b)
    rows: list[tuple[Any, ...]] = []
    for i, j in align_sentences(sa, sb):
        if j is None:
            s = sa[i]  # type: ignore[index]
            rows.append(
                ("sentence", "delete", i, None, s.start, s.end, None, None, text_a[s.start : s.end], "")
            )
            continue
        if i is None:
            s = sb[j]
            rows.append(
                ("sentence", "insert", None, j, None, None, s.start, s.end, "", text_b[s.start : s.end])
            )
            continue
        ta, tb = sa[i].tokens, sb[j].tokens
        matcher = SequenceMatcher(None, [t.form for t in ta], [t.form for t in tb], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            op = "keep" if tag == "equal" else tag
            a0, a1 = _span(ta, i1, i2)
            b0, b1 = _span(tb, j1, j2)
            rows.append(
                (
                    "word",
                    op,
                    i,
                    j,
                    a0,
                    a1,
                    b0,
                    b1,
                    text_a[a0:a1] if a0 is not None else "",
                    text_b[b0:b1] if b0 is not None else "",
                )
            )
    edits = pd.DataFrame(rows, columns=list(EDIT_COLUMNS))
    for column in ("sentence_a", "sentence_b", "a_start", "a_end", "b_start", "b_end"):
        edits[column] = pd.array(edits[column].tolist(), dtype="Int64")
    return edits


def _row(corpus: pd.DataFrame, doc_id: str) -> pd.Series:
    found = corpus[corpus[S.DOC_ID].astype(str) == str(doc_id)]
    if found.empty:
        raise ValueError(f"doc_id {doc_id!r} is not in the corpus")
    return found.iloc[0]


def copy_edits(corpus: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """The texts of ``doc_a`` and ``doc_b`` aligned: one row per span, in reading order.

    Columns: ``level`` (``sentence`` for a whole sentence one text lacks, ``word`` for spans inside two
    aligned sentences), ``op`` (``keep``, ``delete`` = only in ``doc_a``, ``insert`` = only in ``doc_b``,
    ``replace``), ``sentence_a, sentence_b`` (sentence numbers from 0), ``a_start, a_end, b_start, b_end``
    (character offsets into each original text; ``<NA>`` on the side a span is absent from) and
    ``text_a, text_b`` (the spans as written). Sentences are aligned by their word-level similarity (at
    least ``MIN_SENTENCE_SIMILARITY``), words inside them by :class:`difflib.SequenceMatcher` on their
    matching forms. ``attrs`` records the two doc_ids.

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["وصل كيرى إلى موسكو.", "وصل كيري الى موسكو."]})
    >>> copy_edits(corpus, "a", "b")[["op", "a_start", "a_end", "b_start", "b_end"]].values.tolist()
    [['keep', 0, 18, 0, 18]]
    """
    a, b = _row(corpus, doc_a), _row(corpus, doc_b)
    text_a = a[S.TEXT] if isinstance(a[S.TEXT], str) else ""
    text_b = b[S.TEXT] if isinstance(b[S.TEXT], str) else ""
    edits = align_texts(text_a, text_b)
    edits.attrs["doc_a"], edits.attrs["doc_b"] = str(doc_a), str(doc_b)
    return edits


def edit_counts(edits: pd.DataFrame) -> dict[str, int]:
    """Words kept, deleted, inserted and replaced (on each side) in an alignment.

    >>> edit_counts(align_texts("ا ب ج د", "ا ب هـ د و"))
    {'kept': 3, 'deleted': 0, 'inserted': 1, 'replaced_a': 1, 'replaced_b': 1}
    """

    def words(text: str) -> int:
        return len(tokenize(text))

    count = {"kept": 0, "deleted": 0, "inserted": 0, "replaced_a": 0, "replaced_b": 0}
    for op, ta, tb in zip(edits["op"], edits["text_a"], edits["text_b"], strict=True):
        if op == "keep":
            count["kept"] += words(ta)
        elif op == "delete":
            count["deleted"] += words(ta)
        elif op == "insert":
            count["inserted"] += words(tb)
        else:
            count["replaced_a"] += words(ta)
            count["replaced_b"] += words(tb)
    return count


_CSS = """<style>
.framing-edits { display: flex; gap: 16px; font: 15px/1.9 sans-serif; }
.framing-edits .side { flex: 1; border: 1px solid #ddd; padding: 8px 12px; white-space: pre-wrap; }
.framing-edits h4 { margin: 0 0 6px 0; font-size: 14px; }
.framing-edits del { background: #f8d0d0; color: #8a1010; text-decoration: line-through; }
.framing-edits ins { background: #cdeccd; color: #0b5a0b; text-decoration: underline; }
.framing-edits .rep-a { background: #fde2b8; text-decoration: line-through; }
.framing-edits .rep-b { background: #fde2b8; text-decoration: underline; font-weight: bold; }
.framing-edits-legend { font: 12px sans-serif; color: #555; margin: 4px 0 12px 0; }
</style>"""


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` as HTML with each ``(start, end, tag)`` span wrapped (tag: del, ins, rep-a, rep-b)."""
    out: list[str] = []
    at = 0
    for start, end, tag in sorted(spans):
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        piece = html.escape(text[start:end])
        if tag in ("del", "ins"):
            out.append(f"<{tag}>{piece}</{tag}>")
        else:
            element = "del" if tag == "rep-a" else "ins"
            out.append(f'<{element} class="{tag}">{piece}</{element}>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def edits_html(corpus: pd.DataFrame, edits: pd.DataFrame, *, title: str | None = None) -> str:
    """The two texts of a :func:`copy_edits` alignment side by side (``doc_a`` on the right, as Arabic
    reads), right to left, as self-contained HTML: words only in ``doc_a`` struck through in red,
    words only in ``doc_b`` underlined in green, replaced words in orange on both sides.

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"],
    ...                        "text": ["قال المتحدث إن النظام السوري وافق على الهدنة",
    ...                        "قال المتحدث إن الحكومة السورية وافقت على الهدنة"]})
    >>> page = edits_html(corpus, copy_edits(corpus, "a", "b"))
    >>> '<del class="rep-a">النظام السوري وافق</del>' in page and 'dir="rtl"' in page
    True
    """
    doc_a, doc_b = edits.attrs.get("doc_a"), edits.attrs.get("doc_b")
    if doc_a is None or doc_b is None:
        raise ValueError("edits lacks attrs['doc_a'] / attrs['doc_b']: pass the table copy_edits returned")
    a, b = _row(corpus, doc_a), _row(corpus, doc_b)
    spans_a: list[tuple[int, int, str]] = []
    spans_b: list[tuple[int, int, str]] = []
    for op, a0, a1, b0, b1 in zip(
        edits["op"], edits["a_start"], edits["a_end"], edits["b_start"], edits["b_end"], strict=True
    ):
        if op == "delete":
            spans_a.append((int(a0), int(a1), "del"))
        elif op == "insert":
            spans_b.append((int(b0), int(b1), "ins"))
        elif op == "replace":
            spans_a.append((int(a0), int(a1), "rep-a"))
            spans_b.append((int(b0), int(b1), "rep-b"))

    def side(row: pd.Series, spans: list[tuple[int, int, str]]) -> str:
        name = row.get(S.OUTLET_NAME) if isinstance(row.get(S.OUTLET_NAME), str) else row.get(S.OUTLET, "")
        when = row.get(S.PUBLISHED)
        stamp = f" · {when:%Y-%m-%d %H:%M}" if isinstance(when, pd.Timestamp) else ""
        head = html.escape(f"{name} · {row[S.DOC_ID]}{stamp}")
        text = row[S.TEXT] if isinstance(row[S.TEXT], str) else ""
        return f'<div class="side" dir="rtl" lang="ar"><h4 dir="auto">{head}</h4>{_marked(text, spans)}</div>'

    heading = f"<h3>{html.escape(title)}</h3>" if title else ""
    legend = (
        '<div class="framing-edits-legend">Right: the first text (doc_a; the likely source where known); '
        "left: the second (doc_b). "
        "<del>struck through</del> = only in doc_a; <ins>underlined</ins> = only in doc_b; "
        '<del class="rep-a">orange</del> = replaced.</div>'
    )
    sides = side(a, spans_a) + side(b, spans_b)
    return f'{_CSS}{heading}{legend}<div class="framing-edits" dir="rtl">{sides}</div>'
