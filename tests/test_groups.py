"""framing.groups: the column to compare by (BY="auto"), the outlets in each group, the largest groups."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import schema
from framing.groups import largest_groups, outlets_in_groups, resolve_by
from framing.load.outlets import add_outlet_facts, parse_profiles


def _corpus(n_outlets: int, *, region: bool = True) -> pd.DataFrame:
    """n fictional outlets with two articles each and profile facts (a user field `region` optional)."""
    profiles = {
        f"o{i}": {
            "name": f"صحيفة {i} (fictional)",
            "country": ["EG", "SY", "LB", "RU"][i % 4],
            "type": ["newspaper", "news site", "broadcaster"][i % 3],
            "owner_type": ["state", "private"][i % 2],
            **({"fields": {"region": ["Levant", "Gulf", "Nile"][i % 3]}} if region else {}),
        }
        for i in range(n_outlets)
    }
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(2 * n_outlets)],
            "outlet": [f"o{i // 2}" for i in range(2 * n_outlets)],
        }
    )
    corpus["outlet_name"] = corpus["outlet"].map({k: v["name"] for k, v in profiles.items()})
    # the contract's columns, so that the user's own fields come after them as read_corpus gives them
    for column in schema.CORPUS_COLUMNS:
        if column not in corpus.columns:
            corpus[column] = None
    return add_outlet_facts(corpus, parse_profiles(profiles, source="test"))


def test_auto_compares_outlets_while_few_then_the_users_field_then_facts() -> None:
    assert resolve_by(_corpus(5)) == "outlet"
    assert resolve_by(_corpus(40)) == "region"  # the researcher's own grouping first
    assert resolve_by(_corpus(40, region=False)) == "owner_type"
    assert resolve_by(_corpus(40), "country") == "country"


def test_auto_skips_columns_that_do_not_group() -> None:
    corpus = _corpus(40, region=False)
    corpus["owner_type"] = None  # unknown everywhere
    corpus.loc[corpus.index[:4], "outlet_type"] = None
    assert resolve_by(corpus) == "outlet_type"
    corpus["outlet_type"] = corpus["outlet"]  # 40 groups: too many
    assert resolve_by(corpus) == "country"
    corpus["country"] = None
    assert resolve_by(corpus) == "outlet"


def test_bad_by_names_the_choices() -> None:
    with pytest.raises(
        ValueError, match=r"BY 'alignment' is not a column of the corpus; choose 'auto' or one of"
    ):
        resolve_by(_corpus(3), "alignment")


def test_outlets_in_groups_lists_each_groups_outlets() -> None:
    corpus = _corpus(6)
    table = outlets_in_groups(corpus, "owner_type")
    assert table["owner_type"].tolist() == ["state", "private"]
    assert table["outlets"].tolist() == [3, 3] and table["articles"].tolist() == [6, 6]
    assert (
        table.loc[0, "members"] == "صحيفة 0 (fictional) (2), صحيفة 2 (fictional) (2), صحيفة 4 (fictional) (2)"
    )
    assert largest_groups(corpus, "outlet", n=2) == ["o0", "o1"]
    assert largest_groups(corpus, "owner_type", min_articles=7) == []
