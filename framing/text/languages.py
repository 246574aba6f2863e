"""Per-language text processing for corpora in Arabic, English, Russian and other languages.

The ``language`` column of a corpus (ISO 639-1, ``und`` when undetermined) chooses how a text is
folded into words, which stopwords are left out and which stemmer (optional) applies:

- :func:`detect_language`: the language of a text, offline (:func:`framing.load.language.detect_language`,
  the detector the loader fills the ``language`` column with, re-exported here);
- :func:`fold`: case folding for Latin and Cyrillic (``str.casefold``), typographic apostrophes unified,
  English possessives dropped (``Assad's`` -> ``assad``), ``ё`` -> ``е`` in Russian;
- :func:`content_words`: the words of a text as matching forms (the project's tokenizer, so Arabic keeps
  its normalization), folded for the language, without stopwords, numbers or one-letter tokens;
- :func:`language_stopwords`: Arabic from arabic-stopwords (as :func:`framing.text.stopwords.stopwords`),
  other languages from the maintained ``stop-words`` package (see ``STOPWORD_SOURCE``), folded the same way;
- :func:`language_stem`: Snowball stemmers (``snowballstemmer``, no downloads) for English, Russian, French
  and Turkish; Arabic uses :func:`framing.text.stem.stem`.

Rates per 1,000 tokens are NOT comparable across languages: Arabic attaches the article, conjunctions
and prepositions to the word that follows, English and Russian write them as words of their own, so the
same article has far fewer Arabic tokens than English ones. Compare languages with shares of articles.

>>> fold("Assad’s forces", "en")
'assad forces'
>>> fold("Её ОБЪЕДИНЁННЫЕ силы", "ru")
'ее объединенные силы'
>>> content_words("The rebels' positions near the city of Aleppo were shelled.", "en")
['rebels', 'positions', 'city', 'aleppo', 'shelled']
>>> content_words("Боевики обстреляли позиции армии на окраине Алеппо.", "ru")
['боевики', 'обстреляли', 'позиции', 'армии', 'окраине', 'алеппо']
>>> language_stem("террористов", "ru"), language_stem("negotiations", "en")
('террорист', 'negoti')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal

from framing.load.language import UNDETERMINED, detect_language  # one detector: the loader's
from framing.text.normalize import Normalization
from framing.text.tokenize import word_forms

__all__ = [
    "STEMMED_LANGUAGES",
    "STOPWORD_LANGUAGES",
    "STOPWORD_SOURCE",
    "UNDETERMINED",
    "all_stopwords",
    "content_words",
    "detect_language",
    "fold",
    "language_stem",
    "language_stopwords",
]

# ISO 639-1 code -> the name the stop-words package uses.
_STOP_WORDS_NAMES = {
    "en": "english", "ru": "russian", "fr": "french", "tr": "turkish", "fa": "persian", "de": "german",
    "es": "spanish", "it": "italian", "uk": "ukrainian", "pt": "portuguese", "nl": "dutch", "he": "hebrew",
}  # fmt: skip
STOPWORD_LANGUAGES: tuple[str, ...] = ("ar", *_STOP_WORDS_NAMES)
STOPWORD_SOURCE = "arabic-stopwords (ar); stop-words (other languages)"
# ISO 639-1 code -> the Snowball algorithm.
_SNOWBALL = {
    "en": "english", "ru": "russian", "fr": "french", "tr": "turkish", "de": "german", "es": "spanish",
}  # fmt: skip
STEMMED_LANGUAGES: tuple[str, ...] = ("ar", *_SNOWBALL)

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\u0060\u00b4", "'"))  # ’ ‘ ʼ ′ ` ´
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?!\w)", re.IGNORECASE)  # Assad's, rebels'
_YO = str.maketrans({"\u0451": "\u0435", "\u0401": "\u0415"})  # ё -> е, Ё -> Е
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")  # don't -> dont, l'armée -> l armée (French below)
_FRENCH_ELISION = re.compile(r"\b([cdjlmnst]|qu)'(?=\w)", re.IGNORECASE)  # l'armée -> armée


def base_language(language: object) -> str:
    """The ISO 639-1 part of a language value (``en-GB`` -> ``en``); ``und`` for missing values.

    >>> base_language("en-GB"), base_language(None), base_language("RU")
    ('en', 'und', 'ru')
    """
    if not isinstance(language, str) or not language.strip():
        return UNDETERMINED
    return language.strip().lower().replace("_", "-").split("-")[0]


def fold(text: str, language: str) -> str:
    """``text`` prepared for tokenizing in ``language``: the per-language steps, then case folding.

    Typographic apostrophes become ``'`` and English possessives are dropped (``Assad's`` -> ``Assad``,
    ``rebels'`` -> ``rebels``); other apostrophes inside a word are removed (``don't`` -> ``dont``); French
    elisions are split off (``l'armée`` -> ``armée``); Russian ``ё`` becomes ``е``. Arabic text is
    returned unchanged (its normalization is :class:`~framing.text.normalize.Normalization`). Hyphens
    separate words (``so-called`` -> ``so``, ``called``) when the text is tokenized.

    >>> fold("The so-called ‘moderate’ rebels' L'ARMÉE", "fr")
    "the so-called 'moderate' rebels' armée"
    >>> fold("don't", "en")
    'dont'
    """
    lang = base_language(language)
    if lang == "ar":
        return text
    out = text.translate(_APOSTROPHES)
    if lang == "en":
        out = _POSSESSIVE.sub("", out)
    elif lang == "fr":
        out = _FRENCH_ELISION.sub("", out)
    elif lang in ("ru", "uk", "be"):
        out = out.translate(_YO)
    out = _INNER_APOSTROPHE.sub("", out)
    return out.casefold()


def _words(text: str, language: str, normalization: Normalization | None) -> list[str]:
    return word_forms(fold(text, language), normalization=normalization)


@lru_cache(maxsize=64)
def language_stopwords(language: str, *, normalization: Normalization | None = None) -> frozenset[str]:
    """The stopwords of ``language`` as matching forms (folded and normalized like the text).

    Arabic: :func:`framing.text.stopwords.stopwords`. Other languages: the ``stop-words`` package (chosen
    over ``stopwordsiso``: its Russian list holds content words such as ``россия``, ``война``, ``страна``).
    A language without a list gives an empty set.

    >>> {"the", "of", "s"} <= language_stopwords("en"), "syria" in language_stopwords("en")
    (True, False)
    >>> {"на", "за", "ее"} <= language_stopwords("ru"), "россия" in language_stopwords("ru")
    (True, False)
    """
    lang = base_language(language)
    if lang == "ar":
        from framing.text.stopwords import stopwords

        return stopwords(normalization=normalization)
    name = _STOP_WORDS_NAMES.get(lang)
    if name is None:
        return frozenset()
    from stop_words import get_stop_words  # imported here: nothing happens at import time

    out: set[str] = {"s"} if lang == "en" else set()  # what is left of a possessive the text kept
    for word in get_stop_words(name, cache=False):
        forms = _words(word, lang, normalization)
        if len(forms) == 1:
            out.add(forms[0])
        # as the tokenizer splits the word when a text keeps its apostrophe: don't -> don, t
        out.update(f for f in word_forms(word.casefold(), normalization=normalization) if len(f) > 1)
    return frozenset(out)


def all_stopwords(
    languages: Iterable[str] = STOPWORD_LANGUAGES, *, normalization: Normalization | None = None
) -> frozenset[str]:
    """The union of the stopwords of ``languages``: for words shown from a corpus in several languages.

    >>> words = all_stopwords(["ar", "en", "ru"])
    >>> "the" in words and "на" in words and "في" in words
    True
    """
    out: frozenset[str] = frozenset()
    for language in dict.fromkeys(base_language(x) for x in languages):
        out |= language_stopwords(language, normalization=normalization)
    return out


@lru_cache(maxsize=8)
def _snowball(algorithm: str) -> Any:
    import snowballstemmer  # imported here: nothing happens at import time

    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=200_000)
def language_stem(word: str, language: str) -> str:
    """The stem of one folded word in ``language``; the word itself for a language without a stemmer.

    English, Russian, French, Turkish, German and Spanish use Snowball (``snowballstemmer``); Arabic uses
    the light stemmer of :func:`framing.text.stem.stem`.

    >>> language_stem("Асада", "ru"), language_stem("Асаду", "ru"), language_stem("rebels", "en")
    ('асад', 'асад', 'rebel')
    >>> language_stem("والإرهابيين", "ar"), language_stem("word", "und")
    ('ارهابي', 'word')
    """
    lang = base_language(language)
    if lang == "ar":
        from framing.text.stem import stem

        return stem(word)
    algorithm = _SNOWBALL.get(lang)
    folded = fold(word, lang)
    if algorithm is None:
        return folded
    return str(_snowball(algorithm).stemWord(folded))


def content_words(
    text: str,
    language: str,
    *,
    stem: bool = False,
    normalization: Normalization | None = None,
    stopwords: Literal["language", "all"] = "all",
) -> list[str]:
    """The content words of ``text`` in ``language``: folded forms, no stopwords, numbers or 1-letter tokens.

    ``stopwords="all"`` (the default) leaves out the stopwords of every language with a list (a quoted
    English phrase inside Arabic text loses its ``the`` too); ``"language"`` only those of ``language``.
    ``stem=True`` stems each word (:func:`language_stem`).

    >>> content_words("Assad's army and the so-called opposition", "en", stem=True)
    ['assad', 'armi', 'call', 'opposit']
    """
    if stopwords not in ("language", "all"):
        raise ValueError(f"stopwords is {stopwords!r}; valid choices are ['language', 'all']")
    lang = base_language(language)
    stop = (
        all_stopwords(normalization=normalization)
        if stopwords == "all"
        else language_stopwords(lang, normalization=normalization)
    )
    out = [w for w in _words(text, lang, normalization) if len(w) > 1 and not w.isdigit() and w not in stop]
    return [language_stem(w, lang) for w in out] if stem else out
