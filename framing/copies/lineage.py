"""Which articles share text (:func:`find_copies`), how they form copy groups (:func:`copy_groups`), and a
corpus that counts each copy group once (:func:`one_per_copy_group`).

Texts are compared as word shingles (``shingle`` consecutive word forms, 5 by default) after the same
normalization as lexicon matching (:func:`framing.text.word_forms`), so spelling variants (ى/ي, hamza
forms, diacritics, tatweel, Arabic-Indic digits) do not hide a copy. Candidate pairs come from MinHash LSH
(datasketch, ``affine32`` permutations with a fixed ``seed``) and every candidate is verified on the
shingle sets themselves (64-bit shingle fingerprints): the containment and Jaccard reported are exact,
not estimates.

>>> import pandas as pd
>>> wire = ("قال وزير الخارجية إن المحادثات مع الجانب الآخر كانت صريحة وبناءة "
...         "وإن الوفدين اتفقا على مواصلة اللقاءات")
>>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"], "title": ["", "", ""],
...     "published": pd.to_datetime(["2016-07-15 10:00", "2016-07-15 12:00", "2016-07-15 00:00"]),
...     "text": [wire, wire.replace("الآخر", "الروسي"),
...              "نص آخر لا علاقة له بأي خبر من الأخبار المذكورة هنا أبدا"]})
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
U32 = npt.NDArray[np.uint32]
SCHEME = "affine32"  # datasketch's permutation scheme of the signatures

# find_copies columns (the two doc ids first)
DOC_A = "doc_a"
DOC_B = "doc_b"
OUTLET_A = "outlet_a"
OUTLET_B = "outlet_b"
CONTAINMENT = "containment"
JACCARD = "jaccard"
SHARED_SHINGLES = "shared_shingles"
SHINGLES_A = "shingles_a"
SHINGLES_B = "shingles_b"
SHARED_CHARS = "shared_chars"
SOURCE = "source"
SOURCE_REASON = "source_reason"
SOURCE_OUTLET = "source_outlet"  # copy_groups and copy_summary: the outlet of the group's likely source
PAIR_COLUMNS: tuple[str, ...] = (
    DOC_A,
    DOC_B,
    OUTLET_A,
    OUTLET_B,
    CONTAINMENT,
    JACCARD,
    SHARED_SHINGLES,
    SHINGLES_A,
    SHINGLES_B,
    SHARED_CHARS,
    SOURCE,
    SOURCE_REASON,
)
SourceReason = Literal["earlier", "wire credit", "undetermined"]
Keep = Literal["source", "longest", "first"]

_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio) of the shingle hash
_CHUNK = 2000  # articles per block of shingling and signature work (bounds the memory of one block)
_BLOCK_CELLS = 1 << 20  # cells of one block of the (shingles x permutations) signature work


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


def _shingle_block(texts: Sequence[str], k: int) -> tuple[U64, npt.NDArray[np.int64]]:
    """The sorted distinct fingerprints of a block of texts, concatenated, and each text's count."""
    block = [word_forms(t) for t in texts]
    vocabulary = {word: _word_hash(word) for word in set(chain.from_iterable(block))}
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
    return h, np.bincount(doc, minlength=len(block)).astype(np.int64)


def _blocks(texts: Sequence[str], k: int, workers: int) -> list[tuple[U64, npt.NDArray[np.int64]]]:
    chunks = [texts[first : first + _CHUNK] for first in range(0, len(texts), _CHUNK)]
    if workers <= 1 or len(chunks) <= 1:
        return [_shingle_block(chunk, k) for chunk in chunks]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_shingle_block, chunks, [k] * len(chunks)))


