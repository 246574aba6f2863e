"""Shortcuts in the page parser and the loader (issue 16, loading speed), each against the plain
computation it replaced: the same answer on every input, including adversarial Arabic."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from framing.load import dates, pages
from framing.load.dates import ENGLISH_MONTHS, HIJRI_MONTHS, LEVANTINE_MONTHS, RUSSIAN_MONTHS
from framing.load.outlets import OutletProfile, match_key
from framing.load.resources import fast_key

_DATE_PIECES = [
    *(
        name
        for family in (ENGLISH_MONTHS, LEVANTINE_MONTHS, RUSSIAN_MONTHS, HIJRI_MONTHS)
        for m in family
        for name in m
    ),
    "\u064a\u0648\u0644\u064a\u0648",  # يوليو
    "\u062a\u0645\u0648\u0632",  # تموز
    "\u0645\u0646",  # من
    "\u0647\u0640",  # هـ
    "\u0645",  # م
    "\u0433.",
    "14",
    "7",
    "07",
    "2016",
    "1437",
    "\u0661\u0664",  # ١٤
    "\u0662\u0660\u0661\u0666",  # ٢٠١٦
    "2016-07-14T21:16:00+03:00",
    "T25:00",
    "/",
    "-",
    ".",
    ",",
    "\u060c",  # ،
    "th",
    "(",
    ")",
]


_NAMES = [
    name
    for family in (ENGLISH_MONTHS, LEVANTINE_MONTHS, RUSSIAN_MONTHS, HIJRI_MONTHS)
    for m in family
    for name in m
]
_DAYS = st.sampled_from(["1", "07", "14", "31", "32", "\u0661\u0664", "14th"])  # ١٤
_MONTH_NUMBERS = st.sampled_from(["7", "07", "13", "\u0667"])  # ٧
_YEARS = st.sampled_from(["2016", "1437", "\u0662\u0660\u0661\u0666", "1999", "2016 \u0645", "2016 \u0433."])
_SEPS = st.sampled_from([" ", "-", "/", ".", ", ", "\u060c ", " \u0645\u0646 ", "  "])  # ، من
_NAMED = st.one_of(
    st.sampled_from(_NAMES), st.builds("{}/ {}".format, st.sampled_from(_NAMES), st.sampled_from(_NAMES))
)
_DATES = st.one_of(
    st.builds("{}{}{}{}{}".format, _DAYS, _SEPS, _NAMED, _SEPS, _YEARS),  # 14 يوليو 2016, Hijri too
    st.builds("{}{}{}{}{}".format, _NAMED, _SEPS, _DAYS, _SEPS, _YEARS),  # July 14, 2016
    st.builds("{}{}{}{}{}".format, _DAYS, _SEPS, _MONTH_NUMBERS, _SEPS, _YEARS),  # 14/7/2016
    st.builds("{}{}{}{}{}".format, _YEARS, _SEPS, _MONTH_NUMBERS, _SEPS, _DAYS),  # 2016-07-14
    st.sampled_from(
        ["2016-07-14T21:16:00+03:00", "2016-07-14T25:00", "\u0627\u0644\u062e\u0645\u064a\u0633"]
    ),
)


def test_generated_dates_take_every_form() -> None:
    """The five forms the test below compares (dm, md, dmy, ymd, Hijri) are each found in a date of a
    shape the generator builds, so that the comparison covers them all."""
    text = "14 \u064a\u0648\u0644\u064a\u0648 2016, July 14, 2016, 14/7/2016, 2016-07-14"  # 14 يوليو 2016
    text += ", 10 \u0634\u0648\u0627\u0644 1437"  # 10 شوال 1437
    found = {m.lastgroup for m in dates._DATE.finditer(dates._normalize(text)[0])}
    assert found == {"dm", "md", "dmy", "ymd", "hijri"}


@settings(max_examples=1000, deadline=2000)
@given(
    st.lists(
        st.tuples(st.one_of(_DATES, st.sampled_from(_DATE_PIECES)), st.sampled_from(["", " ", " - "])),
        max_size=6,
    )
)
def test_the_form_of_a_date_is_its_last_group(pieces: list[tuple[str, str]]) -> None:
    """``_date`` takes a match's form from ``lastgroup``; it is the form group that matched (or the
    Hijri one), as looking through the form groups in turn finds."""
    norm, _ = dates._normalize("".join(piece + space for piece, space in pieces))
    for match in dates._DATE.finditer(norm):
        groups = zip(dates._KINDS, match.group(*dates._KINDS), strict=True)
        kind = next((k for k, group in groups if group is not None), None)
        assert match.lastgroup == (kind or "hijri")


_HINT_PIECES = [
    *dates._RELATIVE_HINT.pattern.split("|"),
    "YESTERDAY",
    "ToDay",
    "\u0412\u0427\u0415\u0420\u0410",  # ВЧЕРА
    "yeſterday",  # long s
    "todaK",  # Kelvin sign
    "\u1c80\u0447\u0435\u0440\u0430",  # ᲀчера: a rounded ve
    "\u0441\u0435\u0433\u043e\u0434\u043d\u0451",  # сегоднё
    "\u0623\u0645\u0633",  # أمس (hamza, before normalization)
    "\u0627\u0644\u064a\u0648\u0645",  # اليوم
    "\u0647\u0640",
    "mos",
    "cow",
    "z",
    "\u0130",  # İ
    "\u0131",  # ı
    "10:30",
    "\u00a0",
]


@settings(max_examples=1000, deadline=2000)
@given(st.lists(st.tuples(st.sampled_from(_HINT_PIECES), st.sampled_from(["", " ", "-"])), max_size=6))
def test_relative_word_hint_is_the_case_insensitive_search(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + space for piece, space in pieces)
    for candidate in (text, text.lower()):
        assert dates._has_relative_word(candidate) == (dates._RELATIVE_HINT.search(candidate) is not None)


@settings(max_examples=500, deadline=2000)
@given(
    st.lists(st.sampled_from([None, pages.Kind.CHROME, pages.Kind.DATE, pages.Kind.BODY]), max_size=12),
    st.data(),
)
def test_edges_are_the_lines_with_nothing_between_them_and_the_body(kinds: list, data: st.DataObject) -> None:
    """``_edges`` walks out from the body span once; a line is at an edge when every line between it
    and the span is unclassified, as checking each line's stretch finds."""
    lines = [pages._Line(f"line {i}", "", 3, kind) for i, kind in enumerate(kinds)]
    start = data.draw(st.integers(0, len(lines)))
    stop = data.draw(st.integers(start, len(lines)))
    edge_start, edge_stop = pages._edges(lines, start, stop)
    for i in [*range(start), *range(stop, len(lines))]:
        between = range(i, start) if i < start else range(stop, i + 1)
        assert (edge_start <= i < edge_stop) == all(lines[j].kind is None for j in between)


