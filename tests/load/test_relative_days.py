"""Relative days (``أمس``, ``اليوم الخميس``, ``Yesterday``, ``вчера``): read only on a date line or at the
end of a byline, only against the day the page was seen (the date above the headline), and only when the
weekday printed with them is that day's. Otherwise the page gets no date from them: no date is better
than a wrong one.

Every page below is constructed (fictional site names, sentences written for these tests). The day the
pages were seen is Friday 27 September 2024, 7:26 in the morning.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import read_corpus
from framing import schema as S
from framing.load.dates import relative_day
from framing.load.pages import parse_page

SEEN = datetime(2024, 9, 27, 7, 26)  # a Friday
TITLE = "افتتاح معرض الإسكندرية للكتاب بمشاركة مئتي دار نشر"
BODY = [
    "افتتح محافظ الإسكندرية مساء الخميس الدورة الجديدة من معرض الكتاب، بمشاركة نحو مئتي دار نشر عربية"
    " وأجنبية.",
    "وقال مدير المعرض إن البرنامج يضم ندوات يومية وورشا للأطفال حتى نهاية الشهر.",
]


def arabic_page(date_line: str, *, header: str | None = "الجمعة 27 سبتمبر 2024 7:26 ص") -> str:
    """An Egyptian-portal page: title - site, the day's date above the headline, the headline again,
    the date line under test, the body, furniture."""
    lines = [f"{TITLE} - بوابة الواحة"]
    if header is not None:
        lines.append(header)
    lines += ["الأكثر قراءة", TITLE, date_line, *BODY, "شارك برأيك"]
    return "\n".join(lines)


ARABIC_CASES = [
    # yesterday, with the weekday that agrees (Thursday 26), a 12-hour time
    ("نشر في: أمس الخميس - 10:30 م", datetime(2024, 9, 26, 22, 30)),
    # Arabic-Indic digits, hamza-less alef, a diacritic on أمسِ
    ("نشر في: امس الخميس - ١٠:٣٠ م", datetime(2024, 9, 26, 22, 30)),
    ("نُشر: أمسِ 9:05 ص", datetime(2024, 9, 26, 9, 5)),
    # today with its weekday, earlier than the moment the page was seen
    ("اليوم الجمعة 06:40 ص", datetime(2024, 9, 27, 6, 40)),
    ("اليوم الجمعة", datetime(2024, 9, 27)),
    # the day before yesterday (Wednesday 25)
    ("نشر في: أول أمس 11:05 ص", datetime(2024, 9, 25, 11, 5)),
    ("تاريخ النشر: أول من أمس الأربعاء", datetime(2024, 9, 25)),
    # a weekday that is not that day's: no date
    ("نشر في: أمس الأربعاء - 10:30 م", None),
    ("اليوم الخميس 06:40 ص", None),
    # today at a time after the page was seen: impossible, no date
    ("اليوم الجمعة 09:15 ص", None),
]


@pytest.mark.parametrize(("date_line", "expected"), ARABIC_CASES)
def test_arabic_relative_day_on_a_date_line(date_line: str, expected: datetime | None) -> None:
    page = parse_page(arabic_page(date_line))
    assert page.published == expected
    assert page.published_source == ("relative" if expected else None)
    assert page.scraped_at == SEEN  # the date above the headline is the day the page was seen
    assert page.body_lines == BODY
    assert date_line in page.boilerplate


def test_relative_day_at_the_end_of_a_byline() -> None:
    page = parse_page(arabic_page("كتب: سامي حداد - أمس 10:30 م"))
    assert (page.published, page.published_source) == (datetime(2024, 9, 26, 22, 30), "relative")
    assert page.byline == "سامي حداد"  # the relative day is not part of the name


def test_no_known_day_no_date() -> None:
    """Without the day the page was seen, "yesterday" names no date."""
    page = parse_page(arabic_page("نشر في: أمس الخميس - 10:30 م", header=None))
    assert page.published is None and page.published_source is None and page.scraped_at is None
    assert page.body_lines == BODY


def test_a_relative_word_inside_a_sentence_is_not_a_date() -> None:
    """A relative word inside a sentence ("قال أمس إن …") is article text; the page's date comes from
    elsewhere (here the header, as before)."""
    sentence = "وقال رئيس اتحاد الناشرين أمس إن الإقبال فاق التوقعات في اليوم الأول."
    page = parse_page(arabic_page(sentence))
    assert page.published_source != "relative"
    assert sentence in page.body_lines


@pytest.mark.parametrize("word", ["أمس", "اليوم", "Yesterday", "Сегодня"])
def test_a_relative_word_alone_is_not_a_date(word: str) -> None:
    """A menu tab (أمس | اليوم) names no day: a label, a weekday or a time must come with the word."""
    assert relative_day(word) is None
    page = parse_page(arabic_page(word))
    assert page.published_source != "relative"


def test_the_weekday_alone_is_not_relative() -> None:
    assert relative_day("الخميس 10:30 م") is None
    assert relative_day("اليوم السابع") is None  # a site's name (the seventh day), not "today"


def test_english_and_russian_relative_days() -> None:
    english = "\n".join(
        [
            "City library reopens after a year of repairs | The Harbour Times",
            "Friday, September 27, 2024",
            "City library reopens after a year of repairs",
            "Published: Yesterday at 6:05 pm",
            "The city library reopened on Thursday after a year of repairs to its roof and reading rooms.",
            "Officials said the archive would return to the building by the end of the month.",
        ]
    )
    page = parse_page(english)
    assert (page.published, page.published_source) == (datetime(2024, 9, 26, 18, 5), "relative")
    russian = "\n".join(
        [
            "В городе открылась библиотека после ремонта - Вестник Гавани",
            "27 сентября 2024",
            "В городе открылась библиотека после ремонта",
            "Опубликовано: вчера, 18:30",
            "Городская библиотека открылась в четверг после года ремонта крыши и читальных залов.",
            "По словам сотрудников, архив вернётся в здание до конца месяца.",
        ]
    )
    page = parse_page(russian)
    assert (page.published, page.published_source) == (datetime(2024, 9, 26, 18, 30), "relative")
    today = parse_page(russian.replace("Опубликовано: вчера, 18:30", "сегодня, 09:10"))
    assert today.published == datetime(2024, 9, 27, 9, 10)  # the header has no time: any time that day


def test_an_explicit_date_wins_over_a_relative_one() -> None:
    text = arabic_page("نشر في: أمس الخميس - 10:30 م").replace(
        "شارك برأيك", "تاريخ النشر: 2024-09-26 22:31\nشارك برأيك"
    )
    page = parse_page(text)
    assert (page.published, page.published_source) == (datetime(2024, 9, 26, 22, 31), "labelled")


def test_read_corpus_says_the_date_was_relative(tmp_path: Path) -> None:
    folder = tmp_path / "wahah"
    folder.mkdir()
    (folder / "a.txt").write_text(arabic_page("نشر في: أمس الخميس - 10:30 م"), encoding="utf-8")
    (folder / "b.txt").write_text(arabic_page("نشر في: أمس الأربعاء - 10:30 م"), encoding="utf-8")
    corpus = read_corpus(tmp_path, progress=False).set_index(S.SOURCE_PATH)
    a, b = corpus.loc[str(folder / "a.txt")], corpus.loc[str(folder / "b.txt")]
    assert a[S.PUBLISHED] == datetime(2024, 9, 26, 22, 30) and a[S.PUBLISHED_SOURCE] == "relative"
    assert a[S.SCRAPED_AT] == SEEN
    assert pd.isna(b[S.PUBLISHED]) and pd.isna(b[S.PUBLISHED_SOURCE])  # the weekday disagrees
    assert b[S.SCRAPED_AT] == SEEN


@settings(max_examples=300, deadline=2000)
@given(
    st.lists(
        st.sampled_from(
            [
                "أمس",
                "اليوم",
                "أول",
                "من",
                "الخميس",
                "نشر في:",
                "10:30",
                "م",
                "-",
                "،",
                "yesterday",
                "Today",
                "at",
                "вчера",
                "в",
                "18:30",
                "ſ",
                "ـ",
                "\u064e",
                "١٠:٣٠",
                "(",
                ")",
                "GMT",
                "كتب:",
                " ",
            ]
        ),
        max_size=10,
    )
)
def test_relative_day_never_raises_and_its_text_is_the_input_slice(words: list[str]) -> None:
    text = " ".join(words)
    for tail in (False, True):
        found = relative_day(text, tail=tail)
        if found is not None:
            assert found.text == text[found.start : found.end]
            assert found.days in (0, 1, 2)
            assert found.resolve(SEEN) is None or found.resolve(SEEN) <= SEEN.replace(hour=23, minute=59)
