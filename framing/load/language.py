"""The language of an article (ISO 639-1), detected offline.

The script decides the family first (Arabic, Cyrillic, Latin, …: the letters of the text are
counted), and py3langid — a small maintained n-gram model shipped inside the package, no network —
chooses among the languages written in that script. Texts too short to judge give ``und``
(undetermined) unless the outlet's profile names a language of the same script.

Arabic with Latin words inside (names, acronyms) stays Arabic: the script with most letters wins.

>>> detect_language("وصل وزير الخارجية إلى العاصمة مساء الخميس في زيارة رسمية تستمر يومين.")
'ar'
>>> detect_language("The minister arrived in the capital on Thursday for a two-day visit.")
'en'
>>> detect_language("Министр прибыл в столицу в четверг с двухдневным визитом.")
'ru'
>>> detect_language("OK")
'und'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

__all__ = ["UNDETERMINED", "detect_language", "script_of"]

UNDETERMINED = "und"
MIN_LETTERS = 12  # fewer letters than this: the script may decide, the model does not
SAMPLE_CHARS = 600  # the model reads at most this much of a text (enough, and fast)
SCRIPT_CHARS = 300  # the script is judged on the first 300 characters
MIN_CONFIDENCE = 0.5  # normalized probability below which the model's choice is not taken

# The languages the model may choose, per script (py3langid knows 97; these are the ones a news
# corpus in these scripts plausibly holds).
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "arabic": ("ar", "ary", "arz", "fa", "ur", "ps", "ku", "ug", "sdh"),
    "cyrillic": ("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tt", "tg", "ba"),
    "latin": (
        "en",
        "fr",
        "de",
        "es",
        "it",
        "pt",
        "nl",
        "tr",
        "pl",
        "cs",
        "sk",
        "sl",
        "hr",
        "bs",
        "ro",
        "hu",
        "sv",
        "da",
        "no",
        "fi",
        "et",
        "lv",
        "lt",
        "id",
        "ms",
        "az",
        "sq",
        "ca",
        "eu",
        "gl",
        "vi",
        "tl",
        "sw",
        "af",
        "cy",
        "ga",
        "mt",
        "is",
        "eo",
        "la",
        "lb",
        "oc",
        "br",
        "wa",
        "nn",
        "qu",
        "rw",
        "xh",
        "zu",
    ),
    "greek": ("el",),
    "hebrew": ("he", "yi"),
    "cjk": ("zh", "ja", "ko"),
    "devanagari": ("hi", "mr", "ne"),
}
# The model's codes for Arabic dialects (Moroccan, Egyptian) are reported as Arabic.
_ALIASES = {"ary": "ar", "arz": "ar"}
# A script that, alone, names one language when the text is too short for the model.
_SCRIPT_DEFAULT = {"greek": "el", "hebrew": "he"}


_SCRIPT_RANGES = {  # fast counts of the common scripts (anything else goes through _script)
    "arabic": r"\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f",
    "cyrillic": r"\u0400-\u0481\u048a-\u052f",
    "latin": r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f",
}
# A script's letters are counted as what is left when everything else but the spaces is removed, less
# the spaces (one removal per run of punctuation, digits and other letters instead of one per word gap),
# and not at all when the text has none of them (one scan).
_NOT_SCRIPT = {script: re.compile(f"[^{chars} ]+") for script, chars in _SCRIPT_RANGES.items()}
_IN_SCRIPT = {script: re.compile(f"[{chars}]") for script, chars in _SCRIPT_RANGES.items()}
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())  # deleted from ASCII text
# Letters that Arabic does not use but Persian, Urdu, Pashto or Kurdish do (پ چ ژ گ ک ی; ے ں ہ ٹ ڈ ڑ;
# ښ ږ ځ څ; ە ێ ۆ ڕ ڵ).
_NON_ARABIC_CHARS = (
    "\u067e\u0686\u0698\u06af\u06a9\u06cc\u06d2\u06ba\u06c1\u0679\u0688\u0691"
    "\u069a\u0696\u0681\u0685\u06d5\u06ce\u06c6\u0695\u06b5"
)
_NON_ARABIC_LETTERS = re.compile(f"[{_NON_ARABIC_CHARS}]")
NON_ARABIC_SHARE = 0.02  # of the Arabic-script letters: above it, the text is not Arabic (measured)


# Letters that only some Cyrillic languages use: Ukrainian і ї є ґ, Belarusian ў,
# Serbian/Macedonian ђ ј љ њ ћ џ ѓ ќ ѕ,
# Kazakh/Kyrgyz/Tatar ә ғ қ ң ө ұ ү һ; Russian (and Belarusian) ы э. Bulgarian uses none of ы э і.
_NON_RUSSIAN = re.compile(
    "[\u0456\u0457\u0454\u0491\u045e\u0452\u0458\u0459\u045a\u045b\u045f\u0453\u045c\u0455"
    "\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb]",
    re.IGNORECASE,
)
_RUSSIAN_ONLY = re.compile("[\u044b\u044d]", re.IGNORECASE)  # ы э
# Frequent English function words: a Latin text where they are this frequent is English (measured on the
# layout fixtures and py3langid's agreement; other Latin texts go to the model).
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "said",
        "by",
        "at",
        "from",
        "as",
        "it",
        "has",
        "have",
    ]
)
ENGLISH_SHARE = 0.12


def script_of(text: str) -> tuple[str | None, int]:
    """``(script, letters)``: the script with most letters in ``text`` and how many letters it has there.

    >>> script_of("قال مسؤول في NATO إن الاجتماع انتهى")
    ('arabic', 25)
    """
    arabic = _letters(text, "arabic")
    if arabic >= MIN_LETTERS and 2 * arabic >= len(text):  # mostly Arabic letters: no need to count others
        return "arabic", arabic
    counts = {script: arabic if script == "arabic" else _letters(text, script) for script in _SCRIPT_RANGES}
    total = sum(counts.values())
    letters = sum(ch.isalpha() for ch in text) if total < len(text) // 2 else total
    if letters > total:  # other scripts: count them one by one
        for char in text:
            if char.isalpha():
                script = _script(char)
                if script and script not in _SCRIPT_RANGES:
                    counts[script] = counts.get(script, 0) + 1
    best = max(counts, key=lambda s: counts[s])
    return (best, counts[best]) if counts[best] else (None, 0)


def _letters(text: str, script: str) -> int:
    """How many letters of ``script`` (one of the common ones) ``text`` has.

    >>> _letters("قال NATO", "arabic"), _letters("قال NATO", "latin")
    (3, 4)
    """
    if text.isascii():  # no Arabic or Cyrillic letter; the Latin ones are A-Z and a-z: count those bytes
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTERS)) if script == "latin" else 0
    if _IN_SCRIPT[script].search(text) is None:
        return 0
    if script == "arabic":  # one byte per Arabic letter, space or newline (a codecs map): count them
        encoded = codecs.charmap_encode(text, "ignore", _arabic_encoding())[0]
        return len(encoded) - encoded.count(0) - encoded.count(1) - encoded.count(2)
    kept = _NOT_SCRIPT[script].sub("", text)  # the script's letters and the spaces
    return len(kept) - kept.count(" ")


@cache
def _arabic_encoding() -> Any:
    """A codecs encoding map of the Arabic letters of ``_SCRIPT_RANGES`` (they all lie in U+0600-U+07FF),
    and of the NUL, the space and the newline (slots 0, 1 and 2, not counted): encoding with ``ignore``
    keeps one byte per such character (the spaces and newlines are there so that the usual gaps between
    words are no characters to ignore, which costs more)."""
    letters = [c for c in map(chr, range(0x600, 0x800)) if _IN_SCRIPT["arabic"].fullmatch(c)]
    return codecs.charmap_build("".join(["\x00", " ", "\n", *letters]).ljust(256, "\ufffe"))  # \ufffe: none


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    if char < "\u0250":
        return "latin"
    if "\u0400" <= char <= "\u052f":
        return "cyrillic"
    if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff":
        return "arabic"
    if "\u0370" <= char <= "\u03ff":
        return "greek"
    if "\u0590" <= char <= "\u05ff":
        return "hebrew"
    if "\u0900" <= char <= "\u097f":
        return "devanagari"
    name = unicodedata.name(char, "")
    if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
        return "cjk"
    if name.startswith("LATIN"):
        return "latin"
    return None


@cache
def _identifier(script: str) -> Any:
    """A py3langid identifier restricted to ``script``'s languages (loaded on first use, then kept)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.nb_classes)
    identifier.set_languages([code for code in SCRIPT_LANGUAGES[script] if code in known])
    return identifier