# quotes and dots (dropped), white space, tatweel, a diacritic, ligatures (ﻻ ﷲ), a fullwidth full stop and
# a one-dot leader (not dropped), أ ة, Latin capitals (İ lowers to two characters)
_KEY_CHARS = [*"«»\"'.\u060c -\t\u00a0\u0640\u064b\ufefb\ufdf2\uff0e\u2024\u0623\u0629A\u0130"]


@settings(max_examples=1000, deadline=2000)
@given(st.text(alphabet=st.one_of(st.sampled_from(_KEY_CHARS), st.characters(max_codepoint=0xFFFF))))
def test_fast_key_is_match_key(text: str) -> None:
    """``fast_key`` drops quotes and dots in the same translation as the letter steps; it is
    ``match_key`` (drop, normalize, fold white space, lower) on any text."""
    assert fast_key(text) == match_key(text)


_WORDS = st.text(
    alphabet=st.one_of(st.sampled_from(_KEY_CHARS), st.characters(max_codepoint=0xFFFF)), max_size=6
)
_GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", " \u200f "])  # a right-to-left mark


@settings(max_examples=500, deadline=2000)
@given(st.lists(st.tuples(_WORDS, _GAPS), max_size=30))
def test_a_line_keyed_from_the_parsers_split_is_its_match_key(pieces: list[tuple[str, str]]) -> None:
    """``parse_lines`` and ``repeated_lines`` key a line from the split they count its words with
    (``split(None, 25)``, ``split(None, 12)``): the key of a keyed line is its ``match_key`` whatever
    white space (Unicode spaces too) stands between the words, and a longer line has none."""
    text = "".join(word + gap for word, gap in pieces).strip()
    assume(text)
    words = len(text.split())
    keys: dict[str, str] = {}
    pages.parse_lines(["عنوان", text], key_cache=keys)
    assert keys.get(text, "") == (match_key(text) if words <= pages._KEYED_WORDS else "")
    keys.clear()
    repeated = pages.repeated_lines([["عنوان", text]] * 3, key_cache=keys)
    assert repeated == (frozenset({match_key(text)}) if words <= pages._REPEATED_WORDS else frozenset())


# separators and their look-alikes: hyphen, the dashes, pipes, colons (fullwidth too), guillemets,
# slashes; white space of several kinds
_MARKS = st.sampled_from(
    [*"-\u2010\u2011\u2012\u2013\u2014\u2015|\uff5c:\uff1a\u00bb\u00ab/\u2044", "::", ""]
)
_SPACES = st.sampled_from(["", " ", "  ", "\u00a0", "\u2009", "\t"])


