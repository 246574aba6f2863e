"""Date styles of the layout fixtures: each renders a datetime as an outlet prints it, with the value
a reader of that string would take as the publication time (None when the string is not enough)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

DateStyle = Callable[[datetime], tuple[str, datetime | None]]

EGYPTIAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
EGYPTIAN_E = [*EGYPTIAN[:5], "يونيه", "يوليه", *EGYPTIAN[7:]]  # يونيه / يوليه
LEVANTINE = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
ALGERIAN = [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
MOROCCAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]
WEEKDAYS_AR = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RUSSIAN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
RUSSIAN_SHORT = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def day(d: datetime) -> datetime:
    return d.replace(hour=0, minute=0)


def h12(d: datetime, am: str = "ص", pm: str = "م") -> str:
    hour = d.hour % 12 or 12
    return f"{hour}:{d.minute:02d} {pm if d.hour >= 12 else am}"


# --- Arabic -------------------------------------------------------------------------------------------
def nashr(d: datetime) -> tuple[str, datetime | None]:  # Egyptian portal: labelled, weekday, 12-hour
    wd, m = WEEKDAYS_AR[d.weekday()], EGYPTIAN_E[d.month - 1]
    text = f"نشر في: {wd} {d.day} {m} {d.year} - {h12(d)} | آخر تحديث: {wd} {d.day} {m} {d.year} - {h12(d)}"
    return text, d


def weekday_comma_12h(d: datetime) -> tuple[str, datetime | None]:  # الجمعة، 15 يوليو 2016 11:23 ص
    return f"{WEEKDAYS_AR[d.weekday()]}، {d.day:02d} {EGYPTIAN[d.month - 1]} {d.year} {h12(d)}", d


def dmy_dash_bar(d: datetime) -> tuple[str, datetime | None]:  # 15-7-2016 | 11:23
    return f"{d.day}-{d.month}-{d.year} | {d.hour:02d}:{d.minute:02d}", d


def time_first(d: datetime) -> tuple[str, datetime | None]:  # 03:12 م الجمعة 15 يوليو 2016
    return f"{h12(d)} {WEEKDAYS_AR[d.weekday()]} {d.day:02d} {EGYPTIAN[d.month - 1]} {d.year}", d


def ymd_slash_makkah(d: datetime) -> tuple[str, datetime | None]:  # آخر تحديث: 2016/7/15 الساعة 14:20 (مكة)
    return f"تاريخ النشر: {d.year}/{d.month}/{d.day} الساعة {d.hour:02d}:{d.minute:02d} (مكة المكرمة)", d


def hijri_gregorian(
    d: datetime,
) -> tuple[str, datetime | None]:  # الجمعة - 10 شوال 1437 هـ - 15 يوليو 2016 مـ
    return f"{WEEKDAYS_AR[d.weekday()]} - 10 شوال 1440 هـ - {d.day} {EGYPTIAN[d.month - 1]} {d.year} مـ", day(
        d
    )


def levant_bar(d: datetime) -> tuple[str, datetime | None]:  # 15 تموز 2016 | 14:20
    return f"{d.day} {LEVANTINE[d.month - 1]} {d.year} | {d.hour:02d}:{d.minute:02d}", d


def double_month(d: datetime) -> tuple[str, datetime | None]:  # الجمعة 15 يوليو/ تموز 2016
    m = f"{EGYPTIAN[d.month - 1]}/ {LEVANTINE[d.month - 1]}"
    return f"{WEEKDAYS_AR[d.weekday()]} {d.day} {m} {d.year}", day(d)


def iso_dash(d: datetime) -> tuple[str, datetime | None]:  # 2016-07-15
    return f"{d.year}-{d.month:02d}-{d.day:02d}", day(d)


def iso_time(d: datetime) -> tuple[str, datetime | None]:  # 2016-07-15 14:20
    return f"{d.year}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d}", d


def iso_t_zone(d: datetime) -> tuple[str, datetime | None]:  # 2016-07-15T14:20:00+03:00
    return f"{d.year}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:00+03:00", d


def indic_labelled(d: datetime) -> tuple[str, datetime | None]:  # تاريخ النشر: ٢٠١٦-٠٧-١٥ ٠٨:١٢
    return f"تاريخ النشر: {d.year}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d}".translate(INDIC), d


def moroccan(d: datetime) -> tuple[str, datetime | None]:  # الجمعة 15 يوليوز 2016 - 14:20
    return (
        f"{WEEKDAYS_AR[d.weekday()]} {d.day} {MOROCCAN[d.month - 1]} {d.year} - {d.hour:02d}:{d.minute:02d}",
        d,
    )


def algerian(d: datetime) -> tuple[str, datetime | None]:  # 15 جويلية 2016
    return f"{d.day} {ALGERIAN[d.month - 1]} {d.year}", day(d)


def ymd_slash_time(d: datetime) -> tuple[str, datetime | None]:  # 2016/07/15 14:20
    return f"{d.year}/{d.month:02d}/{d.day:02d} {d.hour:02d}:{d.minute:02d}", d


def gulf_sabahan(d: datetime) -> tuple[str, datetime | None]:  # 15 يوليو 2016 02:20 صباحا
    word = "مساء" if d.hour >= 12 else "صباحا"
    return f"{d.day} {EGYPTIAN[d.month - 1]} {d.year} {d.hour % 12 or 12:02d}:{d.minute:02d} {word}", d


def dmy_dot_bar(d: datetime) -> tuple[str, datetime | None]:  # 15.07.2016 | 14:41
    return f"{d.day:02d}.{d.month:02d}.{d.year} | {d.hour:02d}:{d.minute:02d}", d


def dmy_slash(d: datetime) -> tuple[str, datetime | None]:  # 15/07/2016
    return f"{d.day:02d}/{d.month:02d}/{d.year}", day(d)


def forum_post(
    d: datetime,
) -> tuple[str, datetime | None]:  # قديم 05-28-2023, 04:28 AM (vBulletin: month first)
    ampm = "PM" if d.hour >= 12 else "AM"
    return f"قديم {d.month:02d}-{d.day:02d}-{d.year}, {d.hour % 12 or 12:02d}:{d.minute:02d} {ampm}", d


def forum_ahla(d: datetime) -> tuple[str, datetime | None]:  # مُساهمة من طرف X السبت يناير 03, 2015 5:17 am
    ampm = "pm" if d.hour >= 12 else "am"
    when = f"{EGYPTIAN[d.month - 1]} {d.day:02d}, {d.year} {d.hour % 12 or 12}:{d.minute:02d} {ampm}"
    text = f"مُساهمة من طرف سامر {WEEKDAYS_AR[d.weekday()]} {when}"
    return text, d


def byline_agency_date(agency: str) -> Callable[[datetime], tuple[str, datetime | None]]:
    def style(d: datetime) -> tuple[str, datetime | None]:  # كتب: رويترز الجمعة 15-07-2016 11:23
        return (
            f"كتب: {agency} {WEEKDAYS_AR[d.weekday()]} {d.day:02d}-{d.month:02d}-{d.year} "
            f"{d.hour:02d}:{d.minute:02d}",
            d,
        )

    return style


# --- English ------------------------------------------------------------------------------------------
def en_weekday_zone(d: datetime) -> tuple[str, datetime | None]:  # Friday, July 15 2016 18:50 EEST
    return (
        f"{WEEKDAYS_EN[d.weekday()]}, {ENGLISH[d.month - 1]} {d.day} {d.year} "
        f"{d.hour:02d}:{d.minute:02d} EEST",
        d,
    )


def en_published_gmt(d: datetime) -> tuple[str, datetime | None]:  # Published: Jul 15, 2016 6:50 PM GMT
    ampm = "PM" if d.hour >= 12 else "AM"
    return (
        f"Published: {ENGLISH[d.month - 1][:3]} {d.day}, {d.year} "
        f"{d.hour % 12 or 12}:{d.minute:02d} {ampm} GMT",
        d,
    )


def en_day_month(d: datetime) -> tuple[str, datetime | None]:  # 15 July 2016
    return f"{d.day} {ENGLISH[d.month - 1]} {d.year}", day(d)


def en_updated_iso(d: datetime) -> tuple[str, datetime | None]:  # Updated 2016-07-15 18:50 GMT
    return f"Last updated: {d.year}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d} GMT", None


def en_month_day_at(d: datetime) -> tuple[str, datetime | None]:  # July 15, 2016 at 6:50 pm EDT
    ampm = "pm" if d.hour >= 12 else "am"
    return f"{ENGLISH[d.month - 1]} {d.day}, {d.year} at {d.hour % 12 or 12}:{d.minute:02d} {ampm} EDT", d


def en_dmy_msk(d: datetime) -> tuple[str, datetime | None]:  # 15 Jul 2016, 18:50 MSK
    return f"{d.day} {ENGLISH[d.month - 1][:3]} {d.year}, {d.hour:02d}:{d.minute:02d} MSK", d


# --- Russian ------------------------------------------------------------------------------------------
def ru_genitive(d: datetime) -> tuple[str, datetime | None]:  # 16 июля 2016, 03:19
    return f"{d.day} {RUSSIAN[d.month - 1]} {d.year}, {d.hour:02d}:{d.minute:02d}", d


def ru_dots(d: datetime) -> tuple[str, datetime | None]:  # 15.07.2016 14:20
    return f"{d.day:02d}.{d.month:02d}.{d.year} {d.hour:02d}:{d.minute:02d}", d


def ru_god(d: datetime) -> tuple[str, datetime | None]:  # 16 июля 2016 г. 03:19
    return f"{d.day} {RUSSIAN[d.month - 1]} {d.year} г. {d.hour:02d}:{d.minute:02d}", d


def ru_time_first(d: datetime) -> tuple[str, datetime | None]:  # 14:20, 15 июля 2016
    return f"{d.hour:02d}:{d.minute:02d}, {d.day} {RUSSIAN[d.month - 1]} {d.year}", d


def ru_published(d: datetime) -> tuple[str, datetime | None]:  # Опубликовано: 15.07.2016 14:20
    return f"Опубликовано: {d.day:02d}.{d.month:02d}.{d.year} {d.hour:02d}:{d.minute:02d}", d


def ru_short(d: datetime) -> tuple[str, datetime | None]:  # 15 июл 2016, 14:20
    return f"{d.day} {RUSSIAN_SHORT[d.month - 1]} {d.year}, {d.hour:02d}:{d.minute:02d}", d
