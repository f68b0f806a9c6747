"""framing.views.jupyter: the highlighted article, keyword-in-context and the small views of the notebooks,
on hand-built tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from framing.figures import BY_NAME
from framing.views.jupyter import (COLORS, describe, highlight, highlight_html, kwic, legend_html, linked_figure,
                                   problems_table, show_figure, vocabulary)
from framing.errors import Problem
from framing.figures.style import span_colors
from framing.schemas import frame

TEXT = "Critics slam plan\n\nThe so-called reform is a clear threat, he said. “It is a disaster,” she said."


def _at(phrase: str, start: int = 0) -> tuple[int, int]:
    begin = TEXT.index(phrase, start)
    return begin, begin + len(phrase)


def _marker(phrase, family, category, voice="author", quote_id=None, sent_id=1):
    start, end = _at(phrase)
    return {"doc_id": "a", "sent_id": sent_id, "start_char": start, "end_char": end, "text": phrase,
            "lemma": phrase.lower(), "family": family, "category": category, "entry": phrase.lower(),
            "source": "project", "voice": voice, "quote_id": quote_id, "negated": False}


@pytest.fixture
def tables():
    quote_start, quote_end = _at("It is a disaster,")
    return {
        "articles": frame("articles", [{"doc_id": "a", "outlet": "Daily", "text": TEXT, "n_words": 20,
                                        "n_sentences": 3}]),
        "sentences": frame("sentences", [
            {"doc_id": "a", "sent_id": 0, "start_char": 0, "end_char": 17, "section": "headline",
             "text": "Critics slam plan"},
            {"doc_id": "a", "sent_id": 1, "start_char": 19, "end_char": 67, "section": "body",
             "text": "The so-called reform is a clear threat, he said."},
            {"doc_id": "a", "sent_id": 2, "start_char": 68, "end_char": len(TEXT), "section": "body",
             "text": "“It is a disaster,” she said."}]),
        "markers": frame("markers", [
            _marker("slam", "reporting_verb", "emotive", sent_id=0),
            _marker("so-called", "distancing", "distancing_label"),
            _marker("clear threat", "loaded", "threat_fear"),
            _marker("disaster", "loaded", "evaluative", voice="quoted", quote_id=1, sent_id=2)]),
        "quotes": frame("quotes", [{"doc_id": "a", "quote_id": 1, "sent_id": 2, "kind": "direct",
                                    "start_char": quote_start, "end_char": quote_end,
                                    "text": "It is a disaster,", "speaker": "she", "cue": "said"}]),
    }


class Rendered(HTMLParser):
    """displaCy's span rendering read back: each highlighted token with the colours of the spans over it
    (``tokens``), and each span's label with its colour and the token it starts on (``labels``)."""

    def __init__(self, html: str):
        super().__init__()
        self.open: list[str | None] = []
        self.tokens: list[tuple[str, set[str]]] = []
        self.labels: list[tuple[str, str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag != "span":
            return
        style = dict(attrs).get("style") or ""
        found = re.search(r"background: (#[0-9a-f]{6})", style)
        colour = found.group(1) if found else None
        kind = None
        if "display: inline-block" in style:  # a token with spans over it
            kind = "token"
            self.tokens.append(("", set()))
        elif "z-index: 10" in style:  # the label at the start of a span
            kind = "label"
            self.labels.append(("", colour, self.tokens[-1][0]))
        elif "height: 4px" in style:  # one span's bar under the token
            self.tokens[-1][1].add(colour)
        self.open.append(kind)

    def handle_endtag(self, tag):
        if tag == "span":
            self.open.pop()

    def handle_data(self, data):
        kind = self.open[-1] if self.open else None
        if kind == "token":
            text, colours = self.tokens[-1]
            self.tokens[-1] = (text + data.strip(), colours)
        elif kind == "label":
            text, colour, token = self.labels[-1]
            self.labels[-1] = (text + data.strip(), colour, token)


def test_highlight_marks_every_marker_and_quote_with_its_colour(tables):
    html = highlight_html(tables, "a", legend=False)
    for family in ("reporting_verb", "distancing", "loaded", "direct"):
        assert COLORS[family] in html
    assert COLORS["hedge"] not in html  # no hedge in this article
    for phrase in ("slam", "called", "clear", "threat", "disaster"):
        assert phrase in html
    colour = span_colors()
    verb, distancing, loaded, direct = (colour[k] for k in ("reporting_verb", "distancing", "loaded", "direct"))
    rendered = Rendered(html)
    # exactly the words of the markers and the quote are highlighted, each in its family's or kind's colour
    # ("disaster" is a loaded term inside the direct quote); "Critics", "reform", "he said" are not
    assert rendered.tokens == [("slam", {verb}), ("so", {distancing}), ("-", {distancing}), ("called", {distancing}),
                               ("clear", {loaded}), ("threat", {loaded}), ("It", {direct}), ("is", {direct}),
                               ("a", {direct}), ("disaster", {direct, loaded}), (",", {direct})]
    assert rendered.labels == [("reporting verb", verb, "slam"), ("distancing", distancing, "so"),
                               ("loaded", loaded, "clear"), ("direct quote", direct, "It"),
                               ("loaded", loaded, "disaster")]


def test_highlight_can_leave_families_out(tables):
    html = highlight_html(tables, "a", families=("loaded",), kinds=(), legend=False)
    assert COLORS["loaded"] in html and COLORS["distancing"] not in html and COLORS["direct"] not in html


def test_legend_names_every_label_in_its_colour():
    html = legend_html()
    for label in ("loaded", "hedge", "booster", "distancing", "reporting verb", "direct quote", "scare quote"):
        assert label in html
    assert all(colour in html for colour in COLORS.values())


def test_legend_lists_only_what_is_drawn(tables):
    html = highlight_html(tables, "a", families=("loaded",), kinds=("scare",))
    legend = html[:html.index("Critics")]
    assert "loaded" in legend and "scare quote" in legend
    assert "hedge" not in legend and "direct quote" not in legend


def test_unknown_article_is_a_clear_error(tables):
    with pytest.raises(KeyError, match="no article 'zzz'"):
        highlight_html(tables, "zzz")


def test_kwic_by_category_gives_context_and_sentence(tables):
    found = kwic(tables, category="threat_fear", width=12)
    assert list(found["match"]) == ["clear threat"]
    row = found.iloc[0]
    assert row.left == "reform is a" and row.right == ", he said. “"
    assert row.sentence == "The so-called reform is a clear threat, he said."
    assert row.outlet == "Daily" and row.voice == "author"


def test_kwic_by_term_and_family(tables):
    assert list(kwic(tables, "DISASTER")["voice"]) == ["quoted"]
    assert list(kwic(tables, family="loaded")["match"]) == ["clear threat", "disaster"]
    assert kwic(tables, "nothing").empty


def test_vocabulary_lists_the_words_of_each_category_most_frequent_first(tables):
    extra = _marker("clear threat", "loaded", "threat_fear", sent_id=1)
    tables["markers"] = frame("markers", [*tables["markers"].to_dict("records"), extra])
    found = vocabulary(tables, family="loaded")
    assert list(found.columns) == ["category", "outlet", "count", "words"]
    assert found.iloc[0].to_dict() == {"category": "threat_fear", "outlet": "Daily", "count": 2,
                                       "words": "clear threat \u00d72"}
    assert list(found["category"]) == ["threat_fear", "evaluative"]


def test_vocabulary_splits_on_any_marker_column(tables):
    found = vocabulary(tables, family="loaded", keys=("voice",))
    assert dict(zip(found["voice"], found["words"])) == {"author": "clear threat", "quoted": "disaster"}
    assert vocabulary(tables, family="hedge").empty


def test_describe_fills_the_template_row_by_row():
    table = pd.DataFrame({"outlet": ["A", "B"], "rate": [1.234, 20.0]})
    assert describe(table, "{group}: {rate:.1f}", by="outlet") == "A: 1.2; B: 20.0"
    assert describe(table, "{outlet}", sep=" and ") == "A and B"


def test_show_figure_gives_the_same_png_every_time():
    from matplotlib.figure import Figure

    def draw():
        fig = Figure(figsize=(2, 1), layout="constrained")
        fig.add_subplot().plot([0, 1], [1, 0])
        return show_figure(fig)

    first, second = draw(), draw()
    assert first.data == second.data and first.data[:4] == b"\x89PNG"
    assert first.width == 240


def test_problems_table_shows_paths_inside_the_corpus_relative_to_it(tmp_path):
    problems = [Problem(str(tmp_path / "sub" / "a.txt"), None, "not UTF-8", "", skipped=False),
                Problem("/elsewhere/b.csv", 3, "broken row", "fix it")]
    table = problems_table(problems, root=tmp_path)
    assert list(table["path"]) == ["sub/a.txt", "/elsewhere/b.csv"]
    assert table["line"].isna().tolist() == [True, False] and table["line"].iloc[1] == 3
    assert list(table["skipped"]) == [False, True]


def test_highlight_shows_the_highlighted_html_in_jupyter(tables):
    shown = highlight(tables, "a", families=("loaded",), kinds=())
    assert shown.data == highlight_html(tables, "a", families=("loaded",), kinds=())


@pytest.mark.slow
def test_a_linked_figure_is_written_and_shown_by_a_link_with_its_caption(tables, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    table, link = linked_figure("01_loaded_terms", tables, "figures")
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == [
        "01_loaded_terms.csv", "01_loaded_terms.png", "01_loaded_terms.svg"]
    assert link.data == f"![{BY_NAME['01_loaded_terms'].caption}](figures/01_loaded_terms.png)"
    assert table.query("category == 'threat_fear' and voice == 'author'")["count"].tolist() == [1]


def test_frame_cues_are_highlighted_by_their_frame_and_evidence_is_listed():
    from framing.views.jupyter import FRAME_SPAN_COLORS, evidence_html, frame_evidence

    text = "War looms\n\nTroops massed at the border. Prices rose."
    cue = lambda word, category, sent: {"doc_id": "a", "sent_id": sent, "start_char": text.index(word),  # noqa: E731
                                        "end_char": text.index(word) + len(word), "text": word, "lemma": word,
                                        "family": "frame", "category": category, "entry": word, "source": "project",
                                        "voice": "author"}
    tables = {
        "articles": frame("articles", [{"doc_id": "a", "outlet": "X", "n_words": 8, "n_sentences": 3, "text": text}]),
        "sentences": frame("sentences", [{"doc_id": "a", "sent_id": i, "start_char": text.index(s),
                                          "end_char": text.index(s) + len(s), "section": "body", "text": s,
                                          "polarity": 0.0, "subjectivity": 0.0}
                                         for i, s in enumerate(["War looms", "Troops massed at the border.",
                                                                "Prices rose."])]),
        "markers": frame("markers", [cue("War", "Security_and_defense", 0), cue("Troops", "Security_and_defense", 1),
                                     cue("Prices", "Economic", 2)]),
        "quotes": frame("quotes"),
        "frames": frame("frames", [{"doc_id": "a", "frame": "Security_and_defense", "score": 0.8, "present": True,
                                    "n_sentences": 2, "evidence": "1;0", "source": "m"},
                                   {"doc_id": "a", "frame": "Economic", "score": 0.3, "present": False,
                                    "n_sentences": 1, "evidence": "2", "source": "m"}]),
        "sentence_frames": frame("sentence_frames", [
            {"doc_id": "a", "sent_id": 1, "frame": "Security_and_defense", "score": 0.7, "n_cues": 1, "cues": "Troops"},
            {"doc_id": "a", "sent_id": 0, "frame": "Security_and_defense", "score": 0.2, "n_cues": 1, "cues": "War"},
            {"doc_id": "a", "sent_id": 2, "frame": "Economic", "score": 0.4, "n_cues": 1, "cues": "Prices"}]),
    }
    html = highlight_html(tables, "a", families=("frame",), kinds=(), legend=False)
    assert FRAME_SPAN_COLORS["Security and defense"] in html and FRAME_SPAN_COLORS["Economic"] in html
    only = highlight_html(tables, "a", families=("frame",), kinds=(), frames=["Economic"], legend=False)
    assert FRAME_SPAN_COLORS["Security and defense"] not in only
    evidence = frame_evidence(tables, "a")  # present frames only
    assert evidence[["frame", "rank", "sent_id", "part", "cues"]].values.tolist() == [
        ["Security_and_defense", 1, 1, 0.7, "Troops"], ["Security_and_defense", 2, 0, 0.2, "War"]]
    shown = evidence_html(tables, "a")
    assert "Security and defense</b> (score 0.80)" in shown and "Prices" not in shown
