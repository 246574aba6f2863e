"""The matcher against the previous one (``reference_matcher.py``, a copy of it) on random corpora.

Each corpus is drawn from made-up Arabic stems with everything the tokenizer and the clitic rules care
about: proclitic chains, diacritics, tatweel, hamza and alef forms, ة/ه, ى/ي, Arabic-Indic and Persian
digits, Latin words in both cases, punctuation glued to words, invisible marks, presentation forms, a
letter outside the BMP, a Greek capital sigma, a dotted capital I. Each lexicon mixes words, globs (short
ones too), exact entries and phrases (a glob last word too) in three frames, duplicates across frames
included; some entries are written into the texts. Both matchers must give the same rows (offsets
included), counts and token counts, for several ``min_stem`` values and normalizations, and whatever the
chunk size.
"""

from __future__ import annotations

import functools
import random
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pytest

import framing
from framing.lexicon.match import Matcher
from framing.lexicon.match import _code as _CODE
from framing.text.normalize import Normalization
from framing.text.vocabulary import Vocabulary
from tests.lexicon import reference_matcher as reference

STEMS = [
    "\u0646\u0638\u0627\u0645",  # نظام
    "\u0645\u0639\u0627\u0631\u0636\u0629",  # معارضة
    "\u0625\u0631\u0647\u0627\u0628",  # إرهاب
    "\u0633\u0648\u0631\u064a",  # سوري
    "\u0644\u0642\u0627\u0621",  # لقاء
    "\u0643\u064a\u0631\u0649",  # كيرى
    "\u0628\u064a\u0646",  # بين
    "\u0648\u0644\u062f",  # ولد
    "\u0623\u0645\u0646",  # أمن
    "\u0644\u064a\u0628\u064a\u0627",  # ليبيا
    "\u0627\u0644\u062a\u0642\u0649",  # التقى
    "\u062f\u0627\u0639\u0634",  # داعش
    "\u0645\u0648\u0633\u0643\u0648",  # موسكو
    "\u0641\u0631\u064a\u0642",  # فريق
    "\u0647\u062f\u0646\u0629",  # هدنة
    "\u0622\u0630\u0627\u0631",  # آذار
]
CHAINS = [
    "",
    "",
    "",
    "\u0648",
    "\u0641",
    "\u0628",
    "\u0644",
    "\u0643",
    "\u0627\u0644",
    "\u0648\u0627\u0644",
    "\u0628\u0627\u0644",
    "\u0644\u0644",
    "\u0648\u0644\u0644",
    "\u0641\u0628\u0627\u0644",
]  # و ف ب ل ك ال وال بال لل ولل فبال
SUFFIXES = ["", "", "", "\u064a\u0646", "\u0627\u062a", "\u0647", "\u064a"]  # ين ات ه ي
ODD = [
    "\u064e",
    "\u0651",
    "\u0640",
    "\u200c",
    "\u200f",  # fatha, shadda, tatweel, ZWNJ, RLM
    "\u0661\u0664",
    "\u06f2\u06f0",  # ١٤ ۲۰
    "NBC",
    "Reuters",
    "covid-19",
    "3.5",
    "%30",
    "\ufe8d",  # ..., an isolated alef (presentation form)
]
# Characters the code-unit table cannot map one to one: a document holding one is read the plain way.
PLAIN = ["\ufefb", "\U0001f600", "\u03a3", "\u0130"]  # lam-alef ligature, an emoji, capital sigma, İ
PUNCT = ["", "", "", "", "\u060c", ".", "\u061f", "\u00ab", "\u00bb", ":", "-", "(", ")"]


def word(rng: random.Random) -> str:
    stem = rng.choice(STEMS)
    if rng.random() < 0.1:
        stem = stem.replace("\u0623", "\u0627").replace("\u0629", "\u0647").replace("\u0649", "\u064a")
    w = rng.choice(CHAINS) + stem + rng.choice(SUFFIXES)
    if rng.random() < 0.15:  # an odd character somewhere in the word
        k = rng.randrange(len(w) + 1)
        w = w[:k] + rng.choice(ODD) + w[k:]
    if rng.random() < 0.1:
        w = rng.choice(ODD)
    if rng.random() < 0.005:
        w += rng.choice(PLAIN)
    return rng.choice(PUNCT) + w + rng.choice(PUNCT)


