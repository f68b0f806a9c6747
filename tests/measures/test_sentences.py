"""framing.measures.sentences: what each sentence holds, for the framing strip."""

from __future__ import annotations

from framing import measures
from framing.schemas import frame
from rows import quote, sentences_table


def test_sentence_features_count_markers_by_voice_and_quotes_by_overlap(articles, markers):
    sents = sentences_table({"x1": ["aaaa", "bbbb", "cccc"]})
    sents["start_char"], sents["end_char"] = [0, 5, 10], [4, 9, 14]
    quotes = frame("quotes", [{**quote("x1", 1, "direct", "A", "named_person"), "start_char": 3, "end_char": 7},
                              {**quote("x1", 2, "scare"), "start_char": 11, "end_char": 13}])
    features = measures.sentence_features(sents, markers, quotes, articles.query("doc_id == 'x1'"))
    assert features["sent_id"].tolist() == [0, 1, 2]
    assert features["loaded_author"].tolist() == [4, 0, 0]
    assert features["hedge_author"].tolist() == [0, 0, 1]
    assert features["quotations"].tolist() == [1, 1, 0]  # the quote runs over sentences 0 and 1
    assert features["scare_quotes"].tolist() == [0, 0, 1]
    x2 = measures.sentence_features(sentences_table({"x2": ["a", "b"]}), markers, frame("quotes"),
                                    articles)
    assert x2["loaded_author"].tolist() == [1, 0] and x2["loaded_quoted"].tolist() == [0, 1]
