"""Page layouts of real outlets, as constructed fixtures: line order, punctuation, date style, credits and
chrome words copied in *form* from the outlet named in ``modelled_on``; every sentence is this project's
(see ``stories.py``), site names are fictional, and no real article text is used.

A layout is a template. ``{title}`` is the story's headline, ``{date}`` the date in the layout's style,
``{BODY}`` the paragraphs (one per line, or all on one line with ``glue="one"``), the first one preceded
by the layout's inline ``credit``. Every other template line is page furniture the loader must keep
out of the body (it is expected in ``boilerplate``). :func:`cases` renders each layout with a few stories
and gives every page its expected fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import cycle, islice

from tests.load.layouts import formats as F
from tests.load.layouts.stories import AR, EN, RU, Story


@dataclass(frozen=True)
class Layout:
    id: str  # the fixture folder (and the expected outlet, unless ``outlet`` says otherwise)
    family: str
    modelled_on: str  # the real outlet whose page (or text-export) form this copies
    language: str
    template: str
    date: F.DateStyle | None = None
    title: bool = True  # the page's headline is the story's title (else: no title expected)
    dateline: str | None = None
    wire: str | None = None
    credit: str = ""  # written before the first paragraph
    outlet: str | None = None
    glue: str = "lines"  # "lines": a paragraph per line; "one": the whole body on one line
    url_date: bool = False  # the only date is in a web address on the page
    n: int = 3  # stories rendered with this layout


@dataclass(frozen=True)
class Case:
    id: str
    family: str
    layout: str
    modelled_on: str
    folder: str
    text: str
    expect: dict[str, object] = field(default_factory=dict)


L = Layout
LAYOUTS: list[Layout] = [
    # ------------------------------------------------------------------------------ Egypt
    L(
        "shorouk_like",
        "egypt",
        "Shorouk News (shorouknews.com)",
        "ar",
        """\
{title} - بوابة الشروق
الجمعة 27 سبتمبر 2024 7:26 ص القاهرة
الأكثر قراءة
قد يعجبك أيضا
شارك برأيك
{title}
صورة أرشيفية
صورة أرشيفية
القاهرة - الفرنسية
{date}
{BODY}
قد يعجبك أيضا
شارك بتعليقك""",
        F.nashr,
        dateline="Cairo",
        wire="AFP",
        outlet="shorouk",
    ),
    L(
        "youm7_like",
        "egypt",
        "Youm7 (youm7.com)",
        "ar",
        """\
{title} - اليوم الرابع
الرئيسية
أخبار عاجلة
{title}
كتب محمد عبد الحميد
{date}
{BODY}
اقرأ أيضا: الحكومة تدرس خطة جديدة لتطوير الموانئ
تابعونا على فيسبوك
الأكثر قراءة""",
        F.weekday_comma_12h,
        n=4,
    ),
    L(
        "ahram_like",
        "egypt",
        "Al-Ahram Gate (gate.ahram.org.eg)",
        "ar",
        """\
بوابة الهرم الجديد | {title}
{title}
{date}
القاهرة (أ ش أ)
{BODY}
طباعة
أرسل لصديق
الوسوم: اقتصاد، محافظات""",
        F.dmy_dash_bar,
        dateline="Cairo",
        wire="MENA",
    ),
    L(
        "masrawy_like",
        "egypt",
        "Masrawy (masrawy.com)",
        "ar",
        """\
{title} | مصراوي الجديد
كتب-أحمد سعيد:
{date}
{BODY}
محتوى مدفوع
إعلان""",
        F.time_first,
        n=3,
    ),
    L(
        "almasry_like",
        "egypt",
        "Al-Masry Al-Youm (almasryalyoum.com)",
        "ar",
        """\
{title}
كتب: رويترز
{date}
{BODY}
المصدر: رويترز
شارك
تعليقات الزوار""",
        F.dmy_slash,
        wire="Reuters",
    ),
    L(
        "vetogate_like",
        "egypt",
        "Vetogate (vetogate.com)",
        "ar",
        """\
