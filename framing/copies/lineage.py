"""Which articles share text (:func:`find_copies`), how they form copy groups (:func:`copy_groups`), and a
corpus that counts each copy group once (:func:`one_per_copy_group`).

Texts are compared as word shingles (``shingle`` consecutive word forms, 5 by default) after the same
normalization as lexicon matching (:func:`framing.text.word_forms`), so spelling variants (ى/ي, hamza
forms, diacritics, tatweel, Arabic-Indic digits) do not hide a copy. Candidate pairs come from MinHash LSH
(datasketch, ``affine64`` permutations with a fixed ``seed``) and every candidate is verified on the
shingle sets themselves (64-bit shingle fingerprints): the containment and Jaccard reported are exact,
not estimates.

>>> import pandas as pd
>>> wire = "قال وزير الخارجية إن المحادثات مع الجانب الآخر كانت صريحة وبناءة وإن الوفدين اتفقا على مواصلة اللقاءات"
>>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"], "title": ["", "", ""],
...     "published": pd.to_datetime(["2016-07-15 10:00", "2016-07-15 12:00", "2016-07-15"]),
...     "text": [wire, wire.replace("الآخر", "الروسي"), "نص آخر لا علاقة له بأي خبر من الأخبار المذكورة هنا أبدا"]})
>>> pairs = find_copies(corpus)
>>> pairs[["doc_a", "doc_b", "source", "source_reason"]].values.tolist()
[['a', 'b', 'a', 'earlier']]
>>> copy_groups(corpus, pairs)[["doc_id", "copy_group", "copy_role"]].values.tolist()
[['a', 'a', 'source'], ['b', 'a', 'copy'], ['c', 'c', 'single']]
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from framing import schema as S
from framing.provenance import framing_version
from framing.text.tokenize import word_forms

U64 = npt.NDArray[np.uint64]

# find_copies columns (the two doc ids first)
DOC_A = "doc_a"
DOC_B = "doc_b"
OUTLET_A = "outlet_a"
OUTLET_B = "outlet_b"
CONTAINMENT = "containment"
JACCARD = "jaccard"
SHARED_SHINGLES = "shared_shingles"
SHARED_CHARS = "shared_chars"
SOURCE = "source"
SOURCE_REASON = "source_reason"
PAIR_COLUMNS: tuple[str, ...] = (
    DOC_A,
    DOC_B,
    OUTLET_A,
    OUTLET_B,
    CONTAINMENT,
    JACCARD,
    SHARED_SHINGLES,
    SHARED_CHARS,
    SOURCE,
    SOURCE_REASON,
)
SourceReason = Literal["earlier", "wire credit", "undetermined"]
Keep = Literal["source", "longest", "first"]

_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio) of the shingle hash
_CHUNK = 2000  # articles per block of shingling and signature work (bounds the memory of one block)
_SIGNATURE_ROWS = 1 << 18  # shingle rows per block of the (shingles x permutations) signature matrix


@dataclass(frozen=True)
class Shingles:
    """The sorted distinct shingle fingerprints of every article, in one array: article ``i`` holds
    ``hashes[bounds[i]:bounds[i + 1]]``."""

    hashes: U64
    bounds: npt.NDArray[np.int64]

    def of(self, i: int) -> U64:
        return self.hashes[self.bounds[i] : self.bounds[i + 1]]

    def sizes(self) -> npt.NDArray[np.int64]:
        return np.diff(self.bounds)


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _window_hashes(words: U64, lengths: npt.NDArray[np.int64], k: int) -> tuple[U64, npt.NDArray[np.int64]]:
    """Fingerprints of every window of ``k`` words that lies inside one article, and that article's index."""
    n = len(words)
    if n < k:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    m = n - k + 1
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _MULTIPLIER + words[j : j + m]
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    position = np.arange(n, dtype=np.int64) - np.repeat(starts, lengths)
    valid = position[:m] <= np.repeat(lengths, lengths)[:m] - k
    return h[valid], doc[:m][valid]


