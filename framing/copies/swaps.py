"""Label swaps: where one copy names an actor with one lexicon entry and the other copy, at the aligned
place, with a different entry of the same frame (referent) — e.g. النظام السوري (regime) in the wire
text, الدولة السورية (state) in an outlet's copy.

>>> from framing.lexicon import load_lexicon
>>> lexicon = load_lexicon({"gov": [{"pattern": "النظام السوري", "stance": "regime"},
...                                 {"pattern": "الدولة السورية", "stance": "state"}]})
>>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["wire", "x"], "title": ["", ""],
...     "published": pd.to_datetime(["2016-07-15 10:00", "2016-07-15 11:00"]),
...     "text": ["وقال المتحدث إن النظام السوري وافق على الهدنة في المدينة.",
...              "وقال المتحدث إن الدولة السورية وافقت على الهدنة في المدينة."]})
>>> pairs = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "source": ["a"]})
>>> swaps = label_swaps(corpus, pairs, lexicon)
>>> swaps[["outlet_a", "outlet_b", "entry_a", "entry_b", "stance_a", "stance_b"]].values.tolist()
[['wire', 'x', 'النظام السوري', 'الدولة السورية', 'regime', 'state']]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd

from framing import schema as S
from framing.copies.align import align_sentences, sentences
from framing.copies.lineage import DOC_A, DOC_B, OUTLET_A, OUTLET_B, SOURCE
from framing.lexicon import Lexicon
from framing.lexicon.match import find_matches
from framing.provenance import framing_version

SWAP_COLUMNS: tuple[str, ...] = (
    DOC_A,
    DOC_B,
    OUTLET_A,
    OUTLET_B,
    S.FRAME,
    "entry_a",
    "entry_b",
    "stance_a",
    "stance_b",
    "surface_a",
    "surface_b",
    "a_start",
    "a_end",
    "b_start",
    "b_end",
)
STANCE_TAG = S.STANCE
# count_swaps: swaps per outlet pair, frame and direction (from a stance or entry to another)
FROM = "from"
TO = "to"
SWAPS = "swaps"
COUNT_COLUMNS: tuple[str, ...] = (OUTLET_A, OUTLET_B, S.FRAME, FROM, TO, SWAPS)


def _token_range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The tokens (by index) a character span covers."""
    return bisect_right(ends, start), bisect_left(starts, end)


def _image(opcodes: Sequence[tuple[str, int, int, int, int]], lo: int, hi: int) -> tuple[int, int] | None:
    """The tokens of the other sentence that tokens ``lo:hi`` of this one are aligned with (None: none)."""
    from_, to = None, None
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            a, b = max(lo, i1), min(hi, i2)
            if a < b:
                ja, jb = j1 + (a - i1), j1 + (b - i1)
                from_ = ja if from_ is None else min(from_, ja)
                to = jb if to is None else max(to, jb)
        elif ((i1 < hi and i2 > lo) or (i1 == i2 and lo < i1 < hi)) and j2 > j1:
            from_ = j1 if from_ is None else min(from_, j1)
            to = j2 if to is None else max(to, j2)
    return None if from_ is None or to is None else (from_, to)


def _oriented(pairs: pd.DataFrame) -> list[tuple[str, str]]:
    """The pairs as (source side, copy side): the likely source first where it is known."""
    out = []
    sources = pairs[SOURCE].tolist() if SOURCE in pairs.columns else [None] * len(pairs)
    for a, b, s in zip(pairs[DOC_A].astype(str), pairs[DOC_B].astype(str), sources, strict=True):
        out.append((b, a) if isinstance(s, str) and s == b else (a, b))
    return out


