"""English and Russian text with the shipped lexicons (issue 15): label choice, frame scores, inflection.

Sentences written for this test (not from any outlet), about Syrian events other than the July 2016
Moscow talks. Russian labels are matched in their case forms (Асада, Асаду, боевиков, повстанцами),
English ones with possessives and hyphens (Assad's regime, so-called, al-Nusra).
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.compare import label_choice
from framing.lexicon import Lexicon
from framing.lexicon.model import entries_per_language, entry_language


@pytest.fixture(scope="module")
def actors() -> Lexicon:
    return framing.load_lexicon("actor_labels_2016", strict=True)


@pytest.fixture(scope="module")
def frames() -> Lexicon:
    return framing.load_lexicon("kerry_putin_2016", strict=True)


def corpus(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(rows))],
            "outlet": [r[0] for r in rows],
            "language": [r[1] for r in rows],
            "text": [r[2] for r in rows],
        }
    )


def found(lexicon: Lexicon, text: str) -> list[tuple[str, str, str]]:
    hits = framing.find_matches(corpus([("x", "", text)]), lexicon)
    return list(hits[["frame", "entry", "surface"]].itertuples(index=False, name=None))


def test_english_labels_with_possessives_hyphens_and_case(actors: Lexicon) -> None:
    text = (
        "Assad's regime shelled the town, while the so-called moderate opposition and al-Nusra fighters "
        "held the hills; ISIS claimed a bombing and REBELS said government forces had withdrawn."
    )
    hits = found(actors, text)
    assert ("syrian_government", "Assad's regime", "Assad's regime") in hits
    assert ("armed_opposition", "so-called moderate opposition", "so-called moderate opposition") in hits
    assert ("nusra_front", "al-Nusra", "al-Nusra") in hits
    assert ("isis", "ISIS", "ISIS") in hits
    assert ("armed_opposition", "rebel*", "REBELS") in hits
    assert ("syrian_government", "government forces", "government forces") in hits
    # within a frame the longest label wins: "moderate opposition" is not counted again inside "so-called …"
    assert not any(e == "moderate opposition" for _, e, _ in hits)


def test_russian_labels_in_their_case_forms(actors: Lexicon) -> None:
    text = (
        "Сторонники режима Асада заявили, что боевиков выбили из города. Повстанцы назвали это ложью, "
        "а представители так называемой умеренной оппозиции обвинили в обстреле Джебхат ан-Нусру. "
        "Посол встретился с сирийским правительством и с президентом Башаром Асадом."
    )
    hits = found(actors, text)
    surfaces = {(frame, surface) for frame, _, surface in hits}
    assert ("syrian_government", "режима Асада") in surfaces
    assert ("armed_opposition", "боевиков") in surfaces
    assert ("armed_opposition", "Повстанцы") in surfaces
    assert ("armed_opposition", "так называемой умеренной оппозиции") in surfaces
    assert ("nusra_front", "Нусру") in surfaces
    assert ("syrian_government", "сирийским правительством") in surfaces
    assert ("syrian_government", "Башаром Асадом") not in surfaces  # instrumental first word: not listed
    assert ("syrian_government", "Асадом") not in surfaces


def test_russian_yo_and_e_spellings_match_alike(actors: Lexicon) -> None:
    with_yo = found(actors, "Вооружённая оппозиция отступила.")
    without = found(actors, "Вооруженная оппозиция отступила.")
    assert [(f, e) for f, e, _ in with_yo] == [(f, e) for f, e, _ in without] != []
    assert with_yo[0][2] == "Вооружённая оппозиция"  # the surface keeps the text as written


def test_label_choice_compares_editions_in_three_languages(actors: Lexicon) -> None:
    rows = [
        ("sever", "en", "Terrorists attacked the base. The terrorists were repelled by the Syrian army."),
        ("sever", "en", "Militants shelled a school, the Syrian government said."),
        ("sever", "ru", "Террористы обстреляли школу. Сирийская армия отбила атаку боевиков."),
        ("sever", "ar", "هاجم الإرهابيون القاعدة وصدّ الجيش العربي السوري الهجوم."),
        ("marfa", "en", "Rebels said regime forces shelled a school; the moderate opposition denied it."),
        ("marfa", "ru", "Повстанцы заявили, что сирийский режим обстрелял школу."),
    ]
    data = corpus(rows)
    data["edition"] = data["outlet"] + "/" + data["language"]
    with pytest.warns(UserWarning, match="fewer than 5 articles"):
        table = label_choice(data, actors, by="edition")
    opposition = table[table["referent"] == "armed_opposition"]
    stance = opposition.groupby(["edition", "stance"])["count"].sum().unstack(fill_value=0)
    assert stance.loc["sever/en", "delegitimizing"] == 3 and stance.loc["sever/en", "legitimizing"] == 0
    assert stance.loc["sever/ru", "delegitimizing"] == 2
    assert stance.loc["sever/ar", "delegitimizing"] == 1
    assert stance.loc["marfa/en", "legitimizing"] == 2 and stance.loc["marfa/en", "delegitimizing"] == 0
    assert stance.loc["marfa/ru", "legitimizing"] == 1
    government = table[(table["referent"] == "syrian_government") & (table["count"] > 0)]
    assert set(government.loc[government["edition"] == "sever/en", "stance"]) == {"state"}
    assert set(government.loc[government["edition"] == "marfa/en", "stance"]) == {"regime"}
    assert set(government.loc[government["edition"] == "marfa/ru", "stance"]) == {"regime"}


def test_frame_scores_in_english_and_russian(frames: Lexicon) -> None:
    rows = [
        ("x", "en", "The talks on a ceasefire went on; diplomats spoke of concrete steps and negotiations."),
        ("x", "en", "Air strikes and shelling hit the besieged town; hospitals lacked drugs for civilians."),
        ("x", "ru", "Переговоры о перемирии продолжились; дипломаты говорили о конкретных шагах."),
        ("x", "ru", "Авиаудары и обстрелы осажденного города; больницы без лекарств для мирных жителей."),
    ]
    scores = framing.score(corpus(rows), frames)
    wide = scores.pivot(index="doc_id", columns="frame", values="count").fillna(0)
    assert wide.loc["d0", "diplomacy"] == 4  # talks, ceasefire, concrete steps, negotiations
    assert wide.loc["d2", "diplomacy"] == 4  # переговоры, перемирии, дипломаты, конкретных шагах
    assert wide.loc["d1", "military_escalation"] == 2 and wide.loc["d3", "military_escalation"] == 2
    assert wide.loc["d1", "humanitarian_cost"] == 3 and wide.loc["d3", "humanitarian_cost"] == 3
    assert wide.loc["d0", "military_escalation"] == 0 and wide.loc["d2", "humanitarian_cost"] == 0


def test_every_shipped_lexicon_reports_entries_in_three_languages() -> None:
    for name in ("kerry_putin_2016", "generic_frames_ar", "actor_labels_2016"):
        lexicon = framing.load_lexicon(name)
        per = entries_per_language(lexicon)
        assert set(per) == {"ar", "en", "ru"}, (name, per)
        assert sum(per.values()) == sum(len(f.entries) for f in lexicon)
        assert all(entry_language(e, lexicon) in per for f in lexicon for e in f.entries)


def test_comparisons_take_several_by_columns_and_warn_across_languages(actors: Lexicon) -> None:
    from framing.compare import LanguageMixWarning, distinctive_words, frame_rates, independence, pairwise

    rows = [
        ("sever", "en", "Terrorists attacked the base near the city."),
        ("sever", "en", "Militants shelled a school in the city."),
        ("sever", "ru", "Террористы обстреляли школу в городе."),
        ("marfa", "en", "Rebels said regime forces shelled a school."),
        ("marfa", "ru", "Повстанцы заявили, что сирийский режим обстрелял школу."),
    ]
    data = corpus(rows)
    scores = framing.score(data, actors)
    with pytest.warns(UserWarning, match="fewer than 5 articles"):
        rates = frame_rates(data, scores, by=["outlet", "language"], n_boot=50)
    assert sorted(set(rates["outlet+language"])) == ["marfa · en", "marfa · ru", "sever · en", "sever · ru"]
    assert "outlet+language" not in data.columns  # the input is not modified
    one = rates[(rates["outlet+language"] == "sever · en") & (rates["frame"] == "armed_opposition")]
    assert one[["articles", "count", "share"]].values.tolist() == [[2, 2, 1.0]]
    with pytest.warns(LanguageMixWarning, match=r"2 languages \(en, ru\).*not comparable across languages"):
        independence(data, scores, by="language")
    with pytest.warns(LanguageMixWarning):
        pairwise(data, scores, by=["outlet", "language"])
    with pytest.warns(UserWarning, match="fewer than 5 articles"):
        labels = label_choice(data, actors, by=["outlet", "language"])
    assert "outlet+language" in labels.columns
    with pytest.warns(UserWarning, match="fewer than 5 articles"):
        words = distinctive_words(data, by=["outlet", "language"], min_count=1)
    assert set(words["outlet+language"]) == {"marfa · en", "marfa · ru", "sever · en", "sever · ru"}
    with pytest.raises(ValueError, match="lacks the 'edition' column"):
        frame_rates(data, scores, by=["outlet", "edition"])
