"""The per-page fast paths outside the parser give what the plain computations give (differential tests).

Each shortcut is checked against the plain computation it replaced, on inputs built from what would make
the two differ if the reasoning behind it were wrong:

- ``cited_wires`` on a *plain* text (digits, ASCII and Arabic letters) reads its folded bytes: checked
  against the word-by-word reading and the whole-text reading, with agency names behind the clitics و ف ل
  ب لل ولل فلل, hamza and alef forms, ة/ه, ى/ي, vowel marks and tatweel inside names, Arabic-Indic digits,
  dotted abbreviations (أ.ف.ب, A.F.P, numbers with a decimal point), capital and small Latin names,
  Cyrillic names; and its tables against every character;
- the script letter counts of ``detect_language`` (spaces kept, then subtracted);
- the end words that group bodies before they are compared (read from 300 characters at each end);
- page files read with one ``open``/``fstat``/``read``, and the ``doc_id`` of plain UTF-8 files from their
  bytes;
- ``scan_files`` taking regular files from the folder listing without a ``stat`` each.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import schema as S
from framing.load import corpus, language, wires
from framing.load.corpus import PROFILE_FILE_NAME, SUPPORTED_SUFFIXES, display_path, doc_id_for, scan_files
from framing.load.outlets import (
    FACTS_SOURCE,
    Profiles,
    add_outlet_facts,
    load_profiles,
    outlet_facts,
    parse_profiles,
)
from framing.load.report import LoadReport

# ------------------------------------------------------------------------------------ cited_wires

_REUTERS = "\u0631\u0648\u064a\u062a\u0631\u0632"  # رويترز
_ANADOLU = "\u0627\u0644\u0623\u0646\u0627\u0636\u0648\u0644"  # الأناضول
_NAMES = [
    _REUTERS,
    "\u0644" + _REUTERS,  # لرويترز
    "\u0648" + _REUTERS,  # ورويترز
    "\u0641\u0628" + _REUTERS,  # فبرويترز (two clitics)
    "\u0631\u0648\u064a\u062a\u0631",  # رويتر (shorter: no name)
    "\u0631\u0648\u064a\u062a\u0631\u0632\u064a",  # رويترزي (longer: no name)
    _ANADOLU,
    "\u0644\u0644\u0623\u0646\u0627\u0636\u0648\u0644",  # للأناضول (لل for ال)
    "\u0648\u0644\u0644\u0623\u0646\u0627\u0636\u0648\u0644",  # وللأناضول
    "\u0641\u0644\u0644\u0627\u0646\u0627\u0636\u0648\u0644",  # فللاناضول (bare alef)
    "\u0627\u0644\u0625\u0646\u0627\u0636\u0648\u0644",  # الإناضول (another hamza)
    "\u0648\u0643\u0627\u0644\u0629",  # وكالة
    "\u0648\u0643\u0627\u0644\u0647",  # وكاله (ه for ة)
    "\u0644\u0648\u0643\u0627\u0644\u0629",  # لوكالة
    "\u0627\u0644\u0623\u0646\u0628\u0627\u0621",  # الأنباء
    "\u0627\u0644\u0642\u0637\u0631\u064a\u0629",  # القطرية
    "\u0627\u0644\u0633\u0639\u0648\u062f\u064a\u0629",  # السعودية
    "\u0641\u0631\u0627\u0646\u0633",  # فرانس
    "\u0628\u0631\u0633",  # برس
    "\u0628\u0631\u064a\u0633",  # بريس
    "\u0623",  # أ
    "\u0627",  # ا
    "\u0641",  # ف
    "\u0628",  # ب
    "\u062f",  # د
    "\u0634",  # ش
    "\u0623.\u0641.\u0628",  # أ.ف.ب
    "\u0623.\u0641.\u0628.",  # أ.ف.ب. (a full stop after it)
    "\u062f.\u0628.\u0627",  # د.ب.ا
    "\u0633\u0627\u0646\u0627",  # سانا
    "\u0644\u0633\u0627\u0646\u0627",  # لسانا
    "\u0625\u062d\u0633\u0627\u0646\u0627",  # إحسانا (holds سانا, is no name)
    "\u0633\u0648\u0631\u064a\u0627",  # سوريا (holds ريا)
    "\u0631\u064a\u0627",  # ريا
    "\u0646\u0648\u0641\u0648\u0633\u062a\u064a",  # نوفوستي
    "\u0646\u0648\u0641\u0648\u0633\u062a\u0649",  # نوفوستى (ى for ي)
    "\u0623\u0641\u064a",  # أفي
    "\u062b\u0642\u0627\u0641\u064a",  # ثقافي (ends like افي)
    "\u0631\u064f\u0648\u064a\u062a\u0631\u0632",  # رُويترز (a vowel mark splits the word)
    "\u0631\u0648\u064a\u0640\u062a\u0631\u0632",  # رويـترز (a tatweel inside)
    "\u0640\u0631\u0648\u064a\u062a\u0631\u0632\u0640",  # ـرويترزـ
    "\u0640",  # a tatweel alone: a token that folds to nothing
    "\u0640reuters",  # ـreuters: the word does not start with the small letter
    "\u0640.\u0623.\u0641.\u0628",  # ـ.أ.ف.ب
    "\ufee3\ufeae",  # presentation forms (not plain)
    "Reuters", "reuters", "REUTERS", "Agence", "France", "Presse", "presse", "AFP", "afp", "A.F.P",
    "Associated", "Press", "news", "News", "Interfax.ru", "INTERFAX", "TASS", "Tass", "tass",
    "\u0648Reuters",  # وReuters (a clitic before a Latin name)
    "\u0422\u0410\u0421\u0421",  # ТАСС
    "\u0418\u043d\u0442\u0435\u0440\u0444\u0430\u043a\u0441\u0443",  # Интерфаксу
    "\u0440\u0438\u0430",  # риа
    "caf\u00e9",  # an accented letter (not plain)
    "\u0661\u0669", "3.5", "2016", "x_1",  # digits, a decimal point, an underscore
    "\u0642\u0627\u0644", "\u0646\u0642\u0644\u062a", "said", "citing",  # قال نقلت
]  # fmt: skip
_GAPS = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", ", ", ". ", "\u060c ", " (", ") ", "\u00ab", "\u00bb ",
         " - ", "\u064e", ".", "..", "?", "\u061f ", "\u2009", "\u200c", " \u0640 "]  # fmt: skip


def _cited_whole(text: str) -> list[str]:
    """``cited_wires`` read over the whole text at once, token by token (the plain computation)."""
    index = wires._cited_index()
    original = [t.replace(".", "") for t in re.findall(r"\w+(?:\.\w+)*", text)]
    found: list[str] = []
    for i, raw in enumerate(original):
        forms = [f for f in wires._forms(wires._LETTERS.apply(raw).lower()) if f in index]
        head = raw[0]
        if not forms or ((head.isascii() or "\u0400" <= head <= "\u04ff") and not head.isupper()):
            continue
        tokens = [wires._LETTERS.apply(t).lower() for t in original[i + 1 : i + 4]]
        code = next((c for f in forms for rest, c in index[f] if tuple(tokens[: len(rest)]) == rest), None)
        if code is not None and code not in found:
            found.append(code)
    return found


def _plain(text: str) -> bool:
    """Whether ``cited_wires`` takes its folded-bytes way for ``text``."""
    tables = wires._folded_tables()
    encoded = codecs.charmap_encode(text, "replace", tables.encoding)[0]
    return tables.unknown not in encoded or tables.odd.search(text) is None


@settings(max_examples=600, deadline=5000)
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_GAPS)), max_size=14))
def test_cited_wires_folded_bytes_read_as_word_by_word(pairs: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in pairs)
    expected = _cited_whole(text)
    assert wires._cited_general(text) == expected
    assert wires.cited_wires(text) == expected


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("\u0648\u0642\u0627\u0644 \u0644\u0631\u0648\u064a\u062a\u0631\u0632", ["Reuters"]),  # وقال لرويترز
        ("\u0646\u0642\u0644\u062a \u0644\u0644\u0623\u0646\u0627\u0636\u0648\u0644.", ["Anadolu"]),
        ("\u0623 \u0641 \u0628 \u060c \u062f.\u0628.\u0627", ["AFP", "DPA"]),  # أ ف ب، د.ب.ا
        (
            "\u0648\u0643\u0627\u0644\u0647 \u0627\u0644\u0627\u0646\u0628\u0627\u0621"  # وكاله الانباء
            " \u0627\u0644\u0642\u0637\u0631\u064a\u0647",  # القطريه
            ["QNA"],
        ),
        ("Reuters and A.F.P, citing \u0633\u0627\u0646\u0627 3.5", ["Reuters", "AFP", "SANA"]),
        ("reuters \u0633\u0648\u0631\u064a\u0627 \u062b\u0642\u0627\u0641\u064a"  # سوريا ثقافي
         " \u0625\u062d\u0633\u0627\u0646\u0627", []),  # إحسانا
        ("\u0631\u064f\u0648\u064a\u062a\u0631\u0632", []),  # رُويترز: a vowel mark splits the word
    ],
)  # fmt: skip
def test_cited_wires_folded_bytes_examples(text: str, cited: list[str]) -> None:
    assert _plain(text)
    assert wires.cited_wires(text) == _cited_whole(text) == cited


def test_texts_the_folded_way_cannot_read_go_word_by_word() -> None:
    for word in (
        "\u0631\u0648\u064a\u06e5\u062a\u0631\u0632",  # a small waw (folds to nothing, as the tatweel)
        "\ufee3\ufeae",  # presentation forms
        "\u0422\u0410\u0421\u0421",  # Cyrillic
        "caf\u00e9",  # é
    ):
        text = f"\u0642\u0627\u0644 {word} {_REUTERS}"
        assert not _plain(text)
        assert wires.cited_wires(text) == _cited_whole(text)


def test_folded_tables_fold_every_character_as_the_letters_normalization() -> None:
    tables = wires._folded_tables()
    index = wires._cited_index()
    letters = {
        c for key, entries in index.items() for w in (key, *(w for r, _ in entries for w in r)) for c in w
    }
    folded_of = {}
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        encoded = codecs.charmap_encode(char, "replace", tables.encoding)[0]
        folded = encoded.translate(tables.fold)
        is_word = re.fullmatch(r"\w", char) is not None
        if encoded == tables.unknown and char != "?":
            # not in the table: either no word character (a gap) or a word character the text is sent
            # the general way for
            assert not is_word or tables.odd.search(char), hex(code)
            assert folded == b" "
            continue
        assert not tables.odd.search(char), hex(code)
        fold = wires._LETTERS.apply(char).lower()
        if char == ".":
            assert folded == b"."
        elif not is_word:
            assert folded == b" ", hex(code)
        elif char == "\u0640":
            assert fold == "" and folded == b"#"  # _TATWEEL: taken out of the tokens
        else:
            assert len(fold) == 1 and folded not in (b" ", b".", b"#"), hex(code)
            if fold in letters:
                assert folded_of.setdefault(fold, folded) == folded  # one byte per letter of the names
            else:
                assert folded == b"!", hex(code)  # _OTHER
        case = encoded.translate(tables.case)
        assert case == (b'"' if "A" <= char <= "Z" else folded)  # _CAPITAL
    assert len(set(folded_of.values())) == len(folded_of)


def test_folded_starts_are_the_tokens_whose_forms_start_a_name() -> None:
    tables = wires._folded_tables()
    index = wires._cited_index()
    plain_letters = [
        c for c in {c for key in index for c in key} if "\u0621" <= c <= "\u064a" or "a" <= c <= "z"
    ]
    heads = ["", "\u0648", "\u0641", "\u0644", "\u0628", "\u0627", "\u0644\u0644", "\u0648\u0644\u0644",
             "\u0641\u0644\u0644", "\u0648\u0628", "\u0641\u0644", "\u0628\u0648", "\u0643", "\u0627\u0644",
             "x"]  # fmt: skip
    tails = ["", "\u0627", "\u0647", "s", "\u0646\u0627"]
    checked = 0
    for key in index:
        if not all(c in plain_letters for c in key):
            continue
        for body in {key, key[1:], key[:-1], key[2:]} - {""}:
            for head in heads:
                for tail in tails:
                    token = head + body + tail
                    forms = [f for f in wires._forms(token) if f in index]
                    spellings = [entry for f in forms for entry in index[f]]
                    encoded = codecs.charmap_encode(token, "strict", tables.encoding)[0]
                    found = tables.starts.get(encoded.translate(tables.fold), ())
                    plain = [
                        (r, c) for r, c in spellings if all(re.fullmatch("[a-z\u0621-\u064a]+", w) for w in r)
                    ]
                    assert [(len(r), c) for r, c in found] == [(len(r), c) for r, c in plain], token
                    checked += 1
    assert checked > 5000


# ------------------------------------------------------------------------------------ languages

_SCRIPT_PIECES = [
    "\x00",
    "\x01",
    "\x02",
    "\u0600",
    "\u0620",
    "\u06d4",
    "\u06d5",
    "\u077f",
    "\u08a0",
    "\ufeff",
    "\u0642",
    "\u0627",
    "\u0647",
    "\u067e",
    "\u06cc",
    "\u0640",
    "\u064e",
    "\u0661",
    "a",
    "Z",
    "\u00e9",
    "\u0416",
    "\u0451",
    "\u0491",
    "\u03b1",
    " ",
    "  ",
    "\n",
    ".",
    "\u060c",
    "7",
    "-",
    "\u00a0",
    "\u4e2d",
]


@settings(max_examples=500, deadline=2000)
@given(st.lists(st.sampled_from(_SCRIPT_PIECES), max_size=60).map("".join))
def test_script_letters_counted_as_one_by_one(text: str) -> None:
    for script, chars in language._SCRIPT_RANGES.items():
        plain = sum(re.fullmatch(f"[{chars}]", ch) is not None for ch in text)
        assert language._letters(text, script) == plain


def test_arabic_letters_counted_for_every_character() -> None:
    arabic = re.compile(f"[{language._SCRIPT_RANGES['arabic']}]")
    for code in range(0x10000):
        char = chr(code)
        if not 0xD800 <= code <= 0xDFFF:
            assert language._letters(char + " \u0642", "arabic") == 1 + (
                arabic.fullmatch(char) is not None
            ), hex(code)


def test_letters_of_an_ascii_text_counted_for_every_character() -> None:
    """ASCII text takes the byte count: one Latin letter per ASCII letter, no Arabic or Cyrillic one."""
    for code in range(128):
        text = chr(code) + " a"
        assert text.isascii()
        assert language._letters(text, "latin") == 1 + chr(code).isalpha(), hex(code)
        assert language._letters(text, "arabic") == language._letters(text, "cyrillic") == 0


def test_letters_arabic_does_not_use_are_the_persian_urdu_pashto_and_kurdish_ones() -> None:
    """``detect_language`` looks for each of these letters in an Arabic-script text (not with a regex)."""
    letters = "پچژگکی" + "ےںہٹڈڑ" + "ښږځڅ" + "ەێۆڕڵ"
    assert sorted(language._NON_ARABIC_CHARS) == sorted(letters)


@pytest.mark.parametrize("persian", [0, 1, 2, 5, 40])
def test_arabic_with_few_persian_letters_is_arabic(persian: int) -> None:
    base = "\u0648\u0635\u0644 \u0648\u0632\u064a\u0631 "  # وصل وزير
    base += "\u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 "  # الخارجية
    text = (base * 12)[: 300 - persian] + "\u067e" * persian  # پ
    script, letters = language.script_of(text)
    share = len(re.findall("\u067e", text)) < language.NON_ARABIC_SHARE * letters
    if share:
        assert language.detect_language(text) == "ar"
    assert script == "arabic" and letters == sum(
        re.fullmatch(r"[\u0620-\u064a\u066e-\u06d3]", c) is not None for c in text
    )


# ------------------------------------------------------------------------------------ duplicates

_LONG = "\u0627" * 290  # a word that crosses the 300th character
_BODY_WORDS = ["\u0643\u064a\u0631\u064a", "\u0628\u0648\u062a\u064a\u0646", "a", "bb", _LONG, "\u0661\u0662"]


@settings(max_examples=400, deadline=2000)
@given(st.lists(st.tuples(st.sampled_from(_BODY_WORDS), st.sampled_from(["", *_GAPS[:6]])), max_size=16))
def test_end_words_are_the_first_and_last_five_words(pairs: list[tuple[str, str]]) -> None:
    text = "".join(gap + word for word, gap in pairs) + " " * (len(pairs) % 3)
    words = text.split()
    assert corpus._end_words(text) == (tuple(words[:5]), tuple(words[-5:]))


# ------------------------------------------------------------------------------------ files


@pytest.mark.parametrize("size", [0, 1, 4095, 65536, 65537, 300_001])
def test_page_file_bytes_are_read_bytes(tmp_path: Path, size: int) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(bytes((i * 7919) % 256 for i in range(size)))
    problems: list[Any] = []
    assert corpus._file_bytes(path, "p.txt", None, lambda *a, **k: problems.append(a)) == path.read_bytes()
    assert corpus._file_bytes(path, "p.txt", size, lambda *a, **k: problems.append(a)) == path.read_bytes()
    assert problems == []
    if size:
        assert corpus._file_bytes(path, "p.txt", size - 1, lambda *a, **k: problems.append(a)) is None
        assert problems == [("p.txt", f"page file of {size:,} bytes is over the limit of {size - 1:,} bytes "
                                      "(read_corpus(..., max_page_bytes=...) raises it)")]  # fmt: skip


_PAGE = (
    "\u0639\u0646\u0648\u0627\u0646\n\n"  # a headline
    "\u0627\u0644\u0623\u062d\u062f 15 \u064a\u0648\u0644\u064a\u0648 2018\n\n"  # الأحد 15 يوليو 2018
    "\u0646\u0635 \u0627\u0644\u062e\u0628\u0631.\n"  # the body
)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", _PAGE.encode()),
        ("crlf.txt", _PAGE.replace("\n", "\r\n").encode()),
        ("cr.txt", _PAGE.replace("\n", "\r").encode()),
        ("bom.txt", codecs.BOM_UTF8 + _PAGE.encode()),
        ("twobom.txt", codecs.BOM_UTF8 + "\ufeff".encode() + _PAGE.encode()),
        ("cp1256.txt", _PAGE.encode("cp1256")),
        ("utf16.txt", _PAGE.encode("utf-16")),
        ("page.html", f"<html><body><h1>x</h1><p>{_PAGE}</p></body></html>".encode()),
    ],
)
def test_doc_id_of_a_page_file_is_that_of_its_text(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    read = corpus._read_page(tmp_path / name, name, True, load_profiles(), None, LoadReport(root="x"),
                             lambda *a, **k: None)  # fmt: skip
    assert read is not None
    assert read.doc_id == doc_id_for(read.text)


def _scan_plain(root: Path) -> tuple[list[Path], list[Path], list[tuple[Path, str]]]:
    """scan_files as it was: os.walk, and a stat of every file (the plain computation)."""
    not_read: list[tuple[Path, str]] = []
    found: list[Path] = []
    other: list[Path] = []

    def unreadable(exc: OSError) -> None:
        not_read.append((Path(exc.filename or root), f"folder cannot be listed: {exc.strerror or exc}"))

    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in dirs:
            if os.path.islink(here / d):  # False where lstat is refused: listed as a folder then
                not_read.append((here / d, "a link to a folder (links to folders are not followed)"))
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or name == PROFILE_FILE_NAME:
                continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                broken = isinstance(exc, FileNotFoundError) and path.is_symlink()
                not_read.append(
                    (
                        path,
                        "a link to nothing (dangling symlink)"
                        if broken
                        else f"cannot be read: {exc.strerror}",
                    )
                )
                continue
            if not stat.S_ISREG(mode):
                not_read.append((path, corpus._kind(mode)))
                continue
            (found if path.suffix.lower() in SUPPORTED_SUFFIXES else other).append(path)
    return sorted(found), sorted(other), sorted(not_read)


@pytest.mark.skipif(sys.platform == "win32", reason="links and named pipes")
def test_scan_files_without_a_stat_each_finds_what_stat_finds(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for folder in ("a", "a/b", "c", ".hidden", "a-b"):
        (root / folder).mkdir(parents=True)
    names = ["a/1.txt", "a/b/2.html", "a/3.csv", "a/x.pdf", "c/.dot.txt", "c/outlets.yaml", ".hidden/h.txt"]
    for name in (*names, "a-b/4.TXT", "top.txt", "a/b/5.jsonl"):
        (root / name).write_text("\u062e\u0628\u0631", encoding="utf-8")
    (root / "c/link.txt").symlink_to(root / "a/1.txt")
    (root / "c/dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "c/folder-link").symlink_to(root / "a", target_is_directory=True)
    os.mkfifo(root / "c/pipe.txt")
    (root / "d").mkdir()  # a folder whose first file is a regular one: the others are not stat'ed first
    (root / "d/0.txt").write_text("\u062e\u0628\u0631", encoding="utf-8")
    os.mkfifo(root / "d/pipe.txt")
    (root / "d/link.txt").symlink_to(root / "a/1.txt")
    (root / "d/zdangling.txt").symlink_to(root / "nowhere.txt")
    assert scan_files(root) == _scan_plain(root)
    assert scan_files(root / "top.txt") == ([root / "top.txt"], [], [])


@pytest.mark.skipif(sys.platform == "win32", reason="links")
def test_profile_files_found_by_the_scan_are_those_a_search_finds(tmp_path: Path) -> None:
    """``read_corpus`` takes the ``outlets.yaml`` files from the walk that finds the pages: the same files
    as a recursive search of the folder (hidden folders and links to folders left out; a link to a file
    kept; a folder named ``outlets.yaml`` is none)."""
    root = tmp_path / "corpus"
    for folder in ("a/b", "c", ".hidden", "e/outlets.yaml"):
        (root / folder).mkdir(parents=True)
    for name in ("outlets.yaml", "a/outlets.yaml", "a/b/outlets.yaml", ".hidden/outlets.yaml", "c/x.txt"):
        (root / name).write_text("outlets: {}\n", encoding="utf-8")
    (root / "c/outlets.yaml").symlink_to(root / "a/outlets.yaml")
    (root / "d").symlink_to(root / "a", target_is_directory=True)
    (root / "f").mkdir()
    (root / "f/outlets.yaml").symlink_to(root / "nowhere.yaml")
    searched = sorted(
        p
        for p in root.rglob(PROFILE_FILE_NAME)
        if not any(part.startswith(".") for part in p.relative_to(root).parts) and p.is_file()
    )
    assert corpus._scan(root)[3] == searched
    expected = ["a/b/outlets.yaml", "a/outlets.yaml", "c/outlets.yaml", "outlets.yaml"]
    assert searched == [root / name for name in expected]
    assert corpus._scan(root)[:3] == scan_files(root)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions (root reads anything)")
def test_scan_files_in_a_folder_that_refuses_stat(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    (root / "locked/1.txt").write_text("x", encoding="utf-8")
    (root / "locked").chmod(stat.S_IRUSR)  # listed, but its files cannot be stat'ed
    try:
        assert scan_files(root) == _scan_plain(root)
    finally:
        (root / "locked").chmod(stat.S_IRWXU)


def test_scan_files_when_stat_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The refused ``stat`` of the test above, simulated (so that it runs as root too, which reads
    anything): the listing says the files are regular, their ``stat`` fails, and the scan reports them
    as the plain scan does."""
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    (root / "open").mkdir()
    (root / "locked/sub").mkdir()
    for name in ("locked/1.txt", "locked/2.csv", "open/3.txt", "locked/sub/4.txt"):
        (root / name).write_text("x", encoding="utf-8")
    real_stat = os.stat

    def refusing(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if "locked" in Path(str(path)).parts and Path(str(path)).name != "locked":
            raise PermissionError(13, "Permission denied", str(path))  # lstat too (follow_symlinks=False)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", refusing)
    found = scan_files(root)
    assert found == _scan_plain(root)
    assert found[0] == [root / "open/3.txt"]
    refused = ["locked/1.txt", "locked/2.csv", "locked/sub/4.txt"]  # the subfolder is still walked
    assert found[2] == [(root / name, "cannot be read: Permission denied") for name in refused]


def test_profile_by_id_is_the_first_with_that_id() -> None:
    shipped = load_profiles()
    doubled = Profiles((*shipped.profiles, replace(shipped.profiles[0], name="second")))
    for profiles in (shipped, doubled):
        for outlet_id in [p.id for p in profiles] + ["nowhere", ""]:
            assert profiles.get(outlet_id) is next((p for p in profiles if p.id == outlet_id), None)
    assert doubled.get(shipped.profiles[0].id) is shipped.profiles[0]


@pytest.mark.parametrize(
    "name",
    [
        "a/b.txt",
        "",
        "caf\udce9.txt",
        "\u0645\u0648\u0642\u0639/\u062e\u0628\u0631.txt",
        "x\x7f\x00y",
        "\udcff",
    ],
)
def test_display_path_of_an_ascii_name_is_the_name(name: str) -> None:
    assert display_path(name) == name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _facts_plain(corpus: pd.DataFrame, profiles: Profiles) -> pd.DataFrame:
    """add_outlet_facts as it was: every column through Series.map of the facts table."""
    out = corpus.copy()
    facts = outlet_facts(profiles).drop(columns=[S.OUTLET_NAME, FACTS_SOURCE]).set_index(S.OUTLET)
    keys = out[S.OUTLET].astype(str) if S.OUTLET in out.columns else pd.Series("", index=out.index)
    for column in facts.columns:
        values = keys.map(facts[column]).astype(object)
        if column in out.columns:
            have = out[column].astype(object)
            values = have.where(have.notna() & (have.astype(str).str.strip() != ""), values)
        out[column] = pd.Series(values.where(values.notna(), None).tolist(), index=out.index)
    return out


def _utc_plain(frame: pd.DataFrame) -> pd.Series:
    """corpus._utc as it was: each zone's rows written into the column by label."""
    out = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns, UTC]")
    for zone, idx in frame.groupby(S.TIMEZONE, dropna=True).groups.items():
        if not corpus._known_zone(zone):
            continue
        local = frame.loc[idx, S.PUBLISHED]
        local = local.dt.tz_localize(str(zone), ambiguous="NaT", nonexistent="NaT")
        out.loc[idx] = local.dt.tz_convert("UTC")
    return out