def label_swaps(corpus: pd.DataFrame, pairs: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """One row per label swap between two copies: ``doc_a`` (the likely source where ``pairs`` has a
    ``source``, else the pair's first doc) and ``doc_b``, their outlets, the ``frame`` (referent), the two
    entries and their ``stance`` tags (None where the lexicon has none), the spans as written and their
    offsets into each text.

    A swap is a lexicon hit in one copy whose words the alignment (:func:`framing.copies.copy_edits`:
    sentences, then words) maps onto a hit of a *different* entry of the *same* frame in the other copy.
    A label kept as it was, or one only deleted or only inserted, is not a swap. ``pairs`` is a
    :func:`framing.copies.find_copies` table (``doc_a, doc_b`` and optionally ``source``).
    """
    S.validate_corpus(corpus)
    missing = [c for c in (DOC_A, DOC_B) if c not in pairs.columns]
    if missing:
        raise ValueError(f"pairs lacks column(s) {missing}: pass the table find_copies returned")
    oriented = _oriented(pairs)
    needed = sorted({d for pair in oriented for d in pair})
    ids = corpus[S.DOC_ID].astype(str)
    unknown = sorted(set(needed).difference(ids))
    if unknown:
        raise ValueError(f"pairs name doc_id(s) not in the corpus, e.g. {unknown[0]!r}")
    sub = corpus[ids.isin(needed)]
    text = dict(zip(sub[S.DOC_ID].astype(str), S.texts(sub), strict=True))
    outlet = dict(zip(sub[S.DOC_ID].astype(str), sub[S.OUTLET].astype(str), strict=True))
    matches = find_matches(sub, lexicon)
    hits: dict[str, list[tuple[int, int, str, str, str]]] = {d: [] for d in needed}
    for d, frame, entry, surface, start, end in zip(
        matches[S.DOC_ID].astype(str), matches[S.FRAME], matches[S.ENTRY], matches[S.SURFACE],
        matches[S.START], matches[S.END], strict=True,
    ):  # fmt: skip
        hits[d].append((int(start), int(end), str(frame), str(entry), str(surface)))
    stance = {(e.frame, e.pattern): e.tags.get(STANCE_TAG) for frame in lexicon.frames for e in frame.entries}
    rows: list[tuple[Any, ...]] = []
    for a, b in oriented:
        if not hits[a] or not hits[b]:
            continue
        rows.extend(_swaps(a, b, text[a], text[b], hits[a], hits[b], outlet, stance))
    swaps = pd.DataFrame(rows, columns=list(SWAP_COLUMNS))
    swaps = swaps.astype({c: "int64" for c in ("a_start", "a_end", "b_start", "b_end")})
    swaps.attrs["provenance"] = {"framing_version": framing_version(), **lexicon.provenance()}
    return swaps


def _swaps(
    a: str,
    b: str,
    text_a: str,
    text_b: str,
    hits_a: list[tuple[int, int, str, str, str]],
    hits_b: list[tuple[int, int, str, str, str]],
    outlet: dict[str, str],
    stance: dict[tuple[str, str], str | None],
) -> list[tuple[Any, ...]]:
    from difflib import SequenceMatcher

    sa, sb = sentences(text_a), sentences(text_b)
    rows: list[tuple[Any, ...]] = []
    for i, j in align_sentences(sa, sb):
        if i is None or j is None:
            continue
        ta, tb = sa[i].tokens, sb[j].tokens
        opcodes = SequenceMatcher(
            None, [t.form for t in ta], [t.form for t in tb], autojunk=False
        ).get_opcodes()
        if all(op[0] == "equal" for op in opcodes):
            continue
        a_starts, a_ends = [t.start for t in ta], [t.end for t in ta]
        b_starts, b_ends = [t.start for t in tb], [t.end for t in tb]
        in_b = [h for h in hits_b if sb[j].start <= h[0] and h[1] <= sb[j].end]
        for start, end, frame, entry, surface in hits_a:
            if not (sa[i].start <= start and end <= sa[i].end):
                continue
            lo, hi = _token_range(a_starts, a_ends, start, end)
            image = _image(opcodes, lo, hi)
            if image is None:
                continue
            for b0, b1, frame_b, entry_b, surface_b in in_b:
                blo, bhi = _token_range(b_starts, b_ends, b0, b1)
                if frame_b != frame or entry_b == entry or bhi <= image[0] or blo >= image[1]:
                    continue
                rows.append(
                    (
                        a, b, outlet[a], outlet[b], frame, entry, entry_b,
                        stance.get((frame, entry)), stance.get((frame, entry_b)),
                        surface, surface_b, start, end, b0, b1,
                    )
                )  # fmt: skip
    return rows


def count_swaps(swaps: pd.DataFrame, *, by: Literal["stance", "entry"] = "stance") -> pd.DataFrame:
    """Swaps counted per outlet pair, frame and direction: ``outlet_a, outlet_b, frame, from, to, swaps``
    (``from``/``to`` are stances, or entries with ``by="entry"``), most frequent first.

    >>> swaps = pd.DataFrame({"outlet_a": ["w", "w"], "outlet_b": ["x", "x"], "frame": ["gov", "gov"],
    ...     "entry_a": ["النظام السوري", "نظام الأسد"], "entry_b": ["الدولة السورية"] * 2,
    ...     "stance_a": ["regime", "regime"], "stance_b": ["state", "state"]})
    >>> count_swaps(swaps).values.tolist()
    [['w', 'x', 'gov', 'regime', 'state', 2]]
    """
    if by not in ("stance", "entry"):
        raise ValueError(f"by must be 'stance' or 'entry', got {by!r}")
    a, b = f"{by}_a", f"{by}_b"
    table = swaps.assign(**{FROM: swaps[a].fillna("untagged"), TO: swaps[b].fillna("untagged")})
    keys = list(COUNT_COLUMNS[:-1])
    counted = table.groupby(keys, sort=False).size().rename(SWAPS).reset_index()
    return counted.sort_values(SWAPS, ascending=False, kind="stable").reset_index(drop=True)
