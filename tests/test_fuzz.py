"""Fuzz targets (short; ``benchmarks/fuzz_load.py`` runs them for 100,000 inputs each): ``read_corpus`` on
folders of random files and on tables, ``outlets.yaml``, ``load_lexicon``, and the matching invariants.

Nothing may escape but the documented error types; no clean text file may load changed, no binary file as
text, and no file may be lost silently (neither loaded, skipped nor listed). The generators are in
``tests/fuzz_cases.py``.
"""

from __future__ import annotations

import random
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.lexicon import load_lexicon
from framing.lexicon.model import LexiconError
from framing.load.outlets import read_profiles, validate_profile
from tests import fuzz_cases as F

FOLDERS = settings(max_examples=12, deadline=20_000, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=40, deadline=5_000, suppress_health_check=[HealthCheck.too_slow])
seeds = st.integers(min_value=0, max_value=2**32 - 1)


@FOLDERS
@given(seeds)
def test_read_corpus_on_a_folder_of_random_files(seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        written = F.write_folder(Path(folder), random.Random(seed), files=6, html=0.0)
        outcome = F.check_folder(Path(folder), written)
    assert outcome.escape is None
    assert outcome.mangled == []
    assert outcome.lost == []


@FOLDERS
@given(seeds)
def test_read_corpus_on_tables_of_odd_cells(seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        written = F.Folder()
        for i in range(4):
            F.write_table(Path(folder), f"t{i}.txt", rng, written, max_rows=12)
        outcome = F.check_folder(Path(folder), written)
    assert outcome.escape is None and outcome.lost == []


@FAST
@given(seeds)
def test_outlets_yaml_is_read_or_refused_with_a_value_error(seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "outlets.yaml"
        path.write_bytes(F.outlets_yaml(random.Random(seed)).encode("utf-8", "surrogatepass"))
        try:
            read_profiles(path)
        except ValueError as err:
            assert str(path) in str(err)


@FAST
@given(st.dictionaries(st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none()),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
                                 st.lists(st.one_of(st.text(max_size=10), st.integers()), max_size=3)),
                       max_size=6))  # fmt: skip
def test_outlet_profile_of_any_values_is_checked(spec: dict[object, object]) -> None:
    try:
        validate_profile("wadi", spec, source="outlets.yaml")
    except ValueError as err:
        assert str(err).startswith("outlets.yaml: outlet 'wadi'")


@FAST
@given(seeds)
def test_lexicon_yaml_loads_or_raises_lexicon_error(seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(F.lexicon_yaml(random.Random(seed)).encode("utf-8", "surrogatepass"))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                lexicon = load_lexicon(path)
        except LexiconError as err:
            assert str(path) in str(err)
            return
    assert len(lexicon.hash) == 16 and hash(lexicon) == hash(lexicon)
    assert len(lexicon.entries()) == sum(len(frame.entries) for frame in lexicon)


@FAST
@given(seeds)
def test_lexicon_mapping_loads_or_raises_lexicon_error(seed: int) -> None:
    source = F.lexicon_mapping(random.Random(seed))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lexicon = load_lexicon(source)
    except LexiconError:
        return
    assert len(lexicon.hash) == 16 and hash(lexicon) == hash(lexicon)


@settings(max_examples=15, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(seeds)
def test_matching_invariants_on_generated_texts(seed: int) -> None:
    rng = random.Random(seed)
    frames = {f"f{k}": [rng.choice(F.GOOD_ENTRIES) for _ in range(rng.randrange(1, 6))] for k in range(3)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lexicon = load_lexicon(frames)
    assert F.check_matching([F.match_text(rng) for _ in range(5)], lexicon) is None
