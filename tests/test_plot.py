"""framing.plot: each chart renders to PNG, draws what its data says, shows Arabic labels as given."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

import framing
from framing import plot
from tests.conftest import DATA

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

OUTLETS = ["sever_arabic", "al_marfa", "sanabel"]
NAMES_EN = {
    "sever_arabic": "Sever Arabic (fictional)",
    "al_marfa": "Al-Marfa (fictional)",
    "sanabel": "Sanabel al-Shamal Network (fictional)",
}
NAMES_AR = {"sever_arabic": "سيفير عربي", "al_marfa": "صحيفة المرفأ", "sanabel": "شبكة سنابل الشمال"}
FRAMES_AR = {
    "counter_terrorism": "مكافحة الإرهاب",
    "diplomacy": "الدبلوماسية والتفاوض",
    "assad_fate": "مصير الأسد والانتقال السياسي",
    "humanitarian": "الكلفة الإنسانية",
}


def _rates() -> pd.DataFrame:
    """A frame_rates table as framing.compare returns it: every outlet x frame, by = "outlet"."""
    rows = []
    for i, outlet in enumerate(OUTLETS):
        for k, frame in enumerate(FRAMES_AR):
            rate = 1.0 + i + 0.5 * k
            rows.append(
                {
                    "outlet": outlet,
                    "frame": frame,
                    "articles": 10,
                    "tokens": 2000,
                    "count": int(2 * rate),
                    "rate": rate,
                    "rate_low": rate - 0.5,
                    "rate_high": rate + 1.0,
                    "share": 0.1 * (i + k),
                    "share_low": 0.0,
                    "share_high": 0.9,
                }
            )
    rates = pd.DataFrame(rows)
    rates.loc[1, ["rate_low", "rate_high"]] = np.nan  # sever_arabic x diplomacy: no interval
    return rates


GOV_LABELS = [
    ("نظام الأسد", "regime"),
    ("قوات النظام", "regime"),
    ("الحكومة السورية", "state"),
    ("دمشق", "neutral"),
]


UNUSED = ("عصابات الأسد", "regime")  # a label no outlet used


def _label_choice() -> pd.DataFrame:
    """A label_choice table: referent syrian_government (al_marfa has no hits at all; one label is never
    used) and isis."""
    counts = {"sever_arabic": [0, 1, 6, 3, 0], "al_marfa": [0, 0, 0, 0, 0], "sanabel": [5, 3, 0, 2, 0]}
    rows = []
    for outlet, row in counts.items():
        total = sum(row)
        for (label, stance), count in zip([*GOV_LABELS, UNUSED], row, strict=True):
            rows.append(
                {
                    "referent": "syrian_government",
                    "label": label,
                    "stance": stance,
                    "outlet": outlet,
                    "count": count,
                    "share": count / total if total else np.nan,
                    "share_low": 0.0,
                    "share_high": 1.0,
                    "stance_share": 0.5,
                    "stance_low": 0.0,
                    "stance_high": 1.0,
                }
            )
        rows.append(
            {
                "referent": "isis",
                "label": "داعش",
                "stance": "pejorative",
                "outlet": outlet,
                "count": 2,
                "share": 1.0,
                "share_low": 0.3,
                "share_high": 1.0,
                "stance_share": 1.0,
                "stance_low": 0.3,
                "stance_high": 1.0,
            }
        )
    return pd.DataFrame(rows)


POSITIVE = ["الحكومة", "الإرهابيين", "التعاون", "موسكو", "لافروف"]
NEGATIVE = ["النظام", "الأسد", "المعارضة", "حلب"]


def _words() -> pd.DataFrame:
    """A distinctive_words table for two outlets, sorted by group then z descending."""
    z = [6.0, 4.5, 3.0, 2.0, 1.0, -0.5, -1.5, -3.5, -5.0]
    words = [*POSITIVE, *reversed(NEGATIVE)]  # NEGATIVE is most negative first
    one = pd.DataFrame(
        {
            "outlet": "sever_arabic",
            "word": words,
            "count": 9,
            "count_rest": 4,
            "log_odds": np.array(z) / 3,
            "z": z,
            "g2": np.square(z),
            "p_value": 0.01,
        }
    )
    other = one.assign(outlet="al_marfa", z=-one["z"]).sort_values("z", ascending=False)
    return pd.concat([one, other], ignore_index=True)


def _corpus() -> pd.DataFrame:
    published = pd.to_datetime(
        [
            "2016-07-14 10:00",
            "2016-07-14 22:15",
            "2016-07-15 09:00",
            "2016-07-17 13:30",
            "NaT",
            "2016-07-15 08:00",
        ]
    )
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(6)],
            "outlet": ["al_marfa", "al_marfa", "sever_arabic", "sever_arabic", "sever_arabic", "sanabel"],
            "outlet_name": ["Al-Marfa (fictional)"] * 2 + ["Sever Arabic (fictional)"] * 3 + ["Sanabel"],
            "title": ["t"] * 6,
            "published": published,
            "text": ["نص"] * 6,
        }
    )


@pytest.fixture(autouse=True)
def _close_figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def no_show(*args: object, **kwargs: object) -> None:
        raise AssertionError("a plot function called plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


def _png(ax: Axes, path: Path) -> Path:
    _figure(ax).savefig(path, dpi=80, bbox_inches="tight")
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert len(data) > 2000
    return path


def _figure(ax: Axes) -> Figure:
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    return fig


def _bars(ax: Axes) -> list[Rectangle]:
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == len(ax.patches)
    return bars


def _texts(labels: list[matplotlib.text.Text]) -> list[str]:
    return [t.get_text() for t in labels]


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def _note_is_under_the_axis_and_saved(ax: Axes, note: str) -> None:
    """The note is drawn below the x axis (tick labels included) and inside the saved (tight) figure."""
    fig = _figure(ax)
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    notes = [t for t in ax.texts if t.get_text() == note]
    assert len(notes) == 1
    box = notes[0].get_window_extent(renderer)
    axis = ax.xaxis.get_tightbbox(renderer)
    assert axis is not None
    assert box.y1 <= axis.y0 + 0.5
    tight = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)  # inches -> display
    assert tight.x0 <= box.x0 and box.x1 <= tight.x1 + 0.5 and tight.y0 <= box.y0 + 0.5


# --------------------------------------------------------------------------------- frame_rates


def test_frame_rates_draws_one_bar_per_outlet_and_frame_with_interval_whiskers(tmp_path: Path) -> None:
    rates = _rates()
    before = rates.copy()
    ax = plot.frame_rates(rates, labels={**FRAMES_AR, **NAMES_AR}, title="معدل الأطر", note=plot.DEMO_NOTE)
    _png(ax, tmp_path / "rates.png")
    assert rates.equals(before)  # input not mutated
    assert len(ax.patches) == len(OUTLETS) * len(FRAMES_AR)
    assert _texts(ax.get_xticklabels()) == list(FRAMES_AR.values())
    assert _legend(ax) == list(NAMES_AR.values())
    assert ax.get_title() == "معدل الأطر"
    heights = [p.get_height() for p in _bars(ax)]
    np.testing.assert_allclose(heights, rates["rate"])  # outlet by outlet, frames in order
    # whiskers: one vertical segment per bar with an interval, from rate_low to rate_high
    first = next(c for c in ax.containers if isinstance(c, BarContainer))
    assert first.errorbar is not None
    segments = first.errorbar.lines[2][0].get_segments()
    lows = [s[0][1] if len(s) else np.nan for s in segments]  # a NaN interval draws no whisker
    highs = [s[1][1] if len(s) else np.nan for s in segments]
    wanted = rates[rates["outlet"] == "sever_arabic"]
    np.testing.assert_allclose(lows, wanted["rate_low"], equal_nan=True)
    np.testing.assert_allclose(highs, wanted["rate_high"], equal_nan=True)
    _note_is_under_the_axis_and_saved(ax, plot.DEMO_NOTE)


def test_frame_rates_names_outlets_from_outlet_name_and_frames_from_a_lexicon(tmp_path: Path) -> None:
    lexicon = framing.load_lexicon(
        {
            "name": "t",
            "version": "1",
            "frames": [
                {
                    "id": frame,
                    "label_ar": label,
                    "label_en": frame.replace("_", " ").title(),
                    "entries": [label],
                }
                for frame, label in FRAMES_AR.items()
            ],
        }
    )
    rates = _rates().assign(outlet_name=lambda t: t["outlet"].map(NAMES_EN))
    ax = plot.frame_rates(rates, labels=plot.frame_labels(lexicon, language="en"))
    _png(ax, tmp_path / "rates_en.png")
    assert _texts(ax.get_xticklabels()) == ["Counter Terrorism", "Diplomacy", "Assad Fate", "Humanitarian"]
    assert _legend(ax) == list(NAMES_EN.values())
    assert ax.get_ylabel() == "rate per 1,000 tokens"
    # a label given for an outlet wins over outlet_name; the grouping column may be something else
    ax = plot.frame_rates(rates, labels={"al_marfa": "صحيفة المرفأ", "rate": "المعدل لكل 1000 كلمة"})
    assert _legend(ax)[1] == "صحيفة المرفأ"
    assert ax.get_ylabel() == "المعدل لكل 1000 كلمة"
    by_wire = _rates().rename(columns={"outlet": "wire"})
    ax = plot.frame_rates(by_wire, by="wire")
    assert _legend(ax) == OUTLETS
    legend = ax.get_legend()
    assert legend is not None and legend.get_title().get_text() == "wire"


def test_frame_rates_draws_on_a_given_axes(tmp_path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
    assert plot.frame_rates(_rates(), ax=right, note="note") is right
    assert len(right.patches) == 12 and not left.patches
    assert plt.get_fignums() == [fig.number]
    _png(right, tmp_path / "panel.png")


def test_frame_rates_errors_name_the_problem() -> None:
    with pytest.raises(ValueError, match=r"rates lacks column\(s\) \['rate_low', 'rate_high'\]"):
        plot.frame_rates(_rates().drop(columns=["rate_low", "rate_high"]))
    doubled = pd.concat([_rates(), _rates().head(1)])
    with pytest.raises(ValueError, match=r"rows for the same \('outlet', 'frame'\).*'sever_arabic'"):
        plot.frame_rates(doubled)


# --------------------------------------------------------------------------------- frame_heatmap


def test_frame_heatmap_writes_every_cell(tmp_path: Path) -> None:
    rates = _rates().drop(index=4)  # al_marfa x counter_terrorism missing: a grey cell
    ax = plot.frame_heatmap(rates, labels={**FRAMES_AR, **NAMES_AR}, note=plot.DEMO_NOTE)
    _png(ax, tmp_path / "heatmap.png")
    cells = [t.get_text() for t in ax.texts if t.get_text() != plot.DEMO_NOTE]
    assert len(cells) == len(OUTLETS) * len(FRAMES_AR)
    assert len(ax.texts) == len(cells) + 1
    assert cells[:6] == ["1.0", "1.5", "2.0", "2.5", "–", "2.5"]
    assert _texts(ax.get_xticklabels()) == list(FRAMES_AR.values())
    assert _texts(ax.get_yticklabels()) == list(NAMES_AR.values())
    assert len(ax.images) == 1
    _note_is_under_the_axis_and_saved(ax, plot.DEMO_NOTE)


def test_frame_heatmap_of_shares_and_counts(tmp_path: Path) -> None:
    ax = plot.frame_heatmap(_rates(), value="share")
    _png(ax, tmp_path / "share.png")
    assert [t.get_text() for t in ax.texts][:4] == ["0%", "10%", "20%", "30%"]
    ax = plot.frame_heatmap(_rates(), value="count")
    assert [t.get_text() for t in ax.texts][:2] == ["2", "3"]
    with pytest.raises(ValueError, match=r"rates has no rows"):
        plot.frame_heatmap(_rates().iloc[:0])
    with pytest.raises(ValueError, match=r"value 'tokens' .* valid choices are \['rate', 'share', 'count'\]"):
        plot.frame_heatmap(_rates(), value="tokens")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------- label_choice


def test_label_choice_stacks_each_outlets_label_shares(tmp_path: Path) -> None:
    table = _label_choice()
    before = table.copy()
    named = table.assign(outlet_name=table["outlet"].map(NAMES_AR))
    ax = plot.label_choice(named, referent="syrian_government", note=plot.DEMO_NOTE)
    _png(ax, tmp_path / "labels.png")
    assert table.equals(before)
    # the unused label and al_marfa, which never names the referent, are left out (and said so)
    named_outlets = ["sever_arabic", "sanabel"]
    assert len(ax.patches) == len(named_outlets) * len(GOV_LABELS)
    assert _texts(ax.get_yticklabels()) == [NAMES_AR[o] for o in named_outlets]
    assert _legend(ax) == [
        "regime",
        "نظام الأسد",
        "قوات النظام",
        "state",
        "الحكومة السورية",
        "neutral",
        "دمشق",
    ]
    assert ax.get_title() == "syrian_government"
    # label by label: stances first-seen, then total count in a stance (نظام الأسد 5, قوات النظام 4)
    widths = np.array([p.get_width() for p in _bars(ax)]).reshape(len(GOV_LABELS), len(named_outlets))
    np.testing.assert_allclose(widths[:, 0], [0.0, 0.1, 0.6, 0.3])  # sever_arabic
    np.testing.assert_allclose(widths[:, 1], [0.5, 0.3, 0.0, 0.2])  # sanabel
    texts = [t.get_text() for t in ax.texts]
    assert [t for t in texts if t.startswith("n = ")] == ["n = 10", "n = 10"]
    shares = ["50%", "10%", "30%", "60%", "30%", "20%"]  # those of 10% or more, label by label
    assert [t for t in texts if t.endswith("%")] == shares
    note = f"1 label without hits not shown\n1 outlet never names the referent: not shown\n{plot.DEMO_NOTE}"
    assert texts[-1] == note
    _note_is_under_the_axis_and_saved(ax, note)


def test_label_choice_shows_too_few_hits_as_such_not_as_full_bars(tmp_path: Path) -> None:
    ax = plot.label_choice(_label_choice(), referent="isis", title="داعش أم تنظيم الدولة؟")
    _png(ax, tmp_path / "isis.png")
    # every outlet names ISIS twice: one label, so its share is 100%, but two hits say little
    assert [p.get_width() for p in _bars(ax)] == [0.0, 0.0, 0.0]
    assert [t.get_text() for t in ax.texts] == ["too few hits (n = 2)"] * 3
    ax = plot.label_choice(_label_choice(), referent="isis", min_hits=2)
    assert [p.get_width() for p in _bars(ax)] == [1.0, 1.0, 1.0]
    assert [t.get_text() for t in ax.texts] == ["100%", "100%", "100%", "n = 2", "n = 2", "n = 2"]


def test_label_choice_other_referent_and_errors(tmp_path: Path) -> None:
    ax = plot.label_choice(_label_choice(), referent="isis", title="داعش أم تنظيم الدولة؟")
    _png(ax, tmp_path / "isis2.png")
    assert len(ax.patches) == len(OUTLETS)
    assert _texts(ax.get_yticklabels()) == OUTLETS
    assert ax.get_title() == "داعش أم تنظيم الدولة؟"
    with pytest.raises(
        ValueError, match=r"referent 'russia' is not in the labels table; valid choices are \['syrian_gov"
    ):
        plot.label_choice(_label_choice(), referent="russia")


# --------------------------------------------------------------------------------- distinctive_words


def test_distinctive_words_puts_the_groups_words_right_and_the_rests_left(tmp_path: Path) -> None:
    words = _words()
    before = words.copy()
    ax = plot.distinctive_words(words, group="sever_arabic", labels=NAMES_AR, note=plot.DEMO_NOTE)
    _png(ax, tmp_path / "words.png")
    assert words.equals(before)
    assert len(ax.patches) == len(POSITIVE) + len(NEGATIVE)
    assert _texts(ax.get_yticklabels()) == NEGATIVE  # most negative first, from the top
    (right,) = ax.child_axes
    assert _texts(right.get_yticklabels()) == POSITIVE
    widths = [p.get_width() for p in _bars(ax)]
    assert widths == [6.0, 4.5, 3.0, 2.0, 1.0, -5.0, -3.5, -1.5, -0.5]
    assert ax.get_title() == "سيفير عربي"
    assert "more in سيفير عربي →" in [t.get_text() for t in ax.texts]
    _note_is_under_the_axis_and_saved(ax, plot.DEMO_NOTE)


def test_distinctive_words_top_n_and_errors(tmp_path: Path) -> None:
    ax = plot.distinctive_words(_words(), group="al_marfa", n=2)
    _png(ax, tmp_path / "words_n2.png")
    assert len(ax.patches) == 4
    assert _texts(ax.get_yticklabels()) == POSITIVE[:2]  # al_marfa's z are sever_arabic's, negated
    assert _texts(ax.child_axes[0].get_yticklabels()) == NEGATIVE[:2]
    with pytest.raises(
        ValueError, match=r"group 'sindiyan' is not in .*valid choices are \['sever_arabic', 'al"
    ):
        plot.distinctive_words(_words(), group="sindiyan")
    with pytest.raises(ValueError, match=r"n is 0; it must be"):
        plot.distinctive_words(_words(), group="al_marfa", n=0)


# --------------------------------------------------------------------------------- articles_per_day


def test_articles_per_day_stacks_outlets_per_day(tmp_path: Path) -> None:
    corpus = _corpus()
    before = corpus.copy()
    ax = plot.articles_per_day(corpus, labels={"al_marfa": "صحيفة المرفأ"}, note=plot.data_note(corpus))
    _png(ax, tmp_path / "days.png")
    assert corpus.equals(before)
    days = 4  # 14 to 17 July, the 16th with zero articles
    groups = ["al_marfa", "sever_arabic", "sanabel"]
    assert len(ax.patches) == days * len(groups)
    heights = np.array([p.get_height() for p in _bars(ax)]).reshape(len(groups), days)
    np.testing.assert_array_equal(heights, [[2, 0, 0, 0], [0, 1, 0, 1], [0, 1, 0, 0]])
    assert _legend(ax) == ["صحيفة المرفأ", "Sever Arabic (fictional)", "Sanabel"]
    notes = [t.get_text() for t in ax.texts]
    assert notes == [f"1 undated article not shown\n{plot.DEMO_NOTE}"]
    _note_is_under_the_axis_and_saved(ax, notes[0])


def test_articles_per_day_as_lines(tmp_path: Path) -> None:
    ax = plot.articles_per_day(_corpus(), kind="line", by="outlet_name")
    _png(ax, tmp_path / "days_lines.png")
    assert len(ax.lines) == 3
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [2, 0, 0, 0])
    assert _legend(ax) == ["Al-Marfa (fictional)", "Sever Arabic (fictional)", "Sanabel"]
    assert [t.get_text() for t in ax.texts] == ["1 undated article not shown"]


def test_articles_per_week_and_month_for_long_coverage(tmp_path: Path) -> None:
    # Mondays: 2016-07-11 and 2016-07-18; one stray page dated 2024 (a mis-read date, say)
    published = [
        "2016-07-11 08:00",
        "2016-07-17 23:00",
        "2016-07-18 12:00",
        "2016-08-03 09:30",
        "2016-12-31 10:00",
    ]
    corpus = pd.DataFrame({"outlet": ["a", "a", "b", "a", "b"], "published": pd.to_datetime(published)})
    ax = plot.articles_per_day(corpus)  # 174 days of coverage: weeks
    _png(ax, tmp_path / "weeks.png")
    weeks = len(pd.date_range("2016-07-11", "2016-12-26", freq="7D"))  # Monday to the last Monday
    assert len(ax.patches) == 2 * weeks
    heights = np.array([p.get_height() for p in _bars(ax)]).reshape(2, weeks)
    assert heights[0, :4].tolist() == [2, 0, 0, 1] and heights[0].sum() == 3  # a: 11 and 17 Jul; 3 Aug
    assert heights[1, :2].tolist() == [0, 1] and heights[1, -1] == 1  # b: 18 Jul, 31 Dec (week of 26 Dec)
    assert ax.get_ylabel() == "articles per week"

    stray = pd.concat([corpus, pd.DataFrame({"outlet": ["b"], "published": pd.to_datetime(["2024-03-11"])})])
    ax = plot.articles_per_day(stray)
    months = (2024 - 2016) * 12 + (3 - 7) + 1  # July 2016 to March 2024
    assert len(ax.patches) == 2 * months and ax.get_ylabel() == "articles per month"
    heights = np.array([p.get_height() for p in _bars(ax)]).reshape(2, months)
    assert heights[0, :2].tolist() == [2, 1] and heights[1, 0] == 1 and heights[1, -1] == 1
    assert ax.figure.get_size_inches()[0] <= plot.MAX_TIME_WIDTH + 4  # + the legend
    daily = plot.articles_per_day(stray, freq="D")  # asked for: days, in the same width
    assert len(daily.patches) == 2 * len(pd.date_range("2016-07-11", "2024-03-11"))
    assert daily.figure.get_size_inches()[0] <= plot.MAX_TIME_WIDTH + 4
    with pytest.raises(ValueError, match=r"freq 'Y' .*valid choices are \['auto', 'D', 'W', 'M'\]"):
        plot.articles_per_day(stray, freq="Y")  # type: ignore[arg-type]


def test_articles_per_day_errors() -> None:
    with pytest.raises(
        ValueError, match=r"by 'wire' is not a column of the corpus; its columns are \['doc_id'"
    ):
        plot.articles_per_day(_corpus(), by="wire")
    with pytest.raises(ValueError, match=r"kind 'area' .*valid choices are \['bar', 'line'\]"):
        plot.articles_per_day(_corpus(), kind="area")  # type: ignore[arg-type]
    undated = _corpus().assign(published=pd.Series(pd.NaT, index=range(6), dtype="datetime64[ns]"))
    with pytest.raises(ValueError, match=r"no dated articles: 'published' is NaT in all 6 rows"):
        plot.articles_per_day(undated)


# --------------------------------------------------------------------------------- helpers


def test_frame_labels_in_either_language() -> None:
    lexicon = framing.load_lexicon(
        {
            "name": "t",
            "version": "1",
            "frames": [
                {
                    "id": "counter_terrorism",
                    "label_ar": "مكافحة الإرهاب",
                    "label_en": "Counter-terrorism",
                    "entries": ["إرهاب*"],
                },
                {"id": "diplomacy", "entries": ["محادثات"]},
            ],
        }
    )
    assert plot.frame_labels(lexicon) == {"counter_terrorism": "Counter-terrorism", "diplomacy": "diplomacy"}
    assert plot.frame_labels(lexicon, language="ar") == {
        "counter_terrorism": "مكافحة الإرهاب",
        "diplomacy": "diplomacy",  # no Arabic label: the id
    }
    with pytest.raises(ValueError, match=r"language is 'fr'; valid choices are \['en', 'ar'\]"):
        plot.frame_labels(lexicon, language="fr")  # type: ignore[arg-type]


def test_data_note_marks_the_constructed_demo_corpus() -> None:
    assert plot.data_note(framing.read_corpus(DATA / "demo")) == plot.DEMO_NOTE
    assert plot.data_note(framing.read_corpus(DATA / "raw")) is None
    assert plot.data_note(pd.DataFrame({"outlet": ["x"]})) is None
    assert plot.data_note(pd.DataFrame({"outlet_name": [None, "Al-Marfa (fictional) "]})) == plot.DEMO_NOTE


def test_matplotlib_is_new_enough_to_shape_arabic() -> None:
    major, minor = (int(p) for p in matplotlib.__version__.split(".")[:2])
    assert (major, minor) >= (3, 11)


# --------------------------------------------------------------------------------- 3 to 300 groups
# Every figure, drawn for 3, 30 and 300 synthetic groups, stays within a bounded size, its tick labels
# do not overlap (bounding boxes from the renderer) and no legend lists more than 12 entries. The PNGs
# are written to FRAMING_FIGURES (when set) so that they can be looked at.

SCALE = [3, 30, 300]
MAX_PIXELS = (plot.MAX_WIDTH * 100 + 250, plot.MAX_HEIGHT * 100 + 250)  # at 100 dpi, tight bbox margins
FRAMES_7 = ["counter_terrorism", "diplomacy", "assad_fate", "humanitarian", "rivalry", "escalation", "threat"]


def _group_names_ar(n: int) -> dict[str, str]:
    """Fictional Arabic outlet names, some long, for n groups."""
    stems = ["صحيفة النخيل", "موقع الغدير الإخباري", "شبكة الرافدين", "وكالة السهل", "إذاعة الجبل الأخضر"]
    return {f"o{i:03d}": f"{stems[i % len(stems)]} {i}" for i in range(n)}


def _many_rates(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    rows = []
    for i, outlet in enumerate(_group_names_ar(n)):
        articles = int(rng.integers(1, 40)) if i % 3 else 2  # a third of the outlets have 2 articles
        for frame in FRAMES_7:
            rate = float(rng.gamma(2.0, 1.5))
            rows.append(
                {
                    "outlet": outlet, "frame": frame, "articles": articles, "tokens": 300 * articles,
                    "count": round(rate * 0.3 * articles), "rate": rate, "rate_low": 0.6 * rate,
                    "rate_high": 1.5 * rate, "share": float(rng.uniform()), "share_low": 0.0,
                    "share_high": 1.0,
                }
            )  # fmt: skip
    return pd.DataFrame(rows)


def _many_labels(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    labels = [*GOV_LABELS, UNUSED, ("الدولة السورية", "state"), ("الرئيس السوري", "neutral")]
    labels += [(f"تسمية {k}", "regime") for k in range(8)]  # many labels: the legend must stay short
    rows = []
    for i, outlet in enumerate(_group_names_ar(n)):
        counts = rng.poisson(rng.uniform(0.0, 3.0, len(labels))) if i % 4 else np.zeros(len(labels), int)
        total = int(counts.sum())
        for (label, stance), count in zip(labels, counts, strict=True):
            share = count / total if total else np.nan
            rows.append(
                {
                    "referent": "syrian_government", "label": label, "stance": stance, "outlet": outlet,
                    "count": int(count), "share": share,
                    "share_low": max(share - 0.2, 0.0) if total else np.nan,
                    "share_high": min(share + 0.2, 1.0) if total else np.nan,
                }
            )  # fmt: skip
    return pd.DataFrame(rows)


def _many_corpus(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    names = _group_names_ar(n)
    outlets = [o for o in names for _ in range(int(rng.integers(1, 4)))]
    days = pd.Timestamp("2016-07-11") + pd.to_timedelta(rng.integers(0, 8, len(outlets)), unit="D")
    return pd.DataFrame(
        {"outlet": outlets, "outlet_name": [names[o] for o in outlets], "published": days, "text": "نص"}
    )


def _many_topics(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    topics = [-1, 0, 1, 2, 3, 4]
    rows = []
    for outlet in _group_names_ar(n):
        counts = rng.poisson(1.5, len(topics))
        for t, c in zip(topics, counts, strict=True):
            rows.append(
                {"outlet": outlet, "topic": t, "label": f"{t}: حلب، حصار، كيري" if t >= 0 else "-1: outliers",
                 "count": int(c), "share": c / counts.sum() if counts.sum() else 0.0}
            )  # fmt: skip
    return pd.DataFrame(rows)


def _topics_in_time(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    dates = pd.date_range("2016-07-11", "2016-07-18")
    rows = [
        {"date": d, "topic": t, "label": f"{t}: موسكو، واشنطن {t}", "count": int(rng.poisson(2))}
        for t in range(-1, n - 1)
        for d in dates
    ]
    return pd.DataFrame(rows)


def _topic_words_table(n: int) -> pd.DataFrame:
    rows = [
        {"topic": t, "word": w, "weight": 0.5 / (k + 1), "size": 100 - t}
        for t in range(n)
        for k, w in enumerate(["حلب", "الحصار", "كيري", "موسكو", "الهدنة", "النصرة"])
    ]
    return pd.DataFrame(rows)


def _draw(name: str, n: int) -> Figure:
    """One figure of `name` for n synthetic groups (or topics)."""
    if name == "frame_rates":
        ax = plot.frame_rates(
            _many_rates(n), labels=_group_names_ar(n), title="معدلات الأطر", note=plot.DEMO_NOTE
        )
    elif name == "frame_heatmap":
        ax = plot.frame_heatmap(_many_rates(n), labels=_group_names_ar(n), note=plot.DEMO_NOTE)
    elif name == "label_choice":
        table = _many_labels(n)
        table["outlet_name"] = table["outlet"].map(_group_names_ar(n))
        ax = plot.label_choice(table, referent="syrian_government", by="outlet", note=plot.DEMO_NOTE)
    elif name == "distinctive_words":
        words = pd.concat([_words().assign(outlet=f"o{i:03d}") for i in range(n)], ignore_index=True)
        ax = plot.distinctive_words(words, group="o001", by="outlet", labels=_group_names_ar(n))
    elif name == "articles_per_day":
        ax = plot.articles_per_day(_many_corpus(n), note=plot.DEMO_NOTE)
    elif name == "topics_per_outlet":
        ax = plot.topics_per_outlet(_many_topics(n), note=plot.DEMO_NOTE)
    elif name == "topics_over_time":
        ax = plot.topics_over_time(_topics_in_time(n), note=plot.DEMO_NOTE)
    else:
        ax = plot.topic_words(_topic_words_table(n), note=plot.DEMO_NOTE)[0]
    return _figure(ax)


FIGURES = [
    "frame_rates", "frame_heatmap", "label_choice", "distinctive_words", "articles_per_day",
    "topics_per_outlet", "topics_over_time", "topic_words",
]  # fmt: skip


def _overlapping(texts: list[matplotlib.text.Text], renderer: object) -> list[tuple[str, str]]:
    """Pairs of neighbouring tick labels whose boxes overlap (rotated ones: whose lines come too close)."""
    shown = [t for t in texts if t.get_visible() and t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in shown]  # type: ignore[arg-type]
    found = []
    pairs = list(zip(shown, boxes, strict=True))
    for (a, box_a), (b, box_b) in itertools.pairwise(pairs):
        angle = np.deg2rad(a.get_rotation())
        if angle:  # rotated: the distance between their anchors across the text direction
            ax_, ay_ = a.get_transform().transform(a.get_position())
            bx_, by_ = b.get_transform().transform(b.get_position())
            apart = abs((bx_ - ax_) * np.sin(angle) - (by_ - ay_) * np.cos(angle))
            if apart < 0.9 * a.get_fontsize() * a.get_figure(root=True).dpi / 72:  # type: ignore[union-attr]
                found.append((a.get_text(), b.get_text()))
        elif box_a.overlaps(box_b) and box_a.intersection(box_a, box_b) is not None:
            inter = box_a.intersection(box_a, box_b)
            if inter is not None and inter.width > 0.5 and inter.height > 0.5:
                found.append((a.get_text(), b.get_text()))
    return found


@pytest.mark.parametrize("n", SCALE)
@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_stays_readable_from_3_to_300_groups(name: str, n: int, tmp_path: Path) -> None:
    fig = _draw(name, n)
    folder = Path(os.environ.get("FRAMING_FIGURES", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{n}.png"
    fig.savefig(path, dpi=100, bbox_inches="tight")
    with Image.open(path) as image:
        width, height = image.size
    assert width <= MAX_PIXELS[0] and height <= MAX_PIXELS[1], (name, n, width, height)
    assert width >= 300 and height >= 200
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    for ax in fig.axes:
        for axis_labels in (ax.get_xticklabels(), ax.get_yticklabels()):
            assert _overlapping(list(axis_labels), renderer) == [], (name, n, ax.get_title())
        ticks = [t for t in ax.get_yticklabels() if t.get_text()]
        assert len(ticks) <= plot.TOP_GROUPS + 2  # top-N rows, then "other" and "too few" at most
        legend = ax.get_legend()
        if legend is not None:
            assert len(legend.get_texts()) <= plot.LEGEND_ITEMS
    for legend in fig.legends:
        assert len(legend.get_texts()) <= plot.LEGEND_ITEMS
    plt.close(fig)


def test_many_groups_gather_the_rest_and_the_too_small() -> None:
    rates = _many_rates(300)
    ax = plot.frame_rates(rates, note=plot.DEMO_NOTE)
    names = _texts(ax.get_yticklabels())
    sizes = rates.drop_duplicates("outlet").set_index("outlet")["articles"]
    small, enough = int((sizes < 5).sum()), sizes[sizes >= 5].sort_values(ascending=False, kind="stable")
    shown = len(names) - 2
    assert names[:shown] == list(enough.index[:shown])  # the largest outlets first
    rest = enough.index[shown:]
    assert names[-2] == f"other ({len(rest)} outlets, {int(sizes[rest].sum())} articles)"
    assert (
        names[-1] == f"fewer than 5 articles each ({small} outlets, {int(sizes[sizes < 5].sum())} articles)"
    )
    # the pooled rate of the "other" row is its hits over its tokens, drawn as a diamond
    part = rates[rates["outlet"].isin(rest) & (rates["frame"] == FRAMES_7[0])]
    pooled = 1000 * part["count"].sum() / part["tokens"].sum()
    diamonds = [line for line in ax.lines if line.get_marker() == "D"]
    assert diamonds[0].get_xdata()[0] == pytest.approx(pooled)
    # with few groups, every one is drawn, the too small ones named so (hollow marks, no interval)
    few = rates[rates["outlet"].isin(["o000", "o001", "o002", "o003", "o004", "o005"])]
    ax = plot.frame_rates(few)
    assert _texts(ax.get_yticklabels())[0] == "o000 (2 articles)"
    assert plot.frame_rates(few, kind="bars").get_legend() is not None


def test_by_names_the_grouping_column_explicitly() -> None:
    regions = {"sever_arabic": "روسيا", "al_marfa": "أوروبا", "sanabel": "الشام"}
    rates = _rates().assign(region=lambda t: t["outlet"].map(regions))  # two columns that could group
    assert _legend(plot.frame_rates(rates)) == OUTLETS  # by="outlet" unless told
    assert _legend(plot.frame_rates(rates, by="region")) == list(regions.values())
    with pytest.raises(
        ValueError, match=r"by 'alignment' is not a column of rates; its columns are \['outlet'"
    ):
        plot.frame_rates(rates, by="alignment")
    # a table grouped by another column is never guessed: the error names its columns and its by=
    by_region = rates.drop(columns=["outlet"])
    by_region.attrs["provenance"] = {"by": "region"}
    with pytest.raises(
        ValueError,
        match=r"by 'outlet' is not a column of rates; its columns are \['frame'.*'region'\]; "
        r"the table was made with by='region'",
    ):
        plot.frame_rates(by_region)
    for chart in (plot.frame_rates, plot.frame_heatmap):
        assert _legend_or_rows(chart(by_region, by="region")) == list(regions.values())
    # by= a list names the joined column that framing.compare made for it
    editions = rates.rename(columns={"region": "outlet+language"})
    ax = plot.frame_heatmap(editions, by=["outlet", "language"])
    assert _texts(ax.get_yticklabels()) == list(regions.values())


def test_no_chart_guesses_the_grouping_column() -> None:
    labels = pd.DataFrame({"referent": ["gov"] * 2, "label": ["النظام", "الحكومة"], "stance": ["r", "s"],
                           "country": ["EG", "EG"], "count": [1, 2], "share": [1 / 3, 2 / 3]})  # fmt: skip
    words = pd.DataFrame({"country": ["EG"] * 2, "word": ["حلب", "موسكو"], "z": [2.0, -1.0]})
    topics = pd.DataFrame({"country": ["EG", "EG"], "topic": [0, 1], "label": ["0: حلب", "1: موسكو"],
                           "count": [1, 1], "share": [0.5, 0.5]})  # fmt: skip
    charts = [
        (lambda by: plot.label_choice(labels, referent="gov", **by), "labels"),
        (lambda by: plot.distinctive_words(words, group="EG", **by), "words"),
        (lambda by: plot.topics_per_outlet(topics, **by), "table"),
    ]
    for chart, what in charts:
        with pytest.raises(ValueError, match=rf"by 'outlet' is not a column of {what}; its columns are"):
            chart({})
        assert isinstance(chart({"by": "country"}), Axes)
        plt.close("all")


def _legend_or_rows(ax: Axes) -> list[str]:
    """The group names of a chart: its legend (bars) or its row names (heatmap)."""
    legend = ax.get_legend()
    return _legend(ax) if legend is not None else _texts(ax.get_yticklabels())
