"""Topic models of a corpus with BERTopic: offline, on small corpora, and reproducible.

:func:`fit_topics` embeds each article (title and body) with :func:`framing.embed.embed`, clusters the
embeddings and describes each cluster by its c-TF-IDF words, through BERTopic with the settings this
project needs:

- no embedding model is ever loaded by BERTopic (``embedding_model=None``, the embeddings are passed in),
  so nothing is downloaded and nothing reaches the network;
- the topic words come from :func:`arabic_vectorizer`: the project's normalization and tokenization,
  proclitics stripped, Arabic stopwords, digits and one-letter tokens removed, unigrams and bigrams;
- the clustering fits the corpus size: below :data:`UMAP_MIN_DOCS` articles PCA + KMeans (UMAP and
  HDBSCAN fail or call everything an outlier on small corpora, see STACK.md), else UMAP + HDBSCAN; fewer
  than :data:`MIN_DOCS` articles is an error;
- every random step is seeded (``seed``), so the same corpus, settings and seed give the same topics.

The result, a :class:`TopicModel`, holds tidy tables: ``doc_topics`` (``doc_id, topic, probability``),
``topic_info`` (``topic, size, words, label``), and computes topics per outlet and over time. The fitted
BERTopic instance is ``.model_``. Topic ``-1`` holds HDBSCAN's outliers (the PCA + KMeans path has none).

>>> import framing
>>> from framing.topics import fit_topics
>>> topics = fit_topics(framing.read_corpus("data/demo"), embeddings="tfidf")
>>> topics.doc_topics.columns.tolist(), len(topics.doc_topics)
(['doc_id', 'topic', 'probability'], 84)
>>> topics.topic_info.columns.tolist()
['topic', 'size', 'words', 'label']
>>> topics
TopicModel(6 topics, 84 documents, 0 outliers, method='pca+kmeans', embeddings='tfidf', seed=0)
>>> topics.topic_info.loc[2, "label"]
'2: نيس، إرهاب، تركية'
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from numbers import Integral
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from framing import schema as S
from framing.lexicon.model import Lexicon
from framing.provenance import UNKNOWN, framing_version, package_version
from framing.schema import validate_corpus
from framing.text.clitics import ARTICLE, ARTICLE_AFTER_LAM, MIN_STEM
from framing.text.languages import all_stopwords, base_language, content_words
from framing.text.normalize import Normalization
from framing.text.stopwords import stopwords
from framing.text.vocabulary import Vocabulary

__all__ = [
    "MIN_DOCS",
    "UMAP_MIN_DOCS",
    "ArabicWords",
    "TopicModel",
    "arabic_vectorizer",
    "center_by_language",
    "default_min_df",
    "fit_topics",
    "topic_words_by_language",
    "word_counts",
]

MIN_DOCS = 6
"""The fewest articles a topic model is fitted on (PCA + KMeans worked from 5 in STACK.md's trials)."""
UMAP_MIN_DOCS = 300
"""From this many articles on, UMAP + HDBSCAN; below it, PCA + KMeans."""
TOP_WORDS = 10  # words per topic in topic_info
LABEL_WORDS = 3  # words in a topic's label
WORD_SEPARATOR = "\u060c "  # the Arabic comma and a space, between a topic's words
OUTLIER_TOPIC = -1
OUTLIER_LABEL = "-1: outliers"

TOPIC = S.TOPIC
PROBABILITY = "probability"
DOC_TOPIC_COLUMNS = (S.DOC_ID, TOPIC, PROBABILITY)
TOPIC_INFO_COLUMNS = (TOPIC, S.SIZE, S.WORDS, S.LABEL)
TOP_WORD_COLUMNS = (TOPIC, S.LABEL, S.SIZE, S.RANK, S.WORD, "form", S.WEIGHT)
PER_OUTLET_COLUMNS = (TOPIC, S.LABEL, S.COUNT, S.SHARE)  # after the `by` column (then outlet_name)
WORDS_BY_LANGUAGE_COLUMNS = (TOPIC, S.LABEL, S.LANGUAGE, "docs", S.RANK, S.WORD, S.WEIGHT)

# The text as written, minus diacritics, tatweel, invisible characters and presentation forms: the same
# length as the matching form, letter for letter, so a word's spelling can be shown (ة and أ kept).
_DISPLAY = Normalization(
    alef=False, alef_maqsura=False, teh_marbuta=False, persian_letters=False, digits=False
)

FloatArray = npt.NDArray[np.float32]


# ------------------------------------------------------------------------------------------ vocabulary


@dataclass(frozen=True, eq=False)
class ArabicWords:
    """The tokenizer of :func:`arabic_vectorizer`: a text's topic words, as normalized word forms.

    Each word form (:func:`framing.text.word_forms`) loses its proclitics: an article chain (ال, وال, بال,
    لل, وبال …) is always stripped; a bare و ف ب ل ك only when what is left occurs in the corpus on its own
    (or after the article) at least as often as the whole form does (``counts``, see :func:`word_counts`).
    So وموسكو gives موسكو, while بوتين, كيري and واشنطن, whose first letter only looks like a proclitic,
    stay whole (يري, the verb يرى, is rarer than كيري). A stem keeps at least 3 letters, so short words are
    untouched. Stopwords (:func:`framing.text.stopwords`) are dropped before and after stripping, and so are
    numbers and one-letter tokens, and ``extra_stopwords`` (words as written, normalized here). Results are
    cached per word form. A known limit: a verb that begins with ال (التقى، التزم) loses it like an article.

    >>> words = ArabicWords(counts={"موسكو": 3, "كيري": 2, "يري": 1, "بحث": 1})
    >>> words("وصل كيري إلى موسكو، وبحث مع بوتين والرئيس وموسكو في 14 تموز")
    ['وصل', 'كيري', 'موسكو', 'بحث', 'بوتين', 'رئيس', 'موسكو', 'تموز']
    """

    normalization: Normalization = field(default_factory=Normalization)
    counts: Mapping[str, int] = field(default_factory=dict, repr=False)
    extra_stopwords: tuple[str, ...] = ()
    vocabulary: Vocabulary | None = field(default=None, repr=False)
    _vocabulary: Vocabulary = field(init=False, repr=False)  # the tokens and clitic readings seen
    _stop: frozenset[str] = field(init=False, repr=False)
    _stems: dict[str, str] = field(init=False, repr=False)  # form -> topic word ("" = dropped)

    def __post_init__(self) -> None:
        stop = stopwords(normalization=self.normalization, extra=self.extra_stopwords)
        # English, Russian, French … function words too: a corpus in several languages (issue 15)
        stop = stop | all_stopwords(normalization=self.normalization)
        object.__setattr__(self, "_stop", stop)
        object.__setattr__(self, "_stems", {})
        vocabulary = self.vocabulary if self.vocabulary is not None else Vocabulary(self.normalization)
        object.__setattr__(self, "_vocabulary", vocabulary)

    def __call__(self, text: str) -> list[str]:
        word = self.word
        return [w for w in map(word, self._vocabulary.forms(text)) if w]

    def word(self, form: str) -> str:
        """The topic word of one word form (cached): its stem, or ``""`` when the form is dropped."""
        found = self._stems.get(form)
        if found is None:
            found = self._stems[form] = self._word(form)
        return found

    def _word(self, form: str) -> str:
        stop = self._stop
        if len(form) < 2 or form.isdigit() or form in stop:
            return ""
        word = self.stem(form)
        if len(word) < 2 or word in stop:
            return ""
        return word

    def stem(self, form: str) -> str:
        """``form`` without its proclitics (see the class docstring)."""
        counts = self.counts
        whole = max(1, counts.get(form, 0))
        article: str | None = None
        stems = self._vocabulary.clitic_stems(form, min_stem=MIN_STEM)[1:]
        for candidate in sorted(stems, key=len):  # shortest first
            if not form.endswith(candidate):  # ل + ال + stem offered as "ال + stem": its stem is offered too
                continue
            prefix = form[: len(form) - len(candidate)]
            if prefix.endswith(ARTICLE) or prefix.endswith(ARTICLE_AFTER_LAM):
                article = article or candidate
            elif counts.get(candidate, 0) >= whole:  # و + الموقف: the article goes too; ل + لقاء: لقاء
                return article if article is not None and candidate.startswith(ARTICLE) else candidate
        return article or form


def word_counts(
    texts: Iterable[str], *, normalization: Normalization | None = None, vocabulary: Vocabulary | None = None
) -> dict[str, int]:
    """How often each word form occurs in ``texts``, a form after ال counting for the form without the
    article as well: what :class:`ArabicWords` compares a bare proclitic's stem with.

    >>> word_counts(["الأسد والأسد في موسكو"])
    {'الاسد': 1, 'والاسد': 1, 'في': 1, 'موسكو': 1, 'اسد': 1}
    """
    tokens = vocabulary if vocabulary is not None else Vocabulary(normalization or Normalization())
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(tokens.forms(text))
    bare: Counter[str] = Counter()
    for form, count in counts.items():
        if form.startswith(ARTICLE) and len(form) - len(ARTICLE) >= MIN_STEM:
            bare[form[len(ARTICLE) :]] += count
    counts.update(bare)
    return dict(counts)


def default_min_df(n_docs: int) -> int:
    """The fewest documents a topic word must occur in: 1 below 50 documents, 2 below 500, else
    ``max(2, n_docs // 1000)``.

    >>> [default_min_df(n) for n in (49, 50, 499, 500, 5000)]
    [1, 2, 2, 2, 5]
    """
    if n_docs < 50:
        return 1
    if n_docs < 500:
        return 2
    return max(2, n_docs // 1000)


def arabic_vectorizer(
    n_docs: int,
    *,
    min_df: int | float | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    normalization: Normalization | None = None,
    texts: Iterable[str] | None = None,
    extra_stopwords: Iterable[str] = (),
    vocabulary: Vocabulary | None = None,
) -> Any:
    """A scikit-learn ``CountVectorizer`` of Arabic topic words for a corpus of ``n_docs`` documents.

    Tokens come from :class:`ArabicWords` (normalized forms, proclitics stripped, no stopwords, numbers or
    one-letter tokens, nor ``extra_stopwords``); ``texts``, the corpus, decides which bare proclitics
    (و ف ب ل ك) are stripped (without it only article chains are). ``vocabulary`` (of the same
    normalization) keeps the tokens and clitic readings for reuse; one is made when None. ``min_df``
    defaults to :func:`default_min_df` of ``n_docs``; n-grams are unigrams and bigrams (of the tokens left).

    >>> vectorizer = arabic_vectorizer(3)
    >>> counts = vectorizer.fit_transform(["الإرهاب في حلب", "مكافحة الإرهاب", "والإرهابيين 2016"])
    >>> vectorizer.get_feature_names_out().tolist()
    ['ارهاب', 'ارهاب حلب', 'ارهابيين', 'حلب', 'مكافحه', 'مكافحه ارهاب']
    """
    from sklearn.feature_extraction.text import CountVectorizer  # type: ignore[import-untyped,unused-ignore]

    _check_count(n_docs, "n_docs", minimum=1)
    low, high = ngram_range
    if not (_is_int(low) and _is_int(high) and 1 <= low <= high):
        raise ValueError(f"ngram_range is {ngram_range!r}; it must be (low, high) with 1 <= low <= high")
    norm = normalization or Normalization()
    if vocabulary is not None and vocabulary.normalization != norm:
        raise ValueError(
            f"the vocabulary's normalization ({vocabulary.normalization}) is not the vectorizer's ({norm})"
        )
    vocab = vocabulary if vocabulary is not None else Vocabulary(norm)
    counts = word_counts(texts, normalization=norm, vocabulary=vocab) if texts is not None else {}
    words = ArabicWords(norm, counts, tuple(extra_stopwords), vocab)
    return CountVectorizer(
        tokenizer=words,
        lowercase=False,
        token_pattern=None,
        min_df=_check_min_df(min_df) if min_df is not None else default_min_df(n_docs),
        ngram_range=(low, high),
    )


# ------------------------------------------------------------------------------------------ the model


@dataclass(frozen=True, eq=False)
class TopicModel:
    """A fitted topic model's results (made by :func:`fit_topics`); ``model_`` is the BERTopic instance.

    - ``doc_topics``: ``doc_id, topic, probability``, one row per article in corpus order; the probability
      is HDBSCAN's membership strength (0 for outliers, topic -1), 1.0 for KMeans' hard labels;
    - ``topic_info``: ``topic, size, words, label``: the top 10 words by c-TF-IDF weight joined by ``، ``,
      spelled as most often written in the corpus (normalized forms are in :meth:`top_words`), and a
      label ``"N: w1، w2، w3"`` (``"-1: outliers"`` for the outliers);
    - ``embeddings_``: the document embeddings the model was fitted on (before guidance);
    - ``settings``: what was fitted, how (also in every table's ``attrs["provenance"]``).
    """

    doc_topics: pd.DataFrame
    topic_info: pd.DataFrame
    model_: Any
    embeddings_: FloatArray
    corpus_: pd.DataFrame = field(repr=False)  # the corpus without its text
    display_: dict[str, str] = field(repr=False)  # normalized topic word -> its usual spelling
    settings: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        real = int((self.topic_info[TOPIC] != OUTLIER_TOPIC).sum())
        outliers = int((self.doc_topics[TOPIC] == OUTLIER_TOPIC).sum())
        return (
            f"TopicModel({real} topics, {len(self.doc_topics)} documents, {outliers} outliers, "
            f"method={self.settings.get('method')!r}, embeddings={self.settings.get('embeddings')!r}, "
            f"seed={self.settings.get('seed')!r})"
        )

    @property
    def labels(self) -> dict[int, str]:
        """Topic -> its label."""
        return dict(zip(self.topic_info[TOPIC].tolist(), self.topic_info[S.LABEL].tolist(), strict=True))

    def top_words(self, n: int = TOP_WORDS) -> pd.DataFrame:
        """The top ``n`` words of each topic (at most 30): ``topic, label, size, rank, word, form, weight``.

        ``weight`` is the word's c-TF-IDF weight in the topic, ``form`` the normalized word (BERTopic's
        vocabulary), ``word`` its usual spelling in the corpus.
        """
        _check_count(n, "n", minimum=1)
        rows: list[tuple[Any, ...]] = []
        labels = self.labels
        sizes = dict(zip(self.topic_info[TOPIC], self.topic_info[S.SIZE], strict=True))
        for topic in self.topic_info[TOPIC]:
            for rank, (form, weight) in enumerate(_topic_words(self.model_, int(topic))[:n], start=1):
                rows.append(
                    (
                        int(topic),
                        labels[topic],
                        int(sizes[topic]),
                        rank,
                        _show(form, self.display_),
                        form,
                        weight,
                    )
                )
        out = pd.DataFrame(rows, columns=list(TOP_WORD_COLUMNS)).astype({S.WEIGHT: float})
        out.attrs["provenance"] = dict(self.settings)
        return out

    def per_outlet(self, *, by: str | Sequence[str] = S.OUTLET) -> pd.DataFrame:
        """Topics per outlet (or per ``by`` group): ``by, topic, label, count, share`` for every group and
        topic, ``share`` being the share of the group's articles in the topic (it sums to 1 per group).
        ``outlet_name`` is added when the corpus has it and ``by`` is the outlet. A missing group is
        ``"unknown"``. ``by=["outlet", "language"]`` gives topics per outlet edition (one joined column,
        :func:`framing.schema.group_by`).
        """
        if not isinstance(by, str) and all(c in self.corpus_.columns for c in by):
            grouped, by = S.group_by(self.corpus_, by)
        else:
            grouped = self.corpus_
        if not isinstance(by, str) or by not in grouped.columns or by in PER_OUTLET_COLUMNS:
            raise ValueError(
                f"by {by!r} is not a column of the corpus; its columns are "
                f"{list(map(str, self.corpus_.columns))}"
            )
        keys = grouped[by].astype(object).where(grouped[by].notna(), "unknown")
        topics = self.doc_topics[TOPIC].to_numpy()
        groups = sorted(pd.unique(keys), key=str)
        all_topics = self.topic_info[TOPIC].tolist()
        counts = pd.crosstab(keys.to_numpy(), topics).reindex(index=groups, columns=all_topics, fill_value=0)
        share = counts.div(counts.sum(axis=1), axis=0)
        out = pd.DataFrame(
            {
                by: np.repeat(np.asarray(groups, dtype=object), len(all_topics)),
                TOPIC: np.tile(np.asarray(all_topics, dtype=int), len(groups)),
                S.COUNT: counts.to_numpy().ravel().astype(int),
                S.SHARE: share.to_numpy().ravel().astype(float),
            }
        )
        out.insert(2, S.LABEL, out[TOPIC].map(self.labels))
        if by == S.OUTLET and S.OUTLET_NAME in self.corpus_.columns:
            names = self.corpus_.assign(**{by: keys}).dropna(subset=[S.OUTLET_NAME]).drop_duplicates(by)
            out[S.OUTLET_NAME] = out[by].map(dict(zip(names[by], names[S.OUTLET_NAME], strict=True)))
        out.attrs["provenance"] = {**self.settings, "by": by}
        return out

    def over_time(self, *, freq: str = "D") -> pd.DataFrame:
        """Articles per topic and time bin of ``published``: ``date, topic, label, count``, every bin from
        the first to the last dated article and every topic (zeros included). ``freq`` is a pandas offset
        alias (``"D"`` day, ``"W"`` week, ``"h"`` hour, ``"MS"`` month …); the day is the date printed on the
        page. Undated articles are left out; their number is ``attrs["undated"]``.
        """
        offset = _offset(freq)
        published = pd.to_datetime(self.corpus_[S.PUBLISHED])
        dated = published.notna().to_numpy()
        frame = pd.DataFrame(
            {S.DATE: published[dated].to_numpy(), TOPIC: self.doc_topics[TOPIC].to_numpy()[dated]}
        )
        all_topics = self.topic_info[TOPIC].tolist()
        if frame.empty:
            empty: dict[str, Any] = {S.DATE: pd.Series([], dtype="datetime64[ns]"), TOPIC: [], S.LABEL: []}
            out = pd.DataFrame({**empty, S.COUNT: []})
        else:
            bins = (
                pd.Series(0, index=pd.DatetimeIndex(frame[S.DATE])).sort_index().resample(offset).size().index
            )
            counts = (
                frame.groupby([pd.Grouper(key=S.DATE, freq=offset), TOPIC]).size().unstack(fill_value=0)
                .reindex(index=bins, columns=all_topics, fill_value=0)
            )  # fmt: skip
            out = pd.DataFrame(
                {
                    S.DATE: np.repeat(bins.to_numpy(), len(all_topics)),
                    TOPIC: np.tile(np.asarray(all_topics, dtype=int), len(bins)),
                    S.COUNT: counts.to_numpy().ravel().astype(int),
                }
            )
            out.insert(2, S.LABEL, out[TOPIC].map(self.labels))
        out = out.astype({TOPIC: int, S.COUNT: int})
        out.attrs["provenance"] = {**self.settings, "freq": freq}
        out.attrs["undated"] = int((~dated).sum())
        return out


def fit_topics(
    corpus: pd.DataFrame,
    *,
    embeddings: str | npt.NDArray[Any] = "use",
    n_topics: int | None = None,
    seed: int = 0,
    guided: Lexicon | None = None,
    min_df: int | float | None = None,
    extra_stopwords: Iterable[str] = (),
    cache_dir: str | Path | None = None,
    cache: bool = True,
    progress: bool | None = None,
    languages: Literal["center", "ignore"] = "center",
) -> TopicModel:
    """Fit a BERTopic model on the corpus's articles (``title + "\\n" + text``) and return its results.

    ``embeddings`` is the :func:`framing.embed.embed` back-end: ``"use"`` (the multilingual Universal
    Sentence Encoder shipped in a package), ``"tfidf"`` (TF-IDF + SVD, needs nothing), ``"st:<model folder
    or name>"`` (a sentence-transformers model on disk) or an ``(n_docs, d)`` array of precomputed
    embeddings; ``cache_dir``, ``cache`` and ``progress`` are passed on to it.

    Clustering depends on the corpus size ``n``: fewer than :data:`MIN_DOCS` is a ``ValueError``; below
    :data:`UMAP_MIN_DOCS`, PCA to ``min(5, n - 2)`` dimensions + KMeans with ``n_topics`` clusters (default
    ``max(2, min(10, round(sqrt(n / 2))))``); from it on, UMAP (15 neighbours, 5 dimensions, cosine) +
    HDBSCAN (``min_cluster_size = max(10, n // 100)``), whose topics are then merged down to ``n_topics``
    when it is given and smaller (BERTopic's ``reduce_topics``). Every random step uses ``seed``.

    ``guided``: a lexicon whose frames seed the topics (BERTopic's guided topic modelling): each frame's
    entries, embedded with the same back-end, pull the articles closest to them together, and its words
    weigh 1.2 times in the c-TF-IDF. Needs a named back-end (the seed words must be embedded).

    ``min_df``: the fewest articles a topic word must occur in (default :func:`default_min_df`); it is
    applied to the articles, before BERTopic counts words per topic. ``extra_stopwords``: words to leave
    out of the topic words besides the Arabic stopwords (e.g. ``["قال", "كانت"]``, which the
    arabic-stopwords list lacks).

    ``languages``: with ``"center"`` (the default) and a ``language`` column holding two or more languages,
    each language's mean embedding is subtracted from its articles' embeddings (then each is scaled to
    unit length) before clustering, so articles cluster by story rather than by language
    (:func:`center_by_language`); ``"ignore"`` clusters the embeddings as they are. A corpus in one
    language is never changed. Topic words leave out the stopwords of every language
    (:func:`framing.text.languages.all_stopwords`); :func:`topic_words_by_language` gives each topic's
    words per language.

    The corpus is not modified. Raises ``ValueError`` for a corpus that breaks the data contract or has
    fewer than :data:`MIN_DOCS` articles, a bad option (naming it and the valid values), and whatever
    :func:`framing.embed.embed` rejects (an unknown back-end, a model that is not on disk, an array of the
    wrong shape).
    """
    validate_corpus(corpus)
    n = len(corpus)
    if n < MIN_DOCS:
        raise ValueError(f"topic models need at least {MIN_DOCS} documents; the corpus has {n}")
    _check_count(seed, "seed", minimum=0)
    if n_topics is not None:
        _check_count(n_topics, "n_topics", minimum=2)
        if n < UMAP_MIN_DOCS and n_topics > n - 1:
            raise ValueError(
                f"n_topics is {n_topics}; a corpus of {n} documents can have at most {n - 1} topics"
            )
    if min_df is not None:
        _check_min_df(min_df)
    if guided is not None and not isinstance(guided, Lexicon):
        raise ValueError(
            f"guided is a {type(guided).__name__}; pass a Lexicon (framing.load_lexicon(...)) or None"
        )
    if guided is not None and not isinstance(embeddings, str):
        raise ValueError(
            "guided topics embed the lexicon's entries with the embedding back-end, which precomputed "
            "embeddings cannot do; pass embeddings='use', 'tfidf' or 'st:<model>', or guided=None"
        )

    from framing.embed import embed

    extra = tuple(extra_stopwords)
    docs = _documents(corpus)
    norm = guided.normalization if guided is not None else Normalization()
    vectorizer = _vocabulary(docs, n_docs=n, min_df=min_df, normalization=norm, extra_stopwords=extra)
    words: ArabicWords = vectorizer.tokenizer

    seed_words: list[list[str]] | None = None
    seed_texts: list[str] = []
    if guided is not None:
        seed_words, seed_texts = _seeds(guided, words)
    # tfidf embeds the seeds with the articles (one SVD); the encoders embed them on their own
    joint = seed_texts if isinstance(embeddings, str) and embeddings == "tfidf" else []
    vectors = embed(
        docs + joint, backend=embeddings, cache_dir=cache_dir, cache=cache, seed=seed, progress=progress
    )
    doc_vectors = np.array(vectors[:n], dtype=np.float32)
    if languages not in ("center", "ignore"):
        raise ValueError(f"languages is {languages!r}; valid choices are ['center', 'ignore']")
    centered = languages == "center" and S.LANGUAGE in corpus.columns and _n_languages(corpus) >= 2
    if centered:
        doc_vectors = center_by_language(doc_vectors, corpus[S.LANGUAGE].tolist())
    y: list[int] | None = None
    fit_vectors = doc_vectors
    if guided is not None:
        seed_vectors = (
            vectors[n:]
            if joint
            else embed(
                seed_texts, backend=embeddings, cache_dir=cache_dir, cache=cache, seed=seed, progress=False
            )
        )
        y, fit_vectors = _guide(doc_vectors, np.asarray(seed_vectors, dtype=np.float32))

    small = n < UMAP_MIN_DOCS
    reducer, clusterer = _models(n, n_topics=n_topics, seed=seed, dims=fit_vectors.shape[1], small=small)
    with _quiet_imports():
        from bertopic import BERTopic  # type: ignore[import-untyped,unused-ignore]

    model = BERTopic(
        embedding_model=None,
        umap_model=reducer,
        hdbscan_model=clusterer,
        vectorizer_model=vectorizer,
        seed_topic_list=seed_words,
        calculate_probabilities=False,
        language="multilingual",
        top_n_words=TOP_WORDS,
    )
    topics, probabilities = model.fit_transform(docs, embeddings=fit_vectors, y=y)
    if not small and n_topics is not None:
        outliers = 1 if OUTLIER_TOPIC in topics else 0
        if len(set(topics)) - outliers > n_topics:
            model.reduce_topics(docs, nr_topics=n_topics + outliers)
            topics, probabilities = model.topics_, model.probabilities_

    settings: dict[str, Any] = {
        "framing_version": framing_version(),
        "bertopic_version": package_version("bertopic", missing=UNKNOWN),
        "embeddings": embeddings if isinstance(embeddings, str) else "precomputed",
        "method": "pca+kmeans" if small else "umap+hdbscan",
        "n_docs": n,
        "n_topics": n_topics,
        "seed": seed,
        "min_df": min_df if min_df is not None else default_min_df(n),
        "guided": guided.name if guided is not None else None,
        "extra_stopwords": list(extra),
        "normalization": norm.to_dict(),
        "languages": "centered" if centered else "as embedded",
    }
    if guided is not None:
        settings.update(guided.provenance())
    display = _display_forms(docs, words)
    doc_topics = pd.DataFrame(
        {
            S.DOC_ID: corpus[S.DOC_ID].astype(str).to_numpy(),
            TOPIC: np.asarray(topics, dtype=int),
            PROBABILITY: (
                np.ones(n) if probabilities is None else np.asarray(probabilities, dtype=float).reshape(n)
            ),
        }
    )
    doc_topics.attrs["provenance"] = dict(settings)
    topic_info = _topic_info(model, doc_topics, display)
    topic_info.attrs["provenance"] = dict(settings)
    kept = corpus.drop(columns=[c for c in (S.TEXT, S.TITLE, S.BOILERPLATE) if c in corpus.columns])
    return TopicModel(
        doc_topics=doc_topics,
        topic_info=topic_info,
        model_=model,
        embeddings_=doc_vectors,
        corpus_=kept.reset_index(drop=True).copy(),
        display_=display,
        settings=settings,
    )


# ------------------------------------------------------------------------------------------ languages


def _n_languages(corpus: pd.DataFrame) -> int:
    return len({base_language(x) for x in corpus[S.LANGUAGE].tolist()})


def center_by_language(vectors: npt.ArrayLike, languages: Sequence[object]) -> FloatArray:
    """Each row minus the mean row of its language, scaled to unit length (a zero row stays zero).

    A multilingual encoder places texts of one language near each other whatever their story; removing
    each language's mean leaves what distinguishes the story. Missing languages form one group (``und``).

    >>> center_by_language([[1.0, 0.0], [3.0, 0.0], [0.0, 1.0], [0.0, 3.0]], ["en", "en", "ru", "ru"])
    array([[-1.,  0.],
           [ 1.,  0.],
           [ 0., -1.],
           [ 0.,  1.]], dtype=float32)
    """
    array = np.array(vectors, dtype=np.float32)
    if array.ndim != 2 or len(array) != len(languages):
        raise ValueError(f"vectors of shape {array.shape} do not match {len(languages)} languages")
    keys = np.array([base_language(x) for x in languages], dtype=object)
    out = np.empty_like(array)
    for key in pd.unique(keys):
        rows = keys == key
        out[rows] = array[rows] - array[rows].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    unit: FloatArray = np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)
    return unit


def topic_words_by_language(
    topics: TopicModel, corpus: pd.DataFrame, *, n: int = 5, min_docs: int = 1
) -> pd.DataFrame:
    """The top ``n`` words of each topic in each language: ``topic, label, language, docs, rank, word,
    weight``.

    For the articles of a topic in one language, each content word (:func:`framing.text.languages
    .content_words`: folded, no stopwords of any language, no numbers) is weighed by its count in them
    times ``log(1 + D / d)``, with ``D`` the articles of that language in the corpus and ``d`` those that
    use the word: words common to the whole language's coverage sink. Languages with fewer than
    ``min_docs`` articles in a topic are left out. ``corpus`` is the corpus the topics were fitted on (its
    ``doc_id`` values must match); it is not modified.
    """
    _check_count(n, "n", minimum=1)
    _check_count(min_docs, "min_docs", minimum=1)
    if S.LANGUAGE not in corpus.columns:
        raise ValueError(f"the corpus has no {S.LANGUAGE!r} column; its columns are {list(corpus.columns)}")
    ids = S.doc_ids(corpus)
    topic_of = dict(zip(topics.doc_topics[S.DOC_ID].astype(str), topics.doc_topics[TOPIC], strict=True))
    missing = [d for d in ids if d not in topic_of]
    if missing:
        raise ValueError(f"doc_id {missing[0]!r} of the corpus is not in the topic model")
    langs = [base_language(x) for x in corpus[S.LANGUAGE].tolist()]
    words = [content_words(doc, lang) for doc, lang in zip(_documents(corpus), langs, strict=True)]
    df: dict[str, Counter[str]] = {}
    n_lang: Counter[str] = Counter(langs)
    for lang, doc_words in zip(langs, words, strict=True):
        df.setdefault(lang, Counter()).update(set(doc_words))
    groups: dict[tuple[int, str], list[int]] = {}
    for i, d in enumerate(ids):
        groups.setdefault((int(topic_of[d]), langs[i]), []).append(i)
    labels = topics.labels
    rows: list[tuple[Any, ...]] = []
    for (topic, lang), members in sorted(groups.items()):
        if len(members) < min_docs:
            continue
        tf: Counter[str] = Counter()
        for i in members:
            tf.update(words[i])
        weight = {w: c * math.log(1 + n_lang[lang] / df[lang][w]) for w, c in tf.items()}
        ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        for rank, (word, value) in enumerate(ranked, start=1):
            rows.append((topic, labels.get(topic, str(topic)), lang, len(members), rank, word, value))
    out = pd.DataFrame(rows, columns=list(WORDS_BY_LANGUAGE_COLUMNS)).astype({S.WEIGHT: float})
    out.attrs["provenance"] = dict(topics.settings)
    return out


# ------------------------------------------------------------------------------------------ internals


def _documents(corpus: pd.DataFrame) -> list[str]:
    titles = corpus[S.TITLE].fillna("").astype(str)
    texts = corpus[S.TEXT].fillna("").astype(str)
    return [f"{t}\n{x}" if t.strip() else x for t, x in zip(titles, texts, strict=True)]


def _vocabulary(
    docs: list[str],
    *,
    n_docs: int,
    min_df: int | float | None,
    normalization: Normalization,
    extra_stopwords: tuple[str, ...],
) -> Any:
    """The vectorizer BERTopic gets: the words kept by min_df over the ARTICLES, as a fixed vocabulary.

    BERTopic fits its vectorizer on one joined document per topic, where min_df would count topics.
    """
    from sklearn.base import clone  # type: ignore[import-untyped,unused-ignore]

    vectorizer = arabic_vectorizer(
        n_docs, min_df=min_df, normalization=normalization, texts=docs, extra_stopwords=extra_stopwords
    )
    try:
        vectorizer.fit(docs)
    except ValueError as err:  # empty vocabulary, or min_df pruning everything
        raise ValueError(
            f"the {n_docs} documents have no topic words left (min_df={vectorizer.min_df}): {err}"
        ) from err
    vocabulary = sorted(vectorizer.vocabulary_)
    fixed = clone(vectorizer).set_params(min_df=1, vocabulary=vocabulary)
    fixed.set_params(tokenizer=vectorizer.tokenizer)  # the same tokenizer object, with its cache
    return fixed


def _seeds(lexicon: Lexicon, words: ArabicWords) -> tuple[list[list[str]], list[str]]:
    """Per frame: its entries as topic words (for the c-TF-IDF), and one text to embed."""
    seed_words: list[list[str]] = []
    seed_texts: list[str] = []
    for frame in lexicon:
        terms: list[str] = []
        for entry in frame.entries:
            tokens = [w for w in map(words.word, entry.words) if w]
            term = " ".join(tokens)
            if tokens and term not in terms:
                terms.append(term)
        if terms:
            seed_words.append(terms)
            seed_texts.append(" ".join(e.pattern.strip("=*") for e in frame.entries))
    if not seed_words:
        raise ValueError(f"lexicon {lexicon.name!r} has no entries left as topic words to seed topics with")
    return seed_words, seed_texts


def _guide(vectors: FloatArray, seeds: FloatArray) -> tuple[list[int], FloatArray]:
    """BERTopic's guided topic modelling (``BERTopic._guided_topic_modeling``), for any back-end: each
    article is labelled with its most similar seed (or -1 when the mean article is closer), and pulled a
    quarter of the way towards it."""
    from sklearn.metrics.pairwise import cosine_similarity  # type: ignore[import-untyped,unused-ignore]

    targets = np.vstack([seeds, vectors.mean(axis=0, keepdims=True)])
    best = np.argmax(cosine_similarity(vectors, targets), axis=1)
    y = [int(b) if b != len(seeds) else -1 for b in best]
    out = vectors.copy()
    for k in range(len(seeds)):
        rows = best == k
        out[rows] = out[rows] * 0.75 + seeds[k] * 0.25
    return y, out


# Notices that third-party packages print when imported, which say nothing about the user's analysis:
# umap imports tqdm.auto, which warns in a Jupyter kernel without ipywidgets; plotly (imported by
# bertopic) sets a pandas option that pandas 3 deprecates.
_IMPORT_NOISE = ("IProgress not found", "The 'mode.chained_assignment' option is deprecated")


@contextmanager
def _quiet_imports() -> Iterator[None]:
    with warnings.catch_warnings():
        for message in _IMPORT_NOISE:
            warnings.filterwarnings("ignore", message=re.escape(message))
        yield


def _models(n: int, *, n_topics: int | None, seed: int, dims: int, small: bool) -> tuple[Any, Any]:
    if small:
        from sklearn.cluster import KMeans  # type: ignore[import-untyped,unused-ignore]
        from sklearn.decomposition import PCA  # type: ignore[import-untyped,unused-ignore]

        k = n_topics if n_topics is not None else max(2, min(10, round(math.sqrt(n / 2))))
        return (
            PCA(n_components=max(1, min(5, n - 2, dims)), random_state=seed),
            KMeans(n_clusters=k, random_state=seed, n_init=10),
        )
    with _quiet_imports():
        from hdbscan import HDBSCAN  # type: ignore[import-untyped,unused-ignore]
        from umap import UMAP  # type: ignore[import-untyped,unused-ignore]

    return (
        # a random_state makes UMAP single-threaded (and reproducible) anyway: say so, and no warning
        UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed, n_jobs=1),
        HDBSCAN(min_cluster_size=max(10, n // 100), prediction_data=True),
    )


def _topic_words(model: Any, topic: int) -> list[tuple[str, float]]:
    found = model.get_topic(topic)
    if not found:
        return []
    return [(str(w), float(s)) for w, s in found if w]  # BERTopic pads a short topic with ("", 1e-05)


def _topic_info(model: Any, doc_topics: pd.DataFrame, display: dict[str, str]) -> pd.DataFrame:
    sizes = doc_topics[TOPIC].value_counts()
    rows = []
    for topic in sorted(sizes.index):
        words = [_show(w, display) for w, _ in _topic_words(model, int(topic))[:TOP_WORDS]]
        label = (
            OUTLIER_LABEL
            if topic == OUTLIER_TOPIC
            else f"{topic}: {WORD_SEPARATOR.join(words[:LABEL_WORDS])}"
        )
        rows.append((int(topic), int(sizes[topic]), WORD_SEPARATOR.join(words), label))
    return pd.DataFrame(rows, columns=list(TOPIC_INFO_COLUMNS))


def _display_forms(docs: Sequence[str], words: ArabicWords) -> dict[str, str]:
    """Each topic word -> the spelling it most often has in the documents (ة, أ, ى kept; no diacritics)."""
    full, light = words._vocabulary, Vocabulary(_DISPLAY)
    raws: Counter[str] = Counter()
    for doc in docs:
        raws.update(doc.split())
    seen: dict[str, Counter[str]] = {}
    for raw, count in raws.items():
        forms, shown = full.forms(raw), light.forms(raw)
        if len(forms) != len(shown):
            continue
        for form, spelled in zip(forms, shown, strict=True):
            stem = words.word(form)
            if stem and len(spelled) == len(form) and form.endswith(stem):
                seen.setdefault(stem, Counter())[spelled[len(form) - len(stem) :]] += count
    return {stem: spellings.most_common(1)[0][0] for stem, spellings in seen.items()}


def _show(term: str, display: dict[str, str]) -> str:
    return " ".join(display.get(w, w) for w in term.split(" "))


def _offset(freq: str) -> Any:
    from pandas.tseries.frequencies import to_offset

    try:
        return to_offset(freq)
    except (ValueError, TypeError) as err:
        raise ValueError(
            f"freq is {freq!r}; pass a pandas offset alias such as 'D' (day), 'W' (week), 'h' (hour) or "
            f"'MS' (month)"
        ) from err


def _is_int(value: Any) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _check_count(value: Any, name: str, *, minimum: int) -> None:
    if not _is_int(value) or value < minimum:
        raise ValueError(f"{name} is {value!r}; it must be a whole number, {minimum} or more")


def _check_min_df(min_df: Any) -> int | float:
    if _is_int(min_df):
        if min_df >= 1:
            return int(min_df)
    elif isinstance(min_df, float | np.floating) and 0.0 < float(min_df) <= 1.0:
        return float(min_df)
    raise ValueError(
        f"min_df is {min_df!r}; it must be a whole number of documents (1 or more) or a share in (0, 1]"
    )
