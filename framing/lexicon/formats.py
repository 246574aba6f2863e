"""Reading lexicons: framing YAML, quanteda YAML, LIWC ``.dic`` and Python mappings; shipped lexicons.

:func:`load_lexicon` takes the name of a shipped lexicon (:func:`list_lexicons`), a path, a mapping, or a
:class:`~framing.lexicon.model.Lexicon`:

- a ``.yaml``/``.yml`` file in the framing format (``name``, ``version``, ``frames``, ...; checked against
  the JSON Schema ``framing/lexicon/schema.json``) or in quanteda's layout ``{key: [patterns]}``, keys
  possibly nested (frame ids ``key.subkey``);
- a LIWC ``.dic`` file (``%``, ``number<TAB>category`` lines, ``%``, then ``word<TAB>numbers`` lines);
- a mapping in either YAML layout, so a lexicon can be tried in one notebook cell.

Every problem names the file and line (or the place in a mapping), the frame and the entry. The format
is documented in ``framing/lexicons/README.md``.

>>> lexicon = load_lexicon({"terror": ["إرهاب*", "=داعش"], "regime": ["النظام السوري"]})
>>> lexicon.name, lexicon.version, lexicon.frame_ids
('unnamed', '0', ('terror', 'regime'))
>>> load_lexicon({"terror": ["إره*اب"]})
Traceback (most recent call last):
...
framing.lexicon.model.LexiconError: lexicon mapping at terror[0]: frame 'terror', entry 'إره*اب': \
'*' is only allowed at the end of an entry (a glob such as 'إرهاب*')
"""

from __future__ import annotations

import difflib
import importlib
import json
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from framing.lexicon.model import (
    ENTRY_COLUMNS,
    EntrySpec,
    FrameSpec,
    Lexicon,
    LexiconError,
    LexiconSpec,
    LexiconWarning,
    Problem,
    build_problems,
    raise_problems,
    suggest,
    tag_value,
    where,
)
from framing.text.normalize import Normalization
from framing.text.tokenize import word_forms

LEXICONS_PACKAGE = "framing.lexicons"  # the shipped lexicons: framing/lexicons/*.yaml
YAML_SUFFIXES = (".yaml", ".yml")
LIWC_SUFFIXES = (".dic",)
SUFFIXES = YAML_SUFFIXES + LIWC_SUFFIXES
MAPPING = "lexicon mapping"  # how a mapping source is named in messages

TOP_KEYS = ("name", "version", "language", "description", "source", "licence", "frames")
FRAME_KEYS = ("id", "label_ar", "label_en", "description", "entries")
DEFAULT_LANGUAGE = "ar"

JsonPath = tuple[str | int, ...]
MAX_YAML_VALUES = 10_000  # values a lexicon YAML may add through aliases (*name) to those written
MAX_YAML_DEPTH = 50  # levels of nested lists and mappings a lexicon YAML may have
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# ---------------------------------------------------------------------------------------- YAML


@dataclass
class _Lines:
    """1-based lines of the nodes of a YAML document, by JSON path: the value node, and the key node."""

    value: dict[JsonPath, int] = field(default_factory=dict)
    key: dict[JsonPath, int] = field(default_factory=dict)

    def of(self, path: JsonPath) -> int | None:
        """The line of the node at ``path``, else of its nearest ancestor (None for a mapping source)."""
        for n in range(len(path), -1, -1):
            if path[:n] in self.value:
                return self.value[path[:n]]
        return None

    def of_key(self, path: JsonPath) -> int | None:
        """The line of the key leading to ``path`` (where a frame or a key is written)."""
        return self.key.get(path, self.of(path))


_YAML_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    (
        "mapping values are not allowed",
        "a ':' inside a value (quote the value), or a missing space after ':' or '-'",
    ),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("could not find expected ':'", "a key without ':', or a value running over several lines"),
    ("quoted scalar", "a quote that is never closed"),
    ("flow sequence", "a '[' list that is not closed with ']', or a missing ','"),
    ("flow mapping", "a '{' mapping that is not closed with '}', or a missing ','"),
    ("alias", "a value starting with '*' or '&' is read as a YAML alias or anchor: put it in quotes"),
    ("anchor", "a value starting with '*' or '&' is read as a YAML alias or anchor: put it in quotes"),
    ("'@'", "a value starting with '@' or '`' must be put in quotes"),
    ("'`'", "a value starting with '@' or '`' must be put in quotes"),
)


