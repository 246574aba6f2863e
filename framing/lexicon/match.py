"""The matcher: every hit of a lexicon's entries in a corpus, with offsets into the original text.

How it works, per chunk of documents (a few MB, so memory stays bounded):

1. one normalization pass over the whole chunk with a code-unit lookup table built from the
   normalization's translation table (numpy): marks and invisibles dropped, letters unified, every
   character that is not part of a word made a space, Latin letters lower-cased — the text of the word
   forms, separated by spaces, with each form's position in the original text kept;
2. one Aho-Corasick pass (pyahocorasick) over it with the first words of the entries, each behind every
   proclitic chain that can precede it (:func:`framing.text.clitics.clitic_forms`): only the tokens it
   reports can start a hit, and each is checked with the exact rules (:meth:`Matcher.resolve`);
3. the scan of those tokens, frame by frame: the longest entry wins and the scan resumes after it.

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

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any, overload

import ahocorasick
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
MATCH_COLUMNS = (S.DOC_ID, "frame", "entry", "surface", "start", "end")
CHUNK_CHARS = 1_000_000  # characters per chunk of documents: bounds the memory of one pass

# Every beginning of a proclitic chain, for the quick test.
_CHAIN_PREFIXES = frozenset(chain_[:k] for chain_ in proclitic_chains() for k in range(1, len(chain_) + 1))
_WORD = re.compile(r"[^\W_]+")
_MARKS = chars.DIACRITICS + chars.TATWEEL  # belong to the word they follow
_DELETE = 0xFFFF  # a code-unit table value: the character is dropped (U+FFFF is a noncharacter)
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


class _Run:
    """What one call resolves: the entries of each search key and form it meets, by id (0: none).

    It lives as long as the call (or the caller that holds it), so nothing grows between calls.
    """

    def __init__(self, n_keys: int, n_frames: int) -> None:
        self.key_entry = np.full(n_keys, -1, dtype=np.int64)  # search key -> id (-1: not resolved yet)
        self.forms: dict[str, int] = {}  # form cut from the text (globs, plain documents) -> id
        self.entries: list[_Entries | None] = [None]
        self._frames_of = np.zeros((0, n_frames), dtype=np.float64)

    def add(self, candidates: _Candidates) -> int:
        """The id of a form's candidates (0 when there are none)."""
        if candidates is None:
            return 0
        self.entries.append(_Entries(candidates))
        return len(self.entries) - 1

    def frame_matrix(self) -> npt.NDArray[np.float64]:
        """Per id: 1 in each frame of its one-word hits (a row of zeros where a phrase may start, and for
        id 0)."""
        if self._frames_of.shape[0] != len(self.entries):
            matrix = np.zeros((len(self.entries), self._frames_of.shape[1]), dtype=np.float64)
            for r, entries in enumerate(self.entries):
                if entries is not None and entries.single is not None:
                    for frame, _ in entries.single:
                        matrix[r, frame] = 1.0
            self._frames_of = matrix
        return self._frames_of


class _Entries:
    """A form's candidates, with its hits worked out once when they cannot depend on the next tokens."""

    __slots__ = ("groups", "single")

    def __init__(self, groups: _Candidates) -> None:
        self.groups = groups or ()
        # every frame's longest entry is one word: the hits are (frame, entry) whatever follows
        one_word = all(len(patterns[0].words) == 1 for _, patterns in self.groups)
        self.single = (
            tuple((frame, patterns[0].index) for frame, patterns in self.groups) if one_word else None
        )


