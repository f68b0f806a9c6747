"""framing: media-framing analysis of news articles (public API re-exports only)."""

from framing.analysis import Summary, Tables, analyze, analyze_to, default_corpus
from framing.corpus import Article, iter_articles, read_corpus
from framing.errors import FramingError, InputError, LexiconError, ModelError, OutputError, Problem
from framing.options import Options
from framing.pipeline.model import load_model, load_pipeline, resolve_model
from framing.schemas import read_table

__version__ = "0.1.0"

__all__ = ["Article", "FramingError", "InputError", "LexiconError", "ModelError", "Options", "OutputError", "Problem",
           "Summary", "Tables", "analyze", "analyze_to", "default_corpus", "iter_articles", "load_model",
           "load_pipeline", "read_corpus", "read_table", "resolve_model"]
