"""Figures: frame rates by outlet, outlet × frame heatmap, label choice, distinctive words, articles per day.

Every chart function takes tidy data (the tables of :mod:`framing.compare`, or a corpus) and an optional
``ax``; it draws on that Axes (or on a new figure with constrained layout), returns the Axes and never calls
``plt.show()``. Inputs are never mutated.

Grouping. A chart of a grouped table (frame rates, label choice, distinctive words, topics per outlet) draws
the groups of its column ``by``: ``"outlet"`` by default, else the ``by=`` the table was made with (a list
such as ``["outlet", "language"]`` names the joined column ``"outlet+language"``). The column is never
guessed from the table: a ``by`` that is not one of its columns is an error that lists them.

Display names. Frames are shown by their id unless ``labels`` maps the id to a label (build one from a
lexicon with :func:`frame_labels`, in English or Arabic). Outlets (the values of the grouping column, ``by``)
are shown by ``labels[value]`` when given, else by the table's ``outlet_name`` column when it has one, else
by the id. ``labels`` may also rename an axis: its key is the column shown (``"rate"``, ``"share"``,
``"count"``, ``"z"``, ``"articles"``). Arabic strings are passed to matplotlib as they are: matplotlib >= 3.11
shapes them and lays them out right to left (no reshaper, no bidi pass).

``note`` draws a footnote under the x axis (below its tick labels), e.g. :func:`data_note` of the corpus:
every chart made from the constructed demo corpus must say so. On an Axes you pass in, save the figure with
``bbox_inches="tight"`` (or use constrained layout) so that outside legends and the note are kept.

>>> import pandas as pd
>>> rates = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "frame": ["terror", "talks"] * 2,
...                       "rate": [2.0, 1.0, 0.5, 3.0], "rate_low": [1.0, 0.5, 0.1, 2.0],
...                       "rate_high": [3.0, 1.5, 0.9, 4.0]})
>>> ax = frame_rates(rates, labels={"terror": "مكافحة الإرهاب", "b": "صحيفة المرفأ"}, note="Constructed")
>>> [t.get_text() for t in ax.get_xticklabels()]
['مكافحة الإرهاب', 'talks']
>>> len(ax.patches)
4
>>> import matplotlib.pyplot as plt; plt.close(ax.figure)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import matplotlib as mpl
import numpy as np
import numpy.typing as npt
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.colorbar import Colorbar
from matplotlib.colors import Colormap
from matplotlib.container import BarContainer
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter
from matplotlib.transforms import Bbox

from framing import schema as S
from framing.copies.lineage import OUTLET_B
from framing.copies.swaps import FROM, SWAPS, TO
from framing.lexicon.model import Lexicon

__all__ = [
    "DEMO_NOTE",
    "articles_per_day",
    "copy_label_swaps",
    "copy_matrix",
    "data_note",
    "distinctive_words",
    "frame_heatmap",
    "frame_labels",
    "frame_rates",
    "label_choice",
    "topic_words",
    "topics_over_time",
    "topics_per_outlet",
]

DEMO_NOTE = "Constructed demo corpus — fictional outlets (see data/README.md)"
FICTIONAL = "(fictional)"  # the suffix of the demo outlets' outlet_name

HeatmapValue = Literal["rate", "share", "count"]
RateKind = Literal["auto", "bars", "forest"]
Orientation = Literal["auto", "columns", "rows"]
MIN_ARTICLES = 5  # a group with fewer articles is "too few" for an estimate (as framing.compare.MIN_ARTICLES)
MIN_HITS = 5  # label choice: a group that names the referent fewer times is "too few" for label shares
BARS_UP_TO = 5  # kind="auto": grouped or stacked bars up to this many groups, a forest plot beyond
TOP_GROUPS = 20  # groups drawn one by one; the rest are gathered as "other (k outlets, n articles)"
LEGEND_ITEMS = 12  # no legend lists more entries
MAX_WIDTH = 16.0  # inches: every figure's size is bounded
MAX_HEIGHT = 14.0
NAME_CHARS = 42  # longer group names are cut with "…"
PANEL_COLUMNS = 4  # small multiples per row
DayKind = Literal["bar", "line"]
DayBin = Literal["auto", "D", "W", "M"]
# freq="auto": days up to this many days of coverage, then weeks up to WEEKS_UP_TO days, then months
DAYS_UP_TO = 92
WEEKS_UP_TO = 3 * 366
_BIN = {"D": ("D", 1, "day"), "W": ("W-MON", 7, "week"), "M": ("MS", 30, "month")}
MAX_TIME_WIDTH = 16.0  # inches: a long archive gets thinner bars, not a wider figure
Language = Literal["en", "ar"]

_AXIS_TEXT = {
    S.RATE: "rate per 1,000 tokens",
    S.SHARE: "share of articles using the frame",
    S.COUNT: "hits",
    S.Z: "z-score of the log-odds ratio (informative Dirichlet prior)",
    S.ARTICLES: "articles",
    "label_share": "share of the referent's label hits",
}
_NOTE_SIZE = 8.0
_ROTATE_OVER = 12  # rotate x tick labels when the longest has more characters than this


# ------------------------------------------------------------------------------------------ helpers


def frame_labels(lexicon: Lexicon, *, language: Language = "en") -> dict[str, str]:
    """Frame id -> the frame's English (``language="en"``) or Arabic (``"ar"``) label, for ``labels=``.

    A frame without a label in that language keeps its id.

    >>> from framing.lexicon import load_lexicon
    >>> frame_labels(load_lexicon({"terror": ["إرهاب*"]}), language="ar")
    {'terror': 'terror'}
    """
    if language not in ("en", "ar"):
        raise ValueError(f"language is {language!r}; valid choices are ['en', 'ar']")
    return {
        frame.id: (frame.label_en if language == "en" else frame.label_ar) or frame.id for frame in lexicon
    }


def data_note(corpus: pd.DataFrame) -> str | None:
    """The note every chart of the constructed demo corpus must carry, or None for any other corpus.

    It is :data:`DEMO_NOTE` when some ``outlet_name`` ends with ``"(fictional)"`` (as the demo outlets'
    profiles name them), else None.

    >>> data_note(pd.DataFrame({"outlet_name": ["Al-Marfa (fictional)", "Shorouk News"]}))
    'Constructed demo corpus — fictional outlets (see data/README.md)'
    >>> data_note(pd.DataFrame({"outlet_name": ["Shorouk News"]})) is None
    True
    """
    if S.OUTLET_NAME not in corpus.columns:
        return None
    names = corpus[S.OUTLET_NAME].dropna().astype(str).str.strip()
    return DEMO_NOTE if bool(names.str.endswith(FICTIONAL).any()) else None


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} lacks column(s) {missing}; it has {list(map(str, table.columns))}")


def _group_names(
    table: pd.DataFrame, by: str, groups: Sequence[Any], labels: Mapping[str, str] | None
) -> list[str]:
    """Display name of each group: labels[value], else outlet_name (when by is the outlet), else the value."""
    names: dict[Any, str] = {}
    if S.OUTLET_NAME in table.columns and by != S.OUTLET_NAME:
        named = table[[by, S.OUTLET_NAME]].dropna().drop_duplicates(subset=by)
        names = {k: str(v) for k, v in zip(named[by], named[S.OUTLET_NAME], strict=True) if str(v).strip()}
    labels = labels or {}
    return [labels.get(str(g), names.get(g, str(g))) for g in groups]


def _text(key: str, labels: Mapping[str, str] | None) -> str:
    return (labels or {}).get(key, _AXIS_TEXT.get(key, key))


def _unique(values: pd.Series) -> list[Any]:
    return list(pd.unique(values.dropna()))


def _not_empty(table: pd.DataFrame, what: str) -> None:
    if table.empty:
        raise ValueError(f"{what} has no rows: nothing to plot")


def _check_choice(value: Any, choices: Sequence[Any], name: str, where: str) -> None:
    if value not in choices:
        raise ValueError(f"{name} {value!r} is not in {where}; valid choices are {list(choices)}")


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # only when a figure is needed: nothing happens at import

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _colors(n: int, name: str = "tab10") -> list[tuple[float, float, float, float]]:
    cmap = mpl.colormaps[name if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(n)]


def _legend_width(names: Sequence[Any]) -> float:
    """Inches for an outside legend (or tick labels) of these names: a rough 0.075 in per character."""
    return 0.9 + 0.075 * max((len(str(n)) for n in names), default=0)


def _short(name: str, limit: int = NAME_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _noun(by: str, k: int) -> str:
    word = ("outlet" if by == S.OUTLET else "group") + ("s" if k != 1 else "")
    return f"{k} {word}"


@dataclass(frozen=True)
class _Rows:
    """Which groups a figure draws one by one, and which it gathers: the ``top`` largest groups (by
    articles, or hits) that have enough for an estimate are drawn one by one, the other large enough
    ones are gathered in an ``other`` row, the too small ones in a ``few`` row. When every group fits in
    ``top`` rows, every group is drawn one by one (the too small ones marked as such)."""

    shown: list[Any]
    other: list[Any]
    few: list[Any]
    small: frozenset[Any]  # the shown groups that are too small for an estimate
    size: dict[Any, float]
    unit: str  # "article" or "hit"
    minimum: int

    def other_name(self, by: str) -> str:
        n = int(sum(self.size[g] for g in self.other))
        return f"other ({_noun(by, len(self.other))}, {n} {self.unit}{'s' if n != 1 else ''})"

    def few_name(self, by: str) -> str:
        n = int(sum(self.size[g] for g in self.few))
        return (
            f"fewer than {self.minimum} {self.unit}s each ({_noun(by, len(self.few))}, "
            f"{n} {self.unit}{'s' if n != 1 else ''})"
        )


def _select(
    groups: Sequence[Any],
    size: Mapping[Any, float],
    *,
    top: int,
    minimum: int,
    unit: str,
    also_small: Sequence[Any] = (),
) -> _Rows:
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise ValueError(f"top is {top!r}; it must be a whole number of groups, 1 or more")
    if isinstance(minimum, bool) or not isinstance(minimum, int | np.integer) or minimum < 0:
        raise ValueError(f"min_{unit}s is {minimum!r}; it must be a whole number, 0 or more")
    sizes = {g: float(size.get(g, 0.0)) for g in groups}
    extra = set(also_small)
    small = [g for g in groups if sizes[g] < minimum or g in extra]
    if len(groups) <= top:
        return _Rows(list(groups), [], [], frozenset(small), sizes, unit, minimum)
    enough = sorted((g for g in groups if g not in set(small)), key=lambda g: -sizes[g])  # stable
    return _Rows(enough[:top], enough[top:], small, frozenset(), sizes, unit, minimum)


def _heatmap(
    ax: Axes, cells: npt.NDArray[np.float64], *, value: str, vmax: float, columns: list[str], rows: list[str]
) -> Colorbar:
    """Draw ``cells`` (rows x columns) with each value written in its cell; return the colour bar."""
    cmap: Colormap = mpl.colormaps["YlGnBu"].with_extremes(bad="0.88")
    image = ax.imshow(np.ma.masked_invalid(cells), cmap=cmap, vmin=0.0, vmax=vmax, aspect="auto")
    for i in range(len(rows)):
        for k in range(len(columns)):
            cell = cells[i, k]
            dark = np.isfinite(cell) and cell / vmax > 0.55
            ax.text(
                k, i, _format(cell, value), ha="center", va="center", fontsize=9 if len(rows) <= 14 else 7.5,
                color="white" if dark else "0.1",
            )  # fmt: skip
    ax.set_xticks(np.arange(len(columns)), columns)
    ax.set_yticks(np.arange(len(rows)), rows)
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    _rotate_xticks(ax, columns)
    return ax.figure.colorbar(image, ax=ax, shrink=0.9, pad=0.02)


def _rotate_xticks(ax: Axes, names: Sequence[str]) -> None:
    if names and (max(len(n) for n in names) > _ROTATE_OVER or len(names) > 8):
        ax.tick_params(axis="x", labelrotation=30)
        for text in ax.get_xticklabels():
            text.set_horizontalalignment("right")
            text.set_rotation_mode("anchor")


def _legend_outside(ax: Axes, title: str | None = None) -> None:
    ax.legend(title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, frameon=False)


def _draw_note(ax: Axes, note: str | None) -> None:
    """The footnote: left-aligned under the x axis (its tick labels and label), inside the figure's layout."""
    if not note:
        return

    def below_xaxis(renderer: RendererBase) -> Bbox:
        box = ax.get_window_extent(renderer)
        axis = ax.xaxis.get_tightbbox(renderer)
        bottom = min(box.y0, axis.y0) if axis is not None else box.y0
        return Bbox.from_extents(box.x0, bottom, box.x1, bottom)

    ax.annotate(
        note,
        xy=(0.0, 0.0),
        xycoords=below_xaxis,
        xytext=(0.0, -6.0),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=_NOTE_SIZE,
        color="0.3",
        annotation_clip=False,
    )


