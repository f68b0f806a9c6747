"""Sentence polarity and subjectivity from TextBlob's pattern lexicon, computed once per sentence.

Only TextBlob's sentiment is used: its tokenizers, taggers and noun phrases need NLTK corpora that
cannot be downloaded here, so sentences come from spaCy. :func:`sentiment` calls TextBlob's English
``Sentiment`` analyser directly (the same lexicon and averaging ``TextBlob(text).sentiment`` uses, without
building a TextBlob object per sentence).

>>> sentiment("This is a clear threat.")        # doctest: +SKIP
(0.1, 0.3833333333333333)
"""

from __future__ import annotations

from textblob.en import sentiment as _pattern_sentiment


def sentiment(text: str) -> tuple[float, float]:
    """``(polarity, subjectivity)`` of ``text``: polarity in [-1, 1], subjectivity in [0, 1]."""
    polarity, subjectivity = _pattern_sentiment(text)
    return float(polarity), float(subjectivity)
