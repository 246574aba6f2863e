"""Framing lexicons: read (framing YAML, quanteda YAML, LIWC ``.dic``, a mapping), normalize and check.

>>> from framing.lexicon import load_lexicon
>>> lexicon = load_lexicon({"terror": ["إرهاب*", "=داعش"], "regime": ["النظام السوري"]})
>>> lexicon.frame_ids, lexicon["terror"].entries[0].words
(('terror', 'regime'), ('ارهاب',))

The YAML format is documented in ``framing/lexicons/README.md`` and its JSON Schema ships as
``framing/lexicon/schema.json``.
"""

from framing.lexicon.formats import list_lexicons, load_lexicon
from framing.lexicon.model import Entry, Frame, Lexicon, LexiconError, LexiconWarning

__all__ = ["Entry", "Frame", "Lexicon", "LexiconError", "LexiconWarning", "list_lexicons", "load_lexicon"]
