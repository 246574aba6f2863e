"""Dask: the same results as pandas, on a small cluster of this machine, reaching nothing beyond it.

Two clusters, one per module: an in-process one (``processes=False``, fast) and the two-process one that
``framing score --workers 2`` starts (``daskio.cluster_client``), whose scheduler the CLI test reuses
through ``--scheduler``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import framing
from framing import daskio
from framing.cli import main
from framing.lexicon.model import Lexicon
from framing.load.save import save_corpus
from tests.offline_site.netguard import NetworkBlocked
from tests.scale_corpus import corpus as make_corpus
from tests.scale_corpus import lexicon as make_lexicon

LEXICON = make_lexicon()
CORPUS = make_corpus()


def _pandas_equal(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)


@pytest.fixture(scope="module")
def threads() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def processes() -> Iterator[tuple[Client, list[Any]]]:
    """The local cluster of ``--workers 2``, and every address the test process connected to meanwhile."""
    seen: list[Any] = []
    real_connect = socket.socket.connect

    def recording(self: socket.socket, address: Any) -> Any:
        seen.append(address)
        return real_connect(self, address)  # the suite's guard (when installed) is what real_connect is

    patch = pytest.MonkeyPatch()
    patch.setattr(socket.socket, "connect", recording)
    try:
        with daskio.cluster_client(workers=2) as client:
            yield client, seen
    finally:
        patch.undo()


def test_score_and_matches_on_threads_equal_pandas(threads: Client) -> None:
    frame = dd.from_pandas(CORPUS, npartitions=4)
    scores = framing.score(frame, LEXICON)
    assert isinstance(scores, dd.DataFrame) and scores.npartitions == 4
    _pandas_equal(scores.compute(), framing.score(CORPUS, LEXICON))
    _pandas_equal(framing.find_matches(frame, LEXICON).compute(), framing.find_matches(CORPUS, LEXICON))
    assert scores.compute().attrs == framing.score(CORPUS, LEXICON).attrs


def test_the_lexicon_is_one_object_of_the_graph() -> None:
    scores = framing.score(dd.from_pandas(CORPUS, npartitions=5), LEXICON)
    graph = dict(scores.__dask_graph__())
    holding = [key for key, task in graph.items() if isinstance(getattr(task, "value", None), Lexicon)]
    assert len(holding) == 1  # sent to each worker once, not once per partition
    partition_tasks = [k for k in graph if k[0].startswith("_score_partition")]
    assert len(partition_tasks) == 5
    assert all(holding[0] in graph[k].dependencies for k in partition_tasks)


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # a pandas 3.1 deprecation inside dask's reader
def test_a_parquet_dataset_read_by_dask_scores_the_same(tmp_path: Path, threads: Client) -> None:
    save_corpus(CORPUS, tmp_path / "corpus", rows_per_file=11)
    frame = dd.read_parquet(tmp_path / "corpus")
    _pandas_equal(framing.score(frame, LEXICON).compute(), framing.score(CORPUS, LEXICON))


def test_workers_are_refused_for_a_dask_corpus() -> None:
    with pytest.raises(ValueError, match="counted by its cluster's workers"):
        framing.score(dd.from_pandas(CORPUS, npartitions=2), LEXICON, workers=2)


def test_a_corpus_without_text_is_named() -> None:
    with pytest.raises(ValueError, match=r"the Dask corpus lacks column\(s\) \['text'\]"):
        framing.score(dd.from_pandas(CORPUS[["doc_id"]], npartitions=1), LEXICON)


def test_local_workers_keep_glibc_raising_its_mmap_threshold(processes: tuple[Client, list[Any]]) -> None:
    """The environment that keeps the matcher as fast in a worker as in a plain process (see daskio)."""
    import os

    client, _ = processes
    found = client.run(lambda: os.environ.get("MALLOC_MMAP_THRESHOLD_"))
    assert sorted(found.values()) == [str(32 * 1024 * 1024)] * 2


def test_two_worker_processes_equal_pandas_and_streaming(processes: tuple[Client, list[Any]]) -> None:
    client, _ = processes
    assert len(client.scheduler_info()["workers"]) == 2
    frame = dd.from_pandas(CORPUS, npartitions=6)
    parts = list(daskio.compute_partitions(client, framing.score(frame, LEXICON), progress=False))
    got = pd.concat(parts, ignore_index=True)
    expected = framing.score(CORPUS, LEXICON)
    pd.testing.assert_frame_equal(got, expected)
    pd.testing.assert_frame_equal(
        framing.score(iter([CORPUS.iloc[:25], CORPUS.iloc[25:]]), LEXICON), expected
    )
    matches = client.compute(framing.find_matches(frame, LEXICON)).result()
    _pandas_equal(matches, framing.find_matches(CORPUS, LEXICON))


def test_nothing_beyond_this_machine_is_reached(processes: tuple[Client, list[Any]]) -> None:
    client, seen = processes
    client.submit(sum, [1, 2]).result()  # some traffic on the connections
    addresses = [client.scheduler.address, *client.scheduler_info()["workers"]]
    assert all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses
    hosts = [a[0] for a in seen if isinstance(a, tuple)]
    assert hosts and all(ipaddress.ip_address(h).is_loopback for h in hosts), hosts

    def try_outside() -> str:  # runs in each worker process
        try:
            socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1: never a real host
        except Exception as exc:
            return type(exc).__name__
        return "connected"

    # the workers run under the suite's network guard too (tests/offline_site/sitecustomize.py)
    assert set(client.run(try_outside).values()) == {NetworkBlocked.__name__}

    def listening(dask_worker: Any) -> list[str]:  # the sockets a worker (or the scheduler) listens on
        servers = [dask_worker.http_server, *getattr(dask_worker, "listeners", [])]
        names = [s.getsockname()[0] for s in dask_worker.http_server._sockets.values()]
        return names + [str(listener.listen_address) for listener in servers[1:]]

    hosts = [h for names in client.run(listening).values() for h in names]
    hosts += listening(client.cluster.scheduler)
    assert hosts and all(h.startswith(("127.0.0.1", "tcp://127.0.0.1:")) for h in hosts), hosts


def test_cli_score_on_the_cluster_equals_the_plain_run(
    tmp_path: Path, processes: tuple[Client, list[Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    client, _ = processes
    dataset = tmp_path / "corpus"
    save_corpus(CORPUS, dataset, rows_per_file=13)
    lexicon_file = tmp_path / "flood.yaml"
    lexicon_file.write_text(
        "name: flood\nversion: '1'\nframes:\n"
        "  - id: flood\n    entries: [فيضان*, سيول]\n"
        "  - id: relief\n    entries: [إغاثة*, الهلال الأحمر]\n",
        encoding="utf-8",
    )
    plain, cluster = tmp_path / "plain.csv", tmp_path / "cluster.csv"
    hits_plain, hits_cluster = tmp_path / "m_plain.parquet", tmp_path / "m_cluster.parquet"
    argv = ["score", str(dataset), "--lexicon", str(lexicon_file)]
    assert main([*argv, "--out", str(plain), "--matches", str(hits_plain), "--no-progress"]) == 0
    first = capsys.readouterr().out
    address = client.scheduler.address
    assert main([*argv, "--out", str(cluster), "--matches", str(hits_cluster), "--scheduler", address]) == 0
    second = capsys.readouterr().out
    assert cluster.read_bytes() == plain.read_bytes()
    pd.testing.assert_frame_equal(pd.read_parquet(hits_cluster), pd.read_parquet(hits_plain))

    def summary(out: str) -> list[str]:
        return [line for line in out.splitlines() if line.startswith(("  ", "flood 1"))]

    assert summary(first) == summary(second) and len(summary(first)) == 3
    assert "100% Completed" in second  # the progress bar
    expected = framing.score(CORPUS, framing.load_lexicon(lexicon_file))
    written = pd.read_csv(plain)
    assert written["doc_id"].tolist() == expected["doc_id"].tolist()
    assert written["count"].tolist() == expected["count"].tolist() and expected["count"].sum() > 50


def test_cli_score_of_pages_on_the_cluster(tmp_path: Path, processes: tuple[Client, list[Any]]) -> None:
    """Pages (not a dataset) are loaded here and sent to the workers in partitions."""
    client, _ = processes
    pages = Path(__file__).resolve().parents[1] / "data" / "raw"
    plain, cluster = tmp_path / "plain.parquet", tmp_path / "cluster.parquet"
    argv = ["score", str(pages), "--lexicon", "kerry_putin_2016", "--no-progress"]
    assert main([*argv, "--out", str(plain)]) == 0
    assert main([*argv, "--out", str(cluster), "--scheduler", client.scheduler.address]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(cluster), pd.read_parquet(plain))
    assert pd.read_parquet(plain)["count"].sum() > 0


def test_workers_and_scheduler_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["score", "x", "--lexicon", "y", "--out", "s.csv", "--workers", "2", "--scheduler", "tcp://h:1"])
    assert "not allowed with argument" in capsys.readouterr().err
    assert (
        main(["score", "data/raw", "--lexicon", "kerry_putin_2016", "--out", "s.csv", "--workers", "0"]) == 2
    )
    assert "--workers 0: it must be 1 or more processes" in capsys.readouterr().err
