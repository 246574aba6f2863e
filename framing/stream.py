"""Streaming: score and match a corpus chunk by chunk, without holding it in memory.

A *source* is a pandas DataFrame (cut into chunks of ``rows`` articles), an iterable of corpus
DataFrames (used as they come), or the path of a parquet file or of a folder of parquet files (a
partitioned dataset, as ``framing load --out FOLDER`` and Dask's ``to_parquet`` write it), read one
batch of ``rows`` articles at a time with only the columns needed. :func:`framing.score` and
:func:`framing.find_matches` call this module when given such a source; their results equal the pandas
results on the whole corpus, row for row.

The statistics of :mod:`framing.compare` need no texts: :func:`frame_totals` accumulates the per-group
articles, tokens, hits and articles-using-the-frame, and :func:`word_counts` the per-group word counts
behind ``distinctive_words``, chunk by chunk; :func:`corpus_columns` reads the corpus without its texts
(``doc_id`` and the group column are what ``frame_rates`` needs beside the scores).

>>> import pandas as pd, framing
>>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"]})
>>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "x"],
...                        "text": ["الإرهاب في سوريا", "لا شيء", "محاربة الإرهاب والإرهابيين"]})
>>> chunks = (corpus.iloc[i : i + 2] for i in range(0, 3, 2))   # any iterator of DataFrames
>>> framing.score(chunks, lexicon)["count"].tolist()
[1, 0, 2]
>>> frame_totals(corpus, lexicon, rows=2).values.tolist()
[['x', 'terror', 2, 6, 3, 2], ['y', 'terror', 1, 2, 0, 0]]
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, TypeAlias

import numpy as np
import pandas as pd

from framing import schema as S
from framing.lexicon.match import MIN_STEM
from framing.lexicon.model import Lexicon
from framing.text.normalize import Normalization
from framing.text.vocabulary import Vocabulary

ROWS = 10_000
"""Articles per chunk by default: about 50 MB of text for 400-word articles."""

Source: TypeAlias = pd.DataFrame | Iterable[pd.DataFrame] | str | os.PathLike[str]
_DIGITS = re.compile(r"(\d+)")


def is_source(corpus: object) -> bool:
    """True for what this module streams over: a path (``str`` or ``Path``: a parquet file or dataset
    folder) or an iterable of DataFrames — not a pandas DataFrame or Series itself.

    >>> is_source("corpus/"), is_source(iter([])), is_source(pd.DataFrame())
    (True, True, False)
    """
    if isinstance(corpus, pd.DataFrame | pd.Series):
        return False
    return isinstance(corpus, str | os.PathLike | Iterable)


def _natural(path: Path) -> list[Any]:
    """Sort key that puts part.2 before part.10 (Dask names its parts without zero padding)."""
    return [int(p) if p.isdigit() else p for p in _DIGITS.split(path.as_posix())]


def parquet_files(path: str | os.PathLike[str]) -> list[Path]:
    """The parquet files of a dataset: the file itself, or every ``*.parquet`` under the folder (names
    starting with ``_`` or ``.`` left out), in natural order (``part.2`` before ``part.10``).

    >>> parquet_files("no/such/folder")
    Traceback (most recent call last):
    ...
    FileNotFoundError: parquet dataset 'no/such/folder' does not exist
    """
    root = Path(path)
    if root.is_file():
        if root.suffix.lower() != ".parquet":
            raise ValueError(f"{str(path)!r} is not a parquet file (a streamed corpus must end in .parquet)")
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"parquet dataset {str(path)!r} does not exist")
    files = [
        f
        for f in root.rglob("*.parquet")
        if f.is_file() and not any(p.startswith(("_", ".")) for p in f.relative_to(root).parts)
    ]
    if not files:
        raise ValueError(f"folder {str(path)!r} holds no .parquet files: it is not a parquet dataset")
    return sorted(files, key=_natural)


def is_parquet_dataset(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a folder of parquet files and nothing else a corpus could be read from
    (page files, other tables): what ``framing load --out FOLDER`` writes.

    >>> is_parquet_dataset("data/raw")
    False
    """
    root = Path(path)
    if not root.is_dir():
        return False
    files = [
        f
        for f in root.rglob("*")
        if f.is_file() and not any(p.startswith(("_", ".")) for p in f.relative_to(root).parts)
    ]
    return bool(files) and all(f.suffix.lower() == ".parquet" for f in files)