def _yaml_error(err: yaml.YAMLError, file: str, text: str) -> LexiconError:
    """A YAML syntax error as a :class:`LexiconError` naming the file, line and column, with the line."""
    if isinstance(err, yaml.reader.ReaderError):  # a character YAML does not allow: no mark, a position
        before = text[: err.position]
        line, column = before.count("\n") + 1, err.position - (before.rfind("\n") + 1) + 1
        char = err.character if isinstance(err.character, str) else chr(err.character)
        return LexiconError(
            f"{file}, line {line}, column {column}: the control character U+{ord(char):04X} is not allowed "
            "in YAML: delete it (it is often invisible; copy-paste from a PDF or a word processor)",
            file=file,
            line=line,
        )
    if not isinstance(err, yaml.MarkedYAMLError) or err.problem_mark is None:
        return LexiconError(f"{file}: YAML error: {err}", file=file)
    problem_mark, context_mark = err.problem_mark, err.context_mark
    # A token the scanner could not finish (a quote, a key) or an unclosed [ or { is wrong where it starts.
    scanning = context_mark is not None and (err.context or "").startswith(
        ("while scanning", "while parsing a flow")
    )
    mark = context_mark if scanning and context_mark is not None else problem_mark
    what = f"{err.context}: {err.problem}" if scanning else str(err.problem)
    if mark is not problem_mark:
        what += f" (at line {problem_mark.line + 1}, column {problem_mark.column + 1})"
    elif context_mark is not None and err.context:
        what += f" ({err.context} at line {context_mark.line + 1})"
    hints = [hint for key, hint in _YAML_HINTS if key in f"{err.context} {err.problem}"]
    runaway = _runaway_quote(text, problem_mark.line)
    if runaway is not None and runaway.line < mark.line:
        # A quote left open swallows the next lines up to the next quote: the error shows up later.
        what = f"a quoted value starts here and runs on to line {problem_mark.line + 1}, where: {what}"
        mark, hints = runaway, ["a quote that is never closed"]
    line, column = mark.line + 1, mark.column + 1
    lines = text.splitlines()
    shown = f"\n    {line} | {lines[line - 1]}" if 0 < line <= len(lines) else ""
    hint = f"; hint: {hints[0]}" if hints else ""
    return LexiconError(
        f"{file}, line {line}, column {column}: YAML syntax error: {what}{hint}{shown}", file=file, line=line
    )


def _runaway_quote(text: str, before: int) -> Any:
    """The start mark of the first quoted scalar spanning several lines before line ``before`` (0-based)."""
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line >= before:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
            ):
                return token.start_mark
    except yaml.YAMLError:
        pass
    return None


def _yaml_tree(text: str, file: str) -> tuple[Any, _Lines]:
    """Parse YAML keeping the line of every node. Scalars stay as written (``1.10`` is the string
    ``'1.10'``, ``yes`` is ``'yes'``); only an empty value or ``null``/``~`` is None."""
    _check_depth(text, file)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        raise _yaml_error(err, file, text) from None
    except RecursionError:
        raise LexiconError(f"{file}: the YAML is nested too deeply to read", file=file) from None
    lines = _Lines()
    if root is None:
        return None, lines
    loader = yaml.SafeLoader("")  # for merge keys (<<) only
    problems: list[Problem] = []
    active: set[int] = set()
    budget = [_distinct_nodes(root) + MAX_YAML_VALUES]

    def build(node: yaml.Node, path: JsonPath) -> Any:
        budget[0] -= 1
        if budget[0] < 0:  # aliases of aliases grow without end (a "billion laughs")
            raise LexiconError(
                f"{file}: the YAML expands to more than {MAX_YAML_VALUES:,} values through aliases "
                "(*name) beyond those written: write the entries out instead of repeating anchors",
                file=file,
            )
        lines.value[path] = node.start_mark.line + 1
        if id(node) in active:
            problems.append(Problem(file, node.start_mark.line + 1, "a YAML alias refers to itself"))
            return None
        if isinstance(node, yaml.MappingNode):
            active.add(id(node))
            try:
                loader.flatten_mapping(node)
            except yaml.YAMLError as err:  # a merge key (<<) whose value is not a mapping
                line = getattr(getattr(err, "problem_mark", None), "line", node.start_mark.line) + 1
                problems.append(
                    Problem(
                        file,
                        line,
                        "a merge key (<<) must be followed by a mapping or an alias of one: "
                        f"{getattr(err, 'problem', err)}",
                    )
                )
                active.discard(id(node))
                return None
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = _scalar_text(key_node)
                if key is None:
                    problems.append(
                        Problem(file, key_node.start_mark.line + 1, "a key must be a plain string")
                    )
                    continue
                if key in out:
                    first = lines.key[(*path, key)]
                    problems.append(
                        Problem(
                            file,
                            key_node.start_mark.line + 1,
                            f"duplicate key {key!r} (first at line {first}); YAML keeps only the last one",
                        )
                    )
                    continue
                lines.key[(*path, key)] = key_node.start_mark.line + 1
                out[key] = build(value_node, (*path, key))
            active.discard(id(node))
            return out
        if isinstance(node, yaml.SequenceNode):
            active.add(id(node))
            items = [build(item, (*path, i)) for i, item in enumerate(node.value)]
            active.discard(id(node))
            return items
        if node.tag == "tag:yaml.org,2002:null":
            return None
        text = str(node.value)
        bad = _SURROGATE.search(text)
        if bad is not None:
            problems.append(
                Problem(
                    file,
                    node.start_mark.line + 1,
                    f"a lone surrogate (U+{ord(bad.group()):04X}) is not valid Unicode: remove the "
                    "\\u escape or write the whole character",
                )
            )
            return None
        return text

    try:
        data = build(root, ())
    except RecursionError:
        raise LexiconError(f"{file}: the YAML is nested too deeply to read", file=file) from None
    raise_problems(problems)
    return data, lines


