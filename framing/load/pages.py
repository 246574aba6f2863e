"""Parse the visible text of a scraped news page (or an exported article) into its fields and body.

The page is read line by line. Every non-blank line is either body or boilerplate, and every
boilerplate line is kept with its reason (``Page.reasons``), so the cleaning can be audited:
``body_lines`` and ``boilerplate`` together account for every non-blank input line (a credit written
at the start of the first paragraph is split off into the boilerplate and the rest of the line
stays in the body).

How a page is read:

1. The first line is a title only when it reads like one: it names a known outlet
   (``headline - site``), it is repeated further down, or it is short and does not end a sentence
   (and is not a date, a credit or a byline). Otherwise the page has no title line (an exported
   article) and every line is body-eligible.
2. Each later line is classified: the headline again, a date line, a dateline or credit
   (``موسكو - الفرنسية``, ``(أ ف ب)``, ``Reuters``), a byline (``كتب: …``, ``By …``, which may hold
   the agency and the date), a source line (``المصدر: …``, ``Source:``, ``Источник:``), a photo
   credit (``صورة من: …``, ``Photo by …/REUTERS``, ``Фото: …``; never a dateline or a wire), a caption,
   page chrome (shared list plus the profile's), a web address, a line that repeats across pages
   of the same site, or an end marker after which nothing is body.
3. The body is the largest run of unclassified lines (by the length of its sentence-like lines),
   extended back over chrome to the nearest head line and forward to the first end marker, then
   trimmed of short unpunctuated lines at both ends.
4. A credit at the start of the first paragraph is split off, in its many forms: ``PLACE - AGENCY -``,
   ``PLACE- (AGENCY):``, ``(AGENCY) -``, ``CITY, Month D (Reuters) -``, ``CITY (AP) —``,
   ``МОСКВА, 15 июля. /ТАСС/.``, ``МОСКВА, 15 июл — РИА Новости.``.
5. The article's ``wire`` comes from its credits; agencies named inside body sentences are
   ``wires_cited``. ``published`` comes from a labelled date, a date line, a byline, the date above
   the headline, a relative day (``أمس الخميس 10:30``) read against the date above the headline when
   the weekday agrees, or failing all, a date in a web address on the page (``published_source`` says
   which).

>>> page = parse_page("عنوان الخبر - بوابة الشروق\\nعنوان الخبر\\nموسكو - الفرنسية\\n"
...                   "نشر في: الخميس 14 يوليه 2016 - 9:16 م\\n"
...                   "وصل الوزير إلى موسكو مساء الخميس في زيارة تستمر يومين.\\nقد يعجبك أيضا")
>>> page.headline, page.outlet_id, page.dateline, page.wire
('عنوان الخبر', 'shorouk', 'Moscow', 'AFP')
>>> page.published, page.published_source
(datetime.datetime(2016, 7, 14, 21, 16), 'labelled')
>>> page.body_lines
['وصل الوزير إلى موسكو مساء الخميس في زيارة تستمر يومين.']
>>> page = parse_page("MOSCOW, July 15 (Reuters) - The talks ended late on Friday, TASS reported.")
>>> page.headline, page.dateline, page.wire, page.wires_cited, page.body_lines
('', 'Moscow', 'Reuters', ['TASS'], ['The talks ended late on Friday, TASS reported.'])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

import regex  # type: ignore[import-untyped,unused-ignore]  # timeout-capable engine

from framing.load.dates import (
    EGYPTIAN_MONTHS,
    ENGLISH_MONTHS,
    LEVANTINE_MONTHS,
    MAGHREB_MONTHS,
    MOROCCAN_MONTHS,
    RUSSIAN_MONTHS,
    WEEKDAYS,
    DateMatch,
    RelativeDay,
    find_dates,
    relative_day,
    url_date,
)
from framing.load.outlets import REGEX_TIMEOUT, LinePatterns, OutletProfile, Profiles, load_profiles
from framing.load.resources import chrome, fast_key, name_key, place_names, split_key, words_key
from framing.load.wires import cited_wires, credit_wires, only_wires


class Kind(Enum):
    """What a line of a page is."""

    TITLE = "title"
    HEADLINE = "headline"
    DATE = "date"
    DATELINE = "dateline"
    CREDIT = "credit"
    BYLINE = "byline"
    SOURCE = "source"
    PHOTO = "photo"
    CAPTION = "caption"
    CHROME = "chrome"
    URL = "url"
    REPEATED = "repeated"
    END = "end"
    BODY = "body"

    # Members are equal only to themselves: hash them by identity, in C (Enum's own hash is Python
    # code, run on every lookup in ``REASONS`` and ``_STRONG``).
    __hash__ = object.__hash__


# Why a line is not body (``Page.reasons``), by kind; plus the reasons of the body span's edges.
REASONS = {
    Kind.TITLE: "title line",
    Kind.HEADLINE: "headline repeated",
    Kind.DATE: "date line",
    Kind.DATELINE: "dateline",
    Kind.CREDIT: "credit line",
    Kind.BYLINE: "byline",
    Kind.SOURCE: "source line",
    Kind.PHOTO: "photo credit",
    Kind.CAPTION: "caption",
    Kind.CHROME: "page chrome",
    Kind.URL: "web address",
    Kind.REPEATED: "repeated across the site's pages",
    Kind.END: "end marker",
}
OUTSIDE = "outside the article body"
EDGE = "short line at the edge of the body"
INLINE_CREDIT = "credit at the start of the first paragraph"

# Lines of these kinds mark the head of the article: the body does not extend back past them.
_STRONG = frozenset(
    {
        Kind.TITLE,
        Kind.HEADLINE,
        Kind.DATE,
        Kind.DATELINE,
        Kind.CREDIT,
        Kind.BYLINE,
        Kind.SOURCE,
        Kind.END,
        Kind.CAPTION,
        Kind.PHOTO,
    }
)

_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|\u2013\u2014:]|::|\u00bb|/)\s+")  # - | en dash, em dash, : :: » /
_TITLE_SEPARATOR_CHAR = re.compile(r"[-|\u2013\u2014:\u00bb/]")  # a character each separator has
_SECTION = re.compile(r"\s+\|\s+\S+(?:\s\S+)?\s*$")  # a short last part before the site: | أخبار |
_YEAR = re.compile(
    r"[12\u0661\u0662\u06f1\u06f2][0-9\u0660-\u0669\u06f0-\u06f9]{3}"
)  # 1xxx / 2xxx, any digits
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")  # ASCII, Arabic-Indic and Persian digits
# A sentence ends in . ! ? ؟ … : or a closing quote/bracket, possibly followed by more closers.
_SENTENCE_END = re.compile(r"[.!?\u061f\u2026:\u00bb\"\u201d)\]]\W*$")
# What a title does not end with: a full stop, ! or … (a question mark is allowed in a short title).
_STATEMENT_END = re.compile(r"[.!\u2026][\"'\u00bb\u201d)\]]*\s*$")
_QUESTION_END = re.compile(r"[?\u061f][\"'\u00bb\u201d)\]]*\s*$")
_DASH = r"[\-\u2010-\u2015\u0640]"  # hyphen, the dashes, and tatweel (ـ), which some sites use as a dash
# PLACE - AGENCY | PLACE (AGENCY) | PLACE: «SITE» - AGENCY, on a line of its own.
_DATELINE_LINE = re.compile(
    r"^(?P<place>[^\-\u2010-\u2015\u0640:|()\d]{2,30}?)\s*(?:[\-\u2010-\u2015\u0640:|/]\s*|\(\s*)"
    r"(?P<agency>[^()\d]{1,60}?)\s*\)?\s*[\-\u2013\u2014]?\s*$"
)
_PLACE = r"(?P<place>[^\W\d_][^\-\u2010-\u2015\u0640:|()\d/,.\u060c«»\"]{0,30}?)\b"
# , July 15 / , Turkey / . 15 июля / 14 أيار (after the place, before the agency)
_EXTRA = r"(?:(?:\s*[,.\u060c]\s*|\s+(?=\d))(?P<extra>[^()\n/\-\u2010-\u2015\u0640:]{1,25}?))?"
# Credits at the start of the first paragraph (each ends in white space before the text).
_INLINE_CREDITS = (
    # (أ ف ب) - text | (AGENCY): text
    re.compile(rf"^\(\s*(?P<agency>[^()]{{1,40}}?)\s*\)\s*(?:{_DASH}|[:.])*\s*(?=\S)"),
    # PLACE (AGENCY) - text | MOSCOW, July 15 (Reuters) - text | موسكو- (أ ف ب): text | BEIRUT (AP) — text
    re.compile(
        rf"^{_PLACE}{_EXTRA}\s*[.,]?\s*(?:{_DASH}\s*)?\(\s*(?P<agency>[^()]{{1,40}}?)\s*\)\s*(?:{_DASH}|[:.])*\s*(?=\S)"
    ),
    # МОСКВА, 15 июля. /ТАСС/. text
    re.compile(
        rf"^{_PLACE}{_EXTRA}\s*[.,]?\s*/\s*(?P<agency>[^/]{{1,30}}?)\s*/\s*[.:]?\s*(?:{_DASH}\s*)?(?=\S)"
    ),
    # PLACE - AGENCY - text | موسكو – أ ف ب: text | МОСКВА, 15 июл — РИА Новости. text
    # | باريس ـ «الموقع»: text
    re.compile(
        rf"^{_PLACE}{_EXTRA}\s*(?:{_DASH}|/|:|\.)\s*[«\"]?(?P<agency>[^()\d«»:\"]{{1,40}}?)[»\"]?\s*(?:{_DASH}|[:.,])\s+(?=\S)"
    ),
    # PLACE-AGENCY text (دمشق-سانا ...): only when the agency is a known one
    re.compile(rf"^{_PLACE}\s*{_DASH}\s*(?P<agency>[^\s()\d]+)\s+(?=\S)"),
)
_KNOWN_AGENCY_ONLY = 4  # index in _INLINE_CREDITS of the form that needs a known agency
# A character each form of _INLINE_CREDITS needs (a cheap test before the regex), and how many
# characters other than white space the line may hold before the first such character: the place
# (31 at most) and the extra words (a separator and 25) exclude it, so the one the form reads is the
# first in the line, or (the fourth form's separator, which may be a dot, as the extra words may
# hold) comes later than the first (the first form needs its bracket at the very start).
_INLINE_NEEDS = (r"\(", r"\(", "/", rf"{_DASH}|[/:.]", _DASH)
_INLINE_BEFORE = (0, 59, 59, 58, 31)
_INLINE_FIRST = tuple(re.compile(need) for need in _INLINE_NEEDS)
_CORRESPONDENT = re.compile(
    r"^(?:\u0645\u0631\u0627\u0633\u0644|\u0645\u0646\u062f\u0648\u0628|correspondent|staff|\u043a\u043e\u0440\u0440)"
)  # مراسل / مندوب / correspondent / корр.
_BRACKETED_AGENCY = re.compile(r"\(([^()]{1,25})\)\s*$")
_BYLINE_SPLIT = re.compile(
    r"[:\uff1a]|^(?:by|\u0430\u0432\u0442\u043e\u0440)\s+", re.IGNORECASE
)  # : / By / автор
_URL_LINE = re.compile(r"^(?:[^\s:]+\s*){0,3}:?\s*(?:https?://|www\.)\S+$", re.IGNORECASE)
# A vBulletin post header: قديم 05-28-2023, 04:28 AM (month first), as normalized
_FORUM_POST = re.compile(
    r"^\u0642\u062f\u064a\u0645\s+(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>\d{4}),?\s+(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ampm>am|pm)?",
    re.IGNORECASE,
)  # قديم
_PHOTO_MARK = re.compile(
    r"(?:reuters/|/reuters|/afp|afp/|ap photo|/ap$|getty images|epa/|/epa|/dpa|dpa/|/tass"
    r"|\u0442\u0430\u0441\u0441/)",  # тасс/
    re.IGNORECASE,
)
_WEEKDAY_KEYS = frozenset(fast_key(w) for w in WEEKDAYS)
# Words before a date that make it part of a sentence: by, until, since, before, after,
# حتى, منذ, قبل, بعد, до, после
_DATE_PREPOSITIONS = frozenset(
    ["by", "until", "till", "since", "before", "after", "from", "\u062d\u062a\u064a", "\u0645\u0646\u0630",
     "\u0642\u0628\u0644", "\u0628\u0639\u062f", "\u0434\u043e", "\u043f\u043e\u0441\u043b\u0435",
     "\u0441"]
)  # fmt: skip
_MAX_TITLE_WORDS = 25
_MAX_QUESTION_TITLE_WORDS = 15


@dataclass
class Page:
    """One parsed page. ``published``/``updated``/``scraped_at`` are wall-clock times as printed."""

    headline: str = ""
    site_name: str | None = None
    outlet_id: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    scraped_at: datetime | None = None
    dateline: str | None = None
    wire: str | None = None
    caption: str | None = None
    byline: str | None = None
    body_lines: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # A dateline at the start of the first paragraph, as written (with its trailing space): the
    # first body line as printed is ``inline_dateline + body_lines[0]``.
    inline_dateline: str | None = None
    # Why each boilerplate line is not body, in the order of ``boilerplate``.
    reasons: list[str] = field(default_factory=list)
    # Where the title came from ("first line") and where the publication date came from
    # ("labelled", "date line", "byline", "header", "relative", "title", "url"); None when there is none.
    title_source: str | None = None
    published_source: str | None = None
    # Agencies credited for the article (``wire`` joins them) and agencies cited inside its sentences.
    wires: list[str] = field(default_factory=list)
    wires_cited: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body: paragraphs separated by a blank line."""
        return "\n\n".join(self.body_lines)


