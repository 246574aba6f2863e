"""Tests for framing.load.dates: every case below is written by hand with its expected value."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.load import dates
from framing.load.dates import DateMatch, find_dates, parse_date
from framing.text import chars

SHOROUK = "نشر في: الخميس 14 يوليه 2016 - 9:16 م | آخر تحديث: الخميس 14 يوليه 2016 - 9:16 م"
HIJRI_AND_GREGORIAN = "الجمعة - 10 شوال 1437 هـ - 15 يوليو 2016 مـ"


def check_offsets(text: str, matches: list[DateMatch]) -> None:
    """The invariants every result must keep: offsets into the input, in order, not overlapping."""
    previous_end = 0
    for match in matches:
        assert match.text == text[match.start : match.end]
        assert previous_end <= match.start < match.end <= len(text)
        assert dates.MIN_YEAR <= match.value.year <= dates.MAX_YEAR
        assert match.value.tzinfo is None
        assert match.label in (None, "published", "updated")
        if not match.has_time:
            assert match.value.time() == datetime.min.time()
        previous_end = match.end


def only(text: str) -> DateMatch:
    matches = find_dates(text)
    check_offsets(text, matches)
    assert len(matches) == 1, matches
    return matches[0]


# --- month names, one row per spelling ------------------------------------------------------

MONTH_CASES = [
    # Egyptian / Gulf, with their variant spellings
    ("3 يناير 2016", datetime(2016, 1, 3)),
    ("4 فبراير 2016", datetime(2016, 2, 4)),
    ("5 مارس 2016", datetime(2016, 3, 5)),
    ("6 أبريل 2016", datetime(2016, 4, 6)),
    ("7 ابريل 2016", datetime(2016, 4, 7)),
    ("8 إبريل 2016", datetime(2016, 4, 8)),
    ("9 مايو 2016", datetime(2016, 5, 9)),
    ("10 يونيو 2016", datetime(2016, 6, 10)),
    ("11 يونيه 2016", datetime(2016, 6, 11)),
    ("11 يونية 2016", datetime(2016, 6, 11)),
    ("12 يوليو 2016", datetime(2016, 7, 12)),
    ("13 يوليه 2016", datetime(2016, 7, 13)),
    ("14 أغسطس 2016", datetime(2016, 8, 14)),
    ("15 اغسطس 2016", datetime(2016, 8, 15)),
    ("16 سبتمبر 2016", datetime(2016, 9, 16)),
    ("17 أكتوبر 2016", datetime(2016, 10, 17)),
    ("18 نوفمبر 2016", datetime(2016, 11, 18)),
    ("19 ديسمبر 2016", datetime(2016, 12, 19)),
    # Levantine / Iraqi, including the two-word names
    ("1 كانون الثاني 2017", datetime(2017, 1, 1)),
    ("2 شباط 2017", datetime(2017, 2, 2)),
    ("3 آذار 2017", datetime(2017, 3, 3)),
    ("4 نيسان 2017", datetime(2017, 4, 4)),
    ("5 أيار 2017", datetime(2017, 5, 5)),
    ("6 حزيران 2017", datetime(2017, 6, 6)),
    ("7 تموز 2017", datetime(2017, 7, 7)),
    ("8 آب 2017", datetime(2017, 8, 8)),
    ("9 أيلول 2017", datetime(2017, 9, 9)),
    ("10 تشرين الأول 2017", datetime(2017, 10, 10)),
    ("11 تشرين الثاني 2017", datetime(2017, 11, 11)),
    ("12 كانون الأول 2017", datetime(2017, 12, 12)),
    ("13 كانون الثانى 2018", datetime(2018, 1, 13)),
    ("14 تشرين  الثاني 2017", datetime(2017, 11, 14)),
    # Algerian / Tunisian
    ("1 جانفي 2015", datetime(2015, 1, 1)),
    ("2 فيفري 2015", datetime(2015, 2, 2)),
    ("3 مارس 2015", datetime(2015, 3, 3)),
    ("4 أفريل 2015", datetime(2015, 4, 4)),
    ("5 ماي 2015", datetime(2015, 5, 5)),
    ("6 جوان 2015", datetime(2015, 6, 6)),
    ("7 جويلية 2015", datetime(2015, 7, 7)),
    ("8 أوت 2015", datetime(2015, 8, 8)),
    ("9 سبتمبر 2015", datetime(2015, 9, 9)),
    ("10 أكتوبر 2015", datetime(2015, 10, 10)),
    ("11 نوفمبر 2015", datetime(2015, 11, 11)),
    ("12 ديسمبر 2015", datetime(2015, 12, 12)),
    # Moroccan
    ("21 يناير 2014", datetime(2014, 1, 21)),
    ("22 فبراير 2014", datetime(2014, 2, 22)),
    ("23 مارس 2014", datetime(2014, 3, 23)),
    ("24 أبريل 2014", datetime(2014, 4, 24)),
    ("25 ماي 2014", datetime(2014, 5, 25)),
    ("26 يونيو 2014", datetime(2014, 6, 26)),
    ("27 يوليوز 2014", datetime(2014, 7, 27)),
    ("28 غشت 2014", datetime(2014, 8, 28)),
    ("29 شتنبر 2014", datetime(2014, 9, 29)),
    ("30 أكتوبر 2014", datetime(2014, 10, 30)),
    ("30 نونبر 2014", datetime(2014, 11, 30)),
    ("31 دجنبر 2014", datetime(2014, 12, 31)),
    # English, full and abbreviated, any case
    ("1 January 2016", datetime(2016, 1, 1)),
    ("2 Feb 2016", datetime(2016, 2, 2)),
    ("3 March 2016", datetime(2016, 3, 3)),
    ("4 Apr. 2016", datetime(2016, 4, 4)),
    ("5 May 2016", datetime(2016, 5, 5)),
    ("6 JUNE 2016", datetime(2016, 6, 6)),
    ("7 Jul 2016", datetime(2016, 7, 7)),
    ("8 August 2016", datetime(2016, 8, 8)),
    ("9 Sept 2016", datetime(2016, 9, 9)),
    ("10 october 2016", datetime(2016, 10, 10)),
    ("11 Nov 2016", datetime(2016, 11, 11)),
    ("12 December 2016", datetime(2016, 12, 12)),
    ("14th July 2016", datetime(2016, 7, 14)),
    # normalization: hamza forms, alef maqsura, diacritics, tatweel, teh marbuta
    ("5 ايار 2017", datetime(2017, 5, 5)),
    ("3 اذار 2017", datetime(2017, 3, 3)),
    ("7 جويليه 2015", datetime(2015, 7, 7)),
    ("14 يـولـيـه 2016", datetime(2016, 7, 14)),
    ("14 تَمُّوز 2016", datetime(2016, 7, 14)),
    ("15 من يوليو 2016", datetime(2016, 7, 15)),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_CASES, ids=[case[0] for case in MONTH_CASES])
def test_month_names(text: str, expected: datetime) -> None:
    match = only(text)
    assert match.value == expected
    assert match.text == text  # the whole input is the date
    assert not match.has_time
    assert match.label is None


@pytest.mark.parametrize(
    "family",
    [
        dates.EGYPTIAN_MONTHS,
        dates.LEVANTINE_MONTHS,
        dates.MAGHREB_MONTHS,
        dates.MOROCCAN_MONTHS,
        dates.ENGLISH_MONTHS,
    ],
)
def test_every_spelling_in_the_tables_parses_to_its_month(family: tuple[tuple[str, ...], ...]) -> None:
    for number, spellings in enumerate(family, start=1):
        for spelling in spellings:
            assert only(f"9 {spelling} 2016").value == datetime(2016, number, 9), spelling
            assert only(f"{spelling} 9, 2016").value == datetime(2016, number, 9), spelling


# --- forms, digits, double months, weekdays -------------------------------------------------

# (input, expected match text, expected value)
FORM_CASES = [
    # MONTH DAY, YEAR
    ("July 14, 2016", "July 14, 2016", datetime(2016, 7, 14)),
    ("Jul. 15, 2016", "Jul. 15, 2016", datetime(2016, 7, 15)),
    ("يوليو 14، 2016", "يوليو 14، 2016", datetime(2016, 7, 14)),
    ("تموز 14 2016", "تموز 14 2016", datetime(2016, 7, 14)),
    # double month forms
    ("15 يوليو/ تموز 2016", "15 يوليو/ تموز 2016", datetime(2016, 7, 15)),
    ("15 تموز/يوليو 2016", "15 تموز/يوليو 2016", datetime(2016, 7, 15)),
    ("15 تموز (يوليو) 2016", "15 تموز (يوليو) 2016", datetime(2016, 7, 15)),
    ("يوليو/ تموز 15, 2016", "يوليو/ تموز 15, 2016", datetime(2016, 7, 15)),
    ("2 كانون الثاني/يناير 2017", "2 كانون الثاني/يناير 2017", datetime(2017, 1, 2)),
    ("3 فبراير - شباط 2017", "3 فبراير - شباط 2017", datetime(2017, 2, 3)),
    # weekday before, with and without comma: not part of the match
    ("الخميس، 14 يوليو 2016", "14 يوليو 2016", datetime(2016, 7, 14)),
    ("الخميس 14 يوليو 2016", "14 يوليو 2016", datetime(2016, 7, 14)),
    ("الخميس ، 14 تموز 2016", "14 تموز 2016", datetime(2016, 7, 14)),
    ("Thursday, July 14, 2016", "July 14, 2016", datetime(2016, 7, 14)),
    ("Thursday 14 July 2016", "14 July 2016", datetime(2016, 7, 14)),
    # Gregorian marker after the year: part of the match
    ("15 يوليو 2016 م", "15 يوليو 2016 م", datetime(2016, 7, 15)),
    ("15 يوليو 2016 مـ", "15 يوليو 2016 مـ", datetime(2016, 7, 15)),
    ("15 يوليو 2016م", "15 يوليو 2016م", datetime(2016, 7, 15)),
    ("15 يوليو 2016 ميلادية", "15 يوليو 2016 ميلادية", datetime(2016, 7, 15)),
    # a word starting with meem after the year is not the marker
    ("15 يوليو 2016 مقتل", "15 يوليو 2016", datetime(2016, 7, 15)),
    # numeric forms, day first
    ("15-07-2016", "15-07-2016", datetime(2016, 7, 15)),
    ("2016-07-14", "2016-07-14", datetime(2016, 7, 14)),
    ("2016/7/14", "2016/7/14", datetime(2016, 7, 14)),
    ("14/7/2016", "14/7/2016", datetime(2016, 7, 14)),
    ("14.07.2016", "14.07.2016", datetime(2016, 7, 14)),
    ("05/07/2016", "05/07/2016", datetime(2016, 7, 5)),
    ("5.7.2016", "5.7.2016", datetime(2016, 7, 5)),
    ("2016.07.05", "2016.07.05", datetime(2016, 7, 5)),
    ("14 / 7 / 2016", "14 / 7 / 2016", datetime(2016, 7, 14)),
    ("29/02/2016", "29/02/2016", datetime(2016, 2, 29)),
    # digit systems: Arabic-Indic, Persian, mixed
    ("١٤ يوليو ٢٠١٦", "١٤ يوليو ٢٠١٦", datetime(2016, 7, 14)),
    ("۱۴ تموز ۲۰۱۶", "۱۴ تموز ۲۰۱۶", datetime(2016, 7, 14)),
    ("۱٤ يوليو 2٠۱6", "۱٤ يوليو 2٠۱6", datetime(2016, 7, 14)),
    ("١٤/٠٧/٢٠١٦", "١٤/٠٧/٢٠١٦", datetime(2016, 7, 14)),
    ("۲۰۱۶-۰۷-۱۴", "۲۰۱۶-۰۷-۱۴", datetime(2016, 7, 14)),
    ("١٤ / ۰۷ / 2016", "١٤ / ۰۷ / 2016", datetime(2016, 7, 14)),
    ("يوليو ١٤، ٢٠١٦", "يوليو ١٤، ٢٠١٦", datetime(2016, 7, 14)),
    # years at the edges of the accepted range
    ("1 يناير 1900", "1 يناير 1900", datetime(1900, 1, 1)),
    ("31 ديسمبر 2100", "31 ديسمبر 2100", datetime(2100, 12, 31)),
]


@pytest.mark.parametrize(("text", "expected_text", "expected"), FORM_CASES, ids=[c[0] for c in FORM_CASES])
def test_forms(text: str, expected_text: str, expected: datetime) -> None:
    match = only(text)
    assert match.text == expected_text
    assert match.value == expected
    assert not match.has_time


# --- times ----------------------------------------------------------------------------------

TIME_CASES = [
    ("14 يوليو 2016 - 9:16 م", "14 يوليو 2016 - 9:16 م", datetime(2016, 7, 14, 21, 16)),
    ("14 يوليو 2016 - 9:16 ص", "14 يوليو 2016 - 9:16 ص", datetime(2016, 7, 14, 9, 16)),
    ("14 يوليو 2016 9:16 مساءً", "14 يوليو 2016 9:16 مساءً", datetime(2016, 7, 14, 21, 16)),
    ("14 يوليو 2016 9:16 مساء", "14 يوليو 2016 9:16 مساء", datetime(2016, 7, 14, 21, 16)),
    ("14 يوليو 2016 9:16 صباحاً", "14 يوليو 2016 9:16 صباحاً", datetime(2016, 7, 14, 9, 16)),
    ("14 يوليو 2016 9:16 صباحا", "14 يوليو 2016 9:16 صباحا", datetime(2016, 7, 14, 9, 16)),
    # 12 AM is midnight, 12 PM is noon
    ("14 يوليو 2016 12:05 ص", "14 يوليو 2016 12:05 ص", datetime(2016, 7, 14, 0, 5)),
    ("14 يوليو 2016 12:30 م", "14 يوليو 2016 12:30 م", datetime(2016, 7, 14, 12, 30)),
    ("14 يوليو 2016 12:00 ص", "14 يوليو 2016 12:00 ص", datetime(2016, 7, 14, 0, 0)),
    ("July 14, 2016 12:00 AM", "July 14, 2016 12:00 AM", datetime(2016, 7, 14, 0, 0)),
    ("July 14, 2016 12:45 pm", "July 14, 2016 12:45 pm", datetime(2016, 7, 14, 12, 45)),
    ("July 14, 2016 09:16 PM", "July 14, 2016 09:16 PM", datetime(2016, 7, 14, 21, 16)),
    ("14 July 2016 at 9:16 a.m.", "14 July 2016 at 9:16 a.m.", datetime(2016, 7, 14, 9, 16)),
    # an hour past 12 with a PM marker is read as 24-hour
    ("14 يوليو 2016 14:41 م", "14 يوليو 2016 14:41 م", datetime(2016, 7, 14, 14, 41)),
    # 24-hour, with seconds
    ("14 يوليو 2016 14:41", "14 يوليو 2016 14:41", datetime(2016, 7, 14, 14, 41)),
    ("14.07.2016 14:41:58", "14.07.2016 14:41:58", datetime(2016, 7, 14, 14, 41, 58)),
    ("14 يوليو 2016 00:00", "14 يوليو 2016 00:00", datetime(2016, 7, 14, 0, 0)),
    ("١٤ يوليو ٢٠١٦ ١٤:٤١:٥٨", "١٤ يوليو ٢٠١٦ ١٤:٤١:٥٨", datetime(2016, 7, 14, 14, 41, 58)),
    # separators between date and time
    ("14 يوليو 2016 | 14:41", "14 يوليو 2016 | 14:41", datetime(2016, 7, 14, 14, 41)),
    ("14 يوليو 2016، 14:41", "14 يوليو 2016، 14:41", datetime(2016, 7, 14, 14, 41)),
    ("14 يوليو 2016, 14:41", "14 يوليو 2016, 14:41", datetime(2016, 7, 14, 14, 41)),
    ("14 يوليو 2016 الساعة 14:41", "14 يوليو 2016 الساعة 14:41", datetime(2016, 7, 14, 14, 41)),
    ("14 يوليو 2016 - الساعة: 14:41", "14 يوليو 2016 - الساعة: 14:41", datetime(2016, 7, 14, 14, 41)),
    ("14 يوليو 2016 في 14:41", "14 يوليو 2016 في 14:41", datetime(2016, 7, 14, 14, 41)),
    # a time before the date
    ("14:41 15.07.2016", "14:41 15.07.2016", datetime(2016, 7, 15, 14, 41)),
    ("٢:٤١ م 15 يوليو 2016", "٢:٤١ م 15 يوليو 2016", datetime(2016, 7, 15, 14, 41)),
    ("آخر تحديث 14:41 | 15 يوليو 2016", "14:41 | 15 يوليو 2016", datetime(2016, 7, 15, 14, 41)),
    # ISO timestamps: the wall clock is kept, the offset is ignored
    ("2016-07-14T21:16:00", "2016-07-14T21:16:00", datetime(2016, 7, 14, 21, 16)),
    ("2016-07-14T21:16:00+03:00", "2016-07-14T21:16:00+03:00", datetime(2016, 7, 14, 21, 16)),
    ("2016-07-14T21:16:00Z", "2016-07-14T21:16:00Z", datetime(2016, 7, 14, 21, 16)),
    ("2016-07-14T21:16:05.250Z", "2016-07-14T21:16:05.250Z", datetime(2016, 7, 14, 21, 16, 5, 250000)),
    ("2016-07-14T21:16-0500", "2016-07-14T21:16-0500", datetime(2016, 7, 14, 21, 16)),
    ("2016-07-14 21:16:00", "2016-07-14 21:16:00", datetime(2016, 7, 14, 21, 16)),
    (
        '"datePublished": "2016-07-14T21:16:00+02:00"',
        "2016-07-14T21:16:00+02:00",
        datetime(2016, 7, 14, 21, 16),
    ),
]


@pytest.mark.parametrize(("text", "expected_text", "expected"), TIME_CASES, ids=[c[0] for c in TIME_CASES])
def test_times(text: str, expected_text: str, expected: datetime) -> None:
    match = only(text)
    assert match.text == expected_text
    assert match.value == expected
    assert match.has_time


@pytest.mark.parametrize(
    ("text", "expected_text", "expected"),
    [
        # impossible times are not attached; the date stays
        ("14 يوليو 2016 25:10", "14 يوليو 2016", datetime(2016, 7, 14)),
        ("14 يوليو 2016 14:61", "14 يوليو 2016", datetime(2016, 7, 14)),
        ("2016-07-14T25:16:00Z", "2016-07-14", datetime(2016, 7, 14)),
        # a ratio or a score is not a time (minutes take two digits)
        ("14 يوليو 2016 - 3:1", "14 يوليو 2016", datetime(2016, 7, 14)),
        # too far from the date
        ("14 يوليو 2016 وبعد ذلك قال إن 14:41", "14 يوليو 2016", datetime(2016, 7, 14)),
    ],
)
def test_times_not_attached(text: str, expected_text: str, expected: datetime) -> None:
    match = only(text)
    assert (match.text, match.value, match.has_time) == (expected_text, expected, False)


def test_each_date_takes_its_own_following_time() -> None:
    text = "15.07.2016 14:41 16.07.2016"
    first, second = find_dates(text)
    check_offsets(text, [first, second])
    assert (first.text, first.value) == ("15.07.2016 14:41", datetime(2016, 7, 15, 14, 41))
    # 14:41 already belongs to the first date
    assert (second.text, second.value, second.has_time) == ("16.07.2016", datetime(2016, 7, 16), False)


def test_time_after_wins_over_time_before() -> None:
    match = only("10:00 15 يوليو 2016 - 14:41")
    assert (match.text, match.value) == ("15 يوليو 2016 - 14:41", datetime(2016, 7, 15, 14, 41))


# --- the Shorouk line, labels, Hijri --------------------------------------------------------


def test_shorouk_line_with_labels() -> None:
    matches = find_dates(SHOROUK)
    check_offsets(SHOROUK, matches)
    assert [(m.text, m.value, m.has_time, m.label) for m in matches] == [
        ("14 يوليه 2016 - 9:16 م", datetime(2016, 7, 14, 21, 16), True, "published"),
        ("14 يوليه 2016 - 9:16 م", datetime(2016, 7, 14, 21, 16), True, "updated"),
    ]
    assert [(m.start, m.end) for m in matches] == [(15, 37), (58, 80)]


def test_shorouk_line_with_diacritics_tatweel_and_indic_digits() -> None:
    text = "نُشِرَ فـي: الخميـس ١٤ يـولـيـه ٢٠١٦ - ٩:١٦ مساءً"
    match = only(text)
    assert match.text == "١٤ يـولـيـه ٢٠١٦ - ٩:١٦ مساءً"  # the final tanween is kept with its letter
    assert match.end == len(text)
    assert (match.value, match.label) == (datetime(2016, 7, 14, 21, 16), "published")


def test_invisible_marks_around_a_date() -> None:
    text = "\u200fنشر: \u200f14 يوليو 2016\u200f"
    match = only(text)
    assert match.text == "14 يوليو 2016"
    assert match.value == datetime(2016, 7, 14)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("تاريخ النشر: 14 يوليو 2016", ["published"]),
        ("نُشر في 14 يوليو 2016", ["published"]),
        ("Published: July 14, 2016", ["published"]),
        ("posted on 14 July 2016", ["published"]),
        ("تم التحديث 14 يوليو 2016", ["updated"]),
        ("محدث: 14 يوليو 2016", ["updated"]),
        ("محدّث: 14 يوليو 2016", ["updated"]),
        ("Last updated 14 July 2016", ["updated"]),
        ("14 يوليو 2016", [None]),
        # the nearest label wins
        ("نشر: الخميس (آخر تحديث) 14 يوليو 2016", ["updated"]),
        ("آخر تحديث ... نشر 14 يوليو 2016", ["published"]),
        # a label is used once: it does not carry over past the date it precedes
        ("نشر: 14 يوليو 2016 و 15 يوليو 2016", ["published", None]),
        ("نشر: 14 يوليو 2016 تحديث: 15 يوليو 2016", ["published", "updated"]),
        (
            '"datePublished": "2016-07-14T21:16:00", "dateModified": "2016-07-15T08:00:00"',
            ["published", "updated"],
        ),
    ],
)
def test_labels(text: str, labels: list[str | None]) -> None:
    matches = find_dates(text)
    check_offsets(text, matches)
    assert [m.label for m in matches] == labels


def test_hijri_date_is_skipped() -> None:
    match = only(HIJRI_AND_GREGORIAN)
    assert (match.text, match.value) == ("15 يوليو 2016 مـ", datetime(2016, 7, 15))


@pytest.mark.parametrize(
    "text",
    [
        "10 شوال 1437 هـ",
        "1 محرم 1438",
        "5 صفر 1438 هـ",
        "12 ربيع الأول 1438 هـ",
        "12 ربيع الآخر 1438 هـ",
        "12 ربيع الثاني 1438 هـ",
        "3 جمادى الأولى 1438 هـ",
        "3 جمادى الآخرة 1438 هـ",
        "27 رجب 1437 هـ",
        "15 شعبان 1437 هـ",
        "1 رمضان 1437 هـ",
        "10 ذو القعدة 1437 هـ",
        "9 ذي الحجة 1437 هـ",
        "9 ذوالحجة 1437هـ",
        "1437/10/10 هـ",
        "10/10/1437 هـ",
    ],
)
def test_hijri_alone_gives_nothing(text: str) -> None:
    assert find_dates(text) == []


def test_hijri_and_gregorian_in_either_order() -> None:
    text = "15 يوليو 2016 م الموافق 10 شوال 1437 هـ"
    assert [m.value for m in find_dates(text)] == [datetime(2016, 7, 15)]


# --- rejections -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # impossible dates
        "31/02/2016",
        "30.02.2016",
        "14/13/2016",
        "2016-13-01",
        "2016-02-30",
        "00/07/2016",
        "30 فبراير 2016",
        "29 شباط 2015",
        "32 يوليو 2016",
        "0 يوليو 2016",
        # no year, or a year out of range or not of four digits
        "الخميس 14 يوليو",
        "July 14",
        "14 يوليو 16",
        "14/7/16",
        "15 يوليو 1850",
        "15 يوليو 2150",
        "14/07/1899",
        "14 يوليو 20161",
        # relative words, bare numbers, times alone
        "أمس الخميس",
        "اليوم الجمعة",
        "أمس",
        "قتل 14 شخصا في 2016",
        "14:41",
        "يوليو 2016",
        "",
    ],
)
def test_rejected(text: str) -> None:
    assert find_dates(text) == []


# --- several dates, offsets ----------------------------------------------------------------


def test_several_dates_in_order() -> None:
    text = "وقعت الحادثة في 14 تموز 2016، وأعلن عنها في 2016/07/15، ثم في July 16, 2016 وفي ١٧-٠٧-٢٠١٦."
    matches = find_dates(text)
    check_offsets(text, matches)
    assert [(m.text, m.value) for m in matches] == [
        ("14 تموز 2016", datetime(2016, 7, 14)),
        ("2016/07/15", datetime(2016, 7, 15)),
        ("July 16, 2016", datetime(2016, 7, 16)),
        ("١٧-٠٧-٢٠١٦", datetime(2016, 7, 17)),
    ]


def test_date_inside_longer_numbers_is_not_matched() -> None:
    assert find_dates("12014/07/15") == []
    assert [m.text for m in find_dates("رقم 123 15 يوليو 2016")] == ["15 يوليو 2016"]


def test_date_match_is_frozen() -> None:
    match = only("14 يوليو 2016")
    with pytest.raises(AttributeError):
        match.start = 3  # type: ignore[misc]


# --- parse_date ---------------------------------------------------------------------------------


def test_parse_date_cairo() -> None:
    stamp = parse_date(SHOROUK, tz="Africa/Cairo")
    assert stamp == pd.Timestamp("2016-07-14 21:16:00+02:00")
    assert str(stamp) == "2016-07-14 21:16:00+02:00"
    assert stamp is not None and str(stamp.tz) == "Africa/Cairo"


def test_parse_date_london_summer_time() -> None:
    stamp = parse_date(SHOROUK, tz="Europe/London")
    assert str(stamp) == "2016-07-14 21:16:00+01:00"
    assert stamp is not None and stamp.utcoffset() == timedelta(hours=1)


def test_parse_date_beirut() -> None:
    assert str(parse_date("14 تموز 2016 14:41", tz="Asia/Beirut")) == "2016-07-14 14:41:00+03:00"


def test_parse_date_naive_without_tz() -> None:
    stamp = parse_date(SHOROUK)
    assert stamp == pd.Timestamp(2016, 7, 14, 21, 16)
    assert stamp is not None and stamp.tz is None


def test_parse_date_takes_the_first_date() -> None:
    assert parse_date("15 يوليو 2016 ثم 16 يوليو 2016") == pd.Timestamp(2016, 7, 15)
    assert parse_date(HIJRI_AND_GREGORIAN) == pd.Timestamp(2016, 7, 15)


def test_parse_date_none_when_no_date() -> None:
    assert parse_date("أمس الخميس") is None
    assert parse_date("أمس الخميس", tz="Africa/Cairo") is None


def test_parse_date_ambiguous_and_nonexistent_times_are_not_nat() -> None:
    # 01:30 happened twice in London on 30 October 2016: read as standard time (GMT)
    assert str(parse_date("30 أكتوبر 2016 01:30", tz="Europe/London")) == "2016-10-30 01:30:00+00:00"
    # 01:30 did not happen on 27 March 2016: shifted forward to 02:00 BST
    assert str(parse_date("27 مارس 2016 01:30", tz="Europe/London")) == "2016-03-27 02:00:00+01:00"


@pytest.mark.parametrize("tz", ["Cairo", "Not/AZone", "", "../etc/passwd", "Africa"])
def test_parse_date_bad_tz(tz: str) -> None:
    with pytest.raises(ValueError, match=f"unknown time zone {tz!r}".replace(".", r"\.")):
        parse_date(SHOROUK, tz=tz)
    with pytest.raises(ValueError):  # raised even when there is no date
        parse_date("", tz=tz)


# --- properties ---------------------------------------------------------------------------------

_GREGORIAN = [
    spelling
    for family in (dates.EGYPTIAN_MONTHS, dates.LEVANTINE_MONTHS, dates.MAGHREB_MONTHS, dates.MOROCCAN_MONTHS)
    for month in family
    for spelling in month
]
_TOKENS = [
    *_GREGORIAN,
    *(spelling for month in dates.HIJRI_MONTHS for spelling in month),
    *dates.WEEKDAYS,
    "July",
    "Jul.",
    "م",
    "مـ",
    "ص",
    "مساءً",
    "هـ",
    "الساعة",
    "نشر",
    "تحديث",
    "أمس",
    "T",
    "Z",
    "+03:00",
]
_CHARACTERS = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ"
    + "0123456789"
    + chars.ARABIC_INDIC_DIGITS
    + chars.PERSIAN_DIGITS
    + "/-.:,()| \n"
    + chars.ARABIC_COMMA
    + chars.TATWEEL
    + chars.DIACRITICS[:8]
    + "\u200f"  # right-to-left mark
)
arabic_date_soup = st.lists(
    st.one_of(st.sampled_from(_TOKENS), st.text(alphabet=_CHARACTERS, max_size=4)), max_size=40
).map("".join)


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(st.text())
def test_find_dates_never_raises_on_any_text(text: str) -> None:
    check_offsets(text, find_dates(text))


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(arabic_date_soup)
def test_find_dates_never_raises_on_arabic_date_soup(text: str) -> None:
    check_offsets(text, find_dates(text))


_TO_INDIC = str.maketrans("0123456789", chars.ARABIC_INDIC_DIGITS)
_TO_PERSIAN = str.maketrans("0123456789", chars.PERSIAN_DIGITS)


@settings(max_examples=100, deadline=2_000)  # explicit: a slow CI machine must not flake
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    family=st.sampled_from(
        [dates.EGYPTIAN_MONTHS, dates.LEVANTINE_MONTHS, dates.MAGHREB_MONTHS, dates.MOROCCAN_MONTHS]
    ),
    digits=st.sampled_from([{}, _TO_INDIC, _TO_PERSIAN]),
    weekday=st.sampled_from(["", "الخميس ", "الخميس، "]),
    data=st.data(),
)
def test_any_written_date_round_trips(
    day: date,
    family: tuple[tuple[str, ...], ...],
    digits: dict[int, int],
    weekday: str,
    data: st.DataObject,
) -> None:
    name = data.draw(st.sampled_from(family[day.month - 1]))
    written = f"{day.day} {name} {day.year}".translate(digits)
    text = f"نشر في: {weekday}{written}"
    match = only(text)
    assert (match.text, match.value, match.label) == (
        written,
        datetime(day.year, day.month, day.day),
        "published",
    )
