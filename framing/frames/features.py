"""What the frames model reads from a parsed Doc: its words, its frame cues and where they stand.

- **Terms**: the lower-cased lemma of every alphabetic token (``troops`` -> ``troop``), with the sentence
  it stands in. The model weighs them by sublinear TF-IDF.
- **Cue hits**: the frame cues found by the lexicon matcher (:class:`framing.pipeline.markers.MarkerFinder`)
  with the cue entries the model was trained with, one hit per cue and frame, with its sentence. Per
  frame, the model reads the hits per 1,000 words and ``log(1 + hits)``.
- **Words**: tokens that are neither punctuation nor white space (the ``n_words`` of the articles table).

Sentences are those of the ``sentences`` table (:func:`framing.arrays.sentences`), so a sentence index
here is its ``sent_id``. Nothing else of the Doc is kept: a corpus's features fit in memory where its
Docs would not.

>>> finder = cue_finder(nlp.vocab, load_lexicon(families=["frame"]))           # doctest: +SKIP
>>> features = doc_features(doc, finder, frame_names())                        # doctest: +SKIP
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LOWER
from spacy.tokens import Doc
from spacy.vocab import Vocab

from framing.arrays import sentences
from framing.lexicons.entries import Entry
from framing.pipeline.markers import MarkerFinder
from framing.records import FRAME_FAMILY

#: Lower-cased strings by their hash in the string store (hashes are of the strings, so any vocabulary).
_LOWER: dict[int, str] = {}


@dataclass(frozen=True)
class DocFeatures:
    """The model's view of one document: ``terms`` (lower-cased lemmas of alphabetic tokens, in text
    order) with ``term_sents`` (their sentence), ``hits`` (frame index of each cue hit) with
    ``hit_sents``, ``n_words`` and ``n_sents``."""

    terms: tuple[str, ...]
    term_sents: np.ndarray
    hits: np.ndarray
    hit_sents: np.ndarray
    n_words: int
    n_sents: int

    def term_counts(self) -> dict[str, int]:
        """Each term with how often it occurs."""
        counts: dict[str, int] = {}
        for term in self.terms:
            counts[term] = counts.get(term, 0) + 1
        return counts

    def cue_counts(self, n_frames: int) -> np.ndarray:
        """Cue hits per frame (length ``n_frames``)."""
        return np.bincount(self.hits, minlength=n_frames).astype(float)


def cue_finder(vocab: Vocab, entries: Sequence[Entry]) -> MarkerFinder:
    """A matcher of the frame cues among ``entries`` (other families are left out)."""
    from spacy.lang.en import English

    cues = [e for e in entries if e.family == FRAME_FAMILY]
    return MarkerFinder(vocab, English(vocab=vocab).tokenizer, cues)


def _lower(doc: Doc, key: int) -> str:
    text = _LOWER.get(key)
    if text is None:
        text = _LOWER[key] = doc.vocab.strings[key].lower()
    return text


def doc_features(doc: Doc, finder: MarkerFinder, frames: Sequence[str]) -> DocFeatures:
    """The features of ``doc``: its terms, the cue hits of ``finder`` on it (frames outside ``frames`` are
    ignored) and the sentence of each. The Doc is not changed."""
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    if len(doc):
        arr = doc.to_array([LEMMA, LOWER, IS_ALPHA, IS_PUNCT, IS_SPACE]).reshape(len(doc), 5)
    else:
        arr = np.zeros((0, 5), dtype=np.uint64)
    n_words = int(((arr[:, 3] == 0) & (arr[:, 4] == 0)).sum())
    alpha = np.flatnonzero(arr[:, 2] == 1)
    keys = np.where(arr[alpha, 0] != 0, arr[alpha, 0], arr[alpha, 1])  # a lemma, else the lower-case form
    unique, inverse = np.unique(keys, return_inverse=True)
    strings = [_lower(doc, int(k)) for k in unique.tolist()]
    terms = tuple(strings[i] for i in inverse.tolist())
    token_sent = np.zeros(len(doc), dtype=np.int64)
    for k, sent in enumerate(sents):
        token_sent[sent.start:sent.end] = k
    index = {name: i for i, name in enumerate(frames)}
    hits, hit_sents = [], []
    for marker in finder.find(doc):
        j = index.get(marker.category)
        if j is not None:
            hits.append(j)
            hit_sents.append(bisect_right(starts, marker.start_char) - 1)
    return DocFeatures(terms=terms, term_sents=token_sent[alpha], hits=np.asarray(hits, dtype=np.int64),
                       hit_sents=np.asarray(hit_sents, dtype=np.int64), n_words=n_words, n_sents=len(sents))


def cue_features(counts: np.ndarray, n_words: int) -> np.ndarray:
    """The raw cue features of one document from its hits per frame: hits per 1,000 words, then
    ``log(1 + hits)`` (length twice the number of frames)."""
    return np.concatenate([counts * 1000.0 / max(n_words, 1), np.log1p(counts)])


def join_features(parts: Sequence[DocFeatures]) -> DocFeatures:
    """The features of a text parsed in pieces (in order), as if it were one document."""
    if len(parts) == 1:
        return parts[0]
    offsets = np.cumsum([0, *[p.n_sents for p in parts[:-1]]])
    return DocFeatures(
        terms=tuple(t for p in parts for t in p.terms),
        term_sents=np.concatenate([p.term_sents + o for p, o in zip(parts, offsets)]),
        hits=np.concatenate([p.hits for p in parts]),
        hit_sents=np.concatenate([p.hit_sents + o for p, o in zip(parts, offsets)]),
        n_words=sum(p.n_words for p in parts), n_sents=sum(p.n_sents for p in parts))
