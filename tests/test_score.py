"""kwic, coverage, the wide table and provenance of scores."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.score import KwicTable

LEXICON = framing.load_lexicon({"terror": ["إرهاب*", "تكفيري"], "talks": ["محادثات", "خطوات ملموسة"]})
CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c"],
        "outlet": ["x", "y", "y"],
        "text": [
            "قال الوزير إن الحرب على الإرهاب مستمرة في سوريا منذ سنوات",
            "بدأت المحادثات في موسكو، واتفق الوزيران على «خطوات ملموسة» لمكافحة الإرهابيين.",
            "لا شيء هنا",
        ],
    }
)


def test_kwic_from_matches_keeps_the_text_as_written() -> None:
    lines = framing.kwic(CORPUS, framing.find_matches(CORPUS, LEXICON), window=2)
    assert isinstance(lines, KwicTable)
    assert lines[["doc_id", "before", "keyword", "after"]].values.tolist() == [
        ["a", "الحرب على", "الإرهاب", "مستمرة في"],
        ["b", "بدأت", "المحادثات", "في موسكو"],
        ["b", "الوزيران على «", "خطوات ملموسة", "» لمكافحة الإرهابيين"],  # context ends with its last token
        ["b", "ملموسة» لمكافحة", "الإرهابيين", ""],  # no token after it
    ]


def test_kwic_from_a_pattern_and_a_list() -> None:
    assert framing.kwic(CORPUS, "محادثات", window=1)["keyword"].tolist() == ["المحادثات"]
    assert framing.kwic(CORPUS, ["=سوريا", "موسكو"], window=0)["keyword"].tolist() == ["سوريا", "موسكو"]


def test_kwic_renders_right_to_left() -> None:
    html = framing.kwic(CORPUS, "إرهاب*")._repr_html_()
    assert html.startswith('<table dir="rtl"')
    assert "<b>الإرهاب</b>" in html


def test_kwic_rejects_a_negative_window() -> None:
    with pytest.raises(ValueError, match="window is -1"):
        framing.kwic(CORPUS, "إرهاب*", window=-1)


def test_coverage_lists_entries_that_never_matched() -> None:
    table = framing.coverage(framing.find_matches(CORPUS, LEXICON), LEXICON)
    assert table[["frame", "entry", "hits", "documents", "outlets"]].values.tolist() == [
        ["terror", "إرهاب*", 2, 2, 2],
        ["terror", "تكفيري", 0, 0, 0],
        ["talks", "محادثات", 1, 1, 1],
        ["talks", "خطوات ملموسة", 1, 1, 1],
    ]


def test_wide_scores() -> None:
    table = framing.wide_scores(framing.score(CORPUS, LEXICON), value="count")
    assert table.to_dict("index") == {
        "a": {"terror": 1, "talks": 0},
        "b": {"terror": 1, "talks": 2},
        "c": {"terror": 0, "talks": 0},
    }
    with pytest.raises(ValueError, match=r"value is 'mean'; valid choices are \['rate', 'count'\]"):
        framing.wide_scores(framing.score(CORPUS, LEXICON), value="mean")  # type: ignore[arg-type]


def test_results_carry_provenance() -> None:
    for result in (framing.score(CORPUS, LEXICON), framing.find_matches(CORPUS, LEXICON)):
        prov = result.attrs["provenance"]
        assert prov["lexicon_hash"] == LEXICON.hash
        assert prov["lexicon_version"] == LEXICON.version
        assert prov["normalization"]["teh_marbuta"] is True
        assert prov["framing_version"]


def test_missing_text_column_is_named() -> None:
    with pytest.raises(ValueError, match="corpus lacks the 'text' column"):
        framing.score(CORPUS.drop(columns="text"), LEXICON)


def test_scores_on_the_demo_corpus_run() -> None:
    corpus = framing.read_corpus("data/demo")
    scores = framing.score(corpus, LEXICON)
    assert len(scores) == 2 * len(corpus)
    assert scores.loc[scores["frame"] == "terror", "count"].sum() > 0
