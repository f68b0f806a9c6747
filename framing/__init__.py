"""framing: media-framing analysis of news articles (public API re-exports only).

Each name is imported from its module on first use, so that ``import framing`` and ``framing --help``
start at once, and a run loads only what it needs (spaCy, pandas, TextBlob).
"""

from importlib import import_module

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_EXPORTS = {
    "Summary": "framing.analysis", "Tables": "framing.analysis", "analyze": "framing.analysis",
    "analyze_to": "framing.analysis", "default_corpus": "framing.analysis",
    "Article": "framing.corpus", "iter_articles": "framing.corpus", "read_corpus": "framing.corpus",
    "FramingError": "framing.errors", "InputError": "framing.errors", "LexiconError": "framing.errors",
    "ModelError": "framing.errors", "OutputError": "framing.errors", "Problem": "framing.errors",
    "Options": "framing.options",
    "load_model": "framing.pipeline.model", "load_pipeline": "framing.pipeline.model",
    "resolve_model": "framing.pipeline.model",
    "read_table": "framing.schemas",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
