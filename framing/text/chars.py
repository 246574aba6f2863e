"""Arabic code points used by the normalizer, written as escapes (house rule 7).

Each constant is a plain ``str`` of characters; the comment names them.
"""

from __future__ import annotations

# Harakat and related marks: fathatan .. sukun (U+064B-U+0652), maddah above, hamza above/below
# (U+0653-U+0655), subscript alef .. (U+0656-U+065F), superscript (dagger) alef U+0670.
HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
# Quranic annotation marks: small high ligatures .. (U+06D6-U+06DC, U+06DF-U+06E8, U+06EA-U+06ED).
QURANIC_MARKS = (
    "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E9))
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
)
# Honorific signs written above words (U+0610-U+061A), such as the small high sallallahou.
HONORIFIC_SIGNS = "".join(chr(c) for c in range(0x0610, 0x061B))
DIACRITICS = HARAKAT + QURANIC_MARKS + HONORIFIC_SIGNS

TATWEEL = "\u0640"  # ـ

# Alef with madda, hamza above, hamza below, wasla (آ أ إ ٱ) -> bare alef ا.
ALEF_VARIANTS = "\u0622\u0623\u0625\u0671"
ALEF = "\u0627"
ALEF_MAQSURA = "\u0649"  # ى
YEH = "\u064a"  # ي
TEH_MARBUTA = "\u0629"  # ة
HEH = "\u0647"  # ه

# Persian/Urdu letters that stand for Arabic ones: keheh ک -> kaf ك, Farsi yeh ی -> yeh ي,
# heh goal ہ / ae ە -> heh ه.
PERSIAN_LETTERS = {"\u06a9": "\u0643", "\u06cc": YEH, "\u06c1": HEH, "\u06d5": HEH}

ARABIC_INDIC_DIGITS = "".join(chr(c) for c in range(0x0660, 0x066A))  # ٠ .. ٩
PERSIAN_DIGITS = "".join(chr(c) for c in range(0x06F0, 0x06FA))  # ۰ .. ۹

# Zero-width and direction marks: ZWSP, ZWNJ, ZWJ, LRM, RLM, LRE..RLO, LRI..PDI, ALM, BOM.
INVISIBLES = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
)

# Cyrillic yo (ё Ё) -> ie (е Е): Russian writes ё optionally (объединённый = объединенный).
CYRILLIC_YO = {"\u0451": "\u0435", "\u0401": "\u0415"}

ARABIC_COMMA = "\u060c"  # ،
ARABIC_SEMICOLON = "\u061b"  # ؛
ARABIC_QUESTION_MARK = "\u061f"  # ؟
