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

from framing.arrays import sentences

#: False when TextBlob's tokenizer tables are not where the fast path expects them (another TextBlob
#: layout): its own analyser is used then (slower, the same scores).
_FAST = True

#: ``doc.user_data`` key of the sentence scores stored by :func:`sentence_scores`.
KEY = "framing_sentiment"
#: The TextBlob version, part of the parse cache key (its lexicon decides the scores).
VERSION = version("textblob")


class _TextBlob:
    """TextBlob's analyser, its English sentiment lexicon as flat lookups, and its word tokenizer's tables
    (``textblob._text.find_tokens`` with its English defaults, patterns compiled once). Built on first
    use: importing TextBlob costs more than a cached rerun needs (the scores are stored with the parse)."""

    def __init__(self) -> None:
        global _FAST
        try:  # the lexicon and tables read from the installed package, without importing TextBlob
            analyser, _text = _english_sentiment()
        except Exception:  # another TextBlob layout: its own import (1.2 s more)
            from textblob.en import sentiment as analyser

            try:  # TextBlob's tokenizer tables, which the fast path follows
                from textblob import _text
            except ImportError:
                _text = None
        self.analyser = analyser
        names = ("ABBREVIATIONS", "EMOTICONS", "EOS", "PUNCTUATION", "RE_ABBR1", "RE_ABBR2", "RE_ABBR3",
                 "RE_EMOTICONS", "RE_SARCASM", "TOKEN", "replacements")
        if not all(hasattr(_text, name) for name in names):
            _FAST = False
            return
        self.abbreviations, self.eos, self.punctuation = _text.ABBREVIATIONS, _text.EOS, _text.PUNCTUATION
        self.abbr = (_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3)
        self.re_emoticons, self.re_sarcasm, self.token = _text.RE_EMOTICONS, _text.RE_SARCASM, _text.TOKEN
        self.replacements = _text.replacements
        self.replace = [(re.compile(pattern), replacement) for pattern, replacement in _text.replacements.items()]
        self.quotes = str.maketrans({"\u201c": " \u201c ", "\u201d": " \u201d ", "\u2018": " \u2018 ",
                                     "\u2019": " \u2019 ", "'": " ' ", '"': ' " '})
        self.linebreak = re.compile(r"\n{2,}")
        self.spaces = re.compile(r"\s+")
        self.leading = tuple(_text.PUNCTUATION.replace(".", ""))
        self.trailing = self.leading + (".",)
        self.ends = frozenset({"...", ".", "!", "?", _text.EOS})
        self.closers = frozenset({"'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")", _text.EOS})
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
        for (_, polarity), faces in _text.EMOTICONS.items():
            for face in faces:
                self.emoticons.setdefault(face.lower(), polarity)


def _english_sentiment():
    """TextBlob's English sentiment analyser (``textblob.en.sentiment``) and its ``_text`` module, loaded
    from the installed package's files without importing the ``textblob`` package: its import pulls
    in NLTK and SciPy's statistics (1.2 s of every run that scores a sentence), and ``_text`` needs
    only the standard library. The analyser is built as ``textblob/en/__init__.py`` builds it (the
    same lexicon file, negations, modifiers, and the "-ly" adverbs it derives from adjectives); the
    tests compare the scores with ``TextBlob(text).sentiment``. Raises an exception when the
    package's layout differs (the caller imports TextBlob then)."""
    import importlib.util
    import os

    found = importlib.util.find_spec("textblob")  # finds the package, does not run it
    folder = os.path.dirname(found.origin)
    spec = importlib.util.spec_from_file_location("framing._textblob_text", os.path.join(folder, "_text.py"))
    _text = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(_text)

    class Sentiment(_text.Sentiment):  # textblob.en.Sentiment
        def load(self, path=None):
            _text.Sentiment.load(self, path)
            if not path:  # map "terrible" to the adverb "terribly", as TextBlob does
                for w, pos in list(dict.items(self)):
                    if "JJ" in pos:
                        if w.endswith("y"):
                            w = w[:-1] + "i"
                        if w.endswith("le"):
                            w = w[:-2]
                        p, s, i = pos["JJ"]
                        self.annotate(w + "ly", "RB", p, s, i)

    lexicon = os.path.join(folder, "en", "en-sentiment.xml")
    if not os.path.isfile(lexicon):
        raise FileNotFoundError(lexicon)
    analyser = Sentiment(path=lexicon, synset="wordnet_id", negations=("no", "not", "n't", "never"),
                         modifiers=("RB",), modifier=lambda w: w.endswith("ly"), language="en")
    return analyser, _text


_LOADED: _TextBlob | None = None


def _textblob() -> _TextBlob:
    global _LOADED
    if _LOADED is None:
        _LOADED = _TextBlob()
    return _LOADED


def _tokens(string: str) -> list[str]:
    """The words TextBlob's sentiment analyser reads in ``string`` (``" ".join(find_tokens(s)).split()``)."""
    tb = _textblob()
    if "'" in string:  # every contraction pattern has an apostrophe
        for pattern, replacement in tb.replace:
            string = pattern.sub(replacement, string)
    string = string.translate(tb.quotes).replace("\r\n", "\n")
    string = tb.spaces.sub(" ", tb.linebreak.sub(f" {tb.eos} ", string))
    tokens: list[str] = []
    append = tokens.append
    for t in tb.token.findall(string + " "):
        if not t.startswith(tb.leading) and not t.endswith(tb.trailing):
            append(t)
            continue
        tail = []
        while t.startswith(tb.leading) and t not in tb.replacements:
            tokens.append(t[0])
            t = t[1:]
        while t.endswith(tb.trailing) and t not in tb.replacements:
            if t.endswith(tb.leading):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in tb.abbreviations or any(pattern.match(t) is not None for pattern in tb.abbr):
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
        if tokens[j] in tb.ends:
            while j < n and tokens[j] in tb.closers:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != tb.eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    words: list[str] = []
    for sentence in sentences:
        if sentence:
            joined = tb.re_sarcasm.sub("(!)", " ".join(sentence))
            joined = tb.re_emoticons.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), joined)
            words.extend(joined.split())
    return words


def sentiment(text: str) -> tuple[float, float]:
    """``(polarity, subjectivity)`` of ``text``: polarity in [-1, 1], subjectivity in [0, 1]."""
    lexicon = _textblob()
    if not _FAST:
        polarity, subjectivity = lexicon.analyser(text)
        return float(polarity), float(subjectivity)
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
            if not word.isalpha() and len(word) <= 5 and word not in lexicon.punctuation:
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


def word_scores() -> dict[str, tuple[float, float, float]]:
    """TextBlob's English lexicon: word -> ``(polarity, subjectivity, intensity)``, averaged over its
    parts of speech (read from the installed package on first use, never copied)."""
    return _textblob().scores
