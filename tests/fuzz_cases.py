"""Generated inputs for the fuzz targets (``tests/test_fuzz.py``, ``benchmarks/fuzz_load.py``).

Every generator takes a ``random.Random`` so that the hypothesis tests (``st.randoms()``) and the long
script share the same cases. The texts are constructed here (fictional outlets, no real article), in the
forms real pages take: a title line with a site name, dates, datelines, body paragraphs.

Each ``write_*`` function also returns what it expects, so that a check can tell an escape (an
exception out of the function under test) from a mangled file (a text file loaded with another text,
or a binary file loaded as text) and from a file lost silently (neither loaded, skipped nor listed).
"""

from __future__ import annotations

import json
import math
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing.load.corpus import doc_id_for

ARABIC_LINES = [
    "اتفاق على هدنة في ريف المدينة - شبكة الوادي",
    "شبكة الوادي",
    "الأكثر قراءة",
    "نشر في: الاثنين 11 يوليه 2016 - 6:45 م",
    "الخميس ١٤ تموز ٢٠١٦",
    "بيروت - أ ف ب",
    "قال المتحدث باسم الحكومة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",
    "وأضاف أن اللجنة المشتركة ستجتمع لبحث آلية مراقبة وقف إطلاق النار في المحافظة.",
    "وأشارت مصادر محلية إلى أن الأهالي عادوا إلى منازلهم بعد أيام من النزوح.",
    "كتب: مراسل الشبكة",
    "المصدر: وكالات",
    "اقرأ أيضا: تفاصيل الاجتماع",
    "جميع الحقوق محفوظة",
    "CNN",
    "2016-07-11T09:30:00+03:00",
]
LATIN_LINES = [
    "Die Straße vor dem Rathaus blieb gesperrt - Der Bote",
    "Le ministre a annoncé une réforme très attendue.",
    "El año pasado, la compañía ganó más dinero.",
    "Københavns borgmester så ingen grund til at ændre planen.",
    "15 juillet 2016",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "cp1252"]
WEIRD_STRINGS = [
    "",
    " ",
    "nan",
    "NaN",
    "None",
    "null",
    "0",
    "-1",
    "9999-12-31",
    "0001-01-01",
    "1000000-01-01",
    "2016-07-15 25:61",
    "32/13/2016",
    "الجمعة 15 تموز 2016",
    "١٥-٠٧-٢٠١٦",
    "Africa/Cairo",
    "Mars/Olympus",
    "UTC",
    "+03:00",
    "\x00",
    "\ufeff",
    "\u200f",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "كيري\ud83d",
    "🙂",
    "<b>bold</b>",
    "re:(a+)+$",
]


def weird_value(rng: random.Random) -> Any:
    """A table cell or YAML value of any kind a careless export makes."""
    kind = rng.randrange(12)
    if kind == 0:
        return None
    if kind == 1:
        return float("nan")
    if kind == 2:
        return rng.choice([0, 1, -1, 2**63 - 1, 10**20, 1468500000, 1468500000000])
    if kind == 3:
        return rng.choice([0.5, -0.0, math.inf, -math.inf, 1e308])
    if kind == 4:
        return rng.choice([True, False])
    if kind == 5:
        return [rng.choice(WEIRD_STRINGS) for _ in range(rng.randrange(3))]
    if kind == 6:
        return {"a": rng.choice(WEIRD_STRINGS)}
    if kind == 7:
        return "".join(chr(rng.randrange(0x20, 0x7FF)) for _ in range(rng.randrange(12)))
    if kind == 8:
        return rng.choice(ARABIC_LINES)
    return rng.choice(WEIRD_STRINGS)


def page_text(rng: random.Random, *, latin: bool = False) -> str:
    lines = LATIN_LINES if latin else ARABIC_LINES
    count = rng.choice([1, 2, 3, 6, 12, 25])
    return rng.choice(["\n", "\r\n", "\n\n"]).join(rng.choice(lines) for _ in range(count))


def encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "strict")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class Folder:
    """What was written: files whose text must load unchanged (when loaded), files that must not load
    as text, and every entry that must appear in the load report (loaded, skipped or not read)."""

    texts: dict[str, str] = field(default_factory=dict)  # where -> original text (.txt, unmutated)
    binary: set[str] = field(default_factory=set)  # where -> must be skipped
    entries: set[str] = field(default_factory=set)  # every supported or special entry, by where
    records: int = 0  # page files and table rows written


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_page(folder: Path, name: str, rng: random.Random, out: Folder, *, html: float = 0.1) -> None:
    """One ``.txt`` page: clean text in some encoding, damaged bytes, binary, or nearly empty; an HTML
    page with probability ``html``."""
    kind = 8 if rng.random() < html else rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 9])
    out.entries.add(name)
    out.records += 1
    if kind <= 4:
        latin = kind == 4
        text = page_text(rng, latin=latin)
        encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1252"] if latin else ENCODINGS)
        if not encodable(text, encoding):
            encoding = "utf-8"
        _write(folder, name, text.encode(encoding))
        out.texts[name] = text
    elif kind == 5:  # damaged: some bytes replaced, inserted or cut
        data = bytearray(page_text(rng).encode(rng.choice(ENCODINGS[:4])))
        for _ in range(rng.randrange(1, 6)):
            if data:
                at = rng.randrange(len(data))
                data[at : at + rng.randrange(3)] = bytes(rng.randrange(256) for _ in range(rng.randrange(3)))
        _write(folder, name, bytes(data))
    elif kind == 6:  # binary: random bytes, some with NUL, some without
        size = rng.choice([64, 300, 2000, 5000])
        data = rng.randbytes(size)
        if rng.random() < 0.5:
            data = data.replace(b"\x00", b"")
        _write(folder, name, data)
        out.binary.add(name)
    elif kind == 7:
        _write(folder, name, rng.choice([b"", b" \n\t", b"\xef\xbb\xbf", b"\xff\xfe", b"\n" * 50]))
    elif kind == 8:  # a page wrapped in HTML, under a .html name
        out.entries.discard(name)
        html_name = name[:-4] + ".html"
        out.entries.add(html_name)
        body = "".join(f"<p>{line}</p>" for line in page_text(rng).splitlines())
        _write(
            folder, html_name, f"<html><head><title>عنوان</title></head><body>{body}</body></html>".encode()
        )
    else:  # text made of arbitrary code points (surrogates excluded: they cannot be encoded)
        chars = [
            chr(rng.choice([rng.randrange(1, 0x800), rng.randrange(0xE000, 0x110000)])) for _ in range(80)
        ]
        _write(folder, name, "".join(chars).encode("utf-8"))


def write_table(folder: Path, name: str, rng: random.Random, out: Folder, *, max_rows: int = 6) -> int:
    """A ``.csv``, ``.jsonl`` or ``.parquet`` table with odd cells, or a damaged one; returns its rows."""
    n = rng.randrange(0, max_rows)
    rows = []
    for i in range(n):
        row: dict[str, Any] = {}
        for column in ("doc_id", "title", "text", "outlet", "published", "scraped_at", "timezone", "extra"):
            if rng.random() < 0.8:
                row[column] = weird_value(rng) if rng.random() < 0.5 else _good(column, i, rng)
        rows.append(row)
    suffix = rng.choice([".csv", ".jsonl", ".parquet"])
    path_name = name[:-4] + suffix
    out.entries.add(path_name)
    out.records += max(n, 1)
    if suffix == ".jsonl":
        lines = [json.dumps(r, ensure_ascii=rng.random() < 0.5, default=str) for r in rows]
        if rng.random() < 0.2 and lines:
            lines[rng.randrange(len(lines))] = rng.choice(["{", "[1, 2]", "5", '{"text": "\\ud800"}', ""])
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
    elif suffix == ".csv":
        frame = pd.DataFrame(rows, dtype=object)
        csv = frame.to_csv(index=False)
        encoding = rng.choice(["utf-8", "cp1256"])
        data = csv.encode(encoding if encodable(csv, encoding) else "utf-8", "surrogatepass")
    else:
        try:
            frame = pd.DataFrame([{k: _plain(v) for k, v in r.items()} for r in rows])
            target = folder / path_name
            target.parent.mkdir(parents=True, exist_ok=True)
            frame.to_parquet(target)
            data = target.read_bytes()
        except Exception:  # pyarrow refuses some mixed columns: write the damaged kind instead
            data = b"PAR1" + rng.randbytes(200)
    if rng.random() < 0.15 and data:  # damaged: cut short or bytes flipped
        data = data[: rng.randrange(len(data))] if rng.random() < 0.5 else _flip(data, rng)
    _write(folder, path_name, data)
    return n


