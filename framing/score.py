"""Scores per document and frame, keyword-in-context lines, and lexicon coverage.

>>> import pandas as pd
>>> from framing.lexicon import load_lexicon
>>> lexicon = load_lexicon({"terror": ["إرهاب*"], "talks": ["محادثات"]})
>>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["محادثات ضد الإرهاب والإرهابيين", "لا شيء هنا"]})
>>> for row in score(corpus, lexicon).values.tolist():
...     print(row)
['a', 'terror', 2, 4, 500.0]
['a', 'talks', 1, 4, 250.0]
['b', 'terror', 0, 3, 0.0]
['b', 'talks', 0, 3, 0.0]
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Literal, overload

import numpy as np
import pandas as pd

from framing import schema as S
from framing.lexicon.match import MIN_STEM, find_matches, matcher, provenance
from framing.lexicon.model import Lexicon
from framing.text.normalize import Normalization
from framing.text.vocabulary import Vocabulary

if TYPE_CHECKING:
    import dask.dataframe as dd

    from framing.stream import Source

SCORE_COLUMNS = (S.DOC_ID, S.FRAME, S.COUNT, S.TOKENS, S.RATE)
KWIC_COLUMNS = (S.DOC_ID, S.FRAME, S.ENTRY, "before", "keyword", "after", S.START, S.END)


@overload
def score(
    corpus: dd.DataFrame,
    lexicon: Lexicon,
    *,
    min_stem: int = MIN_STEM,
    vocabulary: Vocabulary | None = None,
    workers: int | None = None,
) -> dd.DataFrame: ...
@overload
def score(
    corpus: Source,
    lexicon: Lexicon,
    *,
    min_stem: int = MIN_STEM,
    vocabulary: Vocabulary | None = None,
    workers: int | None = None,
) -> pd.DataFrame: ...
def score(
    corpus: Any,
    lexicon: Lexicon,
    *,
    min_stem: int = MIN_STEM,
    vocabulary: Vocabulary | None = None,
    workers: int | None = None,
) -> Any:
    """Hits per document and frame: ``doc_id, frame, count, tokens, rate`` (rate = count per 1,000 tokens).

    Every (document, frame) pair is present, zeros included, documents in corpus order and frames in
    lexicon order. ``count`` equals the number of :func:`~framing.lexicon.match.find_matches` rows of the
    pair; ``tokens`` is the number of word tokens of the text; a document with no tokens has rate 0.
    ``vocabulary`` (of the lexicon's normalization) keeps the tokens of documents read token by token, as
    in :func:`~framing.lexicon.match.find_matches`; one is made for the call when None (a vocabulary
    kept from call to call also keeps what the matcher resolved on it). ``workers`` processes count a
    pandas corpus or each chunk of a streamed one (None: every core for 10 million characters or more,
    one process otherwise; 1: this process only): the same table either way. A Dask DataFrame is
    counted by its cluster's workers (``workers`` must be None).

    ``corpus`` may also be an iterable of corpus chunks or a parquet file/dataset folder (streamed by
    :mod:`framing.stream`: the same table) or a Dask DataFrame (scored partition by partition by
    :mod:`framing.daskio`: a Dask DataFrame whose ``compute()`` holds the same rows).
    """
    if not isinstance(corpus, pd.DataFrame):  # chunks, a parquet dataset or a Dask DataFrame
        from framing.stream import dispatch

        if vocabulary is not None:
            raise ValueError("vocabulary= is for a pandas DataFrame; chunks and datasets make their own")
        return dispatch("score", corpus, lexicon, min_stem=min_stem, workers=workers)
    compiled = matcher(lexicon, min_stem=min_stem)
    doc_ids, texts = S.doc_ids(corpus), S.texts(corpus)
    n_frames = len(compiled.frames)
    counts, tokens = compiled.counts(texts, vocabulary=vocabulary, workers=workers)
    flat = counts.ravel()
    per_doc = np.repeat(tokens, n_frames)
    rate = np.divide(1000.0 * flat, per_doc, out=np.zeros(len(flat)), where=per_doc > 0)
    scores = pd.DataFrame(
        {
            S.DOC_ID: np.repeat(np.array(doc_ids, dtype=object), n_frames),
            S.FRAME: np.tile(np.array(compiled.frames, dtype=object), len(texts)),
            S.COUNT: flat,
            S.TOKENS: per_doc,
            S.RATE: rate,
        }
    )
    scores.attrs["provenance"] = provenance(lexicon, compiled)
    return scores


def wide_scores(scores: pd.DataFrame, *, value: Literal["rate", "count"] = "rate") -> pd.DataFrame:
    """Scores as a table: one row per document, one column per frame (in their first-seen order).

    >>> long = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["x", "y"], "count": [1, 0],
    ...                      "tokens": [10, 10], "rate": [100.0, 0.0]})
    >>> wide_scores(long).to_dict("index")
    {'a': {'x': 100.0, 'y': 0.0}}
    """
    if value not in (S.RATE, S.COUNT):
        raise ValueError(f"value is {value!r}; valid choices are {[S.RATE, S.COUNT]}")
    table = scores.pivot(index=S.DOC_ID, columns=S.FRAME, values=value)
    table = table.reindex(index=list(pd.unique(scores[S.DOC_ID])), columns=list(pd.unique(scores[S.FRAME])))
    table.columns.name = None
    table.attrs = dict(scores.attrs)
    return table


class KwicTable(pd.DataFrame):
    """Keyword-in-context lines; shown in notebooks as a right-to-left HTML table."""

    @property
    def _constructor(self) -> type[KwicTable]:
        return KwicTable

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th>{html.escape(str(c))}</th>" for c in (S.DOC_ID, S.FRAME, "before", "keyword", "after")
        )
        rows = "".join(
            "<tr>"
            f"<td>{html.escape(str(r[S.DOC_ID]))}</td><td>{html.escape(str(r[S.FRAME]))}</td>"
            f'<td style="text-align:left">{html.escape(str(r["before"]))}</td>'
            f'<td style="text-align:center"><b>{html.escape(str(r["keyword"]))}</b></td>'
            f'<td style="text-align:right">{html.escape(str(r["after"]))}</td>'
            "</tr>"
            for _, r in self.iterrows()
        )
        return f'<table dir="rtl" lang="ar"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def kwic(
    corpus: pd.DataFrame,
    matches_or_pattern: pd.DataFrame | str | list[str],
    *,
    window: int = 6,
    lexicon: Lexicon | None = None,
    min_stem: int = MIN_STEM,
    vocabulary: Vocabulary | None = None,
) -> KwicTable:
    """Keyword-in-context lines: ``window`` tokens before and after each hit, as written in the text.

    ``matches_or_pattern`` is a :func:`find_matches` result, or one or more entries (same syntax as a
    lexicon: ``إرهاب*``, ``=داعش``, phrases) looked up on the spot. ``vocabulary`` keeps the tokens of
    the documents (one is made for the call when None); its normalization must be the lexicon's.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["قال الوزير إن الحرب على الإرهاب مستمرة في سوريا"]})
    >>> kwic(corpus, "إرهاب*", window=2)[["before", "keyword", "after"]].values.tolist()
    [['الحرب على', 'الإرهاب', 'مستمرة في']]
    """
    if window < 0:
        raise ValueError(f"window is {window}; it must be 0 or more tokens")
    if isinstance(matches_or_pattern, pd.DataFrame):
        matches = matches_or_pattern
        normalization = lexicon.normalization if lexicon is not None else None
    else:
        from framing.lexicon import load_lexicon

        patterns = [matches_or_pattern] if isinstance(matches_or_pattern, str) else list(matches_or_pattern)
        adhoc = load_lexicon({"pattern": patterns}, normalization=lexicon.normalization if lexicon else None)
        matches = find_matches(corpus, adhoc, min_stem=min_stem, vocabulary=vocabulary)
        normalization = adhoc.normalization
    doc_ids, texts = S.doc_ids(corpus), S.texts(corpus)
    by_id = dict(zip(doc_ids, texts, strict=True))
    tokens = vocabulary if vocabulary is not None else Vocabulary(normalization or Normalization())
    spans_of: dict[str, list[tuple[int, int]]] = {}
    rows: list[dict[str, Any]] = []
    columns = [matches[c].tolist() for c in (S.DOC_ID, S.FRAME, S.ENTRY, S.START, S.END)]
    for doc_id, frame, entry, start, end in zip(*columns, strict=True):
        text = by_id.get(str(doc_id))
        if text is None:
            raise ValueError(f"match of doc_id {doc_id!r} has no document in the corpus")
        if doc_id not in spans_of:
            spans_of[doc_id] = [(t.start, t.end) for t in tokens.tokenize(text)]
        spans = spans_of[doc_id]
        before = [s for s in spans if s[1] <= start][-window:] if window else []
        after = [s for s in spans if s[0] >= end][:window]
        rows.append(
            {
                S.DOC_ID: doc_id,
                S.FRAME: frame,
                S.ENTRY: entry,
                "before": text[before[0][0] : start].strip() if before else "",
                "keyword": text[start:end],
                "after": text[end : after[-1][1]].strip() if after else "",
                S.START: start,
                S.END: end,
            }
        )
    table = KwicTable(pd.DataFrame(rows, columns=list(KWIC_COLUMNS)))
    table.attrs = dict(matches.attrs)
    return table


def coverage(matches: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Per entry: ``frame, entry, kind, hits, documents, outlets`` — entries that never matched have 0 hits.

    ``outlets`` counts distinct outlets when ``matches`` has an ``outlet`` column (NaN otherwise). Rows
    follow the lexicon's order, so the zero rows show which entries to check first.

    >>> lex = __import__("framing").load_lexicon({"t": ["إرهاب*", "تكفيري"]})
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": ["ضد الإرهاب"]})
    >>> coverage(find_matches(corpus, lex), lex)[["entry", "hits", "documents", "outlets"]].values.tolist()
    [['إرهاب*', 1, 1, 1], ['تكفيري', 0, 0, 0]]
    """
    # An entry written twice in a frame is one row (its hits counted once), as the lexicon warns.
    keys = [S.FRAME, S.ENTRY]
    entries = lexicon.entries()[[*keys, S.KIND]].drop_duplicates(keys)
    has_outlet = S.OUTLET in matches.columns
    grouped = matches.groupby(keys, sort=False)
    stats = pd.DataFrame(
        {
            S.HITS: grouped.size(),
            S.DOCUMENTS: grouped[S.DOC_ID].nunique(),
            S.OUTLETS: grouped[S.OUTLET].nunique() if has_outlet else grouped.size() * np.nan,
        }
    ).reset_index()
    table = entries.merge(stats, on=keys, how="left")
    for column in (S.HITS, S.DOCUMENTS):
        table[column] = table[column].fillna(0).astype("int64")
    table[S.OUTLETS] = table[S.OUTLETS].fillna(0).astype("int64") if has_outlet else np.nan
    table.attrs = dict(matches.attrs)
    return table
