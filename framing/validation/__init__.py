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

from importlib import import_module

#: Name -> the module that defines it: imported on first use (``framing --help`` reads the units of
#: :mod:`framing.validation.codes` without paying for SciPy and pandas).
_WHERE = {"agreement": "reliability", "Vocabulary": "codes", "vocabulary": "codes", "Coding": "coding",
          "read_coding": "coding", "Sample": "sample", "draw_sample": "sample", "render_sample": "sample",
          "write_sample": "sample", "Validation": "scoring", "validate": "scoring", "write_validation": "scoring",
          "lexicon_suggestions": "training", "training_frames": "training", "training_spans": "training",
          "write_training_data": "training"}


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f"framing.validation.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'framing.validation' has no attribute {name!r}")


__all__ = sorted(_WHERE)
