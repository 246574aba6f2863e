"""Normalization and tokenization: hand-written Arabic cases and properties."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.normalize import Normalization, normalize
from framing.text.tokenize import tokenize, word_forms

ARABIC_ALPHABET = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(
    ARABIC_ALPHABET,
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),  # presentation forms
    st.sampled_from(list(" \n\t\u200f\u200e\u200c\u0640.,«»،؛؟-()ABCxyz0123456789")),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أحمد إبراهيم آمن ٱلله", "احمد ابراهيم امن الله"),  # alef forms
        ("كيرى على", "كيري علي"),  # alef maqsura
        ("سورية جبهة", "سوريه جبهه"),  # teh marbuta
        ("مُحَمَّدٌ وَالإِرْهَابِيِّينَ", "محمد والارهابيين"),  # harakat, shadda, sukun
        ("هٰذا", "هذا"),  # dagger alef
        ("مـــوسكو", "موسكو"),  # tatweel
        ("١٤ ۱۴ 14", "14 14 14"),  # Arabic-Indic, Persian and ASCII digits
        ("کیری", "كيري"),  # Persian keheh and yeh
        ("\ufefb\u0020\ufe8d\ufedf\ufee0\ufeea", "لا الله"),  # presentation forms: lam-alef, allah spelled
        ("\u200fموسكو\u200e \u200cكيري", "موسكو كيري"),  # direction marks and ZWNJ
        ("  كيري \n\n بوتين\t", "كيري بوتين"),  # white space folded
        ("NBC و CNN", "NBC و CNN"),  # Latin untouched
    ],
)
def test_normalize_cases(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_each_step_can_be_switched_off() -> None:
    assert normalize("إلى سورية", alef=False, alef_maqsura=False, teh_marbuta=False) == "إلى سورية"
    assert normalize("مُحمّد", diacritics=False) == "مُحمّد"
    assert normalize("١٤", digits=False) == "١٤"
    assert normalize("مـوسكو", tatweel=False) == "مـوسكو"


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.text(alphabet=MIXED))
def test_normalize_is_idempotent_and_never_raises(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.text())
def test_normalize_any_unicode(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.text(alphabet=MIXED))
def test_offsets_map_back(text: str) -> None:
    norm, index = Normalization().with_offsets(text)
    if index is None:
        assert len(norm) == len(text)
    else:
        assert len(index) == len(norm)
        assert index == sorted(index)
        assert all(0 <= i < len(text) for i in index)


@pytest.mark.parametrize(
    ("text", "forms", "surfaces"),
    [
        ("قال «لافروف»، إنّ", ["قال", "لافروف", "ان"], ["قال", "لافروف", "إنّ"]),
        ("والإرهابيّين؟", ["والارهابيين"], ["والإرهابيّين"]),
        ("مساءً.", ["مساء"], ["مساءً"]),  # trailing tanween stays with the word
        ("مـــوسكو", ["موسكو"], ["مـــوسكو"]),
        ("ISIS وNBC", ["isis", "وnbc"], ["ISIS", "وNBC"]),
        ("١٤/٧/٢٠١٦", ["14", "7", "2016"], ["١٤", "٧", "٢٠١٦"]),
        ("أ.ف.ب", ["ا", "ف", "ب"], ["أ", "ف", "ب"]),
        ("؛؟،", [], []),
        ("", [], []),
    ],
)
def test_tokenize_cases(text: str, forms: list[str], surfaces: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.form for t in tokens] == forms
    assert [t.text for t in tokens] == surfaces
    assert word_forms(text) == forms


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.text(alphabet=MIXED))
def test_token_text_is_the_original_span(text: str) -> None:
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(a.end <= b.start for a, b in pairwise(tokens))
    assert [t.form for t in tokens] == word_forms(text)


@pytest.mark.parametrize(
    "options",
    [
        Normalization(),
        Normalization(teh_marbuta=False, digits=False),
        Normalization(presentation_forms=False),
    ],
    ids=["all steps", "no teh marbuta or digits", "no presentation forms"],
)
def test_apply_reads_its_list_as_the_dict_table(options: Normalization) -> None:
    """``apply`` translates through a list indexed by code point (faster than the dict); every code
    point of the Basic Multilingual Plane, and characters past the list's end, come out as through the
    dict ``table``: mapped, deleted (diacritics, tatweel, invisibles), decomposed (presentation forms)
    or left alone."""
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    beyond = "\U0001d400\U0001f600\u200d\U00010000" + "\ufeff\uff01"
    for text in (every, beyond, "لِلأَنـبـاءِ ١٤ ﷲ ﻻ Ёлка ی ك"):
        assert options.apply(text) == text.translate(options.table)
    assert options.apply("\u064b") == ("" if options.diacritics else "\u064b")  # a deletion stays one


@settings(max_examples=300, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.text(alphabet=st.one_of(MIXED, st.sampled_from(list("\ufdf2\ufefb\ufc5e\u0640\u064b\u200f")))))
def test_offsets_are_those_of_each_character_in_turn(text: str) -> None:
    """``with_offsets`` indexes runs of one-to-one characters at once; the index is the one of reading
    every character in turn (a deleted one gives no entry, a decomposed one an entry per letter)."""
    options = Normalization()
    norm, index = options.with_offsets(text)
    each = [i for i, char in enumerate(text) for _ in range(len(options.table.get(ord(char), char)))]
    assert (index if index is not None else list(range(len(text)))) == each
    assert len(norm) == len(each)
