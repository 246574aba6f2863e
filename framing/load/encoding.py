"""Decode the bytes of a page file: UTF-8 (with or without BOM), UTF-16 and Windows-1256, detected.

A file that cannot be decoded raises :class:`DecodeError` with the reason; it is never mangled
silently.

>>> decode_bytes("كيري".encode("cp1256"))
('كيري', 'cp1256')
>>> decode_bytes(b"\\xef\\xbb\\xbf" + "بوتين".encode())
('بوتين', 'utf-8-sig')
"""

from __future__ import annotations

import codecs
import re

# Lead byte of a two-byte UTF-8 sequence for the Arabic block (U+0600-U+06FF) followed by a continuation
# byte: text that is mostly such pairs is damaged UTF-8, not Windows-1256.
_UTF8_ARABIC_PAIR = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text in any encoding framing reads."""


def _check_text(text: str, encoding: str) -> str:
    controls = len(_CONTROL.findall(text))
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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise :class:`DecodeError` with the reason.

    Order: a BOM (UTF-8, UTF-16 LE/BE), UTF-16 without BOM, strict UTF-8, then Windows-1256 when the
    bytes are not damaged UTF-8. Files with NUL bytes that are not UTF-16 are binary.

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
        return _check_text(data.decode(encoding), encoding), encoding
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise DecodeError(f"not valid {encoding} at byte {exc.start}") from exc
        utf8_error = exc
    high = len(_HIGH_BYTE.findall(data))
    pairs = len(_UTF8_ARABIC_PAIR.findall(data))
    # In UTF-8 Arabic nearly every high byte is in such a pair; in Windows-1256 Arabic few are
    # (a letter ط ظ ع غ before ، ؛ ؟), at most two of every three high bytes even word by word.
    if high and 2 * pairs >= 0.8 * high:
        raise DecodeError(
            f"damaged UTF-8: invalid byte {data[utf8_error.start]:#04x} at offset {utf8_error.start}"
            " in a file that is otherwise UTF-8"
        )
    try:
        return _check_text(data.decode("cp1256"), "cp1256"), "cp1256"
    except UnicodeDecodeError as exc:  # cp1256 maps every byte today; kept for other Python builds
        raise DecodeError(f"neither UTF-8 nor Windows-1256 (byte {exc.start})") from exc
