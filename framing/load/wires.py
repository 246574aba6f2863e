"""News agencies: one registry (``resources/wires.yaml``) of their Arabic, English and Russian names.

Two questions are asked of it: which agencies a *credit* names (a dateline, a byline, a source
line, the bracket at the start of the first paragraph — the article's ``wire``), and which
agencies a *sentence* cites ("…, TASS reported", ``نقلت وكالة رويترز``: ``wires_cited``). Short or
ambiguous spellings (``الفرنسية`` "the French", ``AP``, ``قنا``) count only in a credit.

>>> credit_wires("سيفير عربي + وكالات"), credit_wires("(أ.ف.ب)"), credit_wires("РИА Новости")
(['agencies'], ['AFP'], ['RIA Novosti'])
>>> cited_wires("وقال المتحدث لوكالة رويترز إن الاجتماع انتهى، كما نقلت فرانس برس.")
['Reuters', 'AFP']
>>> cited_wires("Talks ended late on Friday, TASS reported, citing a diplomat.")
['TASS']
>>> cited_wires("وزارة الخارجية الفرنسية ترحب")
[]
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, compress
from operator import itemgetter
from typing import Any

import yaml

from framing.load.resources import fast_key, name_key
from framing.text.normalize import Normalization, normalize

__all__ = ["Agency", "agencies", "cited_wires", "credit_wires", "only_wires", "wire_names"]

_WHERE = "framing/load/resources/wires.yaml"
# Pieces of a credit: + , ، / & ; " - " and the conjunction و glued to the next word
_CREDIT_SPLIT = re.compile(
    r"\s*(?:[+,\u060c/&;|]|\s[\-\u2013\u2014]\s|\s\u0648(?=\S)|\s(?:and|и|\u0648)\s)\s*"
)
# "وكالة", "وكالة أنباء", "agency", "агентство" before an agency's name in a credit
_AGENCY_WORD = re.compile(
    r"^(?:\u0648\u0643\u0627\u0644\u0647(?:\s+\u0627\u0646\u0628\u0627\u0621)?|the|news agency|agency"
    r"|\u0430\u0433\u0435\u043d\u0442\u0441\u0442\u0432\u043e|\u0430\u0433\u0435\u043d\u0442\u0441\u0442\u0432\u0430)\s+"
)  # وكاله (انباء) / агентство / агентства
_LETTERS = Normalization()
_DOTTED_TOKEN = re.compile(r"\w+(?:\.\w+)*")  # أ.ف.ب and INTERFAX.RU are one token
_DOTS = re.compile(r"(?<=\w)\.(?=\w)")  # أ.ف.ب, INTERFAX.RU: dots inside a name
_STRIP = " \t()[]«»\"'“”‹›<>:.-\u2013\u2014\u0640/"  # brackets, quotes, dashes and tatweel around a name


@dataclass(frozen=True)
class Agency:
    """One agency: its code (the corpus value), full name, and spellings."""

    code: str
    name: str
    names: tuple[str, ...]
    credit_only: tuple[str, ...] = ()


def _read() -> Any:
    text = resources.files("framing.load").joinpath("resources", "wires.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def agencies() -> tuple[Agency, ...]:
    """The registry, in file order.

    >>> [a.code for a in agencies()][:3]
    ['AFP', 'Reuters', 'AP']
    """
    data = _read()
    if not isinstance(data, dict):
        raise ValueError(f"{_WHERE}: expected a mapping of agency codes, found {type(data).__name__}")
    found = []
    for code, spec in data.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("names", []), list):
            raise ValueError(f"{_WHERE}: agency {code!r} needs a mapping with a 'names' list")
        found.append(
            Agency(
                str(code),
                str(spec.get("name") or code),
                tuple(str(n) for n in spec.get("names") or ()),
                tuple(str(n) for n in spec.get("credit_only") or ()),
            )
        )
    return tuple(found)


@lru_cache(maxsize=1)
def wire_names() -> dict[str, str]:
    """Every spelling (as :func:`name_key`) -> agency code.

    >>> wire_names()[name_key("أ ف ب")], wire_names()[name_key("ТАСС")]
    ('AFP', 'TASS')
    """
    return {name_key(n): a.code for a in agencies() for n in (*a.names, *a.credit_only, a.code)}


def credit_wires(text: str) -> list[str]:
    """Agency codes named by a credit (``سيفير عربي + وكالات`` -> ``['agencies']``), in order, once each.

    Every piece of the credit must be a name on its own (after ``وكالة``/``agency`` and brackets):
    a credit slot holds names, not sentences.
    """
    found: list[str] = []
    for piece in _CREDIT_SPLIT.split(text.strip(_STRIP)):
        code = _piece_code(piece.strip(_STRIP))
        if code and code not in found:
            found.append(code)
    return found


@lru_cache(maxsize=1 << 14)
def _piece_code(piece: str) -> str | None:
    """The agency one piece of a credit names (``وكالة الأناضول`` -> ``Anadolu``), else None."""
    if not piece or len(piece) > 40:
        return None
    names = wire_names()
    return names.get(name_key(piece)) or names.get(name_key(_AGENCY_WORD.sub("", fast_key(piece))))


def only_wires(text: str) -> list[str]:
    """:func:`credit_wires` when every piece of ``text`` names an agency (a bare credit), else ``[]``.

    >>> only_wires("(أ ف ب)"), only_wires("موسكو - الفرنسية")
    (['AFP'], [])
    """
    pieces = [p for p in (p.strip(_STRIP) for p in _CREDIT_SPLIT.split(text.strip(_STRIP))) if p]
    if not pieces or not all(_piece_code(p) for p in pieces):
        return []
    return credit_wires(text)


_TOKEN = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _TOKEN.findall(normalize(_DOTS.sub("", text)).lower())


@lru_cache(maxsize=1)
def _cited_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word of each spelling that counts inside sentences -> ((other words, code), …), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for agency in agencies():
        for spelling in agency.names:
            words = _words(spelling)
            variants = [words]
            if len(words) > 1 and all(len(w) == 1 for w in words):  # أ ف ب is also written أ.ف.ب
                variants.append(["".join(words)])
            for variant in variants:
                if variant:
                    index.setdefault(variant[0], []).append((tuple(variant[1:]), agency.code))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in index.items()}


def _forms(token: str) -> list[str]:
    """A lower-case token and its forms without Arabic clitics (لوكالة, للأناضول) or Russian endings."""
    if not token:
        return []
    first = token[0]
    if "\u0621" <= first <= "\u064a":
        forms = [token]
        if first in "\u0648\u0641\u0644\u0628" and len(token) > 3:  # و ف ل ب
            forms.append(token[1:])
            if first in "\u0648\u0641" and token[1] in "\u0644\u0628":
                forms.append(token[2:])
        for lil in ("\u0644\u0644", "\u0648\u0644\u0644", "\u0641\u0644\u0644"):  # لل ولل فلل -> ال
            if token.startswith(lil):
                forms.append("\u0627" + token[len(lil) - 1 :])
        return forms
    if "\u0430" <= token[-1] <= "\u044f" and len(token) > 5:  # Интерфаксу, Рейтерс
        return [token, token[:-1], token[:-2]]
    return [token]


@lru_cache(maxsize=1 << 16)
def _starts(token: str) -> tuple[str, ...]:
    """The folded, lower-case forms of a token as written that start an agency's name (usually none)."""
    index = _cited_index()
    return tuple(f for f in _forms(_LETTERS.apply(token.replace(".", "")).lower()) if f in index)


