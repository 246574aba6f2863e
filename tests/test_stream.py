"""Streaming: chunks and parquet datasets give exactly the pandas results; counts accumulated by chunk."""

from __future__ import annotations

import itertools
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import stream
from framing.load.save import save_corpus
from framing.text import word_forms
from tests.scale_corpus import corpus as make_corpus
from tests.scale_corpus import lexicon as make_lexicon

LEXICON = make_lexicon()
CORPUS = make_corpus()


def _chunks(frame: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    return [frame.iloc[i : i + size] for i in range(0, len(frame), size)]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stream") / "corpus"
    save_corpus(CORPUS, folder, rows_per_file=7)
    return folder


def test_score_over_chunks_equals_pandas() -> None:
    expected = framing.score(CORPUS, LEXICON)
    for size in (1, 4, 60, 1000):
        got = framing.score(iter(_chunks(CORPUS, size)), LEXICON)
        pd.testing.assert_frame_equal(got, expected)
        assert got.attrs == expected.attrs
    pd.testing.assert_frame_equal(stream.score(CORPUS, LEXICON, rows=9), expected)


def test_find_matches_over_chunks_equals_pandas() -> None:
    expected = framing.find_matches(CORPUS, LEXICON)
    assert len(expected) > 100 and "outlet" in expected.columns
    pd.testing.assert_frame_equal(framing.find_matches(_chunks(CORPUS, 8), LEXICON), expected)
    pd.testing.assert_frame_equal(stream.find_matches(CORPUS, LEXICON, rows=5), expected)


def test_parquet_dataset_is_streamed_with_the_same_results(dataset: Path) -> None:
    files = sorted(p.name for p in dataset.iterdir())
    assert files == [f"part-{i:05d}.parquet" for i in range(9)]  # 60 articles, 7 per file
    assert (dataset.parent / "corpus.load_report.txt").exists() is False  # no report: none was attached
    pd.testing.assert_frame_equal(framing.score(dataset, LEXICON), framing.score(CORPUS, LEXICON))
    pd.testing.assert_frame_equal(framing.score(str(dataset), LEXICON), framing.score(CORPUS, LEXICON))
    matches = framing.find_matches(dataset, LEXICON)
    pd.testing.assert_frame_equal(matches, framing.find_matches(CORPUS, LEXICON))
    # batches smaller than a file, and a single parquet file
    pd.testing.assert_frame_equal(stream.score(dataset, LEXICON, rows=3), framing.score(CORPUS, LEXICON))
    one = dataset / "part-00002.parquet"
    pd.testing.assert_frame_equal(framing.score(one, LEXICON), framing.score(CORPUS.iloc[14:21], LEXICON))


def test_streamed_chunks_counted_by_two_processes_give_the_same_scores(dataset: Path) -> None:
    """Each chunk cut between this process and a forked one, with one vocabulary for the stream."""
    expected = framing.score(CORPUS, LEXICON, workers=1)
    pd.testing.assert_frame_equal(stream.score(dataset, LEXICON, rows=9, workers=2), expected)
    pd.testing.assert_frame_equal(framing.score(_chunks(CORPUS, 11), LEXICON, workers=2), expected)


def test_dask_style_part_names_are_read_in_natural_order(tmp_path: Path) -> None:
    for i, chunk in enumerate(_chunks(CORPUS, 5)):  # part.0 … part.11, as Dask names them
        chunk.to_parquet(tmp_path / f"part.{i}.parquet", index=False)
    (tmp_path / "_metadata").write_bytes(b"")  # left out, like hidden files
    assert [p.name for p in stream.parquet_files(tmp_path)][:3] == [
        "part.0.parquet",
        "part.1.parquet",
        "part.2.parquet",
    ]
    assert stream.parquet_files(tmp_path)[-1].name == "part.11.parquet"
    pd.testing.assert_frame_equal(framing.score(tmp_path, LEXICON), framing.score(CORPUS, LEXICON))


def test_only_the_needed_columns_are_read(dataset: Path) -> None:
    chunks = list(stream.iter_chunks(dataset, columns=["doc_id", "text"], rows=4))
    assert all(list(c.columns) == ["doc_id", "text"] for c in chunks)
    assert max(len(c) for c in chunks) == 4 and sum(len(c) for c in chunks) == len(CORPUS)


def test_is_parquet_dataset(tmp_path: Path, dataset: Path) -> None:
    assert stream.is_parquet_dataset(dataset)
    assert not stream.is_parquet_dataset(dataset / "part-00000.parquet")  # a file, not a folder
    (tmp_path / "a.parquet").write_bytes(b"")
    (tmp_path / "page.txt").write_text("نص", encoding="utf-8")
    assert not stream.is_parquet_dataset(tmp_path)  # pages beside it: read_corpus's job
    assert not stream.is_parquet_dataset(tmp_path / "missing")


@pytest.mark.parametrize(
    ("source", "error", "message"),
    [
        (
            iter([pd.DataFrame({"doc_id": ["a"]})]),
            ValueError,
            "chunk 0 of the corpus lacks column(s) ['text']",
        ),
        (iter([CORPUS, "نص"]), TypeError, "chunk 1 of the corpus is a str, not a pandas DataFrame"),
        ("no/such/folder", FileNotFoundError, "parquet dataset 'no/such/folder' does not exist"),
        (42, TypeError, "corpus is a int; pass a pandas DataFrame, an iterable of DataFrames"),
    ],
)
def test_bad_sources_are_named(source: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        framing.score(source, LEXICON)  # type: ignore[call-overload]
    assert message in str(caught.value)


def test_a_parquet_file_without_text_is_named(tmp_path: Path) -> None:
    CORPUS[["doc_id", "outlet"]].to_parquet(tmp_path / "part-0.parquet")
    with pytest.raises(ValueError, match=r"part-0.parquet' lacks column\(s\) \['text'\]"):
        framing.score(tmp_path, LEXICON)
    with pytest.raises(ValueError, match="rows is 0; it must be 1 or more"):
        stream.score(CORPUS, LEXICON, rows=0)


def test_no_chunks_gives_the_empty_result() -> None:
    empty = framing.score(iter([]), LEXICON)
    assert list(empty.columns) == ["doc_id", "frame", "count", "tokens", "rate"] and empty.empty
    assert empty.attrs["provenance"]["lexicon_hash"] == LEXICON.hash


@settings(max_examples=15, deadline=20_000)
@given(st.lists(st.integers(1, 25), min_size=1, max_size=8), st.integers(0, 2**16))
def test_any_cut_of_the_corpus_scores_the_same(sizes: list[int], seed: int) -> None:
    corpus = make_corpus(40, seed=seed)
    cuts = np.cumsum([0, *sizes])
    chunks = [corpus.iloc[a:b] for a, b in itertools.pairwise(cuts)] + [corpus.iloc[cuts[-1] :]]
    pd.testing.assert_frame_equal(framing.score(iter(chunks), LEXICON), framing.score(corpus, LEXICON))


# ------------------------------------------------------------------------------ accumulated counts


def test_frame_totals_agree_with_frame_rates_and_a_hand_count(dataset: Path) -> None:
    totals = stream.frame_totals(dataset, LEXICON, rows=4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small groups
        rates = framing.compare.frame_rates(CORPUS, framing.score(CORPUS, LEXICON), n_boot=10)
    assert totals[["outlet", "frame"]].values.tolist() == rates[["outlet", "frame"]].values.tolist()
    for column in ("articles", "tokens", "count"):
        assert totals[column].tolist() == rates[column].tolist()
    assert np.allclose(totals["used"] / totals["articles"], rates["share"])
    # by hand for one cell: articles of nahr_news whose text holds a relief term
    scores = framing.score(CORPUS, LEXICON).merge(CORPUS[["doc_id", "outlet"]], on="doc_id")
    cell = scores[(scores["outlet"] == "nahr_news") & (scores["frame"] == "relief")]
    row = totals[(totals["outlet"] == "nahr_news") & (totals["frame"] == "relief")].iloc[0]
    assert (row["count"], row["used"], row["articles"]) == (
        cell["count"].sum(),
        (cell["count"] > 0).sum(),
        len(cell),
    )


def test_frame_totals_leave_out_articles_without_a_group() -> None:
    corpus = CORPUS.assign(outlet=CORPUS["outlet"].where(CORPUS.index % 2 == 0, None))
    totals = stream.frame_totals(corpus, LEXICON, rows=7)
    assert totals.groupby("outlet")["articles"].first().sum() == 30


def test_streamed_scores_and_corpus_columns_give_the_same_frame_rates(dataset: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = framing.compare.frame_rates(CORPUS, framing.score(CORPUS, LEXICON), n_boot=50)
        got = framing.compare.frame_rates(
            stream.corpus_columns(dataset), framing.score(dataset, LEXICON), n_boot=50
        )
    pd.testing.assert_frame_equal(got, expected)


def test_word_counts_agree_with_distinctive_words_and_a_counter() -> None:
    counts = stream.word_counts(iter(_chunks(CORPUS, 6)))
    reference: Counter[tuple[str, str]] = Counter()
    for outlet, text in zip(CORPUS["outlet"], CORPUS["text"], strict=True):
        reference.update((outlet, w) for w in word_forms(text))
    assert (
        dict(zip(zip(counts["outlet"], counts["word"], strict=True), counts["count"], strict=True))
        == reference
    )
    assert counts["outlet"].tolist() == sorted(counts["outlet"])  # groups sorted
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        words = framing.compare.distinctive_words(CORPUS, min_count=1)
    table = counts.set_index(["outlet", "word"])["count"]
    for outlet, word, count in words[["outlet", "word", "count"]].itertuples(index=False):
        assert table.get((outlet, word), 0) == count


# ------------------------------------------------------------------------------ huge pages

PHRASES = framing.load_lexicon(
    {
        "relief": ["الهلال الأحمر", "إغاثة*", "فرق الهلال الأحمر العاملة"],
        "blame": ["سوء الإدارة", "إهمال*"],
        "nested": ["فرق الهلال", "الهلال الأحمر العاملة", "الأحمر", "العاملة"],  # a hit blocks the next
        "across": ["الأحمر فرق"],  # another frame's hits overlap them
    }
)


@settings(max_examples=10, deadline=20_000)
@given(st.integers(0, 2**16), st.integers(40, 300))
def test_a_huge_page_matched_by_segments_equals_the_whole(seed: int, segment: int) -> None:
    rng = np.random.default_rng(seed)
    pieces = [
        "فرق",
        "الهلال",
        "الأحمر",
        "العاملة",
        "وبسوء",
        "الإدارة",
        "والإغاثة",
        "«إهمال»",
        "،",
        "١٢",
        "UN",
    ]
    words = [pieces[i] for i in rng.integers(0, len(pieces), size=int(rng.integers(1, 120)))]
    phrase = ["فرق", "الهلال", "الأحمر", "العاملة"]
    words[len(words) // 3 : len(words) // 3] = phrase * int(rng.integers(0, 30))
    text = "  ".join(words).replace("  ", "\n", int(rng.integers(0, 5)))
    corpus = pd.DataFrame(
        {
            "doc_id": ["small", "huge", "tail"],
            "outlet": ["x", "y", "x"],
            "text": ["فرق الهلال الأحمر", text, ""],
        }
    )
    for lexicon in (PHRASES, LEXICON):
        expected = framing.score(corpus, lexicon)
        pd.testing.assert_frame_equal(stream.score_frame(corpus, lexicon, segment=segment), expected)
        expected = framing.find_matches(corpus, lexicon)
        pd.testing.assert_frame_equal(stream.match_frame(corpus, lexicon, segment=segment), expected)


def test_a_cut_inside_a_phrase_would_be_seen() -> None:
    """The test above can fail: cutting where a hit straddles the cut changes the counts."""
    text = "فرق الهلال الأحمر العاملة " * 20
    corpus = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    whole = framing.score(corpus, PHRASES)
    assert stream.score_frame(corpus, PHRASES, segment=53).equals(whole)
    cuts = [text.index(" ", 53), len(text)]  # the first white space after 53 characters: inside a phrase
    naive = pd.concat(
        [
            framing.find_matches(corpus.assign(text=text[a:b]), PHRASES)
            for a, b in zip([0, cuts[0]], cuts, strict=True)
        ]
    )
    assert (
        naive.groupby("frame").size().tolist()
        != framing.find_matches(corpus, PHRASES).groupby("frame").size().tolist()
    )


def test_segments_are_bounded_and_add_up() -> None:
    text = " ".join(CORPUS["text"]) * 3
    segments = list(stream.segment_matches(text, LEXICON, segment=2_000))
    assert len(segments) > 10
    whole = framing.find_matches(pd.DataFrame({"doc_id": ["_"], "text": [text]}), LEXICON)
    assert sum(len(m) for m, _ in segments) == len(whole)
    assert sum(n for _, n in segments) == len(word_forms(text))
    assert all(m["end"].max() - m["start"].min() < 2_000 + 500 for m, _ in segments if len(m))
