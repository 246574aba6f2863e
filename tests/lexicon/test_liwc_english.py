"""English dictionaries in the formats researchers have (issue 15, item 7), written for this test.

A small moral-foundations-like LIWC file (hyphen and apostrophe entries, globs after a hyphen, several
category codes on one line, numbers and an emoticon as entries) and a quanteda YAML dictionary with
nested categories; both load and score English text. No third-party dictionary is committed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.lexicon.model import parse_pattern

DIC = """%
1\tcare
2\tfairness
3\tloyalty
4\tlanguage
%
safe*\t1
protect*\t1
fair\t2
fair-*\t2
fairness\t2
self-*\t3 1
equal*\t2
don't\t4
can't\t4
911\t1
24/7\t1
:)\t4
loyal*\t3
betray*\t3
"""

TEXT = (
    "The fair-minded judge said fairness and equality matter. Don't betray the team; self-interest "
    "won't protect anyone. Call 911, help is there 24/7 :) and we can't stay safe alone."
)


@pytest.fixture()
def dic(tmp_path: Path) -> Path:
    path = tmp_path / "moral_test.dic"
    path.write_text(DIC, encoding="utf-8")
    return path


def test_hyphen_and_apostrophe_globs_parse() -> None:
    assert parse_pattern("fair-*") == (("fair", ""), False, True)
    assert parse_pattern("self‑*") == (("self", ""), False, True)  # U+2011 non-breaking hyphen
    assert parse_pattern("don't") == (("don", "t"), False, False)
    with pytest.raises(ValueError, match="must follow a letter directly"):
        parse_pattern("fair -*")


def test_liwc_file_with_english_entries_loads(dic: Path) -> None:
    with pytest.warns(UserWarning, match="emoticon"):
        lexicon = framing.load_lexicon(dic)
    assert lexicon.frame_ids == ("care", "fairness", "loyalty", "language")
    assert [e.pattern for e in lexicon["loyalty"].entries] == ["self-*", "loyal*", "betray*"]
    assert "self-*" in [e.pattern for e in lexicon["care"].entries]  # two codes on one line
    assert ":)" not in {e.pattern for f in lexicon for e in f.entries}  # skipped with the warning
    assert any("emoticon" in w and "line 18" in w for w in lexicon.warnings)


def test_liwc_file_scores_english_text(dic: Path) -> None:
    with pytest.warns(UserWarning, match="emoticon"):
        lexicon = framing.load_lexicon(dic)
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["x"], "text": [TEXT]})
    hits = framing.find_matches(corpus, lexicon)
    found = {(f, s) for f, s in zip(hits["frame"], hits["surface"], strict=True)}
    assert ("fairness", "fair-minded") in found  # fair-*: the whole compound
    assert ("fairness", "fairness") in found and ("fairness", "equality") in found
    assert ("loyalty", "self-interest") in found and ("care", "self-interest") in found
    assert ("loyalty", "betray") in found
    assert ("language", "Don't") in found and ("language", "can't") in found
    assert ("care", "911") in found and ("care", "24/7") in found
    assert ("care", "protect") in found and ("care", "safe") in found
    assert ("language", "won't") not in found
    counts = framing.score(corpus, lexicon).set_index("frame")["count"].to_dict()
    assert counts == {"care": 5, "fairness": 3, "loyalty": 2, "language": 2}


def test_quanteda_yaml_with_nested_categories_scores_english(tmp_path: Path) -> None:
    path = tmp_path / "nested.yml"
    path.write_text(
        "harm:\n  virtue: [safe*, protect*]\n  vice: [harm*, 'self-*']\n"
        "fairness:\n  virtue: [fair, 'fair-*']\n",
        encoding="utf-8",
    )
    lexicon = framing.load_lexicon(path)
    assert lexicon.frame_ids == ("harm.virtue", "harm.vice", "fairness.virtue")
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["x"], "text": ["A fair-minded man, harmed but safe."]})
    counts = framing.score(corpus, lexicon).set_index("frame")["count"].to_dict()
    assert counts == {"harm.virtue": 1, "harm.vice": 1, "fairness.virtue": 1}
