"""Lexicons: :class:`Entry`, :class:`Frame`, :class:`Lexicon`, and the checks every lexicon passes.

Whatever its format (framing YAML, quanteda YAML, LIWC ``.dic``, a Python mapping), a lexicon is first
read into plain specs (:class:`LexiconSpec`, :class:`FrameSpec`, :class:`EntrySpec`) that remember where
each part came from (file and line, or a path inside a mapping); :func:`build_lexicon` then parses the
entries, normalizes them exactly as the text is normalized, and checks them. Problems name the file, the
line, the frame and the entry:

- errors (:class:`LexiconError`): an empty frame, an entry that is empty or normalizes to no word, a ``*``
  anywhere but at the end of an entry, ``=`` combined with ``*``, duplicate frame ids, a bad tag;
- warnings (:attr:`Lexicon.warnings`): duplicate entries within a frame or across frames (same normalized
  words and kind), an entry that is a single stopword, a glob shorter than 3 letters.

>>> lexicon = build_lexicon(LexiconSpec(name="demo", version="1", frames=[
...     FrameSpec(id="terror", entries=[EntrySpec("إرهاب*"), EntrySpec("=داعش")])]))
>>> [(e.pattern, e.words, e.kind) for e in lexicon["terror"].entries]
[('إرهاب*', ('ارهاب',), 'glob'), ('=داعش', ('داعش',), 'exact')]
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from framing import schema as S
from framing.text import chars
from framing.text.normalize import Normalization
from framing.text.tokenize import word_forms

EntryKind = Literal["word", "phrase", "glob", "exact"]

EXACT = "="  # leading marker: no clitic stripping
GLOB = "*"  # trailing marker: any ending
JOINERS = "-'\u2019\u2010\u2011"  # hyphen, apostrophe, right single quote, Unicode hyphens: 'fair-*'
MIN_GLOB = 3  # a single-word glob shorter than this many letters matches too much
# Columns of Lexicon.entries(); an entry tag may not take one of these names.
ENTRY_COLUMNS: tuple[str, ...] = (S.FRAME, S.ENTRY, S.KIND, "words", "line")
_MARKS = chars.DIACRITICS + chars.TATWEEL  # may follow the last letter before a trailing *
_HASH_FORMAT = 1  # bump when the meaning of a lexicon's content changes


class LexiconError(ValueError):
    """A lexicon that cannot be used: the message names the file, line, frame and entry of each problem.

    ``file``, ``line``, ``frame`` and ``entry`` describe the first problem; ``problems`` lists them all.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        frame: str | None = None,
        entry: str | None = None,
        problems: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.frame = frame
        self.entry = entry
        self.problems: tuple[str, ...] = tuple(problems) or (message,)


