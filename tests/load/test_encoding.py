"""Decoding page files: every encoding framing reads, and the bytes it must refuse."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.load.encoding import DecodeError, decode_bytes

TEXT = (
    "«كيري» في موسكو - الفرنسية\nنشر في: الخميس ١٤ يوليه 2016 - 9:16 م\nوصل وزير الخارجية الأميركي، جون كيري."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.replace("١٤", "14").encode("cp1256"), "cp1256"),  # cp1256 has no Arabic-Indic digits
    ],
)
def test_each_encoding_is_detected(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert text == (TEXT.replace("١٤", "14") if encoding == "cp1256" else TEXT)


def test_binary_file_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(png)


def test_control_characters_mean_binary() -> None:
    with pytest.raises(DecodeError, match="looks binary"):
        decode_bytes(bytes(range(1, 9)) * 20)


def test_damaged_utf8_is_refused_not_mangled() -> None:
    head = TEXT[:10].encode("utf-8")
    damaged = head + b"\xff\xfe" + TEXT[10:].encode("utf-8")
    with pytest.raises(DecodeError, match=f"damaged UTF-8: invalid byte 0xff at offset {len(head)}"):
        decode_bytes(damaged)


def test_cut_inside_an_arabic_letter_is_refused() -> None:
    data = "كيري".encode()
    with pytest.raises(DecodeError, match="damaged UTF-8"):
        decode_bytes(data + data[:1])


def test_odd_length_utf16_is_refused() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(TEXT.encode("utf-16")[:-1])


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(text, str)
    assert encoding in {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "cp1252"}


WORDS = [
    "كيري",
    "بوتين",
    "موسكو",
    "مع",
    "اتفاق",
    "الشرع",
    "طرابلس",
    "ظل",
    "غارة",
    "الأسد",
    "سوريا",
    "النظام",
    "جبهة",
    "النصرة",
    "إلى",
    "على",
    "التي",
    "مؤتمر",
    "صحفي",
    "وقال",
    "ضد",
    "قرى",
    "2016",
]


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "، ", ". ", "؟ ", "؛ ", "\n"])), min_size=1
    )
)
def test_cp1256_arabic_text_round_trips(words: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in words)
    expected = "utf-8" if text.isascii() else "cp1256"  # ASCII bytes are UTF-8 as well
    assert decode_bytes(text.encode("cp1256")) == (text, expected)