_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
         yaml.BlockMappingStartToken)  # fmt: skip
_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def _check_depth(text: str, file: str) -> None:
    """Refuse, with its line, YAML nested deeper than :data:`MAX_YAML_DEPTH` (composing it would take
    seconds and then overflow the stack). Syntax errors are left to the parser to report."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    line = token.start_mark.line + 1
                    raise LexiconError(
                        f"{file}, line {line}: the YAML is nested more than {MAX_YAML_DEPTH} levels deep",
                        file=file,
                        line=line,
                    )
            elif isinstance(token, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return


def _distinct_nodes(root: yaml.Node) -> int:
    """The nodes of a composed document, each counted once however many aliases point to it."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return len(seen)


def _scalar_text(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return str(node.value)
    return None


def _read_text(path: Path | Traversable, file: str) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise LexiconError(
            f"{file}, line {line}: the file is not UTF-8 (byte {err.start}); save it as UTF-8",
            file=file,
            line=line,
        ) from None


# -------------------------------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the framing YAML format (``framing/lexicon/schema.json``).

    >>> schema()["required"]
    ['name', 'version', 'frames']
    """
    text = resources.files("framing.lexicon").joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@lru_cache(maxsize=1)
def _validator() -> Any:
    jsonschema = importlib.import_module("jsonschema")  # imported here: nothing happens at import time
    return jsonschema.Draft202012Validator(schema())


def _path_text(path: JsonPath) -> str:
    """``('frames', 0, 'entries', 2)`` -> ``frames[0].entries[2]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _context(data: Any, path: JsonPath) -> tuple[str | None, str | None]:
    """The frame id and the entry named by a path inside a framing-format mapping."""
    frame = entry = None
    if len(path) >= 2 and path[0] == "frames" and isinstance(path[1], int):
        frames = data.get("frames")
        item = frames[path[1]] if isinstance(frames, list) and path[1] < len(frames) else None
        if isinstance(item, Mapping):
            frame = item.get("id") if isinstance(item.get("id"), str) else f"#{path[1] + 1}"
            if len(path) >= 4 and path[2] == "entries" and isinstance(path[3], int):
                entries = item.get("entries")
                value = entries[path[3]] if isinstance(entries, list) and path[3] < len(entries) else None
                if isinstance(value, Mapping):
                    value = value.get("pattern")
                entry = value if isinstance(value, str) else None
    return frame, entry


_TYPE_NAMES = {
    "string": "a string",
    "number": "a number",
    "boolean": "true/false",
    "object": "a mapping",
    "array": "a list",
    "null": "empty",
}


def _found(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _schema_problem(err: Any, data: Any, file: str, lines: _Lines) -> Problem | None:
    path: JsonPath = tuple(err.absolute_path)
    schema_path = list(err.absolute_schema_path)
    frame, entry = _context(data, path)
    instance = err.instance
    line = lines.of(path)
    in_frame = len(path) == 2 and path[0] == "frames"
    in_entry = len(path) == 4 and path[2] == "entries"

    def at(text: str, line: int | None = line, at_path: JsonPath = path) -> Problem:
        return Problem(file, line, text, frame=frame, entry=entry, path=_path_text(at_path))

    if err.validator == "required":
        missing = next(k for k in err.validator_value if k not in instance)
        return at(f"missing required key {missing!r}{_typo(instance, missing)}")
    if err.validator == "additionalProperties" and isinstance(instance, Mapping):
        extra = next(k for k in instance if k not in err.schema.get("properties", {}))
        return at(
            f"unknown key {extra!r}{suggest(extra, TOP_KEYS)}; valid keys: {', '.join(TOP_KEYS)}",
            lines.of_key((*path, extra)),
            (*path, extra),
        )
    if "propertyNames" in schema_path:
        key = str(instance)
        key_path = (*path, key)
        known = FRAME_KEYS if in_frame else ("pattern",)
        if err.validator == "not":
            return at(
                f"tag name {key!r} is reserved (a column of Lexicon.entries(): {', '.join(ENTRY_COLUMNS)})",
                lines.of_key(key_path),
                key_path,
            )
        return at(
            f"key {key!r} is not valid{suggest(key, known)}: keys other than {', '.join(known)} are tags, "
            "named with lower-case ASCII letters, digits and '_'",
            lines.of_key(key_path),
            key_path,
        )
    if err.validator == "minItems" or (
        err.validator == "type" and instance is None and path[-1:] == ("entries",)
    ):
        if path[-1:] == ("frames",):
            return at("the lexicon has no frames")
        return at("the frame has no entries")
    if err.validator == "type":
        expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        names = [_TYPE_NAMES.get(str(t), str(t)) for t in expected if t != "null"]
        wanted = " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]
        if "additionalProperties" in schema_path and len(path) >= 1:
            key = str(path[-1])
            known = FRAME_KEYS if len(path) == 3 else ("pattern",)
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            close = suggest(key, known)
            meant = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            if meant and meant[0] not in parent:
                return None  # reported as the missing key, with this key as the likely typo
            return at(f"tag {key!r} must be {wanted}; found {_found(instance)}{close}", lines.of_key(path))
        if in_entry:
            return at(f"an entry must be a string or a mapping with a 'pattern'; found {_found(instance)}")
        what = (
            {"id": "the frame id", "pattern": "the pattern"}.get(str(path[-1]), f"{path[-1]!r}")
            if path
            else ""
        )
        return at(f"{what or 'the lexicon'} must be {wanted}; found {_found(instance)}")
    if err.validator == "pattern" and path[-1:] == ("id",):
        slug = re.sub(r"[^a-z0-9_]+", "_", str(instance).lower()).strip("_")
        example = f" (e.g. {slug!r})" if re.fullmatch(r"[a-z][a-z0-9_]*", slug) else ""
        return at(
            f"frame id {instance!r} is not valid: use lower-case ASCII letters, digits and '_', "
            f"starting with a letter{example}"
        )
    if err.validator == "minLength":
        return at(f"{path[-1]!r} is empty")
    return at(err.message)


def _typo(instance: Mapping[str, Any], missing: str) -> str:
    """`` (found 'entires': a typo?)`` when a key of ``instance`` is close to the missing one."""
    for key in instance:
        if suggest(str(key), [missing]):
            return f" (found {key!r}: a typo?)"
    return ""


def _schema_problems(data: Any, file: str, lines: _Lines) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    for err in _validator().iter_errors(data):
        found = _schema_problem(err, data, file, lines)
        if found is not None and str(found) not in seen:
            seen.add(str(found))
            out.append(found)
    return sorted(out, key=lambda p: p.line or 0)


# -------------------------------------------------------------------------------------- layouts


def _is_framing_format(data: Mapping[str, Any]) -> bool:
    """The framing format has ``frames`` or scalar metadata; quanteda's layout has only lists and mappings."""
    return "frames" in data or any(
        key in data and data[key] is not None and not isinstance(data[key], list | tuple | Mapping)
        for key in TOP_KEYS
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _framing_spec(data: Mapping[str, Any], file: str, lines: _Lines, path: str | None) -> LexiconSpec:
    raise_problems(_schema_problems(data, file, lines))
    frames: list[FrameSpec] = []
    warns: list[Problem] = []
    for i, frame in enumerate(data["frames"]):
        fpath: JsonPath = ("frames", i)
        tags: dict[str, str] = {}
        for key, value in frame.items():
            if key in FRAME_KEYS:
                continue
            tags[key] = tag_value(value) or ""
            if suggest(key, FRAME_KEYS):
                warns.append(
                    Problem(
                        file,
                        lines.of_key((*fpath, key)),
                        f"key {key!r} is kept as a frame tag{suggest(key, FRAME_KEYS)}",
                        frame=frame["id"],
                        path=_path_text((*fpath, key)),
                    )
                )
        entries = [
            EntrySpec(value, lines.of((*fpath, "entries", j)), _path_text((*fpath, "entries", j)))
            for j, value in enumerate(frame["entries"])
        ]
        frames.append(
            FrameSpec(
                id=frame["id"],
                entries=entries,
                label_ar=_text(frame.get("label_ar")),
                label_en=_text(frame.get("label_en")),
                description=_text(frame.get("description")),
                tags=tags,
                line=lines.of(fpath),
                path=_path_text(fpath),
            )
        )
    language = data.get("language")
    return LexiconSpec(
        name=data["name"],
        version=str(data["version"]),
        frames=frames,
        language=DEFAULT_LANGUAGE if language is None else str(language),
        description=_text(data.get("description")),
        source=_text(data.get("source")),
        licence=_text(data.get("licence")),
        file=file,
        path=path,
        warnings=warns,
    )


def _quanteda_spec(
    data: Mapping[Any, Any], file: str, lines: _Lines, path: str | None, name: str, layout: str
) -> LexiconSpec:
    """``{key: [entries]}``, keys possibly nested (frame ids ``key.subkey``), as in quanteda's YAML."""
    frames: list[FrameSpec] = []
    problems: list[Problem] = []

    def walk(mapping: Mapping[Any, Any], prefix: str, at: JsonPath) -> None:
        for key, value in mapping.items():
            fid = f"{prefix}{key}"
            here: JsonPath = (*at, str(key))
            line = lines.of_key(here)
            if not str(key).strip():
                problems.append(
                    Problem(file, line, "an empty key cannot name a frame", path=_path_text(here))
                )
            elif isinstance(value, Mapping):
                if value:
                    walk(value, f"{fid}.", here)
                else:
                    problems.append(
                        Problem(file, line, "the frame has no entries", frame=fid, path=_path_text(here))
                    )
            elif isinstance(value, list | tuple) or value is None:
                entries = [
                    EntrySpec(v, lines.of((*here, j)), _path_text((*here, j)))
                    for j, v in enumerate(value or ())
                ]
                frames.append(FrameSpec(fid, entries, label_en=fid, line=line, path=_path_text(here)))
            else:
                hint = f" - write [{value!r}]" if isinstance(value, str) else ""
                problems.append(
                    Problem(
                        file,
                        line,
                        f"the value of a key must be a list of entries or a mapping of sub-keys "
                        f"({layout}); found {_found(value)}{hint}",
                        frame=fid,
                        path=_path_text(here),
                    )
                )

    walk(data, "", ())
    raise_problems(problems)
    return LexiconSpec(name=name, version="0", frames=frames, file=file, path=path, description="")


def _mapping_spec(data: Any, file: str, lines: _Lines, path: str | None, name: str) -> LexiconSpec:
    if data is None:
        raise LexiconError(f"{file}: the lexicon is empty", file=file)
    if not isinstance(data, Mapping):
        raise LexiconError(
            f"{where(file, lines.of(()))}: a lexicon must be a mapping: either the framing format "
            "(name, version, frames: [...]) or quanteda's layout {frame_id: [entries]}; "
            f"found {_found(data)}",
            file=file,
            line=lines.of(()),
        )
    if _is_framing_format(data):
        return _framing_spec(data, file, lines, path)
    layout = "quanteda's YAML layout" if lines.value else "the {frame_id: [entries]} layout"
    return _quanteda_spec(data, file, lines, path, name, layout)


# ----------------------------------------------------------------------------------------- LIWC

_LIWC_CATEGORY = re.compile(r"^\s*(\d+)\s+(\S.*?)\s*$")
_LIWC_TOKEN = re.compile(r"\([^)]*\)\S*|<[^>]*>\S*|\S+")
_LIWC_CONDITIONAL = re.compile(r"^[(<]")


def liwc_spec(text: str, *, file: str = "lexicon.dic", path: str | None = None) -> LexiconSpec:
    """Read a LIWC dictionary: ``%``, ``number<TAB>category`` lines, ``%``, then ``word<TAB>numbers``.

    Each category becomes a frame (id and English label = the category name); a word listed under several
    numbers is an entry of each of those frames. LIWC's conditional codes (``(02 134)125/464``,
    ``<of>131``) are not supported: they are skipped with a warning.

    >>> spec = liwc_spec("%\\n1\\tterror\\n2\\tpeace\\n%\\nإرهاب*\\t1\\nهدنة\\t2 1\\n")
    >>> [(f.id, [e.value for e in f.entries]) for f in spec.frames]
    [('terror', ['إرهاب*', 'هدنة']), ('peace', ['هدنة'])]
    """
    lines = text.splitlines()
    problems: list[Problem] = []
    warns: list[Problem] = []
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    layout = "a LIWC .dic file starts with a line '%', then 'number<TAB>category' lines, then a line '%'"
    if not numbered or numbered[0][1].strip() != "%":
        first = numbered[0] if numbered else (1, "")
        raise LexiconError(
            f"{file}, line {first[0]}: {layout}; found {first[1].strip()!r}", file=file, line=first[0]
        )
    closing = next((i for i, (_, line) in enumerate(numbered[1:], 1) if line.strip() == "%"), None)
    if closing is None:
        raise LexiconError(
            f"{file}, line {numbered[0][0]}: the category list opened by '%' is never closed by a line '%'",
            file=file,
            line=numbered[0][0],
        )
    categories: dict[int, FrameSpec] = {}
    for n, line in numbered[1:closing]:
        m = _LIWC_CATEGORY.match(line)
        if m is None:
            problems.append(
                Problem(file, n, f"expected 'number<TAB>category' in the category list; found {line!r}")
            )
            continue
        number, name = int(m.group(1)), m.group(2)
        if number in categories:
            problems.append(
                Problem(
                    file,
                    n,
                    f"category number {number} is already used (line {categories[number].line})",
                    frame=name,
                )
            )
            continue
        categories[number] = FrameSpec(name, [], label_en=name, line=n, path=f"category {number}")
    valid = ", ".join(f"{k} ({f.id})" for k, f in categories.items()) or "none"
    for n, line in numbered[closing + 1 :]:
        if "\t" in line:
            pattern, rest = line.split("\t", 1)
        else:
            parts = line.split()
            cut = next(
                (i for i, p in enumerate(parts) if i and (p.isdigit() or _LIWC_CONDITIONAL.match(p))), None
            )
            pattern, rest = (" ".join(parts[:cut]), " ".join(parts[cut:])) if cut else (line, "")
        pattern = pattern.strip()
        numbers: list[int] = []
        for token in _LIWC_TOKEN.findall(rest):
            if token.isdigit() and int(token) in categories:
                numbers.append(int(token))
            elif token.isdigit():
                problems.append(
                    Problem(file, n, f"unknown category {token}; the header defines: {valid}", entry=pattern)
                )
            elif _LIWC_CONDITIONAL.match(token):
                warns.append(
                    Problem(
                        file,
                        n,
                        f"LIWC conditional category {token!r} is not supported; skipped",
                        entry=pattern,
                    )
                )
            else:
                problems.append(
                    Problem(
                        file,
                        n,
                        f"category {token!r} is not a category number; the header defines: {valid}",
                        entry=pattern,
                    )
                )
        if not numbers and not rest.strip():
            problems.append(Problem(file, n, "the word has no category number", entry=pattern))
        if numbers and pattern and not word_forms(pattern.lstrip("=").rstrip("*")):
            # an emoticon or other symbols (':)', '<3'): the tokenizer keeps letters and digits only
            warns.append(
                Problem(
                    file,
                    n,
                    "the entry holds no letter or digit (an emoticon?): it cannot match; skipped",
                    entry=pattern,
                )
            )
            continue
        for number in numbers:
            categories[number].entries.append(EntrySpec(pattern, n, f"line {n}"))
    raise_problems(problems)
    stem = Path(file).stem or "unnamed"
    return LexiconSpec(
        name=stem,
        version="0",
        frames=list(categories.values()),
        file=file,
        path=path,
        description="read from a LIWC .dic file",
        warnings=warns,
    )


# ------------------------------------------------------------------------------------- sources


def _folder(folder: str | Path | None) -> Path | Traversable:
    return Path(folder) if folder is not None else resources.files(LEXICONS_PACKAGE)


def _shipped_files(folder: str | Path | None) -> list[Path | Traversable]:
    root = _folder(folder)
    if not root.is_dir():
        return []
    return sorted(
        (p for p in root.iterdir() if p.name.endswith(".yaml") and p.is_file()), key=lambda p: p.name
    )


def _shipped(name: str, folder: str | Path | None) -> Path | Traversable:
    files = _shipped_files(folder)
    for p in files:
        if p.name[: -len(".yaml")] == name:
            return p
    for p in files:  # a lexicon whose `name` differs from its file name
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, Mapping) and data.get("name") == name:
            return p
    names = [p.name[: -len(".yaml")] for p in files]
    where = f"in {folder}" if folder is not None else "shipped with framing"
    raise LexiconError(
        f"unknown lexicon {name!r}: the lexicons {where} are: {', '.join(names) or '(none)'}; "
        f"a path to a lexicon file must end in {', '.join(SUFFIXES)}",
        file=name,
    )


def _plain(value: Any, path: JsonPath = (), problems: list[Problem] | None = None) -> Any:
    """A copy of a mapping source with plain dicts and lists (tuples are lists, as in YAML).

    Keys that are not strings and strings holding a lone surrogate are refused: a :class:`LexiconError`
    names each, with its place in the mapping.
    """
    top = problems is None
    found: list[Problem] = [] if problems is None else problems
    out: Any = value
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                found.append(
                    Problem(
                        MAPPING,
                        None,
                        f"key {key!r} is {type(key).__name__}, not a string: frame ids, keys and tags are "
                        "strings",
                        path=_path_text(path) or "the top level",
                    )
                )
                continue
            out[key] = _plain(item, (*path, key), found)
    elif isinstance(value, list | tuple):
        out = [_plain(item, (*path, i), found) for i, item in enumerate(value)]
    if isinstance(value, str | Mapping):
        for text in [value] if isinstance(value, str) else [k for k in value if isinstance(k, str)]:
            bad = _SURROGATE.search(text)
            if bad is not None:
                found.append(
                    Problem(
                        MAPPING,
                        None,
                        f"{text!r} holds a lone surrogate (U+{ord(bad.group()):04X}): not valid Unicode",
                        path=_path_text(path) or "the top level",
                    )
                )
    if top:
        raise_problems(found)
    return out


def _looks_like_path(source: str) -> bool:
    return source.lower().endswith(SUFFIXES) or "/" in source or "\\" in source


def read_spec(source: str | Path | Mapping[str, Any], *, folder: str | Path | None = None) -> LexiconSpec:
    """The :class:`~framing.lexicon.model.LexiconSpec` of a shipped name, a path or a mapping (unchecked
    entries: :func:`~framing.lexicon.model.build_lexicon` checks them)."""
    if isinstance(source, Mapping):
        return _mapping_spec(_plain(source), MAPPING, _Lines(), None, "unnamed")
    if isinstance(source, str) and not _looks_like_path(source):
        if Path(source).is_file():
            raise LexiconError(
                f"{source!r} is a file but not a lexicon file: a path must end in {', '.join(SUFFIXES)}",
                file=source,
            )
        file_obj = _shipped(source, folder)
        return _file_spec(file_obj, str(file_obj), str(file_obj))
    if not isinstance(source, str | Path):
        raise TypeError(
            f"a lexicon source is a name, a path or a mapping; found {type(source).__name__} {source!r}"
        )
    path = Path(source)
    file = str(source)
    if path.suffix.lower() not in SUFFIXES:
        raise LexiconError(
            f"{file}: unknown lexicon file type {path.suffix or '(no suffix)'!r}; a lexicon file ends in "
            f"{', '.join(YAML_SUFFIXES)} (framing or quanteda YAML) or {', '.join(LIWC_SUFFIXES)} (LIWC)",
            file=file,
        )
    if not path.is_file():
        raise LexiconError(f"{file}: no such lexicon file (looked for {path.resolve()})", file=file)
    return _file_spec(path, file, str(path.resolve()))


def _file_spec(path: Path | Traversable, file: str, resolved: str) -> LexiconSpec:
    text = _read_text(path, file)
    stem = Path(path.name).stem
    if path.name.lower().endswith(LIWC_SUFFIXES):
        return liwc_spec(text, file=file, path=resolved)
    data, lines = _yaml_tree(text, file)
    return _mapping_spec(data, file, lines, resolved, stem)


def _spec_of(lexicon: Lexicon) -> LexiconSpec:
    """A lexicon back as a spec, to build it again with another normalization."""
    frames = [
        FrameSpec(
            frame.id,
            [
                EntrySpec({"pattern": e.pattern, **e.tags} if e.tags else e.pattern, e.line)
                for e in frame.entries
            ],
            frame.label_ar,
            frame.label_en,
            frame.description,
            dict(frame.tags),
        )
        for frame in lexicon.frames
    ]
    return LexiconSpec(
        lexicon.name,
        lexicon.version,
        frames,
        lexicon.language,
        lexicon.description,
        lexicon.source,
        lexicon.licence,
        file=lexicon.path or MAPPING,
        path=lexicon.path,
    )


def _load(
    source: str | Path | Mapping[str, Any] | Lexicon,
    *,
    normalization: Normalization | None,
    folder: str | Path | None,
) -> tuple[Lexicon, list[Problem]]:
    if isinstance(source, Lexicon):
        if normalization is None or normalization == source.normalization:
            return source, []
        spec = _spec_of(source)
    else:
        spec = read_spec(source, folder=folder)
    return build_problems(spec, normalization=normalization)


def load_lexicon(
    source: str | Path | Mapping[str, Any] | Lexicon,
    *,
    normalization: Normalization | None = None,
    strict: bool = False,
    folder: str | Path | None = None,
) -> Lexicon:
    """Read, normalize and check a lexicon.

    ``source`` is the name of a shipped lexicon (:func:`list_lexicons`; or of a lexicon in ``folder``), a
    path (``.yaml``/``.yml``: the framing format, or quanteda's layout ``{key: [patterns]}`` with nested
    keys giving frame ids ``key.subkey``; ``.dic``: LIWC), a mapping in either YAML layout, or a
    :class:`~framing.lexicon.model.Lexicon` (built again when ``normalization`` differs from its own).
    Entries are normalized with ``normalization`` (the default :class:`Normalization` when None).

    Errors raise :class:`~framing.lexicon.model.LexiconError` naming the file, line, frame and entry of
    each problem. Warnings (duplicate entries, stopword entries, globs shorter than 3 letters) are kept in
    :attr:`Lexicon.warnings` and emitted once as a :class:`~framing.lexicon.model.LexiconWarning`;
    ``strict=True`` turns them into a ``LexiconError``.

    >>> lexicon = load_lexicon({"name": "demo", "version": "1.0", "frames": [
    ...     {"id": "terror", "label_ar": "إرهاب", "entries": ["إرهاب*", "=داعش", "جبهة النصرة"]}]})
    >>> lexicon.entries()[["entry", "kind", "words"]].values.tolist()
    [['إرهاب*', 'glob', 'ارهاب'], ['=داعش', 'exact', 'داعش'], ['جبهة النصرة', 'phrase', 'جبهه النصره']]
    >>> load_lexicon({"talks": ["محادثات", "في"]}, strict=True)
    Traceback (most recent call last):
    ...
    framing.lexicon.model.LexiconError: strict=True turns this warning into an error: lexicon mapping at \
talks[1]: frame 'talks', entry 'في': the entry is a stopword (في): it will match in almost every text
    """
    lexicon, warned = _load(source, normalization=normalization, folder=folder)
    if warned and strict:
        raise_problems(warned, strict=True)
    if warned:
        text = "\n  ".join(str(p) for p in warned)
        head = f"lexicon {lexicon.name!r} has {len(warned)} warning{'s' if len(warned) > 1 else ''}"
        warnings.warn(f"{head}:\n  {text}", LexiconWarning, stacklevel=2)
    return lexicon


def list_lexicons(*, folder: str | Path | None = None) -> pd.DataFrame:
    """The shipped lexicons (``framing/lexicons/*.yaml``), or those in ``folder``: one row per lexicon
    with ``name, version, description, frames, entries`` (counts). Warnings are not emitted here.

    >>> list(list_lexicons().columns)
    ['name', 'version', 'description', 'frames', 'entries']
    """
    rows = []
    for p in _shipped_files(folder):
        lexicon, _ = build_problems(_file_spec(p, str(p), str(p)))
        rows.append(
            {
                "name": lexicon.name,
                "version": lexicon.version,
                "description": lexicon.description,
                "frames": len(lexicon.frames),
                "entries": sum(len(f.entries) for f in lexicon.frames),
            }
        )
    columns = ["name", "version", "description", "frames", "entries"]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"frames": "int64", "entries": "int64"})


__all__ = ["list_lexicons", "liwc_spec", "load_lexicon", "read_spec", "schema"]
