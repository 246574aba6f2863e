"""The matcher as it was before issue 13 (commit bfa9c64), kept as the reference of the differential test.

A verbatim copy of ``framing/lexicon/match.py`` and the ``Tokenizer`` of ``framing/text/tokenize.py`` at
that commit (only the imports are adjusted, and ``score`` is the loop ``framing.score`` ran); not project
code. ``tests/lexicon/test_differential.py`` checks that the new matcher finds exactly what this one found.
"""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress
from typing import Any

import numpy as np
import pandas as pd

from framing import schema as S
from framing.lexicon.model import Entry, Lexicon
from framing.text import chars
from framing.text.normalize import Normalization

_WORD = re.compile(r"[^\W_]+")
_MARKS = chars.DIACRITICS + chars.TATWEEL


# A raw token's pieces: (form, start, end) with offsets into the raw token.
Pieces = tuple[tuple[str, int, int], ...]


@dataclass
class Tokenizer:
    """Splits raw tokens into matching forms, with a cache per distinct raw token.

    >>> Tokenizer().pieces("والإرهابيّين،")
    (('والارهابيين', 0, 12),)
    """

    normalization: Normalization = field(default_factory=Normalization)
    _cache: dict[str, Pieces] = field(default_factory=dict, repr=False)
    _forms: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def pieces(self, raw: str) -> Pieces:
        """The forms of the raw (white-space free) token ``raw``, with offsets into it."""
        found = self._cache.get(raw)
        if found is None:
            found = self._cache[raw] = self._split(raw)
        return found

    def _split(self, raw: str) -> Pieces:
        norm, index = self.normalization.with_offsets(raw)
        out: list[tuple[str, int, int]] = []
        for m in _WORD.finditer(norm):
            start, end = m.start(), m.end()
            if index is not None:
                start, end = index[start], index[end - 1] + 1
            while end < len(raw) and raw[end] in _MARKS:  # trailing harakat or tatweel stay with the word
                end += 1
            out.append((m.group().lower(), start, end))
        return tuple(out)

    def forms(self, text: str) -> list[str]:
        """The matching forms of ``text``'s tokens, in order (no offsets: the fast path).

        The forms of each distinct raw token are computed once and cached.
        """
        raws = text.split()
        cache = self._forms
        try:  # the common case once the vocabulary is known: no set to build
            return list(chain.from_iterable(map(cache.__getitem__, raws)))
        except KeyError:
            self.learn(set(raws))
        return list(chain.from_iterable(map(cache.__getitem__, raws)))

    def learn(self, raws: set[str]) -> dict[str, tuple[str, ...]]:
        """Compute and cache the forms of the raw tokens not seen yet; return the cache."""
        cache = self._forms
        new = list(raws.difference(cache))
        if new:
            # one translation for all new raw tokens (they hold no white space, so "\n" joins them)
            joined = self.normalization.apply("\n".join(new))
            lowered = joined.lower()
            findall = _WORD.findall
            if len(lowered) == len(joined):  # lower-casing kept every character a character
                for raw, norm in zip(new, lowered.split("\n"), strict=True):
                    cache[raw] = tuple(findall(norm))
            else:  # e.g. a dotted capital I, which lower-cases to two characters
                for raw, norm in zip(new, joined.split("\n"), strict=True):
                    cache[raw] = tuple(w.lower() for w in findall(norm))
        return cache

    def known_forms(self, raw: str) -> tuple[str, ...]:
        """The cached forms of a raw token that :meth:`forms` has already seen."""
        return self._forms[raw]

    def tokenize(self, text: str) -> list[Token]:
        """The tokens of ``text`` with offsets into it."""
        out: list[Token] = []
        for m in _RAW.finditer(text):
            base = m.start()
            for form, start, end in self.pieces(m.group()):
                out.append(Token(text[base + start : base + end], form, base + start, base + end))
        return out


@lru_cache(maxsize=16)
def tokenizer(normalization: Normalization | None = None) -> Tokenizer:
    """A shared :class:`Tokenizer` for a normalization (the default one when None)."""
    return Tokenizer(normalization or Normalization())


MIN_STEM = 3
_GLOB_KEY = 3  # glob stems are looked up by their first letters
MATCH_COLUMNS = (S.DOC_ID, "frame", "entry", "surface", "start", "end")

