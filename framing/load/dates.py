"""Arabic (and English) publication dates found in free text.

htmldate and dateparser miss the Levantine month names (``14 تموز 2016``), so the pages are read
with a parser of our own. The text is matched after :func:`framing.text.normalize.normalize`
(digits, alef and yeh forms, diacritics, tatweel), but every offset refers to the original string.

>>> [m.text for m in find_dates("نشر في: الخميس، 14 تموز 2016 - 9:16 م")]
['14 تموز 2016 - 9:16 م']
>>> parse_date("١٤ يوليه ٢٠١٦ الساعة 9:16 م", tz="Africa/Cairo")
Timestamp('2016-07-14 21:16:00+0200', tz='Africa/Cairo')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from framing.text import chars
from framing.text.normalize import Normalization, normalize

__all__ = ["DateMatch", "RelativeDay", "find_dates", "parse_date", "relative_day", "url_date"]

Label = Literal["published", "updated"]
_NORMALIZATION = Normalization()

MIN_YEAR = 1900
MAX_YEAR = 2100

# Month names, one tuple of spellings per month (January first). They are written as printed;
# the regex is built from their normalized forms, so أبريل / ابريل / إبريل are one entry there.
EGYPTIAN_MONTHS: tuple[tuple[str, ...], ...] = (
    ("يناير",),
    ("فبراير",),
    ("مارس",),
    ("أبريل", "ابريل", "إبريل"),
    ("مايو",),
    ("يونيو", "يونيه"),
    ("يوليو", "يوليه"),
    ("أغسطس", "اغسطس"),
    ("سبتمبر",),
    ("أكتوبر",),
    ("نوفمبر",),
    ("ديسمبر",),
)
LEVANTINE_MONTHS: tuple[tuple[str, ...], ...] = (
    ("كانون الثاني", "كانون ثاني"),
    ("شباط",),
    ("آذار",),
    ("نيسان",),
    ("أيار",),
    ("حزيران",),
    ("تموز",),
    ("آب",),
    ("أيلول",),
    ("تشرين الأول", "تشرين أول"),
    ("تشرين الثاني", "تشرين ثاني"),
    ("كانون الأول", "كانون أول"),
)
MAGHREB_MONTHS: tuple[tuple[str, ...], ...] = (  # Algeria and Tunisia
    ("جانفي",),
    ("فيفري",),
    ("مارس",),
    ("أفريل",),
    ("ماي",),
    ("جوان",),
    ("جويلية",),
    ("أوت",),
    ("سبتمبر",),
    ("أكتوبر",),
    ("نوفمبر",),
    ("ديسمبر",),
)
MOROCCAN_MONTHS: tuple[tuple[str, ...], ...] = (
    ("يناير",),
    ("فبراير",),
    ("مارس",),
    ("أبريل",),
    ("ماي",),
    ("يونيو",),
    ("يوليوز",),
    ("غشت",),
    ("شتنبر",),
    ("أكتوبر",),
    ("نونبر",),
    ("دجنبر",),
)
ENGLISH_MONTHS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
# Russian: the genitive of a date (15 июля 2016), the nominative and the short forms news sites print.
RUSSIAN_MONTHS: tuple[tuple[str, ...], ...] = (
    ("января", "январь", "янв"),
    ("февраля", "февраль", "фев"),
    ("марта", "март", "мар"),
    ("апреля", "апрель", "апр"),
    ("мая", "май"),
    ("июня", "июнь", "июн"),
    ("июля", "июль", "июл"),
    ("августа", "август", "авг"),
    ("сентября", "сентябрь", "сен", "сент"),
    ("октября", "октябрь", "окт"),
    ("ноября", "ноябрь", "ноя"),
    ("декабря", "декабрь", "дек"),
)
# Hijri months: recognised only so that a Hijri date is skipped, never returned.
HIJRI_MONTHS: tuple[tuple[str, ...], ...] = (
    ("محرم",),
    ("صفر",),
    ("ربيع الأول", "ربيع أول"),
    ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني"),
    ("جمادى الأولى", "جمادى الأول", "جمادى أولى"),
    ("جمادى الآخرة", "جمادى الآخر", "جمادى الثانية", "جمادى الثاني"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعدة", "ذي القعدة"),
    ("ذو الحجة", "ذي الحجة"),
)
WEEKDAYS: tuple[str, ...] = (
    "السبت",
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
)

# Other Arabic words, as normalized text (house rule 7: escapes with the Arabic in a comment).
_MIN = "\u0645\u0646"  # من (as in 15 من يوليو)
_DAY = "\u064a\u0648\u0645"  # يوم
_GREGORIAN = "\u0645(?:\u064a\u0644\u0627\u062f\u064a\u0647?)?"  # م, ميلادي, ميلاديه
_HIJRI_MARK = "\u0647"  # ه (هـ after normalization)
_PM = "\u0645\u0633\u0627\u0621\u0627?|\u0645"  # مساء, مساءا, م
_AM = "\u0635\u0628\u0627\u062d\u0627?|\u0635"  # صباحا, صباح, ص
_TIME_WORDS = (
    "\u0627\u0644\u0633\u0627\u0639\u0647",  # الساعه (الساعة after normalization)
    "\u0641\u064a",  # في
    "\u0639\u0646\u062f",  # عند
    "(?i:at)",
)
_PUBLISHED_WORDS = (
    "\u0646\u0634\u0631",
    "(?i:published|posted)",
    "(?i:\u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\u043d)",  # опубликован(о)
)  # نشر (also نُشر, تاريخ النشر)
# تحديث (also آخر تحديث, تم التحديث), محدث
_UPDATED_WORDS = (
    "\u062a\u062d\u062f\u064a\u062b",
    "\u0645\u062d\u062f\u062b",
    "(?i:updated|modified)",
    "(?i:\u043e\u0431\u043d\u043e\u0432\u043b\u0435\u043d)",  # обновлен(о)
)

_COMMA = chars.ARABIC_COMMA  # ،
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"
# Between day, month and year: spaces and at most one of - / . , ،
# (white space is matched possessively, *+, so that a long run of it cannot make the search quadratic)
_SEP = rf"\s*+(?:[-/.,{_COMMA}]\s*+)?"
# Between the two names of a double month: يوليو/ تموز, تموز (يوليو), يوليو - تموز
_DOUBLE_SEP = r"\s*+[-/\\|(\u2013]\s*+"  # \u2013 is the en dash
# 2016 م / 2016 ميلادي; 2016 г. / 2016 года (Russian)
_YEAR_MARK = rf"(?:\s*+(?:{_GREGORIAN}|\u0433\.?|\u0433\u043e\u0434\u0430){_NOT_BEFORE_LETTER})?"
_ORDINAL = r"(?i:st|nd|rd|th)?"


_Trie: TypeAlias = dict[str, "_Trie"]


def _alternation(names: Iterable[str]) -> str:
    """A regex matching any of the normalized names, as a trie so that a miss fails on the first letter.

    A space in a name matches any run of white space, or none (ذو الحجة, ذوالحجة).

    >>> _alternation(["may", "mar", "ma"])
    '(?=[Mm])(?:[mM](?:[aA](?:[rR]|[yY]|)))'
    """
    trie: _Trie = {}
    for name in names:
        node = trie
        for char in normalize(name).lower():
            node = node.setdefault(char, {})
        node[""] = {}  # end of a name
    first = "".join(sorted(set(trie) | {char.upper() for char in trie}))
    return f"(?=[{re.escape(first)}])" + _trie_regex(trie)  # one cheap test of the first letter


def _trie_char(char: str) -> str:
    if char == " ":
        return r"\s*+"
    if "a" <= char <= "z" or "\u0430" <= char <= "\u044f":  # English and Russian names: any case
        return f"[{char}{char.upper()}]"  # (re.IGNORECASE would slow the Arabic ones)
    return re.escape(char)


def _trie_regex(node: _Trie) -> str:
    branches = [_trie_char(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")
    return "" if not branches or branches == [""] else "(?:" + "|".join(branches) + ")"


_GREGORIAN_FAMILIES = (
    EGYPTIAN_MONTHS,
    LEVANTINE_MONTHS,
    MAGHREB_MONTHS,
    MOROCCAN_MONTHS,
    ENGLISH_MONTHS,
    RUSSIAN_MONTHS,
)


def _month_numbers() -> dict[str, int]:
    """Map each normalized Gregorian month name (white space removed) to its number."""
    numbers: dict[str, int] = {}
    for family in _GREGORIAN_FAMILIES:
        for month, spellings in enumerate(family, start=1):
            for spelling in spellings:
                numbers[_month_key(normalize(spelling))] = month
    return numbers


def _month_key(name: str) -> str:
    """A matched (already normalized) month name as a key of ``_MONTH_NUMBERS``."""
    return "".join(name.lower().split())


_MONTH_NUMBERS = _month_numbers()
_MONTHS = _alternation(spelling for family in _GREGORIAN_FAMILIES for month in family for spelling in month)
_HIJRI = _alternation(s for m in HIJRI_MONTHS for s in m)
_WEEKDAYS = _alternation(WEEKDAYS)


def _one_month(group: str) -> str:
    return rf"{_NOT_AFTER_LETTER}(?P<{group}>{_MONTHS})(?:(?<=[A-Za-z\u0430-\u044f])\.)?{_NOT_BEFORE_LETTER}"


def _month(tag: str) -> str:
    """One month name, or two joined (يوليو/ تموز), in groups ``{tag}_m1`` and ``{tag}_m2``."""
    return rf"{_one_month(tag + '_m1')}(?:{_DOUBLE_SEP}{_one_month(tag + '_m2')}\s*+\)?)?"


def _day(tag: str) -> str:
    return rf"(?P<{tag}_d>[0-9]{{1,2}})(?![0-9]){_ORDINAL}"


def _year(tag: str) -> str:
    return rf"(?P<{tag}_y>[0-9]{{4}})(?![0-9])"


_ISO_TIME = (
    r"(?P<iso>[Tt](?P<iso_h>[0-9]{2}):(?P<iso_mi>[0-9]{2})(?::(?P<iso_s>[0-9]{2})(?:\.(?P<iso_f>[0-9]{1,9}))?)?"
    r"(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?(?![0-9A-Za-z]))"
)
# One pass finds every candidate; the forms that start with a digit share one look-behind.
_DATE = re.compile(
    r"(?<![0-9])(?=[0-9])(?:"
    # Hijri first: matched (so its numbers are used up) and then skipped.
    rf"(?P<hijri>[0-9]{{1,2}}(?![0-9]){_SEP}(?:{_MIN}\s++)?{_NOT_AFTER_LETTER}{_HIJRI}"
    rf"{_NOT_BEFORE_LETTER}(?:{_SEP}[0-9]{{3,4}}(?![0-9])(?:\s*+{_HIJRI_MARK}{_NOT_BEFORE_LETTER})?)?)"
    # 2016-07-14, 2016/7/14, 2016-07-14T21:16:00+03:00
    r"|(?P<ymd>(?P<ymd_y>[0-9]{4})\s?(?P<ymd_sep>[-/.])\s?(?P<ymd_m>[0-9]{1,2})\s?(?P=ymd_sep)\s?"
    rf"(?P<ymd_d>[0-9]{{1,2}})(?![0-9])(?:{_ISO_TIME}|{_YEAR_MARK}))"
    # 15-07-2016, 14/7/2016, 14.07.2016 (always day first)
    r"|(?P<dmy>(?P<dmy_d>[0-9]{1,2})\s?(?P<dmy_sep>[-/.])\s?(?P<dmy_m>[0-9]{1,2})\s?(?P=dmy_sep)\s?"
    rf"{_year('dmy')}{_YEAR_MARK})"
    # 14 يوليو 2016, 15 من تموز 2016, 15 يوليو/ تموز 2016 م, 14th July 2016
    rf"|(?P<dm>{_day('dm')}{_SEP}(?:{_MIN}\s++)?{_month('dm')}{_SEP}{_year('dm')}{_YEAR_MARK})"
    # July 14, 2016, يوليو/ تموز 15، 2016
    rf")|(?P<md>{_month('md')}{_SEP}(?<![0-9]){_day('md')}\s*+(?:[,{_COMMA}]\s*+)?{_year('md')}{_YEAR_MARK})"
)

_TIME = (
    r"(?<![0-9:])(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]{1,9}))?)?(?![0-9])"
    r"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2}(?![0-9]))?"
    rf"(?:\s*+(?:(?P<pm>{_PM}|(?i:p\.?m\.?))|(?P<am>{_AM}|(?i:a\.?m\.?))){_NOT_BEFORE_LETTER})?"
)
_GAP_WORD = "|".join(_TIME_WORDS)
# A time after the date: 14 يوليه 2016 - 9:16 م, ... 2016، الساعة 14:41, ... 2016 | 14:41:58
_TIME_AFTER = re.compile(
    rf"(?:\s*+(?:[-|,{_COMMA}:\u2013\u2014\u2022]|(?:{_GAP_WORD}){_NOT_BEFORE_LETTER})){{0,4}}\s*+{_TIME}"
)
# A time before the date, up to the date's start: 14:41 15.07.2016, 9:16 م - الخميس 14 يوليو 2016
_TIME_BEFORE = re.compile(
    rf"{_TIME}(?:\s*+(?:[-|,{_COMMA}\u2013\u2014\u2022]|(?:{_DAY}\s*+)?{_WEEKDAYS}"
    rf"{_NOT_BEFORE_LETTER}|(?:{_GAP_WORD}){_NOT_BEFORE_LETTER})){{0,4}}\s*+\Z"
)
_LABEL = re.compile(rf"(?P<published>{'|'.join(_PUBLISHED_WORDS)})|(?P<updated>{'|'.join(_UPDATED_WORDS)})")
_DIGIT = re.compile("[0-9]")
# Characters dropped by normalization that belong to the letter before them.
_ATTACHED = frozenset(chars.DIACRITICS + chars.TATWEEL)
_LOOKBACK = 64  # how far before a date a leading time may start


@dataclass(frozen=True)
class DateMatch:
    """A Gregorian date found by :func:`find_dates`.

    ``start`` and ``end`` are offsets into the original string and ``text == original[start:end]``;
    the span covers the date and its attached time but not the weekday. ``value`` is the naive
    wall-clock time as printed (midnight when there is no time). ``label`` comes from a publication
    or update word between the previous date (or the start of the text) and this one.

    >>> m = find_dates("آخر تحديث: 2016-07-14T21:16:00+03:00")[0]
    >>> m.text, m.value, m.has_time, m.label
    ('2016-07-14T21:16:00+03:00', datetime.datetime(2016, 7, 14, 21, 16), True, 'updated')
    """

    start: int
    end: int
    text: str
    value: datetime
    has_time: bool
    label: Label | None


def _normalize(text: str) -> tuple[str, list[int] | None]:
    """The normalized text and, unless it is the identity, the original index of each of its characters.

    >>> _normalize("١٤ يـوليو")
    ('14 يوليو', [0, 1, 2, 3, 5, 6, 7, 8])
    """
    return _NORMALIZATION.with_offsets(text)


def _time(match: re.Match[str], prefix: str = "") -> tuple[int, int, int, int] | None:
    """Hour, minute, second and microsecond of a time match, or None when out of range."""
    hour, minute = int(match[prefix + "h"]), int(match[prefix + "mi"])
    second = int(match[prefix + "s"] or 0)
    fraction = match[prefix + "f"]
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    if not prefix and 1 <= hour <= 12:
        if match["pm"] is not None and hour != 12:
            hour += 12
        elif match["am"] is not None and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second, micro


_KINDS = ("ymd", "dmy", "dm", "md")  # the forms of a date in _DATE, as group names


def _date(match: re.Match[str]) -> datetime | None:
    """The calendar date of a match, or None for a Hijri or impossible date."""
    kind = match.lastgroup  # the form's group encloses its whole alternative, so it closes last
    if kind not in _KINDS:  # Hijri
        return None
    year, day = int(match[kind + "_y"]), int(match[kind + "_d"])
    if kind in ("ymd", "dmy"):
        month: int | None = int(match[kind + "_m"])
    else:
        month = _MONTH_NUMBERS.get(_month_key(match[kind + "_m1"]))
    if month is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:  # 31/02/2016, month 13
        return None


def _at(value: datetime, clock: tuple[int, int, int, int]) -> datetime:
    return value.replace(hour=clock[0], minute=clock[1], second=clock[2], microsecond=clock[3])


def find_dates(text: str) -> list[DateMatch]:
    """Every Gregorian date with a year in ``text``, in order of position.

    Month names of the Egyptian, Levantine, Maghreb and Moroccan families and English ones, a
    double month (``15 يوليو/ تموز 2016``), numeric dates (day first) and ISO timestamps are read
    in any digit system. A time right after the date (or, failing that, right before it, when it
    is not the time of the previous date) is attached; a time before the date starts the span, so
    a weekday between the two is then inside it. Hijri dates are skipped. Never raises on a ``str``.

    >>> [(m.value, m.label) for m in find_dates(
    ...     "نشر في: الخميس 14 يوليه 2016 - 9:16 م | آخر تحديث: الخميس 14 يوليه 2016 - 9:16 م")]
    [(datetime.datetime(2016, 7, 14, 21, 16), 'published'),
     (datetime.datetime(2016, 7, 14, 21, 16), 'updated')]
    >>> [m.text for m in find_dates("الجمعة - 10 شوال 1437 هـ - 15 يوليو 2016 مـ")]
    ['15 يوليو 2016 مـ']
    >>> find_dates("الخميس 14 يوليو")
    []
    """
    norm, index = _normalize(text)
    found: list[DateMatch] = []
    if _DIGIT.search(norm) is None:  # every date has a day or a year in digits
        return found
    previous_end = 0  # in the normalized text
    for match in _DATE.finditer(norm):
        value = _date(match)
        if value is None:
            continue
        start, end = match.span()
        clock = None
        if match["iso"] is not None:
            clock = _time(match, "iso_")
            if clock is None:  # T25:00 and the like: keep the date alone
                end = match.start("iso")
        else:
            after = _TIME_AFTER.match(norm, end)
            clock = None if after is None else _time(after)
            if after is not None and clock is not None:
                end = after.end()
            else:
                before = _TIME_BEFORE.search(norm, max(previous_end, start - _LOOKBACK), start)
                clock = None if before is None else _time(before)
                if before is not None and clock is not None:
                    start = before.start()
        label: Label | None = None
        for word in _LABEL.finditer(norm, previous_end, start):
            label = "published" if word["published"] is not None else "updated"
        previous_end = end
        if index is not None:
            start, end = index[start], index[end - 1] + 1
            while end < len(text) and text[end] in _ATTACHED:
                end += 1
        value = value if clock is None else _at(value, clock)
        found.append(DateMatch(start, end, text[start:end], value, clock is not None, label))
    return found


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError) as exc:
        raise ValueError(
            f"unknown time zone {tz!r}: expected an IANA name such as 'Africa/Cairo' or 'Asia/Beirut' "
            "(see zoneinfo.available_timezones())"
        ) from exc


def parse_date(text: str, *, tz: str | None = None) -> pd.Timestamp | None:
    """The first date of :func:`find_dates` as a ``Timestamp``, or None when there is none.

    With ``tz`` (an IANA name) the wall-clock time is localized there: an ambiguous time (the hour
    repeated when daylight saving ends) is read as standard time and a time skipped when it starts
    is shifted forward. Without ``tz`` the Timestamp is naive. An unknown ``tz`` raises ValueError.

    >>> parse_date("١٤ تموز ٢٠١٦، 14:41", tz="Asia/Beirut")
    Timestamp('2016-07-14 14:41:00+0300', tz='Asia/Beirut')
    >>> parse_date("July 14, 2016")
    Timestamp('2016-07-14 00:00:00')
    >>> parse_date("أمس الخميس") is None
    True
    """
    zone = None if tz is None else _zone(tz)
    matches = find_dates(text)
    if not matches:
        return None
    stamp = pd.Timestamp(matches[0].value)
    if zone is None:
        return stamp
    return stamp.tz_localize(zone, ambiguous=False, nonexistent="shift_forward")


# /2016/07/14/ or /2016-07-14 or /20160714/ in a web address
_URL_DATE = re.compile(
    r"https?://\S*?/(?P<y>(?:19|20)[0-9]{2})(?:/(?P<m>[01]?[0-9])/(?P<d>[0-3]?[0-9])(?=[/_\-.]|$)"
    r"|-(?P<m2>[01][0-9])-(?P<d2>[0-3][0-9])(?![0-9])|(?P<m3>[01][0-9])(?P<d3>[0-3][0-9])(?=[/_\-.]|$))"
)


def url_date(text: str) -> datetime | None:
    """The date written in the path of the first web address in ``text`` that holds one, else None.

    >>> url_date("https://example.com/world/2016/07/14/story-slug")
    datetime.datetime(2016, 7, 14, 0, 0)
    >>> url_date("https://example.com/news/20160715/123.html")
    datetime.datetime(2016, 7, 15, 0, 0)
    >>> url_date("https://example.com/2016/99/99/x") is None
    True
    """
    if "http" not in text:
        return None
    for match in _URL_DATE.finditer(text):
        month = match["m"] or match["m2"] or match["m3"]
        day = match["d"] or match["d2"] or match["d3"]
        try:
            return datetime(int(match["y"]), int(month), int(day))
        except ValueError:
            continue
    return None


# --- relative days -------------------------------------------------------------------------------------
# Words naming a day relative to the day the page was seen, as normalized (alef, hamza, teh marbuta):
# how many days back they are.
_RELATIVE_WORDS = {
    "\u0627\u0644\u064a\u0648\u0645": 0,  # اليوم (today)
    "\u0627\u0645\u0633": 1,  # أمس (yesterday)
    "\u0628\u0627\u0644\u0627\u0645\u0633": 1,  # بالأمس
    "\u0627\u0644\u0628\u0627\u0631\u062d\u0647": 1,  # البارحة
    "\u0627\u0648\u0644 \u0627\u0645\u0633": 2,  # أول أمس (the day before yesterday)
    "\u0627\u0648\u0644 \u0645\u0646 \u0627\u0645\u0633": 2,  # أول من أمس
    "today": 0,
    "yesterday": 1,
    "the day before yesterday": 2,
    "\u0441\u0435\u0433\u043e\u0434\u043d\u044f": 0,  # сегодня
    "\u0432\u0447\u0435\u0440\u0430": 1,  # вчера
    "\u043f\u043e\u0437\u0430\u0432\u0447\u0435\u0440\u0430": 2,  # позавчера
}
# Labels a relative day may follow (normalized): published ...
_RELATIVE_PUBLISHED = (
    r"\u0646\u0634\u0631(?:\s++(?:\u0641\u064a|\u0628\u062a\u0627\u0631\u064a\u062e))?",  # نشر (في|بتاريخ)
    r"\u062a\u0627\u0631\u064a\u062e\s++\u0627\u0644\u0646\u0634\u0631",  # تاريخ النشر
    r"(?:published|posted)(?:\s++on)?",
    r"\u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\u043d\u043e?",  # опубликовано
)
# ... or updated.
_RELATIVE_UPDATED = (
    r"(?:\u0627\u062e\u0631\s++)?\u062a\u062d\u062f\u064a\u062b",  # (آخر) تحديث
    r"(?:last\s++)?updated(?:\s++on)?",
    r"\u043e\u0431\u043d\u043e\u0432\u043b\u0435\u043d\u043e?",  # обновлено
)
_REL_SEP = rf"(?:\s*+[-|,{_COMMA}:\u2013\u2014\u2022]\s*+|\s++)"
# at / в / الساعة / عند / في before a time
_REL_AT = r"(?:at|\u0432|\u0627\u0644\u0633\u0627\u0639\u0647|\u0639\u0646\u062f|\u0641\u064a)"
# A zone after the time: GMT, (MSK), بتوقيت القاهرة, (بتوقيت مكة المكرمة)
_REL_ZONE = r"(?:\(?[a-z]{2,5}\)?|\(?\u0628\u062a\u0648\u0642\u064a\u062a\s++[^\s()]+(?:\s++[^\s()]+)?\)?)"
_REL_WORDS = "|".join(w.replace(" ", r"\s++") for w in sorted(_RELATIVE_WORDS, key=len, reverse=True))
_RELATIVE_EXPRESSION = (
    rf"(?P<rel>{_REL_WORDS}){_NOT_BEFORE_LETTER}"
    rf"(?:{_REL_SEP}?(?P<weekday>{_WEEKDAYS}){_NOT_BEFORE_LETTER})?"
    rf"(?:{_REL_SEP}?(?:{_REL_AT}\s*+)?{_TIME})?"
    rf"(?:{_REL_SEP}?{_REL_ZONE})?"
)
# A whole line: (label) relative day (weekday) (time) (zone), e.g. نشر في: أمس الخميس 10:30 م
_RELATIVE_LINE = re.compile(
    rf"^\s*+(?:(?P<published>{'|'.join(_RELATIVE_PUBLISHED)})|(?P<updated>{'|'.join(_RELATIVE_UPDATED)}))?"
    rf"{_REL_SEP}?{_RELATIVE_EXPRESSION}\s*+\.?\s*+\Z",
    re.IGNORECASE,
)
# The end of a byline: كتب: سامي حداد - أمس 10:30
_RELATIVE_TAIL = re.compile(rf"(?<!\S){_RELATIVE_EXPRESSION}\s*+\.?\s*+\Z", re.IGNORECASE)
# A word every relative day holds (a cheap test before the expressions).
_RELATIVE_HINT = re.compile(
    "|".join(sorted({w.split()[-1] for w in _RELATIVE_WORDS}, key=len, reverse=True)), re.IGNORECASE
)
# The same words, case-sensitive, and the characters that have no other case form among them: on a
# text of those characters alone (most keys and normalized lines) both searches agree, and this one
# is five times faster (see _has_relative_word).
_RELATIVE_HINT_EXACT = re.compile(_RELATIVE_HINT.pattern)
_NOT_CASELESS = re.compile(r"[^\x00-\x40\x5b-\x7f\u0600-\u06ff\u0430-\u044f\u0451]")
_WEEKDAY_NUMBERS = {  # normalized weekday -> datetime.weekday()
    **{_month_key(normalize(w)): n for n, w in enumerate(WEEKDAYS[8:15])},  # monday .. sunday
    **{_month_key(normalize(w)): n for n, w in enumerate(WEEKDAYS[15:])},  # понедельник .. воскресенье
    **{
        _month_key(normalize(w)): n
        for w, n in zip(WEEKDAYS[:8], (5, 6, 0, 0, 1, 2, 3, 4), strict=True)  # السبت .. الجمعة
    },
}


@dataclass(frozen=True)
class RelativeDay:
    """A publication day printed relative to the day the page was seen (``أمس الخميس 10:30``).

    ``days`` back from that day (0 today, 1 yesterday, 2 the day before), the ``weekday`` printed with
    it (0 Monday … 6 Sunday) and the time, if any; ``text`` is the expression as printed (``start`` and
    ``end`` are its offsets in the line). It becomes a date only against a known day (:meth:`resolve`).
    """

    days: int
    weekday: int | None
    clock: tuple[int, int, int, int] | None
    label: Label | None
    start: int
    end: int
    text: str

    def resolve(self, seen: datetime, *, seen_has_time: bool = False) -> datetime | None:
        """The date (and time) this names on a page seen at ``seen``; None when the printed weekday is
        not that day's, or when the time is later than ``seen`` (if ``seen_has_time``).

        >>> day = relative_day("نشر في: أمس الخميس - 10:30 م")
        >>> day.resolve(datetime(2024, 9, 27, 7, 26))
        datetime.datetime(2024, 9, 26, 22, 30)
        >>> day.resolve(datetime(2024, 9, 28)) is None  # 27 September 2024 was a Friday, not a Thursday
        True
        """
        value = datetime(seen.year, seen.month, seen.day) - timedelta(days=self.days)
        if self.weekday is not None and value.weekday() != self.weekday:
            return None
        if self.clock is not None:
            value = _at(value, self.clock)
        if seen_has_time and value > seen:
            return None
        return value


def _has_relative_word(text: str) -> bool:
    """Whether ``_RELATIVE_HINT`` (case-insensitive) finds a word in ``text``.

    Its words are lower-case ASCII, Arabic and Russian letters. A text of ASCII characters other than
    capitals, Arabic characters and lower-case Russian letters holds no character that ignoring case
    would match to another of them (the partners of ``k``, ``s``, ``i``, ``в``… — ``K``, ``ſ``, ``ı``,
    ``ᲀ`` — are outside it), so there the case-sensitive search answers the same; other texts take the
    case-insensitive one.

    >>> _has_relative_word("نشر امس 10:30"), _has_relative_word("YESTERDAY"), _has_relative_word("moscow")
    (True, True, False)
    """
    if _NOT_CASELESS.search(text) is None:
        return _RELATIVE_HINT_EXACT.search(text) is not None
    return _RELATIVE_HINT.search(text) is not None


def relative_day(text: str, *, tail: bool = False, key: str | None = None) -> RelativeDay | None:
    """The relative day that ``text`` is (a whole date line), or that ends it (``tail=True``: a byline).

    The relative word must come with a label (``نشر``, ``Published``), a weekday or a time: ``أمس``
    alone (a menu tab) is not read, nor is a word inside a sentence (``قال أمس إن …``).

    >>> relative_day("اليوم الخميس").days, relative_day("Yesterday, 18:05").clock
    (0, (18, 5, 0, 0))
    >>> relative_day("вчера, 18:30").days, relative_day("أمس"), relative_day("قال أمس إن الوفد وصل")
    (1, None, None)
    >>> relative_day("كتب: سامي حداد - أول أمس 09:15 ص", tail=True).text
    'أول أمس 09:15 ص'

    ``key``, the line's :func:`~framing.load.outlets.match_key` when the caller has it, makes the usual
    line (no relative word) cheap to pass over.
    """
    if key is not None and not _has_relative_word(key):
        return None
    norm, index = _normalize(text)
    if not _has_relative_word(norm):
        return None
    match = _RELATIVE_TAIL.search(norm) if tail else _RELATIVE_LINE.match(norm)
    if match is None:
        return None
    label: Label | None = None
    if not tail:
        label = "published" if match["published"] else "updated" if match["updated"] else None
    if label is None and match["weekday"] is None and match["h"] is None:
        return None  # the word alone: a menu tab or a heading, not a date
    clock = None
    if match["h"] is not None:
        clock = _time(match)
        if clock is None:
            return None
    weekday = _WEEKDAY_NUMBERS.get(_month_key(match["weekday"]).casefold()) if match["weekday"] else None
    days = _RELATIVE_WORDS.get(" ".join(match["rel"].casefold().split()))
    if days is None or (match["weekday"] and weekday is None):
        return None  # a letter that only case-folds to the word's (yeſterday): not read
    start, end = match.start("rel"), match.end()
    while end > start and not norm[end - 1].isalnum():  # a closing bracket of a zone is kept below
        if norm[end - 1] == ")":
            break
        end -= 1
    if index is not None:
        start, end = index[start], index[end - 1] + 1
        while end < len(text) and text[end] in _ATTACHED:
            end += 1
    return RelativeDay(days, weekday, clock, label, start, end, text[start:end])
