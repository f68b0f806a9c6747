"""framing.plots: each figure function draws the series, labels and titles it should, and saves the
same bytes every time."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.container import BarContainer, ErrorbarContainer  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from framing import figures as plots, measures  # noqa: E402
from framing.figures.style import tint  # noqa: E402
from framing.schemas import frame  # noqa: E402

ARTICLES = frame("articles", [
    {"doc_id": "k1", "outlet": "Krone", "n_words": 500, "n_sentences": 3, "text": "..."},
    {"doc_id": "o1", "outlet": "OneWorld", "n_words": 400, "n_sentences": 2, "text": "..."},
    {"doc_id": "o2", "outlet": "OneWorld", "n_words": 600, "n_sentences": 2, "text": "..."},
])
KRONE = "Krone (1 article, 500 words)"
ONEWORLD = "OneWorld (2 articles, 1,000 words)"


def marker(doc_id, family, category, voice="author", sent_id=0):
    return {"doc_id": doc_id, "sent_id": sent_id, "start_char": 0, "end_char": 1, "text": "w", "lemma": "w",
            "family": family, "category": category, "entry": "w", "source": "project", "voice": voice}


MARKERS = frame("markers", [
    *[marker("k1", "loaded", "threat and fear")] * 5, marker("k1", "loaded", "war and aggression", "quoted"),
    *[marker("o1", "loaded", "delegitimising", sent_id=1)] * 2, marker("o2", "loaded", "threat and fear"),
    marker("k1", "hedge", "epistemic modal", sent_id=2), *[marker("o1", "booster", "certainty")] * 3,
    marker("k1", "reporting_verb", "neutral"), *[marker("o2", "reporting_verb", "distancing")] * 2,
    marker("o1", "distancing", "distancing label", "quoted", 1),
])


def quote(doc_id, quote_id, kind, speaker="", speaker_type="unknown", cue_class=""):
    return {"doc_id": doc_id, "quote_id": quote_id, "sent_id": 0, "kind": kind, "start_char": 0, "end_char": 3,
            "text": "abc", "speaker": speaker, "speaker_resolved": speaker, "speaker_type": speaker_type,
            "cue": "said" if cue_class else "", "cue_class": cue_class}


QUOTES = frame("quotes", [
    quote("k1", 1, "direct", "Vladimir Putin", "named_person", "neutral"),
    quote("k1", 2, "indirect", "Vladimir Putin", "named_person", "assertive"),
    quote("k1", 3, "direct", "an observer", "anonymous", "neutral"),
    quote("o1", 1, "scare"),
])
SENTENCES = frame("sentences", [
    {"doc_id": d, "sent_id": i, "start_char": 10 * i, "end_char": 10 * i + 9, "section": "body", "text": "w",
     "polarity": p, "subjectivity": s}
    for d, i, p, s in [("k1", 0, -0.2, 0.4), ("k1", 1, 0.0, 0.2), ("k1", 2, 0.1, 0.6), ("o1", 0, 0.5, 0.5),
                       ("o1", 1, 0.3, 0.9), ("o2", 0, 0.0, 0.0), ("o2", 1, 0.1, 0.1)]
])


def bars(ax) -> dict[str, list[float]]:
    """Legend label -> widths of that series' bars."""
    return {c.get_label(): [p.get_width() for p in c] for c in ax.containers if isinstance(c, BarContainer)}


def ticks(ax, axis="y") -> list[str]:
    return [t.get_text() for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]


def head(fig: Figure) -> tuple[str, list[str]]:
    """The figure's title and colour key (the legend above the panels)."""
    legend = fig.legends[0]
    return legend.get_title().get_text(), [t.get_text() for t in legend.get_texts()]


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def loaded_rates():
    return measures.rates(MARKERS[MARKERS.family == "loaded"], ARTICLES, keys=("category", "voice"))


# -- colours -----------------------------------------------------------------------------------------

def test_outlet_colors_are_fixed_by_sorted_outlet_and_colour_blind_safe():
    colors = plots.outlet_colors(["OneWorld", "Krone", "Krone"])
    assert colors == {"Krone": "#0072B2", "OneWorld": "#D55E00"}  # Okabe-Ito blue, vermillion
    assert plots.outlet_colors(["Krone", "OneWorld", "RT"])["OneWorld"] == "#D55E00"
    many = plots.outlet_colors([f"outlet {i:02d}" for i in range(20)])
    assert len(set(many.values())) == len(plots.PALETTE)


# -- 1. loaded terms ---------------------------------------------------------------------------------