@lru_cache(maxsize=1 << 16)
def _word_tokens(word: str) -> tuple[tuple[str, ...], bool]:
    """The tokens of a word (as split at white space; dots inside a name taken out) and whether one of
    them may start an agency's name. A token never spans white space, so the tokens of a text are
    those of its words in turn, and words repeat far more than texts do."""
    tokens = tuple(t.replace(".", "") if "." in t else t for t in _DOTTED_TOKEN.findall(word))
    return tokens, any(map(_starts, tokens))


# The folded text as bytes (see _FoldedTables): a gap between tokens, a word character that no name
# has, a capital letter (in the table that keeps the case), the tatweel (a word character that folds to
# nothing), a full stop.
_GAP, _OTHER, _CAPITAL, _TATWEEL, _DOT = 0x20, 0x21, 0x22, 0x23, 0x2E
_TATWEELS = bytes([_TATWEEL])
# A full stop inside a token (أ.ف.ب) of folded bytes: between two bytes that are neither _GAP nor _DOT.
_INNER_DOTS = re.compile(rb"\.(?<=[^ .]\.)(?=[^ .])")
_CLITICS = "\u0648\u0641\u0644\u0628"  # و ف ل ب, the letters _forms takes off the front of a word
# Characters between words in news text: spaces, punctuation, quotes, dashes, Arabic vowel marks.
_GAPS = (
    " \t\n\r\x0b\x0c\xa0,;:!\"'()[]{}<>-/\\|%&*+=#@$^~`\xab\xbb\xb7\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
    "\u060c\u061b\u061f\u066a\u066b\u066c\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u200c\u200f"
)  # ، ؛ ؟ ٪ ٫ ٬, the harakat, superscript alef, ZWNJ, RLM
# The characters that may be mapped one to one (if they are word characters that fold to one character):
# ASCII digits and letters, the underscore, Arabic letters ء-ي, Arabic-Indic and Persian digits.
_PLAIN_RANGES = (
    (0x30, 0x39),
    (0x41, 0x5A),
    (0x5F, 0x5F),
    (0x61, 0x7A),
    (0x621, 0x64A),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
)


