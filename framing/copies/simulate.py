"""Synthetic corpora with planted copies, to measure :func:`framing.copies.find_copies` (tests, benchmark).

Articles are sentences of made-up Arabic-letter words drawn with Zipf frequencies (so common words recur
as in real text); some articles are planted copies of others:

- ``whole``: the source as it is, with spelling variants (final ى for ي, hamza on alef, a diacritic, a
  tatweel) that normalization must see through;
- ``partial``: a run of 55–90% of the source's sentences, plus at most a sentence of its own;
- ``edited``: every sentence kept, about one word in 25 replaced, one in 40 inserted, and one sentence cut.

Every planted copy keeps at least half of its own shingles from the source (containment >= 0.5 by
construction).

>>> corpus, planted = planted_corpus(50, copies=10, seed=3)
>>> len(corpus), len(planted), sorted(planted["kind"].unique())
(60, 10, ['edited', 'partial', 'whole'])
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from framing import schema as S

Kind = Literal["whole", "partial", "edited"]
KINDS: tuple[Kind, ...] = ("whole", "partial", "edited")
# Arabic letters (U+0627-U+064A without the hamza carriers and alef maqsura), the vocabulary's alphabet
_LETTERS = [
    chr(c) for c in range(0x0627, 0x064B) if chr(c) not in "\u0629\u0649\u063b\u063c\u063d\u063e\u063f\u0640"
]
_YEH, _ALEF_MAQSURA = "\u064a", "\u0649"  # ي ى
_ALEF, _ALEF_HAMZA = "\u0627", "\u0623"  # ا أ
_FATHA, _TATWEEL = "\u064e", "\u0640"  # diacritic, kashida


def _vocabulary(rng: np.random.Generator, size: int) -> np.ndarray:
    words: set[str] = set()
    while len(words) < size:
        n = int(rng.integers(2, 8))
        words.add("".join(rng.choice(_LETTERS, n)))
    return np.array(sorted(words), dtype=object)


def _draw(rng: np.random.Generator, cdf: np.ndarray, size: int) -> np.ndarray:
    """Word ids drawn with the Zipf weights whose cumulative sums are ``cdf``."""
    return np.minimum(np.searchsorted(cdf, rng.random(size)), len(cdf) - 1)


def _sentences(rng: np.random.Generator, vocab: np.ndarray, cdf: np.ndarray, words: int) -> list[list[str]]:
    ids = _draw(rng, cdf, words)
    cuts = np.cumsum(rng.integers(8, 22, size=words // 8 + 1))
    cuts = cuts[cuts < words]
    return [list(vocab[part]) for part in np.split(ids, cuts) if len(part)]


def _join(sentences: list[list[str]]) -> str:
    return " ".join(" ".join(s) + "." for s in sentences)


def _variant(word: str, rng: np.random.Generator) -> str:
    """The same word as another spelling that normalizes back to it."""
    choice = int(rng.integers(0, 4))
    if choice == 0 and word.endswith(_YEH):
        return word[:-1] + _ALEF_MAQSURA
    if choice == 1 and word.startswith(_ALEF):
        return _ALEF_HAMZA + word[1:]
    if choice == 2:
        return word[0] + _FATHA + word[1:]
    return word[0] + _TATWEEL + word[1:] if len(word) > 1 else word


def _copy(
    kind: Kind, source: list[list[str]], rng: np.random.Generator, vocab: np.ndarray, cdf: np.ndarray
) -> list[list[str]]:
    if kind == "whole":
        return [[_variant(w, rng) if rng.random() < 0.1 else w for w in s] for s in source]
    if kind == "partial":
        n = len(source)
        take = max(1, int(np.ceil(n * rng.uniform(0.55, 0.9))))
        first = int(rng.integers(0, n - take + 1))
        part = [list(s) for s in source[first : first + take]]
        own = _sentences(rng, vocab, cdf, int(rng.integers(5, 12)))[:1]
        if sum(map(len, own)) * 4 < sum(map(len, part)):  # the copy's own words stay well under half
            part += own
        return part
    out = []
    cut = int(rng.integers(0, len(source))) if len(source) > 3 else -1
    for n, s in enumerate(source):
        if n == cut:
            continue
        r = rng.random(len(s))
        new = iter(vocab[_draw(rng, cdf, len(s))])
        edited: list[str] = []
        for w, x in zip(s, r, strict=True):
            if x < 0.04:
                edited.append(str(next(new)))
                continue
            edited.append(w)
            if x > 0.975:
                edited.append(str(next(new)))
        out.append(edited)
    return out


def planted_corpus(
    n: int,
    *,
    copies: int,
    words: tuple[int, int] = (150, 400),
    vocabulary: int = 20000,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(corpus, planted)``: ``n`` original articles plus ``copies`` planted copies of randomly chosen
    originals (kinds in turn: whole, partial, edited), shuffled; ``planted`` has one row per copy:
    ``source, copy, kind``. Copies are published an hour after their source; outlets are ``o0``–``o19``."""
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng, vocabulary)
    ranks = np.arange(1, vocabulary + 1, dtype=float)
    weights = 1.0 / ranks**1.05
    cdf = np.cumsum(weights / weights.sum())
    lengths = rng.integers(words[0], words[1] + 1, size=n)
    originals = [_sentences(rng, vocab, cdf, int(k)) for k in lengths]
    texts = [_join(s) for s in originals]
    # on the hour plus 7 minutes: never midnight, which reads as a date printed without a time
    when = pd.Timestamp("2016-07-01 00:07") + pd.to_timedelta(rng.integers(0, 30 * 24, size=n), unit="h")
    published = list(when)
    source_of = rng.integers(0, n, size=copies)
    planted_rows = []
    for c in range(copies):
        kind = KINDS[c % len(KINDS)]
        src = int(source_of[c])
        texts.append(_join(_copy(kind, originals[src], rng, vocab, cdf)))
        published.append(published[src] + pd.Timedelta(hours=1))
        planted_rows.append((src, n + c, kind))
    total = n + copies
    order = rng.permutation(total)
    ids = [f"d{i:07d}" for i in range(total)]
    corpus = pd.DataFrame(
        {
            S.DOC_ID: [ids[i] for i in order],
            S.OUTLET: [f"o{int(i) % 20}" for i in order],
            S.TITLE: "",
            S.PUBLISHED: pd.to_datetime([published[i] for i in order]),
            S.TEXT: [texts[i] for i in order],
        }
    )
    planted = pd.DataFrame(
        {"source": [ids[s] for s, _, _ in planted_rows], "copy": [ids[c] for _, c, _ in planted_rows],
         "kind": [k for _, _, k in planted_rows]}
    )  # fmt: skip
    return corpus, planted


def score_pairs(pairs: pd.DataFrame, planted: pd.DataFrame) -> dict[str, float]:
    """Recall (planted source–copy pairs found) and precision (found pairs inside one planted family:
    a source and its copies, or two copies of one source) of a :func:`find_copies` table.

    >>> planted = pd.DataFrame({"source": ["a", "a"], "copy": ["b", "c"], "kind": ["whole", "edited"]})
    >>> score_pairs(pd.DataFrame({"doc_a": ["b", "a", "x"], "doc_b": ["a", "c", "y"]}), planted)
    {'recall': 1.0, 'precision': 0.6666666666666666, 'found': 3, 'planted': 2}
    """
    family = {s: s for s in planted["source"]}
    family.update(dict(zip(planted["copy"], planted["source"], strict=True)))
    found = {frozenset(p) for p in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
    truth = {frozenset(p) for p in zip(planted["source"], planted["copy"], strict=True)}
    hits = len(truth & found)
    good = sum(1 for p in found if len({family.get(d, d) for d in p}) == 1 and all(d in family for d in p))
    return {
        "recall": hits / len(truth) if truth else 1.0,
        "precision": good / len(found) if found else 1.0,
        "found": len(found),
        "planted": len(truth),
    }