def _flip(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(5):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _plain(value: Any) -> Any:
    """Values pyarrow can write in a mixed column: strings for containers."""
    return json.dumps(value, default=str) if isinstance(value, list | dict) else value


def _good(column: str, i: int, rng: random.Random) -> Any:
    return {
        "doc_id": f"id{i}",
        "title": rng.choice(ARABIC_LINES[:1] + LATIN_LINES[:1]),
        "text": page_text(rng),
        "outlet": rng.choice(["wadi", "bote"]),
        "published": rng.choice(["2016-07-15", "الجمعة 15 تموز 2016", "2016-07-15T10:00:00+03:00"]),
        "scraped_at": "2021-03-01",
        "timezone": rng.choice(["Africa/Cairo", "Asia/Beirut"]),
        "extra": "x",
    }[column]


def outlets_yaml(rng: random.Random) -> str:
    """An ``outlets.yaml`` with fields of right and wrong kinds (YAML text)."""
    import yaml

    data: dict[Any, Any] = {}
    for i in range(rng.randrange(0, 3)):
        spec: dict[Any, Any] = {}
        for key in rng.sample(
            [
                "name",
                "name_ar",
                "country",
                "language",
                "timezone",
                "site_names",
                "chrome",
                "end_markers",
                "header_date",
                "owner",
                "nmae",
                3,
                True,
            ],
            rng.randrange(0, 6),
        ):
            spec[key] = weird_value(rng) if rng.random() < 0.5 else _good_field(key, rng)
        data[rng.choice([f"outlet{i}", i, True, None, "", f"o{i}"])] = (
            spec if rng.random() < 0.9 else weird_value(rng)
        )
    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        text = "x: [\n"
    if rng.random() < 0.1:
        text = rng.choice(
            ["a: &a [*a]\n", "- 1\n- 2\n", "x: \x07\n", "{{", "a: !!python/object:os.system x\n"]
        )
    return text


def _good_field(key: Any, rng: random.Random) -> Any:
    return {
        "name": "Wadi Network",
        "name_ar": "شبكة الوادي",
        "country": "LB",
        "language": "ar",
        "timezone": rng.choice(["Asia/Beirut", "Africa/Cairo"]),
        "site_names": ["شبكة الوادي", "Wadi"],
        "chrome": rng.choice(
            [["الأكثر قراءة"], ["re:^اقرا"], ["re:(a|aa)+$"], ["re:^(\\w+\\s?)+$"], ["re:("]]
        ),
        "end_markers": ["جميع الحقوق محفوظة"],
        "header_date": rng.choice(["scraped", "published", "maybe"]),
        "owner": "fictional",
    }.get(key, "x")


def write_folder(
    folder: Path, rng: random.Random, *, files: int = 8, special: bool = True, html: float = 0.1
) -> Folder:
    """A folder of ``files`` generated files (pages, tables, an outlets.yaml, special entries); a page is
    HTML with probability ``html`` (the first HTML page of a process costs seconds: htmldate warms up)."""
    out = Folder()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        sub = rng.choice(["", "wadi/", "bote/"])
        name = f"{sub}f{i}.txt"
        if rng.random() < 0.25:
            write_table(folder, name, rng, out)
        else:
            write_page(folder, name, rng, out, html=html)
    if rng.random() < 0.3:
        _write(
            folder,
            rng.choice(["outlets.yaml", "wadi/outlets.yaml"]),
            outlets_yaml(rng).encode("utf-8", "surrogatepass"),
        )
    if special and rng.random() < 0.3:
        kind = rng.randrange(4)
        if kind == 0:
            os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
            out.entries.add("dangling.txt")
        elif kind == 1 and hasattr(os, "mkfifo"):
            os.mkfifo(folder / "pipe.txt")
            out.entries.add("pipe.txt")
        elif kind == 2:
            raw = os.fsencode(folder) + b"/caf\xe9.txt"
            with open(raw, "wb") as handle:
                handle.write("مقال".encode())
            out.entries.add("caf\\xe9.txt")
            out.records += 1
        else:
            (folder / "real").mkdir(exist_ok=True)
            os.symlink(folder / "real", folder / "linked")
            out.entries.add("linked")
    return out


def doc_ids(folder: Folder) -> dict[str, str]:
    """The doc_id each clean text file must load with."""
    return {where: doc_id_for(text) for where, text in folder.texts.items()}


@dataclass
class Outcome:
    """What one fuzz input did: an escaped exception, mangled files, files lost silently."""

    escape: str | None = None
    mangled: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def check_folder(root: Path, written: Folder) -> Outcome:
    """Load ``root`` with ``read_corpus(strict=False)`` and hold it to ``written``."""
    from framing.load import read_corpus
    from framing.load.corpus import display_path

    try:
        corpus = read_corpus(root, progress=False)
    except Exception as exc:  # the point of the fuzz: nothing may escape
        return Outcome(escape=f"{type(exc).__name__}: {exc}")
    report = corpus.attrs["load_report"]
    out = Outcome()
    if not report.balanced:
        out.escape = (
            f"unbalanced report: {report.records_seen} seen, {report.loaded} loaded, "
            f"{len(report.skipped)} skipped"
        )
    prefix = display_path(str(root)) + "/"
    loaded: dict[str, set[str]] = {}
    for source, doc_id in zip(corpus["source_path"], corpus["doc_id"], strict=True):
        where = str(source)[len(prefix) :] if str(source).startswith(prefix) else str(source)
        loaded.setdefault(where, set()).add(str(doc_id))
    named = set(loaded)
    named |= {p.where.rsplit(":row ", 1)[0] for p in [*report.skipped, *report.not_read]}
    out.lost = sorted(written.entries - named)
    ids = doc_ids(written)
    for where, doc_ids_loaded in loaded.items():
        if where in written.binary or (where in ids and ids[where] not in doc_ids_loaded):
            out.mangled.append(where)
    return out


# ------------------------------------------------------------------------------------------- lexicons

LEXICON_PIECES = [
    "إرهاب*", "=داعش", "جبهة النصرة", "النظام السوري", "الأسد", "اتفاق*", "محادثات", "في",
    "*", "=", "إره*اب", "= *", "ـــ", "\u064e\u0651", "ISIS", "١٤", "a", "re:(a+)+", "", " ", "\t", "'", '"',
    "&a", "*a", "!!str", "@x", "`", "%", "\x07", "\ufeff", "\u200f", "- ", ": ", "{", "}", "[", "]", ",", "#",
    "|", ">",
]  # fmt: skip
KEY_PIECES = [
    "terror", "regime", "talks", "name", "version", "frames", "id", "entries", "pattern", "stance", "frame",
    "label_ar", "description", "true", "1", "~", "<<", "x y", "Terror", "تصنيف", "",
]  # fmt: skip
GOOD_ENTRIES = LEXICON_PIECES[:7]


def _entry(rng: random.Random) -> str:
    return rng.choice(GOOD_ENTRIES) if rng.random() < 0.9 else rng.choice(LEXICON_PIECES)


def lexicon_yaml(rng: random.Random) -> str:
    """Text that is mostly a lexicon YAML (framing or quanteda layout), with damage of every kind."""
    lines: list[str] = []
    if rng.random() < 0.4:
        lines += ["name: fuzz", f"version: {rng.choice(['1', '1.10', 'yes', '[1]', ''])}", "frames:"]
        for _ in range(rng.randrange(0, 4)):
            lines.append(
                f"  - id: {rng.choice(KEY_PIECES[:3]) if rng.random() < 0.8 else rng.choice(KEY_PIECES)}"
            )
            if rng.random() < 0.3:
                lines.append(f"    {rng.choice(KEY_PIECES)}: {_entry(rng)}")
            lines.append("    entries:")
            for _ in range(rng.randrange(0, 5)):
                entry = _entry(rng)
                if rng.random() < 0.2:
                    entry = f"{{pattern: {entry}, {rng.choice(KEY_PIECES)}: {rng.choice(LEXICON_PIECES)}}}"
                lines.append(f"      - {entry}")
    else:
        for _ in range(rng.randrange(0, 5)):
            key = rng.choice(KEY_PIECES[:3]) if rng.random() < 0.8 else rng.choice(KEY_PIECES)
            anchor = f" &{key or 'k'}" if rng.random() < 0.1 else ""
            lines.append(f"{key}:{anchor}")
            indent = rng.choice(["  ", "  ", "  ", "    ", "", chr(9)])
            for _ in range(rng.randrange(1, 5)):
                lines.append(f"{indent}- {_entry(rng)}")
            if rng.random() < 0.1:
                lines.append(f"{rng.choice(KEY_PIECES)}x: *{rng.choice(KEY_PIECES) or 'k'}")
    if rng.random() < 0.1 and lines:  # damage: a line cut, swapped or a random character inserted
        i = rng.randrange(len(lines))
        line = lines[i]
        at = rng.randrange(len(line) + 1)
        lines[i] = (
            line[:at] + chr(rng.choice([rng.randrange(0, 0x20), rng.randrange(0x20, 0x800)])) + line[at:]
        )
    return "\n".join(lines) + rng.choice(["\n", "", "\r\n"])


def lexicon_mapping(rng: random.Random, depth: int = 0) -> Any:
    """A Python mapping as a lexicon source: mostly ``{frame: [entries]}``, keys and values of any kind."""
    out: dict[Any, Any] = {}
    for _ in range(rng.randrange(0, 4)):
        key: Any = rng.choice(KEY_PIECES[:3]) if rng.random() < 0.9 else weird_value(rng)
        if isinstance(key, list | dict):
            key = str(key)
        if rng.random() < 0.15 and depth < 3:
            out[key] = lexicon_mapping(rng, depth + 1)
        else:
            out[key] = [
                _entry(rng) if rng.random() < 0.95 else weird_value(rng) for _ in range(rng.randrange(1, 5))
            ]
    return out


ARABIC_PIECES = [
    "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال", "إرهاب", "ارهابي", "ين", "داعش", "جبهة", "جبهه",
    "النصرة", "النظام", "نظام", "السوري", "الأسد", "محادثات", "اتفاق", "ية", " ", " ", "\n", "،", ".", "«",
    "»", "\u064e", "\u0651", "\u0640", "\u200f", "ISIS", "١٤", "\ufefb", "\ufdf2", "\ufeff", "\u0300", "İ",
    "ß", "🙂",
]  # fmt: skip


def match_text(rng: random.Random) -> str:
    """Arabic-like text with clitics, marks, tatweel, presentation forms and stray code points."""
    parts = [rng.choice(ARABIC_PIECES) for _ in range(rng.randrange(0, 60))]
    if rng.random() < 0.2:
        parts.append("".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(10))))
    return "".join(parts)


def check_matching(texts: list[str], lexicon: Any) -> str | None:
    """The matching invariants; the first one broken, or None."""
    import framing

    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "x", "text": texts})
    matches = framing.find_matches(corpus, lexicon)
    for row in matches.itertuples():
        text = texts[int(str(row.doc_id)[1:])]
        if text[row.start : row.end] != row.surface:
            return f"surface {row.surface!r} != text[{row.start}:{row.end}]"
    scores = framing.score(corpus, lexicon)
    counted = matches.groupby(["doc_id", "frame"]).size()
    for row in scores.itertuples():
        if row.count != counted.get((row.doc_id, row.frame), 0):
            return f"score count {row.count} != {counted.get((row.doc_id, row.frame), 0)} matches"
    if int(framing.coverage(matches, lexicon)["hits"].sum()) != len(matches):
        return "coverage hits != matches"
    framing.kwic(corpus, matches)
    return None
