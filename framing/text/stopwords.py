"""Arabic stopwords from arabic-stopwords, normalized with the same options as the text.

The list of the ``arabic-stopwords`` package (13,465 forms in 0.4.3, clitic forms such as ``وإلى`` and
``بأنه`` included) is passed through :func:`~framing.text.tokenize.word_forms`, so a stopword is compared
with a token's matching form: ``إلى``, ``الى`` and ``إلي`` all give the form ``الي``.

>>> is_stopword("الى") and is_stopword("إلى") and is_stopword("وإلى")
True
>>> is_stopword("إرهاب")
False
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from framing.text.normalize import Normalization
from framing.text.tokenize import word_forms


@lru_cache(maxsize=16)
def _package_stopwords(normalization: Normalization) -> frozenset[str]:
    import arabicstopwords.arabicstopwords as stp  # imported here: nothing happens at import time

    out: set[str] = set()
    for word in stp.stopwords_list():
        forms = word_forms(word, normalization=normalization)
        if len(forms) == 1:  # a single word form (all of 0.4.3's are)
            out.add(forms[0])
    return frozenset(out)


def stopwords(*, normalization: Normalization | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The stopword forms for ``normalization`` (the default one when None), plus ``extra`` words.

    Each ``extra`` word is normalized the same way; it must be one word (``ValueError`` otherwise). The
    package list is read once per normalization and cached.

    >>> words = stopwords()
    >>> "الي" in words and "في" in words and "ارهاب" not in words
    True
    >>> "قال" in stopwords(extra=["قال", "أضاف"]), "اضاف" in stopwords(extra=["قال", "أضاف"])
    (True, True)
    >>> unified = Normalization(alef=False, alef_maqsura=False)
    >>> "إلى" in stopwords(normalization=unified), "الي" in stopwords(normalization=unified)
    (True, False)
    """
    norm = normalization or Normalization()
    base = _package_stopwords(norm)
    added: set[str] = set()
    for word in extra:
        if not isinstance(word, str):
            raise TypeError(f"extra stopwords must be strings; found {type(word).__name__} {word!r}")
        forms = word_forms(word, normalization=norm)
        if len(forms) != 1:
            raise ValueError(
                f"extra stopword {word!r} is {len(forms)} word forms {forms}: a stopword is a single word"
            )
        added.add(forms[0])
    return base | added if added else base


def is_stopword(word: str, *, normalization: Normalization | None = None, extra: Iterable[str] = ()) -> bool:
    """Whether ``word`` (as written; it is normalized here) is a single stopword form.

    >>> is_stopword("مِنْ"), is_stopword("من أجل"), is_stopword("موسكو", extra=["موسكو"])
    (True, False, True)
    """
    forms = word_forms(word, normalization=normalization)
    return len(forms) == 1 and forms[0] in stopwords(normalization=normalization, extra=extra)
