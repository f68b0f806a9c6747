"""Views of a parsed Doc read from its arrays: sentences, entities and the word count.

``doc.sents`` and ``doc.ents`` make a Token object for every token each time they are read; on a long
corpus that costs more than the framing components themselves. These functions give the same spans
from the arrays of sentence starts and entity tags.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

#: Values of the ENT_IOB array: inside, outside, beginning of an entity (0: not set).
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, the spans ``doc.sents`` gives, read from the array of sentence starts
    (``doc.sents`` makes a Token object per token to find them)."""
    if not len(doc) or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return list(doc.sents)  # what doc.sents does then, errors included
    marks = doc.to_array(SENT_START)
    starts = [0, *(numpy.flatnonzero(marks[1:] == 1) + 1).tolist()]
    return [doc[start:end] for start, end in zip(starts, [*starts[1:], len(doc)])]


def word_count(doc: Doc) -> int:
    """Number of words: tokens that are neither punctuation nor whitespace."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_PUNCT, IS_SPACE]).reshape(len(doc), 2)
    return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


def entities(doc: Doc) -> tuple[Span, ...]:
    """The named entities of ``doc``, the spans ``doc.ents`` gives (with their labels), read from the
    entity arrays. An entity starts at a B tag, or at an I tag after an O tag or a change of type."""
    if not len(doc) or not doc.has_annotation("ENT_IOB"):
        return tuple(doc.ents)
    tags = doc.to_array([ENT_IOB, ENT_TYPE]).reshape(len(doc), 2)
    out = []
    start, label = -1, 0
    for i, (iob, kind) in enumerate(tags.tolist()):
        if start >= 0 and (iob != _INSIDE or kind != label):
            out.append(Span(doc, start, i, label=label))
            start = -1
        if iob == _BEGIN or (iob == _INSIDE and start < 0 and kind):
            start, label = i, kind
    if start >= 0:
        out.append(Span(doc, start, len(doc), label=label))
    return tuple(out)

