"""`framing report`: the main job, end to end on the bundled data, and its failure modes.

The full report runs once (all five notebooks on data/, ~40 s); the failure modes use small notebooks
written here, so each starts one kernel at most.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import framing
from framing.cli import main
from tests.conftest import DATA, ROOT, SEED

NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`framing report --out <tmp>/reports` on the bundled data, through the command line."""
    out = tmp_path_factory.mktemp("main-job") / "reports"
    assert main(["report", "--out", str(out), "--no-progress"]) == 0
    return out


def test_every_notebook_has_a_page_linked_from_the_index(report: Path) -> None:
    index = (report / "index.html").read_text(encoding="utf-8")
    for stem in NOTEBOOKS:
        assert (report / f"{stem}.html").is_file()
        assert f'href="{stem}.html"' in index
        assert (report / "notebooks" / f"{stem}.ipynb").is_file()
    for link in re.findall(r'(?:href|src)="([^"#]+)"', index):
        assert (report / link).is_file(), link


def test_the_first_page_says_the_corpus_is_the_constructed_demo(report: Path) -> None:
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "Constructed demo corpus — fictional outlets" in index
    assert "Shorouk News: real pages, not part of the constructed corpus." in index  # the user's sample
    assert "85 articles from 11 outlets, 2016-07-11 to 2016-07-18" in index
    for stem in NOTEBOOKS:  # and every notebook page carries the banner
        assert 'class="framing-banner">Constructed demo corpus' in (report / f"{stem}.html").read_text(
            "utf-8"
        )


def test_pages_are_offline_and_show_arabic(report: Path) -> None:
    for stem in NOTEBOOKS:
        page = (report / f"{stem}.html").read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=\"https?:", page), stem
        assert "unicode-bidi: plaintext" in page
    assert "دمار في حي الشعار" in (report / "01_corpus.html").read_text(encoding="utf-8")


def test_figures_are_pngs_one_per_chart(report: Path) -> None:
    corpus = framing.read_corpus(DATA)
    referents = len(framing.load_lexicon("actor_labels_2016").frames)
    # 02: articles per day, rates, heatmap; 03: one chart per referent and per outlet with at least
    # MIN_ARTICLES (5) articles; 04: three charts; 05: the copy matrix and the label swaps
    outlets = int((corpus["outlet"].value_counts() >= 5).sum())
    expected = {
        "02_frames": 3,
        "03_labels_and_words": referents + outlets,
        "04_topics": 3,
        "05_wire_copies": 2,
        "06_languages": 4,  # frames by language and by edition, labels, topics per edition
    }
    figures = sorted((report / "figures").glob("*.png"))
    counts = {stem: sum(f.name.startswith(stem + "-") for f in figures) for stem in NOTEBOOKS}
    assert counts == {"01_corpus": 0, **expected}
    for figure in figures:
        data = figure.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, figure.name
    assert (report / "figures" / "02_frames-02-rates-and-shares-per-outlet.png").is_file()


def test_tables_are_the_library_results_for_the_injected_parameters(report: Path) -> None:
    corpus = framing.read_corpus(DATA)
    scores = framing.score(corpus, framing.load_lexicon("kerry_putin_2016"))
    written = pd.read_csv(report / "tables" / "02_frames-scores.csv", dtype={"doc_id": str})
    pd.testing.assert_frame_equal(written, scores.reset_index(drop=True), check_dtype=False)
    per_day = pd.read_csv(report / "tables" / "01_corpus-per_day.csv", index_col=0)
    assert per_day.loc["all", "all"] == len(corpus)
    assert {"02_frames-rates.csv", "03_labels_and_words-labels.csv", "04_topics-topic_info.csv"} <= {
        p.name for p in (report / "tables").glob("*.csv")
    }
    assert len(pd.read_parquet(report / "corpus.parquet")) == len(corpus)
    copies = pd.read_csv(report / "tables" / "05_wire_copies-copy_table.csv")
    assert copies["copies"].sum() == 6 and set(copies["source_outlet"]) == {"dafatain"}


def test_wire_copies_page_says_how_many_articles_are_copies(report: Path) -> None:
    page = (report / "05_wire_copies.html").read_text(encoding="utf-8")
    assert "85 articles: 6 are copies of 2 source article(s)" in page
    assert 'class="framing-edits" dir="rtl"' in page and "<del" in page and "<ins" in page


