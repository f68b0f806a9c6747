"""framing.figures.registry: every figure with the table behind it, the same bytes on every run, and the
committed figures/ folder up to date with the code and the seed corpus."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from drawn import head, texts, ticks
from framing import cli, figures, measures
from framing.analysis import Tables
from framing.errors import InputError
from framing.schemas import frame
from rows import marker, mention, quote
from seeds import ROOT


NAMES = ["01_loaded_terms", "02_epistemic_stance", "03_sourcing", "04_reporting_verbs", "05_framing_strip",
         "06_distinctive_terms", "07_actors", "08_frames", "09_selection"]
FILES = sorted(f"{name}.{ext}" for name in NAMES for ext in ("csv", "png", "svg"))


def small_tables(**replace) -> dict[str, pd.DataFrame]:
    articles = frame("articles", [
        {"doc_id": "a", "outlet": "Krone", "n_words": 200, "n_sentences": 2, "text": "."},
        {"doc_id": "b", "outlet": "OneWorld", "n_words": 300, "n_sentences": 2, "text": "."},
    ])
    sentences = frame("sentences", [
        {"doc_id": d, "sent_id": i, "start_char": 20 * i, "end_char": 20 * i + 19, "section": "body", "text": t,
         "polarity": p, "subjectivity": 0.5}
        for d, i, t, p in [("a", 0, "Putin issued a clear threat.", -0.1), ("a", 1, "Kazakhstan may worry.", 0.0),
                           ("b", 0, "Putin did not threaten anyone.", 0.2), ("b", 1, "Western media lie.", -0.3)]])
    markers = frame("markers", [
        {"doc_id": d, "sent_id": s, "start_char": 0, "end_char": 3, "text": "x", "lemma": "x", "family": f,
         "category": c, "entry": "x", "source": "project", "voice": "author"}
        for d, s, f, c in [("a", 0, "loaded", "threat and fear"), ("a", 1, "hedge", "epistemic modal"),
                           ("b", 1, "loaded", "delegitimising"), ("b", 0, "reporting_verb", "neutral")]])
    quotes = frame("quotes", [
        {"doc_id": "a", "quote_id": 1, "sent_id": 0, "kind": "direct", "start_char": 0, "end_char": 10,
         "text": "q", "speaker": "Putin", "speaker_resolved": "Putin", "speaker_type": "named_person",
         "cue": "said", "cue_class": "neutral"}])
    mentions = pd.DataFrame([
        {"doc_id": d, "sent_id": s, "start_char": 0, "end_char": 5, "text": t, "label": lab, "actor": a, "role": r}
        for d, s, t, lab, a, r in [("a", 0, "Putin", "PERSON", "Putin", "subject"),
                                   ("a", 1, "Kazakhstan", "GPE", "Kazakhstan", "object"),
                                   ("b", 0, "Putin", "PERSON", "Vladimir Putin", "subject")]])
    tables = {"articles": articles, "sentences": sentences, "markers": markers, "quotes": quotes,
              "mentions": mentions}
    tables.update(replace)
    return tables


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every figure of small_tables() written once for the module: the folder, and the paths written."""
    folder = tmp_path_factory.mktemp("figures")
    return folder, figures.build_figures(small_tables(), folder)


@pytest.mark.slow
def test_build_figures_writes_every_figure_with_its_table(built):
    tmp_path, written = built
    assert [p.name for p in written] == [f"{n}.{e}" for n in NAMES for e in ("png", "svg", "csv")]
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES
    loaded = pd.read_csv(tmp_path / "01_loaded_terms.csv")
    assert list(loaded.columns) == ["outlet", "category", "voice", "articles", "words", "count", "rate",
                                    "rate_low", "rate_high"]
    krone = loaded.query("outlet == 'Krone' and category == 'threat and fear' and voice == 'author'").iloc[0]
    assert krone["rate"] == 5.0  # 1 in 200 words
    text = (tmp_path / "01_loaded_terms.csv").read_text(encoding="utf-8")
    assert "0.126589" in text and "\r" not in text  # floats with six significant digits (0.0253178 / 200 * 1000)


@pytest.mark.slow
def test_two_runs_write_identical_bytes(built, tmp_path):
    first, _ = built  # the first run
    figures.build_figures(small_tables(), tmp_path)
    for name in FILES:
        assert (first / name).read_bytes() == (tmp_path / name).read_bytes(), name


