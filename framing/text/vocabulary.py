"""The vocabulary of a corpus: its distinct raw tokens, their word forms, and the forms' clitic readings.

Tokenizing and clitic analysis are done once per *distinct* raw token or form, not once per occurrence.
That work is kept in a :class:`Vocabulary` object that you build (or that ``score``, ``find_matches``,
``kwic`` and the topic vectorizer build inside when you pass none) and that lives as long as you keep it:
there is no module-level cache that grows.

>>> vocabulary = Vocabulary.from_texts(["قال الوزير إنّ «المعارضة» ترفض", "وللمعارضة مطالب"])
>>> len(vocabulary), vocabulary.forms("وللمعارضة، مطالب")
(7, ['وللمعارضه', 'مطالب'])
>>> vocabulary.clitic_stems("وللمعارضه")
['وللمعارضه', 'للمعارضه', 'لمعارضه', 'المعارضه', 'معارضه']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, TypeVar

from framing.text.clitics import MIN_STEM, CliticSplit, clitic_splits
from framing.text.normalize import Normalization
from framing.text.tokenize import _RAW, Pieces, Token, raw_pieces, text_forms

T = TypeVar("T")


@dataclass(eq=False)
class Vocabulary:
    """Distinct raw tokens -> word forms (with offsets), and word forms -> clitic readings.

    It grows only with the tokens it is shown (:meth:`update`, or any text passed to its methods), so its
    memory is that of the corpus's distinct tokens, held by whoever holds the object.
    """

    normalization: Normalization = field(default_factory=Normalization)
    _forms: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _pieces: dict[str, Pieces] = field(default_factory=dict, repr=False)
    _clitics: dict[str, tuple[CliticSplit, ...]] = field(default_factory=dict, repr=False)
    _kept: dict[int, tuple[object, Any]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, normalization: Normalization | None = None) -> Vocabulary:
        """The vocabulary of ``texts`` (the default normalization when None)."""
        return cls(normalization or Normalization()).update(texts)

    def update(self, texts: Iterable[str]) -> Vocabulary:
        """Learn the raw tokens of ``texts``; returns the vocabulary itself."""
        for text in texts:
            self.learn(set(text.split()))
        return self

    def __len__(self) -> int:
        """The number of distinct raw tokens learned."""
        return len(self._forms)

    def __contains__(self, raw: object) -> bool:
        return raw in self._forms

    def learn(self, raws: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Learn the forms of raw (white-space free) tokens not seen yet; return raw token -> forms."""
        known = self._forms
        new = [raw for raw in set(raws) if raw not in known]
        if new:
            known.update(zip(new, text_forms(new, self.normalization), strict=True))
        return known

    def forms(self, text: str) -> list[str]:
        """The matching forms of ``text``'s tokens, in order (no offsets)."""
        raws = text.split()
        known = self._forms
        try:  # the common case once the vocabulary is known: no set to build
            return list(chain.from_iterable(map(known.__getitem__, raws)))
        except KeyError:
            self.learn(raws)
        return list(chain.from_iterable(map(known.__getitem__, raws)))

    def raw_forms(self, raw: str) -> tuple[str, ...]:
        """The forms of one raw token."""
        found = self._forms.get(raw)
        return found if found is not None else self.learn((raw,))[raw]

    def pieces(self, raw: str) -> Pieces:
        """The forms of one raw token with offsets into it."""
        found = self._pieces.get(raw)
        if found is None:
            found = self._pieces[raw] = raw_pieces(raw, self.normalization)
        return found

    def tokenize(self, text: str) -> list[Token]:
        """The tokens of ``text`` with offsets into it (:func:`framing.text.tokenize.tokenize`)."""
        out: list[Token] = []
        for m in _RAW.finditer(text):
            base = m.start()
            for form, start, end in self.pieces(m.group()):
                out.append(Token(text[base + start : base + end], form, base + start, base + end))
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` in ``text`` of each token, aligned with :meth:`forms`."""
        pieces = self.pieces
        return [
            (m.start() + start, m.start() + end)
            for m in _RAW.finditer(text)
            for _, start, end in pieces(m.group())
        ]

    def kept(self, owner: object, make: Callable[[], T]) -> T:
        """What ``owner`` (e.g. a compiled matcher) keeps about this corpus's tokens across calls: made by
        ``make()`` the first time, then the same object for as long as the vocabulary lives.

        >>> vocabulary, owner = Vocabulary(), object()
        >>> first = vocabulary.kept(owner, dict)
        >>> vocabulary.kept(owner, dict) is first, vocabulary.kept(object(), dict) is first
        (True, False)
        """
        found = self._kept.get(id(owner))
        if found is None or found[0] is not owner:
            found = self._kept[id(owner)] = (owner, make())
        value: T = found[1]
        return value

    def clitic_splits(self, form: str) -> tuple[CliticSplit, ...]:
        """The proclitic readings of a word form (:func:`framing.text.clitics.clitic_splits`), kept."""
        found = self._clitics.get(form)
        if found is None:
            found = self._clitics[form] = tuple(clitic_splits(form))
        return found

    def clitic_stems(self, form: str, *, min_stem: int = MIN_STEM) -> list[str]:
        """``form`` and its clitic stems (:func:`~framing.text.clitics.clitic_stems`), from kept readings."""
        out = [form]
        for split in self.clitic_splits(form):
            if len(split.stem) >= min_stem and split.candidate not in out:
                out.append(split.candidate)
        return out
