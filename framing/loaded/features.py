"""Token features for the loaded-language span detector, read from a parsed Doc.

Every token gets a list of feature strings (a bag, no values):

- ``bias``, on every token: the model's intercept;
- its own word: lower-case form, lemma, three-letter suffix and prefix, shape, part of speech, tag,
  dependency label, the label with its head's part of speech, the head's lemma, entity type, title or
  upper case;
- where it stands: inside a quotation (between quotation marks, reset at line breaks), in the headline
  (before the first line break);
- word lists: TextBlob's subjectivity and polarity of the word (its pattern lexicon, read from the
  installed ``textblob`` package, binned), and the toolkit's own markers over it (family, and the
  category of a ``loaded`` marker, first word or inside), as :mod:`framing.pipeline.markers` found them;
- its neighbours within :data:`WINDOW` tokens: their form, TextBlob bins, part of speech and marker;
- context: how subjective the sentence is (TextBlob-subjective words, binned), its length, an
  exclamation mark in it, and noun chunks with a subjective word inside. Nothing is measured over the
  whole article: such features hold for every token of a training article, so they share the
  model's intercept with ``bias``, and a text unlike the training articles (a single sentence) would
  lose it and come out loaded from end to end.

No published reference list is read: the features are the parse, the toolkit's lexicons, TextBlob's
lexicon, and what a model learns from its training data. The per-word part of the features is cached
(words repeat); neighbours reuse it.

>>> feats = Featurizer()(doc, markers)          # doctest: +SKIP
>>> feats[3][:3]
['w=biased', 'l=biased', 's=sed']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc

from framing.arrays import sentences
from framing.records import Marker

#: Neighbours on each side whose words are features (two measured best: one loses context, three
#: adds noise).
WINDOW = 2
#: Opening and closing quotation marks (a straight double quote toggles).
OPENING_QUOTES = frozenset({"\u201c", "\u00ab", "\u201e"})
CLOSING_QUOTES = frozenset({"\u201d", "\u00bb"})
#: Bin edges of TextBlob's subjectivity (0 to 1) and polarity (-1 to 1) of a word.
SUBJECTIVITY_EDGES = (0.3, 0.6, 0.9)
POLARITY_EDGES = (-0.5, -0.1, 0.1, 0.5)
#: A word counts as subjective, for the sentence and article context, from this TextBlob subjectivity.
SUBJECTIVE = 0.6
#: Bin edges of the sentence context: subjective words in it, its length in words.
SENTENCE_SUBJECTIVE_EDGES = (1, 2, 3, 5)
SENTENCE_LENGTH_EDGES = (8, 15, 25, 40)


def _bin(value: float, edges: Sequence[float]) -> str:
    for i, edge in enumerate(edges):
        if value < edge:
            return str(i)
    return str(len(edges))


def textblob_flags() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Word (lower case) -> its TextBlob subjectivity and polarity bins and whether it is subjective,
    from the installed TextBlob's English lexicon (read, never copied)."""
    from framing.pipeline.sentiment import word_scores

    return {word: (("tbs" + _bin(subjectivity, SUBJECTIVITY_EDGES), "tbp" + _bin(polarity, POLARITY_EDGES)),
                   subjectivity >= SUBJECTIVE)
            for word, (polarity, subjectivity, _) in word_scores().items()}