_CONJUNCTIONS = "\u0648\u0641"  # و ف
_PREPOSITIONS = "\u0628\u0644\u0643"  # ب ل ك
_ARTICLE = "\u0627\u0644"  # ال
_LAM = "\u0644"  # ل
# Every beginning of a proclitic chain (و/ف, then ب/ل/ك, then ال; لل = ل + ال), for the quick test.
_CHAIN_PREFIXES = frozenset(
    (c + p + a)[:k]
    for c in ("", "\u0648", "\u0641")
    for p in ("", "\u0628", "\u0644", "\u0643")
    for a in ("", "\u0627\u0644", "\u0644")
    for k in range(1, len(c + p + a) + 1)
)
_CLITIC_START = frozenset("\u0648\u0641\u0628\u0644\u0643\u0627")  # و ف ب ل ك ا: letters a chain starts with
_RAW = re.compile(r"\S+")


def clitic_stems(form: str, *, min_stem: int = MIN_STEM) -> list[str]:
    """``form`` and what is left of it after each allowed proclitic chain.

    The chain is و/ف, then ب/ل/ك, then ال; لل counts as ل + ال (the article's alef is dropped after ل).
    A stem shorter than ``min_stem`` letters is not offered, so short words are not eaten.

    >>> clitic_stems("والارهابيين")
    ['والارهابيين', 'الارهابيين', 'ارهابيين']
    >>> clitic_stems("للمعارضه")
    ['للمعارضه', 'لمعارضه', 'المعارضه', 'معارضه']
    >>> clitic_stems("ولد")
    ['ولد']
    """
    out = [form]
    if not form or form[0] not in _CLITIC_START:  # most words: nothing to strip
        return out
    conjunctions = (0, 1) if form[0] in _CONJUNCTIONS else (0,)
    for c in conjunctions:
        prepositions = (0, 1) if len(form) > c and form[c] in _PREPOSITIONS else (0,)
        for p in prepositions:
            word = form[c + p :]
            stems = [(word, word)] if c + p else []  # (what is matched, the stem it must keep)
            if word.startswith(_ARTICLE):
                stems.append((word[2:], word[2:]))
            if p and form[c] == _LAM and word.startswith(_LAM):  # لل: the article's alef is dropped after ل
                stems += [(_ARTICLE + word[1:], word[1:]), (word[1:], word[1:])]
            for candidate, stem in stems:
                if len(stem) >= min_stem and candidate not in out:
                    out.append(candidate)
    return out


@dataclass(frozen=True)
class _Pattern:
    index: int
    frame: int
    words: tuple[str, ...]
    glob: bool
    exact: bool


# The entries that can start at a form, grouped by frame (longest first), or None.
_Candidates = tuple[tuple[int, tuple[_Pattern, ...]], ...] | None
_SEVERAL: _Candidates = ((-1, ()),)  # marks a raw token with several forms (or none) in the raw cache


class _SingleForms(Sequence[str]):
    """The forms of raw tokens that each have exactly one, looked up only where a phrase is checked."""

    def __init__(self, raws: list[str], tokens: Tokenizer) -> None:
        self.raws, self.forms_of = raws, tokens.known_forms

    def __len__(self) -> int:
        return len(self.raws)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self.forms_of(self.raws[i])[0]


