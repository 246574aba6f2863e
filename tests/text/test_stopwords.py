"""Stopwords: the arabic-stopwords list, normalized like the text, extendable, cached per normalization."""

from __future__ import annotations

import subprocess
import sys

import pytest

from framing.text.normalize import Normalization
from framing.text.stopwords import is_stopword, stopwords


def test_the_package_list_is_normalized() -> None:
    import arabicstopwords.arabicstopwords as stp

    raw = stp.stopwords_list()
    assert len(raw) == 13465  # arabic-stopwords 0.4.3
    words = stopwords()
    # Spelling variants fold into one form: fewer forms than raw words.
    assert 10000 < len(words) < len(raw)
    assert all(w == w.lower() and " " not in w for w in words)
    assert "إلى" not in words  # hamza and alef maqsura are normalized away


NORMALIZED = [
    # written, is a stopword
    ("إلى", True),
    ("الى", True),  # without hamza
    ("إلي", True),  # with yeh
    ("وإلى", True),  # a clitic form from the list
    ("فى", True),  # Egyptian spelling of في
    ("في", True),
    ("مِنْ", True),  # diacritics
    ("عـــلى", True),  # tatweel
    ("التي", True),
    ("هذه", True),
    ("بأنه", True),
    ("إرهاب", False),
    ("موسكو", False),
    ("النظام", False),
    ("من أجل", False),  # two words are never one stopword
    ("", False),
]


@pytest.mark.parametrize(("word", "expected"), NORMALIZED)
def test_is_stopword(word: str, expected: bool) -> None:
    assert is_stopword(word) is expected


def test_other_normalizations() -> None:
    keep = Normalization(alef=False, alef_maqsura=False)
    words = stopwords(normalization=keep)
    assert "إلى" in words and "الي" not in words
    assert is_stopword("إلى", normalization=keep)
    assert not is_stopword("فى", normalization=keep)  # the list writes في
    assert "الي" in stopwords(normalization=Normalization(teh_marbuta=False))


def test_extra_words_are_normalized_the_same_way() -> None:
    words = stopwords(extra=["قال", "أضاف", "مُشيراً"])
    assert {"قال", "اضاف", "مشيرا"} <= words
    assert "اضاف" not in stopwords()  # the base list is unchanged
    assert is_stopword("أضاف", extra=["اضاف"])
    assert stopwords(extra=[]) is stopwords()  # cached per normalization


def test_extra_words_must_be_single_words() -> None:
    with pytest.raises(ValueError, match=r"extra stopword 'من أجل' is 2 word forms \['من', 'اجل'\]"):
        stopwords(extra=["من أجل"])
    with pytest.raises(ValueError, match=r"extra stopword '«»' is 0 word forms"):
        stopwords(extra=["«»"])
    with pytest.raises(TypeError, match="extra stopwords must be strings; found int 3"):
        stopwords(extra=[3])  # type: ignore[list-item]


def test_arabicstopwords_is_imported_lazily() -> None:
    code = "import sys, framing.text.stopwords; print('arabicstopwords' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
