"""Bad inputs to ``read_corpus``: each is skipped, warned about or listed with a reason naming the file
(and row); nothing escapes with ``strict=False``, ``strict=True`` raises :class:`LoadError`, nothing is
mangled or lost silently, and nothing hangs."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from framing.load import LoadError, read_corpus
from framing.load.encoding import DecodeError, decode_bytes, decode_page
from framing.load.outlets import PatternTimeout, read_profiles, validate_profile

BODY = "قال المتحدث باسم الحكومة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين."


def page(title: str, body: str = BODY) -> str:
    return f"{title} - شبكة الوادي\n{title}\nنشر في: الاثنين 11 يوليه 2016 - 6:45 م\n{body}\n"


def problems(corpus: pd.DataFrame) -> dict[str, str]:
    """Where -> its messages (not read, skipped, warnings), joined by ' | '."""
    report = corpus.attrs["load_report"]
    out: dict[str, list[str]] = {}
    for p in [*report.not_read, *report.skipped, *report.warnings]:
        out.setdefault(p.where, []).append(p.message)
    return {where: " | ".join(messages) for where, messages in out.items()}


# ------------------------------------------------------------------------------------------ encodings


def test_latin1_page_is_not_read_as_arabic() -> None:
    """616 of 657 Latin-1 files became "Straكe" before: Windows-1252 is told from Windows-1256."""
    text = "Die Straße in München war am Montag gesperrt, sagte der Bürgermeister."
    assert decode_bytes(text.encode("latin-1")) == (text, "cp1252")
    french = "À Genève, les négociations se poursuivront malgré l'été."
    assert decode_bytes(french.encode("cp1252")) == (french, "cp1252")


def test_arabic_with_agency_initials_stays_windows_1256() -> None:
    text = "بيروت - أ ف ب\nقال المتحدث إن المحادثات ستستأنف."
    assert decode_bytes(text.encode("cp1256")) == (text, "cp1256")


def test_fallback_decoding_is_flagged_and_warned(tmp_path: Path) -> None:
    assert decode_page(BODY.encode("cp1256")).fallback
    assert not decode_page(BODY.encode("utf-8")).fallback
    (tmp_path / "a.txt").write_bytes(page("هدنة في الريف").encode("cp1256"))
    corpus = read_corpus(tmp_path)
    assert len(corpus) == 1
    assert problems(corpus)["a.txt"] == "not UTF-8: decoded as cp1256 (a guess: check the text)"


@pytest.mark.parametrize("seed", range(40))
def test_random_binary_is_refused(seed: int) -> None:
    import random

    data = random.Random(seed).randbytes(64 + 50 * seed).replace(b"\x00", b"")
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


# --------------------------------------------------------------------------------- files and folders


def test_special_entries_are_listed_not_lost(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(page("هدنة في الريف"), encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block: it is never opened
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "linked")
    started = time.perf_counter()
    corpus = read_corpus(tmp_path)
    assert time.perf_counter() - started < 30
    report = corpus.attrs["load_report"]
    assert len(corpus) == 1 and report.balanced
    assert {p.where: p.message for p in report.not_read} == {
        "dangling.txt": "a link to nothing (dangling symlink)",
        "pipe.txt": "a named pipe (FIFO)",
        "linked": "a link to a folder (links to folders are not followed)",
    }
    assert "Not read (not regular files or unreadable)" in str(report)
    assert set(report.to_frame()["kind"]) == {"not read"}
    with pytest.raises(LoadError, match=r"^dangling\.txt: a link to nothing") as err:
        read_corpus(tmp_path, strict=True)
    assert err.value.file == "dangling.txt" and err.value.row is None


def test_unreadable_file_is_skipped_with_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(page("هدنة في الريف"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(page("اتفاق على آلية"), encoding="utf-8")
    real, real_open = Path.read_bytes, os.open

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    def refuse(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if os.fspath(path).endswith("b.txt"):  # as open() refuses a file without read permission
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "open", refuse)
    corpus = read_corpus(tmp_path)
    assert len(corpus) == 1
    assert problems(corpus)["b.txt"].startswith("cannot read the file: PermissionError")
    assert corpus.attrs["load_report"].balanced


def test_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path: Path) -> None:
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(page("هدنة في الريف").encode())
    corpus = read_corpus(tmp_path)
    assert len(corpus) == 1
    assert corpus.loc[0, "source_path"] == f"{tmp_path}/caf\\xe9.txt"
    assert problems(corpus)["caf\\xe9.txt"] == "the file name is not valid UTF-8 (shown with \\x escapes)"
    corpus.to_csv(tmp_path.parent / f"{tmp_path.name}.csv")  # every string can be written out


def test_huge_page_is_refused_above_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(page("هدنة في الريف", BODY * 200), encoding="utf-8")
    size = (tmp_path / "big.txt").stat().st_size
    corpus = read_corpus(tmp_path, max_page_bytes=10_000)
    assert corpus.empty
    assert problems(corpus)["big.txt"] == (
        f"page file of {size:,} bytes is over the limit of 10,000 bytes "
        "(read_corpus(..., max_page_bytes=...) raises it)"
    )
    assert len(read_corpus(tmp_path, max_page_bytes=None)) == 1
    assert len(read_corpus(tmp_path)) == 1  # the default limit is 20 MB


# -------------------------------------------------------------------------------------------- tables


def test_table_cells_of_every_kind(tmp_path: Path) -> None:
    lines = [
        {"doc_id": None, "title": None, "text": "نص أول عن الهدنة في الريف", "published": "9999-12-31"},
        {"doc_id": None, "title": "عنوان", "text": "نص ثان عن المحادثات", "timezone": "Mars/Olympus"},
        {"doc_id": "c", "text": 5},
        {"doc_id": "d", "text": ["a", "b"]},
        {"doc_id": "e", "text": "نص", "scraped_at": "not a date"},
        {"doc_id": "f", "text": "نص خامس", "published": "0001-01-01", "timezone": ""},
    ]
    raw = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    raw += '\n{"doc_id": "g", "text": "\\ud800 كيري"}\n[1, 2]\n{"broken'
    (tmp_path / "t.jsonl").write_text(raw, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    report = corpus.attrs["load_report"]
    assert report.balanced and (report.records_seen, report.loaded) == (9, 4)
    found = problems(corpus)
    # NaN doc_ids: generated ids, both rows kept (a NaN id once became 'nan' and the next row a duplicate)
    assert len(set(corpus["doc_id"])) == 4 and "nan" not in set(corpus["doc_id"])
    assert found["t.jsonl:row 1"].startswith("published str '9999-12-31' is outside the years 1677-2262")
    assert "| no doc_id (NoneType None): generated " in found["t.jsonl:row 1"]
    assert corpus.loc[0, "title"] == "" and pd.isna(corpus.loc[0, "published"])  # NaN title: empty
    assert found["t.jsonl:row 2"].startswith("unknown time zone str 'Mars/Olympus'")
    assert found["t.jsonl:row 3"] == "the text is not a string: int 5"
    assert found["t.jsonl:row 4"] == "the text is not a string: list ['a', 'b']"
    assert found["t.jsonl:row 5"] == "scraped_at str 'not a date' is not a date framing reads: left empty"
    assert found["t.jsonl:row 7"] == (
        "column 'text' holds a lone surrogate (U+D800 at character 0): not valid Unicode"
    )
    assert found["t.jsonl:row 8"] == "line 8 is not a JSON object: list"
    assert found["t.jsonl:row 9"].startswith("line 9 is not valid JSON")
    assert pd.isna(corpus.set_index("doc_id").loc["f", "published_utc"])
    with pytest.raises(LoadError, match=r"^t\.jsonl:row 1: published") as err:
        read_corpus(tmp_path, strict=True)
    assert (err.value.file, err.value.row) == ("t.jsonl", 1)


def test_unknown_zone_in_the_corpus_is_warned_not_raised(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": ["نص عن الهدنة", "نص عن المحادثات"], "timezone": ["", "Nowhere/Land"]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    corpus = read_corpus(tmp_path)
    assert len(corpus) == 2 and corpus["published_utc"].isna().all()
    assert problems(corpus)["t.csv:row 2"].startswith("unknown time zone str 'Nowhere/Land'")


def test_damaged_parquet_is_skipped_with_its_name(tmp_path: Path) -> None:
    pd.DataFrame({"text": ["نص عن الهدنة"]}).to_parquet(tmp_path / "t.parquet")
    data = (tmp_path / "t.parquet").read_bytes()
    (tmp_path / "t.parquet").write_bytes(data[:40] + b"\xff\xfe" * 20 + data[80:])
    corpus = read_corpus(tmp_path)
    assert corpus.empty and problems(corpus)["t.parquet"].startswith("cannot read the table")


def test_empty_table_is_named(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("text,title\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert problems(corpus)["t.csv"] == "the table has no rows (columns: ['text', 'title'])"
    assert corpus.attrs["load_report"].balanced


# ----------------------------------------------------------------------------------------- outlets.yaml


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"name": 5}, "field 'name': must be a string, found int 5"),
        ({"country": False}, "field 'country': must be a string, found bool False"),
        ({"site_names": "الوادي"}, "field 'site_names': must be a list of strings, found str"),
        ({"chrome": [1, 2]}, "field 'chrome': must be a list of strings, found list"),
        ({"timezone": ""}, "unknown timezone ''"),
        ({"owner": {"a": 1}}, "field 'owner': other fields may hold a string, a number"),
        ({"chrome": ["re:(a|aa)+$"]}, r"takes more than 0\.1 s .*nested quantifiers"),
        ({"chrome": ["re:^(\\w+\\s?)+$"]}, None),  # the regex engine does not backtrack on this one
    ],
)
def test_outlet_profile_fields_are_checked(spec: dict[str, object], message: str | None) -> None:
    if message is None:
        validate_profile("wadi", spec, source="outlets.yaml")
        return
    with pytest.raises(ValueError, match=message) as err:
        validate_profile("wadi", spec, source="outlets.yaml")
    assert str(err.value).startswith("outlets.yaml: outlet 'wadi'")


def test_extra_outlet_fields_of_plain_values_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(
        "wadi:\n  name: Wadi\n  owner: fictional\n  founded: 2001\n  tags: [a, b]\n", encoding="utf-8"
    )
    assert read_profiles(path)["wadi"].name == "Wadi"


def test_a_bad_outlets_yaml_in_the_folder_is_warned_and_the_pages_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(page("هدنة في الريف"), encoding="utf-8")
    (tmp_path / "outlets.yaml").write_text("wadi:\n  name: [1, 2]\n  site_names: 3\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert len(corpus) == 1
    assert problems(corpus)["outlets.yaml"].startswith("outlet profiles not used: ")
    with pytest.raises(LoadError, match="outlet profiles not used"):
        read_corpus(tmp_path, strict=True)
    (tmp_path / "outlets.yaml").write_bytes(b"wadi:\n  name: \xff\n")
    assert "not UTF-8" in problems(read_corpus(tmp_path))["outlets.yaml"]


def test_a_pattern_that_backtracks_stops_with_its_name() -> None:
    """A pattern the probes let through still cannot hang: the search stops after REGEX_TIMEOUT."""
    from framing.load.outlets import LinePatterns

    patterns = LinePatterns.from_entries(["re:^(x|xx)+y$"], where="outlets.yaml: outlet 'wadi' chrome")
    started = time.perf_counter()
    with pytest.raises(PatternTimeout, match=r"outlet 'wadi' chrome: regular expression '\^\(x\|xx\)\+y\$'"):
        patterns.matches("x" * 60)
    assert time.perf_counter() - started < 5


def test_a_page_whose_chrome_pattern_times_out_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "outlets.yaml").write_text(
        "wadi:\n  name: Wadi\n  site_names: [شبكة الوادي]\n  chrome: ['re:^(x|xx)+y$']\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(page("هدنة في الريف", BODY + "\n" + "x" * 60), encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert corpus.empty
    assert problems(corpus)["a.txt"].startswith("cannot parse the page: PatternTimeout")


def test_short_random_binary_is_refused() -> None:
    """64-byte random files without NUL once passed as Windows-1252 (2 control characters were allowed)."""
    import random

    rng = random.Random(254)
    accepted = []
    for _ in range(2000):
        data = rng.randbytes(64).replace(b"\x00", b"")
        try:
            decode_bytes(data)
        except DecodeError:
            continue
        accepted.append(data)
    assert accepted == []
