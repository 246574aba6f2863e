"""Entries, frames and lexicons: parsing of patterns, Arabic edge cases, checks, hash and provenance."""

from __future__ import annotations

import hashlib
import json
import pickle
import warnings
from typing import Any

import pandas as pd
import pytest

from framing.lexicon import Entry, Frame, Lexicon, LexiconError, LexiconWarning, load_lexicon
from framing.lexicon.model import (
    EntrySpec,
    FrameSpec,
    LexiconSpec,
    Problem,
    build_lexicon,
    parse_pattern,
    suggest,
    where,
)
from framing.text.normalize import Normalization


def _load(data: Any, **options: Any) -> Lexicon:
    """Load without emitting warnings (they are checked through ``Lexicon.warnings``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        return load_lexicon(data, **options)


# ------------------------------------------------------------------------------ entry kinds

KINDS = [
    # pattern, words, exact, glob, kind
    ("إرهاب", ("ارهاب",), False, False, "word"),
    ("النظام السوري", ("النظام", "السوري"), False, False, "phrase"),
    ("إرهاب*", ("ارهاب",), False, True, "glob"),
    ("جبهة النصر*", ("جبهه", "النصر"), False, True, "glob"),
    ("=داعش", ("داعش",), True, False, "exact"),
    ("=جبهة النصرة", ("جبهه", "النصره"), True, False, "exact"),
    ("= داعش", ("داعش",), True, False, "exact"),
    ("  إرهاب  ", ("ارهاب",), False, False, "word"),
    ("إرهابيّ*", ("ارهابي",), False, True, "glob"),  # a shadda before the *
    ("إرهابـ*", ("ارهاب",), False, True, "glob"),  # a tatweel before the *
    ("أ.ف.ب", ("ا", "ف", "ب"), False, False, "phrase"),  # punctuation splits words, as in the text
    ("ISIS", ("isis",), False, False, "word"),
    ("ISIS*", ("isis",), False, True, "glob"),
]


@pytest.mark.parametrize(("pattern", "words", "exact", "glob", "kind"), KINDS)
def test_entry_kinds(pattern: str, words: tuple[str, ...], exact: bool, glob: bool, kind: str) -> None:
    assert parse_pattern(pattern) == (words, exact, glob)
    entry = _load({"f": [pattern]})["f"].entries[0]
    assert (entry.pattern, entry.words, entry.exact, entry.glob, entry.kind) == (
        pattern.strip(),
        words,
        exact,
        glob,
        kind,
    )


# Arabic spelling variants: every entry is normalized as the text is.
ARABIC = [
    ("إرهاب", "ارهاب"),  # hamza below
    ("أمريكا", "امريكا"),  # hamza above
    ("آذار", "اذار"),  # madda
    ("ٱلله", "الله"),  # wasla
    ("جبهة", "جبهه"),  # teh marbuta -> heh
    ("جبهه", "جبهه"),
    ("موسى", "موسي"),  # alef maqsura -> yeh
    ("كيري", "كيري"),
    ("مُحَمَّدٌ", "محمد"),  # harakat and shadda
    ("الإرهـــاب", "الارهاب"),  # tatweel
    ("٢٠١٦", "2016"),  # Arabic-Indic digits
    ("۲۰۱۶", "2016"),  # Persian digits
    ("کیری", "كيري"),  # Persian keheh and yeh
    ("\u200fموسكو\u200e", "موسكو"),  # direction marks
    ("\ufefb\ufee3\ufe8e", "لاما"),  # presentation forms: lam-alef ligature, meem, alef
    ("NATO", "nato"),  # Latin words are lower-cased
    ("Kerry's", None),  # an apostrophe splits a Latin word: a phrase
]


@pytest.mark.parametrize(("pattern", "form"), ARABIC)
def test_arabic_edge_cases_normalize_like_the_text(pattern: str, form: str | None) -> None:
    entry = _load({"f": [pattern]})["f"].entries[0]
    if form is None:
        assert entry.words == ("kerry", "s")
        assert entry.kind == "phrase"
    else:
        assert entry.words == (form,)


def test_spelling_variants_are_duplicates() -> None:
    lexicon = _load({"f": ["جبهة النصرة", "جبهه النصره", "إرهاب", "ارهاب", "إرهابٌ", "مـوسى", "موسي"]})
    assert [e.words for e in lexicon["f"].entries][:2] == [("جبهه", "النصره")] * 2
    assert len(lexicon.warnings) == 4
    assert all("duplicate entry" in w for w in lexicon.warnings)


def test_normalization_options_change_the_words() -> None:
    lexicon = _load({"f": ["جبهة", "إلى"]}, normalization=Normalization(teh_marbuta=False, alef=False))
    assert [e.words for e in lexicon["f"].entries] == [("جبهة",), ("إلي",)]
    assert lexicon.normalization == Normalization(teh_marbuta=False, alef=False)
    assert lexicon.provenance()["normalization"] == Normalization(teh_marbuta=False, alef=False).to_dict()


def test_a_lexicon_is_built_again_for_another_normalization() -> None:
    lexicon = _load({"f": ["جبهة"]})
    assert _load(lexicon) is lexicon
    other = _load(lexicon, normalization=Normalization(teh_marbuta=False))
    assert other["f"].entries[0].words == ("جبهة",)
    assert other.hash == lexicon.hash  # same content


# ------------------------------------------------------------------------------ errors

ENTRY_ERRORS = [
    # entry, the message after "entry '...': "
    ("إره*اب", "'*' is only allowed at the end of an entry (a glob such as 'إرهاب*')"),
    ("*إرهاب", "'*' is only allowed at the end of an entry (a glob such as 'إرهاب*')"),
    ("إرهاب**", "'*' is only allowed at the end of an entry (a glob such as 'إرهاب*')"),
    ("=داعش*", "'=' (exact form) cannot be combined with '*' (any ending): choose one"),
    ("إرهاب *", "'*' must follow a letter directly (write 'إرهاب*', not 'إرهاب *')"),
    ("«إرهاب»*", "'*' must follow a letter directly (write 'إرهاب*', not 'إرهاب *')"),
    ("داعش=", "'=' is only allowed at the start of an entry (an exact form such as '=داعش')"),
    ("==داعش", "'=' is only allowed at the start of an entry (an exact form such as '=داعش')"),
    ("", "the entry is empty"),
    ("   ", "the entry is empty"),
    ("*", "the entry is empty"),
    ("=", "the entry is empty"),
    ("ًٌـ", "the entry normalizes to no word (only punctuation or marks)"),
    ("«»،؛", "the entry normalizes to no word (only punctuation or marks)"),
    ("\u200f", "the entry normalizes to no word (only punctuation or marks)"),
]


@pytest.mark.parametrize(("pattern", "message"), ENTRY_ERRORS)
def test_entry_errors_name_the_frame_and_entry(pattern: str, message: str) -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon({"terror": ["إرهاب", pattern]})
    assert (
        str(info.value)
        == f"lexicon mapping at terror[1]: frame 'terror', entry {pattern.strip()!r}: {message}"
    )
    assert (info.value.file, info.value.line, info.value.frame, info.value.entry) == (
        "lexicon mapping",
        None,
        "terror",
        pattern.strip(),
    )


BAD_VALUES = [
    (None, "an entry must be a string or a mapping with a 'pattern'; found null (an empty item)"),
    (12, "an entry must be a string or a mapping with a 'pattern'; found int 12"),
    (
        {"patern": "x"},
        "a tagged entry needs a 'pattern' key; found keys ['patern'] (did you mean 'pattern'?)",
    ),
    (
        {"pattern": "x", "kind": "y"},
        "tag name 'kind' is not allowed (reserved: frame, entry, kind, words, line)",
    ),
    (
        {"pattern": "x", "stance": ["a"]},
        "tag 'stance' must be a string, number or true/false; found list ['a']",
    ),
    ({"pattern": "x", "stance": None}, "tag 'stance' must be a string, number or true/false; found null"),
]


@pytest.mark.parametrize(("value", "message"), BAD_VALUES)
def test_bad_entry_values(value: Any, message: str) -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon({"terror": [value]})
    assert str(info.value).endswith(message)
    assert str(info.value).startswith("lexicon mapping at terror[0]: frame 'terror'")


def test_several_errors_are_listed_together() -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon({"a": ["إره*اب", "ok"], "b": [], "c": ["=x*"]})
    assert str(info.value) == (
        "3 problems in lexicon mapping:\n"
        "  - lexicon mapping at a[0]: frame 'a', entry 'إره*اب': '*' is only allowed at the end of an entry "
        "(a glob such as 'إرهاب*')\n"
        "  - lexicon mapping at b: frame 'b': the frame has no entries\n"
        "  - lexicon mapping at c[0]: frame 'c', entry '=x*': '=' (exact form) cannot be combined with '*' "
        "(any ending): choose one"
    )
    assert len(info.value.problems) == 3
    assert info.value.frame == "a"


def test_duplicate_frame_ids_are_an_error() -> None:
    spec = LexiconSpec(
        "x",
        "1",
        [FrameSpec("a", [EntrySpec("ب")], line=3), FrameSpec("a", [EntrySpec("ت")], line=7)],
        file="x.yaml",
    )
    with pytest.raises(
        LexiconError,
        match=r"^x.yaml, line 7: frame 'a': duplicate frame id \(first defined at "
        r"x.yaml, line 3\)$",
    ):
        build_lexicon(spec)


def test_a_lexicon_without_frames_is_an_error() -> None:
    with pytest.raises(LexiconError, match="the lexicon has no frames"):
        build_lexicon(LexiconSpec("x", "1", []))


# ------------------------------------------------------------------------------ warnings

WARNINGS = [
    # entries of frame "f" (and frame "g" when a second list is given), the expected warnings
    (
        [["ارهاب", "إرهاب"]],
        [
            "lexicon mapping at f[1]: frame 'f', entry 'إرهاب': duplicate entry: same words (ارهاب) and kind "
            "(word) as 'ارهاب' in the same frame"
        ],
    ),
    (
        [["إرهاب"], ["ارهاب"]],
        [
            "lexicon mapping at g[0]: frame 'g', entry 'ارهاب': duplicate entry across frames: same words "
            "(ارهاب) and kind (word) as 'إرهاب' in frame 'f'; a hit counts in both frames"
        ],
    ),
    ([["إرهاب", "إرهاب*", "=إرهاب"]], []),  # same words, different kinds: not duplicates
    (
        [["في", "إلى", "الى"]],
        [
            "lexicon mapping at f[0]: frame 'f', entry 'في': the entry is a stopword (في): it will match in "
            "almost every text",
            "lexicon mapping at f[1]: frame 'f', entry 'إلى': the entry "
            "is a stopword (الي): it will match in "
            "almost every text",
            "lexicon mapping at f[2]: frame 'f', entry 'الى': duplicate "
            "entry: same words (الي) and kind (word) "
            "as 'إلى' in the same frame",
            "lexicon mapping at f[2]: frame 'f', entry 'الى': the entry "
            "is a stopword (الي): it will match in "
            "almost every text",
        ],
    ),
    ([["في سوريا", "عند*"]], []),  # a phrase starting with a stopword, a glob: no stopword warning
    (
        [["ال*", "إر*", "ارهـ*"]],
        [
            "lexicon mapping at f[0]: frame 'f', entry 'ال*': glob too broad: 'ال' has fewer than 3 letters "
            "before '*'",
            "lexicon mapping at f[1]: frame 'f', entry 'إر*': glob too broad: 'ار' has fewer than 3 letters "
            "before '*'",
        ],
    ),
    ([["جبهة ال*"]], []),  # a short glob at the end of a phrase is not too broad
]


@pytest.mark.parametrize(("frames", "expected"), WARNINGS)
def test_warnings_name_the_frame_and_entry(frames: list[list[str]], expected: list[str]) -> None:
    data = dict(zip(["f", "g"], frames, strict=False))
    if expected:
        with pytest.warns(LexiconWarning) as record:
            lexicon = load_lexicon(data)
        assert len(record) == 1  # once per load
        assert str(record[0].message).splitlines()[1:] == [f"  {w}" for w in expected]
        assert record[0].filename == __file__  # stacklevel=2: the caller's line
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            lexicon = load_lexicon(data)
    assert list(lexicon.warnings) == expected


def test_strict_turns_warnings_into_errors() -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon({"f": ["في", "ال*"]}, strict=True)
    assert str(info.value).startswith("strict=True turns these 2 warnings into errors:\n")
    assert info.value.entry == "في"
    with pytest.raises(LexiconError, match=r"^strict=True turns this warning into an error: .*'ال\*'"):
        load_lexicon({"f": ["ال*"]}, strict=True)
    assert load_lexicon({"f": ["إرهاب"]}, strict=True).warnings == ()


def test_extra_stopwords_are_not_in_the_lexicon_check() -> None:
    # the check uses the package list only; a word like قال is not a stopword there
    assert _load({"f": ["قال"]}).warnings == ()


# ------------------------------------------------------------------------------ Lexicon


def _demo() -> dict[str, Any]:
    return {
        "name": "demo",
        "version": "1.0",
        "description": "A demo",
        "frames": [
            {
                "id": "terror",
                "label_ar": "إرهاب",
                "label_en": "Terrorism",
                "referent": "jihadists",
                "entries": ["إرهاب*", {"pattern": "=داعش", "stance": "enemy", "weight": 2}],
            },
            {"id": "regime", "entries": ["النظام السوري", {"pattern": "الأسد", "stance": "regime"}]},
        ],
    }


def test_lexicon_fields() -> None:
    lexicon = _load(_demo())
    assert (lexicon.name, lexicon.version, lexicon.language, lexicon.description) == (
        "demo",
        "1.0",
        "ar",
        "A demo",
    )
    assert (lexicon.source, lexicon.licence, lexicon.path) == ("", "", None)
    assert lexicon.frame_ids == ("terror", "regime")
    terror = lexicon["terror"]
    assert isinstance(terror, Frame)
    assert (terror.label_ar, terror.label_en, terror.description, dict(terror.tags)) == (
        "إرهاب",
        "Terrorism",
        "",
        {"referent": "jihadists"},
    )
    assert lexicon["regime"].label_en == "regime"  # the id when absent
    assert terror.entries[1] == Entry(
        "=داعش", "terror", ("داعش",), True, False, None, {"stance": "enemy", "weight": "2"}
    )
    assert [f.id for f in lexicon] == ["terror", "regime"] and len(lexicon) == 2


def test_unknown_frame_names_the_valid_ids() -> None:
    with pytest.raises(
        KeyError, match=r"lexicon 'demo' has no frame 'peace'; its frames are: terror, regime"
    ):
        _load(_demo())["peace"]


def test_entries_table() -> None:
    table = _load(_demo()).entries()
    expected = pd.DataFrame(
        {
            "frame": ["terror", "terror", "regime", "regime"],
            "entry": ["إرهاب*", "=داعش", "النظام السوري", "الأسد"],
            "kind": ["glob", "exact", "phrase", "word"],
            "words": ["ارهاب", "داعش", "النظام السوري", "الاسد"],
            "line": pd.array([None] * 4, dtype="Int64"),
            "stance": [None, "enemy", None, "regime"],
            "weight": [None, "2", None, None],
        }
    )
    pd.testing.assert_frame_equal(table, expected)


def test_entries_table_without_tags() -> None:
    table = _load({"f": ["إرهاب"]}).entries()
    assert list(table.columns) == ["frame", "entry", "kind", "words", "line"]


def _canonical(name: str, version: str, frames: list[dict[str, Any]]) -> str:
    """The hash recomputed by hand from its documented definition."""
    content = {"format": 1, "name": name, "version": version, "frames": frames}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_hash_follows_its_definition() -> None:
    lexicon = _load({"terror": ["إرهاب*", {"pattern": "=داعش", "stance": "enemy"}]})
    assert lexicon.hash == _canonical(
        "unnamed",
        "0",
        [
            {
                "id": "terror",
                "tags": {},
                "entries": [
                    {"pattern": "إرهاب*", "tags": {}},
                    {"pattern": "=داعش", "tags": {"stance": "enemy"}},
                ],
            }
        ],
    )
    assert len(lexicon.hash) == 16


def test_hash_is_stable_and_content_addressed() -> None:
    base = _load(_demo())
    assert _load(_demo()).hash == base.hash

    relabelled = _demo()
    relabelled["description"] = "other"
    relabelled["frames"][0]["label_en"] = "Terror"
    assert _load(relabelled).hash == base.hash  # labels and descriptions do not count

    changes = []
    for change in ("entry", "order", "tag", "frame_tag", "version", "name", "id"):
        data = _demo()
        frames = data["frames"]
        if change == "entry":
            frames[0]["entries"][0] = "إرهابي*"
        elif change == "order":
            frames[0]["entries"].reverse()
        elif change == "tag":
            frames[0]["entries"][1]["stance"] = "other"
        elif change == "frame_tag":
            frames[0]["referent"] = "other"
        elif change == "version":
            data["version"] = "1.1"
        elif change == "name":
            data["name"] = "demo2"
        else:
            frames[1]["id"] = "government"
        changes.append(_load(data).hash)
    assert base.hash not in changes
    assert len(set(changes)) == len(changes)


def test_hash_does_not_depend_on_normalization_or_path() -> None:
    a = _load(_demo())
    b = _load(_demo(), normalization=Normalization(teh_marbuta=False))
    assert a.hash == b.hash
    assert a.provenance()["normalization"] != b.provenance()["normalization"]


def test_provenance() -> None:
    lexicon = _load(_demo())
    assert lexicon.provenance() == {
        "lexicon": "demo",
        "lexicon_version": "1.0",
        "lexicon_hash": lexicon.hash,
        "normalization": Normalization().to_dict(),
    }


def test_lexicons_are_hashable_and_picklable() -> None:
    lexicon = _load(_demo())
    assert hash(lexicon) == hash(_load(_demo()))
    assert {lexicon["terror"].entries[1]: 1}
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy == lexicon and copy.hash == lexicon.hash


def test_loading_does_not_mutate_the_mapping() -> None:
    data = _demo()
    before = json.dumps(data, ensure_ascii=False)
    _load(data)
    assert json.dumps(data, ensure_ascii=False) == before


# ------------------------------------------------------------------------------ helpers


def test_messages_helpers() -> None:
    assert where("a.yaml", 3) == "a.yaml, line 3"
    assert where("lexicon mapping", None, "f[2]") == "lexicon mapping at f[2]"
    assert where("x.dic", None) == "x.dic"
    assert str(Problem("a.yaml", 3, "bad", frame="f")) == "a.yaml, line 3: frame 'f': bad"
    assert str(Problem("a.yaml", None, "bad")) == "a.yaml: bad"
    assert suggest("lisence", ["licence", "name"]) == " (did you mean 'licence'?)"
    assert suggest("zzz", ["licence"]) == ""
