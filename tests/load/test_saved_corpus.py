"""A corpus saved by ``framing load``/``framing report`` reads back unchanged, and the report hands that
file to every notebook, so a load parameter (``OUTLET``) reaches all of them."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd

import framing
from framing.cli import main
from framing.load.save import is_saved_corpus, save_corpus
from tests.conftest import DATA, SEED
from tests.test_report import _notebook


def test_a_saved_corpus_reads_back_unchanged(tmp_path: Path) -> None:
    corpus = framing.read_corpus(DATA / "demo")
    save_corpus(corpus, tmp_path / "corpus.parquet")
    assert is_saved_corpus(tmp_path / "corpus.parquet")
    again = framing.read_corpus(tmp_path / "corpus.parquet")
    pd.testing.assert_frame_equal(again, corpus)  # rows, columns, values, dtypes (source_path included)
    assert again.attrs["provenance"] == corpus.attrs["provenance"]
    assert str(again.attrs["load_report"]) == str(corpus.attrs["load_report"])
    assert set(framing.read_corpus(tmp_path / "corpus.parquet", outlet="x")["outlet"]) == {"x"}


def test_a_table_that_framing_did_not_write_is_read_as_a_table(tmp_path: Path) -> None:
    table = pd.DataFrame(
        {"text": ["\u0646\u0635 \u0623\u0648\u0644"], "title": ["t"], "outlet": ["o"]}
    )  # نص أول
    table.to_parquet(tmp_path / "mine.parquet", index=False)
    assert not is_saved_corpus(tmp_path / "mine.parquet")
    assert framing.read_corpus(tmp_path / "mine.parquet")["source_path"].tolist() == [
        str(tmp_path / "mine.parquet")
    ]


def test_every_notebook_reads_the_corpus_the_report_loaded(tmp_path: Path) -> None:
    books, out = tmp_path / "nb", tmp_path / "reports"
    for name in ("01_loads", "02_reads"):
        _notebook(
            books,
            name,
            "import pandas as pd\nimport framing\ncorpus = framing.read_corpus(CORPUS_PATH)\n"
            "outlets = ','.join(sorted(set(corpus['outlet'])))\n"
            "seen = pd.DataFrame({'path': [CORPUS_PATH], 'outlets': [outlets]})",
            parameters='CORPUS_PATH = "../data"\nOUTLET = None'
            if name == "01_loads"
            else 'CORPUS_PATH = "../data"',
        )
    argv = [
        "report",
        str(SEED),
        "--out",
        str(out),
        "--notebooks",
        str(books),
        "-p",
        "OUTLET=zahra",
        "--no-progress",
    ]
    assert main(argv) == 0
    for name in ("01_loads", "02_reads"):
        seen = pd.read_csv(out / "tables" / f"{name}-seen.csv").to_dict("records")[0]
        assert Path(seen["path"]).name == "corpus.parquet"  # the corpus loaded once, saved in the report
        assert seen["outlets"] == "zahra"  # the load parameter reaches the notebook that does not declare it
    saved = framing.read_corpus(out / "corpus.parquet")
    assert set(saved["outlet"]) == {"zahra"}
    executed = nbformat.read(out / "notebooks" / "02_reads.ipynb", as_version=4)
    assert "corpus.parquet" in executed.cells[1].source