def text(rng: random.Random, phrases: list[str]) -> str:
    words = [word(rng) for _ in range(rng.randrange(0, 40))]
    for _ in range(rng.randrange(0, 4) if words and phrases else 0):  # an entry's words, written out
        words.insert(rng.randrange(len(words)), rng.choice(CHAINS[:6]) + rng.choice(phrases))
    spaces = [" ", " ", " ", "  ", "\n", "\t", " \u00a0"]
    return (
        "".join(w + rng.choice(spaces) for w in words).strip(" ")
        if words
        else rng.choice(["", " ", "\u060c"])
    )


def entry(rng: random.Random) -> str:
    first = rng.choice(["", "", "\u0627\u0644"]) + rng.choice(STEMS)  # with the article now and then
    roll = rng.random()
    if roll < 0.15:
        return first[: rng.randrange(2, max(3, len(first)))] + "*"  # a glob, short ones too
    if roll < 0.25:
        return "=" + first
    if roll < 0.5:
        second = "\u0627\u0644" + rng.choice(STEMS)
        words = [first, second] + ([rng.choice(STEMS)] if rng.random() < 0.3 else [])
        phrase = " ".join(words)
        return phrase[:-1] + "*" if rng.random() < 0.2 else phrase
    return first


def lexicon(rng: random.Random, normalization: Normalization) -> framing.Lexicon:
    frames = {f"f{k}": [entry(rng) for _ in range(rng.randrange(1, 8))] for k in range(3)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.load_lexicon(frames, normalization=normalization)


NORMALIZATIONS = [
    Normalization(),
    Normalization(teh_marbuta=False, alef_maqsura=False),
    Normalization(diacritics=False),
]


@pytest.mark.parametrize("seed", range(60))
def test_same_hits_as_the_previous_matcher(seed: int) -> None:
    rng = random.Random(seed)
    norm = NORMALIZATIONS[seed % len(NORMALIZATIONS)]
    lex = lexicon(rng, norm)
    phrases = [e.pattern.strip("=*") for f in lex.frames for e in f.entries if len(e.words) > 1]
    texts = [text(rng, phrases) for _ in range(rng.randrange(1, 25))]
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    min_stem = rng.choice([1, 2, 3, 3, 4])
    expected = reference.find_matches(corpus, lex, min_stem=min_stem)
    got = framing.find_matches(corpus, lex, min_stem=min_stem)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    counts, tokens = reference.score_counts(corpus, lex, min_stem=min_stem)
    scores = framing.score(corpus, lex, min_stem=min_stem)
    n_frames = len(lex.frames)
    np.testing.assert_array_equal(scores["count"].to_numpy().reshape(-1, n_frames), counts)
    np.testing.assert_array_equal(scores["tokens"].to_numpy()[::n_frames], tokens)
    # small chunks: documents cut into many passes give the same hits
    compiled = Matcher(lex, min_stem=min_stem)
    whole = list(compiled.documents(texts, offsets=True))
    small = rng.randrange(1, 60)
    assert list(compiled.documents(texts, offsets=True, chunk_chars=small)) == whole
    chunked_counts, chunked_tokens = compiled.counts(texts, chunk_chars=small)
    np.testing.assert_array_equal(chunked_counts, counts)
    np.testing.assert_array_equal(chunked_tokens, tokens)


def test_the_matcher_does_not_grow_between_calls() -> None:
    lex = framing.load_lexicon(
        {"f": ["\u0625\u0631\u0647\u0627\u0628*", "\u0646\u0638\u0627\u0645"]}
    )  # إرهاب* نظام
    compiled = framing.lexicon.match.matcher(lex)

    def sizes() -> dict[str, Any]:
        return {k: len(v) if hasattr(v, "__len__") else v for k, v in vars(compiled).items()}

    before = sizes()
    texts = [
        f"\u0627\u0644\u0625\u0631\u0647\u0627\u0628{k} \u0646\u0638\u0627\u0645 \U0001f600"
        for k in range(50)
    ]
    corpus = pd.DataFrame({"doc_id": [f"d{k}" for k in range(50)], "text": texts})
    for _ in range(2):
        assert framing.score(corpus, lex)["count"].sum() == 100
        assert len(framing.find_matches(corpus, lex)) == 100
    assert sizes() == before


@pytest.mark.parametrize("seed", range(3))
def test_counts_in_worker_processes_are_the_same(seed: int) -> None:
    """``workers=`` 2 or 3 (this process and forked ones, each counting a part of the texts) gives the
    one-process counts, with a fresh vocabulary or one kept from an earlier call."""
    rng = random.Random(1000 + seed)
    lex = lexicon(rng, Normalization())
    phrases = [e.pattern.strip("=*") for f in lex.frames for e in f.entries if len(e.words) > 1]
    texts = [text(rng, phrases) for _ in range(120)]
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    compiled = Matcher(lex)
    one_counts, one_tokens = compiled.counts(texts, workers=1, chunk_chars=97)
    assert one_counts.sum() > 0
    kept = Vocabulary(lex.normalization)
    for workers, vocabulary in ((2, None), (3, None), (2, kept), (2, kept)):
        many_counts, many_tokens = compiled.counts(
            texts, workers=workers, chunk_chars=97, vocabulary=vocabulary
        )
        np.testing.assert_array_equal(many_counts, one_counts)
        np.testing.assert_array_equal(many_tokens, one_tokens)
    pd.testing.assert_frame_equal(
        framing.score(corpus, lex, workers=2), framing.score(corpus, lex, workers=1)
    )
    assert framing.lexicon.match._FORKED == {}  # nothing kept after the call


def test_workers_are_checked_and_chosen() -> None:
    from framing.lexicon.match import PARALLEL_CHARS, _workers

    for bad in (0, -1, True, 1.5, "2"):
        with pytest.raises(ValueError, match="workers must be 1 or more"):
            _workers(bad, ["x"])  # type: ignore[arg-type]
    assert _workers(None, ["short text"]) == 1  # small inputs stay in this process
    assert _workers(3, ["short text"]) == 3
    large = ["\u0646" * 1000] * (PARALLEL_CHARS // 1000)
    import os

    assert _workers(None, large) == len(os.sched_getaffinity(0))  # every core this process may use
    import threading

    found: list[int] = []
    thread = threading.Thread(target=lambda: found.append(_workers(None, large)))
    thread.start()
    thread.join()
    assert found == [1]  # never from a thread other than the main one (e.g. a Dask worker thread)


def _code_table_one_by_one(normalization: Normalization) -> np.ndarray:
    """The code-unit table written character by character with the tokenizer's regular expression."""
    import re

    from framing.lexicon import match as M

    word_pattern = re.compile(r"[^\W_]+")  # framing.text.tokenize's word pattern
    table = normalization.table
    out = np.full(0x10000, M._SPACE, dtype=np.uint16)
    out[0xD800:0xE000] = M._PLAIN
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        value = table.get(code, chr(code))
        if value == "":
            out[code] = M._DELETE
            continue
        lower = value.lower()
        if len(value) != 1 or len(lower) != 1 or value == "\u03a3":  # a capital sigma: plain way
            out[code] = M._PLAIN
            continue
        word = word_pattern.match(lower) is not None
        if word != (word_pattern.match(value) is not None):
            out[code] = M._PLAIN
        elif word:
            out[code] = ord(lower)
    return out


@pytest.mark.parametrize("normalization", NORMALIZATIONS)
def test_the_code_table_agrees_with_the_tokenizer_character_by_character(
    normalization: Normalization,
) -> None:
    from framing.lexicon.match import _code_table

    np.testing.assert_array_equal(_code_table(normalization), _code_table_one_by_one(normalization))


# Long words (tokens over the 12 code units a token's code holds) and words sharing their first 8 code
# units and their length: مفاوضات (a one-word entry) and مفاوضا* (a glob) hit والمفاوضات but neither
# hits والمفاوضين (the same first 8 units, the same length); مستثمرا* hits والمستثمرات, not
# والمستثمرين (neither is a key); الاستراتيجيات is 13 letters, 15 with وبـ.
LONG_LEXICON = {
    "talks": ["مفاوضات", "الاستراتيجيات", "الاستراتيجيات الدفاعية", "تعديل الاستراتيجيات", "حوار المفاوضين"],
    "people": ["مفاوضا*", "مستثمرا*", "=المفاوضين", "عمال"],
}
LONG_TEXTS = [  # constructed sentences about a labour dispute
    "استأنف الطرفان المفاوضـات في مقر الغرفة التجارية، وتواصل حوارُ المفاوضين حتى المساء.",
    "رحّب العمال بالمفاوضات الجديدة وبالمفاوضين الذين وصلوا صباحاً، وطالبوا بتعديل الاستراتيجيات الدفاعية.",
    "قارن المدير بين الاستراتيجيتين، ثم عاد إلى الاستراتيجيات الدفاعيّة القديمة وبالاستراتيجيات المالية.",
    "تنقّل الملف بين الإضرابات والمفاوضات أسابيع، وبين المحامين والمفاوضين أياماً، وللاستراتيجيات ثمن.",
    "التقى ممثلو المصارف والمستثمرات والمستثمرين في الغرفة التجارية.",
    "حوار",  # a phrase's first word at the end of a document: the next document does not complete it
    "المفاوضين تعديل الاستراتيجيات 😀",  # read the plain way (a letter outside the BMP)
]


def _weak_code(x0: Any, x1: Any, x2: Any, length: Any, salt: int, *, one_slot: bool = False) -> Any:
    """A code that ignores the code units after the eighth (the keys here still get distinct codes), and
    gives every key one of four codes for salt 0 (the matcher must then try another); with ``one_slot``
    every code has the same low bits (one slot of the key table for all)."""
    code = _CODE(x0, x1, np.zeros_like(x2), length, salt)
    if salt == 0:
        return code & np.uint64(3)
    return code & ~np.uint64(0xFFFFFFFF) if one_slot else code


@pytest.mark.parametrize("code", ["real", "weak", "weak, one slot"])
def test_long_tokens_and_shared_codes_change_nothing(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tokens longer than their code holds are read by their text; tokens with a key's code, or with the
    code of another token of a glob's forms, but another form, are told apart by their code units."""
    from framing.lexicon import match as M

    weak = code != "real"
    if weak:
        monkeypatch.setattr(M, "_code", functools.partial(_weak_code, one_slot=code == "weak, one slot"))
    M.matcher.cache_clear()
    try:
        lex = framing.load_lexicon(LONG_LEXICON)
        if weak:
            assert M.matcher(lex)._salt >= 1  # salt 0 gave two keys one code
        if code == "weak, one slot":
            assert set(M.matcher(lex)._key_slot.tolist()) == {-1, -2}  # every key found by its code
        corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(LONG_TEXTS))], "text": LONG_TEXTS})
        expected = reference.find_matches(corpus, lex)
        surfaces = set(expected["surface"])
        assert {"والمفاوضات", "وبالاستراتيجيات", "وللاستراتيجيات", "بتعديل الاستراتيجيات"} <= surfaces
        assert "والمستثمرات" in surfaces
        assert not {"والمفاوضين", "والمستثمرين"} & surfaces
        got = framing.find_matches(corpus, lex)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
        counts, tokens = reference.score_counts(corpus, lex)
        scores = framing.score(corpus, lex)
        np.testing.assert_array_equal(scores["count"].to_numpy().reshape(-1, 2), counts)
        np.testing.assert_array_equal(scores["tokens"].to_numpy()[::2], tokens)
    finally:
        M.matcher.cache_clear()
