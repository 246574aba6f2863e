"""The load report: what :func:`framing.read_corpus` read, loaded, skipped and warned about.

Records seen (page files plus table rows) = articles loaded + records skipped, always.

>>> report = LoadReport(root="data")
>>> report.seen("a.txt"); report.loaded += 1
>>> report.seen("b.txt"); report.skip("b.txt", "empty file")
>>> print(report.summary())
Loaded 1 article from 2 files under data (1 skipped, 0 warnings).
Skipped:
  b.txt: empty file
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd


class LoadError(ValueError):
    """Raised by ``read_corpus(..., strict=True)`` on the first problem, naming the file."""


@dataclass(frozen=True)
class Problem:
    """A skipped record or a warning: where (file, or ``file:row N``) and what."""

    where: str
    message: str


@dataclass
class LoadReport:
    """Counts and problems of one load. ``str(report)`` is the printable summary."""

    root: str
    files_seen: int = 0
    records_seen: int = 0
    loaded: int = 0
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    encodings: Counter[str] = field(default_factory=Counter)
    profile_files: list[str] = field(default_factory=list)
    seconds: float = 0.0
    languages: Counter[str] = field(default_factory=Counter)  # articles per detected language
    outlet_from_page: list[str] = field(default_factory=list)  # articles whose outlet is not their folder

    def seen(self, where: str, *, records: int = 1, is_file: bool = True) -> None:
        """Count a file (and the records it holds)."""
        self.files_seen += int(is_file)
        self.records_seen += records

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(Problem(where, reason))

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(Problem(where, message))

    @property
    def balanced(self) -> bool:
        """Records seen = articles loaded + records skipped."""
        return self.records_seen == self.loaded + len(self.skipped)

    def summary(self, *, limit: int = 20) -> str:
        """A few lines for a terminal or a notebook; at most ``limit`` problems of each kind."""
        files = f"{self.files_seen} file{'s' if self.files_seen != 1 else ''}"
        if self.records_seen != self.files_seen:
            files += f" ({self.records_seen} records)"
        article = "article" if self.loaded == 1 else "articles"
        lines = [
            f"Loaded {self.loaded} {article} from {files} under {self.root} "
            f"({len(self.skipped)} skipped, {len(self.warnings)} warnings)."
        ]
        if self.ignored:
            lines.append(f"Ignored {len(self.ignored)} file(s) of other kinds, e.g. {self.ignored[0]}")
        if self.languages:
            counts = ", ".join(f"{code} {n}" for code, n in self.languages.most_common())
            lines.append(f"Languages of the articles: {counts}.")
        if self.outlet_from_page:
            lines.append(
                f"Outlet taken from the page rather than its folder ({len(self.outlet_from_page)}):"
            )
            lines += [f"  {entry}" for entry in self.outlet_from_page[:limit]]
        for title, problems in (("Skipped", self.skipped), ("Warnings", self.warnings)):
            if problems:
                lines.append(f"{title}:")
                lines += [f"  {p.where}: {p.message}" for p in problems[:limit]]
                if len(problems) > limit:
                    lines.append(f"  … and {len(problems) - limit} more (report.to_frame() lists all)")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def to_frame(self) -> pd.DataFrame:
        """One row per problem: ``kind`` (skipped/warning), ``where``, ``message``."""
        rows = [("skipped", p.where, p.message) for p in self.skipped]
        rows += [("warning", p.where, p.message) for p in self.warnings]
        return pd.DataFrame(rows, columns=["kind", "where", "message"])

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready summary."""
        return {
            "root": self.root,
            "files_seen": self.files_seen,
            "records_seen": self.records_seen,
            "loaded": self.loaded,
            "skipped": [vars(p) for p in self.skipped],
            "warnings": [vars(p) for p in self.warnings],
            "ignored": list(self.ignored),
            "encodings": dict(self.encodings),
            "profile_files": list(self.profile_files),
            "languages": dict(self.languages),
            "outlet_from_page": list(self.outlet_from_page),
            "seconds": round(self.seconds, 3),
        }
