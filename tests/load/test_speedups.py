"""The loader's faster paths give what the plain computations give (differential tests).

Each fast path (line keys word by word, agency citations read per word, duplicate bodies compared
only within the same first and last words, control characters looked for in the UTF-8 bytes, the
inline credit's regexes tried only where their separator can be, the shipped line patterns tried by
the line's first character) is checked against the plain computation it replaced, on text built from
the characters that make the two differ if the reasoning behind the fast path is wrong: control
characters, every kind of white space, characters the key drops (quotes, dots), Arabic presentation
forms that decompose to a space and a mark, diacritics, tatweel, Greek sigma (whose lower case depends
on what follows), Arabic-Indic digits, agency names with clitics and dots, the words of the patterns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import schema as S
from framing.load import pages
from framing.load.corpus import _flag_duplicates
from framing.load.encoding import DecodeError, _check_text
from framing.load.pages import _dateline_line, _inline_credit
from framing.load.report import LoadReport
from framing.load.resources import fast_key, words_key
from framing.load.wires import _DOTTED_TOKEN, _LETTERS, _cited_index, _starts, cited_wires

_PIECES = [
    " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000",  # white space of several kinds
    "\u00ab", "\u00bb", '"', "'", ".", "-", ",",  # dropped by the key, and kept
    "\ufe70", "\ufe72", "\ufefb",  # presentation forms: fathatan (a space and a mark), lam-alef
    "\u0623", "\u0627", "\u0644", "\u0648", "\u0629", "\u0649",  # أ ا ل و ة ى
    "\u064e", "\u0640",  # fatha, tatweel
    "\u0661", "7",  # an Arabic-Indic and an ASCII digit
    "\u03a3", "\u03c3", "\u03b1",  # Σ σ α: Σ lower-cases by what follows it
    "A", "b", "\u0416", "\u0451",  # Latin, Cyrillic Ж ё
]  # fmt: skip
_WORDS = [
    "\u0631\u0648\u064a\u062a\u0631\u0632",  # رويترز
    "\u0644\u0631\u0648\u064a\u062a\u0631\u0632",  # لرويترز (a clitic)
    "\u0648\u0643\u0627\u0644\u0629",  # وكالة
    "\u0627\u0644\u0641\u0631\u0646\u0633\u064a\u0629",  # الفرنسية
    "\u0623",  # أ (of أ ف ب)
    "\u0641",
    "\u0628",
    "\u0623.\u0641.\u0628",  # أ.ف.ب
    "Reuters", "reuters", "TASS", "INTERFAX.RU", "Associated", "Press", "AFP",
    "\u0422\u0410\u0421\u0421",  # ТАСС
    "\u0420\u0418\u0410", "\u041d\u043e\u0432\u043e\u0441\u0442\u0438",  # РИА Новости
    "\u0418\u043d\u0442\u0435\u0440\u0444\u0430\u043a\u0441\u0443",  # Интерфаксу
    "said", "\u0642\u0627\u0644",  # قال
    "(", ")", ",", ".", "\u060c",  # ( ) , . ،
]  # fmt: skip
_SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0"]


@settings(max_examples=300, deadline=2000)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_words_key_is_the_key_of_the_whole_line(text: str) -> None:
    assert words_key(text) == fast_key(text)


def _cited_plain(text: str) -> list[str]:
    """The reading of ``cited_wires`` over the whole text at once (the computation it replaced)."""
    index = _cited_index()
    original = [t.replace(".", "") for t in _DOTTED_TOKEN.findall(text)]
    found: list[str] = []
    for i, raw in enumerate(original):
        forms = _starts(raw)
        if not forms:
            continue
        head = raw[0]
        if (head.isascii() or "\u0400" <= head <= "\u04ff") and not head.isupper():
            continue
        tokens = [_LETTERS.apply(t).lower() for t in original[i + 1 : i + 4]]
        code = next((c for f in forms for rest, c in index[f] if tuple(tokens[: len(rest)]) == rest), None)
        if code is not None and code not in found:
            found.append(code)
    return found


@settings(max_examples=300, deadline=2000)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACES)), max_size=25))
def test_cited_wires_per_word_reads_as_the_whole_text(pairs: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in pairs)
    assert cited_wires(text) == _cited_plain(text)


def test_cited_wires_finds_names_across_white_space_and_dots() -> None:
    text = "\u0648\u0642\u0627\u0644\u062a \u0623.\u0641.\u0628\n\u0625\u0646 Associated\u00a0Press reported"
    assert cited_wires(text) == _cited_plain(text) == ["AFP", "AP"]


def _duplicates_plain(texts: list[str]) -> list[str | None]:
    first: dict[str, int] = {}
    out: list[str | None] = []
    for i, text in enumerate(texts):
        key = " ".join(text.split())
        j = first.setdefault(key, i) if key else i
        out.append(None if j == i else f"id{j}")
    return out


@settings(max_examples=200, deadline=2000)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["a", "b", "c", "\u0628"]), st.sampled_from(_SPACES)), max_size=4),
        min_size=1,
        max_size=8,
    )
)
def test_duplicate_bodies_are_those_with_the_same_words(bodies: list[list[tuple[str, str]]]) -> None:
    texts = ["".join(word + space for word, space in body) for body in bodies]
    corpus = pd.DataFrame(
        {S.DOC_ID: [f"id{i}" for i in range(len(texts))], S.SOURCE_PATH: None, S.TEXT: texts}
    )
    report = LoadReport(root="corpus")
    _flag_duplicates(corpus, report, Path("corpus"))
    assert corpus[S.DUPLICATE_OF].tolist() == _duplicates_plain(texts)
    assert len([w for w in report.warnings if w.message.startswith("duplicate body")]) == sum(
        d is not None for d in _duplicates_plain(texts)
    )


def test_a_kept_dateline_is_not_changed_by_its_reader() -> None:
    line = "\u0645\u0648\u0633\u0643\u0648 - \u0623 \u0641 \u0628"  # موسكو - أ ف ب
    first = _dateline_line(line, None)
    assert first == ("Moscow", ["AFP"])
    first[1].append("TASS")  # a caller adding to its list of wires
    assert _dateline_line(line, None) == ("Moscow", ["AFP"])
    assert re.fullmatch(r"\w+", first[0])


def _checked(text: str, data: bytes | None) -> str:
    try:
        return _check_text(text, "utf-8", data)
    except DecodeError as exc:
        return f"error: {exc}"


@settings(max_examples=300, deadline=2000)
@given(
    st.lists(
        st.sampled_from(
            [
                *["\u0643\u064a\u0631\u064a", " ", "\n", "\r\n", "\t", "\u00ab", "\u00bb", "\u00e9", "x"],
                *["\x00", "\x08", "\x0b", "\x1f", "\x7f", "\x80", "\x85", "\x9f", "\u00a0", "\u0100"],
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_control_characters_found_in_the_bytes_as_in_the_text(text: str) -> None:
    assert _checked(text, text.encode("utf-8")) == _checked(text, None)


_CREDIT_PIECES = [
    "\u0645\u0648\u0633\u0643\u0648",  # موسكو
    "MOSCOW", "Beirut", "July 15", "15", "\u0418\u044e\u043b\u044f",  # июля
    "(", ")", "/", ":", ".", ",", "\u060c", "-", "\u2013", "\u2014", "\u0640",  # ، – — ـ
    "(Reuters)", "(AP)", "\u0623 \u0641 \u0628",  # أ ف ب
    "/\u0422\u0410\u0421\u0421/", "\u0633\u0627\u0646\u0627",  # /ТАСС/ سانا
    "\u0648\u0635\u0644 \u0627\u0644\u0648\u0641\u062f", "talks", "ended", "said",  # وصل الوفد
    "abcdefghijklmnopqrstuvwxyz",
]  # fmt: skip


@settings(max_examples=400, deadline=2000)
@given(
    st.lists(st.tuples(st.sampled_from(_CREDIT_PIECES), st.sampled_from(["", " ", "  ", "\t"])), max_size=14)
)
def test_inline_credit_tests_before_its_regexes_skip_no_credit(pieces: list[tuple[str, str]]) -> None:
    line = "".join(piece + space for piece, space in pieces) + " text follows here"
    guarded = _inline_credit(line, None)
    every = tuple(re.compile("") for _ in pages._INLINE_FIRST)  # every form tried
    saved = pages._INLINE_FIRST
    pages._INLINE_FIRST = every
    try:
        assert _inline_credit(line, None) == guarded
    finally:
        pages._INLINE_FIRST = saved


def _pattern_words() -> list[str]:
    """The words and signs of the shipped line patterns, as keys (the pieces of lines that hit them)."""
    text = (Path(pages.__file__).parent / "resources" / "chrome.yaml").read_text(encoding="utf-8")
    words = {w for w in re.findall(r"\w+|[^\w\s\\]", text) if not w.startswith("re")}
    return sorted({fast_key(w) for w in words} - {""})


_LINE_PIECES = _pattern_words()


@settings(max_examples=500, deadline=2000)
@given(
    st.lists(
        st.tuples(st.sampled_from(_LINE_PIECES), st.sampled_from(["", " ", "  "])), min_size=0, max_size=8
    )
)
def test_shipped_patterns_tried_by_first_character_hit_as_their_union(pieces: list[tuple[str, str]]) -> None:
    key = "".join(piece + space for piece, space in pieces).strip()
    assert pages._shipped_hit(key) == pages._shared_matchers().any(key)
