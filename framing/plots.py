"""The seven figures, one function each, drawn from the tables of :mod:`framing.measures`.

Every function takes the measure's DataFrame (never text), keyword-only options and an optional
``ax`` (one Axes, or a sequence with one Axes per panel for figures with panels), and returns the
matplotlib Figure. Each outlet (or group of articles) has one colour in every figure
(:func:`outlet_colors`), every legend says how many articles and words a group rests on, and
intervals are drawn where the measure has them. :func:`save_figure` writes PNG and SVG that are
byte-identical from run to run.

1. :func:`plot_loaded_terms`      loaded terms per 1,000 words by category, own words vs quotations
2. :func:`plot_epistemic_stance`  hedges and boosters per 1,000 words
3. :func:`plot_sourcing`          who speaks: kinds of quotation, types of source, most-quoted speakers
4. :func:`plot_reporting_verbs`   reporting verbs per 1,000 words by class
5. :func:`plot_framing_strip`     each article as a row of sentences, marked by what they contain
6. :func:`plot_distinctive_terms` words that set each outlet apart (log-odds z-scores)
7. :func:`plot_actors`            mentions of the main actors and the tone of the sentences naming them

>>> fig = plot_loaded_terms(rates(markers[markers.family == "loaded"], articles,
...                               keys=("category", "voice")))                 # doctest: +SKIP
>>> save_figure(fig, "figures/01_loaded_terms")                                # doctest: +SKIP
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from framing.io import write_atomic
from framing.measures import STRIP_FAMILIES
from framing.records import CUE_CLASSES, QUOTE_KINDS, SPEAKER_TYPES, VOICES

#: Okabe & Ito (2008), the colour-blind-safe palette, strongest contrasts first; then Paul Tol's
#: "muted" palette. Beyond these 17, colours repeat: facet or group outlets instead.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
           "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
#: Lanes of the framing strip (Paul Tol's "vibrant" palette, colour-blind safe).
LANE_COLORS = {"loaded": "#EE7733", "hedge": "#33BBEE", "booster": "#0077BB", "distancing": "#EE3377",
               "quotation": "#009988"}
LANE_LABELS = {"loaded": "Loaded term", "hedge": "Hedge", "booster": "Booster",
               "distancing": "Distancing", "quotation": "Quotation"}
#: The look of every figure: a font shipped with matplotlib, small sizes for a column's width, no
#: chart junk; fixed SVG ids and PNG resolution so that files are identical from run to run.
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans", "font.size": 8, "axes.titlesize": 8.5, "axes.titleweight": "bold",
    "axes.labelsize": 8, "xtick.labelsize": 7.5, "ytick.labelsize": 7.5, "legend.fontsize": 7.5,
    "legend.title_fontsize": 7.5, "legend.frameon": False, "figure.titlesize": 10,
    "figure.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False,
    "axes.axisbelow": True, "axes.edgecolor": "#444444", "xtick.color": "#444444",
    "ytick.color": "#444444", "axes.labelcolor": "#222222", "text.color": "#222222",
    "figure.facecolor": "white", "savefig.facecolor": "white", "savefig.dpi": 200,
    "svg.fonttype": "path", "svg.hashsalt": "framing", "svg.id": "framing",
    "axes.unicode_minus": True, "figure.constrained_layout.use": False,
}
WIDTH_COLUMN, WIDTH_PAGE = 3.5, 7.0  # inches
ERROR = {"fmt": "none", "ecolor": "#333333", "elinewidth": 0.7, "capsize": 1.5, "capthick": 0.7}
GRID = {"color": "#E5E5E5", "linewidth": 0.6}
NOTE_COLOR = "#555555"
PER_1000 = "per 1,000 words"
ZERO = "A line without a bar: none found; the line is the upper 95% bound."
KIND_LABELS = {"direct": "Direct quote", "indirect": "Indirect (reported) speech",
               "according_to": "\u201cAccording to\u201d", "scare": "Scare quotes (no speaker)"}
TYPE_LABELS = {"named_person": "Named person", "anonymous": "Anonymous", "organization": "Organisation",
               "media": "Media", "group": "Group", "unknown": "Unknown"}
VOICE_TITLES = {"author": "In the outlet\u2019s own words", "quoted": "Inside quotations",
                "": "Voice not known"}

AxesArg = Axes | Sequence[Axes] | None


# -- colours and labels ------------------------------------------------------------------------------

def outlet_colors(outlets: Iterable[object]) -> dict[str, str]:
    """One colour per outlet (or group label), assigned in sorted order from :data:`PALETTE`, so that
    the same outlets get the same colours in every figure.

    >>> outlet_colors(["OneWorld", "Krone"])
    {'Krone': '#0072B2', 'OneWorld': '#D55E00'}
    """
    names = sorted({str(o) for o in outlets})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def _by(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def group_labels(data: pd.DataFrame, by: str | Sequence[str]) -> pd.Series:
    """The group of each row as one label: the ``by`` values joined by " / "."""
    cols = _by(by)
    if data.empty:
        return pd.Series([], index=data.index, dtype=object)
    return data[cols].astype(str).agg(" / ".join, axis=1)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _sizes(data: pd.DataFrame, labels: pd.Series) -> dict[str, str]:
    """Group label -> its legend text: ``Krone (1 article, 510 words)``."""
    out = {}
    for label in sorted(set(labels)):
        row = data[labels == label].iloc[0]
        out[label] = f"{label} ({_plural(int(row['articles']), 'article')}, {_plural(int(row['words']), 'word')})"
    return out


def _tint(color: str, amount: float = 0.35) -> str:
    """``color`` mixed with white (``amount`` of the colour)."""
    rgb = np.array(to_rgb(color))
    return to_hex(1 - amount * (1 - rgb))


# -- figure scaffolding ------------------------------------------------------------------------------

def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _panels(ax: AxesArg, n: int, width: float, height: float, **subplots) -> tuple[Figure, list[Axes]]:
    """The Figure and ``n`` panel Axes: new ones, or those given by the caller."""
    if ax is None:
        fig = _figure(width, height)
        axes = fig.subplots(1, n, squeeze=False, **subplots)[0] if n else []
        return fig, list(axes)
    given = [ax] if isinstance(ax, Axes) else list(ax)
    if len(given) != n:
        raise ValueError(f"this figure has {n} panel(s); pass ax as a sequence of {n} Axes")
    return given[0].figure, given


def _head(fig: Figure, axes: Sequence[Axes], title: str, handles: list, owned: bool) -> None:
    """The figure's title and its colour key above the panels (one legend whose title is the figure
    title, so that the layout makes room for both); on a caller's Axes, a panel title and legend."""
    if not owned:
        if axes and not axes[0].get_title(loc="left"):
            axes[0].set_title(title, loc="left")
        if handles:
            axes[0].legend(handles=handles, handlelength=1.2)
        return
    if not handles:
        fig.suptitle(title, x=0.02, ha="left")
        return
    longest = max(len(h.get_label()) for h in handles)
    ncols = max(1, min(len(handles), int(fig.get_figwidth() // (0.055 * longest + 0.45))))
    fig.legend(handles=handles, loc="outside upper left", ncols=ncols, title=title, alignment="left",
               title_fontproperties={"weight": STYLE["figure.titleweight"], "size": STYLE["figure.titlesize"]},
               handlelength=1.2, columnspacing=1.5)


def _note(fig: Figure, text: str, owned: bool) -> None:
    """A small note under the panels: what the marks mean."""
    if owned and text:  # wrapped by hand: the layout cannot place a line wider than the figure
        text = textwrap.fill(text, width=int(fig.get_figwidth() * 18))
        fig.supxlabel(text, x=0.02, ha="left", fontsize=6.5, color=NOTE_COLOR, linespacing=1.3)


def _empty(ax: Axes, message: str) -> None:
    """Mark ``ax`` as having nothing to show, with ``message`` in plain words."""
    ax.tick_params(left=False, bottom=False, labelleft=False, labelbottom=False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color=NOTE_COLOR)


def _nothing(title: str, message: str, ax: AxesArg, width: float = WIDTH_COLUMN) -> Figure:
    """A figure saying that there is nothing to draw."""
    with rc_context(STYLE):
        owned = ax is None
        if owned:
            fig = _figure(width, 1.6)
            target = fig.add_subplot()
        else:
            target = ax if isinstance(ax, Axes) else list(ax)[0]
            fig = target.figure
        _empty(target, message)
        _head(fig, [target], title, [], owned)
        return fig


def _grouped_barh(ax: Axes, data: pd.DataFrame, labels: pd.Series, *, item: str, items: Sequence[str],
                  colors: Mapping[str, str], legend: Mapping[str, str], value: str,
                  low: str | None = None, high: str | None = None, scale: float = 1.0,
                  item_labels: Mapping[str, str] | None = None) -> None:
    """Horizontal bars: one row per item (first at the top), one bar per group (first at the top),
    error bars from ``low``/``high`` where they exist. Each group's bars form one BarContainer labelled
    with its legend text."""
    groups = sorted(set(labels))
    n = max(len(groups), 1)
    height = 0.8 / n
    positions = np.arange(len(items), dtype=float)
    for g, group in enumerate(groups):
        part = data[labels == group].drop_duplicates(item).set_index(item).reindex(list(items))
        y = positions - 0.4 + height * (g + 0.5)
        values = part[value].to_numpy(dtype=float) * scale
        ax.barh(y, np.nan_to_num(values), height=height * 0.9, color=colors[group], label=legend[group])
        if low is not None and high is not None:
            lows = part[low].to_numpy(dtype=float) * scale
            highs = part[high].to_numpy(dtype=float) * scale
            keep = ~(np.isnan(values) | np.isnan(lows) | np.isnan(highs))
            if keep.any():
                ax.errorbar(values[keep], y[keep], xerr=[values[keep] - lows[keep], highs[keep] - values[keep]],
                            **ERROR)
    ax.set_yticks(positions, [(item_labels or {}).get(i, i) for i in items])
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.grid(True, **GRID)
    ax.set_xlim(left=0)


def _group_handles(colors: Mapping[str, str], legend: Mapping[str, str]) -> list[Patch]:
    return [Patch(facecolor=colors[g], label=legend[g]) for g in sorted(legend)]


def _voices(data: pd.DataFrame) -> list[str]:
    present = set(data["voice"].astype(str))
    return [v for v in VOICES if v in present] + sorted(present - set(VOICES))


def _ordered(data: pd.DataFrame, item: str, value: str = "rate") -> list[str]:
    """Items by their total ``value`` over all groups, largest first (ties by name)."""
    totals = data.groupby(item)[value].sum().reset_index()
    totals = totals.sort_values([value, item], ascending=[False, True])
    return totals[item].astype(str).tolist()


# -- 1. loaded terms ---------------------------------------------------------------------------------

def plot_loaded_terms(rates: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 1: loaded terms per 1,000 words by category and outlet, one panel per voice.

    ``rates``: :func:`framing.measures.rates` of the loaded markers with ``keys=("category", "voice")``.
    Categories are ordered by their total rate; bars are rates, lines 95% intervals.
    """
    title = "Loaded terms by category"
    if rates.empty or int(rates["count"].sum()) == 0:
        return _nothing(title, "No loaded terms were found in these articles.", ax)
    with rc_context(STYLE):
        voices = _voices(rates)
        items = _ordered(rates, "category")
        fig, axes = _panels(ax, len(voices), WIDTH_PAGE, 1.5 + len(items) * (0.1 + 0.11 * _n_groups(rates, by)),
                            sharex=True, sharey=True)
        labels = group_labels(rates, by)
        colors, legend = outlet_colors(labels), _sizes(rates, labels)
        for panel, voice in zip(axes, voices):
            part = rates[rates["voice"].astype(str) == voice]
            _grouped_barh(panel, part, labels[part.index], item="category", items=items, colors=colors,
                          legend=legend, value="rate", low="rate_low", high="rate_high",
                          item_labels={c: c[:1].upper() + c[1:] for c in items})
            panel.set_title(VOICE_TITLES.get(voice, voice), loc="left")
            panel.set_xlabel(f"Loaded terms {PER_1000}")
        owned = ax is None
        _head(fig, axes, title, _group_handles(colors, legend), owned)
        _note(fig, "Bars: rate per 1,000 words of the whole article; lines: 95% exact Poisson interval. "
              f"{ZERO}", owned)
        return fig


def _n_groups(data: pd.DataFrame, by: str | Sequence[str]) -> int:
    return max(len(set(group_labels(data, by))), 1)


# -- 2. epistemic stance -----------------------------------------------------------------------------

STANCE = {"hedge": "Hedges", "booster": "Boosters"}


def plot_epistemic_stance(rates: pd.DataFrame, *, by: str | Sequence[str] = "outlet",
                          ax: AxesArg = None) -> Figure:
    """Figure 2: hedges and boosters per 1,000 words by outlet, one panel per voice.

    ``rates``: :func:`framing.measures.rates` of the hedge and booster markers with
    ``keys=("family", "voice")`` (and ``levels={"family": ("hedge", "booster")}`` so both appear).
    """
    title = "How sure the articles sound: hedges and boosters"
    if rates.empty:
        return _nothing(title, "No articles to compare.", ax)
    with rc_context(STYLE):
        voices = _voices(rates)
        items = [f for f in STANCE if f in set(rates["family"])] + sorted(set(rates["family"]) - set(STANCE))
        fig, axes = _panels(ax, len(voices), WIDTH_PAGE, 1.5 + len(items) * (0.15 + 0.16 * _n_groups(rates, by)),
                            sharex=True, sharey=True)
        labels = group_labels(rates, by)
        colors, legend = outlet_colors(labels), _sizes(rates, labels)
        for panel, voice in zip(axes, voices):
            part = rates[rates["voice"].astype(str) == voice]
            _grouped_barh(panel, part, labels[part.index], item="family", items=items, colors=colors,
                          legend=legend, value="rate", low="rate_low", high="rate_high", item_labels=STANCE)
            panel.set_title(VOICE_TITLES.get(voice, voice), loc="left")
            panel.set_xlabel(f"Markers {PER_1000}")
        owned = ax is None
        _head(fig, axes, title, _group_handles(colors, legend), owned)
        _note(fig, "Hedges soften a claim (may, reportedly); boosters harden it (clearly, undoubtedly). "
              f"Lines: 95% exact Poisson interval. {ZERO}", owned)
        return fig


# -- 3. sourcing -------------------------------------------------------------------------------------

def plot_sourcing(profile: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 3: who speaks. Panels: kinds of quotation (share of all quotes), types of source (share
    of attributed quotes), and the most-quoted speakers (number of quotes).

    ``profile``: :func:`framing.measures.sourcing_profile`. Shares carry 95% Clopper-Pearson intervals.
    """
    title = "Who speaks: quotations and their sources"
    kinds = profile[profile["dimension"] == "kind"] if not profile.empty else profile
    if profile.empty or int(kinds["count"].sum()) == 0:
        return _nothing(title, "No quotations were found in these articles.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        speakers = profile[profile["dimension"] == "speaker"]
        names = list(dict.fromkeys(speakers["value"].astype(str)))
        n = _n_groups(profile, by)
        owned = ax is None
        if owned:
            fig = _figure(WIDTH_PAGE, 2.2 + (6 + max(len(names), 1)) * 0.1 * (1 + n))
            mosaic = fig.subplot_mosaic([["kind", "speaker_type"], ["speaker", "speaker"]],
                                        height_ratios=[6, max(len(names), 2)])
            axes = [mosaic["kind"], mosaic["speaker_type"], mosaic["speaker"]]
        else:
            fig, axes = _panels(ax, 3, WIDTH_PAGE, 4)
        total = profile[profile["dimension"] == "kind"]
        labels_all = group_labels(total, by)
        colors = outlet_colors(labels_all)
        legend = {}
        for label in sorted(set(labels_all)):
            row = total[labels_all == label].iloc[0]
            legend[label] = (f"{label} ({_plural(int(row['articles']), 'article')}, "
                             f"{_plural(int(row['total']), 'quote')})")
        panels = [("kind", list(QUOTE_KINDS), KIND_LABELS, "Share of all quotations (%)",
                   "How words are reported"),
                  ("speaker_type", list(SPEAKER_TYPES), TYPE_LABELS, "Share of attributed quotations (%)",
                   "Who is quoted")]
        for panel, (dimension, fixed, names_of, xlabel, heading) in zip(axes, panels):
            part = profile[profile["dimension"] == dimension]
            items = [v for v in fixed if v in set(part["value"])] + sorted(set(part["value"]) - set(fixed))
            _grouped_barh(panel, part, group_labels(part, by), item="value", items=items, colors=colors,
                          legend=legend, value="share", low="share_low", high="share_high", scale=100,
                          item_labels=names_of)
            panel.set_xlim(0, 100)
            panel.set_xlabel(xlabel)
            panel.set_title(heading, loc="left")
        panel = axes[2]
        if names:
            _grouped_barh(panel, speakers, group_labels(speakers, by), item="value", items=names, colors=colors,
                          legend=legend, value="count")
            panel.xaxis.get_major_locator().set_params(integer=True)
        else:
            _empty(panel, "No quotation has a named speaker.")
        panel.set_xlabel("Quotations attributed to the speaker (number)")
        panel.set_title("Most-quoted speakers", loc="left")
        _head(fig, axes, title, _group_handles(colors, legend), owned)
        _note(fig, "Lines: 95% exact (Clopper-Pearson) interval of the share. Attributed quotations: "
              "direct, indirect and \u201caccording to\u201d (not scare quotes).", owned)
        return fig


# -- 4. reporting verbs ------------------------------------------------------------------------------

def plot_reporting_verbs(rates: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 4: reporting verbs per 1,000 words by class (neutral, assertive, distancing, emotive,
    endorsing) and outlet.

    ``rates``: :func:`framing.measures.rates` of the reporting-verb markers with ``keys=("category",)``
    (and ``levels={"category": CUE_CLASSES}`` so every class appears).
    """
    title = "Reporting verbs by class"
    if rates.empty:
        return _nothing(title, "No articles to compare.", ax)
    with rc_context(STYLE):
        present = set(rates["category"].astype(str))
        items = [c for c in CUE_CLASSES if c in present] + sorted(present - set(CUE_CLASSES))
        n = _n_groups(rates, by)
        fig, axes = _panels(ax, 1, WIDTH_COLUMN, 1.6 + len(items) * (0.1 + 0.11 * n))
        labels = group_labels(rates, by)
        colors, legend = outlet_colors(labels), _sizes(rates, labels)
        examples = {"neutral": "said", "assertive": "insisted", "distancing": "claimed", "emotive": "hit back",
                    "endorsing": "pointed out"}
        _grouped_barh(axes[0], rates, labels, item="category", items=items, colors=colors, legend=legend,
                      value="rate", low="rate_low", high="rate_high",
                      item_labels={c: f"{c.capitalize()}\n({examples[c]})" if c in examples else c for c in items})
        axes[0].set_xlabel(f"Reporting verbs {PER_1000}")
        owned = ax is None
        _head(fig, axes, title, _group_handles(colors, legend), owned)
        _note(fig, f"Lines: 95% exact Poisson interval. {ZERO}", owned)
        return fig


# -- 5. framing strip --------------------------------------------------------------------------------

LANES = (*STRIP_FAMILIES, "quotation")


def _lane_state(features: pd.DataFrame, lane: str) -> tuple[np.ndarray, np.ndarray]:
    """(in the author's words, only inside quotations) flags of each sentence for one lane."""
    if lane == "quotation":
        return features["quotations"].to_numpy() > 0, np.zeros(len(features), dtype=bool)
    own = features[f"{lane}_author"].to_numpy() > 0
    if lane == "distancing":
        own = own | (features["scare_quotes"].to_numpy() > 0)
    quoted = (features[f"{lane}_quoted"].to_numpy() > 0) & ~own
    return own, quoted


def plot_framing_strip(features: pd.DataFrame, *, by: str | Sequence[str] = "outlet", max_articles: int = 30,
                       ax: AxesArg = None) -> Figure:
    """Figure 5: each article as a band of sentences in reading order, one lane per kind of marker
    (loaded term, hedge, booster, distancing, quotation); a sentence's cell is coloured when it holds
    one (light when only inside a quotation), grey otherwise.

    ``features``: :func:`framing.measures.sentence_features`. At most ``max_articles`` articles are drawn
    (the first by group and doc_id); the note says how many were left out. Each lane of each article
    is one BarContainer labelled ``"ARTICLE | LANE"``.
    """
    title = "Where the framing is: sentence by sentence"
    if features.empty:
        return _nothing(title, "No sentences to show.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        labels = group_labels(features, by)
        docs = features.assign(_label=labels)[["_label", "doc_id"]].drop_duplicates()
        per_group = docs.groupby("_label")["doc_id"].transform("size")
        docs = docs.assign(_name=np.where(per_group > 1, docs["_label"] + ": " + docs["doc_id"].astype(str),
                                          docs["_label"]))
        shown = docs.head(max_articles)
        n_lanes = len(LANES)
        block = n_lanes + 1.6
        longest = int(features.groupby("doc_id").size().max())
        fig, axes = _panels(ax, 1, WIDTH_PAGE, 1.3 + 0.11 * block * len(shown))
        panel = axes[0]
        ticks, tick_labels = [], []
        for b, (doc_id, name) in enumerate(zip(shown["doc_id"], shown["_name"])):
            sents = features[features["doc_id"] == doc_id].sort_values("sent_id")
            x = np.arange(1, len(sents) + 1, dtype=float)
            top = b * block
            panel.text(0.4, top + 0.35, f"{name} ({_plural(len(sents), 'sentence')})", ha="left", va="bottom",
                       fontsize=7.5, fontweight="bold")
            for l, lane in enumerate(LANES):
                y = top + 1 + l
                own, quoted = _lane_state(sents, lane)
                color = LANE_COLORS[lane]
                cells = np.where(own, color, np.where(quoted, _tint(color), "#EEEEEE"))
                panel.barh(np.full(len(x), y), np.full(len(x), 0.86), left=x - 0.43, height=0.8,
                           color=list(cells), label=f"{name} | {lane}")
                ticks.append(y)
                tick_labels.append(LANE_LABELS[lane])
        panel.set_yticks(ticks, tick_labels, fontsize=6.5)
        panel.tick_params(axis="y", length=0)
        panel.set_ylim(len(shown) * block - 0.3, -0.3)
        panel.set_xlim(0.4, longest + 0.6)
        panel.xaxis.get_major_locator().set_params(integer=True)
        panel.spines["left"].set_visible(False)
        panel.set_xlabel("Sentence, in reading order (1 = headline)")
        owned = ax is None
        handles = [Patch(facecolor=LANE_COLORS[lane], label=LANE_LABELS[lane]) for lane in LANES]
        handles.append(Patch(facecolor=_tint("#777777"), label="Light: only inside a quotation"))
        _head(fig, axes, title, handles, owned)
        note = "Distancing includes scare quotes. Quotation: direct, indirect or \u201caccording to\u201d."
        if len(shown) < len(docs):
            note += f" Showing {len(shown)} of {len(docs):,} articles."
        _note(fig, note, owned)
        return fig


# -- 6. distinctive terms ----------------------------------------------------------------------------

Z_95 = 1.959963984540054


def plot_distinctive_terms(terms: pd.DataFrame, *, by: str | Sequence[str] = "outlet", top: int = 12,
                           extra_note: str = "", ax: AxesArg = None) -> Figure:
    """Figure 6: the words that set each outlet apart, one panel per outlet: the ``top`` terms with
    the largest positive z-scores of the weighted log-odds against the rest (Monroe et al. 2008),
    with the 95% line at z = 1.96. Tick labels give the counts (outlet / rest).

    ``terms``: :func:`framing.measures.distinctive_terms`; ``extra_note`` is added to the note under
    the panels (e.g. which words were left out).
    """
    title = "Words that set each outlet apart"
    if terms.empty:
        return _nothing(title, "Distinctive words need at least two outlets with text.", ax)
    with rc_context(STYLE):
        labels = group_labels(terms, by)
        groups = sorted(set(labels))
        colors = outlet_colors(groups)
        ncols = min(len(groups), 2)  # term labels need the room of half a page
        nrows = -(-len(groups) // ncols)
        owned = ax is None
        if owned:
            fig = _figure(WIDTH_PAGE, 1.0 + nrows * (0.5 + 0.15 * top))
            grid = fig.subplots(nrows, ncols, squeeze=False)
            axes = list(grid.ravel())
            for extra in axes[len(groups):]:
                extra.set_visible(False)
            axes = axes[:len(groups)]
        else:
            fig, axes = _panels(ax, len(groups), WIDTH_PAGE, 4)
        reach = max(float(terms["z"].max()), Z_95) * 1.08
        for panel, group in zip(axes, groups):
            part = terms[(labels == group) & (terms["z"] > 0)]
            part = part.sort_values(["z", "term"], ascending=[False, True]).head(top)
            # two outlets: one against the other; more: each against all the others (said in the note)
            panel.set_title(f"{group} vs. {groups[1 - groups.index(group)]}" if len(groups) == 2 else group,
                            loc="left")
            if part.empty:
                _empty(panel, "No word stands out.")
                continue
            y = np.arange(len(part), dtype=float)
            panel.barh(y, part["z"].to_numpy(dtype=float), height=0.7, color=colors[group], label=group)
            names = [f"{t} ({c}/{r})" for t, c, r in zip(part["term"], part["count"], part["count_rest"])]
            panel.set_yticks(y, names)
            panel.set_ylim(len(part) - 0.5, -0.5)
            panel.tick_params(axis="y", length=0)
            panel.axvline(Z_95, color="#555555", linewidth=0.8, linestyle=(0, (3, 2)))
            panel.set_xlim(0, reach)
            panel.xaxis.grid(True, **GRID)
            size = part.iloc[0]
            panel.set_xlabel(f"z-score of the log-odds\n({_plural(int(size['articles']), 'article')}, "
                             f"{_plural(int(size['words']), 'word')} counted)")
        _head(fig, axes, title, [], owned)
        against = "" if len(groups) == 2 else "Each outlet against all the others. "
        _note(fig, f"{against}Weighted log-odds with an informative Dirichlet prior from the pooled corpus "
              "(Monroe, Colaresi & Quinn 2008). Dashed line: z = 1.96 (95%). In brackets: uses here / in the "
              f"rest. {extra_note}", owned)
        return fig


# -- 7. actors ---------------------------------------------------------------------------------------

def plot_actors(profile: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 7: the main actors. Panels: mentions per 1,000 words (bars, Poisson intervals), and the
    mean polarity and mean subjectivity of the sentences that name each actor (points, 95% t-intervals).

    ``profile``: :func:`framing.measures.actor_profile`. The point series of each outlet are
    ``Line2D`` objects labelled with its legend text.
    """
    title = "The main actors and the tone of the sentences that name them"
    if profile.empty or int(profile["mentions"].sum()) == 0:
        return _nothing(title, "No actor mentions in these tables.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        actors = list(dict.fromkeys(profile["actor"].astype(str)))
        n = _n_groups(profile, by)
        fig, axes = _panels(ax, 3, WIDTH_PAGE, 1.6 + len(actors) * (0.12 + 0.1 * n), sharey=True,
                            gridspec_kw={"width_ratios": [1.2, 1, 1]})
        labels = group_labels(profile, by)
        colors, legend = outlet_colors(labels), _sizes(profile, labels)
        _grouped_barh(axes[0], profile, labels, item="actor", items=actors, colors=colors, legend=legend,
                      value="rate", low="rate_low", high="rate_high")
        axes[0].set_xlabel(f"Mentions {PER_1000}")
        axes[0].set_title("How often", loc="left")
        groups = sorted(set(labels))
        height = 0.8 / max(len(groups), 1)
        for panel, measure, heading, xlabel in (
                (axes[1], "polarity", "Tone", "Mean polarity\n(\u22121 negative, +1 positive)"),
                (axes[2], "subjectivity", "Opinion", "Mean subjectivity\n(0 factual, 1 opinion)")):
            for g, group in enumerate(groups):
                part = profile[labels == group].set_index("actor").reindex(actors)
                y = np.arange(len(actors)) - 0.4 + height * (g + 0.5)
                values = part[measure].to_numpy(dtype=float)
                lows = part[f"{measure}_low"].to_numpy(dtype=float)
                highs = part[f"{measure}_high"].to_numpy(dtype=float)
                panel.plot(values, y, linestyle="none", marker="o", markersize=3.5, color=colors[group],
                           label=legend[group])
                keep = ~(np.isnan(values) | np.isnan(lows))
                if keep.any():
                    panel.errorbar(values[keep], y[keep],
                                   xerr=[values[keep] - lows[keep], highs[keep] - values[keep]],
                                   fmt="none", ecolor=colors[group], elinewidth=0.8, capsize=0)
            panel.set_xlabel(xlabel)
            panel.set_title(heading, loc="left")
            panel.xaxis.grid(True, **GRID)
            panel.tick_params(axis="y", length=0)
        bounds = profile[["polarity", "polarity_low", "polarity_high"]].abs().max().max()
        reach = min(1.0, max(0.25, float(0 if np.isnan(bounds) else bounds) * 1.1))
        axes[1].set_xlim(-reach, reach)
        axes[1].axvline(0, color="#999999", linewidth=0.6)
        axes[2].set_xlim(0, 1)
        axes[0].set_ylim(len(actors) - 0.5, -0.5)
        owned = ax is None
        _head(fig, axes, title, _group_handles(colors, legend), owned)
        _note(fig, "Polarity and subjectivity: TextBlob, per sentence. Lines: 95% intervals (Poisson for "
              "mentions, t for means); no line under two sentences.", owned)
        return fig


# -- saving ------------------------------------------------------------------------------------------

FORMATS = ("png", "svg")
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def freeze_layout(fig: Figure) -> None:
    """Run the figure's layout once and fix the panel positions, rounded, so that every rendering of
    ``fig`` uses the same layout (the layout solver's last digits can vary from call to call, and SVG
    clip-path ids are hashes of the exact panel positions)."""
    if fig.get_layout_engine() is None:
        return
    fig.set_dpi(STYLE["savefig.dpi"])  # text is measured as the PNG draws it
    with rc_context(STYLE):
        fig.draw_without_rendering()
    for ax in fig.axes:
        ax.set_position([round(float(v), 9) for v in ax.get_position().bounds])
    fig.set_layout_engine("none")


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """``fig`` rendered as PNG or SVG, the same bytes for the same figure on every run (its layout is
    fixed first, see :func:`freeze_layout`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; choose from {', '.join(FORMATS)}")
    freeze_layout(fig)
    buffer = io.BytesIO()
    with rc_context(STYLE):
        fig.savefig(buffer, format=fmt, metadata=_METADATA[fmt], dpi=STYLE["savefig.dpi"])
    return buffer.getvalue()


def save_figure(fig: Figure, path_stem: str | Path, *, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``fig`` as ``PATH_STEM.png`` and ``PATH_STEM.svg``, each atomically and byte-reproducibly
    (fixed font, resolution, SVG ids, no dates); return the paths. Raises OutputError when the folder
    cannot be written."""
    stem = Path(path_stem)
    written = []
    rendered = [(stem.with_name(f"{stem.name}.{fmt}"), figure_bytes(fig, fmt)) for fmt in formats]
    for path, data in rendered:
        write_atomic(path, data)
        written.append(path)
    return written