def test_utc_written_by_position_is_utc_written_by_label() -> None:
    """Known zones (with a time that does not exist and one that happens twice in New York), an unknown
    zone, an empty one, none, and no date."""
    published = pd.Series(
        pd.to_datetime(
            [
                "2016-07-14 21:16",
                "2016-03-13 02:30",  # does not exist in New York (the clocks go forward)
                "2016-11-06 01:30",  # happens twice in New York
                "2016-07-15 03:19",
                None,
                "2016-07-15 10:00",
                "2016-07-15 11:00",
                "2016-07-15 12:00",
                "2016-12-31 23:59",
            ]
        ),
        dtype="datetime64[ns]",
    )
    zones = [
        "Africa/Cairo",
        "America/New_York",
        "America/New_York",
        "Europe/Moscow",
        "Asia/Beirut",
        "Nowhere/Zone",
        "",
        None,
        "Africa/Cairo",
    ]
    frame = pd.DataFrame({S.PUBLISHED: published, S.TIMEZONE: zones})
    for rows in (frame, frame.iloc[:0], frame.iloc[[7]], frame.iloc[::-1].reset_index(drop=True)):
        got, expected = corpus._utc(rows), _utc_plain(rows)
        assert got.dtype == expected.dtype == "datetime64[ns, UTC]"
        assert got.equals(expected)
    assert corpus._utc(frame).isna().tolist() == [False, True, True, False, True, True, True, True, False]


