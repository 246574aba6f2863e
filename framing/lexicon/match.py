"""The matcher: every hit of a lexicon's entries in a corpus, with offsets into the original text.

How it works, per chunk of documents (a few MB, so memory stays bounded):

1. one normalization pass over the whole chunk with a code-unit lookup table built from the
   normalization's translation table (numpy): marks and invisibles dropped, letters unified, every
   character that is not part of a word made a space, Latin letters lower-cased — the text of the word
   forms, separated by spaces, with each form's position in the original text kept;
2. every token looked up at once (numpy): its first 12 code units read as three 64-bit words, which
   identify it exactly, mixed into one code; the codes of the search keys — every form a one-word entry
   can be read in (behind every proclitic chain that can precede it,
   :func:`framing.text.clitics.clitic_forms`) and every form a phrase's first word can be read in — are
   kept sorted, and a token is a key when its code and words are a key's. A token that begins as one
   of a glob's forms can begin is resolved by its form, once per distinct form; a longer token by its
   text. Each key and form met is checked once per call with the exact rules (:meth:`Matcher.resolve`);
3. the one-word hits read off with numpy; a phrase is a hit where its first word is a key and the text
   of forms goes on with its other words (never across two documents); the phrases found are chosen in
   order, per frame the longest entry first, and the one-word hits of that frame inside a chosen phrase
   dropped (the longest entry wins and the scan resumes after it).

A document with a character the table cannot map one to one (a ligature that decomposes into several
letters, a letter outside the Basic Multilingual Plane, a letter whose lower case is longer) goes the
plain way: its raw tokens through a :class:`~framing.text.vocabulary.Vocabulary`. Both ways give the same
hits (``tests/lexicon/test_differential.py`` checks them against the previous matcher). See
``framing/lexicons/README.md`` for the entry kinds and the clitic rules.

>>> import pandas as pd
>>> from framing.lexicon import load_lexicon
>>> lexicon = load_lexicon({"terror": ["إرهاب*", "=داعش"], "regime": ["النظام السوري"]})
>>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["قصف «والنظامُ السوري» مواقع للإرهابيين وداعش."]})
>>> find_matches(corpus, lexicon)[["frame", "entry", "surface", "start", "end"]].values.tolist()
[['regime', 'النظام السوري', 'والنظامُ السوري', 5, 20], ['terror', 'إرهاب*', 'للإرهابيين', 28, 38]]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from framing import schema as S
from framing.lexicon.model import Entry, Lexicon
from framing.provenance import framing_version
from framing.text import chars
from framing.text.clitics import ARTICLE, LAM, MIN_STEM, clitic_forms, clitic_stems, proclitic_chains
from framing.text.normalize import Normalization
from framing.text.vocabulary import Vocabulary

__all__ = ["MATCH_COLUMNS", "MIN_STEM", "Matcher", "clitic_stems", "find_matches", "matcher", "provenance"]

if TYPE_CHECKING:
    import dask.dataframe as dd

    from framing.stream import Source

_GLOB_KEY = 3  # glob stems are looked up by their first letters
_UNITS = 12  # the code units of a token its three words hold: longer tokens are looked up by their text
_SLOT_BITS = 20  # a key filter holds 2**20 flags, one per value of a code's low bits
_SLOT = np.uint64((1 << _SLOT_BITS) - 1)
# Per word (0-2) of a token's code and length (0-12): the mask of the code units the word holds.
_WORD_MASK = np.array(
    [[(1 << 16 * min(max(n - 4 * k, 0), 4)) - 1 for n in range(_UNITS + 1)] for k in range(3)],
    dtype=np.uint64,
)
_MIX = np.array(  # odd multipliers that mix a token's words and length into its code
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)
MATCH_COLUMNS = (S.DOC_ID, S.FRAME, S.ENTRY, S.SURFACE, S.START, S.END)
CHUNK_CHARS = 1_000_000  # characters per chunk of documents: bounds the memory of one pass
PARALLEL_CHARS = 10_000_000  # characters of text: larger inputs are counted on every core by default

# Every beginning of a proclitic chain, for the quick test.
_CHAIN_PREFIXES = frozenset(chain_[:k] for chain_ in proclitic_chains() for k in range(1, len(chain_) + 1))
_WORD = re.compile(r"[^\W_]+")
_MARKS = chars.DIACRITICS + chars.TATWEEL  # belong to the word they follow
_DELETE = 0xFFFF  # a code-unit table value: the character is dropped (U+FFFF is a noncharacter)
_PLAIN = 0xFFFE  # a code-unit table value: the document goes the plain way (U+FFFE is a noncharacter)
_SPACE = 0x20
_FINAL_SIGMA = "\u03a3"  # Greek capital sigma: its lower case depends on the next letter

Hit = tuple[int, int, int, int]  # (frame, entry, first token, end token)
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Pattern:
    index: int
    frame: int
    words: tuple[str, ...]
    glob: bool
    exact: bool

    @property
    def rest(self) -> str:
        """The words after the first as they follow it in a text of forms (one space apart)."""
        tail = " " + " ".join(self.words[1:])
        return tail if self.glob else tail + " "


# The entries that can start at a form, grouped by frame (longest first), or None.
_Candidates = tuple[tuple[int, tuple[_Pattern, ...]], ...] | None


@dataclass(frozen=True)
class _Chunk:
    """A chunk of documents as one text of forms, one space apart (with a space before and after)."""

    text: str
    tok_start: IntArray  # of each token in the forms (``text`` index minus one)
    tok_end: IntArray
    doc_tokens: IntArray  # each document's first token, and the end
    doc_start: IntArray  # each document's first code unit in the chunk, and the end
    plain: set[int]  # the documents read the plain way
    kept: IntArray | None  # the code unit of the chunk that each character of the forms comes from
    units: npt.NDArray[np.uint16]  # the code units of ``text`` without its first space, then 12 zeros


class _Run:
    """What one call resolves: the entries of each search key and form it meets, by id (0: none).

    It lives as long as the call (or the caller that holds it), so nothing grows between calls.
    """

    def __init__(self, n_keys: int, n_frames: int) -> None:
        self.key_entry = np.full(n_keys, -1, dtype=np.int64)  # search key -> id (-1: not resolved yet)
        self.forms: dict[str, int] = {}  # form cut from the text (long tokens, plain documents) -> id
        self._codes = np.zeros(0, dtype=np.uint64)  # the codes of the forms met by the glob filter, sorted,
        self._parts = np.zeros((0, 4), dtype=np.uint64)  # their words and length,
        self._ids = np.zeros(0, dtype=np.int64)  # and their ids
        self.entries: list[_Entries | None] = [None]
        self._n_frames = n_frames
        self._one_word = np.full((16, n_frames), -1, dtype=np.int64)
        self._filled = 1  # rows of ``_one_word`` filled in (row 0: id 0, no entries)

    def add(self, candidates: _Candidates) -> int:
        """The id of a form's candidates (0 when there are none)."""
        if candidates is None:
            return 0
        self.entries.append(_Entries(candidates))
        return len(self.entries) - 1

    def known(self, codes: npt.NDArray[np.uint64], parts: npt.NDArray[np.uint64]) -> IntArray:
        """The ids of the forms of these codes (words and length: ``parts``) met before, -1 for others."""
        found = np.full(len(codes), -1, dtype=np.int64)
        if not len(self._codes):
            return found
        j, kept = self._find(codes)
        same = kept & (self._parts[j] == parts).all(1)
        found[same] = self._ids[j[same]]
        return found

    def _find(self, codes: npt.NDArray[np.uint64]) -> tuple[IntArray, npt.NDArray[np.bool_]]:
        """Where each code is or would be among the kept ones, and whether it is there."""
        j = np.searchsorted(self._codes, codes)
        if not len(self._codes):
            return j, np.zeros(len(codes), dtype=np.bool_)
        j = np.minimum(j, len(self._codes) - 1)
        return j, self._codes[j] == codes

    def remember(self, codes: npt.NDArray[np.uint64], parts: npt.NDArray[np.uint64], ids: IntArray) -> None:
        """Keep the ids of these forms (a code already kept for another form stays with that one)."""
        new = ~self._find(codes)[1]
        codes = np.concatenate([self._codes, codes[new]])
        order = np.argsort(codes, kind="stable")
        self._codes = codes[order]
        self._parts = np.concatenate([self._parts, parts[new]])[order]
        self._ids = np.concatenate([self._ids, ids[new]])[order]

    def one_word(self) -> IntArray:
        """Per id and frame: the one-word entry that hits at a token of that form, or -1 (none, or the
        frame's only entries there are phrases)."""
        n = len(self.entries)
        if self._one_word.shape[0] < n:
            grown = np.full((max(n, 2 * self._one_word.shape[0]), self._n_frames), -1, dtype=np.int64)
            grown[: self._filled] = self._one_word[: self._filled]
            self._one_word = grown
        for r in range(self._filled, n):
            entries = self.entries[r]
            if entries is not None:
                for frame, index in entries.one_word:
                    self._one_word[r, frame] = index
        self._filled = n
        return self._one_word