@dataclass(slots=True)
class _Line:
    text: str
    key: str
    words: int  # counted up to 26 (``_MAX_TITLE_WORDS + 1``): every rule on it reads 25 words at most
    kind: Kind | None = None
    dates: Sequence[DateMatch] = ()
    credit: tuple[str | None, Sequence[str]] | None = None  # (place, wires) of a dateline or credit line
    relative: RelativeDay | None = None  # أمس الخميس 10:30 on a date line or at the end of a byline

    @property
    def sentence_like(self) -> bool:
        return self.words >= 8 or (self.words >= 2 and _SENTENCE_END.search(self.text) is not None)


# The kinds of line whose dates _assign_dates reads.
_DATED = (Kind.DATE, Kind.BYLINE, Kind.SOURCE, Kind.CREDIT)
_REPEATED_WORDS = 12  # longer lines that repeat across a site's pages stay article text
_KEYED_WORDS = 20  # lines longer than this are never chrome, captions or headlines: their key is not needed


def line_key(
    text: str, words: int, cache: dict[str, str] | None = None, split: list[str] | None = None
) -> str:
    """The :func:`match_key` of a line of up to 20 words (``""`` for longer ones); ``cache`` memoizes;
    ``split`` is ``text.split()`` when the caller has it."""
    if words > _KEYED_WORDS:
        return ""
    key = None if cache is None else cache.get(text)
    if key is None:
        key = words_key(text) if split is None else split_key(split)
        if cache is not None:
            cache[text] = key
    return key