def shingle(texts: Sequence[str], *, k: int = 5, workers: int = 1) -> Shingles:
    """The distinct ``k``-word shingle fingerprints of each text (normalized word forms; a text of fewer
    than ``k`` words has none). ``workers`` > 1 shingles blocks of texts in that many processes.

    >>> s = shingle(["كيري يصل إلى موسكو مساء الخميس", "كيرى يصل الى موسكو مساء الخميس", "قصير"], k=5)
    >>> s.sizes().tolist(), bool((s.of(0) == s.of(1)).all())
    ([2, 2, 0], True)
    """
    if not isinstance(k, int) or k < 1:
        raise ValueError(f"shingle_words must be a positive number of words, got {k!r}")
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive number of processes, got {workers!r}")
    parts = _blocks(list(texts), k, workers)
    sizes = np.concatenate([n for _, n in parts]) if parts else np.zeros(0, np.int64)
    bounds = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    hashes = np.concatenate([h for h, _ in parts]) if parts else np.zeros(0, np.uint64)
    return Shingles(hashes, bounds)


def _fmix32(hv: U32) -> U32:
    """The MurmurHash3 32-bit finalizer (what datasketch applies before its affine permutations)."""
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        return hv ^ (hv >> np.uint32(16))


def _fold32(hashes: U64) -> U32:
    """64-bit fingerprints folded to the 32 bits MinHash permutes."""
    return ((hashes >> np.uint64(32)) ^ hashes).astype(np.uint32)


