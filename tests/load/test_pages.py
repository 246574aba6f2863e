"""The page parser: the seed page, each outlet format, the generic path, and properties."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.load.outlets import Profiles
from framing.load.pages import parse_page, repeated_lines, split_title
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_FIRST = (
    "وصل وزير الخارجية الأميركي جون كيري مساء الخميس، إلى موسكو للقاء الرئيس فلاديمير بوتين وبحث مكافحة"
    " تنظيم داعش، وجبهة النصرة فرع القاعدة في سوريا."
)
SEED_LAST = (
    "غير أن واشنطن تتهم موسكو ايضا باستهداف فصائل معارضة معتدلة في سوريا، الأمر الذي تنفيه روسيا وتريد من"
    " الولايات المتحدة أن تطلب من الفصائل المعارضة مغادرة المناطق الخاضعة لتنظيم داعش وجبهة النصرة."
)


class TestSeedPage:
    page = parse_page(SEED_TEXT)

    def test_outlet_and_headline_without_site_suffix(self) -> None:
        assert self.page.outlet_id == "shorouk"
        assert self.page.site_name == "بوابة الشروق"
        assert self.page.headline == "«كيري» في موسكو لبحث مكافحة الجهاديين في سوريا مع «بوتين»"

    def test_dates(self) -> None:
        assert self.page.published == datetime(2016, 7, 14, 21, 16)
        assert self.page.updated == datetime(2016, 7, 14, 21, 16)
        assert self.page.scraped_at == datetime(2024, 9, 27, 7, 26)

    def test_dateline_wire_caption(self) -> None:
        assert self.page.dateline == "Moscow"
        assert self.page.wire == "AFP"
        assert self.page.caption == "كيري وبوتين - ارشيفية"

    def test_body_is_the_article_and_only_the_article(self) -> None:
        body = self.page.body_lines
        assert body[0] == SEED_FIRST
        assert body[-1] == SEED_LAST
        assert len(body) == 10
        for chrome in (
            "الأكثر قراءة",
            "قد يعجبك أيضا",
            "شارك برأيك",
            "شارك بتعليقك",
            "كيري وبوتين - ارشيفية",
            "موسكو - الفرنسية",
            "هل تؤيد",
            "نشر في",
            "27 سبتمبر 2024",
        ):
            assert chrome not in self.page.text
        assert self.page.warnings == []

    def test_every_removed_line_is_kept(self) -> None:
        lines = [line.strip() for line in SEED_TEXT.splitlines() if line.strip()]
        assert Counter(self.page.body_lines + self.page.boilerplate) == Counter(lines)
        assert "هل تؤيد دعوات مقاطعة بعض المطاعم التي ثبت دعمها لجنود الاحتلال؟" in self.page.boilerplate


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        ("كيري في موسكو - بوابة الشروق", "كيري في موسكو", "بوابة الشروق"),
        ("كيري في موسكو | شبكة سنابل الشمال", "كيري في موسكو", "شبكة سنابل الشمال"),
        ("الجيش يتقدم في حلب \u2013 الياسمين", "الجيش يتقدم في حلب", "الياسمين"),  # en dash
        (
            "السنديان | كيري ولافروف: «خطوات ملموسة» بلا تفاصيل",
            "كيري ولافروف: «خطوات ملموسة» بلا تفاصيل",
            "السنديان",
        ),
        ("روسيا - أمريكا: تفاهم جديد - بوابة الضفتين", "روسيا - أمريكا: تفاهم جديد", "بوابة الضفتين"),
        ("خبر بلا اسم موقع في العنوان", "خبر بلا اسم موقع في العنوان", None),
        ("Kerry in Moscow - Example News", "Kerry in Moscow", "Example News"),
    ],
)
def test_split_title(title: str, headline: str, site: str | None) -> None:
    assert split_title(title, Profiles())[:2] == (headline, site)


def test_split_title_prefers_a_known_site_name() -> None:
    # "الشروق" at the end is a known site even after a long headline with its own dash
    headline, site, profile = split_title("مصر - السودان: اتفاق على المياه - بوابة الشروق")
    assert (headline, site) == ("مصر - السودان: اتفاق على المياه", "بوابة الشروق")
    assert profile is not None and profile.id == "shorouk"


GENERIC = """\
الجيش يعيد فتح الطريق الدولي – صحيفة النهر
صحيفة النهر
محليات
اقتصاد
الجيش يعيد فتح الطريق الدولي
كتب: محمد الحلبي
الجمعة، 15 تموز 2016
دمشق - سانا - أعادت وحدات الهندسة فتح الطريق الدولي بعد تفكيك عشرات العبوات الناسفة التي زرعها المسلحون.

وقال مصدر ميداني إن الحركة التجارية ستعود تدريجيا خلال الأيام المقبلة.

اقرأ أيضا: وزير النقل يتفقد الطريق الدولي

