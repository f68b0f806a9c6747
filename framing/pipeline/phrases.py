"""A loaded term is reported with the phrase it evaluates: "appalling decision", "murderous regime",
"widely discredited", not "appalling", "regime", "discredited" alone.

A lexicon entry names a word ("appalling"); what the writer wrote is a phrase, and the loaded wording
is the phrase (annotators of loaded language mark "bogus smear", "habitual liar", "steadfastly
ignored"). :func:`widen_loaded` widens each ``loaded`` marker over the words its matched word is tied
to by the parse, within its sentence:

- an adjective that modifies a noun after it (``amod``, at most three words on) takes in that noun and
  the words between ("irreparable reputational damage");
- an adverb that modifies the verb or adjective right after it takes in that word ("steadfastly
  ignored");
- then the phrase's head takes in the modifiers standing right before it (adjectives, adverbs and
  nouns as ``amod``, ``advmod``, ``compound``, ``nmod``, ``npadvmod``; not names): "murderous regime",
  "habitual liar"; and the first word its adverb ("widely discredited"). Negations and focus words
  (``phrase_stop`` in ``words/markers.csv``: "also", "only", "just"...) are never taken in.

A phrase never crosses punctuation or a line break, never takes a word of a name (the entity types of
:data:`framing.records.NAME_ENTITIES`, as the lexicon matcher reads names), and
never takes a word that another marker holds (a booster's "very", another loaded term): each word is
counted once. The marker keeps its ``entry``, ``category``, ``source`` and ``negated`` (read on the
matched words); ``text``, ``lemma`` and the offsets become the phrase's. Frame cues and the other
families are not widened, and a Doc without a dependency parse is left as it is.

Against the loaded-language spans of SemEval-2023 Task 3, the widened lexicon markers score
partial-overlap F1 0.232 against 0.200 as matched on the 210 training articles of ``framing train
loaded``'s split (seed 0), where the rules were written, and 0.243 against 0.207 on its 53 held-out
articles (``benchmarks/README.md`` has the merged scores).

>>> [m.text for m in widen_loaded(doc, markers) if m.family == "loaded"]      # doctest: +SKIP
['appalling decision']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from framing.lexicons.words import word_list
from framing.records import FRAME_FAMILY, NAME_ENTITIES, Marker

#: The family whose markers are widened.
LOADED = "loaded"
#: How far after an adjective the noun it modifies may stand (words between included).
MAX_NOUN_GAP = 3
#: Dependency labels and parts of speech of the modifiers a phrase's head takes in from its left.
LEFT_DEPS = frozenset({"amod", "advmod", "compound", "nmod", "npadvmod"})
LEFT_POS = frozenset({"ADJ", "ADV", "NOUN"})
NOUNS = frozenset({"NOUN", "PROPN"})


@cache
def _stops() -> frozenset[str]:
    """Words a phrase never takes in: negations and focus words."""
    return word_list("markers", "negator") | word_list("markers", "phrase_stop")


def widen_loaded(doc: Doc, markers: Sequence[Marker]) -> list[Marker]:
    """``markers`` with each ``loaded`` marker widened to its phrase (see the module docs); the others
    unchanged. Sorted by ``start_char``, as given."""
    if not markers or not doc.has_annotation("DEP"):
        return list(markers)
    held = bytearray(len(doc))
    spans = []
    for marker in markers:
        span = doc.char_span(marker.start_char, marker.end_char, alignment_mode="expand")
        spans.append(span)
        if span is not None and marker.family != FRAME_FAMILY:
            held[span.start:span.end] = b"\x01" * len(span)
    out = []
    for marker, span in zip(markers, spans):
        if marker.family != LOADED or span is None:
            out.append(marker)
            continue
        start, end = phrase_range(doc, span.start, span.end, held)
        if (start, end) == (span.start, span.end):
            out.append(marker)
            continue
        held[start:end] = b"\x01" * (end - start)
        phrase = doc[start:end]
        out.append(replace(marker, start_char=phrase.start_char, end_char=phrase.end_char, text=phrase.text,
                           lemma=" ".join(t.lemma_.lower() or t.lower_ for t in phrase)))
    return sorted(out, key=lambda m: m.start_char)


def phrase_range(doc: Doc, start: int, end: int, held: bytearray) -> tuple[int, int]:
    """The token range of the phrase around the matched words ``start:end`` (see the module docs);
    ``held`` flags the words other markers hold."""
    root = doc[start:end].root
    sent = root.sent
    stops = _stops()
    lo, hi = start, end

    def free(i: int) -> bool:
        token = doc[i]
        return (sent.start <= i < sent.end and not held[i] and not token.is_punct and not token.is_space
                and "\n" not in token.text and token.ent_type_ not in NAME_ENTITIES)

    head = root
    target = root.head
    if root.dep_ == "amod" and target.pos_ in NOUNS and end <= target.i <= end - 1 + MAX_NOUN_GAP:
        if all(free(i) for i in range(end, target.i + 1)):
            hi, head = target.i + 1, target
    elif root.dep_ == "advmod" and target.i == end and target.pos_ in {"VERB", "ADJ"} and free(end):
        hi, head = end + 1, target
    for child in reversed(list(head.lefts)):  # nearest first
        if child.i >= lo:
            continue  # inside the phrase already ("reputational" in "irreparable reputational damage")
        if (child.i != lo - 1 or not free(child.i) or child.dep_ not in LEFT_DEPS or child.pos_ not in LEFT_POS
                or child.lower_ in stops):
            break
        lo = child.i
    for child in doc[lo].lefts:  # the first word's own adverb, right before it ("widely discredited")
        if (child.i == lo - 1 and child.dep_ == "advmod" and child.pos_ == "ADV" and free(child.i)
                and child.lower_ not in stops):
            return child.i, hi
    return lo, hi