def test_provenance(report: Path) -> None:
    provenance = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["generator"] == "framing report"
    assert provenance["framing_version"] == version("framing")
    files = {f["path"]: f for f in provenance["corpus"]["files"]}
    inputs = [*DATA.rglob("*.txt"), *DATA.rglob("outlets.yaml")]  # the pages and the outlet profiles
    assert sorted(files) == sorted(str(p.relative_to(DATA)) for p in inputs)
    for path, entry in files.items():
        data = (DATA / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
    assert provenance["corpus"]["demo"] is True and provenance["corpus"]["articles"] == 85
    lexicons = {x["lexicon"]: x for x in provenance["lexicons"]}
    assert lexicons["kerry_putin_2016"]["lexicon_hash"] == framing.load_lexicon("kerry_putin_2016").hash
    assert lexicons["actor_labels_2016"]["used_as"] == [
        "03_labels_and_words:LABELS",
        "05_wire_copies:LABELS",
        "06_languages:LABELS",
    ]
    notebooks = {n["name"]: n for n in provenance["notebooks"]}
    assert notebooks["02_frames.ipynb"]["parameters"]["CORPUS_PATH"] == str(DATA)
    assert notebooks["02_frames.ipynb"]["parameters"]["N_BOOT"] == 2000
    source = (ROOT / "notebooks" / "02_frames.ipynb").read_bytes()
    assert notebooks["02_frames.ipynb"]["sha256"] == hashlib.sha256(source).hexdigest()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", provenance["created"])


def test_no_staging_folder_is_left(report: Path) -> None:
    assert [p.name for p in report.parent.iterdir()] == ["reports"]


# Small notebooks for the failure modes ------------------------------------------------------------


def _notebook(folder: Path, name: str, *cells: str, parameters: str = 'CORPUS_PATH = "../data"') -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
            nbformat.v4.new_markdown_cell(f"# {name}\n\nA small notebook written by the tests."),
            *(nbformat.v4.new_code_cell(c) for c in cells),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, folder / f"{name}.ipynb")


def test_a_failing_notebook_stops_the_report_and_leaves_out_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books, out = tmp_path / "nb", tmp_path / "reports"
    _notebook(books, "01_ok", "import framing\ncorpus = framing.read_corpus(CORPUS_PATH)\nprint(len(corpus))")
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert "Constructed demo corpus" not in (out / "index.html").read_text(
        encoding="utf-8"
    )  # the user's page

    _notebook(books, "02_fails", "x = 1", "raise ValueError('no such frame: إرهاب')")
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "raise ValueError('no such frame: إرهاب')" in err  # the notebook's own traceback
    assert err[-1] == (
        "framing report: 02_fails.ipynb failed at cell 4: ValueError: no such frame: إرهاب; "
        f"no report written ({out} left as it was)"
    )
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nb", "reports"]  # no staging folder left


