"""Stemming: both stemmers, normalization of input and output, caching, bad choices."""

from __future__ import annotations

import pytest

from framing.text.stem import _stem, stem


@pytest.mark.parametrize(
    ("word", "light", "root"),
    [
        ("والإرهابيين", "ارهابي", "رهب"),
        ("للمعارضة", "معارض", "عرض"),
        ("المعارضه", "معارضه", "عرض"),  # written with ه, the light stemmer cannot tell it from a suffix
        ("محادثات", "محادث", "حدث"),
        ("يتفاوضون", "تفاوض", "فوض"),
        ("بالنظام", "نظام", "نظم"),
        ("الإرهابـــيين", "ارهابي", "رهب"),  # tatweel
    ],
)
def test_stems(word: str, light: str, root: str) -> None:
    assert stem(word) == light
    assert stem(word, stemmer="root") == root


def test_non_arabic_is_left_alone() -> None:
    assert stem("NBC") == "NBC"
    assert stem("٢٠١٦") == "2016"


def test_stems_are_cached() -> None:
    _stem.cache_clear()
    stem("والإرهابيين")
    stem("والإرهابيين")
    assert _stem.cache_info().hits >= 1


def test_bad_stemmer_is_named() -> None:
    with pytest.raises(ValueError, match=r"stemmer is 'porter'; valid choices are \['light', 'root'\]"):
        stem("كلمة", stemmer="porter")  # type: ignore[arg-type]
