"""Package data of the loaders: page chrome patterns, wire agencies and dateline places."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from framing.load.outlets import LinePatterns
from framing.text.normalize import Normalization


def _read(name: str) -> Any:
    return yaml.safe_load(
        resources.files("framing.load").joinpath("resources", name).read_text(encoding="utf-8")
    )


@dataclass(frozen=True)
class Chrome:
    """Page furniture shared by Arabic news sites (``resources/chrome.yaml``)."""

    chrome: LinePatterns
    end_markers: LinePatterns
    byline: LinePatterns
    source_line: LinePatterns
    caption_words: LinePatterns
    photo_credit: LinePatterns
    credit_line: LinePatterns


@lru_cache(maxsize=1)
def chrome() -> Chrome:
    data = _read("chrome.yaml")
    where = "framing/load/resources/chrome.yaml"
    return Chrome(
        chrome=LinePatterns.from_entries(data["chrome"], where=f"{where} chrome"),
        end_markers=LinePatterns.from_entries(data["end_markers"], where=f"{where} end_markers"),
        byline=LinePatterns.from_entries([data["byline"]], where=f"{where} byline"),
        source_line=LinePatterns.from_entries([data["source_line"]], where=f"{where} source_line"),
        caption_words=LinePatterns.from_entries([data["caption_words"]], where=f"{where} caption_words"),
        photo_credit=LinePatterns.from_entries(data["photo_credit"], where=f"{where} photo_credit"),
        credit_line=LinePatterns.from_entries(data["credit_line"], where=f"{where} credit_line"),
    )


_LETTERS = Normalization()
_KEY_DROP = "«»\"'."  # as in match_key


@lru_cache(maxsize=1)
def _key_table() -> list[int | str]:
    """The letters' translation list with the characters a key drops deleted: one ``str.translate``
    does both (the dropped characters are ASCII and Latin-1, which the letter steps leave alone, and a
    translation's output is not translated again, as a deletion before it would not see it either)."""
    table = list(_LETTERS.lookup)
    for char in _KEY_DROP:
        table[ord(char)] = ""
    return table


def fast_key(text: str) -> str:
    """:func:`~framing.load.outlets.match_key` in one pass of each step (the loader keys many lines).

    >>> from framing.load.outlets import match_key
    >>> fast_key("«بوابة  الشروق»") == match_key("«بوابة  الشروق»")
    True
    """
    return " ".join(text.translate(_key_table()).split()).lower()


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """:func:`fast_key` of one word (white space aside), kept: words repeat far more than lines do."""
    return fast_key(word)


def words_key(text: str) -> str:
    """:func:`fast_key` of ``text`` computed word by word (each word's key is kept), the same string.

    The character steps map no white space and make none but a space (a few presentation forms
    decompose to a space and a mark), and a word's key may be empty (``«``): so the key of the text
    is the non-empty keys of its words joined by a space (``str.lower`` changes no letter's case by
    what lies beyond a space).

    >>> words_key("«بوابة  الشروق» \u00bb Moscow") == fast_key("«بوابة  الشروق» \u00bb Moscow")
    True
    """
    return split_key(text.split())


def split_key(words: list[str]) -> str:
    """:func:`words_key` of a text given as its ``str.split()`` (for a caller that has split it already)."""
    return " ".join(filter(None, map(_word_key, words)))


def name_key(text: str) -> str:
    """:func:`match_key` without spaces, so that ``أ.ف.ب``, ``أ ف ب`` and ``ا ف ب`` are one key.

    >>> name_key("أ.ف.ب") == name_key("ا ف ب")
    True
    """
    return words_key(text).replace(" ", "")


def _index(data: dict[str, list[str]]) -> dict[str, str]:
    """``{name: [spellings]}`` -> ``{name_key(spelling): name}`` (the name itself is a spelling too)."""
    return {name_key(spelling): name for name, spellings in data.items() for spelling in (name, *spellings)}


def wire_names() -> dict[str, str]:
    """Agency spellings (as :func:`name_key`) -> agency code (the registry is :mod:`framing.load.wires`).

    >>> wire_names()[name_key("أ ف ب")]
    'AFP'
    """
    from framing.load.wires import wire_names as names

    return names()


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Dateline place spellings -> English name.

    >>> place_names()[name_key("موسكو")]
    'Moscow'
    """
    return _index(_read("places.yaml"))