def test_loaded_terms_bars_are_rates_per_1000_words_split_by_voice():
    rates = loaded_rates()
    fig = plots.plot_loaded_terms(rates)
    assert isinstance(fig, Figure)
    own, quoted = fig.axes
    assert (own.get_title(loc="left"), quoted.get_title(loc="left")) == ("In the outlet\u2019s own words",
                                                                         "Inside quotations")
    assert head(fig) == ("Loaded terms by category", [KRONE, ONEWORLD])
    assert "per 1,000 words" in own.get_xlabel()
    # categories by total rate: threat (10 + 1), delegitimising (2), war (2, quoted only)
    assert ticks(own) == ["Threat and fear", "Delegitimising", "War and aggression"]
    widths = bars(own)
    assert widths[KRONE] == pytest.approx([10.0, 0.0, 0.0])  # 5 in 500 words
    assert widths[ONEWORLD] == pytest.approx([1.0, 2.0, 0.0])  # 1 and 2 in 1,000 words
    assert bars(quoted)[KRONE] == pytest.approx([0.0, 0.0, 2.0])
    errors = [c for c in own.containers if isinstance(c, ErrorbarContainer)]
    assert len(errors) == 2  # one interval series per outlet
    segments = errors[0].lines[2][0].get_segments()
    low, high = measures.poisson_interval(5)
    assert segments[0][:, 0] == pytest.approx([low * 2, high * 2])  # Krone threat: 5 per 500 words


def test_loaded_terms_with_nothing_found_says_so():
    fig = plots.plot_loaded_terms(measures.rates(frame("markers"), ARTICLES, keys=("category", "voice")))
    assert isinstance(fig, Figure)
    assert texts(fig) == ["No loaded terms were found in these articles."]


def test_a_figure_can_be_drawn_on_the_callers_axes():
    fig = Figure()
    axes = fig.subplots(1, 2)
    assert plots.plot_loaded_terms(loaded_rates(), ax=axes) is fig
    assert bars(axes[0])[KRONE][0] == pytest.approx(10.0)
    with pytest.raises(ValueError, match="2 panel"):
        plots.plot_loaded_terms(loaded_rates(), ax=axes[0])


# -- 2. epistemic stance -----------------------------------------------------------------------------

def test_epistemic_stance_shows_hedges_and_boosters_per_1000_words():
    rates = measures.rates(MARKERS[MARKERS.family.isin(["hedge", "booster"])], ARTICLES, keys=("family", "voice"),
                           levels={"family": ("hedge", "booster")})
    fig = plots.plot_epistemic_stance(rates)
    own = fig.axes[0]
    assert ticks(own) == ["Hedges", "Boosters"]
    assert bars(own) == {KRONE: pytest.approx([2.0, 0.0]), ONEWORLD: pytest.approx([0.0, 3.0])}
    assert own.get_xlabel() == "Markers per 1,000 words"
    assert head(fig)[0].startswith("How sure the articles sound")


# -- 3. sourcing -------------------------------------------------------------------------------------

def test_sourcing_shows_kinds_speaker_types_and_most_quoted_speakers():
    fig = plots.plot_sourcing(measures.sourcing_profile(QUOTES, ARTICLES))
    kinds, types, speakers = fig.axes
    assert head(fig)[1] == ["Krone (1 article, 3 quotes)", "OneWorld (2 articles, 1 quote)"]
    assert ticks(kinds)[:2] == ["Direct quote", "Indirect (reported) speech"]
    assert bars(kinds)["Krone (1 article, 3 quotes)"] == pytest.approx([200 / 3, 100 / 3, 0, 0])
    assert bars(kinds)["OneWorld (2 articles, 1 quote)"] == pytest.approx([0, 0, 0, 100])
    assert "%" in kinds.get_xlabel() and "%" in types.get_xlabel()
    assert bars(types)["Krone (1 article, 3 quotes)"][:2] == pytest.approx([200 / 3, 100 / 3])
    assert ticks(speakers) == ["Vladimir Putin", "an observer"]
    assert bars(speakers)["Krone (1 article, 3 quotes)"] == [2, 1]


def test_sourcing_without_quotes_says_so():
    fig = plots.plot_sourcing(measures.sourcing_profile(frame("quotes"), ARTICLES))
    assert texts(fig) == ["No quotations were found in these articles."]


# -- 4. reporting verbs ------------------------------------------------------------------------------