def page_lines(text: str) -> list[str]:
    """The non-blank lines of a page, stripped.

    >>> page_lines(" أ \\n\\n  ب\\t\\n")
    ['أ', 'ب']
    """
    return [s for s in map(str.strip, text.splitlines()) if s]


def split_title(title: str, profiles: Profiles | None = None) -> tuple[str, str | None, OutletProfile | None]:
    """Split a page title into ``(headline, site_name, profile)``.

    A known site name (from ``profiles``) at either end wins; otherwise a short part (five words at
    most at the end, four at the start) after the last or before the first separator is the site name.

    >>> split_title("كيري في موسكو - بوابة الشروق")[:2]
    ('كيري في موسكو', 'بوابة الشروق')
    >>> split_title("السنديان | كيري ولافروف يتفقان على خطوات ملموسة")[:2]
    ('كيري ولافروف يتفقان على خطوات ملموسة', 'السنديان')
    >>> split_title("عنوان بلا اسم موقع")[:2]
    ('عنوان بلا اسم موقع', None)
    """
    profiles = load_profiles() if profiles is None else profiles
    if _TITLE_SEPARATOR_CHAR.search(title) is None:  # most titles: no separator (a fast scan for one)
        return title.strip(), None, None
    parts = list(_TITLE_SEPARATORS.finditer(title))
    if not parts:
        return title.strip(), None, None
    first, last = parts[0], parts[-1]
    head_part, tail_part = title[: first.start()].strip(), title[last.end() :].strip()
    for site, rest in ((tail_part, title[: last.start()]), (head_part, title[first.end() :])):
        profile = profiles.by_site_key(words_key(site))
        if profile is not None:
            return rest.strip(), site, profile
    if tail_part and len([w for w in tail_part.split() if not _DIGIT.search(w)]) <= 5:
        rest = title[: last.start()]
        section = _SECTION.search(rest)  # headline | section | site
        if section is not None and len(parts) >= 2 and last.group().strip() == "|":
            rest = rest[: section.start()]
        return rest.strip(), tail_part, None
    if head_part and len(head_part.split()) <= 4:
        return title[first.end() :].strip(), head_part, None
    return title.strip(), None, None


