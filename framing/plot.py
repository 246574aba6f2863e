"""Figures: frame rates by outlet, outlet × frame heatmap, label choice, distinctive words, articles per day.

Every chart function takes tidy data (the tables of :mod:`framing.compare`, or a corpus) and an optional
``ax``; it draws on that Axes (or on a new figure with constrained layout), returns the Axes and never calls
``plt.show()``. Inputs are never mutated.

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

FRAME = "frame"
# The fixed columns of the framing.compare tables; the grouping column (`by`) is the one left over.
RATE_COLUMNS: tuple[str, ...] = (
    FRAME, "articles", "tokens", "count", "rate", "rate_low", "rate_high", "share", "share_low", "share_high",
)  # fmt: skip
LABEL_COLUMNS: tuple[str, ...] = (
    "referent", "label", "stance", "count", "share", "share_low", "share_high",
    "stance_share", "stance_low", "stance_high",
)  # fmt: skip
WORD_COLUMNS: tuple[str, ...] = ("word", "count", "count_rest", "log_odds", "z", "g2", "p_value")

HeatmapValue = Literal["rate", "share", "count"]
DayKind = Literal["bar", "line"]
DayBin = Literal["auto", "D", "W", "M"]
# freq="auto": days up to this many days of coverage, then weeks up to WEEKS_UP_TO days, then months
DAYS_UP_TO = 92
WEEKS_UP_TO = 3 * 366
_BIN = {"D": ("D", 1, "day"), "W": ("W-MON", 7, "week"), "M": ("MS", 30, "month")}
MAX_TIME_WIDTH = 16.0  # inches: a long archive gets thinner bars, not a wider figure
Language = Literal["en", "ar"]

_AXIS_TEXT = {
    "rate": "rate per 1,000 tokens",
    "share": "share of articles using the frame",
    "count": "hits",
    "z": "z-score of the log-odds ratio (informative Dirichlet prior)",
    "articles": "articles",
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


def _group_column(table: pd.DataFrame, fixed: Sequence[str], what: str) -> str:
    """The grouping column (`by`) of a framing.compare table: the one column that is not a fixed one."""
    extra = [str(c) for c in table.columns if c not in fixed]
    if len(extra) > 1:
        extra = [c for c in extra if c != S.OUTLET_NAME]
    if len(extra) == 1:
        return extra[0]
    if len(table.columns) and str(table.columns[0]) not in fixed:  # the contract puts `by` first
        return str(table.columns[0])
    raise ValueError(
        f"cannot tell the grouping column of {what}: expected one column besides {list(fixed)}, "
        f"found {extra or 'none'} in {list(map(str, table.columns))}"
    )


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
                k, i, _format(cell, value), ha="center", va="center", fontsize=9,
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


def frame_rates(
    rates: pd.DataFrame,
    *,
    ax: Axes | None = None,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    note: str | None = None,
) -> Axes:
    """Grouped bars of frame rates: a group per frame, a bar per outlet, ``rate_low``–``rate_high`` whiskers.

    ``rates`` is a :func:`framing.compare.frame_rates` table (``by, frame, rate, rate_low, rate_high``; other
    columns are ignored). Frames and outlets keep their first-seen order; a missing (outlet, frame) pair draws
    an empty bar and a NaN interval draws no whisker. ``ax.patches`` holds frames × outlets bars, outlet by
    outlet.

    >>> rates = pd.DataFrame({"outlet": ["a"], "frame": ["t"], "rate": [1.0], "rate_low": [0.5],
    ...                       "rate_high": [2.0]})
    >>> ax = frame_rates(rates, title="Frames")
    >>> ax.get_title(), [t.get_text() for t in ax.get_legend().get_texts()]
    ('Frames', ['a'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _require(rates, [FRAME, "rate", "rate_low", "rate_high"], "rates")
    _not_empty(rates, "rates")
    by = _group_column(rates, RATE_COLUMNS, "rates")
    _check_unique(rates, [by, FRAME], "rates")
    frames, groups = _unique(rates[FRAME]), _unique(rates[by])
    table = rates.set_index([by, FRAME])
    grid = pd.MultiIndex.from_product([groups, frames])
    rate = table["rate"].reindex(grid).to_numpy(dtype=float).reshape(len(groups), len(frames))
    low = table["rate_low"].reindex(grid).to_numpy(dtype=float).reshape(rate.shape)
    high = table["rate_high"].reindex(grid).to_numpy(dtype=float).reshape(rate.shape)

    frame_names = [(labels or {}).get(str(f), str(f)) for f in frames]
    group_names = _group_names(rates, by, groups, labels)
    width = 0.8 / max(len(groups), 1)
    ax = _new_axes(
        ax, (max(4.5, 1.5 + len(frames) * (0.3 + 0.22 * len(groups))) + _legend_width(group_names), 4.8)
    )
    x = np.arange(len(frames), dtype=float)
    for j, (name, color) in enumerate(zip(group_names, _colors(len(groups)), strict=True)):
        below = np.clip(rate[j] - low[j], 0.0, None)
        above = np.clip(high[j] - rate[j], 0.0, None)
        ax.bar(
            x - 0.4 + width * (j + 0.5),
            rate[j],
            width,
            yerr=np.vstack([below, above]),
            label=name,
            color=color,
            error_kw={"elinewidth": 1.0, "capsize": 2.0, "ecolor": "0.2"},
        )
    ax.set_xticks(x, frame_names)
    _rotate_xticks(ax, frame_names)
    ax.set_ylabel(_text("rate", labels))
    ax.set_ylim(bottom=0.0)
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title)
    if groups:
        _legend_outside(ax, title=_text(by, labels))
    _draw_note(ax, note)
    return ax


def frame_heatmap(
    rates: pd.DataFrame,
    *,
    value: HeatmapValue = "rate",
    ax: Axes | None = None,
    labels: Mapping[str, str] | None = None,
    note: str | None = None,
    title: str | None = None,
) -> Axes:
    """An outlet × frame heatmap of ``value`` (``"rate"``, ``"share"`` or ``"count"``), each cell written out.

    ``rates`` is a :func:`framing.compare.frame_rates` table. Rows are outlets, columns frames (first-seen
    order); a missing pair is a grey cell marked ``–``. ``ax.texts`` holds one text per cell, row by row (then
    the note, when given); the colour bar is drawn beside the Axes.

    >>> rates = pd.DataFrame({"outlet": ["a", "b"], "frame": ["t", "t"], "rate": [1.0, 2.5],
    ...                       "share": [0.5, 1.0], "count": [1, 4]})
    >>> ax = frame_heatmap(rates, value="share")
    >>> [t.get_text() for t in ax.texts]
    ['50%', '100%']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _check_choice(value, ["rate", "share", "count"], "value", "the heatmap's choices")
    _require(rates, [FRAME, value], "rates")
    _not_empty(rates, "rates")
    by = _group_column(rates, RATE_COLUMNS, "rates")
    _check_unique(rates, [by, FRAME], "rates")
    frames, groups = _unique(rates[FRAME]), _unique(rates[by])
    grid = rates.pivot(index=by, columns=FRAME, values=value).reindex(index=groups, columns=frames)
    cells = grid.to_numpy(dtype=float)

    frame_names = [(labels or {}).get(str(f), str(f)) for f in frames]
    group_names = _group_names(rates, by, groups, labels)
    longest = max((len(n) for n in group_names), default=0)
    ax = _new_axes(
        ax, (max(5.0, 2.5 + 0.09 * longest + 1.1 * len(frames)), max(3.0, 1.8 + 0.45 * len(groups)))
    )
    finite = cells[np.isfinite(cells)]
    top = float(finite.max()) if finite.size else 1.0
    vmax = 1.0 if value == "share" else (top if top > 0 else 1.0)
    bar = _heatmap(ax, cells, value=value, vmax=vmax, columns=frame_names, rows=group_names)
    if value == "share":
        bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    bar.set_label(_text(value, labels))
    if title:
        ax.set_title(title)
    _draw_note(ax, note)
    return ax


def label_choice(
    labels: pd.DataFrame,
    *,
    referent: str,
    ax: Axes | None = None,
    note: str | None = None,
    title: str | None = None,
) -> Axes:
    """Stacked horizontal bars: for one referent, each outlet's share of each label (one bar per outlet).

    ``labels`` is a :func:`framing.compare.label_choice` table (``referent, label, stance, by, count,
    share``; a label without a stance is ``untagged``). Labels no outlet used are left out (their number is
    added to the note). Segments are ordered by stance (first-seen), then by the label's total count; the
    labels of a stance share a colour family, and the legend lists them under a bold header per stance.
    Shares of 10% or more are written in their segment, and each outlet's number of hits (``n``) after its
    bar; an outlet without hits has an empty bar. ``ax.patches`` holds outlets × used labels segments,
    label by label. Outlets are shown by ``outlet_name`` when the table has it (add the column to show
    other names, e.g. Arabic ones).

    >>> table = pd.DataFrame({"referent": ["gov"] * 2, "label": ["نظام الأسد", "الحكومة السورية"],
    ...                       "stance": ["regime", "state"], "outlet": ["a", "a"], "count": [3, 1],
    ...                       "share": [0.75, 0.25]})
    >>> ax = label_choice(table, referent="gov")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['regime', 'نظام الأسد', 'state', 'الحكومة السورية']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _require(labels, ["referent", "label", "stance", "count", "share"], "labels")
    by = _group_column(labels, LABEL_COLUMNS, "labels")
    _check_choice(referent, _unique(labels["referent"]), "referent", "the labels table")
    rows = labels[labels["referent"] == referent]
    rows = rows.assign(stance=rows["stance"].where(rows["stance"].notna(), "untagged").astype(str))
    _check_unique(rows, [by, "label"], f"labels of referent {referent!r}")
    groups = _unique(rows[by])
    totals = rows.groupby("label", sort=False)["count"].sum()
    unused = int((totals <= 0).sum())  # labels no outlet used: left out, counted in the note
    used = rows[rows["label"].isin(totals[totals > 0].index)]
    stances = _unique(used["stance"])
    stance_of = {lab: str(st) for lab, st in zip(used["label"], used["stance"], strict=True)}
    order = sorted(
        _unique(used["label"]), key=lambda lab: (stances.index(stance_of[lab]), -float(totals[lab]))
    )
    share = (
        used.set_index(["label", by])["share"]
        .reindex(pd.MultiIndex.from_product([order, groups]))
        .to_numpy(dtype=float)
        .reshape(len(order), len(groups))
    )
    share = np.nan_to_num(share, nan=0.0)
    hits = rows.groupby(by, sort=False)["count"].sum().reindex(groups).fillna(0).astype(int).to_numpy()

    group_names = _group_names(rows, by, groups, None)
    colors = _stance_colors([stance_of[lab] for lab in order], stances)
    entries = len(order) + len(stances)
    columns = 1 if entries <= 24 else 2
    height = max(2.8, 1.6 + 0.5 * len(groups), 1.0 + 0.22 * -(-entries // columns))
    ax = _new_axes(ax, (5.5 + _legend_width(group_names) + columns * _legend_width(order), height))
    y = np.arange(len(groups), dtype=float)
    left = np.zeros(len(groups))
    segments: dict[str, BarContainer] = {}
    for i, (lab, color) in enumerate(zip(order, colors, strict=True)):
        segments[lab] = ax.barh(y, share[i], 0.7, left=left, color=color, label=str(lab), edgecolor="white")
        for j in range(len(groups)):
            if share[i, j] >= 0.1:
                lum = 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]
                ax.text(
                    left[j] + share[i, j] / 2, y[j], f"{share[i, j]:.0%}", ha="center", va="center",
                    fontsize=8, color="white" if lum < 0.5 else "0.1",
                )  # fmt: skip
        left = left + share[i]
    for j in range(len(groups)):
        ax.annotate(
            f"n = {hits[j]}", xy=(1.0, y[j]), xytext=(4.0, 0.0), textcoords="offset points", ha="left",
            va="center", fontsize=8, color="0.3", annotation_clip=False,
        )  # fmt: skip
    ax.set_yticks(y, group_names)
    ax.set_xlim(0.0, 1.12)
    ax.set_xticks(np.linspace(0.0, 1.0, 5))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.spines["bottom"].set_bounds(0.0, 1.0)
    ax.set_xlabel(_AXIS_TEXT["label_share"])
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title if title is not None else str(referent))
    if order:  # the labels, grouped under a bold header per stance
        handles: list[Artist] = []
        names: list[str] = []
        headers: list[int] = []
        for stance in stances:
            headers.append(len(names))
            handles.append(Patch(facecolor="none", edgecolor="none"))
            names.append(stance)
            for lab in order:
                if stance_of[lab] == stance:
                    handles.append(segments[lab].patches[0])
                    names.append(str(lab))
        legend = ax.legend(
            handles, names, title="label, by stance", loc="upper left", bbox_to_anchor=(1.01, 1.0),
            borderaxespad=0.0, frameon=False, fontsize=9, ncols=columns,
        )  # fmt: skip
        texts = legend.get_texts()
        for k in headers:
            texts[k].set_fontweight("bold")
    if unused:
        left_out = f"{unused} label{'s' if unused != 1 else ''} without hits not shown"
        note = f"{left_out}\n{note}" if note else left_out
    _draw_note(ax, note)
    return ax


def distinctive_words(
    words: pd.DataFrame,
    *,
    group: str,
    n: int = 15,
    ax: Axes | None = None,
    note: str | None = None,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> Axes:
    """A two-sided bar chart of a group's distinctive words: its top ``n`` z-scores to the right, the ``n``
    most negative (the words of the rest) to the left.

    ``words`` is a :func:`framing.compare.distinctive_words` table (``by, word, z``). Row ``i`` from the top
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
    _require(words, ["word", "z"], "words")
    by = _group_column(words, WORD_COLUMNS, "words")
    _check_choice(group, _unique(words[by]), "group", f"the words table's {by!r} column")
    rows = words[(words[by] == group) & words["z"].notna()]
    pos = rows[rows["z"] > 0].sort_values("z", ascending=False, kind="stable").head(n)
    neg = rows[rows["z"] < 0].sort_values("z", ascending=True, kind="stable").head(n)
    name = _group_names(rows, by, [group], labels)[0]

    height = max(len(pos), len(neg), 1)
    longest = max((len(str(w)) for w in rows["word"]), default=0)
    ax = _new_axes(ax, (max(7.0, 5.0 + 0.18 * longest), max(3.0, 1.6 + 0.28 * height)))
    ax.barh(np.arange(len(pos)), pos["z"].to_numpy(dtype=float), 0.7, color="tab:blue", label=name)
    ax.barh(np.arange(len(neg)), neg["z"].to_numpy(dtype=float), 0.7, color="0.6", label="rest")
    ax.set_yticks(np.arange(len(neg)), [str(w) for w in neg["word"]])
    right = ax.secondary_yaxis("right")
    right.set_yticks(np.arange(len(pos)), [str(w) for w in pos["word"]])
    for axis in (ax, right):
        axis.tick_params(axis="y", length=0)
    ax.set_ylim(height - 0.5, -0.5)
    top = float(rows["z"].abs().max()) if len(rows) else 1.0
    ax.set_xlim(-1.05 * top, 1.05 * top)
    ax.axvline(0.0, color="0.2", linewidth=0.8)
    ax.set_xlabel(_text("z", labels))
    ax.spines[["top", "right", "left"]].set_visible(False)
    right.spines["right"].set_visible(False)
    ax.text(0.0, 1.01, "← more in the rest", transform=ax.transAxes, ha="left", va="bottom", fontsize=9)
    ax.text(1.0, 1.01, f"more in {name} →", transform=ax.transAxes, ha="right", va="bottom", fontsize=9)
    ax.set_title(title if title is not None else name, pad=18)
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
) -> Axes:
    """Articles per day and outlet (or ``by`` group), from ``published``: stacked bars or one line per group.

    Days run from the first to the last dated article, with zeros filled in; the day is the date printed
    on the page (the outlet's local time). Undated articles (NaT) are left out and counted in a note under
    the chart. ``kind="bar"`` stacks the groups (``ax.patches`` holds bins × groups bars, group by group);
    ``kind="line"`` draws one line per group (``ax.lines``). ``freq``: ``"D"`` days, ``"W"`` weeks from
    Monday, ``"M"`` calendar months; ``"auto"`` takes days for up to 92 days of coverage, weeks for up to
    three years, months beyond — so a whole archive (or one stray date) gives a readable chart, not a
    figure hundreds of inches wide.

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
    names = _group_names(dated.assign(**{by: keys}), by, groups, labels)

    width = min(MAX_TIME_WIDTH, max(4.5, 1.5 + 0.45 * len(days)))
    ax = _new_axes(ax, (width + _legend_width(names), 4.0))
    colors = _colors(len(groups))
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
    ax.set_ylabel(_text("articles" if freq == "D" else f"articles per {unit}", labels))
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
    if value == "share":
        return f"{cell:.0%}"
    if value == "count":
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

TOPIC = "topic"
# The fixed columns of framing.topics' per-outlet table; the grouping column (`by`) is the one left over.
TOPIC_OUTLET_COLUMNS: tuple[str, ...] = (TOPIC, "label", "count", "share")
_TOPIC_AXIS_TEXT = {
    "share": "share of the outlet's articles",
    "weight": "c-TF-IDF weight",
    "articles": "articles",
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
    if "label" not in table.columns:
        return {int(t): f"topic {int(t)}" for t in table[TOPIC].unique()}
    first = table.drop_duplicates(TOPIC)
    return {int(t): str(lab) for t, lab in zip(first[TOPIC], first["label"], strict=True)}


def topics_per_outlet(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    note: str | None = None,
    title: str | None = None,
) -> Axes:
    """A topic × outlet heatmap of shares: a row per topic (its label), a column per outlet, each cell the
    share of the outlet's articles in that topic, written out.

    ``table`` is a :meth:`framing.topics.TopicModel.per_outlet` table (``by, topic, label, count, share``;
    outlets are shown by ``outlet_name`` when it has one). Topics run 0, 1, 2 … with the outliers (-1) in the
    last row; outlets keep their first-seen order; a missing pair is a grey cell marked ``–``.
    ``ax.texts`` holds one text per cell, row by row (then the note, when given).

    >>> table = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "topic": [0, 1, 0, 1],
    ...                       "label": ["0: حلب، حصار", "1: كيري، موسكو"] * 2, "count": [3, 1, 0, 2],
    ...                       "share": [0.75, 0.25, 0.0, 1.0]})
    >>> ax = topics_per_outlet(table)
    >>> [t.get_text() for t in ax.get_yticklabels()], [t.get_text() for t in ax.texts]
    (['0: حلب، حصار', '1: كيري، موسكو'], ['75%', '0%', '25%', '100%'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    _require(table, [TOPIC, "share"], "table")
    _not_empty(table, "table")
    by = _group_column(table, TOPIC_OUTLET_COLUMNS, "table")
    _check_unique(table, [by, TOPIC], "table")
    topics, groups = _topic_order(table[TOPIC].tolist()), _unique(table[by])
    grid = table.pivot(index=TOPIC, columns=by, values="share").reindex(index=topics, columns=groups)
    cells = grid.to_numpy(dtype=float)
    labels = _topic_labels(table)
    topic_names = [labels[t] for t in topics]
    group_names = _group_names(table, by, groups, None)

    longest = max((len(n) for n in topic_names), default=0)
    ax = _new_axes(
        ax, (max(5.0, 2.8 + 0.085 * longest + 1.0 * len(groups)), max(3.0, 1.9 + 0.42 * len(topics)))
    )
    bar = _heatmap(ax, cells, value="share", vmax=1.0, columns=group_names, rows=topic_names)
    bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    bar.set_label(_TOPIC_AXIS_TEXT["share"])
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
) -> Any:
    """Bars of each topic's top ``n`` words by c-TF-IDF weight: one small panel per topic, top word first.

    ``model_or_info`` is a fitted :class:`framing.topics.TopicModel` or its
    :meth:`~framing.topics.TopicModel.top_words` table (``topic, word, weight``; ``label`` and ``size`` are
    used when present). ``topics`` picks and orders the topics (default: all but the outliers, -1). On a new
    figure the panels are laid out three to a row; ``ax`` may instead be one Axes (for one topic) or a
    sequence of Axes, one per topic. Returns the Axes for a single ``ax``, else an array of Axes, one per
    topic; each panel's ``patches`` hold its bars, best word first. The note goes under the bottom-left
    panel.

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
        if "weight" not in table.columns and "words" in table.columns:
            raise ValueError(
                "this looks like a topic_info table, which has no word weights; pass the TopicModel or its "
                "top_words() table"
            )
        _require(table, [TOPIC, "word", "weight"], "the topic words table")
    elif hasattr(model_or_info, "top_words"):
        table = model_or_info.top_words(n)
    else:
        raise ValueError(
            f"model_or_info is a {type(model_or_info).__name__}; pass a framing.topics.TopicModel or its "
            "top_words() table"
        )
    _not_empty(table, "the topic words table")
    present = _topic_order(table[TOPIC].tolist())
    if topics is None:
        chosen = [t for t in present if t >= 0] or present
    else:
        chosen = [int(t) for t in topics]
        for t in chosen:
            _check_choice(t, present, "topic", "the topic words table")
    if not chosen:
        raise ValueError("topics is empty: nothing to plot")
    colors = _topic_colors(present)
    per_topic = {
        t: table[table[TOPIC] == t].sort_values("weight", ascending=False, kind="stable").head(n)
        for t in chosen
    }
    longest = max((len(str(w)) for rows in per_topic.values() for w in rows["word"]), default=0)
    height = max(len(rows) for rows in per_topic.values())

    single = isinstance(ax, Axes)
    if ax is None:
        import matplotlib.pyplot as plt  # only when a figure is needed: nothing happens at import

        columns = min(_PANEL_COLUMNS, len(chosen))
        rows_count = -(-len(chosen) // columns)
        _, grid = plt.subplots(
            rows_count, columns, squeeze=False, layout="constrained",
            figsize=(columns * (2.6 + 0.085 * longest), rows_count * (1.1 + 0.24 * height)),
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
        panel.barh(y, rows["weight"].to_numpy(dtype=float), 0.7, color=colors[t])
        panel.set_yticks(y, [str(w) for w in rows["word"]])
        panel.set_ylim(height - 0.5, -0.5)
        panel.tick_params(axis="y", length=0)
        panel.spines[["top", "right"]].set_visible(False)
        panel.set_xlabel(_TOPIC_AXIS_TEXT["weight"], fontsize=8)
        panel.tick_params(axis="x", labelsize=8)
        panel.xaxis.set_major_locator(MaxNLocator(nbins=4))
        size = rows["size"].iloc[0] if "size" in rows.columns and len(rows) else None
        name = "outliers" if t < 0 else f"topic {t}"
        panel.set_title(f"{name} · {int(size)} articles" if size is not None else name, fontsize=10)
    if note:
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
    _require(table, ["date", TOPIC, "count"], "table")
    _not_empty(table, "table")
    if not pd.api.types.is_datetime64_any_dtype(table["date"]):
        raise ValueError(f"table column 'date' must be datetime64, found dtype {table['date'].dtype}")
    _check_unique(table, ["date", TOPIC], "table")
    present = _topic_order(table[TOPIC].tolist())
    if topics is None:
        topics = present
    else:
        for t in topics:
            _check_choice(t, present, "topic", "the table")
        topics = _topic_order(list(topics))
        if not topics:
            raise ValueError("topics is empty: nothing to plot")
    dates = pd.DatetimeIndex(sorted(table["date"].dropna().unique()))
    counts = (
        table.pivot(index="date", columns=TOPIC, values="count")
        .reindex(index=dates, columns=topics)
        .fillna(0)
    )
    labels = _topic_labels(table)
    colors = _topic_colors(present)
    names = [labels[t] for t in topics]

    width = min(12.0, max(4.5, 1.5 + 0.45 * len(dates))) + _legend_width(names)
    ax = _new_axes(ax, (width, max(4.0, 1.3 + 0.27 * len(topics))))
    for t, name in zip(topics, names, strict=True):
        ax.plot(
            dates, counts[t].to_numpy(dtype=float), marker="o", markersize=3.5, color=colors[t], label=name,
            linestyle="--" if t < 0 else "-", linewidth=1.2 if t < 0 else 1.6,
        )  # fmt: skip
    locator = AutoDateLocator(minticks=3, maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(_TOPIC_AXIS_TEXT["articles"])
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
    ax = _new_axes(
        ax, (3.0 + 0.9 * len(outlets) + 0.075 * max(map(len, row_names)), 1.6 + 0.45 * len(order))
    )
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
    _require(counts, ["outlet_b", "frame", "from", "to", "swaps"], "counts")
    _not_empty(counts, "counts (no label swaps were found)")
    keys = ["outlet_b", "frame", "from", "to"]
    table = counts.groupby(keys, sort=False)["swaps"].sum().reset_index()
    table = table.sort_values("swaps", ascending=False, kind="stable").head(n).iloc[::-1]
    frames = _unique(table["frame"])
    colors = dict(zip(frames, _colors(len(frames)), strict=True))
    names = [
        f"{_text(str(o), labels)}: {a} \u2192 {b} ({f})"  # → (U+2192)
        for o, f, a, b in zip(table["outlet_b"], table["frame"], table["from"], table["to"], strict=True)
    ]
    ax = _new_axes(ax, (3.5 + 0.075 * max(map(len, names)), 1.4 + 0.32 * len(table)))
    y = np.arange(len(table), dtype=float)
    ax.barh(y, table["swaps"].to_numpy(), 0.7, color=[colors[f] for f in table["frame"]])
    ax.set_yticks(y, names)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("label swaps against the source copy")
    ax.spines[["top", "right"]].set_visible(False)
    _draw_note(ax, note)
    return ax
