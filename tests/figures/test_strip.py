"""framing.figures.strip: figure 5, each article sentence by sentence."""

from __future__ import annotations

import matplotlib

from drawn import texts
from framing import figures as plots, measures
from framing.figures.style import tint


def test_framing_strip_colours_each_sentence_by_what_it_holds(articles, markers, quotes, sentences):
    features = measures.sentence_features(sentences, markers, quotes, articles)
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


def test_framing_strip_says_how_many_articles_it_leaves_out(articles, markers, quotes, sentences):
    features = measures.sentence_features(sentences, markers, quotes, articles)
    fig = plots.plot_framing_strip(features, max_articles=2)
    assert "Showing 2 of 3 articles" in fig.get_supxlabel()
