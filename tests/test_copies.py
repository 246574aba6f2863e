"""Wire-copy lineage: find_copies, copy_groups, copy_edits, label_swaps, one_per_copy_group.

Hand-made Arabic pairs (a flood, a protest, a water agreement: fixtures written here, not about the
Kerry-Putin talks); expected offsets are found with ``str.index`` in the hand-written texts, not computed
by the code under test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import schema as S
from framing.copies import (
    copy_edits,
    copy_groups,
    copy_summary,
    count_swaps,
    edit_counts,
    edits_html,
    find_copies,
    label_swaps,
    one_per_copy_group,
    with_copy_groups,
)
from framing.copies.align import align_texts
from framing.copies.lineage import _fold32, shingle, signatures
from framing.copies.simulate import planted_corpus, score_pairs
from framing.text import word_forms

# A flood story (the "wire") and an outlet's copy: hamza dropped (أعلنت/اعلنت), ة written ه, a number
# in Arabic-Indic digits instead of a word, a word added, the spokesman's quote cut, a tatweel and a
# diacritic in the last sentence.
FLOOD = (
    "أعلنت السلطات المحلية في مدينة الساحل إغلاق ثلاث مدارس بعد الفيضانات. "
    "وقال المتحدث باسم البلدية إن «المياه غمرت الأحياء الشرقية بالكامل». "
    "ويتوقع خبراء الأرصاد أمطارا غزيرة يوم الجمعة."
)
FLOOD_COPY = (
    "اعلنت السلطات المحليه في مدينه الساحل إغلاق \u0663 مدارس بعد الفيضانات المدمرة. "  # ٣
    "ويتوقع خبراء الارصاد امطارا غزيـرة يوم الجمعة\u064e."  # tatweel in غزيـرة, fatha on الجمعة
)

# A protest story and a copy that swaps the protesters' label twice (once behind the clitic لـ) and adds
# a phrase; the government's label is kept.
PROTEST = (
    "وفرقت قوات الأمن مئات المتظاهرين السلميين أمام مبنى البرلمان مساء الأحد. "
    "وقالت الحكومة في بيان إن الشرطة تعاملت مع الحشود بضبط النفس. "
    "وقال محامون إن للمتظاهرين السلميين الحق في التجمع أمام المؤسسات العامة. "
    "ودعت منظمات حقوقية إلى فتح تحقيق مستقل في ملابسات ما جرى خلال الليلة الماضية في وسط العاصمة "
    "وإلى محاسبة كل من يثبت تورطه في أعمال العنف أيا كان موقعه."
)
PROTEST_COPY = (
    "وفرقت قوات الأمن مئات من مثيري الشغب أمام مبنى البرلمان مساء الأحد. "
    "وقالت الحكومة في بيان إن الشرطة تعاملت مع الحشود بضبط النفس في مواجهة الإرهاب المتمثل في التخريب. "
    "وقال محامون إن للمحتجين الحق في التجمع أمام المؤسسات العامة. "
    "ودعت منظمات حقوقية إلى فتح تحقيق مستقل في ملابسات ما جرى خلال الليلة الماضية في وسط العاصمة "
    "وإلى محاسبة كل من يثبت تورطه في أعمال العنف أيا كان موقعه."
)
PROTEST_LEXICON = {
    "protesters": [
        {"pattern": "المتظاهرين السلميين", "stance": "legitimizing"},
        {"pattern": "المحتجين", "stance": "neutral"},
        {"pattern": "مثيري الشغب", "stance": "delegitimizing"},
    ],
    "government": [{"pattern": "الحكومة", "stance": "neutral"}, {"pattern": "النظام", "stance": "regime"}],
    "terror": ["الإرهاب"],
}

# A water agreement, for groups: a wire story, two copies, and an unrelated article.
WATER = (
    "وقعت الدولتان الجارتان اتفاقا لتقاسم مياه النهر بعد مفاوضات استمرت ثلاث سنوات برعاية إقليمية. "
    "وينص الاتفاق على إنشاء لجنة فنية مشتركة تراقب منسوب المياه في السدود الكبرى كل شهر. "
    "وقال وزير الري إن الاتفاق يضمن حصة عادلة للمزارعين في مواسم الجفاف المقبلة."
)
MARKET = (
    "ارتفعت أسعار الخضار في الأسواق الشعبية بنسبة كبيرة خلال الأسبوع الماضي بسبب موجة الحر. "
    "ويشكو التجار من تراجع الإقبال بينما تعد وزارة التموين بضخ كميات إضافية من المخزون."
)


def corpus_of(texts: dict[str, str], **columns: list[object]) -> pd.DataFrame:
    n = len(texts)
    table = pd.DataFrame(
        {
            S.DOC_ID: list(texts),
            S.OUTLET: columns.pop("outlet", [f"o{i}" for i in range(n)]),
            S.TITLE: [f"t{i}" for i in range(n)],
            S.PUBLISHED: pd.to_datetime(columns.pop("published", [pd.NaT] * n), format="mixed"),
            S.TEXT: list(texts.values()),
        }
    )
    for name, values in columns.items():
        table[name] = values
    return table


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


# ---------------------------------------------------------------- alignment


def test_flood_alignment_is_exactly_as_written_by_hand() -> None:
    edits = align_texts(FLOOD, FLOOD_COPY)
    a, b = FLOOD, FLOOD_COPY
    quote = "وقال المتحدث باسم البلدية إن «المياه غمرت الأحياء الشرقية بالكامل»."
    expected = [
        ("word", "keep", 0, 0, at(a, "أعلنت السلطات المحلية في مدينة الساحل إغلاق"),
         at(b, "اعلنت السلطات المحليه في مدينه الساحل إغلاق")),
        ("word", "replace", 0, 0, at(a, "ثلاث"), at(b, "\u0663")),
        ("word", "keep", 0, 0, at(a, "مدارس بعد الفيضانات"), at(b, "مدارس بعد الفيضانات")),
        ("word", "insert", 0, 0, (None, None), at(b, "المدمرة")),
        ("sentence", "delete", 1, None, at(a, quote), (None, None)),
        ("word", "keep", 2, 1, at(a, "ويتوقع خبراء الأرصاد أمطارا غزيرة يوم الجمعة"),
         at(b, "ويتوقع خبراء الارصاد امطارا غزيـرة يوم الجمعة\u064e")),
    ]  # fmt: skip
    got = [
        (
            r.level, r.op,
            None if pd.isna(r.sentence_a) else int(r.sentence_a),
            None if pd.isna(r.sentence_b) else int(r.sentence_b),
            (None, None) if pd.isna(r.a_start) else (int(r.a_start), int(r.a_end)),
            (None, None) if pd.isna(r.b_start) else (int(r.b_start), int(r.b_end)),
        )
        for r in edits.itertuples()
    ]  # fmt: skip
    assert got == expected
    # every span is the original text as written
    for r in edits.itertuples():
        assert r.text_a == ("" if pd.isna(r.a_start) else a[int(r.a_start) : int(r.a_end)])
        assert r.text_b == ("" if pd.isna(r.b_start) else b[int(r.b_start) : int(r.b_end)])
    assert edit_counts(edits) == {"kept": 17, "deleted": 10, "inserted": 1, "replaced_a": 1, "replaced_b": 1}


def test_protest_alignment_marks_the_swapped_labels_and_the_added_phrase() -> None:
    edits = align_texts(PROTEST, PROTEST_COPY)
    changed = edits[edits["op"] != "keep"][["op", "text_a", "text_b"]].values.tolist()
    assert changed == [
        ["replace", "المتظاهرين السلميين", "من مثيري الشغب"],
        ["insert", "", "في مواجهة الإرهاب المتمثل في التخريب"],
        ["replace", "للمتظاهرين السلميين", "للمحتجين"],
    ]


def test_spelling_variants_align_as_kept() -> None:
    a = "وصل وزير الري إلى العاصمة مساء الخميس لبحث اتفاقية المياه مع نظيره."
    b = "وصل وزير الرى الى العاصمـة مساءً الخميس لبحث اتفاقيه المياه مع نظيره."
    edits = align_texts(a, b)
    assert edits["op"].tolist() == ["keep"]
    assert (int(edits.at[0, "a_start"]), int(edits.at[0, "a_end"])) == (0, len(a) - 1)


def test_identical_and_empty_texts() -> None:
    assert align_texts(WATER, WATER)["op"].unique().tolist() == ["keep"]
    assert align_texts("", "").empty
    only_b = align_texts("", MARKET)
    assert only_b["op"].tolist() == ["insert", "insert"] and set(only_b["level"]) == {"sentence"}


arabic_words = st.sampled_from(
    ["قال", "الوزير", "إن", "المياه", "غمرت", "الأحياء", "مدينة", "النهر", "اتفاق", "\u0663", "NBC", "كيرى"]
)
texts = st.lists(st.lists(arabic_words, min_size=1, max_size=8), min_size=0, max_size=5).map(
    lambda sents: " ".join(" ".join(s) + "." for s in sents)
)


@settings(max_examples=60, deadline=10_000)
@given(texts, texts)
def test_alignment_covers_both_texts_in_order(a: str, b: str) -> None:
    edits = align_texts(a, b)
    side_a = " ".join(t for op, t in zip(edits["op"], edits["text_a"], strict=True) if op != "insert")
    side_b = " ".join(t for op, t in zip(edits["op"], edits["text_b"], strict=True) if op != "delete")
    assert word_forms(side_a) == word_forms(a)
    assert word_forms(side_b) == word_forms(b)
    kept = edits[edits["op"] == "keep"]
    assert all(word_forms(x) == word_forms(y) for x, y in zip(kept["text_a"], kept["text_b"], strict=True))


def test_copy_edits_reads_the_corpus_and_names_a_missing_doc() -> None:
    corpus = corpus_of({"a": FLOOD, "b": FLOOD_COPY})
    before = corpus.copy()
    edits = copy_edits(corpus, "a", "b")
    pd.testing.assert_frame_equal(corpus, before)
    assert edits.attrs == {"doc_a": "a", "doc_b": "b"}
    assert list(edits.columns)[:2] == ["level", "op"]
    with pytest.raises(ValueError, match="doc_id 'zz' is not in the corpus"):
        copy_edits(corpus, "a", "zz")


def test_edits_html_marks_edits_right_to_left_and_escapes() -> None:
    corpus = corpus_of({"a": FLOOD, "b": FLOOD_COPY.replace("المدمرة", "المدمرة <b>&</b>")})
    page = edits_html(corpus, copy_edits(corpus, "a", "b"), title="فيضانات الساحل")
    assert page.count('dir="rtl"') == 3
    assert "<del>وقال المتحدث باسم البلدية إن «المياه غمرت الأحياء الشرقية بالكامل».</del>" in page
    assert '<del class="rep-a">ثلاث</del>' in page and '<ins class="rep-b">\u0663</ins>' in page
    assert "<ins>المدمرة &lt;b&gt;&amp;&lt;/b</ins>&gt;." in page  # text is escaped, never markup
    with pytest.raises(ValueError, match="attrs"):
        edits_html(corpus, align_texts(FLOOD, FLOOD_COPY))


# ---------------------------------------------------------------- find_copies


def test_find_copies_sees_through_spelling_and_reports_exact_overlap() -> None:
    variant = WATER.replace("إقليمية", "اقليميه").replace("الري", "الرى").replace("ثلاث", "ثـلاث")
    partial = WATER.split(". ")[0] + ". " + MARKET
    corpus = corpus_of({"w": WATER, "v": variant, "p": partial, "m": MARKET})
    pairs = find_copies(corpus, method="exact")
    assert list(pairs.columns[:2]) == ["doc_a", "doc_b"]
    got = {(a, b): (c, j) for a, b, c, j in pairs[["doc_a", "doc_b", "containment", "jaccard"]].values}
    assert got[("w", "v")] == (1.0, 1.0)  # only spelling differs
    # p = the water story's first sentence + the market story: by hand, 5-word shingles
    first = word_forms(WATER.split(". ")[0])
    market = word_forms(MARKET)
    whole = word_forms(WATER)
    p_words = first + market
    shingles = {tuple(p_words[i : i + 5]) for i in range(len(p_words) - 4)}
    water = {tuple(whole[i : i + 5]) for i in range(len(whole) - 4)}
    mk = {tuple(market[i : i + 5]) for i in range(len(market) - 4)}
    shared_pm = len(shingles & mk)
    assert got[("p", "m")] == pytest.approx((shared_pm / len(mk), shared_pm / len(shingles | mk)))
    shared_wp = len(shingles & water)
    assert shared_wp / min(len(shingles), len(water)) < 0.5 and ("w", "p") not in got
    assert pairs.set_index(["doc_a", "doc_b"]).loc[("w", "v"), "shared_chars"] == sum(map(len, whole))


def test_find_copies_lsh_equals_exact_on_a_planted_corpus() -> None:
    corpus, _ = planted_corpus(150, copies=30, seed=5)
    lsh = find_copies(corpus, seed=3)
    exact = find_copies(corpus, method="exact")
    keys = ["doc_a", "doc_b"]
    pd.testing.assert_frame_equal(
        lsh.sort_values(keys).reset_index(drop=True), exact.sort_values(keys).reset_index(drop=True)
    )
    again = find_copies(corpus, seed=3)
    pd.testing.assert_frame_equal(lsh, again)
    assert lsh.attrs["provenance"]["seed"] == 3 and lsh.attrs["provenance"]["method"] == "lsh"


def test_planted_copy_recall_and_precision_at_a_small_size() -> None:
    corpus, planted = planted_corpus(1500, copies=300, seed=11)
    pairs = find_copies(corpus)
    score = score_pairs(pairs, planted)
    assert score["recall"] >= 0.98 and score["precision"] >= 0.98, score
    found = {frozenset(p) for p in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
    for kind, rows in planted.groupby("kind"):
        hit = np.mean([frozenset(p) in found for p in zip(rows["source"], rows["copy"], strict=True)])
        assert hit >= 0.97, kind
    # a copy is published an hour after its source: the source is named, for the reason "earlier"
    by_pair = {frozenset((a, b)): s for a, b, s in pairs[["doc_a", "doc_b", "source"]].values}
    named = [
        by_pair[frozenset(p)] == p[0]
        for p in zip(planted["source"], planted["copy"], strict=True)
        if frozenset(p) in by_pair
    ]
    assert np.mean(named) == 1.0


def test_signatures_equal_datasketch_minhash() -> None:
    from datasketch import MinHash

    s = shingle([WATER, MARKET, "قصير جدا"], k=3)
    sig = signatures(s, num_perm=32, seed=9)
    for i in range(3):
        m = MinHash(num_perm=32, seed=9, scheme="affine32", hashfunc=lambda x: x)
        m.update_batch(_fold32(s.of(i)).tolist())
        assert np.array_equal(m.hashvalues, sig[i])


def test_likely_source_earlier_day_time_and_wire_credit() -> None:
    texts = {"a": WATER, "b": WATER, "c": WATER, "d": WATER}
    corpus = corpus_of(
        texts,
        published=["2016-07-14", "2016-07-14 21:05", "2016-07-13 23:00", "2016-07-14"],
        wire=["agencies", "AFP", None, None],
    )
    pairs = find_copies(corpus, method="exact").set_index(["doc_a", "doc_b"])
    assert tuple(pairs.loc[("a", "b"), ["source", "source_reason"]]) == ("b", "wire credit")  # AFP > agencies
    assert tuple(pairs.loc[("a", "c"), ["source", "source_reason"]]) == ("c", "earlier")
    assert tuple(pairs.loc[("a", "d"), ["source", "source_reason"]]) == ("a", "wire credit")
    d = pairs.loc[("b", "d")]
    assert (d["source"], d["source_reason"]) == ("b", "wire credit")  # d prints no time: same day
    corpus2 = corpus_of({"x": WATER, "y": WATER})
    row = find_copies(corpus2, method="exact").iloc[0]
    assert row["source"] is None and row["source_reason"] == "undetermined"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"min_overlap": 0.0}, r"min_overlap must be in \(0, 1\], got 0.0"),
        ({"lsh_threshold": 1.5}, r"lsh_threshold must be in \(0, 1\], got 1.5"),
        ({"method": "fast"}, r"method must be 'lsh' or 'exact', got 'fast'"),
        ({"shingle_words": 0}, r"shingle_words must be a positive number of words, got 0"),
        ({"workers": 0}, r"workers must be a positive number of processes, got 0"),
    ],
)
def test_find_copies_names_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        find_copies(corpus_of({"a": WATER}), **options)  # type: ignore[arg-type]


def test_find_copies_on_an_empty_or_short_corpus() -> None:
    pairs = find_copies(corpus_of({"a": "قصير", "b": "قصير"}))
    assert pairs.empty and list(pairs.columns)[:2] == ["doc_a", "doc_b"]


# ---------------------------------------------------------------- groups


def roundup_corpus() -> pd.DataFrame:
    """Story X and its copy, story Y and its copy, and a round-up quoting both stories in full."""
    x, y = WATER, MARKET + " " + MARKET.replace("الخضار", "الفاكهة").replace("الحر", "البرد")
    return corpus_of(
        {"x": x, "x2": x.replace("الجارتان", "الشقيقتان"), "y": y, "y2": y.replace("التجار", "الباعة"),
         "r": x + " " + y},
        published=["2016-07-10 09:00", "2016-07-10 12:00", "2016-07-11 09:00", "2016-07-11 12:00",
                   "2016-07-12 08:00"],
    )  # fmt: skip


def test_copy_groups_do_not_chain_through_a_roundup() -> None:
    corpus = roundup_corpus()
    pairs = find_copies(corpus, method="exact")
    linked = {frozenset(p) for p in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
    assert frozenset(("x", "r")) in linked and frozenset(("y", "r")) in linked  # the chain exists
    groups = copy_groups(corpus, pairs).set_index("doc_id")
    assert groups.loc["x", "copy_group"] == groups.loc["x2", "copy_group"] == "x"
    assert groups.loc["y", "copy_group"] == groups.loc["y2", "copy_group"] == "y"
    assert groups.loc["r", "copy_group"] in ("x", "y")
    assert groups["copy_role"].to_dict() == {
        "x": "source", "x2": "copy", "y": "source", "y2": "copy", "r": "copy",
    }  # fmt: skip
    assert sorted(groups["copy_size"].tolist()) == [2, 2, 3, 3, 3]


def test_one_per_copy_group_and_summary() -> None:
    corpus = corpus_of(
        {"w1": WATER, "w2": WATER.replace("الري", "الموارد المائية"), "w3": WATER, "m": MARKET},
        outlet=["wire_desk", "river", "coast", "river"],
        published=["2016-07-10 09:00", "2016-07-10 10:00", "2016-07-10 11:00", "2016-07-10 12:00"],
        wire=["AFP", None, None, None],
    )
    before = corpus.copy()
    groups = copy_groups(corpus, find_copies(corpus))
    pd.testing.assert_frame_equal(corpus, before)
    assert one_per_copy_group(corpus, groups)["doc_id"].tolist() == ["w1", "m"]
    assert one_per_copy_group(corpus, groups, keep="longest")["doc_id"].tolist() == ["w2", "m"]
    assert len(one_per_copy_group(corpus, groups, keep="first")) == 2
    summary = copy_summary(corpus, groups)
    assert summary[
        ["copy_group", "source_outlet", "wire", "articles", "copies", "outlets"]
    ].values.tolist() == [["w1", "wire_desk", "AFP", 3, 2, "coast, river, wire_desk"]]
    joined = with_copy_groups(corpus, groups)
    assert joined[S.COPY_GROUP].tolist() == ["w1", "w1", "w1", "m"]
    with pytest.raises(ValueError, match="keep must be 'source', 'longest' or 'first', got 'last'"):
        one_per_copy_group(corpus, groups, keep="last")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="groups has no row for doc_id 'zz'"):
        with_copy_groups(pd.concat([corpus, corpus_of({"zz": MARKET})]), groups)


def test_copy_groups_rejects_foreign_pairs() -> None:
    corpus = corpus_of({"a": WATER})
    with pytest.raises(ValueError, match=r"doc_id.*'q'"):
        copy_groups(
            corpus,
            pd.DataFrame(
                {"doc_a": ["a"], "doc_b": ["q"], "shared_shingles": [9], "shingles_a": [9], "shingles_b": [9]}
            ),
        )
    with pytest.raises(
        ValueError, match=r"pairs lacks column\(s\) \[.shared_shingles., .shingles_a., .shingles_b.\]"
    ):
        copy_groups(corpus, pd.DataFrame({"doc_a": ["a"], "doc_b": ["a"]}))


def test_statistics_on_one_copy_per_group_count_a_copy_once() -> None:
    """A label used by one story copied three times counts once after one_per_copy_group."""
    lexicon = framing.load_lexicon(PROTEST_LEXICON)
    corpus = corpus_of(
        {"p1": PROTEST, "p2": PROTEST, "p3": PROTEST, "f": FLOOD},
        outlet=["x", "x", "x", "x"],
        published=["2016-07-10 09:00", "2016-07-10 10:00", "2016-07-10 11:00", "2016-07-10 12:00"],
    )
    groups = copy_groups(corpus, find_copies(corpus))
    all_hits = framing.find_matches(corpus, lexicon)
    once = framing.find_matches(one_per_copy_group(corpus, groups), lexicon)
    assert len(all_hits) == 3 * len(once) and set(once["doc_id"]) == {"p1"}


# ---------------------------------------------------------------- label swaps


def test_label_swaps_exact_on_the_protest_pair() -> None:
    lexicon = framing.load_lexicon(PROTEST_LEXICON)
    corpus = corpus_of(
        {"copy": PROTEST_COPY, "wire": PROTEST},
        outlet=["river", "wire_desk"],
        published=["2016-07-10 12:00", "2016-07-10 09:00"],
    )
    pairs = find_copies(corpus, method="exact")
    assert pairs[["doc_a", "doc_b", "source"]].values.tolist() == [["copy", "wire", "wire"]]
    swaps = label_swaps(corpus, pairs, lexicon)
    columns = ["doc_a", "doc_b", "outlet_a", "outlet_b", "frame", "entry_a", "entry_b", "stance_a",
               "stance_b", "surface_a", "surface_b"]  # fmt: skip
    assert swaps[columns].values.tolist() == [
        ["wire", "copy", "wire_desk", "river", "protesters", "المتظاهرين السلميين", "مثيري الشغب",
         "legitimizing", "delegitimizing", "المتظاهرين السلميين", "مثيري الشغب"],
        ["wire", "copy", "wire_desk", "river", "protesters", "المتظاهرين السلميين", "المحتجين",
         "legitimizing", "neutral", "للمتظاهرين السلميين", "للمحتجين"],
    ]  # fmt: skip
    first = swaps.iloc[0]
    assert (first["a_start"], first["a_end"]) == at(PROTEST, "المتظاهرين السلميين")
    assert (first["b_start"], first["b_end"]) == at(PROTEST_COPY, "مثيري الشغب")
    # the kept الحكومة and the inserted الإرهاب are no swaps
    assert set(swaps["frame"]) == {"protesters"}
    counted = count_swaps(swaps)
    assert counted.values.tolist() == [
        ["wire_desk", "river", "protesters", "legitimizing", "delegitimizing", 1],
        ["wire_desk", "river", "protesters", "legitimizing", "neutral", 1],
    ]
    assert count_swaps(swaps, by="entry")["from"].tolist() == ["المتظاهرين السلميين"] * 2


def test_label_swaps_on_identical_copies_and_bad_pairs() -> None:
    lexicon = framing.load_lexicon(PROTEST_LEXICON)
    corpus = corpus_of({"a": PROTEST, "b": PROTEST})
    assert label_swaps(corpus, find_copies(corpus), lexicon).empty
    with pytest.raises(ValueError, match=r"doc_id.*'nope'"):
        label_swaps(corpus, pd.DataFrame({"doc_a": ["a"], "doc_b": ["nope"]}), lexicon)
    with pytest.raises(ValueError, match="by must be 'stance' or 'entry', got 'outlet'"):
        count_swaps(pd.DataFrame(), by="outlet")  # type: ignore[arg-type]


def test_public_api() -> None:
    for name in ("find_copies", "copy_groups", "copy_edits", "label_swaps", "one_per_copy_group"):
        assert name in framing.__all__ and callable(getattr(framing, name))
    assert S.COPY_GROUP == "copy_group"