class _Entries:
    """A form's candidates, as what they hit: per frame, the one-word entry that hits at such a form when
    no phrase of that frame does (the first of the frame's one-word candidates). Phrases are checked
    word by word after their first (:meth:`Matcher._phrases`)."""

    __slots__ = ("one_word",)

    def __init__(self, groups: _Candidates) -> None:
        self.one_word = tuple(
            (frame, words[0].index)
            for frame, patterns in groups or ()
            if (words := [p for p in patterns if len(p.words) == 1])
        )


@lru_cache(maxsize=4)
def _code_table(normalization: Normalization) -> npt.NDArray[np.uint16]:
    """Per UTF-16 code unit: what it becomes in the text of word forms — a lower-case word character, a
    space, ``_DELETE`` (dropped) or ``_PLAIN`` (its document goes the plain way).

    Built from ``normalization.table`` and the tokenizer's word pattern (``[^\\W_]``: a character
    ``str.isalnum`` accepts, as Python's ``re`` defines it), so the two cannot disagree.
    """
    table = normalization.table
    out = np.full(0x10000, _SPACE, dtype=np.uint16)
    out[0xD800:0xE000] = _PLAIN  # surrogates: a character outside the BMP
    codes = np.r_[0:0xD800, 0xE000:0x10000]
    chars = list(map(chr, codes.tolist()))  # each character as itself (the table's entries below)
    lowers = [c.lower() for c in chars]
    single = np.fromiter(map(len, lowers), dtype=np.int64, count=len(codes)) == 1
    word = np.fromiter(map(str.isalnum, chars), dtype=np.bool_, count=len(codes))
    word_lower = np.fromiter(map(str.isalnum, lowers), dtype=np.bool_, count=len(codes))
    lower_code = np.fromiter((ord(c[0]) for c in lowers), dtype=np.int64, count=len(codes))
    plain = ~single | (word != word_lower) | (codes == ord(_FINAL_SIGMA))
    out[codes] = np.where(plain, _PLAIN, np.where(word, lower_code, _SPACE))
    for code, value in table.items():  # what the normalization changes
        if 0xD800 <= code < 0xE000 or code > 0xFFFF:
            continue
        if value == "":
            out[code] = _DELETE
            continue
        lower = value.lower()
        if len(value) != 1 or len(lower) != 1 or value == _FINAL_SIGMA:
            out[code] = _PLAIN
            continue
        is_word = lower.isalnum()
        if is_word != value.isalnum():
            out[code] = _PLAIN
        else:
            out[code] = ord(lower) if is_word else _SPACE
    return out


