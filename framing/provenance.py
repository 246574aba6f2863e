"""Provenance: what every result records in ``DataFrame.attrs["provenance"]``, and package versions."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import overload

UNKNOWN = "unknown"  # the version recorded for a package that is not installed, where a text is needed


@overload
def package_version(name: str) -> str | None: ...
@overload
def package_version(name: str, *, missing: str) -> str: ...
def package_version(name: str, *, missing: str | None = None) -> str | None:
    """The installed version of the distribution ``name``, or ``missing`` (None by default) when it is
    not installed.

    The one place versions are looked up: provenance and the report record None for a missing package
    (``null`` in JSON), embedding cache keys and topic settings :data:`UNKNOWN` (a text in a file name).

    >>> package_version("pandas") is not None, package_version("no-such-package-here")
    (True, None)
    >>> package_version("no-such-package-here", missing=UNKNOWN)
    'unknown'
    """
    try:
        return version(name)
    except PackageNotFoundError:
        return missing


@lru_cache(maxsize=1)
def framing_version() -> str:
    """The installed version of framing (``"unknown"`` when it runs from a source tree not installed).

    >>> framing_version() != ""
    True
    """
    return package_version("framing", missing=UNKNOWN)