def _place(text: str) -> str:
    """The English name of a dateline place when known, else the place as written (capitalized)."""
    known = place_names().get(name_key(text))
    if known:
        return known
    place = text.strip()
    return place.title() if place.isupper() else place


def _agency_or_own(
    agency: str, place: str, site_name: str | None, *, inline: bool
) -> tuple[str | None, list[str]] | None:
    """``(place, wires)`` when ``agency`` is a credit: named agencies, or the site's own reporter."""
    if len(place.split()) > 3:
        return None
    wires = credit_wires(agency) if len(agency.split()) <= 6 else []
    agency_key = name_key(agency)
    known_place = name_key(place) in place_names()
    own_reporter = bool(_CORRESPONDENT.match(fast_key(agency))) or (
        site_name is not None and bool(agency_key) and name_key(site_name).endswith(agency_key)
    )
    if wires and not known_place and ("." in place or (site_name and name_key(place) in name_key(site_name))):
        return None, wires  # العربية.نت - وكالات: the site, not a place
    if wires or (known_place and (own_reporter or not inline) and len(agency.split()) <= 4):
        return _place(place), wires
    return None


def _dateline_line(line: str, site_name: str | None) -> tuple[str | None, list[str]] | None:
    """``(place, wires)`` of a dateline line (``موسكو - الفرنسية``) or a bare credit (``(أ ف ب)``)."""
    found = _dateline_parts(line, site_name)
    return None if found is None else (found[0], list(found[1]))


def _dateline_parts(line: str, site_name: str | None) -> tuple[str | None, tuple[str, ...]] | None:
    """:func:`_dateline_line` with the wires as a tuple (as :func:`_line_verdict` keeps it)."""
    found = _read_dateline(line, site_name)
    return None if found is None else (found[0], tuple(found[1]))


def _read_dateline(line: str, site_name: str | None) -> tuple[str | None, list[str]] | None:
    words = len(line.split())
    if words <= 5:
        bare = only_wires(line)
        if bare:
            return None, bare
        if words <= 3:  # a known place alone, as a dateline (ANKARA, القاهرة:), not as a section (حلب)
            alone = line.strip(" :-\u2013\u2014")
            marked = alone.isupper() or line.rstrip()[-1:] in (":", "-", "\u2013", "\u2014")
            if marked and name_key(alone) in place_names():
                return _place(alone), []
    if words > 7:
        return None
    m = _DATELINE_LINE.match(line)
    if m is None:
        return None
    place, agency = m.group("place").strip(), m.group("agency").strip(" «»\"'")
    return _agency_or_own(agency, place, site_name, inline=False)


def _inline_credit(line: str, site_name: str | None) -> tuple[int, str | None, list[str]] | None:
    """``(end, place, wires)`` when ``line`` starts with a credit ending at ``end``."""
    if len(line) < 8:
        return None
    for n, pattern in enumerate(_INLINE_CREDITS):
        at, before = _INLINE_FIRST[n].search(line), _INLINE_BEFORE[n]
        if at is None or (at.start() > before and len("".join(line[: at.start()].split())) > before):
            continue  # no such character, or too much text before it for a place and a date
        m = pattern.match(line)
        if m is None or m.end() >= len(line):
            continue
        agency = m.group("agency").strip(" «»\"'")
        place = m.groupdict().get("place")
        if place is None:
            wires = credit_wires(agency)
            if wires:
                return m.end(), None, wires
            continue
        extra = m.groupdict().get("extra")
        if extra is not None and len(extra.split()) > 3:
            continue
        if n == _KNOWN_AGENCY_ONLY and not credit_wires(agency):
            continue
        if fast_key(place) in _month_keys():  # July 15 (Reuters) -: a date, not a place
            wires = credit_wires(agency)
            if wires:
                return m.end(), None, wires
            continue
        parts = _agency_or_own(agency, place.strip(), site_name, inline=True)
        if parts is not None:
            return m.end(), parts[0], parts[1]
    return None


@dataclass(frozen=True, eq=False)
class _Matcher:
    """:meth:`LinePatterns.matches` for many lines: patterns anchored at ``^`` are tried at the start only.

    (A search for ``(?:^a)|(?:^b)|(?:©)`` tries every position of the line; most patterns are anchored.)
    The patterns run on the ``regex`` engine. An outlet profile's patterns (the user's ``outlets.yaml``)
    have the same time limit as :meth:`LinePatterns.matches`: a pattern that backtracks without end
    raises :class:`~framing.load.outlets.PatternTimeout` naming it. The shipped patterns
    (``resources/chrome.yaml``, ``timeout=None``) are this project's, tested, and run without the
    limit, which costs as much as the search itself.

    A matcher is equal only to itself and hashed by identity, in C (it is part of the key of
    :func:`_line_verdict`'s cache; :func:`_matcher` makes one per set of patterns).
    """

    exact: frozenset[str]
    anchored: Any
    floating: Any
    patterns: LinePatterns
    timeout: float | None = REGEX_TIMEOUT
    anchored_parts: tuple[str, ...] = ()  # the alternatives of ``anchored``

    def __call__(self, key: str) -> bool:
        if key in self.exact:
            return True
        if self.timeout is None:
            if self.anchored is not None and self.anchored.match(key) is not None:
                return True
            return self.floating is not None and self.floating.search(key) is not None
        try:
            if self.anchored is not None and self.anchored.match(key, timeout=self.timeout) is not None:
                return True
            return self.floating is not None and self.floating.search(key, timeout=self.timeout) is not None
        except TimeoutError:
            raise self.patterns._timeout(key) from None

    @property
    def empty(self) -> bool:
        """Whether no line matches (no exact line, no pattern)."""
        return not self.exact and self.anchored is None and self.floating is None