رئيس التحرير
أحمد عصام
{title}
وزير المياه خلال الافتتاح
وزير المياه خلال الافتتاح
{BODY}
الجريدة الرسمية""",
        None,
        title=False,
    ),
    L(
        "elbalad_like",
        "egypt",
        "Sada El Balad (elbalad.news)",
        "ar",
        """\
{title} - البلد الجديد
قناة البلد الجديد البلد سبورت البلد عقارات
الإشراف العام
رئيس التحرير
{title}
صورة من: رويترز
{BODY}""",
        None,
    ),
    # ------------------------------------------------------------------------------ Gulf
    L(
        "khaleej_like",
        "gulf",
        "Al Khaleej (alkhaleej.ae)",
        "ar",
        """\
{title} | صحيفة الساحل
تاريخ النشر: {date}
{title}
{BODY}
مقالات ذات صلة
عاجل""",
        F.gulf_sabahan,
        credit="دبي - وام: ",
        dateline="Dubai",
        wire="WAM",
    ),
    L(
        "riyadh_like",
        "gulf",
        "Al Riyadh (alriyadh.com)",
        "ar",
        """\
{title} - جريدة النخيل
{title}
الرياض - واس
{date}
{BODY}
كلمات مفتاحية: تنمية
نسخة للطباعة""",
        F.hijri_gregorian,
        dateline="Riyadh",
        wire="SPA",
    ),
    L(
        "okaz_like",
        "gulf",
        "Okaz (okaz.com.sa)",
        "ar",
        """\
{title}
(جدة) عبدالله الشهري
{date}
{BODY}
A A A""",
        F.iso_time,
    ),
    L(
        "alrai_like",
        "gulf",
        "Al Rai (alraimedia.com)",
        "ar",
        """\
{title}
{date}
{BODY}
المصدر: كونا""",
        F.dmy_slash,
        credit="الكويت - كونا - ",
        dateline="Kuwait",
        wire="KUNA",
    ),
    L(
        "raya_like",
        "gulf",
        "Al Raya / QNA copy (raya.com)",
        "ar",
        """\
{title} - صحيفة الخليج الأول
{title}
الدوحة - قنا
{date}
{BODY}
مواضيع ذات صلة""",
        F.iso_dash,
        dateline="Doha",
        wire="QNA",
    ),
    # ------------------------------------------------------------------------------ Levant
    L(
        "annahar_like",
        "levant",
        "An-Nahar (annahar.com)",
        "ar",
        """\
{title} | النهار الجديد
المصدر: "النهار الجديد"
{date}
{title}
{BODY}
الكلمات الدالة: بيروت""",
        F.levant_bar,
    ),
    L(
        "mayadeen_like",
        "levant",
        "Al Mayadeen (almayadeen.net)",
        "ar",
        """\
{title}
المصدر: الساحة نت + وكالات
{date}
{BODY}
اقرأ المزيد""",
        F.levant_bar,
        wire="agencies",
    ),
    L(
        "sana_like",
        "levant",
        "SANA (sana.sy)",
        "ar",
        """\
{title}
{date}
{BODY}""",
        F.iso_dash,
        credit="دمشق-سانا ",
        dateline="Damascus",
        wire="SANA",
    ),
    L(
        "enab_like",
        "levant",
        "Enab Baladi (enabbaladi.net)",
        "ar",
        """\
{title} - عنب الشمال
{title}
عنب الشمال – خاص
{date}
{BODY}
مرتبط
شارك هذا المقال""",
        F.double_month,
        n=4,
    ),
    L(
        "ammon_like",
        "levant",
        "Ammon News / Petra copy (ammonnews.net)",
        "ar",
        """\
{title}
{date}
{BODY}
تابعوا الساحة على
التعليقات""",
        F.dmy_slash,
        credit="عمان 14 أيار (بترا) - ",
        dateline="Amman",
        wire="Petra",
    ),
    L(
        "alquds_like",
        "panarab",
        "Al-Quds Al-Arabi (alquds.co.uk)",
        "ar",
        """\
{title} | القدس المسائي
{title}
منذ 3 ساعات
حجم الخط
{BODY}
اقرأ أيضا
شارك برأيك""",
        None,
        credit="بيروت ـ «القدس المسائي»: ",
        dateline="Beirut",
    ),
    # ------------------------------------------------------------------------------ Iraq
    L(
        "sumaria_like",
        "iraq",
        "Alsumaria (alsumaria.tv)",
        "ar",
        """\
{title}
بغداد - السومرية الجديدة
{date}
{BODY}
تابعوا آخر الأخبار""",
        F.ymd_slash_time,
        dateline="Baghdad",
    ),
    L(
        "shafaq_like",
        "iraq",
        "Shafaq News (shafaq.com)",
        "ar",
        """\
{title} - شفق الجديد
{title}
شفق الجديد/ بغداد
{date}
{BODY}""",
        F.ymd_slash_time,
    ),
    L(
        "rudaw_like",
        "iraq",
        "Rudaw Arabic (rudaw.net/arabic)",
        "ar",
        """\
{title}
أربيل (الأناضول)
{date}
{BODY}
الكلمات المفتاحية : العراق""",
        F.dmy_dot_bar,
        dateline="Erbil",
        wire="Anadolu",
    ),
    # ------------------------------------------------------------------------------ Maghreb
    L(
        "hespress_like",
        "maghreb",
        "Hespress (hespress.com)",
        "ar",
        """\
{title} - هسبريس الجديدة
{title}
هسبريس الجديدة من الرباط
{date}
{BODY}
تعليقات الزوار
أضف تعليقا""",
        F.moroccan,
        n=4,
    ),
    L(
        "echorouk_like",
        "maghreb",
        "Echorouk (echoroukonline.com)",
        "ar",
        """\
{title}
الجزائر الجديدة
{date}
{BODY}
الأكثر مشاهدة""",
        F.algerian,
    ),
    L(
        "elkhabar_like",
        "maghreb",
        "El Khabar (elkhabar.com)",
        "ar",
        """\
{title}
وهران: ياسين بن علي
{date}
{BODY}""",
        F.algerian,
        dateline="Oran",
    ),
    L(
        "babnet_like",
        "maghreb",
        "Babnet Tunisie (babnet.net)",
        "ar",
        """\
{title}
صفاقس (وات) -
{date}
{BODY}
المصدر: وكالات""",
        F.dmy_slash,
        wire="TAP, agencies",
        dateline="Sfax",
    ),
    # ------------------------------------------------------------------------------ pan-Arab
    L(
        "aljazeera_like",
        "panarab",
        "Al Jazeera Net (aljazeera.net)",
        "ar",
        """\
{title} | أخبار | الجزيرة الجديدة
{title}
{date}
المصدر : الجزيرة الجديدة + وكالات
{BODY}
مشاركة :""",
        F.ymd_slash_makkah,
        wire="agencies",
    ),
    L(
        "aawsat_like",
        "panarab",
        "Asharq Al-Awsat (aawsat.com)",
        "ar",
        """\
{title}
{date}
لندن: «المشرق الأوسط»
{BODY}
حقوق النشر محفوظة""",
        F.hijri_gregorian,
        dateline="London",
    ),
    L(
        "arabiya_like",
        "panarab",
        "Al Arabiya (alarabiya.net)",
        "ar",
        """\
{title}
الساحة.نت - وكالات
نشر في: {date}
{BODY}
آخر تحديث""",
        F.dmy_slash,
        wire="agencies",
    ),
    L(
        "rtarabic_like",
        "panarab",
        "RT Arabic (arabic.rt.com)",
        "ar",
        """\
{title}
{date}
{BODY}
المصدر: نوفوستي
تابعوا الساحة على تلغرام""",
        F.dmy_dot_bar,
        wire="RIA Novosti",
    ),
    L(
        "sputnik_ar_like",
        "panarab",
        "Sputnik Arabic (sarabic.ae)",
        "ar",
        """\
{title} - 14.11.2022, سبوتنيك الجديد
{title}
{date}
{BODY}
مواضيع ذات صلة""",
        F.iso_t_zone,
        credit="موسكو - سبوتنيك. ",
        dateline="Moscow",
        wire="Sputnik",
    ),
    L(
        "bbcarabic_like",
        "panarab",
        "BBC Arabic (bbc.com/arabic)",
        "ar",
        """\
{title} - الإذاعة العربية
{title}
صدر الصورة، Getty Images
التعليق على الصورة، مشهد عام
{date}
{BODY}
قصص ذات صلة""",
        F.en_day_month,
    ),
    L(
        "f24_like",
        "panarab",
        "France 24 Arabic (france24.com/ar)",
        "ar",
        """\
{title}
{date}
{BODY}
© أ ف ب""",
        F.iso_time,
        credit="(أ ف ب) - ",
        wire="AFP",
    ),
    L(
        "sky_like",
        "panarab",
        "Sky News Arabia (skynewsarabia.com)",
        "ar",
        """\
{title}
أبوظبي - الساحة نيوز عربية
{date}
{BODY}
شارك""",
        F.gulf_sabahan,
        dateline="Abu Dhabi",
    ),
    L(
        "arabi21_like",
        "panarab",
        "Arabi21 (arabi21.com)",
        "ar",
        """\
{title}
{date}
أنقرة- الأناضول
{BODY}
الأناضول""",
        F.dmy_slash,
        wire="Anadolu",
        dateline="Ankara",
    ),
    # ------------------------------------------------------------------------------ aggregators
    L(
        "masress_like",
        "aggregator",
        "Masress (masress.com, mirrors Egyptian papers)",
        "ar",
        """\
{title}
الساحة: {title}
{date}
{BODY}
المصدر: أ ش أ
أخبار ذات صلة""",
        F.nashr,
        wire="MENA",
        n=4,
    ),
    L(
        "wn_like",
        "aggregator",
        "World News Network Arabic (article.wn.com)",
        "ar",
        """\
{title}
{BODY}
Sputnik""",
        None,
        wire="Sputnik",
        n=4,
    ),
    L(
        "maghribtoday_amp_like",
        "aggregator",
        "Al Maghrib Today AMP (almaghribtoday.net/amp)",
        "ar",
        """\
{title}
الرباط - المغرب الجديد
{BODY}""",
        None,
        dateline="Rabat",
    ),
    L(
        "wazam_like",
        "aggregator",
        "Wazam (wazam.net)",
        "ar",
        """\
{title}
منذ ساعة
{BODY}
اقرأ الخبر من المصدر""",
        None,
        n=3,
    ),
    # ------------------------------------------------------------------------------ forums
    L(
        "vb_forum_like",
        "forum",
        "vBulletin Arabic forum (showthread.php)",
        "ar",
        """\
{title} - منتديات السهل
إضافة رد
أدوات الموضوع
انواع عرض الموضوع
#1
{date}
نجم الساحل
عضو مميز
تاريخ التسجيل: Mar 2013
المشاركات: 2,672
{BODY}
رد مع اقتباس""",
        F.forum_post,
        title=True,
        n=4,
    ),
    L(
        "ahlamontada_like",
        "forum",
        "Ahlamontada / Forumotion forum",
        "ar",
        """\
{title} - منتدى الواحة
منتدى الواحة
هل تريد التفاعل مع هذه المساهمة؟ كل ما عليك هو إنشاء حساب جديد ببضع خطوات أو تسجيل الدخول للمتابعة.
{title}
اذهب الى الأسفل
عدد المساهمات : 1680
تاريخ التسجيل : 17/09/2008
{date}
{BODY}
الرجوع الى أعلى الصفحة""",
        F.forum_ahla,
        n=4,
    ),
    # ------------------------------------------------------------------------------ print, AMP, text exports
    L(
        "print_view_like",
        "print_export",
        "print view of an Arabic daily (print.php)",
        "ar",
        """\
{title}
رابط المقال: https://www.example-daily.com/news/{y}/{m:02d}/{d:02d}/story-1234
{BODY}
طباعة""",
        None,
        url_date=True,
    ),
    L(
        "amp_view_like",
        "print_export",
        "Al Jazeera AMP view (aljazeera.net/amp)",
        "ar",
        """\
{title}
{date}
{BODY}""",
        F.indic_labelled,
    ),
    L(
        "export_paragraphs",
        "print_export",
        "plain-text export, a paragraph per line, no title",
        "ar",
        """\
{BODY}""",
        None,
        title=False,
        n=5,
    ),
    L(
        "export_one_line",
        "print_export",
        "plain-text export, the whole article on one line",
        "ar",
        """\
{BODY}""",
        None,
        title=False,
        glue="one",
        n=4,
    ),
    L(
        "export_credit_first",
        "print_export",
        "text export starting with the dateline",
        "ar",
        """\
{BODY}
المصدر: (أ ف ب)""",
        None,
        title=False,
        credit="الخرطوم- (أ ف ب): ",
        dateline="Khartoum",
        wire="AFP",
        n=4,
    ),
    L(
        "export_byline_agency",
        "print_export",
        "text export with an agency-and-date byline",
        "ar",
        """\
{title}
{date}
{BODY}""",
        F.byline_agency_date("رويترز"),
        wire="Reuters",
        n=4,
    ),
    L(
        "export_date_first",
        "print_export",
        "text export whose first line is the date (2016/7/14)",
        "ar",
        """\
{date}
{BODY}""",
        F.ymd_slash_time,
        title=False,
        n=3,
    ),
    L(
        "export_agencies_close",
        "print_export",
        "text export ending in a bare (وكالات) credit",
        "ar",
        """\
{BODY}
(وكالات)""",
        None,
        title=False,
        wire="agencies",
        n=3,
    ),
    # ------------------------------------------------------------------------------ English
    L(
        "reuters_like",
        "english",
        "Reuters (reuters.com)",
        "en",
        """\
{title} | The Wire Desk
{date}
{BODY}
(Reporting by Jane Smith; Editing by Tom Brown)""",
        F.en_month_day_at,
        credit="KHARTOUM, {mon} {dd} (Reuters) - ",
        dateline="Khartoum",
        wire="Reuters",
        n=4,
    ),
    L(
        "ap_like",
        "english",
        "Associated Press (apnews.com)",
        "en",
        """\
{title}
By SAMIR HADDAD
{date}
{BODY}
Advertisement""",
        F.en_month_day_at,
        credit="BEIRUT (AP) — ",
        dateline="Beirut",
        wire="AP",
        n=4,
    ),
    L(
        "aje_like",
        "english",
        "Al Jazeera English (aljazeera.com)",
        "en",
        """\
{title} | News | The Bay
Photo: AFP
{date}
{BODY}
Source: Al Jazeera and news agencies""",
        F.en_day_month,
        wire="agencies",
        n=3,
    ),
    L(
        "guardian_like",
        "english",
        "The Guardian (theguardian.com)",
        "en",
        """\
{title}
Photograph: Hassan Ali/AFP/Getty Images
{date}
{BODY}
Share
Most viewed""",
        F.en_weekday_zone,
        n=3,
    ),
    L(
        "rt_en_like",
        "english",
        "RT (rt.com)",
        "en",
        """\
{title} — RT World News
{date}
{BODY}
Read more
You can share this story on social media:""",
        F.en_published_gmt,
        n=3,
    ),
    L(
        "tass_en_like",
        "english",
        "TASS English (tass.com)",
        "en",
        """\
{title}
{date}
{BODY}""",
        F.en_dmy_msk,
        credit="MOSCOW, {mon} {dd}. /TASS/. ",
        dateline="Moscow",
        wire="TASS",
        n=3,
    ),
    L(
        "anadolu_en_like",
        "english",
        "Anadolu Agency English (aa.com.tr/en)",
        "en",
        """\
{title}
Ahmet Yilmaz
{date}
ANKARA
{BODY}
Anadolu Agency website contains only a portion of the news stories""",
        F.en_day_month,
        n=3,
        dateline="Ankara",
    ),
    L(
        "syndicated_en_nodate",
        "english",
        "syndicated English copy without a date line (dates only in sentences)",
        "en",
        """\
{title}
{BODY}
Related stories""",
        None,
        n=5,
    ),
    # ------------------------------------------------------------------------------ Russian
    L(
        "tass_ru_like",
        "russian",
        "TASS (tass.ru)",
        "ru",
        """\
{title}
{date}
{BODY}
Читайте также""",
        F.ru_genitive,
        credit="МОСКВА, {dd} {rmon}. /ТАСС/. ",
        dateline="Moscow",
        wire="TASS",
        n=4,
    ),
    L(
        "ria_like",
        "russian",
        "RIA Novosti (ria.ru)",
        "ru",
        """\
{title} - РИА Вести, {date}
{BODY}
Поделиться""",
        F.ru_short,
        credit="МОСКВА, {dd} {rshort} — РИА Новости. ",
        dateline="Moscow",
        wire="RIA Novosti",
        n=4,
    ),
    L(
        "interfax_like",
        "russian",
        "Interfax (interfax.ru)",
        "ru",
        """\
{title}
{date}
{BODY}""",
        F.ru_dots,
        credit="Москва. {dd} {rmon}. INTERFAX.RU - ",
        dateline="Moscow",
        wire="Interfax",
        n=3,
    ),
    L(
        "kommersant_like",
        "russian",
        "Kommersant (kommersant.ru)",
        "ru",
        """\
{title} – Газета «Вестник»
{date}
{BODY}
Фото: Игорь Иванов / Вестник""",
        F.ru_time_first,
        n=3,
    ),
    L(
        "lenta_like",
        "russian",
        "Lenta.ru (lenta.ru)",
        "ru",
        """\
{title} | Лента-Вести
{date}
Фото: Анна Петрова / РИА Новости
{BODY}
Подписывайтесь на Лента-Вести""",
        F.ru_god,
        n=3,
    ),
    L(
        "rbc_like",
        "russian",
        "RBC (rbc.ru)",
        "ru",
        """\
{title}
{date}
{BODY}
Источник: Интерфакс""",
        F.ru_published,
        wire="Interfax",
        n=3,
    ),
    L(
        "gazeta_like",
        "russian",
        "Gazeta.ru (gazeta.ru)",
        "ru",
        """\
{title}
{date}
{BODY}
Комментарии""",
        F.ru_genitive,
        n=3,
    ),
]


def _first_pool(language: str) -> list[Story]:
    return {"ar": AR, "en": EN, "ru": RU}[language]


def _fill(template: str, story: Story, date_text: str, credit: str, glue: str) -> tuple[str, list[str]]:
    """The page text and the body paragraphs as they appear in it (without the credit)."""
    paragraphs = list(story.paragraphs)
    body_lines = [" ".join(paragraphs)] if glue == "one" else paragraphs
    d = story.published
    lines: list[str] = []
    for raw in template.split("\n"):
        if raw == "{BODY}":
            lines.append(credit + body_lines[0])
            lines += body_lines[1:]
            continue
        lines.append(raw.format(title=story.title, date=date_text, y=d.year, m=d.month, d=d.day))
    return "\n".join(lines) + "\n", body_lines


def cases() -> list[Case]:
    """Every layout rendered with its stories, each with its expected fields."""
    out: list[Case] = []
    offsets: dict[str, int] = {}
    for layout in LAYOUTS:
        pool = _first_pool(layout.language)
        start = offsets.get(layout.language, 0)
        offsets[layout.language] = start + layout.n
        for story in islice(cycle(pool), start % len(pool), start % len(pool) + layout.n):
            d = story.published
            date_text, published = layout.date(d) if layout.date else ("", None)
            if layout.url_date:
                published = F.day(d)
            credit = layout.credit.format(
                mon=F.ENGLISH[d.month - 1],
                dd=d.day,
                rmon=F.RUSSIAN[d.month - 1],
                rshort=F.RUSSIAN_SHORT[d.month - 1],
            )
            text, body = _fill(layout.template, story, date_text, credit, layout.glue)
            wire = layout.wire
            credited = wire.split(", ") if wire else []
            cited = [c for c in story.cited if c not in credited]
            body_set = set(body)
            furniture = [s.strip() for s in text.split("\n") if s.strip() and s.strip() not in body_set]
            furniture = [s for s in furniture if not (credit and s == (credit + body[0]).strip())]
            if credit.strip():
                furniture.append(credit.strip())
            out.append(
                Case(
                    id=f"{layout.id}/{story.key}",
                    family=layout.family,
                    layout=layout.id,
                    modelled_on=layout.modelled_on,
                    folder=layout.id,
                    text=text,
                    expect={
                        "title": story.title if layout.title else "",
                        "published": published,
                        "dateline": layout.dateline,
                        "wire": wire,
                        "wires_cited": ", ".join(cited) if cited else None,
                        "outlet": layout.outlet or layout.id,
                        "language": layout.language,
                        "first": body[0],
                        "last": body[-1],
                        "body": body,
                        "boilerplate": furniture,
                    },
                )
            )
    return out


def as_datetime(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None
