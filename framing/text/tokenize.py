"""Tokens with character offsets into the ORIGINAL text, so a match can be shown as written.

A text is split on white space into raw tokens; each raw token is normalized
(:class:`~framing.text.normalize.Normalization`), split further at punctuation and symbols (Arabic
``، ؛ ؟ « »`` included), and lower-cased. Latin words and numbers are tokens like any other. The work
for a raw token is cached per distinct raw token (:class:`Tokenizer`), which keeps whole-corpus passes
fast.

>>> [(t.text, t.form, t.start, t.end) for t in tokenize("قال «لافروف»، إنّ NBC")]
[('قال', 'قال', 0, 3), ('لافروف', 'لافروف', 5, 11), ('إنّ', 'ان', 14, 17), ('NBC', 'nbc', 18, 21)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from framing.text import chars
from framing.text.normalize import Normalization

_RAW = re.compile(r"\S+")
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits: punctuation, symbols and marks split words
_MARKS = chars.DIACRITICS + chars.TATWEEL  # belong to the word they follow


@dataclass(frozen=True)
class Token:
    """One token: ``text`` is ``original[start:end]`` as written, ``form`` its matching form."""

    text: str
    form: str
    start: int
    end: int


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


def tokenize(text: str, *, normalization: Normalization | None = None) -> list[Token]:
    """Split ``text`` into tokens with offsets into it; ``text[t.start:t.end] == t.text`` always."""
    return tokenizer(normalization).tokenize(text)


def word_forms(text: str, *, normalization: Normalization | None = None) -> list[str]:
    """The matching forms of the words of ``text``: what a lexicon entry is compared with.

    >>> word_forms("النظامُ السوريّ")
    ['النظام', 'السوري']
    >>> word_forms("أ.ف.ب")
    ['ا', 'ف', 'ب']
    """
    return tokenizer(normalization).forms(text)