def shingle(texts: Sequence[str], *, k: int = 5) -> Shingles:
    """The distinct ``k``-word shingle fingerprints of each text (normalized word forms; a text of fewer
    than ``k`` words has none).

    >>> s = shingle(["كيري يصل إلى موسكو مساء الخميس", "كيرى يصل الى موسكو مساء الخميس", "قصير"], k=5)
    >>> s.sizes().tolist(), bool((s.of(0) == s.of(1)).all())
    ([2, 2, 0], True)
    """
    if k < 1:
        raise ValueError(f"shingle must be a positive number of words, got {k!r}")
    vocabulary: dict[str, int] = {}
    parts: list[U64] = []
    sizes = np.zeros(len(texts), dtype=np.int64)
    for first in range(0, len(texts), _CHUNK):
        block = [word_forms(t) for t in texts[first : first + _CHUNK]]
        for word in set(chain.from_iterable(block)).difference(vocabulary):
            vocabulary[word] = _word_hash(word)
        lengths = np.fromiter(map(len, block), dtype=np.int64, count=len(block))
        words = np.fromiter(
            map(vocabulary.__getitem__, chain.from_iterable(block)), dtype=np.uint64, count=int(lengths.sum())
        )
        h, doc = _window_hashes(words, lengths, k)
        order = np.lexsort((h, doc))
        h, doc = h[order], doc[order]
        keep = np.ones(len(h), dtype=bool)
        keep[1:] = (h[1:] != h[:-1]) | (doc[1:] != doc[:-1])
        h, doc = h[keep], doc[keep]
        sizes[first : first + len(block)] = np.bincount(doc, minlength=len(block))
        parts.append(h)
    bounds = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    hashes = np.concatenate(parts) if parts else np.zeros(0, np.uint64)
    return Shingles(hashes, bounds)


def _fmix64(hv: U64) -> U64:
    """The MurmurHash3 64-bit finalizer (what datasketch applies before its affine permutations)."""
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint64(33))
        hv = hv * np.uint64(0xFF51AFD7ED558CCD)
        hv = hv ^ (hv >> np.uint64(33))
        hv = hv * np.uint64(0xC4CEB9FE1A85EC53)
        return hv ^ (hv >> np.uint64(33))


