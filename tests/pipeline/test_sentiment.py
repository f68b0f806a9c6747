"""framing.pipeline.sentiment gives exactly TextBlob's sentence scores, on the seeds, on hand-written cases and on
random text made of the words and marks that steer TextBlob's analyser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob

from framing.pipeline.sentiment import sentiment


def textblob(text: str) -> tuple[float, float]:
    score = TextBlob(text).sentiment
    return score.polarity, score.subjectivity


@pytest.mark.parametrize("text", [
    "This is a clear threat.",
    "The plan is not good.",  # negation
    "The plan is really not good!",  # modifier, negation, exclamation
    "A very very good idea :)",  # repeated modifier, emoticon
    "What a great idea (!)",  # irony
    "I'm not sure it isn't a terrible, terrible mistake.",  # contractions
    "E.g. a great deal... Mr. Smith disagreed.\n\nA new paragraph: awful",  # abbreviations, ellipsis, EOS
    "'Good' \"bad\" ‘ugly’ “fine”",  # straight and curly quotes
    ":-( sad :'( crying ;-) wink <3",
    "",
    "   ",
])
def test_known_cases_match_textblob(text):
    assert sentiment(text) == textblob(text)


def test_seed_sentences_match_textblob(seed_docs):
    sentences = [sent.text for doc in seed_docs.values() for sent in doc.sents]
    assert len(sentences) > 40
    assert [sentiment(s) for s in sentences] == [textblob(s) for s in sentences]
    assert any(p != 0 for p, _ in map(sentiment, sentences))  # the seeds are not neutral throughout


WORDS = ["good", "bad", "not", "never", "no", "very", "really", "extremely", "hardly", "slightly", "a", "is",
         "the", "great", "terrible", "n't", "isn't", "don't", "I'm", "Mr.", "e.g.", "etc.", "U.S.", "!", "?",
         ".", "...", ",", "(", ")", "(!)", "( ! )", ":)", ":-(", "<3", "xD", "8-)", "o.O", "'", '"', "“",
         "”", "‘", "’", "\n\n", "\r\n", "fake", "threat", "clearly", "obviously", "1st", "2022", "-", "*"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from(["", " ", "  ", "\t"]),
                                                               min_size=30, max_size=30))
def test_random_text_matches_textblob(words, gaps):
    text = "".join(word + gap for word, gap in zip(words, gaps))
    assert sentiment(text) == textblob(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_matches_textblob(text):
    assert sentiment(text) == textblob(text)


def test_without_textblobs_tokenizer_tables_the_scores_come_from_textblob_itself(monkeypatch):
    # a TextBlob whose internals moved: the analyser is called as it is, with the same scores
    monkeypatch.setattr("framing.pipeline.sentiment._FAST", False)

    def moved(string):
        raise AssertionError("the fast path read TextBlob's tokenizer tables")

    monkeypatch.setattr("framing.pipeline.sentiment._tokens", moved)
    for text in ("The plan is really not good!", "A very very good idea :)", ""):
        assert sentiment(text) == textblob(text)


def test_stored_scores_that_do_not_fit_the_sentences_are_computed_again(nlp):
    from framing.corpus import Article
    from framing.pipeline.sentiment import KEY, sentence_scores, sentiment
    from framing.tables import sentence_rows

    text = "A clear threat. Nothing happened."
    doc = nlp(text)
    sentence_scores(doc)
    assert doc.user_data[KEY] == [list(sentiment("A clear threat.")), list(sentiment("Nothing happened."))]
    doc.user_data[KEY] = [[0.5, 0.5]]  # one score for two sentences: not used
    rows = sentence_rows(Article(doc_id="a", text=text, path="a.txt"), doc)
    assert [(r["polarity"], r["subjectivity"]) for r in rows] == [sentiment("A clear threat."),
                                                                 sentiment("Nothing happened.")]


def test_scoring_reads_textblobs_lexicon_without_importing_textblob_or_nltk():
    # importing TextBlob pulls in NLTK and SciPy's statistics (over a second of every run); the
    # lexicon and tables are read from its files instead, with the same scores (tests above)
    import subprocess
    import sys

    code = ("import sys; from framing.pipeline.sentiment import sentiment; "
            "print(sentiment('The plan is really not good!')); "
            "print(sorted(m for m in ('textblob', 'nltk', 'scipy.stats') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == repr(textblob("The plan is really not good!"))
    assert out[1] == "[]"
