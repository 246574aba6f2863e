"""``read_corpus``: a file or a folder of scraped pages (and tables) into a tidy corpus DataFrame."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from framing import schema as S
from framing.load import html as html_pages
from framing.load import tables
from framing.load.encoding import DecodeError, decode_bytes
from framing.load.language import detect_language
from framing.load.outlets import PROFILE_FILE_NAME, OutletProfile, Profiles, load_profiles, read_profiles
from framing.load.pages import Page, page_lines, parse_page, repeated_lines, split_title
from framing.load.report import LoadError, LoadReport
from framing.load.wires import credit_wires
from framing.provenance import framing_version

PAGE_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = PAGE_SUFFIXES + HTML_SUFFIXES + tables.TABLE_SUFFIXES
PROGRESS_THRESHOLD = 200  # files; folders with more show a progress bar by default
PARALLEL_THRESHOLD = 3000  # page files; larger loads are parsed on every core by default (workers=None)
_CHUNK = 100  # pages sent to a worker process at a time


@dataclass
class _PageFile:
    path: Path
    where: str
    text: str
    doc_id: str
    lines: list[str]
    group: str
    outlet: str | None = None  # profile id found from the title
    site: str | None = None  # site name split from the title
    folder: str | None = None  # the first folder below the corpus folder
    title_split: tuple[str, str | None, OutletProfile | None] | None = None  # split_title of the first line


def doc_id_for(text: str) -> str:
    """The stable id of a page: a hash of its decoded text with newlines unified.

    The same page gives the same id on any machine, whatever its encoding or line endings.

    >>> doc_id_for("كيري\\r\\nبوتين") == doc_id_for("كيري\\nبوتين")
    True
    >>> len(doc_id_for("نص"))
    16
    """
    unified = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return hashlib.sha1(unified.encode("utf-8")).hexdigest()[:16]


def corpus_files(root: Path) -> tuple[list[Path], list[Path]]:
    """(supported files, other files) under ``root``, sorted, hidden files and folders left out."""
    if root.is_file():
        return ([root], []) if root.suffix.lower() in SUPPORTED_SUFFIXES else ([], [root])
    found: list[Path] = []
    other: list[Path] = []
    for path in sorted(root.rglob("*")):
        if _hidden(path, root) or not path.is_file():
            continue
        if path.name == PROFILE_FILE_NAME:
            continue
        (found if path.suffix.lower() in SUPPORTED_SUFFIXES else other).append(path)
    return found, other


def _resolve_profiles(root: Path, profiles: str | Path | Profiles | None, report: LoadReport) -> Profiles:
    """The shipped profiles plus ``profiles``, or plus every ``outlets.yaml`` in the folder by default."""
    known = load_profiles()
    if isinstance(profiles, Profiles):
        return known.merged(profiles)
    if profiles is not None:
        paths = [Path(profiles)]
        if not paths[0].is_file():
            raise FileNotFoundError(f"outlet profile file {str(profiles)!r} does not exist")
    elif root.is_dir():
        paths = sorted(p for p in root.rglob(PROFILE_FILE_NAME) if not _hidden(p, root))
    else:
        paths = [p for p in [root.parent / PROFILE_FILE_NAME] if p.is_file()]
    for path in paths:
        report.profile_files.append(str(path))
        known = known.merged(read_profiles(path))
    return known


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _folder_outlet(path: Path, root: Path) -> str | None:
    """The first folder below ``root`` that holds ``path``: the outlet by the recommended layout."""
    if not root.is_dir():
        return None
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else None


def _progress(items: list[Path], show: bool | None, desc: str) -> Iterable[Path]:
    if show is False or (show is None and len(items) < PROGRESS_THRESHOLD):
        return items
    from tqdm import tqdm

    bar: Iterable[Path] = tqdm(items, desc=desc, unit="file")
    return bar


def read_corpus(
    path: str | Path,
    *,
    outlet: str | None = None,
    strict: bool = False,
    profiles: str | Path | Profiles | None = None,
    columns: Mapping[str, str] | None = None,
    progress: bool | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Load scraped news pages into a corpus: one row per article, the columns of ``framing.schema``.

    ``path`` is a file or a folder (read recursively; hidden files are left out). Page text files
    (``.txt``) are parsed into headline, dates, dateline, wire, caption and body; saved HTML pages go
    through trafilatura (offline) and then the same parser; tables (``.csv``, ``.tsv``, ``.jsonl``,
    ``.parquet``) are read with ``columns``, a mapping from their column names to the corpus's.

    - ``outlet``: the outlet id for every article (otherwise: the outlet profile whose site name the
      page title gives, else the first folder below ``path``, else — for pages directly in ``path`` — the
      site name in the title when it repeats across those pages (or the file is alone), else
      ``unknown``; the ``outlet_source`` column says which, and the load report lists articles whose
      outlet came from the page rather than their folder).
    - ``profiles``: an outlet profile YAML file (or :class:`~framing.load.outlets.Profiles`) added to the
      shipped ones; by default every ``outlets.yaml`` in the folder (or beside the file) is added.
    - ``strict``: raise :class:`~framing.load.report.LoadError` on the first file that is skipped or
      has a problem (no title, no date, empty body), with the file path in the message.
    - ``progress``: show a progress bar (default: for 200 files or more).
    - ``workers``: processes that parse the pages (default: every core for 3,000 page files or more,
      else one). The corpus is the same whatever the number.

    The load report is in ``corpus.attrs["load_report"]`` (print it for a summary).

    >>> corpus = read_corpus("data/raw")
    >>> corpus.loc[0, ["outlet", "dateline", "wire"]].tolist()
    ['shorouk', 'Moscow', 'AFP']
    >>> print(corpus.attrs["load_report"])
    Loaded 1 article from 1 file under data/raw (0 skipped, 0 warnings).
    Languages of the articles: ar 1.
    """
    started = time.perf_counter()
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus path {str(root)!r} does not exist")
    report = LoadReport(root=str(root))
    known = _resolve_profiles(root, profiles, report)
    found, other = corpus_files(root)
    report.ignored = [_where(p, root) for p in other]
    if not found:
        report.warn(str(root), f"no files of a supported kind ({', '.join(SUPPORTED_SUFFIXES)})")
        if strict:
            raise LoadError(f"{root}: no files of a supported kind ({', '.join(SUPPORTED_SUFFIXES)})")

    def problem(where: str, message: str, *, skip: bool) -> None:
        (report.skip if skip else report.warn)(where, message)
        if strict:
            raise LoadError(f"{where}: {message}")

    rows: list[dict[str, Any]] = []
    pages: list[_PageFile] = []
    in_folder = root.is_dir()
    seen_ids: dict[str, str] = {}
    for file in _progress(found, progress, "reading"):
        where = _where(file, root)
        suffix = file.suffix.lower()
        if suffix in tables.TABLE_SUFFIXES:
            for row in tables.read_table(
                file,
                where=where,
                columns=columns,
                outlet=outlet,
                report=report,
                problem=lambda w, m: problem(w, m, skip=True),
                doc_id=doc_id_for,
                folder_outlet=_folder_outlet(file, root),
            ):
                if row[S.DOC_ID] in seen_ids:
                    problem(
                        where, f"duplicate of {seen_ids[row[S.DOC_ID]]} (doc_id {row[S.DOC_ID]})", skip=True
                    )
                    continue
                seen_ids[row[S.DOC_ID]] = where
                rows.append(row)
            continue
        report.seen(where)
        data = file.read_bytes()
        if not data.strip():
            problem(where, "empty file", skip=True)
            continue
        try:
            text, encoding = decode_bytes(data)
        except DecodeError as exc:
            problem(where, f"cannot decode: {exc}", skip=True)
            continue
        if suffix in HTML_SUFFIXES:
            text = html_pages.page_text(text)
            if not text.strip():
                problem(where, "no text found in the HTML page", skip=True)
                continue
        if not text.strip():
            problem(where, "no text (only white space)", skip=True)
            continue
        report.encodings[encoding] += 1
        doc_id = doc_id_for(text)
        if doc_id in seen_ids:
            problem(where, f"duplicate of {seen_ids[doc_id]} (same page text)", skip=True)
            continue
        seen_ids[doc_id] = where
        lines = page_lines(text)
        split = split_title(lines[0], known)
        _, site, profile = split
        folder = where.split(os.sep, 1)[0] if in_folder and os.sep in where else None  # the outlet folder
        group = profile.id if profile else (folder or site or "")
        pages.append(
            _PageFile(
                file, where, text, doc_id, lines, group, profile.id if profile else None, site, folder, split
            )
        )

    by_group: dict[str, list[_PageFile]] = {}
    for page_file in pages:
        by_group.setdefault(page_file.group, []).append(page_file)
    keys: dict[str, str] = {}
    repeated = {
        g: repeated_lines([p.lines for p in members], key_cache=keys) for g, members in by_group.items()
    }
    parsed = _parse_pages(pages, known, repeated, keys, workers=workers)
    site_counts = Counter(p.site for p in pages if p.folder is None and p.site)
    alone = sum(p.folder is None for p in pages) == 1
    for page_file, page in zip(pages, parsed, strict=True):
        for message in page.warnings:
            problem(page_file.where, message, skip=False)
        row = _page_row(page, page_file, root, outlet, known, site_counts=site_counts, alone=alone)
        report.languages[row[S.LANGUAGE]] += 1
        if page_file.folder is not None and row[S.OUTLET] != page_file.folder:
            report.outlet_from_page.append(f"{page_file.where}: {row[S.OUTLET]} (folder {page_file.folder})")
        rows.append(row)

    corpus = _frame(rows)
    report.loaded = len(corpus)
    _flag_duplicates(corpus, report, root)
    report.seconds = time.perf_counter() - started
    corpus.attrs["load_report"] = report
    corpus.attrs["provenance"] = {"framing_version": framing_version(), "source": str(root)}
    return corpus


