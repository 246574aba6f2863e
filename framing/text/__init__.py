"""Arabic text processing: normalization, tokens with offsets, stopwords and optional stemming."""

from framing.text.normalize import Normalization, normalize
from framing.text.stem import stem
from framing.text.stopwords import stopwords
from framing.text.tokenize import Token, tokenize, word_forms

__all__ = ["Normalization", "Token", "normalize", "stem", "stopwords", "tokenize", "word_forms"]