def test_reporting_verbs_by_class_with_every_class_shown():
    from framing.records import CUE_CLASSES

    rates = measures.rates(MARKERS[MARKERS.family == "reporting_verb"], ARTICLES, keys=("category",),
                           levels={"category": CUE_CLASSES})
    fig = plots.plot_reporting_verbs(rates)
    ax = fig.axes[0]
    assert [t.split("\n")[0] for t in ticks(ax)] == ["Neutral", "Assertive", "Distancing", "Emotive", "Endorsing"]
    assert bars(ax)[KRONE] == pytest.approx([2.0, 0, 0, 0, 0])
    assert bars(ax)[ONEWORLD] == pytest.approx([0, 0, 2.0, 0, 0])
    assert ax.get_xlabel() == "Reporting verbs per 1,000 words"


# -- 5. framing strip --------------------------------------------------------------------------------

def test_framing_strip_colours_each_sentence_by_what_it_holds():
    features = measures.sentence_features(SENTENCES, MARKERS, QUOTES, ARTICLES)
    fig = plots.plot_framing_strip(features)
    ax = fig.axes[0]
    lanes = {c.get_label(): c for c in ax.containers}
    assert len(lanes) == 3 * 5  # three articles, five lanes
    def cells(label):
        return [matplotlib.colors.to_hex(p.get_facecolor()) for p in lanes[label]]

    def hexa(color):
        return matplotlib.colors.to_hex(color)

    grey = "#eeeeee"
    assert cells("Krone | loaded") == [hexa(plots.FAMILY_COLORS["loaded"]), grey, grey]
    assert cells("Krone | hedge") == [grey, grey, hexa(plots.FAMILY_COLORS["hedge"])]
    assert cells("Krone | quotation") == [hexa(plots.FAMILY_COLORS["quotation"]), grey, grey]  # chars 0-3
    # sentence 0 holds a scare quote (the author's distancing); sentence 1 a distancing marker only
    # inside a quotation: the light tint
    distancing = plots.FAMILY_COLORS["distancing"]
    assert cells("OneWorld: o1 | distancing") == [hexa(distancing), hexa(tint(distancing))]
    assert "Krone (3 sentences)" in texts(fig)
    assert ax.get_xlabel().startswith("Sentence")


def test_framing_strip_says_how_many_articles_it_leaves_out():
    features = measures.sentence_features(SENTENCES, MARKERS, QUOTES, ARTICLES)
    fig = plots.plot_framing_strip(features, max_articles=2)
    assert "Showing 2 of 3 articles" in fig.get_supxlabel()


# -- 6. distinctive terms ----------------------------------------------------------------------------

def test_distinctive_terms_panels_show_positive_z_scores_with_counts():
    sentences = SENTENCES.assign(text=["threat threat war", "threat", "peace", "historic peace", "historic",
                                       "talks", "peace"])
    terms = measures.distinctive_terms(sentences, ARTICLES)
    fig = plots.plot_distinctive_terms(terms, top=2)
    krone, oneworld = fig.axes
    assert krone.get_title(loc="left") == "Krone vs. OneWorld"
    assert ticks(krone) == ["threat (3/0)", "war (1/0)"]
    expected = terms[(terms.outlet == "Krone") & terms.term.isin(["threat", "war"])]["z"].tolist()
    assert bars(krone)["Krone"] == pytest.approx(expected)
    assert ticks(oneworld)[0] == "historic (2/0)"
    assert krone.get_xlabel() == "z-score of the log-odds\n(1 article, 5 words counted)"
    assert [line.get_xdata()[0] for line in krone.lines] == [pytest.approx(1.959964)]


def test_distinctive_terms_with_one_outlet_says_so():
    fig = plots.plot_distinctive_terms(measures.distinctive_terms(SENTENCES, ARTICLES[ARTICLES.outlet == "Krone"]))
    assert texts(fig) == ["Distinctive words need at least two outlets with text."]


# -- 7. actors ---------------------------------------------------------------------------------------

def test_actors_show_mentions_polarity_and_subjectivity_per_outlet():
    mentions = pd.DataFrame([
        {"doc_id": d, "sent_id": s, "start_char": 0, "end_char": 5, "text": t, "label": lab, "actor": a, "role": r}
        for d, s, t, lab, a, r in [("k1", 0, "Putin", "PERSON", "Vladimir Putin", "subject"),
                                   ("k1", 1, "he", "PERSON", "Vladimir Putin", "object"),
                                   ("o1", 0, "Putin", "PERSON", "Vladimir Putin", "subject"),
                                   ("o1", 1, "Kazakhstan", "GPE", "Kazakhstan", "other")]])
    profile = measures.actor_profile(mentions, SENTENCES, ARTICLES)
    fig = plots.plot_actors(profile)
    often, tone, opinion = fig.axes
    assert ticks(often) == ["Vladimir Putin", "Kazakhstan"]
    assert bars(often)[KRONE] == pytest.approx([4.0, 0.0])  # 2 mentions in 500 words
    assert "per 1,000 words" in often.get_xlabel()
    points = {line.get_label(): line.get_xdata() for line in tone.lines if isinstance(line, Line2D)
              and line.get_label() in (KRONE, ONEWORLD)}
    assert points[KRONE] == pytest.approx([-0.1, np.nan], nan_ok=True)  # mean of -0.2 and 0.0
    assert points[ONEWORLD] == pytest.approx([0.5, 0.3])
    assert "polarity" in tone.get_xlabel() and "subjectivity" in opinion.get_xlabel()
    assert opinion.get_xlim() == (0, 1)