# ------------------------------------------------------------------------------------------ charts


def _share_rows(panels: list[Axes], ticks: Any, names: list[str], bottom: float, xlabel: str) -> None:
    """Small multiples that share one row axis: light grid, row names on the first column of panels only,
    the x label on the bottom row only."""
    for panel in panels:
        panel.grid(axis="x", color="0.92", linewidth=0.8)
        panel.set_axisbelow(True)
        panel.spines[["top", "right"]].set_visible(False)
    panels[0].set_yticks(ticks, names)
    panels[0].set_ylim(bottom, -0.6)
    columns = min(PANEL_COLUMNS, len(panels))
    for i, panel in enumerate(panels):
        if i % columns:
            panel.tick_params(axis="y", labelleft=False)
        if i + columns >= len(panels):
            panel.set_xlabel(xlabel, fontsize=8)


def frame_rates(
    rates: pd.DataFrame,
    *,
    ax: Axes | None = None,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    note: str | None = None,
    by: str | Sequence[str] = S.OUTLET,
    kind: RateKind = "auto",
    top: int = TOP_GROUPS,
    min_articles: int = MIN_ARTICLES,
) -> Axes:
    """Frame rates per group with their intervals: grouped bars for a handful of groups, a forest plot
    (one small panel per frame, one row per group) beyond.

    ``rates`` is a :func:`framing.compare.frame_rates` table (``by, frame, rate, rate_low, rate_high``;
    ``articles``, ``count`` and ``tokens`` are used when present). ``by`` names the grouping column
    (``"outlet"`` unless given; see the module docstring). ``kind="auto"`` draws bars up to
    :data:`BARS_UP_TO` groups and a forest plot beyond; ``"bars"`` or ``"forest"`` forces one.

    - bars: a group per frame, a bar per group, ``rate_low``–``rate_high`` whiskers; ``ax.patches`` holds
      frames × groups bars, group by group. A missing (group, frame) pair draws an empty bar and a NaN
      interval draws no whisker.
    - forest: one panel per frame (four to a row); in each, a dot and its interval per group, groups in
      the same order in every panel (most articles first). Returns the first panel; the others are
      ``ax.figure.axes``.

    Groups with fewer than ``min_articles`` articles have no interval worth drawing: they are drawn as
    hollow grey marks (bars: hatched, no whisker) and named "too few". When there are more than ``top``
    groups, the ``top`` largest with enough articles are drawn one by one and the rest are gathered in two
    rows, "other (k outlets, n articles)" and "fewer than 5 articles each (…)": a diamond at the pooled
    rate (their hits over their tokens, no interval) over grey dots, one per group. Bars keep their legend
    to :data:`LEGEND_ITEMS` entries the same way. Sizes are bounded (at most :data:`MAX_WIDTH` ×
    :data:`MAX_HEIGHT` inches; ``top`` shrinks so that rows stay readable).

    >>> rates = pd.DataFrame({"outlet": ["a"], "frame": ["t"], "rate": [1.0], "rate_low": [0.5],
    ...                       "rate_high": [2.0]})
    >>> ax = frame_rates(rates, title="Frames")
    >>> ax.get_title(), [t.get_text() for t in ax.get_legend().get_texts()]
    ('Frames', ['a'])
    >>> many = pd.DataFrame({"outlet": [f"o{i}" for i in range(40)], "frame": "t", "articles": 6,
    ...                      "count": 3, "tokens": 1000, "rate": 3.0, "rate_low": 1.0, "rate_high": 5.0})
    >>> ax = frame_rates(many)
    >>> [t.get_text() for t in ax.get_yticklabels()][-1]
    'other (20 outlets, 120 articles)'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    _check_choice(kind, ["auto", "bars", "forest"], "kind", "the chart kinds")
    _require(rates, [S.FRAME, S.RATE, S.RATE_LOW, S.RATE_HIGH], "rates")
    _not_empty(rates, "rates")
    by = _by(rates, by, "rates")
    _check_unique(rates, [by, S.FRAME], "rates")
    frames, groups = _unique(rates[S.FRAME]), _unique(rates[by])
    if kind == "auto":
        kind = "bars" if len(groups) <= BARS_UP_TO else "forest"
    size = _group_sizes(rates, by, S.ARTICLES)
    if kind == "bars":
        rows = _select(
            groups, size or {}, top=min(top, LEGEND_ITEMS - 2), minimum=min_articles if size else 0,
            unit="article",
        )  # fmt: skip
        return _rate_bars(rates, by, frames, rows, ax=ax, labels=labels, title=title, note=note)
    return _rate_forest(
        rates, by, frames, groups, size, ax=ax, labels=labels, title=title, note=note, top=top,
        min_articles=min_articles,
    )  # fmt: skip


def _by(table: pd.DataFrame, by: str | Sequence[str], what: str) -> str:
    """The grouping column named by ``by``: a column of the table, or for a list the joined column
    ``"a+b"`` that framing.compare and framing.topics make for it (:func:`framing.schema.group_column`).
    Never guessed: a table grouped by anything but the outlet needs its ``by=``."""
    column = S.group_column(by)
    if column not in table.columns:
        provenance = table.attrs.get("provenance")
        made = provenance.get("by") if isinstance(provenance, dict) else None
        hint = f"; the table was made with by={made!r}" if made is not None and made != column else ""
        raise ValueError(
            f"by {column!r} is not a column of {what}; its columns are {list(map(str, table.columns))}"
            f"{hint} (pass by= the grouping column the table was made with)"
        )
    return column


def _group_sizes(table: pd.DataFrame, by: str, column: str) -> dict[Any, float] | None:
    """Each group's articles (the first value of ``column`` per group), or None without that column."""
    if column not in table.columns:
        return None
    first = table.drop_duplicates(subset=by)
    return {g: float(v) if pd.notna(v) else 0.0 for g, v in zip(first[by], first[column], strict=True)}


def _pooled_rates(
    rates: pd.DataFrame, by: str, members: Sequence[Any], frames: Sequence[Any]
) -> npt.NDArray[np.float64]:
    """The pooled rate per frame of ``members``: their hits over their tokens (NaN without those columns)."""
    if not {S.COUNT, S.TOKENS} <= set(rates.columns) or not members:
        return np.full(len(frames), np.nan)
    part = rates[rates[by].isin(members)]
    sums = part.groupby(S.FRAME, sort=False)[[S.COUNT, S.TOKENS]].sum().reindex(list(frames))
    tokens = sums[S.TOKENS].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(tokens > 0, 1000.0 * sums[S.COUNT].to_numpy(dtype=float) / tokens, np.nan)


def _rate_grid(
    rates: pd.DataFrame, by: str, groups: Sequence[Any], frames: Sequence[Any], column: str
) -> npt.NDArray[np.float64]:
    grid = pd.MultiIndex.from_product([list(groups), list(frames)])
    values = rates.set_index([by, S.FRAME])[column].reindex(grid).to_numpy(dtype=float)
    return values.reshape(len(groups), len(frames))


