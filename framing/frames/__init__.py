"""The 14 generic frames: the article model (scores, decisions, evidence sentences), its training, and
the ``framing_frames`` spaCy component.

- :mod:`framing.frames.features`: what the model reads from a parsed Doc (terms, frame cues, sentences);
- :mod:`framing.frames.model`: a trained model, read, written and applied with NumPy alone;
- :mod:`framing.frames.fit`: fitting and cross-validating a model (scikit-learn);
- :mod:`framing.frames.data`: coded articles (SemEval folder or CSV export), checked line by line;
- :mod:`framing.frames.train`: ``framing train frames``: data -> parse -> evaluation -> model + card;
- :mod:`framing.frames.card`: the model card;
- :mod:`framing.frames.component`: the ``framing_frames`` component.

The frames and the cue lexicon are data: ``framing/lexicons/frames/frames.csv`` and
``framing/lexicons/markers/frames.csv`` (see :mod:`framing.lexicons.definitions`).
"""
