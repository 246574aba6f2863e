"""Tokens with character offsets into the ORIGINAL text, so a match can be shown as written.

A text is split on white space into raw tokens; each raw token is normalized
(:class:`~framing.text.normalize.Normalization`), split further at punctuation and symbols (Arabic
``، ؛ ؟ « »`` included), and lower-cased. Latin words and numbers are tokens like any other. Nothing
is cached here: a :class:`~framing.text.vocabulary.Vocabulary` keeps the work per distinct raw token for
as long as its owner keeps it.

>>> [(t.text, t.form, t.start, t.end) for t in tokenize("قال «لافروف»، إنّ NBC")]
[('قال', 'قال', 0, 3), ('لافروف', 'لافروف', 5, 11), ('إنّ', 'ان', 14, 17), ('NBC', 'nbc', 18, 21)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from framing.text import chars
from framing.text.normalize import Normalization

if TYPE_CHECKING:
    from framing.text.vocabulary import Vocabulary

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


def raw_pieces(raw: str, normalization: Normalization) -> Pieces:
    """The forms of the raw (white-space free) token ``raw``, with offsets into it.

    >>> raw_pieces("والإرهابيّين،", Normalization())
    (('والارهابيين', 0, 12),)
    """
    norm, index = normalization.with_offsets(raw)
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(norm):
        start, end = m.start(), m.end()
        if index is not None:
            start, end = index[start], index[end - 1] + 1
        while end < len(raw) and raw[end] in _MARKS:  # trailing harakat or tatweel stay with the word
            end += 1
        out.append((m.group().lower(), start, end))
    return tuple(out)


def text_forms(texts: list[str], normalization: Normalization) -> list[tuple[str, ...]]:
    """The forms of each white-space free token of ``texts``, with one translation for all of them.

    >>> text_forms(["والإرهابيّين،", "COVID-19"], Normalization())
    [('والارهابيين',), ('covid', '19')]
    """
    joined = normalization.apply("\n".join(texts))
    lowered = joined.lower()
    findall = _WORD.findall
    if len(lowered) == len(joined):  # lower-casing kept every character a character
        return [tuple(findall(norm)) for norm in lowered.split("\n")]
    # e.g. a dotted capital I, which lower-cases to two characters
    return [tuple(w.lower() for w in findall(norm)) for norm in joined.split("\n")]


def tokenizer(normalization: Normalization | None = None) -> Vocabulary:
    """A new, empty :class:`~framing.text.vocabulary.Vocabulary` for a normalization (the default when None).

    Nothing is shared between calls: keep the vocabulary to reuse what it learned.
    """
    from framing.text.vocabulary import Vocabulary

    return Vocabulary(normalization or Normalization())


def tokenize(text: str, *, normalization: Normalization | None = None) -> list[Token]:
    """Split ``text`` into tokens with offsets into it; ``text[t.start:t.end] == t.text`` always."""
    norm = normalization or Normalization()
    out: list[Token] = []
    for m in _RAW.finditer(text):
        base = m.start()
        for form, start, end in raw_pieces(m.group(), norm):
            out.append(Token(text[base + start : base + end], form, base + start, base + end))
    return out


def word_forms(text: str, *, normalization: Normalization | None = None) -> list[str]:
    """The matching forms of the words of ``text``: what a lexicon entry is compared with.

    >>> word_forms("النظامُ السوريّ")
    ['النظام', 'السوري']
    >>> word_forms("أ.ف.ب")
    ['ا', 'ف', 'ب']
    """
    return list(chain.from_iterable(text_forms(text.split(), normalization or Normalization())))
