"""Parse the visible text of a scraped news page into headline, dates, dateline, wire, caption and body.

The page is read line by line. Every non-blank line is either body or boilerplate, and every
boilerplate line is kept, so the cleaning can be audited: ``body_lines`` and ``boilerplate`` together
account for every non-blank input line (a dateline written at the start of the first paragraph is
split off into the boilerplate and the rest of the line stays in the body).

How a page is read:

1. The first line is the page title, split into headline and site name (``headline - site``,
   ``site | headline``); the site name finds the outlet's profile.
2. Each later line is classified: the headline again, a date line, a dateline (``موسكو - الفرنسية``),
   a byline, a source line, a caption, page chrome (shared list plus the profile's), a line that
   repeats across pages of the same site, or an end marker after which nothing is body.
3. The body is the largest run of unclassified lines (by the length of its sentence-like lines),
   extended back over chrome to the nearest head line and forward to the first end marker, then
   trimmed of short unpunctuated lines at both ends.

>>> page = parse_page("عنوان الخبر - بوابة الشروق\\nعنوان الخبر\\nموسكو - الفرنسية\\n"
...                   "نشر في: الخميس 14 يوليه 2016 - 9:16 م\\n"
...                   "وصل الوزير إلى موسكو مساء الخميس في زيارة تستمر يومين.\\nقد يعجبك أيضا")
>>> page.headline, page.outlet_id, page.dateline, page.wire
('عنوان الخبر', 'shorouk', 'Moscow', 'AFP')
>>> page.published
datetime.datetime(2016, 7, 14, 21, 16)
>>> page.body_lines
['وصل الوزير إلى موسكو مساء الخميس في زيارة تستمر يومين.']
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from framing.load.dates import DateMatch, find_dates
from framing.load.outlets import OutletProfile, Profiles, load_profiles, match_key
from framing.load.resources import chrome, name_key, place_names, wire_names


class Kind(Enum):
    """What a line of a page is."""

    TITLE = "title"
    HEADLINE = "headline"
    DATE = "date"
    DATELINE = "dateline"
    BYLINE = "byline"
    SOURCE = "source"
    CAPTION = "caption"
    CHROME = "chrome"
    REPEATED = "repeated"
    END = "end"
    BODY = "body"


# Lines of these kinds mark the head of the article: the body does not extend back past them.
_STRONG = frozenset({Kind.TITLE, Kind.HEADLINE, Kind.DATE, Kind.DATELINE, Kind.BYLINE, Kind.SOURCE, Kind.END})

_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|\u2013\u2014:]|::|\u00bb|/)\s+")  # - | en dash, em dash, : :: » /
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")  # ASCII, Arabic-Indic and Persian digits
# A sentence ends in . ! ? ؟ … : or a closing quote/bracket, possibly followed by more closers.
_SENTENCE_END = re.compile(r"[.!?\u061f\u2026:\u00bb\"\u201d)\]]\W*$")
# PLACE - AGENCY | PLACE (AGENCY) | PLACE: «SITE» - AGENCY, on a line of its own.
_DATELINE_LINE = re.compile(
    r"^(?P<place>[^\-\u2013\u2014:|()\d]{2,30}?)\s*(?:[\-\u2013\u2014:|]\s*|\(\s*)(?P<agency>[^()\d]{1,60}?)\s*\)?\s*[\-\u2013\u2014]?\s*$"
)
# A dateline written at the start of the first paragraph: PLACE - AGENCY - text / PLACE (AGENCY) - text.
_DATELINE_INLINE = re.compile(
    r"^(?P<place>[^\-\u2013\u2014:()\d]{2,30}?)\s*(?:[\-\u2013\u2014]\s*\(?|\(\s*)(?P<agency>[^()\-\u2013\u2014\d]{1,30}?)\s*\)?\s*[\-\u2013\u2014:]\s+(?=\S)"
)
_AGENCY_SPLIT = re.compile(r"\s*(?:[+,\u060c/&]|\s[\-\u2013\u2014]\s|\s\u0648(?=\S))\s*")  # + , ، / & - and و
_CORRESPONDENT = re.compile(
    r"^(?:\u0645\u0631\u0627\u0633\u0644|\u0645\u0646\u062f\u0648\u0628)"
)  # مراسل / مندوب
_BRACKETED_AGENCY = re.compile(r"\(([^()]{1,25})\)\s*$")


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

    @property
    def text(self) -> str:
        """The body: paragraphs separated by a blank line."""
        return "\n\n".join(self.body_lines)


@dataclass
class _Line:
    text: str
    key: str
    words: int
    kind: Kind | None = None
    dates: list[DateMatch] = field(default_factory=list)

    @property
    def sentence_like(self) -> bool:
        return self.words >= 8 or (self.words >= 2 and _SENTENCE_END.search(self.text) is not None)


_REPEATED_WORDS = 12  # longer lines that repeat across a site's pages stay article text
_KEYED_WORDS = 30  # lines longer than this are never chrome, captions or headlines: their key is not needed


def _line(text: str) -> _Line:
    words = len(text.split())
    return _Line(text, match_key(text) if words <= _KEYED_WORDS else "", words)


def page_lines(text: str) -> list[str]:
    """The non-blank lines of a page, stripped.

    >>> page_lines(" أ \\n\\n  ب\\t\\n")
    ['أ', 'ب']
    """
    return [s for s in (line.strip() for line in text.splitlines()) if s]


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
    parts = [m for m in _TITLE_SEPARATORS.finditer(title)]
    if not parts:
        return title.strip(), None, None
    first, last = parts[0], parts[-1]
    head_part, tail_part = title[: first.start()].strip(), title[last.end() :].strip()
    for site, rest in ((tail_part, title[: last.start()]), (head_part, title[first.end() :])):
        profile = profiles.by_site_name(site)
        if profile is not None:
            return rest.strip(), site, profile
    if tail_part and len(tail_part.split()) <= 5:
        return title[: last.start()].strip(), tail_part, None
    if head_part and len(head_part.split()) <= 4:
        return title[first.end() :].strip(), head_part, None
    return title.strip(), None, None


def _wires(agency_text: str) -> list[str]:
    """Agency codes named in ``agency_text`` (``سيفير عربي + وكالات`` -> ``['agencies']``)."""
    names = wire_names()
    found: list[str] = []
    for piece in _AGENCY_SPLIT.split(agency_text):
        code = names.get(name_key(piece))
        if code and code not in found:
            found.append(code)
    return found


def _place(text: str) -> str:
    """The English name of a dateline place when known, else the place as written."""
    return place_names().get(name_key(text), text.strip())


def _dateline_parts(line: str, site_name: str | None, *, inline: bool) -> tuple[str, list[str]] | None:
    """``(place, wires)`` when ``line`` is (or, with ``inline``, starts with) a dateline."""
    m = (_DATELINE_INLINE if inline else _DATELINE_LINE).match(line)
    if m is None:
        return None
    place, agency = m.group("place").strip(), m.group("agency").strip(" «»\"'")
    if len(place.split()) > 3:
        return None
    wires = _wires(agency)
    known_place = name_key(place) in place_names()
    own_reporter = bool(_CORRESPONDENT.match(match_key(agency))) or (
        site_name is not None and name_key(site_name).endswith(name_key(agency))
    )
    if wires or (known_place and (own_reporter or not inline) and len(agency.split()) <= 4):
        return _place(place), wires
    return None


def _is_caption(lines: list[_Line], i: int) -> bool:
    line = lines[i]
    if line.words > 20:
        return False
    twin = any(0 <= j < len(lines) and lines[j].key == line.key for j in (i - 1, i + 1))
    if twin:
        return True
    if line.words <= 12 and not line.text.endswith(".") and chrome().caption_words.matches(line.key):
        return True
    bracket = _BRACKETED_AGENCY.search(line.text)
    return bracket is not None and not line.text.endswith(".") and bool(_wires(bracket.group(1)))


def _classify(
    lines: list[_Line],
    headline_key: str,
    profile: OutletProfile | None,
    site_name: str | None,
    repeated: Collection[str],
) -> None:
    shared = chrome()
    chrome_lines = shared.chrome | profile.chrome if profile else shared.chrome
    end_lines = shared.end_markers | profile.end_markers if profile else shared.end_markers
    lines[0].kind = Kind.TITLE
    for i, line in enumerate(lines[1:], start=1):
        key = line.key
        if line.words <= 20 and _DIGIT.search(line.text):
            line.dates = find_dates(line.text)
        if key == headline_key or key == lines[0].key:
            line.kind = Kind.HEADLINE
        elif end_lines.matches(key):
            line.kind = Kind.END
        elif chrome_lines.matches(key):
            line.kind = Kind.CHROME
        elif line.words <= 10 and shared.byline.matches(key):
            line.kind = Kind.BYLINE
        elif line.words <= 10 and shared.source_line.matches(key):
            line.kind = Kind.SOURCE
        elif line.dates and (line.words <= 14 or any(d.label for d in line.dates)):
            line.kind = Kind.DATE
        elif line.words <= 7 and _dateline_parts(line.text, site_name, inline=False):
            line.kind = Kind.DATELINE
        elif _is_caption(lines, i):
            line.kind = Kind.CAPTION
        elif key in repeated and line.words <= _REPEATED_WORDS:
            line.kind = Kind.REPEATED


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

    first, stop = max(runs, key=weight)
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
    others: list[DateMatch] = []
    for i, line in enumerate(lines):
        if line.kind is not Kind.DATE:
            continue
        for d in line.dates:
            if d.label == "published" and page.published is None:
                page.published = d.value
            elif d.label == "updated" and page.updated is None:
                page.updated = d.value
            elif d.label is None:
                (header if headline_at is not None and i < headline_at else others).append(d)
    header_date = profile.header_date if profile else None
    if header and header_date == "published" and page.published is None:
        page.published = header.pop(0).value
    if page.published is None and others:
        page.published = others.pop(0).value
    if header:
        if page.published is None and header_date is None:
            page.published = header[0].value
        else:
            page.scraped_at = header[0].value


def parse_page(
    text: str,
    *,
    profiles: Profiles | None = None,
    profile: OutletProfile | None = None,
    repeated: Collection[str] = frozenset(),
) -> Page:
    """Parse the visible text of one scraped page.

    ``profiles`` are the known outlets (the shipped ones by default); ``profile`` forces one;
    ``repeated`` holds the :func:`~framing.load.outlets.match_key` of lines that repeat across
    pages of the same site (see :func:`repeated_lines`), treated as page chrome when short.
    Never raises on text; problems are listed in ``Page.warnings``.
    """
    raw = page_lines(text)
    page = Page()
    if not raw:
        page.warnings.append("no text")
        return page
    lines = [_line(s) for s in raw]
    headline, site_name, found = split_title(raw[0], profiles)
    if lines[0].sentence_like and lines[0].words > 25 and _SENTENCE_END.search(raw[0]):
        headline, site_name, found = "", None, None  # the first line is a paragraph: no title
        lines.insert(0, _Line("", "", 0))
        page.warnings.append("no title line")
    profile = profile or found
    page.headline, page.site_name = headline, site_name
    page.outlet_id = profile.id if profile else None
    _classify(lines, match_key(headline) if headline else "\0", profile, site_name, repeated)
    span = _body_span(lines)
    start, stop = span if span else (len(lines), len(lines))
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if start <= i < stop and line.kind is None:
            line.kind = Kind.BODY
            page.body_lines.append(line.text)
        else:
            page.boilerplate.append(line.text)
    _assign_dates(page, lines, profile)
    _read_head(page, lines, site_name)
    if page.published is None:
        page.warnings.append("no publication date found")
    if not page.body_lines:
        page.warnings.append("empty body")
    return page


def _read_head(page: Page, lines: list[_Line], site_name: str | None) -> None:
    """Fill dateline, wire, caption and byline from the classified lines and the first paragraph."""
    wires: list[str] = []
    for line in lines:
        if line.kind is Kind.DATELINE and page.dateline is None:
            parts = _dateline_parts(line.text, site_name, inline=False)
            if parts:
                page.dateline, found = parts
                wires += found
        elif line.kind is Kind.SOURCE:
            wires += _wires(line.text.split(":", 1)[-1].split("\uff1a", 1)[-1])
        elif line.kind is Kind.CAPTION and page.caption is None:
            page.caption = line.text
        elif line.kind is Kind.BYLINE and page.byline is None:
            page.byline = re.split(r"[:\uff1a]", line.text, maxsplit=1)[-1].strip()
    if page.body_lines:
        first = page.body_lines[0]
        m = _DATELINE_INLINE.match(first)
        parts = _dateline_parts(first, site_name, inline=True) if m else None
        if m and parts:
            rest = first[m.end() :]
            if page.dateline is None:
                page.dateline = parts[0]
            wires += parts[1]
            page.inline_dateline = first[: m.end()]
            page.boilerplate.append(page.inline_dateline.strip())
            page.body_lines[0] = rest
    unique = list(dict.fromkeys(wires))
    page.wire = ", ".join(unique) if unique else None


def repeated_lines(pages: list[list[str]], *, min_pages: int = 3, min_share: float = 0.3) -> frozenset[str]:
    """Short lines (as match keys) found on at least ``min_pages`` pages and ``min_share`` of ``pages``.

    ``pages`` are the lines of the pages of ONE site, title line first (titles are not counted).
    Only lines of up to 12 words count: a longer line that repeats (a stock background paragraph)
    is still article text.

    >>> sorted(repeated_lines([["عنوان أ", "قائمة"], ["عنوان ب", "قائمة"], ["عنوان ج", "قائمة"]]))
    ['قائمه']
    """
    if len(pages) < min_pages:
        return frozenset()
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {match_key(s) for s in lines[1:] if len(s.split()) <= _REPEATED_WORDS}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(min_pages, min_share * len(pages))
    return frozenset(k for k, n in counts.items() if n >= needed)
