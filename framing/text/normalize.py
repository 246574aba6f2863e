"""Arabic normalization: each step a small ``str -> str`` function, composed by :func:`normalize`.

The steps that map one character to one (or no) character are applied in a single pass with a
translation table built once per set of options.

>>> normalize("الإرهابيّين ـ ١٤ يوليه")
'الارهابيين 14 يوليه'
>>> normalize("سورية", teh_marbuta=False)
'سورية'
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.text import chars

_DIGITS = "0123456789"
_SPACES = re.compile(r"\s+")


def _table(mapping: dict[str, str]) -> dict[int, str]:
    return {ord(k): v for k, v in mapping.items()}


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, sukun, dagger alef and Quranic marks.

    >>> strip_diacritics("مُحَمَّدٌ")
    'محمد'
    """
    return text.translate(_table(dict.fromkeys(chars.DIACRITICS, "")))


def strip_tatweel(text: str) -> str:
    """Remove the tatweel (kashida) used to stretch words.

    >>> strip_tatweel("مـــوسكو")
    'موسكو'
    """
    return text.replace(chars.TATWEEL, "")


def unify_alef(text: str) -> str:
    """Map alef with hamza above/below, madda and wasla to bare alef.

    >>> unify_alef("إلى أين آذار")
    'الى اين اذار'
    """
    return text.translate(_table(dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF)))


def unify_alef_maqsura(text: str) -> str:
    """Map alef maqsura (ى) to yeh (ي), as Egyptian spelling writes final yeh as ى.

    >>> unify_alef_maqsura("كيرى")
    'كيري'
    """
    return text.replace(chars.ALEF_MAQSURA, chars.YEH)


def unify_teh_marbuta(text: str) -> str:
    """Map teh marbuta (ة) to heh (ه).

    >>> unify_teh_marbuta("سورية")
    'سوريه'
    """
    return text.replace(chars.TEH_MARBUTA, chars.HEH)


def unify_persian_letters(text: str) -> str:
    """Map Persian/Urdu keheh and Farsi yeh to the Arabic letters.

    >>> unify_persian_letters("کیری") == "كيري"
    True
    """
    return text.translate(_table(chars.PERSIAN_LETTERS))


def ascii_digits(text: str) -> str:
    """Map Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits.

    >>> ascii_digits("١٤ / ۰۷ / 2016")
    '14 / 07 / 2016'
    """
    return text.translate(
        _table(dict(zip(chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS, _DIGITS * 2, strict=True)))
    )


def strip_invisibles(text: str) -> str:
    """Remove zero-width characters and direction marks.

    >>> strip_invisibles("\\u200fموسكو\\u200e")
    'موسكو'
    """
    return text.translate(_table(dict.fromkeys(chars.INVISIBLES, "")))


def fold_whitespace(text: str) -> str:
    """Fold runs of white space to one space and trim the ends.

    >>> fold_whitespace("  كيري \\n\\t بوتين ")
    'كيري بوتين'
    """
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=64)
def _translation(
    diacritics: bool,
    tatweel: bool,
    alef: bool,
    alef_maqsura: bool,
    teh_marbuta: bool,
    persian_letters: bool,
    digits: bool,
    invisibles: bool,
) -> dict[int, str]:
    table: dict[str, str] = {}
    if diacritics:
        table.update(dict.fromkeys(chars.DIACRITICS, ""))
    if tatweel:
        table[chars.TATWEEL] = ""
    if alef:
        table.update(dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF))
    if alef_maqsura:
        table[chars.ALEF_MAQSURA] = chars.YEH
    if teh_marbuta:
        table[chars.TEH_MARBUTA] = chars.HEH
    if persian_letters:
        table.update(chars.PERSIAN_LETTERS)
    if digits:
        table.update(zip(chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS, _DIGITS * 2, strict=True))
    if invisibles:
        table.update(dict.fromkeys(chars.INVISIBLES, ""))
    return _table(table)


def normalize(
    text: str,
    *,
    diacritics: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    alef_maqsura: bool = True,
    teh_marbuta: bool = True,
    persian_letters: bool = True,
    digits: bool = True,
    invisibles: bool = True,
    whitespace: bool = True,
) -> str:
    """Normalize Arabic text for matching; every step can be switched off.

    The character steps (:func:`strip_diacritics`, :func:`strip_tatweel`, :func:`unify_alef`,
    :func:`unify_alef_maqsura`, :func:`unify_teh_marbuta`, :func:`unify_persian_letters`,
    :func:`ascii_digits`, :func:`strip_invisibles`) run as one translation table;
    :func:`fold_whitespace` runs last. The result is idempotent.

    >>> normalize("وصل كيرى إلى موسكو")
    'وصل كيري الي موسكو'
    >>> normalize("إلى", alef=False, alef_maqsura=False)
    'إلى'
    """
    out = text.translate(
        _translation(
            diacritics, tatweel, alef, alef_maqsura, teh_marbuta, persian_letters, digits, invisibles
        )
    )
    return fold_whitespace(out) if whitespace else out