@lru_cache(maxsize=256)
def _matcher(*groups: LinePatterns, timeout: float | None = REGEX_TIMEOUT) -> _Matcher:
    """One matcher for the union of ``groups`` (e.g. the shared chrome, or a profile's)."""
    exact: set[str] = set()
    anchored: list[str] = []
    floating: list[str] = []
    union = LinePatterns(frozenset(), ())
    for group in groups:
        union = union | group
        exact |= group.exact
        for pattern in group.regexes:
            if pattern.pattern.startswith("^") and "|" not in _top_level(pattern.pattern):
                anchored.append(f"(?:{pattern.pattern[1:]})")
            else:
                floating.append(f"(?:{pattern.pattern})")
    flags = regex.IGNORECASE | regex.VERSION0
    return _Matcher(
        frozenset(exact),
        regex.compile("|".join(anchored), flags) if anchored else None,
        regex.compile("|".join(floating), flags) if floating else None,
        union,
        timeout,
        tuple(anchored),
    )


@dataclass(frozen=True)
class _Shared:
    """The shipped line patterns (``resources/chrome.yaml``), one matcher per kind of line, and ``any``:
    whether a line matches any of the kinds ``_classify`` tries in a row (one search instead of six for
    the three lines in four that are none of them)."""

    chrome: _Matcher
    end: _Matcher
    byline: _Matcher
    source: _Matcher
    credit: _Matcher
    photo: _Matcher
    caption: _Matcher
    any: _Matcher


@lru_cache(maxsize=1)
def _shared_matchers() -> _Shared:
    shared = chrome()
    groups = (
        shared.chrome,
        shared.end_markers,
        shared.byline,
        shared.source_line,
        shared.credit_line,
        shared.photo_credit,
    )
    chrome_lines, end, byline, source, credit, photo = (_matcher(group, timeout=None) for group in groups)
    caption = _matcher(shared.caption_words, timeout=None)
    return _Shared(chrome_lines, end, byline, source, credit, photo, caption, _matcher(*groups, timeout=None))


def _shipped_hit(key: str) -> bool:
    """``_shared_matchers().any(key)`` (a line that repeats is kept by :func:`_line_verdict`).

    Of the patterns anchored at the start, only those that can match a line starting with the key's
    first character are tried (:func:`_anchored_for`, as one compiled union), instead of all of them.
    """
    shared = _shared_matchers().any
    if key in shared.exact:
        return True
    anchored = _anchored_for(key[0]) if key else shared.anchored
    if anchored is not None and anchored.match(key) is not None:
        return True
    return shared.floating is not None and shared.floating.search(key) is not None


@lru_cache(maxsize=1)
def _anchored_shipped() -> tuple[Any, ...]:
    """Each shipped pattern anchored at the start (the alternatives of ``_shared_matchers().any``),
    compiled alone."""
    shared = _shared_matchers().any
    if shared.anchored is None:
        return ()
    return tuple(regex.compile(part, shared.anchored.flags) for part in shared.anchored_parts)


@lru_cache(maxsize=1024)
def _anchored_for(first: str) -> Any:
    """The union of the shipped anchored patterns that can match a line starting with ``first`` (those
    that match ``first`` or a line it begins: the ``regex`` engine's partial match of the one
    character), compiled (None when there are none)."""
    chosen = tuple(i for i, p in enumerate(_anchored_shipped()) if p.match(first, partial=True) is not None)
    return _anchored_union(chosen) if chosen else None


@lru_cache(maxsize=128)
def _anchored_union(chosen: tuple[int, ...]) -> Any:
    """The shipped anchored patterns numbered ``chosen`` as one compiled union (one call to the regex
    engine instead of one per pattern; first characters share a few dozen such sets)."""
    shared = _shared_matchers().any
    return regex.compile("|".join(shared.anchored_parts[i] for i in chosen), shared.anchored.flags)


@lru_cache(maxsize=256)
def _profile_matchers(profile: OutletProfile) -> tuple[_Matcher | None, _Matcher | None]:
    """``(end markers, chrome)`` of an outlet profile (the user's patterns: with the time limit), None
    when the profile has none."""
    end, chrome_lines = _matcher(profile.end_markers), _matcher(profile.chrome)
    return (None if end.empty else end), (None if chrome_lines.empty else chrome_lines)


def _top_level(pattern: str) -> str:
    """``pattern`` without its bracketed parts (to see whether an alternation is at the top level)."""
    depth, out, escaped, in_class = 0, [], False, False
    for char in pattern:
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=1)
def _month_keys() -> frozenset[str]:
    """Every month name the date reader knows (a dateline's "place" that is a month is a date)."""
    families: list[tuple[tuple[str, ...], ...]] = [EGYPTIAN_MONTHS, LEVANTINE_MONTHS, MAGHREB_MONTHS]
    families += [MOROCCAN_MONTHS, ENGLISH_MONTHS, RUSSIAN_MONTHS]
    return frozenset(fast_key(name) for family in families for month in family for name in month)


def _caption_alone(text: str, key: str, words: int) -> bool:
    """Whether a line of up to 20 words reads as a caption by itself: caption words, or an agency in
    brackets at its end, on a line that does not end with a full stop (a caption printed twice, the
    other sign, is read in ``_classify``)."""
    if text.endswith("."):
        return False
    if words <= 12 and _shared_matchers().caption(key):
        return True
    bracket = _BRACKETED_AGENCY.search(text)
    return bracket is not None and bool(credit_wires(bracket.group(1)))


def _is_photo_credit(text: str, key: str, words: int, *, patterns: bool = True) -> bool:
    """A photo credit line (``patterns=False``: the caller knows that no shipped pattern matches it)."""
    if words > 14:
        return False
    return (patterns and _shared_matchers().photo(key)) or (
        words <= 8 and not text.endswith(".") and _PHOTO_MARK.search(text) is not None
    )


def _is_url_line(text: str) -> bool:
    """``_URL_LINE`` matches: only a line with ``://`` or a dot (``www.``) is tried (its regex backtracks
    over the splits of the words before the address)."""
    return ("." in text or "://" in text) and _URL_LINE.match(text) is not None


