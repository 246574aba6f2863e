"""Provenance: what every result records in ``DataFrame.attrs["provenance"]``, and package versions."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version


def package_version(name: str) -> str | None:
    """The installed version of the distribution ``name``, or None when it is not installed.

    The one place versions are looked up (provenance, embedding cache keys, the report).

    >>> package_version("pandas") is not None, package_version("no-such-package-here")
    (True, None)
    """
    try:
        return version(name)
    except PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def framing_version() -> str:
    """The installed version of framing (``"unknown"`` when it runs from a source tree not installed).

    >>> framing_version() != ""
    True
    """
    return package_version("framing") or "unknown"
