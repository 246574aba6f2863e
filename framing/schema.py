"""Column names of the data contract, and :func:`validate_corpus`.

Every module takes its column names from here (house rule 2): the corpus columns below, and the
columns that the result tables (matches, scores, comparisons, topics) share, such as ``frame``,
``count``, ``rate``, ``articles``, ``p_value`` (the constants after ``COPY_COLUMNS``).

corpus — one row per article:

- required: ``doc_id`` (str, unique, stable), ``outlet`` (str, the outlet id), ``title`` (str),
  ``published`` (datetime64, may be NaT), ``text`` (str, the article body only);
- optional: ``outlet_name``, ``url``, ``updated``, ``timezone``, ``published_utc``, ``dateline``, ``wire``,
  ``caption``, ``byline``, ``language``, ``source_path``, ``boilerplate``, ``scraped_at``, ``duplicate_of``,
  ``title_source``, ``published_source``, ``wires_cited``, ``boilerplate_reasons``, ``outlet_source``;
- outlet facts from the outlet's profile (``outlets.yaml``): ``country``, ``outlet_type``, ``owner``,
  ``owner_type``, ``funder``, ``outlet_languages``, and the user's own profile ``fields`` after them.

Where a field came from: ``title_source`` is ``first line`` (the page's title line) or None (no title
line: an exported article); ``published_source`` is ``labelled`` (``نشر في:``, ``Published:``),
``date line``, ``byline``, ``header`` (the date above the headline), ``title`` (a date after the site
name in the title line), ``url`` (a date in a web address
on the page), ``relative`` (``أمس 10:30`` read against the date above the headline) or None;
``outlet_source`` is ``argument``, ``profile`` (the page names a known outlet),
``folder``, ``title`` (a site name in the page title) or ``unknown``. ``wire`` holds the agencies
credited for the article, ``wires_cited`` those only cited inside its sentences (comma-separated
codes of ``framing/load/resources/wires.yaml``). ``boilerplate_reasons`` gives, line for line, why each
``boilerplate`` line is not body. ``language`` is an ISO 639-1 code or ``und``.

``published`` and ``updated`` are the wall-clock times printed on the page (naive, the outlet's local
time); ``timezone`` is the outlet's IANA zone where its profile knows it, and ``published_utc`` is then
the same instant as a timezone-aware UTC timestamp (NaT where the zone is unknown).

>>> import pandas as pd
>>> validate_corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "title": ["t"],
...                               "published": [pd.NaT], "text": ["نص"]})) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

DOC_ID = "doc_id"
OUTLET = "outlet"
OUTLET_NAME = "outlet_name"
TITLE = "title"
PUBLISHED = "published"
TEXT = "text"

URL = "url"
UPDATED = "updated"
TIMEZONE = "timezone"
PUBLISHED_UTC = "published_utc"
DATELINE = "dateline"
WIRE = "wire"
CAPTION = "caption"
BYLINE = "byline"
LANGUAGE = "language"
SOURCE_PATH = "source_path"
BOILERPLATE = "boilerplate"
SCRAPED_AT = "scraped_at"
DUPLICATE_OF = "duplicate_of"
TITLE_SOURCE = "title_source"
PUBLISHED_SOURCE = "published_source"
WIRES_CITED = "wires_cited"
BOILERPLATE_REASONS = "boilerplate_reasons"
OUTLET_SOURCE = "outlet_source"

# Facts about the outlet, from its profile in outlets.yaml (framing.load.outlets), one value per article.
COUNTRY = "country"
OUTLET_TYPE = "outlet_type"
OWNER = "owner"
OWNER_TYPE = "owner_type"
FUNDER = "funder"
OUTLET_LANGUAGES = "outlet_languages"
OUTLET_FACT_COLUMNS: tuple[str, ...] = (COUNTRY, OUTLET_TYPE, OWNER, OWNER_TYPE, FUNDER, OUTLET_LANGUAGES)

REQUIRED_COLUMNS: tuple[str, ...] = (DOC_ID, OUTLET, TITLE, PUBLISHED, TEXT)
OPTIONAL_COLUMNS: tuple[str, ...] = (
    OUTLET_NAME,
    URL,
    UPDATED,
    TIMEZONE,
    PUBLISHED_UTC,
    DATELINE,
    WIRE,
    CAPTION,
    BYLINE,
    LANGUAGE,
    SOURCE_PATH,
    BOILERPLATE,
    SCRAPED_AT,
    DUPLICATE_OF,
    TITLE_SOURCE,
    PUBLISHED_SOURCE,
    WIRES_CITED,
    BOILERPLATE_REASONS,
    OUTLET_SOURCE,
    *OUTLET_FACT_COLUMNS,
)
CORPUS_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
DATETIME_COLUMNS: tuple[str, ...] = (PUBLISHED, UPDATED, SCRAPED_AT)

# Copy lineage (framing.copies.copy_groups; joined onto a corpus by framing.copies.with_copy_groups):
# the doc_id of the likely source of the article's copy group, the article's role in it (source, copy,
# single) and the group's number of articles. Statistics take cluster=COPY_GROUP.
COPY_GROUP = "copy_group"
COPY_ROLE = "copy_role"
COPY_SIZE = "copy_size"
COPY_COLUMNS: tuple[str, ...] = (COPY_GROUP, COPY_ROLE, COPY_SIZE)

# Result tables. The column names that several result tables share, or that one module writes and another
# (or a notebook) reads: the charts of framing.plot read the tables of framing.compare and framing.topics.
# Each table's layout is a tuple beside the function that makes it (framing.score.SCORE_COLUMNS,
# framing.compare.RATE_COLUMNS, framing.topics.TOP_WORD_COLUMNS …); a column of one table that nothing
# else reads (compare's chi2 or group_a) is named there alone.
#
# matches (framing.find_matches) and scores (framing.score): a hit of a lexicon ``entry`` of a ``frame``,
# ``surface`` = the span as written, ``start``/``end`` = character offsets into the text; ``count`` hits
# of a frame in ``tokens`` word tokens, ``rate`` = count per 1,000 tokens.
FRAME = "frame"
ENTRY = "entry"
KIND = "kind"  # an entry's kind (exact, glob, phrase …), as in Lexicon.entries()
SURFACE = "surface"
START = "start"
END = "end"
COUNT = "count"
TOKENS = "tokens"
RATE = "rate"
HITS = "hits"
DOCUMENTS = "documents"
OUTLETS = "outlets"  # a row's outlets: how many (coverage, groups) or which (copy_summary)
# per group (framing.compare, framing.groups): articles (and clusters of articles) behind an estimate, its
# interval, the share of articles (or of mentions) and its interval
ARTICLES = "articles"
CLUSTERS = "clusters"
RATE_LOW = "rate_low"
RATE_HIGH = "rate_high"
SHARE = "share"
SHARE_LOW = "share_low"
SHARE_HIGH = "share_high"
# tests: p-values (raw, corrected for multiple tests, Benjamini-Hochberg q, Monte-Carlo), the smallest
# expected count, and what the method assumes
P_VALUE = "p_value"
P_ADJUSTED = "p_adjusted"
Q_VALUE = "q_value"
P_MONTE_CARLO = "p_monte_carlo"
MIN_EXPECTED = "min_expected"
METHOD = "method"
ASSUMES = "assumes"
# label choice (framing.compare.label_choice): a ``label`` (lexicon entry) of a ``referent`` (frame) and
# its ``stance`` tag; LABEL is also a topic's label (framing.topics)
REFERENT = "referent"
LABEL = "label"
STANCE = "stance"
STANCE_SHARE = "stance_share"
STANCE_LOW = "stance_low"
STANCE_HIGH = "stance_high"
REFERENT_HITS = "referent_hits"
# words (framing.compare.distinctive_words, framing.topics): a word, its z-score, its weight and rank
WORD = "word"
Z = "z"
WEIGHT = "weight"
RANK = "rank"
# topics (framing.topics.TopicModel): a topic number (-1: outliers), its size in articles, its top words
# joined, and a time bin's start
TOPIC = "topic"
SIZE = "size"
WORDS = "words"
DATE = "date"


def _require(corpus: pd.DataFrame, column: str) -> None:
    if column not in corpus.columns:
        raise ValueError(f"corpus lacks the {column!r} column; it has {list(map(str, corpus.columns))}")


def texts(corpus: pd.DataFrame) -> list[str]:
    """The ``text`` column as a list of strings (``""`` where a text is missing).

    >>> texts(pd.DataFrame({"text": ["نص", None]}))
    ['نص', '']
    """
    _require(corpus, TEXT)
    return [t if isinstance(t, str) else "" for t in corpus[TEXT].tolist()]


def doc_ids(corpus: pd.DataFrame) -> list[str]:
    """The ``doc_id`` column as a list of strings."""
    _require(corpus, DOC_ID)
    return [str(d) for d in corpus[DOC_ID].tolist()]


GROUP_SEPARATOR = " \u00b7 "  # a middle dot between the values of several grouping columns


def group_column(by: str | Sequence[str]) -> str:
    """The name of the grouping column of a ``by=`` option: one column's name, or the joined name
    ``"a+b"`` of several (the column :func:`group_by` adds, and the tables made with that ``by`` have).

    >>> group_column("outlet"), group_column(["outlet", "language"]), group_column(["country"])
    ('outlet', 'outlet+language', 'country')
    """
    if isinstance(by, str):
        return by
    columns = [str(c) for c in by]
    if not columns or len(set(columns)) != len(columns):
        raise ValueError(f"by is {list(by)!r}; give one column or a list of distinct columns")
    return "+".join(columns)


def group_by(corpus: pd.DataFrame, by: str | Sequence[str]) -> tuple[pd.DataFrame, str]:
    """``(corpus, column)`` for a ``by=`` option: one column as it is, or several joined into one.

    For a list such as ``["outlet", "language"]`` the result has a new column ``"outlet+language"`` whose
    values join the row's values with ``" · "`` (a row missing any of them gets none); the input corpus
    is not modified. A single-element list is that column.

    >>> corpus = pd.DataFrame({"outlet": ["sever", "sever"], "language": ["ar", "en"]})
    >>> grouped, column = group_by(corpus, ["outlet", "language"])
    >>> column, grouped[column].tolist()
    ('outlet+language', ['sever · ar', 'sever · en'])
    >>> group_by(corpus, "outlet")[1], "outlet+language" in corpus.columns
    ('outlet', False)
    """
    name = group_column(by)
    if isinstance(by, str):
        return corpus, by
    columns = [str(c) for c in by]
    for column in columns:
        _require(corpus, column)
    if len(columns) == 1:
        return corpus, name
    parts = corpus[columns]
    joined = parts.astype(str).agg(GROUP_SEPARATOR.join, axis=1).where(parts.notna().all(axis=1))
    return corpus.assign(**{name: joined.astype(object)}), name


def validate_corpus(corpus: pd.DataFrame) -> None:
    """Raise ``ValueError`` when ``corpus`` breaks the data contract; return None when it holds.

    Checks the required columns, unique non-empty ``doc_id`` values, string text and datetime
    ``published``.

    >>> validate_corpus(pd.DataFrame({"doc_id": ["a"]}))
    Traceback (most recent call last):
    ...
    ValueError: corpus lacks required column(s) ['outlet', 'title', 'published', 'text']; it has ['doc_id']
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in corpus.columns]
    if missing:
        raise ValueError(
            f"corpus lacks required column(s) {missing}; it has {list(map(str, corpus.columns))}"
        )
    ids = corpus[DOC_ID]
    if ids.isna().any() or (ids.astype(str) == "").any():
        raise ValueError("corpus has empty doc_id values")
    dup = ids[ids.duplicated()]
    if len(dup):
        raise ValueError(f"corpus doc_id values are not unique, e.g. {dup.iloc[0]!r}")
    bad_text = corpus[TEXT].map(lambda v: not isinstance(v, str))
    if bad_text.any():
        raise ValueError(f"corpus text must be str; doc_id {ids[bad_text].iloc[0]!r} has a non-string text")
    if not pd.api.types.is_datetime64_any_dtype(corpus[PUBLISHED]):
        raise ValueError(
            f"corpus column 'published' must be datetime64, found dtype {corpus[PUBLISHED].dtype}"
        )