def iter_chunks(
    source: Source, *, columns: Sequence[str] | None = None, rows: int = ROWS
) -> Iterator[pd.DataFrame]:
    """The corpus of ``source`` as DataFrames of at most ``rows`` articles (an iterable's chunks as they
    come), with only ``columns`` when given (all of them must exist).

    >>> corpus = pd.DataFrame({"doc_id": list("abcde"), "text": list("vwxyz")})
    >>> [len(chunk) for chunk in iter_chunks(corpus, rows=2)]
    [2, 2, 1]
    """
    if rows < 1:
        raise ValueError(f"rows is {rows!r}; it must be 1 or more articles per chunk")
    wanted = list(columns) if columns is not None else None
    if isinstance(source, pd.DataFrame):
        _check_columns(source.columns, wanted, "the corpus")
        frame = source[wanted] if wanted is not None else source
        for start in range(0, len(frame), rows):
            yield frame.iloc[start : start + rows]
        return
    if isinstance(source, str | os.PathLike):
        yield from _parquet_chunks(source, wanted, rows)
        return
    if not isinstance(source, Iterable):
        raise TypeError(
            f"corpus is a {type(source).__name__}; pass a DataFrame, an iterable of DataFrames, "
            "a parquet file or dataset folder, or a Dask DataFrame"
        )
    for i, chunk in enumerate(source):
        if not isinstance(chunk, pd.DataFrame):
            raise TypeError(f"chunk {i} of the corpus is a {type(chunk).__name__}, not a pandas DataFrame")
        _check_columns(chunk.columns, wanted, f"chunk {i} of the corpus")
        yield chunk[wanted] if wanted is not None else chunk


def _check_columns(have: Iterable[Any], wanted: Sequence[str] | None, where: str) -> None:
    present = [str(c) for c in have]
    missing = [c for c in wanted or () if c not in present]
    if missing:
        raise ValueError(f"{where} lacks column(s) {missing}; it has {present}")


def _parquet_chunks(
    path: str | os.PathLike[str], columns: list[str] | None, rows: int
) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    for file in parquet_files(path):
        with pq.ParquetFile(file) as parquet:
            _check_columns(parquet.schema_arrow.names, columns, f"parquet file {str(file)!r}")
            for batch in parquet.iter_batches(batch_size=rows, columns=columns, use_pandas_metadata=False):
                yield batch.to_pandas()


# ------------------------------------------------------------------------------- score, matches


def score_chunks(
    source: Source,
    lexicon: Lexicon,
    *,
    min_stem: int = MIN_STEM,
    rows: int = ROWS,
    workers: int | None = None,
) -> Iterator[pd.DataFrame]:
    """The scores of each chunk of ``source`` in turn (what :func:`framing.score` concatenates), for
    writing them out as they come. Only ``doc_id`` and ``text`` are read from a parquet dataset. One
    vocabulary serves every chunk, so what the matcher resolves on one chunk is not resolved again;
    ``workers`` processes count each chunk (:func:`framing.score`).
    """
    vocabulary = Vocabulary(lexicon.normalization)
    for chunk in iter_chunks(source, columns=[S.DOC_ID, S.TEXT], rows=rows):
        if len(chunk):  # an empty chunk adds no row (and would change the column types of the whole)
            yield score_frame(chunk, lexicon, min_stem=min_stem, vocabulary=vocabulary, workers=workers)


def match_chunks(
    source: Source, lexicon: Lexicon, *, min_stem: int = MIN_STEM, rows: int = ROWS
) -> Iterator[pd.DataFrame]:
    """The matches of each chunk of ``source`` in turn (what :func:`framing.find_matches` concatenates).
    The ``outlet`` column is carried when the source has it (for a parquet dataset: its first file).
    """
    columns = [S.DOC_ID, S.TEXT] + ([S.OUTLET] if _has_column(source, S.OUTLET) else [])
    for chunk in iter_chunks(source, columns=columns if not _is_iterable(source) else None, rows=rows):
        if len(chunk):
            yield match_frame(chunk, lexicon, min_stem=min_stem)


# ------------------------------------------------------------------------------- huge pages

SEGMENT = 1_000_000
"""Characters: a text longer than this is matched one segment at a time (with the same result), so a
single huge page needs memory for a segment's tokens beside its own text, not for all of its tokens."""


