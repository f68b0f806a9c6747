"""The ``framing_loaded_spans`` component: the loaded-language span model's spans, merged with the
lexicon's ``loaded`` markers in ``doc._.framing_markers``.

It runs after ``framing_markers``. For each Doc it finds the markers of the model's own lexicon
entries (stored in the model, so that the lexicons of the run never change what the model sees), gives
each token the model's probability of lying inside loaded language (the CRF's, and where the model has an
encoder stage, the encoder's in the sentences the CRF hands it: :mod:`framing.loaded.model`), decodes the
model's spans, drops
those that are names, and merges them with the ``loaded`` markers of the run by the model's rule (see
:mod:`framing.loaded.spans`; the shipped model keeps every lexicon match and adds the model spans that
overlap none). What comes out tells the two kinds of evidence apart:

- a lexicon row keeps its ``entry`` and ``source`` (the citation of the list it was adopted from, or
  ``project``), and has no ``score``;
- a model row has ``family`` ``loaded``, ``category`` ``loaded language`` or ``name calling`` (the
  model's label), an empty ``entry``, ``source`` ``model: NAME VERSION``, and ``score``, the mean
  probability of its tokens being inside loaded language.

With ``model="off"`` the component changes nothing. It never changes tokens.

>>> nlp.add_pipe("framing_loaded_spans", after="framing_markers")      # doctest: +SKIP
>>> [(m.text, m.source, m.score) for m in doc._.framing_markers if m.score is not None]  # doctest: +SKIP
[('bloodthirsty tyrant', 'model: loaded-semeval23 1f0c2e9a8b7d', 0.62)]
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from framing import extensions  # noqa: F401  registers doc._.framing_markers
from framing.loaded.model import DEFAULT, LABELS, LoadedModel, load_loaded_model
from framing.loaded.spans import LexiconSpan, ModelSpan, Tokens, combine
from framing.models import keep, kept
from framing.pipeline.markers import MarkerFinder, is_negated
from framing.records import Marker

#: The family of the markers the model adds to and gates.
LOADED = "loaded"
#: The name under which :meth:`LoadedSpans.store` keeps the probabilities with the parse.
STORED = "framing_loaded_probabilities"


class LoadedSpans:
    """Adds one model's spans to the markers of each Doc (None: does nothing)."""

    def __init__(self, nlp: Language, model: LoadedModel | None):
        self.model = model
        self.finder = None if model is None else MarkerFinder(nlp.vocab, nlp.tokenizer, model.entries)

    def __call__(self, doc: Doc) -> Doc:
        if self.model is not None:
            doc._.framing_markers = self.merged(doc, doc._.framing_markers or [])
        return doc

    def probabilities(self, doc: Doc) -> np.ndarray:
        """The model's ``(tokens, 3)`` probabilities for ``doc`` (see :meth:`LoadedModel.probabilities`),
        read back when :meth:`store` kept them for this model version."""
        found = self._kept(doc)
        return found if found is not None else self.model.probabilities(doc, self.finder.find(doc))

    def store(self, doc: Doc) -> bool:
        """Keep the model's probabilities with ``doc``'s parse (they depend on the parse and the model
        alone, not on the run's lexicons; see :func:`framing.models.keep`); True when they were
        computed now, False when already kept."""
        if self.model is None or not self.model.version or self._kept(doc) is not None:
            return False
        values = np.ascontiguousarray(self.model.probabilities(doc, self.finder.find(doc)), dtype=np.float64)
        keep(doc, STORED, self.model.version, values.tobytes())
        return True

    def _kept(self, doc: Doc) -> np.ndarray | None:
        data = kept(doc, STORED, self.model.version)
        if data is None or len(data) != len(doc) * len(LABELS) * 8:
            return None
        return np.frombuffer(data, dtype=np.float64).reshape(len(doc), len(LABELS))

    def merged(self, doc: Doc, markers: list[Marker]) -> list[Marker]:
        """``markers`` with the model's spans merged in (see the module docs), sorted by start_char."""
        model = self.model
        if model is None:
            return list(markers)
        probabilities = self.probabilities(doc)
        loaded = [k for k, m in enumerate(markers) if m.family == LOADED]
        lexicon = [LexiconSpan(markers[k].start_char, markers[k].end_char, model.learnt(markers[k])) for k in loaded]
        keep, spans = combine(Tokens.of(doc), probabilities, lexicon, model.threshold, model.rule,
                              model.gate)
        kept = {loaded[i] for i in keep}
        out = [m for k, m in enumerate(markers) if m.family != LOADED or k in kept]
        parsed = doc.has_annotation("DEP")
        out += [self.marker(doc, span, parsed) for span in spans]
        return sorted(out, key=lambda m: m.start_char)

    def model_spans(self, doc: Doc) -> list[ModelSpan]:
        """Every span the model finds in ``doc`` before merging (names dropped)."""
        if self.model is None:
            return []
        probabilities = self.probabilities(doc)
        return combine(Tokens.of(doc), probabilities, [], self.model.threshold)[1]

    def marker(self, doc: Doc, span: ModelSpan, parsed: bool) -> Marker:
        """The marker record of a model span."""
        words = doc[span.start:span.end]
        return Marker(start_char=span.start_char, end_char=span.end_char, text=words.text,
                      lemma=" ".join(t.lemma_.lower() or t.lower_ for t in words), family=LOADED,
                      category=span.category, entry="", source=self.model.source,
                      negated=is_negated(words, parsed), score=span.score)


@Language.factory(
    "framing_loaded_spans",
    default_config={"model": DEFAULT},
    requires=["doc._.framing_markers", "token.lemma", "token.tag", "token.dep", "token.ent_type"],
    assigns=["doc._.framing_markers"],
)
def make_loaded_spans(nlp: Language, name: str, model: str) -> LoadedSpans:
    """Make the ``framing_loaded_spans`` component with the span model ``model``: ``default`` (the
    shipped one), ``off``, or the folder of a model trained with ``framing train loaded``. Raises
    ModelError for a missing or unreadable model, LexiconError for a bad entry stored in it."""
    return LoadedSpans(nlp, load_loaded_model(model))
