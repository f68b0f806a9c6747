"""Loaded language learned from annotated news: a span model beside the lexicons, its training, and the
``framing_loaded_spans`` spaCy component.

- :mod:`framing.loaded.features`: the token features read from a parsed Doc;
- :mod:`framing.loaded.crf`: a linear-chain CRF (NumPy and SciPy): training and token marginals;
- :mod:`framing.loaded.spans`: marginals -> spans, the rules that merge them with lexicon matches, and the
  span scores of SemEval-2023 Task 3;
- :mod:`framing.loaded.encoder`: the encoder stage, a small transformer in NumPy (word pieces, windows,
  the network, its int8 weights file);
- :mod:`framing.loaded.encoder_train`: fine-tuning the encoder with PyTorch (``framing[encoder]``);
- :mod:`framing.loaded.model`: a trained model, read and written as JSON (and the encoder's files),
  applied to a Doc;
- :mod:`framing.loaded.data`: annotated texts (``text/ID.txt`` and ``spans.tsv``), checked line by line;
- :mod:`framing.loaded.train`: ``framing train loaded``: data -> parse -> search -> held-out scores ->
  model + card;
- :mod:`framing.loaded.card`: the model card;
- :mod:`framing.loaded.component`: the ``framing_loaded_spans`` component, which adds the model's spans
  to the ``loaded`` markers.
"""
