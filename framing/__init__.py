"""framing: compare how news outlets frame an event, Arabic-language coverage first.

The public API; importing it does no work (no downloads, no files, no logging set-up) and does not
import matplotlib: the figures are in ``framing.plot`` (``from framing import plot``).

>>> import framing
>>> corpus = framing.read_corpus("data/raw")
>>> corpus.loc[0, "outlet"]
'shorouk'
"""

from framing import compare
from framing.copies import copy_edits, copy_groups, find_copies, label_swaps, one_per_copy_group
from framing.lexicon import Lexicon, LexiconError, list_lexicons, load_lexicon
from framing.lexicon.match import find_matches
from framing.load import LoadError, LoadReport, page_audit, read_corpus
from framing.schema import validate_corpus
from framing.score import coverage, kwic, score, wide_scores
from framing.text import normalize
from framing.topics import TopicModel, fit_topics

__all__ = [
    "Lexicon",
    "LexiconError",
    "LoadError",
    "LoadReport",
    "TopicModel",
    "compare",
    "copy_edits",
    "copy_groups",
    "coverage",
    "find_copies",
    "find_matches",
    "fit_topics",
    "kwic",
    "label_swaps",
    "list_lexicons",
    "load_lexicon",
    "normalize",
    "one_per_copy_group",
    "page_audit",
    "read_corpus",
    "score",
    "validate_corpus",
    "wide_scores",
]
