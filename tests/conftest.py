"""Test set-up: no test may reach the network (a socket guard), and model hubs are switched off."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.offline_site.netguard import guarded

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = DATA / "raw" / "000_bef5a855cbb79548.txt"

for _name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ[_name] = "1"
# Processes the tests start (notebook kernels, `python -m framing`) load tests/offline_site/sitecustomize.py,
# which installs the same network guard in them.
os.environ["FRAMING_TEST_NO_NETWORK"] = "1"
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(Path(__file__).resolve().parent / "offline_site"), os.environ.get("PYTHONPATH")) if p
)
# Embedding caches written by the tests (and by the notebooks' kernels, which inherit this) stay out of $HOME.
os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test runs with connections off this machine refused, and host lookups failing."""
    for owner, attribute, function in guarded().values():
        monkeypatch.setattr(owner, attribute, function)
    yield
