"""framing: compare how news outlets frame an event, Arabic-language coverage first.

The public API; importing it does no work (no downloads, no files, no logging set-up).

>>> import framing
>>> corpus = framing.read_corpus("data/raw")
>>> corpus.loc[0, "outlet"]
'shorouk'
"""

from framing.load import LoadError, LoadReport, page_audit, read_corpus
from framing.schema import validate_corpus
from framing.text import normalize

__all__ = ["LoadError", "LoadReport", "normalize", "page_audit", "read_corpus", "validate_corpus"]