@settings(max_examples=1000, deadline=2000)
@given(st.lists(st.tuples(st.text(max_size=4), _SPACES, _MARKS, _SPACES), max_size=5))
def test_a_title_with_a_separator_has_one_of_its_characters(pieces: list[tuple[str, str, str, str]]) -> None:
    """``split_title`` looks for separators only in a title that holds one of their characters."""
    title = "".join("".join(piece) for piece in pieces)
    if pages._TITLE_SEPARATORS.search(title) is not None:
        assert pages._TITLE_SEPARATOR_CHAR.search(title) is not None


def test_read_corpus_pauses_the_cycle_collector_and_restores_it(tmp_path, monkeypatch) -> None:
    """The collector is off while pages are parsed, and as it was before once the load ends, also after
    an error (and left off when the caller had turned it off)."""
    import gc

    from framing.load import corpus

    (tmp_path / "a.txt").write_text(
        "عنوان\nوصل الوزير إلى القاهرة مساء الخميس في زيارة تستمر يومين.\n", encoding="utf-8"
    )
    seen: list[bool] = []
    parse = corpus.parse_lines

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return parse(*args, **kwargs)

    monkeypatch.setattr(corpus, "parse_lines", watched)
    assert gc.isenabled()
    assert len(corpus.read_corpus(tmp_path)) == 1
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        corpus.read_corpus(tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(FileNotFoundError):
        corpus.read_corpus(tmp_path / "missing")
    assert gc.isenabled()


# --- the kept verdict of a line (pages._line_verdict): what depends on the page never leaks ----------

_BODY = "قال المتحدث إن المجلس سيناقش الميزانية في جلسة الأحد المقبل."
_LATER = "وأضاف أن اللجنة ستعرض تقريرها على الأعضاء بعد أسبوعين من الآن."
_SHORT = "شارك المقال"  # matches no shipped pattern
_SITE = "بوابة النهار"  # a fictional site
_SITE_CREDIT = "النهار - وكالات"  # the site's own name before an agency
_TITLE = "عنوان"


def _profile(chrome: list[str]) -> OutletProfile:
    return OutletProfile.from_mapping("nahar_test", {"name": "Nahar", "chrome": chrome}, source="test")


def _parsed(lines: list[str], **options: object) -> pages.Page:
    return pages.parse_lines(lines, **options)  # type: ignore[arg-type]


def _reading(page: pages.Page, line: str) -> str:
    """How a page read ``line``: "body", or the reason it is not body."""
    if line in page.body_lines:
        return "body"
    return page.reasons[page.boilerplate.index(line)]


@pytest.mark.parametrize(
    ("line", "first", "then"),
    [
        # the same line, page chrome under one outlet's profile and not under another's
        (
            _SHORT,
            ([f"{_TITLE} - {_SITE}", _SHORT, _BODY], {"profile": _profile([_SHORT])}),
            ([f"{_TITLE} - {_SITE}", _SHORT, _BODY], {"profile": _profile(["re:^x$"])}),
        ),
        # a site's own name before an agency: a credit on the site's pages, a dateline elsewhere
        (
            _SITE_CREDIT,
            ([f"{_TITLE} - {_SITE}", _SITE_CREDIT, _BODY], {}),
            ([f"{_TITLE} آخر", _SITE_CREDIT, _BODY], {}),
        ),
        # a caption printed twice on one page, once on the next
        (
            _SHORT,
            ([_TITLE, _SHORT, _SHORT, _BODY], {}),
            ([_TITLE, _SHORT, _BODY, _LATER], {}),
        ),
        # a line repeated across one site's pages, not across the other's
        (
            _SHORT,
            ([_TITLE, _BODY, _SHORT], {"repeated": frozenset({match_key(_SHORT)})}),
            ([_TITLE, _BODY, _SHORT], {}),
        ),
        # the headline of one page is an ordinary line of the next
        (
            _SHORT,
            ([f"{_SHORT} - {_SITE}", _SHORT, _BODY], {}),
            ([_TITLE, _SHORT, _BODY], {}),
        ),
    ],
)
def test_a_kept_line_verdict_does_not_carry_one_page_into_the_next(
    line: str, first: tuple[list[str], dict[str, object]], then: tuple[list[str], dict[str, object]]
) -> None:
    pages._line_verdict.cache_clear()
    alone = _parsed(then[0], **then[1])  # the second page, parsed with nothing kept
    pages._line_verdict.cache_clear()
    before = _parsed(first[0], **first[1])
    kept = pages._line_verdict.cache_info().currsize
    after = _parsed(then[0], **then[1])  # the same page, after the first one filled the cache
    assert after == alone
    assert _reading(before, line) != _reading(after, line)  # the two pages read the line differently
    assert kept > 0
