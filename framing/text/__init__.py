"""Arabic text processing: normalization (tokenization and clitics come with the lexicon engine)."""

from framing.text.normalize import normalize

__all__ = ["normalize"]
