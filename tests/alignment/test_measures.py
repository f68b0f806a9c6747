"""The measures behind figure 9: selection sentence by sentence, and headline against body."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import KRONE, ONEWORLD
from framing.alignment import events_of
from framing.measures.sections import section_contrast
from framing.measures.selection import selection_figure, selection_view, shared_matrix


def test_headline_and_lead_against_the_rest(seed_tables):
    t = seed_tables
    contrast = section_contrast(t.sentences, t.markers, t.mentions, t.articles).set_index(["outlet", "dimension",
                                                                                            "value"])
    krone = contrast.loc[("Krone", "marker", "loaded")]
    # Krone's headline and its three lead sentences all carry a loaded term; the rest much less often
    assert (krone["opening_sentences"], krone["opening_with"]) == (4, 4)
    assert krone["rest_sentences"] == 23 and krone["rest_share"] < 0.7
    putin = contrast.loc[("OneWorld", "actor", "Vladimir Putin")]
    assert putin["opening_share"] == 0.75 and putin["rest_share"] < 0.1


def test_frames_appear_when_a_sentence_frames_table_is_given(seed_tables):
    t = seed_tables
    frames = pd.DataFrame({"doc_id": [KRONE, KRONE, ONEWORLD], "sent_id": [0, 5, 2],
                           "frame": ["Security_and_defense"] * 3})
    contrast = section_contrast(t.sentences, t.markers, t.mentions, t.articles, sentence_frames=frames)
    row = contrast[(contrast["dimension"] == "frame") & (contrast["outlet"] == "Krone")].iloc[0]
    assert (row["opening_with"], row["rest_with"]) == (1, 1)
    assert "frame" not in set(section_contrast(t.sentences, t.markers, t.mentions, t.articles)["dimension"])


def test_selection_view_marks_each_sentence_shared_or_unique(seed_tables):
    t = seed_tables
    view = selection_view(t.sentences, t.markers, t.quotes, t.alignments, t.articles, events_of(t.articles))
    sentences = view.drop_duplicates(["doc_id", "sent_id"])
    assert len(sentences) == 43
    shared = sentences[~sentences["unique"]]
    assert sorted(zip(shared["outlet"], shared["sent_id"])) == [("Krone", 4), ("Krone", 5), ("Krone", 6),
                                                               ("OneWorld", 2), ("OneWorld", 5)]
    matrix = shared_matrix(view).set_index(["group", "partner"])
    assert matrix.loc[("Krone", "OneWorld"), "shared"] == 3
    assert matrix.loc[("OneWorld", "Krone"), "share"] == pytest.approx(2 / 16)


def test_figure_table_switches_to_the_matrix_beyond_the_columns_it_can_show(seed_tables):
    t = seed_tables
    args = (t.sentences, t.markers, t.quotes, t.mentions, t.alignments, t.articles, events_of(t.articles))
    assert set(selection_figure(*args)["panel"]) == {"selection", "headline"}
    assert set(selection_figure(*args, max_columns=1)["panel"]) == {"matrix", "headline"}