def test_actors_without_mentions_say_so():
    fig = plots.plot_actors(measures.actor_profile(frame("mentions"), SENTENCES, ARTICLES))
    assert texts(fig) == ["No actor mentions in these tables."]


# -- many outlets ------------------------------------------------------------------------------------

def test_every_figure_draws_ten_outlets():
    articles = frame("articles", [{"doc_id": f"d{i}", "outlet": f"Outlet {i}", "n_words": 100 + i,
                                   "n_sentences": 1, "text": "."} for i in range(10)])
    markers = frame("markers", [marker(f"d{i}", "loaded", "threat and fear") for i in range(0, 10, 2)])
    fig = plots.plot_loaded_terms(measures.rates(markers, articles, keys=("category", "voice")))
    assert len(head(fig)[1]) == 10
    assert len(set(plots.outlet_colors(articles.outlet).values())) == 10


# -- saving ------------------------------------------------------------------------------------------

def test_save_figure_writes_identical_png_and_svg_bytes_twice(tmp_path):
    first = plots.save_figure(plots.plot_loaded_terms(loaded_rates()), tmp_path / "a" / "fig")
    second = plots.save_figure(plots.plot_loaded_terms(loaded_rates()), tmp_path / "b" / "fig")
    assert [p.name for p in first] == ["fig.png", "fig.svg"]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in first[0].read_bytes()
    assert first[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in (tmp_path / "a").iterdir() if p.name.startswith(".framing-staging-")]


# -- 8. frames ---------------------------------------------------------------------------------------

def frame_shares(model: bool = True):
    found = {("k1", "Security_and_defense"), ("o1", "Morality"), ("o2", "Security_and_defense")}
    frames = frame("frames", [{"doc_id": d, "frame": f, "score": 0.5, "present": (d, f) in found, "n_sentences": 0,
                               "evidence": "", "source": "m"}
                              for d in ("k1", "o1", "o2") for f in ("Morality", "Security_and_defense")])
    evoked = frame("sentence_frames", [
        {"doc_id": "k1", "sent_id": 0, "frame": "Security_and_defense", "score": 1.0, "n_cues": 1, "cues": "war"},
        {"doc_id": "o1", "sent_id": 1, "frame": "Morality", "score": 1.0, "n_cues": 1, "cues": "evil"}])
    return measures.frame_shares(frames if model else frame("frames"), evoked, SENTENCES, ARTICLES)


def test_frames_shows_article_shares_with_intervals_and_sentence_shares():
    fig = plots.plot_frames(frame_shares())
    articles, sentences = fig.axes
    assert head(fig) == ("Frames: which frames each outlet uses", [KRONE, ONEWORLD])
    assert articles.get_title(loc="left") == "Articles that use the frame"
    # ordered by use: security (100 % + 50 %), morality (0 + 50 %), then the frames nobody uses
    assert ticks(articles)[:2] == ["Security and defense", "Morality"] and len(ticks(articles)) == 14
    assert bars(articles)[KRONE][:2] == pytest.approx([100.0, 0.0])
    assert bars(articles)[ONEWORLD][:2] == pytest.approx([50.0, 50.0])
    assert bars(sentences)[KRONE][:2] == pytest.approx([100 / 3, 0.0])  # 1 of Krone's 3 sentences
    assert bars(sentences)[ONEWORLD][:2] == pytest.approx([0.0, 25.0])  # 1 of OneWorld's 4
    errors = [c for c in articles.containers if isinstance(c, ErrorbarContainer)]
    assert len(errors) == 2 and not [c for c in sentences.containers if isinstance(c, ErrorbarContainer)]


def test_frames_with_the_model_off_says_so_and_keeps_the_sentences():
    fig = plots.plot_frames(frame_shares(model=False))
    assert "Frames model off:\nno article decisions" in texts(fig)
    assert bars(fig.axes[1])[KRONE][ticks(fig.axes[0]).index("Security and defense")] == pytest.approx(100 / 3)
