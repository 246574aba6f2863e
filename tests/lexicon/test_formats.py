"""Reading lexicons: framing YAML, quanteda YAML, LIWC .dic, mappings; YAML and schema errors with lines;
shipped lexicons listed and loaded from a folder."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from framing.lexicon import Lexicon, LexiconError, LexiconWarning, formats, list_lexicons, load_lexicon
from framing.lexicon.formats import FRAME_KEYS, TOP_KEYS, liwc_spec, schema

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "framing" / "lexicons" / "README.md"


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _load(source: Any, **options: Any) -> Lexicon:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        return load_lexicon(source, **options)


def _rows(lexicon: Lexicon) -> list[tuple[Any, ...]]:
    table = lexicon.entries()
    return [tuple(None if pd.isna(v) else v for v in row) for row in table.itertuples(index=False)]


FRAMING_YAML = """\
# A framing lexicon
name: syria
version: 1.10
description: Frames of the war
source: hand-made
licence: CC-BY-4.0
frames:
  - id: terrorism
    label_ar: الإرهاب
    label_en: Terrorism
    description: terrorism
    referent: jihadists
    entries:
      - إرهاب*
      - "=داعش"
      - جبهة النُّصرة
      - {pattern: الأسد, stance: regime}
      - pattern: بشار الأسد
        stance: regime
        weight: 2
  - id: talks
    entries: [محادثات, مفاوضات, "Kerry"]
