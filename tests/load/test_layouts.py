"""The regression suite of real layouts: constructed pages in the form of 60+ outlets' pages and text
exports (``tests/load/layouts``), each with its expected fields, loaded with ``read_corpus``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.load.layouts.catalog import LAYOUTS, cases
from tests.load.layouts.evaluate import FIELDS, accuracy_table, evaluate


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, dict]:
    return evaluate(tmp_path_factory.mktemp("layouts"))


def test_the_suite_covers_the_outlets_it_promises() -> None:
    all_cases = cases()
    assert len(all_cases) >= 150
    by_language = Counter(layout.language for layout in LAYOUTS)
    arabic_families = {layout.family for layout in LAYOUTS if layout.language == "ar"}
    assert by_language["ar"] >= 25 and by_language["en"] >= 6 and by_language["ru"] >= 6
    assert {
        "egypt",
        "gulf",
        "levant",
        "iraq",
        "maghreb",
        "panarab",
        "aggregator",
        "forum",
        "print_export",
    } <= (arabic_families)
    assert len({c.id for c in all_cases}) == len(all_cases)


def test_no_fixture_is_about_the_kerry_putin_talks() -> None:
    for case in cases():
        for name in ("كيري", "Kerry", "Керри", "بوتين", "Putin", "Путин"):
            assert name not in case.text, case.id


def test_every_field_at_least_97_percent_right_and_no_body_line_lost(evaluated: tuple[list, dict]) -> None:
    written, results = evaluated
    table = accuracy_table(written, results)
    for name in FIELDS:
        assert table.loc["all", name] >= 0.97, (name, table[name].to_dict())
    assert table.loc["all", "body_lines_lost"] == 0


@pytest.mark.parametrize("field", [*FIELDS, "body_lost"])
def test_field_per_case(evaluated: tuple[list, dict], field: str) -> None:
    written, results = evaluated
    wrong = {c.id: results[c.id][field][1:] for c in written if not results[c.id][field][0]}
    assert not wrong, wrong


def test_same_corpus_with_two_workers(evaluated: tuple[list, dict], tmp_path: Path) -> None:
    from framing import read_corpus
    from tests.load.layouts.evaluate import write_cases

    write_cases(tmp_path)
    one = read_corpus(tmp_path, progress=False, workers=1)
    two = read_corpus(tmp_path, progress=False, workers=2)  # three ranges of pages: two of them in a worker
    assert one.equals(two)
    assert len(one) == len(evaluated[0])
    reports = [corpus.attrs["load_report"] for corpus in (one, two)]
    assert str(reports[0]) == str(reports[1])
    assert reports[0].to_frame().equals(reports[1].to_frame())
    assert reports[0].languages == reports[1].languages