def signatures(shingles: Shingles, *, num_perm: int = 64, seed: int = 1) -> U32:
    """MinHash signatures, one row per article (rows of articles without shingles are all ``2**32 - 1``),
    equal to what datasketch's ``MinHash(num_perm, seed, scheme="affine32", hashfunc=identity)`` gives when
    fed the article's fingerprints folded to 32 bits — computed for many articles at once, block by block
    (blocks of ``_BLOCK_CELLS`` shingle x permutation cells, so the work stays in cache)."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    a, b = a.astype(np.uint32), b.astype(np.uint32)
    sizes = shingles.sizes()
    out = np.full((len(sizes), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    rows = max(1, _BLOCK_CELLS // num_perm)
    buffer = np.empty((rows, num_perm), dtype=np.uint32)
    first = 0
    n = len(sizes)
    while first < n:
        # as many articles as fit in one block (at least one; a longer one gets a block of its own)
        lo = int(shingles.bounds[first])
        last = int(np.searchsorted(shingles.bounds, lo + rows, side="right")) - 1
        last = min(max(last, first + 1), n)
        hi = int(shingles.bounds[last])
        if hi > lo:
            work = buffer[: hi - lo] if hi - lo <= rows else np.empty((hi - lo, num_perm), dtype=np.uint32)
            mixed = _fmix32(_fold32(shingles.hashes[lo:hi]))  # block by block: no corpus-sized temporaries
            with np.errstate(over="ignore"):
                np.multiply(mixed[:, None], a[None, :], out=work)
                np.add(work, b[None, :], out=work)
            filled = np.flatnonzero(sizes[first:last] > 0)
            starts = shingles.bounds[first:last][filled] - lo
            out[first + filled] = np.minimum.reduceat(work, starts, axis=0)
        first = last
    return out


def candidate_pairs(
    shingles: Shingles, *, threshold: float = 0.15, num_perm: int = 64, seed: int = 1
) -> npt.NDArray[np.int64]:
    """Pairs ``(i, j)``, ``i < j``, of articles whose MinHash signatures collide in a band of a datasketch
    ``MinHashLSH`` tuned to Jaccard ``threshold`` (candidates only: verify them)."""
    from datasketch import LeanMinHash, MinHashLSH

    sig = signatures(shingles, num_perm=num_perm, seed=seed)
    present = np.flatnonzero(shingles.sizes() > 0)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = [LeanMinHash(seed=seed, hashvalues=sig[i], scheme=SCHEME) for i in present]
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
    lsh_threshold: float = 0.15,
    num_perm: int = 64,
    seed: int = 1,
    workers: int = 1,
) -> pd.DataFrame:
    """One row per pair of articles that share text: ``doc_a, doc_b`` (corpus order), ``outlet_a,
    outlet_b``, ``containment`` (shared shingles over the smaller article's, so a partial copy or an
    article that embeds a wire story is found), ``jaccard`` (shared over all), ``shared_shingles``,
    ``shingles_a, shingles_b`` (each article's distinct shingles), ``shared_chars`` (characters of the
    smaller article's word forms inside shared shingles), ``source``
    (the doc_id that is the likely source, or None) and ``source_reason`` (``earlier``: published on an
    earlier day, or earlier the same day with both times printed; ``wire credit``: the stronger wire
    credit of the two, a named agency over unnamed ``agencies`` over none; ``undetermined``).

    - ``min_overlap``: the smallest containment kept (0.5: half of the smaller article's shingles).
    - ``shingle_words``: words per shingle; articles with fewer words are not compared.
    - ``method``: ``lsh`` takes candidates from MinHash LSH (datasketch, ``num_perm`` permutations,
      ``seed``, tuned to Jaccard ``lsh_threshold``) and verifies each exactly; ``exact`` verifies every pair
      that shares a shingle (an inverted index: the reference, for corpora of thousands of articles).
      LSH finds pairs by Jaccard: a short story inside a round-up many times its length has a low
      Jaccard and may be missed unless ``lsh_threshold`` is lowered (more candidates, slower). With the
      defaults (64 permutations, threshold 0.15: 32 bands of 2) a pair with Jaccard 0.3 becomes a
      candidate with probability 0.95, 0.35 with 0.985, 0.5 with 0.9999.
    - ``workers``: processes that tokenize and shingle (1: this process only).

    Provenance (method, settings, seed, the number of candidates verified) is in ``attrs["provenance"]``.
    """
    S.validate_corpus(corpus)
    _check_fraction(min_overlap, "min_overlap")
    _check_fraction(lsh_threshold, "lsh_threshold")
    if method not in ("lsh", "exact"):
        raise ValueError(f"method must be 'lsh' or 'exact', got {method!r}")
    texts = S.texts(corpus)
    shingles = shingle(texts, k=shingle_words, workers=workers)
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
            (
                ids[i],
                ids[j],
                outlets[i],
                outlets[j],
                containment,
                jaccard,
                len(shared),
                int(sizes[i]),
                int(sizes[j]),
                chars,
                source,
                reason,
            )
        )
    pairs = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    pairs = pairs.astype(
        {
            CONTAINMENT: "float64",
            JACCARD: "float64",
            SHARED_SHINGLES: "int64",
            SHINGLES_A: "int64",
            SHINGLES_B: "int64",
            SHARED_CHARS: "int64",
        }
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
        "workers": workers,
        "candidates": len(candidates),
        "articles": len(corpus),
        "normalization": "framing.text.word_forms (the matching normalization)",
    }
    return pairs


def _bridges(links: dict[int, dict[int, tuple[float, float]]]) -> set[int]:
    """Articles that join two articles sharing no text with each other through *different* parts of
    themselves: a round-up quoting two stories. ``links[i][j]`` is ``(share of i's shingles shared with
    j, share of j's shingles shared with i)``.

    When two unlinked neighbours ``u``, ``v`` of ``i`` together cover at most all of ``i`` (shares
    summing to at most 1), their passages in ``i`` can be disjoint: ``i`` is a bridge. Shares summing to
    more than 1 overlap inside ``i``, so ``u`` and ``v`` hold some of the same text (say two partial copies
    of one story): no bridge.
    """
    out: set[int] = set()
    for i, neighbours in links.items():
        near = sorted(neighbours)
        if len(near) < 2:
            continue
        if any(
            v not in links[u] and neighbours[u][0] + neighbours[v][0] <= 1.0
            for n, u in enumerate(near)
            for v in near[n + 1 :]
        ):
            out.add(i)
    return out


def _components(nodes: set[int], links: dict[int, dict[int, tuple[float, float]]]) -> list[list[int]]:
    seen: set[int] = set()
    out = []
    for start in sorted(nodes):
        if start in seen:
            continue
        stack, members = [start], []
        seen.add(start)
        while stack:
            i = stack.pop()
            members.append(i)
            for j in links[i]:
                if j in nodes and j not in seen:
                    seen.add(j)
                    stack.append(j)
        out.append(sorted(members))
    return out


def copy_groups(corpus: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``doc_id, outlet, copy_group`` (the doc_id of the group's likely source; an
    article that shares text with no other is a group of its own), ``copy_role`` (``source``, ``copy``
    or ``single``), ``copy_size`` (articles in the group) and ``source_outlet``.

    Groups are the connected articles of ``pairs``, with a guard against chaining: an article that links
    two articles sharing no text with each other through different passages of itself (a round-up quoting
    two wire stories; see :func:`_bridges`) does not connect them — it joins the group it shares the most
    text with. The likely source of a group is the member that :func:`find_copies`' rule (earlier
    publication, then the stronger wire credit) prefers over the most other members; ties go to the
    member with the most shared text, then to corpus order.
    """
    S.validate_corpus(corpus)
    missing = [c for c in (DOC_A, DOC_B, SHARED_SHINGLES, SHINGLES_A, SHINGLES_B) if c not in pairs.columns]
    if missing:
        raise ValueError(f"pairs lacks column(s) {missing}: pass the table find_copies returned")
    ids = S.doc_ids(corpus)
    index = {d: n for n, d in enumerate(ids)}
    unknown = sorted(set(pairs[DOC_A].astype(str)).union(pairs[DOC_B].astype(str)).difference(index))
    if unknown:
        raise ValueError(f"pairs name doc_id(s) not in the corpus, e.g. {unknown[0]!r}")
    links: dict[int, dict[int, tuple[float, float]]] = {}
    shared_of: dict[int, float] = {}
    for a, b, shared, size_i, size_j in zip(
        pairs[DOC_A].astype(str), pairs[DOC_B].astype(str), pairs[SHARED_SHINGLES], pairs[SHINGLES_A],
        pairs[SHINGLES_B], strict=True,
    ):  # fmt: skip
        i, j = index[a], index[b]
        links.setdefault(i, {})[j] = (shared / size_i, shared / size_j)
        links.setdefault(j, {})[i] = (shared / size_j, shared / size_i)
        shared_of[i] = shared_of.get(i, 0.0) + float(shared)
        shared_of[j] = shared_of.get(j, 0.0) + float(shared)
    bridges = _bridges(links)
    whens = _whens(corpus)
    group = list(range(len(ids)))
    role = ["single"] * len(ids)
    size = [1] * len(ids)
    members_of: dict[int, list[int]] = {}
    for members in _components(set(links).difference(bridges), links):
        for m in members:
            members_of[m] = members
    for r in sorted(bridges):  # a bridge joins the group (or bridge) it shares the most with
        best = max(links[r], key=lambda j: (links[r][j][0], -j))
        target = members_of.get(best)
        if target is None:
            target = members_of[best] = [best]
        target.append(r)
        members_of[r] = target
    done: set[int] = set()
    for members in members_of.values():
        key = min(members)
        if key in done:
            continue
        done.add(key)
        members = sorted(set(members))
        if len(members) == 1:
            continue
        wins = {m: 0 for m in members}
        for n, x in enumerate(members):
            for y in members[n + 1 :]:
                which, _ = likely_source(whens[x], whens[y])
                if which is not None:
                    wins[(x, y)[which]] += 1
        source = max(members, key=lambda m: (wins[m], shared_of.get(m, 0.0), -m))
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
            SOURCE_OUTLET: [outlets[g] for g in group],
        }
    )


def with_copy_groups(corpus: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``corpus`` with the ``copy_group``, ``copy_role`` and ``copy_size`` columns of ``groups``
    (what ``cluster="copy_group"`` reads).

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]})
    >>> groups = pd.DataFrame({"doc_id": ["b", "a"], "copy_group": ["a", "a"],
    ...                        "copy_role": ["copy", "source"],
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
        chosen = (table[S.COPY_ROLE] != "copy").to_numpy()
    else:
        if keep == "longest":
            length = table[S.TEXT].map(lambda t: len(t) if isinstance(t, str) else 0)
            order = table.assign(_len=-length).sort_values(["_len"], kind="stable").index
        else:
            order = table.index
        first = table.loc[order].drop_duplicates(S.COPY_GROUP).index
        chosen = table.index.isin(first)
    return corpus.loc[corpus.index[chosen]]


def copy_summary(corpus: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """One row per copy group of two or more articles, largest first: ``copy_group``, ``source_outlet``,
    ``wire`` (the source's credit, where the corpus has it), ``title`` of the source, ``articles``,
    ``copies`` (articles beyond the source) and ``outlets`` (the outlets that ran it, comma-separated).

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"], "title": ["t", "u", "v"],
    ...                        "published": pd.NaT, "text": ["", "", ""]})
    >>> groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"],
    ...     "copy_group": ["a", "a", "c"], "copy_role": ["source", "copy", "single"], "copy_size": [2, 2, 1],
    ...     "source_outlet": ["x", "x", "z"]})
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
                SOURCE_OUTLET: str(source[S.OUTLET].iloc[0]) if len(source) else None,
                S.WIRE: wire.get(gid) if wire is not None else None,
                S.TITLE: title.get(gid),
                S.ARTICLES: len(members),
                "copies": len(members) - 1,
                S.OUTLETS: ", ".join(sorted(members[S.OUTLET].astype(str).unique())),
            }
        )
    columns = [S.COPY_GROUP, SOURCE_OUTLET, S.WIRE, S.TITLE, S.ARTICLES, "copies", S.OUTLETS]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(S.ARTICLES, ascending=False, kind="stable").reset_index(drop=True)


def source_pairs(pairs: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``pairs`` that join a copy to its group's likely source, turned so that ``doc_a`` (and
    ``outlet_a``, ``shingles_a``) is the source and ``source`` names it: what each outlet changed in the
    text it copied (for :func:`framing.copies.label_swaps` and the side-by-side view). Copies that share
    text only with other copies of the group are not in it.

    >>> pairs = pd.DataFrame({"doc_a": ["b", "b"], "doc_b": ["a", "c"], "outlet_a": ["y", "y"],
    ...     "outlet_b": ["x", "z"], "shingles_a": [5, 5], "shingles_b": [6, 7], "source": ["a", None]})
    >>> groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "copy_group": ["a", "a", "c"]})
    >>> source_pairs(pairs, groups)[["doc_a", "doc_b", "outlet_a", "shingles_a", "source"]].values.tolist()
    [['a', 'b', 'x', 6, 'a']]
    """
    group_of = dict(zip(groups[S.DOC_ID].astype(str), groups[S.COPY_GROUP].astype(str), strict=True))
    a, b = pairs[DOC_A].astype(str), pairs[DOC_B].astype(str)
    a_is = (a.map(group_of) == a).to_numpy() & (b.map(group_of) == a).to_numpy()
    b_is = (b.map(group_of) == b).to_numpy() & (a.map(group_of) == b).to_numpy()
    kept = pairs[a_is | b_is].copy()
    flip = b_is[a_is | b_is]
    for left, right in ((DOC_A, DOC_B), (OUTLET_A, OUTLET_B), (SHINGLES_A, SHINGLES_B)):
        if left in kept.columns and right in kept.columns:
            x, y = kept[left].to_numpy(copy=True), kept[right].to_numpy(copy=True)
            kept[left] = np.where(flip, y, x)
            kept[right] = np.where(flip, x, y)
    kept[SOURCE] = kept[DOC_A].astype(object)
    return kept.reset_index(drop=True)
