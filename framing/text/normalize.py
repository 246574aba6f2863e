"""Arabic normalization: each step a small ``str -> str`` function, composed by :func:`normalize`.

The steps that map one character to others (or to none) are applied in a single pass with a
translation table built once per set of options (:class:`Normalization`).

>>> normalize("الإرهابيّين ـ ١٤ يوليه")
'الارهابيين 14 يوليه'
>>> normalize("سورية", teh_marbuta=False)
'سورية'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache

from framing.text import chars

_DIGITS = "0123456789"
_SPACES = re.compile(r"\s+")


def _table(mapping: dict[str, str]) -> dict[int, str]:
    return {ord(k): v for k, v in mapping.items()}


@lru_cache(maxsize=1)
def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) -> their letters (NFKC), e.g. ﻻ -> لا.

    Ligatures that stand for several words (ﷺ, ﷽) are kept as they are: one character, one token.
    """
    table: dict[str, str] = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        char = chr(code)
        if unicodedata.name(char, ""):
            folded = unicodedata.normalize("NFKC", char)
            if folded != char and " " not in folded.strip():
                table[char] = folded
    return table


def _diacritics() -> dict[str, str]:
    return dict.fromkeys(chars.DIACRITICS, "")


def _tatweel() -> dict[str, str]:
    return {chars.TATWEEL: ""}


def _alef() -> dict[str, str]:
    return dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF)


def _alef_maqsura() -> dict[str, str]:
    return {chars.ALEF_MAQSURA: chars.YEH}


def _teh_marbuta() -> dict[str, str]:
    return {chars.TEH_MARBUTA: chars.HEH}


def _persian_letters() -> dict[str, str]:
    return dict(chars.PERSIAN_LETTERS)


def _digits() -> dict[str, str]:
    return dict(zip(chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS, _DIGITS * 2, strict=True))


def _invisibles() -> dict[str, str]:
    return dict.fromkeys(chars.INVISIBLES, "")


def _cyrillic_yo() -> dict[str, str]:
    return dict(chars.CYRILLIC_YO)


# Each character step, defined once as a mapping, in the order the steps run. The step functions below
# and Normalization.table are both built from these; tests/text checks that the two agree.
STEPS: dict[str, Callable[[], dict[str, str]]] = {
    "presentation_forms": _presentation_forms,
    "diacritics": _diacritics,
    "tatweel": _tatweel,
    "alef": _alef,
    "alef_maqsura": _alef_maqsura,
    "teh_marbuta": _teh_marbuta,
    "persian_letters": _persian_letters,
    "digits": _digits,
    "invisibles": _invisibles,
    "cyrillic_yo": _cyrillic_yo,
}


@lru_cache(maxsize=len(STEPS))
def step_table(step: str) -> dict[int, str]:
    """The translation table of one character step (a name in :data:`STEPS`).

    >>> "\u064b".translate(step_table("diacritics"))
    ''
    """
    if step not in STEPS:
        raise ValueError(f"step is {step!r}; valid choices are {list(STEPS)}")
    return _table(STEPS[step]())


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, sukun, dagger alef and Quranic marks.

    >>> strip_diacritics("مُحَمَّدٌ")
    'محمد'
    """
    return text.translate(step_table("diacritics"))


def strip_tatweel(text: str) -> str:
    """Remove the tatweel (kashida) used to stretch words.

    >>> strip_tatweel("مـــوسكو")
    'موسكو'
    """
    return text.translate(step_table("tatweel"))


def unify_alef(text: str) -> str:
    """Map alef with hamza above/below, madda and wasla to bare alef.

    >>> unify_alef("إلى أين آذار")
    'الى اين اذار'
    """
    return text.translate(step_table("alef"))


def unify_alef_maqsura(text: str) -> str:
    """Map alef maqsura (ى) to yeh (ي), as Egyptian spelling writes final yeh as ى.

    >>> unify_alef_maqsura("كيرى")
    'كيري'
    """
    return text.translate(step_table("alef_maqsura"))


def unify_teh_marbuta(text: str) -> str:
    """Map teh marbuta (ة) to heh (ه).

    >>> unify_teh_marbuta("سورية")
    'سوريه'
    """
    return text.translate(step_table("teh_marbuta"))


def unify_persian_letters(text: str) -> str:
    """Map Persian/Urdu keheh and Farsi yeh to the Arabic letters.

    >>> unify_persian_letters("کیری") == "كيري"
    True
    """
    return text.translate(step_table("persian_letters"))


def decompose_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms (ligatures, positional forms) by the plain letters.

    >>> decompose_presentation_forms("\\ufefb\\ufee3\\ufe8e") == "لا" + "ما"
    True
    """
    return text.translate(step_table("presentation_forms"))


def ascii_digits(text: str) -> str:
    """Map Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits.

    >>> ascii_digits("١٤ / ۰۷ / 2016")
    '14 / 07 / 2016'
    """
    return text.translate(step_table("digits"))


def strip_invisibles(text: str) -> str:
    """Remove zero-width characters and direction marks.

    >>> strip_invisibles("\\u200fموسكو\\u200e")
    'موسكو'
    """
    return text.translate(step_table("invisibles"))


def unify_cyrillic_yo(text: str) -> str:
    """Map Russian ё (and Ё) to е (Е), as most Russian text is printed without the dots.

    >>> unify_cyrillic_yo("объединённых")
    'объединенных'
    """
    return text.translate(step_table("cyrillic_yo"))


