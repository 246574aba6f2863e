"""One source of truth: the normalization table is the step functions composed; the clitic rules agree
with their inverse; a Vocabulary holds what it was shown and nothing is cached at module level."""

from __future__ import annotations

import importlib
import itertools

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.text import chars
from framing.text.clitics import clitic_forms, clitic_splits, clitic_stems, proclitic_chains
from framing.text.vocabulary import Vocabulary

N = importlib.import_module(
    "framing.text.normalize"
)  # the module (framing.text.normalize is also a function)

STEP_FUNCTIONS = {
    "presentation_forms": N.decompose_presentation_forms,
    "diacritics": N.strip_diacritics,
    "tatweel": N.strip_tatweel,
    "alef": N.unify_alef,
    "alef_maqsura": N.unify_alef_maqsura,
    "teh_marbuta": N.unify_teh_marbuta,
    "persian_letters": N.unify_persian_letters,
    "digits": N.ascii_digits,
    "invisibles": N.strip_invisibles,
    "cyrillic_yo": N.unify_cyrillic_yo,
}
# Letters and marks every step touches, ligatures that decompose into letters other steps map again
# (lam-alef with hamza, a presentation form of teh marbuta), plain Arabic, Latin and digits.
ALPHABET = (
    chars.DIACRITICS[:12]
    + chars.TATWEEL
    + chars.ALEF_VARIANTS
    + chars.ALEF_MAQSURA
    + chars.TEH_MARBUTA
    + "".join(chars.PERSIAN_LETTERS)
    + chars.ARABIC_INDIC_DIGITS[:3]
    + chars.PERSIAN_DIGITS[:3]
    + chars.INVISIBLES[:5]
    + "\ufef7\ufef9\ufefb\ufe93\ufe94\ufe8d\ufdf2"  # lam-alef forms, teh marbuta forms, alef, allah ligature
    + "".join(chars.CYRILLIC_YO)  # ё, Ё
    + "\u0627\u0644\u0645\u0648\u0633\u0643\u0648 aZ9"
)


def test_the_step_names_are_the_options() -> None:
    assert list(N.STEPS) == list(STEP_FUNCTIONS)
    assert set(N.STEPS) == set(N.Normalization().to_dict())


@settings(max_examples=300, deadline=10_000)
@given(
    st.text(alphabet=ALPHABET, max_size=30),
    st.lists(st.booleans(), min_size=len(N.STEPS), max_size=len(N.STEPS)),
)
def test_the_table_is_the_steps_applied_in_order(text: str, switches: list[bool]) -> None:
    options = dict(zip(N.STEPS, switches, strict=True))
    expected = text
    for step, on in options.items():
        if on:
            expected = STEP_FUNCTIONS[step](expected)
    assert N.Normalization(**options).apply(text) == expected


def test_every_character_step_is_in_the_default_table() -> None:
    table = N.Normalization().table
    for step in N.STEPS:
        for code in N.step_table(step):
            assert code in table, (step, hex(code))


@settings(max_examples=300, deadline=10_000)
@given(st.text(alphabet="\u0648\u0641\u0628\u0644\u0643\u0627\u0645\u0646\u0631", min_size=1, max_size=9))
def test_clitic_forms_is_the_inverse_of_clitic_stems(form: str) -> None:
    for stem in clitic_stems(form, min_stem=0):
        assert form in clitic_forms(stem)
    for split in clitic_splits(form):
        assert form.startswith(split.prefix) and form.endswith(split.stem)


def test_every_chain_and_stem_is_read_back() -> None:
    for chain, word in itertools.product(
        proclitic_chains(),
        ["\u0645\u0639\u0627\u0631\u0636\u0647", "\u0627\u0644\u0645\u0639\u0627\u0631\u0636\u0647"],
    ):  # معارضه, المعارضه
        assert word in clitic_stems(chain + word, min_stem=3) or chain.endswith("\u0644")  # لل reads ل + ال


def test_a_vocabulary_holds_what_it_was_shown() -> None:
    texts = [
        "\u0648\u0644\u0644\u0645\u0639\u0627\u0631\u0636\u0629 \u0645\u0637\u0627\u0644\u0628",
        "\u0645\u0637\u0627\u0644\u0628",
    ]  # وللمعارضة مطالب
    vocabulary = Vocabulary.from_texts(texts)
    assert len(vocabulary) == 2 and "\u0645\u0637\u0627\u0644\u0628" in vocabulary
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": texts})
    lexicon = framing.load_lexicon({"f": ["\u0645\u0639\u0627\u0631\u0636\u0629"]})  # معارضة
    kept = framing.kwic(corpus, framing.find_matches(corpus, lexicon), vocabulary=vocabulary)
    assert kept["keyword"].tolist() == ["\u0648\u0644\u0644\u0645\u0639\u0627\u0631\u0636\u0629"]
    assert len(vocabulary) == 2  # nothing new in these texts


def test_no_module_level_tokenizer_cache() -> None:
    from framing.text.tokenize import tokenizer

    assert tokenizer() is not tokenizer()  # each call a new, empty vocabulary
    assert not hasattr(tokenizer, "cache_info")


def test_a_vocabulary_of_another_normalization_is_refused() -> None:
    import pytest

    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["\u0633\u0648\u0631\u064a\u0629"]})  # سورية
    lexicon = framing.load_lexicon({"f": ["\u0633\u0648\u0631\u064a\u0629"]})
    other = Vocabulary(N.Normalization(teh_marbuta=False))
    with pytest.raises(ValueError, match="normalization"):
        framing.score(corpus, lexicon, vocabulary=other)