@dataclass
class Matcher:
    """A lexicon compiled for matching, with per-form caches that grow as it reads a corpus."""

    lexicon: Lexicon
    min_stem: int = MIN_STEM
    tokens: Tokenizer = field(init=False)
    frames: tuple[str, ...] = field(init=False)
    entries: tuple[Entry, ...] = field(init=False)
    _patterns: tuple[_Pattern, ...] = field(init=False, repr=False)
    _exact_first: dict[str, list[int]] = field(init=False, repr=False)
    _first: dict[str, list[int]] = field(init=False, repr=False)
    _glob_first: dict[int, dict[str, list[int]]] = field(init=False, repr=False)
    _candidates: dict[str, _Candidates] = field(init=False, repr=False)
    _raw_candidates: dict[str, _Candidates] = field(init=False, repr=False)
    _firsts: frozenset[str] = field(init=False, repr=False)
    _globs: dict[str, list[tuple[str, list[int]]]] = field(init=False, repr=False)
    _short_globs: tuple[tuple[str, list[int]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.tokens = tokenizer(self.lexicon.normalization)
        self.frames = tuple(f.id for f in self.lexicon.frames)
        self.entries = tuple(e for f in self.lexicon.frames for e in f.entries)
        frame_index = {f: i for i, f in enumerate(self.frames)}
        self._patterns = tuple(
            _Pattern(i, frame_index[e.frame], tuple(e.words), e.glob, e.exact)
            for i, e in enumerate(self.entries)
        )
        self._exact_first, self._first, self._glob_first = {}, {}, {}
        for p in self._patterns:
            if not p.words:
                continue
            if p.exact:
                self._exact_first.setdefault(p.words[0], []).append(p.index)
            elif p.glob and len(p.words) == 1:
                by_stem = self._glob_first.setdefault(len(p.words[0]), {})
                by_stem.setdefault(p.words[0], []).append(p.index)
            else:
                self._first.setdefault(p.words[0], []).append(p.index)
        self._globs, self._short_globs = {}, ()
        for by_stem in self._glob_first.values():
            for glob, indices in by_stem.items():
                if len(glob) >= _GLOB_KEY:
                    self._globs.setdefault(glob[:_GLOB_KEY], []).append((glob, indices))
                else:
                    self._short_globs += ((glob, indices),)
        self._candidates, self._raw_candidates = {}, {}
        self._firsts = frozenset(self._first)

    # ---------------------------------------------------------------------------------- per form
    def _resolve(self, form: str) -> _Candidates:
        """The entries that can START at a token of this form, grouped by frame, longest first."""
        return self._resolve_all(form) if self._may_match(form) else None

    def _resolve_all(self, form: str) -> _Candidates:
        """:meth:`_resolve` without the quick test (the tests check the two agree)."""
        found: list[int] = list(self._exact_first.get(form, ()))
        first, globs = self._first, self._globs
        for stem in clitic_stems(form, min_stem=self.min_stem):
            hit = first.get(stem)
            if hit:
                found += hit
            for glob, indices in globs.get(stem[:_GLOB_KEY], ()):
                if stem.startswith(glob):
                    found += indices
            for glob, indices in self._short_globs:
                if stem.startswith(glob):
                    found += indices
        if not found:
            return None
        patterns = sorted({self._patterns[i] for i in found}, key=lambda p: (p.frame, -len(p.words), p.index))
        by_frame: dict[int, list[_Pattern]] = {}
        for p in patterns:
            by_frame.setdefault(p.frame, []).append(p)
        return tuple((frame, tuple(ps)) for frame, ps in by_frame.items())

    def forms(self, text: str) -> list[str]:
        """The matching forms of ``text``'s tokens."""
        return self.tokens.forms(text)

    # ---------------------------------------------------------------------------------- per document
    def hits(self, text: str) -> tuple[int, list[tuple[int, int, int, int]]]:
        """``(number of tokens, hits)`` of ``text``: the same hits as ``scan(forms(text))``, faster.

        When every raw token of the text is known and has exactly one form (the usual case once the
        vocabulary has been seen), candidates are looked up per raw token and no list of forms is built.
        """
        raws = text.split()
        known = self._raw_candidates
        try:
            candidates = list(map(known.__getitem__, raws))
        except KeyError:
            self._learn(set(raws).difference(known))
            candidates = list(map(known.__getitem__, raws))
        if _SEVERAL in candidates:  # a raw token with several forms (or none): walk the forms
            forms = self.forms(text)
            return len(forms), list(self.scan(forms))
        if not any(candidates):
            return len(raws), []
        return len(raws), list(self._walk(_SingleForms(raws, self.tokens), candidates))

    def _learn(self, raws: set[str]) -> None:
        """Resolve new raw tokens: the candidates of their forms, and of each raw token with one form."""
        forms_of = self.tokens.learn(raws)
        candidates, known = self._candidates, self._raw_candidates
        for raw in raws:
            forms = forms_of[raw]
            for form in forms:
                if form not in candidates:
                    candidates[form] = self._resolve(form)
            known[raw] = candidates[forms[0]] if len(forms) == 1 else _SEVERAL

    def _may_match(self, form: str) -> bool:
        """A quick test that rules out most forms: no stem of it can start any entry.

        Every clitic stem of a form is one of its suffixes ``form[k:]`` (k <= 4: و/ف + ب/ل/ك + ال) or,
        after لل, the article with such a suffix; an entry can start there only if the suffix is a
        first word, or begins with a glob's first letters.
        """
        firsts, globs = self._firsts, self._globs
        if form in self._exact_first or self._short_globs:
            return True
        for k in range(min(5, len(form))):
            if k and form[:k] not in _CHAIN_PREFIXES:  # no proclitic chain is this long here
                break
            tail = form[k:]
            if tail in firsts or tail[:_GLOB_KEY] in globs:
                return True
            if k and form[k - 1] == _LAM:
                with_article = _ARTICLE + tail
                if with_article in firsts or with_article[:_GLOB_KEY] in globs:
                    return True
        return False

    def scan(self, forms: Sequence[str]) -> Iterator[tuple[int, int, int, int]]:
        """``(frame, entry, first_token, end_token)`` of every hit, in order of position within each frame."""
        cache = self._candidates
        try:  # the common case once the vocabulary is known: no set to build
            candidates = list(map(cache.__getitem__, forms))
        except KeyError:
            for form in set(forms).difference(cache):
                cache[form] = self._resolve(form)
            candidates = list(map(cache.__getitem__, forms))
        return self._walk(forms, candidates)

    def _walk(
        self, forms: Sequence[str], candidates: list[_Candidates]
    ) -> Iterator[tuple[int, int, int, int]]:
        blocked: dict[int, int] = {}
        n = len(forms)
        for i in compress(range(n), candidates):
            for frame, patterns in candidates[i] or ():
                if blocked.get(frame, 0) > i:
                    continue
                for p in patterns:
                    end = i + len(p.words)
                    if end > n or not self._rest_matches(p, forms, i):
                        continue
                    blocked[frame] = end
                    yield frame, p.index, i, end
                    break

    @staticmethod
    def _rest_matches(p: _Pattern, forms: Sequence[str], i: int) -> bool:
        words = p.words
        last = len(words) - 1
        for k in range(1, len(words)):
            form = forms[i + k]
            if k == last and p.glob:
                if not form.startswith(words[k]):
                    return False
            elif form != words[k]:
                return False
        return True

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` in ``text`` of each token, aligned with :meth:`forms`."""
        pieces = self.tokens.pieces
        return [
            (m.start() + start, m.start() + end)
            for m in _RAW.finditer(text)
            for _, start, end in pieces(m.group())
        ]


@lru_cache(maxsize=4)
def matcher(lexicon: Lexicon, *, min_stem: int = MIN_STEM) -> Matcher:
    """The compiled matcher of a lexicon, kept for reuse: its per-form caches make later calls faster."""
    return Matcher(lexicon, min_stem=min_stem)


def provenance(lexicon: Lexicon, matcher: Matcher) -> dict[str, Any]:
    """What a result was computed with: package version, lexicon name/version/hash, normalization."""
    return {**lexicon.provenance(), "min_stem": matcher.min_stem}


def find_matches(corpus: pd.DataFrame, lexicon: Lexicon, *, min_stem: int = MIN_STEM) -> pd.DataFrame:
    """One row per hit: ``doc_id, frame, entry, surface, start, end`` (and ``outlet`` when the corpus has it).

    ``surface == text[start:end]`` always: the whole matched word(s) as written, attached prefixes,
    diacritics and tatweel included. Within a frame the longest entry wins and no token counts twice;
    frames are matched independently. ``min_stem`` is the shortest stem a proclitic may be stripped from.
    """
    compiled = matcher(lexicon, min_stem=min_stem)
    ids, texts = S.doc_ids(corpus), S.texts(corpus)
    outlets = corpus[S.OUTLET].tolist() if S.OUTLET in corpus.columns else None
    rows: list[tuple[Any, ...]] = []
    for d, text in enumerate(texts):
        hits = sorted(compiled.scan(compiled.forms(text)), key=lambda h: (h[2], h[0]))
        if not hits:
            continue
        spans = compiled.spans(text)
        for frame, entry, first, end in hits:
            start, stop = spans[first][0], spans[end - 1][1]
            row = (
                ids[d],
                compiled.frames[frame],
                compiled.entries[entry].pattern,
                text[start:stop],
                start,
                stop,
            )
            rows.append(row + ((outlets[d],) if outlets is not None else ()))
    columns = list(MATCH_COLUMNS) + ([S.OUTLET] if outlets is not None else [])
    matches = pd.DataFrame(rows, columns=columns)
    matches = matches.astype({"start": "int64", "end": "int64"})
    matches.attrs["provenance"] = provenance(lexicon, compiled)
    return matches


def score_counts(
    corpus: pd.DataFrame, lexicon: Lexicon, *, min_stem: int = MIN_STEM
) -> tuple[np.ndarray, np.ndarray]:
    """``(counts, tokens)``: the loop of ``framing.score`` at that commit (documents x frames, and tokens)."""
    compiled = matcher(lexicon, min_stem=min_stem)
    texts = S.texts(corpus)
    counts = np.zeros((len(texts), len(compiled.frames)), dtype=np.int64)
    tokens = np.zeros(len(texts), dtype=np.int64)
    for d, text in enumerate(texts):
        tokens[d], hits = compiled.hits(text)
        for frame, _, _, _ in hits:
            counts[d, frame] += 1
    return counts, tokens
