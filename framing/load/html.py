"""Saved HTML pages: trafilatura (offline, from the file's text) finds the main text, which then goes
through the same page parser as scraped text pages.

htmldate, which trafilatura uses for dates, silently gives 2016-01-01 for Levantine month names
(``14 تموز 2016``), so its date is not used: the page parser reads the dates in the text.
"""

from __future__ import annotations


def _raw_title(html: str) -> str:
    """The page's ``<title>`` as written (trafilatura drops the site name from it)."""
    import lxml.html

    try:
        found = lxml.html.fromstring(html).findtext(".//title")
    except (ValueError, lxml.etree.ParserError):
        return ""
    return " ".join(found.split()) if found else ""


def page_text(html: str) -> str:
    """The visible article text of an HTML page, title line first (``headline - site``), or ``""``.

    >>> page_text("<html><head><title>عنوان - موقع</title></head><body><article><p>"
    ...           + "جملة طويلة بما يكفي ليعدها المستخرج نصا رئيسيا في هذه الصفحة المحفوظة. " * 3
    ...           + "</p></article></body></html>").splitlines()[0]
    'عنوان - موقع'
    """
    import trafilatura  # imported here: it is slow to import and only HTML pages need it

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None:
        return ""
    document = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = str(document.get("text") or "").strip()
    if not text:
        return ""
    title = _raw_title(html) or str(document.get("title") or "").strip()
    site = str(document.get("sitename") or "").strip()
    title_line = f"{title} - {site}" if title and site and site not in title else (title or site)
    return f"{title_line}\n{text}" if title_line else text
