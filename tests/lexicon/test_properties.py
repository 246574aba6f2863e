"""Properties of the matcher over generated Arabic text: offsets, and score() agreeing with find_matches()."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.lexicon.match import Matcher
from framing.text.tokenize import word_forms

LEXICON = framing.load_lexicon(
    {
        "terror": ["إرهاب*", "=داعش", "جبهة النصرة", "تنظيم الدولة"],
        "regime": ["النظام السوري", "نظام الأسد", "النظام"],
        "talks": ["محادثات", "خطوات ملموسة", "اتفاق*"],
    }
)
PIECES = [
    "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال",
    "إرهاب", "ارهابي", "ين", "داعش", "جبهة", "جبهه", "النصرة", "تنظيم", "الدولة", "النظام", "نظام", "السوري",
    "الأسد", "محادثات", "خطوات", "ملموسة", "اتفاق", "ية",
    " ", " ", " ", "  ", "\n", "،", ".", "«", "»", "\u064e", "\u0651", "\u0640", "\u200f", "ISIS", "١٤",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=5_000)
@given(st.lists(texts, min_size=1, max_size=4))
def test_surfaces_are_spans_and_scores_count_matches(docs: list[str]) -> None:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(docs))], "text": docs})
    matches = framing.find_matches(corpus, LEXICON)
    for row in matches.itertuples():
        text = docs[int(str(row.doc_id)[1:])]
        assert text[row.start : row.end] == row.surface
        assert row.surface == row.surface.strip()
    scores = framing.score(corpus, LEXICON)
    assert len(scores) == len(docs) * 3
    counted = matches.groupby(["doc_id", "frame"]).size()
    for row in scores.itertuples():
        assert row.count == counted.get((row.doc_id, row.frame), 0)
    # within a frame no token counts twice: spans do not overlap
    for _, group in matches.groupby(["doc_id", "frame"]):
        ordered = group.sort_values("start")
        assert (ordered["start"].to_numpy()[1:] >= ordered["end"].to_numpy()[:-1]).all()


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(texts)
def test_tokens_column_counts_word_forms(text: str) -> None:
    scores = framing.score(pd.DataFrame({"doc_id": ["d"], "text": [text]}), LEXICON)
    assert set(scores["tokens"]) == {len(word_forms(text))}


FORM_PIECES = [
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "لل",
    "ا",
    "ر",
    "ه",
    "ب",
    "ي",
    "ن",
    "ظ",
    "م",
    "س",
    "و",
    "داعش",
    "نصره",
]


with pytest.warns(framing.lexicon.LexiconWarning, match="glob"):  # the short globs are on purpose
    QUICK = Matcher(
        framing.load_lexicon(
            {"a": ["إرهاب*", "=داعش", "النصرة", "نظام", "لل*", "ال*", "بي", "السوري الحر"], "b": ["الإرهابي"]}
        )
    )


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.lists(st.sampled_from(FORM_PIECES), min_size=1, max_size=8).map("".join))
def test_quick_test_never_rules_out_a_match(form: str) -> None:
    assert QUICK._resolve(form) == QUICK._resolve_all(form)
