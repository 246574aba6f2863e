"""``read_corpus``: a file or a folder of scraped pages (and tables) into a tidy corpus DataFrame."""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import numpy as np
import pandas as pd

from framing import schema as S
from framing.load import html as html_pages
from framing.load import tables
from framing.load.encoding import DecodeError, decode_page
from framing.load.language import detect_language
from framing.load.outlets import (
    PROFILE_FILE_NAME,
    OutletProfile,
    Profiles,
    add_outlet_facts,
    load_profiles,
    read_profiles,
)
from framing.load.pages import Page, page_lines, parse_lines, repeated_lines, split_title
from framing.load.report import LoadError, LoadReport, Problem
from framing.load.save import is_saved_corpus, read_saved_corpus
from framing.load.wires import credit_wires
from framing.provenance import framing_version

_P = ParamSpec("_P")
_R = TypeVar("_R")

PAGE_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = PAGE_SUFFIXES + HTML_SUFFIXES + tables.TABLE_SUFFIXES
PROGRESS_THRESHOLD = 200  # files; folders with more show a progress bar by default
MAX_PAGE_BYTES = 20_000_000  # default size limit of a page file (.txt, .html): see read_corpus
PARALLEL_THRESHOLD = 3000  # page files; larger loads are parsed on every idle core by default (workers=None)
_CHUNK = 100  # pages sent to a worker process at a time, at least


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
    found, other, _ = scan_files(root)
    return found, other


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def scan_files(root: Path) -> tuple[list[Path], list[Path], list[tuple[Path, str]]]:
    """(supported files, other files, not read) under ``root``, sorted, hidden files and folders left out.

    "Not read" are ``(path, reason)`` pairs: entries that are not regular files (named pipes, sockets,
    devices, links to nothing, links to folders, which are not followed) and folders that cannot be
    listed. Nothing is opened, so a named pipe cannot block the scan.
    """
    return _scan(root)[:3]


def _scan(root: Path) -> tuple[list[Path], list[Path], list[tuple[Path, str]], list[Path]]:
    """:func:`scan_files` and, fourth, the outlet profile files (``outlets.yaml``) met on the way (sorted;
    files, or links to files), so that one walk of the folder finds both."""
    not_read: list[tuple[Path, str]] = []
    try:
        mode = root.stat().st_mode
    except OSError as exc:
        return [], [], [(root, f"cannot be read: {exc.strerror or type(exc).__name__}")], []
    if not stat.S_ISDIR(mode):
        if not stat.S_ISREG(mode):
            return [], [], [(root, _kind(mode))], []
        if root.suffix.lower() in SUPPORTED_SUFFIXES:
            return [root], [], [], []
        return [], [root], [], []
    found: list[Path] = []
    other: list[Path] = []
    profile_files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        not_read.append((Path(exc.filename or root), f"folder cannot be listed: {exc.strerror or exc}"))

    for folder, dirs, entries in _walk(str(root), unreadable):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in dirs:
            if os.path.islink(here / d):  # False where lstat is refused: listed as a folder then
                not_read.append((here / d, "a link to a folder (links to folders are not followed)"))
        searchable: bool | None = None  # whether this folder lets its files be stat'ed (tried once)
        for name, plain_file in sorted(entries):
            path = here / name
            if name == PROFILE_FILE_NAME and os.path.isfile(path):
                profile_files.append(path)
            if name.startswith(".") or name == PROFILE_FILE_NAME:
                continue
            if plain_file and searchable is None:
                try:
                    os.stat(path)
                    searchable = True
                except OSError:
                    searchable = False
            if not (plain_file and searchable):  # a link, a special file, or a folder that refuses stat
                try:
                    mode = path.stat().st_mode
                except OSError as exc:
                    # A missing file may be a link to nothing; any other error may refuse lstat too.
                    broken = isinstance(exc, FileNotFoundError) and path.is_symlink()
                    reason = (
                        "a link to nothing (dangling symlink)"
                        if broken
                        else f"cannot be read: {exc.strerror}"
                    )
                    not_read.append((path, reason))
                    continue
                if not stat.S_ISREG(mode):
                    not_read.append((path, _kind(mode)))
                    continue
            (found if path.suffix.lower() in SUPPORTED_SUFFIXES else other).append(path)
    return sorted(found), sorted(other), sorted(not_read), sorted(profile_files)