def _date_line(text: str, words: int, dates: Sequence[DateMatch]) -> bool:
    """A line whose ``dates`` are the point of the line (not a sentence that mentions a date)."""
    if not dates:
        return False
    if any(d.label for d in dates):
        return True
    if words > 14:
        return False
    before = text[: dates[0].start].split()
    if before and words_key(before[-1]) in _DATE_PREPOSITIONS:
        return False  # "expected by July 31, 2022": a date inside a sentence
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    residue = len(rest.split())
    if _STATEMENT_END.search(text) and residue >= 4:
        return False  # a sentence that mentions a date
    return residue <= 6 or (residue <= 9 and _STATEMENT_END.search(text) is None)


def _forum_date(key: str, text: str) -> list[DateMatch]:
    """The date of a vBulletin post header (month first), which the day-first reading would get wrong
    (``key`` is the line's match key)."""
    m = _FORUM_POST.match(key)
    if m is None:
        return []
    hour = int(m["h"]) % 12 + (12 if (m["ampm"] or "").lower() == "pm" else 0) if m["ampm"] else int(m["h"])
    try:
        value = datetime(int(m["y"]), int(m["m"]), int(m["d"]), hour, int(m["mi"]))
    except ValueError:
        return []
    return [DateMatch(0, len(text), text, value, True, None)]


def _classify(
    lines: list[_Line],
    headline_key: str,
    profile: OutletProfile | None,
    site_name: str | None,
    repeated: Collection[str],
) -> None:
    profile_end, profile_chrome = _profile_matchers(profile) if profile else (None, None)
    lines[0].kind = Kind.TITLE
    first_key = lines[0].key
    for i in range(1, len(lines)):
        line = lines[i]
        words = line.words
        if words > _KEYED_WORDS:
            continue  # a long line is never furniture, nor read for dates (a date line is short)
        key = line.key
        if key in (headline_key, first_key):
            line.dates = _line_dates(line.text, key)
            line.kind = Kind.HEADLINE
            continue
        verdict = _line_verdict(line.text, key, words, profile_end, profile_chrome, site_name)
        line.dates = verdict.dates
        if verdict.kind is not None:
            line.kind, line.relative, line.credit = verdict.kind, verdict.relative, verdict.credit
        elif verdict.caption or (
            (i > 0 and lines[i - 1].key == key) or (i + 1 < len(lines) and lines[i + 1].key == key)
        ):  # caption words, or a caption printed twice (alt text and figure caption)
            line.kind = Kind.CAPTION
        elif key in repeated and words <= _REPEATED_WORDS:
            line.kind = Kind.REPEATED


class _Verdict(NamedTuple):
    """What a line of up to 20 words is by itself (:func:`_line_verdict`): ``kind`` (None when none of
    the kinds read from the line alone), its ``dates``, the relative day of a date line or byline, the
    ``(place, wires)`` of a dateline or credit line, and, when ``kind`` is None, whether it reads as a
    caption by itself (:func:`_caption_alone`)."""

    kind: Kind | None
    dates: tuple[DateMatch, ...]
    relative: RelativeDay | None = None
    credit: tuple[str | None, tuple[str, ...]] | None = None
    caption: bool = False


def _line_dates(text: str, key: str) -> tuple[DateMatch, ...]:
    """The dates of a line (``key`` is its match key)."""
    if _YEAR.search(text) is None:  # every date found has a four-digit year
        return ()
    return tuple(_forum_date(key, text) or find_dates(text))


@lru_cache(maxsize=1 << 15)
def _line_verdict(
    text: str,
    key: str,
    words: int,
    profile_end: _Matcher | None,
    profile_chrome: _Matcher | None,
    site_name: str | None,
) -> _Verdict:
    """The kind of a line of up to 20 words that is not the headline, read from the line alone (its
    text, match key and word count) with the matchers of the page's outlet profile
    (:func:`_profile_matchers`) and the page's ``site_name``. What depends on the page around the line
    (the headline, a caption printed twice, lines repeated across the site's pages) is read in
    ``_classify``. Kept: page chrome, bylines, datelines and section lines come back on page after
    page of a site."""
    dates = _line_dates(text, key)
    shared = _shared_matchers()
    hit = _shipped_hit(key)  # most lines match none of the shipped patterns: one search, not six
    if (hit and shared.end(key)) or (profile_end is not None and profile_end(key)):
        return _Verdict(Kind.END, dates)
    if (hit and shared.chrome(key)) or (profile_chrome is not None and profile_chrome(key)):
        return _Verdict(Kind.CHROME, dates)
    if words <= 14 and _is_photo_credit(text, key, words, patterns=hit):
        return _Verdict(Kind.PHOTO, dates)
    if hit and words <= 12 and shared.byline(key):
        return _Verdict(Kind.BYLINE, dates, None if dates else relative_day(text, tail=True, key=key))
    if hit and words <= 10 and shared.source(key):
        return _Verdict(Kind.SOURCE, dates)
    if hit and words <= 16 and shared.credit(key):
        return _Verdict(Kind.CREDIT, dates)
    if dates and _date_line(text, words, dates):
        return _Verdict(Kind.DATE, dates)
    if not dates and words <= 10 and (relative := relative_day(text, key=key)) is not None:
        return _Verdict(Kind.DATE, dates, relative)
    if words <= 7 and (credit := _dateline_parts(text, site_name)) is not None:
        return _Verdict(Kind.DATELINE if credit[0] else Kind.CREDIT, dates, credit=credit)
    if words <= 3 and _is_url_line(text):
        return _Verdict(Kind.URL, dates)
    return _Verdict(None, dates, caption=_caption_alone(text, key, words))


