"""The ``framing`` command line, end to end on the bundled data and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from tests.conftest import DATA, ROOT, SEED


def test_load_writes_corpus_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "corpus.parquet"
    assert main(["load", str(DATA), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Loaded 85 articles from 85 files" in printed
    corpus = pd.read_parquet(out)
    assert len(corpus) == 85
    assert corpus["published_utc"].dt.tz is not None
    report = json.loads((tmp_path / "out" / "corpus.load_report.json").read_text(encoding="utf-8"))
    assert (report["files_seen"], report["loaded"], report["skipped"]) == (85, 85, [])
    assert (tmp_path / "out" / "corpus.load_report.txt").read_text(encoding="utf-8").startswith("Loaded 85")


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


BAD_LEXICON = """\
name: broken
version: "1"
frames:
  - id: talks
    entries: [محادثات]
  - id: talks
    entries: [مفاوضات]
"""


@pytest.fixture
def bad_lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BAD_LEXICON, encoding="utf-8")
    return path


def test_lexicon_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "actor_labels_2016",
        "generic_frames_ar",
        "kerry_putin_2016",
    ]
    assert "7 frames  414 entries" in lines[2]  # 289 Arabic, 60 English, 65 Russian


def test_lexicon_check_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "framing" / "lexicons" / "kerry_putin_2016.yaml"
    assert main(["lexicon", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "lexicon kerry_putin_2016 1.1" in out and "valid" in out
    assert "entries per language: ar 289, ru 65, en 60" in out
    assert "humanitarian_cost" in out and "الكلفة الإنسانية" in out
    assert out.rstrip().endswith("0 warning(s)")


def test_lexicon_check_reports_warnings_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text("talks: [محادثات, في, محادثات]\n", encoding="utf-8")
    assert main(["lexicon", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 warning(s):" in out and "stopword" in out and "duplicate" in out
    assert main(["lexicon", "check", str(path), "--strict"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing lexicon: strict=True turns these 2 warnings into errors")


def test_lexicon_check_malformed(bad_lexicon: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "check", str(bad_lexicon)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{bad_lexicon}, line 6: frame 'talks': duplicate frame id" in err


def test_lexicon_check_yaml_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text("name: x\nframes: [\n", encoding="utf-8")
    assert main(["lexicon", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "YAML syntax error" in err and "line 3" in err


def test_lexicon_check_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "check", "no/such.yaml"]) == 2
    assert capsys.readouterr().err == "framing lexicon: lexicon file 'no/such.yaml' does not exist\n"


def test_score_writes_the_library_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import framing

    out, hits = tmp_path / "scores.csv", tmp_path / "matches.parquet"
    assert (
        main(["score", str(DATA), "--lexicon", "kerry_putin_2016", "--out", str(out), "--matches", str(hits)])
        == 0
    )
    printed = capsys.readouterr().out
    corpus = framing.read_corpus(DATA)
    lexicon = framing.load_lexicon("kerry_putin_2016")
    expected = framing.score(corpus, lexicon)
    written = pd.read_csv(out, dtype={"doc_id": str})
    assert len(written) == len(corpus) * len(lexicon.frames)
    pd.testing.assert_frame_equal(written, expected.reset_index(drop=True), check_dtype=False)
    matches = pd.read_parquet(hits)
    assert len(matches) == int(expected["count"].sum())
    # the printed summary: hits per frame, counted here from the matches
    n = int((matches["frame"] == "terrorism_threat").sum())
    docs = matches.loc[matches["frame"] == "terrorism_threat", "doc_id"].nunique()
    assert f"terrorism_threat {n} hits in {docs} articles" in " ".join(printed.split())


def test_score_wide_and_from_a_saved_corpus(tmp_path: Path) -> None:
    corpus_file = tmp_path / "corpus.parquet"
    assert main(["load", str(DATA), "--out", str(corpus_file)]) == 0
    out = tmp_path / "wide.csv"
    assert (
        main(["score", str(corpus_file), "--lexicon", "generic_frames_ar", "--out", str(out), "--wide"]) == 0
    )
    wide = pd.read_csv(out)
    assert len(wide) == 85
    assert list(wide.columns) == [
        "doc_id",
        "conflict",
        "human_interest",
        "economic_consequences",
        "morality",
        "responsibility",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["score", "no/such/folder", "--lexicon", "kerry_putin_2016", "--out", "s.csv"],
            "framing score: corpus path 'no/such/folder' does not exist",
        ),
        (
            ["score", str(SEED), "--lexicon", "nonesuch", "--out", "s.csv"],
            "framing score: unknown lexicon 'nonesuch'",
        ),
        (
            ["score", str(SEED), "--lexicon", "kerry_putin_2016", "--out", "s.xlsx"],
            "framing score: --out 's.xlsx': the file name must end in one of",
        ),
    ],
)
def test_score_bad_input(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(message)


def test_score_malformed_lexicon(
    bad_lexicon: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(SEED), "--lexicon", str(bad_lexicon), "--out", str(tmp_path / "s.csv")]) == 2
    assert "duplicate frame id" in capsys.readouterr().err
    assert not (tmp_path / "s.csv").exists()


def test_score_empty_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("not a page", encoding="utf-8")
    assert (
        main(["score", str(tmp_path), "--lexicon", "kerry_putin_2016", "--out", str(tmp_path / "s.csv")]) == 2
    )
    assert capsys.readouterr().err.startswith("framing score: no articles loaded from")
    assert not (tmp_path / "s.csv").exists()
