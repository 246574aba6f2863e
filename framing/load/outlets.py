"""Outlet profiles: package data (``resources/outlets.yaml``) plus the user's own YAML files.

>>> profiles = load_profiles()
>>> profiles.by_site_name("بوابة الشروق").id
'shorouk'
>>> profiles["shorouk"].timezone
'Africa/Cairo'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from framing.text.normalize import normalize

PROFILE_FILE_NAME = "outlets.yaml"
_FIELDS = {
    "name",
    "name_ar",
    "country",
    "language",
    "timezone",
    "site_names",
    "chrome",
    "end_markers",
    "header_date",
}
_HEADER_DATES = ("scraped", "published")
_KEY_DROP = re.compile(r"[«»\"'.]")


def match_key(text: str) -> str:
    """The form in which lines and names are compared: normalized, dots and quotes dropped, lower case.

    >>> match_key("«بوابة  الشروق»") == match_key("بوابة الشروق")
    True
    """
    return normalize(_KEY_DROP.sub("", text)).lower()


@dataclass(frozen=True)
class LinePatterns:
    """Exact lines (compared by :func:`match_key`) and regexes (searched in the normalized line)."""

    exact: frozenset[str] = frozenset()
    regexes: tuple[re.Pattern[str], ...] = ()
    combined: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.regexes and self.combined is None:
            joined = "|".join(f"(?:{r.pattern})" for r in self.regexes)
            object.__setattr__(self, "combined", re.compile(joined, re.IGNORECASE))

    @classmethod
    def from_entries(cls, entries: Iterable[str], *, where: str) -> LinePatterns:
        exact: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        for entry in entries:
            if not isinstance(entry, str):
                raise ValueError(f"{where}: entries must be strings, found {entry!r}")
            if entry.startswith("re:"):
                try:
                    regexes.append(re.compile(entry[3:], re.IGNORECASE))
                except re.error as exc:
                    raise ValueError(f"{where}: bad regular expression {entry[3:]!r}: {exc}") from exc
            else:
                exact.add(match_key(entry))
        return cls(frozenset(exact), tuple(regexes))

    def __or__(self, other: LinePatterns) -> LinePatterns:
        return LinePatterns(self.exact | other.exact, self.regexes + other.regexes)

    def matches(self, key: str) -> bool:
        """Whether a line, given as its :func:`match_key`, is one of these."""
        return key in self.exact or (self.combined is not None and self.combined.search(key) is not None)


@dataclass(frozen=True)
class OutletProfile:
    """How one outlet's pages are recognised and read."""

    id: str
    name: str
    name_ar: str = ""
    country: str = ""
    language: str = "ar"
    timezone: str | None = None
    site_names: tuple[str, ...] = ()
    chrome: LinePatterns = field(default_factory=LinePatterns)
    end_markers: LinePatterns = field(default_factory=LinePatterns)
    header_date: Literal["scraped", "published"] | None = None
    source: str = ""

    @classmethod
    def from_mapping(cls, outlet_id: str, spec: Mapping[str, Any], *, source: str) -> OutletProfile:
        where = f"{source}: outlet {outlet_id!r}"
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where}: expected a mapping of fields, found {type(spec).__name__}")
        unknown = sorted(set(spec) - _FIELDS)
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {unknown}; valid fields are {sorted(_FIELDS)}")
        timezone = spec.get("timezone")
        if timezone is not None:
            try:
                ZoneInfo(str(timezone))
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(
                    f"{where}: unknown timezone {timezone!r} (use an IANA name such as 'Africa/Cairo')"
                ) from exc
        header_date = spec.get("header_date")
        if header_date is not None and header_date not in _HEADER_DATES:
            raise ValueError(
                f"{where}: header_date is {header_date!r}; valid choices are {list(_HEADER_DATES)}"
            )
        site_names = spec.get("site_names") or []
        if isinstance(site_names, str) or not all(isinstance(s, str) for s in site_names):
            raise ValueError(f"{where}: site_names must be a list of strings")
        return cls(
            id=str(outlet_id),
            name=str(spec.get("name") or outlet_id),
            name_ar=str(spec.get("name_ar") or ""),
            country=str(spec.get("country") or ""),
            language=str(spec.get("language") or "ar"),
            timezone=str(timezone) if timezone is not None else None,
            site_names=tuple(site_names),
            chrome=LinePatterns.from_entries(spec.get("chrome") or [], where=f"{where} chrome"),
            end_markers=LinePatterns.from_entries(
                spec.get("end_markers") or [], where=f"{where} end_markers"
            ),
            header_date=header_date,
            source=source,
        )


@dataclass(frozen=True)
class Profiles:
    """A set of outlet profiles, looked up by id or by the site name a page title gives."""

    profiles: tuple[OutletProfile, ...] = ()

    def __iter__(self) -> Iterator[OutletProfile]:
        return iter(self.profiles)

    def __len__(self) -> int:
        return len(self.profiles)

    def __getitem__(self, outlet_id: str) -> OutletProfile:
        for profile in self.profiles:
            if profile.id == outlet_id:
                return profile
        raise KeyError(f"no outlet profile {outlet_id!r}; known: {sorted(p.id for p in self.profiles)}")

    def get(self, outlet_id: str) -> OutletProfile | None:
        return next((p for p in self.profiles if p.id == outlet_id), None)

    def by_site_name(self, site_name: str) -> OutletProfile | None:
        return self._site_index().get(match_key(site_name))

    @lru_cache(maxsize=1)  # noqa: B019 - the dataclass is frozen and lives as long as its cache
    def _site_index(self) -> dict[str, OutletProfile]:
        index: dict[str, OutletProfile] = {}
        for profile in self.profiles:
            for name in (*profile.site_names, profile.name, profile.name_ar):
                if name:
                    index[match_key(name)] = profile
        return index

    def site_names(self) -> list[str]:
        """Every site name, longest first (so that the longest is tried first in a title)."""
        return sorted(self._site_index(), key=len, reverse=True)

    def merged(self, other: Profiles) -> Profiles:
        """These profiles with ``other``'s added; an id in both takes ``other``'s entry."""
        ids = {p.id for p in other.profiles}
        return Profiles(tuple(p for p in self.profiles if p.id not in ids) + other.profiles)


def parse_profiles(data: Any, *, source: str) -> Profiles:
    """Profiles from the parsed YAML mapping ``{id: {field: value}}``; ``source`` names it in errors."""
    if data is None:
        return Profiles()
    if not isinstance(data, Mapping):
        raise ValueError(
            f"{source}: expected a mapping of outlet ids to profiles, found {type(data).__name__}"
        )
    return Profiles(tuple(OutletProfile.from_mapping(str(k), v, source=source) for k, v in data.items()))


def read_profiles(path: str | Path) -> Profiles:
    """Read a user's outlet profile YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    return parse_profiles(data, source=str(path))


@lru_cache(maxsize=1)
def load_profiles() -> Profiles:
    """The outlet profiles shipped with framing."""
    text = (
        resources.files("framing.load").joinpath("resources", PROFILE_FILE_NAME).read_text(encoding="utf-8")
    )
    return parse_profiles(yaml.safe_load(text), source=f"framing/load/resources/{PROFILE_FILE_NAME}")