@dataclass(frozen=True)
class _FoldedTables:
    """The tables that give :func:`cited_wires` its answer in C loops for texts whose word characters are
    all *plain* (digits, the underscore, ASCII letters, Arabic letters that fold to one letter, the
    tatweel: no Cyrillic or accented letter): such a text is encoded to one byte per character
    (``codecs.charmap_encode``), and the bytes are folded (``bytes.translate``): each letter of the names
    to its own byte (a capital as its small letter), every other word character to ``_OTHER``, the
    tatweel to ``_TATWEEL``, a full stop to ``_DOT``, every other character to ``_GAP``. The tokens of
    the folded bytes (full stops inside a token taken out, then the tatweel) are then exactly the folded
    tokens of the text, each letter of no name written as ``_OTHER``, which no name has. ``starts`` is
    every folded token whose forms start a name (its value: the spellings those forms start, in
    :func:`_forms` order): with no Cyrillic letter, a token that starts a name is its forms' letters
    after at most two clitic letters, so there are few."""

    encoding: Any  # a codecs encoding map: plain characters and a few others -> their slot
    fold: bytes  # bytes.translate table: slot -> folded byte
    case: bytes  # the same, but capital ASCII letters -> _CAPITAL
    latin: frozenset[int]  # the folded bytes of the ASCII letters of the names
    unknown: bytes  # the slot of "?", which also stands for every character not in the table
    odd: re.Pattern[str]  # a word character that is not plain: the text takes the general way
    # folded start token -> the (folded next words, code) of the spellings its forms start, longest first
    # per form and the forms in _forms order
    starts: dict[bytes, tuple[tuple[tuple[bytes, ...], str], ...]]


@lru_cache(maxsize=1)
def _folded_tables() -> _FoldedTables:
    index = _cited_index()
    words = [*index, *(w for entries in index.values() for rest, _ in entries for w in rest)]
    spelled = {c for word in words for c in word}
    letters = sorted(c for c in spelled if "\u0621" <= c <= "\u064a" or "a" <= c <= "z")  # Arabic, ASCII
    byte = {c: 0x41 + i for i, c in enumerate(letters)}
    plain = []
    for low, high in _PLAIN_RANGES:
        for char in map(chr, range(low, high + 1)):
            folded = _LETTERS.apply(char).lower()
            if _TOKEN.fullmatch(char) and len(folded) == 1:
                plain.append((char, byte.get(folded, _OTHER)))
            elif char == "\u0640":  # the tatweel, a word character that folds to nothing
                plain.append((char, _TATWEEL))
    # "?" also stands for every character not in the table (tables.unknown); the others are the usual
    # characters between words (none a word character), so that "?" is rare.
    others = [("?", _GAP), (".", _DOT), *((c, _GAP) for c in _GAPS if not _TOKEN.fullmatch(c))]
    slots = ["\x00", *(c for c, _ in plain + others)]
    fold = bytearray([_GAP] * 256)
    for slot, (_, folded_byte) in enumerate(plain + others, start=1):
        fold[slot] = folded_byte
    case = bytearray(fold)
    for slot, (char, _) in enumerate(plain, start=1):
        if "A" <= char <= "Z":
            case[slot] = _CAPITAL
    encoding = codecs.charmap_build("".join(slots).ljust(256, "\ufffe"))  # \ufffe: no character
    latin = frozenset(b for char, b in plain if char.isascii() and char.isalpha()) - {_OTHER}

    def encode(word: str) -> bytes:
        return codecs.charmap_encode(word, "strict", encoding)[0].translate(fold)

    rests = {
        key: tuple(
            (tuple(map(encode, rest)), code)
            for rest, code in entries
            if all(map(byte.__contains__, "".join(rest)))
        )
        for key, entries in index.items()
    }  # without the spellings whose next words have letters that no plain text has
    starts: dict[bytes, tuple[tuple[tuple[bytes, ...], str], ...]] = {}
    prefixes = ["", *_CLITICS, *(a + b for a in _CLITICS for b in _CLITICS)]
    for key in index:
        if not all(c in byte for c in key):
            continue  # a Latin or Cyrillic name: not in a plain text
        for variant in {key, key[1:]} - {""}:  # key[1:]: للأناضول has the form "ا" + لاناضول
            for prefix in prefixes:
                forms = [f for f in _forms(prefix + variant) if f in index]
                if forms:
                    starts[encode(prefix + variant)] = tuple(entry for f in forms for entry in rests[f])
    odd = re.compile("[^\\W" + re.escape("".join(c for c, _ in plain)) + "]")
    unknown = bytes([slots.index("?")])
    return _FoldedTables(encoding, bytes(fold), bytes(case), latin, unknown, odd, starts)