def _rate_bars(
    rates: pd.DataFrame,
    by: str,
    frames: list[Any],
    rows: _Rows,
    *,
    ax: Axes | None,
    labels: Mapping[str, str] | None,
    title: str | None,
    note: str | None,
) -> Axes:
    groups = rows.shown
    rate = _rate_grid(rates, by, groups, frames, S.RATE)
    low = _rate_grid(rates, by, groups, frames, S.RATE_LOW)
    high = _rate_grid(rates, by, groups, frames, S.RATE_HIGH)
    names = [_short(n) for n in _group_names(rates, by, groups, labels)]
    names = [f"{n} (too few articles)" if g in rows.small else n for g, n in zip(groups, names, strict=True)]
    pooled = [(rows.other_name(by), rows.other), (rows.few_name(by), rows.few)]
    pooled = [(name, members) for name, members in pooled if members]
    frame_names = [(labels or {}).get(str(f), str(f)) for f in frames]
    bars = len(groups) + len(pooled)
    width = 0.8 / max(bars, 1)
    size = (
        max(4.5, 1.5 + len(frames) * (0.3 + 0.22 * bars)) + _legend_width(names + [n for n, _ in pooled]),
        4.8,
    )
    ax = _new_axes(ax, (min(MAX_WIDTH, size[0]), size[1]))
    x = np.arange(len(frames), dtype=float)
    for j, (g, name, color) in enumerate(zip(groups, names, _colors(len(groups)), strict=True)):
        few = g in rows.small
        below = np.clip(rate[j] - low[j], 0.0, None)
        above = np.clip(high[j] - rate[j], 0.0, None)
        ax.bar(
            x - 0.4 + width * (j + 0.5), rate[j], width, label=name,
            yerr=None if few else np.vstack([below, above]),
            color=(*color[:3], 0.35) if few else color, hatch="///" if few else None,
            edgecolor=color if few else None,
            error_kw={"elinewidth": 1.0, "capsize": 2.0, "ecolor": "0.2"},
        )  # fmt: skip
    for k, (name, members) in enumerate(pooled):
        j = len(groups) + k
        ax.bar(
            x - 0.4 + width * (j + 0.5), _pooled_rates(rates, by, members, frames), width, label=name,
            color="0.55" if k == 0 else "0.85", edgecolor="0.4", hatch=None if k == 0 else "///",
        )  # fmt: skip
    ax.set_xticks(x, frame_names)
    _rotate_xticks(ax, frame_names)
    ax.set_ylabel(_text(S.RATE, labels))
    ax.set_ylim(bottom=0.0)
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title)
    if groups or pooled:
        _legend_outside(ax, title=_text(by, labels))
    if pooled:
        extra = "pooled rows: their hits over their tokens, no interval"
        note = f"{extra}\n{note}" if note else extra
    _draw_note(ax, note)
    return ax