@pytest.mark.slow
def test_tables_without_markers_quotes_or_mentions_still_give_every_figure(tmp_path):
    empty = small_tables(markers=frame("markers"), quotes=frame("quotes"))
    del empty["mentions"]
    written = figures.build_figures(empty, tmp_path)
    assert sorted(p.name for p in written) == FILES
    assert pd.read_csv(tmp_path / "03_sourcing.csv")["count"].sum() == 0


@pytest.mark.slow
def test_a_tables_object_is_accepted_and_aliases_merge_actors(tmp_path):
    base = small_tables()
    tables = Tables(**base)
    figures.build_figures(tables, tmp_path, aliases={"Putin": "Vladimir Putin"})
    actors = pd.read_csv(tmp_path / "07_actors.csv")
    assert actors["actor"].drop_duplicates().tolist() == ["Vladimir Putin", "Kazakhstan"]
    assert actors.query("actor == 'Vladimir Putin'")["mentions"].tolist() == [1, 1]
    alias_file = tmp_path / "aliases.csv"
    alias_file.write_text("alias,canonical\nPutin,Vladimir Putin\n", encoding="utf-8")
    figures.build_figures(base, tmp_path / "from_file", aliases=alias_file)
    assert (tmp_path / "from_file" / "07_actors.csv").read_bytes() == (tmp_path / "07_actors.csv").read_bytes()
    alias_file.write_text("name,canonical\nPutin,Vladimir Putin\n", encoding="utf-8")
    with pytest.raises(InputError, match="aliases.csv:1: the first row must be the header alias,canonical"):
        figures.build_figures(base, tmp_path / "bad", aliases=alias_file)


def test_the_registry_names_every_figure_once_with_a_caption():
    assert list(figures.NAMES) == NAMES
    assert list(figures.BY_NAME) == NAMES and all(figures.BY_NAME[n].name == n for n in NAMES)
    assert all(spec.caption and "\n" not in spec.caption for spec in figures.FIGURES)


def test_draw_gives_a_figure_and_the_table_it_is_drawn_from():
    table, fig = figures.draw("01_loaded_terms", small_tables())
    expected = measures.rates(small_tables()["markers"].query("family == 'loaded'"), small_tables()["articles"],
                              keys=("category", "voice"))
    pd.testing.assert_frame_equal(table, expected)
    assert head(fig) == ("Loaded terms by category", ["Krone (1 article, 200 words)",
                                                      "OneWorld (1 article, 300 words)"])
    with pytest.raises(KeyError, match="no figure '08_speakers'; the figures are 01_loaded_terms, "):
        figures.draw("08_speakers", small_tables())


def test_draw_merges_actors_by_the_aliases():
    table, _ = figures.draw("07_actors", small_tables(), aliases={"Putin": "Vladimir Putin"})
    assert table[["outlet", "actor", "mentions"]].values.tolist() == [
        ["Krone", "Vladimir Putin", 1], ["Krone", "Kazakhstan", 1], ["OneWorld", "Vladimir Putin", 1],
        ["OneWorld", "Kazakhstan", 0]]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_every_figure_can_compare_single_articles(name):
    table, fig = figures.draw(name, small_tables(), by="doc_id")
    assert set(table["doc_id"]) == {"a", "b"}
    # the series of each article: "a (1 article, 200 words)", "a" or, in the strip, "a | loaded"
    drawn = {c.get_label().split(" | ")[0].split(" (")[0] for ax in fig.axes for c in ax.containers
             if isinstance(c, BarContainer)}
    if name == "09_selection":  # the articles side by side, each column titled with its article
        drawn = {"a", "b"} & set(texts(fig))
    assert drawn == {"a", "b"}, name


def test_a_table_is_written_as_csv_with_six_significant_digits():
    table = pd.DataFrame({"outlet": ["Krone", "OneWorld"], "rate": [45.12345678, 2 / 3], "count": [23, 32]})
    assert figures.table_bytes(table) == b"outlet,rate,count\nKrone,45.1235,23\nOneWorld,0.666667,32\n"


#: Ten outlets of one article each, every one with a word of its own ("amber" in Outlet 0's article).
OUTLETS = [f"Outlet {i}" for i in range(10)]
WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbour", "inlet", "juniper"]


