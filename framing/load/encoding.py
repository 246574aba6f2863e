"""Decode the bytes of a page file: UTF-8 (with or without BOM), UTF-16, Windows-1256 and Windows-1252.

A file that cannot be decoded raises :class:`DecodeError` with the reason; it is never mangled
silently. Bytes that are neither UTF-8 nor UTF-16 are read in a legacy single-byte code page:
Windows-1256 (Arabic) or Windows-1252 (Latin-1 and Western European), whichever reading gives fewer
implausible words (a word mixing Arabic and Latin letters, an Arabic vowel mark after no Arabic letter);
Arabic wins a tie. :func:`decode_page` says when such a fallback was used (``Decoded.fallback``), so the
loader can warn. ``benchmarks/bench_encoding.py`` measures this rule against charset-normalizer.

>>> decode_bytes("كيري".encode("cp1256"))
('كيري', 'cp1256')
>>> decode_bytes("Die Straße in München".encode("cp1252"))
('Die Straße in München', 'cp1252')
>>> decode_bytes(b"\\xef\\xbb\\xbf" + "بوتين".encode())
('بوتين', 'utf-8-sig')
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Lead byte of a two-byte UTF-8 sequence for the Arabic block (U+0600-U+06FF) followed by a continuation
# byte: text that is mostly such pairs is damaged UTF-8, not Windows-1256.
_UTF8_ARABIC_PAIR = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# C1 controls (U+0080-U+009F) and private-use or unassigned code points are not in any real text.
_C1 = re.compile(r"[\x80-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # _CONTROL or _C1
# The same in UTF-8 bytes: the ASCII controls are single bytes, the C1 controls \xc2 and \x80-\x9f.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
# A run of letters and marks (no digits, no underscore) holding a non-ASCII letter or mark.
_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*|[\u064b-\u065f\u0670]+")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_HIGH = re.compile(r"[\u00c0-\u024f]")
_LOWER_UPPER = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")
_ARABIC_ALPHABET = re.compile(r"[\u0621-\u064a]")  # the letters of the Arabic language (ء to ي)
# An Arabic vowel mark (harakat, U+064B-U+0652) that follows no Arabic letter.
_ORPHAN_MARK = re.compile(r"(?<![\u0620-\u064a\u064b-\u0652\u0671-\u06d3])[\u064b-\u0652]")
_TEXTUAL = re.compile(r"[^\W_]|\s|[\u064b-\u0652]")
MIN_TEXTUAL = 0.75  # share of letters, digits, marks and spaces a page read in a guessed code page has
LEGACY = ("cp1256", "cp1252")  # the single-byte code pages tried, Arabic first
FALLBACKS = frozenset(LEGACY) | {"utf-16-le", "utf-16-be"}  # detected without a BOM or strict UTF-8


class DecodeError(ValueError):
    """The bytes are not text in any encoding framing reads."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and whether it was a fallback (a guess, not UTF-8 or a BOM)."""

    text: str
    encoding: str

    @property
    def fallback(self) -> bool:
        return self.encoding in FALLBACKS