def _walk(
    top: str, onerror: Callable[[OSError], None]
) -> Iterator[tuple[str, list[str], list[tuple[str, bool]]]]:
    """``os.walk(top, onerror=onerror, followlinks=False)`` (top down; the caller may prune ``dirs``), with
    each non-folder entry as ``(name, plain file)``: whether the folder listing itself says it is a regular
    file that is no link, so that it needs no ``stat`` call (the file type comes with the listing on most
    file systems)."""
    try:
        listing = os.scandir(top)
    except OSError as error:
        onerror(error)
        return
    dirs: list[str] = []
    entries: list[tuple[str, bool]] = []
    with listing:
        while True:
            try:
                entry = next(listing)
            except StopIteration:
                break
            except OSError as error:
                onerror(error)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
                continue
            try:
                plain = entry.is_file(follow_symlinks=False)
            except OSError:
                plain = False
            entries.append((entry.name, plain))
    yield top, dirs, entries
    for name in dirs:
        path = os.path.join(top, name)
        if not os.path.islink(path):
            yield from _walk(path, onerror)


def display_path(text: str) -> str:
    r"""``text`` printable as UTF-8: bytes of a file name that are not UTF-8 shown as ``\xNN``.

    >>> display_path("caf\udce9.txt")
    'caf\\xe9.txt'
    """
    if text.isascii():  # the usual name: nothing to escape
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _resolve_profiles(
    root: Path,
    profiles: str | Path | Profiles | None,
    report: LoadReport,
    *,
    strict: bool = False,
    in_folder: list[Path],
) -> Profiles:
    """The shipped profiles plus ``profiles``, or by default plus the ``outlets.yaml`` files found in the
    folder (``in_folder``, from :func:`_scan`) or beside the file."""
    known = load_profiles()
    if isinstance(profiles, Profiles):
        return known.merged(profiles)
    if profiles is not None:
        paths = [Path(profiles)]
        if not paths[0].is_file():
            raise FileNotFoundError(f"outlet profile file {str(profiles)!r} does not exist")
    elif root.is_dir():
        paths = in_folder
    else:
        paths = [p for p in [root.parent / PROFILE_FILE_NAME] if p.is_file()]
    for path in paths:
        report.profile_files.append(display_path(str(path)))
        if profiles is not None:  # the caller named this file: a bad one is an error
            known = known.merged(read_profiles(path))
            continue
        try:
            known = known.merged(read_profiles(path))
        except ValueError as exc:  # one found in the folder: load the pages without it, and say so
            message = f"outlet profiles not used: {display_path(str(exc))}"
            report.warn(_where(path, root) if root.is_dir() else display_path(str(path)), message)
            if strict:
                raise LoadError.at(display_path(str(path)), message) from exc
    return known


def _folder_outlet(path: Path, root: Path) -> str | None:
    """The first folder below ``root`` that holds ``path``: the outlet by the recommended layout."""
    if not root.is_dir():
        return None
    parts = path.relative_to(root).parts
    return display_path(parts[0]) if len(parts) > 1 else None


def _progress(items: list[Path], show: bool | None, desc: str) -> Iterable[Path]:
    if show is False or (show is None and len(items) < PROGRESS_THRESHOLD):
        return items
    from tqdm import tqdm

    bar: Iterable[Path] = tqdm(items, desc=desc, unit="file")
    return bar


