"""Sentence polarity and subjectivity from TextBlob's pattern lexicon, computed once per sentence.

Only TextBlob's sentiment is used: its tokenizers, taggers and noun phrases need NLTK corpora that
cannot be downloaded here, so sentences come from spaCy. :func:`sentiment` gives exactly the scores of
``TextBlob(text).sentiment`` (TextBlob's English ``Sentiment`` analyser: its tokenizer, lexicon,
modifiers, negations, exclamation marks and emoticons, averaged in the same order), without building
a TextBlob object or an assessment record per word: the lexicon is read once into flat lookups.
The tests compare the two on real and random text.

The scores of a Doc's sentences are computed once, by :func:`sentence_scores`, and stored with it (so
the parse cache keeps them): a rerun on cached parses does not score the sentences again.

>>> sentiment("This is a clear threat.")        # doctest: +SKIP
(0.1, 0.3833333333333333)
"""

from __future__ import annotations

import re
from importlib.metadata import version

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from framing.pipeline.model import sentences
from textblob.en import sentiment as _ANALYSER

try:  # TextBlob's tokenizer tables, which the fast path below follows
    from textblob._text import (ABBREVIATIONS, EMOTICONS, EOS, PUNCTUATION, RE_ABBR1, RE_ABBR2, RE_ABBR3,
                                RE_EMOTICONS, RE_SARCASM, TOKEN, replacements)
    _FAST = True
except ImportError:  # another TextBlob layout: its own analyser (slower, the same scores)
    _FAST = False

#: ``doc.user_data`` key of the sentence scores stored by :func:`sentence_scores`.
KEY = "framing_sentiment"
#: The TextBlob version, part of the parse cache key (its lexicon decides the scores).
VERSION = version("textblob")


class _Lexicon:
    """TextBlob's English sentiment lexicon as flat lookups (built on first use)."""

    def __init__(self) -> None:
        analyser = _ANALYSER
        analyser.load()
        words = dict.items(analyser)
        #: word -> (polarity, subjectivity, intensity), averaged over its parts of speech
        self.scores = {word: tuple(senses[None]) for word, senses in words}
        #: words that modify the next one (adverbs: "very", "really")
        self.modifies = frozenset(word for word, senses in words
                                  if any(tag in senses for tag in analyser.modifiers))
        self.negations = frozenset(analyser.negations)
        self.modifier = analyser.modifier  # unknown words that still modify ("-ly")
        self.emoticons: dict[str, float] = {}
        for (_, polarity), faces in EMOTICONS.items():
            for face in faces:
                self.emoticons.setdefault(face.lower(), polarity)


_LEXICON: _Lexicon | None = None

# TextBlob's word tokenizer (``textblob._text.find_tokens`` with its English defaults), with its patterns
# compiled once and a shortcut for the words that carry no punctuation (most of them).
if _FAST:
    _REPLACE = [(re.compile(pattern), replacement) for pattern, replacement in replacements.items()]
    _QUOTES = str.maketrans({"\u201c": " \u201c ", "\u201d": " \u201d ", "\u2018": " \u2018 ", "\u2019": " \u2019 ",
                             "'": " ' ", '"': ' " '})
    _LINEBREAK = re.compile(r"\n{2,}")
    _SPACES = re.compile(r"\s+")
    _LEADING = tuple(PUNCTUATION.replace(".", ""))
    _TRAILING = _LEADING + (".",)
    _ENDS = frozenset({"...", ".", "!", "?", EOS})
    _CLOSERS = frozenset({"'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")", EOS})


def _tokens(string: str) -> list[str]:
    """The words TextBlob's sentiment analyser reads in ``string`` (``" ".join(find_tokens(s)).split()``)."""
    if "'" in string:  # every contraction pattern has an apostrophe
        for pattern, replacement in _REPLACE:
            string = pattern.sub(replacement, string)
    string = string.translate(_QUOTES).replace("\r\n", "\n")
    string = _SPACES.sub(" ", _LINEBREAK.sub(f" {EOS} ", string))
    tokens: list[str] = []
    append = tokens.append
    for t in TOKEN.findall(string + " "):
        if not t.startswith(_LEADING) and not t.endswith(_TRAILING):
            append(t)
            continue
        tail = []
        while t.startswith(_LEADING) and t not in replacements:
            tokens.append(t[0])
            t = t[1:]
        while t.endswith(_TRAILING) and t not in replacements:
            if t.endswith(_LEADING):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in ABBREVIATIONS or RE_ABBR1.match(t) is not None or RE_ABBR2.match(t) is not None \
                        or RE_ABBR3.match(t) is not None:
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            append(t)
        tokens.extend(reversed(tail))
    sentences: list[list[str]] = [[]]
    i = j = 0
    n = len(tokens)
    while j < n:
        if tokens[j] in _ENDS:
            while j < n and tokens[j] in _CLOSERS:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    words: list[str] = []
    for sentence in sentences:
        if sentence:
            joined = RE_SARCASM.sub("(!)", " ".join(sentence))
            joined = RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), joined)
            words.extend(joined.split())
    return words