def ten_outlets() -> dict[str, pd.DataFrame]:
    """Tables in which each of ten outlets has something for every figure: a marker of each family, a
    quote, a mention and a sentence of its own word."""
    docs = [f"d{i}" for i in range(10)]
    articles = frame("articles", [{"doc_id": d, "outlet": o, "n_words": 100 + i, "n_sentences": 2, "text": "."}
                                  for i, (d, o) in enumerate(zip(docs, OUTLETS))])
    sentences = frame("sentences", [
        {"doc_id": d, "sent_id": s, "start_char": 10 * s, "end_char": 10 * s + 9, "section": "body",
         "text": f"{w} {w} said Putin.", "polarity": 0.1 * s, "subjectivity": 0.5}
        for d, w in zip(docs, WORDS) for s in (0, 1)])
    markers = frame("markers", [marker(d, family, category) for d in docs for family, category in (
        ("loaded", "threat and fear"), ("hedge", "epistemic modal"), ("booster", "certainty"),
        ("distancing", "distancing label"), ("reporting_verb", "neutral"))])
    quotes = frame("quotes", [quote(d, 1, "direct", "Putin", "named_person", "neutral") for d in docs])
    mentions = frame("mentions", [mention(d, s, "Putin", "Vladimir Putin") for d in docs for s in (0, 1)])
    return {"articles": articles, "sentences": sentences, "markers": markers, "quotes": quotes, "mentions": mentions}


def series_colours(fig: Figure) -> dict[str, str]:
    """The group of each bar series in the figure's panels (its label up to " (n articles, ...)") -> its
    colour."""
    return {c.get_label().split(" (")[0]: to_hex(c[0].get_facecolor())
            for ax in fig.axes for c in ax.containers if isinstance(c, BarContainer) and len(c)}


@pytest.mark.slow
def test_every_figure_draws_ten_outlets():
    articles = frame("articles", [{"doc_id": f"d{i}", "outlet": f"Outlet {i}", "n_words": 100 + i,
                                   "n_sentences": 1, "text": "."} for i in range(10)])
    markers = frame("markers", [marker(f"d{i}", "loaded", "threat and fear") for i in range(0, 10, 2)])
    fig = figures.plot_loaded_terms(measures.rates(markers, articles, keys=("category", "voice")))
    assert len(head(fig)[1]) == 10
    assert len(set(figures.outlet_colors(articles.outlet).values())) == 10
    colours = {outlet: to_hex(colour) for outlet, colour in figures.outlet_colors(OUTLETS).items()}
    tables = ten_outlets()
    for name in figures.NAMES:
        table, fig = figures.draw(name, tables)
        if name == "05_framing_strip":  # one band per article, its lanes in the families' colours
            bands = {c.get_label().split(" | ")[0] for c in fig.axes[0].containers}
            assert bands == set(OUTLETS), name
            loaded = [c for c in fig.axes[0].containers if c.get_label().endswith("| loaded")]
            assert [to_hex(c[0].get_facecolor()) for c in loaded] == [to_hex(figures.FAMILY_COLORS["loaded"])] * 10
            continue
        if name == "09_selection":  # more than six articles: an outlet-by-outlet matrix of shared content
            matrix = fig.axes[0]
            assert ticks(matrix, "x") == ticks(matrix, "y") == sorted(OUTLETS), name
            continue
        # every outlet's bars, each outlet in its own colour
        assert series_colours(fig) == colours, name
        if fig.legends:  # the colour key names every outlet in its colour
            key = fig.legends[0]
            assert {text.get_text().split(" (")[0]: to_hex(handle.get_facecolor())
                    for text, handle in zip(key.get_texts(), key.legend_handles)} == colours, name
        else:  # one panel per outlet
            assert sorted(ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()) == sorted(OUTLETS), name


@pytest.mark.slow
def test_committed_figures_are_those_the_code_draws_from_the_seed_corpus(tmp_path):
    """figures/ holds what `make figures` writes now; regenerate it with `make figures` when this fails."""
    assert cli.main(["figures", "--out", str(tmp_path), "-q"]) == cli.EXIT_OK
    committed = ROOT / "figures"
    fresh = sorted(p.name for p in tmp_path.iterdir())
    kept = sorted(p.name for p in committed.iterdir() if not p.name.startswith("."))
    assert fresh == FILES
    missing = sorted(set(fresh) - set(kept))
    extra = sorted(set(kept) - set(fresh))
    differ = [name for name in fresh if name in kept
              and (tmp_path / name).read_bytes() != (committed / name).read_bytes()]
    assert not (missing or extra or differ), (
        f"figures/ is out of date (run `make figures`): missing {missing}, not written by the code {extra}, "
        f"different {differ}")
