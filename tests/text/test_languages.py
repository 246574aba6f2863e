"""Per-language text processing: detection on a labelled set, folding, stopwords, stemming."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from framing.text.languages import (
    UNDETERMINED,
    all_stopwords,
    base_language,
    content_words,
    detect_language,
    fold,
    language_stem,
    language_stopwords,
)

LABELLED = Path(__file__).parents[1] / "data" / "languages" / "labelled.yaml"


def _labelled() -> list[dict[str, str]]:
    articles: list[dict[str, str]] = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["articles"]
    return articles


def test_labelled_set_covers_six_languages_and_varied_lengths() -> None:
    articles = _labelled()
    counts = Counter(a["language"] for a in articles)
    assert counts == dict.fromkeys(["ar", "en", "ru", "fr", "tr", "fa"], 10)
    words = [len(a["text"].split()) for a in articles]
    assert min(words) <= 8 and max(words) >= 40


def test_detection_is_right_on_at_least_98_percent_of_the_labelled_set() -> None:
    articles = _labelled()
    wrong = [(a["language"], detect_language(a["text"]), a["text"][:50]) for a in articles]
    wrong = [w for w in wrong if w[0] != w[1]]
    accuracy = 1 - len(wrong) / len(articles)
    assert accuracy >= 0.98, wrong


def test_detection_per_language_is_never_worse_than_nine_in_ten() -> None:
    by_language: dict[str, list[bool]] = {}
    for a in _labelled():
        by_language.setdefault(a["language"], []).append(detect_language(a["text"]) == a["language"])
    assert {lang: sum(v) for lang, v in by_language.items() if sum(v) < 9} == {}


def test_short_or_letterless_texts_are_undetermined() -> None:
    assert detect_language("") == UNDETERMINED
    assert detect_language("١٤ / ٠٧ / 2016 — 14:41") == UNDETERMINED
    assert detect_language("NATO") == UNDETERMINED


def test_arabic_with_latin_names_stays_arabic() -> None:
    text = "قال متحدث باسم NATO في مؤتمر صحفي إن اجتماع بروكسل ناقش ملف التمويل مع ممثلي UNICEF."
    assert detect_language(text) == "ar"


def test_detection_is_the_loaders() -> None:
    from framing.load import language

    assert detect_language is language.detect_language  # one detector for the loader and the text tools


def test_base_language() -> None:
    assert [base_language(x) for x in ("en-GB", "ru_RU", " AR ", "", None, float("nan"))] == [
        "en", "ru", "ar", "und", "und", "und",
    ]  # fmt: skip


def test_fold_latin_and_cyrillic() -> None:
    assert fold("The Rebels’ LEADER, Assad’s army", "en") == "the rebels leader, assad army"
    assert fold("Сирийская АРМИЯ и её союзники; ЁЛКА", "ru") == "сирийская армия и ее союзники; елка"
    assert fold("L’armée d’Assad", "fr") == "armée assad"
    assert fold("İSTANBUL", "tr") == "i̇stanbul"  # casefold keeps the dot as a combining mark
    assert fold("النظامُ السوريّ", "ar") == "النظامُ السوريّ"  # Arabic: Normalization's job


def test_fold_keeps_hyphens_for_the_tokenizer_to_split() -> None:
    assert fold("so-called", "en") == "so-called"
    assert content_words("the so-called moderate opposition", "en") == ["called", "moderate", "opposition"]


def test_stopwords_per_language_and_their_sources() -> None:
    en, ru = language_stopwords("en"), language_stopwords("ru")
    assert {"the", "of", "and", "to", "in", "on", "was", "by"} <= en
    assert {"на", "за", "в", "и", "не", "что", "по", "для", "ее"} <= ru  # ё folded: её -> ее
    assert not {"syria", "russia", "army", "regime", "rebels"} & en
    assert not {"сирия", "россия", "армия", "режим", "война"} & ru
    assert "في" in language_stopwords("ar") and "الي" in language_stopwords("ar")
    assert language_stopwords("xx") == frozenset()
    mixed = all_stopwords(["ar", "en", "ru"])
    assert {"the", "на", "في"} <= mixed


def test_stopword_coverage_of_frequent_function_words() -> None:
    """Every one of the most frequent function words of each language is in its list (measured)."""
    frequent = {
        "en": "the of and to in a is that for on with as was by it at from he said his has have had be were",
        "ru": "в и на не что с по к о за из от для это как а но же то он она они его ее их был была было",
        "fr": "le la les de des du et en un une au aux est que qui dans pour sur par pas avec il elle",
        "fa": "و در به از که این را با است برای آن یک شد تا بر هم نیز",
        "tr": "ve bir bu da de için ile ne çok daha gibi ama",
    }
    for lang, words in frequent.items():
        stop = language_stopwords(lang)
        missing = [w for w in content_words(words, lang, stopwords="language")]
        assert missing == [], (lang, missing)
        assert len(stop) > 100


def test_content_words_drop_stopwords_numbers_and_single_letters() -> None:
    text = "On 12 July, the army of Syria and its allies took 3 villages."
    # "took" is in the English list, "году" and "три" in the Russian one
    assert content_words(text, "en") == ["july", "army", "syria", "allies", "villages"]
    ru = "В 2016 году армия Сирии и её союзники заняли три села."
    assert content_words(ru, "ru") == ["армия", "сирии", "союзники", "заняли", "села"]
    ar = "قالت الحكومة في بيان إن الجيش سيطر على 3 قرى."
    assert "في" not in content_words(ar, "ar") and "الحكومه" in content_words(ar, "ar")


def test_content_words_stopwords_of_every_language_by_default() -> None:
    assert content_words("the army на войне", "en") == ["army", "войне"]
    assert content_words("the army на войне", "en", stopwords="language") == ["army", "на", "войне"]
    with pytest.raises(ValueError, match="valid choices"):
        content_words("x", "en", stopwords="none")  # type: ignore[arg-type]


def test_snowball_stemming_for_russian_inflection_and_english() -> None:
    assert {language_stem(w, "ru") for w in ("Асад", "Асада", "Асаду", "Асадом", "Асаде")} == {"асад"}
    assert {language_stem(w, "ru") for w in ("террористы", "террористов", "террористами")} == {"террорист"}
    assert {language_stem(w, "en") for w in ("rebel", "rebels", "Rebels")} == {"rebel"}
    assert language_stem("negotiations", "en") == language_stem("negotiation", "en")
    assert language_stem("Word", "xx") == "word"  # no stemmer: folded only
    assert content_words("Rebels shelled rebel positions", "en", stem=True) == [
        "rebel", "shell", "rebel", "posit",
    ]  # fmt: skip
