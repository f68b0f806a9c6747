"""Shared fixtures: the trained pipeline is loaded once per session; the seed articles come from data/.

Tests that load the trained pipeline are marked ``slow`` here, by the fixtures they use; tests that are
slow for another reason (a Dask cluster, worker processes, a subprocess, every figure drawn, figures
rendered to PNG and SVG) carry ``@pytest.mark.slow`` themselves. ``pytest -m "not slow"`` is the quick
loop.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

pytest.register_assert_rewrite("drawn", "rows")

# The seed data, also imported from here by tests/test_sourcing.py.
from seeds import ANNOTATIONS, CORPUS, KRONE, ONEWORLD, ROOT  # noqa: E402

__all__ = ["ANNOTATIONS", "CORPUS", "KRONE", "ONEWORLD", "ROOT"]

#: Fixtures that load the trained pipeline: a test that uses one, directly or through another fixture,
#: is slow.
MODEL_FIXTURES = frozenset({"nlp", "quick", "seed_docs"})


def pytest_configure(config: pytest.Config) -> None:
    """Parses cached by the tests go to a folder of their own (inherited by the processes the tests
    start), never to the user's cache."""
    folder = tempfile.mkdtemp(prefix="framing-test-cache-")
    previous = os.environ.get("FRAMING_CACHE_DIR")
    os.environ["FRAMING_CACHE_DIR"] = folder

    def restore() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        if previous is None:
            os.environ.pop("FRAMING_CACHE_DIR", None)
        else:
            os.environ["FRAMING_CACHE_DIR"] = previous

    config.add_cleanup(restore)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if MODEL_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline (model + framing components), loaded once."""
    from framing.pipeline.model import load_pipeline

    return load_pipeline()


@pytest.fixture
def quick(monkeypatch, nlp):
    """Run the CLI in-process with the session's pipeline (without the corpus's aliases) instead of
    loading it again; the engine's per-process pipelines are set aside so that none outlives the test."""
    monkeypatch.setattr("framing.pipeline.engine.load_pipeline", lambda *args, **kwargs: nlp)
    monkeypatch.setattr("framing.pipeline.engine._ANALYZERS", {})


@pytest.fixture(scope="session")
def blank_nlp():
    """A pipeline without a model: the English tokenizer, sentences split at line breaks and final
    punctuation, and the lexicon markers (which match on a tokenizer-only pipeline). Enough for the
    articles, sentences and markers tables, and built in a second."""
    import spacy

    from framing.records import FAMILIES

    pipeline = spacy.blank("en")
    pipeline.add_pipe("framing_paragraphs")
    pipeline.add_pipe("sentencizer")
    # frame cues are a layer of their own, tested in tests/frames/: the fast tests look at the other families
    families = [family for family in FAMILIES if family != "frame"]
    pipeline.add_pipe("framing_markers", config={"lexicon_paths": [], "families": families})
    return pipeline


@pytest.fixture(scope="session")
def seed_articles():
    """The two seed articles by doc_id, read through framing.corpus."""
    from framing.corpus import read_corpus

    articles, problems = read_corpus(CORPUS)
    assert not [p for p in problems if p.skipped]
    return {article.doc_id: article for article in articles}


@pytest.fixture(scope="session")
def seed_docs(nlp, seed_articles):
    """The seed articles parsed by the full pipeline, by doc_id."""
    ids = list(seed_articles)
    docs = nlp.pipe(seed_articles[i].text for i in ids)
    return dict(zip(ids, docs))


@pytest.fixture(scope="session")
def seed_tables(nlp):
    """The tables of the seed corpus, analysed once with the session's pipeline."""
    from framing.analysis import analyze

    return analyze(nlp=nlp, progress=False)