class Featurizer:
    """Feature strings for every token of a parsed Doc (see the module docs); build once, call per Doc."""

    def __init__(self, window: int = WINDOW):
        self.window = window
        self.flags = textblob_flags()
        self._words: dict[tuple[str, str], tuple[list[str], dict[int, list[str]], bool]] = {}

    def word(self, lower: str, lemma: str) -> tuple[list[str], dict[int, list[str]], bool]:
        """``(own features, features as a neighbour at each offset, subjective?)`` of a word, cached."""
        key = (lower, lemma)
        hit = self._words.get(key)
        if hit is not None:
            return hit
        flags, subjective = self.flags.get(lower) or self.flags.get(lemma) or ((), False)
        own = ["w=" + lower, "l=" + lemma, "s=" + lower[-3:], "b=" + lower[:3], *flags]
        short = ["w=" + lower, *flags]
        shifted = {o: [f"{o}{f}" for f in short] for o in range(-self.window, self.window + 1) if o}
        hit = self._words[key] = (own, shifted, subjective)
        return hit

    def __call__(self, doc: Doc, markers: Sequence[Marker] = ()) -> list[list[str]]:
        """One list of feature strings per token of ``doc``; ``markers`` are the toolkit's markers of it
        (``doc._.framing_markers``). Token attributes are read from the Doc's arrays (a Token object per
        token and attribute would cost more than the model)."""
        n = len(doc)
        if not n:
            return []
        a = TokenArrays(doc)
        marked, marked_first = _marker_tags(doc, markers)
        quoted, first_break = _quotation_flags(a.orth)
        words = [self.word(lower, lemma) for lower, lemma in zip(a.lower, a.lemma)]
        context = self._context(doc, a, words, marked_first)
        pos, tag, dep, ent, shape, heads = a.pos, a.tag, a.dep, a.ent, a.shape, a.heads
        window = self.window
        out = []
        for i in range(n):
            h = heads[i]
            f = ["bias", "p=" + pos[i], "t=" + tag[i], "sh=" + shape[i][:4], "e=" + (ent[i] or "O"),
                 "d=" + dep[i], "hp=" + dep[i] + "_" + pos[h], "hl=" + a.lemma[h]]
            f += words[i][0]
            if a.title[i]:
                f.append("title")
            elif a.upper[i] and a.length[i] > 1:
                f.append("upper")
            if quoted[i]:
                f.append("q")
            if i < first_break:
                f.append("head")
            f += marked[i]
            f += context[i]
            for o in range(-window, window + 1):
                j = i + o
                if not o:
                    continue
                if 0 <= j < n:
                    f += words[j][1][o]
                    f.append(f"{o}p={pos[j]}")
                    if marked[j]:
                        f.append(f"{o}{marked[j][0]}")
                else:
                    f.append(f"{o}pad")
            out.append(f)
        return out

    @staticmethod
    def _context(doc: Doc, a: "TokenArrays", words: list, marked_first: list[bool]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = [()] * len(doc)
        skip = a.skip
        for start, end in sentence_bounds(doc):
            sent_words = [i for i in range(start, end) if not skip[i]]
            features = ("ss" + _bin(sum(words[i][2] for i in sent_words), SENTENCE_SUBJECTIVE_EDGES),
                        "sl" + _bin(len(sent_words), SENTENCE_LENGTH_EDGES))
            if any(a.orth[i] == "!" for i in range(start, end)):
                features += ("sx",)
            for i in range(start, end):
                out[i] = features
        if doc.has_annotation("DEP"):
            for chunk in doc.noun_chunks:
                subjective = any(words[i][2] or marked_first[i] for i in range(chunk.start, chunk.end))
                for k, i in enumerate(range(chunk.start, chunk.end)):
                    out[i] = (*out[i], "npB" if not k else "npI", *(("nps",) if subjective else ()))
        return out


class TokenArrays:
    """The token attributes the features read, as lists (strings, ints, flags), from the Doc's arrays."""

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        names = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SHAPE", "HEAD", "IS_TITLE",
                 "IS_UPPER", "LENGTH", "IS_PUNCT", "IS_SPACE")
        columns = doc.to_array(list(names)).reshape(len(doc), len(names)).T
        cache: dict[int, str] = {}

        def text(values) -> list[str]:
            out = []
            for v in values.tolist():
                s = cache.get(v)
                if s is None:
                    s = cache[v] = strings[v] if v else ""
                out.append(s)
            return out

        self.orth, self.lower = text(columns[0]), text(columns[1])
        self.lemma = [x.lower() for x in text(columns[2])]
        self.pos, self.tag, self.dep = text(columns[3]), text(columns[4]), text(columns[5])
        self.ent, self.shape = text(columns[6]), text(columns[7])
        offsets = columns[8].astype(np.int64).tolist()  # HEAD: the head's offset from the token
        self.heads = [i + o for i, o in enumerate(offsets)]
        self.title, self.upper = columns[9].astype(bool).tolist(), columns[10].astype(bool).tolist()
        self.length = columns[11].tolist()
        self.skip = (columns[12].astype(bool) | columns[13].astype(bool)).tolist()


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` token indices of the sentences (as ``doc.sents``), from the sentence starts."""
    return [(s.start, s.end) for s in sentences(doc)]


def _marker_tags(doc: Doc, markers: Sequence[Marker]) -> tuple[list[list[str]], list[bool]]:
    """Per token, the features of the markers over it (``mB:loaded``, ``mc:loaded/threat and fear``...;
    the first is the family's, which neighbours see) and whether a marker starts there."""
    tags: list[list[str]] = [[] for _ in doc]
    first = [False] * len(doc)
    for marker in markers:
        span = doc.char_span(marker.start_char, marker.end_char, alignment_mode="expand")
        if span is None:
            continue
        for k, token in enumerate(span):
            place = "B" if not k else "I"
            tags[token.i] = [f"m{place}:{marker.family}", f"mc:{marker.family}/{marker.category}"]
        first[span.start] = True
    return tags, first


def _quotation_flags(orth: Sequence[str]) -> tuple[list[bool], int]:
    """Per token (its text, ``orth``), whether it lies between quotation marks (the marks included;
    reset at line breaks), and the index of the first line break (the end of the headline; 0 when the
    text has no line break, as a sentence or passage on its own has no headline)."""
    flags = [False] * len(orth)
    inside = False
    first_break = len(orth) if any("\n" in text for text in orth) else 0  # no line break: no headline
    for i, text in enumerate(orth):
        if "\n" in text:
            inside = False
            first_break = min(first_break, i)
        elif text in OPENING_QUOTES:
            inside = flags[i] = True
        elif text in CLOSING_QUOTES:
            flags[i] = True
            inside = False
        elif text == '"':
            inside = not inside
            flags[i] = True
        else:
            flags[i] = inside
    return flags, first_break
