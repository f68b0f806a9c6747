"""Sentence polarity and subjectivity from TextBlob's pattern lexicon, computed once per sentence.

Only TextBlob's sentiment is used: its tokenizers, taggers and noun phrases need NLTK corpora that
cannot be downloaded here, so sentences come from spaCy. :func:`sentiment` calls TextBlob's English
``Sentiment`` analyser directly (the same lexicon and averaging ``TextBlob(text).sentiment`` uses, without
building a TextBlob object per sentence).

The scores of a Doc's sentences can be stored with it (:func:`annotate`, kept by the parse cache), so
that a rerun on cached parses does not score the sentences again.

>>> sentiment("This is a clear threat.")        # doctest: +SKIP
(0.1, 0.3833333333333333)
"""

from __future__ import annotations

from importlib.metadata import version

from spacy.tokens import Doc
from textblob.en import sentiment as _pattern_sentiment

#: ``doc.user_data`` key of the sentence scores stored by :func:`annotate`.
KEY = "framing_sentiment"
#: The TextBlob version, part of the parse cache key (its lexicon decides the scores).
VERSION = version("textblob")


def sentiment(text: str) -> tuple[float, float]:
    """``(polarity, subjectivity)`` of ``text``: polarity in [-1, 1], subjectivity in [0, 1]."""
    polarity, subjectivity = _pattern_sentiment(text)
    return float(polarity), float(subjectivity)


def annotate(doc: Doc) -> None:
    """Store the ``(polarity, subjectivity)`` of each sentence of ``doc`` in ``doc.user_data``
    (None for a whitespace-only sentence), to be read back by :func:`sentence_scores`."""
    doc.user_data[KEY] = [list(sentiment(text)) if (text := sent.text.strip()) else None for sent in doc.sents]


def sentence_scores(doc: Doc) -> list | None:
    """The scores stored by :func:`annotate`, or None when there are none."""
    return doc.user_data.get(KEY)