def _panels(ax: Axes | None, n: int, size: tuple[float, float]) -> list[Axes]:
    """``n`` panels sharing their y axis, :data:`PANEL_COLUMNS` to a row: on a new figure, or in the place
    of ``ax`` (which must be a subplot)."""
    columns = min(PANEL_COLUMNS, n)
    count = -(-n // columns)
    if ax is None:
        import matplotlib.pyplot as plt  # only when a figure is needed: nothing happens at import

        fig = plt.figure(figsize=size, layout="constrained")
        grid = fig.add_gridspec(count, columns)
    elif n == 1:
        return [ax]
    else:
        spec = ax.get_subplotspec()
        if spec is None:
            raise ValueError(f"ax is not a subplot; {n} panels need a grid cell to share (or pass no ax)")
        fig = ax.get_figure(root=False)  # type: ignore[assignment]
        ax.remove()
        grid = spec.subgridspec(count, columns)  # type: ignore[assignment]
    panels: list[Axes] = []
    for i in range(n):
        panels.append(fig.add_subplot(grid[i // columns, i % columns], sharey=panels[0] if panels else None))
    return panels


def _forest_rows(n_panels: int, top: int) -> int:
    """``top``, made smaller when that many rows in each panel row would not fit :data:`MAX_HEIGHT`."""
    panel_rows = -(-n_panels // PANEL_COLUMNS)
    fit = int(((MAX_HEIGHT - 1.0) / panel_rows - 1.0) / 0.19) - 2
    return max(3, min(top, fit))


def _forest_size(n_panels: int, n_rows: int, names: Sequence[str]) -> tuple[float, float]:
    columns = min(PANEL_COLUMNS, n_panels)
    panel_rows = -(-n_panels // columns)
    longest = max((len(n) for n in names), default=0)
    width = 0.6 + 0.068 * longest + columns * 2.5
    height = 1.0 + panel_rows * (1.0 + 0.19 * n_rows)
    return min(MAX_WIDTH, max(5.0, width)), min(MAX_HEIGHT, max(3.0, height))


_ESTIMATE_COLOR = "tab:blue"
_POOLED_COLOR = "0.25"


def _forest_panel(
    panel: Axes,
    y: npt.NDArray[np.float64],
    value: npt.NDArray[np.float64],
    low: npt.NDArray[np.float64],
    high: npt.NDArray[np.float64],
    few: Sequence[bool],
) -> None:
    """Dots with intervals at rows ``y``; ``few`` rows as hollow grey marks without interval."""
    few_mask = np.asarray(few, dtype=bool)
    sure = ~few_mask & np.isfinite(value)
    interval = sure & np.isfinite(low) & np.isfinite(high)
    panel.hlines(y[interval], low[interval], high[interval], color=_ESTIMATE_COLOR, linewidth=1.4)
    panel.plot(value[sure], y[sure], "o", color=_ESTIMATE_COLOR, markersize=4.5, zorder=3)
    hollow = few_mask & np.isfinite(value)
    panel.plot(
        value[hollow],
        y[hollow],
        "o",
        markerfacecolor="white",
        markeredgecolor="0.45",
        markersize=4.5,
        zorder=3,
    )


def _pooled_panel(panel: Axes, y: float, pooled: float, members: npt.NDArray[np.float64]) -> None:
    """A pooled row: grey dots, one per member group (no interval), and a diamond at the pooled value."""
    members = members[np.isfinite(members)]
    if len(members):
        offsets = (np.arange(len(members)) % 5 - 2) * 0.07  # a little spread so that the dots show
        panel.plot(members, y + offsets, ".", color="0.6", markersize=3, alpha=0.6, zorder=2)
    if np.isfinite(pooled):
        panel.plot([pooled], [y], "D", color=_POOLED_COLOR, markersize=5.5, zorder=4)


def _figure_note(fig: Any, note: str | None) -> None:
    """The footnote of a figure of panels: under all of them, left-aligned, inside the layout."""
    if note:
        fig.supxlabel(note, x=0.01, ha="left", fontsize=_NOTE_SIZE, color="0.3")


def _forest_legend(
    fig: Any, *, intervals: bool, few: bool, pooled: bool, unit: str, title: str | None = None
) -> None:
    from matplotlib.lines import Line2D

    handles: list[Artist] = []
    names: list[str] = []
    if intervals:
        handles.append(Line2D([], [], color=_ESTIMATE_COLOR, marker="o", markersize=4.5, linewidth=1.4))
        names.append("estimate and 95% interval")
    if few:
        handles.append(
            Line2D([], [], color="none", marker="o", markerfacecolor="white", markeredgecolor="0.45")
        )
        names.append(f"too few {unit}s: estimate only")
    if pooled:
        handles.append(
            Line2D([], [], color="none", marker="D", markerfacecolor=_POOLED_COLOR, markersize=5.5)
        )
        names.append("pooled estimate of a gathered row")
        handles.append(Line2D([], [], color="none", marker=".", markerfacecolor="0.6", markeredgecolor="0.6"))
        names.append("one group of a gathered row")
    if handles or title:
        legend = fig.legend(
            handles, names, loc="outside upper center", ncols=max(len(handles), 1), frameon=False, fontsize=8,
            title=title,
        )  # fmt: skip
        legend.get_title().set_fontsize(12)


def _rate_forest(
    rates: pd.DataFrame,
    by: str,
    frames: list[Any],
    groups: list[Any],
    size: dict[Any, float] | None,
    *,
    ax: Axes | None,
    labels: Mapping[str, str] | None,
    title: str | None,
    note: str | None,
    top: int,
    min_articles: int,
) -> Axes:
    rows = _select(
        groups, size or {}, top=_forest_rows(len(frames), top), minimum=min_articles if size else 0,
        unit="article",
    )  # fmt: skip
    shown = rows.shown
    names = [_short(n) for n in _group_names(rates, by, shown, labels)]
    if size:
        names = [
            f"{n} ({int(size[g])} article{'s' if size[g] != 1 else ''})" if g in rows.small else n
            for g, n in zip(shown, names, strict=True)
        ]  # fmt: skip
    pooled = [(rows.other_name(by), rows.other), (rows.few_name(by), rows.few)]
    pooled = [(name, members) for name, members in pooled if members]
    all_names = names + [name for name, _ in pooled]
    y = np.arange(len(shown), dtype=float)
    y_pooled = len(shown) + 0.4 + np.arange(len(pooled), dtype=float)
    rate = _rate_grid(rates, by, shown, frames, S.RATE)
    low = _rate_grid(rates, by, shown, frames, S.RATE_LOW)
    high = _rate_grid(rates, by, shown, frames, S.RATE_HIGH)
    few = [g in rows.small for g in shown]
    pooled_rates = [_pooled_rates(rates, by, members, frames) for _, members in pooled]
    member_rates = [_rate_grid(rates, by, members, frames, S.RATE) for _, members in pooled]

    panels = _panels(ax, len(frames), _forest_size(len(frames), len(all_names), all_names))
    tick_size = 8 if len(all_names) > 12 else 9
    for k, (panel, frame) in enumerate(zip(panels, frames, strict=True)):
        _forest_panel(panel, y, rate[:, k], low[:, k], high[:, k], few)
        for p, yp in enumerate(y_pooled):
            _pooled_panel(panel, float(yp), float(pooled_rates[p][k]), member_rates[p][:, k])
        if pooled and shown:
            panel.axhline(len(shown) - 0.3, color="0.8", linewidth=0.8)
        panel.set_title(_short((labels or {}).get(str(frame), str(frame)), 34), fontsize=10)
        panel.set_xlim(left=0.0)
        panel.xaxis.set_major_locator(MaxNLocator(nbins=4))
        panel.tick_params(axis="x", labelsize=8)
        panel.tick_params(axis="y", length=0, labelsize=tick_size)
    first = panels[0]
    bottom = float(max(len(shown) - 1, 0) + 0.4 + len(pooled)) + 0.6
    _share_rows(panels, np.concatenate([y, y_pooled]), all_names, bottom, _text(S.RATE, labels))
    fig = first.get_figure(root=True)
    _forest_legend(
        fig, intervals=bool((~np.asarray(few, dtype=bool)).any()), few=any(few), pooled=bool(pooled),
        unit="article", title=title,
    )  # fmt: skip
    if not shown and rows.few and not rows.other:
        hint = (
            f"no outlet has {min_articles} articles or more: compare groups of outlets "
            '(by="country", "outlet_type", "owner_type" or a field of your outlets.yaml)'
            if by == S.OUTLET
            else f"no {by} group has {min_articles} articles or more"
        )
        note = f"{hint}\n{note}" if note else hint
    _figure_note(fig, note)
    return first


def frame_heatmap(
    rates: pd.DataFrame,
    *,
    value: HeatmapValue = "rate",
    ax: Axes | None = None,
    labels: Mapping[str, str] | None = None,
    note: str | None = None,
    title: str | None = None,
    by: str | Sequence[str] = S.OUTLET,
    top: int = TOP_GROUPS,
    min_articles: int = MIN_ARTICLES,
) -> Axes:
    """A group × frame heatmap of ``value`` (``"rate"``, ``"share"`` or ``"count"``), each cell written out.

    ``rates`` is a :func:`framing.compare.frame_rates` table; ``by`` names its grouping column
    (``"outlet"`` unless given). Rows are groups, columns frames (first-seen order); a missing
    pair is a grey cell marked ``–``. ``ax.texts`` holds one text per cell, row by row (then the note, when
    given); the colour bar is drawn beside the Axes.

    With more than ``top`` groups, the ``top`` with most ``articles`` (and at least ``min_articles``) get
    a row each and the rest are gathered in two rows, "other (k outlets, n articles)" and "fewer than 5
    articles each (…)", holding pooled values (hits over tokens, articles using the frame over articles,
    summed hits). Groups drawn one by one with fewer than ``min_articles`` articles are named so.

    >>> rates = pd.DataFrame({"outlet": ["a", "b"], "frame": ["t", "t"], "rate": [1.0, 2.5],
    ...                       "share": [0.5, 1.0], "count": [1, 4]})
    >>> ax = frame_heatmap(rates, value="share")
    >>> [t.get_text() for t in ax.texts]
    ['50%', '100%']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _check_choice(value, [S.RATE, S.SHARE, S.COUNT], "value", "the heatmap's choices")
    _require(rates, [S.FRAME, value], "rates")
    _not_empty(rates, "rates")
    by = _by(rates, by, "rates")
    _check_unique(rates, [by, S.FRAME], "rates")
    frames, groups = _unique(rates[S.FRAME]), _unique(rates[by])
    size = _group_sizes(rates, by, S.ARTICLES)
    rows = _select(groups, size or {}, top=min(top, 36), minimum=min_articles if size else 0, unit="article")
    grid = rates.pivot(index=by, columns=S.FRAME, values=value).reindex(index=rows.shown, columns=frames)
    cells = grid.to_numpy(dtype=float)
    group_names = [_short(n) for n in _group_names(rates, by, rows.shown, labels)]
    if size:
        group_names = [
            f"{n} · {int(size[g])} (too few articles)" if g in rows.small else n
            for g, n in zip(rows.shown, group_names, strict=True)
        ]  # fmt: skip
    for name, members in ((rows.other_name(by), rows.other), (rows.few_name(by), rows.few)):
        if members:
            cells = np.vstack([cells, _pooled_values(rates, by, members, frames, value)[None, :]])
            group_names.append(name)

    frame_names = [_short((labels or {}).get(str(f), str(f)), 30) for f in frames]
    longest = max((len(n) for n in group_names), default=0)
    width = max(5.0, 2.5 + 0.08 * longest + 1.1 * len(frames))
    height = max(3.0, 1.8 + (0.45 if len(group_names) <= 12 else 0.3) * len(group_names))
    ax = _new_axes(ax, (min(MAX_WIDTH, width), min(MAX_HEIGHT, height)))
    finite = cells[np.isfinite(cells)]
    high = float(finite.max()) if finite.size else 1.0
    vmax = 1.0 if value == S.SHARE else (high if high > 0 else 1.0)
    bar = _heatmap(ax, cells, value=value, vmax=vmax, columns=frame_names, rows=group_names)
    if len(group_names) > len(rows.shown):
        ax.axhline(len(rows.shown) - 0.5, color="white", linewidth=3)
    if value == S.SHARE:
        bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    bar.set_label(_text(value, labels))
    if title:
        ax.set_title(title)
    _draw_note(ax, note)
    return ax


def _pooled_values(
    rates: pd.DataFrame, by: str, members: Sequence[Any], frames: Sequence[Any], value: str
) -> npt.NDArray[np.float64]:
    """A gathered row of the heatmap: pooled rate, pooled share or summed hits per frame."""
    if value == S.RATE:
        return _pooled_rates(rates, by, members, frames)
    part = rates[rates[by].isin(members)]
    if value == S.COUNT:
        return part.groupby(S.FRAME, sort=False)[S.COUNT].sum().reindex(list(frames)).to_numpy(dtype=float)
    if S.ARTICLES not in part.columns:
        return np.full(len(frames), np.nan)
    used = (part[S.SHARE] * part[S.ARTICLES]).groupby(part[S.FRAME], sort=False).sum().reindex(list(frames))
    total = part.groupby(S.FRAME, sort=False)[S.ARTICLES].sum().reindex(list(frames))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, used.to_numpy(dtype=float) / total.to_numpy(dtype=float), np.nan)


def label_choice(
    labels: pd.DataFrame,
    *,
    referent: str,
    ax: Axes | None = None,
    note: str | None = None,
    title: str | None = None,
    by: str | Sequence[str] = S.OUTLET,
    kind: RateKind = "auto",
    top: int = TOP_GROUPS,
    min_hits: int = MIN_HITS,
    min_articles: int = MIN_ARTICLES,
) -> Axes:
    """For one referent, each group's share of each label: stacked bars for a handful of groups, a forest
    plot (one panel per label, a dot and its ``share_low``–``share_high`` interval per group) beyond.

    ``labels`` is a :func:`framing.compare.label_choice` table (``referent, label, stance, by, count,
    share``, with ``share_low``/``share_high`` for the forest and ``articles`` when it has it; a label
    without a stance is ``untagged``); ``by`` names its grouping column (``"outlet"`` unless
    given). Labels no group used, and groups that never name the referent, are left out (their
    numbers are added to the note). ``kind="auto"`` draws bars up to :data:`BARS_UP_TO` groups.

    A group that names the referent fewer than ``min_hits`` times (or has fewer than ``min_articles``
    ``articles``, when the table says) has no shares worth drawing: it is shown as "too few hits" (bars:
    an empty bar; forest: a hollow grey mark, no interval). With more than ``top`` groups, the ``top`` that
    name the referent most are drawn one by one and the rest gathered in "other (k outlets, n hits)" and
    "fewer than 5 hits each (…)" rows, with pooled shares (their hits of the label over their hits of the
    referent; forest: a diamond over grey dots, one per group).

    - bars: segments ordered by stance (first-seen), then by the label's total count; the labels of a
      stance share a colour family, and the legend lists them under a bold header per stance (at most
      :data:`LEGEND_ITEMS` entries: the least used labels are gathered as "other labels"). Shares of 10%
      or more are written in their segment, and each row's number of hits (``n``) after its bar.
      ``ax.patches`` holds rows × drawn labels segments, label by label.
    - forest: the most used labels, up to eight panels; returns the first panel.

    >>> table = pd.DataFrame({"referent": ["gov"] * 2, "label": ["نظام الأسد", "الحكومة السورية"],
    ...                       "stance": ["regime", "state"], "outlet": ["a", "a"], "count": [6, 2],
    ...                       "share": [0.75, 0.25]})
    >>> ax = label_choice(table, referent="gov")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['regime', 'نظام الأسد', 'state', 'الحكومة السورية']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _check_choice(kind, ["auto", "bars", "forest"], "kind", "the chart kinds")
    _require(labels, [S.REFERENT, S.LABEL, S.STANCE, S.COUNT, S.SHARE], "labels")
    by = _by(labels, by, "labels")
    _check_choice(referent, _unique(labels[S.REFERENT]), "referent", "the labels table")
    rows = labels[labels[S.REFERENT] == referent]
    rows = rows.assign(**{S.STANCE: rows[S.STANCE].where(rows[S.STANCE].notna(), "untagged").astype(str)})
    _check_unique(rows, [by, S.LABEL], f"labels of referent {referent!r}")
    every = _unique(rows[by])
    hits_of = rows.groupby(by, sort=False)[S.COUNT].sum()
    groups = [g for g in every if hits_of.get(g, 0) > 0]
    silent = len(every) - len(groups)
    totals = rows.groupby(S.LABEL, sort=False)[S.COUNT].sum()
    unused = int((totals <= 0).sum())  # labels no group used: left out, counted in the note
    used = rows[rows[S.LABEL].isin(totals[totals > 0].index)]
    too_few_articles: list[Any] = []
    if S.ARTICLES in rows.columns:
        articles = _group_sizes(rows, by, S.ARTICLES) or {}
        too_few_articles = [g for g in groups if articles.get(g, 0.0) < min_articles]
    if kind == "auto":
        kind = "bars" if len(groups) <= BARS_UP_TO else "forest"
    notes = []
    if unused:
        notes.append(f"{unused} label{'s' if unused != 1 else ''} without hits not shown")
    if silent:
        notes.append(f"{_noun(by, silent)} never name{'s' if silent == 1 else ''} the referent: not shown")
    if notes:
        note = "\n".join([*notes, note] if note else notes)
    size = {g: float(hits_of.get(g, 0)) for g in groups}
    if kind == "bars":
        chosen = _select(
            groups, size, top=min(top, 15), minimum=min_hits, unit="hit", also_small=too_few_articles
        )
        return _label_bars(used, by, referent, chosen, ax=ax, note=note, title=title)
    chosen = _select(
        groups, size, top=_forest_rows(8, top), minimum=min_hits, unit="hit", also_small=too_few_articles
    )
    return _label_forest(used, by, referent, chosen, ax=ax, note=note, title=title)


def _label_shares(
    used: pd.DataFrame, by: str, order: Sequence[Any], members: Sequence[Any]
) -> npt.NDArray[np.float64]:
    """Pooled share of each label in ``order`` over ``members``: their hits of it / their referent hits."""
    part = used[used[by].isin(members)]
    counts = (
        part.groupby(S.LABEL, sort=False)[S.COUNT].sum().reindex(list(order)).fillna(0).to_numpy(dtype=float)
    )
    total = float(part[S.COUNT].sum())
    return counts / total if total > 0 else np.full(len(order), np.nan)


def _label_bars(
    used: pd.DataFrame,
    by: str,
    referent: str,
    chosen: _Rows,
    *,
    ax: Axes | None,
    note: str | None,
    title: str | None,
) -> Axes:
    totals = used.groupby(S.LABEL, sort=False)[S.COUNT].sum()
    stances = _unique(used[S.STANCE])
    stance_of = {lab: str(st) for lab, st in zip(used[S.LABEL], used[S.STANCE], strict=True)}
    order = sorted(
        _unique(used[S.LABEL]), key=lambda lab: (stances.index(stance_of[lab]), -float(totals[lab]))
    )
    # at most LEGEND_ITEMS legend entries (stance headers + labels): the least used gathered as "other labels"
    ranked = sorted(order, key=lambda lab: -float(totals[lab]))
    kept = list(order)
    if len(order) + len(stances) > LEGEND_ITEMS:
        for m in range(len(ranked), 0, -1):
            keep = set(ranked[:m])
            if m + len({stance_of[lab] for lab in keep}) + 2 <= LEGEND_ITEMS:
                break
        kept = [lab for lab in order if lab in keep]
    rest = [lab for lab in order if lab not in kept]
    stances = [st for st in stances if any(stance_of[lab] == st for lab in kept)]

    pooled = [(chosen.other_name(by), chosen.other), (chosen.few_name(by), chosen.few)]
    pooled = [(name, members) for name, members in pooled if members]
    row_members: list[list[Any]] = [[g] for g in chosen.shown] + [m for _, m in pooled]
    share = (
        np.column_stack([_label_shares(used, by, order, members) for members in row_members])
        if row_members
        else np.zeros((len(order), 0))
    )
    share = np.nan_to_num(share, nan=0.0)
    hits = np.array([used[used[by].isin(m)][S.COUNT].sum() for m in row_members], dtype=int)
    small = [g in chosen.small for g in chosen.shown] + [False] * len(pooled)
    share[:, np.asarray(small, dtype=bool)] = 0.0  # too few hits: no shares drawn
    segments_of = [*kept, *(["other labels"] if rest else [])]
    drawn = (
        np.vstack(
            [
                share[[order.index(lab) for lab in kept]],
                *([share[[order.index(lab) for lab in rest]].sum(axis=0)[None, :]] if rest else []),
            ]
        )
        if row_members
        else np.zeros((len(segments_of), 0))
    )

    names = [_short(n) for n in _group_names(used, by, chosen.shown, None)] + [n for n, _ in pooled]
    colors = _stance_colors([stance_of[lab] for lab in kept], stances) + (
        [(0.8, 0.8, 0.8, 1.0)] if rest else []
    )
    entries = len(segments_of) + len(stances)
    height = max(2.8, 1.6 + 0.45 * len(names), 1.0 + 0.22 * entries)
    width = 5.5 + _legend_width(names) + _legend_width(segments_of)
    ax = _new_axes(ax, (min(MAX_WIDTH, width), min(MAX_HEIGHT, height)))
    y = np.arange(len(names), dtype=float)
    left = np.zeros(len(names))
    segments: dict[str, BarContainer] = {}
    for i, (lab, color) in enumerate(zip(segments_of, colors, strict=True)):
        segments[lab] = ax.barh(y, drawn[i], 0.7, left=left, color=color, label=str(lab), edgecolor="white")
        for j in range(len(names)):
            if drawn[i, j] >= 0.1:
                lum = 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]
                ax.text(
                    left[j] + drawn[i, j] / 2, y[j], f"{drawn[i, j]:.0%}", ha="center", va="center",
                    fontsize=8, color="white" if lum < 0.5 else "0.1",
                )  # fmt: skip
        left = left + drawn[i]
    for j in range(len(names)):
        text = f"too few hits (n = {hits[j]})" if small[j] else f"n = {hits[j]}"
        ax.annotate(
            text, xy=(0.0 if small[j] else 1.0, y[j]), xytext=(4.0, 0.0), textcoords="offset points",
            ha="left", va="center", fontsize=8, color="0.3", annotation_clip=False,
        )  # fmt: skip
    if pooled:
        ax.axhline(len(chosen.shown) - 0.5, color="0.8", linewidth=0.8)
    ax.set_yticks(y, names)
    if not names:
        ax.text(0.5, 0.5, "no group names this referent", transform=ax.transAxes, ha="center", color="0.4")
    ax.set_xlim(0.0, 1.12)
    ax.set_xticks(np.linspace(0.0, 1.0, 5))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.spines["bottom"].set_bounds(0.0, 1.0)
    ax.set_xlabel(_AXIS_TEXT["label_share"])
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title if title is not None else str(referent))
    if segments_of:  # the labels, grouped under a bold header per stance
        handles: list[Artist] = []
        legend_names: list[str] = []
        headers: list[int] = []
        for stance in stances:
            headers.append(len(legend_names))
            handles.append(Patch(facecolor="none", edgecolor="none"))
            legend_names.append(stance)
            for lab in kept:
                if stance_of[lab] == stance:
                    handles.append(segments[lab].patches[0] if len(names) else Patch())
                    legend_names.append(str(lab))
        if rest:
            handles.append(segments["other labels"].patches[0] if len(names) else Patch())
            legend_names.append(f"other labels ({len(rest)})")
        legend = ax.legend(
            handles, legend_names, title="label, by stance", loc="upper left", bbox_to_anchor=(1.01, 1.0),
            borderaxespad=0.0, frameon=False, fontsize=9,
        )  # fmt: skip
        texts = legend.get_texts()
        for k in headers:
            texts[k].set_fontweight("bold")
    _draw_note(ax, note)
    return ax


_LABEL_PANELS = 8


def _label_forest(
    used: pd.DataFrame,
    by: str,
    referent: str,
    chosen: _Rows,
    *,
    ax: Axes | None,
    note: str | None,
    title: str | None,
) -> Axes:
    totals = used.groupby(S.LABEL, sort=False)[S.COUNT].sum().sort_values(ascending=False, kind="stable")
    stances = _unique(used[S.STANCE])
    stance_of = {lab: str(st) for lab, st in zip(used[S.LABEL], used[S.STANCE], strict=True)}
    # the most used labels, shown stance by stance (first-seen), most used first within a stance
    order = sorted(totals.index.tolist()[:_LABEL_PANELS], key=lambda lab: stances.index(stance_of[lab]))
    if len(totals) > len(order):
        more = len(totals) - len(order)
        extra = f"{more} less used label{'s' if more != 1 else ''} not shown"
        note = f"{extra}\n{note}" if note else extra
    shown = chosen.shown
    pooled = [(chosen.other_name(by), chosen.other), (chosen.few_name(by), chosen.few)]
    pooled = [(name, members) for name, members in pooled if members]
    names = [_short(n) for n in _group_names(used, by, shown, None)]
    hits_of = used.groupby(by, sort=False)[S.COUNT].sum()
    names = [f"{n} · n = {int(hits_of.get(g, 0))}" for g, n in zip(shown, names, strict=True)]
    all_names = names + [n for n, _ in pooled]

    def grid(column: str, groups: Sequence[Any]) -> npt.NDArray[np.float64]:
        if column not in used.columns:
            return np.full((len(groups), len(order)), np.nan)
        table = used.set_index([by, S.LABEL])[column]
        index = pd.MultiIndex.from_product([list(groups), order])
        return table.reindex(index).to_numpy(dtype=float).reshape(len(groups), len(order))

    share, low, high = grid(S.SHARE, shown), grid(S.SHARE_LOW, shown), grid(S.SHARE_HIGH, shown)
    few = [g in chosen.small for g in shown]
    y = np.arange(len(shown), dtype=float)
    y_pooled = len(shown) + 0.4 + np.arange(len(pooled), dtype=float)
    panels = _panels(ax, len(order), _forest_size(len(order), len(all_names), all_names))
    for k, (panel, lab) in enumerate(zip(panels, order, strict=True)):
        _forest_panel(panel, y, share[:, k], low[:, k], high[:, k], few)
        for yp, (_, members) in zip(y_pooled, pooled, strict=True):
            pooled_share = _label_shares(used, by, [lab], members)[0]
            _pooled_panel(panel, float(yp), float(pooled_share), grid(S.SHARE, members)[:, k])
        if pooled and shown:
            panel.axhline(len(shown) - 0.3, color="0.8", linewidth=0.8)
        panel.set_title(f"{_short(str(lab), 30)}\n({stance_of[lab]})", fontsize=9)
        panel.set_xlim(-0.03, 1.03)
        panel.set_xticks([0.0, 0.5, 1.0])
        panel.xaxis.set_major_formatter(PercentFormatter(1.0))
        panel.tick_params(axis="x", labelsize=8)
        panel.tick_params(axis="y", length=0, labelsize=8 if len(all_names) > 12 else 9)
    first = panels[0]
    bottom = float(max(len(shown) - 1, 0) + 0.4 + len(pooled)) + 0.6
    _share_rows(panels, np.concatenate([y, y_pooled]), all_names, bottom, _AXIS_TEXT["label_share"])
    fig = first.get_figure(root=True)
    _forest_legend(
        fig, intervals=not all(few), few=any(few), pooled=bool(pooled), unit="hit",
        title=title if title is not None else str(referent),
    )  # fmt: skip
    _figure_note(fig, note)
    return first


def distinctive_words(
    words: pd.DataFrame,
    *,
    group: str,
    n: int = 15,
    ax: Axes | None = None,
    note: str | None = None,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    q: float | None = None,
    by: str | Sequence[str] = S.OUTLET,
) -> Axes:
    """A two-sided bar chart of a group's distinctive words: its top ``n`` z-scores to the right, the ``n``
    most negative (the words of the rest) to the left. With ``q`` (e.g. 0.05), only the words whose
    Benjamini–Hochberg ``q_value`` is below it are drawn, and a chart with none says so.

    ``words`` is a :func:`framing.compare.distinctive_words` table (``by, word, z``; ``by`` names its
    grouping column, ``"outlet"`` unless given). Row ``i`` from the top
    holds the ``i``-th word of each side; the group's words are the tick labels on the right (a secondary
    axis, ``ax.child_axes[0]``), the rest's on the left. ``ax.patches`` holds the right bars, then the left.

    >>> words = pd.DataFrame({"outlet": ["a"] * 3, "word": ["النظام", "الحكومة", "موسكو"],
    ...                       "z": [3.1, -2.0, 0.4]})
    >>> ax = distinctive_words(words, group="a", n=1)
    >>> [t.get_text() for t in ax.get_yticklabels()], len(ax.patches)
    (['الحكومة'], 2)
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n is {n!r}; it must be a whole number of words, 1 or more")
    _require(words, [S.WORD, S.Z], "words")
    by = _by(words, by, "words")
    _check_choice(group, _unique(words[by]), "group", f"the words table's {by!r} column")
    rows = words[(words[by] == group) & words[S.Z].notna()]
    if q is not None:
        _require(words, [S.Q_VALUE], "words")
        rows = rows[rows[S.Q_VALUE] < q]
    pos = rows[rows[S.Z] > 0].sort_values(S.Z, ascending=False, kind="stable").head(n)
    neg = rows[rows[S.Z] < 0].sort_values(S.Z, ascending=True, kind="stable").head(n)
    name = _group_names(rows, by, [group], labels)[0]

    height = max(len(pos), len(neg), 1)
    longest = max((len(str(w)) for w in rows[S.WORD]), default=0)
    ax = _new_axes(ax, (max(7.0, 5.0 + 0.18 * longest), max(3.0, 1.6 + 0.28 * height)))
    ax.barh(np.arange(len(pos)), pos[S.Z].to_numpy(dtype=float), 0.7, color="tab:blue", label=name)
    ax.barh(np.arange(len(neg)), neg[S.Z].to_numpy(dtype=float), 0.7, color="0.6", label="rest")
    ax.set_yticks(np.arange(len(neg)), [str(w) for w in neg[S.WORD]])
    right = ax.secondary_yaxis("right")
    right.set_yticks(np.arange(len(pos)), [str(w) for w in pos[S.WORD]])
    for axis in (ax, right):
        axis.tick_params(axis="y", length=0)
    ax.set_ylim(height - 0.5, -0.5)
    top = float(rows[S.Z].abs().max()) if len(rows) else 1.0
    ax.set_xlim(-1.05 * top, 1.05 * top)
    ax.axvline(0.0, color="0.2", linewidth=0.8)
    ax.set_xlabel(_text(S.Z, labels))
    ax.spines[["top", "right", "left"]].set_visible(False)
    right.spines["right"].set_visible(False)
    ax.text(0.0, 1.01, "← more in the rest", transform=ax.transAxes, ha="left", va="bottom", fontsize=9)
    ax.text(1.0, 1.01, f"more in {name} →", transform=ax.transAxes, ha="right", va="bottom", fontsize=9)
    ax.set_title(title if title is not None else name, pad=18)
    if q is not None and rows.empty:
        ax.text(0.5, 0.5, f"no word passes q < {q:g} (Benjamini–Hochberg)", transform=ax.transAxes,
                ha="center", va="center")  # fmt: skip
    _draw_note(ax, note)
    return ax


def articles_per_day(
    corpus: pd.DataFrame,
    *,
    by: str = S.OUTLET,
    ax: Axes | None = None,
    note: str | None = None,
    kind: DayKind = "bar",
    freq: DayBin = "auto",
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    top: int = LEGEND_ITEMS - 1,
) -> Axes:
    """Articles per day and outlet (or ``by`` group), from ``published``: stacked bars or one line per group.

    Days run from the first to the last dated article, with zeros filled in; the day is the date printed
    on the page (the outlet's local time). Undated articles (NaT) are left out and counted in a note under
    the chart. ``kind="bar"`` stacks the groups (``ax.patches`` holds bins × groups bars, group by group);
    ``kind="line"`` draws one line per group (``ax.lines``). ``freq``: ``"D"`` days, ``"W"`` weeks from
    Monday, ``"M"`` calendar months; ``"auto"`` takes days for up to 92 days of coverage, weeks for up to
    three years, months beyond — so a whole archive (or one stray date) gives a readable chart, not a
    figure hundreds of inches wide. With more than ``top`` groups (at most 11), the ``top`` with most
    articles are drawn one by one and the rest as one grey series, "other (k outlets, n articles)", so
    the legend never lists more than :data:`LEGEND_ITEMS` entries.

    >>> corpus = pd.DataFrame({"outlet": ["a", "a", "b"], "outlet_name": ["صحيفة المرفأ"] * 2 + ["B"],
    ...                        "published": pd.to_datetime(["2016-07-14", "2016-07-15", "2016-07-15"])})
    >>> ax = articles_per_day(corpus, kind="line")
    >>> len(ax.lines), [t.get_text() for t in ax.get_legend().get_texts()]
    (2, ['صحيفة المرفأ', 'B'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _check_choice(kind, ["bar", "line"], "kind", "the chart kinds")
    _check_choice(freq, ["auto", *_BIN], "freq", "the time bins")
    _require(corpus, [S.PUBLISHED], "corpus")
    if by not in corpus.columns:
        raise ValueError(
            f"by {by!r} is not a column of the corpus; its columns are {list(map(str, corpus.columns))}"
        )
    if not pd.api.types.is_datetime64_any_dtype(corpus[S.PUBLISHED]):
        raise ValueError(
            f"corpus column 'published' must be datetime64, found dtype {corpus[S.PUBLISHED].dtype}"
        )
    dated = corpus[corpus[S.PUBLISHED].notna()]
    undated = len(corpus) - len(dated)
    if dated.empty:
        raise ValueError(f"corpus has no dated articles: 'published' is NaT in all {len(corpus)} rows")
    day = dated[S.PUBLISHED].dt.normalize()
    if freq == "auto":
        span = (day.max() - day.min()).days + 1
        freq = "D" if span <= DAYS_UP_TO else "W" if span <= WEEKS_UP_TO else "M"
    rule, length, unit = _BIN[freq]
    if freq == "W":
        day = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    elif freq == "M":
        day = day - pd.to_timedelta(day.dt.day - 1, unit="D")
    groups = _unique(dated[by].astype(object).where(dated[by].notna(), "unknown"))
    keys = dated[by].astype(object).where(dated[by].notna(), "unknown")
    days = pd.date_range(day.min(), day.max(), freq=rule)
    counts = pd.crosstab(keys, day).reindex(index=groups, columns=days, fill_value=0).to_numpy(dtype=float)
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise ValueError(f"top is {top!r}; it must be a whole number of groups, 1 or more")
    top = min(top, LEGEND_ITEMS - 1)
    colors = _colors(len(groups))
    if len(groups) > top:  # the largest groups one by one, the rest gathered in one grey "other" series
        order = sorted(range(len(groups)), key=lambda j: -counts[j].sum())  # stable: first-seen on ties
        kept, rest = order[:top], order[top:]
        other = counts[rest].sum(axis=0)
        n_rest = int(other.sum())
        names = [
            _short(n) for n in _group_names(dated.assign(**{by: keys}), by, [groups[j] for j in kept], labels)
        ]
        names.append(f"other ({_noun(by, len(rest))}, {n_rest} article{'s' if n_rest != 1 else ''})")
        counts = np.vstack([counts[kept], other[None, :]])
        colors = [*_colors(top), (0.7, 0.7, 0.7, 1.0)]
    else:
        names = [_short(n) for n in _group_names(dated.assign(**{by: keys}), by, groups, labels)]

    width = min(MAX_TIME_WIDTH, max(4.5, 1.5 + 0.45 * len(days)))
    ax = _new_axes(ax, (width + _legend_width(names), 4.0))
    bottom = np.zeros(len(days))
    for j, (name, color) in enumerate(zip(names, colors, strict=True)):
        if kind == "bar":
            edge = 0.5 if len(days) <= 60 else 0.0
            ax.bar(
                days,
                counts[j],
                0.8 * length,
                bottom=bottom,
                align="edge" if freq != "D" else "center",
                color=color,
                label=name,
                edgecolor="white",
                linewidth=edge,
            )
            bottom = bottom + counts[j]
        else:
            ax.plot(
                days, counts[j], marker="o" if len(days) <= 60 else "", markersize=4, color=color, label=name
            )
    locator = AutoDateLocator(minticks=3, maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(_text(S.ARTICLES if freq == "D" else f"articles per {unit}", labels))
    peak = float(counts.sum(axis=0).max() if kind == "bar" else counts.max())
    ax.set_ylim(0.0, max(peak, 1.0) * 1.08)
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title)
    _legend_outside(ax, title=_text(by, labels))
    if undated:
        left_out = f"{undated} undated article{'s' if undated != 1 else ''} not shown"
        note = f"{left_out}\n{note}" if note else left_out
    _draw_note(ax, note)
    return ax


# ------------------------------------------------------------------------------------------ internals


def _check_unique(table: pd.DataFrame, keys: list[str], what: str) -> None:
    dup = table[table.duplicated(subset=keys, keep=False)]
    if len(dup):
        first = tuple(dup.iloc[0][keys].tolist())
        raise ValueError(
            f"{what} has {len(dup)} rows for the same {tuple(keys)}, e.g. {first!r}; expected one"
        )


def _format(cell: float, value: str) -> str:
    if not np.isfinite(cell):
        return "–"
    if value == S.SHARE:
        return f"{cell:.0%}"
    if value == S.COUNT:
        return f"{cell:.0f}"
    return f"{cell:.1f}"


_STANCE_MAPS = ("Blues", "Oranges", "Greens", "Purples", "Reds")
_GREY_STANCES = ("neutral", "untagged")  # drawn in greys, whatever their order


def _stance_colors(stance_of_label: Sequence[str], stances: Sequence[str]) -> list[tuple[float, ...]]:
    """One colour family per stance (greys for neutral); the labels of a stance take shades dark to light."""
    coloured = [st for st in stances if st not in _GREY_STANCES]
    per: dict[str, int] = {}
    for st in stance_of_label:
        per[st] = per.get(st, 0) + 1
    seen: dict[str, int] = {}
    colors: list[tuple[float, ...]] = []
    for st in stance_of_label:
        k = seen.get(st, 0)
        seen[st] = k + 1
        name = "Greys" if st in _GREY_STANCES else _STANCE_MAPS[coloured.index(st) % len(_STANCE_MAPS)]
        dark, light = (
            (0.75, 0.3) if name == "Greys" else (0.85, 0.3)
        )  # the lightest grey still shows on white
        shade = dark - (dark - light) * k / (per[st] - 1) if per[st] > 1 else (dark + light) / 2
        colors.append(tuple(mpl.colormaps[name](shade)))
    return colors


# ------------------------------------------------------------------------------------------ topics

_TOPIC_AXIS_TEXT = {
    S.SHARE: "share of the outlet's articles",
    S.WEIGHT: "c-TF-IDF weight",
    S.ARTICLES: "articles",
}
_OUTLIER_COLOR = (0.55, 0.55, 0.55, 1.0)
_PANEL_COLUMNS = 3  # topic_words: panels per row


def _topic_colors(topics: Sequence[int]) -> dict[int, tuple[float, float, float, float]]:
    """One colour per topic, the same in every topic chart of a model: by topic number; outliers grey."""
    real = sorted({int(t) for t in topics if int(t) >= 0})
    cmap = mpl.colormaps["tab10" if (max(real, default=0) + 1) <= 10 else "tab20"]
    colors: dict[int, tuple[float, float, float, float]] = {t: cmap(t % cmap.N) for t in real}
    colors.update({int(t): _OUTLIER_COLOR for t in topics if int(t) < 0})
    return colors


def _topic_order(topics: Sequence[Any]) -> list[int]:
    """Topics 0, 1, 2 … then the outliers (-1) last."""
    found = sorted({int(t) for t in topics})
    return [t for t in found if t >= 0] + [t for t in found if t < 0]


def _topic_labels(table: pd.DataFrame) -> dict[int, str]:
    if S.LABEL not in table.columns:
        return {int(t): f"topic {int(t)}" for t in table[S.TOPIC].unique()}
    first = table.drop_duplicates(S.TOPIC)
    return {int(t): str(lab) for t, lab in zip(first[S.TOPIC], first[S.LABEL], strict=True)}


def topics_per_outlet(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    note: str | None = None,
    title: str | None = None,
    by: str | Sequence[str] = S.OUTLET,
    orientation: Orientation = "auto",
    top: int = TOP_GROUPS,
    min_articles: int = MIN_ARTICLES,
) -> Axes:
    """A topic × outlet heatmap of shares: a row per topic (its label), a column per outlet, each cell the
    share of the outlet's articles in that topic, written out.

    ``table`` is a :meth:`framing.topics.TopicModel.per_outlet` table (``by, topic, label, count, share``;
    outlets are shown by ``outlet_name`` when it has one). Topics run 0, 1, 2 … with the outliers (-1) in the
    last row; outlets keep their first-seen order; a missing pair is a grey cell marked ``–``.
    ``ax.texts`` holds one text per cell, row by row (then the note, when given). ``by`` names the
    grouping column (``"outlet"`` unless given).

    Beyond ten groups (``orientation="auto"``; or ``"columns"``/``"rows"``) the groups become the rows.
    With more than ``top`` groups, the ``top`` with most articles (and at least ``min_articles``) are drawn
    one by one, the rest gathered as "other (k outlets, n articles)" and "fewer than 5 articles each (…)"
    with pooled shares (their articles in the topic over their articles).

    >>> table = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "topic": [0, 1, 0, 1],
    ...                       "label": ["0: حلب، حصار", "1: كيري، موسكو"] * 2, "count": [3, 1, 0, 2],
    ...                       "share": [0.75, 0.25, 0.0, 1.0]})
    >>> ax = topics_per_outlet(table)
    >>> [t.get_text() for t in ax.get_yticklabels()], [t.get_text() for t in ax.texts]
    (['0: حلب، حصار', '1: كيري، موسكو'], ['75%', '0%', '25%', '100%'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _check_choice(orientation, ["auto", "columns", "rows"], "orientation", "the orientations")
    _require(table, [S.TOPIC, S.SHARE], "table")
    _not_empty(table, "table")
    by = _by(table, by, "table")
    _check_unique(table, [by, S.TOPIC], "table")
    topics, groups = _topic_order(table[S.TOPIC].tolist()), _unique(table[by])
    size = (
        {g: float(v) for g, v in table.groupby(by, sort=False)[S.COUNT].sum().items()}
        if S.COUNT in table.columns
        else None
    )
    rows = _select(groups, size or {}, top=min(top, 36), minimum=min_articles if size else 0, unit="article")
    grid = table.pivot(index=S.TOPIC, columns=by, values=S.SHARE).reindex(index=topics, columns=rows.shown)
    cells = grid.to_numpy(dtype=float)
    labels = _topic_labels(table)
    topic_names = [_short(labels[t], 34) for t in topics]
    group_names = [_short(n) for n in _group_names(table, by, rows.shown, None)]
    if size:
        group_names = [
            f"{n} · {int(size[g])} (too few articles)" if g in rows.small else n
            for g, n in zip(rows.shown, group_names, strict=True)
        ]  # fmt: skip
    for name, members in ((rows.other_name(by), rows.other), (rows.few_name(by), rows.few)):
        if members:
            part = table[table[by].isin(members)]
            counts = part.groupby(S.TOPIC)[S.COUNT].sum().reindex(topics).fillna(0).to_numpy(dtype=float)
            cells = np.column_stack([cells, counts / counts.sum() if counts.sum() else counts * np.nan])
            group_names.append(name)
    if orientation == "auto":
        orientation = "columns" if len(group_names) <= 10 else "rows"

    longest_topic = max((len(n) for n in topic_names), default=0)
    longest_group = max((len(n) for n in group_names), default=0)
    if orientation == "columns":
        size_in = (2.8 + 0.085 * longest_topic + 1.0 * len(group_names), 1.9 + 0.42 * len(topics))
        ax = _new_axes(ax, (min(MAX_WIDTH, max(5.0, size_in[0])), min(MAX_HEIGHT, max(3.0, size_in[1]))))
        bar = _heatmap(ax, cells, value=S.SHARE, vmax=1.0, columns=group_names, rows=topic_names)
    else:
        size_in = (2.5 + 0.08 * longest_group + 0.9 * len(topics), 2.2 + 0.3 * len(group_names))
        ax = _new_axes(ax, (min(MAX_WIDTH, max(5.0, size_in[0])), min(MAX_HEIGHT, max(3.0, size_in[1]))))
        bar = _heatmap(ax, cells.T, value=S.SHARE, vmax=1.0, columns=topic_names, rows=group_names)
        if len(group_names) > len(rows.shown):
            ax.axhline(len(rows.shown) - 0.5, color="white", linewidth=3)
    bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    bar.set_label(_TOPIC_AXIS_TEXT[S.SHARE])
    if title:
        ax.set_title(title)
    _draw_note(ax, note)
    return ax


def topic_words(
    model_or_info: Any,
    *,
    topics: Sequence[int] | None = None,
    n: int = 8,
    ax: Axes | Sequence[Axes] | np.ndarray | None = None,
    note: str | None = None,
    max_topics: int = LEGEND_ITEMS,
) -> Any:
    """Bars of each topic's top ``n`` words by c-TF-IDF weight: one small panel per topic, top word first.

    ``model_or_info`` is a fitted :class:`framing.topics.TopicModel` or its
    :meth:`~framing.topics.TopicModel.top_words` table (``topic, word, weight``; ``label`` and ``size`` are
    used when present). ``topics`` picks and orders the topics (default: all but the outliers, -1, and at
    most ``max_topics`` of them, the largest; the number left out is added to the note). On a new
    figure the panels are laid out three to a row; ``ax`` may instead be one Axes (for one topic) or a
    sequence of Axes, one per topic. Returns the Axes for a single ``ax``, else an array of Axes, one per
    topic; each panel's ``patches`` hold its bars, best word first. The note goes under the panels (under
    the bottom-left one when ``ax`` is given).

    >>> words = pd.DataFrame({"topic": [0, 0, 1], "word": ["حلب", "حصار", "كيري"],
    ...                       "weight": [0.3, 0.1, 0.4], "size": [5, 5, 3]})
    >>> axes = topic_words(words)
    >>> [[t.get_text() for t in a.get_yticklabels()] for a in axes], axes[0].get_title()
    ([['حلب', 'حصار'], ['كيري']], 'topic 0 · 5 articles')
    >>> import matplotlib.pyplot as plt; plt.close(axes[0].figure)
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n is {n!r}; it must be a whole number of words, 1 or more")
    if isinstance(model_or_info, pd.DataFrame):
        table = model_or_info
        if S.WEIGHT not in table.columns and S.WORDS in table.columns:
            raise ValueError(
                "this looks like a topic_info table, which has no word weights; pass the TopicModel or its "
                "top_words() table"
            )
        _require(table, [S.TOPIC, S.WORD, S.WEIGHT], "the topic words table")
    elif hasattr(model_or_info, "top_words"):
        table = model_or_info.top_words(n)
    else:
        raise ValueError(
            f"model_or_info is a {type(model_or_info).__name__}; pass a framing.topics.TopicModel or its "
            "top_words() table"
        )
    _not_empty(table, "the topic words table")
    present = _topic_order(table[S.TOPIC].tolist())
    left_out = 0
    if topics is None:
        chosen = [t for t in present if t >= 0] or present
        if len(chosen) > max_topics:  # the largest topics (by size when the table has it)
            if S.SIZE in table.columns:
                sizes = table.drop_duplicates(S.TOPIC).set_index(S.TOPIC)[S.SIZE]
                ranked = sorted(chosen, key=lambda t: -float(sizes.get(t, 0)))
            else:
                ranked = chosen
            left_out = len(chosen) - max_topics
            chosen = [t for t in chosen if t in ranked[:max_topics]]
    else:
        chosen = [int(t) for t in topics]
        for t in chosen:
            _check_choice(t, present, "topic", "the topic words table")
    if not chosen:
        raise ValueError("topics is empty: nothing to plot")
    colors = _topic_colors(present)
    per_topic = {
        t: table[table[S.TOPIC] == t].sort_values(S.WEIGHT, ascending=False, kind="stable").head(n)
        for t in chosen
    }
    longest = max((len(str(w)) for rows in per_topic.values() for w in rows[S.WORD]), default=0)
    height = max(len(rows) for rows in per_topic.values())

    single = isinstance(ax, Axes)
    if ax is None:
        import matplotlib.pyplot as plt  # only when a figure is needed: nothing happens at import

        columns = min(_PANEL_COLUMNS, len(chosen))
        rows_count = -(-len(chosen) // columns)
        _, grid = plt.subplots(
            rows_count, columns, squeeze=False, layout="constrained",
            figsize=(
                min(MAX_WIDTH, columns * (2.6 + 0.085 * longest)),
                min(MAX_HEIGHT, rows_count * (1.1 + 0.24 * height)),
            ),
        )  # fmt: skip
        panels = list(grid.ravel())
        for extra in panels[len(chosen) :]:
            extra.remove()
        panels = panels[: len(chosen)]
    else:
        panels = [ax] if isinstance(ax, Axes) else list(np.asarray(ax, dtype=object).ravel())
        if len(panels) < len(chosen):
            raise ValueError(f"ax holds {len(panels)} Axes for {len(chosen)} topics; pass one Axes per topic")
        panels = panels[: len(chosen)]
    for panel, t in zip(panels, chosen, strict=True):
        rows = per_topic[t]
        y = np.arange(len(rows), dtype=float)
        panel.barh(y, rows[S.WEIGHT].to_numpy(dtype=float), 0.7, color=colors[t])
        panel.set_yticks(y, [str(w) for w in rows[S.WORD]])
        panel.set_ylim(height - 0.5, -0.5)
        panel.tick_params(axis="y", length=0)
        panel.spines[["top", "right"]].set_visible(False)
        panel.set_xlabel(_TOPIC_AXIS_TEXT[S.WEIGHT], fontsize=8)
        panel.tick_params(axis="x", labelsize=8)
        panel.xaxis.set_major_locator(MaxNLocator(nbins=4))
        size = rows[S.SIZE].iloc[0] if S.SIZE in rows.columns and len(rows) else None
        name = "outliers" if t < 0 else f"topic {t}"
        panel.set_title(f"{name} · {int(size)} articles" if size is not None else name, fontsize=10)
    if left_out:
        extra = f"{left_out} smaller topic{'s' if left_out != 1 else ''} not shown (choose with topics=)"
        note = f"{extra}\n{note}" if note else extra
    if note and ax is None:  # a figure of its own: the note under all panels (not widening one column)
        _figure_note(panels[0].get_figure(root=True), note)
    elif note:
        corner = min(panels, key=lambda a: (round(a.get_position().y0, 3), a.get_position().x0))
        _draw_note(corner, note)
    return panels[0] if single else np.asarray(panels, dtype=object)


def topics_over_time(
    table: pd.DataFrame,
    *,
    topics: Sequence[int] | None = None,
    ax: Axes | None = None,
    note: str | None = None,
    title: str | None = None,
) -> Axes:
    """Articles per topic over time: one line per topic (the outliers, -1, dashed grey), labelled by the
    topic's label in a legend beside the chart.

    ``table`` is a :meth:`framing.topics.TopicModel.over_time` table (``date, topic, label, count``). Its
    ``attrs["undated"]`` (articles without a date) is added to the note. ``topics`` picks the topics drawn
    (default: all). ``ax.lines`` holds one line per topic, topics 0, 1, 2 … then the outliers.

    >>> table = pd.DataFrame({"date": pd.to_datetime(["2016-07-14", "2016-07-15"] * 2),
    ...                       "topic": [0, 0, 1, 1], "label": ["0: حلب"] * 2 + ["1: كيري"] * 2,
    ...                       "count": [3, 1, 0, 2]})
    >>> ax = topics_over_time(table)
    >>> len(ax.lines), [t.get_text() for t in ax.get_legend().get_texts()]
    (2, ['0: حلب', '1: كيري'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _require(table, [S.DATE, S.TOPIC, S.COUNT], "table")
    _not_empty(table, "table")
    if not pd.api.types.is_datetime64_any_dtype(table[S.DATE]):
        raise ValueError(f"table column 'date' must be datetime64, found dtype {table['date'].dtype}")
    _check_unique(table, [S.DATE, S.TOPIC], "table")
    present = _topic_order(table[S.TOPIC].tolist())
    if topics is None:
        topics = present
    else:
        for t in topics:
            _check_choice(t, present, "topic", "the table")
        topics = _topic_order(list(topics))
        if not topics:
            raise ValueError("topics is empty: nothing to plot")
    dates = pd.DatetimeIndex(sorted(table[S.DATE].dropna().unique()))
    counts = (
        table.pivot(index=S.DATE, columns=S.TOPIC, values=S.COUNT)
        .reindex(index=dates, columns=topics)
        .fillna(0)
    )
    labels = _topic_labels(table)
    colors = _topic_colors(present)
    rest: list[int] = []
    if len(topics) > LEGEND_ITEMS:  # the largest topics one by one, the rest summed in one grey line
        real = [t for t in topics if t >= 0]
        room = LEGEND_ITEMS - 1 - (len(topics) - len(real))  # the outliers keep their own line
        ranked = sorted(real, key=lambda t: -float(counts[t].to_numpy(dtype=float).sum()))  # stable
        rest = [t for t in real if t not in ranked[:room]]
        topics = [t for t in topics if t not in rest]
    names = [_short(labels[t], 34) for t in topics]

    width = min(12.0, max(4.5, 1.5 + 0.45 * len(dates))) + _legend_width(names)
    ax = _new_axes(ax, (min(MAX_WIDTH, width), max(4.0, 1.3 + 0.27 * (len(topics) + bool(rest)))))
    for t, name in zip(topics, names, strict=True):
        if t < 0 and rest:  # the gathered topics before the outliers, which stay last
            ax.plot(
                dates, counts[rest].sum(axis=1).to_numpy(dtype=float), color="0.6", linestyle=":",
                linewidth=1.4, label=f"other topics ({len(rest)})",
            )  # fmt: skip
        ax.plot(
            dates, counts[t].to_numpy(dtype=float), marker="o", markersize=3.5, color=colors[t], label=name,
            linestyle="--" if t < 0 else "-", linewidth=1.2 if t < 0 else 1.6,
        )  # fmt: skip
    if rest and min(topics) >= 0:
        ax.plot(
            dates, counts[rest].sum(axis=1).to_numpy(dtype=float), color="0.6", linestyle=":", linewidth=1.4,
            label=f"other topics ({len(rest)})",
        )  # fmt: skip
    locator = AutoDateLocator(minticks=3, maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(_TOPIC_AXIS_TEXT[S.ARTICLES])
    ax.set_ylim(0.0, max(float(counts.to_numpy().max()) if counts.size else 0.0, 1.0) * 1.08)
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title)
    _legend_outside(ax, title="topic")
    undated = int(table.attrs.get("undated", 0) or 0)
    if undated:
        left_out = f"{undated} undated article{'s' if undated != 1 else ''} not shown"
        note = f"{left_out}\n{note}" if note else left_out
    _draw_note(ax, note)
    return ax


# ------------------------------------------------------------------------------------------ wire copies

_ROLE_SHADE = {"source": 2.0, "copy": 1.0}


def copy_matrix(
    groups: pd.DataFrame,
    *,
    titles: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    max_groups: int = 30,
    ax: Axes | None = None,
    note: str | None = None,
) -> Axes:
    """Which outlets ran which copies: one row per copy group of two or more articles (a
    :func:`framing.copies.copy_groups` table; largest groups first, at most ``max_groups``), one column per
    outlet. A cell is dark blue where the outlet ran the group's likely source, light blue where it ran a
    copy; the number written in it is the outlet's articles in the group. Rows are shown by
    ``titles[copy_group]`` (e.g. the source's title) when given, else by the group id; outlets by
    ``labels`` when given.

    >>> groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"],
    ...     "copy_group": ["a", "a", "c"], "copy_role": ["source", "copy", "single"], "copy_size": [2, 2, 1]})
    >>> ax = copy_matrix(groups, titles={"a": "كيري في موسكو"})
    >>> [t.get_text() for t in ax.get_yticklabels()], [t.get_text() for t in ax.get_xticklabels()]
    (['كيري في موسكو'], ['x', 'y'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _require(groups, [S.OUTLET, S.COPY_GROUP, S.COPY_ROLE, S.COPY_SIZE], "groups")
    shared = groups[groups[S.COPY_SIZE] > 1]
    _not_empty(shared, "groups with two or more articles (no copies were found)")
    sizes = shared.groupby(S.COPY_GROUP, sort=False)[S.COPY_SIZE].first()
    order = sizes.sort_values(ascending=False, kind="stable").index[:max_groups].tolist()
    rows = shared[shared[S.COPY_GROUP].isin(order)]
    outlets = sorted(rows[S.OUTLET].astype(str).unique())
    shade = np.full((len(order), len(outlets)), np.nan)
    count = np.zeros((len(order), len(outlets)), dtype=int)
    cells = zip(rows[S.COPY_GROUP], rows[S.OUTLET].astype(str), rows[S.COPY_ROLE], strict=True)
    for gid, outlet, role in cells:
        i, k = order.index(gid), outlets.index(outlet)
        count[i, k] += 1
        shade[i, k] = max(_ROLE_SHADE.get(str(role), 1.0), 0.0 if np.isnan(shade[i, k]) else shade[i, k])
    names = [_text(o, labels) for o in outlets]
    row_names = [_text(str(g), titles) for g in order]
    row_names = [n if len(n) <= 60 else n[:58] + "…" for n in row_names]
    ax = _new_axes(ax, (3.0 + 0.9 * len(outlets) + 0.075 * max(map(len, row_names)), 1.6 + 0.45 * len(order)))
    cmap: Colormap = mpl.colormaps["Blues"].with_extremes(bad="0.95")
    ax.imshow(np.ma.masked_invalid(shade), cmap=cmap, vmin=0.0, vmax=2.4, aspect="auto")
    for i in range(len(order)):
        for k in range(len(outlets)):
            if count[i, k]:
                ax.text(
                    k, i, str(count[i, k]), ha="center", va="center", fontsize=9,
                    color="white" if shade[i, k] >= 2.0 else "0.1",
                )  # fmt: skip
    ax.set_xticks(np.arange(len(outlets)), names)
    ax.set_yticks(np.arange(len(order)), row_names)
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    _rotate_xticks(ax, names)
    handles = [Patch(color=cmap(_ROLE_SHADE[r] / 2.4), label=r) for r in ("source", "copy")]
    ax.legend(handles=handles, title="ran the", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.set_title("Copy groups by outlet (articles per cell)")
    _draw_note(ax, note)
    return ax


def copy_label_swaps(
    counts: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    n: int = 20,
    ax: Axes | None = None,
    note: str | None = None,
) -> Axes:
    """Label swaps per copying outlet and direction: one horizontal bar per row of a
    :func:`framing.copies.count_swaps` table (``outlet_b`` = the outlet whose copy carries the new label,
    ``frame``, ``from`` → ``to``, ``swaps``), the ``n`` most frequent, coloured by frame. Outlets are shown
    by ``labels`` when given.

    >>> counts = pd.DataFrame({"outlet_a": ["w"], "outlet_b": ["x"], "frame": ["gov"], "from": ["regime"],
    ...                        "to": ["state"], "swaps": [2]})
    >>> ax = copy_label_swaps(counts)
    >>> [t.get_text() for t in ax.get_yticklabels()], len(ax.patches)
    (['x: regime → state (gov)'], 1)
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    keys = [OUTLET_B, S.FRAME, FROM, TO]
    _require(counts, [*keys, SWAPS], "counts")
    _not_empty(counts, "counts (no label swaps were found)")
    table = counts.groupby(keys, sort=False)[SWAPS].sum().reset_index()
    table = table.sort_values(SWAPS, ascending=False, kind="stable").head(n).iloc[::-1]
    frames = _unique(table[S.FRAME])
    colors = dict(zip(frames, _colors(len(frames)), strict=True))
    names = [
        f"{_text(str(o), labels)}: {a} \u2192 {b} ({f})"  # → (U+2192)
        for o, f, a, b in zip(table[OUTLET_B], table[S.FRAME], table[FROM], table[TO], strict=True)
    ]
    ax = _new_axes(ax, (3.5 + 0.075 * max(map(len, names)), 1.4 + 0.32 * len(table)))
    y = np.arange(len(table), dtype=float)
    ax.barh(y, table[SWAPS].to_numpy(), 0.7, color=[colors[f] for f in table[S.FRAME]])
    ax.set_yticks(y, names)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("label swaps against the source copy")
    ax.spines[["top", "right"]].set_visible(False)
    _draw_note(ax, note)
    return ax