@lru_cache(maxsize=4)
def _code_table(normalization: Normalization) -> tuple[npt.NDArray[np.uint16], npt.NDArray[np.bool_]]:
    """Per UTF-16 code unit: what it becomes in the text of word forms, and whether it needs the plain way.

    Built from ``normalization.table`` and the tokenizer's word pattern, so the two cannot disagree.
    """
    table = normalization.table
    out = np.full(0x10000, _SPACE, dtype=np.uint16)
    plain = np.zeros(0x10000, dtype=np.bool_)
    plain[0xD800:0xE000] = True  # surrogates: a character outside the BMP
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        value = table.get(code, chr(code))
        if value == "":
            out[code] = _DELETE
            continue
        lower = value.lower()
        if len(value) != 1 or len(lower) != 1 or value == _FINAL_SIGMA:
            plain[code] = True
            continue
        word = _WORD.match(lower) is not None
        if word != (_WORD.match(value) is not None):
            plain[code] = True
        elif word:
            out[code] = ord(lower)
    return out, plain


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
    _automaton: Any = field(init=False, repr=False)
    _key_length: IntArray = field(init=False, repr=False)
    _key_forms: list[str] = field(init=False, repr=False)  # the form of each whole-token key
    _n_whole: int = field(init=False, repr=False)  # keys [0, _n_whole) are whole tokens, the rest globs

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
        self._build_automaton(glob_first)

    def _build_automaton(self, glob_first: dict[str, list[int]]) -> None:
        """The search keys: `` form `` for every form that a word entry's first word can be read in, and
        `` form`` (a token beginning) for every form a glob can start. A key's entries are resolved the
        first time a call finds it, for that call (:class:`_Run`): the matcher itself does not change."""
        whole: set[str] = {f" {word} " for word in self._exact_first}
        for word in self._first:
            whole |= {f" {form} " for form in clitic_forms(word)}
        globs: set[str] = set()
        for glob in glob_first:
            globs |= {f" {form}" for form in clitic_forms(glob)}
        keys = sorted(whole) + sorted(globs)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for index, key in enumerate(keys):
            automaton.add_word(key, index)
        if keys:
            automaton.make_automaton()
        self._automaton = automaton if keys else None
        self._key_length = np.array([len(k) for k in keys], dtype=np.int64)
        self._key_forms = [k[1:-1] for k in sorted(whole)]
        self._n_whole = len(whole)

    def _run(self) -> _Run:
        """A new record of what one call resolves (it ends with the call)."""
        return _Run(len(self._key_length), len(self.frames))

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
        """``(frame, entry, first_token, end_token)`` of every hit among ``forms``, in order of position
        within each frame. ``run`` keeps the candidates of the forms seen, for the caller."""
        run = run if run is not None else self._run()
        cache = run.forms
        positions: list[int] = []
        ids: list[int] = []
        for i, form in enumerate(forms):
            found = cache.get(form)
            if found is None:
                found = cache[form] = run.add(self.resolve(form))
            if found:
                positions.append(i)
                ids.append(found)
        if not positions:
            return iter(())
        ends, end = [], 0
        for form in forms:
            end += len(form) + 1
            ends.append(end)  # where the space after the form is in the text below
        return iter(self._walk(" " + " ".join(forms) + " ", ends, positions, ids, len(forms), run.entries))

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
        run = self._run()
        for start, stop in self._chunks(texts, chunk_chars):
            yield from self._chunk(texts, start, stop, offsets, vocab, run)

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
        table, plain_units = _code_table(self.lexicon.normalization)
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        if len(units) != len(joined):  # characters outside the BMP: count code units per document
            lengths = np.fromiter(
                (len(d.encode("utf-16-le")) // 2 for d in docs), dtype=np.int64, count=len(docs)
            )
        doc_start = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(lengths + 1, out=doc_start[1:])  # code-unit start of each document (and the end)
        mapped = table[units]
        plain: set[int] = set()
        flagged = plain_units[units]
        if flagged.any():
            owners = np.searchsorted(doc_start, np.flatnonzero(flagged), side="right") - 1
            plain = set(owners.tolist())
            for d in plain:  # blank them here: they go the plain way
                mapped[doc_start[d] : doc_start[d] + lengths[d]] = _SPACE
        keep = mapped != _DELETE
        spaced = mapped[keep]
        # one space between two forms: a phrase is then a substring of the text of forms
        single = np.ones(len(spaced), dtype=np.bool_)
        single[1:] = (spaced[1:] != _SPACE) | (spaced[:-1] != _SPACE)
        norm = spaced[single]
        kept = np.flatnonzero(keep)[single]  # the code unit each character of ``norm`` comes from
        norm_start = np.searchsorted(kept, doc_start)  # the position in ``norm`` of each document's start
        word = np.zeros(len(norm) + 2, dtype=np.int8)
        word[1:-1] = norm != _SPACE
        edges = np.diff(word)
        tok_start = np.flatnonzero(edges == 1)
        tok_end = np.flatnonzero(edges == -1)
        doc_tokens = np.searchsorted(tok_start, norm_start)  # first token of each document (and the end)
        text = " " + norm.tobytes().decode("utf-16-le") + " "
        return _Chunk(text, tok_start, tok_end, doc_tokens, doc_start, plain, kept if offsets else None)

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
        text, tok_start, tok_end, kept = chunk.text, chunk.tok_start, chunk.tok_end, chunk.kept
        positions, ids = self._candidates(text, tok_start, tok_end, run)
        stops = tok_end + 1  # where the space after each token is in ``text``
        bounds = chunk.doc_tokens.tolist()
        cut = np.searchsorted(positions, chunk.doc_tokens).tolist()  # each document's candidates
        positions_, ids_ = positions.tolist(), ids.tolist()
        walk = self._walk
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
            hits = walk(text, stops, positions_[a:b], ids_[a:b], hi, run.entries) if a < b else []
            spans_out: list[tuple[int, int]] | None = None
            if offsets and kept is not None:
                base = int(chunk.doc_start[d])
                source = docs[d]
                spans_out = []
                for _, _, f, e in hits:
                    begin = int(kept[tok_start[f]]) - base
                    end = int(kept[tok_end[e - 1] - 1]) + 1 - base
                    while end < len(source) and source[end] in _MARKS:
                        end += 1
                    spans_out.append((begin, end))
            yield first + d, hi - lo, lo, hits, spans_out

    def counts(
        self, texts: Sequence[str], *, vocabulary: Vocabulary | None = None, chunk_chars: int = CHUNK_CHARS
    ) -> tuple[IntArray, IntArray]:
        """``(counts, tokens)``: hits per document and frame (documents x frames), tokens per document.

        The same counts as :meth:`documents`' hits; the one-word hits are counted with numpy, and only
        the tokens where a phrase may start are scanned one by one.
        """
        vocab = self._vocabulary(vocabulary)
        run = self._run()
        n_frames = len(self.frames)
        counts = np.zeros((len(texts), n_frames), dtype=np.int64)
        tokens = np.zeros(len(texts), dtype=np.int64)
        for first, stop in self._chunks(texts, chunk_chars):
            docs = texts[first:stop]
            chunk = self._prepare(docs, False)
            positions, ids = self._candidates(chunk.text, chunk.tok_start, chunk.tok_end, run)
            doc_tokens = chunk.doc_tokens
            tokens[first:stop] = np.diff(doc_tokens)
            frames_of = run.frame_matrix()  # entries id -> 0/1 per frame, for one-word entries
            one_word = frames_of[ids].any(axis=1) if len(ids) else np.zeros(0, dtype=np.bool_)
            owner = np.searchsorted(doc_tokens, positions, side="right") - 1
            block = counts[first:stop]  # a view: counts of this chunk
            simple_ids, simple_owner = ids[one_word], owner[one_word]
            for f in range(n_frames):
                block[:, f] += np.bincount(
                    simple_owner, weights=frames_of[simple_ids, f], minlength=len(docs)
                ).astype(np.int64)
            # the tokens where a phrase may start, scanned in order within each document
            phrase_pos, phrase_ids = positions[~one_word], ids[~one_word]
            cut = np.searchsorted(phrase_pos, doc_tokens).tolist()
            stops = chunk.tok_end + 1
            bounds = doc_tokens.tolist()
            positions_, ids_ = phrase_pos.tolist(), phrase_ids.tolist()
            covered_at: list[int] = []
            covered_frame: list[int] = []
            covered_doc: list[int] = []
            for d in np.flatnonzero(np.diff(cut)).tolist():
                a, b = cut[d], cut[d + 1]
                for frame, _, i, end in self._walk(
                    chunk.text, stops, positions_[a:b], ids_[a:b], bounds[d + 1], run.entries
                ):
                    block[d, frame] += 1
                    for j in range(i + 1, end):  # a one-word hit inside a phrase hit of its frame: not one
                        covered_at.append(j)
                        covered_frame.append(frame)
                        covered_doc.append(d)
            if covered_at:
                simple_pos = positions[one_word]
                at = np.array(covered_at, dtype=np.int64)
                where = np.minimum(np.searchsorted(simple_pos, at), max(0, len(simple_pos) - 1))
                frame_arr = np.array(covered_frame, dtype=np.int64)
                found = (
                    (simple_pos[where] == at) & (frames_of[simple_ids[where], frame_arr] > 0)
                    if len(simple_pos)
                    else np.zeros(len(at), dtype=np.bool_)
                )
                np.subtract.at(block, (np.array(covered_doc)[found], frame_arr[found]), 1)
            for d in chunk.plain:
                forms_d = vocab.forms(docs[d])
                tokens[first + d] = len(forms_d)
                for frame, _, _, _ in self.scan(forms_d, run=run):
                    counts[first + d, frame] += 1
        return counts, tokens

    def _candidates(
        self, text: str, tok_start: IntArray, tok_end: IntArray, run: _Run
    ) -> tuple[IntArray, IntArray]:
        """The tokens of ``text`` (a chunk's forms between spaces) that can start a hit, and their entries."""
        none = np.zeros(0, dtype=np.int64)
        if self._automaton is None:
            return none, none
        found = np.fromiter(chain.from_iterable(self._automaton.iter(text)), dtype=np.int64).reshape(-1, 2)
        if not len(found):
            return none, none
        ends, keys = found[:, 0], found[:, 1]
        begins = ends - self._key_length[keys] + 1  # in norm: the key's leading space is text[begin]
        # Matches come in order of their end: a token's whole-token key (if any) is its last match.
        last = np.ones(len(begins), dtype=np.bool_)
        last[:-1] = begins[1:] != begins[:-1]
        begins, keys = begins[last], keys[last]
        positions = np.searchsorted(tok_start, begins)
        whole = keys < self._n_whole
        key_entry = run.key_entry
        todo = keys[whole & (key_entry[keys] < 0)]
        for key in np.unique(todo).tolist():
            key_entry[key] = run.add(self._resolve_all(self._key_forms[key]))
        ids = key_entry[keys]
        for j in np.flatnonzero(~whole).tolist():  # a glob key: cut the token's form and resolve it
            position = int(positions[j])
            form = text[int(tok_start[position]) + 1 : int(tok_end[position]) + 1]
            found_id = run.forms.get(form)
            if found_id is None:
                found_id = run.forms[form] = run.add(self.resolve(form))
            ids[j] = found_id
        hit = ids > 0
        return positions[hit], ids[hit]

    def _walk(
        self,
        text: str,
        ends: Sequence[int] | IntArray,
        positions: list[int],
        ids: list[int],
        n: int,
        resolved: list[_Entries | None],
    ) -> list[Hit]:
        """The hits among the candidate ``positions`` (ascending) of the tokens before ``n`` of ``text``, a
        text of forms one space apart (``ends[i]``: where the space after token i is): per frame, the
        longest entry that matches wins and the scan resumes after it."""
        rests = self._rest
        startswith = text.startswith
        hits: list[Hit] = []
        blocked: dict[int, int] = {}
        until = 0  # no phrase hit so far reaches beyond this token
        for i, r in zip(positions, ids, strict=True):
            entries = resolved[r]
            assert entries is not None
            if entries.single is not None and i >= until:  # one-word entries, nothing blocked
                hits += [(frame, index, i, i + 1) for frame, index in entries.single]
                continue
            for frame, patterns in entries.groups:
                if blocked.get(frame, 0) > i:
                    continue
                for p in patterns:
                    end = i + len(p.words)
                    if end > i + 1:
                        if end > n or not startswith(rests[p.index], ends[i]):
                            continue
                        blocked[frame] = end
                        until = max(until, end)
                    hits.append((frame, p.index, i, end))
                    break
        return hits


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
    matches = matches.astype({"start": "int64", "end": "int64"})
    matches.attrs["provenance"] = provenance(lexicon, compiled)
    return matches