def _plain_tokens(data: bytes) -> list[bytes]:
    """The tokens of folded bytes: a full stop inside a token joins its parts (أ.ف.ب), others are gaps."""
    if b"." in data:
        data = _INNER_DOTS.sub(b"", data).replace(b".", b" ")
    return data.split()


def _cited_plain(encoded: bytes, tables: _FoldedTables) -> list[str]:
    """:func:`cited_wires` of a text whose word characters are all plain (see :class:`_FoldedTables`),
    given as its bytes in ``tables.encoding``."""
    data = encoded.translate(tables.fold)
    tokens = _plain_tokens(data)
    folded = tokens  # the tokens as folded: without tatweel (a token of tatweel only is an empty one)
    if _TATWEEL in data:
        folded = [token.replace(_TATWEELS, b"") for token in tokens]
    starts = tables.starts
    if starts.keys().isdisjoint(folded):  # most texts cite no agency
        return []
    found: list[str] = []
    cased: list[bytes] | None = None  # the tokens with their capitals, when a Latin name is met
    for i in compress(range(len(folded)), map(starts.__contains__, folded)):
        if tokens[i][0] in tables.latin:  # a token written with a Latin letter first counts if capitalized
            if cased is None:
                cased = _plain_tokens(encoded.translate(tables.case))
            if cased[i][0] != _CAPITAL:
                continue
        after = tuple(folded[i + 1 : i + 4])  # the tokens after it
        for rest, code in starts[folded[i]]:
            if after[: len(rest)] == rest:
                if code not in found:
                    found.append(code)
                break
    return found


def cited_wires(text: str) -> list[str]:
    """Agency codes that ``text`` (running sentences) names, in order of first mention, once each.

    Latin and Cyrillic names count only when capitalized as names are (``Спутник``, not ``спутник``).
    """
    tables = _folded_tables()
    encoded = codecs.charmap_encode(text, "replace", tables.encoding)[0]
    if tables.unknown not in encoded or tables.odd.search(text) is None:  # only plain word characters
        return _cited_plain(encoded, tables)
    return _cited_general(text)


def _cited_general(text: str) -> list[str]:
    """:func:`cited_wires` of any text, word by word."""
    words = list(map(_word_tokens, text.split()))
    if not any(map(itemgetter(1), words)):  # most texts cite no agency
        return []
    index = _cited_index()
    original = list(chain.from_iterable(map(itemgetter(0), words)))
    starts = list(map(_starts, original))  # only the tokens that start a name are read
    found: list[str] = []
    for i in compress(range(len(original)), starts):
        raw, forms = original[i], starts[i]
        head = raw[0]
        if (head.isascii() or "\u0400" <= head <= "\u04ff") and not head.isupper():
            continue
        tokens = [_LETTERS.apply(t).lower() for t in original[i + 1 : i + 4]]  # the words after it
        code = next((c for f in forms for rest, c in index[f] if tuple(tokens[: len(rest)]) == rest), None)
        if code is not None and code not in found:
            found.append(code)
    return found
