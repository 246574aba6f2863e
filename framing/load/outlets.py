"""Outlet profiles: package data (``resources/outlets.yaml``) plus the user's own YAML files.

Every profile is checked by :func:`validate_profile` (the known fields strictly by type; other fields
may hold strings, numbers, true/false or lists of strings) with the file, outlet and field in the
message. ``re:`` patterns run on the ``regex`` engine with a time limit (:data:`REGEX_TIMEOUT`): a
pattern that backtracks without end is refused when it is read (it is tried on a few long lines) or,
failing that, stops with :class:`PatternTimeout` naming it instead of hanging.

>>> profiles = load_profiles()
>>> profiles.by_site_name("بوابة الشروق").id
'shorouk'
>>> profiles["shorouk"].timezone
'Africa/Cairo'

Besides how pages are read, a profile carries FACTS about the outlet, merged into the corpus as columns
at load (:func:`add_outlet_facts`) so that any comparison can group by them (``by="country"``,
``by="outlet_type"``, ``by="owner_type"``): ``country`` (ISO 3166 code), ``type`` (one of
:data:`OUTLET_TYPES`), ``owner``, ``owner_type`` (one of :data:`OWNER_TYPES`), ``funder``, ``languages``
(the outlet's editions, ISO 639-1 codes), ``source`` (where the facts come from: every shipped profile
names one) and ``fields``, the user's own columns (e.g. an ``alignment`` the researcher assigns).

>>> facts = outlet_facts(profiles)
>>> facts.loc[facts["outlet"] == "shorouk", ["country", "outlet_type", "owner_type"]].values.tolist()
[['EG', 'newspaper', 'private']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pandas as pd
import regex  # type: ignore[import-untyped,unused-ignore]  # timeout-capable engine
import yaml
from rapidfuzz.distance import OSA

from framing import schema as S
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
    # facts about the outlet (merged into the corpus as columns)
    "type",
    "owner",
    "owner_type",
    "funder",
    "languages",
    "source",
    "fields",
}
_TEXT_FIELDS = ("name", "name_ar", "country", "language", "timezone")
_LIST_FIELDS = ("site_names", "chrome", "end_markers")
OUTLET_TYPES = ("wire agency", "broadcaster", "newspaper", "news site", "aggregator", "forum")
OWNER_TYPES = ("state", "public", "private", "party", "nonprofit")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER_DATES = ("scraped", "published")
_KEY_DROP = re.compile(r"[«»\"'.]")
REGEX_TIMEOUT = 0.1  # seconds one "re:" search of one line may take
# Lines a pattern is tried on when it is read: long runs that make nested quantifiers backtrack.
_PROBES = tuple(
    run * 40 + end
    for run in ("a", "\u0627", " ", "a ", "\u0627 ", "1", ".")  # \u0627: alef
    for end in ("!", "\u061f", "")  # \u061f: Arabic question mark
)


class PatternTimeout(ValueError):
    """A ``re:`` pattern took longer than :data:`REGEX_TIMEOUT` on one line."""


def _compile(pattern: str, *, where: str) -> Any:
    """A ``regex`` pattern (case-insensitive), refused with a message naming ``where`` when it is not a
    valid regular expression or backtracks for more than :data:`REGEX_TIMEOUT` on a probe line."""
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    except (regex.error, TypeError, ValueError, RecursionError, OverflowError) as exc:
        raise ValueError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc
    for probe in _PROBES:
        try:
            compiled.search(probe, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            raise ValueError(
                f"{where}: regular expression {pattern!r} takes more than {REGEX_TIMEOUT} s on a line of "
                f"{len(probe)} characters ({probe[:12]!r}…): nested quantifiers such as (a+)+ backtrack "
                "without end; write it without a repeated group of repeats"
            ) from None
    return compiled


def match_key(text: str) -> str:
    """The form in which lines and names are compared: normalized, dots and quotes dropped, lower case.

    >>> match_key("«بوابة  الشروق»") == match_key("بوابة الشروق")
    True
    """
    return normalize(_KEY_DROP.sub("", text)).lower()


@lru_cache(maxsize=64)  # pages join the shared and the outlet's patterns anew: compile each set once
def _combined(patterns: tuple[str, ...]) -> Any:
    joined = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(joined, regex.IGNORECASE | regex.VERSION0)


@dataclass(frozen=True)
class LinePatterns:
    """Exact lines (compared by :func:`match_key`) and regexes (searched in the normalized line)."""

    exact: frozenset[str] = frozenset()
    regexes: tuple[Any, ...] = ()  # compiled ``regex`` patterns
    combined: Any = field(default=None, compare=False, repr=False)
    sources: tuple[str, ...] = field(default=(), compare=False, repr=False)  # where each regex is from

    def __post_init__(self) -> None:
        if self.regexes and self.combined is None:
            object.__setattr__(self, "combined", _combined(tuple(r.pattern for r in self.regexes)))

    @classmethod
    def from_entries(cls, entries: Iterable[str], *, where: str) -> LinePatterns:
        exact: set[str] = set()
        regexes: list[Any] = []
        for entry in entries:
            if not isinstance(entry, str):
                raise ValueError(f"{where}: entries must be strings, found {type(entry).__name__} {entry!r}")
            if entry.startswith("re:"):
                regexes.append(_compile(entry[3:], where=where))
            else:
                exact.add(match_key(entry))
        return cls(frozenset(exact), tuple(regexes), sources=(where,) * len(regexes))

    def __or__(self, other: LinePatterns) -> LinePatterns:
        return LinePatterns(
            self.exact | other.exact, self.regexes + other.regexes, sources=self.sources + other.sources
        )

    def matches(self, key: str) -> bool:
        """Whether a line, given as its :func:`match_key`, is one of these.

        Raises :class:`PatternTimeout` naming the pattern and where it is from when a search takes
        longer than :data:`REGEX_TIMEOUT` (``read_corpus`` then skips the page with that reason).
        """
        if key in self.exact:
            return True
        if self.combined is None:
            return False
        try:
            return self.combined.search(key, timeout=REGEX_TIMEOUT) is not None
        except TimeoutError:
            raise self._timeout(key) from None

    def _timeout(self, key: str) -> PatternTimeout:
        for compiled, source in zip(self.regexes, self.sources or ("",) * len(self.regexes), strict=True):
            try:
                compiled.search(key, timeout=REGEX_TIMEOUT)
            except TimeoutError:
                return PatternTimeout(
                    f"{source}: regular expression {compiled.pattern!r} took more than {REGEX_TIMEOUT} s "
                    f"on the line {key[:60]!r}: nested quantifiers backtrack without end; rewrite it"
                )
        return PatternTimeout(
            f"the page patterns together took more than {REGEX_TIMEOUT} s on the line {key[:60]!r}"
        )


def _found(value: Any) -> str:
    shown = repr(value)
    return f"{type(value).__name__} {shown[:60] + '…' if len(shown) > 60 else shown}"


def _misspelt(key: str) -> str | None:
    """The known field ``key`` is one typing slip from (a letter added, dropped, changed or two swapped;
    two slips for names of 8 letters or more), or None: ``nmae`` is a slip for ``name``, while ``founded``
    (two edits from ``funder``) is a field of its own.

    >>> _misspelt("nmae"), _misspelt("languges"), _misspelt("founded")
    ('name', 'languages', None)
    """
    slips = 2 if len(key) >= 8 else 1
    close = [(OSA.distance(key, field), field) for field in sorted(_FIELDS)]
    best = min(close)
    return best[1] if best[0] <= slips and len(key) >= 3 else None


def validate_profile(outlet_id: Any, spec: Any, *, source: str) -> None:
    """Check one outlet profile ``{field: value}``; raise ``ValueError`` naming the file, the outlet,
    the field and the valid choices.

    Known fields are checked strictly by type: ``name``, ``name_ar``, ``country``, ``language``,
    ``timezone`` (an IANA name) are strings, ``site_names``, ``chrome``, ``end_markers`` lists of strings
    (``re:`` entries valid regular expressions that do not backtrack without end), ``header_date`` one
    of ``scraped``/``published``. Other fields may hold a string, a number, true/false or a list of
    strings (facts such as an owner, kept for the outlet's record).

    >>> validate_profile("x", {"name": "X", "country": False}, source="outlets.yaml")
    Traceback (most recent call last):
    ...
    ValueError: outlets.yaml: outlet 'x', field 'country': must be a string, found bool False \
(quote values such as NO, yes or 2016 in YAML)
    """
    where = f"{source}: outlet {str(outlet_id)!r}"
    if not isinstance(outlet_id, str | int) or isinstance(outlet_id, bool) or not str(outlet_id).strip():
        raise ValueError(f"{where}: an outlet id must be a non-empty string, found {_found(outlet_id)}")
    if not isinstance(spec, Mapping):
        raise ValueError(f"{where}: expected a mapping of fields, found {type(spec).__name__}")
    typos = [k for k in spec if isinstance(k, str) and k not in _FIELDS and _misspelt(k)]
    if typos:
        meant = _misspelt(typos[0])
        raise ValueError(
            f"{where}: unknown field(s) {typos}; valid fields are {sorted(_FIELDS)} "
            f"(did you mean {meant!r}? other fields are kept only when they are not one typing slip "
            "away from a known field)"
        )
    for key, value in spec.items():
        at = f"{where}, field {key!r}"
        if not isinstance(key, str):
            raise ValueError(f"{where}: field names must be strings, found {_found(key)}")
        if key in _TEXT_FIELDS:
            if value is not None and not isinstance(value, str):
                raise ValueError(
                    f"{at}: must be a string, found {_found(value)} (quote values such as NO, yes or 2016 "
                    "in YAML)"
                )
        elif key in _LIST_FIELDS:
            if value is not None and (
                not isinstance(value, list) or not all(isinstance(v, str) for v in value)
            ):
                raise ValueError(f"{at}: must be a list of strings, found {_found(value)}")
            for entry in value or []:
                if entry.startswith("re:"):
                    _compile(entry[3:], where=at)
        elif key == "header_date":
            if value is not None and value not in _HEADER_DATES:
                raise ValueError(
                    f"{where}: header_date is {value!r}; valid choices are {list(_HEADER_DATES)}"
                )
        elif key == "fields":  # the user's own columns: a mapping, checked by _facts
            pass
        elif not (
            value is None
            or isinstance(value, str | int | float | bool)
            or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            raise ValueError(
                f"{at}: other fields may hold a string, a number, true/false or a list of strings; "
                f"found {_found(value)} (known fields: {sorted(_FIELDS)})"
            )
        if isinstance(value, str) and re.search(r"[\ud800-\udfff]", value):
            raise ValueError(f"{at}: holds a lone surrogate, not valid Unicode")
    timezone = spec.get("timezone")
    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except Exception as exc:  # ZoneInfoNotFoundError, ValueError, IndexError ... by name
            raise ValueError(
                f"{where}, field 'timezone': unknown timezone {timezone!r} (use an IANA name such as "
                "'Africa/Cairo')"
            ) from exc


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
    # facts (see the module docstring); facts_source is the YAML key `source`
    type: str = ""
    owner: str = ""
    owner_type: str = ""
    funder: str = ""
    languages: tuple[str, ...] = ()
    facts_source: str = ""
    fields: tuple[tuple[str, str | int | float | bool], ...] = ()

    @classmethod
    def from_mapping(cls, outlet_id: str, spec: Mapping[str, Any], *, source: str) -> OutletProfile:
        validate_profile(outlet_id, spec, source=source)
        where = f"{source}: outlet {outlet_id!r}"
        timezone = spec.get("timezone")
        header_date = spec.get("header_date")
        site_names = spec.get("site_names") or []
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
            **_facts(spec, where),
        )


def _facts(spec: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The fact fields of one profile, checked: a bad value names the file, the outlet, the key and the
    valid choices."""

    def text(key: str) -> str:
        value = spec.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError(f"{where}: {key} must be text, found {value!r}")
        return value.strip()

    kind, owner_type = text("type"), text("owner_type")
    if kind and kind not in OUTLET_TYPES:
        raise ValueError(f"{where}: type is {kind!r}; valid choices are {list(OUTLET_TYPES)}")
    if owner_type and owner_type not in OWNER_TYPES:
        raise ValueError(f"{where}: owner_type is {owner_type!r}; valid choices are {list(OWNER_TYPES)}")
    languages = spec.get("languages") or []
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not all(
        isinstance(code, str) and _LANGUAGE_CODE.fullmatch(code) for code in languages
    ):
        raise ValueError(
            f"{where}: languages must be a list of ISO 639-1 codes such as [ar, en], found {languages!r}"
        )
    fields = spec.get("fields") or {}
    if not isinstance(fields, Mapping):
        raise ValueError(
            f"{where}: fields must be a mapping of your own field names to values, e.g. "
            f"{{alignment: pro-government}}; found {fields!r}"
        )
    for name, value in fields.items():
        if not isinstance(name, str) or not _FIELD_NAME.fullmatch(name):
            raise ValueError(f"{where}: fields: {name!r} is not a valid field name (letters, digits, _)")
        if name in S.CORPUS_COLUMNS:
            raise ValueError(
                f"{where}: fields: {name!r} is a column of the corpus already; choose another name"
            )
        if not isinstance(value, str | int | float | bool) and value is not None:
            raise ValueError(f"{where}: fields: {name} must be text or a number, found {value!r}")
    return {
        "type": kind,
        "owner": text("owner"),
        "owner_type": owner_type,
        "funder": text("funder"),
        "languages": tuple(languages),
        "facts_source": text("source"),
        "fields": tuple((str(k), v) for k, v in fields.items() if v is not None),
    }


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
        """The first profile with id ``outlet_id``, or None."""
        return self._by_id.get(outlet_id)

    @cached_property  # read twice per page when rows are made: a dict, not a scan of the profiles
    def _by_id(self) -> dict[str, OutletProfile]:
        index: dict[str, OutletProfile] = {}
        for profile in self.profiles:
            index.setdefault(profile.id, profile)
        return index

    def by_site_name(self, site_name: str) -> OutletProfile | None:
        return self.by_site_key(match_key(site_name))

    def by_site_key(self, key: str) -> OutletProfile | None:
        """:meth:`by_site_name` of a site name given as its :func:`match_key` (the parser keys it faster)."""
        return self._site_index.get(key)

    @cached_property  # built once per Profiles (hashing the frozen profiles on every call cost more)
    def _site_index(self) -> dict[str, OutletProfile]:
        index: dict[str, OutletProfile] = {}
        for profile in self.profiles:
            for name in (*profile.site_names, profile.name, profile.name_ar):
                if name:
                    index[match_key(name)] = profile
        return index

    @cached_property  # made once per set of profiles: add_outlet_facts reads it for every load
    def _fact_lookup(self) -> tuple[pd.DataFrame, dict[str, dict[str, Any]] | None]:
        """The facts table of :func:`add_outlet_facts` (indexed by outlet) and, when no outlet id repeats,
        each column as a dict outlet -> value (the outlets whose profile gives one)."""
        facts = outlet_facts(self).drop(columns=[S.OUTLET_NAME, FACTS_SOURCE]).set_index(S.OUTLET)
        if not facts.index.is_unique:
            return facts, None
        lookup = {
            column: {k: v for k, v in zip(facts.index, facts[column].tolist(), strict=True) if not pd.isna(v)}
            for column in facts.columns
        }
        return facts, lookup

    def site_names(self) -> list[str]:
        """Every site name, longest first (so that the longest is tried first in a title)."""
        return sorted(self._site_index, key=len, reverse=True)

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
    for key in data:
        if not isinstance(key, str | int) or isinstance(key, bool) or not str(key).strip():
            raise ValueError(f"{source}: an outlet id must be a non-empty string, found {_found(key)}")
    return Profiles(tuple(OutletProfile.from_mapping(str(k), v, source=source) for k, v in data.items()))


def read_profiles(path: str | Path) -> Profiles:
    """Read a user's outlet profile YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ValueError(f"{path}, line {line}: not UTF-8 (byte {exc.start}); save it as UTF-8") from exc
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    except (OSError, RecursionError) as exc:
        raise ValueError(f"{path}: cannot be read: {type(exc).__name__}: {exc}") from exc
    return parse_profiles(data, source=str(path))


@lru_cache(maxsize=1)
def load_profiles() -> Profiles:
    """The outlet profiles shipped with framing."""
    text = (
        resources.files("framing.load").joinpath("resources", PROFILE_FILE_NAME).read_text(encoding="utf-8")
    )
    return parse_profiles(yaml.safe_load(text), source=f"framing/load/resources/{PROFILE_FILE_NAME}")


# ---------------------------------------------------------------------------------- outlet facts

FACTS_SOURCE = "facts_source"  # a column of outlet_facts(); not merged into the corpus
_FACT_COLUMNS: tuple[tuple[str, str], ...] = (
    (S.COUNTRY, "country"),
    (S.OUTLET_TYPE, "type"),
    (S.OWNER, "owner"),
    (S.OWNER_TYPE, "owner_type"),
    (S.FUNDER, "funder"),
)


def outlet_facts(profiles: Profiles) -> pd.DataFrame:
    """One row per outlet profile: ``outlet, outlet_name`` and the fact columns of
    :data:`framing.schema.OUTLET_FACT_COLUMNS` (``None`` where the profile does not say), then
    ``facts_source`` and the user's own fields (one column each, in first-seen order).

    >>> facts = outlet_facts(parse_profiles({"x": {"name": "X", "type": "forum", "languages": ["ar", "en"],
    ...                                              "fields": {"alignment": "pro-government"}}}, source="t"))
    >>> facts[["outlet", "outlet_type", "outlet_languages", "alignment"]].values.tolist()
    [['x', 'forum', 'ar, en', 'pro-government']]
    """
    rows = []
    for p in profiles:
        row: dict[str, Any] = {S.OUTLET: p.id, S.OUTLET_NAME: p.name}
        for column, attribute in _FACT_COLUMNS:
            row[column] = getattr(p, attribute) or None
        row[S.OUTLET_LANGUAGES] = ", ".join(p.languages) or None
        row[FACTS_SOURCE] = p.facts_source or None
        row.update(dict(p.fields))
        rows.append(row)
    columns = [S.OUTLET, S.OUTLET_NAME, *S.OUTLET_FACT_COLUMNS, FACTS_SOURCE]
    table = pd.DataFrame(rows)
    extra = [c for c in table.columns if c not in columns]
    return table.reindex(columns=[*columns, *extra]).astype(object).where(table.notna(), None)


def add_outlet_facts(corpus: pd.DataFrame, profiles: Profiles) -> pd.DataFrame:
    """A copy of ``corpus`` with the outlets' facts as columns, matched on ``outlet``: the columns of
    :data:`framing.schema.OUTLET_FACT_COLUMNS` (always present; missing where no profile says) and the
    user's own ``fields`` (present when some profile has them). A value the corpus already has (a
    ``country`` column of a table, say) is kept; only missing values are filled.

    >>> corpus = pd.DataFrame({"outlet": ["shorouk", "elsewhere"]})
    >>> facts = add_outlet_facts(corpus, load_profiles())
    >>> facts.loc[0, ["outlet", "country", "outlet_type"]].tolist(), bool(pd.isna(facts.loc[1, "country"]))
    (['shorouk', 'EG', 'newspaper'], True)
    """
    out = corpus.copy()
    facts, lookup = profiles._fact_lookup
    keys = out[S.OUTLET].astype(str) if S.OUTLET in out.columns else pd.Series("", index=out.index)
    outlets = keys.tolist()
    for column in facts.columns:
        missing = column not in out.columns or out[column].isna().all()  # a parsed corpus has none yet
        if lookup is not None and missing:  # the row's outlet's fact, or None
            found = list(map(lookup[column].get, outlets))
        else:
            values = keys.map(facts[column]).astype(object)
            if column in out.columns:
                have = out[column].astype(object)
                values = have.where(have.notna() & (have.astype(str).str.strip() != ""), values)
            found = values.where(values.notna(), None).tolist()
        out[column] = pd.Series(found, index=out.index)  # dtype inferred from the values
    return out
