"""How alike two passages are: TF-IDF vectors over the passages of one event, compared by cosine.

A passage (a sentence or a quotation) becomes a bag of features, read from the finished tables only
(never a parse):

- its **content words**: the lower-cased word tokens of its text (:func:`framing.measures.tokenize`)
  without common function words, names (the ``mentions``) or reporting cues ("said", "told"), each cut into character n-grams within the word (``chars``, the
  default) or kept whole (``words``). Character n-grams let "recognise" meet "recognize", "historic"
  meet "historical" and "threatening" meet "threaten": what two translations or a paraphrase of one
  statement share is mostly stems, seldom whole words;
- the **actors** it names (``mentions.actor``: "Putin", "the Russian president" and "Vladimir Putin"
  are one feature), weighted by :attr:`Measure.entity_weight`;
- the **numbers** in it ("two", "40" are facts a paraphrase keeps), weighted by
  :attr:`Measure.number_weight`.

Weights are TF-IDF: the inverse document frequency is computed over the sentences of the event (each
sentence a document), so that a word every article of the event repeats ("Kazakhstan" in a story on
Kazakhstan) says little. Vectors are L2-normalised; the similarity of two passages is the cosine of
their vectors, from 0 (nothing shared) to 1.

Names alone must not make two passages alike ("Putin met Tokayev" and "Putin criticised Tokayev"):
:func:`content_similarity` compares the content words only, and pairing asks for both (see
:mod:`framing.alignment.pairing`).

>>> space = Space.fit([features("Tokayev does not recognise the Donbass republics.")])   # doctest: +SKIP
>>> cosine(space.vectors([...]), space.vectors([...]))                                 # doctest: +SKIP

``benchmarks/alignment.py`` compares the measures on written test pairs and the seed pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from scipy import sparse

from framing.measures.terms import tokenize

#: Numbers as written: digits (with inner separators), or the number words up to twelve.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve hundred thousand "
                         "million billion".split())
#: Letters of a word kept by :func:`stems` (cutting words to their first five letters finds most of what
#: a stemmer finds, with no word list: "historic"/"historical", "threat"/"threatening").
STEM_CHARS = 5
#: Feature prefixes: actors and numbers never collide with word features.
ACTOR, NUMBER_PREFIX = "@", "#"


@dataclass(frozen=True)
class Measure:
    """A similarity measure: how passages become features.

    ``terms``: ``chars`` (character n-grams of each content word, lengths ``ngram``), ``stems``
    (content words cut to their first :data:`STEM_CHARS` letters) or ``words`` (whole content words). ``entity_weight`` / ``number_weight``: the weight of an actor or a number
    feature relative to a word (0 leaves them out).
    """

    name: str
    terms: str = "chars"
    ngram: tuple[int, int] = (4, 5)
    entity_weight: float = 2.0
    number_weight: float = 2.0

    @property
    def content(self) -> Measure:
        """The same measure on content words only (no actors, no numbers)."""
        return Measure(f"{self.name} (content)", self.terms, self.ngram, 0.0, 0.0)


#: The measures ``benchmarks/alignment.py`` compares; :data:`DEFAULT` is the one alignment uses.
MEASURES: dict[str, Measure] = {m.name: m for m in (
    Measure("words", terms="words", entity_weight=0.0, number_weight=0.0),
    Measure("words+entities", terms="words"),
    Measure("stems", terms="stems", entity_weight=0.0, number_weight=0.0),
    Measure("stems+entities", terms="stems"),
    Measure("chars", entity_weight=0.0, number_weight=0.0),
    Measure("chars+entities/1", entity_weight=1.0, number_weight=1.0),
    Measure("chars+entities"),
)}
DEFAULT = MEASURES["chars+entities"]


@cache
def stop_words() -> frozenset[str]:
    """Common English function words (spaCy's list, straight apostrophes), left out of the features."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.replace("\u2019", "'") for w in STOP_WORDS)


def _word_features(word: str, measure: Measure) -> tuple[str, ...]:
    if measure.terms == "words":
        return (word,)
    if measure.terms == "stems":
        return (word[:STEM_CHARS],)
    return _grams(word, *measure.ngram)


@lru_cache(maxsize=200_000)
def _grams(word: str, low: int, high: int) -> tuple[str, ...]:
    """The character n-grams (lengths ``low`` to ``high``) of `` word `` (padded with spaces)."""
    padded = f" {word} "
    if len(padded) <= low:
        return (padded,)
    return tuple(padded[i:i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1))


def actor_key(name: str) -> str:
    """An actor's name for comparing across articles: lower-cased, without a leading "the" ("The
    Soviet Union" and "the Soviet Union" are one actor)."""
    key = " ".join(str(name).lower().split())
    return key[4:] if key.startswith("the ") else key


def content_words(text: str) -> list[str]:
    """The content words of ``text``: lower-cased word tokens that are neither function words nor
    number words, straight apostrophes dropped ("didn't" -> "didnt")."""
    skip = stop_words()
    return [t.replace("'", "") for t in tokenize(text) if t not in skip and t not in NUMBER_WORDS and len(t) > 1]


def stems(text: str) -> frozenset[str]:
    """The content words of ``text`` cut to their first :data:`STEM_CHARS` letters: what two passages
    must share, word for word, to report the same thing ("recognise" and "recognize" share "recog")."""
    return frozenset(w[:STEM_CHARS] for w in content_words(text))


def features(text: str, actors: Iterable[str] = (), measure: Measure = DEFAULT) -> Counter[str]:
    """The features of one passage: its content words (as :attr:`Measure.terms`), then its ``actors``
    and numbers when the measure weights them. Returns feature -> count (weights are applied by
    :class:`Space`). Pass the text with its names blanked out (see :func:`masked`): names count once, as
    actors, and never as content words."""
    out: Counter[str] = Counter()
    for word in content_words(text):
        out.update(_word_features(word, measure))
    if measure.number_weight:
        out.update(NUMBER_PREFIX + n.replace(",", "") for n in NUMBER.findall(text))
        out.update(NUMBER_PREFIX + t for t in tokenize(text) if t in NUMBER_WORDS)
    if measure.entity_weight:
        out.update({ACTOR + actor_key(a): 1 for a in actors if actor_key(a)})
    return out


def masked(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` (which starts at character ``offset`` of its article) with the characters of ``spans``
    (article offsets: names, reporting cues) replaced by spaces."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(start - offset, 0), min(end - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _weight(feature: str, measure: Measure) -> float:
    if feature.startswith(ACTOR):
        return measure.entity_weight
    if feature.startswith(NUMBER_PREFIX):
        return measure.number_weight
    return 1.0


class Space:
    """The vocabulary and inverse document frequencies of one event's passages."""

    def __init__(self, idf: dict[str, float], measure: Measure):
        self.idf = idf
        self.measure = measure
        self.index = {f: i for i, f in enumerate(idf)}
        self._weights = np.fromiter(idf.values(), dtype=np.float64, count=len(idf))

    @classmethod
    def fit(cls, documents: Sequence[Counter[str]], measure: Measure = DEFAULT) -> Space:
        """IDF over ``documents`` (the event's sentences), smoothed: ``log((1 + n) / (1 + df)) + 1``."""
        df: Counter[str] = Counter()
        for doc in documents:
            df.update(doc.keys())
        n = len(documents)
        idf = {f: (math.log((1 + n) / (1 + k)) + 1.0) * _weight(f, measure) for f, k in sorted(df.items())}
        return cls(idf, measure)

    def vectors(self, documents: Sequence[Counter[str]]) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows (sublinear term frequency), one per document; features unknown to
        the space are left out. Returns a sparse matrix of shape (documents, vocabulary)."""
        index = self.index
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        for r, doc in enumerate(documents):
            for feature, count in doc.items():
                i = index.get(feature)
                if i is not None:
                    rows.append(r)
                    cols.append(i)
                    counts.append(count)
        col = np.asarray(cols, dtype=np.int64)
        values = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * self._weights[col]
        keep = values > 0
        matrix = sparse.csr_matrix((values[keep], (np.asarray(rows, dtype=np.int64)[keep], col[keep])),
                                   shape=(len(documents), len(index)), dtype=np.float64)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def cosine(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """Cosine similarity of every row of ``a`` with every row of ``b`` (rows are L2-normalised), as a
    dense array of shape (len(a), len(b))."""
    return np.asarray((a @ b.T).todense(), dtype=np.float64).clip(0.0, 1.0)


def similarity(texts_a: Sequence[str], texts_b: Sequence[str], *, actors_a: Sequence[Iterable[str]] | None = None,
               actors_b: Sequence[Iterable[str]] | None = None, measure: Measure = DEFAULT,
               background: Sequence[str] = ()) -> np.ndarray:
    """Cosine similarity of each passage in ``texts_a`` with each in ``texts_b`` (IDF over both sets and
    ``background``): a convenience for passages outside the tables; alignment itself builds one
    :class:`Space` per event."""
    actors_a = actors_a or [()] * len(texts_a)
    actors_b = actors_b or [()] * len(texts_b)
    fa = [features(t, a, measure) for t, a in zip(texts_a, actors_a)]
    fb = [features(t, a, measure) for t, a in zip(texts_b, actors_b)]
    space = Space.fit([*fa, *fb, *(features(t, (), measure) for t in background)], measure)
    return cosine(space.vectors(fa), space.vectors(fb))


def content_similarity(texts_a: Sequence[str], texts_b: Sequence[str], *, measure: Measure = DEFAULT) -> np.ndarray:
    """:func:`similarity` on content words only (no actors, no numbers)."""
    return similarity(texts_a, texts_b, measure=measure.content)