def score_frame(
    corpus: pd.DataFrame,
    lexicon: Lexicon,
    *,
    min_stem: int = MIN_STEM,
    segment: int = SEGMENT,
    vocabulary: Vocabulary | None = None,
    workers: int | None = 1,
) -> pd.DataFrame:
    """:func:`framing.score` on a DataFrame, texts longer than ``segment`` characters matched segment by
    segment (:func:`segment_matches`): the same table, in bounded memory for a huge page. ``vocabulary``
    and ``workers`` are passed on to :func:`framing.score` for the other texts.

    >>> import framing
    >>> lexicon = framing.load_lexicon({"t": ["الهلال الأحمر", "إغاثة*"]})
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["فرق الهلال الأحمر والإغاثة " * 50]})
    >>> score_frame(corpus, lexicon, segment=30).equals(framing.score(corpus, lexicon))
    True
    """
    from framing.score import score

    parts = [
        score(part, lexicon, min_stem=min_stem, vocabulary=vocabulary, workers=workers)
        if not huge
        else _score_huge(part, lexicon, min_stem, segment)
        for part, huge in _runs(corpus, segment)
    ]
    return parts[0] if len(parts) == 1 else concat(parts, parts[0])


def match_frame(
    corpus: pd.DataFrame, lexicon: Lexicon, *, min_stem: int = MIN_STEM, segment: int = SEGMENT
) -> pd.DataFrame:
    """:func:`framing.find_matches` on a DataFrame, texts longer than ``segment`` characters matched
    segment by segment: the same table, in bounded memory for a huge page."""
    from framing.lexicon.match import find_matches

    parts = [
        find_matches(part, lexicon, min_stem=min_stem)
        if not huge
        else _match_huge(part, lexicon, min_stem, segment)
        for part, huge in _runs(corpus, segment)
    ]
    return parts[0] if len(parts) == 1 else concat([p for p in parts if len(p)] or parts[:1], parts[0])


def _runs(corpus: pd.DataFrame, segment: int) -> Iterator[tuple[pd.DataFrame, bool]]:
    """The corpus cut into runs of ordinary rows and single rows whose text is longer than ``segment``."""
    lengths = np.array([len(t) for t in S.texts(corpus)], dtype=np.int64)
    huge = lengths > segment
    if not huge.any():
        yield corpus, False
        return
    start = 0
    for i in np.flatnonzero(huge).tolist():
        if i > start:
            yield corpus.iloc[start:i], False
        yield corpus.iloc[i : i + 1], True
        start = i + 1
    if start < len(corpus):
        yield corpus.iloc[start:], False


def _score_huge(row: pd.DataFrame, lexicon: Lexicon, min_stem: int, segment: int) -> pd.DataFrame:
    from framing.score import score

    empty = row.assign(**{S.TEXT: ""})
    out = score(empty, lexicon, min_stem=min_stem)  # the row's table, filled in below
    frames = out[S.FRAME].tolist()
    counts = dict.fromkeys(frames, 0)
    tokens = 0
    for matches, n_tokens in segment_matches(S.texts(row)[0], lexicon, min_stem=min_stem, segment=segment):
        tokens += n_tokens
        for frame in matches[S.FRAME].tolist():
            counts[frame] += 1
    count = np.array([counts[f] for f in frames], dtype=np.int64)
    per_doc = np.full(len(frames), tokens, dtype=np.int64)
    out[S.COUNT], out[S.TOKENS] = count, per_doc
    out[S.RATE] = np.divide(1000.0 * count, per_doc, out=np.zeros(len(count)), where=per_doc > 0)
    return out