def _where(path: Path, root: Path) -> str:
    return str(path if path == root else path.relative_to(root))


def _parse_chunk(
    texts: list[str], groups: list[str], known: Profiles, repeated: dict[str, frozenset[str]]
) -> list[Page]:
    """Parse pages (in a worker process, or in this one)."""
    keys: dict[str, str] = {}
    pairs = zip(texts, groups, strict=True)
    return [parse_page(t, profiles=known, repeated=repeated[g], key_cache=keys) for t, g in pairs]


def _parse_pages(
    pages: list[_PageFile],
    known: Profiles,
    repeated: dict[str, frozenset[str]],
    keys: dict[str, str],
    *,
    workers: int | None,
) -> list[Page]:
    """Every page parsed, in order: in this process, or in ``workers`` processes for large loads."""
    if workers is None:
        workers = (os.cpu_count() or 1) if len(pages) >= PARALLEL_THRESHOLD else 1
    if workers < 1:
        raise ValueError(f"workers must be 1 or more (or None for automatic), got {workers!r}")
    if workers == 1 or len(pages) <= _CHUNK:
        return [
            parse_page(
                p.text, profiles=known, repeated=repeated[p.group], key_cache=keys, title_split=p.title_split
            )
            for p in pages
        ]
    chunks = [pages[i : i + _CHUNK] for i in range(0, len(pages), _CHUNK)]
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        futures = [
            pool.submit(
                _parse_chunk,
                [p.text for p in chunk],
                [p.group for p in chunk],
                known,
                {g: repeated[g] for g in {p.group for p in chunk}},
            )
            for chunk in chunks
        ]
        return [page for future in futures for page in future.result()]