def sentiment(text: str) -> tuple[float, float]:
    """``(polarity, subjectivity)`` of ``text``: polarity in [-1, 1], subjectivity in [0, 1]."""
    if not _FAST:
        polarity, subjectivity = _ANALYSER(text)
        return float(polarity), float(subjectivity)
    global _LEXICON
    lexicon = _LEXICON or (_LEXICON := _Lexicon())
    scores, modifies, negations, emoticons = lexicon.scores, lexicon.modifies, lexicon.negations, \
        lexicon.emoticons
    found: list[list[float]] = []  # [polarity, subjectivity, intensity, negated] per assessed word
    modifier = negation = None
    for word in _tokens(text):
        word = word.lower()
        score = scores.get(word)
        if score is not None:
            polarity, subjectivity, intensity = score
            if modifier is None:  # "good"
                found.append([polarity, subjectivity, intensity, 1])
            else:  # "really good": the modifier's intensity scales the word
                last = found[-1]
                last[0] = max(-1.0, min(polarity * last[2], +1.0))
                last[1] = max(-1.0, min(subjectivity * last[2], +1.0))
                last[2] = intensity
            if negation is not None:  # "not (really) good"
                last = found[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1
            modifier = word if word in modifies else None
            negation = word if word in negations else None
        else:
            if word in negations:
                negation = word
            elif negation and len(word.strip("'")) > 1:  # keep a negation across small words
                negation = None
            if negation is not None and modifier is not None and lexicon.modifier(modifier):
                found[-1][3] = -1  # "really not good"
                negation = None
            elif modifier and len(word) > 2:  # keep a modifier across small words
                modifier = None
            if word == "!" and found:
                found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
            if word == "(!)":  # irony
                found.append([0.0, 1.0, 1.0, 1])
            if not word.isalpha() and len(word) <= 5 and word not in PUNCTUATION:
                face = emoticons.get(word)
                if face is not None:
                    found.append([face, 1.0, 1.0, 1])
    polarity_sum = subjectivity_sum = 0
    for polarity, subjectivity, _, negated in found:
        polarity_sum += polarity * -0.5 if negated < 0 else polarity
        subjectivity_sum += subjectivity
    count = float(len(found) or 1)
    return float(polarity_sum / count), float(subjectivity_sum / count)


def sentence_scores(doc: Doc, sents: Sequence[Span] | None = None) -> list:
    """The ``(polarity, subjectivity)`` of each sentence of ``doc`` (None for a whitespace-only one).

    Computed once: the scores are kept in ``doc.user_data`` (and so in the parse cache, with the
    parse), and a later call, in this run or a rerun on the cached parse, reads them back. ``sents``
    are ``doc``'s sentences when the caller has them already.
    """
    sents = sentences(doc) if sents is None else sents
    stored = doc.user_data.get(KEY)
    if stored is not None and len(stored) == len(sents):
        return stored
    scores = [list(sentiment(text)) if (text := sent.text.strip()) else None for sent in sents]
    doc.user_data[KEY] = scores
    return scores