def _match_huge(row: pd.DataFrame, lexicon: Lexicon, min_stem: int, segment: int) -> pd.DataFrame:
    from framing.lexicon.match import find_matches

    empty = find_matches(row.assign(**{S.TEXT: ""}), lexicon, min_stem=min_stem)
    parts = [m for m, _ in segment_matches(S.texts(row)[0], lexicon, min_stem=min_stem, segment=segment)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return empty
    out = pd.concat(parts, ignore_index=True)
    out[S.DOC_ID] = S.doc_ids(row)[0]
    if S.OUTLET in empty.columns:
        out[S.OUTLET] = row[S.OUTLET].iloc[0]
    out = out[list(empty.columns)]
    out.attrs = dict(empty.attrs)
    return out


def segment_matches(
    text: str, lexicon: Lexicon, *, min_stem: int = MIN_STEM, segment: int = SEGMENT
) -> Iterator[tuple[pd.DataFrame, int]]:
    """The matches of one long text, one segment of about ``segment`` characters at a time, with offsets
    into ``text``, and the number of tokens of each segment: together, exactly the matches and tokens
    of the whole text.

    A segment ends at white space that no match (of the text read a little beyond it) straddles, with at
    least as many tokens after it as the longest entry has words: there the matcher holds no state (no
    frame is blocked by a hit still running), so the next segment starts fresh — as the whole text would.
    """
    from framing.lexicon.match import find_matches
    from framing.text.tokenize import word_forms

    reach = max((len(e.words) for f in lexicon.frames for e in f.entries), default=1)
    start, n = 0, len(text)
    while start < n:
        window_end = n if n - start <= segment else _after_space(text, start + segment)
        extra = 4 * reach + 16  # raw tokens read beyond the nominal end, to find a clean cut
        while True:
            stop = _read_to(text, window_end, extra) if window_end < n else n
            window = text[start:stop]
            matches = find_matches(
                pd.DataFrame({S.DOC_ID: ["_"], S.TEXT: [window]}), lexicon, min_stem=min_stem
            )
            if stop == n:  # the window reaches the end of the text: the last segment
                cut = n
                break
            spans = list(zip(matches[S.START].tolist(), matches[S.END].tolist(), strict=True))
            free = _free_cut(text, start, window_end, stop, spans, reach, lexicon)
            if free is not None:
                cut = free
                break
            extra *= 2  # every candidate is straddled: read further
        kept = matches[matches[S.START] < cut - start].copy()
        kept[S.START] += start
        kept[S.END] += start
        yield kept, len(word_forms(text[start:cut], normalization=lexicon.normalization))
        start = cut


_SPACE = re.compile(r"\s")
_RAW = re.compile(r"\S+")


def _after_space(text: str, position: int) -> int:
    """The first white-space position at or after ``position`` (``len(text)`` when there is none)."""
    found = _SPACE.search(text, position)
    return found.start() if found else len(text)


def _read_to(text: str, end: int, extra: int) -> int:
    """Where the window read for a segment ends: ``extra`` raw tokens after ``end`` (or the text's end)."""
    stop = end
    for k, m in enumerate(_RAW.finditer(text, end)):
        stop = m.end()
        if k + 1 >= extra:
            return stop
    return len(text)


def _free_cut(
    text: str,
    start: int,
    end: int,
    stop: int,
    spans: list[tuple[int, int]],
    reach: int,
    lexicon: Lexicon,
) -> int | None:
    """The first raw-token start in ``[end, stop)`` (an offset into ``text``) that no match straddles and
    that leaves at least ``reach`` tokens before ``stop``; None when there is none."""
    from framing.text.tokenize import word_forms

    tokens = [
        (m.start(), len(word_forms(m.group(), normalization=lexicon.normalization)))
        for m in _RAW.finditer(text, end, stop)
    ]
    after = sum(n for _, n in tokens)
    for position, n in tokens:
        if after < reach:
            return None
        local = position - start
        if not any(s < local < e for s, e in spans):
            return position
        after -= n
    return None


def _is_iterable(source: Source) -> bool:
    return not isinstance(source, pd.DataFrame | str | os.PathLike)


def _has_column(source: Source, column: str) -> bool:
    if isinstance(source, pd.DataFrame):
        return column in source.columns
    if isinstance(source, str | os.PathLike):
        import pyarrow.parquet as pq

        return column in pq.read_schema(parquet_files(source)[0]).names
    return False  # an iterable: each chunk keeps its own columns


def concat(chunks: Iterable[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    """The chunks' results one after the other, index 0..n-1, with the attrs of the first (``empty``,
    the result on no articles, when there is no chunk)."""
    parts = [c for c in chunks]
    if not parts:
        return empty
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    out.attrs = dict(parts[0].attrs)
    return out


def score(
    source: Source,
    lexicon: Lexicon,
    *,
    min_stem: int = MIN_STEM,
    rows: int = ROWS,
    workers: int | None = None,
) -> pd.DataFrame:
    """:func:`framing.score` over a streamed source: the same table as on the whole corpus in pandas.
    ``workers`` processes count each chunk (None: every core for a chunk of 10 million characters or
    more; see :func:`framing.score`)."""
    from framing.score import score as score_frame

    empty = score_frame(pd.DataFrame({S.DOC_ID: [], S.TEXT: []}), lexicon, min_stem=min_stem)
    return concat(score_chunks(source, lexicon, min_stem=min_stem, rows=rows, workers=workers), empty)


def find_matches(
    source: Source, lexicon: Lexicon, *, min_stem: int = MIN_STEM, rows: int = ROWS
) -> pd.DataFrame:
    """:func:`framing.find_matches` over a streamed source: the same table as on the whole corpus."""
    from framing.lexicon.match import find_matches as match_frame

    empty = match_frame(pd.DataFrame({S.DOC_ID: [], S.TEXT: []}), lexicon, min_stem=min_stem)
    return concat(match_chunks(source, lexicon, min_stem=min_stem, rows=rows), empty)


def dispatch(
    function: Literal["score", "find_matches"],
    corpus: Any,
    lexicon: Lexicon,
    *,
    min_stem: int,
    workers: int | None = None,
) -> Any:
    """Where :func:`framing.score` and :func:`framing.find_matches` send a corpus that is not a pandas
    DataFrame: a Dask DataFrame to :mod:`framing.daskio`, chunks or a parquet dataset to this module."""
    from framing import daskio

    if daskio.is_dask_dataframe(corpus):
        if workers is not None:
            raise ValueError(
                f"workers={workers!r} is for a pandas DataFrame or a streamed corpus; a Dask DataFrame is "
                "counted by its cluster's workers (framing.daskio.cluster_client(workers=N))"
            )
        run = daskio.score if function == "score" else daskio.find_matches
        return run(corpus, lexicon, min_stem=min_stem)
    if not is_source(corpus):
        raise TypeError(
            f"corpus is a {type(corpus).__name__}; pass a pandas DataFrame, an iterable of DataFrames "
            "(chunks), a parquet file or dataset folder, or a Dask DataFrame"
        )
    if function == "score":
        return score(corpus, lexicon, min_stem=min_stem, workers=workers)
    return find_matches(corpus, lexicon, min_stem=min_stem)


# ------------------------------------------------------------------------------- writing chunks


class ChunkWriter:
    """Writes tables that come in chunks to one ``.parquet`` or ``.csv`` file, holding one chunk at a
    time; the file equals ``pd.concat(chunks).to_parquet/to_csv(path, index=False)`` read back.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "t.csv"
    ...     with ChunkWriter(path) as out:
    ...         for chunk in iter_chunks(pd.DataFrame({"a": [1, 2, 3]}), rows=2):
    ...             out.write(chunk)
    ...     print(path.read_text().split())
    ['a', '1', '2', '3']
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.suffix.lower() not in (".csv", ".parquet"):
            raise ValueError(f"{str(path)!r}: the file name must end in one of ['.csv', '.parquet']")
        self.rows = 0
        self._parquet: Any = None
        self._schema: Any = None
        self._started = False

    def __enter__(self) -> ChunkWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, chunk: pd.DataFrame) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.suffix.lower() == ".csv":
            chunk.to_csv(self.path, index=False, mode="a" if self._started else "w", header=not self._started)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(chunk, schema=self._schema, preserve_index=False)
            if self._parquet is None:
                self._schema = table.schema
                self._parquet = pq.ParquetWriter(self.path, self._schema)
            self._parquet.write_table(table)
        self._started = True
        self.rows += len(chunk)

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None


# ------------------------------------------------------------------------------- accumulators


def _sorted_groups(keys: Iterable[Any]) -> list[Any]:
    """Group keys in the order of :mod:`framing.compare` (sorted)."""
    return sorted(keys, key=lambda k: (str(type(k)), k))


def frame_totals(
    source: Source,
    lexicon: Lexicon,
    *,
    by: str = S.OUTLET,
    min_stem: int = MIN_STEM,
    rows: int = ROWS,
) -> pd.DataFrame:
    """Per group and frame, accumulated chunk by chunk: ``by, frame, articles, tokens, count, used``.

    ``articles`` and ``tokens`` are the group's totals, ``count`` its hits of the frame and ``used`` its
    articles with at least one hit — the counts behind the point estimates of
    :func:`framing.compare.frame_rates` (``rate = 1000 * count / tokens``, ``share = used / articles``)
    and the table of :func:`framing.compare.independence`. Groups are sorted; articles with no group
    (a missing ``by`` value) are left out, as there. The bootstrap intervals of ``frame_rates`` need one
    row per article: give it the streamed :func:`framing.score` and :func:`corpus_columns`.
    """
    from framing.score import score as score_frame

    frames = [f.id for f in lexicon.frames]
    n_frames = len(frames)
    articles: Counter[Any] = Counter()
    tokens: Counter[Any] = Counter()
    hits: dict[Any, np.ndarray[Any, np.dtype[np.int64]]] = {}
    used: dict[Any, np.ndarray[Any, np.dtype[np.int64]]] = {}
    for chunk in iter_chunks(source, columns=[S.DOC_ID, S.TEXT, by], rows=rows):
        scores = score_frame(chunk, lexicon, min_stem=min_stem)
        counts = scores[S.COUNT].to_numpy(dtype=np.int64).reshape(len(chunk), n_frames)
        per_doc = scores[S.TOKENS].to_numpy(dtype=np.int64)[::n_frames]  # the same on each frame's row
        codes, keys = pd.factorize(chunk[by], use_na_sentinel=True)
        for g, key in enumerate(keys):
            member = codes == g
            articles[key] += int(member.sum())
            tokens[key] += int(per_doc[member].sum())
            hits[key] = hits.get(key, np.zeros(n_frames, dtype=np.int64)) + counts[member].sum(axis=0)
            used[key] = used.get(key, np.zeros(n_frames, dtype=np.int64)) + (counts[member] > 0).sum(axis=0)
    order = _sorted_groups(articles)
    out = pd.DataFrame(
        {
            by: np.repeat(np.array(order, dtype=object), n_frames),
            S.FRAME: np.tile(np.array(frames, dtype=object), len(order)),
            "articles": np.repeat([articles[k] for k in order], n_frames).astype(np.int64),
            S.TOKENS: np.repeat([tokens[k] for k in order], n_frames).astype(np.int64),
            S.COUNT: np.concatenate([hits[k] for k in order]) if order else np.zeros(0, dtype=np.int64),
            "used": np.concatenate([used[k] for k in order]) if order else np.zeros(0, dtype=np.int64),
        }
    )
    from framing.lexicon.match import matcher, provenance

    out.attrs["provenance"] = {**provenance(lexicon, matcher(lexicon, min_stem=min_stem)), "by": by}
    return out


def word_counts(
    source: Source,
    *,
    by: str = S.OUTLET,
    normalization: Normalization | None = None,
    rows: int = ROWS,
) -> pd.DataFrame:
    """Per group and word form, accumulated chunk by chunk: ``by, word, count`` (groups sorted, then
    words in first-seen order) — the counts ``distinctive_words`` compares, without holding the texts.

    Words are the normalized forms of :func:`framing.text.word_forms` (all of them: stopwords, numbers and
    one-letter forms are left for the statistic to drop). Articles with no group are left out.

    >>> corpus = pd.DataFrame({"doc_id": list("abc"), "outlet": ["y", "x", "y"],
    ...                        "text": ["الإرهاب في موسكو", "موسكو", "الإرهاب"]})
    >>> word_counts(corpus, rows=1).values.tolist()
    [['x', 'موسكو', 1], ['y', 'الارهاب', 2], ['y', 'في', 1], ['y', 'موسكو', 1]]
    """
    from framing.text.tokenize import tokenizer

    tokens = tokenizer(normalization)
    counters: dict[Any, Counter[str]] = {}
    for chunk in iter_chunks(source, columns=[S.TEXT, by], rows=rows):
        for key, text in zip(chunk[by].tolist(), S.texts(chunk), strict=True):
            if pd.isna(key):
                continue
            counter = counters.setdefault(key, Counter())
            if text:
                counter.update(tokens.forms(text))
    order = _sorted_groups(counters)
    sizes = [len(counters[k]) for k in order]
    out = pd.DataFrame(
        {
            by: np.repeat(np.array(order, dtype=object), sizes),
            "word": [w for k in order for w in counters[k]],
            S.COUNT: np.array([c for k in order for c in counters[k].values()], dtype=np.int64),
        }
    )
    return out


def corpus_columns(
    source: Source, columns: Sequence[str] = (S.DOC_ID, S.OUTLET), *, rows: int = ROWS
) -> pd.DataFrame:
    """The corpus without its texts: only ``columns`` (``doc_id`` and the group), read chunk by chunk —
    with the streamed scores, what :func:`framing.compare.frame_rates` and friends need.

    >>> corpus_columns(pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": ["نص"]})).columns.tolist()
    ['doc_id', 'outlet']
    """
    parts = list(iter_chunks(source, columns=list(columns), rows=rows))
    if not parts:
        return pd.DataFrame({c: [] for c in columns})
    return pd.concat(parts, ignore_index=True)
