"""Lexicon files and mappings that once crashed, exhausted memory or lost the line: each is refused with a
message naming the file, line (and column) or the place in the mapping; duplicate entries are warned about
naming both lines and counted once by ``coverage``."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.lexicon import load_lexicon
from framing.lexicon.formats import MAX_YAML_VALUES
from framing.lexicon.model import LexiconError, LexiconWarning

# A 364-byte "billion laughs": nine lists of nine aliases, nine levels deep (9**9 values if expanded).
BOMB = "".join(
    [
        'a: &a ["x","x","x","x","x","x","x","x","x"]\n',
        *(
            f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]\n"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)


def test_alias_bomb_is_refused_quickly_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    assert len(BOMB.encode()) < 400
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(
        LexiconError, match=f"expands to more than {MAX_YAML_VALUES:,} values through aliases"
    ):
        load_lexicon(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.perf_counter() - started < 20
    assert peak < 200e6


def test_a_few_aliases_are_expanded(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("terror: &t [إرهاب*, داعش]\nisis: *t\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    assert [e.pattern for e in lexicon["isis"].entries] == ["إرهاب*", "داعش"]


def test_control_character_is_named_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.yaml"
    path.write_text("terror:\n  - إرهاب\n  - دا\x07عش\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert str(err.value).startswith(f"{path}, line 3, column 7: the control character U+0007 is not allowed")
    assert err.value.line == 3


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ({True: ["كيري"]}, "lexicon mapping at the top level: key True is bool, not a string"),
        ({"a": {None: ["كيري"]}}, "lexicon mapping at a: key None is NoneType, not a string"),
        (
            {"name": "x", "version": "1", "frames": [{"id": "a", "entries": [{"pattern": "كيري", 3: "x"}]}]},
            r"lexicon mapping at frames\[0\]\.entries\[0\]: key 3 is int, not a string",
        ),
        (
            {"a": ["كيري\ud800"]},
            r"lexicon mapping at a\[0\]: 'كيري\\ud800' holds a lone surrogate \(U\+D800\)",
        ),
        ({"a\udfff": ["كيري"]}, r"holds a lone surrogate \(U\+DFFF\)"),
    ],
)
def test_mapping_keys_and_surrogates_are_refused(source: dict[object, object], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        load_lexicon(source)  # type: ignore[arg-type]


def test_lone_surrogate_escape_in_yaml_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text('terror:\n  - إرهاب\n  - "\\ud800"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r", line 3: a lone surrogate \(U\+D800\) is not valid Unicode"):
        load_lexicon(path)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 1200 + "]" * 1200 + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r", line 1: the YAML is nested more than 50 levels deep"):
        load_lexicon(path)


def test_duplicate_entry_is_warned_naming_both_lines_and_counted_once(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("terror:\n  - إرهاب\n  - داعش\n  - إرهاب\n", encoding="utf-8")
    with pytest.warns(LexiconWarning, match="line 4: frame 'terror', entry 'إرهاب': duplicate entry"):
        lexicon = load_lexicon(path)
    assert "(line 2) in the same frame" in lexicon.warnings[0]
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": ["ضد إرهاب داعش"]})
    table = framing.coverage(framing.find_matches(corpus, lexicon), lexicon)
    assert table[["entry", "hits"]].values.tolist() == [["إرهاب", 1], ["داعش", 1]]
