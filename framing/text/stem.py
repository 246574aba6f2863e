"""Optional stemming, cached per word: a light stemmer (tashaphyne) or a root stemmer (nltk's ISRI).

Both are slow on their own (tens of microseconds a word), so results are cached: a corpus pays once
per distinct word. The stemmers see the word as written less diacritics and tatweel (they know ة and
ى as affixes); their output is normalized with the same settings as the text.

>>> stem("والإرهابيين")
'ارهابي'
>>> stem("للمعارضة", stemmer="root")
'عرض'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from framing.text.normalize import Normalization

Stemmer = Literal["light", "root"]
_MARKS_ONLY = Normalization(
    alef=False,
    alef_maqsura=False,
    teh_marbuta=False,
    persian_letters=False,
    presentation_forms=False,
    digits=False,
)
STEMMERS: tuple[Stemmer, ...] = ("light", "root")


@lru_cache(maxsize=2)
def _stemmer(name: Stemmer) -> Any:
    if name == "light":
        from tashaphyne.stemming import ArabicLightStemmer

        return ArabicLightStemmer()
    from nltk.stem.isri import ISRIStemmer

    return ISRIStemmer()


@lru_cache(maxsize=500_000)
def _stem(word: str, name: Stemmer, normalization: Normalization) -> str:
    stemmer = _stemmer(name)
    raw = stemmer.light_stem(word) if name == "light" else stemmer.stem(word)
    out = normalization.apply(str(raw))
    return out or word


def stem(word: str, *, stemmer: Stemmer = "light", normalization: Normalization | None = None) -> str:
    """The stem of one word: ``light`` strips affixes (tashaphyne), ``root`` reduces to the root (ISRI).

    Latin words and numbers are returned normalized but otherwise unchanged.
    """
    if stemmer not in STEMMERS:
        raise ValueError(f"stemmer is {stemmer!r}; valid choices are {list(STEMMERS)}")
    norm = normalization or Normalization()
    # The stemmers know ة, ى and hamza forms as affixes: they see the word with only marks removed.
    marked = _MARKS_ONLY.apply(word)
    if not marked or not any("\u0621" <= c <= "\u064a" for c in marked):  # no Arabic letter: nothing to stem
        return norm.apply(word)
    return _stem(marked, stemmer, norm)