وأكد المصدر أن الطريق آمن.
تعليقات الزوار
شارك برأيك في الخبر
"""


def test_generic_page_byline_inline_dateline_and_inbody_links() -> None:
    page = parse_page(GENERIC, profiles=Profiles())
    assert page.outlet_id is None
    assert (page.headline, page.site_name) == ("الجيش يعيد فتح الطريق الدولي", "صحيفة النهر")
    assert page.byline == "محمد الحلبي"
    assert page.published == datetime(2016, 7, 15)
    assert page.scraped_at is None
    assert page.dateline == "Damascus"
    assert page.wire == "SANA"
    assert page.inline_dateline == "دمشق - سانا - "
    assert page.body_lines == [
        "أعادت وحدات الهندسة فتح الطريق الدولي بعد تفكيك عشرات العبوات الناسفة التي زرعها المسلحون.",
        "وقال مصدر ميداني إن الحركة التجارية ستعود تدريجيا خلال الأيام المقبلة.",
        "وأكد المصدر أن الطريق آمن.",
    ]
    assert "اقرأ أيضا: وزير النقل يتفقد الطريق الدولي" in page.boilerplate
    assert "شارك برأيك في الخبر" in page.boilerplate


@pytest.mark.parametrize(
    ("line", "place", "wire"),
    [
        ("موسكو - الفرنسية", "Moscow", "AFP"),
        ("واشنطن (رويترز)", "Washington", "Reuters"),
        ("القاهرة - أ ش أ", "Cairo", "MENA"),
        ("بيروت - أ.ف.ب", "Beirut", "AFP"),
        ("أنقرة - الأناضول", "Ankara", "Anadolu"),
        ("جنيف - د ب أ", "Geneva", "DPA"),
        ("دمشق - وكالات", "Damascus", "agencies"),
        ("لندن: «المرفأ» - وكالات", "London", "agencies"),
        ("بيروت - السنديان", "Beirut", None),
        ("غازي عنتاب - مراسل الشبكة", "Gaziantep", None),
    ],
)
def test_dateline_lines(line: str, place: str, wire: str | None) -> None:
    text = (
        "عنوان الخبر - موقع\nعنوان الخبر\n"
        f"{line}\nالخميس 14 يوليو 2016\n"
        "وصل الوزير إلى العاصمة في زيارة رسمية تستمر يومين يبحث خلالها ملفات المنطقة.\n"
    )
    page = parse_page(text, profiles=Profiles())
    assert (page.dateline, page.wire) == (place, wire)
    assert line in page.boilerplate
    assert page.body_lines == ["وصل الوزير إلى العاصمة في زيارة رسمية تستمر يومين يبحث خلالها ملفات المنطقة."]


@pytest.mark.parametrize(
    ("first", "place", "wire", "rest"),
    [
        (
            "موسكو (أ ف ب) - وصل الوزير إلى العاصمة الروسية مساء الخميس.",
            "Moscow",
            "AFP",
            "وصل الوزير إلى العاصمة الروسية مساء الخميس.",
        ),
        (
            "واشنطن - رويترز - قال مسؤولون أميركيون إن المحادثات مستمرة.",
            "Washington",
            "Reuters",
            "قال مسؤولون أميركيون إن المحادثات مستمرة.",
        ),
        (
            "دمشق - قال مصدر رسمي إن الجيش يتقدم في ريف حلب الشمالي.",
            None,
            None,
            "دمشق - قال مصدر رسمي إن الجيش يتقدم في ريف حلب الشمالي.",
        ),
    ],
)
def test_inline_datelines(first: str, place: str | None, wire: str | None, rest: str) -> None:
    page = parse_page(
        f"عنوان - موقع\nالخميس 14 يوليو 2016\n{first}\nوتابع المسؤول حديثه عن تفاصيل الزيارة.\n",
        profiles=Profiles(),
    )
    assert (page.dateline, page.wire, page.body_lines[0]) == (place, wire, rest)


def test_source_line_names_the_wires() -> None:
    page = parse_page(
        "عنوان | موقع\nعنوان\n15.07.2016 | 14:41\nالمصدر: موقع + وكالات، رويترز\n"
        "أعلنت موسكو أن المحادثات ستتواصل غدا بين الوزيرين في العاصمة الروسية.\n",
        profiles=Profiles(),
    )
    assert page.wire == "agencies, Reuters"
    assert page.published == datetime(2016, 7, 15, 14, 41)


def test_caption_with_agency_in_brackets_and_photo_word() -> None:
    page = parse_page(
        "عنوان - موقع\nعنوان\nلافروف وكيري خلال مؤتمرهما الصحفي في موسكو (أ.ف.ب)\nالجمعة 15 يوليو 2016\n"
        "قال الوزيران إنهما اتفقا على خطوات ملموسة دون الكشف عن تفاصيلها للصحافيين.\n",
        profiles=Profiles(),
    )
    assert page.caption == "لافروف وكيري خلال مؤتمرهما الصحفي في موسكو (أ.ف.ب)"
    assert page.wire is None  # the photo agency is not the article's wire


def test_header_date_above_the_headline_is_the_scrape_date() -> None:
    page = parse_page(
        "عنوان | موقع\nالاثنين، 11 مارس 2024\nعنوان\n15.07.2016 | 14:41\n"
        "أعلنت موسكو أن المحادثات ستتواصل غدا بين الوزيرين في العاصمة الروسية.\n",
        profiles=Profiles(),
    )
    assert (page.published, page.scraped_at) == (datetime(2016, 7, 15, 14, 41), datetime(2024, 3, 11))


def test_single_date_above_the_headline_is_the_publication_date() -> None:
    page = parse_page(
        "عنوان | موقع\n١٥ تموز ٢٠١٦\nعنوان\n"
        "أعلنت موسكو أن المحادثات ستتواصل غدا بين الوزيرين في العاصمة الروسية.\n",
        profiles=Profiles(),
    )
    assert (page.published, page.scraped_at) == (datetime(2016, 7, 15), None)


def test_page_without_title_line() -> None:
    text = (
        "وصل وزير الخارجية الأميركي إلى موسكو مساء الخميس في زيارة يلتقي خلالها الرئيس الروسي ويبحث معه"
        " التعاون في مكافحة الإرهاب في سوريا وملفات أخرى تهم البلدين والمنطقة.\n"
        "وقال مسؤولون إن الزيارة تستمر يومين.\n"
    )
    page = parse_page(text)
    assert page.headline == ""
    assert "no title line" in page.warnings
    assert page.body_lines[0].startswith("وصل وزير الخارجية")
    assert len(page.body_lines) == 2


def test_page_without_date_warns() -> None:
    page = parse_page(
        "عنوان - موقع\nعنوان\nوصل الوزير إلى موسكو في زيارة تستمر يومين يلتقي خلالها المسؤولين.\n"
    )
    assert page.published is None
    assert "no publication date found" in page.warnings
    assert len(page.body_lines) == 1


def test_page_of_chrome_only_has_an_empty_body() -> None:
    page = parse_page("عنوان - موقع\nالرئيسية\nالأكثر قراءة\nشارك برأيك\n")
    assert page.body_lines == []
    assert "empty body" in page.warnings


def test_repeated_lines_across_a_site_are_chrome() -> None:
    pages = [
        ["عنوان 1 - موقع", "قائمة الأقسام", "خبر أول طويل بما يكفي ليكون فقرة من فقرات المتن في هذه الصفحة."],
        ["عنوان 2 - موقع", "قائمة الأقسام", "خبر ثان طويل بما يكفي ليكون فقرة من فقرات المتن في هذه الصفحة."],
        [
            "عنوان 3 - موقع",
            "قائمة الأقسام",
            "خبر ثالث طويل بما يكفي ليكون فقرة من فقرات المتن في هذه الصفحة.",
        ],
    ]
    repeated = repeated_lines(pages)
    assert repeated == {"قائمه الاقسام"}
    page = parse_page(
        "\n".join(["عنوان 4 - موقع", "قائمة الأقسام", "فرع النص", *pages[0][2:]]), repeated=repeated
    )
    assert "قائمة الأقسام" in page.boilerplate
    assert repeated_lines(pages[:2]) == frozenset()  # too few pages to tell


# ---------------------------------------------------------------------------------------------- properties
FRAGMENTS = [
    "كيري في موسكو - بوابة الشروق",
    "السنديان | عنوان",
    "الأكثر قراءة",
    "قد يعجبك أيضا",
    "شارك برأيك",
    "موسكو - الفرنسية",
    "بيروت (رويترز)",
    "نشر في: الخميس 14 يوليه 2016 - 9:16 م | آخر تحديث: الخميس 14 يوليه 2016",
    "١٥ تموز ٢٠١٦ ٠٨:١٢",
    "15.07.2016 | 14:41",
    "كتب: فلان",
    "المصدر: وكالات",
    "كيري وبوتين - ارشيفية",
    "دمشق - سانا - وقال المصدر إن الجيش يتقدم.",
    "وصل الوزير إلى موسكو مساء الخميس في زيارة رسمية.",
    "اقرأ أيضا: خبر آخر",
    "التعليقات",
    "الوسوم: سوريا",
    "(",
    ")",
    "-",
    "|",
    ":",
    "«»",
    "هـ",
    "م",
    "ص",
]
line_strategy = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=5_000)
@given(st.lists(line_strategy, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_parser_never_crashes_and_accounts_for_every_line(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    page = parse_page(text)
    nonblank = [line.strip() for line in text.splitlines() if line.strip()]
    accounted = list(page.boilerplate) + list(page.body_lines)
    if page.inline_dateline is not None:
        accounted.remove(page.inline_dateline.strip())
        accounted.remove(page.body_lines[0])
        accounted.append(page.inline_dateline + page.body_lines[0])
    assert Counter(accounted) == Counter(nonblank)
    assert all(line.strip() == line and line for line in page.body_lines)