def test_outlet_facts_looked_up_per_outlet_as_mapped() -> None:
    own = parse_profiles(
        {
            "x": {"name": "X", "country": "EG", "type": "forum", "fields": {"alignment": "left", "rank": 3}},
            "y": {"name": "Y", "languages": ["ar", "en"], "fields": {"rank": 2.5, "audited": True}},
            "\u0634\u0628\u0643\u0629": {"name": "\u0634", "owner": "\u0645\u0627\u0644\u0643"},  # شبكة, مالك
        },
        source="t",
    )
    profiles = load_profiles().merged(own)
    outlets = ["x", "y", "shorouk", "nowhere", None, "\u0634\u0628\u0643\u0629", "x", ""]
    corpora = [
        pd.DataFrame({S.OUTLET: outlets}),
        pd.DataFrame({S.OUTLET: outlets, S.COUNTRY: ["SY", None, " ", None, "LB", None, "", None]}),
        pd.DataFrame({S.OUTLET: pd.Series(outlets, dtype="str")}),
        pd.DataFrame({S.OUTLET: ["nowhere"] * 3}),
        # fact columns present but empty, as a parsed corpus has them before its facts are added
        pd.DataFrame(
            {
                S.OUTLET: outlets,
                S.COUNTRY: [None] * 8,
                S.OUTLET_TYPE: pd.Series([None] * 8, dtype=object),
                "rank": [float("nan")] * 8,
                "alignment": [None, None, None, None, None, None, None, "right"],  # one value: kept
            }
        ),
        pd.DataFrame({S.OUTLET: pd.Series([], dtype="str")}),
        pd.DataFrame({"other": [1, 2]}),
    ]
    for frame in corpora:
        for these in (profiles, own, Profiles(), Profiles((*own.profiles, *own.profiles))):
            try:
                expected = _facts_plain(frame, these)
            except Exception as exc:  # an outlet id twice: the table cannot be mapped, nor looked up
                with pytest.raises(type(exc)):
                    add_outlet_facts(frame, these)
                continue
            got = add_outlet_facts(frame, these)
            assert got.equals(expected) and list(got.columns) == list(expected.columns)
            assert (got.dtypes == expected.dtypes).all()
