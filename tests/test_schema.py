"""The data contract's validator."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import schema
from framing.schema import validate_corpus


def corpus(**changes: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "doc_id": ["a", "b"],
        "outlet": ["x", "y"],
        "title": ["t", "u"],
        "published": pd.to_datetime(["2016-07-14", None]),
        "text": ["نص", "نص آخر"],
    }
    base.update(changes)
    return pd.DataFrame(base)


def test_valid_corpus_passes() -> None:
    assert validate_corpus(corpus()) is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"doc_id": ["a", "a"]}, "not unique, e.g. 'a'"),
        ({"doc_id": ["a", ""]}, "empty doc_id"),
        ({"text": ["نص", None]}, "text must be str; doc_id 'b'"),
        ({"published": ["2016-07-14", "x"]}, "'published' must be datetime64"),
    ],
)
def test_broken_contract_is_named(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_corpus(corpus(**changes))


def test_missing_columns_are_listed() -> None:
    with pytest.raises(ValueError, match=r"lacks required column\(s\) \['text'\]"):
        validate_corpus(corpus().drop(columns="text"))


def test_column_names_are_unique_constants() -> None:
    assert len(set(schema.CORPUS_COLUMNS)) == len(schema.CORPUS_COLUMNS)
    assert schema.CORPUS_COLUMNS[:5] == schema.REQUIRED_COLUMNS
