"""Provenance: what every result records in ``DataFrame.attrs["provenance"]``."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version


@lru_cache(maxsize=1)
def framing_version() -> str:
    """The installed version of framing (``"unknown"`` when it runs from a source tree not installed).

    >>> framing_version() != ""
    True
    """
    try:
        return version("framing")
    except PackageNotFoundError:
        return "unknown"