@dataclass
class Matcher:
    """A lexicon compiled for matching. It holds nothing per token: it does not grow as it reads."""

    lexicon: Lexicon
    min_stem: int = MIN_STEM
    frames: tuple[str, ...] = field(init=False)
    entries: tuple[Entry, ...] = field(init=False)
    _patterns: tuple[_Pattern, ...] = field(init=False, repr=False)
    _rest: tuple[str, ...] = field(init=False, repr=False)
    _exact_first: dict[str, list[int]] = field(init=False, repr=False)
    _first: dict[str, list[int]] = field(init=False, repr=False)
    _firsts: frozenset[str] = field(init=False, repr=False)
    _globs: dict[str, list[tuple[str, list[int]]]] = field(init=False, repr=False)
    _short_globs: tuple[tuple[str, list[int]], ...] = field(init=False, repr=False)
    _key_forms: list[str] = field(init=False, repr=False)  # the form of each search key
    _key_index: dict[str, int] = field(init=False, repr=False)  # form -> key
    _key_words: npt.NDArray[np.uint64] = field(init=False, repr=False)  # per key: its three words
    _key_length: IntArray = field(init=False, repr=False)  # per key: its length (-1: over _UNITS)
    _key_code: npt.NDArray[np.uint64] = field(init=False, repr=False)  # the keys' codes, sorted
    _key_by_code: IntArray = field(init=False, repr=False)  # the key of each of them
    # per slot (a code's low bits): the one key whose code is there, -1 (none) or -2 (several: search)
    _key_slot: npt.NDArray[np.int32] = field(init=False, repr=False)
    _salt: int = field(init=False, repr=False)  # varies the codes until no two keys share one
    # per n (1-4): the slots of the first n code units of the forms globs begin with (of n units, or more
    # for n = 4), where there are such forms
    _glob_slots: tuple[tuple[int, npt.NDArray[np.bool_]], ...] = field(init=False, repr=False)
    _phrase_ptr: IntArray = field(init=False, repr=False)  # key k's phrases: [ptr[k], ptr[k + 1])
    _second_code: npt.NDArray[np.uint64] = field(init=False, repr=False)  # per entry: its second word's code
    _second_coded: npt.NDArray[np.bool_] = field(init=False, repr=False)  # ... if it is one token's form
    _phrase_pattern: IntArray = field(init=False, repr=False)
    _pattern_frame: IntArray = field(init=False, repr=False)
    _pattern_words: IntArray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.frames = tuple(f.id for f in self.lexicon.frames)
        self.entries = tuple(e for f in self.lexicon.frames for e in f.entries)
        frame_index = {f: i for i, f in enumerate(self.frames)}
        self._patterns = tuple(
            _Pattern(i, frame_index[e.frame], tuple(e.words), e.glob, e.exact)
            for i, e in enumerate(self.entries)
        )
        self._rest = tuple(p.rest for p in self._patterns)
        self._exact_first, self._first, self._globs = {}, {}, {}
        glob_first: dict[str, list[int]] = {}
        for p in self._patterns:
            if not p.words:
                continue
            if p.exact:
                self._exact_first.setdefault(p.words[0], []).append(p.index)
            elif p.glob and len(p.words) == 1:
                glob_first.setdefault(p.words[0], []).append(p.index)
            else:
                self._first.setdefault(p.words[0], []).append(p.index)
        short: list[tuple[str, list[int]]] = []
        for glob, indices in sorted(glob_first.items(), key=lambda item: len(item[0])):
            if len(glob) >= _GLOB_KEY:
                self._globs.setdefault(glob[:_GLOB_KEY], []).append((glob, indices))
            else:
                short.append((glob, indices))
        self._short_globs = tuple(short)
        self._firsts = frozenset(self._first)
        self._build_keys(glob_first)

    def _build_keys(self, glob_first: dict[str, list[int]]) -> None:
        """The search keys: every form a one-word entry can be read in and every form a phrase's first
        word can be read in (with ``min_stem``; the phrase's other words follow it as written in the entry,
        the last one open for a glob), coded for the lookup; and the filter of the forms globs begin with.

        A key's entries are resolved the first time a call meets it, for that call (:class:`_Run`): the
        matcher itself does not change."""
        whole: set[str] = {p.words[0] for p in self._patterns if p.exact and len(p.words) == 1}
        for word in {p.words[0] for p in self._patterns if len(p.words) == 1 and not p.exact and not p.glob}:
            whole |= clitic_forms(word)
        phrases: dict[str, list[int]] = {}
        for p in self._patterns:
            if len(p.words) < 2:
                continue
            first = p.words[0]
            for form in (first,) if p.exact else clitic_forms(first):
                if p.exact or first in clitic_stems(form, min_stem=self.min_stem):
                    phrases.setdefault(form, []).append(p.index)
        forms = sorted(whole | set(phrases))
        self._key_forms = forms
        self._key_index = {form: k for k, form in enumerate(forms)}
        sizes = [len(phrases.get(form, ())) for form in forms]
        self._phrase_ptr = np.zeros(len(forms) + 1, dtype=np.int64)
        np.cumsum(sizes, out=self._phrase_ptr[1:])
        self._phrase_pattern = np.array([i for f in forms for i in phrases.get(f, ())], dtype=np.int64)
        self._pattern_frame = np.array([p.frame for p in self._patterns], dtype=np.int64)
        self._pattern_words = np.array([len(p.words) for p in self._patterns], dtype=np.int64)
        coded = np.array([k for k, f in enumerate(forms) if len(f) <= _UNITS and _in_bmp(f)], dtype=np.int64)
        coded_forms = [forms[k] for k in coded.tolist()]
        self._key_words = np.zeros((len(forms), 3), dtype=np.uint64)
        self._key_words[coded] = _form_words(coded_forms)
        self._key_length = np.full(len(forms), -1, dtype=np.int64)
        self._key_length[coded] = [len(f) for f in coded_forms]
        for self._salt in range(64):  # until no two keys share a code (salt 0 but for a 1 in ~10**10)
            code = _form_codes(coded_forms, self._salt)
            if len(np.unique(code)) == len(code):
                break
        else:
            raise RuntimeError(f"no codes told the {len(coded_forms)} keys of {self.lexicon.name!r} apart")
        order = np.argsort(code)
        self._key_code, self._key_by_code = code[order], coded[order]
        key_slots = (code & _SLOT).astype(np.intp)
        shared = np.bincount(key_slots, minlength=1 << _SLOT_BITS)[key_slots] > 1
        self._key_slot = np.full(1 << _SLOT_BITS, -1, dtype=np.int32)
        self._key_slot[key_slots] = np.where(shared, -2, coded)
        # a phrase's second word is the next token's form, unless it is a glob's open end
        second = [
            p.words[1] if len(p.words) > 1 and not (p.glob and len(p.words) == 2) else ""
            for p in self._patterns
        ]
        self._second_coded = np.array([w != "" and _in_bmp(w) for w in second], dtype=np.bool_)
        self._second_code = _form_codes(
            [w if coded_ else "" for w, coded_ in zip(second, self._second_coded.tolist(), strict=True)],
            self._salt,
        )
        glob_forms = {form for glob in glob_first for form in clitic_forms(glob) if _in_bmp(form[:4])}
        slots: list[tuple[int, npt.NDArray[np.bool_]]] = []
        for n in range(1, 5):
            beginnings = [f[:n] for f in glob_forms if len(f) == n or (n == 4 and len(f) > n)]
            if beginnings:
                flags = np.zeros(1 << _SLOT_BITS, dtype=np.bool_)
                flags[_prefix_slot(_form_words(beginnings)[:, 0], n)] = True
                slots.append((n, flags))
        self._glob_slots = tuple(slots)

    def _run(self) -> _Run:
        """A new record of what one call resolves (it ends with the call)."""
        return _Run(len(self._key_forms), len(self.frames))

    # ---------------------------------------------------------------------------------- per form
    def resolve(self, form: str) -> _Candidates:
        """The entries that can START at a token of this form, grouped by frame, longest first."""
        return self._resolve_all(form) if self._may_match(form) else None

    _resolve = resolve  # the name the property tests use

    def _resolve_all(self, form: str) -> _Candidates:
        """:meth:`resolve` without the quick test (the tests check the two agree)."""
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
            if k and form[k - 1] == LAM:
                with_article = ARTICLE + tail
                if with_article in firsts or with_article[:_GLOB_KEY] in globs:
                    return True
        return False

    # ---------------------------------------------------------------------------------- the scan
    def scan(self, forms: Sequence[str], *, run: _Run | None = None) -> Iterator[Hit]:
        """``(frame, entry, first_token, end_token)`` of every hit among ``forms`` (one document's word
        forms), in order of position (and frame). ``run`` keeps the candidates of the forms seen."""
        run = run if run is not None else self._run()
        if not forms:
            return iter(())
        lengths = np.fromiter(map(len, forms), dtype=np.int64, count=len(forms))
        tok_end = np.cumsum(lengths + 1) - 1  # in the forms one space apart
        tok_start = tok_end - lengths
        bounds = np.array([0, len(forms)], dtype=np.int64)
        pos, frame, entry, end = self._hits(
            " " + " ".join(forms) + " ", None, tok_start, tok_end, bounds, run, ordered=True
        )
        return zip(frame.tolist(), entry.tolist(), pos.tolist(), end.tolist(), strict=True)

    def hits(self, text: str, *, vocabulary: Vocabulary | None = None) -> tuple[int, list[Hit]]:
        """``(number of tokens, hits)`` of one text: the hits of :meth:`scan` of its forms."""
        for _, tokens, hits, _ in self.documents([text], vocabulary=vocabulary):
            return tokens, hits
        return 0, []

    def documents(
        self,
        texts: Sequence[str],
        *,
        offsets: bool = False,
        vocabulary: Vocabulary | None = None,
        chunk_chars: int = CHUNK_CHARS,
    ) -> Iterator[tuple[int, int, list[Hit], list[tuple[int, int]] | None]]:
        """Per document with at least one token: ``(index, tokens, hits, spans)``, in corpus order.

        ``hits`` are :meth:`scan`'s (token positions within the document); ``spans`` (when ``offsets``)
        holds ``(start, end)`` in the text of each hit. ``vocabulary`` serves the documents read the
        plain way (one is made for the call when None). Documents are read ``chunk_chars`` at a time.
        """
        for d, tokens, first, hits, spans in self._documents(texts, offsets, vocabulary, chunk_chars):
            yield d, tokens, [(f, e, i - first, j - first) for f, e, i, j in hits], spans

    def _documents(
        self, texts: Sequence[str], offsets: bool, vocabulary: Vocabulary | None, chunk_chars: int
    ) -> Iterator[tuple[int, int, int, list[Hit], list[tuple[int, int]] | None]]:
        """:meth:`documents` with hits at token positions of the chunk, and each document's first one."""
        vocab = self._vocabulary(vocabulary)
        run = self._kept_run(vocab) if vocabulary is not None else self._run()
        for start, stop in self._chunks(texts, chunk_chars):
            yield from self._chunk(texts, start, stop, offsets, vocab, run)

    def _kept_run(self, vocabulary: Vocabulary) -> _Run:
        """The record of what this matcher resolved on the corpus of ``vocabulary``, kept in it."""
        return vocabulary.kept(self, self._run)

    def _vocabulary(self, vocabulary: Vocabulary | None) -> Vocabulary:
        """``vocabulary``, checked against the lexicon's normalization, or a new one."""
        if vocabulary is None:
            return Vocabulary(self.lexicon.normalization)
        if vocabulary.normalization != self.lexicon.normalization:
            raise ValueError(
                f"the vocabulary's normalization {vocabulary.normalization.to_dict()} is not the lexicon "
                f"{self.lexicon.name!r}'s {self.lexicon.normalization.to_dict()}: build the vocabulary with "
                "Vocabulary(lexicon.normalization)"
            )
        return vocabulary

    def _chunks(self, texts: Sequence[str], chunk_chars: int) -> Iterator[tuple[int, int]]:
        """``(start, stop)`` of each chunk: about ``chunk_chars`` characters, one document at least."""
        start = 0
        while start < len(texts):
            stop, size = start, 0
            while stop < len(texts) and (size < chunk_chars or stop == start):
                size += len(texts[stop]) + 1
                stop += 1
            yield start, stop
            start = stop

    def _prepare(self, docs: Sequence[str], offsets: bool) -> _Chunk:
        """One normalization pass over a chunk of documents: its text of forms and where its tokens are."""
        joined = "\n".join(docs)
        units = np.frombuffer(joined.encode("utf-16-le"), dtype=np.uint16)
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        if len(units) != len(joined):  # characters outside the BMP: count code units per document
            lengths = np.fromiter(
                (len(d.encode("utf-16-le")) // 2 for d in docs), dtype=np.int64, count=len(docs)
            )
        doc_start = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(lengths + 1, out=doc_start[1:])  # code-unit start of each document (and the end)
        mapped = _code_table(self.lexicon.normalization)[units]
        plain: set[int] = set()
        flagged = np.flatnonzero(mapped == _PLAIN)
        if len(flagged):
            plain = set((np.searchsorted(doc_start, flagged, side="right") - 1).tolist())
            for d in plain:  # blank them here: they go the plain way
                mapped[doc_start[d] : doc_start[d] + lengths[d]] = _SPACE
        keep = mapped != _DELETE
        spaced = mapped[keep]
        # one space between two forms: a phrase is then a substring of the text of forms
        single = np.ones(len(spaced), dtype=np.bool_)
        np.not_equal(spaced[1:], _SPACE, out=single[1:])
        single[1:] |= spaced[:-1] != _SPACE
        norm = spaced[single]
        # where each document starts in ``norm``: its start less the characters dropped before it (few)
        spaced_start = doc_start - np.searchsorted(np.flatnonzero(~keep), doc_start)
        norm_start = spaced_start - np.searchsorted(np.flatnonzero(~single), spaced_start)
        spaces = np.flatnonzero(norm == _SPACE)  # the tokens are what lies between single spaces
        tok_start = np.concatenate([[0], spaces + 1])
        tok_end = np.concatenate([spaces, [len(norm)]])
        full = tok_end > tok_start
        tok_start, tok_end = tok_start[full], tok_end[full]
        doc_tokens = np.searchsorted(tok_start, norm_start)  # first token of each document (and the end)
        text = " " + norm.tobytes().decode("utf-16-le") + " "
        kept = np.flatnonzero(keep)[single] if offsets else None  # the code unit of each character of norm
        units = np.concatenate([norm, np.zeros(_UNITS, dtype=np.uint16)])
        return _Chunk(text, tok_start, tok_end, doc_tokens, doc_start, plain, kept, units)

    def _chunk(
        self,
        texts: Sequence[str],
        first: int,
        stop: int,
        offsets: bool,
        vocab: Vocabulary,
        run: _Run,
    ) -> Iterator[tuple[int, int, int, list[Hit], list[tuple[int, int]] | None]]:
        docs = texts[first:stop]
        chunk = self._prepare(docs, offsets)
        tok_start, tok_end, kept = chunk.tok_start, chunk.tok_end, chunk.kept
        pos, frame, entry, end = self._hits(
            chunk.text, chunk.units, tok_start, tok_end, chunk.doc_tokens, run, ordered=True
        )
        bounds = chunk.doc_tokens.tolist()
        cut = np.searchsorted(pos, chunk.doc_tokens).tolist()  # each document's hits
        if offsets and kept is not None and len(pos):
            begins = kept[tok_start[pos]].tolist()
            ends = (kept[tok_end[end - 1] - 1] + 1).tolist()
        all_hits = list(zip(frame.tolist(), entry.tolist(), pos.tolist(), end.tolist(), strict=True))
        for d in range(len(docs)):
            if d in chunk.plain:
                forms_d = vocab.forms(docs[d])
                hits = list(self.scan(forms_d, run=run))
                spans_d = None
                if offsets:
                    spans = vocab.spans(docs[d])
                    spans_d = [(spans[f][0], spans[e - 1][1]) for _, _, f, e in hits]
                if forms_d:
                    yield first + d, len(forms_d), 0, hits, spans_d
                continue
            lo, hi = bounds[d], bounds[d + 1]
            if hi == lo:
                continue
            a, b = cut[d], cut[d + 1]
            spans_out: list[tuple[int, int]] | None = None
            if offsets and kept is not None:
                base = int(chunk.doc_start[d])
                source = docs[d]
                spans_out = []
                for k in range(a, b):
                    stop_ = ends[k] - base
                    while stop_ < len(source) and source[stop_] in _MARKS:  # marks stay with the word
                        stop_ += 1
                    spans_out.append((begins[k] - base, stop_))
            yield first + d, hi - lo, lo, all_hits[a:b], spans_out

    def counts(
        self,
        texts: Sequence[str],
        *,
        vocabulary: Vocabulary | None = None,
        chunk_chars: int = CHUNK_CHARS,
        workers: int | None = 1,
    ) -> tuple[IntArray, IntArray]:
        """``(counts, tokens)``: hits per document and frame (documents x frames), tokens per document.

        The same counts as :meth:`documents`' hits, counted with numpy. ``workers`` processes share the
        work (None: every core when the texts hold :data:`PARALLEL_CHARS` characters or more and this is
        the main thread of a process that may start others; 1: this process only); the counts are the same.
        """
        vocab = self._vocabulary(vocabulary)
        run = self._kept_run(vocab) if vocabulary is not None else self._run()
        workers = _workers(workers, texts)
        if workers > 1:
            return self._counts_in_processes(texts, workers, chunk_chars, vocab, run)
        return self._counts(texts, vocab, run, chunk_chars)

    def _counts(
        self, texts: Sequence[str], vocab: Vocabulary, run: _Run, chunk_chars: int
    ) -> tuple[IntArray, IntArray]:
        """:meth:`counts` in this process, with what ``run`` has resolved so far."""
        n_frames = len(self.frames)
        counts = np.zeros((len(texts), n_frames), dtype=np.int64)
        tokens = np.zeros(len(texts), dtype=np.int64)
        for first, stop in self._chunks(texts, chunk_chars):
            docs = texts[first:stop]
            chunk = self._prepare(docs, False)
            doc_tokens = chunk.doc_tokens
            tokens[first:stop] = np.diff(doc_tokens)
            pos, frame, _, _ = self._hits(
                chunk.text, chunk.units, chunk.tok_start, chunk.tok_end, doc_tokens, run
            )
            if len(pos):
                owner = np.repeat(np.arange(len(docs)), np.diff(doc_tokens))[pos]  # the document of each
                counts[first:stop] += np.bincount(
                    owner * n_frames + frame, minlength=len(docs) * n_frames
                ).reshape(len(docs), n_frames)
            for d in chunk.plain:
                forms_d = vocab.forms(docs[d])
                tokens[first + d] = len(forms_d)
                for frame_, _, _, _ in self.scan(forms_d, run=run):
                    counts[first + d, frame_] += 1
        return counts, tokens

    def _counts_in_processes(
        self, texts: Sequence[str], workers: int, chunk_chars: int, vocab: Vocabulary, run: _Run
    ) -> tuple[IntArray, IntArray]:
        """:meth:`counts` with the texts cut into ``workers`` parts of about as many characters: this
        process counts the first, forked processes the others. They find the texts, this matcher and
        what ``run`` has resolved so far in their copy of this process's memory (nothing is sent but the
        parts' bounds, and the counts back); where processes cannot be forked, this process counts alone.
        """
        from concurrent.futures import ProcessPoolExecutor

        total = sum(map(len, texts))
        parts = list(self._chunks(texts, max(1, -(-total // workers))))
        if len(parts) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return self._counts(texts, vocab, run, chunk_chars)
        counts = np.zeros((len(texts), len(self.frames)), dtype=np.int64)
        tokens = np.zeros(len(texts), dtype=np.int64)
        _FORKED.update(matcher=self, texts=texts, vocabulary=vocab, run=run)  # what the workers start from
        _code_table(self.lexicon.normalization)  # made once, here, for every process
        gc.freeze()  # the workers' garbage collector leaves this process's objects (and pages) alone
        try:
            with ProcessPoolExecutor(
                max_workers=len(parts) - 1, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                futures = [pool.submit(_count_part, a, b, chunk_chars) for a, b in parts[1:]]
                a, b = parts[0]
                counts[a:b], tokens[a:b] = self._counts(texts[a:b], vocab, run, chunk_chars)
                for (a, b), future in zip(parts[1:], futures, strict=True):
                    counts[a:b], tokens[a:b] = future.result()
        finally:
            gc.unfreeze()
            _FORKED.clear()
        return counts, tokens

    def _hits(
        self,
        text: str,
        units: npt.NDArray[np.uint16] | None,
        tok_start: IntArray,
        tok_end: IntArray,
        doc_tokens: IntArray,
        run: _Run,
        *,
        ordered: bool = False,
    ) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        """``(first token, frame, entry, end token)`` of every hit in ``text`` (forms one space apart,
        ``units``: its code units after the first space, or None to read the tokens one by one;
        ``doc_tokens``: each document's first token and the end), in order of position and frame when
        ``ordered``. Per frame the longest entry wins and the scan resumes after it: one-word hits are
        read off the candidates' entries with numpy; only the phrases found whole are chosen one by one."""
        positions, ids, phrase_pos, phrase_pattern = self._candidates(
            text, units, tok_start, tok_end, doc_tokens, run
        )
        matrix = run.one_word()[ids]  # candidate x frame: the one-word entry that hits there, or -1
        cand, frame = np.nonzero(matrix >= 0)  # by candidate, then frame: in order of position
        pos, entry = positions[cand], matrix[cand, frame]
        end = pos + 1
        if not len(phrase_pos):
            return pos, frame, entry, end
        s_pos, s_frame, s_entry, s_end = self._choose(phrase_pos, phrase_pattern)
        n_frames = len(self.frames)
        span = s_end - s_pos  # a one-word hit inside a chosen phrase of its frame is not one
        offset = np.arange(int(span.sum()), dtype=np.int64) - np.repeat(np.cumsum(span) - span, span)
        covered = (np.repeat(s_pos, span) + offset) * n_frames + np.repeat(s_frame, span)
        keep = ~np.isin(pos * n_frames + frame, covered)
        pos = np.concatenate([pos[keep], s_pos])
        frame = np.concatenate([frame[keep], s_frame])
        entry = np.concatenate([entry[keep], s_entry])
        end = np.concatenate([end[keep], s_end])
        if ordered:
            order = np.lexsort((frame, pos))
            pos, frame, entry, end = pos[order], frame[order], entry[order], end[order]
        return pos, frame, entry, end

    def _choose(
        self, positions: IntArray, patterns: IntArray
    ) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        """The phrases that hit among those found whole: in order of position, per frame the longest
        (then the first entry) that no chosen phrase of its frame covers."""
        frames, words = self._pattern_frame[patterns], self._pattern_words[patterns]
        order = np.lexsort((patterns, -words, frames, positions))
        blocked: dict[int, int] = {}
        chosen: list[tuple[int, int, int, int]] = []
        for i, frame, n, p in zip(
            positions[order].tolist(),
            frames[order].tolist(),
            words[order].tolist(),
            patterns[order].tolist(),
            strict=True,
        ):
            if blocked.get(frame, 0) > i:
                continue
            blocked[frame] = i + n
            chosen.append((i, frame, p, i + n))
        s_pos, s_frame, s_entry, s_end = np.array(chosen, dtype=np.int64).reshape(-1, 4).T
        return s_pos, s_frame, s_entry, s_end

    def _candidates(
        self,
        text: str,
        units: npt.NDArray[np.uint16] | None,
        tok_start: IntArray,
        tok_end: IntArray,
        doc_tokens: IntArray,
        run: _Run,
    ) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        """In ``text`` (forms one space apart): the tokens that can start a one-word hit with their
        entries' id, and the phrases found whole, with their first token (within one document)."""
        code = None
        if units is None:
            token, key, ids = self._read_tokens(text, tok_start, tok_end, np.arange(len(tok_start)), run)
        else:
            token, key, ids, code = self._look_up_tokens(text, units, tok_start, tok_end, run)
        is_key = key >= 0
        phrase_pos, phrase_pattern = self._phrases(
            text, token[is_key], key[is_key], tok_end, doc_tokens, code
        )
        hit = ids > 0
        return token[hit], ids[hit], phrase_pos, phrase_pattern

    def _look_up_tokens(
        self, text: str, units: npt.NDArray[np.uint16], tok_start: IntArray, tok_end: IntArray, run: _Run
    ) -> tuple[IntArray, IntArray, IntArray, npt.NDArray[np.uint64]]:
        """``(token, key, id)``, in order of token, of every token that is a search key (``key`` >= 0) or
        whose form has candidates (``id`` > 0: what :meth:`resolve` found, kept in ``run``); and the code
        of every token.

        Each token's first 12 code units, read as three words straight from ``units``, identify a token of
        up to 12 units exactly; a key is found by its code, and then its words and length are compared.
        Longer tokens, and a token whose code another token of a different form shares, are read by text.
        """
        length = tok_end - tok_start
        short = length <= _UNITS
        capped = np.minimum(length, _UNITS)
        wide = np.ndarray(shape=(len(units) - 3,), dtype=np.uint64, buffer=units, strides=(2,))
        x0 = wide[tok_start] & _WORD_MASK[0][capped]
        x1 = wide[tok_start + 4] & _WORD_MASK[1][capped]
        x2 = wide[tok_start + 8] & _WORD_MASK[2][capped]
        code = _code(x0, x1, x2, length, self._salt)
        slot_key = self._key_slot[(code & _SLOT).astype(np.intp)]
        at = np.flatnonzero((slot_key != -1) & short)
        key = slot_key[at].astype(np.int64)
        shared = np.flatnonzero(key == -2)  # a slot of several keys: the key of the code, if any
        if len(shared):
            j = np.minimum(np.searchsorted(self._key_code, code[at[shared]]), len(self._key_code) - 1)
            key[shared] = self._key_by_code[j]
        words = self._key_words[key]  # the token is the key when its units and length are the key's
        same = (self._key_length[key] == length[at]) & (words[:, 0] == x0[at])
        same &= (words[:, 1] == x1[at]) & (words[:, 2] == x2[at])
        at, key = at[same], key[same]
        tokens, keys, ids = [at], [key], [self._key_ids(key, run)]
        by_text = [np.flatnonzero(~short)]
        if self._glob_slots:  # the tokens a glob's form may begin
            maybe = np.zeros(len(length), dtype=np.bool_)
            for n, flags in self._glob_slots:
                maybe |= (length >= n) & flags[_prefix_slot(x0, n)]
            maybe &= short
            maybe[at] = False
            begins = np.flatnonzero(maybe)
            which, codes = pd.factorize(code[begins])
            one = np.zeros(len(codes), dtype=np.int64)
            one[which] = begins  # a token of each code
            parts = np.stack([x0[one], x1[one], x2[one], length[one].astype(np.uint64)], axis=1)
            same = length[begins] == length[one[which]]  # the tokens with their code's token's form
            for k, x in enumerate((x0, x1, x2)):
                same &= x[begins] == parts[which, k]
            firsts = run.known(codes, parts)  # the ids of the forms met before, -1 for the others
            for u in np.flatnonzero(firsts < 0).tolist():
                firsts[u] = run.add(self.resolve(text[int(tok_start[one[u]]) + 1 : int(tok_end[one[u]]) + 1]))
            run.remember(codes, parts, firsts)
            tokens.append(begins[same])
            keys.append(np.full(int(same.sum()), -1, dtype=np.int64))
            ids.append(firsts[which[same]])
            by_text.append(begins[~same])
        read = self._read_tokens(text, tok_start, tok_end, np.concatenate(by_text), run)
        token = np.concatenate([*tokens, read[0]])
        order = np.argsort(token, kind="stable")
        key, ids_ = np.concatenate([*keys, read[1]])[order], np.concatenate([*ids, read[2]])[order]
        return token[order], key, ids_, code

    def _read_tokens(
        self, text: str, tok_start: IntArray, tok_end: IntArray, which: IntArray, run: _Run
    ) -> tuple[IntArray, IntArray, IntArray]:
        """:meth:`_look_up_tokens` for the tokens ``which``, by their text."""
        token, key, ids = [], [], []
        for t, s, e in zip(which.tolist(), tok_start[which].tolist(), tok_end[which].tolist(), strict=True):
            form = text[s + 1 : e + 1]
            k = self._key_index.get(form, -1)
            found = 0 if k >= 0 else self._form_id(form, run)
            if k >= 0 or found:
                token.append(t)
                key.append(k)
                ids.append(found)
        keys, resolved = np.array(key, dtype=np.int64), np.array(ids, dtype=np.int64)
        resolved[keys >= 0] = self._key_ids(keys[keys >= 0], run)
        return np.array(token, dtype=np.int64), keys, resolved

    def _key_ids(self, keys: IntArray, run: _Run) -> IntArray:
        """The id of each key's candidates, resolving in ``run`` the keys it has not met yet."""
        key_entry = run.key_entry
        for key in np.unique(keys[key_entry[keys] < 0]).tolist():
            key_entry[key] = run.add(self._resolve_all(self._key_forms[key]))
        return key_entry[keys]

    def _form_id(self, form: str, run: _Run) -> int:
        """The id of a form's candidates (0: none), resolved once per ``run``."""
        found = run.forms.get(form)
        if found is None:
            found = run.forms[form] = run.add(self.resolve(form))
        return found

    def _phrases(
        self,
        text: str,
        token: IntArray,
        key: IntArray,
        tok_end: IntArray,
        doc_tokens: IntArray,
        code: npt.NDArray[np.uint64] | None,
    ) -> tuple[IntArray, IntArray]:
        """``(first token, entry)`` of every phrase that hits whole: its first word is the key at ``token``
        and the text of forms goes on with its other words, within the document. ``code`` (every token's,
        or None) rules out first the phrases whose second word is not the next token."""
        ptr = self._phrase_ptr
        size = ptr[key + 1] - ptr[key]
        at = np.repeat(ptr[key] - (np.cumsum(size) - size), size) + np.arange(int(size.sum()))
        pattern = self._phrase_pattern[at]
        pos = np.repeat(token, size)
        doc_end = doc_tokens[np.searchsorted(doc_tokens, pos, side="right")]
        inside = pos + self._pattern_words[pattern] <= doc_end  # never across documents
        pos, pattern = pos[inside], pattern[inside]
        if code is not None and len(pos):
            second = self._second_code[pattern]
            maybe = (second == code[pos + 1]) | ~self._second_coded[pattern]
            pos, pattern = pos[maybe], pattern[maybe]
        rest = self._rest
        whole = [
            text.startswith(rest[p], e + 1)
            for p, e in zip(pattern.tolist(), tok_end[pos].tolist(), strict=True)
        ]
        found = np.array(whole, dtype=np.bool_)
        return pos[found], pattern[found]


def _in_bmp(text: str) -> bool:
    """Every character of ``text`` is one UTF-16 code unit."""
    return len(text.encode("utf-16-le")) == 2 * len(text)


def _form_words(forms: Sequence[str]) -> npt.NDArray[np.uint64]:
    """The three words of each form (of characters in the BMP): its first 12 code units, zeros after."""
    padded = "".join(form[:_UNITS].ljust(_UNITS, "\0") for form in forms)
    return np.frombuffer(padded.encode("utf-16-le"), dtype=np.uint64).reshape(-1, 3)


def _form_codes(forms: Sequence[str], salt: int) -> npt.NDArray[np.uint64]:
    """The code of each form (of characters in the BMP), as :meth:`Matcher._look_up_tokens` codes tokens."""
    words = _form_words(forms)
    length = np.fromiter(map(len, forms), dtype=np.int64, count=len(forms))
    return _code(words[:, 0], words[:, 1], words[:, 2], length, salt)


def _code(
    x0: npt.NDArray[np.uint64],
    x1: npt.NDArray[np.uint64],
    x2: npt.NDArray[np.uint64],
    length: IntArray,
    salt: int,
) -> npt.NDArray[np.uint64]:
    """A token's code: its three words and length mixed (equal tokens, equal codes)."""
    mix = _MIX + np.uint64(2 * salt)  # odd multipliers still
    code: npt.NDArray[np.uint64] = x0 * mix[0]
    code ^= x1 * mix[1]
    code ^= x2 * mix[2]
    code ^= length.astype(np.uint64) * mix[3]
    code ^= code >> np.uint64(29)
    code *= mix[4]
    code ^= code >> np.uint64(32)
    return code


def _prefix_slot(x0: npt.NDArray[np.uint64], n: int) -> npt.NDArray[np.intp]:
    """The slot in a filter of the first ``n`` code units (1-4) of tokens whose first word is ``x0``."""
    slot: npt.NDArray[np.uint64] = ((x0 & _WORD_MASK[0][n]) * _MIX[4]) >> np.uint64(64 - _SLOT_BITS)
    return slot.astype(np.intp)


# Set by Matcher._counts_in_processes for the duration of one call only: the matcher, texts, vocabulary
# and record of what was resolved that its forked worker processes inherit.
_FORKED: dict[str, Any] = {}


def _count_part(start: int, stop: int, chunk_chars: int) -> tuple[IntArray, IntArray]:
    """:meth:`Matcher.counts` of ``texts[start:stop]``, in a forked worker process."""
    compiled: Matcher = _FORKED["matcher"]
    texts = _FORKED["texts"][start:stop]
    return compiled._counts(texts, _FORKED["vocabulary"], _FORKED["run"], chunk_chars)


def _workers(workers: int | None, texts: Sequence[str]) -> int:
    """How many processes count ``texts``: ``workers``, or for None every core for large inputs when this
    process may start others (the main thread of a process that is not itself a worker)."""
    if workers is None:
        if (
            multiprocessing.current_process().daemon
            or threading.current_thread() is not threading.main_thread()
            or sum(map(len, texts)) < PARALLEL_CHARS
        ):
            return 1
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be 1 or more (or None for automatic), got {workers!r}")
    return workers


@lru_cache(maxsize=4)
def matcher(lexicon: Lexicon, *, min_stem: int = MIN_STEM) -> Matcher:
    """The compiled matcher of a lexicon, kept for reuse (it holds nothing per token)."""
    return Matcher(lexicon, min_stem=min_stem)


def provenance(lexicon: Lexicon, matcher: Matcher) -> dict[str, Any]:
    """What a result was computed with: package version, lexicon name/version/hash, normalization."""
    return {"framing_version": framing_version(), **lexicon.provenance(), "min_stem": matcher.min_stem}


@overload
def find_matches(
    corpus: dd.DataFrame, lexicon: Lexicon, *, min_stem: int = MIN_STEM, vocabulary: Vocabulary | None = None
) -> dd.DataFrame: ...
@overload
def find_matches(
    corpus: Source, lexicon: Lexicon, *, min_stem: int = MIN_STEM, vocabulary: Vocabulary | None = None
) -> pd.DataFrame: ...
def find_matches(
    corpus: Any, lexicon: Lexicon, *, min_stem: int = MIN_STEM, vocabulary: Vocabulary | None = None
) -> Any:
    """One row per hit: ``doc_id, frame, entry, surface, start, end`` (and ``outlet`` when the corpus has it).

    ``surface == text[start:end]`` always: the whole matched word(s) as written, attached prefixes,
    diacritics and tatweel included. Within a frame the longest entry wins and no token counts twice;
    frames are matched independently. ``min_stem`` is the shortest stem a proclitic may be stripped from.
    ``vocabulary`` (a :class:`~framing.text.vocabulary.Vocabulary` of the lexicon's normalization) keeps
    the tokens of documents read the plain way, for reuse; one is made for the call when None.

    ``corpus`` may also be an iterable of corpus chunks, a parquet file/dataset folder
    (:mod:`framing.stream`) or a Dask DataFrame (:mod:`framing.daskio`), as for :func:`framing.score`.
    """
    if not isinstance(corpus, pd.DataFrame):  # chunks, a parquet dataset or a Dask DataFrame
        from framing.stream import dispatch

        if vocabulary is not None:
            raise ValueError("vocabulary= is for a pandas DataFrame; chunks and datasets make their own")
        return dispatch("find_matches", corpus, lexicon, min_stem=min_stem)
    compiled = matcher(lexicon, min_stem=min_stem)
    ids, texts = S.doc_ids(corpus), S.texts(corpus)
    outlets = corpus[S.OUTLET].tolist() if S.OUTLET in corpus.columns else None
    rows: list[tuple[Any, ...]] = []
    frames, entries = compiled.frames, compiled.entries
    for d, _, _, hits, spans in compiled._documents(texts, True, vocabulary, CHUNK_CHARS):
        if not hits or spans is None:
            continue
        text = texts[d]
        extra = (outlets[d],) if outlets is not None else ()
        for (frame, entry, _, _), (start, stop) in sorted(
            zip(hits, spans, strict=True), key=lambda h: (h[0][2], h[0][0])
        ):
            rows.append(
                (ids[d], frames[frame], entries[entry].pattern, text[start:stop], start, stop, *extra)
            )
    columns = list(MATCH_COLUMNS) + ([S.OUTLET] if outlets is not None else [])
    matches = pd.DataFrame(rows, columns=columns)
    matches = matches.astype({S.START: "int64", S.END: "int64"})
    matches.attrs["provenance"] = provenance(lexicon, compiled)
    return matches