def signatures(shingles: Shingles, *, num_perm: int = 128, seed: int = 1) -> U64:
    """MinHash signatures (one row per article; rows of articles without shingles are all ``2**64 - 1``),
    equal to datasketch's ``MinHash(num_perm, seed, scheme="affine64", hashfunc=identity)`` fed the
    fingerprints, computed for many articles at once."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine64").permutations
    sizes = shingles.sizes()
    out = np.full((len(sizes), num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    mixed = _fmix64(shingles.hashes)
    rows_per_doc = max(1, int(sizes.max(initial=1)))
    step = max(1, _SIGNATURE_ROWS // rows_per_doc)
    for first in range(0, len(sizes), step):
        last = min(first + step, len(sizes))
        lo, hi = int(shingles.bounds[first]), int(shingles.bounds[last])
        if hi == lo:
            continue
        with np.errstate(over="ignore"):
            permuted = mixed[lo:hi, None] * a[None, :] + b[None, :]
        filled = np.flatnonzero(sizes[first:last] > 0)
        starts = shingles.bounds[first:last][filled] - lo
        out[first + filled] = np.minimum.reduceat(permuted, starts, axis=0)
    return out


def candidate_pairs(
    shingles: Shingles, *, threshold: float = 0.2, num_perm: int = 128, seed: int = 1
) -> npt.NDArray[np.int64]:
    """Pairs ``(i, j)``, ``i < j``, of articles whose MinHash signatures collide in a band of a datasketch
    ``MinHashLSH`` tuned to Jaccard ``threshold`` (candidates only: verify them)."""
    from datasketch import LeanMinHash, MinHashLSH

    sig = signatures(shingles, num_perm=num_perm, seed=seed)
    present = np.flatnonzero(shingles.sizes() > 0)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = [LeanMinHash(seed=seed, hashvalues=sig[i], scheme="affine64") for i in present]
    with lsh.insertion_session() as session:
        for i, minhash in zip(present.tolist(), hashes, strict=True):
            session.insert(i, minhash, check_duplication=False)
    found: list[tuple[int, int]] = []
    for i, minhash in zip(present.tolist(), hashes, strict=True):
        found.extend((i, j) for j in lsh.query(minhash) if j > i)
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


def _all_pairs(shingles: Shingles) -> npt.NDArray[np.int64]:
    """Every pair of articles that shares at least one shingle (exact, through an inverted index)."""
    doc = np.repeat(np.arange(len(shingles.bounds) - 1), shingles.sizes())
    order = np.argsort(shingles.hashes, kind="stable")
    h, d = shingles.hashes[order], doc[order]
    found: set[tuple[int, int]] = set()
    edges = np.flatnonzero(np.diff(h)) + 1
    for run in np.split(d, edges):
        if len(run) > 1:
            members = sorted(set(run.tolist()))
            found.update((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


def _covered_chars(forms: list[str], hashes: U64, k: int) -> int:
    """Characters of the word forms of one text covered by the shingles in ``hashes``."""
    if len(forms) < k:
        return 0
    words = np.array([_word_hash(w) for w in forms], dtype=np.uint64)
    h, _ = _window_hashes(words, np.array([len(forms)], dtype=np.int64), k)
    hit = np.flatnonzero(np.isin(h, hashes))
    covered = np.zeros(len(forms) + 1, dtype=np.int64)
    np.add.at(covered, hit, 1)
    np.add.at(covered, hit + k, -1)
    mask = np.cumsum(covered)[:-1] > 0
    return int(sum(len(w) for w, m in zip(forms, mask, strict=True) if m))


@dataclass(frozen=True)
class _When:
    """What a row says about when and from whom it came: its day, its time (None when only the date is
    printed), its instant in UTC (None when unknown), and its wire credit: 2 a named agency, 1 unnamed
    agencies (``agencies``), 0 none."""

    day: Any
    time: Any
    utc: Any
    wire: int


UNNAMED_WIRE = "agencies"  # the wire value of an unnamed credit (وكالات)


def _credit(wire: Any) -> int:
    if not isinstance(wire, str) or not wire.strip():
        return 0
    return 1 if wire.strip().lower() == UNNAMED_WIRE else 2


def _whens(corpus: pd.DataFrame) -> list[_When]:
    published = corpus[S.PUBLISHED] if S.PUBLISHED in corpus else pd.Series(pd.NaT, index=corpus.index)
    utc = corpus[S.PUBLISHED_UTC] if S.PUBLISHED_UTC in corpus else pd.Series(pd.NaT, index=corpus.index)
    wire = corpus[S.WIRE] if S.WIRE in corpus else pd.Series(None, index=corpus.index, dtype=object)
    out = []
    for p, u, w in zip(published.tolist(), utc.tolist(), wire.tolist(), strict=True):
        if p is None or pd.isna(p):
            out.append(_When(None, None, None, _credit(w)))
            continue
        timed = (p.hour, p.minute, p.second) != (0, 0, 0)  # midnight: a page that prints only the date
        out.append(
            _When(
                p.date(),
                p if timed else None,
                u if timed and u is not None and not pd.isna(u) else None,
                _credit(w),
            )
        )
    return out


def likely_source(x: _When, y: _When) -> tuple[int | None, SourceReason]:
    """0 or 1 (which of two copies is the likely source) and why, or None: the earlier publication
    (different days; or the same day with both times printed), else the one with the stronger wire credit
    (a named agency over unnamed ``agencies`` over none)."""
    if x.day is not None and y.day is not None and x.day != y.day:
        return (0 if x.day < y.day else 1), "earlier"
    if x.time is not None and y.time is not None:
        a, b = (x.utc, y.utc) if x.utc is not None and y.utc is not None else (x.time, y.time)
        if a != b:
            return (0 if a < b else 1), "earlier"
    if x.wire != y.wire:
        return (0 if x.wire > y.wire else 1), "wire credit"
    return None, "undetermined"


def _check_fraction(value: float, name: str) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{name} must be in (0, 1], got {value!r}")


def find_copies(
    corpus: pd.DataFrame,
    *,
    min_overlap: float = 0.5,
    shingle_words: int = 5,
    method: Literal["lsh", "exact"] = "lsh",
    lsh_threshold: float = 0.2,
    num_perm: int = 128,
    seed: int = 1,
) -> pd.DataFrame:
    """One row per pair of articles that share text: ``doc_a, doc_b`` (corpus order), ``outlet_a,
    outlet_b``, ``containment`` (shared shingles over the smaller article's, so a partial copy or an
    article that embeds a wire story is found), ``jaccard`` (shared over all), ``shared_shingles``,
    ``shared_chars`` (characters of the smaller article's word forms inside shared shingles), ``source``
    (the doc_id that is the likely source, or None) and ``source_reason`` (``earlier``: published on an
    earlier day, or earlier the same day with both times printed; ``wire credit``: the stronger wire
    credit of the two, a named agency over unnamed ``agencies`` over none; ``undetermined``).

    - ``min_overlap``: the smallest containment kept (0.5: half of the smaller article's shingles).
    - ``shingle_words``: words per shingle; articles with fewer words are not compared.
    - ``method``: ``lsh`` takes candidates from MinHash LSH (datasketch, ``num_perm`` permutations,
      ``seed``, tuned to Jaccard ``lsh_threshold``) and verifies each exactly; ``exact`` verifies every pair
      that shares a shingle (an inverted index: the reference, for corpora of thousands of articles).
      LSH finds pairs by Jaccard: a short story inside a round-up many times its length has a low
      Jaccard and may be missed unless ``lsh_threshold`` is lowered (more candidates, slower).

    Provenance (method, settings, seed, the number of candidates verified) is in ``attrs["provenance"]``.
    """
    S.validate_corpus(corpus)
    _check_fraction(min_overlap, "min_overlap")
    _check_fraction(lsh_threshold, "lsh_threshold")
    if method not in ("lsh", "exact"):
        raise ValueError(f"method must be 'lsh' or 'exact', got {method!r}")
    texts = S.texts(corpus)
    shingles = shingle(texts, k=shingle_words)
    if method == "lsh":
        candidates = candidate_pairs(shingles, threshold=lsh_threshold, num_perm=num_perm, seed=seed)
    else:
        candidates = _all_pairs(shingles)
    sizes = shingles.sizes()
    ids = S.doc_ids(corpus)
    outlets = corpus[S.OUTLET].astype(str).tolist()
    whens = _whens(corpus)
    rows: list[tuple[Any, ...]] = []
    for i, j in candidates.tolist():
        shared = np.intersect1d(shingles.of(i), shingles.of(j), assume_unique=True)
        smaller = min(sizes[i], sizes[j])
        containment = len(shared) / smaller if smaller else 0.0
        if containment < min_overlap or len(shared) == 0:
            continue
        jaccard = len(shared) / (sizes[i] + sizes[j] - len(shared))
        small = i if sizes[i] <= sizes[j] else j
        chars = _covered_chars(word_forms(texts[small]), shared, shingle_words)
        which, reason = likely_source(whens[i], whens[j])
        source = None if which is None else (ids[i], ids[j])[which]
        rows.append(
            (ids[i], ids[j], outlets[i], outlets[j], containment, jaccard, len(shared), chars, source, reason)
        )
    pairs = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    pairs = pairs.astype(
        {CONTAINMENT: "float64", JACCARD: "float64", SHARED_SHINGLES: "int64", SHARED_CHARS: "int64"}
    )
    pairs[SOURCE] = pairs[SOURCE].astype(object)
    pairs.attrs["provenance"] = {
        "framing_version": framing_version(),
        "method": method,
        "min_overlap": min_overlap,
        "shingle_words": shingle_words,
        "lsh_threshold": lsh_threshold if method == "lsh" else None,
        "num_perm": num_perm if method == "lsh" else None,
        "seed": seed if method == "lsh" else None,
        "candidates": int(len(candidates)),
        "articles": len(corpus),
        "normalization": "framing.text.word_forms (the matching normalization)",
    }
    return pairs


def copy_groups(corpus: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``doc_id, outlet, copy_group`` (the doc_id of the group's likely source; an
    article that shares text with no other is a group of its own), ``copy_role`` (``source``, ``copy``
    or ``single``), ``copy_size`` (articles in the group) and ``source_outlet``.

    Groups are stars: an article joins a group only when it shares text with the group's centre (the
    article with the most Jaccard overlap with the others still ungrouped), never through another member
    alone. So a long round-up that quotes two different wire stories cannot chain the copies of both
    into one group: it joins one of them. The likely source of a group is the member that
    :func:`find_copies`' rule (earlier publication, then wire credit) prefers over the most other
    members; ties go to the centre.
    """
    S.validate_corpus(corpus)
    missing = [c for c in (DOC_A, DOC_B, JACCARD) if c not in pairs.columns]
    if missing:
        raise ValueError(f"pairs lacks column(s) {missing}: pass the table find_copies returned")
    ids = S.doc_ids(corpus)
    index = {d: n for n, d in enumerate(ids)}
    unknown = sorted(set(pairs[DOC_A].astype(str)).union(pairs[DOC_B].astype(str)).difference(index))
    if unknown:
        raise ValueError(f"pairs name doc_id(s) not in the corpus, e.g. {unknown[0]!r}")
    weight: dict[int, dict[int, float]] = {}
    for a, b, jac in zip(pairs[DOC_A].astype(str), pairs[DOC_B].astype(str), pairs[JACCARD], strict=True):
        i, j = index[a], index[b]
        weight.setdefault(i, {})[j] = float(jac)
        weight.setdefault(j, {})[i] = float(jac)
    whens = _whens(corpus)
    group = list(range(len(ids)))
    role = ["single"] * len(ids)
    size = [1] * len(ids)
    remaining = set(weight)
    while remaining:
        centre = max(
            sorted(remaining),
            key=lambda i: (sum(w for j, w in weight[i].items() if j in remaining), -i),
        )
        members = sorted({centre, *(j for j in weight[centre] if j in remaining)})
        remaining.difference_update(members)
        if len(members) == 1:
            continue
        wins = {m: 0 for m in members}
        for n, x in enumerate(members):
            for y in members[n + 1 :]:
                which, _ = likely_source(whens[x], whens[y])
                if which is not None:
                    wins[(x, y)[which]] += 1
        source = max(members, key=lambda m: (wins[m], m == centre, -m))
        for m in members:
            group[m], role[m], size[m] = source, "copy", len(members)
        role[source] = "source"
    outlets = corpus[S.OUTLET].astype(str).tolist()
    return pd.DataFrame(
        {
            S.DOC_ID: ids,
            S.OUTLET: outlets,
            S.COPY_GROUP: [ids[g] for g in group],
            S.COPY_ROLE: role,
            S.COPY_SIZE: pd.array(size, dtype="int64"),
            "source_outlet": [outlets[g] for g in group],
        }
    )


def with_copy_groups(corpus: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``corpus`` with the ``copy_group``, ``copy_role`` and ``copy_size`` columns of ``groups``
    (what ``cluster="copy_group"`` reads).

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]})
    >>> groups = pd.DataFrame({"doc_id": ["b", "a"], "copy_group": ["a", "a"], "copy_role": ["copy", "source"],
    ...                        "copy_size": [2, 2]})
    >>> with_copy_groups(corpus, groups)["copy_group"].tolist()
    ['a', 'a']
    """
    columns = [S.COPY_GROUP, S.COPY_ROLE, S.COPY_SIZE]
    missing = [c for c in [S.DOC_ID, *columns] if c not in groups.columns]
    if missing:
        raise ValueError(f"groups lacks column(s) {missing}: pass the table copy_groups returned")
    table = groups.set_index(S.DOC_ID)[columns]
    ids = corpus[S.DOC_ID].astype(str)
    absent = ids[~ids.isin(table.index)]
    if len(absent):
        raise ValueError(f"groups has no row for doc_id {absent.iloc[0]!r}: run copy_groups on this corpus")
    out = corpus.drop(columns=[c for c in columns if c in corpus.columns])
    for column in columns:
        out[column] = table[column].reindex(ids.tolist()).to_numpy()
    return out


def one_per_copy_group(corpus: pd.DataFrame, groups: pd.DataFrame, *, keep: Keep = "source") -> pd.DataFrame:
    """``corpus`` with one article per copy group (articles that are no copy are all kept), in corpus
    order: ``keep="source"`` keeps the group's likely source, ``"longest"`` its longest text, ``"first"``
    its first article in corpus order.

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y y", "z"]})
    >>> groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "copy_group": ["b", "b", "c"],
    ...                        "copy_role": ["copy", "source", "single"], "copy_size": [2, 2, 1]})
    >>> one_per_copy_group(corpus, groups)["doc_id"].tolist()
    ['b', 'c']
    >>> one_per_copy_group(corpus, groups, keep="first")["doc_id"].tolist()
    ['a', 'c']
    """
    if keep not in ("source", "longest", "first"):
        raise ValueError(f"keep must be 'source', 'longest' or 'first', got {keep!r}")
    table = with_copy_groups(corpus, groups).reset_index(drop=True)
    if keep == "source":
        chosen = table[S.COPY_ROLE] != "copy"
    else:
        if keep == "longest":
            length = table[S.TEXT].map(lambda t: len(t) if isinstance(t, str) else 0)
            order = table.assign(_len=-length).sort_values(["_len"], kind="stable").index
        else:
            order = table.index
        first = table.loc[order].drop_duplicates(S.COPY_GROUP).index
        chosen = table.index.isin(first)
    return corpus.loc[corpus.index[np.asarray(chosen)]]


def copy_summary(corpus: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """One row per copy group of two or more articles, largest first: ``copy_group``, ``source_outlet``,
    ``wire`` (the source's credit, where the corpus has it), ``title`` of the source, ``articles``,
    ``copies`` (articles beyond the source) and ``outlets`` (the outlets that ran it, comma-separated).

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"], "title": ["t", "u", "v"],
    ...                        "published": pd.NaT, "text": ["", "", ""]})
    >>> groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"], "copy_group": ["a", "a", "c"],
    ...     "copy_role": ["source", "copy", "single"], "copy_size": [2, 2, 1], "source_outlet": ["x", "x", "z"]})
    >>> copy_summary(corpus, groups)[["copy_group", "articles", "copies", "outlets"]].values.tolist()
    [['a', 2, 1, 'x, y']]
    """
    table = with_copy_groups(corpus, groups)
    grouped = table[table[S.COPY_SIZE] > 1]
    wire = corpus.set_index(S.DOC_ID)[S.WIRE] if S.WIRE in corpus else None
    title = corpus.set_index(S.DOC_ID)[S.TITLE]
    rows = []
    for gid, members in grouped.groupby(S.COPY_GROUP, sort=False):
        source = members[members[S.COPY_ROLE] == "source"]
        rows.append(
            {
                S.COPY_GROUP: gid,
                "source_outlet": str(source[S.OUTLET].iloc[0]) if len(source) else None,
                S.WIRE: wire.get(gid) if wire is not None else None,
                S.TITLE: title.get(gid),
                "articles": len(members),
                "copies": len(members) - 1,
                "outlets": ", ".join(sorted(members[S.OUTLET].astype(str).unique())),
            }
        )
    columns = [S.COPY_GROUP, "source_outlet", S.WIRE, S.TITLE, "articles", "copies", "outlets"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values("articles", ascending=False, kind="stable").reset_index(drop=True)
