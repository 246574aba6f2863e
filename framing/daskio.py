"""Dask: score and match a corpus held as a ``dask.dataframe.DataFrame``, partition by partition.

:func:`framing.score` and :func:`framing.find_matches` call this module when given a Dask DataFrame and
return one: each partition is scored on its own by the pandas code, and the lexicon is one object of the
task graph, sent to each worker once (not once per partition). ``result.compute()`` equals the pandas
result on the whole corpus, apart from its index (each partition's rows are numbered from 0: use
``.compute().reset_index(drop=True)``). Dask is imported only here, only when used.

:func:`cluster_client` starts a local cluster bound to this machine (``127.0.0.1``), or connects to an
existing scheduler; ``framing score CORPUS --workers N`` / ``--scheduler ADDRESS`` use it. Running on
Slurm or Kubernetes is described in ``docs/scaling.md``.

>>> import pandas as pd, dask.dataframe as dd, framing
>>> lexicon = framing.load_lexicon({"terror": ["إرهاب*"]})
>>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["الإرهاب", "لا شيء", "الإرهابيين والإرهاب"]})
>>> scores = framing.score(dd.from_pandas(corpus, npartitions=2), lexicon)
>>> type(scores).__name__, scores.compute(scheduler="sync")["count"].tolist()
('DataFrame', [1, 0, 2])
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing import schema as S
from framing.lexicon.match import MIN_STEM
from framing.lexicon.model import Lexicon

if TYPE_CHECKING:
    import dask.dataframe as dd
    from distributed import Client


def is_dask_dataframe(corpus: object) -> bool:
    """True for a ``dask.dataframe.DataFrame`` (without importing Dask when it is not loaded already).

    >>> is_dask_dataframe(pd.DataFrame())
    False
    """
    module = sys.modules.get("dask.dataframe")
    return module is not None and isinstance(corpus, module.DataFrame)


def _score_partition(part: pd.DataFrame, lexicon: Lexicon, min_stem: int) -> pd.DataFrame:
    from framing.stream import score_frame  # a huge page is matched segment by segment

    return score_frame(part, lexicon, min_stem=min_stem)


def _match_partition(part: pd.DataFrame, lexicon: Lexicon, min_stem: int) -> pd.DataFrame:
    from framing.stream import match_frame

    return match_frame(part, lexicon, min_stem=min_stem)


def _columns(corpus: dd.DataFrame, wanted: Sequence[str]) -> list[str]:
    have = [str(c) for c in corpus.columns]
    missing = [c for c in (S.DOC_ID, S.TEXT) if c not in have]
    if missing:
        raise ValueError(f"the Dask corpus lacks column(s) {missing}; it has {have}")
    return [c for c in wanted if c in have]


def score(corpus: dd.DataFrame, lexicon: Lexicon, *, min_stem: int = MIN_STEM) -> dd.DataFrame:
    """:func:`framing.score` on each partition of ``corpus`` (only ``doc_id`` and ``text`` are read)."""
    from dask.delayed import delayed

    from framing.score import score as score_frame

    slim = corpus[_columns(corpus, [S.DOC_ID, S.TEXT])]
    meta = score_frame(slim._meta, lexicon, min_stem=min_stem)
    shipped = delayed(lexicon, pure=True)  # one key of the graph: each worker receives it once
    scores: dd.DataFrame = slim.map_partitions(
        _score_partition, shipped, min_stem, meta=meta, enforce_metadata=False
    )
    return scores


def find_matches(corpus: dd.DataFrame, lexicon: Lexicon, *, min_stem: int = MIN_STEM) -> dd.DataFrame:
    """:func:`framing.find_matches` on each partition of ``corpus`` (``doc_id``, ``text``, ``outlet``)."""
    from dask.delayed import delayed

    from framing.lexicon.match import find_matches as match_frame

    slim = corpus[_columns(corpus, [S.DOC_ID, S.TEXT, S.OUTLET])]
    meta = match_frame(slim._meta, lexicon, min_stem=min_stem)
    shipped = delayed(lexicon, pure=True)
    matches: dd.DataFrame = slim.map_partitions(
        _match_partition, shipped, min_stem, meta=meta, enforce_metadata=False
    )
    return matches


# Set in the environment of a local cluster's worker processes. Distributed sets MALLOC_TRIM_THRESHOLD_
# there, which makes glibc stop raising its mmap threshold: every array of more than 128 KiB is then
# mapped and unmapped afresh, and the matcher (numpy arrays of a few MB per chunk) ran about 1.5 times
# slower in a worker than in a plain process (benchmarks/bench_scale.py, docs/scaling.md). Arrays under
# 32 MiB come from the heap again; the heap is still trimmed.
WORKER_ENVIRONMENT = {"distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": 32 * 1024 * 1024}


@contextmanager
def cluster_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A ``distributed.Client``: connected to ``scheduler`` (an address such as ``tcp://host:8786``), or
    to a new local cluster of ``workers`` processes (one thread each: the matcher is Python code that
    holds the GIL) listening on ``127.0.0.1`` only — its HTTP endpoints too (the dashboard, when bokeh is
    installed, on a free port of ``127.0.0.1``). Closed on exit.
    """
    import distributed

    engine: Any = distributed  # its Client and LocalCluster are not annotated
    if (workers is None) == (scheduler is None):
        raise ValueError(
            "give either workers (a local cluster) or scheduler (an address), not both or neither"
        )
    if scheduler is not None:
        with engine.Client(scheduler) as client:
            yield client
        return
    assert workers is not None
    if workers < 1:
        raise ValueError(f"workers is {workers!r}; it must be 1 or more processes")
    import dask

    with (
        dask.config.set(WORKER_ENVIRONMENT),
        engine.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # its HTTP server on this machine only, on a free port
        ) as cluster,
        engine.Client(cluster) as client,
    ):
        yield client


def compute_partitions(
    client: Client, frame: dd.DataFrame, *, progress: bool = True
) -> Iterator[pd.DataFrame]:
    """The partitions of ``frame`` computed on ``client``'s cluster, yielded in order (each released on
    the cluster once yielded), with a text progress bar on standard output when ``progress``."""
    import distributed

    engine: Any = distributed
    parts: Any = frame
    futures: list[Any] = engine.Client.compute(client, parts.to_delayed())
    if progress:
        engine.progress(futures, notebook=False)
        print()
    for future in futures:
        yield future.result()
        future.release()
