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

Each name is imported from its module on first use.
"""

from importlib import import_module

_EXPORTS = {
    "Sample": "framing.validation.sample", "draw_sample": "framing.validation.sample",
    "write_sample": "framing.validation.sample", "render_sample": "framing.validation.sample",
    "Vocabulary": "framing.validation.codes", "vocabulary": "framing.validation.codes",
    "Coding": "framing.validation.coding", "read_coding": "framing.validation.coding",
    "agreement": "framing.validation.agreement", "validate": "framing.validation.scoring",
    "Validation": "framing.validation.scoring", "write_validation": "framing.validation.scoring",
    "training_frames": "framing.validation.training", "training_spans": "framing.validation.training",
    "write_training_data": "framing.validation.training", "lexicon_suggestions": "framing.validation.training",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'framing.validation' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