def _collector_paused(load: Callable[_P, _R]) -> Callable[_P, _R]:
    """``load`` run with Python's cyclic garbage collector paused (and then as it was before).

    A load makes many objects that live to its end and hardly any reference cycles, so collecting
    finds nothing, while each pass over the oldest generation walks every object of the process: 3-10%
    of the CPU time of a first load of the 3,000 pages of ``benchmarks/bench_load.py`` was spent in the
    collector (timed with ``gc.callbacks``), more in a notebook holding large tables. Reference counting
    still frees what the load drops.
    """

    @functools.wraps(load)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return load(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_collector_paused
def read_corpus(
    path: str | Path,
    *,
    outlet: str | None = None,
    strict: bool = False,
    profiles: str | Path | Profiles | None = None,
    columns: Mapping[str, str] | None = None,
    progress: bool | None = None,
    workers: int | None = None,
    max_page_bytes: int | None = MAX_PAGE_BYTES,
) -> pd.DataFrame:
    """Load scraped news pages into a corpus: one row per article, the columns of ``framing.schema``.

    ``path`` is a file or a folder (read recursively; hidden files are left out). Page text files
    (``.txt``) are parsed into headline, dates, dateline, wire, caption and body; saved HTML pages go
    through trafilatura (offline) and then the same parser; tables (``.csv``, ``.tsv``, ``.jsonl``,
    ``.parquet``) are read with ``columns``, a mapping from their column names to the corpus's. A
    ``.parquet`` corpus written by ``framing load`` or ``framing report`` is read back unchanged
    (:func:`~framing.load.save.read_saved_corpus`; ``outlet`` still replaces the outlet column) unless
    ``columns`` is given.

    - ``outlet``: the outlet id for every article (otherwise: the outlet profile whose site name the
      page title gives, else the first folder below ``path``, else — for pages directly in ``path`` — the
      site name in the title when it repeats across those pages (or the file is alone), else
      ``unknown``; the ``outlet_source`` column says which, and the load report lists articles whose
      outlet came from the page rather than their folder).
    - ``profiles``: an outlet profile YAML file (or :class:`~framing.load.outlets.Profiles`) added to the
      shipped ones; by default every ``outlets.yaml`` in the folder (or beside the file) is added.
    - ``strict``: raise :class:`~framing.load.report.LoadError` on the first file (or table row) that
      is skipped or has a problem (no title, no date, empty body, a fallback encoding), with the file
      (and row) in the message and in its ``file`` and ``row`` attributes. Without ``strict``, no
      exception escapes because of one bad file or row: it is skipped with a reason that names it.
    - ``progress``: show a progress bar (default: for 200 files or more).
    - ``workers``: processes that parse the pages (this one among them). Default: one below 3,000 page
      files; from 3,000 on, every idle core (:func:`default_workers`: the cores less the load average),
      since an extra process only pays off on a core nothing else uses (``benchmarks/bench_load.py``
      prints one process against two). The corpus and the load report are the same whatever the number.
    - ``max_page_bytes``: page files (``.txt``, ``.html``) larger than this are skipped with a reason
      naming the file and the limit (default 20 MB, :data:`MAX_PAGE_BYTES`; ``None``: no limit). A page
      needs about 45 times its size in memory while it is parsed (measured in
      ``benchmarks/bench_load_memory.py``), so the default keeps one page under about 1 GB.

    Entries that are not regular files (named pipes, sockets, links to nothing) and folders that cannot
    be listed are listed in ``report.not_read``; page files that are not UTF-8 or UTF-16 are read as
    Windows-1256 or Windows-1252 with a warning naming the encoding; file names that are not valid UTF-8
    are shown with ``\\xNN`` escapes (in ``source_path`` too) and warned about.
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
    if not root.exists() and not root.is_symlink():
        raise FileNotFoundError(f"corpus path {display_path(str(root))!r} does not exist")
    if is_saved_corpus(root) and columns is None:  # framing's own: read back as saved
        saved = read_saved_corpus(root)
        if outlet is not None:
            saved[S.OUTLET] = outlet
        return saved
    report = LoadReport(root=display_path(str(root)))
    found, other, not_read, profile_files = _scan(root)  # one walk finds the pages and the profiles
    known = _resolve_profiles(root, profiles, report, strict=strict, in_folder=profile_files)
    report.ignored = [_where(p, root) for p in other]
    report.not_read = [Problem(_where(p, root), reason) for p, reason in not_read]
    if strict and not_read:
        raise LoadError.at(report.not_read[0].where, report.not_read[0].message)
    if not found:
        report.warn(report.root, f"no files of a supported kind ({', '.join(SUPPORTED_SUFFIXES)})")
        if strict:
            raise LoadError.at(report.root, f"no files of a supported kind ({', '.join(SUPPORTED_SUFFIXES)})")

    def problem(where: str, message: str, *, skip: bool) -> None:
        (report.skip if skip else report.warn)(where, message)
        if strict:
            raise LoadError.at(where, message)

    rows: list[dict[str, Any]] = []
    pages: list[_PageFile] = []
    in_folder = root.is_dir()
    seen_ids: dict[str, str] = {}
    for file in _progress(found, progress, "reading"):
        relative = _relative(file, root)
        where = display_path(relative)
        if where != relative:
            problem(where, "the file name is not valid UTF-8 (shown with \\x escapes)", skip=False)
        counted = report.records_seen
        try:
            if file.suffix.lower() in tables.TABLE_SUFFIXES:
                table_rows = tables.read_table(
                    file,
                    where=where,
                    columns=columns,
                    outlet=outlet,
                    report=report,
                    problem=lambda w, m: problem(w, m, skip=True),
                    warn=lambda w, m: problem(w, m, skip=False),
                    doc_id=doc_id_for,
                    folder_outlet=_folder_outlet(file, root),
                )
                for row in table_rows:
                    row[S.SOURCE_PATH] = display_path(str(file))
                    if row[S.DOC_ID] in seen_ids:
                        problem(
                            where,
                            f"duplicate of {seen_ids[row[S.DOC_ID]]} (doc_id {row[S.DOC_ID]})",
                            skip=True,
                        )
                        continue
                    seen_ids[row[S.DOC_ID]] = where
                    rows.append(row)
                continue
            read = _read_page(file, where, in_folder, known, max_page_bytes, report, problem)
        except LoadError:
            raise
        except Exception as exc:  # one bad file never stops the load: skip it, say why
            report.records_seen = counted
            report.seen(where)
            problem(where, f"cannot read the file: {type(exc).__name__}: {exc}", skip=True)
            continue
        if read is None:
            continue
        if read.doc_id in seen_ids:
            problem(where, f"duplicate of {seen_ids[read.doc_id]} (same page text)", skip=True)
            continue
        seen_ids[read.doc_id] = where
        pages.append(read)

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
        try:
            if isinstance(page, str):  # the parser raised on this page
                raise _ParseFailed(page)
            row = _page_row(page, page_file, root, outlet, known, site_counts=site_counts, alone=alone)
        except Exception as exc:  # a page the parser cannot take: skip it, say why
            reason = str(exc) if isinstance(exc, _ParseFailed) else f"{type(exc).__name__}: {exc}"
            problem(page_file.where, f"cannot parse the page: {reason}", skip=True)
            continue
        for message in page.warnings:
            problem(page_file.where, message, skip=False)
        report.languages[row[S.LANGUAGE]] += 1
        if page_file.folder is not None and row[S.OUTLET] != page_file.folder:
            report.outlet_from_page.append(f"{page_file.where}: {row[S.OUTLET]} (folder {page_file.folder})")
        rows.append(row)

    corpus = add_outlet_facts(_frame(rows), known)  # the outlets' facts as columns (outlets.yaml)
    _check_zones(corpus, report, root)
    report.loaded = len(corpus)
    _flag_duplicates(corpus, report, root)
    report.seconds = time.perf_counter() - started
    corpus.attrs["load_report"] = report
    corpus.attrs["provenance"] = {"framing_version": framing_version(), "source": str(root)}
    return corpus


def _read_page(
    file: Path,
    where: str,
    in_folder: bool,
    known: Profiles,
    max_page_bytes: int | None,
    report: LoadReport,
    problem: Callable[..., None],
) -> _PageFile | None:
    """A page file read and decoded, or None when it is skipped (the reason is in the report)."""
    report.seen(where)
    data = _file_bytes(file, where, max_page_bytes, problem)
    if data is None:
        return None
    if not data.strip():
        problem(where, "empty file", skip=True)
        return None
    try:
        decoded = decode_page(data)
    except DecodeError as exc:
        problem(where, f"cannot decode: {exc}", skip=True)
        return None
    text = decoded.text
    if file.suffix.lower() in HTML_SUFFIXES:
        text = html_pages.page_text(text)
        if not text.strip():
            problem(where, "no text found in the HTML page", skip=True)
            return None
    if not text.strip():
        problem(where, "no text (only white space)", skip=True)
        return None
    if decoded.fallback:
        problem(where, f"not UTF-8: decoded as {decoded.encoding} (a guess: check the text)", skip=False)
    report.encodings[decoded.encoding] += 1
    lines = page_lines(text)
    split = split_title(lines[0], known)
    _, site, profile = split
    folder = where.split(os.sep, 1)[0] if in_folder and os.sep in where else None  # the outlet folder
    group = profile.id if profile else (folder or site or "")
    outlet_id = profile.id if profile else None
    # Plain UTF-8 without carriage returns: the file's bytes are the text's, as doc_id_for encodes them.
    plain = decoded.encoding == "utf-8" and text is decoded.text and b"\r" not in data
    doc_id = hashlib.sha1(data).hexdigest()[:16] if plain else doc_id_for(text)
    return _PageFile(file, where, text, doc_id, lines, group, outlet_id, site, folder, split)


def _file_bytes(
    file: Path, where: str, max_page_bytes: int | None, problem: Callable[..., None]
) -> bytes | None:
    """The bytes of a page file, or None when it is over ``max_page_bytes`` (the reason is reported).

    One ``open``, ``fstat`` and ``read`` (``Path.stat`` and ``Path.read_bytes`` cost twice as much); a file
    that cannot be opened so goes the way of ``Path.stat`` and ``Path.read_bytes``, which raise the error."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None if _over_limit(file.stat().st_size, where, max_page_bytes, problem) else file.read_bytes()
    try:
        size = os.fstat(fd).st_size
        if _over_limit(size, where, max_page_bytes, problem):
            return None
        chunks = []
        want = size + 1  # one byte more than its size: a file that grew is read to its end as well
        while chunk := os.read(fd, want):
            chunks.append(chunk)
            want = 1 << 16
        return b"".join(chunks)
    finally:
        os.close(fd)


def _over_limit(size: int, where: str, max_page_bytes: int | None, problem: Callable[..., None]) -> bool:
    """Whether a page file of ``size`` bytes is over ``max_page_bytes`` (then the skip is reported)."""
    if max_page_bytes is None or size <= max_page_bytes:
        return False
    problem(
        where,
        f"page file of {size:,} bytes is over the limit of {max_page_bytes:,} bytes "
        "(read_corpus(..., max_page_bytes=...) raises it)",
        skip=True,
    )
    return True


def _where(path: Path | str, root: Path) -> str:
    return display_path(_relative(path, root))


def _relative(path: Path | str, root: Path) -> str:
    """``path`` relative to ``root`` (``root`` itself when they are the same), as a string.

    >>> _relative(Path("corpus/outlet/a.txt"), Path("corpus")) == str(Path("outlet/a.txt"))
    True
    >>> _relative("corpus", Path("corpus"))
    'corpus'
    """
    text, base = str(path), str(root)
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep and not base.endswith(os.sep):
        return text[len(base) + 1 :]  # the common case, without building paths (pathlib is slow)
    path = Path(path)
    return str(path if path == root else path.relative_to(root))


class _ParseFailed(Exception):
    """The parser raised on a page: the message is its exception, as ``Type: message``."""


def _parse_one(
    lines: list[str],
    known: Profiles,
    repeated: frozenset[str],
    keys: dict[str, str],
    title_split: tuple[str, str | None, OutletProfile | None] | None = None,
) -> Page | str:
    """The parsed page, or ``"Type: message"`` when the parser raises (the page is then skipped)."""
    try:
        return parse_lines(lines, profiles=known, repeated=repeated, key_cache=keys, title_split=title_split)
    except Exception as exc:  # PatternTimeout, or a page no rule foresaw: one page, not the load
        return f"{type(exc).__name__}: {exc}"


def default_workers(pages: int) -> int:
    """How many processes parse ``pages`` pages by default: one below :data:`PARALLEL_THRESHOLD`; above
    it every idle core (the cores less the load average, counting this process's own core), one when
    the machine is busy: an extra process on a busy core only adds its start and the copying of results.

    >>> default_workers(10)
    1
    """
    if pages < PARALLEL_THRESHOLD:
        return 1
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this system: count every core as idle
        busy = 0.0
    return max(1, min(cores, round(cores - busy) + 1))


# What a worker process parses: the pages' lines and groups, the outlet profiles, each site's repeated
# lines and the line keys computed so far, handed over once when the pool starts (inherited, not copied,
# where processes fork); each task is then a range of pages. Set only inside worker processes.
_WORKER: dict[str, Any] = {}


def _start_worker(
    lines: list[list[str]],
    groups: list[str],
    known: Profiles,
    repeated: dict[str, frozenset[str]],
    keys: dict[str, str],
) -> None:
    _WORKER.update(lines=lines, groups=groups, known=known, repeated=repeated, keys=keys)


def _parse_range(start: int, stop: int) -> list[Page | str]:
    """Parse pages ``start`` to ``stop`` (in a worker process)."""
    lines, groups, known = _WORKER["lines"], _WORKER["groups"], _WORKER["known"]
    repeated, keys = _WORKER["repeated"], _WORKER["keys"]
    return [_parse_one(lines[i], known, repeated[groups[i]], keys) for i in range(start, stop)]


def _parse_pages(
    pages: list[_PageFile],
    known: Profiles,
    repeated: dict[str, frozenset[str]],
    keys: dict[str, str],
    *,
    workers: int | None,
) -> list[Page | str]:
    """Every page parsed, in order: in this process, or in ``workers`` processes for large loads (this
    one parsing its share); a page the parser raised on is ``"Type: message"`` (a range whose worker
    died is parsed here again)."""
    if workers is None:
        workers = default_workers(len(pages))
    if workers < 1:
        raise ValueError(f"workers must be 1 or more (or None for automatic), got {workers!r}")

    def here(start: int, stop: int) -> list[Page | str]:
        return [_parse_one(p.lines, known, repeated[p.group], keys, p.title_split) for p in pages[start:stop]]

    if workers == 1 or len(pages) <= _CHUNK:
        return here(0, len(pages))
    size = max(_CHUNK, -(-len(pages) // (4 * workers)))  # about four ranges per process
    ranges = [(i, min(i + size, len(pages))) for i in range(0, len(pages), size)]
    own = len(ranges) // workers  # this process parses its share while the workers parse theirs
    handed = ([p.lines for p in pages], [p.group for p in pages], known, repeated, keys)
    out: list[Page | str] = []
    gc.freeze()  # forked workers then leave this process's objects alone (no copy-on-write of its heap)
    try:
        with ProcessPoolExecutor(
            max_workers=min(workers - 1, len(ranges) - own), initializer=_start_worker, initargs=handed
        ) as pool:
            futures = [pool.submit(_parse_range, *r) for r in ranges[own:]]
            for r in ranges[:own]:
                out += here(*r)
            for r, future in zip(ranges[own:], futures, strict=True):
                try:
                    out += future.result()
                except Exception:  # the worker died (out of memory, killed): parse the range here
                    out += here(*r)
    finally:
        gc.unfreeze()
    return out


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
        S.SOURCE_PATH: display_path(str(page_file.path)),
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
        corpus[column] = _datetimes(corpus[column])
    corpus[S.PUBLISHED_UTC] = _utc(corpus)
    for column in (S.DOC_ID, S.OUTLET, S.TITLE, S.TEXT):
        corpus[column] = corpus[column].fillna("").astype(str)
    for column in S.CORPUS_COLUMNS:
        if corpus[column].isna().all() and column not in (*S.DATETIME_COLUMNS, S.PUBLISHED_UTC):
            corpus[column] = pd.Series([None] * len(corpus), index=corpus.index, dtype=object)
    return corpus.reset_index(drop=True)


def _datetimes(values: pd.Series) -> pd.Series:
    """A column of naive ``datetime64[ns]``: values that are no timestamp, or lie outside the years
    1677-2262, are NaT (table cells were checked, with warnings, in :mod:`framing.load.tables`)."""

    if values.dtype.kind == "M" and getattr(values.dtype, "tz", None) is None:
        present = values.dropna()  # pandas read every value as a naive timestamp (the parsed pages' dates)
        if present.empty or (present.min() >= pd.Timestamp.min and present.max() <= pd.Timestamp.max):
            return values.astype("datetime64[ns]")

    def one(value: Any) -> Any:
        if tables._missing(value):
            return pd.NaT
        try:
            stamp = pd.Timestamp(value)
        except (TypeError, ValueError, OverflowError):
            return pd.NaT
        stamp = tables._naive(stamp)
        return stamp if tables._in_range(stamp) else pd.NaT

    return pd.Series([one(v) for v in values], index=values.index, dtype="datetime64[ns]")


def _known_zone(zone: Any) -> bool:
    try:
        pd.Timestamp("2016-07-15").tz_localize(str(zone))
    except Exception:  # ValueError, IndexError, ZoneInfoNotFoundError ... depending on the name
        return False
    return bool(str(zone).strip())


def _where_of(corpus: pd.DataFrame, i: int, root: Path) -> str:
    source = corpus.at[i, S.SOURCE_PATH]
    return _where(source, root) if isinstance(source, str) and source else str(corpus.at[i, S.DOC_ID])


def _check_zones(corpus: pd.DataFrame, report: LoadReport, root: Path) -> None:
    """Warn once per time zone name that is not a zone (``published_utc`` is NaT for its articles)."""
    for zone, idx in corpus.groupby(S.TIMEZONE, dropna=True).groups.items():
        if not _known_zone(zone):
            report.warn(
                _where_of(corpus, int(idx[0]), root),
                f"unknown time zone {zone!r} for {len(idx)} article(s) (use an IANA name such as "
                "'Africa/Cairo'): published_utc left empty",
            )


def _utc(corpus: pd.DataFrame) -> pd.Series:
    """``published`` as UTC where the outlet's zone is known (NaT elsewhere).

    Each zone's rows are converted together and written into one array of UTC wall-clock times by
    position (writing each zone's Series into the column by label cost ten times as much).
    """
    values = np.full(len(corpus), np.datetime64("NaT"), dtype="datetime64[ns]")
    codes, zones = pd.factorize(corpus[S.TIMEZONE])  # each zone named once; -1 where there is none
    published = corpus[S.PUBLISHED]
    for code, zone in enumerate(zones):
        if not _known_zone(zone):
            continue
        rows = codes == code
        local = published[rows].dt.tz_localize(str(zone), ambiguous="NaT", nonexistent="NaT")
        values[rows] = local.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    return pd.Series(values, index=corpus.index).dt.tz_localize("UTC")


def _flag_duplicates(corpus: pd.DataFrame, report: LoadReport, root: Path) -> None:
    """Mark articles whose body repeats an earlier one's (same words, white space aside): ``duplicate_of``."""
    first: dict[str, int] = {}
    ids = corpus[S.DOC_ID].tolist()
    sources = corpus[S.SOURCE_PATH].tolist()

    def where(i: int) -> str:
        source = sources[i]
        return _where(source, root) if isinstance(source, str) and source else str(ids[i])

    texts = corpus[S.TEXT].tolist()
    # Bodies are compared word by word only where their first and last five words (which white space
    # does not change) are those of another body: most bodies are alone in their group, hence no duplicate.
    ends = list(map(_end_words, texts))
    shared = Counter(ends)
    duplicate_of: list[str | None] = []
    for i, text in enumerate(texts):
        if shared[ends[i]] < 2:
            duplicate_of.append(None)
            continue
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


_END_WORDS = 5  # words at each end of a body that group bodies before they are compared whole


def _end_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first and the last :data:`_END_WORDS` words of ``text`` (they overlap in a short text): the
    same for bodies that differ only in white space, and seldom the same otherwise (bodies that share
    their first and last word are common; their first and last five, rare).

    >>> _end_words(" كيري  في\\n\\nموسكو "), _end_words("  ")
    ((('كيري', 'في', 'موسكو'), ('كيري', 'في', 'موسكو')), ((), ()))
    """
    # Read in the first and last 300 characters when they hold more than five words (each of the five
    # is then whole): splitting the whole text would copy it.
    head = text[:300].split(None, _END_WORDS)
    if len(head) <= _END_WORDS:
        head = text.split(None, _END_WORDS)
    tail = text[-300:].rsplit(None, _END_WORDS)
    if len(tail) <= _END_WORDS:
        tail = text.rsplit(None, _END_WORDS)
    return tuple(head[:_END_WORDS]), tuple(tail[-_END_WORDS:])