"""


# ------------------------------------------------------------------------------ framing YAML


def test_framing_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "syria.yaml", FRAMING_YAML)
    lexicon = _load(path)
    assert (lexicon.name, lexicon.version, lexicon.language) == ("syria", "1.10", "ar")  # 1.10 as written
    assert (lexicon.description, lexicon.source, lexicon.licence) == (
        "Frames of the war",
        "hand-made",
        "CC-BY-4.0",
    )
    assert lexicon.path == str(path.resolve())
    assert lexicon.frame_ids == ("terrorism", "talks")
    terrorism = lexicon["terrorism"]
    assert (terrorism.label_ar, terrorism.label_en, terrorism.description) == (
        "الإرهاب",
        "Terrorism",
        "terrorism",
    )
    assert dict(terrorism.tags) == {"referent": "jihadists"}
    assert lexicon["talks"].label_en == "talks"
    assert _rows(lexicon) == [
        ("terrorism", "إرهاب*", "glob", "ارهاب", 14, None, None),
        ("terrorism", "=داعش", "exact", "داعش", 15, None, None),
        ("terrorism", "جبهة النُّصرة", "phrase", "جبهه النصره", 16, None, None),
        ("terrorism", "الأسد", "word", "الاسد", 17, "regime", None),
        ("terrorism", "بشار الأسد", "phrase", "بشار الاسد", 18, "regime", "2"),
        ("talks", "محادثات", "word", "محادثات", 22, None, None),
        ("talks", "مفاوضات", "word", "مفاوضات", 22, None, None),
        ("talks", "Kerry", "word", "kerry", 22, None, None),
    ]
    assert lexicon.warnings == ()


def test_yml_suffix_and_string_paths(tmp_path: Path) -> None:
    path = _write(tmp_path, "syria.yml", FRAMING_YAML)
    assert _load(str(path)).hash == _load(path).hash


def test_yaml_and_mapping_with_the_same_content_have_the_same_hash(tmp_path: Path) -> None:
    mapping = {
        "name": "syria",
        "version": "1.10",
        "frames": [
            {
                "id": "terrorism",
                "referent": "jihadists",
                "entries": [
                    "إرهاب*",
                    "=داعش",
                    "جبهة النُّصرة",
                    {"pattern": "الأسد", "stance": "regime"},
                    {"pattern": "بشار الأسد", "stance": "regime", "weight": 2},
                ],
            },
            {"id": "talks", "entries": ["محادثات", "مفاوضات", "Kerry"]},
        ],
    }
    from_yaml = _load(_write(tmp_path, "syria.yaml", FRAMING_YAML))
    from_mapping = _load(mapping)
    assert from_mapping.hash == from_yaml.hash
    assert from_mapping.path is None and from_mapping.language == "ar"
    changed = _write(tmp_path, "changed.yaml", FRAMING_YAML.replace("مفاوضات", "مفاوضة"))
    assert _load(changed).hash != from_yaml.hash
    comment = _write(tmp_path, "comment.yaml", "# another comment\n" + FRAMING_YAML.replace("Terrorism", "T"))
    assert _load(comment).hash == from_yaml.hash


def test_readme_worked_example(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"### A worked example\n\n```yaml\n(.*?)```", text, re.DOTALL)
    assert block is not None
    lexicon = _load(_write(tmp_path, "syria.yaml", block.group(1)))
    assert lexicon.warnings == ()
    assert _rows(lexicon) == [
        ("terrorism", "إرهاب*", "glob", "ارهاب", 13, None),
        ("terrorism", "=داعش", "exact", "داعش", 14, None),
        ("terrorism", "جبهة النصرة", "phrase", "جبهه النصره", 15, None),
        ("terrorism", "تنظيم الدولة", "phrase", "تنظيم الدوله", 16, None),
        ("regime", "النظام السوري", "phrase", "النظام السوري", 22, None),
        ("regime", "الأسد", "word", "الاسد", 23, "regime"),
        ("regime", "الحكومة السورية", "phrase", "الحكومه السوريه", 24, "neutral"),
    ]
    assert dict(lexicon["regime"].tags) == {"referent": "syrian_government"}
    # the table printed in the README says the same
    for frame, entry, kind, words, line, _ in _rows(lexicon):
        assert re.search(rf"\| {frame} +\| {re.escape(entry)} +\| {kind} +\| {words} +\| {line} ", text)


# ------------------------------------------------------------------------------ YAML syntax errors

GOOD = FRAMING_YAML.splitlines()

TYPOS = [
    # (description, line index to change, new text, expected line, column, hint)
    ("unclosed quote", 14, '      - "=داعش', 15, 9, "a quote that is never closed"),
    ("bad indent", 15, "     - جبهة النُّصرة", 16, 6, "check the indentation"),
    ("tab indent", 13, "\t- إرهاب*", 14, 1, "indent with spaces, not tabs"),
    ("unclosed bracket", 21, "    entries: [محادثات, مفاوضات", 22, 14, "not closed with ']'"),
    ("unclosed brace", 16, "      - {pattern: الأسد, stance: regime", 17, 9, "not closed with '}'"),
    ("star at the start", 13, "      - *إرهاب", 14, 9, "put it in quotes"),
    ("key without colon", 3, "description Frames of the war", 4, 1, "a key without ':'"),
    ("colon in a value", 4, "source: hand: made", 5, 13, "a ':' inside a value"),
]


@pytest.mark.parametrize(("what", "index", "text", "line", "column", "hint"), TYPOS)
def test_yaml_typos_name_the_file_and_line(
    tmp_path: Path, what: str, index: int, text: str, line: int, column: int, hint: str
) -> None:
    lines = list(GOOD)
    lines[index] = text
    path = _write(tmp_path, "typo.yaml", "\n".join(lines) + "\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line {line}, column {column}: YAML syntax error: "), message
    assert hint in message
    assert f"\n    {line} | {text}" in message  # the offending line is shown
    assert (info.value.file, info.value.line) == (str(path), line)


def test_duplicate_yaml_keys_are_errors(tmp_path: Path) -> None:
    text = FRAMING_YAML.replace("licence: CC-BY-4.0\n", "licence: CC-BY-4.0\nname: other\n")
    path = _write(tmp_path, "dup.yaml", text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert (
        str(info.value)
        == f"{path}, line 7: duplicate key 'name' (first at line 2); YAML keeps only the last one"
    )


def test_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"empty.yaml: the lexicon is empty"):
        load_lexicon(_write(tmp_path, "empty.yaml", "# nothing\n"))
    with pytest.raises(LexiconError, match=r"list.yaml, line 1: a lexicon must be a mapping: .*found a list"):
        load_lexicon(_write(tmp_path, "list.yaml", "- إرهاب\n- داعش\n"))
    with pytest.raises(LexiconError, match=r"two.yaml, line 2, column 1: YAML syntax error"):
        load_lexicon(_write(tmp_path, "two.yaml", "a: [b]\n---\nc: [d]\n"))


def test_not_utf8(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "cp1256.yaml",
        "name: x\nversion: '1'\nframes:\n  - id: a\n    entries: [إرهاب]\n".encode("cp1256"),
    )
    with pytest.raises(
        LexiconError, match=r"cp1256.yaml, line 5: the file is not UTF-8 \(byte \d+\); save it as UTF-8"
    ):
        load_lexicon(path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.yaml", "\ufeff" + FRAMING_YAML)
    assert _load(path).name == "syria"


# ------------------------------------------------------------------------------ schema errors

HEAD = "name: x\nversion: '1'\n"
SCHEMA_ERRORS = [
    # (YAML text, expected problems after "file, ")
    (
        "name: x\nversion: '1'\nlicense: MIT\nframes:\n  - id: a\n    entries: [إرهاب]\n",
        ["line 3: unknown key 'license' (did you mean 'licence'?); valid keys: " + ", ".join(TOP_KEYS)],
    ),
    (
        "name: x\nframes:\n  - id: a\n    entries: [إرهاب]\n",
        ["line 1: missing required key 'version'"],
    ),
    (
        "name: x\nversion: '1'\nframe:\n  - id: a\n    entries: [إرهاب]\n",
        [
            "line 1: missing required key 'frames' (found 'frame': a typo?)",
            "line 3: unknown key 'frame' (did you mean 'frames'?); valid keys: " + ", ".join(TOP_KEYS),
        ],
    ),
    (
        HEAD + "frames:\n  - id: Terror\n    entries: [إرهاب]\n",
        [
            "line 4: frame 'Terror': frame id 'Terror' is not valid: use "
            "lower-case ASCII letters, digits and '_', "
            "starting with a letter (e.g. 'terror')"
        ],
    ),
    (
        HEAD + "frames:\n  - id: a\n    entires: [إرهاب]\n",
        ["line 4: frame 'a': missing required key 'entries' (found 'entires': a typo?)"],
    ),
    (
        HEAD + "frames:\n  - id: a\n    entries: []\n",
        ["line 5: frame 'a': the frame has no entries"],
    ),
    (
        HEAD + "frames:\n  - id: a\n    entries:\n  - id: b\n    entries: [x]\n",
        ["line 5: frame 'a': the frame has no entries"],
    ),
    (
        HEAD + "frames: []\n",
        ["line 3: the lexicon has no frames"],
    ),
    (
        HEAD + "frames:\n  - id: a\n    entries:\n      - إرهاب\n      -\n      - [x, y]\n",
        [
            "line 7: frame 'a': an entry must be a string or a mapping "
            "with a 'pattern'; found nothing (an empty value)",
            "line 8: frame 'a': an entry must be a string or a mapping with a 'pattern'; found a list",
        ],
    ),
    (
        HEAD + "frames:\n  - id: a\n    entries:\n      - {patern: x}\n      - {pattern: y, kind: z}\n",
        [
            "line 6: frame 'a': missing required key 'pattern' (found 'patern': a typo?)",
            "line 7: frame 'a', entry 'y': tag name 'kind' is reserved (a column of Lexicon.entries(): "
            "frame, entry, kind, words, line)",
        ],
    ),
    (
        HEAD + "frames:\n  - id: a\n    Label-AR: x\n    referent: [a, b]\n    entries: [x]\n",
        [
            "line 5: frame 'a': key 'Label-AR' is not valid: keys other than "
            + ", ".join(FRAME_KEYS)
            + " are tags, named with lower-case ASCII letters, digits and '_'",
            "line 6: frame 'a': tag 'referent' must be a string, a number or true/false; found a list",
        ],
    ),
    (
        HEAD + "frames:\n  - id: a\n    entries: [x]\n  - entries: [y]\n",
        ["line 6: frame '#2': missing required key 'id'"],
    ),
    (
        "name: ''\nversion: '1'\nframes:\n  - id: a\n    entries: [x]\n",
        ["line 1: 'name' is empty"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCHEMA_ERRORS)
def test_schema_errors_name_the_line(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = _write(tmp_path, "lex.yaml", text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert list(info.value.problems) == [f"{path}, {p}" for p in expected]
    assert info.value.line == int(expected[0].split(":")[0].removeprefix("line "))


def test_schema_errors_in_a_mapping_name_the_path() -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon(
            {"name": "x", "version": 1, "frames": [{"id": "a", "entries": ["x"]}, {"id": "b", "entries": []}]}
        )
    assert str(info.value) == "lexicon mapping at frames[1].entries: frame 'b': the frame has no entries"
    assert _load({"name": "x", "version": 1, "frames": [{"id": "a", "entries": ["x"]}]}).version == "1"


def test_tuples_in_a_mapping_are_lists() -> None:
    lexicon = _load({"name": "x", "version": "1", "frames": ({"id": "a", "entries": ("إرهاب", "داعش")},)})
    assert [e.pattern for e in lexicon["a"].entries] == ["إرهاب", "داعش"]


def test_entry_errors_in_yaml_name_the_line(tmp_path: Path) -> None:
    text = (
        HEAD
        + "frames:\n  - id: a\n    entries:\n      - إرهاب\n      - إره*اب\n  - id: a\n    entries: [=x*]\n"
    )
    path = _write(tmp_path, "lex.yaml", text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert list(info.value.problems) == [
        f"{path}, line 7: frame 'a', entry 'إره*اب': '*' is only "
        "allowed at the end of an entry (a glob such as "
        "'إرهاب*')",
        f"{path}, line 8: frame 'a': duplicate frame id (first defined at {path}, line 4)",
        f"{path}, line 9: frame 'a', entry '=x*': '=' (exact form) cannot be combined with '*' (any ending): "
        "choose one",
    ]


def test_warnings_in_yaml_name_the_line(tmp_path: Path) -> None:
    text = (
        HEAD + "frames:\n  - id: a\n    lable_ar: x\n    entries:\n      - الأسد\n      - الاسد\n      - في\n"
    )
    path = _write(tmp_path, "lex.yaml", text)
    with pytest.warns(LexiconWarning) as record:
        lexicon = load_lexicon(path)
    assert list(lexicon.warnings) == [
        f"{path}, line 5: frame 'a': key 'lable_ar' is kept as a frame tag (did you mean 'label_ar'?)",
        f"{path}, line 8: frame 'a', entry 'الاسد': duplicate entry: same words (الاسد) and kind (word) as "
        "'الأسد' (line 7) in the same frame",
        f"{path}, line 9: frame 'a', entry 'في': the entry is a "
        "stopword (في): it will match in almost every text",
    ]
    assert str(record[0].message).startswith("lexicon 'x' has 3 warnings:\n")


def test_schema_file() -> None:
    importlib.import_module("jsonschema").Draft202012Validator.check_schema(schema())
    assert tuple(schema()["properties"]) == TOP_KEYS
    assert tuple(schema()["$defs"]["frame"]["properties"]) == FRAME_KEYS


# ------------------------------------------------------------------------------ quanteda layout

QUANTEDA = """\
terrorism:
  - إرهاب*
  - =داعش