def fold_whitespace(text: str) -> str:
    """Fold runs of white space to one space and trim the ends.

    >>> fold_whitespace("  كيري \\n\\t بوتين ")
    'كيري بوتين'
    """
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Normalization:
    """A set of normalization options; its :attr:`table` applies all character steps in one pass.

    Every step is on by default. Results record these settings in their provenance (:meth:`to_dict`).

    >>> Normalization(teh_marbuta=False).apply("جبهة النُّصرة")
    'جبهة النصرة'
    """

    diacritics: bool = True
    tatweel: bool = True
    alef: bool = True
    alef_maqsura: bool = True
    teh_marbuta: bool = True
    persian_letters: bool = True
    presentation_forms: bool = True
    digits: bool = True
    invisibles: bool = True
    cyrillic_yo: bool = True  # ё -> е (Russian text; framing.text.languages)

    @cached_property
    def table(self) -> dict[int, str]:
        """The translation table of the character steps switched on."""
        table: dict[str, str] = {}
        for step, mapping in STEPS.items():  # the steps switched on, in order
            if getattr(self, step):
                table.update(mapping())
        # A presentation form decomposes to letters that the other steps map again.
        composed = {k: self._chain(v, table) for k, v in table.items()}
        return _table(composed)

    @staticmethod
    def _chain(value: str, table: dict[str, str]) -> str:
        return "".join(table.get(c, c) if len(table.get(c, c)) <= 1 else c for c in value)

    @cached_property
    def _not_one_to_one(self) -> re.Pattern[str] | None:
        odd = [chr(k) for k, v in self.table.items() if len(v) != 1]
        return re.compile("[" + re.escape("".join(odd)) + "]") if odd else None

    @cached_property
    def lookup(self) -> list[int | str]:
        """:attr:`table` as a list indexed by code point, every character below the last mapped one
        present (itself when unmapped): ``str.translate`` reads a list by index, where a dict costs a
        hash lookup and, for each character it lacks, a ``KeyError`` caught inside (2-2.5x slower on
        Arabic text). Characters past the end raise ``IndexError``, a ``LookupError``: left as they are,
        as the dict leaves the characters it lacks."""
        table = self.table
        lookup: list[int | str] = list(range(max(table, default=-1) + 1))
        for code, value in table.items():
            lookup[code] = value
        return lookup

    def apply(self, text: str) -> str:
        """The character steps, without folding white space."""
        return text.translate(self.lookup)

    def with_offsets(self, text: str) -> tuple[str, list[int] | None]:
        """``(normalized, index)``: ``index[i]`` is the position in ``text`` of normalized character ``i``.

        ``index`` is None when every character maps to exactly one (positions are unchanged).

        >>> Normalization().with_offsets("١٤ يـوليو")
        ('14 يوليو', [0, 1, 2, 3, 5, 6, 7, 8])
        >>> Normalization().with_offsets("كيري")
        ('كيري', None)
        """
        folded = self.apply(text)
        odd = self._not_one_to_one
        if odd is None or odd.search(text) is None:
            return folded, None
        table = self.table
        index: list[int] = []
        done = 0  # the characters before ``done`` are indexed
        for match in odd.finditer(text):  # a run of one-to-one characters, then one that is not
            at = match.start()
            index += range(done, at)
            index += [at] * len(table[ord(text[at])])
            done = at + 1
        index += range(done, len(text))
        return folded, index

    def to_dict(self) -> dict[str, bool]:
        """The settings, for provenance."""
        return asdict(self)


@lru_cache(maxsize=64)
def normalization(**options: bool) -> Normalization:
    """A cached :class:`Normalization` for keyword options (so tables are built once)."""
    return Normalization(**options)


def normalize(
    text: str,
    *,
    diacritics: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    alef_maqsura: bool = True,
    teh_marbuta: bool = True,
    persian_letters: bool = True,
    presentation_forms: bool = True,
    digits: bool = True,
    invisibles: bool = True,
    whitespace: bool = True,
    cyrillic_yo: bool = True,
) -> str:
    """Normalize Arabic text for matching; every step can be switched off.

    The character steps (:func:`strip_diacritics`, :func:`strip_tatweel`, :func:`unify_alef`,
    :func:`unify_alef_maqsura`, :func:`unify_teh_marbuta`, :func:`unify_persian_letters`,
    :func:`decompose_presentation_forms`, :func:`ascii_digits`, :func:`strip_invisibles`) run as one
    translation table; :func:`fold_whitespace` runs last. The result is idempotent.

    >>> normalize("وصل كيرى إلى موسكو")
    'وصل كيري الي موسكو'
    >>> normalize("إلى", alef=False, alef_maqsura=False)
    'إلى'
    >>> normalize("объединённых")  # Russian ё -> е (cyrillic_yo)
    'объединенных'
    """
    out = normalization(
        diacritics=diacritics,
        tatweel=tatweel,
        alef=alef,
        alef_maqsura=alef_maqsura,
        teh_marbuta=teh_marbuta,
        persian_letters=persian_letters,
        presentation_forms=presentation_forms,
        digits=digits,
        invisibles=invisibles,
        cyrillic_yo=cyrillic_yo,
    ).apply(text)
    return fold_whitespace(out) if whitespace else out
