"""Accuracy of the page loader on the regression suite of real layouts, per field and per layout family.

    PYTHONPATH=. .venv/bin/python benchmarks/layout_accuracy.py [--failures]

The suite (``tests/load/layouts``) holds constructed pages in the form of real outlets' pages and text
exports — Arabic (Egypt, Gulf, Levant, Iraq, Maghreb, pan-Arab, aggregators, forums, print/AMP views
and exports), English and Russian — each with its expected title, publication date, dateline, wire,
agencies cited, outlet, language, first and last body paragraph and page furniture. The fixtures were
written together with the parser: this is a regression floor, not a measure on unseen pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from tests.load.layouts.catalog import LAYOUTS  # noqa: E402
from tests.load.layouts.evaluate import accuracy_table, evaluate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every wrong field")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        written, results = evaluate(Path(tmp))
    table = accuracy_table(written, results)
    languages = pd.Series([layout.language for layout in LAYOUTS]).value_counts().to_dict()
    print(f"{len(written)} pages from {len(LAYOUTS)} outlet layouts {languages}")
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(
            (table.drop(columns=["pages", "body_lines_lost"]) * 100)
            .round(1)
            .assign(pages=table["pages"], body_lines_lost=table["body_lines_lost"])
            .to_string()
        )
    if args.failures:
        for case in written:
            for name, (ok, expected, got) in results[case.id].items():
                if not ok:
                    print(f"{case.id}: {name}: expected {expected!r}, got {got!r}")


if __name__ == "__main__":
    main()