regime:
  assad:
    - الأسد
    - النظام السوري
  russia:
    - {pattern: روسيا, stance: ally}
Talks and Diplomacy: [محادثات]
"""


def test_quanteda_yaml_with_nested_keys(tmp_path: Path) -> None:
    lexicon = _load(_write(tmp_path, "my_dict.yml", QUANTEDA))
    assert (lexicon.name, lexicon.version, lexicon.language) == ("my_dict", "0", "")
    assert lexicon.frame_ids == ("terrorism", "regime.assad", "regime.russia", "Talks and Diplomacy")
    assert lexicon["regime.assad"].label_en == "regime.assad"
    assert _rows(lexicon) == [
        ("terrorism", "إرهاب*", "glob", "ارهاب", 2, None),
        ("terrorism", "=داعش", "exact", "داعش", 3, None),
        ("regime.assad", "الأسد", "word", "الاسد", 6, None),
        ("regime.assad", "النظام السوري", "phrase", "النظام السوري", 7, None),
        ("regime.russia", "روسيا", "word", "روسيا", 9, "ally"),
        ("Talks and Diplomacy", "محادثات", "word", "محادثات", 10, None),
    ]


def test_quanteda_mapping_is_the_same_lexicon(tmp_path: Path) -> None:
    mapping = {
        "terrorism": ["إرهاب*", "=داعش"],
        "regime": {"assad": ["الأسد", "النظام السوري"], "russia": [{"pattern": "روسيا", "stance": "ally"}]},
        "Talks and Diplomacy": ("محادثات",),
    }
    lexicon = _load(mapping)
    assert (lexicon.name, lexicon.version) == ("unnamed", "0")
    from_file = _load(_write(tmp_path, "unnamed.yaml", QUANTEDA))
    assert [row[:4] for row in _rows(lexicon)] == [row[:4] for row in _rows(from_file)]
    assert lexicon.hash == from_file.hash


QUANTEDA_ERRORS = [
    (
        "terrorism: إرهاب\n",
        "line 1: frame 'terrorism': the value of a key must be a list of entries or a mapping "
        "of sub-keys (quanteda's YAML layout); found str 'إرهاب' - write ['إرهاب']",
    ),
    ("terrorism:\n", "line 1: frame 'terrorism': the frame has no entries"),
    ("terrorism: []\n", "line 1: frame 'terrorism': the frame has no entries"),
    ("regime: {}\n", "line 1: frame 'regime': the frame has no entries"),
    ("regime:\n  assad: [x]\n  russia:\n", "line 3: frame 'regime.russia': the frame has no entries"),
    ("a: [x]\na: [y]\n", "line 2: duplicate key 'a' (first at line 1); YAML keeps only the last one"),
    (
        "a: [x, إر*هاب]\n",
        "line 1: frame 'a', entry 'إر*هاب': '*' is only allowed at the end of an entry "
        "(a glob such as 'إرهاب*')",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUANTEDA_ERRORS)
def test_quanteda_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, "q.yaml", text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(info.value) == f"{path}, {expected}"


def test_quanteda_mapping_errors_name_the_key() -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon({"terrorism": "إرهاب"})
    assert str(info.value) == (
        "lexicon mapping at terrorism: frame 'terrorism': the value of a key must be a list of entries or a "
        "mapping of sub-keys (the {frame_id: [entries]} layout); found str 'إرهاب' - write ['إرهاب']"
    )
    with pytest.raises(
        LexiconError, match=r"^lexicon mapping at regime.assad\[1\]: frame 'regime.assad', entry"
    ):
        load_lexicon({"regime": {"assad": ["الأسد", "*"]}})


# ------------------------------------------------------------------------------ LIWC

LIWC = "%\n1\tterror\n2\tpeace\n03\tnegemo\n%\nإرهاب*\t1\nهدنة\t2 3\nقتل\t1\t3\nsad*\t03\n"


def test_liwc_categories_and_multi_category_words(tmp_path: Path) -> None:
    lexicon = _load(_write(tmp_path, "arabic_liwc.dic", LIWC))
    assert (lexicon.name, lexicon.version) == ("arabic_liwc", "0")
    assert lexicon.frame_ids == ("terror", "peace", "negemo")
    assert _rows(lexicon) == [
        ("terror", "إرهاب*", "glob", "ارهاب", 6),
        ("terror", "قتل", "word", "قتل", 8),
        ("peace", "هدنة", "word", "هدنه", 7),
        ("negemo", "هدنة", "word", "هدنه", 7),
        ("negemo", "قتل", "word", "قتل", 8),
        ("negemo", "sad*", "glob", "sad", 9),
    ]
    assert lexicon.warnings == ()  # one line giving several categories is not a duplicate


def test_liwc_with_spaces_blank_lines_and_crlf(tmp_path: Path) -> None:
    text = "\r\n%\r\n1 terror\r\n2   peace\r\n%\r\n\r\nإرهاب* 1\r\nوقف إطلاق النار 2\r\n"
    lexicon = _load(_write(tmp_path, "spaces.dic", text))
    assert _rows(lexicon) == [
        ("terror", "إرهاب*", "glob", "ارهاب", 7),
        ("peace", "وقف إطلاق النار", "phrase", "وقف اطلاق النار", 8),
    ]


def test_liwc_conditional_categories_are_skipped_with_a_warning(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "cond.dic", "%\n1\tfunct\n2\tverb\n%\nkind\t(02 134)125/464\t(02 134)126\t1\nsay\t2\n"
    )
    with pytest.warns(LexiconWarning) as record:
        lexicon = load_lexicon(path)
    assert _rows(lexicon) == [("funct", "kind", "word", "kind", 5), ("verb", "say", "word", "say", 6)]
    assert list(lexicon.warnings) == [
        f"{path}, line 5: entry 'kind': LIWC conditional category "
        "'(02 134)125/464' is not supported; skipped",
        f"{path}, line 5: entry 'kind': LIWC conditional category '(02 134)126' is not supported; skipped",
    ]
    assert len(record) == 1


LIWC_ERRORS = [
    (
        "%\n1\tterror\n%\nإرهاب*\t1 7\n",
        ["line 4: entry 'إرهاب*': unknown category 7; the header defines: 1 (terror)"],
    ),
    (
        "%\n1\tterror\n%\nسلام\tx\n",
        ["line 4: entry 'سلام': category 'x' is not a category number; the header defines: 1 (terror)"],
    ),
    ("%\n1\tterror\n%\nحرب\n", ["line 4: entry 'حرب': the word has no category number"]),
    (
        "1\tterror\n%\n",
        [
            "line 1: a LIWC .dic file starts with a line '%', then 'number<TAB>category' lines, "
            "then a line '%'; found '1\\tterror'"
        ],
    ),
    ("%\n1\tterror\nحرب\t1\n", ["line 1: the category list opened by '%' is never closed by a line '%'"]),
    ("%\nterror\n%\n", ["line 2: expected 'number<TAB>category' in the category list; found 'terror'"]),
    (
        "%\n1\tterror\n1\tpeace\n%\nحرب\t1\n",
        ["line 3: frame 'peace': category number 1 is already used (line 2)"],
    ),
    ("%\n1\tterror\n2\tpeace\n%\nحرب\t1\n", ["line 3: frame 'peace': the frame has no entries"]),
    (
        "%\n1\tterror\n2\tterror\n%\nحرب\t1 2\n",
        ["line 3: frame 'terror': duplicate frame id (first defined at {path}, line 2)"],
    ),
    (
        "%\n1\tterror\n%\n*حرب\t1\n",
        [
            "line 4: frame 'terror', entry '*حرب': '*' is only allowed at the end of an "
            "entry (a glob such as 'إرهاب*')"
        ],
    ),
    (
        "",
        [
            "line 1: a LIWC .dic file starts with a line '%', then "
            "'number<TAB>category' lines, then a line '%'; "
            "found ''"
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIWC_ERRORS)
def test_liwc_errors_name_the_line(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = _write(tmp_path, "bad.dic", text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert list(info.value.problems) == [f"{path}, {p.format(path=path)}" for p in expected]


def test_liwc_spec_reads_text() -> None:
    spec = liwc_spec("%\n1\tterror\n%\nإرهاب*\t1\n", file="x.dic")
    assert (spec.name, [f.id for f in spec.frames], spec.frames[0].entries[0].value) == (
        "x",
        ["terror"],
        "إرهاب*",
    )


# ------------------------------------------------------------------------------ sources


def test_unknown_name_lists_the_shipped_lexicons(tmp_path: Path) -> None:
    _write(tmp_path, "syria.yaml", FRAMING_YAML)
    _write(tmp_path, "other.yaml", FRAMING_YAML.replace("name: syria", "name: other_name"))
    with pytest.raises(LexiconError) as info:
        load_lexicon("sirya", folder=tmp_path)
    assert str(info.value) == (
        f"unknown lexicon 'sirya': the lexicons in {tmp_path} are: other, syria; "
        "a path to a lexicon file must end in .yaml, .yml, .dic"
    )
    with pytest.raises(LexiconError, match=r"the lexicons shipped with framing are: .*must end in \.yaml"):
        load_lexicon("no_such_lexicon")


def test_path_errors(tmp_path: Path) -> None:
    with pytest.raises(
        LexiconError, match=r"missing.yaml: no such lexicon file \(looked for .*missing.yaml\)"
    ):
        load_lexicon(tmp_path / "missing.yaml")
    txt = _write(tmp_path, "lex.txt", "x")
    with pytest.raises(
        LexiconError,
        match=r"lex.txt: unknown lexicon file type '.txt'; a lexicon file ends in "
        r"\.yaml, \.yml \(framing or quanteda YAML\) or \.dic \(LIWC\)",
    ):
        load_lexicon(txt)
    with pytest.raises(LexiconError, match=r"unknown lexicon file type '\(no suffix\)'"):
        load_lexicon(tmp_path)
    with pytest.raises(TypeError, match="a lexicon source is a name, a path or a mapping; found int 3"):
        load_lexicon(3)  # type: ignore[arg-type]


def test_list_and_load_lexicons_of_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "syria.yaml", FRAMING_YAML)
    _write(
        tmp_path,
        "b_other.yaml",
        "name: kerry\nversion: '2'\ndescription: Talks\nframes:\n  - id: t\n    entries: [محادثات, في]\n",
    )
    _write(tmp_path, "ignored.dic", LIWC)
    table = list_lexicons(folder=tmp_path)
    expected = pd.DataFrame(
        {
            "name": ["kerry", "syria"],
            "version": ["2", "1.10"],
            "description": ["Talks", "Frames of the war"],
            "frames": [1, 2],
            "entries": [2, 8],
        }
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert table["frames"].dtype == "int64"
    assert _load("syria", folder=tmp_path).name == "syria"  # by file name
    assert _load("kerry", folder=tmp_path).version == "2"  # by the name in the file
    with pytest.warns(LexiconWarning, match="stopword"):
        load_lexicon("b_other", folder=tmp_path)

    monkeypatch.setattr(formats, "LEXICONS_PACKAGE", "tests.lexicon")  # a package without lexicons
    assert list_lexicons().empty
    assert list(list_lexicons().columns) == ["name", "version", "description", "frames", "entries"]


def test_list_lexicons_does_not_warn(tmp_path: Path) -> None:
    _write(tmp_path, "w.yaml", "name: w\nversion: '1'\nframes:\n  - id: t\n    entries: [في]\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(list_lexicons(folder=tmp_path)["name"]) == ["w"]


def test_a_broken_lexicon_in_the_folder_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "broken.yaml", "name: x\nversion: '1\n")
    with pytest.raises(LexiconError, match=r"broken.yaml, line 2, column 10: YAML syntax error"):
        list_lexicons(folder=tmp_path)


def test_shipped_lexicons_are_valid() -> None:
    table = list_lexicons()  # whatever ships in framing/lexicons must load
    for name in table["name"]:
        assert _load(name).frames


def test_importing_the_lexicon_package_is_light() -> None:
    code = (
        "import sys, framing.lexicon, framing.text.stopwords; "
        "print(sorted({'jsonschema', 'arabicstopwords'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