@cache
def _allowed(script: str) -> tuple[str, ...]:
    """The language codes a text in ``script`` may get (with their aliases applied), made once."""
    return tuple(_ALIASES.get(code, code) for code in SCRIPT_LANGUAGES.get(script, ()))


def detect_language(text: str, *, default: str | None = None) -> str:
    """The ISO 639-1 code of ``text``'s language, or ``und`` when it cannot be told.

    ``default`` (e.g. the outlet profile's language) is returned when the text is too short or the
    model unsure, provided it is a language of the text's script; otherwise ``und``.

    >>> detect_language("خبر", default="ar"), detect_language("خبر")
    ('ar', 'und')
    >>> detect_language("Short", default="ar")
    'und'
    """
    script, letters = script_of(text[:SCRIPT_CHARS])
    if script is None:
        return UNDETERMINED
    allowed = _allowed(script)
    fallback = default if default in allowed else _SCRIPT_DEFAULT.get(script, UNDETERMINED)
    if letters < MIN_LETTERS or len(allowed) < 2:
        return fallback if letters >= 1 else UNDETERMINED
    sample = text[:SAMPLE_CHARS]
    if script == "arabic":  # Arabic unless letters it does not use are frequent (then the model decides)
        head = text[:SCRIPT_CHARS]  # usually without any such letter: a fast look for each, no list
        if not any(map(head.__contains__, _NON_ARABIC_CHARS)) or (
            len(_NON_ARABIC_LETTERS.findall(head)) < NON_ARABIC_SHARE * letters
        ):
            return "ar"
    elif script == "cyrillic":  # Russian when it has ы or э and no letter Russian lacks
        if _RUSSIAN_ONLY.search(sample) and not _NON_RUSSIAN.search(sample):
            return "ru"
    elif script == "latin":
        words = sample.lower().split()
        if len(words) >= 8 and sum(
            w.strip(".,;:\"'()") in _ENGLISH_WORDS for w in words
        ) >= ENGLISH_SHARE * len(words):
            return "en"
    language, confidence = _identifier(script).classify(sample)
    if confidence < MIN_CONFIDENCE:
        return fallback
    return _ALIASES.get(str(language), str(language))