def _body_span(lines: list[_Line]) -> tuple[int, int] | None:
    """``(start, stop)`` of the body among ``lines``, or None when no line can be body."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*lines, _Line("", "", 0, Kind.END)]):
        if line.kind is None and start is None:
            start = i
        elif line.kind is not None and start is not None:
            runs.append((start, i))
            start = None
    if not runs:
        return None

    def weight(run: tuple[int, int]) -> tuple[int, int]:
        chunk = lines[run[0] : run[1]]
        return sum(len(x.text) for x in chunk if x.sentence_like), sum(len(x.text) for x in chunk)

    first, stop = runs[0] if len(runs) == 1 else max(runs, key=weight)
    for j in range(first - 1, 0, -1):
        kind = lines[j].kind
        if kind in _STRONG:
            break
        if kind is None:
            first = j
    while stop < len(lines) and lines[stop].kind is not Kind.END:
        stop += 1
    body = [i for i in range(first, stop) if lines[i].kind is None]
    while body and not lines[body[0]].sentence_like:
        body.pop(0)
    while body and not lines[body[-1]].sentence_like:
        body.pop()
    if not body:
        return None
    return body[0], body[-1] + 1


def _assign_dates(page: Page, lines: list[_Line], profile: OutletProfile | None) -> None:
    headline_at = next((i for i, x in enumerate(lines) if x.kind is Kind.HEADLINE), None)
    header: list[DateMatch] = []
    others: list[tuple[DateMatch, str]] = []
    relative: list[RelativeDay] = []  # أمس 10:30: a date only against the day the page was seen
    for i, line in enumerate(lines):
        if line.relative is not None and line.kind in (Kind.DATE, Kind.BYLINE):
            if line.relative.label != "updated":
                relative.append(line.relative)
            continue
        if not line.dates or line.kind not in _DATED:
            continue
        where = "date line" if line.kind is Kind.DATE else "byline"
        for d in line.dates:
            if d.label == "published" and page.published is None:
                page.published, page.published_source = d.value, "labelled"
            elif d.label == "updated" and page.updated is None:
                page.updated = d.value
            elif d.label is None:
                if line.kind is Kind.DATE and headline_at is not None and i < headline_at:
                    header.append(d)
                else:
                    others.append((d, where))
    header_date = profile.header_date if profile else None
    if header and header_date == "published" and page.published is None:
        page.published, page.published_source = header.pop(0).value, "header"
    if page.published is None and others:
        page.published, page.published_source = others[0][0].value, others[0][1]
    if relative and header and header_date != "published" and page.published is None:
        # The date above the headline is the day the page was seen (the page says "yesterday" of it):
        # the relative day is read against it, and only when its weekday, if printed, agrees.
        seen = header[0]
        value = relative[0].resolve(seen.value, seen_has_time=seen.has_time)
        if value is not None:
            page.published, page.published_source = value, "relative"
    if header:
        if page.published is None and header_date is None and not relative:
            page.published, page.published_source = header[0].value, "header"
        else:
            page.scraped_at = header[0].value
    if page.published is None and page.site_name and _DIGIT.search(page.site_name):
        in_title = find_dates(page.site_name)  # headline - site, 2016-07-15T10:33 (after the site name)
        if in_title:
            page.published, page.published_source = in_title[0].value, "title"
    if page.published is None:
        for line in lines:
            if line.kind in (Kind.URL, Kind.CHROME, Kind.TITLE) and "http" in line.text:
                found = url_date(line.text)
                if found is not None:
                    page.published, page.published_source = found, "url"
                    break


def _title_like(
    lines: list[_Line], site_name: str | None, found: OutletProfile | None, headline: str, headline_key: str
) -> bool:
    """Whether the first line is a title (see the module docstring); ``headline_key`` is its match key."""
    first = lines[0]
    if found is not None:
        return True
    if len(lines) == 1:
        return False
    later = set(map(attrgetter("key"), lines[1:40]))
    later.discard("")  # the key of a long line
    if first.key in later or (headline and headline_key in later):
        return True
    if first.words > _MAX_TITLE_WORDS or first.words == 0:
        return False
    if _STATEMENT_END.search(first.text):
        return False
    if _QUESTION_END.search(first.text) and first.words > _MAX_QUESTION_TITLE_WORDS:
        return False
    matchers = _shared_matchers()
    hit = _shipped_hit(first.key)
    if hit and any(m(first.key) for m in (matchers.byline, matchers.source, matchers.chrome)):
        return False
    if _DIGIT.search(headline) and len(headline.split()) <= 14 and find_dates(headline):
        return False
    if first.words <= 7 and _dateline_line(first.text, site_name) is not None:
        return False
    if _inline_credit(first.text, None) is not None:
        return False
    if _is_url_line(first.text):
        return False
    return not _is_photo_credit(first.text, first.key, first.words, patterns=hit)


def parse_page(
    text: str,
    *,
    profiles: Profiles | None = None,
    profile: OutletProfile | None = None,
    repeated: Collection[str] = frozenset(),
    key_cache: dict[str, str] | None = None,
    title_split: tuple[str, str | None, OutletProfile | None] | None = None,
) -> Page:
    """Parse the visible text of one scraped page.

    ``profiles`` are the known outlets (the shipped ones by default); ``profile`` forces one;
    ``repeated`` holds the :func:`~framing.load.outlets.match_key` of lines that repeat across
    pages of the same site (see :func:`repeated_lines`), treated as page chrome when short;
    ``key_cache`` (a dict kept for one load) saves normalizing the same line on every page;
    ``title_split`` is :func:`split_title` of the first line with the same ``profiles``, when known.
    Never raises on text; problems are listed in ``Page.warnings``.
    """
    return parse_lines(
        page_lines(text),
        profiles=profiles,
        profile=profile,
        repeated=repeated,
        key_cache=key_cache,
        title_split=title_split,
    )


def parse_lines(
    raw: list[str],
    *,
    profiles: Profiles | None = None,
    profile: OutletProfile | None = None,
    repeated: Collection[str] = frozenset(),
    key_cache: dict[str, str] | None = None,
    title_split: tuple[str, str | None, OutletProfile | None] | None = None,
) -> Page:
    """:func:`parse_page` of a page given as its :func:`page_lines` (the loader has them already).

    >>> parse_lines(["عنوان الخبر", "وصل الوزير إلى موسكو مساء الخميس في زيارة تستمر يومين."]).headline
    'عنوان الخبر'
    """
    page = Page()
    if not raw:
        page.warnings.append("no text")
        return page
    lines = []
    for s in raw:
        split = s.split(None, _MAX_TITLE_WORDS)  # the words up to 26: no rule reads past 25 words
        words = len(split)  # all of them for a line that is keyed (20 words at most)
        lines.append(_Line(s, line_key(s, words, key_cache, split), words))
    headline, site_name, found = title_split if title_split is not None else split_title(raw[0], profiles)
    headline_key = line_key(headline, 0, key_cache) if headline else "\0"
    if not _title_like(lines, site_name, found, headline, headline_key):
        headline, site_name, found = "", None, None  # the first line is article text: no title line
        lines.insert(0, _Line("", "", 0))
        page.warnings.append("no title line")
    else:
        page.title_source = "first line"
    profile = profile or found
    page.headline, page.site_name = headline, site_name
    page.outlet_id = profile.id if profile else None
    _classify(lines, headline_key if headline else "\0", profile, site_name, repeated)
    span = _body_span(lines)
    start, stop = span if span else (len(lines), len(lines))
    edge_start, edge_stop = _edges(lines, start, stop) if span else (start, stop)
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if start <= i < stop and line.kind is None:
            line.kind = Kind.BODY
            page.body_lines.append(line.text)
        else:
            page.boilerplate.append(line.text)
            if line.kind is not None:
                page.reasons.append(REASONS[line.kind])
            else:
                page.reasons.append(EDGE if edge_start <= i < edge_stop else OUTSIDE)
    _assign_dates(page, lines, profile)
    _read_head(page, lines, site_name)
    if page.published is None:
        page.warnings.append("no publication date found")
    if not page.body_lines:
        page.warnings.append("empty body")
    return page


def _edges(lines: list[_Line], start: int, stop: int) -> tuple[int, int]:
    """``(edge_start, edge_stop)``: the unclassified lines trimmed from the ends of the body span
    ``(start, stop)`` (nothing between them and it) are those from ``edge_start`` to ``start`` and
    from ``stop`` to ``edge_stop``."""
    while start > 0 and lines[start - 1].kind is None:
        start -= 1
    while stop < len(lines) and lines[stop].kind is None:
        stop += 1
    return start, stop


def _read_head(page: Page, lines: list[_Line], site_name: str | None) -> None:
    """Fill dateline, wires, caption and byline from the classified lines and the first paragraph."""
    wires: list[str] = []
    for line in lines:
        if line.kind is None or line.kind is Kind.BODY:
            continue  # most lines: none of the kinds below
        if line.kind in (Kind.DATELINE, Kind.CREDIT) and line.credit is not None:
            place, found = line.credit
            if place and page.dateline is None:
                page.dateline = place
            wires += found
        elif line.kind is Kind.SOURCE:
            wires += credit_wires(re.split(r"[:\uff1a]", line.text, maxsplit=1)[-1])
        elif line.kind is Kind.CAPTION and page.caption is None:
            page.caption = line.text
        elif line.kind is Kind.BYLINE:
            rest = _BYLINE_SPLIT.split(line.text, maxsplit=1)[-1]
            for d in reversed(line.dates):  # the date on a byline is not part of the name
                rest = rest.replace(d.text, " ")
            if line.relative is not None:
                rest = rest.replace(line.relative.text, " ")
            rest = " ".join(w for w in rest.split() if words_key(w).strip("\u060c,") not in _WEEKDAY_KEYS)
            rest = rest.strip(" -|\u060c,")
            found = credit_wires(rest)
            wires += found
            if page.byline is None and rest:
                page.byline = rest
    if page.body_lines:
        first = page.body_lines[0]
        credit = _inline_credit(first, site_name)
        if credit is not None:
            end, place, found = credit
            if page.dateline is None and place:
                page.dateline = place
            wires += found
            page.inline_dateline = first[:end]
            page.boilerplate.append(page.inline_dateline.strip())
            page.reasons.append(INLINE_CREDIT)
            page.body_lines[0] = first[end:]
    page.wires = list(dict.fromkeys(wires))
    page.wire = ", ".join(page.wires) if page.wires else None
    if page.body_lines:
        page.wires_cited = [w for w in cited_wires("\n".join(page.body_lines)) if w not in page.wires]


def repeated_lines(
    pages: list[list[str]],
    *,
    min_pages: int = 3,
    min_share: float = 0.3,
    key_cache: dict[str, str] | None = None,
) -> frozenset[str]:
    """Short lines (as match keys) found on at least ``min_pages`` pages and ``min_share`` of ``pages``.

    ``pages`` are the lines of the pages of ONE site, title line first (titles are not counted).
    Only lines of up to 12 words count: a longer line that repeats (a stock background paragraph)
    is still article text.

    >>> sorted(repeated_lines([["عنوان أ", "قائمة"], ["عنوان ب", "قائمة"], ["عنوان ج", "قائمة"]]))
    ['قائمه']
    """
    if len(pages) < min_pages:
        return frozenset()
    counts: Counter[str] = Counter()
    for lines in pages:
        found = set()
        for s in lines[1:]:
            split = s.split(None, _REPEATED_WORDS)
            if len(split) <= _REPEATED_WORDS:  # then it holds every word of the line
                found.add(line_key(s, 0, key_cache, split))
        counts.update(found)
    needed = max(min_pages, min_share * len(pages))
    return frozenset(k for k, n in counts.items() if n >= needed)
