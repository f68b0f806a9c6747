"""Validation on your own corpus: samples for coding by hand, agreement between coders, the tool
scored against their codes, and the coded data back into training (see README, "Validate on your own
corpus").

- :func:`draw_sample` / :func:`write_sample`: a reproducible sample and its coding files (sheet, Label
  Studio and doccano imports, codebook);
- :func:`read_coding`: coded files of one sample (sheet CSV, Label Studio or doccano exports);
- :func:`agreement`: Krippendorff's alpha and percent agreement per code, with bootstrap intervals;
- :func:`validate`: precision, recall and F1 of the tool per code, with Wilson intervals, the confusion
  table and the disagreements in context;
- :func:`write_training_data`, :func:`lexicon_suggestions`: training data and lexicon entries from a
  coded sample.
"""

from framing.validation.agreement import agreement
from framing.validation.codes import Vocabulary, vocabulary
from framing.validation.coding import Coding, read_coding
from framing.validation.sample import Sample, draw_sample, render_sample, write_sample
from framing.validation.scoring import Validation, validate, write_validation
from framing.validation.training import lexicon_suggestions, training_frames, training_spans, write_training_data

__all__ = ["Coding", "Sample", "Validation", "Vocabulary", "agreement", "draw_sample", "lexicon_suggestions",
           "read_coding", "render_sample", "training_frames", "training_spans", "validate", "vocabulary",
           "write_sample", "write_training_data", "write_validation"]
