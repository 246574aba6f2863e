"""read_corpus: the data contract, the load report, bad input, tables, HTML, profiles and the demo corpus."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from framing import read_corpus, schema, validate_corpus
from framing.load import LoadError
from tests.conftest import DATA, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
PAGE = """\
{headline} - صحيفة النهر
صحيفة النهر
{headline}
الجمعة، 15 تموز 2016
{body}
تعليقات الزوار
"""
BODY_A = (
    "أعادت وحدات الهندسة فتح الطريق الدولي بعد تفكيك عشرات العبوات الناسفة التي زرعها المسلحون قرب المدينة."
)
BODY_B = (
    "قال وزير الخارجية الروسي إن بلاده مستعدة لتنسيق الضربات الجوية مع واشنطن ضد الجماعات المتشددة في سوريا."
)


def page(headline: str, body: str) -> str:
    return PAGE.format(headline=headline, body=body)


# -------------------------------------------------------------------------------------------- the seed page
class TestSeed:
    corpus = read_corpus(SEED)

    def test_one_article_with_the_contract_columns(self) -> None:
        assert len(self.corpus) == 1
        assert list(self.corpus.columns) == list(schema.CORPUS_COLUMNS)
        validate_corpus(self.corpus)

    def test_outlet_dates_and_zone(self) -> None:
        row = self.corpus.iloc[0]
        assert (row.outlet, row.outlet_name, row.timezone) == ("shorouk", "Shorouk News", "Africa/Cairo")
        assert row.published == pd.Timestamp("2016-07-14 21:16")
        assert row.updated == pd.Timestamp("2016-07-14 21:16")
        assert row.published_utc == pd.Timestamp("2016-07-14 19:16", tz="UTC")  # Cairo was UTC+2 in July 2016
        assert row.scraped_at == pd.Timestamp("2024-09-27 07:26")

    def test_doc_id_is_a_hash_of_the_page_text(self) -> None:
        expected = hashlib.sha1(SEED.read_bytes().replace(b"\r\n", b"\n")).hexdigest()[:16]
        assert self.corpus.loc[0, "doc_id"] == expected

    def test_same_page_in_other_encodings_and_line_endings_gets_the_same_id(self, tmp_path: Path) -> None:
        (tmp_path / "crlf.txt").write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("utf-8"))
        (tmp_path / "u16.txt").write_bytes(SEED_TEXT.encode("utf-16"))
        ids = {read_corpus(tmp_path / name).loc[0, "doc_id"] for name in ("crlf.txt", "u16.txt")}
        assert ids == {self.corpus.loc[0, "doc_id"]}

    def test_report(self) -> None:
        report = self.corpus.attrs["load_report"]
        assert (report.files_seen, report.loaded, report.skipped, report.warnings) == (1, 1, [], [])
        assert report.balanced
        assert self.corpus.attrs["provenance"]["framing_version"]


# --------------------------------------------------------------------------------------------- bad input
@pytest.fixture
def messy(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "site").mkdir(parents=True)
    (folder / "site" / "a_utf8.txt").write_text(page("الجيش يفتح الطريق", BODY_A), encoding="utf-8")
    (folder / "site" / "b_utf16.txt").write_bytes(page("لافروف يعرض التنسيق", BODY_B).encode("utf-16"))
    cp = page(
        "عنوان ثالث",
        "وصل وفد حكومي إلى المدينة لتفقد الأضرار التي خلفتها المعارك الأخيرة في الأحياء الشرقية.",
    )
    (folder / "site" / "c_cp1256.txt").write_bytes(cp.encode("cp1256"))
    (folder / "site" / "d_bom.txt").write_bytes(
        b"\xef\xbb\xbf" + page("عنوان رابع", BODY_A + " وتابع.").encode()
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n \t\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good = page("عنوان خامس", BODY_B)
    (folder / "broken.txt").write_bytes(good[:40].encode() + b"\xff" + good[40:].encode())
    (folder / "copy_of_a.txt").write_text(page("الجيش يفتح الطريق", BODY_A), encoding="utf-8")
    (folder / "same_body.txt").write_text(page("عنوان مختلف للخبر نفسه", BODY_A), encoding="utf-8")
    (folder / "no_date.txt").write_text("عنوان - صحيفة النهر\nعنوان\n" + BODY_B + "\n", encoding="utf-8")
    (folder / "notes.md").write_text("# notes", encoding="utf-8")
    (folder / ".hidden.txt").write_text(page("مخفي", BODY_A), encoding="utf-8")
    return folder


def test_messy_folder_report(messy: Path) -> None:
    corpus = read_corpus(messy)
    report = corpus.attrs["load_report"]
    assert report.files_seen == 11
    assert report.loaded == len(corpus) == 6
    assert report.balanced and report.records_seen == report.loaded + len(report.skipped)
    skipped = {p.where: p.message for p in report.skipped}
    assert skipped["empty.txt"] == "empty file"
    assert skipped["blank.txt"] == "empty file"
    assert skipped["image.txt"].startswith("cannot decode: binary file")
    offset = len(page("عنوان خامس", BODY_B)[:40].encode())
    assert skipped["broken.txt"].startswith(
        f"cannot decode: damaged UTF-8: invalid byte 0xff at offset {offset}"
    )
    assert (
        skipped["site/a_utf8.txt"] == "duplicate of copy_of_a.txt (same page text)"
    )  # files are read sorted
    assert len(skipped) == 5
    warnings = [(p.where, p.message) for p in report.warnings]
    assert ("no_date.txt", "no publication date found") in warnings
    duplicates = {w[0]: w[1] for w in warnings if w[1].startswith("duplicate body")}
    assert sorted(duplicates) == ["same_body.txt", "site/b_utf16.txt"]
    assert "copy_of_a.txt" in duplicates["same_body.txt"]
    assert "no_date.txt" in duplicates["site/b_utf16.txt"]
    assert report.ignored == ["notes.md"]
    assert dict(report.encodings) == {"utf-8": 4, "utf-16": 1, "cp1256": 1, "utf-8-sig": 1}
    assert corpus["duplicate_of"].notna().sum() == 2
    texts = dict(zip(corpus["title"], corpus["text"], strict=True))
    assert texts["لافروف يعرض التنسيق"] == BODY_B
    assert texts["عنوان ثالث"].startswith("وصل وفد حكومي")
    assert "مخفي" not in texts
    assert "empty.txt: empty file" in str(report)


def test_strict_raises_on_the_first_problem_with_the_path(messy: Path) -> None:
    with pytest.raises(LoadError, match=r"^blank\.txt: empty file$"):
        read_corpus(messy, strict=True)


def test_strict_passes_on_clean_pages() -> None:
    assert len(read_corpus(SEED, strict=True)) == 1


def test_empty_folder(tmp_path: Path) -> None:
    corpus = read_corpus(tmp_path)
    assert corpus.empty and list(corpus.columns) == list(schema.CORPUS_COLUMNS)
    assert "no files of a supported kind" in corpus.attrs["load_report"].warnings[0].message
    with pytest.raises(LoadError, match="no files of a supported kind"):
        read_corpus(tmp_path, strict=True)


def test_missing_path_names_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        read_corpus(tmp_path / "nowhere")


def test_inputs_are_not_modified(messy: Path) -> None:
    before = {p: p.read_bytes() for p in messy.rglob("*") if p.is_file()}
    read_corpus(messy)
    assert before == {p: p.read_bytes() for p in messy.rglob("*") if p.is_file()}


# ------------------------------------------------------------------------------------------ outlets
def test_outlet_argument_overrides(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(page("عنوان", BODY_A), encoding="utf-8")
    assert read_corpus(tmp_path, outlet="river").loc[0, "outlet"] == "river"
    assert read_corpus(tmp_path).loc[0, "outlet"] == "صحيفة النهر"  # the site name when no profile knows it


def test_folder_name_when_the_title_names_no_site(tmp_path: Path) -> None:
    (tmp_path / "river").mkdir()
    (tmp_path / "river" / "a.txt").write_text("عنوان بلا موقع\n" + BODY_A + "\n", encoding="utf-8")
    assert read_corpus(tmp_path).loc[0, "outlet"] == "river"


def test_profile_file_beside_the_pages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        page("عنوان", BODY_A).replace("تعليقات الزوار", "سطر خاص بالموقع"), encoding="utf-8"
    )
    (tmp_path / "outlets.yaml").write_text(
        "river:\n  name: River Daily\n  timezone: Asia/Damascus\n  site_names: [صحيفة النهر]\n"
        "  chrome: [سطر خاص بالموقع]\n",
        encoding="utf-8",
    )
    corpus = read_corpus(tmp_path)
    row = corpus.iloc[0]
    assert (row.outlet, row.outlet_name, row.timezone) == ("river", "River Daily", "Asia/Damascus")
    assert row.published_utc == pd.Timestamp("2016-07-14 21:00", tz="UTC")  # Damascus was UTC+3
    assert "سطر خاص بالموقع" not in row.text
    assert corpus.attrs["load_report"].profile_files == [str(tmp_path / "outlets.yaml")]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("river:\n  name: [unclosed\n", "not valid YAML"),
        ("river:\n  nmae: River\n", r"unknown field\(s\) \['nmae'\]; valid fields are"),
        ("river:\n  timezone: Mars/Olympus\n", "unknown timezone 'Mars/Olympus'"),
        (
            "river:\n  header_date: maybe\n",
            r"header_date is 'maybe'; valid choices are \['scraped', 'published'\]",
        ),
        ("river:\n  chrome: ['re:(']\n", "bad regular expression"),
    ],
)
def test_bad_profile_file_is_named(tmp_path: Path, yaml_text: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(page("عنوان", BODY_A), encoding="utf-8")
    bad = tmp_path / "profiles.yaml"
    bad.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        read_corpus(tmp_path, profiles=bad)
    assert str(bad) in str(info.value)


# --------------------------------------------------------------------------------------- tables and HTML
def test_tables_with_a_column_mapping(tmp_path: Path) -> None:
    rows = pd.DataFrame(
        {
            "body": [BODY_A, BODY_B, ""],
            "headline": ["أ", "ب", "ج"],
            "source": ["river", "hill", "river"],
            "date": ["الجمعة 15 تموز 2016", "2016-07-14T21:16:00", ""],
            "extra": [1, 2, 3],
        }
    )
    mapping = {"body": "text", "headline": "title", "source": "outlet", "date": "published"}
    rows.to_csv(tmp_path / "a.csv", index=False)
    rows.to_csv(tmp_path / "b.tsv", index=False, sep="\t")
    rows.assign(source=["x", "y", "z"]).to_json(
        tmp_path / "c.jsonl", orient="records", lines=True, force_ascii=False
    )
    rows.assign(source=["p", "q", "r"]).to_parquet(tmp_path / "d.parquet")
    corpus = read_corpus(tmp_path, columns=mapping)
    report = corpus.attrs["load_report"]
    assert (report.files_seen, report.records_seen, report.loaded, len(report.skipped)) == (4, 12, 6, 6)
    empty = [p.where for p in report.skipped if p.message == "empty text"]
    assert empty == ["a.csv:row 3", "b.tsv:row 3", "c.jsonl:row 3", "d.parquet:row 3"]
    # a.csv and b.tsv hold the same rows with the same outlets: b's rows are duplicates of a's
    duplicates = [p for p in report.skipped if p.message.startswith("duplicate of a.csv")]
    assert [p.where for p in duplicates] == ["b.tsv", "b.tsv"]
    assert set(corpus["outlet"]) == {"river", "hill", "x", "y", "p", "q"}
    assert corpus["published"].tolist()[:2] == [pd.Timestamp("2016-07-15"), pd.Timestamp("2016-07-14 21:16")]
    assert "extra" in corpus.columns
    validate_corpus(corpus)


def test_table_without_a_text_column_is_skipped_with_the_columns_named(tmp_path: Path) -> None:
    pd.DataFrame({"body": [BODY_A]}).to_csv(tmp_path / "a.csv", index=False)
    corpus = read_corpus(tmp_path)
    [problem] = corpus.attrs["load_report"].skipped
    assert "no 'text' column; it has ['body']" in problem.message
    assert corpus.attrs["load_report"].balanced


def test_table_doc_id_column_is_kept(tmp_path: Path) -> None:
    pd.DataFrame({"doc_id": ["x1", "x2"], "text": [BODY_A, BODY_B]}).to_csv(tmp_path / "a.csv", index=False)
    assert read_corpus(tmp_path)["doc_id"].tolist() == ["x1", "x2"]


def test_saved_html_page(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{s}</p>" for s in (BODY_A, BODY_B))
    html = (
        "<html><head><meta charset='utf-8'><title>الجيش يفتح الطريق</title>"
        "<meta property='og:site_name' content='صحيفة النهر'></head><body><nav>الرئيسية</nav>"
        f"<article><h1>الجيش يفتح الطريق</h1><p>الجمعة، 15 تموز 2016</p>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    row = read_corpus(tmp_path).iloc[0]
    assert row.title == "الجيش يفتح الطريق"
    assert row.outlet == "صحيفة النهر"
    assert row.published == pd.Timestamp("2016-07-15")  # not htmldate's 2016-01-01
    assert row.text == f"{BODY_A}\n\n{BODY_B}"


# --------------------------------------------------------------------------------------------- progress
def test_progress_bar_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(page(f"عنوان {i}", BODY_A + f" {i}."), encoding="utf-8")
    read_corpus(tmp_path, progress=True)
    assert "reading" in capsys.readouterr().err
    read_corpus(tmp_path)  # few files: no bar by default
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------------------------------- the demo corpus
class TestDemoCorpus:
    corpus = read_corpus(DATA / "demo")

    def test_loads_cleanly(self) -> None:
        report = self.corpus.attrs["load_report"]
        assert report.skipped == [] and report.warnings == []
        validate_corpus(self.corpus)

    def test_six_fictional_outlets_of_ten_to_twelve_articles(self) -> None:
        arabic = self.corpus[self.corpus["language"] == "ar"]
        counts = arabic["outlet"].value_counts()
        assert set(counts.index) == {
            "sever_arabic",
            "yasmin_daily",
            "al_marfa",
            "dafatain",
            "sanabel",
            "sindiyan",
        }
        assert counts.between(10, 12).all()
        assert self.corpus["outlet_name"].str.endswith("(fictional)").all()

    def test_four_fictional_editions_in_english_and_russian(self) -> None:  # issue 15
        other = self.corpus[self.corpus["language"] != "ar"]
        editions = other.groupby("outlet")["language"].agg(lambda x: "".join(sorted(set(x))))
        assert editions.to_dict() == {
            "sever_english": "en",
            "sever_russian": "ru",
            "al_marfa_english": "en",
            "meridian_post": "en",
        }
        assert other["outlet"].value_counts().between(3, 4).all()
        words = other["text"].str.split().str.len()
        assert words.between(70, 150).all(), words[~words.between(70, 150)]

    def test_dates_span_11_to_18_july_2016(self) -> None:
        published = self.corpus["published"]
        assert published.notna().all()
        assert published.min() >= pd.Timestamp("2016-07-11")
        assert published.max() < pd.Timestamp("2016-07-19")
        assert self.corpus["published_utc"].notna().all()

    def test_bodies_are_150_to_400_words(self) -> None:
        words = self.corpus.loc[self.corpus["language"] == "ar", "text"].str.split().str.len()
        assert words.between(150, 400).all(), words[~words.between(150, 400)]

    def test_each_outlet_has_its_own_date_format(self) -> None:
        date_lines = {}
        for outlet, group in self.corpus.groupby("outlet"):
            boiler = group.iloc[0]["boilerplate"].split("\n")
            date_lines[outlet] = next(line for line in boiler if "2016" in line or "٢٠١٦" in line)
        assert len(set(date_lines.values())) == self.corpus["outlet"].nunique() == 10


def test_load_report_json_ready() -> None:
    report = read_corpus(SEED).attrs["load_report"]
    assert json.loads(json.dumps(report.to_dict()))["loaded"] == 1


@pytest.mark.parametrize(
    ("pages", "cores", "load", "expected"),
    [
        (2999, 8, 0.0, 1),  # a small folder: one process
        (3000, 2, 1.0, 2),  # this process busy, the other core idle: both
        (3000, 2, 4.0, 1),  # a busy machine: extra processes would only add their cost
        (10_000, 8, 3.2, 6),  # five idle cores and this one
        (10_000, 4, 0.0, 4),  # never more processes than cores
    ],
)
def test_default_workers_are_the_idle_cores(
    monkeypatch: pytest.MonkeyPatch, pages: int, cores: int, load: float, expected: int
) -> None:
    from framing.load import corpus

    monkeypatch.setattr(corpus.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(corpus.os, "getloadavg", lambda: (load, load, load))
    assert corpus.default_workers(pages) == expected
