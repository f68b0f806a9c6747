"""Decoding token probabilities into spans, the merge of model spans with lexicon matches, and the span
scores of SemEval-2023 Task 3."""

from __future__ import annotations

import numpy as np
import pytest

from framing.loaded.spans import LexiconSpan, Tokens, combine, decode, merge, span_scores


def probabilities(inside, name_calling=()):
    p = np.zeros((len(inside), 3))
    for i, value in enumerate(inside):
        column = 2 if i in name_calling else 1
        p[i, column] = value
        p[i, 0] = 1 - value
    return p


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp("They called Smith a “dangerous fool”. The plan failed.")


def test_a_run_above_the_threshold_is_one_span_with_its_quotes_trimmed(doc):
    words = [t.text for t in doc]
    inside = [0.9 if t in ("“", "dangerous", "fool", "”") else 0.05 for t in words]
    spans = decode(Tokens.of(doc), probabilities(inside), threshold=0.2)
    assert [(doc.text[s.start_char:s.end_char], s.category) for s in spans] == [("dangerous fool", "loaded language")]
    assert spans[0].score == pytest.approx(0.9)


def test_a_hyphen_inside_a_word_does_not_cut_a_span(nlp):
    doc = nlp("They act as a so-called fifth column - the critics say.")
    words = [t.text for t in doc]
    assert words[4:7] == ["so", "-", "called"]
    inside = [0.9 if i in (4, 6, 7, 8) else 0.05 for i in range(len(words))]
    spans = decode(Tokens.of(doc), probabilities(inside), threshold=0.5)
    assert [doc.text[s.start_char:s.end_char] for s in spans] == ["so-called fifth column"]
    # a dash between spaces is not inside a word: the span stops before it
    dash = words.index("-", 7)
    inside = [0.9 if i in (dash - 1, dash + 1) else 0.05 for i in range(len(words))]
    spans = decode(Tokens.of(doc), probabilities(inside), threshold=0.5)
    assert [doc.text[s.start_char:s.end_char] for s in spans] == ["column", "the"]


def test_the_category_is_the_label_with_more_probability(doc):
    words = [t.text for t in doc]
    k = words.index("fool")
    inside = [0.9 if i in (k - 1, k) else 0.0 for i in range(len(words))]
    spans = decode(Tokens.of(doc), probabilities(inside, name_calling={k - 1, k}), threshold=0.5)
    assert [s.category for s in spans] == ["name calling"]


def test_a_span_that_is_only_a_name_is_dropped(nlp):
    doc = nlp("Vladimir Putin met Kassym-Jomart Tokayev in St. Petersburg.")
    names = [i for i, t in enumerate(doc) if t.ent_type_ == "PERSON"]
    assert names
    inside = [0.9 if i in names else 0.0 for i in range(len(doc))]
    _, spans = combine(Tokens.of(doc), probabilities(inside), [], threshold=0.5)
    assert spans == []


def test_longer_span_wins_and_a_tie_goes_to_the_lexicon():
    lexicon = [(10, 15), (30, 40), (50, 55)]
    model = [(8, 20), (32, 38), (50, 55), (70, 80)]
    keep_lexicon, keep_model = merge(lexicon, model, "longer")
    assert keep_lexicon == [1, 2] and keep_model == [0, 3]
    kept = [lexicon[i] for i in keep_lexicon] + [model[i] for i in keep_model]
    assert not any(a < d and c < b for i, (a, b) in enumerate(kept) for (c, d) in kept[i + 1:])


def test_the_gate_drops_lexicon_matches_the_model_finds_unlikely_but_not_the_users(doc):
    words = [t.text for t in doc]
    k, j = words.index("fool"), words.index("plan")
    tokens = Tokens.of(doc)
    inside = [0.3 if i == k else 0.01 for i in range(len(words))]
    matches = [LexiconSpan(doc[k].idx, doc[k].idx + 4), LexiconSpan(doc[j].idx, doc[j].idx + 4),
               LexiconSpan(doc[j].idx, doc[j].idx + 4, gated=False)]
    keep, spans = combine(tokens, probabilities(inside), matches, threshold=0.5, rule="gated", gate=0.1)
    assert keep == [0, 2] and spans == []
    # without a gate both matches on "plan" pass; they are the same span, so only the first stays
    keep, _ = combine(tokens, probabilities(inside), matches, threshold=0.5, rule="gated", gate=0.0)
    assert keep == [0, 1]


def test_partial_and_any_overlap_scores():
    gold = {"a": [(0, 10)], "b": [(0, 4)]}
    predicted = {"a": [(5, 15)], "b": []}
    s = span_scores(predicted, gold, ["a", "b"])
    assert s.precision == pytest.approx(0.5)  # half of the predicted characters are gold
    assert s.recall == pytest.approx(0.25)  # half of one gold span, none of the other
    assert s.any_precision == 1.0 and s.any_recall == 0.5
    assert s.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