def test_a_failing_notebook_writes_no_new_folder(tmp_path: Path) -> None:
    books, out = tmp_path / "nb", tmp_path / "new" / "reports"
    _notebook(books, "01_fails", "1 / 0")
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 1
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_parameters_are_injected_and_tables_kept(tmp_path: Path) -> None:
    books, out = tmp_path / "nb", tmp_path / "reports"
    _notebook(
        books,
        "01_params",
        "import pandas as pd\nimport framing\n"
        "corpus = framing.read_corpus(CORPUS_PATH)\n"
        "counts = pd.DataFrame(\n"
        "    {'n_boot': [N_BOOT], 'articles': [len(corpus)], 'title': corpus['title'][:1]}\n"
        ")",
        parameters='CORPUS_PATH = "../data"\nN_BOOT = 2000',
    )
    argv = [
        "report",
        str(SEED),
        "--out",
        str(out),
        "--notebooks",
        str(books),
        "-p",
        "N_BOOT=50",
        "--no-progress",
    ]
    assert main(argv) == 0
    table = pd.read_csv(out / "tables" / "01_params-counts.csv")
    assert table.to_dict("records") == [
        {"n_boot": 50, "articles": 1, "title": "«كيري» في موسكو لبحث مكافحة الجهاديين في سوريا مع «بوتين»"}
    ]
    provenance = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["notebooks"][0]["parameters"] == {"CORPUS_PATH": str(SEED), "N_BOOT": 50}
    assert [f["path"] for f in provenance["corpus"]["files"]] == [SEED.name]
    executed = nbformat.read(out / "notebooks" / "01_params.ipynb", as_version=4)
    assert executed.cells[1].metadata["tags"] == ["injected-parameters"]
    assert "N_BOOT = 50" in executed.cells[1].source


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["no/such/folder"], "framing report: corpus path 'no/such/folder' does not exist"),
        (["--lexicon", "nonesuch"], "framing report: unknown lexicon 'nonesuch'"),
        (
            ["-p", "N_BOTS=5"],
            "framing report: unknown notebook parameter(s) ['N_BOTS']; the notebooks take [",
        ),
        (["-p", "N_BOOT"], "framing report: parameter 'N_BOOT': write NAME=VALUE"),
        (["-p", "CORPUS_PATH=x"], "framing report: CORPUS_PATH is set from the CORPUS argument"),
        (["--notebooks", "no/notebooks"], "framing report: notebook folder 'no/notebooks' does not exist"),
    ],
)
def test_bad_input_exits_2_before_any_notebook_runs(
    extra: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reports"
    assert main(["report", *extra, "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(message), err
    assert list(tmp_path.iterdir()) == []


def test_malformed_lexicon_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text("name: mine\nframes:\n  - id: talks\n    entries: [محادثات\n", encoding="utf-8")
    assert main(["report", "--lexicon", str(lexicon), "--out", str(tmp_path / "r"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"framing report: {lexicon}, line ") and "YAML syntax error" in err
    assert not (tmp_path / "r").exists()


def test_empty_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "empty.txt").write_bytes(b"")
    assert main(["report", str(tmp_path / "pages"), "--out", str(tmp_path / "r"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing report: no articles loaded from") and "empty.txt: empty file" in err
    assert not (tmp_path / "r").exists()


def test_out_that_is_not_a_report_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_bytes(b"keep me")
    assert main(["report", str(SEED), "--out", str(tmp_path / "mine"), "--no-progress"]) == 2
    assert "exists and is not a framing report" in capsys.readouterr().err
    assert (tmp_path / "mine" / "thesis.docx").read_bytes() == b"keep me"


def test_notebooks_run_in_this_python_whatever_python3_kernel_jupyter_knows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's own `python3` kernel spec (here one that cannot start) does not take the report elsewhere."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = ["/no/such/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "other", "language": "python"})
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    books, out = tmp_path / "nb", tmp_path / "reports"
    _notebook(books, "01_which", "import sys\nprint(sys.executable)")
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 0
    executed = nbformat.read(out / "notebooks" / "01_which.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"].strip() == sys.executable
    # and naming that kernel uses it: it cannot start, and the report says why
    argv = ["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--kernel", "python3"]
    assert main([*argv, "--no-progress"]) == 2
    assert "/no/such/python" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jupyter", "nb", "reports"]


def test_a_cell_over_the_timeout_stops_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    books, out = tmp_path / "nb", tmp_path / "reports"
    _notebook(books, "01_slow", "x = 1", "import time\ntime.sleep(60)")
    argv = ["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--timeout", "3"]
    assert main([*argv, "--no-progress"]) == 1
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("framing report: 01_slow.ipynb failed at cell 4: CellTimeoutError")
    assert "no cell may run longer than 3 s (--timeout)" in last
    assert not out.exists()


def test_a_kernel_that_dies_stops_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    books, out = tmp_path / "nb", tmp_path / "reports"
    _notebook(books, "01_dies", "import os\nos._exit(1)")
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 1
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("framing report: 01_dies.ipynb failed at cell 3: DeadKernelError")
    assert not out.exists()


def test_out_inside_the_corpus_or_holding_it_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt").write_bytes(SEED.read_bytes())
    assert main(["report", str(pages), "--out", str(pages / "report"), "--no-progress"]) == 2
    assert "is inside the corpus folder" in capsys.readouterr().err
    assert main(["report", str(pages / "page.txt"), "--out", str(tmp_path), "--no-progress"]) == 2
    assert "which replacing the report would delete" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["page.txt", "pages"]


def test_the_index_summarises_the_outlets_by_their_facts(report: Path) -> None:
    index = (report / "index.html").read_text(encoding="utf-8")
    # data/demo: dafatain (12 articles) and the user's Shorouk page (1) are the Egyptian outlets
    assert '<tr><td>EG</td><td class="n">2</td><td class="n">13</td></tr>' in index
    assert "<caption>by type</caption>" in index and "<caption>by owner type</caption>" in index
    assert "<details open><summary>All 11 outlets" in index  # few outlets: the table is open


def test_many_outlets_are_summarised_and_their_table_collapsed() -> None:
    from framing.report import SUMMARY_TOP, _outlet_summary

    countries = [f"C{i:02d}" for i in range(20)]
    corpus = pd.DataFrame(
        {
            "outlet": [f"o{i}" for i in range(150) for _ in range(2)],
            "outlet_name": [f"Outlet {i} (fictional)" for i in range(150) for _ in range(2)],
            "country": [countries[i % 20] for i in range(150) for _ in range(2)],
        }
    )
    page = _outlet_summary(corpus)
    assert "<details><summary>All 150 outlets" in page  # collapsed
    rows = re.findall(r"<tr><td>(C\d\d|\d+ others)</td>", page)
    assert len(rows) == SUMMARY_TOP and rows[-1] == f"{20 - SUMMARY_TOP + 1} others"
    assert "-p BY=country" in page


def test_an_interrupted_report_says_so_and_keeps_the_earlier_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while a notebook runs (here the notebook sends SIGINT to the report's process, as a terminal
    does): the message says "interrupted" (not the kernel's DeadKernelError) and the earlier report stays."""
    books, out = tmp_path / "nb", tmp_path / "reports"
    _notebook(books, "01_ok", "print(1)")
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _notebook(
        books,
        "02_interrupted",
        "import os, signal, time\nos.kill(os.getppid(), signal.SIGINT)\ntime.sleep(30)",
    )
    assert main(["report", str(SEED), "--out", str(out), "--notebooks", str(books), "--no-progress"]) == 130
    err = capsys.readouterr().err
    assert (
        err.strip().splitlines()[-1]
        == f"framing report: interrupted; no report written ({out} left as it was)"
    )
    assert "DeadKernelError" not in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nb", "reports"]
