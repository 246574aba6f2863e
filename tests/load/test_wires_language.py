"""The agency registry (credits vs citations), language detection, and the new date forms."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import read_corpus
from framing.load.dates import find_dates, url_date
from framing.load.language import detect_language
from framing.load.outlets import match_key
from framing.load.pages import parse_page
from framing.load.resources import fast_key
from framing.load.wires import agencies, cited_wires, credit_wires, only_wires

REQUIRED = {
    "AFP", "Reuters", "AP", "DPA", "Anadolu", "SANA", "TASS", "RIA Novosti", "Sputnik", "Interfax", "Xinhua",
    "EFE", "ANSA", "IRNA", "QNA", "WAM", "SPA", "MENA", "KUNA", "Petra", "agencies",
}  # fmt: skip


def test_registry_has_the_agencies_of_the_issue_with_names_in_three_scripts() -> None:
    codes = {a.code for a in agencies()}
    assert codes >= REQUIRED
    for code in ("AFP", "Reuters", "TASS", "RIA Novosti", "Interfax"):
        names = next(a for a in agencies() if a.code == code).names
        assert any("\u0600" <= n[0] <= "\u06ff" for n in names), code  # Arabic
        assert any(n[0].isascii() for n in names), code  # Latin
        assert any("\u0400" <= n[0] <= "\u04ff" for n in names), code  # Cyrillic


@pytest.mark.parametrize(
    ("credit", "codes"),
    [
        ("(أ.ف.ب)", ["AFP"]),
        ("أ ف ب", ["AFP"]),
        ("ا ف ب", ["AFP"]),  # hamza dropped
        ("وكالة الأناضول", ["Anadolu"]),
        ("رويترز + وكالات", ["Reuters", "agencies"]),
        ("الفرنسية و رويترز", ["AFP", "Reuters"]),
        ("РИА Новости", ["RIA Novosti"]),
        ("/ТАСС/", ["TASS"]),
        ("INTERFAX.RU", ["Interfax"]),
        ("The Associated Press", ["AP"]),
        ("Al Jazeera and news agencies", ["agencies"]),
        ("بترا", ["Petra"]),
        ("قنا", ["QNA"]),
    ],
)
def test_credit_wires(credit: str, codes: list[str]) -> None:
    assert credit_wires(credit) == codes


def test_only_wires_needs_every_piece_to_be_an_agency() -> None:
    assert only_wires("(وكالات)") == ["agencies"]
    assert only_wires("موسكو - الفرنسية") == []
    assert only_wires("قال مسؤول") == []


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("وقال المسؤول لوكالة رويترز إن المحطة ستعمل قريباً.", ["Reuters"]),
        ("وأفاد مصدر للأناضول بأن الطريق مغلق.", ["Anadolu"]),
        ("ونقلت وكالة أنباء الشرق الأوسط عن الوزير قوله إن المخزون يكفي.", ["MENA"]),
        ("كما ذكرت أ.ف.ب أن الأمطار ستستمر، فيما نقلت سبوتنيك رواية أخرى.", ["AFP", "Sputnik"]),
        ("The talks ended late, TASS reported, citing a diplomat.", ["TASS"]),
        ("Как сообщает Интерфакс, движение восстановлено.", ["Interfax"]),
        ("По данным РИА Новости, мост откроют в декабре.", ["RIA Novosti"]),
        # words that only look like agencies inside a sentence
        ("وقالت الخارجية الفرنسية إن الوزير سيزور المنطقة.", []),
        ("وزار الوفد محافظة قنا في صعيد مصر.", []),
        ("Спутник вышел на орбиту.", ["Sputnik"]),  # capitalized at the start of a sentence: counted
        ("Запуск: спутник вышел на орбиту.", []),
        ("An AP style guide was cited.", []),
    ],
)
def test_cited_wires(sentence: str, codes: list[str]) -> None:
    assert cited_wires(sentence) == codes


def test_wire_and_cited_are_kept_apart() -> None:
    page = parse_page(
        "عنوان الخبر\nالقاهرة (رويترز) - قال مسؤول إن المحطة ستعمل الشهر المقبل بطاقة كاملة.\n"
        "وذكرت وكالة الأناضول أن العمل بدأ منذ عامين، فيما قالت رويترز إن الكلفة ارتفعت.\n"
    )
    assert page.wire == "Reuters"
    assert page.wires_cited == ["Anadolu"]


@pytest.mark.parametrize(
    "line",
    [
        "صورة من: رويترز",
        "Photo: AFP",
        "Photo by Jane Doe/REUTERS",
        "Фото: ТАСС / Иван Петров",
        "(صورة: أ ف ب)",
    ],
)
def test_photo_credits_are_neither_dateline_nor_wire(line: str) -> None:
    page = parse_page(
        f"عنوان الخبر - موقع\nعنوان الخبر\n{line}\nالخميس 14 يوليو 2022\n"
        "وصل الوفد إلى العاصمة في زيارة رسمية تستمر يومين يبحث خلالها ملفات التعاون.\n"
    )
    assert (page.dateline, page.wire) == (None, None)
    assert page.reasons[page.boilerplate.index(line)] == "photo credit"


# ------------------------------------------------------------------------------------------- language
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("أعلنت وزارة الصحة رفع درجة الاستعداد في المستشفيات الحكومية خلال موجة الحر.", "ar"),
        ("قال المتحدث باسم NATO إن الاجتماع الذي عقد في Brussels انتهى دون اتفاق نهائي.", "ar"),
        ("The ministry said reservoirs stood at a quarter of their capacity this week.", "en"),
        ("Министерство сообщило, что водохранилища заполнены на четверть.", "ru"),
        ("Le ministère a annoncé la réouverture du musée national samedi prochain.", "fr"),
        ("Bakanlık, ulusal müzenin cumartesi günü yeniden açılacağını duyurdu.", "tr"),
        ("وزارت بهداشت اعلام کرد که بیمارستان‌ها در حالت آماده‌باش قرار دارند.", "fa"),
        ("Міністерство повідомило, що музей знову відкриється в суботу.", "uk"),
        ("", "und"),
        ("12345 — !!", "und"),
        ("OK", "und"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_language_default_is_used_only_for_its_script() -> None:
    assert detect_language("خبر", default="ar") == "ar"
    assert detect_language("خبر", default="en") == "und"


def test_language_column_and_report(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.txt").write_text(
        "The ministry said reservoirs stood at a quarter of their capacity this week, officials said.\n",
        encoding="utf-8",
    )
    (tmp_path / "site" / "b.txt").write_text(
        "أعلنت وزارة الصحة رفع درجة الاستعداد في المستشفيات الحكومية خلال موجة الحر الحالية.\n",
        encoding="utf-8",
    )
    corpus = read_corpus(tmp_path)
    assert sorted(corpus["language"]) == ["ar", "en"]
    report = corpus.attrs["load_report"]
    assert report.languages == {"ar": 1, "en": 1}
    assert "Languages of the articles: " in str(report)


# ---------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("16 июля 2016, 03:19", datetime(2016, 7, 16, 3, 19)),
        ("16 июля 2016 г. 03:19", datetime(2016, 7, 16, 3, 19)),
        ("16 июля 2016 года", datetime(2016, 7, 16)),
        ("15 июл 2016, 14:20", datetime(2016, 7, 15, 14, 20)),
        ("Friday, July 15 2016 18:50 EEST", datetime(2016, 7, 15, 18, 50)),
        ("Jul 15, 2016 6:50 PM GMT", datetime(2016, 7, 15, 18, 50)),
        ("كتب: رويترز الجمعة 15-07-2016 11:23", datetime(2016, 7, 15, 11, 23)),
    ],
)
def test_more_date_forms(text: str, value: datetime) -> None:
    assert find_dates(text)[0].value == value


def test_url_dates() -> None:
    assert url_date("https://site.example/a/2016/07/14/slug") == datetime(2016, 7, 14)
    assert url_date("see https://site.example/2016-07-14-slug") == datetime(2016, 7, 14)
    assert url_date("https://site.example/news/123456") is None


def test_a_date_inside_a_sentence_is_not_the_publication_date() -> None:
    page = parse_page(
        "Turnout low in municipal vote\n"
        "Turnout was below 30 percent in the municipal elections held on Sunday, officials said.\n"
        "Final results are expected by July 31, 2022.\n"
    )
    assert page.published is None


# -------------------------------------------------------------------------------------------- outlets
def test_outlet_from_folder_not_from_a_title_split(tmp_path: Path) -> None:
    (tmp_path / "river").mkdir()
    body = "أعادت وحدات الهندسة فتح الطريق الدولي بعد تفكيك عشرات العبوات الناسفة التي زرعها المسلحون.\n"
    for name, title in (
        ("a", "عنوان أول - 2016/7/14"),
        ("b", "عنوان ثان - (وكالات)"),
        ("c", "وزير: لن نتراجع"),
    ):
        (tmp_path / "river" / f"{name}.txt").write_text(f"{title}\n{body}", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert set(corpus["outlet"]) == {"river"}
    assert set(corpus["outlet_source"]) == {"folder"}


def test_a_known_outlet_named_by_the_page_wins_and_is_reported(tmp_path: Path) -> None:
    (tmp_path / "misc").mkdir()
    (tmp_path / "misc" / "a.txt").write_text(
        "عنوان الخبر - بوابة الشروق\nوصل الوزير إلى العاصمة في زيارة رسمية تستمر يومين يبحث خلالها ملفات.\n",
        encoding="utf-8",
    )
    corpus = read_corpus(tmp_path)
    assert (corpus.loc[0, "outlet"], corpus.loc[0, "outlet_source"]) == ("shorouk", "profile")
    assert corpus.attrs["load_report"].outlet_from_page == ["misc/a.txt: shorouk (folder misc)"]


def test_site_name_of_pages_directly_in_the_folder_counts_when_it_repeats(tmp_path: Path) -> None:
    body = "وصل الوزير إلى العاصمة في زيارة رسمية تستمر يومين يبحث خلالها ملفات التعاون {}.\n"
    (tmp_path / "a.txt").write_text("عنوان أول - صحيفة النهر\n" + body.format(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text("عنوان ثان - صحيفة النهر\n" + body.format(2), encoding="utf-8")
    (tmp_path / "c.txt").write_text("عنوان ثالث - سامي\n" + body.format(3), encoding="utf-8")
    corpus = read_corpus(tmp_path).set_index("source_path")
    assert corpus.loc[str(tmp_path / "a.txt"), "outlet"] == "صحيفة النهر"
    assert corpus.loc[str(tmp_path / "c.txt"), "outlet"] == "unknown"


# ---------------------------------------------------------------------------------------- nothing lost
@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد إلى العاصمة صباح اليوم في زيارة رسمية تستمر يومين.",  # one line, one sentence
        "وصل الوفد إلى العاصمة.\nوبحث مع المسؤولين ملفات التعاون.",  # two short paragraphs, no title
        "A delegation arrived in the capital on Sunday for a two-day visit.",
    ],
)
def test_short_body_only_files_come_through_whole(text: str) -> None:
    page = parse_page(text)
    assert page.body_lines == text.split("\n")
    assert page.headline == ""
    assert page.title_source is None


def test_every_removed_line_has_a_reason() -> None:
    page = parse_page(
        "عنوان - موقع\nالرئيسية\nعنوان\nكتب: سامي علي\nالجمعة 15 تموز 2022\n"
        "دمشق - سانا - أعادت الورش فتح الطريق بعد إصلاح الجسر المتضرر من السيول.\nتعليقات الزوار\n"
    )
    assert len(page.reasons) == len(page.boilerplate)
    assert dict(zip(page.boilerplate, page.reasons, strict=True)) == {
        "عنوان - موقع": "title line",
        "الرئيسية": "page chrome",
        "عنوان": "headline repeated",
        "كتب: سامي علي": "byline",
        "الجمعة 15 تموز 2022": "date line",
        "تعليقات الزوار": "end marker",
        "دمشق - سانا -": "credit at the start of the first paragraph",
    }


@settings(max_examples=200, deadline=2000)
@given(st.text(max_size=60))
def test_fast_key_is_match_key(text: str) -> None:
    assert fast_key(text) == match_key(text)


def test_a_place_alone_is_a_dateline_only_when_marked_as_one() -> None:
    body = "وصل الوفد إلى العاصمة في زيارة رسمية تستمر يومين يبحث خلالها ملفات التعاون الاقتصادي."
    section = parse_page(f"عنوان - موقع\nأخبار سوريا\nحلب\nعنوان\n{body}\n")  # a breadcrumb
    marked = parse_page(f"عنوان - موقع\nعنوان\nحلب:\n{body}\n")
    latin = parse_page(f"Title - Site\nTitle\nANKARA\n{body}\n")
    assert (section.dateline, marked.dateline, latin.dateline) == (None, "Aleppo", "Ankara")


def test_a_wire_dateline_without_a_city_has_no_place() -> None:
    page = parse_page(
        "Shipping firm posts record profit\nJuly 15 (Reuters) - A regional shipping firm posted a record"
        " quarterly profit on Friday, helped by higher freight rates.\n"
    )
    assert (page.dateline, page.wire) == (None, "Reuters")
    assert page.body_lines[0].startswith("A regional shipping firm")
