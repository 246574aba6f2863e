"""The ``framing`` command line, end to end on the bundled data and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from tests.conftest import DATA, SEED


def test_load_writes_corpus_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "corpus.parquet"
    assert main(["load", str(DATA), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Loaded 68 articles from 68 files" in printed
    corpus = pd.read_parquet(out)
    assert len(corpus) == 68
    assert corpus["published_utc"].dt.tz is not None
    report = json.loads((tmp_path / "out" / "corpus.load_report.json").read_text(encoding="utf-8"))
    assert (report["files_seen"], report["loaded"], report["skipped"]) == (68, 68, [])
    assert (tmp_path / "out" / "corpus.load_report.txt").read_text(encoding="utf-8").startswith("Loaded 68")


def test_load_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    assert main(["load", str(SEED), "--out", str(out)]) == 0
    assert pd.read_csv(out)["outlet"].tolist() == ["shorouk"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["load", "no/such/folder", "--out", "x.parquet"], "corpus path 'no/such/folder' does not exist"),
        (["load", str(SEED), "--out", "x.xlsx"], "--out 'x.xlsx': the file name must end in one of"),
        (["load", str(SEED), "--out", "x.csv", "--profiles", "none.yaml"], "outlet profile file 'none.yaml'"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_empty_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(tmp_path), "--out", str(tmp_path / "c.parquet")]) == 2
    assert "no articles loaded" in capsys.readouterr().err
    assert not (tmp_path / "c.parquet").exists()


def test_strict_stops_at_the_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["load", str(tmp_path), "--out", str(tmp_path / "c.csv"), "--strict"]) == 2
    assert "empty.txt: empty file" in capsys.readouterr().err


def test_installed_command_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "framing", "load", str(SEED), "--out", str(tmp_path / "c.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Loaded 1 article" in done.stdout
