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

from spacy.tokens import Doc

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
        (``doc._.framing_markers``)."""
        n = len(doc)
        if not n:
            return []
        marked, marked_first = _marker_tags(doc, markers)
        quoted, first_break = _quotation_flags(doc)
        words = [self.word(t.lower_, t.lemma_.lower()) for t in doc]
        context = self._context(doc, words, marked_first)
        pos = [t.pos_ for t in doc]
        window = self.window
        out = []
        for t in doc:
            i = t.i
            head = t.head
            f = ["bias", "p=" + pos[i], "t=" + t.tag_, "sh=" + t.shape_[:4], "e=" + (t.ent_type_ or "O"),
                 "d=" + t.dep_, "hp=" + t.dep_ + "_" + head.pos_, "hl=" + head.lemma_.lower()]
            f += words[i][0]
            if t.is_title:
                f.append("title")
            elif t.is_upper and len(t) > 1:
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
    def _context(doc: Doc, words: list, marked_first: list[bool]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = [()] * len(doc)
        for sent in doc.sents:
            sent_words = [t.i for t in sent if not (t.is_punct or t.is_space)]
            features = ("ss" + _bin(sum(words[i][2] for i in sent_words), SENTENCE_SUBJECTIVE_EDGES),
                        "sl" + _bin(len(sent_words), SENTENCE_LENGTH_EDGES))
            if any(t.text == "!" for t in sent):
                features += ("sx",)
            for i in range(sent.start, sent.end):
                out[i] = features
        if doc.has_annotation("DEP"):
            for chunk in doc.noun_chunks:
                subjective = any(words[t.i][2] or marked_first[t.i] for t in chunk)
                for k, t in enumerate(chunk):
                    out[t.i] = (*out[t.i], "npB" if not k else "npI", *(("nps",) if subjective else ()))
        return out


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


def _quotation_flags(doc: Doc) -> tuple[list[bool], int]:
    """Per token, whether it lies between quotation marks (the marks included; reset at line breaks),
    and the index of the first line break (the end of the headline; 0 when the text has no line break,
    as a sentence or passage on its own has no headline)."""
    flags = [False] * len(doc)
    inside = False
    first_break = len(doc) if any("\n" in t.text for t in doc) else 0  # no line break: no headline
    for t in doc:
        text = t.text
        if "\n" in text:
            inside = False
            first_break = min(first_break, t.i)
        elif text in OPENING_QUOTES:
            inside = flags[t.i] = True
        elif text in CLOSING_QUOTES:
            flags[t.i] = True
            inside = False
        elif text == '"':
            inside = not inside
            flags[t.i] = True
        else:
            flags[t.i] = inside
    return flags, first_break