def _check_text(text: str, encoding: str, data: bytes | None = None) -> str:
    """``text`` when it is not binary (a few control characters at most); ``data``, when given, are its
    UTF-8 bytes, where a control character is a byte below 0x20 or 0x7F, or a C1 control's two bytes."""
    if data is not None:
        if len(data.translate(None, _CONTROL_BYTES)) == len(data) and (
            b"\xc2" not in data or _C1_BYTES.search(data) is None
        ):
            return text  # the usual page: nothing to count, found without reading the text
    elif _ANY_CONTROL.search(text) is None:  # the usual page: nothing to count
        return text
    controls = len(_CONTROL.findall(text)) + len(_C1.findall(text))
    if controls > max(2, len(text) // 1000):
        raise DecodeError(f"looks binary: {controls} control characters after decoding as {encoding}")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the encoding name when ``data`` looks like UTF-16 without a BOM."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    # Arabic in UTF-16 has 0x06 as the high byte; ASCII has 0x00.
    high_le = sum(1 for b in odd if b in (0x00, 0x06)) / len(odd)
    high_be = sum(1 for b in even if b in (0x00, 0x06)) / len(even)
    if high_le > 0.9:
        return "utf-16-le"
    if high_be > 0.9:
        return "utf-16-be"
    return None


def implausible_words(text: str) -> tuple[int, int]:
    """``(implausible, words)`` among the words holding a non-ASCII letter.

    Implausible: a word mixing Arabic and Latin letters (``Straكe``), an Arabic vowel mark after no
    Arabic letter, a Persian or Urdu letter standing alone, a Latin word with an upper-case letter after a
    lower-case one around an accented letter (``ÇáÓæÑí``), or one of three letters or more all accented.

    >>> implausible_words("Straكe in Mühlheim")
    (1, 2)
    >>> implausible_words("ÇáÓæÑí")
    (1, 1)
    >>> implausible_words("بيروت - أ ف ب")
    (0, 4)
    """
    bad = len(_ORPHAN_MARK.findall(text))
    words = 0
    for word in _WORD.findall(text):
        words += 1
        arabic = _ARABIC.search(word) is not None
        if arabic:
            # A letter of Persian or Urdu standing alone (ہ for À, ے for ÿ) is a Latin page misread.
            bad += _LATIN.search(word) is not None or (len(word) == 1 and not _ARABIC_ALPHABET.match(word))
        elif _LOWER_UPPER.search(word) or (len(word) >= 3 and len(_LATIN_HIGH.findall(word)) == len(word)):
            bad += 1
    return bad, words


def _legacy(data: bytes) -> tuple[str, str]:
    """The more plausible of the Windows-1256 and Windows-1252 readings (Arabic on a tie)."""
    best: tuple[int, int, str, str] | None = None
    for encoding in LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
            continue
        bad, words = implausible_words(text)
        if best is None or bad < best[0]:
            best = (bad, words, text, encoding)
    assert best is not None  # cp1256 maps every byte
    bad, words, text, encoding = best
    if words >= 4 and bad > words // 2:
        raise DecodeError(f"looks binary: {bad} of {words} words are implausible in {' and '.join(LEGACY)}")
    # A guessed code page must read like text: no control character (but a final DOS end-of-file mark),
    # and mostly letters, digits, marks and spaces.
    controls = len(_CONTROL.findall(text.removesuffix("\x1a")))
    if controls:
        raise DecodeError(f"looks binary: {controls} control character(s) in a file that is not UTF-8")
    if len(text) >= 20:
        share = len(_TEXTUAL.findall(text)) / len(text)
        if share < MIN_TEXTUAL:
            raise DecodeError(
                f"looks binary: only {share:.0%} letters, digits and spaces read as {encoding} "
                f"(text has over {MIN_TEXTUAL:.0%})"
            )
    return text, encoding


def decode_page(data: bytes) -> Decoded:
    """Decode ``data`` (see :func:`decode_bytes`), saying whether the encoding was a fallback guess.

    >>> decode_page("Straße".encode("latin-1"))
    Decoded(text='Straße', encoding='cp1252')
    >>> decode_page("Straße".encode("latin-1")).fallback
    True
    """
    text, encoding = decode_bytes(data)
    return Decoded(text, encoding)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise :class:`DecodeError` with the reason.

    Order: a BOM (UTF-8, UTF-16 LE/BE), UTF-16 without BOM, strict UTF-8, then Windows-1256 or
    Windows-1252 when the bytes are not damaged UTF-8. Files with NUL bytes that are not UTF-16, and
    text with control characters or mostly implausible words, are binary.

    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    Traceback (most recent call last):
    ...
    framing.load.encoding.DecodeError: binary file (NUL bytes, not UTF-16)
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise DecodeError("binary file (NUL bytes, not UTF-16)")
        encoding = found
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise DecodeError(f"not valid {encoding} at byte {exc.start}") from exc
        utf8_error = exc
    else:
        if encoding.startswith("utf-16") and re.search(r"[\ud800-\udfff]", text):
            raise DecodeError(f"not valid {encoding}: a lone surrogate")
        return _check_text(text, encoding, data if encoding.startswith("utf-8") else None), encoding
    high = len(_HIGH_BYTE.findall(data))
    pairs = len(_UTF8_ARABIC_PAIR.findall(data))
    # In UTF-8 Arabic nearly every high byte is in such a pair; in Windows-1256 Arabic few are
    # (a letter ط ظ ع غ before ، ؛ ؟), at most two of every three high bytes even word by word.
    if high and 2 * pairs >= 0.8 * high:
        raise DecodeError(
            f"damaged UTF-8: invalid byte {data[utf8_error.start]:#04x} at offset {utf8_error.start}"
            " in a file that is otherwise UTF-8"
        )
    text, encoding = _legacy(data)
    return _check_text(text, encoding), encoding
