"""Copies counted once in the statistics: find_copies -> copy_groups -> with_copy_groups gives the
``copy_group`` column that ``cluster="copy_group"`` of framing.compare reads.

A hand-made corpus (texts written here, about a port strike and a dam, not about the Kerry-Putin talks;
outlets ``a`` and ``b`` are fictional): a terror-heavy wire story run twice by outlet a (once edited), a
calm wire story run twice by outlet b (once cut), and three articles that are no copy. The expected
permutation p-values are enumerated by hand over the labelings a cluster permutation can reach.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing import compare
from framing import schema as S
from framing.copies import copy_groups, find_copies, one_per_copy_group, with_copy_groups
from tests.test_inference import welch_by_hand

STRIKE = (
    "أضرب عمال ميناء المدينة الشمالية عن العمل لليوم الثالث احتجاجا على تأخر الأجور. "
    "ووصف مسؤول أمني الإضراب بأنه إرهاب اقتصادي يهدد حركة التجارة، متحدثا عن إرهاب منظم. "
    "وقالت النقابة إن العمال لن يعودوا قبل صرف رواتب الأشهر الثلاثة الماضية كاملة. "
    "وحذر التجار من أن توقف الشحن سيرفع أسعار السلع المستوردة خلال الأسابيع المقبلة."
)
# outlet a's second run of the strike story: hamza dropped, ة written ه, one more "terror" phrase added
STRIKE_COPY = (
    "اضرب عمال ميناء المدينه الشمالية عن العمل لليوم الثالث احتجاجا على تأخر الأجور. "
    "ووصف مسؤول أمني الإضراب بأنه إرهاب اقتصادي يهدد حركة التجارة، متحدثا عن إرهاب منظم وإرهاب ممول. "
    "وقالت النقابة إن العمال لن يعودوا قبل صرف رواتب الأشهر الثلاثة الماضية كاملة. "
    "وحذر التجار من أن توقف الشحن سيرفع أسعار السلع المستوردة خلال الأسابيع المقبلة."
)
DAM = (
    "افتتحت وزارة الزراعة سدا جديدا على الوادي الجنوبي لتخزين مياه الأمطار الموسمية. "
    "وقال مهندس المشروع إن السد سيروي آلاف الهكتارات من الأراضي الزراعية في القرى المجاورة. "
    "وأضاف أن أعمال البناء استغرقت أربع سنوات بتمويل من صندوق تنموي إقليمي. "
    "ويأمل المزارعون أن ينهي المشروع سنوات من العطش وخسارة المحاصيل في الصيف."
)
DAM_CUT = DAM.rsplit(". ", 1)[0] + "."  # outlet b's second run: the farmers' sentence cut
SINGLE_A = "وصلت قافلة مساعدات طبية إلى البلدة المحاصرة بعد أسابيع من الانتظار، وتحدث السكان عن الإرهاب."
SINGLE_B1 = "سجلت البورصة المحلية ارتفاعا طفيفا في تداولات الأسبوع مع عودة المستثمرين الأجانب إلى السوق."
SINGLE_B2 = "فاز المنتخب الوطني لكرة اليد على ضيفه في مباراة ودية أقيمت في الصالة المغطاة مساء الخميس."

TEXTS = {"a1": STRIKE, "a2": STRIKE_COPY, "a3": SINGLE_A, "b1": DAM, "b2": DAM_CUT, "b3": SINGLE_B1,
         "b4": SINGLE_B2}  # fmt: skip
LEXICON = {"terror": ["إرهاب*"], "farming": ["زراع*", "مزارع*"]}


def corpus_and_scores() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    corpus = pd.DataFrame(
        {
            S.DOC_ID: list(TEXTS),
            S.OUTLET: [d[0] for d in TEXTS],
            S.TITLE: [f"title {d}" for d in TEXTS],
            S.PUBLISHED: pd.to_datetime([f"2016-03-0{n + 1} 10:00" for n in range(len(TEXTS))]),
            S.TEXT: list(TEXTS.values()),
        }
    )
    groups = copy_groups(corpus, find_copies(corpus, seed=1))
    scores = framing.score(corpus, framing.load_lexicon(LEXICON))
    return corpus, groups, scores


def quiet(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # seven articles: the small-group warnings are expected
        return function(*args, **kwargs)


def test_pipeline_finds_the_planted_copies_and_singles_are_their_own_group() -> None:
    corpus, groups, _ = corpus_and_scores()
    joined = with_copy_groups(corpus, groups)
    assert joined[S.COPY_GROUP].tolist() == ["a1", "a1", "a3", "b1", "b1", "b3", "b4"]
    assert joined[S.COPY_ROLE].tolist() == ["source", "copy", "single", "source", "copy", "single", "single"]
    assert joined[S.COPY_GROUP].notna().all()  # an article that is no copy is its own group, never NaN


def test_clusters_count_copy_groups_in_every_compare_function() -> None:
    corpus, groups, scores = corpus_and_scores()
    joined = with_copy_groups(corpus, groups)
    rates = quiet(compare.frame_rates, joined, scores, n_boot=200, cluster="copy_group")
    per_outlet = rates.groupby(S.OUTLET)[["articles", "clusters"]].first()
    # by hand: a ran the strike story twice and one article of its own; b the dam story twice and two
    assert per_outlet.to_dict("index") == {
        "a": {"articles": 3, "clusters": 2},
        "b": {"articles": 4, "clusters": 3},
    }
    naive = quiet(compare.frame_rates, joined, scores, n_boot=200)
    assert naive.groupby(S.OUTLET)["clusters"].first().tolist() == [3, 4]
    ind = quiet(compare.independence, joined, scores, n_perm=199, cluster="copy_group").iloc[0]
    assert (ind["articles"], ind["clusters"]) == (7, 5)
    assert quiet(compare.independence, joined, scores, n_perm=199).iloc[0]["clusters"] == 7
    # a missing copy_group (an article left out of copy_groups' table) is a cluster of its own: NaN must
    # not lump the three articles that are no copy into one cluster
    holes = joined.assign(copy_group=joined[S.COPY_GROUP].where(joined[S.COPY_ROLE] != "single"))
    assert holes[S.COPY_GROUP].isna().sum() == 3
    ind_holes = quiet(compare.independence, holes, scores, n_perm=199, cluster="copy_group").iloc[0]
    assert ind_holes["clusters"] == 5
    rates_holes = quiet(compare.frame_rates, holes, scores, n_boot=200, cluster="copy_group")
    assert rates_holes.groupby(S.OUTLET)["clusters"].first().tolist() == [2, 3]


def _exact_p(
    units: list[tuple[int, int]], labelings: list[tuple[int, ...]], observed_a: tuple[int, ...]
) -> float:
    """Share of the equally likely labelings (the set of articles in a) whose |z| reaches the observed."""

    def z(chosen: tuple[int, ...]) -> float:
        a = set(chosen)
        pick = [(float(t), float(c)) for i, (t, c) in enumerate(units) if i in a]
        rest = [(float(t), float(c)) for i, (t, c) in enumerate(units) if i not in a]
        return abs(welch_by_hand([c for _, c in pick], [t for t, _ in pick], [c for _, c in rest],
                                 [t for t, _ in rest]))  # fmt: skip

    observed = z(observed_a)
    return sum(z(s) >= observed * (1 - 1e-9) for s in labelings) / len(labelings)


def test_pairwise_moves_a_copy_group_whole_like_the_hand_enumeration() -> None:
    corpus, groups, scores = corpus_and_scores()
    joined = with_copy_groups(corpus, groups)
    terror = scores[scores["frame"] == "terror"].set_index(S.DOC_ID)
    ids = list(TEXTS)  # a1 a2 a3 b1 b2 b3 b4
    units = [(int(terror.loc[d, "tokens"]), int(terror.loc[d, "count"])) for d in ids]
    assert [c for _, c in units] == [2, 3, 1, 0, 0, 0, 0]  # the lexicon finds the hits written above
    # with copy groups: the two 2-article stories swap outlets or not (2 ways), and outlet a's third
    # article is one of the three articles that are no copy (3 ways): 6 labelings
    stories = [(0, 1), (3, 4)]
    labelings = [(*story, single) for story in stories for single in (2, 5, 6)]
    exact_clustered = _exact_p(units, labelings, (0, 1, 2))
    exact_naive = _exact_p(units, list(itertools.combinations(range(7), 3)), (0, 1, 2))  # 35 labelings
    # only the observed labeling puts all six hits in a (and none in b): 1 of 6, 1 of 35
    assert exact_clustered == pytest.approx(1 / 6) and exact_naive == pytest.approx(1 / 35)
    n_perm = 20_000
    for cluster, exact in (("copy_group", exact_clustered), (None, exact_naive)):
        got = quiet(
            compare.pairwise, joined, scores, n_perm=n_perm, seed=5, correction="none", cluster=cluster
        )
        p = got.loc[got["frame"] == "terror", "p_value"].iloc[0]
        assert p == pytest.approx(exact, abs=4 * math.sqrt(exact * (1 - exact) / n_perm) + 1 / n_perm)
        assert got.attrs["provenance"]["cluster"] == cluster


def test_one_per_copy_group_counts_each_story_once() -> None:
    corpus, groups, scores = corpus_and_scores()
    kept = one_per_copy_group(corpus, groups)
    assert kept[S.DOC_ID].tolist() == ["a1", "a3", "b1", "b3", "b4"]
    rates = quiet(compare.frame_rates, kept, scores[scores[S.DOC_ID].isin(kept[S.DOC_ID])], n_boot=200)
    terror_a = rates[(rates["frame"] == "terror") & (rates[S.OUTLET] == "a")].iloc[0]
    assert (terror_a["articles"], terror_a["count"]) == (2, 3)  # a1's two hits and a3's one, a2 left out
    assert np.isfinite(terror_a["rate"])
