"""Outlet facts: outlets.yaml fields (country, type, owner, languages, the user's own fields) become corpus
columns at load, so comparisons can group by them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing import schema
from framing.load import read_corpus
from framing.load.outlets import (
    OUTLET_TYPES,
    add_outlet_facts,
    load_profiles,
    outlet_facts,
    parse_profiles,
    read_profiles,
)

PAGE = """\
اتفاق على هدنة في حلب - صحيفة النخيل
السبت 16 يوليو 2016
دمشق - أعلنت الأطراف المتحاربة هدنة إنسانية لمدة ثماني وأربعين ساعة في الأحياء الشرقية من مدينة حلب.
وقال مسؤول محلي إن القوافل ستدخل المدينة صباح الأحد إذا صمدت الهدنة.
"""

PROFILES = """\
nakheel:
  name: Al-Nakheel (fictional)
  name_ar: صحيفة النخيل
  country: AE
  site_names: [صحيفة النخيل]
  type: newspaper
  owner: Nakheel Media Group (fictional)
  owner_type: private
  languages: [ar, en]
  source: constructed for this test
  fields: {alignment: pro-government, region: Gulf}
"""


def test_shipped_profiles_name_their_source_and_use_valid_types() -> None:
    for profile in load_profiles():
        assert profile.facts_source, f"shipped profile {profile.id} gives facts without a source"
        assert profile.type in OUTLET_TYPES


def test_facts_become_corpus_columns_at_load(tmp_path: Path) -> None:
    (tmp_path / "nakheel").mkdir()
    (tmp_path / "nakheel" / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.txt").write_text(PAGE.replace("النخيل", "الغدير"), encoding="utf-8")
    (tmp_path / "outlets.yaml").write_text(PROFILES, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    row = corpus.set_index("outlet").loc["nakheel"]
    assert (row["country"], row["outlet_type"], row["owner_type"]) == ("AE", "newspaper", "private")
    assert row["owner"] == "Nakheel Media Group (fictional)"
    assert row["outlet_languages"] == "ar, en"
    assert (row["alignment"], row["region"]) == ("pro-government", "Gulf")
    unknown = corpus[corpus["outlet"] != "nakheel"].iloc[0]
    assert pd.isna(unknown["country"]) and pd.isna(unknown["alignment"])
    # the contract columns come first and in order; the user's fields after them
    assert list(corpus.columns[: len(schema.CORPUS_COLUMNS)]) == list(schema.CORPUS_COLUMNS)
    assert list(corpus.columns[len(schema.CORPUS_COLUMNS) :]) == ["alignment", "region"]


def test_values_already_in_the_corpus_are_kept() -> None:
    corpus = pd.DataFrame({"outlet": ["shorouk", "shorouk"], "country": ["XX", None]})
    before = corpus.copy()
    out = add_outlet_facts(corpus, load_profiles())
    assert out["country"].tolist() == ["XX", "EG"]
    pd.testing.assert_frame_equal(corpus, before)  # the input is not modified


def test_outlet_facts_table(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(PROFILES, encoding="utf-8")
    facts = outlet_facts(read_profiles(path))
    assert facts.columns.tolist() == [
        "outlet", "outlet_name", *schema.OUTLET_FACT_COLUMNS, "facts_source", "alignment", "region",
    ]  # fmt: skip
    assert facts.loc[0, "facts_source"] == "constructed for this test"
    assert facts.loc[0, "funder"] is None


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"type": "tabloid"}, "type is 'tabloid'; valid choices are ['wire agency', 'broadcaster'"),
        ({"owner_type": "government"}, "owner_type is 'government'; valid choices are ['state'"),
        ({"languages": ["Arabic"]}, "languages must be a list of ISO 639-1 codes"),
        ({"owner": ["a", "b"]}, "owner must be text"),
        ({"fields": ["alignment"]}, "fields must be a mapping"),
        ({"fields": {"country": "EG"}}, "'country' is a column of the corpus already"),
        ({"fields": {"my field": "x"}}, "'my field' is not a valid field name"),
        ({"fields": {"alignment": {"a": 1}}}, "fields: alignment must be text or a number"),
    ],
)
def test_bad_facts_name_the_file_outlet_and_choices(spec: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=r"^my/outlets\.yaml: outlet 'x'") as info:
        parse_profiles({"x": {"name": "X", **spec}}, source="my/outlets.yaml")
    assert message in str(info.value)
