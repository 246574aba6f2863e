"""Arabic proclitic rules, in one place: what the matcher and the topic words both strip.

A proclitic chain is: an optional conjunction و or ف, then an optional preposition ب, ل or ك, then an
optional article ال; after ل the article's alef is dropped (ل + ال is written لل). A word form's *clitic
stems* are what is left after each chain that fits; a stem shorter than ``min_stem`` letters is not
offered, so short words (ولد, بين) are not eaten.

>>> clitic_stems("والارهابيين")
['والارهابيين', 'الارهابيين', 'ارهابيين']
>>> [(s.prefix, s.candidate) for s in clitic_splits("للمعارضه")]
[('ل', 'لمعارضه'), ('لل', 'المعارضه'), ('لل', 'معارضه')]
>>> sorted(clitic_forms("موسكو"))[:4]
['الموسكو', 'بالموسكو', 'بموسكو', 'فالموسكو']
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_STEM = 3
"""The shortest stem a proclitic chain may be stripped from (in letters)."""

CONJUNCTIONS = "\u0648\u0641"  # و ف
PREPOSITIONS = "\u0628\u0644\u0643"  # ب ل ك
ARTICLE = "\u0627\u0644"  # ال
LAM = "\u0644"  # ل
ARTICLE_AFTER_LAM = LAM + LAM  # لل: ل + ال, the article's alef dropped
_CLITIC_START = frozenset(CONJUNCTIONS + PREPOSITIONS + ARTICLE[0])  # letters a chain can start with


@dataclass(frozen=True)
class CliticSplit:
    """One way to read a form as ``prefix + stem``: ``candidate`` is what a lexicon word is compared with.

    ``article`` says the chain ends in the article (ال, or لل). ``candidate`` is ``stem``, except after لل
    where the article is also offered back on the stem (``لل + معارضه`` offers ``المعارضه``).
    """

    prefix: str
    stem: str
    article: bool
    candidate: str


def clitic_splits(form: str) -> list[CliticSplit]:
    """Every proclitic chain that fits at the start of ``form``, shortest chain first (no length limit).

    >>> [(s.prefix, s.candidate) for s in clitic_splits("وبالنظام")]
    [('و', 'بالنظام'), ('وب', 'النظام'), ('وبال', 'نظام')]
    >>> clitic_splits("كيري")
    [CliticSplit(prefix='ك', stem='يري', article=False, candidate='يري')]
    """
    out: list[CliticSplit] = []
    if not form or form[0] not in _CLITIC_START:  # most words: nothing to strip
        return out
    conjunctions = (0, 1) if form[0] in CONJUNCTIONS else (0,)
    for c in conjunctions:
        prepositions = (0, 1) if len(form) > c and form[c] in PREPOSITIONS else (0,)
        for p in prepositions:
            word = form[c + p :]
            if c + p:
                out.append(CliticSplit(form[: c + p], word, False, word))
            if word.startswith(ARTICLE):
                out.append(CliticSplit(form[: c + p + 2], word[2:], True, word[2:]))
            if p and form[c] == LAM and word.startswith(LAM):  # لل: the article's alef is dropped after ل
                prefix = form[: c + p + 1]
                out.append(CliticSplit(prefix, word[1:], True, ARTICLE + word[1:]))
                out.append(CliticSplit(prefix, word[1:], True, word[1:]))
    return out


def clitic_stems(form: str, *, min_stem: int = MIN_STEM) -> list[str]:
    """``form`` and what is left of it after each allowed proclitic chain (the matcher's candidates).

    >>> clitic_stems("للمعارضه")
    ['للمعارضه', 'لمعارضه', 'المعارضه', 'معارضه']
    >>> clitic_stems("ولد")
    ['ولد']
    """
    out = [form]
    for split in clitic_splits(form):
        if len(split.stem) >= min_stem and split.candidate not in out:
            out.append(split.candidate)
    return out


def proclitic_chains() -> tuple[str, ...]:
    """Every non-empty proclitic chain as written, longest first (لل written once, without the alef).

    >>> len(proclitic_chains()), proclitic_chains()[:2]
    (26, ('فبال', 'فكال'))
    """
    chains = {
        (c + p + a) if not (p == LAM and a == ARTICLE) else (c + ARTICLE_AFTER_LAM)
        for c in ("", *CONJUNCTIONS)
        for p in ("", *PREPOSITIONS)
        for a in ("", ARTICLE)
    }
    chains |= {c + p + ARTICLE for c in ("", *CONJUNCTIONS) for p in PREPOSITIONS}  # لال written out too
    chains.discard("")
    return tuple(sorted(chains, key=lambda s: (-len(s), s)))


def clitic_forms(word: str) -> frozenset[str]:
    """Every form whose clitic stems (any ``min_stem``) include ``word``: the inverse of :func:`clitic_stems`.

    A superset is fine for a search (each hit is checked with :func:`clitic_stems`); none may be missing.

    >>> "للمعارضه" in clitic_forms("المعارضه") and "وللمعارضه" in clitic_forms("معارضه")
    True
    """
    out = {word} | {chain + word for chain in proclitic_chains()}
    if word.startswith(ARTICLE):  # ل + المعارضه is written للمعارضه
        out |= {c + LAM + word[1:] for c in ("", *CONJUNCTIONS)}
    return frozenset(out)
