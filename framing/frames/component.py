"""The ``framing_frames`` component: the frames model's scores, decisions and per-sentence evidence for
each Doc, in ``doc._.framing_frames`` (a :class:`~framing.records.ArticleFrames`).

The component reads the parse only (lemmas, sentence boundaries) and finds the model's own cue entries
(those it was trained with, stored in the model file), so its output depends on the model and the parse
alone, never on the lexicons of the run: frame cues the user adds or switches off change the
``markers`` and ``sentence_frames`` tables (the lexicon's evidence), not the model's decisions. With
``model="off"`` it sets nothing. It runs after ``framing_markers`` in the pipeline and never changes
tokens.

>>> nlp.add_pipe("framing_frames", config={"model": "default"})      # doctest: +SKIP
>>> doc._.framing_frames.present                                     # doctest: +SKIP
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from framing import extensions  # noqa: F401  (registers doc._.framing_frames)
from framing.frames.features import cue_finder, doc_features
from framing.frames.model import DEFAULT, FramesModel, load_frames_model
from framing.models import keep, kept
from framing.records import ArticleFrames

#: The name under which :meth:`FramesComponent.store` keeps the reading with the parse.
STORED = "framing_frames_reading"


class FramesComponent:
    """Scores each Doc with one frames model (None: does nothing)."""

    def __init__(self, nlp: Language, model: FramesModel | None):
        self.model = model
        self.finder = None if model is None else cue_finder(nlp.vocab, model.cue_entries())

    def __call__(self, doc: Doc) -> Doc:
        if self.model is not None:
            doc._.framing_frames = self.read(doc)
        return doc

    def read(self, doc: Doc) -> ArticleFrames:
        """The model's reading of ``doc`` (the Doc is not changed; read back when :meth:`store` kept it
        for this model version)."""
        model = self.model
        scores, present, parts = kept(doc, STORED, model.version) or self._compute(doc)
        return ArticleFrames(source=model.source, frames=model.frames, scores=tuple(scores),
                             present=tuple(bool(p) for p in present), contributions=tuple(tuple(row) for row in parts))

    def store(self, doc: Doc) -> bool:
        """Keep the model's reading with ``doc``'s parse (it depends on the parse and the model alone;
        see :func:`framing.models.keep`); True when it was computed now, False when already kept."""
        if self.model is None or not self.model.version or kept(doc, STORED, self.model.version) is not None:
            return False
        keep(doc, STORED, self.model.version, self._compute(doc))
        return True

    def _compute(self, doc: Doc) -> tuple[list[float], list[bool], list[list[float]]]:
        features = doc_features(doc, self.finder, self.model.frames)
        scores, present, parts = self.model.score(features)
        return ([float(s) for s in scores], [bool(p) for p in present],
                [[float(v) for v in row] for row in parts])


@Language.factory(
    "framing_frames",
    default_config={"model": DEFAULT},
    requires=["token.lemma", "token.is_sent_start"],
    assigns=["doc._.framing_frames"],
)
def make_frames(nlp: Language, name: str, model: str) -> FramesComponent:
    """Make the ``framing_frames`` component with the frames model ``model``: ``default`` (the shipped
    one), ``off``, or the folder of a model trained with ``framing train frames``. Raises ModelError for
    a missing or unreadable model."""
    return FramesComponent(nlp, load_frames_model(model))