def _plausible_site(site: str) -> bool:
    """A title part that may name a site: no digits, not an agency credit, a few words at most."""
    return not any(ch.isdigit() for ch in site) and not credit_wires(site) and len(site.split()) <= 5


def _choose_outlet(
    page: Page,
    page_file: _PageFile,
    outlet: str | None,
    *,
    site_counts: Mapping[str, int],
    alone: bool,
) -> tuple[str, str]:
    """``(outlet id, where it came from)``: see ``read_corpus``."""
    if outlet:
        return outlet, "argument"
    if page.outlet_id:
        return page.outlet_id, "profile"
    if page_file.folder:
        return page_file.folder, "folder"
    site = page.site_name
    if site and _plausible_site(site) and (site_counts.get(site, 0) >= 2 or alone):
        return site, "title"
    return "unknown", "unknown"


def _page_row(
    page: Page,
    page_file: _PageFile,
    root: Path,
    outlet: str | None,
    known: Profiles,
    *,
    site_counts: Mapping[str, int] | None = None,
    alone: bool = True,
) -> dict[str, Any]:
    profile = known.get(page.outlet_id) if page.outlet_id else None
    outlet_id, outlet_source = _choose_outlet(
        page, page_file, outlet, site_counts=site_counts or {}, alone=alone
    )
    chosen = known.get(outlet_id) or profile
    text = page.text
    return {
        S.DOC_ID: page_file.doc_id,
        S.OUTLET: outlet_id,
        S.OUTLET_NAME: chosen.name if chosen else (page.site_name if outlet_source == "title" else outlet_id),
        S.TITLE: page.headline,
        S.PUBLISHED: page.published,
        S.TEXT: text,
        S.UPDATED: page.updated,
        S.TIMEZONE: chosen.timezone if chosen else None,
        S.DATELINE: page.dateline,
        S.WIRE: page.wire,
        S.CAPTION: page.caption,
        S.BYLINE: page.byline,
        S.LANGUAGE: detect_language(text or page.headline, default=chosen.language if chosen else None),
        S.SOURCE_PATH: str(page_file.path),
        S.BOILERPLATE: "\n".join(page.boilerplate),
        S.SCRAPED_AT: page.scraped_at,
        S.TITLE_SOURCE: page.title_source,
        S.PUBLISHED_SOURCE: page.published_source,
        S.WIRES_CITED: ", ".join(page.wires_cited) if page.wires_cited else None,
        S.BOILERPLATE_REASONS: "\n".join(page.reasons),
        S.OUTLET_SOURCE: outlet_source,
    }


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows -> a corpus with every contract column, in contract order, with stable dtypes."""
    corpus = pd.DataFrame(rows)
    extra = [c for c in corpus.columns if c not in S.CORPUS_COLUMNS]
    corpus = corpus.reindex(columns=[*S.CORPUS_COLUMNS, *extra])
    for column in S.DATETIME_COLUMNS:
        corpus[column] = pd.to_datetime(corpus[column]).astype("datetime64[ns]")
    corpus[S.PUBLISHED_UTC] = _utc(corpus)
    for column in (S.DOC_ID, S.OUTLET, S.TITLE, S.TEXT):
        corpus[column] = corpus[column].fillna("").astype(str)
    for column in S.CORPUS_COLUMNS:
        if corpus[column].isna().all() and column not in (*S.DATETIME_COLUMNS, S.PUBLISHED_UTC):
            corpus[column] = pd.Series([None] * len(corpus), index=corpus.index, dtype=object)
    return corpus.reset_index(drop=True)


def _utc(corpus: pd.DataFrame) -> pd.Series:
    """``published`` as UTC where the outlet's zone is known (NaT elsewhere)."""
    out = pd.Series(pd.NaT, index=corpus.index, dtype="datetime64[ns, UTC]")
    for zone, idx in corpus.groupby(S.TIMEZONE, dropna=True).groups.items():
        local = corpus.loc[idx, S.PUBLISHED]
        out.loc[idx] = local.dt.tz_localize(str(zone), ambiguous="NaT", nonexistent="NaT").dt.tz_convert(
            "UTC"
        )
    return out


def _flag_duplicates(corpus: pd.DataFrame, report: LoadReport, root: Path) -> None:
    """Mark articles whose body repeats an earlier one's (same words, white space aside): ``duplicate_of``."""
    first: dict[str, int] = {}
    ids = corpus[S.DOC_ID].tolist()
    sources = corpus[S.SOURCE_PATH].tolist()

    def where(i: int) -> str:
        source = sources[i]
        return _where(Path(source), root) if isinstance(source, str) and source else str(ids[i])

    duplicate_of: list[str | None] = []
    for i, text in enumerate(corpus[S.TEXT].tolist()):
        key = " ".join(text.split())
        if not key:
            duplicate_of.append(None)
            continue
        j = first.setdefault(key, i)
        if j == i:
            duplicate_of.append(None)
        else:
            duplicate_of.append(ids[j])
            report.warn(where(i), f"duplicate body: same text as {where(j)} (doc_id {ids[j]})")
    corpus[S.DUPLICATE_OF] = pd.Series(duplicate_of, index=corpus.index, dtype=object)