class LexiconWarning(UserWarning):
    """A lexicon that loads but probably does not say what its author meant (see :attr:`Lexicon.warnings`)."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: ``pattern`` as written, ``words`` its normalized word forms.

    >>> Entry("إرهاب*", "terror", ("ارهاب",), exact=False, glob=True).kind
    'glob'
    """

    pattern: str
    frame: str
    words: tuple[str, ...]
    exact: bool = False
    glob: bool = False
    line: int | None = None
    tags: Mapping[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(
            (self.pattern, self.frame, self.words, self.exact, self.glob, self.line, _items(self.tags))
        )

    @property
    def kind(self) -> EntryKind:
        """``exact`` (leading ``=``), ``glob`` (trailing ``*``), ``phrase`` (several words) or ``word``."""
        if self.exact:
            return "exact"
        if self.glob:
            return "glob"
        return "phrase" if len(self.words) > 1 else "word"


@dataclass(frozen=True)
class Frame:
    """A frame: an id, labels, a description, its entries (in lexicon order) and extra tags."""

    id: str
    label_ar: str
    label_en: str
    description: str
    entries: tuple[Entry, ...]
    tags: Mapping[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(
            (self.id, self.label_ar, self.label_en, self.description, self.entries, _items(self.tags))
        )


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon. Build one with :func:`framing.lexicon.load_lexicon`.

    >>> from framing.lexicon import load_lexicon
    >>> lexicon = load_lexicon({"terror": ["إرهاب*", "=داعش"], "regime": ["النظام السوري"]})
    >>> lexicon.frame_ids
    ('terror', 'regime')
    >>> lexicon["regime"].entries[0].words
    ('النظام', 'السوري')
    >>> sorted(lexicon.provenance())
    ['lexicon', 'lexicon_hash', 'lexicon_version', 'normalization']
    """

    name: str
    version: str
    language: str
    description: str
    source: str
    licence: str
    frames: tuple[Frame, ...]
    path: str | None = None
    normalization: Normalization = field(default_factory=Normalization)
    warnings: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash((self.hash, self.normalization, self.path, self.warnings))

    @property
    def hash(self) -> str:
        """The first 16 hex digits of the sha256 of the content: name, version, frame ids and tags, and each
        frame's entries (patterns as written, tags) in order. Labels, descriptions and file lines do not
        count, so the same content read from YAML or from a mapping has the same hash."""
        content = {
            "format": _HASH_FORMAT,
            "name": self.name,
            "version": self.version,
            "frames": [
                {
                    "id": frame.id,
                    "tags": dict(frame.tags),
                    "entries": [{"pattern": e.pattern, "tags": dict(e.tags)} for e in frame.entries],
                }
                for frame in self.frames
            ],
        }
        canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def provenance(self) -> dict[str, object]:
        """What a result records about the lexicon: name, version, content hash, normalization settings."""
        return {
            "lexicon": self.name,
            "lexicon_version": self.version,
            "lexicon_hash": self.hash,
            "normalization": self.normalization.to_dict(),
        }

    @property
    def frame_ids(self) -> tuple[str, ...]:
        """The frame ids, in lexicon order."""
        return tuple(frame.id for frame in self.frames)

    def __getitem__(self, frame_id: str) -> Frame:
        for frame in self.frames:
            if frame.id == frame_id:
                return frame
        raise KeyError(
            f"lexicon {self.name!r} has no frame {frame_id!r}; its frames are: {', '.join(self.frame_ids)}"
        )

    def __iter__(self) -> Iterator[Frame]:
        return iter(self.frames)

    def __len__(self) -> int:
        return len(self.frames)

    def entries(self) -> pd.DataFrame:
        """One row per entry: ``frame, entry, kind, words, line`` and one column per entry tag.

        ``words`` are the normalized word forms joined by a space; ``line`` is the source line (``<NA>``
        for a lexicon given as a mapping); a tag an entry does not carry is missing (``isna()``).

        >>> from framing.lexicon import load_lexicon
        >>> lexicon = load_lexicon({"regime": [{"pattern": "النظام السوري", "stance": "hostile"}, "الأسد"]})
        >>> table = lexicon.entries()
        >>> table[["entry", "kind", "words"]].values.tolist()
        [['النظام السوري', 'phrase', 'النظام السوري'], ['الأسد', 'word', 'الاسد']]
        >>> table["stance"].isna().tolist()
        [False, True]
        """
        entries = [e for frame in self.frames for e in frame.entries]
        tags = list(dict.fromkeys(tag for e in entries for tag in e.tags))
        return pd.DataFrame(
            {
                S.FRAME: [e.frame for e in entries],
                S.ENTRY: [e.pattern for e in entries],
                S.KIND: [e.kind for e in entries],
                "words": [" ".join(e.words) for e in entries],
                "line": pd.array([e.line for e in entries], dtype="Int64"),
                **{tag: [e.tags.get(tag) for e in entries] for tag in tags},
            }
        )


def _items(mapping: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(mapping.items()))


# --------------------------------------------------------------------------------------- specs


@dataclass
class EntrySpec:
    """An entry as read: a string, or a mapping ``{pattern: ..., <tag>: <value>}``, and where it came from.

    ``path`` locates it inside a mapping source (``frames[0].entries[2]``) when there is no line.
    """

    value: Any
    line: int | None = None
    path: str = ""


@dataclass
class FrameSpec:
    """A frame as read, before its entries are parsed. ``tags`` values are already strings."""

    id: str
    entries: list[EntrySpec]
    label_ar: str = ""
    label_en: str = ""
    description: str = ""
    tags: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    path: str = ""


@dataclass
class LexiconSpec:
    """A lexicon as read from a file or mapping; ``file`` names the source in messages."""

    name: str
    version: str
    frames: list[FrameSpec]
    language: str = ""
    description: str = ""
    source: str = ""
    licence: str = ""
    file: str = "lexicon mapping"
    path: str | None = None
    warnings: list[Problem] = field(default_factory=list)


def where(file: str, line: int | None, path: str = "") -> str:
    """The location part of a message: ``file, line N``, or ``file at path`` when there is no line.

    >>> where("terror.yaml", 12)
    'terror.yaml, line 12'
    >>> where("lexicon mapping", None, "frames[0].entries[1]")
    'lexicon mapping at frames[0].entries[1]'
    """
    if line is not None:
        return f"{file}, line {line}"
    return f"{file} at {path}" if path else file


@dataclass(frozen=True)
class Problem:
    """One problem of a lexicon: where (file and line, or a path in a mapping), frame, entry, and what.

    >>> str(Problem("t.yaml", 3, "'*' is only allowed at the end", frame="terror", entry="إر*هاب"))
    "t.yaml, line 3: frame 'terror', entry 'إر*هاب': '*' is only allowed at the end"
    """

    file: str
    line: int | None
    text: str
    frame: str | None = None
    entry: str | None = None
    path: str = ""

    def __str__(self) -> str:
        named = [f"frame {self.frame!r}"] if self.frame is not None else []
        named += [f"entry {self.entry!r}"] if self.entry is not None else []
        head = where(self.file, self.line, self.path)
        return f"{head}: {', '.join(named)}: {self.text}" if named else f"{head}: {self.text}"


def raise_problems(problems: Sequence[Problem], *, strict: bool = False, limit: int = 20) -> None:
    """Raise one :class:`LexiconError` listing ``problems`` (the first ``limit`` of them); no-op if none.

    The exception's ``file``, ``line``, ``frame`` and ``entry`` are those of the first problem;
    ``strict=True`` says the problems are warnings made errors by ``load_lexicon(..., strict=True)``.
    """
    if not problems:
        return
    texts = [str(p) for p in problems]
    if len(texts) == 1:
        head = "strict=True turns this warning into an error: " if strict else ""
        message = head + texts[0]
    else:
        shown = [f"  - {t}" for t in texts[:limit]]
        if len(texts) > limit:
            shown.append(f"  ... and {len(texts) - limit} more")
        head = (
            f"strict=True turns these {len(texts)} warnings into errors"
            if strict
            else f"{len(texts)} problems in {problems[0].file}"
        )
        message = f"{head}:\n" + "\n".join(shown)
    first = problems[0]
    raise LexiconError(
        message, file=first.file, line=first.line, frame=first.frame, entry=first.entry, problems=texts
    )


def suggest(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` for a close match among ``choices``, else an empty string.

    >>> suggest("entires", ["id", "entries"])
    " (did you mean 'entries'?)"
    """
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


# ------------------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Parsed:
    entry: Entry | None
    error: Problem | None


def parse_pattern(
    pattern: str, *, normalization: Normalization | None = None
) -> tuple[tuple[str, ...], bool, bool]:
    """``(words, exact, glob)`` of a pattern; raises ``ValueError`` saying what is wrong with it.

    >>> parse_pattern("=داعش")
    (('داعش',), True, False)
    >>> parse_pattern("جبهة النُّصرة*")
    (('جبهه', 'النصره'), False, True)
    >>> parse_pattern("fair-*")  # a hyphenated compound: 'fair', then one word of any form
    (('fair', ''), False, True)
    >>> parse_pattern("إره*اب")
    Traceback (most recent call last):
    ...
    ValueError: '*' is only allowed at the end of an entry (a glob such as 'إرهاب*')
    """
    norm = normalization or Normalization()
    bad = next((c for c in pattern if "\ud800" <= c <= "\udfff"), None)
    if bad is not None:
        raise ValueError(f"the entry holds a lone surrogate (U+{ord(bad):04X}): not valid Unicode")
    body = pattern.strip()
    exact = body.startswith(EXACT)
    if exact:
        body = body[len(EXACT) :].lstrip()
    glob = body.endswith(GLOB)
    if glob:
        body = body[: -len(GLOB)]
    if exact and glob:
        raise ValueError("'=' (exact form) cannot be combined with '*' (any ending): choose one")
    if GLOB in body:
        raise ValueError("'*' is only allowed at the end of an entry (a glob such as 'إرهاب*')")
    if EXACT in body:
        raise ValueError("'=' is only allowed at the start of an entry (an exact form such as '=داعش')")
    words = tuple(word_forms(body, normalization=norm))
    if not words:
        what = "is empty" if not body.strip() else "normalizes to no word (only punctuation or marks)"
        raise ValueError(f"the entry {what}")
    if glob:
        last = norm.apply(body).rstrip(_MARKS)
        if last and last[-1] in JOINERS and not last[-2:-1].isspace():
            # fair-*, self-*, don'*: the tokenizer splits at hyphens and apostrophes, so the entry is the
            # words before the joiner followed by one word of any form (fair-minded, self-interest)
            return (*words, ""), exact, glob
        if not last or not last[-1].isalnum():
            raise ValueError("'*' must follow a letter directly (write 'إرهاب*', not 'إرهاب *')")
    return words, exact, glob


def tag_value(value: Any) -> str | None:
    """A tag value as a string (``true``/``false`` for booleans); None when it is not a scalar.

    >>> tag_value(2), tag_value(True), tag_value("regime"), tag_value([1])
    ('2', 'true', 'regime', None)
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return None


def _parse_entry(spec: EntrySpec, frame: FrameSpec, file: str, normalization: Normalization) -> _Parsed:
    def fail(text: str, entry: str | None = None) -> _Parsed:
        return _Parsed(None, Problem(file, spec.line, text, frame=frame.id, entry=entry, path=spec.path))

    value = spec.value
    tags: dict[str, str] = {}
    if isinstance(value, Mapping):
        if "pattern" not in value:
            keys = [str(k) for k in value]
            hints = "".join(suggest(k, ["pattern"]) for k in keys)
            return fail(f"a tagged entry needs a 'pattern' key; found keys {keys}{hints}")
        shown = str(value["pattern"])
        for key, tag in value.items():
            if key == "pattern":
                continue
            if not isinstance(key, str) or key in ENTRY_COLUMNS:
                return fail(f"tag name {key!r} is not allowed (reserved: {', '.join(ENTRY_COLUMNS)})", shown)
            text = tag_value(tag)
            if text is None:
                found = "null" if tag is None else f"{type(tag).__name__} {tag!r}"
                return fail(f"tag {key!r} must be a string, number or true/false; found {found}", shown)
            tags[key] = text
        value = value["pattern"]
    if not isinstance(value, str):
        found = "null (an empty item)" if value is None else f"{type(value).__name__} {value!r}"
        return fail(f"an entry must be a string or a mapping with a 'pattern'; found {found}")
    pattern = value.strip()
    try:
        words, exact, glob = parse_pattern(pattern, normalization=normalization)
    except ValueError as err:
        return fail(str(err), pattern)
    return _Parsed(Entry(pattern, frame.id, words, exact, glob, spec.line, tags), None)


def build_lexicon(
    spec: LexiconSpec,
    *,
    normalization: Normalization | None = None,
    stopwords: frozenset[str] | None = None,
) -> Lexicon:
    """Parse, normalize and check a :class:`LexiconSpec`; raise :class:`LexiconError` listing every error.

    ``stopwords`` defaults to :func:`framing.text.stopwords.stopwords` for the normalization. Warnings are
    collected in :attr:`Lexicon.warnings` (emitting them is the caller's choice).
    """
    return build_problems(spec, normalization=normalization, stopwords=stopwords)[0]


def build_problems(
    spec: LexiconSpec,
    *,
    normalization: Normalization | None = None,
    stopwords: frozenset[str] | None = None,
) -> tuple[Lexicon, list[Problem]]:
    """:func:`build_lexicon`, also returning the warnings as :class:`Problem` objects."""
    norm = normalization or Normalization()
    file = spec.file
    errors: list[Problem] = []

    seen_ids: dict[str, FrameSpec] = {}
    for frame in spec.frames:
        first = seen_ids.setdefault(frame.id, frame)
        if first is not frame:
            errors.append(
                Problem(
                    file,
                    frame.line,
                    f"duplicate frame id (first defined at {where(file, first.line, first.path)})",
                    frame=frame.id,
                    path=frame.path,
                )
            )

    frames: list[Frame] = []
    paths: list[str] = []  # of the entries, in order: where a mapping source's warnings point
    for frame in spec.frames:
        if not frame.entries:
            errors.append(
                Problem(file, frame.line, "the frame has no entries", frame=frame.id, path=frame.path)
            )
        parsed = [_parse_entry(e, frame, file, norm) for e in frame.entries]
        errors += [p.error for p in parsed if p.error is not None]
        entries = tuple(p.entry for p in parsed if p.entry is not None)
        paths += [spec.path for spec, p in zip(frame.entries, parsed, strict=True) if p.entry is not None]
        frames.append(
            Frame(
                frame.id, frame.label_ar, frame.label_en or frame.id, frame.description, entries, frame.tags
            )
        )
    if not spec.frames:
        errors.append(Problem(file, None, "the lexicon has no frames"))
    raise_problems(sorted(errors, key=lambda p: p.line or 0))

    if stopwords is None:
        from framing.text.stopwords import stopwords as _stopwords

        stopwords = _stopwords(normalization=norm)
    warns = [*spec.warnings, *_check(frames, paths, file, stopwords)]
    lexicon = Lexicon(
        name=spec.name,
        version=spec.version,
        language=spec.language,
        description=spec.description,
        source=spec.source,
        licence=spec.licence,
        frames=tuple(frames),
        path=spec.path,
        normalization=norm,
        warnings=tuple(str(w) for w in warns),
    )
    return lexicon, warns


def _check(
    frames: Sequence[Frame], paths: Sequence[str], file: str, stopwords: frozenset[str]
) -> list[Problem]:
    """Warnings: duplicates within and across frames, single stopwords, short globs."""
    out: list[Problem] = []
    seen: dict[tuple[tuple[str, ...], bool, bool], list[Entry]] = {}
    path = iter(paths)
    for frame in frames:
        for e in frame.entries:

            def warn(text: str, e: Entry = e, at: str = next(path)) -> None:
                out.append(Problem(file, e.line, text, frame=e.frame, entry=e.pattern, path=at))

            earlier = seen.setdefault((e.words, e.exact, e.glob), [])
            same_frame = [x for x in earlier if x.frame == e.frame]
            # One line giving a word several categories (LIWC) is intended, not a duplicate.
            other = [x for x in earlier if x.frame != e.frame and (x.line is None or x.line != e.line)]
            if same_frame:
                x = same_frame[0]
                warn(
                    f"duplicate entry: same words ({' '.join(e.words)}) and kind ({e.kind}) as "
                    f"{x.pattern!r}{_at(x)} in the same frame"
                )
            elif other:
                x = other[0]
                warn(
                    f"duplicate entry across frames: same words ({' '.join(e.words)}) and kind ({e.kind}) as "
                    f"{x.pattern!r}{_at(x)} in frame {x.frame!r}; a hit counts in both frames"
                )
            earlier.append(e)
            if not e.glob and len(e.words) == 1 and e.words[0] in stopwords:
                warn(f"the entry is a stopword ({e.words[0]}): it will match in almost every text")
            if e.glob and len(e.words) == 1 and len(e.words[0]) < MIN_GLOB:
                warn(f"glob too broad: {e.words[0]!r} has fewer than {MIN_GLOB} letters before '*'")
    return out


ENTRY_LANGUAGE_TAG = "language"  # an entry tag naming the entry's language (ISO 639-1)


def entry_language(entry: Entry, lexicon: Lexicon) -> str:
    """The language of an entry: its ``language`` tag, else the lexicon's language, else ``ar``.

    >>> from framing.lexicon import load_lexicon
    >>> lexicon = load_lexicon({"regime": ["النظام السوري", {"pattern": "Assad regime", "language": "en"}]})
    >>> [entry_language(e, lexicon) for e in lexicon["regime"].entries]
    ['ar', 'en']
    """
    return entry.tags.get(ENTRY_LANGUAGE_TAG) or lexicon.language or "ar"


def entries_per_language(lexicon: Lexicon) -> dict[str, int]:
    """The number of entries in each language (:func:`entry_language`), most first.

    >>> from framing.lexicon import load_lexicon
    >>> entries_per_language(load_lexicon({"f": ["حلب", {"pattern": "Aleppo", "language": "en"},
    ...                                           {"pattern": "Алеппо", "language": "ru"}, "دمشق"]}))
    {'ar': 2, 'en': 1, 'ru': 1}
    """
    counts: dict[str, int] = {}
    for frame in lexicon.frames:
        for entry in frame.entries:
            language = entry_language(entry, lexicon)
            counts[language] = counts.get(language, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _at(entry: Entry) -> str:
    return f" (line {entry.line})" if entry.line is not None else ""
